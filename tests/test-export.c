/* test-export.c
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
#include "gloss-json-reader.h"

/* The exports, through the core as the window will call them, read back as
 * the other tools would: the CSV with Python's csv module, the W3C JSON-LD
 * with the W3C test suite's schemas.  gloss-cli export is tested in
 * test-formats-cli.c, CoNLL in test-conll.c. */

/* A byte order mark, an emoji outside the BMP, CRLF, quotes and commas. */
#define TRICKY "\xEF\xBB\xBF" "Acme, \"Inc\" 😀 signed\r\nwith Zenith.\n=Danger ahead.\n"

/* CSV ------------------------------------------------------------------- */

static void
add_expected_row (JsonBuilder     *builder,
                  const char      *annotator,
                  GlossAnnotation *a,
                  const char      *text_override)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "document");
  json_builder_add_string_value (builder, "a.txt");
  json_builder_set_member_name (builder, "annotator");
  json_builder_add_string_value (builder, annotator);
  json_builder_set_member_name (builder, "annotation_id");
  json_builder_add_string_value (builder, gloss_annotation_get_id (a));
  json_builder_set_member_name (builder, "tag");
  json_builder_add_string_value (builder, gloss_annotation_get_tag (a));
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, gloss_annotation_get_start (a));
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, gloss_annotation_get_end (a));
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text_override ? text_override : gloss_annotation_get_quote (a));
  json_builder_set_member_name (builder, "context_before");
  json_builder_add_string_value (builder, gloss_annotation_get_prefix (a));
  json_builder_set_member_name (builder, "context_after");
  json_builder_add_string_value (builder, gloss_annotation_get_suffix (a));
  json_builder_set_member_name (builder, "note");
  json_builder_add_string_value (builder, gloss_annotation_get_note (a));
  json_builder_set_member_name (builder, "created");
  json_builder_add_string_value (builder, gloss_annotation_get_created (a));
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "anchored");
  /* Plain text has no original markup to point into. */
  json_builder_set_member_name (builder, "source_location");
  json_builder_add_string_value (builder, "");
  json_builder_end_object (builder);
}

/* Writes what check-csv.py should find for the annotations of a.txt by
 * bob, with the text of the one starting at @safe_start guarded. */
static char *
write_expected (Fixture    *f,
                const char *article_path,
                gboolean    safe)
{
  g_autofree char *afile_path = g_strconcat (article_path, ".bob.gloss.json", NULL);
  g_autofree char *expected_path = g_build_filename (f->dir, "expected.json", NULL);
  g_autoptr(GFile) afile = g_file_new_for_path (afile_path);
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model;

  file = gloss_annotation_file_open (afile, GLOSS_LOAD_NONE, NULL, &error);
  g_assert_no_error (error);
  model = G_LIST_MODEL (gloss_annotation_file_get_layer (file));

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (model, i);
      g_autofree char *guarded = NULL;
      const char *quote = gloss_annotation_get_quote (a);

      if (safe && strchr ("=+-@", quote[0]) != NULL)
        guarded = g_strconcat ("'", quote, NULL);
      add_expected_row (builder, "bob", a, guarded);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_to_file (generator, expected_path, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&expected_path);
}

static void
set_safe (GlossExporter *exporter)
{
  gloss_exporter_set_spreadsheet_safe (exporter, TRUE);
}

static void
check_csv (Fixture  *f,
           gboolean  safe)
{
  g_autofree char *path = fixture_write (f, "a.txt", TRICKY);
  g_autofree char *csv_path = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  annotate_text (path, "bob", "company", "Acme, \"Inc\"", "Line one\nLine \"two\", with a comma");
  annotate_text (path, "bob", "claim", "signed\r\nwith", NULL);
  annotate_text (path, "bob", "controversy", "=Danger", "=1+1");
  annotate_text (path, "bob", "company", "😀", "emoji\r\n");

  csv = export_to_string (gloss_format_lookup ("csv"), safe ? set_safe : NULL, NULL, path, NULL);
  g_file_set_contents (csv_path, csv, -1, &error);
  g_assert_no_error (error);

  /* RFC 4180: CRLF after each record, quotes doubled in quoted cells. */
  g_assert_true (g_str_has_prefix (csv, "document,source_sha256,annotator,annotation_id,tag,tag_label,"
                                   "start,end,text,context_before,context_after,note,created,"
                                   "modified,status,source_location,group,attr_verdict\r\n"));
  g_assert_nonnull (strstr (csv, "\"Acme, \"\"Inc\"\"\""));
  g_assert_nonnull (strstr (csv, safe ? ",'=Danger," : ",=Danger,"));
  g_assert_nonnull (strstr (csv, safe ? ",'=1+1," : ",=1+1,"));

  expected = write_expected (f, path, safe);
  if (safe)
    {
      /* The note is guarded as well. */
      g_autofree char *data = NULL;
      g_autoptr(GString) fixed = NULL;

      g_file_get_contents (expected, &data, NULL, &error);
      g_assert_no_error (error);
      fixed = g_string_new (data);
      g_string_replace (fixed, "\"=1+1\"", "\"'=1+1\"", 0);
      g_file_set_contents (expected, fixed->str, -1, &error);
      g_assert_no_error (error);
    }

  g_assert_cmpint (run_python ("check-csv.py", csv_path, expected, NULL), ==, 0);
}

