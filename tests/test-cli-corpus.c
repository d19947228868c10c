/* test-cli-corpus.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli-test-util.h"
#include "file-test-util.h"

/* A folder as a corpus through gloss-cli: status (every status, one
 * annotator, JSON read back), concordance (text with and without case
 * and word boundaries, offsets on accented and case-changing letters
 * checked against gloss-cli text, passages of a tag, CSV read back), done
 * and its undo, and the inputs that must be named, not opened or hung
 * on: named pipes, links back up the tree, broken files, empty folders. */

typedef CliFixture Fixture;

#define run cli_fixture_run

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static void
write_in (Fixture    *f,
          const char *name,
          const char *text)
{
  write_file_under (f->dir, name, text);
}

static void
annotate (Fixture    *f,
          const char *article,
          const char *annotator,
          const char *tag,
          const char *match)
{
  run (f, "annotate", article, "-a", annotator, "-t", tag, "-m", match, NULL);
  g_assert_cmpint (f->status, ==, 0);
}

/* a.txt: alice done, bob in progress; b.txt: alice not started (her file
 * has no passage), bob without a file; sub/c.txt: alice's passage moved
 * since the article changed, bob's file broken. */
static void
make_corpus (Fixture *f)
{
  write_in (f, "a.txt", "Alpha company text. Another company here.\n");
  write_in (f, "b.txt", "Beta has nothing.\n");
  write_in (f, "sub/c.txt", "Gamma company.\n");
  annotate (f, "a.txt", "alice", "company", "company");
  run (f, "done", "-a", "alice", "a.txt", NULL);
  g_assert_cmpint (f->status, ==, 0);
  annotate (f, "a.txt", "bob", "company", "Alpha");
  run (f, "done", "-a", "alice", "b.txt", NULL);
  run (f, "done", "--undo", "-a", "alice", "b.txt", NULL);
  g_assert_cmpint (f->status, ==, 0);
  annotate (f, "sub/c.txt", "alice", "company", "company");
  write_in (f, "sub/c.txt", "New first line.\nGamma company.\n");
  write_in (f, "sub/c.txt.bob.gloss.json", "{ \"gloss\": 1,");
}

/* The status column of @article's row for @annotator in a table. */
static char *
status_in_table (const char *table,
                 const char *article,
                 const char *annotator)
{
  g_auto(GStrv) lines = g_strsplit (table, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], "\t", -1);

      if (g_strv_length (cells) == 8 && strcmp (cells[0], article) == 0 &&
          strcmp (cells[1], annotator) == 0)
        return g_strdup (cells[2]);
    }

  return NULL;
}

static void
test_status_table (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *s = NULL;

  make_corpus (f);
  run (f, "status", ".", NULL);
  /* The broken file: named, the rest still reported. */
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "c.txt.bob.gloss.json"));
  g_assert_true (g_str_has_prefix (f->out, "article\tannotator\tstatus\tpassages\tmoved\torphaned\tmodified\ttitle\n"));

#define CHECK(article, annotator, expected) \
  g_free (s); s = status_in_table (f->out, article, annotator); g_assert_cmpstr (s, ==, expected)
  CHECK ("a.txt", "alice", "done");
  CHECK ("a.txt", "bob", "in-progress");
  CHECK ("b.txt", "alice", "not-started");
  CHECK ("b.txt", "bob", "not-started");
  CHECK ("sub/c.txt", "alice", "needs-attention");
  CHECK ("sub/c.txt", "bob", "needs-attention");
