/* gloss-corpus-status.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How far each annotator has got on each article of a corpus: the
 * article read once, each annotation file loaded and anchored in it, and
 * only the counts kept, so that a corpus of thousands of articles takes
 * the memory of its figures. */

#define G_LOG_DOMAIN "gloss-corpus"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "gloss-annotation-file.h"
#include "gloss-corpus-status.h"
#include "gloss-corpus.h"

/* The longest title kept, in characters; a plain-text article whose first
 * line is a whole paragraph has no shorter one. */
#define TITLE_MAX_CHARS 100

const char *
gloss_work_status_to_string (GlossWorkStatus status)
{
  switch (status)
    {
    case GLOSS_WORK_NOT_STARTED:
      return "not-started";
    case GLOSS_WORK_IN_PROGRESS:
      return "in-progress";
    case GLOSS_WORK_DONE:
      return "done";
    case GLOSS_WORK_NEEDS_ATTENTION:
      return "needs-attention";
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
work_free (gpointer data)
{
  GlossAnnotatorWork *work = data;

  g_free (work->annotator);
  g_clear_object (&work->file);
  g_free (work->done_at);
  g_free (work->reason);
  g_free (work);
}

void
gloss_article_status_free (GlossArticleStatus *status)
{
  if (status == NULL)
    return;

  g_clear_object (&status->article);
  g_free (status->title);
  g_free (status->problem);
  g_clear_pointer (&status->work, g_ptr_array_unref);
  g_free (status);
}

static char *
title_of (GlossSource *source)
{
  const char *title = gloss_source_get_metadata (source, "title");
  g_autofree char *trimmed = NULL;

  if (title == NULL || title[0] == '\0')
    title = gloss_source_get_title (source);
  trimmed = g_strstrip (g_strdup (title != NULL ? title : ""));

  if (g_utf8_strlen (trimmed, -1) <= TITLE_MAX_CHARS)
    return g_steal_pointer (&trimmed);

  *g_utf8_offset_to_pointer (trimmed, TITLE_MAX_CHARS - 1) = '\0';
  return g_strconcat (trimmed, "…", NULL);
}

/* The file's modification time, or -1.  A stat() of its own rather than
 * a GFileInfo: a corpus asks it of tens of thousands of files. */
static gint64
modified_of (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  GStatBuf buf;

  if (path == NULL || g_stat (path, &buf) != 0)
    return -1;

  return (gint64) buf.st_mtime;
}

static char *
attention_reason (GFile *file,
                  guint  n_moved,
                  guint  n_orphaned,
                  guint  n_relations)
{
  g_autofree char *display = g_file_get_parse_name (file);
  g_autofree char *moved = NULL;
  g_autofree char *orphaned = NULL;

  /* Translators: how many passages of an annotation file moved, because
   * the article changed; it makes the second part of "%s: %s, %s" */
  moved = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u passage moved", "%u passages moved",
                                        n_moved), n_moved);
  /* Translators: how many passages are nowhere in the article any more */
  orphaned = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u passage orphaned",
                                           "%u passages orphaned", n_orphaned), n_orphaned);
  if (n_relations > 0)
    {
      /* Translators: how many relations link a passage that is missing
       * from the file or orphaned; the third part of "%s: %s, %s, %s" */
      g_autofree char *relations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                 "%u relation with a missing or orphaned end",
                                                                 "%u relations with a missing or orphaned end",
                                                                 n_relations), n_relations);

      /* Translators: an annotation file's name, then "N passages moved",
       * "N passages orphaned" and "N relations with a missing or orphaned
       * end" */
      return g_strdup_printf (_("“%s”: %s, %s, %s; open it in Gloss to check them"),
                              display, moved, orphaned, relations);
    }

  /* Translators: an annotation file's name, then "N passages moved" and
   * "N passages orphaned" */
  return g_strdup_printf (_("“%s”: %s, %s; open it in Gloss to check them"), display, moved, orphaned);
}

