/* gloss-agreement-relational.c
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
#include "gloss-reliability-private.h"

/* What annotators say of the passages they agree on: their attributes'
 * values (α nominal, α interval for numbers, percent agreement) and the
 * relations between them (precision, recall and F1).  A unit is a strict
 * match, as span matching's first round pairs: the passages of several
 * annotators with the same tag, start and end (an annotator's second
 * passage there is in a second unit). */

/* Sums of α interval, added unit by unit: the pairable values, their sum
 * and the sum of their squares, and the observed disagreement's sum. */
typedef struct
{
  double n;
  double sum;
  double squares;
  double observed;
  guint units;
} IntervalSums;

typedef struct
{
  GlossNominalTally *nominal;
  IntervalSums interval;
} AttributeTally;

typedef struct
{
  char *id;
  GHashTable *codes;            /* value as text -> code */
  GArray *pooled;               /* guint by code: its code over every attribute */
  gboolean numeric;             /* every value met was a number */
} AttributeInfo;

/* The study's attributes and relation types. */

static void
attribute_info_free (gpointer data)
{
  AttributeInfo *info = data;

  g_free (info->id);
  g_hash_table_unref (info->codes);
  g_array_unref (info->pooled);
  g_free (info);
}

void
_gloss_agreement_relational_init (GlossAgreement *study)
{
  study->attributes = g_ptr_array_new_with_free_func (attribute_info_free);
  study->attribute_numbers = g_hash_table_new (g_str_hash, g_str_equal);
  study->relation_types = g_ptr_array_new_with_free_func (g_free);
  study->relation_numbers = g_hash_table_new (g_str_hash, g_str_equal);
}

void
_gloss_agreement_relational_clear (GlossAgreement *study)
{
  g_hash_table_unref (study->attribute_numbers);
  g_ptr_array_unref (study->attributes);
  g_hash_table_unref (study->relation_numbers);
  g_ptr_array_unref (study->relation_types);
}

static int
lookup_number (GHashTable *numbers,
               const char *name)
{
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (numbers, name)) - 1;
}

static guint
relation_type_number (GlossAgreement *study,
                      const char     *type)
{
  int number = lookup_number (study->relation_numbers, type);
  char *copy;

  if (number >= 0)
    return number;
  copy = g_strdup (type);
  g_ptr_array_add (study->relation_types, copy);
  g_hash_table_insert (study->relation_numbers, copy, GUINT_TO_POINTER (study->relation_types->len));
  return study->relation_types->len - 1;
}

static AttributeInfo *
attribute_info (GlossAgreement *study,
                const char     *id,
                guint          *number)
{
  int known = lookup_number (study->attribute_numbers, id);
  AttributeInfo *info;

  if (known >= 0)
    {
      *number = known;
      return g_ptr_array_index (study->attributes, known);
    }
  info = g_new0 (AttributeInfo, 1);
  info->id = g_strdup (id);
  info->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  info->pooled = g_array_new (FALSE, FALSE, sizeof (guint));
  info->numeric = TRUE;
  g_ptr_array_add (study->attributes, info);
  g_hash_table_insert (study->attribute_numbers, info->id, GUINT_TO_POINTER (study->attributes->len));
  *number = study->attributes->len - 1;
  return info;
}

/* The code of @value among the values of its attribute; a new value
 * gets a code over every attribute of @study too. */
