/* test-agreement-relations.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "gloss-agreement.h"
#include "gloss-consensus.h"
#include "gloss-review.h"
#include "layer-test-util.h"

/* Sixteen words, word k the characters [4k, 4k + 3). */
static const char words[] = "w00 w01 w02 w03 w04 w05 w06 w07 w08 w09 w10 w11 w12 w13 w14 w15";

#define WORD_START(k) ((k) * 4)
#define WORD_END(k) ((k) * 4 + 3)

/* Krippendorff's example of reliability data with missing values
 * ("Computing Krippendorff's Alpha-Reliability", 2011, section C):
 * four coders, twelve units, 0 where a coder gave no value.  He gives
 * α nominal 0.743 and α interval 0.849. */
static const int krippendorff[4][12] = {
  { 1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0 },
  { 1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3 },
  { 0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0 },
  { 1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0 },
};

static const char * const coders[] = { "a", "b", "c", "d" };

static GlossAnnotation *
claim (GlossLayer *layer,
       guint       word)
{
  GlossAnnotation *annotation = gloss_layer_annotate (layer, "claim", WORD_START (word), WORD_END (word), NULL);

  g_assert_nonnull (annotation);
  return annotation;
}

/* Each coder marks a claim on word u for each value it gave unit u, with
 * the value as the number "score" and as the choice "verdict" ("v1"...). */
static GPtrArray *
krippendorff_layers (GlossSource *source)
{
  GPtrArray *layers = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint c = 0; c < G_N_ELEMENTS (coders); c++)
    {
      GlossLayer *layer = gloss_layer_new (coders[c], NULL);

      gloss_layer_set_source (layer, source);
      for (guint u = 0; u < 12; u++)
        {
          GlossAnnotation *annotation;
          g_autofree char *choice = NULL;

          if (krippendorff[c][u] == 0)
            continue;
          annotation = claim (layer, u);
          choice = g_strdup_printf ("v%d", krippendorff[c][u]);
          g_assert_true (gloss_layer_set_attribute (layer, annotation, "score",
                                                    g_variant_new_double (krippendorff[c][u])));
          g_assert_true (gloss_layer_set_attribute (layer, annotation, "verdict",
                                                    g_variant_new_string (choice)));
        }
      g_ptr_array_add (layers, layer);
    }
  return layers;
}

static double
attribute_value (GlossAgreementSet              *set,
                 const char                     *attribute,
                 GlossAgreementAttributeMeasure  measure)
{
  GlossReliabilityResult result;

  gloss_agreement_set_get_attribute_measure (set, attribute, measure, &result);
  g_assert_true (result.defined);
  return result.value;
}

static void
assert_undefined (GlossAgreementSet              *set,
                  const char                     *attribute,
                  GlossAgreementAttributeMeasure  measure)
{
  GlossReliabilityResult result;

  gloss_agreement_set_get_attribute_measure (set, attribute, measure, &result);
  g_assert_false (result.defined);
  g_assert_nonnull (result.reason);
}

/* The group of four: the paper's values, and the same as the units ×
 * coders matrix gives the reliability data. */
