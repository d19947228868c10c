/* gloss-annotator-id-dialog.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_ANNOTATOR_ID_DIALOG (gloss_annotator_id_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GlossAnnotatorIdDialog, gloss_annotator_id_dialog, GLOSS, ANNOTATOR_ID_DIALOG, GtkWindow)

/* Changes the "annotator-id" of @settings, after a warning, and renames
 * the user's annotation files in @folder (NULL when no article is open)
 * and, if asked, its subfolders to the new id.  The windows' unsaved work
 * is saved first; the dialog then reports what it renamed and what it
 * left. */
GtkWidget  *gloss_annotator_id_dialog_new        (GtkWindow              *parent,
                                                  GSettings              *settings,
                                                  GFile                  *folder);
/* The report shown once the files are renamed, or NULL before. */
const char *gloss_annotator_id_dialog_get_report (GlossAnnotatorIdDialog *self);

G_END_DECLS
