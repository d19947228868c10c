/* gloss-reliability.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-reliability"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-reliability-private.h"

/* One distinct value: a category (a string) or, where it is %NULL, a
 * number.  Cells hold the index of their value, so that alike values are
 * alike by index. */
typedef struct
{
  char *category;
  double number;
} Value;

struct _GlossReliabilityData
{
  guint n_coders;
  GArray *cells;              /* int per unit × coder, -1 where missing */
  GPtrArray *values;          /* Value */
  GHashTable *indices;        /* Value -> its index + 1 */
};

#define MISSING (-1)

/* The contract of every measure. */
#define RETURN_IF_BAD_ARGUMENTS(data, result, error) \
  G_STMT_START { \
    g_return_val_if_fail ((data) != NULL, FALSE); \
    g_return_val_if_fail ((result) != NULL, FALSE); \
    g_return_val_if_fail ((error) == NULL || *(error) == NULL, FALSE); \
  } G_STMT_END

static void
free_value (gpointer p)
{
  Value *value = p;

  g_free (value->category);
  g_free (value);
}

static guint
value_hash (gconstpointer p)
{
  const Value *value = p;

  guint64 bits;

  if (value->category != NULL)
    return g_str_hash (value->category);
  /* g_double_hash() hashes the number's integer part, so that scores
   * between 0 and 1000 would share a thousand buckets: hash every bit. */
  memcpy (&bits, &value->number, sizeof bits);
  return g_int64_hash (&bits);
}

static gboolean
value_equal (gconstpointer a,
             gconstpointer b)
{
  const Value *x = a;
  const Value *y = b;

  if (x->category != NULL || y->category != NULL)
    return g_strcmp0 (x->category, y->category) == 0;
  return x->number == y->number;
}

static const Value *
value_at (GlossReliabilityData *data,
          guint                 index)
{
  return g_ptr_array_index (data->values, index);
}

/* Makes reliability data for @n_coders coders and no unit yet. */
GlossReliabilityData *
gloss_reliability_data_new (guint n_coders)
{
  GlossReliabilityData *data = g_new0 (GlossReliabilityData, 1);

  data->n_coders = n_coders;
  data->cells = g_array_new (FALSE, FALSE, sizeof (int));
  data->values = g_ptr_array_new_with_free_func (free_value);
  data->indices = g_hash_table_new (value_hash, value_equal);
  return data;
}

void
gloss_reliability_data_free (GlossReliabilityData *data)
{
  if (data == NULL)
    return;
  g_hash_table_unref (data->indices);
  g_ptr_array_unref (data->values);
  g_array_unref (data->cells);
  g_free (data);
}

guint
gloss_reliability_data_get_n_coders (GlossReliabilityData *data)
{
  g_return_val_if_fail (data != NULL, 0);
  return data->n_coders;
}

guint
gloss_reliability_data_get_n_units (GlossReliabilityData *data)
{
  g_return_val_if_fail (data != NULL, 0);
  return data->n_coders == 0 ? 0 : data->cells->len / data->n_coders;
}

/* Adds a unit with every value missing; returns its index. */
guint
gloss_reliability_data_add_unit (GlossReliabilityData *data)
{
  guint unit;

  g_return_val_if_fail (data != NULL, 0);

  unit = gloss_reliability_data_get_n_units (data);
  for (guint i = 0; i < data->n_coders; i++)
    {
      int missing = MISSING;
      g_array_append_val (data->cells, missing);
    }
  return unit;
}

static int *
cell (GlossReliabilityData *data,
      guint                 unit,
      guint                 coder)
{
  return &g_array_index (data->cells, int, unit * data->n_coders + coder);
}

/* Sets a cell to @value, which it takes, or to missing where it is %NULL. */
static void
set_value (GlossReliabilityData *data,
           guint                 unit,
           guint                 coder,
           Value                *value)
{
  gpointer found;

  if (value == NULL)
    {
      *cell (data, unit, coder) = MISSING;
      return;
    }

  found = g_hash_table_lookup (data->indices, value);
  if (found == NULL)
    {
      g_ptr_array_add (data->values, value);
      found = GUINT_TO_POINTER (data->values->len);
      g_hash_table_insert (data->indices, value, found);
    }
  else
    free_value (value);
  *cell (data, unit, coder) = GPOINTER_TO_INT (found) - 1;
}

