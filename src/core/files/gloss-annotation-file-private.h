/* gloss-annotation-file-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-annotation-file.h"

G_BEGIN_DECLS

/* What an annotation file says about its article, as read or as last
 * attached. */
typedef struct
{
  char *path;
  char *sha256;
  char *text_sha256;
  char *encoding;
  char *media_type;
  char *reader;      /* the file format calls it "extractor" */
  gint64 length;
  JsonObject *extra;
} GlossSourceInfo;

/* The parts of a file that gloss-annotation-file-read.c reads. */
typedef struct
{
  guint format_version;
  GlossSourceInfo source;
  char *annotator_id;
  char *annotator_name;
  JsonObject *annotator_extra;
  JsonObject *extra;
  GPtrArray *tags;         /* GlossTag, as the file describes them */
  GPtrArray *annotations;  /* GlossAnnotation, in file order */
  GPtrArray *relations;    /* GlossRelation, in file order */
} GlossFileContent;

/* The object's fields, for the files of GlossAnnotationFile only
 * (gloss-annotation-file*.c); each opens with what it holds. */
struct _GlossAnnotationFile
{
  GObject parent_instance;

  GFile *file;
  GlossLayer *layer;
  GlossSource *source;
  GlossCodebook *codebook;

  /* What the file said, kept to be written back. */
  GlossSourceInfo info;
  JsonObject *annotator_extra;
  JsonObject *extra;
  GHashTable *file_tags;   /* id → GlossTag */
  guint format_version;

  gboolean read_only;
  GPtrArray *problems;
  /* Whether problems counts the relations that need attention yet: it is
   * counted when asked for, once after each load and attach, so that
   * opening a file does not look every relation's ends up twice. */
  gboolean relations_reported;

  /* The file on disk as last loaded or saved, if there was one: a
   * fingerprint of its bytes tells whether someone else wrote it since. */
  gboolean on_disk;
  guint64 disk_fingerprint;

  /* A save_bytes_async runs: until its finish, no other save may start. */
  gboolean save_in_flight;

  /* Annotations that repeated the tag and span of another, merged into
   * it by the layer since the file was loaded. */
  guint n_merged;
};

guint64  _gloss_annotation_file_fingerprint (const char *data,
                                             gsize       length);

void     _gloss_source_info_clear   (GlossSourceInfo   *info);
void     _gloss_file_content_clear  (GlossFileContent  *content);

/* Adds to the file's problems how many annotations were merged because
 * they repeated the tag and span of another, if any were.
 * (gloss-annotation-file-read.c) */
void     _gloss_annotation_file_report_merged (GlossAnnotationFile *self);

/* Adds to the file's problems how many relations need attention (an end
 * missing from the file, or orphaned), if any do.
 * (gloss-annotation-file-read.c) */
void     _gloss_annotation_file_report_relations (GlossAnnotationFile *self);

/* Emits notify::done; for gloss-annotation-file-extra.c, where the mark
 * lives among the extra keys.  (gloss-annotation-file.c) */
void     _gloss_annotation_file_notify_done (GlossAnnotationFile *self);

/* Parses an annotation file; @display names it in messages.
 * (gloss-annotation-file-read.c) */
gboolean _gloss_file_content_parse  (GlossFileContent  *content,
                                     const char        *display,
                                     const char        *data,
                                     gsize              length,
                                     GlossLoadFlags     flags,
                                     GError           **error);

G_END_DECLS
