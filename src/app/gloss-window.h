/* gloss-window.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gloss-concordance-dialog.h"
#include "gloss-statistics-dialog.h"
#include "gloss-corpus-view.h"

#include "gloss-application.h"
#include "gloss-document.h"
#include "gloss-review.h"
#include "gloss-text-view.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_WINDOW (gloss_window_get_type ())

G_DECLARE_FINAL_TYPE (GlossWindow, gloss_window, GLOSS, WINDOW, GtkApplicationWindow)

GlossWindow   *gloss_window_new               (GlossApplication *application);
/* Opens an article or an annotation file in this window: the file is
 * read in a worker thread while the window shows a spinner, then shown.
 * The task ends once the document is shown (TRUE), or on failure once the
 * window says why, keeping what it showed (FALSE with the error); opening
 * another file in the window, or closing it, cancels it. */
void           gloss_window_open_async        (GlossWindow      *self,
                                               GFile            *file,
                                               GAsyncReadyCallback callback,
                                               gpointer          user_data);
gboolean       gloss_window_open_finish       (GlossWindow      *self,
                                               GAsyncResult     *result,
                                               GError          **error);
/* gloss_window_open_async without waiting for the result. */
void           gloss_window_open              (GlossWindow      *self,
                                               GFile            *file);
/* Shows the corpus of @folder beside the article (gloss-corpus-view.h):
 * its articles listed and read in a worker thread, each opened in this
 * window when activated. */
void           gloss_window_open_folder       (GlossWindow      *self,
                                               GFile            *folder);
GlossCorpusView *gloss_window_get_corpus_view (GlossWindow      *self);
/* The concordance of the folder (win.concordance), or NULL before it is
 * first shown. */
GlossConcordanceDialog *gloss_window_get_concordance (GlossWindow *self);
/* The statistics of the folder (win.corpus-statistics), or NULL before
 * they are first shown. */
GlossStatisticsDialog *gloss_window_get_statistics (GlossWindow *self);
/* Whether an opening is under way (the spinner shows). */
gboolean       gloss_window_is_loading        (GlossWindow      *self);
GlossDocument *gloss_window_get_document      (GlossWindow      *self);
GlossTextView *gloss_window_get_text_view     (GlossWindow      *self);
/* The units the window reviews, or NULL when it does not review. */
GlossReview   *gloss_window_get_review       (GlossWindow      *self);
/* Shows the layer of @file, a teammate's annotation file of the window's
 * article; FALSE when it is not one. */
gboolean       gloss_window_show_teammate_file (GlossWindow     *self,
                                               GFile            *file);
/* The message the banner shows, or NULL when it is hidden. */
const char    *gloss_window_get_banner_text   (GlossWindow      *self);
/* The message of the notice over the text, or NULL when none shows. */
const char    *gloss_window_get_notice_text   (GlossWindow      *self);
/* How long a notice without a button shows, in milliseconds (4000; one
 * with a button shows twice as long). */
void           gloss_window_set_notice_timeout (GlossWindow     *self,
                                               guint             milliseconds);

G_END_DECLS
