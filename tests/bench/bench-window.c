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
#include "bench-util.h"

/* Annotations added then removed to time an edit. */
#define EDITS 40

typedef struct
{
  guint frames;
  double last;
  double worst;
  gboolean measuring;
  GArray *intervals;
  double frame_start;
  double frame_work;     /* the dearest frame's layout and paint since it
                          * was last reset, in seconds */
} Frames;

static void
on_layout (GdkFrameClock *clock,
           Frames        *f)
{
  f->frame_start = bench_now ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Frames        *f)
{
  if (f->frame_start > 0)
    f->frame_work = MAX (f->frame_work, bench_now () - f->frame_start);
  f->frame_start = 0;
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  Frames *f = data;
  double t = bench_now ();

  if (f->measuring && f->last > 0)
    {
      double interval = t - f->last;

      if (interval > 0.05)
        {
          GtkAdjustment *adj = GTK_IS_SCROLLABLE (widget) ? gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (widget)) : NULL;

          g_printerr ("slow frame %u: %.0f ms at %.0f of %.0f px\n", f->intervals->len, interval * 1000,
                      adj ? gtk_adjustment_get_value (adj) : 0, adj ? gtk_adjustment_get_upper (adj) : 0);
        }
      f->worst = MAX (f->worst, interval);
      g_array_append_val (f->intervals, interval);
    }
  f->last = t;
  f->frames++;
  return G_SOURCE_CONTINUE;
}

/* Iterates the main loop until @frames more frames have been drawn. */
static void
wait_frames (Frames *f,
             guint   frames)
{
  guint target = f->frames + frames;
  double deadline = bench_now () + 30;

  while (f->frames < target && bench_now () < deadline)
    g_main_context_iteration (NULL, TRUE);
}

/* Sets *@data to 1 when the window opened its file, -1 when it failed. */
static void
on_opened (GObject      *window,
           GAsyncResult *result,
           gpointer      data)
{
  *(int *)data = gloss_window_open_finish (GLOSS_WINDOW (window), result, NULL) ? 1 : -1;
}

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
  Frames frames = { 0 };
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
  tick = gtk_widget_add_tick_callback (GTK_WIDGET (window), on_tick, &frames, NULL);
  wait_frames (&frames, 2);
  gtk_widget_remove_tick_callback (GTK_WIDGET (window), tick);

  /* Open: from the call until the first frame with the text drawn, the
   * file being read in a worker thread meanwhile. */
  t0 = bench_now ();
  gloss_window_open_async (window, article, on_opened, &opened);
  while (opened == 0)
    g_main_context_iteration (NULL, TRUE);
  if (opened < 0)
    g_error ("could not open %s", article_path);
  view = gloss_window_get_text_view (window);
  tick = gtk_widget_add_tick_callback (GTK_WIDGET (view), on_tick, &frames, NULL);
  wait_frames (&frames, 2);
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

    g_signal_connect (clock, "layout", G_CALLBACK (on_layout), &frames);
    g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &frames);

    for (guint i = 0; i < EDITS; i++)
      {
        g_autoptr(GlossAnnotation) a = NULL;
        guint start = 100 + 150 * (i % 20) + i / 20;
        double t, op;

        frames.frame_work = 0;
        t = bench_now ();
        a = g_object_ref (gloss_layer_annotate (layer, "claim", start, start + 30, NULL));
        op = bench_now () - t;
        wait_frames (&frames, 2);
        worst_add_call = MAX (worst_add_call, op);
        op += frames.frame_work;
        g_array_append_val (adds, op);

        frames.frame_work = 0;
        t = bench_now ();
        gloss_layer_remove (layer, a);
        op = bench_now () - t;
        wait_frames (&frames, 2);
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
        wait_frames (&frames, 1);
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
