/* test-review-decide.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "gloss-annotation-file.h"
#include "gloss-annotation-private.h"
#include "gloss-consensus.h"
#include "gloss-review.h"
#include "layer-test-util.h"

static const char text[] = "aaa bbb ccc ddd eee fff ggg hhh iii jjj kkk lll mmm nnn ooo ppp";

#define BY "rev"
#define AT "2026-12-01T10:00:00Z"

typedef struct
{
  GlossSource *source;
  GPtrArray *layers;
  GlossLayer *consensus;
  GlossReview *review;
} Fixture;

/* Three annotators.  Units: 0 (0-7) agreed; 1 (8-15) tag differs;
 * 2 (16-27) boundary differs; 3 (28-31) alice only; 4 (32-47) agreed
 * with 5 (36-39, another tag) agreed inside it; 6 (48-63) a chain. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->source = gloss_source_new_from_text (text, -1, "a.txt");
  f->layers = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (f->layers, layer_with_marks (f->source, "alice",
                                                "claim:0-7 claim:8-15 company:16-23 claim:28-31 "
                                                "controversy:32-47 claim:36-39 claim:48-55"));
  g_ptr_array_add (f->layers, layer_with_marks (f->source, "bob",
                                                "claim:0-7 controversy:8-15 company:16-27 "
                                                "controversy:32-47 claim:36-39 claim:52-59"));
  g_ptr_array_add (f->layers, layer_with_marks (f->source, "carol",
                                                "claim:0-7 claim:8-15 company:16-27 "
                                                "controversy:32-47 claim:36-39 claim:56-63"));
  f->consensus = layer_with_marks (f->source, GLOSS_CONSENSUS_ANNOTATOR, "");
  f->review = gloss_review_new (f->layers);
  gloss_review_set_consensus (f->review, f->consensus);
  g_assert_cmpuint (gloss_review_get_n_disagreements (f->review), ==, 4);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gloss_review_free (f->review);
  g_object_unref (f->consensus);
  g_ptr_array_unref (f->layers);
  g_object_unref (f->source);
}

static guint
n_passages (GlossLayer *layer)
{
  return g_list_model_get_n_items (G_LIST_MODEL (layer));
}

/* @passage records @how, from the ids of @from (space-separated), by BY
 * at AT. */
static void
assert_source (GlossAnnotation   *passage,
               GlossConsensusHow  how,
               const char        *from)
{
  GlossConsensusSource source;
  g_autofree char *joined = NULL;

  g_assert_nonnull (passage);
  g_assert_true (gloss_consensus_get_source (passage, &source));
  joined = g_strjoinv (" ", source.from);
  g_assert_cmpstr (gloss_consensus_how_to_string (source.how), ==, gloss_consensus_how_to_string (how));
  g_assert_cmpstr (joined, ==, from);
  g_assert_cmpstr (source.by, ==, BY);
  g_assert_cmpstr (source.at, ==, AT);
  gloss_consensus_source_clear (&source);
}

static GlossAnnotation *
find (GlossLayer *layer,
      const char *tag,
      guint       start,
      guint       end)
{
  return gloss_layer_find (layer, tag, start, end);
}

