/* gloss-sidebar.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gloss-document.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_SIDEBAR (gloss_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (GlossSidebar, gloss_sidebar, GLOSS, SIDEBAR, GtkWidget)

/* The annotations of one layer as a list the user can filter by tag and
 * by text, with how many annotations each tag has, and below it the
 * user's own annotations that could not be placed exactly ("Needs
 * attention").  A switcher picks the layer among the user's own and the
 * teammates' layers added to it. */
GtkWidget           *gloss_sidebar_new                (void);

/* Shows @document's own layer; NULL clears.  Follows the document when
 * it replaces its own layer (a reload). */
void                 gloss_sidebar_set_document       (GlossSidebar        *self,
                                                       GlossDocument       *document);
GlossDocument       *gloss_sidebar_get_document       (GlossSidebar        *self);

/* Offers a teammate's layer (read-only) in the switcher, under @label. */
void                 gloss_sidebar_add_layer          (GlossSidebar        *self,
                                                       GlossAnnotationFile *teammate,
                                                       const char          *label);
/* Takes the layer out of the switcher; shows the own layer if it was
 * shown. */
void                 gloss_sidebar_remove_layer       (GlossSidebar        *self,
                                                       GlossAnnotationFile *teammate);

/* A tag by id as the shown layer's file describes it (its codebook, else
 * its own entry), else as the own file does; NULL when neither knows it. */
GlossTag            *gloss_sidebar_lookup_tag         (GlossSidebar        *self,
                                                       const char          *tag_id);

/* The annotation whose row is selected, in either list. */
GlossAnnotation     *gloss_sidebar_get_selected       (GlossSidebar        *self);
/* Selects the row of @annotation and scrolls to it, if the shown
 * (filtered) list or the attention list holds it; NULL clears. */
void                 gloss_sidebar_set_selected       (GlossSidebar        *self,
                                                       GlossAnnotation     *annotation);

/* The layer the list shows, and the file that holds it (the own file or
 * a teammate's); NULL without a document. */
GlossLayer          *gloss_sidebar_get_shown_layer    (GlossSidebar        *self);
GlossAnnotationFile *gloss_sidebar_get_shown_file     (GlossSidebar        *self);

/* The annotators' colours (see gloss-annotator-style.h), for the rows of
 * teammates' annotations; the sidebar keeps a reference. */
void                 gloss_sidebar_set_annotator_colours (GlossSidebar     *self,
                                                       GHashTable          *colours);
/* For GlossAnnotationRow: the colour ("#rrggbb") of the annotator of
 * @annotation; NULL when it is the user's. */
const char          *_gloss_sidebar_get_annotator_colour_for (GlossSidebar *self,
                                                       GlossAnnotation     *annotation);

/* For GlossAnnotationRow: the annotator to name on the row of
 * @annotation, "" when it is one of the user's own. */
const char          *_gloss_sidebar_get_annotator_for (GlossSidebar        *self,
                                                       GlossAnnotation     *annotation);

G_END_DECLS