/* Sets what @coder gave @unit to the category @category, or to missing when
 * it is %NULL.  Categories are alike when their strings are; a category is
 * never alike a number, "1" neither. */
void
gloss_reliability_data_set (GlossReliabilityData *data,
                            guint                 unit,
                            guint                 coder,
                            const char           *category)
{
  Value *value = NULL;

  g_return_if_fail (data != NULL);
  g_return_if_fail (unit < gloss_reliability_data_get_n_units (data));
  g_return_if_fail (coder < data->n_coders);

  if (category != NULL)
    {
      value = g_new0 (Value, 1);
      value->category = g_strdup (category);
    }
  set_value (data, unit, coder, value);
}

/* Sets what @coder gave @unit to the number @number, which must be finite. */
void
gloss_reliability_data_set_number (GlossReliabilityData *data,
                                   guint                 unit,
                                   guint                 coder,
                                   double                number)
{
  Value *value;

  g_return_if_fail (data != NULL);
  g_return_if_fail (unit < gloss_reliability_data_get_n_units (data));
  g_return_if_fail (coder < data->n_coders);
  g_return_if_fail (isfinite (number));

  value = g_new0 (Value, 1);
  /* -0 and 0 are one value, but would not hash alike. */
  value->number = number == 0 ? 0 : number;
  set_value (data, unit, coder, value);
}

static inline double
square (double x)
{
  return x * x;
}

/* Starts @result; FALSE, with @result undefined, when there are fewer than
 * two coders. */
static gboolean
begin (GlossReliabilityData   *data,
       GlossReliabilityResult *result)
{
  *result = (GlossReliabilityResult) { 0 };
  if (data->n_coders < 2)
    {
      _gloss_reliability_undefined (result, GLOSS_RELIABILITY_ONE_CODER);
      return FALSE;
    }
  return TRUE;
}

static gboolean
no_pairable_values (GlossReliabilityResult *result)
{
  return _gloss_reliability_undefined (result, GLOSS_RELIABILITY_NO_PAIRABLE_VALUES);
}

static gboolean
all_alike (GlossReliabilityResult *result)
{
  return _gloss_reliability_undefined (result, GLOSS_RELIABILITY_ALL_ALIKE);
}

/* Counts in @counts how many coders gave @unit each value; returns how many
 * gave it one. */
/* The values of @unit, each once in @values with how many coders gave it
 * in @counts (both arrays of n_coders); returns how many distinct values,
 * and in *@m how many values.  Costs n_coders², never the number of
 * distinct values in the data, so that a table of many numbers stays
 * linear. */
static guint
tally_unit (GlossReliabilityData *data,
            guint                 unit,
            int                  *values,
            guint                *counts,
            guint                *m)
{
  guint n = 0;

  *m = 0;
  for (guint i = 0; i < data->n_coders; i++)
    {
      int v = *cell (data, unit, i);
      guint d;

      if (v == MISSING)
        continue;
      (*m)++;
      for (d = 0; d < n && values[d] != v; d++)
        ;
      if (d == n)
        {
          values[n] = v;
          counts[n++] = 0;
        }
      counts[d]++;
    }
  return n;
}

/* The units with two values or more, one after the other, each tallied:
 *
 *   PairableUnits units;
 *   pairable_units_init (&units, data);
 *   while (pairable_units_next (&units, result))
 *     ... units.values[0 .. units.n - 1], units.counts[...], units.m ...
 */
typedef struct
{
  GlossReliabilityData *data;
  guint unit;              /* the next to look at */
  int *values;             /* the unit's distinct values */
  guint *counts;           /* how many coders gave each */
  guint n;                 /* distinct values */
  guint m;                 /* values */
} PairableUnits;

static void
pairable_units_init (PairableUnits        *units,
                     GlossReliabilityData *data)
{
  units->data = data;
  units->unit = 0;
  units->values = g_new (int, data->n_coders);
  units->counts = g_new (guint, data->n_coders);
}

