/* test-relation-formats.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Relations and attributes through the formats other than brat
 * (test-brat.c): what each writes, and that importing an export gives
 * the same annotations, attributes and relations back. */

#include "config.h"

#include <string.h>

#include "format-test-util.h"
#include "gloss-interchange-private.h"

enum
{
  LOSES_NOTHING = 0,
  LOSES_RELATION_NOTES = 1 << 0,
  LOSES_ATTRIBUTES = 1 << 1,
};

#define RELATED_TEXT "Acme said profits doubled; Zenith said it cut costs.\n"

/* Exports @article (with relate_text's annotations by bob) in @format to
 * @name in the fixture, imports it into the folder "back" and returns the
 * annotation file bob gets there (@back_name) after checking it holds the
 * same annotations, attributes and relations as the original. */
static GlossAnnotationFile *
round_trip (Fixture    *f,
            const char *format,
            const char *name,
            const char *back_name,
            guint       losses,
            char      **exported)
{
  g_autofree char *article = g_build_filename (f->dir, "a.txt", NULL);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *out_dir = g_build_filename (f->dir, "back", NULL);
  g_autofree char *back = g_build_filename (out_dir, back_name, NULL);
  g_autoptr(GFile) article_file = g_file_new_for_path (article);
  g_autoptr(GFile) destination = g_file_new_for_path (path);
  g_autoptr(GFile) out_folder = g_file_new_for_path (out_dir);
  g_autoptr(GFile) afile = NULL;
  g_autoptr(GlossExporter) exporter = gloss_exporter_new (gloss_format_lookup (format));
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup (format));
  g_autoptr(GlossAnnotationFile) original = NULL;
  g_autoptr(GlossAnnotationFile) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *message = NULL;
  g_autofree char *notes = NULL;

  gloss_exporter_open_file (exporter, destination, FALSE, NULL, &error);
  g_assert_no_error (error);
  gloss_exporter_add_article (exporter, article_file, "a.txt", NULL, NULL, &error);
  g_assert_no_error (error);
  gloss_exporter_finish (exporter, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (path, exported, NULL, &error);
  g_assert_no_error (error);

  g_mkdir_with_parents (out_dir, 0755);
  gloss_importer_set_output_folder (importer, out_folder);
  /* W3C annotations target the article itself: a copy of it in the
   * fresh folder takes them. */
  if (strcmp (format, "w3c") == 0)
    {
      g_autofree char *copy = g_build_filename (out_dir, "a.txt", NULL);
      g_autoptr(GFile) copy_gfile = g_file_new_for_path (copy);

      copy_file (article, copy);
      gloss_importer_set_article (importer, copy_gfile);
    }
  gloss_importer_set_annotator (importer, "bob");
  g_assert_true (import_one (importer, path, &message));
  notes = notes_of (importer);
  g_test_message ("notes: %s", notes);
  /* Nothing left behind: every result is modelled. */
  g_assert_cmpuint (gloss_importer_get_n_kept (importer), ==, 0);

  afile = gloss_annotation_file_path_for (article_file, "bob");
  {
    g_autofree char *afile_path = g_file_get_path (afile);

    original = open_file (afile_path);
  }
  imported = open_file (back);
  before = describe_annotations (original, TRUE);
  after = describe_annotations (imported, TRUE);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = describe_relations (original);
  after = describe_relations (imported);
  /* A format whose relations have no note leaves it out (and says so). */
  if (losses & LOSES_RELATION_NOTES)
    {
      g_auto(GStrv) pieces = g_strsplit (before, "(on the radio)", -1);

      g_free (before);
      before = g_strjoinv ("()", pieces);
    }
  /* And one whose spans have no attributes, the attributes. */
  if (losses & LOSES_ATTRIBUTES)
    {
      g_auto(GStrv) pieces = g_strsplit (before, "|", -1);
      GString *kept = g_string_new (NULL);

      for (guint i = 0; pieces[i] != NULL && pieces[i][0] != '\0'; i++)
        if (strstr (pieces[i], "{'") == NULL)
          g_string_append_printf (kept, "%s|", pieces[i]);
      g_free (before);
      before = g_string_free (kept, FALSE);
    }
  g_assert_cmpstr (after, ==, before);

  return g_steal_pointer (&imported);
}

