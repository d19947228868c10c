/* bench-window-review.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Times review in the window on a large case: a 5 MB article with three
 * annotators' files of 100,000 passages each (the user's own and two
 * teammates', most passages alike, some with other bounds, tags or
 * places), made by a child process so that the window's own memory is
 * what is measured.  Entering review at once after opening (reported)
 * and again once the teammates' files are read (target 1.5 s, from the
 * action until the frame that shows it), stepping to the next or previous
 * disagreement (target 16 ms for the call and the frame that shows it,
 * once the review has settled; the first steps are reported), a decision
 * (reported), and the peak memory (target 900 MB).
 *   bench-window-review
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "gloss-application.h"
#include "gloss-window.h"
#include "bench-frames.h"
#include "bench-util.h"

#define ARTICLE_BYTES (5 * 1000 * 1000)
#define PASSAGES 100000
#define STEPS 200

static const char * const ids[] = { "bench", "second", "third", NULL };
static const char * const tags[] = { "company", "controversy", "claim" };

/* Writes big.txt and the three files into @dir. */
static int
generate (const char *dir)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GString) text = g_string_sized_new (ARTICLE_BYTES + 64);
  g_autofree char *path = g_build_filename (dir, "big.txt", NULL);
  g_autoptr(GFile) article = g_file_new_for_path (path);
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func (g_object_unref);
  guint length;

  while (text->len < ARTICLE_BYTES)
    {
      g_string_append (text, bench_random_word (rand));
      g_string_append (text, g_rand_int_range (rand, 0, 12) == 0 ? ".\n" : " ");
    }
  if (!g_file_set_contents (path, text->str, text->len, &error))
    g_error ("%s", error->message);
  source = gloss_source_new_from_plain_text (article, 0, NULL, &error);
  if (source == NULL)
    g_error ("%s", error->message);
  length = gloss_source_get_length (source);

  for (guint a = 0; ids[a] != NULL; a++)
    {
      g_autofree char *name = g_strdup_printf ("Annotator %u", a + 1);
      g_autoptr(GlossAnnotationFile) file = gloss_annotation_file_new (source, ids[a], a == 0 ? "Bench" : name);
      g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint k = 0; k < PASSAGES; k++)
        {
          if (a == 0)
            {
              guint start = g_rand_int_range (rand, 0, length - 100);
              GlossAnnotation *made = gloss_annotation_new_for_source (source, tags[k % G_N_ELEMENTS (tags)], start,
                                                                       start + g_rand_int_range (rand, 1, 90), NULL);

              g_ptr_array_add (first, g_object_ref (made));
              g_ptr_array_add (annotations, made);
            }
          else
            g_ptr_array_add (annotations, bench_vary_annotation (rand, source, g_ptr_array_index (first, k)));
        }
      gloss_layer_replace_all (gloss_annotation_file_get_layer (file), annotations);
      if (!gloss_annotation_file_save (file, GLOSS_SAVE_OVERWRITE, NULL, &error))
        g_error ("%s", error->message);
    }
  return 0;
}

/* Activates @action, then waits for the frame that shows it: the call's
 * time plus that frame's layout and paint; the window thread's processor
 * time for the same goes to @cpu, unless NULL. */
static double
timed_action (GlossWindow *window,
              BenchFrames *frames,
              const char  *action,
              GVariant    *parameter,
              double      *cpu)
{
  BenchStep step;

  bench_frames_begin_step (frames, &step);
  if (!gtk_widget_activate_action_variant (GTK_WIDGET (window), action, parameter))
    g_error ("%s did not run", action);
  bench_frames_end_step (frames, &step);
  if (cpu != NULL)
    *cpu = step.cpu;
  return step.total;
}