static void
test_accept (Fixture       *f,
             gconstpointer  data)
{
  GlossAnnotation *passage;

  g_assert_cmpuint (gloss_review_get_n_settled (f->review), ==, 0);
  g_assert_false (gloss_review_is_settled (f->review, 1));

  /* Alice's claim, which Carol marked alike. */
  passage = gloss_review_accept (f->review, 1, 0, BY, AT);
  assert_source (passage, GLOSS_CONSENSUS_ACCEPTED, "alice carol");
  g_assert_cmpstr (gloss_annotation_get_tag (passage), ==, "claim");
  g_assert_cmpuint (gloss_annotation_get_start (passage), ==, 8);
  g_assert_cmpuint (gloss_annotation_get_end (passage), ==, 15);
  g_assert_cmpstr (gloss_annotation_get_quote (passage), ==, "ccc ddd");
  g_assert_true (gloss_review_is_settled (f->review, 1));
  g_assert_cmpuint (gloss_review_get_n_settled (f->review), ==, 1);

  /* Once only. */
  g_assert_null (gloss_review_accept (f->review, 1, 2, BY, AT));
  g_assert_cmpuint (n_passages (f->consensus), ==, 1);

  g_assert_true (gloss_layer_undo (f->consensus));
  g_assert_cmpuint (n_passages (f->consensus), ==, 0);
  g_assert_false (gloss_review_is_settled (f->review, 1));
  g_assert_cmpuint (gloss_review_get_n_settled (f->review), ==, 0);

  g_assert_true (gloss_layer_redo (f->consensus));
  assert_source (find (f->consensus, "claim", 8, 15), GLOSS_CONSENSUS_ACCEPTED, "alice carol");
  g_assert_cmpuint (gloss_review_get_n_settled (f->review), ==, 1);
}

static void
test_accept_all (Fixture       *f,
                 gconstpointer  data)
{
  GlossHistory *history = gloss_layer_get_history (f->consensus);

  g_assert_cmpuint (gloss_review_accept_all (f->review, 2, BY, AT), ==, 2);
  g_assert_cmpuint (gloss_history_get_n_steps (history), ==, 1);
  assert_source (find (f->consensus, "company", 16, 23), GLOSS_CONSENSUS_ACCEPTED, "alice");
  assert_source (find (f->consensus, "company", 16, 27), GLOSS_CONSENSUS_ACCEPTED, "bob carol");
  g_assert_true (gloss_review_is_settled (f->review, 2));
  g_assert_cmpuint (gloss_review_get_n_settled (f->review), ==, 1);

  /* Nothing new the second time. */
  g_assert_cmpuint (gloss_review_accept_all (f->review, 2, BY, AT), ==, 0);

  /* One step. */
  g_assert_true (gloss_layer_undo (f->consensus));
  g_assert_cmpuint (n_passages (f->consensus), ==, 0);
  g_assert_cmpuint (gloss_review_get_n_settled (f->review), ==, 0);
  g_assert_true (gloss_layer_redo (f->consensus));
  g_assert_cmpuint (n_passages (f->consensus), ==, 2);
  g_assert_cmpuint (gloss_review_get_n_settled (f->review), ==, 1);
}

static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  GlossAnnotation *passage;

  /* The span changed: from Alice's version only. */
  passage = gloss_review_accept_edited (f->review, 6, 0, NULL, 49, 59, BY, AT);
  assert_source (passage, GLOSS_CONSENSUS_EDITED, "alice");
  g_assert_cmpstr (gloss_annotation_get_tag (passage), ==, "claim");
  g_assert_cmpstr (gloss_annotation_get_quote (passage), ==, "mm nnn ooo");
  g_assert_true (gloss_review_is_settled (f->review, 6));

  /* The tag changed, on Bob's span. */
  passage = gloss_review_accept_edited (f->review, 1, 1, "company", 8, 15, BY, AT);
  assert_source (passage, GLOSS_CONSENSUS_EDITED, "bob");
  g_assert_true (gloss_review_is_settled (f->review, 1));
  g_assert_cmpuint (gloss_review_get_n_settled (f->review), ==, 2);

  /* Nothing changed: accepted as is. */
  passage = gloss_review_accept_edited (f->review, 2, 0, "company", 16, 23, BY, AT);
  assert_source (passage, GLOSS_CONSENSUS_ACCEPTED, "alice");
  g_assert_cmpuint (gloss_review_get_n_settled (f->review), ==, 3);

  g_assert_true (gloss_layer_undo (f->consensus));
  g_assert_true (gloss_layer_undo (f->consensus));
  g_assert_cmpuint (gloss_review_get_n_settled (f->review), ==, 1);
  g_assert_false (gloss_review_is_settled (f->review, 1));
  g_assert_true (gloss_layer_redo (f->consensus));
  assert_source (find (f->consensus, "company", 8, 15), GLOSS_CONSENSUS_EDITED, "bob");
  g_assert_cmpuint (gloss_review_get_n_settled (f->review), ==, 2);

  /* Tag and span both changed (no version has either): the edit
   * settles the unit all the same. */
  g_assert_false (gloss_review_is_settled (f->review, 2));
  passage = gloss_review_accept_edited (f->review, 2, 1, "claim", 17, 22, BY, AT);
  assert_source (passage, GLOSS_CONSENSUS_EDITED, "bob carol");
  g_assert_true (gloss_review_is_settled (f->review, 2));
  g_assert_cmpuint (gloss_review_get_n_settled (f->review), ==, 3);
}

