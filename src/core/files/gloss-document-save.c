/* gloss-document-save.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-document-private.h"
#include "gloss-error.h"

/* However often changes come, the first of them is saved within this many
 * autosave delays, so that continuous editing is saved too. */
#define AUTOSAVE_MAX_POSTPONE 4

/* An autosave must not make the window stutter, whatever the size of the
 * file: it serializes the layer in idle slices of about this many
 * microseconds, then writes the bytes in a worker thread.  A file of
 * 100,000 annotations takes a few dozen slices. */
#define SLICE_TIME 5000
/* Annotations between two looks at the clock: about half a millisecond
 * of writing. */
#define SLICE_STEP 400

static void start_autosave (GlossDocumentSlot *slot);

/* The countdown */

static gboolean
autosave_cb (gpointer user_data)
{
  GlossDocumentSlot *slot = user_data;

  slot->autosave_source = 0;
  start_autosave (slot);

  return G_SOURCE_REMOVE;
}

/* (Re)starts the autosave countdown: a change postpones the save by the
 * delay, but never past AUTOSAVE_MAX_POSTPONE delays after the first
 * unsaved change. */
void
_gloss_document_schedule_autosave (GlossDocumentSlot *slot)
{
  gint64 now = g_get_monotonic_time ();
  gint64 deadline, wait;

  if (slot->unsaved_since == 0)
    slot->unsaved_since = now;

  deadline = slot->unsaved_since + (gint64)slot->document->autosave_delay * AUTOSAVE_MAX_POSTPONE * 1000;
  wait = MIN ((gint64)slot->document->autosave_delay, (deadline - now) / 1000);
  wait = MAX (wait, 0);

  g_clear_handle_id (&slot->autosave_source, g_source_remove);
  slot->autosave_source = g_timeout_add ((guint)wait, autosave_cb, slot);
  g_source_set_name_by_id (slot->autosave_source, "[gloss] autosave");
}

static void
cancel_countdown (GlossDocumentSlot *slot)
{
  g_clear_handle_id (&slot->autosave_source, g_source_remove);
  slot->unsaved_since = 0;
}

static void
stop_serializer (GlossDocumentSlot *slot)
{
  g_clear_handle_id (&slot->serialize_source, g_source_remove);
  g_clear_pointer (&slot->writer, gloss_file_writer_free);
}

void
_gloss_document_cancel_autosave (GlossDocumentSlot *slot)
{
  cancel_countdown (slot);
  stop_serializer (slot);
}

void
_gloss_document_stop_saving (GlossDocumentSlot *slot)
{
  _gloss_document_cancel_autosave (slot);

  /* The write stops, leaving the old file whole, or it is done already:
   * either way no file is left half written. */
  _gloss_document_job_abandon (&slot->write_job);
}

void
_gloss_document_layer_changed (GlossDocumentSlot *slot)
{
  switch (slot->save_state)
    {
    case GLOSS_SAVE_STATE_READ_ONLY:
    case GLOSS_SAVE_STATE_CONFLICT:
      /* Nothing may be written: the window resolves the conflict first. */
      return;

    case GLOSS_SAVE_STATE_SAVING:
      if (slot->writing_now)
        return;

      if (slot->write_job != NULL)
        {
          /* What is being written is the layer as it was: the layer stays
           * dirty, and the countdown starts again once the write is done,
           * counted from this change. */
          if (slot->unsaved_since == 0 && gloss_history_is_dirty (slot->history))
            slot->unsaved_since = g_get_monotonic_time ();
          return;
        }

      /* Serializing: the serializer starts again with the change, unless
       * nothing is left to save. */
      if (gloss_history_is_dirty (slot->history))
        return;
      break;

    case GLOSS_SAVE_STATE_SAVED:
    case GLOSS_SAVE_STATE_UNSAVED:
    case GLOSS_SAVE_STATE_FAILED:
    default:
      break;
    }

  if (!gloss_history_is_dirty (slot->history))
    {
      /* Undone back to what was last loaded or saved: nothing is left to
       * write, and an earlier failure no longer matters. */
      _gloss_document_cancel_autosave (slot);
      _gloss_document_set_save_error (slot, NULL);
      _gloss_document_set_save_state (slot, GLOSS_SAVE_STATE_SAVED);
      return;
    }

  _gloss_document_set_save_state (slot, GLOSS_SAVE_STATE_UNSAVED);
  _gloss_document_schedule_autosave (slot);
}

