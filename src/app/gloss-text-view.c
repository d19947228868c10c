/* gloss-text-view.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-text-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gloss-annotator-style.h"
#include "gloss-search.h"
#include "gloss-text-view-private.h"

/* The text view: the widget, its properties and API, the selection of an
 * annotation by click or keyboard.  The other gloss-text-view-*.c files
 * draw and tag what it shows. */

G_DEFINE_FINAL_TYPE (GlossTextView, gloss_text_view, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_SELECTED,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

char *
gloss_text_view_tag_name (const char *tag_id)
{
  return g_strconcat ("gloss-tag:", tag_id, NULL);
}

static void
disconnect_layer (GlossTextView *self)
{
  if (self->layer != NULL)
    {
      g_clear_signal_handler (&self->items_changed_id, self->layer);
      g_signal_handlers_disconnect_by_func (self->layer, gtk_widget_queue_draw, self);
    }
  g_clear_object (&self->layer);
}

static int
compare_innermost (gconstpointer a,
                   gconstpointer b)
{
  GlossAnnotation *x = *(GlossAnnotation **)a;
  GlossAnnotation *y = *(GlossAnnotation **)b;
  guint lx = gloss_annotation_get_end (x) - gloss_annotation_get_start (x);
  guint ly = gloss_annotation_get_end (y) - gloss_annotation_get_start (y);

  if (lx != ly)
    return lx < ly ? -1 : 1;
  return gloss_annotation_compare (x, y);
}

GPtrArray *
gloss_text_view_annotations_at (GlossTextView *self,
                                guint          offset)
{
  GPtrArray *found;

  g_return_val_if_fail (GLOSS_IS_TEXT_VIEW (self), NULL);

  if (self->layer == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);

  found = gloss_layer_get_at (self->layer, offset);
  g_ptr_array_sort (found, compare_innermost);
  return found;
}

void
gloss_text_view_click_offset (GlossTextView *self,
                              guint          offset)
{
  g_autoptr(GPtrArray) found = NULL;
  guint next = 0;

  g_return_if_fail (GLOSS_IS_TEXT_VIEW (self));

  found = gloss_text_view_annotations_at (self, offset);
  if (found->len == 0)
    {
      gloss_text_view_select (self, NULL, FALSE);
      return;
    }

  for (guint i = 0; i < found->len; i++)
    if (g_ptr_array_index (found, i) == self->selected)
      next = (i + 1) % found->len;

  gloss_text_view_select (self, g_ptr_array_index (found, next), FALSE);
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   GlossTextView   *self)
{
  guint offset;

  if (n_press != 1 || gtk_text_buffer_get_has_selection (_gloss_text_view_buffer (self)))
    return;

  if (!_gloss_text_view_offset_at (self, x, y, &offset))
    {
      gloss_text_view_select (self, NULL, FALSE);
      return;
    }

  gloss_text_view_click_offset (self, offset);
}

static void
gloss_text_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  GlossTextView *self = GLOSS_TEXT_VIEW (widget);

  _gloss_text_view_allocate_header (self, width);
  GTK_WIDGET_CLASS (gloss_text_view_parent_class)->size_allocate (widget, width, height, baseline);

  /* A popover is a child of the view, which must place it. */
  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
gloss_text_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  GTK_WIDGET_CLASS (gloss_text_view_parent_class)->measure (widget, orientation, for_size,
                                                            minimum, natural,
                                                            minimum_baseline, natural_baseline);
  _gloss_text_view_measure (GLOSS_TEXT_VIEW (widget), orientation, minimum, natural);
}

static void
on_popover_closed (GlossTextView *self)
{
  GtkWidget *popover = g_steal_pointer (&self->popover);

  if (popover != NULL)
    gtk_widget_unparent (popover);
}

