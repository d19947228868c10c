/* gloss-window-identity.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Who the user is, as the window follows it: a new name is written in
 * the user's own file at its next save, the id staying; a new id (which
 * Change Annotator ID gives, after moving the files) opens the article
 * again, so that the layer is the file of that id. */

#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include "gloss-application.h"
#include "gloss-window-private.h"

static void
on_name_changed (GlossWindow *self)
{
  GlossApplication *app = GLOSS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  GlossAnnotationFile *own;
  g_autofree char *name = NULL;

  if (self->document == NULL || app == NULL)
    return;

  own = gloss_document_get_own_file (self->document);
  if (own == NULL || gloss_annotation_file_get_read_only (own))
    return;

  name = gloss_application_dup_annotator_name (app);
  if (name == NULL || *name == '\0')
    return;

  /* The document marks the layer unsaved: the autosave writes the name. */
  gloss_layer_set_annotator_name (gloss_annotation_file_get_layer (own), name);
}

static void
on_id_changed (GlossWindow *self)
{
  GlossApplication *app = GLOSS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  GlossAnnotationFile *own;
  g_autofree char *id = NULL;
  g_autoptr(GFile) article = NULL;

  if (self->document == NULL || app == NULL)
    return;

  own = gloss_document_get_own_file (self->document);
  id = gloss_application_dup_annotator_id (app);
  if (own == NULL || g_strcmp0 (gloss_layer_get_annotator_id (gloss_annotation_file_get_layer (own)), id) == 0)
    return;

  article = g_object_ref (gloss_annotation_file_get_article_file (own));
  gloss_window_open (self, article);
}

void
_gloss_window_init_identity (GlossWindow *self)
{
  g_assert (G_IS_SETTINGS (self->settings));

  g_signal_connect_object (self->settings, "changed::annotator-name",
                           G_CALLBACK (on_name_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::annotator-id",
                           G_CALLBACK (on_id_changed), self, G_CONNECT_SWAPPED);
}
