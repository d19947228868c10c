/* bench-window-relations.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Times the window on a large case with relations: the 5 MB article and
 * 100,000 annotations of bench-annotation-file, with 50,000 relations
 * added to the file: 200 from one passage near the top (a hub, whose
 * other ends are spread over the whole article) and the rest between
 * neighbouring passages.  With a passage selected, its relations are
 * drawn as curves at every frame.
 *
 *   bench-window-relations BENCH-ANNOTATION-FILE
 */

#include "config.h"

#include <gtk/gtk.h>
#include <stdio.h>

#include "gloss-application.h"
#include "gloss-window.h"
#include "bench-frames.h"
#include "bench-util.h"

#define N_RELATIONS 50000
#define HUB_INDEX 40
#define HUB_RELATIONS 200
/* Passages selected, links made and removed, to time each. */
#define EDITS 40

static const char *
id_at (GlossLayer *layer,
       guint       position)
{
  g_autoptr(GlossAnnotation) a = g_list_model_get_item (G_LIST_MODEL (layer), position);

  return gloss_annotation_get_id (a);
}

/* Adds the relations to the generated file, without history. */
static void
add_relations (const char *annotations_path)
{
  g_autoptr(GFile) file = g_file_new_for_path (annotations_path);
  g_autoptr(GlossAnnotationFile) af = NULL;
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  GlossLayer *layer;
  guint n;

  af = gloss_annotation_file_open (file, GLOSS_LOAD_NONE, NULL, &error);
  g_assert_no_error (error);
  layer = gloss_annotation_file_get_layer (af);
  n = g_list_model_get_n_items (G_LIST_MODEL (layer));

  for (guint i = 0; i < HUB_RELATIONS; i++)
    g_ptr_array_add (relations, gloss_relation_new ("about", id_at (layer, HUB_INDEX),
                                                    id_at (layer, (HUB_INDEX + 1 + i * (n / HUB_RELATIONS)) % n),
                                                    NULL));
  for (guint i = 0; relations->len < N_RELATIONS; i++)
    g_ptr_array_add (relations, gloss_relation_new (i % 2 ? "said-by" : "about",
                                                    id_at (layer, 2 * i), id_at (layer, 2 * i + 1), NULL));

  gloss_layer_replace_relations (layer, relations);
  gloss_history_mark_dirty (gloss_layer_get_history (layer));
  if (!gloss_annotation_file_save (af, GLOSS_SAVE_NONE, NULL, &error))
    g_error ("%s", error->message);
}

/* Times @n calls of @step (with @i) each followed by the frame that
 * shows it: returns the worst of call + frame work, in ms.  The window
 * thread's processor time for the same is reported as @what's. */
typedef void (*Step) (GlossWindow *window, guint i, gpointer data);

static double
time_steps (BenchFrames *frames,
            GlossWindow *window,
            Step         step,
            gpointer     data,
            const char  *what,
            double      *median)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < EDITS; i++)
    {
      BenchStep timed;

      bench_frames_begin_step (frames, &timed);
      step (window, i, data);
      bench_frames_end_step (frames, &timed);
      g_array_append_val (times, timed.total);
      g_array_append_val (cpu_times, timed.cpu);
    }

  bench_report_thread_cpu (cpu_times, what);
  g_array_sort (times, bench_compare_doubles);
  *median = g_array_index (times, double, EDITS / 2) * 1000;
  return g_array_index (times, double, EDITS - 1) * 1000;
}

static GlossLayer *
layer_of (GlossWindow *window)
{
  return gloss_document_get_layer (gloss_window_get_document (window));
}

/* Selects, one after the other, the passages near the hub, each of which
 * has relations to its neighbour. */
static void
select_step (GlossWindow *window,
             guint        i,
             gpointer     data)
{
  g_autoptr(GlossAnnotation) a = g_list_model_get_item (G_LIST_MODEL (layer_of (window)), i);

  gloss_text_view_select (gloss_window_get_text_view (window), a, FALSE);
}

typedef struct
{
  GlossAnnotation *hub;
  GlossRelation *made;
} Linking;

