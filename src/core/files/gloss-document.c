/* gloss-document.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-document"

#include "config.h"

#include "gloss-document-private.h"

/* How long after an event on a writable file it is read again, when the
 * monitor gives no hint that the writer is done before. */
#define DISK_CHECK_DELAY 250

G_DEFINE_FINAL_TYPE (GlossDocument, gloss_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SOURCE,
  PROP_CODEBOOK,
  PROP_OWN_FILE,
  PROP_LAYER,
  PROP_REVIEW_FILE,
  PROP_TEAMMATE_FILES,
  PROP_SAVE_STATE,
  PROP_SAVE_ERROR,
  PROP_CONSENSUS_FILE,
  PROP_CONSENSUS_SAVE_STATE,
  PROP_CONSENSUS_SAVE_ERROR,
  N_PROPS
};

enum {
  CHANGED_ON_DISK,
  CONSENSUS_CHANGED_ON_DISK,
  TEAMMATE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What each slot notifies and emits. */
static const struct
{
  guint file_prop;
  guint save_state_prop;
  guint save_error_prop;
  guint changed_on_disk_signal;
} slot_names[] = {
  [GLOSS_DOCUMENT_OWN] = { PROP_OWN_FILE, PROP_SAVE_STATE, PROP_SAVE_ERROR, CHANGED_ON_DISK },
  [GLOSS_DOCUMENT_CONSENSUS] = { PROP_CONSENSUS_FILE, PROP_CONSENSUS_SAVE_STATE,
                                 PROP_CONSENSUS_SAVE_ERROR, CONSENSUS_CHANGED_ON_DISK },
};

GType
gloss_save_state_get_type (void)
{
  static gsize type_id;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { GLOSS_SAVE_STATE_SAVED, "GLOSS_SAVE_STATE_SAVED", "saved" },
        { GLOSS_SAVE_STATE_UNSAVED, "GLOSS_SAVE_STATE_UNSAVED", "unsaved" },
        { GLOSS_SAVE_STATE_SAVING, "GLOSS_SAVE_STATE_SAVING", "saving" },
        { GLOSS_SAVE_STATE_FAILED, "GLOSS_SAVE_STATE_FAILED", "failed" },
        { GLOSS_SAVE_STATE_CONFLICT, "GLOSS_SAVE_STATE_CONFLICT", "conflict" },
        { GLOSS_SAVE_STATE_READ_ONLY, "GLOSS_SAVE_STATE_READ_ONLY", "read-only" },
        { 0, NULL, NULL }
      };
      GType type = g_enum_register_static (g_intern_static_string ("GlossSaveState"), values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

static void unwatch_layer (GlossDocumentSlot *slot);
static void stop_watching_disk (GlossDocumentSlot *slot);

static void
gloss_document_dispose (GObject *object)
{
  GlossDocument *self = (GlossDocument *)object;

  _gloss_document_close_slot (&self->own);
  _gloss_document_close_slot (&self->consensus);
  _gloss_document_stop_teammates (self);

  g_clear_object (&self->codebook);
  g_clear_object (&self->source);
  g_clear_object (&self->review_file);
  g_clear_object (&self->folder);
  g_clear_object (&self->article);

  G_OBJECT_CLASS (gloss_document_parent_class)->dispose (object);
}

static void
gloss_document_finalize (GObject *object)
{
  GlossDocument *self = (GlossDocument *)object;

  g_clear_pointer (&self->own.save_error, g_free);
  g_clear_pointer (&self->consensus.save_error, g_free);

  G_OBJECT_CLASS (gloss_document_parent_class)->finalize (object);
}

static void
gloss_document_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GlossDocument *self = GLOSS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;

    case PROP_CODEBOOK:
      g_value_set_object (value, self->codebook);
      break;

    case PROP_OWN_FILE:
      g_value_set_object (value, self->own.file);
      break;

    case PROP_LAYER:
      g_value_set_object (value, self->own.layer);
      break;

    case PROP_REVIEW_FILE:
      g_value_set_object (value, self->review_file);
      break;

    case PROP_TEAMMATE_FILES:
      g_value_set_object (value, self->teammate_files);
      break;

    case PROP_SAVE_STATE:
      g_value_set_enum (value, self->own.save_state);
      break;

    case PROP_SAVE_ERROR:
      g_value_set_string (value, self->own.save_error);
      break;

    case PROP_CONSENSUS_FILE:
      g_value_set_object (value, self->consensus.file);
      break;

    case PROP_CONSENSUS_SAVE_STATE:
      g_value_set_enum (value, self->consensus.save_state);
      break;

    case PROP_CONSENSUS_SAVE_ERROR:
      g_value_set_string (value, self->consensus.save_error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_document_class_init (GlossDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = gloss_document_dispose;
  object_class->finalize = gloss_document_finalize;
  object_class->get_property = gloss_document_get_property;

  properties[PROP_SOURCE] =
    g_param_spec_object ("source", NULL, NULL, GLOSS_TYPE_SOURCE, flags);
  properties[PROP_CODEBOOK] =
    g_param_spec_object ("codebook", NULL, NULL, GLOSS_TYPE_CODEBOOK, flags);
  /* Replaced, with the layer, when the own file is loaded again. */
  properties[PROP_OWN_FILE] =
    g_param_spec_object ("own-file", NULL, NULL, GLOSS_TYPE_ANNOTATION_FILE, flags);
  properties[PROP_LAYER] =
    g_param_spec_object ("layer", NULL, NULL, GLOSS_TYPE_LAYER, flags);
  properties[PROP_REVIEW_FILE] =
    g_param_spec_object ("review-file", NULL, NULL, G_TYPE_FILE, flags);
  properties[PROP_TEAMMATE_FILES] =
    g_param_spec_object ("teammate-files", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_SAVE_STATE] =
    g_param_spec_enum ("save-state", NULL, NULL, GLOSS_TYPE_SAVE_STATE,
                       GLOSS_SAVE_STATE_SAVED, flags);
  properties[PROP_SAVE_ERROR] =
    g_param_spec_string ("save-error", NULL, NULL, NULL, flags);
  /* NULL until gloss_document_open_consensus; replaced when the
   * consensus file is loaded again. */
  properties[PROP_CONSENSUS_FILE] =
    g_param_spec_object ("consensus-file", NULL, NULL, GLOSS_TYPE_ANNOTATION_FILE, flags);
  properties[PROP_CONSENSUS_SAVE_STATE] =
    g_param_spec_enum ("consensus-save-state", NULL, NULL, GLOSS_TYPE_SAVE_STATE,
                       GLOSS_SAVE_STATE_SAVED, flags);
  properties[PROP_CONSENSUS_SAVE_ERROR] =
    g_param_spec_string ("consensus-save-error", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Someone else wrote the own file: the document is now in CONFLICT
   * until reload or keep_as_copy. */
  signals[CHANGED_ON_DISK] =
    g_signal_new ("changed-on-disk",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  /* The same for the consensus file. */
  signals[CONSENSUS_CHANGED_ON_DISK] =
    g_signal_new ("consensus-changed-on-disk",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  /* A teammate's file loaded before was written again on disk. */
  signals[TEAMMATE_CHANGED] =
    g_signal_new ("teammate-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);
}

void
_gloss_document_emit_teammate_changed (GlossDocument *self,
                                       GFile         *file)
{
  g_signal_emit (self, signals[TEAMMATE_CHANGED], 0, file);
}

static void
gloss_document_init (GlossDocument *self)
{
  self->own.document = self;
  self->own.which = GLOSS_DOCUMENT_OWN;
  self->own.save_state = GLOSS_SAVE_STATE_SAVED;
  self->consensus.document = self;
  self->consensus.which = GLOSS_DOCUMENT_CONSENSUS;
  self->consensus.save_state = GLOSS_SAVE_STATE_SAVED;
  self->autosave_delay = GLOSS_DOCUMENT_AUTOSAVE_DELAY;
  self->teammate_files = g_list_store_new (G_TYPE_FILE);
  self->teammates = g_hash_table_new_full (g_file_hash, (GEqualFunc)g_file_equal,
                                           g_object_unref, g_object_unref);
}

void
_gloss_document_set_save_state (GlossDocumentSlot *slot,
                                GlossSaveState     state)
{
  if (slot->save_state == state)
    return;

  slot->save_state = state;
  g_object_notify_by_pspec (G_OBJECT (slot->document),
                            properties[slot_names[slot->which].save_state_prop]);
}

void
_gloss_document_set_save_error (GlossDocumentSlot *slot,
                                const char        *message)
{
  if (g_strcmp0 (slot->save_error, message) == 0)
    return;

  g_free (slot->save_error);
  slot->save_error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (slot->document),
                            properties[slot_names[slot->which].save_error_prop]);
}

/* Jobs */

GlossDocumentJob *
_gloss_document_job_new (GlossDocumentSlot *slot)
{
  GlossDocumentJob *job = g_new0 (GlossDocumentJob, 1);

  job->slot = slot;
  job->cancellable = g_cancellable_new ();
  job->context = g_main_context_ref_thread_default ();
  job->save_generation = slot->save_generation;

  return job;
}

void
_gloss_document_job_free (GlossDocumentJob *job)
{
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_free (job);
}

void
_gloss_document_job_abandon (GlossDocumentJob **job)
{
  if (*job == NULL)
    return;

  (*job)->slot = NULL;
  g_cancellable_cancel ((*job)->cancellable);
  *job = NULL;
}

/* The writable layers */

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  _gloss_document_layer_changed (user_data);
}

static void
dirty_changed_cb (GObject    *object,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  _gloss_document_layer_changed (user_data);
}

static void
annotator_name_changed_cb (GObject    *object,
                           GParamSpec *pspec,
                           gpointer    user_data)
{
  GlossDocumentSlot *slot = user_data;

  /* The name is written in the file but is no step of the history. */
  gloss_history_mark_dirty (slot->history);
  _gloss_document_layer_changed (slot);
}

/* Done, or no longer done (gloss-cli done, the window's Mark Done): in
 * the file, no step of the history. */
static void
done_changed_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  GlossDocumentSlot *slot = user_data;

  gloss_history_mark_dirty (slot->history);
  _gloss_document_layer_changed (slot);
}

static void
unwatch_layer (GlossDocumentSlot *slot)
{
  if (slot->file != NULL)
    g_clear_signal_handler (&slot->done_handler, slot->file);
  if (slot->layer != NULL)
    {
      g_clear_signal_handler (&slot->items_changed_handler, slot->layer);
      g_clear_signal_handler (&slot->annotator_name_handler, slot->layer);
    }
  if (slot->history != NULL)
    g_clear_signal_handler (&slot->dirty_handler, slot->history);

  g_clear_object (&slot->history);
  g_clear_object (&slot->layer);
}

void
_gloss_document_take_file (GlossDocumentSlot   *slot,
                           GlossAnnotationFile *file)
{
  unwatch_layer (slot);
  g_clear_object (&slot->file);

  slot->file = file;
  slot->layer = g_object_ref (gloss_annotation_file_get_layer (file));
  slot->history = g_object_ref (gloss_layer_get_history (slot->layer));

  slot->items_changed_handler =
    g_signal_connect (slot->layer, "items-changed", G_CALLBACK (items_changed_cb), slot);
  slot->annotator_name_handler =
    g_signal_connect (slot->layer, "notify::annotator-name",
                      G_CALLBACK (annotator_name_changed_cb), slot);
  slot->dirty_handler =
    g_signal_connect (slot->history, "notify::dirty", G_CALLBACK (dirty_changed_cb), slot);
  slot->done_handler =
    g_signal_connect (file, "notify::done", G_CALLBACK (done_changed_cb), slot);
}

void
_gloss_document_close_slot (GlossDocumentSlot *slot)
{
  _gloss_document_stop_saving (slot);
  stop_watching_disk (slot);
  unwatch_layer (slot);
  g_clear_object (&slot->file);
}

void
_gloss_document_settle_state (GlossDocumentSlot *slot)
{
  _gloss_document_cancel_autosave (slot);

  if (gloss_annotation_file_get_read_only (slot->file))
    {
      _gloss_document_set_save_state (slot, GLOSS_SAVE_STATE_READ_ONLY);
    }
  else if (gloss_history_is_dirty (slot->history))
    {
      _gloss_document_set_save_state (slot, GLOSS_SAVE_STATE_UNSAVED);
      _gloss_document_schedule_autosave (slot);
    }
  else
    {
      _gloss_document_set_save_state (slot, GLOSS_SAVE_STATE_SAVED);
    }
}

void
_gloss_document_enter_conflict (GlossDocumentSlot *slot)
{
  _gloss_document_cancel_autosave (slot);
  g_clear_handle_id (&slot->disk_check_source, g_source_remove);

  if (slot->save_state == GLOSS_SAVE_STATE_CONFLICT)
    return;

  _gloss_document_set_save_state (slot, GLOSS_SAVE_STATE_CONFLICT);
  g_signal_emit (slot->document, signals[slot_names[slot->which].changed_on_disk_signal], 0);
}

/* Watching the writable files on disk */

static void start_disk_check (GlossDocumentSlot *slot);

static void
disk_check_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GlossDocumentJob *job = user_data;
  GlossDocumentSlot *slot = job->slot;
  g_autoptr(GlossDocument) hold = slot ? g_object_ref (slot->document) : NULL;
  guint generation = job->save_generation;
  g_autoptr(GError) error = NULL;
  gboolean changed;

  changed = gloss_annotation_file_changed_on_disk_finish (GLOSS_ANNOTATION_FILE (source), result, &error);
  _gloss_document_job_free (job);

  /* Abandoned: the document went away, or replaced the file. */
  if (slot == NULL)
    return;

  slot->disk_check_job = NULL;

  if (changed)
    {
      /* A save of ours came in between, or is under way: what the check
       * read may be our own new bytes.  Look again once it is done. */
      if (generation != slot->save_generation || slot->write_job != NULL)
        slot->disk_check_again = TRUE;
      else
        _gloss_document_enter_conflict (slot);
    }

  _gloss_document_resume_disk_checks (slot);
}

/* Checks the file on disk in a worker thread: reading a large file takes
 * tens of milliseconds. */
static void
start_disk_check (GlossDocumentSlot *slot)
{
  if (slot->save_state == GLOSS_SAVE_STATE_CONFLICT ||
      slot->save_state == GLOSS_SAVE_STATE_READ_ONLY)
    {
      slot->disk_check_again = FALSE;
      return;
    }

  /* One check at a time, and none while a write is in flight: the file
   * on disk may be the new one before the file object knows its bytes.
   * The write checked for other writers before it began. */
  if (slot->disk_check_job != NULL || slot->write_job != NULL)
    {
      slot->disk_check_again = TRUE;
      return;
    }

  slot->disk_check_again = FALSE;
  slot->disk_check_job = _gloss_document_job_new (slot);
  gloss_annotation_file_changed_on_disk_async (slot->file, slot->disk_check_job->cancellable,
                                               disk_check_done_cb, slot->disk_check_job);
}

void
_gloss_document_resume_disk_checks (GlossDocumentSlot *slot)
{
  if (slot->disk_check_again)
    start_disk_check (slot);
}

static void
stop_disk_checks (GlossDocumentSlot *slot)
{
  g_clear_handle_id (&slot->disk_check_source, g_source_remove);
  _gloss_document_job_abandon (&slot->disk_check_job);
  slot->disk_check_again = FALSE;
}

static gboolean
disk_check_cb (gpointer user_data)
{
  GlossDocumentSlot *slot = user_data;

  slot->disk_check_source = 0;
  start_disk_check (slot);

  return G_SOURCE_REMOVE;
}

static void
file_changed_cb (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 gpointer           user_data)
{
  GlossDocumentSlot *slot = user_data;

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
      g_clear_handle_id (&slot->disk_check_source, g_source_remove);
      start_disk_check (slot);
      break;

    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    case G_FILE_MONITOR_EVENT_RENAMED:
      /* A write comes as several events: read the file once they stop,
       * or when the writer says it is done. */
      if (slot->disk_check_source == 0)
        {
          slot->disk_check_source = g_timeout_add (DISK_CHECK_DELAY, disk_check_cb, slot);
          g_source_set_name_by_id (slot->disk_check_source, "[gloss] check annotation file");
        }
      break;

    default:
      break;
    }
}

void
_gloss_document_watch_disk (GlossDocumentSlot *slot)
{
  g_autoptr(GError) error = NULL;
  GFile *file = gloss_annotation_file_get_file (slot->file);

  slot->monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error);
  if (slot->monitor == NULL)
    {
      /* Saving still refuses to overwrite another writer's changes. */
      g_debug ("Not watching the annotation file: %s", error->message);
      return;
    }

  g_signal_connect (slot->monitor, "changed", G_CALLBACK (file_changed_cb), slot);
}

static void
stop_watching_disk (GlossDocumentSlot *slot)
{
  stop_disk_checks (slot);

  if (slot->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (slot->monitor, file_changed_cb, slot);
      g_file_monitor_cancel (slot->monitor);
      g_clear_object (&slot->monitor);
    }
}

gboolean
_gloss_document_check_slot (GlossDocumentSlot *slot)
{
  if (slot->file == NULL)
    return FALSE;

  g_clear_handle_id (&slot->disk_check_source, g_source_remove);

  switch (slot->save_state)
    {
    case GLOSS_SAVE_STATE_CONFLICT:
      return TRUE;

    case GLOSS_SAVE_STATE_READ_ONLY:
      /* Never written, so never in conflict. */
      return FALSE;

    case GLOSS_SAVE_STATE_SAVED:
    case GLOSS_SAVE_STATE_UNSAVED:
    case GLOSS_SAVE_STATE_SAVING:
    case GLOSS_SAVE_STATE_FAILED:
    default:
      break;
    }

  /* While a write is in flight, the file on disk may be the new one
   * before the file object knows its bytes: look once it is done. */
  if (slot->write_job != NULL)
    {
      slot->disk_check_again = TRUE;
      return FALSE;
    }

  /* The file remembers the bytes it last read or wrote: the document's
   * own saves never count as a change. */
  if (!gloss_annotation_file_changed_on_disk (slot->file, NULL))
    return FALSE;

  _gloss_document_enter_conflict (slot);
  return TRUE;
}

gboolean
gloss_document_check_disk (GlossDocument *self)
{
  gboolean own, consensus;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);

