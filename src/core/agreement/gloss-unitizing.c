/* gloss-unitizing.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-unitizing"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "gloss-error.h"
#include "gloss-unitizing-private.h"

/* Krippendorff's unitizing α (α_U), as Krippendorff defines it in
 * "Measuring the reliability of qualitative text analysis data" (Quality &
 * Quantity 38, 2004) and in Content Analysis (2nd ed., 2004, pp. 251–256),
 * and as DKPro Statistics computes it: per category, each coder's continuum
 * is cut into the units of that category and the gaps between them. */

/**
 * gloss_unitizing_data_new:
 * @n_coders: how many coders marked units
 * @continuum_start: the offset where the continuum starts
 * @continuum_length: its length
 *
 * Returns: (transfer full): a continuum with no unit yet
 */
GlossUnitizingData *
gloss_unitizing_data_new (guint n_coders,
                          guint continuum_start,
                          guint continuum_length)
{
  GlossUnitizingData *data = g_new0 (GlossUnitizingData, 1);

  data->n_coders = n_coders;
  data->begin = continuum_start;
  data->length = continuum_length;
  data->units = g_array_new (FALSE, FALSE, sizeof (Unit));
  data->categories = g_ptr_array_new_with_free_func (g_free);
  data->category_index = g_hash_table_new (g_str_hash, g_str_equal);
  return data;
}

void
gloss_unitizing_data_free (GlossUnitizingData *data)
{
  if (data == NULL)
    return;
  g_array_unref (data->units);
  g_hash_table_unref (data->category_index);
  g_ptr_array_unref (data->categories);
  g_free (data);
}

/* Adds the unit @coder marked from @start, @length characters long, with
 * @category.  Nothing is checked here: gloss_unitizing_alpha() reports a
 * unit outside the continuum, of no length or of an unknown coder. */
void
gloss_unitizing_data_add_unit (GlossUnitizingData *data,
                               guint               coder,
                               gint64              start,
                               gint64              length,
                               const char         *category)
{
  Unit unit = { start, length, coder, 0, data != NULL ? data->units->len : 0 };
  guint index;

  g_return_if_fail (data != NULL);
  g_return_if_fail (category != NULL);

  index = GPOINTER_TO_UINT (g_hash_table_lookup (data->category_index, category));
  if (index == 0)
    {
      char *copy = g_strdup (category);

      g_ptr_array_add (data->categories, copy);
      index = data->categories->len;
      g_hash_table_insert (data->category_index, copy, GUINT_TO_POINTER (index));
    }
  unit.category = index - 1;
  g_array_append_val (data->units, unit);
}

/**
 * gloss_unitizing_distance:
 *
 * Krippendorff's distance between two segments of two coders: for two
 * units that overlap, the squares of the differences of their starts and
 * of their ends; for a unit that lies within a gap, the square of its
 * length; 0 otherwise (two gaps, or segments that only touch).
 */
double
gloss_unitizing_distance (gint64   start1,
                          gint64   length1,
                          gboolean is_unit1,
                          gint64   start2,
                          gint64   length2,
                          gboolean is_unit2)
{
  gint64 end1 = start1 + length1;
  gint64 end2 = start2 + length2;

  if (is_unit1 && is_unit2 && start1 < end2 && start2 < end1)
    {
      double starts = (double) (start1 - start2);
      double ends = (double) (end1 - end2);

      return starts * starts + ends * ends;
    }
  if (is_unit1 && !is_unit2 && start1 >= start2 && end1 <= end2)
    return (double) length1 * (double) length1;
  if (!is_unit1 && is_unit2 && start2 >= start1 && end2 <= end1)
    return (double) length2 * (double) length2;
  return 0;
}

/* By category, then coder, then start. */
static int
compare_units (gconstpointer a,
               gconstpointer b)
{
  const Unit *u = a;
  const Unit *v = b;

  if (u->category != v->category)
    return u->category < v->category ? -1 : 1;
  if (u->coder != v->coder)
    return u->coder < v->coder ? -1 : 1;
  if (u->start != v->start)
    return u->start < v->start ? -1 : 1;
  return 0;
}

static gboolean
check_unit (GlossUnitizingData *data,
            const Unit         *unit,
            GError            **error)
{
  if (unit->coder >= data->n_coders)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_OUT_OF_RANGE,
                   _("Unit %u is by coder %u, but there are only %u coders."),
                   unit->index + 1, unit->coder + 1, data->n_coders);
      return FALSE;
    }
  if (unit->length <= 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("Unit %u has a length of %lld: a unit is one character long at least."),
                   unit->index + 1, (long long) unit->length);
      return FALSE;
    }
  if (unit->start < data->begin || unit->start > data->begin + data->length
      || unit->length > data->begin + data->length - unit->start)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_OUT_OF_RANGE,
                   _("Unit %u, from %lld, %lld characters long, is outside the continuum, "
                     "from %lld to %lld."),
                   unit->index + 1, (long long) unit->start, (long long) unit->length,
                   (long long) data->begin, (long long) (data->begin + data->length));
      return FALSE;
    }
  return TRUE;
}

