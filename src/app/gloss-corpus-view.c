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
  /* An annotator the article was not read for (named by
   * gloss-assignments.csv since) has no file the walk saw. */
  static const GlossAnnotatorWork not_started = { .status = GLOSS_WORK_NOT_STARTED, .modified = -1 };

  for (guint i = 0; item->status != NULL && i < item->status->work->len; i++)
    {
      const GlossAnnotatorWork *work = g_ptr_array_index (item->status->work, i);

      if (g_strcmp0 (work->annotator, annotator) == 0)
        return work;
    }
  return item->status != NULL ? &not_started : NULL;
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
  /* What the walk's thread read of gloss-assignments.csv, for the first
   * batch to hand over. */
  GlossAssignments *assignments;
  GError *assignments_error;
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
  g_clear_pointer (&scan->assignments, gloss_assignments_free);
  g_clear_error (&scan->assignments_error);
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

  if (self == NULL || self->generation != batch->scan->generation)
    return G_SOURCE_REMOVE;
  /* The assignments come with the listing, so that its rows show them
   * from the start. */
  if (batch->listing != NULL)
    _gloss_corpus_view_take_assignments (self, g_steal_pointer (&batch->scan->assignments),
                                         batch->scan->assignments_error);
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
  GSource *source;

  batch->scan = g_atomic_rc_box_acquire (scan);
  batch->listing = listing;
  batch->statuses = statuses;
  batch->n_read = n_read;
  batch->last = last;
  /* An idle source of the main context, never g_main_context_invoke: that
   * runs the function at once in this thread when the context is free
   * for a moment, and the view is no thread's but the main one's. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT_IDLE);
  g_source_set_callback (source, deliver, batch, batch_free);
  g_source_attach (source, context);
  g_source_unref (source);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

GStrv
_gloss_corpus_view_annotators_of (GlossCorpusListing *listing,
                                  GlossAssignments   *assignments,
                                  const char         *annotator)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char * const *assigned = assignments != NULL ? gloss_assignments_get_annotators (assignments) : NULL;

  g_hash_table_add (seen, (char *) annotator);
  for (guint i = 0; i < listing->annotators->len; i++)
    {
      char *id = g_ptr_array_index (listing->annotators, i);

      if (id != NULL && g_hash_table_add (seen, id))
        g_ptr_array_add (others, id);
    }
  /* An annotator assigned articles before writing any file has a column
   * too. */
  for (guint i = 0; assigned != NULL && assigned[i] != NULL; i++)
    if (g_hash_table_add (seen, (char *) assigned[i]))
      g_ptr_array_add (others, (char *) assigned[i]);
  g_ptr_array_sort (others, compare_ids);

  g_strv_builder_add (builder, annotator);
  for (guint i = 0; i < others->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (others, i));
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

/* One worker's run of the articles, [from, to): read in order, handed
 * over a tenth of a second's worth at a time, so that each batch is a run
 * of rows in the list's order and the main thread is not flooded. */
typedef struct
{
  Scanning *scanning;
  GPtrArray *articles;           /* GlossCorpusArticle */
  const char * const *annotators;
  guint from;
  guint to;
  GCancellable *cancellable;
  gint *n_read;                  /* shared by the workers, atomic */
} Chunk;

