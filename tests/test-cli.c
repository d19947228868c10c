/* test-cli.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "cli-test-util.h"
#include "file-test-util.h"

/* Runs the built gloss-cli, as a user would, in a fresh folder per test. */

/* An ASCII article, so that its offsets can be counted by eye:
 * "Acme Corp" is 0–9, "Zenith" 31–37, and it has 49 characters. */
#define ARTICLE "Acme Corp signed the deal with Zenith Ltd today.\n"

#define MOVED_1 "the article changed since the file was saved: 1 annotation moved"

#define HEADER "annotator\tid\ttag\tstart\tend\tstatus\tquote\n"

/* The second line of every usage error. */
#define TRY(command) "Try “gloss-cli " command " --help” for more information.\n"

typedef struct
{
  char *dir;
  char *article;   /* dir/a.txt, holding ARTICLE */
  char *bob;       /* dir/a.txt.bob.gloss.json, not written by setup */
  char *eve;       /* dir/a.txt.eve.gloss.json, likewise */

  /* The tool's LC_ALL; NULL for C.UTF-8. */
  const char *locale;

  /* What the last run of the tool gave. */
  int status;
  char *out;
  char *err;
} Fixture;

static const char *cli;

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static void
assert_file_unchanged (const char *path,
                       GBytes     *before)
{
  g_autoptr(GBytes) now = read_bytes (path);

  g_assert_true (g_bytes_equal (now, before));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;

  dir = g_dir_make_tmp ("gloss-cli-XXXXXX", &error);
  g_assert_no_error (error);

  /* The tool names files by their canonical path. */
  f->dir = g_canonicalize_filename (dir, NULL);
  f->article = path_in (f, "a.txt");
  f->bob = path_in (f, "a.txt.bob.gloss.json");
  f->eve = path_in (f, "a.txt.eve.gloss.json");
  write_file (f->article, ARTICLE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  delete_tree_checked (f->dir);
  g_free (f->dir);
  g_free (f->article);
  g_free (f->bob);
  g_free (f->eve);
  g_free (f->out);
  g_free (f->err);
}

/* Runs gloss-cli with the arguments up to NULL, in the fixture's folder
 * and its locale (C unless the test sets one); keeps its output in @f and
 * returns its exit status. */
#define run(f, ...) ((f)->status = run_cli_in ((f)->dir, (f)->locale, &(f)->out, &(f)->err, __VA_ARGS__))

/* The last run: its exit status and, unless NULL, exactly this output. */
static void
assert_run (Fixture    *f,
            int         status,
            const char *out,
            const char *err)
{
  if (out != NULL)
    g_assert_cmpstr (f->out, ==, out);
  if (err != NULL)
    g_assert_cmpstr (f->err, ==, err);
  g_assert_cmpint (f->status, ==, status);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

static char *
added (guint       n,
       const char *path)
{
  return g_strdup_printf ("Added %u annotation%s to %s\n", n, n == 1 ? "" : "s", path);
}

static void
assert_row_keys (JsonObject *row)
{
  static const char * const strings[] = { "annotator", "id", "tag", "status", "quote" };
  static const char * const numbers[] = { "start", "end" };

  g_assert_cmpuint (json_object_get_size (row), ==,
                    G_N_ELEMENTS (strings) + G_N_ELEMENTS (numbers));

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      JsonNode *node = json_object_get_member (row, strings[i]);

      g_assert_nonnull (node);
      g_assert_cmpuint (json_node_get_value_type (node), ==, G_TYPE_STRING);
    }

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      JsonNode *node = json_object_get_member (row, numbers[i]);

      g_assert_nonnull (node);
      g_assert_cmpuint (json_node_get_value_type (node), ==, G_TYPE_INT64);
    }
}

/* Runs list --json on @path (one file) and returns the rows, each
 * checked to have exactly the documented keys. */
static JsonArray *
list_json (Fixture    *f,
           const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *rows;
  JsonNode *root;

  run (f, "list", "--json", path, NULL);
  assert_run (f, 0, NULL, "");
  /* The layout of the annotation files and exports: "key": value. */
  g_assert_null (strstr (f->out, "\" :"));
  g_assert_true (strstr (f->out, "\"tag\": \"") != NULL || strcmp (f->out, "[]\n") == 0);

  json_parser_load_from_data (parser, f->out, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  rows = json_node_get_array (root);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      g_assert_true (JSON_NODE_HOLDS_OBJECT (json_array_get_element (rows, i)));
      assert_row_keys (json_array_get_object_element (rows, i));
    }

  return json_array_ref (rows);
}

static void
assert_row (JsonArray  *rows,
            guint       index,
            const char *annotator,
            const char *tag,
            gint64      start,
            gint64      end,
            const char *status,
            const char *quote)
{
  JsonObject *row;

  g_assert_cmpuint (index, <, json_array_get_length (rows));
  row = json_array_get_object_element (rows, index);

  g_assert_cmpstr (json_object_get_string_member (row, "annotator"), ==, annotator);
  g_assert_cmpstr (json_object_get_string_member (row, "tag"), ==, tag);
  g_assert_cmpint (json_object_get_int_member (row, "start"), ==, start);
  g_assert_cmpint (json_object_get_int_member (row, "end"), ==, end);
  g_assert_cmpstr (json_object_get_string_member (row, "status"), ==, status);
  g_assert_cmpstr (json_object_get_string_member (row, "quote"), ==, quote);
}

static const char *
row_id (JsonArray *rows,
        guint      index)
{
  return json_object_get_string_member (json_array_get_object_element (rows, index), "id");
}

/* Every row that is not orphaned quotes @text exactly at its offsets,
 * counted in code points as Python's str slicing counts them. */
