/* test-window-concordance.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The concordance of a folder in a real window, driven through its
 * action and the dialog's widgets: a phrase with accents across three
 * articles (exact offsets, whole words, matching case), sorting by a
 * column, a search replaced by a new one, a tag's passages of every
 * annotator and of one, the rows exported as CSV and read back (and an
 * article refused as the destination), a row opening its article in
 * the window with the passage selected, and Tag All in Corpus with its
 * Undo: files written and created, a passage tagged already skipped, a
 * file changed on disk since the search left alone and named, and the
 * article open in the window tagged through its layer; and the folder's
 * statistics, counted in a worker thread and drawn. */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "article-test-util.h"
#include "file-test-util.h"
#include "gloss-annotation-file.h"
#include "gloss-concordance-item.h"
#include "gloss-tag-count-item.h"

typedef struct
{
  char *dir;
  GlossWindow *window;
  GlossConcordanceDialog *dialog;
} Fixture;

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

/* Writes @annotator's file on @article with a "company" passage on
 * [@start, @end). */
static void
annotate (Fixture    *f,
          const char *article,
          const char *annotator,
          guint       start,
          guint       end)
{
  g_autofree char *path = path_in (f, article);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossSource) source = gloss_source_new_from_plain_text (file, 0, NULL, NULL);
  g_autoptr(GlossAnnotationFile) annotations = gloss_annotation_file_new (source, annotator, annotator);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (gloss_layer_annotate (gloss_annotation_file_get_layer (annotations), "company",
                                          start, end, NULL));
  g_assert_true (gloss_annotation_file_save (annotations, GLOSS_SAVE_OVERWRITE, NULL, &error));
  g_assert_no_error (error);
}

static gboolean
scanned (gpointer data)
{
  Fixture *f = data;

  return !gloss_corpus_view_is_scanning (gloss_window_get_corpus_view (f->window));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sub = NULL;
  g_autoptr(GFile) folder = NULL;

  f->dir = g_dir_make_tmp ("gloss-concordance-window-XXXXXX", &error);
  g_assert_no_error (error);
  sub = path_in (f, "sub");
  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  write_file_under (f->dir, "a.txt", "L’État paie. Les états généraux.\n");
  write_file_under (f->dir, "b.txt", "Étatisme et État.\n");
  write_file_under (f->dir, "sub/c.txt", "=Un état.\n");
  /* "paie" (7 to 11) by the user and Ben, "État" of b.txt (12 to 16) by
   * Ben only. */
  annotate (f, "a.txt", "test-person", 7, 11);
  annotate (f, "a.txt", "ben", 7, 11);
  annotate (f, "b.txt", "ben", 12, 16);

  f->window = gloss_window_new (test_application ());
  gtk_window_present (GTK_WINDOW (f->window));
  folder = g_file_new_for_path (f->dir);
  gloss_window_open_folder (f->window, folder);
  wait_until (scanned, f);

  g_assert_null (gloss_window_get_concordance (f->window));
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), "win.concordance", NULL));
  settle ();
  f->dialog = gloss_window_get_concordance (f->window);
  g_assert_nonnull (f->dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->dialog)));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  close_window (f->window);
  delete_tree (f->dir);
  g_free (f->dir);
}

static GtkWidget *
part (Fixture    *f,
      const char *name)
{
  GtkWidget *widget = find_named (GTK_WIDGET (f->dialog), name);

  g_assert_nonnull (widget);
  return widget;
}

static gboolean
searched (gpointer data)
{
  Fixture *f = data;

  return !gloss_concordance_dialog_is_searching (f->dialog);
}

/* Searches for @phrase as a person would: the entry, the two check
 * buttons, then Search. */
static void
search_phrase (Fixture    *f,
               const char *phrase,
               gboolean    match_case,
               gboolean    whole_words)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (part (f, "concordance-kind")), 0);
  gtk_editable_set_text (GTK_EDITABLE (part (f, "concordance-phrase")), phrase);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (part (f, "concordance-match-case")), match_case);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (part (f, "concordance-whole-words")), whole_words);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->dialog), "concordance.search", NULL));
  wait_until (searched, f);
  settle ();
}

static GlossConcordanceItem *
row_at (Fixture *f,
        guint    i)
{
  GListModel *rows = gloss_concordance_dialog_get_rows (f->dialog);
  GlossConcordanceItem *item = g_list_model_get_item (rows, i);

  g_assert_nonnull (item);
  /* The model holds it on. */
  g_object_unref (item);
  return item;
}

