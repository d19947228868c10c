/* test-window-review.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Review in a real window, driven through its actions: the dialog that
 * picks the annotators, the units of the user's own layer and two
 * teammates' files, each disagreement marked in the text by its kind,
 * n and p stepping through them, the list of disagreements and its
 * filters, each annotator's version of the one reached, the review
 * following a change of a layer or its reloading, and leaving review. */

#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "article-test-util.h"
#include "gloss-annotation-file.h"
#include "gloss-inspector.h"
#include "gloss-review-list.h"
#include "gloss-wrap-bin.h"

#include "review-window-test-util.h"

/* Whether the row shown at @index reads @needle. */
static gboolean
row_has (Fixture    *f,
         guint       index,
         const char *needle)
{
  g_autofree char *text = gloss_review_list_describe_shown (review_list (f), index);

  g_assert_nonnull (text);
  return strstr (text, needle) != NULL;
}

/* The unit of the row selected in the list. */
static int
selected_row_unit (Fixture *f)
{
  return gloss_review_list_get_selected_unit (review_list (f));
}

static void
filter (Fixture    *f,
        const char *name,
        guint       position)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (GTK_WIDGET (f->window), name)), position);
  settle ();
}

static void
test_units (Fixture       *f,
            gconstpointer  data)
{
  GlossReview *units;
  const char *figures;
  g_autofree char *claim = NULL;
  GtkTextTagTable *table;

  g_assert_null (gloss_window_get_review (f->window));
  review (f, all_three);

  units = gloss_window_get_review (f->window);
  g_assert_nonnull (units);
  g_assert_cmpuint (gloss_review_get_n_annotators (units), ==, 3);
  g_assert_cmpuint (gloss_review_get_n_units (units), ==, 4);
  g_assert_cmpuint (gloss_review_get_n_disagreements (units), ==, 3);
  g_assert_cmpstr (review_text (f), ==, "Reviewing Test Person, Ben, Cleo — 0 of 3 disagreements settled");
  /* One unit of four agreed, the mean F1 of the pairs and α_U of the
   * three over all tags. */
  wait_for_figures (f);
  figures = gtk_label_get_text (GTK_LABEL (find (GTK_WIDGET (f->window), "review-figures", GTK_TYPE_LABEL)));
  g_assert_true (g_str_has_prefix (figures, "1 of 4 units agreed · F1 lenient 0."));
  g_assert_nonnull (strstr (figures, " · α_U "));
  g_assert_false (g_str_has_suffix (figures, "undefined"));

  /* Each kind its own mark; the agreement none. */
  g_assert_true (marked (f, "gloss-review-boundary", at ("Rivals")));
  g_assert_false (marked (f, "gloss-review-tag", at ("Rivals")));
  g_assert_true (marked (f, "gloss-review-tag", at ("Zenith")));
  g_assert_false (marked (f, "gloss-review-missing", at ("Zenith")));
  g_assert_true (marked (f, "gloss-review-missing", at ("savings")));
  g_assert_false (marked (f, "gloss-review-missing", at ("council")));
  /* The shade of a passage only some marked shows over the tag's own. */
  claim = gloss_text_view_tag_name ("claim");
  table = gtk_text_buffer_get_tag_table (buffer (f));
  g_assert_cmpint (gtk_text_tag_get_priority (gtk_text_tag_table_lookup (table, "gloss-review-missing")), >,
                   gtk_text_tag_get_priority (gtk_text_tag_table_lookup (table, claim)));
  for (guint i = 0; i < 3; i++)
    g_assert_false (marked (f, (const char *[]) { "gloss-review-tag", "gloss-review-boundary",
                                                  "gloss-review-missing" }[i], 0));

  /* Fewer than two annotators is no review. */
  review (f, (const char * const[]) { "ben", NULL });
  g_assert_cmpuint (gloss_review_get_n_annotators (gloss_window_get_review (f->window)), ==, 3);
}

