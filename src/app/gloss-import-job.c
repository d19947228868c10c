/* gloss-import-job.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-import-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-annotation-file.h"
#include "gloss-import-job.h"

G_DEFINE_FINAL_TYPE (GlossImportJob, gloss_import_job, GLOSS_TYPE_TRANSFER_JOB)

/* Adds each line of @message as a problem. */
static void
add_problems (GlossImportJob *job,
              const char     *message)
{
  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_ptr_array_add (job->problems, g_strdup (lines[i]));
}

/* The input files @input stands for, as gloss-cli finds them: a folder is
 * searched, and for brat a .txt names the .ann beside it. */
static void
collect (GlossImportJob *job,
         GFile          *input,
         GPtrArray      *files,
         GCancellable   *cancellable)
{
  g_autofree char *display = g_file_get_parse_name (input);
  GFileType type = g_file_query_file_type (input, G_FILE_QUERY_INFO_NONE, cancellable);

  if (type == G_FILE_TYPE_UNKNOWN)
    {
      /* Translators: a file name */
      g_ptr_array_add (job->problems, g_strdup_printf (_("“%s”: no such file"), display));
      job->n_failed++;
      return;
    }

  if (type == G_FILE_TYPE_DIRECTORY)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) found = gloss_import_list_inputs (job->format, input, cancellable, &error);

      if (found == NULL)
        {
          g_ptr_array_add (job->problems, g_strdup (error->message));
          job->n_failed++;
          return;
        }
      if (found->len == 0)
        /* Translators: a folder name, then a format name */
        g_ptr_array_add (job->problems, g_strdup_printf (_("“%s” holds no %s file"), display,
                                                         gloss_format_get_id (job->format)));
      for (guint i = 0; i < found->len; i++)
        g_ptr_array_add (files, g_object_ref (g_ptr_array_index (found, i)));
      return;
    }

  g_ptr_array_add (files, gloss_format_dup_input (job->format, input));
}

/* What identifies the version of each annotation file beside @article:
 * path → "etag inode".  A file the import writes is new or has a new
 * stamp (annotation files are saved by renaming a new file over them). */
static GHashTable *
stamp_annotation_files (GFile *article)
{
  GHashTable *stamps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) files = gloss_annotation_file_list_for (article, NULL, NULL);

  for (guint i = 0; files != NULL && i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE ","
                                                     G_FILE_ATTRIBUTE_UNIX_INODE,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);

      if (info == NULL)
        continue;
      g_hash_table_insert (stamps, g_file_get_path (file),
                           g_strdup_printf ("%s %" G_GUINT64_FORMAT, g_file_info_get_etag (info),
                                            g_file_info_get_attribute_uint64 (info,
                                                                              G_FILE_ATTRIBUTE_UNIX_INODE)));
    }

  return stamps;
}

static void
find_written (GlossImportJob *job,
              GHashTable     *before)
{
  g_autoptr(GHashTable) after = stamp_annotation_files (job->article);
  GHashTableIter iter;
  gpointer path, stamp;

  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &path, &stamp))
    if (g_strcmp0 (g_hash_table_lookup (before, path), stamp) != 0)
      g_ptr_array_add (job->written, g_file_new_for_path (path));
}

static void
gloss_import_job_run (GlossTransferJob *transfer_job,
                      GCancellable     *cancellable)
{
  GlossImportJob *job = GLOSS_IMPORT_JOB (transfer_job);
  g_autoptr(GlossImporter) importer = gloss_importer_new (job->format);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *notes;

  for (guint i = 0; i < job->inputs->len; i++)
    collect (job, g_ptr_array_index (job->inputs, i), files, cancellable);
  g_atomic_int_set (&job->total, files->len);

  gloss_importer_set_annotator (importer, job->annotator);
  gloss_importer_set_overwrite (importer, job->overwrite);
  gloss_importer_set_offset_unit (importer, job->offset_unit);

  if (job->article != NULL)
    before = stamp_annotation_files (job->article);

  for (guint i = 0; i < files->len; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;

      if (!gloss_importer_import_file (importer, g_ptr_array_index (files, i), cancellable, &error))
        {
          if (g_cancellable_is_cancelled (cancellable))
            break;
          add_problems (job, error->message);
          g_clear_error (&error);
          job->n_failed++;
        }
      g_atomic_int_inc (&job->done);
    }

  job->cancelled = g_cancellable_is_cancelled (cancellable);
  /* Cancelled: what waits to be written (W3C gathers annotations across
   * files) is dropped. */
  if (!job->cancelled && !gloss_importer_finish (importer, cancellable, &error))
    add_problems (job, error->message);

  job->n_files = gloss_importer_get_n_articles (importer);
  job->n_annotations = gloss_importer_get_n_annotations (importer);
  job->n_kept = gloss_importer_get_n_kept (importer);
  notes = gloss_importer_get_notes (importer);
  for (guint i = 0; i < notes->len; i++)
    g_ptr_array_add (job->notes, g_strdup (g_ptr_array_index (notes, i)));

  if (before != NULL)
    find_written (job, before);
}

