/* bench-frames.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/resource.h>

#include "gloss-window.h"
#include "bench-frames.h"
#include "bench-util.h"

gboolean
bench_frames_tick (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       data)
{
  BenchFrames *f = data;
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

/* From the start of the frame: GTK lays the window out in the clock's
 * layout phase, in a handler connected before this program's, so a frame
 * timed from "layout" would leave out the measuring and allocating. */
static void
on_before_paint (GdkFrameClock *clock,
                 BenchFrames   *f)
{
  f->frame_start = bench_now ();
  f->frame_cpu_start = bench_thread_cpu_seconds ();
}

static void
on_after_paint (GdkFrameClock *clock,
                BenchFrames   *f)
{
  if (f->frame_start > 0)
    {
      f->frame_work += bench_now () - f->frame_start;
      f->frame_cpu += bench_thread_cpu_seconds () - f->frame_cpu_start;
    }
  f->frame_start = 0;
}

void
bench_frames_follow (BenchFrames   *frames,
                     GdkFrameClock *clock)
{
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), frames);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), frames);
}

void
bench_frames_wait (BenchFrames *f,
                   guint        n)
{
  guint target = f->frames + n;
  double deadline = bench_now () + 60;

  while (f->frames < target && bench_now () < deadline)
    g_main_context_iteration (NULL, TRUE);
}

void
bench_frames_begin_step (BenchFrames *frames,
                         BenchStep   *step)
{
  frames->frame_work = 0;
  frames->frame_cpu = 0;
  step->start = bench_now ();
  step->cpu_start = bench_thread_cpu_seconds ();
}

void
bench_frames_end_step (BenchFrames *frames,
                       BenchStep   *step)
{
  step->call = bench_now () - step->start;
  step->cpu = bench_thread_cpu_seconds () - step->cpu_start;
  bench_frames_wait (frames, 2);
  step->total = step->call + frames->frame_work;
  step->cpu += frames->frame_cpu;
}

void
bench_report_thread_cpu (GArray     *cpu,
                         const char *what)
{
  g_autofree char *median = g_strdup_printf ("  %s: the window thread's processor time (median)", what);
  g_autofree char *worst = g_strdup_printf ("  %s: the window thread's processor time (worst)", what);

  g_return_if_fail (cpu->len > 0);

  g_array_sort (cpu, bench_compare_doubles);
  bench_report (median, g_array_index (cpu, double, cpu->len / 2) * 1000, "ms", 0);
  bench_report (worst, g_array_index (cpu, double, cpu->len - 1) * 1000, "ms", 0);
}

void
bench_window_opened (GObject      *window,
                     GAsyncResult *result,
                     gpointer      result_out)
{
  *(int *) result_out = gloss_window_open_finish (GLOSS_WINDOW (window), result, NULL) ? 1 : -1;
}

GlossWindow *
bench_window_new (GlossApplication *app,
                  BenchFrames      *frames)
{
  GlossWindow *window;
  guint tick;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_settings_set_string (gloss_application_get_settings (app), "annotator-name", "Bench");

  window = gloss_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
  gtk_window_present (GTK_WINDOW (window));
  tick = gtk_widget_add_tick_callback (GTK_WIDGET (window), bench_frames_tick, frames, NULL);
  bench_frames_wait (frames, 2);
  gtk_widget_remove_tick_callback (GTK_WIDGET (window), tick);
  return window;
}

double
bench_window_open (GlossWindow *window,
                   GFile       *article,
                   BenchFrames *frames,
                   guint       *tick)
{
  double t0 = bench_now ();
  int opened = 0;

  gloss_window_open_async (window, article, bench_window_opened, &opened);
  while (opened == 0)
    g_main_context_iteration (NULL, TRUE);
  if (opened < 0)
    g_error ("could not open %s", g_file_peek_path (article));
  *tick = gtk_widget_add_tick_callback (GTK_WIDGET (gloss_window_get_text_view (window)),
                                        bench_frames_tick, frames, NULL);
  bench_frames_wait (frames, 2);
  return bench_now () - t0;
}

guint
bench_scroll_to_end (GtkWidget   *view,
                     BenchFrames *frames)
{
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  guint steps = 0;

  frames->measuring = TRUE;
  frames->worst = 0;
  frames->last = 0;
  while (gtk_adjustment_get_value (vadjustment) + gtk_adjustment_get_page_size (vadjustment) <
         gtk_adjustment_get_upper (vadjustment) - 1 && steps < 100000)
    {
      gtk_adjustment_set_value (vadjustment,
                                gtk_adjustment_get_value (vadjustment) +
                                gtk_adjustment_get_page_size (vadjustment));
      bench_frames_wait (frames, 1);
      steps++;
    }
  frames->measuring = FALSE;
  return steps;
}

char *
bench_generate_big (const char  *generator,
                    char       **article_path,
                    char       **annotations_path)
{
  char *dir = g_dir_make_tmp ("gloss-bench-window-XXXXXX", NULL);
  char *args[] = { (char *) generator, (char *) "generate", dir, NULL };
  BenchChild child = bench_run_child (args);

  g_free (child.output);
  *article_path = g_build_filename (dir, "big.txt", NULL);
  *annotations_path = g_build_filename (dir, "big.txt.bench.gloss.json", NULL);
  return dir;
}

void
bench_remove_big (const char *dir,
                  const char *article_path,
                  const char *annotations_path)
{
  g_unlink (annotations_path);
  g_unlink (article_path);
  g_rmdir (dir);
}

gboolean
bench_report_scrolling (BenchFrames *frames,
                        const char  *what)
{
  guint n = frames->intervals->len, slow = 0;

  g_array_sort (frames->intervals, bench_compare_doubles);
  for (guint i = 0; i < n; i++)
    if (g_array_index (frames->intervals, double, i) > 0.050)
      slow++;
  if (n > 0)
    g_print ("scrolling frames: %u, median %.1f ms, 99th percentile %.1f ms, %u over 50 ms\n",
             n, g_array_index (frames->intervals, double, n / 2) * 1000,
             g_array_index (frames->intervals, double, n * 99 / 100) * 1000, slow);
  return bench_report (what, frames->worst * 1000, "ms", 50);
}

gboolean
bench_window_scroll_and_close (GlossWindow *window,
                               BenchFrames *frames,
                               guint        tick,
                               const char  *what)
{
  GtkWidget *view = GTK_WIDGET (gloss_window_get_text_view (window));
  struct rusage usage;
  gboolean ok;
  double t0 = bench_now ();
  guint steps;

  steps = bench_scroll_to_end (view, frames);
  g_print ("scrolled %u pages in %.1f s\n", steps, bench_now () - t0);
  ok = bench_report_scrolling (frames, what);

  getrusage (RUSAGE_SELF, &usage);
  ok &= bench_report ("peak memory", usage.ru_maxrss / 1024.0, "MB", 600);

  gtk_widget_remove_tick_callback (view, tick);
  gtk_window_destroy (GTK_WINDOW (window));
  return ok;
}
