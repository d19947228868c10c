/* gloss-nominal-tally.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-reliability"

#include "config.h"

#include <string.h>

#include "gloss-nominal-tally.h"
#include "gloss-reliability-private.h"

/* The sums, with n_c the pairable values of category c:
 *   percent agreement and α's observed agreement: Σ_u Σ_c n_uc (n_uc − 1) / (m_u − 1)
 *   over the units with m_u ≥ 2 values, and n.. their values;
 *   α's expected disagreement: the n_c;
 *   Cohen's κ and Scott's π: over the units both coders coded, how many
 *   they coded alike and each coder's count of each category;
 *   Fleiss' κ: Σ_u Σ_c n_uc (n_uc − 1) / (m (m − 1)) over the units with
 *   a value, the count of each category there, and whether every such
 *   unit had the same m. */
struct _GlossNominalTally
{
  guint n_coders;
  guint n_categories;          /* the arrays' size: one past the largest seen */
  int *distinct;               /* scratch: a unit's distinct values */
  guint *counts;               /* scratch: how many coders gave each */

  guint64 pairable_units;
  guint64 pairable_values;
  double alike;
  double *n_c;

  guint64 both_units;
  guint64 both_alike;
  guint64 *first;
  guint64 *second;
  guint64 *matrix;             /* n_categories², first × second */

  guint64 fleiss_units;
  guint64 fleiss_values;
  guint fleiss_m;
  gboolean fleiss_uneven;
  double fleiss_observed;
  double *fleiss_totals;
};

GlossNominalTally *
gloss_nominal_tally_new (guint n_coders)
{
  GlossNominalTally *tally = g_new0 (GlossNominalTally, 1);

  tally->n_coders = n_coders;
  tally->distinct = g_new (int, MAX (n_coders, 1));
  tally->counts = g_new (guint, MAX (n_coders, 1));
  return tally;
}

void
gloss_nominal_tally_free (GlossNominalTally *tally)
{
  if (tally == NULL)
    return;
  g_free (tally->distinct);
  g_free (tally->counts);
  g_free (tally->n_c);
  g_free (tally->first);
  g_free (tally->second);
  g_free (tally->matrix);
  g_free (tally->fleiss_totals);
  g_free (tally);
}

guint
gloss_nominal_tally_get_n_coders (const GlossNominalTally *tally)
{
  g_return_val_if_fail (tally != NULL, 0);

  return tally->n_coders;
}

static gpointer
grow_array (gpointer old,
            gsize    size,
            guint    old_n,
            guint    new_n)
{
  gpointer array = g_realloc_n (old, new_n, size);

  memset ((char *) array + old_n * size, 0, (new_n - old_n) * size);
  return array;
}

/* Makes room for the categories below @n. */
static void
grow (GlossNominalTally *tally,
      guint              n)
{
  guint old = tally->n_categories;
  guint64 *matrix;

  if (n <= old)
    return;
  n = MAX (n, 2 * old);
  tally->n_c = grow_array (tally->n_c, sizeof (double), old, n);
  tally->fleiss_totals = grow_array (tally->fleiss_totals, sizeof (double), old, n);
  tally->first = grow_array (tally->first, sizeof (guint64), old, n);
  tally->second = grow_array (tally->second, sizeof (guint64), old, n);
  matrix = g_new0 (guint64, (gsize) n * n);
  for (guint i = 0; i < old; i++)
    memcpy (matrix + (gsize) i * n, tally->matrix + (gsize) i * old, old * sizeof (guint64));
  g_free (tally->matrix);
  tally->matrix = matrix;
  tally->n_categories = n;
}

