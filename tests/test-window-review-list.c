/* test-window-review-list.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Review's list of disagreements when there are more of them than it
 * has room for, in a real window driven through the actions n and p
 * activate: the disagreement shown stays in view, the list scrolling
 * only when it would leave the screen. */

#include "config.h"

#include <gtk/gtk.h>

#include "article-test-util.h"
#include "gloss-annotation-file.h"
#include "gloss-review-list.h"
#include "review-window-test-util.h"

#define N_FIRMS 80

/* Eighty firms, each a company to the user and an org to Ben: more
 * disagreements than the list has room for. */
static void
long_list_set_up (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GlossAnnotationFile) ben = NULL;
  g_autoptr(GError) error = NULL;

  /* "Firm 00 signed.\n": sixteen characters a line, the firm the first seven. */
  for (guint i = 0; i < N_FIRMS; i++)
    g_string_append_printf (text, "Firm %02u signed.\n", i);
  f->dir = make_article_folder ("gloss-review-long", text->str, &f->article);
  file = g_file_new_for_path (f->article);
  source = gloss_source_new_from_plain_text (file, 0, NULL, NULL);
  ben = gloss_annotation_file_new (source, "ben", "Ben");
  for (guint i = 0; i < N_FIRMS; i++)
    gloss_layer_annotate (gloss_annotation_file_get_layer (ben), "org", i * 16, i * 16 + 7, NULL);
  g_assert_true (gloss_annotation_file_save (ben, GLOSS_SAVE_OVERWRITE, NULL, &error));
  g_assert_no_error (error);

  f->window = open_window (f->article);
  /* Tall enough for the list to show several rows. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 1000);
  for (guint i = 0; i < N_FIRMS; i++)
    gloss_layer_annotate (own_layer (f), "company", i * 16, i * 16 + 7, NULL);
  settle ();
}

/* Where the list's row of the disagreement shown is, once the window has
 * drawn: its top, in the list's viewport (FALSE when there is no such
 * row), and the viewport's height. */
static gboolean
selected_row_place (Fixture *f,
                    double  *top,
                    double  *bottom,
                    int     *height)
{
  GtkWidget *list_view = named (GTK_WIDGET (review_list (f)), "review-list");
  GtkWidget *viewport = gtk_widget_get_parent (list_view);

  draw_frames (GTK_WIDGET (f->window));
  *height = gtk_widget_get_height (viewport);
  g_assert_cmpint (*height, >, 0);

  for (GtkWidget *row = gtk_widget_get_first_child (list_view); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      graphene_rect_t bounds;

      if ((gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_SELECTED) == 0)
        continue;
      if (!gtk_widget_compute_bounds (row, viewport, &bounds))
        return FALSE;
      *top = bounds.origin.y;
      *bottom = bounds.origin.y + bounds.size.height;
      return TRUE;
    }

  return FALSE;
}

/* Whether the list's row of the disagreement shown is on screen whole. */
static gboolean
selected_row_in_view (Fixture *f)
{
  double top, bottom;
  int height;

  return selected_row_place (f, &top, &bottom, &height) && top >= 0 && bottom <= height;
}

/* n and p keep the disagreement shown in view in the list, to the end and
 * back, scrolling it only when the row would leave the screen, and then so
 * that it comes a third of the way in: the next rows are on screen, and
 * the list does not scroll, and redraw whole, at every step. */
static void
test_list_follows (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const user_and_ben[] = { "test-person", "ben", NULL };
  GtkWidget *list_view;
  GtkAdjustment *scrolled;
  GtkTextIter start;
  guint scrolls = 0;

  review (f, user_and_ben);
  g_assert_cmpuint (gloss_review_list_get_n_shown (review_list (f)), ==, N_FIRMS);
  list_view = named (GTK_WIDGET (review_list (f)), "review-list");
  scrolled = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));
  gtk_text_buffer_get_start_iter (buffer (f), &start);
  gtk_text_buffer_place_cursor (buffer (f), &start);

  for (guint i = 0; i < N_FIRMS; i++)
    {
      double before = gtk_adjustment_get_value (scrolled);
      double top, bottom;
      int height;

      activate (f->window, "win.review-next");
      g_assert_cmpint (gloss_review_list_get_selected_unit (review_list (f)), ==, i);
      g_assert_true (selected_row_in_view (f));
      g_assert_true (selected_row_place (f, &top, &bottom, &height));
      if (gtk_adjustment_get_value (scrolled) != before)
        {
          scrolls++;
          /* Unless the list has reached its end. */
          if (gtk_adjustment_get_value (scrolled) + gtk_adjustment_get_page_size (scrolled) <
              gtk_adjustment_get_upper (scrolled))
            g_assert_cmpfloat (top, <, height / 2.0);
        }
    }
  g_assert_cmpfloat (gtk_adjustment_get_value (scrolled), >, 0);
  g_assert_cmpuint (scrolls, >, 0);
  g_assert_cmpuint (scrolls, <, N_FIRMS / 3);

  scrolls = 0;
  for (guint i = N_FIRMS - 1; i > 0; i--)
    {
      double before = gtk_adjustment_get_value (scrolled);
      double top, bottom;
      int height;

      activate (f->window, "win.review-previous");
      g_assert_cmpint (gloss_review_list_get_selected_unit (review_list (f)), ==, i - 1);
      g_assert_true (selected_row_in_view (f));
      g_assert_true (selected_row_place (f, &top, &bottom, &height));
      if (gtk_adjustment_get_value (scrolled) != before)
        {
          scrolls++;
          if (gtk_adjustment_get_value (scrolled) > 0)
            g_assert_cmpfloat (bottom, >, height / 2.0);
        }
    }
  g_assert_cmpfloat (gtk_adjustment_get_value (scrolled), ==, 0);
  g_assert_cmpuint (scrolls, >, 0);
  g_assert_cmpuint (scrolls, <, N_FIRMS / 3);
}

int
main (int    argc,
      char **argv)
{
  article_test_init (&argc, &argv);

  g_test_add ("/review-list/follows", Fixture, NULL, long_list_set_up, test_list_follows, fixture_tear_down);

  return article_test_run ();
}
