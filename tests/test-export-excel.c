/* test-export-excel.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <locale.h>
#include <string.h>

#include "cli-test-util.h"
#include "format-test-util.h"
#include "gloss-export.h"

/* The CSV for spreadsheets (gloss-cli export --format csv --excel, and
 * gloss_exporter_set_excel()): a byte-order mark, the separator of the
 * locale, guarded cells; read back with Python's csv module and pandas in
 * the dialect it claims.  The plain CSV stays as it was, in any locale. */

#define FRENCH "fr_FR.UTF-8"

#define BOM "\xef\xbb\xbf"

#define COLUMNS(s) "document" s "source_sha256" s "annotator" s "annotation_id" s "tag" s \
  "tag_label" s "start" s "end" s "text" s "context_before" s "context_after" s "note" s \
  "created" s "modified" s "status" s "source_location" s "group" s "attr_verdict\r\n"

/* A formula, a decimal comma, a semicolon, quotes and a line break. */
#define ARTICLE "=SUM(A1) coûte 3,5 €; \"cité\" ici.\nSuite.\n"

#define NOTE "ligne 1\nligne 2; avec \"guillemets\""

/* What check-csv.py must read, whatever the separator: the formula
 * guarded (in a CSV for spreadsheets), everything else as it is. */
#define EXPECTED \
  "[{\"tag\": \"claim\", \"start\": 0, \"end\": 8, \"text\": \"'=SUM(A1)\"," \
  "  \"note\": \"ligne 1\\nligne 2; avec \\\"guillemets\\\"\"}," \
  " {\"tag\": \"company\", \"start\": 15, \"end\": 28, \"text\": \"3,5 €; \\\"cité\\\"\", \"note\": \"\"}," \
  " {\"tag\": \"controversy\", \"start\": 29, \"end\": 39, \"text\": \"ici.\\nSuite\", \"note\": \"\"}]"

static char *
make_article (Fixture *f)
{
  char *path = fixture_write (f, "a.txt", ARTICLE);

  annotate_text (path, "bob", "claim", "=SUM(A1)", NOTE);
  annotate_text (path, "bob", "company", "3,5 €; \"cité\"", NULL);
  annotate_text (path, "bob", "controversy", "ici.\nSuite", NULL);
  return path;
}

/* Runs gloss-cli export --format csv (with @excel) on a.txt under
 * @locale, written to @name in the fixture's folder; returns its path. */
static char *
export_csv (Fixture    *f,
            const char *locale,
            gboolean    excel,
            const char *name)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  char *path = g_build_filename (f->dir, name, NULL);
  int status;

  status = run_cli_in (f->dir, locale, &out, &err, "export", "--format", "csv", "--output", path,
                       excel ? "--excel" : "a.txt", excel ? "a.txt" : NULL, NULL);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpint (status, ==, 0);
  return path;
}

/* What check-csv.py must read, the formula @guarded or not. */
static char *
write_expected (Fixture  *f,
                gboolean  guarded)
{
  g_autoptr(GString) expected = g_string_new (EXPECTED);

  if (!guarded)
    g_string_replace (expected, "'=SUM", "=SUM", 0);
  return fixture_write (f, "expected.json", expected->str);
}

/* The default CSV keeps its dialect in every locale: no byte-order mark,
 * commas even where decimals take a comma (only the codebook's labels
 * are translated). */
static void
test_default_unchanged (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *article = make_article (f);
  g_autofree char *c = export_csv (f, NULL, FALSE, "c.csv");
  g_autofree char *c_text = read_file (c);
  g_autofree char *expected = write_expected (f, FALSE);

  g_assert_true (g_str_has_prefix (c_text, COLUMNS (",")));
  g_assert_cmpint (run_python ("check-csv.py", c, expected, NULL), ==, 0);

  if (have_locale (FRENCH))
    {
      g_autofree char *fr = export_csv (f, FRENCH, FALSE, "fr.csv");
      g_autofree char *fr_text = read_file (fr);

      g_assert_true (g_str_has_prefix (fr_text, COLUMNS (",")));
      g_assert_cmpint (run_python ("check-csv.py", fr, expected, NULL), ==, 0);
    }
}

