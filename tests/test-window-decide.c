/* test-window-decide.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Deciding in review, in a real window driven through the actions its
 * keys and buttons activate: three annotators' layers, every
 * disagreement settled in turn (a version accepted, one edited, one
 * rejected, every version of one accepted), the agreements taken in one
 * step, the consensus file read back from disk with each passage's
 * provenance while the annotators' own files are left as they were,
 * undo and redo of a decision, a teammate's file changed on disk in the
 * middle of a review, and a teammate's layer with an orphaned passage. */

#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "gloss-annotation-file.h"
#include "gloss-consensus.h"
#include "review-window-test-util.h"

static GlossDocument *
document (Fixture *f)
{
  return gloss_window_get_document (f->window);
}

static GlossLayer *
consensus (Fixture *f)
{
  return gloss_document_get_consensus_layer (document (f));
}

static guint
n_consensus (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (consensus (f)));
}

/* A number key in the text: tags, or in review accepts a version. */
static void
press_number (Fixture *f,
              int      key)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tag-key", "i", key));
  settle ();
}

static void
from_top (Fixture *f)
{
  GtkTextIter start;

  gtk_text_buffer_get_start_iter (buffer (f), &start);
  gtk_text_buffer_place_cursor (buffer (f), &start);
}

static char *
file_path (Fixture    *f,
           const char *annotator)
{
  return g_strdup_printf ("%s.%s.gloss.json", f->article, annotator);
}

static char *
contents_of (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* The consensus passage of @tag on [@start, @end), or NULL. */
static GlossAnnotation *
held (GlossLayer *layer,
      const char *tag,
      guint       start,
      guint       end)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (layer)); i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (G_LIST_MODEL (layer), i);

      if (g_strcmp0 (gloss_annotation_get_tag (a), tag) == 0 &&
          gloss_annotation_get_start (a) == start && gloss_annotation_get_end (a) == end)
        return a;
    }
  return NULL;
}

/* Whether @a came @how from exactly the annotators @from, settled by the
 * user. */
static void
assert_source (GlossAnnotation    *a,
               GlossConsensusHow   how,
               const char * const *from)
{
  g_auto(GlossConsensusSource) source = { 0 };

  g_assert_nonnull (a);
  g_assert_true (gloss_consensus_get_source (a, &source));
  g_assert_cmpint (source.how, ==, how);
  g_assert_cmpstr (source.by, ==, "test-person");
  g_assert_nonnull (source.at);
  g_assert_cmpuint (g_strv_length (source.from), ==, g_strv_length ((char **) from));
  for (guint i = 0; from[i] != NULL; i++)
    g_assert_true (g_strv_contains ((const char * const *) source.from, from[i]));
}

static const char *
consensus_text (Fixture *f)
{
  return gtk_label_get_text (GTK_LABEL (named (GTK_WIDGET (f->window), "review-consensus")));
}

/* The done-when path: every disagreement of three annotators settled
 * with the keyboard, and the consensus file right on disk. */
