/* gloss-sidebar-counts.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-sidebar"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gloss-sidebar-private.h"

/* The sidebar's counts of annotations per tag, with each tag's colour. */

/* The colour of a tag nobody describes. */
#define UNKNOWN_TAG_COLOR "#9a9996"

static void
add_count (GlossSidebar *self,
           const char   *label,
           const char   *color,
           guint         count)
{
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *widget;

  /* Translators: a tag's label and how many annotations have it, as in
   * "Company 12" */
  text = g_strdup_printf (_("%s %'u"), label, count);
  markup = g_markup_printf_escaped ("<span foreground=\"%s\">●</span> %s",
                                    color != NULL ? color : UNKNOWN_TAG_COLOR, text);
  /* Translators: what a screen reader says of a tag's count */
  accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%s: %'u annotation", "%s: %'u annotations", count),
                                label, count);

  widget = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (widget), markup);
  gtk_widget_add_css_class (widget, "caption");
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_flow_box_insert (self->counts_box, widget, -1);
  gtk_widget_set_focusable (gtk_widget_get_parent (widget), FALSE);
}

/* The counts follow the shown layer change by change: shown_tags holds
 * the (interned) tag of each of its annotations, in its order, so that a
 * removal knows what it took away; tag_counts holds the sums.  Only the
 * labels wait for the idle. */
static void
count_tag (GlossSidebar *self,
           const char   *tag,
           int           delta)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->tag_counts, tag));

  count += delta;
  if (count == 0)
    g_hash_table_remove (self->tag_counts, tag);
  else
    g_hash_table_insert (self->tag_counts, (gpointer)tag, GUINT_TO_POINTER (count));
}

void
_gloss_sidebar_counts_splice (GlossSidebar *self,
                              guint         position,
                              guint         removed,
                              guint         added)
{
  GListModel *layer = G_LIST_MODEL (self->shown_layer);
  guint old_length;

  for (guint i = 0; i < removed; i++)
    count_tag (self, g_ptr_array_index (self->shown_tags, position + i), -1);
  g_ptr_array_remove_range (self->shown_tags, position, removed);

  if (added == 0)
    return;

  /* One move of the tail, however many were added. */
  old_length = self->shown_tags->len;
  g_ptr_array_set_size (self->shown_tags, old_length + added);
  memmove (&self->shown_tags->pdata[position + added], &self->shown_tags->pdata[position],
           (old_length - position) * sizeof (gpointer));

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (layer, position + i);
      const char *tag = g_intern_string (gloss_annotation_get_tag (annotation));

      self->shown_tags->pdata[position + i] = (gpointer)tag;
      count_tag (self, tag, +1);
    }
}

void
_gloss_sidebar_counts_reset (GlossSidebar *self)
{
  g_ptr_array_set_size (self->shown_tags, 0);
  g_hash_table_remove_all (self->tag_counts);

  if (self->shown_layer != NULL)
    _gloss_sidebar_counts_splice (self, 0, 0,
                                  g_list_model_get_n_items (G_LIST_MODEL (self->shown_layer)));
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* Shows the counts: the tags of the codebook in its order, then the
 * others by id. */
void
_gloss_sidebar_update_counts (GlossSidebar *self)
{
  g_autoptr(GHashTable) rest = NULL;
  g_autoptr(GPtrArray) others = NULL;
  GHashTableIter iter;
  gpointer key;
  GtkWidget *child;
  guint n_tags;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->counts_box))) != NULL)
    gtk_flow_box_remove (self->counts_box, child);

  gtk_widget_set_visible (GTK_WIDGET (self->counts_box), self->shown_tags->len > 0);
  if (self->shown_tags->len == 0)
    return;

  rest = g_hash_table_new (NULL, NULL);
  g_hash_table_iter_init (&iter, self->tag_counts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (rest, key);

  n_tags = self->codebook != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->codebook)) : 0;
  for (guint i = 0; i < n_tags; i++)
    {
      GlossTag *entry = gloss_codebook_get_tag (self->codebook, i);
      const char *id = g_intern_string (gloss_tag_get_id (entry));
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->tag_counts, id));
      GlossTag *tag;

      if (count == 0)
        continue;

      /* The shown file may describe a tag of the codebook its own way. */
      tag = gloss_sidebar_lookup_tag (self, id);
      add_count (self, gloss_tag_get_label (tag), gloss_tag_get_color (tag), count);
      g_hash_table_remove (rest, id);
    }

  others = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, rest);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (others, key);
  g_ptr_array_sort (others, compare_ids);

  for (guint i = 0; i < others->len; i++)
    {
      const char *id = g_ptr_array_index (others, i);
      GlossTag *tag = gloss_sidebar_lookup_tag (self, id);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->tag_counts, id));

      add_count (self,
                 tag != NULL ? gloss_tag_get_label (tag) : id,
                 tag != NULL ? gloss_tag_get_color (tag) : NULL,
                 count);
    }
}
