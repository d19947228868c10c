/* test-agreement.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "gloss-agreement.h"

/* Ten words, one token each, four characters apart: word k is the
 * characters [4k, 4k + 3). */
static const char ten_words[] = "aaa bbb ccc ddd eee fff ggg hhh iii jjj";

#define WORD_START(k) ((k) * 4)
#define WORD_END(k) ((k) * 4 + 3)

typedef struct
{
  const char *annotator;
  const char *tag;
  guint first_word;
  guint last_word;    /* included */
} Mark;

/* One layer per annotator named in @marks, in the order they come. */
static GPtrArray *
make_layers (GlossSource *source,
             const Mark  *marks,
             guint        n_marks,
             const char  *const *annotators)
{
  GPtrArray *layers = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; annotators[i] != NULL; i++)
    {
      GlossLayer *layer = gloss_layer_new (annotators[i], NULL);

      gloss_layer_set_source (layer, source);
      for (guint k = 0; k < n_marks; k++)
        if (g_str_equal (marks[k].annotator, annotators[i]))
          g_assert_nonnull (gloss_layer_annotate (layer, marks[k].tag,
                                                  WORD_START (marks[k].first_word),
                                                  WORD_END (marks[k].last_word), NULL));
      g_ptr_array_add (layers, layer);
    }
  return layers;
}

static GlossAgreementResult *
measure (GlossAgreement    *study,
         const char        *name,
         const char        *text,
         const Mark        *marks,
         guint              n_marks,
         const char *const *annotators)
{
  g_autoptr(GlossSource) source = gloss_source_new_from_text (text, -1, name);
  g_autoptr(GPtrArray) layers = make_layers (source, marks, n_marks, annotators);

  return gloss_agreement_measure_layers (study, name, source, layers);
}

static const char * const alice_bob[] = { "alice", "bob", NULL };
static const char * const three[] = { "alice", "bob", "carol", NULL };

static void
assert_value (GlossReliabilityResult *result,
              double                  expected)
{
  g_assert_true (result->defined);
  g_assert_cmpfloat_with_epsilon (result->value, expected, 1e-9);
}

static double
token_measure (GlossAgreementSet          *set,
               const char                 *tag,
               GlossAgreementTokenMeasure  measure)
{
  GlossReliabilityResult result;

  gloss_agreement_set_get_token_measure (set, tag, measure, &result);
  g_assert_true (result.defined);
  return result.value;
}

/* Alice marks words 0–3 as a claim, Bob words 2–5: on the claim's
 * tokens, 2 × 2 table (in, in) 2, (in, out) 2, (out, in) 2, (out, out) 4;
 * p_o = 0.6, each says "in" of 0.4, p_e = 0.52: κ = π = 0.08 / 0.48. */
