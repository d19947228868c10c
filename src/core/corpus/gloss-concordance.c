/* gloss-concordance.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Keyword in context over one article: the phrase found by the model's
 * search (gloss_source_find_all, which folds case a character at a time
 * so that offsets stay exact), or a tag's passages read from the
 * annotation files beside the article. */

#define G_LOG_DOMAIN "gloss-corpus"

#include "config.h"

#include "gloss-annotation-file.h"
#include "gloss-concordance.h"
#include "gloss-corpus.h"
#include "gloss-search.h"

static void
row_clear (gpointer data)
{
  GlossConcordanceRow *row = data;

  g_free (row->left);
  g_free (row->text);
  g_free (row->right);
  g_free (row->tag);
  g_free (row->annotator);
}

void
gloss_concordance_hits_free (GlossConcordanceHits *hits)
{
  if (hits == NULL)
    return;
  g_array_unref (hits->rows);
  g_ptr_array_unref (hits->problems);
  g_free (hits);
}

static void
add_row (GlossConcordanceHits *hits,
         GlossSource          *source,
         guint                 start,
         guint                 end,
         const char           *tag,
         const char           *annotator,
         guint                 context)
{
  guint length = gloss_source_get_length (source);
  GlossConcordanceRow row = {
    start, end,
    gloss_source_dup_slice (source, start > context ? start - context : 0, start),
    gloss_source_dup_slice (source, start, end),
    gloss_source_dup_slice (source, end, end + MIN (context, length - MIN (end, length))),
    g_strdup (tag), g_strdup (annotator),
  };

  g_array_append_val (hits->rows, row);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const GlossConcordanceRow *ra = a;
  const GlossConcordanceRow *rb = b;

  if (ra->start != rb->start)
    return ra->start < rb->start ? -1 : 1;
  if (ra->end != rb->end)
    return ra->end < rb->end ? -1 : 1;
  return g_strcmp0 (ra->annotator, rb->annotator);
}

static void
find_phrase (GlossConcordanceHits        *hits,
             const GlossConcordanceQuery *query,
             GlossSource                 *source)
{
  GlossFindFlags flags = GLOSS_FIND_NONE;
  g_autoptr(GArray) ranges = NULL;

  if (!query->match_case)
    flags |= GLOSS_FIND_IGNORE_CASE;
  if (query->whole_words)
    flags |= GLOSS_FIND_WHOLE_WORD;
  ranges = gloss_source_find_all (source, query->match, flags);
  for (guint i = 0; i < ranges->len; i++)
    {
      GlossRange *r = &g_array_index (ranges, GlossRange, i);

      add_row (hits, source, r->start, r->end, NULL, NULL, query->context);
    }
}

/* The passages of the tag in @annotation_files (of one annotator when
 * asked), wherever they are now in the article. */
static void
find_passages (GlossConcordanceHits        *hits,
               const GlossConcordanceQuery *query,
               GFile                       *article,
               GlossSource                 *source,
               GPtrArray                   *annotation_files,
               GCancellable                *cancellable)
{
  g_autoptr(GHashTable) only = NULL;
  g_autoptr(GPtrArray) files = NULL;

  if (query->annotator != NULL)
    {
      only = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_add (only, (gpointer) query->annotator);
    }
  files = gloss_corpus_open_annotation_files (article, source, annotation_files, only,
                                              hits->problems, cancellable);

  for (guint i = 0; i < files->len; i++)
    {
      GlossLayer *layer = gloss_annotation_file_get_layer (g_ptr_array_index (files, i));
      guint n = g_list_model_get_n_items (G_LIST_MODEL (layer));

      for (guint k = 0; k < n; k++)
        {
          g_autoptr(GlossAnnotation) a = g_list_model_get_item (G_LIST_MODEL (layer), k);

          if (g_strcmp0 (gloss_annotation_get_tag (a), query->tag) != 0 ||
              gloss_annotation_get_status (a) == GLOSS_ANCHOR_ORPHANED)
            continue;
          add_row (hits, source, gloss_annotation_get_start (a), gloss_annotation_get_end (a),
                   query->tag, gloss_layer_get_annotator_id (layer), query->context);
        }
    }
  g_array_sort (hits->rows, compare_rows);
}

GlossConcordanceHits *
gloss_concordance_search (const GlossConcordanceQuery *query,
                          GFile                       *article,
                          GPtrArray                   *annotation_files,
                          GCancellable                *cancellable)
{
  GlossConcordanceHits *hits;
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail ((query->match == NULL) != (query->tag == NULL), NULL);
  g_return_val_if_fail (G_IS_FILE (article), NULL);

  hits = g_new0 (GlossConcordanceHits, 1);
  hits->rows = g_array_new (FALSE, FALSE, sizeof (GlossConcordanceRow));
  g_array_set_clear_func (hits->rows, row_clear);
  hits->problems = g_ptr_array_new_with_free_func (g_free);

  source = gloss_corpus_read_article (article, cancellable, &error);
  if (source == NULL)
    {
      g_ptr_array_add (hits->problems, g_strdup (error->message));
      return hits;
    }

  if (query->match != NULL)
    find_phrase (hits, query, source);
  else if (annotation_files != NULL)
    find_passages (hits, query, article, source, annotation_files, cancellable);

  return hits;
}