static guint
n_rows (Fixture *f)
{
  return g_list_model_get_n_items (gloss_concordance_dialog_get_rows (f->dialog));
}

static void
assert_row (Fixture    *f,
            guint       i,
            const char *article,
            guint       start,
            guint       end,
            const char *match)
{
  GlossConcordanceItem *item = row_at (f, i);

  g_assert_cmpstr (gloss_concordance_item_get_field (item, GLOSS_CONCORDANCE_ARTICLE), ==, article);
  g_assert_cmpuint (gloss_concordance_item_get_start (item), ==, start);
  g_assert_cmpuint (gloss_concordance_item_get_end (item), ==, end);
  g_assert_cmpstr (gloss_concordance_item_get_field (item, GLOSS_CONCORDANCE_MATCH), ==, match);
}

static const char *
status_text (Fixture *f)
{
  return gtk_label_get_text (GTK_LABEL (part (f, "concordance-status")));
}

static void
test_phrase (Fixture       *f,
             gconstpointer  data)
{
  GtkColumnView *table = GTK_COLUMN_VIEW (part (f, "concordance-table"));
  g_autoptr(GtkColumnViewColumn) article_column = NULL;

  /* Whole words: "états" and "Étatisme" are left out; the offsets count
   * É, é and ’ as one character each. */
  search_phrase (f, "état", FALSE, TRUE);
  g_assert_cmpuint (n_rows (f), ==, 3);
  assert_row (f, 0, "a.txt", 2, 6, "État");
  assert_row (f, 1, "b.txt", 12, 16, "État");
  assert_row (f, 2, "sub/c.txt", 4, 8, "état");
  g_assert_cmpstr (gloss_concordance_item_get_field (row_at (f, 0), GLOSS_CONCORDANCE_LEFT), ==, "L’");
  g_assert_cmpstr (gloss_concordance_item_get_field (row_at (f, 0), GLOSS_CONCORDANCE_RIGHT), ==,
                   " paie. Les états généraux.\n");
  g_assert_cmpstr (gloss_concordance_item_get_field (row_at (f, 0), GLOSS_CONCORDANCE_TAG), ==, "");
  g_assert_cmpstr (status_text (f), ==, "3 matches in 3 articles");

  /* Sorted by the article, backwards: the table's order is the rows'. */
  for (guint i = 0; article_column == NULL; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (table), i);

      g_assert_nonnull (column);
      if (g_strcmp0 (gtk_column_view_column_get_title (column), "Article") == 0)
        article_column = g_steal_pointer (&column);
    }
  gtk_column_view_sort_by_column (table, article_column, GTK_SORT_DESCENDING);
  settle ();
  assert_row (f, 0, "sub/c.txt", 4, 8, "état");
  assert_row (f, 2, "a.txt", 2, 6, "État");
  gtk_column_view_sort_by_column (table, NULL, GTK_SORT_ASCENDING);
  settle ();

  /* Matching case, not whole words: "État" three times, "état" never. */
  search_phrase (f, "État", TRUE, FALSE);
  g_assert_cmpuint (n_rows (f), ==, 3);
  assert_row (f, 0, "a.txt", 2, 6, "État");
  assert_row (f, 1, "b.txt", 0, 4, "État");
  assert_row (f, 2, "b.txt", 12, 16, "État");
  g_assert_cmpstr (status_text (f), ==, "3 matches in 2 articles");

  /* A search replaced before it ends: only the second one's rows. */
  gtk_editable_set_text (GTK_EDITABLE (part (f, "concordance-phrase")), "paie");
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->dialog), "concordance.search", NULL));
  search_phrase (f, "généraux", FALSE, FALSE);
  run_for (200);
  g_assert_cmpuint (n_rows (f), ==, 1);
  assert_row (f, 0, "a.txt", 23, 31, "généraux");
}

static guint
tag_position (Fixture    *f,
              const char *id)
{
  GListModel *tags = gtk_drop_down_get_model (GTK_DROP_DOWN (part (f, "concordance-tag")));

  for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (tags), i), id) == 0)
      return i;
  g_assert_not_reached ();
}

static void
search_tag (Fixture    *f,
            const char *tag,
            guint       annotator)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (part (f, "concordance-kind")), 1);
  g_assert_true (gtk_widget_get_visible (part (f, "concordance-tag")));
  g_assert_false (gtk_widget_get_visible (part (f, "concordance-phrase")));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (part (f, "concordance-tag")), tag_position (f, tag));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (part (f, "concordance-annotator")), annotator);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->dialog), "concordance.search", NULL));
  wait_until (searched, f);
  settle ();
}

