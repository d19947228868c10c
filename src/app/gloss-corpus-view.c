/* gloss-corpus-view.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-corpus-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-annotation-file.h"
#include "gloss-corpus-view-private.h"
#include "gloss-source.h"

G_DEFINE_FINAL_TYPE (GlossCorpusItem, gloss_corpus_item, G_TYPE_OBJECT)

static void
gloss_corpus_item_finalize (GObject *object)
{
  GlossCorpusItem *self = GLOSS_CORPUS_ITEM (object);

  g_clear_object (&self->article);
  g_free (self->path);
  g_clear_pointer (&self->status, gloss_article_status_free);

  G_OBJECT_CLASS (gloss_corpus_item_parent_class)->finalize (object);
}

static void
gloss_corpus_item_class_init (GlossCorpusItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_corpus_item_finalize;
}

static void
gloss_corpus_item_init (GlossCorpusItem *self)
{
}

GlossCorpusItem *
_gloss_corpus_item_new (GFile *folder,
                        GFile *article)
{
  GlossCorpusItem *item = g_object_new (GLOSS_TYPE_CORPUS_ITEM, NULL);

  item->article = g_object_ref (article);
  item->path = g_file_get_relative_path (folder, article);
  if (item->path == NULL)
    item->path = g_file_get_basename (article);
  return item;
}

const char *
_gloss_corpus_item_title (GlossCorpusItem *item)
{
  if (item->status != NULL && item->status->title != NULL && *item->status->title != '\0')
    return item->status->title;
  return item->path;
}

const GlossAnnotatorWork *
_gloss_corpus_item_work (GlossCorpusItem *item,
                         const char      *annotator)
{
  for (guint i = 0; item->status != NULL && i < item->status->work->len; i++)
    {
      const GlossAnnotatorWork *work = g_ptr_array_index (item->status->work, i);

      if (g_strcmp0 (work->annotator, annotator) == 0)
        return work;
    }
  return NULL;
}

/* Reading: the folder walked and each article read in a worker thread,
 * handed to the main thread in batches.  A batch of an older scan (the
 * view was given another folder since) is dropped. */

typedef struct
{
  GWeakRef view;
  guint generation;
  GFile *folder;
  char *annotator;
} Scan;

typedef struct
{
  Scan *scan;
  GlossCorpusListing *listing;   /* the first batch: what the walk found */
  GPtrArray *statuses;           /* GlossArticleStatus, then */
  guint n_read;
  gboolean last;
} Batch;

/* A scan is shared by its thread and the batches still on their way to
 * the main thread: the last to let it go frees it. */
static void
scan_clear (gpointer data)
{
  Scan *scan = data;

  g_weak_ref_clear (&scan->view);
  g_object_unref (scan->folder);
  g_free (scan->annotator);
}

static void
scan_release (Scan *scan)
{
  g_atomic_rc_box_release_full (scan, scan_clear);
}

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  g_clear_pointer (&batch->listing, gloss_corpus_listing_free);
  g_clear_pointer (&batch->statuses, g_ptr_array_unref);
  scan_release (batch->scan);
  g_free (batch);
}

static gboolean
deliver (gpointer data)
{
  Batch *batch = data;
  g_autoptr(GlossCorpusView) self = g_weak_ref_get (&batch->scan->view);

  if (self != NULL && self->generation == batch->scan->generation)
    _gloss_corpus_view_take_batch (self, &batch->listing, batch->statuses, batch->n_read, batch->last);
  return G_SOURCE_REMOVE;
}

static void
send (GMainContext       *context,
      Scan               *scan,
      GlossCorpusListing *listing,
      GPtrArray          *statuses,
      guint               n_read,
      gboolean            last)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->scan = g_atomic_rc_box_acquire (scan);
  batch->listing = listing;
  batch->statuses = statuses;
  batch->n_read = n_read;
  batch->last = last;
  g_main_context_invoke_full (context, G_PRIORITY_DEFAULT_IDLE, deliver, batch, batch_free);
}

/* The annotators of a listing, the user first. */
static GStrv
annotators_of (GlossCorpusListing *listing,
               const char         *annotator)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_add (builder, annotator);
  for (guint i = 0; i < listing->annotators->len; i++)
    {
      const char *id = g_ptr_array_index (listing->annotators, i);

      if (id != NULL && g_strcmp0 (id, annotator) != 0)
        g_strv_builder_add (builder, id);
    }
  return g_strv_builder_end (builder);
}

typedef struct
{
  Scan *scan;
  GMainContext *context;
} Scanning;

static void
scanning_free (gpointer data)
{
  Scanning *scanning = data;

  scan_release (scanning->scan);
  g_main_context_unref (scanning->context);
  g_free (scanning);
}

static void
scan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      data,
             GCancellable *cancellable)
{
  Scanning *scanning = data;
  Scan *scan = scanning->scan;
  g_autoptr(GError) error = NULL;
  GlossCorpusListing *listing;
  g_auto(GStrv) annotators = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  gint64 sent = g_get_monotonic_time ();
  GPtrArray *articles;

  listing = gloss_corpus_listing_new (scan->folder, cancellable, &error);
  if (listing == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  annotators = annotators_of (listing, scan->annotator);
  articles = g_ptr_array_ref (listing->articles);
  send (scanning->context, scan, listing, NULL, 0, articles->len == 0);

  statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_article_status_free);
  for (guint i = 0; i < articles->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      GlossCorpusArticle *entry = g_ptr_array_index (articles, i);
      gboolean last = i + 1 == articles->len;

      g_ptr_array_add (statuses, gloss_article_status_read (entry->article, entry->annotation_files,
                                                            (const char * const *) annotators, cancellable));
      /* A batch every tenth of a second, so that the table fills in
       * without the main thread doing nothing else. */
      if (last || g_get_monotonic_time () - sent > G_USEC_PER_SEC / 10)
        {
          send (scanning->context, scan, NULL, g_steal_pointer (&statuses), i + 1, last);
          statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_article_status_free);
          sent = g_get_monotonic_time ();
        }
    }
  g_ptr_array_unref (articles);
  g_task_return_boolean (task, TRUE);
}

