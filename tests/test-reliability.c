/* test-reliability.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-reliability.h"

/* Published values are given to three decimals. */
#define PUBLISHED_PRECISION 0.0005

/* A units × coders table of numbers, NAN where a value is missing; with
 * @as_categories, each number is a category named after it. */
static GlossReliabilityData *
data_from_table (guint         n_units,
                 guint         n_coders,
                 const double *table,
                 gboolean      as_categories)
{
  GlossReliabilityData *data = gloss_reliability_data_new (n_coders);

  for (guint u = 0; u < n_units; u++)
    {
      guint unit = gloss_reliability_data_add_unit (data);

      for (guint i = 0; i < n_coders; i++)
        {
          double value = table[u * n_coders + i];
          g_autofree char *name = NULL;

          if (isnan (value))
            continue;
          if (!as_categories)
            {
              gloss_reliability_data_set_number (data, unit, i, value);
              continue;
            }
          name = g_strdup_printf ("category %g", value);
          gloss_reliability_data_set (data, unit, i, name);
        }
    }
  return data;
}

static void
assert_value (GlossReliabilityResult *result,
              double                  expected)
{
  g_assert_true (result->defined);
  g_assert_null (result->reason);
  g_assert_cmpfloat_with_epsilon (result->value, expected, PUBLISHED_PRECISION);
}

#define M NAN

/* Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability.
 * Section C, its example of nominal data from any number of observers with
 * values missing: four observers, twelve units (one row a unit here, one
 * column an observer). */
