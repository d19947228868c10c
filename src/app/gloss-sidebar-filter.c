/* gloss-sidebar-filter.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-sidebar"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-attribute-editor.h"
#include "gloss-sidebar-private.h"

/* The sidebar's filters: the text typed in its search entry (found in
 * the quote, the note or the attributes) and the tags ticked in its tag
 * list. */

/* Whether @haystack holds the lower-case characters of @needle, in any
 * case.  Compares character by character so that filtering a large layer
 * allocates nothing. */
static gboolean
contains_folded (const char     *haystack,
                 const gunichar *needle,
                 glong           needle_length)
{
  for (const char *p = haystack; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *q = p;
      glong i;

      for (i = 0; i < needle_length && *q != '\0'; i++, q = g_utf8_next_char (q))
        if (g_unichar_tolower (g_utf8_get_char (q)) != needle[i])
          break;

      if (i == needle_length)
        return TRUE;
      /* The rest of the text is shorter than the needle. */
      if (*q == '\0')
        return FALSE;
    }

  return FALSE;
}

/* Whether the attributes, as the row shows them ("Verdict: False"),
 * hold the text typed: "false" finds the claims marked false.  Only the
 * passages that have attributes pay for the words. */
static gboolean
attributes_match (GlossSidebar    *self,
                  GlossAnnotation *annotation)
{
  g_autofree char *text = NULL;

  if (gloss_annotation_get_attributes (annotation) == NULL)
    return FALSE;

  text = gloss_attributes_describe (self->codebook, annotation);
  return contains_folded (text, self->needle, self->needle_length);
}

static gboolean
list_filter_func (gpointer item,
                  gpointer user_data)
{
  GlossSidebar *self = user_data;
  GlossAnnotation *annotation = item;

  if (gloss_annotation_get_status (annotation) != GLOSS_ANCHOR_ANCHORED)
    return FALSE;

  if (self->tag_filter != NULL &&
      strcmp (gloss_annotation_get_tag (annotation), self->tag_filter) != 0)
    return FALSE;

  if (self->needle_length == 0)
    return TRUE;

  return contains_folded (gloss_annotation_get_quote (annotation),
                          self->needle, self->needle_length) ||
         contains_folded (gloss_annotation_get_note (annotation),
                          self->needle, self->needle_length) ||
         attributes_match (self, annotation);
}

static gboolean
attention_filter_func (gpointer item,
                       gpointer user_data)
{
  return gloss_annotation_get_status (item) != GLOSS_ANCHOR_ANCHORED;
}

gboolean
_gloss_sidebar_has_filter (GlossSidebar *self)
{
  return self->tag_filter != NULL || self->needle_length > 0;
}

gboolean
_gloss_sidebar_sync_filter (GlossSidebar *self)
{
  gboolean needed;

  /* The attention list follows the own layer exactly while it has moved or
   * orphaned annotations; a teammate's layer is not tracked, so keep the
   * filter for it. */
  needed = _gloss_sidebar_has_filter (self) ||
           self->shown_layer != self->own_layer ||
           gtk_filter_list_model_get_model (self->attention_model) != NULL;

  if (needed == self->list_filter_on)
    return FALSE;

  self->list_filter_on = needed;
  if (needed)
    gtk_custom_filter_set_filter_func (self->filter, list_filter_func, self, NULL);
  else
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
  return TRUE;
}

