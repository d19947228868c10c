/* gloss-codebook-dialog.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gloss-document.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_CODEBOOK_DIALOG (gloss_codebook_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GlossCodebookDialog, gloss_codebook_dialog, GLOSS, CODEBOOK_DIALOG, GtkWindow)

/* A modal dialog that edits a copy of @document's codebook: colours,
 * labels, descriptions, order, new tags, and removal of the tags the
 * user's own annotations do not use.  Save writes gloss-codebook.json in
 * the article's folder, then gives the document's codebook the edited
 * tags; Cancel (or Escape) drops the changes. */
GtkWidget     *gloss_codebook_dialog_new          (GtkWindow           *parent,
                                                   GlossDocument       *document);
GlossDocument *gloss_codebook_dialog_get_document (GlossCodebookDialog *self);
/* The codebook being edited, a copy of the document's. */
GlossCodebook *gloss_codebook_dialog_get_codebook (GlossCodebookDialog *self);

G_END_DECLS
