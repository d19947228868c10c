/* test-cli-relations.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-test-util.h"
#include "file-test-util.h"

/* gloss-cli annotate --attr, link, list --relations and validate, run as
 * a user would on the default codebook: a claim, who said it and whom it
 * is about. */

/* "MIT Technology Review" is 11–32, the claim 35–90, "Jeff Bezos" 47–57. */
#define ARTICLE \
  "D'après la MIT Technology Review, le groupe de Jeff Bezos serait sur le point de s'imposer.\n"

#define TRY(command) "Try “gloss-cli " command " --help” for more information.\n"

#define RUN(f, ...) cli_fixture_run (f, __VA_ARGS__, NULL)

static void
set_up (CliFixture    *f,
        gconstpointer  data)
{
  cli_fixture_set_up (f, data);
  write_file_under (f->dir, "a.txt", ARTICLE);
}

/* The id of alice's annotation that starts at @start, from list --json. */
static char *
id_at (CliFixture *f,
       guint       start)
{
  return cli_annotation_id_at (f->dir, "a.txt", "alice", start);
}

static void
annotate_three (CliFixture *f)
{
  g_assert_cmpint (RUN (f, "annotate", "-a", "alice", "-t", "claim", "-s", "35", "-e", "90",
                        "--attr", "verdict=misleading", "a.txt"), ==, 0);
  g_assert_cmpint (RUN (f, "annotate", "-a", "alice", "-t", "company", "-s", "11", "-e", "32",
                        "a.txt"), ==, 0);
  g_assert_cmpint (RUN (f, "annotate", "-a", "alice", "-t", "company", "-s", "47", "-e", "57",
                        "a.txt"), ==, 0);
}

static void
test_annotate_attr (CliFixture    *f,
                    gconstpointer  data)
{
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *claim = NULL;
  JsonArray *rows;

  annotate_three (f);
  path = g_build_filename (f->dir, "a.txt.alice.gloss.json", NULL);
  file = read_file (path);
  g_assert_nonnull (strstr (file, "      \"attributes\": {\n        \"verdict\": \"misleading\"\n      }\n"));

  /* list --json gives them. */
  g_assert_cmpint (RUN (f, "list", "--json", "a.txt"), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, f->out, -1, NULL));
  rows = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (rows); i++)
    if (strcmp (json_object_get_string_member (json_array_get_object_element (rows, i), "tag"), "claim") == 0)
      claim = json_array_get_object_element (rows, i);
  g_assert_nonnull (claim);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (claim, "attributes"),
                                                  "verdict"), ==, "misleading");

  /* On a passage already there, --attr changes its attributes. */
  g_assert_cmpint (RUN (f, "annotate", "-a", "alice", "-t", "claim", "-s", "35", "-e", "90",
                        "--attr", "verdict=false", "a.txt"), ==, 0);
  g_assert_nonnull (strstr (f->out, "Set the attributes of 1 annotation that was there already"));
  g_free (file);
  file = read_file (path);
  g_assert_nonnull (strstr (file, "\"verdict\": \"false\""));

  /* What the codebook does not allow is refused before anything is written. */
  g_assert_cmpint (RUN (f, "annotate", "-a", "alice", "-t", "claim", "-s", "0", "-e", "7",
                        "--attr", "verdict=maybe", "a.txt"), ==, 2);
  g_assert_cmpstr (f->err, ==,
                   "gloss-cli annotate: “maybe” is not a value of the attribute “verdict” "
                   "(its values are: true, false, misleading, unverifiable)\n" TRY ("annotate"));
  g_assert_cmpint (RUN (f, "annotate", "-a", "alice", "-t", "company", "-s", "0", "-e", "7",
                        "--attr", "verdict=true", "a.txt"), ==, 2);
  g_assert_nonnull (strstr (f->err, "the attribute “verdict” is not one of passages tagged “company”"));
  g_assert_cmpint (RUN (f, "annotate", "-a", "alice", "-t", "claim", "-s", "0", "-e", "7",
                        "--attr", "stance=pro", "a.txt"), ==, 2);
  g_assert_nonnull (strstr (f->err, "the codebook has no attribute “stance”"));
  g_assert_cmpint (RUN (f, "annotate", "-a", "alice", "-t", "claim", "-s", "0", "-e", "7",
                        "--attr", "verdict", "a.txt"), ==, 2);
  g_assert_nonnull (strstr (f->err, "--attr takes KEY=VALUE, not “verdict”"));
  g_assert_cmpint (RUN (f, "list", "a.txt"), ==, 0);
  g_assert_null (strstr (f->out, "\t0\t7\t"));
}

