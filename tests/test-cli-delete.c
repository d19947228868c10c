/* test-cli-delete.c
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

/* gloss-cli delete, run as a user would, in a fresh folder per test: each
 * criterion and their combination, --dry-run, folders, the consensus,
 * bad input that loses nothing, and writers at the same time. */

/* "Acme Corp" is 0–9, "the" 17–20, "with" 26–30, "Zenith" 31–37. */
#define ARTICLE "Acme Corp signed the deal with Zenith Ltd today.\n"

#define HEADER "annotator\tid\ttag\tstart\tend\tstatus\tquote\n"

#define TRY(command) "Try “gloss-cli " command " --help” for more information.\n"

#define FRENCH "fr_FR.UTF-8"

typedef struct
{
  char *dir;
  char *article;   /* dir/a.txt */
  char *bob;       /* its bob layer, made by setup */
  char *eve;       /* its eve layer, made by setup */

  const char *locale;
  int status;
  char *out;
  char *err;
} Fixture;

#define run(f, ...) ((f)->status = run_cli_in ((f)->dir, (f)->locale, &(f)->out, &(f)->err, __VA_ARGS__))

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
annotate (Fixture    *f,
          const char *article,
          const char *annotator,
          const char *tag,
          const char *match)
{
  run (f, "annotate", "--annotator", annotator, "--tag", tag, "--match", match, article, NULL);
  g_assert_cmpint (f->status, ==, 0);
}

/* bob: company "Acme Corp" (0–9), claim every "th" (17–19 in "the",
 * 28–30 in "with", 35–37 in "Zenith"), controversy "Zenith Ltd" (31–41);
 * eve: claim "Zenith" (31–37). */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-delete-XXXXXX", &error);

  g_assert_no_error (error);
  f->dir = g_canonicalize_filename (dir, NULL);
  f->article = g_build_filename (f->dir, "a.txt", NULL);
  f->bob = g_build_filename (f->dir, "a.txt.bob.gloss.json", NULL);
  f->eve = g_build_filename (f->dir, "a.txt.eve.gloss.json", NULL);
  write_file (f->article, ARTICLE);

  annotate (f, f->article, "bob", "company", "Acme Corp");
  annotate (f, f->article, "bob", "claim", "th");
  annotate (f, f->article, "bob", "controversy", "Zenith Ltd");
  annotate (f, f->article, "eve", "claim", "Zenith");
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

static char *
deleted (guint       n,
         const char *path)
{
  return g_strdup_printf ("Deleted %u annotation%s from %s\n", n, n == 1 ? "" : "s", path);
}

/* The spans of @path as "start-end" strings joined by spaces, in layer
 * order. */
static char *
spans_of (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) spans = g_string_new (NULL);
  JsonArray *annotations;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  annotations = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                              "annotations");
  for (guint i = 0; i < json_array_get_length (annotations); i++)
    {
      JsonObject *a = json_array_get_object_element (annotations, i);

      g_string_append_printf (spans, "%s%s:%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT,
                              i ? " " : "", json_object_get_string_member (a, "tag"),
                              json_object_get_int_member (a, "start"),
                              json_object_get_int_member (a, "end"));
    }

  return g_string_free (g_steal_pointer (&spans), FALSE);
}

/* @path holds @before and was never replaced. */
static void
assert_untouched (const char *path,
                  GBytes     *before,
                  guint64     inode)
{
  g_autoptr(GBytes) now = read_bytes (path);

  g_assert_true (g_bytes_equal (now, before));
  g_assert_cmpuint (inode_of (path), ==, inode);
}

/* The id of the annotation of @path at [@start, @end). */
static char *
id_at (const char *path,
       guint       start,
       guint       end)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *annotations;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  annotations = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                              "annotations");
  for (guint i = 0; i < json_array_get_length (annotations); i++)
    {
      JsonObject *a = json_array_get_object_element (annotations, i);

      if (json_object_get_int_member (a, "start") == start && json_object_get_int_member (a, "end") == end)
        return g_strdup (json_object_get_string_member (a, "id"));
    }

  g_assert_not_reached ();
}

