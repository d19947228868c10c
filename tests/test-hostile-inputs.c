/* test-hostile-inputs.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "format-test-util.h"
#include "gloss-annotation-file.h"
#include "gloss-error.h"
#include "gloss-export.h"
#include "gloss-import.h"

/* Files that are not what they claim to be, and inputs that name files
 * they have no business with: FIFOs and links to /dev/zero where an
 * annotation file, a codebook, an article, a brat text, a W3C target or
 * an import input belongs; W3C targets outside the input's folder; an
 * export aimed at what it reads; imports with a bad record among good
 * ones.  gloss-cli runs as a subprocess with a deadline, so that a
 * command that blocks fails its test instead of hanging it. */

/* How long a command may take before it counts as hanging. */
#define DEADLINE_S 10

typedef struct
{
  gboolean done;
  gboolean timed_out;
  char *out;
  char *err;
  GError *error;
} Run;

static void
communicated (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Run *run = user_data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (object), result, &run->out, &run->err,
                                        &run->error);
  run->done = TRUE;
}

static gboolean
deadline_passed (gpointer user_data)
{
  Run *run = user_data;

  run->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs $GLOSS_CLI with the arguments up to NULL in @dir; fails the test
 * when it has not exited within DEADLINE_S seconds (killing it).
 * Returns its exit status, with what it printed in @out and @err. */
static int
run_timed (const char  *dir,
           char       **out,
           char       **err,
           ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GSource) timeout = NULL;
  Run run = { 0 };
  va_list ap;

  g_ptr_array_add (args, (gpointer)g_getenv ("GLOSS_CLI"));
  va_start (ap, err);
  for (const char *arg = va_arg (ap, const char *); arg; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_main_context_push_thread_default (context);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  g_subprocess_launcher_set_cwd (launcher, dir);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)args->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicated, &run);
  timeout = g_timeout_source_new_seconds (DEADLINE_S);
  g_source_set_callback (timeout, deadline_passed, &run, NULL);
  g_source_attach (timeout, context);

  while (!run.done && !run.timed_out)
    g_main_context_iteration (context, TRUE);

  if (run.timed_out)
    {
      g_subprocess_force_exit (process);
      while (!run.done)
        g_main_context_iteration (context, TRUE);
    }
  g_source_destroy (timeout);
  g_main_context_pop_thread_default (context);

  if (run.timed_out)
    {
      g_autofree char *command = g_strjoinv (" ", (char **)args->pdata + 1);

      g_test_message ("gloss-cli %s did not exit within %d s", command, DEADLINE_S);
      g_test_fail ();
      g_clear_error (&run.error);
      *out = run.out ? run.out : g_strdup ("");
      *err = run.err ? run.err : g_strdup ("");
      return -1;
    }

  g_assert_no_error (run.error);
  g_test_message ("out: %s\nerr: %s", run.out, run.err);
  *out = run.out;
  *err = run.err;
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static gboolean
have_cli (void)
{
  if (g_getenv ("GLOSS_CLI") != NULL)
    return TRUE;

  g_test_skip ("GLOSS_CLI is not set");
  return FALSE;
}

static char *
make_fifo (Fixture    *f,
           const char *name)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_mkdir_with_parents (parent, 0755);
  g_assert_cmpint (mkfifo (path, 0644), ==, 0);
  return path;
}

static char *
make_link (Fixture    *f,
           const char *name,
           const char *target)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_mkdir_with_parents (parent, 0755);
  g_assert_cmpint (symlink (target, path), ==, 0);
  return path;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

/* The names in @folder, sorted, joined by spaces. */
static char *
list_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **)names->pdata);
}

static const char ARTICLE[] = "Acme met Zenith in Paris.\n";

/* A FIFO where a file is read ----------------------------------------- */

