/* gloss-annotation-file.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-codebook.h"
#include "gloss-layer.h"
#include "gloss-source.h"

G_BEGIN_DECLS

#define GLOSS_FORMAT_VERSION 1
#define GLOSS_ANNOTATION_FILE_SUFFIX ".gloss.json"
/* The largest annotation file Gloss reads (256 MiB). */
#define GLOSS_ANNOTATION_FILE_MAX_SIZE (256 * 1024 * 1024)
/* The deepest nesting an annotation file may have. */
#define GLOSS_ANNOTATION_FILE_MAX_DEPTH 64

typedef enum
{
  GLOSS_LOAD_NONE        = 0,
  /* A file from a newer Gloss opens read-only instead of failing. */
  GLOSS_LOAD_ALLOW_NEWER = 1 << 0,
} GlossLoadFlags;

typedef enum
{
  GLOSS_SAVE_NONE      = 0,
  /* Write even though the file changed on disk since it was loaded. */
  GLOSS_SAVE_OVERWRITE = 1 << 0,
} GlossSaveFlags;

#define GLOSS_TYPE_ANNOTATION_FILE (gloss_annotation_file_get_type ())

G_DECLARE_FINAL_TYPE (GlossAnnotationFile, gloss_annotation_file, GLOSS, ANNOTATION_FILE, GObject)

/* A new, empty annotation file of @annotator_id for @source, at the usual
 * place beside the article (nothing is written until it is saved). */
GlossAnnotationFile *gloss_annotation_file_new           (GlossSource          *source,
                                                          const char           *annotator_id,
                                                          const char           *annotator_name);
/* Reads an annotation file.  The annotations are not yet checked against
 * the article: call attach_source (or use open). */
GlossAnnotationFile *gloss_annotation_file_load          (GFile                *file,
                                                          GlossLoadFlags        flags,
                                                          GCancellable         *cancellable,
                                                          GError              **error);
/* The same from bytes in memory; @file names the file in messages. */
GlossAnnotationFile *gloss_annotation_file_load_from_data (GFile               *file,
                                                          const char           *data,
                                                          gsize                 length,
                                                          GlossLoadFlags        flags,
                                                          GError              **error);
/* Loads @file, reads its article and anchors the annotations in it. */
GlossAnnotationFile *gloss_annotation_file_open          (GFile                *file,
                                                          GlossLoadFlags        flags,
                                                          GCancellable         *cancellable,
                                                          GError              **error);

/* Checks every annotation against @source (see the README, "Anchoring")
 * and makes @source the file's article.  Fails, and makes the file
 * read-only, when the article is the one the file was written for but an
 * offset lies outside it. */
gboolean     gloss_annotation_file_attach_source (GlossAnnotationFile  *self,
                                                  GlossSource          *source,
                                                  GError              **error);

GFile       *gloss_annotation_file_get_file         (GlossAnnotationFile *self);
GlossLayer  *gloss_annotation_file_get_layer        (GlossAnnotationFile *self);
/* NULL until a source is attached. */
GlossSource *gloss_annotation_file_get_source       (GlossAnnotationFile *self);
/* source.path as the file names it: a file name in the same folder. */
const char  *gloss_annotation_file_get_source_path  (GlossAnnotationFile *self);
GFile       *gloss_annotation_file_get_article_file (GlossAnnotationFile *self);
/* The text hash the file was written for. */
const char  *gloss_annotation_file_get_text_sha256  (GlossAnnotationFile *self);
guint        gloss_annotation_file_get_format_version (GlossAnnotationFile *self);
gboolean     gloss_annotation_file_get_read_only    (GlossAnnotationFile *self);
/* Things found while loading and anchoring that a user should hear of
 * (quotes that did not match their offsets, annotations merged, how many
 * relations need attention because an end is missing or orphaned), one
 * sentence each; never NULL. */
GPtrArray   *gloss_annotation_file_get_problems     (GlossAnnotationFile *self);

/* The keys of the file's top-level object that Gloss does not model
 * (another tool's, or what an importer keeps, such as "x-brat"), written
 * back when the file is saved; NULL when there are none. */
