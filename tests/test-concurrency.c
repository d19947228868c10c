/* test-concurrency.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Several writers on one annotation file at once, as on a shared folder:
 * gloss-cli runs side by side, gloss-cli against a program saving through
 * the core and against a document autosaving as the window does, a
 * writer that holds the lock too long or dies holding it, and gloss-cli
 * killed with SIGKILL in the middle of a save.  Whatever the timing,
 * every change a writer reported is in the file, and the file is always
 * whole.  Last, annotate --match never writes a file too large to read. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>

#include "cli-test-util.h"
#include "file-test-util.h"
#include "gloss-annotation-file.h"
#include "gloss-document.h"
#include "gloss-error.h"
#include "gloss-file-io.h"

/* 40 characters a line, so that offsets are easy to make up: line i
 * starts at 40 i, its "beta" at 40 i + 6, its "xx" at 40 i + 37. */
#define LINE "alpha beta gamma delta epsilon theta xx\n"
#define N_LINES 500

static const char *cli;
static char *self_exe;

typedef struct
{
  char *dir;
  char *article;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *dir = NULL;

  dir = g_dir_make_tmp ("gloss-concurrency-XXXXXX", &error);
  g_assert_no_error (error);
  /* gloss-cli names files by their canonical path. */
  f->dir = g_canonicalize_filename (dir, NULL);
  f->article = g_build_filename (f->dir, "a.txt", NULL);

  for (guint i = 0; i < N_LINES; i++)
    g_string_append (text, LINE);
  write_file (f->article, text->str);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  delete_tree (f->dir);
  g_free (f->dir);
  g_free (f->article);
}

static char *
layer_path (Fixture    *f,
            const char *annotator)
{
  g_autofree char *name = g_strdup_printf ("a.txt.%s.gloss.json", annotator);

  return g_build_filename (f->dir, name, NULL);
}

/* gloss-cli annotate of [start, end) in @annotator's layer, started but
 * not waited for. */
static GSubprocess *
spawn_annotate (Fixture    *f,
                const char *annotator,
                guint       start,
                guint       end)
{
  return spawn_cli_annotate (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                             f->article, annotator, start, end);
}

/* Waits for a gloss-cli annotate that must have added its annotation. */
static void
finish_added (GSubprocess *process)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = wait_for_cli (process, &out, &err);

  if (status != 0)
    g_printerr ("gloss-cli: %s%s", out, err);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (out, "Added 1 annotation to "));
}

/* Two gloss-cli annotate on one layer at once, 200 times: each says it
 * added its annotation, and both are in the file.  Four layers race at a
 * time, each with its pair, and every ten pairs a layer is new, so that
 * twenty pairs race to create the file. */
#define N_LAYERS 4

static void
test_annotate_pairs (Fixture       *f,
                     gconstpointer  data)
{
  for (guint block = 0; block < 5; block++)
    {
      char *annotators[N_LAYERS];

      for (guint k = 0; k < N_LAYERS; k++)
        annotators[k] = g_strdup_printf ("team-%u-%u", block, k);

      for (guint pair = 0; pair < 10; pair++)
        {
          GSubprocess *processes[2 * N_LAYERS];
          guint line = pair * 2;

          for (guint k = 0; k < N_LAYERS; k++)
            {
              processes[2 * k] = spawn_annotate (f, annotators[k], 40 * line, 40 * line + 5);
              processes[2 * k + 1] = spawn_annotate (f, annotators[k], 40 * line + 6, 40 * line + 10);
            }
          for (guint p = 0; p < G_N_ELEMENTS (processes); p++)
            {
              finish_added (processes[p]);
              g_object_unref (processes[p]);
            }

          for (guint k = 0; k < N_LAYERS; k++)
            {
              g_autofree char *path = layer_path (f, annotators[k]);
              g_autoptr(GHashTable) spans = read_spans (path, FALSE);

              g_assert_cmpuint (g_hash_table_size (spans), ==, 2 * (pair + 1));
              for (guint earlier = 0; earlier <= pair; earlier++)
                {
                  g_assert_true (has_span (spans, 80 * earlier, 80 * earlier + 5));
                  g_assert_true (has_span (spans, 80 * earlier + 6, 80 * earlier + 10));
                }
            }
        }

      for (guint k = 0; k < N_LAYERS; k++)
        g_free (annotators[k]);
      g_assert_cmpuint (count_hidden_files (f->dir, NULL), ==, 0);
    }
}