static int
value_code (GlossAgreement *study,
            AttributeInfo  *info,
            GVariant       *value)
{
  g_autofree char *text = gloss_attribute_value_to_string (value);
  gpointer code;

  if (!g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    info->numeric = FALSE;
  if (g_hash_table_lookup_extended (info->codes, text, NULL, &code))
    return GPOINTER_TO_INT (code);
  code = GUINT_TO_POINTER (g_hash_table_size (info->codes));
  g_hash_table_insert (info->codes, g_steal_pointer (&text), code);
  g_array_append_val (info->pooled, study->n_attribute_values);
  study->n_attribute_values++;
  return GPOINTER_TO_INT (code);
}

/* An article's units. */

/* The order of a layer's annotations: start, end, then tag. */
static int
compare_position (GlossAnnotation *a,
                  GlossAnnotation *b)
{
  guint x = gloss_annotation_get_start (a), y = gloss_annotation_get_start (b);

  if (x != y)
    return x < y ? -1 : 1;
  x = gloss_annotation_get_end (a);
  y = gloss_annotation_get_end (b);
  if (x != y)
    return x < y ? -1 : 1;
  return strcmp (gloss_annotation_get_tag (a), gloss_annotation_get_tag (b));
}

/* The layers keep their annotations by start, end and tag: merging them
 * a position at a time makes the units in one pass, an annotator's
 * second passage at a position meeting the others' second. */
static void
merge_units (GlossAgreementUnits *units,
             GlossLayer         **measured)
{
  guint n_coders = units->n_coders;
  g_autofree guint *next = g_new0 (guint, n_coders);
  g_autofree guint *lengths = g_new0 (guint, n_coders);
  g_autofree GlossAnnotation **heads = g_new0 (GlossAnnotation *, n_coders);

  for (guint c = 0; c < n_coders; c++)
    lengths[c] = g_list_model_get_n_items (G_LIST_MODEL (measured[c]));

  for (;;)
    {
      GlossAnnotation *first = NULL;
      gsize base;

      for (guint c = 0; c < n_coders; c++)
        {
          /* The layer keeps it alive. */
          heads[c] = next[c] < lengths[c] ? g_list_model_get_item (G_LIST_MODEL (measured[c]), next[c]) : NULL;
          if (heads[c] != NULL)
            g_object_unref (heads[c]);
          if (heads[c] != NULL && (first == NULL || compare_position (heads[c], first) < 0))
            first = heads[c];
        }
      if (first == NULL)
        break;

      base = units->cells->len;
      g_ptr_array_set_size (units->cells, base + n_coders);
      for (guint c = 0; c < n_coders; c++)
        if (heads[c] != NULL && compare_position (heads[c], first) == 0)
          {
            g_ptr_array_index (units->cells, base + c) = heads[c];
            if (units->unit_of[c] != NULL)
              g_hash_table_insert (units->unit_of[c], (gpointer) gloss_annotation_get_id (heads[c]),
                                   GUINT_TO_POINTER (base / n_coders + 1));
            next[c]++;
          }
    }
}

GlossAgreementUnits *
_gloss_agreement_units_new (GlossAgreement *study,
                            GlossLayer    **measured,
                            GlossLayer    **originals,
                            guint           n_coders)
{
  GlossAgreementUnits *units = g_new0 (GlossAgreementUnits, 1);

  units->n_coders = n_coders;
  units->cells = g_ptr_array_new ();
  units->unit_of = g_new0 (GHashTable *, MAX (n_coders, 1));
  units->relations = g_new0 (GArray *, MAX (n_coders, 1));
  /* Only the relations' ends are looked up by id. */
  for (guint c = 0; c < n_coders; c++)
    if (gloss_layer_get_n_relations (originals[c]) > 0)
      units->unit_of[c] = g_hash_table_new (g_str_hash, g_str_equal);
  merge_units (units, measured);

  for (guint c = 0; c < n_coders; c++)
    {
      guint n = gloss_layer_get_n_relations (originals[c]);

      units->relations[c] = g_array_new (FALSE, FALSE, sizeof (GlossRelationKey));
      for (guint r = 0; r < n; r++)
        {
          GlossRelation *relation = gloss_layer_get_relation (originals[c], r);
          guint source = GPOINTER_TO_UINT (g_hash_table_lookup (units->unit_of[c],
                                                                gloss_relation_get_source (relation)));
          guint target = GPOINTER_TO_UINT (g_hash_table_lookup (units->unit_of[c],
                                                                gloss_relation_get_target (relation)));
          GlossRelationKey key;

          /* An end left out (orphaned, or of a tag not measured). */
          if (source == 0 || target == 0)
            continue;
          key.type = relation_type_number (study, gloss_relation_get_rel_type (relation));
          key.source = source - 1;
          key.target = target - 1;
          g_array_append_val (units->relations[c], key);
        }
      /* Measuring and listing the disagreements need units only. */
      g_clear_pointer (&units->unit_of[c], g_hash_table_unref);
    }
  return units;
}

void
_gloss_agreement_units_free (GlossAgreementUnits *units)
{
  if (units == NULL)
    return;
  for (guint c = 0; c < units->n_coders; c++)
    g_array_unref (units->relations[c]);
  g_free (units->unit_of);
  g_free (units->relations);
  g_ptr_array_unref (units->cells);
  g_free (units);
}

/* Measuring a set. */

static void
attribute_tally_free (gpointer data)
{
  AttributeTally *tally = data;

  gloss_nominal_tally_free (tally->nominal);
  g_free (tally);
}

void
_gloss_agreement_set_relational_init (GlossAgreementSet *set)
{
  set->attributes = g_ptr_array_new_with_free_func (attribute_tally_free);
  set->relations = g_array_new (FALSE, TRUE, sizeof (GlossSpanCounts));
}

void
_gloss_agreement_set_relational_clear (GlossAgreementSet *set)
{
  g_ptr_array_unref (set->attributes);
  g_clear_pointer (&set->all_attributes, gloss_nominal_tally_free);
  g_array_unref (set->relations);
}

static AttributeTally *
set_attribute (GlossAgreementSet *set,
               guint              number)
{
  AttributeTally *tally;

  if (number >= set->attributes->len)
    g_ptr_array_set_size (set->attributes, number + 1);
  tally = g_ptr_array_index (set->attributes, number);
  if (tally == NULL)
    {
      tally = g_new0 (AttributeTally, 1);
      tally->nominal = gloss_nominal_tally_new (set->n_coders);
      g_ptr_array_index (set->attributes, number) = tally;
    }
  return tally;
}

static GlossSpanCounts *
set_relation_type (GlossAgreementSet *set,
                   guint              type)
{
  if (type >= set->relations->len)
    g_array_set_size (set->relations, type + 1);
  return &g_array_index (set->relations, GlossSpanCounts, type);
}

static void
interval_add_unit (IntervalSums  *sums,
                   const double  *values,
                   guint          m)
{
  double sum = 0, squares = 0;

  if (m < 2)
    return;
  for (guint i = 0; i < m; i++)
    {
      sum += values[i];
      squares += values[i] * values[i];
    }
  /* Σ over ordered pairs i ≠ j of (v_i − v_j)², over m − 1. */
  sums->observed += 2 * (m * squares - sum * sum) / (m - 1);
  sums->n += m;
  sums->sum += sum;
  sums->squares += squares;
  sums->units++;
}

static GlossNominalTally *
set_all_attributes (GlossAgreementSet *set)
{
  if (set->all_attributes == NULL)
    set->all_attributes = gloss_nominal_tally_new (set->n_coders);
  return set->all_attributes;
}

/* Adds the values of attribute @id of one unit, the annotations of the
 * set's coders being @cells, to its tallies and to those of every
 * attribute (with @pooled, as many codes as @codes). */
static void
add_attribute_unit (GlossAgreementSet *set,
                    const char        *id,
                    GlossAnnotation  **cells,
                    guint              n_coders,
                    int               *codes,
                    int               *pooled,
                    double            *numbers)
{
  guint number, m = 0;
  AttributeInfo *info = attribute_info (set->study, id, &number);
  AttributeTally *tally = set_attribute (set, number);

  for (guint c = 0; c < n_coders; c++)
    {
      g_autoptr(GVariant) value = cells[c] != NULL ? gloss_annotation_dup_attribute (cells[c], id) : NULL;

      codes[c] = value != NULL ? value_code (set->study, info, value) : -1;
      pooled[c] = codes[c] >= 0 ? (int) g_array_index (info->pooled, guint, codes[c]) : -1;
      if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
        numbers[m++] = g_variant_get_double (value);
    }
  gloss_nominal_tally_add_unit (tally->nominal, codes, 1);
  gloss_nominal_tally_add_unit (set_all_attributes (set), pooled, 1);
  interval_add_unit (&tally->interval, numbers, m);
}

static int
compare_relation_keys (gconstpointer a,
                       gconstpointer b)
{
  const GlossRelationKey *x = a, *y = b;

  if (x->type != y->type)
    return x->type < y->type ? -1 : 1;
  if (x->source != y->source)
    return x->source < y->source ? -1 : 1;
  if (x->target != y->target)
    return x->target < y->target ? -1 : 1;
  return 0;
}

void
_gloss_agreement_units_visit_relations (GlossAgreementUnits *units,
                                        guint                a,
                                        guint                b,
                                        GlossRelationVisit   visit,
                                        gpointer             data)
{
  g_autoptr(GArray) x = g_array_copy (units->relations[a]);
  g_autoptr(GArray) y = g_array_copy (units->relations[b]);
  guint i = 0, j = 0;

  g_array_sort (x, compare_relation_keys);
  g_array_sort (y, compare_relation_keys);
  while (i < x->len || j < y->len)
    {
      const GlossRelationKey *p = i < x->len ? &g_array_index (x, GlossRelationKey, i) : NULL;
      const GlossRelationKey *q = j < y->len ? &g_array_index (y, GlossRelationKey, j) : NULL;
      int cmp = p == NULL ? 1 : q == NULL ? -1 : compare_relation_keys (p, q);
      GlossSpanOutcome outcome = cmp == 0 ? GLOSS_SPAN_MATCHED : cmp < 0 ? GLOSS_SPAN_ONLY_A : GLOSS_SPAN_ONLY_B;

      visit (cmp <= 0 ? p : q, outcome, data);
      i += cmp <= 0;
      j += cmp >= 0;
    }
}

/* A pair's relations: those of A and B with the same type between the
 * same units match, each once. */
static void
count_relation (const GlossRelationKey *key,
                GlossSpanOutcome        outcome,
                gpointer                data)
{
  GlossAgreementSet *set = data;

  set_relation_type (set, key->type)->n[outcome]++;
  set->relations_total.n[outcome]++;
}

void
_gloss_agreement_units_measure (GlossAgreementUnits *units,
                                GlossAgreementSet   *set,
                                const guint         *coders,
                                guint                n_coders)
{
  guint n_units = units->cells->len / MAX (units->n_coders, 1);
  g_autofree GlossAnnotation **cells = g_new0 (GlossAnnotation *, n_coders);
  g_autofree int *codes = g_new (int, n_coders);
  g_autofree int *pooled = g_new (int, n_coders);
  g_autofree double *numbers = g_new (double, n_coders);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint u = 0; u < n_units; u++)
    {
      guint present = 0;
      GHashTableIter iter;
      gpointer id;

      for (guint c = 0; c < n_coders; c++)
        {
          cells[c] = g_ptr_array_index (units->cells, (gsize) u * units->n_coders + coders[c]);
          present += cells[c] != NULL;
        }
      /* A pair's units are those both marked; the group's, those two
       * annotators or more marked (the others have no pairable value). */
      if (present < 2 || (set->is_pair && present < n_coders))
        continue;

      g_hash_table_remove_all (ids);
      for (guint c = 0; c < n_coders; c++)
        {
          GVariant *attributes = cells[c] != NULL ? gloss_annotation_get_attributes (cells[c]) : NULL;
          GVariantIter values;
          const char *key;

          if (attributes == NULL)
            continue;
          g_variant_iter_init (&values, attributes);
          while (g_variant_iter_next (&values, "{&sv}", &key, NULL))
            g_hash_table_add (ids, (gpointer) key);
        }
      g_hash_table_iter_init (&iter, ids);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        add_attribute_unit (set, id, cells, n_coders, codes, pooled, numbers);
    }

  if (set->is_pair && n_coders == 2)
    _gloss_agreement_units_visit_relations (units, coders[0], coders[1], count_relation, set);
}

