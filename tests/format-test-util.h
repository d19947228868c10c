/* format-test-util.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What the export and import tests share: a fresh folder per test, files
 * in it, annotations made as a user would, and the programs the files are
 * read back with. */

typedef struct
{
  char *dir;
} Fixture;

void   fixture_set_up    (Fixture       *f,
                          gconstpointer  data);
void   fixture_tear_down (Fixture       *f,
                          gconstpointer  data);

/* Writes @data as @name (which may hold folders) in @f's folder; returns
 * its path. */
char  *fixture_write     (Fixture       *f,
                          const char    *name,
                          const char    *data);
char  *read_text         (const char    *path);
void   copy_file         (const char    *from,
                          const char    *to);

/* The folder @sub of GLOSS_TESTDATA, or NULL when it is not there. */
char  *testdata_path     (const char    *sub);

/* The code-point offset of @needle in @text. */
guint  offset_of         (const char    *text,
                          const char    *needle);
/* Annotates the first @needle of the article at @path in @annotator's file
 * (created if needed) and saves it. */
void   annotate_text     (const char    *path,
                          const char    *annotator,
                          const char    *tag,
                          const char    *needle,
                          const char    *note);

/* Runs /usr/bin/python3 with @script (in the tests' source folder) and the
 * arguments up to NULL; returns its exit status.  Python or jsonschema
 * missing (status 77) skips the test. */
int    run_python        (const char    *script,
                          ...) G_GNUC_NULL_TERMINATED;
/* Runs $GLOSS_CLI with the arguments up to NULL in @f's folder, with
 * pipes for stdout and stderr (so never a terminal); returns its exit
 * status. */
int    run_cli           (Fixture       *f,
                          char         **out,
                          char         **err,
                          ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
