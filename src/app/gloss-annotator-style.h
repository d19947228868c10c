/* gloss-annotator-style.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The annotators' colours (gloss-annotator-colour.h) as the window shows
 * them.  @colours maps annotator ids to palette indices
 * (GUINT_TO_POINTER), as gloss_annotator_style_new_colours gives them to
 * one article's annotators; an id it lacks takes the colour of its hash. */

/* The colours of @own_id and of the @n_ids @ids, all distinct. */
GHashTable *gloss_annotator_style_new_colours (const char         *own_id,
                                               const char * const *ids,
                                               guint               n_ids);
/* Whether @widget is drawn on a dark page (its text is light). */
gboolean    gloss_annotator_style_is_dark     (GtkWidget          *widget);
/* The colour of @annotator_id as "#rrggbb", for @widget's page. */
const char *gloss_annotator_style_colour      (GtkWidget          *widget,
                                               GHashTable         *colours,
                                               const char         *annotator_id);
/* Pango markup: a dot in the annotator's colour, then @name. */
char       *gloss_annotator_style_markup      (GtkWidget          *widget,
                                               GHashTable         *colours,
                                               const char         *annotator_id,
                                               const char         *name);

G_END_DECLS
