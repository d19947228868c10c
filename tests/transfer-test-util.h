/* transfer-test-util.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "article-test-util.h"
#include "gloss-transfer-dialog.h"

G_BEGIN_DECLS

/* What the tests of Export… and Import… share, besides the windows and
 * the main loop of article-test-util.h: a folder with a copy of a sample
 * article, and the dialogs opened, read and set as a user would. */

typedef struct
{
  char *dir;        /* the articles: harbour-bridge.txt and its two layers */
  char *out;        /* where exports go */
  char *article;
  GlossWindow *window;
} Fixture;

typedef void (*FixtureFunc) (Fixture       *f,
                             gconstpointer  data);

/* Adds the test @func at @path, with a Fixture set up and torn down
 * around it. */
void         transfer_test_add  (const char   *path,
                                 FixtureFunc   func);

/* Copies data/samples/@article and its annotation files into @dir. */
void         copy_article       (const char   *dir,
                                 const char   *article);

/* The first toplevel window of @type, or NULL. */
GtkWindow   *find_toplevel      (GType         type);
/* Activates @action in @window and returns the dialog of @type it opened
 * for @window. */
GtkWidget   *open_transfer_dialog (GlossWindow  *window,
                                   const char   *action,
                                   GType         type);
/* TRUE once @dialog shows the report of a job that is over. */
gboolean     transfer_done      (gpointer      dialog);

/* The template child @name of @widget, which must exist, from the
 * template of its class or of a parent class, or else of the format
 * chooser in it. */
gpointer     child              (gpointer      widget,
                                 const char   *name);
const char  *label_text         (gpointer      dialog,
                                 const char   *name);
void         activate           (gpointer      widget,
                                 const char   *action,
                                 GVariant     *parameter);
/* Clicks @button, which must be shown and sensitive. */
void         click              (gpointer      button);
void         assert_labelled    (gpointer      widget);
/* Asserts that @control, a template child of @dialog in its form's
 * column of controls, lines up with the format list of the chooser above
 * it, also once the dialog is made wider. */
void         assert_form_aligned (gpointer     dialog,
                                  const char  *control);

/* An open-folder handler: keeps the URI in *@launched and stops the
 * emission, so that no file manager opens during the tests. */
void         record_uri         (GtkWidget    *dialog,
                                 const char   *uri,
                                 char        **launched);

G_END_DECLS
