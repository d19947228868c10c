/* gloss-tag-bar.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gloss-codebook.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_TAG_BAR (gloss_tag_bar_get_type ())

G_DECLARE_FINAL_TYPE (GlossTagBar, gloss_tag_bar, GLOSS, TAG_BAR, GtkWidget)

/* The codebook's tags always in sight above the text: a button per tag
 * with its colour, label and key (1 to 9), its description in a tooltip.
 * A click activates win.tag on the tag, as its key would, without taking
 * the keyboard focus from the text.  The bar follows the codebook: a tag
 * added, removed, moved, renamed or recoloured shows at once. */
GtkWidget     *gloss_tag_bar_new          (void);

/* Shows the tags of @codebook; NULL empties the bar. */
void           gloss_tag_bar_set_codebook (GlossTagBar   *self,
                                           GlossCodebook *codebook);
GlossCodebook *gloss_tag_bar_get_codebook (GlossTagBar   *self);

/* A flat button that activates win.tag on @tag, the codebook's tag at
 * @position: a dot in its colour, its label, then its key, dimmed (none
 * past the ninth), and its description in a tooltip.  The tag popover
 * and the bar show tags alike. */
GtkWidget     *gloss_tag_button_new       (GlossTag      *tag,
                                           guint          position);

G_END_DECLS