static void
test_link (CliFixture    *f,
           gconstpointer  data)
{
  g_autofree char *claim = NULL;
  g_autofree char *mit = NULL;
  g_autofree char *bezos = NULL;
  g_autofree char *id = NULL;
  g_autofree char *row = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *relation;

  annotate_three (f);
  claim = id_at (f, 35);
  mit = id_at (f, 11);
  bezos = id_at (f, 47);

  /* The new relation's id, alone on stdout. */
  g_assert_cmpint (RUN (f, "link", "--annotator", "alice", "--type", "said-by", "--from", claim,
                        "--to", mit, "--note", "the source", "a.txt"), ==, 0);
  g_assert_cmpuint (strlen (f->out), ==, 37);
  g_assert_true (g_uuid_string_is_valid (g_strstrip (f->out)));
  id = g_strdup (f->out);
  g_assert_cmpstr (f->err, ==, "");

  /* Twice: the same id, nothing written. */
  g_assert_cmpint (RUN (f, "link", "-a", "alice", "-t", "said-by", "-f", claim, "--to", mit,
                        "a.txt"), ==, 0);
  g_assert_cmpstr (g_strstrip (f->out), ==, id);
  g_assert_nonnull (strstr (f->err, "already has this relation; nothing was written"));

  g_assert_cmpint (RUN (f, "link", "-a", "alice", "-t", "about", "-f", claim, "--to", bezos,
                        "a.txt"), ==, 0);

  /* What the codebook does not allow. */
  g_assert_cmpint (RUN (f, "link", "-a", "alice", "-t", "said-by", "-f", mit, "--to", claim,
                        "a.txt"), ==, 1);
  g_assert_nonnull (strstr (f->err, "a.txt.alice.gloss.json"));
  g_assert_nonnull (strstr (f->err, "a relation “said-by” may not go from a passage tagged “company” "
                                    "to one tagged “claim”"));
  g_assert_cmpint (RUN (f, "link", "-a", "alice", "-t", "quotes", "-f", claim, "--to", mit,
                        "a.txt"), ==, 2);
  g_assert_cmpstr (f->err, ==, "gloss-cli link: the codebook has no relation type “quotes”; "
                               "it has: said-by, about\n" TRY ("link"));
  g_assert_cmpint (RUN (f, "link", "-a", "alice", "-t", "about", "-f", claim, "--to", "nope",
                        "a.txt"), ==, 1);
  g_assert_nonnull (strstr (f->err, "has no annotation “nope”"));
  g_assert_cmpint (RUN (f, "link", "-a", "bob", "-t", "about", "-f", claim, "--to", mit,
                        "a.txt"), ==, 1);
  g_assert_nonnull (strstr (f->err, "a.txt.bob.gloss.json” does not exist"));
  g_assert_cmpint (RUN (f, "link", "-a", "alice", "-t", "about", "-f", claim, "a.txt"), ==, 2);
  g_assert_cmpint (RUN (f, "link", "-a", "alice", "-t", "about", "-f", claim, "--to", claim,
                        "a.txt"), ==, 2);

  /* list --relations, as a table and as JSON. */
  g_assert_cmpint (RUN (f, "list", "--relations", "a.txt"), ==, 0);
  row = g_strdup_printf ("alice\t%s\tsaid-by\t%s\t%s\tok\tthe source\n", id, claim, mit);
  g_assert_true (g_str_has_prefix (f->out, "annotator\tid\ttype\tsource\ttarget\tstatus\tnote\n"));
  g_assert_nonnull (strstr (f->out, row));
  g_assert_cmpint (RUN (f, "list", "--relations", "--json", "a.txt"), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, f->out, -1, NULL));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      relation = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), i);
      if (strcmp (json_object_get_string_member (relation, "id"), id) == 0)
        {
          g_assert_cmpstr (json_object_get_string_member (relation, "type"), ==, "said-by");
          g_assert_cmpstr (json_object_get_string_member (relation, "source"), ==, claim);
          g_assert_false (json_object_get_boolean_member (relation, "needs_attention"));
        }
    }

  g_assert_cmpint (RUN (f, "validate", "a.txt"), ==, 0);

  /* Deleting the claim deletes its relations. */
  g_assert_cmpint (RUN (f, "delete", "-a", "alice", "--id", claim, "a.txt"), ==, 0);
  g_assert_cmpint (RUN (f, "list", "--relations", "a.txt"), ==, 0);
  g_assert_cmpstr (f->out, ==, "annotator\tid\ttype\tsource\ttarget\tstatus\tnote\n");
}

