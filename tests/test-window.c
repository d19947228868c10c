/* test-window.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Drives a real Gloss window under a display, through the actions its
 * keys, buttons and menus trigger. */

#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "article-test-util.h"
#include "gloss-annotation-file.h"
#include "gloss-preferences-window.h"

#define ARTICLE \
  "Acme Corp won the contract.\n" \
  "\n" \
  "Rivals said Acme Corp paid too little, and Zenith Ltd appealed.\n" \
  "The council claims savings of 4 million.\n"

typedef struct
{
  char *dir;
  char *article;
  GlossWindow *window;
} Fixture;

/* A window shown on @path, as open_window() does, but saving 50 ms after
 * each change. */
static GlossWindow *
open_autosaving_window (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GlossWindow *window = gloss_window_new (test_application ());

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (open_in_window (window, file));
  gloss_document_set_autosave_delay (gloss_window_get_document (window), 50);
  settle ();

  return window;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("gloss-window-XXXXXX", &error);
  g_assert_no_error (error);
  f->article = g_build_filename (f->dir, "a.txt", NULL);
  write_file (f->article, ARTICLE);
  f->window = open_autosaving_window (f->article);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    close_window (f->window);
  delete_tree (f->dir);
  g_free (f->dir);
  g_free (f->article);
}

static GlossLayer *
layer_of (GlossWindow *window)
{
  return gloss_document_get_layer (gloss_window_get_document (window));
}

static GtkTextBuffer *
window_buffer (GlossWindow *window)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (gloss_window_get_text_view (window)));
}

/* TRUE when the highlight tag of @tag_id covers exactly [start, end) in
 * the text (and not the characters just outside). */
static gboolean
highlight_covers (GlossWindow *window,
                  const char  *tag_id,
                  guint        start,
                  guint        end)
{
  GtkTextBuffer *buffer = window_buffer (window);
  g_autofree char *name = gloss_text_view_tag_name (tag_id);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GtkTextIter iter;

  if (tag == NULL)
    return FALSE;

  for (guint i = start; i < end; i++)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &iter, i);
      if (!gtk_text_iter_has_tag (&iter, tag))
        return FALSE;
    }

  if (start > 0)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &iter, start - 1);
      if (gtk_text_iter_has_tag (&iter, tag))
        return FALSE;
    }

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, end);
  return !gtk_text_iter_has_tag (&iter, tag);
}

static void
activate (GlossWindow *window,
          const char  *action,
          GVariant    *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, parameter));
  settle ();
}

/* Selects [start, end) and presses the key of codebook tag @key. */
static void
tag_range (GlossWindow *window,
           guint        start,
           guint        end,
           int          key)
{
  gloss_text_view_select_range (gloss_window_get_text_view (window), start, end);
  activate (window, "win.tag-key", g_variant_new_int32 (key));
}

static GlossAnnotation *
only_annotation (GlossWindow *window)
{
  GListModel *model = G_LIST_MODEL (layer_of (window));

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  return g_object_ref (g_list_model_get_item (model, 0));
}

static void
test_opens_with_focus (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *text_view = GTK_WIDGET (gloss_window_get_text_view (f->window));
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  /* The text has the keyboard focus, ready for Shift+arrows. */
  g_assert_true (gtk_widget_has_focus (text_view));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (text_view)));

  gtk_text_buffer_get_bounds (window_buffer (f->window), &start, &end);
  text = gtk_text_buffer_get_text (window_buffer (f->window), &start, &end, TRUE);
  g_assert_cmpstr (text, ==, ARTICLE);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Acme Corp won the contract.");

  /* Nothing is written before the first annotation. */
  g_assert_false (g_file_test (gloss_annotation_file_get_file (gloss_document_get_own_file (gloss_window_get_document (f->window)))
                               ? g_file_peek_path (gloss_annotation_file_get_file (gloss_document_get_own_file (gloss_window_get_document (f->window))))
                               : "", G_FILE_TEST_EXISTS));
}