static void
test_tag (Fixture       *f,
          gconstpointer  data)
{
  GListModel *annotators = gtk_drop_down_get_model (GTK_DROP_DOWN (part (f, "concordance-annotator")));

  /* Every annotator first, then the user, then Ben. */
  g_assert_cmpuint (g_list_model_get_n_items (annotators), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (annotators), 2), ==, "ben");

  search_tag (f, "company", 0);
  g_assert_cmpuint (n_rows (f), ==, 3);
  assert_row (f, 0, "a.txt", 7, 11, "paie");
  g_assert_cmpstr (gloss_concordance_item_get_field (row_at (f, 0), GLOSS_CONCORDANCE_ANNOTATOR), ==, "ben");
  g_assert_cmpstr (gloss_concordance_item_get_field (row_at (f, 1), GLOSS_CONCORDANCE_ANNOTATOR), ==,
                   "test-person");
  g_assert_cmpstr (gloss_concordance_item_get_field (row_at (f, 1), GLOSS_CONCORDANCE_TAG), ==, "company");
  assert_row (f, 2, "b.txt", 12, 16, "État");

  search_tag (f, "company", 2);
  g_assert_cmpuint (n_rows (f), ==, 2);
  for (guint i = 0; i < 2; i++)
    g_assert_cmpstr (gloss_concordance_item_get_field (row_at (f, i), GLOSS_CONCORDANCE_ANNOTATOR), ==, "ben");
  g_assert_cmpstr (status_text (f), ==, "2 matches in 2 articles");

  search_tag (f, "company", 1);
  g_assert_cmpuint (n_rows (f), ==, 1);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *out_path = path_in (f, "out.csv");
  g_autofree char *article_path = path_in (f, "b.txt");
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GFile) article = g_file_new_for_path (article_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  search_phrase (f, "état", FALSE, TRUE);
  g_assert_true (gloss_concordance_dialog_write_csv (f->dialog, out, &error));
  g_assert_no_error (error);
  csv = read_file (out_path);
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_cmpstr (lines[0], ==, "article,start,end,left,match,right,tag,annotator");
  g_assert_cmpstr (lines[1], ==, "a.txt,2,6,L’,État,\" paie. Les états généraux.\n\",,");
  /* The left context of sub/c.txt would be a formula: it is guarded. */
  g_assert_cmpstr (lines[3], ==, "sub/c.txt,4,8,'=Un ,état,\".\n\",,");
  g_assert_cmpstr (lines[4], ==, "");

  /* An article of the corpus is never replaced. */
  g_assert_false (gloss_concordance_dialog_write_csv (f->dialog, article, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "b.txt"));
  text = read_file (article_path);
  g_assert_cmpstr (text, ==, "Étatisme et État.\n");
}

static gboolean
shows_b (gpointer data)
{
  Fixture *f = data;
  GlossDocument *document = gloss_window_get_document (f->window);
  g_autofree char *name = NULL;

  if (document == NULL || gloss_window_is_loading (f->window))
    return FALSE;
  name = g_file_get_basename (gloss_source_get_file (gloss_document_get_source (document)));
  return g_str_equal (name, "b.txt");
}

static void
test_open (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *table = part (f, "concordance-table");
  GlossTextView *view;
  guint start = 0, end = 0;

  search_phrase (f, "État", TRUE, FALSE);
  g_assert_null (gloss_window_get_document (f->window));

  /* The second occurrence in b.txt: the article opens in a worker
   * thread, and the passage is selected once it shows. */
  g_signal_emit_by_name (table, "activate", 2);
  wait_until (shows_b, f);
  settle ();
  view = gloss_window_get_text_view (f->window);
  g_assert_true (gloss_text_view_get_selection_range (view, &start, &end));
  g_assert_cmpuint (start, ==, 12);
  g_assert_cmpuint (end, ==, 16);

  /* The same article again, another passage: selected at once. */
  g_signal_emit_by_name (table, "activate", 1);
  settle ();
  g_assert_true (gloss_text_view_get_selection_range (view, &start, &end));
  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpuint (end, ==, 4);
}

/* The annotations of @annotator's file on @name, as "tag start end"
 * lines; NULL when there is no file. */
