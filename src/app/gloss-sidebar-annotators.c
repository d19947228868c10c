/* gloss-sidebar-annotators.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-sidebar"

#include "config.h"

#include "gloss-annotation-row.h"
#include "gloss-annotator-style.h"
#include "gloss-sidebar-private.h"

/* Who made the annotations the sidebar lists, and in which colour; and
 * the rows on screen made to read it, and the codebook, again. */

const char *
_gloss_sidebar_get_annotator_for (GlossSidebar    *self,
                                  GlossAnnotation *annotation)
{
  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), "");
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), "");

  if (self->shown_layer == NULL || self->shown_layer == self->own_layer)
    return "";
  if (self->own_layer != NULL && gloss_layer_index_of (self->own_layer, annotation) >= 0)
    return "";

  return gloss_layer_get_annotator_name (self->shown_layer);
}

void
gloss_sidebar_set_annotator_colours (GlossSidebar *self,
                                     GHashTable   *colours)
{
  g_return_if_fail (GLOSS_IS_SIDEBAR (self));

  if (colours != NULL)
    g_hash_table_ref (colours);
  g_clear_pointer (&self->annotator_colours, g_hash_table_unref);
  self->annotator_colours = colours;
}

const char *
_gloss_sidebar_get_annotator_colour_for (GlossSidebar    *self,
                                         GlossAnnotation *annotation)
{
  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), NULL);

  if (*_gloss_sidebar_get_annotator_for (self, annotation) == '\0')
    return NULL;

  return gloss_annotator_style_colour (GTK_WIDGET (self), self->annotator_colours,
                                       gloss_layer_get_annotator_id (self->shown_layer));
}

static void
refresh_rows_under (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GLOSS_IS_ANNOTATION_ROW (child))
        gloss_annotation_row_refresh (GLOSS_ANNOTATION_ROW (child));
      else
        refresh_rows_under (child);
    }
}

void
_gloss_sidebar_refresh_rows (GlossSidebar *self)
{
  refresh_rows_under (GTK_WIDGET (self->list_view));
  refresh_rows_under (GTK_WIDGET (self->attention_list));
}