static void
test_attributes_group (void)
{
  g_autoptr(GlossSource) source = gloss_source_new_from_text (words, -1, "k.txt");
  g_autoptr(GPtrArray) layers = krippendorff_layers (source);
  g_autoptr(GlossAgreement) study = gloss_agreement_new ();
  g_autoptr(GlossAgreementResult) article = gloss_agreement_measure_layers (study, "k", source, layers);
  GlossAgreementSet *group = gloss_agreement_result_get_group (article);
  g_autoptr(GlossReliabilityData) data = gloss_reliability_data_new (4);
  g_auto(GStrv) attributes = gloss_agreement_result_dup_attributes (article);
  GlossReliabilityResult nominal, interval, result;

  g_assert_cmpuint (g_strv_length (attributes), ==, 2);
  g_assert_cmpstr (attributes[0], ==, "score");
  g_assert_cmpstr (attributes[1], ==, "verdict");
  g_assert_true (gloss_agreement_result_attribute_is_numeric (article, "score"));
  g_assert_false (gloss_agreement_result_attribute_is_numeric (article, "verdict"));

  for (guint u = 0; u < 12; u++)
    {
      guint unit = gloss_reliability_data_add_unit (data);

      for (guint c = 0; c < 4; c++)
        if (krippendorff[c][u] != 0)
          gloss_reliability_data_set_number (data, unit, c, krippendorff[c][u]);
    }
  g_assert_true (gloss_reliability_alpha (data, GLOSS_RELIABILITY_NOMINAL, &nominal, NULL));
  g_assert_true (gloss_reliability_alpha (data, GLOSS_RELIABILITY_INTERVAL, &interval, NULL));

  for (guint a = 0; a < 2; a++)
    {
      gloss_agreement_set_get_attribute_measure (group, attributes[a], GLOSS_AGREEMENT_ATTRIBUTE_ALPHA_NOMINAL,
                                                 &result);
      g_assert_true (result.defined);
      g_assert_cmpfloat_with_epsilon (result.value, 0.743, 5e-4);
      g_assert_cmpfloat_with_epsilon (result.value, nominal.value, 1e-12);
      /* Units 1 to 11 have two values or more; the twelfth one value. */
      g_assert_cmpuint (result.n_units, ==, 11);
    }
  g_assert_cmpfloat_with_epsilon (attribute_value (group, "score", GLOSS_AGREEMENT_ATTRIBUTE_ALPHA_INTERVAL),
                                  0.849, 5e-4);
  g_assert_cmpfloat_with_epsilon (attribute_value (group, "score", GLOSS_AGREEMENT_ATTRIBUTE_ALPHA_INTERVAL),
                                  interval.value, 1e-9);

  assert_undefined (group, "verdict", GLOSS_AGREEMENT_ATTRIBUTE_ALPHA_INTERVAL);

  /* Over every attribute: each passage and attribute a unit, the values
   * of one attribute never those of the other, as 24 units whose
   * verdicts are other categories than the scores. */
  {
    g_autoptr(GlossReliabilityData) both = gloss_reliability_data_new (4);

    for (guint a = 0; a < 2; a++)
      for (guint u = 0; u < 12; u++)
        {
          guint unit = gloss_reliability_data_add_unit (both);

          for (guint c = 0; c < 4; c++)
            if (krippendorff[c][u] != 0)
              gloss_reliability_data_set_number (both, unit, c, krippendorff[c][u] + 10 * a);
        }
    g_assert_true (gloss_reliability_alpha (both, GLOSS_RELIABILITY_NOMINAL, &nominal, NULL));
    gloss_agreement_set_get_attribute_measure (group, NULL, GLOSS_AGREEMENT_ATTRIBUTE_ALPHA_NOMINAL, &result);
    g_assert_true (result.defined);
    g_assert_cmpfloat_with_epsilon (result.value, nominal.value, 1e-12);
    g_assert_cmpfloat (fabs (result.value - 0.743), >, 1e-3);
    g_assert_cmpuint (result.n_units, ==, 22);
    assert_undefined (group, NULL, GLOSS_AGREEMENT_ATTRIBUTE_ALPHA_INTERVAL);
  }
}

/* The pair a–b disagree on unit 5 alone, (1, 2), in both attributes;
 * the pair a–c on no unit both marked. */
