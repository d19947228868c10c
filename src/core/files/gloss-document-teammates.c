/* gloss-document-teammates.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-document"

#include "config.h"

#include <string.h>

#include "gloss-document-private.h"


/* Where @file belongs in the teammate list, which is sorted by name:
 * TRUE and its position when it is listed, else FALSE and the position
 * it would take. */
static gboolean
find_teammate (GlossDocument *self,
               GFile         *file,
               guint         *position)
{
  GListModel *model = G_LIST_MODEL (self->teammate_files);
  g_autofree char *name = g_file_get_basename (file);
  guint lo = 0, hi = g_list_model_get_n_items (model);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(GFile) item = g_list_model_get_item (model, mid);
      g_autofree char *item_name = g_file_get_basename (item);
      int cmp = strcmp (item_name, name);

      if (cmp == 0)
        {
          *position = mid;
          return TRUE;
        }

      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  *position = lo;
  return FALSE;
}

/* Whether @file belongs in the teammate list when it exists. */
static gboolean
is_teammate_file (GlossDocument *self,
                  GFile         *file)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *name = NULL;
  g_autofree char *article_name = NULL;
  g_autofree char *annotator = NULL;

  if (g_file_equal (file, gloss_annotation_file_get_file (self->own.file)))
    return FALSE;

  /* Once opened, the consensus is a writable layer of its own. */
  if (self->consensus.file != NULL &&
      g_file_equal (file, gloss_annotation_file_get_file (self->consensus.file)))
    return FALSE;

  /* The file the document was opened on may have any name. */
  if (self->review_file != NULL && g_file_equal (file, self->review_file))
    return TRUE;

  parent = g_file_get_parent (file);
  if (parent == NULL || !g_file_equal (parent, self->folder))
    return FALSE;

  name = g_file_get_basename (file);
  article_name = g_file_get_basename (self->article);
  annotator = gloss_annotation_file_name_annotator (name, article_name);

  return annotator != NULL;
}

void
_gloss_document_unlist_teammate (GlossDocument *self,
                                 GFile         *file)
{
  guint position;

  if (find_teammate (self, file, &position))
    g_list_store_remove (self->teammate_files, position);
}

void
_gloss_document_sync_teammate (GlossDocument *self,
                               GFile         *file)
{
  gboolean listed, exists;
  guint position;

  if (!is_teammate_file (self, file))
    return;

  listed = find_teammate (self, file, &position);
  exists = g_file_query_exists (file, NULL);

  if (exists && !listed)
    g_list_store_insert (self->teammate_files, position, file);
  else if (!exists && listed)
    g_list_store_remove (self->teammate_files, position);
}

/* A teammate's file loaded before and written again: those who show it
 * are told, then what was loaded of it is forgotten, unless a handler
 * read it anew already. */
static void
teammate_rewritten (GlossDocument *self,
                    GFile         *file)
{
  GlossAnnotationFile *loaded = file != NULL ? g_hash_table_lookup (self->teammates, file) : NULL;
  g_autoptr(GFile) key = NULL;

  if (loaded == NULL || !g_file_query_exists (file, NULL))
    return;

  /* The event's file may go with the handlers' reloads. */
  key = g_object_ref (file);
  g_object_ref (loaded);
  _gloss_document_emit_teammate_changed (self, key);
  if (g_hash_table_lookup (self->teammates, key) == loaded)
    g_hash_table_remove (self->teammates, key);
  g_object_unref (loaded);
}

static void
folder_changed_cb (GFileMonitor      *monitor,
                   GFile             *file,
                   GFile             *other_file,
                   GFileMonitorEvent  event,
                   gpointer           user_data)
{
  GlossDocument *self = user_data;

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    case G_FILE_MONITOR_EVENT_RENAMED:
      /* Each event names at most two files; looking at them on disk, not
       * trusting the event, keeps the list right whatever order events
       * come in. */
      _gloss_document_sync_teammate (self, file);
      if (other_file != NULL)
        _gloss_document_sync_teammate (self, other_file);
      /* A file replaced by a rename (an atomic save) is created anew. */
      teammate_rewritten (self, event == G_FILE_MONITOR_EVENT_RENAMED ? other_file : file);
      break;

    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
      /* Written in place, and closed. */
      teammate_rewritten (self, file);
      break;

    default:
      break;
    }
}

void
_gloss_document_list_teammates (GlossDocument *self)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  GFile *own = gloss_annotation_file_get_file (self->own.file);

  files = gloss_annotation_file_list_for (self->article, NULL, &error);
  if (files == NULL)
    {
      /* A folder that can be read but not listed still lets the user
       * annotate the article; there are simply no teammates to show. */
      g_debug ("Cannot list the annotation files beside the article: %s", error->message);
      g_clear_error (&error);
    }
  else
    {
      for (guint i = files->len; i > 0; i--)
        if (g_file_equal (g_ptr_array_index (files, i - 1), own))
          g_ptr_array_remove_index (files, i - 1);

      g_list_store_splice (self->teammate_files, 0, 0, files->pdata, files->len);
    }
}

