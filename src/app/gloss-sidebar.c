/* gloss-sidebar.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-sidebar"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gloss-annotation-row.h"
#include "gloss-application.h"
#include "gloss-sidebar-private.h"

/* The sidebar: its layers, the list of annotations with its sort and its
 * selection, and the API the window uses. */

G_DEFINE_FINAL_TYPE (GlossSidebar, gloss_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED,
  PROP_SHOWN_LAYER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GlossAnnotationFile *
get_own_file (GlossSidebar *self)
{
  return self->document != NULL ? gloss_document_get_own_file (self->document) : NULL;
}

/* Selection */

/* The position of @annotation in @model, or GTK_INVALID_LIST_POSITION.
 * The lists keep the layer's order, so a binary search finds it. */
static guint
find_position (GListModel      *model,
               GlossAnnotation *annotation)
{
  guint lo = 0, hi = g_list_model_get_n_items (model);
  g_autoptr(GlossAnnotation) found = NULL;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(GlossAnnotation) item = g_list_model_get_item (model, mid);

      if (gloss_annotation_compare (item, annotation) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  found = g_list_model_get_item (model, lo);
  if (found != annotation)
    return GTK_INVALID_LIST_POSITION;

  return lo;
}

static void
scroll_to (GtkListView *view,
           guint        position)
{
  gtk_widget_activate_action (GTK_WIDGET (view), "list.scroll-to-item", "u", position);
}

/* Selects the row of "selected" in whichever list holds it, and nothing
 * in the other. */
static void
select_rows (GlossSidebar *self,
             gboolean      scroll)
{
  guint position = GTK_INVALID_LIST_POSITION;
  guint attention_position = GTK_INVALID_LIST_POSITION;

  if (self->selected != NULL)
    {
      position = find_position (G_LIST_MODEL (self->selection), self->selected);
      if (position == GTK_INVALID_LIST_POSITION)
        attention_position = find_position (G_LIST_MODEL (self->attention_selection),
                                            self->selected);
    }

  self->updating++;
  gtk_single_selection_set_selected (self->selection, position);
  gtk_single_selection_set_selected (self->attention_selection, attention_position);
  self->updating--;

  self->scroll_pending = FALSE;
  if (!scroll)
    return;

  if (position != GTK_INVALID_LIST_POSITION)
    {
      scroll_to (self->list_view, position);
    }
  else if (attention_position != GTK_INVALID_LIST_POSITION)
    {
      gtk_expander_set_expanded (self->attention_expander, TRUE);
      scroll_to (self->attention_list, attention_position);
    }
  else
    {
      self->scroll_pending = self->selected != NULL;
    }
}

static void
take_selected (GlossSidebar    *self,
               GlossAnnotation *annotation)
{
  if (!g_set_object (&self->selected, annotation))
    return;

  self->scroll_pending = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/* The user selected or unselected a row of @selection. */
static void
selection_changed_cb (GtkSelectionModel *model,
                      guint              position,
                      guint              n_items,
                      GlossSidebar      *self)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (model);
  GtkSingleSelection *other;
  GlossAnnotation *item;

  if (self->updating > 0)
    return;

  other = selection == self->selection ? self->attention_selection : self->selection;
  item = gtk_single_selection_get_selected_item (selection);

  if (item == NULL)
    {
      /* Only unselecting the row of the selected annotation unselects it. */
      if (gtk_single_selection_get_selected_item (other) == NULL)
        take_selected (self, NULL);
      return;
    }

  self->updating++;
  gtk_single_selection_set_selected (other, GTK_INVALID_LIST_POSITION);
  self->updating--;

  take_selected (self, item);
}

void
_gloss_sidebar_update_empty_state (GlossSidebar *self)
{
  gboolean empty;

  empty = self->shown_layer != NULL &&
          g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0 &&
          gtk_filter_list_model_get_pending (self->filter_model) == 0;

  if (empty)
    {
      if (_gloss_sidebar_has_filter (self))
        gtk_label_set_label (self->empty_label, _("No annotations match the filter"));
      else if (self->shown_file == get_own_file (self))
        gtk_label_set_label (self->empty_label,
                             _("No annotations yet: select a passage and press 1 to 9"));
      else
        gtk_label_set_label (self->empty_label, _("No annotations in this layer"));
    }

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}


/* Runs after the list views have taken the change in: the row of
 * "selected" may have come back (filtering in steps, or an annotation
 * that moved within the layer). */
static void
list_items_changed_cb (GListModel   *model,
                       guint         position,
                       guint         removed,
                       guint         added,
                       GlossSidebar *self)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (model);

  if (self->selected != NULL && added > 0 &&
      gtk_single_selection_get_selected_item (selection) != self->selected)
    {
      guint found = find_position (model, self->selected);

      if (found != GTK_INVALID_LIST_POSITION)
        {
          self->updating++;
          gtk_single_selection_set_selected (selection, found);
          self->updating--;

          if (self->scroll_pending)
            {
              self->scroll_pending = FALSE;
              scroll_to (selection == self->selection ? self->list_view : self->attention_list,
                         found);
            }
        }
    }

  if (selection == self->selection)
    _gloss_sidebar_update_empty_state (self);
  else
    _gloss_sidebar_update_attention (self);
}

static void
pending_changed_cb (GlossSidebar *self)
{
  _gloss_sidebar_update_empty_state (self);
}


static gboolean
refresh_cb (gpointer user_data)
{
  GlossSidebar *self = user_data;

  self->refresh_id = 0;

  _gloss_sidebar_update_counts (self);

  if (self->attention_wanted)
    _gloss_sidebar_attach_attention (self, TRUE);
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->attention_model)) == 0)
    _gloss_sidebar_attach_attention (self, FALSE);
  self->attention_wanted = FALSE;

  /* The selected annotation was deleted. */
  if (self->selected != NULL &&
      !(self->shown_layer != NULL &&
        gloss_layer_index_of (self->shown_layer, self->selected) >= 0) &&
      !(self->own_layer != NULL &&
        gloss_layer_index_of (self->own_layer, self->selected) >= 0))
    gloss_sidebar_set_selected (self, NULL);

  return G_SOURCE_REMOVE;
}

