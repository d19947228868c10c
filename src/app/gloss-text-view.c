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

#include "gloss-search.h"
#include "gloss-text-view.h"

/* Past this many annotations changed at once, rebuilding every highlight
 * costs less than mending each changed range. */
#define BULK_CHANGE 512
/* Backgrounds are translucent so that text stays legible and overlapping
 * spans of different tags both show. */
#define HIGHLIGHT_ALPHA 0.30
#define BAR_HEIGHT 2
#define BAR_GAP 1
#define MAX_DRAWN 4000
/* Up to this many runs are highlighted at once; more are spread over idle
 * slices of this length, after the first characters of the text. */
#define HIGHLIGHT_AT_ONCE 2000
#define HIGHLIGHT_SLICE_USEC 4000
#define FIRST_SCREENS 20000

typedef struct
{
  guint start;
  guint end;
} Span;

struct _GlossTextView
{
  GtkTextView parent_instance;

  GlossSource *source;
  GlossLayer *layer;
  GlossCodebook *codebook;
  GlossAnnotationFile *file;
  gulong items_changed_id;
  /* The spans of the layer's items in the model's order, so that the
   * ranges of removed items are known when the model says they went. */
  GArray *mirror;

  GHashTable *highlight_tags;   /* tag id → GtkTextTag */
  /* Highlights not yet applied, in text order (see rebuild_all). */
  GArray *pending;
  guint pending_index;
  guint pending_idle;
  guint applied_until;
  GtkTextTag *base_tag;
  GtkTextTag *search_tag;
  GlossAnnotation *selected;
  GPtrArray *teammates;
  GtkWidget *popover;
  int zoom;
  char *font;
};

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

static GtkTextBuffer *
buffer_of (GlossTextView *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
}

static void
get_iters (GlossTextView *self,
           guint          start,
           guint          end,
           GtkTextIter   *start_iter,
           GtkTextIter   *end_iter)
{
  GtkTextBuffer *buffer = buffer_of (self);

  gtk_text_buffer_get_iter_at_offset (buffer, start_iter, start);
  gtk_text_buffer_get_iter_at_offset (buffer, end_iter, end);
}

static const char *
color_of (GlossTextView *self,
          const char    *tag_id)
{
  GlossTag *tag = NULL;

  if (self->file != NULL)
    tag = gloss_annotation_file_lookup_tag (self->file, tag_id);
  else if (self->codebook != NULL)
    tag = gloss_codebook_lookup (self->codebook, tag_id);

  /* Tags neither in the codebook nor described by the file show in grey. */
  return tag ? gloss_tag_get_color (tag) : "#77767b";
}

static void
parse_color (const char *spec,
             double      alpha,
             GdkRGBA    *rgba)
{
  if (!gdk_rgba_parse (rgba, spec))
    gdk_rgba_parse (rgba, "#77767b");
  rgba->alpha = alpha;
}

static GtkTextTag *
ensure_highlight_tag (GlossTextView *self,
                      const char    *tag_id)
{
  GtkTextTag *tag = g_hash_table_lookup (self->highlight_tags, tag_id);
  g_autofree char *name = NULL;
  GdkRGBA rgba;

  if (tag != NULL)
    return tag;

  name = gloss_text_view_tag_name (tag_id);
  parse_color (color_of (self, tag_id), HIGHLIGHT_ALPHA, &rgba);
  tag = gtk_text_buffer_create_tag (buffer_of (self), name, "background-rgba", &rgba, NULL);
  g_hash_table_insert (self->highlight_tags, g_strdup (tag_id), tag);

  return tag;
}

/* Makes the highlights of [start, end) match the layer again. */
static void
refresh_range (GlossTextView *self,
               guint          start,
               guint          end)
{
  g_autoptr(GPtrArray) found = NULL;
  GtkTextBuffer *buffer = buffer_of (self);
  GtkTextIter s, e;
  GHashTableIter iter;
  gpointer value;

  if (start >= end)
    return;

  get_iters (self, start, end, &s, &e);
  g_hash_table_iter_init (&iter, self->highlight_tags);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    gtk_text_buffer_remove_tag (buffer, value, &s, &e);

  found = gloss_layer_get_overlapping (self->layer, start, end);
  for (guint i = 0; i < found->len; i++)
    {
      GlossAnnotation *a = g_ptr_array_index (found, i);
      GtkTextIter as, ae;

      get_iters (self,
                 MAX (start, gloss_annotation_get_start (a)),
                 MIN (end, gloss_annotation_get_end (a)),
                 &as, &ae);
      gtk_text_buffer_apply_tag (buffer, ensure_highlight_tag (self, gloss_annotation_get_tag (a)),
                                 &as, &ae);
    }
}

