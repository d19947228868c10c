/* test-export-locations.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <string.h>

#include "format-test-util.h"
#include "gloss-annotation-file.h"
#include "gloss-export.h"
#include "gloss-import.h"
#include "gloss-json-reader.h"

/* Where the exports say annotations of the HTML and XML samples are in
 * the original file: the W3C XPathSelector (or RangeSelector) and its
 * refining TextPositionSelector, the CSV's source_location column and the
 * JSONL's field.  Each location is checked the way another tool would
 * use it: libxml2 parses the sample, evaluates the XPath, and the text
 * between the two points, in document order, must be the annotation's
 * quote. */

typedef struct
{
  const char *quote;        /* annotated where it first occurs */
  gboolean    one_element;  /* starts and ends in the same element */
  gboolean    verbatim;     /* the file holds it as is, no white space collapsed */
} Passage;

static const Passage news_page[] = {
  { "Armor Quais", TRUE, TRUE },
  { "14 millions d’euros", TRUE, TRUE },
  /* Across a line break of the file and into an <em>. */
  { "la criée pendant les travaux", TRUE, FALSE },
  /* From the end of one paragraph to the start of the next one. */
  { "la rade.\n\nLes essais", FALSE, FALSE },
  { "Des pêcheurs inquiets\n\nNous demandons", FALSE, FALSE },
  /* After a <br>, and up to the very end of the text. */
  { "Salle Keraudren, entrée libre", TRUE, TRUE },
};

static const Passage tei_article[] = {
  { "noroît", TRUE, TRUE },
  { "4 h 40", TRUE, TRUE },
  /* From the blank line Gloss put after a paragraph that ends with a
   * footnote: the range starts in the next paragraph, without the note. */
  { "\n\nLe canot", TRUE, FALSE },
  { "Molène", TRUE, TRUE },
  { "d'un coup de corne.\n\n14 décembre", FALSE, FALSE },
  { "chaque soir l'état de la mer", TRUE, TRUE },
};

/* "7 m" is followed by a footnote the reader leaves out: the range stops
 * before it. */
static const Passage jats_article[] = {
  { "Floating berths", TRUE, FALSE },
  { "Methods\n\nStudy site", FALSE, FALSE },
  { "7\u2009m", TRUE, TRUE },
};

/* A location as the exports give it. */
typedef struct
{
  char  *quote;
  char  *start_xpath;
  guint  start_offset;
  char  *end_xpath;
  guint  end_offset;
} Location;

static void
location_free (gpointer data)
{
  Location *location = data;

  g_free (location->quote);
  g_free (location->start_xpath);
  g_free (location->end_xpath);
  g_free (location);
}

/* The string the CSV and JSONL formats write for @location. */
static char *
location_string (const Location *location)
{
  if (strcmp (location->start_xpath, location->end_xpath) == 0)
    return g_strdup_printf ("%s:%u-%u", location->start_xpath,
                            location->start_offset, location->end_offset);

  return g_strdup_printf ("%s:%u/%s:%u", location->start_xpath, location->start_offset,
                          location->end_xpath, location->end_offset);
}

/* Copies the sample @name into @f's folder and annotates each passage
 * there, as bob; returns the copy's path. */