static void
test_reject (Fixture       *f,
             gconstpointer  data)
{
  GlossAnnotation *record;

  record = gloss_review_reject (f->review, 3, BY, AT);
  assert_source (record, GLOSS_CONSENSUS_REJECTED, "alice");
  g_assert_true (gloss_review_is_rejection (record));
  g_assert_cmpstr (gloss_annotation_get_tag (record), ==, GLOSS_CONSENSUS_REJECTED_TAG);
  g_assert_cmpuint (gloss_annotation_get_start (record), ==, 28);
  g_assert_cmpuint (gloss_annotation_get_end (record), ==, 31);
  g_assert_true (gloss_review_is_settled (f->review, 3));
  g_assert_cmpuint (gloss_review_get_n_settled (f->review), ==, 1);
  g_assert_null (gloss_review_reject (f->review, 3, BY, AT));

  /* A rejection of the whole chain, from every annotator of it; it
   * settles that unit only. */
  record = gloss_review_reject (f->review, 6, BY, AT);
  assert_source (record, GLOSS_CONSENSUS_REJECTED, "alice bob carol");
  g_assert_cmpuint (gloss_review_get_n_settled (f->review), ==, 2);
  g_assert_false (gloss_review_is_settled (f->review, 2));

  g_assert_true (gloss_layer_undo (f->consensus));
  g_assert_true (gloss_layer_undo (f->consensus));
  g_assert_cmpuint (gloss_review_get_n_settled (f->review), ==, 0);
  g_assert_true (gloss_layer_redo (f->consensus));
  g_assert_true (gloss_review_is_settled (f->review, 3));
  g_assert_cmpuint (gloss_review_get_n_settled (f->review), ==, 1);
}

static void
test_accept_agreements (Fixture       *f,
                        gconstpointer  data)
{
  GlossHistory *history = gloss_layer_get_history (f->consensus);

  /* One already there is left as it is. */
  g_assert_nonnull (gloss_review_accept (f->review, 0, 1, BY, AT));
  g_assert_cmpuint (gloss_review_accept_agreements (f->review, BY, AT), ==, 2);
  g_assert_cmpuint (gloss_history_get_n_steps (history), ==, 2);
  assert_source (find (f->consensus, "claim", 0, 7), GLOSS_CONSENSUS_ACCEPTED, "alice bob carol");
  assert_source (find (f->consensus, "controversy", 32, 47), GLOSS_CONSENSUS_AGREED, "alice bob carol");
  assert_source (find (f->consensus, "claim", 36, 39), GLOSS_CONSENSUS_AGREED, "alice bob carol");
  g_assert_true (gloss_review_is_settled (f->review, 4));
  g_assert_true (gloss_review_is_settled (f->review, 5));
  /* Agreements are no disagreements. */
  g_assert_cmpuint (gloss_review_get_n_settled (f->review), ==, 0);
  g_assert_cmpuint (gloss_review_accept_agreements (f->review, BY, AT), ==, 0);

  g_assert_true (gloss_layer_undo (f->consensus));
  g_assert_cmpuint (n_passages (f->consensus), ==, 1);
  g_assert_false (gloss_review_is_settled (f->review, 4));
  g_assert_true (gloss_layer_redo (f->consensus));
  g_assert_cmpuint (n_passages (f->consensus), ==, 3);
}

