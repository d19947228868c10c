/* gloss-window-transfer.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Export… and Import… in the window's menu, and what the window does when
 * an import wrote an annotation file of its article. */

#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-export-dialog.h"
#include "gloss-import-dialog.h"
#include "gloss-window-private.h"

/* Export and import from the window: the dialogs, and the layer an import
 * wrote, offered once the document lists it. */

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GFile *article;
  GtkWidget *dialog;

  if (self->document == NULL)
    return;

  /* The export reads the files on disk: what waits for the autosave is
   * written first.  A save that fails says so in the banner, and the
   * export takes the file as it is on disk. */
  if (gloss_document_get_save_state (self->document) == GLOSS_SAVE_STATE_UNSAVED ||
      gloss_document_get_save_state (self->document) == GLOSS_SAVE_STATE_SAVING)
    gloss_document_save (self->document, NULL);

  article = gloss_source_get_file (gloss_document_get_source (self->document));
  dialog = gloss_export_dialog_new (GTK_WINDOW (self), article);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The document lists a new file a moment after it is written, when its
 * folder monitor reports it: the window calls this at each change of the
 * list. */
void
_gloss_window_offer_imported_layer (GlossWindow *self)
{
  g_autofree char *id = NULL;
  g_autofree char *message = NULL;

  if (!self->imported_waiting || self->document == NULL)
    return;

  id = _gloss_window_layer_action_name (self, self->imported_file);
  if (id == NULL || g_action_map_lookup_action (G_ACTION_MAP (self->layer_actions), id) == NULL)
    return;

  self->imported_waiting = FALSE;
  /* Translators: an annotator id */
  message = g_strdup_printf (_("The import wrote annotations of this article by “%s”. They are listed "
                               "under Layers in the main menu."), id);
  _gloss_window_show_banner (self, message, _("_Show Layer"), "win.show-imported-layer", NULL, NULL);
}

static void
on_article_imported (GlossWindow *self,
                     GFile       *file)
{
  GFile *own;

  if (self->document == NULL)
    return;

  own = gloss_annotation_file_get_file (gloss_document_get_own_file (self->document));
  if (g_file_equal (file, own))
    {
      /* The user's own file was written behind the window's back: the
       * document treats it as any change on disk, and nothing of this
       * window's work is lost. */
      if (gloss_document_check_disk (self->document))
        _gloss_window_show_banner (self,
                                   _("The import wrote your own annotation file of this article. Reload "
                                     "it to see the imported annotations, or keep this window’s version "
                                     "as a copy."),
                                   _("_Reload"), "win.reload",
                                   _("_Keep Mine as a Copy"), "win.keep-copy");
      return;
    }

  g_set_object (&self->imported_file, file);
  self->imported_waiting = TRUE;
  _gloss_window_offer_imported_layer (self);
}

static void
show_imported_layer_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autofree char *id = NULL;
  g_autoptr(GVariant) state = NULL;
  GAction *action;

  if (self->imported_file == NULL || self->document == NULL)
    return;

  id = _gloss_window_layer_action_name (self, self->imported_file);
  action = id != NULL ? g_action_map_lookup_action (G_ACTION_MAP (self->layer_actions), id) : NULL;
  if (action == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  state = g_action_get_state (action);
  if (!g_variant_get_boolean (state))
    g_action_change_state (action, g_variant_new_boolean (TRUE));
  g_clear_object (&self->imported_file);
  self->imported_waiting = FALSE;
  _gloss_window_hide_banner (self);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autofree char *annotator = NULL;
  GFile *article = NULL;
  GtkWidget *dialog;

  /* The user's own id, as the window names the user's files. */
  if (GLOSS_IS_APPLICATION (app))
    annotator = gloss_application_dup_annotator_id (GLOSS_APPLICATION (app));
  else
    annotator = gloss_default_annotator_id ();

  if (self->document != NULL)
    article = gloss_source_get_file (gloss_document_get_source (self->document));

  dialog = gloss_import_dialog_new (GTK_WINDOW (self), article, annotator);
  g_signal_connect_object (dialog, "article-imported", G_CALLBACK (on_article_imported), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_gloss_window_class_init_transfer (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.show-imported-layer", NULL, show_imported_layer_action);
}
