/* test-text-geometry.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The text view remembers where ranges are drawn from one frame to the
 * next.  These tests check that what it remembers is always where GTK puts
 * the text now: after edits, zooming and resizing. */

#include "config.h"

#include <string.h>
#include <gtk/gtk.h>

#include "article-test-util.h"
#include "gloss-text-view-private.h"

/* NULL-terminated, for g_strjoinv(). */
static const char *paragraphs[] = {
  "Acme Corp won the contract for the regional data centre.",
  "Rivals said Acme Corp paid too little, and Zenith Ltd appealed the decision "
  "before the council, which claims savings of four million over the next six "
  "years while the opposition says the tender was written for a single firm "
  "and that the figures were never audited by anyone outside the council.",
  "The appeal will be heard in spring.",
  NULL,
};

typedef struct
{
  char *dir;
  char *article;
  GlossWindow *window;
  GlossTextView *view;
} Fixture;

static gboolean
no_pending (void)
{
  return !g_main_context_pending (NULL);
}

/* Unlike settle(), also lets the view draw a few frames. */
static void
settle_frames (void)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  /* Idle handlers and at least a few frames. */
  for (guint i = 0; i < 20 || !no_pending (); i++)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

/* Writes @text as an article and opens it in a window of its own. */
static void
open_article (Fixture    *f,
              const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  f->dir = g_dir_make_tmp ("gloss-geometry-XXXXXX", &error);
  g_assert_no_error (error);
  f->article = g_build_filename (f->dir, "a.txt", NULL);
  write_file (f->article, text);

  file = g_file_new_for_path (f->article);
  f->window = gloss_window_new (test_application ());
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 600);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (open_in_window (f->window, file));
  f->view = gloss_window_get_text_view (f->window);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *text = g_strjoinv ("\n\n", (char **) paragraphs);

  open_article (f, text);
  settle_frames ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  settle_frames ();
  delete_tree (f->dir);
  g_free (f->article);
  g_free (f->dir);
}

static GdkRectangle
location (Fixture *f,
          guint    offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (f->view));
  GtkTextIter iter;
  GdkRectangle rect;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (f->view), &iter, &rect);
  return rect;
}

static guint
count_display_lines (Fixture *f,
                     guint    start,
                     guint    end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (f->view));
  GtkTextIter iter;
  guint n = 1;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, start);
  while (gtk_text_view_forward_display_line (GTK_TEXT_VIEW (f->view), &iter) &&
         (guint) gtk_text_iter_get_offset (&iter) < end)
    n++;
  return n;
}

/* The remembered rectangles of [start, end) agree with where GTK places
 * its first and last characters now, one per display line. */
static void
assert_range_placed (Fixture *f,
                     guint    start,
                     guint    end)
{
  GArray *rects = _gloss_text_view_range_rects (f->view, start, end);
  GdkRectangle first = location (f, start);
  GdkRectangle last = location (f, end - 1);
  GdkRectangle after = location (f, end);
  const GdkRectangle *r0, *rn;

  g_assert_cmpuint (rects->len, ==, count_display_lines (f, start, end));
  r0 = &g_array_index (rects, GdkRectangle, 0);
  rn = &g_array_index (rects, GdkRectangle, rects->len - 1);
  g_assert_cmpint (r0->x, ==, first.x);
  g_assert_cmpint (r0->y, ==, first.y);
  g_assert_cmpint (r0->height, ==, first.height);
  g_assert_cmpint (rn->y, ==, last.y);
  /* Where the range ends on the line of its last character, its last
   * rectangle stops there. */
  if (after.y == last.y)
    g_assert_cmpint (rn->x + rn->width, ==, after.x);
}

/* The character offset of @needle in the article. */
static guint
paragraphs_offset (const char *needle)
{
  g_autofree char *text = g_strjoinv ("\n\n", (char **) paragraphs);
  const char *at = strstr (text, needle);

  g_assert_nonnull (at);
  return g_utf8_pointer_to_offset (text, at);
}

