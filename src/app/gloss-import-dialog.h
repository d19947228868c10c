/* gloss-import-dialog.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-transfer-dialog.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_IMPORT_DIALOG (gloss_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GlossImportDialog, gloss_import_dialog, GLOSS, IMPORT_DIALOG, GlossTransferDialog)

/* Imports annotations made in another tool (brat, doccano, W3C, Label
 * Studio) into Gloss annotation files, in a thread, with a progress bar,
 * a way to stop and a report.  @article is the article open in the
 * window, or NULL: the dialog says when the import wrote one of its
 * annotation files (the article-imported signal).  @annotator_id is the
 * annotator proposed for the files written. */
GtkWidget *gloss_import_dialog_new (GtkWindow  *parent,
                                    GFile      *article,
                                    const char *annotator_id);

G_END_DECLS
