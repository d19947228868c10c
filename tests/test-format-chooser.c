/* test-format-chooser.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The format chooser of Export… and Import… on its own, each way: every
 * format of the registry chosen in its list, with the note and only the
 * option rows the registry gives it; "format-id" and the options'
 * properties kept with the widgets. */

#include "config.h"

#include "gloss-format-chooser.h"
#include "transfer-test-util.h"

/* Each option row, and the option that shows it. */
static const struct
{
  const char *name;
  GlossFormatOptions option;
} rows[] = {
  { "spreadsheet_check", GLOSS_FORMAT_SPREADSHEET_SAFE },
  { "offsets_box", GLOSS_FORMAT_OFFSET_UNIT },
  { "scheme_box", GLOSS_FORMAT_IOB_SCHEME },
  { "excel_check", GLOSS_FORMAT_EXCEL },
  { "columns_check", GLOSS_FORMAT_ANNOTATOR_COLUMNS },
};

/* A chooser for @direction, shown in a window of its own. */
static GlossFormatChooser *
new_chooser (GlossFormatDirection   direction,
             GtkWindow            **window)
{
  GtkWidget *chooser = gloss_format_chooser_new (direction);

  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (*window, chooser);
  gtk_window_present (*window);
  settle ();
  return GLOSS_FORMAT_CHOOSER (chooser);
}

/* Keeps the format each notify::format-id tells of, in order. */
static void
record_format_id (GlossFormatChooser *chooser,
                  GParamSpec         *pspec,
                  GPtrArray          *ids)
{
  g_ptr_array_add (ids, g_strdup (gloss_format_chooser_get_format_id (chooser)));
}

static void
test_rows (gconstpointer data)
{
  GlossFormatDirection direction = GPOINTER_TO_INT (data);
  g_autoptr(GPtrArray) formats = gloss_format_list (direction);
  guint shown[G_N_ELEMENTS (rows)] = { 0, };
  g_autoptr(GPtrArray) notified = g_ptr_array_new_with_free_func (g_free);
  GtkWindow *window;
  GlossFormatChooser *chooser = new_chooser (direction, &window);
  GtkDropDown *dropdown = child (chooser, "format_dropdown");

  g_assert_cmpint (gloss_format_chooser_get_direction (chooser), ==, direction);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, formats->len);
  assert_labelled (dropdown);
  assert_labelled (child (chooser, "offsets_dropdown"));
  assert_labelled (child (chooser, "scheme_dropdown"));
  g_signal_connect (chooser, "notify::format-id", G_CALLBACK (record_format_id), notified);

  /* From the last, so that the first one is a change too. */
  for (guint i = formats->len; i-- > 0;)
    {
      const GlossFormat *format = g_ptr_array_index (formats, i);
      g_autofree char *id = NULL;

      gtk_drop_down_set_selected (dropdown, i);
      g_object_get (chooser, "format-id", &id, NULL);
      g_assert_cmpstr (id, ==, gloss_format_get_id (format));
      g_assert_cmpuint (notified->len, ==, formats->len - i);
      g_assert_cmpstr (g_ptr_array_index (notified, notified->len - 1), ==, id);
      g_assert_true (gloss_format_chooser_get_format (chooser) == format);
      g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (dropdown)), ==,
                       gloss_format_get_label (format));
      g_assert_cmpstr (gtk_label_get_label (child (chooser, "format_note")), ==,
                       gloss_format_get_description (format, direction));

      /* A row shows when the format takes its option, and only then. */
      for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
        {
          gboolean takes = (gloss_format_get_options (format, direction) & rows[r].option) != 0;

          if (gtk_widget_get_visible (child (chooser, rows[r].name)) != takes)
            g_error ("%s %s the %s row", gloss_format_get_id (format),
                     takes ? "hides" : "shows", rows[r].name);
          g_assert_cmpint (gloss_format_chooser_takes (chooser, rows[r].option), ==, takes);
          shown[r] += takes;
        }

      g_assert_cmpint (gloss_format_chooser_get_offset_unit (chooser), ==,
                       gloss_format_get_default_offset_unit (format));
    }

  /* Each row was shown by some format: every option is taken by one
   * export or other, and the offsets by an import. */
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    if (direction == GLOSS_FORMAT_EXPORT || rows[r].option == GLOSS_FORMAT_OFFSET_UNIT)
      g_assert_cmpuint (shown[r], >, 0);

  gtk_window_destroy (window);
}