static void
pairable_units_clear (PairableUnits *units)
{
  g_clear_pointer (&units->values, g_free);
  g_clear_pointer (&units->counts, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PairableUnits, pairable_units_clear)

/* Moves to the next unit with two values or more; FALSE past the last.
 * Counts it and its values in @result when it is not NULL. */
static gboolean
pairable_units_next (PairableUnits          *units,
                     GlossReliabilityResult *result)
{
  guint n_units = gloss_reliability_data_get_n_units (units->data);

  while (units->unit < n_units)
    {
      units->n = tally_unit (units->data, units->unit++, units->values, units->counts, &units->m);
      if (units->m < 2)
        continue;
      if (result != NULL)
        {
          result->n_units++;
          result->n_pairable += units->m;
        }
      return TRUE;
    }
  return FALSE;
}

/* The share of pairable values whose pair is alike: the observed agreement of
 * Krippendorff's α, which for two coders and no value missing is the share of
 * units they coded alike. */
gboolean
gloss_reliability_percent_agreement (GlossReliabilityData   *data,
                                     GlossReliabilityResult *result,
                                     GError                **error)
{
  g_auto(PairableUnits) units = { 0 };
  double alike = 0;

  RETURN_IF_BAD_ARGUMENTS (data, result, error);

  if (!begin (data, result))
    return TRUE;

  pairable_units_init (&units, data);
  while (pairable_units_next (&units, result))
    {
      /* The diagonal of the coincidence matrix, o_cc, for this unit. */
      for (guint d = 0; d < units.n; d++)
        alike += (double) units.counts[d] * (units.counts[d] - 1) / (units.m - 1);
    }
  if (result->n_pairable == 0)
    return no_pairable_values (result);

  return _gloss_reliability_defined (result, alike / result->n_pairable);
}

/* Cohen's κ (by_coder) or Scott's π: two coders, the units both coded. */
static gboolean
two_coders (GlossReliabilityData   *data,
            gboolean                by_coder,
            GlossReliabilityResult *result)
{
  guint n_values, n_units, alike = 0;
  g_autofree guint *first = NULL;
  g_autofree guint *second = NULL;
  double n, expected = 0;

  if (!begin (data, result))
    return TRUE;
  if (data->n_coders != 2)
    return _gloss_reliability_undefined (result, GLOSS_RELIABILITY_NOT_TWO_CODERS);

  n_values = data->values->len;
  n_units = gloss_reliability_data_get_n_units (data);
  first = g_new0 (guint, n_values);
  second = g_new0 (guint, n_values);
  for (guint u = 0; u < n_units; u++)
    {
      int a = *cell (data, u, 0);
      int b = *cell (data, u, 1);

      if (a == MISSING || b == MISSING)
        continue;
      result->n_units++;
      first[a]++;
      second[b]++;
      if (a == b)
        alike++;
    }
  result->n_pairable = 2 * result->n_units;
  if (result->n_units == 0)
    return no_pairable_values (result);

  n = result->n_units;
  for (guint c = 0; c < n_values; c++)
    {
      if (by_coder)
        expected += (first[c] / n) * (second[c] / n);
      else
        expected += square ((first[c] + second[c]) / (2 * n));
    }
  /* Rounding may leave 1 - ε where every value is alike. */
  if (expected >= 1 - 1e-12)
    return all_alike (result);
  return _gloss_reliability_defined (result, (alike / n - expected) / (1 - expected));
}

gboolean
gloss_reliability_cohen_kappa (GlossReliabilityData   *data,
                               GlossReliabilityResult *result,
                               GError                **error)
{
  RETURN_IF_BAD_ARGUMENTS (data, result, error);

  return two_coders (data, TRUE, result);
}

gboolean
gloss_reliability_scott_pi (GlossReliabilityData   *data,
                            GlossReliabilityResult *result,
                            GError                **error)
{
  RETURN_IF_BAD_ARGUMENTS (data, result, error);

  return two_coders (data, FALSE, result);
}

/* Fleiss' κ (Fleiss 1971): every unit with a value has the same number m of
 * them; units with none are left out. */
gboolean
gloss_reliability_fleiss_kappa (GlossReliabilityData   *data,
                                GlossReliabilityResult *result,
                                GError                **error)
{
  guint n_units, m = 0;
  g_autofree int *values = NULL;
  g_autofree guint *counts = NULL;
  g_autofree double *totals = NULL;
  double observed = 0, expected = 0, n;

  RETURN_IF_BAD_ARGUMENTS (data, result, error);

  if (!begin (data, result))
    return TRUE;

  n_units = gloss_reliability_data_get_n_units (data);
  values = g_new (int, data->n_coders);
  counts = g_new (guint, data->n_coders);
  totals = g_new0 (double, data->values->len);
  for (guint u = 0; u < n_units; u++)
    {
      guint m_u, n_distinct = tally_unit (data, u, values, counts, &m_u);
      double same = 0;

      if (m_u == 0)
        continue;
      if (m != 0 && m_u != m)
        {
          /* Nothing is counted: the measure does not apply. */
          result->n_units = result->n_pairable = 0;
          return _gloss_reliability_undefined (result, GLOSS_RELIABILITY_UNEVEN_UNITS);
        }
      m = m_u;
      result->n_units++;
      result->n_pairable += m_u;
      if (m_u < 2)
        continue;
      for (guint d = 0; d < n_distinct; d++)
        {
          same += (double) counts[d] * (counts[d] - 1);
          totals[values[d]] += counts[d];
        }
      observed += same / ((double) m_u * (m_u - 1));
    }
  if (m < 2)
    return no_pairable_values (result);

  n = result->n_pairable;
  for (guint c = 0; c < data->values->len; c++)
    expected += (totals[c] / n) * (totals[c] / n);
  if (expected >= 1 - 1e-12)
    return all_alike (result);
  observed /= result->n_units;
  return _gloss_reliability_defined (result, (observed - expected) / (1 - expected));
}

static const char *
level_name (GlossReliabilityLevel level)
{
  switch (level)
    {
    case GLOSS_RELIABILITY_NOMINAL:
      return _("nominal");
    case GLOSS_RELIABILITY_ORDINAL:
      return _("ordinal");
    case GLOSS_RELIABILITY_INTERVAL:
      return _("interval");
    case GLOSS_RELIABILITY_RATIO:
    default:
      return _("ratio");
    }
}

/* Every value of a cell must be a number above the nominal level, and of
 * zero or more at the ratio level. */
static gboolean
check_values (GlossReliabilityData  *data,
              GlossReliabilityLevel  level,
              GError               **error)
{
  guint n_units = gloss_reliability_data_get_n_units (data);

  if (level == GLOSS_RELIABILITY_NOMINAL)
    return TRUE;

  for (guint u = 0; u < n_units; u++)
    for (guint i = 0; i < data->n_coders; i++)
      {
        int v = *cell (data, u, i);
        const Value *value;

        if (v == MISSING)
          continue;
        value = value_at (data, v);
        if (value->category != NULL)
          {
            g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                         /* Translators: the last %s is a level: ordinal, interval or ratio. */
                         _("The value “%s” of unit %u by coder %u is not a number: "
                           "Krippendorff’s α at the %s level takes numbers only."),
                         value->category, u + 1, i + 1, level_name (level));
            return FALSE;
          }
        if (level == GLOSS_RELIABILITY_RATIO && value->number < 0)
          {
            g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                         _("The value %g of unit %u by coder %u is negative: "
                           "Krippendorff’s α at the ratio level takes no negative values."),
                         value->number, u + 1, i + 1);
            return FALSE;
          }
      }
  return TRUE;
}

