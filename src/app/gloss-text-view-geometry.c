/* gloss-text-view-geometry.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-text-view"

#include "config.h"

#include "gloss-text-view-private.h"

/* Where ranges of the text are on screen, remembered from one frame to
 * the next.
 *
 * The bars, note marks and outline are drawn at every frame from the
 * rectangles of their ranges.  Asking the text view for them means asking
 * Pango where a character is, which walks the paragraph's layout from its
 * start: a few microseconds each, but a screen holds dozens of annotations
 * and each frame redrew them all.  Highlights change only backgrounds, so
 * adding or removing an annotation leaves every rectangle where it was;
 * only a change of the layout itself moves them.
 *
 * An entry is trusted while the paragraphs (buffer lines) where its range
 * starts and ends keep their place and height and the view keeps its
 * width.  What changes the layout without changing those (the font, the
 * zoom, structure styling) calls _gloss_text_view_forget_geometry(). */

/* Past this many entries the cache starts again, so that scrolling
 * through a long article keeps memory bounded. */
#define MAX_ENTRIES 20000

/* What an entry holds while it is trusted. */
typedef struct
{
  int width;
  int first_y;
  int first_height;
  int last_y;
  int last_height;
} Place;

typedef struct
{
  Place place;
  GArray *rects;   /* GdkRectangle, buffer coordinates */
} Entry;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_array_unref (entry->rects);
  g_free (entry);
}

static guint
key_hash (gconstpointer key)
{
  const guint64 *k = key;

  return (guint) (*k ^ (*k >> 29));
}

static gboolean
key_equal (gconstpointer a,
           gconstpointer b)
{
  return *(const guint64 *) a == *(const guint64 *) b;
}

void
_gloss_text_view_forget_geometry (GlossTextView *self)
{
  if (self->geometry != NULL)
    g_hash_table_remove_all (self->geometry);
}

/* The display lines of [start, end) as the text view lays them out now. */
static void
measure (GlossTextView *self,
         guint          start,
         guint          end,
         GArray        *rects)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter iter, stop;
  GdkRectangle first, last;

  if (start == end)
    {
      GdkRectangle rect;

      /* A single character: where it is. */
      gtk_text_buffer_get_iter_at_offset (_gloss_text_view_buffer (self), &iter, start);
      gtk_text_view_get_iter_location (view, &iter, &rect);
      g_array_append_val (rects, rect);
      return;
    }

  _gloss_text_view_get_iters (self, start, end, &iter, &stop);

  /* Most passages sit on one display line: two lookups place them. */
  gtk_text_view_get_iter_location (view, &iter, &first);
  gtk_text_view_get_iter_location (view, &stop, &last);
  if (first.y == last.y)
    {
      GdkRectangle rect = { first.x, first.y, last.x - first.x, first.height };

      if (rect.width > 0)
        g_array_append_val (rects, rect);
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
        g_array_append_val (rects, rect);

      if (!gtk_text_view_forward_display_line (view, &iter))
        break;
    }
}

/* The place and height of the paragraph holding @offset. */
static void
paragraph_extent (GlossTextView *self,
                  guint          offset,
                  int           *y,
                  int           *height)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (_gloss_text_view_buffer (self), &iter, offset);
  gtk_text_view_get_line_yrange (GTK_TEXT_VIEW (self), &iter, y, height);
}

/* The view's width and the paragraphs where [start, end) starts and ends,
 * as they are now. */
static void
place_now (GlossTextView *self,
           guint          start,
           guint          end,
           Place         *place)
{
  place->width = gtk_widget_get_width (GTK_WIDGET (self));
  paragraph_extent (self, start, &place->first_y, &place->first_height);
  paragraph_extent (self, end, &place->last_y, &place->last_height);
}

static gboolean
place_equal (const Place *a,
             const Place *b)
{
  return a->width == b->width &&
         a->first_y == b->first_y && a->first_height == b->first_height &&
         a->last_y == b->last_y && a->last_height == b->last_height;
}

/**
 * _gloss_text_view_range_rects:
 * @start: the first character
 * @end: the character after the last one; equal to @start for the
 *   rectangle of the character at @start
 *
 * Returns: (transfer none): the rectangles (GdkRectangle, buffer
 *   coordinates) of the display lines of [start, end), valid until the
 *   next call
 */
GArray *
_gloss_text_view_range_rects (GlossTextView *self,
                              guint          start,
                              guint          end)
{
  guint64 key = ((guint64) start << 32) | end;
  Place place;
  Entry *entry;

  if (self->geometry == NULL)
    self->geometry = g_hash_table_new_full (key_hash, key_equal, g_free, entry_free);

  place_now (self, start, end, &place);
  entry = g_hash_table_lookup (self->geometry, &key);
  if (entry != NULL && place_equal (&entry->place, &place))
    return entry->rects;

  if (entry == NULL)
    {
      if (g_hash_table_size (self->geometry) >= MAX_ENTRIES)
        g_hash_table_remove_all (self->geometry);

      entry = g_new0 (Entry, 1);
      entry->rects = g_array_new (FALSE, FALSE, sizeof (GdkRectangle));
      g_hash_table_insert (self->geometry, g_memdup2 (&key, sizeof key), entry);
    }

  g_array_set_size (entry->rects, 0);
  measure (self, start, end, entry->rects);
  entry->place = place;

  return entry->rects;
}