/* Six at once, fifteen times: more writers than cores, so that some
 * of them make their change again several times. */
static void
test_annotate_crowd (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = layer_path (f, "crowd");
  guint n = 0;

  for (guint round = 0; round < 15; round++)
    {
      GSubprocess *processes[6];
      g_autoptr(GHashTable) spans = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (processes); i++)
        {
          guint line = round * G_N_ELEMENTS (processes) + i;

          processes[i] = spawn_annotate (f, "crowd", 40 * line, 40 * line + 5);
        }
      for (guint i = 0; i < G_N_ELEMENTS (processes); i++)
        {
          finish_added (processes[i]);
          g_object_unref (processes[i]);
        }
      n += G_N_ELEMENTS (processes);

      spans = read_spans (path, FALSE);
      g_assert_cmpuint (g_hash_table_size (spans), ==, n);
      for (guint line = 0; line < n; line++)
        g_assert_true (has_span (spans, 40 * line, 40 * line + 5));
    }

  g_assert_cmpuint (count_hidden_files (f->dir, NULL), ==, 0);
}

/* Adds [start, end) to the layer on disk through the core, as a program
 * built on it would: load, change, save, and when someone else wrote the
 * file meanwhile, the same on the file as they left it. */
static void
core_annotate (const char *path,
               GlossSource *source,
               guint        start,
               guint        end)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autoptr(GlossAnnotationFile) layer_file = NULL;
      g_autoptr(GError) error = NULL;

      if (g_file_query_exists (file, NULL))
        {
          layer_file = gloss_annotation_file_load (file, GLOSS_LOAD_NONE, NULL, &error);
          g_assert_no_error (error);
          gloss_annotation_file_attach_source (layer_file, source, &error);
          g_assert_no_error (error);
        }
      else
        {
          layer_file = gloss_annotation_file_new (source, "mixed", "Mixed");
        }

      g_assert_nonnull (gloss_layer_annotate (gloss_annotation_file_get_layer (layer_file),
                                              "claim", start, end, NULL));
      if (gloss_annotation_file_save (layer_file, GLOSS_SAVE_NONE, NULL, &error))
        return;

      g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED_ON_DISK);
      g_usleep (g_random_int_range (500, 3000));
    }

  g_assert_not_reached ();
}

/* gloss-cli and a program saving through the core, 60 times at once:
 * neither writes over the other. */
static void
test_core_and_cli (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) article = g_file_new_for_path (f->article);
  g_autoptr(GlossSource) source = NULL;
  g_autofree char *path = layer_path (f, "mixed");
  g_autoptr(GError) error = NULL;

  source = gloss_source_new_from_article (article, 0, NULL, &error);
  g_assert_no_error (error);

  for (guint round = 0; round < 60; round++)
    {
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GHashTable) spans = NULL;
      guint line = round % N_LINES;

      process = spawn_annotate (f, "mixed", 40 * line, 40 * line + 5);
      /* The process takes some milliseconds to start and read the file:
       * a varying head start makes both orders, and the overlap, come. */
      g_usleep (g_random_int_range (0, 20000));
      core_annotate (path, source, 40 * line + 6, 40 * line + 10);
      finish_added (process);

      spans = read_spans (path, FALSE);
      g_assert_cmpuint (g_hash_table_size (spans), ==, 2 * (round + 1));
      for (guint earlier = 0; earlier <= round; earlier++)
        {
          g_assert_true (has_span (spans, 40 * earlier, 40 * earlier + 5));
          g_assert_true (has_span (spans, 40 * earlier + 6, 40 * earlier + 10));
        }
    }
}

/* What the window does, without the window: a GlossDocument autosaving
 * (serializing in idle slices, writing in a worker thread) while
 * gloss-cli annotate writes the same layer. */
typedef struct
{
  GlossDocument *document;
  gboolean process_done;
  /* The document said "Saved" with everything written, this round. */
  gboolean saved;
} Round;

