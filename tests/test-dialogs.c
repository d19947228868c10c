/* test-dialogs.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Drives the codebook dialog, the preferences window and the name dialog
 * under a display, setting their widgets as a user would. */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "file-test-util.h"
#include "gloss-annotation-file.h"
#include "gloss-annotator-id-dialog.h"
#include "gloss-codebook-dialog.h"
#include "gloss-codebook-row.h"
#include "gloss-document.h"
#include "gloss-name-dialog.h"
#include "gloss-preferences-window.h"

#define ARTICLE "Acme Corp won the contract, and Zenith Ltd appealed.\n"

static char *tmp_dir;
static GSettings *settings;

typedef struct
{
  char *dir;
  GFile *article;
  GlossDocument *document;
  GtkWidget *parent;
  GtkWidget *dialog;
} Fixture;

/* Lets the dialogs draw and the file monitors report. */
static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + 50 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
}

/* Runs the main loop until the fixture's dialog is gone, failing after
 * 5 s. */
static void
wait_until_closed (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (fixture->dialog != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GlossLayer *layer;

  fixture->dir = g_build_filename (tmp_dir, "articles", NULL);
  delete_tree (fixture->dir);
  g_assert_cmpint (g_mkdir_with_parents (fixture->dir, 0700), ==, 0);

  path = g_build_filename (fixture->dir, "contract.txt", NULL);
  write_file (path, ARTICLE);
  fixture->article = g_file_new_for_path (path);

  fixture->document = gloss_document_new_for_article (fixture->article, "tester", "Tester",
                                                      NULL, &error);
  g_assert_no_error (error);
  /* The user's own layer uses "company". */
  gloss_document_set_autosave_delay (fixture->document, 60 * 1000);
  layer = gloss_document_get_layer (fixture->document);
  g_assert_nonnull (gloss_layer_annotate (layer, "company", 0, 9, NULL));

  fixture->parent = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->parent), 300, 200);
  gtk_window_present (GTK_WINDOW (fixture->parent));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  g_assert_null (fixture->dialog);
  gtk_window_destroy (GTK_WINDOW (fixture->parent));
  settle ();

  g_clear_object (&fixture->document);
  g_clear_object (&fixture->article);
  delete_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

/* Opens a dialog on the fixture and keeps a pointer to it that turns NULL
 * when it is destroyed. */
static void
show_dialog (Fixture   *fixture,
             GtkWidget *dialog)
{
  fixture->dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&fixture->dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  settle ();
}

static gpointer
child (GtkWidget  *widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (widget, type, name);

  g_assert_nonnull (object);
  return object;
}

static GlossCodebookRow *
row_at (GtkWidget *dialog,
        int        index)
{
  GtkListBox *list = child (dialog, GLOSS_TYPE_CODEBOOK_DIALOG, "tag_list");
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  g_assert_true (GLOSS_IS_CODEBOOK_ROW (row));
  return GLOSS_CODEBOOK_ROW (row);
}

static gpointer
row_child (GtkWidget  *dialog,
           int         index,
           const char *name)
{
  return child (GTK_WIDGET (row_at (dialog, index)), GLOSS_TYPE_CODEBOOK_ROW, name);
}

static guint
n_rows (GtkWidget *dialog)
{
  GtkListBox *list = child (dialog, GLOSS_TYPE_CODEBOOK_DIALOG, "tag_list");
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

static void
click (gpointer button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static char *
tag_ids (GlossCodebook *codebook)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; gloss_codebook_get_tag (codebook, i) != NULL; i++)
    g_string_append_printf (ids, "%s%s", i ? " " : "",
                            gloss_tag_get_id (gloss_codebook_get_tag (codebook, i)));

  return g_string_free (ids, FALSE);
}

static void
assert_ids (GlossCodebook *codebook,
            const char    *expected)
{
  g_autofree char *ids = tag_ids (codebook);

  g_assert_cmpstr (ids, ==, expected);
}

