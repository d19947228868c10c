/* test-import-formats.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The formats as the other tools really write and read them: Label Studio
 * counting code points (its frontend test "NER - Emoji - Text"), its
 * predictions, completed_by and choices; doccano's relations (its own
 * relation extraction export); W3C annotations with the ids web
 * annotators give (Recogito writes bare UUIDs); and imports whose time
 * grows with the number of annotations, not its square. */

#include "config.h"

#include <string.h>

#include "gloss-annotation-file.h"
#include "gloss-export.h"
#include "gloss-import.h"
#include "gloss-json-reader.h"
#include "format-test-util.h"

/* Label Studio's frontend test data (web/libs/editor/tests/integration/
 * data/ner/emoji.ts): "test" is at 21–25 in code points, 22–26 in UTF-16
 * code units. */
#define EMOJI_TEXT "🐱 Warning: This is a test text"

/* "tag start end quote|" for each annotation of the file at @path. */
static char *
describe_file (const char *path)
{
  g_autoptr(GlossAnnotationFile) file = open_file (path);

  return describe_annotations (file, FALSE);
}

static guint
count_substrings (const char *haystack,
                  const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = gloss_json_parse (text, strlen (text), 32, &error);

  g_assert_no_error (error);
  return node;
}

/* Exports the article at @article_path with all its annotation files, in
 * @format (with @unit unless it is -1), to @out_path. */
static void
export_article (const GlossFormat *format,
                int                unit,
                const char        *article_path,
                const char        *out_path)
{
  g_autoptr(GlossExporter) exporter = gloss_exporter_new (format);

  if (unit >= 0)
    gloss_exporter_set_offset_unit (exporter, unit);
  export_one_article (exporter, out_path, FALSE, article_path, NULL);
}

/* The first task's "annotations" of a Label Studio export. */
static JsonArray *
entries_of (JsonNode *root)
{
  JsonObject *task = json_array_get_object_element (json_node_get_array (root), 0);

  return json_object_get_array_member (task, "annotations");
}

static JsonArray *
results_of (JsonNode *root,
            guint     entry)
{
  return json_object_get_array_member (json_array_get_object_element (entries_of (root), entry),
                                       "result");
}

/* Label Studio: code points ------------------------------------------- */

static void
test_labelstudio_export_codepoints (Fixture       *f,
                                    gconstpointer  data)
{
  g_autofree char *article = fixture_write (f, "emoji.txt", EMOJI_TEXT);
  g_autofree char *out = g_build_filename (f->dir, "tasks.json", NULL);
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *value;

  annotate_text (article, "ann", "region", "test", NULL);

  /* By default, as Label Studio counts. */
  export_article (gloss_format_lookup ("labelstudio"), -1, article, out);
  json = read_file (out);
  root = parse_json (json);
  value = json_object_get_object_member (json_array_get_object_element (results_of (root, 0), 0),
                                         "value");
  g_assert_cmpint (json_object_get_int_member (value, "start"), ==, 21);
  g_assert_cmpint (json_object_get_int_member (value, "end"), ==, 25);
  g_assert_cmpstr (json_object_get_string_member (value, "text"), ==, "test");
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&json, g_free);

  /* UTF-16 code units still on request, for older versions. */
  export_article (gloss_format_lookup ("labelstudio"), GLOSS_OFFSETS_UTF16, article, out);
  json = read_file (out);
  root = parse_json (json);
  value = json_object_get_object_member (json_array_get_object_element (results_of (root, 0), 0),
                                         "value");
  g_assert_cmpint (json_object_get_int_member (value, "start"), ==, 22);
  g_assert_cmpint (json_object_get_int_member (value, "end"), ==, 26);

  /* doccano keeps counting as JavaScript does. */
  g_assert_cmpint (gloss_format_get_default_offset_unit (gloss_format_lookup ("doccano")), ==,
                   GLOSS_OFFSETS_UTF16);
  g_assert_cmpint (gloss_format_get_default_offset_unit (gloss_format_lookup ("doccano")), ==,
                   GLOSS_OFFSETS_UTF16);
}

/* A task as Label Studio exports it: its id and annotations first, its
 * data after them. */
#define EMOJI_TASK(START, END) \
  "[{\"id\": 1,\n" \
  "  \"annotations\": [{\"id\": 11, \"completed_by\": 1, \"was_cancelled\": false,\n" \
  "    \"result\": [{\"value\": {\"start\": " #START ", \"end\": " #END ", \"text\": \"test\", " \
  "\"labels\": [\"region\"]},\n" \
  "                \"id\": \"n2ldmNpSQI\", \"from_name\": \"tag\", \"to_name\": \"text\",\n" \
  "                \"type\": \"labels\", \"origin\": \"manual\"}],\n" \
  "    \"created_at\": \"2024-05-02T10:11:12.345678Z\"}],\n" \
  "  \"predictions\": [],\n" \
  "  \"data\": {\"text\": \"" EMOJI_TEXT "\"},\n" \
  "  \"meta\": {}}]\n"