static void
test_step (Fixture       *f,
           gconstpointer  data)
{
  GtkTextIter start;

  review (f, all_three);
  gtk_text_buffer_get_start_iter (buffer (f), &start);
  gtk_text_buffer_place_cursor (buffer (f), &start);

  /* n from the top skips the agreement on Acme Corp. */
  activate (f->window, "win.next-annotation");
  assert_selected (f, at ("Rivals"), end_of ("little,"));
  activate (f->window, "win.next-annotation");
  assert_selected (f, at ("Zenith"), end_of ("Zenith Ltd"));
  activate (f->window, "win.review-next");
  assert_selected (f, at ("savings"), end_of ("million"));
  /* Past the last, the selection stays. */
  activate (f->window, "win.review-next");
  assert_selected (f, at ("savings"), end_of ("million"));

  activate (f->window, "win.previous-annotation");
  assert_selected (f, at ("Zenith"), end_of ("Zenith Ltd"));
  activate (f->window, "win.review-previous");
  assert_selected (f, at ("Rivals"), end_of ("little,"));
}

static void
test_follows_layers (Fixture       *f,
                     gconstpointer  data)
{
  GtkTextIter start;

  review (f, all_three);
  gtk_text_buffer_get_start_iter (buffer (f), &start);
  gtk_text_buffer_place_cursor (buffer (f), &start);
  activate (f->window, "win.next-annotation");
  activate (f->window, "win.next-annotation");

  /* A passage only the user marks is one more disagreement. */
  gloss_layer_annotate (own_layer (f), "claim", at ("council"), end_of ("claims"), NULL);
  settle ();
  g_assert_cmpuint (gloss_review_get_n_disagreements (gloss_window_get_review (f->window)), ==, 4);
  g_assert_true (marked (f, "gloss-review-missing", at ("council")));
  g_assert_cmpstr (review_text (f), ==, "Reviewing Test Person, Ben, Cleo — 0 of 4 disagreements settled");
  /* Zenith Ltd stays the disagreement reached. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named (GTK_WIDGET (f->window), "review-heading"))), ==,
                   "Disagreement 2 of 4: Tag differs");
  g_assert_cmpint (selected_row_unit (f), ==, 2);
}

static gboolean
in_state (Fixture          *f,
          GlossSaveState    state)
{
  return gloss_document_get_save_state (gloss_window_get_document (f->window)) == state;
}

static gboolean
saved (gpointer f)
{
  return in_state (f, GLOSS_SAVE_STATE_SAVED);
}

static gboolean
in_conflict (gpointer f)
{
  return in_state (f, GLOSS_SAVE_STATE_CONFLICT);
}

static void
test_reload (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GFile) article = g_file_new_for_path (f->article);
  g_autoptr(GlossSource) source = gloss_source_new_from_plain_text (article, 0, NULL, NULL);
  g_autoptr(GlossAnnotationFile) elsewhere = gloss_annotation_file_new (source, "test-person", "Test Person");
  g_autoptr(GError) error = NULL;
  GlossReview *units;

  wait_until (saved, f);
  review (f, all_three);

  /* The user's file written elsewhere, with a passage more, and reloaded. */
  annotate (gloss_annotation_file_get_layer (elsewhere), own_passages);
  gloss_layer_annotate (gloss_annotation_file_get_layer (elsewhere), "claim",
                        at ("council"), end_of ("claims"), NULL);
  g_assert_true (gloss_annotation_file_save (elsewhere, GLOSS_SAVE_OVERWRITE, NULL, &error));
  g_assert_no_error (error);
  wait_until (in_conflict, f);
  activate (f->window, "win.reload");

  units = gloss_window_get_review (f->window);
  g_assert_nonnull (units);
  g_assert_true (gloss_review_get_layer (units, 0) == own_layer (f));
  g_assert_cmpuint (gloss_review_get_n_disagreements (units), ==, 4);
}

static void
test_exit (Fixture       *f,
           gconstpointer  data)
{
  GtkTextIter start;
  guint s, e;

  /* Escape deselects the disagreement, then leaves review. */
  review (f, all_three);
  activate (f->window, "win.review-next");
  activate (f->window, "win.deselect");
  g_assert_false (gloss_text_view_get_selection_range (gloss_window_get_text_view (f->window), &s, &e));
  g_assert_nonnull (gloss_window_get_review (f->window));
  activate (f->window, "win.deselect");
  g_assert_null (gloss_window_get_review (f->window));

  review (f, all_three);
  activate (f->window, "win.review-exit");

  g_assert_null (gloss_window_get_review (f->window));
  g_assert_false (marked (f, "gloss-review-boundary", at ("Rivals")));
  g_assert_false (marked (f, "gloss-review-tag", at ("Zenith")));

  /* n steps through the own annotations again. */
  gtk_text_buffer_get_start_iter (buffer (f), &start);
  gtk_text_buffer_place_cursor (buffer (f), &start);
  activate (f->window, "win.next-annotation");
  g_assert_nonnull (gloss_text_view_get_selected (gloss_window_get_text_view (f->window)));
}