static void
test_tag_selection (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GlossAnnotation) a = NULL;

  /* "cme Co" snaps to the words "Acme Corp". */
  tag_range (f->window, 1, 7, 1);

  a = only_annotation (f->window);
  g_assert_cmpstr (gloss_annotation_get_tag (a), ==, "company");
  g_assert_cmpuint (gloss_annotation_get_start (a), ==, 0);
  g_assert_cmpuint (gloss_annotation_get_end (a), ==, 9);
  g_assert_cmpstr (gloss_annotation_get_quote (a), ==, "Acme Corp");
  g_assert_true (highlight_covers (f->window, "company", 0, 9));

  /* The new annotation is selected: another key changes its tag. */
  g_assert_true (gloss_text_view_get_selected (gloss_window_get_text_view (f->window)) == a);
  activate (f->window, "win.tag-key", g_variant_new_int32 (3));
  g_assert_cmpstr (gloss_annotation_get_tag (a), ==, "claim");
  g_assert_true (highlight_covers (f->window, "claim", 0, 9));
  g_assert_false (highlight_covers (f->window, "company", 0, 9));

  /* Undo goes back to company, then to nothing; redo comes back. */
  activate (f->window, "win.undo", NULL);
  g_assert_cmpstr (gloss_annotation_get_tag (a), ==, "company");
  activate (f->window, "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (layer_of (f->window))), ==, 0);
  g_assert_false (highlight_covers (f->window, "company", 0, 9));
  activate (f->window, "win.redo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (layer_of (f->window))), ==, 1);
  g_assert_true (highlight_covers (f->window, "company", 0, 9));
}

static void
test_no_snap (Fixture       *f,
              gconstpointer  data)
{
  GSettings *settings = gloss_application_get_settings (test_application ());
  g_autoptr(GlossAnnotation) a = NULL;

  g_settings_set_boolean (settings, "snap-to-words", FALSE);
  tag_range (f->window, 1, 7, 2);
  g_settings_reset (settings, "snap-to-words");

  a = only_annotation (f->window);
  g_assert_cmpstr (gloss_annotation_get_quote (a), ==, "cme Co");
  g_assert_true (highlight_covers (f->window, "controversy", 1, 7));
}

static void
test_overlapping (Fixture       *f,
                  gconstpointer  data)
{
  GlossTextView *view = gloss_window_get_text_view (f->window);
  GlossAnnotation *inner, *outer;

  /* "Acme Corp" (company) inside "Rivals said Acme Corp paid too little" (claim). */
  tag_range (f->window, 29, 66, 3);
  outer = gloss_text_view_get_selected (view);
  tag_range (f->window, 41, 50, 1);
  inner = gloss_text_view_get_selected (view);
  g_assert_true (inner != outer);
  g_assert_true (highlight_covers (f->window, "company", 41, 50));
  g_assert_true (highlight_covers (f->window, "claim", 29, 66));

  /* Clicks on the nested word cycle: innermost first, then outward. */
  activate (f->window, "win.deselect", NULL);
  gloss_text_view_click_offset (view, 45);
  g_assert_true (gloss_text_view_get_selected (view) == inner);
  gloss_text_view_click_offset (view, 45);
  g_assert_true (gloss_text_view_get_selected (view) == outer);
  gloss_text_view_click_offset (view, 45);
  g_assert_true (gloss_text_view_get_selected (view) == inner);

  /* Deleting the inner one leaves the outer highlight whole. */
  activate (f->window, "win.delete-annotation", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (layer_of (f->window))), ==, 1);
  g_assert_true (highlight_covers (f->window, "claim", 29, 66));
  g_assert_false (highlight_covers (f->window, "company", 41, 50));

  /* n and p step through the annotations from the cursor. */
  activate (f->window, "win.deselect", NULL);
  gloss_text_view_select_range (view, 0, 0);
  activate (f->window, "win.next-annotation", NULL);
  g_assert_true (gloss_text_view_get_selected (view) == outer);
  activate (f->window, "win.previous-annotation", NULL);
  g_assert_true (gloss_text_view_get_selected (view) == outer);
}

static gboolean
note_committed (gpointer data)
{
  return g_strcmp0 (gloss_annotation_get_note (data), "Check the amount.\nSource: the tender.") == 0;
}