static void
set_up_article (Fixture *f)
{
  g_autofree char *article = fixture_write (f, "a.txt", RELATED_TEXT);

  relate_text (article, "bob");
}

/* Label Studio --------------------------------------------------------- */

static void
test_labelstudio (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *exported = NULL;
  g_autoptr(GlossAnnotationFile) back = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *results;
  guint n_relations = 0, n_choices = 0;

  set_up_article (f);
  back = round_trip (f, "labelstudio", "a.json", "a-0001.txt.bob.gloss.json",
                     LOSES_RELATION_NOTES, &exported);

  /* Per-region choices with their region's id and span; relations
   * between region ids, directed to the right. */
  root = json_from_string (exported, NULL);
  g_assert_nonnull (root);
  results = json_object_get_array_member (
              json_array_get_object_element (
                json_object_get_array_member (json_array_get_object_element (json_node_get_array (root), 0),
                                              "annotations"), 0), "result");
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *r = json_array_get_object_element (results, i);
      const char *type = json_object_get_string_member (r, "type");

      if (strcmp (type, "relation") == 0)
        {
          g_assert_cmpstr (json_object_get_string_member (r, "direction"), ==, "right");
          g_assert_true (json_object_has_member (r, "from_id"));
          g_assert_true (json_object_has_member (r, "to_id"));
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "labels")), ==, 1);
          n_relations++;
        }
      else if (strcmp (type, "choices") == 0)
        {
          JsonObject *value = json_object_get_object_member (r, "value");

          g_assert_cmpstr (json_object_get_string_member (r, "from_name"), ==, "verdict");
          g_assert_true (json_object_has_member (value, "start"));
          g_assert_true (json_object_has_member (value, "end"));
          g_assert_true (json_object_has_member (value, "text"));
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (value, "choices")), ==, 1);
          n_choices++;
        }
    }
  g_assert_cmpuint (n_relations, ==, 3);
  g_assert_cmpuint (n_choices, ==, 2);
}

/* A relation between regions Label Studio's file lacks, and a choice the
 * codebook does not allow: noted with the file and the task's line, the
 * results kept. */
static void
test_labelstudio_refused (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *input = fixture_write (f, "t.json",
    LABELSTUDIO_TWO_REGIONS
    "   {\"id\": \"r2\", \"from_name\": \"verdict\", \"to_name\": \"text\", \"type\": \"choices\",\n"
    "    \"value\": {\"start\": 10, \"end\": 25, \"text\": \"profits doubled\", \"choices\": [\"bogus\"]}},\n"
    "   {\"from_id\": \"r2\", \"to_id\": \"r9\", \"type\": \"relation\", \"direction\": \"right\",\n"
    "    \"labels\": [\"said-by\"]},\n"
    "   {\"from_id\": \"r2\", \"to_id\": \"r1\", \"type\": \"relation\", \"direction\": \"right\",\n"
    "    \"labels\": [\"said-by\"]}]}]}]\n");
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("labelstudio"));
  g_autofree char *notes = NULL;

  gloss_importer_set_annotator (importer, "bob");
  g_assert_true (import_one (importer, input, NULL));
  notes = notes_of (importer);
  g_test_message ("%s", notes);
  g_assert_nonnull (strstr (notes, "t.json:1: region r2: “verdict” was not imported as an attribute ("));
  g_assert_nonnull (strstr (notes, "t.json:1: the relation “said-by” points at the region r9"));
  g_assert_cmpuint (gloss_importer_get_n_kept (importer), ==, 2);
}

/* doccano --------------------------------------------------------------- */

