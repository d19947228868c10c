/* test-relations.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <malloc.h>
#include <string.h>

#include "file-test-util.h"
#include "gloss-annotation-file.h"
#include "gloss-codebook.h"
#include "gloss-error.h"
#include "gloss-layer.h"
#include "gloss-layer-private.h"

/* Relations between annotations and the annotations' attributes: in the
 * layer and its history, in the annotation file, in the codebook. */

static const char article[] =
  "D'après la MIT Technology Review, le groupe de Jeff Bezos serait sur le point de s'imposer.";

/* Where the tests write their files, deleted at the end. */
static char *test_dir;

static GlossSource *
make_source (void)
{
  g_autofree char *path = g_build_filename (test_dir, "bezos.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossSource *source;

  g_assert_true (g_file_set_contents (path, article, -1, NULL));
  source = gloss_source_new_from_article (file, 0, NULL, &error);
  g_assert_no_error (error);
  return source;
}

/* A layer with a claim, its source and the company it is about. */
static GlossLayer *
make_layer (GlossSource *source)
{
  GlossLayer *layer = gloss_layer_new ("alice", "Alice");
  g_autoptr(GlossAnnotation) claim = gloss_annotation_new_full ("claim1", "claim", 35, 90, NULL, NULL,
                                                                NULL, NULL, NULL, NULL);
  g_autoptr(GlossAnnotation) mit = gloss_annotation_new_full ("mit", "company", 11, 32, NULL, NULL,
                                                              NULL, NULL, NULL, NULL);
  g_autoptr(GlossAnnotation) amazon = gloss_annotation_new_full ("amazon", "company", 38, 57, NULL, NULL,
                                                                 NULL, NULL, NULL, NULL);

  gloss_layer_set_source (layer, source);
  gloss_layer_add (layer, claim);
  gloss_layer_add (layer, mit);
  gloss_layer_add (layer, amazon);
  gloss_history_clear (gloss_layer_get_history (layer));
  return layer;
}

typedef struct
{
  guint added;
  guint removed;
  guint changed;
} Counts;

static void
on_added (GlossLayer *layer, GlossRelation *relation, Counts *counts)
{
  counts->added++;
}

static void
on_removed (GlossLayer *layer, GlossRelation *relation, Counts *counts)
{
  counts->removed++;
}

static void
on_changed (GlossLayer *layer, GlossRelation *relation, Counts *counts)
{
  counts->changed++;
}

static void
test_layer_relations (void)
{
  g_autoptr(GlossSource) source = make_source ();
  g_autoptr(GlossLayer) layer = make_layer (source);
  g_autoptr(GPtrArray) from = NULL;
  g_autoptr(GPtrArray) to = NULL;
  Counts counts = { 0 };
  GlossRelation *said, *about;

  g_signal_connect (layer, "relation-added", G_CALLBACK (on_added), &counts);
  g_signal_connect (layer, "relation-removed", G_CALLBACK (on_removed), &counts);
  g_signal_connect (layer, "relation-changed", G_CALLBACK (on_changed), &counts);

  said = gloss_layer_link (layer, "said-by", "claim1", "mit", NULL);
  about = gloss_layer_link (layer, "about", "claim1", "amazon", "Amazon");
  g_assert_nonnull (said);
  g_assert_nonnull (about);
  g_assert_cmpuint (counts.added, ==, 2);
  g_assert_cmpuint (gloss_layer_get_n_relations (layer), ==, 2);

  /* The same type between the same ends, or a missing end: refused. */
  g_assert_null (gloss_layer_link (layer, "said-by", "claim1", "mit", NULL));
  g_assert_null (gloss_layer_link (layer, "said-by", "claim1", "nobody", NULL));

  from = gloss_layer_get_relations_from (layer, "claim1");
  to = gloss_layer_get_relations_to (layer, "amazon");
  g_assert_cmpuint (from->len, ==, 2);
  g_assert_cmpuint (to->len, ==, 1);
  g_assert_true (g_ptr_array_index (to, 0) == about);
  g_assert_true (gloss_layer_lookup_relation (layer, gloss_relation_get_id (said)) == said);

  gloss_layer_set_relation_note (layer, said, "the source");
  g_assert_cmpstr (gloss_relation_get_note (said), ==, "the source");
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_true (gloss_layer_undo (layer));
  g_assert_cmpstr (gloss_relation_get_note (said), ==, "");
  g_assert_true (gloss_layer_redo (layer));
  g_assert_cmpstr (gloss_relation_get_note (said), ==, "the source");

  g_assert_true (gloss_layer_set_relation_type (layer, about, "said-by"));
  g_assert_false (gloss_layer_set_relation_type (layer, about, "said-by") == FALSE);
  g_assert_true (gloss_layer_undo (layer));
  g_assert_cmpstr (gloss_relation_get_rel_type (about), ==, "about");

  g_assert_true (gloss_layer_remove_relation (layer, about));
  g_assert_cmpuint (gloss_layer_get_n_relations (layer), ==, 1);
  g_assert_true (gloss_layer_undo (layer));
  g_assert_cmpuint (gloss_layer_get_n_relations (layer), ==, 2);
  g_assert_cmpuint (gloss_layer_count_relations_needing_attention (layer), ==, 0);
}

/* The indexes by end keep finding a passage's relations as the relation
 * whose string keyed them goes, is freed, or has its end renamed. */
static void
test_index_after_removals (void)
{
  g_autoptr(GlossSource) source = make_source ();
  g_autoptr(GlossLayer) layer = make_layer (source);
  g_autoptr(GPtrArray) from = NULL;
  g_autoptr(GPtrArray) to = NULL;
  g_autoptr(GHashTable) renamed = g_hash_table_new (g_str_hash, g_str_equal);
  GlossRelation *first;

  first = gloss_layer_link (layer, "said-by", "claim1", "mit", NULL);
  gloss_layer_link (layer, "about", "claim1", "amazon", NULL);
  gloss_layer_link (layer, "about", "claim1", "mit", NULL);
  gloss_layer_link (layer, "related", "amazon", "mit", NULL);

  /* The first relation of "claim1" and of "mit" goes, and nothing keeps
   * it: freed memory is overwritten (main), so a key left pointing into
   * it would no longer match. */
  g_assert_true (gloss_layer_remove_relation (layer, first));
  gloss_history_clear (gloss_layer_get_history (layer));
  from = gloss_layer_get_relations_from (layer, "claim1");
  to = gloss_layer_get_relations_to (layer, "mit");
  g_assert_cmpuint (from->len, ==, 2);
  g_assert_cmpuint (to->len, ==, 2);
  g_clear_pointer (&from, g_ptr_array_unref);
  g_clear_pointer (&to, g_ptr_array_unref);

  /* Ends renamed (as merging duplicates on load does): the old id has
   * nothing left, the new one has it all. */
  g_hash_table_insert (renamed, (gpointer)"claim1", (gpointer)"claim-one");
  _gloss_layer_rename_relation_ends (layer, renamed);
  from = gloss_layer_get_relations_from (layer, "claim1");
  g_assert_cmpuint (from->len, ==, 0);
  g_clear_pointer (&from, g_ptr_array_unref);
  from = gloss_layer_get_relations_from (layer, "claim-one");
  g_assert_cmpuint (from->len, ==, 2);

  /* Every relation of "mit" goes, one after the other. */
  to = gloss_layer_get_relations_to (layer, "mit");
  for (guint i = 0; i < to->len; i++)
    g_assert_true (gloss_layer_remove_relation (layer, g_ptr_array_index (to, i)));
  g_clear_pointer (&to, g_ptr_array_unref);
  gloss_history_clear (gloss_layer_get_history (layer));
  to = gloss_layer_get_relations_to (layer, "mit");
  g_assert_cmpuint (to->len, ==, 0);
  g_clear_pointer (&from, g_ptr_array_unref);
  from = gloss_layer_get_relations_from (layer, "claim-one");
  g_assert_cmpuint (from->len, ==, 1);
}

/* Deleting a passage takes its relations in the same step. */
static void
test_remove_takes_relations (void)
{
  g_autoptr(GlossSource) source = make_source ();
  g_autoptr(GlossLayer) layer = make_layer (source);
  GlossHistory *history = gloss_layer_get_history (layer);
  guint steps;

  gloss_layer_link (layer, "said-by", "claim1", "mit", NULL);
  gloss_layer_link (layer, "about", "claim1", "amazon", NULL);
  gloss_layer_link (layer, "related", "mit", "amazon", NULL);
  steps = gloss_history_get_n_steps (history);

  g_assert_true (gloss_layer_remove (layer, gloss_layer_lookup (layer, "claim1")));
  g_assert_cmpuint (gloss_history_get_n_steps (history), ==, steps + 1);
  g_assert_cmpuint (gloss_layer_get_n_relations (layer), ==, 1);

  g_assert_true (gloss_layer_undo (layer));
  g_assert_nonnull (gloss_layer_lookup (layer, "claim1"));
  g_assert_cmpuint (gloss_layer_get_n_relations (layer), ==, 3);
  g_assert_true (gloss_layer_redo (layer));
  g_assert_null (gloss_layer_lookup (layer, "claim1"));
  g_assert_cmpuint (gloss_layer_get_n_relations (layer), ==, 1);
  g_assert_true (gloss_layer_undo (layer));

  /* Several passages at once, in a group: one step, all back on undo;
   * the step before it is the last link. */
  gloss_layer_begin_group (layer);
  gloss_layer_remove (layer, gloss_layer_lookup (layer, "mit"));
  gloss_layer_remove (layer, gloss_layer_lookup (layer, "amazon"));
  gloss_layer_end_group (layer);
  g_assert_cmpuint (gloss_layer_get_n_relations (layer), ==, 0);
  g_assert_true (gloss_layer_undo (layer));
  g_assert_cmpuint (gloss_layer_get_n_relations (layer), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (layer)), ==, 3);
  g_assert_true (gloss_layer_undo (layer));
  g_assert_cmpuint (gloss_layer_get_n_relations (layer), ==, 2);
}