static void
test_settle_all (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *ben_path = file_path (f, "ben");
  g_autofree char *cleo_path = file_path (f, "cleo");
  g_autofree char *ben_before = contents_of (ben_path);
  g_autofree char *cleo_before = contents_of (cleo_path);
  g_autofree char *ben_after = NULL;
  g_autofree char *cleo_after = NULL;
  g_autofree char *consensus_path = file_path (f, GLOSS_CONSENSUS_ANNOTATOR);
  g_autoptr(GFile) consensus_file = g_file_new_for_path (consensus_path);
  g_autoptr(GlossAnnotationFile) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  GlossTag *first = gloss_codebook_get_tag (gloss_document_get_codebook (document (f)), 0);
  GlossLayer *read_back;
  GlossAnnotation *rejection = NULL;
  guint own_count = g_list_model_get_n_items (G_LIST_MODEL (own_layer (f)));

  review (f, all_three);
  g_assert_nonnull (consensus (f));
  g_assert_cmpuint (n_consensus (f), ==, 0);
  g_assert_cmpstr (review_text (f), ==, "Reviewing Test Person, Ben, Cleo — 0 of 3 disagreements settled");
  /* Copy to My Layer is for annotating, not reviewing: with Ben's
   * passage selected, it is enabled only out of review. */
  g_assert_true (window_action_enabled (f->window, "win.review-accept-agreements"));

  /* Acme Corp, agreed by all three, in one step. */
  activate (f->window, "win.review-accept-agreements");
  g_assert_cmpuint (n_consensus (f), ==, 1);
  assert_source (held (consensus (f), "org", at ("Acme Corp won"), end_of ("Acme Corp")),
                 GLOSS_CONSENSUS_AGREED, all_three);
  g_assert_cmpstr (gloss_window_get_banner_text (f->window), ==, "Took 1 agreed passage into the consensus.");

  /* The rivals' claim: 2 accepts Ben's version, which the user's is too;
   * the window moves on to Zenith Ltd. */
  from_top (f);
  activate (f->window, "win.next-annotation");
  assert_selected (f, at ("Rivals"), end_of ("little,"));
  press_number (f, 2);
  assert_source (held (consensus (f), "claim", at ("Rivals"), end_of ("little,")),
                 GLOSS_CONSENSUS_ACCEPTED, (const char * const[]) { "test-person", "ben", NULL });
  g_assert_cmpstr (review_text (f), ==, "Reviewing Test Person, Ben, Cleo — 1 of 3 disagreements settled");
  assert_selected (f, at ("Zenith"), end_of ("Zenith Ltd"));

  /* Zenith Ltd: e edits the user's version, e again Ben's; the span
   * narrowed to "Zenith" in the text, 1 the codebook's first tag, Enter. */
  activate (f->window, "win.review-edit");
  activate (f->window, "win.review-edit");
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (named (GTK_WIDGET (f->window), "review-edit"))),
                                   "Editing the version of Ben: person"));
  gloss_text_view_select_range (gloss_window_get_text_view (f->window), at ("Zenith"), end_of ("Zenith"));
  press_number (f, 1);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (named (GTK_WIDGET (f->window), "review-edit"))),
                            gloss_tag_get_label (first)));
  activate (f->window, "win.review-accept-edit");
  assert_source (held (consensus (f), gloss_tag_get_id (first), at ("Zenith"), end_of ("Zenith")),
                 GLOSS_CONSENSUS_EDITED, (const char * const[]) { "ben", NULL });
  assert_selected (f, at ("savings"), end_of ("million"));

  /* The savings, Ben's alone: r rejects them. */
  activate (f->window, "win.review-reject");
  g_assert_cmpstr (review_text (f), ==, "Reviewing Test Person, Ben, Cleo — 3 of 3 disagreements settled");
  g_assert_true (g_str_has_prefix (consensus_text (f), "Consensus\nRejected by Test Person"));
  g_assert_cmpuint (n_consensus (f), ==, 4);

  /* The list: each row settled, none left unsettled. */
  g_assert_cmpuint (gloss_review_list_get_n_shown (review_list (f)), ==, 3);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (named (GTK_WIDGET (f->window), "review-unsettled-filter")), TRUE);
  settle ();
  g_assert_cmpuint (gloss_review_list_get_n_shown (review_list (f)), ==, 0);

  /* Saved as closing saves, and read back from disk. */
  g_assert_true (gloss_document_save (document (f), &error));
  g_assert_no_error (error);
  on_disk = gloss_annotation_file_load (consensus_file, GLOSS_LOAD_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_layer_get_annotator_id (gloss_annotation_file_get_layer (on_disk)), ==, GLOSS_CONSENSUS_ANNOTATOR);
  read_back = gloss_annotation_file_get_layer (on_disk);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (read_back)), ==, 4);
  assert_source (held (read_back, "org", at ("Acme Corp won"), end_of ("Acme Corp")),
                 GLOSS_CONSENSUS_AGREED, all_three);
  assert_source (held (read_back, "claim", at ("Rivals"), end_of ("little,")),
                 GLOSS_CONSENSUS_ACCEPTED, (const char * const[]) { "test-person", "ben", NULL });
  assert_source (held (read_back, gloss_tag_get_id (first), at ("Zenith"), end_of ("Zenith")),
                 GLOSS_CONSENSUS_EDITED, (const char * const[]) { "ben", NULL });
  rejection = held (read_back, GLOSS_CONSENSUS_REJECTED_TAG, at ("savings"), end_of ("million"));
  assert_source (rejection, GLOSS_CONSENSUS_REJECTED, (const char * const[]) { "ben", NULL });

  /* Nobody's own work was touched. */
  ben_after = contents_of (ben_path);
  cleo_after = contents_of (cleo_path);
  g_assert_cmpstr (ben_after, ==, ben_before);
  g_assert_cmpstr (cleo_after, ==, cleo_before);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (own_layer (f))), ==, own_count);
}

