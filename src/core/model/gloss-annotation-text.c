/* gloss-annotation-text.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An annotation's quote and context, taken from its article: an import
 * takes them for each of a hundred thousand annotations. */

#define G_LOG_DOMAIN "gloss-annotation"

#include "config.h"

#include <string.h>

#include "gloss-annotation-private.h"
#include "gloss-utf8-words.h"

/* Moves @p over whole words of eight bytes, forward or @back, within
 * the @room bytes that way, while the characters that start in them are
 * no more than @n (fewer going back), taken from @n. */
static const char *
skip_words (const char *p,
            gsize       room,
            guint      *n,
            gboolean    back)
{
  for (; room >= 8; room -= 8)
    {
      guint starts = gloss_utf8_count_leading (gloss_utf8_load_word (back ? p - 8 : p));

      if (starts + (back ? 1 : 0) > *n)
        break;
      *n -= starts;
      p = back ? p - 8 : p + 8;
    }

  return p;
}

/* Where @n characters after @p end, or @end if sooner, in UTF-8 text: a
 * character starts at each byte that is not a continuation byte, and whole words
 * that start no more than the characters left are skipped, eight bytes
 * at a time. */
static const char *
skip_chars (const char *p,
            const char *end,
            guint       n)
{
  p = skip_words (p, end - p, &n, FALSE);
  for (; p < end; p++)
    {
      if (!gloss_utf8_is_leading_byte (*p))
        continue;
      if (n == 0)
        return p;
      n--;
    }

  return end;
}

gsize
_gloss_annotation_end_byte (GlossSource *source,
                            gsize        from,
                            guint        start,
                            guint        end)
{
  const char *text = gloss_source_get_text (source);

  if (start <= end && end - start <= 4 * GLOSS_ANNOTATION_CONTEXT_LENGTH)
    return skip_chars (text + from, text + gloss_source_get_n_bytes (source), end - start) - text;
  return gloss_source_offset_to_byte (source, end);
}

/* Where the character @n characters before @p starts, or @text if
 * sooner: back over whole words that start fewer characters than are
 * left, then a byte at a time. */
static const char *
back_chars (const char *p,
            const char *text,
            guint       n)
{
  p = skip_words (p, p - text, &n, TRUE);
  while (n > 0 && p > text)
    {
      p--;
      if (gloss_utf8_is_leading_byte (*p))
        n--;
    }

  return p;
}

/* g_strndup() without its padding: a string ends at its first NUL all
 * the same. */
static char *
copy_bytes (const char *p,
            gsize       n)
{
  char *copy = g_malloc (n + 1);

  memcpy (copy, p, n);
  copy[n] = '\0';
  return copy;
}

void
_gloss_annotation_text_from_source (GlossSource  *source,
                                    guint         start,
                                    guint         end,
                                    char        **quote,
                                    char        **prefix,
                                    char        **suffix)
{
  const char *text = gloss_source_get_text (source);
  const char *text_end = text + gloss_source_get_n_bytes (source);
  guint length = gloss_source_get_length (source);
  const char *from, *to, *before, *after;

  /* The start found through the index; the end of a short quote and the
   * context are walked to (the text is UTF-8), which an import of 100,000
   * annotations does much faster than more look-ups each. */
  start = MIN (start, length);
  end = MIN (end, length);
  from = text + gloss_source_offset_to_byte (source, start);
  to = text + _gloss_annotation_end_byte (source, from - text, start, end);
  before = back_chars (from, text, GLOSS_ANNOTATION_CONTEXT_LENGTH);
  after = skip_chars (to, text_end, GLOSS_ANNOTATION_CONTEXT_LENGTH);

  *quote = copy_bytes (from, to > from ? to - from : 0);
  *prefix = copy_bytes (before, from - before);
  *suffix = copy_bytes (to, after - to);
}

void
_gloss_annotation_take_text_from_source (GlossAnnotation *self,
                                         GlossSource     *source)
{
  g_autofree char *quote = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;

  _gloss_annotation_text_from_source (source, gloss_annotation_get_start (self),
                                      gloss_annotation_get_end (self), &quote, &prefix, &suffix);
  _gloss_annotation_set_text (self, quote, prefix, suffix);
}