#undef CHECK

  g_assert_nonnull (strstr (f->out, "a.txt\talice\tdone\t2\t0\t0\t"));
  g_assert_nonnull (strstr (f->out, "sub/c.txt\talice\tneeds-attention\t1\t1\t0\t"));
  g_assert_nonnull (strstr (f->out, "b.txt\tbob\tnot-started\t0\t0\t0\t-\tBeta has nothing.\n"));
  g_assert_nonnull (strstr (f->out, "\nalice: 1 of 3 articles done (0 in progress, 1 not started, 1 need attention)\n"));
  g_assert_nonnull (strstr (f->out, "\nbob: 0 of 3 articles done (1 in progress, 1 not started, 1 need attention)\n"));

  /* One annotator: bob's rows only. */
  run (f, "status", "--annotator", "bob", ".", NULL);
  g_assert_null (strstr (f->out, "\talice\t"));
  g_assert_nonnull (strstr (f->out, "a.txt\tbob\tin-progress\t1\t"));
  g_assert_nonnull (strstr (f->out, "bob: 0 of 3 articles done"));
}

static JsonObject *
work_in_json (JsonObject *root,
              const char *article,
              const char *annotator)
{
  JsonArray *articles = json_object_get_array_member (root, "articles");

  for (guint i = 0; i < json_array_get_length (articles); i++)
    {
      JsonObject *a = json_array_get_object_element (articles, i);
      JsonArray *work = json_object_get_array_member (a, "annotators");

      if (strcmp (json_object_get_string_member (a, "article"), article) != 0)
        continue;
      for (guint k = 0; k < json_array_get_length (work); k++)
        {
          JsonObject *w = json_array_get_object_element (work, k);

          if (strcmp (json_object_get_string_member (w, "annotator"), annotator) == 0)
            return w;
        }
    }

  return NULL;
}

static void
test_status_json (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *w, *summary;
  JsonArray *problems;

  make_corpus (f);
  run (f, "status", "--json", ".", NULL);
  g_assert_cmpint (f->status, ==, 1);
  json_parser_load_from_data (parser, f->out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "articles")), ==, 3);

  w = work_in_json (root, "a.txt", "alice");
  g_assert_cmpstr (json_object_get_string_member (w, "status"), ==, "done");
  g_assert_cmpint (json_object_get_int_member (w, "passages"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (w, "file"), ==, "a.txt.alice.gloss.json");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (w, "done_at"), "Z"));
  g_assert_true (g_str_has_suffix (json_object_get_string_member (w, "modified"), "Z"));
  w = work_in_json (root, "b.txt", "bob");
  g_assert_cmpstr (json_object_get_string_member (w, "status"), ==, "not-started");
  g_assert_true (json_object_get_null_member (w, "file"));
  g_assert_true (json_object_get_null_member (w, "modified"));
  w = work_in_json (root, "sub/c.txt", "alice");
  g_assert_cmpint (json_object_get_int_member (w, "moved"), ==, 1);
  g_assert_nonnull (strstr (json_object_get_string_member (w, "reason"), "1 passage moved"));
  w = work_in_json (root, "sub/c.txt", "bob");
  g_assert_cmpstr (json_object_get_string_member (w, "status"), ==, "needs-attention");
  g_assert_nonnull (strstr (json_object_get_string_member (w, "reason"), "c.txt.bob.gloss.json"));

  problems = json_object_get_array_member (root, "problems");
  g_assert_cmpuint (json_array_get_length (problems), ==, 1);
  g_assert_nonnull (strstr (json_array_get_string_element (problems, 0), "c.txt.bob.gloss.json"));

  summary = json_array_get_object_element (json_object_get_array_member (root, "summary"), 0);
  g_assert_cmpstr (json_object_get_string_member (summary, "annotator"), ==, "alice");
  g_assert_cmpint (json_object_get_int_member (summary, "done"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (summary, "articles"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (summary, "not-started"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (summary, "needs-attention"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (summary, "in-progress"), ==, 0);
}

static void
test_status_bad_inputs (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *fifo = path_in (f, "sub/pipe.txt");
  g_autofree char *loop = path_in (f, "sub/back");
  g_autofree char *empty = path_in (f, "empty");

  write_in (f, "a.txt", "Alpha company text.\n");
  write_in (f, "sub/b.txt", "Beta.\n");
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("..", loop), ==, 0);
  /* A text that is not text, with a file beside it. */
  {
    g_autofree char *bin = path_in (f, "bin.txt");

    g_assert_true (g_file_set_contents (bin, "\0\1\2", 3, NULL));
  }

  /* The pipe and the loop are named; nothing hangs (the test's timeout
   * would); the other articles are still reported. */
  run (f, "status", ".", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "pipe.txt” is a named pipe"));
  g_assert_nonnull (strstr (f->err, "back” leads to a folder already scanned"));
  g_assert_nonnull (strstr (f->err, "bin.txt"));
  g_assert_nonnull (strstr (f->out, "a.txt\t-\tnot-started\t"));

  g_mkdir (empty, 0755);
  run (f, "status", "empty", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "“empty” holds no article"));
  g_assert_cmpstr (f->out, ==, "");
  run (f, "status", "--json", "empty", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_true (g_str_has_prefix (f->out, "{\n  \"articles\": [],\n  \"summary\": [],\n  \"problems\": [\n    \"“empty” holds no article"));

  run (f, "status", "missing", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "“missing”: no such file"));

  run (f, "status", "sub/pipe.txt", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "neither a folder nor a regular file"));

  run (f, "status", NULL);
  g_assert_cmpint (f->status, ==, 2);
}

