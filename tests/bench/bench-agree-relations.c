/* bench-agree-relations.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Agreement on attributes and relations at scale: two annotators of one
 * article, each with 100,000 passages carrying a verdict (alike nine
 * times in ten) and 50,000 relations (a tenth of them elsewhere), measured
 * by the study (spans, tokens, α_U, attributes and relations together)
 * and gathered into review units (whose kinds compare attributes and
 * relations); each against a tenth of it, to show the cost grows
 * linearly, and against the same passages without attributes and
 * relations, to show what they add.  Each is timed by the clock and by
 * the processor time it used, which a busy machine does not inflate.
 * Targets: 1.5 s of processor time each for the whole, growth under 15×
 * (20× for the review, whose sorts alone come near 15×). */

#include "config.h"

#include <string.h>

#include "gloss-agreement.h"
#include "gloss-review.h"
#include "bench-util.h"

static const char * const verdicts[] = { "true", "false", "misleading", "unverifiable" };

/* A layer of @n_passages claims, one per word of @source (word k the
 * characters [5k, 5k + 4)), with a verdict when @extras, and as many
 * relations "about" as half the passages, from passage 2r to 2r + 1 (a
 * tenth of them to 2r + 2 instead when @other). */
static GlossLayer *
make_layer (GlossSource *source,
            const char  *id,
            guint        n_passages,
            gboolean     extras,
            gboolean     other,
            GRand       *rand)
{
  GlossLayer *layer = gloss_layer_new (id, NULL);
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);

  gloss_layer_set_source (layer, source);
  for (guint k = 0; k < n_passages; k++)
    {
      GlossAnnotation *annotation = gloss_annotation_new_for_source (source, "claim", 5 * k, 5 * k + 4, NULL);
      guint v = other && g_rand_int_range (rand, 0, 10) == 0 ? (guint) g_rand_int_range (rand, 0, 4) : k % 4;
      GVariantDict dict;

      g_variant_dict_init (&dict, NULL);
      g_variant_dict_insert (&dict, "verdict", "s", verdicts[v]);
      if (extras)
        gloss_annotation_set_attributes (annotation, g_variant_dict_end (&dict));
      else
        g_variant_dict_clear (&dict);
      g_ptr_array_add (annotations, annotation);
    }
  for (guint r = 0; extras && r < n_passages / 2; r++)
    {
      guint target = other && g_rand_int_range (rand, 0, 10) == 0 ? 2 * r + 2 : 2 * r + 1;

      g_ptr_array_add (relations,
                       gloss_relation_new ("about",
                                           gloss_annotation_get_id (g_ptr_array_index (annotations, 2 * r)),
                                           gloss_annotation_get_id (g_ptr_array_index (annotations, target)),
                                           NULL));
    }
  gloss_layer_replace_all (layer, annotations);
  gloss_layer_replace_relations (layer, relations);
  return layer;
}

typedef struct
{
  double study;
  double review;
  double study_cpu;
  double review_cpu;
} Times;

static Times
measure (guint    n_passages,
         gboolean extras)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (n_passages);
  g_autoptr(GString) text = g_string_sized_new (5 * n_passages);
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GPtrArray) layers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossAgreement) study = gloss_agreement_new ();
  g_autoptr(GlossAgreementResult) result = NULL;
  g_autoptr(GlossReview) review = NULL;
  GlossSpanCounts counts;
  GlossReliabilityResult alpha;
  Times times;
  double start, cpu;

  for (guint k = 0; k < n_passages + 1; k++)
    g_string_append (text, "word ");
  source = gloss_source_new_from_text (text->str, -1, "bench.txt");
  g_ptr_array_add (layers, make_layer (source, "a", n_passages, extras, FALSE, rand));
  g_ptr_array_add (layers, make_layer (source, "b", n_passages, extras, TRUE, rand));

  start = bench_now ();
  cpu = bench_cpu_seconds ();
  result = gloss_agreement_measure_layers (study, "bench", source, layers);
  times.study = bench_now () - start;
  times.study_cpu = bench_cpu_seconds () - cpu;
  gloss_agreement_set_get_relation_counts (gloss_agreement_result_get_pair (result, 0, 1), NULL, &counts);
  gloss_agreement_set_get_attribute_measure (gloss_agreement_result_get_pair (result, 0, 1), "verdict",
                                             GLOSS_AGREEMENT_ATTRIBUTE_ALPHA_NOMINAL, &alpha);
  if (extras && (gloss_span_counts_get_n_a (&counts) != n_passages / 2 || !alpha.defined ||
                 alpha.n_units != n_passages))
    g_error ("the study did not measure every passage and relation");

  start = bench_now ();
  cpu = bench_cpu_seconds ();
  review = gloss_review_new (layers);
  times.review = bench_now () - start;
  times.review_cpu = bench_cpu_seconds () - cpu;
  if (extras && gloss_review_get_n_disagreements (review) == 0)
    g_error ("the review found no disagreement");
  return times;
}

int
main (int    argc,
      char **argv)
{
  Times small = measure (10000, TRUE);
  Times large = measure (100000, TRUE);
  Times plain = measure (100000, FALSE);
  Times plain_small = measure (10000, FALSE);
  gboolean ok = TRUE;

  bench_report ("agreement, 2 x 100,000 passages with attributes, 2 x 50,000 relations",
                large.study, "s", 0);
  ok &= bench_report ("  processor time", large.study_cpu, "s", 1.5);
  bench_report ("  the same passages without attributes or relations, processor time", plain.study_cpu, "s", 0);
  ok &= bench_report ("  processor time, 100,000 over 10,000 passages", large.study_cpu / small.study_cpu,
                      "x", 15);
  bench_report ("review units, the same layers", large.review, "s", 0);
  ok &= bench_report ("  processor time", large.review_cpu, "s", 1.5);
  bench_report ("  the same passages without attributes or relations, processor time", plain.review_cpu, "s", 0);
  /* Gathering the units sorts them: alone it grows 14 to 16 times from
   * 10,000 to 100,000 passages on a busy machine. */
  ok &= bench_report ("  processor time, 100,000 over 10,000 passages", large.review_cpu / small.review_cpu,
                      "x", 20);
  bench_report ("  the same without attributes or relations", plain.review_cpu / plain_small.review_cpu, "x", 0);
  g_print (ok ? "All targets met.\n" : "Some targets missed.\n");
  return ok ? 0 : 1;
}
