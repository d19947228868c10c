/* gloss-annotation-file-save.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-annotation-file"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-annotation-file-private.h"
#include "gloss-error.h"
#include "gloss-file-io.h"

/* A fingerprint of the file's bytes, to tell whether someone else wrote
 * the file.  Nothing here needs a cryptographic hash, and SHA-256 would
 * cost a quarter of a second on a file of 100,000 annotations; this one
 * reads eight bytes at a time, and can be fed a piece at a time, so that
 * the file on disk is checked without a copy of it in memory. */
typedef struct
{
  guint64 h;
  guint64 length;
  guchar tail[8];
  guint n_tail;
} Fingerprint;

static void
fingerprint_init (Fingerprint *fp)
{
  memset (fp, 0, sizeof *fp);
  fp->h = G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
}

/* @h with the eight bytes at @bytes mixed in. */
static inline guint64
fingerprint_mix (guint64       h,
                 const guchar *bytes)
{
  guint64 word;

  memcpy (&word, bytes, 8);
  h = (h ^ word) * G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  return h ^ (h >> 29);
}

static void
fingerprint_update (Fingerprint *fp,
                    const char  *data,
                    gsize        length)
{
  const guchar *p = (const guchar *)data;
  gsize i = 0;
  guint64 h;

  fp->length += length;

  while (fp->n_tail > 0 && fp->n_tail < 8 && i < length)
    fp->tail[fp->n_tail++] = p[i++];
  if (fp->n_tail == 8)
    {
      fp->h = fingerprint_mix (fp->h, fp->tail);
      fp->n_tail = 0;
    }

  /* Kept in a local and four words a turn: a file of 100,000 annotations
   * is some 9 million words, each otherwise stored back to @fp (which the
   * bytes read might alias) and counted on its own. */
  h = fp->h;
  for (; i + 32 <= length; i += 32)
    {
      h = fingerprint_mix (h, p + i);
      h = fingerprint_mix (h, p + i + 8);
      h = fingerprint_mix (h, p + i + 16);
      h = fingerprint_mix (h, p + i + 24);
    }
  for (; i + 8 <= length; i += 8)
    h = fingerprint_mix (h, p + i);
  fp->h = h;

  for (; i < length; i++)
    fp->tail[fp->n_tail++] = p[i];
}

static guint64
fingerprint_finish (Fingerprint *fp)
{
  guint64 h = fp->h;

  for (guint i = 0; i < fp->n_tail; i++)
    {
      h = (h ^ fp->tail[i]) * G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
      h ^= h >> 29;
    }
  h ^= fp->length;
  h *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);

  return h ^ (h >> 31);
}

guint64
_gloss_annotation_file_fingerprint (const char *data,
                                    gsize       length)
{
  Fingerprint fp;

  fingerprint_init (&fp);
  fingerprint_update (&fp, data, length);

  return fingerprint_finish (&fp);
}

/* The fingerprint of @file on disk, read a piece at a time and only while
 * it stays within the size an annotation file may have. */
static gboolean
fingerprint_file (GFile         *file,
                  GCancellable  *cancellable,
                  guint64       *fingerprint,
                  GError       **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autofree char *buffer = NULL;
  Fingerprint fp;

  stream = gloss_file_open_regular (file, NULL, cancellable, error);
  if (stream == NULL)
    return FALSE;

  fingerprint_init (&fp);
  buffer = g_malloc (1024 * 1024);
  for (;;)
    {
      gssize got = g_input_stream_read (stream, buffer, 1024 * 1024, cancellable, error);

      if (got < 0)
        return FALSE;
      if (got == 0)
        break;
      fingerprint_update (&fp, buffer, got);
      if (fp.length > GLOSS_ANNOTATION_FILE_MAX_SIZE)
        {
          g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE, "too large");
          return FALSE;
        }
    }

  *fingerprint = fingerprint_finish (&fp);
  return TRUE;
}

/* Whether @file on disk is other than the bytes whose fingerprint is
 * @fingerprint (when @on_disk: there were such bytes); a file that
 * vanished counts as unchanged, since writing it back loses nothing.
 * Reads only its arguments, so that a worker thread can run it. */
static gboolean
disk_differs (GFile        *file,
              gboolean      on_disk,
              guint64       fingerprint,
              GCancellable *cancellable)
{
  g_autoptr(GError) local_error = NULL;
  guint64 on_disk_fingerprint;

  /* Always the content: the modification time cannot tell, since a write
   * within the same clock tick (a few milliseconds) leaves it as it was,
   * and a checkout that rewrites the same bytes changes it for nothing. */
  if (!fingerprint_file (file, cancellable, &on_disk_fingerprint, &local_error))
    return !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  if (!on_disk)
    return TRUE;

  return on_disk_fingerprint != fingerprint;
}

