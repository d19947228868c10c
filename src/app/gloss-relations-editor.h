/* gloss-relations-editor.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gloss-codebook.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_RELATIONS_EDITOR (gloss_relations_editor_get_type ())

G_DECLARE_FINAL_TYPE (GlossRelationsEditor, gloss_relations_editor, GLOSS, RELATIONS_EDITOR, GtkWidget)

/* The relation types and attribute definitions of @codebook (the codebook
 * dialog's copy), each a row named after its id, edited in place, with an
 * entry and Add for a new one of each ("new-relation-type",
 * "new-attribute"). */
GtkWidget *gloss_relations_editor_new (GlossCodebook *codebook);

G_END_DECLS
