/* test-export-links.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "format-test-util.h"
#include "gloss-annotation-file.h"
#include "gloss-export.h"
#include "gloss-import.h"
#include "gloss-json-writer.h"

/* What the CSV, JSON Lines and W3C exports keep of a passage brat split
 * into pieces (a discontinuous T line): the pieces share one passage id,
 * read back as scripts read these files (Python's csv and json modules,
 * JSON Lines split with str.splitlines()); and the JSON of every export
 * escapes the line separators U+0085, U+2028 and U+2029, which such
 * readers take for line ends. */

#define LINKS_TEXT "Acme and Corp signed.\u2028Zenith Inc bought Alpha and Omega.\n"
#define LINKS_ANN "T1\tOrganization 0 4;9 13\tAcme Corp\n" \
                  "T2\tOrganization 22 28\tZenith\n" \
                  "T3\tPerson 40 45;50 55\tAlpha Omega\n" \
                  "#1\tAnnotatorNotes T3\tone\ttwo\n"
#define SEPARATED_NOTE "first\u2028second\u2029third\xC2\x85" "fourth"

/* What check-export-groups.py should find, in layer order. */
#define LINKS_EXPECTED \
  "{\"texts\": [\"Acme\", \"Corp\", \"signed.\\u2028Zenith\", \"Zenith\", \"Alpha\", \"Omega\"]," \
  " \"notes\": [\"\", \"\", \"first\\u2028second\\u2029third\\u0085fourth\", \"\", \"one\\ttwo\"," \
  " \"one\\ttwo\"]," \
  " \"groups\": [[\"Acme\", \"Corp\"], [\"Alpha\", \"Omega\"]]}"

/* Imports LINKS_ANN for a.txt (annotator "brat") and adds an annotation
 * across the line separator with a note full of them; returns the
 * article's path. */
static char *
make_article (Fixture *f)
{
  g_autofree char *txt = fixture_write (f, "a.txt", LINKS_TEXT);
  g_autofree char *ann = fixture_write (f, "a.ann", LINKS_ANN);
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("brat"));
  g_autoptr(GFile) input = g_file_new_for_path (ann);
  g_autoptr(GError) error = NULL;

  gloss_importer_import_file (importer, input, NULL, &error);
  g_assert_no_error (error);
  gloss_importer_finish (importer, NULL, &error);
  g_assert_no_error (error);

  annotate_text (txt, "brat", "claim", "signed.\u2028Zenith", SEPARATED_NOTE);
  return g_steal_pointer (&txt);
}

/* Exports @article in @format to @path; returns the file's text. */
static char *
export_to (const GlossFormat *format,
           const char        *article,
           const char        *path)
{
  g_autoptr(GlossExporter) exporter = gloss_exporter_new (format);

  export_one_article (exporter, path, FALSE, article, "a.txt");
  return read_file (path);
}

static void
check_groups (Fixture    *f,
              const char *kind,
              const char *path,
              const char *expected)
{
  g_autofree char *expected_path = fixture_write (f, "expected.json", expected);

  g_assert_cmpint (run_python ("check-export-groups.py", kind, path, expected_path, NULL), ==, 0);
}

/* TRUE when @text holds one of the three line separators as they are. */
static gboolean
has_raw_separator (const char *text)
{
  return strstr (text, "\u2028") != NULL || strstr (text, "\u2029") != NULL ||
         strstr (text, "\xC2\x85") != NULL;
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *article = make_article (f);
  g_autofree char *path = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *csv = export_to (gloss_format_lookup ("csv"), article, path);

  /* The new column comes last. */
  g_assert_true (g_str_has_prefix (csv, "document,source_sha256,annotator,annotation_id,tag,"
                                        "tag_label,start,end,text,context_before,context_after,"
                                        "note,created,modified,status,source_location,group,attr_verdict\r\n"));
  check_groups (f, "csv", path, LINKS_EXPECTED);
}

static void
test_jsonl (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *article = make_article (f);
  g_autofree char *path = g_build_filename (f->dir, "out.jsonl", NULL);
  g_autofree char *jsonl = export_to (gloss_format_lookup ("jsonl"), article, path);

  g_assert_false (has_raw_separator (jsonl));
  g_assert_nonnull (strstr (jsonl, "\"note\":\"first\\u2028second\\u2029third\\u0085fourth\""));
  check_groups (f, "jsonl", path, LINKS_EXPECTED);
}

static void
test_w3c (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *article = make_article (f);
  g_autofree char *path = g_build_filename (f->dir, "out.jsonld", NULL);
  g_autofree char *w3c = export_to (gloss_format_lookup ("w3c"), article, path);
  g_autofree char *suite = testdata_path ("w3c-annotation-tests");

  g_assert_false (has_raw_separator (w3c));
  g_assert_nonnull (strstr (w3c, "{\"type\": \"SpecificResource\", \"purpose\": \"linking\", "
                                 "\"source\": \"urn:uuid:"));
  check_groups (f, "w3c", path, LINKS_EXPECTED);

  /* The linking bodies keep every annotation within the model's MUSTs. */
  if (suite != NULL)
    g_assert_cmpint (run_python ("validate-w3c.py", suite, path, NULL), ==, 0);
}

