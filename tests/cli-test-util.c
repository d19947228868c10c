/* cli-test-util.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include <glib/gstdio.h>
#include <locale.h>

#include "cli-test-util.h"
#include "file-test-util.h"

void
cli_fixture_set_up (CliFixture    *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("gloss-test-cli-XXXXXX", &error);
  g_assert_no_error (error);
}

void
cli_fixture_tear_down (CliFixture    *f,
                       gconstpointer  data)
{
  delete_tree (f->dir);
  g_free (f->dir);
  g_free (f->out);
  g_free (f->err);
}

int
run_cli_valist (const char  *dir,
                const char  *locale,
                char       **out,
                char       **err,
                const char  *first,
                va_list      args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer)g_getenv ("GLOSS_CLI"));
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", locale ? locale : "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  g_subprocess_launcher_set_cwd (launcher, dir);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);

  return wait_for_cli (process, out, err);
}

int
run_cli_in (const char  *dir,
            const char  *locale,
            char       **out,
            char       **err,
            const char  *first,
            ...)
{
  va_list ap;
  int status;

  if (out != NULL)
    g_clear_pointer (out, g_free);
  if (err != NULL)
    g_clear_pointer (err, g_free);
  va_start (ap, first);
  status = run_cli_valist (dir, locale, out, err, first, ap);
  va_end (ap);

  return status;
}

int
wait_for_cli (GSubprocess  *process,
              char        **out,
              char        **err)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_buf = NULL;
  g_autofree char *stderr_buf = NULL;

  g_subprocess_communicate_utf8 (process, NULL, NULL, &stdout_buf, &stderr_buf, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));

  if (out != NULL)
    *out = g_steal_pointer (&stdout_buf);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_buf);

  return g_subprocess_get_exit_status (process);
}

GSubprocess *
spawn_cli_annotate (GSubprocessFlags  flags,
                    const char       *article,
                    const char       *annotator,
                    guint             start,
                    guint             end)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *start_arg = g_strdup_printf ("%u", start);
  g_autofree char *end_arg = g_strdup_printf ("%u", end);
  GSubprocess *process;

  process = g_subprocess_new (flags, &error,
                              g_getenv ("GLOSS_CLI"), "annotate", "--annotator", annotator,
                              "--tag", "claim", "--start", start_arg, "--end", end_arg, article,
                              NULL);
  g_assert_no_error (error);

  return process;
}

GHashTable *
read_spans (const char *path,
            gboolean    missing_ok)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GHashTable *spans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *annotations;

  if (missing_ok && !g_file_test (path, G_FILE_TEST_EXISTS))
    return spans;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  annotations = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                              "annotations");
  g_assert_nonnull (annotations);

  for (guint i = 0; i < json_array_get_length (annotations); i++)
    {
      JsonObject *a = json_array_get_object_element (annotations, i);

      g_hash_table_add (spans, g_strdup_printf ("%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT,
                                                json_object_get_int_member (a, "start"),
                                                json_object_get_int_member (a, "end")));
    }

  return spans;
}

gboolean
has_span (GHashTable *spans,
          guint       start,
          guint       end)
{
  g_autofree char *key = g_strdup_printf ("%u-%u", start, end);

  return g_hash_table_contains (spans, key);
}

JsonObject *
find_agree_pair (JsonObject *root,
                 const char *a,
                 const char *b)
{
  JsonArray *pairs = json_object_get_array_member (root, "pairs");

  for (guint i = 0; i < json_array_get_length (pairs); i++)
    {
      JsonObject *pair = json_array_get_object_element (pairs, i);

      if (g_strcmp0 (json_object_get_string_member (pair, "a"), a) == 0 &&
          g_strcmp0 (json_object_get_string_member (pair, "b"), b) == 0)
        return pair;
    }
  g_error ("gloss-cli agree --json has no pair %s, %s", a, b);
  return NULL;
}

char *
cli_annotation_id_at (const char *dir,
                      const char *article,
                      const char *annotator,
                      guint       start)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  JsonArray *rows;

  g_assert_cmpint (run_cli_in (dir, NULL, &out, NULL, "list", "--json", "-a", annotator, article, NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  rows = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (json_object_get_int_member (row, "start") == start)
        return g_strdup (json_object_get_string_member (row, "id"));
    }
  g_error ("%s has no annotation of %s at %u", article, annotator, start);
  return NULL;
}

void
cli_link_at (const char *dir,
             const char *article,
             const char *annotator,
             const char *type,
             guint       from,
             guint       to)
{
  g_autofree char *source = cli_annotation_id_at (dir, article, annotator, from);
  g_autofree char *target = cli_annotation_id_at (dir, article, annotator, to);

  g_assert_cmpint (run_cli_in (dir, NULL, NULL, NULL, "link", "-a", annotator, "-t", type, "-f", source,
                               "--to", target, article, NULL), ==, 0);
}

GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (data, length);
}

guint64
inode_of (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_ino;
}

gboolean
have_locale (const char *locale)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  gboolean found = setlocale (LC_ALL, locale) != NULL;

  setlocale (LC_ALL, saved);
  return found;
}
