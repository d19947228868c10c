/* gloss-export-dialog-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-export-dialog.h"
#include "gloss-export-job.h"
#include "gloss-format-chooser.h"
#include "gloss-transfer-dialog-private.h"

G_BEGIN_DECLS

/* Shared by gloss-export-dialog.c (the options, the scan of the articles
 * and the destination) and gloss-export-dialog-run.c (the export job,
 * set up from the options). */
struct _GlossExportDialog
{
  GlossTransferDialog parent_instance;

  GCancellable *scan_cancellable;
  GlossExportScan *scan;          /* the articles of the scope, once found */
  char *default_destination;      /* the name last proposed in the entry */
  char *confirmed;                /* a destination the user agreed to replace */
  gboolean folder_scope;          /* the scope the scan is for */

  /* Template children */
  GlossFormatChooser *format_chooser;
  GtkCheckButton *article_check;
  GtkCheckButton *folder_check;
  GtkSpinner *scan_spinner;
  GtkLabel *scan_label;
  GtkScrolledWindow *annotator_scroller;
  GtkListBox *annotator_list;
  GtkEntry *destination_entry;
  GtkRevealer *message_revealer;
  GtkLabel *message_label;
  GtkButton *replace_button;
};

/* The ids of the annotators checked in the list. */
char  **_gloss_export_dialog_dup_annotators     (GlossExportDialog *self);

/* Starts writing the scanned articles to @destination, which the user
 * agreed to. */
void    _gloss_export_dialog_start              (GlossExportDialog *self,
                                                 const GlossFormat *format,
                                                 GFile             *destination);

G_END_DECLS
