/* test-export-dialog.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Export… in a real window under a display: the dialog is opened through
 * the window's action, set through its widgets and actions as a user
 * would, run in its thread while the test turns the main loop, and what it
 * wrote is read back from disk. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gloss-annotation-file.h"
#include "gloss-export-dialog.h"
#include "gloss-format-chooser.h"
#include "transfer-test-util.h"

#define CSV_HEADER \
  "document,source_sha256,annotator,annotation_id,tag,tag_label,start,end,text," \
  "context_before,context_after,note,created,modified,status,source_location,group,attr_verdict\r\n"

/* The export dialog, opened by Export… in the window. */
static GtkWidget *
open_export_dialog (GlossWindow *window)
{
  GtkWidget *dialog = open_transfer_dialog (window, "win.export", GLOSS_TYPE_EXPORT_DIALOG);

  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  return dialog;
}

static gboolean
scan_done (gpointer dialog)
{
  return gtk_widget_get_visible (child (dialog, "scan_spinner")) == FALSE;
}

/* The annotators the dialog lists, "id id …", with a * after each one
 * checked. */
static char *
annotator_rows (GtkWidget *dialog)
{
  GString *rows = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (child (dialog, "annotator_list"));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = GTK_CHECK_BUTTON (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));

      assert_labelled (check);
      g_string_append_printf (rows, "%s%s%s", rows->len ? " " : "", gtk_check_button_get_label (check),
                              gtk_check_button_get_active (check) ? "*" : "");
    }

  return g_string_free (rows, FALSE);
}

static void
uncheck_annotator (GtkWidget  *dialog,
                   const char *id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (child (dialog, "annotator_list"));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = GTK_CHECK_BUTTON (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));

      if (strcmp (gtk_check_button_get_label (check), id) == 0)
        gtk_check_button_set_active (check, FALSE);
    }
}

static void
set_destination (GtkWidget  *dialog,
                 const char *path)
{
  gtk_editable_set_text (child (dialog, "destination_entry"), path);
}

/* Counts the records of an RFC 4180 text (quoted fields may hold line
 * breaks) and the records whose third column is @annotator. */
static guint
count_csv_records (const char *csv,
                   const char *annotator,
                   guint      *n_annotator)
{
  guint records = 0, column = 0;
  gboolean quoted = FALSE;
  GString *field = g_string_new (NULL);

  *n_annotator = 0;
  for (const char *p = csv; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (field, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
          continue;
        }

      if (*p == '"')
        quoted = TRUE;
      else if (*p == ',' || *p == '\n')
        {
          if (column == 2 && strcmp (field->str, annotator) == 0)
            (*n_annotator)++;
          g_string_truncate (field, 0);
          column++;
          if (*p == '\n')
            {
              records++;
              column = 0;
            }
        }
      else if (*p != '\r')
        g_string_append_c (field, *p);
    }

  g_string_free (field, TRUE);
  return records;
}