static char *
gloss_import_job_dup_progress (GlossTransferJob *transfer_job,
                               guint            *done,
                               guint            *total)
{
  GlossImportJob *job = GLOSS_IMPORT_JOB (transfer_job);

  *total = g_atomic_int_get (&job->total);
  *done = MIN ((guint)g_atomic_int_get (&job->done), *total);
  /* Translators: files done so far, then how many there are */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u of %'u file", "%'u of %'u files", *total),
                          *done, *total);
}

static char *
summarize (GlossImportJob *job)
{
  g_autofree char *annotations = NULL;
  g_autofree char *files = NULL;
  GString *summary = g_string_new (NULL);

  if (job->cancelled)
    {
      /* Translators: input files done, then how many there were */
      g_string_append_printf (summary, _("The import was cancelled after %u of %u files; the annotation files "
                                         "written so far stay."),
                              (guint)g_atomic_int_get (&job->done), (guint)g_atomic_int_get (&job->total));
      g_string_append_c (summary, '\n');
    }

  annotations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation", "%u annotations",
                                              job->n_annotations),
                                 job->n_annotations);
  files = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u annotation file", "%'u annotation files",
                                        job->n_files),
                           job->n_files);
  /* Translators: "5 annotations", then "2 annotation files" */
  g_string_append_printf (summary, _("Imported %s into %s"), annotations, files);

  if (job->n_kept > 0)
    {
      g_string_append_c (summary, '\n');
      g_string_append_printf (summary,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "Kept %u item Gloss does not model in the annotation files",
                                           "Kept %u items Gloss does not model in the annotation files",
                                           job->n_kept),
                              job->n_kept);
    }

  return g_string_free (summary, FALSE);
}

static GlossTransferReport *
gloss_import_job_report (GlossTransferJob *transfer_job)
{
  GlossImportJob *job = GLOSS_IMPORT_JOB (transfer_job);
  g_autofree char *summary = summarize (job);
  g_autoptr(GString) details = g_string_new (NULL);
  const char *title;

  if (job->cancelled)
    title = _("Import Cancelled");
  else if (job->problems->len > 0)
    title = _("Import Finished with Problems");
  else
    title = _("Import Finished");

  if (job->n_failed > 0)
    g_string_append_printf (details,
                            g_dngettext (GETTEXT_PACKAGE, "%u file could not be imported:",
                                         "%u files could not be imported:", job->n_failed),
                            job->n_failed);
  for (guint i = 0; i < job->problems->len; i++)
    g_string_append_printf (details, "%s%s", details->len > 0 ? "\n" : "",
                            (const char *)g_ptr_array_index (job->problems, i));
  for (guint i = 0; i < job->notes->len; i++)
    g_string_append_printf (details, "%s%s", details->len > 0 ? "\n" : "",
                            (const char *)g_ptr_array_index (job->notes, i));

  return gloss_transfer_report_new (title, summary, details->str);
}

static void
gloss_import_job_finalize (GObject *object)
{
  GlossImportJob *self = (GlossImportJob *)object;

  g_free (self->annotator);
  g_ptr_array_unref (self->inputs);
  g_clear_object (&self->article);
  g_ptr_array_unref (self->problems);
  g_ptr_array_unref (self->notes);
  g_ptr_array_unref (self->written);

  G_OBJECT_CLASS (gloss_import_job_parent_class)->finalize (object);
}

static void
gloss_import_job_class_init (GlossImportJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GlossTransferJobClass *job_class = GLOSS_TRANSFER_JOB_CLASS (klass);

  object_class->finalize = gloss_import_job_finalize;
  job_class->run = gloss_import_job_run;
  job_class->dup_progress = gloss_import_job_dup_progress;
  job_class->report = gloss_import_job_report;
}

static void
gloss_import_job_init (GlossImportJob *self)
{
  self->offset_unit = GLOSS_OFFSETS_UTF16;
  self->inputs = g_ptr_array_new_with_free_func (g_object_unref);
  self->problems = g_ptr_array_new_with_free_func (g_free);
  self->notes = g_ptr_array_new_with_free_func (g_free);
  self->written = g_ptr_array_new_with_free_func (g_object_unref);
}

GlossImportJob *
gloss_import_job_new (void)
{
  return g_object_new (GLOSS_TYPE_IMPORT_JOB, NULL);
}