static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  /* The sidebar's filter entry, shown with it. */
  GtkWidget *sidebar = named (GTK_WIDGET (f->window), "filter-entry");

  review (f, all_three);
  g_assert_false (gtk_widget_is_visible (sidebar));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (review_list (f))));

  /* The disagreements in text order, each with who said what. */
  g_assert_cmpuint (gloss_review_list_get_n_shown (review_list (f)), ==, 3);
  g_assert_true (row_has (f, 0, "Boundary differs"));
  g_assert_true (row_has (f, 1, "Tag differs"));
  g_assert_true (row_has (f, 1, "Ben: person"));
  g_assert_true (row_has (f, 1, "Cleo: org"));
  g_assert_true (row_has (f, 2, "Missing"));
  g_assert_true (row_has (f, 2, "Cleo: —"));

  /* Missing only, then any kind with Cleo's passages, then tag org. */
  filter (f, "review-kind-filter", 3);
  g_assert_cmpuint (gloss_review_list_get_n_shown (review_list (f)), ==, 1);
  filter (f, "review-kind-filter", 0);
  filter (f, "review-annotator-filter", 3);
  g_assert_cmpuint (gloss_review_list_get_n_shown (review_list (f)), ==, 2);
  filter (f, "review-annotator-filter", 0);
  /* The tags listed are claim, org and person. */
  filter (f, "review-tag-filter", 2);
  g_assert_cmpuint (gloss_review_list_get_n_shown (review_list (f)), ==, 1);
  filter (f, "review-tag-filter", 0);

  /* A row activated is selected in the text; n selects its row. */
  gloss_review_list_activate_shown (review_list (f), 2);
  settle ();
  assert_selected (f, at ("savings"), end_of ("million"));
  activate (f->window, "win.previous-annotation");
  g_assert_cmpint (selected_row_unit (f), ==, 2);

  activate (f->window, "win.review-exit");
  g_assert_true (gtk_widget_is_visible (sidebar));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (review_list (f))));
}


/* The labels of the versions the inspector's place shows: the rows
 * a unit with fewer versions leaves hidden are not shown. */
static GPtrArray *
versions (Fixture *f)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  GPtrArray *found = g_ptr_array_new ();
  GtkWidget *box = named (GTK_WIDGET (f->window), "review-versions");

  g_assert_true (gtk_widget_is_visible (box));
  collect (box, "review-version", GTK_TYPE_LABEL, all);
  for (guint i = 0; i < all->len; i++)
    if (gtk_widget_is_visible (g_ptr_array_index (all, i)))
      g_ptr_array_add (found, g_ptr_array_index (all, i));
  return found;
}

static const char *
version_markup (GPtrArray *labels,
                guint      index)
{
  return gtk_label_get_label (g_ptr_array_index (labels, index));
}

static const char *
version_text (GPtrArray *labels,
              guint      index)
{
  return gtk_label_get_text (g_ptr_array_index (labels, index));
}


