/* gloss-name-dialog.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_NAME_DIALOG (gloss_name_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GlossNameDialog, gloss_name_dialog, GLOSS, NAME_DIALOG, GtkWindow)

/* Asks for the annotator name on first use.  Continue stores it in the
 * "annotator-name" key of @settings, with the annotator id it offers
 * (made of the name, editable) in "annotator-id", and closes; closing the dialog
 * otherwise stores nothing.  Either way "done" is emitted, once. */
GtkWidget *gloss_name_dialog_new          (GtkWindow       *parent,
                                           GSettings       *settings);
GSettings *gloss_name_dialog_get_settings (GlossNameDialog *self);

G_END_DECLS
