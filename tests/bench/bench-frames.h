/* bench-frames.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What the window benchmarks count of the frames a widget draws: how
 * many, the intervals between them while measuring, and the frames' own
 * work (update, layout and paint), summed since it was last reset. */
typedef struct
{
  guint frames;
  double last;
  double worst;
  gboolean measuring;
  GArray *intervals;     /* double, seconds */
  double frame_start;
  double frame_work;
} BenchFrames;

/* A tick callback (gtk_widget_add_tick_callback) with a BenchFrames. */
gboolean bench_frames_tick   (GtkWidget     *widget,
                              GdkFrameClock *clock,
                              gpointer       frames);
/* Adds the work of each frame of @clock, from its start to its last
 * phase, to frame_work. */
void     bench_frames_follow (BenchFrames   *frames,
                              GdkFrameClock *clock);
/* Iterates the main loop until @n more frames have been drawn (60 s at
 * most). */
void     bench_frames_wait   (BenchFrames   *frames,
                              guint          n);
/* A GAsyncReadyCallback of gloss_window_open_async: sets the int at
 * @result_out to 1 when the window opened its file, -1 when it failed. */
void     bench_window_opened (GObject       *window,
                              GAsyncResult  *result,
                              gpointer       result_out);

G_END_DECLS
