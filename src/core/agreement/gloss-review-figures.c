/* gloss-review-figures.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-review"

#include "config.h"

#include <math.h>

#include "gloss-agreement.h"
#include "gloss-review-private.h"

void
gloss_review_measure (GlossReview        *self,
                      GlossSource        *source,
                      GlossReviewFigures *figures)
{
  g_return_if_fail (self != NULL);

  gloss_review_measure_layers (self->layers, source, figures);
}

/* F1 lenient of the spans, or F1 of the relations, of the pairs of
 * @result: a pair's, or the mean of the pairs', undefined unless every
 * pair's is. */
static void
mean_f1 (GlossAgreementResult *result,
         gboolean              relations,
         GlossScore           *f1)
{
  guint n = gloss_agreement_result_get_n_annotators (result);
  guint n_pairs = 0;
  double sum = 0;
  GlossScoreStatus status = GLOSS_SCORE_DEFINED;

  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      {
        GlossAgreementSet *pair = gloss_agreement_result_get_pair (result, a, b);
        GlossSpanCounts counts;
        GlossSpanScores scores;

        if (pair == NULL)
          continue;
        if (relations)
          {
            gloss_agreement_set_get_relation_counts (pair, NULL, &counts);
            gloss_span_counts_get_scores (&counts, GLOSS_SPAN_STRICT, &scores);
          }
        else
          gloss_span_counts_get_scores (gloss_span_match_get_counts (gloss_agreement_set_get_spans (pair)),
                                        GLOSS_SPAN_LENIENT, &scores);
        if (scores.f1.status != GLOSS_SCORE_DEFINED && status == GLOSS_SCORE_DEFINED)
          status = scores.f1.status;
        sum += scores.f1.value;
        n_pairs++;
      }
  if (n_pairs == 0)
    status = GLOSS_SCORE_EMPTY_BOTH;
  f1->status = status;
  f1->value = status == GLOSS_SCORE_DEFINED ? sum / n_pairs : NAN;
}

static gboolean
has_attributes (GlossLayer *layer)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (layer));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (G_LIST_MODEL (layer), i);

      if (gloss_annotation_get_attributes (annotation) != NULL)
        return TRUE;
    }
  return FALSE;
}

void
gloss_review_measure_layers (GPtrArray          *layers,
                             GlossSource        *source,
                             GlossReviewFigures *figures)
{
  g_autoptr(GlossAgreement) agreement = gloss_agreement_new ();
  g_autoptr(GlossAgreementResult) result = NULL;
  GlossAgreementSet *group;
  const GlossReliabilityResult none = { FALSE, NAN, NULL, 0, 0 };

  g_return_if_fail (layers != NULL);
  g_return_if_fail (GLOSS_IS_SOURCE (source));
  g_return_if_fail (figures != NULL);

  /* Every layer compared, the consensus too when it is one of them. */
  {
    g_autofree const char **ids = g_new0 (const char *, layers->len + 1);

    for (guint i = 0; i < layers->len; i++)
      ids[i] = gloss_layer_get_annotator_id (g_ptr_array_index (layers, i));
    gloss_agreement_set_annotators (agreement, ids);
  }
  result = gloss_agreement_measure_layers (agreement, "article", source, layers);

  mean_f1 (result, FALSE, &figures->f1_lenient);
  figures->has_attributes = FALSE;
  figures->has_relations = FALSE;
  for (guint i = 0; i < layers->len; i++)
    {
      GlossLayer *layer = g_ptr_array_index (layers, i);

      figures->has_relations |= gloss_layer_get_n_relations (layer) > 0;
      figures->has_attributes = figures->has_attributes || has_attributes (layer);
    }
  mean_f1 (result, TRUE, &figures->relations_f1);

  group = gloss_agreement_result_get_n_annotators (result) == 2 ? gloss_agreement_result_get_pair (result, 0, 1)
                                                                 : gloss_agreement_result_get_group (result);
  figures->alpha_u = none;
  figures->attributes_alpha = none;
  if (group != NULL)
    {
      gloss_agreement_set_get_alpha_u (group, NULL, &figures->alpha_u);
      gloss_agreement_set_get_attribute_measure (group, NULL, GLOSS_AGREEMENT_ATTRIBUTE_ALPHA_NOMINAL,
                                                 &figures->attributes_alpha);
    }
}
