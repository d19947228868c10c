/* gloss-text-view-structure.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-text-view"

#include "config.h"

#include <math.h>
#include <string.h>

#include "gloss-article-header.h"
#include "gloss-text-view-private.h"

/* The article's structure as the reader of a web page or an XML document
 * found it: headings, paragraphs, list items, quotes and preformatted
 * blocks, emphasis and strong spans.  Each is a text tag that changes how
 * the text looks and never the text itself, so that buffer offsets stay
 * the article's offsets; none sets a background, and all are created
 * before the highlight tags so that highlights win where both apply.
 * Bullets and the rule beside quotes are drawn in the margin, not written
 * in the text.  Above the text, in the top margin, a header shows the
 * article's metadata and scrolls with it.
 *
 * Plain text gets none of it: its paragraphs are already set apart by
 * blank lines, and a large text opens as fast as before. */

#define PARAGRAPH_SPACING 8
#define LIST_INDENT 28
#define QUOTE_INDENT 32
#define PREFORMATTED_INDENT 16

static const double heading_scales[HEADING_LEVELS] = { 1.6, 1.4, 1.25, 1.15, 1.1, 1.05 };

static double
zoom_scale (GlossTextView *self)
{
  return pow (1.2, self->zoom);
}

/* Margins are in pixels, which the zoom does not reach: set them for it. */
static void
update_margins (GlossTextView *self)
{
  double scale = zoom_scale (self);

  for (guint i = 0; i < LIST_LEVELS; i++)
    g_object_set (self->list_tags[i], "left-margin", (int) round (LIST_INDENT * (i + 1) * scale), NULL);
  g_object_set (self->quote_tag,
                "left-margin", (int) round (QUOTE_INDENT * scale),
                "right-margin", (int) round (QUOTE_INDENT * scale),
                NULL);
  g_object_set (self->preformatted_tag, "left-margin", (int) round (PREFORMATTED_INDENT * scale), NULL);
}

void
_gloss_text_view_init_structure (GlossTextView *self)
{
  GtkTextBuffer *buffer = _gloss_text_view_buffer (self);

  /* A tag's priority is its rank of creation: these come before every
   * highlight tag, which the codebook creates later, so that a highlight
   * is drawn over any structure. */
  self->paragraph_tag = gtk_text_buffer_create_tag (buffer, "structure-paragraph",
                                                    "pixels-above-lines", 0,
                                                    "pixels-below-lines", PARAGRAPH_SPACING,
                                                    NULL);

  for (guint i = 0; i < HEADING_LEVELS; i++)
    {
      g_autofree char *name = g_strdup_printf ("structure-heading-%u", i + 1);

      /* Scales multiply: with the zoom's on the base tag, headings keep
       * their size relative to the text. */
      self->heading_tags[i] = gtk_text_buffer_create_tag (buffer, name,
                                                          "weight", PANGO_WEIGHT_BOLD,
                                                          "scale", heading_scales[i],
                                                          "pixels-above-lines", i < 2 ? 14 : 8,
                                                          "pixels-below-lines", 4,
                                                          NULL);
    }

  for (guint i = 0; i < LIST_LEVELS; i++)
    {
      g_autofree char *name = g_strdup_printf ("structure-list-item-%u", i + 1);

      /* Accumulative: the indent adds to the view's own margin.  Items
       * sit closer together than paragraphs. */
      self->list_tags[i] = gtk_text_buffer_create_tag (buffer, name,
                                                       "accumulative-margin", TRUE,
                                                       "pixels-below-lines", 0,
                                                       NULL);
    }

  self->quote_tag = gtk_text_buffer_create_tag (buffer, "structure-quote",
                                                "accumulative-margin", TRUE,
                                                NULL);
  self->preformatted_tag = gtk_text_buffer_create_tag (buffer, "structure-preformatted",
                                                       "family", "monospace",
                                                       "accumulative-margin", TRUE,
                                                       "pixels-below-lines", 2,
                                                       "pixels-inside-wrap", 2,
                                                       NULL);
  self->emphasis_tag = gtk_text_buffer_create_tag (buffer, "structure-emphasis",
                                                   "style", PANGO_STYLE_ITALIC,
                                                   NULL);
  self->strong_tag = gtk_text_buffer_create_tag (buffer, "structure-strong",
                                                 "weight", PANGO_WEIGHT_BOLD,
                                                 NULL);
  update_margins (self);

  self->structure_pending = g_array_new (FALSE, FALSE, sizeof (GlossTagRun));
  self->header = gloss_article_header_new ();
  self->header_width = -1;
  self->header_on_screen = TRUE;
  gtk_text_view_add_overlay (GTK_TEXT_VIEW (self), self->header, VIEW_MARGIN, 0);
}

