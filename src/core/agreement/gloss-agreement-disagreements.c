/* gloss-agreement-disagreements.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-agreement"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "gloss-agreement-private.h"
#include "gloss-attribute-def.h"

/* What a pair of annotators disagree on beyond their spans, listed from
 * an article's units (gloss-agreement-relational.c makes them): the
 * attributes of the passages both marked, and the relations one of them
 * has and the other lacks. */

static guint
n_units (GlossAgreementUnits *units)
{
  return units->cells->len / MAX (units->n_coders, 1);
}

static GlossAnnotation *
cell (GlossAgreementUnits *units,
      guint                unit,
      guint                coder)
{
  return g_ptr_array_index (units->cells, (gsize) unit * units->n_coders + coder);
}

/* The passage of any coder in @unit: they all have its tag and span. */
static GlossAnnotation *
any_cell (GlossAgreementUnits *units,
          guint                unit)
{
  for (guint c = 0; c < units->n_coders; c++)
    if (cell (units, unit, c) != NULL)
      return cell (units, unit, c);
  g_assert_not_reached ();
  return NULL;
}

static void
attribute_disagreement_free (gpointer data)
{
  GlossAttributeDisagreement *d = data;

  g_free (d->tag);
  g_free (d->attribute);
  g_free (d->value_a);
  g_free (d->value_b);
  g_free (d);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The ids of the attributes @a or @b has, sorted (borrowed from them). */
static GPtrArray *
attribute_ids (GlossAnnotation *a,
               GlossAnnotation *b)
{
  GPtrArray *ids = g_ptr_array_new ();
  GlossAnnotation *both[] = { a, b };

  for (guint s = 0; s < G_N_ELEMENTS (both); s++)
    {
      GVariant *attributes = gloss_annotation_get_attributes (both[s]);
      GVariantIter iter;
      const char *key;

      if (attributes == NULL)
        continue;
      g_variant_iter_init (&iter, attributes);
      while (g_variant_iter_next (&iter, "{&sv}", &key, NULL))
        if (s == 0 || !g_ptr_array_find_with_equal_func (ids, key, g_str_equal, NULL))
          g_ptr_array_add (ids, (gpointer) key);
    }
  qsort (ids->pdata, ids->len, sizeof (gpointer), compare_strings);
  return ids;
}

static char *
dup_value (GlossAnnotation *annotation,
           const char      *id)
{
  g_autoptr(GVariant) value = gloss_annotation_dup_attribute (annotation, id);

  return value != NULL ? gloss_attribute_value_to_string (value) : NULL;
}

GPtrArray *
gloss_agreement_result_dup_attribute_disagreements (GlossAgreementResult *result,
                                                    guint                 a,
                                                    guint                 b)
{
  GPtrArray *list;
  GlossAgreementUnits *units;

  g_return_val_if_fail (result != NULL, NULL);

  list = g_ptr_array_new_with_free_func (attribute_disagreement_free);
  units = result->units;
  if (units == NULL || a >= units->n_coders || b >= units->n_coders)
    return list;

  for (guint u = 0; u < n_units (units); u++)
    {
      GlossAnnotation *x = cell (units, u, a);
      GlossAnnotation *y = cell (units, u, b);
      g_autoptr(GPtrArray) ids = NULL;

      if (x == NULL || y == NULL)
        continue;
      if (gloss_annotation_get_attributes (x) == NULL && gloss_annotation_get_attributes (y) == NULL)
        continue;
      ids = attribute_ids (x, y);
      for (guint i = 0; i < ids->len; i++)
        {
          const char *id = g_ptr_array_index (ids, i);
          g_autofree char *value_a = dup_value (x, id);
          g_autofree char *value_b = dup_value (y, id);
          GlossAttributeDisagreement *d;

          if (g_strcmp0 (value_a, value_b) == 0)
            continue;
          d = g_new0 (GlossAttributeDisagreement, 1);
          d->tag = g_strdup (gloss_annotation_get_tag (x));
          d->start = gloss_annotation_get_start (x);
          d->end = gloss_annotation_get_end (x);
          d->attribute = g_strdup (id);
          d->value_a = g_steal_pointer (&value_a);
          d->value_b = g_steal_pointer (&value_b);
          g_ptr_array_add (list, d);
        }
    }
  return list;
}

/* A relation disagreement with the units of its ends, while the list is
 * sorted. */
typedef struct
{
  GlossRelationDisagreement public;
  guint source;
  guint target;
} RelationEntry;

typedef struct
{
  GlossAgreementResult *result;
  GPtrArray *list;
} RelationListing;

static void
relation_disagreement_free (gpointer data)
{
  GlossRelationDisagreement *d = data;

  g_free (d->type);
  g_free (d->source_tag);
  g_free (d->target_tag);
  g_free (d);
}

static void
list_relation (const GlossRelationKey *key,
               GlossSpanOutcome        outcome,
               gpointer                data)
{
  RelationListing *listing = data;
  GlossAgreementUnits *units = listing->result->units;
  RelationEntry *entry;
  GlossAnnotation *source, *target;

  if (outcome == GLOSS_SPAN_MATCHED)
    return;
  source = any_cell (units, key->source);
  target = any_cell (units, key->target);
  /* Its first member, so that the list frees it as one. */
  entry = g_new0 (RelationEntry, 1);
  entry->source = key->source;
  entry->target = key->target;
  entry->public.kind = outcome;
  entry->public.type = g_strdup (g_ptr_array_index (listing->result->study->relation_types, key->type));
  entry->public.source_tag = g_strdup (gloss_annotation_get_tag (source));
  entry->public.source_start = gloss_annotation_get_start (source);
  entry->public.source_end = gloss_annotation_get_end (source);
  entry->public.target_tag = g_strdup (gloss_annotation_get_tag (target));
  entry->public.target_start = gloss_annotation_get_start (target);
  entry->public.target_end = gloss_annotation_get_end (target);
  g_ptr_array_add (listing->list, entry);
}

/* Units are in the order of their passages' start, end and tag. */
static int
compare_relation_entries (gconstpointer a,
                          gconstpointer b)
{
  const RelationEntry *x = *(RelationEntry * const *) a;
  const RelationEntry *y = *(RelationEntry * const *) b;
  int cmp;

  if (x->source != y->source)
    return x->source < y->source ? -1 : 1;
  if (x->target != y->target)
    return x->target < y->target ? -1 : 1;
  cmp = strcmp (x->public.type, y->public.type);
  if (cmp != 0)
    return cmp;
  return (int) x->public.kind - (int) y->public.kind;
}

GPtrArray *
gloss_agreement_result_dup_relation_disagreements (GlossAgreementResult *result,
                                                   guint                 a,
                                                   guint                 b)
{
  RelationListing listing = { result, NULL };

  g_return_val_if_fail (result != NULL, NULL);

  listing.list = g_ptr_array_new_with_free_func (relation_disagreement_free);
  if (result->units == NULL || a >= result->units->n_coders || b >= result->units->n_coders)
    return listing.list;
  _gloss_agreement_units_visit_relations (result->units, a, b, list_relation, &listing);
  g_ptr_array_sort (listing.list, compare_relation_entries);
  return listing.list;
}
