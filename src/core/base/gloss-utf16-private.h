/* gloss-utf16-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Maps code-point offsets to UTF-16 code units and back, for the formats
 * of JavaScript tools: only characters outside the Basic Multilingual
 * Plane (emoji, many CJK extensions) count twice, so the map keeps their
 * positions and searches them. */
typedef struct _GlossUtf16Map GlossUtf16Map;

GlossUtf16Map *gloss_utf16_map_new        (const char    *text,
                                           gsize          n_bytes);
void           gloss_utf16_map_free       (GlossUtf16Map *map);
/* The UTF-16 offset of code point @offset. */
guint          gloss_utf16_map_to_utf16   (GlossUtf16Map *map,
                                           guint          offset);
/* The code point at UTF-16 offset @unit; FALSE when @unit falls between
 * the two halves of a surrogate pair or past the end. */
gboolean       gloss_utf16_map_from_utf16 (GlossUtf16Map *map,
                                           guint          unit,
                                           guint         *offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossUtf16Map, gloss_utf16_map_free)

G_END_DECLS