static void
test_note (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GlossAnnotation) a = NULL;
  GtkWidget *editor;
  GtkTextBuffer *buffer;
  GlossHistory *history = gloss_layer_get_history (layer_of (f->window));
  guint steps;

  tag_range (f->window, 0, 9, 1);
  a = only_annotation (f->window);
  steps = gloss_history_get_n_steps (history);

  /* Ctrl+E puts the focus in the inspector's note editor. */
  activate (f->window, "win.edit-note", NULL);
  editor = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_true (GTK_IS_TEXT_VIEW (editor));
  g_assert_true (GTK_WIDGET (gloss_window_get_text_view (f->window)) != editor);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor));
  gtk_text_buffer_insert_at_cursor (buffer, "Check the amount.\n", -1);
  gtk_text_buffer_insert_at_cursor (buffer, "Source: the tender.", -1);

  /* A pause in typing saves the note as one step. */
  wait_until (note_committed, a);
  g_assert_cmpuint (gloss_history_get_n_steps (history), ==, steps + 1);
  g_assert_true (gloss_annotation_has_note (a));

  activate (f->window, "win.undo", NULL);
  g_assert_cmpstr (gloss_annotation_get_note (a), ==, "");
}

static gboolean
is_saved (gpointer data)
{
  return gloss_document_get_save_state (data) == GLOSS_SAVE_STATE_SAVED &&
         !gloss_history_is_dirty (gloss_layer_get_history (gloss_document_get_layer (data)));
}

static void
test_tag_all_and_autosave (Fixture       *f,
                           gconstpointer  data)
{
  GlossDocument *document = gloss_window_get_document (f->window);
  GtkWidget *search_entry;
  GlossWindow *second;
  GListModel *model;

  /* Select "Acme Corp", find it, tag every match in one step. */
  gloss_text_view_select_range (gloss_window_get_text_view (f->window), 0, 9);
  activate (f->window, "win.find", NULL);
  search_entry = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_true (GTK_IS_TEXT (search_entry));
  activate (f->window, "win.tag-all", g_variant_new_string ("company"));

  model = G_LIST_MODEL (layer_of (f->window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_true (highlight_covers (f->window, "company", 0, 9));
  g_assert_true (highlight_covers (f->window, "company", 41, 50));
  g_assert_nonnull (strstr (gloss_window_get_notice_text (f->window), "2"));

  /* One step undoes both. */
  activate (f->window, "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  activate (f->window, "win.redo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  /* The autosave writes the file; another window finds the same. */
  wait_until (is_saved, document);
  second = open_autosaving_window (f->article);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (layer_of (second))), ==, 2);
  g_assert_true (highlight_covers (second, "company", 0, 9));
  g_assert_true (highlight_covers (second, "company", 41, 50));
  close_window (second);
}

/* The preferences window over @window, which win.preferences opened. */
static GtkWindow *
preferences_of (GlossWindow *window)
{
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (GLOSS_IS_PREFERENCES_WINDOW (l->data) &&
        gtk_window_get_transient_for (l->data) == GTK_WINDOW (window))
      {
        GtkWindow *found = l->data;

        g_list_free (l);
        return found;
      }

  g_assert_not_reached ();
}

static void
test_rename_keeps_id (Fixture       *f,
                      gconstpointer  data)
{
  GSettings *settings = gloss_application_get_settings (test_application ());
  GlossDocument *document = gloss_window_get_document (f->window);
  GlossAnnotationFile *own = gloss_document_get_own_file (document);
  g_autofree char *path = g_file_get_path (gloss_annotation_file_get_file (own));
  g_autofree char *content = NULL;
  GtkWindow *preferences;
  GlossWindow *second;
  GlossLayer *layer;

  tag_range (f->window, 0, 9, 1);
  wait_until (is_saved, document);
  g_assert_cmpstr (gloss_layer_get_annotator_id (layer_of (f->window)), ==, "test-person");

  /* A new name in Preferences. */
  activate (f->window, "win.preferences", NULL);
  preferences = preferences_of (f->window);
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (preferences), GLOSS_TYPE_PREFERENCES_WINDOW,
                                                                      "name_entry")),
                         "Camille Roussel");
  settle ();

  /* The article keeps the own layer, editable, with its annotation. */
  layer = layer_of (f->window);
  g_assert_true (gloss_window_get_document (f->window) == document);
  g_assert_cmpstr (gloss_layer_get_annotator_id (layer), ==, "test-person");
  g_assert_cmpstr (gloss_layer_get_annotator_name (layer), ==, "Camille Roussel");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (layer)), ==, 1);
  g_assert_false (gloss_annotation_file_get_read_only (own));

  /* The save writes the new name under the old id. */
  wait_until (is_saved, document);
  content = read_file (path);
  g_assert_nonnull (strstr (content, "\"Camille Roussel\""));
  g_assert_nonnull (strstr (content, "\"test-person\""));

  /* Opened again, the file is still the user's own, not a teammate's. */
  second = open_autosaving_window (f->article);
  layer = layer_of (second);
  g_assert_cmpstr (gloss_layer_get_annotator_id (layer), ==, "test-person");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (layer)), ==, 1);
  g_assert_false (gloss_annotation_file_get_read_only (gloss_document_get_own_file (gloss_window_get_document (second))));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_teammate_files (gloss_window_get_document (second))), ==, 0);
  tag_range (second, 41, 50, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (layer)), ==, 2);
  close_window (second);

  gtk_window_destroy (preferences);
  g_settings_set_string (settings, "annotator-name", "Test Person");
  settle ();
}

