/* gloss-document-open.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-document-preview.h"
#include "gloss-document-private.h"
#include "gloss-error.h"
#include "gloss-file-io.h"

/* Opening a document is done in two parts.  Loading reads and decodes the
 * article, reads the codebook and the annotation files and anchors them:
 * it touches nothing but the new objects, so it may run in a worker
 * thread.  Starting settles the save state and watches the files on disk:
 * it attaches sources to the thread-default main context, so it runs in
 * the thread that will use the document. */

static gboolean
check_cancelled (GCancellable  *cancellable,
                 GError       **error)
{
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

typedef struct
{
  GFile *file;
  char *annotator_id;
  char *annotator_name;
  GlossDocumentPreviewFunc preview_func;
  gpointer preview_data;
} OpenData;

typedef struct
{
  GTask *task;
  GlossDocumentPreview *preview;
} Delivery;

static void
delivery_free (Delivery *delivery)
{
  g_object_unref (delivery->task);
  gloss_document_preview_free (delivery->preview);
  g_free (delivery);
}

static gboolean
deliver_preview (gpointer user_data)
{
  Delivery *delivery = user_data;
  OpenData *data = g_task_get_task_data (delivery->task);

  /* Nobody waits for a cancelled opening, nor for a preview of a document
   * already handed over. */
  if (!g_cancellable_is_cancelled (g_task_get_cancellable (delivery->task)) &&
      !g_task_get_completed (delivery->task))
    data->preview_func (delivery->preview, data->preview_data);

  return G_SOURCE_REMOVE;
}

/* Hands @preview over to the opening's main context. */
static void
send_preview (GTask                *task,
              GlossDocumentPreview *preview)
{
  Delivery *delivery = g_new0 (Delivery, 1);
  GSource *source = g_idle_source_new ();

  delivery->task = g_object_ref (task);
  delivery->preview = preview;

  /* An idle source, not g_main_context_invoke, which would call the
   * function here in the worker thread whenever the main thread does not
   * hold the context at that moment. */
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, deliver_preview, delivery, (GDestroyNotify)delivery_free);
  g_source_set_static_name (source, "[gloss] document preview");
  g_source_attach (source, g_task_get_context (task));
  g_source_unref (source);
}

/* When the document is large, sends @task a preview made from the start
 * of the own file at @path, before the whole file is read. */
static void
preview_own_file (GlossDocument *self,
                  GFile         *path,
                  GTask         *task,
                  GCancellable  *cancellable)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autofree char *head = NULL;
  goffset size = 0;
  gsize n_read = 0;

  /* A file that cannot be read is said by the loading that follows. */
  stream = gloss_file_open_regular (path, &size, cancellable, NULL);
  if (stream == NULL || !gloss_document_preview_wanted (self->source, size))
    return;

  head = g_malloc (GLOSS_DOCUMENT_PREVIEW_JSON_BYTES + 1);
  if (!g_input_stream_read_all (stream, head, GLOSS_DOCUMENT_PREVIEW_JSON_BYTES, &n_read,
                                cancellable, NULL))
    return;
  head[n_read] = '\0';

  send_preview (task, gloss_document_preview_new (self->source, self->codebook, head, n_read));
}

static GlossDocument *
load_for_article (GFile                *article,
                  const char           *annotator_id,
                  const char           *annotator_name,
                  GlossAnnotationFile  *own_file,
                  GTask                *task,
                  GCancellable         *cancellable,
                  GError              **error)
{
  OpenData *data = task != NULL ? g_task_get_task_data (task) : NULL;
  g_autoptr(GlossDocument) self = NULL;
  g_autoptr(GlossAnnotationFile) own = NULL;

  self = g_object_new (GLOSS_TYPE_DOCUMENT, NULL);
  self->article = g_object_ref (article);
  self->folder = g_file_get_parent (article);

  self->source = gloss_source_new_from_article (article, 0, cancellable, error);
  if (self->source == NULL || !check_cancelled (cancellable, error))
    return NULL;

  self->codebook = gloss_codebook_new_for_article (article, error);
  if (self->codebook == NULL)
    return NULL;

  if (own_file != NULL)
    {
      own = g_object_ref (own_file);
    }
  else
    {
      g_autoptr(GFile) path = gloss_annotation_file_path_for (article, annotator_id);

      /* A file that exists but cannot be read fails the opening: it is
       * never replaced by an empty one. */
      if (g_file_query_exists (path, cancellable))
        {
          if (data != NULL && data->preview_func != NULL)
            preview_own_file (self, path, task, cancellable);
          own = gloss_annotation_file_load (path, GLOSS_LOAD_ALLOW_NEWER, cancellable, error);
          if (own == NULL)
            return NULL;
        }
      else if (data != NULL && data->preview_func != NULL &&
               gloss_document_preview_wanted (self->source, 0))
        {
          /* No annotations yet: the text alone. */
          send_preview (task, gloss_document_preview_new (self->source, self->codebook, "", 0));
        }
    }

  if (!check_cancelled (cancellable, error))
    return NULL;

  if (own != NULL)
    {
      if (!_gloss_document_attach (self, own, error))
        return NULL;
    }
  else
    {
      /* Written when the layer first changes. */
      own = gloss_annotation_file_new (self->source, annotator_id, annotator_name);
      gloss_annotation_file_set_codebook (own, self->codebook);
    }

  _gloss_document_take_file (&self->own, g_steal_pointer (&own));

  /* A save cut short (the machine went down, the window was killed) left
   * its temporary file, which nobody will finish. */
  gloss_file_remove_leftovers (gloss_annotation_file_get_file (self->own.file));

  _gloss_document_list_teammates (self);

  return g_steal_pointer (&self);
}

