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

int
main (int    argc,
      char **argv)
{
  article_test_init (&argc, &argv);

  g_test_add_func ("/window-tagging/tag-bar", test_tag_bar);

  return article_test_run ();
}