typedef struct
{
  guint start;
  guint end;
  GtkTextTag *tag;
} Run;

static int
compare_runs (gconstpointer a,
              gconstpointer b)
{
  const Run *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

static gboolean get_visible_offsets (GlossTextView *self,
                                     guint         *start,
                                     guint         *end);

/* Applies pending runs, in text order, until @deadline (monotonic time;
 * 0 for no limit).  Returns TRUE when some are left. */
static gboolean
apply_pending (GlossTextView *self,
               gint64         deadline)
{
  GtkTextBuffer *buffer = buffer_of (self);

  while (self->pending_index < self->pending->len)
    {
      Run *r = &g_array_index (self->pending, Run, self->pending_index++);
      GtkTextIter s, e;

      get_iters (self, r->start, r->end, &s, &e);
      gtk_text_buffer_apply_tag (buffer, r->tag, &s, &e);
      self->applied_until = r->start;

      if (deadline != 0 && (self->pending_index & 63) == 0 && g_get_monotonic_time () > deadline)
        return TRUE;
    }

  g_array_set_size (self->pending, 0);
  self->pending_index = 0;
  self->applied_until = G_MAXUINT;
  return FALSE;
}

static gboolean
apply_pending_slice (gpointer data)
{
  GlossTextView *self = data;

  if (apply_pending (self, g_get_monotonic_time () + HIGHLIGHT_SLICE_USEC))
    return G_SOURCE_CONTINUE;

  self->pending_idle = 0;
  return G_SOURCE_REMOVE;
}

/* A part of the text the highlighting has not reached yet comes on
 * screen: highlight it first. */
static void
on_scrolled (GlossTextView *self)
{
  guint start, end;

  if (self->pending_idle != 0 && get_visible_offsets (self, &start, &end) &&
      end > self->applied_until)
    refresh_range (self, MAX (start, self->applied_until), end);
}

/* Computes every highlight from scratch: the spans of one tag are merged
 * into runs first, so the buffer sees one range per run rather than one
 * per annotation.  A long layer is highlighted from the top of the text in
 * idle slices, the first screenfuls at once, so that a large article shows
 * without waiting for its last highlight. */
static void
rebuild_all (GlossTextView *self)
{
  g_autoptr(GHashTable) last_run = g_hash_table_new (NULL, NULL);
  GtkTextBuffer *buffer = buffer_of (self);
  GListModel *model = G_LIST_MODEL (self->layer);
  guint n = g_list_model_get_n_items (model);
  GtkTextIter s, e;
  GHashTableIter iter;
  gpointer value;

  g_clear_handle_id (&self->pending_idle, g_source_remove);
  g_array_set_size (self->pending, 0);
  self->pending_index = 0;

  gtk_text_buffer_get_bounds (buffer, &s, &e);
  g_hash_table_iter_init (&iter, self->highlight_tags);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    gtk_text_buffer_remove_tag (buffer, value, &s, &e);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (model, i);
      GtkTextTag *tag = ensure_highlight_tag (self, gloss_annotation_get_tag (a));
      guint start = gloss_annotation_get_start (a);
      guint end = gloss_annotation_get_end (a);
      gpointer last = NULL;

      /* The model is sorted by start, so a tag's run only grows at its
       * end: extend the tag's last run or begin a new one. */
      if (g_hash_table_lookup_extended (last_run, tag, NULL, &last))
        {
          Run *r = &g_array_index (self->pending, Run, GPOINTER_TO_UINT (last));

          if (start <= r->end)
            {
              r->end = MAX (r->end, end);
              continue;
            }
        }

      {
        Run r = { start, end, tag };

        g_array_append_val (self->pending, r);
        g_hash_table_insert (last_run, tag, GUINT_TO_POINTER (self->pending->len - 1));
      }
    }

  /* Runs were appended as they began, so they are already nearly in
   * order; sorting makes the walk strictly forward. */
  g_array_sort (self->pending, compare_runs);
  self->applied_until = 0;

  if (self->pending->len <= HIGHLIGHT_AT_ONCE)
    {
      apply_pending (self, 0);
      return;
    }

  /* The first screenfuls now, the rest in the background. */
  while (self->pending_index < self->pending->len &&
         g_array_index (self->pending, Run, self->pending_index).start < FIRST_SCREENS)
    {
      Run *r = &g_array_index (self->pending, Run, self->pending_index++);

      get_iters (self, r->start, r->end, &s, &e);
      gtk_text_buffer_apply_tag (buffer, r->tag, &s, &e);
      self->applied_until = r->start;
    }
  self->pending_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, apply_pending_slice, self, NULL);
}

