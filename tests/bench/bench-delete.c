/* bench-delete.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Times gloss-cli delete, the whole command, on one article's file of
 * 50,000 and of 100,000 annotations (a 2.5 MB and a 5 MB article, three
 * tags at random): deleting every annotation of one tag, about a third
 * (target: 3 s for 100,000), and --dry-run of the same.  Twice the
 * annotations may not take much more than twice the time.
 *
 *   bench-delete --cli PATH [--keep DIR]
 */

#define G_LOG_DOMAIN "bench"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "gloss-annotation-file.h"
#include "bench-util.h"
#include "file-test-util.h"

/* Writes an article of @bytes in @dir/@name and a file of @count
 * annotations of the annotator "bench" beside it. */
static int
phase_generate (const char *dir,
                const char *name,
                guint       count)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (count);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *text = bench_make_text (rand, (gsize)count * 50);
  g_autoptr(GFile) article = g_file_new_for_path (path);
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, text, -1, &error))
    g_error ("%s", error->message);
  source = gloss_source_new_from_plain_text (article, 0, NULL, &error);
  if (source == NULL)
    g_error ("%s", error->message);
  g_object_unref (bench_annotate_randomly (rand, source, "bench", "bench", count));
  return 0;
}

/* Runs gloss-cli delete on @article (with --dry-run when @dry_run) and
 * reports its time; returns it. */
static double
bench_delete (const char *cli,
              const char *article,
              guint       count,
              gboolean    dry_run,
              double      target,
              gboolean   *ok)
{
  char *args[] = { (char *)cli, (char *)"delete", (char *)"--annotator", (char *)"bench",
                   (char *)"--tag", (char *)"claim", (char *)article,
                   dry_run ? (char *)"--dry-run" : NULL, NULL };
  g_autofree char *what = g_strdup_printf ("gloss-cli delete --tag%s, %u annotations",
                                           dry_run ? " --dry-run" : "", count);
  BenchChild child = bench_run_child (args);

  g_free (child.output);
  *ok &= bench_report (what, child.seconds, "s", target);
  bench_report ("  peak memory", child.peak_mb, "MB", 0);
  return child.seconds;
}

int
main (int    argc,
      char **argv)
{
  static const guint counts[] = { 50000, 100000 };
  g_autofree char *self = NULL;
  g_autofree char *dir = NULL;
  const char *cli;
  const char *keep;
  gboolean ok = TRUE;
  double seconds[G_N_ELEMENTS (counts)];

  if (argc == 5 && strcmp (argv[1], "generate") == 0)
    return phase_generate (argv[2], argv[3], (guint)g_ascii_strtoull (argv[4], NULL, 10));

  bench_parse_cli_args (argc, argv, &cli, &keep);
  if (cli == NULL)
    {
      g_printerr ("usage: bench-delete --cli PATH [--keep DIR]\n");
      return 2;
    }

  self = g_file_read_link ("/proc/self/exe", NULL);
  dir = keep ? g_strdup (keep) : g_dir_make_tmp ("gloss-bench-delete-XXXXXX", NULL);
  g_mkdir_with_parents (dir, 0755);

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *name = g_strdup_printf ("article-%u.txt", counts[i]);
      g_autofree char *count = g_strdup_printf ("%u", counts[i]);
      g_autofree char *article = g_build_filename (dir, name, NULL);
      char *args[] = { self, (char *)"generate", dir, name, count, NULL };
      BenchChild child = bench_run_child (args);

      g_free (child.output);
      bench_delete (cli, article, counts[i], TRUE, 0, &ok);
      seconds[i] = bench_delete (cli, article, counts[i], FALSE,
                                 counts[i] == 100000 ? 3.0 : 0, &ok);
    }

  /* Linear: twice the annotations, at most 2.5 times the time. */
  ok &= bench_report ("time, 100,000 annotations over 50,000", seconds[1] / seconds[0], "x", 2.5);

  if (keep == NULL)
    delete_tree (dir);

  g_print ("\n%s\n", ok ? "All targets met." : "Some targets were missed.");
  return ok ? 0 : 1;
}
