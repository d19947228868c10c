/* gloss-export-dialog.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-transfer-dialog.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_EXPORT_DIALOG (gloss_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GlossExportDialog, gloss_export_dialog, GLOSS, EXPORT_DIALOG, GlossTransferDialog)

/* Exports @article, or every annotated article of its folder, in one of
 * the research formats: the articles are found and written in a thread,
 * with a progress bar and a way to stop, and a report at the end. */
GtkWidget *gloss_export_dialog_new (GtkWindow *parent,
                                    GFile     *article);

G_END_DECLS
