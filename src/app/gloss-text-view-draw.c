/* gloss-text-view-draw.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */


#define G_LOG_DOMAIN "gloss-text-view"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotator-style.h"
#include "gloss-text-view-private.h"

/* What the view draws around the text: a bar under each annotation,
 * stacked where they overlap, the teammates' dashes, the note marks, the
 * outline of the selected annotation (and, through
 * gloss-text-view-relations.c, the curves of its relations), and the
 * tooltips.  A teammate's
 * annotation is a dashed line in the teammate's colour, one lane per
 * teammate under the text, that starts with a solid block in its tag's
 * colour: the dashes say who, the block says what.  The bullets and
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
  GdkRGBA tag_color;
  int lane;
  gboolean dashed;
  gboolean first;
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

  /* One dash repeated along the bar: a node for the whole bar rather
   * than one a dash, of which a screen of teammates' passages would make
   * thousands to draw at every frame. */
  gtk_snapshot_push_repeat (snapshot, &GRAPHENE_RECT_INIT (rect->x, y, rect->width, BAR_HEIGHT),
                            &GRAPHENE_RECT_INIT (rect->x, y, DASH_PERIOD, BAR_HEIGHT));
  gtk_snapshot_append_color (snapshot, &style->color,
                             &GRAPHENE_RECT_INIT (rect->x, y, DASH_LENGTH, BAR_HEIGHT));
  gtk_snapshot_pop (snapshot);

  /* The tag's block, at the passage's start only, a little taller than
   * the dashes so that it reads as a mark of its own. */
  if (style->first)
    gtk_snapshot_append_color (snapshot, &style->tag_color,
                               &GRAPHENE_RECT_INIT (rect->x, y - 1, MIN (TAG_MARK_WIDTH, rect->width),
                                                    BAR_HEIGHT + 2));
  style->first = FALSE;
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

/* TRUE when @a lies inside one of the annotations before it in @found
 * (sorted by start), on a span of its own. */
static gboolean
is_nested (GPtrArray *found,
           guint      index)
{
  GlossAnnotation *a = g_ptr_array_index (found, index);
  guint start = gloss_annotation_get_start (a);
  guint end = gloss_annotation_get_end (a);

  for (guint j = 0; j < index; j++)
    {
      GlossAnnotation *outer = g_ptr_array_index (found, j);
      guint outer_start = gloss_annotation_get_start (outer);
      guint outer_end = gloss_annotation_get_end (outer);

      if (outer_start <= start && end <= outer_end && (outer_start != start || outer_end != end))
        return TRUE;
    }

  return FALSE;
}

/* A nested passage's ends are marked with ticks that rise from its bar
 * to half the line, like brackets, so that it reads as a passage of its
 * own inside the one around it, whatever the page's colours. */
static void
draw_nested_ticks (GlossTextView *self,
                   GtkSnapshot   *snapshot,
                   guint          start,
                   guint          end,
                   guint          visible_start,
                   guint          visible_end,
                   const GdkRGBA *color)
{
  const GdkRectangle *rect;

  if (start >= visible_start)
    {
      rect = &g_array_index (_gloss_text_view_range_rects (self, start, start), GdkRectangle, 0);
      gtk_snapshot_append_color (snapshot, color,
                                 &GRAPHENE_RECT_INIT (rect->x - NESTED_TICK_WIDTH, rect->y + rect->height / 2.0,
                                                      NESTED_TICK_WIDTH, rect->height / 2.0));
    }
  if (end <= visible_end)
    {
      rect = &g_array_index (_gloss_text_view_range_rects (self, end - 1, end - 1), GdkRectangle, 0);
      gtk_snapshot_append_color (snapshot, color,
                                 &GRAPHENE_RECT_INIT (rect->x + rect->width, rect->y + rect->height / 2.0,
                                                      NESTED_TICK_WIDTH, rect->height / 2.0));
    }
}

/* Gives each annotation the lowest lane free at its start, so that
 * overlapping annotations get bars of their own.  A teammate's layer
 * (@person, their colour, not NULL) is drawn dashed.  Returns how many
 * lanes the layer took, one at least. */
static int
draw_layer_bars (GlossTextView *self,
                 GtkSnapshot   *snapshot,
                 GlossLayer    *layer,
                 guint          visible_start,
                 guint          visible_end,
                 int            first_lane,
                 const GdkRGBA *person)
{
  gboolean dashed = person != NULL;
  g_autoptr(GPtrArray) found = gloss_layer_get_overlapping (layer, visible_start, visible_end);
  g_autoptr(GArray) lane_ends = g_array_new (FALSE, TRUE, sizeof (guint));
  guint reach = 0;

  for (guint i = 0; i < found->len && i < MAX_DRAWN; i++)
    {
      GlossAnnotation *a = g_ptr_array_index (found, i);
      guint start = gloss_annotation_get_start (a);
      guint end = gloss_annotation_get_end (a);
      BarStyle style = { { 0 }, { 0 }, 0, dashed, start >= visible_start };
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
      if (dashed)
        {
          style.tag_color = style.color;
          style.color = *person;
        }

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
      if (!dashed && is_nested (found, i))
        draw_nested_ticks (self, snapshot, start, end, visible_start, visible_end, &style.color);

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

  return MAX (1, (int)lane_ends->len);
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
      int lane = 0;

      draw_layer_bars (self, snapshot, self->layer, start, end, 0, NULL);
      /* Each teammate's lanes go below the previous teammate's. */
      for (guint i = 0; i < self->teammates->len; i++)
        {
          GlossLayer *teammate = g_ptr_array_index (self->teammates, i);
          GdkRGBA person;

          _gloss_text_view_parse_color (gloss_text_view_get_annotator_colour (self, gloss_layer_get_annotator_id (teammate)),
                                        1.0, &person);
          lane += draw_layer_bars (self, snapshot, teammate, start, end, lane, &person);
        }
      _gloss_text_view_measure_ahead (self, start, end);
    }
  else if (self->selected != NULL)
    {
      GdkRGBA color;

      _gloss_text_view_parse_color (_gloss_text_view_color_of (self, gloss_annotation_get_tag (self->selected)), 1.0, &color);
      foreach_line_rect (self,
                         MAX (start, gloss_annotation_get_start (self->selected)),
                         MIN (end, gloss_annotation_get_end (self->selected)),
                         snapshot, draw_outline, &color);
      _gloss_text_view_snapshot_relations (self, snapshot);
    }
}

