/* bench-export.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Times the export:
 *
 *   - 100,000 annotations of one 5 MB article to each format (target:
 *     1 s each, the export alone, the file already open), and to CSV for
 *     spreadsheets (csv:excel); CoNLL of two annotators of 100,000
 *     annotations each side by side (conll:columns), at most 2.5 times
 *     the time of one;
 *   - 100,000 passages with 50,000 relations and the claims' verdicts
 *     (annotator "related") to brat, Label Studio and the others (target:
 *     2 s each), and half of both (annotator "related-half"): the
 *     export must stay linear, the whole at most 2.4 times the half;
 *   - folders of 100 and of 1,000 articles with 3 annotators each to CSV
 *     with gloss-cli, the whole command (target: 5 s for 1,000), and its
 *     peak memory, which must not grow with the number of articles.
 *
 * Each measure runs in a child process so that its peak memory (the
 * child's maximum resident set) is its own.
 *
 *   bench-export --cli PATH [--keep DIR]
 */

#define G_LOG_DOMAIN "bench"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "gloss-annotation-file.h"
#include "gloss-export.h"
#include "bench-util.h"
#include "file-test-util.h"

#define BIG_BYTES (5 * 1000 * 1000)
#define BIG_ANNOTATIONS 100000
#define BIG_RELATIONS 50000
#define ANNOTATORS 3
#define PER_ANNOTATOR 12

static void
write_or_die (const char *path,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, text, -1, &error))
    g_error ("%s", error->message);
}

/* Adds @count annotations to a new file of @annotator and saves it. */
static void
annotate_randomly (GRand      *rand,
                   const char *article_path,
                   const char *annotator,
                   guint       count)
{
  g_autoptr(GFile) article = g_file_new_for_path (article_path);
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GError) error = NULL;

  source = gloss_source_new_from_plain_text (article, 0, NULL, &error);
  if (source == NULL)
    g_error ("%s", error->message);
  g_object_unref (bench_annotate_randomly (rand, source, annotator, annotator, count));
}

static void
relate (GRand      *rand,
        const char *article_path,
        const char *annotator,
        guint       count,
        guint       n_relations)
{
  g_autoptr(GFile) article = g_file_new_for_path (article_path);
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autoptr(GError) error = NULL;

  source = gloss_source_new_from_plain_text (article, 0, NULL, &error);
  if (source == NULL)
    g_error ("%s", error->message);
  file = bench_annotate_randomly (rand, source, annotator, annotator, count);
  bench_relate_randomly (rand, file, n_relations);
}

static int
phase_generate_big (const char *dir)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autofree char *path = g_build_filename (dir, "big.txt", NULL);
  g_autofree char *text = bench_make_text (rand, BIG_BYTES);

  write_or_die (path, text);
  annotate_randomly (rand, path, "bench", BIG_ANNOTATIONS);
  /* A second annotator, for the CoNLL of annotators side by side. */
  annotate_randomly (rand, path, "bench-2", BIG_ANNOTATIONS);
  /* Passages with relations and attributes, whole and half. */
  relate (rand, path, "related", BIG_ANNOTATIONS, BIG_RELATIONS);
  relate (rand, path, "related-half", BIG_ANNOTATIONS / 2, BIG_RELATIONS / 2);
  return 0;
}

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
      g_autofree char *text = bench_make_text (rand, 3000);

      g_mkdir_with_parents (sub, 0755);
      write_or_die (path, text);
      for (guint a = 0; a < ANNOTATORS; a++)
        {
          g_autofree char *annotator = g_strdup_printf ("annotator-%u", a + 1);

          annotate_randomly (rand, path, annotator, PER_ANNOTATOR);
        }
    }

  return 0;
}

/* Exports the big file to @variant, a format id with an option after a
 * colon ("csv:excel"), and prints the seconds it took. */
