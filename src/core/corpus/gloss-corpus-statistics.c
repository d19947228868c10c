/* gloss-corpus-statistics.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Passages per tag and annotator over a corpus: each article read once,
 * its annotation files anchored in it, and only the counts kept. */

#define G_LOG_DOMAIN "gloss-corpus"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "gloss-annotation-file.h"
#include "gloss-corpus.h"
#include "gloss-corpus-statistics.h"
#include "gloss-corpus-status.h"

static void
count_free (gpointer data)
{
  GlossTagCount *count = data;

  g_free (count->article);
  g_free (count->tag);
  g_free (count->annotator);
  g_free (count);
}

void
gloss_corpus_statistics_free (GlossCorpusStatistics *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->counts);
  g_ptr_array_unref (self->tags);
  g_ptr_array_unref (self->annotators);
  g_ptr_array_unref (self->problems);
  g_free (self);
}

/* The key of a tag and an annotator in the tables of counts. */
static char *
key_of (const char *tag,
        const char *annotator)
{
  return g_strconcat (tag, "\n", annotator, NULL);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Appends the counts of @table (key → count) for @article, sorted by
 * tag then annotator. */
static void
append_counts (GPtrArray  *counts,
               GHashTable *table,
               const char *article)
{
  g_autofree gpointer *keys = (gpointer *) g_hash_table_get_keys_as_array (table, NULL);
  guint n = g_hash_table_size (table);

  qsort (keys, n, sizeof (gpointer), compare_keys);
  for (guint i = 0; i < n; i++)
    {
      GlossTagCount *count = g_new0 (GlossTagCount, 1);
      const char *key = keys[i];
      const char *newline = strchr (key, '\n');

      count->article = g_strdup (article);
      count->tag = g_strndup (key, newline - key);
      count->annotator = g_strdup (newline + 1);
      count->passages = GPOINTER_TO_UINT (g_hash_table_lookup (table, key));
      g_ptr_array_add (counts, count);
    }
}

static void
add_to (GHashTable *table,
        const char *key,
        guint       n)
{
  guint now = GPOINTER_TO_UINT (g_hash_table_lookup (table, key));

  g_hash_table_insert (table, g_strdup (key), GUINT_TO_POINTER (now + n));
}

static void
count_article (GlossCorpusStatistics *self,
               GlossCorpusArticle    *article,
               GHashTable            *counts,
               GCancellable          *cancellable)
{
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;

  source = gloss_corpus_read_article (article->article, cancellable, &error);
  if (source == NULL)
    {
      g_ptr_array_add (self->problems, g_strdup (error->message));
      return;
    }
  files = gloss_corpus_open_annotation_files (article->article, source, article->annotation_files, NULL,
                                              self->problems, cancellable);
  for (guint i = 0; i < files->len; i++)
    {
      GlossLayer *layer = gloss_annotation_file_get_layer (g_ptr_array_index (files, i));
      guint n = g_list_model_get_n_items (G_LIST_MODEL (layer));

      for (guint k = 0; k < n; k++)
        {
          g_autoptr(GlossAnnotation) a = g_list_model_get_item (G_LIST_MODEL (layer), k);
          g_autofree char *key = NULL;

          if (gloss_annotation_get_status (a) == GLOSS_ANCHOR_ORPHANED)
            continue;
          key = key_of (gloss_annotation_get_tag (a), gloss_layer_get_annotator_id (layer));
          add_to (counts, key, 1);
        }
    }
}

static void
add_names (GHashTable *set,
           GPtrArray  *names)
{
  g_autofree gpointer *keys = (gpointer *) g_hash_table_get_keys_as_array (set, NULL);
  guint n = g_hash_table_size (set);

  qsort (keys, n, sizeof (gpointer), compare_keys);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (names, g_strdup (keys[i]));
}

GlossCorpusStatistics *
gloss_corpus_statistics_new (GFile          *folder,
                             void          (*progress) (guint    n_done,
                                                        guint    n_total,
                                                        gpointer user_data),
                             gpointer        user_data,
                             GCancellable   *cancellable,
                             GError        **error)
{
  g_autoptr(GlossCorpusListing) listing = NULL;
  g_autoptr(GlossCorpusStatistics) self = NULL;
  g_autoptr(GHashTable) totals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) annotators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) per_article = g_ptr_array_new_with_free_func (count_free);

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  listing = gloss_corpus_listing_new (folder, cancellable, error);
  if (listing == NULL)
    return NULL;

  self = g_new0 (GlossCorpusStatistics, 1);
  self->counts = g_ptr_array_new_with_free_func (count_free);
  self->tags = g_ptr_array_new_with_free_func (g_free);
  self->annotators = g_ptr_array_new_with_free_func (g_free);
  self->problems = g_ptr_array_new_with_free_func (g_free);
  self->n_articles = listing->articles->len;

  for (guint i = 0; i < listing->articles->len; i++)
    {
      GlossCorpusArticle *article = g_ptr_array_index (listing->articles, i);
      g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autofree char *path = g_file_get_relative_path (folder, article->article);
      GHashTableIter iter;
      gpointer key, value;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      count_article (self, article, counts, cancellable);
      g_hash_table_iter_init (&iter, counts);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          const char *newline = strchr (key, '\n');

          add_to (totals, key, GPOINTER_TO_UINT (value));
          g_hash_table_add (tags, g_strndup (key, newline - (const char *) key));
          g_hash_table_add (annotators, g_strdup (newline + 1));
        }
      append_counts (per_article, counts, path != NULL ? path : "");
      if (progress != NULL)
        progress (i + 1, listing->articles->len, user_data);
    }

  append_counts (self->counts, totals, NULL);
  g_ptr_array_extend_and_steal (self->counts, g_steal_pointer (&per_article));
  add_names (tags, self->tags);
  add_names (annotators, self->annotators);
  return g_steal_pointer (&self);
}

guint
gloss_corpus_statistics_total (GlossCorpusStatistics *self,
                               const char            *tag,
                               const char            *annotator)
{
  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->counts->len; i++)
    {
      GlossTagCount *count = g_ptr_array_index (self->counts, i);

      if (count->article != NULL)
        break;
      if (g_str_equal (count->tag, tag) && g_str_equal (count->annotator, annotator))
        return count->passages;
    }
  return 0;
}