/* The rows of @table whose assigned column is "yes", as "article
 * annotator status". */
static char *
assigned_rows (const char *table)
{
  g_auto(GStrv) lines = g_strsplit (table, "\n", -1);
  g_autoptr(GString) rows = g_string_new (NULL);

  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (cells), ==, 9);
      if (strcmp (cells[2], "yes") == 0)
        g_string_append_printf (rows, "%s %s %s\n", cells[0], cells[1], cells[3]);
    }
  return g_string_free (g_steal_pointer (&rows), FALSE);
}

/* gloss-assignments.csv: an assigned column, the summary of what is
 * assigned, --assigned, the JSON, a line naming no article warned of,
 * and a malformed file or a pipe stopping the command. */
static void
test_status_assigned (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *csv = path_in (f, "gloss-assignments.csv");
  JsonObject *root, *summary, *assigned;

  make_corpus (f);
  /* Without the file, --assigned lists everything, and says so. */
  run (f, "status", "--assigned", ".", NULL);
  g_assert_nonnull (strstr (f->err, "--assigned: no folder given holds gloss-assignments.csv"));
  g_assert_true (g_str_has_prefix (f->out, "article\tannotator\tstatus\t"));
  g_assert_nonnull (strstr (f->out, "b.txt\tbob\tnot-started\t"));

  write_in (f, "gloss-assignments.csv",
            "\xef\xbb\xbf" "Annotator,Article,note\r\n"
            "alice,a.txt,\"first, then\"\r\n"
            "alice,b.txt,\r\n"
            "carol,a.txt,\r\n"
            "bob,missing.txt,\r\n"
            "alice,a.txt,twice\r\n");
  run (f, "status", ".", NULL);
  /* The broken file of make_corpus; the line without its article is
   * only a warning. */
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "gloss-assignments.csv, line 5: “missing.txt” is not an article of the folder"));
  g_assert_true (g_str_has_prefix (f->out, "article\tannotator\tassigned\tstatus\tpassages\t"));
  g_assert_nonnull (strstr (f->out, "\nsub/c.txt\talice\tno\tneeds-attention\t1\t1\t0\t"));
  rows = assigned_rows (f->out);
  /* Carol, assigned without a file yet, has her rows. */
  g_assert_cmpstr (rows, ==, "a.txt alice done\na.txt carol not-started\nb.txt alice not-started\n");
  g_assert_nonnull (strstr (f->out, "\nalice: 1 of 2 assigned done (0 in progress, 1 not started, 0 need attention); "
                                    "1 of 3 articles done in all\n"));
  g_assert_nonnull (strstr (f->out, "\nbob: 0 of 0 assigned done (0 in progress, 0 not started, 0 need attention); "
                                    "0 of 3 articles done in all\n"));
  g_assert_nonnull (strstr (f->out, "\ncarol: 0 of 1 assigned done"));

  /* Only the assigned rows. */
  run (f, "status", "--assigned", ".", NULL);
  g_assert_null (strstr (f->out, "\tno\t"));
  g_free (rows);
  rows = assigned_rows (f->out);
  g_assert_cmpstr (rows, ==, "a.txt alice done\na.txt carol not-started\nb.txt alice not-started\n");

  run (f, "status", "--json", "--assigned", ".", NULL);
  json_parser_load_from_data (parser, f->out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "articles")), ==, 2);
  g_assert_true (json_object_get_boolean_member (work_in_json (root, "a.txt", "alice"), "assigned"));
  g_assert_null (work_in_json (root, "a.txt", "bob"));
  summary = json_array_get_object_element (json_object_get_array_member (root, "summary"), 0);
  g_assert_cmpstr (json_object_get_string_member (summary, "annotator"), ==, "alice");
  assigned = json_object_get_object_member (summary, "assigned");
  g_assert_cmpint (json_object_get_int_member (assigned, "articles"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (assigned, "done"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (summary, "articles"), ==, 3);

  /* A header alone: nothing is assigned to anyone. */
  write_in (f, "gloss-assignments.csv", "article,annotator\n");
  run (f, "status", "--assigned", ".", NULL);
  g_assert_true (g_str_has_prefix (f->out, "article\tannotator\tassigned\tstatus\t"));
  g_assert_nonnull (strstr (f->out, "\nalice: 0 of 0 assigned done"));
  g_free (rows);
  rows = assigned_rows (f->out);
  g_assert_cmpstr (rows, ==, "");

  /* A malformed line stops the command, naming the file and the line. */
  write_in (f, "gloss-assignments.csv", "article,annotator\na.txt,alice\nb.txt,Alice Moreau\n");
  run (f, "status", ".", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "gloss-assignments.csv, line 3: “Alice Moreau” is not an annotator id"));
  g_assert_cmpstr (f->out, ==, "");

  /* A pipe in its place is refused, never waited on. */
  g_assert_cmpint (g_unlink (csv), ==, 0);
  g_assert_cmpint (mkfifo (csv, 0600), ==, 0);
  run (f, "status", ".", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "gloss-assignments.csv” is not a regular file"));
}