void
gloss_text_view_popup (GlossTextView *self,
                       GtkWidget     *popover)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = _gloss_text_view_buffer (self);
  GtkTextIter start, end;
  GdkRectangle a, b, rect;

  g_return_if_fail (GLOSS_IS_TEXT_VIEW (self));
  g_return_if_fail (GTK_IS_POPOVER (popover));

  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  on_popover_closed (self);

  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end) && self->selected != NULL)
    _gloss_text_view_get_iters (self, gloss_annotation_get_start (self->selected),
               gloss_annotation_get_end (self->selected), &start, &end);

  gtk_text_view_get_iter_location (view, &start, &a);
  gtk_text_view_get_iter_location (view, &end, &b);
  /* Point at the first line of the passage, in widget coordinates. */
  if (b.y != a.y)
    b.x = a.x + a.width;
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, a.x, a.y, &rect.x, &rect.y);
  rect.width = MAX (1, b.x - a.x);
  rect.height = a.height;

  self->popover = popover;
  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &rect);
  g_signal_connect_swapped (popover, "closed", G_CALLBACK (on_popover_closed), self);
  gtk_popover_popup (GTK_POPOVER (popover));
}

void
gloss_text_view_popdown (GlossTextView *self)
{
  g_return_if_fail (GLOSS_IS_TEXT_VIEW (self));

  /* Closing unparents the popover (on_popover_closed) before popdown
   * returns: it must live until then. */
  if (self->popover != NULL)
    {
      g_autoptr(GtkWidget) popover = g_object_ref (self->popover);

      gtk_popover_popdown (GTK_POPOVER (popover));
    }
}

static void
on_vadjustment_changed (GlossTextView *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self));

  if (adjustment == NULL)
    return;

  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (_gloss_text_view_on_scrolled), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (_gloss_text_view_structure_on_scrolled),
                           self, G_CONNECT_SWAPPED);
}

static void
gloss_text_view_dispose (GObject *object)
{
  GlossTextView *self = (GlossTextView *)object;

  if (self->popover != NULL)
    g_signal_handlers_disconnect_by_data (self->popover, self);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_handle_id (&self->pending_idle, g_source_remove);
  g_clear_handle_id (&self->review_idle, g_source_remove);
  g_clear_handle_id (&self->ahead_idle, g_source_remove);
  self->review = NULL;
  _gloss_text_view_clear_structure (self);
  disconnect_layer (self);
  g_clear_object (&self->source);
  g_clear_object (&self->codebook);
  g_clear_object (&self->file);
  g_clear_object (&self->selected);
  g_clear_pointer (&self->teammates, g_ptr_array_unref);
  g_clear_pointer (&self->annotator_colours, g_hash_table_unref);

  G_OBJECT_CLASS (gloss_text_view_parent_class)->dispose (object);
}

static void
gloss_text_view_finalize (GObject *object)
{
  GlossTextView *self = (GlossTextView *)object;

  g_clear_pointer (&self->mirror, g_array_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->highlight_tags, g_hash_table_unref);
  g_clear_pointer (&self->font, g_free);
  g_clear_pointer (&self->geometry, g_hash_table_unref);
  g_clear_pointer (&self->preview_text, g_free);
  g_clear_pointer (&self->preview_tags, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_text_view_parent_class)->finalize (object);
}

