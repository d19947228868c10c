/* test-import-dialog.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Import… in a real window under a display: brat files written by the
 * test are imported through the dialog's widgets and actions, the
 * annotation files it wrote are read back, and the window offers what was
 * imported for its article. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "gloss-import-dialog.h"
#include "transfer-test-util.h"

#define NOTE_TEXT "The harbour board met Acme Corp on Monday.\n"

/* The import dialog, opened by Import… in the window. */
static GtkWidget *
open_import_dialog (GlossWindow *window)
{
  return open_transfer_dialog (window, "win.import", GLOSS_TYPE_IMPORT_DIALOG);
}

static void
add_input (GtkWidget  *dialog,
           const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  /* Actions do not sink the parameter. */
  g_autoptr(GVariant) parameter = g_variant_ref_sink (g_variant_new_string (uri));

  activate (dialog, "import.add-input", parameter);
}

static gboolean
has_banner (gpointer window)
{
  return gloss_window_get_banner_text (window) != NULL;
}

static JsonObject *
load_json (const char *path,
           JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_import_brat (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *text = g_build_filename (f->dir, "note.txt", NULL);
  g_autofree char *ann = g_build_filename (f->dir, "note.ann", NULL);
  g_autofree char *written = g_build_filename (f->dir, "note.txt.brat-team.gloss.json", NULL);
  g_autofree char *launched = NULL;
  g_autofree char *expected_uri = g_filename_to_uri (f->dir, NULL, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *annotation;
  GtkWidget *dialog;

  write_file (text, NOTE_TEXT);
  write_file (ann, "T1\tOrganization 22 31\tAcme Corp\nR1\tMet Arg1:T1 Arg2:T1\n");
  f->window = open_window (text);

  dialog = open_import_dialog (f->window);
  assert_labelled (child (dialog, "format_dropdown"));
  assert_labelled (child (dialog, "annotator_entry"));
  assert_labelled (child (dialog, "input_list"));
  assert_labelled (child (dialog, "progress_bar"));
  assert_form_aligned (dialog, "annotator_entry");

  /* The user's own id is proposed; nothing to import yet. */
  g_assert_cmpstr (gtk_editable_get_text (child (dialog, "annotator_entry")), ==, "test-person");
  g_assert_false (gtk_widget_is_sensitive (child (dialog, "import_button")));

  /* An id that is not one is refused. */
  add_input (dialog, ann);
  g_assert_true (gtk_widget_is_sensitive (child (dialog, "import_button")));
  gtk_editable_set_text (child (dialog, "annotator_entry"), "Brat Team");
  g_assert_false (gtk_widget_is_sensitive (child (dialog, "import_button")));
  g_assert_nonnull (strstr (label_text (dialog, "annotator_note"), "brat-team"));
  gtk_editable_set_text (child (dialog, "annotator_entry"), "brat-team");

  g_assert_cmpuint (gtk_drop_down_get_selected (child (dialog, "format_dropdown")), ==, 0);
  click (child (dialog, "import_button"));
  wait_until (transfer_done, dialog);
  g_assert_cmpstr (label_text (dialog, "report_title"), ==, "Import Finished");
  g_assert_nonnull (strstr (label_text (dialog, "report_label"),
                            "Imported 1 annotation into 1 annotation file"));
  /* The relation Gloss does not model is kept, and counted. */
  g_assert_nonnull (strstr (label_text (dialog, "report_label"), "Kept 1 item"));

  /* The annotation file beside the text, with the span of the .ann. */
  root = load_json (written, parser);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "annotator"), "id"),
                   ==, "brat-team");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "annotations")), ==, 1);
  annotation = json_array_get_object_element (json_object_get_array_member (root, "annotations"), 0);
  g_assert_cmpint (json_object_get_int_member (annotation, "start"), ==, 22);
  g_assert_cmpint (json_object_get_int_member (annotation, "end"), ==, 31);
  g_assert_cmpstr (json_object_get_string_member (annotation, "quote"), ==, "Acme Corp");
  g_assert_cmpstr (json_object_get_string_member (annotation, "tag"), ==, "organization");

  g_signal_connect (dialog, "open-folder", G_CALLBACK (record_uri), &launched);
  click (child (dialog, "open_folder_button"));
  g_assert_cmpstr (launched, ==, expected_uri);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The window offers the new layer once it lists it, and shows it. */
  wait_until (has_banner, f->window);
  g_assert_nonnull (strstr (gloss_window_get_banner_text (f->window), "brat-team"));
  g_assert_cmpuint (gloss_text_view_get_n_teammate_layers (gloss_window_get_text_view (f->window)), ==, 0);
  activate (f->window, "win.show-imported-layer", NULL);
  settle ();
  g_assert_cmpuint (gloss_text_view_get_n_teammate_layers (gloss_window_get_text_view (f->window)), ==, 1);
  g_assert_null (gloss_window_get_banner_text (f->window));
}

static void
test_import_own_file (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *text = g_build_filename (f->dir, "note.txt", NULL);
  g_autofree char *ann = g_build_filename (f->dir, "note.ann", NULL);
  GlossDocument *document;
  GtkWidget *dialog;

  write_file (text, NOTE_TEXT);
  write_file (ann, "T1\tOrganization 22 31\tAcme Corp\n");
  f->window = open_window (text);
  document = gloss_window_get_document (f->window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gloss_document_get_layer (document))), ==, 0);

  /* Imported as the user's own annotations. */
  dialog = open_import_dialog (f->window);
  add_input (dialog, ann);
  click (child (dialog, "import_button"));
  wait_until (transfer_done, dialog);
  g_assert_nonnull (strstr (label_text (dialog, "report_label"), "Imported 1 annotation"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();

  /* The window offers to load them instead of writing over them. */
  g_assert_nonnull (gloss_window_get_banner_text (f->window));
  g_assert_nonnull (strstr (gloss_window_get_banner_text (f->window), "your own annotation file"));
  g_assert_cmpint (gloss_document_get_save_state (document), ==, GLOSS_SAVE_STATE_CONFLICT);
  activate (f->window, "win.reload", NULL);
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gloss_document_get_layer (document))), ==, 1);
}

