/* gloss-layer-relations.c
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
#include "gloss-relation-private.h"

/* The relations of a layer: kept sorted by id, indexed by id and by each
 * end, changed through the history. */

enum {
  RELATION_ADDED,
  RELATION_REMOVED,
  RELATION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
_gloss_layer_relations_class_init (GObjectClass *object_class)
{
  GType type = G_OBJECT_CLASS_TYPE (object_class);

  signals[RELATION_ADDED] =
    g_signal_new ("relation-added", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, GLOSS_TYPE_RELATION);
  signals[RELATION_REMOVED] =
    g_signal_new ("relation-removed", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, GLOSS_TYPE_RELATION);
  signals[RELATION_CHANGED] =
    g_signal_new ("relation-changed", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, GLOSS_TYPE_RELATION);
}

void
_gloss_layer_relations_init (GlossLayer *self)
{
  self->relations = g_ptr_array_new_with_free_func (g_object_unref);
  /* The keys are borrowed from a relation of their list (index_remove). */
  self->outgoing = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) g_ptr_array_unref);
  self->incoming = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) g_ptr_array_unref);
}

void
_gloss_layer_relations_finalize (GlossLayer *self)
{
  g_clear_pointer (&self->outgoing, g_hash_table_unref);
  g_clear_pointer (&self->incoming, g_hash_table_unref);
  g_clear_pointer (&self->relations, g_ptr_array_unref);
}

typedef const char *(*EndGetter) (GlossRelation *relation);

/* Adds @relation under @end, one of its own ends: a new key is that
 * string, which lives as long as the relation stays in the list. */
static void
index_add (GHashTable    *index,
           const char    *end,
           GlossRelation *relation)
{
  GPtrArray *list = g_hash_table_lookup (index, end);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (index, (gpointer)end, list);
    }
  g_ptr_array_add (list, relation);
}

/* Takes @relation out of the list of @end, its own end got with
 * @get_end; when the key was that relation's string, it becomes the
 * string of another relation of the list. */
static void
index_remove (GHashTable    *index,
              EndGetter      get_end,
              GlossRelation *relation)
{
  const char *end = get_end (relation);
  gpointer key;
  gpointer value;
  GPtrArray *list;

  if (!g_hash_table_lookup_extended (index, end, &key, &value))
    return;
  list = value;
  g_ptr_array_remove_fast (list, relation);
  if (list->len == 0)
    {
      g_hash_table_remove (index, end);
      return;
    }
  if (key == (gpointer)end)
    {
      g_hash_table_steal (index, end);
      g_hash_table_insert (index, (gpointer)get_end (g_ptr_array_index (list, 0)), list);
    }
}