static void
test_csv_read_back (Fixture       *f,
                    gconstpointer  data)
{
  check_csv (f, FALSE);
}

static void
test_csv_spreadsheet_safe (Fixture       *f,
                           gconstpointer  data)
{
  check_csv (f, TRUE);
}

/* JSONL ----------------------------------------------------------------- */

static void
test_jsonl (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = fixture_write (f, "a.txt", TRICKY);
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  annotate_text (path, "bob", "company", "Acme, \"Inc\"", "Line one\nLine two");
  annotate_text (path, "eve", "claim", "😀 signed", NULL);

  out = export_to_string (gloss_format_lookup ("jsonl"), NULL, NULL, path, NULL);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[2], ==, "");

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = gloss_json_parse (lines[i], strlen (lines[i]), 8, &error);
      JsonObject *object;

      g_assert_no_error (error);
      object = json_node_get_object (node);
      g_assert_cmpstr (json_object_get_string_member (object, "document"), ==, "a.txt");
      g_assert_cmpstr (json_object_get_string_member (object, "path"), ==, path);
      /* The title is the first line, trimmed of the byte order mark. */
      g_assert_cmpstr (json_object_get_string_member (object, "title"), ==,
                       "Acme, \"Inc\" 😀 signed");
      g_assert_true (json_object_has_member (object, "source_location"));
      g_assert_true (json_object_get_null_member (object, "source_location"));
      if (i == 0)
        {
          g_assert_cmpstr (json_object_get_string_member (object, "annotator"), ==, "bob");
          g_assert_cmpstr (json_object_get_string_member (object, "text"), ==, "Acme, \"Inc\"");
          g_assert_cmpint (json_object_get_int_member (object, "start"), ==, 1);
          g_assert_cmpstr (json_object_get_string_member (object, "note"), ==, "Line one\nLine two");
        }
      else
        {
          g_assert_cmpstr (json_object_get_string_member (object, "annotator"), ==, "eve");
          g_assert_cmpint (json_object_get_int_member (object, "start"), ==, 13);
          g_assert_cmpint (json_object_get_int_member (object, "end"), ==, 21);
        }
    }
}

/* brat ------------------------------------------------------------------ */

static void
test_brat_line_breaks (Fixture       *f,
                       gconstpointer  data)
{
  const char *text = "Alpha Beta\nGamma\r\nDelta end.\n";
  g_autofree char *path = fixture_write (f, "a.txt", text);
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autofree char *ann_path = g_build_filename (out, "bob", "a.ann", NULL);
  g_autofree char *txt_path = g_build_filename (out, "bob", "a.txt", NULL);
  g_autofree char *conf_path = g_build_filename (out, "annotation.conf", NULL);
  g_autofree char *visual_path = g_build_filename (out, "visual.conf", NULL);
  g_autofree char *ann = NULL;
  g_autofree char *txt = NULL;
  g_autofree char *conf = NULL;
  g_autofree char *visual = NULL;

  annotate_text (path, "bob", "claim", "Beta\nGamma\r\nDelta", "First line\nsecond\tline");
  annotate_text (path, "bob", "company", "Alpha", NULL);
  export_to_folder (gloss_format_lookup ("brat"), out, path);

  ann = read_file (ann_path);
  /* A span across line breaks is written in pieces, as brat writes it. */
  g_assert_cmpstr (ann, ==,
                   "T1\tcompany 0 5\tAlpha\n"
                   "T2\tclaim 6 10;11 16;18 23\tBeta Gamma Delta\n"
                   "#1\tAnnotatorNotes T2\tFirst line second\tline\n");
  txt = read_file (txt_path);
  g_assert_cmpstr (txt, ==, text);

  conf = read_file (conf_path);
  g_assert_nonnull (strstr (conf, "[entities]\n"));
  g_assert_nonnull (strstr (conf, "\nclaim\n"));
  g_assert_nonnull (strstr (conf, "\ncompany\n"));
  g_assert_nonnull (strstr (conf, "\ncontroversy\n"));
  g_assert_nonnull (strstr (conf, "\n[relations]\n"));
  g_assert_nonnull (strstr (conf, "\n[events]\n"));
  g_assert_nonnull (strstr (conf, "\n[attributes]\n"));
  visual = read_file (visual_path);
  g_assert_nonnull (strstr (visual, "[labels]\n"));
  g_assert_nonnull (strstr (visual, "claim | Claim\n"));
  g_assert_nonnull (strstr (visual, "[drawing]\n"));
  g_assert_true (g_regex_match_simple ("\nclaim\tbgColor:#[0-9a-f]{6}\n", visual, 0, 0));
}

