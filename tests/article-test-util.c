/* article-test-util.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "article-test-util.h"

static GlossApplication *app;
int window_height = 800;
int wait_limit = 30;

#if defined(__SANITIZE_ADDRESS__)
const int slow_factor = 10;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
const int slow_factor = 10;
#else
const int slow_factor = 1;
#endif
#else
const int slow_factor = 1;
#endif

void
article_test_init (int    *argc,
                   char ***argv)
{
  /* The accessible labels are read from GTK's test context. */
  g_setenv ("GTK_A11Y", "test", FALSE);
  gtk_test_init (argc, argv, NULL);

  article_test_start_app ("Test Person");
}

void
article_test_start_app (const char *annotator_name)
{
  g_assert_null (app);

  app = gloss_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_settings_set_string (gloss_application_get_settings (app), "annotator-name", annotator_name);
}

GlossApplication *
test_application (void)
{
  g_assert_nonnull (app);
  return app;
}

int
article_test_run (void)
{
  int status = g_test_run ();

  g_clear_object (&app);
  return status;
}

/* The main loop */

void
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) wait_limit * slow_factor * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
no_pending (gpointer data)
{
  return !g_main_context_pending (NULL);
}

static gboolean
set_flag (gpointer flag)
{
  *(gboolean *)flag = TRUE;
  return G_SOURCE_REMOVE;
}

void
run_for (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, set_flag, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

void
settle (void)
{
  wait_until (no_pending, NULL);
}

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  (*(guint *)data)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
two_frames (gpointer data)
{
  return *(guint *)data >= 2;
}

gboolean
points_to_null (gpointer location)
{
  return *(gpointer *)location == NULL;
}

/* Lets @widget draw twice, as it would on screen. */
void
draw_frames (GtkWidget *widget)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, count_frame, &frames, NULL);

  gtk_widget_queue_draw (widget);
  wait_until (two_frames, &frames);
  gtk_widget_remove_tick_callback (widget, id);
  settle ();
}

guchar *
render_pixels (GtkWidget *widget,
               int       *width,
               int       *height)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guchar *pixels;

  *width = gtk_widget_get_width (widget);
  *height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), *width, *height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node, NULL);

  pixels = g_malloc ((gsize)*width * 4 * *height);
  gdk_texture_download (texture, pixels, *width * 4);
  return pixels;
}

/* Articles in windows */

void
opening_done_cb (GObject      *window,
                 GAsyncResult *result,
                 gpointer      data)
{
  Opening *opening = data;

  opening->opened = gloss_window_open_finish (GLOSS_WINDOW (window), result, &opening->error);
  opening->done = TRUE;
}

static gboolean
opening_done (gpointer data)
{
  return ((Opening *)data)->done;
}

gboolean
open_in_window (GlossWindow *window,
                GFile       *file)
{
  Opening opening = { FALSE, FALSE, NULL };

  gloss_window_open_async (window, file, opening_done_cb, &opening);
  wait_until (opening_done, &opening);
  g_clear_error (&opening.error);
  return opening.opened;
}

GlossWindow *
open_window (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GlossWindow *window = gloss_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (open_in_window (window, file));
  settle ();
  return window;
}

/* Writes @text as @name in a new folder and opens it in a window drawn
 * once; when @wait, also waits for everything the window has to do. */
Article *
open_text_full (const char *name,
                const char *text,
                gboolean    wait)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  Article *a = g_new0 (Article, 1);

  a->dir = g_dir_make_tmp ("gloss-structure-XXXXXX", &error);
  g_assert_no_error (error);
  a->path = g_build_filename (a->dir, name, NULL);
  write_file (a->path, text);

  file = g_file_new_for_path (a->path);
  a->window = gloss_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (a->window), 1000, window_height);
  gtk_window_present (GTK_WINDOW (a->window));
  if (!wait)
    draw_frames (GTK_WIDGET (a->window));
  g_assert_true (open_in_window (a->window, file));
  gloss_document_set_autosave_delay (gloss_window_get_document (a->window), 50);
  if (wait)
    {
      settle ();
      draw_frames (GTK_WIDGET (a->window));
    }

  return a;
}

Article *
open_text (const char *name,
           const char *text)
{
  return open_text_full (name, text, TRUE);
}

/* Opens a copy of data/samples/@name, so that annotating it writes
 * nothing into the source tree. */
Article *
open_sample (const char *name)
{
  g_autofree char *sample = g_build_filename (g_getenv ("GLOSS_SOURCE_ROOT"), "data", "samples",
                                              name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (sample, &text, NULL, &error);
  g_assert_no_error (error);
  return open_text (name, text);
}

void
activate_action (GlossWindow *window,
                 const char  *action,
                 GVariant    *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, parameter));
  settle ();
}

