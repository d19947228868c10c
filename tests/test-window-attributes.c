/* test-window-attributes.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Attributes in a real window, driven as a person would: the inspector's
 * attributes made again at once when the codebook dialog saves another
 * attribute, value or none, and kept from claim to claim, and the sidebar's attribute filter listing
 * the claims marked false, with the tag and text filters, reached with
 * the keyboard and cleared by Escape with them. */

#include "config.h"

#include <string.h>

#include "article-test-util.h"
#include "gloss-codebook-dialog.h"

#define ARTICLE \
  "Acme Corp won the contract.\n" \
  "\n" \
  "The council claims savings of 4 million, said Zenith Ltd.\n"

/* The item labelled @label of a drop-down of strings. */
static guint
item_labelled (GtkWidget  *dropdown,
               const char *label)
{
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
      return i;

  g_error ("no item “%s”", label);
  return GTK_INVALID_LIST_POSITION;
}

/* The label of item @position of a drop-down of strings. */
static const char *
item_label (GtkWidget *dropdown,
            guint      position)
{
  return gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown))),
                                     position);
}

static guint
n_items (GtkWidget *dropdown)
{
  return g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown)));
}

/* The codebook dialog, opened by its action as the menu does. */
static GtkWidget *
open_codebook_dialog (Article *f)
{
  g_autoptr(GList) toplevels = NULL;
  GtkWidget *dialog = NULL;

  activate_action (f->window, "win.codebook", NULL);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (GLOSS_IS_CODEBOOK_DIALOG (l->data))
      dialog = l->data;
  g_assert_nonnull (dialog);

  gtk_expander_set_expanded (GTK_EXPANDER (find_named (dialog, "relations-expander")), TRUE);
  settle ();
  return dialog;
}

/* Saves the dialog's codebook, as its Save button does, and checks that
 * the dialog closed. */
static void
save_codebook (GtkWidget *dialog)
{
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (dialog, "codebook.save", NULL));
  settle ();
  g_assert_null (dialog);
}

/* Types @text in the entry @entry and presses Enter. */
static void
enter (GtkWidget  *entry,
       const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  settle ();
}

/* The codebook dialog saves a new attribute, a new value of the verdict,
 * then takes the attribute away: each time the inspector of the claim
 * selected shows the codebook saved at once, and the new attribute can be
 * set there. */
static void
test_inspector_follows_codebook (void)
{
  Article *f = open_text ("a.txt", ARTICLE);
  GlossAnnotation *claim = tag_text (f, "claims savings of 4 million", 3);
  g_autoptr(GVariant) value = NULL;
  GtkWidget *dialog, *verdict, *stance;

  verdict = find_named (GTK_WIDGET (f->window), "verdict");
  g_assert_true (GTK_IS_DROP_DOWN (verdict));
  g_assert_cmpuint (n_items (verdict), ==, 5);
  g_assert_null (find_named (GTK_WIDGET (f->window), "stance"));

  /* A choice "Stance" of For and Against, and "Satire" after the
   * verdict's values. */
  dialog = open_codebook_dialog (f);
  enter (find_named (dialog, "new-attribute"), "Stance");
  enter (find_in_row (dialog, "stance", "values"), "For, Against");
  enter (find_in_row (dialog, "verdict", "values"), "True, False, Misleading, Unverifiable, Satire");
  save_codebook (dialog);

  g_assert_true (gloss_text_view_get_selected (view_of (f)) == claim);
  stance = find_named (GTK_WIDGET (f->window), "stance");
  g_assert_true (GTK_IS_DROP_DOWN (stance));
  g_assert_true (gtk_widget_is_visible (stance));
  g_assert_cmpuint (n_items (stance), ==, 3);
  g_assert_cmpstr (item_label (stance, 2), ==, "Against");
  verdict = find_named (GTK_WIDGET (f->window), "verdict");
  g_assert_cmpuint (n_items (verdict), ==, 6);
  g_assert_cmpstr (item_label (verdict, 5), ==, "Satire");

  /* The new attribute is set there, by its key. */
  g_assert_true (gtk_widget_activate_action (stance, "attributes.choose", "(si)", "stance", 2));
  settle ();
  value = gloss_annotation_dup_attribute (claim, "stance");
  g_assert_nonnull (value);
  g_assert_cmpstr (g_variant_get_string (value, NULL), ==, "against");

  /* The attribute taken out of the codebook leaves the inspector. */
  dialog = open_codebook_dialog (f);
  g_signal_emit_by_name (find_in_row (dialog, "stance", "remove"), "clicked");
  settle ();
  save_codebook (dialog);
  g_assert_null (find_named (GTK_WIDGET (f->window), "stance"));
  g_assert_nonnull (find_named (GTK_WIDGET (f->window), "verdict"));

  close_article (f);
}

