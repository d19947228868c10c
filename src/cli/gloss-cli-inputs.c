/* gloss-cli-inputs.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-cli-common.h"
#include "gloss-cli-inputs.h"
#include "gloss-annotation-file.h"
#include "gloss-corpus.h"
#include "gloss-file-io.h"

void
gloss_cli_input_free (gpointer data)
{
  GlossCliInput *item = data;

  g_object_unref (item->article);
  g_free (item->name);
  g_clear_pointer (&item->annotation_files, g_ptr_array_unref);
  g_free (item);
}

static void
add_item (GPtrArray  *items,
          GFile      *article,
          const char *name,
          GFile      *annotation_file)
{
  GlossCliInput *item = g_new0 (GlossCliInput, 1);

  item->article = g_object_ref (article);
  item->name = g_strdup (name);
  if (annotation_file != NULL)
    {
      item->annotation_files = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (item->annotation_files, g_object_ref (annotation_file));
    }
  g_ptr_array_add (items, item);
}

guint
gloss_cli_collect_inputs (const char *path,
                          GPtrArray  *items)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  GFileType type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL);

  if (type == G_FILE_TYPE_UNKNOWN)
    {
      /* Translators: a file name */
      g_printerr (_("“%s”: no such file"), path);
      g_printerr ("\n");
      return 1;
    }

  if (type == G_FILE_TYPE_DIRECTORY)
    {
      g_autoptr(GPtrArray) articles = gloss_corpus_list_articles (file, NULL, &error);

      if (articles == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (articles->len == 0)
        {
          /* Translators: a folder name */
          g_printerr (_("“%s” holds no annotated article"), path);
          g_printerr ("\n");
        }

      for (guint i = 0; i < articles->len; i++)
        {
          GlossCorpusArticle *entry = g_ptr_array_index (articles, i);
          g_autofree char *name = g_file_get_relative_path (file, entry->article);
          GlossCliInput *item;

          add_item (items, entry->article, name, NULL);
          /* The walk read the folder: no need to read it again. */
          item = g_ptr_array_index (items, items->len - 1);
          item->annotation_files = g_ptr_array_ref (entry->annotation_files);
        }
      return 0;
    }

  if (gloss_cli_is_annotation_file (path))
    {
      g_autoptr(GFile) article = gloss_corpus_article_of (file);
      g_autofree char *name = NULL;

      if (article == NULL)
        {
          /* Translators: a file name */
          g_printerr (_("“%s” is not named as an annotation file (ARTICLE.ANNOTATOR.gloss.json)"), path);
          g_printerr ("\n");
          return 1;
        }
      name = g_file_get_basename (article);
      add_item (items, article, name, file);
      return 0;
    }

  {
    g_autofree char *name = g_file_get_basename (file);

    add_item (items, file, name, NULL);
  }
  return 0;
}


gboolean
gloss_cli_destination_is_input (GFile     *destination,
                                GPtrArray *items)
{
  g_autofree char *name = g_file_get_basename (destination);
  g_autofree char *identity = NULL;

  if (name != NULL && g_str_has_suffix (name, GLOSS_ANNOTATION_FILE_SUFFIX))
    return TRUE;

  identity = gloss_file_get_identity (destination);
  if (identity == NULL)
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      GlossCliInput *item = g_ptr_array_index (items, i);
      g_autofree char *article = gloss_file_get_identity (item->article);

      if (g_strcmp0 (article, identity) == 0)
        return TRUE;
      for (guint j = 0; item->annotation_files != NULL && j < item->annotation_files->len; j++)
        {
          g_autofree char *file = gloss_file_get_identity (g_ptr_array_index (item->annotation_files, j));

          if (g_strcmp0 (file, identity) == 0)
            return TRUE;
        }
    }

  return FALSE;
}
