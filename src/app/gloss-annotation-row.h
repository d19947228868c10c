/* gloss-annotation-row.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gloss-annotation.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ANNOTATION_ROW (gloss_annotation_row_get_type ())

G_DECLARE_FINAL_TYPE (GlossAnnotationRow, gloss_annotation_row, GLOSS, ANNOTATION_ROW, GtkWidget)

/* One annotation in a list of the sidebar: a swatch and the label of its
 * tag, its quote on up to two lines, a mark when it has a note, and its
 * status when it is not anchored.  Inside a GlossSidebar the row takes
 * the tag's label and colour, and the annotator, from the sidebar. */
GtkWidget       *gloss_annotation_row_new           (void);

GlossAnnotation *gloss_annotation_row_get_item      (GlossAnnotationRow *self);
void             gloss_annotation_row_set_item      (GlossAnnotationRow *self,
                                                     GlossAnnotation    *item);
/* The name of the annotator shown on the row; "" for the user's own
 * annotations. */
const char      *gloss_annotation_row_get_annotator (GlossAnnotationRow *self);
void             gloss_annotation_row_set_annotator (GlossAnnotationRow *self,
                                                     const char         *annotator);
/* Reads again what the sidebar says of the row's tag, annotator and
 * attributes: after the codebook changed their words or colours. */
void             gloss_annotation_row_refresh       (GlossAnnotationRow *self);

G_END_DECLS