static void
test_labelstudio_import_codepoints (Fixture       *f,
                                    gconstpointer  data)
{
  g_autofree char *input = fixture_write (f, "tasks.json", EMOJI_TASK (21, 25));
  g_autofree char *afile = g_build_filename (f->dir, "tasks-0001.txt.labelstudio.gloss.json", NULL);
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("labelstudio"));
  g_autofree char *spans = NULL;
  g_autofree char *notes = NULL;

  g_assert_true (import_one (importer, input, NULL));
  spans = describe_file (afile);
  g_assert_cmpstr (spans, ==, "region 21 25 test|");

  /* Nothing to say about the unit: it is Label Studio's. */
  notes = notes_of (importer);
  g_assert_null (strstr (notes, "UTF-16"));
}

static void
test_labelstudio_import_utf16 (Fixture       *f,
                               gconstpointer  data)
{
  /* Two regions in UTF-16 code units, as older exports have them. */
  g_autofree char *input = fixture_write (f, "old.json",
    "[{\"data\": {\"text\": \"" EMOJI_TEXT "\"},\n"
    "  \"annotations\": [{\"result\": [\n"
    "    {\"id\": \"a\", \"type\": \"labels\", \"value\": {\"start\": 22, \"end\": 26, \"text\": \"test\", "
    "\"labels\": [\"region\"]}},\n"
    "    {\"id\": \"b\", \"type\": \"labels\", \"value\": {\"start\": 3, \"end\": 10, \"text\": \"Warning\", "
    "\"labels\": [\"region\"]}}]}]}]\n");
  g_autofree char *afile = g_build_filename (f->dir, "old-0001.txt.labelstudio.gloss.json", NULL);
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("labelstudio"));
  g_autoptr(GlossImporter) asked = gloss_importer_new (gloss_format_lookup ("labelstudio"));
  g_autofree char *spans = NULL;
  g_autofree char *notes = NULL;

  /* value.text fits only in UTF-16: the regions are placed by it, and
   * the report says so once for the file. */
  g_assert_true (import_one (importer, input, NULL));
  spans = describe_file (afile);
  g_assert_cmpstr (spans, ==, "region 2 9 Warning|region 21 25 test|");
  notes = notes_of (importer);
  g_assert_cmpuint (count_substrings (notes, "UTF-16"), ==, 1);
  g_assert_nonnull (strstr (notes, "old.json: 2 regions count their offsets in UTF-16 code units"));
  g_clear_pointer (&notes, g_free);

  /* Asked for UTF-16, nothing to say. */
  gloss_importer_set_offset_unit (asked, GLOSS_OFFSETS_UTF16);
  gloss_importer_set_overwrite (asked, TRUE);
  g_assert_true (import_one (asked, input, NULL));
  notes = notes_of (asked);
  g_assert_null (strstr (notes, "code units"));
}

static void
test_labelstudio_import_mismatch (Fixture       *f,
                                  gconstpointer  data)
{
  /* In neither unit: refused, in the unit asked for, nothing written. */
  g_autofree char *input = fixture_write (f, "bad.json", EMOJI_TASK (0, 4));
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("labelstudio"));
  g_autofree char *message = NULL;
  g_autofree char *text = g_build_filename (f->dir, "bad-0001.txt", NULL);

  g_assert_false (import_one (importer, input, &message));
  g_assert_nonnull (strstr (message, "bad.json:1: region n2ldmNpSQI says “test” but the text has “🐱 Wa” there"));
  g_assert_false (g_file_test (text, G_FILE_TEST_EXISTS));
}

/* Label Studio: predictions ------------------------------------------- */