static GListModel *
shown_rows (Article *f)
{
  GtkListView *list = GTK_LIST_VIEW (find_named (GTK_WIDGET (f->window), "annotation-list"));

  settle ();
  return gtk_single_selection_get_model (GTK_SINGLE_SELECTION (gtk_list_view_get_model (list)));
}

static guint
n_shown (Article *f)
{
  return g_list_model_get_n_items (shown_rows (f));
}

/* "Verdict: False" in the sidebar's attribute filter lists the one claim
 * marked false; with the tag filter it lists what passes both; the
 * keyboard reaches it from the tag filter; Escape in the filter entry
 * clears the three filters at once. */
static void
test_sidebar_attribute_filter (void)
{
  Article *f = open_text ("a.txt", ARTICLE);
  GlossAnnotation *claim;
  GtkWidget *verdict, *filter, *tags, *entry, *focus;
  g_autoptr(GlossAnnotation) row = NULL;

  tag_text (f, "Acme Corp", 1);
  tag_text (f, "Zenith Ltd", 1);
  tag_text (f, "Acme Corp won the contract", 3);
  claim = tag_text (f, "claims savings of 4 million", 3);
  verdict = find_named (GTK_WIDGET (f->window), "verdict");
  g_assert_true (gtk_widget_activate_action (verdict, "attributes.choose", "(si)", "verdict", 2));
  settle ();
  g_assert_cmpuint (n_shown (f), ==, 4);

  filter = find_named (GTK_WIDGET (f->window), "attribute-filter");
  tags = find_named (GTK_WIDGET (f->window), "tag-filter");
  entry = find_named (GTK_WIDGET (f->window), "filter-entry");
  g_assert_true (GTK_IS_DROP_DOWN (filter));
  g_assert_true (gtk_widget_is_visible (filter));
  g_assert_cmpstr (item_label (filter, 0), ==, "All attributes");

  /* Tab from the tag filter reaches it. */
  g_assert_true (gtk_widget_grab_focus (tags));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
  focus = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == filter || gtk_widget_is_ancestor (focus, filter));

  gtk_drop_down_set_selected (GTK_DROP_DOWN (filter), item_labelled (filter, "Verdict: False"));
  g_assert_cmpuint (n_shown (f), ==, 1);
  row = g_list_model_get_item (shown_rows (f), 0);
  g_assert_true (row == claim);

  /* With the tag filter: no company is marked false, the claim is. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (tags), item_labelled (tags, "Company"));
  g_assert_cmpuint (n_shown (f), ==, 0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (f->window), "empty-label"))),
                   ==, "No annotations match the filter");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (tags), item_labelled (tags, "Claim"));
  g_assert_cmpuint (n_shown (f), ==, 1);

  /* No claim is marked true; the text filter narrows it further. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (filter), item_labelled (filter, "Verdict: True"));
  g_assert_cmpuint (n_shown (f), ==, 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (filter), item_labelled (filter, "Verdict: False"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "contract");
  /* Without waiting for the entry's pause after typing. */
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (n_shown (f), ==, 0);

  /* Escape in the filter entry clears all three. */
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_cmpuint (n_shown (f), ==, 4);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (tags)), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (filter)), ==, 0);

  close_article (f);
}

/* A codebook saved with a yes-or-no attribute offers it in the filter at
 * once: "yes" lists the passages ticked, "no" those not ticked. */
static void
test_sidebar_filter_follows_codebook (void)
{
  Article *f = open_text ("a.txt", ARTICLE);
  GlossAnnotation *unticked, *ticked;
  GtkWidget *dialog, *filter, *checked;
  g_autoptr(GlossAnnotation) row = NULL;

  unticked = tag_text (f, "Acme Corp", 1);
  ticked = tag_text (f, "Zenith Ltd", 1);
  filter = find_named (GTK_WIDGET (f->window), "attribute-filter");
  g_assert_cmpuint (n_items (filter), ==, 5);

  /* "Checked", yes or no (the third kind), for every tag. */
  dialog = open_codebook_dialog (f);
  enter (find_named (dialog, "new-attribute"), "Checked");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_in_row (dialog, "checked", "kind")), GLOSS_ATTRIBUTE_BOOLEAN);
  settle ();
  save_codebook (dialog);

  g_assert_cmpuint (n_items (filter), ==, 7);
  g_assert_true (gloss_text_view_get_selected (view_of (f)) == ticked);
  checked = find_named (GTK_WIDGET (f->window), "checked");
  g_assert_true (GTK_IS_CHECK_BUTTON (checked));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (checked), TRUE);
  settle ();

  gtk_drop_down_set_selected (GTK_DROP_DOWN (filter), item_labelled (filter, "Checked: yes"));
  g_assert_cmpuint (n_shown (f), ==, 1);
  row = g_list_model_get_item (shown_rows (f), 0);
  g_assert_true (row == ticked);
  g_clear_object (&row);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (filter), item_labelled (filter, "Checked: no"));
  g_assert_cmpuint (n_shown (f), ==, 1);
  row = g_list_model_get_item (shown_rows (f), 0);
  g_assert_true (row == unticked);

  close_article (f);
}

