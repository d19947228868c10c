/* test-conll-columns.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "cli-test-util.h"
#include "format-test-util.h"
#include "gloss-annotation-file.h"
#include "gloss-export.h"

/* CoNLL with annotators side by side (gloss-cli export --format conll
 * --side-by-side, gloss_exporter_set_annotator_columns()): a tag column
 * per annotator on the same tokens, each column what the two-column
 * export writes for its annotator, the columns named on the first line;
 * read back by check-conll.py --columns and NLTK's ConllCorpusReader. */

#define DOCSTART "-DOCSTART- -X- O O\n\n"

/* "Acme Corp" 0–9, "Zenith" 31–37, "Zenith Ltd" 31–41, "today" 42–47. */
#define ARTICLE "Acme Corp signed the deal with Zenith Ltd today. It is big.\n"

/* bob: "Zenith Ltd" and, inside it, "Zenith" (an overlap: the outer one
 * is kept), "Acme Corp"; eve: "Zenith", "today. It" across a sentence end. */
static char *
make_article (Fixture    *f,
              const char *name)
{
  char *path = fixture_write (f, name, ARTICLE);

  annotate_text (path, "bob", "company", "Zenith Ltd", NULL);
  annotate_text (path, "bob", "claim", "Zenith", NULL);
  annotate_text (path, "bob", "company", "Acme Corp", NULL);
  annotate_text (path, "eve", "company", "Zenith", NULL);
  annotate_text (path, "eve", "claim", "today. It", NULL);
  return path;
}

static const char * const bob_eve[] = { "bob", "eve", NULL };

static void
set_bob_eve (GlossExporter *exporter)
{
  gloss_exporter_set_annotator_columns (exporter, bob_eve);
}

static void
set_bob (GlossExporter *exporter)
{
  static const char * const bob[] = { "bob", NULL };

  gloss_exporter_set_annotators (exporter, bob);
}

static void
set_eve (GlossExporter *exporter)
{
  static const char * const eve[] = { "eve", NULL };

  gloss_exporter_set_annotators (exporter, eve);
}

/* The tags of the column @index (from 1) of the lines of @conll that hold
 * a token, one a line. */
static char *
column_tags (const char *conll,
             guint       index)
{
  g_auto(GStrv) lines = g_strsplit (conll, "\n", -1);
  g_autoptr(GString) tags = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      if (g_strv_length (fields) > index)
        g_string_append_printf (tags, "%s\n", fields[index]);
    }

  return g_string_free (g_steal_pointer (&tags), FALSE);
}

/* The exact layout: the columns named, one -DOCSTART-, a tag per column,
 * no sentence end inside eve's passage across "today. It". */
static void
test_layout (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = make_article (f, "a.txt");
  g_autofree char *warnings = NULL;
  g_autofree char *out = export_to_string (gloss_format_lookup ("conll"), set_bob_eve, &warnings,
                                           path, NULL);

  g_assert_cmpstr (out, ==,
                   "# global.columns = TOKEN bob eve\n"
                   DOCSTART
                   "Acme\tB-company\tO\nCorp\tI-company\tO\nsigned\tO\tO\nthe\tO\tO\n"
                   "deal\tO\tO\nwith\tO\tO\nZenith\tB-company\tB-company\nLtd\tI-company\tO\n"
                   "today\tO\tB-claim\n.\tO\tI-claim\nIt\tO\tI-claim\nis\tO\tO\nbig\tO\tO\n"
                   ".\tO\tO\n\n");
  g_assert_cmpstr (warnings, ==,
                   "a.txt (bob): 1 overlapping annotation left out of the CoNLL column\n");
}

/* Each column holds what the two-column export writes for its annotator,
 * the same rule leaving out the same overlap. */
static void
test_same_as_single (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = make_article (f, "a.txt");
  g_autofree char *both = export_to_string (gloss_format_lookup ("conll"), set_bob_eve, NULL,
                                            path, NULL);
  g_autofree char *bob = export_to_string (gloss_format_lookup ("conll"), set_bob, NULL, path, NULL);
  g_autofree char *eve = export_to_string (gloss_format_lookup ("conll"), set_eve, NULL, path, NULL);
  g_autofree char *both_bob = column_tags (both, 1);
  g_autofree char *both_eve = column_tags (both, 2);
  g_autofree char *single_bob = column_tags (bob, 1);
  g_autofree char *single_eve = column_tags (eve, 1);

  g_assert_cmpstr (both_bob, ==, single_bob);
  g_assert_cmpstr (both_eve, ==, single_eve);
  g_assert_nonnull (strstr (both_bob, "B-company"));
}

