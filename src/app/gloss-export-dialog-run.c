/* gloss-export-dialog-run.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-export-dialog-private.h"

/* How often the progress bar reads how far the thread has got. */
#define PROGRESS_INTERVAL 100

static void
update_progress (GlossExportDialog *self)
{
  GlossExportJob *job = g_task_get_task_data (self->task);
  guint total = job->articles->len;
  guint done = MIN ((guint)g_atomic_int_get (&job->done), total);
  g_autofree char *text = NULL;

  /* Translators: articles done so far, then how many there are */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u article", "%u of %u articles", total),
                          done, total);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double)done / total : 0.0);
}

static gboolean
progress_cb (gpointer user_data)
{
  update_progress (user_data);
  return G_SOURCE_CONTINUE;
}

static void
show_report (GlossExportDialog *self,
             GlossExportJob    *job)
{
  g_autofree char *display = g_file_get_parse_name (job->destination);
  g_autofree char *summary = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  const char *title;

  if (job->cancelled)
    {
      title = _("Export Cancelled");
      if (gloss_export_job_is_folder (job))
        /* Translators: articles done, how many there were, then a folder */
        summary = g_strdup_printf (_("The export was cancelled after %u of %u articles; the files written "
                                     "so far stay in “%s”."),
                                   (guint)g_atomic_int_get (&job->done), job->articles->len, display);
      else
        /* Translators: a file name */
        summary = g_strdup_printf (_("The export was cancelled: “%s” was not written."), display);
    }
  else if (job->failure != NULL)
    {
      title = _("Export Failed");
      /* Translators: why the export stopped */
      summary = g_strdup_printf (_("The export stopped: %s"), job->failure);
    }
  else
    {
      g_autofree char *annotations = NULL;
      g_autofree char *articles = NULL;

      annotations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation", "%u annotations",
                                                  job->n_annotations),
                                     job->n_annotations);
      articles = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", job->n_articles),
                                  job->n_articles);

      title = job->problems->len > 0 ? _("Export Finished with Problems") : _("Export Finished");
      /* Translators: "5 annotations", "2 articles", then a file or folder name */
      summary = g_strdup_printf (_("Exported %s from %s to “%s”."), annotations, articles, display);
    }

  if (job->problems->len > 0)
    {
      g_autofree char *heading = NULL;

      heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article with problems:",
                                              "%u articles with problems:", job->problems->len),
                                 job->problems->len);

      g_string_append (problems, heading);
      for (guint i = 0; i < job->problems->len; i++)
        g_string_append_printf (problems, "\n%s", (const char *)g_ptr_array_index (job->problems, i));
    }
  for (guint i = 0; i < job->warnings->len; i++)
    g_string_append_printf (problems, "%s%s", problems->len > 0 ? "\n" : "",
                            (const char *)g_ptr_array_index (job->warnings, i));

  gtk_label_set_label (self->report_title, title);
  gtk_label_set_label (self->report_label, summary);
  gtk_label_set_label (self->problems_label, problems->str);
  gtk_widget_set_visible (self->problems_scroller, problems->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->open_folder_button),
                          g_file_query_file_type (self->result_folder, G_FILE_QUERY_INFO_NONE, NULL) ==
                          G_FILE_TYPE_DIRECTORY);
  gtk_button_set_label (self->close_button, _("_Close"));
  gtk_widget_set_visible (GTK_WIDGET (self->export_button), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "report");
  /* Not the selectable text: the user goes on with a button. */
  gtk_widget_grab_focus (gtk_widget_get_visible (GTK_WIDGET (self->open_folder_button))
                         ? GTK_WIDGET (self->open_folder_button) : GTK_WIDGET (self->close_button));
  gtk_label_select_region (self->report_label, 0, 0);
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (source);
  GlossExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GApplication) application = user_data;

  g_task_propagate_boolean (G_TASK (result), NULL);
  if (application != NULL)
    g_application_release (application);
  if (self->disposed)
    return;

  g_clear_handle_id (&self->progress_source, g_source_remove);
  update_progress (self);
  show_report (self, job);
  g_clear_object (&self->cancellable);
  _gloss_export_dialog_set_running (self, NULL);

  if (self->close_when_done)
    gtk_window_destroy (GTK_WINDOW (self));
}

void
_gloss_export_dialog_start (GlossExportDialog *self,
                            GlossExportFormat  format,
                            GFile             *destination)
{
  GlossExportJob *job = gloss_export_job_new ();
  g_autoptr(GTask) task = NULL;
  GApplication *application;

  job->format = format;
  job->spreadsheet_safe = gtk_check_button_get_active (self->spreadsheet_check);
  job->offset_unit = gtk_drop_down_get_selected (self->offsets_dropdown) == 1 ? GLOSS_OFFSETS_CODEPOINTS
                                                                               : GLOSS_OFFSETS_UTF16;
  job->scheme = gtk_drop_down_get_selected (self->scheme_dropdown) == 1 ? GLOSS_SCHEME_IOB1
                                                                         : GLOSS_SCHEME_IOB2;
  job->annotators = _gloss_export_dialog_dup_annotators (self);
  job->destination = g_object_ref (destination);
  job->root = self->folder_scope ? g_file_get_parent (self->article) : NULL;
  job->articles = g_ptr_array_ref (self->scan->articles);

  g_clear_object (&self->result_folder);
  self->result_folder = gloss_export_job_is_folder (job) ? g_object_ref (destination)
                                                         : g_file_get_parent (destination);

  /* The application stays until the thread is done with the destination,
   * even if its last window closes. */
  application = g_application_get_default ();
  if (application != NULL)
    g_application_hold (application);

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, export_done,
                     application != NULL ? g_object_ref (application) : NULL);
  g_task_set_source_tag (task, _gloss_export_dialog_start);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify)gloss_export_job_free);
  _gloss_export_dialog_set_running (self, task);

  gtk_stack_set_visible_child_name (self->stack, "progress");
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
  update_progress (self);
  self->progress_source = g_timeout_add (PROGRESS_INTERVAL, progress_cb, self);
  g_source_set_name_by_id (self->progress_source, "[gloss] export progress");

  g_task_run_in_thread (task, gloss_export_job_thread);
}

void
_gloss_export_dialog_stop (GlossExportDialog *self)
{
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      gtk_label_set_label (self->progress_label, _("Stopping…"));
    }
}