/* a takes every version of Zenith Ltd; undo takes them back, redo again;
 * the user's own layer is not what undo goes through in review. */
static void
test_accept_all_undo (Fixture       *f,
                      gconstpointer  data)
{
  guint own_count = g_list_model_get_n_items (G_LIST_MODEL (own_layer (f)));

  review (f, all_three);
  from_top (f);
  activate (f->window, "win.next-annotation");
  activate (f->window, "win.next-annotation");
  assert_selected (f, at ("Zenith"), end_of ("Zenith Ltd"));

  activate (f->window, "win.review-accept-all");
  g_assert_cmpuint (n_consensus (f), ==, 2);
  g_assert_nonnull (held (consensus (f), "org", at ("Zenith"), end_of ("Zenith Ltd")));
  g_assert_nonnull (held (consensus (f), "person", at ("Zenith"), end_of ("Zenith Ltd")));
  g_assert_cmpstr (review_text (f), ==, "Reviewing Test Person, Ben, Cleo — 1 of 3 disagreements settled");

  activate (f->window, "win.undo");
  g_assert_cmpuint (n_consensus (f), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (own_layer (f))), ==, own_count);
  g_assert_cmpstr (review_text (f), ==, "Reviewing Test Person, Ben, Cleo — 0 of 3 disagreements settled");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (named (GTK_WIDGET (f->window), "review-unsettled-filter")), TRUE);
  settle ();
  g_assert_cmpuint (gloss_review_list_get_n_shown (review_list (f)), ==, 3);

  activate (f->window, "win.redo");
  g_assert_cmpuint (n_consensus (f), ==, 2);
  g_assert_cmpuint (gloss_review_list_get_n_shown (review_list (f)), ==, 2);

  /* Out of review, undo is the own layer's again. */
  activate (f->window, "win.review-exit");
  gloss_layer_annotate (own_layer (f), "claim", at ("council"), end_of ("claims"), NULL);
  activate (f->window, "win.undo");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (own_layer (f))), ==, own_count);
  g_assert_cmpuint (n_consensus (f), ==, 2);
}

/* Escape gives an edit up and nothing is decided; a decision on a unit
 * with none reached rings the bell and decides nothing. */
static void
test_edit_escape (Fixture       *f,
                  gconstpointer  data)
{
  review (f, all_three);
  g_assert_false (window_action_enabled (f->window, "win.review-accept-all"));
  g_assert_false (window_action_enabled (f->window, "win.review-accept-edit"));
  from_top (f);
  activate (f->window, "win.next-annotation");
  g_assert_true (window_action_enabled (f->window, "win.review-accept-all"));
  activate (f->window, "win.review-edit");
  g_assert_true (window_action_enabled (f->window, "win.review-accept-edit"));
  g_assert_true (gtk_widget_get_visible (named (GTK_WIDGET (f->window), "review-edit")));
  activate (f->window, "win.deselect");
  g_assert_false (gtk_widget_get_visible (named (GTK_WIDGET (f->window), "review-edit")));
  g_assert_nonnull (gloss_window_get_review (f->window));
  assert_selected (f, at ("Rivals"), end_of ("little,"));
  g_assert_cmpuint (n_consensus (f), ==, 0);
}

static gboolean
two_disagreements (gpointer data)
{
  Fixture *f = data;
  GlossReview *units = gloss_window_get_review (f->window);

  return units != NULL && gloss_review_get_n_disagreements (units) == 2;
}

/* Ben's file rewritten on disk mid-review (a sync, a pull): the review
 * compares his new layer, the header follows, the decision made stays. */
