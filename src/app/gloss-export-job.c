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

GlossExportJob *
gloss_export_job_new (void)
{
  GlossExportJob *job = g_new0 (GlossExportJob, 1);

  job->offset_unit = GLOSS_OFFSETS_UTF16;
  job->scheme = GLOSS_SCHEME_IOB2;
  job->problems = g_ptr_array_new_with_free_func (g_free);
  job->warnings = g_ptr_array_new_with_free_func (g_free);

  return job;
}

void
gloss_export_job_free (GlossExportJob *job)
{
  if (job == NULL)
    return;

  g_clear_pointer (&job->annotators, g_strfreev);
  g_clear_object (&job->destination);
  g_clear_object (&job->root);
  g_clear_pointer (&job->articles, g_ptr_array_unref);
  g_free (job->failure);
  g_ptr_array_unref (job->problems);
  g_ptr_array_unref (job->warnings);
  g_free (job);
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
run (GlossExportJob *job,
     GCancellable   *cancellable)
{
  GlossExporter *exporter = gloss_exporter_new (job->format);

  /* Freed unfinished, the exporter leaves a file it was replacing as it
   * was and removes one it created, so that a stopped export leaves no
   * half-written file behind.  A folder keeps the files written so far. */
  write_articles (job, exporter, cancellable);
  gloss_exporter_free (exporter);
}

void
gloss_export_job_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  run (task_data, cancellable);
  g_task_return_boolean (task, TRUE);
}
