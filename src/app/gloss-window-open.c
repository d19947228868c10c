/* gloss-window-open.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Opening a file in the window: the name asked on first use, the document
 * read in a worker thread while the window shows a spinner, what the
 * opening found said in the banner, and the recent files. */

#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-name-dialog.h"
#include "gloss-readable.h"
#include "gloss-window-private.h"

#define MAX_RECENT 8

static void
add_to_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

/* What loading the user's own file found and set right (copies merged,
 * quotes found away from their offsets) is said once, as gloss-cli
 * validate would say it; FALSE when there was nothing to say. */
static gboolean
show_load_problems (GlossWindow   *self,
                    GlossDocument *document)
{
  GlossAnnotationFile *own = gloss_document_get_own_file (document);
  GPtrArray *problems = own != NULL ? gloss_annotation_file_get_problems (own) : NULL;
  g_autofree char *message = NULL;

  if (problems == NULL || problems->len == 0)
    return FALSE;

  if (problems->len == 1)
    message = g_strdup (g_ptr_array_index (problems, 0));
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%s (and %u more problem: gloss-cli validate lists them)",
                                            "%s (and %u more problems: gloss-cli validate lists them)",
                                            problems->len - 1),
                               (const char *)g_ptr_array_index (problems, 0), problems->len - 1);
  _gloss_window_show_banner (self, message, NULL, NULL, NULL, NULL);
  return TRUE;
}

static void
show_review_banner (GlossWindow   *self,
                    GlossDocument *document)
{
  GFile *review_file = gloss_document_get_review_file (document);
  g_autofree char *review = g_file_get_parse_name (review_file);
  g_autofree char *action = _gloss_window_layer_action_name (self, review_file);
  g_autofree char *message = NULL;

  if (action != NULL)
    g_action_group_change_action_state (G_ACTION_GROUP (self->layer_actions), action,
                                        g_variant_new_boolean (TRUE));
  message = g_strdup_printf (_("Reviewing “%s”: it is shown read-only beside your own annotations, "
                               "and is never changed."), review);
  _gloss_window_show_banner (self, message, NULL, NULL, NULL, NULL);
}

/* The window shows the start of a large article, with its highlights,
 * until the whole document is read; the sidebar waits, greyed. */
static void
on_preview (const GlossDocumentPreview *preview,
            gpointer                    user_data)
{
  GlossWindow *self = user_data;

  /* A window that shows a document keeps it until the new one is read. */
  if (self->document != NULL || self->open_task == NULL)
    return;

  gloss_text_view_show_preview (self->text_view, preview);
  self->previewing = TRUE;
  gtk_widget_set_sensitive (self->side_box, FALSE);
  gtk_spinner_start (self->header_spinner);
  gtk_stack_set_visible_child_name (self->stack, "document");
}

/* Leaves the preview, for the document or for what the window showed
 * before. */
static void
end_preview (GlossWindow *self)
{
  if (!self->previewing)
    return;

  self->previewing = FALSE;
  gtk_spinner_stop (self->header_spinner);
  gtk_widget_set_sensitive (self->side_box, TRUE);
}

static void
show_loading (GlossWindow *self,
              GFile       *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (page, "loading") != 0)
    {
      g_free (self->page_before_loading);
      self->page_before_loading = g_strdup (page);
    }

  /* Translators: shown with a spinner while a file is read */
  message = g_strdup_printf (_("Opening “%s”…"), name);
  gtk_label_set_label (self->loading_label, message);
  gtk_spinner_start (self->loading_spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

/* Leaves the spinner for what the window showed before. */
static void
hide_loading (GlossWindow *self)
{
  gtk_spinner_stop (self->loading_spinner);
  if (self->previewing)
    {
      end_preview (self);
      gloss_text_view_clear_preview (self->text_view);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "loading") == 0)
    gtk_stack_set_visible_child_name (self->stack,
                                      self->page_before_loading != NULL ? self->page_before_loading
                                                                        : "welcome");
}

static void
return_cancelled (GTask **task)
{
  g_autoptr(GTask) owned = g_steal_pointer (task);

  if (owned != NULL)
    g_task_return_new_error (owned, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                             _("The opening was cancelled"));
}

void
_gloss_window_stop_open (GlossWindow *self)
{
  if (self->open_cancellable != NULL)
    g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  return_cancelled (&self->open_task);
  return_cancelled (&self->pending_task);
}

static void
on_document_loaded (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GlossWindow *self = g_task_get_source_object (task);
  g_autoptr(GlossDocument) document = NULL;
  GError *error = NULL;

  document = gloss_document_new_for_file_finish (result, &error);

  /* The window was closed, or another file is opened in it: the task has
   * returned already, and what was read goes. */
  if (task != self->open_task)
    {
      g_clear_error (&error);
      return;
    }

  g_clear_object (&self->open_task);
  g_clear_object (&self->open_cancellable);
  gtk_spinner_stop (self->loading_spinner);

  if (document == NULL)
    {
      hide_loading (self);
      /* The messages of the core name the file and the problem. */
      _gloss_window_show_banner (self, error->message, NULL, NULL, NULL, NULL);
      g_task_return_error (task, error);
      return;
    }

  /* The document takes the preview's text over: the first screen stays. */
  end_preview (self);
  _gloss_window_set_document (self, document);
  add_to_recent (g_task_get_task_data (task));

  if (gloss_document_get_review_file (document) != NULL)
    show_review_banner (self, document);
  else if (!show_load_problems (self, document))
    _gloss_window_offer_teammates (self);

  g_task_return_boolean (task, TRUE);
}