/* Whether the file on disk is other than what this object last read or
 * wrote. */
static gboolean
check_disk (GlossAnnotationFile *self,
            GCancellable        *cancellable)
{
  return disk_differs (self->file, self->on_disk, self->disk_fingerprint, cancellable);
}

static void
set_read_only_error (GError **error,
                     GFile   *file)
{
  g_autofree char *display = g_file_get_parse_name (file);

  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_READ_ONLY,
               _("“%s” is open read-only and is never overwritten"), display);
}

static void
set_changed_on_disk_error (GError **error,
                           GFile   *file)
{
  g_autofree char *display = g_file_get_parse_name (file);

  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED_ON_DISK,
               _("“%s” changed on disk since it was opened; reload it or keep this version as a copy"),
               display);
}

gboolean
gloss_annotation_file_changed_on_disk (GlossAnnotationFile *self,
                                       GCancellable        *cancellable)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_FILE (self), FALSE);

  return check_disk (self, cancellable);
}

/* What a disk check in a worker thread reads: copies of the object's
 * fields, never the object itself. */
typedef struct
{
  GFile *file;
  gboolean on_disk;
  guint64 disk_fingerprint;
} DiskCheckData;

static void
disk_check_data_free (gpointer user_data)
{
  DiskCheckData *data = user_data;

  g_clear_object (&data->file);
  g_free (data);
}

static void
disk_check_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  DiskCheckData *data = task_data;
  gboolean changed;

  changed = disk_differs (data->file, data->on_disk, data->disk_fingerprint, cancellable);

  /* A read cut short says nothing about the file. */
  if (!g_task_return_error_if_cancelled (task))
    g_task_return_boolean (task, changed);
}

void
gloss_annotation_file_changed_on_disk_async (GlossAnnotationFile *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  DiskCheckData *data;

  g_return_if_fail (GLOSS_IS_ANNOTATION_FILE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_annotation_file_changed_on_disk_async);
  g_task_set_name (task, "[gloss] check annotation file");

  data = g_new0 (DiskCheckData, 1);
  data->file = g_object_ref (self->file);
  data->on_disk = self->on_disk;
  data->disk_fingerprint = self->disk_fingerprint;
  g_task_set_task_data (task, data, disk_check_data_free);

  g_task_run_in_thread (task, disk_check_thread);
}

gboolean
gloss_annotation_file_changed_on_disk_finish (GlossAnnotationFile  *self,
                                              GAsyncResult         *result,
                                              GError              **error)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_FILE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gloss_annotation_file_changed_on_disk_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
set_too_large_error (GError **error,
                     GFile   *file,
                     gsize    length)
{
  g_autofree char *display = g_file_get_parse_name (file);
  g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
               /* Translators: a file name, a size such as "323.0 MiB", then a number */
               _("“%s” was not saved: it would take %s, more than the %d MiB an annotation file may have; remove annotations and save again"),
               display, size, GLOSS_ANNOTATION_FILE_MAX_SIZE / (1024 * 1024));
}

/* Writes @data over @file as one writer among others: under the file's
 * lock, after checking (when @check_disk) that the file on disk is still
 * the one whose fingerprint is @fingerprint, so that no other writer's
 * change is ever written over.  Leftovers of interrupted saves go too. */
static gboolean
write_locked (GFile         *file,
              const char    *data,
              gsize          length,
              gboolean       check_disk,
              gboolean       on_disk,
              guint64        fingerprint,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GlossFileLock) lock = NULL;

  /* A writer never writes what its reader refuses. */
  if (length > GLOSS_ANNOTATION_FILE_MAX_SIZE)
    {
      set_too_large_error (error, file, length);
      return FALSE;
    }

  lock = gloss_file_lock_acquire (file, GLOSS_FILE_LOCK_TIMEOUT_MS, cancellable, error);
  if (lock == NULL)
    return FALSE;

  if (check_disk && disk_differs (file, on_disk, fingerprint, cancellable))
    {
      if (!g_cancellable_set_error_if_cancelled (cancellable, error))
        set_changed_on_disk_error (error, file);
      return FALSE;
    }

  gloss_file_lock_remove_leftovers (lock);

  return gloss_file_write_atomic (file, NULL, data, length, GLOSS_WRITE_NONE, cancellable, error);
}

