/* gloss-annotator-style.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-annotator-style"

#include "config.h"

#include "gloss-annotator-colour.h"
#include "gloss-annotator-style.h"

GHashTable *
gloss_annotator_style_new_colours (const char         *own_id,
                                   const char * const *ids,
                                   guint               n_ids)
{
  GHashTable *colours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autofree guint *indices = NULL;

  /* The user's own id takes part, so that no teammate shares its colour. */
  if (own_id != NULL)
    g_ptr_array_add (all, (gpointer)own_id);
  for (guint i = 0; i < n_ids; i++)
    if (g_strcmp0 (ids[i], own_id) != 0 &&
        !g_ptr_array_find_with_equal_func (all, ids[i], g_str_equal, NULL))
      g_ptr_array_add (all, (gpointer)ids[i]);

  indices = g_new (guint, all->len + 1);
  gloss_annotator_colours_assign ((const char * const *)all->pdata, all->len, indices);
  for (guint i = 0; i < all->len; i++)
    g_hash_table_replace (colours, g_strdup (g_ptr_array_index (all, i)), GUINT_TO_POINTER (indices[i]));

  return colours;
}

gboolean
gloss_annotator_style_is_dark (GtkWidget *widget)
{
  GdkRGBA fg;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  return 0.2126 * fg.red + 0.7152 * fg.green + 0.0722 * fg.blue > 0.5;
}

const char *
gloss_annotator_style_colour (GtkWidget  *widget,
                              GHashTable *colours,
                              const char *annotator_id)
{
  gpointer index;
  guint colour;

  g_return_val_if_fail (annotator_id != NULL, NULL);

  if (colours != NULL && g_hash_table_lookup_extended (colours, annotator_id, NULL, &index))
    colour = GPOINTER_TO_UINT (index);
  else
    colour = gloss_annotator_colour_index_for_id (annotator_id);

  return gloss_annotator_colour_hex (colour, gloss_annotator_style_is_dark (widget));
}

char *
gloss_annotator_style_markup (GtkWidget  *widget,
                              GHashTable *colours,
                              const char *annotator_id,
                              const char *name)
{
  g_autofree char *escaped = g_markup_escape_text (name, -1);

  return g_strdup_printf ("<span foreground=\"%s\">●</span> %s",
                          gloss_annotator_style_colour (widget, colours, annotator_id), escaped);
}