static char *
file_passages (Fixture    *f,
               const char *name,
               const char *annotator)
{
  g_autofree char *path = path_in (f, name);
  g_autoptr(GFile) article = g_file_new_for_path (path);
  g_autoptr(GFile) own = gloss_annotation_file_path_for (article, annotator);
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);
  GListModel *layer;

  if (!g_file_query_exists (own, NULL))
    return g_string_free (out, TRUE);
  file = gloss_annotation_file_load (own, GLOSS_LOAD_NONE, NULL, &error);
  g_assert_no_error (error);
  layer = G_LIST_MODEL (gloss_annotation_file_get_layer (file));
  for (guint i = 0; i < g_list_model_get_n_items (layer); i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (layer, i);

      g_string_append_printf (out, "%s %u %u;", gloss_annotation_get_tag (a), gloss_annotation_get_start (a),
                              gloss_annotation_get_end (a));
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  Fixture *f;
  const char *prefix;
} NoticeSays;

static gboolean
notice_has_prefix (Fixture    *f,
                   const char *prefix)
{
  const char *text = gloss_window_get_notice_text (f->window);

  return text != NULL && g_str_has_prefix (text, prefix);
}

static gboolean
notice_starts (gpointer data)
{
  NoticeSays *says = data;

  return notice_has_prefix (says->f, says->prefix);
}

/* Waits until the notice's message starts with @prefix: Tag All in
 * Corpus and its Undo write the files in a worker thread. */
static void
wait_notice (Fixture    *f,
             const char *prefix)
{
  NoticeSays says = { f, prefix };

  wait_until (notice_starts, &says);
}

static void
test_tag_all (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *a_path = path_in (f, "a.txt");
  g_autoptr(GFile) a_file = g_file_new_for_path (a_path);
  GlossLayer *layer;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;
  g_autofree char *d_after = NULL;
  g_autofree char *c_after = NULL;

  write_file_under (f->dir, "d.txt", "Un état, deux états.\n");
  annotate (f, "sub/c.txt", "test-person", 4, 8);
  g_assert_true (open_in_window (f->window, a_file));
  layer = gloss_document_get_layer (gloss_window_get_document (f->window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (layer)), ==, 1);

  /* a.txt 2 (open), b.txt 2, sub/c.txt 1 (tagged already), d.txt 2. */
  search_phrase (f, "état", FALSE, FALSE);
  g_assert_cmpuint (n_rows (f), ==, 7);
  g_assert_true (gtk_widget_get_visible (part (f, "concordance-tag-all-box")));
  assert_row (f, 5, "d.txt", 14, 18, "état");
  gloss_concordance_item_set_checked (row_at (f, 5), FALSE);

  /* b.txt's own file appears between the search and Tag All. */
  annotate (f, "b.txt", "test-person", 0, 4);
  b = file_passages (f, "b.txt", "test-person");

  gtk_drop_down_set_selected (GTK_DROP_DOWN (part (f, "concordance-tag-all-tag")), tag_position (f, "company"));
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->dialog), "concordance.tag-all", NULL));
  /* The files are written in a worker thread, the window running on: its
   * result comes through the main loop, which has not run yet; the
   * article shown is tagged already, through its layer. */
  g_assert_false (notice_has_prefix (f, "Tagged"));
  g_assert_nonnull (gloss_layer_find (layer, "company", 2, 6));
  /* Another Tag All waits for this one. */
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->dialog), "concordance.tag-all", NULL));
  wait_notice (f, "Tagged");
  g_assert_cmpstr (gloss_window_get_notice_text (f->window), ==,
                   "Tagged 3 passages in 2 articles. Left as they were, changed on disk since the search "
                   "or unreadable: b.txt");

  /* The open article through its layer, d.txt in a new file, b.txt and
   * sub/c.txt as they were. */
  g_assert_nonnull (gloss_layer_find (layer, "company", 2, 6));
  g_assert_nonnull (gloss_layer_find (layer, "company", 17, 21));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (layer)), ==, 3);
  d = file_passages (f, "d.txt", "test-person");
  g_assert_cmpstr (d, ==, "company 3 7;");
  c = file_passages (f, "sub/c.txt", "test-person");
  g_assert_cmpstr (c, ==, "company 4 8;");
  {
    g_autofree char *b_now = file_passages (f, "b.txt", "test-person");

    g_assert_cmpstr (b_now, ==, b);
    g_assert_cmpstr (b_now, ==, "company 0 4;");
  }

  /* Undo takes back exactly those: from the file and the layer. */
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), "win.undo-tag-all-corpus", NULL));
  g_assert_false (notice_has_prefix (f, "Took back"));
  wait_notice (f, "Took back");
  g_assert_cmpstr (gloss_window_get_notice_text (f->window), ==, "Took back 3 passages.");
  d_after = file_passages (f, "d.txt", "test-person");
  g_assert_cmpstr (d_after, ==, "");
  c_after = file_passages (f, "sub/c.txt", "test-person");
  g_assert_cmpstr (c_after, ==, "company 4 8;");
  g_assert_null (gloss_layer_find (layer, "company", 2, 6));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (layer)), ==, 1);

  /* The window's own Undo and Redo step through the layer's group. */
  g_assert_true (gloss_layer_undo (layer));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (layer)), ==, 3);
  g_assert_true (gloss_layer_undo (layer));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (layer)), ==, 1);
}