static gboolean
document_is_saved (GlossDocument *document)
{
  return gloss_document_get_save_state (document) == GLOSS_SAVE_STATE_SAVED &&
         !gloss_history_is_dirty (gloss_layer_get_history (gloss_document_get_layer (document)));
}

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
  if (document_is_saved (document))
    round->saved = TRUE;
}

static gboolean
round_over (Round *round)
{
  GlossSaveState state = gloss_document_get_save_state (round->document);

  /* Anything else (a failed save, a lock not given) is a failure. */
  g_assert_true (state == GLOSS_SAVE_STATE_SAVED || state == GLOSS_SAVE_STATE_UNSAVED ||
                 state == GLOSS_SAVE_STATE_SAVING || state == GLOSS_SAVE_STATE_CONFLICT);

  return round->process_done &&
         (state == GLOSS_SAVE_STATE_CONFLICT || document_is_saved (round->document));
}

/* Runs the main loop for @usec microseconds. */
static void
run_for (gint64 usec)
{
  gint64 deadline = g_get_monotonic_time () + usec;

  while (g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (100);
    }
}

/* 150 rounds of: the document gets an annotation and autosaves it
 * after a random delay, while gloss-cli annotate, started a random
 * moment before or after, adds another to the same layer.  Whatever the
 * order, the annotation gloss-cli said it added is in the file, and so is
 * the document's whenever it said "Saved"; when gloss-cli wrote after it,
 * the document sees the file changed on disk (and here reloads it). */
static void
test_document_vs_cli (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GFile) article = g_file_new_for_path (f->article);
  g_autoptr(GlossDocument) document = NULL;
  g_autofree char *path = layer_path (f, "doc");
  g_autoptr(GError) error = NULL;
  guint conflicts = 0, saved_first = 0;
  Round round = { 0 };

  document = gloss_document_new_for_article (article, "doc", "Doc", NULL, &error);
  g_assert_no_error (error);
  round.document = document;
  g_signal_connect (document, "notify::save-state", G_CALLBACK (save_state_cb), &round);

  for (guint i = 0; i < 150; i++)
    {
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GHashTable) spans = NULL;
      GListModel *layer;
      gint64 deadline;
      int head_start;

      round.process_done = FALSE;
      gloss_document_set_autosave_delay (document, g_random_int_range (0, 20));

      /* gloss-cli starts up to 30 ms before the change or up to 20 ms
       * after it, so that it writes before the autosave, during it or
       * after it. */
      head_start = g_random_int_range (-30000, 20000);
      if (head_start < 0)
        {
          process = spawn_annotate (f, "doc", 40 * i + 6, 40 * i + 10);
          run_for (-head_start);
        }

      g_assert_nonnull (gloss_layer_annotate (gloss_document_get_layer (document), "claim",
                                              40 * i, 40 * i + 5, NULL));
      round.saved = FALSE;

      if (head_start >= 0)
        {
          run_for (head_start);
          process = spawn_annotate (f, "doc", 40 * i + 6, 40 * i + 10);
        }
      g_subprocess_wait_async (process, NULL, process_done_cb, &round);

      deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
      while (!round_over (&round))
        {
          g_assert_cmpint (g_get_monotonic_time (), <, deadline);
          if (!g_main_context_iteration (NULL, FALSE))
            g_usleep (100);
        }

      finish_added (process);

      /* The file monitor would tell after a quarter of a second. */
      if (gloss_document_get_save_state (document) != GLOSS_SAVE_STATE_CONFLICT)
        gloss_document_check_disk (document);

      spans = read_spans (path, FALSE);
      for (guint earlier = 0; earlier <= i; earlier++)
        g_assert_true (has_span (spans, 40 * earlier + 6, 40 * earlier + 10));
      if (round.saved)
        {
          g_assert_true (has_span (spans, 40 * i, 40 * i + 5));
          saved_first++;
        }

      if (gloss_document_get_save_state (document) == GLOSS_SAVE_STATE_CONFLICT)
        {
          conflicts++;
          gloss_document_reload (document, &error);
          g_assert_no_error (error);
          g_assert_true (document_is_saved (document));
        }

      /* What the document holds is what is on disk. */
      layer = G_LIST_MODEL (gloss_document_get_layer (document));
      g_assert_cmpuint (g_list_model_get_n_items (layer), ==, g_hash_table_size (spans));
      for (guint j = 0; j < g_list_model_get_n_items (layer); j++)
        {
          g_autoptr(GlossAnnotation) a = g_list_model_get_item (layer, j);

          g_assert_true (has_span (spans, gloss_annotation_get_start (a), gloss_annotation_get_end (a)));
        }
    }

  g_test_message ("%u conflicts offered, %u rounds where the document's save came first",
                  conflicts, saved_first);
  g_signal_handlers_disconnect_by_data (document, &round);
  g_assert_cmpuint (count_hidden_files (f->dir, NULL), ==, 0);
}

