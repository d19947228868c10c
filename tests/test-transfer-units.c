/* test-transfer-units.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The offsets of Export… and Import… in a real window: each tool's own
 * unit is proposed (code points for Label Studio, UTF-16 code units for
 * doccano), and a Label Studio export made with Label Studio's own
 * counting goes in through the dialog as it is. */

#include "config.h"

#include <string.h>

#include "gloss-export-dialog.h"
#include "gloss-import-dialog.h"
#include "transfer-test-util.h"

/* The indices of the formats in the dialogs' lists, and of the units. */
#define EXPORT_DOCCANO 4
#define EXPORT_LABELSTUDIO 6
#define IMPORT_DOCCANO 1
#define IMPORT_LABELSTUDIO 3
#define UNIT_UTF16 0
#define UNIT_CODEPOINTS 1

/* Label Studio's frontend test data ("NER - Emoji - Text"): "test" is at
 * 21–25 in code points. */
#define EMOJI_TASKS \
  "[{\"id\": 1, \"annotations\": [{\"id\": 1, \"completed_by\": 1, \"result\": [\n" \
  "   {\"id\": \"n2ldmNpSQI\", \"from_name\": \"tag\", \"to_name\": \"text\", \"type\": \"labels\",\n" \
  "    \"value\": {\"start\": 21, \"end\": 25, \"text\": \"test\", \"labels\": [\"region\"]}}]}],\n" \
  "  \"data\": {\"text\": \"🐱 Warning: This is a test text\"}}]\n"

static void
test_export_units (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *dialog;

  f->window = open_window (f->article);
  dialog = open_transfer_dialog (f->window, "win.export", GLOSS_TYPE_EXPORT_DIALOG);

  gtk_drop_down_set_selected (child (dialog, "format_dropdown"), EXPORT_LABELSTUDIO);
  g_assert_true (gtk_widget_get_visible (child (dialog, "offsets_box")));
  g_assert_cmpuint (gtk_drop_down_get_selected (child (dialog, "offsets_dropdown")), ==,
                    UNIT_CODEPOINTS);

  gtk_drop_down_set_selected (child (dialog, "format_dropdown"), EXPORT_DOCCANO);
  g_assert_cmpuint (gtk_drop_down_get_selected (child (dialog, "offsets_dropdown")), ==, UNIT_UTF16);

  gtk_drop_down_set_selected (child (dialog, "format_dropdown"), EXPORT_LABELSTUDIO);
  g_assert_cmpuint (gtk_drop_down_get_selected (child (dialog, "offsets_dropdown")), ==,
                    UNIT_CODEPOINTS);
}

static gboolean
is_file (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static void
test_import_units (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *input = g_build_filename (f->dir, "tasks.json", NULL);
  g_autofree char *uri = g_filename_to_uri (input, NULL, NULL);
  g_autofree char *written = g_build_filename (f->dir, "tasks-0001.txt.labelstudio.gloss.json", NULL);
  g_autofree char *saved = NULL;
  g_autoptr(GVariant) parameter = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  g_file_set_contents (input, EMOJI_TASKS, -1, &error);
  g_assert_no_error (error);

  f->window = open_window (f->article);
  dialog = open_transfer_dialog (f->window, "win.import", GLOSS_TYPE_IMPORT_DIALOG);

  gtk_drop_down_set_selected (child (dialog, "format_dropdown"), IMPORT_DOCCANO);
  g_assert_cmpuint (gtk_drop_down_get_selected (child (dialog, "offsets_dropdown")), ==, UNIT_UTF16);
  gtk_drop_down_set_selected (child (dialog, "format_dropdown"), IMPORT_LABELSTUDIO);
  g_assert_cmpuint (gtk_drop_down_get_selected (child (dialog, "offsets_dropdown")), ==,
                    UNIT_CODEPOINTS);

  /* Label Studio's own export goes in with what the dialog proposes. */
  gtk_editable_set_text (child (dialog, "annotator_entry"), "");
  parameter = g_variant_ref_sink (g_variant_new_string (uri));
  activate (dialog, "import.add-input", parameter);
  click (child (dialog, "import_button"));
  wait_until (transfer_done, dialog);
  g_assert_cmpstr (label_text (dialog, "report_title"), ==, "Import Finished");
  wait_until (is_file, written);

  g_file_get_contents (written, &saved, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (saved, "\"start\": 21"));
  g_assert_nonnull (strstr (saved, "\"end\": 25"));
}

int
main (int    argc,
      char **argv)
{
  article_test_init (&argc, &argv);

  transfer_test_add ("/transfer-units/export", test_export_units);
  transfer_test_add ("/transfer-units/import", test_import_units);

  return article_test_run ();
}
