/* gloss-corpus-view-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-corpus.h"
#include "gloss-corpus-assignments.h"
#include "gloss-corpus-view.h"

G_BEGIN_DECLS

/* The corpus view's parts: reading and following the folder
 * (gloss-corpus-view.c), the table, its filters and the view's API
 * (gloss-corpus-view-table.c), its columns (gloss-corpus-view-columns.c),
 * and the folder's gloss-assignments.csv, read, followed and shown
 * (gloss-corpus-view-assigned.c). */

/* A row of the table: an article, where it is under the folder, and what
 * was read of it (NULL until it is). */
#define GLOSS_TYPE_CORPUS_ITEM (gloss_corpus_item_get_type ())
G_DECLARE_FINAL_TYPE (GlossCorpusItem, gloss_corpus_item, GLOSS, CORPUS_ITEM, GObject)

struct _GlossCorpusItem
{
  GObject parent_instance;

  GFile *article;
  char *path;                    /* relative to the folder */
  GlossArticleStatus *status;
  guint position;                /* where it was put in the list: a hint */
};

struct _GlossCorpusView
{
  GtkWidget parent_instance;

  GFile *folder;
  char *annotator;               /* the user's id */
  GStrv annotators;              /* the user's, then the others', sorted */
  guint generation;              /* one more for each folder shown */
  GCancellable *cancellable;
  gboolean scanning;
  guint n_read;

  GListStore *items;             /* GlossCorpusItem, in the walk's order */
  GHashTable *by_path;           /* article path → GlossCorpusItem (borrowed) */
  GtkFilter *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;

  GPtrArray *monitors;           /* GFileMonitor, one per folder with articles */
  GHashTable *watched;           /* their folders' paths → last modified (gint64 *, µs) */
  guint poll_id;                 /* the look at the folders' times */

  GlossAssignments *assignments; /* NULL without the file, or when it is malformed */
  char *assignments_problem;     /* why it could not be read, naming it and the line; or NULL */
  gint64 assignments_stamp;      /* its time and size when last read, to see it change */
  guint assignments_serial;      /* one more for each reading of the file */
  gboolean listed;               /* the walk's listing has come */

  GtkLabel *counts;
  GtkProgressBar *progress;
  GtkSearchEntry *search;
  GtkDropDown *status_dropdown;
  GtkDropDown *annotator_dropdown;
  GtkStringList *annotator_names;
  GtkColumnView *table;
  GtkColumnViewColumn *assigned_column;
  GtkLabel *notice;              /* what is wrong with gloss-assignments.csv */
  GtkLabel *assigned_progress;   /* each annotator's progress on what is assigned */
  GtkToggleButton *assigned_filter;
};

GlossCorpusItem          *_gloss_corpus_item_new   (GFile           *folder,
                                                    GFile           *article);
/* The title the row shows: the article's, or its path until it is read. */
const char               *_gloss_corpus_item_title (GlossCorpusItem *item);
/* @annotator's work on the article, or NULL while it is being read; an
 * annotator it was not read for has not started. */
const GlossAnnotatorWork *_gloss_corpus_item_work  (GlossCorpusItem *item,
                                                    const char      *annotator);

/* The columns (gloss-corpus-view-columns.c). */
const char *_gloss_corpus_status_label (GlossWorkStatus      status);
void _gloss_corpus_view_build_columns  (GlossCorpusView     *self);

/* The assignments (gloss-corpus-view-assigned.c). */
/* Who the article is assigned to, "alice, ben" (the user in bold with
 * @markup); "" without assignments. */
char    *_gloss_corpus_view_describe_assigned  (GlossCorpusView *self,
                                                GlossCorpusItem *item,
                                                gboolean         markup);
gboolean _gloss_corpus_view_is_assigned_to_user (GlossCorpusView *self,
                                                GlossCorpusItem *item);
/* Reads the file again in a worker thread. */
void     _gloss_corpus_view_read_assignments   (GlossCorpusView *self);
/* Takes over what a reading of the file gave: @assignments (taken, or
 * NULL) or @error (NULL, or why it could not be read). */
void     _gloss_corpus_view_take_assignments   (GlossCorpusView  *self,
                                                GlossAssignments *assignments,
                                                const GError     *error);
/* Shows the assignments: the column, the filter, the notice, the
 * counts.  Called once the articles are listed and whenever the file is
 * read again. */
void     _gloss_corpus_view_show_assignments   (GlossCorpusView *self);
/* The file's time and size, as a stamp that changes with it. */
gint64   _gloss_corpus_view_assignments_stamp  (GlossCorpusView *self);
/* Says the counts: the user's, each annotator's progress on what is
 * assigned, the reading's progress. */
void     _gloss_corpus_view_update_counts      (GlossCorpusView *self);

/* Reading (gloss-corpus-view.c). */
/* The annotators of @listing and of @assignments (when not NULL), the
 * user first, then the others sorted. */
GStrv _gloss_corpus_view_annotators_of (GlossCorpusListing *listing,
                                        GlossAssignments   *assignments,
                                        const char         *annotator);
/* Every row replaced by a new one holding what was read: after a change
 * that every row shows. */
void _gloss_corpus_view_renew_rows     (GlossCorpusView     *self);
void _gloss_corpus_view_start_scan     (GlossCorpusView     *self);
void _gloss_corpus_view_watch          (GlossCorpusView     *self,
                                        GFile               *folder);
/* What the reading hands over (gloss-corpus-view-table.c): the walk's
 * listing (taken, *@listing set to NULL) in the first batch, then
 * statuses (borrowed: taken one by one); @n_read articles read so far,
 * @last when all are. */
void _gloss_corpus_view_take_batch     (GlossCorpusView     *self,
                                        GlossCorpusListing **listing,
                                        GPtrArray           *statuses,
                                        guint                n_read,
                                        gboolean             last);
void _gloss_corpus_view_take_status    (GlossCorpusView     *self,
                                        GlossArticleStatus  *status);
void _gloss_corpus_view_scan_failed    (GlossCorpusView     *self,
                                        const GError        *error);
/* Looks every @seconds at when each folder listed was last modified and
 * reads again the articles of one that changed: what a watch misses (a
 * network drive, a folder made anew) is seen all the same.  0 stops. */
void _gloss_corpus_view_set_poll       (GlossCorpusView     *self,
                                        guint                seconds);
/* A file of @article, or @article itself, appeared, changed or vanished. */
void _gloss_corpus_view_article_changed (GlossCorpusView    *self,
                                        GFile               *article);

G_END_DECLS
