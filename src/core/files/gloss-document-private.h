/* gloss-document-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-document.h"

G_BEGIN_DECLS

typedef struct _GlossDocumentSlot GlossDocumentSlot;

/* An operation of the document on one of its writable files that ends in
 * a callback: a write or a disk check.  When the document no longer cares
 * (it is disposed, or the file is replaced) it abandons the job: @slot
 * becomes NULL, and the callback only frees the job. */
typedef struct
{
  GlossDocumentSlot *slot;
  GCancellable *cancellable;
  /* Where the callback runs, to wait for it. */
  GMainContext *context;
  /* The slot's save_generation when the job started. */
  guint save_generation;
} GlossDocumentJob;

/* Which of the document's writable files a slot holds. */
typedef enum
{
  GLOSS_DOCUMENT_OWN,
  GLOSS_DOCUMENT_CONSENSUS,
} GlossDocumentWhich;

/* A file the document writes: the user's own, or the article's consensus
 * once it is opened.  Both are saved, watched and resolved the same way,
 * by the functions below that take a slot. */
struct _GlossDocumentSlot
{
  GlossDocument *document;
  GlossDocumentWhich which;

  /* The file, its layer and the layer's history, watched for changes to
   * save; NULL while the slot is not open. */
  GlossAnnotationFile *file;
  GlossLayer *layer;
  GlossHistory *history;
  gulong items_changed_handler;
  gulong annotator_name_handler;
  gulong done_handler;
  gulong dirty_handler;

  GlossSaveState save_state;
  char *save_error;
  guint autosave_source;
  /* g_get_monotonic_time () of the first change that waits for a save,
   * or 0 when none waits. */
  gint64 unsaved_since;
  /* An autosave serializes the layer in idle slices, then writes the
   * bytes in a worker thread: at most one of the two runs at a time. */
  GlossFileWriter *writer;
  guint serialize_source;
  GlossDocumentJob *write_job;
  /* gloss_document_save writes in the main thread. */
  gboolean writing_now;
  /* Counts the file's saves, so that a disk check can tell whether one
   * came in between. */
  guint save_generation;

  GFileMonitor *monitor;
  guint disk_check_source;
  GlossDocumentJob *disk_check_job;
  /* A disk check was asked for while a write or another check ran. */
  gboolean disk_check_again;
};

/* The object's fields, shared by gloss-document.c (the writable files and
 * their conflicts), gloss-document-open.c (opening it, in a worker thread
 * or not), gloss-document-save.c (the autosave), gloss-document-copy.c
 * (keeping the window's version as a copy), gloss-document-consensus.c
 * (the consensus file) and gloss-document-teammates.c (the other
 * annotation files of the article). */
struct _GlossDocument
{
  GObject parent_instance;

  GFile *article;
  GFile *folder;
  GlossSource *source;
  GlossCodebook *codebook;

  /* The user's own file, and the consensus file once opened. */
  GlossDocumentSlot own;
  GlossDocumentSlot consensus;
  guint autosave_delay;

  /* The teammate file the document was opened on, or NULL. */
  GFile *review_file;
  GListStore *teammate_files;
  /* GFile → GlossAnnotationFile, each loaded and anchored once. */
  GHashTable *teammates;
  /* The teammates' files being read in the background
   * (gloss_document_preload_teammates), or NULL. */
  GTask *preload;
  GFileMonitor *folder_monitor;
};

GlossDocumentJob *_gloss_document_job_new     (GlossDocumentSlot    *slot);
void     _gloss_document_job_free        (GlossDocumentJob     *job);
/* Lets go of *@job, which may be NULL, and cancels it. */
void     _gloss_document_job_abandon     (GlossDocumentJob    **job);

void     _gloss_document_set_save_state  (GlossDocumentSlot    *slot,
                                          GlossSaveState        state);
void     _gloss_document_set_save_error  (GlossDocumentSlot    *slot,
                                          const char           *message);