static void
test_export_article_csv (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *destination = g_build_filename (f->out, "bridge.csv", NULL);
  g_autofree char *proposed = g_build_filename (f->dir, "harbour-bridge.csv", NULL);
  g_autofree char *rows = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *launched = NULL;
  g_autofree char *expected_uri = NULL;
  GtkWidget *dialog;
  guint n_alice;

  f->window = open_window (f->article);
  dialog = open_export_dialog (f->window);

  /* Every control says what it is for. */
  assert_labelled (child (dialog, "format_dropdown"));
  assert_labelled (child (dialog, "destination_entry"));
  assert_labelled (child (dialog, "annotator_list"));
  assert_labelled (child (dialog, "offsets_dropdown"));
  assert_labelled (child (dialog, "scheme_dropdown"));
  assert_labelled (child (dialog, "article_check"));
  assert_labelled (child (dialog, "folder_check"));
  assert_labelled (child (dialog, "progress_bar"));
  assert_form_aligned (dialog, "destination_entry");

  /* The layers beside the article, all checked; a CSV proposed beside it. */
  wait_until (scan_done, dialog);
  rows = annotator_rows (dialog);
  g_assert_cmpstr (rows, ==, "alice-moreau* ben-okafor*");
  g_assert_cmpuint (gtk_drop_down_get_selected (child (dialog, "format_dropdown")), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (child (dialog, "destination_entry")), ==, proposed);
  /* Only CSV's own option shows. */
  g_assert_true (gtk_widget_get_visible (child (dialog, "spreadsheet_check")));
  g_assert_false (gtk_widget_get_visible (child (dialog, "offsets_box")));
  g_assert_false (gtk_widget_get_visible (child (dialog, "scheme_box")));

  /* Another format proposes its own name and shows its options. */
  gtk_drop_down_set_selected (child (dialog, "format_dropdown"), 4);
  g_assert_true (g_str_has_suffix (gtk_editable_get_text (child (dialog, "destination_entry")),
                                   "harbour-bridge-doccano.jsonl"));
  g_assert_true (gtk_widget_get_visible (child (dialog, "offsets_box")));
  g_assert_false (gtk_widget_get_visible (child (dialog, "spreadsheet_check")));
  gtk_drop_down_set_selected (child (dialog, "format_dropdown"), 0);

  set_destination (dialog, destination);
  click (child (dialog, "export_button"));
  g_assert_true (gloss_transfer_dialog_get_running (GLOSS_TRANSFER_DIALOG (dialog)));
  wait_until (transfer_done, dialog);

  g_assert_cmpstr (label_text (dialog, "report_title"), ==, "Export Finished");
  g_assert_nonnull (strstr (label_text (dialog, "report_label"), "31 annotations from 1 article"));

  /* Python's csv module would read the same: the header, then one record
   * per annotation of both layers. */
  csv = read_file (destination);
  g_assert_true (g_str_has_prefix (csv, CSV_HEADER));
  g_assert_cmpuint (count_csv_records (csv, "alice-moreau", &n_alice), ==, 1 + 14 + 17);
  g_assert_cmpuint (n_alice, ==, 14);

  /* Open Folder asks for the folder of the CSV. */
  g_signal_connect (dialog, "open-folder", G_CALLBACK (record_uri), &launched);
  click (child (dialog, "open_folder_button"));
  expected_uri = g_filename_to_uri (f->out, NULL, NULL);
  g_assert_cmpstr (launched, ==, expected_uri);

  gtk_window_close (GTK_WINDOW (dialog));
  settle ();
  g_assert_null (find_toplevel (GLOSS_TYPE_EXPORT_DIALOG));
}