void
_gloss_text_view_clear_structure (GlossTextView *self)
{
  g_clear_handle_id (&self->structure_idle, g_source_remove);
  g_clear_pointer (&self->structure_pending, g_array_unref);
  /* The header itself is the view's child, which the view disposes. */
  if (self->header != NULL)
    gloss_article_header_set_source (GLOSS_ARTICLE_HEADER (self->header), NULL);
  self->header = NULL;
}

static gboolean
is_plain_text (GlossSource *source)
{
  return g_strcmp0 (gloss_source_get_media_type (source), "text/plain") == 0;
}

static GtkTextTag *
tag_of_block (GlossTextView    *self,
              const GlossBlock *block)
{
  switch (block->kind)
    {
    case GLOSS_BLOCK_HEADING:
      return self->heading_tags[CLAMP (block->level, 1, HEADING_LEVELS) - 1];
    case GLOSS_BLOCK_LIST_ITEM:
      return self->list_tags[CLAMP (block->level, 1, LIST_LEVELS) - 1];
    case GLOSS_BLOCK_QUOTE:
      return self->quote_tag;
    case GLOSS_BLOCK_PREFORMATTED:
      return self->preformatted_tag;
    case GLOSS_BLOCK_PARAGRAPH:
    default:
      return self->paragraph_tag;
    }
}

static void
add_run (GArray     *runs,
         guint       start,
         guint       end,
         GtkTextTag *tag)
{
  GlossTagRun run = { start, end, tag };

  if (start < end)
    g_array_append_val (runs, run);
}

/* Adds [start, end) one line at a time, leaving out the line breaks.
 *
 * The text view reuses the style of the last line it laid out for a line
 * where no tag begins or ends, even when it lays lines out out of order:
 * a tag that covered a line break could then lend its size or margin to
 * a distant blank line.  A tag that begins on every line it styles and
 * ends before each line break leaves no such style behind. */
static void
add_lines (GlossSource *source,
           GArray      *runs,
           guint        start,
           guint        end,
           GtkTextTag  *tag)
{
  const char *text = gloss_source_get_text (source);
  gsize first = gloss_source_offset_to_byte (source, start);
  gsize last = gloss_source_offset_to_byte (source, end);
  const char *p = text + first;
  const char *stop = text + last;

  /* Line breaks are ASCII: their bytes never occur inside another
   * character, and each counts as one code point. */
  while (p < stop)
    {
      const char *lf = memchr (p, '\n', stop - p);
      const char *cr = memchr (p, '\r', (lf != NULL ? lf : stop) - p);
      const char *br = cr != NULL ? cr : lf;
      guint line_end;

      if (br == NULL)
        break;

      line_end = gloss_source_byte_to_offset (source, br - text);
      add_run (runs, start, line_end, tag);
      p = br + 1;
      if (*br == '\r' && p < stop && *p == '\n')
        p++;
      start = line_end + (p - br);
    }

  add_run (runs, start, end, tag);
}