/* Fills @work from its annotation file, anchored in @source. */
static void
read_work (GlossAnnotatorWork *work,
           GlossSource        *source,
           GCancellable       *cancellable)
{
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GlossLayer *layer;

  work->modified = modified_of (work->file);
  file = gloss_annotation_file_load (work->file, GLOSS_LOAD_ALLOW_NEWER, cancellable, &error);
  if (file != NULL && !gloss_annotation_file_attach_source (file, source, &error))
    g_clear_object (&file);
  if (file == NULL)
    {
      work->status = GLOSS_WORK_NEEDS_ATTENTION;
      work->reason = g_strdup (error->message);
      return;
    }

  layer = gloss_annotation_file_get_layer (file);
  /* A consensus file's rejection records are decisions, not passages. */
  work->n_passages = g_list_model_get_n_items (G_LIST_MODEL (layer)) -
                     gloss_layer_count_tag (layer, GLOSS_CONSENSUS_REJECTED_TAG);
  work->n_moved = gloss_layer_count_status (layer, GLOSS_ANCHOR_MOVED);
  work->n_orphaned = gloss_layer_count_status (layer, GLOSS_ANCHOR_ORPHANED);
  work->n_relations_attention = gloss_layer_count_relations_needing_attention (layer);
  work->done_at = g_strdup (gloss_annotation_file_get_done_at (file));

  if (work->n_moved > 0 || work->n_orphaned > 0 || work->n_relations_attention > 0)
    {
      work->status = GLOSS_WORK_NEEDS_ATTENTION;
      work->reason = attention_reason (work->file, work->n_moved, work->n_orphaned,
                                       work->n_relations_attention);
    }
  else if (gloss_annotation_file_get_done (file))
    work->status = GLOSS_WORK_DONE;
  else if (work->n_passages == 0)
    work->status = GLOSS_WORK_NOT_STARTED;
  else
    work->status = GLOSS_WORK_IN_PROGRESS;
}

/* The annotation file of @annotator among @files, or NULL. */
static GFile *
file_of (GPtrArray  *files,
         const char *article_name,
         const char *annotator)
{
  for (guint i = 0; files != NULL && i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *id = gloss_annotation_file_name_annotator (name, article_name);

      if (g_strcmp0 (id, annotator) == 0)
        return file;
    }

  return NULL;
}

/* The annotators of @files, in their order. */
static GStrv
annotators_of (GPtrArray  *files,
               const char *article_name)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; files != NULL && i < files->len; i++)
    {
      g_autofree char *name = g_file_get_basename (g_ptr_array_index (files, i));
      g_autofree char *id = gloss_annotation_file_name_annotator (name, article_name);

      if (id != NULL)
        g_strv_builder_add (builder, id);
    }

  return g_strv_builder_end (builder);
}

GlossArticleStatus *
gloss_article_status_read (GFile              *article,
                           GPtrArray          *annotation_files,
                           const char * const *annotators,
                           GCancellable       *cancellable)
{
  GlossArticleStatus *status;
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *article_name = NULL;
  g_auto(GStrv) own = NULL;

  g_return_val_if_fail (G_IS_FILE (article), NULL);

  status = g_new0 (GlossArticleStatus, 1);
  status->article = g_object_ref (article);
  status->work = g_ptr_array_new_with_free_func (work_free);
  article_name = g_file_get_basename (article);
  if (annotators == NULL)
    annotators = (const char * const *) (own = annotators_of (annotation_files, article_name));

  source = gloss_corpus_read_article (article, cancellable, &error);
  if (source != NULL)
    {
      status->title = title_of (source);
      status->length = gloss_source_get_length (source);
    }
  else
    {
      status->title = g_strdup (article_name);
      status->problem = g_strdup (error->message);
    }

  for (guint i = 0; annotators[i] != NULL; i++)
    {
      GlossAnnotatorWork *work = g_new0 (GlossAnnotatorWork, 1);
      GFile *file = file_of (annotation_files, article_name, annotators[i]);

      work->annotator = g_strdup (annotators[i]);
      work->file = file != NULL ? g_object_ref (file) : NULL;
      work->modified = -1;
      work->status = GLOSS_WORK_NOT_STARTED;
      g_ptr_array_add (status->work, work);

      if (source == NULL)
        {
          /* Nothing can be counted against an article that cannot be
           * read: the annotator's work cannot be judged either. */
          work->status = GLOSS_WORK_NEEDS_ATTENTION;
          work->reason = g_strdup (status->problem);
          if (file != NULL)
            work->modified = modified_of (file);
        }
      else if (file != NULL)
        {
          read_work (work, source, cancellable);
        }
    }

  return status;
}

GPtrArray *
gloss_corpus_status_scan (GlossCorpusListing *listing,
                          const char         *annotator,
                          GCancellable       *cancellable)
{
  GPtrArray *out;
  const char *one[] = { annotator, NULL };
  const char * const *annotators;

  g_return_val_if_fail (listing != NULL, NULL);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_article_status_free);
  annotators = annotator != NULL ? one : (const char * const *) listing->annotators->pdata;
  for (guint i = 0; i < listing->articles->len; i++)
    {
      GlossCorpusArticle *entry = g_ptr_array_index (listing->articles, i);

      if (g_cancellable_is_cancelled (cancellable))
        break;
      g_ptr_array_add (out, gloss_article_status_read (entry->article, entry->annotation_files,
                                                       annotators, cancellable));
    }
  return out;
}
