/* bench-agree.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* gloss-cli agree at scale:
 *
 *   - on folders of 100 and of 1,000 articles, each annotated by three
 *     annotators with 100 passages (target: 2 s for 1,000, every measure
 *     of every pair, tag and the group), in memory that does not grow
 *     with the number of articles; then gloss-cli report on the same
 *     folders (target: 10 s and 500 MB for 1,000 articles, the page
 *     holding every article's text; time linear in the articles);
 *   - with --table, on reliability data: 100,000 units coded by three
 *     coders in five categories (nominal), and 100,000 units of two
 *     coders' scores, every one a different number (interval and ordinal:
 *     the distinct values grow with the table).  Each against the same
 *     table of 10,000 units, to show the cost grows linearly.
 *
 *   bench-agree --cli PATH
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gloss-annotation-file.h"
#include "bench-util.h"
#include "file-test-util.h"

#define ANNOTATORS 3
#define PASSAGES 100
#define ARTICLE_BYTES 6000

static int
phase_generate_corpus (const char *dir,
                       guint       n_articles)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (n_articles);

  for (guint i = 0; i < n_articles; i++)
    {
      g_autofree char *sub = g_strdup_printf ("%s/part-%02u", dir, i / 100);
      g_autofree char *name = g_strdup_printf ("article-%04u.txt", i);
      g_autofree char *path = g_build_filename (sub, name, NULL);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GlossSource) source = NULL;
      g_autoptr(GlossAnnotationFile) first = NULL;
      g_autoptr(GError) error = NULL;

      while (text->len < ARTICLE_BYTES)
        {
          g_string_append (text, bench_random_word (rand));
          g_string_append (text, g_rand_int_range (rand, 0, 12) == 0 ? ". " : " ");
        }
      g_mkdir_with_parents (sub, 0755);
      write_file (path, text->str);
      {
        g_autoptr(GFile) file = g_file_new_for_path (path);

        source = gloss_source_new_from_plain_text (file, 0, NULL, &error);
        if (source == NULL)
          g_error ("%s", error->message);
      }
      first = bench_annotate_randomly (rand, source, "annotator-1", NULL, PASSAGES);
      for (guint a = 1; a < ANNOTATORS; a++)
        {
          g_autofree char *id = g_strdup_printf ("annotator-%u", a + 1);
          g_autoptr(GlossAnnotationFile) file = gloss_annotation_file_new (source, id, NULL);
          GlossLayer *model = gloss_annotation_file_get_layer (first);
          g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);

          for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (model)); k++)
            {
              g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (G_LIST_MODEL (model), k);

              g_ptr_array_add (annotations, bench_vary_annotation (rand, source, annotation));
            }
          gloss_layer_replace_all (gloss_annotation_file_get_layer (file), annotations);
          if (!gloss_annotation_file_save (file, GLOSS_SAVE_NONE, NULL, &error))
            g_error ("%s", error->message);
        }
    }
  return 0;
}

/* Measures a corpus of @n articles with gloss-cli agree; returns its
 * peak memory. */
static double
bench_corpus (const char *self,
              const char *cli,
              const char *dir,
              guint       n,
              double      target,
              gboolean   *ok)
{
  g_autofree char *corpus = g_strdup_printf ("%s/corpus-%u", dir, n);
  g_autofree char *count = g_strdup_printf ("%u", n);
  g_autofree char *what = NULL;
  g_autofree char *expected = g_strdup_printf ("\"articles\": %u,", n);
  BenchChild child;

  {
    char *args[] = { (char *) self, (char *) "generate-corpus", corpus, count, NULL };

    child = bench_run_child (args);
    g_free (child.output);
  }
  {
    char *args[] = { (char *) cli, (char *) "agree", (char *) "--json", corpus, NULL };

    child = bench_run_child (args);
  }
  if (strstr (child.output, expected) == NULL)
    g_error ("gloss-cli agree did not measure %u articles:\n%.2000s", n, child.output);
  g_free (child.output);

  what = g_strdup_printf ("gloss-cli agree, %u articles x %d annotators x %d passages", n,
                          ANNOTATORS, PASSAGES);
  *ok &= bench_report (what, child.seconds, "s", target);
  bench_report ("  peak memory", child.peak_mb, "MB", 0);
  return child.peak_mb;
}

/* The report of the corpus of @n articles made before: it keeps every
 * article's text and passages to draw them, so its memory grows with the
 * corpus, linearly. */
static double
bench_report_corpus (const char *cli,
                     const char *dir,
                     guint       n,
                     double      target,
                     double      memory_target,
                     gboolean   *ok)
{
  g_autofree char *corpus = g_strdup_printf ("%s/corpus-%u", dir, n);
  g_autofree char *page = g_strdup_printf ("%s/report-%u.html", dir, n);
  g_autofree char *what = NULL;
  char *args[] = { (char *) cli, (char *) "report", (char *) "--output", page, corpus, NULL };
  BenchChild child = bench_run_child (args);
  GStatBuf info;

  g_free (child.output);
  if (g_stat (page, &info) != 0 || info.st_size == 0)
    g_error ("gloss-cli report wrote no page for %u articles", n);
  what = g_strdup_printf ("gloss-cli report, %u articles", n);
  *ok &= bench_report (what, child.seconds, "s", target);
  *ok &= bench_report ("  peak memory", child.peak_mb, "MB", memory_target);
  bench_report ("  page", info.st_size / 1e6, "MB", 0);
  return child.seconds;
}

