/* gloss-source-map.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where the characters of an extracted text come from in the original
 * HTML or XML file: runs of consecutive characters, each taken from the
 * text content of one element (named by an XPath such as
 * "/html/body/article/p[3]") at a known offset into that element's text.
 * Offsets on both sides are code points.  Text the reader added itself,
 * such as the blank line between two blocks, belongs to no run. */
typedef struct _GlossSourceMap GlossSourceMap;

GlossSourceMap *gloss_source_map_new        (void);
void            gloss_source_map_free       (GlossSourceMap  *self);

/* Takes @xpath; returns the number that stands for it in add(). */
guint           gloss_source_map_add_path   (GlossSourceMap  *self,
                                             char            *xpath);
/* Records that the @length characters from @text_offset are the characters
 * from @element_offset of the element @path.  Runs come in text order; one
 * that carries on the previous run is merged with it. */
void            gloss_source_map_add        (GlossSourceMap  *self,
                                             guint            text_offset,
                                             guint            length,
                                             guint            path,
                                             guint            element_offset);
/* Gives back the room kept for more runs and paths, once the map is
 * complete; adding more afterwards still works. */
void            gloss_source_map_trim       (GlossSourceMap  *self);
/* See gloss_source_locate(). */
gboolean        gloss_source_map_locate     (GlossSourceMap  *self,
                                             guint            offset,
                                             const char     **xpath,
                                             guint           *element_offset);
/* Where the range [@start, @end) of the text is in the file: from its
 * first character that came from an element to just after its last one.
 * Unlike locate() on each end, text the reader skipped just outside the
 * range (a footnote) never counts in.  A range with no such character is
 * the point just after the text before it. */
gboolean        gloss_source_map_locate_range (GlossSourceMap  *self,
                                               guint            start,
                                               guint            end,
                                               const char     **start_xpath,
                                               guint           *start_offset,
                                               const char     **end_xpath,
                                               guint           *end_offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossSourceMap, gloss_source_map_free)

G_END_DECLS
