/* gloss-source-structure.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-source"

#include "config.h"

#include <string.h>

#include "gloss-source-private.h"

/* Titles longer than this many characters are cut and end in "…". */
#define TITLE_MAX_CHARS 200

static inline gboolean
is_title_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0xfeff;
}

/* The first line with anything but white space in it, trimmed and cut to
 * TITLE_MAX_CHARS; NULL when there is none.  Only the start of the text is
 * read, however long it is. */
char *
_gloss_source_find_title (const char *text,
                          gsize       n_bytes)
{
  const char *end = text + n_bytes;
  const char *line = text;

  while (line < end)
    {
      const char *eol = line;
      const char *first;
      const char *last;
      const char *cut;
      guint n_chars;

      while (eol < end && *eol != '\n' && *eol != '\r')
        eol++;

      first = line;
      while (first < eol && is_title_space (g_utf8_get_char (first)))
        first = g_utf8_next_char (first);

      last = eol;
      while (last > first)
        {
          const char *prev = g_utf8_prev_char (last);

          if (!is_title_space (g_utf8_get_char (prev)))
            break;
          last = prev;
        }

      if (first < last)
        {
          g_autofree char *head = NULL;

          cut = first;
          for (n_chars = 0; cut < last && n_chars < TITLE_MAX_CHARS; n_chars++)
            cut = g_utf8_next_char (cut);

          if (cut >= last)
            return g_strndup (first, last - first);

          /* Do not leave a space dangling before the ellipsis. */
          while (cut > first)
            {
              const char *prev = g_utf8_prev_char (cut);

              if (!is_title_space (g_utf8_get_char (prev)))
                break;
              cut = prev;
            }

          head = g_strndup (first, cut - first);
          return g_strconcat (head, "…", NULL);
        }

      /* A blank line: "\r\n" may count as two line ends here, since the
       * empty line between them is skipped all the same. */
      if (eol == end)
        break;
      line = eol + 1;
    }

  return NULL;
}

static void
add_paragraph (GArray         *blocks,
               GlossTextIndex *index,
               gsize           start_byte,
               gsize           end_byte)
{
  GlossBlock block = { 0, 0, GLOSS_BLOCK_PARAGRAPH, 0 };

  block.start = gloss_text_index_byte_to_offset (index, start_byte);
  block.end = gloss_text_index_byte_to_offset (index, end_byte);
  g_array_append_val (blocks, block);
}

/* The next @c at or after @from, or @end; @cached is the last answer, still
 * good while it lies ahead.  Remembering it keeps a file whose lines all end
 * in a lone "\r" from searching to its end for "\n" once per line. */
static const char *
find_next (const char *from,
           const char *end,
           char        c,
           const char *cached)
{
  const char *found;

  if (cached != NULL && cached >= from)
    return cached;

  found = memchr (from, c, end - from);
  return found != NULL ? found : end;
}

static inline gboolean
is_blank_byte (char c)
{
  return c == ' ' || c == '\t' || c == '\f';
}

/* U+FEFF is EF BB BF; in valid UTF-8 those three bytes are always that. */
static inline gboolean
is_bom (const char *p)
{
  return (guchar) p[0] == 0xef && (guchar) p[1] == 0xbb && (guchar) p[2] == 0xbf;
}

/* A paragraph is a maximal run of lines that are not blank, from its first
 * character that is not blank to the end of its last one.  Blank characters
 * are space, tab, carriage return, form feed and U+FEFF; lines end at "\n",
 * "\r\n" or a lone "\r".  Lines are found with memchr and the ranges
 * converted to code points through the index, which is much faster than
 * decoding every character. */
GArray *
_gloss_source_find_paragraphs (const char     *text,
                               gsize           n_bytes,
                               GlossTextIndex *index)
{
  const char *end = text + n_bytes;
  const char *line = text;
  const char *next_lf = NULL;
  const char *next_cr = NULL;
  const char *para_start = NULL;
  const char *para_end = NULL;
  GArray *blocks;

  blocks = g_array_new (FALSE, FALSE, sizeof (GlossBlock));

  while (line < end)
    {
      const char *eol;
      const char *first;
      const char *last;

      next_lf = find_next (line, end, '\n', next_lf);
      next_cr = find_next (line, end, '\r', next_cr);
      eol = MIN (next_lf, next_cr);

      first = line;
      while (first < eol)
        {
          if (is_blank_byte (*first))
            first++;
          else if (eol - first >= 3 && is_bom (first))
            first += 3;
          else
            break;
        }

      last = eol;
      while (last > first)
        {
          if (is_blank_byte (last[-1]))
            last--;
          else if (last - first >= 3 && is_bom (last - 3))
            last -= 3;
          else
            break;
        }

      if (first < last)
        {
          if (para_start == NULL)
            para_start = first;
          para_end = last;
        }
      else if (para_start != NULL)
        {
          add_paragraph (blocks, index, para_start - text, para_end - text);
          para_start = NULL;
        }

      if (eol == end)
        break;
      if (*eol == '\r' && eol + 1 < end && eol[1] == '\n')
        line = eol + 2;
      else
        line = eol + 1;
    }

  if (para_start != NULL)
    add_paragraph (blocks, index, para_start - text, para_end - text);

  return blocks;
}