void
close_window (GlossWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

void
close_article (Article *a)
{
  close_window (a->window);

  delete_tree (a->dir);
  g_free (a->dir);
  g_free (a->path);
  g_free (a);
}

GlossTextView *
view_of (Article *a)
{
  return gloss_window_get_text_view (a->window);
}

GlossAnnotation *
tag_text (Article    *a,
          const char *needle,
          int         key)
{
  guint start = offset_of (a, needle);

  gloss_text_view_select_range (view_of (a), start, start + g_utf8_strlen (needle, -1));
  activate_action (a->window, "win.tag-key", g_variant_new_int32 (key));
  return gloss_text_view_get_selected (view_of (a));
}

GtkTextBuffer *
buffer_of (Article *a)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (view_of (a)));
}

GlossSource *
source_of (Article *a)
{
  return gloss_document_get_source (gloss_window_get_document (a->window));
}

GtkTextTag *
lookup_tag (Article    *a,
            const char *name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer_of (a)), name);

  g_assert_nonnull (tag);
  return tag;
}

gboolean
has_tag_at (Article    *a,
            const char *name,
            guint       offset)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer_of (a), &iter, offset);
  return gtk_text_iter_has_tag (&iter, lookup_tag (a, name));
}

/* The character offset of @needle in the article's text. */
guint
offset_of (Article    *a,
           const char *needle)
{
  const char *text = gloss_source_get_text (source_of (a));
  const char *found = strstr (text, needle);

  g_assert_nonnull (found);
  return gloss_source_byte_to_offset (source_of (a), found - text);
}

/* Where the character at @offset is drawn, in the view's coordinates. */
GdkRectangle
char_rect (Article *a,
           guint    offset)
{
  GtkTextView *view = GTK_TEXT_VIEW (view_of (a));
  GtkTextIter iter;
  GdkRectangle rect;

  gtk_text_buffer_get_iter_at_offset (buffer_of (a), &iter, offset);
  gtk_text_view_get_iter_location (view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y,
                                         &rect.x, &rect.y);
  return rect;
}

static gboolean
is_drawn (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

/* The names of the sections of @overlay, in their order. */
static GPtrArray *
section_names (GtkWidget *overlay,
               GPtrArray *names)
{
  for (GtkWidget *child = gtk_widget_get_first_child (overlay); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SHORTCUTS_SECTION (child))
        {
          char *name = NULL;

          g_object_get (child, "section-name", &name, NULL);
          g_ptr_array_add (names, name);
        }
      else
        {
          section_names (child, names);
        }
    }

  return names;
}

void
assert_help_overlay_fits (GlossWindow *window)
{
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_autoptr(GPtrArray) names = NULL;

  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  wait_until (is_drawn, overlay);
  names = section_names (GTK_WIDGET (overlay), g_ptr_array_new_with_free_func (g_free));
  g_assert_cmpuint (names->len, >, 0);

  for (guint i = 0; i < names->len; i++)
    {
      int width, height;

      g_object_set (overlay, "section-name", g_ptr_array_index (names, i), NULL);
      settle ();
      gtk_widget_measure (GTK_WIDGET (overlay), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
      gtk_widget_measure (GTK_WIDGET (overlay), GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
      g_test_message ("section %s: %d × %d natural, %d × %d drawn", (char *)g_ptr_array_index (names, i),
                      width, height, gtk_widget_get_width (GTK_WIDGET (overlay)),
                      gtk_widget_get_height (GTK_WIDGET (overlay)));
      g_assert_cmpint (width, <=, 1280);
      g_assert_cmpint (height, <=, 800);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (overlay)), <=, 1280);
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (overlay)), <=, 800);
    }

  gtk_window_close (GTK_WINDOW (overlay));
  settle ();
}

GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
find_in_row (GtkWidget  *widget,
             const char *row,
             const char *name)
{
  GtkWidget *found = find_named (widget, row);

  g_assert_nonnull (found);
  found = find_named (found, name);
  g_assert_nonnull (found);
  return found;
}

GtkWidget *
find_label (GtkWidget  *widget,
            const char *name)
{
  GtkWidget *found = find_named (widget, name);

  return GTK_IS_LABEL (found) ? found : NULL;
}

char *
make_article_folder (const char  *prefix,
                     const char  *text,
                     char       **article)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strconcat (prefix, "-XXXXXX", NULL);
  char *dir;

  g_settings_reset (gloss_application_get_settings (test_application ()), "teammate-folders");
  dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  *article = g_build_filename (dir, "a.txt", NULL);
  write_file (*article, text);
  return dir;
}

gboolean
window_action_enabled (GlossWindow *window,
                       const char  *action)
{
  GtkWidget *box = gtk_widget_get_parent (find_named (GTK_WIDGET (window), "review-versions"));
  GtkWidget *button = gtk_button_new_with_label ("probe");
  gboolean enabled;

  gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (button), action);
  gtk_box_append (GTK_BOX (box), button);
  settle ();
  enabled = gtk_widget_get_sensitive (button);
  gtk_box_remove (GTK_BOX (box), button);
  return enabled;
}
