/* gloss-tokenizer.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-tokenizer"

#include "config.h"

#include <string.h>

#include "gloss-tokenizer.h"
#include "gloss-word-break-table.h"

static const char * const elisions[] = {
  "c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
};

/* The Word_Break value of @c, with GLOSS_WB_EXTPICT set for the
 * Extended_Pictographic code points. */
static guint8
word_break_of (gunichar c)
{
  guint low = 0, high = G_N_ELEMENTS (gloss_word_break_ranges);

  if (c < G_N_ELEMENTS (gloss_word_break_direct))
    return gloss_word_break_direct[c];

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (c < gloss_word_break_ranges[middle].first)
        high = middle;
      else if (c > gloss_word_break_ranges[middle].last)
        low = middle + 1;
      else
        return gloss_word_break_ranges[middle].value;
    }

  return GLOSS_WB_OTHER;
}

static inline gboolean
is_newline (guint8 v)
{
  return v == GLOSS_WB_CR || v == GLOSS_WB_LF || v == GLOSS_WB_NEWLINE;
}

/* What WB4 attaches to the character before it. */
static inline gboolean
is_ignorable (guint8 v)
{
  return v == GLOSS_WB_EXTEND || v == GLOSS_WB_FORMAT || v == GLOSS_WB_ZWJ;
}

static inline gboolean
is_ahletter (guint8 v)
{
  return v == GLOSS_WB_ALETTER || v == GLOSS_WB_HEBREW_LETTER;
}

static inline gboolean
is_midnumletq (guint8 v)
{
  return v == GLOSS_WB_MIDNUMLET || v == GLOSS_WB_SINGLE_QUOTE;
}

/* Walks the boundaries of a text from its start.  The rules after WB4 see
 * the text with Extend, Format and ZWJ characters attached to the
 * character before them: @last is the last character they see, @before
 * the one before it (-1 when there is none), and @ri_run how many
 * Regional_Indicator characters end at @last, which WB15 and WB16 pair. */
typedef struct
{
  const guint8 *props;
  gsize         n;
  gsize         i;
  gsize         last;
  gssize        before;
  gsize         ri_run;
} Breaker;

static void
breaker_init (Breaker      *b,
              const guint8 *props,
              gsize         n)
{
  b->props = props;
  b->n = n;
  b->i = 1;
  b->last = 0;
  b->before = -1;
  b->ri_run = n > 0 && GLOSS_WB_VALUE (props[0]) == GLOSS_WB_REGIONAL_INDICATOR;
}

/* The value of the first character from @i on that WB4 does not attach,
 * as WB6, WB7b and WB12 look ahead; Other past the end. */
static guint8
value_after (const Breaker *b,
             gsize          i)
{
  while (i < b->n && is_ignorable (GLOSS_WB_VALUE (b->props[i])))
    i++;

  return i < b->n ? GLOSS_WB_VALUE (b->props[i]) : GLOSS_WB_OTHER;
}

/* TRUE when the rules from WB5 on put a boundary between @p, the last
 * character WB4 leaves before position @i, and @c at @i. */
