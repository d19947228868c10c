/* gloss-source-map.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-source"

#include "config.h"

#include "gloss-source-map.h"

typedef struct
{
  guint text_offset;
  guint length;
  guint path;
  guint element_offset;
} Run;

struct _GlossSourceMap
{
  GArray    *runs;
  GPtrArray *paths;
};

GlossSourceMap *
gloss_source_map_new (void)
{
  GlossSourceMap *self = g_new0 (GlossSourceMap, 1);

  self->runs = g_array_new (FALSE, FALSE, sizeof (Run));
  self->paths = g_ptr_array_new_with_free_func (g_free);

  return self;
}

void
gloss_source_map_free (GlossSourceMap *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->runs);
  g_ptr_array_unref (self->paths);
  g_free (self);
}

guint
gloss_source_map_add_path (GlossSourceMap *self,
                           char           *xpath)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (xpath != NULL, 0);

  g_ptr_array_add (self->paths, xpath);

  return self->paths->len - 1;
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
  g_return_if_fail (path < self->paths->len);

  if (length == 0)
    return;

  if (self->runs->len > 0)
    {
      Run *last = &g_array_index (self->runs, Run, self->runs->len - 1);

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

  g_array_append_val (self->runs, run);
}

guint
gloss_source_map_get_n_runs (GlossSourceMap *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->runs->len;
}

/* The last run that starts before @offset (at or before it with
 * @inclusive); the first run when there is none. */
static const Run *
find_run (GlossSourceMap *self,
          guint           offset,
          gboolean        inclusive)
{
  const Run *runs = (const Run *) (gpointer) self->runs->data;
  guint low = 0;
  guint high = self->runs->len;

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

  if (self->runs->len == 0)
    return FALSE;

  runs = (const Run *) (gpointer) self->runs->data;

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
  else if (first + 1 < runs + self->runs->len && first[1].text_offset < end)
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
    *start_xpath = g_ptr_array_index (self->paths, first->path);
  if (start_offset != NULL)
    *start_offset = start_in;
  if (end_xpath != NULL)
    *end_xpath = g_ptr_array_index (self->paths, last->path);
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

  if (self->runs->len == 0)
    return FALSE;

  run = find_run (self, offset, TRUE);

  if (xpath != NULL)
    *xpath = g_ptr_array_index (self->paths, run->path);

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