/* Links the hub to a passage on screen, then takes the link back. */
static void
link_step (GlossWindow *window,
           guint        i,
           gpointer     data)
{
  GlossLayer *layer = layer_of (window);
  Linking *linking = data;
  g_autoptr(GlossAnnotation) other = g_list_model_get_item (G_LIST_MODEL (layer), HUB_INDEX + 1 + i);

  if (linking->made != NULL)
    {
      gloss_layer_remove_relation (layer, linking->made);
      linking->made = NULL;
      return;
    }
  linking->made = gloss_layer_link (layer, "said-by", gloss_annotation_get_id (linking->hub),
                                    gloss_annotation_get_id (other), NULL);
}

/* Adds an annotation on the first screen, or removes the one added. */
static void
annotate_step (GlossWindow *window,
               guint        i,
               gpointer     data)
{
  GlossLayer *layer = layer_of (window);
  GlossAnnotation **added = data;

  if (*added != NULL)
    {
      gloss_layer_remove (layer, *added);
      g_clear_object (added);
      return;
    }
  *added = g_object_ref (gloss_layer_annotate (layer, "claim", 100 + 150 * (i % 20), 130 + 150 * (i % 20), NULL));
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
  g_autoptr(GlossAnnotation) hub = NULL;
  GlossAnnotation *added = NULL;
  Linking linking = { NULL, NULL };
  GlossWindow *window;
  GlossTextView *view;
  GlossLayer *layer;
  BenchFrames frames = { 0 };
  gboolean ok = TRUE;
  double opening, median, worst;
  guint tick;

  g_set_prgname ("gloss-bench");
  gtk_init ();
  frames.intervals = g_array_new (FALSE, FALSE, sizeof (double));
  if (argc != 2)
    {
      g_printerr ("Usage: bench-window-relations BENCH-ANNOTATION-FILE\n");
      return 2;
    }

  dir = bench_generate_big (argv[1], &article_path, &annotations_path);
  article = g_file_new_for_path (article_path);
  add_relations (annotations_path);

  app = gloss_application_new ();
  window = bench_window_new (app, &frames);

  /* Open: from the call until the first frame with the text drawn. */
  opening = bench_window_open (window, article, &frames, &tick);
  view = gloss_window_get_text_view (window);
  layer = layer_of (window);
  g_print ("Article: %u characters, %u annotations, %u relations\n\n",
           gloss_source_get_length (gloss_document_get_source (gloss_window_get_document (window))),
           g_list_model_get_n_items (G_LIST_MODEL (layer)), gloss_layer_get_n_relations (layer));
  ok &= bench_report ("open: text and highlights on screen", opening, "s", 1.5);

  bench_frames_follow (&frames, gtk_widget_get_frame_clock (GTK_WIDGET (view)));

  /* Selecting passages of the first screen: the curves of each. */
  worst = time_steps (&frames, window, select_step, NULL, "select", &median);
  g_print ("passages of the first screen selected, %u\n", EDITS);
  bench_report ("  select: call + its frame with curves (median)", median, "ms", 0);
  ok &= bench_report ("select a passage: call + its frame with curves (worst)", worst, "ms", 16);

  /* The hub selected: 200 curves, most to ends far off the screen. */
  hub = g_list_model_get_item (G_LIST_MODEL (layer), HUB_INDEX);
  gloss_text_view_select (view, hub, FALSE);
  bench_frames_wait (&frames, 2);

  linking.hub = hub;
  worst = time_steps (&frames, window, link_step, &linking, "link or unlink", &median);
  g_print ("links made and removed from a passage with %u relations\n", HUB_RELATIONS);
  bench_report ("  link or unlink: call + its frame (median)", median, "ms", 0);
  ok &= bench_report ("link or unlink: call + its frame (worst)", worst, "ms", 16);

  worst = time_steps (&frames, window, annotate_step, &added, "add or remove", &median);
  g_clear_object (&added);
  g_print ("annotations added and removed with the hub selected\n");
  bench_report ("  add or remove: call + its frame (median)", median, "ms", 0);
  ok &= bench_report ("add or remove an annotation: call + its frame (worst)", worst, "ms", 16);

  /* Scroll from the top to the end a page at a time, the hub's curves
   * drawn at every frame. */
  ok &= bench_window_scroll_and_close (window, &frames, tick, "scrolling with the hub's curves: slowest frame (ms)");
  bench_remove_big (dir, article_path, annotations_path);

  g_print ("\n%s\n", ok ? "All targets met." : "Some targets were missed.");
  return ok ? 0 : 1;
}
