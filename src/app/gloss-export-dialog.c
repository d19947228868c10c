/* gloss-export-dialog.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-annotation-file.h"
#include "gloss-application.h"
#include "gloss-export-dialog-private.h"

G_DEFINE_FINAL_TYPE (GlossExportDialog, gloss_export_dialog, GLOSS_TYPE_TRANSFER_DIALOG)

static const GlossFormat *
get_format (GlossExportDialog *self)
{
  return gloss_format_chooser_get_format (self->format_chooser);
}

static gboolean
get_folder_scope (GlossExportDialog *self)
{
  return gtk_check_button_get_active (self->folder_check);
}

/* The folder the article lies in: the scope of a folder export, and where
 * destinations are proposed. */
static GFile *
dup_article_folder (GlossExportDialog *self)
{
  return g_file_get_parent (gloss_transfer_dialog_get_article (GLOSS_TRANSFER_DIALOG (self)));
}

/* A name with its underscores doubled, for a label with a mnemonic. */
static char *
escape_underlines (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

static GFile *
dup_destination (GlossExportDialog *self)
{
  const char *entry = gtk_editable_get_text (GTK_EDITABLE (self->destination_entry));
  g_autofree char *text = g_strstrip (g_strdup (entry));
  g_autoptr(GFile) folder = dup_article_folder (self);

  if (*text == '\0')
    return NULL;

  return g_file_new_for_commandline_arg_and_cwd (text, g_file_peek_path (folder));
}

static guint
n_checked_annotators (GlossExportDialog *self)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->annotator_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)))))
      n++;

  return n;
}

char **
_gloss_export_dialog_dup_annotators (GlossExportDialog *self)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->annotator_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = GTK_CHECK_BUTTON (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));

      if (gtk_check_button_get_active (check))
        g_ptr_array_add (ids, g_strdup (gtk_check_button_get_label (check)));
    }

  g_ptr_array_add (ids, NULL);
  return (char **)g_ptr_array_free (ids, FALSE);
}

static void
update_actions (GlossExportDialog *self)
{
  g_autoptr(GFile) destination = dup_destination (self);
  gboolean running = gloss_transfer_dialog_get_running (GLOSS_TRANSFER_DIALOG (self));
  gboolean ready = !running && self->scan != NULL && destination != NULL && n_checked_annotators (self) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.start", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.replace", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose", !running);
}

static void
show_message (GlossExportDialog *self,
              const char        *message,
              gboolean           can_replace)
{
  gtk_label_set_label (self->message_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->replace_button), can_replace);
  gtk_revealer_set_reveal_child (self->message_revealer, message != NULL);
}

static void
hide_message (GlossExportDialog *self)
{
  g_clear_pointer (&self->confirmed, g_free);
  show_message (self, NULL, FALSE);
}

static char *
propose_destination (GlossExportDialog *self)
{
  g_autoptr(GFile) folder = dup_article_folder (self);
  g_autofree char *stem = NULL;
  GFile *article = gloss_transfer_dialog_get_article (GLOSS_TRANSFER_DIALOG (self));
  g_autofree char *name = NULL;
  g_autoptr(GFile) file = NULL;

  if (get_folder_scope (self))
    {
      stem = g_file_get_basename (folder);
    }
  else
    {
      char *dot;

      stem = g_file_get_basename (article);
      dot = strrchr (stem, '.');
      if (dot != NULL && dot != stem)
        *dot = '\0';
    }

  name = g_strconcat (stem, gloss_format_get_suffix (get_format (self)), NULL);
  file = g_file_get_child (folder, name);
  return g_file_get_path (file);
}

/* Proposes a destination for the format and scope, unless the user typed
 * or chose one. */
static void
update_destination (GlossExportDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->destination_entry));
  g_autofree char *proposed = propose_destination (self);

  if (*text == '\0' || g_strcmp0 (text, self->default_destination) == 0)
    {
      g_free (self->default_destination);
      self->default_destination = g_strdup (proposed);
      gtk_editable_set_text (GTK_EDITABLE (self->destination_entry), proposed);
    }
}

