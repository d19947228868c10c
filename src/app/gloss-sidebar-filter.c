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
 * the quote, the note or the attributes), the tag chosen in its tag list
 * and the attribute value chosen in its attribute list.  A passage is
 * listed when it passes all three. */

/* An item of the attribute drop-down: the passages whose attribute @id
 * has @value, or any value when @value is NULL. */
typedef struct
{
  char *id;
  GVariant *value;
} AttributeChoice;

static gboolean
same_value (GVariant *a,
            GVariant *b)
{
  return a == b || (a != NULL && b != NULL && g_variant_equal (a, b));
}

static void
attribute_choice_free (gpointer data)
{
  AttributeChoice *choice = data;

  g_free (choice->id);
  g_clear_pointer (&choice->value, g_variant_unref);
  g_free (choice);
}

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

/* Whether @annotation has the attribute value chosen.  "No" of a yes or no
 * attribute also takes the passages of its tags never ticked, which their
 * inspector shows unticked. */
static gboolean
attribute_filter_match (GlossSidebar    *self,
                        GlossAnnotation *annotation)
{
  g_autoptr(GVariant) value = NULL;
  GlossAttributeDef *def;

  if (gloss_annotation_get_attributes (annotation) != NULL)
    value = gloss_annotation_dup_attribute (annotation, self->attribute_filter);

  if (self->attribute_value == NULL)
    return value != NULL;
  if (value != NULL)
    return g_variant_equal (value, self->attribute_value);

  if (!g_variant_is_of_type (self->attribute_value, G_VARIANT_TYPE_BOOLEAN) ||
      g_variant_get_boolean (self->attribute_value) || self->codebook == NULL)
    return FALSE;
  def = gloss_codebook_lookup_attribute (self->codebook, self->attribute_filter);
  return def != NULL && gloss_attribute_def_applies_to (def, gloss_annotation_get_tag (annotation));
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

  if (self->attribute_filter != NULL && !attribute_filter_match (self, annotation))
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
  return self->tag_filter != NULL || self->attribute_filter != NULL || self->needle_length > 0;
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

/* How a filter that was set (or not) and is set (or not) changes the
 * list: it can only hide rows when it is new, only show more when it
 * goes. */
static GtkFilterChange
change_of (gboolean was_set,
           gboolean is_set)
{
  if (!was_set)
    return GTK_FILTER_CHANGE_MORE_STRICT;
  if (!is_set)
    return GTK_FILTER_CHANGE_LESS_STRICT;
  return GTK_FILTER_CHANGE_DIFFERENT;
}

static void
set_tag_filter (GlossSidebar *self,
                const char   *tag_id)
{
  GtkFilterChange change;

  if (g_strcmp0 (self->tag_filter, tag_id) == 0)
    return;

  change = change_of (self->tag_filter != NULL, tag_id != NULL);

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
set_attribute_filter (GlossSidebar *self,
                      const char   *id,
                      GVariant     *value)
{
  GtkFilterChange change;

  if (g_strcmp0 (self->attribute_filter, id) == 0 && same_value (self->attribute_value, value))
    return;

  change = change_of (self->attribute_filter != NULL, id != NULL);

  g_free (self->attribute_filter);
  self->attribute_filter = g_strdup (id);
  g_clear_pointer (&self->attribute_value, g_variant_unref);
  self->attribute_value = value != NULL ? g_variant_ref (value) : NULL;

  if (!_gloss_sidebar_sync_filter (self))
    gtk_filter_changed (GTK_FILTER (self->filter), change);
  _gloss_sidebar_update_empty_state (self);
}

static void
attribute_selected_cb (GlossSidebar *self)
{
  guint position;
  AttributeChoice *choice;

  if (self->updating > 0)
    return;

  position = gtk_drop_down_get_selected (self->attribute_dropdown);
  if (position == 0 || position == GTK_INVALID_LIST_POSITION || position > self->attribute_choices->len)
    {
      set_attribute_filter (self, NULL, NULL);
      return;
    }

  choice = g_ptr_array_index (self->attribute_choices, position - 1);
  set_attribute_filter (self, choice->id, choice->value);
}

/* Whether @choice is the attribute value the list is filtered by. */
static gboolean
is_chosen (GlossSidebar    *self,
           AttributeChoice *choice)
{
  return g_strcmp0 (choice->id, self->attribute_filter) == 0 &&
         same_value (choice->value, self->attribute_value);
}

/* An item of the attribute drop-down, "@label: @shown". */
static void
add_attribute_choice (GlossSidebar *self,
                      GPtrArray    *labels,
                      const char   *label,
                      const char   *shown,
                      const char   *id,
                      GVariant     *value)
{
  AttributeChoice *choice = g_new0 (AttributeChoice, 1);

  choice->id = g_strdup (id);
  choice->value = value != NULL ? g_variant_ref_sink (value) : NULL;
  g_ptr_array_add (self->attribute_choices, choice);
  /* Translators: an attribute's label, then one of its values ("Verdict: False") */
  g_ptr_array_add (labels, g_strdup_printf (_("%s: %s"), label, shown));
}

void
_gloss_sidebar_update_attribute_choices (GlossSidebar *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint n_attributes, chosen = 0;

  g_ptr_array_set_size (self->attribute_choices, 0);

  n_attributes = self->codebook != NULL ? gloss_codebook_get_n_attributes (self->codebook) : 0;
  for (guint i = 0; i < n_attributes; i++)
    {
      GlossAttributeDef *def = gloss_codebook_get_attribute (self->codebook, i);
      const char *id = gloss_attribute_def_get_id (def);
      const char *label = gloss_attribute_def_get_label (def);

      switch (gloss_attribute_def_get_kind (def))
        {
        case GLOSS_ATTRIBUTE_CHOICE:
          for (guint v = 0; v < gloss_attribute_def_get_n_values (def); v++)
            add_attribute_choice (self, labels, label, gloss_attribute_def_get_value_label (def, v),
                                  id, g_variant_new_string (gloss_attribute_def_get_value_id (def, v)));
          break;
        case GLOSS_ATTRIBUTE_BOOLEAN:
          add_attribute_choice (self, labels, label, _("yes"), id, g_variant_new_boolean (TRUE));
          add_attribute_choice (self, labels, label, _("no"), id, g_variant_new_boolean (FALSE));
          break;
        case GLOSS_ATTRIBUTE_NUMBER:
        case GLOSS_ATTRIBUTE_TEXT:
        default:
          /* Translators: what an attribute's item of the sidebar's filter
           * lists: the passages that have any value of it ("Score: any value") */
          add_attribute_choice (self, labels, label, _("any value"), id, NULL);
          break;
        }
    }
  g_ptr_array_add (labels, NULL);

  for (guint c = 0; chosen == 0 && c < self->attribute_choices->len; c++)
    if (is_chosen (self, g_ptr_array_index (self->attribute_choices, c)))
      chosen = c + 1;

  self->updating++;
  gtk_string_list_splice (self->attribute_names, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->attribute_names)) - 1,
                          (const char * const *) labels->pdata);
  gtk_drop_down_set_selected (self->attribute_dropdown, chosen);
  self->updating--;
  gtk_widget_set_visible (GTK_WIDGET (self->attribute_dropdown), n_attributes > 0);

  if (chosen == 0)
    set_attribute_filter (self, NULL, NULL);
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

/* Clears the text, the tag and the attribute the list is filtered by. */
static void
clear_filters (GlossSidebar *self)
{
  /* Each widget's own handler clears its filter. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->tag_dropdown, 0);
  gtk_drop_down_set_selected (self->attribute_dropdown, 0);
}

/* Escape in the filter entry. */
static void
stop_search_cb (GlossSidebar *self)
{
  clear_filters (self);
}

void
_gloss_sidebar_init_filters (GlossSidebar *self)
{
  gtk_custom_filter_set_filter_func (self->filter, list_filter_func, self, NULL);
  self->list_filter_on = TRUE;
  gtk_custom_filter_set_filter_func (self->attention_filter, attention_filter_func, self, NULL);

  g_signal_connect_swapped (self->tag_dropdown, "notify::selected",
                            G_CALLBACK (tag_selected_cb), self);
  self->attribute_choices = g_ptr_array_new_with_free_func (attribute_choice_free);
  g_signal_connect_swapped (self->attribute_dropdown, "notify::selected",
                            G_CALLBACK (attribute_selected_cb), self);
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