static void
gloss_text_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GlossTextView *self = GLOSS_TEXT_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;

    case PROP_ZOOM:
      g_value_set_int (value, self->zoom);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_text_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GlossTextView *self = GLOSS_TEXT_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      gloss_text_view_select (self, g_value_get_object (value), FALSE);
      break;

    case PROP_ZOOM:
      gloss_text_view_set_zoom (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_text_view_class_init (GlossTextViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  object_class->dispose = gloss_text_view_dispose;
  object_class->finalize = gloss_text_view_finalize;
  object_class->get_property = gloss_text_view_get_property;
  object_class->set_property = gloss_text_view_set_property;

  text_view_class->snapshot_layer = _gloss_text_view_snapshot_layer;
  GTK_WIDGET_CLASS (klass)->size_allocate = gloss_text_view_size_allocate;
  GTK_WIDGET_CLASS (klass)->measure = gloss_text_view_measure;

  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, GLOSS_TYPE_ANNOTATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_int ("zoom", NULL, NULL, -5, 10, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "textview");
}

static void
init_review_tags (GlossTextView *self)
{
  GtkTextBuffer *buffer = _gloss_text_view_buffer (self);
  GdkRGBA red = { 0.85, 0.1, 0.1, 1 }, orange = { 0.9, 0.5, 0, 1 }, grey = { 0.5, 0.5, 0.5, 0.25 };

  self->review_tags[0] = gtk_text_buffer_create_tag (buffer, "gloss-review-tag",
                                                     "underline", PANGO_UNDERLINE_ERROR,
                                                     "underline-rgba", &red, NULL);
  self->review_tags[1] = gtk_text_buffer_create_tag (buffer, "gloss-review-boundary",
                                                     "underline", PANGO_UNDERLINE_DOUBLE,
                                                     "underline-rgba", &orange, NULL);
  self->review_tags[2] = gtk_text_buffer_create_tag (buffer, "gloss-review-missing",
                                                     "background-rgba", &grey, NULL);
}

static void
gloss_text_view_init (GlossTextView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkGesture *click;
  GdkRGBA search = { 0.96, 0.76, 0.07, 0.55 };

  self->mirror = g_array_new (FALSE, FALSE, sizeof (GlossTextSpan));
  self->pending = g_array_new (FALSE, FALSE, sizeof (GlossTagRun));
  self->applied_until = G_MAXUINT;
  self->highlight_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->teammates = g_ptr_array_new_with_free_func (g_object_unref);
  self->preview_tags = g_ptr_array_new ();

  gtk_text_view_set_editable (view, FALSE);
  gtk_text_view_set_cursor_visible (view, TRUE);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (view, VIEW_MARGIN);
  gtk_text_view_set_right_margin (view, VIEW_MARGIN);
  gtk_text_view_set_top_margin (view, VIEW_TOP_MARGIN);
  gtk_text_view_set_bottom_margin (view, 48);
  gtk_text_view_set_pixels_below_lines (view, 8);
  gtk_text_view_set_pixels_inside_wrap (view, 6);
  gtk_widget_add_css_class (GTK_WIDGET (self), "gloss-text");

  self->base_tag = gtk_text_buffer_create_tag (_gloss_text_view_buffer (self), "gloss-base", NULL);
  /* Above the base tag, below search matches and highlights. */
  _gloss_text_view_init_structure (self);
  self->search_tag = gtk_text_buffer_create_tag (_gloss_text_view_buffer (self), "gloss-search",
                                                 "background-rgba", &search, NULL);

  init_review_tags (self);

  g_signal_connect (self, "notify::vadjustment", G_CALLBACK (on_vadjustment_changed), NULL);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (_gloss_text_view_query_tooltip), NULL);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  _gloss_text_view_init_select (self);
}

GtkWidget *
gloss_text_view_new (void)
{
  return g_object_new (GLOSS_TYPE_TEXT_VIEW, NULL);
}

void
_gloss_text_view_apply_base_tag (GlossTextView *self)
{
  GtkTextBuffer *buffer = _gloss_text_view_buffer (self);
  GtkTextIter s, e;

  gtk_text_buffer_get_bounds (buffer, &s, &e);
  gtk_text_buffer_apply_tag (buffer, self->base_tag, &s, &e);
}

