/* gloss-window-report.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Export → Agreement Report: how far the annotators of the window's
 * article agree, written as an HTML page in a worker thread. */

#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-agreement-report.h"
#include "gloss-error.h"
#include "gloss-file-io.h"
#include "gloss-window-private.h"

/* What the thread reads and writes: files only, nothing of the window. */
typedef struct
{
  GFile *article;
  GFile *destination;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->article);
  g_clear_object (&job->destination);
  g_free (job);
}

/* TRUE when @destination is an annotation file or @article, which the
 * report reads and must not replace. */
static gboolean
is_input (GFile *destination,
          GFile *article)
{
  g_autofree char *name = g_file_get_basename (destination);
  g_autofree char *identity = gloss_file_get_identity (destination);
  g_autofree char *article_identity = gloss_file_get_identity (article);

  return (name != NULL && g_str_has_suffix (name, GLOSS_ANNOTATION_FILE_SUFFIX)) ||
         (identity != NULL && g_strcmp0 (identity, article_identity) == 0);
}

static void
write_report_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GlossAgreement) study = gloss_agreement_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) results =
    g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_agreement_result_free);
  g_autoptr(GlossAtomicWriter) writer = NULL;
  g_autofree char *name = g_file_get_basename (job->article);
  GlossAgreementResult *result;
  GError *error = NULL;

  if (is_input (job->destination, job->article))
    {
      g_autofree char *display = g_file_get_parse_name (job->destination);

      g_task_return_new_error (task, GLOSS_ERROR, GLOSS_ERROR_USAGE,
                               /* Translators: a file name */
                               _("“%s” is an article or an annotation file: the report will not "
                                 "replace it. Choose another name."), display);
      return;
    }

  result = gloss_agreement_measure_article (study, job->article, name, NULL, problems, cancellable);
  if (result == NULL)
    {
      g_task_return_new_error (task, GLOSS_ERROR, GLOSS_ERROR_FAILED, "%s",
                               problems->len > 0 ? (const char *) g_ptr_array_index (problems, 0)
                                                 : _("The article could not be read."));
      return;
    }
  g_ptr_array_add (results, result);

  writer = gloss_atomic_writer_new (job->destination, NULL, GLOSS_WRITE_NONE, cancellable, &error);
  if (writer == NULL ||
      !gloss_agreement_report_write (study, results, gloss_atomic_writer_get_stream (writer),
                                     cancellable, &error) ||
      !gloss_atomic_writer_commit (writer, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* A teammate's file that could not be read was left out: said in the
   * window, the report being written all the same. */
  g_ptr_array_add (problems, NULL);
  g_task_return_pointer (task, g_strjoinv ("\n", (char **) problems->pdata), g_free);
}

static void
report_written (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GlossWindow *self = GLOSS_WINDOW (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *problems = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *display = NULL;
  g_autofree char *message = NULL;

  if (error != NULL)
    {
      _gloss_window_show_banner (self, error->message, NULL, NULL, NULL, NULL);
      return;
    }

  display = g_file_get_parse_name (job->destination);
  if (problems != NULL && *problems != '\0')
    /* Translators: a file name, then the messages of the files left out */
    message = g_strdup_printf (_("The agreement report was written to “%s”, without the files that "
                                 "could not be read:\n%s"), display, problems);
  else
    /* Translators: a file name */
    message = g_strdup_printf (_("The agreement report was written to “%s”."), display);
  _gloss_window_show_banner (self, message, NULL, NULL, NULL, NULL);
}

static void
export_report_to_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (self->document == NULL)
    return;

  /* The report reads the files on disk: the user's own is saved first.
   * A save that fails says so in the banner, and the report takes the
   * file as it is on disk. */
  gloss_document_save (self->document, NULL);

  job = g_new0 (Job, 1);
  job->article = g_object_ref (gloss_source_get_file (gloss_document_get_source (self->document)));
  job->destination = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  task = g_task_new (self, NULL, report_written, NULL);
  g_task_set_source_tag (task, export_report_to_action);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, write_report_thread);
}

static void
chooser_response (GtkNativeDialog *chooser,
                  int              response,
                  GlossWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL && g_file_peek_path (file) != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "win.export-report-to", "s",
                                    g_file_peek_path (file));
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GFile *article;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (self->document == NULL)
    return;

  article = gloss_source_get_file (gloss_document_get_source (self->document));
  folder = g_file_get_parent (article);
  base = g_file_get_basename (article);
  /* Translators: the file name proposed for a report; %s is the article's */
  name = g_strdup_printf (_("%s agreement.html"), base);

  chooser = gtk_file_chooser_native_new (_("Save the Agreement Report"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_gloss_window_class_init_report (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_report_action);
  /* The same without asking: the file chooser's answer, and the tests'. */
  gtk_widget_class_install_action (widget_class, "win.export-report-to", "s", export_report_to_action);
}