static void
assert_quotes_in_text (JsonArray  *rows,
                       const char *text)
{
  glong length = g_utf8_strlen (text, -1);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      gint64 start = json_object_get_int_member (row, "start");
      gint64 end = json_object_get_int_member (row, "end");
      g_autofree char *slice = NULL;

      if (g_strcmp0 (json_object_get_string_member (row, "status"), "orphaned") == 0)
        continue;

      g_assert_cmpint (0, <=, start);
      g_assert_cmpint (start, <, end);
      g_assert_cmpint (end, <=, length);
      slice = g_utf8_substring (text, start, end);
      g_assert_cmpstr (json_object_get_string_member (row, "quote"), ==, slice);
    }
}

static JsonNode *
load_json (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

/* Only the article is in the folder: nothing was written. */
static void
assert_nothing_written (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_cmpstr (name, ==, "a.txt");
}

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  static const char * const list_options[] = { "--annotator", "--json", NULL };
  static const char * const annotate_options[] = {
    "--annotator", "--tag", "--start", "--end", "--match", "--whole-word", "--ignore-case",
    "--note", NULL
  };
  static const struct
  {
    const char *command;
    const char *usage;
    const char * const *options;
  } commands[] = {
    { "list", "Usage:\n  gloss-cli list [OPTION…] FILE…\n", list_options },
    { "validate", "Usage:\n  gloss-cli validate [OPTION…] FILE…\n", NULL },
    { "annotate", "Usage:\n  gloss-cli annotate [OPTION…] ARTICLE\n", annotate_options },
  };

  run (f, "--help", NULL);
  assert_run (f, 0, NULL, "");
  g_assert_true (g_str_has_prefix (f->out, "Usage:\n  gloss-cli COMMAND [OPTION…] FILE…\n"));
  assert_contains (f->out, "\n  list ");
  assert_contains (f->out, "\n  validate ");
  assert_contains (f->out, "\n  annotate ");

  run (f, "-h", NULL);
  assert_run (f, 0, NULL, "");
  g_assert_true (g_str_has_prefix (f->out, "Usage:\n  gloss-cli COMMAND"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      run (f, commands[i].command, "--help", NULL);
      assert_run (f, 0, NULL, "");
      g_assert_true (g_str_has_prefix (f->out, commands[i].usage));
      assert_contains (f->out, "--help");

      for (guint j = 0; commands[i].options && commands[i].options[j]; j++)
        assert_contains (f->out, commands[i].options[j]);
    }

  assert_nothing_written (f);
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  /* No command at all: the usage, on stderr. */
  run (f, NULL, NULL);
  assert_run (f, 2, "", NULL);
  g_assert_true (g_str_has_prefix (f->err, "Usage:\n"));

  run (f, "frobnicate", f->article, NULL);
  assert_run (f, 2, "", NULL);
  g_assert_true (g_str_has_prefix (f->err, "gloss-cli: unknown command “frobnicate”\n"));

  run (f, "list", NULL);
  assert_run (f, 2, "", "gloss-cli list: no file given\n" TRY ("list"));

  run (f, "list", "--json", NULL);
  assert_run (f, 2, "", "gloss-cli list: no file given\n" TRY ("list"));

  run (f, "validate", NULL);
  assert_run (f, 2, "", "gloss-cli validate: no file given\n" TRY ("validate"));

  run (f, "list", "--frobnicate", f->article, NULL);
  assert_run (f, 2, "", NULL);
  assert_contains (f->err, TRY ("list"));

  assert_nothing_written (f);
}

static void
test_annotate_usage (Fixture       *f,
                     gconstpointer  data)
{
  run (f, "annotate", "--tag", "company", "--start", "0", "--end", "4", f->article, NULL);
  assert_run (f, 2, "", "gloss-cli annotate: --annotator is required\n" TRY ("annotate"));

  run (f, "annotate", "--annotator", "bob", "--start", "0", "--end", "4", f->article, NULL);
  assert_run (f, 2, "", "gloss-cli annotate: --tag is required\n" TRY ("annotate"));

  run (f, "annotate", "--annotator", "bob", "--tag", "company",
       "--start", "0", "--end", "4", "--match", "Acme", f->article, NULL);
  assert_run (f, 2, "",
              "gloss-cli annotate: give either --start and --end, or --match\n" TRY ("annotate"));

  run (f, "annotate", "--annotator", "bob", "--tag", "company", f->article, NULL);
  assert_run (f, 2, "",
              "gloss-cli annotate: give either --start and --end, or --match\n" TRY ("annotate"));

  run (f, "annotate", "--annotator", "bob", "--tag", "company", "--start", "0", f->article, NULL);
  assert_run (f, 2, "", "gloss-cli annotate: --start and --end go together\n" TRY ("annotate"));

  run (f, "annotate", "--annotator", "bob", "--tag", "company", "--start", "4", "--end", "4",
       f->article, NULL);
  assert_run (f, 2, "",
              "gloss-cli annotate: --end must be greater than --start\n" TRY ("annotate"));

  run (f, "annotate", "--annotator", "bob", "--tag", "company", "--start", "9", "--end", "4",
       f->article, NULL);
  assert_run (f, 2, "",
              "gloss-cli annotate: --end must be greater than --start\n" TRY ("annotate"));

  run (f, "annotate", "--annotator", "bob", "--tag", "company", "--start", "40", "--end", "50",
       f->article, NULL);
  assert_run (f, 2, "",
              "gloss-cli annotate: --end 50 is past the end of the article (49 characters)\n"
              TRY ("annotate"));

  run (f, "annotate", "--annotator", "bob", "--tag", "nope", "--start", "0", "--end", "4",
       f->article, NULL);
  assert_run (f, 2, "",
              "gloss-cli annotate: the codebook has no tag “nope”; "
              "it has: company, controversy, claim\n"
              TRY ("annotate"));

  run (f, "annotate", "--annotator", "Bob", "--tag", "company", "--start", "0", "--end", "4",
       f->article, NULL);
  assert_run (f, 2, "",
              "gloss-cli annotate: “Bob” is not an annotator id: "
              "use lower-case letters, digits and “-” (for example “bob”)\n" TRY ("annotate"));

  /* An id that would put the file elsewhere is refused like any other. */
  run (f, "annotate", "--annotator", "../bob", "--tag", "company", "--start", "0", "--end", "4",
       f->article, NULL);
  assert_run (f, 2, "", NULL);
  assert_contains (f->err, "is not an annotator id");

  run (f, "annotate", "--annotator", "", "--tag", "company", "--start", "0", "--end", "4",
       f->article, NULL);
  assert_run (f, 2, "", NULL);

  run (f, "annotate", "--annotator", "bob", "--tag", "company", "--start", "0", "--end", "4", NULL);
  assert_run (f, 2, "", "gloss-cli annotate: give exactly one article\n" TRY ("annotate"));

  run (f, "annotate", "--annotator", "bob", "--tag", "company", "--start", "0", "--end", "4",
       f->article, f->article, NULL);
  assert_run (f, 2, "", "gloss-cli annotate: give exactly one article\n" TRY ("annotate"));

  run (f, "annotate", "--annotator", "bob", "--tag", "company", "--start", "0", "--end", "4",
       f->bob, NULL);
  assert_run (f, 2, "",
              "gloss-cli annotate: give the article, not its annotation file\n" TRY ("annotate"));

  run (f, "annotate", "--annotator", "bob", "--tag", "company", "--start", "0", "--end", "4",
       "--whole-word", f->article, NULL);
  assert_run (f, 2, "",
              "gloss-cli annotate: --whole-word and --ignore-case go with --match\n"
              TRY ("annotate"));

  assert_nothing_written (f);
}

static void
test_annotate_range (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(JsonArray) rows = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *one = added (1, f->bob);
  g_autofree char *none = added (0, f->bob);
  JsonObject *file;
  JsonArray *annotations;
  guint64 inode;

  run (f, "annotate", "--annotator", "bob", "--tag", "company", "--start", "0", "--end", "9",
       f->article, NULL);
  assert_run (f, 0, one, "");
  g_assert_true (g_file_test (f->bob, G_FILE_TEST_IS_REGULAR));

  root = load_json (f->bob);
  file = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (file, "gloss"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (file, "source"),
                   "path"),
                   ==, "a.txt");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (file,
                   "annotator"), "id"),
                   ==, "bob");
  annotations = json_object_get_array_member (file, "annotations");
  g_assert_cmpuint (json_array_get_length (annotations), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (annotations, 0),
                   "quote"),
                   ==, "Acme Corp");

  /* The same passage with the same tag again: nothing to add, nothing written. */
  before = read_bytes (f->bob);
  inode = inode_of (f->bob);
  run (f, "annotate", "--annotator", "bob", "--tag", "company", "--start", "0", "--end", "9",
       f->article, NULL);
  assert_run (f, 0, none, "1 was already annotated with this tag\n");
  assert_file_unchanged (f->bob, before);
  g_assert_cmpuint (inode_of (f->bob), ==, inode);

  /* The end may be the end of the article. */
  run (f, "annotate", "--annotator", "bob", "--tag", "claim", "--start", "42", "--end", "49",
       f->article, NULL);
  assert_run (f, 0, one, "");

  rows = list_json (f, f->article);
  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  assert_row (rows, 0, "bob", "company", 0, 9, "anchored", "Acme Corp");
  assert_row (rows, 1, "bob", "claim", 42, 49, "anchored", "today.\n");
  assert_quotes_in_text (rows, ARTICLE);
}