static char *
annotate_sample (Fixture       *f,
                 const char    *name,
                 const Passage *passages,
                 guint          n_passages)
{
  g_autofree char *sample = g_build_filename (g_getenv ("GLOSS_SOURCE_ROOT"), "data", "samples",
                                              name, NULL);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) article = NULL;
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GlossLayer *layer;

  copy_file (sample, path);
  article = g_file_new_for_path (path);
  source = gloss_source_new_from_article (article, 0, NULL, &error);
  g_assert_no_error (error);
  file = gloss_annotation_file_new (source, "bob", "Bob");
  layer = gloss_annotation_file_get_layer (file);

  for (guint i = 0; i < n_passages; i++)
    {
      guint start = offset_of (gloss_source_get_text (source), passages[i].quote);

      g_assert_nonnull (gloss_layer_annotate (layer, "claim", start,
                                              start + g_utf8_strlen (passages[i].quote, -1),
                                              NULL));
    }

  gloss_annotation_file_save (file, GLOSS_SAVE_NONE, NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static char *
export_article (const GlossFormat *format,
                const char        *path,
                const char        *out_path)
{
  g_autoptr(GlossExporter) exporter = gloss_exporter_new (format);

  export_one_article (exporter, out_path, FALSE, path, NULL);
  return read_file (out_path);
}

/* {"type": "XPathSelector", "value": ..., "refinedBy": {"type":
 * "TextPositionSelector", ...}}: its XPath and its refined offsets. */
static char *
read_xpath_selector (JsonObject *selector,
                     guint      *start,
                     guint      *end)
{
  JsonObject *refined;

  g_assert_cmpstr (json_object_get_string_member (selector, "type"), ==, "XPathSelector");
  refined = json_object_get_object_member (selector, "refinedBy");
  g_assert_nonnull (refined);
  g_assert_cmpstr (json_object_get_string_member (refined, "type"), ==, "TextPositionSelector");
  *start = json_object_get_int_member (refined, "start");
  *end = json_object_get_int_member (refined, "end");
  g_assert_cmpuint (*start, <=, *end);

  return g_strdup (json_object_get_string_member (selector, "value"));
}

/* The location of each annotation of a W3C export of one article, in
 * text order. */
static GPtrArray *
read_w3c_locations (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = gloss_json_parse (json, strlen (json), 64, &error);
  GPtrArray *locations = g_ptr_array_new_with_free_func (location_free);
  JsonArray *items;

  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
  items = json_object_get_array_member (
    json_object_get_object_member (json_array_get_object_element (json_node_get_array (root), 0),
                                   "first"), "items");

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *target = json_object_get_object_member (json_array_get_object_element (items, i),
                                                          "target");
      JsonArray *selectors = json_object_get_array_member (target, "selector");
      JsonObject *quote = json_array_get_object_element (selectors, 0);
      JsonObject *position = json_array_get_object_element (selectors, 1);
      JsonObject *where = json_array_get_object_element (selectors, 2);
      Location *location = g_new0 (Location, 1);

      /* The selectors Gloss wrote before stay first, as they were. */
      g_assert_cmpuint (json_array_get_length (selectors), ==, 3);
      g_assert_cmpstr (json_object_get_string_member (quote, "type"), ==, "TextQuoteSelector");
      g_assert_cmpstr (json_object_get_string_member (position, "type"), ==,
                       "TextPositionSelector");
      location->quote = g_strdup (json_object_get_string_member (quote, "exact"));

      if (g_strcmp0 (json_object_get_string_member (where, "type"), "RangeSelector") == 0)
        {
          guint point = 0;

          location->start_xpath =
            read_xpath_selector (json_object_get_object_member (where, "startSelector"),
                                 &location->start_offset, &point);
          /* Each end of the range is a point, where the range starts and
           * where it stops. */
          g_assert_cmpuint (point, ==, location->start_offset);
          location->end_xpath =
            read_xpath_selector (json_object_get_object_member (where, "endSelector"),
                                 &location->end_offset, &point);
          g_assert_cmpuint (point, ==, location->end_offset);
          g_assert_cmpstr (location->start_xpath, !=, location->end_xpath);
        }
      else
        {
          location->start_xpath = read_xpath_selector (where, &location->start_offset,
                                                       &location->end_offset);
          location->end_xpath = g_strdup (location->start_xpath);
        }

      g_ptr_array_add (locations, location);
    }

  return locations;
}

/* All the text of @node in document order (text nodes and CDATA, an
 * entity reference as "&name;" as the readers count it), noting where
 * each element's text starts, in code points. */
static void
collect_text (xmlNode    *node,
              GString    *text,
              guint      *length,
              GHashTable *starts)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      switch ((int) child->type)
        {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          g_string_append (text, (const char *) child->content);
          *length += g_utf8_strlen ((const char *) child->content, -1);
          break;

        case XML_ENTITY_REF_NODE:
          g_string_append_printf (text, "&%s;", (const char *) child->name);
          *length += g_utf8_strlen ((const char *) child->name, -1) + 2;
          break;

        case XML_ELEMENT_NODE:
          g_hash_table_insert (starts, child, GUINT_TO_POINTER (*length));
          collect_text (child, text, length, starts);
          break;

        default:
          break;
        }
    }
}

/* The one element @xpath selects in @doc, as any XPath 1.0 processor
 * finds it, with no namespace bindings. */
static xmlNode *
evaluate (xmlDoc     *doc,
          const char *xpath)
{
  xmlXPathContext *context = xmlXPathNewContext (doc);
  xmlXPathObject *result = xmlXPathEvalExpression ((const xmlChar *) xpath, context);
  xmlNode *node;

  g_assert_nonnull (result);
  g_assert_cmpint (result->type, ==, XPATH_NODESET);
  g_assert_nonnull (result->nodesetval);
  g_assert_cmpint (result->nodesetval->nodeNr, ==, 1);
  node = result->nodesetval->nodeTab[0];
  g_assert_cmpint (node->type, ==, XML_ELEMENT_NODE);

  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);

  return node;
}