static void
test_attributes (void)
{
  g_autoptr(GlossSource) source = make_source ();
  g_autoptr(GlossLayer) layer = make_layer (source);
  GlossAnnotation *claim = gloss_layer_lookup (layer, "claim1");
  g_autoptr(GVariant) value = NULL;
  g_autofree char *printed = NULL;

  g_assert_null (gloss_annotation_get_attributes (claim));
  g_assert_true (gloss_layer_set_attribute (layer, claim, "verdict", g_variant_new_string ("misleading")));
  g_assert_true (gloss_layer_set_attribute (layer, claim, "checked", g_variant_new_boolean (TRUE)));
  g_assert_true (gloss_layer_set_attribute (layer, claim, "score", g_variant_new_double (2)));
  g_assert_false (gloss_layer_set_attribute (layer, claim, "score", g_variant_new_double (2)));

  /* Sorted by id. */
  printed = g_variant_print (gloss_annotation_get_attributes (claim), FALSE);
  g_assert_cmpstr (printed, ==, "{'checked': <true>, 'score': <2.0>, 'verdict': <'misleading'>}");

  /* Each change is one step. */
  g_assert_true (gloss_layer_undo (layer));
  value = gloss_annotation_dup_attribute (claim, "score");
  g_assert_null (value);
  g_assert_true (gloss_layer_set_attribute (layer, claim, "verdict", NULL));
  value = gloss_annotation_dup_attribute (claim, "verdict");
  g_assert_null (value);
  g_assert_true (gloss_layer_undo (layer));
  value = gloss_annotation_dup_attribute (claim, "verdict");
  g_assert_cmpstr (g_variant_get_string (value, NULL), ==, "misleading");
  g_clear_pointer (&value, g_variant_unref);
  g_assert_true (gloss_layer_undo (layer));
  g_assert_true (gloss_layer_undo (layer));
  g_assert_null (gloss_annotation_get_attributes (claim));
}