/* A byte order mark, a precomposed and a decomposed "é", emoji outside the
 * Basic Multilingual Plane and CRLF line breaks: Python counts
 *   U+FEFF 0, "Café" 1–5, " " 5, 😀 6, " " 7, "Cafe" 8–12, U+0301 12,
 *   "\r\n" 13–15, 😀 15, "Café" 16–20, "\r\n" 20–22. */
static const char unicode_article[] =
  "\xef\xbb\xbf" "Caf\xc3\xa9 \xf0\x9f\x98\x80 Cafe\xcc\x81\r\n\xf0\x9f\x98\x80" "Caf\xc3\xa9\r\n";

#define CAFE_PRECOMPOSED "Caf\xc3\xa9"
#define E_DECOMPOSED     "e\xcc\x81"
#define GRINNING         "\xf0\x9f\x98\x80"

static void
test_annotate_match_unicode (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(JsonArray) rows = NULL;
  g_autofree char *two_bob = added (2, f->bob);
  g_autofree char *two_eve = added (2, f->eve);
  g_autofree char *one_eve = added (1, f->eve);
  g_autofree char *eve_table = NULL;

  write_file (f->article, unicode_article);
  g_assert_cmpint (g_utf8_strlen (unicode_article, -1), ==, 22);

  run (f, "annotate", "--annotator", "bob", "--tag", "company", "--match", CAFE_PRECOMPOSED,
       f->article, NULL);
  assert_run (f, 0, two_bob, "");
  run (f, "annotate", "--annotator", "bob", "--tag", "claim", "--match", GRINNING, f->article,
       NULL);
  assert_run (f, 0, two_bob, "");
  run (f, "annotate", "--annotator", "eve", "--tag", "company", "--match", "\r\n", f->article,
       NULL);
  assert_run (f, 0, two_eve, "");
  run (f, "annotate", "--annotator", "eve", "--tag", "claim", "--match", E_DECOMPOSED, f->article,
       NULL);
  assert_run (f, 0, one_eve, "");
  run (f, "annotate", "--annotator", "eve", "--tag", "controversy",
       "--match", "Caf" E_DECOMPOSED "\r\n" GRINNING, f->article, NULL);
  assert_run (f, 0, one_eve, "");

  /* Files in name order, then annotations by position. */
  rows = list_json (f, f->article);
  g_assert_cmpuint (json_array_get_length (rows), ==, 8);
  assert_row (rows, 0, "bob", "company", 1, 5, "anchored", CAFE_PRECOMPOSED);
  assert_row (rows, 1, "bob", "claim", 6, 7, "anchored", GRINNING);
  assert_row (rows, 2, "bob", "claim", 15, 16, "anchored", GRINNING);
  assert_row (rows, 3, "bob", "company", 16, 20, "anchored", CAFE_PRECOMPOSED);
  assert_row (rows, 4, "eve", "controversy", 8, 16, "anchored", "Caf" E_DECOMPOSED "\r\n" GRINNING);
  assert_row (rows, 5, "eve", "claim", 11, 13, "anchored", E_DECOMPOSED);
  assert_row (rows, 6, "eve", "company", 13, 15, "anchored", "\r\n");
  assert_row (rows, 7, "eve", "company", 20, 22, "anchored", "\r\n");
  assert_quotes_in_text (rows, unicode_article);

  /* The table keeps every annotation on one line: line breaks are shown
   * as \r and \n. */
  eve_table = g_strdup_printf (HEADER
                               "eve\t%s\tcontroversy\t8\t16\tanchored\t"
                               "Caf" E_DECOMPOSED "\\r\\n" GRINNING "\n"
                               "eve\t%s\tclaim\t11\t13\tanchored\t" E_DECOMPOSED "\n"
                               "eve\t%s\tcompany\t13\t15\tanchored\t\\r\\n\n"
                               "eve\t%s\tcompany\t20\t22\tanchored\t\\r\\n\n",
                               row_id (rows, 4), row_id (rows, 5), row_id (rows, 6), row_id (rows,
                                       7));
  run (f, "list", "--annotator", "eve", f->article, NULL);
  assert_run (f, 0, eve_table, "");
}

