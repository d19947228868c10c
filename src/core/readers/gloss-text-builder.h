/* gloss-text-builder.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "gloss-source.h"
#include "gloss-source-map.h"

G_BEGIN_DECLS

/* Builds the text of an HTML or XML article while a reader walks its tree,
 * the way a browser lays text out:
 *
 *  - white space (space, tab, line feed, carriage return, form feed)
 *    collapses to one space, and is dropped at the start and the end of a
 *    block; other white space, such as U+00A0, is text;
 *  - blocks are separated by a blank line ("\n\n"); a block with no text
 *    leaves no trace;
 *  - a line break ("\n") is kept only between two pieces of text of the
 *    same block;
 *  - in preformatted blocks the text stays as it is, but for one line feed
 *    right after the start tag, carriage returns before a line feed, and
 *    white space at the end;
 *  - control characters are dropped and bytes that are not UTF-8 become
 *    U+FFFD.
 *
 * Alongside it keeps the blocks and where each character came from: the
 * innermost block element around it, and its offset in that element's
 * text content (every text node in it, in document order, skipped ones
 * included, counted in code points; an entity reference counts as
 * "&name;", which is how the text shows it). */
typedef struct _GlossTextBuilder GlossTextBuilder;

GlossTextBuilder *gloss_text_builder_new             (gsize              size_hint);
void              gloss_text_builder_free            (GlossTextBuilder  *self);

/* Every element walked is entered, and left once its content is done, so
 * that the builder can name block elements by their path.  Before the
 * first element, enter_ancestors() enters those above it. */
void              gloss_text_builder_enter           (GlossTextBuilder  *self,
                                                      xmlNode           *element);
void              gloss_text_builder_enter_ancestors (GlossTextBuilder  *self,
                                                      xmlNode           *element);
void              gloss_text_builder_leave           (GlossTextBuilder  *self);

/* The element entered last is a block: what it holds starts on a new
 * block, and so does what follows it.  A paragraph inside a list item, a
 * quote or another kind of block takes that block's kind and level. */
void              gloss_text_builder_begin_block     (GlossTextBuilder  *self,
                                                      GlossBlockKind     kind,
                                                      guint              level,
                                                      gboolean           preformatted);
void              gloss_text_builder_end_block       (GlossTextBuilder  *self);

/* Adds a text node, a CDATA section or an entity reference (as "&name;");
 * other nodes are ignored. */
void              gloss_text_builder_add             (GlossTextBuilder  *self,
                                                      const xmlNode     *node);
/* Counts the text of @node and everything in it without adding it. */
void              gloss_text_builder_skip            (GlossTextBuilder  *self,
                                                      const xmlNode     *node);
void              gloss_text_builder_add_line_break  (GlossTextBuilder  *self);

/* Inline emphasis around what is added until the matching end_span();
 * spans nest.  A span covers its text from the first character to the
 * last that is not collapsed white space, so it never starts or ends with
 * the space or the line breaks Gloss puts between words; a span with no
 * text is dropped. */
void              gloss_text_builder_begin_span      (GlossTextBuilder  *self,
                                                      GlossSpanKind      kind);
void              gloss_text_builder_end_span        (GlossTextBuilder  *self);

/* Length so far in code points. */
guint             gloss_text_builder_get_length      (GlossTextBuilder  *self);

/* Frees @self and returns the text (valid UTF-8, with no NUL), the
 * #GlossBlock array, the #GlossSpan array (in the order the spans ended)
 * and the map.  Spans still open end with the text. */
char             *gloss_text_builder_finish          (GlossTextBuilder  *self,
                                                      GArray           **blocks,
                                                      GArray           **spans,
                                                      GlossSourceMap   **map);

G_END_DECLS
