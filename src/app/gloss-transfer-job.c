/* gloss-transfer-job.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-transfer-dialog"

#include "config.h"

#include "gloss-transfer-job.h"

G_DEFINE_ABSTRACT_TYPE (GlossTransferJob, gloss_transfer_job, G_TYPE_OBJECT)

GlossTransferReport *
gloss_transfer_report_new (const char *title,
                           const char *summary,
                           const char *details)
{
  GlossTransferReport *report;

  g_return_val_if_fail (title != NULL && summary != NULL && details != NULL, NULL);

  report = g_new0 (GlossTransferReport, 1);
  report->title = g_strdup (title);
  report->summary = g_strdup (summary);
  report->details = g_strdup (details);
  return report;
}

void
gloss_transfer_report_free (GlossTransferReport *report)
{
  if (report == NULL)
    return;

  g_free (report->title);
  g_free (report->summary);
  g_free (report->details);
  g_free (report);
}

static void
gloss_transfer_job_class_init (GlossTransferJobClass *klass)
{
}

static void
gloss_transfer_job_init (GlossTransferJob *self)
{
}

void
gloss_transfer_job_run (GlossTransferJob *self,
                        GCancellable     *cancellable)
{
  g_return_if_fail (GLOSS_IS_TRANSFER_JOB (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  GLOSS_TRANSFER_JOB_GET_CLASS (self)->run (self, cancellable);
}

char *
gloss_transfer_job_dup_progress (GlossTransferJob *self,
                                 guint            *done,
                                 guint            *total)
{
  g_return_val_if_fail (GLOSS_IS_TRANSFER_JOB (self), NULL);
  g_return_val_if_fail (done != NULL && total != NULL, NULL);

  return GLOSS_TRANSFER_JOB_GET_CLASS (self)->dup_progress (self, done, total);
}

GlossTransferReport *
gloss_transfer_job_report (GlossTransferJob *self)
{
  g_return_val_if_fail (GLOSS_IS_TRANSFER_JOB (self), NULL);

  return GLOSS_TRANSFER_JOB_GET_CLASS (self)->report (self);
}
