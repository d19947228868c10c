/* test-window-tagging.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What a person meets around tagging in a real window: the tag bar above
 * the text, what the window says when nothing is selected, the notices
 * that end by themselves, and Find leaving its match selected. */

#include "config.h"

#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "article-test-util.h"
#include "gloss-codebook.h"

#define ARTICLE \
  "Acme Corp won the contract.\n" \
  "\n" \
  "Rivals said Acme Corp paid too little, and Zenith Ltd appealed.\n" \
  "The council claims savings of 4 million.\n"

static GlossLayer *
layer_of (GlossWindow *window)
{
  return gloss_document_get_layer (gloss_window_get_document (window));
}

static guint
n_annotations (GlossWindow *window)
{
  return g_list_model_get_n_items (G_LIST_MODEL (layer_of (window)));
}

static gboolean
notice_gone (gpointer window)
{
  return gloss_window_get_notice_text (window) == NULL;
}

/* The buttons of the tag bar, in their order. */
static GPtrArray *
tag_bar_buttons (GlossWindow *window)
{
  GtkWidget *bar = find_named (GTK_WIDGET (window), "tag-bar");
  GPtrArray *buttons = g_ptr_array_new ();
  GPtrArray *pending = g_ptr_array_new ();

  g_assert_nonnull (bar);
  g_ptr_array_add (pending, bar);
  while (pending->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (pending, 0);
      guint at = 0;

      if (GTK_IS_BUTTON (widget))
        {
          g_ptr_array_add (buttons, widget);
          continue;
        }
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_insert (pending, at++, child);
    }
  g_ptr_array_unref (pending);

  return buttons;
}

/* The texts of the labels inside @widget, joined by "|". */
static char *
label_texts (GtkWidget *widget)
{
  GString *texts = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *inner = NULL;

      if (GTK_IS_LABEL (child))
        {
          g_string_append_printf (texts, "%s%s", texts->len > 0 ? "|" : "",
                                  gtk_label_get_text (GTK_LABEL (child)));
          continue;
        }
      inner = label_texts (child);
      if (*inner != '\0')
        g_string_append_printf (texts, "%s%s", texts->len > 0 ? "|" : "", inner);
    }

  return g_string_free (texts, FALSE);
}

/* The tag bar shows each tag with its colour, label and key, its
 * description in a tooltip; a click tags the selection as the key does,
 * leaving the focus in the text; the bar follows the codebook. */
static void
test_tag_bar (void)
{
  Article *f = open_text ("a.txt", ARTICLE);
  GlossCodebook *codebook = gloss_document_get_codebook (gloss_window_get_document (f->window));
  GlossTextView *view = gloss_window_get_text_view (f->window);
  g_autoptr(GPtrArray) buttons = tag_bar_buttons (f->window);
  g_autoptr(GlossCodebook) edited = NULL;
  g_autoptr(GlossTag) added = NULL;
  g_autofree char *first = NULL;
  g_autofree char *markup = NULL;
  GtkWidget *swatch;
  GlossAnnotation *a;

  g_assert_cmpuint (buttons->len, ==, 3);
  g_assert_true (gtk_widget_get_mapped (g_ptr_array_index (buttons, 0)));
  first = label_texts (g_ptr_array_index (buttons, 0));
  g_assert_cmpstr (first, ==, "●|Company|1");
  g_clear_pointer (&first, g_free);
  first = label_texts (g_ptr_array_index (buttons, 2));
  g_assert_cmpstr (first, ==, "●|Claim|3");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, 0)), ==,
                   gloss_tag_get_description (gloss_codebook_get_tag (codebook, 0)));
  swatch = gtk_widget_get_first_child (gtk_button_get_child (g_ptr_array_index (buttons, 0)));
  markup = g_strdup_printf ("<span foreground=\"%s\">●</span>",
                            gloss_tag_get_color (gloss_codebook_get_tag (codebook, 0)));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (swatch)), ==, markup);

  /* A click on Claim tags "Zenith Ltd"; the text keeps the focus. */
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gloss_text_view_select_range (view, 72, 82);
  g_signal_emit_by_name (g_ptr_array_index (buttons, 2), "clicked");
  settle ();
  g_assert_cmpuint (n_annotations (f->window), ==, 1);
  a = gloss_text_view_get_selected (view);
  g_assert_nonnull (a);
  g_assert_cmpstr (gloss_annotation_get_tag (a), ==, "claim");
  g_assert_cmpstr (gloss_annotation_get_quote (a), ==, "Zenith Ltd");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)));

  /* Another click re-tags the selected annotation, as a key would. */
  g_signal_emit_by_name (g_ptr_array_index (buttons, 0), "clicked");
  settle ();
  g_assert_cmpstr (gloss_annotation_get_tag (a), ==, "company");
  g_assert_cmpuint (n_annotations (f->window), ==, 1);

  /* A tag renamed, and one added, as the codebook dialog saves them. */
  edited = gloss_codebook_copy (codebook);
  gloss_tag_set_label (gloss_codebook_lookup (edited, "claim"), "Statement");
  added = gloss_tag_new ("source", "Source", "#2a7f62", "Who is quoted");
  g_assert_true (gloss_codebook_add (edited, added));
  gloss_codebook_assign (codebook, edited);
  settle ();
  g_ptr_array_unref (g_steal_pointer (&buttons));
  buttons = tag_bar_buttons (f->window);
  g_assert_cmpuint (buttons->len, ==, 4);
  g_clear_pointer (&first, g_free);
  first = label_texts (g_ptr_array_index (buttons, 2));
  g_assert_cmpstr (first, ==, "●|Statement|3");
  g_clear_pointer (&first, g_free);
  first = label_texts (g_ptr_array_index (buttons, 3));
  g_assert_cmpstr (first, ==, "●|Source|4");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, 3)), ==, "Who is quoted");
  close_article (f);
}