static void
test_fifo_annotation_file (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *article = fixture_write (f, "a.txt", ARTICLE);
  g_autofree char *fifo = make_fifo (f, "a.txt.alice.gloss.json");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (!have_cli ())
    return;

  g_assert_cmpint (run_timed (f->dir, &out, &err, "list", "a.txt.alice.gloss.json", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "not a regular file"));
  g_assert_nonnull (strstr (err, "a.txt.alice.gloss.json"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Found beside its article, by the export, all the same. */
  g_assert_cmpint (run_timed (f->dir, &out, &err, "export", "-f", "csv", "a.txt", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "not a regular file"));
}

static void
test_fifo_codebook (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *article = fixture_write (f, "a.txt", ARTICLE);
  g_autofree char *fifo = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (!have_cli ())
    return;

  annotate_text (article, "alice", "org", "Acme", NULL);
  fifo = make_fifo (f, "gloss-codebook.json");

  g_assert_cmpint (run_timed (f->dir, &out, &err, "export", "-f", "csv", "a.txt", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "not a regular file"));
  g_assert_nonnull (strstr (err, "gloss-codebook.json"));
}

static void
test_fifo_article (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *article = fixture_write (f, "a.txt", ARTICLE);
  g_autofree char *fifo = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (!have_cli ())
    return;

  /* An annotation file names it as its article. */
  annotate_text (article, "alice", "org", "Acme", NULL);
  g_assert_cmpint (g_unlink (article), ==, 0);
  fifo = make_fifo (f, "a.txt");

  g_assert_cmpint (run_timed (f->dir, &out, &err, "text", "a.txt", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "not a regular file"));
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_timed (f->dir, &out, &err, "export", "-f", "csv",
                              "a.txt.alice.gloss.json", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "not a regular file"));
}

static void
test_fifo_brat_text (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *fifo = make_fifo (f, "a.txt");
  g_autofree char *ann = fixture_write (f, "a.ann", "T1\tOrg 0 4\tAcme\n");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *names = NULL;

  if (!have_cli ())
    return;

  g_assert_cmpint (run_timed (f->dir, &out, &err, "import", "-f", "brat", "a.ann", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "not a regular file"));
  names = list_folder (f->dir);
  g_assert_cmpstr (names, ==, "a.ann a.txt");
}

static void
test_fifo_brat_visual_conf (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *txt = fixture_write (f, "a.txt", ARTICLE);
  g_autofree char *ann = fixture_write (f, "a.ann", "T1\tOrg 0 4\tAcme\n");
  g_autofree char *fifo = make_fifo (f, "visual.conf");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *names = NULL;

  if (!have_cli ())
    return;

  g_assert_cmpint (run_timed (f->dir, &out, &err, "import", "-f", "brat", "a.ann", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "visual.conf"));
  g_assert_nonnull (strstr (err, "not a regular file"));
  names = list_folder (f->dir);
  g_assert_cmpstr (names, ==, "a.ann a.txt visual.conf");
}

static const char W3C_ONE[] =
  "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\",\n"
  " \"id\": \"urn:uuid:3c1d8cbc-5f0e-4b8a-9a43-0d5b3f0e1a11\",\n"
  " \"type\": \"Annotation\",\n"
  " \"body\": {\"type\": \"TextualBody\", \"value\": \"org\", \"purpose\": \"tagging\"},\n"
  " \"target\": {\"source\": \"%s\",\n"
  "            \"selector\": [{\"type\": \"TextPositionSelector\", \"start\": %u, \"end\": %u},\n"
  "                         {\"type\": \"TextQuoteSelector\", \"exact\": \"%s\"}]}}\n";

static char *
w3c_file (Fixture    *f,
          const char *name,
          const char *source,
          guint       start,
          guint       end,
          const char *exact)
{
  g_autofree char *json = g_strdup_printf (W3C_ONE, source, start, end, exact);

  return fixture_write (f, name, json);
}

static void
test_fifo_w3c_target (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *fifo = make_fifo (f, "t.txt");
  g_autofree char *input = w3c_file (f, "a.jsonld", "t.txt", 0, 4, "Acme");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *names = NULL;

  if (!have_cli ())
    return;

  g_assert_cmpint (run_timed (f->dir, &out, &err, "import", "-f", "w3c", "a.jsonld", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "not a regular file"));
  names = list_folder (f->dir);
  g_assert_cmpstr (names, ==, "a.jsonld t.txt");
}

static void
test_fifo_import_input (Fixture       *f,
                        gconstpointer  data)
{
  static const char * const formats[] = { "doccano", "labelstudio", "w3c" };
  g_autofree char *fifo = make_fifo (f, "in.json");

  if (!have_cli ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *names = NULL;

      g_assert_cmpint (run_timed (f->dir, &out, &err, "import", "-f", formats[i], "in.json", NULL),
                       ==, 1);
      g_assert_nonnull (strstr (err, "in.json"));
      g_assert_nonnull (strstr (err, "not a regular file"));
      names = list_folder (f->dir);
      g_assert_cmpstr (names, ==, "in.json");
    }
}

/* Links to /dev/zero -------------------------------------------------- */

static void
test_dev_zero_article (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *link = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (!have_cli ())
    return;
  if (!g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/zero");
      return;
    }

  link = make_link (f, "zero.txt", "/dev/zero");
  g_assert_cmpint (run_timed (f->dir, &out, &err, "text", "zero.txt", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "zero.txt"));
  g_assert_nonnull (strstr (err, "not a regular file"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Read by the core too: refused before a byte is read. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (link);
    g_autoptr(GError) error = NULL;
    g_autoptr(GlossSource) source = gloss_source_new_from_article (file, 0, NULL, &error);

    g_assert_null (source);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  }
}

static void
test_dev_zero_import_input (Fixture       *f,
                            gconstpointer  data)
{
  static const char * const formats[] = { "doccano", "labelstudio", "w3c", "brat" };

  if (!have_cli ())
    return;
  if (!g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/zero");
      return;
    }

  g_free (make_link (f, "in.json", "/dev/zero"));
  g_free (make_link (f, "in.ann", "/dev/zero"));
  g_free (fixture_write (f, "in.txt", ARTICLE));

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      const char *input = strcmp (formats[i], "brat") == 0 ? "in.ann" : "in.json";
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *names = NULL;

      g_assert_cmpint (run_timed (f->dir, &out, &err, "import", "-f", formats[i], input, NULL), ==, 1);
      g_assert_nonnull (strstr (err, input));
      g_assert_nonnull (strstr (err, "not a regular file"));
      names = list_folder (f->dir);
      g_assert_cmpstr (names, ==, "in.ann in.json in.txt");
    }
}

/* W3C targets --------------------------------------------------------- */

static const char SECRET[] = "Acme secret: the launch code is 0000.\n";

static void
test_w3c_target_outside (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *secret = fixture_write (f, "outside/secret.txt", SECRET);
  g_autofree char *outside = g_build_filename (f->dir, "outside", NULL);
  g_autofree char *secret_uri = g_filename_to_uri (secret, NULL, NULL);
  g_autofree char *inside = g_build_filename (f->dir, "in", NULL);
  const char *sources[] = { secret_uri, "../outside/secret.txt", "link.txt", "file:///etc/passwd" };

  if (!have_cli ())
    return;

  g_free (make_link (f, "in/link.txt", secret));

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autofree char *input = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *names = NULL;

      /* A wrong quote at a right position: the message would be where
       * the text showed. */
      input = w3c_file (f, "in/a.jsonld", sources[i], 0, 12, "Not the text");
      g_assert_cmpint (run_timed (inside, &out, &err, "import", "-f", "w3c", "a.jsonld", NULL),
                       ==, 1);
      g_assert_nonnull (strstr (err, "outside the folder"));
      g_assert_null (strstr (err, "Acme secret"));
      g_assert_null (strstr (err, "root:"));

      /* Nothing written anywhere. */
      names = list_folder (outside);
      g_assert_cmpstr (names, ==, "secret.txt");
      g_clear_pointer (&names, g_free);
      names = list_folder (inside);
      g_assert_cmpstr (names, ==, "a.jsonld link.txt");
      g_assert_false (g_file_test ("/etc/passwd.w3c.gloss.json", G_FILE_TEST_EXISTS));
    }
}