static void
test_annotate_whole_word (Fixture       *f,
                          gconstpointer  data)
{
  /* "l’Agence" is a word after an elided article; "Agences" is another word. */
  static const char text[] = "l\xe2\x80\x99" "Agence et Agences\n";
  g_autoptr(JsonArray) rows = NULL;
  g_autofree char *one_bob = added (1, f->bob);
  g_autofree char *two_eve = added (2, f->eve);

  write_file (f->article, text);

  run (f, "annotate", "--annotator", "bob", "--tag", "company", "--match", "Agence", "--whole-word",
       f->article, NULL);
  assert_run (f, 0, one_bob, "");
  run (f, "annotate", "--annotator", "eve", "--tag", "company", "--match", "Agence", f->article,
       NULL);
  assert_run (f, 0, two_eve, "");

  rows = list_json (f, f->article);
  g_assert_cmpuint (json_array_get_length (rows), ==, 3);
  assert_row (rows, 0, "bob", "company", 2, 8, "anchored", "Agence");
  assert_row (rows, 1, "eve", "company", 2, 8, "anchored", "Agence");
  assert_row (rows, 2, "eve", "company", 12, 18, "anchored", "Agence");
  assert_quotes_in_text (rows, text);

  /* A word that only occurs inside others: nothing to add. */
  run (f, "annotate", "--annotator", "bob", "--tag", "claim", "--match", "gence", "--whole-word",
       f->article, NULL);
  assert_run (f, 0, NULL, NULL);
  g_assert_true (g_str_has_prefix (f->out, "Added 0 annotations to "));
  assert_contains (f->err, "“gence” does not occur");
}

static void
test_annotate_ignore_case (Fixture       *f,
                           gconstpointer  data)
{
  /* "acmé" is not "acme", whatever the case. */
  static const char text[] = "ACME acme Acme AcMe acm\xc3\xa9 \xc3\x89" "cole \xc3\xa9" "cole\n";
  g_autoptr(JsonArray) rows = NULL;
  g_autofree char *one_bob = added (1, f->bob);
  g_autofree char *four_eve = added (4, f->eve);
  g_autofree char *two_eve = added (2, f->eve);

  write_file (f->article, text);

  run (f, "annotate", "--annotator", "bob", "--tag", "company", "--match", "acme", f->article,
       NULL);
  assert_run (f, 0, one_bob, "");
  run (f, "annotate", "--annotator", "eve", "--tag", "company", "--match", "acme", "--ignore-case",
       f->article, NULL);
  assert_run (f, 0, four_eve, "");
  run (f, "annotate", "--annotator", "eve", "--tag", "claim", "--match", "\xc3\xa9" "cole", "-i",
       f->article, NULL);
  assert_run (f, 0, two_eve, "");

  rows = list_json (f, f->article);
  g_assert_cmpuint (json_array_get_length (rows), ==, 7);
  assert_row (rows, 0, "bob", "company", 5, 9, "anchored", "acme");
  assert_row (rows, 1, "eve", "company", 0, 4, "anchored", "ACME");
  assert_row (rows, 2, "eve", "company", 5, 9, "anchored", "acme");
  assert_row (rows, 3, "eve", "company", 10, 14, "anchored", "Acme");
  assert_row (rows, 4, "eve", "company", 15, 19, "anchored", "AcMe");
  assert_row (rows, 5, "eve", "claim", 25, 30, "anchored", "\xc3\x89" "cole");
  assert_row (rows, 6, "eve", "claim", 31, 36, "anchored", "\xc3\xa9" "cole");
  assert_quotes_in_text (rows, text);
}