/* With nothing selected, a number key, the tag button and a click in the
 * tag bar each say what to do, over the text, for a moment; a key the
 * codebook gives no tag says so. */
static void
test_select_first (void)
{
  Article *f = open_text ("a.txt", ARTICLE);
  g_autoptr(GPtrArray) buttons = tag_bar_buttons (f->window);
  GtkWidget *notice = find_named (GTK_WIDGET (f->window), "notice");
  GtkWidget *popover;

  g_assert_nonnull (notice);
  g_assert_null (gloss_window_get_notice_text (f->window));
  g_assert_false (gtk_widget_get_visible (notice));

  activate_action (f->window, "win.tag-key", g_variant_new_int32 (1));
  g_assert_cmpuint (n_annotations (f->window), ==, 0);
  g_assert_cmpstr (gloss_window_get_notice_text (f->window), ==, "Select a passage first");
  g_assert_true (gtk_widget_get_mapped (notice));
  /* Over the text, not in the banner that waits for a decision. */
  g_assert_true (GTK_IS_OVERLAY (gtk_widget_get_parent (notice)));
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (view_of (f)), gtk_widget_get_parent (notice)));
  g_assert_null (gloss_window_get_banner_text (f->window));

  /* It goes by itself: soon, but not before a slow build (the sanitizers'
   * take ten times as long) has read each notice below. */
  gloss_window_set_notice_timeout (f->window, 1500);
  wait_until (notice_gone, f->window);
  g_assert_false (gtk_widget_get_visible (notice));

  /* The tag button opens no menu of tags without a selection. */
  activate_action (f->window, "win.tag-popover", NULL);
  g_assert_cmpstr (gloss_window_get_notice_text (f->window), ==, "Select a passage first");
  popover = gtk_widget_get_first_child (GTK_WIDGET (view_of (f)));
  for (; popover != NULL; popover = gtk_widget_get_next_sibling (popover))
    g_assert_false (GTK_IS_POPOVER (popover) && gtk_widget_get_visible (popover));
  wait_until (notice_gone, f->window);

  g_signal_emit_by_name (g_ptr_array_index (buttons, 1), "clicked");
  settle ();
  g_assert_cmpuint (n_annotations (f->window), ==, 0);
  g_assert_cmpstr (gloss_window_get_notice_text (f->window), ==, "Select a passage first");
  wait_until (notice_gone, f->window);

  /* Spaces alone are no passage. */
  gloss_text_view_select_range (view_of (f), 28, 29);
  activate_action (f->window, "win.tag-key", g_variant_new_int32 (2));
  g_assert_cmpuint (n_annotations (f->window), ==, 0);
  g_assert_cmpstr (gloss_window_get_notice_text (f->window), ==, "Select a passage first");

  /* The default codebook has three tags. */
  gloss_text_view_select_range (view_of (f), 0, 9);
  activate_action (f->window, "win.tag-key", g_variant_new_int32 (7));
  g_assert_cmpuint (n_annotations (f->window), ==, 0);
  g_assert_cmpstr (gloss_window_get_notice_text (f->window), ==, "No tag has the key 7");
  close_article (f);
}