/* Time of 100,000 units over 10,000 past which growth is not linear. */
#define MAX_GROWTH 15.0

static char *
write_table (const char *dir,
             const char *name,
             guint       n_units,
             gboolean    numbers)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (n_units);
  g_autoptr(GString) text = g_string_new (numbers ? "unit,a,b\n" : "unit,a,b,c\n");
  char *path = g_build_filename (dir, name, NULL);

  for (guint u = 0; u < n_units; u++)
    {
      if (numbers)
        {
          double score = g_rand_double_range (rand, 0, 1000);
          char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_dtostr (a, sizeof a, score);
          g_ascii_dtostr (b, sizeof b, score + g_rand_double_range (rand, -5, 5));
          g_string_append_printf (text, "%u,%s,%s\n", u, a, b);
        }
      else
        {
          guint v = g_rand_int_range (rand, 1, 6);
          guint w = g_rand_double (rand) < 0.8 ? v : (guint) g_rand_int_range (rand, 1, 6);

          /* The third coder skips a unit in ten. */
          if (g_rand_double (rand) < 0.1)
            g_string_append_printf (text, "%u,%u,%u,\n", u, v, w);
          else
            g_string_append_printf (text, "%u,%u,%u,%u\n", u, v, w, v);
        }
    }
  write_file (path, text->str);
  return path;
}

static BenchChild
run_agree (const char *cli,
           const char *table,
           const char *level)
{
  char *args[] = { (char *) cli, "agree", "--table", (char *) table, "--level", (char *) level,
                   "--json", NULL };

  return bench_run_child (args);
}

static gboolean
measure (const char *cli,
         const char *dir,
         const char *what,
         gboolean    numbers,
         const char *level)
{
  g_autofree char *small = write_table (dir, "small.csv", 10000, numbers);
  g_autofree char *large = write_table (dir, "large.csv", 100000, numbers);
  g_autofree char *label = NULL;
  BenchChild child_small, child_large;
  gboolean ok = TRUE;

  child_small = run_agree (cli, small, level);
  child_large = run_agree (cli, large, level);
  g_assert_nonnull (strstr (child_large.output, "\"alpha\""));

  label = g_strdup_printf ("agree --table, %s, 100,000 units", what);
  ok &= bench_report (label, child_large.seconds, "s", 1.0);
  ok &= bench_report ("  peak memory", child_large.peak_mb, "MB", 200);
  ok &= bench_report ("  time, 100,000 over 10,000 units", child_large.seconds / child_small.seconds,
                      "x", MAX_GROWTH);

  g_free (child_small.output);
  g_free (child_large.output);
  return ok;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *self = NULL;
  const char *cli = NULL;
  gboolean ok = TRUE;
  double peak_100, peak_1000;

  if (argc == 4 && strcmp (argv[1], "generate-corpus") == 0)
    return phase_generate_corpus (argv[2], (guint) g_ascii_strtoull (argv[3], NULL, 10));

  for (int i = 1; i + 1 < argc; i++)
    if (strcmp (argv[i], "--cli") == 0)
      cli = argv[i + 1];
  if (cli == NULL)
    {
      g_printerr ("usage: bench-agree --cli PATH\n");
      return 2;
    }

  dir = g_dir_make_tmp ("gloss-bench-agree-XXXXXX", &error);
  g_assert_no_error (error);

  self = g_file_read_link ("/proc/self/exe", &error);
  g_assert_no_error (error);
  peak_100 = bench_corpus (self, cli, dir, 100, 0, &ok);
  peak_1000 = bench_corpus (self, cli, dir, 1000, 2.0, &ok);
  {
    double small = bench_report_corpus (cli, dir, 100, 0, 0, &ok);
    double large = bench_report_corpus (cli, dir, 1000, 10.0, 500, &ok);

    ok &= bench_report ("  time, 1,000 over 100 articles", large / small, "x", 15);
  }
  ok &= bench_report ("  peak memory, 1,000 articles over 100", peak_1000 / peak_100, "x", 1.25);

  ok &= measure (cli, dir, "3 coders, nominal", FALSE, "nominal");
  ok &= measure (cli, dir, "2 coders, every score different, interval", TRUE, "interval");
  ok &= measure (cli, dir, "2 coders, every score different, ordinal", TRUE, "ordinal");

  delete_tree (dir);
  g_print (ok ? "All targets met.\n" : "Some targets missed.\n");
  return ok ? 0 : 1;
}
