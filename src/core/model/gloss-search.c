/* gloss-search.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-search"

#include "config.h"

#include <string.h>

#include "gloss-search.h"

gboolean
gloss_unichar_is_word (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_CONNECT_PUNCTUATION:
      return TRUE;

    default:
      return FALSE;
    }
}

static gboolean
is_word_boundary (const gunichar *text,
                  glong           length,
                  glong           at)
{
  if (at <= 0 || at >= length)
    return TRUE;

  return !(gloss_unichar_is_word (text[at - 1]) && gloss_unichar_is_word (text[at]));
}

static void
add_range (GArray *ranges,
           guint   start,
           guint   end)
{
  GlossRange range = { start, end };

  g_array_append_val (ranges, range);
}

GArray *
gloss_source_find_all (GlossSource    *source,
                       const char     *needle,
                       GlossFindFlags  flags)
{
  g_autofree gunichar *text = NULL;
  g_autofree gunichar *pattern = NULL;
  glong text_len, pattern_len;
  GArray *ranges;

  g_return_val_if_fail (GLOSS_IS_SOURCE (source), NULL);
  g_return_val_if_fail (needle != NULL, NULL);

  ranges = g_array_new (FALSE, FALSE, sizeof (GlossRange));
  if (*needle == '\0' || !g_utf8_validate (needle, -1, NULL))
    return ranges;

  /* The plain case needs no decoding: search the bytes. */
  if (flags == GLOSS_FIND_NONE)
    {
      const char *haystack = gloss_source_get_text (source);
      gsize n_bytes = gloss_source_get_n_bytes (source);
      gsize needle_len = strlen (needle);
      guint needle_chars = g_utf8_strlen (needle, -1);
      const char *p = haystack;

      while ((gsize)(p - haystack) + needle_len <= n_bytes)
        {
          const char *hit = memmem (p, n_bytes - (p - haystack), needle, needle_len);
          guint start;

          if (hit == NULL)
            break;

          start = gloss_source_byte_to_offset (source, hit - haystack);
          add_range (ranges, start, start + needle_chars);
          p = hit + needle_len;
        }

      return ranges;
    }

  text = g_utf8_to_ucs4_fast (gloss_source_get_text (source),
                              gloss_source_get_n_bytes (source), &text_len);
  pattern = g_utf8_to_ucs4_fast (needle, -1, &pattern_len);

  if (flags & GLOSS_FIND_IGNORE_CASE)
    {
      for (glong i = 0; i < text_len; i++)
        text[i] = g_unichar_tolower (text[i]);
      for (glong i = 0; i < pattern_len; i++)
        pattern[i] = g_unichar_tolower (pattern[i]);
    }

  for (glong i = 0; i + pattern_len <= text_len;)
    {
      if (text[i] == pattern[0] &&
          memcmp (text + i, pattern, pattern_len * sizeof (gunichar)) == 0 &&
          (!(flags & GLOSS_FIND_WHOLE_WORD) ||
           (is_word_boundary (text, text_len, i) &&
            is_word_boundary (text, text_len, i + pattern_len))))
        {
          add_range (ranges, i, i + pattern_len);
          i += pattern_len;
        }
      else
        {
          i++;
        }
    }

  return ranges;
}

static gunichar
char_at (GlossSource *source,
         guint        offset)
{
  return g_utf8_get_char (gloss_source_get_text (source) + gloss_source_offset_to_byte (source, offset));
}

gboolean
gloss_source_snap_to_words (GlossSource *source,
                            guint       *start,
                            guint       *end)
{
  guint length, s, e;

  g_return_val_if_fail (GLOSS_IS_SOURCE (source), FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  length = gloss_source_get_length (source);
  s = MIN (*start, length);
  e = MIN (*end, length);

  while (s < e && g_unichar_isspace (char_at (source, s)))
    s++;
  while (e > s && g_unichar_isspace (char_at (source, e - 1)))
    e--;
  if (s >= e)
    return FALSE;

  while (s > 0 && gloss_unichar_is_word (char_at (source, s - 1)) &&
         gloss_unichar_is_word (char_at (source, s)))
    s--;
  while (e < length && gloss_unichar_is_word (char_at (source, e - 1)) &&
         gloss_unichar_is_word (char_at (source, e)))
    e++;

  *start = s;
  *end = e;
  return TRUE;
}