static GlossDocument *
load_for_annotation_file (GFile         *annotation_file,
                          const char    *annotator_id,
                          const char    *annotator_name,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autoptr(GlossDocument) self = NULL;
  g_autoptr(GFile) article = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean own;

  file = gloss_annotation_file_load (annotation_file, GLOSS_LOAD_ALLOW_NEWER, cancellable, error);
  if (file == NULL)
    return NULL;

  own = g_strcmp0 (gloss_layer_get_annotator_id (gloss_annotation_file_get_layer (file)),
                   annotator_id) == 0;
  article = gloss_annotation_file_get_article_file (file);

  self = load_for_article (article, annotator_id, annotator_name, own ? file : NULL, NULL,
                           cancellable, &local_error);
  if (self == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) &&
          !g_file_query_exists (article, NULL))
        {
          g_autofree char *display = g_file_get_parse_name (annotation_file);

          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                       _("The article “%s” of “%s” is missing: it must be in the same folder"),
                       gloss_annotation_file_get_source_path (file), display);
        }
      else
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
        }
      return NULL;
    }

  if (!own)
    {
      /* A teammate's file, shown beside the own layer and never written. */
      if (!_gloss_document_attach (self, file, error))
        return NULL;

      self->review_file = g_object_ref (annotation_file);
      _gloss_document_cache_teammate (self, file);
      _gloss_document_sync_teammate (self, annotation_file);
    }

  return g_steal_pointer (&self);
}

/* Opening in a worker thread */

/* Settles the save state and watches the files: the part of opening that
 * runs in the thread of the document's main context. */
static GlossDocument *
start (GlossDocument *self)
{
  if (self != NULL)
    {
      _gloss_document_settle_state (&self->own);
      _gloss_document_watch_disk (&self->own);
      _gloss_document_watch_folder (self);
    }

  return self;
}

/* Loads @file, an annotation file when @annotation_file, else an article. */
static GlossDocument *
load (GFile         *file,
      gboolean       annotation_file,
      const char    *annotator_id,
      const char    *annotator_name,
      GTask         *task,
      GCancellable  *cancellable,
      GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (annotator_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (annotation_file)
    return load_for_annotation_file (file, annotator_id, annotator_name, cancellable, error);
  return load_for_article (file, annotator_id, annotator_name, NULL, task, cancellable, error);
}

GlossDocument *
gloss_document_new_for_article (GFile         *article,
                                const char    *annotator_id,
                                const char    *annotator_name,
                                GCancellable  *cancellable,
                                GError       **error)
{
  return start (load (article, FALSE, annotator_id, annotator_name, NULL, cancellable, error));
}

GlossDocument *
gloss_document_new_for_annotation_file (GFile         *annotation_file,
                                        const char    *annotator_id,
                                        const char    *annotator_name,
                                        GCancellable  *cancellable,
                                        GError       **error)
{
  return start (load (annotation_file, TRUE, annotator_id, annotator_name, NULL, cancellable, error));
}

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->file);
  g_free (data->annotator_id);
  g_free (data->annotator_name);
  g_free (data);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  g_autofree char *basename = g_file_get_basename (data->file);
  GlossDocument *self;
  GError *error = NULL;

  self = load (data->file, g_str_has_suffix (basename, GLOSS_ANNOTATION_FILE_SUFFIX),
               data->annotator_id, data->annotator_name, task, cancellable, &error);

  if (self == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, self, g_object_unref);
}

void
gloss_document_new_for_file_async (GFile                    *file,
                                   const char               *annotator_id,
                                   const char               *annotator_name,
                                   GlossDocumentPreviewFunc  preview_func,
                                   gpointer                  preview_data,
                                   GCancellable             *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (annotator_id != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (OpenData, 1);
  data->file = g_object_ref (file);
  data->annotator_id = g_strdup (annotator_id);
  data->annotator_name = g_strdup (annotator_name);
  data->preview_func = preview_func;
  data->preview_data = preview_data;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_document_new_for_file_async);
  g_task_set_name (task, "[gloss] open document");
  g_task_set_task_data (task, data, (GDestroyNotify)open_data_free);
  g_task_run_in_thread (task, open_thread);
}

GlossDocument *
gloss_document_new_for_file_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return start (g_task_propagate_pointer (G_TASK (result), error));
}