/* ASCII white space runs as one space, none at the ends: the text as a
 * reader shows it. */
static char *
collapse (const char *text)
{
  g_autoptr(GRegex) spaces = g_regex_new ("[ \\t\\n\\r\\f]+", 0, 0, NULL);
  g_autofree char *single = g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);

  return g_strdup (g_strstrip (single));
}

/* Finds each location in the file @path, parsed as the reader parses it,
 * and checks the text between its two points against its passage. */
static void
check_in_file (const char    *path,
               gboolean       html,
               GPtrArray     *locations,
               const Passage *passages,
               guint          n_passages)
{
  g_autoptr(GHashTable) starts = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) all = g_string_new (NULL);
  guint length = 0;
  xmlDoc *doc;

  if (html)
    doc = htmlReadFile (path, NULL, HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                        HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER);
  else
    doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  collect_text ((xmlNode *) doc, all, &length, starts);

  g_assert_cmpuint (locations->len, ==, n_passages);
  for (guint i = 0; i < locations->len; i++)
    {
      Location *location = g_ptr_array_index (locations, i);
      const Passage *passage = NULL;
      xmlNode *start_node = evaluate (doc, location->start_xpath);
      xmlNode *end_node = evaluate (doc, location->end_xpath);
      xmlChar *start_content = xmlNodeGetContent (start_node);
      xmlChar *end_content = xmlNodeGetContent (end_node);
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (starts, start_node));
      guint to = GPOINTER_TO_UINT (g_hash_table_lookup (starts, end_node));
      g_autofree char *between = NULL;
      g_autofree char *collapsed = NULL;
      g_autofree char *expected = NULL;

      for (guint p = 0; p < n_passages; p++)
        {
          if (strcmp (passages[p].quote, location->quote) == 0)
            passage = &passages[p];
        }
      g_assert_nonnull (passage);
      g_test_message ("%s: %s:%u to %s:%u", passage->quote, location->start_xpath,
                      location->start_offset, location->end_xpath, location->end_offset);

      g_assert_cmpint (strcmp (location->start_xpath, location->end_xpath) == 0, ==,
                       passage->one_element);

      /* Offsets are inside the text content of their elements. */
      g_assert_cmpuint (location->start_offset, <=,
                        g_utf8_strlen ((const char *) start_content, -1));
      g_assert_cmpuint (location->end_offset, <=, g_utf8_strlen ((const char *) end_content, -1));

      from += location->start_offset;
      to += location->end_offset;
      g_assert_cmpuint (from, <, to);
      between = g_utf8_substring (all->str, from, to);

      if (passage->one_element)
        {
          g_autofree char *slice = g_utf8_substring ((const char *) start_content,
                                                     location->start_offset,
                                                     location->end_offset);

          g_assert_cmpstr (slice, ==, between);
        }
      if (passage->verbatim)
        g_assert_cmpstr (between, ==, passage->quote);

      collapsed = collapse (between);
      expected = collapse (passage->quote);
      g_assert_cmpstr (collapsed, ==, expected);

      xmlFree (start_content);
      xmlFree (end_content);
    }

  xmlFreeDoc (doc);
}

/* The CSV's source_location column and the JSONL's field say the same as
 * the W3C selectors. */
static void
check_csv_and_jsonl (Fixture    *f,
                     const char *path,
                     GPtrArray  *locations)
{
  g_autofree char *csv_path = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *jsonl_path = g_build_filename (f->dir, "out.jsonl", NULL);
  g_autofree char *expected_path = g_build_filename (f->dir, "expected.json", NULL);
  g_autofree char *csv = export_article (gloss_format_lookup ("csv"), path, csv_path);
  g_autofree char *jsonl = export_article (gloss_format_lookup ("jsonl"), path, jsonl_path);
  g_auto(GStrv) lines = g_strsplit (jsonl, "\n", -1);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_strv_length (lines), ==, locations->len + 1);

  json_builder_begin_array (builder);
  for (guint i = 0; i < locations->len; i++)
    {
      Location *location = g_ptr_array_index (locations, i);
      g_autofree char *where = location_string (location);
      g_autoptr(JsonNode) line = gloss_json_parse (lines[i], strlen (lines[i]), 8, &error);
      JsonObject *object;

      g_assert_no_error (error);
      object = json_node_get_object (line);
      g_assert_cmpstr (json_object_get_string_member (object, "text"), ==, location->quote);
      g_assert_cmpstr (json_object_get_string_member (object, "source_location"), ==, where);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, location->quote);
      json_builder_set_member_name (builder, "source_location");
      json_builder_add_string_value (builder, where);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_to_file (generator, expected_path, &error);
  g_assert_no_error (error);

  g_assert_cmpint (run_python ("check-csv.py", csv_path, expected_path, NULL), ==, 0);
}