/* The passage ids of the JSON Lines export, in the order met. */
static GPtrArray *
jsonl_groups (const char *jsonl)
{
  g_auto(GStrv) lines = g_strsplit (jsonl, "\n", -1);
  GPtrArray *groups = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonObject *record;
      const char *group;

      json_parser_load_from_data (parser, lines[i], -1, &error);
      g_assert_no_error (error);
      record = json_node_get_object (json_parser_get_root (parser));
      group = json_object_get_null_member (record, "group") ? NULL
              : json_object_get_string_member (record, "group");
      if (group != NULL && !g_ptr_array_find_with_equal_func (groups, group, g_str_equal, NULL))
        g_ptr_array_add (groups, g_strdup (group));
    }

  return groups;
}

/* One passage, one id, whatever the format and however often it is
 * exported. */
static void
test_same_ids (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *article = make_article (f);
  g_autofree char *csv_path = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *jsonl_path = g_build_filename (f->dir, "out.jsonl", NULL);
  g_autofree char *w3c_path = g_build_filename (f->dir, "out.jsonld", NULL);
  g_autofree char *csv = export_to (gloss_format_lookup ("csv"), article, csv_path);
  g_autofree char *jsonl = export_to (gloss_format_lookup ("jsonl"), article, jsonl_path);
  g_autofree char *w3c = export_to (gloss_format_lookup ("w3c"), article, w3c_path);
  g_autofree char *again = export_to (gloss_format_lookup ("jsonl"), article, jsonl_path);
  g_autoptr(GPtrArray) groups = jsonl_groups (jsonl);

  g_assert_cmpstr (again, ==, jsonl);
  g_assert_cmpuint (groups->len, ==, 2);
  for (guint i = 0; i < groups->len; i++)
    {
      const char *group = g_ptr_array_index (groups, i);
      /* The group column, then the codebook's attribute (none set). */
      g_autofree char *cell = g_strdup_printf (",%s,\r\n", group);
      g_autofree char *source = g_strdup_printf ("\"source\": \"urn:uuid:%s\"", group);

      g_assert_true (g_uuid_string_is_valid (group));
      g_assert_nonnull (strstr (csv, cell));
      g_assert_nonnull (strstr (w3c, source));
    }
}

/* A piece re-tagged in Gloss, or left alone when the others are deleted,
 * is a passage no more. */
static void
test_broken_passages (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *article = make_article (f);
  g_autofree char *afile_path = g_strconcat (article, ".brat.gloss.json", NULL);
  g_autofree char *path = g_build_filename (f->dir, "out.jsonl", NULL);
  g_autoptr(GFile) afile = g_file_new_for_path (afile_path);
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *jsonl = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  GlossLayer *layer;
  GListModel *model;

  file = gloss_annotation_file_open (afile, GLOSS_LOAD_NONE, NULL, &error);
  g_assert_no_error (error);
  layer = gloss_annotation_file_get_layer (file);
  model = G_LIST_MODEL (layer);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (model, i);

      /* Corp re-tagged, Omega deleted. */
      if (strcmp (gloss_annotation_get_quote (a), "Corp") == 0)
        g_assert_true (gloss_layer_set_tag (layer, a, "company"));
    }
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (model, i);

      if (strcmp (gloss_annotation_get_quote (a), "Omega") == 0)
        {
          g_assert_true (gloss_layer_remove (layer, a));
          break;
        }
    }
  gloss_annotation_file_save (file, GLOSS_SAVE_NONE, NULL, &error);
  g_assert_no_error (error);

  jsonl = export_to (gloss_format_lookup ("jsonl"), article, path);
  groups = jsonl_groups (jsonl);
  g_assert_cmpuint (groups->len, ==, 0);
}

/* The writer every JSON export (and the annotation file) goes through. */
static void
test_json_escapes (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *path = fixture_write (f, "b.txt", "Plain text.\n");
  g_autofree char *afile_path = g_strconcat (path, ".bob.gloss.json", NULL);
  g_autoptr(GFile) afile = g_file_new_for_path (afile_path);
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autoptr(GlossAnnotation) a = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;

  gloss_json_write_string (out, "a\u2028b\u2029c\xC2\x85" "d é\xE2\x80\xA7\xC2\xA0" "e", -1);
  g_assert_cmpstr (out->str, ==, "\"a\\u2028b\\u2029c\\u0085d é\xE2\x80\xA7\xC2\xA0" "e\"");
  /* A separator cut short by @length is not read past. */
  g_string_truncate (out, 0);
  gloss_json_write_string (out, "x\u2028", 2);
  g_assert_cmpstr (out->str, ==, "\"x\xE2\"");

  annotate_text (path, "bob", "claim", "Plain", SEPARATED_NOTE);
  saved = read_file (afile_path);
  g_assert_false (has_raw_separator (saved));
  file = gloss_annotation_file_open (afile, GLOSS_LOAD_NONE, NULL, &error);
  g_assert_no_error (error);
  a = g_list_model_get_item (G_LIST_MODEL (gloss_annotation_file_get_layer (file)), 0);
  g_assert_cmpstr (gloss_annotation_get_note (a), ==, SEPARATED_NOTE);
}

int
main (int   argc,
      char *argv[])
{
  format_test_init (&argc, &argv);

  ADD_TEST ("/export-links/csv", test_csv);
  ADD_TEST ("/export-links/jsonl", test_jsonl);
  ADD_TEST ("/export-links/w3c", test_w3c);
  ADD_TEST ("/export-links/same-ids", test_same_ids);
  ADD_TEST ("/export-links/broken-passages", test_broken_passages);
  ADD_TEST ("/export-links/json-escapes", test_json_escapes);

  return g_test_run ();
}