static gpointer
read_chunk (gpointer data)
{
  Chunk *chunk = data;
  g_autoptr(GPtrArray) statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_article_status_free);
  gint64 sent = g_get_monotonic_time ();

  for (guint i = chunk->from; i < chunk->to && !g_cancellable_is_cancelled (chunk->cancellable); i++)
    {
      GlossCorpusArticle *entry = g_ptr_array_index (chunk->articles, i);
      guint n;

      g_ptr_array_add (statuses, gloss_article_status_read (entry->article, entry->annotation_files,
                                                            chunk->annotators, chunk->cancellable));
      n = g_atomic_int_add (chunk->n_read, 1) + 1;
      if (i + 1 == chunk->to || g_get_monotonic_time () - sent > G_USEC_PER_SEC / 10)
        {
          send (chunk->scanning->context, chunk->scanning->scan, NULL, g_steal_pointer (&statuses), n, FALSE);
          statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_article_status_free);
          sent = g_get_monotonic_time ();
        }
    }
  return NULL;
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
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  g_autofree Chunk *chunks = NULL;
  guint n_workers;
  gint n_read = 0;

  listing = gloss_corpus_listing_new (scan->folder, cancellable, &error);
  if (listing == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  scan->assignments = gloss_assignments_load (scan->folder, cancellable, &scan->assignments_error);
  annotators = _gloss_corpus_view_annotators_of (listing, scan->assignments, scan->annotator);
  articles = g_ptr_array_ref (listing->articles);
  send (scanning->context, scan, listing, NULL, 0, articles->len == 0);
  if (articles->len == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* Reading is mostly parsing: a worker per processor, each with a run
   * of the list, this thread among them. */
  n_workers = CLAMP (g_get_num_processors (), 1, 4);
  n_workers = MIN (n_workers, articles->len);
  chunks = g_new0 (Chunk, n_workers);
  for (guint w = 0; w < n_workers; w++)
    {
      chunks[w] = (Chunk) { scanning, articles, (const char * const *) annotators,
                            articles->len * w / n_workers, articles->len * (w + 1) / n_workers,
                            cancellable, &n_read };
      if (w > 0)
        {
          GThread *thread = g_thread_try_new ("gloss-corpus", read_chunk, &chunks[w], NULL);

          if (thread != NULL)
            g_ptr_array_add (threads, thread);
          else
            read_chunk (&chunks[w]);
        }
    }
  read_chunk (&chunks[0]);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));

  send (scanning->context, scan, NULL, NULL, (guint) g_atomic_int_get (&n_read), TRUE);
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
  g_autoptr(GFile) parent = NULL;
  g_autofree char *name = NULL;

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
  name = g_file_get_basename (file);
  parent = g_file_get_parent (file);
  if (g_strcmp0 (name, GLOSS_ASSIGNMENTS_FILE_NAME) == 0 && parent != NULL && g_file_equal (parent, self->folder))
    _gloss_corpus_view_read_assignments (self);
  if (article != NULL)
    _gloss_corpus_view_article_changed (self, article);
}

/* When @folder was last modified, in microseconds; 0 when unknown. */
static gint64
modified_time (GFile *folder)
{
  g_autoptr(GFileInfo) info = g_file_query_info (folder, G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                                 G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info == NULL)
    return 0;
  return (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC +
         g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
}

/* A folder that changed: every article in it now, and every one listed
 * there before, is looked at again. */
static void
folder_modified (GlossCorpusView *self,
                 const char      *path)
{
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer key;
  GFileInfo *info;

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                        NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFileInfo) owned = info;
      const char *name = g_file_info_get_name (info);

      if (name[0] != '.' && gloss_source_name_is_article (name))
        g_ptr_array_add (articles, g_file_get_child (folder, name));
    }

  g_hash_table_iter_init (&iter, self->by_path);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autofree char *parent = g_path_get_dirname (key);

      if (g_str_equal (parent, path))
        g_ptr_array_add (articles, g_file_new_for_path (key));
    }

  for (guint i = 0; i < articles->len; i++)
    _gloss_corpus_view_article_changed (self, g_ptr_array_index (articles, i));
}

static gboolean
poll_folders (gpointer data)
{
  GlossCorpusView *self = data;
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key, value;

  if (self->scanning)
    return G_SOURCE_CONTINUE;

  g_hash_table_iter_init (&iter, self->watched);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (key);
      gint64 now = modified_time (folder);

      if (now != *(gint64 *) value)
        {
          *(gint64 *) value = now;
          g_ptr_array_add (changed, g_strdup (key));
        }
    }
  for (guint i = 0; i < changed->len; i++)
    folder_modified (self, g_ptr_array_index (changed, i));
  /* The file may be written in place, which leaves its folder's time. */
  if (_gloss_corpus_view_assignments_stamp (self) != self->assignments_stamp)
    _gloss_corpus_view_read_assignments (self);
  return G_SOURCE_CONTINUE;
}

void
_gloss_corpus_view_set_poll (GlossCorpusView *self,
                             guint            seconds)
{
  g_clear_handle_id (&self->poll_id, g_source_remove);
  if (seconds > 0)
    self->poll_id = g_timeout_add_seconds (seconds, poll_folders, self);
}

void
_gloss_corpus_view_watch (GlossCorpusView *self,
                          GFile           *folder)
{
  g_autoptr(GError) error = NULL;
  GFileMonitor *monitor;

  if (g_hash_table_contains (self->watched, g_file_peek_path (folder)))
    return;
  g_hash_table_insert (self->watched, g_strdup (g_file_peek_path (folder)), g_new0 (gint64, 1));

  *(gint64 *) g_hash_table_lookup (self->watched, g_file_peek_path (folder)) = modified_time (folder);
  monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_NONE, self->cancellable, &error);
  if (monitor == NULL)
    {
      g_debug ("Not following %s: %s", g_file_peek_path (folder), error->message);
      return;
    }
  g_signal_connect_object (monitor, "changed", G_CALLBACK (folder_changed), self, 0);
  g_ptr_array_add (self->monitors, monitor);
}