static void
test_attribute_disagreements (void)
{
  g_autoptr(GlossSource) source = gloss_source_new_from_text (words, -1, "k.txt");
  g_autoptr(GPtrArray) layers = krippendorff_layers (source);
  g_autoptr(GlossAgreement) study = gloss_agreement_new ();
  g_autoptr(GlossAgreementResult) article = gloss_agreement_measure_layers (study, "k", source, layers);
  g_autoptr(GPtrArray) list = gloss_agreement_result_dup_attribute_disagreements (article, 0, 1);
  g_autoptr(GPtrArray) none = NULL;
  const GlossAttributeDisagreement *d;

  g_assert_cmpuint (list->len, ==, 2);
  d = g_ptr_array_index (list, 0);
  g_assert_cmpstr (d->tag, ==, "claim");
  g_assert_cmpuint (d->start, ==, WORD_START (5));
  g_assert_cmpuint (d->end, ==, WORD_END (5));
  g_assert_cmpstr (d->attribute, ==, "score");
  g_assert_cmpstr (d->value_a, ==, "1");
  g_assert_cmpstr (d->value_b, ==, "2");
  d = g_ptr_array_index (list, 1);
  g_assert_cmpstr (d->attribute, ==, "verdict");
  g_assert_cmpstr (d->value_a, ==, "v1");
  g_assert_cmpstr (d->value_b, ==, "v2");

  /* a–c: units 1 to 8, c's values as a's but for units 1 (3), 5 (3), 7 (2). */
  none = gloss_agreement_result_dup_attribute_disagreements (article, 0, 2);
  g_assert_cmpuint (none->len, ==, 6);

  /* The total lists nothing: disagreements belong to their article. */
  g_clear_pointer (&none, g_ptr_array_unref);
  none = gloss_agreement_result_dup_attribute_disagreements (gloss_agreement_get_total (study), 0, 1);
  g_assert_cmpuint (none->len, ==, 0);
}

/* The pair a–b, by hand: units 1 to 9 both marked, (1,1) (2,2) (3,3)
 * (3,3) (2,2) (1,2) (4,4) (1,1) (2,2).  Nominal: n = 18 values, 16 of
 * them in agreeing pairs, n_c = 5, 7, 4, 2: α = 1 − 17 × 2 / (18² − 94)
 * = 1 − 34/230.  Interval: Σv = 39, Σv² = 101, the observed sum 2:
 * α = 1 − 17 × 2 / (2 × (18 × 101 − 39²)) = 1 − 34/594.  Pooled over the
 * article twice, every sum doubles: nominal 1 − 35 × 4 / (36² − 376),
 * interval 1 − 35 × 4 / (2 × (36 × 202 − 78²)); percent agreement stays. */
static void
test_attributes_pair (void)
{
  g_autoptr(GlossSource) source = gloss_source_new_from_text (words, -1, "k.txt");
  g_autoptr(GPtrArray) layers = krippendorff_layers (source);
  g_autoptr(GlossAgreement) study = gloss_agreement_new ();
  g_autoptr(GlossAgreementResult) article = gloss_agreement_measure_layers (study, "k", source, layers);
  GlossAgreementResult *total;
  GlossAgreementSet *pair;
  GlossReliabilityResult result;

  pair = gloss_agreement_result_get_pair (article, 0, 1);
  g_assert_cmpfloat_with_epsilon (attribute_value (pair, "verdict", GLOSS_AGREEMENT_ATTRIBUTE_ALPHA_NOMINAL),
                                  1 - 34.0 / 230, 1e-12);
  g_assert_cmpfloat_with_epsilon (attribute_value (pair, "score", GLOSS_AGREEMENT_ATTRIBUTE_ALPHA_INTERVAL),
                                  1 - 34.0 / 594, 1e-12);

  gloss_agreement_result_free (gloss_agreement_measure_layers (study, "k", source, layers));
  total = gloss_agreement_get_total (study);
  pair = gloss_agreement_result_get_pair (total, 0, 1);

  gloss_agreement_set_get_attribute_measure (pair, "verdict", GLOSS_AGREEMENT_ATTRIBUTE_PERCENT, &result);
  g_assert_true (result.defined);
  g_assert_cmpfloat_with_epsilon (result.value, 8.0 / 9, 1e-12);
  g_assert_cmpuint (result.n_units, ==, 18);
  g_assert_cmpfloat_with_epsilon (attribute_value (pair, "verdict", GLOSS_AGREEMENT_ATTRIBUTE_ALPHA_NOMINAL),
                                  1 - 140.0 / 920, 1e-12);
  g_assert_cmpfloat_with_epsilon (attribute_value (pair, "score", GLOSS_AGREEMENT_ATTRIBUTE_ALPHA_INTERVAL),
                                  1 - 140.0 / 2376, 1e-12);

  /* An attribute no matched passage has: undefined, with the reason. */
  assert_undefined (pair, "stance", GLOSS_AGREEMENT_ATTRIBUTE_ALPHA_NOMINAL);
}

