/* gloss-export-dialog-run.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-export-dialog"

#include "config.h"

#include "gloss-export-dialog-private.h"

void
_gloss_export_dialog_start (GlossExportDialog *self,
                            const GlossFormat *format,
                            GFile             *destination)
{
  g_autoptr(GlossExportJob) job = gloss_export_job_new ();
  GFile *article = gloss_transfer_dialog_get_article (GLOSS_TRANSFER_DIALOG (self));
  g_autoptr(GFile) result_folder = NULL;

  job->format = format;
  job->spreadsheet_safe = gloss_format_chooser_get_spreadsheet_safe (self->format_chooser);
  job->excel = gloss_format_chooser_get_option (self->format_chooser, GLOSS_FORMAT_EXCEL);
  job->annotator_columns = gloss_format_chooser_get_option (self->format_chooser,
                                                            GLOSS_FORMAT_ANNOTATOR_COLUMNS);
  job->offset_unit = gloss_format_chooser_get_offset_unit (self->format_chooser);
  job->scheme = gloss_format_chooser_get_scheme (self->format_chooser);
  job->annotators = _gloss_export_dialog_dup_annotators (self);
  job->destination = g_object_ref (destination);
  job->root = self->folder_scope ? g_file_get_parent (article) : NULL;
  job->articles = g_ptr_array_ref (self->scan->articles);

  result_folder = gloss_export_job_is_folder (job) ? g_object_ref (destination)
                                                    : g_file_get_parent (destination);
  _gloss_transfer_dialog_run (GLOSS_TRANSFER_DIALOG (self), GLOSS_TRANSFER_JOB (job), result_folder);
}