static void
test_import_mismatch (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *text = g_build_filename (f->dir, "note.txt", NULL);
  g_autofree char *ann = g_build_filename (f->dir, "note.ann", NULL);
  g_autofree char *written = g_build_filename (f->dir, "note.txt.brat-team.gloss.json", NULL);
  const char *problems;
  GtkWidget *dialog;

  write_file (text, NOTE_TEXT);
  /* The second line's text is not what the article has at 22–31. */
  write_file (ann, "T1\tPerson 0 3\tThe\nT2\tOrganization 22 31\tAcme Inc.\n");
  f->window = open_window (f->article);

  dialog = open_import_dialog (f->window);
  gtk_editable_set_text (child (dialog, "annotator_entry"), "brat-team");
  /* The folder is searched for .ann files. */
  add_input (dialog, f->dir);
  click (child (dialog, "import_button"));
  wait_until (transfer_done, dialog);

  g_assert_cmpstr (label_text (dialog, "report_title"), ==, "Import Finished with Problems");
  g_assert_nonnull (strstr (label_text (dialog, "report_label"), "Imported 0 annotations"));
  g_assert_true (gtk_widget_get_visible (child (dialog, "problems_scroller")));
  problems = label_text (dialog, "problems_label");
  g_assert_nonnull (strstr (problems, "1 file could not be imported"));
  /* The file and the line, and what is wrong. */
  g_assert_nonnull (strstr (problems, "note.ann:2:"));
  g_assert_nonnull (strstr (problems, "Acme Inc."));
  g_assert_false (g_file_test (written, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A handler of @instance that calls back @window. */
static gulong
handlers_of (gpointer     instance,
             GlossWindow *window)
{
  return g_signal_handler_find (instance, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, window);
}

/* After an import, another article opened in the same window: nothing of
 * the first document reaches the window any more, and the document goes. */
static void
test_import_then_other_article (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *text = g_build_filename (f->dir, "note.txt", NULL);
  g_autofree char *ann = g_build_filename (f->dir, "note.ann", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (f->article);
  GlossDocument *first;
  GListModel *first_teammates;
  gpointer first_weak, teammates_weak;
  GtkWidget *dialog;

  write_file (text, NOTE_TEXT);
  write_file (ann, "T1\tOrganization 22 31\tAcme Corp\n");
  f->window = open_window (text);

  dialog = open_import_dialog (f->window);
  gtk_editable_set_text (child (dialog, "annotator_entry"), "brat-team");
  add_input (dialog, ann);
  click (child (dialog, "import_button"));
  wait_until (transfer_done, dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_until (has_banner, f->window);
  g_assert_nonnull (strstr (gloss_window_get_banner_text (f->window), "brat-team"));

  /* The first document, kept alive here to see who still listens to it. */
  first = g_object_ref (gloss_window_get_document (f->window));
  first_teammates = gloss_document_get_teammate_files (first);
  g_assert_cmpuint (g_list_model_get_n_items (first_teammates), ==, 1);
  g_assert_true (g_signal_has_handler_pending (first_teammates,
                                               g_signal_lookup ("items-changed", G_TYPE_LIST_MODEL),
                                               0, FALSE));

  /* The folder's teammates' files were declined before, so that no offer
   * to show them takes the banner: a banner now could only be left over
   * from the first article. */
  g_settings_set_value (gloss_application_get_settings (test_application ()), "teammate-folders",
                        g_variant_new_parsed ("{%s: false}", f->dir));
  g_assert_true (open_in_window (f->window, other));
  settle ();
  g_settings_reset (gloss_application_get_settings (test_application ()), "teammate-folders");
  g_assert_true (gloss_window_get_document (f->window) != first);

  g_assert_false (g_signal_has_handler_pending (first_teammates,
                                                g_signal_lookup ("items-changed", G_TYPE_LIST_MODEL),
                                                0, FALSE));
  g_assert_cmpuint (handlers_of (first_teammates, f->window), ==, 0);
  g_assert_cmpuint (handlers_of (first, f->window), ==, 0);
  g_assert_cmpuint (handlers_of (gloss_layer_get_history (gloss_document_get_layer (first)), f->window), ==, 0);
  /* The Show Layer of the first article's import is gone with it. */
  g_assert_null (gloss_window_get_banner_text (f->window));

  first_weak = first;
  teammates_weak = first_teammates;
  g_object_add_weak_pointer (G_OBJECT (first), &first_weak);
  g_object_add_weak_pointer (G_OBJECT (first_teammates), &teammates_weak);
  g_object_unref (first);
  wait_until (points_to_null, &first_weak);
  wait_until (points_to_null, &teammates_weak);
}

int
main (int    argc,
      char **argv)
{
  article_test_init (&argc, &argv);

  transfer_test_add ("/import-dialog/brat", test_import_brat);
  transfer_test_add ("/import-dialog/own-file", test_import_own_file);
  transfer_test_add ("/import-dialog/mismatch", test_import_mismatch);
  transfer_test_add ("/import-dialog/then-other-article", test_import_then_other_article);

  return article_test_run ();
}