static void
test_labelstudio_predictions (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *input = fixture_write (f, "pre.json",
    "[{\"id\": 7, \"annotations\": [],\n"
    "  \"predictions\": [{\"id\": 3, \"model_version\": \"NER v2\", \"score\": 0.87,\n"
    "    \"result\": [{\"id\": \"p1\", \"from_name\": \"label\", \"to_name\": \"text\", \"type\": \"labels\",\n"
    "                \"score\": 0.9, \"value\": {\"start\": 0, \"end\": 4, \"text\": \"Acme\", \"labels\": [\"ORG\"]}}]}],\n"
    "  \"data\": {\"text\": \"Acme met Zenith.\"}},\n"
    " {\"id\": 8, \"annotations\": [], \"predictions\": [],\n"
    "  \"data\": {\"text\": \"Nobody looked at this one.\"}},\n"
    " {\"id\": 9,\n"
    "  \"annotations\": [{\"completed_by\": 2, \"result\": [{\"id\": \"h1\", \"type\": \"labels\",\n"
    "    \"value\": {\"start\": 9, \"end\": 15, \"text\": \"Zenith\", \"labels\": [\"ORG\"]}}]}],\n"
    "  \"predictions\": [{\"result\": [{\"id\": \"p2\", \"type\": \"labels\",\n"
    "    \"value\": {\"start\": 0, \"end\": 4, \"text\": \"Acme\", \"labels\": [\"ORG\"]}}]}],\n"
    "  \"data\": {\"text\": \"Acme met Zenith.\"}}]\n");
  g_autofree char *model = g_build_filename (f->dir, "pre-0001.txt.ner-v2.gloss.json", NULL);
  g_autofree char *people = g_build_filename (f->dir, "pre-0003.txt.labelstudio.gloss.json", NULL);
  g_autofree char *unnamed = g_build_filename (f->dir, "pre-0003.txt.predictions.gloss.json", NULL);
  g_autofree char *nothing = g_build_filename (f->dir, "pre-0002.txt", NULL);
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("labelstudio"));
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autofree char *spans = NULL;

  g_assert_true (import_one (importer, input, NULL));
  g_assert_cmpuint (gloss_importer_get_n_annotations (importer), ==, 3);

  /* Predictions only: their own annotator, named after the model. */
  spans = describe_file (model);
  g_assert_cmpstr (spans, ==, "org 0 4 Acme|");
  file = open_file (model);
  g_assert_cmpstr (gloss_layer_get_annotator_name (gloss_annotation_file_get_layer (file)), ==, "NER v2");
  g_clear_pointer (&spans, g_free);

  /* Both: the people's file and the predictions' apart. */
  spans = describe_file (people);
  g_assert_cmpstr (spans, ==, "org 9 15 Zenith|");
  g_clear_pointer (&spans, g_free);
  spans = describe_file (unnamed);
  g_assert_cmpstr (spans, ==, "org 0 4 Acme|");

  /* A task that imports nothing leaves no text behind. */
  g_assert_false (g_file_test (nothing, G_FILE_TEST_EXISTS));
}

static void
test_labelstudio_nothing (Fixture       *f,
                          gconstpointer  data)
{
  /* Tasks as they are imported into Label Studio, not yet annotated. */
  g_autofree char *input = fixture_write (f, "unlabelled.json",
    "[{\"data\": {\"text\": \"Acme met Zenith.\"}},\n"
    " {\"data\": {\"text\": \"Zenith met Acme.\"}, \"annotations\": [], \"predictions\": []}]\n");
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("labelstudio"));
  g_autofree char *message = NULL;
  g_autofree char *text = g_build_filename (f->dir, "unlabelled-0001.txt", NULL);

  g_assert_false (import_one (importer, input, &message));
  g_assert_nonnull (strstr (message, "unlabelled.json: no task labels a span of its text"));
  g_assert_false (g_file_test (text, G_FILE_TEST_EXISTS));
}

/* Label Studio: the way back ------------------------------------------ */

#define ROUND_TRIP_TEXT "Acme met Zenith in Oslo."