static gboolean
breaks_between (const Breaker *b,
                guint8         p,
                guint8         c,
                gsize          i)
{
  guint8 pp = b->before >= 0 ? GLOSS_WB_VALUE (b->props[b->before]) : GLOSS_WB_OTHER;

  /* WB5 to WB7c: letters, and letters around an apostrophe or a dot. */
  if (is_ahletter (p) && is_ahletter (c))
    return FALSE;
  if (is_ahletter (p) && (c == GLOSS_WB_MIDLETTER || is_midnumletq (c)) &&
      is_ahletter (value_after (b, i + 1)))
    return FALSE;
  if ((p == GLOSS_WB_MIDLETTER || is_midnumletq (p)) && is_ahletter (c) && is_ahletter (pp))
    return FALSE;
  if (p == GLOSS_WB_HEBREW_LETTER && c == GLOSS_WB_SINGLE_QUOTE)
    return FALSE;
  if (p == GLOSS_WB_HEBREW_LETTER && c == GLOSS_WB_DOUBLE_QUOTE &&
      value_after (b, i + 1) == GLOSS_WB_HEBREW_LETTER)
    return FALSE;
  if (p == GLOSS_WB_DOUBLE_QUOTE && c == GLOSS_WB_HEBREW_LETTER && pp == GLOSS_WB_HEBREW_LETTER)
    return FALSE;

  /* WB8 to WB12: numbers, with letters, and around separators. */
  if ((p == GLOSS_WB_NUMERIC || is_ahletter (p)) &&
      (c == GLOSS_WB_NUMERIC || is_ahletter (c)) &&
      (p == GLOSS_WB_NUMERIC || c == GLOSS_WB_NUMERIC))
    return FALSE;
  if ((p == GLOSS_WB_MIDNUM || is_midnumletq (p)) && c == GLOSS_WB_NUMERIC &&
      pp == GLOSS_WB_NUMERIC)
    return FALSE;
  if (p == GLOSS_WB_NUMERIC && (c == GLOSS_WB_MIDNUM || is_midnumletq (c)) &&
      value_after (b, i + 1) == GLOSS_WB_NUMERIC)
    return FALSE;

  /* WB13 to WB13b: katakana, and connectors such as '_'. */
  if (p == GLOSS_WB_KATAKANA && c == GLOSS_WB_KATAKANA)
    return FALSE;
  if ((is_ahletter (p) || p == GLOSS_WB_NUMERIC || p == GLOSS_WB_KATAKANA ||
       p == GLOSS_WB_EXTENDNUMLET) && c == GLOSS_WB_EXTENDNUMLET)
    return FALSE;
  if (p == GLOSS_WB_EXTENDNUMLET &&
      (is_ahletter (c) || c == GLOSS_WB_NUMERIC || c == GLOSS_WB_KATAKANA))
    return FALSE;

  /* WB15, WB16: flags are pairs of regional indicators. */
  if (p == GLOSS_WB_REGIONAL_INDICATOR && c == GLOSS_WB_REGIONAL_INDICATOR)
    return b->ri_run % 2 == 0;

  /* WB999 */
  return TRUE;
}

/* Returns the next boundary after the one the breaker stands on, @n at
 * the end. */
static gsize
breaker_next (Breaker *b)
{
  for (; b->i < b->n; b->i++)
    {
      gsize i = b->i;
      guint8 raw_p = b->props[i - 1], raw_c = b->props[i];
      guint8 rp = GLOSS_WB_VALUE (raw_p), c = GLOSS_WB_VALUE (raw_c);
      gboolean boundary;

      /* WB3 to WB3d look at the characters as they are. */
      if (rp == GLOSS_WB_CR && c == GLOSS_WB_LF)
        boundary = FALSE;
      else if (is_newline (rp) || is_newline (c))
        boundary = TRUE;
      else if (rp == GLOSS_WB_ZWJ && (raw_c & GLOSS_WB_EXTPICT))
        boundary = FALSE;
      else if (rp == GLOSS_WB_WSEGSPACE && c == GLOSS_WB_WSEGSPACE)
        boundary = FALSE;
      else if (is_ignorable (c))
        {
          /* WB4: attached to what comes before, which stays the last
           * character the other rules see. */
          continue;
        }
      else
        boundary = breaks_between (b, GLOSS_WB_VALUE (b->props[b->last]), c, i);

      if (c == GLOSS_WB_REGIONAL_INDICATOR)
        b->ri_run = GLOSS_WB_VALUE (b->props[b->last]) == GLOSS_WB_REGIONAL_INDICATOR ?
                    b->ri_run + 1 : 1;
      else
        b->ri_run = 0;
      b->before = b->last;
      b->last = i;

      if (boundary)
        return b->i++;
    }

  return b->n;
}

/* The Word_Break values of @chars. */
static guint8 *
props_of_chars (const gunichar *chars,
                gsize           n)
{
  guint8 *props = g_new (guint8, MAX (n, 1));

  for (gsize i = 0; i < n; i++)
    props[i] = word_break_of (chars[i]);

  return props;
}

/* The Word_Break values of the characters of @text (valid UTF-8): the
 * tokenizer keeps these, a byte a character, rather than the text as
 * UCS-4, four times as large. */
static guint8 *
props_of_text (const char *text,
               gsize       n_bytes,
               gsize      *n_chars)
{
  const char *end = text + n_bytes;
  guint8 *props = g_new (guint8, MAX (n_bytes, 1));
  gsize n = 0;

  for (const char *p = text; p < end; n++)
    {
      if ((guchar)*p < 0x80)
        {
          props[n] = gloss_word_break_direct[(guchar)*p];
          p++;
        }
      else
        {
          props[n] = word_break_of (g_utf8_get_char (p));
          p = g_utf8_next_char (p);
        }
    }

  *n_chars = n;
  return props;
}