void
_gloss_document_watch_folder (GlossDocument *self)
{
  g_autoptr(GError) error = NULL;

  self->folder_monitor = g_file_monitor_directory (self->folder, G_FILE_MONITOR_NONE, NULL, &error);
  if (self->folder_monitor == NULL)
    {
      g_debug ("Not watching the article’s folder: %s", error->message);
      return;
    }

  g_signal_connect (self->folder_monitor, "changed", G_CALLBACK (folder_changed_cb), self);
}

void
_gloss_document_stop_teammates (GlossDocument *self)
{
  if (self->folder_monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->folder_monitor, folder_changed_cb, self);
      g_file_monitor_cancel (self->folder_monitor);
      g_clear_object (&self->folder_monitor);
    }

  g_clear_pointer (&self->teammates, g_hash_table_unref);
  g_clear_object (&self->teammate_files);
}

gboolean
_gloss_document_attach (GlossDocument        *self,
                        GlossAnnotationFile  *file,
                        GError              **error)
{
  gloss_annotation_file_set_codebook (file, self->codebook);

  return gloss_annotation_file_attach_source (file, self->source, error);
}

void
_gloss_document_cache_teammate (GlossDocument       *self,
                                GlossAnnotationFile *file)
{
  g_hash_table_replace (self->teammates,
                        g_object_ref (gloss_annotation_file_get_file (file)),
                        g_object_ref (file));
}

GListModel *
gloss_document_get_teammate_files (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->teammate_files);
}

static void wait_preload (GlossDocument *self);

/* Loading several teammates' files at once: each read and anchored in a
 * thread of its own (the source and the codebook are only read), the
 * results cached by the calling thread once all are done. */
typedef struct
{
  GFile *file;
  GlossSource *source;
  GlossCodebook *codebook;
  GlossAnnotationFile *result;
  GlossAnnotationFile *cached;   /* read before: read again only when changed */
} Loading;

static gpointer
load_in_thread (gpointer data)
{
  Loading *loading = data;
  g_autoptr(GlossAnnotationFile) file = NULL;

  if (loading->cached != NULL && !gloss_annotation_file_changed_on_disk (loading->cached, NULL))
    return NULL;

  file = gloss_annotation_file_load (loading->file, GLOSS_LOAD_ALLOW_NEWER, NULL, NULL);
  if (file == NULL)
    return NULL;
  gloss_annotation_file_set_codebook (file, loading->codebook);
  if (gloss_annotation_file_attach_source (file, loading->source, NULL))
    loading->result = g_steal_pointer (&file);
  return NULL;
}

void
gloss_document_load_teammates (GlossDocument *self,
                               GPtrArray     *files)
{
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  g_autofree Loading *loadings = NULL;

  g_return_if_fail (GLOSS_IS_DOCUMENT (self));
  g_return_if_fail (files != NULL);

  /* What the background is reading is not read twice. */
  wait_preload (self);

  /* A file read before is read again when it changed on disk since and
   * the folder's watch has not said so yet: a review compares what is on
   * disk. */
  loadings = g_new0 (Loading, files->len);
  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      GThread *thread;

      loadings[i] = (Loading) { file, self->source, self->codebook, NULL, g_hash_table_lookup (self->teammates, file) };
      thread = g_thread_try_new ("gloss-teammate", load_in_thread, &loadings[i], NULL);
      if (thread != NULL)
        g_ptr_array_add (threads, thread);
    }

  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));

  for (guint i = 0; i < files->len; i++)
    if (loadings[i].result != NULL)
      {
        _gloss_document_cache_teammate (self, loadings[i].result);
        g_object_unref (loadings[i].result);
      }
}

/* Preloading: the files listed when it starts, read one after the other
 * in a worker thread, cached in the main thread if still wanted. */
typedef struct
{
  GPtrArray *files;              /* GFile */
  GlossSource *source;
  GlossCodebook *codebook;
  GPtrArray *loaded;             /* GlossAnnotationFile */
  GMutex lock;
  GCond cond;
  gboolean finished;             /* the thread is done with the above */
} Preload;

static void
preload_free (gpointer data)
{
  Preload *preload = data;

  g_mutex_clear (&preload->lock);
  g_cond_clear (&preload->cond);
  g_ptr_array_unref (preload->files);
  g_object_unref (preload->source);
  g_clear_object (&preload->codebook);
  g_ptr_array_unref (preload->loaded);
  g_free (preload);
}