static const char french[] =
  "Élan et ÉLAN. La STRAẞE, la straße et İstanbul; les élans de l’élan.\n";

/* The start, end and match columns of each row of a table. */
static GPtrArray *
rows_of (const char *table)
{
  g_auto(GStrv) lines = g_strsplit (table, "\n", -1);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      GStrv cells = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (cells), ==, 8);
      g_ptr_array_add (rows, cells);
    }

  return rows;
}

/* Each row's match is the text at its offsets in what gloss-cli text
 * prints, its contexts what lies around it. */
static void
check_offsets (Fixture    *f,
               GPtrArray  *rows,
               const char *text,
               guint       context)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GStrv cells = g_ptr_array_index (rows, i);
      glong start = g_ascii_strtoll (cells[1], NULL, 10);
      glong end = g_ascii_strtoll (cells[2], NULL, 10);
      g_autofree char *match = g_utf8_substring (text, start, end);
      g_autofree char *left = g_utf8_substring (text, MAX (0, start - (glong) context), start);

      g_assert_cmpstr (cells[4], ==, match);
      g_assert_cmpstr (cells[3], ==, left);
    }
}

static void
test_concordance_match (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GStrv cells;

  write_in (f, "fr.txt", french);
  run (f, "text", "fr.txt", NULL);
  g_assert_cmpint (f->status, ==, 0);
  text = g_strdup (f->out);

  /* Whatever the case, on letters of two bytes. */
  run (f, "concordance", "--match", "élan", "--context", "5", ".", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "article\tstart\tend\tleft\tmatch\tright\ttag\tannotator\n"));
  rows = rows_of (f->out);
  g_assert_cmpuint (rows->len, ==, 4);
  check_offsets (f, rows, text, 5);
  cells = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (cells[0], ==, "fr.txt");
  g_assert_cmpstr (cells[1], ==, "0");
  g_assert_cmpstr (cells[2], ==, "4");
  g_assert_cmpstr (cells[4], ==, "Élan");
  g_assert_cmpstr (cells[5], ==, " et É");
  g_clear_pointer (&rows, g_ptr_array_unref);

  run (f, "concordance", "--match", "élan", "--match-case", ".", NULL);
  rows = rows_of (f->out);
  g_assert_cmpuint (rows->len, ==, 2);
  check_offsets (f, rows, text, 40);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* "élans" holds "élan" but is another word. */
  run (f, "concordance", "--match", "élan", "--whole-words", ".", NULL);
  rows = rows_of (f->out);
  g_assert_cmpuint (rows->len, ==, 3);
  check_offsets (f, rows, text, 40);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* ẞ and ß fold one to one, so offsets after them stay exact. */
  run (f, "concordance", "--match", "straße", ".", NULL);
  rows = rows_of (f->out);
  g_assert_cmpuint (rows->len, ==, 2);
  check_offsets (f, rows, text, 40);
  g_assert_cmpstr (((GStrv) g_ptr_array_index (rows, 0))[4], ==, "STRAẞE");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* İ folds to i without a combining dot taking a character. */
  run (f, "concordance", "--match", "istanbul;", "--context", "3", ".", NULL);
  rows = rows_of (f->out);
  g_assert_cmpuint (rows->len, ==, 1);
  check_offsets (f, rows, text, 3);
  g_assert_cmpstr (((GStrv) g_ptr_array_index (rows, 0))[4], ==, "İstanbul;");
  g_clear_pointer (&rows, g_ptr_array_unref);

  run (f, "concordance", "--match", "absent", ".", NULL);
  g_assert_cmpint (f->status, ==, 0);
  rows = rows_of (f->out);
  g_assert_cmpuint (rows->len, ==, 0);

  run (f, "concordance", "--match", "a", "--tag", "company", ".", NULL);
  g_assert_cmpint (f->status, ==, 2);
  run (f, "concordance", "--match", "a", "--annotator", "alice", ".", NULL);
  g_assert_cmpint (f->status, ==, 2);
}