static void
test_export_annotators (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *destination = g_build_filename (f->out, "ben.csv", NULL);
  g_autofree char *rows = NULL;
  g_autofree char *csv = NULL;
  GtkWidget *dialog;
  guint n_ben;

  f->window = open_window (f->article);
  dialog = open_export_dialog (f->window);
  wait_until (scan_done, dialog);

  /* Only Ben's layer. */
  uncheck_annotator (dialog, "alice-moreau");
  rows = annotator_rows (dialog);
  g_assert_cmpstr (rows, ==, "alice-moreau ben-okafor*");
  gtk_check_button_set_active (child (dialog, "spreadsheet_check"), TRUE);
  set_destination (dialog, destination);
  click (child (dialog, "export_button"));
  wait_until (transfer_done, dialog);

  csv = read_file (destination);
  g_assert_cmpuint (count_csv_records (csv, "ben-okafor", &n_ben), ==, 1 + 17);
  g_assert_cmpuint (n_ben, ==, 17);
  g_assert_null (strstr (csv, "alice-moreau"));

  /* Nobody checked: nothing to export. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  dialog = open_export_dialog (f->window);
  wait_until (scan_done, dialog);
  uncheck_annotator (dialog, "alice-moreau");
  uncheck_annotator (dialog, "ben-okafor");
  g_assert_false (gtk_widget_is_sensitive (child (dialog, "export_button")));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static guint
count_files (const char *path,
             const char *suffix)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child_path = g_build_filename (path, name, NULL);

      if (g_file_test (child_path, G_FILE_TEST_IS_DIR))
        n += count_files (child_path, suffix);
      else if (g_str_has_suffix (name, suffix))
        n++;
    }

  return n;
}

static guint
count_lines_starting (const char *text,
                      char        first)
{
  guint n = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = strchr (p, '\n') ? strchr (p, '\n') + 1 : NULL)
    n += *p == first;

  return n;
}

static void
test_export_folder_brat (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *sub = g_build_filename (f->dir, "french", NULL);
  g_autofree char *destination = g_build_filename (f->out, "brat", NULL);
  g_autofree char *alice = g_build_filename (destination, "alice-moreau", "harbour-bridge.ann", NULL);
  g_autofree char *ben = g_build_filename (destination, "ben-okafor", "harbour-bridge.ann", NULL);
  g_autofree char *rows = NULL;
  g_autofree char *ann = NULL;
  GtkWidget *dialog;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  copy_article (sub, "contrat-cloud.txt");

  f->window = open_window (f->article);
  dialog = open_export_dialog (f->window);
  wait_until (scan_done, dialog);

  /* The folder and its subfolder: four annotators. */
  gtk_check_button_set_active (child (dialog, "folder_check"), TRUE);
  g_assert_false (scan_done (dialog));
  wait_until (scan_done, dialog);
  rows = annotator_rows (dialog);
  g_assert_cmpstr (rows, ==, "alice-moreau* ben-okafor* camille-roussel* malik-benali*");
  g_assert_nonnull (strstr (label_text (dialog, "scan_label"), "2 annotated articles"));

  /* brat writes a folder. */
  gtk_drop_down_set_selected (child (dialog, "format_dropdown"), 2);
  g_assert_true (g_str_has_suffix (gtk_editable_get_text (child (dialog, "destination_entry")), "-brat"));
  set_destination (dialog, destination);
  click (child (dialog, "export_button"));
  wait_until (transfer_done, dialog);
  g_assert_cmpstr (label_text (dialog, "report_title"), ==, "Export Finished");
  g_assert_nonnull (strstr (label_text (dialog, "report_label"), "from 2 articles"));

  /* One subfolder per annotator, a .txt and an .ann per article. */
  g_assert_true (g_file_test (alice, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (ben, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_files (destination, ".ann"), ==, 4);
  g_assert_cmpuint (count_files (destination, ".txt"), ==, 4);
  ann = read_file (alice);
  g_assert_cmpuint (count_lines_starting (ann, 'T'), >=, 14);
  g_free (ann);
  ann = g_build_filename (destination, "annotation.conf", NULL);
  g_assert_true (g_file_test (ann, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A folder of @n articles, each annotated once by "tester". */
static void
make_corpus (const char *dir,
             guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("article-%03u.txt", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GlossSource) source = NULL;
      g_autoptr(GlossAnnotationFile) annotations = NULL;
      g_autoptr(GError) error = NULL;

      write_file (path, "Acme Corp won the contract, and Zenith Ltd appealed.\n");
      source = gloss_source_new_from_plain_text (file, 0, NULL, &error);
      g_assert_no_error (error);
      annotations = gloss_annotation_file_new (source, "tester", "Tester");
      gloss_layer_annotate (gloss_annotation_file_get_layer (annotations), "company", 0, 9, NULL);
      g_assert_true (gloss_annotation_file_save (annotations, GLOSS_SAVE_NONE, NULL, &error));
      g_assert_no_error (error);
    }
}

static gboolean
no_export_dialog (gpointer data)
{
  return find_toplevel (GLOSS_TYPE_EXPORT_DIALOG) == NULL;
}

static void
test_export_cancel (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *corpus = g_build_filename (f->dir, "corpus", NULL);
  g_autofree char *first = g_build_filename (corpus, "article-000.txt", NULL);
  g_autofree char *brat = g_build_filename (f->out, "brat", NULL);
  g_autofree char *csv = g_build_filename (f->out, "corpus.csv", NULL);
  GtkWidget *dialog;

  g_assert_cmpint (g_mkdir (corpus, 0700), ==, 0);
  make_corpus (corpus, 300);

  f->window = open_window (first);
  dialog = open_export_dialog (f->window);
  gtk_check_button_set_active (child (dialog, "folder_check"), TRUE);
  wait_until (scan_done, dialog);
  g_assert_nonnull (strstr (label_text (dialog, "scan_label"), "300 annotated articles"));

  /* brat: stopped at once, most articles are never written. */
  gtk_drop_down_set_selected (child (dialog, "format_dropdown"), 2);
  set_destination (dialog, brat);
  click (child (dialog, "export_button"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (dialog, "stack")), ==, "progress");
  click (child (dialog, "stop_button"));
  wait_until (transfer_done, dialog);
  g_assert_cmpstr (label_text (dialog, "report_title"), ==, "Export Cancelled");
  g_assert_nonnull (strstr (label_text (dialog, "report_label"), "cancelled after"));
  g_assert_cmpuint (count_files (brat, ".ann"), <, 300);
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();

  /* CSV: the file is only put in place at the end; stopped, it is never
   * written. */
  dialog = open_export_dialog (f->window);
  gtk_check_button_set_active (child (dialog, "folder_check"), TRUE);
  wait_until (scan_done, dialog);
  set_destination (dialog, csv);
  click (child (dialog, "export_button"));
  /* Closing the dialog while it writes stops the export first. */
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_nonnull (find_toplevel (GLOSS_TYPE_EXPORT_DIALOG));
  wait_until (no_export_dialog, NULL);
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
}

static void
test_export_destination_exists (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *destination = g_build_filename (f->out, "existing.csv", NULL);
  g_autofree char *article_before = read_file (f->article);
  g_autofree char *article_after = NULL;
  g_autofree char *csv = NULL;
  GtkWidget *dialog;
  GtkRevealer *revealer;

  write_file (destination, "keep me\n");
  f->window = open_window (f->article);
  dialog = open_export_dialog (f->window);
  wait_until (scan_done, dialog);
  revealer = child (dialog, "message_revealer");

  /* The article itself is refused outright. */
  set_destination (dialog, f->article);
  click (child (dialog, "export_button"));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_nonnull (strstr (label_text (dialog, "message_label"), "will not replace it"));
  g_assert_false (gtk_widget_get_visible (child (dialog, "replace_button")));
  g_assert_false (gloss_transfer_dialog_get_running (GLOSS_TRANSFER_DIALOG (dialog)));

  /* So is a folder, for a format that writes a file. */
  set_destination (dialog, f->out);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  click (child (dialog, "export_button"));
  g_assert_nonnull (strstr (label_text (dialog, "message_label"), "is a folder"));

  /* An existing file: the dialog asks, and nothing is written until the
   * user says Replace. */
  set_destination (dialog, destination);
  click (child (dialog, "export_button"));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_nonnull (strstr (label_text (dialog, "message_label"), "exists already"));
  g_assert_false (gloss_transfer_dialog_get_running (GLOSS_TRANSFER_DIALOG (dialog)));
  settle ();
  csv = read_file (destination);
  g_assert_cmpstr (csv, ==, "keep me\n");

  click (child (dialog, "replace_button"));
  wait_until (transfer_done, dialog);
  g_assert_cmpstr (label_text (dialog, "report_title"), ==, "Export Finished");
  g_free (csv);
  csv = read_file (destination);
  g_assert_true (g_str_has_prefix (csv, CSV_HEADER));

  article_after = read_file (f->article);
  g_assert_cmpstr (article_after, ==, article_before);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The two options for other tools: a CSV that spreadsheets open at once
 * (a byte-order mark first), and CoNLL with the annotators checked side
 * by side, their columns named on the first line. */
static void
test_export_excel_and_columns (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *csv_path = g_build_filename (f->out, "excel.csv", NULL);
  g_autofree char *conll_path = g_build_filename (f->out, "side.conll", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *conll = NULL;
  GtkWidget *dialog;

  f->window = open_window (f->article);
  dialog = open_export_dialog (f->window);
  wait_until (scan_done, dialog);

  /* CSV offers Excel, not the columns. */
  g_assert_true (gtk_widget_get_visible (child (dialog, "excel_check")));
  g_assert_false (gtk_widget_get_visible (child (dialog, "columns_check")));
  assert_labelled (child (dialog, "excel_check"));
  gtk_check_button_set_active (child (dialog, "excel_check"), TRUE);
  set_destination (dialog, csv_path);
  click (child (dialog, "export_button"));
  wait_until (transfer_done, dialog);
  csv = read_file (csv_path);
  g_assert_true (g_str_has_prefix (csv, "\xef\xbb\xbf" CSV_HEADER));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* CoNLL offers the columns, not Excel. */
  dialog = open_export_dialog (f->window);
  wait_until (scan_done, dialog);
  gloss_format_chooser_set_format_id (child (dialog, "format_chooser"), "conll");
  g_assert_false (gtk_widget_get_visible (child (dialog, "excel_check")));
  g_assert_true (gtk_widget_get_visible (child (dialog, "columns_check")));
  assert_labelled (child (dialog, "columns_check"));
  gtk_check_button_set_active (child (dialog, "columns_check"), TRUE);
  set_destination (dialog, conll_path);
  click (child (dialog, "export_button"));
  wait_until (transfer_done, dialog);
  g_assert_cmpstr (label_text (dialog, "report_title"), ==, "Export Finished");
  conll = read_file (conll_path);
  g_assert_true (g_str_has_prefix (conll, "# global.columns = TOKEN alice-moreau ben-okafor\n"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int    argc,
      char **argv)
{
  article_test_init (&argc, &argv);

  transfer_test_add ("/export-dialog/article-csv", test_export_article_csv);
  transfer_test_add ("/export-dialog/annotators", test_export_annotators);
  transfer_test_add ("/export-dialog/folder-brat", test_export_folder_brat);
  transfer_test_add ("/export-dialog/cancel", test_export_cancel);
  transfer_test_add ("/export-dialog/destination-exists", test_export_destination_exists);
  transfer_test_add ("/export-dialog/excel-and-columns", test_export_excel_and_columns);

  return article_test_run ();
}