static void
test_doccano (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *exported = NULL;
  g_autoptr(GlossAnnotationFile) back = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *record;
  JsonArray *entities, *relations;

  set_up_article (f);
  back = round_trip (f, "doccano", "a.jsonl", "a-0001.txt.bob.gloss.json",
                     LOSES_RELATION_NOTES | LOSES_ATTRIBUTES, &exported);

  /* doccano's relation extraction shape: entities with ids, relations
   * between them. */
  root = json_from_string (exported, NULL);
  g_assert_nonnull (root);
  record = json_node_get_object (root);
  g_assert_false (json_object_has_member (record, "label"));
  entities = json_object_get_array_member (record, "entities");
  relations = json_object_get_array_member (record, "relations");
  g_assert_cmpuint (json_array_get_length (entities), ==, 4);
  g_assert_cmpuint (json_array_get_length (relations), ==, 3);
  for (guint i = 0; i < 4; i++)
    {
      JsonObject *e = json_array_get_object_element (entities, i);

      g_assert_cmpint (json_object_get_int_member (e, "id"), ==, i);
      g_assert_true (json_object_has_member (e, "label"));
      g_assert_true (json_object_has_member (e, "start_offset"));
      g_assert_true (json_object_has_member (e, "end_offset"));
    }
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *r = json_array_get_object_element (relations, i);

      g_assert_true (json_object_has_member (r, "id"));
      g_assert_true (json_object_has_member (r, "from_id"));
      g_assert_true (json_object_has_member (r, "to_id"));
      g_assert_true (json_object_has_member (r, "type"));
    }
}

/* The relations Gloss cannot take (one to an entity that is not there,
 * one that is not an object, one without a type) are kept exactly as
 * written, in their order and in their place among the record's other
 * keys; a key given twice in a relation refuses the record, as it would
 * in any value. */
#define DOCCANO_KEPT_RELATIONS \
    "{\"id\": 8, \"from_id\": 1, \"to_id\": 99, \"type\": \"about\", \"extra\": {\"deep\": [1.5, {\"a\": null}]}}", \
    "5", \
    "{\"from_id\": 0, \"to_id\": 1}"

static void
test_doccano_kept (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const kept[] = { DOCCANO_KEPT_RELATIONS };
  g_autoptr(GString) record = g_string_new (
    "{\"text\": \"Acme said profits doubled.\", \"entities\": ["
    "{\"id\": 0, \"label\": \"company\", \"start_offset\": 0, \"end_offset\": 4}, "
    "{\"id\": 1, \"label\": \"claim\", \"start_offset\": 10, \"end_offset\": 25}], "
    "\"relations\": [{\"id\": 7, \"from_id\": 1, \"to_id\": 0, \"type\": \"said-by\"}");
  g_autofree char *input = NULL;
  g_autofree char *output = g_build_filename (f->dir, "d-0001.txt.bob.gloss.json", NULL);
  g_autofree char *message = NULL;
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("doccano"));
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) keys = NULL;
  JsonObject *extra;
  JsonArray *relations;

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    g_string_append_printf (record, ", %s", kept[i]);
  g_string_append (record, "], \"meta\": {\"source\": \"wire\"}}\n");
  input = fixture_write (f, "d.jsonl", record->str);

  gloss_importer_set_annotator (importer, "bob");
  g_assert_true (import_one (importer, input, NULL));
  file = open_file (output);
  g_assert_cmpuint (gloss_layer_get_n_relations (gloss_annotation_file_get_layer (file)), ==, 1);

  g_assert_true (json_parser_load_from_file (parser, output, &error));
  g_assert_no_error (error);
  extra = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "x-doccano");
  keys = json_object_get_members (extra);
  g_assert_cmpstr (keys->data, ==, "relations");
  g_assert_cmpstr (keys->next->data, ==, "meta");
  relations = json_object_get_array_member (extra, "relations");
  g_assert_cmpuint (json_array_get_length (relations), ==, G_N_ELEMENTS (kept));
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autoptr(JsonNode) expected = json_from_string (kept[i], &error);

      g_assert_no_error (error);
      g_assert_true (json_node_equal (json_array_get_element (relations, i), expected));
    }

  /* A key twice in a relation. */
  g_free (fixture_write (f, "e.jsonl",
                         "{\"text\": \"Acme.\", \"entities\": [], \"relations\": "
                         "[{\"type\": \"about\", \"type\": \"said-by\"}]}\n"));
  g_clear_pointer (&input, g_free);
  input = g_build_filename (f->dir, "e.jsonl", NULL);
  g_assert_false (import_one (importer, input, &message));
  g_assert_nonnull (strstr (message, "e.jsonl:1: line 1, column 67: duplicate key “type”"));
}

