/* test-cli-agree.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "agree-test-util.h"
#include "file-test-util.h"

/* gloss-cli agree on articles, and with --table on reliability data from
 * a CSV file, the values checked against published examples through the
 * --json output. */

typedef CliFixture Fixture;

#define run cli_fixture_run

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

static void
test_articles_json (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JsonObject) root = NULL;
  JsonObject *pair, *counts, *tag, *group;

  make_corpus (f);
  run (f, "agree", "--json", ".", NULL);
  g_assert_cmpint (f->status, ==, 0);
  root = parse_output (f);

  g_assert_cmpint (json_object_get_int_member (root, "articles"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (root, "coders"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (root, "tokens"), ==, 20);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "pairs")), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "tags")), ==, 3);

  /* alice (A) and bob (B): matched 1 (company), tag differs 1 (claim /
   * controversy), only in A 1 (b.txt's claim), only in B 1. */
  pair = find_agree_pair (root, "alice", "bob");
  g_assert_cmpint (json_object_get_int_member (pair, "articles"), ==, 2);
  counts = json_object_get_object_member (pair, "counts");
  g_assert_cmpint (json_object_get_int_member (counts, "matched"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (counts, "tag_differs"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (counts, "boundary_differs"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (counts, "only_a"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (counts, "only_b"), ==, 1);
  /* 3 passages each, 1 matched: F1 = 2 / 6. */
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (pair, "f1_strict"), 1.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (pair, "f1_lenient"), 1.0 / 3, 1e-9);
  g_assert_true (json_object_has_member (pair, "cohen_kappa"));
  g_assert_true (json_object_has_member (pair, "scott_pi"));
  g_assert_false (json_object_has_member (pair, "fleiss_kappa"));
  g_assert_true (json_object_has_member (json_object_get_object_member (pair, "alpha"), "nominal"));
  g_assert_true (json_object_has_member (pair, "alpha_u"));
  g_assert_cmpint (json_object_get_int_member (pair, "units"), ==, 20);

  /* alice and carol on claims: boundary differs in a.txt, only in A and
   * only in B in b.txt (carol's claim is inside her controversy). */
  pair = find_agree_pair (root, "alice", "carol");
  tag = json_object_get_object_member (json_object_get_object_member (pair, "tags"), "claim");
  counts = json_object_get_object_member (tag, "counts");
  g_assert_cmpint (json_object_get_int_member (counts, "boundary_differs"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (counts, "only_a"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (counts, "only_b"), ==, 1);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (tag, "f1_strict"), 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (tag, "f1_lenient"), 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (tag, "f1_average"), 0.25, 1e-9);

  group = json_object_get_object_member (root, "group");
  g_assert_cmpint (json_object_get_int_member (group, "coders"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (group, "articles"), ==, 2);
  g_assert_false (json_object_get_null_member (group, "fleiss_kappa"));
  g_assert_false (json_object_has_member (group, "cohen_kappa"));
  g_assert_true (json_object_has_member (json_object_get_object_member (group, "tags"), "controversy"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "problems")), ==, 0);
  g_assert_false (json_object_has_member (root, "documents"));
}

/* --per-article: each article's measures too, whose counts add up to the
 * total's. */
static void
test_per_article (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JsonObject) root = NULL;
  JsonArray *documents;
  guint matched = 0, only_b = 0;

  make_corpus (f);
  run (f, "agree", "--json", "--per-article", ".", NULL);
  g_assert_cmpint (f->status, ==, 0);
  root = parse_output (f);
  documents = json_object_get_array_member (root, "documents");
  g_assert_cmpuint (json_array_get_length (documents), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *document = json_array_get_object_element (documents, i);
      JsonObject *counts = json_object_get_object_member (find_agree_pair (document, "alice", "bob"), "counts");

      g_assert_cmpstr (json_object_get_string_member (document, "name"), ==, i == 0 ? "a.txt" : "b.txt");
      g_assert_cmpint (json_object_get_int_member (document, "articles"), ==, 1);
      g_assert_cmpint (json_object_get_int_member (document, "tokens"), ==, 10);
      matched += json_object_get_int_member (counts, "matched");
      only_b += json_object_get_int_member (counts, "only_b");
    }
  g_assert_cmpuint (matched, ==, 1);
  g_assert_cmpuint (only_b, ==, 1);

  run (f, "agree", "--per-article", ".", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_true (g_regex_match_simple ("^b\\.txt +alice +carol ", f->out, G_REGEX_MULTILINE, 0));
}

static void
test_attributes_relations (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(JsonObject) root = NULL;
  JsonObject *pair, *verdict, *relations, *type;

  make_verdicts (f);
  run (f, "agree", "--json", "c.txt", NULL);
  g_assert_cmpint (f->status, ==, 0);
  root = parse_output (f);
  pair = find_agree_pair (root, "alice", "bob");
  verdict = json_object_get_object_member (json_object_get_object_member (pair, "attributes"), "verdict");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (verdict, "percent_agreement"), 2.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (verdict, "alpha_nominal"), 1 - 10.0 / 22, 1e-9);
  g_assert_false (json_object_has_member (verdict, "alpha_interval"));
  g_assert_cmpint (json_object_get_int_member (verdict, "units"), ==, 3);

  relations = json_object_get_object_member (pair, "relations");
  g_assert_cmpint (json_object_get_int_member (relations, "matched"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (relations, "only_a"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (relations, "only_b"), ==, 0);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (relations, "precision"), 1, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (relations, "recall"), 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (relations, "f1"), 2.0 / 3, 1e-9);
  type = json_object_get_object_member (json_object_get_object_member (relations, "types"), "said-by");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (type, "f1"), 2.0 / 3, 1e-9);

  /* The group: the same verdicts, no relations. */
  verdict = json_object_get_object_member (json_object_get_object_member (
    json_object_get_object_member (root, "group"), "attributes"), "verdict");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (verdict, "alpha_nominal"), 1 - 10.0 / 22, 1e-9);
  g_assert_false (json_object_has_member (json_object_get_object_member (root, "group"), "relations"));

  /* The readable tables. */
  run (f, "agree", "c.txt", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_true (g_regex_match_simple ("^verdict +alice – bob +0\\.667 +0\\.545 +3$", f->out, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^said-by +alice – bob +1\\.000 +0\\.500 +0\\.667 +1 +1 +0$", f->out,
                                       G_REGEX_MULTILINE, 0));
}

/* A pair with no relation at all: the scores are null, with the reason. */
static void
test_relations_undefined (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(JsonObject) root = NULL;
  JsonObject *relations;

  make_corpus (f);
  run (f, "agree", "--json", ".", NULL);
  g_assert_cmpint (f->status, ==, 0);
  root = parse_output (f);
  relations = json_object_get_object_member (find_agree_pair (root, "alice", "bob"), "relations");
  g_assert_true (json_object_get_null_member (relations, "f1"));
  g_assert_nonnull (json_object_get_string_member (json_object_get_object_member (relations, "undefined"), "f1"));
  run (f, "agree", ".", NULL);
  g_assert_null (strstr (f->out, "Relations ("));
}

static void
test_articles_text (Fixture       *f,
                    gconstpointer  data)
{
  make_corpus (f);
  run (f, "agree", "a.txt", "b.txt", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "2 articles, 3 annotators, 3 tags, 20 tokens"));
  g_assert_nonnull (strstr (f->out, "F1 strict"));
  g_assert_true (g_regex_match_simple ("^\\(all\\) +alice +bob +0\\.333 +0\\.333 ", f->out,
                                          G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^\\(all\\) +bob +carol ", f->out, G_REGEX_MULTILINE, 0));
  g_assert_nonnull (strstr (f->out, "Fleiss’ κ"));
}

/* Every attribute together, the figure review's header shows, beside
 * each attribute's: alice and bob give the verdicts of make_verdicts()
 * on three claims of d.txt, and both a score of 2 to the first.  Four
 * units (a passage and an attribute each), 3 agreeing: percent agreement
 * 0.75; α nominal with n = 8, values true 3, false 2, misleading 1 and
 * the score's 2 (never agreeing with a verdict) 2, two ordered pairs
 * disagreeing: 1 − (2/8) / (46/56) = 1 − 7/23.  The verdict's α stays
 * 1 − 10/22, and the score, one unit alike, is undefined. */
static void
test_all_attributes (Fixture       *f,
                     gconstpointer  data)
{
  static const char * const verdicts[2][3] = { { "true", "false", "true" }, { "true", "false", "misleading" } };
  static const char * const annotators[] = { "alice", "bob" };
  g_autofree char *d = g_build_filename (f->dir, "d.txt", NULL);
  g_autoptr(JsonObject) root = NULL;
  JsonObject *all;

  write_file (d, ten_words);
  for (guint a = 0; a < G_N_ELEMENTS (annotators); a++)
    {
      g_autoptr(GString) claims = g_string_new (NULL);

      for (guint i = 0; i < 3; i++)
        g_string_append_printf (claims, "%s{\"id\": \"c%u\", \"tag\": \"claim\", \"start\": %u, "
                                "\"end\": %u, \"quote\": \"%.3s\", \"attributes\": {\"verdict\": \"%s\"%s}}",
                                i > 0 ? ", " : "", i, 4 * i, 4 * i + 3, ten_words + 4 * i, verdicts[a][i],
                                i == 0 ? ", \"score\": 2" : "");
      write_layer (f, "d.txt", ten_words, annotators[a], claims);
    }

  run (f, "agree", "--json", "d.txt", NULL);
  g_assert_cmpint (f->status, ==, 0);
  root = parse_output (f);
  all = json_object_get_object_member (find_agree_pair (root, "alice", "bob"), "all_attributes");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (all, "percent_agreement"), 0.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (all, "alpha_nominal"), 1 - 7.0 / 23, 1e-9);
  g_assert_false (json_object_has_member (all, "alpha_interval"));
  g_assert_cmpint (json_object_get_int_member (all, "units"), ==, 4);
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (all, "undefined")), ==, 0);
  all = json_object_get_object_member (json_object_get_object_member (root, "group"), "all_attributes");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (all, "alpha_nominal"), 1 - 7.0 / 23, 1e-9);

  run (f, "agree", "d.txt", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_true (g_regex_match_simple ("^verdict +alice – bob +0\\.667 +0\\.545 +3$", f->out, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^score +alice – bob +1\\.000 +— +— +1$", f->out, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^\\(all attributes\\) +alice – bob +0\\.750 +0\\.696 +4$", f->out,
                                       G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^\\(all attributes\\) +\\(group\\) +0\\.750 +0\\.696 +4$", f->out,
                                       G_REGEX_MULTILINE, 0));

  /* Without attributes, no such member. */
  make_corpus (f);
  run (f, "agree", "--json", "a.txt", NULL);
  g_clear_pointer (&root, json_object_unref);
  root = parse_output (f);
  g_assert_false (json_object_has_member (find_agree_pair (root, "alice", "bob"), "all_attributes"));
}