/* Passages that are not matched strictly (another span, another tag)
 * are no units: their values count nowhere. */
static void
test_attributes_strict (void)
{
  g_autoptr(GlossSource) source = gloss_source_new_from_text (words, -1, "s.txt");
  g_autoptr(GPtrArray) layers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossAgreement) study = gloss_agreement_new ();
  g_autoptr(GlossAgreementResult) article = NULL;
  GlossLayer *a = gloss_layer_new ("a", NULL), *b = gloss_layer_new ("b", NULL);
  GlossReliabilityResult result;

  gloss_layer_set_source (a, source);
  gloss_layer_set_source (b, source);
  g_ptr_array_add (layers, a);
  g_ptr_array_add (layers, b);
  gloss_layer_set_attribute (a, claim (a, 0), "verdict", g_variant_new_string ("true"));
  gloss_layer_set_attribute (b, claim (b, 0), "verdict", g_variant_new_string ("true"));
  gloss_layer_set_attribute (a, claim (a, 1), "verdict", g_variant_new_string ("true"));
  gloss_layer_set_attribute (b, claim (b, 2), "verdict", g_variant_new_string ("false"));
  gloss_layer_set_attribute (a, gloss_layer_annotate (a, "claim", WORD_START (3), WORD_END (4), NULL),
                             "verdict", g_variant_new_string ("true"));
  gloss_layer_set_attribute (b, gloss_layer_annotate (b, "claim", WORD_START (3), WORD_END (3), NULL),
                             "verdict", g_variant_new_string ("false"));
  gloss_layer_set_attribute (a, gloss_layer_annotate (a, "company", WORD_START (5), WORD_END (5), NULL),
                             "verdict", g_variant_new_string ("true"));
  gloss_layer_set_attribute (b, claim (b, 5), "verdict", g_variant_new_string ("false"));
  /* Matched, with no value on one side: not pairable. */
  claim (a, 6);
  gloss_layer_set_attribute (b, claim (b, 6), "verdict", g_variant_new_string ("false"));

  article = gloss_agreement_measure_layers (study, "s", source, layers);
  gloss_agreement_set_get_attribute_measure (gloss_agreement_result_get_pair (article, 0, 1), "verdict",
                                             GLOSS_AGREEMENT_ATTRIBUTE_PERCENT, &result);
  g_assert_true (result.defined);
  g_assert_cmpfloat (result.value, ==, 1);
  g_assert_cmpuint (result.n_units, ==, 1);
  assert_undefined (gloss_agreement_result_get_pair (article, 0, 1), "verdict",
                    GLOSS_AGREEMENT_ATTRIBUTE_ALPHA_NOMINAL);
}

static GlossLayer *
claims_layer (GlossSource *source,
              const char  *id,
              guint        n_words)
{
  GlossLayer *layer = gloss_layer_new (id, NULL);

  gloss_layer_set_source (layer, source);
  for (guint k = 0; k < n_words; k++)
    claim (layer, k);
  return layer;
}

static void
link_words (GlossLayer *layer,
            const char *type,
            guint       source,
            guint       target)
{
  GlossAnnotation *from = gloss_layer_find (layer, "claim", WORD_START (source), WORD_END (source));
  GlossAnnotation *to = gloss_layer_find (layer, "claim", WORD_START (target), WORD_END (target));

  g_assert_nonnull (gloss_layer_link (layer, type, gloss_annotation_get_id (from),
                                      gloss_annotation_get_id (to), NULL));
}