/* Sanity of the set-up the other tests count on. */
static void
test_setup_spans (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *spans = spans_of (f->bob);

  g_assert_cmpstr (spans, ==, "company:0-9 claim:17-19 claim:28-30 controversy:31-41 claim:35-37");
}

static void
test_by_tag (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *three = deleted (3, f->bob);
  g_autofree char *spans = NULL;
  g_autoptr(GBytes) eve = read_bytes (f->eve);
  guint64 eve_inode = inode_of (f->eve);

  run (f, "delete", "--annotator", "bob", "--tag", "claim", f->article, NULL);
  assert_run (f, 0, three, "");
  spans = spans_of (f->bob);
  g_assert_cmpstr (spans, ==, "company:0-9 controversy:31-41");
  /* Another annotator's file of the same tag is left alone. */
  assert_untouched (f->eve, eve, eve_inode);
}

/* Criteria combine with AND: a tag and a span, a span alone, text equal
 * or contained. */
static void
test_combined (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *one = deleted (1, f->bob);
  g_autofree char *spans = NULL;

  /* The span of "th" in "with", but tagged claim, not company: none. */
  run (f, "delete", "-a", "bob", "--tag", "company", "--span", "28:30", f->article, NULL);
  assert_run (f, 0, NULL, "");
  g_assert_true (g_str_has_prefix (f->out, "No annotation matched in "));

  run (f, "delete", "-a", "bob", "--tag", "claim", "--span", "28:30", f->article, NULL);
  assert_run (f, 0, one, "");
  spans = spans_of (f->bob);
  g_assert_cmpstr (spans, ==, "company:0-9 claim:17-19 controversy:31-41 claim:35-37");
  g_clear_pointer (&spans, g_free);

  /* Exact text: "Zenith" is no quote of bob's ("Zenith Ltd" is). */
  run (f, "delete", "-a", "bob", "--text", "Zenith", f->article, NULL);
  assert_run (f, 0, NULL, "");
  g_assert_true (g_str_has_prefix (f->out, "No annotation matched in "));

  /* Contained: the two claims left ("th") and "Zenith Ltd" hold a "t",
   * "Acme Corp" does not. */
  run (f, "delete", "-a", "bob", "--text", "t", "--contains", f->article, NULL);
  assert_run (f, 0, NULL, "");
  g_assert_true (g_str_has_prefix (f->out, "Deleted 3 annotations"));
  spans = spans_of (f->bob);
  g_assert_cmpstr (spans, ==, "company:0-9");
}

/* --id, repeated: any of them; with --tag, only those of the tag. */
static void
test_by_id (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *acme = id_at (f->bob, 0, 9);
  g_autofree char *th = id_at (f->bob, 17, 19);
  g_autofree char *one = deleted (1, f->bob);
  g_autofree char *spans = NULL;

  run (f, "delete", "-a", "bob", "--id", acme, "--id", th, "--tag", "claim", f->article, NULL);
  assert_run (f, 0, one, "");
  run (f, "delete", "-a", "bob", "--id", acme, "--id", "no-such-id", f->bob, NULL);
  assert_run (f, 0, one, "");
  spans = spans_of (f->bob);
  g_assert_cmpstr (spans, ==, "claim:28-30 controversy:31-41 claim:35-37");
}

/* --dry-run lists, as list does, and writes nothing. */
static void
test_dry_run (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GBytes) before = read_bytes (f->bob);
  guint64 inode = inode_of (f->bob);
  g_autofree char *acme = id_at (f->bob, 0, 9);
  g_autofree char *out = g_strdup_printf (HEADER "bob\t%s\tcompany\t0\t9\tanchored\tAcme Corp\n", acme);
  g_autofree char *err = g_strdup_printf ("Would delete 1 annotation from %s\n", f->bob);

  run (f, "delete", "-a", "bob", "--tag", "company", "--dry-run", f->article, NULL);
  assert_run (f, 0, out, err);
  assert_untouched (f->bob, before, inode);
}

