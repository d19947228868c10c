/* bench-frames.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gloss-application.h"
#include "gloss-window.h"

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
  double frame_cpu_start;
  double frame_cpu;      /* the window thread's processor time in frame_work */
} BenchFrames;

/* One step a window benchmark times: a call, then the frames that show
 * it, whose wait for the display is not counted. */
typedef struct
{
  double start;          /* bench_now () when the call began */
  double cpu_start;      /* bench_thread_cpu_seconds () then */
  double call;           /* seconds: the call alone */
  double total;          /* seconds: the call and its frames' work */
  double cpu;            /* seconds: the window thread's processor time for the same */
} BenchStep;

/* A tick callback (gtk_widget_add_tick_callback) with a BenchFrames. */
gboolean bench_frames_tick   (GtkWidget     *widget,
                              GdkFrameClock *clock,
                              gpointer       frames);
/* Adds the work of each frame of @clock, from its start to its last
 * phase, to frame_work, and the processor time the thread used for it to
 * frame_cpu. */
void     bench_frames_follow (BenchFrames   *frames,
                              GdkFrameClock *clock);
/* Iterates the main loop until @n more frames have been drawn (60 s at
 * most). */
void     bench_frames_wait   (BenchFrames   *frames,
                              guint          n);
/* Before a step's call: resets @frames' counts and starts @step's clocks. */
void     bench_frames_begin_step (BenchFrames *frames,
                                  BenchStep   *step);
/* After it: waits for the two frames that show it and fills in @step. */
void     bench_frames_end_step   (BenchFrames *frames,
                                  BenchStep   *step);
/* Reports the median and the worst of @cpu (seconds, sorted here), the
 * processor time of steps called @what: a step slower by the clock than
 * in processor time waited for a processor. */
void     bench_report_thread_cpu (GArray      *cpu,
                                  const char  *what);
/* A GAsyncReadyCallback of gloss_window_open_async: sets the int at
 * @result_out to 1 when the window opened its file, -1 when it failed. */
void     bench_window_opened (GObject       *window,
                              GAsyncResult  *result,
                              gpointer       result_out);

/* Registers @app (the user "Bench") and presents a window of it,
 * 1200 × 900, once it has drawn twice. */
GlossWindow *bench_window_new    (GlossApplication *app,
                                  BenchFrames      *frames);
/* Opens @article in @window and waits for the text view's first two
 * frames, counted from then on by the tick callback whose id goes to
 * @tick: the seconds it took. */
double   bench_window_open   (GlossWindow   *window,
                              GFile         *article,
                              BenchFrames   *frames,
                              guint         *tick);
/* Scrolls @view to the end a page at a time, each page's frame measured
 * (frames->worst, frames->intervals): the number of pages. */
guint    bench_scroll_to_end (GtkWidget     *view,
                              BenchFrames   *frames);

/* Makes the 5 MB article and its 100,000 annotations with
 * bench-annotation-file (@generator) in a new folder, which it returns,
 * and gives their paths. */
char    *bench_generate_big  (const char    *generator,
                              char         **article_path,
                              char         **annotations_path);
void     bench_remove_big    (const char    *dir,
                              const char    *article_path,
                              const char    *annotations_path);
/* Prints how the scrolling frames went and reports the slowest against
 * 50 ms as @what. */
gboolean bench_report_scrolling (BenchFrames *frames,
                                 const char  *what);
/* The end of a window benchmark: scrolls its text view from the top to
 * the end a page a frame and reports the slowest frame as @what, reports
 * the peak memory (600 MB), then closes @window, whose view's tick
 * callback is @tick.  Whether these targets were met. */
gboolean bench_window_scroll_and_close (GlossWindow *window,
                                        BenchFrames *frames,
                                        guint        tick,
                                        const char  *what);

G_END_DECLS