static gboolean
has_banner (gpointer data)
{
  return gloss_window_get_banner_text (data) != NULL;
}

static void
test_changed_on_disk (Fixture       *f,
                      gconstpointer  data)
{
  GlossDocument *document = gloss_window_get_document (f->window);
  GFile *own = gloss_annotation_file_get_file (gloss_document_get_own_file (document));
  g_autofree char *theirs = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GError) error = NULL;

  tag_range (f->window, 0, 9, 1);
  wait_until (is_saved, document);

  /* A teammate's version, pulled with git, lands on the file. */
  g_file_load_contents (own, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
  theirs = g_strdup (contents);
  {
    char *tag = strstr (theirs, "\"tag\": \"company\"");
    g_assert_nonnull (tag);
    /* Same length, so the rest of the file stays as it was. */
    memcpy (tag, "\"tag\": \"claim\"  ", strlen ("\"tag\": \"company\""));
  }
  write_file (g_file_peek_path (own), theirs);

  wait_until (has_banner, f->window);
  g_assert_cmpint (gloss_document_get_save_state (document), ==, GLOSS_SAVE_STATE_CONFLICT);
  g_assert_nonnull (strstr (gloss_window_get_banner_text (f->window), "changed on disk"));

  /* This window's further work is not written over theirs. */
  tag_range (f->window, 72, 82, 2);
  g_usleep (200000);
  settle ();
  g_free (contents);
  g_file_load_contents (own, NULL, &contents, NULL, NULL, &error);
  g_assert_cmpstr (contents, ==, theirs);

  /* Keep mine as a copy: the copy has this window's two annotations, and
   * the own layer is now theirs. */
  activate (f->window, "win.keep-copy", NULL);
  g_assert_cmpint (gloss_document_get_save_state (document), !=, GLOSS_SAVE_STATE_CONFLICT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (layer_of (f->window))), ==, 1);
  g_assert_true (highlight_covers (f->window, "claim", 0, 9));
  {
    g_autoptr(GPtrArray) files = gloss_annotation_file_list_for (gloss_source_get_file (gloss_document_get_source (document)), NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (files->len, ==, 2);
  }
}

