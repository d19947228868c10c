/* gloss-tokenizer.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-tokenizer"

#include "config.h"

#include <string.h>

#include "gloss-search.h"
#include "gloss-tokenizer.h"

static const char * const elisions[] = {
  "c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
};

static gboolean
is_separator (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_SPACE_SEPARATOR:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
      return TRUE;

    default:
      return g_unichar_isspace (c);
    }
}

static gboolean
is_line_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 ||
         c == 0x2028 || c == 0x2029;
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011;
}

static gboolean
is_sentence_final (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

/* Closing quotes and brackets, which stay in the sentence they close. */
static gboolean
is_closing (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_CLOSE_PUNCTUATION || type == G_UNICODE_FINAL_PUNCTUATION ||
         c == '"' || c == '\'';
}

/* TRUE when chars[from, to) is a French elided word. */
static gboolean
is_elision (const gunichar *chars,
            guint           from,
            guint           to)
{
  char word[8];
  guint length = to - from;

  if (length == 0 || length >= sizeof word)
    return FALSE;

  for (guint i = 0; i < length; i++)
    {
      gunichar c = g_unichar_tolower (chars[from + i]);

      if (c >= 0x80)
        return FALSE;
      word[i] = (char)c;
    }
  word[length] = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (elisions); i++)
    if (strcmp (word, elisions[i]) == 0)
      return TRUE;

  return FALSE;
}

static void
add_token (GArray *tokens,
           guint   start,
           guint   end)
{
  GlossToken token = { start, end, FALSE };

  g_array_append_val (tokens, token);
}

static void
end_sentence (GArray *tokens)
{
  if (tokens->len > 0)
    g_array_index (tokens, GlossToken, tokens->len - 1).sentence_end = TRUE;
}

/* Reads the word starting at @i; adds its tokens and returns where it
 * ends. */
static guint
scan_word (const gunichar *chars,
           guint           n,
           guint           i,
           GArray         *tokens)
{
  guint start = i, j = i;

  for (;;)
    {
      while (j < n && gloss_unichar_is_word (chars[j]))
        j++;

      if (j + 1 < n && gloss_unichar_is_word (chars[j + 1]))
        {
          if (is_apostrophe (chars[j]))
            {
              if (is_elision (chars, start, j))
                {
                  add_token (tokens, start, j + 1);
                  start = j + 1;
                }
              j++;
              continue;
            }
          if (is_hyphen (chars[j]) ||
              ((chars[j] == '.' || chars[j] == ',') && j > start &&
               g_unichar_isdigit (chars[j - 1]) && g_unichar_isdigit (chars[j + 1])))
            {
              j++;
              continue;
            }
        }
      break;
    }

  add_token (tokens, start, j);
  return j;
}

GArray *
gloss_tokenize (const char *text,
                gsize       n_bytes)
{
  g_autofree gunichar *chars = NULL;
  glong n_chars = 0;
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (GlossToken));
  guint n, i = 0;

  g_return_val_if_fail (text != NULL || n_bytes == 0, tokens);

  chars = g_utf8_to_ucs4_fast (text ? text : "", n_bytes, &n_chars);
  n = (guint)n_chars;

  while (i < n)
    {
      gunichar c = chars[i];

      if (is_line_break (c))
        {
          end_sentence (tokens);
          i++;
        }
      else if (is_separator (c))
        {
          i++;
        }
      else if (gloss_unichar_is_word (c))
        {
          i = scan_word (chars, n, i, tokens);
        }
      else
        {
          add_token (tokens, i, i + 1);
          i++;

          if (is_sentence_final (c))
            {
              /* "...", "?!" and closing quotes stay with the sentence. */
              while (i < n && (is_sentence_final (chars[i]) || is_closing (chars[i])))
                {
                  add_token (tokens, i, i + 1);
                  i++;
                }
              /* "3.5" is caught as a word; "Inc.com" has no space after
               * its period and goes on. */
              if (i >= n || is_separator (chars[i]) || is_line_break (chars[i]))
                end_sentence (tokens);
            }
        }
    }

  end_sentence (tokens);
  return tokens;
}