static void
format_changed_cb (GlossExportDialog *self)
{
  update_destination (self);
  hide_message (self);
  update_actions (self);
}

static void
transfer_update_actions (GlossTransferDialog *dialog)
{
  update_actions (GLOSS_EXPORT_DIALOG (dialog));
}

static void
destination_changed_cb (GlossExportDialog *self)
{
  hide_message (self);
  update_actions (self);
}

static void
fill_annotators (GlossExportDialog *self)
{
  GtkWidget *child;
  int natural;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->annotator_list))) != NULL)
    gtk_list_box_remove (self->annotator_list, child);

  for (guint i = 0; self->scan != NULL && self->scan->annotators[i] != NULL; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (self->scan->annotators[i]);

      /* Everyone's annotations, until the user says otherwise. */
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_actions), self);
      gtk_list_box_append (self->annotator_list, check);
    }

  /* The whole list while it is short, so that options shown later (a
   * format's) grow the dialog rather than squeeze the list; a scroll bar
   * past that. */
  gtk_widget_measure (GTK_WIDGET (self->annotator_list), GTK_ORIENTATION_VERTICAL, -1,
                      NULL, &natural, NULL, NULL);
  natural = MIN (natural, gtk_scrolled_window_get_max_content_height (self->annotator_scroller));
  gtk_scrolled_window_set_min_content_height (self->annotator_scroller, natural);
}

static void
scan_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (source);
  g_autoptr(GlossExportScan) scan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  scan = g_task_propagate_pointer (G_TASK (result), &error);
  /* A newer scan took its place, or the dialog is gone. */
  if (_gloss_transfer_dialog_is_disposed (GLOSS_TRANSFER_DIALOG (self)) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->scan_cancellable);
  gtk_spinner_stop (self->scan_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->scan_spinner), FALSE);

  if (scan == NULL)
    {
      gtk_label_set_label (self->scan_label, error->message);
      update_actions (self);
      return;
    }

  self->scan = g_steal_pointer (&scan);
  fill_annotators (self);

  if (self->scan->articles->len == 0)
    text = g_strdup (self->folder_scope ? _("No annotated article in this folder.")
                                        : _("This article has no annotation file yet."));
  else if (self->folder_scope)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotated article found.",
                                         "%u annotated articles found.", self->scan->articles->len),
                            self->scan->articles->len);
  else
    text = g_strdup (_("The annotation files beside this article."));
  gtk_label_set_label (self->scan_label, text);

  update_actions (self);
}

/* Looks for the articles and annotators of the scope, in a thread: a
 * large folder takes a while to walk. */
static void
start_scan (GlossExportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  GFile *target;
  GFile *article = gloss_transfer_dialog_get_article (GLOSS_TRANSFER_DIALOG (self));

  if (self->scan_cancellable != NULL)
    g_cancellable_cancel (self->scan_cancellable);
  g_clear_object (&self->scan_cancellable);
  g_clear_pointer (&self->scan, gloss_export_scan_free);
  fill_annotators (self);

  gtk_label_set_label (self->scan_label, _("Looking for annotated articles…"));
  gtk_widget_set_visible (GTK_WIDGET (self->scan_spinner), TRUE);
  gtk_spinner_start (self->scan_spinner);

  self->folder_scope = get_folder_scope (self);
  target = self->folder_scope ? dup_article_folder (self) : g_object_ref (article);
  self->scan_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->scan_cancellable, scan_done, NULL);
  g_task_set_source_tag (task, start_scan);
  g_task_set_task_data (task, target, g_object_unref);
  g_task_run_in_thread (task, gloss_export_scan_thread);

  update_actions (self);
}

static void
scope_changed_cb (GlossExportDialog *self)
{
  /* Both buttons say when one of them changes, the one turned off first. */
  if (get_folder_scope (self) == self->folder_scope)
    return;

  update_destination (self);
  hide_message (self);
  start_scan (self);
}

