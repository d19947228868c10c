/* bench-window-corpus.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A folder as a corpus in the window, at scale: the 10,000 articles of
 * 5 KB that bench-corpus makes (100 subfolders, three annotators with 20
 * passages each, a gloss-assignments.csv giving each article to two of
 * them).  Open Folder until the list is usable (every article listed,
 * its assignments read, target 1 s) and until it is complete (every
 * article read in the background, target 5 s), the frames drawn
 * meanwhile (the worst, reported), filtering the complete list by text
 * and to the articles assigned to the user, and sorting it by a column
 * (reported), and the peak memory (target 300 MB).
 *   bench-window-corpus BENCH-CORPUS
 */

#include "config.h"

#include <gtk/gtk.h>
#include <string.h>
#include <sys/resource.h>

#include "gloss-application.h"
#include "gloss-window.h"
#include "bench-frames.h"
#include "bench-util.h"
#include "file-test-util.h"

/* The first widget under @root (itself included) named @name, or of
 * @type when @name is NULL; NULL when there is none. */
static GtkWidget *
find_widget (GtkWidget  *root,
             const char *name,
             GType       type)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, root);
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

      if (name != NULL ? g_strcmp0 (gtk_widget_get_name (w), name) == 0 : G_TYPE_CHECK_INSTANCE_TYPE (w, type))
        return w;
      for (GtkWidget *child = gtk_widget_get_first_child (w); child != NULL; child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  return NULL;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GlossApplication) app = NULL;
  GlossCorpusView *view;
  GlossWindow *window;
  BenchFrames frames = { 0 };
  struct rusage usage;
  gboolean ok = TRUE;
  double t0, usable = -1, complete = -1, filter, sort;
  guint tick;

  g_set_prgname ("gloss-bench");
  gtk_init ();
  if (argc != 2)
    {
      g_printerr ("Usage: bench-window-corpus BENCH-CORPUS\n");
      return 2;
    }

  dir = g_dir_make_tmp ("gloss-bench-window-corpus-XXXXXX", NULL);
  {
    char *args[] = { argv[1], (char *) "generate", dir, NULL };
    BenchChild child = bench_run_child (args);

    g_print ("made 10,000 articles and their files in %.1f s\n", child.seconds);
    g_free (child.output);
  }
  folder = g_file_new_for_path (dir);

  app = gloss_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_settings_set_string (gloss_application_get_settings (app), "annotator-name", "Annotator 1");

  window = gloss_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
  gtk_window_present (GTK_WINDOW (window));
  tick = gtk_widget_add_tick_callback (GTK_WIDGET (window), bench_frames_tick, &frames, NULL);
  bench_frames_wait (&frames, 2);
  view = gloss_window_get_corpus_view (window);

  /* The frames' intervals while the list fills in: the window stays
   * responsive. */
  frames.intervals = g_array_new (FALSE, FALSE, sizeof (double));
  frames.measuring = TRUE;
  t0 = bench_now ();
  gloss_window_open_folder (window, folder);
  while (bench_now () - t0 < 120)
    {
      g_main_context_iteration (NULL, TRUE);
      if (usable < 0 && gloss_corpus_view_get_n_articles (view) >= 10000)
        usable = bench_now () - t0;
      if (usable >= 0 && !gloss_corpus_view_is_scanning (view))
        {
          complete = bench_now () - t0;
          break;
        }
    }
  frames.measuring = FALSE;
  if (complete < 0)
    g_error ("the folder was not read in two minutes");

  g_print ("listed %u articles\n\n", gloss_corpus_view_get_n_articles (view));
  ok &= bench_report ("open a folder: every article listed", usable, "s", 1);
  ok &= bench_report ("open a folder: every article read", complete, "s", 5);
  bench_report ("  slowest frame meanwhile", frames.worst * 1000, "ms", 0);

  /* Filtering the complete list by text, then clearing the filter. */
  {
    GtkWidget *search = find_widget (GTK_WIDGET (view), "corpus-search", G_TYPE_NONE);

    g_assert_nonnull (search);

    t0 = bench_now ();
    gtk_editable_set_text (GTK_EDITABLE (search), "article-0999");
    while (gloss_corpus_view_get_n_shown (view) > 20 && bench_now () - t0 < 30)
      g_main_context_iteration (NULL, TRUE);
    bench_frames_wait (&frames, 1);
    filter = bench_now () - t0;
    bench_report ("filter 10,000 rows by text (until drawn)", filter, "s", 0);
    gtk_editable_set_text (GTK_EDITABLE (search), "");
    while (gloss_corpus_view_get_n_shown (view) < 10000 && bench_now () - t0 < 60)
      g_main_context_iteration (NULL, TRUE);
  }

  /* The assignments: the counts of what is assigned to the user, then
   * Assigned to Me and back. */
  {
    GtkWidget *counts = find_widget (GTK_WIDGET (view), "corpus-counts", G_TYPE_NONE);
    GtkWidget *assigned = find_widget (GTK_WIDGET (view), "corpus-assigned-filter", G_TYPE_NONE);
    double assigned_filter;
    const char *said = gtk_label_get_text (GTK_LABEL (counts));

    /* 6,667 with the locale's thousands separator, or without one. */
    if (strstr (said, " of 6,667 assigned to you done") == NULL && strstr (said, " of 6667 assigned to you done") == NULL)
      g_error ("the counts say “%s”", said);
    t0 = bench_now ();
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (assigned), TRUE);
    while (gloss_corpus_view_get_n_shown (view) > 6667 && bench_now () - t0 < 30)
      g_main_context_iteration (NULL, TRUE);
    bench_frames_wait (&frames, 1);
    assigned_filter = bench_now () - t0;
    bench_report ("filter 10,000 rows to those assigned to you (until drawn)", assigned_filter, "s", 0);
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (assigned), FALSE);
    while (gloss_corpus_view_get_n_shown (view) < 10000 && bench_now () - t0 < 60)
      g_main_context_iteration (NULL, TRUE);
  }

  /* Sorting by the annotator's column, as a click on its title does. */
  {
    GtkColumnView *table = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (view), NULL, GTK_TYPE_COLUMN_VIEW));
    g_autoptr(GtkColumnViewColumn) column = NULL;

    g_assert_nonnull (table);
    column = g_list_model_get_item (gtk_column_view_get_columns (table), 3);
    t0 = bench_now ();
    gtk_column_view_sort_by_column (table, column, GTK_SORT_DESCENDING);
    bench_frames_wait (&frames, 2);
    sort = bench_now () - t0;
    bench_report ("sort 10,000 rows by your status (until drawn)", sort, "s", 0);
  }

  getrusage (RUSAGE_SELF, &usage);
  ok &= bench_report ("peak memory", usage.ru_maxrss / 1024.0, "MB", 300);

  gtk_widget_remove_tick_callback (GTK_WIDGET (window), tick);
  gtk_window_destroy (GTK_WINDOW (window));
  delete_tree (dir);
  g_array_unref (frames.intervals);

  g_print ("\n%s\n", ok ? "All targets met." : "Some targets were missed.");
  return ok ? 0 : 1;
}