/* W3C ------------------------------------------------------------------- */

static void
test_w3c_validates (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *suite = testdata_path ("w3c-annotation-tests");
  const char *root = g_getenv ("GLOSS_SOURCE_ROOT");
  g_autofree char *path = fixture_write (f, "a.txt", TRICKY);
  g_autofree char *out_path = g_build_filename (f->dir, "w3c.jsonld", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "w3c-folder", NULL);
  g_autofree char *per_article = g_build_filename (folder, "a.txt.jsonld", NULL);
  g_autofree char *harbour = NULL;
  g_autofree char *contrat = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *first_item;
  JsonArray *selectors;

  if (suite == NULL)
    {
      g_test_skip ("the W3C test suite is not in GLOSS_TESTDATA");
      return;
    }
  g_assert_nonnull (root);

  annotate_text (path, "bob", "company", "😀 signed", "A note\nwith \"quotes\"");
  annotate_text (path, "bob", "claim", "Zenith", NULL);

  harbour = g_build_filename (root, "data", "samples", "harbour-bridge.txt", NULL);
  contrat = g_build_filename (root, "data", "samples", "contrat-cloud.txt", NULL);
  json = export_to_string (gloss_format_lookup ("w3c"), NULL, NULL, path, harbour, contrat, NULL);
  g_file_set_contents (out_path, json, -1, &error);
  g_assert_no_error (error);

  /* TextPositionSelector counts code points: the emoji is one. */
  node = gloss_json_parse (json, strlen (json), 64, &error);
  g_assert_no_error (error);
  first_item = json_array_get_object_element (
    json_object_get_array_member (
      json_object_get_object_member (json_array_get_object_element (json_node_get_array (node), 0),
                                     "first"), "items"), 0);
  selectors = json_object_get_array_member (json_object_get_object_member (first_item, "target"),
                                            "selector");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (selectors, 0), "exact"),
                   ==, "😀 signed");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (selectors, 1), "start"),
                   ==, 13);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (selectors, 1), "end"),
                   ==, 21);

  if (run_python ("validate-w3c.py", "--self-test", suite, NULL) == 77)
    return;
  g_assert_cmpint (run_python ("validate-w3c.py", suite, out_path, NULL), ==, 0);

  /* To a folder, one collection per article. */
  export_to_folder (gloss_format_lookup ("w3c"), folder, path);
  g_assert_true (g_file_test (per_article, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (run_python ("validate-w3c.py", suite, per_article, NULL), ==, 0);
}

/* doccano and Label Studio ---------------------------------------------- */

static void
set_codepoints (GlossExporter *exporter)
{
  gloss_exporter_set_offset_unit (exporter, GLOSS_OFFSETS_CODEPOINTS);
}

static void
test_doccano_utf16 (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = fixture_write (f, "a.txt", "😀 Acme and 🎉🎉 Zenith.\n");
  g_autofree char *utf16 = NULL;
  g_autofree char *codepoints = NULL;

  annotate_text (path, "bob", "company", "Acme", NULL);
  annotate_text (path, "bob", "company", "Zenith", NULL);

  /* One emoji before Acme, three before Zenith: as many units more. */
  utf16 = export_to_string (gloss_format_lookup ("doccano"), NULL, NULL, path, NULL);
  g_assert_cmpstr (utf16, ==,
                   "{\"text\":\"😀 Acme and 🎉🎉 Zenith.\\n\",\"label\":[[3,7,\"company\"],"
                   "[17,23,\"company\"]],\"document\":\"a.txt\",\"annotator\":\"bob\"}\n");
  codepoints = export_to_string (gloss_format_lookup ("doccano"), set_codepoints, NULL, path, NULL);
  g_assert_nonnull (strstr (codepoints, "\"label\":[[2,6,\"company\"],[14,20,\"company\"]]"));
}

static void
test_labelstudio (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = fixture_write (f, "a.txt", "😀 Acme\r\nand Zenith.");
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *task;
  JsonArray *result;
  JsonObject *value;

  annotate_text (path, "bob", "company", "Zenith", "Is it \"the\" Zenith?\nCheck.");
  json = export_to_string (gloss_format_lookup ("labelstudio"), NULL, NULL, path, NULL);

  node = gloss_json_parse (json, strlen (json), 16, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 1);
  task = json_array_get_object_element (json_node_get_array (node), 0);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (task, "data"), "text"),
                   ==, "😀 Acme\r\nand Zenith.");
  result = json_object_get_array_member (json_array_get_object_element (
                                           json_object_get_array_member (task, "annotations"), 0),
                                         "result");
  g_assert_cmpuint (json_array_get_length (result), ==, 2);

  value = json_object_get_object_member (json_array_get_object_element (result, 0), "value");
  /* Zenith is at 12 in code points, as Label Studio counts (13 in
   * UTF-16, which the emoji counts twice). */
  g_assert_cmpint (json_object_get_int_member (value, "start"), ==, 12);
  g_assert_cmpint (json_object_get_int_member (value, "end"), ==, 18);
  g_assert_cmpstr (json_object_get_string_member (value, "text"), ==, "Zenith");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (value, "labels"), 0),
                   ==, "company");

  /* The note, as a per-region text area. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (result, 1), "type"),
                   ==, "textarea");
  value = json_object_get_object_member (json_array_get_object_element (result, 1), "value");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (value, "text"), 0),
                   ==, "Is it \"the\" Zenith?\nCheck.");
}

/* Filters --------------------------------------------------------------- */