static void
assert_labelled (gpointer widget)
{
  if (!gtk_test_accessible_has_property (widget, GTK_ACCESSIBLE_PROPERTY_LABEL) &&
      !gtk_test_accessible_has_relation (widget, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    g_error ("a %s has no accessible label", G_OBJECT_TYPE_NAME (widget));
}

static GFile *
codebook_file (Fixture *fixture)
{
  return g_file_new_build_filename (fixture->dir, GLOSS_CODEBOOK_FILE_NAME, NULL);
}

static void
test_codebook_save (Fixture       *fixture,
                    gconstpointer  data)
{
  GlossCodebook *codebook = gloss_document_get_codebook (fixture->document);
  GlossTag *company = gloss_codebook_lookup (codebook, "company");
  GlossTag *controversy = gloss_codebook_lookup (codebook, "controversy");
  GlossTag *claim = gloss_codebook_lookup (codebook, "claim");
  g_autoptr(GFile) file = codebook_file (fixture);
  g_autoptr(GlossCodebook) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_reloaded = NULL;
  const char *names[] = { "color_button", "label_entry", "description_entry",
                          "up_button", "down_button", "remove_button" };
  GdkRGBA teal = { 0.2, 0.4, 0.6, 1.0 };
  GtkWidget *dialog;
  GtkWidget *button;

  show_dialog (fixture, gloss_codebook_dialog_new (GTK_WINDOW (fixture->parent), fixture->document));
  dialog = fixture->dialog;
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->parent));
  g_assert_cmpuint (n_rows (dialog), ==, 3);

  /* Every control of every row says what it is for. */
  for (guint i = 0; i < 3; i++)
    for (guint j = 0; j < G_N_ELEMENTS (names); j++)
      assert_labelled (row_child (dialog, i, names[j]));
  assert_labelled (child (dialog, GLOSS_TYPE_CODEBOOK_DIALOG, "add_entry"));
  assert_labelled (child (dialog, GLOSS_TYPE_CODEBOOK_DIALOG, "add_color_button"));

  /* The rows show the tags, their keys and ids. */
  g_assert_cmpstr (gtk_editable_get_text (row_child (dialog, 0, "label_entry")), ==, "Company");
  g_assert_cmpstr (gtk_label_get_label (row_child (dialog, 0, "id_label")), ==, "company");
  g_assert_cmpstr (gtk_label_get_label (row_child (dialog, 2, "key_label")), ==, "3");
  g_assert_false (gtk_widget_is_sensitive (row_child (dialog, 0, "up_button")));
  g_assert_false (gtk_widget_is_sensitive (row_child (dialog, 2, "down_button")));

  /* "company" is in use: it cannot be deleted, and the button says why. */
  button = row_child (dialog, 0, "remove_button");
  g_assert_false (gtk_widget_is_sensitive (button));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (button), "cannot be deleted"));
  g_assert_true (gtk_widget_is_sensitive (row_child (dialog, 1, "remove_button")));

  /* A colour, a label and a description, as a user sets them. */
  gtk_color_chooser_set_rgba (row_child (dialog, 1, "color_button"), &teal);
  gtk_editable_set_text (row_child (dialog, 2, "label_entry"), "Checkable claim");
  gtk_editable_set_text (row_child (dialog, 2, "description_entry"), "A figure to check");
  /* Nothing reaches the document before Save. */
  g_assert_cmpstr (gloss_tag_get_color (controversy), ==, "#e66100");
  g_assert_cmpstr (gloss_tag_get_label (claim), ==, "Claim");

  /* Company moves down; the focus follows it. */
  click (row_child (dialog, 0, "down_button"));
  assert_ids (gloss_codebook_dialog_get_codebook (GLOSS_CODEBOOK_DIALOG (dialog)),
              "controversy company claim");
  g_assert_cmpstr (gtk_label_get_label (row_child (dialog, 1, "id_label")), ==, "company");
  g_assert_cmpstr (gtk_label_get_label (row_child (dialog, 1, "key_label")), ==, "2");
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (dialog)) == row_child (dialog, 1, "down_button"));
  assert_ids (codebook, "company controversy claim");

  /* An empty label is refused. */
  button = child (dialog, GLOSS_TYPE_CODEBOOK_DIALOG, "add_button");
  g_assert_false (gtk_widget_is_sensitive (button));
  gtk_editable_set_text (child (dialog, GLOSS_TYPE_CODEBOOK_DIALOG, "add_entry"), "   ");
  g_assert_false (gtk_widget_is_sensitive (button));

  /* A new tag whose slug is taken gets "-2". */
  gtk_editable_set_text (child (dialog, GLOSS_TYPE_CODEBOOK_DIALOG, "add_entry"), "Company");
  g_assert_cmpstr (gtk_label_get_label (child (dialog, GLOSS_TYPE_CODEBOOK_DIALOG, "add_id_label")),
                   ==, "company-2");
  click (button);
  g_assert_cmpuint (n_rows (dialog), ==, 4);
  g_assert_cmpstr (gtk_editable_get_text (child (dialog, GLOSS_TYPE_CODEBOOK_DIALOG, "add_entry")), ==, "");
  g_assert_true (gtk_widget_is_sensitive (row_child (dialog, 3, "remove_button")));
  g_assert_true (gtk_widget_is_sensitive (row_child (dialog, 2, "down_button")));
  settle ();

  click (child (dialog, GLOSS_TYPE_CODEBOOK_DIALOG, "save_button"));
  settle ();
  g_assert_null (fixture->dialog);

  /* The same tag objects, changed in place, in the new order. */
  assert_ids (codebook, "controversy company claim company-2");
  g_assert_true (gloss_codebook_get_tag (codebook, 0) == controversy);
  g_assert_true (gloss_codebook_get_tag (codebook, 1) == company);
  g_assert_true (gloss_codebook_get_tag (codebook, 2) == claim);
  g_assert_cmpstr (gloss_tag_get_color (controversy), ==, "#336699");
  g_assert_cmpstr (gloss_tag_get_label (claim), ==, "Checkable claim");
  g_assert_cmpstr (gloss_tag_get_description (claim), ==, "A figure to check");
  g_assert_cmpuint (gloss_tag_get_order (company), ==, 2);
  g_assert_cmpstr (gloss_tag_get_label (gloss_codebook_get_tag (codebook, 3)), ==, "Company");
  g_assert_cmpstr (gloss_tag_get_color (gloss_codebook_get_tag (codebook, 3)), ==, "#2ec27e");

  /* Written beside the article, and read back the same. */
  g_assert_true (g_file_equal (gloss_codebook_get_file (codebook), file));
  reloaded = gloss_codebook_new_from_file (file, &error);
  g_assert_no_error (error);
  json = gloss_codebook_to_json (codebook);
  json_reloaded = gloss_codebook_to_json (reloaded);
  g_assert_cmpstr (json_reloaded, ==, json);
}

