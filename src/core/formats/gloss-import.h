/* gloss-import.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-export.h"

G_BEGIN_DECLS

/* The inputs of @format under @folder, recursively (hidden files and
 * folders skipped, symbolic links to folders not followed), as GFiles
 * sorted by path. */
GPtrArray   *gloss_import_list_inputs         (const GlossFormat *format,
                                               GFile             *folder,
                                               GCancellable      *cancellable,
                                               GError           **error);

/* Reads annotations made in another tool and writes them as Gloss
 * annotation files beside the articles: the .txt beside a brat .ann, the
 * texts it creates for doccano and Label Studio (named after the input
 * and the record's number: data.jsonl gives data-0001.txt, ...), the
 * article a W3C target names.
 *
 * Every span is checked against the text (brat's text column, Label
 * Studio's value.text, the W3C quote): a mismatch is reported with the
 * file and the line; nothing is ever moved to where it might fit (a Label
 * Studio region whose value.text is at its offsets only when they are
 * counted in the other unit is read in that unit, and reported).  An
 * annotation file that exists already is never replaced, unless
 * overwriting is asked for.
 *
 * An input file is imported whole or not at all: all its records are
 * checked, and the annotation files it would write too, before anything
 * is written; a single problem and it writes no text and no annotation
 * file, and every problem is reported.  A write that fails half-way
 * removes what the input had written.
 *
 * Every file is read only when it is a regular file, within a size limit
 * enforced while reading.  The articles of a W3C file are read only from
 * its own folder (links followed), or the one given to the importer.
 *
 *   importer = gloss_importer_new (gloss_format_lookup ("brat"));
 *   for each input: gloss_importer_import_file (importer, input, NULL, &error);
 *   gloss_importer_finish (importer, NULL, &error);
 */
typedef struct _GlossImporter GlossImporter;

/* @format is one that Gloss imports from (gloss_format_can()). */
GlossImporter *gloss_importer_new               (const GlossFormat *format);
void           gloss_importer_free              (GlossImporter     *self);

/* The annotator of the files written.  By default: the W3C creator's
 * nickname (or name), the annotator a Gloss export named, else the
 * format's name ("brat", "doccano", "w3c", "labelstudio"). */
void           gloss_importer_set_annotator     (GlossImporter     *self,
                                                 const char        *annotator_id);
/* Where the texts of doccano and Label Studio records are created;
 * beside the input by default. */
void           gloss_importer_set_output_folder (GlossImporter     *self,
                                                 GFile             *folder);
/* W3C: the article every target points at, for targets whose source is
 * not a local file (an http: IRI, say). */
void           gloss_importer_set_article       (GlossImporter     *self,
                                                 GFile             *article);
/* W3C: the tag of annotations that have no tagging body; by default their
 * motivation, else "annotation". */
void           gloss_importer_set_default_tag   (GlossImporter     *self,
                                                 const char        *tag);
/* doccano and Label Studio offsets; by default the format's own unit.
 * Label Studio regions whose value.text fits only the other unit are
 * placed by it all the same, and the report says so. */
void           gloss_importer_set_offset_unit   (GlossImporter     *self,
                                                 GlossOffsetUnit    unit);
/* Replace annotation files that exist already. */
void           gloss_importer_set_overwrite     (GlossImporter     *self,
                                                 gboolean           overwrite);

/* Imports one input file, whole or not at all: when anything in it is
 * wrong, nothing of it is written, and every problem goes to @error, one
 * line each, with the file and line; FALSE then. */
gboolean       gloss_importer_import_file       (GlossImporter     *self,
                                                 GFile             *input,
                                                 GCancellable      *cancellable,
                                                 GError           **error);
/* Writes what is still pending (W3C annotations are gathered by article
 * across inputs, then written). */
gboolean       gloss_importer_finish            (GlossImporter     *self,
                                                 GCancellable      *cancellable,
                                                 GError           **error);

guint          gloss_importer_get_n_articles    (GlossImporter     *self);
guint          gloss_importer_get_n_annotations (GlossImporter     *self);
/* Lines, relations and other items Gloss does not model, kept in the
 * annotation files for the way back. */
guint          gloss_importer_get_n_kept        (GlossImporter     *self);
/* Sentences for the report: what was kept and where, ...; never NULL. */
GPtrArray     *gloss_importer_get_notes         (GlossImporter     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossImporter, gloss_importer_free)

G_END_DECLS
