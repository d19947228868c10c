/* test-window-open.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Opening in a worker thread: the window keeps running and shows a
 * spinner while a large article loads, shows its text and highlights
 * afterwards, says why a file could not be opened, and can be closed at
 * any moment of a load. */

#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "article-test-util.h"
#include "gloss-annotation-file.h"

#define LINE "The council said Acme Corp would rebuild the bridge by spring.\n"
#define ACME 17   /* where "Acme Corp" starts in LINE */

typedef struct
{
  char *dir;
  char *article;
  char *annotations;
  guint n_lines;
} Fixture;

/* An article of @n_lines lines, "Acme Corp" tagged on each. */
static void
write_article (Fixture *f,
               guint    n_lines)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GlossAnnotationFile) annotations = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_lines; i++)
    g_string_append (text, LINE);
  write_file (f->article, text->str);

  file = g_file_new_for_path (f->article);
  source = gloss_source_new_from_plain_text (file, 0, NULL, &error);
  g_assert_no_error (error);
  annotations = gloss_annotation_file_new (source, "test-person", "Test Person");
  for (guint i = 0; i < n_lines; i++)
    {
      guint start = i * strlen (LINE) + ACME;

      g_ptr_array_add (list, gloss_annotation_new_for_source (source, "company", start, start + 9, NULL));
    }
  gloss_layer_replace_all (gloss_annotation_file_get_layer (annotations), list);
  g_assert_true (gloss_annotation_file_save (annotations, GLOSS_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  f->n_lines = n_lines;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("gloss-window-open-XXXXXX", &error);
  g_assert_no_error (error);
  f->article = g_build_filename (f->dir, "long.txt", NULL);
  f->annotations = g_build_filename (f->dir, "long.txt.test-person.gloss.json", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  delete_tree (f->dir);
  g_free (f->dir);
  g_free (f->article);
  g_free (f->annotations);
}

static gboolean
count_tick (gpointer data)
{
  (*(guint *)data)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
is_spinning (GtkWidget *widget)
{
  if (GTK_IS_SPINNER (widget) && gtk_spinner_get_spinning (GTK_SPINNER (widget)) &&
      gtk_widget_get_mapped (widget))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (is_spinning (child))
      return TRUE;

  return FALSE;
}

static gboolean
has_company_at (GlossWindow *window,
                guint        offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gloss_window_get_text_view (window)));
  g_autofree char *name = gloss_text_view_tag_name ("company");
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GtkTextIter iter;

  if (tag == NULL)
    return FALSE;
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  return gtk_text_iter_has_tag (&iter, tag);
}

/* Whether the text at @offset shows a highlight, of the document or of
 * the preview shown while it loads. */
static gboolean
has_highlight_at (GlossWindow *window,
                  guint        offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gloss_window_get_text_view (window)));
  g_autoptr(GSList) tags = NULL;
  GtkTextIter iter;

  if ((guint)gtk_text_buffer_get_char_count (buffer) <= offset)
    return FALSE;
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  tags = gtk_text_iter_get_tags (&iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      gboolean background;

      g_object_get (l->data, "background-set", &background, NULL);
      if (background)
        return TRUE;
    }

  return FALSE;
}

static const char *
visible_page (GlossWindow *window)
{
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (gloss_window_get_text_view (window)), GTK_TYPE_STACK);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

/* Sees the start of the article get its highlights while the rest loads:
 * a highlight put on the first "Acme Corp" before the window has a
 * document. */
typedef struct
{
  GlossWindow *window;
  gboolean seen;
} PreviewWatch;

static void
on_apply_tag (GtkTextBuffer *buffer,
              GtkTextTag    *tag,
              GtkTextIter   *start,
              GtkTextIter   *end,
              PreviewWatch  *watch)
{
  gboolean background;

  g_object_get (tag, "background-set", &background, NULL);
  if (background && gloss_window_get_document (watch->window) == NULL &&
      gtk_text_iter_get_offset (start) == ACME && gtk_text_iter_get_offset (end) == ACME + 9)
    watch->seen = TRUE;
}

static void
watch_preview (PreviewWatch *watch,
               GlossWindow  *window)
{
  watch->window = window;
  watch->seen = FALSE;
  g_signal_connect_after (gtk_text_view_get_buffer (GTK_TEXT_VIEW (gloss_window_get_text_view (window))),
                          "apply-tag", G_CALLBACK (on_apply_tag), watch);
}

