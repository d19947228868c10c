/* test-window-teammates.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Seeing the teammates' layers in a real window, driven through its
 * actions: each annotator's colour, the offer to show the files beside an
 * article and the choice remembered for its folder, a teammate's file
 * opened where its article is open, the tooltips, and Copy to My Layer. */

#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "article-test-util.h"
#include "gloss-annotation-file.h"

#define ARTICLE \
  "Acme Corp won the contract.\n" \
  "\n" \
  "Rivals said Acme Corp paid too little, and Zenith Ltd appealed.\n" \
  "The council claims savings of 4 million.\n"

typedef struct
{
  char *dir;
  char *article;
  GFile *ben;
  GFile *cleo;
  GlossWindow *window;
} Fixture;

/* The character offset of @needle in ARTICLE (all ASCII). */
static guint
at (const char *needle)
{
  const char *found = strstr (ARTICLE, needle);

  g_assert_nonnull (found);
  return found - ARTICLE;
}

static GFile *
write_teammate (Fixture    *f,
                const char *id,
                const char *name,
                const char *tag,
                const char *from,
                const char *to,
                const char *note)
{
  g_autoptr(GFile) article = g_file_new_for_path (f->article);
  g_autoptr(GlossSource) source = gloss_source_new_from_plain_text (article, 0, NULL, NULL);
  g_autoptr(GlossAnnotationFile) theirs = gloss_annotation_file_new (source, id, name);
  g_autoptr(GError) error = NULL;

  gloss_layer_annotate (gloss_annotation_file_get_layer (theirs), tag,
                        at (from), at (to) + strlen (to), note);
  g_assert_true (gloss_annotation_file_save (theirs, GLOSS_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);

  return g_object_ref (gloss_annotation_file_get_file (theirs));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = make_article_folder ("gloss-teammates", ARTICLE, &f->article);
  /* Ben and Cleo both mark the rivals' sentence, each with other edges. */
  f->ben = write_teammate (f, "ben", "Ben", "claim", "Rivals", "little,", "Too cheap");
  f->cleo = write_teammate (f, "cleo", "Cleo", "controversy", "Acme Corp paid", "appealed.", NULL);
  f->window = open_window (f->article);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    close_window (f->window);
  delete_tree (f->dir);
  g_clear_object (&f->ben);
  g_clear_object (&f->cleo);
  g_free (f->dir);
  g_free (f->article);
}

static void
activate (GlossWindow *window,
          const char  *action)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, NULL));
  settle ();
}

static void
reopen (Fixture *f)
{
  close_window (f->window);
  f->window = open_window (f->article);
}

static guint
n_shown (Fixture *f)
{
  return gloss_text_view_get_n_teammate_layers (gloss_window_get_text_view (f->window));
}

static GlossLayer *
own_layer (Fixture *f)
{
  return gloss_document_get_layer (gloss_window_get_document (f->window));
}

/* Every widget named @name under @root (popovers included), in order. */
static void
collect_named (GtkWidget  *root,
               const char *name,
               GPtrArray  *found)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_named (child, name, found);
}

/* The one widget named @name under @root. */
static GtkWidget *
named (GtkWidget  *root,
       const char *name)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_named (root, name, found);
  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_index (found, 0);
}

/* The labels of the widgets named @name in the header bar (the legend's,
 * or the Layers menu's dots), each followed by "|". */
static char *
header_text (Fixture    *f,
             const char *name)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  collect_named (gtk_window_get_titlebar (GTK_WINDOW (f->window)), name, found);
  for (guint i = 0; i < found->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (found, i);

      if (GTK_IS_LABEL (widget))
        g_string_append_printf (text, "%s|", gtk_label_get_label (GTK_LABEL (widget)));
      else if (gtk_widget_get_visible (widget))
        for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
             child = gtk_widget_get_next_sibling (child))
          g_string_append_printf (text, "%s|", gtk_label_get_label (GTK_LABEL (child)));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
legend_text (Fixture *f)
{
  return header_text (f, "legend");
}