static void
test_annotator_and_tag (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(JsonObject) root = NULL;

  make_corpus (f);
  run (f, "agree", "--json", "-a", "alice", "--annotator", "carol", "-t", "claim", ".", NULL);
  g_assert_cmpint (f->status, ==, 0);
  root = parse_output (f);
  g_assert_cmpint (json_object_get_int_member (root, "coders"), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "pairs")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "tags")), ==, 1);
  find_agree_pair (root, "alice", "carol");

  run (f, "agree", "-a", "alice", "-a", "zed", ".", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "“zed”"));
}

static void
test_bad_inputs (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(JsonObject) root = NULL;
  g_autofree char *broken = NULL;

  make_corpus (f);
  broken = g_build_filename (f->dir, "b.txt.bob.gloss.json", NULL);
  write_file (broken, "{ \"format\": \"gloss\", ");
  run (f, "agree", "--json", ".", "missing.txt", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "missing.txt"));
  g_assert_nonnull (strstr (f->err, "b.txt.bob.gloss.json"));
  /* The rest is measured: bob in a.txt alone. */
  root = parse_output (f);
  g_assert_cmpint (json_object_get_int_member (root, "articles"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (find_agree_pair (root, "alice", "bob"), "articles"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (find_agree_pair (root, "alice", "carol"), "articles"), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "problems")), ==, 1);

  /* Usage errors. */
  run (f, "agree", NULL);
  g_assert_cmpint (f->status, ==, 2);
  run (f, "agree", "--level", "interval", ".", NULL);
  g_assert_cmpint (f->status, ==, 2);
  run (f, "agree", "--table", "t.csv", "--tag", "claim", NULL);
  g_assert_cmpint (f->status, ==, 2);
  run (f, "agree", "--table", "t.csv", ".", NULL);
  g_assert_cmpint (f->status, ==, 2);
}

