/* gloss-corpus.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-corpus"

#include "config.h"

#include <string.h>

#include "gloss-annotation-file.h"
#include "gloss-codebook.h"
#include "gloss-corpus.h"

void
gloss_corpus_article_free (GlossCorpusArticle *entry)
{
  if (entry == NULL)
    return;

  g_clear_object (&entry->article);
  g_clear_pointer (&entry->annotation_files, g_ptr_array_unref);
  g_free (entry);
}

GlossSource *
gloss_corpus_read_article (GFile         *article,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (article), NULL);

  /* Plain text as it is; HTML and XML pages as their readers extract
   * them, so that offsets are those of the text the user annotated. */
  return gloss_source_new_from_article (article, 0, cancellable, error);
}

/* The article name in an annotation file's name: everything before
 * ".<annotator>.gloss.json". */
static char *
article_name_of (const char *name)
{
  const char *stem_end, *dot;

  if (!gloss_annotation_file_name_is_valid (name))
    return NULL;

  stem_end = name + strlen (name) - strlen (GLOSS_ANNOTATION_FILE_SUFFIX);
  for (dot = stem_end - 1; dot > name && *dot != '.'; dot--)
    ;

  return g_strndup (name, dot - name);
}

GFile *
gloss_corpus_article_of (GFile *annotation_file)
{
  g_autofree char *name = NULL;
  g_autofree char *article = NULL;
  g_autoptr(GFile) dir = NULL;

  g_return_val_if_fail (G_IS_FILE (annotation_file), NULL);

  name = g_file_get_basename (annotation_file);
  article = article_name_of (name);
  if (article == NULL)
    return NULL;

  dir = g_file_get_parent (annotation_file);
  return g_file_get_child (dir, article);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

static gboolean
walk (GFile         *folder,
      GPtrArray     *out,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GHashTable) regular = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) annotation_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) folders = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) by_article = NULL;
  g_autoptr(GPtrArray) articles = g_ptr_array_new ();

  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                          cancellable, error);
  if (enumerator == NULL)
    return FALSE;

  for (;;)
    {
      GFileInfo *info;
      const char *name;
      GFileType type;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, cancellable, error))
        return FALSE;
      if (info == NULL)
        break;

      name = g_file_info_get_name (info);
      type = g_file_info_get_file_type (info);
      if (name[0] == '.')
        continue;

      if (type == G_FILE_TYPE_DIRECTORY)
        g_ptr_array_add (folders, g_strdup (name));
      else if (gloss_annotation_file_name_is_valid (name))
        g_ptr_array_add (annotation_names, g_strdup (name));
      else if (type == G_FILE_TYPE_REGULAR || type == G_FILE_TYPE_SYMBOLIC_LINK)
        g_hash_table_add (regular, g_strdup (name));
    }

  /* Sorted names keep each article's annotation files in name order. */
  g_ptr_array_sort (annotation_names, compare_names);
  by_article = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < annotation_names->len; i++)
    {
      const char *name = g_ptr_array_index (annotation_names, i);
      g_autofree char *article = article_name_of (name);
      GlossCorpusArticle *entry;

      /* An annotation file whose article is gone is the business of
       * "gloss-cli validate", not of a walk. */
      if (article == NULL || !g_hash_table_contains (regular, article))
        continue;

      entry = g_hash_table_lookup (by_article, article);
      if (entry == NULL)
        {
          entry = g_new0 (GlossCorpusArticle, 1);
          entry->article = g_file_get_child (folder, article);
          entry->annotation_files = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_article, g_file_get_basename (entry->article), entry);
          g_ptr_array_add (articles, entry);
        }
      g_ptr_array_add (entry->annotation_files, g_file_get_child (folder, name));
    }

  for (guint i = 0; i < articles->len; i++)
    g_ptr_array_add (out, g_ptr_array_index (articles, i));

  g_ptr_array_sort (folders, compare_names);
  for (guint i = 0; i < folders->len; i++)
    {
      g_autoptr(GFile) child = g_file_get_child (folder, g_ptr_array_index (folders, i));

      if (!walk (child, out, cancellable, error))
        return FALSE;
    }

  return TRUE;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const GlossCorpusArticle *ea = *(const GlossCorpusArticle **)a;
  const GlossCorpusArticle *eb = *(const GlossCorpusArticle **)b;
  g_autofree char *pa = g_file_get_path (ea->article);
  g_autofree char *pb = g_file_get_path (eb->article);

  return g_strcmp0 (pa, pb);
}

GPtrArray *
gloss_corpus_list_articles (GFile         *folder,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GPtrArray) out = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify)gloss_corpus_article_free);
  if (!walk (folder, out, cancellable, error))
    return NULL;

  g_ptr_array_sort (out, compare_entries);
  return g_steal_pointer (&out);
}

GPtrArray *
gloss_corpus_open_annotation_files (GFile        *article,
                                    GlossSource  *source,
                                    GPtrArray    *candidates,
                                    GHashTable   *annotators,
                                    GPtrArray    *problems,
                                    GCancellable *cancellable)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossCodebook) codebook = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *article_name = NULL;

  g_return_val_if_fail (G_IS_FILE (article), NULL);
  g_return_val_if_fail (GLOSS_IS_SOURCE (source), NULL);
  g_return_val_if_fail (candidates != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  codebook = gloss_codebook_new_for_article (article, &error);
  if (codebook == NULL)
    {
      g_ptr_array_add (problems, g_strdup (error->message));
      return g_steal_pointer (&files);
    }

  article_name = g_file_get_basename (article);
  for (guint i = 0; i < candidates->len; i++)
    {
      GFile *path = g_ptr_array_index (candidates, i);
      g_autoptr(GlossAnnotationFile) file = NULL;

      /* By the name first, so that another annotator's broken file does
       * not spoil this one's work. */
      if (annotators != NULL)
        {
          g_autofree char *base = g_file_get_basename (path);
          g_autofree char *id = gloss_annotation_file_name_annotator (base, article_name);

          if (id != NULL && !g_hash_table_contains (annotators, id))
            continue;
        }

      file = gloss_annotation_file_load (path, GLOSS_LOAD_ALLOW_NEWER, cancellable, &error);
      if (file != NULL)
        {
          gloss_annotation_file_set_codebook (file, codebook);
          if (!gloss_annotation_file_attach_source (file, source, &error))
            g_clear_object (&file);
        }
      if (file == NULL)
        {
          g_ptr_array_add (problems, g_strdup (error->message));
          g_clear_error (&error);
          continue;
        }
      g_ptr_array_add (files, g_steal_pointer (&file));
    }

  return g_steal_pointer (&files);
}