static void
collect_runs (GlossTextView *self)
{
  const GlossBlock *blocks;
  const GlossSpan *spans;
  guint n_blocks = 0;
  guint n_spans = 0;

  blocks = gloss_source_get_blocks (self->source, &n_blocks);
  for (guint i = 0; i < n_blocks; i++)
    add_lines (self->source, self->structure_pending, blocks[i].start, blocks[i].end,
               tag_of_block (self, &blocks[i]));

  spans = gloss_source_get_spans (self->source, &n_spans);
  for (guint i = 0; i < n_spans; i++)
    add_lines (self->source, self->structure_pending, spans[i].start, spans[i].end,
               spans[i].kind == GLOSS_SPAN_STRONG ? self->strong_tag : self->emphasis_tag);
}

static int
compare_runs (gconstpointer a,
              gconstpointer b)
{
  const GlossTagRun *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

static void
apply_run (GlossTextView *self,
           const GlossTagRun     *run)
{
  GtkTextIter s, e;

  _gloss_text_view_get_iters (self, run->start, run->end, &s, &e);
  gtk_text_buffer_apply_tag (_gloss_text_view_buffer (self), run->tag, &s, &e);
}

/* Applies the waiting runs in text order until @deadline (monotonic time;
 * 0 for no limit).  Returns TRUE when some are left. */
static gboolean
apply_pending_structure (GlossTextView *self,
                         gint64         deadline)
{
  GArray *pending = self->structure_pending;

  while (self->structure_index < pending->len)
    {
      apply_run (self, &g_array_index (pending, GlossTagRun, self->structure_index++));

      if (deadline != 0 && (self->structure_index & 63) == 0 && g_get_monotonic_time () > deadline)
        return TRUE;
    }

  g_array_set_size (pending, 0);
  self->structure_index = 0;
  return FALSE;
}

static gboolean
apply_structure_slice (gpointer data)
{
  GlossTextView *self = data;
  gboolean more = apply_pending_structure (self, g_get_monotonic_time () + HIGHLIGHT_SLICE_USEC);

  /* Italics and bold move text without changing the height of its
   * lines: where ranges were drawn is no longer known. */
  _gloss_text_view_forget_geometry (self);

  if (more)
    return G_SOURCE_CONTINUE;

  self->structure_idle = 0;
  return G_SOURCE_REMOVE;
}

/* Styles the text of the view's source, and shows its metadata above it.
 * A long article is styled from the top, the first screenfuls at once and
 * the rest in idle slices, like the highlights. */
void
_gloss_text_view_apply_structure (GlossTextView *self)
{
  GArray *pending = self->structure_pending;

  g_clear_handle_id (&self->structure_idle, g_source_remove);
  g_array_set_size (pending, 0);
  self->structure_index = 0;

  gloss_article_header_set_source (GLOSS_ARTICLE_HEADER (self->header), self->source);
  gtk_widget_queue_resize (GTK_WIDGET (self));

  if (self->source == NULL || is_plain_text (self->source))
    return;

  collect_runs (self);
  /* Blocks come in text order, but the spans inside them do not. */
  g_array_sort (pending, compare_runs);

  if (pending->len <= HIGHLIGHT_AT_ONCE)
    {
      apply_pending_structure (self, 0);
      return;
    }

  while (self->structure_index < pending->len &&
         g_array_index (pending, GlossTagRun, self->structure_index).start < FIRST_SCREENS)
    apply_run (self, &g_array_index (pending, GlossTagRun, self->structure_index++));

  /* Before the view lays out the text in the background (just below
   * GDK_PRIORITY_REDRAW), so that it lays out each line once, styled;
   * after drawing, so that the window keeps drawing meanwhile. */
  self->structure_idle = g_idle_add_full (GDK_PRIORITY_REDRAW + 1, apply_structure_slice, self, NULL);
}

/* A part of the text the styling has not reached yet comes on screen:
 * style it at once.  Its runs are applied again when the slices reach
 * them, which changes nothing. */
void
_gloss_text_view_structure_on_scrolled (GlossTextView *self)
{
  GArray *pending = self->structure_pending;
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self));
  guint start, end, lo, hi;

  /* GTK 4.8 moves the children it places over the text only when it
   * allocates the view, and scrolling does not: ask for it, and for their
   * container, whose size does not change, while the header is or was on
   * screen. */
  if (self->header != NULL && gtk_widget_get_visible (self->header))
    {
      gboolean on_screen = gtk_adjustment_get_value (adjustment) <
                           gtk_text_view_get_top_margin (GTK_TEXT_VIEW (self));

      if (on_screen || self->header_on_screen)
        {
          gtk_widget_queue_allocate (GTK_WIDGET (self));
          gtk_widget_queue_allocate (gtk_widget_get_parent (self->header));
        }
      self->header_on_screen = on_screen;
    }

  if (self->structure_idle == 0 || !_gloss_text_view_get_visible_offsets (self, &start, &end) ||
      g_array_index (pending, GlossTagRun, self->structure_index).start >= end)
    return;

  /* The first waiting run that starts on screen... */
  lo = self->structure_index;
  hi = pending->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (pending, GlossTagRun, mid).start < start)
        lo = mid + 1;
      else
        hi = mid;
    }

  /* ...and those before it that may reach onto the screen: blocks do not
   * nest and spans lie inside blocks, so they are never far back. */
  for (guint i = lo, k = 0; i > self->structure_index && k < 256; i--, k++)
    {
      const GlossTagRun *run = &g_array_index (pending, GlossTagRun, i - 1);

      if (run->end > start)
        apply_run (self, run);
    }

  for (guint i = lo; i < pending->len && g_array_index (pending, GlossTagRun, i).start < end; i++)
    apply_run (self, &g_array_index (pending, GlossTagRun, i));

  _gloss_text_view_forget_geometry (self);
}