/* The text of the sidebar's attributes line that is shown, "" when none
 * is. */
static const char *
shown_attributes_line (Article *f)
{
  GtkWidget *list = find_named (GTK_WIDGET (f->window), "annotation-list");
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  settle ();
  g_ptr_array_add (stack, list);
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_LABEL (w) && g_strcmp0 (gtk_widget_get_name (w), "attributes-label") == 0 &&
          gtk_widget_get_visible (w))
        return gtk_label_get_text (GTK_LABEL (w));
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  return "";
}

/* The codebook dialog renames the verdict: the sidebar's row of the claim
 * says it with the new name at once, without being bound again. */
static void
test_sidebar_rows_follow_codebook (void)
{
  Article *f = open_text ("a.txt", ARTICLE);
  GtkWidget *dialog, *verdict;

  tag_text (f, "claims savings of 4 million", 3);
  verdict = find_named (GTK_WIDGET (f->window), "verdict");
  g_assert_true (gtk_widget_activate_action (verdict, "attributes.choose", "(si)", "verdict", 2));
  settle ();
  g_assert_cmpstr (shown_attributes_line (f), ==, "Verdict: False");

  dialog = open_codebook_dialog (f);
  enter (find_in_row (dialog, "verdict", "label"), "Rating");
  save_codebook (dialog);
  g_assert_cmpstr (shown_attributes_line (f), ==, "Rating: False");

  close_article (f);
}

/* Stepping from claim to claim keeps the inspector's verdict widget and
 * shows each claim's own value; a passage without attributes hides it, and
 * the next claim has it made again. */
static void
test_inspector_keeps_rows (void)
{
  Article *f = open_text ("a.txt", ARTICLE);
  GlossTextView *view = gloss_window_get_text_view (f->window);
  GlossAnnotation *first, *second, *company;
  GtkWidget *verdict, *again;

  company = tag_text (f, "Acme Corp", 1);
  second = tag_text (f, "claims savings of 4 million", 3);
  first = tag_text (f, "Acme Corp won the contract", 3);
  verdict = find_named (GTK_WIDGET (f->window), "verdict");
  g_assert_true (gtk_widget_activate_action (verdict, "attributes.choose", "(si)", "verdict", 2));
  settle ();
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (verdict)), ==, 2);

  gloss_text_view_select (view, second, FALSE);
  settle ();
  g_assert_true (find_named (GTK_WIDGET (f->window), "verdict") == verdict);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (verdict)), ==, 0);
  g_assert_null (gloss_annotation_dup_attribute (second, "verdict"));

  gloss_text_view_select (view, first, FALSE);
  settle ();
  g_assert_true (find_named (GTK_WIDGET (f->window), "verdict") == verdict);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (verdict)), ==, 2);

  g_object_add_weak_pointer (G_OBJECT (verdict), (gpointer *) &verdict);
  gloss_text_view_select (view, company, FALSE);
  settle ();
  g_assert_null (verdict);
  g_assert_null (find_named (GTK_WIDGET (f->window), "verdict"));

  gloss_text_view_select (view, second, FALSE);
  settle ();
  again = find_named (GTK_WIDGET (f->window), "verdict");
  g_assert_true (GTK_IS_DROP_DOWN (again));
  g_assert_true (gtk_widget_is_visible (again));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (again)), ==, 0);
  close_article (f);
}

int
main (int   argc,
      char *argv[])
{
  article_test_init (&argc, &argv);

  g_test_add_func ("/attributes/inspector-follows-codebook", test_inspector_follows_codebook);
  g_test_add_func ("/attributes/inspector-keeps-rows", test_inspector_keeps_rows);
  g_test_add_func ("/attributes/sidebar-filter", test_sidebar_attribute_filter);
  g_test_add_func ("/attributes/sidebar-filter-follows-codebook", test_sidebar_filter_follows_codebook);
  g_test_add_func ("/attributes/sidebar-rows-follow-codebook", test_sidebar_rows_follow_codebook);

  return article_test_run ();
}