static void
test_codebook_cancel (Fixture       *fixture,
                      gconstpointer  data)
{
  GlossCodebook *codebook = gloss_document_get_codebook (fixture->document);
  g_autoptr(GFile) file = codebook_file (fixture);
  g_autofree char *json = gloss_codebook_to_json (codebook);
  g_autofree char *json_after = NULL;
  GtkWidget *dialog;

  show_dialog (fixture, gloss_codebook_dialog_new (GTK_WINDOW (fixture->parent), fixture->document));
  dialog = fixture->dialog;

  gtk_editable_set_text (row_child (dialog, 0, "label_entry"), "Firm");
  click (row_child (dialog, 2, "up_button"));
  click (row_child (dialog, 2, "remove_button"));
  gtk_editable_set_text (child (dialog, GLOSS_TYPE_CODEBOOK_DIALOG, "add_entry"), "Person");
  click (child (dialog, GLOSS_TYPE_CODEBOOK_DIALOG, "add_button"));
  assert_ids (gloss_codebook_dialog_get_codebook (GLOSS_CODEBOOK_DIALOG (dialog)),
              "company claim person");

  click (child (dialog, GLOSS_TYPE_CODEBOOK_DIALOG, "cancel_button"));
  settle ();
  g_assert_null (fixture->dialog);

  json_after = gloss_codebook_to_json (codebook);
  g_assert_cmpstr (json_after, ==, json);
  g_assert_false (g_file_query_exists (file, NULL));

  /* Escape closes it the same way. */
  show_dialog (fixture, gloss_codebook_dialog_new (GTK_WINDOW (fixture->parent), fixture->document));
  gtk_editable_set_text (row_child (fixture->dialog, 0, "label_entry"), "Firm");
  gtk_widget_activate_action (fixture->dialog, "window.close", NULL);
  settle ();
  g_assert_null (fixture->dialog);
  g_assert_cmpstr (gloss_tag_get_label (gloss_codebook_lookup (codebook, "company")), ==, "Company");
}

