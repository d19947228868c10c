/* test-span-match.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdio.h>

#include "gloss-span-match.h"

/* The expected numbers below are worked out by hand in the comments, from
 * the pairing rule of gloss-span-match.h, not with the code under test. */

#define STAMP "2020-01-02T03:04:05Z"
#define EPSILON 1e-9

/* A layer from "TAG:START-END TAG:START-END ...". */
static GlossLayer *
layer_of (const char *spec)
{
  GlossLayer *layer = gloss_layer_new ("someone", "Someone");
  g_auto(GStrv) words = g_strsplit (spec, " ", -1);
  static guint serial;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *id = NULL;
      g_autoptr(GlossAnnotation) annotation = NULL;
      char tag[32];
      guint start, end;

      if (words[i][0] == '\0')
        continue;
      g_assert_cmpint (sscanf (words[i], "%31[^:]:%u-%u", tag, &start, &end), ==, 3);
      id = g_strdup_printf ("a%u", ++serial);
      annotation = gloss_annotation_new_full (id, tag, start, end, NULL, NULL, NULL, NULL,
                                              STAMP, STAMP);
      g_assert_true (gloss_layer_add (layer, annotation));
    }

  return layer;
}

static GlossSpanMatch *
compare (const char *a,
         const char *b,
         const char *tag)
{
  g_autoptr(GlossLayer) la = layer_of (a);
  g_autoptr(GlossLayer) lb = layer_of (b);

  return gloss_span_match_new (la, lb, tag);
}

/* matched, tag differs, boundary differs, only in A, only in B */
static void
assert_counts (const GlossSpanCounts *counts,
               guint                  matched,
               guint                  tag_differs,
               guint                  boundary_differs,
               guint                  only_a,
               guint                  only_b)
{
  g_assert_cmpuint (counts->n[GLOSS_SPAN_MATCHED], ==, matched);
  g_assert_cmpuint (counts->n[GLOSS_SPAN_TAG_DIFFERS], ==, tag_differs);
  g_assert_cmpuint (counts->n[GLOSS_SPAN_BOUNDARY_DIFFERS], ==, boundary_differs);
  g_assert_cmpuint (counts->n[GLOSS_SPAN_ONLY_A], ==, only_a);
  g_assert_cmpuint (counts->n[GLOSS_SPAN_ONLY_B], ==, only_b);
}

static void
assert_score (GlossScore score,
              double     value)
{
  g_assert_cmpint (score.status, ==, GLOSS_SCORE_DEFINED);
  g_assert_cmpfloat_with_epsilon (score.value, value, EPSILON);
}

static void
assert_undefined (GlossScore       score,
                  GlossScoreStatus status)
{
  g_assert_cmpint (score.status, ==, status);
  g_assert_true (isnan (score.value));
}

static void
assert_scores (const GlossSpanCounts *counts,
               GlossSpanMode          mode,
               double                 precision,
               double                 recall,
               double                 f1)
{
  GlossSpanScores scores;

  gloss_span_counts_get_scores (counts, mode, &scores);
  assert_score (scores.precision, precision);
  assert_score (scores.recall, recall);
  assert_score (scores.f1, f1);
}

static void
assert_disagreement (GlossSpanMatch *match,
                     guint           index,
                     GlossSpanOutcome   kind,
                     const char     *tag_a,
                     guint           start_a,
                     guint           end_a,
                     const char     *tag_b,
                     guint           start_b,
                     guint           end_b)
{
  GPtrArray *list = gloss_span_match_get_disagreements (match);
  GlossSpanDisagreement *d;

  g_assert_cmpuint (index, <, list->len);
  d = list->pdata[index];
  g_assert_cmpstr (gloss_span_outcome_to_string (d->kind), ==, gloss_span_outcome_to_string (kind));
  g_assert_cmpstr (d->tag_a, ==, tag_a);
  g_assert_cmpuint (d->start_a, ==, start_a);
  g_assert_cmpuint (d->end_a, ==, end_a);
  g_assert_cmpstr (d->tag_b, ==, tag_b);
  g_assert_cmpuint (d->start_b, ==, start_b);
  g_assert_cmpuint (d->end_b, ==, end_b);
}