static void
set_tag_filter (GlossSidebar *self,
                const char   *tag_id)
{
  GtkFilterChange change;

  if (g_strcmp0 (self->tag_filter, tag_id) == 0)
    return;

  if (self->tag_filter == NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (tag_id == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  g_free (self->tag_filter);
  self->tag_filter = g_strdup (tag_id);

  if (!_gloss_sidebar_sync_filter (self))
    gtk_filter_changed (GTK_FILTER (self->filter), change);
  _gloss_sidebar_update_empty_state (self);
}

static void
tag_selected_cb (GlossSidebar *self)
{
  guint position;

  if (self->updating > 0)
    return;

  position = gtk_drop_down_get_selected (self->tag_dropdown);
  if (position == 0 || position == GTK_INVALID_LIST_POSITION || position > self->tag_ids->len)
    set_tag_filter (self, NULL);
  else
    set_tag_filter (self, g_ptr_array_index (self->tag_ids, position - 1));
}

void
_gloss_sidebar_update_tag_choices (GlossSidebar *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint n_tags, chosen = 0;

  g_ptr_array_set_size (self->tag_ids, 0);

  n_tags = self->codebook != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->codebook)) : 0;
  for (guint i = 0; i < n_tags; i++)
    {
      GlossTag *tag = gloss_codebook_get_tag (self->codebook, i);

      g_ptr_array_add (self->tag_ids, g_strdup (gloss_tag_get_id (tag)));
      g_ptr_array_add (labels, (gpointer)gloss_tag_get_label (tag));
      if (g_strcmp0 (gloss_tag_get_id (tag), self->tag_filter) == 0)
        chosen = i + 1;
    }
  g_ptr_array_add (labels, NULL);

  self->updating++;
  gtk_string_list_splice (self->tag_names, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->tag_names)) - 1,
                          (const char * const *)labels->pdata);
  gtk_drop_down_set_selected (self->tag_dropdown, chosen);
  self->updating--;

  if (chosen == 0)
    set_tag_filter (self, NULL);
}

static void
search_changed_cb (GlossSidebar *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *text = g_strstrip (g_strdup (typed));
  g_autofree gunichar *needle = NULL;
  g_autofree char *query = NULL;
  GtkFilterChange change;
  glong length = 0;

  needle = g_utf8_to_ucs4_fast (text, -1, &length);
  for (glong i = 0; i < length; i++)
    needle[i] = g_unichar_tolower (needle[i]);
  query = g_ucs4_to_utf8 (needle, length, NULL, NULL, NULL);
  if (query == NULL)
    query = g_strdup ("");

  if (g_strcmp0 (query, self->query) == 0)
    return;

  /* Narrowing or widening the search spares re-checking the rows that
   * cannot change. */
  if (*self->query == '\0' || strstr (query, self->query) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (*query == '\0' || strstr (self->query, query) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  g_free (self->query);
  self->query = g_steal_pointer (&query);
  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  self->needle_length = length;

  if (!_gloss_sidebar_sync_filter (self))
    gtk_filter_changed (GTK_FILTER (self->filter), change);
  _gloss_sidebar_update_empty_state (self);
}

static void
stop_search_cb (GlossSidebar *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

void
_gloss_sidebar_init_filters (GlossSidebar *self)
{
  gtk_custom_filter_set_filter_func (self->filter, list_filter_func, self, NULL);
  self->list_filter_on = TRUE;
  gtk_custom_filter_set_filter_func (self->attention_filter, attention_filter_func, self, NULL);

  g_signal_connect_swapped (self->tag_dropdown, "notify::selected",
                            G_CALLBACK (tag_selected_cb), self);
  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "stop-search",
                            G_CALLBACK (stop_search_cb), self);
}

void
_gloss_sidebar_update_attention (GlossSidebar *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->attention_model));
  g_autofree char *label = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->attention_expander), n > 0);
  if (n == 0)
    return;

  /* Translators: the title of the list of annotations that could not be
   * placed exactly, with how many there are */
  label = g_strdup_printf (_("Needs attention (%'u)"), n);
  gtk_expander_set_label (self->attention_expander, label);
}

/* The attention list follows the own layer only while some annotation of
 * it is moved or orphaned: a GtkFilterListModel re-indexes all its rows at
 * each change of a long layer, a cost not worth paying for an empty list. */
void
_gloss_sidebar_attach_attention (GlossSidebar *self,
                                 gboolean      attach)
{
  GListModel *model = attach && self->own_layer != NULL ? G_LIST_MODEL (self->own_layer) : NULL;

  if (gtk_filter_list_model_get_model (self->attention_model) == model)
    return;

  self->updating++;
  gtk_filter_list_model_set_model (self->attention_model, model);
  _gloss_sidebar_sync_filter (self);
  self->updating--;
  _gloss_sidebar_update_attention (self);
}
