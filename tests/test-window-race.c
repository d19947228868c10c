/* test-window-race.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window's saves against what a shared folder and a machine do to
 * them: gloss-cli annotate writing the same layer while the window
 * autosaves, the window killed with SIGKILL in the middle of an
 * autosave, and a disk that is full, then has room again. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include "article-test-util.h"
#include "cli-test-util.h"
#include "gloss-annotation-file.h"
#include "gloss-file-io.h"

/* 40 characters a line: the annotations of round i go on line i. */
#define LINE "alpha beta gamma delta epsilon theta xx\n"

/* The user's id, from the name article_test_init gives. */
#define ANNOTATOR "test-person"

static const char *cli;
static char *self_exe;

typedef struct
{
  char *dir;
  char *article;
  char *layer;
  /* A tmpfs is mounted on dir. */
  gboolean mounted;
} Fixture;

static void
write_article (Fixture *f,
               guint    n_lines)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n_lines; i++)
    g_string_append (text, LINE);
  write_file (f->article, text->str);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;

  dir = g_dir_make_tmp ("gloss-window-race-XXXXXX", &error);
  g_assert_no_error (error);
  /* gloss-cli names files by their canonical path. */
  f->dir = g_canonicalize_filename (dir, NULL);
  f->article = g_build_filename (f->dir, "a.txt", NULL);
  f->layer = g_build_filename (f->dir, "a.txt." ANNOTATOR ".gloss.json", NULL);
  write_article (f, 100);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->mounted)
    g_assert_cmpint (umount2 (f->dir, MNT_DETACH), ==, 0);
  delete_tree (f->dir);
  g_free (f->dir);
  g_free (f->article);
  g_free (f->layer);
}

static GlossLayer *
layer_of (GlossWindow *window)
{
  return gloss_document_get_layer (gloss_window_get_document (window));
}

static GlossSaveState
state_of (GlossWindow *window)
{
  return gloss_document_get_save_state (gloss_window_get_document (window));
}

static gboolean
is_saved (gpointer data)
{
  GlossDocument *document = gloss_window_get_document (data);

  return gloss_document_get_save_state (document) == GLOSS_SAVE_STATE_SAVED &&
         !gloss_history_is_dirty (gloss_layer_get_history (gloss_document_get_layer (document)));
}

/* Every annotation of the window's own layer is in @spans. */
static void
assert_layer_in (GlossWindow *window,
                 GHashTable  *spans)
{
  GListModel *model = G_LIST_MODEL (layer_of (window));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (model, i);

      g_assert_true (has_span (spans, gloss_annotation_get_start (a), gloss_annotation_get_end (a)));
    }
}

/* The window autosaves and gloss-cli annotate writes the same layer */

typedef struct
{
  GlossWindow *window;
  GSubprocess *process;
  gboolean process_done;
  /* The window said "Saved" with everything written, this round. */
  gboolean window_saved;
} Round;

static void
process_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Round *round = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, &error);
  g_assert_no_error (error);
  round->process_done = TRUE;
}

static void
save_state_cb (GlossDocument *document,
               GParamSpec    *pspec,
               Round         *round)
{
  if (is_saved (round->window))
    round->window_saved = TRUE;
}

/* gloss-cli annotate of [start, end) in the user's layer, started but
 * not waited for. */
static GSubprocess *
spawn_annotate (Fixture *f,
                guint    start,
                guint    end)
{
  return spawn_cli_annotate (G_SUBPROCESS_FLAGS_STDOUT_PIPE, f->article, ANNOTATOR, start, end);
}

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *)data;
}

/* Runs the main loop for @usec microseconds. */
static void
wait_for (gint64 usec)
{
  gint64 deadline = g_get_monotonic_time () + usec;

  wait_until (time_passed, &deadline);
}

static gboolean
round_over (gpointer data)
{
  Round *round = data;
  GlossSaveState state = state_of (round->window);

  /* Anything else (a failed save, a lock not given) is a failure. */
  g_assert_true (state == GLOSS_SAVE_STATE_SAVED || state == GLOSS_SAVE_STATE_UNSAVED ||
                 state == GLOSS_SAVE_STATE_SAVING || state == GLOSS_SAVE_STATE_CONFLICT);

  return round->process_done &&
         (state == GLOSS_SAVE_STATE_CONFLICT || is_saved (round->window));
}