static void
test_versions (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) boundary = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  static const char * const user_and_ben[] = { "test-person", "ben", NULL };
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GPtrArray) pair = NULL;
  g_autofree char *span = NULL;
  GtkTextIter start;

  review (f, all_three);
  g_assert_false (gtk_widget_is_visible (find (GTK_WIDGET (f->window), NULL, GLOSS_TYPE_INSPECTOR)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named (GTK_WIDGET (f->window), "review-heading"))), ==,
                   "Choose a disagreement in the list, or with n and p.");
  gtk_text_buffer_get_start_iter (buffer (f), &start);
  gtk_text_buffer_place_cursor (buffer (f), &start);

  /* The rivals' claim: Cleo starts later, so the others' first words
   * are the edge only they have. */
  activate (f->window, "win.next-annotation");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named (GTK_WIDGET (f->window), "review-heading"))), ==,
                   "Disagreement 1 of 3: Boundary differs");
  boundary = versions (f);
  g_assert_cmpuint (boundary->len, ==, 3);
  g_assert_nonnull (strstr (version_text (boundary, 0), "Test Person · Claim"));
  g_assert_nonnull (strstr (version_markup (boundary, 0), "<b><u>Rivals said </u></b>Acme Corp paid"));
  g_assert_nonnull (strstr (version_text (boundary, 1), "Ben · Claim"));
  g_assert_nonnull (strstr (version_text (boundary, 2), "“Acme Corp paid too little,”"));
  span = g_strdup_printf ("characters %u–%u", at ("Acme Corp paid"), end_of ("little,"));
  g_assert_nonnull (strstr (version_text (boundary, 2), span));
  g_clear_pointer (&span, g_free);

  /* Zenith Ltd: one span, two tags, no edge. */
  activate (f->window, "win.next-annotation");
  tags = versions (f);
  g_assert_cmpuint (tags->len, ==, 3);
  g_assert_nonnull (strstr (version_text (tags, 1), "Ben · person"));
  g_assert_nonnull (strstr (version_text (tags, 2), "Cleo · org"));
  span = g_strdup_printf ("characters %u–%u", at ("Zenith"), end_of ("Zenith Ltd"));
  g_assert_nonnull (strstr (version_text (tags, 1), span));
  g_assert_null (strstr (version_markup (tags, 1), "<b>"));

  /* The savings: the user and Cleo marked nothing. */
  activate (f->window, "win.next-annotation");
  missing = versions (f);
  g_assert_cmpuint (missing->len, ==, 3);
  g_assert_nonnull (strstr (version_text (missing, 0), "Test Person marked nothing here"));
  g_assert_nonnull (strstr (version_text (missing, 1), "Ben · Claim"));

  activate (f->window, "win.review-exit");
  g_assert_true (gtk_widget_is_visible (find (GTK_WIDGET (f->window), NULL, GLOSS_TYPE_INSPECTOR)));
  g_assert_false (gtk_widget_is_visible (named (GTK_WIDGET (f->window), "review-versions")));

  /* Two annotators now: their first disagreement shows two versions,
   * one each, not the three rows of before. */
  review (f, user_and_ben);
  gtk_text_buffer_get_start_iter (buffer (f), &start);
  gtk_text_buffer_place_cursor (buffer (f), &start);
  activate (f->window, "win.next-annotation");
  pair = versions (f);
  g_assert_cmpuint (pair->len, ==, 2);
  g_assert_nonnull (strstr (version_text (pair, 0), "Test Person · "));
  g_assert_nonnull (strstr (version_text (pair, 1), "Ben "));
}

/* The user's verdict on Acme Corp, which the others' passages lack, and
 * a relation from the user's claim to it: the agreed unit now differs by
 * its attributes and a relation, and each version says them. */