static guint last_line;

/* The rest of the highlights come in the background, from the top. */
static gboolean
last_line_highlighted (gpointer window)
{
  return has_company_at (window, last_line * strlen (LINE) + ACME);
}

/* While a large article loads, the main loop runs (a timeout fires, frames
 * are drawn) and a spinner turns, the start of the article soon shows with
 * its highlights; then the whole text and its highlights show. */
static void
test_responsive (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  GlossWindow *window = gloss_window_new (test_application ());
  Opening opening = { 0 };
  guint ticks = 0, ticks_while_loading, timeout;
  gboolean spinner_seen;
  PreviewWatch preview;
  GtkTextBuffer *buffer;

  write_article (f, 25000);   /* 1.6 MB, 25,000 annotations */
  file = g_file_new_for_path (f->article);
  gtk_window_present (GTK_WINDOW (window));
  draw_frames (GTK_WIDGET (window));

  timeout = g_timeout_add (5, count_tick, &ticks);
  watch_preview (&preview, window);
  gloss_window_open_async (window, file, opening_done_cb, &opening);
  g_assert_true (gloss_window_is_loading (window));
  g_assert_false (opening.done);
  spinner_seen = is_spinning (GTK_WIDGET (window));
  while (!opening.done)
    g_main_context_iteration (NULL, TRUE);
  ticks_while_loading = ticks;
  g_source_remove (timeout);

  g_assert_no_error (opening.error);
  g_assert_true (opening.opened);
  g_assert_false (gloss_window_is_loading (window));
  g_assert_cmpuint (ticks_while_loading, >, 0);
  g_assert_true (spinner_seen);
  g_assert_true (preview.seen);
  g_assert_false (is_spinning (GTK_WIDGET (window)));

  /* The text, and the highlights from the top. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gloss_window_get_text_view (window)));
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, f->n_lines * strlen (LINE));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gloss_document_get_layer (gloss_window_get_document (window)))),
                    ==, f->n_lines);
  g_assert_true (has_company_at (window, ACME));
  g_assert_false (has_company_at (window, ACME - 1));
  last_line = f->n_lines - 1;
  wait_until (last_line_highlighted, window);
  /* The preview's highlights went with it. */
  g_assert_false (has_highlight_at (window, ACME - 1));
  draw_frames (GTK_WIDGET (window));
  close_window (window);
}

static gboolean
has_banner (gpointer window)
{
  return gloss_window_get_banner_text (window) != NULL;
}

/* An annotation file that breaks after its start: the preview shows, then
 * the error, and the window goes back to what it showed. */
static void
test_error_after_preview (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *json = NULL;
  GlossWindow *window = gloss_window_new (test_application ());
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gloss_window_get_text_view (window)));
  Opening opening = { 0 };
  PreviewWatch preview;

  write_article (f, 25000);
  json = read_file (f->annotations);
  json[strlen (json) - 4] = '\0';
  write_file (f->annotations, json);
  file = g_file_new_for_path (f->article);
  gtk_window_present (GTK_WINDOW (window));

  watch_preview (&preview, window);
  gloss_window_open_async (window, file, opening_done_cb, &opening);
  while (!opening.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (preview.seen);
  g_assert_false (opening.opened);
  g_assert_nonnull (opening.error);
  g_clear_error (&opening.error);
  wait_until (has_banner, window);
  g_assert_nonnull (strstr (gloss_window_get_banner_text (window), "long.txt.test-person.gloss.json"));
  g_assert_null (gloss_window_get_document (window));
  g_assert_cmpstr (visible_page (window), ==, "welcome");
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 0);
  g_assert_false (is_spinning (GTK_WIDGET (window)));
  close_window (window);
}

static gboolean
after_delay (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *)data;
}

/* Closing the window at any moment of a load: the opening is cancelled,
 * the window goes, nothing is written. */
