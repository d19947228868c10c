/* gloss-window-corpus.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A folder in the window: the corpus view beside the text lists its
 * articles; activating one opens it in the same window, the list kept.
 * Next Article and Previous Article save the article shown and open the
 * next or previous one in the list's order, as it is sorted and
 * filtered; Mark Done records in the user's annotation file that they
 * finished the article (again to take it back). */

#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-application.h"
#include "gloss-corpus-view.h"
#include "gloss-window-private.h"

char *
_gloss_window_dup_own_id (GlossWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (self->document != NULL)
    return g_strdup (gloss_layer_get_annotator_id (gloss_document_get_layer (self->document)));
  if (GLOSS_IS_APPLICATION (application))
    return gloss_application_dup_annotator_id (GLOSS_APPLICATION (application));
  return g_strdup ("");
}

void
gloss_window_open_folder (GlossWindow *self,
                          GFile       *folder)
{
  g_autofree char *id = NULL;

  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (folder));

  id = _gloss_window_dup_own_id (self);
  gloss_corpus_view_set_folder (self->corpus_view, folder, id);
  gtk_widget_set_visible (GTK_WIDGET (self->corpus_view), TRUE);
  _gloss_window_update_actions (self);
}

GlossCorpusView *
gloss_window_get_corpus_view (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return self->corpus_view;
}

/* The article shown, saved before another one takes its place; FALSE
 * (and a banner) when it cannot be. */
static gboolean
save_shown (GlossWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->document == NULL || gloss_document_save (self->document, &error))
    return TRUE;

  {
    /* Translators: why the article shown could not be saved */
    g_autofree char *message = g_strdup_printf (_("The article shown could not be saved, so it stays open: %s"),
                                                error->message);

    _gloss_window_show_banner (self, message, NULL, NULL, NULL, NULL);
  }
  return FALSE;
}

void
_gloss_window_open_article (GlossWindow *self,
                            GFile       *article)
{
  if (self->document != NULL &&
      g_file_equal (gloss_source_get_file (gloss_document_get_source (self->document)), article))
    return;
  if (!save_shown (self))
    return;
  gloss_corpus_view_select (self->corpus_view, article);
  gloss_window_open (self, article);
}

static void
on_article_activated (GlossWindow *self,
                      GFile       *article)
{
  _gloss_window_open_article (self, article);
}

static GFile *
shown_article (GlossWindow *self)
{
  return self->document != NULL ? gloss_source_get_file (gloss_document_get_source (self->document)) : NULL;
}

static void
step_article_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  int step = g_str_equal (action_name, "win.next-article") ? 1 : -1;
  g_autoptr(GFile) next = gloss_corpus_view_get_neighbour (self->corpus_view, shown_article (self), step);

  if (next == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  _gloss_window_open_article (self, next);
}

static void
mark_done_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossAnnotationFile *own;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  gboolean done;

  if (self->document == NULL)
    return;

  own = gloss_document_get_own_file (self->document);
  done = !gloss_annotation_file_get_done (own);
  if (done)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      gloss_annotation_file_set_done (own, now);
    }
  else
    gloss_annotation_file_set_done (own, NULL);

  /* Written at once: the mark is what the list and teammates read. */
  if (!gloss_document_save (self->document, &error))
    {
      g_autofree char *failed = g_strdup_printf (_("Your annotations could not be saved: %s"), error->message);

      _gloss_window_show_banner (self, failed, NULL, NULL, NULL, NULL);
      return;
    }

  title = g_strdup (gloss_source_get_title (gloss_document_get_source (self->document)));
  message = done ? g_strdup_printf (_("“%s” is marked done."), title)
                 : g_strdup_printf (_("“%s” is no longer marked done."), title);
  _gloss_window_show_banner (self, message, _("_Undo"), "win.mark-done", NULL, NULL);
  if (gtk_widget_get_visible (GTK_WIDGET (self->corpus_view)))
    gloss_corpus_view_refresh (self->corpus_view, shown_article (self));
}

static void
toggle_corpus_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (gloss_corpus_view_get_folder (self->corpus_view) == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->corpus_view), !gtk_widget_get_visible (GTK_WIDGET (self->corpus_view)));
}

static void
folder_response (GtkNativeDialog *dialog,
                 int              response,
                 GlossWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (folder != NULL)
        gloss_window_open_folder (self, folder);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/* GtkFileDialog is GTK 4.10's: the native chooser serves here. */
static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Open Folder"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (folder_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
_gloss_window_update_corpus_actions (GlossWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean corpus = gloss_corpus_view_get_folder (self->corpus_view) != NULL;

  gtk_widget_action_set_enabled (widget, "win.next-article", corpus);
  gtk_widget_action_set_enabled (widget, "win.previous-article", corpus);
  gtk_widget_action_set_enabled (widget, "win.toggle-corpus", corpus);
  gtk_widget_action_set_enabled (widget, "win.concordance", corpus);
  gtk_widget_action_set_enabled (widget, "win.corpus-statistics", corpus);
  gtk_widget_action_set_enabled (widget, "win.undo-tag-all-corpus", self->corpus_tagged != NULL);
  gtk_widget_action_set_enabled (widget, "win.mark-done",
                                 self->document != NULL &&
                                 gloss_document_get_save_state (self->document) != GLOSS_SAVE_STATE_READ_ONLY);
}

void
_gloss_window_init_corpus (GlossWindow *self)
{
  g_signal_connect_object (self->corpus_view, "article-activated", G_CALLBACK (on_article_activated), self,
                           G_CONNECT_SWAPPED);
}

void
_gloss_window_class_init_corpus (GtkWidgetClass *widget_class)
{
  g_type_ensure (GLOSS_TYPE_CORPUS_VIEW);
  gtk_widget_class_install_action (widget_class, "win.open-folder", NULL, open_folder_action);
  gtk_widget_class_install_action (widget_class, "win.next-article", NULL, step_article_action);
  gtk_widget_class_install_action (widget_class, "win.previous-article", NULL, step_article_action);
  gtk_widget_class_install_action (widget_class, "win.mark-done", NULL, mark_done_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-corpus", NULL, toggle_corpus_action);
  _gloss_window_class_init_concordance (widget_class);
}