static void
test_labelstudio_round_trip (Fixture       *f,
                             gconstpointer  data)
{
  /* Two annotators, one given by id and one by email (as Label Studio's
   * export with completed_by expanded writes it), with choices about the
   * text and about a region, and a relation between two regions. */
  g_autofree char *input = fixture_write (f, "ls.json",
    "[{\"id\": 5,\n"
    "  \"annotations\": [\n"
    "   {\"id\": 21, \"completed_by\": 4, \"result\": [\n"
    "     {\"id\": \"r_acme\", \"type\": \"labels\", \"from_name\": \"label\", \"to_name\": \"text\",\n"
    "      \"value\": {\"start\": 0, \"end\": 4, \"text\": \"Acme\", \"labels\": [\"ORG\"]}},\n"
    "     {\"id\": \"r_oslo\", \"type\": \"labels\", \"from_name\": \"label\", \"to_name\": \"text\",\n"
    "      \"value\": {\"start\": 19, \"end\": 23, \"text\": \"Oslo\", \"labels\": [\"LOC\"]}},\n"
    "     {\"id\": \"r_acme\", \"type\": \"choices\", \"from_name\": \"sure\", \"to_name\": \"text\",\n"
    "      \"value\": {\"start\": 0, \"end\": 4, \"text\": \"Acme\", \"choices\": [\"Sure\"]}},\n"
    "     {\"id\": \"doc1\", \"type\": \"choices\", \"from_name\": \"sentiment\", \"to_name\": \"text\",\n"
    "      \"value\": {\"choices\": [\"Neutral\"]}},\n"
    "     {\"type\": \"relation\", \"from_id\": \"r_acme\", \"to_id\": \"r_oslo\", \"direction\": \"right\",\n"
    "      \"labels\": [\"based in\"]},\n"
    "     {\"id\": \"x9\", \"type\": \"rating\", \"from_name\": \"stars\", \"to_name\": \"text\",\n"
    "      \"value\": {\"rating\": 4}}]},\n"
    "   {\"id\": 22, \"completed_by\": {\"id\": 9, \"email\": \"eve@example.org\", \"first_name\": \"Eve\",\n"
    "                                \"last_name\": \"\"},\n"
    "    \"result\": [{\"id\": \"e1\", \"type\": \"labels\",\n"
    "      \"value\": {\"start\": 9, \"end\": 15, \"text\": \"Zenith\", \"labels\": [\"ORG\"]}}]}],\n"
    "  \"data\": {\"text\": \"" ROUND_TRIP_TEXT "\"},\n"
    "  \"meta\": {\"annotators\": [\"Ann\", \"Eve\"]}}]\n");
  g_autofree char *ann = g_build_filename (f->dir, "ls-0001.txt.ann.gloss.json", NULL);
  g_autofree char *article = g_build_filename (f->dir, "ls-0001.txt", NULL);
  g_autofree char *out = g_build_filename (f->dir, "back.json", NULL);
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("labelstudio"));
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  g_autofree char *spans = NULL;
  JsonArray *entries, *result;
  JsonObject *by_email;
  gboolean choices_doc = FALSE, choices_region = FALSE, relation = FALSE, rating = FALSE;

  g_assert_true (import_one (importer, input, NULL));
  spans = describe_file (ann);
  g_assert_cmpstr (spans, ==, "org 0 4 Acme|loc 19 23 Oslo|");

  /* A third annotator, made in Gloss: Label Studio knows nothing of her. */
  annotate_text (article, "zoe", "place", "Oslo", NULL);

  export_article (gloss_format_lookup ("labelstudio"), -1, article, out);
  json = read_file (out);
  root = parse_json (json);
  entries = entries_of (root);
  g_assert_cmpuint (json_array_get_length (entries), ==, 3);

  /* completed_by as Label Studio's importer takes it: the user id, or
   * an object with the email; none for the annotator it does not know. */
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (entries, 0),
                                               "completed_by"), ==, 4);
  by_email = json_object_get_object_member (json_array_get_object_element (entries, 1), "completed_by");
  g_assert_cmpstr (json_object_get_string_member (by_email, "email"), ==, "eve@example.org");
  g_assert_false (json_object_has_member (json_array_get_object_element (entries, 2), "completed_by"));

  /* The regions keep their ids; the choices and the relation come back
   * with them; the rating, which Gloss does not give back, does not. */
  result = results_of (root, 0);
  for (guint i = 0; i < json_array_get_length (result); i++)
    {
      JsonObject *r = json_array_get_object_element (result, i);
      const char *type = json_object_get_string_member (r, "type");

      if (strcmp (type, "labels") == 0)
        g_assert_true (g_str_has_prefix (json_object_get_string_member (r, "id"), "r_"));
      else if (strcmp (type, "choices") == 0 && strcmp (json_object_get_string_member (r, "id"), "doc1") == 0)
        choices_doc = TRUE;
      else if (strcmp (type, "choices") == 0)
        {
          g_assert_cmpstr (json_object_get_string_member (r, "id"), ==, "r_acme");
          choices_region = TRUE;
        }
      else if (strcmp (type, "relation") == 0)
        {
          g_assert_cmpstr (json_object_get_string_member (r, "from_id"), ==, "r_acme");
          g_assert_cmpstr (json_object_get_string_member (r, "to_id"), ==, "r_oslo");
          relation = TRUE;
        }
      else if (strcmp (type, "rating") == 0)
        rating = TRUE;
    }
  g_assert_true (choices_doc);
  g_assert_true (choices_region);
  g_assert_true (relation);
  g_assert_false (rating);
}