static void
test_attributes_relations (Fixture       *f,
                           gconstpointer  data)
{
  GlossLayer *own = own_layer (f);
  GlossAnnotation *acme = gloss_layer_find (own, "org", at ("Acme Corp won"), end_of ("Acme Corp"));
  GlossAnnotation *rivals = gloss_layer_find (own, "claim", at ("Rivals"), end_of ("little,"));
  g_autoptr(GPtrArray) acme_versions = NULL;
  g_autoptr(GPtrArray) rivals_versions = NULL;
  GtkTextIter start;

  g_assert_true (gloss_layer_set_attribute (own, acme, "verdict", g_variant_new_string ("false")));
  g_assert_nonnull (gloss_layer_link (own, "about", gloss_annotation_get_id (rivals),
                                      gloss_annotation_get_id (acme), NULL));
  review (f, all_three);
  g_assert_cmpuint (gloss_review_get_n_disagreements (gloss_window_get_review (f->window)), ==, 4);
  g_assert_true (row_has (f, 0, "Attribute differs, Relation differs"));
  g_assert_true (row_has (f, 1, "Boundary differs, Relation differs"));
  /* The kind filter lists the new kinds after the others. */
  filter (f, "review-kind-filter", 4);
  g_assert_cmpuint (gloss_review_list_get_n_shown (review_list (f)), ==, 1);
  filter (f, "review-kind-filter", 5);
  g_assert_cmpuint (gloss_review_list_get_n_shown (review_list (f)), ==, 2);
  filter (f, "review-kind-filter", 0);

  gtk_text_buffer_get_start_iter (buffer (f), &start);
  gtk_text_buffer_place_cursor (buffer (f), &start);
  activate (f->window, "win.next-annotation");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named (GTK_WIDGET (f->window), "review-heading"))), ==,
                   "Disagreement 1 of 4: Attribute differs, Relation differs");
  acme_versions = versions (f);
  g_assert_nonnull (strstr (version_text (acme_versions, 0), "Verdict: False"));
  g_assert_nonnull (strstr (version_text (acme_versions, 0), "About ← “Rivals said Acme Corp paid too little,” (not shared)"));
  g_assert_null (strstr (version_text (acme_versions, 1), "Verdict"));

  activate (f->window, "win.next-annotation");
  rivals_versions = versions (f);
  g_assert_nonnull (strstr (version_text (rivals_versions, 0), "About → “Acme Corp” (not shared)"));
  g_assert_null (strstr (version_text (rivals_versions, 1), "About"));
}

/* The review bar's figures. */
static const char *
figures_text (Fixture *f)
{
  return gtk_label_get_text (GTK_LABEL (named (GTK_WIDGET (f->window), "review-figures")));
}

static gboolean
no_attributes_part (gpointer f)
{
  return strstr (figures_text (f), "F1") != NULL && strstr (figures_text (f), "attributes") == NULL;
}

/* Ben's file: his passages, the rivals' claim about Acme Corp and, with
 * @savings_link, the savings too; unless @rivals is NULL, verdicts on
 * Acme Corp (true), the rivals' claim (@rivals) and the savings (false). */
static void
write_ben_relational (Fixture    *f,
                      const char *rivals,
                      gboolean    savings_link)
{
  g_autoptr(GFile) article = g_file_new_for_path (f->article);
  g_autoptr(GlossSource) source = gloss_source_new_from_plain_text (article, 0, NULL, NULL);
  g_autoptr(GlossAnnotationFile) ben = gloss_annotation_file_new (source, "ben", "Ben");
  GlossLayer *layer = gloss_annotation_file_get_layer (ben);
  GlossAnnotation *acme, *claim, *savings;
  g_autoptr(GError) error = NULL;

  annotate (layer, ben_passages);
  acme = gloss_layer_find (layer, "org", at ("Acme Corp won"), end_of ("Acme Corp"));
  claim = gloss_layer_find (layer, "claim", at ("Rivals"), end_of ("little,"));
  savings = gloss_layer_find (layer, "claim", at ("savings"), end_of ("million"));
  if (rivals != NULL)
    {
      g_assert_true (gloss_layer_set_attribute (layer, acme, "verdict", g_variant_new_string ("true")));
      g_assert_true (gloss_layer_set_attribute (layer, claim, "verdict", g_variant_new_string (rivals)));
      g_assert_true (gloss_layer_set_attribute (layer, savings, "verdict", g_variant_new_string ("false")));
    }
  g_assert_nonnull (gloss_layer_link (layer, "about", gloss_annotation_get_id (claim),
                                      gloss_annotation_get_id (acme), NULL));
  if (savings_link)
    g_assert_nonnull (gloss_layer_link (layer, "about", gloss_annotation_get_id (savings),
                                        gloss_annotation_get_id (acme), NULL));
  g_assert_true (gloss_annotation_file_save (ben, GLOSS_SAVE_OVERWRITE, NULL, &error));
  g_assert_no_error (error);
}

/* The user marks the savings too, gives Acme Corp, the rivals' claim
 * and the savings the verdicts true, false and false and links the claim
 * to Acme Corp; Ben's file has his verdicts, the claim's true, and both
 * his links. */
