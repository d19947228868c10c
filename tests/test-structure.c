/* test-structure.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The structure of HTML and XML articles in a real window: headings,
 * paragraphs, list items, quotes, preformatted text and emphasis as text
 * tags that leave the text and its offsets alone and stay below the
 * highlights, and the bullets and rules drawn beside them.  The header
 * with the article's metadata has test-article-header.c. */

#include "config.h"

#include <string.h>

#include "article-test-util.h"

static char *
structure_tag_name (const GlossBlock *block)
{
  switch (block->kind)
    {
    case GLOSS_BLOCK_HEADING:
      return g_strdup_printf ("structure-heading-%u", CLAMP (block->level, 1, 6));
    case GLOSS_BLOCK_LIST_ITEM:
      return g_strdup_printf ("structure-list-item-%u", CLAMP (block->level, 1, 6));
    case GLOSS_BLOCK_QUOTE:
      return g_strdup ("structure-quote");
    case GLOSS_BLOCK_PREFORMATTED:
      return g_strdup ("structure-preformatted");
    case GLOSS_BLOCK_PARAGRAPH:
    default:
      return g_strdup ("structure-paragraph");
    }
}

static void
assert_text_unchanged (Article *a)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer_of (a), &start, &end);
  text = gtk_text_buffer_get_text (buffer_of (a), &start, &end, TRUE);
  g_assert_cmpstr (text, ==, gloss_source_get_text (source_of (a)));
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer_of (a)), ==,
                   gloss_source_get_length (source_of (a)));
}

/* Every block of the sample carries the tag of its kind from its first
 * to its last character, and the line break before it does not; the
 * tags look the part. */
static void
test_sample_blocks (gconstpointer data)
{
  Article *a = open_sample (data);
  const GlossBlock *blocks;
  guint n = 0;
  guint kinds = 0;

  assert_text_unchanged (a);

  blocks = gloss_source_get_blocks (source_of (a), &n);
  g_assert_cmpuint (n, >, 5);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = structure_tag_name (&blocks[i]);
      GtkTextTag *tag = lookup_tag (a, name);

      g_assert_true (has_tag_at (a, name, blocks[i].start));
      g_assert_true (has_tag_at (a, name, blocks[i].end - 1));
      if (blocks[i].start > 0)
        g_assert_false (has_tag_at (a, name, blocks[i].start - 1));
      kinds |= 1 << blocks[i].kind;

      switch (blocks[i].kind)
        {
        case GLOSS_BLOCK_HEADING:
          {
            int weight;
            double scale;

            g_object_get (tag, "weight", &weight, "scale", &scale, NULL);
            g_assert_cmpint (weight, >=, PANGO_WEIGHT_BOLD);
            g_assert_cmpfloat (scale, >, 1.0);
          }
          break;

        case GLOSS_BLOCK_LIST_ITEM:
        case GLOSS_BLOCK_QUOTE:
          {
            int margin;
            gboolean set;

            g_object_get (tag, "left-margin", &margin, "left-margin-set", &set, NULL);
            g_assert_true (set);
            g_assert_cmpint (margin, >, 0);
          }
          break;

        case GLOSS_BLOCK_PARAGRAPH:
        case GLOSS_BLOCK_PREFORMATTED:
        default:
          break;
        }
    }

  /* The samples have all of these. */
  g_assert_cmpuint (kinds & (1 << GLOSS_BLOCK_HEADING), !=, 0);
  g_assert_cmpuint (kinds & (1 << GLOSS_BLOCK_LIST_ITEM), !=, 0);
  g_assert_cmpuint (kinds & (1 << GLOSS_BLOCK_QUOTE), !=, 0);
  g_assert_cmpuint (kinds & (1 << GLOSS_BLOCK_PARAGRAPH), !=, 0);

  close_article (a);
}

/* No structure tag sets a background, and every one of them ranks below
 * the search and highlight tags, those of tags added to the codebook
 * later included. */
static void
assert_structure_below (Article    *a,
                        GtkTextTag *above)
{
  const char *names[] = {
    "structure-paragraph", "structure-heading-1", "structure-heading-6",
    "structure-list-item-1", "structure-list-item-6", "structure-quote",
    "structure-preformatted", "structure-emphasis", "structure-strong",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkTextTag *tag = lookup_tag (a, names[i]);
      gboolean background, paragraph_background;

      g_object_get (tag, "background-set", &background,
                    "paragraph-background-set", &paragraph_background, NULL);
      g_assert_false (background);
      g_assert_false (paragraph_background);
      g_assert_cmpint (gtk_text_tag_get_priority (tag), <, gtk_text_tag_get_priority (above));
    }
}