static void
assert_score (const GlossScore *score,
              double            expected)
{
  g_assert_cmpint (score->status, ==, GLOSS_SCORE_DEFINED);
  g_assert_cmpfloat_with_epsilon (score->value, expected, 1e-12);
}

/* a: about 0→1, said-by 2→3, about 6→7; b: about 0→1, said-by 2→4,
 * about 7→6 (the other way round).  One matches: P = R = F1 = 1/3; about
 * 1 of 2 each side, said-by 0 of 1.  A second article where a has one
 * relation and b none: 1 matched of 4 and 3, F1 = 2/7.  c has none. */
static void
test_relations (void)
{
  g_autoptr(GlossSource) source = gloss_source_new_from_text (words, -1, "r.txt");
  g_autoptr(GPtrArray) layers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) second = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossAgreement) study = gloss_agreement_new ();
  g_autoptr(GlossAgreementResult) article = NULL;
  GlossLayer *a = claims_layer (source, "a", 8), *b = claims_layer (source, "b", 8);
  GlossSpanCounts counts;
  GlossSpanScores scores;
  g_auto(GStrv) types = NULL;

  g_ptr_array_add (layers, a);
  g_ptr_array_add (layers, b);
  g_ptr_array_add (layers, claims_layer (source, "c", 8));
  link_words (a, "about", 0, 1);
  link_words (a, "said-by", 2, 3);
  link_words (a, "about", 6, 7);
  link_words (b, "about", 0, 1);
  link_words (b, "said-by", 2, 4);
  link_words (b, "about", 7, 6);

  /* A verdict a gives and b does not. */
  g_assert_true (gloss_layer_set_attribute (a, gloss_layer_find (a, "claim", WORD_START (0), WORD_END (0)),
                                            "verdict", g_variant_new_string ("true")));

  article = gloss_agreement_measure_layers (study, "r", source, layers);
  types = gloss_agreement_result_dup_relation_types (article);
  g_assert_cmpuint (g_strv_length (types), ==, 2);
  g_assert_cmpstr (types[0], ==, "about");
  g_assert_cmpstr (types[1], ==, "said-by");

  gloss_agreement_set_get_relation_counts (gloss_agreement_result_get_pair (article, 0, 1), NULL, &counts);
  g_assert_cmpuint (counts.n[GLOSS_SPAN_MATCHED], ==, 1);
  g_assert_cmpuint (counts.n[GLOSS_SPAN_ONLY_A], ==, 2);
  g_assert_cmpuint (counts.n[GLOSS_SPAN_ONLY_B], ==, 2);
  gloss_span_counts_get_scores (&counts, GLOSS_SPAN_STRICT, &scores);
  assert_score (&scores.precision, 1.0 / 3);
  assert_score (&scores.recall, 1.0 / 3);
  assert_score (&scores.f1, 1.0 / 3);

  gloss_agreement_set_get_relation_counts (gloss_agreement_result_get_pair (article, 0, 1), "about", &counts);
  gloss_span_counts_get_scores (&counts, GLOSS_SPAN_STRICT, &scores);
  assert_score (&scores.f1, 0.5);
  gloss_agreement_set_get_relation_counts (gloss_agreement_result_get_pair (article, 0, 1), "said-by", &counts);
  gloss_span_counts_get_scores (&counts, GLOSS_SPAN_STRICT, &scores);
  assert_score (&scores.f1, 0);

  /* Each relation of one side only, by its source, target and type. */
  {
    g_autoptr(GPtrArray) list = gloss_agreement_result_dup_relation_disagreements (article, 0, 1);
    g_autoptr(GPtrArray) verdicts = gloss_agreement_result_dup_attribute_disagreements (article, 0, 1);
    static const struct { GlossSpanOutcome kind; const char *type; guint source; guint target; } expected[] = {
      { GLOSS_SPAN_ONLY_A, "said-by", 2, 3 },
      { GLOSS_SPAN_ONLY_B, "said-by", 2, 4 },
      { GLOSS_SPAN_ONLY_A, "about", 6, 7 },
      { GLOSS_SPAN_ONLY_B, "about", 7, 6 },
    };
    const GlossAttributeDisagreement *verdict;

    g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < list->len; i++)
      {
        const GlossRelationDisagreement *d = g_ptr_array_index (list, i);

        g_assert_cmpint (d->kind, ==, expected[i].kind);
        g_assert_cmpstr (d->type, ==, expected[i].type);
        g_assert_cmpstr (d->source_tag, ==, "claim");
        g_assert_cmpuint (d->source_start, ==, WORD_START (expected[i].source));
        g_assert_cmpuint (d->source_end, ==, WORD_END (expected[i].source));
        g_assert_cmpstr (d->target_tag, ==, "claim");
        g_assert_cmpuint (d->target_start, ==, WORD_START (expected[i].target));
        g_assert_cmpuint (d->target_end, ==, WORD_END (expected[i].target));
      }

    g_assert_cmpuint (verdicts->len, ==, 1);
    verdict = g_ptr_array_index (verdicts, 0);
    g_assert_cmpuint (verdict->start, ==, WORD_START (0));
    g_assert_cmpstr (verdict->value_a, ==, "true");
    g_assert_null (verdict->value_b);
  }

  /* a–c: c has none, precision is undefined; b... the group has none. */
  gloss_agreement_set_get_relation_counts (gloss_agreement_result_get_pair (article, 0, 2), NULL, &counts);
  gloss_span_counts_get_scores (&counts, GLOSS_SPAN_STRICT, &scores);
  g_assert_cmpint (scores.precision.status, ==, GLOSS_SCORE_EMPTY_B);
  assert_score (&scores.recall, 0);
  gloss_agreement_set_get_relation_counts (gloss_agreement_result_get_group (article), NULL, &counts);
  g_assert_cmpuint (gloss_span_counts_get_n_a (&counts) + gloss_span_counts_get_n_b (&counts), ==, 0);

  g_ptr_array_add (second, claims_layer (source, "a", 3));
  g_ptr_array_add (second, claims_layer (source, "b", 3));
  link_words (g_ptr_array_index (second, 0), "about", 0, 2);
  gloss_agreement_result_free (gloss_agreement_measure_layers (study, "r2", source, second));
  gloss_agreement_set_get_relation_counts (gloss_agreement_result_get_pair (gloss_agreement_get_total (study), 0, 1),
                                           NULL, &counts);
  gloss_span_counts_get_scores (&counts, GLOSS_SPAN_STRICT, &scores);
  assert_score (&scores.precision, 1.0 / 3);
  assert_score (&scores.recall, 1.0 / 4);
  assert_score (&scores.f1, 2.0 / 7);
}

