/* gloss-export-dialog-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-export-dialog.h"
#include "gloss-export-job.h"

G_BEGIN_DECLS

/* Shared by gloss-export-dialog.c (the options, the scan of the articles
 * and the destination) and gloss-export-dialog-run.c (the export in its
 * thread, its progress and its report). */
struct _GlossExportDialog
{
  GtkWindow parent_instance;

  GFile *article;
  GCancellable *scan_cancellable;
  GlossExportScan *scan;          /* the articles of the scope, once found */
  GTask *task;                    /* the export being written */
  GCancellable *cancellable;
  guint progress_source;
  char *default_destination;      /* the name last proposed in the entry */
  char *confirmed;                /* a destination the user agreed to replace */
  GFile *result_folder;           /* what Open Folder opens */
  gboolean folder_scope;          /* the scope the scan is for */
  gboolean close_when_done;
  gboolean disposed;

  /* Template children */
  GtkStack *stack;
  GtkButton *close_button;
  GtkButton *export_button;
  GtkDropDown *format_dropdown;
  GtkLabel *format_note;
  GtkCheckButton *spreadsheet_check;
  GtkWidget *offsets_box;
  GtkDropDown *offsets_dropdown;
  GtkWidget *scheme_box;
  GtkDropDown *scheme_dropdown;
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
  GtkLabel *progress_label;
  GtkProgressBar *progress_bar;
  GtkButton *stop_button;
  GtkLabel *report_title;
  GtkLabel *report_label;
  GtkWidget *problems_scroller;
  GtkLabel *problems_label;
  GtkButton *open_folder_button;
};

void    _gloss_export_dialog_update_actions (GlossExportDialog *self);
/* @task is the export under way, or NULL once it is over. */
void    _gloss_export_dialog_set_running    (GlossExportDialog *self,
                                             GTask             *task);
/* The ids of the annotators checked in the list. */
char  **_gloss_export_dialog_dup_annotators (GlossExportDialog *self);

/* Starts writing the scanned articles to @destination, which the user
 * agreed to. */
void    _gloss_export_dialog_start          (GlossExportDialog *self,
                                             GlossExportFormat  format,
                                             GFile             *destination);
/* Asks the export under way to stop. */
void    _gloss_export_dialog_stop           (GlossExportDialog *self);

G_END_DECLS