static void
test_highlight_over_heading (void)
{
  Article *a = open_sample ("news-page.html");
  GlossLayer *layer = gloss_document_get_layer (gloss_window_get_document (a->window));
  guint heading = offset_of (a, "Un chantier à 14 millions");
  g_autofree char *company = gloss_text_view_tag_name ("company");
  g_autofree char *fresh = gloss_text_view_tag_name ("fresh");
  GtkTextIter iter;
  g_autoptr(GSList) tags = NULL;

  gloss_layer_annotate (layer, "company", heading, heading + 11, NULL);
  settle ();

  g_assert_true (has_tag_at (a, "structure-heading-2", heading + 3));
  g_assert_true (has_tag_at (a, company, heading + 3));
  assert_structure_below (a, lookup_tag (a, company));
  assert_structure_below (a, lookup_tag (a, "gloss-search"));

  /* The tags at that character, in order of priority: the highlight is
   * applied last, over the heading. */
  gtk_text_buffer_get_iter_at_offset (buffer_of (a), &iter, heading + 3);
  tags = gtk_text_iter_get_tags (&iter);
  g_assert_true (g_slist_last (tags)->data == lookup_tag (a, company));

  /* A tag the codebook did not have when the window opened. */
  gloss_layer_annotate (layer, "fresh", heading + 12, heading + 20, NULL);
  settle ();
  g_assert_true (has_tag_at (a, fresh, heading + 14));
  assert_structure_below (a, lookup_tag (a, fresh));

  assert_text_unchanged (a);
  close_article (a);
}

/* Renders the text view as it shows on screen. */
static guchar *
render_view (Article *a,
             int     *width,
             int     *height)
{
  GtkWidget *widget = GTK_WIDGET (view_of (a));
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guchar *pixels;

  draw_frames (widget);
  paintable = gtk_widget_paintable_new (widget);
  *width = gtk_widget_get_width (widget);
  *height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), *width, *height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, NULL);
  pixels = g_malloc (*width * *height * 4);
  gdk_texture_download (texture, pixels, *width * 4);

  return pixels;
}

typedef gboolean (*PixelTest) (guchar r,
                               guchar g,
                               guchar b);

static guint
count_pixels (const guchar *pixels,
              int           width,
              int           height,
              int           x,
              int           y,
              int           w,
              int           h,
              PixelTest     test)
{
  guint n = 0;

  for (int j = MAX (0, y); j < MIN (height, y + h); j++)
    for (int i = MAX (0, x); i < MIN (width, x + w); i++)
      {
        /* Cairo's ARGB32: B, G, R, A in memory on little-endian machines. */
        const guchar *p = pixels + 4 * (j * width + i);

        if (test (p[2], p[1], p[0]))
          n++;
      }

  return n;
}

/* A translucent #3584e4 over white. */
static gboolean
is_blueish (guchar r,
            guchar g,
            guchar b)
{
  return b > 200 && b - r > 40 && g > r;
}

/* Anything drawn on the white page: text, a bullet, a faint rule. */
static gboolean
is_ink (guchar r,
        guchar g,
        guchar b)
{
  return r + g + b < 3 * 230;
}

/* A highlighted heading still shows the highlight's colour, and is drawn
 * larger than the text around it. */
static void
test_render_highlighted_heading (void)
{
  Article *a = open_sample ("news-page.html");
  GlossLayer *layer = gloss_document_get_layer (gloss_window_get_document (a->window));
  guint heading = offset_of (a, "Brest teste des quais flottants");
  guint paragraph = offset_of (a, "Les essais commenceront");
  g_autofree guchar *pixels = NULL;
  GdkRectangle first, last, body;
  int width, height;
  guint blue;

  gloss_layer_annotate (layer, "company", heading, heading + 5, NULL);
  settle ();
  pixels = render_view (a, &width, &height);

  first = char_rect (a, heading);
  last = char_rect (a, heading + 4);
  body = char_rect (a, paragraph);
  g_assert_cmpint (first.height, >, body.height * 1.3);

  blue = count_pixels (pixels, width, height, first.x, first.y,
                       last.x + last.width - first.x, first.height, is_blueish);
  g_assert_cmpuint (blue, >, (guint) ((last.x + last.width - first.x) * first.height / 3));

  close_article (a);
}

/* Bullets stand in the margin before list items, a rule beside quotes:
 * drawn, not written in the text. */
