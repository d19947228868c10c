/* gloss-export-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-export.h"
#include "gloss-file-io.h"
#include "gloss-format-private.h"
#include "gloss-json-writer.h"
#include "gloss-interchange-private.h"

G_BEGIN_DECLS

/* What a format is given for each article: its text, and the annotation
 * files to export (already filtered by annotator, each anchored in
 * @source). */
typedef struct
{
  GlossSource *source;
  const char  *name;
  GPtrArray   *files;
} GlossExportArticle;

/* A format's export, defined in its own file (gloss-export-csv.c, ...)
 * and named in the table of gloss-format.c: what it writes (marked with
 * N_()), the options it takes, and its functions.  begin runs once the
 * destination is open, add for each article, finish before the
 * destination is closed; free_state frees what they keep in
 * GlossExporter.state. */
struct _GlossExportFormatClass
{
  const char         *description;
  GlossFormatOptions  options;

  gboolean (*begin)      (GlossExporter            *self,
                          GError                  **error);
  gboolean (*add)        (GlossExporter            *self,
                          const GlossExportArticle *article,
                          GError                  **error);
  gboolean (*finish)     (GlossExporter            *self,
                          GError                  **error);
  void     (*free_state) (gpointer                  state);
};

struct _GlossExporter
{
  const GlossFormat *format;
  const GlossExportFormatClass *klass;

  GHashTable *annotators;      /* id set, or NULL for all */
  GHashTable *tags;            /* id set, or NULL for all */
  char **columns;              /* annotators side by side, or NULL */
  gboolean spreadsheet_safe;
  gboolean excel;
  GlossOffsetUnit offset_unit;
  GlossIobScheme scheme;

  /* The destination: a stream for the one-file formats, a folder for the
   * others.  Text is gathered in @buffer and written in large pieces. */
  GOutputStream *stream;
  /* The single destination file's writer, whose stream is @stream: an
   * export that does not finish leaves the destination as it was. */
  GlossAtomicWriter *writer;
  GFile *destination;
  GFile *folder;
  /* What the export reads ("device:inode"), which it never writes. */
  GHashTable *inputs;
  GString *buffer;
  GCancellable *cancellable;

  gpointer state;
  gboolean opened;
  gboolean finished;
  gboolean failed;

  guint n_articles;
  guint n_annotations;
  GPtrArray *warnings;
};

/* Writes the buffer to the stream once it holds more than a few hundred
 * kilobytes (always when @force). */
gboolean     _gloss_exporter_flush         (GlossExporter   *self,
                                            gboolean         force,
                                            GError         **error);
/* Writes @data as @relative_path in the destination folder, creating the
 * folders it needs and replacing the file atomically.  Refuses a path
 * that would leave the folder. */
gboolean     _gloss_exporter_write_file    (GlossExporter   *self,
                                            const char      *relative_path,
                                            const char      *data,
                                            gsize            length,
                                            GError         **error);
/* Fails when writing @file would destroy an input of the export: an
 * article or an annotation file, under whatever name. */
gboolean     _gloss_exporter_check_not_input (GlossExporter   *self,
                                              GFile           *file,
                                              GError         **error);
/* TRUE when @annotation passes the tag filter. */
gboolean     _gloss_exporter_keeps         (GlossExporter   *self,
                                            GlossAnnotation *annotation);
/* The map an offset format converts with: NULL when it counts code
 * points, as the annotations do. */
GlossUtf16Map *_gloss_exporter_utf16_map   (GlossExporter   *self,
                                            GlossSource     *source);
/* FALSE when an offset format leaves @annotation out: the tag filter
 * drops it, or it is orphaned (then counted in *@n_orphans).  Else sets
 * *@start and *@end, converted with @map when there is one. */
gboolean     _gloss_exporter_offsets       (GlossExporter   *self,
                                            GlossAnnotation *annotation,
                                            GlossUtf16Map   *map,
                                            guint           *n_orphans,
                                            guint           *start,
                                            guint           *end);
/* Adds a sentence to the warnings. */
void         _gloss_exporter_warn          (GlossExporter   *self,
                                            const char      *format,
                                            ...) G_GNUC_PRINTF (2, 3);
/* Tells, once per article and annotator, how many orphaned annotations an
 * offset format left out. */
void         _gloss_exporter_warn_orphans  (GlossExporter   *self,
                                            const char      *name,
                                            const char      *annotator,
                                            guint            n_orphans);
/* Tells, once per article and annotator, how many relations were left
 * out because the tag filter dropped an end of each. */
void         _gloss_exporter_warn_relations_cut (GlossExporter *self,
                                                 const char    *name,
                                                 const char    *annotator,
                                                 guint          n_cut);

/* The label a format writes for @annotation's tag: the one the annotation
 * was imported with (its "x-label" key, "Organization" for the tag
 * "organization") when that still matches the tag, else the tag id. */
const char  *_gloss_export_label           (GlossAnnotation *annotation);

/* The same for a relation's type: the label it was imported with while it
 * still names its type, else the type id. */
const char  *_gloss_export_relation_label  (GlossRelation   *relation);

/* The same for formats whose labels are words of a line (brat types, CoNLL
 * tags): an imported label with white space in it gives way to the tag. */
const char  *_gloss_export_label_word      (GlossAnnotation *annotation);

/* The name of the annotation file's annotator. */
const char  *_gloss_export_annotator       (GlossAnnotationFile *file);

/* The passages of @file that an import from brat found split into pieces
 * (the "x-group" key), among the annotations @self exports: a table from
 * each piece (a GlossAnnotation of @file's layer) to the id its pieces
 * share, a UUID made from the annotator, the article and the group key
 * (gloss-interchange.c).  A passage left with one piece, and a piece
 * whose tag changed since, are passages no more. */
GHashTable  *_gloss_export_groups          (GlossExporter       *self,
                                            GlossSource         *source,
                                            GlossAnnotationFile *file);

/* Where an annotation is in the original HTML or XML file
 * (gloss-export-location.c): the element its start is in and the offset
 * in that element's text content, in code points, and the same for its
 * end (excluded). */
typedef struct
{
  char     *start_xpath;
  guint     start_offset;
  char     *end_xpath;
  guint     end_offset;
  gboolean  one_element;   /* both ends in the same element */
} GlossExportLocation;

/* Fills @location, to be cleared; FALSE, with nothing to clear, for plain
 * text and for an orphaned annotation. */
gboolean     _gloss_export_locate          (GlossSource         *source,
                                            GlossAnnotation     *a,
                                            GlossExportLocation *location);
void         _gloss_export_location_clear  (GlossExportLocation *location);
/* The location as one string, for the CSV and JSONL formats:
 * "XPATH:START-END" when one element holds the whole annotation, else
 * "START_XPATH:START/END_XPATH:END" (the second XPath starting with its
 * own "/"); NULL when _gloss_export_locate() finds nothing. */
char        *_gloss_export_dup_location    (GlossSource         *source,
                                            GlossAnnotation     *a);

/* Appends ,"key": to @out (no comma when @first). */
static inline void
_gloss_export_key (GString    *out,
                   const char *key,
                   gboolean    first)
{
  if (!first)
    g_string_append_c (out, ',');
  gloss_json_write_string (out, key, -1);
  g_string_append_c (out, ':');
}

G_END_DECLS