/* 40 rounds of: the window tags a passage and autosaves it after a
 * random delay, while gloss-cli annotate, started a random moment before
 * or after, adds another to the same layer.  Whatever the order, the
 * annotation gloss-cli said it added is in the file, and so is the
 * window's whenever the window said "Saved"; when gloss-cli wrote after
 * the window, the window sees the file changed on disk and offers its
 * choice (here: Reload). */
static void
test_autosave_vs_cli (Fixture       *f,
                      gconstpointer  data)
{
  guint conflicts = 0, saved_first = 0;
  Round round = { 0 };
  gulong handler = 0;
  GlossDocument *document;

  /* A layer of about 200 kB to start with (ten annotations with long
   * notes, at the end of the article), so that each save takes a few
   * milliseconds: long enough for the other writer to come in the middle
   * of it. */
  for (guint line = 90; line < 100; line++)
    {
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *note = g_strnfill (20000, 'n');
      g_autofree char *start_arg = g_strdup_printf ("%u", 40 * line);
      g_autofree char *end_arg = g_strdup_printf ("%u", 40 * line + 5);

      process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                                  cli, "annotate", "--annotator", ANNOTATOR, "--tag", "claim",
                                  "--start", start_arg, "--end", end_arg, "--note", note,
                                  f->article, NULL);
      g_assert_no_error (error);
      g_subprocess_wait_check (process, NULL, &error);
      g_assert_no_error (error);
    }

  round.window = open_window (f->article);
  document = gloss_window_get_document (round.window);
  handler = g_signal_connect (document, "notify::save-state", G_CALLBACK (save_state_cb), &round);

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GHashTable) spans = NULL;
      g_autofree char *out = NULL;
      GInputStream *stdout_pipe;
      gsize n_read;
      int head_start;

      round.process_done = FALSE;
      gloss_document_set_autosave_delay (document, g_random_int_range (0, 20));

      /* gloss-cli starts up to 30 ms before the change or up to 20 ms
       * after it, so that it writes before the autosave, during it or
       * after it. */
      head_start = g_random_int_range (-30000, 20000);
      if (head_start < 0)
        {
          round.process = spawn_annotate (f, 40 * i + 6, 40 * i + 10);
          wait_for (-head_start);
        }

      g_assert_nonnull (gloss_layer_annotate (layer_of (round.window), "claim",
                                              40 * i, 40 * i + 5, NULL));
      round.window_saved = FALSE;

      if (head_start >= 0)
        {
          wait_for (head_start);
          round.process = spawn_annotate (f, 40 * i + 6, 40 * i + 10);
        }
      g_subprocess_wait_async (round.process, NULL, process_done_cb, &round);

      wait_until (round_over, &round);

      out = g_malloc0 (4096);
      stdout_pipe = g_subprocess_get_stdout_pipe (round.process);
      g_input_stream_read_all (stdout_pipe, out, 4095, &n_read, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (g_subprocess_get_exit_status (round.process), ==, 0);
      g_assert_true (g_str_has_prefix (out, "Added 1 annotation to "));
      g_clear_object (&round.process);

      /* The file monitor would tell after a quarter of a second. */
      if (state_of (round.window) != GLOSS_SAVE_STATE_CONFLICT)
        gloss_document_check_disk (document);

      spans = read_spans (f->layer, TRUE);
      for (guint earlier = 0; earlier <= i; earlier++)
        g_assert_true (has_span (spans, 40 * earlier + 6, 40 * earlier + 10));
      if (round.window_saved)
        {
          g_assert_true (has_span (spans, 40 * i, 40 * i + 5));
          saved_first++;
        }

      if (state_of (round.window) == GLOSS_SAVE_STATE_CONFLICT)
        {
          conflicts++;
          g_assert_nonnull (strstr (gloss_window_get_banner_text (round.window),
                                    "changed on disk by someone else"));
          g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (round.window),
                                                             "win.reload", NULL));
          settle ();
          g_assert_true (is_saved (round.window));
        }

      /* What the window holds is what is on disk. */
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (layer_of (round.window))), ==,
                        g_hash_table_size (spans));
      assert_layer_in (round.window, spans);
    }

  g_test_message ("%u conflicts offered, %u rounds where the window's save came first",
                  conflicts, saved_first);

  g_signal_handler_disconnect (document, handler);
  close_window (round.window);
  g_assert_cmpuint (count_hidden_files (f->dir, NULL), ==, 0);
}

