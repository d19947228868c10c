/* file-test-util.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Files written, read and deleted by the tests, with GLib only, so that
 * the tests of the core can share them with the widget tests. */

/* Deletes @path and, if it is a folder, everything in it, read-only
 * folders included. */
void   delete_tree         (const char *path);
/* Like delete_tree(), but fails the test when anything cannot be deleted:
 * for folders that must hold nothing the test cannot remove. */
void   delete_tree_checked (const char *path);
/* A test's own folder, made before it and deleted after it: for
 * g_test_add (path, DirFixture, NULL, dir_fixture_set_up, test,
 * dir_fixture_tear_down). */
typedef struct
{
  char *dir;
} DirFixture;

void   dir_fixture_set_up    (DirFixture    *f,
                              gconstpointer  data);
void   dir_fixture_tear_down (DirFixture    *f,
                              gconstpointer  data);
/* Writes @text to @path, failing the test on error. */
void   write_file          (const char *path,
                            const char *text);
/* The contents of @path, failing the test on error. */
char  *read_file           (const char *path);
/* Writes @text as @name (a relative path, its folders made as needed)
 * under @dir. */
void   write_file_under       (const char *dir,
                            const char *name,
                            const char *text);

/* The hidden files in @dir (what only an unfinished save leaves:
 * temporary files and lock files), not counting those whose name ends in
 * @except_suffix when it is not NULL. */
guint  count_hidden_files  (const char *dir,
                            const char *except_suffix);

G_END_DECLS