/* A relation to an annotation that is not there, or an orphaned one,
 * needs attention. */
static void
test_needs_attention (void)
{
  g_autoptr(GlossSource) source = make_source ();
  g_autoptr(GlossLayer) layer = make_layer (source);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) from = NULL;
  g_autoptr(GPtrArray) to = NULL;
  GlossRelation *dangling = gloss_relation_new_full ("r1", "about", "claim1", "gone",
                                                     NULL, NULL, NULL);

  g_ptr_array_add (relations, dangling);
  g_ptr_array_add (relations, gloss_relation_new_full ("r2", "said-by", "claim1", "mit",
                                                       NULL, NULL, NULL));
  gloss_layer_replace_relations (layer, relations);
  g_assert_cmpuint (gloss_layer_count_relations_needing_attention (layer), ==, 1);
  g_assert_true (gloss_layer_relation_needs_attention (layer, dangling));

  /* Replacing the annotations keeps the relations. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (layer)); i++)
    g_ptr_array_add (annotations, g_list_model_get_item (G_LIST_MODEL (layer), i));
  gloss_layer_replace_all (layer, annotations);
  g_assert_cmpuint (gloss_layer_get_n_relations (layer), ==, 2);
  g_assert_cmpuint (gloss_layer_count_relations_needing_attention (layer), ==, 1);

  /* The ends are indexed on first use after a replace. */
  from = gloss_layer_get_relations_from (layer, "claim1");
  g_assert_cmpuint (from->len, ==, 2);
  to = gloss_layer_get_relations_to (layer, "gone");
  g_assert_cmpuint (to->len, ==, 1);
  g_assert_true (g_ptr_array_index (to, 0) == dangling);
  g_assert_true (gloss_layer_lookup_relation (layer, "r2") != NULL);
  g_assert_null (gloss_layer_lookup_relation (layer, "r3"));
  g_assert_true (gloss_layer_remove (layer, gloss_layer_lookup (layer, "claim1")));
  g_assert_cmpuint (gloss_layer_get_n_relations (layer), ==, 0);
  g_assert_true (gloss_layer_undo (layer));
  g_assert_cmpuint (gloss_layer_get_n_relations (layer), ==, 2);
  g_clear_pointer (&to, g_ptr_array_unref);
  to = gloss_layer_get_relations_to (layer, "mit");
  g_assert_cmpuint (to->len, ==, 1);
}