static void
test_codebook_save_error (Fixture       *fixture,
                          gconstpointer  data)
{
  GlossCodebook *codebook = gloss_document_get_codebook (fixture->document);
  g_autoptr(GFile) file = codebook_file (fixture);
  GtkWidget *dialog;
  GtkLabel *error_label;

  /* A folder where the file should go: it cannot be written. */
  g_assert_cmpint (g_mkdir (g_file_peek_path (file), 0700), ==, 0);

  show_dialog (fixture, gloss_codebook_dialog_new (GTK_WINDOW (fixture->parent), fixture->document));
  dialog = fixture->dialog;
  gtk_editable_set_text (row_child (dialog, 0, "label_entry"), "Firm");
  click (child (dialog, GLOSS_TYPE_CODEBOOK_DIALOG, "save_button"));
  settle ();

  /* The dialog stays, says why, and the document has not changed. */
  g_assert_nonnull (fixture->dialog);
  g_assert_true (gtk_revealer_get_reveal_child (child (dialog, GLOSS_TYPE_CODEBOOK_DIALOG,
                                                       "error_revealer")));
  error_label = child (dialog, GLOSS_TYPE_CODEBOOK_DIALOG, "error_label");
  g_assert_nonnull (strstr (gtk_label_get_label (error_label), GLOSS_CODEBOOK_FILE_NAME));
  g_assert_cmpstr (gloss_tag_get_label (gloss_codebook_lookup (codebook, "company")), ==, "Company");
  g_assert_null (gloss_codebook_get_file (codebook));

  /* Once the way is clear, Save works. */
  g_assert_cmpint (g_rmdir (g_file_peek_path (file)), ==, 0);
  click (child (dialog, GLOSS_TYPE_CODEBOOK_DIALOG, "save_button"));
  settle ();
  g_assert_null (fixture->dialog);
  g_assert_cmpstr (gloss_tag_get_label (gloss_codebook_lookup (codebook, "company")), ==, "Firm");
  g_assert_true (g_file_query_exists (file, NULL));
}

static void
reset_settings (void)
{
  g_settings_reset (settings, "annotator-name");
  g_settings_reset (settings, "annotator-id");
  g_settings_reset (settings, "snap-to-words");
  g_settings_reset (settings, "font");
}

