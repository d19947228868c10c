/* gloss-source-map.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-source"

#include "config.h"

#include <string.h>

#include "gloss-source-map.h"

typedef struct
{
  guint text_offset;
  guint length;
  guint path;
  guint element_offset;
} Run;

/* A page of a million short paragraphs has a million runs and a million
 * paths, so both are kept as flat arrays: the paths one after the other
 * in one buffer, each found by where it starts.  A path on its own in the
 * heap would cost several times its length. */
struct _GlossSourceMap
{
  Run   *runs;
  guint  n_runs;
  guint  runs_size;

  char  *path_bytes;
  gsize  path_bytes_len;
  gsize  path_bytes_size;
  gsize *path_starts;
  guint  n_paths;
  guint  path_starts_size;
};

GlossSourceMap *
gloss_source_map_new (void)
{
  return g_new0 (GlossSourceMap, 1);
}

void
gloss_source_map_free (GlossSourceMap *self)
{
  if (self == NULL)
    return;

  g_free (self->runs);
  g_free (self->path_bytes);
  g_free (self->path_starts);
  g_free (self);
}

/* Room for @n items in an array of @size, growing by half again: less
 * slack than doubling, still amortised linear. */
static guint
grown (guint n,
       guint size)
{
  g_assert (n < G_MAXUINT / 2);

  return n <= size ? size : MAX (n, MAX (16, size + size / 2));
}

guint
gloss_source_map_add_path (GlossSourceMap *self,
                           char           *xpath)
{
  gsize n;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (xpath != NULL, 0);

  n = strlen (xpath) + 1;
  if (self->path_bytes_len + n > self->path_bytes_size)
    {
      self->path_bytes_size = MAX (self->path_bytes_len + n,
                                   self->path_bytes_size + self->path_bytes_size / 2 + 256);
      self->path_bytes = g_realloc (self->path_bytes, self->path_bytes_size);
    }
  if (self->n_paths + 1 > self->path_starts_size)
    {
      self->path_starts_size = grown (self->n_paths + 1, self->path_starts_size);
      self->path_starts = g_renew (gsize, self->path_starts, self->path_starts_size);
    }

  memcpy (self->path_bytes + self->path_bytes_len, xpath, n);
  self->path_starts[self->n_paths] = self->path_bytes_len;
  self->path_bytes_len += n;
  g_free (xpath);

  return self->n_paths++;
}

static inline const char *
path_at (GlossSourceMap *self,
         guint           path)
{
  return self->path_bytes + self->path_starts[path];
}

void
gloss_source_map_trim (GlossSourceMap *self)
{
  g_return_if_fail (self != NULL);

  self->runs = g_renew (Run, self->runs, self->n_runs);
  self->runs_size = self->n_runs;
  self->path_bytes = g_realloc (self->path_bytes, self->path_bytes_len);
  self->path_bytes_size = self->path_bytes_len;
  self->path_starts = g_renew (gsize, self->path_starts, self->n_paths);
  self->path_starts_size = self->n_paths;
}

void
gloss_source_map_add (GlossSourceMap *self,
                      guint           text_offset,
                      guint           length,
                      guint           path,
                      guint           element_offset)
{
  Run run = { text_offset, length, path, element_offset };

  g_return_if_fail (self != NULL);
  g_return_if_fail (path < self->n_paths);

  if (length == 0)
    return;

  if (self->n_runs > 0)
    {
      Run *last = &self->runs[self->n_runs - 1];

      g_return_if_fail (last->text_offset + last->length <= text_offset);

      /* Most of an element's text comes over in one piece, broken only
       * where white space collapsed: keep those pieces as one run. */
      if (last->path == path &&
          last->text_offset + last->length == text_offset &&
          last->element_offset + last->length == element_offset)
        {
          last->length += length;
          return;
        }
    }

  if (self->n_runs + 1 > self->runs_size)
    {
      self->runs_size = grown (self->n_runs + 1, self->runs_size);
      self->runs = g_renew (Run, self->runs, self->runs_size);
    }
  self->runs[self->n_runs++] = run;
}

/* The last run that starts before @offset (at or before it with
 * @inclusive); the first run when there is none. */
static const Run *
find_run (GlossSourceMap *self,
          guint           offset,
          gboolean        inclusive)
{
  const Run *runs = self->runs;
  guint low = 0;
  guint high = self->n_runs;

  while (high - low > 1)
    {
      guint middle = low + (high - low) / 2;

      if (runs[middle].text_offset < offset ||
          (inclusive && runs[middle].text_offset == offset))
        low = middle;
      else
        high = middle;
    }

  return &runs[low];
}

gboolean
gloss_source_map_locate_range (GlossSourceMap  *self,
                               guint            start,
                               guint            end,
                               const char     **start_xpath,
                               guint           *start_offset,
                               const char     **end_xpath,
                               guint           *end_offset)
{
  const Run *runs;
  const Run *first;
  const Run *last;
  guint start_in = 0;
  guint end_in = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->n_runs == 0)
    return FALSE;

  runs = self->runs;

  /* The end: in the last run that starts before it. */
  last = find_run (self, end, FALSE);
  if (end <= last->text_offset)
    end_in = last->element_offset;
  else
    end_in = last->element_offset + MIN (end - last->text_offset, last->length);

  /* The start: in the run that holds it, else at the start of the next
   * one, when that one starts before the end. */
  first = find_run (self, start, TRUE);
  if (start >= first->text_offset && start - first->text_offset < first->length)
    start_in = first->element_offset + (start - first->text_offset);
  else if (start < first->text_offset && first->text_offset < end)
    start_in = first->element_offset;
  else if (first + 1 < runs + self->n_runs && first[1].text_offset < end)
    start_in = (++first)->element_offset;
  else
    first = NULL;

  /* Nothing from the file in the range: an empty range where it ends. */
  if (first == NULL)
    {
      first = last;
      start_in = end_in;
    }

  if (start_xpath != NULL)
    *start_xpath = path_at (self, first->path);
  if (start_offset != NULL)
    *start_offset = start_in;
  if (end_xpath != NULL)
    *end_xpath = path_at (self, last->path);
  if (end_offset != NULL)
    *end_offset = end_in;

  return TRUE;
}

gboolean
gloss_source_map_locate (GlossSourceMap  *self,
                         guint            offset,
                         const char     **xpath,
                         guint           *element_offset)
{
  const Run *run;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->n_runs == 0)
    return FALSE;

  run = find_run (self, offset, TRUE);

  if (xpath != NULL)
    *xpath = path_at (self, run->path);

  if (element_offset != NULL)
    {
      if (offset < run->text_offset)
        *element_offset = run->element_offset;
      else if (offset - run->text_offset < run->length)
        *element_offset = run->element_offset + (offset - run->text_offset);
      else
        /* Text Gloss added, or the end: just after the text before it, so
         * that the end of a range lands where its last character ends. */
        *element_offset = run->element_offset + run->length;
    }

  return TRUE;
}
