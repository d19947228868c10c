/* bench-frames.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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
}

static void
on_after_paint (GdkFrameClock *clock,
                BenchFrames   *f)
{
  if (f->frame_start > 0)
    f->frame_work += bench_now () - f->frame_start;
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
bench_window_opened (GObject      *window,
                     GAsyncResult *result,
                     gpointer      result_out)
{
  *(int *) result_out = gloss_window_open_finish (GLOSS_WINDOW (window), result, NULL) ? 1 : -1;
}
