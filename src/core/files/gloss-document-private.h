/* gloss-document-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-document.h"

G_BEGIN_DECLS

/* An operation of the document on its own file that ends in a callback:
 * a write or a disk check.  When the document no longer cares (it is
 * disposed, or the own file is replaced) it abandons the job: @document
 * becomes NULL, and the callback only frees the job. */
typedef struct
{
  GlossDocument *document;
  GCancellable *cancellable;
  /* Where the callback runs, to wait for it. */
  GMainContext *context;
  /* The document's save_generation when the job started. */
  guint save_generation;
} GlossDocumentJob;

/* The object's fields, shared by gloss-document.c (the own file and its
 * conflicts), gloss-document-open.c (opening it, in a worker thread or not),
 * gloss-document-save.c (its autosave), gloss-document-copy.c
 * (keeping the window's version as a copy) and gloss-document-teammates.c
 * (the other annotation files of the article). */
struct _GlossDocument
{
  GObject parent_instance;

  GFile *article;
  GFile *folder;
  GlossSource *source;
  GlossCodebook *codebook;

  /* The user's own file, its layer and the layer's history, watched for
   * changes to save. */
  GlossAnnotationFile *own_file;
  GlossLayer *layer;
  GlossHistory *history;
  gulong items_changed_handler;
  gulong annotator_name_handler;
  gulong dirty_handler;

  GlossSaveState save_state;
  char *save_error;
  guint autosave_delay;
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
  /* Counts the own file's saves, so that a disk check can tell whether
   * one came in between. */
  guint save_generation;

  GFileMonitor *own_monitor;
  guint disk_check_source;
  GlossDocumentJob *disk_check_job;
  /* A disk check was asked for while a write or another check ran. */
  gboolean disk_check_again;

  /* The teammate file the document was opened on, or NULL. */
  GFile *review_file;
  GListStore *teammate_files;
  /* GFile → GlossAnnotationFile, each loaded and anchored once. */
  GHashTable *teammates;
  GFileMonitor *folder_monitor;
};

GlossDocumentJob *_gloss_document_job_new     (GlossDocument        *self);
void     _gloss_document_job_free        (GlossDocumentJob     *job);
/* Lets go of *@job, which may be NULL, and cancels it. */
void     _gloss_document_job_abandon     (GlossDocumentJob    **job);

void     _gloss_document_set_save_state  (GlossDocument        *self,
                                          GlossSaveState        state);
void     _gloss_document_set_save_error  (GlossDocument        *self,
                                          const char           *message);
/* Someone else wrote the own file: stops the autosave, goes to CONFLICT
 * and emits changed-on-disk (once). */
void     _gloss_document_enter_conflict  (GlossDocument        *self);
/* Makes @own_file (attached already) the own file, and takes it. */
void     _gloss_document_take_own_file   (GlossDocument        *self,
                                          GlossAnnotationFile  *own_file);
/* The state of an own file just loaded: what anchoring changed waits for
 * the autosave. */
void     _gloss_document_settle_state    (GlossDocument        *self);
/* Starts watching the own file for other writers, from the thread-default
 * main context. */
void     _gloss_document_watch_disk      (GlossDocument        *self);
/* Runs the disk check that was put off while a write was in flight. */
void     _gloss_document_resume_disk_checks (GlossDocument     *self);

/* (gloss-document-save.c) Called on every change of the own layer. */
void     _gloss_document_layer_changed   (GlossDocument        *self);
/* (Re)starts the autosave countdown. */
void     _gloss_document_schedule_autosave (GlossDocument      *self);
/* Stops the countdown and a serializer under way; a write in flight goes
 * on. */
void     _gloss_document_cancel_autosave (GlossDocument        *self);
/* Stops a serializer under way and waits, running the main context, for
 * a write in flight to end. */
void     _gloss_document_wait_for_write  (GlossDocument        *self);
/* Stops everything, abandoning a write in flight (disposing). */
void     _gloss_document_stop_saving     (GlossDocument        *self);

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
/* Gives @file, loaded but not anchored, the document's codebook and
 * article. */
gboolean _gloss_document_attach          (GlossDocument        *self,
                                          GlossAnnotationFile  *file,
                                          GError              **error);
/* Puts @file, attached already, in the teammate cache. */
void     _gloss_document_cache_teammate  (GlossDocument        *self,
                                          GlossAnnotationFile  *file);

G_END_DECLS