/* Pooling. */

void
_gloss_agreement_set_add_relational (GlossAgreementSet       *total,
                                     const GlossAgreementSet *article)
{
  for (guint a = 0; a < article->attributes->len; a++)
    {
      AttributeTally *from = g_ptr_array_index (article->attributes, a);
      AttributeTally *to;

      if (from == NULL)
        continue;
      to = set_attribute (total, a);
      gloss_nominal_tally_add (to->nominal, from->nominal);
      to->interval.n += from->interval.n;
      to->interval.sum += from->interval.sum;
      to->interval.squares += from->interval.squares;
      to->interval.observed += from->interval.observed;
      to->interval.units += from->interval.units;
    }
  if (article->all_attributes != NULL)
    gloss_nominal_tally_add (set_all_attributes (total), article->all_attributes);
  for (guint t = 0; t < article->relations->len; t++)
    gloss_span_counts_add (set_relation_type (total, t),
                           &g_array_index (article->relations, GlossSpanCounts, t));
  gloss_span_counts_add (&total->relations_total, &article->relations_total);
}

/* What a result shows. */

const char *
gloss_agreement_attribute_measure_to_string (GlossAgreementAttributeMeasure measure)
{
  static const char * const names[] = {
    "percent_agreement", "alpha_nominal", "alpha_interval",
  };

  g_return_val_if_fail (measure < GLOSS_AGREEMENT_N_ATTRIBUTE_MEASURES, NULL);

  return names[measure];
}

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static void
note_set (const GlossAgreementSet *set,
          GHashTable              *attributes,
          GHashTable              *types)
{
  for (guint a = 0; a < set->attributes->len; a++)
    if (g_ptr_array_index (set->attributes, a) != NULL)
      g_hash_table_add (attributes, ((AttributeInfo *) g_ptr_array_index (set->study->attributes, a))->id);
  for (guint t = 0; t < set->relations->len; t++)
    if (gloss_span_counts_get_n_a (&g_array_index (set->relations, GlossSpanCounts, t)) +
        gloss_span_counts_get_n_b (&g_array_index (set->relations, GlossSpanCounts, t)) > 0)
      g_hash_table_add (types, g_ptr_array_index (set->study->relation_types, t));
}