/* The relation counts of the first two layers of @layers, an article of
 * @study. */
static void
pair_relations (GlossAgreement  *study,
                GlossSource     *source,
                GPtrArray       *layers,
                GlossSpanCounts *counts)
{
  g_autoptr(GlossAgreementResult) article = gloss_agreement_measure_layers (study, "r", source, layers);

  gloss_agreement_set_get_relation_counts (gloss_agreement_result_get_pair (article, 0, 1), NULL, counts);
}

/* Neither side has a relation: nothing is defined. */
static void
test_relations_none (void)
{
  g_autoptr(GlossSource) source = gloss_source_new_from_text (words, -1, "n.txt");
  g_autoptr(GPtrArray) layers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossAgreement) study = gloss_agreement_new ();
  GlossSpanCounts counts;
  GlossSpanScores scores;

  g_ptr_array_add (layers, claims_layer (source, "a", 2));
  g_ptr_array_add (layers, claims_layer (source, "b", 2));
  pair_relations (study, source, layers, &counts);
  gloss_span_counts_get_scores (&counts, GLOSS_SPAN_STRICT, &scores);
  g_assert_cmpint (scores.f1.status, ==, GLOSS_SCORE_EMPTY_BOTH);
  g_assert_true (isnan (scores.f1.value));
}

