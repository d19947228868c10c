/* test-cli-markup.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-test-util.h"
#include "file-test-util.h"
#include "gloss-source.h"

/* Runs the built gloss-cli on HTML and XML articles, in a fresh folder
 * per test, and checks what it prints against what the core reads. */

#define TRY_TEXT "Try “gloss-cli text --help” for more information.\n"

typedef struct
{
  char *dir;
  char *page;      /* dir/news-page.html, a copy of the sample */

  int status;
  char *out;
  char *err;
} Fixture;

static const char *cli;

static char *
sample_path (const char *name)
{
  return g_build_filename (g_getenv ("GLOSS_SOURCE_ROOT"), "data", "samples", name, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-cli-markup-XXXXXX", &error);
  g_autofree char *sample = sample_path ("news-page.html");
  g_autofree char *html = read_file (sample);

  g_assert_no_error (error);
  f->dir = g_canonicalize_filename (dir, NULL);
  f->page = g_build_filename (f->dir, "news-page.html", NULL);
  write_file (f->page, html);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  delete_tree_checked (f->dir);
  g_free (f->dir);
  g_free (f->page);
  g_free (f->out);
  g_free (f->err);
}

/* Runs gloss-cli with the arguments up to NULL in the fixture's folder;
 * keeps its output and returns its exit status. */
#define run(f, ...) ((f)->status = run_cli_in ((f)->dir, NULL, &(f)->out, &(f)->err, __VA_ARGS__))

static GlossSource *
open_page (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossSource *source = gloss_source_new_from_article (file, 0, NULL, &error);

  g_assert_no_error (error);
  return source;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

/* The offset in code points of @needle in the text of @source. */
static guint
offset_of (GlossSource *source,
           const char  *needle)
{
  const char *text = gloss_source_get_text (source);
  const char *found = strstr (text, needle);

  g_assert_nonnull (found);
  return g_utf8_pointer_to_offset (text, found);
}

static void
test_text (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GlossSource) source = open_page (f->page);
  g_autofree char *tei = sample_path ("tei-article.xml");
  g_autoptr(GlossSource) tei_source = open_page (tei);

  /* Exactly the text, with no line break added. */
  g_assert_cmpint (run (f, "text", "news-page.html", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, gloss_source_get_text (source));
  g_assert_true (g_str_has_prefix (f->out, "Économie maritime\n\nBrest teste"));
  g_assert_true (g_str_has_suffix (f->out, "Salle Keraudren, entrée libre"));
  g_assert_cmpstr (f->err, ==, "");

  g_assert_cmpint (run (f, "text", tei, NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, gloss_source_get_text (tei_source));
}

static void
test_text_json (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonObject *metadata;
  JsonArray *blocks;
  JsonArray *heading;
  JsonArray *spans;
  gboolean found_emphasis = FALSE;

  g_assert_cmpint (run (f, "text", "--json", "news-page.html", NULL), ==, 0);
  root = parse_json (f->out);
  /* The layout of the annotation files and exports: "key": value. */
  g_assert_nonnull (strstr (f->out, "\n  \"media_type\": \"text/html\""));
  object = json_node_get_object (root);

  g_assert_true (g_str_has_prefix (json_object_get_string_member (object, "text"), "Économie"));
  g_assert_cmpstr (json_object_get_string_member (object, "media_type"), ==, "text/html");
  g_assert_cmpstr (json_object_get_string_member (object, "encoding"), ==, "UTF-8");
  g_assert_cmpstr (json_object_get_string_member (object, "extractor"), ==, "gloss-html/1");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "warnings")), ==, 0);

  metadata = json_object_get_object_member (object, "metadata");
  g_assert_cmpstr (json_object_get_string_member (metadata, "author"), ==, "Maëlle Kerjean");
  g_assert_cmpstr (json_object_get_string_member (metadata, "language"), ==, "fr");

  blocks = json_object_get_array_member (object, "blocks");
  g_assert_cmpuint (json_array_get_length (blocks), ==, 15);
  heading = json_array_get_array_element (blocks, 1);
  g_assert_cmpint (json_array_get_int_element (heading, 0), ==, 19);
  g_assert_cmpint (json_array_get_int_element (heading, 1), ==, 67);
  g_assert_cmpstr (json_array_get_string_element (heading, 2), ==, "heading");
  g_assert_cmpint (json_array_get_int_element (heading, 3), ==, 1);

  /* Emphasis: "Armor Quais" in italics, at its offsets in the text. */
  spans = json_object_get_array_member (object, "spans");
  g_assert_cmpuint (json_array_get_length (spans), >, 0);
  for (guint i = 0; i < json_array_get_length (spans); i++)
    {
      JsonArray *span = json_array_get_array_element (spans, i);
      const char *text = json_object_get_string_member (object, "text");
      g_autofree char *quote = g_utf8_substring (text, json_array_get_int_element (span, 0),
                                                 json_array_get_int_element (span, 1));

      if (g_strcmp0 (quote, "Armor Quais") == 0)
        {
          g_assert_cmpstr (json_array_get_string_element (span, 2), ==, "emphasis");
          found_emphasis = TRUE;
        }
    }
  g_assert_true (found_emphasis);
}

