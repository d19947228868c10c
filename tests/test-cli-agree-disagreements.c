/* test-cli-agree-disagreements.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "agree-test-util.h"
#include "file-test-util.h"

/* gloss-cli agree --disagreements FILE: the rows of spans, of attributes
 * and of relations, byte for byte, past what is kept in memory, and read
 * back by Python's csv module and pandas. */

typedef CliFixture Fixture;

#define run cli_fixture_run

static void
test_disagreements (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *csv = NULL;
  g_autofree char *path = g_build_filename (f->dir, "a.txt", NULL);

  write_file (path, "=ab ccc ddd");
  annotate (f, "a.txt", "alice", "claim", 0, 1);
  annotate (f, "a.txt", "bob", "claim", 1, 1);
  run (f, "agree", "--disagreements", "out.csv", "a.txt", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_free (path);
  path = g_build_filename (f->dir, "out.csv", NULL);
  g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
  g_assert_cmpstr (csv, ==,
                   "article,kind,annotator_a,annotator_b,tag_a,start_a,end_a,quote_a,"
                   "tag_b,start_b,end_b,quote_b\r\n"
                   "a.txt,boundary-differs,alice,bob,claim,0,7,'=ab ccc,claim,4,7,ccc\r\n");

  /* Never over an input. */
  run (f, "agree", "--disagreements", "a.txt.alice.gloss.json", "a.txt", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "a.txt.alice.gloss.json"));
}

/* The number of rows of @csv, the header first; fails the test unless
 * every row has as many fields as the header (commas and line ends in
 * quotes are a field's). */
static guint
count_even_rows (const char *csv)
{
  guint rows = 0, fields = 1, header = 0;
  gboolean quoted = FALSE;

  for (const char *p = csv; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == ',')
        fields++;
      else if (p[0] == '\r' && p[1] == '\n')
        {
          if (rows == 0)
            header = fields;
          g_assert_cmpuint (fields, ==, header);
          rows++;
          fields = 1;
          p++;
        }
    }
  g_assert_false (quoted);
  /* The last row ends with a line end too. */
  g_assert_true (g_str_has_suffix (csv, "\r\n"));
  return rows;
}

/* The verdicts and relations of make_verdicts(), and a fourth claim both
 * mark that only bob gives a verdict: the header names the columns of
 * attributes and relations, which the rows of spans leave empty, and each
 * disagreement on them is a row: the verdicts that differ, in the order
 * of their passages (alice's missing one empty), then the relation alice
 * alone has, with its ends.  Every row has the header's 24 fields. */
