/* gloss-cli-corpus.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The folders the corpus commands (status, concordance) are given,
 * walked for every article, annotated or not. */

#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-cli-common.h"
#include "gloss-corpus-status.h"
#include "gloss-corpus.h"

static void
add_article (GPtrArray  *items,
             GFile      *article,
             char       *name,
             GPtrArray  *annotation_files)
{
  GlossCliArticle *item = g_new0 (GlossCliArticle, 1);

  item->article = g_object_ref (article);
  item->name = name;
  item->annotation_files = g_ptr_array_ref (annotation_files);
  g_ptr_array_add (items, item);
}

static void
add_annotators (GHashTable *annotators,
                GFile      *article,
                GPtrArray  *annotation_files)
{
  g_autofree char *article_name = g_file_get_basename (article);

  for (guint i = 0; annotators != NULL && i < annotation_files->len; i++)
    {
      g_autofree char *name = g_file_get_basename (g_ptr_array_index (annotation_files, i));
      char *id = gloss_annotation_file_name_annotator (name, article_name);

      if (id != NULL)
        g_hash_table_add (annotators, id);
    }
}

/* An article named alone, with every annotation file beside it. */
static guint
scan_article (const char *path,
              GFile      *file,
              GPtrArray  *items,
              GHashTable *annotators,
              GPtrArray  *messages)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;

  if (gloss_cli_is_annotation_file (path))
    {
      /* Translators: a file name */
      gloss_cli_say (messages,
                     g_strdup_printf (_("“%s” is an annotation file; give its article or a folder"),
                                      path));
      return 1;
    }

  files = gloss_annotation_file_list_for (file, NULL, &error);
  if (files == NULL)
    {
      gloss_cli_say (messages, g_strdup (error->message));
      return 1;
    }

  add_annotators (annotators, file, files);
  add_article (items, file, g_strdup (path), files);
  return 0;
}

static guint
scan_folder (const char *path,
             GFile      *folder,
             GPtrArray  *items,
             GHashTable *annotators,
             GPtrArray  *messages)
{
  g_autoptr(GlossCorpusListing) listing = NULL;
  g_autoptr(GError) error = NULL;
  guint problems = 0;

  listing = gloss_corpus_listing_new (folder, NULL, &error);
  if (listing == NULL)
    {
      gloss_cli_say (messages, g_strdup (error->message));
      return 1;
    }

  for (guint i = 0; i < listing->skipped->len; i++)
    {
      GlossCorpusSkip *skip = g_ptr_array_index (listing->skipped, i);

      gloss_cli_say (messages, g_strdup (skip->reason));
      if (skip->is_problem)
        problems++;
    }

  if (listing->articles->len == 0)
    {
      /* Translators: a folder name */
      gloss_cli_say (messages,
                     g_strdup_printf (_("“%s” holds no article (no .txt, .html, .xml or annotated "
                                        "file)"), path));
      return problems + 1;
    }

  for (guint i = 0; i < listing->articles->len; i++)
    {
      GlossCorpusArticle *entry = g_ptr_array_index (listing->articles, i);
      g_autofree char *relative = g_file_get_relative_path (folder, entry->article);

      add_annotators (annotators, entry->article, entry->annotation_files);
      /* "a.txt" rather than "./a.txt" for the current folder. */
      add_article (items, entry->article,
                   g_strcmp0 (path, ".") == 0 ? g_strdup (relative)
                                              : g_build_filename (path, relative, NULL),
                   entry->annotation_files);
    }

  return problems;
}

guint
gloss_cli_scan_corpus (char       **paths,
                       GPtrArray   *items,
                       GHashTable  *annotators,
                       GPtrArray   *messages)
{
  guint problems = 0;

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);
      GFileType type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL);

      if (type == G_FILE_TYPE_DIRECTORY)
        problems += scan_folder (paths[i], file, items, annotators, messages);
      else if (type == G_FILE_TYPE_REGULAR)
        problems += scan_article (paths[i], file, items, annotators, messages);
      else
        {
          if (type == G_FILE_TYPE_UNKNOWN)
            /* Translators: a file name */
            gloss_cli_say (messages, g_strdup_printf (_("“%s”: no such file"), paths[i]));
          else
            /* Translators: a file name */
            gloss_cli_say (messages,
                           g_strdup_printf (_("“%s” is neither a folder nor a regular file; it "
                                              "was not opened"), paths[i]));
          problems++;
        }
    }

  return problems;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

GStrv
gloss_cli_sorted_ids (GHashTable *annotators)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, annotators);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (ids, g_strdup (key));
  g_ptr_array_sort (ids, compare_ids);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}
