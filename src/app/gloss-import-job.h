/* gloss-import-job.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-import.h"

G_BEGIN_DECLS

/* The work behind the import dialog, done in a GTask thread.  Nothing
 * here touches a widget. */
typedef struct
{
  /* What to do, set before the job runs */
  const GlossFormat *format;
  char *annotator;          /* NULL: the one the input names */
  gboolean overwrite;
  GlossOffsetUnit offset_unit;
  GPtrArray *inputs;        /* GFile: files and folders, as the user chose them */
  GFile *article;           /* the article open in the window, or NULL */

  /* Progress, read with g_atomic_int_get from any thread */
  int done;
  int total;

  /* What happened, read once the task is over */
  gboolean cancelled;
  guint n_files;
  guint n_annotations;
  guint n_kept;
  guint n_failed;           /* input files that could not be imported whole */
  GPtrArray *problems;      /* "file:line: what", one line each */
  GPtrArray *notes;         /* what was kept, and where */
  GPtrArray *written;       /* GFile: annotation files of @article the import wrote */
} GlossImportJob;

GlossImportJob *gloss_import_job_new    (void);
void            gloss_import_job_free   (GlossImportJob *job);
/* Runs in a thread; the task data is a GlossImportJob.  Stops between
 * input files once @cancellable is cancelled. */
void            gloss_import_job_thread (GTask          *task,
                                         gpointer        source_object,
                                         gpointer        task_data,
                                         GCancellable   *cancellable);

G_END_DECLS
