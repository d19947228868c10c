/* gloss-text-view-draw.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */


#define G_LOG_DOMAIN "gloss-text-view"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-text-view-private.h"

/* What the view draws around the text: a bar under each annotation,
 * stacked where they overlap, the teammates' dashes, the note marks, the
 * outline of the selected annotation, and the tooltips.  The bullets and
 * quote rules of the article's structure are drawn by
 * gloss-text-view-structure.c, first, below everything else. */

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
  GArray *rects;

  if (start >= end)
    return;

  rects = _gloss_text_view_range_rects (self, start, end);
  for (guint i = 0; i < rects->len; i++)
    func (self, snapshot, &g_array_index (rects, GdkRectangle, i), data);
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
  guint reach = 0;

  for (guint i = 0; i < found->len && i < MAX_DRAWN; i++)
    {
      GlossAnnotation *a = g_ptr_array_index (found, i);
      guint start = gloss_annotation_get_start (a);
      guint end = gloss_annotation_get_end (a);
      BarStyle style = { { 0 }, 0, dashed };
      gboolean crowded;
      guint lane;

      /* The highlight alone shows an annotation that stands apart; bars
       * tell apart the ones that overlap, nest or touch.  Sorted by start,
       * an annotation meets an earlier one when it starts before the
       * furthest end so far, and a later one when the next starts before
       * its end. */
      crowded = (i > 0 && start <= reach) ||
                (i + 1 < found->len &&
                 gloss_annotation_get_start (g_ptr_array_index (found, i + 1)) <= end);
      reach = MAX (reach, end);

      _gloss_text_view_parse_color (_gloss_text_view_color_of (self, gloss_annotation_get_tag (a)), 0.9, &style.color);

      if (!dashed && !crowded)
        goto note;

      for (lane = 0; lane < lane_ends->len; lane++)
        if (g_array_index (lane_ends, guint, lane) <= start)
          break;
      if (lane == lane_ends->len)
        g_array_set_size (lane_ends, lane + 1);
      g_array_index (lane_ends, guint, lane) = end;

      style.lane = first_lane + lane;
      foreach_line_rect (self, MAX (start, visible_start), MIN (end, visible_end),
                         snapshot, draw_bar, &style);

    note:
      if (!dashed && gloss_annotation_has_note (a) && end <= visible_end)
        {
          const GdkRectangle *rect;

          /* A small square at the top right of the last character marks a
           * note. */
          rect = &g_array_index (_gloss_text_view_range_rects (self, end - 1, end - 1), GdkRectangle, 0);
          gtk_snapshot_append_color (snapshot, &style.color,
                                     &GRAPHENE_RECT_INIT (rect->x + rect->width - 2, rect->y, 5, 5));
        }
    }
}

gboolean
_gloss_text_view_get_visible_offsets (GlossTextView *self,
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

void
_gloss_text_view_snapshot_layer (GtkTextView      *view,
                                GtkTextViewLayer  layer,
                                GtkSnapshot      *snapshot)
{
  GlossTextView *self = GLOSS_TEXT_VIEW (view);
  guint start, end;

  if (!_gloss_text_view_get_visible_offsets (self, &start, &end))
    return;

  if (layer == GTK_TEXT_VIEW_LAYER_BELOW_TEXT)
    _gloss_text_view_snapshot_structure (self, snapshot, start, end);

  if (self->layer == NULL)
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

      _gloss_text_view_parse_color (_gloss_text_view_color_of (self, gloss_annotation_get_tag (self->selected)), 1.0, &color);
      foreach_line_rect (self,
                         MAX (start, gloss_annotation_get_start (self->selected)),
                         MIN (end, gloss_annotation_get_end (self->selected)),
                         snapshot, draw_outline, &color);
    }
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
gboolean
_gloss_text_view_query_tooltip (GlossTextView *self,
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