/* The window closed while Tag All in Corpus writes its files: the
 * worker stops after the file it is writing, every file is whole, and
 * nothing is shown in the window gone. */
static void
test_tag_all_closed (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GlossWindow) window = NULL;
  const char *names[] = { "a.txt", "b.txt", "sub/c.txt" };

  search_phrase (f, "état", FALSE, FALSE);
  g_assert_cmpuint (n_rows (f), ==, 5);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (part (f, "concordance-tag-all-tag")), tag_position (f, "company"));
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->dialog), "concordance.tag-all", NULL));

  window = g_object_ref (f->window);
  close_window (f->window);
  /* The worker's task held the window until it returned. */
  for (guint i = 0; i < 50 && G_OBJECT (window)->ref_count > 1; i++)
    {
      g_usleep (G_USEC_PER_SEC / 50);
      settle ();
    }
  g_assert_cmpuint (G_OBJECT (window)->ref_count, ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      /* Read back whole, or not there. */
      g_autofree char *passages = file_passages (f, names[i], "test-person");

      g_assert_nonnull (passages);
    }

  /* A window for the fixture to close. */
  f->window = gloss_window_new (test_application ());
}

static gboolean
counted (gpointer data)
{
  Fixture *f = data;
  GlossStatisticsDialog *dialog = gloss_window_get_statistics (f->window);

  return dialog != NULL && !gloss_statistics_dialog_is_counting (dialog);
}

static void
test_statistics (Fixture       *f,
                 gconstpointer  data)
{
  GlossStatisticsDialog *dialog;
  GlossCorpusStatistics *s;
  GListModel *rows;
  const GlossTagCount *first;
  const char *status;

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), "win.corpus-statistics", NULL));
  wait_until (counted, f);
  dialog = gloss_window_get_statistics (f->window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  s = gloss_statistics_dialog_get_statistics (dialog);
  g_assert_nonnull (s);
  g_assert_cmpuint (gloss_corpus_statistics_total (s, "company", "ben"), ==, 2);
  g_assert_cmpuint (gloss_corpus_statistics_total (s, "company", "test-person"), ==, 1);
  status = gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (dialog), "statistics-status")));
  g_assert_cmpstr (status, ==, "3 passages in 3 articles");

  /* The totals first, then a.txt's and b.txt's counts. */
  rows = gloss_statistics_dialog_get_rows (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 5);
  {
    g_autoptr(GlossTagCountItem) item = g_list_model_get_item (rows, 0);

    first = gloss_tag_count_item_get (item);
    g_assert_null (first->article);
    g_assert_cmpstr (first->annotator, ==, "ben");
    g_assert_cmpuint (first->passages, ==, 2);
  }
  draw_frames (GTK_WIDGET (dialog));

  /* A passage added is counted the next time. */
  annotate (f, "sub/c.txt", "ben", 4, 8);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), "win.corpus-statistics", NULL));
  wait_until (counted, f);
  s = gloss_statistics_dialog_get_statistics (dialog);
  g_assert_cmpuint (gloss_corpus_statistics_total (s, "company", "ben"), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  article_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/concordance-window/phrase", test_phrase);
  ADD ("/concordance-window/tag", test_tag);
  ADD ("/concordance-window/export", test_export);
  ADD ("/concordance-window/open", test_open);
  ADD ("/concordance-window/tag-all", test_tag_all);
  ADD ("/concordance-window/tag-all-closed", test_tag_all_closed);
  ADD ("/concordance-window/statistics", test_statistics);

#undef ADD

  return article_test_run ();
}