/* Where decimals take a point (C, English): a byte-order mark, commas. */
static void
test_c_locale (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *article = make_article (f);
  g_autofree char *csv = export_csv (f, NULL, TRUE, "excel.csv");
  g_autofree char *text = read_file (csv);
  g_autofree char *expected = write_expected (f, TRUE);

  g_assert_true (g_str_has_prefix (text, BOM COLUMNS (",")));
  g_assert_true (g_str_has_suffix (text, "\r\n"));
  g_assert_cmpint (run_python ("check-csv.py", "--excel", ",", csv, expected, NULL), ==, 0);
  /* Read with the wrong separator, the rows would not be there. */
  g_assert_cmpint (run_python ("check-csv.py", "--excel", ";", csv, expected, NULL), ==, 1);
}

/* Exports a.txt for spreadsheets under the French locale; returns the
 * CSV's path, with the expected rows' in @expected, or NULL after
 * skipping the test when the locale is missing. */
static char *
export_french (Fixture  *f,
               char    **expected)
{
  g_autofree char *article = NULL;

  if (!have_locale (FRENCH))
    {
      g_test_skip ("The " FRENCH " locale is not installed");
      return NULL;
    }

  article = make_article (f);
  *expected = write_expected (f, TRUE);
  return export_csv (f, FRENCH, TRUE, "excel.csv");
}

/* Where decimals take a comma (French): a byte-order mark, semicolons,
 * and a cell holding one quoted. */
static void
test_french (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *expected = NULL;
  g_autofree char *csv = export_french (f, &expected);
  g_autofree char *text = NULL;

  if (csv == NULL)
    return;

  text = read_file (csv);
  g_assert_true (g_str_has_prefix (text, BOM COLUMNS (";")));
  g_assert_nonnull (strstr (text, ";\"3,5 €; \"\"cité\"\"\";"));
  g_assert_nonnull (strstr (text, ";'=SUM(A1);"));
  g_assert_nonnull (strstr (text, ";\"ici.\nSuite\";"));
  g_assert_cmpint (run_python ("check-csv.py", "--excel", ";", csv, expected, NULL), ==, 0);
  g_assert_cmpint (run_python ("check-csv.py", "--excel", ",", csv, expected, NULL), ==, 1);
}

/* pandas reads the French file as the csv module does. */
static void
test_pandas (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *expected = NULL;
  g_autofree char *csv = export_french (f, &expected);
  int status;

  if (csv == NULL)
    return;

  /* 77: pandas is missing, and the test is skipped. */
  status = run_python ("check-csv.py", "--excel", ";", "--pandas", csv, expected, NULL);
  if (status != 77)
    g_assert_cmpint (status, ==, 0);
}

static void
set_excel (GlossExporter *exporter)
{
  gloss_exporter_set_excel (exporter, TRUE);
}

/* Through the core, as the window would call it: the separator follows
 * LC_NUMERIC when the export starts. */
static void
test_core (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *article = make_article (f);
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autofree char *c = NULL;
  g_autofree char *plain = NULL;

  setlocale (LC_NUMERIC, "C");
  c = export_to_string (gloss_format_lookup ("csv"), set_excel, NULL, article, NULL);
  g_assert_true (g_str_has_prefix (c, BOM COLUMNS (",")));

  if (setlocale (LC_NUMERIC, FRENCH) != NULL)
    {
      g_autofree char *fr = export_to_string (gloss_format_lookup ("csv"), set_excel, NULL,
                                              article, NULL);

      plain = export_to_string (gloss_format_lookup ("csv"), NULL, NULL, article, NULL);
      g_assert_true (g_str_has_prefix (fr, BOM COLUMNS (";")));
      g_assert_true (g_str_has_prefix (plain, COLUMNS (",")));
    }
  setlocale (LC_NUMERIC, saved);
}

/* --excel is for CSV only. */
static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *article = make_article (f);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (f, &out, &err, "export", "--format", "conll", "--excel", "a.txt", NULL),
                   ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "gloss-cli export: --excel goes with --format csv\n"
                   "Try “gloss-cli export --help” for more information.\n");
}

int
main (int    argc,
      char **argv)
{
  format_test_init (&argc, &argv);

  ADD_TEST ("/export/excel/default-unchanged", test_default_unchanged);
  ADD_TEST ("/export/excel/c-locale", test_c_locale);
  ADD_TEST ("/export/excel/french", test_french);
  ADD_TEST ("/export/excel/pandas", test_pandas);
  ADD_TEST ("/export/excel/core", test_core);
  ADD_TEST ("/export/excel/usage", test_usage);

  return g_test_run ();
}
