/* agree-test-util.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "agree-test-util.h"
#include "file-test-util.h"

#define run cli_fixture_run

const char ten_words[] = "aaa bbb ccc ddd eee fff ggg hhh iii jjj";

void
annotate (CliFixture *f,
          const char *article,
          const char *annotator,
          const char *tag,
          guint       first_word,
          guint       last_word)
{
  g_autofree char *start = g_strdup_printf ("%u", first_word * 4);
  g_autofree char *end = g_strdup_printf ("%u", last_word * 4 + 3);

  run (f, "annotate", article, "-a", annotator, "-t", tag, "-s", start, "-e", end, NULL);
  g_assert_cmpint (f->status, ==, 0);
}

void
make_corpus (CliFixture *f)
{
  g_autofree char *a = g_build_filename (f->dir, "a.txt", NULL);
  g_autofree char *b = g_build_filename (f->dir, "b.txt", NULL);

  write_file (a, ten_words);
  write_file (b, ten_words);
  /* a.txt: an exact match, a tag that differs, a boundary that differs. */
  annotate (f, "a.txt", "alice", "company", 0, 1);
  annotate (f, "a.txt", "bob", "company", 0, 1);
  annotate (f, "a.txt", "carol", "company", 0, 1);
  annotate (f, "a.txt", "alice", "claim", 3, 5);
  annotate (f, "a.txt", "bob", "controversy", 3, 5);
  annotate (f, "a.txt", "carol", "claim", 3, 4);
  /* b.txt: only in A, only in B, nested. */
  annotate (f, "b.txt", "alice", "claim", 0, 2);
  annotate (f, "b.txt", "bob", "claim", 6, 7);
  annotate (f, "b.txt", "carol", "controversy", 5, 9);
  annotate (f, "b.txt", "carol", "claim", 6, 7);
}

void
claim_with_verdict (CliFixture *f,
                    const char *annotator,
                    guint       word,
                    const char *verdict)
{
  g_autofree char *start = g_strdup_printf ("%u", word * 4);
  g_autofree char *end = g_strdup_printf ("%u", word * 4 + 3);
  g_autofree char *attr = g_strconcat ("verdict=", verdict, NULL);

  g_assert_cmpint (run (f, "annotate", "c.txt", "-a", annotator, "-t", "claim", "-s", start, "-e", end,
                        "--attr", attr, NULL), ==, 0);
}

/* Percent agreement 2/3; α nominal with n = 6, 4 values
 * agreeing, n_c = 3, 2, 1: 1 − 5 × 2 / (36 − 14) = 1 − 10/22.
 * Relations: 1 matched, A 2, B 1: P = 1, R = 1/2, F1 = 2/3. */
void
make_verdicts (CliFixture *f)
{
  g_autofree char *c = g_build_filename (f->dir, "c.txt", NULL);
  g_autofree char *start = g_strdup_printf ("%u", 16);
  g_autofree char *end = g_strdup_printf ("%u", 19);

  write_file (c, ten_words);
  claim_with_verdict (f, "alice", 0, "true");
  claim_with_verdict (f, "bob", 0, "true");
  claim_with_verdict (f, "alice", 1, "false");
  claim_with_verdict (f, "bob", 1, "false");
  claim_with_verdict (f, "alice", 2, "true");
  claim_with_verdict (f, "bob", 2, "misleading");
  for (guint i = 0; i < 2; i++)
    g_assert_cmpint (run (f, "annotate", "c.txt", "-a", i == 0 ? "alice" : "bob", "-t", "company",
                          "-s", start, "-e", end, NULL), ==, 0);
  cli_link_at (f->dir, "c.txt", "alice", "said-by", 0, 16);
  cli_link_at (f->dir, "c.txt", "alice", "said-by", 4, 16);
  cli_link_at (f->dir, "c.txt", "bob", "said-by", 0, 16);
}

void
write_layer (CliFixture *f,
             const char *article,
             const char *text,
             const char *annotator,
             GString    *annotations)
{
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  g_autofree char *name = g_strdup_printf ("%s.%s.gloss.json", article, annotator);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *json = g_strdup_printf ("{\"gloss\": 1, \"source\": {\"path\": \"%s\", \"sha256\": \"%s\", "
                                           "\"text_sha256\": \"%s\"}, \"annotator\": {\"id\": \"%s\"}, "
                                           "\"annotations\": [%s]}",
                                           article, sum, sum, annotator, annotations->str);

  write_file (path, json);
}
