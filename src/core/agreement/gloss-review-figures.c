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

void
gloss_review_measure_layers (GPtrArray          *layers,
                             GlossSource        *source,
                             GlossReviewFigures *figures)
{
  g_autoptr(GlossAgreement) agreement = gloss_agreement_new ();
  g_autoptr(GlossAgreementResult) result = NULL;
  GlossAgreementSet *group;
  guint n, n_pairs = 0;
  double sum = 0;
  GlossScoreStatus status = GLOSS_SCORE_DEFINED;

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
  n = gloss_agreement_result_get_n_annotators (result);

  /* A group's F1 is the mean of its pairs'. */
  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      {
        GlossAgreementSet *pair = gloss_agreement_result_get_pair (result, a, b);
        GlossSpanScores scores;

        if (pair == NULL)
          continue;
        gloss_span_counts_get_scores (gloss_span_match_get_counts (gloss_agreement_set_get_spans (pair)),
                                      GLOSS_SPAN_LENIENT, &scores);
        if (scores.f1.status != GLOSS_SCORE_DEFINED && status == GLOSS_SCORE_DEFINED)
          status = scores.f1.status;
        sum += scores.f1.value;
        n_pairs++;
      }
  if (n_pairs == 0)
    status = GLOSS_SCORE_EMPTY_BOTH;
  figures->f1_lenient.status = status;
  figures->f1_lenient.value = status == GLOSS_SCORE_DEFINED ? sum / n_pairs : NAN;

  group = n == 2 ? gloss_agreement_result_get_pair (result, 0, 1) : gloss_agreement_result_get_group (result);
  if (group != NULL)
    gloss_agreement_set_get_alpha_u (group, NULL, &figures->alpha_u);
  else
    figures->alpha_u = (GlossReliabilityResult) { FALSE, NAN, NULL, 0, 0 };
}
