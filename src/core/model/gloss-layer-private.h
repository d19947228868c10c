/* gloss-layer-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-layer.h"

G_BEGIN_DECLS

/* The annotations are one array sorted by (start, end, tag, id), which is
 * also the list model's order.  Range queries use a segment tree of the
 * largest end over that array: everything with start < query end lies in a
 * prefix found by binary search, and the tree skips every part of that
 * prefix whose ends all stop before the query start.  The tree is rebuilt
 * lazily, in O(n), on the first query after a change. */
struct _GlossLayer
{
  GObject parent_instance;

  char *annotator_id;
  char *annotator_name;
  GPtrArray *items;
  GHashTable *by_id;
  GlossHistory *history;
  GlossSource *source;

  guint *max_end;
  guint tree_size;
  gboolean tree_valid;

  /* The relations, sorted by id (the file's order, and found by id by
   * binary search), and two indexes by the annotation id each goes from
   * and goes to (id → GPtrArray of GlossRelation, not owned), so that a
   * passage finds its relations in one lookup among 50,000.  The indexes
   * are built when a file is loaded (or on first use), then kept up to
   * date; their keys are strings of the relations they list. */
  GPtrArray *relations;
  GHashTable *outgoing;
  GHashTable *incoming;
  gboolean ends_indexed;
};

static inline GlossAnnotation *
_gloss_layer_item_at (GlossLayer *self,
                      guint       i)
{
  return g_ptr_array_index (self->items, i);
}

/* Keep the range-query tree in step with one item inserted at, or removed
 * from, @position of the items (already done in the array): the tree's
 * leaves shift in one contiguous move instead of being read back from
 * 100,000 scattered annotations. */
void  _gloss_layer_tree_insert        (GlossLayer *self,
                                       guint       position);
void  _gloss_layer_tree_remove        (GlossLayer *self,
                                       guint       position);

/* The first index whose start is >= @offset. */
guint _gloss_layer_lower_bound_start (GlossLayer *self,
                                      guint       offset);

/* gloss-layer-relations.c */
void  _gloss_layer_relations_init     (GlossLayer          *self);
void  _gloss_layer_relations_finalize (GlossLayer          *self);
void  _gloss_layer_relations_class_init (GObjectClass      *object_class);
/* Undoes or redoes a change of a relation. */
void  _gloss_layer_apply_relation_change (GlossLayer        *self,
                                          const GlossChange *change,
                                          gboolean           reverse);
gboolean _gloss_layer_has_relations_of (GlossLayer          *self,
                                        const char          *annotation_id);
/* Builds the indexes of the relations' ends now, rather than at the
 * first lookup: a layer loaded in a worker thread comes ready, and the
 * first passage selected in the window does not wait for it. */
void  _gloss_layer_index_relations  (GlossLayer          *self);
/* Points the ends named in @renamed (old id → new id) at their new ids. */
void  _gloss_layer_rename_relation_ends (GlossLayer        *self,
                                         GHashTable        *renamed);

G_END_DECLS
