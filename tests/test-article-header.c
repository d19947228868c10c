/* test-article-header.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The header above an HTML or XML article in a real window: what the
 * article says about itself, where it sits, and how it scrolls and zooms
 * with the text.  That plain text has none is in test-structure.c. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "article-test-util.h"

/* The header shows what the page says about itself, above the text, and
 * scrolls with it. */
static void
test_header (void)
{
  Article *a;
  GlossSource *source;
  GtkTextView *view;
  GtkWidget *header, *title, *author, *url, *publisher;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds, moved;
  GdkRectangle first;
  int min_width;

  /* Short enough to scroll. */
  window_height = 500;
  a = open_sample ("news-page.html");
  window_height = 800;
  source = source_of (a);
  view = GTK_TEXT_VIEW (view_of (a));
  header = gloss_text_view_get_article_header (view_of (a));
  title = find_label (header, "title");
  author = find_label (header, "author");
  url = find_label (header, "url");
  publisher = find_label (header, "publisher");
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));

  g_assert_true (gtk_widget_get_visible (header));
  g_assert_true (gtk_widget_get_mapped (header));
  g_assert_true (gtk_widget_get_mapped (title));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==,
                   gloss_source_get_metadata (source, "title"));
  g_assert_true (gtk_widget_get_mapped (author));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (author)), ==,
                   gloss_source_get_metadata (source, "author"));
  /* The page's ISO 8601 date is shown as people write it, the page's own
   * value in the tooltip. */
  g_assert_cmpstr (gloss_source_get_metadata (source, "date"), ==, "2026-03-04T07:30:00+01:00");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_label (header, "date"))), ==, "4 March 2026");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (find_label (header, "date")), ==,
                   "2026-03-04T07:30:00+01:00");
  /* The language by its name, the page's tag in the tooltip. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_label (header, "language"))), ==, "French");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (find_label (header, "language")), ==, "fr");
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (url)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (url)), ==,
                   gloss_source_get_metadata (source, "url"));
  g_assert_true (strstr (gtk_label_get_label (GTK_LABEL (url)), "<a href=") != NULL);
  /* The page names no publisher: its row stays hidden. */
  g_assert_null (gloss_source_get_metadata (source, "publisher"));
  g_assert_false (gtk_widget_get_visible (publisher));

  /* Above the first line of text, as wide as the text. */
  g_assert_true (gtk_widget_compute_bounds (header, GTK_WIDGET (view), &bounds));
  first = char_rect (a, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, first.y);
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.size.height, >, 40);
  g_assert_cmpfloat (fabs (bounds.size.width - (gtk_widget_get_width (GTK_WIDGET (view)) -
                                                gtk_text_view_get_left_margin (view) -
                                                gtk_text_view_get_right_margin (view))), <=, 1);

  /* The header does not hold the window at its width. */
  gtk_widget_measure (GTK_WIDGET (view), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <, bounds.size.width / 2);

  /* It scrolls with the text. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment),
                     >, 30);
  gtk_adjustment_set_value (adjustment, 30);
  draw_frames (GTK_WIDGET (view));
  g_assert_true (gtk_widget_compute_bounds (header, GTK_WIDGET (view), &moved));
  g_assert_cmpfloat (fabs (moved.origin.y - (bounds.origin.y - 30)), <=, 1);
  g_assert_cmpint (char_rect (a, 0).y, ==, first.y - 30);

  close_article (a);
}

/* A TEI header's publisher and a JATS article's description show too. */
static void
test_header_xml (void)
{
  Article *tei = open_sample ("tei-article.xml");
  Article *jats = open_sample ("jats-article.xml");
  GtkWidget *header = gloss_text_view_get_article_header (view_of (tei));
  GtkWidget *publisher = find_label (header, "publisher");
  GtkWidget *description = find_label (header, "description");

  g_assert_true (gtk_widget_get_mapped (publisher));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (publisher)), ==,
                   gloss_source_get_metadata (source_of (tei), "publisher"));
  /* The TEI sample has no description. */
  g_assert_false (gtk_widget_get_visible (description));

  header = gloss_text_view_get_article_header (view_of (jats));
  description = find_label (header, "description");
  g_assert_true (gtk_widget_get_mapped (description));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (description)), ==,
                   gloss_source_get_metadata (source_of (jats), "description"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_label (header, "author"))), ==,
                   gloss_source_get_metadata (source_of (jats), "author"));

  close_article (jats);
  close_article (tei);
}

/* Zooming scales the headings with the text, and the header. */
static void
test_zoom (void)
{
  Article *a = open_sample ("jats-article.xml");
  GlossTextView *view = view_of (a);
  guint heading = offset_of (a, "Introduction");
  guint paragraph = offset_of (a, "Fixed quays");
  GtkWidget *title = find_label (gloss_text_view_get_article_header (view), "title");
  int heading_height, paragraph_height, title_height;

  heading_height = char_rect (a, heading).height;
  paragraph_height = char_rect (a, paragraph).height;
  title_height = gtk_widget_get_height (title);
  g_assert_cmpint (heading_height, >, paragraph_height);

  gloss_text_view_set_zoom (view, 4);
  settle ();
  draw_frames (GTK_WIDGET (view));
  g_assert_cmpint (char_rect (a, heading).height, >, heading_height * 1.8);
  g_assert_cmpint (char_rect (a, paragraph).height, >, paragraph_height * 1.8);
  g_assert_cmpint (char_rect (a, heading).height, >, char_rect (a, paragraph).height);
  g_assert_cmpint (gtk_widget_get_height (title), >, title_height * 1.5);

  close_article (a);
}

int
main (int    argc,
      char **argv)
{
  article_test_init (&argc, &argv);

  g_test_add_func ("/article-header/news-page", test_header);
  g_test_add_func ("/article-header/xml", test_header_xml);
  g_test_add_func ("/article-header/zoom", test_zoom);

  return article_test_run ();
}