static void
test_tokens_by_hand (void)
{
  g_autoptr(GlossAgreement) study = gloss_agreement_new ();
  const Mark marks[] = { { "alice", "claim", 0, 3 }, { "bob", "claim", 2, 5 } };
  g_autoptr(GlossAgreementResult) article = measure (study, "a", ten_words, marks, 2, alice_bob);
  GlossAgreementSet *pair = gloss_agreement_result_get_pair (article, 0, 1);
  GlossReliabilityResult result;

  g_assert_nonnull (pair);
  g_assert_cmpuint (gloss_agreement_result_get_n_tokens (article), ==, 10);
  g_assert_cmpfloat_with_epsilon (token_measure (pair, "claim", GLOSS_AGREEMENT_PERCENT), 0.6, 1e-9);
  g_assert_cmpfloat_with_epsilon (token_measure (pair, "claim", GLOSS_AGREEMENT_COHEN_KAPPA), 0.08 / 0.48, 1e-9);
  g_assert_cmpfloat_with_epsilon (token_measure (pair, "claim", GLOSS_AGREEMENT_SCOTT_PI), 0.08 / 0.48, 1e-9);
  /* α = 1 − (n − 1) D_o / D_e with n = 20 values, 8 of them "in":
   * D_o = 2 × 4 = 8 disagreeing pairs (both orders), D_e = 2 × 8 × 12. */
  g_assert_cmpfloat_with_epsilon (token_measure (pair, "claim", GLOSS_AGREEMENT_ALPHA),
                                  1 - 19.0 * 8 / (2 * 8 * 12), 1e-9);
  /* Over all tags the same, one tag being used. */
  g_assert_cmpfloat_with_epsilon (token_measure (pair, NULL, GLOSS_AGREEMENT_COHEN_KAPPA), 0.08 / 0.48, 1e-9);
  g_assert_cmpuint (gloss_agreement_set_get_confusion (pair, "claim", "claim"), ==, 2);
  g_assert_cmpuint (gloss_agreement_set_get_confusion (pair, "claim", NULL), ==, 2);
  g_assert_cmpuint (gloss_agreement_set_get_confusion (pair, NULL, "claim"), ==, 2);
  g_assert_cmpuint (gloss_agreement_set_get_confusion (pair, NULL, NULL), ==, 4);
  /* The spans overlap: boundary differs. */
  g_assert_cmpuint (gloss_span_match_get_counts (gloss_agreement_set_get_spans (pair))->n[GLOSS_SPAN_BOUNDARY_DIFFERS], ==, 1);
  /* Fleiss' κ is the group's, not a pair's. */
  gloss_agreement_set_get_token_measure (gloss_agreement_result_get_group (article), NULL,
                                         GLOSS_AGREEMENT_COHEN_KAPPA, &result);
  g_assert_false (result.defined);
  g_assert_nonnull (result.reason);
}

/* The span cases, each on its own article, pooled. */
static void
test_span_cases (void)
{
  g_autoptr(GlossAgreement) study = gloss_agreement_new ();
  const Mark exact[] = { { "alice", "company", 0, 1 }, { "bob", "company", 0, 1 } };
  const Mark tag[] = { { "alice", "company", 0, 1 }, { "bob", "claim", 0, 1 } };
  const Mark boundary[] = { { "alice", "claim", 2, 5 }, { "bob", "claim", 3, 5 } };
  const Mark missing[] = { { "alice", "claim", 2, 5 } };
  const Mark *cases[] = { exact, tag, boundary, missing };
  const guint sizes[] = { 2, 2, 2, 1 };
  GlossAgreementResult *total;
  const GlossSpanCounts *counts;
  GlossSpanScores scores;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("case %u", i);
      g_autoptr(GlossAgreementResult) article = measure (study, name, ten_words, cases[i], sizes[i], alice_bob);
      const GlossSpanCounts *one = gloss_span_match_get_counts (
        gloss_agreement_set_get_spans (gloss_agreement_result_get_pair (article, 0, 1)));
      const GlossSpanOutcome expected[] = {
        GLOSS_SPAN_MATCHED, GLOSS_SPAN_TAG_DIFFERS, GLOSS_SPAN_BOUNDARY_DIFFERS, GLOSS_SPAN_ONLY_A
      };

      g_assert_cmpuint (one->n[expected[i]], ==, 1);
      g_assert_cmpuint (gloss_span_counts_get_n_a (one) + gloss_span_counts_get_n_b (one), ==, sizes[i]);
    }

  total = gloss_agreement_get_total (study);
  g_assert_cmpuint (gloss_agreement_result_get_n_articles (total), ==, 4);
  counts = gloss_span_match_get_counts (gloss_agreement_set_get_spans (gloss_agreement_result_get_pair (total, 0, 1)));
  g_assert_cmpuint (counts->n[GLOSS_SPAN_MATCHED], ==, 1);
  g_assert_cmpuint (counts->n[GLOSS_SPAN_TAG_DIFFERS], ==, 1);
  g_assert_cmpuint (counts->n[GLOSS_SPAN_BOUNDARY_DIFFERS], ==, 1);
  g_assert_cmpuint (counts->n[GLOSS_SPAN_ONLY_A], ==, 1);
  g_assert_cmpuint (counts->n[GLOSS_SPAN_ONLY_B], ==, 0);
  /* Pooled: A has 4, B has 3; strict 1 pair, lenient 2. */
  gloss_span_counts_get_scores (counts, GLOSS_SPAN_STRICT, &scores);
  g_assert_cmpfloat_with_epsilon (scores.f1.value, 2.0 / 7, 1e-9);
  g_assert_cmpfloat_with_epsilon (scores.precision.value, 1.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (scores.recall.value, 1.0 / 4, 1e-9);
  gloss_span_counts_get_scores (counts, GLOSS_SPAN_LENIENT, &scores);
  g_assert_cmpfloat_with_epsilon (scores.f1.value, 4.0 / 7, 1e-9);
  /* The tokens of the four articles. */
  g_assert_cmpuint (gloss_agreement_result_get_n_tokens (total), ==, 40);
}