static char *
serialize (GlossAnnotationFile *file)
{
  return gloss_annotation_file_serialize (file, NULL);
}

static GlossAnnotationFile *
load (const char  *text,
      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/bezos.txt.alice.gloss.json");

  return gloss_annotation_file_load_from_data (file, text, strlen (text), 0, error);
}

static void
test_file_round_trip (void)
{
  g_autoptr(GlossSource) source = make_source ();
  g_autoptr(GlossAnnotationFile) file = gloss_annotation_file_new (source, "alice", "Alice");
  g_autoptr(GlossAnnotationFile) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  GlossLayer *layer = gloss_annotation_file_get_layer (file);
  GlossAnnotation *claim = gloss_layer_annotate (layer, "claim", 35, 90, NULL);
  GlossAnnotation *mit = gloss_layer_annotate (layer, "company", 11, 32, NULL);
  GlossRelation *relation;

  gloss_layer_set_attribute (layer, claim, "verdict", g_variant_new_string ("unverifiable"));
  gloss_layer_set_attribute (layer, claim, "score", g_variant_new_double (0.5));
  relation = gloss_layer_link (layer, "said-by", gloss_annotation_get_id (claim),
                               gloss_annotation_get_id (mit), "in \"quotes\"");
  g_assert_nonnull (relation);

  first = serialize (file);
  g_assert_nonnull (strstr (first, "\"attributes\": {\n        \"score\": 0.5,\n        \"verdict\": \"unverifiable\"\n      }"));
  g_assert_nonnull (strstr (first, "\"relations\": [\n    {\n      \"id\": "));

  loaded = load (first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_layer_get_n_relations (gloss_annotation_file_get_layer (loaded)), ==, 1);
  second = serialize (loaded);
  g_assert_cmpstr (first, ==, second);
}