/* Checks every unit and returns them sorted by category, coder and start;
 * %NULL, with @error set, on a unit the measure cannot take. */
static GArray *
sorted_units (GlossUnitizingData *data,
              GError            **error)
{
  g_autoptr(GArray) units = g_array_copy (data->units);

  for (guint i = 0; i < units->len; i++)
    if (!check_unit (data, &g_array_index (units, Unit, i), error))
      return NULL;

  g_array_sort (units, compare_units);
  for (guint i = 1; i < units->len; i++)
    {
      const Unit *previous = &g_array_index (units, Unit, i - 1);
      const Unit *unit = &g_array_index (units, Unit, i);

      if (previous->category == unit->category && previous->coder == unit->coder
          && unit->start < previous->start + previous->length)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("Units %u and %u of coder %u, both “%s”, overlap: "
                         "a coder’s units of one category may not overlap."),
                       MIN (previous->index, unit->index) + 1,
                       MAX (previous->index, unit->index) + 1, unit->coder + 1,
                       (const char *) g_ptr_array_index (data->categories, unit->category));
          return NULL;
        }
    }
  return g_steal_pointer (&units);
}

/* Adds to @sums the category numbered @index on @data's continuum, @units
 * being its units sorted. */
static void
add_category_sums (GlossUnitizingSums *sums,
                   GlossUnitizingData *data,
                   const GArray       *units,
                   guint               index)
{
  Category c = { data, units, 0, 0 };

  while (c.first < units->len && g_array_index (units, Unit, c.first).category != index)
    c.first++;
  c.last = c.first;
  while (c.last < units->len && g_array_index (units, Unit, c.last).category == index)
    c.last++;
  _gloss_unitizing_sums_add_category (sums, &c);
}

static GlossUnitizingSums *
category_sums (GlossUnitizingData *data,
               const GArray       *units,
               guint               index)
{
  GlossUnitizingSums *sums = gloss_unitizing_sums_new (data->n_coders);

  add_category_sums (sums, data, units, index);
  return sums;
}

/**
 * gloss_unitizing_sums_add_data:
 * @sums: the sums of a category
 * @data: the units of one continuum
 * @category: the category
 * @error: where to report bad input
 *
 * Adds the continuum of @data to @sums, with @category's units on it
 * (none, when no coder marked one: its length still counts).
 *
 * Returns: FALSE, with @error set, on bad input, as
 *   gloss_unitizing_disagreement()
 */
gboolean
gloss_unitizing_sums_add_data (GlossUnitizingSums *sums,
                               GlossUnitizingData *data,
                               const char         *category,
                               GError            **error)
{
  g_autoptr(GArray) units = NULL;
  guint index;

  g_return_val_if_fail (sums != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (category != NULL, FALSE);
  g_return_val_if_fail (sums->n_coders == data->n_coders, FALSE);

  units = sorted_units (data, error);
  if (units == NULL)
    return FALSE;
  index = GPOINTER_TO_UINT (g_hash_table_lookup (data->category_index, category));
  /* A category the data has not seen: index − 1 matches no unit. */
  add_category_sums (sums, data, units, index == 0 ? G_MAXUINT : index - 1);
  return TRUE;
}

/* The observed and expected disagreement of @category, or of the average
 * over every category when it is %NULL (which is how DKPro Statistics
 * combines them); FALSE, with @error set, on bad input.  Both are NAN when
 * there are fewer than two coders or no unit to count. */
static gboolean
compute (GlossUnitizingData *data,
         const char         *category,
         double             *observed,
         double             *expected,
         GError            **error)
{
  g_autoptr(GArray) units = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_unitizing_sums_free);

  *observed = NAN;
  *expected = NAN;

  units = sorted_units (data, error);
  if (units == NULL)
    return FALSE;
  if (data->n_coders < 2)
    return TRUE;

  if (category != NULL)
    {
      guint wanted = GPOINTER_TO_UINT (g_hash_table_lookup (data->category_index, category));

      if (wanted == 0)
        return TRUE;
      g_ptr_array_add (all, category_sums (data, units, wanted - 1));
    }
  else
    for (guint i = 0; i < data->categories->len; i++)
      g_ptr_array_add (all, category_sums (data, units, i));

  gloss_unitizing_sums_average ((const GlossUnitizingSums * const *) all->pdata, all->len,
                                observed, expected);
  return TRUE;
}

/* The average of the observed and of the expected disagreements of the
 * categories of @sums that have units, NAN when none has. */