static void
test_teammate_layer (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GFile) article = g_file_new_for_path (f->article);
  g_autoptr(GlossSource) source = gloss_source_new_from_plain_text (article, 0, NULL, NULL);
  g_autoptr(GlossAnnotationFile) theirs = gloss_annotation_file_new (source, "ben", "Ben");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  GlossWindow *review;

  gloss_layer_annotate (gloss_annotation_file_get_layer (theirs), "claim", 93, 133, "Check this");
  g_assert_true (gloss_annotation_file_save (theirs, GLOSS_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (g_file_peek_path (gloss_annotation_file_get_file (theirs)), &before, NULL, NULL);

  /* The window lists the teammate's file and shows it on demand. */
  close_window (f->window);
  f->window = open_autosaving_window (f->article);
  g_assert_cmpuint (gloss_text_view_get_n_teammate_layers (gloss_window_get_text_view (f->window)), ==, 0);
  activate (f->window, "layer.ben", NULL);
  g_assert_cmpuint (gloss_text_view_get_n_teammate_layers (gloss_window_get_text_view (f->window)), ==, 1);
  activate (f->window, "layer.ben", NULL);
  g_assert_cmpuint (gloss_text_view_get_n_teammate_layers (gloss_window_get_text_view (f->window)), ==, 0);
  /* There is no layer for an annotator without a file. */
  g_assert_false (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), "layer.nobody", NULL));

  /* Opening Ben's file directly reviews it: the own layer stays empty. */
  review = open_autosaving_window (g_file_peek_path (gloss_annotation_file_get_file (theirs)));
  g_assert_nonnull (gloss_document_get_review_file (gloss_window_get_document (review)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (layer_of (review))), ==, 0);
  g_assert_nonnull (strstr (gloss_window_get_banner_text (review), "read-only"));
  close_window (review);

  g_file_get_contents (g_file_peek_path (gloss_annotation_file_get_file (theirs)), &after, NULL, NULL);
  g_assert_cmpstr (before, ==, after);
}

static void
test_orphan_reattach (Fixture       *f,
                      gconstpointer  data)
{
  GlossDocument *document = gloss_window_get_document (f->window);
  GlossTextView *view;
  g_autoptr(GlossAnnotation) a = NULL;

  /* Tag "Zenith Ltd", then the article loses it. */
  tag_range (f->window, 72, 82, 1);
  wait_until (is_saved, document);
  close_window (f->window);
  write_file (f->article, "Acme Corp won the contract.\n\nRivals appealed.\n");
  f->window = open_autosaving_window (f->article);
  view = gloss_window_get_text_view (f->window);

  a = only_annotation (f->window);
  g_assert_cmpint (gloss_annotation_get_status (a), ==, GLOSS_ANCHOR_ORPHANED);
  g_assert_cmpstr (gloss_annotation_get_quote (a), ==, "Zenith Ltd");

  /* Select it, select its new passage, Attach Here; without the passage,
   * a notice says what to do. */
  gloss_text_view_select (view, a, TRUE);
  gloss_text_view_select_range (view, 0, 0);
  activate (f->window, "win.attach-annotation", NULL);
  g_assert_cmpstr (gloss_window_get_notice_text (f->window), ==,
                   "Select the passage the annotation belongs to, then choose Attach Here.");
  g_assert_null (gloss_window_get_banner_text (f->window));
  g_assert_cmpint (gloss_annotation_get_status (a), ==, GLOSS_ANCHOR_ORPHANED);
  gloss_text_view_select_range (view, 29, 35);
  activate (f->window, "win.attach-annotation", NULL);
  g_assert_cmpint (gloss_annotation_get_status (a), ==, GLOSS_ANCHOR_ANCHORED);
  g_assert_cmpstr (gloss_annotation_get_quote (a), ==, "Rivals");
  g_assert_true (highlight_covers (f->window, "company", 29, 35));
}

static void
test_broken_file (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "a.txt.test-person.gloss.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (f->article);
  GlossWindow *window;

  close_window (f->window);
  f->window = NULL;
  write_file (path, "{ not json");

  window = gloss_window_new (test_application ());
  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (open_in_window (window, file));
  settle ();
  g_assert_nonnull (strstr (gloss_window_get_banner_text (window), "a.txt.test-person.gloss.json"));

  /* The broken file is left exactly as it was. */
  {
    g_autofree char *contents = NULL;
    g_file_get_contents (path, &contents, NULL, NULL);
    g_assert_cmpstr (contents, ==, "{ not json");
  }
  close_window (window);
}