/* The first and last words of [start, end), on one line. */
static char *
quote_edges (GlossTextView *self,
             guint          start,
             guint          end)
{
  GtkTextIter a, b;
  g_autofree char *text = NULL;

  if (end - start <= 2 * QUOTE_EDGE)
    {
      _gloss_text_view_get_iters (self, start, end, &a, &b);
      text = gtk_text_buffer_get_slice (_gloss_text_view_buffer (self), &a, &b, FALSE);
    }
  else
    {
      g_autofree char *head = NULL;
      g_autofree char *tail = NULL;

      _gloss_text_view_get_iters (self, start, start + QUOTE_EDGE, &a, &b);
      head = gtk_text_buffer_get_slice (_gloss_text_view_buffer (self), &a, &b, FALSE);
      _gloss_text_view_get_iters (self, end - QUOTE_EDGE, end, &a, &b);
      tail = gtk_text_buffer_get_slice (_gloss_text_view_buffer (self), &a, &b, FALSE);
      text = g_strconcat (head, "…", tail, NULL);
    }

  g_strdelimit (text, "\n\t\r", ' ');
  return g_markup_escape_text (text, -1);
}

/* One line of the tooltip: @a's tag and note, and for a teammate's
 * annotation (@layer, not the own one), who made it and, when the own
 * layer has no annotation of that tag on exactly that span, the span's
 * offsets and the edges of its quote. */
static void
describe (GString         *out,
          GlossTextView   *self,
          GlossAnnotation *a,
          GlossLayer      *layer)
{
  GlossTag *tag = NULL;
  g_autofree char *label = NULL;
  g_autofree char *line = NULL;
  g_autofree char *what = NULL;

  if (self->file != NULL)
    tag = gloss_annotation_file_lookup_tag (self->file, gloss_annotation_get_tag (a));

  if (out->len > 0)
    g_string_append_c (out, '\n');

  label = g_markup_escape_text (tag ? gloss_tag_get_label (tag) : gloss_annotation_get_tag (a), -1);
  if (layer != NULL)
    {
      guint start = gloss_annotation_get_start (a);
      guint end = gloss_annotation_get_end (a);

      if (gloss_layer_find (self->layer, gloss_annotation_get_tag (a), start, end) != NULL)
        {
          /* Translators: a teammate's tag, on the same passage as one of
           * the user's own with the same tag (Pango markup) */
          what = g_strdup_printf (_("%s (same as yours)"), label);
        }
      else
        {
          g_autofree char *quote = quote_edges (self, start, end);

          /* Translators: a teammate's tag, the character offsets where
           * its passage starts and ends, and the passage's first and last
           * words (Pango markup) */
          what = g_strdup_printf (_("%s, characters %u–%u: “%s”"), label, start, end, quote);
        }
    }
  else
    {
      what = g_steal_pointer (&label);
    }

  if (gloss_annotation_has_note (a))
    {
      g_autofree char *note = g_markup_escape_text (gloss_annotation_get_note (a), -1);

      /* Translators: a tag, then the annotation's note (Pango markup) */
      line = g_strdup_printf (_("%s: <i>%s</i>"), what, note);
    }
  else
    {
      line = g_steal_pointer (&what);
    }

  if (layer != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (gloss_layer_get_annotator_name (layer), -1);

      g_string_append_printf (out, "<span foreground=\"%s\">●</span> ",
                              gloss_text_view_get_annotator_colour (self, gloss_layer_get_annotator_id (layer)));
      /* Translators: a teammate's name, then what they tagged (Pango markup) */
      g_string_append_printf (out, _("<b>%s</b> · %s"), escaped, line);
    }
  else
    {
      g_string_append (out, line);
    }
}

char *
gloss_text_view_describe_offset (GlossTextView *self,
                                 guint          offset)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) own = NULL;

  g_return_val_if_fail (GLOSS_IS_TEXT_VIEW (self), NULL);

  if (self->layer == NULL)
    return NULL;

  own = gloss_text_view_annotations_at (self, offset);
  for (guint i = 0; i < own->len && i < 8; i++)
    describe (text, self, g_ptr_array_index (own, i), NULL);

  for (guint t = 0; t < self->teammates->len; t++)
    {
      GlossLayer *layer = g_ptr_array_index (self->teammates, t);
      g_autoptr(GPtrArray) theirs = gloss_layer_get_at (layer, offset);

      for (guint i = 0; i < theirs->len && i < 8; i++)
        describe (text, self, g_ptr_array_index (theirs, i), layer);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
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
  g_autofree char *markup = NULL;
  GtkTextIter iter;
  int bx, by;

  if (self->layer == NULL || keyboard)
    return FALSE;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &iter, bx, by))
    return FALSE;

  markup = gloss_text_view_describe_offset (self, gtk_text_iter_get_offset (&iter));
  if (markup == NULL)
    return FALSE;

  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}