/* A relation an end of which is not measured (here of a tag left out)
 * is not counted. */
static void
test_relations_left_out (void)
{
  g_autoptr(GlossSource) source = gloss_source_new_from_text (words, -1, "o.txt");
  g_autoptr(GPtrArray) layers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossAgreement) study = gloss_agreement_new ();
  GlossSpanCounts counts;

  for (guint i = 0; i < 2; i++)
    {
      GlossLayer *layer = claims_layer (source, i == 0 ? "a" : "b", 3);
      GlossAnnotation *company = gloss_layer_annotate (layer, "company", WORD_START (5), WORD_END (5), NULL);

      link_words (layer, "about", 0, 1);
      g_assert_nonnull (gloss_layer_link (layer, "said-by",
                                          gloss_annotation_get_id (gloss_layer_find (layer, "claim", 0, 3)),
                                          gloss_annotation_get_id (company), NULL));
      g_ptr_array_add (layers, layer);
    }
  gloss_agreement_set_tags (study, (const char * const[]) { "claim", NULL });
  pair_relations (study, source, layers, &counts);
  g_assert_cmpuint (counts.n[GLOSS_SPAN_MATCHED], ==, 1);
  g_assert_cmpuint (gloss_span_counts_get_n_a (&counts), ==, 1);
  g_assert_cmpuint (gloss_span_counts_get_n_b (&counts), ==, 1);
}

/* Review: passages alike whose verdicts differ, relations some annotator
 * lacks. */
static void
test_review_kinds (void)
{
  g_autoptr(GlossSource) source = gloss_source_new_from_text (words, -1, "v.txt");
  g_autoptr(GPtrArray) layers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossReview) review = NULL;
  GlossLayer *a = claims_layer (source, "a", 6), *b = claims_layer (source, "b", 6);
  g_autoptr(GPtrArray) relations = NULL;

  g_ptr_array_add (layers, a);
  g_ptr_array_add (layers, b);
  gloss_layer_set_attribute (a, gloss_layer_find (a, "claim", 0, 3), "verdict", g_variant_new_string ("true"));
  gloss_layer_set_attribute (b, gloss_layer_find (b, "claim", 0, 3), "verdict", g_variant_new_string ("false"));
  gloss_layer_set_attribute (a, gloss_layer_find (a, "claim", 4, 7), "verdict", g_variant_new_string ("true"));
  gloss_layer_set_attribute (b, gloss_layer_find (b, "claim", 4, 7), "verdict", g_variant_new_string ("true"));
  link_words (a, "about", 2, 3);
  link_words (b, "about", 2, 3);
  link_words (a, "said-by", 4, 5);

  review = gloss_review_new (layers);
  g_assert_cmpuint (gloss_review_get_n_units (review), ==, 6);
  g_assert_cmpint (gloss_review_get_unit (review, 0)->kind, ==, GLOSS_REVIEW_ATTRIBUTE_DIFFERS);
  g_assert_cmpint (gloss_review_get_unit (review, 1)->kind, ==, GLOSS_REVIEW_AGREED);
  g_assert_cmpint (gloss_review_get_unit (review, 2)->kind, ==, GLOSS_REVIEW_AGREED);
  g_assert_cmpint (gloss_review_get_unit (review, 3)->kind, ==, GLOSS_REVIEW_AGREED);
  g_assert_cmpint (gloss_review_get_unit (review, 4)->kind, ==, GLOSS_REVIEW_RELATION_DIFFERS);
  g_assert_cmpint (gloss_review_get_unit (review, 5)->kind, ==, GLOSS_REVIEW_RELATION_DIFFERS);
  g_assert_cmpuint (gloss_review_get_n_disagreements (review), ==, 3);

  relations = gloss_review_dup_relations (review, 0, gloss_layer_find (a, "claim", WORD_START (3), WORD_END (3)));
  g_assert_cmpuint (relations->len, ==, 1);
  g_assert_true (gloss_review_relation_agreed (review, 0, g_ptr_array_index (relations, 0)));
  g_clear_pointer (&relations, g_ptr_array_unref);
  relations = gloss_review_dup_relations (review, 0, gloss_layer_find (a, "claim", WORD_START (4), WORD_END (4)));
  g_assert_cmpuint (relations->len, ==, 1);
  g_assert_false (gloss_review_relation_agreed (review, 0, g_ptr_array_index (relations, 0)));
}