static void
test_ranges_follow_layout (Fixture       *f,
                           gconstpointer  data)
{
  guint acme = paragraphs_offset ("Acme Corp won");
  guint rivals = paragraphs_offset ("Rivals said");
  guint audited = paragraphs_offset ("audited");
  guint spring = paragraphs_offset ("spring");
  GlossLayer *layer = gloss_document_get_layer (gloss_window_get_document (f->window));
  GArray *cached;

  /* One display line, and a long span over many. */
  assert_range_placed (f, acme, acme + 9);
  assert_range_placed (f, rivals, audited);
  g_assert_cmpuint (_gloss_text_view_range_rects (f->view, rivals, audited)->len, >, 1);
  assert_range_placed (f, spring, spring + 6);

  /* Asked again with nothing changed, the same rectangles come back
   * without being measured again. */
  cached = _gloss_text_view_range_rects (f->view, rivals, audited);
  g_assert_true (_gloss_text_view_range_rects (f->view, rivals, audited) == cached);

  /* Highlights change no place. */
  gloss_layer_annotate (layer, "claim", acme, acme + 9, NULL);
  gloss_layer_annotate (layer, "company", rivals + 12, rivals + 21, NULL);
  settle_frames ();
  assert_range_placed (f, acme, acme + 9);
  assert_range_placed (f, rivals, audited);

  /* Zooming in moves and rewraps everything. */
  gloss_text_view_set_zoom (f->view, 3);
  settle_frames ();
  assert_range_placed (f, acme, acme + 9);
  assert_range_placed (f, rivals, audited);
  assert_range_placed (f, spring, spring + 6);

  /* So does a narrower window. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 500, 600);
  settle_frames ();
  assert_range_placed (f, rivals, audited);
  assert_range_placed (f, spring, spring + 6);

  gloss_text_view_set_zoom (f->view, 0);
  settle_frames ();
  assert_range_placed (f, acme, acme + 9);
  assert_range_placed (f, rivals, audited);
  assert_range_placed (f, spring, spring + 6);
}

/* A long article: paragraphs of the same few lines, with a passage of
 * the own layer in each. */
#define LONG_PARAGRAPHS 400
#define PASSAGE_AT 5
#define PASSAGE_LENGTH 9

/* Where paragraph @i starts: each is as long as the others. */
static guint
paragraph_start (guint i)
{
  return i * (guint) strlen ("Part 000: Acme Corp won the contract for the regional data centre.\n\n");
}

static void
long_set_up (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GlossLayer *layer;

  for (guint i = 0; i < LONG_PARAGRAPHS; i++)
    g_string_append_printf (text, "%sPart %03u: Acme Corp won the contract for the regional data centre.",
                            i > 0 ? "\n\n" : "", i);
  open_article (f, text->str);

  /* Passages next to one another, so that each is drawn with a bar. */
  layer = gloss_document_get_layer (gloss_window_get_document (f->window));
  for (guint i = 0; i < LONG_PARAGRAPHS; i++)
    {
      guint start = paragraph_start (i) + PASSAGE_AT;

      gloss_layer_annotate (layer, "company", start, start + PASSAGE_LENGTH, NULL);
      gloss_layer_annotate (layer, "claim", start + PASSAGE_LENGTH, start + 2 * PASSAGE_LENGTH, NULL);
    }
  settle_frames ();
}

/* The paragraph at the top of the screen and the one after the last on
 * it. */
static void
screen_paragraphs (Fixture *f,
                   guint   *first,
                   guint   *after)
{
  GdkRectangle visible;
  GtkTextIter iter;

  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (f->view), &visible);
  gtk_text_view_get_line_at_y (GTK_TEXT_VIEW (f->view), &iter, visible.y, NULL);
  *first = gtk_text_iter_get_offset (&iter) / paragraph_start (1);
  gtk_text_view_get_line_at_y (GTK_TEXT_VIEW (f->view), &iter, visible.y + visible.height, NULL);
  *after = gtk_text_iter_get_offset (&iter) / paragraph_start (1) + 1;
}

static gboolean
passage_measured (Fixture *f,
                  guint    paragraph)
{
  guint start = paragraph_start (paragraph) + PASSAGE_AT;

  return _gloss_text_view_range_measured (f->view, start, start + PASSAGE_LENGTH);
}

/* Once the view has drawn, the passages of the page below the screen and
 * of the page above are measured while nothing else is to be done, so
 * that scrolling to them does not measure them in the frame that shows
 * them; what lies further is not. */
static void
test_measured_ahead (Fixture       *f,
                     gconstpointer  data)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->view));
  guint first, after, page;

  screen_paragraphs (f, &first, &after);
  page = after - first;
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (page, >, 3);
  g_assert_cmpuint (after + 3 * page, <, LONG_PARAGRAPHS);
  g_assert_true (passage_measured (f, first));
  g_assert_true (passage_measured (f, after + 1));
  g_assert_true (passage_measured (f, after + page - 2));
  g_assert_false (passage_measured (f, after + 3 * page));

  /* Three screens down: the page below the new screen, and the one above
   * it, which the first screen's measuring did not reach. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_page_size (adjustment) * 3);
  settle_frames ();
  screen_paragraphs (f, &first, &after);
  g_assert_cmpuint (first, >, page * 2);
  g_assert_true (passage_measured (f, after + page - 2));
  g_assert_true (passage_measured (f, first - page + 2));
  g_assert_false (passage_measured (f, after + 3 * page));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  article_test_start_app ("Ada Lovelace");

  g_test_add ("/text-view/geometry/follows-layout", Fixture, NULL,
              fixture_set_up, test_ranges_follow_layout, fixture_tear_down);
  g_test_add ("/text-view/geometry/measured-ahead", Fixture, NULL,
              long_set_up, test_measured_ahead, fixture_tear_down);

  return article_test_run ();
}