static void
test_labelstudio_round_trip_removed (Fixture       *f,
                                     gconstpointer  data)
{
  /* A region removed in Gloss takes its choices and relations along. */
  g_autofree char *input = fixture_write (f, "ls.json",
    "[{\"annotations\": [{\"result\": [\n"
    "   {\"id\": \"r_acme\", \"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 4, \"text\": \"Acme\", "
    "\"labels\": [\"ORG\"]}},\n"
    "   {\"id\": \"r_oslo\", \"type\": \"labels\", \"value\": {\"start\": 19, \"end\": 23, \"text\": \"Oslo\", "
    "\"labels\": [\"LOC\"]}},\n"
    "   {\"id\": \"r_acme\", \"type\": \"choices\", \"value\": {\"start\": 0, \"end\": 4, \"choices\": [\"Sure\"]}},\n"
    "   {\"type\": \"relation\", \"from_id\": \"r_acme\", \"to_id\": \"r_oslo\"}]}],\n"
    "  \"data\": {\"text\": \"" ROUND_TRIP_TEXT "\"}}]\n");
  g_autofree char *afile_path = g_build_filename (f->dir, "ls-0001.txt.labelstudio.gloss.json", NULL);
  g_autofree char *article = g_build_filename (f->dir, "ls-0001.txt", NULL);
  g_autofree char *out = g_build_filename (f->dir, "back.json", NULL);
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("labelstudio"));
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  GlossAnnotation *acme;
  JsonArray *result;

  g_assert_true (import_one (importer, input, NULL));
  file = open_file (afile_path);
  acme = gloss_layer_find (gloss_annotation_file_get_layer (file), "org", 0, 4);
  g_assert_nonnull (acme);
  gloss_layer_remove (gloss_annotation_file_get_layer (file), acme);
  g_assert_true (gloss_annotation_file_save (file, GLOSS_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);

  export_article (gloss_format_lookup ("labelstudio"), -1, article, out);
  json = read_file (out);
  root = parse_json (json);
  result = results_of (root, 0);
  g_assert_cmpuint (json_array_get_length (result), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (result, 0), "id"),
                   ==, "r_oslo");
}

/* Label Studio: gloss-cli ---------------------------------------------- */

