/* gloss-transfer-dialog.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gloss-transfer-job.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_TRANSFER_DIALOG (gloss_transfer_dialog_get_type ())

G_DECLARE_DERIVABLE_TYPE (GlossTransferDialog, gloss_transfer_dialog, GLOSS, TRANSFER_DIALOG, GtkWindow)

/* What Export… and Import… share: the header bar, a job run in a thread
 * with a progress bar and a way to stop, closing once it has stopped, and
 * a report with an Open Folder button for the folder the job wrote to.  A
 * subclass's template gives its form, <child type="form">, and the button
 * that starts the job, <child type="start-button">; it names the progress
 * page with the progress-title property and may explain the stop button
 * with stop-tooltip. */
struct _GlossTransferDialogClass
{
  GtkWindowClass parent_class;

  /* Enables the subclass's actions for whether a job is running. */
  void (*update_actions) (GlossTransferDialog *self);
  /* @job is over and its report shown: what else the subclass does with
   * it, or NULL. */
  void (*finished)       (GlossTransferDialog *self,
                          GlossTransferJob    *job);
};

/* The article the dialog was opened on, or NULL. */
GFile    *gloss_transfer_dialog_get_article (GlossTransferDialog *self);
/* TRUE while a job is running. */
gboolean  gloss_transfer_dialog_get_running (GlossTransferDialog *self);
/* Asks the job under way to stop. */
void      gloss_transfer_dialog_stop        (GlossTransferDialog *self);

G_END_DECLS