void
gloss_unitizing_sums_average (const GlossUnitizingSums * const *sums,
                              guint                             n_sums,
                              double                           *observed,
                              double                           *expected)
{
  guint n_categories = 0;

  *observed = *expected = NAN;
  for (guint i = 0; i < n_sums; i++)
    {
      double o, e;

      gloss_unitizing_sums_get_disagreement (sums[i], &o, &e);
      if (isnan (o))
        continue;
      if (n_categories++ == 0)
        *observed = *expected = 0;
      *observed += o;
      *expected += e;
    }
  if (n_categories > 0)
    {
      *observed /= n_categories;
      *expected /= n_categories;
    }
}

/**
 * gloss_unitizing_disagreement:
 * @data: the units
 * @category: (nullable): a category, or %NULL for all of them
 * @observed: (out): the observed disagreement, or NAN
 * @expected: (out): the expected disagreement, or NAN
 * @error: where to report bad input
 *
 * The two disagreements α_U compares: NAN when there are fewer than two
 * coders or no unit of @category.
 *
 * Returns: FALSE, with @error set, when a unit is outside the continuum, of
 *   no length, of a coder out of range, or overlaps another of its coder
 *   and category
 */
gboolean
gloss_unitizing_disagreement (GlossUnitizingData *data,
                              const char         *category,
                              double             *observed,
                              double             *expected,
                              GError            **error)
{
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (observed != NULL, FALSE);
  g_return_val_if_fail (expected != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return compute (data, category, observed, expected, error);
}

static gboolean
undefined (GlossReliabilityResult *result,
           const char             *reason)
{
  result->defined = FALSE;
  result->value = 0;
  result->reason = reason;
  return TRUE;
}

/* Fills @result, whose counts are set, from the two disagreements. */
static gboolean
alpha_result (double                  observed,
              double                  expected,
              guint                   n_coders,
              gboolean                one_category,
              GlossReliabilityResult *result)
{
  if (n_coders < 2)
    return undefined (result, _("There is only one coder: agreement needs two at least."));
  if (isnan (expected))
    return undefined (result, one_category
                      ? _("No coder marked a unit of this category.")
                      : _("No coder marked any unit."));
  if (expected <= 0)
    return undefined (result, _("The units leave no room for disagreement: with no expected "
                                "disagreement, the coefficient is undefined."));

  result->defined = TRUE;
  result->value = 1 - observed / expected;
  result->reason = NULL;
  return TRUE;
}

/**
 * gloss_unitizing_alpha:
 * @data: the units
 * @category: (nullable): a category, or %NULL for all of them
 * @result: (out): α_U, or undefined with the reason
 * @error: where to report bad input
 *
 * Krippendorff's α_U of @category, or over all categories: one minus the
 * observed over the expected disagreement, each averaged over the
 * categories.  @result's @n_units counts the units of @category (all units
 * for %NULL), its @n_pairable the coders.
 *
 * Returns: FALSE, with @error set, on bad input, as
 *   gloss_unitizing_disagreement()
 */
gboolean
gloss_unitizing_alpha (GlossUnitizingData     *data,
                       const char             *category,
                       GlossReliabilityResult *result,
                       GError                **error)
{
  double observed;
  double expected;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *result = (GlossReliabilityResult) { 0 };
  if (!compute (data, category, &observed, &expected, error))
    return FALSE;

  result->n_pairable = data->n_coders;
  for (guint i = 0; i < data->units->len; i++)
    {
      const Unit *unit = &g_array_index (data->units, Unit, i);

      if (category == NULL
          || g_str_equal (g_ptr_array_index (data->categories, unit->category), category))
        result->n_units++;
    }

  return alpha_result (observed, expected, data->n_coders, category != NULL, result);
}

/**
 * gloss_unitizing_sums_alpha:
 * @sums: the sums of one category, or of each of several
 * @n_sums: how many
 * @result: (out): α_U, or undefined with the reason
 *
 * α_U of pooled continua: of one category when @n_sums is 1, over the
 * categories otherwise (their disagreements averaged, as
 * gloss_unitizing_alpha() does with %NULL).
 */
void
gloss_unitizing_sums_alpha (const GlossUnitizingSums * const *sums,
                            guint                             n_sums,
                            GlossReliabilityResult           *result)
{
  double observed;
  double expected;

  g_return_if_fail (sums != NULL || n_sums == 0);
  g_return_if_fail (result != NULL);

  *result = (GlossReliabilityResult) { 0 };
  for (guint i = 0; i < n_sums; i++)
    {
      result->n_units += (guint) sums[i]->n_units;
      result->n_pairable = sums[i]->n_coders;
    }
  gloss_unitizing_sums_average (sums, n_sums, &observed, &expected);
  alpha_result (observed, expected, n_sums > 0 ? sums[0]->n_coders : 0, n_sums == 1, result);
}