static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *login_id = gloss_default_annotator_id ();
  g_autofree char *name = NULL;
  g_autofree char *font = NULL;
  GtkWidget *window;
  GtkEditable *entry;
  GtkLabel *file_label;
  GtkSwitch *snap;
  GtkWidget *reset;

  reset_settings ();
  show_dialog (fixture, gloss_preferences_window_new (GTK_WINDOW (fixture->parent), settings));
  window = fixture->dialog;
  g_assert_false (gtk_window_get_modal (GTK_WINDOW (window)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (window)) == GTK_WINDOW (fixture->parent));

  entry = child (window, GLOSS_TYPE_PREFERENCES_WINDOW, "name_entry");
  file_label = child (window, GLOSS_TYPE_PREFERENCES_WINDOW, "file_label");
  snap = child (window, GLOSS_TYPE_PREFERENCES_WINDOW, "snap_switch");
  reset = child (window, GLOSS_TYPE_PREFERENCES_WINDOW, "font_reset_button");
  assert_labelled (entry);
  assert_labelled (snap);
  assert_labelled (reset);
  assert_labelled (child (window, GLOSS_TYPE_PREFERENCES_WINDOW, "font_button"));

  /* No name yet: the login name names the files. */
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  g_assert_nonnull (strstr (gtk_label_get_label (file_label), login_id));

  /* Typing a name stores it at once and shows the id it gives. */
  gtk_editable_set_text (entry, "Élodie Martin");
  name = g_settings_get_string (settings, "annotator-name");
  g_assert_cmpstr (name, ==, "Élodie Martin");
  g_assert_nonnull (strstr (gtk_label_get_label (file_label), "…elodie-martin.gloss.json"));

  /* And the other way round. */
  g_settings_set_string (settings, "annotator-name", "Ben Okafor");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Ben Okafor");
  g_assert_nonnull (strstr (gtk_label_get_label (file_label), "…ben-okafor.gloss.json"));

  /* Once the id is kept, a new name leaves it, and the files' names. */
  g_settings_set_string (settings, "annotator-id", "ben-okafor");
  gtk_editable_set_text (entry, "Benjamin Okafor-Diallo");
  g_assert_nonnull (strstr (gtk_label_get_label (file_label), "…ben-okafor.gloss.json"));
  g_clear_pointer (&name, g_free);
  name = g_settings_get_string (settings, "annotator-id");
  g_assert_cmpstr (name, ==, "ben-okafor");
  g_settings_set_string (settings, "annotator-id", "benjamin");
  g_assert_nonnull (strstr (gtk_label_get_label (file_label), "…benjamin.gloss.json"));
  g_assert_true (gtk_widget_is_sensitive (child (window, GLOSS_TYPE_PREFERENCES_WINDOW, "change_id_button")));

  /* The switch, and its row. */
  g_assert_true (gtk_switch_get_active (snap));
  gtk_switch_set_active (snap, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "snap-to-words"));
  gtk_widget_activate (child (window, GLOSS_TYPE_PREFERENCES_WINDOW, "snap_row"));
  g_assert_true (g_settings_get_boolean (settings, "snap-to-words"));
  g_assert_true (gtk_switch_get_active (snap));

  /* The font: the default until one is chosen, then a way back. */
  g_assert_false (gtk_widget_is_sensitive (reset));
  gtk_font_chooser_set_font (child (window, GLOSS_TYPE_PREFERENCES_WINDOW, "font_button"), "Serif 14");
  font = g_settings_get_string (settings, "font");
  g_assert_cmpstr (font, ==, "Serif 14");
  g_assert_true (gtk_widget_is_sensitive (reset));
  click (reset);
  g_clear_pointer (&font, g_free);
  font = g_settings_get_string (settings, "font");
  g_assert_cmpstr (font, ==, "");
  g_assert_false (gtk_widget_is_sensitive (reset));

  gtk_widget_activate_action (window, "window.close", NULL);
  settle ();
  g_assert_null (fixture->dialog);
  reset_settings ();
}

static void
count_done (GtkWidget *dialog,
            guint     *count)
{
  (*count)++;
}