/* Highlights still waiting were computed before a change of [start, end),
 * which refresh_range has just highlighted from the layer: keep them out
 * of that range, so that a removed annotation does not come back. */
static void
clip_pending (GlossTextView *self,
              guint          start,
              guint          end)
{
  GtkTextBuffer *buffer = buffer_of (self);

  if (self->pending_idle == 0)
    return;

  for (guint i = self->pending_index; i < self->pending->len; i++)
    {
      Run *r = &g_array_index (self->pending, Run, i);

      if (r->start >= end || r->end <= start)
        continue;

      /* The part after the range cannot wait its turn (the array is in
       * order of start): it is applied now, the part before stays. */
      if (r->end > end)
        {
          GtkTextIter s, e;

          get_iters (self, end, r->end, &s, &e);
          gtk_text_buffer_apply_tag (buffer, r->tag, &s, &e);
        }
      r->end = MAX (r->start, MIN (r->end, start));
    }
}

static Span
span_of_item (GListModel *model,
              guint       position)
{
  g_autoptr(GlossAnnotation) a = g_list_model_get_item (model, position);

  return (Span) { gloss_annotation_get_start (a), gloss_annotation_get_end (a) };
}

static void
reset_mirror (GlossTextView *self)
{
  GListModel *model = G_LIST_MODEL (self->layer);
  guint n = g_list_model_get_n_items (model);

  g_array_set_size (self->mirror, 0);
  for (guint i = 0; i < n; i++)
    {
      Span span = span_of_item (model, i);
      g_array_append_val (self->mirror, span);
    }
}

