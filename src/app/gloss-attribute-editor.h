/* gloss-attribute-editor.h
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

#define GLOSS_TYPE_ATTRIBUTE_EDITOR (gloss_attribute_editor_get_type ())

G_DECLARE_FINAL_TYPE (GlossAttributeEditor, gloss_attribute_editor, GLOSS, ATTRIBUTE_EDITOR, GtkWidget)

/* The inspector's attributes of a passage: one widget per attribute the
 * codebook gives its tag, each change one step of @layer's history;
 * hidden when the tag has none. */
GtkWidget *gloss_attribute_editor_new         (void);

/* Shows @annotation (NULL for none) of @layer; nothing can be changed
 * unless @editable. */
void       gloss_attribute_editor_set         (GlossAttributeEditor *self,
                                               GlossAnnotation      *annotation,
                                               GlossLayer           *layer,
                                               GlossCodebook        *codebook,
                                               gboolean              editable);
/* The widget of attribute @id (a GtkDropDown, GtkCheckButton,
 * GtkSpinButton or GtkEntry, named after the id), or NULL. */
GtkWidget *gloss_attribute_editor_get_editor  (GlossAttributeEditor *self,
                                               const char           *id);
/* @annotation's attributes as a person reads them, "Verdict: False",
 * joined by commas, with the labels of @codebook (may be NULL: the
 * ids); "" when it has none. */
char      *gloss_attributes_describe          (GlossCodebook        *codebook,
                                               GlossAnnotation      *annotation);
/* Puts the keyboard focus in the first attribute; FALSE when none. */
gboolean   gloss_attribute_editor_focus_first (GlossAttributeEditor *self);

G_END_DECLS