static void
give_verdicts (Fixture *f)
{
  GlossLayer *own = own_layer (f);
  GlossAnnotation *acme = gloss_layer_find (own, "org", at ("Acme Corp won"), end_of ("Acme Corp"));
  GlossAnnotation *claim = gloss_layer_find (own, "claim", at ("Rivals"), end_of ("little,"));
  GlossAnnotation *savings = gloss_layer_annotate (own, "claim", at ("savings"), end_of ("million"), NULL);

  g_assert_true (gloss_layer_set_attribute (own, acme, "verdict", g_variant_new_string ("true")));
  g_assert_true (gloss_layer_set_attribute (own, claim, "verdict", g_variant_new_string ("false")));
  g_assert_true (gloss_layer_set_attribute (own, savings, "verdict", g_variant_new_string ("false")));
  g_assert_nonnull (gloss_layer_link (own, "about", gloss_annotation_get_id (claim),
                                      gloss_annotation_get_id (acme), NULL));
  write_ben_relational (f, "true", TRUE);
}

typedef struct
{
  Fixture *f;
  const char *suffix;
} Awaited;

static gboolean
figures_end_with (gpointer data)
{
  Awaited *awaited = data;

  return g_str_has_suffix (figures_text (awaited->f), awaited->suffix);
}

/* Waits until the figures, measured in a thread once the files are read
 * again, end with @suffix. */
static void
wait_for_suffix (Fixture    *f,
                 const char *suffix)
{
  Awaited awaited = { f, suffix };

  wait_until (figures_end_with, &awaited);
}

/* The header measures the attributes and relations of the layers
 * compared.  The user and Ben both mark Acme Corp, the rivals' claim and
 * the savings, with verdicts (true, true), (false, true), (false, false):
 * α nominal with n = 6, three values of each, one unit disagreeing, is
 * 1 − (2/6) / (18/30) = 0.44; both link the claim to Acme Corp, Ben the
 * savings too: F1 = 2 × 1 / (1 + 2) = 0.67.  Ben's file then changes on
 * disk, agreeing fully, and the header follows.  A part is left out when
 * the layers have nothing of it, and undefined when nothing is pairable. */
static void
test_relational_figures (Fixture       *f,
                         gconstpointer  data)
{
  static const char * const user_and_ben[] = { "test-person", "ben", NULL };
  static const char * const user_and_cleo[] = { "test-person", "cleo", NULL };
  static const char * const ben_and_cleo[] = { "ben", "cleo", NULL };

  /* Nothing of either yet. */
  review (f, user_and_ben);
  wait_for_figures (f);
  g_assert_true (g_str_has_prefix (figures_text (f), "2 of 4 units agreed · F1 lenient "));
  g_assert_null (strstr (figures_text (f), "attributes"));
  g_assert_null (strstr (figures_text (f), "relations"));
  activate (f->window, "win.review-exit");

  give_verdicts (f);
  review (f, user_and_ben);
  wait_for_suffix (f, " · attributes α 0.44 · relations F1 0.67");
  /* Every unit but Zenith Ltd's tag differs by its attributes or relations. */
  g_assert_true (g_str_has_prefix (figures_text (f), "0 of 4 units agreed · F1 lenient "));

  /* Ben now gives the claim the user's verdict and drops the savings' link. */
  write_ben_relational (f, "false", FALSE);
  wait_for_suffix (f, " · attributes α 1.00 · relations F1 1.00");
  g_assert_true (g_str_has_prefix (figures_text (f), "3 of 4 units agreed · F1 lenient "));

  /* Cleo has neither: the user's verdict on Acme Corp has no pair, and
   * the user's relation is the user's alone. */
  review (f, user_and_cleo);
  wait_for_figures (f);
  g_assert_true (g_str_has_suffix (figures_text (f), " · attributes α undefined · relations F1 0.00"));

  /* Ben's verdicts gone from his file: only the relations' part is left. */
  review (f, ben_and_cleo);
  wait_for_figures (f);
  g_assert_true (g_str_has_suffix (figures_text (f), " · attributes α undefined · relations F1 0.00"));
  write_ben_relational (f, NULL, FALSE);
  wait_until (no_attributes_part, f);
  g_assert_true (g_str_has_suffix (figures_text (f), " · relations F1 0.00"));
}

/* Counts the figures shown while they are measured. */
static void
count_measuring (guint      *count,
                 GParamSpec *pspec,
                 GtkLabel   *label)
{
  if (g_str_has_suffix (gtk_label_get_label (label), "measuring…"))
    (*count)++;
}

