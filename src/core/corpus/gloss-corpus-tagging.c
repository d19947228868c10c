/* gloss-corpus-tagging.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Tag All in Corpus on an article's own file: loaded as it is on disk,
 * changed, and saved with the annotation file's own conflict check, so
 * that another writer's work is never replaced. */

#define G_LOG_DOMAIN "gloss-corpus"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-annotation-file.h"
#include "gloss-corpus.h"
#include "gloss-corpus-tagging.h"
#include "gloss-error.h"
#include "gloss-search.h"

char *
gloss_file_stamp (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GDateTime) modified = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return g_strdup ("-");
  modified = g_file_info_get_modification_date_time (info);
  return g_strdup_printf ("%" G_GOFFSET_FORMAT ":%" G_GINT64_FORMAT, g_file_info_get_size (info),
                          modified != NULL ? g_date_time_to_unix (modified) * G_USEC_PER_SEC +
                                             g_date_time_get_microsecond (modified) : 0);
}

char *
gloss_corpus_article_stamp (GFile      *article,
                            const char *annotator)
{
  g_autoptr(GFile) own = NULL;
  g_autofree char *article_stamp = NULL;
  g_autofree char *own_stamp = NULL;

  g_return_val_if_fail (G_IS_FILE (article), NULL);
  g_return_val_if_fail (annotator != NULL, NULL);

  own = gloss_annotation_file_path_for (article, annotator);
  article_stamp = gloss_file_stamp (article);
  own_stamp = gloss_file_stamp (own);
  return g_strconcat (article_stamp, " ", own_stamp, NULL);
}

static gboolean
check_stamp (GFile       *article,
             const char  *annotator,
             const char  *stamp,
             GError     **error)
{
  g_autofree char *now = gloss_corpus_article_stamp (article, annotator);
  g_autofree char *display = NULL;

  if (stamp == NULL || g_str_equal (now, stamp))
    return TRUE;
  display = g_file_get_parse_name (article);
  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED_ON_DISK,
               /* Translators: an article's file name */
               _("“%s” or its annotation file changed on disk since the search; it was left as it is"),
               display);
  return FALSE;
}

GlossAnnotationFile *
gloss_corpus_load_writable (GFile          *path,
                            GlossSource    *source,
                            GlossCodebook  *codebook,
                            GError        **error)
{
  g_autoptr(GlossAnnotationFile) file = NULL;

  g_return_val_if_fail (G_IS_FILE (path), NULL);
  g_return_val_if_fail (GLOSS_IS_SOURCE (source), NULL);

  file = gloss_annotation_file_load (path, GLOSS_LOAD_ALLOW_NEWER, NULL, error);
  if (file == NULL)
    return NULL;
  if (gloss_annotation_file_get_read_only (file))
    {
      g_autofree char *display = g_file_get_parse_name (path);

      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_READ_ONLY,
                   _("“%s” was written by a newer Gloss; it is left as it is"), display);
      return NULL;
    }
  gloss_annotation_file_set_codebook (file, codebook);
  if (!gloss_annotation_file_attach_source (file, source, error))
    return NULL;
  return g_steal_pointer (&file);
}

/* @annotator's file on @article as it is on disk, anchored in the article
 * (a new one, named @name, when there is none); NULL when it cannot be
 * changed. */
static GlossAnnotationFile *
open_own (GFile       *article,
          const char  *annotator,
          const char  *name,
          GError     **error)
{
  g_autoptr(GFile) path = gloss_annotation_file_path_for (article, annotator);
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GlossCodebook) codebook = NULL;
  g_autoptr(GlossAnnotationFile) file = NULL;

  source = gloss_corpus_read_article (article, NULL, error);
  if (source == NULL)
    return NULL;
  codebook = gloss_codebook_new_for_article (article, error);
  if (codebook == NULL)
    return NULL;

  if (!g_file_query_exists (path, NULL))
    {
      file = gloss_annotation_file_new (source, annotator, name != NULL ? name : annotator);
      gloss_annotation_file_set_codebook (file, codebook);
      return g_steal_pointer (&file);
    }

  return gloss_corpus_load_writable (path, source, codebook, error);
}

GStrv
gloss_corpus_tag_ranges (GlossLayer *layer,
                         const char *tag,
                         GArray     *ranges)
{
  g_autoptr(GStrvBuilder) added = g_strv_builder_new ();

  g_return_val_if_fail (GLOSS_IS_LAYER (layer), NULL);
  g_return_val_if_fail (tag != NULL && ranges != NULL, NULL);

  for (guint i = 0; i < ranges->len; i++)
    {
      GlossRange *range = &g_array_index (ranges, GlossRange, i);
      GlossAnnotation *a;

      if (gloss_layer_find (layer, tag, range->start, range->end) != NULL)
        continue;
      a = gloss_layer_annotate (layer, tag, range->start, range->end, NULL);
      if (a != NULL)
        g_strv_builder_add (added, gloss_annotation_get_id (a));
    }
  return g_strv_builder_end (added);
}

guint
gloss_corpus_remove_ids (GlossLayer         *layer,
                         const char * const *ids)
{
  guint removed = 0;

  g_return_val_if_fail (GLOSS_IS_LAYER (layer), 0);
  g_return_val_if_fail (ids != NULL, 0);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      GlossAnnotation *a = gloss_layer_lookup (layer, ids[i]);

      if (a != NULL && gloss_layer_remove (layer, a))
        removed++;
    }
  return removed;
}

GStrv
gloss_corpus_tag_article (GFile       *article,
                          const char  *annotator,
                          const char  *name,
                          const char  *tag,
                          GArray      *ranges,
                          const char  *stamp,
                          GError     **error)
{
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_auto(GStrv) added = NULL;

  g_return_val_if_fail (G_IS_FILE (article), NULL);
  g_return_val_if_fail (annotator != NULL && tag != NULL && ranges != NULL, NULL);

  if (!check_stamp (article, annotator, stamp, error))
    return NULL;
  file = open_own (article, annotator, name, error);
  if (file == NULL)
    return NULL;

  added = gloss_corpus_tag_ranges (gloss_annotation_file_get_layer (file), tag, ranges);

  /* Nothing new: the file is left as it is, not even created. */
  if (added[0] != NULL && !gloss_annotation_file_save (file, GLOSS_SAVE_NONE, NULL, error))
    return NULL;
  return g_steal_pointer (&added);
}

gboolean
gloss_corpus_untag_article (GFile               *article,
                            const char          *annotator,
                            const char * const  *ids,
                            guint               *n_removed,
                            GError             **error)
{
  g_autoptr(GlossAnnotationFile) file = NULL;
  guint removed;

  g_return_val_if_fail (G_IS_FILE (article), FALSE);
  g_return_val_if_fail (annotator != NULL && ids != NULL, FALSE);

  if (n_removed != NULL)
    *n_removed = 0;
  file = open_own (article, annotator, NULL, error);
  if (file == NULL)
    return FALSE;

  removed = gloss_corpus_remove_ids (gloss_annotation_file_get_layer (file), ids);
  if (removed > 0 && !gloss_annotation_file_save (file, GLOSS_SAVE_NONE, NULL, error))
    return FALSE;
  if (n_removed != NULL)
    *n_removed = removed;
  return TRUE;
}
