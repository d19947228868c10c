/* article-test-util.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "file-test-util.h"
#include "gloss-application.h"
#include "gloss-window.h"

G_BEGIN_DECLS

/* What the tests of the window share: an article written in a folder of
 * its own and opened in a real window, the main loop turned until
 * something happens, files written, read and deleted (file-test-util.h),
 * and the view's text, tags and geometry read back. */

typedef struct
{
  char *dir;
  char *path;
  GlossWindow *window;
} Article;

/* The height of the windows the next articles open in (800). */
extern int window_height;
/* How many seconds wait_until() and settle() wait before failing (30),
 * times slow_factor. */
extern int wait_limit;
/* 10 in a build under AddressSanitizer, which runs GTK about ten times
 * slower; 1 otherwise.  Every time limit of the widget tests is
 * multiplied by it, and by nothing else. */
extern const int slow_factor;

/* Starts GTK and registers the application the windows belong to, with
 * "Test Person" as the user's name (so "test-person" as the user's id). */
void           article_test_init (int          *argc,
                                  char       ***argv);
/* Registers the application, GTK being started, with @annotator_name as
 * the user's name. */
void           article_test_start_app (const char *annotator_name);
/* Runs the tests, then drops the application. */
int            article_test_run  (void);
/* The application the windows belong to. */
GlossApplication *test_application (void);

/* Runs the main loop until @done returns TRUE, failing after wait_limit
 * seconds. */
void           wait_until        (gboolean   (*done) (gpointer),
                                  gpointer      data);
/* For wait_until: whether the pointer at @location (a weak pointer) is
 * NULL. */
gboolean       points_to_null    (gpointer      location);
/* Runs the main loop for @milliseconds. */
void           run_for           (guint         milliseconds);
/* Runs the main loop until nothing is pending. */
void           settle            (void);
/* Lets @widget draw twice, as it would on screen, then settles. */
void           draw_frames       (GtkWidget    *widget);
/* @widget rendered as it is now, in Cairo's ARGB32 (B, G, R, A bytes on
 * little-endian machines), @width × @height pixels, 4 × @width a row. */
guchar        *render_pixels     (GtkWidget    *widget,
                                  int          *width,
                                  int          *height);
/* The result of gloss_window_open_async, set by opening_done_cb (whose
 * data it is). */
typedef struct
{
  gboolean done;
  gboolean opened;
  GError *error;
} Opening;

void           opening_done_cb   (GObject      *window,
                                  GAsyncResult *result,
                                  gpointer      opening);
/* Opens @file in @window and runs the main loop until the window shows it
 * or says why it could not: gloss_window_open_finish's result. */
gboolean       open_in_window    (GlossWindow  *window,
                                  GFile        *file);
/* A new folder named after @prefix holding @text as a.txt, whose path
 * goes to @article, with no choice remembered about teammates' files (so
 * that the offer to show them comes as for a first visit). */
char          *make_article_folder (const char  *prefix,
                                    const char  *text,
                                    char       **article);
/* A window shown on @path, once it has settled. */
GlossWindow   *open_window       (const char   *path);

/* Writes @text as @name in a new folder and opens it in a window drawn
 * once; when @wait, also waits for everything the window has to do. */
Article       *open_text_full    (const char   *name,
                                  const char   *text,
                                  gboolean      wait);
Article       *open_text         (const char   *name,
                                  const char   *text);
/* Opens a copy of data/samples/@name, so that annotating it writes
 * nothing into the source tree. */
Article       *open_sample       (const char   *name);
/* Activates @action of @window with @parameter (may be NULL), as its key
 * or button would, then settles. */
void           activate_action   (GlossWindow  *window,
                                  const char   *action,
                                  GVariant     *parameter);
/* Destroys @window, then settles. */
void           close_window      (GlossWindow  *window);
/* Closes the window and deletes the folder. */
void           close_article     (Article      *a);

GlossTextView *view_of           (Article      *a);
GtkTextBuffer *buffer_of         (Article      *a);
GlossSource   *source_of         (Article      *a);
/* The buffer's tag named @name, which must exist. */
GtkTextTag    *lookup_tag        (Article      *a,
                                  const char   *name);
gboolean       has_tag_at        (Article      *a,
                                  const char   *name,
                                  guint         offset);
/* Selects the first @needle of the text and presses number key @key, as
 * a person tags a passage; returns the passage then selected. */
GlossAnnotation *tag_text        (Article      *a,
                                  const char   *needle,
                                  int           key);
/* The character offset of @needle in the article's text. */
guint          offset_of         (Article      *a,
                                  const char   *needle);
/* Where the character at @offset is drawn, in the view's coordinates. */
GdkRectangle   char_rect         (Article      *a,
                                  guint         offset);
/* Shows @window's keyboard-shortcuts window, as Ctrl+? does, and checks
 * that each of its sections fits a 1280 × 800 screen, measured and as
 * drawn; then closes it. */
void           assert_help_overlay_fits (GlossWindow *window);
/* Whether @action (a detailed name: "win.link-type(1)") of @window is
 * enabled, as a button of the window bound to it shows: sensitive or
 * not. */
gboolean       window_action_enabled (GlossWindow *window,
                                      const char  *action);
/* The widget named @name inside @widget (itself included), or NULL. */
GtkWidget     *find_named        (GtkWidget    *widget,
                                  const char   *name);
/* The widget named @name in the widget named @row inside @widget; both
 * must exist. */
GtkWidget     *find_in_row       (GtkWidget    *widget,
                                  const char   *row,
                                  const char   *name);
/* The GtkLabel named @name inside @widget, or NULL. */
GtkWidget     *find_label        (GtkWidget    *widget,
                                  const char   *name);

G_END_DECLS
