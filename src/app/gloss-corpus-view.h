/* gloss-corpus-view.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gloss-corpus-status.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_CORPUS_VIEW (gloss_corpus_view_get_type ())

G_DECLARE_FINAL_TYPE (GlossCorpusView, gloss_corpus_view, GLOSS, CORPUS_VIEW, GtkWidget)

/* A folder as a corpus: every article under it in a table (title, where
 * it is, its size, the user's passages and status, then each teammate's
 * status and passages), sortable by any column, filtered by text, by
 * status and by annotator, with how far the user has got above it
 * ("38 of 120 done by you").  When the folder holds a
 * gloss-assignments.csv, an Assigned column says who should annotate
 * each article, a filter keeps the user's, the counts are those of what
 * is assigned ("12 of 40 assigned to you done", and each annotator's),
 * and a notice names the file's line when it is malformed or names an
 * article the folder does not hold.  The folder is walked and each article read
 * in a worker thread: the articles are listed at once, by name, and
 * their titles and statuses fill in as they are read, a progress bar
 * showing how far; then the view follows the folder, reading again an
 * article whose file or annotation files change, appear or vanish.
 * Activating a row emits ::article-activated with the article's GFile. */
GtkWidget *gloss_corpus_view_new            (void);
/* Shows the corpus of @folder for the annotator @annotator (the user's
 * id): the table is emptied and the folder scanned anew. */
void       gloss_corpus_view_set_folder     (GlossCorpusView *self,
                                             GFile           *folder,
                                             const char      *annotator);
GFile     *gloss_corpus_view_get_folder     (GlossCorpusView *self);
/* The ids of the annotators with a file in the folder, the user's first;
 * NULL until the folder is walked. */
const char * const *gloss_corpus_view_get_annotators (GlossCorpusView *self);
/* Whether the articles are still being read. */
gboolean   gloss_corpus_view_is_scanning    (GlossCorpusView *self);
/* How many articles are listed, and how many the filters let through. */
guint      gloss_corpus_view_get_n_articles (GlossCorpusView *self);
guint      gloss_corpus_view_get_n_shown    (GlossCorpusView *self);
/* The article shown at @position, in the table's order (sorted and
 * filtered), or NULL. */
GFile     *gloss_corpus_view_get_shown      (GlossCorpusView *self,
                                             guint            position);
/* What the table knows of @article (NULL while it is being read, or when
 * it is not listed): owned by the view. */
const GlossArticleStatus *gloss_corpus_view_get_status (GlossCorpusView *self,
                                                        GFile           *article);
/* The annotators gloss-assignments.csv assigns @article to, sorted (NULL
 * without the file, or for an article assigned to nobody): owned by the
 * view. */
const char * const *gloss_corpus_view_get_assigned (GlossCorpusView *self,
                                                    GFile           *article);
/* The article after (@step 1) or before (-1) @article in the table's
 * order, or the first (last) when @article is not shown; NULL past the
 * end.  The caller owns the result. */
GFile     *gloss_corpus_view_get_neighbour  (GlossCorpusView *self,
                                             GFile           *article,
                                             int              step);
/* Selects @article's row and scrolls to it. */
void       gloss_corpus_view_select         (GlossCorpusView *self,
                                             GFile           *article);
/* Reads @article again (its annotation files changed). */
void       gloss_corpus_view_refresh        (GlossCorpusView *self,
                                             GFile           *article);

G_END_DECLS
