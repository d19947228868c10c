/* gloss-relation-list.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gloss-codebook.h"
#include "gloss-layer.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_RELATION_LIST (gloss_relation_list_get_type ())

G_DECLARE_FINAL_TYPE (GlossRelationList, gloss_relation_list, GLOSS, RELATION_LIST, GtkWidget)

/* The inspector's list of a passage's relations, going out and coming
 * in, each with its other end as a link (win.show-passage with its id),
 * and, when @editable, a delete button ("relation-delete") and a note
 * entry ("relation-note") that change @layer, one step each. */
GtkWidget *gloss_relation_list_new        (void);

void       gloss_relation_list_set        (GlossRelationList *self,
                                           GlossAnnotation   *annotation,
                                           GlossLayer        *layer,
                                           GlossCodebook     *codebook,
                                           gboolean           editable);
guint      gloss_relation_list_get_n_rows (GlossRelationList *self);

G_END_DECLS