static void
test_properties (void)
{
  g_autoptr(GPtrArray) notified = g_ptr_array_new_with_free_func (g_free);
  GtkWindow *window;
  GlossFormatChooser *chooser = new_chooser (GLOSS_FORMAT_EXPORT, &window);
  g_autoptr(GPtrArray) formats = gloss_format_list (GLOSS_FORMAT_EXPORT);
  const GlossFormat *labelstudio = gloss_format_lookup ("labelstudio");
  GlossOffsetUnit unit;
  GlossIobScheme scheme;
  gboolean safe;
  guint position;

  g_assert_cmpstr (gloss_format_chooser_get_format_id (chooser), ==, "csv");
  g_signal_connect (chooser, "notify::format-id", G_CALLBACK (record_format_id), notified);

  /* The list follows the property, and the offsets the format. */
  g_object_set (chooser, "format-id", "labelstudio", NULL);
  g_assert_true (g_ptr_array_find (formats, labelstudio, &position));
  g_assert_cmpuint (gtk_drop_down_get_selected (child (chooser, "format_dropdown")), ==, position);
  g_assert_cmpuint (notified->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (notified, 0), ==, "labelstudio");
  g_object_get (chooser, "offset-unit", &unit, NULL);
  g_assert_cmpint (unit, ==, GLOSS_OFFSETS_CODEPOINTS);
  g_object_set (chooser, "format-id", "labelstudio", NULL);
  g_assert_cmpuint (notified->len, ==, 1);

  /* The options' properties and their widgets hold the same. */
  g_object_set (chooser, "offset-unit", GLOSS_OFFSETS_UTF16, "scheme", GLOSS_SCHEME_IOB1,
                "spreadsheet-safe", TRUE, NULL);
  g_assert_cmpuint (gtk_drop_down_get_selected (child (chooser, "offsets_dropdown")), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (child (chooser, "scheme_dropdown")), ==, 1);
  g_assert_true (gtk_check_button_get_active (child (chooser, "spreadsheet_check")));

  gtk_drop_down_set_selected (child (chooser, "offsets_dropdown"), 1);
  gtk_drop_down_set_selected (child (chooser, "scheme_dropdown"), 0);
  gtk_check_button_set_active (child (chooser, "spreadsheet_check"), FALSE);
  g_object_get (chooser, "offset-unit", &unit, "scheme", &scheme, "spreadsheet-safe", &safe, NULL);
  g_assert_cmpint (unit, ==, GLOSS_OFFSETS_CODEPOINTS);
  g_assert_cmpint (scheme, ==, GLOSS_SCHEME_IOB2);
  g_assert_false (safe);

  /* Excel and the annotators side by side count only for the formats
   * that take them; a CSV for Excel guards its cells anyway. */
  g_object_set (chooser, "format-id", "csv", "excel", TRUE, "annotator-columns", TRUE, NULL);
  g_assert_true (gtk_check_button_get_active (child (chooser, "excel_check")));
  g_assert_true (gloss_format_chooser_get_option (chooser, GLOSS_FORMAT_EXCEL));
  g_assert_false (gloss_format_chooser_get_option (chooser, GLOSS_FORMAT_ANNOTATOR_COLUMNS));
  g_assert_false (gtk_widget_get_sensitive (child (chooser, "spreadsheet_check")));
  gtk_check_button_set_active (child (chooser, "excel_check"), FALSE);
  g_object_get (chooser, "excel", &safe, NULL);
  g_assert_false (safe);
  g_assert_true (gtk_widget_get_sensitive (child (chooser, "spreadsheet_check")));
  g_object_set (chooser, "format-id", "conll", NULL);
  g_assert_true (gloss_format_chooser_get_option (chooser, GLOSS_FORMAT_ANNOTATOR_COLUMNS));
  gtk_check_button_set_active (child (chooser, "columns_check"), FALSE);
  g_object_get (chooser, "annotator-columns", &safe, NULL);
  g_assert_false (safe);

  gtk_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  article_test_init (&argc, &argv);

  g_test_add_data_func ("/format-chooser/export-rows", GINT_TO_POINTER (GLOSS_FORMAT_EXPORT), test_rows);
  g_test_add_data_func ("/format-chooser/import-rows", GINT_TO_POINTER (GLOSS_FORMAT_IMPORT), test_rows);
  g_test_add_func ("/format-chooser/properties", test_properties);

  return article_test_run ();
}
