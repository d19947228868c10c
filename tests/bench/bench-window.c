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

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <stdio.h>
#include <sys/resource.h>

#include "gloss-application.h"
#include "gloss-window.h"
#include "bench-frames.h"
#include "bench-util.h"

/* Annotations added then removed to time an edit. */
#define EDITS 40

static void
generate (const char *generator,
          const char *dir)
{
  char *args[] = { (char *)generator, (char *)"generate", (char *)dir, NULL };
  BenchChild child = bench_run_child (args);

  g_free (child.output);
}

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
  GtkAdjustment *vadjustment;
  BenchFrames frames = { 0 };
  struct rusage usage;
  gboolean ok = TRUE;
  int opened = 0;
  double t0, t1, worst_add_call = 0, worst_remove_call = 0;
  guint tick;

  g_set_prgname ("gloss-bench");
  gtk_init ();
  frames.intervals = g_array_new (FALSE, FALSE, sizeof (double));
  if (argc != 2)
    {
      g_printerr ("Usage: bench-window BENCH-ANNOTATION-FILE\n");
      return 2;
    }

  dir = g_dir_make_tmp ("gloss-bench-window-XXXXXX", NULL);
  generate (argv[1], dir);
  article_path = g_build_filename (dir, "big.txt", NULL);
  annotations_path = g_build_filename (dir, "big.txt.bench.gloss.json", NULL);
  article = g_file_new_for_path (article_path);

  app = gloss_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_settings_set_string (gloss_application_get_settings (app), "annotator-name", "Bench");

  window = gloss_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
  gtk_window_present (GTK_WINDOW (window));
  tick = gtk_widget_add_tick_callback (GTK_WIDGET (window), bench_frames_tick, &frames, NULL);
  bench_frames_wait (&frames, 2);
  gtk_widget_remove_tick_callback (GTK_WIDGET (window), tick);

  /* Open: from the call until the first frame with the text drawn, the
   * file being read in a worker thread meanwhile. */
  t0 = bench_now ();
  gloss_window_open_async (window, article, bench_window_opened, &opened);
  while (opened == 0)
    g_main_context_iteration (NULL, TRUE);
  if (opened < 0)
    g_error ("could not open %s", article_path);
  view = gloss_window_get_text_view (window);
  tick = gtk_widget_add_tick_callback (GTK_WIDGET (view), bench_frames_tick, &frames, NULL);
  bench_frames_wait (&frames, 2);
  t1 = bench_now ();
  layer = gloss_document_get_layer (gloss_window_get_document (window));
  g_print ("Article: %u characters, %u annotations\n\n",
           gloss_source_get_length (gloss_document_get_source (gloss_window_get_document (window))),
           g_list_model_get_n_items (G_LIST_MODEL (layer)));
  ok &= bench_report ("open: text and highlights on screen", t1 - t0, "s", 1.5);

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
        double t, op;

        frames.frame_work = 0;
        t = bench_now ();
        a = g_object_ref (gloss_layer_annotate (layer, "claim", start, start + 30, NULL));
        op = bench_now () - t;
        bench_frames_wait (&frames, 2);
        worst_add_call = MAX (worst_add_call, op);
        op += frames.frame_work;
        g_array_append_val (adds, op);

        frames.frame_work = 0;
        t = bench_now ();
        gloss_layer_remove (layer, a);
        op = bench_now () - t;
        bench_frames_wait (&frames, 2);
        worst_remove_call = MAX (worst_remove_call, op);
        op += frames.frame_work;
        g_array_append_val (removes, op);
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
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  frames.measuring = TRUE;
  frames.worst = 0;
  frames.last = 0;
  t0 = bench_now ();
  {
    guint steps = 0;

    while (gtk_adjustment_get_value (vadjustment) + gtk_adjustment_get_page_size (vadjustment) <
           gtk_adjustment_get_upper (vadjustment) - 1 && steps < 100000)
      {
        gtk_adjustment_set_value (vadjustment,
                                  gtk_adjustment_get_value (vadjustment) +
                                  gtk_adjustment_get_page_size (vadjustment));
        bench_frames_wait (&frames, 1);
        steps++;
      }
    g_print ("scrolled %u pages in %.1f s\n", steps, bench_now () - t0);
  }
  frames.measuring = FALSE;
  {
    guint n = frames.intervals->len, slow = 0;

    g_array_sort (frames.intervals, bench_compare_doubles);
    for (guint i = 0; i < n; i++)
      if (g_array_index (frames.intervals, double, i) > 0.050)
        slow++;
    if (n > 0)
      g_print ("scrolling frames: %u, median %.1f ms, 99th percentile %.1f ms, %u over 50 ms\n",
               n, g_array_index (frames.intervals, double, n / 2) * 1000,
               g_array_index (frames.intervals, double, n * 99 / 100) * 1000, slow);
  }
  ok &= bench_report ("scrolling: slowest frame (ms)", frames.worst * 1000, "ms", 50);

  getrusage (RUSAGE_SELF, &usage);
  ok &= bench_report ("peak memory", usage.ru_maxrss / 1024.0, "MB", 600);

  gtk_widget_remove_tick_callback (GTK_WIDGET (view), tick);
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (annotations_path);
  g_unlink (article_path);
  g_rmdir (dir);

  g_print ("\n%s\n", ok ? "All targets met." : "Some targets were missed.");
  return ok ? 0 : 1;
}