/* Slices of a few items at a time write the same text as one go. */
static void
test_file_writer_slices (void)
{
  g_autoptr(GlossSource) source = make_source ();
  g_autoptr(GlossAnnotationFile) file = gloss_annotation_file_new (source, "alice", "Alice");
  GlossLayer *layer = gloss_annotation_file_get_layer (file);
  g_autofree char *whole = NULL;
  GlossFileWriter *writer;
  g_autoptr(GBytes) bytes = NULL;
  GlossAnnotation *previous = NULL;
  guint steps = 0;

  for (guint i = 0; i < 20; i++)
    {
      GlossAnnotation *a = gloss_layer_annotate (layer, i % 2 ? "company" : "claim", i, i + 3, NULL);

      if (previous != NULL)
        gloss_layer_link (layer, "about", gloss_annotation_get_id (previous),
                          gloss_annotation_get_id (a), NULL);
      previous = a;
    }

  whole = serialize (file);
  writer = gloss_annotation_file_writer_new (file);
  while (!gloss_file_writer_step (writer, 3))
    steps++;
  bytes = gloss_file_writer_finish (writer);
  gloss_file_writer_free (writer);
  g_assert_cmpuint (steps, >, 14);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), whole, strlen (whole));
}

static const char file_template[] =
  "{\n"
  "  \"gloss\": 1,\n"
  "  \"source\": {\n"
  "    \"path\": \"bezos.txt\",\n"
  "    \"text_sha256\": \"0000000000000000000000000000000000000000000000000000000000000000\"\n"
  "  },\n"
  "  \"annotator\": { \"id\": \"alice\" },\n"
  "  \"annotations\": [\n"
  "    { \"id\": \"a\", \"tag\": \"claim\", \"start\": 0, \"end\": 1, \"quote\": \"D\"%s }\n"
  "  ]%s\n"
  "}\n";

static GlossAnnotationFile *
load_with (const char  *annotation_keys,
           const char  *top_keys,
           GError     **error)
{
  g_autofree char *text = g_strdup_printf (file_template, annotation_keys, top_keys);

  return load (text, error);
}

static void
test_file_unknown_keys_and_dangling (void)
{
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GlossRelation *relation;
  GPtrArray *problems;

  file = load_with (", \"attributes\": { \"verdict\": \"false\", \"x\": 3 }",
                    ",\n  \"relations\": [ { \"id\": \"r\", \"type\": \"about\", \"source\": \"a\","
                    " \"target\": \"b\", \"x-weight\": [1, 2] } ]", &error);
  g_assert_no_error (error);
  relation = gloss_layer_lookup_relation (gloss_annotation_file_get_layer (file), "r");
  g_assert_nonnull (relation);
  g_assert_nonnull (gloss_relation_get_extra (relation));
  text = serialize (file);
  g_assert_nonnull (strstr (text, "\"x-weight\": [\n        1,\n        2\n      ]"));
  g_assert_nonnull (strstr (text, "\"x\": 3\n"));

  /* Its target "b" is not in the file: the relation is kept and needs
   * attention. */
  problems = gloss_annotation_file_get_problems (file);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "1 relation needs attention"));
}

static void
test_file_bad_relations (void)
{
  static const struct { const char *top; const char *annotation; const char *message; } cases[] = {
    { ",\n  \"relations\": {}", "", "“relations” must be a list" },
    { ",\n  \"relations\": [ { \"id\": \"r\", \"source\": \"a\", \"target\": \"a\" } ]", "",
      "relation 1 has no “type”" },
    { ",\n  \"relations\": [ { \"id\": \"r\", \"type\": \"Bad Type\", \"source\": \"a\", \"target\": \"a\" } ]", "",
      "relation 1 has “Bad Type” as its type" },
    { ",\n  \"relations\": [ { \"id\": \"r\", \"type\": \"t\", \"source\": \"a\", \"target\": \"a\" },"
      " { \"id\": \"r\", \"type\": \"u\", \"source\": \"a\", \"target\": \"a\" } ]", "",
      "relation 2 has the id “r” of an earlier one" },
    { ",\n  \"relations\": [ { \"id\": \"r\", \"type\": \"t\", \"source\": 3, \"target\": \"a\" } ]", "",
      "“source” of a relation must be a string" },
    { "", ", \"attributes\": [1]", "the “attributes” of an annotation must be an object" },
    { "", ", \"attributes\": { \"v\": null }", "the attribute “v” of an annotation" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossAnnotationFile) file = load_with (cases[i].annotation, cases[i].top, &error);

      g_assert_null (file);
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].message) == NULL ||
          strstr (error->message, "bezos.txt.alice.gloss.json") == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].message);
    }
}

