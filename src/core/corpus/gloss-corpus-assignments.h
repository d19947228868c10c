/* gloss-corpus-assignments.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Who should annotate what: the optional gloss-assignments.csv at the top
 * of a corpus's folder, a CSV file (RFC 4180: quoted fields, CRLF or LF
 * line ends, an optional UTF-8 byte order mark) whose header names the
 * columns "article" and "annotator" (in any case and any order; other
 * columns are ignored) and whose rows each give an article's path under
 * the folder, with '/' between folders, and the id of an annotator it is
 * assigned to.  Several annotators of an article take several rows; a
 * row given twice counts once.  Nothing here touches a main context: it
 * is safe in a worker thread. */

/* The file's name, at the top of the folder. */
#define GLOSS_ASSIGNMENTS_FILE_NAME "gloss-assignments.csv"

/* The largest file read, in bytes: far above a corpus's needs. */
#define GLOSS_ASSIGNMENTS_MAX_SIZE (32 * 1024 * 1024)

/* The most annotators a file may name: each is a column of the window's
 * list and a row of every article in gloss-cli status. */
#define GLOSS_ASSIGNMENTS_MAX_ANNOTATORS 1000

typedef struct _GlossAssignments GlossAssignments;

/* Reads @folder's gloss-assignments.csv.  Without the file, fails with
 * GLOSS_ERROR_NOT_FOUND, which a caller takes for "everyone sees
 * everything".  The file is read through the safe file layer: a link is
 * followed, but to a regular file only (a named pipe, a device, a folder
 * or a broken link is refused, never opened for long), and no more than
 * GLOSS_ASSIGNMENTS_MAX_SIZE bytes of it.  A file that is not well-formed
 * fails with GLOSS_ERROR_PARSE, and a field that is not a path under the
 * folder or an annotator id, or more than GLOSS_ASSIGNMENTS_MAX_ANNOTATORS
 * annotators, with GLOSS_ERROR_INVALID, the message naming
 * the file and the line ("…/gloss-assignments.csv, line 7: …"). */
GlossAssignments   *gloss_assignments_load       (GFile              *folder,
                                                  GCancellable       *cancellable,
                                                  GError            **error);
/* Parses @data (@length bytes) as such a file, named @display_name in the
 * messages. */
GlossAssignments   *gloss_assignments_parse      (const char         *data,
                                                  gsize               length,
                                                  const char         *display_name,
                                                  GError            **error);
void                gloss_assignments_free       (GlossAssignments   *self);

/* The file's name as the messages give it. */
const char         *gloss_assignments_get_display_name (GlossAssignments *self);
/* How many rows assign something (duplicates included). */
guint               gloss_assignments_get_n_rows (GlossAssignments   *self);
/* Every annotator with an assignment, sorted; NULL-terminated. */
const char * const *gloss_assignments_get_annotators (GlossAssignments *self);
/* The annotators @article (its path under the folder, '/' between
 * folders) is assigned to, sorted; NULL when it is assigned to nobody. */
const char * const *gloss_assignments_lookup     (GlossAssignments   *self,
                                                  const char         *article);
/* Whether @article is assigned to @annotator. */
gboolean            gloss_assignments_is_assigned (GlossAssignments  *self,
                                                  const char         *article,
                                                  const char         *annotator);
/* The path under @folder that the file gives @article: '/' between
 * folders, whatever the system's separator; NULL when @article is not
 * under @folder. */
char               *gloss_assignments_path_of    (GFile              *folder,
                                                  GFile              *article);
/* Warnings (strings naming the file and the line) for the rows whose
 * article is not one of @articles (paths under the folder, as
 * gloss_assignments_path_of() gives them, a set): such a row is left
 * as it is, never a failure. */
GPtrArray          *gloss_assignments_check      (GlossAssignments   *self,
                                                  GHashTable         *articles);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossAssignments, gloss_assignments_free)

G_END_DECLS