JsonObject  *gloss_annotation_file_get_extra        (GlossAnnotationFile *self);
/* Replaces those keys (@extra is referenced; NULL removes them).  Keys
 * Gloss models are refused. */
void         gloss_annotation_file_set_extra        (GlossAnnotationFile *self,
                                                     JsonObject          *extra);

/* Whether the annotator marked the article done: the file's top-level
 * "done" member, an object whose "at" says when (ISO 8601, UTC).  It is
 * one of the extra keys above, so that a Gloss that does not know it
 * keeps it; a file without it, as every older file, is not done. */
gboolean     gloss_annotation_file_get_done         (GlossAnnotationFile *self);
/* When the article was marked done, as the file writes it, or NULL (not
 * done, or done without a time). */
const char  *gloss_annotation_file_get_done_at      (GlossAnnotationFile *self);
/* Marks the article done at @at (converted to UTC, whole seconds), or
 * not done when @at is NULL; written with the next save, which the caller
 * makes (the mark is not a step of the layer's history).  The other extra
 * keys are kept.  The "done" property follows the mark. */
void         gloss_annotation_file_set_done         (GlossAnnotationFile *self,
                                                     GDateTime           *at);

/* The codebook whose entries are written in "tags"; tags used by the
 * annotations but absent from it keep the file's own entries. */
GlossCodebook *gloss_annotation_file_get_codebook   (GlossAnnotationFile *self);
void         gloss_annotation_file_set_codebook     (GlossAnnotationFile *self,
                                                     GlossCodebook       *codebook);
/* A tag by id: from the codebook, else as the file describes it, else
 * NULL. */
GlossTag    *gloss_annotation_file_lookup_tag       (GlossAnnotationFile *self,
                                                     const char          *id);

/* The file's content as it would be written. */
char        *gloss_annotation_file_serialize        (GlossAnnotationFile *self,
                                                     gsize               *length);
/* Writes the file atomically.  Fails with GLOSS_ERROR_READ_ONLY for a
 * read-only file and GLOSS_ERROR_CHANGED_ON_DISK when someone else wrote
 * the file since it was loaded or saved (unless OVERWRITE is given). */