static void
test_annotate_note (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *one = added (1, f->bob);
  JsonArray *annotations;

  run (f, "annotate", "--annotator", "bob", "--tag", "claim", "--start", "31", "--end", "37",
       "--note", "First line\nsecond line", f->article, NULL);
  assert_run (f, 0, one, "");

  root = load_json (f->bob);
  annotations = json_object_get_array_member (json_node_get_object (root), "annotations");
  g_assert_cmpuint (json_array_get_length (annotations), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (annotations, 0),
                   "note"),
                   ==, "First line\nsecond line");
}

/* bob tags "Acme Corp" as a company, eve "Zenith" as a controversy. */
static void
annotate_two (Fixture *f)
{
  g_autofree char *one_bob = added (1, f->bob);
  g_autofree char *one_eve = added (1, f->eve);

  run (f, "annotate", "--annotator", "bob", "--tag", "company", "--start", "0", "--end", "9",
       f->article, NULL);
  assert_run (f, 0, one_bob, "");
  run (f, "annotate", "--annotator", "eve", "--tag", "controversy", "--match", "Zenith",
       f->article, NULL);
  assert_run (f, 0, one_eve, "");
}

static void
test_list_two_annotators (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(JsonArray) rows = NULL;
  g_autofree char *bob_row = NULL;
  g_autofree char *eve_row = NULL;
  g_autofree char *both = NULL;
  g_autofree char *only_bob = NULL;
  g_autofree char *only_eve = NULL;

  annotate_two (f);

  rows = list_json (f, f->article);
  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  assert_row (rows, 0, "bob", "company", 0, 9, "anchored", "Acme Corp");
  assert_row (rows, 1, "eve", "controversy", 31, 37, "anchored", "Zenith");
  g_assert_cmpstr (row_id (rows, 0), !=, row_id (rows, 1));

  bob_row = g_strdup_printf ("bob\t%s\tcompany\t0\t9\tanchored\tAcme Corp\n", row_id (rows, 0));
  eve_row = g_strdup_printf ("eve\t%s\tcontroversy\t31\t37\tanchored\tZenith\n", row_id (rows, 1));
  both = g_strconcat (HEADER, bob_row, eve_row, NULL);
  only_bob = g_strconcat (HEADER, bob_row, NULL);
  only_eve = g_strconcat (HEADER, eve_row, NULL);

  run (f, "list", f->article, NULL);
  assert_run (f, 0, both, "");

  run (f, "list", "--annotator", "eve", f->article, NULL);
  assert_run (f, 0, only_eve, "");

  run (f, "list", "-a", "bob", f->article, NULL);
  assert_run (f, 0, only_bob, "");

  run (f, "list", "--annotator", "nobody", f->article, NULL);
  assert_run (f, 0, HEADER, "");

  /* An annotation file on its own, and files given one by one. */
  run (f, "list", f->eve, NULL);
  assert_run (f, 0, only_eve, "");

  run (f, "list", f->bob, f->eve, NULL);
  assert_run (f, 0, both, "");

  run (f, "list", "--annotator", "bob", f->eve, NULL);
  assert_run (f, 0, HEADER, "");
}

static void
test_list_missing (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *missing = path_in (f, "missing.txt");
  g_autofree char *message = g_strdup_printf ("“%s”: no such file\n", missing);
  g_autofree char *one = added (1, f->bob);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  run (f, "list", missing, NULL);
  assert_run (f, 1, HEADER, message);

  run (f, "list", "--json", missing, NULL);
  assert_run (f, 1, NULL, message);
  json_parser_load_from_data (parser, f->out, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))),
                    ==, 0);

  /* The files that can be read are still listed. */
  run (f, "annotate", "--annotator", "bob", "--tag", "company", "--start", "0", "--end", "9",
       f->article, NULL);
  assert_run (f, 0, one, "");
  run (f, "list", missing, f->article, NULL);
  assert_run (f, 1, NULL, message);
  g_assert_true (g_str_has_prefix (f->out, HEADER "bob\t"));
  g_assert_true (g_str_has_suffix (f->out, "\tcompany\t0\t9\tanchored\tAcme Corp\n"));
}

static void
test_list_json (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonArray) rows = NULL;
  g_autoptr(JsonArray) empty = NULL;

  /* An article without annotation files is an empty array. */
  empty = list_json (f, f->article);
  g_assert_cmpuint (json_array_get_length (empty), ==, 0);

  annotate_two (f);

  /* list_json checks every row for exactly the seven keys. */
  rows = list_json (f, f->article);
  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  assert_quotes_in_text (rows, ARTICLE);

  g_clear_pointer (&rows, json_array_unref);
  rows = list_json (f, f->bob);
  g_assert_cmpuint (json_array_get_length (rows), ==, 1);
  assert_row (rows, 0, "bob", "company", 0, 9, "anchored", "Acme Corp");
}

static void
test_validate_good (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GBytes) bob_before = NULL;
  g_autoptr(GBytes) eve_before = NULL;

  /* An article without annotation files has nothing wrong. */
  run (f, "validate", f->article, NULL);
  assert_run (f, 0, "", "");

  annotate_two (f);
  bob_before = read_bytes (f->bob);
  eve_before = read_bytes (f->eve);

  run (f, "validate", f->article, NULL);
  assert_run (f, 0, "", "");

  run (f, "validate", f->bob, f->eve, NULL);
  assert_run (f, 0, "", "");

  assert_file_unchanged (f->bob, bob_before);
  assert_file_unchanged (f->eve, eve_before);
}