/* The index where @relation is, or would go, in the sorted array. */
static guint
relation_lower_bound (GlossLayer    *self,
                      GlossRelation *relation)
{
  guint lo = 0, hi = self->relations->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (gloss_relation_compare (g_ptr_array_index (self->relations, mid), relation) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* The relation with id @id, or NULL. */
static GlossRelation *
find_by_id (GlossLayer *self,
            const char *id)
{
  guint lo = 0, hi = self->relations->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      GlossRelation *relation = g_ptr_array_index (self->relations, mid);
      int cmp = strcmp (gloss_relation_get_id (relation), id);

      if (cmp == 0)
        return relation;
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return NULL;
}

static void
index_relation (GlossLayer    *self,
                GlossRelation *relation)
{
  index_add (self->outgoing, gloss_relation_get_source (relation), relation);
  index_add (self->incoming, gloss_relation_get_target (relation), relation);
}

/* Builds the indexes of the ends, when they are not yet. */
static void
ensure_ends_index (GlossLayer *self)
{
  if (self->ends_indexed)
    return;

  for (guint i = 0; i < self->relations->len; i++)
    index_relation (self, g_ptr_array_index (self->relations, i));
  self->ends_indexed = TRUE;
}

/* Empties the indexes before their relations change ends or go: their
 * keys are the relations' own strings. */
static void
forget_ends_index (GlossLayer *self)
{
  g_hash_table_remove_all (self->outgoing);
  g_hash_table_remove_all (self->incoming);
  self->ends_indexed = FALSE;
}

void
_gloss_layer_index_relations (GlossLayer *self)
{
  ensure_ends_index (self);
}

static void
insert_relation (GlossLayer    *self,
                 GlossRelation *relation)
{
  ensure_ends_index (self);
  g_ptr_array_insert (self->relations, relation_lower_bound (self, relation),
                      g_object_ref (relation));
  index_relation (self, relation);
  g_signal_emit (self, signals[RELATION_ADDED], 0, relation);
}

static void
remove_relation (GlossLayer    *self,
                 GlossRelation *relation)
{
  guint pos = relation_lower_bound (self, relation);
  GlossRelation *removed;

  g_assert (pos < self->relations->len && g_ptr_array_index (self->relations, pos) == relation);

  ensure_ends_index (self);
  index_remove (self->outgoing, gloss_relation_get_source, relation);
  index_remove (self->incoming, gloss_relation_get_target, relation);
  removed = g_ptr_array_steal_index (self->relations, pos);
  g_signal_emit (self, signals[RELATION_REMOVED], 0, removed);
  g_object_unref (removed);
}

static void
assign_relation (GlossLayer    *self,
                 GlossRelation *relation,
                 GlossRelation *values)
{
  _gloss_relation_assign (relation, values);
  g_signal_emit (self, signals[RELATION_CHANGED], 0, relation);
}

void
_gloss_layer_apply_relation_change (GlossLayer        *self,
                                    const GlossChange *change,
                                    gboolean           reverse)
{
  switch (change->kind)
    {
    case GLOSS_CHANGE_ADD:
      if (reverse)
        remove_relation (self, change->relation);
      else
        insert_relation (self, change->relation);
      break;

    case GLOSS_CHANGE_REMOVE:
      if (reverse)
        insert_relation (self, change->relation);
      else
        remove_relation (self, change->relation);
      break;

    case GLOSS_CHANGE_MODIFY:
      assign_relation (self, change->relation,
                       reverse ? change->relation_before : change->relation_after);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* A relation of @type between @source and @target other than @except. */
static GlossRelation *
find_relation (GlossLayer    *self,
               const char    *type,
               const char    *source,
               const char    *target,
               GlossRelation *except)
{
  GPtrArray *list;

  ensure_ends_index (self);
  list = g_hash_table_lookup (self->outgoing, source);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      GlossRelation *relation = g_ptr_array_index (list, i);

      if (relation != except &&
          strcmp (gloss_relation_get_target (relation), target) == 0 &&
          strcmp (gloss_relation_get_rel_type (relation), type) == 0)
        return relation;
    }

  return NULL;
}

gboolean
gloss_layer_add_relation (GlossLayer    *self,
                          GlossRelation *relation)
{
  g_return_val_if_fail (GLOSS_IS_LAYER (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_RELATION (relation), FALSE);

  if (find_by_id (self, gloss_relation_get_id (relation)) != NULL ||
      gloss_layer_lookup (self, gloss_relation_get_source (relation)) == NULL ||
      gloss_layer_lookup (self, gloss_relation_get_target (relation)) == NULL ||
      find_relation (self, gloss_relation_get_rel_type (relation),
                     gloss_relation_get_source (relation),
                     gloss_relation_get_target (relation), NULL) != NULL)
    return FALSE;

  insert_relation (self, relation);
  gloss_history_push_relation (self->history, GLOSS_CHANGE_ADD, relation, NULL, NULL);

  return TRUE;
}

GlossRelation *
gloss_layer_link (GlossLayer *self,
                  const char *type,
                  const char *source_id,
                  const char *target_id,
                  const char *note)
{
  g_autoptr(GlossRelation) relation = NULL;

  g_return_val_if_fail (GLOSS_IS_LAYER (self), NULL);
  g_return_val_if_fail (type != NULL && *type != '\0', NULL);
  g_return_val_if_fail (source_id != NULL && target_id != NULL, NULL);

  relation = gloss_relation_new (type, source_id, target_id, note);
  if (!gloss_layer_add_relation (self, relation))
    return NULL;

  return relation;
}

gboolean
gloss_layer_remove_relation (GlossLayer    *self,
                             GlossRelation *relation)
{
  g_autoptr(GlossRelation) hold = NULL;

  g_return_val_if_fail (GLOSS_IS_LAYER (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_RELATION (relation), FALSE);

  if (find_by_id (self, gloss_relation_get_id (relation)) != relation)
    return FALSE;

  hold = g_object_ref (relation);
  remove_relation (self, relation);
  gloss_history_push_relation (self->history, GLOSS_CHANGE_REMOVE, relation, NULL, NULL);

  return TRUE;
}

/* Records and applies a change of @relation to @after's values. */
static void
modify_relation (GlossLayer    *self,
                 GlossRelation *relation,
                 GlossRelation *after)
{
  g_autoptr(GlossRelation) before = gloss_relation_copy (relation);
  g_autofree char *now = gloss_timestamp_now ();

  _gloss_relation_set_modified (after, now);
  assign_relation (self, relation, after);
  gloss_history_push_relation (self->history, GLOSS_CHANGE_MODIFY, relation, before, after);
}

void
gloss_layer_set_relation_note (GlossLayer    *self,
                               GlossRelation *relation,
                               const char    *note)
{
  g_autoptr(GlossRelation) after = NULL;

  g_return_if_fail (GLOSS_IS_LAYER (self));
  g_return_if_fail (gloss_layer_lookup_relation (self, gloss_relation_get_id (relation)) == relation);

  if (g_strcmp0 (gloss_relation_get_note (relation), note ? note : "") == 0)
    return;

  after = gloss_relation_copy (relation);
  _gloss_relation_set_note (after, note);
  modify_relation (self, relation, after);
}

gboolean
gloss_layer_set_relation_type (GlossLayer    *self,
                               GlossRelation *relation,
                               const char    *type)
{
  g_autoptr(GlossRelation) after = NULL;

  g_return_val_if_fail (GLOSS_IS_LAYER (self), FALSE);
  g_return_val_if_fail (gloss_layer_lookup_relation (self, gloss_relation_get_id (relation)) == relation, FALSE);
  g_return_val_if_fail (type != NULL && *type != '\0', FALSE);

  if (strcmp (gloss_relation_get_rel_type (relation), type) == 0)
    return TRUE;
  if (find_relation (self, type, gloss_relation_get_source (relation),
                     gloss_relation_get_target (relation), relation) != NULL)
    return FALSE;

  after = gloss_relation_new_full (gloss_relation_get_id (relation), type,
                                   gloss_relation_get_source (relation),
                                   gloss_relation_get_target (relation),
                                   gloss_relation_get_note (relation),
                                   gloss_relation_get_created (relation),
                                   gloss_relation_get_modified (relation));
  gloss_relation_set_extra (after, gloss_relation_get_extra (relation));
  modify_relation (self, relation, after);

  return TRUE;
}

GlossRelation *
gloss_layer_lookup_relation (GlossLayer *self,
                             const char *id)
{
  g_return_val_if_fail (GLOSS_IS_LAYER (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return find_by_id (self, id);
}

guint
gloss_layer_get_n_relations (GlossLayer *self)
{
  g_return_val_if_fail (GLOSS_IS_LAYER (self), 0);
  return self->relations->len;
}

GlossRelation *
gloss_layer_get_relation (GlossLayer *self,
                          guint       position)
{
  g_return_val_if_fail (GLOSS_IS_LAYER (self), NULL);

  if (position >= self->relations->len)
    return NULL;
  return g_ptr_array_index (self->relations, position);
}

static int
compare_relations (gconstpointer a,
                   gconstpointer b)
{
  return gloss_relation_compare (*(GlossRelation **) a, *(GlossRelation **) b);
}

static GPtrArray *
copy_list (GlossLayer *self,
           GHashTable *index,
           const char *annotation_id)
{
  GPtrArray *list;
  GPtrArray *copy;

  ensure_ends_index (self);
  list = g_hash_table_lookup (index, annotation_id);
  copy = g_ptr_array_new_full (list ? list->len : 0, g_object_unref);
  for (guint i = 0; list != NULL && i < list->len; i++)
    g_ptr_array_add (copy, g_object_ref (g_ptr_array_index (list, i)));
  g_ptr_array_sort (copy, compare_relations);

  return copy;
}

GPtrArray *
gloss_layer_get_relations_from (GlossLayer *self,
                                const char *annotation_id)
{
  g_return_val_if_fail (GLOSS_IS_LAYER (self), NULL);
  g_return_val_if_fail (annotation_id != NULL, NULL);

  return copy_list (self, self->outgoing, annotation_id);
}

GPtrArray *
gloss_layer_get_relations_to (GlossLayer *self,
                              const char *annotation_id)
{
  g_return_val_if_fail (GLOSS_IS_LAYER (self), NULL);
  g_return_val_if_fail (annotation_id != NULL, NULL);

  return copy_list (self, self->incoming, annotation_id);
}

static gboolean
end_needs_attention (GlossLayer *self,
                     const char *annotation_id)
{
  GlossAnnotation *annotation = gloss_layer_lookup (self, annotation_id);

  return annotation == NULL || annotation->status == GLOSS_ANCHOR_ORPHANED;
}

gboolean
gloss_layer_relation_needs_attention (GlossLayer    *self,
                                      GlossRelation *relation)
{
  g_return_val_if_fail (GLOSS_IS_LAYER (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_RELATION (relation), FALSE);

  return end_needs_attention (self, gloss_relation_get_source (relation)) ||
         end_needs_attention (self, gloss_relation_get_target (relation));
}

guint
gloss_layer_count_relations_needing_attention (GlossLayer *self)
{
  guint n = 0;

  g_return_val_if_fail (GLOSS_IS_LAYER (self), 0);

  for (guint i = 0; i < self->relations->len; i++)
    n += gloss_layer_relation_needs_attention (self, g_ptr_array_index (self->relations, i));

  return n;
}

void
gloss_layer_replace_relations (GlossLayer *self,
                               GPtrArray  *relations)
{
  g_autoptr(GPtrArray) old = NULL;
  gboolean sorted = TRUE;

  g_return_if_fail (GLOSS_IS_LAYER (self));
  g_return_if_fail (relations != NULL);

  forget_ends_index (self);
  old = g_steal_pointer (&self->relations);
  self->relations = g_ptr_array_new_full (relations->len, g_object_unref);
  for (guint i = 0; i < relations->len; i++)
    {
      GlossRelation *relation = g_ptr_array_index (relations, i);

      sorted &= i == 0 || gloss_relation_compare (g_ptr_array_index (relations, i - 1), relation) < 0;
      g_ptr_array_add (self->relations, g_object_ref (relation));
    }
  /* A file lists them sorted already. */
  if (!sorted)
    g_ptr_array_sort (self->relations, compare_relations);

  /* Loading 50,000 relations into a layer nobody watches yet signals
   * nothing. */
  if (g_signal_has_handler_pending (self, signals[RELATION_REMOVED], 0, FALSE))
    for (guint i = 0; i < old->len; i++)
      g_signal_emit (self, signals[RELATION_REMOVED], 0, g_ptr_array_index (old, i));
  if (g_signal_has_handler_pending (self, signals[RELATION_ADDED], 0, FALSE))
    for (guint i = 0; i < self->relations->len; i++)
      g_signal_emit (self, signals[RELATION_ADDED], 0, g_ptr_array_index (self->relations, i));
}

gboolean
_gloss_layer_has_relations_of (GlossLayer *self,
                               const char *annotation_id)
{
  if (self->relations->len == 0)
    return FALSE;

  ensure_ends_index (self);
  return g_hash_table_contains (self->outgoing, annotation_id) ||
         g_hash_table_contains (self->incoming, annotation_id);
}

guint
gloss_layer_remove_relations_of (GlossLayer *self,
                                 const char *annotation_id)
{
  g_autoptr(GPtrArray) from = NULL;
  g_autoptr(GPtrArray) to = NULL;
  guint n = 0;

  g_return_val_if_fail (GLOSS_IS_LAYER (self), 0);
  g_return_val_if_fail (annotation_id != NULL, 0);

  from = copy_list (self, self->outgoing, annotation_id);
  to = copy_list (self, self->incoming, annotation_id);
  for (guint i = 0; i < from->len; i++)
    n += gloss_layer_remove_relation (self, g_ptr_array_index (from, i));
  /* A relation from the annotation to itself went with the first list. */
  for (guint i = 0; i < to->len; i++)
    n += gloss_layer_remove_relation (self, g_ptr_array_index (to, i));

  return n;
}

void
_gloss_layer_rename_relation_ends (GlossLayer *self,
                                   GHashTable *renamed)
{
  if (g_hash_table_size (renamed) == 0 || self->relations->len == 0)
    return;

  /* Before any end's string is freed. */
  forget_ends_index (self);

  for (guint i = 0; i < self->relations->len; i++)
    {
      GlossRelation *relation = g_ptr_array_index (self->relations, i);
      g_autofree char *source = g_strdup (gloss_relation_get_source (relation));
      g_autofree char *target = g_strdup (gloss_relation_get_target (relation));
      const char *new_source = g_hash_table_lookup (renamed, source);
      const char *new_target = g_hash_table_lookup (renamed, target);

      /* Renaming an end renames both when they are the same. */
      if (new_source != NULL)
        _gloss_relation_rename_end (relation, source, new_source);
      if (new_target != NULL && strcmp (source, target) != 0)
        _gloss_relation_rename_end (relation, target, new_target);
    }
}
