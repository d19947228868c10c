/* gloss-text-index.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Maps between code-point offsets (what every Gloss offset counts) and byte
 * offsets in a UTF-8 text, in O(1) for ASCII text and otherwise through a
 * checkpoint every 256 code points plus a short walk.  The index borrows the
 * text, which must be valid UTF-8 and outlive it. */
typedef struct _GlossTextIndex GlossTextIndex;

GlossTextIndex *gloss_text_index_new            (const char     *text,
                                                 gsize           n_bytes);
void            gloss_text_index_free           (GlossTextIndex *index);

/* Number of code points in the text. */
guint           gloss_text_index_get_length     (GlossTextIndex *index);
/* @offset is clamped to the length. */
gsize           gloss_text_index_offset_to_byte (GlossTextIndex *index,
                                                 guint           offset);
/* @byte must fall on a character boundary (or the end); it is clamped. */
guint           gloss_text_index_byte_to_offset (GlossTextIndex *index,
                                                 gsize           byte);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossTextIndex, gloss_text_index_free)

G_END_DECLS