/* Layers change in bursts (an undo of a group, a reload): the counts
 * follow once the burst is over. */
static void
schedule_refresh (GlossSidebar *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_cb, self);
}

static void
layer_items_changed_cb (GListModel   *layer,
                        guint         position,
                        guint         removed,
                        guint         added,
                        GlossSidebar *self)
{
  if (gtk_filter_list_model_get_model (self->attention_model) == NULL)
    {
      for (guint i = position; i < position + added; i++)
        {
          g_autoptr(GlossAnnotation) a = g_list_model_get_item (layer, i);

          /* Not while the layer signals: the filter models have not all
           * seen the change yet.  The refresh attaches it. */
          if (gloss_annotation_get_status (a) != GLOSS_ANCHOR_ANCHORED)
            {
              self->attention_wanted = TRUE;
              break;
            }
        }
    }

  schedule_refresh (self);
}

static void
shown_items_changed_cb (GListModel   *layer,
                        guint         position,
                        guint         removed,
                        guint         added,
                        GlossSidebar *self)
{
  if (position + removed <= self->shown_tags->len)
    _gloss_sidebar_counts_splice (self, position, removed, added);
  else
    _gloss_sidebar_counts_reset (self);

  schedule_refresh (self);
}

/* Layers */

static void
sync_layer_dropdown (GlossSidebar *self)
{
  guint position = 0;

  if (self->shown_file != NULL &&
      g_ptr_array_find (self->teammates, self->shown_file, &position))
    position++;

  self->updating++;
  gtk_drop_down_set_selected (self->layer_dropdown, position);
  self->updating--;

  gtk_widget_set_visible (GTK_WIDGET (self->layer_dropdown), self->teammates->len > 0);
}

static void
show_file (GlossSidebar        *self,
           GlossAnnotationFile *file)
{
  if (self->shown_file == file)
    return;

  if (self->shown_layer != NULL)
    g_clear_signal_handler (&self->shown_items_handler, self->shown_layer);

  g_set_object (&self->shown_file, file);
  g_set_object (&self->shown_layer, (file != NULL ? gloss_annotation_file_get_layer (file) : NULL));

  if (self->shown_layer != NULL)
    self->shown_items_handler = g_signal_connect (self->shown_layer, "items-changed",
                                                  G_CALLBACK (shown_items_changed_cb), self);

  _gloss_sidebar_counts_reset (self);

  self->updating++;
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (self->shown_layer));
  _gloss_sidebar_sync_filter (self);
  self->updating--;

  sync_layer_dropdown (self);
  select_rows (self, TRUE);
  _gloss_sidebar_update_empty_state (self);
  schedule_refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN_LAYER]);
}

