/* gloss-export-job.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-corpus.h"
#include "gloss-export.h"
#include "gloss-transfer-job.h"

G_BEGIN_DECLS

/* The work behind the export dialog, done in a GTask thread so that the
 * window never waits: finding the annotated articles, then writing them.
 * Nothing here touches a widget. */

/* What a scan found: the articles and the annotators of their files. */
typedef struct
{
  GPtrArray *articles;   /* GlossCorpusArticle, sorted by path */
  char **annotators;     /* sorted ids, from the annotation files' names */
} GlossExportScan;

void            gloss_export_scan_free     (GlossExportScan *scan);

/* Runs in a thread: the task data is a GFile, an article (its annotation
 * files are listed) or a folder (walked for annotated articles, with its
 * subfolders); returns a GlossExportScan. */
void            gloss_export_scan_thread   (GTask           *task,
                                            gpointer         source_object,
                                            gpointer         task_data,
                                            GCancellable    *cancellable);

#define GLOSS_TYPE_EXPORT_JOB (gloss_export_job_get_type ())

G_DECLARE_FINAL_TYPE (GlossExportJob, gloss_export_job, GLOSS, EXPORT_JOB, GlossTransferJob)

/* Writes the articles of a scan, one at a time, as gloss-cli does, and
 * stops between articles (and within a write) once cancelled.  The dialog
 * sets what to do before the job runs; the rest is the job's. */
struct _GlossExportJob
{
  GlossTransferJob parent_instance;

  /* What to do, set before the job runs */
  const GlossFormat *format;
  gboolean spreadsheet_safe;
  gboolean excel;              /* a CSV for spreadsheets */
  gboolean annotator_columns;  /* CoNLL: the annotators side by side */
  GlossOffsetUnit offset_unit;
  GlossIobScheme scheme;
  char **annotators;
  GFile *destination;
  GFile *root;             /* articles are named relative to it; NULL: by base name */
  GPtrArray *articles;     /* GlossCorpusArticle */

  /* Articles done so far, read with g_atomic_int_get from any thread */
  int done;

  /* What happened, read once the task is over */
  gboolean cancelled;
  char *failure;           /* why the export stopped before its end, or NULL */
  guint n_articles;
  guint n_annotations;
  GPtrArray *problems;     /* "article: why", one per article that failed */
  GPtrArray *warnings;     /* what the format could not hold */
};

GlossExportJob *gloss_export_job_new       (void);
/* TRUE when the format writes a folder rather than one file. */
gboolean        gloss_export_job_is_folder (GlossExportJob  *job);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossExportScan, gloss_export_scan_free)

G_END_DECLS