/* The header follows what the layers compared say of their passages
 * while the window reviews: the user links the savings to Acme Corp as
 * Ben does (relations F1 2 × 2 / (2 + 2) = 1.00) and gives the rivals'
 * claim Ben's verdict (every pair of values alike: α 1.00), both in one
 * step; the units and figures are gathered again once the step is done,
 * and again when one undo takes both back. */
static void
test_relational_refresh (Fixture       *f,
                         gconstpointer  data)
{
  static const char * const user_and_ben[] = { "test-person", "ben", NULL };
  GlossLayer *own = own_layer (f);
  GlossAnnotation *acme = gloss_layer_find (own, "org", at ("Acme Corp won"), end_of ("Acme Corp"));
  GlossAnnotation *claim = gloss_layer_find (own, "claim", at ("Rivals"), end_of ("little,"));
  GlossAnnotation *savings;
  guint measuring = 0;

  give_verdicts (f);
  savings = gloss_layer_find (own, "claim", at ("savings"), end_of ("million"));
  review (f, user_and_ben);
  wait_for_suffix (f, " · attributes α 0.44 · relations F1 0.67");

  /* A relation alone. */
  g_assert_nonnull (gloss_layer_link (own, "about", gloss_annotation_get_id (savings),
                                      gloss_annotation_get_id (acme), NULL));
  wait_for_suffix (f, " · attributes α 0.44 · relations F1 1.00");
  g_assert_true (gloss_layer_undo (own));
  wait_for_suffix (f, " · attributes α 0.44 · relations F1 0.67");

  /* An attribute alone. */
  g_assert_true (gloss_layer_set_attribute (own, claim, "verdict", g_variant_new_string ("true")));
  wait_for_suffix (f, " · attributes α 1.00 · relations F1 0.67");
  g_assert_true (gloss_layer_undo (own));
  wait_for_suffix (f, " · attributes α 0.44 · relations F1 0.67");

  /* Both in one step, gathered once after it: nothing is measured
   * while the step goes on, then once. */
  g_signal_connect_swapped (named (GTK_WIDGET (f->window), "review-figures"), "notify::label",
                            G_CALLBACK (count_measuring), &measuring);
  gloss_layer_begin_group (own);
  g_assert_nonnull (gloss_layer_link (own, "about", gloss_annotation_get_id (savings),
                                      gloss_annotation_get_id (acme), NULL));
  g_assert_true (gloss_layer_set_attribute (own, claim, "verdict", g_variant_new_string ("true")));
  gloss_layer_end_group (own);
  g_assert_cmpuint (measuring, ==, 0);
  wait_for_suffix (f, " · attributes α 1.00 · relations F1 1.00");
  g_assert_true (g_str_has_prefix (figures_text (f), "3 of 4 units agreed · F1 lenient "));
  g_assert_cmpuint (measuring, ==, 1);

  /* One undo takes both back, measured once. */
  g_assert_true (gloss_layer_undo (own));
  g_assert_cmpuint (measuring, ==, 1);
  wait_for_suffix (f, " · attributes α 0.44 · relations F1 0.67");
  g_assert_true (g_str_has_prefix (figures_text (f), "0 of 4 units agreed · F1 lenient "));
  g_assert_cmpuint (measuring, ==, 2);
  g_signal_handlers_disconnect_by_func (named (GTK_WIDGET (f->window), "review-figures"), count_measuring,
                                        &measuring);
}

/* The dialog opened by win.review. */
static GtkWidget *
review_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (window), "review-dialog") == 0)
        return window;
    }
  return NULL;
}