static void
scan_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GlossCorpusView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _gloss_corpus_view_scan_failed (self, error);
}

void
_gloss_corpus_view_start_scan (GlossCorpusView *self)
{
  Scanning *scanning = g_new0 (Scanning, 1);
  g_autoptr(GTask) task = NULL;

  scanning->scan = g_atomic_rc_box_new0 (Scan);
  g_weak_ref_init (&scanning->scan->view, self);
  scanning->scan->generation = self->generation;
  scanning->scan->folder = g_object_ref (self->folder);
  scanning->scan->annotator = g_strdup (self->annotator);
  scanning->context = g_main_context_ref_thread_default ();

  task = g_task_new (NULL, self->cancellable, scan_done, g_object_ref (self));
  g_task_set_source_tag (task, _gloss_corpus_view_start_scan);
  g_task_set_task_data (task, scanning, scanning_free);
  g_task_run_in_thread (task, scan_thread);
}

/* Reading one article again, its folder listed for its annotation files. */

typedef struct
{
  GFile *article;
  GStrv annotators;
  guint generation;
  GlossArticleStatus *status;
} Refresh;

static void
refresh_free (gpointer data)
{
  Refresh *refresh = data;

  g_object_unref (refresh->article);
  g_strfreev (refresh->annotators);
  g_clear_pointer (&refresh->status, gloss_article_status_free);
  g_free (refresh);
}

static void
refresh_thread (GTask        *task,
                gpointer      source_object,
                gpointer      data,
                GCancellable *cancellable)
{
  Refresh *refresh = data;
  g_autoptr(GPtrArray) files = gloss_annotation_file_list_for (refresh->article, cancellable, NULL);

  if (files == NULL)
    files = g_ptr_array_new_with_free_func (g_object_unref);
  refresh->status = gloss_article_status_read (refresh->article, files,
                                               (const char * const *) refresh->annotators, cancellable);
  g_task_return_boolean (task, TRUE);
}

static void
refresh_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GlossCorpusView) self = user_data;
  Refresh *refresh = g_task_get_task_data (G_TASK (result));

  if (g_task_propagate_boolean (G_TASK (result), NULL) && refresh->generation == self->generation)
    _gloss_corpus_view_take_status (self, g_steal_pointer (&refresh->status));
}

void
gloss_corpus_view_refresh (GlossCorpusView *self,
                           GFile           *article)
{
  Refresh *refresh;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GLOSS_IS_CORPUS_VIEW (self));
  g_return_if_fail (G_IS_FILE (article));

  if (self->folder == NULL)
    return;

  refresh = g_new0 (Refresh, 1);
  refresh->article = g_object_ref (article);
  refresh->annotators = g_strdupv (self->annotators);
  refresh->generation = self->generation;
  task = g_task_new (NULL, self->cancellable, refresh_done, g_object_ref (self));
  g_task_set_source_tag (task, gloss_corpus_view_refresh);
  g_task_set_task_data (task, refresh, refresh_free);
  g_task_run_in_thread (task, refresh_thread);
}

/* Following the folder: an event names a file; an annotation file stands
 * for its article (the name before ".ID.gloss.json"). */

static GFile *
article_of (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  char *dot;

  if (parent == NULL || name == NULL)
    return NULL;
  if (g_str_has_suffix (name, ".gloss.json"))
    {
      name[strlen (name) - strlen (".gloss.json")] = '\0';
      dot = strrchr (name, '.');
      if (dot == NULL)
        return NULL;
      *dot = '\0';
      return g_file_get_child (parent, name);
    }
  if (gloss_source_name_is_article (name))
    return g_object_ref (file);
  return NULL;
}

static void
folder_changed (GFileMonitor      *monitor,
                GFile             *file,
                GFile             *other_file,
                GFileMonitorEvent  event,
                gpointer           user_data)
{
  GlossCorpusView *self = user_data;
  g_autoptr(GFile) article = NULL;

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      article = article_of (file);
      break;
    default:
      return;
    }
  if (article != NULL)
    _gloss_corpus_view_article_changed (self, article);
}

void
_gloss_corpus_view_watch (GlossCorpusView *self,
                          GFile           *folder)
{
  g_autoptr(GError) error = NULL;
  GFileMonitor *monitor;

  for (guint i = 0; i < self->watched->len; i++)
    if (g_file_equal (g_ptr_array_index (self->watched, i), folder))
      return;

  monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_NONE, self->cancellable, &error);
  if (monitor == NULL)
    {
      g_debug ("Not following %s: %s", g_file_peek_path (folder), error->message);
      return;
    }
  g_signal_connect_object (monitor, "changed", G_CALLBACK (folder_changed), self, 0);
  g_ptr_array_add (self->monitors, monitor);
  g_ptr_array_add (self->watched, g_object_ref (folder));
}
