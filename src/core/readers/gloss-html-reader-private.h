/* gloss-html-reader-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/tree.h>

#include "gloss-html-reader.h"
#include "gloss-source-map.h"

G_BEGIN_DECLS

/* gloss-html-reader.c finds the encoding, parses the page safely and makes
 * the source; gloss-html-extract.c finds the article in the tree, leaves
 * out what surrounds it and reads the text and the metadata. */

/* Fills @metadata (string to string) and returns the article text, or
 * NULL with GLOSS_ERROR_NOT_TEXT when there is none; @label names the
 * page.  *@spans gets the #GlossSpan array of its emphasis. */
char *_gloss_html_extract (xmlDoc          *doc,
                           const char      *label,
                           gsize            size_hint,
                           GHashTable      *metadata,
                           GArray         **blocks,
                           GArray         **spans,
                           GlossSourceMap **map,
                           GError         **error);

/* TRUE for the attributes _gloss_html_extract() reads: the parse keeps
 * no other. */
gboolean _gloss_html_keeps_attribute (const char *element,
                                      const char *attribute);

G_END_DECLS
