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

void
_gloss_export_dialog_update_progress (GlossTransferDialog *dialog,
                                      gpointer             data)
{
  GlossExportJob *job = data;
  guint total = job->articles->len;
  guint done = MIN ((guint)g_atomic_int_get (&job->done), total);
  g_autofree char *text = NULL;

  /* Translators: articles done so far, then how many there are */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u article", "%u of %u articles", total),
                          done, total);
  _gloss_transfer_dialog_set_progress (dialog, done, total, text);
}

void
_gloss_export_dialog_finished (GlossTransferDialog *dialog,
                               gpointer             data)
{
  GlossExportJob *job = data;
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

  _gloss_transfer_dialog_show_report (dialog, title, summary, problems->str);
}

void
_gloss_export_dialog_start (GlossExportDialog *self,
                            const GlossFormat *format,
                            GFile             *destination)
{
  GlossExportJob *job = gloss_export_job_new ();
  GFile *article = gloss_transfer_dialog_get_article (GLOSS_TRANSFER_DIALOG (self));
  g_autoptr(GFile) result_folder = NULL;

  job->format = format;
  job->spreadsheet_safe = gtk_check_button_get_active (self->spreadsheet_check);
  job->offset_unit = gtk_drop_down_get_selected (self->offsets_dropdown) == 1 ? GLOSS_OFFSETS_CODEPOINTS
                                                                               : GLOSS_OFFSETS_UTF16;
  job->scheme = gtk_drop_down_get_selected (self->scheme_dropdown) == 1 ? GLOSS_SCHEME_IOB1
                                                                         : GLOSS_SCHEME_IOB2;
  job->annotators = _gloss_export_dialog_dup_annotators (self);
  job->destination = g_object_ref (destination);
  job->root = self->folder_scope ? g_file_get_parent (article) : NULL;
  job->articles = g_ptr_array_ref (self->scan->articles);

  result_folder = gloss_export_job_is_folder (job) ? g_object_ref (destination)
                                                    : g_file_get_parent (destination);
  _gloss_transfer_dialog_run (GLOSS_TRANSFER_DIALOG (self), _gloss_export_dialog_start,
                              job, (GDestroyNotify)gloss_export_job_free,
                              gloss_export_job_thread, result_folder);
}