/* A writer that keeps the lock longer than anyone waits: gloss-cli gives
 * up after GLOSS_FILE_LOCK_TIMEOUT_MS with a message naming the file, and
 * writes nothing; once the lock is free it works. */
static void
test_lock_timeout (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = layer_path (f, "held");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossFileLock) lock = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GHashTable) spans = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 started, waited;

  finish_added (spawn_annotate (f, "held", 0, 5));
  before = read_file (path);

  lock = gloss_file_lock_acquire (file, 0, NULL, &error);
  g_assert_no_error (error);

  started = g_get_monotonic_time ();
  process = spawn_annotate (f, "held", 6, 10);
  g_assert_cmpint (wait_for_cli (process, &out, &err), ==, 1);
  waited = (g_get_monotonic_time () - started) / 1000;

  g_assert_cmpint (waited, >=, GLOSS_FILE_LOCK_TIMEOUT_MS - 100);
  g_assert_cmpint (waited, <, GLOSS_FILE_LOCK_TIMEOUT_MS + 5000);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, path));
  /* One line, which is the message. */
  g_assert_true (g_str_has_suffix (err, "\n"));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
  after = read_file (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (count_hidden_files (f->dir, GLOSS_FILE_LOCK_SUFFIX), ==, 0);

  g_clear_pointer (&lock, gloss_file_lock_release);
  finish_added (spawn_annotate (f, "held", 6, 10));
  spans = read_spans (path, FALSE);
  g_assert_cmpuint (g_hash_table_size (spans), ==, 2);
  g_assert_cmpuint (count_hidden_files (f->dir, NULL), ==, 0);
}

/* The child of test_dead_holder: takes the lock of @path, says so, and
 * waits to be killed. */
static int
hold_lock (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossFileLock *lock;

  lock = gloss_file_lock_acquire (file, GLOSS_FILE_LOCK_TIMEOUT_MS, NULL, &error);
  if (lock == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("locked\n");
  fflush (stdout);
  for (;;)
    g_usleep (G_USEC_PER_SEC);
}

/* A process killed while it holds the lock blocks no one: the system
 * drops the lock with it, and the lock file it leaves is taken over. */
static void
test_dead_holder (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = layer_path (f, "dead");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GHashTable) spans = NULL;
  g_autoptr(GError) error = NULL;

  finish_added (spawn_annotate (f, "dead", 0, 5));

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(GSubprocess) holder = NULL;
      g_autoptr(GDataInputStream) lines = NULL;
      g_autoptr(GlossFileLock) lock = NULL;
      g_autofree char *line = NULL;
      gint64 started, waited;

      holder = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                 self_exe, "--hold-lock", path, NULL);
      g_assert_no_error (error);
      lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (holder));
      line = g_data_input_stream_read_line (lines, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (line, ==, "locked");

      /* It holds the lock indeed. */
      lock = gloss_file_lock_acquire (file, 0, NULL, &error);
      g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_LOCKED);
      g_assert_null (lock);
      g_clear_error (&error);

      g_subprocess_send_signal (holder, SIGKILL);
      g_subprocess_wait (holder, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_signaled (holder));
      g_assert_cmpint (g_subprocess_get_term_sig (holder), ==, SIGKILL);

      started = g_get_monotonic_time ();
      finish_added (spawn_annotate (f, "dead", 40 * (i + 1), 40 * (i + 1) + 5));
      waited = (g_get_monotonic_time () - started) / 1000;
      g_assert_cmpint (waited, <, GLOSS_FILE_LOCK_TIMEOUT_MS / 2);
    }

  spans = read_spans (path, FALSE);
  g_assert_cmpuint (g_hash_table_size (spans), ==, 6);
  g_assert_cmpuint (count_hidden_files (f->dir, NULL), ==, 0);
}

