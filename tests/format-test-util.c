/* format-test-util.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "format-test-util.h"
#include "gloss-annotation-file.h"

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_assert_cmpint (g_unlink (child), ==, 0);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-formats-XXXXXX", &error);

  g_assert_no_error (error);
  f->dir = g_canonicalize_filename (dir, NULL);
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
}

char *
fixture_write (Fixture    *f,
               const char *name,
               const char *data)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (parent, 0755);
  g_file_set_contents (path, data, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, NULL, &error);
  g_assert_no_error (error);
  return data;
}

void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *data = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (from, &data, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, data, length, &error);
  g_assert_no_error (error);
}

char *
testdata_path (const char *sub)
{
  const char *root = g_getenv ("GLOSS_TESTDATA");
  g_autofree char *path = NULL;

  if (root == NULL || root[0] == '\0')
    return NULL;
  path = g_build_filename (root, sub, NULL);
  return g_file_test (path, G_FILE_TEST_EXISTS) ? g_steal_pointer (&path) : NULL;
}

guint
offset_of (const char *text,
           const char *needle)
{
  const char *at = strstr (text, needle);

  g_assert_nonnull (at);
  return g_utf8_pointer_to_offset (text, at);
}

void
annotate_text (const char *path,
               const char *annotator,
               const char *tag,
               const char *needle,
               const char *note)
{
  g_autoptr(GFile) article = g_file_new_for_path (path);
  g_autoptr(GFile) afile = gloss_annotation_file_path_for (article, annotator);
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autoptr(GError) error = NULL;
  guint start;

  source = gloss_source_new_from_file (article, 0, NULL, &error);
  g_assert_no_error (error);

  if (g_file_query_exists (afile, NULL))
    {
      file = gloss_annotation_file_open (afile, GLOSS_LOAD_NONE, NULL, &error);
      g_assert_no_error (error);
    }
  else
    file = gloss_annotation_file_new (source, annotator, annotator);

  start = offset_of (gloss_source_get_text (source), needle);
  g_assert_nonnull (gloss_layer_annotate (gloss_annotation_file_get_layer (file), tag, start,
                                          start + g_utf8_strlen (needle, -1), note));
  gloss_annotation_file_save (file, GLOSS_SAVE_NONE, NULL, &error);
  g_assert_no_error (error);
}

int
run_python (const char *script,
            ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;
  va_list ap;

  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("/usr/bin/python3 is missing");
      return 77;
    }

  g_ptr_array_add (args, g_strdup ("/usr/bin/python3"));
  g_ptr_array_add (args, g_test_build_filename (G_TEST_DIST, script, NULL));
  va_start (ap, script);
  for (const char *arg = va_arg (ap, const char *); arg; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, g_strdup (arg));
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **)args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  g_test_message ("%s%s", out, err);

  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      g_test_skip ("python3-jsonschema is missing");
      return 77;
    }
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

int
run_cli (Fixture  *f,
         char    **out,
         char    **err,
         ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  va_list ap;

  g_ptr_array_add (args, (gpointer)g_getenv ("GLOSS_CLI"));
  va_start (ap, err);
  for (const char *arg = va_arg (ap, const char *); arg; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  g_subprocess_launcher_set_cwd (launcher, f->dir);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));

  return g_subprocess_get_exit_status (process);
}
