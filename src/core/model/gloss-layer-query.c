/* gloss-layer-query.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-layer"

#include "config.h"

#include <string.h>

#include "gloss-annotation-private.h"
#include "gloss-layer-private.h"

/* Looking annotations up: by id, by span, by position. */

/* The first index whose start is >= @offset. */
guint
_gloss_layer_lower_bound_start (GlossLayer *self,
                                guint       offset)
{
  guint lo = 0, hi = self->items->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (_gloss_layer_item_at (self, mid)->start < offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

GlossAnnotation *
gloss_layer_lookup (GlossLayer *self,
                    const char *id)
{
  g_return_val_if_fail (GLOSS_IS_LAYER (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, id);
}

GlossAnnotation *
gloss_layer_find (GlossLayer *self,
                  const char *tag,
                  guint       start,
                  guint       end)
{
  guint i;

  g_return_val_if_fail (GLOSS_IS_LAYER (self), NULL);
  g_return_val_if_fail (tag != NULL, NULL);

  /* Annotations of one span sit together, ordered by tag. */
  for (i = _gloss_layer_lower_bound_start (self, start); i < self->items->len; i++)
    {
      GlossAnnotation *item = _gloss_layer_item_at (self, i);
      guint item_end = gloss_annotation_get_end (item);
      int cmp;

      if (gloss_annotation_get_start (item) != start || item_end > end)
        break;
      if (item_end < end)
        continue;
      cmp = strcmp (gloss_annotation_get_tag (item), tag);
      if (cmp == 0)
        return item;
      if (cmp > 0)
        break;
    }

  return NULL;
}

static void
ensure_tree (GlossLayer *self)
{
  guint n = self->items->len;
  guint size = 1;

  if (self->tree_valid)
    return;

  while (size < n)
    size <<= 1;

  if (size != self->tree_size || self->max_end == NULL)
    {
      g_free (self->max_end);
      self->max_end = g_new (guint, 2 * size);
      self->tree_size = size;
    }

  for (guint i = 0; i < size; i++)
    self->max_end[size + i] = i < n ? _gloss_layer_item_at (self, i)->end : 0;
  for (guint i = size - 1; i >= 1; i--)
    self->max_end[i] = MAX (self->max_end[2 * i], self->max_end[2 * i + 1]);

  self->tree_valid = TRUE;
}

/* Recomputes the inner nodes above leaves [from, to). */
static void
update_parents (GlossLayer *self,
                guint       from,
                guint       to)
{
  guint lo = (self->tree_size + from) / 2;
  guint hi = (self->tree_size + MAX (to, from + 1) - 1) / 2;

  for (; lo >= 1; lo /= 2, hi /= 2)
    for (guint i = lo; i <= hi; i++)
      self->max_end[i] = MAX (self->max_end[2 * i], self->max_end[2 * i + 1]);
}

void
_gloss_layer_tree_insert (GlossLayer *self,
                          guint       position)
{
  guint n = self->items->len;
  guint *leaves = self->max_end + self->tree_size;

  if (!self->tree_valid)
    return;

  /* The array has already grown: n counts the new item. */
  if (n > self->tree_size)
    {
      self->tree_valid = FALSE;
      return;
    }

  memmove (leaves + position + 1, leaves + position, (n - 1 - position) * sizeof (guint));
  leaves[position] = _gloss_layer_item_at (self, position)->end;
  update_parents (self, position, n);
}

void
_gloss_layer_tree_remove (GlossLayer *self,
                          guint       position)
{
  guint n = self->items->len;
  guint *leaves = self->max_end + self->tree_size;

  if (!self->tree_valid)
    return;

  /* The array has already shrunk: leaf n was the last item. */
  memmove (leaves + position, leaves + position + 1, (n - position) * sizeof (guint));
  leaves[n] = 0;
  update_parents (self, position, n + 1);
}

/* Adds, in order, the items below @node with index < @limit and
 * end > @after.  Each visited subtree holds at least one match or is cut
 * at once, so the walk costs O(log n) per match. */
static void
collect (GlossLayer *self,
         guint       node,
         guint       node_lo,
         guint       node_len,
         guint       limit,
         guint       after,
         GPtrArray  *out)
{
  if (node_lo >= limit || self->max_end[node] <= after)
    return;

  if (node_len == 1)
    {
      g_ptr_array_add (out, g_object_ref (_gloss_layer_item_at (self, node_lo)));
      return;
    }

  collect (self, 2 * node, node_lo, node_len / 2, limit, after, out);
  collect (self, 2 * node + 1, node_lo + node_len / 2, node_len / 2, limit, after, out);
}

GPtrArray *
gloss_layer_get_overlapping (GlossLayer *self,
                             guint       start,
                             guint       end)
{
  GPtrArray *out;
  guint limit;

  g_return_val_if_fail (GLOSS_IS_LAYER (self), NULL);
  g_return_val_if_fail (start <= end, NULL);

  out = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->items->len == 0)
    return out;

  if (start == end)
    end = start + 1;

  ensure_tree (self);
  limit = _gloss_layer_lower_bound_start (self, end);
  collect (self, 1, 0, self->tree_size, limit, start, out);

  return out;
}

GPtrArray *
gloss_layer_get_at (GlossLayer *self,
                    guint       offset)
{
  return gloss_layer_get_overlapping (self, offset, offset);
}

guint
gloss_layer_count_tag (GlossLayer *self,
                       const char *tag)
{
  guint count = 0;

  g_return_val_if_fail (GLOSS_IS_LAYER (self), 0);
  g_return_val_if_fail (tag != NULL, 0);

  for (guint i = 0; i < self->items->len; i++)
    if (strcmp (gloss_annotation_get_tag (_gloss_layer_item_at (self, i)), tag) == 0)
      count++;

  return count;
}

guint
gloss_layer_count_status (GlossLayer        *self,
                          GlossAnchorStatus  status)
{
  guint count = 0;

  g_return_val_if_fail (GLOSS_IS_LAYER (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    if (gloss_annotation_get_status (_gloss_layer_item_at (self, i)) == status)
      count++;

  return count;
}