/* A passage settles the units it overlaps that have its tag or span,
 * not a unit of another tag nested in it; an orphan settles nothing. */
static void
test_settled_rule (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GlossAnnotation) orphan = gloss_annotation_new_full ("o", "claim", 28, 31, "zzz", "", "", NULL,
                                                                 NULL, NULL);
  GlossAnnotation *passage;

  g_assert_nonnull (gloss_review_accept (f->review, 4, 0, BY, AT));
  g_assert_true (gloss_review_is_settled (f->review, 4));
  g_assert_false (gloss_review_is_settled (f->review, 5));

  _gloss_annotation_set_status (orphan, GLOSS_ANCHOR_ORPHANED);
  g_assert_true (gloss_layer_add (f->consensus, orphan));
  g_assert_false (gloss_review_is_settled (f->review, 3));

  /* A passage added by hand counts as well. */
  g_assert_nonnull (gloss_layer_annotate (f->consensus, "controversy", 50, 53, NULL));
  g_assert_false (gloss_review_is_settled (f->review, 6));
  passage = gloss_layer_annotate (f->consensus, "claim", 57, 58, NULL);
  g_assert_nonnull (passage);
  g_assert_true (gloss_review_is_settled (f->review, 6));
  g_assert_cmpuint (gloss_review_get_n_settled (f->review), ==, 1);

  /* A passage moved away settles what it covers now only. */
  g_assert_true (gloss_layer_set_range (f->consensus, passage, 28, 30));
  g_assert_false (gloss_review_is_settled (f->review, 6));
  g_assert_true (gloss_review_is_settled (f->review, 3));
  g_assert_cmpuint (gloss_review_get_n_settled (f->review), ==, 1);
  g_assert_true (gloss_layer_undo (f->consensus));
  g_assert_true (gloss_review_is_settled (f->review, 6));
  g_assert_false (gloss_review_is_settled (f->review, 3));

  /* Following another consensus. */
  {
    g_autoptr(GlossLayer) other = layer_with_marks (f->source, GLOSS_CONSENSUS_ANNOTATOR, "claim:28-31");

    gloss_review_set_consensus (f->review, other);
    g_assert_true (gloss_review_is_settled (f->review, 3));
    g_assert_false (gloss_review_is_settled (f->review, 6));
    g_assert_cmpuint (gloss_review_get_n_settled (f->review), ==, 1);
    gloss_review_set_consensus (f->review, NULL);
    g_assert_null (gloss_review_get_consensus (f->review));
    g_assert_cmpuint (gloss_review_get_n_settled (f->review), ==, 0);
  }
}

static void
test_figures (void)
{
  g_autoptr(GlossSource) source = gloss_source_new_from_text (text, -1, "a.txt");
  g_autoptr(GPtrArray) layers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossReview) review = NULL;
  GlossReviewFigures figures;

  g_ptr_array_add (layers, layer_with_marks (source, "alice", "claim:0-7 company:16-23"));
  g_ptr_array_add (layers, layer_with_marks (source, "bob", "claim:0-7 company:16-23"));
  review = gloss_review_new (layers);
  gloss_review_measure (review, source, &figures);
  g_assert_cmpint (figures.f1_lenient.status, ==, GLOSS_SCORE_DEFINED);
  g_assert_cmpfloat_with_epsilon (figures.f1_lenient.value, 1.0, 1e-9);
  g_assert_true (figures.alpha_u.defined);
  g_assert_cmpfloat_with_epsilon (figures.alpha_u.value, 1.0, 1e-9);
  gloss_review_free (g_steal_pointer (&review));

  /* A third annotator who marked one of the two, the second a bit
   * longer: the group's F1 is the mean of its pairs' (1, 2/3, 2/3). */
  g_ptr_array_add (layers, layer_with_marks (source, "carol", "claim:0-9"));
  review = gloss_review_new (layers);
  gloss_review_measure (review, source, &figures);
  g_assert_cmpint (figures.f1_lenient.status, ==, GLOSS_SCORE_DEFINED);
  g_assert_cmpfloat_with_epsilon (figures.f1_lenient.value, (1.0 + 2.0 / 3 + 2.0 / 3) / 3, 1e-9);
  g_assert_true (figures.alpha_u.defined);
  g_assert_cmpfloat (figures.alpha_u.value, <, 1.0);
  gloss_review_free (g_steal_pointer (&review));

  /* Against a consensus, whose rejection records are no passages. */
  g_ptr_array_set_size (layers, 1);
  g_ptr_array_add (layers, layer_with_marks (source, GLOSS_CONSENSUS_ANNOTATOR,
                                             "claim:0-7 company:16-23 gloss--rejected:28-31"));
  review = gloss_review_new (layers);
  gloss_review_measure (review, source, &figures);
  g_assert_cmpfloat_with_epsilon (figures.f1_lenient.value, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (figures.alpha_u.value, 1.0, 1e-9);
}