/* gloss-cli consensus */

static JsonObject *
read_consensus (Fixture    *f,
                const char *article)
{
  g_autofree char *path = g_strdup_printf ("%s/%s.gloss--consensus.gloss.json", f->dir, article);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_consensus (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonObject) root = NULL;
  g_autofree char *alice_before = NULL;
  g_autofree char *alice_after = NULL;
  g_autofree char *alice_path = NULL;
  g_autofree char *b_consensus = NULL;
  JsonArray *annotations;
  JsonObject *annotation, *source;

  make_corpus (f);
  alice_path = g_build_filename (f->dir, "a.txt.alice.gloss.json", NULL);
  alice_before = read_file (alice_path);

  /* All three agree on a.txt's company only, on nothing in b.txt. */
  run (f, "consensus", "--by", "rev", ".", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "a.txt: 1 passage agreed by at least 3 of 3 annotators, 3 left for review"));
  g_assert_nonnull (strstr (f->out, "b.txt: 0 passages agreed by at least 3 of 3 annotators, 3 left for review"));
  root = read_consensus (f, "a.txt");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "annotator"), "id"),
                   ==, "gloss--consensus");
  annotations = json_object_get_array_member (root, "annotations");
  g_assert_cmpuint (json_array_get_length (annotations), ==, 1);
  annotation = json_array_get_object_element (annotations, 0);
  g_assert_cmpstr (json_object_get_string_member (annotation, "tag"), ==, "company");
  g_assert_cmpint (json_object_get_int_member (annotation, "start"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (annotation, "end"), ==, 7);
  source = json_object_get_object_member (annotation, "consensus");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (source, "from")), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (source, "how"), ==, "agreed");
  g_assert_cmpstr (json_object_get_string_member (source, "by"), ==, "rev");
  /* Nothing agreed in b.txt: no file is made there. */
  b_consensus = g_build_filename (f->dir, "b.txt.gloss--consensus.gloss.json", NULL);
  g_assert_false (g_file_test (b_consensus, G_FILE_TEST_EXISTS));

  /* bob and carol agree on b.txt's second claim. */
  run (f, "consensus", "-a", "bob", "-a", "carol", "--min-agree", "2", "b.txt", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_clear_pointer (&root, json_object_unref);
  root = read_consensus (f, "b.txt");
  annotations = json_object_get_array_member (root, "annotations");
  g_assert_cmpuint (json_array_get_length (annotations), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (annotations, 0), "start"), ==, 24);

  /* Again: nothing new; the annotators' own files are never written. */
  run (f, "consensus", ".", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "a.txt: 0 passages agreed"));
  alice_after = read_file (alice_path);
  g_assert_cmpstr (alice_before, ==, alice_after);

  /* The consensus is no annotator of its own: measured only when named. */
  run (f, "agree", "--json", ".", NULL);
  g_clear_pointer (&root, json_object_unref);
  root = parse_output (f);
  g_assert_cmpint (json_object_get_int_member (root, "coders"), ==, 3);
  run (f, "agree", "--json", "-a", "alice", "-a", "gloss--consensus", ".", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_clear_pointer (&root, json_object_unref);
  root = parse_output (f);
  find_agree_pair (root, "alice", "gloss--consensus");
  run (f, "list", "a.txt", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "gloss--consensus"));
}