static char **
dup_sorted (GHashTable *names)
{
  guint n;
  char **sorted = (char **) g_hash_table_get_keys_as_array (names, &n);

  for (guint i = 0; i < n; i++)
    sorted[i] = g_strdup (sorted[i]);
  qsort (sorted, n, sizeof (char *), compare_names);
  return sorted;
}

static char **
dup_names (GlossAgreementResult *result,
           gboolean              types)
{
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) relation_types = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer set;

  g_hash_table_iter_init (&iter, result->pairs);
  while (g_hash_table_iter_next (&iter, NULL, &set))
    note_set (set, attributes, relation_types);
  if (result->group != NULL)
    note_set (result->group, attributes, relation_types);
  return dup_sorted (types ? relation_types : attributes);
}

char **
gloss_agreement_result_dup_attributes (GlossAgreementResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  return dup_names (result, FALSE);
}

gboolean
gloss_agreement_result_attribute_is_numeric (GlossAgreementResult *result,
                                             const char           *attribute)
{
  int number;

  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (attribute != NULL, FALSE);

  number = lookup_number (result->study->attribute_numbers, attribute);
  return number >= 0 && ((AttributeInfo *) g_ptr_array_index (result->study->attributes, number))->numeric;
}

char **
gloss_agreement_result_dup_relation_types (GlossAgreementResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  return dup_names (result, TRUE);
}

