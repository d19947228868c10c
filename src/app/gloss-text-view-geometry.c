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

typedef struct
{
  int width;
  int first_y;
  int first_height;
  int last_y;
  int last_height;
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
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int first_y, first_height, last_y, last_height;
  Entry *entry;

  if (self->geometry == NULL)
    self->geometry = g_hash_table_new_full (key_hash, key_equal, g_free, entry_free);

  paragraph_extent (self, start, &first_y, &first_height);
  paragraph_extent (self, end, &last_y, &last_height);

  entry = g_hash_table_lookup (self->geometry, &key);
  if (entry != NULL &&
      entry->width == width &&
      entry->first_y == first_y && entry->first_height == first_height &&
      entry->last_y == last_y && entry->last_height == last_height)
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
  entry->width = width;
  entry->first_y = first_y;
  entry->first_height = first_height;
  entry->last_y = last_y;
  entry->last_height = last_height;

  return entry->rects;
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