/* W3C Web Annotation --------------------------------------------------- */

static void
test_w3c (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *suite = testdata_path ("w3c-annotation-tests");
  g_autofree char *path = g_build_filename (f->dir, "a.jsonld", NULL);
  g_autofree char *exported = NULL;
  g_autoptr(GlossAnnotationFile) back = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *items;
  guint n_links = 0, n_classifying = 0;
  int status;

  set_up_article (f);
  back = round_trip (f, "w3c", "a.jsonld", "a.txt.bob.gloss.json", LOSES_NOTHING, &exported);

  /* The relations are linking annotations between the annotations' ids,
   * the attributes classifying bodies. */
  root = json_from_string (exported, NULL);
  g_assert_nonnull (root);
  items = json_object_get_array_member (
            json_object_get_object_member (json_array_get_object_element (json_node_get_array (root), 0),
                                           "first"), "items");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (json_node_get_array (root), 0),
                                               "total"), ==, 7);
  g_assert_cmpuint (json_array_get_length (items), ==, 7);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      JsonArray *bodies = json_object_get_array_member (item, "body");

      if (strcmp (json_object_get_string_member (item, "motivation"), "linking") != 0)
        {
          g_hash_table_add (ids, (char *)json_object_get_string_member (item, "id"));
          for (guint b = 0; b < json_array_get_length (bodies); b++)
            {
              JsonObject *body = json_array_get_object_element (bodies, b);

              if (strcmp (json_object_get_string_member (body, "purpose"), "classifying") == 0)
                {
                  g_assert_true (g_str_has_prefix (json_object_get_string_member (body, "value"), "verdict="));
                  n_classifying++;
                }
            }
          continue;
        }

      {
        JsonArray *targets = json_object_get_array_member (item, "target");
        JsonObject *type = json_array_get_object_element (bodies, 0);

        g_assert_cmpuint (json_array_get_length (targets), ==, 2);
        g_assert_true (g_hash_table_contains (ids, json_array_get_string_element (targets, 0)));
        g_assert_true (g_hash_table_contains (ids, json_array_get_string_element (targets, 1)));
        g_assert_cmpstr (json_object_get_string_member (type, "purpose"), ==, "tagging");
        g_assert_true (g_str_has_prefix (json_object_get_string_member (item, "id"), "urn:uuid:"));
        n_links++;
      }
    }
  g_assert_cmpuint (n_links, ==, 3);
  g_assert_cmpuint (n_classifying, ==, 2);

  /* The relations keep their ids. */
  {
    g_autofree char *article = g_build_filename (f->dir, "a.txt", NULL);
    g_autoptr(GFile) article_file = g_file_new_for_path (article);
    g_autoptr(GFile) afile = gloss_annotation_file_path_for (article_file, "bob");
    g_autofree char *afile_path = g_file_get_path (afile);
    g_autoptr(GlossAnnotationFile) original = open_file (afile_path);
    GlossLayer *layer = gloss_annotation_file_get_layer (original);

    for (guint i = 0; i < gloss_layer_get_n_relations (layer); i++)
      g_assert_nonnull (gloss_layer_lookup_relation (gloss_annotation_file_get_layer (back),
                                                     gloss_relation_get_id (gloss_layer_get_relation (layer, i))));
  }

  if (suite == NULL)
    {
      g_test_skip ("the W3C test suite is not in GLOSS_TESTDATA");
      return;
    }
  status = run_python ("validate-w3c.py", suite, path, NULL);
  if (status == 77)
    {
      g_test_skip ("python3-jsonschema is not installed");
      return;
    }
  g_assert_cmpint (status, ==, 0);
}