static void
test_w3c_target_outside_core (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *secret = fixture_write (f, "outside/secret.txt", SECRET);
  g_autofree char *uri = g_filename_to_uri (secret, NULL, NULL);
  g_autofree char *input = w3c_file (f, "in/a.jsonld", uri, 0, 4, "Acme");
  g_autofree char *outside = g_build_filename (f->dir, "outside", NULL);
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("w3c"));
  g_autoptr(GFile) file = g_file_new_for_path (input);
  g_autoptr(GFile) article = g_file_new_for_path (secret);
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;

  /* Refused... */
  g_assert_false (gloss_importer_import_file (importer, file, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "outside the folder"));
  g_clear_error (&error);
  g_assert_true (gloss_importer_finish (importer, NULL, &error));
  g_assert_no_error (error);
  names = list_folder (outside);
  g_assert_cmpstr (names, ==, "secret.txt");
  g_clear_pointer (&names, g_free);

  /* ... unless the user names that article. */
  gloss_importer_set_article (importer, article);
  g_assert_true (gloss_importer_import_file (importer, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_importer_finish (importer, NULL, &error));
  g_assert_no_error (error);
  names = list_folder (outside);
  g_assert_cmpstr (names, ==, "secret.txt secret.txt.w3c.gloss.json");
}