void
gloss_nominal_tally_add_unit (GlossNominalTally *tally,
                              const int         *codes,
                              guint              weight)
{
  guint n = 0, m = 0;

  g_return_if_fail (tally != NULL);
  g_return_if_fail (codes != NULL);

  if (weight == 0)
    return;

  for (guint i = 0; i < tally->n_coders; i++)
    {
      int v = codes[i];
      guint d;

      if (v < 0)
        continue;
      if ((guint) v >= tally->n_categories)
        grow (tally, v + 1);
      m++;
      for (d = 0; d < n && tally->distinct[d] != v; d++)
        ;
      if (d == n)
        {
          tally->distinct[n] = v;
          tally->counts[n++] = 0;
        }
      tally->counts[d]++;
    }

  if (m == 0)
    return;

  /* Fleiss: every unit with a value. */
  if (tally->fleiss_m != 0 && tally->fleiss_m != m)
    tally->fleiss_uneven = TRUE;
  tally->fleiss_m = m;
  tally->fleiss_units += weight;
  tally->fleiss_values += (guint64) weight * m;

  if (m >= 2)
    {
      double same = 0;

      tally->pairable_units += weight;
      tally->pairable_values += (guint64) weight * m;
      for (guint d = 0; d < n; d++)
        {
          double c = tally->counts[d];

          same += c * (c - 1);
          tally->n_c[tally->distinct[d]] += (double) weight * c;
          tally->fleiss_totals[tally->distinct[d]] += (double) weight * c;
        }
      tally->alike += weight * same / (m - 1);
      tally->fleiss_observed += weight * same / ((double) m * (m - 1));
    }

  if (tally->n_coders == 2 && m == 2)
    {
      int a = codes[0];
      int b = codes[1];

      tally->both_units += weight;
      if (a == b)
        tally->both_alike += weight;
      tally->first[a] += weight;
      tally->second[b] += weight;
      tally->matrix[(gsize) a * tally->n_categories + b] += weight;
    }
}

void
gloss_nominal_tally_add (GlossNominalTally       *tally,
                         const GlossNominalTally *other)
{
  guint n;

  g_return_if_fail (tally != NULL);
  g_return_if_fail (other != NULL);

  /* Units of more coders: the coincidences and Fleiss' sums do not care
   * which coder gave a value, only how many did. */
  if (other->n_coders > tally->n_coders)
    {
      tally->n_coders = other->n_coders;
      tally->distinct = g_renew (int, tally->distinct, tally->n_coders);
      tally->counts = g_renew (guint, tally->counts, tally->n_coders);
    }

  n = other->n_categories;
  grow (tally, n);
  tally->pairable_units += other->pairable_units;
  tally->pairable_values += other->pairable_values;
  tally->alike += other->alike;
  tally->both_units += other->both_units;
  tally->both_alike += other->both_alike;
  if (other->fleiss_units > 0)
    {
      if (other->fleiss_uneven ||
          (tally->fleiss_m != 0 && tally->fleiss_m != other->fleiss_m))
        tally->fleiss_uneven = TRUE;
      tally->fleiss_m = other->fleiss_m;
    }
  tally->fleiss_units += other->fleiss_units;
  tally->fleiss_values += other->fleiss_values;
  tally->fleiss_observed += other->fleiss_observed;
  for (guint c = 0; c < n; c++)
    {
      tally->n_c[c] += other->n_c[c];
      tally->fleiss_totals[c] += other->fleiss_totals[c];
      tally->first[c] += other->first[c];
      tally->second[c] += other->second[c];
      for (guint k = 0; k < n; k++)
        tally->matrix[(gsize) c * tally->n_categories + k] += other->matrix[(gsize) c * n + k];
    }
}

static gboolean
begin (const GlossNominalTally *tally,
       GlossReliabilityResult  *result)
{
  *result = (GlossReliabilityResult) { 0 };
  if (tally->n_coders < 2)
    {
      _gloss_reliability_undefined (result, GLOSS_RELIABILITY_ONE_CODER);
      return FALSE;
    }
  return TRUE;
}

static gboolean
begin_pairable (const GlossNominalTally *tally,
                GlossReliabilityResult  *result)
{
  if (!begin (tally, result))
    return FALSE;
  result->n_units = tally->pairable_units;
  result->n_pairable = tally->pairable_values;
  if (tally->pairable_values == 0)
    {
      _gloss_reliability_undefined (result, GLOSS_RELIABILITY_NO_PAIRABLE_VALUES);
      return FALSE;
    }
  return TRUE;
}

void
gloss_nominal_tally_percent_agreement (const GlossNominalTally *tally,
                                       GlossReliabilityResult  *result)
{
  g_return_if_fail (tally != NULL && result != NULL);

  if (begin_pairable (tally, result))
    _gloss_reliability_defined (result, tally->alike / tally->pairable_values);
}