static void
test_validate_moved (Fixture       *f,
                     gconstpointer  data)
{
  /* Eight characters (nine bytes) inserted before every annotation. */
  static const char edited[] = "\xc3\x87" "a va ? " ARTICLE;
  g_autoptr(JsonArray) rows = NULL;
  g_autoptr(GBytes) bob_before = NULL;
  g_autoptr(GBytes) eve_before = NULL;
  g_autofree char *report = NULL;
  g_autofree char *bob_report = NULL;

  annotate_two (f);
  bob_before = read_bytes (f->bob);
  eve_before = read_bytes (f->eve);
  write_file (f->article, edited);

  bob_report = g_strdup_printf ("%s: %s\n", f->bob, MOVED_1);
  report = g_strdup_printf ("%s%s: %s\n", bob_report, f->eve, MOVED_1);

  run (f, "validate", f->article, NULL);
  assert_run (f, 1, report, "");

  run (f, "validate", f->bob, NULL);
  assert_run (f, 1, bob_report, "");

  rows = list_json (f, f->article);
  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  assert_row (rows, 0, "bob", "company", 8, 17, "moved", "Acme Corp");
  assert_row (rows, 1, "eve", "controversy", 39, 45, "moved", "Zenith");
  assert_quotes_in_text (rows, edited);

  /* Looking does not write. */
  assert_file_unchanged (f->bob, bob_before);
  assert_file_unchanged (f->eve, eve_before);
}

static void
test_validate_orphaned (Fixture       *f,
                        gconstpointer  data)
{
  /* The passage eve tagged is gone; bob's is where it was. */
  static const char edited[] = "Acme Corp signed the deal today.\n";
  g_autoptr(JsonArray) rows = NULL;
  g_autoptr(GBytes) eve_before = NULL;
  g_autofree char *report = NULL;

  annotate_two (f);
  eve_before = read_bytes (f->eve);
  write_file (f->article, edited);

  rows = list_json (f, f->article);
  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  assert_row (rows, 0, "bob", "company", 0, 9, "anchored", "Acme Corp");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, 1),
                   "status"),
                   ==, "orphaned");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, 1), "quote"),
                   ==, "Zenith");
  assert_quotes_in_text (rows, edited);

  report = g_strdup_printf ("%s: annotation “%s” is orphaned: "
                            "its quote “Zenith” is no longer in the article\n",
                            f->eve, row_id (rows, 1));
  run (f, "validate", f->article, NULL);
  assert_run (f, 1, report, "");

  run (f, "validate", f->bob, NULL);
  assert_run (f, 0, "", "");

  assert_file_unchanged (f->eve, eve_before);
}

static void
test_validate_corrupt (Fixture       *f,
                       gconstpointer  data)
{
  static const char corrupt[] = "{ \"gloss\": 1, this is not JSON\n";
  g_autoptr(GBytes) before = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *one_eve = added (1, f->eve);

  write_file (f->bob, corrupt);
  before = read_bytes (f->bob);
  quoted = g_strdup_printf ("“%s”", f->bob);

  run (f, "validate", f->bob, NULL);
  assert_run (f, 1, NULL, "");
  assert_contains (f->out, quoted);
  g_assert_cmpuint (strlen (f->out), >, strlen (quoted) + 1);
  g_assert_true (g_str_has_suffix (f->out, "\n"));

  run (f, "validate", f->article, NULL);
  assert_run (f, 1, NULL, "");
  assert_contains (f->out, quoted);

  /* list reports it on stderr and lists the other files. */
  run (f, "annotate", "--annotator", "eve", "--tag", "company", "--start", "0", "--end", "4",
       f->article, NULL);
  assert_run (f, 0, one_eve, "");
  run (f, "list", f->article, NULL);
  assert_run (f, 1, NULL, NULL);
  assert_contains (f->err, quoted);
  g_assert_true (g_str_has_prefix (f->out, HEADER "eve\t"));

  run (f, "list", f->bob, NULL);
  assert_run (f, 1, HEADER, NULL);
  assert_contains (f->err, quoted);

  /* annotate does not replace a file it cannot read. */
  run (f, "annotate", "--annotator", "bob", "--tag", "company", "--start", "0", "--end", "4",
       f->article, NULL);
  assert_run (f, 1, "", NULL);
  assert_contains (f->err, quoted);

  assert_file_unchanged (f->bob, before);
}

#define VERSION_1 "{\n  \"gloss\": 1,\n"

/* bob's file, rewritten as a future Gloss might: format 2, with a member
 * this version does not know. */
static GBytes *
write_newer_file (Fixture *f)
{
  g_autoptr(GBytes) current = NULL;
  g_autoptr(GString) text = NULL;
  g_autofree char *one = added (1, f->bob);

  run (f, "annotate", "--annotator", "bob", "--tag", "company", "--start", "0", "--end", "9",
       f->article, NULL);
  assert_run (f, 0, one, "");

  current = read_bytes (f->bob);
  text = g_string_new_len (g_bytes_get_data (current, NULL), g_bytes_get_size (current));
  g_assert_true (g_str_has_prefix (text->str, VERSION_1));
  g_string_erase (text, 0, strlen (VERSION_1));
  g_string_prepend (text,
                    "{\n"
                    "  \"gloss\": 2,\n"
                    "  \"layers\": [\n"
                    "    {\n"
                    "      \"kind\": \"relations\"\n"
                    "    }\n"
                    "  ],\n");
  write_file (f->bob, text->str);

  return read_bytes (f->bob);
}