static void
only_eve_claims (GlossExporter *exporter)
{
  const char * const annotators[] = { "eve", NULL };
  const char * const tags[] = { "claim", NULL };

  gloss_exporter_set_annotators (exporter, annotators);
  gloss_exporter_set_tags (exporter, tags);
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = fixture_write (f, "a.txt", "Acme signed with Zenith.");
  g_autofree char *out = NULL;

  annotate_text (path, "bob", "claim", "signed", NULL);
  annotate_text (path, "eve", "claim", "with", NULL);
  annotate_text (path, "eve", "company", "Acme", NULL);

  out = export_to_string (gloss_format_lookup ("doccano"), only_eve_claims, NULL, path, NULL);
  g_assert_cmpstr (out, ==,
                   "{\"text\":\"Acme signed with Zenith.\",\"label\":[[12,16,\"claim\"]],"
                   "\"document\":\"a.txt\",\"annotator\":\"eve\"}\n");
}

/* A consensus file's rejection records are decisions, not passages: no
 * export writes them. */
static void
test_rejections_left_out (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = fixture_write (f, "a.txt", "Acme signed with Zenith.");
  g_autofree char *out = NULL;

  annotate_text (path, GLOSS_CONSENSUS_ANNOTATOR, "claim", "signed", NULL);
  annotate_text (path, GLOSS_CONSENSUS_ANNOTATOR, GLOSS_CONSENSUS_REJECTED_TAG, "Zenith", NULL);

  out = export_to_string (gloss_format_lookup ("doccano"), NULL, NULL, path, NULL);
  g_assert_cmpstr (out, ==,
                   "{\"text\":\"Acme signed with Zenith.\",\"label\":[[5,11,\"claim\"]],"
                   "\"document\":\"a.txt\",\"annotator\":\"gloss--consensus\"}\n");
}

/* An export that stops before the end leaves no half-written file: a new
 * destination is removed, an existing one keeps its content. */
static void
test_unfinished (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = fixture_write (f, "a.txt", "Acme signed with Zenith.");
  g_autofree char *old_path = fixture_write (f, "old.csv", "kept\n");
  g_autofree char *new_path = g_build_filename (f->dir, "new.csv", NULL);
  g_autofree char *kept = NULL;
  g_autoptr(GFile) article = g_file_new_for_path (path);

  annotate_text (path, "eve", "company", "Acme", NULL);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GFile) destination = g_file_new_for_path (i == 0 ? new_path : old_path);
      g_autoptr(GError) error = NULL;
      GlossExporter *exporter = gloss_exporter_new (gloss_format_lookup ("csv"));

      g_assert_true (gloss_exporter_open_file (exporter, destination, FALSE, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (gloss_exporter_add_article (exporter, article, "a.txt", NULL, NULL, &error));
      g_assert_no_error (error);
      gloss_exporter_free (exporter);
    }

  g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));
  kept = read_file (old_path);
  g_assert_cmpstr (kept, ==, "kept\n");
}