static void
two_coders (const GlossNominalTally *tally,
            gboolean                 by_coder,
            GlossReliabilityResult  *result)
{
  double n, expected = 0;

  if (!begin (tally, result))
    return;
  if (tally->n_coders != 2)
    {
      _gloss_reliability_undefined (result, GLOSS_RELIABILITY_NOT_TWO_CODERS);
      return;
    }
  result->n_units = tally->both_units;
  result->n_pairable = 2 * tally->both_units;
  if (tally->both_units == 0)
    {
      _gloss_reliability_undefined (result, GLOSS_RELIABILITY_NO_PAIRABLE_VALUES);
      return;
    }

  n = tally->both_units;
  for (guint c = 0; c < tally->n_categories; c++)
    {
      if (by_coder)
        expected += (tally->first[c] / n) * (tally->second[c] / n);
      else
        {
          double p = (tally->first[c] + tally->second[c]) / (2 * n);

          expected += p * p;
        }
    }
  if (expected >= 1 - 1e-12)
    _gloss_reliability_undefined (result, GLOSS_RELIABILITY_ALL_ALIKE);
  else
    _gloss_reliability_defined (result, (tally->both_alike / n - expected) / (1 - expected));
}

void
gloss_nominal_tally_cohen_kappa (const GlossNominalTally *tally,
                                 GlossReliabilityResult  *result)
{
  g_return_if_fail (tally != NULL && result != NULL);

  two_coders (tally, TRUE, result);
}

void
gloss_nominal_tally_scott_pi (const GlossNominalTally *tally,
                              GlossReliabilityResult  *result)
{
  g_return_if_fail (tally != NULL && result != NULL);

  two_coders (tally, FALSE, result);
}

void
gloss_nominal_tally_fleiss_kappa (const GlossNominalTally *tally,
                                  GlossReliabilityResult  *result)
{
  double n, expected = 0;

  g_return_if_fail (tally != NULL && result != NULL);

  if (!begin (tally, result))
    return;
  if (tally->fleiss_uneven)
    {
      _gloss_reliability_undefined (result, GLOSS_RELIABILITY_UNEVEN_UNITS);
      return;
    }
  result->n_units = tally->fleiss_units;
  result->n_pairable = tally->fleiss_values;
  if (tally->fleiss_m < 2)
    {
      _gloss_reliability_undefined (result, GLOSS_RELIABILITY_NO_PAIRABLE_VALUES);
      return;
    }

  n = tally->fleiss_values;
  for (guint c = 0; c < tally->n_categories; c++)
    expected += (tally->fleiss_totals[c] / n) * (tally->fleiss_totals[c] / n);
  if (expected >= 1 - 1e-12)
    _gloss_reliability_undefined (result, GLOSS_RELIABILITY_ALL_ALIKE);
  else
    _gloss_reliability_defined (result,
                                (tally->fleiss_observed / tally->fleiss_units - expected) /
                                (1 - expected));
}

/* α = 1 − (n.. − 1) D_o / D_e with, at the nominal level, the observed
 * disagreement n.. − Σ o_cc and the expected n..² − Σ n_c². */
void
gloss_nominal_tally_alpha (const GlossNominalTally *tally,
                           GlossReliabilityResult  *result)
{
  double n, squares = 0, expected;

  g_return_if_fail (tally != NULL && result != NULL);

  if (!begin_pairable (tally, result))
    return;
  n = tally->pairable_values;
  for (guint c = 0; c < tally->n_categories; c++)
    squares += tally->n_c[c] * tally->n_c[c];
  expected = n * n - squares;
  if (expected <= 0)
    _gloss_reliability_undefined (result, GLOSS_RELIABILITY_ALL_ALIKE);
  else
    _gloss_reliability_defined (result, 1 - (n - 1) * (n - tally->alike) / expected);
}

guint64
gloss_nominal_tally_get_pair_count (const GlossNominalTally *tally,
                                    int                      first,
                                    int                      second)
{
  g_return_val_if_fail (tally != NULL, 0);

  if (first < 0 || second < 0 ||
      (guint) first >= tally->n_categories || (guint) second >= tally->n_categories)
    return 0;
  return tally->matrix[(gsize) first * tally->n_categories + second];
}
