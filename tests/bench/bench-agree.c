/* bench-agree.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* gloss-cli agree --table on reliability data at scale: 100,000 units
 * coded by three coders in five categories (nominal), and 100,000 units
 * of two coders' scores, every one a different number (interval and
 * ordinal: the distinct values grow with the table).  Each against the
 * same table of 10,000 units, to show the cost grows linearly.
 *
 *   bench-agree --cli PATH
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bench-util.h"
#include "file-test-util.h"

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
  const char *cli = NULL;
  gboolean ok = TRUE;

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

  ok &= measure (cli, dir, "3 coders, nominal", FALSE, "nominal");
  ok &= measure (cli, dir, "2 coders, every score different, interval", TRUE, "interval");
  ok &= measure (cli, dir, "2 coders, every score different, ordinal", TRUE, "ordinal");

  delete_tree (dir);
  g_print (ok ? "All targets met.\n" : "Some targets missed.\n");
  return ok ? 0 : 1;
}
