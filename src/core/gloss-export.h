/* gloss-export.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-annotation-file.h"

G_BEGIN_DECLS

/* The formats annotations are exported to, for the researcher's own tools.
 * Each format's file (gloss-export-csv.c, ...) opens with what it writes. */
typedef enum
{
  GLOSS_EXPORT_CSV,          /* RFC 4180, one row per annotation */
  GLOSS_EXPORT_JSONL,        /* one JSON object per annotation and line */
  GLOSS_EXPORT_BRAT,         /* a folder of .txt/.ann pairs, one subfolder per annotator */
  GLOSS_EXPORT_W3C,          /* W3C Web Annotation JSON-LD, a collection per article */
  GLOSS_EXPORT_DOCCANO,      /* doccano's JSONL, one line per article and annotator */
  GLOSS_EXPORT_CONLL,        /* a token per line with IOB tags */
  GLOSS_EXPORT_LABELSTUDIO,  /* Label Studio's JSON task list */
} GlossExportFormat;

/* How offsets are counted in the formats of web tools (doccano, Label
 * Studio).  Each has its default: see
 * gloss_export_format_get_default_offset_unit(). */
typedef enum
{
  GLOSS_OFFSETS_UTF16,       /* UTF-16 code units, as JavaScript counts */
  GLOSS_OFFSETS_CODEPOINTS,  /* Unicode code points, as Gloss and Python count */
} GlossOffsetUnit;

/* The tagging scheme of the CoNLL export. */
typedef enum
{
  GLOSS_SCHEME_IOB2,         /* B- on the first token of every span */
  GLOSS_SCHEME_IOB1,         /* B- only between two adjacent spans of one tag (CoNLL-2003) */
} GlossIobScheme;

/* "csv", "jsonl", "brat", "w3c", "doccano", "conll", "labelstudio" */
gboolean     gloss_export_format_from_string (const char        *name,
                                              GlossExportFormat *format);
const char  *gloss_export_format_to_string   (GlossExportFormat  format);
/* TRUE for the formats that can only write a folder (brat). */
gboolean     gloss_export_format_needs_folder (GlossExportFormat format);
/* TRUE for the formats that can write either one file or a folder of
 * files, one per article (w3c). */
gboolean     gloss_export_format_allows_folder (GlossExportFormat format);
/* How @format counts offsets unless told otherwise: code points for Label
 * Studio, which counts them so; UTF-16 code units for doccano, which
 * counts as JavaScript does (doccano issue 2290).  Formats without such
 * offsets give UTF-16, which they ignore. */
GlossOffsetUnit gloss_export_format_get_default_offset_unit (GlossExportFormat format);

/* Writes articles and their annotation files in one format, an article at
 * a time: nothing but the article being added is held in memory, so a
 * folder of thousands of articles exports in flat memory.
 *
 *   exporter = gloss_exporter_new (GLOSS_EXPORT_CSV);
 *   gloss_exporter_set_annotators (exporter, ids);
 *   gloss_exporter_open_file (exporter, destination, &error);
 *   for each article: gloss_exporter_add_article (exporter, article, name, NULL, &error);
 *   gloss_exporter_finish (exporter, &error);
 *
 * Not thread-safe; one thread at a time may use an exporter. */
typedef struct _GlossExporter GlossExporter;

GlossExporter *gloss_exporter_new              (GlossExportFormat   format);
void           gloss_exporter_free             (GlossExporter      *self);

GlossExportFormat gloss_exporter_get_format    (GlossExporter      *self);
/* Only these annotators (NULL-terminated ids; NULL or empty means all). */
void           gloss_exporter_set_annotators   (GlossExporter      *self,
                                                const char * const *annotators);
/* Only annotations with these tags (NULL or empty means all). */
void           gloss_exporter_set_tags         (GlossExporter      *self,
                                                const char * const *tags);
/* CSV: a cell that starts with = + - @ (or a tab or carriage return) gets a
 * leading ' so that a spreadsheet shows it instead of running it. */
void           gloss_exporter_set_spreadsheet_safe (GlossExporter  *self,
                                                    gboolean        safe);
/* doccano and Label Studio; by default the format's own unit. */
void           gloss_exporter_set_offset_unit  (GlossExporter      *self,
                                                GlossOffsetUnit     unit);
/* CoNLL; IOB2 by default. */
void           gloss_exporter_set_scheme       (GlossExporter      *self,
                                                GlossIobScheme      scheme);

/* Opens the destination: a file for the one-file formats (replaced
 * atomically when the export finishes), a folder for brat (created if
 * needed; files in it with the names the export writes are replaced),
 * either for w3c (a folder when @destination is an existing folder). */
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

G_END_DECLS