static void
test_labelstudio_cli (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *input = fixture_write (f, "tasks.json", EMOJI_TASK (21, 25));
  g_autofree char *article = fixture_write (f, "emoji.txt", EMOJI_TEXT);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (g_getenv ("GLOSS_CLI") == NULL)
    {
      g_test_skip ("GLOSS_CLI is not set");
      return;
    }

  /* Label Studio's own export goes in as it is. */
  g_assert_cmpint (run_cli (f, &out, &err, "import", "-f", "labelstudio", "tasks.json", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* And out in code points, or UTF-16 code units when asked. */
  annotate_text (article, "ann", "region", "test", NULL);
  g_assert_cmpint (run_cli (f, &out, &err, "export", "-f", "labelstudio", "-a", "ann", "emoji.txt",
                            NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"start\":21,\"end\":25"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (f, &out, &err, "export", "-f", "labelstudio", "--offsets", "utf16",
                            "-a", "ann", "emoji.txt", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"start\":22,\"end\":26"));
}

/* doccano: relations ---------------------------------------------------- */

static void
test_doccano_relations (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *samples = testdata_path ("doccano");
  g_autofree char *sample = NULL;
  g_autofree char *input = NULL;
  g_autofree char *original = NULL;
  g_autofree char *article = NULL;
  g_autofree char *out = NULL;
  g_autofree char *exported = NULL;
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("doccano"));
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  JsonObject *was, *now;
  JsonArray *entities, *relations;

  if (samples == NULL)
    {
      g_test_skip ("the doccano samples are not in GLOSS_TESTDATA");
      return;
    }

  /* doccano's own relation extraction export. */
  sample = g_build_filename (samples, "data_export-relation_extraction-example.jsonl", NULL);
  input = g_build_filename (f->dir, "rel.jsonl", NULL);
  copy_file (sample, input);
  original = read_file (input);
  before = parse_json (original);

  g_assert_true (import_one (importer, input, NULL));
  article = g_build_filename (f->dir, "rel-0001.txt", NULL);
  out = g_build_filename (f->dir, "back.jsonl", NULL);
  export_article (gloss_format_lookup ("doccano"), -1, article, out);
  exported = read_file (out);

  /* One record on one line, in the shape doccano reads relations in. */
  g_assert_cmpuint (count_substrings (exported, "\n"), ==, 1);
  after = parse_json (exported);
  was = json_node_get_object (before);
  now = json_node_get_object (after);
  g_assert_cmpstr (json_object_get_string_member (now, "text"), ==,
                   json_object_get_string_member (was, "text"));
  g_assert_false (json_object_has_member (now, "label"));

  /* The same entities under the same ids, and the same relations. */
  entities = json_object_get_array_member (now, "entities");
  g_assert_cmpuint (json_array_get_length (entities), ==,
                    json_array_get_length (json_object_get_array_member (was, "entities")));
  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      JsonObject *e = json_array_get_object_element (entities, i);
      JsonArray *old = json_object_get_array_member (was, "entities");
      gboolean found = FALSE;

      for (guint j = 0; j < json_array_get_length (old); j++)
        {
          JsonObject *o = json_array_get_object_element (old, j);

          found |= json_object_get_int_member (o, "id") == json_object_get_int_member (e, "id") &&
                   json_object_get_int_member (o, "start_offset") == json_object_get_int_member (e, "start_offset") &&
                   json_object_get_int_member (o, "end_offset") == json_object_get_int_member (e, "end_offset") &&
                   g_strcmp0 (json_object_get_string_member (o, "label"),
                              json_object_get_string_member (e, "label")) == 0;
        }
      g_assert_true (found);
    }
  relations = json_object_get_array_member (now, "relations");
  g_assert_true (json_node_equal (json_object_get_member (now, "relations"),
                                  json_object_get_member (was, "relations")));
  g_assert_cmpuint (json_array_get_length (relations), ==, 3);
}

static void
test_doccano_relations_removed (Fixture       *f,
                                gconstpointer  data)
{
  /* An entity removed in Gloss takes its relations along, and one added
   * in Gloss gets the next id. */
  g_autofree char *input = fixture_write (f, "rel.jsonl",
    "{\"text\": \"Acme met Zenith in Oslo.\", \"entities\": ["
    "{\"id\": 4, \"start_offset\": 0, \"end_offset\": 4, \"label\": \"ORG\"}, "
    "{\"id\": 7, \"start_offset\": 9, \"end_offset\": 15, \"label\": \"ORG\"}], "
    "\"relations\": [{\"id\": 1, \"from_id\": 4, \"to_id\": 7, \"type\": \"met\"}]}\n");
  g_autofree char *afile_path = g_build_filename (f->dir, "rel-0001.txt.doccano.gloss.json", NULL);
  g_autofree char *article = g_build_filename (f->dir, "rel-0001.txt", NULL);
  g_autofree char *out = g_build_filename (f->dir, "back.jsonl", NULL);
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("doccano"));
  g_autoptr(GlossExporter) exporter = gloss_exporter_new (gloss_format_lookup ("doccano"));
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autoptr(GFile) out_file = g_file_new_for_path (out);
  g_autoptr(GFile) article_file = g_file_new_for_path (article);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *exported = NULL;
  GPtrArray *warnings;

  g_assert_true (import_one (importer, input, NULL));
  file = open_file (afile_path);
  gloss_layer_remove (gloss_annotation_file_get_layer (file),
                      gloss_layer_find (gloss_annotation_file_get_layer (file), "org", 9, 15));
  g_assert_true (gloss_annotation_file_save (file, GLOSS_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  annotate_text (article, "doccano", "loc", "Oslo", NULL);

  gloss_exporter_open_file (exporter, out_file, FALSE, NULL, &error);
  g_assert_no_error (error);
  gloss_exporter_add_article (exporter, article_file, "rel-0001.txt", NULL, NULL, &error);
  g_assert_no_error (error);
  gloss_exporter_finish (exporter, NULL, &error);
  g_assert_no_error (error);

  exported = read_file (out);
  root = parse_json (exported);
  g_assert_nonnull (strstr (exported, "{\"id\":4,\"label\":\"ORG\",\"start_offset\":0,\"end_offset\":4}"));
  g_assert_nonnull (strstr (exported, "{\"id\":5,\"label\":\"loc\",\"start_offset\":19,\"end_offset\":23}"));
  g_assert_nonnull (strstr (exported, "\"relations\":[]"));
  /* The relation was the layer's, removed with its end: nothing to
   * report. */
  warnings = gloss_exporter_get_warnings (exporter);
  g_assert_cmpuint (warnings->len, ==, 0);
}

/* W3C: the ids web annotators give -------------------------------------- */

#define RECOGITO_TEXT "Tell me, O muse, of that ingenious hero who travelled far and wide."

/* As Recogito's text annotator exports (its test data,
 * packages/text-annotator/test/annotations.w3c.json): bare UUIDs as ids,
 * the context on each annotation, an empty body, a creator known by an id,
 * targets with ids of their own; and an id as other tools name them. */
#define RECOGITO_ANNOTATION(ID, EXACT, START, END) \
  "  {\"id\": \"" ID "\",\n" \
  "   \"@context\": \"http://www.w3.org/ns/anno.jsonld\",\n" \
  "   \"type\": \"Annotation\",\n" \
  "   \"body\": [],\n" \
  "   \"creator\": {\"id\": \"ktKoKXUSAY88XxClOvGp\"},\n" \
  "   \"created\": \"2024-01-05T13:19:14.716Z\",\n" \
  "   \"target\": {\"id\": \"602e0698-6602-46b2-87bc-4085df9eb2bc\", \"annotation\": \"" ID "\",\n" \
  "              \"source\": \"https://www.gutenberg.org/files/1727/1727-h/1727-h.htm\",\n" \
  "              \"selector\": [{\"type\": \"TextQuoteSelector\", \"exact\": \"" EXACT "\"},\n" \
  "                           {\"type\": \"TextPositionSelector\", \"start\": " #START ", \"end\": " #END "}]}}"

static void
test_w3c_plain_ids (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *article = fixture_write (f, "odyssey.txt", RECOGITO_TEXT);
  g_autofree char *input = fixture_write (f, "recogito.json",
    "[\n"
    RECOGITO_ANNOTATION ("9b6aa528-660a-4551-8265-66f45c61acab", "muse", 11, 15) ",\n"
    RECOGITO_ANNOTATION ("anno-000000", "ingenious hero", 25, 39) ",\n"
    RECOGITO_ANNOTATION ("#a88b22d0", "far and wide", 54, 66) "\n"
    "]\n");
  g_autofree char *afile = g_strconcat (article, ".w3c.gloss.json", NULL);
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("w3c"));
  g_autoptr(GFile) article_file = g_file_new_for_path (article);
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autofree char *spans = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *saved = NULL;
  GlossAnnotation *muse;

  g_assert_cmpuint (offset_of (RECOGITO_TEXT, "muse"), ==, 11);
  g_assert_cmpuint (offset_of (RECOGITO_TEXT, "ingenious hero"), ==, 25);
  g_assert_cmpuint (offset_of (RECOGITO_TEXT, "far and wide"), ==, 54);

  gloss_importer_set_article (importer, article_file);
  g_assert_true (import_one (importer, input, NULL));
  spans = describe_file (afile);
  g_assert_cmpstr (spans, ==, "annotation 11 15 muse|annotation 25 39 ingenious hero|"
                              "annotation 54 66 far and wide|");

  /* Said once for the file. */
  notes = notes_of (importer);
  g_assert_cmpuint (count_substrings (notes, "not IRIs"), ==, 1);
  g_assert_nonnull (strstr (notes, "recogito.json: 3 annotations have ids that are not IRIs"));

  /* The ids are kept as they were written, for the way back; a UUID is
   * the annotation's own id too. */
  saved = read_file (afile);
  g_assert_nonnull (strstr (saved, "\"x-w3c-id\": \"anno-000000\""));
  g_assert_nonnull (strstr (saved, "\"x-w3c-id\": \"#a88b22d0\""));
  g_assert_nonnull (strstr (saved, "\"x-w3c-id\": \"9b6aa528-660a-4551-8265-66f45c61acab\""));
  file = open_file (afile);
  muse = gloss_layer_lookup (gloss_annotation_file_get_layer (file), "9b6aa528-660a-4551-8265-66f45c61acab");
  g_assert_nonnull (muse);
  g_assert_cmpuint (gloss_annotation_get_start (muse), ==, 11);
}

static void
test_w3c_plain_ids_misplaced (Fixture       *f,
                              gconstpointer  data)
{
  /* What cannot be placed is still refused, its id named. */
  g_autofree char *article = fixture_write (f, "odyssey.txt", RECOGITO_TEXT);
  g_autofree char *input = fixture_write (f, "recogito.json",
    "[\n" RECOGITO_ANNOTATION ("anno-000001", "muse", 12, 16) "\n]\n");
  g_autofree char *afile = g_strconcat (article, ".w3c.gloss.json", NULL);
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("w3c"));
  g_autoptr(GFile) article_file = g_file_new_for_path (article);
  g_autofree char *message = NULL;

  gloss_importer_set_article (importer, article_file);
  g_assert_false (import_one (importer, input, &message));
  g_assert_nonnull (strstr (message, "recogito.json:2: annotation anno-000001 quotes “muse” but the article "
                                     "has other text at its position 12–16"));
  g_assert_false (g_file_test (afile, G_FILE_TEST_EXISTS));
}