static void
on_items_changed (GListModel    *model,
                  guint          position,
                  guint          removed,
                  guint          added,
                  GlossTextView *self)
{
  g_autoptr(GArray) dirty = g_array_new (FALSE, FALSE, sizeof (Span));

  if (removed + added > BULK_CHANGE)
    {
      reset_mirror (self);
      rebuild_all (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  g_array_append_vals (dirty, &g_array_index (self->mirror, Span, position), removed);
  g_array_remove_range (self->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    {
      Span span = span_of_item (model, position + i);

      g_array_insert_val (self->mirror, position + i, span);
      g_array_append_val (dirty, span);
    }

  for (guint i = 0; i < dirty->len; i++)
    {
      Span *span = &g_array_index (dirty, Span, i);

      refresh_range (self, span->start, span->end);
      clip_pending (self, span->start, span->end);
    }

  if (self->selected != NULL && gloss_layer_index_of (self->layer, self->selected) < 0)
    gloss_text_view_select (self, NULL, FALSE);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
disconnect_layer (GlossTextView *self)
{
  if (self->layer != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->layer);
  g_clear_object (&self->layer);
}

/* The display lines of [start, end) as rectangles in buffer coordinates,
 * handed to @func one by one. */
typedef void (*RectFunc) (GlossTextView   *self,
                          GtkSnapshot     *snapshot,
                          const GdkRectangle *rect,
                          gpointer         data);

static void
foreach_line_rect (GlossTextView *self,
                   guint          start,
                   guint          end,
                   GtkSnapshot   *snapshot,
                   RectFunc       func,
                   gpointer       data)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter iter, stop;
  GdkRectangle first, last;

  gtk_text_buffer_get_iter_at_offset (buffer_of (self), &iter, start);
  stop = iter;
  gtk_text_iter_forward_chars (&stop, end - start);

  /* Most passages sit on one display line: two lookups draw them. */
  gtk_text_view_get_iter_location (view, &iter, &first);
  gtk_text_view_get_iter_location (view, &stop, &last);
  if (first.y == last.y)
    {
      GdkRectangle rect = { first.x, first.y, last.x - first.x, first.height };

      if (rect.width > 0)
        func (self, snapshot, &rect, data);
      return;
    }

  while (gtk_text_iter_compare (&iter, &stop) < 0)
    {
      GtkTextIter line_end = iter;
      GdkRectangle rect;

      if (!gtk_text_view_forward_display_line_end (view, &line_end) ||
          gtk_text_iter_compare (&line_end, &stop) > 0)
        line_end = stop;

      gtk_text_view_get_iter_location (view, &iter, &first);
      gtk_text_view_get_iter_location (view, &line_end, &last);

      rect.x = first.x;
      rect.y = first.y;
      rect.height = first.height;
      /* A span that ends on a later line runs to the end of this one. */
      rect.width = (last.y == first.y ? last.x : last.x + last.width) - first.x;
      if (rect.width > 0)
        func (self, snapshot, &rect, data);

      if (!gtk_text_view_forward_display_line (view, &iter))
        break;
    }
}

typedef struct
{
  GdkRGBA color;
  int lane;
  gboolean dashed;
} BarStyle;

static void
draw_bar (GlossTextView      *self,
          GtkSnapshot        *snapshot,
          const GdkRectangle *rect,
          gpointer            data)
{
  BarStyle *style = data;
  /* The own layer's bars stack up from the bottom of the line; teammates'
   * dashes go in the space under it, so neither covers the other or the
   * text. */
  float y = style->dashed
            ? rect->y + rect->height + 1 + style->lane * (BAR_HEIGHT + BAR_GAP)
            : rect->y + rect->height - BAR_HEIGHT - style->lane * (BAR_HEIGHT + BAR_GAP);

  if (!style->dashed)
    {
      gtk_snapshot_append_color (snapshot, &style->color,
                                 &GRAPHENE_RECT_INIT (rect->x, y, rect->width, BAR_HEIGHT));
      return;
    }

  for (int x = rect->x; x < rect->x + rect->width; x += 6)
    gtk_snapshot_append_color (snapshot, &style->color,
                               &GRAPHENE_RECT_INIT (x, y, MIN (4, rect->x + rect->width - x),
                                                    BAR_HEIGHT));
}

static void
draw_outline (GlossTextView      *self,
              GtkSnapshot        *snapshot,
              const GdkRectangle *rect,
              gpointer            data)
{
  const GdkRGBA *color = data;
  GskRoundedRect outline;
  const float widths[4] = { 2, 2, 2, 2 };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&outline,
                                   &GRAPHENE_RECT_INIT (rect->x - 2, rect->y, rect->width + 4,
                                                        rect->height),
                                   3);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

/* Gives each annotation the lowest lane free at its start, so that
 * overlapping annotations get bars of their own. */
static void
draw_layer_bars (GlossTextView *self,
                 GtkSnapshot   *snapshot,
                 GlossLayer    *layer,
                 guint          visible_start,
                 guint          visible_end,
                 int            first_lane,
                 gboolean       dashed)
{
  g_autoptr(GPtrArray) found = gloss_layer_get_overlapping (layer, visible_start, visible_end);
  g_autoptr(GArray) lane_ends = g_array_new (FALSE, TRUE, sizeof (guint));

  for (guint i = 0; i < found->len && i < MAX_DRAWN; i++)
    {
      GlossAnnotation *a = g_ptr_array_index (found, i);
      guint start = gloss_annotation_get_start (a);
      guint end = gloss_annotation_get_end (a);
      BarStyle style = { { 0 }, 0, dashed };
      guint lane;

      for (lane = 0; lane < lane_ends->len; lane++)
        if (g_array_index (lane_ends, guint, lane) <= start)
          break;
      if (lane == lane_ends->len)
        g_array_set_size (lane_ends, lane + 1);
      g_array_index (lane_ends, guint, lane) = end;

      parse_color (color_of (self, gloss_annotation_get_tag (a)), 0.9, &style.color);
      style.lane = first_lane + lane;
      foreach_line_rect (self, MAX (start, visible_start), MIN (end, visible_end),
                         snapshot, draw_bar, &style);

      if (!dashed && gloss_annotation_has_note (a) && end <= visible_end)
        {
          GtkTextIter last;
          GdkRectangle rect;

          /* A small square at the top right of the last character marks a
           * note. */
          gtk_text_buffer_get_iter_at_offset (buffer_of (self), &last, end - 1);
          gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), &last, &rect);
          gtk_snapshot_append_color (snapshot, &style.color,
                                     &GRAPHENE_RECT_INIT (rect.x + rect.width - 2, rect.y, 5, 5));
        }
    }
}

static gboolean
get_visible_offsets (GlossTextView *self,
                     guint         *start,
                     guint         *end)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GdkRectangle visible;
  GtkTextIter first, last;

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_line_at_y (view, &first, visible.y, NULL);
  gtk_text_view_get_line_at_y (view, &last, visible.y + visible.height, NULL);
  if (!gtk_text_iter_ends_line (&last))
    gtk_text_iter_forward_to_line_end (&last);

  *start = gtk_text_iter_get_offset (&first);
  *end = gtk_text_iter_get_offset (&last) + 1;
  return *start < *end;
}