/* The window killed during an autosave */

/* The child of test_kill_autosave: a window on @article that tags one
 * passage after another, each saved at once, until it is killed. */
static int
autosave_forever (const char *article)
{
  GlossWindow *window;
  GlossDocument *document;

  /* What gtk_test_init would do: the recent files need the name. */
  g_set_prgname ("test-window-race");
  gtk_init ();
  article_test_start_app ("Test Person");

  window = open_window (article);
  document = gloss_window_get_document (window);
  gloss_document_set_autosave_delay (document, 0);

  g_print ("ready\n");
  fflush (stdout);

  for (;;)
    {
      guint line = g_random_int_range (0, 300);

      gloss_layer_annotate (gloss_document_get_layer (document), "claim",
                            40 * line + 6, 40 * line + 10, NULL);
      wait_until (is_saved, window);
    }

  return 0;
}

#define N_KILLS 8

/* A window killed with SIGKILL while it autosaves a layer of 300
 * annotations with long notes (about 1 MB), eight times: half of the
 * times as soon as its temporary file appears, the others at a random
 * moment.  The file is always whole, valid JSON; each kill loses at most
 * what was not saved yet; the next window to open the layer removes what
 * the killed save left, and the lock of the dead window blocks no one. */
static void
test_kill_autosave (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *note = NULL;
  guint n, mid_save = 0, left_over = 0;
  GlossWindow *window = NULL;

  /* A layer of one annotation a line, made by gloss-cli: the notes make
   * each save long enough to be killed in. */
  write_article (f, 300);
  note = g_strnfill (3000, 'n');
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              cli, "annotate", "--annotator", ANNOTATOR, "--tag", "claim",
                              "--match", "xx", "--note", note, f->article, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  n = 300;

  for (guint i = 0; i < N_KILLS; i++)
    {
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GDataInputStream) lines = NULL;
      g_autoptr(GHashTable) spans = NULL;
      g_autofree char *line = NULL;
      gboolean seen = FALSE;

      child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                self_exe, "--autosave-child", f->article, NULL);
      g_assert_no_error (error);
      lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
      line = g_data_input_stream_read_line (lines, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (line, ==, "ready");

      if (i % 2 == 0)
        {
          gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

          while (!seen && g_get_monotonic_time () < deadline)
            {
              seen = count_hidden_files (f->dir, GLOSS_FILE_LOCK_SUFFIX) > 0;
              if (!seen)
                g_usleep (100);
            }
          g_assert_true (seen);
        }
      else
        {
          g_usleep (g_random_int_range (0, 400000));
        }

      g_subprocess_send_signal (child, SIGKILL);
      g_subprocess_wait (child, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_signaled (child));

      /* Whole; what was saved stays saved. */
      spans = read_spans (f->layer, TRUE);
      g_assert_cmpuint (g_hash_table_size (spans), >=, n);
      n = g_hash_table_size (spans);
      if (seen)
        mid_save++;
      if (count_hidden_files (f->dir, GLOSS_FILE_LOCK_SUFFIX) > 0)
        left_over++;

      /* The next window to open the layer removes the leftovers and
       * finds what is on disk; after the last kill it is a window, before
       * its document alone, which is what reads and writes the file. */
      if (i + 1 < N_KILLS)
        {
          g_autoptr(GFile) article = g_file_new_for_path (f->article);
          g_autoptr(GlossDocument) document = NULL;

          document = gloss_document_new_for_article (article, ANNOTATOR, "Test Person", NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (count_hidden_files (f->dir, GLOSS_FILE_LOCK_SUFFIX), ==, 0);
          g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gloss_document_get_layer (document))),
                            ==, n);
        }
      else
        {
          window = open_window (f->article);
          g_assert_cmpuint (count_hidden_files (f->dir, GLOSS_FILE_LOCK_SUFFIX), ==, 0);
          g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (layer_of (window))), ==, n);
        }
    }

  g_test_message ("%u kills in the middle of a save, %u left a temporary file", mid_save, left_over);
  g_assert_cmpuint (left_over, >=, 1);

  /* A save takes the dead window's lock at once. */
  gloss_document_set_autosave_delay (gloss_window_get_document (window), 0);
  g_assert_nonnull (gloss_layer_annotate (layer_of (window), "claim", 1, 3, NULL));
  {
    gint64 started = g_get_monotonic_time ();

    wait_until (is_saved, window);
    g_assert_cmpint (g_get_monotonic_time () - started, <, 2 * G_USEC_PER_SEC);
  }
  close_window (window);
  g_assert_cmpuint (count_hidden_files (f->dir, NULL), ==, 0);
}