static void
test_exact (void)
{
  g_autoptr(GlossSpanMatch) match = compare ("P:0-5", "P:0-5", NULL);
  const GlossSpanCounts *counts = gloss_span_match_get_counts (match);

  /* One pair, matched: 1/1 everywhere. */
  assert_counts (counts, 1, 0, 0, 0, 0);
  assert_scores (counts, GLOSS_SPAN_STRICT, 1, 1, 1);
  assert_scores (counts, GLOSS_SPAN_LENIENT, 1, 1, 1);
  assert_scores (counts, GLOSS_SPAN_AVERAGE, 1, 1, 1);
  g_assert_cmpuint (gloss_span_match_get_disagreements (match)->len, ==, 0);
}

static void
test_tag_differs (void)
{
  g_autoptr(GlossSpanMatch) match = compare ("P:0-5", "Q:0-5", NULL);
  const GlossSpanCounts *counts = gloss_span_match_get_counts (match);
  GlossSpanCounts row;

  /* Same span, other tag: neither strict nor lenient, 0/1 everywhere. */
  assert_counts (counts, 0, 1, 0, 0, 0);
  assert_scores (counts, GLOSS_SPAN_STRICT, 0, 0, 0);
  assert_scores (counts, GLOSS_SPAN_LENIENT, 0, 0, 0);

  /* Per tag, as if each were compared alone: P only in A, Q only in B. */
  gloss_span_match_get_tag_counts (match, "P", &row);
  assert_counts (&row, 0, 0, 0, 1, 0);
  gloss_span_match_get_tag_counts (match, "Q", &row);
  assert_counts (&row, 0, 0, 0, 0, 1);

  g_assert_cmpuint (gloss_span_match_get_disagreements (match)->len, ==, 1);
  assert_disagreement (match, 0, GLOSS_SPAN_TAG_DIFFERS, "P", 0, 5, "Q", 0, 5);
}

static void
test_boundary_differs (void)
{
  g_autoptr(GlossSpanMatch) match = compare ("P:0-10", "P:2-10", NULL);
  const GlossSpanCounts *counts = gloss_span_match_get_counts (match);

  /* Strict 0/1; lenient 1/1; average (0 + 1) / 2. */
  assert_counts (counts, 0, 0, 1, 0, 0);
  assert_scores (counts, GLOSS_SPAN_STRICT, 0, 0, 0);
  assert_scores (counts, GLOSS_SPAN_LENIENT, 1, 1, 1);
  assert_scores (counts, GLOSS_SPAN_AVERAGE, 0.5, 0.5, 0.5);
  assert_disagreement (match, 0, GLOSS_SPAN_BOUNDARY_DIFFERS, "P", 0, 10, "P", 2, 10);
}

static void
test_nested (void)
{
  g_autoptr(GlossSpanMatch) inside = compare ("P:0-20", "P:5-10", NULL);
  g_autoptr(GlossSpanMatch) two = compare ("P:0-20 P:5-10", "P:4-12", NULL);
  const GlossSpanCounts *counts;

  /* A span inside the other overlaps it. */
  assert_counts (gloss_span_match_get_counts (inside), 0, 0, 1, 0, 0);

  /* A's spans are taken by start: [0,20) first, which shares 8
   * characters with [4,12) and takes it; [5,10) is left only in A.
   * Lenient: P = 1/1, R = 1/2, F1 = 2*1/(2+1) = 2/3. */
  counts = gloss_span_match_get_counts (two);
  assert_counts (counts, 0, 0, 1, 1, 0);
  assert_scores (counts, GLOSS_SPAN_STRICT, 0, 0, 0);
  assert_scores (counts, GLOSS_SPAN_LENIENT, 1, 0.5, 2.0 / 3);
  assert_disagreement (two, 0, GLOSS_SPAN_BOUNDARY_DIFFERS, "P", 0, 20, "P", 4, 12);
  assert_disagreement (two, 1, GLOSS_SPAN_ONLY_A, "P", 5, 10, NULL, 0, 0);
}

static void
test_overlapping (void)
{
  g_autoptr(GlossSpanMatch) match = compare ("P:0-10", "P:5-15", NULL);
  g_autoptr(GlossSpanMatch) touching = compare ("P:0-10", "P:10-15", NULL);

  assert_counts (gloss_span_match_get_counts (match), 0, 0, 1, 0, 0);
  /* [0,10) and [10,15) share no character: the end is excluded. */
  assert_counts (gloss_span_match_get_counts (touching), 0, 0, 0, 1, 1);
}

