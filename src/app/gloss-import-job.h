/* gloss-import-job.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-import.h"
#include "gloss-transfer-job.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_IMPORT_JOB (gloss_import_job_get_type ())

G_DECLARE_FINAL_TYPE (GlossImportJob, gloss_import_job, GLOSS, IMPORT_JOB, GlossTransferJob)

/* The work behind the import dialog: reads the input files one at a
 * time, as gloss-cli does, and stops between them once cancelled.  The
 * dialog sets what to do before the job runs; the rest is the job's. */
struct _GlossImportJob
{
  GlossTransferJob parent_instance;

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
};

GlossImportJob *gloss_import_job_new (void);

G_END_DECLS