static void
only_claims (GlossExporter *exporter)
{
  const char * const tags[] = { "claim", NULL };

  gloss_exporter_set_tags (exporter, tags);
}

/* With the companies filtered out, every relation loses an end: none is
 * written, the collection's total counts the claims alone, and the
 * warning says so. */
static void
test_w3c_filtered (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *article = NULL;
  g_autofree char *warnings = NULL;
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *collection;

  set_up_article (f);
  article = g_build_filename (f->dir, "a.txt", NULL);
  out = export_to_string (gloss_format_lookup ("w3c"), only_claims, &warnings, article, NULL);
  root = json_from_string (out, NULL);
  g_assert_nonnull (root);
  collection = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpint (json_object_get_int_member (collection, "total"), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_object_get_object_member (collection, "first"), "items")), ==, 2);
  g_assert_null (strstr (out, "\"linking\""));
  g_assert_nonnull (strstr (warnings, "a.txt (bob): 3 relations left out: an end of each is not exported"));
}

/* Attribute values of every kind, and strings that read as another kind,
 * come back as they were. */
static void
test_w3c_attribute_kinds (Fixture       *f,
                          gconstpointer  data)
{
  static const char *texts[] = { "misleading", "true", "2.5", "-3", "\"quoted\"", "0x1A", "a=b", "" };
  GVariant *values[] = {
    g_variant_new_boolean (TRUE), g_variant_new_boolean (FALSE), g_variant_new_double (2.5),
    g_variant_new_double (-3), g_variant_new_double (1e20), g_variant_new_double (0.1),
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GVariant) value = g_variant_ref_sink (g_variant_new_string (texts[i]));
      g_autofree char *text = _gloss_w3c_attribute_text ("verdict", value);
      g_autofree char *id = NULL;
      g_autoptr(GVariant) back = _gloss_w3c_attribute_parse (text, &id);

      g_assert_nonnull (back);
      g_variant_ref_sink (back);
      g_assert_cmpstr (id, ==, "verdict");
      g_assert_true (g_variant_equal (back, value));
    }
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(GVariant) value = g_variant_ref_sink (values[i]);
      g_autofree char *text = _gloss_w3c_attribute_text ("score", value);
      g_autofree char *id = NULL;
      g_autoptr(GVariant) back = _gloss_w3c_attribute_parse (text, &id);

      g_assert_nonnull (back);
      g_variant_ref_sink (back);
      g_assert_true (g_variant_equal (back, value));
    }
  {
    g_autofree char *id = NULL;

    g_assert_null (_gloss_w3c_attribute_parse ("no equals sign", &id));
    g_assert_null (_gloss_w3c_attribute_parse ("Not An Id=1", &id));
    g_assert_null (_gloss_w3c_attribute_parse ("verdict=\"unclosed", &id));
  }
}

/* A linking annotation whose target is not an annotation of the file:
 * left out with a note naming the file, the annotation and the id; an
 * attribute value the codebook refuses: noted, its body kept; the rest
 * imported. */