/* One A span overlapping two B spans: it is paired with the one sharing
 * the most characters with it, or on a tie the one starting first; the
 * other is only in B. */
static void
test_ambiguous (void)
{
  g_autoptr(GlossSpanMatch) most = compare ("P:0-10", "P:0-3 P:5-10", NULL);
  g_autoptr(GlossSpanMatch) tie = compare ("P:0-10", "P:0-4 P:6-10", NULL);
  g_autoptr(GlossSpanMatch) two_a = compare ("P:0-6 P:4-10", "P:3-9", NULL);
  const GlossSpanCounts *counts;

  /* [0,3) shares 3 characters, [5,10) 5: [5,10) is paired.
   * Lenient: P = 1/2, R = 1/1, F1 = 2*1/(1+2) = 2/3. */
  counts = gloss_span_match_get_counts (most);
  assert_counts (counts, 0, 0, 1, 0, 1);
  assert_scores (counts, GLOSS_SPAN_LENIENT, 0.5, 1, 2.0 / 3);
  assert_disagreement (most, 0, GLOSS_SPAN_BOUNDARY_DIFFERS, "P", 0, 10, "P", 5, 10);
  assert_disagreement (most, 1, GLOSS_SPAN_ONLY_B, NULL, 0, 0, "P", 0, 3);

  /* 4 characters each: [0,4), the first, is paired. */
  assert_counts (gloss_span_match_get_counts (tie), 0, 0, 1, 0, 1);
  assert_disagreement (tie, 0, GLOSS_SPAN_BOUNDARY_DIFFERS, "P", 0, 10, "P", 0, 4);
  assert_disagreement (tie, 1, GLOSS_SPAN_ONLY_B, NULL, 0, 0, "P", 6, 10);

  /* Two A spans overlapping one B span: the A span starting first, [0,6),
   * takes it (3 characters shared), though [4,10) would share 5. */
  assert_counts (gloss_span_match_get_counts (two_a), 0, 0, 1, 1, 0);
  assert_disagreement (two_a, 0, GLOSS_SPAN_BOUNDARY_DIFFERS, "P", 0, 6, "P", 3, 9);
  assert_disagreement (two_a, 1, GLOSS_SPAN_ONLY_A, "P", 4, 10, NULL, 0, 0);
}

static void
test_missing (void)
{
  g_autoptr(GlossSpanMatch) match = compare ("P:0-5 P:10-15", "P:0-5", NULL);
  g_autoptr(GlossSpanMatch) swapped = compare ("P:0-5", "P:0-5 P:10-15", NULL);
  const GlossSpanCounts *counts = gloss_span_match_get_counts (match);

  /* P = 1/1, R = 1/2, F1 = 2*1/(2+1) = 2/3. */
  assert_counts (counts, 1, 0, 0, 1, 0);
  assert_scores (counts, GLOSS_SPAN_STRICT, 1, 0.5, 2.0 / 3);
  assert_disagreement (match, 0, GLOSS_SPAN_ONLY_A, "P", 10, 15, NULL, 0, 0);

  /* The other way round, P and R change places and F1 stays. */
  counts = gloss_span_match_get_counts (swapped);
  assert_counts (counts, 1, 0, 0, 0, 1);
  assert_scores (counts, GLOSS_SPAN_STRICT, 0.5, 1, 2.0 / 3);
}

