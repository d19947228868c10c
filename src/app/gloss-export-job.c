/* gloss-export-job.c
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
#include "gloss-export-job.h"

G_DEFINE_FINAL_TYPE (GlossExportJob, gloss_export_job, GLOSS_TYPE_TRANSFER_JOB)

void
gloss_export_scan_free (GlossExportScan *scan)
{
  if (scan == NULL)
    return;

  g_clear_pointer (&scan->articles, g_ptr_array_unref);
  g_clear_pointer (&scan->annotators, g_strfreev);
  g_free (scan);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

/* The annotator ids in the names of the articles' annotation files,
 * sorted, each once. */
static char **
list_annotators (GPtrArray *articles)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < articles->len; i++)
    {
      GlossCorpusArticle *entry = g_ptr_array_index (articles, i);
      g_autofree char *article_name = g_file_get_basename (entry->article);

      for (guint j = 0; j < entry->annotation_files->len; j++)
        {
          g_autofree char *name = g_file_get_basename (g_ptr_array_index (entry->annotation_files, j));
          char *id = gloss_annotation_file_name_annotator (name, article_name);

          if (id == NULL || g_hash_table_contains (seen, id))
            {
              g_free (id);
              continue;
            }
          g_hash_table_add (seen, id);
          g_ptr_array_add (ids, id);
        }
    }

  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);
  return (char **)g_ptr_array_free (ids, FALSE);
}