static guint
colour_distance (const guchar  *bgra,
                 const GdkRGBA *rgba)
{
  int r = bgra[2] - (int)(rgba->red * 255);
  int g = bgra[1] - (int)(rgba->green * 255);
  int b = bgra[0] - (int)(rgba->blue * 255);

  return (guint)sqrt (r * r + g * g + b * b);
}

/* The pixel at the middle of the space at @offset: the selection's
 * background, or the page's, with no glyph over it. */
static void
pixel_of_space (Article *a,
                guint    offset,
                guchar   bgra[4])
{
  GdkRectangle rect = char_rect (a, offset);
  g_autofree guchar *pixels = NULL;
  int width, height;
  int x = rect.x + rect.width / 2;
  int y = rect.y + rect.height / 2;

  draw_frames (GTK_WIDGET (view_of (a)));
  pixels = render_pixels (GTK_WIDGET (view_of (a)), &width, &height);
  g_assert_cmpint (x, <, width);
  g_assert_cmpint (y, <, height);
  memcpy (bgra, pixels + (gsize)y * width * 4 + x * 4, 4);
}

/* The selection's colour is far from every tag's colour, full or as a
 * highlight, and from the page, in a light and a dark theme. */
static void
check_selection_colour (Article *a)
{
  GlossCodebook *codebook = gloss_document_get_codebook (gloss_window_get_document (a->window));
  guchar page[4], selected[4];

  gloss_text_view_select_range (view_of (a), 0, 0);
  pixel_of_space (a, 4, page);
  gloss_text_view_select_range (view_of (a), 0, 9);
  pixel_of_space (a, 4, selected);

  g_assert_cmpuint (colour_distance (selected, &(GdkRGBA) { page[2] / 255., page[1] / 255., page[0] / 255., 1 }),
                    >, 150);
  for (guint i = 0; gloss_codebook_get_tag (codebook, i) != NULL; i++)
    {
      GdkRGBA colour, highlight;

      g_assert_true (gdk_rgba_parse (&colour, gloss_tag_get_color (gloss_codebook_get_tag (codebook, i))));
      g_assert_cmpuint (colour_distance (selected, &colour), >, 100);
      /* A highlight: the tag's colour at a third over the page. */
      highlight.red = (colour.red + 2 * page[2] / 255.) / 3;
      highlight.green = (colour.green + 2 * page[1] / 255.) / 3;
      highlight.blue = (colour.blue + 2 * page[0] / 255.) / 3;
      g_assert_cmpuint (colour_distance (selected, &highlight), >, 100);
    }
}

static void
test_selection_colour (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  Article *f = open_text ("a.txt", ARTICLE);

  check_selection_colour (f);
  g_object_set (settings, "gtk-application-prefer-dark-theme", TRUE, NULL);
  settle ();
  check_selection_colour (f);
  g_object_set (settings, "gtk-application-prefer-dark-theme", FALSE, NULL);
  settle ();
  close_article (f);
}

/* The button of the notice labelled @label, shown, or NULL. */
static GtkWidget *
notice_button (GlossWindow *window,
               const char  *label)
{
  GtkWidget *notice = find_named (GTK_WIDGET (window), "notice");
  GPtrArray *pending = g_ptr_array_new ();
  GtkWidget *found = NULL;

  g_ptr_array_add (pending, notice);
  while (pending->len > 0 && found == NULL)
    {
      GtkWidget *widget = g_ptr_array_steal_index (pending, pending->len - 1);

      if (GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget) &&
          g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
        found = widget;
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (pending, child);
    }
  g_ptr_array_unref (pending);

  return found != NULL && gtk_widget_get_mapped (found) ? found : NULL;
}

/* Selects "Acme Corp", finds it and tags its two occurrences with @tag. */
static void
tag_all (Article    *a,
         const char *tag)
{
  gloss_text_view_select_range (view_of (a), 0, 9);
  activate_action (a->window, "win.find", NULL);
  activate_action (a->window, "win.tag-all", g_variant_new_string (tag));
}