static void
test_w3c_bad_target (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *article = fixture_write (f, "a.txt", RELATED_TEXT);
  g_autofree char *input = fixture_write (f, "t.jsonld",
    "[{\"@context\": \"http://www.w3.org/ns/anno.jsonld\",\n"
    "  \"id\": \"urn:uuid:5d1b2c7e-8f0a-4b3c-9d2e-1f4a5b6c7d8e\", \"type\": \"Annotation\",\n"
    "  \"motivation\": \"tagging\",\n"
    "  \"body\": [{\"type\": \"TextualBody\", \"purpose\": \"tagging\", \"value\": \"claim\"},\n"
    "           {\"type\": \"TextualBody\", \"purpose\": \"classifying\", \"value\": \"verdict=bogus\"},\n"
    "           {\"purpose\": \"classifying\", \"value\": \"verdict=nonsense\", \"language\": \"en\"}],\n"
    "  \"target\": {\"source\": \"a.txt\", \"selector\": {\"type\": \"TextQuoteSelector\", \"exact\": \"profits doubled\"}}},\n"
    " {\"@context\": \"http://www.w3.org/ns/anno.jsonld\",\n"
    "  \"id\": \"urn:uuid:0e7c5a1f-3b2d-4c6e-8a9b-7d5f3e1c2b4a\", \"type\": \"Annotation\",\n"
    "  \"motivation\": \"linking\",\n"
    "  \"body\": [{\"type\": \"TextualBody\", \"purpose\": \"tagging\", \"value\": \"said-by\"}],\n"
    "  \"target\": [\"urn:uuid:9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d\",\n"
    "             \"urn:uuid:5d1b2c7e-8f0a-4b3c-9d2e-1f4a5b6c7d8e\"]}]\n");
  g_autofree char *afile = g_strconcat (article, ".bob.gloss.json", NULL);
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("w3c"));
  g_autoptr(GFile) article_file = g_file_new_for_path (article);
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GlossAnnotation) claim = NULL;

  gloss_importer_set_article (importer, article_file);
  gloss_importer_set_annotator (importer, "bob");
  g_assert_true (import_one (importer, input, NULL));
  notes = notes_of (importer);
  g_test_message ("%s", notes);
  g_assert_nonnull (strstr (notes, "t.jsonld: the linking annotation "
                                   "urn:uuid:0e7c5a1f-3b2d-4c6e-8a9b-7d5f3e1c2b4a (“said-by”) was left out: "
                                   "its target urn:uuid:9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d is not an "
                                   "annotation of this file"));
  g_assert_nonnull (strstr (notes, "t.jsonld: annotation urn:uuid:5d1b2c7e-8f0a-4b3c-9d2e-1f4a5b6c7d8e: "
                                   "“verdict=bogus” was not imported as an attribute ("));
  g_assert_nonnull (strstr (notes, "“verdict=nonsense” was not imported as an attribute ("));
  saved = read_file (afile);
  g_test_message ("%s", saved);
  g_assert_nonnull (strstr (saved, "\"x-w3c-bodies\""));
  /* Both bodies kept as they were written, members and their order. */
  {
    g_autoptr(JsonNode) root = json_from_string (saved, NULL);
    JsonObject *annotation = json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (root), "annotations"), 0);
    g_autofree char *bodies = json_to_string (json_object_get_member (annotation, "x-w3c-bodies"), FALSE);

    g_assert_cmpstr (bodies, ==, "[{\"type\":\"TextualBody\",\"purpose\":\"classifying\",\"value\":\"verdict=bogus\"},"
                                 "{\"purpose\":\"classifying\",\"value\":\"verdict=nonsense\",\"language\":\"en\"}]");
  }
  file = open_file (afile);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gloss_annotation_file_get_layer (file))), ==, 1);
  claim = g_list_model_get_item (G_LIST_MODEL (gloss_annotation_file_get_layer (file)), 0);
  g_assert_null (gloss_annotation_get_attributes (claim));
  g_assert_cmpuint (gloss_layer_get_n_relations (gloss_annotation_file_get_layer (file)), ==, 0);
}

/* W3C annotations as elements of a JSON-LD array: one that tags the
 * first @exact of a.txt with @tag, and one that links @from to @to. */
#define W3C_HEAD(id, motivation) \
  "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\",\n" \
  "  \"id\": \"urn:uuid:" id "\", \"type\": \"Annotation\", \"motivation\": \"" motivation "\",\n"
