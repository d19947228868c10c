/* gloss-wrap-bin.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_WRAP_BIN (gloss_wrap_bin_get_type ())

G_DECLARE_FINAL_TYPE (GlossWrapBin, gloss_wrap_bin, GLOSS, WRAP_BIN, GtkWidget)

/* A box for wrapped text in a pane whose width is given: it lays its child
 * out height-for-width only, and tells its width as the child's width for
 * any height.  A wrapping GtkLabel asked for its width at a given height
 * tries widths one after another, each a new layout of its text; where a
 * pane's labels change at every step, as review's versions do, those
 * layouts would be most of each frame. */
GtkWidget *gloss_wrap_bin_new       (void);
void       gloss_wrap_bin_set_child (GlossWrapBin *self,
                                     GtkWidget    *child);
GtkWidget *gloss_wrap_bin_get_child (GlossWrapBin *self);

G_END_DECLS