/* A file holding the same annotation twice opens with one, and the
 * window says what it merged. */
static void
test_duplicates_reported (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "a.txt.test-person.gloss.json", NULL);
  g_autofree char *json = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (f->article);
  guint start = strstr (ARTICLE, "Zenith Ltd") - ARTICLE;
  GlossWindow *window;

  close_window (f->window);
  f->window = NULL;
  json = g_strdup_printf (
    "{\n"
    "  \"gloss\": 1,\n"
    "  \"source\": { \"path\": \"a.txt\", \"text_sha256\": \"%064d\" },\n"
    "  \"annotator\": { \"id\": \"test-person\", \"name\": \"Test Person\" },\n"
    "  \"annotations\": [\n"
    "    { \"id\": \"first\", \"tag\": \"company\", \"start\": %u, \"end\": %u,\n"
    "      \"quote\": \"Zenith Ltd\", \"created\": \"2026-01-01T00:00:00Z\" },\n"
    "    { \"id\": \"copy\", \"tag\": \"company\", \"start\": %u, \"end\": %u,\n"
    "      \"quote\": \"Zenith Ltd\", \"created\": \"2026-01-02T00:00:00Z\" }\n"
    "  ]\n"
    "}\n",
    0, start, start + 10, start, start + 10);
  write_file (path, json);

  window = gloss_window_new (test_application ());
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (open_in_window (window, file));
  settle ();

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (layer_of (window))), ==, 1);
  g_assert_nonnull (strstr (gloss_window_get_banner_text (window), "1 annotation repeats"));
  g_assert_nonnull (strstr (gloss_window_get_banner_text (window), "a.txt.test-person.gloss.json"));
  close_window (window);
}

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  guint *frames = data;

  (*frames)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
two_frames (gpointer data)
{
  return *(guint *)data >= 2;
}

static gboolean
covers_last (gpointer data)
{
  return highlight_covers (data, "company", 59990, 59999);
}

/* A long layer is highlighted in the background, from the top; a change
 * made meanwhile is not undone by highlights computed before it. */
static void
test_many_highlights (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GFile) article = NULL;
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GlossLayer *layer;
  g_autoptr(GlossAnnotation) removed = NULL;

  /* 6,000 lines of ten characters, "Acme Corp\n": 6,000 annotations. */
  for (guint i = 0; i < 6000; i++)
    g_string_append (text, "Acme Corp\n");
  write_file (f->article, text->str);
  article = g_file_new_for_path (f->article);
  source = gloss_source_new_from_plain_text (article, 0, NULL, &error);
  g_assert_no_error (error);
  file = gloss_annotation_file_new (source, "test-person", "Test Person");
  for (guint i = 0; i < 6000; i++)
    gloss_layer_annotate (gloss_annotation_file_get_layer (file), "company", 10 * i, 10 * i + 9, NULL);
  g_assert_true (gloss_annotation_file_save (file, GLOSS_SAVE_OVERWRITE, NULL, &error));

  close_window (f->window);
  f->window = gloss_window_new (test_application ());
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (open_in_window (f->window, article));

  /* The top is highlighted at once. */
  g_assert_true (highlight_covers (f->window, "company", 0, 9));

  /* Remove one near the end before the background work reaches it. */
  layer = layer_of (f->window);
  removed = g_object_ref (gloss_layer_find (layer, "company", 59970, 59979));
  gloss_layer_remove (layer, removed);

  wait_until (covers_last, f->window);
  g_assert_true (highlight_covers (f->window, "company", 30000, 30009));
  {
    GtkTextIter iter;
    g_autofree char *name = gloss_text_view_tag_name ("company");
    GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (window_buffer (f->window)), name);

    gtk_text_buffer_get_iter_at_offset (window_buffer (f->window), &iter, 59972);
    g_assert_false (gtk_text_iter_has_tag (&iter, tag));
  }
}