  own = _gloss_document_check_slot (&self->own);
  consensus = _gloss_document_check_slot (&self->consensus);

  return own || consensus;
}

/* Resolving a conflict */

gboolean
_gloss_document_reload_slot (GlossDocumentSlot  *slot,
                             GError            **error)
{
  GlossDocument *self = slot->document;
  g_autoptr(GlossAnnotationFile) fresh = NULL;
  GFile *file;

  /* What is on disk once a write of ours in flight is done. */
  _gloss_document_wait_for_write (slot);

  file = gloss_annotation_file_get_file (slot->file);

  if (g_file_query_exists (file, NULL))
    {
      fresh = gloss_annotation_file_load (file, GLOSS_LOAD_ALLOW_NEWER, NULL, error);
      if (fresh == NULL || !_gloss_document_attach (self, fresh, error))
        return FALSE;
    }
  else
    {
      /* Nothing on disk: the disk's version is an empty layer. */
      fresh = gloss_annotation_file_new (self->source,
                                         gloss_layer_get_annotator_id (slot->layer),
                                         gloss_layer_get_annotator_name (slot->layer));
      gloss_annotation_file_set_codebook (fresh, self->codebook);
    }

  /* Listeners of any of these notifications find the others done. */
  g_object_freeze_notify (G_OBJECT (self));

  stop_disk_checks (slot);
  _gloss_document_take_file (slot, g_steal_pointer (&fresh));
  g_object_notify_by_pspec (G_OBJECT (self), properties[slot_names[slot->which].file_prop]);
  if (slot->which == GLOSS_DOCUMENT_OWN)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYER]);
  _gloss_document_set_save_error (slot, NULL);
  _gloss_document_settle_state (slot);

  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;
}

gboolean
gloss_document_reload (GlossDocument  *self,
                       GError        **error)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _gloss_document_reload_slot (&self->own, error);
}

void
_gloss_document_notify_consensus_file (GlossDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONSENSUS_FILE]);
}

/* Accessors */

GlossSource *
gloss_document_get_source (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->source;
}

GlossCodebook *
gloss_document_get_codebook (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->codebook;
}

GlossAnnotationFile *
gloss_document_get_own_file (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->own.file;
}

GlossLayer *
gloss_document_get_layer (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->own.layer;
}

GFile *
gloss_document_get_review_file (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->review_file;
}

GlossSaveState
gloss_document_get_save_state (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), GLOSS_SAVE_STATE_SAVED);

  return self->own.save_state;
}

const char *
gloss_document_get_save_error (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->own.save_error;
}