gboolean
gloss_annotation_file_save (GlossAnnotationFile  *self,
                            GlossSaveFlags        flags,
                            GCancellable         *cancellable,
                            GError              **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_FILE (self), FALSE);
  g_return_val_if_fail (!self->save_in_flight, FALSE);

  if (self->read_only)
    {
      set_read_only_error (error, self->file);
      return FALSE;
    }

  data = gloss_annotation_file_serialize (self, &length);
  if (!write_locked (self->file, data, length, !(flags & GLOSS_SAVE_OVERWRITE),
                     self->on_disk, self->disk_fingerprint, cancellable, error))
    return FALSE;

  self->on_disk = TRUE;
  self->disk_fingerprint = _gloss_annotation_file_fingerprint (data, length);
  /* The copies merged on load are gone from the disk now. */
  self->n_merged = 0;
  gloss_history_set_clean (gloss_layer_get_history (self->layer));

  return TRUE;
}

/* What a save in a worker thread reads and writes: copies of the
 * object's fields, never the object itself. */
typedef struct
{
  GFile *file;
  GBytes *data;
  guint64 serial;
  gboolean check_disk;
  gboolean on_disk;
  guint64 disk_fingerprint;
  /* Set by the thread once the bytes are written. */
  guint64 written_fingerprint;
} SaveBytesData;

static void
save_bytes_data_free (gpointer user_data)
{
  SaveBytesData *data = user_data;

  g_clear_object (&data->file);
  g_clear_pointer (&data->data, g_bytes_unref);
  g_free (data);
}

static void
save_bytes_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  SaveBytesData *data = task_data;
  GError *error = NULL;
  const char *bytes;
  gsize length;

  bytes = g_bytes_get_data (data->data, &length);
  if (!write_locked (data->file, bytes, length, data->check_disk, data->on_disk,
                     data->disk_fingerprint, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  data->written_fingerprint = _gloss_annotation_file_fingerprint (bytes, length);
  /* Tens of megabytes for a large file: better freed here than in the
   * main thread. */
  g_clear_pointer (&data->data, g_bytes_unref);

  g_task_return_boolean (task, TRUE);
}

void
gloss_annotation_file_save_bytes_async (GlossAnnotationFile *self,
                                        GBytes              *data,
                                        guint64              serial,
                                        GlossSaveFlags       flags,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveBytesData *task_data;

  g_return_if_fail (GLOSS_IS_ANNOTATION_FILE (self));
  g_return_if_fail (data != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (!self->save_in_flight);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_annotation_file_save_bytes_async);
  g_task_set_name (task, "[gloss] save annotation file");

  if (self->read_only)
    {
      GError *error = NULL;

      set_read_only_error (&error, self->file);
      g_task_return_error (task, error);
      return;
    }

  task_data = g_new0 (SaveBytesData, 1);
  task_data->file = g_object_ref (self->file);
  task_data->data = g_bytes_ref (data);
  task_data->serial = serial;
  task_data->check_disk = !(flags & GLOSS_SAVE_OVERWRITE);
  task_data->on_disk = self->on_disk;
  task_data->disk_fingerprint = self->disk_fingerprint;
  g_task_set_task_data (task, task_data, save_bytes_data_free);

  /* Once the new file has replaced the old one, the save is done, even if
   * it is cancelled before the result comes back: the file must then
   * remember the new bytes, or its next save would take its own write for
   * someone else's. */
  g_task_set_check_cancellable (task, FALSE);

  self->save_in_flight = TRUE;
  g_task_run_in_thread (task, save_bytes_thread);
}

gboolean
gloss_annotation_file_save_bytes_finish (GlossAnnotationFile  *self,
                                         GAsyncResult         *result,
                                         GError              **error)
{
  SaveBytesData *data;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_FILE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gloss_annotation_file_save_bytes_async,
                        FALSE);

  /* Only a save that went to a thread has data, and was in flight. */
  data = g_task_get_task_data (G_TASK (result));
  if (data != NULL)
    self->save_in_flight = FALSE;

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  self->on_disk = TRUE;
  self->disk_fingerprint = data->written_fingerprint;
  self->n_merged = 0;
  gloss_history_set_clean_if_serial (gloss_layer_get_history (self->layer), data->serial);

  return TRUE;
}

gboolean
gloss_annotation_file_save_copy (GlossAnnotationFile  *self,
                                 GFile                *destination,
                                 GCancellable         *cancellable,
                                 GError              **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_FILE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  data = gloss_annotation_file_serialize (self, &length);
  if (length > GLOSS_ANNOTATION_FILE_MAX_SIZE)
    {
      set_too_large_error (error, destination, length);
      return FALSE;
    }

  return gloss_file_write_atomic (destination, NULL, data, length, GLOSS_WRITE_MUST_NOT_EXIST,
                                  cancellable, error);
}