static void
check_sample (Fixture       *f,
              const char    *name,
              gboolean       html,
              const Passage *passages,
              guint          n_passages)
{
  g_autofree char *path = annotate_sample (f, name, passages, n_passages);
  g_autofree char *w3c_path = g_build_filename (f->dir, "out.jsonld", NULL);
  g_autofree char *w3c = export_article (gloss_format_lookup ("w3c"), path, w3c_path);
  g_autofree char *suite = testdata_path ("w3c-annotation-tests");
  g_autoptr(GPtrArray) locations = read_w3c_locations (w3c);

  check_in_file (path, html, locations, passages, n_passages);
  check_csv_and_jsonl (f, path, locations);

  if (suite == NULL)
    g_test_message ("the W3C test suite is not in GLOSS_TESTDATA: selectors not validated");
  else
    g_assert_cmpint (run_python ("validate-w3c.py", suite, w3c_path, NULL), ==, 0);
}

static void
test_news_page (Fixture       *f,
                gconstpointer  data)
{
  check_sample (f, "news-page.html", TRUE, news_page, G_N_ELEMENTS (news_page));
}

static void
test_tei_article (Fixture       *f,
                  gconstpointer  data)
{
  check_sample (f, "tei-article.xml", FALSE, tei_article, G_N_ELEMENTS (tei_article));
}

static void
test_jats_article (Fixture       *f,
                   gconstpointer  data)
{
  check_sample (f, "jats-article.xml", FALSE, jats_article, G_N_ELEMENTS (jats_article));
}

/* "tag start end quote|" for each annotation of the file at @path. */
static char *
describe (const char *path)
{
  g_autoptr(GlossAnnotationFile) file = open_file (path);

  return describe_annotations (file, TRUE);
}

/* Gloss reads its own W3C export of a web page back: the XPath selectors
 * it does not follow are no obstacle. */
static void
test_w3c_round_trip (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = annotate_sample (f, "news-page.html", news_page,
                                           G_N_ELEMENTS (news_page));
  g_autofree char *afile = g_strconcat (path, ".bob.gloss.json", NULL);
  g_autofree char *w3c_path = g_build_filename (f->dir, "out.jsonld", NULL);
  g_autofree char *w3c = export_article (gloss_format_lookup ("w3c"), path, w3c_path);
  g_autofree char *before = describe (afile);
  g_autofree char *after = NULL;
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("w3c"));
  g_autoptr(GFile) input = g_file_new_for_path (w3c_path);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (strstr (w3c, "\"RangeSelector\""));
  g_assert_cmpint (g_remove (afile), ==, 0);

  g_assert_true (gloss_importer_import_file (importer, input, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_importer_finish (importer, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_importer_get_n_annotations (importer), ==, G_N_ELEMENTS (news_page));

  after = describe (afile);
  g_assert_cmpstr (after, ==, before);
}

/* Plain text has no file structure to point into. */
static void
test_plain_text (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = fixture_write (f, "a.txt", "Acme signed with Zenith.\n");
  g_autofree char *w3c_path = g_build_filename (f->dir, "out.jsonld", NULL);
  g_autofree char *jsonl_path = g_build_filename (f->dir, "out.jsonl", NULL);
  g_autofree char *w3c = NULL;
  g_autofree char *jsonl = NULL;

  annotate_text (path, "bob", "company", "Zenith", NULL);
  w3c = export_article (gloss_format_lookup ("w3c"), path, w3c_path);
  jsonl = export_article (gloss_format_lookup ("jsonl"), path, jsonl_path);

  g_assert_null (strstr (w3c, "XPathSelector"));
  g_assert_null (strstr (w3c, "RangeSelector"));
  g_assert_nonnull (strstr (jsonl, ",\"source_location\":null,"));
}

int
main (int    argc,
      char **argv)
{
  format_test_init (&argc, &argv);

  ADD_TEST ("/export/locations/news-page", test_news_page);
  ADD_TEST ("/export/locations/tei", test_tei_article);
  ADD_TEST ("/export/locations/jats", test_jats_article);
  ADD_TEST ("/export/locations/w3c-round-trip", test_w3c_round_trip);
  ADD_TEST ("/export/locations/plain-text", test_plain_text);

  return g_test_run ();
}