static void
test_w3c_target_inside (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *article = fixture_write (f, "in/sub/a.txt", ARTICLE);
  g_autofree char *uri = g_filename_to_uri (article, NULL, NULL);
  g_autofree char *by_uri = w3c_file (f, "in/by-uri.jsonld", uri, 0, 4, "Acme");
  g_autofree char *by_path = w3c_file (f, "in/by-path.jsonld", "sub/./a.txt", 9, 15, "Zenith");
  g_autofree char *sub = g_build_filename (f->dir, "in", "sub", NULL);
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("w3c"));
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  const char *inputs[] = { by_uri, by_path };

  /* Below the input's folder, by a file: IRI or a relative path. */
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (inputs[i]);

      g_assert_true (gloss_importer_import_file (importer, file, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_true (gloss_importer_finish (importer, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_importer_get_n_annotations (importer), ==, 2);
  names = list_folder (sub);
  g_assert_cmpstr (names, ==, "a.txt a.txt.w3c.gloss.json");
}

static void
test_brat_text_links_out (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *secret = fixture_write (f, "outside/secret.txt", SECRET);
  g_autofree char *ann = fixture_write (f, "in/a.ann", "T1\tOrg 0 4\tNope\n");
  g_autofree char *inside = g_build_filename (f->dir, "in", NULL);
  g_autofree char *outside = g_build_filename (f->dir, "outside", NULL);
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("brat"));
  g_autoptr(GFile) file = g_file_new_for_path (ann);
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;

  /* The text beside the .ann is a link out of its folder: not read, so
   * neither quoted in the message nor copied into an annotation file. */
  g_free (make_link (f, "in/a.txt", secret));
  g_assert_false (gloss_importer_import_file (importer, file, NULL, &error));
  g_assert_nonnull (strstr (error->message, "outside this folder"));
  g_assert_null (strstr (error->message, "secret"));
  names = list_folder (inside);
  g_assert_cmpstr (names, ==, "a.ann a.txt");
  g_clear_pointer (&names, g_free);
  names = list_folder (outside);
  g_assert_cmpstr (names, ==, "secret.txt");
}

static void
test_w3c_wrong_quote (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *article = fixture_write (f, "a.txt", SECRET);
  g_autofree char *input = w3c_file (f, "a.jsonld", "a.txt", 5, 11, "public");
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("w3c"));
  g_autoptr(GFile) file = g_file_new_for_path (input);
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;

  g_assert_false (gloss_importer_import_file (importer, file, NULL, &error));
  g_assert_nonnull (strstr (error->message, "quotes “public”"));
  g_assert_nonnull (strstr (error->message, "5–11"));
  g_assert_null (strstr (error->message, "secret"));
  g_clear_error (&error);
  g_assert_true (gloss_importer_finish (importer, NULL, &error));
  names = list_folder (f->dir);
  g_assert_cmpstr (names, ==, "a.jsonld a.txt");
}

/* Exports over their inputs ------------------------------------------- */