static void
set_own_layer (GlossSidebar *self,
               GlossLayer   *layer)
{
  if (self->own_layer == layer)
    return;

  if (self->own_layer != NULL)
    g_clear_signal_handler (&self->own_items_handler, self->own_layer);

  g_set_object (&self->own_layer, layer);

  if (layer != NULL)
    self->own_items_handler = g_signal_connect (layer, "items-changed",
                                                G_CALLBACK (layer_items_changed_cb), self);

  _gloss_sidebar_attach_attention (self, layer != NULL &&
                          (gloss_layer_count_status (layer, GLOSS_ANCHOR_MOVED) > 0 ||
                           gloss_layer_count_status (layer, GLOSS_ANCHOR_ORPHANED) > 0));
  _gloss_sidebar_update_attention (self);
}

/* The document replaced its own layer (a reload). */
static void
document_layer_changed_cb (GlossSidebar *self)
{
  gboolean showed_own = self->shown_file == NULL ||
                        !g_ptr_array_find (self->teammates, self->shown_file, NULL);

  set_own_layer (self, gloss_document_get_layer (self->document));
  if (showed_own)
    show_file (self, get_own_file (self));
  schedule_refresh (self);
}

static void
layer_selected_cb (GlossSidebar *self)
{
  guint position;

  if (self->updating > 0)
    return;

  position = gtk_drop_down_get_selected (self->layer_dropdown);
  if (position == 0 || position == GTK_INVALID_LIST_POSITION || position > self->teammates->len)
    show_file (self, get_own_file (self));
  else
    show_file (self, g_ptr_array_index (self->teammates, position - 1));
}

static void
codebook_changed_cb (GListModel   *codebook,
                     guint         position,
                     guint         removed,
                     guint         added,
                     GlossSidebar *self)
{
  _gloss_sidebar_update_tag_choices (self);
  _gloss_sidebar_refresh_rows (self);
  schedule_refresh (self);
}

/* The codebook dialog saved: the attributes may be others, and the rows'
 * words for them too, which the text filter reads. */
static void
codebook_assigned_cb (GlossSidebar *self)
{
  _gloss_sidebar_update_attribute_choices (self);
  _gloss_sidebar_refresh_rows (self);
  if (self->list_filter_on)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  _gloss_sidebar_update_empty_state (self);
}

/* GObject */

