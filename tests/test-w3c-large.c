/* test-w3c-large.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* W3C files of thousands of annotations: the import reads them in a
 * thread of its own and hands them over in chunks of a few hundred, at
 * most a few chunks at once.  These files span many chunks, so that the
 * reading thread waits for chunks given back; each test checks that what
 * is taken comes in the order of the file, with the problems numbered and
 * placed as they would be in one thread, and that a file found broken at
 * its end is refused whole. */

#include "config.h"

#include <string.h>

#include "format-test-util.h"
#include "gloss-layer.h"

#define COUNT 3000

/* The article: word i is "wNNNNN", at 7 * i. */
static char *
write_article (Fixture *f)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < COUNT; i++)
    g_string_append_printf (text, "w%05u ", i);
  return fixture_write (f, "a.txt", text->str);
}

/* An annotation tagging word @i, on one line, with a classifying body on
 * every third. */
static void
append_annotation (GString *json,
                   guint    i)
{
  g_string_append_printf (json,
                          "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", "
                          "\"id\": \"urn:uuid:00000000-0000-4000-8000-%012u\", \"type\": \"Annotation\", "
                          "\"motivation\": \"tagging\", \"body\": [{\"type\": \"TextualBody\", "
                          "\"purpose\": \"tagging\", \"value\": \"%s\"}%s], "
                          "\"target\": {\"source\": \"a.txt\", \"selector\": {\"type\": \"TextPositionSelector\", "
                          "\"start\": %u, \"end\": %u}}}",
                          i, i % 3 == 0 ? "claim" : "company",
                          i % 3 == 0 ? ", {\"type\": \"TextualBody\", \"purpose\": \"classifying\", "
                                       "\"value\": \"verdict=misleading\"}" : "",
                          7 * i, 7 * i + 6);
}

/* A collection whose page's items are read as they come, every
 * annotation taken in order, linking annotations naming annotations
 * many chunks before them. */
static void
test_collection (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *article = write_article (f);
  g_autoptr(GString) json = g_string_new ("{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", "
                                          "\"type\": \"AnnotationCollection\", \"first\": "
                                          "{\"type\": \"AnnotationPage\", \"items\": [\n");
  g_autofree char *input = NULL;
  g_autofree char *afile = g_strconcat (article, ".bob.gloss.json", NULL);
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("w3c"));
  g_autoptr(GFile) article_file = g_file_new_for_path (article);
  g_autoptr(GlossAnnotationFile) file = NULL;
  GlossLayer *layer;
  guint n_misleading = 0;

  for (guint i = 0; i < COUNT; i++)
    {
      append_annotation (json, i);
      g_string_append (json, ",\n");
    }
  /* Links from the last annotations to the first ones. */
  for (guint i = 0; i < 10; i++)
    g_string_append_printf (json,
                            "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"type\": \"Annotation\", "
                            "\"motivation\": \"linking\", \"body\": {\"type\": \"TextualBody\", "
                            "\"purpose\": \"tagging\", \"value\": \"about\"}, "
                            "\"target\": [\"urn:uuid:00000000-0000-4000-8000-%012u\", "
                            "\"urn:uuid:00000000-0000-4000-8000-%012u\"]}%s\n",
                            COUNT - 3 - 3 * i, 1 + 3 * i, i < 9 ? "," : "");
  g_string_append (json, "]}}\n");
  input = fixture_write (f, "big.jsonld", json->str);

  gloss_importer_set_article (importer, article_file);
  gloss_importer_set_annotator (importer, "bob");
  g_assert_true (import_one (importer, input, NULL));
  {
    g_autofree char *notes = notes_of (importer);

    g_test_message ("%s", notes);
    g_assert_null (strstr (notes, "not imported as an attribute"));
  }

  file = open_file (afile);
  layer = gloss_annotation_file_get_layer (file);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (layer)), ==, COUNT);
  for (guint i = 0; i < COUNT; i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (G_LIST_MODEL (layer), i);
      g_autofree char *id = g_strdup_printf ("00000000-0000-4000-8000-%012u", i);
      g_autoptr(GVariant) verdict = gloss_annotation_dup_attribute (a, "verdict");

      /* The layer keeps text order, which is the file's. */
      g_assert_cmpstr (gloss_annotation_get_id (a), ==, id);
      g_assert_cmpuint (gloss_annotation_get_start (a), ==, 7 * i);
      g_assert_cmpuint (gloss_annotation_get_end (a), ==, 7 * i + 6);
      g_assert_cmpstr (gloss_annotation_get_tag (a), ==, i % 3 == 0 ? "claim" : "company");
      g_assert_true ((verdict != NULL) == (i % 3 == 0));
      n_misleading += verdict != NULL && g_strcmp0 (g_variant_get_string (verdict, NULL), "misleading") == 0;
    }
  g_assert_cmpuint (n_misleading, ==, (COUNT + 2) / 3);
  g_assert_cmpuint (gloss_layer_get_n_relations (layer), ==, 10);
}

