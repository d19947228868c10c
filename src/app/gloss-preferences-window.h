/* gloss-preferences-window.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_PREFERENCES_WINDOW (gloss_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (GlossPreferencesWindow, gloss_preferences_window, GLOSS, PREFERENCES_WINDOW, GtkWindow)

/* The annotator name, word snapping and reading font, each applied to
 * @settings as soon as it changes. */
GtkWidget *gloss_preferences_window_new          (GtkWindow              *parent,
                                                  GSettings              *settings);
GSettings *gloss_preferences_window_get_settings (GlossPreferencesWindow *self);

G_END_DECLS