static void
test_disagreements_relational (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *csv = NULL;
  g_autofree char *path = g_build_filename (f->dir, "out.csv", NULL);

  make_verdicts (f);
  annotate (f, "c.txt", "alice", "claim", 3, 3);
  claim_with_verdict (f, "bob", 3, "false");
  annotate (f, "c.txt", "bob", "claim", 6, 6);
  run (f, "agree", "--disagreements", "out.csv", "c.txt", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
  g_assert_cmpstr (csv, ==,
                   "article,kind,annotator_a,annotator_b,tag_a,start_a,end_a,quote_a,"
                   "tag_b,start_b,end_b,quote_b,attribute,value_a,value_b,relation,"
                   "source_tag,source_start,source_end,source_quote,"
                   "target_tag,target_start,target_end,target_quote\r\n"
                   "c.txt,only-b,alice,bob,,,,,claim,24,27,ggg,,,,,,,,,,,,\r\n"
                   "c.txt,attribute-differs,alice,bob,claim,8,11,ccc,claim,8,11,ccc,"
                   "verdict,true,misleading,,,,,,,,,\r\n"
                   "c.txt,attribute-differs,alice,bob,claim,12,15,ddd,claim,12,15,ddd,"
                   "verdict,,false,,,,,,,,,\r\n"
                   "c.txt,relation-only-a,alice,bob,,,,,,,,,,,,"
                   "said-by,claim,4,7,bbb,company,16,19,eee\r\n");
  g_assert_cmpuint (count_even_rows (csv), ==, 5);

}

/* The rows of spans of an article measured before the first with
 * attributes or relations get their empty columns too, quotes that hold
 * a comma, a quote or a line end kept whole: Python's csv module finds
 * every row as wide as the header, and pandas reads each column of a row
 * of spans, of attributes and of relations. */
static void
test_disagreements_pandas (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *q = g_build_filename (f->dir, "q.txt", NULL);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "check-disagreements.py", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *rows;
  JsonObject *row;
  int status;

  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("/usr/bin/python3 is missing");
      return;
    }
  write_file (q, "ab, \"c\"\nd eee");
  g_assert_cmpint (run (f, "annotate", "q.txt", "-a", "alice", "-t", "claim", "-s", "0", "-e", "9", NULL), ==, 0);
  g_assert_cmpint (run (f, "annotate", "q.txt", "-a", "bob", "-t", "claim", "-s", "0", "-e", "7", NULL), ==, 0);
  make_verdicts (f);
  run (f, "agree", "--disagreements", "out.csv", "q.txt", "c.txt", NULL);
  g_assert_cmpint (f->status, ==, 0);

  {
    const char *argv[] = { "/usr/bin/python3", script, "out.csv", NULL };

    g_spawn_sync (f->dir, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
  }
  g_test_message ("%s%s", out, err);
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      g_test_skip ("python3-pandas is missing");
      return;
    }
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  rows = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (rows), ==, 3);

  row = json_array_get_object_element (rows, 0);
  g_assert_cmpstr (json_object_get_string_member (row, "kind"), ==, "boundary-differs");
  g_assert_cmpstr (json_object_get_string_member (row, "quote_a"), ==, "ab, \"c\"\nd");
  g_assert_cmpstr (json_object_get_string_member (row, "quote_b"), ==, "ab, \"c\"");
  g_assert_cmpstr (json_object_get_string_member (row, "attribute"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (row, "target_quote"), ==, "");

  row = json_array_get_object_element (rows, 1);
  g_assert_cmpstr (json_object_get_string_member (row, "article"), ==, "c.txt");
  g_assert_cmpstr (json_object_get_string_member (row, "kind"), ==, "attribute-differs");
  g_assert_cmpstr (json_object_get_string_member (row, "start_a"), ==, "8");
  g_assert_cmpstr (json_object_get_string_member (row, "quote_b"), ==, "ccc");
  g_assert_cmpstr (json_object_get_string_member (row, "attribute"), ==, "verdict");
  g_assert_cmpstr (json_object_get_string_member (row, "value_a"), ==, "true");
  g_assert_cmpstr (json_object_get_string_member (row, "value_b"), ==, "misleading");
  g_assert_cmpstr (json_object_get_string_member (row, "relation"), ==, "");

  row = json_array_get_object_element (rows, 2);
  g_assert_cmpstr (json_object_get_string_member (row, "kind"), ==, "relation-only-a");
  g_assert_cmpstr (json_object_get_string_member (row, "tag_a"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (row, "value_a"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (row, "relation"), ==, "said-by");
  g_assert_cmpstr (json_object_get_string_member (row, "source_tag"), ==, "claim");
  g_assert_cmpstr (json_object_get_string_member (row, "source_quote"), ==, "bbb");
  g_assert_cmpstr (json_object_get_string_member (row, "target_start"), ==, "16");
  g_assert_cmpstr (json_object_get_string_member (row, "target_end"), ==, "19");
  g_assert_cmpstr (json_object_get_string_member (row, "target_quote"), ==, "eee");
}

/* Rows past what is kept in memory go to the file before the header is
 * known: an article of 5,000 boundary disagreements, then one whose
 * scores (numbers, written as they are) differ.  The header still comes
 * first, with the columns of attributes, every row follows in order, and
 * no temporary file is left. */
static void
test_disagreements_spilled (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) alice = g_string_new (NULL);
  g_autoptr(GString) bob = g_string_new (NULL);
  g_autofree char *big = g_build_filename (f->dir, "big.txt", NULL);
  g_autofree char *path = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  for (guint i = 0; i < 5000; i++)
    {
      g_string_append (text, "abc ");
      g_string_append_printf (alice, "%s{\"id\": \"a%u\", \"tag\": \"claim\", \"start\": %u, "
                              "\"end\": %u, \"quote\": \"abc\"}", i > 0 ? ", " : "", i, 4 * i, 4 * i + 3);
      g_string_append_printf (bob, "%s{\"id\": \"b%u\", \"tag\": \"claim\", \"start\": %u, "
                              "\"end\": %u, \"quote\": \"ab\"}", i > 0 ? ", " : "", i, 4 * i, 4 * i + 2);
    }
  write_file (big, text->str);
  write_layer (f, "big.txt", text->str, "alice", alice);
  write_layer (f, "big.txt", text->str, "bob", bob);
  g_free (big);
  big = g_build_filename (f->dir, "n.txt", NULL);
  write_file (big, "abc");
  g_string_assign (alice, "{\"id\": \"a\", \"tag\": \"claim\", \"start\": 0, \"end\": 3, \"quote\": \"abc\", "
                   "\"attributes\": {\"score\": -2}}");
  g_string_assign (bob, "{\"id\": \"b\", \"tag\": \"claim\", \"start\": 0, \"end\": 3, \"quote\": \"abc\", "
                   "\"attributes\": {\"score\": 3}}");
  write_layer (f, "n.txt", "abc", "alice", alice);
  write_layer (f, "n.txt", "abc", "bob", bob);

  run (f, "agree", "--disagreements", "out.csv", "big.txt", "n.txt", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
  g_assert_cmpuint (strlen (csv), >, 256 * 1024);
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 5000 + 1 + 1);
  g_assert_true (g_str_has_suffix (lines[0], ",quote_b,attribute,value_a,value_b,relation,"
                                   "source_tag,source_start,source_end,source_quote,"
                                   "target_tag,target_start,target_end,target_quote"));
  g_assert_cmpstr (lines[1], ==, "big.txt,boundary-differs,alice,bob,claim,0,3,abc,claim,0,2,ab,,,,,,,,,,,,");
  g_assert_cmpstr (lines[5000], ==, "big.txt,boundary-differs,alice,bob,claim,19996,19999,abc,claim,19996,19998,ab,"
                   ",,,,,,,,,,,");
  g_assert_cmpstr (lines[5001], ==, "n.txt,attribute-differs,alice,bob,claim,0,3,abc,claim,0,3,abc,score,-2,3,,,,,,,,,");
  g_assert_cmpstr (lines[5002], ==, "");
  g_assert_cmpuint (count_even_rows (csv), ==, 1 + 5000 + 1);

  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_null (strstr (name, ".gloss-tmp-"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-agree/articles/disagreements", Fixture, NULL, cli_fixture_set_up,
              test_disagreements, cli_fixture_tear_down);
  g_test_add ("/cli-agree/articles/disagreements-relational", Fixture, NULL, cli_fixture_set_up,
              test_disagreements_relational, cli_fixture_tear_down);
  g_test_add ("/cli-agree/articles/disagreements-spilled", Fixture, NULL, cli_fixture_set_up,
              test_disagreements_spilled, cli_fixture_tear_down);
  g_test_add ("/cli-agree/articles/disagreements-pandas", Fixture, NULL, cli_fixture_set_up,
              test_disagreements_pandas, cli_fixture_tear_down);

  return g_test_run ();
}
