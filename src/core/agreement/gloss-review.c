/* gloss-review.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-review"

#include "config.h"

#include <string.h>

#include "gloss-review-private.h"

/* A passage, with its tag as a number so that comparing tags is cheap. */
typedef struct
{
  guint annotator;
  guint tag;
  guint start;
  guint end;
  GlossAnnotation *annotation;
} Passage;

static guint
find_root (guint *parent,
           guint  i)
{
  guint root = i;

  while (parent[root] != root)
    root = parent[root];
  /* Halve the paths, so that later finds are short. */
  while (parent[i] != root)
    {
      guint next = parent[i];

      parent[i] = root;
      i = next;
    }
  return root;
}

static void
join (guint *parent,
      guint  a,
      guint  b)
{
  guint x = find_root (parent, a);
  guint y = find_root (parent, b);

  if (x != y)
    parent[MAX (x, y)] = MIN (x, y);
}

static int
compare_by_tag (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const Passage *passages = user_data;
  const Passage *p = &passages[*(const guint *) a];
  const Passage *q = &passages[*(const guint *) b];

  if (p->tag != q->tag)
    return p->tag < q->tag ? -1 : 1;
  if (p->start != q->start)
    return p->start < q->start ? -1 : 1;
  return 0;
}

static int
compare_by_span (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const Passage *passages = user_data;
  const Passage *p = &passages[*(const guint *) a];
  const Passage *q = &passages[*(const guint *) b];

  if (p->start != q->start)
    return p->start < q->start ? -1 : 1;
  if (p->end != q->end)
    return p->end < q->end ? -1 : 1;
  return 0;
}

static int
compare_versions (gconstpointer a,
                  gconstpointer b)
{
  const GlossReviewVersion *v = a, *w = b;

  if (v->annotator != w->annotator)
    return v->annotator < w->annotator ? -1 : 1;
  return gloss_annotation_compare (v->annotation, w->annotation);
}

static int
compare_relations (gconstpointer a,
                   gconstpointer b)
{
  return gloss_relation_compare (*(GlossRelation * const *) a, *(GlossRelation * const *) b);
}

static int
compare_units (gconstpointer a,
               gconstpointer b)
{
  const GlossReviewUnit *u = a, *v = b;

  if (u->start != v->start)
    return u->start < v->start ? -1 : 1;
  if (u->end != v->end)
    return u->end < v->end ? -1 : 1;
  return 0;
}

/* Every passage of the layers, orphans left out. */
static GArray *
collect (GPtrArray *layers)
{
  GArray *passages = g_array_new (FALSE, FALSE, sizeof (Passage));
  g_autoptr(GHashTable) tags = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint a = 0; a < layers->len; a++)
    {
      GListModel *layer = g_ptr_array_index (layers, a);
      guint n = g_list_model_get_n_items (layer);

      for (guint i = 0; i < n; i++)
        {
          GlossAnnotation *annotation = g_list_model_get_item (layer, i);
          const char *tag = gloss_annotation_get_tag (annotation);
          gpointer number;
          Passage p;

          /* The layer keeps it alive: the reference is not kept. */
          g_object_unref (annotation);
          if (gloss_annotation_get_status (annotation) == GLOSS_ANCHOR_ORPHANED)
            continue;
          if (!g_hash_table_lookup_extended (tags, tag, NULL, &number))
            {
              number = GUINT_TO_POINTER (g_hash_table_size (tags));
              g_hash_table_insert (tags, (gpointer) tag, number);
            }
          p.annotator = a;
          p.tag = GPOINTER_TO_UINT (number);
          p.start = gloss_annotation_get_start (annotation);
          p.end = gloss_annotation_get_end (annotation);
          p.annotation = annotation;
          g_array_append_val (passages, p);
        }
    }
  return passages;
}