/* Tag All says what it did in a notice with Undo, never in the banner;
 * Undo takes the step back; an undo, a redo or another edit made
 * otherwise dismisses the notice, whose Undo would undo something else;
 * a notice with a button lasts longer, then goes by itself. */
static void
test_tag_all_notice (void)
{
  Article *f = open_text ("a.txt", ARTICLE);

  tag_all (f, "company");
  g_assert_cmpuint (n_annotations (f->window), ==, 2);
  g_assert_cmpstr (gloss_window_get_notice_text (f->window), ==, "Tagged 2 passages.");
  g_assert_null (gloss_window_get_banner_text (f->window));

  /* Its Undo takes both back, and the notice goes. */
  g_assert_nonnull (notice_button (f->window, "_Undo"));
  g_signal_emit_by_name (notice_button (f->window, "_Undo"), "clicked");
  settle ();
  g_assert_cmpuint (n_annotations (f->window), ==, 0);
  g_assert_null (gloss_window_get_notice_text (f->window));

  /* Redo brings them back without bringing a stale notice. */
  activate_action (f->window, "win.redo", NULL);
  g_assert_cmpuint (n_annotations (f->window), ==, 2);
  g_assert_null (gloss_window_get_notice_text (f->window));

  /* An undo from the header dismisses it. */
  tag_all (f, "claim");
  g_assert_cmpuint (n_annotations (f->window), ==, 4);
  g_assert_cmpstr (gloss_window_get_notice_text (f->window), ==, "Tagged 2 passages.");
  activate_action (f->window, "win.undo", NULL);
  g_assert_cmpuint (n_annotations (f->window), ==, 2);
  g_assert_null (gloss_window_get_notice_text (f->window));
  g_assert_null (notice_button (f->window, "_Undo"));

  /* So does another edit: its Undo would now undo that edit. */
  tag_all (f, "claim");
  g_assert_nonnull (gloss_window_get_notice_text (f->window));
  gloss_text_view_select_range (view_of (f), 72, 82);
  activate_action (f->window, "win.tag-key", g_variant_new_int32 (2));
  g_assert_cmpuint (n_annotations (f->window), ==, 5);
  g_assert_null (gloss_window_get_notice_text (f->window));
  /* The notice's action does nothing once its step is not the last. */
  activate_action (f->window, "win.notice-undo", NULL);
  g_assert_cmpuint (n_annotations (f->window), ==, 5);

  /* Passages tagged already: nothing to undo, no button. */
  tag_all (f, "claim");
  g_assert_cmpstr (gloss_window_get_notice_text (f->window), ==,
                   "Tagged 0 passages; the others already had this tag.");
  g_assert_null (notice_button (f->window, "_Undo"));

  /* With Undo, it stays twice as long as a notice without a button. */
  gloss_window_set_notice_timeout (f->window, 1500);
  tag_all (f, "controversy");
  g_assert_nonnull (notice_button (f->window, "_Undo"));
  run_for (2000);
  g_assert_cmpstr (gloss_window_get_notice_text (f->window), ==, "Tagged 2 passages.");
  wait_until (notice_gone, f->window);
  g_assert_cmpuint (n_annotations (f->window), ==, 7);
  close_article (f);
}

/* A notice waits while the pointer is over it, and goes its time after
 * the pointer leaves. */
static void
test_notice_waits_under_pointer (void)
{
  Article *f = open_text ("a.txt", ARTICLE);
  GtkWidget *notice = find_named (GTK_WIDGET (f->window), "notice");
  GtkEventController *motion = NULL;
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (notice);

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && motion == NULL; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        motion = controller;
    }
  g_assert_nonnull (motion);

  gloss_window_set_notice_timeout (f->window, 1500);
  activate_action (f->window, "win.tag-key", g_variant_new_int32 (1));
  g_assert_cmpstr (gloss_window_get_notice_text (f->window), ==, "Select a passage first");
  g_signal_emit_by_name (motion, "enter", 10.0, 10.0);
  run_for (2500);
  g_assert_cmpstr (gloss_window_get_notice_text (f->window), ==, "Select a passage first");
  g_signal_emit_by_name (motion, "leave");
  wait_until (notice_gone, f->window);
  close_article (f);
}