static int
phase_export_big (const char *dir,
                  const char *variant)
{
  g_auto(GStrv) parts = g_strsplit (variant, ":", 2);
  const char *format_name = parts[0];
  const char *option = parts[1];
  gboolean related = g_strcmp0 (option, "related") == 0 || g_strcmp0 (option, "related-half") == 0;
  g_autofree char *name = g_strdup_printf ("big.txt.%s.gloss.json", related ? option : "bench");
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *out_path = g_strdup_printf ("%s/out.%s%s", dir, format_name, option ? option : "");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GlossAnnotationFile) afile = NULL;
  g_autoptr(GlossExporter) exporter = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  const GlossFormat *format;
  double t0, cpu0;

  format = gloss_format_lookup (format_name);
  if (format == NULL)
    g_error ("unknown format %s", format_name);

  afile = gloss_annotation_file_open (file, GLOSS_LOAD_NONE, NULL, &error);
  if (afile == NULL)
    g_error ("%s", error->message);
  g_ptr_array_add (files, g_object_ref (afile));
  exporter = gloss_exporter_new (format);
  if (g_strcmp0 (option, "columns") == 0)
    {
      static const char * const columns[] = { "bench", "bench-2", NULL };
      g_autofree char *second_path = g_build_filename (dir, "big.txt.bench-2.gloss.json", NULL);
      g_autoptr(GFile) second_file = g_file_new_for_path (second_path);
      GlossAnnotationFile *second = gloss_annotation_file_load (second_file, GLOSS_LOAD_NONE, NULL,
                                                                &error);

      if (second == NULL ||
          !gloss_annotation_file_attach_source (second, gloss_annotation_file_get_source (afile),
                                                &error))
        g_error ("%s", error->message);
      g_ptr_array_add (files, second);
      gloss_exporter_set_annotator_columns (exporter, columns);
    }

  t0 = bench_now ();
  cpu0 = bench_cpu_seconds ();
  if (g_strcmp0 (option, "excel") == 0)
    gloss_exporter_set_excel (exporter, TRUE);
  if (!gloss_exporter_open_file (exporter, out,
                                 (gloss_format_get_options (format, GLOSS_FORMAT_EXPORT) &
                                  GLOSS_FORMAT_FOLDER_ONLY) != 0,
                                 NULL, &error) ||
      !gloss_exporter_add_files (exporter, gloss_annotation_file_get_source (afile), "big.txt", files,
                                 &error) ||
      !gloss_exporter_finish (exporter, NULL, &error))
    g_error ("%s", error->message);

  g_print ("%.3f %.3f %u\n", bench_now () - t0, bench_cpu_seconds () - cpu0,
           gloss_exporter_get_n_annotations (exporter));
  return 0;
}

/* Exports a corpus of @n articles with gloss-cli; returns its peak. */
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
  g_autofree char *csv = g_strdup_printf ("%s/corpus-%u.csv", dir, n);
  g_autofree char *what = NULL;
  BenchChild child;

  {
    char *args[] = { (char *)self, (char *)"generate-corpus", corpus, count, NULL };

    child = bench_run_child (args);
    g_free (child.output);
  }

  {
    char *args[] = { (char *)cli, (char *)"export", (char *)"--format", (char *)"csv",
                     (char *)"--output", csv, corpus, NULL };

    child = bench_run_child (args);
    g_free (child.output);
  }

  what = g_strdup_printf ("gloss-cli export csv, %u articles x %d", n, ANNOTATORS);
  *ok &= bench_report (what, child.seconds, "s", target);
  bench_report ("  peak memory", child.peak_mb, "MB", 0);
  return child.peak_mb;
}