static void
test_concordance_tag (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  GStrv cells;

  write_in (f, "a.txt", "Acme met Bolt. Then Acme left.\n");
  annotate (f, "a.txt", "alice", "company", "Acme");
  annotate (f, "a.txt", "bob", "company", "Bolt");
  annotate (f, "a.txt", "bob", "claim", "Then");

  run (f, "concordance", "--tag", "company", "--context", "4", ".", NULL);
  g_assert_cmpint (f->status, ==, 0);
  rows = rows_of (f->out);
  g_assert_cmpuint (rows->len, ==, 3);
  cells = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (cells[1], ==, "0");
  g_assert_cmpstr (cells[4], ==, "Acme");
  g_assert_cmpstr (cells[5], ==, " met");
  g_assert_cmpstr (cells[6], ==, "company");
  g_assert_cmpstr (cells[7], ==, "alice");
  cells = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (cells[4], ==, "Bolt");
  g_assert_cmpstr (cells[7], ==, "bob");
  g_clear_pointer (&rows, g_ptr_array_unref);

  run (f, "concordance", "--tag", "company", "--annotator", "bob", ".", NULL);
  rows = rows_of (f->out);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (((GStrv) g_ptr_array_index (rows, 0))[4], ==, "Bolt");
}

/* Splits CSV as RFC 4180 reads it: records of fields, quotes doubled. */
static GPtrArray *
parse_csv (const char *csv)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *record = NULL;
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = csv; *p; p++)
    {
      if (record == NULL)
        record = g_ptr_array_new_with_free_func (g_free);
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (field, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ',')
        {
          g_ptr_array_add (record, g_strdup (field->str));
          g_string_truncate (field, 0);
        }
      else if (*p == '\r' && p[1] == '\n')
        {
          p++;
          g_ptr_array_add (record, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (records, g_steal_pointer (&record));
        }
      else
        g_string_append_c (field, *p);
    }
  g_assert_null (record);
  g_string_free (field, TRUE);
  return records;
}