/* A full disk, then room again */

/* The banner's button that runs win.save, or NULL. */
static GtkWidget *
find_save_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.save") == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_save_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The banner says the save failed and offers Try Again. */
static void
assert_try_again (GlossWindow *window,
                  const char  *layer)
{
  GtkWidget *button = find_save_button (GTK_WIDGET (window));
  const char *text = gloss_window_get_banner_text (window);

  g_assert_cmpint (state_of (window), ==, GLOSS_SAVE_STATE_FAILED);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "could not be saved"));
  g_assert_nonnull (strstr (text, layer));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Try Again");
}

static gboolean
has_failed (gpointer data)
{
  return state_of (data) == GLOSS_SAVE_STATE_FAILED;
}

/* Writes @path until the disk is full. */
static void
fill_disk (const char *path)
{
  char block[4096] = { 0 };
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

  g_assert_cmpint (fd, >=, 0);
  while (write (fd, block, sizeof block) == sizeof block)
    ;
  while (write (fd, block, 1) == 1)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  g_assert_cmpint (close (fd), ==, 0);
}

/* The window's layer on a small tmpfs (a folder made read-only would not
 * do: the tests run as root, whom permissions do not stop).  The
 * autosave fails when the disk is full, and the banner offers Try Again;
 * trying again while the disk is still full fails again, and the banner
 * still offers Try Again; once there is room, Try Again saves
 * everything. */
static void
test_try_again_disk_full (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *filler = g_build_filename (f->dir, "filler", NULL);
  g_autoptr(GHashTable) spans = NULL;
  GlossWindow *window;

  if (mount ("tmpfs", f->dir, "tmpfs", 0, "size=256k,mode=0700") != 0)
    {
      g_autofree char *message = g_strdup_printf ("cannot mount a tmpfs: %s", g_strerror (errno));

      g_test_skip (message);
      return;
    }
  f->mounted = TRUE;

  write_article (f, 50);
  window = open_window (f->article);
  gloss_document_set_autosave_delay (gloss_window_get_document (window), 10);
  g_assert_nonnull (gloss_layer_annotate (layer_of (window), "claim", 0, 5, NULL));
  wait_until (is_saved, window);
  g_assert_null (gloss_window_get_banner_text (window));

  fill_disk (filler);
  g_assert_nonnull (gloss_layer_annotate (layer_of (window), "claim", 40, 45, NULL));
  wait_until (has_failed, window);
  assert_try_again (window, f->layer);

  /* Try Again, twice, while the disk is still full. */
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.save", NULL));
      settle ();
      assert_try_again (window, f->layer);
    }

  /* The old layer is whole, and nothing of the failed saves is left. */
  spans = read_spans (f->layer, TRUE);
  g_assert_cmpuint (g_hash_table_size (spans), ==, 1);
  g_assert_cmpuint (count_hidden_files (f->dir, GLOSS_FILE_LOCK_SUFFIX), ==, 0);
  g_clear_pointer (&spans, g_hash_table_unref);

  /* Room again: Try Again saves, and the banner goes. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.save", NULL));
  settle ();
  g_assert_true (is_saved (window));
  g_assert_null (gloss_window_get_banner_text (window));
  spans = read_spans (f->layer, TRUE);
  g_assert_cmpuint (g_hash_table_size (spans), ==, 2);
  g_assert_true (has_span (spans, 40, 45));

  close_window (window);
  g_assert_cmpuint (count_hidden_files (f->dir, NULL), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *cwd = g_get_current_dir ();

  self_exe = g_canonicalize_filename (argv[0], cwd);

  if (argc == 3 && strcmp (argv[1], "--autosave-child") == 0)
    return autosave_forever (argv[2]);

  article_test_init (&argc, &argv);

  cli = g_getenv ("GLOSS_CLI");
  g_assert_nonnull (cli);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/window-race/autosave-vs-cli", test_autosave_vs_cli);
  ADD ("/window-race/kill-autosave", test_kill_autosave);
  ADD ("/window-race/try-again-disk-full", test_try_again_disk_full);

#undef ADD

  return article_test_run ();
}