/* Someone else wrote the slot's file: stops the autosave, goes to CONFLICT
 * and emits changed-on-disk or consensus-changed-on-disk (once). */
void     _gloss_document_enter_conflict  (GlossDocumentSlot    *slot);
/* Makes @file (attached already) the slot's file, and takes it. */
void     _gloss_document_take_file       (GlossDocumentSlot    *slot,
                                          GlossAnnotationFile  *file);
/* The state of a file just loaded: what anchoring changed waits for the
 * autosave. */
void     _gloss_document_settle_state    (GlossDocumentSlot    *slot);
/* Starts watching the slot's file for other writers, from the
 * thread-default main context. */
void     _gloss_document_watch_disk      (GlossDocumentSlot    *slot);
/* Runs the disk check that was put off while a write was in flight. */
void     _gloss_document_resume_disk_checks (GlossDocumentSlot *slot);
gboolean _gloss_document_check_slot      (GlossDocumentSlot    *slot);
/* Replaces the slot's file by what is on disk (an empty file when there
 * is none). */
gboolean _gloss_document_reload_slot     (GlossDocumentSlot    *slot,
                                          GError              **error);
/* Lets go of the slot's file and everything that watches or saves it. */
void     _gloss_document_close_slot      (GlossDocumentSlot    *slot);

/* Notifies consensus-file. */
void     _gloss_document_notify_consensus_file (GlossDocument  *self);

/* (gloss-document-save.c) Called on every change of the slot's layer. */
void     _gloss_document_layer_changed   (GlossDocumentSlot    *slot);
/* (Re)starts the autosave countdown. */
void     _gloss_document_schedule_autosave (GlossDocumentSlot  *slot);
/* Stops the countdown and a serializer under way; a write in flight goes
 * on. */
void     _gloss_document_cancel_autosave (GlossDocumentSlot    *slot);
/* Stops a serializer under way and waits, running the main context, for
 * a write in flight to end. */
void     _gloss_document_wait_for_write  (GlossDocumentSlot    *slot);
/* Stops everything, abandoning a write in flight (disposing). */
void     _gloss_document_stop_saving     (GlossDocumentSlot    *slot);
/* gloss_document_save for one slot. */
gboolean _gloss_document_save_slot       (GlossDocumentSlot    *slot,
                                          GError              **error);

/* (gloss-document-copy.c) Writes the slot's layer as a copy beside the
 * article under annotator @base_id-copy-TIME, then reloads the slot. */
GFile   *_gloss_document_keep_slot_as_copy (GlossDocumentSlot  *slot,
                                          const char           *base_id,
                                          const char           *name,
                                          GError              **error);

/* Fills the teammate list (in any thread, before the document is shared).
 * (gloss-document-teammates.c) */
void     _gloss_document_list_teammates  (GlossDocument        *self);
/* Starts watching the folder, from the thread-default main context. */
void     _gloss_document_watch_folder    (GlossDocument        *self);
void     _gloss_document_stop_teammates  (GlossDocument        *self);
/* Adds @file to the teammate list or removes it, after what is on disk,
 * when it is an annotation file of the article and not the own. */
void     _gloss_document_sync_teammate   (GlossDocument        *self,
                                          GFile                *file);
/* Takes @file out of the teammate list. */
void     _gloss_document_unlist_teammate (GlossDocument        *self,
                                          GFile                *file);
/* Gives @file, loaded but not anchored, the document's codebook and
 * article. */
gboolean _gloss_document_attach          (GlossDocument        *self,
                                          GlossAnnotationFile  *file,
                                          GError              **error);
/* Emits teammate-changed for @file. (gloss-document.c) */
void     _gloss_document_emit_teammate_changed (GlossDocument  *self,
                                                GFile          *file);
/* Puts @file, attached already, in the teammate cache. */
void     _gloss_document_cache_teammate  (GlossDocument        *self,
                                          GlossAnnotationFile  *file);

G_END_DECLS