void
gloss_export_scan_thread (GTask        *task,
                          gpointer      source_object,
                          gpointer      task_data,
                          GCancellable *cancellable)
{
  GFile *target = task_data;
  g_autoptr(GlossExportScan) scan = g_new0 (GlossExportScan, 1);
  GError *error = NULL;

  if (g_file_query_file_type (target, G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_DIRECTORY)
    {
      scan->articles = gloss_corpus_list_articles (target, cancellable, &error);
    }
  else
    {
      g_autoptr(GPtrArray) files = gloss_annotation_file_list_for (target, cancellable, &error);

      if (files != NULL)
        {
          scan->articles = g_ptr_array_new_with_free_func ((GDestroyNotify)gloss_corpus_article_free);
          if (files->len > 0)
            {
              GlossCorpusArticle *entry = g_new0 (GlossCorpusArticle, 1);

              entry->article = g_object_ref (target);
              entry->annotation_files = g_steal_pointer (&files);
              g_ptr_array_add (scan->articles, entry);
            }
        }
    }

  if (scan->articles == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  scan->annotators = list_annotators (scan->articles);
  g_task_return_pointer (task, g_steal_pointer (&scan), (GDestroyNotify)gloss_export_scan_free);
}


gboolean
gloss_export_job_is_folder (GlossExportJob *job)
{
  /* The window writes W3C as one file, as the other one-file formats;
   * gloss-cli writes a folder of them when asked. */
  return (gloss_format_get_options (job->format, GLOSS_FORMAT_EXPORT) & GLOSS_FORMAT_FOLDER_ONLY) != 0;
}

static char *
article_name (GlossExportJob *job,
              GFile          *article)
{
  char *name = job->root != NULL ? g_file_get_relative_path (job->root, article) : NULL;

  return name != NULL ? name : g_file_get_basename (article);
}

/* The export itself: the articles one at a time, as gloss-cli does.
 * TRUE when the destination was written to its end. */
static gboolean
write_articles (GlossExportJob *job,
                GlossExporter  *exporter,
                GCancellable   *cancellable)
{
  g_autoptr(GError) error = NULL;

  gloss_exporter_set_annotators (exporter, (const char * const *)job->annotators);
  gloss_exporter_set_spreadsheet_safe (exporter, job->spreadsheet_safe &&
                                       (gloss_format_get_options (job->format, GLOSS_FORMAT_EXPORT) &
                                        GLOSS_FORMAT_SPREADSHEET_SAFE) != 0);
  gloss_exporter_set_excel (exporter, job->excel &&
                            (gloss_format_get_options (job->format, GLOSS_FORMAT_EXPORT) &
                             GLOSS_FORMAT_EXCEL) != 0);
  /* Side by side, a column for each annotator checked, in their order. */
  if (job->annotator_columns &&
      (gloss_format_get_options (job->format, GLOSS_FORMAT_EXPORT) & GLOSS_FORMAT_ANNOTATOR_COLUMNS) != 0)
    gloss_exporter_set_annotator_columns (exporter, (const char * const *)job->annotators);
  gloss_exporter_set_offset_unit (exporter, job->offset_unit);
  gloss_exporter_set_scheme (exporter, job->scheme);

  if (!gloss_exporter_open_file (exporter, job->destination, gloss_export_job_is_folder (job),
                                 cancellable, &error))
    {
      job->cancelled = g_cancellable_is_cancelled (cancellable);
      job->failure = g_strdup (error->message);
      return FALSE;
    }

  for (guint i = 0; i < job->articles->len; i++)
    {
      GlossCorpusArticle *entry = g_ptr_array_index (job->articles, i);
      g_autofree char *name = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        break;

      name = article_name (job, entry->article);
      if (!gloss_exporter_add_article (exporter, entry->article, name, entry->annotation_files,
                                       cancellable, &error))
        {
          /* Cancelled in the middle of an article: not a problem of it. */
          if (g_cancellable_is_cancelled (cancellable))
            break;

          g_ptr_array_add (job->problems, g_strdup_printf ("%s: %s", name, error->message));
          g_clear_error (&error);
          if (gloss_exporter_has_failed (exporter))
            {
              /* The destination cannot be written: the rest would fail too. */
              job->failure = g_strdup (g_ptr_array_index (job->problems, job->problems->len - 1));
              g_ptr_array_remove_index (job->problems, job->problems->len - 1);
              return FALSE;
            }
        }

      g_atomic_int_inc (&job->done);
    }

  job->n_articles = gloss_exporter_get_n_articles (exporter);
  job->n_annotations = gloss_exporter_get_n_annotations (exporter);
  for (guint i = 0; i < gloss_exporter_get_warnings (exporter)->len; i++)
    g_ptr_array_add (job->warnings, g_strdup (g_ptr_array_index (gloss_exporter_get_warnings (exporter), i)));

  if (g_cancellable_is_cancelled (cancellable))
    {
      job->cancelled = TRUE;
      return FALSE;
    }

  if (!gloss_exporter_finish (exporter, cancellable, &error))
    {
      job->cancelled = g_cancellable_is_cancelled (cancellable);
      job->failure = g_strdup (error->message);
      return FALSE;
    }

  return TRUE;
}

static void
gloss_export_job_run (GlossTransferJob *transfer_job,
                      GCancellable     *cancellable)
{
  GlossExportJob *job = GLOSS_EXPORT_JOB (transfer_job);
  GlossExporter *exporter = gloss_exporter_new (job->format);

  /* Freed unfinished, the exporter leaves a file it was replacing as it
   * was and removes one it created, so that a stopped export leaves no
   * half-written file behind.  A folder keeps the files written so far. */
  write_articles (job, exporter, cancellable);
  gloss_exporter_free (exporter);
}

static char *
gloss_export_job_dup_progress (GlossTransferJob *transfer_job,
                               guint            *done,
                               guint            *total)
{
  GlossExportJob *job = GLOSS_EXPORT_JOB (transfer_job);

  *total = job->articles->len;
  *done = MIN ((guint)g_atomic_int_get (&job->done), *total);
  /* Translators: articles done so far, then how many there are */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u of %'u article", "%'u of %'u articles", *total),
                          *done, *total);
}

static GlossTransferReport *
gloss_export_job_report (GlossTransferJob *transfer_job)
{
  GlossExportJob *job = GLOSS_EXPORT_JOB (transfer_job);
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

      annotations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u annotation", "%'u annotations",
                                                  job->n_annotations),
                                     job->n_annotations);
      articles = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u article", "%'u articles", job->n_articles),
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

  return gloss_transfer_report_new (title, summary, problems->str);
}

static void
gloss_export_job_finalize (GObject *object)
{
  GlossExportJob *self = (GlossExportJob *)object;

  g_clear_pointer (&self->annotators, g_strfreev);
  g_clear_object (&self->destination);
  g_clear_object (&self->root);
  g_clear_pointer (&self->articles, g_ptr_array_unref);
  g_free (self->failure);
  g_ptr_array_unref (self->problems);
  g_ptr_array_unref (self->warnings);

  G_OBJECT_CLASS (gloss_export_job_parent_class)->finalize (object);
}

static void
gloss_export_job_class_init (GlossExportJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GlossTransferJobClass *job_class = GLOSS_TRANSFER_JOB_CLASS (klass);

  object_class->finalize = gloss_export_job_finalize;
  job_class->run = gloss_export_job_run;
  job_class->dup_progress = gloss_export_job_dup_progress;
  job_class->report = gloss_export_job_report;
}

static void
gloss_export_job_init (GlossExportJob *self)
{
  self->offset_unit = GLOSS_OFFSETS_UTF16;
  self->scheme = GLOSS_SCHEME_IOB2;
  self->problems = g_ptr_array_new_with_free_func (g_free);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
}

GlossExportJob *
gloss_export_job_new (void)
{
  return g_object_new (GLOSS_TYPE_EXPORT_JOB, NULL);
}