static void
interval_alpha (const IntervalSums     *sums,
                guint                   n_coders,
                GlossReliabilityResult *result)
{
  double expected;

  *result = (GlossReliabilityResult) { 0 };
  if (n_coders < 2)
    {
      _gloss_reliability_undefined (result, GLOSS_RELIABILITY_ONE_CODER);
      return;
    }
  result->n_units = sums->units;
  result->n_pairable = (guint) sums->n;
  if (sums->n == 0)
    {
      _gloss_reliability_undefined (result, GLOSS_RELIABILITY_NO_PAIRABLE_VALUES);
      return;
    }
  /* Σ over ordered pairs of all pairable values of (v − w)². */
  expected = 2 * (sums->n * sums->squares - sums->sum * sums->sum);
  if (expected <= 1e-12 * sums->n * sums->squares)
    _gloss_reliability_undefined (result, GLOSS_RELIABILITY_ALL_ALIKE);
  else
    _gloss_reliability_defined (result, 1 - (sums->n - 1) * sums->observed / expected);
}

void
gloss_agreement_set_get_attribute_measure (GlossAgreementSet              *set,
                                           const char                     *attribute,
                                           GlossAgreementAttributeMeasure  measure,
                                           GlossReliabilityResult         *result)
{
  int number = -1;
  AttributeTally *tally = NULL;
  g_autoptr(GlossNominalTally) none = NULL;
  const GlossNominalTally *nominal;
  IntervalSums no_sums = { 0 };

  g_return_if_fail (set != NULL);
  g_return_if_fail (measure < GLOSS_AGREEMENT_N_ATTRIBUTE_MEASURES);
  g_return_if_fail (result != NULL);

  if (attribute != NULL)
    {
      number = lookup_number (set->study->attribute_numbers, attribute);
      if (number >= 0 && (guint) number < set->attributes->len)
        tally = g_ptr_array_index (set->attributes, number);
      nominal = tally != NULL ? tally->nominal : NULL;
    }
  else
    nominal = set->all_attributes;
  if (nominal == NULL)
    nominal = none = gloss_nominal_tally_new (set->n_coders);

  switch (measure)
    {
    case GLOSS_AGREEMENT_ATTRIBUTE_PERCENT:
      gloss_nominal_tally_percent_agreement (nominal, result);
      break;
    case GLOSS_AGREEMENT_ATTRIBUTE_ALPHA_NOMINAL:
      gloss_nominal_tally_alpha (nominal, result);
      break;
    case GLOSS_AGREEMENT_ATTRIBUTE_ALPHA_INTERVAL:
    default:
      /* Over every attribute, values never meet those of another in a
       * unit: α interval would weigh one scale against another. */
      if (attribute == NULL ||
          (number >= 0 && !((AttributeInfo *) g_ptr_array_index (set->study->attributes, number))->numeric))
        {
          *result = (GlossReliabilityResult) { 0 };
          _gloss_reliability_undefined (result, GLOSS_RELIABILITY_NOT_NUMBERS);
        }
      else
        interval_alpha (tally != NULL ? &tally->interval : &no_sums, set->n_coders, result);
      break;
    }
}

void
gloss_agreement_set_get_relation_counts (GlossAgreementSet *set,
                                         const char        *type,
                                         GlossSpanCounts   *counts)
{
  int number;

  g_return_if_fail (set != NULL);
  g_return_if_fail (counts != NULL);

  memset (counts, 0, sizeof *counts);
  if (type == NULL)
    {
      *counts = set->relations_total;
      return;
    }
  number = lookup_number (set->study->relation_numbers, type);
  if (number >= 0 && (guint) number < set->relations->len)
    *counts = g_array_index (set->relations, GlossSpanCounts, number);
}