static void
test_colours (Fixture       *f,
              gconstpointer  data)
{
  GlossTextView *view = gloss_window_get_text_view (f->window);
  g_autofree char *ben = g_strdup (gloss_text_view_get_annotator_colour (view, "ben"));
  g_autofree char *cleo = g_strdup (gloss_text_view_get_annotator_colour (view, "cleo"));
  g_autofree char *own = g_strdup (gloss_text_view_get_annotator_colour (view, "test-person"));
  g_autofree char *legend = NULL;
  g_autofree char *dots = NULL;

  g_assert_cmpuint (strlen (ben), ==, 7);
  g_assert_cmpstr (ben, !=, cleo);
  g_assert_cmpstr (ben, !=, own);
  g_assert_cmpstr (cleo, !=, own);

  /* The Layers menu gives each file a dot in its annotator's colour. */
  dots = header_text (f, "layer-dot");
  g_assert_nonnull (strstr (dots, ben));
  g_assert_nonnull (strstr (dots, cleo));
  g_assert_null (strstr (dots, own));

  /* The legend names the shown layers, each after a dot in its colour. */
  activate (f->window, "win.show-teammates");
  legend = legend_text (f);
  g_assert_nonnull (strstr (legend, ben));
  g_assert_nonnull (strstr (legend, cleo));
  g_assert_nonnull (strstr (legend, "Ben"));
  g_assert_nonnull (strstr (legend, "Cleo"));

  /* On a dark page, lighter variants, in the text, the menu and the
   * legend alike. */
  g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", TRUE, NULL);
  settle ();
  g_assert_cmpstr (gloss_text_view_get_annotator_colour (view, "ben"), !=, ben);
  g_clear_pointer (&dots, g_free);
  dots = header_text (f, "layer-dot");
  g_assert_nonnull (strstr (dots, gloss_text_view_get_annotator_colour (view, "ben")));
  g_clear_pointer (&legend, g_free);
  legend = legend_text (f);
  g_assert_nonnull (strstr (legend, gloss_text_view_get_annotator_colour (view, "cleo")));
  g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", FALSE, NULL);
  settle ();
  g_assert_cmpstr (gloss_text_view_get_annotator_colour (view, "ben"), ==, ben);

  /* The same colours when the article is opened again. */
  reopen (f);
  view = gloss_window_get_text_view (f->window);
  g_assert_cmpstr (gloss_text_view_get_annotator_colour (view, "ben"), ==, ben);
  g_assert_cmpstr (gloss_text_view_get_annotator_colour (view, "cleo"), ==, cleo);
}

/* How many pixels of @pixels (see render_pixels) are exactly @hex. */
static guint
count_colour (const guchar *pixels,
              int           width,
              int           height,
              const char   *hex)
{
  GdkRGBA rgba;
  guint n = 0;

  g_assert_true (gdk_rgba_parse (&rgba, hex));
  for (int i = 0; i < width * height; i++)
    if (pixels[4 * i + 2] == (guchar)(rgba.red * 255 + 0.5) &&
        pixels[4 * i + 1] == (guchar)(rgba.green * 255 + 0.5) &&
        pixels[4 * i] == (guchar)(rgba.blue * 255 + 0.5))
      n++;

  return n;
}

/* Each shown teammate's dashes are drawn in their colour under the text,
 * each starting with a block in the colour of their tag. */
static void
test_render (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (gloss_window_get_text_view (f->window));
  g_autofree guchar *before = NULL;
  g_autofree guchar *after = NULL;
  const char *ben = gloss_text_view_get_annotator_colour (GLOSS_TEXT_VIEW (view), "ben");
  const char *cleo = gloss_text_view_get_annotator_colour (GLOSS_TEXT_VIEW (view), "cleo");
  int width, height;

  draw_frames (view);
  before = render_pixels (view, &width, &height);
  g_assert_cmpuint (count_colour (before, width, height, ben), ==, 0);
  g_assert_cmpuint (count_colour (before, width, height, cleo), ==, 0);

  activate (f->window, "win.show-teammates");
  draw_frames (view);
  after = render_pixels (view, &width, &height);
  /* Dashes of 4 × 2 pixels along some 250 pixels of text each. */
  g_assert_cmpuint (count_colour (after, width, height, ben), >, 60);
  g_assert_cmpuint (count_colour (after, width, height, cleo), >, 60);
}

