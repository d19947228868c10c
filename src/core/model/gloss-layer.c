/* gloss-layer.c
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
#include "gloss-relation.h"


static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GlossLayer, gloss_layer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_ANNOTATOR_ID,
  PROP_ANNOTATOR_NAME,
  PROP_HISTORY,
  PROP_SOURCE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
gloss_layer_get_item_type (GListModel *model)
{
  return GLOSS_TYPE_ANNOTATION;
}

static guint
gloss_layer_get_n_items (GListModel *model)
{
  return GLOSS_LAYER (model)->items->len;
}

static gpointer
gloss_layer_get_item (GListModel *model,
                      guint       position)
{
  GlossLayer *self = GLOSS_LAYER (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = gloss_layer_get_item_type;
  iface->get_n_items = gloss_layer_get_n_items;
  iface->get_item = gloss_layer_get_item;
}

static void
emit_items_changed (GlossLayer *self,
                    guint       position,
                    guint       removed,
                    guint       added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* The first index whose annotation sorts after @annotation's key, or its
 * own index when @annotation is in the array. */
static guint
lower_bound (GlossLayer      *self,
             GlossAnnotation *annotation)
{
  guint lo = 0, hi = self->items->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (gloss_annotation_compare (_gloss_layer_item_at (self, mid), annotation) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static void
insert_sorted (GlossLayer      *self,
               GlossAnnotation *annotation)
{
  guint pos = lower_bound (self, annotation);

  g_ptr_array_insert (self->items, pos, g_object_ref (annotation));
  _gloss_layer_tree_insert (self, pos);
  g_hash_table_insert (self->by_id, (gpointer)gloss_annotation_get_id (annotation), annotation);
  emit_items_changed (self, pos, 0, 1);
}

static void
remove_sorted (GlossLayer      *self,
               GlossAnnotation *annotation)
{
  guint pos = lower_bound (self, annotation);
  GlossAnnotation *removed;

  g_assert (pos < self->items->len && _gloss_layer_item_at (self, pos) == annotation);

  g_hash_table_remove (self->by_id, gloss_annotation_get_id (annotation));
  removed = g_ptr_array_steal_index (self->items, pos);
  _gloss_layer_tree_remove (self, pos);
  emit_items_changed (self, pos, 1, 0);
  g_object_unref (removed);
}

/* Puts back @annotation, taken out of @old_pos, at @new_pos.  When it moves,
 * the model signals a removal and then an insertion, and each signal must
 * find the model in the state it describes: without the annotation during
 * the first, with it in its new place during the second. */
static void
move_to (GlossLayer      *self,
         GlossAnnotation *annotation,
         guint            old_pos,
         guint            new_pos)
{
  if (old_pos == new_pos)
    {
      g_ptr_array_insert (self->items, new_pos, annotation);
      _gloss_layer_tree_insert (self, new_pos);
      emit_items_changed (self, old_pos, 1, 1);
    }
  else
    {
      g_list_model_items_changed (G_LIST_MODEL (self), old_pos, 1, 0);
      g_ptr_array_insert (self->items, new_pos, annotation);
      _gloss_layer_tree_insert (self, new_pos);
      g_list_model_items_changed (G_LIST_MODEL (self), new_pos, 0, 1);
    }
}

/* Gives @annotation the values of @values in place, keeping the array sorted and
 * signalling the least the list model needs. */
static void
assign_in_place (GlossLayer      *self,
                 GlossAnnotation *annotation,
                 GlossAnnotation *values)
{
  guint old_pos = lower_bound (self, annotation);
  guint new_pos;

  g_assert (old_pos < self->items->len && _gloss_layer_item_at (self, old_pos) == annotation);

  g_ptr_array_steal_index (self->items, old_pos);
  _gloss_layer_tree_remove (self, old_pos);
  _gloss_annotation_assign (annotation, values);
  new_pos = lower_bound (self, annotation);
  move_to (self, annotation, old_pos, new_pos);
}

static void
apply_change (const GlossChange *change,
              gboolean           reverse,
              gpointer           user_data)
{
  GlossLayer *self = user_data;

  if (change->relation != NULL)
    {
      _gloss_layer_apply_relation_change (self, change, reverse);
      return;
    }

  switch (change->kind)
    {
    case GLOSS_CHANGE_ADD:
      if (reverse)
        remove_sorted (self, change->annotation);
      else
        insert_sorted (self, change->annotation);
      break;

    case GLOSS_CHANGE_REMOVE:
      if (reverse)
        insert_sorted (self, change->annotation);
      else
        remove_sorted (self, change->annotation);
      break;

    case GLOSS_CHANGE_MODIFY:
      assign_in_place (self, change->annotation, reverse ? change->before : change->after);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
gloss_layer_dispose (GObject *object)
{
  GlossLayer *self = (GlossLayer *)object;

  g_clear_object (&self->history);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (gloss_layer_parent_class)->dispose (object);
}

static void
gloss_layer_finalize (GObject *object)
{
  GlossLayer *self = (GlossLayer *)object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->max_end, g_free);
  g_clear_pointer (&self->annotator_id, g_free);
  g_clear_pointer (&self->annotator_name, g_free);
  _gloss_layer_relations_finalize (self);

  G_OBJECT_CLASS (gloss_layer_parent_class)->finalize (object);
}

static void
gloss_layer_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  GlossLayer *self = GLOSS_LAYER (object);

  switch (prop_id)
    {
    case PROP_ANNOTATOR_ID:
      g_value_set_string (value, self->annotator_id);
      break;

    case PROP_ANNOTATOR_NAME:
      g_value_set_string (value, self->annotator_name);
      break;

    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_layer_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  GlossLayer *self = GLOSS_LAYER (object);

  switch (prop_id)
    {
    case PROP_ANNOTATOR_ID:
      gloss_layer_set_annotator_id (self, g_value_get_string (value));
      break;

    case PROP_ANNOTATOR_NAME:
      gloss_layer_set_annotator_name (self, g_value_get_string (value));
      break;

    case PROP_SOURCE:
      gloss_layer_set_source (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_layer_class_init (GlossLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gloss_layer_dispose;
  object_class->finalize = gloss_layer_finalize;
  object_class->get_property = gloss_layer_get_property;
  object_class->set_property = gloss_layer_set_property;

  properties[PROP_ANNOTATOR_ID] =
    g_param_spec_string ("annotator-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANNOTATOR_NAME] =
    g_param_spec_string ("annotator-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, GLOSS_TYPE_HISTORY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] =
    g_param_spec_object ("source", NULL, NULL, GLOSS_TYPE_SOURCE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  _gloss_layer_relations_class_init (object_class);
}

static void
gloss_layer_init (GlossLayer *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->history = gloss_history_new (apply_change, self);
  self->annotator_name = g_strdup ("");
  _gloss_layer_relations_init (self);
}

GlossLayer *
gloss_layer_new (const char *annotator_id,
                 const char *annotator_name)
{
  g_return_val_if_fail (annotator_id != NULL, NULL);

  return g_object_new (GLOSS_TYPE_LAYER,
                       "annotator-id", annotator_id,
                       "annotator-name", annotator_name ? annotator_name : annotator_id,
                       NULL);
}

const char *
gloss_layer_get_annotator_id (GlossLayer *self)
{
  g_return_val_if_fail (GLOSS_IS_LAYER (self), NULL);
  return self->annotator_id;
}

void
gloss_layer_set_annotator_id (GlossLayer *self,
                              const char *id)
{
  g_return_if_fail (GLOSS_IS_LAYER (self));
  g_return_if_fail (id != NULL);

  if (g_strcmp0 (self->annotator_id, id) == 0)
    return;

  g_free (self->annotator_id);
  self->annotator_id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATOR_ID]);
}

const char *
gloss_layer_get_annotator_name (GlossLayer *self)
{
  g_return_val_if_fail (GLOSS_IS_LAYER (self), NULL);
  return self->annotator_name;
}

void
gloss_layer_set_annotator_name (GlossLayer *self,
                                const char *name)
{
  g_return_if_fail (GLOSS_IS_LAYER (self));

  if (name == NULL)
    name = "";
  if (g_strcmp0 (self->annotator_name, name) == 0)
    return;

  g_free (self->annotator_name);
  self->annotator_name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATOR_NAME]);
}

GlossHistory *
gloss_layer_get_history (GlossLayer *self)
{
  g_return_val_if_fail (GLOSS_IS_LAYER (self), NULL);
  return self->history;
}

GlossSource *
gloss_layer_get_source (GlossLayer *self)
{
  g_return_val_if_fail (GLOSS_IS_LAYER (self), NULL);
  return self->source;
}

void
gloss_layer_set_source (GlossLayer  *self,
                        GlossSource *source)
{
  g_return_if_fail (GLOSS_IS_LAYER (self));
  g_return_if_fail (!source || GLOSS_IS_SOURCE (source));

  if (g_set_object (&self->source, source))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

int
gloss_layer_index_of (GlossLayer      *self,
                      GlossAnnotation *annotation)
{
  guint pos;

  g_return_val_if_fail (GLOSS_IS_LAYER (self), -1);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), -1);

  pos = lower_bound (self, annotation);
  if (pos < self->items->len && _gloss_layer_item_at (self, pos) == annotation)
    return pos;

  return -1;
}

gboolean
gloss_layer_add (GlossLayer      *self,
                 GlossAnnotation *annotation)
{
  g_return_val_if_fail (GLOSS_IS_LAYER (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);

  if (gloss_layer_lookup (self, gloss_annotation_get_id (annotation)) != NULL)
    return FALSE;
  if (gloss_layer_find (self,
                        gloss_annotation_get_tag (annotation),
                        gloss_annotation_get_start (annotation),
                        gloss_annotation_get_end (annotation)) != NULL)
    return FALSE;

  insert_sorted (self, annotation);
  gloss_history_push (self->history, GLOSS_CHANGE_ADD, annotation, NULL, NULL);

  return TRUE;
}

GlossAnnotation *
gloss_layer_annotate (GlossLayer *self,
                      const char *tag,
                      guint       start,
                      guint       end,
                      const char *note)
{
  g_autoptr(GlossAnnotation) annotation = NULL;

  g_return_val_if_fail (GLOSS_IS_LAYER (self), NULL);
  g_return_val_if_fail (self->source != NULL, NULL);
  g_return_val_if_fail (tag != NULL, NULL);
  g_return_val_if_fail (start < end && end <= gloss_source_get_length (self->source), NULL);

  annotation = gloss_annotation_new_for_source (self->source, tag, start, end, note);
  if (!gloss_layer_add (self, annotation))
    return NULL;

  return annotation;
}

gboolean
gloss_layer_remove (GlossLayer      *self,
                    GlossAnnotation *annotation)
{
  g_autoptr(GlossAnnotation) hold = NULL;

  g_return_val_if_fail (GLOSS_IS_LAYER (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);

  if (gloss_layer_index_of (self, annotation) < 0)
    return FALSE;

  hold = g_object_ref (annotation);
  if (!_gloss_layer_has_relations_of (self, gloss_annotation_get_id (annotation)))
    {
      remove_sorted (self, annotation);
      gloss_history_push (self->history, GLOSS_CHANGE_REMOVE, annotation, NULL, NULL);
      return TRUE;
    }

  /* The relations go first, in the same step, so that undo puts the
   * annotation back before the relations that need it. */
  gloss_history_begin_group (self->history);
  gloss_layer_remove_relations_of (self, gloss_annotation_get_id (annotation));
  remove_sorted (self, annotation);
  gloss_history_push (self->history, GLOSS_CHANGE_REMOVE, annotation, NULL, NULL);
  gloss_history_end_group (self->history);

  return TRUE;
}

/* Records and applies a change of @annotation to @after's values. */
static void
modify (GlossLayer      *self,
        GlossAnnotation *annotation,
        GlossAnnotation *after)
{
  g_autoptr(GlossAnnotation) before = gloss_annotation_copy (annotation);
  g_autofree char *now = gloss_timestamp_now ();

  _gloss_annotation_set_modified (after, now);
  assign_in_place (self, annotation, after);
  gloss_history_push (self->history, GLOSS_CHANGE_MODIFY, annotation, before, after);
}

gboolean
gloss_layer_set_tag (GlossLayer      *self,
                     GlossAnnotation *annotation,
                     const char      *tag)
{
  g_autoptr(GlossAnnotation) after = NULL;

  g_return_val_if_fail (GLOSS_IS_LAYER (self), FALSE);
  g_return_val_if_fail (gloss_layer_index_of (self, annotation) >= 0, FALSE);
  g_return_val_if_fail (tag != NULL && *tag != '\0', FALSE);

  if (strcmp (gloss_annotation_get_tag (annotation), tag) == 0)
    return TRUE;
  if (gloss_layer_find (self, tag,
                        gloss_annotation_get_start (annotation),
                        gloss_annotation_get_end (annotation)) != NULL)
    return FALSE;

  after = gloss_annotation_copy (annotation);
  _gloss_annotation_set_tag (after, tag);
  modify (self, annotation, after);

  return TRUE;
}

void
gloss_layer_set_note (GlossLayer      *self,
                      GlossAnnotation *annotation,
                      const char      *note)
{
  g_autoptr(GlossAnnotation) after = NULL;

  g_return_if_fail (GLOSS_IS_LAYER (self));
  g_return_if_fail (gloss_layer_index_of (self, annotation) >= 0);

  if (g_strcmp0 (gloss_annotation_get_note (annotation), note ? note : "") == 0)
    return;

  after = gloss_annotation_copy (annotation);
  _gloss_annotation_set_note (after, note);
  modify (self, annotation, after);
}

gboolean
gloss_layer_set_range (GlossLayer      *self,
                       GlossAnnotation *annotation,
                       guint            start,
                       guint            end)
{
  g_autoptr(GlossAnnotation) after = NULL;
  GlossAnnotation *existing;

  g_return_val_if_fail (GLOSS_IS_LAYER (self), FALSE);
  g_return_val_if_fail (self->source != NULL, FALSE);
  g_return_val_if_fail (gloss_layer_index_of (self, annotation) >= 0, FALSE);
  g_return_val_if_fail (start < end && end <= gloss_source_get_length (self->source), FALSE);

  existing = gloss_layer_find (self, gloss_annotation_get_tag (annotation), start, end);
  if (existing != NULL && existing != annotation)
    return FALSE;

  after = gloss_annotation_copy (annotation);
  _gloss_annotation_set_range (after, start, end);
  _gloss_annotation_take_text_from_source (after, self->source);
  _gloss_annotation_set_status (after, GLOSS_ANCHOR_ANCHORED);
  modify (self, annotation, after);

  return TRUE;
}

gboolean
gloss_layer_set_attribute (GlossLayer      *self,
                           GlossAnnotation *annotation,
                           const char      *id,
                           GVariant        *value)
{
  g_autoptr(GVariant) sunk = value ? g_variant_ref_sink (value) : NULL;
  g_autoptr(GVariant) attributes = NULL;
  g_autoptr(GlossAnnotation) after = NULL;

  g_return_val_if_fail (GLOSS_IS_LAYER (self), FALSE);
  g_return_val_if_fail (gloss_layer_index_of (self, annotation) >= 0, FALSE);
  g_return_val_if_fail (id != NULL && *id != '\0', FALSE);
  g_return_val_if_fail (sunk == NULL || gloss_attribute_value_is_valid (sunk), FALSE);

  attributes = gloss_attributes_with (annotation->attributes, id, sunk);
  if (attributes == annotation->attributes ||
      (attributes != NULL && annotation->attributes != NULL &&
       g_variant_equal (attributes, annotation->attributes)))
    return FALSE;

  after = gloss_annotation_copy (annotation);
  gloss_annotation_set_attributes (after, attributes);
  modify (self, annotation, after);

  return TRUE;
}

void
gloss_layer_begin_group (GlossLayer *self)
{
  g_return_if_fail (GLOSS_IS_LAYER (self));
  gloss_history_begin_group (self->history);
}

void
gloss_layer_end_group (GlossLayer *self)
{
  g_return_if_fail (GLOSS_IS_LAYER (self));
  gloss_history_end_group (self->history);
}

gboolean
gloss_layer_undo (GlossLayer *self)
{
  g_return_val_if_fail (GLOSS_IS_LAYER (self), FALSE);
  return gloss_history_undo (self->history);
}

gboolean
gloss_layer_redo (GlossLayer *self)
{
  g_return_val_if_fail (GLOSS_IS_LAYER (self), FALSE);
  return gloss_history_redo (self->history);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  return gloss_annotation_compare (*(GlossAnnotation **)a, *(GlossAnnotation **)b);
}

/* The one of several annotations with the same tag and span that stays:
 * the one created first; an annotation with no date counts as created
 * last, and ties go to the layer order. */
static int
compare_created (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  GlossAnnotation *x = *(GlossAnnotation **)a;
  GlossAnnotation *y = *(GlossAnnotation **)b;
  gboolean x_dated = x->created != NULL && x->created[0] != '\0';
  gboolean y_dated = y->created != NULL && y->created[0] != '\0';
  int cmp;

  if (x_dated != y_dated)
    return x_dated ? -1 : 1;
  if (x_dated && (cmp = strcmp (x->created, y->created)) != 0)
    return cmp;

  return gloss_annotation_compare (x, y);
}

/* Merges the @n annotations at @run (sorted by compare_created()) into
 * the first: it gains the notes of the others it does not have yet, each
 * after a blank line, so that no note is lost. */
static void
merge_run (GlossAnnotation **run,
           guint             n)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) notes = g_string_new (run[0]->note);
  gboolean grown = FALSE;

  if (gloss_annotation_has_note (run[0]))
    g_hash_table_add (seen, run[0]->note);

  for (guint i = 1; i < n; i++)
    {
      const char *note = run[i]->note;

      if (!gloss_annotation_has_note (run[i]) || !g_hash_table_add (seen, (gpointer) note))
        continue;

      if (notes->len > 0)
        g_string_append (notes, "\n\n");
      g_string_append (notes, note);
      grown = TRUE;
    }

  if (grown)
    _gloss_annotation_set_note (run[0], notes->str);
}

/* Keeps the items, sorted, free of annotations with the tag, span and
 * quote of another (see merge_run()); returns how many were merged
 * away. */
static guint
merge_duplicates (GlossLayer *self,
                  GHashTable *renamed)
{
  gsize n = 0;
  GlossAnnotation **items = (GlossAnnotation **) g_ptr_array_steal (self->items, &n);
  guint merged = 0;

  for (gsize i = 0; i < n;)
    {
      gsize j = i + 1;

      while (j < n && items[j]->start == items[i]->start && items[j]->end == items[i]->end &&
             strcmp (items[j]->tag, items[i]->tag) == 0)
        j++;

      /* Only copies: a quote that differs is a file edited by hand, where
       * anchoring finds out which annotation belongs where; once anchored,
       * the quotes on one span are the article's, alike. */
      for (gsize k = i + 1; k < j; k++)
        {
          if (g_strcmp0 (items[k]->quote, items[i]->quote) != 0)
            {
              j = i + 1;
              break;
            }
        }

      if (j - i > 1)
        {
          g_qsort_with_data (&items[i], j - i, sizeof (GlossAnnotation *), compare_created, NULL);
          merge_run (&items[i], j - i);
          for (gsize k = i + 1; k < j; k++)
            {
              g_hash_table_insert (renamed, g_strdup (items[k]->id), g_strdup (items[i]->id));
              g_object_unref (items[k]);
            }
          merged += j - i - 1;
        }

      g_ptr_array_add (self->items, items[i]);
      i = j;
    }
  g_free (items);

  return merged;
}

guint
gloss_layer_replace_all (GlossLayer *self,
                         GPtrArray  *annotations)
{
  g_autoptr(GHashTable) renamed = NULL;
  guint old_len;
  guint merged;

  g_return_val_if_fail (GLOSS_IS_LAYER (self), 0);
  g_return_val_if_fail (annotations != NULL, 0);

  renamed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  old_len = self->items->len;
  g_hash_table_remove_all (self->by_id);
  g_ptr_array_set_size (self->items, 0);

  for (guint i = 0; i < annotations->len; i++)
    g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (annotations, i)));
  g_ptr_array_sort (self->items, compare_items);
  merged = merge_duplicates (self, renamed);

  for (guint i = 0; i < self->items->len; i++)
    {
      GlossAnnotation *annotation = _gloss_layer_item_at (self, i);

      g_hash_table_insert (self->by_id, (gpointer)gloss_annotation_get_id (annotation), annotation);
    }
  self->tree_valid = FALSE;
  _gloss_layer_rename_relation_ends (self, renamed);

  gloss_history_clear (self->history);
  emit_items_changed (self, 0, old_len, self->items->len);

  return merged;
}