static void
test_dialog (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  GtkWidget *dialog, *ok;

  activate (f->window, "win.review");
  dialog = review_dialog ();
  g_assert_nonnull (dialog);
  collect (dialog, NULL, GTK_TYPE_CHECK_BUTTON, checks);
  g_assert_cmpuint (checks->len, ==, 3);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_check_button_get_child (g_ptr_array_index (checks, 0)))), ==,
                   "● Test Person (your layer)");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_check_button_get_child (g_ptr_array_index (checks, 1)))), ==,
                   "● Ben");
  ok = gtk_window_get_default_widget (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_get_sensitive (ok));

  /* One annotator is not enough to compare. */
  gtk_check_button_set_active (g_ptr_array_index (checks, 0), FALSE);
  gtk_check_button_set_active (g_ptr_array_index (checks, 1), FALSE);
  g_assert_false (gtk_widget_get_sensitive (ok));

  /* Ben and Cleo, without the user's own layer. */
  gtk_check_button_set_active (g_ptr_array_index (checks, 1), TRUE);
  g_signal_emit_by_name (ok, "clicked");
  settle ();
  g_assert_null (review_dialog ());
  g_assert_cmpuint (gloss_review_get_n_annotators (gloss_window_get_review (f->window)), ==, 2);
  g_assert_cmpstr (review_text (f), ==, "Reviewing Ben, Cleo — 0 of 3 disagreements settled");
}

/* The box the versions' wrapped labels sit in tells the same width
 * whatever height it is asked about, and grows taller as it narrows: a
 * label asked its width for a height would try one width after another.
 * Asked a height for no width, it gives the one at the width it has. */
static void
test_wrap_bin (void)
{
  GtkWidget *label = g_object_ref_sink (gtk_label_new ("Claim, characters 12006–12075: the quote of a version, long enough to wrap "
                                    "over several lines of a narrow pane, with its edges shown."));
  GtkWidget *bin = g_object_ref_sink (gloss_wrap_bin_new ());
  int min_free, nat_free, min_short, nat_short, tall, short_height, unused, min_any, nat_any;

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gloss_wrap_bin_set_child (GLOSS_WRAP_BIN (bin), label);
  g_assert_true (gloss_wrap_bin_get_child (GLOSS_WRAP_BIN (bin)) == label);
  g_assert_cmpint (gtk_widget_get_request_mode (bin), ==, GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH);

  gtk_widget_measure (bin, GTK_ORIENTATION_HORIZONTAL, -1, &min_free, &nat_free, NULL, NULL);
  gtk_widget_measure (bin, GTK_ORIENTATION_HORIZONTAL, 12, &min_short, &nat_short, NULL, NULL);
  g_assert_cmpint (min_short, ==, min_free);
  g_assert_cmpint (nat_short, ==, nat_free);
  g_assert_cmpint (min_free, <, nat_free);

  gtk_widget_measure (bin, GTK_ORIENTATION_VERTICAL, min_free, &tall, &unused, NULL, NULL);
  gtk_widget_measure (bin, GTK_ORIENTATION_VERTICAL, nat_free, &short_height, &unused, NULL, NULL);
  g_assert_cmpint (tall, >, short_height);

  /* Asked for a height without a width, once it has one (and its text
   * has changed, which has GTK measure it again): the height at that
   * width, not at the text's natural width. */
  gtk_widget_allocate (bin, min_free, tall, -1, NULL);
  gtk_label_set_text (GTK_LABEL (label), "Claim, characters 12006–12076: the quote of a version, long enough to wrap "
                      "over several lines of a narrow pane, with its edges shown.");
  gtk_widget_measure (bin, GTK_ORIENTATION_VERTICAL, -1, &min_any, &nat_any, NULL, NULL);
  g_assert_cmpint (min_any, ==, tall);
  g_assert_cmpint (nat_any, ==, tall);

  gloss_wrap_bin_set_child (GLOSS_WRAP_BIN (bin), NULL);
  g_assert_null (gtk_widget_get_parent (label));
  g_object_unref (label);
  g_object_unref (bin);
}

int
main (int    argc,
      char **argv)
{
  article_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/review/units", test_units);
  ADD ("/review/step", test_step);
  ADD ("/review/list", test_list);
  ADD ("/review/versions", test_versions);
  ADD ("/review/attributes-relations", test_attributes_relations);
  ADD ("/review/relational-figures", test_relational_figures);
  ADD ("/review/relational-refresh", test_relational_refresh);
  ADD ("/review/follows-layers", test_follows_layers);
  ADD ("/review/reload", test_reload);
  ADD ("/review/exit", test_exit);
  ADD ("/review/dialog", test_dialog);
  g_test_add_func ("/review/wrap-bin", test_wrap_bin);

#undef ADD

  return article_test_run ();
}