static void
test_consensus_bad_input (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *broken = NULL;
  g_autofree char *consensus = NULL;

  make_corpus (f);
  run (f, "consensus", "-a", "alice", "-a", "bob", "--min-agree", "3", ".", NULL);
  g_assert_cmpint (f->status, ==, 2);
  run (f, "consensus", "-a", "gloss--consensus", ".", NULL);
  g_assert_cmpint (f->status, ==, 2);
  run (f, "consensus", NULL);
  g_assert_cmpint (f->status, ==, 2);

  broken = g_build_filename (f->dir, "a.txt.bob.gloss.json", NULL);
  write_file (broken, "{ \"gloss\": 1, ");
  run (f, "consensus", "a.txt", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "a.txt.bob.gloss.json"));
  g_assert_nonnull (strstr (f->err, "not settled"));
  consensus = g_build_filename (f->dir, "a.txt.gloss--consensus.gloss.json", NULL);
  g_assert_false (g_file_test (consensus, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-agree/articles/json", Fixture, NULL, cli_fixture_set_up, test_articles_json,
              cli_fixture_tear_down);
  g_test_add ("/cli-agree/articles/attributes-relations", Fixture, NULL, cli_fixture_set_up,
              test_attributes_relations, cli_fixture_tear_down);
  g_test_add ("/cli-agree/articles/relations-undefined", Fixture, NULL, cli_fixture_set_up,
              test_relations_undefined, cli_fixture_tear_down);
  g_test_add ("/cli-agree/articles/per-article", Fixture, NULL, cli_fixture_set_up, test_per_article,
              cli_fixture_tear_down);
  g_test_add ("/cli-agree/articles/text", Fixture, NULL, cli_fixture_set_up, test_articles_text,
              cli_fixture_tear_down);
  g_test_add ("/cli-agree/articles/all-attributes", Fixture, NULL, cli_fixture_set_up,
              test_all_attributes, cli_fixture_tear_down);
  g_test_add ("/cli-agree/articles/annotator-and-tag", Fixture, NULL, cli_fixture_set_up,
              test_annotator_and_tag, cli_fixture_tear_down);
  g_test_add ("/cli-agree/articles/bad-inputs", Fixture, NULL, cli_fixture_set_up, test_bad_inputs,
              cli_fixture_tear_down);
  g_test_add ("/cli-consensus/settle", Fixture, NULL, cli_fixture_set_up, test_consensus,
              cli_fixture_tear_down);
  g_test_add ("/cli-consensus/bad-input", Fixture, NULL, cli_fixture_set_up, test_consensus_bad_input,
              cli_fixture_tear_down);
  g_test_add ("/cli-agree/levels", Fixture, NULL, cli_fixture_set_up, test_levels, cli_fixture_tear_down);
  g_test_add ("/cli-agree/two-coders", Fixture, NULL, cli_fixture_set_up, test_two_coders,
              cli_fixture_tear_down);
  g_test_add ("/cli-agree/bad-tables", Fixture, NULL, cli_fixture_set_up, test_bad_tables,
              cli_fixture_tear_down);

  return g_test_run ();
}