static void
test_close_while_loading (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 t0 = g_get_monotonic_time ();

  write_article (f, 4000);
  file = g_file_new_for_path (f->article);
  before = read_file (f->annotations);

  for (guint i = 0; i < 60; i++)
    {
      GlossWindow *window = gloss_window_new (test_application ());
      gpointer weak = window;
      Opening opening = { 0 };

      g_object_add_weak_pointer (G_OBJECT (window), &weak);
      gtk_window_present (GTK_WINDOW (window));
      gloss_window_open_async (window, file, opening_done_cb, &opening);

      /* Closed at once, after a few turns of the main loop, or a few
       * milliseconds into the load. */
      if (i % 3 == 1)
        for (guint k = 0; k < i % 7; k++)
          g_main_context_iteration (NULL, FALSE);
      else if (i % 3 == 2)
        {
          gboolean waited = FALSE;

          g_timeout_add (i % 11, after_delay, &waited);
          wait_until (is_true, &waited);
        }

      if (i % 2 == 0)
        gtk_window_close (GTK_WINDOW (window));
      else
        gtk_window_destroy (GTK_WINDOW (window));

      wait_until (points_to_null, &weak);
      g_assert_true (opening.done);
      /* A load that ended before the window closed opened the file. */
      if (!opening.opened)
        g_assert_error (opening.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&opening.error);
    }

  after = read_file (f->annotations);
  g_assert_cmpstr (before, ==, after);
  /* Each load stops when its window goes, instead of reading on. */
  g_assert_cmpint (g_get_monotonic_time () - t0, <, (gint64) 60 * slow_factor * G_USEC_PER_SEC);
}

/* Another file opened in a window while it loads one: the first opening
 * is cancelled, the second shows. */
static void
test_open_over_loading (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) other = NULL;
  g_autofree char *other_path = g_build_filename (f->dir, "short.txt", NULL);
  GlossWindow *window = gloss_window_new (test_application ());
  Opening first = { 0 };

  write_article (f, 4000);
  write_file (other_path, "A short article.\n");
  file = g_file_new_for_path (f->article);
  other = g_file_new_for_path (other_path);
  gtk_window_present (GTK_WINDOW (window));

  gloss_window_open_async (window, file, opening_done_cb, &first);
  g_assert_true (open_in_window (window, other));
  g_assert_true (first.done);
  g_assert_error (first.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&first.error);
  g_assert_true (g_file_equal (gloss_source_get_file (gloss_document_get_source (gloss_window_get_document (window))),
                               other));
  settle ();
  g_assert_true (g_file_equal (gloss_source_get_file (gloss_document_get_source (gloss_window_get_document (window))),
                               other));
  close_window (window);
}

/* A file that cannot be opened: the banner names it and says why, and the
 * window keeps what it showed, with no spinner left. */
static void
test_error (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *missing_path = g_build_filename (f->dir, "missing.txt", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) file = NULL;
  GlossWindow *window = gloss_window_new (test_application ());
  GlossDocument *shown;

  write_article (f, 10);
  file = g_file_new_for_path (f->article);
  gtk_window_present (GTK_WINDOW (window));

  /* In an empty window, the welcome page comes back. */
  g_assert_false (open_in_window (window, missing));
  g_assert_nonnull (strstr (gloss_window_get_banner_text (window), "missing.txt"));
  g_assert_null (gloss_window_get_document (window));
  g_assert_false (is_spinning (GTK_WIDGET (window)));
  g_assert_cmpstr (visible_page (window), ==, "welcome");

  /* In a window that shows an article, the article stays. */
  g_assert_true (open_in_window (window, file));
  shown = gloss_window_get_document (window);
  g_assert_false (open_in_window (window, missing));
  g_assert_nonnull (strstr (gloss_window_get_banner_text (window), "missing.txt"));
  g_assert_true (gloss_window_get_document (window) == shown);
  g_assert_cmpstr (visible_page (window), ==, "document");
  g_assert_false (is_spinning (GTK_WIDGET (window)));
  g_assert_true (has_company_at (window, ACME));
  close_window (window);
}

int
main (int    argc,
      char **argv)
{
  article_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/window-open/responsive", test_responsive);
  ADD ("/window-open/close-while-loading", test_close_while_loading);
  ADD ("/window-open/open-over-loading", test_open_over_loading);
  ADD ("/window-open/error", test_error);
  ADD ("/window-open/error-after-preview", test_error_after_preview);

#undef ADD

  return article_test_run ();
}
