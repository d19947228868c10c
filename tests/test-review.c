/* test-review.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"


#include "gloss-annotation-private.h"
#include "layer-test-util.h"
#include "gloss-review.h"

static const char text[] = "aaa bbb ccc ddd eee fff ggg hhh iii jjj kkk lll mmm nnn ooo ppp";

static void
assert_unit (GlossReview     *review,
             guint            index,
             guint            start,
             guint            end,
             GlossReviewKind  kind,
             guint            n_versions)
{
  const GlossReviewUnit *unit = gloss_review_get_unit (review, index);

  g_assert_cmpuint (unit->start, ==, start);
  g_assert_cmpuint (unit->end, ==, end);
  g_assert_cmpint (unit->kind, ==, kind);
  g_assert_cmpuint (unit->versions->len, ==, n_versions);
}

/* Each kind, and passages that stay apart. */
static void
test_units (void)
{
  g_autoptr(GlossSource) source = gloss_source_new_from_text (text, -1, "a.txt");
  g_autoptr(GPtrArray) layers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossReview) review = NULL;
  const GlossReviewUnit *unit;

  /* 0-7: agreed.  8-15: tag differs (same span).  16-23 / 16-27:
   * boundary differs.  28-31: only alice.  32-47 controversy with a
   * claim 36-39 nested: two units.  48-55 claim alice, 52-59 claim bob
   * and 56-63 claim carol: a chain, one unit. */
  g_ptr_array_add (layers, layer_with_marks (source, "alice",
                                       "claim:0-7 claim:8-15 company:16-23 claim:28-31 "
                                       "controversy:32-47 claim:36-39 claim:48-55"));
  g_ptr_array_add (layers, layer_with_marks (source, "bob",
                                       "claim:0-7 controversy:8-15 company:16-27 "
                                       "controversy:32-47 claim:36-39 claim:52-59"));
  g_ptr_array_add (layers, layer_with_marks (source, "carol",
                                       "claim:0-7 claim:8-15 company:16-27 "
                                       "controversy:32-47 claim:36-39 claim:56-63"));
  review = gloss_review_new (layers);

  g_assert_cmpuint (gloss_review_get_n_annotators (review), ==, 3);
  g_assert_cmpuint (gloss_review_get_n_units (review), ==, 7);
  assert_unit (review, 0, 0, 7, GLOSS_REVIEW_AGREED, 3);
  assert_unit (review, 1, 8, 15, GLOSS_REVIEW_TAG_DIFFERS, 3);
  assert_unit (review, 2, 16, 27, GLOSS_REVIEW_BOUNDARY_DIFFERS, 3);
  assert_unit (review, 3, 28, 31, GLOSS_REVIEW_MISSING, 1);
  assert_unit (review, 4, 32, 47, GLOSS_REVIEW_AGREED, 3);
  assert_unit (review, 5, 36, 39, GLOSS_REVIEW_AGREED, 3);
  assert_unit (review, 6, 48, 63, GLOSS_REVIEW_BOUNDARY_DIFFERS, 3);
  g_assert_cmpuint (gloss_review_get_n_disagreements (review), ==, 4);

  /* Versions come by annotator. */
  unit = gloss_review_get_unit (review, 1);
  g_assert_cmpuint (g_array_index (unit->versions, GlossReviewVersion, 1).annotator, ==, 1);
  g_assert_cmpstr (gloss_annotation_get_tag (g_array_index (unit->versions, GlossReviewVersion, 1).annotation),
                   ==, "controversy");
  g_assert_cmpint (gloss_review_find_unit (review, g_array_index (unit->versions, GlossReviewVersion, 2).annotation),
                   ==, 1);

  /* Stepping through the disagreements. */
  g_assert_cmpint (gloss_review_find_disagreement (review, 0, FALSE, TRUE), ==, 1);
  g_assert_cmpint (gloss_review_find_disagreement (review, 8, FALSE, TRUE), ==, 1);
  g_assert_cmpint (gloss_review_find_disagreement (review, 8, FALSE, FALSE), ==, 2);
  g_assert_cmpint (gloss_review_find_disagreement (review, 28, FALSE, FALSE), ==, 6);
  g_assert_cmpint (gloss_review_find_disagreement (review, 48, FALSE, FALSE), ==, -1);
  g_assert_cmpint (gloss_review_find_disagreement (review, 48, TRUE, FALSE), ==, 3);
  g_assert_cmpint (gloss_review_find_disagreement (review, 48, TRUE, TRUE), ==, 6);
  g_assert_cmpint (gloss_review_find_disagreement (review, 8, TRUE, FALSE), ==, -1);
}

/* A tag differs and a boundary too; a passage one annotator split in
 * two; orphans are left out. */
static void
test_mixed_and_orphans (void)
{
  g_autoptr(GlossSource) source = gloss_source_new_from_text (text, -1, "a.txt");
  g_autoptr(GPtrArray) layers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossReview) review = NULL;
  g_autoptr(GlossAnnotation) orphan = gloss_annotation_new_full ("o", "claim", 40, 47, "zzz", "", "", NULL,
                                                                 NULL, NULL);
  GlossLayer *bob;

  g_ptr_array_add (layers, layer_with_marks (source, "alice", "claim:0-15 company:20-27"));
  bob = layer_with_marks (source, "bob", "claim:0-7 claim:8-15 company:20-27 claim:20-27");
  g_ptr_array_add (layers, bob);
  _gloss_annotation_set_status (orphan, GLOSS_ANCHOR_ORPHANED);
  g_assert_true (gloss_layer_add (bob, orphan));
  review = gloss_review_new (layers);

  g_assert_cmpuint (gloss_review_get_n_units (review), ==, 2);
  assert_unit (review, 0, 0, 15, GLOSS_REVIEW_BOUNDARY_DIFFERS, 3);
  assert_unit (review, 1, 20, 27, GLOSS_REVIEW_TAG_DIFFERS, 3);
  g_assert_cmpint (gloss_review_find_unit (review, orphan), ==, -1);
}

/* Large layers: units found in n log n (a few hundred thousand passages
 * in well under a second even here), every passage in one unit. */
static void
test_many (void)
{
  g_autoptr(GlossSource) source = source_of_words (20000);
  g_autoptr(GPtrArray) layers = layers_at_random (source, 3, 5000, 3);
  g_autoptr(GlossReview) review = NULL;
  guint total = 0, n_passages = 0;

  for (guint a = 0; a < layers->len; a++)
    n_passages += g_list_model_get_n_items (g_ptr_array_index (layers, a));
  review = gloss_review_new (layers);
  for (guint u = 0; u < gloss_review_get_n_units (review); u++)
    total += gloss_review_get_unit (review, u)->versions->len;
  g_assert_cmpuint (total, ==, n_passages);
  g_assert_cmpuint (gloss_review_get_n_units (review), <, n_passages);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/review/units", test_units);
  g_test_add_func ("/review/mixed-and-orphans", test_mixed_and_orphans);
  g_test_add_func ("/review/many", test_many);

  return g_test_run ();
}