static void
test_banner_show (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *legend = NULL;

  g_assert_nonnull (gloss_window_get_banner_text (f->window));
  g_assert_nonnull (strstr (gloss_window_get_banner_text (f->window), "2 teammates’ files"));
  g_assert_cmpuint (n_shown (f), ==, 0);
  legend = legend_text (f);
  g_assert_cmpstr (legend, ==, "");

  activate (f->window, "win.show-teammates");
  g_assert_cmpuint (n_shown (f), ==, 2);
  g_assert_null (gloss_window_get_banner_text (f->window));
  g_clear_pointer (&legend, g_free);
  legend = legend_text (f);
  g_assert_nonnull (strstr (legend, "Ben"));

  /* Shown next time without asking, for this folder. */
  reopen (f);
  g_assert_null (gloss_window_get_banner_text (f->window));
  g_assert_cmpuint (n_shown (f), ==, 2);
}

static void
test_choice_remembered (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *other_dir = NULL;
  g_autofree char *other = NULL;
  g_autofree char *other_ben = NULL;
  g_autofree char *contents = NULL;
  GlossWindow *second;

  activate (f->window, "win.hide-teammates");
  g_assert_null (gloss_window_get_banner_text (f->window));
  g_assert_cmpuint (n_shown (f), ==, 0);

  /* Not Now holds for the folder: no banner, nothing shown. */
  reopen (f);
  g_assert_null (gloss_window_get_banner_text (f->window));
  g_assert_cmpuint (n_shown (f), ==, 0);

  /* Another folder was never chosen for, and asks. */
  other_dir = g_dir_make_tmp ("gloss-teammates-XXXXXX", &error);
  g_assert_no_error (error);
  other = g_build_filename (other_dir, "a.txt", NULL);
  write_file (other, ARTICLE);
  g_assert_true (g_file_get_contents (g_file_peek_path (f->ben), &contents, NULL, NULL));
  other_ben = g_build_filename (other_dir, "a.txt.ben.gloss.json", NULL);
  write_file (other_ben, contents);
  second = open_window (other);
  g_assert_nonnull (gloss_window_get_banner_text (second));
  g_assert_nonnull (strstr (gloss_window_get_banner_text (second), "1 teammate’s file"));
  close_window (second);
  delete_tree (other_dir);
}

static void
test_open_raises (Fixture       *f,
                  gconstpointer  data)
{
  GtkApplication *app = GTK_APPLICATION (test_application ());
  guint windows = g_list_length (gtk_application_get_windows (app));
  GtkWindow *window;

  window = gloss_application_open_file (test_application (), f->cleo);
  settle ();

  /* The window on the article shows Cleo's layer: no second window. */
  g_assert_true (window == GTK_WINDOW (f->window));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (app)), ==, windows);
  g_assert_cmpuint (n_shown (f), ==, 1);

  /* Opening it again leaves it shown. */
  window = gloss_application_open_file (test_application (), f->cleo);
  settle ();
  g_assert_true (window == GTK_WINDOW (f->window));
  g_assert_cmpuint (n_shown (f), ==, 1);
}

static void
test_tooltip (Fixture       *f,
              gconstpointer  data)
{
  GlossTextView *view = gloss_window_get_text_view (f->window);
  g_autofree char *markup = NULL;
  g_autofree char *same = NULL;
  g_autofree char *ben_span = g_strdup_printf ("%u–%u", at ("Rivals"), at ("little,") + 7);
  g_autofree char *cleo_span = g_strdup_printf ("%u–%u", at ("Acme Corp paid"), at ("appealed.") + 9);

  activate (f->window, "win.show-teammates");
  markup = gloss_text_view_describe_offset (view, at ("paid"));
  g_assert_nonnull (markup);
  g_assert_nonnull (strstr (markup, "Ben"));
  g_assert_nonnull (strstr (markup, "Claim"));
  g_assert_nonnull (strstr (markup, ben_span));
  g_assert_nonnull (strstr (markup, "Rivals said "));
  g_assert_nonnull (strstr (markup, "Too cheap"));
  g_assert_nonnull (strstr (markup, "Cleo"));
  g_assert_nonnull (strstr (markup, "Controversy"));
  g_assert_nonnull (strstr (markup, cleo_span));
  g_assert_nonnull (strstr (markup, "…td appealed."));

  /* Where the own layer has Ben's very tag and span, no span is given. */
  gloss_layer_annotate (own_layer (f), "claim", at ("Rivals"), at ("little,") + 7, NULL);
  settle ();
  same = gloss_text_view_describe_offset (view, at ("paid"));
  g_assert_null (strstr (same, ben_span));
  g_assert_nonnull (strstr (same, "same as yours"));
  g_assert_nonnull (strstr (same, cleo_span));
}

