/* gloss-codebook-row.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gloss-codebook.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_CODEBOOK_ROW (gloss_codebook_row_get_type ())

G_DECLARE_FINAL_TYPE (GlossCodebookRow, gloss_codebook_row, GLOSS, CODEBOOK_ROW, GtkListBoxRow)

/* One tag of the codebook dialog: its colour, label and description are
 * edited in place on @tag; its buttons move it in @codebook or remove it.
 * @uses is how many of the user's annotations have the tag: a tag in use
 * cannot be removed. */
GtkWidget     *gloss_codebook_row_new          (GlossCodebook    *codebook,
                                                GlossTag         *tag,
                                                guint             uses);
GlossTag      *gloss_codebook_row_get_tag      (GlossCodebookRow *self);
GlossCodebook *gloss_codebook_row_get_codebook (GlossCodebookRow *self);
guint          gloss_codebook_row_get_uses     (GlossCodebookRow *self);

G_END_DECLS
