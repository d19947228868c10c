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
  char *extractor;
  gint64 length;
  JsonObject *extra;
} GlossSourceInfo;

/* The parts of a file that gloss-annotation-file-io.c reads and writes. */
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
} GlossFileContent;

void     _gloss_source_info_clear   (GlossSourceInfo   *info);
void     _gloss_file_content_clear  (GlossFileContent  *content);

/* Parses an annotation file; @display names it in messages. */
gboolean _gloss_file_content_parse  (GlossFileContent  *content,
                                     const char        *display,
                                     const char        *data,
                                     gsize              length,
                                     GlossLoadFlags     flags,
                                     GError           **error);

/* Appends the file's JSON text to @out; @tags are the GlossTag entries to
 * write, in order. */
void     _gloss_file_content_write  (GString           *out,
                                     GlossSourceInfo   *source,
                                     const char        *annotator_id,
                                     const char        *annotator_name,
                                     JsonObject        *annotator_extra,
                                     GPtrArray         *tags,
                                     GListModel        *annotations,
                                     JsonObject        *extra);

G_END_DECLS