static void
test_name_dialog (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *real_name = g_get_real_name ();
  g_autofree char *name = NULL;
  guint done = 0;
  GtkWidget *dialog;
  GtkEditable *entry;
  GtkEditable *id_entry;
  GtkLabel *preview;
  GtkWidget *button;

  reset_settings ();
  show_dialog (fixture, gloss_name_dialog_new (GTK_WINDOW (fixture->parent), settings));
  dialog = fixture->dialog;
  g_signal_connect (dialog, "done", G_CALLBACK (count_done), &done);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));

  entry = child (dialog, GLOSS_TYPE_NAME_DIALOG, "name_entry");
  preview = child (dialog, GLOSS_TYPE_NAME_DIALOG, "preview_label");
  button = child (dialog, GLOSS_TYPE_NAME_DIALOG, "continue_button");
  assert_labelled (entry);
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) == button);

  /* Prefilled with the full name the system knows, if any. */
  if (real_name == NULL || *real_name == '\0' || strcmp (real_name, "Unknown") == 0)
    g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  else
    g_assert_cmpstr (gtk_editable_get_text (entry), ==, real_name);

  gtk_editable_set_text (entry, "");
  g_assert_false (gtk_widget_is_sensitive (button));
  gtk_editable_set_text (entry, "?!");
  g_assert_false (gtk_widget_is_sensitive (button));

  gtk_editable_set_text (entry, "  Camille Roussel ");
  g_assert_nonnull (strstr (gtk_label_get_label (preview), "…camille-roussel.gloss.json"));
  g_assert_true (gtk_widget_is_sensitive (button));
  /* The id follows the name, until it is typed by hand. */
  id_entry = child (dialog, GLOSS_TYPE_NAME_DIALOG, "id_entry");
  assert_labelled (id_entry);
  g_assert_cmpstr (gtk_editable_get_text (id_entry), ==, "camille-roussel");
  gtk_editable_set_text (id_entry, "c--roussel");
  g_assert_false (gtk_widget_is_sensitive (button));
  gtk_editable_set_text (id_entry, "Camille");
  g_assert_false (gtk_widget_is_sensitive (button));
  gtk_editable_set_text (id_entry, "croussel");
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_nonnull (strstr (gtk_label_get_label (preview), "…croussel.gloss.json"));
  gtk_editable_set_text (entry, "Camille Roussel");
  g_assert_cmpstr (gtk_editable_get_text (id_entry), ==, "croussel");
  /* Nothing is stored before Continue. */
  name = g_settings_get_string (settings, "annotator-name");
  g_assert_cmpstr (name, ==, "");

  /* Enter in the entry (its text widget) activates Continue, the
   * default button, which shows itself pressed for a moment first. */
  g_signal_emit_by_name (gtk_editable_get_delegate (entry), "activate");
  wait_until_closed (fixture);
  g_assert_cmpuint (done, ==, 1);
  g_clear_pointer (&name, g_free);
  name = g_settings_get_string (settings, "annotator-name");
  g_assert_cmpstr (name, ==, "Camille Roussel");
  g_clear_pointer (&name, g_free);
  name = g_settings_get_string (settings, "annotator-id");
  g_assert_cmpstr (name, ==, "croussel");

  /* Closed without a name: nothing stored, done all the same. */
  reset_settings ();
  done = 0;
  show_dialog (fixture, gloss_name_dialog_new (GTK_WINDOW (fixture->parent), settings));
  g_signal_connect (fixture->dialog, "done", G_CALLBACK (count_done), &done);
  gtk_editable_set_text (child (fixture->dialog, GLOSS_TYPE_NAME_DIALOG, "name_entry"), "Malik");
  gtk_window_close (GTK_WINDOW (fixture->dialog));
  settle ();
  g_assert_null (fixture->dialog);
  g_assert_cmpuint (done, ==, 1);
  g_clear_pointer (&name, g_free);
  name = g_settings_get_string (settings, "annotator-name");
  g_assert_cmpstr (name, ==, "");
}