/* Accepting carries a version's attributes, and a relation once both its
 * ends are in the consensus, in the step that settles the second. */
static void
test_review_carries (void)
{
  g_autoptr(GlossSource) source = gloss_source_new_from_text (words, -1, "c.txt");
  g_autoptr(GPtrArray) layers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossLayer) consensus = layer_with_marks (source, GLOSS_CONSENSUS_ANNOTATOR, "");
  g_autoptr(GlossReview) review = NULL;
  GlossLayer *a = claims_layer (source, "a", 6), *b = claims_layer (source, "b", 6);
  GlossAnnotation *passage;
  g_autoptr(GVariant) verdict = NULL;
  GlossRelation *relation;

  g_ptr_array_add (layers, a);
  g_ptr_array_add (layers, b);
  gloss_layer_set_attribute (a, gloss_layer_find (a, "claim", 0, 3), "verdict", g_variant_new_string ("true"));
  gloss_layer_set_attribute (b, gloss_layer_find (b, "claim", 0, 3), "verdict", g_variant_new_string ("false"));
  link_words (a, "said-by", 4, 5);

  review = gloss_review_new (layers);
  gloss_review_set_consensus (review, consensus);

  /* Versions are by annotator: b's is the second. */
  passage = gloss_review_accept (review, 0, 1, "rev", NULL);
  g_assert_nonnull (passage);
  verdict = gloss_annotation_dup_attribute (passage, "verdict");
  g_assert_cmpstr (g_variant_get_string (verdict, NULL), ==, "false");

  g_assert_nonnull (gloss_review_accept (review, 4, 0, "rev", NULL));
  g_assert_cmpuint (gloss_layer_get_n_relations (consensus), ==, 0);
  passage = gloss_review_accept (review, 5, 0, "rev", NULL);
  g_assert_nonnull (passage);
  g_assert_cmpuint (gloss_layer_get_n_relations (consensus), ==, 1);
  relation = gloss_layer_get_relation (consensus, 0);
  g_assert_cmpstr (gloss_relation_get_rel_type (relation), ==, "said-by");
  g_assert_cmpstr (gloss_relation_get_target (relation), ==, gloss_annotation_get_id (passage));
  g_assert_cmpstr (gloss_relation_get_source (relation), ==,
                   gloss_annotation_get_id (gloss_layer_find (consensus, "claim", WORD_START (4), WORD_END (4))));

  /* One step: undo takes the passage and its relation back together. */
  g_assert_true (gloss_layer_undo (consensus));
  g_assert_cmpuint (gloss_layer_get_n_relations (consensus), ==, 0);
  g_assert_null (gloss_layer_find (consensus, "claim", WORD_START (5), WORD_END (5)));
  g_assert_nonnull (gloss_layer_find (consensus, "claim", WORD_START (4), WORD_END (4)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/agreement-relations/attributes-group", test_attributes_group);
  g_test_add_func ("/agreement-relations/attributes-pair", test_attributes_pair);
  g_test_add_func ("/agreement-relations/attributes-strict", test_attributes_strict);
  g_test_add_func ("/agreement-relations/attribute-disagreements", test_attribute_disagreements);
  g_test_add_func ("/agreement-relations/relations", test_relations);
  g_test_add_func ("/agreement-relations/relations-none", test_relations_none);
  g_test_add_func ("/agreement-relations/relations-left-out", test_relations_left_out);
  g_test_add_func ("/agreement-relations/review-kinds", test_review_kinds);
  g_test_add_func ("/agreement-relations/review-carries", test_review_carries);

  return g_test_run ();
}
