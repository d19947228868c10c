/* test-report.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "cli-test-util.h"
#include "file-test-util.h"

/* gloss-cli report on a small corpus: three annotators on two articles,
 * with passages that match, differ by tag, differ by boundary, nest, and
 * are on one side only.  The page is read back with libxml2's HTML parser
 * and every number it holds is compared with gloss-cli agree --json. */

#define ARTICLE_A \
  "The council approved the budget. Critics said the plan was rushed. " \
  "Supporters praised the new park. Nobody mentioned the harbour " \
  "<script>alert(\"&amp;\")</script>.\n"
#define ARTICLE_B "Prices rose sharply. The minister denied everything.\n"

/* Markup, an entity, both quotes: the page must show it as typed. */
#define HOSTILE_NAME "Carol <b>&amp; \"O'Neil\""

typedef struct
{
  char *dir;
  char *out;
  char *err;
  int   status;
  JsonNode *agree;
} Fixture;

static void
annotate (Fixture    *f,
          const char *article,
          const char *text,
          const char *annotator,
          const char *name,
          const char *tag,
          const char *phrase)
{
  const char *found = strstr (text, phrase);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_assert_nonnull (found);
  /* The texts are ASCII: bytes are code points. */
  start = g_strdup_printf ("%u", (guint) (found - text));
  end = g_strdup_printf ("%u", (guint) (found - text + strlen (phrase)));
  f->status = run_cli_in (f->dir, NULL, &f->out, &f->err, "annotate", "--annotator", annotator,
                          "--name", name, "--tag", tag, "--start", start, "--end", end, article, NULL);
  g_assert_cmpint (f->status, ==, 0);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  f->dir = g_dir_make_tmp ("gloss-test-report-XXXXXX", &error);
  g_assert_no_error (error);
  a = g_build_filename (f->dir, "a.txt", NULL);
  b = g_build_filename (f->dir, "b.txt", NULL);
  write_file (a, ARTICLE_A);
  write_file (b, ARTICLE_B);

  /* Matched by all three. */
  annotate (f, "a.txt", ARTICLE_A, "alice", "Alice", "claim", "The council approved the budget.");
  annotate (f, "a.txt", ARTICLE_A, "bob", "Bob", "claim", "The council approved the budget.");
  annotate (f, "a.txt", ARTICLE_A, "carol", HOSTILE_NAME, "claim", "The council approved the budget.");
  /* The boundary differs, and a controversy nests in Alice's claim. */
  annotate (f, "a.txt", ARTICLE_A, "alice", "Alice", "claim", "Critics said the plan was rushed.");
  annotate (f, "a.txt", ARTICLE_A, "alice", "Alice", "controversy", "the plan");
  annotate (f, "a.txt", ARTICLE_A, "bob", "Bob", "claim", "Critics said the plan");
  /* The tag differs. */
  annotate (f, "a.txt", ARTICLE_A, "alice", "Alice", "controversy", "Supporters praised the new park.");
  annotate (f, "a.txt", ARTICLE_A, "bob", "Bob", "claim", "Supporters praised the new park.");
  /* Carol's alone. */
  annotate (f, "a.txt", ARTICLE_A, "carol", HOSTILE_NAME, "claim", "Nobody mentioned the harbour");
  /* Carol did not annotate the second article. */
  annotate (f, "b.txt", ARTICLE_B, "alice", "Alice", "claim", "Prices rose sharply.");
  annotate (f, "b.txt", ARTICLE_B, "bob", "Bob", "claim", "Prices rose sharply.");
  annotate (f, "b.txt", ARTICLE_B, "bob", "Bob", "controversy", "The minister denied everything.");

  f->status = run_cli_in (f->dir, NULL, &f->out, &f->err, "agree", "--json", "a.txt", "b.txt", NULL);
  g_assert_cmpint (f->status, ==, 0);
  json_parser_load_from_data (parser, f->out, -1, &error);
  g_assert_no_error (error);
  f->agree = json_node_copy (json_parser_get_root (parser));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  delete_tree (f->dir);
  g_free (f->dir);
  g_free (f->out);
  g_free (f->err);
  g_clear_pointer (&f->agree, json_node_unref);
}

/* The parser's complaints, but for the HTML5 elements libxml2 2.9 does
 * not know (svg, figure, section…), which it keeps all the same. */