static void
start_load (GlossWindow *self,
            GTask       *task)
{
  GlossApplication *app = GLOSS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  GFile *file = g_task_get_task_data (task);
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;

  /* A load under way gives way to the new one, and its preview goes. */
  if (self->open_cancellable != NULL)
    g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  return_cancelled (&self->open_task);
  hide_loading (self);

  id = gloss_application_dup_annotator_id (app);
  name = gloss_application_dup_annotator_name (app);
  if (name == NULL || *name == '\0')
    {
      g_free (name);
      name = g_strdup (id);
    }

  self->open_task = task;
  self->open_cancellable = g_cancellable_new ();
  show_loading (self, file);
  gloss_document_new_for_file_async (file, id, name, on_preview, self, self->open_cancellable,
                                     on_document_loaded, g_object_ref (task));
}

static void
on_name_done (GlossWindow *self)
{
  GTask *task = g_steal_pointer (&self->pending_task);

  if (task != NULL)
    start_load (self, task);
}

void
gloss_window_open_async (GlossWindow         *self,
                         GFile               *file,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  static gboolean asked;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, gloss_window_open_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);

  /* On first use, the name that names the user's files is asked before
   * any is written; the file opens once the question is answered. */
  if (!asked && self->settings != NULL)
    {
      g_autofree char *name = g_settings_get_string (self->settings, "annotator-name");

      asked = TRUE;
      if (name == NULL || *name == '\0')
        {
          GtkWidget *dialog = gloss_name_dialog_new (GTK_WINDOW (self), self->settings);

          return_cancelled (&self->pending_task);
          self->pending_task = g_steal_pointer (&task);
          g_signal_connect_object (dialog, "done", G_CALLBACK (on_name_done), self, G_CONNECT_SWAPPED);
          gtk_window_present (GTK_WINDOW (dialog));
          return;
        }
    }

  start_load (self, g_steal_pointer (&task));
}

gboolean
gloss_window_open_finish (GlossWindow   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
gloss_window_open (GlossWindow *self,
                   GFile       *file)
{
  gloss_window_open_async (self, file, NULL, NULL);
}

gboolean
gloss_window_is_loading (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), FALSE);

  return self->open_task != NULL;
}

gboolean
_gloss_window_is_empty (GlossWindow *self)
{
  return self->document == NULL && self->open_task == NULL && self->pending_task == NULL;
}

/* Recent files */

void
_gloss_window_recent_activated (GtkListBox    *box,
                                GtkListBoxRow *row,
                                GlossWindow   *self)
{
  int index = gtk_list_box_row_get_index (row);
  g_autoptr(GFile) file = NULL;

  if (index < 0 || (guint)index >= self->recent_uris->len)
    return;

  file = g_file_new_for_uri (g_ptr_array_index (self->recent_uris, index));
  gloss_window_open (self, file);
}

static gboolean
is_gloss_file (const char *uri)
{
  static const char * const suffixes[] = { ".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".xml",
                                           GLOSS_ANNOTATION_FILE_SUFFIX, NULL };

  for (guint i = 0; suffixes[i] != NULL; i++)
    if (g_str_has_suffix (uri, suffixes[i]))
      return TRUE;

  return FALSE;
}

void
_gloss_window_fill_recent (GlossWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint shown = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);
  g_ptr_array_set_size (self->recent_uris, 0);

  for (GList *l = items; l != NULL && shown < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GFile) file = NULL;
      g_autofree char *path = NULL;
      g_autofree char *when = NULL;
      GtkWidget *row, *box, *label, *date;

      if (!is_gloss_file (uri) || !gtk_recent_info_exists (info))
        continue;

      file = g_file_new_for_uri (uri);
      path = g_file_get_parse_name (file);
      label = gtk_label_new (gtk_recent_info_get_display_name (info));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_tooltip_text (label, path);
      /* When it was last opened, as people write dates. */
      when = gloss_readable_date_time (gtk_recent_info_get_modified (info));
      date = gtk_label_new (when);
      gtk_widget_set_name (date, "recent-date");
      gtk_widget_add_css_class (date, "dim-label");
      gtk_widget_add_css_class (date, "caption");
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), date);
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_ptr_array_add (self->recent_uris, g_strdup (uri));
      gtk_list_box_append (self->recent_list, row);
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), shown > 0);
  g_list_free_full (items, (GDestroyNotify)gtk_recent_info_unref);
}
