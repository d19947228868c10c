/* gloss-export.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-annotation-file.h"
#include "gloss-format.h"

G_BEGIN_DECLS

/* Writes articles and their annotation files in one format, an article at
 * a time: nothing but the article being added is held in memory, so a
 * folder of thousands of articles exports in flat memory.
 *
 *   exporter = gloss_exporter_new (gloss_format_lookup ("csv"));
 *   gloss_exporter_set_annotators (exporter, ids);
 *   gloss_exporter_open_file (exporter, destination, &error);
 *   for each article: gloss_exporter_add_article (exporter, article, name, NULL, &error);
 *   gloss_exporter_finish (exporter, &error);
 *
 * Not thread-safe; one thread at a time may use an exporter. */
typedef struct _GlossExporter GlossExporter;

/* @format is one that Gloss exports to (gloss_format_can()). */
GlossExporter *gloss_exporter_new              (const GlossFormat  *format);
void           gloss_exporter_free             (GlossExporter      *self);

const GlossFormat *gloss_exporter_get_format   (GlossExporter      *self);
/* Only these annotators (NULL-terminated ids; NULL or empty means all). */
void           gloss_exporter_set_annotators   (GlossExporter      *self,
                                                const char * const *annotators);
/* Only annotations with these tags (NULL or empty means all). */
void           gloss_exporter_set_tags         (GlossExporter      *self,
                                                const char * const *tags);
/* The formats that take GLOSS_FORMAT_SPREADSHEET_SAFE (CSV): a cell that starts with = + - @ (or a tab or carriage return) gets a
 * leading ' so that a spreadsheet shows it instead of running it. */
void           gloss_exporter_set_spreadsheet_safe (GlossExporter  *self,
                                                    gboolean        safe);
/* The formats that take GLOSS_FORMAT_EXCEL (CSV): what Excel and
 * LibreOffice open at once, with a double click, in the user's locale: a
 * UTF-8 byte-order mark first, so that they read UTF-8; cells separated
 * by ';' where the locale's decimal separator (LC_NUMERIC, as set when the
 * destination opens) is a comma, as their CSV import then expects, ','
 * elsewhere; cells a spreadsheet would run guarded as with
 * gloss_exporter_set_spreadsheet_safe().  Line breaks stay inside quoted
 * cells and records end with CRLF, as in every CSV Gloss writes. */
void           gloss_exporter_set_excel        (GlossExporter      *self,
                                                gboolean            excel);
/* The formats that take GLOSS_FORMAT_ANNOTATOR_COLUMNS (CoNLL): the
 * annotators of @annotators (NULL-terminated ids) side by side, a tag
 * column each in that order, on each article's tokens written once,
 * instead of a document per annotator; only their files are exported,
 * as gloss_exporter_set_annotators() would keep.  NULL or empty: a
 * document per annotator, as by default.  Set it before the destination
 * opens, whose first line names the columns. */
void           gloss_exporter_set_annotator_columns (GlossExporter      *self,
                                                     const char * const *annotators);
/* The formats that take GLOSS_FORMAT_OFFSET_UNIT (doccano, Label Studio);
 * by default the format's own unit. */
void           gloss_exporter_set_offset_unit  (GlossExporter      *self,
                                                GlossOffsetUnit     unit);
/* The formats that take GLOSS_FORMAT_IOB_SCHEME (CoNLL); IOB2 by default. */
void           gloss_exporter_set_scheme       (GlossExporter      *self,
                                                GlossIobScheme      scheme);

/* Opens the destination: a file for the one-file formats (replaced
 * atomically when the export finishes), a folder for the
 * GLOSS_FORMAT_FOLDER_ONLY formats (brat; created if needed; files in it
 * with the names the export writes are replaced), either for the
 * GLOSS_FORMAT_FILE_OR_FOLDER ones (w3c) as @as_folder says. */
gboolean       gloss_exporter_open_file        (GlossExporter      *self,
                                                GFile              *destination,
                                                gboolean            as_folder,
                                                GCancellable       *cancellable,
                                                GError            **error);
/* Writes to @stream (standard output, for instance), which the exporter
 * does not close.  Not for the folder formats. */
gboolean       gloss_exporter_open_stream      (GlossExporter      *self,
                                                GOutputStream      *stream,
                                                GError            **error);

/* Exports @article (a GFile of an article) with its annotation files, or
 * only those of @annotation_files (GFile) when it is not NULL.  @name is
 * how the export names the article (a relative path such as "news/a.txt":
 * the CSV's document column, the brat file names).  Annotation files that
 * cannot be read are left out and reported in @error, one line each,
 * after the others have been exported; FALSE then. */
gboolean       gloss_exporter_add_article      (GlossExporter      *self,
                                                GFile              *article,
                                                const char         *name,
                                                GPtrArray          *annotation_files,
                                                GCancellable       *cancellable,
                                                GError            **error);
/* The same with an article and annotation files already open (the
 * window's), all anchored in @source; the annotator filter applies. */
gboolean       gloss_exporter_add_files        (GlossExporter      *self,
                                                GlossSource        *source,
                                                const char         *name,
                                                GPtrArray          *annotation_files,
                                                GError            **error);
/* Writes what is left (brat's configuration files, closing brackets) and
 * closes the destination. */
gboolean       gloss_exporter_finish           (GlossExporter      *self,
                                                GCancellable       *cancellable,
                                                GError            **error);

/* TRUE once writing the destination failed: nothing more can be added. */
gboolean       gloss_exporter_has_failed        (GlossExporter     *self);
guint          gloss_exporter_get_n_articles    (GlossExporter     *self);
guint          gloss_exporter_get_n_annotations (GlossExporter     *self);
/* Sentences about what the format could not hold (orphaned annotations in
 * an offset format, overlaps in CoNLL, ...), one per article concerned;
 * never NULL. */
GPtrArray     *gloss_exporter_get_warnings     (GlossExporter      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossExporter, gloss_exporter_free)

/* Appends @value (NULL for an empty field) to @out as one CSV field (RFC
 * 4180: quoted when it holds a comma, a quote or a line break; with
 * gloss_csv_append_cell(), @separator instead of the comma).  With
 * @safe, a value a spreadsheet would run as a formula (starting with = +
 * - @ a tab or a carriage return) gets a leading apostrophe, which
 * spreadsheets show as text: the OWASP advice for CSV injection. */
void           gloss_csv_append_field          (GString            *out,
                                                const char         *value,
                                                gboolean            safe);
void           gloss_csv_append_cell           (GString            *out,
                                                const char         *value,
                                                char                separator,
                                                gboolean            safe);

G_END_DECLS
