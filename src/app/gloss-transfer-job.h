/* gloss-transfer-job.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_TRANSFER_JOB (gloss_transfer_job_get_type ())

G_DECLARE_DERIVABLE_TYPE (GlossTransferJob, gloss_transfer_job, GLOSS, TRANSFER_JOB, GObject)

/* What a job that is over tells the user. */
typedef struct
{
  char *title;
  char *summary;
  char *details;   /* problems and notes, a line each; "" when there are none */
} GlossTransferReport;

GlossTransferReport *gloss_transfer_report_new  (const char          *title,
                                                 const char          *summary,
                                                 const char          *details);
void                 gloss_transfer_report_free (GlossTransferReport *report);

/* The work behind Export… and Import…: set up in the main thread, run in
 * a worker thread while the dialog reads how far it has got, then read
 * again for the report once it is over.  Nothing here touches a widget. */
struct _GlossTransferJobClass
{
  GObjectClass parent_class;

  /* Does the work, in a worker thread; stops soon once @cancellable is
   * cancelled. */
  void                 (*run)          (GlossTransferJob *self,
                                        GCancellable     *cancellable);
  /* From any thread, while run() goes on: @done of @total things, and
   * the words for it. */
  char                *(*dup_progress) (GlossTransferJob *self,
                                        guint            *done,
                                        guint            *total);
  /* Once run() is over: what happened. */
  GlossTransferReport *(*report)       (GlossTransferJob *self);
};

void                 gloss_transfer_job_run          (GlossTransferJob *self,
                                                      GCancellable     *cancellable);
char                *gloss_transfer_job_dup_progress (GlossTransferJob *self,
                                                      guint            *done,
                                                      guint            *total);
GlossTransferReport *gloss_transfer_job_report       (GlossTransferJob *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossTransferReport, gloss_transfer_report_free)

G_END_DECLS