void
gloss_text_view_set_document (GlossTextView *self,
                              GlossSource   *source,
                              GlossLayer    *layer,
                              GlossCodebook *codebook)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;

  g_return_if_fail (GLOSS_IS_TEXT_VIEW (self));
  g_return_if_fail (GLOSS_IS_SOURCE (source));
  g_return_if_fail (GLOSS_IS_LAYER (layer));
  g_return_if_fail (GLOSS_IS_CODEBOOK (codebook));

  gloss_text_view_select (self, NULL, FALSE);
  g_set_object (&self->source, source);
  g_set_object (&self->codebook, codebook);

  buffer = _gloss_text_view_buffer (self);
  _gloss_text_view_forget_geometry (self);
  if (!_gloss_text_view_take_preview (self, source))
    gtk_text_buffer_set_text (buffer, gloss_source_get_text (source),
                              gloss_source_get_n_bytes (source));
  _gloss_text_view_apply_base_tag (self);
  _gloss_text_view_apply_structure (self);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);

  gloss_text_view_refresh_tags (self);
  gloss_text_view_set_layer (self, layer);
}

GlossSource *
gloss_text_view_get_source (GlossTextView *self)
{
  g_return_val_if_fail (GLOSS_IS_TEXT_VIEW (self), NULL);
  return self->source;
}

GtkWidget *
gloss_text_view_get_article_header (GlossTextView *self)
{
  g_return_val_if_fail (GLOSS_IS_TEXT_VIEW (self), NULL);
  return self->header;
}

GlossLayer *
gloss_text_view_get_layer (GlossTextView *self)
{
  g_return_val_if_fail (GLOSS_IS_TEXT_VIEW (self), NULL);
  return self->layer;
}