static void
collect_error (void        *data,
               xmlErrorPtr  error)
{
  GString *errors = data;

  if (error->code == XML_HTML_UNKNOWN_TAG)
    return;
  g_string_append_printf (errors, "line %d: %s", error->line, error->message);
}

static htmlDocPtr
parse_report (const char *path)
{
  g_autoptr(GString) errors = g_string_new (NULL);
  htmlDocPtr doc;

  xmlSetStructuredErrorFunc (errors, collect_error);
  doc = htmlReadFile (path, "UTF-8", HTML_PARSE_NONET);
  xmlSetStructuredErrorFunc (NULL, NULL);
  g_assert_nonnull (doc);
  g_assert_cmpstr (errors->str, ==, "");
  return doc;
}

static xmlXPathObjectPtr
find (htmlDocPtr  doc,
      const char *xpath)
{
  xmlXPathContextPtr context = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result = xmlXPathEvalExpression ((const xmlChar *) xpath, context);

  xmlXPathFreeContext (context);
  g_assert_nonnull (result);
  return result;
}

static guint
count (htmlDocPtr  doc,
       const char *xpath)
{
  xmlXPathObjectPtr result = find (doc, xpath);
  guint n = result->nodesetval != NULL ? (guint) result->nodesetval->nodeNr : 0;

  xmlXPathFreeObject (result);
  return n;
}

/* The text of the nodes @xpath finds, joined. */
static char *
text_of (htmlDocPtr  doc,
         const char *xpath)
{
  xmlXPathObjectPtr result = find (doc, xpath);
  GString *text = g_string_new (NULL);

  for (int i = 0; result->nodesetval != NULL && i < result->nodesetval->nodeNr; i++)
    {
      xmlChar *content = xmlNodeGetContent (result->nodesetval->nodeTab[i]);

      g_string_append (text, (const char *) content);
      xmlFree (content);
    }
  xmlXPathFreeObject (result);
  return g_string_free (text, FALSE);
}