static void
test_render_bullets (void)
{
  Article *a = open_sample ("tei-article.xml");
  const GlossBlock *blocks;
  g_autofree guchar *pixels = NULL;
  int width, height;
  guint n = 0, items = 0, quotes = 0;

  pixels = render_view (a, &width, &height);
  blocks = gloss_source_get_blocks (source_of (a), &n);
  for (guint i = 0; i < n; i++)
    {
      GdkRectangle rect = char_rect (a, blocks[i].start);
      GdkRectangle before = { 0, rect.y, rect.x - 4, rect.height };

      if (rect.y + rect.height > height || rect.y < 0)
        continue;

      if (blocks[i].kind == GLOSS_BLOCK_LIST_ITEM)
        {
          g_assert_cmpuint (count_pixels (pixels, width, height, before.x, before.y,
                                          before.width, before.height, is_ink), >, 6);
          items++;
        }
      else if (blocks[i].kind == GLOSS_BLOCK_QUOTE)
        {
          g_assert_cmpuint (count_pixels (pixels, width, height, before.x, before.y,
                                          before.width, before.height, is_ink), >, rect.height);
          quotes++;
        }
      else if (blocks[i].kind == GLOSS_BLOCK_PARAGRAPH)
        {
          /* Nothing beside a paragraph. */
          g_assert_cmpuint (count_pixels (pixels, width, height, 0, before.y,
                                          rect.x - 2, before.height, is_ink), ==, 0);
        }
    }
  g_assert_cmpuint (items, >=, 2);
  g_assert_cmpuint (quotes, ==, 1);

  close_article (a);
}

/* Plain text looks as before: no header, no structure tag, the view's
 * own margin. */
static void
test_plain_text (void)
{
  Article *a = open_text ("plain.txt", "First paragraph.\n\nSecond one,\non two lines.\n");
  GtkTextView *view = GTK_TEXT_VIEW (view_of (a));
  GtkWidget *header = gloss_text_view_get_article_header (view_of (a));
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer_of (a));
  const char *names[] = { "structure-paragraph", "structure-heading-1", "structure-list-item-1",
                          "structure-quote", "structure-preformatted" };

  assert_text_unchanged (a);
  g_assert_false (gtk_widget_get_visible (header));
  g_assert_false (gtk_widget_get_mapped (header));
  g_assert_cmpint (gtk_text_view_get_top_margin (view), ==, 32);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    for (guint offset = 0; offset < 40; offset++)
      {
        GtkTextIter iter;

        gtk_text_buffer_get_iter_at_offset (buffer_of (a), &iter, offset);
        g_assert_false (gtk_text_iter_has_tag (&iter, gtk_text_tag_table_lookup (table, names[i])));
      }

  close_article (a);
}

#define MARKUP_PAGE \
  "<!DOCTYPE html>\n<html lang=\"en\"><head><title>Markup</title></head><body><article>\n" \
  "<h3>Third level</h3>\n" \
  "<p>Some <em>stressed</em> and <strong>strong</strong> words.</p>\n" \
  "<pre>first line\n  second line</pre>\n" \
  "<ul><li>outer<ul><li>inner</li></ul></li></ul>\n" \
  "<blockquote><p>Quoted words.</p></blockquote>\n" \
  "</article></body></html>\n"

/* A preformatted block is monospace on each of its lines; the line
 * breaks inside blocks carry no structure; nested lists indent further. */
static void
test_markup (void)
{
  Article *a = open_text ("markup.html", MARKUP_PAGE);
  guint first = offset_of (a, "first line");
  guint second = offset_of (a, "  second line");
  guint inner = offset_of (a, "inner");
  guint outer = offset_of (a, "outer");
  g_autofree char *family = NULL;
  int outer_margin, inner_margin;

  assert_text_unchanged (a);
  g_assert_true (has_tag_at (a, "structure-heading-3", offset_of (a, "Third level")));
  g_assert_true (has_tag_at (a, "structure-preformatted", first));
  g_assert_true (has_tag_at (a, "structure-preformatted", second));
  g_assert_false (has_tag_at (a, "structure-preformatted", second - 1));
  g_object_get (lookup_tag (a, "structure-preformatted"), "family", &family, NULL);
  g_assert_cmpstr (family, ==, "monospace");

  g_assert_true (has_tag_at (a, "structure-list-item-1", outer));
  g_assert_true (has_tag_at (a, "structure-list-item-2", inner));
  g_object_get (lookup_tag (a, "structure-list-item-1"), "left-margin", &outer_margin, NULL);
  g_object_get (lookup_tag (a, "structure-list-item-2"), "left-margin", &inner_margin, NULL);
  g_assert_cmpint (inner_margin, >, outer_margin);
  g_assert_cmpint (char_rect (a, inner).x, >, char_rect (a, outer).x);
  g_assert_cmpint (char_rect (a, outer).x, >, char_rect (a, first - 1).x);

  g_assert_true (has_tag_at (a, "structure-quote", offset_of (a, "Quoted words.")));
  g_assert_true (has_tag_at (a, "structure-emphasis", offset_of (a, "stressed")));
  g_assert_false (has_tag_at (a, "structure-emphasis", offset_of (a, " stressed")));
  g_assert_true (has_tag_at (a, "structure-strong", offset_of (a, "strong words") + 5));
  g_assert_false (has_tag_at (a, "structure-strong", offset_of (a, " words.")));

  close_article (a);
}

