/* transfer-test-util.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gloss-application.h"
#include "gloss-window.h"

G_BEGIN_DECLS

/* What the tests of Export… and Import… share: a window on a copy of a
 * sample article, the main loop turned until something happens, and the
 * dialogs' widgets read and set as a user would. */

typedef struct
{
  char *dir;        /* the articles: harbour-bridge.txt and its two layers */
  char *out;        /* where exports go */
  char *article;
  GlossWindow *window;
} Fixture;

/* Registers the application the windows belong to, with "Test Person" as
 * the user's name (so "test-person" as the user's id). */
void         transfer_test_init (int          *argc,
                                 char       ***argv);
int          transfer_test_run  (void);

void         fixture_set_up     (Fixture      *f,
                                 gconstpointer data);
void         fixture_tear_down  (Fixture      *f,
                                 gconstpointer data);

/* Runs the main loop until @done returns TRUE, failing after 30 s. */
void         wait_until         (gboolean   (*done) (gpointer),
                                 gpointer      data);
/* Runs the main loop until nothing is pending. */
void         settle             (void);

void         delete_tree        (const char   *path);
void         write_file         (const char   *path,
                                 const char   *text);
char        *read_file          (const char   *path);
/* Copies data/samples/@article and its annotation files into @dir. */
void         copy_article       (const char   *dir,
                                 const char   *article);

/* A window shown on @path. */
GlossWindow *open_window        (const char   *path);
/* The first toplevel window of @type, or NULL. */
GtkWindow   *find_toplevel      (GType         type);

/* The template child @name of @widget, which must exist. */
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

/* An open-folder handler: keeps the URI in *@launched and stops the
 * emission, so that no file manager opens during the tests. */
void         record_uri         (GtkWidget    *dialog,
                                 const char   *uri,
                                 char        **launched);

G_END_DECLS