/* The registry: every list is made from it, each format named once. */
static void
test_registry (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) exports = gloss_format_list (GLOSS_FORMAT_EXPORT);
  g_autoptr(GPtrArray) imports = gloss_format_list (GLOSS_FORMAT_IMPORT);
  g_auto(GStrv) labels = gloss_format_dup_labels (GLOSS_FORMAT_IMPORT);
  const GlossFormat *brat = gloss_format_lookup ("BRAT");
  g_autoptr(GFile) txt = g_file_new_for_path ("/corpus/a.txt");
  g_autoptr(GFile) ann = NULL;
  g_autoptr(GFile) same = NULL;

  g_assert_cmpuint (exports->len, ==, 7);
  g_assert_cmpuint (imports->len, ==, 4);
  g_assert_cmpuint (g_strv_length (labels), ==, imports->len);
  for (guint i = 0; i < exports->len; i++)
    {
      const GlossFormat *format = g_ptr_array_index (exports, i);

      g_assert_true (gloss_format_lookup (gloss_format_get_id (format)) == format);
      g_assert_nonnull (gloss_format_get_description (format, GLOSS_FORMAT_EXPORT));
      g_assert_cmpstr (gloss_format_get_suffix (format), !=, "");
    }
  for (guint i = 0; i < imports->len; i++)
    g_assert_cmpstr (labels[i], ==, gloss_format_get_label (g_ptr_array_index (imports, i)));

  g_assert_null (gloss_format_lookup ("xml"));
  g_assert_null (gloss_format_lookup (NULL));
  g_assert_cmpstr (gloss_format_get_id (brat), ==, "brat");
  g_assert_false (gloss_format_can (gloss_format_lookup ("csv"), GLOSS_FORMAT_IMPORT));
  g_assert_null (gloss_format_get_description (gloss_format_lookup ("conll"), GLOSS_FORMAT_IMPORT));
  g_assert_cmpint (gloss_format_get_options (brat, GLOSS_FORMAT_EXPORT), ==, GLOSS_FORMAT_FOLDER_ONLY);
  g_assert_cmpint (gloss_format_get_options (gloss_format_lookup ("csv"), GLOSS_FORMAT_IMPORT), ==, 0);

  /* Walking a folder, and what a file given stands for. */
  g_assert_true (gloss_format_accepts_name (brat, "a.ann"));
  g_assert_false (gloss_format_accepts_name (brat, ".a.ann"));
  g_assert_false (gloss_format_accepts_name (brat, "a.txt"));
  g_assert_true (gloss_format_accepts_name (gloss_format_lookup ("w3c"), "a.jsonld"));
  g_assert_true (gloss_format_accepts_name (gloss_format_lookup ("doccano"), "a.json"));
  g_assert_false (gloss_format_accepts_name (gloss_format_lookup ("doccano"), "a.txt.alice.gloss.json"));
  g_assert_false (gloss_format_accepts_name (gloss_format_lookup ("labelstudio"), "a.jsonl"));
  ann = gloss_format_dup_input (brat, txt);
  g_assert_cmpstr (g_file_peek_path (ann), ==, "/corpus/a.ann");
  same = gloss_format_dup_input (gloss_format_lookup ("doccano"), txt);
  g_assert_true (same == txt);
}

int
main (int    argc,
      char **argv)
{
  format_test_init (&argc, &argv);

  ADD_TEST ("/export/csv/read-back", test_csv_read_back);
  ADD_TEST ("/export/csv/spreadsheet-safe", test_csv_spreadsheet_safe);
  ADD_TEST ("/export/jsonl", test_jsonl);
  ADD_TEST ("/export/brat/line-breaks", test_brat_line_breaks);
  ADD_TEST ("/export/w3c/validates", test_w3c_validates);
  ADD_TEST ("/export/doccano/utf16", test_doccano_utf16);
  ADD_TEST ("/export/labelstudio", test_labelstudio);
  ADD_TEST ("/export/filters", test_filters);
  ADD_TEST ("/export/rejections-left-out", test_rejections_left_out);
  ADD_TEST ("/export/unfinished", test_unfinished);
  ADD_TEST ("/export/registry", test_registry);

  return g_test_run ();
}