/* Shows the outcome of a save of the slot's file (@error is NULL when it
 * worked) in save-state and save-error. */
static void
save_done (GlossDocumentSlot *slot,
           const GError  *error)
{
  if (error == NULL)
    {
      slot->save_generation++;
      _gloss_document_set_save_error (slot, NULL);

      /* Changed while the bytes were being written: save again later. */
      if (gloss_history_is_dirty (slot->history))
        {
          _gloss_document_set_save_state (slot, GLOSS_SAVE_STATE_UNSAVED);
          _gloss_document_schedule_autosave (slot);
        }
      else
        {
          slot->unsaved_since = 0;
          _gloss_document_set_save_state (slot, GLOSS_SAVE_STATE_SAVED);
        }
      return;
    }

  if (g_error_matches (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED_ON_DISK))
    {
      _gloss_document_enter_conflict (slot);
    }
  else
    {
      /* The next change tries again. */
      g_debug ("Saving failed: %s", error->message);
      _gloss_document_set_save_error (slot, error->message);
      _gloss_document_set_save_state (slot, GLOSS_SAVE_STATE_FAILED);
    }
}

/* The autosave: serializing in idle slices, writing in a thread */

static void
write_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GlossDocumentJob *job = user_data;
  GlossDocumentSlot *slot = job->slot;
  g_autoptr(GlossDocument) hold = slot ? g_object_ref (slot->document) : NULL;
  g_autoptr(GError) error = NULL;

  gloss_annotation_file_save_bytes_finish (GLOSS_ANNOTATION_FILE (source), result, &error);
  _gloss_document_job_free (job);

  /* Abandoned: the document went away meanwhile. */
  if (slot == NULL)
    return;

  slot->write_job = NULL;
  save_done (slot, error);
  _gloss_document_resume_disk_checks (slot);
}

static void
start_write (GlossDocumentSlot *slot,
             GBytes        *bytes,
             guint64        serial)
{
  slot->write_job = _gloss_document_job_new (slot);
  gloss_annotation_file_save_bytes_async (slot->file, bytes, serial, GLOSS_SAVE_NONE,
                                          slot->write_job->cancellable,
                                          write_done_cb, slot->write_job);
}

static gboolean
serialize_cb (gpointer user_data)
{
  GlossDocumentSlot *slot = user_data;
  gint64 deadline = g_get_monotonic_time () + SLICE_TIME;
  g_autoptr(GBytes) bytes = NULL;
  guint64 serial;

  if (gloss_file_writer_is_stale (slot->writer))
    {
      /* The layer changed since the serializer started: what it wrote so
       * far would mix two states. */
      gloss_file_writer_free (slot->writer);
      slot->writer = gloss_annotation_file_writer_new (slot->file);
      return G_SOURCE_CONTINUE;
    }

  while (!gloss_file_writer_step (slot->writer, SLICE_STEP))
    {
      if (g_get_monotonic_time () >= deadline)
        return G_SOURCE_CONTINUE;
    }

  /* Nothing can have changed the layer since the check above. */
  bytes = gloss_file_writer_finish (slot->writer);
  serial = gloss_file_writer_get_serial (slot->writer);
  g_clear_pointer (&slot->writer, gloss_file_writer_free);
  slot->serialize_source = 0;

  start_write (slot, bytes, serial);

  return G_SOURCE_REMOVE;
}