/* Whether the rectangles of [start, end) are known for the layout of
 * now, without measuring them. */
gboolean
_gloss_text_view_range_measured (GlossTextView *self,
                                 guint          start,
                                 guint          end)
{
  guint64 key = ((guint64) start << 32) | end;
  Place place;
  Entry *entry;

  if (self->geometry == NULL || (entry = g_hash_table_lookup (self->geometry, &key)) == NULL)
    return FALSE;

  place_now (self, start, end, &place);
  return place_equal (&entry->place, &place);
}

/* Measuring ahead.  The passages that come on screen when the view
 * scrolls are measured in the frame that shows them, and Pango lays
 * their paragraphs out for it: two thirds of a step to a disagreement
 * off screen went there.  Once the view has drawn, the passages of the
 * page below the screen and of the page above are measured in idle
 * slices, a layer and a side each, which also has the text view lay
 * those paragraphs out: scrolled to, they are drawn from what is known. */

static gboolean
measure_ahead_slice (gpointer data)
{
  GlossTextView *self = data;
  guint side = self->ahead_step % 2;
  guint index = self->ahead_step / 2;
  guint span = self->ahead_end - self->ahead_start;
  guint length = (guint) gtk_text_buffer_get_char_count (_gloss_text_view_buffer (self));
  g_autoptr(GPtrArray) found = NULL;
  GlossLayer *layer;
  guint from, to;

  if (self->layer == NULL || index > self->teammates->len)
    {
      self->ahead_idle = 0;
      return G_SOURCE_REMOVE;
    }
  self->ahead_step++;

  layer = index == 0 ? self->layer : g_ptr_array_index (self->teammates, index - 1);
  from = side == 0 ? self->ahead_end : self->ahead_start - MIN (span, self->ahead_start);
  to = side == 0 ? MIN (length, self->ahead_end + span) : self->ahead_start;
  if (from >= to)
    return G_SOURCE_CONTINUE;

  /* The passages that would be on screen whole, as the drawing asks for
   * them. */
  found = gloss_layer_get_overlapping (layer, from, to);
  for (guint i = 0; i < found->len && i < MAX_DRAWN; i++)
    {
      GlossAnnotation *a = g_ptr_array_index (found, i);
      guint start = gloss_annotation_get_start (a);
      guint end = gloss_annotation_get_end (a);

      if (start >= from && end <= to && start < end)
        _gloss_text_view_range_rects (self, start, end);
    }
  return G_SOURCE_CONTINUE;
}

/* Called when the view has drawn [visible_start, visible_end). */
void
_gloss_text_view_measure_ahead (GlossTextView *self,
                                guint          visible_start,
                                guint          visible_end)
{
  if (visible_start == self->ahead_start && visible_end == self->ahead_end && self->ahead_step > 0)
    return;

  self->ahead_start = visible_start;
  self->ahead_end = visible_end;
  self->ahead_step = 0;
  if (self->ahead_idle == 0)
    self->ahead_idle = g_idle_add_full (G_PRIORITY_LOW, measure_ahead_slice, self, NULL);
}

gboolean
_gloss_text_view_offset_at (GlossTextView *self,
                            double         x,
                            double         y,
                            guint         *offset)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter iter;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (view, &iter, bx, by))
    return FALSE;

  *offset = gtk_text_iter_get_offset (&iter);
  return TRUE;
}

/* GTK scrolls to a mark at its next layout, and the text that comes on
 * screen is then drawn in the frame after: a step from one passage to the
 * next would take two frames.  Moving the adjustment here shows it in the
 * first; GTK is still asked, and has nothing left to do unless the line's
 * place was only an estimate (a line far away, not yet laid out).
 *
 * A mark below the screen comes to a third of the way down, one above it
 * to two thirds: stepping on in the same direction, the next passages are
 * then on screen already, in context, rather than each scrolling the text
 * by a line and every step redrawing all of it. */
void
gloss_text_view_scroll_mark_onscreen (GlossTextView *self,
                                      GtkTextMark   *mark)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self));
  GdkRectangle location, visible;
  GtkTextIter iter;
  double shift = 0;

  g_return_if_fail (GLOSS_IS_TEXT_VIEW (self));
  g_return_if_fail (GTK_IS_TEXT_MARK (mark));

  gtk_text_view_get_visible_rect (view, &visible);
  if (adjustment != NULL && visible.height > 0)
    {
      gtk_text_buffer_get_iter_at_mark (gtk_text_view_get_buffer (view), &iter, mark);
      gtk_text_view_get_iter_location (view, &iter, &location);
      if (location.y < visible.y)
        shift = location.y - (visible.y + visible.height * 2 / 3.0);
      else if (location.y + location.height > visible.y + visible.height)
        shift = location.y - (visible.y + visible.height / 3.0);
      if (shift != 0)
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + shift);
    }

  gtk_text_view_scroll_mark_onscreen (view, mark);
}