static void
gloss_text_view_snapshot_layer (GtkTextView      *view,
                                GtkTextViewLayer  layer,
                                GtkSnapshot      *snapshot)
{
  GlossTextView *self = GLOSS_TEXT_VIEW (view);
  guint start, end;

  if (self->layer == NULL || !get_visible_offsets (self, &start, &end))
    return;

  if (layer == GTK_TEXT_VIEW_LAYER_BELOW_TEXT)
    {
      draw_layer_bars (self, snapshot, self->layer, start, end, 0, FALSE);
      for (guint i = 0; i < self->teammates->len; i++)
        draw_layer_bars (self, snapshot, g_ptr_array_index (self->teammates, i),
                         start, end, i, TRUE);
    }
  else if (self->selected != NULL)
    {
      GdkRGBA color;

      parse_color (color_of (self, gloss_annotation_get_tag (self->selected)), 1.0, &color);
      foreach_line_rect (self,
                         MAX (start, gloss_annotation_get_start (self->selected)),
                         MIN (end, gloss_annotation_get_end (self->selected)),
                         snapshot, draw_outline, &color);
    }
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
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter iter;
  int bx, by;

  if (n_press != 1 || gtk_text_buffer_get_has_selection (buffer_of (self)))
    return;

  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (view, &iter, bx, by))
    {
      gloss_text_view_select (self, NULL, FALSE);
      return;
    }

  gloss_text_view_click_offset (self, gtk_text_iter_get_offset (&iter));
}

static void
gloss_text_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  GlossTextView *self = GLOSS_TEXT_VIEW (widget);

  GTK_WIDGET_CLASS (gloss_text_view_parent_class)->size_allocate (widget, width, height, baseline);

  /* A popover is a child of the view, which must place it. */
  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
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
  GtkTextBuffer *buffer = buffer_of (self);
  GtkTextIter start, end;
  GdkRectangle a, b, rect;

  g_return_if_fail (GLOSS_IS_TEXT_VIEW (self));
  g_return_if_fail (GTK_IS_POPOVER (popover));

  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  on_popover_closed (self);

  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end) && self->selected != NULL)
    get_iters (self, gloss_annotation_get_start (self->selected),
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

  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
describe (GString         *out,
          GlossTextView   *self,
          GlossAnnotation *a,
          const char      *annotator)
{
  GlossTag *tag = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *label = NULL;
  g_autofree char *line = NULL;

  if (self->file != NULL)
    tag = gloss_annotation_file_lookup_tag (self->file, gloss_annotation_get_tag (a));

  if (out->len > 0)
    g_string_append_c (out, '\n');

  label = g_markup_escape_text (tag ? gloss_tag_get_label (tag) : gloss_annotation_get_tag (a), -1);
  if (gloss_annotation_has_note (a))
    {
      g_autofree char *note = g_markup_escape_text (gloss_annotation_get_note (a), -1);

      /* Translators: a tag, then the annotation's note (Pango markup) */
      line = g_strdup_printf (_("%s: <i>%s</i>"), label, note);
    }
  else
    {
      line = g_strdup (label);
    }

  if (annotator != NULL)
    {
      escaped = g_markup_escape_text (annotator, -1);
      /* Translators: a teammate's name, then what they tagged (Pango markup) */
      g_string_append_printf (out, _("<b>%s</b> · %s"), escaped, line);
    }
  else
    {
      g_string_append (out, line);
    }
}

/* Hovering over a passage tells its tags and notes, and whose they are
 * for teammates' layers. */
static gboolean
on_query_tooltip (GlossTextView *self,
                  int            x,
                  int            y,
                  gboolean       keyboard,
                  GtkTooltip    *tooltip)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) own = NULL;
  GtkTextIter iter;
  guint offset;
  int bx, by;

  if (self->layer == NULL || keyboard)
    return FALSE;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &iter, bx, by))
    return FALSE;
  offset = gtk_text_iter_get_offset (&iter);

  own = gloss_text_view_annotations_at (self, offset);
  for (guint i = 0; i < own->len && i < 8; i++)
    describe (text, self, g_ptr_array_index (own, i), NULL);

  for (guint t = 0; t < self->teammates->len; t++)
    {
      GlossLayer *layer = g_ptr_array_index (self->teammates, t);
      g_autoptr(GPtrArray) theirs = gloss_layer_get_at (layer, offset);

      for (guint i = 0; i < theirs->len && i < 8; i++)
        describe (text, self, g_ptr_array_index (theirs, i), gloss_layer_get_annotator_name (layer));
    }

  if (text->len == 0)
    return FALSE;

  gtk_tooltip_set_markup (tooltip, text->str);
  return TRUE;
}