GArray *
gloss_word_boundaries (const gunichar *chars,
                       gsize           n_chars)
{
  GArray *boundaries = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint8 *props = NULL;
  Breaker b;
  guint at = 0;

  g_return_val_if_fail (chars != NULL || n_chars == 0, boundaries);

  g_array_append_val (boundaries, at);
  if (n_chars == 0)
    return boundaries;

  props = props_of_chars (chars, n_chars);
  breaker_init (&b, props, n_chars);
  do
    {
      at = (guint)breaker_next (&b);
      g_array_append_val (boundaries, at);
    }
  while (at < n_chars);

  return boundaries;
}

/* White space, as tools that split lines on it see it: Python's
 * str.split() splits on these, and on the controls U+001C to U+001F. */
static gboolean
is_blank (gunichar c)
{
  if (c < 0x80)
    return c <= 0x20 || c == 0x7F;

  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_SPACE_SEPARATOR:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return TRUE;

    default:
      return g_unichar_isspace (c);
    }
}

/* Nothing to see: white space, or a format character such as U+200B
 * ZERO WIDTH SPACE or a byte order mark. */
static gboolean
is_invisible (gunichar c)
{
  if (c < 0x80)
    return c <= 0x20 || c == 0x7F;

  return is_blank (c) || g_unichar_type (c) == G_UNICODE_FORMAT;
}

/* FALSE for the Word_Break values that no white space or control
 * character has (checked against UnicodeData.txt 15.0): most characters
 * are spared a look at their general category. */
static inline gboolean
may_be_blank (guint8 prop)
{
  switch (GLOSS_WB_VALUE (prop))
    {
    case GLOSS_WB_OTHER:
    case GLOSS_WB_CR:
    case GLOSS_WB_LF:
    case GLOSS_WB_NEWLINE:
    case GLOSS_WB_WSEGSPACE:
    case GLOSS_WB_EXTENDNUMLET:
      return TRUE;

    default:
      return FALSE;
    }
}

/* The same for white space and format characters, some of which (U+200C
 * ZERO WIDTH NON-JOINER) are Extend. */
static inline gboolean
may_be_invisible (guint8 prop)
{
  guint8 v = GLOSS_WB_VALUE (prop);

  return may_be_blank (prop) || v == GLOSS_WB_FORMAT || v == GLOSS_WB_ZWJ ||
         v == GLOSS_WB_EXTEND;
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static gboolean
is_sentence_final (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x3002 ||
         c == 0xFF01 || c == 0xFF1F;
}

/* Full stops that end a sentence even with no space after them, as in
 * Chinese and Japanese. */
static gboolean
is_ideographic_final (gunichar c)
{
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F;
}

/* Closing quotes and brackets, which stay in the sentence they close. */
static gboolean
is_closing (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_CLOSE_PUNCTUATION || type == G_UNICODE_FINAL_PUNCTUATION ||
         c == '"' || c == '\'';
}

/* TRUE when the bytes [from, to) are a French elided word. */
static gboolean
is_elision (const char *from,
            const char *to)
{
  char word[8];
  gsize length = to - from;

  if (length == 0 || length >= sizeof word)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if ((guchar)from[i] >= 0x80)
        return FALSE;
      word[i] = g_ascii_tolower (from[i]);
    }
  word[length] = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (elisions); i++)
    if (strcmp (word, elisions[i]) == 0)
      return TRUE;

  return FALSE;
}

static void
add_token (GArray     *tokens,
           const char *text,
           gsize       start,
           const char *start_p,
           gsize       end,
           const char *end_p)
{
  GlossToken token = { (guint)start, (guint)end, (guint)(start_p - text),
                       (guint)(end_p - text), FALSE };

  g_array_append_val (tokens, token);
}

static void
end_sentence (GArray *tokens)
{
  if (tokens->len > 0)
    g_array_index (tokens, GlossToken, tokens->len - 1).sentence_end = TRUE;
}

/* Adds the tokens of the characters [start, end) at [p, end_p), which hold
 * no white space: one, or more when French elided words begin it. */