/* Polls the folder every 100 µs until a temporary file appears in it
 * (TRUE) or @deadline (monotonic) passes (FALSE). */
static gboolean
wait_for_temporary (Fixture *f,
                    gint64   deadline)
{
  while (g_get_monotonic_time () < deadline)
    {
      if (count_hidden_files (f->dir, GLOSS_FILE_LOCK_SUFFIX) > 0)
        return TRUE;
      g_usleep (100);
    }

  return FALSE;
}

/* gloss-cli annotate on a layer of 3,000 annotations (about 1 MB),
 * killed with SIGKILL twenty-four times: half of the times as soon as its
 * temporary file appears (in the middle of the save), the others at a
 * random moment of its run.  The file is always whole, valid JSON, with
 * the old annotations or the old and the new; the temporary files a
 * killed save leaves go at the next save, or when a window opens the
 * layer; the lock a killed writer held blocks no one. */
static void
test_kill_annotate (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GFile) article = NULL;
  g_autofree char *path = layer_path (f, "killed");
  g_autoptr(GError) error = NULL;
  guint n, killed_mid_save = 0, left_over = 0;
  gint64 run_time;

  /* "xx" ends every line: the layer gets one annotation a line. */
  {
    g_autoptr(GString) text = g_string_new (NULL);
    g_autoptr(GSubprocess) process = NULL;
    g_autoptr(GHashTable) spans = NULL;
    g_autofree char *out = NULL;

    for (guint i = 0; i < 3000; i++)
      g_string_append (text, LINE);
    write_file (f->article, text->str);
    article = g_file_new_for_path (f->article);

    process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                cli, "annotate", "--annotator", "killed", "--tag", "claim",
                                "--match", "xx", f->article, NULL);
    g_assert_no_error (error);
    g_assert_cmpint (wait_for_cli (process, &out, NULL), ==, 0);
    g_assert_true (g_str_has_prefix (out, "Added 3000 annotations to "));

    run_time = g_get_monotonic_time ();
    finish_added (spawn_annotate (f, "killed", 0, 5));
    run_time = g_get_monotonic_time () - run_time;

    spans = read_spans (path, FALSE);
    n = g_hash_table_size (spans);
    g_assert_cmpuint (n, ==, 3001);
  }

  for (guint i = 0; i < 24; i++)
    {
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GHashTable) spans = NULL;
      guint line = i + 1;
      gboolean mid_save = FALSE;
      gint64 started = g_get_monotonic_time ();

      process = spawn_annotate (f, "killed", 40 * line, 40 * line + 5);
      if (i % 2 == 0)
        mid_save = wait_for_temporary (f, started + 3 * run_time + G_USEC_PER_SEC);
      else
        g_usleep (g_random_int_range (0, run_time));

      g_subprocess_send_signal (process, SIGKILL);
      g_subprocess_wait (process, NULL, &error);
      g_assert_no_error (error);
      /* A run may end before the signal comes, and then it worked. */
      if (!g_subprocess_get_if_signaled (process))
        g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
      else if (mid_save)
        killed_mid_save++;

      /* Whole, and either version. */
      spans = read_spans (path, FALSE);
      if (g_hash_table_size (spans) == n + 1)
        {
          g_assert_true (has_span (spans, 40 * line, 40 * line + 5));
          n++;
        }
      g_assert_cmpuint (g_hash_table_size (spans), ==, n);

      if (count_hidden_files (f->dir, GLOSS_FILE_LOCK_SUFFIX) == 0)
        continue;
      left_over++;

      if (left_over % 2 == 1)
        {
          gint64 next_started = g_get_monotonic_time ();

          /* The next save clears them, without waiting for a lock. */
          finish_added (spawn_annotate (f, "killed", 40 * line + 6, 40 * line + 10));
          g_assert_cmpint (g_get_monotonic_time () - next_started, <,
                           GLOSS_FILE_LOCK_TIMEOUT_MS * 1000 / 2);
          n++;
          g_assert_cmpuint (count_hidden_files (f->dir, NULL), ==, 0);
        }
      else
        {
          g_autoptr(GlossDocument) document = NULL;

          /* So does opening the layer in a window. */
          document = gloss_document_new_for_article (article, "killed", "Killed", NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gloss_document_get_layer (document))),
                            ==, n);
          g_assert_cmpuint (count_hidden_files (f->dir, GLOSS_FILE_LOCK_SUFFIX), ==, 0);
        }
    }

  g_test_message ("%u kills in the middle of a save, %u left a temporary file; a run takes %"
                  G_GINT64_FORMAT " ms", killed_mid_save, left_over, run_time / 1000);

  /* Some kills did come in the middle of a save, and left their
   * temporary file behind. */
  g_assert_cmpuint (killed_mid_save, >=, 5);
  g_assert_cmpuint (left_over, >=, 1);

  finish_added (spawn_annotate (f, "killed", 1, 3));
  g_assert_cmpuint (count_hidden_files (f->dir, NULL), ==, 0);
}

