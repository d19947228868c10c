/* test-unitizing.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-unitizing.h"

/* Krippendorff's example (Krippendorff 2004, "Measuring the reliability of
 * qualitative text analysis data", Quality & Quantity 38, and Content
 * Analysis, 2nd ed., p. 254; also DKPro Statistics' Krippendorff2004Test):
 * two observers on a continuum from 150, 300 characters long. */
static GlossUnitizingData *
krippendorff_2004_example (void)
{
  GlossUnitizingData *data = gloss_unitizing_data_new (2, 150, 300);

  gloss_unitizing_data_add_unit (data, 0, 225, 70, "c");
  gloss_unitizing_data_add_unit (data, 0, 370, 30, "c");
  gloss_unitizing_data_add_unit (data, 1, 220, 80, "c");
  gloss_unitizing_data_add_unit (data, 1, 355, 20, "c");
  gloss_unitizing_data_add_unit (data, 1, 400, 20, "c");
  gloss_unitizing_data_add_unit (data, 0, 180, 60, "k");
  gloss_unitizing_data_add_unit (data, 0, 300, 50, "k");
  gloss_unitizing_data_add_unit (data, 1, 180, 60, "k");
  gloss_unitizing_data_add_unit (data, 1, 300, 50, "k");
  return data;
}

static void
assert_alpha (GlossUnitizingData *data,
              const char         *category,
              double              expected,
              double              precision)
{
  GlossReliabilityResult result;
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_unitizing_alpha (data, category, &result, &error));
  g_assert_no_error (error);
  g_assert_true (result.defined);
  g_assert_null (result.reason);
  g_assert_cmpfloat_with_epsilon (result.value, expected, precision);
}

static void
assert_undefined (GlossUnitizingData *data,
                  const char         *category)
{
  GlossReliabilityResult result;
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_unitizing_alpha (data, category, &result, &error));
  g_assert_no_error (error);
  g_assert_false (result.defined);
  g_assert_nonnull (result.reason);
  g_assert_true (result.reason[0] != '\0');
}

static void
assert_error (GlossUnitizingData *data,
              int                 code,
              const char         *words)
{
  GlossReliabilityResult result;
  g_autoptr(GError) error = NULL;

  g_assert_false (gloss_unitizing_alpha (data, NULL, &result, &error));
  g_assert_error (error, GLOSS_ERROR, code);
  g_assert_nonnull (strstr (error->message, words));
}

/* The distances published with the example (Krippendorff 2004, p. 254;
 * DKPro Statistics' Krippendorff2004Test, testDistanceMetric2). */
static void
test_distance_published (void)
{
  g_assert_cmpfloat (gloss_unitizing_distance (225, 70, TRUE, 220, 80, TRUE), ==, 50);
  g_assert_cmpfloat (gloss_unitizing_distance (370, 30, TRUE, 355, 20, TRUE), ==, 850);
  g_assert_cmpfloat (gloss_unitizing_distance (400, 50, FALSE, 400, 20, TRUE), ==, 400);
}

/* DKPro Statistics' Krippendorff2004Test, testDistanceMetric1: a gap
 * against a unit within it, either way round, and two units overlapping
 * in every way. */