/* Many passages: decisions keep the count as a full recount finds it. */
static void
test_many (void)
{
  g_autoptr(GlossSource) source = source_of_words (20000);
  g_autoptr(GPtrArray) layers = layers_at_random (source, 3, 5000, 5);
  g_autoptr(GlossReview) review = NULL;
  g_autoptr(GlossLayer) consensus = NULL;
  guint n_disagreements, n_settled, decided = 0;
  gint64 started;

  consensus = layer_with_marks (source, GLOSS_CONSENSUS_ANNOTATOR, "");
  review = gloss_review_new (layers);
  gloss_review_set_consensus (review, consensus);
  n_disagreements = gloss_review_get_n_disagreements (review);
  g_assert_cmpuint (gloss_review_get_n_settled (review), ==, 0);

  started = g_get_monotonic_time ();
  for (guint u = 0; u < gloss_review_get_n_units (review); u++)
    {
      if (gloss_review_get_unit (review, u)->kind == GLOSS_REVIEW_AGREED ||
          gloss_review_is_settled (review, u))
        continue;
      if (decided % 3 == 0)
        gloss_review_accept (review, u, 0, BY, AT);
      else if (decided % 3 == 1)
        gloss_review_reject (review, u, BY, AT);
      else
        gloss_review_accept_all (review, u, BY, AT);
      g_assert_true (gloss_review_is_settled (review, u));
      decided++;
    }
  g_test_message ("%u decisions in %.0f ms", decided, (g_get_monotonic_time () - started) / 1000.0);
  n_settled = gloss_review_get_n_settled (review);
  g_assert_cmpuint (n_settled, ==, n_disagreements);

  /* Undoing half the decisions, each step updates the count itself; a
   * recount from scratch finds the same. */
  started = g_get_monotonic_time ();
  for (guint i = 0; i < decided / 2; i++)
    g_assert_true (gloss_layer_undo (consensus));
  n_settled = gloss_review_get_n_settled (review);
  g_test_message ("%u undos in %.0f ms", decided / 2, (g_get_monotonic_time () - started) / 1000.0);
  g_assert_cmpuint (n_settled, <, n_disagreements);
  g_object_ref (consensus);
  gloss_review_set_consensus (review, NULL);
  gloss_review_set_consensus (review, consensus);
  g_object_unref (consensus);
  g_assert_cmpuint (gloss_review_get_n_settled (review), ==, n_settled);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/review-decide/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("accept", test_accept);
  ADD ("accept-all", test_accept_all);
  ADD ("edit", test_edit);
  ADD ("reject", test_reject);
  ADD ("accept-agreements", test_accept_agreements);
  ADD ("settled-rule", test_settled_rule);
#undef ADD
  g_test_add_func ("/review-decide/figures", test_figures);
  g_test_add_func ("/review-decide/many", test_many);

  return g_test_run ();
}