static void
test_annotator_id_valid (void)
{
  const char *valid[] = { "alice", "alice-moreau", "a1", "x-2-y", NULL };
  const char *invalid[] = { "", "Alice", "alice moreau", "alice_moreau", "alice--moreau",
                            "-alice", "alice-", GLOSS_CONSENSUS_ANNOTATOR, "élodie", "a/b", NULL };
  g_autofree char *long_id = g_strnfill (65, 'a');
  g_autofree char *from_name = NULL;
  g_autofree char *from_underscores = NULL;

  for (guint i = 0; valid[i] != NULL; i++)
    g_assert_true (gloss_annotator_id_is_valid (valid[i]));
  for (guint i = 0; invalid[i] != NULL; i++)
    g_assert_false (gloss_annotator_id_is_valid (invalid[i]));
  g_assert_false (gloss_annotator_id_is_valid (long_id));

  from_name = gloss_annotator_id_from_name ("  Élodie  Martin ");
  g_assert_cmpstr (from_name, ==, "elodie-martin");
  from_underscores = gloss_annotator_id_from_name ("jean__luc");
  g_assert_cmpstr (from_underscores, ==, "jean-luc");
  g_assert_null (gloss_annotator_id_from_name ("?!"));
}

/* Writes @article_name with a text, and the annotation file of @id
 * beside it with one passage; returns that file. */
static GFile *
write_annotated (const char *dir,
                 const char *article_name,
                 const char *id)
{
  g_autofree char *path = g_build_filename (dir, article_name, NULL);
  g_autoptr(GFile) article = g_file_new_for_path (path);
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  write_file (path, "Acme signed the contract.\n");
  source = gloss_source_new_from_plain_text (article, 0, NULL, &error);
  g_assert_no_error (error);
  file = gloss_annotation_file_new (source, id, "Alice Moreau");
  g_assert_nonnull (gloss_layer_annotate (gloss_annotation_file_get_layer (file), "company", 0, 4, NULL));
  g_assert_true (gloss_annotation_file_save (file, GLOSS_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);

  return g_object_ref (gloss_annotation_file_get_file (file));
}

static void
assert_annotator_of (const char *dir,
                     const char *name,
                     const char *id)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossAnnotationFile) loaded = NULL;
  g_autoptr(GError) error = NULL;
  GlossLayer *layer;

  loaded = gloss_annotation_file_load (file, GLOSS_LOAD_NONE, NULL, &error);
  g_assert_no_error (error);
  layer = gloss_annotation_file_get_layer (loaded);
  g_assert_cmpstr (gloss_layer_get_annotator_id (layer), ==, id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (layer)), ==, 1);
}

static gboolean
file_exists (const char *dir,
             const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Changes the id to @new_id in the dialog on @folder, and waits for
 * its report. */
static const char *
change_id (Fixture    *fixture,
           GFile      *folder,
           const char *new_id,
           gboolean    subfolders)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWidget *dialog;
  GtkWidget *button;
  GtkEditable *entry;

  show_dialog (fixture, gloss_annotator_id_dialog_new (GTK_WINDOW (fixture->parent), settings, folder));
  dialog = fixture->dialog;
  entry = child (dialog, GLOSS_TYPE_ANNOTATOR_ID_DIALOG, "id_entry");
  button = child (dialog, GLOSS_TYPE_ANNOTATOR_ID_DIALOG, "change_button");
  assert_labelled (entry);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));

  /* The current id is offered, and cannot be given again. */
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "alice");
  g_assert_false (gtk_widget_is_sensitive (button));
  gtk_editable_set_text (entry, GLOSS_CONSENSUS_ANNOTATOR);
  g_assert_false (gtk_widget_is_sensitive (button));
  g_assert_nonnull (strstr (gtk_label_get_label (child (dialog, GLOSS_TYPE_ANNOTATOR_ID_DIALOG, "hint_label")),
                            "consensus"));
  gtk_editable_set_text (entry, "Alice M");
  g_assert_false (gtk_widget_is_sensitive (button));

  gtk_editable_set_text (entry, new_id);
  g_assert_true (gtk_widget_is_sensitive (button));
  gtk_check_button_set_active (child (dialog, GLOSS_TYPE_ANNOTATOR_ID_DIALOG, "subfolders_check"), subfolders);
  click (button);

  while (gloss_annotator_id_dialog_get_report (GLOSS_ANNOTATOR_ID_DIALOG (dialog)) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return gloss_annotator_id_dialog_get_report (GLOSS_ANNOTATOR_ID_DIALOG (dialog));
}

