/* gloss-annotation-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-annotation.h"

G_BEGIN_DECLS

/* The fields are visible to the core so that the layer's hot loops (sorting,
 * range queries over 100,000 annotations) read them without a checked call
 * per field. */
struct _GlossAnnotation
{
  GObject parent_instance;

  char *id;
  char *tag;
  char *quote;
  char *prefix;
  char *suffix;
  char *note;
  char *created;
  char *modified;
  JsonObject *extra;
  GVariant *attributes;
  guint start;
  guint end;
  GlossAnchorStatus status;
};


/* Like gloss_annotation_new_full, but takes the strings (any may be
 * NULL but @id and @tag), sparing a copy of each when reading large files. */
GlossAnnotation *_gloss_annotation_new_take (char  *id,
                                             char  *tag,
                                             guint  start,
                                             guint  end,
                                             char  *quote,
                                             char  *prefix,
                                             char  *suffix,
                                             char  *note,
                                             char  *created,
                                             char  *modified);

/* Changes that move an annotation within a layer's order go through the
 * layer (and its history); only the core calls these. */
void _gloss_annotation_set_tag      (GlossAnnotation  *self,
                                     const char       *tag);
void _gloss_annotation_set_range    (GlossAnnotation  *self,
                                     guint             start,
                                     guint             end);
void _gloss_annotation_set_text     (GlossAnnotation  *self,
                                     const char       *quote,
                                     const char       *prefix,
                                     const char       *suffix);
void _gloss_annotation_set_note     (GlossAnnotation  *self,
                                     const char       *note);
void _gloss_annotation_set_modified (GlossAnnotation  *self,
                                     const char       *modified);
void _gloss_annotation_set_status   (GlossAnnotation  *self,
                                     GlossAnchorStatus status);
/* The quote of [start, end) in @source and the context around it, new
 * strings, as the function below gives them to an annotation. */
void _gloss_annotation_text_from_source      (GlossSource     *source,
                                              guint            start,
                                              guint            end,
                                              char           **quote,
                                              char           **prefix,
                                              char           **suffix);
/* The byte of @source's text where [start, end) ends, given the byte
 * where it starts: walked to when the span is short, which is quicker
 * than the article's index. */
gsize _gloss_annotation_end_byte             (GlossSource     *source,
                                              gsize            from,
                                              guint            start,
                                              guint            end);
/* Takes the quote and context of [start, end) from @source. */
void _gloss_annotation_take_text_from_source (GlossAnnotation *self,
                                              GlossSource     *source);
/* Copies every field but the id from @from (for undo and redo). */
void _gloss_annotation_assign       (GlossAnnotation  *self,
                                     GlossAnnotation  *from);

G_END_DECLS