static void
test_codebook_defaults (void)
{
  g_autoptr(GlossCodebook) codebook = gloss_codebook_new_default ();
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) attributes = NULL;
  g_autoptr(GError) error = NULL;
  GlossAttributeDef *verdict;
  g_autoptr(GVariant) parsed = NULL;

  g_assert_cmpuint (gloss_codebook_get_n_relation_types (codebook), ==, 2);
  types = gloss_codebook_relation_types_for (codebook, "claim", "company");
  g_assert_cmpuint (types->len, ==, 2);
  none = gloss_codebook_relation_types_for (codebook, "company", "claim");
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_true (gloss_codebook_check_relation (codebook, "about", "controversy", "company", NULL));
  g_assert_false (gloss_codebook_check_relation (codebook, "said-by", "controversy", "company", &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_clear_error (&error);

  attributes = gloss_codebook_attributes_for_tag (codebook, "claim");
  g_assert_cmpuint (attributes->len, ==, 1);
  verdict = g_ptr_array_index (attributes, 0);
  g_assert_cmpstr (gloss_attribute_def_get_id (verdict), ==, "verdict");
  g_assert_cmpuint (gloss_attribute_def_get_n_values (verdict), ==, 4);
  g_assert_cmpstr (gloss_attribute_def_get_value_id (verdict, 2), ==, "misleading");

  g_assert_true (gloss_codebook_check_attribute (codebook, "claim", "verdict",
                                                 g_variant_new_string ("false"), NULL));
  g_assert_false (gloss_codebook_check_attribute (codebook, "claim", "verdict",
                                                  g_variant_new_string ("maybe"), &error));
  g_assert_nonnull (strstr (error->message, "true, false, misleading, unverifiable"));
  g_clear_error (&error);
  g_assert_false (gloss_codebook_check_attribute (codebook, "company", "verdict",
                                                  g_variant_new_string ("false"), &error));
  g_clear_error (&error);
  g_assert_false (gloss_codebook_check_attribute (codebook, "claim", "stance",
                                                  g_variant_new_string ("false"), &error));
  g_clear_error (&error);

  parsed = gloss_attribute_def_parse_value (verdict, "true", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_variant_get_string (parsed, NULL), ==, "true");
}

/* A relation type's and an attribute's setters take the lists and
 * strings they hold: given back to them, or a part of them, or the other
 * end's list (a swap), they keep what they were given. */
static void
test_setters_take_own_values (void)
{
  const char *sources[] = { "claim", "quote", NULL };
  const char *targets[] = { "company", "person", "place", NULL };
  g_autoptr(GlossRelationType) type = gloss_relation_type_new ("about", "About", "#336699",
                                                               sources, targets, TRUE);
  const char *claim_only[] = { "claim", NULL };
  g_autoptr(GlossAttributeDef) def = gloss_attribute_def_new ("verdict", "Verdict",
                                                              GLOSS_ATTRIBUTE_CHOICE, claim_only);

  gloss_relation_type_set_tags (type, gloss_relation_type_get_source_tags (type),
                                gloss_relation_type_get_target_tags (type));
  g_assert_true (g_strv_equal (gloss_relation_type_get_source_tags (type), sources));
  g_assert_true (g_strv_equal (gloss_relation_type_get_target_tags (type), targets));

  /* A swap: each list is given the other's. */
  gloss_relation_type_set_tags (type, gloss_relation_type_get_target_tags (type),
                                gloss_relation_type_get_source_tags (type));
  g_assert_true (g_strv_equal (gloss_relation_type_get_source_tags (type), targets));
  g_assert_true (g_strv_equal (gloss_relation_type_get_target_tags (type), sources));
  g_assert_true (gloss_relation_type_allows (type, "person", "quote"));
  g_assert_false (gloss_relation_type_allows (type, "claim", "company"));

  /* The tail of a list held. */
  gloss_relation_type_set_tags (type, gloss_relation_type_get_source_tags (type) + 1,
                                gloss_relation_type_get_target_tags (type) + 1);
  g_assert_cmpstrv (gloss_relation_type_get_source_tags (type), ((const char *[]) { "person", "place", NULL }));
  g_assert_cmpstrv (gloss_relation_type_get_target_tags (type), ((const char *[]) { "quote", NULL }));

  gloss_relation_type_set_label (type, gloss_relation_type_get_raw_label (type));
  g_assert_cmpstr (gloss_relation_type_get_label (type), ==, "About");
  gloss_relation_type_set_color (type, gloss_relation_type_get_color (type));
  g_assert_cmpstr (gloss_relation_type_get_color (type), ==, "#336699");

  gloss_attribute_def_set_tags (def, gloss_attribute_def_get_tags (def));
  g_assert_cmpstrv (gloss_attribute_def_get_tags (def), claim_only);
  gloss_attribute_def_set_label (def, gloss_attribute_def_get_label (def));
  g_assert_cmpstr (gloss_attribute_def_get_label (def), ==, "Verdict");
}

/* Writes @text as a codebook file in a folder of its own. */
static GFile *
write_codebook (const char *text)
{
  static guint n;
  g_autofree char *name = g_strdup_printf ("codebook-%u/" GLOSS_CODEBOOK_FILE_NAME, n++);
  g_autofree char *path = g_build_filename (test_dir, name, NULL);

  write_file_under (test_dir, name, text);
  return g_file_new_for_path (path);
}

static void
test_codebook_file (void)
{
  static const char old_file[] =
    "{\n  \"gloss_codebook\": 1,\n  \"tags\": [\n    {\n      \"id\": \"claim\",\n"
    "      \"label\": \"Claim\",\n      \"color\": \"#9141ac\",\n      \"description\": \"\"\n    }\n  ]\n}\n";
  static const char new_file[] =
    "{ \"gloss_codebook\": 1, \"tags\": [ { \"id\": \"claim\", \"color\": \"#9141ac\" },"
    " { \"id\": \"company\", \"color\": \"#3584e4\" } ],"
    " \"relations\": [ { \"id\": \"stance-of\", \"label\": \"Stance\", \"color\": \"#1a5fb4\","
    " \"source\": [\"company\"], \"target\": [\"claim\"], \"directed\": false, \"x-r\": 1 } ],"
    " \"attributes\": [ { \"id\": \"role\", \"tags\": [\"company\"], \"kind\": \"choice\","
    " \"values\": [ { \"id\": \"maker\", \"label\": \"Maker\" }, { \"id\": \"victim\" } ],"
    " \"default\": \"maker\" },"
    " { \"id\": \"weight\", \"kind\": \"number\", \"default\": 1 } ] }";
  g_autoptr(GFile) old = write_codebook (old_file);
  g_autoptr(GFile) file = write_codebook (new_file);
  g_autoptr(GlossCodebook) old_codebook = NULL;
  g_autoptr(GlossCodebook) codebook = NULL;
  g_autoptr(GlossCodebook) again = NULL;
  g_autoptr(GlossCodebook) copy = NULL;
  g_autoptr(GFile) rewritten = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;
  g_autofree char *json_copy = NULL;
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(GVariant) defaults = NULL;
  g_autofree char *printed = NULL;

  /* A file that names no relations gets none, and is written back the
   * same. */
  old_codebook = gloss_codebook_new_from_file (old, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_codebook_get_n_relation_types (old_codebook), ==, 0);
  g_assert_cmpuint (gloss_codebook_get_n_attributes (old_codebook), ==, 0);
  old_json = gloss_codebook_to_json (old_codebook);
  g_assert_cmpstr (old_json, ==, old_file);

  codebook = gloss_codebook_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_codebook_get_n_relation_types (codebook), ==, 1);
  /* Undirected: either way round. */
  types = gloss_codebook_relation_types_for (codebook, "claim", "company");
  g_assert_cmpuint (types->len, ==, 1);
  g_assert_true (gloss_codebook_check_attribute (codebook, "claim", "weight",
                                                 g_variant_new_double (3), NULL));
  g_assert_false (gloss_codebook_check_attribute (codebook, "claim", "weight",
                                                  g_variant_new_string ("3"), NULL));
  g_assert_cmpstr (g_variant_get_string (gloss_attribute_def_get_default (
                     gloss_codebook_lookup_attribute (codebook, "role")), NULL), ==, "maker");

  defaults = gloss_codebook_get_default_attributes (codebook, "company");
  printed = g_variant_print (defaults, FALSE);
  g_assert_cmpstr (printed, ==, "{'role': <'maker'>, 'weight': <1.0>}");
  g_clear_pointer (&defaults, g_variant_unref);
  defaults = gloss_codebook_get_default_attributes (codebook, "claim");
  g_clear_pointer (&printed, g_free);
  printed = g_variant_print (defaults, FALSE);
  g_assert_cmpstr (printed, ==, "{'weight': <1.0>}");
  g_clear_pointer (&defaults, g_variant_unref);
  g_assert_null (gloss_codebook_get_default_attributes (old_codebook, "claim"));

  json = gloss_codebook_to_json (codebook);
  g_assert_nonnull (strstr (json, "\"x-r\": 1"));
  rewritten = write_codebook (json);
  again = gloss_codebook_new_from_file (rewritten, &error);
  g_assert_no_error (error);
  json_again = gloss_codebook_to_json (again);
  g_assert_cmpstr (json, ==, json_again);
  copy = gloss_codebook_copy (codebook);
  json_copy = gloss_codebook_to_json (copy);
  g_assert_cmpstr (json, ==, json_copy);
}

