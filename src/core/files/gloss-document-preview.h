/* gloss-document-preview.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "gloss-codebook.h"
#include "gloss-source.h"

G_BEGIN_DECLS

/* How much of an annotation file a preview reads at the most. */
#define GLOSS_DOCUMENT_PREVIEW_JSON_BYTES (2 * 1024 * 1024)

/* A highlight of a preview: [start, end) in characters of its text, in
 * the colour colors[color]. */
typedef struct
{
  guint start;
  guint end;
  guint color;
} GlossPreviewRange;

/* What a window can show of a large document while the rest of it loads:
 * the start of the article's text, whole lines, and the highlights of the
 * user's own annotations there, read from the start of their file.  Plain
 * data, made in the loading thread and then handed over whole. */
typedef struct
{
  char      *text;       /* NUL-terminated UTF-8 */
  gsize      n_bytes;
  guint      length;     /* in characters */
  GArray    *ranges;     /* GlossPreviewRange */
  GPtrArray *colors;     /* "#rrggbb" */
} GlossDocumentPreview;

/* Called in the opening's main context with a preview of the document;
 * the preview belongs to the caller of the function only during the call. */
typedef void (*GlossDocumentPreviewFunc) (const GlossDocumentPreview *preview,
                                          gpointer                    user_data);

/* Whether a document of @source, with an own annotation file of
 * @json_length bytes, takes long enough to load to show a preview first:
 * a large plain-text article or a large annotation file. */
gboolean              gloss_document_preview_wanted (GlossSource   *source,
                                                     gsize          json_length);
/* The preview of @source with the highlights of the annotation file
 * @json (its first bytes are enough); @codebook gives the colours.  Only
 * annotations at their offsets in the very article the file was written
 * for are shown, those that anchoring leaves where they are. */
GlossDocumentPreview *gloss_document_preview_new    (GlossSource   *source,
                                                     GlossCodebook *codebook,
                                                     const char    *json,
                                                     gsize          json_length);
void                  gloss_document_preview_free   (GlossDocumentPreview *preview);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossDocumentPreview, gloss_document_preview_free)

G_END_DECLS