/* Emphasis is in italics and strong words in bold, exactly over the
 * words the page marks, and with the structure of their block. */
static void
test_emphasis (void)
{
  Article *a = open_sample ("news-page.html");
  const GlossSpan *spans;
  guint n = 0;
  guint em = offset_of (a, "Armor Quais");
  guint strong = offset_of (a, "Le port breton installera");
  int style, weight;

  spans = gloss_source_get_spans (source_of (a), &n);
  g_assert_cmpuint (n, >=, 2);

  g_assert_true (has_tag_at (a, "structure-emphasis", em));
  g_assert_true (has_tag_at (a, "structure-emphasis", em + strlen ("Armor Quais") - 1));
  g_assert_false (has_tag_at (a, "structure-emphasis", em - 1));
  g_assert_false (has_tag_at (a, "structure-emphasis", em + strlen ("Armor Quais")));
  g_assert_true (has_tag_at (a, "structure-paragraph", em));
  g_assert_false (has_tag_at (a, "structure-strong", em));

  g_assert_true (has_tag_at (a, "structure-strong", strong));
  g_assert_false (has_tag_at (a, "structure-emphasis", strong));

  for (guint i = 0; i < n; i++)
    {
      const char *name = spans[i].kind == GLOSS_SPAN_STRONG ? "structure-strong" : "structure-emphasis";

      g_assert_true (has_tag_at (a, name, spans[i].start));
      g_assert_true (has_tag_at (a, name, spans[i].end - 1));
    }

  g_object_get (lookup_tag (a, "structure-emphasis"), "style", &style, NULL);
  g_assert_cmpint (style, ==, PANGO_STYLE_ITALIC);
  g_object_get (lookup_tag (a, "structure-strong"), "weight", &weight, NULL);
  g_assert_cmpint (weight, >=, PANGO_WEIGHT_BOLD);

  assert_text_unchanged (a);
  close_article (a);
}

static gboolean
last_block_styled (gpointer data)
{
  Article *a = data;
  guint n = 0;
  const GlossBlock *blocks = gloss_source_get_blocks (source_of (a), &n);

  g_autofree char *name = structure_tag_name (&blocks[n - 1]);

  return has_tag_at (a, name, blocks[n - 1].start);
}

/* A long page is styled from the top at once and the rest in the
 * background. */
static void
test_long_page (void)
{
  g_autoptr(GString) page = g_string_new ("<html><body><article>\n");
  Article *a;
  const GlossBlock *blocks;
  guint n = 0;

  for (guint i = 0; i < 3000; i++)
    {
      g_string_append_printf (page, "<h2>Part %u</h2><p>", i);
      for (guint j = 0; j < 12; j++)
        g_string_append (page, "Text long enough to wrap on several lines. ");
      g_string_append (page, "</p>\n");
    }
  g_string_append (page, "</article></body></html>\n");

  a = open_text_full ("long.html", page->str, FALSE);

  /* At once: the top. */
  blocks = gloss_source_get_blocks (source_of (a), &n);
  g_assert_cmpuint (n, ==, 6000);
  g_assert_true (has_tag_at (a, "structure-heading-2", blocks[0].start));
  g_assert_true (has_tag_at (a, "structure-paragraph", blocks[1].start));
  g_assert_false (has_tag_at (a, "structure-heading-2", blocks[n - 2].start));

  /* The rest follows. */
  wait_until (last_block_styled, a);
  g_assert_true (has_tag_at (a, "structure-paragraph", blocks[n / 2 + 1].start));

  close_article (a);
}

int
main (int    argc,
      char **argv)
{
  article_test_init (&argc, &argv);

  g_test_add_data_func ("/structure/blocks/news-page", "news-page.html", test_sample_blocks);
  g_test_add_data_func ("/structure/blocks/tei-article", "tei-article.xml", test_sample_blocks);
  g_test_add_data_func ("/structure/blocks/jats-article", "jats-article.xml", test_sample_blocks);
  g_test_add_func ("/structure/highlight-over-heading", test_highlight_over_heading);
  g_test_add_func ("/structure/render-highlighted-heading", test_render_highlighted_heading);
  g_test_add_func ("/structure/render-bullets", test_render_bullets);
  g_test_add_func ("/structure/plain-text", test_plain_text);
  g_test_add_func ("/structure/markup", test_markup);
  g_test_add_func ("/structure/emphasis", test_emphasis);
  g_test_add_func ("/structure/long-page", test_long_page);

  return article_test_run ();
}