/* Whether the review bar shows the agreement figures, measured last. */
static gboolean
figures_shown (GlossWindow *window)
{
  GtkWidget *widget = GTK_WIDGET (window);
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, widget);
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_LABEL (w) && g_strcmp0 (gtk_widget_get_name (w), "review-figures") == 0)
        return strstr (gtk_label_get_text (GTK_LABEL (w)), "F1") != NULL;
      for (GtkWidget *child = gtk_widget_get_first_child (w); child != NULL; child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  return FALSE;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *self = NULL;
  g_autofree char *article_path = NULL;
  g_autoptr(GFile) article = NULL;
  g_autoptr(GlossApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) step_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  GlossWindow *window;
  GlossReview *review;
  GdkFrameClock *clock;
  BenchFrames frames = { 0 };
  struct rusage usage;
  gboolean ok = TRUE;
  int opened = 0;
  double t0, cold, enter, decide, steal;
  guint tick;

  if (argc == 3 && strcmp (argv[1], "generate") == 0)
    return generate (argv[2]);

  g_set_prgname ("gloss-bench");
  gtk_init ();

  self = g_file_read_link ("/proc/self/exe", &error);
  g_assert_no_error (error);
  dir = g_dir_make_tmp ("gloss-bench-review-XXXXXX", NULL);
  {
    char *args[] = { self, (char *) "generate", dir, NULL };
    BenchChild child = bench_run_child (args);

    g_print ("made the article and 3 x %d passages in %.1f s\n", PASSAGES, child.seconds);
    g_free (child.output);
  }
  article_path = g_build_filename (dir, "big.txt", NULL);
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

  gloss_window_open_async (window, article, bench_window_opened, &opened);
  while (opened == 0)
    g_main_context_iteration (NULL, TRUE);
  if (opened < 0)
    g_error ("could not open %s", article_path);
  bench_frames_wait (&frames, 2);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  bench_frames_follow (&frames, clock);

  /* Entering review at once after opening, while the window still reads
   * the teammates' files in the background (it waits for them): then
   * leaving, and entering again as a reviewer who opens the article and
   * then asks for review does, the files read.  Each time until the frame
   * that shows the review: the units gathered, the first disagreements
   * marked, the list made (the figures are measured in a thread). */
  t0 = bench_now ();
  timed_action (window, &frames, "win.review-annotators", g_variant_new_strv (ids, -1), NULL);
  cold = bench_now () - t0;
  timed_action (window, &frames, "win.review-exit", NULL, NULL);
  t0 = bench_now ();
  timed_action (window, &frames, "win.review-annotators", g_variant_new_strv (ids, -1), NULL);
  enter = bench_now () - t0;
  review = gloss_window_get_review (window);
  if (review == NULL)
    g_error ("the window did not enter review");
  g_print ("review of 3 x %d passages: %u units, %u disagreements\n\n", PASSAGES,
           gloss_review_get_n_units (review), gloss_review_get_n_disagreements (review));
  bench_report ("enter review just after opening, teammates' files still being read", cold, "s", 0);
  ok &= bench_report ("enter review: until its frame is drawn", enter, "s", 1.5);

  /* The first steps, while the rest of the disagreements are marked in
   * idle slices and the figures measured in a thread. */
  {
    double early = 0;

    for (guint i = 0; i < 20; i++)
      early = MAX (early, timed_action (window, &frames, "win.review-next", NULL, NULL));
    bench_report ("  step while the review settles (worst of 20)", early * 1000, "ms", 0);
  }

  /* Then, settled (the figures shown, every mark made), forwards and
   * back. */
  t0 = bench_now ();
  while (!figures_shown (window) && bench_now () - t0 < 60)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  bench_report ("  the review settled after", bench_now () - t0, "s", 0);
  steal = bench_host_steal_seconds ();
  for (guint i = 0; i < STEPS; i++)
    {
      double cpu, op = timed_action (window, &frames, i < STEPS / 2 ? "win.review-next" : "win.review-previous",
                                     NULL, &cpu);

      g_array_append_val (steps, op);
      g_array_append_val (step_cpu, cpu);
    }
  if (steal >= 0)
    steal = bench_host_steal_seconds () - steal;
  g_array_sort (steps, bench_compare_doubles);
  bench_report ("  step: call + its frame (median)", g_array_index (steps, double, STEPS / 2) * 1000, "ms", 0);
  ok &= bench_report ("step to the next or previous disagreement: call + its frame (worst)",
                      g_array_index (steps, double, STEPS - 1) * 1000, "ms", 16);
  /* What the wall times above hold of the window's own work: a step whose
   * thread waited for a processor (the display server drawing, or, on a
   * virtual machine, its host taking the processors) is slower there than
   * its work. */
  bench_report_thread_cpu (step_cpu, "step");
  if (steal >= 0)
    bench_report ("  processor time the host took during the steps", steal * 1000, "ms", 0);

  /* A decision: the first version accepted, the list and header updated,
   * the window moved on. */
  decide = timed_action (window, &frames, "win.review-accept", g_variant_new_int32 (1), NULL);
  bench_report ("accept a version: call + its frame", decide * 1000, "ms", 0);

  getrusage (RUSAGE_SELF, &usage);
  ok &= bench_report ("peak memory", usage.ru_maxrss / 1024.0, "MB", 900);

  gtk_widget_remove_tick_callback (GTK_WIDGET (window), tick);
  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);

  g_print ("\n%s\n", ok ? "All targets met." : "Some targets were missed.");
  return ok ? 0 : 1;
}