static gboolean
same_attributes (GlossAnnotation *a,
                 GlossAnnotation *b)
{
  GVariant *x = gloss_annotation_get_attributes (a);
  GVariant *y = gloss_annotation_get_attributes (b);

  if (x == NULL || y == NULL)
    return x == y;
  return g_variant_equal (x, y);
}

static gboolean
same_span (GlossAnnotation *a,
           GlossAnnotation *b)
{
  return gloss_annotation_get_start (a) == gloss_annotation_get_start (b) &&
         gloss_annotation_get_end (a) == gloss_annotation_get_end (b);
}

/* The kind of a unit from its versions, sorted by annotator: each
 * passage is compared with the first of its tag, and with the first of
 * its tag and span for its attributes, the tags of a unit being few. */
static GlossReviewKind
unit_kind (const GlossReviewUnit *unit,
           guint                  n_annotators)
{
  GlossReviewKind kind = GLOSS_REVIEW_AGREED;
  guint n_present = 0;
  g_autoptr(GPtrArray) firsts = g_ptr_array_new ();
  g_autoptr(GPtrArray) alike = g_ptr_array_new ();

  for (guint i = 0; i < unit->versions->len; i++)
    {
      const GlossReviewVersion *v = &g_array_index (unit->versions, GlossReviewVersion, i);
      const char *tag = gloss_annotation_get_tag (v->annotation);
      GlossAnnotation *first = NULL;

      if (i == 0 || v->annotator != g_array_index (unit->versions, GlossReviewVersion, i - 1).annotator)
        n_present++;
      for (guint k = 0; k < firsts->len && first == NULL; k++)
        if (g_str_equal (gloss_annotation_get_tag (g_ptr_array_index (firsts, k)), tag))
          first = g_ptr_array_index (firsts, k);
      if (first == NULL)
        {
          g_ptr_array_add (firsts, v->annotation);
          g_ptr_array_add (alike, v->annotation);
          continue;
        }
      if (!same_span (first, v->annotation))
        kind |= GLOSS_REVIEW_BOUNDARY_DIFFERS;
      first = NULL;
      for (guint k = 0; k < alike->len && first == NULL; k++)
        if (g_str_equal (gloss_annotation_get_tag (g_ptr_array_index (alike, k)), tag) &&
            same_span (g_ptr_array_index (alike, k), v->annotation))
          first = g_ptr_array_index (alike, k);
      if (first == NULL)
        g_ptr_array_add (alike, v->annotation);
      else if (!same_attributes (first, v->annotation))
        kind |= GLOSS_REVIEW_ATTRIBUTE_DIFFERS;
    }
  if (firsts->len > 1)
    kind |= GLOSS_REVIEW_TAG_DIFFERS;
  if (n_present < n_annotators)
    kind |= GLOSS_REVIEW_MISSING;
  return kind;
}

/* The passage of @annotator in the unit of @annotation with its tag and
 * span, or NULL. */
static GlossAnnotation *
matched_in (GlossReview     *self,
            GlossAnnotation *annotation,
            guint            annotator)
{
  int u = gloss_review_find_unit (self, annotation);
  const GlossReviewUnit *unit;

  if (u < 0)
    return NULL;
  unit = &g_array_index (self->units, GlossReviewUnit, u);
  for (guint i = 0; i < unit->versions->len; i++)
    {
      const GlossReviewVersion *v = &g_array_index (unit->versions, GlossReviewVersion, i);

      if (v->annotator == annotator && same_span (v->annotation, annotation) &&
          g_str_equal (gloss_annotation_get_tag (v->annotation), gloss_annotation_get_tag (annotation)))
        return v->annotation;
    }
  return NULL;
}

/* A relation by its type and ends, for the sets of relations that
 * gathering the units builds once. */
typedef struct
{
  const char *type;
  GlossAnnotation *source;
  GlossAnnotation *target;
} RelationKey;

static guint
relation_key_hash (gconstpointer p)
{
  const RelationKey *key = p;

  return g_str_hash (key->type) ^ (g_direct_hash (key->source) * 31) ^ (g_direct_hash (key->target) * 17);
}

