/* gloss-window.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gloss-application.h"
#include "gloss-document.h"
#include "gloss-text-view.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_WINDOW (gloss_window_get_type ())

G_DECLARE_FINAL_TYPE (GlossWindow, gloss_window, GLOSS, WINDOW, GtkApplicationWindow)

GlossWindow   *gloss_window_new               (GlossApplication *application);
/* Opens an article or an annotation file in this window; on failure the
 * window says why (and keeps what it showed) and FALSE is returned. */
gboolean       gloss_window_open              (GlossWindow      *self,
                                               GFile            *file);
GlossDocument *gloss_window_get_document      (GlossWindow      *self);
GlossTextView *gloss_window_get_text_view     (GlossWindow      *self);
/* The message the banner shows, or NULL when it is hidden. */
const char    *gloss_window_get_banner_text   (GlossWindow      *self);

G_END_DECLS
