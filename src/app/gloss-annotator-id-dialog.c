/* gloss-annotator-id-dialog.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-annotator-id-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-annotation-file.h"
#include "gloss-annotator-id-dialog.h"
#include "gloss-application.h"
#include "gloss-corpus-status.h"
#include "gloss-corpus.h"
#include "gloss-window.h"

struct _GlossAnnotatorIdDialog
{
  GtkWindow parent_instance;

  GSettings *settings;
  GFile *folder;
  char *old_id;
  char *report;
  GCancellable *cancellable;
  gboolean busy;

  /* Template children */
  GtkEntry *id_entry;
  GtkLabel *hint_label;
  GtkLabel *folder_label;
  GtkCheckButton *subfolders_check;
  GtkLabel *report_label;
  GtkButton *cancel_button;
  GtkButton *change_button;
};

G_DEFINE_FINAL_TYPE (GlossAnnotatorIdDialog, gloss_annotator_id_dialog, GTK_TYPE_WINDOW)

/* What the renaming thread is given, and what it found. */
typedef struct
{
  GFile *folder;
  char *old_id;
  char *new_id;
  gboolean recursive;
  guint n_renamed;
  GPtrArray *left;    /* a sentence per file left as it was */
} Renaming;

static void
renaming_free (Renaming *renaming)
{
  g_clear_object (&renaming->folder);
  g_free (renaming->old_id);
  g_free (renaming->new_id);
  g_clear_pointer (&renaming->left, g_ptr_array_unref);
  g_free (renaming);
}

static char *
dup_id (GlossAnnotatorIdDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->id_entry))));
}

static void
id_changed_cb (GlossAnnotatorIdDialog *self)
{
  g_autofree char *id = dup_id (self);
  g_autofree char *text = NULL;
  gboolean valid = gloss_annotator_id_is_valid (id);
  gboolean same = g_strcmp0 (id, self->old_id) == 0;

  if (same)
    text = g_strdup (_("This is your annotator id now"));
  else if (valid)
    /* Translators: the end of a file name, such as “alice-moreau.gloss.json” */
    text = g_strdup_printf (_("Your files will be named “…%s%s”"), id, GLOSS_ANNOTATION_FILE_SUFFIX);
  else if (g_str_equal (id, GLOSS_CONSENSUS_ANNOTATOR) || strstr (id, "--") != NULL)
    text = g_strdup (_("Ids with two dashes in a row are kept for the team’s consensus"));
  else
    text = g_strdup (_("An id is lower-case letters, digits and single dashes, such as “alice-moreau”"));

  gtk_label_set_label (self->hint_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "annotator-id.change",
                                 valid && !same && !self->busy && self->report == NULL);
}

/* Renames one file of @article whose annotator is the old id. */
static void
rename_file (Renaming *renaming,
             GFile    *article,
             GFile    *file)
{
  g_autofree char *article_name = g_file_get_basename (article);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *annotator = gloss_annotation_file_name_annotator (name, article_name);
  g_autoptr(GFile) moved = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (annotator, renaming->old_id) != 0)
    return;

  moved = gloss_annotation_file_move_to_annotator (file, article_name, renaming->new_id, NULL, &error);
  if (moved != NULL)
    renaming->n_renamed++;
  else
    g_ptr_array_add (renaming->left, g_strdup (error->message));
}

static void
rename_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Renaming *renaming = task_data;
  g_autoptr(GlossCorpusListing) listing = NULL;
  g_autoptr(GError) error = NULL;

  listing = gloss_corpus_listing_new (renaming->folder, cancellable, &error);
  if (listing == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (guint i = 0; i < listing->articles->len; i++)
    {
      GlossCorpusArticle *article = g_ptr_array_index (listing->articles, i);
      g_autoptr(GFile) parent = g_file_get_parent (article->article);

      /* Without the subfolders, only the folder's own articles. */
      if (!renaming->recursive && !g_file_equal (parent, renaming->folder))
        continue;

      for (guint j = 0; j < article->annotation_files->len; j++)
        rename_file (renaming, article->article, g_ptr_array_index (article->annotation_files, j));
    }

  g_task_return_boolean (task, TRUE);
}

static void
show_report (GlossAnnotatorIdDialog *self,
             Renaming               *renaming,
             GError                 *error)
{
  GString *report = g_string_new (NULL);

  if (error != NULL)
    {
      g_string_append (report, error->message);
    }
  else
    {
      g_string_append_printf (report,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "Your id is now “%s”; %u file was renamed to it.",
                                           "Your id is now “%s”; %u files were renamed to it.",
                                           renaming->n_renamed),
                              renaming->new_id, renaming->n_renamed);
      for (guint i = 0; i < renaming->left->len; i++)
        g_string_append_printf (report, "\n%s", (char *)g_ptr_array_index (renaming->left, i));
    }

  self->report = g_string_free (report, FALSE);
  gtk_label_set_label (self->report_label, self->report);
  gtk_widget_set_visible (GTK_WIDGET (self->report_label), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->change_button), FALSE);
  gtk_button_set_label (self->cancel_button, _("_Close"));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->cancel_button));
}