static void
test_change_id (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *root = g_build_filename (tmp_dir, "change-id", NULL);
  g_autofree char *sub = g_build_filename (root, "week-2", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (root);
  g_autoptr(GFile) a = NULL;
  g_autoptr(GFile) b = NULL;
  g_autoptr(GFile) c = NULL;
  g_autoptr(GFile) d = NULL;
  g_autoptr(GFile) e = NULL;
  g_autofree char *id = NULL;
  const char *report;

  reset_settings ();
  delete_tree (root);
  g_settings_set_string (settings, "annotator-name", "Alice Moreau");
  g_settings_set_string (settings, "annotator-id", "alice");
  a = write_annotated (root, "one.txt", "alice");
  b = write_annotated (root, "two.txt", "alice");
  c = write_annotated (sub, "three.txt", "alice");
  /* A teammate's file and a file already under the new id. */
  d = write_annotated (root, "one.txt", "ben");
  e = write_annotated (root, "two.txt", "alice-m");

  /* The folder alone: one file moves, the other is left, by name. */
  report = change_id (fixture, folder, "alice-m", FALSE);
  g_assert_nonnull (strstr (report, "1 file was renamed"));
  g_assert_nonnull (strstr (report, "two.txt.alice.gloss.json"));
  g_assert_nonnull (strstr (report, "two.txt.alice-m.gloss.json"));
  id = g_settings_get_string (settings, "annotator-id");
  g_assert_cmpstr (id, ==, "alice-m");
  g_assert_false (file_exists (root, "one.txt.alice.gloss.json"));
  assert_annotator_of (root, "one.txt.alice-m.gloss.json", "alice-m");
  assert_annotator_of (root, "two.txt.alice.gloss.json", "alice");
  assert_annotator_of (root, "two.txt.alice-m.gloss.json", "alice-m");
  assert_annotator_of (root, "one.txt.ben.gloss.json", "ben");
  assert_annotator_of (sub, "three.txt.alice.gloss.json", "alice");
  gtk_window_close (GTK_WINDOW (fixture->dialog));
  settle ();

  /* With the subfolders, as alice again: her two files left move. */
  g_settings_set_string (settings, "annotator-id", "alice");
  report = change_id (fixture, folder, "alice-b", TRUE);
  g_assert_nonnull (strstr (report, "2 files were renamed"));
  assert_annotator_of (root, "two.txt.alice-b.gloss.json", "alice-b");
  assert_annotator_of (sub, "three.txt.alice-b.gloss.json", "alice-b");
  g_assert_false (file_exists (sub, "three.txt.alice.gloss.json"));
  assert_annotator_of (root, "one.txt.ben.gloss.json", "ben");
  gtk_window_close (GTK_WINDOW (fixture->dialog));
  settle ();

  delete_tree (root);
  reset_settings ();
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  /* The accessible labels are read from GTK's test context; the session's
   * accessibility bus, shared by tests running side by side, is not
   * needed and may vanish under them. */
  g_setenv ("GTK_A11Y", "test", FALSE);
  gtk_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("gloss-test-dialogs-XXXXXX", &error);
  g_assert_no_error (error);
  settings = g_settings_new (APP_ID);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/dialogs/codebook/save", test_codebook_save);
  ADD ("/dialogs/codebook/cancel", test_codebook_cancel);
  ADD ("/dialogs/codebook/save-error", test_codebook_save_error);
  ADD ("/dialogs/preferences", test_preferences);
  ADD ("/dialogs/name", test_name_dialog);
  ADD ("/dialogs/change-id", test_change_id);
  g_test_add_func ("/dialogs/annotator-id-valid", test_annotator_id_valid);

#undef ADD

  status = g_test_run ();

  g_clear_object (&settings);
  delete_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