void
_gloss_text_view_structure_zoom (GlossTextView *self)
{
  update_margins (self);
  if (self->header != NULL)
    gloss_article_header_set_scale (GLOSS_ARTICLE_HEADER (self->header), zoom_scale (self));
}

/* The header takes the width of the text and a top margin of its height,
 * which places it above the first line and lets it scroll with the text. */
void
_gloss_text_view_allocate_header (GlossTextView *self,
                                  int            width)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  int height = 0;
  int top = VIEW_TOP_MARGIN;
  int y = 0;

  /* Gone once the view is disposed. */
  if (self->header == NULL)
    return;

  if (gtk_widget_get_visible (self->header))
    {
      int text_width = MAX (1, width - 2 * VIEW_MARGIN);

      if (text_width != self->header_width)
        {
          self->header_width = text_width;
          gtk_widget_set_size_request (self->header, text_width, -1);
        }

      gtk_widget_measure (self->header, GTK_ORIENTATION_VERTICAL, text_width,
                          &height, NULL, NULL, NULL);
      top += height + HEADER_GAP;
      y = -(height + HEADER_GAP);
    }

  if (y != self->header_y)
    {
      self->header_y = y;
      gtk_text_view_move_overlay (view, self->header, VIEW_MARGIN, y);
    }

  if (gtk_text_view_get_top_margin (view) != top)
    gtk_text_view_set_top_margin (view, top);
}

/* The header is as wide as the text it sits over: it must not hold the
 * view at its width when the window narrows.  With no gutters and no
 * other child, the view's own minimum width is its margins. */
void
_gloss_text_view_measure (GlossTextView  *self,
                          GtkOrientation  orientation,
                          int            *minimum,
                          int            *natural)
{
  if (orientation != GTK_ORIENTATION_HORIZONTAL || self->header == NULL ||
      !gtk_widget_get_visible (self->header))
    return;

  *minimum = 2 * VIEW_MARGIN;
  *natural = 2 * VIEW_MARGIN;
}