/* Nothing matched: said, exit status 0, the file not even rewritten. */
static void
test_nothing_matched (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GBytes) before = read_bytes (f->bob);
  guint64 inode = inode_of (f->bob);
  g_autofree char *out = g_strdup_printf ("No annotation matched in %s; it was left as it was\n", f->bob);

  run (f, "delete", "-a", "bob", "--tag", "person", f->article, NULL);
  assert_run (f, 0, out, "");
  assert_untouched (f->bob, before, inode);
}

/* Usage errors (status 2) and files that cannot be read (status 1) name
 * the problem and leave every file as it was. */
static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GBytes) before = read_bytes (f->bob);
  guint64 inode = inode_of (f->bob);
  g_autofree char *broken = g_build_filename (f->dir, "b.txt.bob.gloss.json", NULL);
  g_autofree char *b = g_build_filename (f->dir, "b.txt", NULL);
  g_autofree char *zed = g_build_filename (f->dir, "a.txt.zed.gloss.json", NULL);
  g_autoptr(GBytes) broken_before = NULL;
  g_autoptr(GBytes) broken_after = NULL;

  run (f, "delete", "-a", "bob", "--span", "9", f->article, NULL);
  assert_run (f, 2, "",
              "gloss-cli delete: --span “9” is not START:END, two character offsets such as 120:134\n"
              TRY ("delete"));
  run (f, "delete", "-a", "bob", "--span", "9:x", f->article, NULL);
  assert_run (f, 2, "", NULL);
  run (f, "delete", "-a", "bob", "--span", "9:3", f->article, NULL);
  assert_run (f, 2, "", "gloss-cli delete: --span: END must be greater than START\n" TRY ("delete"));
  run (f, "delete", "-a", "bob", f->article, NULL);
  assert_run (f, 2, "",
              "gloss-cli delete: say what to delete: give --id, --tag, --span or --text\n"
              TRY ("delete"));
  run (f, "delete", "--tag", "claim", f->article, NULL);
  assert_run (f, 2, "", NULL);
  g_assert_nonnull (strstr (f->err, "give --annotator"));
  run (f, "delete", "-a", "Bob Smith", "--tag", "claim", f->article, NULL);
  assert_run (f, 2, "", NULL);
  g_assert_nonnull (strstr (f->err, "“Bob Smith” is not an annotator id"));
  run (f, "delete", "-a", "bob", "--contains", "--tag", "claim", f->article, NULL);
  assert_run (f, 2, "", "gloss-cli delete: --contains goes with --text\n" TRY ("delete"));

  /* An annotator with no file beside the article. */
  run (f, "delete", "-a", "zed", "--tag", "claim", "a.txt", NULL);
  assert_run (f, 1, "", "No annotation file of zed beside “a.txt”\n");
  g_assert_false (g_file_test (zed, G_FILE_TEST_EXISTS));

  /* A missing article. */
  run (f, "delete", "-a", "bob", "--tag", "claim", "nowhere.txt", NULL);
  assert_run (f, 1, "", "“nowhere.txt”: no such file\n");

  /* A broken annotation file: named, left as it was. */
  write_file (b, "Another article.\n");
  write_file (broken, "{\"format\": \"gloss-annotations\", \"annotations\": [");
  broken_before = read_bytes (broken);
  run (f, "delete", "--tag", "claim", broken, NULL);
  assert_run (f, 1, "", NULL);
  g_assert_nonnull (strstr (f->err, broken));
  broken_after = read_bytes (broken);
  g_assert_true (g_bytes_equal (broken_after, broken_before));

  /* An annotation file of someone else than --annotator. */
  run (f, "delete", "-a", "eve", "--tag", "claim", f->bob, NULL);
  assert_run (f, 1, "", NULL);
  g_assert_nonnull (strstr (f->err, "is not an annotation file of eve"));

  assert_untouched (f->bob, before, inode);
}