static void
test_w3c_page_order (Fixture       *f,
                     gconstpointer  data)
{
  /* A collection whose page gives its items before its type, and whose
   * context comes last: read whole, the same as in the usual order. */
  g_autofree char *article = fixture_write (f, "odyssey.txt", RECOGITO_TEXT);
  g_autofree char *input = fixture_write (f, "page.jsonld",
    "{\"type\": \"AnnotationCollection\", \"id\": \"urn:uuid:5cf4b9ba-5ea3-4e3e-a1a8-7e3e9a0a4b11\",\n"
    " \"first\": {\"items\": [\n"
    "   {\"id\": \"urn:uuid:0d4c2a1e-1b7f-4b0e-9d55-2c6f3c5a9e01\", \"type\": \"Annotation\",\n"
    "    \"body\": {\"type\": \"TextualBody\", \"purpose\": \"tagging\", \"value\": \"deity\"},\n"
    "    \"target\": {\"source\": \"odyssey.txt\",\n"
    "               \"selector\": {\"type\": \"TextQuoteSelector\", \"exact\": \"muse\"}}}],\n"
    "   \"type\": \"AnnotationPage\"},\n"
    " \"@context\": \"http://www.w3.org/ns/anno.jsonld\"}\n");
  g_autofree char *afile = g_strconcat (article, ".w3c.gloss.json", NULL);
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("w3c"));
  g_autofree char *spans = NULL;

  g_assert_true (import_one (importer, input, NULL));
  spans = describe_file (afile);
  g_assert_cmpstr (spans, ==, "deity 11 15 muse|");
}