static void
test_text_errors (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *furniture = g_build_filename (f->dir, "menu.html", NULL);
  g_autofree char *cut = g_build_filename (f->dir, "cut.html", NULL);
  g_autofree char *message = NULL;

  g_assert_cmpint (run (f, "text", NULL), ==, 2);
  g_assert_cmpstr (f->err, ==, "gloss-cli text: no file given\n" TRY_TEXT);
  g_assert_cmpstr (f->out, ==, "");

  g_assert_cmpint (run (f, "text", "a.html", "b.html", NULL), ==, 2);
  g_assert_cmpstr (f->err, ==, "gloss-cli text: give one file only\n" TRY_TEXT);

  g_assert_cmpint (run (f, "text", "--help", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "Usage:\n  gloss-cli text [OPTION…] FILE\n"));

  g_assert_cmpint (run (f, "text", "missing.html", NULL), ==, 1);
  g_assert_cmpstr (f->out, ==, "");
  g_assert_nonnull (strstr (f->err, "missing.html"));

  write_file (furniture, "<html><body><nav>Accueil</nav><footer>© 2026</footer></body></html>");
  g_assert_cmpint (run (f, "text", "menu.html", NULL), ==, 1);
  message = g_strdup_printf ("“%s” has no article text, only navigation, scripts or other parts "
                             "of a page\n", furniture);
  g_assert_cmpstr (f->err, ==, message);
  g_clear_pointer (&message, g_free);

  /* A page cut short: the text, and the warning on stderr. */
  write_file (cut, "<html><body><p>Un article coup");
  g_assert_cmpint (run (f, "text", "cut.html", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "Un article coup");
  message = g_strdup_printf ("“%s” seems to be cut short; Gloss shows the text it could read\n", cut);
  g_assert_cmpstr (f->err, ==, message);
}

static JsonObject *
only_row (JsonNode *root)
{
  JsonArray *rows = json_node_get_array (root);

  g_assert_cmpuint (json_array_get_length (rows), ==, 1);
  return json_array_get_object_element (rows, 0);
}

/* Annotations on a web page: made with --match on the extracted text, so
 * their offsets are those of `gloss-cli text`; the file records what the
 * text came from; an edited page moves them, and says so. */
static void
test_annotate_html (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GlossSource) source = open_page (f->page);
  g_autofree char *file_path = g_build_filename (f->dir, "news-page.html.alice.gloss.json", NULL);
  g_autofree char *saved = NULL;
  g_autofree char *html = NULL;
  g_autofree char *edited = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) listed = NULL;
  g_autoptr(JsonNode) moved = NULL;
  g_autoptr(GlossSource) edited_source = NULL;
  g_auto(GStrv) parts = NULL;
  JsonObject *row;
  JsonObject *recorded;
  guint start = offset_of (source, "Armor Quais");

  g_assert_cmpint (run (f, "annotate", "--annotator", "alice", "--tag", "company",
                        "--match", "Armor Quais", "news-page.html", NULL), ==, 0);
  g_assert_cmpstr (f->err, ==, "");

  g_assert_cmpint (run (f, "list", "--json", "news-page.html", NULL), ==, 0);
  listed = parse_json (f->out);
  row = only_row (listed);
  g_assert_cmpint (json_object_get_int_member (row, "start"), ==, start);
  g_assert_cmpint (json_object_get_int_member (row, "end"), ==, start + strlen ("Armor Quais"));
  g_assert_cmpstr (json_object_get_string_member (row, "quote"), ==, "Armor Quais");
  g_assert_cmpstr (json_object_get_string_member (row, "status"), ==, "anchored");

  saved = read_file (file_path);
  root = parse_json (saved);
  recorded = json_object_get_object_member (json_node_get_object (root), "source");
  g_assert_cmpstr (json_object_get_string_member (recorded, "path"), ==, "news-page.html");
  g_assert_cmpstr (json_object_get_string_member (recorded, "media_type"), ==, "text/html");
  g_assert_cmpstr (json_object_get_string_member (recorded, "extractor"), ==, "gloss-html/1");
  g_assert_cmpstr (json_object_get_string_member (recorded, "text_sha256"), ==,
                   gloss_source_get_text_sha256 (source));
  g_assert_cmpint (json_object_get_int_member (recorded, "length"), ==,
                   gloss_source_get_length (source));

  g_assert_cmpint (run (f, "validate", "news-page.html", NULL), ==, 0);

  /* The page gains a paragraph before the annotation. */
  html = read_file (f->page);
  parts = g_strsplit (html, "<p>Les essais commenceront", 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  edited = g_strconcat (parts[0], "<p>Paragraphe ajouté.</p>\n      <p>Les essais commenceront",
                        parts[1], NULL);
  write_file (f->page, edited);
  edited_source = open_page (f->page);

  g_assert_cmpint (run (f, "validate", "news-page.html", NULL), ==, 1);
  g_assert_nonnull (strstr (f->out, "the article changed since the file was saved: 1 annotation moved"));

  g_assert_cmpint (run (f, "list", "--json", "news-page.html", NULL), ==, 0);
  moved = parse_json (f->out);
  row = only_row (moved);
  g_assert_cmpint (json_object_get_int_member (row, "start"), ==,
                   offset_of (edited_source, "Armor Quais"));
  g_assert_cmpint (json_object_get_int_member (row, "start"), ==,
                   start + strlen ("Paragraphe ajouté.\n\n") - 1);
  g_assert_cmpstr (json_object_get_string_member (row, "status"), ==, "moved");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  cli = g_getenv ("GLOSS_CLI");
  if (cli == NULL)
    {
      g_test_skip ("GLOSS_CLI is not set");
      return 77;
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli-markup/text", test_text);
  ADD ("/cli-markup/text/json", test_text_json);
  ADD ("/cli-markup/text/errors", test_text_errors);
  ADD ("/cli-markup/annotate-html", test_annotate_html);

  return g_test_run ();
}
