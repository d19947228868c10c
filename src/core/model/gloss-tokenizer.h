/* gloss-tokenizer.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A token of the text: [start, end) in code points, and the same in bytes
 * of the UTF-8 text it was found in (which, like every text Gloss reads,
 * stays below 4 GiB). */
typedef struct
{
  guint    start;
  guint    end;
  guint    start_byte;
  guint    end_byte;
  /* TRUE on the last token of a sentence. */
  gboolean sentence_end;
} GlossToken;

/* The default word boundaries of Unicode's UAX #29 (rules WB1 to WB999,
 * with the Word_Break and Extended_Pictographic properties of Unicode
 * 15.0), those of Unicode's WordBreakTest.txt: the offsets in @chars where
 * a boundary falls, in order, 0 and @n_chars included.  Empty text has
 * the one boundary 0.  ICU's word break iterator finds the same, but for
 * the dictionaries it adds for scripts written without spaces (Chinese,
 * Japanese, Thai...), where these rules cut every ideograph apart. */
GArray *gloss_word_boundaries (const gunichar *chars,
                               gsize           n_chars);

/* Splits @text (valid UTF-8) into tokens and sentences, for the CoNLL
 * export.  The rules, which anyone can check against the Unicode standard:
 *
 *   - Tokens are the segments between the word boundaries of UAX #29
 *     (gloss_word_boundaries()): "U.S" and "."; "HBx", "-" and "induced";
 *     a flag or an emoji sequence joined with U+200D whole; a soft hyphen
 *     kept in its word.
 *   - White space is never part of a token: segments of white space, line
 *     breaks and invisible format characters alone (a zero-width space, a
 *     byte order mark) are not tokens, and a segment with white space
 *     inside it (UAX #29 keeps a narrow no-break space between letters) is
 *     cut there, so that tools that split lines on white space read every
 *     token whole.
 *   - Beyond UAX #29, French elided words are tokens of their own: a word
 *     that starts with c d j l m n s t qu jusqu lorsqu puisqu quoiqu (in
 *     any case) and an apostrophe (' or ’) is cut after the apostrophe
 *     ("l’", "homme"; "qu’", "il").
 *   - A sentence ends after a token . ! ? or … (with the tokens of that
 *     kind, closing quotes and closing brackets right after it) when white
 *     space or the end of the text follows, after 。！？ whatever follows,
 *     and at every line break.  "Inc.com" and "3.5" go on; "U.S. Steel"
 *     is cut after "U.S.", which the CoNLL export mends inside an
 *     annotation.
 *
 * Returns an array of GlossToken in text order. */
GArray *gloss_tokenize        (const char     *text,
                               gsize           n_bytes);

/* In @tokens (from gloss_tokenize()), by binary search: the first token
 * that ends after @offset, and the first token from @from on that starts
 * at @offset or after; so a passage [start, end) covers the tokens
 * [find_end_after (start), find_start_from (that, end)), those it shares
 * a character with. */
guint   gloss_tokens_find_end_after  (const GArray   *tokens,
                                      guint           offset);
guint   gloss_tokens_find_start_from (const GArray   *tokens,
                                      guint           from,
                                      guint           offset);

G_END_DECLS