/* A codebook of the folder with defaults: new passages get them, unless
 * --attr gives another value. */
static void
test_annotate_defaults (CliFixture    *f,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "a.txt.alice.gloss.json", NULL);
  g_autofree char *text = NULL;

  write_file_under (f->dir, "gloss-codebook.json",
                    "{ \"gloss_codebook\": 1,"
                    " \"tags\": [ { \"id\": \"claim\", \"color\": \"#9141ac\" } ],"
                    " \"attributes\": [ { \"id\": \"checked\", \"tags\": [\"claim\"],"
                    " \"kind\": \"boolean\", \"default\": false },"
                    " { \"id\": \"weight\", \"kind\": \"number\", \"default\": 1 } ] }");
  g_assert_cmpint (RUN (f, "annotate", "-a", "alice", "-t", "claim", "-s", "35", "-e", "90",
                        "--attr", "weight=2.5", "a.txt"), ==, 0);
  text = read_file (path);
  g_assert_nonnull (strstr (text, "      \"attributes\": {\n        \"checked\": false,\n"
                                  "        \"weight\": 2.5\n      }\n"));
  g_assert_cmpint (RUN (f, "annotate", "-a", "alice", "-t", "claim", "-s", "0", "-e", "7",
                        "--attr", "checked=yes", "a.txt"), ==, 0);
  g_free (text);
  text = read_file (path);
  g_assert_nonnull (strstr (text, "\"checked\": true,\n        \"weight\": 1\n"));
  g_assert_cmpint (RUN (f, "annotate", "-a", "alice", "-t", "claim", "-s", "0", "-e", "7",
                        "--attr", "weight=heavy", "a.txt"), ==, 2);
  g_assert_nonnull (strstr (f->err, "the attribute “weight” takes a number"));
}

/* A file edited by hand: validate names each problem. */
static void
test_validate (CliFixture    *f,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "a.txt.alice.gloss.json", NULL);
  g_autofree char *claim = NULL;
  g_autofree char *text = NULL;
  GString *edited;

  annotate_three (f);
  claim = id_at (f, 35);
  text = read_file (path);
  edited = g_string_new (text);
  g_string_replace (edited, "\"verdict\": \"misleading\"", "\"verdict\": \"maybe\"", 1);
  g_string_truncate (edited, edited->len - 4);
  g_string_append_printf (edited,
                          "\n  ],\n  \"relations\": [\n"
                          "    { \"id\": \"r1\", \"type\": \"about\", \"source\": \"%s\", \"target\": \"gone\" },\n"
                          "    { \"id\": \"r2\", \"type\": \"quotes\", \"source\": \"%s\", \"target\": \"%s\" }\n"
                          "  ]\n}\n", claim, claim, claim);
  write_file (path, edited->str);
  g_string_free (edited, TRUE);

  g_assert_cmpint (RUN (f, "validate", "a.txt"), ==, 1);
  g_assert_nonnull (strstr (f->out, "“maybe” is not a value of the attribute “verdict”"));
  g_assert_nonnull (strstr (f->out, "1 relation needs attention"));
  g_assert_nonnull (strstr (f->out, "relation “r1” links “gone”, which is not an annotation of the file"));
  g_assert_nonnull (strstr (f->out, "relation “r2”: the codebook has no relation type “quotes”"));

  /* status counts the relation that needs attention. */
  g_assert_cmpint (RUN (f, "status", "--json", "."), ==, 0);
  g_assert_nonnull (strstr (f->out, "\"relations_needing_attention\": 1"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-relations/annotate-attr", CliFixture, NULL, set_up, test_annotate_attr,
              cli_fixture_tear_down);
  g_test_add ("/cli-relations/annotate-defaults", CliFixture, NULL, set_up, test_annotate_defaults,
              cli_fixture_tear_down);
  g_test_add ("/cli-relations/link", CliFixture, NULL, set_up, test_link, cli_fixture_tear_down);
  g_test_add ("/cli-relations/validate", CliFixture, NULL, set_up, test_validate,
              cli_fixture_tear_down);

  return g_test_run ();
}