static void
test_export_onto_input (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *article = fixture_write (f, "a.txt", ARTICLE);
  g_autofree char *afile = g_strconcat (article, ".alice.gloss.json", NULL);
  g_autofree char *article_before = NULL;
  g_autofree char *afile_before = NULL;
  const char *targets[] = { "a.txt", "a.txt.alice.gloss.json", "same.txt" };

  if (!have_cli ())
    return;

  annotate_text (article, "alice", "org", "Acme", NULL);
  article_before = read_file (article);
  afile_before = read_file (afile);
  /* Another name of the article. */
  g_free (make_link (f, "same.txt", "a.txt"));

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *article_after = NULL;
      g_autofree char *afile_after = NULL;

      g_assert_cmpint (run_timed (f->dir, &out, &err, "export", "-f", "csv", "--output", targets[i],
                                  "a.txt", NULL), !=, 0);
      g_assert_nonnull (strstr (err, "the export will not replace it"));
      article_after = read_file (article);
      afile_after = read_file (afile);
      g_assert_cmpstr (article_after, ==, article_before);
      g_assert_cmpstr (afile_after, ==, afile_before);
    }

  /* The annotation file given as the input, and as the output. */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autofree char *afile_after = NULL;

    g_assert_cmpint (run_timed (f->dir, &out, &err, "export", "-f", "jsonl", "-o",
                                "a.txt.alice.gloss.json", "a.txt.alice.gloss.json", NULL), !=, 0);
    g_assert_nonnull (strstr (err, "the export will not replace it"));
    afile_after = read_file (afile);
    g_assert_cmpstr (afile_after, ==, afile_before);
  }
}