gboolean     gloss_annotation_file_save             (GlossAnnotationFile *self,
                                                     GlossSaveFlags       flags,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
/* Writes @data, the file's content as serialized when the layer's
 * history had @serial, in a worker thread: first checks that no one else
 * wrote the file (unless OVERWRITE is given), then replaces it atomically,
 * as gloss_annotation_file_save does.  A read-only file fails at once
 * with GLOSS_ERROR_READ_ONLY.  Cancelling stops a write under way and
 * leaves the old file whole; a write already done is reported as done.
 *
 * One save at a time per file: neither this nor gloss_annotation_file_save
 * may start until the previous one is finished (the caller must call
 * save_bytes_finish).  GlossDocument sees to that for its own file. */
void         gloss_annotation_file_save_bytes_async (GlossAnnotationFile *self,
                                                     GBytes              *data,
                                                     guint64              serial,
                                                     GlossSaveFlags       flags,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
/* Runs in the main thread: on success the file remembers the bytes as its
 * own, and the layer is clean if its history still has the serial the
 * bytes were made at (gloss_history_set_clean_if_serial). */
gboolean     gloss_annotation_file_save_bytes_finish (GlossAnnotationFile *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* Writes the content to @destination (a copy; the file itself does not
 * change).  Refuses to replace an existing file. */
gboolean     gloss_annotation_file_save_copy        (GlossAnnotationFile *self,
                                                     GFile               *destination,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
/* TRUE when the file on disk is not what was last loaded or saved. */
gboolean     gloss_annotation_file_changed_on_disk  (GlossAnnotationFile *self,
                                                     GCancellable        *cancellable);
/* The same, reading the file in a worker thread (a large file takes tens
 * of milliseconds): compares it with what was last loaded or saved when
 * the check starts.  finish returns FALSE with an error only when
 * cancelled. */
void         gloss_annotation_file_changed_on_disk_async  (GlossAnnotationFile *self,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean     gloss_annotation_file_changed_on_disk_finish (GlossAnnotationFile *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);

/* Serializes a file a slice at a time, so that the main loop can run in
 * between: the bytes are those gloss_annotation_file_serialize gives when
 * the writer is made, unless the layer changes meanwhile, which makes the
 * writer stale.  Everything but the annotations (the article, the
 * annotator, the codebook's entries) is taken when the writer is made:
 * later changes of the codebook or the annotator's name do not reach it.
 * Main thread only, like the layer. */
typedef struct _GlossFileWriter GlossFileWriter;

/* Costs a fraction of a millisecond, whatever the size of the layer. */
GlossFileWriter *gloss_annotation_file_writer_new (GlossAnnotationFile *self);
/* Reads up to @max_annotations annotations, or as many relations once
 * the annotations are written; TRUE when the content is complete (or the
 * writer is stale: nothing more is read then).  Each annotation is read
 * twice: first for its tag, since the file lists the tags before the
 * annotations, then to write it. */
gboolean     gloss_file_writer_step                 (GlossFileWriter     *writer,
                                                     guint                max_annotations);
/* TRUE when the layer changed since the writer was made: its result
 * would mix two states, so start again with a new writer. */
gboolean     gloss_file_writer_is_stale             (GlossFileWriter     *writer);
/* The layer's history serial when the writer was made. */
guint64      gloss_file_writer_get_serial           (GlossFileWriter     *writer);
/* The content, once step returned TRUE; NULL when the writer is stale.
 * Call it once. */
GBytes      *gloss_file_writer_finish               (GlossFileWriter     *writer);
void         gloss_file_writer_free                 (GlossFileWriter     *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossFileWriter, gloss_file_writer_free)

/* <article>.<annotator id>.gloss.json beside @article. */
GFile       *gloss_annotation_file_path_for         (GFile               *article,
                                                     const char          *annotator_id);
/* Every annotation file of @article (GFile), sorted by name. */
GPtrArray   *gloss_annotation_file_list_for         (GFile               *article,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
/* The annotator id in an annotation file's name for @article_name, or
 * NULL when @name is not one. */
char        *gloss_annotation_file_name_annotator   (const char          *name,
                                                     const char          *article_name);
gboolean     gloss_annotation_file_name_is_valid    (const char          *name);
/* TRUE when @path is a bare file name: no folder part, not "." or "..". */
gboolean     gloss_source_path_is_safe              (const char          *path);
/* TRUE when @id can be a person's annotator id: a slug of lower-case
 * letters, digits and single dashes (as gloss_slugify() makes), at most
 * 64 bytes.  The consensus's id, with its two dashes, is not one. */
gboolean     gloss_annotator_id_is_valid            (const char          *id);
/* The annotator id made of a person's @name (a slug of it, cut to 64
 * bytes), or NULL when the name holds no letter or digit to make one of. */
char        *gloss_annotator_id_from_name           (const char          *name);
/* Moves the annotation file @file, of the article named @article_name,
 * to the name of annotator @new_id beside it and writes @new_id in it
 * (annotator.id), each step atomic.  Never replaces a file: fails with
 * G_IO_ERROR_EXISTS when @new_id already has one, leaving both as they
 * were.  Returns the new file, or NULL with @error set. */
GFile       *gloss_annotation_file_move_to_annotator (GFile              *file,
                                                     const char          *article_name,
                                                     const char          *new_id,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
/* The annotator id Gloss uses by default: the login name as a slug. */
char        *gloss_default_annotator_id             (void);

/* The consensus of a team on an article is an ordinary annotation file
 * beside it, whose annotator id is this one.  A person's id is a slug of
 * their name (gloss_slugify()), which never holds two dashes in a row: no
 * person's file can take this name, and files claiming any other id of
 * that kind are refused. */
#define GLOSS_CONSENSUS_ANNOTATOR "gloss--consensus"
/* In a consensus file, the tag of a rejection record: a review unit a
 * reviewer settled with no passage.  It is a record, not a passage:
 * exports and agreement leave it out.  Its two dashes keep it apart from
 * every codebook's tags, which are slugs. */
#define GLOSS_CONSENSUS_REJECTED_TAG "gloss--rejected"

G_END_DECLS