static void
on_vadjustment_changed (GlossTextView *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self));

  if (adjustment != NULL)
    g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (on_scrolled), self,
                             G_CONNECT_SWAPPED);
}

static void
gloss_text_view_dispose (GObject *object)
{
  GlossTextView *self = (GlossTextView *)object;

  if (self->popover != NULL)
    g_signal_handlers_disconnect_by_data (self->popover, self);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_handle_id (&self->pending_idle, g_source_remove);
  disconnect_layer (self);
  g_clear_object (&self->source);
  g_clear_object (&self->codebook);
  g_clear_object (&self->file);
  g_clear_object (&self->selected);
  g_clear_pointer (&self->teammates, g_ptr_array_unref);

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

  text_view_class->snapshot_layer = gloss_text_view_snapshot_layer;
  GTK_WIDGET_CLASS (klass)->size_allocate = gloss_text_view_size_allocate;

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
gloss_text_view_init (GlossTextView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkGesture *click;
  GdkRGBA search = { 0.96, 0.76, 0.07, 0.55 };

  self->mirror = g_array_new (FALSE, FALSE, sizeof (Span));
  self->pending = g_array_new (FALSE, FALSE, sizeof (Run));
  self->applied_until = G_MAXUINT;
  self->highlight_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->teammates = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_text_view_set_editable (view, FALSE);
  gtk_text_view_set_cursor_visible (view, TRUE);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (view, 48);
  gtk_text_view_set_right_margin (view, 48);
  gtk_text_view_set_top_margin (view, 32);
  gtk_text_view_set_bottom_margin (view, 48);
  gtk_text_view_set_pixels_below_lines (view, 8);
  gtk_text_view_set_pixels_inside_wrap (view, 6);
  gtk_widget_add_css_class (GTK_WIDGET (self), "gloss-text");

  self->base_tag = gtk_text_buffer_create_tag (buffer_of (self), "gloss-base", NULL);
  self->search_tag = gtk_text_buffer_create_tag (buffer_of (self), "gloss-search",
                                                 "background-rgba", &search, NULL);

  g_signal_connect (self, "notify::vadjustment", G_CALLBACK (on_vadjustment_changed), NULL);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
gloss_text_view_new (void)
{
  return g_object_new (GLOSS_TYPE_TEXT_VIEW, NULL);
}

static void
apply_base_tag (GlossTextView *self)
{
  GtkTextBuffer *buffer = buffer_of (self);
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

  buffer = buffer_of (self);
  gtk_text_buffer_set_text (buffer, gloss_source_get_text (source),
                            gloss_source_get_n_bytes (source));
  apply_base_tag (self);
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
                                             G_CALLBACK (on_items_changed), self);
  reset_mirror (self);
  rebuild_all (self);
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

      parse_color (color_of (self, key), HIGHLIGHT_ALPHA, &rgba);
      g_object_set (value, "background-rgba", &rgba, NULL);
    }

  if (self->codebook != NULL)
    for (guint i = 0; gloss_codebook_get_tag (self->codebook, i) != NULL; i++)
      ensure_highlight_tag (self, gloss_tag_get_id (gloss_codebook_get_tag (self->codebook, i)));

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

      get_iters (self, gloss_annotation_get_start (annotation),
                 gloss_annotation_get_end (annotation), &start, &end);
      gtk_text_buffer_place_cursor (buffer_of (self), &start);
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

  if (!gtk_text_buffer_get_selection_bounds (buffer_of (self), &s, &e))
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

  get_iters (self, start, end, &s, &e);
  gtk_text_buffer_select_range (buffer_of (self), &s, &e);
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

  buffer = buffer_of (self);
  gtk_text_buffer_get_bounds (buffer, &s, &e);
  gtk_text_buffer_remove_tag (buffer, self->search_tag, &s, &e);

  for (guint i = 0; ranges != NULL && i < ranges->len; i++)
    {
      GlossRange *r = &g_array_index (ranges, GlossRange, i);

      get_iters (self, r->start, r->end, &s, &e);
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