static void
test_teammate_changed (Fixture       *f,
                       gconstpointer  data)
{
  static const Passage ben_now[] = {
    { "org", "Acme Corp won", "Acme Corp" },
    { "claim", "Rivals", "little," },
    { "org", "Zenith", "Zenith Ltd" },
    { "claim", "savings", "million" },
    { NULL },
  };
  const char *figures_before;
  g_autofree char *figures = NULL;

  review (f, all_three);
  from_top (f);
  activate (f->window, "win.next-annotation");
  press_number (f, 1);
  g_assert_cmpuint (n_consensus (f), ==, 1);
  wait_for_figures (f);
  figures_before = gtk_label_get_text (GTK_LABEL (named (GTK_WIDGET (f->window), "review-figures")));
  figures = g_strdup (figures_before);

  /* Ben now calls Zenith Ltd an org, as the others do. */
  write_teammate (f, "ben", "Ben", ben_now);
  wait_until (two_disagreements, f);
  wait_for_figures (f);

  g_assert_cmpstr (review_text (f), ==, "Reviewing Test Person, Ben, Cleo — 1 of 2 disagreements settled");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named (GTK_WIDGET (f->window), "review-figures"))), !=,
                   figures);
  g_assert_cmpuint (n_consensus (f), ==, 1);
  g_assert_true (gloss_review_is_settled (gloss_window_get_review (f->window),
                                          gloss_review_find_disagreement (gloss_window_get_review (f->window),
                                                                          at ("Rivals"), FALSE, TRUE)));
}

/* Ben's file holds a passage the article no longer has: it is orphaned,
 * in no unit, never taken into the consensus; the rest is reviewed. */
static void
test_orphans (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *contents = contents_of (f->article);
  g_autofree char *longer = g_strconcat (contents, "Omega Inc left.\n", NULL);
  g_autoptr(GFile) article = g_file_new_for_path (f->article);
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GlossAnnotationFile) theirs = NULL;
  g_autoptr(GError) error = NULL;
  GlossReview *units;
  GlossLayer *ben;
  guint orphans = 0;

  /* Ben's file written against a longer article, with a passage on what
   * was added; then the article as it is. */
  g_assert_true (g_file_set_contents (f->article, longer, -1, &error));
  source = gloss_source_new_from_plain_text (article, 0, NULL, &error);
  g_assert_no_error (error);
  theirs = gloss_annotation_file_new (source, "ben", "Ben");
  annotate (gloss_annotation_file_get_layer (theirs), ben_passages);
  g_assert_nonnull (gloss_layer_annotate (gloss_annotation_file_get_layer (theirs), "org",
                                          strlen (contents), strlen (contents) + strlen ("Omega Inc"), NULL));
  g_assert_true (gloss_annotation_file_save (theirs, GLOSS_SAVE_OVERWRITE, NULL, &error));
  g_assert_true (g_file_set_contents (f->article, contents, -1, &error));
  g_assert_no_error (error);

  review (f, all_three);
  units = gloss_window_get_review (f->window);
  ben = gloss_review_get_layer (units, 1);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (ben)); i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (G_LIST_MODEL (ben), i);

      if (gloss_annotation_get_status (a) == GLOSS_ANCHOR_ORPHANED)
        {
          orphans++;
          g_assert_cmpint (gloss_review_find_unit (units, a), ==, -1);
        }
    }
  g_assert_cmpuint (orphans, ==, 1);
  g_assert_cmpuint (gloss_review_get_n_disagreements (units), ==, 3);
  g_assert_cmpuint (gloss_review_list_get_n_shown (review_list (f)), ==, 3);

  activate (f->window, "win.review-accept-agreements");
  g_assert_cmpuint (n_consensus (f), ==, 1);
  g_assert_null (held (consensus (f), "org", at ("Acme Corp won"), at ("Acme Corp won")));
  for (guint i = 0; i < n_consensus (f); i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (G_LIST_MODEL (consensus (f)), i);

      g_assert_cmpstr (gloss_annotation_get_quote (a), !=, "Omega Inc");
    }
}

int
main (int    argc,
      char **argv)
{
  article_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/decide/settle-all", test_settle_all);
  ADD ("/decide/accept-all-undo", test_accept_all_undo);
  ADD ("/decide/edit-escape", test_edit_escape);
  ADD ("/decide/teammate-changed", test_teammate_changed);
  ADD ("/decide/orphans", test_orphans);

#undef ADD

  return article_test_run ();
}
