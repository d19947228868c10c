/* gloss-application.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_APPLICATION (gloss_application_get_type ())

G_DECLARE_FINAL_TYPE (GlossApplication, gloss_application, GLOSS, APPLICATION, GtkApplication)

GlossApplication *gloss_application_new              (void);
/* Registers the UI resources; every class that loads one calls it. */
void              _gloss_ensure_resources            (void);
GSettings        *gloss_application_get_settings     (GlossApplication *self);
/* The user's annotator name, and id: the "annotator-id" setting, which
 * is made once from the name when empty (and stays the login name's slug,
 * unstored, while no name is set). */
char             *gloss_application_dup_annotator_name (GlossApplication *self);
char             *gloss_application_dup_annotator_id   (GlossApplication *self);
/* The same from @settings, the application's or a test's. */
char             *gloss_settings_dup_annotator_id      (GSettings        *settings);
/* Opens a window on @file (an article or an annotation file); an
 * annotation file of an article a window shows is shown in that window,
 * which is raised, instead. */
GtkWindow        *gloss_application_open_file        (GlossApplication *self,
                                                      GFile            *file);

G_END_DECLS