static const double krippendorff_c[12 * 4] = {
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
test_alpha_levels (void)
{
  g_autoptr (GlossReliabilityData) data = data_from_table (12, 4, krippendorff_c, FALSE);
  g_autoptr (GError) error = NULL;
  GlossReliabilityResult result;
  /* Krippendorff 2011: section C for nominal α, and the section after it,
   * which works α out on the same data for the ordinal, interval and ratio
   * metrics. */
  static const struct
  {
    GlossReliabilityLevel level;
    double alpha;
  } published[] = {
    { GLOSS_RELIABILITY_NOMINAL, 0.743 },
    { GLOSS_RELIABILITY_ORDINAL, 0.815 },
    { GLOSS_RELIABILITY_INTERVAL, 0.849 },
    { GLOSS_RELIABILITY_RATIO, 0.797 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (published); i++)
    {
      g_assert_true (gloss_reliability_alpha (data, published[i].level, &result, &error));
      g_assert_no_error (error);
      assert_value (&result, published[i].alpha);
      /* n.. = 40, Krippendorff 2011, section C; the twelfth unit has one
       * value only, which is not pairable. */
      g_assert_cmpuint (result.n_pairable, ==, 40);
      g_assert_cmpuint (result.n_units, ==, 11);
    }
}

static void
test_alpha_nominal_categories (void)
{
  g_autoptr (GlossReliabilityData) data = data_from_table (12, 4, krippendorff_c, TRUE);
  g_autoptr (GError) error = NULL;
  GlossReliabilityResult result;

  /* Krippendorff 2011, section C: 0.743, whatever the categories are called. */
  g_assert_true (gloss_reliability_alpha (data, GLOSS_RELIABILITY_NOMINAL, &result, &error));
  g_assert_no_error (error);
  assert_value (&result, 0.743);
}

/* Krippendorff 2011, section A, its example of binary data from two
 * observers with no value missing: ten units. */
static const double krippendorff_a[10 * 2] = {
  0, 1,
  1, 1,
  0, 1,
  0, 0,
  0, 0,
  0, 1,
  0, 0,
  0, 0,
  1, 0,
  0, 0,
};

static void
test_binary (void)
{
  g_autoptr (GlossReliabilityData) data = data_from_table (10, 2, krippendorff_a, FALSE);
  g_autoptr (GError) error = NULL;
  GlossReliabilityResult result;

  /* α = 0.095, Krippendorff 2011, section A. */
  g_assert_true (gloss_reliability_alpha (data, GLOSS_RELIABILITY_NOMINAL, &result, &error));
  g_assert_no_error (error);
  assert_value (&result, 0.095);
  g_assert_cmpuint (result.n_pairable, ==, 20);

  /* The table of Krippendorff 2011, section A, has the observers agree on
   * six units of ten. */
  g_assert_true (gloss_reliability_percent_agreement (data, &result, &error));
  assert_value (&result, 0.6);

  /* Not a published value: for two coders and no value missing, nominal α
   * is Scott's π corrected for the sample, α = 1 - (1 - π) (2N - 1) / 2N,
   * so the published α = 0.095 (N = 10) gives π = 1 - 0.905 × 20/19. */
  g_assert_true (gloss_reliability_scott_pi (data, &result, &error));
  g_assert_true (result.defined);
  g_assert_cmpfloat_with_epsilon (result.value, 1 - (1 - 0.095) * 20 / 19,
                                  PUBLISHED_PRECISION * 20 / 19);
}

static void
test_cohen_kappa (void)
{
  g_autoptr (GlossReliabilityData) data = gloss_reliability_data_new (2);
  g_autoptr (GError) error = NULL;
  GlossReliabilityResult result;
  /* Wikipedia, "Cohen's kappa", simple worked example: 50 grant
   * applications read by two readers, A and B, each saying yes or no. */
  static const struct
  {
    const char *a, *b;
    guint n;
  } cells[] = {
    { "yes", "yes", 20 },
    { "yes", "no", 5 },
    { "no", "yes", 10 },
    { "no", "no", 15 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    for (guint j = 0; j < cells[i].n; j++)
      {
        guint unit = gloss_reliability_data_add_unit (data);
        gloss_reliability_data_set (data, unit, 0, cells[i].a);
        gloss_reliability_data_set (data, unit, 1, cells[i].b);
      }

  /* p_o = 0.7 and κ = 0.4, same source. */
  g_assert_true (gloss_reliability_cohen_kappa (data, &result, &error));
  g_assert_no_error (error);
  assert_value (&result, 0.4);
  g_assert_cmpuint (result.n_units, ==, 50);
  g_assert_true (gloss_reliability_percent_agreement (data, &result, &error));
  assert_value (&result, 0.7);
}

static void
test_fleiss_kappa (void)
{
  g_autoptr (GlossReliabilityData) data = gloss_reliability_data_new (14);
  g_autoptr (GError) error = NULL;
  GlossReliabilityResult result;
  /* Wikipedia, "Fleiss' kappa", worked example: fourteen raters put ten
   * subjects in five categories; one row a subject, one column the
   * number of raters who chose each category. */
  static const guint counts[10][5] = {
    { 0, 0, 0, 0, 14 },
    { 0, 2, 6, 4, 2 },
    { 0, 0, 3, 5, 6 },
    { 0, 3, 9, 2, 0 },
    { 2, 2, 8, 1, 1 },
    { 7, 7, 0, 0, 0 },
    { 3, 2, 6, 3, 0 },
    { 2, 5, 3, 2, 2 },
    { 6, 5, 2, 1, 0 },
    { 0, 2, 2, 3, 7 },
  };
  static const char *categories[5] = { "1", "2", "3", "4", "5" };

  for (guint s = 0; s < G_N_ELEMENTS (counts); s++)
    {
      guint unit = gloss_reliability_data_add_unit (data);
      guint rater = 0;

      for (guint c = 0; c < 5; c++)
        for (guint j = 0; j < counts[s][c]; j++)
          gloss_reliability_data_set (data, unit, rater++, categories[c]);
    }

  /* κ = 0.210, same source. */
  g_assert_true (gloss_reliability_fleiss_kappa (data, &result, &error));
  g_assert_no_error (error);
  assert_value (&result, 0.210);
  g_assert_cmpuint (result.n_units, ==, 10);
  g_assert_cmpuint (result.n_pairable, ==, 140);
}

/* Fleiss, J. L. (1971). Measuring nominal scale agreement among many
 * raters. Psychological Bulletin 76(5), 378-382: table 1, p. 379, six
 * psychiatrists put thirty patients in five diagnoses (one row a
 * patient, the diagnoses given). */
static void
test_fleiss_1971 (void)
{
  g_autoptr (GlossReliabilityData) data = gloss_reliability_data_new (6);
  g_autoptr (GError) error = NULL;
  GlossReliabilityResult result;
  static const guint table[30][6] = {
    { 4, 4, 4, 4, 4, 4 }, { 2, 2, 2, 5, 5, 5 }, { 2, 3, 3, 3, 3, 5 }, { 5, 5, 5, 5, 5, 5 },
    { 2, 2, 2, 4, 4, 4 }, { 1, 1, 3, 3, 3, 3 }, { 3, 3, 3, 3, 5, 5 }, { 1, 1, 3, 3, 3, 4 },
    { 1, 1, 4, 4, 4, 4 }, { 5, 5, 5, 5, 5, 5 }, { 1, 4, 4, 4, 4, 4 }, { 1, 2, 4, 4, 4, 4 },
    { 2, 2, 2, 3, 3, 3 }, { 1, 4, 4, 4, 4, 4 }, { 2, 2, 4, 4, 4, 5 }, { 3, 3, 3, 3, 3, 5 },
    { 1, 1, 1, 4, 5, 5 }, { 1, 1, 1, 1, 1, 2 }, { 2, 2, 4, 4, 4, 4 }, { 1, 3, 3, 5, 5, 5 },
    { 5, 5, 5, 5, 5, 5 }, { 2, 4, 4, 4, 4, 4 }, { 2, 2, 4, 5, 5, 5 }, { 1, 1, 4, 4, 4, 4 },
    { 1, 4, 4, 4, 4, 5 }, { 2, 2, 2, 2, 2, 4 }, { 1, 1, 1, 1, 5, 5 }, { 2, 2, 4, 4, 4, 4 },
    { 1, 3, 3, 3, 3, 3 }, { 5, 5, 5, 5, 5, 5 },
  };

  for (guint p = 0; p < G_N_ELEMENTS (table); p++)
    {
      guint unit = gloss_reliability_data_add_unit (data);

      for (guint r = 0; r < 6; r++)
        {
          char name[2] = { (char) ('0' + table[p][r]), '\0' };

          gloss_reliability_data_set (data, unit, r, name);
        }
    }

  /* κ = .430, same page. */
  g_assert_true (gloss_reliability_fleiss_kappa (data, &result, &error));
  g_assert_no_error (error);
  assert_value (&result, 0.430);
  g_assert_cmpuint (result.n_units, ==, 30);
}

/* Two coders' labels for @n units each, as (first, second, how many). */
typedef struct
{
  const char *first;
  const char *second;
  guint       n;
} PairCell;

static GlossReliabilityData *
data_from_pairs (const PairCell *cells,
                 guint           n_cells)
{
  GlossReliabilityData *data = gloss_reliability_data_new (2);

  for (guint i = 0; i < n_cells; i++)
    for (guint j = 0; j < cells[i].n; j++)
      {
        guint unit = gloss_reliability_data_add_unit (data);

        gloss_reliability_data_set (data, unit, 0, cells[i].first);
        gloss_reliability_data_set (data, unit, 1, cells[i].second);
      }
  return data;
}

/* Artstein, R. & Poesio, M. (2008). Inter-coder agreement for
 * computational linguistics. Computational Linguistics 34(4), 555-596:
 * the two coders of their tables (a hundred utterances, Statement or
 * Info-request; then with Check as a third category), and the values
 * worked out in the text beside them. */
static void
test_artstein_poesio (void)
{
  static const PairCell two[] = {
    { "STAT", "STAT", 20 }, { "IReq", "STAT", 20 }, { "STAT", "IReq", 10 }, { "IReq", "IReq", 50 },
  };
  static const PairCell three[] = {
    { "STAT", "STAT", 46 }, { "IReq", "STAT", 6 }, { "IReq", "IReq", 32 },
    { "IReq", "Chck", 6 }, { "Chck", "Chck", 10 },
  };
  static const struct
  {
    const PairCell *cells;
    guint           n_cells;
    double          observed, pi, kappa;
  } examples[] = {
    { two, G_N_ELEMENTS (two), 0.7, 0.341, 0.348 },
    { three, G_N_ELEMENTS (three), 0.88, 0.799, 0.801 },
  };

  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr (GlossReliabilityData) data = data_from_pairs (examples[e].cells, examples[e].n_cells);
      g_autoptr (GError) error = NULL;
      GlossReliabilityResult result;

      /* The paper prints three decimals, some cut rather than rounded
       * (π of the second table is 0.79953): within 0.001. */
      g_assert_true (gloss_reliability_percent_agreement (data, &result, &error));
      assert_value (&result, examples[e].observed);
      g_assert_true (gloss_reliability_scott_pi (data, &result, &error));
      g_assert_true (result.defined);
      g_assert_cmpfloat_with_epsilon (result.value, examples[e].pi, 0.001);
      g_assert_true (gloss_reliability_cohen_kappa (data, &result, &error));
      g_assert_true (result.defined);
      g_assert_cmpfloat_with_epsilon (result.value, examples[e].kappa, 0.001);
      g_assert_no_error (error);
    }
}

/* Every measure of the table is undefined on @data, with a reason. */
static void
assert_all_undefined (GlossReliabilityData *data)
{
  const GlossReliabilityMeasure *measures;
  guint n_measures;

  measures = gloss_reliability_get_measures (&n_measures);
  g_assert_cmpuint (n_measures, >, 0);
  for (guint i = 0; i < n_measures; i++)
    {
      g_autoptr (GError) error = NULL;
      GlossReliabilityResult result;

      g_test_message ("%s", measures[i].id);
      g_assert_true (measures[i].compute (data, &result, &error));
      g_assert_no_error (error);
      g_assert_false (result.defined);
      g_assert_nonnull (result.reason);
      g_assert_cmpstr (result.reason, !=, "");
    }
}

static void
test_one_coder (void)
{
  g_autoptr (GlossReliabilityData) data = gloss_reliability_data_new (1);

  for (guint u = 0; u < 3; u++)
    gloss_reliability_data_set_number (data, gloss_reliability_data_add_unit (data), 0, u);
  assert_all_undefined (data);
}

static void
test_no_pairable_values (void)
{
  g_autoptr (GlossReliabilityData) data = gloss_reliability_data_new (2);
  guint unit;

  /* Each unit coded by one coder only, and one unit by none. */
  unit = gloss_reliability_data_add_unit (data);
  gloss_reliability_data_set_number (data, unit, 0, 1);
  unit = gloss_reliability_data_add_unit (data);
  gloss_reliability_data_set_number (data, unit, 1, 2);
  gloss_reliability_data_add_unit (data);
  assert_all_undefined (data);

  g_clear_pointer (&data, gloss_reliability_data_free);
  data = gloss_reliability_data_new (3);
  assert_all_undefined (data);
}

static void
test_all_alike (void)
{
  g_autoptr (GlossReliabilityData) data = gloss_reliability_data_new (2);
  g_autoptr (GError) error = NULL;
  GlossReliabilityResult result;
  const GlossReliabilityMeasure *measures;
  guint n_measures;

  for (guint u = 0; u < 4; u++)
    {
      guint unit = gloss_reliability_data_add_unit (data);
      gloss_reliability_data_set_number (data, unit, 0, 3);
      gloss_reliability_data_set_number (data, unit, 1, 3);
    }

  /* The coders agree on everything, but nothing tells how much by chance. */
  measures = gloss_reliability_get_measures (&n_measures);
  for (guint i = 0; i < n_measures; i++)
    {
      g_test_message ("%s", measures[i].id);
      g_assert_true (measures[i].compute (data, &result, &error));
      g_assert_no_error (error);
      if (g_str_equal (measures[i].id, "percent"))
        {
          assert_value (&result, 1);
          continue;
        }
      g_assert_false (result.defined);
      g_assert_nonnull (result.reason);
      g_assert_cmpuint (result.n_pairable, ==, 8);
    }
}

static void
test_fleiss_unequal_units (void)
{
  g_autoptr (GlossReliabilityData) data = data_from_table (12, 4, krippendorff_c, TRUE);
  g_autoptr (GError) error = NULL;
  GlossReliabilityResult result;

  g_assert_true (gloss_reliability_fleiss_kappa (data, &result, &error));
  g_assert_no_error (error);
  g_assert_false (result.defined);
  g_assert_nonnull (strstr (result.reason, "as many"));
}

static void
test_two_coders_only (void)
{
  g_autoptr (GlossReliabilityData) data = data_from_table (12, 4, krippendorff_c, TRUE);
  g_autoptr (GError) error = NULL;
  GlossReliabilityResult result;

  g_assert_true (gloss_reliability_cohen_kappa (data, &result, &error));
  g_assert_false (result.defined);
  g_assert_nonnull (strstr (result.reason, "two coders"));
  g_assert_true (gloss_reliability_scott_pi (data, &result, &error));
  g_assert_false (result.defined);
  g_assert_no_error (error);
}

static void
test_categories_above_nominal (void)
{
  g_autoptr (GlossReliabilityData) data = data_from_table (12, 4, krippendorff_c, TRUE);
  GlossReliabilityResult result;
  GlossReliabilityLevel levels[] = {
    GLOSS_RELIABILITY_ORDINAL, GLOSS_RELIABILITY_INTERVAL, GLOSS_RELIABILITY_RATIO,
  };
  const char *names[] = { "ordinal", "interval", "ratio" };

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_false (gloss_reliability_alpha (data, levels[i], &result, &error));
      g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
      /* The message names the value, where it is, and the level. */
      g_assert_nonnull (strstr (error->message, "“category 1”"));
      g_assert_nonnull (strstr (error->message, "unit 1"));
      g_assert_nonnull (strstr (error->message, "not a number"));
      g_assert_nonnull (strstr (error->message, names[i]));
    }
}

static void
test_negative_ratio (void)
{
  g_autoptr (GlossReliabilityData) data = gloss_reliability_data_new (2);
  g_autoptr (GError) error = NULL;
  GlossReliabilityResult result;
  guint unit;

  unit = gloss_reliability_data_add_unit (data);
  gloss_reliability_data_set_number (data, unit, 0, 1);
  gloss_reliability_data_set_number (data, unit, 1, -2);

  g_assert_false (gloss_reliability_alpha (data, GLOSS_RELIABILITY_RATIO, &result, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "negative"));
  g_clear_error (&error);

  /* At the interval level a negative number is a number like another. */
  g_assert_true (gloss_reliability_alpha (data, GLOSS_RELIABILITY_INTERVAL, &result, &error));
  g_assert_no_error (error);
}

static void
test_measures_table (void)
{
  const GlossReliabilityMeasure *measures;
  guint n_measures;

  measures = gloss_reliability_get_measures (&n_measures);
  for (guint i = 0; i < n_measures; i++)
    {
      g_assert_nonnull (measures[i].label);
      g_assert_true (gloss_reliability_find_measure (measures[i].id) == &measures[i]);
    }
  g_assert_null (gloss_reliability_find_measure ("no-such-measure"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reliability/alpha/levels", test_alpha_levels);
  g_test_add_func ("/reliability/alpha/nominal-categories", test_alpha_nominal_categories);
  g_test_add_func ("/reliability/binary", test_binary);
  g_test_add_func ("/reliability/cohen-kappa", test_cohen_kappa);
  g_test_add_func ("/reliability/fleiss-kappa", test_fleiss_kappa);
  g_test_add_func ("/reliability/fleiss-1971", test_fleiss_1971);
  g_test_add_func ("/reliability/artstein-poesio-2008", test_artstein_poesio);
  g_test_add_func ("/reliability/undefined/one-coder", test_one_coder);
  g_test_add_func ("/reliability/undefined/no-pairable-values", test_no_pairable_values);
  g_test_add_func ("/reliability/undefined/all-alike", test_all_alike);
  g_test_add_func ("/reliability/undefined/fleiss-unequal-units", test_fleiss_unequal_units);
  g_test_add_func ("/reliability/undefined/two-coders-only", test_two_coders_only);
  g_test_add_func ("/reliability/error/categories-above-nominal", test_categories_above_nominal);
  g_test_add_func ("/reliability/error/negative-ratio", test_negative_ratio);
  g_test_add_func ("/reliability/measures", test_measures_table);

  return g_test_run ();
}