static const GlossBlock *
first_block_ending_after (GlossSource *source,
                          guint        offset,
                          guint       *n_left)
{
  const GlossBlock *blocks;
  guint n = 0, lo = 0, hi;

  blocks = gloss_source_get_blocks (source, &n);
  hi = n;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (blocks[mid].end <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  *n_left = n - lo;
  return blocks + lo;
}

static void
draw_bullet (GtkSnapshot        *snapshot,
             const GdkRectangle *first_char,
             guint               level,
             double              scale,
             const GdkRGBA      *color)
{
  float size = CLAMP (first_char->height * 0.28f, 4.0f, 14.0f);
  float cx = first_char->x - LIST_INDENT * scale / 2;
  float cy = first_char->y + first_char->height / 2.0f;
  graphene_rect_t box = GRAPHENE_RECT_INIT (cx - size / 2, cy - size / 2, size, size);
  GskRoundedRect round;

  /* A disc, then a circle, then a square, as lists nest. */
  switch ((MAX (level, 1) - 1) % 3)
    {
    case 0:
      gsk_rounded_rect_init_from_rect (&round, &box, size / 2);
      gtk_snapshot_push_rounded_clip (snapshot, &round);
      gtk_snapshot_append_color (snapshot, color, &box);
      gtk_snapshot_pop (snapshot);
      break;

    case 1:
      {
        const float widths[4] = { 1.5f, 1.5f, 1.5f, 1.5f };
        const GdkRGBA colors[4] = { *color, *color, *color, *color };

        gsk_rounded_rect_init_from_rect (&round, &box, size / 2);
        gtk_snapshot_append_border (snapshot, &round, widths, colors);
      }
      break;

    default:
      gtk_snapshot_append_color (snapshot, color,
                                 &GRAPHENE_RECT_INIT (cx - size / 3, cy - size / 3,
                                                      size * 2 / 3, size * 2 / 3));
      break;
    }
}

static void
draw_quote_rule (GlossTextView    *self,
                 GtkSnapshot      *snapshot,
                 const GlossBlock *block,
                 double            scale,
                 const GdkRGBA    *color)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter first, last;
  const GdkRectangle *location;
  int top, bottom, height;

  _gloss_text_view_get_iters (self, block->start, MAX (block->start, block->end - 1), &first, &last);
  location = &g_array_index (_gloss_text_view_range_rects (self, block->start, block->start), GdkRectangle, 0);
  gtk_text_view_get_line_yrange (view, &first, &top, &height);
  gtk_text_view_get_line_yrange (view, &last, &bottom, &height);
  bottom += height;

  gtk_snapshot_append_color (snapshot, color,
                             &GRAPHENE_RECT_INIT (location->x - QUOTE_INDENT * scale + 6 * scale, top,
                                                  3 * scale, bottom - top));
}

/* Bullets before list items and a rule beside quotes, for the blocks
 * that meet [start, end), the part of the text on screen. */
void
_gloss_text_view_snapshot_structure (GlossTextView *self,
                                     GtkSnapshot   *snapshot,
                                     guint          start,
                                     guint          end)
{
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (self));
  const GlossBlock *block;
  double scale = zoom_scale (self);
  GdkRGBA bullet_color, rule_color;
  guint n;

  if (self->source == NULL || is_plain_text (self->source))
    return;

  /* The text's own colour, so that the marks read in light and dark
   * themes alike. */
  gtk_style_context_get_color (style, &bullet_color);
  rule_color = bullet_color;
  bullet_color.alpha *= 0.75;
  rule_color.alpha *= 0.3;

  for (block = first_block_ending_after (self->source, start, &n);
       n > 0 && block->start < end;
       block++, n--)
    {
      if (block->kind == GLOSS_BLOCK_LIST_ITEM && block->start >= start)
        {
          /* Where the item's first character is, remembered between
           * frames like the annotations' bars. */
          GArray *location = _gloss_text_view_range_rects (self, block->start, block->start);

          draw_bullet (snapshot, &g_array_index (location, GdkRectangle, 0), block->level, scale,
                       &bullet_color);
        }
      else if (block->kind == GLOSS_BLOCK_QUOTE)
        {
          draw_quote_rule (self, snapshot, block, scale, &rule_color);
        }
    }
}
