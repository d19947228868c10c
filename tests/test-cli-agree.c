/* test-cli-agree.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-test-util.h"
#include "file-test-util.h"

/* gloss-cli agree --table: reliability data from a CSV file, the values
 * checked against published examples through the --json output. */

typedef struct
{
  char *dir;
  char *out;
  char *err;
  int   status;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("gloss-test-agree-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  delete_tree (f->dir);
  g_free (f->dir);
  g_free (f->out);
  g_free (f->err);
}

/* Runs gloss-cli with the arguments up to NULL in the fixture's folder;
 * keeps its output and returns its exit status. */
#define run(f, ...) ((f)->status = run_cli_in ((f)->dir, NULL, &(f)->out, &(f)->err, __VA_ARGS__))

static char *
write_table (Fixture    *f,
             const char *name,
             const char *text)
{
  char *path = g_build_filename (f->dir, name, NULL);

  write_file (path, text);
  return path;
}

/* The --json output parsed; fails the test unless it is an object. */
static JsonObject *
parse_output (Fixture *f)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, f->out, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability:
 * the example of four observers coding twelve units, some values missing
 * (one row a unit here, one column an observer). */
static const char krippendorff_2011[] =
  "unit,A,B,C,D\r\n"
  "1,1,1,,1\r\n"
  "2,2,2,3,2\r\n"
  "3,3,3,3,3\r\n"
  "4,3,3,3,3\r\n"
  "5,2,2,2,2\r\n"
  "6,1,2,3,4\r\n"
  "7,4,4,4,4\r\n"
  "8,1,1,2,1\r\n"
  "9,2,2,2,2\r\n"
  "10,,5,5,5\r\n"
  "11,,,1,1\r\n"
  "12,,,3,\r\n";

static void
test_levels (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = write_table (f, "k2011.csv", krippendorff_2011);
  /* The values that paper publishes for each level. */
  static const struct
  {
    const char *level;
    double      alpha;
  } published[] = {
    { "nominal", 0.743 }, { "ordinal", 0.815 }, { "interval", 0.849 }, { "ratio", 0.797 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (published); i++)
    {
      g_autoptr(JsonObject) result = NULL;
      JsonObject *alpha, *undefined;

      g_assert_cmpint (run (f, "agree", "--table", path, "--level", published[i].level, "--json",
                            NULL), ==, 0);
      result = parse_output (f);
      alpha = json_object_get_object_member (result, "alpha");
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (alpha, published[i].level),
                                      published[i].alpha, 0.0005);
      g_assert_cmpint (json_object_get_int_member (result, "units"), ==, 12);
      g_assert_cmpint (json_object_get_int_member (result, "coders"), ==, 4);
      g_assert_cmpint (json_object_get_int_member (result, "pairable_values"), ==, 40);
      g_assert_cmpstr (json_object_get_string_member (result, "level"), ==, published[i].level);

      /* Four coders: no κ or π, and no Fleiss' κ with units of one, two,
       * three and four values; null, each with its reason. */
      undefined = json_object_get_object_member (result, "undefined");
      g_assert_true (json_object_get_null_member (result, "cohen_kappa"));
      g_assert_true (json_object_get_null_member (result, "scott_pi"));
      g_assert_true (json_object_get_null_member (result, "fleiss_kappa"));
      g_assert_nonnull (json_object_get_string_member (undefined, "cohen_kappa"));
      g_assert_nonnull (json_object_get_string_member (undefined, "fleiss_kappa"));
    }

  /* The readable table says the same. */
  g_assert_cmpint (run (f, "agree", "--table", path, "--level", "interval", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "0.849"));
  g_assert_nonnull (strstr (f->out, "12 units, 4 coders"));
}

/* Artstein, R. & Poesio, M. (2008), Computational Linguistics 34(4): their
 * second example, two coders, a hundred utterances in three categories:
 * observed agreement 0.88, π 0.799, κ 0.801.  No unit column, quoted
 * names. */
static void
test_two_coders (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GString) table = g_string_new ("\"Coder A\",\"Coder B\"\n");
  g_autofree char *path = NULL;
  g_autoptr(JsonObject) result = NULL;
  JsonArray *names;
  static const struct
  {
    const char *a, *b;
    guint n;
  } cells[] = {
    { "STAT", "STAT", 46 }, { "IReq", "STAT", 6 }, { "IReq", "IReq", 32 },
    { "IReq", "Chck", 6 }, { "Chck", "Chck", 10 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    for (guint j = 0; j < cells[i].n; j++)
      g_string_append_printf (table, "%s,%s\n", cells[i].a, cells[i].b);
  path = write_table (f, "ap2008.csv", table->str);

  g_assert_cmpint (run (f, "agree", "--table", path, "--json", NULL), ==, 0);
  result = parse_output (f);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (result, "percent_agreement"), 0.88,
                                  0.0005);
  /* Printed to three decimals, π cut rather than rounded (0.7995). */
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (result, "scott_pi"), 0.799, 0.001);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (result, "cohen_kappa"), 0.801, 0.001);
  g_assert_true (json_object_has_member (result, "fleiss_kappa"));
  g_assert_false (json_object_get_null_member (result, "fleiss_kappa"));
  g_assert_cmpint (json_object_get_int_member (result, "units"), ==, 100);
  names = json_object_get_array_member (result, "coder_names");
  g_assert_cmpuint (json_array_get_length (names), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (names, 0), ==, "Coder A");
}

/* Bad tables are refused with the file, the line and the problem. */
static void
test_bad_tables (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *ragged = write_table (f, "ragged.csv", "A,B,C\n1,2,3\n1,2\n");
  g_autofree char *words = write_table (f, "words.csv", "A,B\n1,2\nthree,3\n");
  g_autofree char *open_quote = write_table (f, "quote.csv", "A,B\n\"1,2\n");
  g_autofree char *empty = write_table (f, "empty.csv", "");
  g_autofree char *missing = g_build_filename (f->dir, "missing.csv", NULL);

  g_assert_cmpint (run (f, "agree", "--table", ragged, NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "ragged.csv:3:"));
  g_assert_nonnull (strstr (f->err, "2 cells"));
  g_assert_cmpstr (f->out, ==, "");

  /* Words are categories at the nominal level, not at the interval one. */
  g_assert_cmpint (run (f, "agree", "--table", words, NULL), ==, 0);
  g_assert_cmpint (run (f, "agree", "--table", words, "--level", "interval", NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "words.csv:3:"));
  g_assert_nonnull (strstr (f->err, "three"));

  g_assert_cmpint (run (f, "agree", "--table", open_quote, NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "quote.csv:2:"));

  g_assert_cmpint (run (f, "agree", "--table", empty, NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "empty.csv"));

  g_assert_cmpint (run (f, "agree", "--table", missing, NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "missing.csv"));

  /* Usage errors. */
  g_assert_cmpint (run (f, "agree", "--table", words, "--level", "loud", NULL), ==, 2);
  g_assert_nonnull (strstr (f->err, "loud"));
  g_assert_cmpint (run (f, "agree", NULL), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-agree/levels", Fixture, NULL, fixture_set_up, test_levels, fixture_tear_down);
  g_test_add ("/cli-agree/two-coders", Fixture, NULL, fixture_set_up, test_two_coders,
              fixture_tear_down);
  g_test_add ("/cli-agree/bad-tables", Fixture, NULL, fixture_set_up, test_bad_tables,
              fixture_tear_down);

  return g_test_run ();
}