/* Alt and a number key Tag All with that key's tag, from the search
 * entry as from the text. */
static void
test_tag_all_key (void)
{
  Article *f = open_text ("a.txt", ARTICLE);
  GListModel *model = G_LIST_MODEL (layer_of (f->window));
  g_autoptr(GlossAnnotation) first = NULL;

  gloss_text_view_select_range (view_of (f), 0, 9);
  activate_action (f->window, "win.find", NULL);
  activate_action (f->window, "win.tag-all-key", g_variant_new_int32 (2));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (gloss_annotation_get_tag (first), ==, "controversy");
  g_assert_cmpstr (gloss_window_get_notice_text (f->window), ==, "Tagged 2 passages.");

  activate_action (f->window, "win.tag-all-key", g_variant_new_int32 (8));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpstr (gloss_window_get_notice_text (f->window), ==, "No tag has the key 8");
  close_article (f);
}

static gboolean
has_matches (gpointer window)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (window));
  GtkWidget *entry = gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY);
  guint start, end;

  return GTK_IS_SEARCH_ENTRY (entry) &&
         gloss_text_view_get_selection_range (gloss_window_get_text_view (window), &start, &end);
}

/* Opens Find, types @text in its entry as a person would, and waits for
 * the search; returns the entry. */
static GtkWidget *
find_text (Article    *a,
           const char *text)
{
  GtkWidget *entry;

  activate_action (a->window, "win.find", NULL);
  entry = gtk_widget_get_ancestor (gtk_window_get_focus (GTK_WINDOW (a->window)), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  wait_until (has_matches, a->window);
  settle ();
  return entry;
}

static void
assert_selected (Article *a,
                 guint    start,
                 guint    end)
{
  guint s, e;

  g_assert_true (gloss_text_view_get_selection_range (view_of (a), &s, &e));
  g_assert_cmpuint (s, ==, start);
  g_assert_cmpuint (e, ==, end);
}

/* Typing in Find selects the first match; next and Enter step through
 * them; Escape closes Find leaving the match reached selected, with the
 * keyboard in the text, where a number key tags it. */
static void
test_find_keeps_match (void)
{
  Article *f = open_text ("a.txt", ARTICLE);
  GtkSearchBar *bar;
  GtkWidget *entry;
  GlossAnnotation *a;

  entry = find_text (f, "Zenith");
  bar = GTK_SEARCH_BAR (gtk_widget_get_ancestor (entry, GTK_TYPE_SEARCH_BAR));
  assert_selected (f, 72, 78);
  /* Escape in the entry is "stop-search". */
  g_signal_emit_by_name (entry, "stop-search");
  settle ();
  g_assert_false (gtk_search_bar_get_search_mode (bar));
  assert_selected (f, 72, 78);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view_of (f))));
  activate_action (f->window, "win.tag-key", g_variant_new_int32 (1));
  a = gloss_text_view_get_selected (view_of (f));
  g_assert_nonnull (a);
  g_assert_cmpstr (gloss_annotation_get_quote (a), ==, "Zenith");

  /* From the top: the first "Acme Corp", then the second. */
  gloss_text_view_select (view_of (f), NULL, FALSE);
  gloss_text_view_select_range (view_of (f), 0, 0);
  entry = find_text (f, "acme corp");
  assert_selected (f, 0, 9);
  activate_action (f->window, "win.find-next", NULL);
  assert_selected (f, 41, 50);
  g_signal_emit_by_name (entry, "activate");
  settle ();
  assert_selected (f, 0, 9);
  g_signal_emit_by_name (entry, "activate");
  settle ();
  g_signal_emit_by_name (entry, "stop-search");
  settle ();
  assert_selected (f, 41, 50);
  activate_action (f->window, "win.tag-key", g_variant_new_int32 (3));
  a = gloss_text_view_get_selected (view_of (f));
  g_assert_cmpuint (gloss_annotation_get_start (a), ==, 41);
  g_assert_cmpstr (gloss_annotation_get_tag (a), ==, "claim");
  g_assert_cmpuint (n_annotations (f->window), ==, 2);
  close_article (f);
}

/* The inspector's dates and the recent files' read as people write
 * them: "7 December 2026, 14:32", never "12/07/26". */