static gboolean
relation_key_equal (gconstpointer p,
                    gconstpointer q)
{
  const RelationKey *x = p, *y = q;

  return x->source == y->source && x->target == y->target && g_str_equal (x->type, y->type);
}

/* Whether the layer of @annotator has a relation of @type from @source
 * to @target: in its set of relations (@sets, when given), otherwise
 * among the relations from @source. */
static gboolean
has_relation (GlossReview     *self,
              GHashTable     **sets,
              guint            annotator,
              const char      *type,
              GlossAnnotation *source,
              GlossAnnotation *target)
{
  g_autoptr(GPtrArray) from = NULL;

  if (sets != NULL)
    {
      RelationKey key = { type, source, target };

      return g_hash_table_contains (sets[annotator], &key);
    }
  from = gloss_layer_get_relations_from (g_ptr_array_index (self->layers, annotator),
                                         gloss_annotation_get_id (source));
  for (guint i = 0; i < from->len; i++)
    {
      GlossRelation *relation = g_ptr_array_index (from, i);

      if (g_str_equal (gloss_relation_get_rel_type (relation), type) &&
          g_str_equal (gloss_relation_get_target (relation), gloss_annotation_get_id (target)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
relation_agreed (GlossReview     *self,
                 GHashTable     **sets,
                 guint            annotator,
                 GlossRelation   *relation,
                 GlossAnnotation *source,
                 GlossAnnotation *target)
{
  if (source == NULL || target == NULL)
    return FALSE;
  for (guint b = 0; b < self->layers->len; b++)
    {
      GlossAnnotation *s, *t;

      if (b == annotator)
        continue;
      s = matched_in (self, source, b);
      t = matched_in (self, target, b);
      if (s == NULL || t == NULL ||
          !has_relation (self, sets, b, gloss_relation_get_rel_type (relation), s, t))
        return FALSE;
    }
  return TRUE;
}

gboolean
gloss_review_relation_agreed (GlossReview   *self,
                              guint          annotator,
                              GlossRelation *relation)
{
  GlossLayer *layer;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (annotator < self->layers->len, FALSE);
  g_return_val_if_fail (GLOSS_IS_RELATION (relation), FALSE);

  layer = g_ptr_array_index (self->layers, annotator);
  return relation_agreed (self, NULL, annotator, relation,
                          gloss_layer_lookup (layer, gloss_relation_get_source (relation)),
                          gloss_layer_lookup (layer, gloss_relation_get_target (relation)));
}

GPtrArray *
gloss_review_dup_relations (GlossReview     *self,
                            guint            annotator,
                            GlossAnnotation *annotation)
{
  GlossLayer *layer;
  GPtrArray *relations;
  g_autoptr(GPtrArray) to = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (annotator < self->layers->len, NULL);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), NULL);

  layer = g_ptr_array_index (self->layers, annotator);
  relations = gloss_layer_get_relations_from (layer, gloss_annotation_get_id (annotation));
  to = gloss_layer_get_relations_to (layer, gloss_annotation_get_id (annotation));
  for (guint i = 0; i < to->len; i++)
    if (!g_ptr_array_find (relations, g_ptr_array_index (to, i), NULL))
      g_ptr_array_add (relations, g_object_ref (g_ptr_array_index (to, i)));
  g_ptr_array_sort (relations, compare_relations);
  return relations;
}

/* Marks the units of both ends of each relation some annotator lacks,
 * through a set of each layer's relations by type and ends, so that each
 * relation costs a few lookups. */
static void
mark_relations (GlossReview *self)
{
  guint n_layers = self->layers->len;
  g_autofree GHashTable **sets = g_new0 (GHashTable *, MAX (n_layers, 1));
  g_autofree GArray **keys = g_new0 (GArray *, MAX (n_layers, 1));

  for (guint a = 0; a < n_layers; a++)
    {
      GlossLayer *layer = g_ptr_array_index (self->layers, a);
      guint n = gloss_layer_get_n_relations (layer);

      sets[a] = g_hash_table_new (relation_key_hash, relation_key_equal);
      keys[a] = g_array_sized_new (FALSE, FALSE, sizeof (RelationKey), n);
      g_array_set_size (keys[a], n);
      for (guint r = 0; r < n; r++)
        {
          GlossRelation *relation = gloss_layer_get_relation (layer, r);
          RelationKey *key = &g_array_index (keys[a], RelationKey, r);

          key->type = gloss_relation_get_rel_type (relation);
          key->source = gloss_layer_lookup (layer, gloss_relation_get_source (relation));
          key->target = gloss_layer_lookup (layer, gloss_relation_get_target (relation));
          g_hash_table_add (sets[a], key);
        }
    }

  for (guint a = 0; a < n_layers; a++)
    for (guint r = 0; r < keys[a]->len; r++)
      {
        const RelationKey *key = &g_array_index (keys[a], RelationKey, r);
        GlossAnnotation *ends[] = { key->source, key->target };

        if (relation_agreed (self, sets, a, gloss_layer_get_relation (g_ptr_array_index (self->layers, a), r),
                             key->source, key->target))
          continue;
        for (guint e = 0; e < G_N_ELEMENTS (ends); e++)
          {
            int u = ends[e] != NULL ? gloss_review_find_unit (self, ends[e]) : -1;

            if (u >= 0)
              g_array_index (self->units, GlossReviewUnit, u).kind |= GLOSS_REVIEW_RELATION_DIFFERS;
          }
      }

  for (guint a = 0; a < n_layers; a++)
    {
      g_hash_table_unref (sets[a]);
      g_array_unref (keys[a]);
    }
}

GlossReview *
gloss_review_new (GPtrArray *layers)
{
  GlossReview *self;
  g_autoptr(GArray) passages = NULL;
  g_autofree guint *parent = NULL;
  g_autofree guint *order = NULL;
  g_autofree guint *unit_of_root = NULL;
  guint n;

  g_return_val_if_fail (layers != NULL, NULL);

  self = g_new0 (GlossReview, 1);
  self->layers = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint a = 0; a < layers->len; a++)
    g_ptr_array_add (self->layers, g_object_ref (g_ptr_array_index (layers, a)));
  self->units = g_array_new (FALSE, FALSE, sizeof (GlossReviewUnit));
  self->disagreements = g_array_new (FALSE, FALSE, sizeof (guint));
  self->unit_of = g_hash_table_new (g_direct_hash, g_direct_equal);

  passages = collect (self->layers);
  n = passages->len;
  parent = g_new (guint, MAX (n, 1));
  order = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    parent[i] = order[i] = i;

  /* Same tag, sharing a character: a sweep over each tag's passages by
   * start, joining each to the group whose furthest end it starts before. */
  g_qsort_with_data (order, n, sizeof (guint), compare_by_tag, passages->data);
  for (guint k = 0, group = 0, reach = 0; k < n; k++)
    {
      const Passage *p = &g_array_index (passages, Passage, order[k]);
      const Passage *g = &g_array_index (passages, Passage, group);

      if (k > 0 && g->tag == p->tag && p->start < reach && p->start < p->end)
        {
          join (parent, group, order[k]);
          reach = MAX (reach, p->end);
        }
      else
        {
          group = order[k];
          reach = p->end;
        }
    }

  /* Same start and end, whatever the tags. */
  g_qsort_with_data (order, n, sizeof (guint), compare_by_span, passages->data);
  for (guint k = 1; k < n; k++)
    if (compare_by_span (&order[k - 1], &order[k], passages->data) == 0)
      join (parent, order[k - 1], order[k]);

  /* One unit per group. */
  unit_of_root = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      guint root = find_root (parent, i);
      const Passage *p = &g_array_index (passages, Passage, i);
      GlossReviewVersion version = { p->annotator, p->annotation };
      GlossReviewUnit *unit;

      if (root == i)
        {
          GlossReviewUnit fresh = { p->start, p->end, 0, g_array_new (FALSE, FALSE, sizeof (GlossReviewVersion)) };

          unit_of_root[i] = self->units->len;
          g_array_append_val (self->units, fresh);
        }
      /* Roots are the smallest index of their group: seen first. */
      unit = &g_array_index (self->units, GlossReviewUnit, unit_of_root[root]);
      unit->start = MIN (unit->start, p->start);
      unit->end = MAX (unit->end, p->end);
      g_array_append_val (unit->versions, version);
    }

  g_array_sort (self->units, compare_units);
  self->reach = g_new (guint, MAX (self->units->len, 1));
  for (guint u = 0; u < self->units->len; u++)
    {
      GlossReviewUnit *unit = &g_array_index (self->units, GlossReviewUnit, u);

      self->reach[u] = MAX (u > 0 ? self->reach[u - 1] : 0, unit->end);

      g_array_sort (unit->versions, compare_versions);
      unit->kind = unit_kind (unit, self->layers->len);
      for (guint i = 0; i < unit->versions->len; i++)
        g_hash_table_insert (self->unit_of,
                             g_array_index (unit->versions, GlossReviewVersion, i).annotation,
                             GUINT_TO_POINTER (u + 1));
    }

  mark_relations (self);
  for (guint u = 0; u < self->units->len; u++)
    if (g_array_index (self->units, GlossReviewUnit, u).kind != GLOSS_REVIEW_AGREED)
      g_array_append_val (self->disagreements, u);

  return self;
}