static void
add_piece (GArray       *tokens,
           const char   *text,
           const guint8 *props,
           gsize         start,
           const char   *p,
           gsize         end,
           const char   *end_p)
{
  gboolean visible = FALSE;
  const char *q = p;

  for (gsize i = start; i < end && !visible; i++, q = g_utf8_next_char (q))
    visible = !may_be_invisible (props[i]) || !is_invisible (g_utf8_get_char (q));
  if (!visible)
    return;

  /* An apostrophe inside a segment always has a letter after it. */
  q = g_utf8_next_char (p);
  for (gsize i = start + 1; i + 1 < end; i++, q = g_utf8_next_char (q))
    {
      if (is_apostrophe (g_utf8_get_char (q)) && is_elision (p, q))
        {
          const char *after = g_utf8_next_char (q);

          add_token (tokens, text, start, p, i + 1, after);
          start = i + 1;
          p = after;
        }
    }

  add_token (tokens, text, start, p, end, end_p);
}

/* Adds the tokens of the segment [start, end), whose first character is
 * at @p; returns where the segment ends in the text. */
static const char *
add_segment (GArray       *tokens,
             const char   *text,
             const guint8 *props,
             gsize         start,
             const char   *p,
             gsize         end)
{
  gsize piece = start;
  const char *piece_p = p;

  if (is_newline (GLOSS_WB_VALUE (props[start])))
    {
      end_sentence (tokens);
      for (gsize i = start; i < end; i++)
        p = g_utf8_next_char (p);
      return p;
    }

  for (gsize i = start; i < end; i++)
    {
      const char *next = g_utf8_next_char (p);

      if (may_be_blank (props[i]) && is_blank (g_utf8_get_char (p)))
        {
          if (i > piece)
            add_piece (tokens, text, props, piece, piece_p, i, p);
          piece = i + 1;
          piece_p = next;
        }
      p = next;
    }
  if (end > piece)
    add_piece (tokens, text, props, piece, piece_p, end, p);

  return p;
}

static gboolean
is_single (const GlossToken *token)
{
  return token->end - token->start == 1;
}

/* Ends the sentences that punctuation ends. */
static void
mark_sentence_ends (GArray     *tokens,
                    const char *text,
                    gsize       n_bytes)
{
  for (guint i = 0; i < tokens->len; i++)
    {
      GlossToken *token = &g_array_index (tokens, GlossToken, i);
      gunichar c = g_utf8_get_char (text + token->start_byte);
      guint j = i;
      gsize after;

      if (!is_single (token) || !is_sentence_final (c))
        continue;

      /* "?!", "..." and closing quotes stay with the sentence. */
      while (j + 1 < tokens->len)
        {
          GlossToken *next = &g_array_index (tokens, GlossToken, j + 1);
          gunichar d;

          if (next->start != g_array_index (tokens, GlossToken, j).end || !is_single (next))
            break;
          d = g_utf8_get_char (text + next->start_byte);
          if (!is_sentence_final (d) && !is_closing (d))
            break;
          j++;
        }

      /* "Inc.com" has no space after its period and goes on. */
      after = g_array_index (tokens, GlossToken, j).end_byte;
      if (after >= n_bytes || is_blank (g_utf8_get_char (text + after)) ||
          is_ideographic_final (c))
        g_array_index (tokens, GlossToken, j).sentence_end = TRUE;
      i = j;
    }
}

GArray *
gloss_tokenize (const char *text,
                gsize       n_bytes)
{
  g_autofree guint8 *props = NULL;
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (GlossToken));
  const char *p = text;
  Breaker b;
  gsize n = 0, start = 0;

  g_return_val_if_fail (text != NULL || n_bytes == 0, tokens);
  g_return_val_if_fail (n_bytes <= G_MAXUINT, tokens);

  if (n_bytes == 0)
    return tokens;

  props = props_of_text (text, n_bytes, &n);
  breaker_init (&b, props, n);
  while (start < n)
    {
      gsize end = breaker_next (&b);

      p = add_segment (tokens, text, props, start, p, end);
      start = end;
    }

  mark_sentence_ends (tokens, text, n_bytes);
  end_sentence (tokens);
  return tokens;
}

guint
gloss_tokens_find_end_after (const GArray *tokens,
                             guint         offset)
{
  guint low = 0, high = tokens->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (tokens, GlossToken, middle).end <= offset)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

guint
gloss_tokens_find_start_from (const GArray *tokens,
                              guint         from,
                              guint         offset)
{
  guint low = from, high = tokens->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (tokens, GlossToken, middle).start < offset)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}