static void
preload_thread (GTask        *task,
                gpointer      source_object,
                gpointer      data,
                GCancellable *cancellable)
{
  Preload *preload = data;
  g_autofree Loading *loadings = g_new0 (Loading, preload->files->len);
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();

  /* Side by side, as a review reads them. */
  for (guint i = 0; i < preload->files->len; i++)
    {
      GThread *thread;

      loadings[i] = (Loading) { g_ptr_array_index (preload->files, i), preload->source, preload->codebook, NULL, NULL };
      thread = g_thread_try_new ("gloss-teammate", load_in_thread, &loadings[i], NULL);
      if (thread != NULL)
        g_ptr_array_add (threads, thread);
    }
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
  for (guint i = 0; i < preload->files->len; i++)
    if (loadings[i].result != NULL)
      g_ptr_array_add (preload->loaded, loadings[i].result);

  g_mutex_lock (&preload->lock);
  preload->finished = TRUE;
  g_cond_broadcast (&preload->cond);
  g_mutex_unlock (&preload->lock);
  g_task_return_boolean (task, TRUE);
}

/* Caches what was preloaded and is not cached yet. */
static void
take_preloaded (GlossDocument *self,
                Preload       *preload)
{
  for (guint i = 0; self->teammates != NULL && i < preload->loaded->len; i++)
    {
      GlossAnnotationFile *file = g_ptr_array_index (preload->loaded, i);

      if (!g_hash_table_contains (self->teammates, gloss_annotation_file_get_file (file)))
        _gloss_document_cache_teammate (self, file);
    }
  g_ptr_array_set_size (preload->loaded, 0);
}

/* Waits for the preload under way, without running the main loop, and
 * takes what it read. */
static void
wait_preload (GlossDocument *self)
{
  Preload *preload;

  if (self->preload == NULL)
    return;

  preload = g_task_get_task_data (self->preload);
  g_mutex_lock (&preload->lock);
  while (!preload->finished)
    g_cond_wait (&preload->cond, &preload->lock);
  g_mutex_unlock (&preload->lock);
  take_preloaded (self, preload);
}

static void
preload_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GlossDocument *self = GLOSS_DOCUMENT (object);
  Preload *preload = g_task_get_task_data (G_TASK (result));

  if (self->preload == G_TASK (result))
    g_clear_object (&self->preload);
  /* A file loaded meanwhile keeps what is cached. */
  if (g_task_propagate_boolean (G_TASK (result), NULL))
    take_preloaded (self, preload);
}

void
gloss_document_preload_teammates (GlossDocument *self,
                                  guint          max_files)
{
  GListModel *listed;
  Preload *preload;
  guint n;

  g_return_if_fail (GLOSS_IS_DOCUMENT (self));

  listed = G_LIST_MODEL (self->teammate_files);
  n = g_list_model_get_n_items (listed);
  if (self->preload != NULL || n == 0 || n > max_files)
    return;

  preload = g_new0 (Preload, 1);
  preload->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (listed, i);

      if (!g_hash_table_contains (self->teammates, file))
        g_ptr_array_add (preload->files, g_object_ref (file));
    }
  preload->source = g_object_ref (self->source);
  preload->codebook = self->codebook != NULL ? g_object_ref (self->codebook) : NULL;
  preload->loaded = g_ptr_array_new_with_free_func (g_object_unref);
  g_mutex_init (&preload->lock);
  g_cond_init (&preload->cond);

  self->preload = g_task_new (self, NULL, preload_done, NULL);
  g_task_set_source_tag (self->preload, gloss_document_preload_teammates);
  g_task_set_task_data (self->preload, preload, preload_free);
  g_task_run_in_thread (self->preload, preload_thread);
}

gboolean
gloss_document_is_preloading (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);

  return self->preload != NULL;
}

GlossAnnotationFile *
gloss_document_reload_teammate (GlossDocument  *self,
                                GFile          *file,
                                GError        **error)
{
  g_autoptr(GlossAnnotationFile) loaded = NULL;
  GlossAnnotationFile *teammate;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Taken out while the file is read, put back when it cannot be. */
  loaded = g_hash_table_lookup (self->teammates, file);
  if (loaded != NULL)
    {
      g_object_ref (loaded);
      g_hash_table_remove (self->teammates, file);
    }

  teammate = gloss_document_load_teammate (self, file, error);
  if (teammate == NULL && loaded != NULL)
    _gloss_document_cache_teammate (self, loaded);
  return teammate;
}

GlossAnnotationFile *
gloss_document_load_teammate (GlossDocument  *self,
                              GFile          *file,
                              GError        **error)
{
  GlossAnnotationFile *teammate;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  teammate = g_hash_table_lookup (self->teammates, file);
  if (teammate != NULL)
    return teammate;
  if (self->preload != NULL)
    {
      wait_preload (self);
      teammate = g_hash_table_lookup (self->teammates, file);
      if (teammate != NULL)
        return teammate;
    }

  teammate = gloss_annotation_file_load (file, GLOSS_LOAD_ALLOW_NEWER, NULL, error);
  if (teammate == NULL)
    return NULL;

  if (!_gloss_document_attach (self, teammate, error))
    {
      g_object_unref (teammate);
      return NULL;
    }

  /* The table keeps the only reference: the caller borrows it. */
  _gloss_document_cache_teammate (self, teammate);
  g_object_unref (teammate);

  return teammate;
}