void
gloss_review_free (GlossReview *self)
{
  if (self == NULL)
    return;
  _gloss_review_untrack (self);
  g_free (self->reach);
  for (guint u = 0; u < self->units->len; u++)
    g_array_unref (g_array_index (self->units, GlossReviewUnit, u).versions);
  g_array_unref (self->units);
  g_array_unref (self->disagreements);
  g_hash_table_unref (self->unit_of);
  g_ptr_array_unref (self->layers);
  g_free (self);
}

guint
gloss_review_get_n_annotators (GlossReview *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->layers->len;
}

GlossLayer *
gloss_review_get_layer (GlossReview *self,
                        guint        annotator)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (annotator < self->layers->len, NULL);

  return g_ptr_array_index (self->layers, annotator);
}

guint
gloss_review_get_n_units (GlossReview *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->units->len;
}

const GlossReviewUnit *
gloss_review_get_unit (GlossReview *self,
                       guint        index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->units->len, NULL);

  return &g_array_index (self->units, GlossReviewUnit, index);
}

guint
gloss_review_get_n_disagreements (GlossReview *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->disagreements->len;
}

int
gloss_review_find_disagreement (GlossReview *self,
                                guint        offset,
                                gboolean     backwards,
                                gboolean     inclusive)
{
  guint low = 0, high;

  g_return_val_if_fail (self != NULL, -1);

  /* Forwards, the first disagreement that starts after @offset (or at it,
   * inclusive); backwards, the one after the last that starts before it
   * (or at it, inclusive). */
  high = self->disagreements->len;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      guint start = g_array_index (self->units, GlossReviewUnit,
                                   g_array_index (self->disagreements, guint, middle)).start;

      if (start < offset || (start == offset && backwards == inclusive))
        low = middle + 1;
      else
        high = middle;
    }

  if (backwards)
    return low > 0 ? (int) g_array_index (self->disagreements, guint, low - 1) : -1;
  return low < self->disagreements->len ? (int) g_array_index (self->disagreements, guint, low) : -1;
}

int
gloss_review_find_unit (GlossReview     *self,
                        GlossAnnotation *annotation)
{
  g_return_val_if_fail (self != NULL, -1);

  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->unit_of, annotation)) - 1;
}