static void
test_codebook_bad (void)
{
  static const struct { const char *text; const char *message; } cases[] = {
    { "{ \"tags\": [], \"relations\": {} }", "“relations” must be a list" },
    { "{ \"tags\": [], \"relations\": [ { \"color\": \"#000000\" } ] }", "relation type 1 has no “id”" },
    { "{ \"tags\": [], \"relations\": [ { \"id\": \"r\", \"color\": \"red\" } ] }", "the colour “red” of relation type “r”" },
    { "{ \"tags\": [], \"relations\": [ { \"id\": \"r\", \"color\": \"#000000\", \"source\": \"claim\" } ] }",
      "“source” of relation type 1 must be a list of tag ids" },
    { "{ \"tags\": [], \"attributes\": [ { \"id\": \"a\", \"kind\": \"colour\" } ] }", "has the kind “colour”" },
    { "{ \"tags\": [], \"attributes\": [ { \"id\": \"a\", \"kind\": \"choice\" } ] }", "has no list of “values”" },
    { "{ \"tags\": [], \"attributes\": [ { \"id\": \"a\", \"kind\": \"boolean\", \"default\": \"yes\" } ] }",
      "the default of the attribute “a” does not suit it" },
    { "{ \"tags\": [], \"attributes\": [ { \"id\": \"a\", \"kind\": \"text\" }, { \"id\": \"a\", \"kind\": \"text\" } ] }",
      "the attribute “a” is listed twice" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = write_codebook (cases[i].text);
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossCodebook) codebook = gloss_codebook_new_from_file (file, &error);

      g_assert_null (codebook);
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].message) == NULL ||
          strstr (error->message, GLOSS_CODEBOOK_FILE_NAME) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].message);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  /* Freed memory overwritten: a string used after its free shows. */
  mallopt (M_PERTURB, 0xa5);
  test_dir = g_dir_make_tmp ("gloss-test-relations-XXXXXX", NULL);
  g_assert_nonnull (test_dir);

  g_test_add_func ("/relations/layer", test_layer_relations);
  g_test_add_func ("/relations/index-after-removals", test_index_after_removals);
  g_test_add_func ("/relations/remove-takes-relations", test_remove_takes_relations);
  g_test_add_func ("/relations/attributes", test_attributes);
  g_test_add_func ("/relations/needs-attention", test_needs_attention);
  g_test_add_func ("/relations/file/round-trip", test_file_round_trip);
  g_test_add_func ("/relations/file/writer-slices", test_file_writer_slices);
  g_test_add_func ("/relations/file/unknown-keys-and-dangling", test_file_unknown_keys_and_dangling);
  g_test_add_func ("/relations/file/bad", test_file_bad_relations);
  g_test_add_func ("/relations/codebook/defaults", test_codebook_defaults);
  g_test_add_func ("/relations/codebook/setters-take-own-values", test_setters_take_own_values);
  g_test_add_func ("/relations/codebook/file", test_codebook_file);
  g_test_add_func ("/relations/codebook/bad", test_codebook_bad);

  status = g_test_run ();
  delete_tree (test_dir);
  g_free (test_dir);
  return status;
}
