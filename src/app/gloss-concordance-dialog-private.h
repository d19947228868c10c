/* gloss-concordance-dialog-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-concordance.h"
#include "gloss-concordance-dialog.h"

G_BEGIN_DECLS

/* The concordance dialog's parts: the form, the table and the export
 * (gloss-concordance-dialog.c), and the search in a worker thread
 * (gloss-concordance-dialog-search.c). */

struct _GlossConcordanceDialog
{
  GtkWindow parent_instance;

  GFile *folder;
  GStrv annotators;
  GHashTable *inputs;            /* the articles' URIs, which an export never replaces */
  guint generation;              /* one more for each search */
  GCancellable *cancellable;     /* the search under way */
  gboolean searching;
  guint n_articles;              /* with a row, in the last search */
  GPtrArray *problems;           /* what the last search could not read, naming the files */
  GHashTable *stamps;            /* article URI → its files' stamp when searched (phrases only) */
  gboolean phrase;               /* the last search was for a phrase: its rows can be tagged */

  GListStore *rows;              /* GlossConcordanceItem, as found */
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;
  GtkStringList *tag_ids;
  GtkStringList *annotator_names;

  GtkDropDown *kind_dropdown;
  GtkEntry *phrase_entry;
  GtkCheckButton *match_case_check;
  GtkCheckButton *whole_words_check;
  GtkDropDown *tag_dropdown;
  GtkDropDown *annotator_dropdown;
  GtkLabel *status_label;
  GtkProgressBar *progress;
  GtkColumnView *table;
  GtkColumnViewColumn *check_column;
  GtkWidget *tag_all_box;
  GtkDropDown *tag_all_dropdown;
};

/* Starts a search of the folder for @query, stopping the one under way
 * (gloss-concordance-dialog-search.c). */
void _gloss_concordance_dialog_start   (GlossConcordanceDialog      *self,
                                        const GlossConcordanceQuery *query);
/* Stops the search under way, if any. */
void _gloss_concordance_dialog_stop    (GlossConcordanceDialog      *self);
/* Says how far the search has got, or what it found
 * (gloss-concordance-dialog.c). */
void _gloss_concordance_dialog_update_status (GlossConcordanceDialog *self,
                                              guint                   n_done,
                                              guint                   n_total);

G_END_DECLS