static void
gloss_sidebar_dispose (GObject *object)
{
  GlossSidebar *self = GLOSS_SIDEBAR (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  if (self->document != NULL)
    g_clear_signal_handler (&self->layer_handler, self->document);
  if (self->codebook != NULL)
    {
      g_clear_signal_handler (&self->codebook_handler, self->codebook);
      g_clear_signal_handler (&self->codebook_assigned_handler, self->codebook);
    }
  if (self->own_layer != NULL)
    g_clear_signal_handler (&self->own_items_handler, self->own_layer);
  if (self->shown_layer != NULL)
    g_clear_signal_handler (&self->shown_items_handler, self->shown_layer);

  /* Nothing the template's children do while they go may reach back. */
  if (self->selection != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->selection, self);
      g_signal_handlers_disconnect_by_data (self->attention_selection, self);
      g_signal_handlers_disconnect_by_data (self->filter_model, self);
      g_signal_handlers_disconnect_by_data (self->layer_dropdown, self);
      g_signal_handlers_disconnect_by_data (self->tag_dropdown, self);
      g_signal_handlers_disconnect_by_data (self->attribute_dropdown, self);
      g_signal_handlers_disconnect_by_data (self->search_entry, self);
      gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
      gtk_custom_filter_set_filter_func (self->attention_filter, NULL, NULL, NULL);
      gtk_filter_list_model_set_model (self->filter_model, NULL);
      gtk_filter_list_model_set_model (self->attention_model, NULL);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_SIDEBAR);
  /* It unparents the children the class binds only. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selected);
  g_clear_object (&self->shown_layer);
  g_clear_object (&self->shown_file);
  g_clear_pointer (&self->annotator_colours, g_hash_table_unref);
  g_clear_object (&self->own_layer);
  g_clear_object (&self->codebook);
  g_clear_object (&self->document);
  if (self->teammates != NULL)
    g_ptr_array_set_size (self->teammates, 0);

  G_OBJECT_CLASS (gloss_sidebar_parent_class)->dispose (object);
}

static void
gloss_sidebar_finalize (GObject *object)
{
  GlossSidebar *self = GLOSS_SIDEBAR (object);

  g_clear_pointer (&self->teammates, g_ptr_array_unref);
  g_clear_pointer (&self->tag_ids, g_ptr_array_unref);
  g_clear_pointer (&self->attribute_choices, g_ptr_array_unref);
  g_clear_pointer (&self->attribute_value, g_variant_unref);
  g_free (self->attribute_filter);
  g_clear_pointer (&self->shown_tags, g_ptr_array_unref);
  g_clear_pointer (&self->tag_counts, g_hash_table_unref);
  g_free (self->tag_filter);
  g_free (self->query);
  g_free (self->needle);

  G_OBJECT_CLASS (gloss_sidebar_parent_class)->finalize (object);
}

static void
gloss_sidebar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GlossSidebar *self = GLOSS_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;

    case PROP_SHOWN_LAYER:
      g_value_set_object (value, self->shown_layer);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_sidebar_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GlossSidebar *self = GLOSS_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      gloss_sidebar_set_selected (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_sidebar_class_init (GlossSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_sidebar_dispose;
  object_class->finalize = gloss_sidebar_finalize;
  object_class->get_property = gloss_sidebar_get_property;
  object_class->set_property = gloss_sidebar_set_property;

  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, GLOSS_TYPE_ANNOTATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOWN_LAYER] =
    g_param_spec_object ("shown-layer", NULL, NULL, GLOSS_TYPE_LAYER,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  _gloss_ensure_resources ();
  /* The rows' factory builds them by type name. */
  g_type_ensure (GLOSS_TYPE_ANNOTATION_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossannotator/Gloss/gloss-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, layer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, layer_names);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, tag_names);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, attribute_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, attribute_names);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, counts_box);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, list_view);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, selection);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, filter_model);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, filter);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, empty_label);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, attention_expander);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, attention_list);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, attention_selection);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, attention_model);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, attention_filter);

  gtk_widget_class_set_css_name (widget_class, "glosssidebar");
}

static void
gloss_sidebar_init (GlossSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->teammates = g_ptr_array_new_with_free_func (g_object_unref);
  self->tag_ids = g_ptr_array_new_with_free_func (g_free);
  self->shown_tags = g_ptr_array_new ();
  self->tag_counts = g_hash_table_new (NULL, NULL);
  self->query = g_strdup ("");

  _gloss_sidebar_init_filters (self);

  g_signal_connect (self->selection, "selection-changed",
                    G_CALLBACK (selection_changed_cb), self);
  g_signal_connect (self->attention_selection, "selection-changed",
                    G_CALLBACK (selection_changed_cb), self);
  /* After the list views, so that they know of the change when a row is
   * selected again. */
  g_signal_connect_after (self->selection, "items-changed",
                          G_CALLBACK (list_items_changed_cb), self);
  g_signal_connect_after (self->attention_selection, "items-changed",
                          G_CALLBACK (list_items_changed_cb), self);
  g_signal_connect_swapped (self->filter_model, "notify::pending",
                            G_CALLBACK (pending_changed_cb), self);
  g_signal_connect_swapped (self->layer_dropdown, "notify::selected",
                            G_CALLBACK (layer_selected_cb), self);

  _gloss_sidebar_update_empty_state (self);
}

GtkWidget *
gloss_sidebar_new (void)
{
  return g_object_new (GLOSS_TYPE_SIDEBAR, NULL);
}