static char *
attribute (xmlNodePtr  node,
           const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static JsonObject *
find_annotator (JsonObject *root,
                const char *id)
{
  JsonArray *annotators = json_object_get_array_member (root, "annotators");

  for (guint i = 0; i < json_array_get_length (annotators); i++)
    {
      JsonObject *annotator = json_array_get_object_element (annotators, i);

      if (g_strcmp0 (json_object_get_string_member (annotator, "id"), id) == 0)
        return annotator;
    }
  g_error ("no annotator %s in the JSON", id);
  return NULL;
}

/* Compares @value (a data-value) with the member @measure ("alpha.nominal"
 * walks into "alpha") of @object. */
static void
check_value (JsonObject *object,
             const char *measure,
             const char *value,
             const char *where)
{
  g_auto(GStrv) path = g_strsplit (measure, ".", -1);
  guint n = g_strv_length (path);
  JsonNode *node;
  double expected, actual;
  char *end;

  for (guint i = 0; i + 1 < n; i++)
    {
      if (!json_object_has_member (object, path[i]))
        g_error ("%s: no “%s” in the JSON", where, measure);
      object = json_object_get_object_member (object, path[i]);
    }
  if (!json_object_has_member (object, path[n - 1]))
    g_error ("%s: no “%s” in the JSON", where, measure);
  node = json_object_get_member (object, path[n - 1]);

  if (JSON_NODE_HOLDS_NULL (node))
    {
      if (g_strcmp0 (value, "null") != 0)
        g_error ("%s %s: %s in the page, null in the JSON", where, measure, value);
      return;
    }
  if (g_strcmp0 (value, "null") == 0)
    g_error ("%s %s: null in the page, %g in the JSON", where, measure, json_node_get_double (node));

  expected = json_node_get_double (node);
  actual = g_ascii_strtod (value, &end);
  g_assert_cmpint (*end, ==, '\0');
  if (fabs (actual - expected) > 1e-9 * MAX (1.0, fabs (expected)))
    g_error ("%s %s: %s in the page, %.17g in the JSON", where, measure, value, expected);
}

/* The JSON object a number of the page belongs to: a pair's or the
 * group's (or one tag's of them), an annotator's, or the top level. */
static JsonObject *
object_of (JsonObject  *root,
           xmlNodePtr   cell,
           JsonObject **parent,
           char       **where)
{
  xmlNodePtr row = cell;
  g_autofree char *tag = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *annotator = NULL;
  JsonObject *object = NULL;

  *parent = NULL;
  while (row != NULL && g_strcmp0 ((const char *) row->name, "tr") != 0)
    row = row->parent;
  if (row == NULL)
    {
      *where = g_strdup ("summary");
      return root;
    }

  tag = attribute (row, "data-tag");
  a = attribute (row, "data-a");
  b = attribute (row, "data-b");
  annotator = attribute (row, "data-annotator");
  if (a != NULL)
    {
      object = find_agree_pair (root, a, b);
      *where = g_strdup_printf ("pair %s %s %s", a, b, tag ? tag : "");
    }
  else if (xmlHasProp (row, (const xmlChar *) "data-group"))
    {
      object = json_object_get_object_member (root, "group");
      *where = g_strdup_printf ("group %s", tag ? tag : "");
    }
  else if (annotator != NULL)
    {
      g_autofree char *cell_tag = attribute (cell, "data-tag");

      /* An annotator's passages of one tag are under "tags" as numbers. */
      *where = g_strdup_printf ("annotator %s %s", annotator, cell_tag ? cell_tag : "");
      object = find_annotator (root, annotator);
      if (cell_tag == NULL)
        return object;
      *parent = object;
      return json_object_get_object_member (object, "tags");
    }
  else
    g_error ("a number in a row of nothing");

  if (tag != NULL)
    {
      JsonObject *tags = json_object_get_object_member (object, "tags");

      g_assert_true (json_object_has_member (tags, tag));
      /* A tag's row repeats the articles and coders of its pair or group. */
      *parent = object;
      object = json_object_get_object_member (tags, tag);
    }
  return object;
}

/* Every data-value of the page against the JSON; returns how many. */
static guint
check_numbers (htmlDocPtr  doc,
               JsonObject *root)
{
  xmlXPathObjectPtr cells = find (doc, "//*[@data-measure]");
  guint checked = 0;

  for (int i = 0; cells->nodesetval != NULL && i < cells->nodesetval->nodeNr; i++)
    {
      xmlNodePtr cell = cells->nodesetval->nodeTab[i];
      g_autofree char *measure = attribute (cell, "data-measure");
      g_autofree char *value = attribute (cell, "data-value");
      g_autofree char *where = NULL;
      JsonObject *parent = NULL;
      JsonObject *object = object_of (root, cell, &parent, &where);
      g_autofree char *cell_tag = attribute (cell, "data-tag");

      g_assert_nonnull (value);
      if (cell_tag != NULL && xmlHasProp (cell->parent, (const xmlChar *) "data-annotator"))
        {
          /* The passages of one tag: annotators[…].tags[TAG]. */
          g_free (measure);
          measure = g_strdup (cell_tag);
        }
      else if (parent != NULL && !json_object_has_member (object, measure) &&
               (strcmp (measure, "articles") == 0 || strcmp (measure, "coders") == 0))
        object = parent;
      check_value (object, measure, value, where);
      checked++;
    }
  xmlXPathFreeObject (cells);
  return checked;
}

/* Each pair and each of its tags has its row in the page. */
static void
check_rows (htmlDocPtr  doc,
            JsonObject *root)
{
  JsonArray *pairs = json_object_get_array_member (root, "pairs");

  g_assert_cmpuint (json_array_get_length (pairs), ==, 3);
  for (guint i = 0; i < json_array_get_length (pairs); i++)
    {
      JsonObject *pair = json_array_get_object_element (pairs, i);
      const char *a = json_object_get_string_member (pair, "a");
      const char *b = json_object_get_string_member (pair, "b");
      g_autoptr(GList) tags = json_object_get_members (json_object_get_object_member (pair, "tags"));
      g_autofree char *total = g_strdup_printf ("//table[@id='pairs']//tr[@data-a='%s' and @data-b='%s' "
                                                "and not(@data-tag)]", a, b);
      g_autofree char *heatmap = g_strdup_printf ("//figure[@data-a='%s' and @data-b='%s']/svg", a, b);

      g_assert_cmpuint (count (doc, total), ==, 1);
      g_assert_cmpuint (count (doc, heatmap), ==, 1);
      g_assert_nonnull (tags);
      for (GList *l = tags; l != NULL; l = l->next)
        {
          g_autofree char *row = g_strdup_printf ("//tr[@data-a='%s' and @data-b='%s' and @data-tag='%s']",
                                                  a, b, (const char *) l->data);

          g_assert_cmpuint (count (doc, row), ==, 1);
        }
    }
  g_assert_cmpuint (count (doc, "//table[@id='group']//tr[@data-group and not(@data-tag)]"), ==, 1);
}

/* Nothing to run and nothing to fetch: no script, no link out. */
static void
check_self_contained (htmlDocPtr doc)
{
  xmlXPathObjectPtr links = find (doc, "//@*[local-name()='src' or local-name()='href' or "
                                       "contains(local-name(), 'href')]");
  g_autofree char *style = text_of (doc, "//style");

  g_assert_cmpuint (count (doc, "//script"), ==, 0);
  g_assert_cmpuint (count (doc, "//link | //iframe | //object | //embed | //img"), ==, 0);
  for (int i = 0; links->nodesetval != NULL && i < links->nodesetval->nodeNr; i++)
    {
      xmlChar *value = xmlNodeGetContent (links->nodesetval->nodeTab[i]);

      g_assert_true (value[0] == '#' || g_str_has_prefix ((const char *) value, "data:"));
      xmlFree (value);
    }
  xmlXPathFreeObject (links);
  g_assert_null (strstr (style, "@import"));
  g_assert_null (strstr (style, "url("));
  g_assert_cmpuint (count (doc, "//*[starts-with(local-name(), 'on')] | //@*[starts-with(local-name(), 'on')]"),
                    ==, 0);
}

static htmlDocPtr
write_report (Fixture    *f,
              const char *locale,
              const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  f->status = run_cli_in (f->dir, locale, &f->out, &f->err, "report", "--output", name,
                          "a.txt", "b.txt", NULL);
  g_assert_cmpint (f->status, ==, 0);
  return parse_report (path);
}

static void
test_numbers (Fixture       *f,
              gconstpointer  data)
{
  JsonObject *root = json_node_get_object (f->agree);
  htmlDocPtr doc = write_report (f, NULL, "report.html");
  guint n_tags = json_array_get_length (json_object_get_array_member (root, "tags"));

  g_assert_cmpuint (n_tags, ==, 2);
  /* 3 pairs × 3 rows × 21 numbers, 3 group rows × 8, the summary's 3. */
  g_assert_cmpuint (check_numbers (doc, root), >=, 3 * 3 * 21 + 3 * 8 + 3);
  check_rows (doc, root);

  /* A heat map per pair, a chart per tag and one of the counts. */
  g_assert_cmpuint (count (doc, "//svg[@class='heatmap']"), ==, 3);
  g_assert_cmpuint (count (doc, "//section[@class='tag']//svg[@class='chart']"), ==, n_tags);
  g_assert_cmpuint (count (doc, "//svg[@class='chart']"), ==, n_tags + 1);
  check_self_contained (doc);
  xmlFreeDoc (doc);
}

/* Attributes and relations: a table per attribute, one of relations,
 * their numbers those of gloss-cli agree --json. */
static void
test_relational (Fixture       *f,
                 gconstpointer  data)
{
  static const struct { const char *annotator; guint start; const char *verdict; } claims[] = {
    { "alice", 0, "true" }, { "bob", 0, "true" }, { "alice", 21, "false" }, { "bob", 21, "misleading" },
  };
  g_autofree char *c = g_build_filename (f->dir, "c.txt", NULL);
  g_autofree char *path = g_build_filename (f->dir, "relations.html", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  htmlDocPtr doc;

  write_file (c, ARTICLE_B);
  for (guint i = 0; i < G_N_ELEMENTS (claims); i++)
    {
      g_autofree char *start = g_strdup_printf ("%u", claims[i].start);
      g_autofree char *end = g_strdup_printf ("%u", claims[i].start + 8);
      g_autofree char *attr = g_strconcat ("verdict=", claims[i].verdict, NULL);

      f->status = run_cli_in (f->dir, NULL, NULL, NULL, "annotate", "-a", claims[i].annotator, "-t", "claim",
                              "-s", start, "-e", end, "--attr", attr, "c.txt", NULL);
      g_assert_cmpint (f->status, ==, 0);
      if (i < 2)
        g_assert_cmpint (run_cli_in (f->dir, NULL, NULL, NULL, "annotate", "-a", claims[i].annotator, "-t",
                                     "company", "-s", "25", "-e", "33", "c.txt", NULL), ==, 0);
    }
  cli_link_at (f->dir, "c.txt", "alice", "said-by", 0, 25);
  cli_link_at (f->dir, "c.txt", "bob", "said-by", 0, 25);
  cli_link_at (f->dir, "c.txt", "bob", "said-by", 21, 25);

  f->status = run_cli_in (f->dir, NULL, &f->out, &f->err, "agree", "--json", "c.txt", NULL);
  g_assert_cmpint (f->status, ==, 0);
  json_parser_load_from_data (parser, f->out, -1, &error);
  g_assert_no_error (error);
  f->status = run_cli_in (f->dir, NULL, &f->out, &f->err, "report", "--output", "relations.html", "c.txt", NULL);
  g_assert_cmpint (f->status, ==, 0);
  doc = parse_report (path);

  check_numbers (doc, json_node_get_object (json_parser_get_root (parser)));
  /* The pair and the group; the pair over all types and said-by. */
  g_assert_cmpuint (count (doc, "//table[@data-attribute='verdict']//tr[@data-a='alice' and @data-b='bob']"), ==, 1);
  g_assert_cmpuint (count (doc, "//table[@data-attribute='verdict']//tr[@data-group]"), ==, 1);
  g_assert_cmpuint (count (doc, "//table[@id='relations']/tbody/tr"), ==, 2);
  g_assert_cmpuint (count (doc, "//td[@data-measure='relations.f1' and starts-with(@data-value, '0.666666')]"), ==, 1);
  g_assert_cmpuint (count (doc, "//td[@data-measure='attributes.verdict.percent_agreement' and @data-value='0.5']"),
                    ==, 2);
  xmlFreeDoc (doc);
}

static void
test_articles (Fixture       *f,
               gconstpointer  data)
{
  htmlDocPtr doc = write_report (f, NULL, "report.html");
  g_autofree char *names = text_of (doc, "//ul[@id='annotators']");
  g_autofree char *text = text_of (doc, "//section[@data-article='a.txt']//div[@class='text']");
  g_autofree char *b_text = text_of (doc, "//section[@data-article='b.txt']//div[@class='text']//span[@class='t']");

  g_assert_nonnull (strstr (names, "Alice"));
  g_assert_nonnull (strstr (names, "Bob"));
  g_assert_nonnull (strstr (names, HOSTILE_NAME));
  g_assert_cmpuint (count (doc, "//b"), ==, 0);

  /* The text, whole and as typed, once the lanes' labels are left out. */
  g_assert_cmpuint (count (doc, "//section[@data-article]"), ==, 2);
  g_assert_nonnull (strstr (text, "<script>alert(\"&amp;\")</script>"));
  g_assert_cmpstr (b_text, ==, "Prices rose sharply.The minister denied everything.");

  /* Every annotator has a lane under each marked piece of text. */
  g_assert_cmpuint (count (doc, "//section[@data-article='a.txt']//span[contains(@class, 'seg')]"), >, 0);
  g_assert_cmpuint (count (doc, "//section[@data-article='a.txt']//span[contains(@class, 'seg')]"
                                "[count(span[contains(@class, 'lane')]) != 3]"), ==, 0);
  g_assert_cmpuint (count (doc, "//section[@data-article='b.txt']//span[contains(@class, 'seg')]"
                                "[count(span[contains(@class, 'lane')]) != 2]"), ==, 0);
  /* Nested: "the plan" has Alice's controversy inside her claim. */
  g_assert_cmpuint (count (doc, "//section[@data-article='a.txt']//span[contains(@class, 'seg')]"
                                "[span[@class='t']='the plan']/span[contains(@class, 'a0')]"
                                "[@data-tag='controversy']"), ==, 1);

  /* The disagreements of each pair, by kind. */
  g_assert_cmpuint (count (doc, "//section[@data-article='a.txt']//table[@data-a='alice' and @data-b='bob']"
                                "//tr[@data-kind='boundary-differs']"), ==, 1);
  g_assert_cmpuint (count (doc, "//section[@data-article='a.txt']//table[@data-a='alice' and @data-b='bob']"
                                "//tr[@data-kind='tag-differs']"), ==, 1);
  g_assert_cmpuint (count (doc, "//section[@data-article='a.txt']//table[@data-a='bob' and @data-b='carol']"
                                "//tr[@data-kind='only-b']"), ==, 1);
  g_assert_cmpuint (count (doc, "//section[@data-article='a.txt']//span[contains(@class, 'dis')]"), >, 0);
  xmlFreeDoc (doc);
}

static void
test_french (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  gboolean french = setlocale (LC_ALL, "fr_FR.UTF-8") != NULL;
  htmlDocPtr doc;
  g_autofree char *title = NULL;
  g_autofree char *language = NULL;

  setlocale (LC_ALL, saved);
  if (!french)
    {
      g_test_skip ("the fr_FR.UTF-8 locale is missing: build-aux/test generates it");
      return;
    }

  doc = write_report (f, "fr_FR.UTF-8", "rapport.html");
  title = text_of (doc, "//h1");
  language = text_of (doc, "/html/@lang");
  g_assert_cmpstr (title, ==, "Accord entre annotateurs");
  g_assert_cmpstr (language, ==, "fr");
  g_assert_cmpuint (count (doc, "//h2[.='Accord par étiquette']"), ==, 1);
  /* The numbers shown take the French comma, those for programs and the
   * charts' coordinates the dot. */
  g_assert_cmpuint (count (doc, "//svg//@*[(local-name()='x' or local-name()='y' or local-name()='width' or "
                                "local-name()='height' or local-name()='transform' or local-name()='viewbox' or "
                                "local-name()='x1' or local-name()='x2' or local-name()='y1' or "
                                "local-name()='y2' or local-name()='cx' or local-name()='cy') and "
                                "contains(., ',')]"), ==, 0);
  g_assert_cmpuint (count (doc, "//td[@data-measure='f1_strict' and contains(., ',')]"), >, 0);
  g_assert_cmpuint (check_numbers (doc, json_node_get_object (f->agree)), >=, 3 * 3 * 21);
  xmlFreeDoc (doc);
}

static void
test_problems (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *c = g_build_filename (f->dir, "c.txt", NULL);
  g_autofree char *broken = NULL;
  g_autofree char *report = g_build_filename (f->dir, "report.html", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  htmlDocPtr doc;

  write_file (c, "A third article.\n");
  annotate (f, "c.txt", "A third article.\n", "dave", "Dave", "claim", "third");
  broken = g_build_filename (f->dir, "c.txt.dave.gloss.json", NULL);
  g_assert_true (g_file_test (broken, G_FILE_TEST_EXISTS));
  write_file (broken, "{ \"annotations\": [");

  /* The broken file is named, the others measured, the status says so. */
  f->status = run_cli_in (f->dir, NULL, &f->out, &f->err, "report", "--output", "report.html",
                          "a.txt", "b.txt", "c.txt", "missing.txt", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "c.txt.dave.gloss.json"));
  g_assert_nonnull (strstr (f->err, "missing.txt"));
  doc = parse_report (report);
  g_assert_cmpuint (count (doc, "//li[@data-annotator='alice']"), ==, 1);
  g_assert_cmpuint (count (doc, "//li[@data-annotator='dave']"), ==, 0);
  xmlFreeDoc (doc);

  /* Never over an input. */
  before = read_file (c);
  f->status = run_cli_in (f->dir, NULL, &f->out, &f->err, "report", "--output", "c.txt", "c.txt", NULL);
  g_assert_cmpint (f->status, ==, 2);
  after = read_file (c);
  g_assert_cmpstr (before, ==, after);
  f->status = run_cli_in (f->dir, NULL, &f->out, &f->err, "report", "a.txt", NULL);
  g_assert_cmpint (f->status, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/report/numbers", Fixture, NULL, fixture_set_up, test_numbers, fixture_tear_down);
  g_test_add ("/report/relational", Fixture, NULL, fixture_set_up, test_relational, fixture_tear_down);
  g_test_add ("/report/articles", Fixture, NULL, fixture_set_up, test_articles, fixture_tear_down);
  g_test_add ("/report/french", Fixture, NULL, fixture_set_up, test_french, fixture_tear_down);
  g_test_add ("/report/problems", Fixture, NULL, fixture_set_up, test_problems, fixture_tear_down);

  return g_test_run ();
}
