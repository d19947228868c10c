/* gloss-concordance-dialog-search.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The concordance's search, in a worker thread: the folder is walked,
 * then each article searched by the core's concordance, and the rows
 * found handed to the main context in batches, with how many articles
 * are done, so that the table fills in while the search runs.  Every
 * batch carries the number of its search: one that arrives after a new
 * search began is dropped unseen. */

#define G_LOG_DOMAIN "gloss-concordance"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-concordance-dialog-private.h"
#include "gloss-concordance-item.h"
#include "gloss-corpus.h"
#include "gloss-corpus-status.h"
#include "gloss-corpus-tagging.h"

/* How long the thread gathers rows before it hands them over. */
#define BATCH_USEC (100 * G_TIME_SPAN_MILLISECOND)

/* What the thread searches: the query with strings of its own. */
typedef struct
{
  GFile *folder;
  char *match;
  char *tag;
  char *annotator;
  char *user;                      /* whose files Tag All would change: stamped for a phrase */
  GlossConcordanceQuery query;
  GlossConcordanceDialog *dialog;  /* a reference, only handed back to the main context */
  guint generation;
} Search;

/* What the thread hands over. */
typedef struct
{
  GlossConcordanceDialog *dialog;
  guint generation;
  GPtrArray *items;              /* GlossConcordanceItem */
  GPtrArray *inputs;             /* every article's URI, in the first batch; or NULL */
  GPtrArray *problems;           /* messages naming a file */
  GPtrArray *stamps;             /* URI, stamp, URI, stamp… of the articles with rows */
  guint n_done;
  guint n_total;
  guint n_articles;              /* articles with a row, in this batch */
  gboolean last;
} Batch;

static void
search_free (gpointer data)
{
  Search *search = data;

  g_object_unref (search->folder);
  g_free (search->match);
  g_free (search->tag);
  g_free (search->annotator);
  g_free (search->user);
  g_object_unref (search->dialog);
  g_free (search);
}

static Batch *
batch_new (Search *search)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->dialog = g_object_ref (search->dialog);
  batch->generation = search->generation;
  batch->items = g_ptr_array_new_with_free_func (g_object_unref);
  batch->problems = g_ptr_array_new_with_free_func (g_free);
  batch->stamps = g_ptr_array_new_with_free_func (g_free);
  return batch;
}

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  g_object_unref (batch->dialog);
  g_ptr_array_unref (batch->items);
  g_clear_pointer (&batch->inputs, g_ptr_array_unref);
  g_ptr_array_unref (batch->problems);
  g_ptr_array_unref (batch->stamps);
  g_free (batch);
}

/* In the main context: the batch's rows go in the table. */
static gboolean
take_batch (gpointer data)
{
  Batch *batch = data;
  GlossConcordanceDialog *self = batch->dialog;

  if (batch->generation != self->generation)
    return G_SOURCE_REMOVE;

  for (guint i = 0; batch->inputs != NULL && i < batch->inputs->len; i++)
    g_hash_table_add (self->inputs, g_strdup (g_ptr_array_index (batch->inputs, i)));
  for (guint i = 0; i + 1 < batch->stamps->len; i += 2)
    g_hash_table_insert (self->stamps, g_strdup (g_ptr_array_index (batch->stamps, i)),
                         g_strdup (g_ptr_array_index (batch->stamps, i + 1)));
  for (guint i = 0; i < batch->problems->len; i++)
    g_ptr_array_add (self->problems, g_strdup (g_ptr_array_index (batch->problems, i)));
  g_list_store_splice (self->rows, g_list_model_get_n_items (G_LIST_MODEL (self->rows)), 0,
                       batch->items->pdata, batch->items->len);
  self->n_articles += batch->n_articles;
  if (batch->last)
    {
      self->searching = FALSE;
      g_clear_object (&self->cancellable);
    }
  _gloss_concordance_dialog_update_status (self, batch->n_done, batch->n_total);
  return G_SOURCE_REMOVE;
}

/* Always through an idle source: g_main_context_invoke() would run the
 * batch in this thread whenever the main context is free to take. */