static void
test_concordance_csv (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) records = NULL;
  GPtrArray *r;

  write_in (f, "a.txt", "Cost: =SUM(A1) \"quoted\",\nnext line =SUM(B2)\n");
  run (f, "concordance", "--csv", "--match", "=sum(", "--context", "13", ".", NULL);
  g_assert_cmpint (f->status, ==, 0);
  records = parse_csv (f->out);
  g_assert_cmpuint (records->len, ==, 3);
  r = g_ptr_array_index (records, 0);
  g_assert_cmpuint (r->len, ==, 8);
  g_assert_cmpstr (g_ptr_array_index (r, 4), ==, "match");
  r = g_ptr_array_index (records, 1);
  g_assert_cmpstr (g_ptr_array_index (r, 1), ==, "6");
  g_assert_cmpstr (g_ptr_array_index (r, 2), ==, "11");
  /* A cell a spreadsheet would run as a formula is guarded. */
  g_assert_cmpstr (g_ptr_array_index (r, 4), ==, "'=SUM(");
  g_assert_cmpstr (g_ptr_array_index (r, 5), ==, "A1) \"quoted\",");
  r = g_ptr_array_index (records, 2);
  g_assert_cmpstr (g_ptr_array_index (r, 3), ==, "\",\nnext line ");
  g_assert_cmpstr (g_ptr_array_index (r, 4), ==, "'=SUM(");
}

static void
test_done (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *file = path_in (f, "a.txt.alice.gloss.json");
  g_autofree char *plain = NULL;
  g_autofree char *marked = NULL;
  g_autofree char *back = NULL;
  g_autofree char *s = NULL;

  write_in (f, "a.txt", "Alpha company text.\n");
  annotate (f, "a.txt", "alice", "company", "company");
  plain = read_file (file);
  g_assert_null (strstr (plain, "\"done\""));

  /* A file without the mark, as every older file: not done. */
  run (f, "status", ".", NULL);
  s = status_in_table (f->out, "a.txt", "alice");
  g_assert_cmpstr (s, ==, "in-progress");

  run (f, "done", "-a", "alice", "a.txt", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "Marked "));
  marked = read_file (file);
  g_assert_nonnull (strstr (marked, ",\n  \"done\": {\n    \"at\": \"20"));
  g_assert_nonnull (strstr (marked, "\"quote\": \"company\""));
  g_free (s);
  run (f, "status", ".", NULL);
  s = status_in_table (f->out, "a.txt", "alice");
  g_assert_cmpstr (s, ==, "done");

  /* Again: nothing to write. */
  run (f, "done", "-a", "alice", "a.txt", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "already marked done"));

  run (f, "done", "--undo", "-a", "alice", "a.txt", NULL);
  g_assert_cmpint (f->status, ==, 0);
  back = read_file (file);
  g_assert_cmpstr (back, ==, plain);

  /* No file: done makes one, with no passage; --undo makes none. */
  write_in (f, "b.txt", "Nothing to tag.\n");
  run (f, "done", "--undo", "-a", "carol", "b.txt", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "was not marked done"));
  {
    g_autofree char *carol = path_in (f, "b.txt.carol.gloss.json");

    g_assert_false (g_file_test (carol, G_FILE_TEST_EXISTS));
    run (f, "done", "-a", "carol", "b.txt", NULL);
    g_assert_cmpint (f->status, ==, 0);
    g_assert_true (g_file_test (carol, G_FILE_TEST_EXISTS));
  }
  g_free (s);
  run (f, "status", "-a", "carol", ".", NULL);
  s = status_in_table (f->out, "b.txt", "carol");
  g_assert_cmpstr (s, ==, "done");
}

/* done while annotate runs on the same file again and again: every
 * passage and the mark survive, whoever saves last, since each writer
 * applies its change to the file as the other left it. */