static void
test_distance_cases (void)
{
  g_assert_cmpfloat (gloss_unitizing_distance (2, 3, FALSE, 2, 2, TRUE)
                     + gloss_unitizing_distance (5, 6, TRUE, 4, 7, FALSE), ==, 40);
  g_assert_cmpfloat (gloss_unitizing_distance (3, 2, FALSE, 3, 2, TRUE)
                     + gloss_unitizing_distance (5, 6, TRUE, 5, 6, FALSE), ==, 40);
  g_assert_cmpfloat (gloss_unitizing_distance (5, 6, TRUE, 4, 2, TRUE), ==, 26);
  g_assert_cmpfloat (gloss_unitizing_distance (5, 6, TRUE, 5, 2, TRUE), ==, 16);
  g_assert_cmpfloat (gloss_unitizing_distance (5, 6, TRUE, 6, 2, TRUE), ==, 10);
  g_assert_cmpfloat (gloss_unitizing_distance (5, 6, TRUE, 7, 2, TRUE), ==, 8);
  g_assert_cmpfloat (gloss_unitizing_distance (5, 6, TRUE, 6, 4, TRUE), ==, 2);
  g_assert_cmpfloat (gloss_unitizing_distance (5, 6, TRUE, 5, 6, TRUE), ==, 0);
  /* Units that only touch, and two gaps, are at no distance. */
  g_assert_cmpfloat (gloss_unitizing_distance (0, 5, TRUE, 5, 5, TRUE), ==, 0);
  g_assert_cmpfloat (gloss_unitizing_distance (0, 5, FALSE, 2, 5, FALSE), ==, 0);
}

/* Krippendorff 2004, p. 254 (DKPro Statistics' Krippendorff2004Test,
 * testCategoryAgreement): category c, observed 0.0144, expected 0.0532,
 * α_U 0.7286; category k, observed 0, expected 0.0490, α_U 1. */