/* Selects the first annotation of @file, as its row in the sidebar does. */
static void
select_first (GlossTextView       *view,
              GlossAnnotationFile *file)
{
  g_autoptr(GlossAnnotation) first = g_list_model_get_item (G_LIST_MODEL (gloss_annotation_file_get_layer (file)), 0);

  gloss_text_view_select (view, first, FALSE);
  settle ();
}

static void
test_copy_to_own (Fixture       *f,
                  gconstpointer  data)
{
  GlossTextView *view = gloss_window_get_text_view (f->window);
  g_autoptr(GlossAnnotationFile) ben = NULL;
  GlossAnnotation *mine;
  GtkWidget *copy;

  /* Nothing of a teammate's is selected yet: nothing to copy. */
  gtk_widget_activate_action_variant (GTK_WIDGET (f->window), "win.copy-to-own", NULL);
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (own_layer (f))), ==, 0);

  activate (f->window, "win.show-teammates");
  ben = g_object_ref (gloss_document_load_teammate (gloss_window_get_document (f->window), f->ben, NULL));
  /* Ben's layer in the sidebar, the first after the own one. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (GTK_WIDGET (f->window), "layer-switcher")), 1);
  select_first (view, ben);

  /* The inspector offers the copy for a teammate's annotation. */
  copy = named (GTK_WIDGET (f->window), "copy-to-own");
  g_assert_true (gtk_widget_get_visible (copy));
  g_assert_true (gtk_widget_is_sensitive (copy));
  g_signal_emit_by_name (copy, "clicked");
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (own_layer (f))), ==, 1);
  mine = g_list_model_get_item (G_LIST_MODEL (own_layer (f)), 0);
  g_assert_cmpstr (gloss_annotation_get_tag (mine), ==, "claim");
  g_assert_cmpuint (gloss_annotation_get_start (mine), ==, at ("Rivals"));
  g_assert_cmpuint (gloss_annotation_get_end (mine), ==, at ("little,") + 7);
  g_assert_cmpstr (gloss_annotation_get_note (mine), ==, "Too cheap");
  g_object_unref (mine);

  /* Twice is refused, with a message. */
  select_first (view, ben);
  activate (f->window, "win.copy-to-own");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (own_layer (f))), ==, 1);
  g_assert_nonnull (strstr (gloss_window_get_banner_text (f->window), "already"));

  /* One undo takes the copy back. */
  activate (f->window, "win.undo");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (own_layer (f))), ==, 0);

  /* In review, decisions go to the consensus: nothing is copied. */
  select_first (view, ben);
  g_assert_true (gtk_widget_get_sensitive (copy));
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), "win.review-annotators",
                                                     g_variant_new_strv ((const char * const[]) { "test-person", "ben" },
                                                                         2)));
  settle ();
  select_first (view, ben);
  g_assert_false (gtk_widget_get_sensitive (copy));
}

int
main (int    argc,
      char **argv)
{
  article_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/teammates/colours", test_colours);
  ADD ("/teammates/render", test_render);
  ADD ("/teammates/banner-show", test_banner_show);
  ADD ("/teammates/choice-remembered", test_choice_remembered);
  ADD ("/teammates/open-raises", test_open_raises);
  ADD ("/teammates/tooltip", test_tooltip);
  ADD ("/teammates/copy-to-own", test_copy_to_own);

#undef ADD

  return article_test_run ();
}