static void
rename_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GlossAnnotatorIdDialog *self = GLOSS_ANNOTATOR_ID_DIALOG (object);
  Renaming *renaming = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->busy = FALSE;
  /* The id changes even when a file was left: the report names it. */
  if (error == NULL)
    g_settings_set_string (self->settings, "annotator-id", renaming->new_id);
  show_report (self, renaming, error);
  id_changed_cb (self);
}

/* Writes every window's unsaved work under the old name, so that no
 * autosave writes a file that is about to move. */
static void
save_windows (void)
{
  GApplication *app = g_application_get_default ();

  if (!GTK_IS_APPLICATION (app))
    return;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    {
      GlossDocument *document;

      if (GLOSS_IS_WINDOW (l->data) && (document = gloss_window_get_document (l->data)) != NULL)
        gloss_document_save (document, NULL);
    }
}

static void
change_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlossAnnotatorIdDialog *self = GLOSS_ANNOTATOR_ID_DIALOG (widget);
  g_autofree char *id = dup_id (self);
  g_autoptr(GTask) task = NULL;
  Renaming *renaming;

  if (!gloss_annotator_id_is_valid (id) || self->busy)
    return;

  renaming = g_new0 (Renaming, 1);
  renaming->old_id = g_strdup (self->old_id);
  renaming->new_id = g_steal_pointer (&id);
  renaming->left = g_ptr_array_new_with_free_func (g_free);

  if (self->folder == NULL)
    {
      g_settings_set_string (self->settings, "annotator-id", renaming->new_id);
      show_report (self, renaming, NULL);
      renaming_free (renaming);
      id_changed_cb (self);
      return;
    }

  save_windows ();
  renaming->folder = g_object_ref (self->folder);
  renaming->recursive = gtk_check_button_get_active (self->subfolders_check);

  self->busy = TRUE;
  id_changed_cb (self);
  task = g_task_new (self, self->cancellable, rename_done, NULL);
  g_task_set_task_data (task, renaming, (GDestroyNotify)renaming_free);
  g_task_run_in_thread (task, rename_thread);
}

/* Fills the dialog for the current id and @folder. */
static void
setup (GlossAnnotatorIdDialog *self)
{
  g_autofree char *text = NULL;

  self->old_id = gloss_settings_dup_annotator_id (self->settings);

  if (self->folder != NULL)
    {
      g_autofree char *folder = g_file_get_parse_name (self->folder);

      /* Translators: an annotator id, then a folder */
      text = g_strdup_printf (_("Your files (“%s”) beside the articles of “%s” are renamed to the new id."),
                              self->old_id, folder);
    }
  else
    {
      text = g_strdup (_("No article is open: no file is renamed. Open an article of your folder first to rename your files there."));
      gtk_widget_set_visible (GTK_WIDGET (self->subfolders_check), FALSE);
    }

  gtk_label_set_label (self->folder_label, text);
  gtk_editable_set_text (GTK_EDITABLE (self->id_entry), self->old_id);
  id_changed_cb (self);
}

static void
gloss_annotator_id_dialog_dispose (GObject *object)
{
  GlossAnnotatorIdDialog *self = (GlossAnnotatorIdDialog *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_ANNOTATOR_ID_DIALOG);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->old_id, g_free);
  g_clear_pointer (&self->report, g_free);

  G_OBJECT_CLASS (gloss_annotator_id_dialog_parent_class)->dispose (object);
}

static void
gloss_annotator_id_dialog_class_init (GlossAnnotatorIdDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_annotator_id_dialog_dispose;

  _gloss_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossannotator/Gloss/gloss-annotator-id-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotatorIdDialog, id_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotatorIdDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotatorIdDialog, folder_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotatorIdDialog, subfolders_check);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotatorIdDialog, report_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotatorIdDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotatorIdDialog, change_button);
  gtk_widget_class_bind_template_callback (widget_class, id_changed_cb);

  gtk_widget_class_install_action (widget_class, "annotator-id.change", NULL, change_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gloss_annotator_id_dialog_init (GlossAnnotatorIdDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gloss_annotator_id_dialog_new (GtkWindow *parent,
                               GSettings *settings,
                               GFile     *folder)
{
  GlossAnnotatorIdDialog *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (!folder || G_IS_FILE (folder), NULL);

  self = g_object_new (GLOSS_TYPE_ANNOTATOR_ID_DIALOG, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);
  g_set_object (&self->folder, folder);
  setup (self);

  return GTK_WIDGET (self);
}

const char *
gloss_annotator_id_dialog_get_report (GlossAnnotatorIdDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATOR_ID_DIALOG (self), NULL);
  return self->report;
}