void
gloss_sidebar_set_document (GlossSidebar  *self,
                            GlossDocument *document)
{
  g_return_if_fail (GLOSS_IS_SIDEBAR (self));
  g_return_if_fail (document == NULL || GLOSS_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_clear_signal_handler (&self->layer_handler, self->document);
  if (self->codebook != NULL)
    {
      g_clear_signal_handler (&self->codebook_handler, self->codebook);
      g_clear_signal_handler (&self->codebook_assigned_handler, self->codebook);
    }

  /* The teammates' layers belong to the document. */
  g_ptr_array_set_size (self->teammates, 0);
  self->updating++;
  gtk_string_list_splice (self->layer_names, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->layer_names)) - 1,
                          NULL);
  self->updating--;

  g_set_object (&self->document, document);
  g_set_object (&self->codebook,
                (document != NULL ? gloss_document_get_codebook (document) : NULL));

  if (document != NULL)
    self->layer_handler = g_signal_connect_swapped (document, "notify::layer",
                                                    G_CALLBACK (document_layer_changed_cb), self);
  if (self->codebook != NULL)
    {
      self->codebook_handler = g_signal_connect (self->codebook, "items-changed",
                                                 G_CALLBACK (codebook_changed_cb), self);
      self->codebook_assigned_handler =
        g_signal_connect_swapped (self->codebook, "assigned",
                                  G_CALLBACK (codebook_assigned_cb), self);
    }

  gloss_sidebar_set_selected (self, NULL);
  _gloss_sidebar_update_tag_choices (self);
  _gloss_sidebar_update_attribute_choices (self);
  set_own_layer (self, document != NULL ? gloss_document_get_layer (document) : NULL);
  show_file (self, get_own_file (self));
  sync_layer_dropdown (self);
  _gloss_sidebar_update_empty_state (self);
}

GlossDocument *
gloss_sidebar_get_document (GlossSidebar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), NULL);
  return self->document;
}

void
gloss_sidebar_add_layer (GlossSidebar        *self,
                         GlossAnnotationFile *teammate,
                         const char          *label)
{
  g_return_if_fail (GLOSS_IS_SIDEBAR (self));
  g_return_if_fail (GLOSS_IS_ANNOTATION_FILE (teammate));

  if (g_ptr_array_find (self->teammates, teammate, NULL))
    return;

  if (label == NULL)
    label = gloss_layer_get_annotator_name (gloss_annotation_file_get_layer (teammate));

  g_ptr_array_add (self->teammates, g_object_ref (teammate));
  self->updating++;
  gtk_string_list_append (self->layer_names, label);
  self->updating--;

  sync_layer_dropdown (self);
}

void
gloss_sidebar_remove_layer (GlossSidebar        *self,
                            GlossAnnotationFile *teammate)
{
  g_autoptr(GlossAnnotationFile) hold = NULL;
  guint index;

  g_return_if_fail (GLOSS_IS_SIDEBAR (self));
  g_return_if_fail (GLOSS_IS_ANNOTATION_FILE (teammate));

  if (!g_ptr_array_find (self->teammates, teammate, &index))
    return;

  hold = g_object_ref (teammate);
  g_ptr_array_remove_index (self->teammates, index);
  self->updating++;
  gtk_string_list_remove (self->layer_names, index + 1);
  self->updating--;

  if (self->shown_file == teammate)
    show_file (self, get_own_file (self));
  sync_layer_dropdown (self);
}

GlossTag *
gloss_sidebar_lookup_tag (GlossSidebar *self,
                          const char   *tag_id)
{
  GlossAnnotationFile *own_file;
  GlossTag *tag = NULL;

  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), NULL);
  g_return_val_if_fail (tag_id != NULL, NULL);

  own_file = get_own_file (self);

  if (self->shown_file != NULL)
    tag = gloss_annotation_file_lookup_tag (self->shown_file, tag_id);
  /* The attention list shows the own layer whichever layer is shown. */
  if (tag == NULL && own_file != NULL && own_file != self->shown_file)
    tag = gloss_annotation_file_lookup_tag (own_file, tag_id);
  if (tag == NULL && self->codebook != NULL)
    tag = gloss_codebook_lookup (self->codebook, tag_id);

  return tag;
}

GlossAnnotation *
gloss_sidebar_get_selected (GlossSidebar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), NULL);
  return self->selected;
}

void
gloss_sidebar_set_selected (GlossSidebar    *self,
                            GlossAnnotation *annotation)
{
  g_return_if_fail (GLOSS_IS_SIDEBAR (self));
  g_return_if_fail (annotation == NULL || GLOSS_IS_ANNOTATION (annotation));

  if (self->selected == annotation)
    return;

  g_set_object (&self->selected, annotation);
  select_rows (self, TRUE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

GlossLayer *
gloss_sidebar_get_shown_layer (GlossSidebar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), NULL);
  return self->shown_layer;
}

GlossAnnotationFile *
gloss_sidebar_get_shown_file (GlossSidebar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), NULL);
  return self->shown_file;
}