/* annotate --match on a 2.7 MB article where the text occurs 900,000
 * times: the annotations would take more than an annotation file may
 * hold, so gloss-cli says so at once, naming the article and the count,
 * and writes nothing, neither a new layer nor over an old one. */
static void
test_match_too_large (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = layer_path (f, "greedy");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  gint64 started;

  for (guint i = 0; i < 900000; i++)
    g_string_append (text, "xy ");
  write_file (f->article, text->str);

  for (guint round = 0; round < 2; round++)
    {
      g_clear_object (&process);
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);

      started = g_get_monotonic_time ();
      process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                                  &error, cli, "annotate", "--annotator", "greedy", "--tag", "claim",
                                  "--match", "xy", f->article, NULL);
      g_assert_no_error (error);
      g_assert_cmpint (wait_for_cli (process, &out, &err), ==, 1);
      /* Before making 900,000 annotations, let alone writing them. */
      g_assert_cmpint (g_get_monotonic_time () - started, <, 10 * G_USEC_PER_SEC);

      g_assert_cmpstr (out, ==, "");
      g_assert_nonnull (strstr (err, f->article));
      /* The second time, one of them is annotated already. */
      g_assert_nonnull (strstr (err, round == 0 ? " 900000 times" : " 899999 times"));
      g_assert_nonnull (strstr (err, "256 MiB"));
      g_assert_nonnull (strstr (err, "Nothing was written"));
      g_assert_cmpuint (count_hidden_files (f->dir, NULL), ==, 0);

      if (round == 0)
        {
          /* No layer was made; a small one is made for the second round. */
          g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
          finish_added (spawn_annotate (f, "greedy", 0, 2));
          before = read_file (path);
        }
    }

  after = read_file (path);
  g_assert_cmpstr (after, ==, before);

  /* Fewer matches fit. */
  text = g_string_truncate (text, 3 * 1000);
  write_file (f->article, text->str);
  g_clear_object (&process);
  g_clear_pointer (&out, g_free);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                              &error, cli, "annotate", "--annotator", "fits", "--tag", "claim",
                              "--match", "xy", f->article, NULL);
  g_assert_no_error (error);
  g_assert_cmpint (wait_for_cli (process, &out, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Added 1000 annotations to "));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *cwd = g_get_current_dir ();

  if (argc == 3 && strcmp (argv[1], "--hold-lock") == 0)
    return hold_lock (argv[2]);

  self_exe = g_canonicalize_filename (argv[0], cwd);

  g_test_init (&argc, &argv, NULL);

  cli = g_getenv ("GLOSS_CLI");
  g_assert_nonnull (cli);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/concurrency/annotate-pairs", test_annotate_pairs);
  ADD ("/concurrency/annotate-crowd", test_annotate_crowd);
  ADD ("/concurrency/core-and-cli", test_core_and_cli);
  ADD ("/concurrency/document-vs-cli", test_document_vs_cli);
  ADD ("/concurrency/lock-timeout", test_lock_timeout);
  ADD ("/concurrency/dead-holder", test_dead_holder);
  ADD ("/concurrency/kill-annotate", test_kill_annotate);
  ADD ("/limits/match-too-large", test_match_too_large);

#undef ADD

  return g_test_run ();
}