void
gloss_text_view_set_layer (GlossTextView *self,
                           GlossLayer    *layer)
{
  g_return_if_fail (GLOSS_IS_TEXT_VIEW (self));
  g_return_if_fail (GLOSS_IS_LAYER (layer));

  if (self->layer == layer)
    return;

  gloss_text_view_select (self, NULL, FALSE);
  disconnect_layer (self);
  self->layer = g_object_ref (layer);
  self->items_changed_id = g_signal_connect (layer, "items-changed",
                                             G_CALLBACK (_gloss_text_view_on_items_changed), self);
  /* The selected passage's curves follow its relations. */
  g_signal_connect_swapped (layer, "relation-added", G_CALLBACK (gtk_widget_queue_draw), self);
  g_signal_connect_swapped (layer, "relation-removed", G_CALLBACK (gtk_widget_queue_draw), self);
  g_signal_connect_swapped (layer, "relation-changed", G_CALLBACK (gtk_widget_queue_draw), self);
  _gloss_text_view_reset_mirror (self);
  _gloss_text_view_rebuild_highlights (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
gloss_text_view_set_annotation_file (GlossTextView       *self,
                                     GlossAnnotationFile *file)
{
  g_return_if_fail (GLOSS_IS_TEXT_VIEW (self));
  g_return_if_fail (!file || GLOSS_IS_ANNOTATION_FILE (file));

  if (g_set_object (&self->file, file))
    gloss_text_view_refresh_tags (self);
}

void
gloss_text_view_refresh_tags (GlossTextView *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (GLOSS_IS_TEXT_VIEW (self));

  /* Colours may have changed: give every highlight tag its colour again. */
  g_hash_table_iter_init (&iter, self->highlight_tags);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GdkRGBA rgba;

      _gloss_text_view_parse_color (_gloss_text_view_color_of (self, key), HIGHLIGHT_ALPHA, &rgba);
      g_object_set (value, "background-rgba", &rgba, NULL);
    }

  if (self->codebook != NULL)
    for (guint i = 0; gloss_codebook_get_tag (self->codebook, i) != NULL; i++)
      _gloss_text_view_ensure_highlight_tag (self, gloss_tag_get_id (gloss_codebook_get_tag (self->codebook, i)));

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GlossAnnotation *
gloss_text_view_get_selected (GlossTextView *self)
{
  g_return_val_if_fail (GLOSS_IS_TEXT_VIEW (self), NULL);
  return self->selected;
}

void
gloss_text_view_select (GlossTextView   *self,
                        GlossAnnotation *annotation,
                        gboolean         scroll)
{
  g_return_if_fail (GLOSS_IS_TEXT_VIEW (self));
  g_return_if_fail (!annotation || GLOSS_IS_ANNOTATION (annotation));

  if (annotation != NULL && scroll)
    {
      GtkTextIter start, end;

      _gloss_text_view_get_iters (self, gloss_annotation_get_start (annotation),
                 gloss_annotation_get_end (annotation), &start, &end);
      gtk_text_buffer_place_cursor (_gloss_text_view_buffer (self), &start);
      gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self), &start, 0.1, TRUE, 0.0, 0.3);
    }

  if (!g_set_object (&self->selected, annotation))
    return;

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

gboolean
gloss_text_view_get_selection_range (GlossTextView *self,
                                     guint         *start,
                                     guint         *end)
{
  GtkTextIter s, e;

  g_return_val_if_fail (GLOSS_IS_TEXT_VIEW (self), FALSE);

  if (!gtk_text_buffer_get_selection_bounds (_gloss_text_view_buffer (self), &s, &e))
    return FALSE;

  *start = gtk_text_iter_get_offset (&s);
  *end = gtk_text_iter_get_offset (&e);
  return *start < *end;
}

void
gloss_text_view_select_range (GlossTextView *self,
                              guint          start,
                              guint          end)
{
  GtkTextIter s, e;

  g_return_if_fail (GLOSS_IS_TEXT_VIEW (self));

  _gloss_text_view_get_iters (self, start, end, &s, &e);
  gtk_text_buffer_select_range (_gloss_text_view_buffer (self), &s, &e);
}

void
gloss_text_view_add_teammate_layer (GlossTextView *self,
                                    GlossLayer    *layer)
{
  g_return_if_fail (GLOSS_IS_TEXT_VIEW (self));
  g_return_if_fail (GLOSS_IS_LAYER (layer));

  if (g_ptr_array_find (self->teammates, layer, NULL))
    return;

  g_ptr_array_add (self->teammates, g_object_ref (layer));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
gloss_text_view_remove_teammate_layer (GlossTextView *self,
                                       GlossLayer    *layer)
{
  g_return_if_fail (GLOSS_IS_TEXT_VIEW (self));

  if (g_ptr_array_remove (self->teammates, layer))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
gloss_text_view_set_annotator_colours (GlossTextView *self,
                                       GHashTable    *colours)
{
  g_return_if_fail (GLOSS_IS_TEXT_VIEW (self));

  if (colours != NULL)
    g_hash_table_ref (colours);
  g_clear_pointer (&self->annotator_colours, g_hash_table_unref);
  self->annotator_colours = colours;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
gloss_text_view_get_annotator_colour (GlossTextView *self,
                                      const char    *annotator_id)
{
  g_return_val_if_fail (GLOSS_IS_TEXT_VIEW (self), NULL);
  g_return_val_if_fail (annotator_id != NULL, NULL);

  return gloss_annotator_style_colour (GTK_WIDGET (self), self->annotator_colours, annotator_id);
}

guint
gloss_text_view_get_n_teammate_layers (GlossTextView *self)
{
  g_return_val_if_fail (GLOSS_IS_TEXT_VIEW (self), 0);
  return self->teammates->len;
}

void
gloss_text_view_set_search_matches (GlossTextView *self,
                                    GArray        *ranges)
{
  GtkTextBuffer *buffer;
  GtkTextIter s, e;

  g_return_if_fail (GLOSS_IS_TEXT_VIEW (self));

  buffer = _gloss_text_view_buffer (self);
  gtk_text_buffer_get_bounds (buffer, &s, &e);
  gtk_text_buffer_remove_tag (buffer, self->search_tag, &s, &e);

  for (guint i = 0; ranges != NULL && i < ranges->len; i++)
    {
      GlossRange *r = &g_array_index (ranges, GlossRange, i);

      _gloss_text_view_get_iters (self, r->start, r->end, &s, &e);
      gtk_text_buffer_apply_tag (buffer, self->search_tag, &s, &e);
    }
}

static void
update_base_tag (GlossTextView *self)
{
  g_autoptr(PangoFontDescription) desc = NULL;

  if (self->font != NULL && *self->font != '\0')
    desc = pango_font_description_from_string (self->font);

  g_object_set (self->base_tag,
                "font-desc", desc,
                "scale", pow (1.2, self->zoom),
                NULL);
  _gloss_text_view_forget_geometry (self);
}

int
gloss_text_view_get_zoom (GlossTextView *self)
{
  g_return_val_if_fail (GLOSS_IS_TEXT_VIEW (self), 0);
  return self->zoom;
}

void
gloss_text_view_set_zoom (GlossTextView *self,
                          int            zoom)
{
  g_return_if_fail (GLOSS_IS_TEXT_VIEW (self));

  zoom = CLAMP (zoom, -5, 10);
  if (self->zoom == zoom)
    return;

  self->zoom = zoom;
  update_base_tag (self);
  _gloss_text_view_structure_zoom (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

void
gloss_text_view_set_font (GlossTextView *self,
                          const char    *font)
{
  g_return_if_fail (GLOSS_IS_TEXT_VIEW (self));

  if (g_strcmp0 (self->font, font) == 0)
    return;

  g_free (self->font);
  self->font = g_strdup (font);
  update_base_tag (self);
}

/* Units marked at once; a longer review is marked in idle slices of as
 * many, from the top, so that entering review shows at once and the
 * frames in between stay short. */
#define REVIEW_SLICE 500

/* Marks the units of the review from review_next on, @max of them. */
static void
mark_review_units (GlossTextView *self,
                   guint          max)
{
  GtkTextBuffer *buffer = _gloss_text_view_buffer (self);
  guint n = gloss_review_get_n_units (self->review);
  guint stop = self->review_next + MIN (max, n - self->review_next);
  GtkTextIter s, e;

  for (guint i = self->review_next; i < stop; i++)
    {
      const GlossReviewUnit *unit = gloss_review_get_unit (self->review, i);

      if (unit->kind == GLOSS_REVIEW_AGREED)
        continue;
      _gloss_text_view_get_iters (self, unit->start, unit->end, &s, &e);
      for (guint k = 0; k < G_N_ELEMENTS (self->review_tags); k++)
        if (unit->kind & (1 << k))
          gtk_text_buffer_apply_tag (buffer, self->review_tags[k], &s, &e);
    }
  self->review_next = stop;
}

static gboolean
mark_review_slice (gpointer data)
{
  GlossTextView *self = data;

  mark_review_units (self, REVIEW_SLICE);
  if (self->review_next < gloss_review_get_n_units (self->review))
    return G_SOURCE_CONTINUE;

  self->review_idle = 0;
  return G_SOURCE_REMOVE;
}

void
gloss_text_view_set_review (GlossTextView *self,
                            GlossReview   *review)
{
  GtkTextBuffer *buffer;
  GtkTextIter s, e;

  g_return_if_fail (GLOSS_IS_TEXT_VIEW (self));

  g_clear_handle_id (&self->review_idle, g_source_remove);
  buffer = _gloss_text_view_buffer (self);
  gtk_text_buffer_get_bounds (buffer, &s, &e);
  for (guint k = 0; k < G_N_ELEMENTS (self->review_tags); k++)
    {
      gtk_text_buffer_remove_tag (buffer, self->review_tags[k], &s, &e);
      /* Above the highlights made since, so the shade shows over them. */
      gtk_text_tag_set_priority (self->review_tags[k],
                                 gtk_text_tag_table_get_size (gtk_text_buffer_get_tag_table (buffer)) - 1);
    }

  self->review = review;
  self->review_next = 0;
  if (review == NULL)
    return;

  mark_review_units (self, REVIEW_SLICE);
  if (self->review_next < gloss_review_get_n_units (review))
    self->review_idle = g_idle_add_full (G_PRIORITY_LOW, mark_review_slice, self, NULL);
}
