/* gloss-concordance-dialog.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gloss-codebook.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_CONCORDANCE_DIALOG (gloss_concordance_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GlossConcordanceDialog, gloss_concordance_dialog, GLOSS, CONCORDANCE_DIALOG, GtkWindow)

/* The concordance of a folder: every occurrence of a phrase (matching
 * case and whole words when asked), or every passage of a tag (of one
 * annotator or all), as keyword-in-context rows in a table sortable by
 * any column.  The search runs in a worker thread, the rows filling in
 * with a progress bar; a new search stops the one under way.  Export
 * CSV… writes the rows in the table's order.  Activating a row emits
 * ::passage-activated with the article's GFile and the passage's start
 * and end (characters).  After a phrase search, each row has a check
 * button, all checked at first, and Tag All in Corpus emits ::tag-all
 * with the tag chosen; the window tags the checked rows
 * (gloss_concordance_dialog_dup_checked). */
GlossConcordanceDialog *gloss_concordance_dialog_new          (GtkWindow              *parent);
/* Searches @folder from now on, with @annotators (ids, the user's
 * first) to choose from and the tags of @codebook; the table is
 * emptied. */
void                    gloss_concordance_dialog_set_corpus   (GlossConcordanceDialog *self,
                                                               GFile                  *folder,
                                                               const char * const     *annotators,
                                                               GlossCodebook          *codebook);
GFile                  *gloss_concordance_dialog_get_folder   (GlossConcordanceDialog *self);
/* Whether a search is under way. */
gboolean                gloss_concordance_dialog_is_searching (GlossConcordanceDialog *self);
/* The rows (GlossConcordanceItem) in the table's order. */
GListModel             *gloss_concordance_dialog_get_rows     (GlossConcordanceDialog *self);
/* The rows checked for Tag All in Corpus (GlossConcordanceItem, in the
 * order found); none unless the last search was for a phrase. */
GPtrArray              *gloss_concordance_dialog_dup_checked  (GlossConcordanceDialog *self);
/* How @article and the user's file on it were when searched
 * (gloss_corpus_article_stamp), or NULL. */
const char             *gloss_concordance_dialog_get_stamp    (GlossConcordanceDialog *self,
                                                               GFile                  *article);
/* Writes the rows as CSV to @file, atomically; refuses an article of the
 * corpus or an annotation file. */
gboolean                gloss_concordance_dialog_write_csv    (GlossConcordanceDialog *self,
                                                               GFile                  *file,
                                                               GError                **error);

G_END_DECLS
