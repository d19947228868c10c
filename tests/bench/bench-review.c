/* bench-review.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The review units of a 5 MB article annotated by three annotators with
 * 100,000 passages each, the second and third mostly as the first: how
 * long gathering them takes (the part of entering review that the core
 * does, in processor time; target 1.5 s), how long stepping to the next and the previous
 * disagreement takes (target 16 ms, worst of 2,000 steps), and the peak
 * memory of the whole (target 900 MB, the articles and layers included).
 * The units of 10,000 passages on a 500 kB article, as dense, are
 * gathered too, to show the cost grows as n log n.
 *
 *   bench-review            measures, in a child process of its own
 *   bench-review run N      gathers N passages per annotator, prints seconds
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "gloss-review.h"
#include "bench-util.h"

#define ARTICLE_BYTES (5 * 1000 * 1000)
#define ANNOTATORS 3

static const char * const tags[] = { "company", "controversy", "claim" };

static int
run (guint n_passages)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (n_passages);
  g_autoptr(GString) text = g_string_sized_new (64);
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GPtrArray) layers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossReview) review = NULL;
  double t0, gather, worst = 0;
  guint offset = 0;

  /* As many passages per character, whatever their number. */
  while (text->len < (gsize) ARTICLE_BYTES / 100000 * n_passages)
    {
      g_string_append (text, bench_random_word (rand));
      g_string_append (text, g_rand_int_range (rand, 0, 12) == 0 ? ". " : " ");
    }
  source = gloss_source_new_from_text (text->str, text->len, "big.txt");

  for (guint a = 0; a < ANNOTATORS; a++)
    {
      g_autofree char *id = g_strdup_printf ("annotator-%u", a + 1);
      GlossLayer *layer = gloss_layer_new (id, NULL);
      g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
      guint length = gloss_source_get_length (source);

      gloss_layer_set_source (layer, source);
      for (guint k = 0; k < n_passages; k++)
        {
          if (a == 0)
            {
              guint start = g_rand_int_range (rand, 0, length - 100);

              g_ptr_array_add (annotations,
                               gloss_annotation_new_for_source (source, tags[k % G_N_ELEMENTS (tags)], start,
                                                                start + g_rand_int_range (rand, 1, 90), NULL));
            }
          else
            {
              GlossLayer *first = g_ptr_array_index (layers, 0);
              g_autoptr(GlossAnnotation) model = g_list_model_get_item (G_LIST_MODEL (first),
                                                                        k % g_list_model_get_n_items (G_LIST_MODEL (first)));

              g_ptr_array_add (annotations, bench_vary_annotation (rand, source, model));
            }
        }
      gloss_layer_replace_all (layer, annotations);
      g_ptr_array_add (layers, layer);
    }

  /* Processor time: the machine may be busy with other work. */
  t0 = bench_cpu_seconds ();
  review = gloss_review_new (layers);
  gather = bench_cpu_seconds () - t0;

  /* Forwards through the first thousand disagreements, then back. */
  for (guint step = 0; step < 2000; step++)
    {
      gboolean backwards = step >= 1000;
      int unit;

      t0 = bench_now ();
      unit = gloss_review_find_disagreement (review, offset, backwards, FALSE);
      worst = MAX (worst, bench_now () - t0);
      if (unit < 0)
        break;
      offset = gloss_review_get_unit (review, unit)->start;
    }

  g_print ("%.4f %.6f %u %u\n", gather, worst, gloss_review_get_n_units (review),
           gloss_review_get_n_disagreements (review));
  return 0;
}

static gboolean
measure (const char *self,
         guint       n_passages,
         double     *gather,
         double     *worst_step,
         double     *peak_mb)
{
  g_autofree char *count = g_strdup_printf ("%u", n_passages);
  char *args[] = { (char *) self, (char *) "run", count, NULL };
  BenchChild child = bench_run_child (args);
  guint n_units = 0, n_disagreements = 0;

  if (sscanf (child.output, "%lf %lf %u %u", gather, worst_step, &n_units, &n_disagreements) != 4)
    g_error ("bench-review run %u printed: %s", n_passages, child.output);
  g_print ("%u passages x %d annotators: %u units, %u disagreements\n", n_passages, ANNOTATORS,
           n_units, n_disagreements);
  *peak_mb = child.peak_mb;
  g_free (child.output);
  return n_units > 0 && n_disagreements > 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *self = NULL;
  double small_gather, small_step, small_peak, gather, step, peak;
  gboolean ok = TRUE;

  if (argc == 3 && strcmp (argv[1], "run") == 0)
    return run ((guint) g_ascii_strtoull (argv[2], NULL, 10));

  self = g_file_read_link ("/proc/self/exe", &error);
  g_assert_no_error (error);

  ok &= measure (self, 10000, &small_gather, &small_step, &small_peak);
  ok &= measure (self, 100000, &gather, &step, &peak);
  ok &= bench_report ("review units, 3 x 100,000 passages, 5 MB", gather, "s", 1.5);
  ok &= bench_report ("  next or previous disagreement, worst of 2,000", step * 1000, "ms", 16);
  ok &= bench_report ("  peak memory", peak, "MB", 900);
  /* n log n: ten times the passages, about eleven or twelve times the time. */
  ok &= bench_report ("  time, 100,000 over 10,000 passages", gather / small_gather, "x", 15);

  g_print (ok ? "All targets met.\n" : "Some targets missed.\n");
  return ok ? 0 : 1;
}