static void
test_empty (void)
{
  g_autoptr(GlossSpanMatch) both = compare ("", "", NULL);
  g_autoptr(GlossSpanMatch) no_b = compare ("P:0-5", "", NULL);
  g_autoptr(GlossSpanMatch) no_a = compare ("", "P:0-5", NULL);
  g_auto(GStrv) tags = gloss_span_match_get_tags (both);
  GlossSpanScores scores;

  /* Nothing on either side: nothing is defined, in any mode. */
  assert_counts (gloss_span_match_get_counts (both), 0, 0, 0, 0, 0);
  for (GlossSpanMode mode = GLOSS_SPAN_STRICT; mode <= GLOSS_SPAN_AVERAGE; mode++)
    {
      gloss_span_counts_get_scores (gloss_span_match_get_counts (both), mode, &scores);
      assert_undefined (scores.precision, GLOSS_SCORE_EMPTY_BOTH);
      assert_undefined (scores.recall, GLOSS_SCORE_EMPTY_BOTH);
      assert_undefined (scores.f1, GLOSS_SCORE_EMPTY_BOTH);
    }
  g_assert_null (tags[0]);

  /* B empty: P has no denominator; R = 0/1; F1 = 0/(1+0) = 0. */
  gloss_span_counts_get_scores (gloss_span_match_get_counts (no_b), GLOSS_SPAN_AVERAGE, &scores);
  assert_undefined (scores.precision, GLOSS_SCORE_EMPTY_B);
  assert_score (scores.recall, 0);
  assert_score (scores.f1, 0);
  g_assert_cmpstr (gloss_score_status_to_string (scores.precision.status), ==, "empty-b");

  /* A empty: R has no denominator; P = 0/1; F1 = 0. */
  gloss_span_counts_get_scores (gloss_span_match_get_counts (no_a), GLOSS_SPAN_STRICT, &scores);
  assert_score (scores.precision, 0);
  assert_undefined (scores.recall, GLOSS_SCORE_EMPTY_A);
  assert_score (scores.f1, 0);
}

/* A:  P[0,5)  Q[10,20)  P[30,40)  R[50,60)
 * B:  P[0,5)  Q[12,20)  Q[30,40)  S[70,80)
 * Round 1: P[0,5) matched.  Round 2: Q[10,20) with Q[12,20), boundary.
 * Round 3: P[30,40) with Q[30,40), tag differs.  R only in A, S only in
 * B.  |A| = |B| = 4.  Strict: 1/4, 1/4, F1 2/8.  Lenient: 2/4, 2/4,
 * F1 4/8.  Average: 0.375 each. */
static void
test_several_tags (void)
{
  g_autoptr(GlossSpanMatch) match = compare ("P:0-5 Q:10-20 P:30-40 R:50-60",
                                             "P:0-5 Q:12-20 Q:30-40 S:70-80", NULL);
  g_autoptr(GlossSpanMatch) only_q = compare ("P:0-5 Q:10-20 P:30-40 R:50-60",
                                              "P:0-5 Q:12-20 Q:30-40 S:70-80", "Q");
  const GlossSpanCounts *counts = gloss_span_match_get_counts (match);
  g_auto(GStrv) tags = gloss_span_match_get_tags (match);
  g_auto(GStrv) q_tags = gloss_span_match_get_tags (only_q);
  GlossSpanCounts row, rows = { { 0 } };
  GlossSpanScores scores;
  const char * const expected_tags[] = { "P", "Q", "R", "S", NULL };

  assert_counts (counts, 1, 1, 1, 1, 1);
  assert_scores (counts, GLOSS_SPAN_STRICT, 0.25, 0.25, 0.25);
  assert_scores (counts, GLOSS_SPAN_LENIENT, 0.5, 0.5, 0.5);
  assert_scores (counts, GLOSS_SPAN_AVERAGE, 0.375, 0.375, 0.375);

  g_assert_cmpstrv (tags, expected_tags);

  /* P: [0,5) matched, [30,40) only in A.  Strict P = 1/1, R = 1/2. */
  gloss_span_match_get_tag_counts (match, "P", &row);
  assert_counts (&row, 1, 0, 0, 1, 0);
  assert_scores (&row, GLOSS_SPAN_STRICT, 1, 0.5, 2.0 / 3);
  gloss_span_counts_add (&rows, &row);
  /* Q: boundary differs, and [30,40) only in B. */
  gloss_span_match_get_tag_counts (match, "Q", &row);
  assert_counts (&row, 0, 0, 1, 0, 1);
  gloss_span_counts_add (&rows, &row);
  /* R: only in A, so B has none of it: precision undefined. */
  gloss_span_match_get_tag_counts (match, "R", &row);
  assert_counts (&row, 0, 0, 0, 1, 0);
  gloss_span_counts_get_scores (&row, GLOSS_SPAN_STRICT, &scores);
  assert_undefined (scores.precision, GLOSS_SCORE_EMPTY_B);
  assert_score (scores.recall, 0);
  gloss_span_counts_add (&rows, &row);
  gloss_span_match_get_tag_counts (match, "S", &row);
  assert_counts (&row, 0, 0, 0, 0, 1);
  gloss_span_counts_add (&rows, &row);
  gloss_span_match_get_tag_counts (match, "T", &row);
  assert_counts (&row, 0, 0, 0, 0, 0);

  /* The rows pooled: the tag-differs pair is one only in A and one only
   * in B, and the scores are the total's. */
  assert_counts (&rows, 1, 0, 1, 2, 2);
  assert_scores (&rows, GLOSS_SPAN_STRICT, 0.25, 0.25, 0.25);
  assert_scores (&rows, GLOSS_SPAN_LENIENT, 0.5, 0.5, 0.5);

  /* Q alone: as its row. */
  assert_counts (gloss_span_match_get_counts (only_q), 0, 0, 1, 0, 1);
  g_assert_cmpstr (q_tags[0], ==, "Q");
  g_assert_null (q_tags[1]);

  g_assert_cmpuint (gloss_span_match_get_disagreements (match)->len, ==, 4);
  assert_disagreement (match, 0, GLOSS_SPAN_BOUNDARY_DIFFERS, "Q", 10, 20, "Q", 12, 20);
  assert_disagreement (match, 1, GLOSS_SPAN_TAG_DIFFERS, "P", 30, 40, "Q", 30, 40);
  assert_disagreement (match, 2, GLOSS_SPAN_ONLY_A, "R", 50, 60, NULL, 0, 0);
  assert_disagreement (match, 3, GLOSS_SPAN_ONLY_B, NULL, 0, 0, "S", 70, 80);
}