/* Nested passages: over all tags a token takes the outer one's tag; per
 * tag, the inner one still counts. */
static void
test_nested (void)
{
  g_autoptr(GlossAgreement) study = gloss_agreement_new ();
  const Mark marks[] = {
    { "alice", "controversy", 0, 5 }, { "alice", "claim", 1, 2 },
    { "bob", "claim", 1, 2 },
  };
  g_autoptr(GlossAgreementResult) article = measure (study, "a", ten_words, marks, 3, alice_bob);
  GlossAgreementSet *pair = gloss_agreement_result_get_pair (article, 0, 1);
  g_auto(GStrv) tags = gloss_agreement_result_dup_tags (article);

  g_assert_cmpuint (g_strv_length (tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "claim");
  g_assert_cmpstr (tags[1], ==, "controversy");
  /* Words 0–5 are Alice's controversy, the claim inside it hidden. */
  g_assert_cmpuint (gloss_agreement_set_get_confusion (pair, "controversy", "claim"), ==, 2);
  g_assert_cmpuint (gloss_agreement_set_get_confusion (pair, "controversy", NULL), ==, 4);
  g_assert_cmpuint (gloss_agreement_set_get_confusion (pair, "claim", "claim"), ==, 0);
  g_assert_cmpuint (gloss_agreement_set_get_confusion (pair, NULL, NULL), ==, 4);
  /* On the claim alone they agree everywhere. */
  g_assert_cmpfloat_with_epsilon (token_measure (pair, "claim", GLOSS_AGREEMENT_COHEN_KAPPA), 1, 1e-9);
  g_assert_cmpuint (gloss_agreement_result_count (article, 0, NULL), ==, 2);
  g_assert_cmpuint (gloss_agreement_result_count (article, 0, "claim"), ==, 1);
}

/* One annotator's passages of a tag that overlap count as their union
 * on α_U's continuum: the same α_U as one passage over both. */
static void
test_overlapping_union (void)
{
  g_autoptr(GlossAgreement) first = gloss_agreement_new ();
  g_autoptr(GlossAgreement) second = gloss_agreement_new ();
  const Mark overlapping[] = {
    { "alice", "claim", 1, 3 }, { "alice", "claim", 2, 5 }, { "bob", "claim", 1, 4 },
  };
  const Mark united[] = { { "alice", "claim", 1, 5 }, { "bob", "claim", 1, 4 } };
  g_autoptr(GlossAgreementResult) a = measure (first, "a", ten_words, overlapping, 3, alice_bob);
  g_autoptr(GlossAgreementResult) b = measure (second, "a", ten_words, united, 2, alice_bob);
  GlossReliabilityResult x, y;

  gloss_agreement_set_get_alpha_u (gloss_agreement_result_get_pair (a, 0, 1), "claim", &x);
  gloss_agreement_set_get_alpha_u (gloss_agreement_result_get_pair (b, 0, 1), "claim", &y);
  g_assert_true (x.defined);
  g_assert_cmpfloat_with_epsilon (x.value, y.value, 1e-12);
  g_assert_cmpfloat (x.value, <, 1);
}

/* Layers with no passage: nothing is defined, and each says why. */
static void
test_empty_layers (void)
{
  g_autoptr(GlossAgreement) study = gloss_agreement_new ();
  g_autoptr(GlossAgreementResult) article = measure (study, "a", ten_words, NULL, 0, alice_bob);
  GlossAgreementSet *pair = gloss_agreement_result_get_pair (article, 0, 1);
  GlossSpanScores scores;
  GlossReliabilityResult result;

  gloss_span_counts_get_scores (gloss_span_match_get_counts (gloss_agreement_set_get_spans (pair)),
                                GLOSS_SPAN_STRICT, &scores);
  g_assert_cmpint (scores.f1.status, ==, GLOSS_SCORE_EMPTY_BOTH);
  g_assert_true (isnan (scores.f1.value));
  gloss_agreement_set_get_token_measure (pair, NULL, GLOSS_AGREEMENT_COHEN_KAPPA, &result);
  g_assert_false (result.defined);
  g_assert_nonnull (result.reason);
  gloss_agreement_set_get_alpha_u (pair, NULL, &result);
  g_assert_false (result.defined);
  g_assert_nonnull (result.reason);
}

/* Three annotators: three pairs and a group with Fleiss' κ; a fourth
 * who annotated one article only makes the group uneven. */
static void
test_three_annotators (void)
{
  g_autoptr(GlossAgreement) study = gloss_agreement_new ();
  const Mark marks[] = {
    { "alice", "claim", 0, 3 }, { "bob", "claim", 2, 5 }, { "carol", "claim", 0, 3 },
  };
  const Mark more[] = { { "dave", "claim", 0, 3 } };
  const char * const dave[] = { "alice", "dave", NULL };
  g_autoptr(GlossAgreementResult) article = measure (study, "a", ten_words, marks, 3, three);
  g_autoptr(GlossAgreementResult) other = NULL;
  GlossAgreementSet *group = gloss_agreement_result_get_group (article);
  GlossAgreementResult *total;
  GlossReliabilityResult result;

  g_assert_cmpuint (gloss_agreement_result_get_n_annotators (article), ==, 3);
  for (guint i = 0; i < 3; i++)
    for (guint j = i + 1; j < 3; j++)
      g_assert_nonnull (gloss_agreement_result_get_pair (article, i, j));
  g_assert_nonnull (group);
  /* Per token, the in-or-out of claim: words 0,1: (1,0,1); 2,3: (1,1,1);
   * 4,5: (0,1,0); 6–9: (0,0,0).  P_i: 1/3, 1, 1/3, 1 → P̄ = (2·1/3 + 2 + 2·1/3 + 4) / 10
   * = 22/30; p_in = (4 + 4 + 4) / 30 = 0.4, P_e = 0.52. */
  g_assert_cmpfloat_with_epsilon (token_measure (group, "claim", GLOSS_AGREEMENT_FLEISS_KAPPA),
                                  (22.0 / 30 - 0.52) / 0.48, 1e-9);
  gloss_agreement_set_get_alpha_u (group, "claim", &result);
  g_assert_true (result.defined);

  other = measure (study, "b", ten_words, more, 1, dave);
  total = gloss_agreement_get_total (study);
  g_assert_cmpuint (gloss_agreement_result_get_n_annotators (total), ==, 4);
  /* alice and dave share one article; bob and dave none. */
  g_assert_cmpuint (gloss_agreement_set_get_n_articles (gloss_agreement_result_get_pair (total, 0, 3)), ==, 1);
  g_assert_null (gloss_agreement_result_get_pair (total, 1, 3));
  group = gloss_agreement_result_get_group (total);
  g_assert_cmpuint (gloss_agreement_set_get_n_articles (group), ==, 2);
  gloss_agreement_set_get_token_measure (group, "claim", GLOSS_AGREEMENT_FLEISS_KAPPA, &result);
  g_assert_false (result.defined);
  gloss_agreement_set_get_alpha_u (group, "claim", &result);
  g_assert_false (result.defined);
  g_assert_nonnull (result.reason);
  /* α takes units of any number of coders. */
  gloss_agreement_set_get_token_measure (group, "claim", GLOSS_AGREEMENT_ALPHA, &result);
  g_assert_true (result.defined);
}

/* A tag first met in the second article counts the first article's
 * tokens too, where no one used it; pooled α_U is that of the two
 * articles' characters. */
static void
test_tag_met_later (void)
{
  g_autoptr(GlossAgreement) study = gloss_agreement_new ();
  const Mark first[] = { { "alice", "claim", 0, 3 }, { "bob", "claim", 0, 2 } };
  const Mark second[] = { { "alice", "company", 4, 4 }, { "bob", "company", 4, 5 } };
  g_autoptr(GlossAgreementResult) a = measure (study, "a", ten_words, first, 2, alice_bob);
  g_autoptr(GlossAgreementResult) b = measure (study, "b", ten_words, second, 2, alice_bob);
  GlossAgreementResult *total = gloss_agreement_get_total (study);
  GlossAgreementSet *pair = gloss_agreement_result_get_pair (total, 0, 1);
  GlossReliabilityResult result;

  gloss_agreement_set_get_token_measure (pair, "company", GLOSS_AGREEMENT_PERCENT, &result);
  g_assert_cmpuint (result.n_units, ==, 20);
  /* 19 of 20 tokens alike. */
  assert_value (&result, 19.0 / 20);
  gloss_agreement_set_get_token_measure (pair, "claim", GLOSS_AGREEMENT_PERCENT, &result);
  g_assert_cmpuint (result.n_units, ==, 20);
  assert_value (&result, 19.0 / 20);
  /* The article where it was met alone has fewer characters: another α_U. */
  {
    GlossReliabilityResult alone;

    gloss_agreement_set_get_alpha_u (gloss_agreement_result_get_pair (b, 0, 1), "company", &alone);
    gloss_agreement_set_get_alpha_u (pair, "company", &result);
    g_assert_true (result.defined && alone.defined);
    g_assert_cmpfloat (fabs (result.value - alone.value), >, 1e-6);
  }
}

/* Filters: annotators and tags; orphans are left out. */
static void
test_filters (void)
{
  g_autoptr(GlossAgreement) study = gloss_agreement_new ();
  const char * const only[] = { "alice", "carol", NULL };
  const char * const tags[] = { "claim", "verdict", NULL };
  const Mark marks[] = {
    { "alice", "claim", 0, 3 }, { "bob", "claim", 2, 5 }, { "carol", "claim", 0, 3 },
    { "carol", "company", 6, 7 },
  };
  g_autoptr(GlossAgreementResult) article = NULL;
  g_auto(GStrv) names = NULL;
  GlossReliabilityResult result;

  gloss_agreement_set_annotators (study, only);
  gloss_agreement_set_tags (study, tags);
  article = measure (study, "a", ten_words, marks, 4, three);
  g_assert_cmpuint (gloss_agreement_result_get_n_annotators (article), ==, 2);
  g_assert_cmpstr (gloss_agreement_result_get_annotator (article, 1), ==, "carol");
  names = gloss_agreement_result_dup_tags (article);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[1], ==, "verdict");
  /* carol's company is not measured: a perfect match. */
  g_assert_cmpuint (gloss_agreement_result_count (article, 1, NULL), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gloss_agreement_result_get_layer (article, 1))), ==, 1);
  g_assert_cmpfloat_with_epsilon (token_measure (gloss_agreement_result_get_pair (article, 0, 1), NULL,
                                                 GLOSS_AGREEMENT_COHEN_KAPPA), 1, 1e-9);
  /* A tag asked for and never used: undefined, with a reason. */
  gloss_agreement_set_get_alpha_u (gloss_agreement_result_get_pair (article, 0, 1), "verdict", &result);
  g_assert_false (result.defined);
  g_assert_nonnull (result.reason);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/agreement/tokens-by-hand", test_tokens_by_hand);
  g_test_add_func ("/agreement/span-cases", test_span_cases);
  g_test_add_func ("/agreement/nested", test_nested);
  g_test_add_func ("/agreement/overlapping-union", test_overlapping_union);
  g_test_add_func ("/agreement/empty-layers", test_empty_layers);
  g_test_add_func ("/agreement/three-annotators", test_three_annotators);
  g_test_add_func ("/agreement/tag-met-later", test_tag_met_later);
  g_test_add_func ("/agreement/filters", test_filters);

  return g_test_run ();
}
