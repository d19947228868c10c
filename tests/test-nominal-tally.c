/* test-nominal-tally.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "gloss-nominal-tally.h"
#include "gloss-reliability.h"

#define M (-1)

/* Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability,
 * section C: nominal data, four observers, values missing; α = 0.743 as
 * printed there. */
static const int krippendorff_c[12 * 4] = {
  1, 1, M, 1,
  2, 2, 3, 2,
  3, 3, 3, 3,
  3, 3, 3, 3,
  2, 2, 2, 2,
  1, 2, 3, 4,
  4, 4, 4, 4,
  1, 1, 2, 1,
  2, 2, 2, 2,
  M, 5, 5, 5,
  M, M, 1, 1,
  M, 3, M, M,
};

static void
test_published_alpha (void)
{
  g_autoptr(GlossNominalTally) tally = gloss_nominal_tally_new (4);
  GlossReliabilityResult result;

  for (guint u = 0; u < 12; u++)
    gloss_nominal_tally_add_unit (tally, &krippendorff_c[u * 4], 1);
  gloss_nominal_tally_alpha (tally, &result);
  g_assert_true (result.defined);
  g_assert_cmpfloat_with_epsilon (result.value, 0.743, 0.0005);
  /* Krippendorff's n..: 40 pairable values in 11 units. */
  g_assert_cmpuint (result.n_pairable, ==, 40);
  g_assert_cmpuint (result.n_units, ==, 11);
  /* The units do not all have four values. */
  gloss_nominal_tally_fleiss_kappa (tally, &result);
  g_assert_false (result.defined);
  g_assert_nonnull (result.reason);
}

typedef void (*TallyMeasure) (const GlossNominalTally *, GlossReliabilityResult *);
typedef gboolean (*DataMeasure) (GlossReliabilityData *, GlossReliabilityResult *, GError **);

static void
assert_same (GlossNominalTally    *tally,
             GlossReliabilityData *data)
{
  struct { TallyMeasure tally; DataMeasure data; } measures[] = {
    { gloss_nominal_tally_percent_agreement, gloss_reliability_percent_agreement },
    { gloss_nominal_tally_cohen_kappa, gloss_reliability_cohen_kappa },
    { gloss_nominal_tally_scott_pi, gloss_reliability_scott_pi },
    { gloss_nominal_tally_fleiss_kappa, gloss_reliability_fleiss_kappa },
  };
  GlossReliabilityResult a, b;

  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    {
      measures[i].tally (tally, &a);
      g_assert_true (measures[i].data (data, &b, NULL));
      g_assert_cmpint (a.defined, ==, b.defined);
      g_assert_cmpstr (a.reason, ==, b.reason);
      if (a.defined)
        g_assert_cmpfloat_with_epsilon (a.value, b.value, 1e-9);
      g_assert_cmpuint (a.n_units, ==, b.n_units);
      g_assert_cmpuint (a.n_pairable, ==, b.n_pairable);
    }
  gloss_nominal_tally_alpha (tally, &a);
  g_assert_true (gloss_reliability_alpha (data, GLOSS_RELIABILITY_NOMINAL, &b, NULL));
  g_assert_cmpint (a.defined, ==, b.defined);
  if (a.defined)
    g_assert_cmpfloat_with_epsilon (a.value, b.value, 1e-9);
  g_assert_cmpuint (a.n_pairable, ==, b.n_pairable);
}

/* Random tables, some with values missing, some with units repeated
 * (a weight), some split in two tallies and added: every coefficient is
 * the one of the same units in GlossReliabilityData. */
static void
test_same_as_data (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);

  for (guint round = 0; round < 300; round++)
    {
      guint n_coders = g_rand_int_range (rand, 1, 6);
      guint n_units = g_rand_int_range (rand, 0, 40);
      guint n_categories = g_rand_int_range (rand, 1, 5);
      gboolean missing = g_rand_boolean (rand);
      guint split = g_rand_int_range (rand, 0, n_units + 1);
      g_autoptr(GlossNominalTally) tally = gloss_nominal_tally_new (n_coders);
      g_autoptr(GlossNominalTally) second = gloss_nominal_tally_new (n_coders);
      g_autoptr(GlossReliabilityData) data = gloss_reliability_data_new (n_coders);
      g_autofree int *codes = g_new (int, n_coders);

      for (guint u = 0; u < n_units; u++)
        {
          guint weight = g_rand_int_range (rand, 1, 4);

          for (guint i = 0; i < n_coders; i++)
            codes[i] = missing && g_rand_int_range (rand, 0, 4) == 0
                       ? M : (int) g_rand_int_range (rand, 0, n_categories);
          gloss_nominal_tally_add_unit (u < split ? tally : second, codes, weight);
          for (guint w = 0; w < weight; w++)
            {
              guint unit = gloss_reliability_data_add_unit (data);

              for (guint i = 0; i < n_coders; i++)
                if (codes[i] != M)
                  {
                    g_autofree char *name = g_strdup_printf ("c%d", codes[i]);

                    gloss_reliability_data_set (data, unit, i, name);
                  }
            }
        }
      gloss_nominal_tally_add (tally, second);
      assert_same (tally, data);
    }
}

static void
test_confusion (void)
{
  g_autoptr(GlossNominalTally) tally = gloss_nominal_tally_new (2);
  g_autoptr(GlossNominalTally) other = gloss_nominal_tally_new (2);
  const int units[][2] = { { 0, 0 }, { 0, 1 }, { 2, 1 }, { M, 1 }, { 5, 0 } };

  gloss_nominal_tally_add_unit (tally, units[0], 4);
  gloss_nominal_tally_add_unit (tally, units[1], 2);
  gloss_nominal_tally_add_unit (tally, units[2], 1);
  gloss_nominal_tally_add_unit (tally, units[3], 7);
  /* A category that makes the matrix grow, added from another tally. */
  gloss_nominal_tally_add_unit (other, units[4], 3);
  gloss_nominal_tally_add (tally, other);

  g_assert_cmpuint (gloss_nominal_tally_get_pair_count (tally, 0, 0), ==, 4);
  g_assert_cmpuint (gloss_nominal_tally_get_pair_count (tally, 0, 1), ==, 2);
  g_assert_cmpuint (gloss_nominal_tally_get_pair_count (tally, 2, 1), ==, 1);
  g_assert_cmpuint (gloss_nominal_tally_get_pair_count (tally, 5, 0), ==, 3);
  g_assert_cmpuint (gloss_nominal_tally_get_pair_count (tally, 1, 0), ==, 0);
  g_assert_cmpuint (gloss_nominal_tally_get_pair_count (tally, 9, 9), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nominal-tally/published-alpha", test_published_alpha);
  g_test_add_func ("/nominal-tally/same-as-data", test_same_as_data);
  g_test_add_func ("/nominal-tally/confusion", test_confusion);

  return g_test_run ();
}