/* Article 1: P[0,5) matched, P[10,15) only in A.  Article 2: P and Q on
 * [0,5), tag differs.  Pooled: 1 matched, 1 tag differs, 1 only in A;
 * |A| = 3, |B| = 2; strict P = 1/2, R = 1/3, F1 = 2/5.  The same as one
 * article holding both, the second moved to [100,105). */
static void
test_pooling (void)
{
  g_autoptr(GlossSpanMatch) first = compare ("P:0-5 P:10-15", "P:0-5", NULL);
  g_autoptr(GlossSpanMatch) second = compare ("P:0-5", "Q:0-5", NULL);
  g_autoptr(GlossSpanMatch) together = compare ("P:0-5 P:10-15 P:100-105",
                                                "P:0-5 Q:100-105", NULL);
  g_autoptr(GlossSpanMatch) total = gloss_span_match_new_empty ();
  const GlossSpanCounts *counts;
  GlossSpanCounts row, row_together;
  g_auto(GStrv) tags = NULL;

  gloss_span_match_add (total, first);
  gloss_span_match_add (total, second);

  counts = gloss_span_match_get_counts (total);
  assert_counts (counts, 1, 1, 0, 1, 0);
  assert_scores (counts, GLOSS_SPAN_STRICT, 0.5, 1.0 / 3, 0.4);
  g_assert_cmpmem (counts, sizeof *counts,
                   gloss_span_match_get_counts (together), sizeof *counts);

  tags = gloss_span_match_get_tags (total);
  g_assert_cmpuint (g_strv_length (tags), ==, 2);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      gloss_span_match_get_tag_counts (total, tags[i], &row);
      gloss_span_match_get_tag_counts (together, tags[i], &row_together);
      g_assert_cmpmem (&row, sizeof row, &row_together, sizeof row_together);
    }
  gloss_span_match_get_tag_counts (total, "P", &row);
  assert_counts (&row, 1, 0, 0, 2, 0);

  /* Disagreements stay with their article. */
  g_assert_cmpuint (gloss_span_match_get_disagreements (total)->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/span-match/exact", test_exact);
  g_test_add_func ("/span-match/tag-differs", test_tag_differs);
  g_test_add_func ("/span-match/boundary-differs", test_boundary_differs);
  g_test_add_func ("/span-match/nested", test_nested);
  g_test_add_func ("/span-match/overlapping", test_overlapping);
  g_test_add_func ("/span-match/ambiguous", test_ambiguous);
  g_test_add_func ("/span-match/missing", test_missing);
  g_test_add_func ("/span-match/empty", test_empty);
  g_test_add_func ("/span-match/several-tags", test_several_tags);
  g_test_add_func ("/span-match/pooling", test_pooling);

  return g_test_run ();
}