static void
start_autosave (GlossDocumentSlot *slot)
{
  /* One save at a time: changes made during one start a countdown once
   * it is done. */
  if (slot->writer != NULL || slot->write_job != NULL)
    return;

  cancel_countdown (slot);

  slot->writer = gloss_annotation_file_writer_new (slot->file);
  slot->serialize_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, serialize_cb, slot, NULL);
  g_source_set_name_by_id (slot->serialize_source, "[gloss] autosave serializer");

  /* Last: a handler may save at once, which stops the serializer. */
  _gloss_document_set_save_state (slot, GLOSS_SAVE_STATE_SAVING);
}

void
_gloss_document_wait_for_write (GlossDocumentSlot *slot)
{
  stop_serializer (slot);

  /* The write cannot be stopped half way without losing it, and a second
   * one must not start before it ends. */
  while (slot->write_job != NULL)
    g_main_context_iteration (slot->write_job->context, TRUE);
}

/* Saving now */

/* Writes the slot's file in the main thread, for gloss_document_save: the
 * window is closing, or the user asked. */
static gboolean
write_now (GlossDocumentSlot *slot,
                GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  g_assert (slot->writer == NULL && slot->write_job == NULL);

  cancel_countdown (slot);
  slot->writing_now = TRUE;
  _gloss_document_set_save_state (slot, GLOSS_SAVE_STATE_SAVING);

  gloss_annotation_file_save (slot->file, GLOSS_SAVE_NONE, NULL, &local_error);

  slot->writing_now = FALSE;
  save_done (slot, local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

void
gloss_document_set_autosave_delay (GlossDocument *self,
                                   guint          milliseconds)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));

  if (self->autosave_delay == milliseconds)
    return;

  self->autosave_delay = milliseconds;
  if (self->own.autosave_source != 0)
    _gloss_document_schedule_autosave (&self->own);
  if (self->consensus.autosave_source != 0)
    _gloss_document_schedule_autosave (&self->consensus);
}

guint
gloss_document_get_autosave_delay (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);

  return self->autosave_delay;
}

gboolean
_gloss_document_save_slot (GlossDocumentSlot  *slot,
                           GError            **error)
{
  g_autoptr(GlossDocument) hold = NULL;

  /* Not opened: nothing to save. */
  if (slot->file == NULL)
    return TRUE;

  /* Asked from a handler of the save under way, which covers it. */
  if (slot->writing_now)
    return TRUE;

  /* An autosave under way gives way: its serializer stops, and a write
   * in flight is waited for; whatever that write did not cover is
   * written below.  Handlers run meanwhile may drop the document. */
  hold = g_object_ref (slot->document);
  _gloss_document_wait_for_write (slot);

  if (!gloss_history_is_dirty (slot->history))
    {
      if (slot->save_state == GLOSS_SAVE_STATE_SAVING)
        _gloss_document_set_save_state (slot, GLOSS_SAVE_STATE_SAVED);
      return TRUE;
    }

  switch (slot->save_state)
    {
    case GLOSS_SAVE_STATE_READ_ONLY:
      /* Refused, with the file's own message. */
      return gloss_annotation_file_save (slot->file, GLOSS_SAVE_NONE, NULL, error);

    case GLOSS_SAVE_STATE_CONFLICT:
      {
        GFile *file = gloss_annotation_file_get_file (slot->file);
        g_autofree char *display = g_file_get_parse_name (file);

        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED_ON_DISK,
                     _("“%s” changed on disk since it was opened; reload it or keep this version as a copy"),
                     display);
        return FALSE;
      }

    case GLOSS_SAVE_STATE_SAVED:
    case GLOSS_SAVE_STATE_UNSAVED:
    case GLOSS_SAVE_STATE_SAVING:
    case GLOSS_SAVE_STATE_FAILED:
    default:
      return write_now (slot, error);
    }
}

gboolean
gloss_document_save (GlossDocument  *self,
                     GError        **error)
{
  g_autoptr(GError) consensus_error = NULL;
  gboolean own, consensus;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Both are tried, whatever the first did; the own file's error comes
   * first. */
  own = _gloss_document_save_slot (&self->own, error);
  consensus = _gloss_document_save_slot (&self->consensus, &consensus_error);
  if (!consensus && own)
    g_propagate_error (error, g_steal_pointer (&consensus_error));

  return own && consensus;
}
