/* gloss-inspector.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gloss-annotation-file.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_INSPECTOR (gloss_inspector_get_type ())

G_DECLARE_FINAL_TYPE (GlossInspector, gloss_inspector, GLOSS, INSPECTOR, GtkWidget)

/* The selected annotation in full: its tag (which the user can change),
 * quote, place, status, dates and note.  Edits go to the layer of
 * "file"; the note is committed after a pause in typing, when the editor
 * loses the focus, or when another annotation is shown, as one step of
 * the layer's history each time. */
GtkWidget           *gloss_inspector_new            (void);

GlossAnnotation     *gloss_inspector_get_annotation (GlossInspector      *self);
void                 gloss_inspector_set_annotation (GlossInspector      *self,
                                                     GlossAnnotation     *annotation);
/* The file whose layer holds the annotation. */
GlossAnnotationFile *gloss_inspector_get_file       (GlossInspector      *self);
void                 gloss_inspector_set_file       (GlossInspector      *self,
                                                     GlossAnnotationFile *file);
/* FALSE for teammates' layers and read-only files: nothing can be
 * changed. */
gboolean             gloss_inspector_get_editable   (GlossInspector      *self);
void                 gloss_inspector_set_editable   (GlossInspector      *self,
                                                     gboolean             editable);

/* Puts the keyboard focus in the note editor. */
void                 gloss_inspector_focus_note     (GlossInspector      *self);
/* Puts the keyboard focus in the first attribute; FALSE when the
 * passage's tag has none. */
gboolean             gloss_inspector_focus_attributes (GlossInspector    *self);

G_END_DECLS
