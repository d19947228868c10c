/* gloss-import-brat-lines.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Cutting a brat .ann into lines, a line into fields and words and a
 * span's offsets into numbers, where they lie: a file of 100,000 spans
 * would otherwise be as many vectors and strings made and freed at
 * once. */

#define G_LOG_DOMAIN "gloss-import"

#include "config.h"

#include <string.h>

#include "gloss-import-brat-private.h"

JsonNode *
_gloss_brat_string_node (const char *text)
{
  return json_node_init_string (json_node_alloc (), text);
}

void
_gloss_brat_cut_line (Reader     *r,
                      const char *line,
                      gboolean    words,
                      BratLine   *out)
{
  char *p;

  memset (out, 0, sizeof *out);
  /* g_strsplit() gives no field at all for an empty string. */
  if (line[0] == '\0')
    return;

  g_string_assign (r->scratch, line);
  p = r->scratch->str;
  out->fields[out->n_fields++] = p;
  while (out->n_fields < G_N_ELEMENTS (out->fields) && (p = strchr (p, '\t')) != NULL)
    {
      *p++ = '\0';
      out->fields[out->n_fields++] = p;
    }

  if (!words || out->n_fields < 2 || out->fields[1][0] == '\0')
    return;

  p = out->fields[1];
  out->words[out->n_words++] = p;
  while ((p = strchr (p, ' ')) != NULL)
    {
      *p++ = '\0';
      if (out->n_words < G_N_ELEMENTS (out->words))
        out->words[out->n_words] = p;
      out->n_words++;
    }
}

char **
_gloss_brat_cut_lines (char  *data,
                       guint *n_lines)
{
  GPtrArray *lines = g_ptr_array_new ();
  char *p = data;

  for (;;)
    {
      char *end = strchr (p, '\n');

      if (end == NULL)
        {
          /* The last line ends with a line break: no empty line after
           * it. */
          if (p[0] != '\0')
            {
              end = p + strlen (p);
              if (end[-1] == '\r')
                end[-1] = '\0';
              g_ptr_array_add (lines, p);
            }
          break;
        }

      *end = '\0';
      if (end > p && end[-1] == '\r')
        end[-1] = '\0';
      g_ptr_array_add (lines, p);
      p = end + 1;
    }

  *n_lines = lines->len;
  g_ptr_array_add (lines, NULL);
  return (char **)g_ptr_array_free (lines, FALSE);
}

/* Parses the number in @text's first @length bytes as
 * g_ascii_string_to_unsigned() does in base 10 up to G_MAXUINT: digits
 * only, at least one, no sign and no white space. */
static gboolean
parse_offset (const char *text,
              gsize       length,
              guint64    *value)
{
  guint64 number = 0;

  if (length == 0)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      number = number * 10 + (guint64)(text[i] - '0');
      if (number > G_MAXUINT)
        return FALSE;
    }

  *value = number;
  return TRUE;
}

/* Each piece is taken without the white space around it, and is two
 * numbers with one space between them. */
gboolean
_gloss_brat_parse_spans (const char *text,
                         GArray     *spans)
{
  const char *p = text;

  for (;;)
    {
      const char *semicolon = strchr (p, ';');
      const char *end = semicolon ? semicolon : p + strlen (p);
      const char *space;
      guint64 start, stop;
      Span span;

      while (p < end && g_ascii_isspace (*p))
        p++;
      while (end > p && g_ascii_isspace (end[-1]))
        end--;
      space = memchr (p, ' ', end - p);
      if (space == NULL || memchr (space + 1, ' ', end - (space + 1)) != NULL ||
          !parse_offset (p, space - p, &start) ||
          !parse_offset (space + 1, end - (space + 1), &stop))
        return FALSE;

      span.start = start;
      span.end = stop;
      g_array_append_val (spans, span);
      if (semicolon == NULL)
        break;
      p = semicolon + 1;
    }

  return spans->len > 0;
}
