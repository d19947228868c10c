/* test-window-attributes.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Attributes in a real window, driven as a person would: the inspector's
 * attributes made again at once when the codebook dialog saves another
 * attribute, value or none. */

#include "config.h"

#include <string.h>

#include "article-test-util.h"
#include "gloss-codebook-dialog.h"

#define ARTICLE \
  "Acme Corp won the contract.\n" \
  "\n" \
  "The council claims savings of 4 million, said Zenith Ltd.\n"

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

int
main (int   argc,
      char *argv[])
{
  article_test_init (&argc, &argv);

  g_test_add_func ("/attributes/inspector-follows-codebook", test_inspector_follows_codebook);

  return article_test_run ();
}
