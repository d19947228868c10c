/* test-formats-cli.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "format-test-util.h"

/* gloss-cli export and import as a user runs them: folders walked, a bad
 * file reported while the others go through, exit statuses, usage errors,
 * and the progress line only on a terminal. */

static void
test_cli_folder (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *sub = g_build_filename (f->dir, "corpus", "deep", NULL);
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (g_getenv ("GLOSS_CLI") == NULL)
    {
      g_test_skip ("GLOSS_CLI is not set");
      return;
    }

  g_mkdir_with_parents (sub, 0755);
  good = fixture_write (f, "corpus/deep/good.txt", "Acme signed.");
  bad = fixture_write (f, "corpus/bad.txt", "Zenith signed.");
  annotate_text (good, "bob", "company", "Acme", NULL);
  annotate_text (bad, "bob", "company", "Zenith", NULL);
  broken = g_strconcat (bad, ".eve.gloss.json", NULL);
  g_assert_true (g_file_set_contents (broken, "{ not json", -1, NULL));

  /* The broken file is reported, the rest exported, and the status says
   * something went wrong.  stderr is a pipe: no progress line. */
  g_assert_cmpint (run_cli (f, &out, &err, "export", "--format", "csv", "corpus", NULL), ==, 1);
  g_assert_nonnull (strstr (out, "\r\nbad.txt,"));
  g_assert_nonnull (strstr (out, "\r\ndeep/good.txt,"));
  g_assert_nonnull (strstr (err, "bad.txt.eve.gloss.json"));
  g_assert_nonnull (strstr (err, "Exported 2 annotations from 2 articles\n"));
  g_assert_nonnull (strstr (err, "1 input could not be exported\n"));
  g_assert_null (strchr (err, '\r'));
  g_assert_null (strstr (err, "files, "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Filtered by annotator, the broken file is not even read. */
  g_assert_cmpint (run_cli (f, &out, &err, "export", "-f", "jsonl", "-a", "bob", "-o", "out.jsonl",
                            "corpus", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "Exported 2 annotations from 2 articles to out.jsonl\n");
}

/* On a terminal, the progress line is drawn: script(1) gives gloss-cli
 * one. */
static void
test_cli_progress_terminal (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *article = NULL;
  g_autofree char *command = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("GLOSS_CLI");
  int status;

  if (cli == NULL || !g_file_test ("/usr/bin/script", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("GLOSS_CLI is not set or script(1) is missing");
      return;
    }

  article = fixture_write (f, "a.txt", "Acme signed.");
  annotate_text (article, "bob", "company", "Acme", NULL);
  command = g_strdup_printf ("cd '%s' && LC_ALL=C.UTF-8 '%s' export -f csv -o out.csv a.txt", f->dir, cli);
  {
    const char *argv[] = { "/usr/bin/script", "-qec", command, "/dev/null", NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                  &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_assert_nonnull (strstr (out, "\r[........................] 0/1 files, 0%"));
  g_assert_nonnull (strstr (out, "\r[########################] 1/1 files, 100%"));
  g_assert_nonnull (strstr (out, "Exported 1 annotation from 1 article to out.csv"));
}

static void
test_cli_usage (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (g_getenv ("GLOSS_CLI") == NULL)
    {
      g_test_skip ("GLOSS_CLI is not set");
      return;
    }

  g_assert_cmpint (run_cli (f, &out, &err, "export", "--format", "xml", "a.txt", NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err, "gloss-cli export: unknown format “xml”"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (f, &out, &err, "export", "--format", "brat", "a.txt", NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err, "gloss-cli export: the brat format writes a folder"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (f, &out, &err, "export", "-f", "csv", "--scheme", "iob1", "a.txt", NULL),
                   ==, 2);
  g_assert_true (g_str_has_prefix (err, "gloss-cli export: --scheme goes with --format conll"));
}

static void
test_cli_import (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *txt = NULL;
  g_autofree char *ann = NULL;
  g_autofree char *bad_txt = NULL;
  g_autofree char *bad_ann = NULL;
  g_autofree char *written = NULL;

  if (g_getenv ("GLOSS_CLI") == NULL)
    {
      g_test_skip ("GLOSS_CLI is not set");
      return;
    }

  txt = fixture_write (f, "brat/a.txt", "Acme met Zenith.\n");
  ann = fixture_write (f, "brat/a.ann", "T1\tOrg 0 4\tAcme\nR1\tMet Arg1:T1 Arg2:T1\t\n");
  bad_txt = fixture_write (f, "brat/sub/b.txt", "Acme met Zenith.\n");
  bad_ann = fixture_write (f, "brat/sub/b.ann", "T1\tOrg 0 4\tAcne\n");
  written = g_strconcat (txt, ".alice.gloss.json", NULL);

  /* The folder is walked; b.ann is refused, a.ann imported. */
  g_assert_cmpint (run_cli (f, &out, &err, "import", "--format", "brat", "--annotator", "alice",
                            "brat", NULL), ==, 1);
  g_assert_cmpstr (out, ==,
                   "Imported 1 annotation into 1 annotation file\n"
                   "Kept 1 item Gloss does not model in the annotation files\n");
  g_assert_nonnull (strstr (err, "b.ann:1: T1 says “Acne” but the article has “Acme” there\n"));
  g_assert_nonnull (strstr (err, "a.ann: 1 line Gloss does not model kept for the way back to brat (R 1)\n"));
  g_assert_nonnull (strstr (err, "1 input could not be imported\n"));
  g_assert_true (g_file_test (written, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Again: alice's file is there and stays as it is. */
  g_assert_cmpint (run_cli (f, &out, &err, "import", "-f", "brat", "-a", "alice", "brat/a.ann", NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, "exists already and was left as it is"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (f, &out, &err, "import", "-f", "brat", "-a", "alice", "--overwrite",
                            "brat/a.txt", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Usage errors. */
  g_assert_cmpint (run_cli (f, &out, &err, "import", "-f", "brat", "-a", "Alice", "brat", NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err, "gloss-cli import: “Alice” is not an annotator id"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (f, &out, &err, "import", "-f", "brat", "--article", "x.txt", "brat", NULL),
                   ==, 2);
  g_assert_true (g_str_has_prefix (err, "gloss-cli import: --article and --tag go with --format w3c"));
}

int
main (int    argc,
      char **argv)
{
  format_test_init (&argc, &argv);

  ADD_TEST ("/formats-cli/export/folder", test_cli_folder);
  ADD_TEST ("/formats-cli/export/progress", test_cli_progress_terminal);
  ADD_TEST ("/formats-cli/export/usage", test_cli_usage);
  ADD_TEST ("/formats-cli/import", test_cli_import);

  return g_test_run ();
}