static void
test_categories_published (void)
{
  g_autoptr(GlossUnitizingData) data = krippendorff_2004_example ();
  g_autoptr(GError) error = NULL;
  double observed;
  double expected;

  g_assert_true (gloss_unitizing_disagreement (data, "c", &observed, &expected, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (observed, 0.0144, 0.0001);
  g_assert_cmpfloat_with_epsilon (expected, 0.0532, 0.0001);
  assert_alpha (data, "c", 0.7286, 0.0001);

  g_assert_true (gloss_unitizing_disagreement (data, "k", &observed, &expected, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (observed, 0.0, 0.0001);
  g_assert_cmpfloat_with_epsilon (expected, 0.0490, 0.0001);
  assert_alpha (data, "k", 1.0, 0.0001);
}

/* Krippendorff 2004, p. 254 (DKPro Statistics' Krippendorff2004Test,
 * testAgreement): α_U over both categories, 0.8591. */
static void
test_overall_published (void)
{
  g_autoptr(GlossUnitizingData) data = krippendorff_2004_example ();
  GlossReliabilityResult result;
  g_autoptr(GError) error = NULL;

  assert_alpha (data, NULL, 0.8591, 0.0005);
  g_assert_true (gloss_unitizing_alpha (data, NULL, &result, &error));
  g_assert_cmpuint (result.n_units, ==, 9);
  g_assert_cmpuint (result.n_pairable, ==, 2);
  g_assert_true (gloss_unitizing_alpha (data, "c", &result, &error));
  g_assert_cmpuint (result.n_units, ==, 5);
}

/* The order units are added in does not matter. */
static void
test_order (void)
{
  g_autoptr(GlossUnitizingData) data = gloss_unitizing_data_new (2, 150, 300);

  gloss_unitizing_data_add_unit (data, 1, 300, 50, "k");
  gloss_unitizing_data_add_unit (data, 1, 400, 20, "c");
  gloss_unitizing_data_add_unit (data, 0, 370, 30, "c");
  gloss_unitizing_data_add_unit (data, 1, 180, 60, "k");
  gloss_unitizing_data_add_unit (data, 0, 300, 50, "k");
  gloss_unitizing_data_add_unit (data, 1, 355, 20, "c");
  gloss_unitizing_data_add_unit (data, 0, 225, 70, "c");
  gloss_unitizing_data_add_unit (data, 1, 220, 80, "c");
  gloss_unitizing_data_add_unit (data, 0, 180, 60, "k");
  assert_alpha (data, "c", 0.7286, 0.0001);
  assert_alpha (data, NULL, 0.8591, 0.0005);
}

static void
test_one_coder (void)
{
  g_autoptr(GlossUnitizingData) data = gloss_unitizing_data_new (1, 0, 100);

  gloss_unitizing_data_add_unit (data, 0, 10, 5, "c");
  assert_undefined (data, NULL);
  assert_undefined (data, "c");
}

static void
test_no_units (void)
{
  g_autoptr(GlossUnitizingData) data = krippendorff_2004_example ();
  g_autoptr(GlossUnitizingData) empty = gloss_unitizing_data_new (3, 0, 100);
  g_autoptr(GError) error = NULL;
  double observed;
  double expected;

  assert_undefined (data, "x");
  assert_undefined (empty, NULL);
  g_assert_true (gloss_unitizing_disagreement (empty, NULL, &observed, &expected, &error));
  g_assert_no_error (error);
  g_assert_true (isnan (observed));
  g_assert_true (isnan (expected));
}

/* Units of one character covering the whole continuum leave no gap and
 * no unit that could lie elsewhere: no expected disagreement. */
static void
test_no_expected_disagreement (void)
{
  g_autoptr(GlossUnitizingData) data = gloss_unitizing_data_new (2, 0, 3);

  for (guint coder = 0; coder < 2; coder++)
    for (gint64 start = 0; start < 3; start++)
      gloss_unitizing_data_add_unit (data, coder, start, 1, "c");
  assert_undefined (data, "c");
  assert_undefined (data, NULL);
}

/* Three coders: pairs are averaged, and a coder who marks nothing still
 * counts (their whole continuum is a gap). */
static void
test_three_coders (void)
{
  g_autoptr(GlossUnitizingData) agree = gloss_unitizing_data_new (3, 0, 100);
  g_autoptr(GlossUnitizingData) silent = gloss_unitizing_data_new (3, 0, 100);
  GlossReliabilityResult a;
  GlossReliabilityResult b;
  g_autoptr(GError) error = NULL;

  for (guint coder = 0; coder < 3; coder++)
    {
      gloss_unitizing_data_add_unit (agree, coder, 10, 20, "c");
      gloss_unitizing_data_add_unit (agree, coder, 50, 10, "c");
    }
  assert_alpha (agree, NULL, 1.0, 1e-12);

  for (guint coder = 0; coder < 2; coder++)
    {
      gloss_unitizing_data_add_unit (silent, coder, 10, 20, "c");
      gloss_unitizing_data_add_unit (silent, coder, 50, 10, "c");
    }
  g_assert_true (gloss_unitizing_alpha (silent, "c", &a, &error));
  g_assert_no_error (error);
  g_assert_true (a.defined);
  g_assert_cmpfloat (a.value, <, 1.0);

  /* Shifting one unit of one coder a little disagrees less than leaving it out. */
  gloss_unitizing_data_add_unit (silent, 2, 10, 20, "c");
  gloss_unitizing_data_add_unit (silent, 2, 52, 10, "c");
  g_assert_true (gloss_unitizing_alpha (silent, "c", &b, &error));
  g_assert_no_error (error);
  g_assert_true (b.defined);
  g_assert_cmpfloat (b.value, >, a.value);
  g_assert_cmpfloat (b.value, <, 1.0);
}

static void
test_bad_input (void)
{
  g_autoptr(GlossUnitizingData) coder = gloss_unitizing_data_new (2, 0, 100);
  g_autoptr(GlossUnitizingData) before = gloss_unitizing_data_new (2, 10, 100);
  g_autoptr(GlossUnitizingData) after = gloss_unitizing_data_new (2, 10, 100);
  g_autoptr(GlossUnitizingData) negative = gloss_unitizing_data_new (2, 0, 100);
  g_autoptr(GlossUnitizingData) empty = gloss_unitizing_data_new (2, 0, 100);
  g_autoptr(GlossUnitizingData) overlap = gloss_unitizing_data_new (2, 0, 100);

  gloss_unitizing_data_add_unit (coder, 2, 10, 5, "c");
  assert_error (coder, GLOSS_ERROR_OUT_OF_RANGE, "coder 3");

  gloss_unitizing_data_add_unit (before, 0, 5, 10, "c");
  assert_error (before, GLOSS_ERROR_OUT_OF_RANGE, "continuum");

  gloss_unitizing_data_add_unit (after, 0, 100, 5, "c");
  gloss_unitizing_data_add_unit (after, 1, 100, 11, "c");
  assert_error (after, GLOSS_ERROR_OUT_OF_RANGE, "Unit 2");

  gloss_unitizing_data_add_unit (negative, 0, 10, -5, "c");
  assert_error (negative, GLOSS_ERROR_INVALID, "-5");

  gloss_unitizing_data_add_unit (empty, 0, 10, 0, "c");
  assert_error (empty, GLOSS_ERROR_INVALID, "Unit 1");

  /* Units of two categories may overlap; two of one category may not. */
  gloss_unitizing_data_add_unit (overlap, 0, 10, 20, "c");
  gloss_unitizing_data_add_unit (overlap, 0, 15, 20, "k");
  gloss_unitizing_data_add_unit (overlap, 1, 10, 20, "c");
  assert_alpha (overlap, "c", 1.0, 1e-12);
  gloss_unitizing_data_add_unit (overlap, 0, 25, 10, "c");
  assert_error (overlap, GLOSS_ERROR_INVALID, "overlap");
}

/* Sums of the published example: the same α_U per category and over both. */
static void
test_sums_published (void)
{
  g_autoptr(GlossUnitizingData) data = krippendorff_2004_example ();
  g_autoptr(GlossUnitizingSums) c = gloss_unitizing_sums_new (2);
  g_autoptr(GlossUnitizingSums) k = gloss_unitizing_sums_new (2);
  const GlossUnitizingSums *both[2];
  GlossReliabilityResult result;
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_unitizing_sums_add_data (c, data, "c", &error));
  g_assert_true (gloss_unitizing_sums_add_data (k, data, "k", &error));
  g_assert_no_error (error);
  both[0] = c;
  gloss_unitizing_sums_alpha (both, 1, &result);
  g_assert_true (result.defined);
  g_assert_cmpfloat_with_epsilon (result.value, 0.7286, 0.0001);
  g_assert_cmpuint (result.n_units, ==, 5);
  both[1] = k;
  gloss_unitizing_sums_alpha (both, 2, &result);
  g_assert_cmpfloat_with_epsilon (result.value, 0.8591, 0.0005);
  g_assert_cmpuint (result.n_units, ==, 9);
}

/* Two continua pooled are one continuum made of both, where the coders'
 * gaps do not run from one into the other: here each coder's last unit
 * ends the first continuum. */
static void
test_sums_pooled (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint round = 0; round < 50; round++)
    {
      guint n_coders = g_rand_int_range (rand, 2, 5);
      gint64 lengths[2] = { g_rand_int_range (rand, 20, 200), g_rand_int_range (rand, 20, 200) };
      g_autoptr(GlossUnitizingData) whole = gloss_unitizing_data_new (n_coders, 0, lengths[0] + lengths[1]);
      g_autoptr(GlossUnitizingSums) pooled = gloss_unitizing_sums_new (n_coders);
      g_autoptr(GlossUnitizingSums) direct = gloss_unitizing_sums_new (n_coders);
      g_autoptr(GError) error = NULL;
      double o1, e1, o2, e2;

      for (guint part = 0; part < 2; part++)
        {
          gint64 offset = part == 0 ? 0 : lengths[0];
          g_autoptr(GlossUnitizingData) data = gloss_unitizing_data_new (n_coders, 0, lengths[part]);

          for (guint coder = 0; coder < n_coders; coder++)
            {
              gint64 pos = 0;
              gint64 end = lengths[part] - (part == 0 ? 5 : 0);

              while (pos < end)
                {
                  gint64 start = pos + g_rand_int_range (rand, 0, 15);
                  gint64 length = g_rand_int_range (rand, 1, 12);

                  if (start + length > end)
                    break;
                  gloss_unitizing_data_add_unit (data, coder, start, length, "claim");
                  gloss_unitizing_data_add_unit (whole, coder, offset + start, length, "claim");
                  pos = start + length;
                }
              if (part == 0)
                {
                  gloss_unitizing_data_add_unit (data, coder, end, 5, "claim");
                  gloss_unitizing_data_add_unit (whole, coder, end, 5, "claim");
                }
            }
          g_assert_true (gloss_unitizing_sums_add_data (pooled, data, "claim", &error));
          g_assert_no_error (error);
        }
      g_assert_true (gloss_unitizing_sums_add_data (direct, whole, "claim", &error));
      g_assert_no_error (error);
      gloss_unitizing_sums_get_disagreement (pooled, &o1, &e1);
      gloss_unitizing_sums_get_disagreement (direct, &o2, &e2);
      g_assert_cmpfloat_with_epsilon (o1, o2, 1e-12);
      g_assert_cmpfloat_with_epsilon (e1, e2, 1e-12);
      g_assert_cmpfloat (e1, >, 0);
      g_assert_true (gloss_unitizing_disagreement (whole, "claim", &o2, &e2, &error));
      g_assert_cmpfloat_with_epsilon (o1, o2, 1e-12);
      g_assert_cmpfloat_with_epsilon (e1, e2, 1e-12);
    }
}

/* A category no coder marked in one continuum still counts its length. */
static void
test_sums_empty_continuum (void)
{
  g_autoptr(GlossUnitizingData) data = krippendorff_2004_example ();
  g_autoptr(GlossUnitizingData) empty = gloss_unitizing_data_new (2, 0, 300);
  g_autoptr(GlossUnitizingSums) sums = gloss_unitizing_sums_new (2);
  g_autoptr(GlossUnitizingSums) alone = gloss_unitizing_sums_new (2);
  g_autoptr(GError) error = NULL;
  double o1, e1, o2, e2;

  g_assert_true (gloss_unitizing_sums_add_data (alone, empty, "c", &error));
  gloss_unitizing_sums_get_disagreement (alone, &o1, &e1);
  g_assert_true (isnan (o1) && isnan (e1));

  g_assert_true (gloss_unitizing_sums_add_data (sums, data, "c", &error));
  gloss_unitizing_sums_get_disagreement (sums, &o1, &e1);
  gloss_unitizing_sums_add (sums, alone);
  gloss_unitizing_sums_get_disagreement (sums, &o2, &e2);
  g_assert_no_error (error);
  /* Twice as long, the same distances: a quarter of the observed. */
  g_assert_cmpfloat_with_epsilon (o2, o1 / 4, 1e-12);
  g_assert_cmpfloat (e2, !=, e1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/unitizing/distance/published", test_distance_published);
  g_test_add_func ("/unitizing/distance/cases", test_distance_cases);
  g_test_add_func ("/unitizing/published/categories", test_categories_published);
  g_test_add_func ("/unitizing/published/overall", test_overall_published);
  g_test_add_func ("/unitizing/order", test_order);
  g_test_add_func ("/unitizing/sums/published", test_sums_published);
  g_test_add_func ("/unitizing/sums/pooled", test_sums_pooled);
  g_test_add_func ("/unitizing/sums/empty-continuum", test_sums_empty_continuum);
  g_test_add_func ("/unitizing/three-coders", test_three_coders);
  g_test_add_func ("/unitizing/undefined/one-coder", test_one_coder);
  g_test_add_func ("/unitizing/undefined/no-units", test_no_units);
  g_test_add_func ("/unitizing/undefined/no-expected-disagreement", test_no_expected_disagreement);
  g_test_add_func ("/unitizing/error/bad-input", test_bad_input);

  return g_test_run ();
}