static void
test_readable_dates (void)
{
  Article *f = open_text ("a.txt", ARTICLE);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%-d %B %Y, ");
  g_autofree char *expected = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) local = NULL;
  GlossAnnotation *a;
  GlossWindow *empty;
  GtkWidget *label;

  gloss_text_view_select_range (view_of (f), 0, 9);
  activate_action (f->window, "win.tag-key", g_variant_new_int32 (1));
  a = gloss_text_view_get_selected (view_of (f));
  created = g_date_time_new_from_iso8601 (gloss_annotation_get_created (a), NULL);
  local = g_date_time_to_local (created);
  /* In the C locale of the tests, month names are English. */
  expected = g_date_time_format (local, "Created %-d %B %Y, %H:%M");
  label = find_label (GTK_WIDGET (f->window), "created");
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, expected);

  /* A window with nothing open lists the article, opened today. */
  empty = gloss_window_new (test_application ());
  gtk_window_present (GTK_WINDOW (empty));
  settle ();
  label = find_label (GTK_WIDGET (empty), "recent-date");
  g_assert_nonnull (label);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (label)), day));
  g_assert_null (strchr (gtk_label_get_label (GTK_LABEL (label)), '/'));
  close_window (empty);
  close_article (f);
}

#define FRENCH \
  "Le rapport\n\n" \
  "M. Dupont a signé le contrat avec Acme. Il a déclaré\u00a0: «\u00a0Nous sommes prêts.\u00a0» " \
  "Puis la séance fut levée.\n\n" \
  "Un second paragraphe, court.\n"

/* Asserts that the selection is exactly @needle, found in the text. */
static void
assert_selected_text (Article    *a,
                      const char *needle)
{
  guint start = offset_of (a, needle);

  assert_selected (a, start, start + g_utf8_strlen (needle, -1));
}

/* Places the cursor, and lets the display take back the primary
 * selection the selection before had claimed: answered after the next
 * selection, that would deselect it. */
static void
place_cursor (Article *a,
              guint    offset)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer_of (a), &iter, offset);
  gtk_text_buffer_place_cursor (buffer_of (a), &iter);
  settle ();
}

/* The triple-click gesture of the text view. */
static GtkEventController *
triple_click_of (Article *a)
{
  GListModel *controllers = gtk_widget_observe_controllers (GTK_WIDGET (view_of (a)));
  GtkEventController *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "gloss-triple-click") == 0)
        found = controller;
    }
  g_object_unref (controllers);

  g_assert_nonnull (found);
  return found;
}

/* Sentences end at their full stop, not at an abbreviation's, and take
 * in a closing guillemet; paragraphs are the article's blocks. */
static void
test_select_sentence_and_paragraph (void)
{
  Article *a = open_text ("rapport.txt", FRENCH);
  const char *first = "M. Dupont a signé le contrat avec Acme.";
  const char *quoted = "Il a déclaré\u00a0: «\u00a0Nous sommes prêts.\u00a0»";
  const char *last = "Puis la séance fut levée.";
  GdkRectangle rect;

  place_cursor (a, offset_of (a, "Dupont") + 2);
  activate_action (a->window, "win.select-sentence", NULL);
  assert_selected_text (a, first);
  place_cursor (a, offset_of (a, "M. Dupont"));
  activate_action (a->window, "win.select-sentence", NULL);
  assert_selected_text (a, first);

  place_cursor (a, offset_of (a, "Nous"));
  activate_action (a->window, "win.select-sentence", NULL);
  assert_selected_text (a, quoted);
  place_cursor (a, offset_of (a, "séance"));
  activate_action (a->window, "win.select-sentence", NULL);
  assert_selected_text (a, last);

  /* The paragraph: its block, without the line break. */
  place_cursor (a, offset_of (a, "déclaré"));
  activate_action (a->window, "win.select-paragraph", NULL);
  assert_selected (a, offset_of (a, first), offset_of (a, last) + g_utf8_strlen (last, -1));
  place_cursor (a, offset_of (a, "court"));
  activate_action (a->window, "win.select-paragraph", NULL);
  assert_selected_text (a, "Un second paragraphe, court.");
  place_cursor (a, offset_of (a, "court"));
  activate_action (a->window, "win.select-sentence", NULL);
  assert_selected_text (a, "Un second paragraphe, court.");

  /* A triple click selects the sentence rather than the line. */
  rect = char_rect (a, offset_of (a, "prêts"));
  g_signal_emit_by_name (triple_click_of (a), "pressed", 3, (double)rect.x + 1, rect.y + rect.height / 2.0);
  assert_selected_text (a, quoted);

  close_article (a);
}