/* Imports that scale --------------------------------------------------- */

/* Imports @n annotations of one article in @format (written by Gloss's
 * own export) and returns the seconds it took. */
static double
time_import (Fixture           *f,
             const GlossFormat *export_format,
             const GlossFormat *import_format,
             guint              n)
{
  g_autofree char *sub = g_strdup_printf ("scale-%u-%s", n, gloss_format_get_id (import_format));
  g_autofree char *folder = g_build_filename (f->dir, sub, NULL);
  g_autofree char *article = g_build_filename (folder, "a.txt", NULL);
  g_autofree char *out = g_build_filename (folder, "a.export", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GFile) article_file = NULL;
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossImporter) importer = gloss_importer_new (import_format);
  g_autoptr(GError) error = NULL;
  gint64 t0;

  g_mkdir_with_parents (folder, 0755);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "Word%u 😀 ", i);
  g_file_set_contents (article, text->str, -1, &error);
  g_assert_no_error (error);

  article_file = g_file_new_for_path (article);
  source = gloss_source_new_from_plain_text (article_file, 0, NULL, &error);
  g_assert_no_error (error);
  file = gloss_annotation_file_new (source, "bench", NULL);
  for (guint i = 0, at = 0; i < n; i++)
    {
      g_autofree char *word = g_strdup_printf ("Word%u", i);

      g_ptr_array_add (annotations,
                       gloss_annotation_new_for_source (source, "word", at, at + strlen (word),
                                                        i % 5 == 0 ? "A note" : NULL));
      at += strlen (word) + 3;
    }
  gloss_layer_replace_all (gloss_annotation_file_get_layer (file), annotations);
  g_assert_true (gloss_annotation_file_save (file, GLOSS_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  export_article (export_format, -1, article, out);

  gloss_importer_set_annotator (importer, "again");
  t0 = g_get_monotonic_time ();
  g_assert_true (import_one (importer, out, NULL));
  g_assert_cmpuint (gloss_importer_get_n_annotations (importer), ==, n);
  return (g_get_monotonic_time () - t0) / 1e6;
}

static void
test_scale (Fixture       *f,
            gconstpointer  data)
{
  const struct
  {
    const GlossFormat *export_format;
    const GlossFormat *import_format;
  } formats[] = {
    { gloss_format_lookup ("w3c"), gloss_format_lookup ("w3c") },
    { gloss_format_lookup ("labelstudio"), gloss_format_lookup ("labelstudio") },
  };

  /* Sixteen times the annotations may take sixteen times as long, with
   * room for a busy machine; an import that compares each annotation with
   * all the others (256 times as long) does not pass.  The benchmark
   * (bench-import) measures the real sizes. */
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      double small = time_import (f, formats[i].export_format, formats[i].import_format, 2000);
      double large = time_import (f, formats[i].export_format, formats[i].import_format, 32000);

      g_test_message ("%s: 2,000 in %.3f s, 32,000 in %.3f s",
                      gloss_format_get_id (formats[i].import_format), small, large);
      g_assert_cmpfloat (large, <, MAX (small, 0.02) * 48);
    }
}

int
main (int    argc,
      char **argv)
{
  format_test_init (&argc, &argv);

  ADD_TEST ("/import-formats/labelstudio/export-codepoints", test_labelstudio_export_codepoints);
  ADD_TEST ("/import-formats/labelstudio/import-codepoints", test_labelstudio_import_codepoints);
  ADD_TEST ("/import-formats/labelstudio/import-utf16", test_labelstudio_import_utf16);
  ADD_TEST ("/import-formats/labelstudio/import-mismatch", test_labelstudio_import_mismatch);
  ADD_TEST ("/import-formats/labelstudio/predictions", test_labelstudio_predictions);
  ADD_TEST ("/import-formats/labelstudio/nothing", test_labelstudio_nothing);
  ADD_TEST ("/import-formats/labelstudio/round-trip", test_labelstudio_round_trip);
  ADD_TEST ("/import-formats/labelstudio/round-trip-removed", test_labelstudio_round_trip_removed);
  ADD_TEST ("/import-formats/labelstudio/cli", test_labelstudio_cli);
  ADD_TEST ("/import-formats/doccano/relations", test_doccano_relations);
  ADD_TEST ("/import-formats/doccano/relations-removed", test_doccano_relations_removed);
  ADD_TEST ("/import-formats/w3c/plain-ids", test_w3c_plain_ids);
  ADD_TEST ("/import-formats/w3c/plain-ids-misplaced", test_w3c_plain_ids_misplaced);
  ADD_TEST ("/import-formats/w3c/page-order", test_w3c_page_order);
  ADD_TEST ("/import-formats/scale", test_scale);

  return g_test_run ();
}