/* Renders the window and checks that the highlight colours show. */
/* Renders @widget once it has drawn two frames, as it would on screen. */
static guchar *
render_after_frames (GtkWidget *widget,
                     int       *width,
                     int       *height)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, count_frame, &frames, NULL);

  gtk_widget_queue_draw (widget);
  wait_until (two_frames, &frames);
  gtk_widget_remove_tick_callback (widget, id);

  return render_pixels (widget, width, height);
}

static void
test_render_highlights (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (gloss_window_get_text_view (f->window));
  g_autofree guchar *pixels = NULL;
  int width, height;
  guint blueish = 0, orangeish = 0;

  tag_range (f->window, 0, 9, 1);     /* company, blue */
  tag_range (f->window, 93, 133, 2);  /* controversy, orange */
  activate (f->window, "win.deselect", NULL);

  /* Let the window draw the text once, as it would on screen. */
  pixels = render_after_frames (widget, &width, &height);

  /* Cairo's ARGB32: B, G, R, A in memory on little-endian machines.  A
   * translucent #3584e4 over white is a light blue, #e66100 a light
   * orange. */
  for (int i = 0; i < width * height; i++)
    {
      guchar b = pixels[4 * i], g = pixels[4 * i + 1], r = pixels[4 * i + 2];

      if (b > 200 && b - r > 40 && g > r)
        blueish++;
      if (r > 220 && r - b > 60 && g > b)
        orangeish++;
    }

  g_assert_cmpuint (blueish, >, 200);
  g_assert_cmpuint (orangeish, >, 200);
}

/* The pixel of @pixels (Cairo's ARGB32, @width wide) just left of the
 * lower half of character @offset, as B, G, R. */
static const guchar *
pixel_left_of (GlossWindow  *window,
               const guchar *pixels,
               int           width,
               guint         offset)
{
  GtkTextView *view = GTK_TEXT_VIEW (gloss_window_get_text_view (window));
  GtkTextIter iter;
  GdkRectangle rect;
  int x, y;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, offset);
  gtk_text_view_get_iter_location (view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &x, &y);

  return pixels + 4 * ((y + rect.height * 3 / 4) * width + x - 1);
}

/* A passage nested in another is marked at its ends, in its tag's
 * colour; the passage around it is not. */
static void
test_render_nested (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (gloss_window_get_text_view (f->window));
  g_autofree guchar *pixels = NULL;
  const guchar *inner, *outer;
  int width, height;

  tag_range (f->window, 29, 67, 2);   /* controversy, orange */
  tag_range (f->window, 41, 50, 1);   /* company, blue, inside it */
  activate (f->window, "win.deselect", NULL);

  pixels = render_after_frames (widget, &width, &height);
  inner = pixel_left_of (f->window, pixels, width, 41);
  outer = pixel_left_of (f->window, pixels, width, 29);

  /* #3584e4 under the orange highlight of the passage around it: more
   * blue than red, where the page is white. */
  g_assert_cmpint (inner[0] - inner[2], >, 30);
  g_assert_cmpuint (inner[2], <, 160);
  /* Before the outer passage, the page: no tick. */
  g_assert_cmpint (outer[0] - outer[2], <, 10);
}

int
main (int    argc,
      char **argv)
{
  article_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/window/opens-with-focus", test_opens_with_focus);
  ADD ("/window/tag-selection", test_tag_selection);
  ADD ("/window/no-snap", test_no_snap);
  ADD ("/window/overlapping", test_overlapping);
  ADD ("/window/note", test_note);
  ADD ("/window/tag-all-and-autosave", test_tag_all_and_autosave);
  ADD ("/window/rename-keeps-id", test_rename_keeps_id);
  ADD ("/window/render-nested", test_render_nested);
  ADD ("/window/changed-on-disk", test_changed_on_disk);
  ADD ("/window/teammate-layer", test_teammate_layer);
  ADD ("/window/orphan-reattach", test_orphan_reattach);
  ADD ("/window/broken-file", test_broken_file);
  ADD ("/window/duplicates-reported", test_duplicates_reported);
  ADD ("/window/render-highlights", test_render_highlights);
  ADD ("/window/many-highlights", test_many_highlights);

#undef ADD

  return article_test_run ();
}