/* Whether the character at @mark lies within the text view's visible
 * rectangle. */
static gboolean
mark_on_screen (GlossTextView *view,
                GtkTextMark   *mark)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (view);
  GdkRectangle location, visible;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (gtk_text_view_get_buffer (text_view), &iter, mark);
  gtk_text_view_get_iter_location (text_view, &iter, &location);
  gtk_text_view_get_visible_rect (text_view, &visible);
  return location.y >= visible.y && location.y + location.height <= visible.y + visible.height;
}

/* A mark just past the bottom of the screen is brought on screen within
 * the call, so that the next frame shows it, with the lines after it; one
 * far away or above, once the view has laid it out. */
static void
test_scroll_mark_onscreen (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GtkAdjustment *adjustment;
  GlossTextView *view;
  GtkTextBuffer *buffer;
  GtkTextMark *mark;
  GtkTextIter iter;
  Article *f;
  double before;

  for (guint i = 0; i < 600; i++)
    g_string_append_printf (text, "Line %u of the article, long enough to read.\n", i);
  f = open_text ("long.txt", text->str);
  view = view_of (f);
  buffer = buffer_of (f);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  draw_frames (GTK_WIDGET (view));

  /* The first line below the screen. */
  gtk_text_view_get_line_at_y (GTK_TEXT_VIEW (view), &iter,
                               (int)(gtk_adjustment_get_value (adjustment) +
                                     gtk_adjustment_get_page_size (adjustment)) + 4, NULL);
  gtk_text_iter_forward_line (&iter);
  mark = gtk_text_buffer_create_mark (buffer, NULL, &iter, TRUE);
  g_assert_false (mark_on_screen (view, mark));
  before = gtk_adjustment_get_value (adjustment);
  gloss_text_view_scroll_mark_onscreen (view, mark);
  /* Before any frame, a third of the way down: the lines after it are on
   * screen too. */
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, before);
  g_assert_true (mark_on_screen (view, mark));
  {
    GdkRectangle location, visible;

    gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &iter, &location);
    gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (view), &visible);
    g_assert_cmpint (location.y, <=, visible.y + visible.height / 2);
    g_assert_cmpint (location.y, >=, visible.y + visible.height / 4);
  }
  draw_frames (GTK_WIDGET (view));
  g_assert_true (mark_on_screen (view, mark));

  /* Far down, then back to the top. */
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 580);
  gtk_text_buffer_move_mark (buffer, mark, &iter);
  gloss_text_view_scroll_mark_onscreen (view, mark);
  draw_frames (GTK_WIDGET (view));
  g_assert_true (mark_on_screen (view, mark));
  before = gtk_adjustment_get_value (adjustment);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  gtk_text_buffer_move_mark (buffer, mark, &iter);
  gloss_text_view_scroll_mark_onscreen (view, mark);
  draw_frames (GTK_WIDGET (view));
  g_assert_true (mark_on_screen (view, mark));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), <, before);

  gtk_text_buffer_delete_mark (buffer, mark);
  close_article (f);
}

int
main (int    argc,
      char **argv)
{
  article_test_init (&argc, &argv);

  g_test_add_func ("/window-tagging/select-sentence-and-paragraph", test_select_sentence_and_paragraph);

  g_test_add_func ("/window-tagging/tag-bar", test_tag_bar);
  g_test_add_func ("/window-tagging/select-first", test_select_first);
  g_test_add_func ("/window-tagging/selection-colour", test_selection_colour);
  g_test_add_func ("/window-tagging/tag-all-notice", test_tag_all_notice);
  g_test_add_func ("/window-tagging/tag-all-key", test_tag_all_key);
  g_test_add_func ("/window-tagging/notice-waits-under-pointer", test_notice_waits_under_pointer);
  g_test_add_func ("/window-tagging/find-keeps-match", test_find_keeps_match);
  g_test_add_func ("/window-tagging/readable-dates", test_readable_dates);
  g_test_add_func ("/window-tagging/scroll-mark-onscreen", test_scroll_mark_onscreen);

  return article_test_run ();
}