/* Makes eve mark "Acme Corp" as bob did, and the consensus take it. */
static void
agree_on_acme (Fixture    *f,
               const char *path)
{
  g_autofree char *consensus = g_strconcat (path, ".gloss--consensus.gloss.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  annotate_text (path, "eve", "company", "Acme Corp", NULL);
  g_assert_cmpint (run_cli (f, &out, &err, "consensus", "-a", "bob", "-a", "eve", path, NULL),
                   ==, 0);
  g_assert_true (g_file_test (consensus, G_FILE_TEST_EXISTS));
}

#define EXPECTED_TEXT "\"Acme Corp signed the deal with Zenith Ltd today. It is big.\\n\""

/* gloss-cli writes what check-conll.py --columns and NLTK read back,
 * the consensus as a column when named, in the order of --annotator. */
static void
test_read_back (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = make_article (f, "a.txt");
  g_autofree char *conll = g_build_filename (f->dir, "out.conll", NULL);
  g_autofree char *side = g_build_filename (f->dir, "out.conll.json", NULL);
  g_autofree char *expected = fixture_write (f, "expected.json",
    "[{\"text\": " EXPECTED_TEXT ", \"entities\": {"
    "\"eve\": [[\"company\", \"Acme Corp\"], [\"company\", \"Zenith\"], [\"claim\", \"today. It\"]],"
    "\"gloss--consensus\": [[\"company\", \"Acme Corp\"]],"
    "\"bob\": [[\"company\", \"Acme Corp\"], [\"company\", \"Zenith Ltd\"]]}}]");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *notes = NULL;

  agree_on_acme (f, path);
  g_assert_cmpint (run_cli (f, &out, &err, "export", "--format", "conll", "--side-by-side",
                            "-a", "eve", "-a", "gloss--consensus", "-a", "bob",
                            "--output", conll, "a.txt", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  text = read_file (conll);
  g_assert_true (g_str_has_prefix (text, "# global.columns = TOKEN eve gloss--consensus bob\n"
                                         DOCSTART "Acme\tB-company\tB-company\tB-company\n"));
  g_assert_cmpint (run_python ("check-conll.py", "--nltk", "--columns", conll, expected, NULL), ==, 0);

  /* The side file names the columns; its documents of one article share
   * their -DOCSTART- line, the second of the file. */
  notes = read_file (side);
  g_assert_nonnull (strstr (notes, "\"columns\": [\"eve\", \"gloss--consensus\", \"bob\"]"));
  g_assert_nonnull (strstr (notes, "\"annotator\": \"bob\",\n      \"docstart_line\": 2,"));
  g_assert_nonnull (strstr (notes, "\"annotator\": \"eve\",\n      \"docstart_line\": 2,"));
}

/* Without --annotator, every annotator but the consensus, by id; a
 * folder's article without one of them gets a column of O, and a
 * warning. */
static void
test_folder (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *a = make_article (f, "a.txt");
  g_autofree char *b = fixture_write (f, "b.txt", "Vosk is small.\n");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  annotate_text (b, "bob", "company", "Vosk", NULL);
  agree_on_acme (f, a);
  g_assert_cmpint (run_cli (f, &out, &err, "export", "--format", "conll", "--side-by-side", ".",
                            NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "# global.columns = TOKEN bob eve\n" DOCSTART));
  g_assert_nonnull (strstr (out, "\n\n" DOCSTART "Vosk\tB-company\tO\nis\tO\tO\n"));
  g_assert_nonnull (strstr (err, "b.txt: no annotation file of eve; the column is O throughout\n"));
}

/* Bad input says what is wrong and writes nothing. */
static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = make_article (f, "a.txt");
  g_autofree char *conll = g_build_filename (f->dir, "out.conll", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (f, &out, &err, "export", "--format", "conll", "--side-by-side",
                            "-a", "bob", "-a", "zed", "--output", conll, "a.txt", NULL), ==, 1);
  g_assert_cmpstr (err, ==, "No annotation file of zed in the inputs; nothing was written\n");
  g_assert_false (g_file_test (conll, G_FILE_TEST_EXISTS));

  g_assert_cmpint (run_cli (f, &out, &err, "export", "--format", "conll", "--side-by-side",
                            "-a", "bob", "-a", "bob", "a.txt", NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err, "gloss-cli export: --annotator bob is given twice\n"));

  g_assert_cmpint (run_cli (f, &out, &err, "export", "--format", "csv", "--side-by-side", "a.txt",
                            NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err, "gloss-cli export: --side-by-side goes with --format conll\n"));

  g_assert_cmpint (run_cli (f, &out, &err, "export", "--format", "conll", "--side-by-side",
                            "--output", conll, "missing.txt", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "“missing.txt”: no such file\n"));
  g_assert_false (g_file_test (conll, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  format_test_init (&argc, &argv);

  ADD_TEST ("/conll/columns/layout", test_layout);
  ADD_TEST ("/conll/columns/same-as-single", test_same_as_single);
  ADD_TEST ("/conll/columns/read-back", test_read_back);
  ADD_TEST ("/conll/columns/folder", test_folder);
  ADD_TEST ("/conll/columns/errors", test_errors);

  return g_test_run ();
}