static void
hand_over (Batch *batch)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, take_batch, batch, batch_free);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Search *search = task_data;
  g_autoptr(GlossCorpusListing) listing = NULL;
  g_autoptr(GError) error = NULL;
  Batch *batch = batch_new (search);
  gint64 handed = g_get_monotonic_time ();

  listing = gloss_corpus_listing_new (search->folder, cancellable, &error);
  if (listing == NULL)
    {
      g_ptr_array_add (batch->problems, g_strdup (error->message));
      batch->last = TRUE;
      hand_over (batch);
      g_task_return_boolean (task, FALSE);
      return;
    }

  batch->n_total = listing->articles->len;
  batch->inputs = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < listing->articles->len; i++)
    {
      GlossCorpusArticle *article = g_ptr_array_index (listing->articles, i);

      g_ptr_array_add (batch->inputs, g_file_get_uri (article->article));
    }

  for (guint i = 0; i < listing->articles->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      GlossCorpusArticle *article = g_ptr_array_index (listing->articles, i);
      g_autoptr(GlossConcordanceHits) hits = NULL;
      g_autofree char *path = NULL;

      hits = gloss_concordance_search (&search->query, article->article, article->annotation_files,
                                       cancellable);
      path = g_file_get_relative_path (search->folder, article->article);
      for (guint r = 0; r < hits->rows->len; r++)
        g_ptr_array_add (batch->items,
                         gloss_concordance_item_new (article->article, path != NULL ? path : "",
                                                     &g_array_index (hits->rows, GlossConcordanceRow, r)));
      batch->n_articles += hits->rows->len > 0;
      /* How the article and the user's file were when searched: Tag All
       * leaves them alone if either changes meanwhile. */
      if (hits->rows->len > 0 && search->user != NULL && search->match != NULL)
        {
          g_ptr_array_add (batch->stamps, g_file_get_uri (article->article));
          g_ptr_array_add (batch->stamps, gloss_corpus_article_stamp (article->article, search->user));
        }
      for (guint p = 0; p < hits->problems->len; p++)
        g_ptr_array_add (batch->problems, g_strdup (g_ptr_array_index (hits->problems, p)));
      batch->n_done = i + 1;

      if (g_get_monotonic_time () - handed >= BATCH_USEC)
        {
          Batch *next = batch_new (search);

          next->n_total = batch->n_total;
          next->n_done = batch->n_done;
          hand_over (batch);
          batch = next;
          handed = g_get_monotonic_time ();
        }
    }

  batch->last = TRUE;
  hand_over (batch);
  g_task_return_boolean (task, TRUE);
}

void
_gloss_concordance_dialog_stop (GlossConcordanceDialog *self)
{
  self->generation++;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->searching = FALSE;
}

void
_gloss_concordance_dialog_start (GlossConcordanceDialog      *self,
                                 const GlossConcordanceQuery *query)
{
  g_autoptr(GTask) task = NULL;
  Search *search;

  g_return_if_fail (self->folder != NULL);

  _gloss_concordance_dialog_stop (self);
  g_list_store_remove_all (self->rows);
  g_hash_table_remove_all (self->inputs);
  g_hash_table_remove_all (self->stamps);
  g_ptr_array_set_size (self->problems, 0);
  self->phrase = query->match != NULL;
  self->n_articles = 0;
  self->searching = TRUE;
  self->cancellable = g_cancellable_new ();

  search = g_new0 (Search, 1);
  search->folder = g_object_ref (self->folder);
  search->match = g_strdup (query->match);
  search->tag = g_strdup (query->tag);
  search->annotator = g_strdup (query->annotator);
  search->user = self->annotators != NULL ? g_strdup (self->annotators[0]) : NULL;
  search->query = *query;
  search->query.match = search->match;
  search->query.tag = search->tag;
  search->query.annotator = search->annotator;
  search->dialog = g_object_ref (self);
  search->generation = self->generation;

  /* The task holds no source object: the dialog may go while the thread
   * ends, the batches keeping it alive until they are dropped. */
  task = g_task_new (NULL, self->cancellable, NULL, NULL);
  g_task_set_source_tag (task, _gloss_concordance_dialog_start);
  g_task_set_task_data (task, search, search_free);
  g_task_run_in_thread (task, search_thread);
  _gloss_concordance_dialog_update_status (self, 0, 0);
}