/* Items that are not objects and annotations that break the model, here
 * and there through many chunks: every one reported, in the file's
 * order, with its number and line, and the file refused. */
static void
test_problems_in_order (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *article = write_article (f);
  g_autoptr(GString) json = g_string_new ("[\n");
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *input = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("w3c"));
  g_autoptr(GFile) article_file = g_file_new_for_path (article);
  const char *at;

  for (guint i = 0; i < COUNT; i++)
    {
      guint line = i + 2;

      if (i % 397 == 5)
        {
          g_string_append_printf (json, "%u", i);
          g_string_append_printf (expected, "big.jsonld:%u: item %u is not a JSON object, so not an annotation\n",
                                  line, i + 1);
        }
      else if (i % 251 == 7)
        {
          g_string_append_printf (json, "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", "
                                  "\"id\": \"urn:x:%u\", \"type\": \"Annotation\", "
                                  "\"target\": \"http://example.org/\", \"created\": \"yesterday\"}", i);
          g_string_append_printf (expected, "big.jsonld:%u: annotation urn:x:%u is not a valid W3C annotation: "
                                  "“created” is not one date and time (xsd:dateTime)\n", line, i);
        }
      else
        append_annotation (json, i);
      g_string_append (json, i + 1 < COUNT ? ",\n" : "\n");
    }
  g_string_append (json, "]\n");
  input = fixture_write (f, "big.jsonld", json->str);

  gloss_importer_set_article (importer, article_file);
  g_assert_false (import_one (importer, input, &message));
  g_assert_nonnull (message);

  /* The message names each problem on a line of its own, after the
   * file's path. */
  at = strstr (message, "big.jsonld:");
  g_assert_nonnull (at);
  {
    g_autoptr(GString) found = g_string_new (NULL);

    for (const char *line = at; line != NULL && *line != '\0';)
      {
        const char *end = strchr (line, '\n');
        g_autofree char *text = end ? g_strndup (line, end - line) : g_strdup (line);
        const char *name = strstr (text, "big.jsonld:");

        if (name != NULL)
          g_string_append_printf (found, "%s\n", name);
        line = end ? end + 1 : NULL;
      }
    g_test_message ("%s", found->str);
    g_assert_cmpstr (found->str, ==, expected->str);
  }
}

/* A file that breaks off after thousands of annotations: refused with
 * the place where it breaks alone, whatever was taken before, and no
 * annotation file written. */
static void
test_broken_at_end (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *article = write_article (f);
  g_autoptr(GString) json = g_string_new ("[\n");
  g_autofree char *input = NULL;
  g_autofree char *message = NULL;
  g_autofree char *afile = g_strconcat (article, ".bob.gloss.json", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("w3c"));
  g_autoptr(GFile) article_file = g_file_new_for_path (article);

  for (guint i = 0; i < COUNT; i++)
    {
      /* One bad annotation early on, whose problem must not be told. */
      if (i == 3)
        g_string_append (json, "42");
      else
        append_annotation (json, i);
      g_string_append (json, ",\n");
    }
  g_string_append (json, "{\"id\": }\n]\n");
  input = fixture_write (f, "big.jsonld", json->str);

  gloss_importer_set_article (importer, article_file);
  gloss_importer_set_annotator (importer, "bob");
  g_assert_false (import_one (importer, input, &message));
  g_test_message ("%s", message);
  expected = g_strdup_printf ("big.jsonld: line %u, column 8: ", COUNT + 2);
  g_assert_nonnull (strstr (message, expected));
  g_assert_null (strstr (message, "not a JSON object"));
  g_assert_false (g_file_test (afile, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  format_test_init (&argc, &argv);

  ADD_TEST ("/import/w3c/large/collection", test_collection);
  ADD_TEST ("/import/w3c/large/problems-in-order", test_problems_in_order);
  ADD_TEST ("/import/w3c/large/broken-at-end", test_broken_at_end);

  return g_test_run ();
}
