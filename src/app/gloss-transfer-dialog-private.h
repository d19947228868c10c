/* gloss-transfer-dialog-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-transfer-dialog.h"

G_BEGIN_DECLS

/* For the subclasses of GlossTransferDialog only. */

/* TRUE once the dialog is disposed: a callback that comes later does
 * nothing. */
gboolean _gloss_transfer_dialog_is_disposed (GlossTransferDialog *self);

/* Runs @job in a thread and shows its progress, then its report; Open
 * Folder will open @result_folder. */
void     _gloss_transfer_dialog_run         (GlossTransferDialog *self,
                                             GlossTransferJob    *job,
                                             GFile               *result_folder);

G_END_DECLS
