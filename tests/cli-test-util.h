/* cli-test-util.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* gloss-cli run from a test, with GIO and json-glib only, so that the
 * tests of the core, the command line, the formats and the window run it
 * the same way; and the layers it writes, read back as plain JSON. */

/* Runs $GLOSS_CLI with @first and the arguments of @args up to NULL, in
 * @dir, under LC_ALL=@locale (C.UTF-8 when NULL) and without LANGUAGE, with
 * pipes for stdout and stderr (so never a terminal); waits for it and
 * returns its exit status, with what it printed in @out and @err when they
 * are not NULL. */
int          run_cli_valist     (const char        *dir,
                                 const char        *locale,
                                 char             **out,
                                 char             **err,
                                 const char        *first,
                                 va_list            args);
/* The same with the arguments up to NULL; frees what *@out and *@err held
 * before. */
G_GNUC_NULL_TERMINATED
int          run_cli_in         (const char        *dir,
                                 const char        *locale,
                                 char             **out,
                                 char             **err,
                                 const char        *first,
                                 ...);
/* Waits for @process; its exit status, with what it printed in @out and
 * @err when they are not NULL.  Fails the test unless it exited. */
int          wait_for_cli       (GSubprocess       *process,
                                 char             **out,
                                 char             **err);

/* A temporary folder gloss-cli runs in, and what it printed last: the
 * fixture of the tests that run it on files of their own. */
typedef struct
{
  char *dir;
  char *out;
  char *err;
  int   status;
} CliFixture;

void         cli_fixture_set_up    (CliFixture    *f,
                                    gconstpointer  data);
void         cli_fixture_tear_down (CliFixture    *f,
                                    gconstpointer  data);
/* Runs gloss-cli with the arguments up to NULL in the fixture's folder;
 * keeps its output and returns its exit status. */
#define cli_fixture_run(f, ...) \
  ((f)->status = run_cli_in ((f)->dir, NULL, &(f)->out, &(f)->err, __VA_ARGS__))

/* $GLOSS_CLI annotate of [@start, @end) as "claim" in @annotator's layer
 * of @article, started with @flags but not waited for. */
GSubprocess *spawn_cli_annotate (GSubprocessFlags   flags,
                                 const char        *article,
                                 const char        *annotator,
                                 guint              start,
                                 guint              end);

/* The spans of the annotations in the layer at @path, as "start-end"
 * strings; fails the test unless the file is whole, valid JSON with an
 * "annotations" array.  A missing file fails it too, unless @missing_ok,
 * when it has no spans. */
GHashTable  *read_spans         (const char        *path,
                                 gboolean           missing_ok);
gboolean     has_span           (GHashTable        *spans,
                                 guint              start,
                                 guint              end);

/* The pair of annotators @a and @b in the "pairs" of what gloss-cli agree
 * --json printed (@root); fails the test when there is none. */
JsonObject  *find_agree_pair    (JsonObject        *root,
                                 const char        *a,
                                 const char        *b);
/* The id of @annotator's annotation of @article, in @dir, that starts at
 * @start (from gloss-cli list --json); fails the test when there is none. */
char        *cli_annotation_id_at (const char      *dir,
                                 const char        *article,
                                 const char        *annotator,
                                 guint              start);
/* gloss-cli link of @annotator's annotations starting at @from and @to
 * by a relation of @type; fails the test unless it succeeds. */
void         cli_link_at        (const char        *dir,
                                 const char        *article,
                                 const char        *annotator,
                                 const char        *type,
                                 guint              from,
                                 guint              to);

/* The bytes of @path, failing the test on error. */
GBytes      *read_bytes         (const char        *path);
/* The inode of @path: saving replaces a file by renaming a new one over
 * it, so a file that kept its inode was not written, even with the same
 * bytes. */
guint64      inode_of           (const char        *path);
/* Whether the C library has @locale, without which the tool cannot speak
 * its language whatever its translations. */
gboolean     have_locale        (const char        *locale);

G_END_DECLS