static void
test_newer_format_read_only (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GBytes) before = write_newer_file (f);
  g_autoptr(JsonArray) rows = NULL;
  g_autofree char *quoted = g_strdup_printf ("“%s”", f->bob);
  g_autofree char *line_prefix = g_strdup_printf ("%s: ", f->bob);

  rows = list_json (f, f->article);
  g_assert_cmpuint (json_array_get_length (rows), ==, 1);
  assert_row (rows, 0, "bob", "company", 0, 9, "anchored", "Acme Corp");

  g_clear_pointer (&rows, json_array_unref);
  rows = list_json (f, f->bob);
  g_assert_cmpuint (json_array_get_length (rows), ==, 1);

  run (f, "list", f->bob, NULL);
  assert_run (f, 0, NULL, "");
  g_assert_true (g_str_has_prefix (f->out, HEADER "bob\t"));

  /* validate says this version cannot check it, as a "FILE: problem"
   * line whose message names the file too. */
  run (f, "validate", f->bob, NULL);
  assert_run (f, 1, NULL, "");
  g_assert_true (g_str_has_prefix (f->out, line_prefix));
  assert_contains (f->out, quoted);
  assert_contains (f->out, "newer Gloss (format 2)");

  run (f, "validate", f->article, NULL);
  assert_run (f, 1, NULL, "");
  g_assert_true (g_str_has_prefix (f->out, line_prefix));
  assert_contains (f->out, quoted);

  assert_file_unchanged (f->bob, before);
}

static void
test_newer_format_annotate (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GBytes) before = write_newer_file (f);
  g_autofree char *message = NULL;
  guint64 inode = inode_of (f->bob);

  message = g_strdup_printf ("“%s” was written by a newer Gloss; it is left as it is\n", f->bob);
  run (f, "annotate", "--annotator", "bob", "--tag", "claim", "--match", "Zenith", f->article,
       NULL);
  assert_run (f, 1, "", message);

  /* The same passage again is refused the same way, not taken for a duplicate. */
  run (f, "annotate", "--annotator", "bob", "--tag", "company", "--start", "0", "--end", "9",
       f->article, NULL);
  assert_run (f, 1, "", message);

  assert_file_unchanged (f->bob, before);
  g_assert_cmpuint (inode_of (f->bob), ==, inode);
}

static void
test_codebook (Fixture       *f,
               gconstpointer  data)
{
  /* The folder's codebook replaces the default one: company stays,
   * person is new. */
  static const char codebook[] =
    "{\n"
    "  \"tags\": [\n"
    "    { \"id\": \"company\", \"label\": \"Company\", \"color\": \"#3584e4\" },\n"
    "    { \"id\": \"person\", \"label\": \"Person\", \"color\": \"#2ec27e\",\n"
    "      \"description\": \"A person named in the text\" }\n"
    "  ]\n"
    "}\n";
  g_autoptr(JsonArray) rows = NULL;
  g_autofree char *codebook_path = path_in (f, "gloss-codebook.json");
  g_autofree char *one = added (1, f->bob);

  run (f, "annotate", "--annotator", "bob", "--tag", "person", "--start", "31", "--end", "37",
       f->article, NULL);
  assert_run (f, 2, "",
              "gloss-cli annotate: the codebook has no tag “person”; "
              "it has: company, controversy, claim\n"
              TRY ("annotate"));
  g_assert_false (g_file_test (f->bob, G_FILE_TEST_EXISTS));

  write_file (codebook_path, codebook);

  run (f, "annotate", "--annotator", "bob", "--tag", "person", "--start", "31", "--end", "37",
       f->article, NULL);
  assert_run (f, 0, one, "");

  run (f, "annotate", "--annotator", "bob", "--tag", "company", "--match", "Acme Corp", f->article,
       NULL);
  assert_run (f, 0, one, "");

  run (f, "annotate", "--annotator", "bob", "--tag", "claim", "--start", "0", "--end", "4",
       f->article, NULL);
  assert_run (f, 2, "",
              "gloss-cli annotate: the codebook has no tag “claim”; it has: company, person\n"
              TRY ("annotate"));

  rows = list_json (f, f->article);
  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  assert_row (rows, 0, "bob", "company", 0, 9, "anchored", "Acme Corp");
  assert_row (rows, 1, "bob", "person", 31, 37, "anchored", "Zenith");

  run (f, "validate", f->article, NULL);
  assert_run (f, 0, "", "");
}

/* A --match that finds nothing creates no file and says so. */
static void
test_annotate_no_match (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *expected = g_strdup_printf ("Added no annotation; %s was not created\n", f->bob);

  run (f, "annotate", "--annotator", "bob", "--tag", "company", "--match", "Nowhere Inc",
       f->article, NULL);
  assert_run (f, 0, expected, NULL);
  assert_contains (f->err, "“Nowhere Inc” does not occur in");
  g_assert_false (g_file_test (f->bob, G_FILE_TEST_EXISTS));
}

/* A negative offset is a usage error, not "no offset given". */
static void
test_annotate_negative_start (Fixture       *f,
                              gconstpointer  data)
{
  run (f, "annotate", "--annotator", "bob", "--tag", "company", "--start", "-1",
       "--match", "Acme", f->article, NULL);
  assert_run (f, 2, "", NULL);
  run (f, "annotate", "--annotator", "bob", "--tag", "company", "--start", "-1", "--end", "4",
       f->article, NULL);
  assert_run (f, 2, "", NULL);
  assert_contains (f->err, "cannot be negative");
  g_assert_false (g_file_test (f->bob, G_FILE_TEST_EXISTS));
}

/* list --annotator reads only that annotator's file: another one's broken
 * file neither fails the listing nor shows up in it. */
static void
test_list_annotator_ignores_others (Fixture       *f,
                                    gconstpointer  data)
{
  g_autofree char *one_eve = added (1, f->eve);

  write_file (f->bob, "not JSON at all");
  run (f, "annotate", "--annotator", "eve", "--tag", "company", "--start", "0", "--end", "4",
       f->article, NULL);
  assert_run (f, 0, one_eve, "");

  run (f, "list", "--annotator", "eve", f->article, NULL);
  assert_run (f, 0, NULL, "");
  g_assert_true (g_str_has_prefix (f->out, HEADER "eve\t"));

  run (f, "list", f->article, NULL);
  assert_run (f, 1, NULL, NULL);
}

#define FRENCH "fr_FR.UTF-8"