int
main (int    argc,
      char **argv)
{
  static const char * const formats[] = {
    "csv", "csv:excel", "jsonl", "brat", "w3c", "doccano", "conll", "conll:columns", "labelstudio",
  };
  static const char * const related_formats[] = {
    "brat", "labelstudio", "doccano", "w3c", "csv", "jsonl",
  };
  g_autofree char *self = NULL;
  g_autofree char *dir = NULL;
  const char *cli;
  const char *keep;
  gboolean ok = TRUE;
  double peak_100, peak_1000;
  double conll_wall = 1.0;

  if (argc == 3 && strcmp (argv[1], "generate-big") == 0)
    return phase_generate_big (argv[2]);
  if (argc == 4 && strcmp (argv[1], "generate-corpus") == 0)
    return phase_generate_corpus (argv[2], (guint)g_ascii_strtoull (argv[3], NULL, 10));
  if (argc == 4 && strcmp (argv[1], "export-big") == 0)
    return phase_export_big (argv[2], argv[3]);

  bench_parse_cli_args (argc, argv, &cli, &keep);
  if (cli == NULL)
    {
      g_printerr ("usage: bench-export --cli PATH [--keep DIR]\n");
      return 2;
    }

  self = g_file_read_link ("/proc/self/exe", NULL);
  dir = keep ? g_strdup (keep) : g_dir_make_tmp ("gloss-bench-export-XXXXXX", NULL);
  g_mkdir_with_parents (dir, 0755);

  {
    char *args[] = { self, (char *)"generate-big", dir, NULL };
    BenchChild child = bench_run_child (args);

    g_print ("One 5 MB article with %d annotations (generated in %.1f s)\n\n",
             BIG_ANNOTATIONS, child.seconds);
    g_free (child.output);
  }

  for (guint i = 0; i < G_N_ELEMENTS (related_formats); i++)
    {
      double half = 0, whole = 0;

      for (guint h = 0; h < 2; h++)
        {
          g_autofree char *variant = g_strdup_printf ("%s:%s", related_formats[i],
                                                      h == 0 ? "related-half" : "related");
          char *args[] = { self, (char *)"export-big", dir, variant, NULL };
          BenchChild child = bench_run_child (args);
          g_autofree char *what = g_strdup_printf ("export %s, %s passages, %s relations",
                                                   related_formats[i], h == 0 ? "50,000" : "100,000",
                                                   h == 0 ? "25,000" : "50,000");
          double wall = g_ascii_strtod (child.output, NULL);

          ok &= bench_report (what, wall, "s", h == 0 ? 1.0 : 2.0);
          bench_report ("  peak memory (load + export)", child.peak_mb, "MB", 0);
          *(h == 0 ? &half : &whole) = wall;
          g_free (child.output);
        }
      ok &= bench_report ("  twice the passages and relations over half", whole / MAX (half, 0.001),
                          "x", 2.4);
    }
  g_print ("\n");

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      char *args[] = { self, (char *)"export-big", dir, (char *)formats[i], NULL };
      BenchChild child = bench_run_child (args);
      gboolean columns = strcmp (formats[i], "conll:columns") == 0;
      g_autofree char *what = g_strdup_printf ("export %s, %s annotations", formats[i],
                                               columns ? "2 x 100,000" : "100,000");
      char *cpu = NULL;
      double wall = g_ascii_strtod (child.output, &cpu);

      /* Side by side, two annotators' columns on the same tokens. */
      if (strcmp (formats[i], "conll") == 0)
        conll_wall = wall;
      ok &= bench_report (what, wall, "s", columns ? 2.0 : 1.0);
      if (columns)
        ok &= bench_report ("  over one annotator's conll", wall / conll_wall, "x", 2.5);
      bench_report ("  processor time (user + system)", g_ascii_strtod (cpu, NULL), "s", 0);
      bench_report ("  peak memory (load + export)", child.peak_mb, "MB", 0);
      g_free (child.output);
    }
  g_print ("\n");

  peak_100 = bench_corpus (self, cli, dir, 100, 0, &ok);
  peak_1000 = bench_corpus (self, cli, dir, 1000, 5.0, &ok);
  /* Flat: ten times the articles may not cost a quarter more memory. */
  ok &= bench_report ("peak memory, 1,000 articles over 100", peak_1000 / peak_100, "x", 1.25);

  if (keep == NULL)
    delete_tree (dir);

  g_print ("\n%s\n", ok ? "All targets met." : "Some targets were missed.");
  return ok ? 0 : 1;
}
