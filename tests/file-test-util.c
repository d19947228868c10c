/* file-test-util.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "file-test-util.h"

static void
delete_tree_real (const char *path,
                  gboolean    checked)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  /* A test may leave a folder read-only; when nothing is checked, undo
   * that first so that the rest goes too.  Never through a link: its
   * target is not the test's. */
  if (!checked && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    g_chmod (path, 0755);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        delete_tree_real (child, checked);
      else if (checked)
        g_assert_cmpint (g_unlink (child), ==, 0);
      else
        g_unlink (child);
    }
  if (checked)
    g_assert_cmpint (g_rmdir (path), ==, 0);
  else
    g_rmdir (path);
}

void
delete_tree (const char *path)
{
  delete_tree_real (path, FALSE);
}

void
delete_tree_checked (const char *path)
{
  delete_tree_real (path, TRUE);
}

void
write_file (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

guint
count_hidden_files (const char *dir,
                    const char *except_suffix)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      if (name[0] != '.')
        continue;
      if (except_suffix != NULL && g_str_has_suffix (name, except_suffix))
        continue;
      n++;
    }

  return n;
}

void
write_file_under (const char *dir,
               const char *name,
               const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  write_file (path, text);
}

void
dir_fixture_set_up (DirFixture    *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("gloss-test-XXXXXX", &error);
  g_assert_no_error (error);
}

void
dir_fixture_tear_down (DirFixture    *f,
                       gconstpointer  data)
{
  delete_tree (f->dir);
  g_free (f->dir);
}
