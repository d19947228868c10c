/* gloss-tokenizer.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A token of the text: [start, end) in code points. */
typedef struct
{
  guint    start;
  guint    end;
  /* TRUE on the last token of a sentence. */
  gboolean sentence_end;
} GlossToken;

/* Splits @text (valid UTF-8) into tokens and sentences, for the CoNLL
 * export.  The rules, simple on purpose so that anyone can predict them:
 *
 *   - White space (and format characters such as a byte order mark or a
 *     zero-width space) separates tokens and is never part of one.
 *   - A word is a run of letters, marks, digits and connectors ('_'), as
 *     g_unichar_type() classes them.  A hyphen between two word characters
 *     stays in the word ("peut-être", "Jean-Pierre"), and so does a '.' or
 *     ',' between two digits ("3.5", "1,000").  An apostrophe (' or ’)
 *     between two word characters stays in the word ("aujourd’hui",
 *     "don't") unless what comes before it in the word is a French elided
 *     word: c d j l m n s t qu jusqu lorsqu puisqu quoiqu, in any case;
 *     then the elided word and its apostrophe are a token of their own
 *     ("l’", "homme"; "qu’", "il").
 *   - Any other character (punctuation, symbols, emoji) is a token alone.
 *   - A sentence ends after . ! ? or … (and the closing quotes and
 *     brackets right after them), and at every line break.
 *
 * Returns an array of GlossToken in text order. */
GArray *gloss_tokenize (const char *text,
                        gsize       n_bytes);

G_END_DECLS
