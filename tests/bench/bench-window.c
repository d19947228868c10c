/* bench-window.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Times the window on a large case: a 5 MB article with an annotation file
 * of 100,000 annotations, made by bench-annotation-file.
 *
 *   bench-window BENCH-ANNOTATION-FILE
 */

#include "config.h"

#include <gtk/gtk.h>
#include <stdio.h>

#include "gloss-application.h"
#include "gloss-window.h"
#include "bench-frames.h"
#include "bench-util.h"

/* Annotations added then removed to time an edit. */
#define EDITS 40

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *article_path = NULL;
  g_autofree char *annotations_path = NULL;
  g_autoptr(GFile) article = NULL;
  g_autoptr(GlossApplication) app = NULL;
  GlossWindow *window;
  GlossTextView *view;
  GlossLayer *layer;
  BenchFrames frames = { 0 };
  gboolean ok = TRUE;
  double opening, worst_add_call = 0, worst_remove_call = 0;
  guint tick;

  g_set_prgname ("gloss-bench");
  gtk_init ();
  frames.intervals = g_array_new (FALSE, FALSE, sizeof (double));
  if (argc != 2)
    {
      g_printerr ("Usage: bench-window BENCH-ANNOTATION-FILE\n");
      return 2;
    }

  dir = bench_generate_big (argv[1], &article_path, &annotations_path);
  article = g_file_new_for_path (article_path);

  app = gloss_application_new ();
  window = bench_window_new (app, &frames);

  /* Open: from the call until the first frame with the text drawn, the
   * file being read in a worker thread meanwhile. */
  opening = bench_window_open (window, article, &frames, &tick);
  view = gloss_window_get_text_view (window);
  layer = gloss_document_get_layer (gloss_window_get_document (window));
  g_print ("Article: %u characters, %u annotations\n\n",
           gloss_source_get_length (gloss_document_get_source (gloss_window_get_document (window))),
           g_list_model_get_n_items (G_LIST_MODEL (layer)));
  ok &= bench_report ("open: text and highlights on screen", opening, "s", 1.5);

  /* Adding and removing annotations on the first screen, from the first
   * paragraph down: the work of the call itself (the layer and every view
   * of it) plus the layout and painting of the frame that shows the
   * change; the wait for the display's next frame is not counted.  The
   * first paragraph is the dearest: GTK 4.8 lays out every visible
   * paragraph again after a change there. */
  {
    GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (view));
    g_autoptr(GArray) adds = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) removes = g_array_new (FALSE, FALSE, sizeof (double));

    bench_frames_follow (&frames, clock);

    for (guint i = 0; i < EDITS; i++)
      {
        g_autoptr(GlossAnnotation) a = NULL;
        guint start = 100 + 150 * (i % 20) + i / 20;
        BenchStep step;

        bench_frames_begin_step (&frames, &step);
        a = g_object_ref (gloss_layer_annotate (layer, "claim", start, start + 30, NULL));
        bench_frames_end_step (&frames, &step);
        worst_add_call = MAX (worst_add_call, step.call);
        g_array_append_val (adds, step.total);

        bench_frames_begin_step (&frames, &step);
        gloss_layer_remove (layer, a);
        bench_frames_end_step (&frames, &step);
        worst_remove_call = MAX (worst_remove_call, step.call);
        g_array_append_val (removes, step.total);
      }

    g_array_sort (adds, bench_compare_doubles);
    g_array_sort (removes, bench_compare_doubles);
    g_print ("edits at %u places of the first screen\n", EDITS);
    bench_report ("  add: the call alone (worst)", worst_add_call * 1000, "ms", 0);
    bench_report ("  add: call + its frame (median)", g_array_index (adds, double, EDITS / 2) * 1000, "ms", 0);
    ok &= bench_report ("add an annotation: call + its frame (worst)",
                        g_array_index (adds, double, EDITS - 1) * 1000, "ms", 16);
    bench_report ("  remove: the call alone (worst)", worst_remove_call * 1000, "ms", 0);
    bench_report ("  remove: call + its frame (median)", g_array_index (removes, double, EDITS / 2) * 1000, "ms", 0);
    ok &= bench_report ("remove an annotation: call + its frame (worst)",
                        g_array_index (removes, double, EDITS - 1) * 1000, "ms", 16);
  }

  /* Scroll from the top to the end a page at a time. */
  ok &= bench_window_scroll_and_close (window, &frames, tick, "scrolling: slowest frame (ms)");
  bench_remove_big (dir, article_path, annotations_path);

  g_print ("\n%s\n", ok ? "All targets met." : "Some targets were missed.");
  return ok ? 0 : 1;
}