/* TRUE when @folder holds anything. */
static gboolean
folder_has_files (GFile *folder)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_autoptr(GFileInfo) first = children ? g_file_enumerator_next_file (children, NULL, NULL) : NULL;

  return first != NULL;
}

/* TRUE when @file is one the export reads: writing there would destroy
 * what it exports. */
static gboolean
is_input (GlossExportDialog *self,
          GFile             *file)
{
  g_autofree char *name = g_file_get_basename (file);
  GFile *article = gloss_transfer_dialog_get_article (GLOSS_TRANSFER_DIALOG (self));

  if (g_file_equal (file, article) || g_str_has_suffix (name, GLOSS_ANNOTATION_FILE_SUFFIX))
    return TRUE;

  for (guint i = 0; self->scan != NULL && i < self->scan->articles->len; i++)
    if (g_file_equal (file, ((GlossCorpusArticle *)g_ptr_array_index (self->scan->articles, i))->article))
      return TRUE;

  return FALSE;
}

/* Checks the destination, asks before replacing what is there, and
 * starts the export. */
static void
try_export (GlossExportDialog *self)
{
  g_autoptr(GFile) destination = dup_destination (self);
  g_autofree char *display = NULL;
  g_autofree char *message = NULL;
  gboolean folder_format = gloss_format_chooser_takes (self->format_chooser, GLOSS_FORMAT_FOLDER_ONLY);
  GFileType type;

  if (destination == NULL || self->scan == NULL ||
      gloss_transfer_dialog_get_running (GLOSS_TRANSFER_DIALOG (self)))
    return;

  display = g_file_get_parse_name (destination);
  type = g_file_query_file_type (destination, G_FILE_QUERY_INFO_NONE, NULL);

  if (is_input (self, destination))
    /* Translators: a file name */
    message = g_strdup_printf (_("“%s” is an article or an annotation file: the export will not "
                                 "replace it. Choose another name."), display);
  else if (folder_format && type != G_FILE_TYPE_DIRECTORY && type != G_FILE_TYPE_UNKNOWN)
    /* Translators: a file name, then a format's name such as “brat” */
    message = g_strdup_printf (_("“%s” is a file, and %s writes a folder. Choose a folder."), display,
                               gloss_format_get_label (get_format (self)));
  else if (!folder_format && type == G_FILE_TYPE_DIRECTORY)
    /* Translators: a folder name */
    message = g_strdup_printf (_("“%s” is a folder. Choose a file name."), display);

  if (message != NULL)
    {
      show_message (self, message, FALSE);
      return;
    }

  if (g_strcmp0 (self->confirmed, g_file_peek_path (destination)) != 0 &&
      (folder_format ? type == G_FILE_TYPE_DIRECTORY && folder_has_files (destination)
                     : type != G_FILE_TYPE_UNKNOWN))
    {
      if (folder_format)
        /* Translators: a folder name */
        message = g_strdup_printf (_("The folder “%s” is not empty: the files this export writes "
                                     "will replace those of the same name in it."), display);
      else
        /* Translators: a file name */
        message = g_strdup_printf (_("“%s” exists already. Replace it?"), display);
      show_message (self, message, TRUE);
      return;
    }

  hide_message (self);
  _gloss_export_dialog_start (self, get_format (self), destination);
}

static void
start_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  try_export (GLOSS_EXPORT_DIALOG (widget));
}

static void
replace_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (widget);
  g_autoptr(GFile) destination = dup_destination (self);

  if (destination == NULL)
    return;

  g_free (self->confirmed);
  self->confirmed = g_file_get_path (destination);
  try_export (self);
}