static void
test_export_onto_input_core (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *article = fixture_write (f, "a.txt", ARTICLE);
  g_autofree char *link = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) article_file = g_file_new_for_path (article);
  g_autoptr(GFile) link_file = NULL;
  g_autoptr(GlossExporter) exporter = gloss_exporter_new (gloss_format_lookup ("csv"));
  g_autoptr(GError) error = NULL;

  annotate_text (article, "alice", "org", "Acme", NULL);
  before = read_file (article);
  link = make_link (f, "other-name.csv", "a.txt");
  link_file = g_file_new_for_path (link);

  /* The destination looks like any file when opened; once the export
   * has read it as an article, it is not replaced. */
  g_assert_true (gloss_exporter_open_file (exporter, link_file, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_exporter_add_article (exporter, article_file, "a.txt", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (gloss_exporter_finish (exporter, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSAFE_PATH);
  g_clear_error (&error);

  after = read_file (article);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
}

static void
test_export_links_out (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *article = fixture_write (f, "a.txt", ARTICLE);
  g_autofree char *victim = fixture_write (f, "elsewhere/victim.txt", "keep me\n");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *after = NULL;

  if (!have_cli ())
    return;

  annotate_text (article, "alice", "org", "Acme", NULL);

  /* A single file: a link to a file in another folder is not followed. */
  g_free (make_link (f, "out/export.csv", victim));
  g_assert_cmpint (run_timed (f->dir, &out, &err, "export", "-f", "csv", "-o", "out/export.csv",
                              "a.txt", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "outside the folder"));
  after = read_file (victim);
  g_assert_cmpstr (after, ==, "keep me\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&after, g_free);

  /* A folder: nor is one among the files it writes. */
  g_free (make_link (f, "brat/alice/a.ann", victim));
  g_assert_cmpint (run_timed (f->dir, &out, &err, "export", "-f", "brat", "-o", "brat",
                              "a.txt", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "outside the folder"));
  after = read_file (victim);
  g_assert_cmpstr (after, ==, "keep me\n");
}

/* Imports, whole or not at all ---------------------------------------- */

static void
test_doccano_bad_line (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *input = fixture_write (f, "d.jsonl",
                                          "{\"text\": \"Acme met Zenith.\", \"label\": [[0, 4, \"ORG\"]]}\n"
                                          "{\"text\": \"Zenith\", \"label\": [[0, 99, \"ORG\"]]}\n"
                                          "{\"text\": \"Paris\", \"label\": [[0, 5, \"LOC\"]]}\n"
                                          "not json\n");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *names = NULL;

  if (!have_cli ())
    return;

  g_assert_cmpint (run_timed (f->dir, &out, &err, "import", "-f", "doccano", "d.jsonl", NULL), ==, 1);
  /* Every problem, with its line... */
  g_assert_nonnull (strstr (err, "d.jsonl:2: the span 0–99"));
  g_assert_nonnull (strstr (err, "d.jsonl:4: "));
  g_assert_nonnull (strstr (out, "Imported 0 annotations into 0 annotation files"));
  /* ... and nothing written, not even the good lines' texts. */
  names = list_folder (f->dir);
  g_assert_cmpstr (names, ==, "d.jsonl");
}

static void
test_doccano_existing_destination (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *input = fixture_write (f, "d.jsonl",
                                          "{\"text\": \"Acme\", \"label\": [[0, 4, \"ORG\"]]}\n"
                                          "{\"text\": \"Zenith\", \"label\": [[0, 6, \"ORG\"]]}\n");
  g_autofree char *text = fixture_write (f, "d-0002.txt", "Zenith");
  g_autofree char *taken = fixture_write (f, "d-0002.txt.doccano.gloss.json", "{}");
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("doccano"));
  g_autoptr(GFile) file = g_file_new_for_path (input);
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  g_autofree char *kept = NULL;

  /* Record 2's annotation file is there: record 1's text is not written
   * either. */
  g_assert_false (gloss_importer_import_file (importer, file, NULL, &error));
  g_assert_nonnull (strstr (error->message, "d.jsonl:2: "));
  g_assert_nonnull (strstr (error->message, "exists already"));
  names = list_folder (f->dir);
  g_assert_cmpstr (names, ==, "d-0002.txt d-0002.txt.doccano.gloss.json d.jsonl");
  kept = read_file (taken);
  g_assert_cmpstr (kept, ==, "{}");
  g_assert_cmpuint (gloss_importer_get_n_articles (importer), ==, 0);
  g_clear_error (&error);

  /* Overwriting: all of it, the text there already taken as it is. */
  gloss_importer_set_overwrite (importer, TRUE);
  g_assert_true (gloss_importer_import_file (importer, file, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&names, g_free);
  names = list_folder (f->dir);
  g_assert_cmpstr (names, ==, "d-0001.txt d-0001.txt.doccano.gloss.json d-0002.txt "
                              "d-0002.txt.doccano.gloss.json d.jsonl");
  g_assert_cmpuint (gloss_importer_get_n_articles (importer), ==, 2);
}

static void
test_doccano_text_links_out (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *victim = fixture_write (f, "elsewhere/v.txt", "Acme");
  g_autofree char *input = fixture_write (f, "in/d.jsonl",
                                          "{\"text\": \"Acme\", \"label\": [[0, 4, \"ORG\"]]}\n");
  g_autofree char *inside = g_build_filename (f->dir, "in", NULL);
  g_autofree char *elsewhere = g_build_filename (f->dir, "elsewhere", NULL);
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("doccano"));
  g_autoptr(GFile) file = g_file_new_for_path (input);
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;

  /* The text the record would create is a link out of the folder, to a
   * file with that very text: not taken. */
  g_free (make_link (f, "in/d-0001.txt", victim));
  g_assert_false (gloss_importer_import_file (importer, file, NULL, &error));
  g_assert_nonnull (strstr (error->message, "d.jsonl:1: "));
  names = list_folder (elsewhere);
  g_assert_cmpstr (names, ==, "v.txt");
  g_clear_pointer (&names, g_free);
  names = list_folder (inside);
  g_assert_cmpstr (names, ==, "d-0001.txt d.jsonl");
}

static void
test_labelstudio_object (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *input = fixture_write (f, "task.json",
                                          "{\"data\": {\"text\": \"Acme met Zenith.\"},\n"
                                          " \"annotations\": []}\n");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *names = NULL;

  if (!have_cli ())
    return;

  g_assert_cmpint (run_timed (f->dir, &out, &err, "import", "-f", "labelstudio", "task.json", NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, "task.json: a Label Studio export is a JSON list of tasks"));
  names = list_folder (f->dir);
  g_assert_cmpstr (names, ==, "task.json");
}

static void
test_labelstudio_bad_task (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *input = fixture_write (f, "tasks.json",
    "[\n"
    "  {\"data\": {\"text\": \"Acme met Zenith.\"},\n"
    "   \"annotations\": [{\"result\": [{\"id\": \"a\", \"type\": \"labels\",\n"
    "     \"value\": {\"start\": 0, \"end\": 4, \"text\": \"Acme\", \"labels\": [\"ORG\"]}}]}]},\n"
    "  {\"data\": {\"text\": \"Nobody annotated this.\"}, \"annotations\": []},\n"
    "  {\"data\": {\"text\": \"Wrong text here\"},\n"
    "   \"annotations\": [{\"result\": [{\"id\": \"x\", \"type\": \"labels\",\n"
    "     \"value\": {\"start\": 0, \"end\": 5, \"text\": \"Right\", \"labels\": [\"ORG\"]}}]}]}\n"
    "]\n");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *names = NULL;

  if (!have_cli ())
    return;

  g_assert_cmpint (run_timed (f->dir, &out, &err, "import", "-f", "labelstudio", "tasks.json", NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, "tasks.json:6: region x says “Right” but the text has “Wrong” there"));
  names = list_folder (f->dir);
  g_assert_cmpstr (names, ==, "tasks.json");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&names, g_free);

  /* Without the bad task: the annotated one only, no stray text for the
   * task nobody annotated. */
  g_free (fixture_write (f, "tasks.json",
    "[\n"
    "  {\"data\": {\"text\": \"Acme met Zenith.\"},\n"
    "   \"annotations\": [{\"result\": [{\"id\": \"a\", \"type\": \"labels\",\n"
    "     \"value\": {\"start\": 0, \"end\": 4, \"text\": \"Acme\", \"labels\": [\"ORG\"]}}]}]},\n"
    "  {\"data\": {\"text\": \"Nobody annotated this.\"}, \"annotations\": []}\n"
    "]\n"));
  g_assert_cmpint (run_timed (f->dir, &out, &err, "import", "-f", "labelstudio", "tasks.json", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (err, "tasks.json:5: the task has no annotations and was left out"));
  names = list_folder (f->dir);
  g_assert_cmpstr (names, ==, "tasks-0001.txt tasks-0001.txt.labelstudio.gloss.json tasks.json");
}

int
main (int    argc,
      char **argv)
{
  format_test_init (&argc, &argv);

  ADD_TEST ("/hostile/fifo/annotation-file", test_fifo_annotation_file);
  ADD_TEST ("/hostile/fifo/codebook", test_fifo_codebook);
  ADD_TEST ("/hostile/fifo/article", test_fifo_article);
  ADD_TEST ("/hostile/fifo/brat-text", test_fifo_brat_text);
  ADD_TEST ("/hostile/fifo/brat-visual-conf", test_fifo_brat_visual_conf);
  ADD_TEST ("/hostile/fifo/w3c-target", test_fifo_w3c_target);
  ADD_TEST ("/hostile/fifo/import-input", test_fifo_import_input);
  ADD_TEST ("/hostile/dev-zero/article", test_dev_zero_article);
  ADD_TEST ("/hostile/dev-zero/import-input", test_dev_zero_import_input);
  ADD_TEST ("/hostile/w3c/target-outside", test_w3c_target_outside);
  ADD_TEST ("/hostile/w3c/target-outside-core", test_w3c_target_outside_core);
  ADD_TEST ("/hostile/w3c/target-inside", test_w3c_target_inside);
  ADD_TEST ("/hostile/w3c/wrong-quote", test_w3c_wrong_quote);
  ADD_TEST ("/hostile/brat/text-links-out", test_brat_text_links_out);
  ADD_TEST ("/hostile/export/onto-input", test_export_onto_input);
  ADD_TEST ("/hostile/export/onto-input-core", test_export_onto_input_core);
  ADD_TEST ("/hostile/export/links-out", test_export_links_out);
  ADD_TEST ("/hostile/import/doccano-bad-line", test_doccano_bad_line);
  ADD_TEST ("/hostile/import/doccano-existing-destination", test_doccano_existing_destination);
  ADD_TEST ("/hostile/import/doccano-text-links-out", test_doccano_text_links_out);
  ADD_TEST ("/hostile/import/labelstudio-object", test_labelstudio_object);
  ADD_TEST ("/hostile/import/labelstudio-bad-task", test_labelstudio_bad_task);

  return g_test_run ();
}