static int
compare_numbers (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const double *numbers = user_data;
  double x = numbers[*(const guint *) a];
  double y = numbers[*(const guint *) b];

  return (x > y) - (x < y);
}

typedef struct
{
  GlossReliabilityLevel level;
  const double *numbers;   /* per value; at the ordinal level, its mid-rank */
  const double *n_c;       /* pairable values per value */
} Differences;

/* The squared difference δ²(c, k) of Krippendorff 2011, section C.  The
 * ordinal one, (Σ_{g from c to k} n_g - (n_c + n_k) / 2)², is the squared
 * difference of the two values' mid-ranks (the n_g of the values ranked
 * below, plus half its own), which α computes it from. */
static double
difference (const Differences *d,
            guint              c,
            guint              k)
{
  double x = d->numbers[c], y = d->numbers[k];

  if (c == k)
    return 0;
  switch (d->level)
    {
    case GLOSS_RELIABILITY_NOMINAL:
      return 1;
    case GLOSS_RELIABILITY_ORDINAL:
    case GLOSS_RELIABILITY_INTERVAL:
      return square (x - y);
    case GLOSS_RELIABILITY_RATIO:
    default:
      return x + y == 0 ? 0 : square ((x - y) / (x + y));
    }
}

/* Σ n_c n_k δ²_ck over every pair of values: in closed form for the
 * nominal, ordinal and interval levels, pair by pair of the values present
 * for the ratio one. */