static void
chooser_response (GtkNativeDialog   *chooser,
                  int                response,
                  GlossExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      gtk_editable_set_text (GTK_EDITABLE (self->destination_entry), g_file_peek_path (file));
      /* The file chooser asked before a file was chosen to be replaced. */
      if (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE)
        {
          g_free (self->confirmed);
          self->confirmed = g_file_get_path (file);
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (widget);
  gboolean folder_format = gloss_format_chooser_takes (self->format_chooser, GLOSS_FORMAT_FOLDER_ONLY);
  g_autoptr(GFile) destination = dup_destination (self);
  g_autoptr(GFile) folder = NULL;
  GtkFileChooserNative *chooser;

  if (folder_format)
    chooser = gtk_file_chooser_native_new (_("Choose the Folder to Export To"), GTK_WINDOW (self),
                                           GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Select"), _("_Cancel"));
  else
    chooser = gtk_file_chooser_native_new (_("Export To"), GTK_WINDOW (self),
                                           GTK_FILE_CHOOSER_ACTION_SAVE, _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  folder = destination != NULL ? g_file_get_parent (destination) : dup_article_folder (self);
  if (folder != NULL && g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  if (!folder_format && destination != NULL)
    {
      g_autofree char *name = g_file_get_basename (destination);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
gloss_export_dialog_constructed (GObject *object)
{
  GlossExportDialog *self = (GlossExportDialog *)object;
  GFile *article = gloss_transfer_dialog_get_article (GLOSS_TRANSFER_DIALOG (self));
  g_autoptr(GFile) folder = NULL;
  g_autofree char *article_name = NULL;
  g_autofree char *folder_name = NULL;
  g_autofree char *label = NULL;

  G_OBJECT_CLASS (gloss_export_dialog_parent_class)->constructed (object);

  g_assert (G_IS_FILE (article));

  folder = dup_article_folder (self);
  {
    g_autofree char *name = g_file_get_basename (article);
    g_autofree char *folder_base = g_file_get_basename (folder);

    article_name = escape_underlines (name);
    folder_name = escape_underlines (folder_base);
  }

  /* Translators: an article's file name */
  label = g_strdup_printf (_("_This article: %s"), article_name);
  gtk_check_button_set_label (self->article_check, label);
  g_free (label);
  /* Translators: a folder */
  label = g_strdup_printf (_("E_very annotated article in “%s” and its subfolders"), folder_name);
  gtk_check_button_set_label (self->folder_check, label);

  format_changed_cb (self);
  start_scan (self);
}

static void
gloss_export_dialog_dispose (GObject *object)
{
  GlossExportDialog *self = (GlossExportDialog *)object;

  if (self->scan_cancellable != NULL)
    g_cancellable_cancel (self->scan_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_EXPORT_DIALOG);

  g_clear_object (&self->scan_cancellable);
  g_clear_pointer (&self->scan, gloss_export_scan_free);
  g_clear_pointer (&self->default_destination, g_free);
  g_clear_pointer (&self->confirmed, g_free);

  G_OBJECT_CLASS (gloss_export_dialog_parent_class)->dispose (object);
}

static void
gloss_export_dialog_class_init (GlossExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GlossTransferDialogClass *transfer_class = GLOSS_TRANSFER_DIALOG_CLASS (klass);

  object_class->constructed = gloss_export_dialog_constructed;
  object_class->dispose = gloss_export_dialog_dispose;
  transfer_class->update_actions = transfer_update_actions;

  g_type_ensure (GLOSS_TYPE_FORMAT_CHOOSER);
  _gloss_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossannotator/Gloss/gloss-export-dialog.ui");
  /* The start button goes by its action; it is named for whoever looks
   * the dialog's widgets up, as the tests do. */
  gtk_widget_class_bind_template_child_full (widget_class, "export_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, format_chooser);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, article_check);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, folder_check);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, scan_spinner);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, scan_label);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, annotator_scroller);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, annotator_list);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, destination_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, replace_button);
  gtk_widget_class_bind_template_callback (widget_class, format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, scope_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, destination_changed_cb);

  gtk_widget_class_install_action (widget_class, "export.start", NULL, start_activated);
  gtk_widget_class_install_action (widget_class, "export.replace", NULL, replace_activated);
  gtk_widget_class_install_action (widget_class, "export.choose", NULL, choose_activated);
}

static void
gloss_export_dialog_init (GlossExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gloss_export_dialog_new (GtkWindow *parent,
                         GFile     *article)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_FILE (article), NULL);

  return g_object_new (GLOSS_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "article", article,
                       NULL);
}