#define W3C_TAGGING(id, tag, exact) \
  W3C_HEAD (id, "tagging") \
  "  \"body\": [{\"type\": \"TextualBody\", \"purpose\": \"tagging\", \"value\": \"" tag "\"}],\n" \
  "  \"target\": {\"source\": \"a.txt\", \"selector\": {\"type\": \"TextQuoteSelector\", \"exact\": \"" exact "\"}}}"
#define W3C_LINKING(id, type, from, to) \
  W3C_HEAD (id, "linking") \
  "  \"body\": [{\"type\": \"TextualBody\", \"purpose\": \"tagging\", \"value\": \"" type "\"}],\n" \
  "  \"target\": [\"urn:uuid:" from "\", \"urn:uuid:" to "\"]}"

#define CLAIM_ID "5d1b2c7e-8f0a-4b3c-9d2e-1f4a5b6c7d8e"
#define TWIN_ID "6e2c3d8f-9a1b-4c4d-8e3f-2a5b6c7d8e9f"
#define ACME_ID "7f3d4e9a-0b2c-4d5e-9f4a-3b6c7d8e9f0a"

/* Two W3C annotations of one passage are imported as one: a linking
 * annotation that names the one merged away links the one kept, with no
 * note of a missing target. */
static void
test_w3c_twin_target (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *article = fixture_write (f, "a.txt", RELATED_TEXT);
  g_autofree char *input = fixture_write (f, "t.jsonld",
    "[" W3C_TAGGING (CLAIM_ID, "claim", "profits doubled") ",\n"
    W3C_TAGGING (TWIN_ID, "claim", "profits doubled") ",\n"
    W3C_TAGGING (ACME_ID, "company", "Acme") ",\n"
    W3C_LINKING ("0e7c5a1f-3b2d-4c6e-8a9b-7d5f3e1c2b4a", "said-by", TWIN_ID, ACME_ID) "]\n");
  g_autofree char *afile = g_strconcat (article, ".bob.gloss.json", NULL);
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("w3c"));
  g_autoptr(GFile) article_file = g_file_new_for_path (article);
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autofree char *notes = NULL;
  GlossLayer *layer;
  GlossRelation *relation;
  GlossAnnotation *claim, *company;

  gloss_importer_set_article (importer, article_file);
  gloss_importer_set_annotator (importer, "bob");
  g_assert_true (import_one (importer, input, NULL));
  notes = notes_of (importer);
  g_test_message ("%s", notes);
  g_assert_nonnull (strstr (notes, "t.jsonld: 1 annotation had the tag and span of another and was imported once"));
  g_assert_null (strstr (notes, "linking annotation"));

  file = open_file (afile);
  layer = gloss_annotation_file_get_layer (file);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (layer)), ==, 2);
  g_assert_cmpuint (gloss_layer_get_n_relations (layer), ==, 1);
  relation = gloss_layer_get_relation (layer, 0);
  g_assert_cmpstr (gloss_relation_get_rel_type (relation), ==, "said-by");
  claim = gloss_layer_lookup (layer, gloss_relation_get_source (relation));
  company = gloss_layer_lookup (layer, gloss_relation_get_target (relation));
  g_assert_nonnull (claim);
  g_assert_nonnull (company);
  g_assert_cmpstr (gloss_annotation_get_quote (claim), ==, "profits doubled");
  g_assert_cmpstr (gloss_annotation_get_quote (company), ==, "Acme");
}