static void
test_done_concurrent (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *article = path_in (f, "a.txt");
  g_autofree char *file = path_in (f, "a.txt.alice.gloss.json");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) writers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) spans = NULL;
  g_autofree char *saved = NULL;
  const guint n = 12;

  for (guint i = 0; i < n; i++)
    g_string_append (text, "Word ");
  write_file (article, text->str);
  annotate (f, "a.txt", "alice", "claim", "Word");

  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (writers, spawn_cli_annotate (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, article,
                                                    "alice", 5 * i, 5 * i + 2));
      if (i == n / 2)
        {
          run (f, "done", "-a", "alice", "a.txt", NULL);
          g_assert_cmpint (f->status, ==, 0);
        }
    }
  for (guint i = 0; i < writers->len; i++)
    g_assert_cmpint (wait_for_cli (g_ptr_array_index (writers, i), NULL, NULL), ==, 0);

  spans = read_spans (file, FALSE);
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (has_span (spans, 5 * i, 5 * i + 4));
      g_assert_true (has_span (spans, 5 * i, 5 * i + 2));
    }
  saved = read_file (file);
  g_assert_nonnull (strstr (saved, "\"done\": {"));
}

static void
test_done_bad_inputs (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *fifo = path_in (f, "pipe.txt");
  g_autofree char *broken = path_in (f, "b.txt.alice.gloss.json");
  g_autofree char *after = NULL;

  write_in (f, "a.txt", "Alpha.\n");
  write_in (f, "b.txt", "Beta.\n");
  write_file (broken, "{ \"gloss\": 1,");
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  /* The good article is marked; the others are named. */
  run (f, "done", "-a", "alice", "pipe.txt", "b.txt", "a.txt", "missing.txt", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "“pipe.txt” is not an article"));
  g_assert_nonnull (strstr (f->err, "“missing.txt” is not an article"));
  g_assert_nonnull (strstr (f->err, "b.txt.alice.gloss.json"));
  g_assert_nonnull (strstr (f->out, "a.txt.alice.gloss.json done"));
  after = read_file (broken);
  g_assert_cmpstr (after, ==, "{ \"gloss\": 1,");

  run (f, "done", "-a", "alice", "a.txt.alice.gloss.json", NULL);
  g_assert_cmpint (f->status, ==, 2);
  run (f, "done", "-a", "Alice Smith", "a.txt", NULL);
  g_assert_cmpint (f->status, ==, 2);
  run (f, "done", "a.txt", NULL);
  g_assert_cmpint (f->status, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-corpus/status/table", Fixture, NULL, cli_fixture_set_up, test_status_table,
              cli_fixture_tear_down);
  g_test_add ("/cli-corpus/status/json", Fixture, NULL, cli_fixture_set_up, test_status_json,
              cli_fixture_tear_down);
  g_test_add ("/cli-corpus/status/assigned", Fixture, NULL, cli_fixture_set_up, test_status_assigned,
              cli_fixture_tear_down);
  g_test_add ("/cli-corpus/status/bad-inputs", Fixture, NULL, cli_fixture_set_up,
              test_status_bad_inputs, cli_fixture_tear_down);
  g_test_add ("/cli-corpus/concordance/match", Fixture, NULL, cli_fixture_set_up,
              test_concordance_match, cli_fixture_tear_down);
  g_test_add ("/cli-corpus/concordance/tag", Fixture, NULL, cli_fixture_set_up,
              test_concordance_tag, cli_fixture_tear_down);
  g_test_add ("/cli-corpus/concordance/csv", Fixture, NULL, cli_fixture_set_up,
              test_concordance_csv, cli_fixture_tear_down);
  g_test_add ("/cli-corpus/done/mark-and-undo", Fixture, NULL, cli_fixture_set_up, test_done,
              cli_fixture_tear_down);
  g_test_add ("/cli-corpus/done/concurrent", Fixture, NULL, cli_fixture_set_up, test_done_concurrent,
              cli_fixture_tear_down);
  g_test_add ("/cli-corpus/done/bad-inputs", Fixture, NULL, cli_fixture_set_up, test_done_bad_inputs,
              cli_fixture_tear_down);

  return g_test_run ();
}