static double
expected_sum (const Differences *d,
              const guint       *present,
              guint              n_present,
              double             n_total)
{
  double sum = 0, weighted = 0, squares = 0;

  switch (d->level)
    {
    case GLOSS_RELIABILITY_NOMINAL:
      for (guint i = 0; i < n_present; i++)
        squares += square (d->n_c[present[i]]);
      return square (n_total) - squares;
    case GLOSS_RELIABILITY_ORDINAL:
    case GLOSS_RELIABILITY_INTERVAL:
      for (guint i = 0; i < n_present; i++)
        {
          double x = d->numbers[present[i]], n = d->n_c[present[i]];

          weighted += n * x;
          squares += n * x * x;
        }
      return 2 * (n_total * squares - weighted * weighted);
    case GLOSS_RELIABILITY_RATIO:
    default:
      for (guint i = 0; i < n_present; i++)
        for (guint j = i + 1; j < n_present; j++)
          sum += 2 * d->n_c[present[i]] * d->n_c[present[j]] *
                 difference (d, present[i], present[j]);
      return sum;
    }
}

/* Krippendorff's α at @level, with missing values, through the coincidence
 * matrix: α = 1 - (n.. - 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck (Krippendorff
 * 2011), its sums taken unit by unit and value by value so that memory
 * stays linear in the number of distinct values.  Fails only when a value
 * is not of the level. */
gboolean
gloss_reliability_alpha (GlossReliabilityData   *data,
                         GlossReliabilityLevel   level,
                         GlossReliabilityResult *result,
                         GError                **error)
{
  g_auto(PairableUnits) units = { 0 };
  g_autofree double *numbers = NULL;
  g_autofree double *n_c = NULL;
  g_autofree guint *present = NULL;
  Differences d;
  guint n_values, n_present = 0;
  double observed = 0, expected;

  RETURN_IF_BAD_ARGUMENTS (data, result, error);
  g_return_val_if_fail (level <= GLOSS_RELIABILITY_RATIO, FALSE);

  if (!check_values (data, level, error))
    return FALSE;
  if (!begin (data, result))
    return TRUE;

  n_values = data->values->len;
  numbers = g_new (double, n_values);
  n_c = g_new0 (double, n_values);
  for (guint c = 0; c < n_values; c++)
    numbers[c] = value_at (data, c)->number;

  /* n_c: how many pairable values each value is. */
  pairable_units_init (&units, data);
  while (pairable_units_next (&units, result))
    for (guint i = 0; i < units.n; i++)
      n_c[units.values[i]] += units.counts[i];
  if (result->n_pairable == 0)
    return no_pairable_values (result);

  present = g_new (guint, n_values);
  for (guint c = 0; c < n_values; c++)
    if (n_c[c] > 0)
      present[n_present++] = c;
  if (level == GLOSS_RELIABILITY_ORDINAL)
    {
      /* Each value's mid-rank, in place of the number: the n_g of the
       * values smaller, plus half its own n_c. */
      double below = 0;

      g_qsort_with_data (present, n_present, sizeof *present, compare_numbers, numbers);
      for (guint r = 0; r < n_present; r++)
        {
          double n = n_c[present[r]];

          numbers[present[r]] = below + n / 2;
          below += n;
        }
    }

  d.level = level;
  d.numbers = numbers;
  d.n_c = n_c;

  /* Σ o_ck δ²_ck, unit by unit: the pairs of values of the unit over
   * m_u - 1, each unordered pair counted for both its orders. */
  units.unit = 0;
  while (pairable_units_next (&units, NULL))
    {
      double unit_sum = 0;

      for (guint i = 0; i < units.n; i++)
        for (guint j = i + 1; j < units.n; j++)
          unit_sum += (double) units.counts[i] * units.counts[j] *
                      difference (&d, units.values[i], units.values[j]);
      observed += 2 * unit_sum / (units.m - 1);
    }

  expected = expected_sum (&d, present, n_present, result->n_pairable);
  /* One value only, or (the closed forms rounding) none apart. */
  if (n_present <= 1 || expected <= 0)
    return all_alike (result);
  return _gloss_reliability_defined (result, 1 - (result->n_pairable - 1) * observed / expected);
}