/* CSV and JSON Lines (exports only) ------------------------------------ */

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *article = NULL;
  g_autofree char *csv_path = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *relations_path = g_build_filename (f->dir, "out.relations.csv", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GFile) article_file = NULL;
  g_autoptr(GFile) destination = g_file_new_for_path (csv_path);
  g_autoptr(GlossExporter) exporter = gloss_exporter_new (gloss_format_lookup ("csv"));
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *relations = NULL;

  set_up_article (f);
  article = g_build_filename (f->dir, "a.txt", NULL);
  article_file = g_file_new_for_path (article);
  gloss_exporter_open_file (exporter, destination, FALSE, NULL, &error);
  g_assert_no_error (error);
  gloss_exporter_add_article (exporter, article_file, "a.txt", NULL, NULL, &error);
  g_assert_no_error (error);
  gloss_exporter_finish (exporter, NULL, &error);
  g_assert_no_error (error);

  g_file_get_contents (csv_path, &csv, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (relations_path, &relations, NULL, &error);
  g_assert_no_error (error);
  {
    g_autofree char *header = g_strndup (csv, strstr (csv, "\r\n") - csv);

    g_assert_true (g_str_has_suffix (header, ",group,attr_verdict"));
  }
  g_assert_true (g_str_has_prefix (relations,
                                   "relation_id,type,type_label,source_id,source_text,source_tag,"
                                   "target_id,target_text,target_tag,note,document,annotator,"
                                   "created,modified\r\n"));

  expected = fixture_write (f, "expected.json",
                            "{\"attributes\": {\"attr_verdict\": {\"profits doubled\": \"false\", "
                            "\"it cut costs\": \"misleading\"}},"
                            " \"relations\": [[\"said-by\", \"profits doubled\", \"Acme\", \"\"],"
                            " [\"said-by\", \"it cut costs\", \"Zenith\", \"on the radio\"],"
                            " [\"about\", \"it cut costs\", \"Acme\", \"\"]]}");
  g_assert_cmpint (run_python ("check-relations-csv.py", csv_path, expected, NULL), ==, 0);
}

static void
test_jsonl (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *article = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_relations = 0, n_attributes = 0;

  set_up_article (f);
  article = g_build_filename (f->dir, "a.txt", NULL);
  out = export_to_string (gloss_format_lookup ("jsonl"), NULL, NULL, article, NULL);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_autoptr(JsonNode) node = json_from_string (lines[i], NULL);
      JsonObject *record = json_node_get_object (node);
      JsonObject *attributes = json_object_get_object_member (record, "attributes");
      JsonArray *relations = json_object_get_array_member (record, "relations");

      g_assert_nonnull (attributes);
      g_assert_nonnull (relations);
      n_attributes += json_object_get_size (attributes);
      for (guint r = 0; r < json_array_get_length (relations); r++)
        {
          JsonObject *relation = json_array_get_object_element (relations, r);

          g_assert_true (json_object_has_member (relation, "relation_id"));
          g_assert_true (json_object_has_member (relation, "target"));
          if (strcmp (json_object_get_string_member (relation, "type"), "said-by") == 0 &&
              strcmp (json_object_get_string_member (record, "text"), "it cut costs") == 0)
            {
              g_assert_cmpstr (json_object_get_string_member (relation, "target_text"), ==, "Zenith");
              g_assert_cmpstr (json_object_get_string_member (relation, "note"), ==, "on the radio");
            }
          n_relations++;
        }
    }
  g_assert_cmpuint (n_attributes, ==, 2);
  g_assert_cmpuint (n_relations, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  format_test_init (&argc, &argv);

  ADD_TEST ("/relations/labelstudio/round-trip", test_labelstudio);
  ADD_TEST ("/relations/labelstudio/refused", test_labelstudio_refused);
  ADD_TEST ("/relations/doccano/round-trip", test_doccano);
  ADD_TEST ("/relations/doccano/kept", test_doccano_kept);
  ADD_TEST ("/relations/w3c/round-trip", test_w3c);
  ADD_TEST ("/relations/w3c/filtered", test_w3c_filtered);
  ADD_TEST ("/relations/w3c/attribute-kinds", test_w3c_attribute_kinds);
  ADD_TEST ("/relations/w3c/bad-target", test_w3c_bad_target);
  ADD_TEST ("/relations/w3c/twin-target", test_w3c_twin_target);
  ADD_TEST ("/relations/csv/pandas", test_csv);
  ADD_TEST ("/relations/jsonl/records", test_jsonl);

  return g_test_run ();
}