/* French puts a no-break space before a colon and inside guillemets. */
#define NBSP "\xc2\xa0"

#define TRY_FR(command) \
  "Essayez «" NBSP "gloss-cli " command " --help" NBSP "» pour plus d’informations.\n"

static void
test_french (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *one = NULL;
  g_autofree char *none = NULL;
  g_autofree char *three = NULL;

  if (!have_locale (FRENCH))
    {
      g_test_skip ("The " FRENCH " locale is not installed");
      return;
    }

  f->locale = FRENCH;
  one = g_strdup_printf ("1 annotation ajoutée à %s\n", f->bob);
  none = g_strdup_printf ("0 annotation ajoutée à %s\n", f->bob);
  three = g_strdup_printf ("3 annotations ajoutées à %s\n", f->bob);

  run (f, "--help", NULL);
  assert_run (f, 0, NULL, "");
  g_assert_true (g_str_has_prefix (f->out,
                                   "Utilisation" NBSP ":\n"
                                   "  gloss-cli COMMANDE [OPTION…] FICHIER…\n"));
  assert_contains (f->out,
                   "\nCommandes" NBSP ":\n"
                   "  list       Lister les annotations d’articles ou de fichiers d’annotations\n"
                   "  validate   Vérifier des fichiers d’annotations par rapport à leurs articles\n"
                   "  annotate   Ajouter des annotations au fichier d’un annotateur\n");

  run (f, "list", NULL);
  assert_run (f, 2, "", "gloss-cli list: aucun fichier indiqué\n" TRY_FR ("list"));

  run (f, "annotate", "--annotator", "bob", "--tag", "company", "--start", "0", "--end", "9",
       f->bob, NULL);
  assert_run (f, 2, "",
              "gloss-cli annotate: indiquez l’article, pas son fichier d’annotations\n"
              TRY_FR ("annotate"));
  assert_nothing_written (f);

  run (f, "annotate", "--annotator", "bob", "--tag", "company", "--start", "0", "--end", "9",
       f->article, NULL);
  assert_run (f, 0, one, "");

  run (f, "annotate", "--annotator", "bob", "--tag", "company", "--start", "0", "--end", "9",
       f->article, NULL);
  assert_run (f, 0, none, "1 passage portait déjà cette étiquette\n");

  /* "the", "with" and "Zenith". */
  run (f, "annotate", "--annotator", "bob", "--tag", "claim", "--match", "th", f->article, NULL);
  assert_run (f, 0, three, "");
}

/* A file that holds one annotation twice (the same tag, span and quote,
 * another id): validate says so and how many, naming the file, and fails;
 * list shows it once. */
static void
test_validate_duplicates (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *one_bob = added (1, f->bob);
  g_autofree char *report = NULL;
  JsonArray *annotations;
  JsonObject *original;
  JsonObject *copy;
  GList *members;

  run (f, "annotate", "--annotator", "bob", "--tag", "company", "--start", "0", "--end", "9",
       f->article, NULL);
  assert_run (f, 0, one_bob, "");

  root = load_json (f->bob);
  annotations = json_object_get_array_member (json_node_get_object (root), "annotations");
  original = json_array_get_object_element (annotations, 0);
  copy = json_object_new ();
  members = json_object_get_members (original);
  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (copy, l->data,
                            json_node_copy (json_object_get_member (original, l->data)));
  g_list_free (members);
  json_object_set_string_member (copy, "id", "0b5e8a0e-4a8f-4f5e-9d0c-2f1f0e6c9a11");
  json_array_add_object_element (annotations, copy);
  json_generator_set_root (generator, root);
  json_generator_to_file (generator, f->bob, &error);
  g_assert_no_error (error);

  report = g_strdup_printf ("%s: “%s”: 1 annotation repeats the tag and span of another; Gloss "
                            "keeps the one created first, with the notes of both\n",
                            f->bob, f->bob);
  run (f, "validate", f->bob, NULL);
  assert_run (f, 1, report, "");

  rows = list_json (f, f->article);
  g_assert_cmpuint (json_array_get_length (rows), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  cli = g_getenv ("GLOSS_CLI");
  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_printerr ("Set GLOSS_CLI to the gloss-cli to test.\n");
      return 1;
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/help", test_help);
  ADD ("/cli/usage/errors", test_usage_errors);
  ADD ("/cli/usage/annotate", test_annotate_usage);
  ADD ("/cli/annotate/range", test_annotate_range);
  ADD ("/cli/annotate/match-unicode", test_annotate_match_unicode);
  ADD ("/cli/annotate/whole-word", test_annotate_whole_word);
  ADD ("/cli/annotate/ignore-case", test_annotate_ignore_case);
  ADD ("/cli/annotate/note", test_annotate_note);
  ADD ("/cli/annotate/codebook", test_codebook);
  ADD ("/cli/list/two-annotators", test_list_two_annotators);
  ADD ("/cli/list/missing", test_list_missing);
  ADD ("/cli/list/json", test_list_json);
  ADD ("/cli/validate/good", test_validate_good);
  ADD ("/cli/validate/moved", test_validate_moved);
  ADD ("/cli/validate/orphaned", test_validate_orphaned);
  ADD ("/cli/validate/corrupt", test_validate_corrupt);
  ADD ("/cli/validate/duplicates", test_validate_duplicates);
  ADD ("/cli/newer-format/read-only", test_newer_format_read_only);
  ADD ("/cli/newer-format/annotate", test_newer_format_annotate);
  ADD ("/cli/annotate/no-match", test_annotate_no_match);
  ADD ("/cli/annotate/negative-start", test_annotate_negative_start);
  ADD ("/cli/list/annotator-ignores-others", test_list_annotator_ignores_others);
  ADD ("/cli/french", test_french);

#undef ADD

  return g_test_run ();
}
