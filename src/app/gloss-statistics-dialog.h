/* gloss-statistics-dialog.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gloss-corpus-statistics.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_STATISTICS_DIALOG (gloss_statistics_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GlossStatisticsDialog, gloss_statistics_dialog, GLOSS, STATISTICS_DIALOG, GtkWindow)

/* The statistics of a folder: how many passages each annotator gave each
 * tag, in all (drawn as bars per tag, one colour per annotator) and per
 * article, in a table sortable by any column.  The files are read in a
 * worker thread, with a progress bar. */
GlossStatisticsDialog *gloss_statistics_dialog_new            (GtkWindow             *parent);
/* Counts @folder's passages anew; @user (the user's id) takes the first
 * of the annotators' colours, as in the window. */
void                   gloss_statistics_dialog_count          (GlossStatisticsDialog *self,
                                                               GFile                 *folder,
                                                               const char            *user);
gboolean               gloss_statistics_dialog_is_counting    (GlossStatisticsDialog *self);
/* What was counted last, or NULL. */
GlossCorpusStatistics *gloss_statistics_dialog_get_statistics (GlossStatisticsDialog *self);
/* The table's rows (GlossTagCountItem), in its order: the totals first
 * until sorted otherwise. */
GListModel            *gloss_statistics_dialog_get_rows       (GlossStatisticsDialog *self);

G_END_DECLS