/* A folder: each article's file of the annotator, the others skipped. */
static void
test_folder (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *sub = g_build_filename (f->dir, "news", NULL);
  g_autofree char *c = g_build_filename (sub, "c.txt", NULL);
  g_autofree char *c_bob = g_build_filename (sub, "c.txt.bob.gloss.json", NULL);
  g_autofree char *d = g_build_filename (sub, "d.txt", NULL);
  g_autofree char *spans = NULL;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  write_file (c, "The claim is the claim.\n");
  write_file (d, "Nothing of bob here.\n");
  annotate (f, c, "bob", "claim", "claim");
  annotate (f, d, "eve", "claim", "Nothing");

  run (f, "delete", "-a", "bob", "--tag", "claim", f->dir, NULL);
  assert_run (f, 0, NULL, "");
  g_assert_nonnull (strstr (f->out, "Deleted 3 annotations from "));
  g_assert_nonnull (strstr (f->out, "Deleted 2 annotations from "));
  g_assert_null (strstr (f->out, "d.txt"));
  spans = spans_of (c_bob);
  g_assert_cmpstr (spans, ==, "");

  /* A folder where the annotator has no file at all. */
  run (f, "delete", "-a", "zed", "--tag", "claim", f->dir, NULL);
  assert_run (f, 1, "", NULL);
  g_assert_nonnull (strstr (f->err, "No annotation file of zed in"));
}

/* The consensus layer is an annotator like the others. */
static void
test_consensus (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *consensus = g_build_filename (f->dir, "a.txt.gloss--consensus.gloss.json", NULL);
  g_autofree char *one = deleted (1, consensus);
  g_autofree char *spans = NULL;

  annotate (f, f->article, "eve", "company", "Acme Corp");
  run (f, "consensus", "-a", "bob", "-a", "eve", f->article, NULL);
  g_assert_cmpint (f->status, ==, 0);
  spans = spans_of (consensus);
  g_assert_cmpstr (spans, ==, "company:0-9");

  run (f, "delete", "-a", "gloss--consensus", "--span", "0:9", f->article, NULL);
  assert_run (f, 0, one, "");
  g_clear_pointer (&spans, g_free);
  spans = spans_of (consensus);
  g_assert_cmpstr (spans, ==, "");
}

/* delete and annotate on one file at once: every annotation the
 * annotate runs added is kept, and every one deleted is gone. */
static void
test_concurrent (Fixture       *f,
                 gconstpointer  data)
{
  GSubprocess *writers[6];
  g_autoptr(GSubprocess) remover = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) spans = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    writers[i] = spawn_cli_annotate (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                                     f->article, "bob", 40 + i, 41 + i);
  remover = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, g_getenv ("GLOSS_CLI"),
                              "delete", "-a", "bob", "--tag", "company", f->article, NULL);
  g_assert_no_error (error);

  g_assert_cmpint (wait_for_cli (remover, NULL, NULL), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      g_assert_cmpint (wait_for_cli (writers[i], NULL, NULL), ==, 0);
      g_object_unref (writers[i]);
    }

  spans = read_spans (f->bob, FALSE);
  g_assert_false (has_span (spans, 0, 9));
  g_assert_true (has_span (spans, 17, 19));
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    g_assert_true (has_span (spans, 40 + i, 41 + i));
  g_assert_cmpuint (count_hidden_files (f->dir, NULL), ==, 0);
}

static void
test_french (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *three = g_strdup_printf ("3 annotations supprimées de %s\n", f->bob);

  if (!have_locale (FRENCH))
    {
      g_test_skip ("The " FRENCH " locale is not installed");
      return;
    }

  f->locale = FRENCH;
  run (f, "delete", "-a", "bob", "--tag", "claim", f->article, NULL);
  assert_run (f, 0, three, "");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/delete/setup", test_setup_spans);
  ADD ("/cli/delete/by-tag", test_by_tag);
  ADD ("/cli/delete/combined", test_combined);
  ADD ("/cli/delete/by-id", test_by_id);
  ADD ("/cli/delete/dry-run", test_dry_run);
  ADD ("/cli/delete/nothing-matched", test_nothing_matched);
  ADD ("/cli/delete/bad-input", test_bad_input);
  ADD ("/cli/delete/folder", test_folder);
  ADD ("/cli/delete/consensus", test_consensus);
  ADD ("/cli/delete/concurrent", test_concurrent);
  ADD ("/cli/delete/french", test_french);

#undef ADD

  return g_test_run ();
}
