/* bench-corpus.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A folder as a corpus, at scale: 10,000 articles of 5 KB in 100
 * subfolders, each annotated by three annotators with 20 passages (a
 * third of the files marked done, one article in a hundred without any
 * file), with a gloss-assignments.csv giving each article to two of the
 * three annotators:
 *
 *   - gloss-cli status on the folder, its assignments read and counted
 *     (target: 3 s);
 *   - gloss-cli concordance --match on it (target: 2 s), and --tag, which
 *     reads every annotation file too;
 *   - the core's scan alone (the walk, the assignments, then every
 *     article's status in one thread, as a window's worker would), its
 *     time and peak memory (target: 300 MB);
 *   - the core's concordance of a phrase alone (the walk, then every
 *     article searched in one thread, as the window's worker does)
 *     (target: 2 s).
 *
 *   bench-corpus --cli PATH [--keep DIR]
 */

#include "config.h"

#include <string.h>

#include "gloss-annotation-file.h"
#include "gloss-concordance.h"
#include "gloss-corpus-assignments.h"
#include "gloss-corpus.h"
#include "gloss-corpus-status.h"
#include "bench-util.h"
#include "file-test-util.h"

#define N_ARTICLES 10000
#define PER_FOLDER 100
#define ANNOTATORS 3
#define PASSAGES 20
#define ARTICLE_BYTES 5000
/* The word the concordance looks for: one to three times an article. */
#define KEYWORD "Keystone"

/* Writes @annotator's file on @source with PASSAGES passages at random,
 * without the lock and sync of a save: the data only has to exist. */
static void
write_annotations (GRand       *rand,
                   GlossSource *source,
                   const char  *annotator,
                   gboolean     done)
{
  g_autoptr(GlossAnnotationFile) file = gloss_annotation_file_new (source, annotator, NULL);
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *path = NULL;
  guint length = gloss_source_get_length (source);
  gsize n_bytes;

  for (guint i = 0; i < PASSAGES; i++)
    {
      /* Each in its own stretch of the text, so that none repeats. */
      guint start = i * (length / PASSAGES) + g_rand_int_range (rand, 0, 50);
      guint end = start + g_rand_int_range (rand, 3, 60);

      g_ptr_array_add (annotations, gloss_annotation_new_for_source (source, "company", start, end,
                                                                     NULL));
    }
  gloss_layer_replace_all (gloss_annotation_file_get_layer (file), annotations);
  if (done)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      gloss_annotation_file_set_done (file, now);
    }

  data = gloss_annotation_file_serialize (file, &n_bytes);
  path = g_file_get_path (gloss_annotation_file_get_file (file));
  if (!g_file_set_contents (path, data, n_bytes, &error))
    g_error ("%s", error->message);
}

/* Whether article @i is assigned to annotator @a (0 to ANNOTATORS - 1):
 * to two of the three, in turn. */
static gboolean
is_assigned (guint i,
             guint a)
{
  return a == i % ANNOTATORS || a == (i + 1) % ANNOTATORS;
}

static void
generate_corpus (const char *dir)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (N_ARTICLES);
  g_autoptr(GString) assignments = g_string_new ("article,annotator,note\r\n");
  g_autofree char *assignments_path = g_build_filename (dir, "gloss-assignments.csv", NULL);

  for (guint i = 0; i < N_ARTICLES; i++)
    {
      g_autofree char *sub = g_strdup_printf ("%s/part-%03u", dir, i / PER_FOLDER);
      g_autofree char *path = g_strdup_printf ("%s/article-%05u.txt", sub, i);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GlossSource) source = NULL;
      g_autoptr(GError) error = NULL;
      guint keywords = g_rand_int_range (rand, 1, 4);

      while (text->len < ARTICLE_BYTES)
        {
          if (keywords > 0 && g_rand_int_range (rand, 0, 200) == 0)
            {
              g_string_append (text, KEYWORD " ");
              keywords--;
            }
          g_string_append (text, bench_random_word (rand));
          g_string_append (text, g_rand_int_range (rand, 0, 12) == 0 ? ". " : " ");
        }
      g_mkdir_with_parents (sub, 0755);
      write_file (path, text->str);
      for (guint a = 0; a < ANNOTATORS; a++)
        if (is_assigned (i, a))
          g_string_append_printf (assignments, "part-%03u/article-%05u.txt,annotator-%u,\"batch %u, first pass\"\r\n",
                                  i / PER_FOLDER, i, a + 1, i / 1000);

      /* One article in a hundred has not been started by anyone. */
      if (i % 100 == 99)
        continue;
      source = gloss_source_new_from_plain_text (file, 0, NULL, &error);
      if (source == NULL)
        g_error ("%s", error->message);
      for (guint a = 0; a < ANNOTATORS; a++)
        {
          g_autofree char *id = g_strdup_printf ("annotator-%u", a + 1);

          write_annotations (rand, source, id, (i + a) % 3 == 0);
        }
    }
  write_file (assignments_path, assignments->str);
}

/* The core's scan of @dir, run in a child so that its peak memory is its
 * own: prints how many articles and done files it found. */
static int
scan (const char *dir)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GlossCorpusListing) listing = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GlossAssignments) assignments = NULL;
  g_autoptr(GError) error = NULL;
  guint done = 0, assigned = 0;

  listing = gloss_corpus_listing_new (folder, NULL, &error);
  if (listing == NULL)
    g_error ("%s", error->message);
  assignments = gloss_assignments_load (folder, NULL, &error);
  if (assignments == NULL)
    g_error ("%s", error->message);
  statuses = gloss_corpus_status_scan (listing, NULL, NULL);
  for (guint i = 0; i < statuses->len; i++)
    {
      GlossArticleStatus *status = g_ptr_array_index (statuses, i);
      g_autofree char *path = gloss_assignments_path_of (folder, status->article);

      for (guint k = 0; k < status->work->len; k++)
        {
          GlossAnnotatorWork *work = g_ptr_array_index (status->work, k);

          done += work->status == GLOSS_WORK_DONE;
          assigned += gloss_assignments_is_assigned (assignments, path, work->annotator);
        }
    }
  g_print ("%u articles, %u done, %u assigned\n", statuses->len, done, assigned);
  return 0;
}

/* The core's concordance of KEYWORD over @dir in one thread, run in a
 * child as the scan is: prints how many occurrences it found. */
static int
concordance (const char *dir)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GlossCorpusListing) listing = NULL;
  g_autoptr(GError) error = NULL;
  GlossConcordanceQuery query = { .match = "keystone", .context = 40, .whole_words = TRUE };
  guint found = 0;

  listing = gloss_corpus_listing_new (folder, NULL, &error);
  if (listing == NULL)
    g_error ("%s", error->message);
  for (guint i = 0; i < listing->articles->len; i++)
    {
      GlossCorpusArticle *article = g_ptr_array_index (listing->articles, i);
      g_autoptr(GlossConcordanceHits) hits = NULL;

      hits = gloss_concordance_search (&query, article->article, article->annotation_files, NULL);
      found += hits->rows->len;
    }
  g_print ("%u occurrences of " KEYWORD "\n", found);
  return 0;
}

/* Runs @argv, checks that its output holds @expected, and reports its
 * time against @target and its peak memory against @memory_target. */
static gboolean
measure (char       **argv,
         const char  *what,
         const char  *expected,
         double       target,
         double       memory_target)
{
  BenchChild child = bench_run_child (argv);
  gboolean ok = TRUE;

  if (strstr (child.output, expected) == NULL)
    g_error ("%s: “%s” is not in its output:\n%.2000s", what, expected, child.output);
  g_free (child.output);
  ok &= bench_report (what, child.seconds, "s", target);
  /* On a machine others share, the wall time waits for them; the
   * processor time is the work's own. */
  bench_report ("  processor time, all threads", child.cpu_seconds, "s", 0);
  ok &= bench_report ("  peak memory", child.peak_mb, "MB", memory_target);
  return ok;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *self = NULL;
  g_autofree char *done_line = NULL;
  const char *cli = NULL;
  const char *keep = NULL;
  gboolean ok = TRUE;
  guint n_assigned = 0, n_assigned_done = 0;

  if (argc == 3 && strcmp (argv[1], "scan") == 0)
    return scan (argv[2]);
  if (argc == 3 && strcmp (argv[1], "concordance") == 0)
    return concordance (argv[2]);
  if (argc == 3 && strcmp (argv[1], "generate") == 0)
    {
      generate_corpus (argv[2]);
      return 0;
    }

  bench_parse_cli_args (argc, argv, &cli, &keep);
  if (cli == NULL)
    {
      g_printerr ("usage: bench-corpus --cli PATH [--keep DIR]\n");
      return 2;
    }

  /* With --keep, the corpus is made in DIR and left there, to look into a
   * figure. */
  dir = keep ? g_strdup (keep) : g_dir_make_tmp ("gloss-bench-corpus-XXXXXX", &error);
  g_assert_no_error (error);
  g_mkdir_with_parents (dir, 0755);
  self = g_file_read_link ("/proc/self/exe", &error);
  g_assert_no_error (error);

  /* In a child, so that this process stays small: a child started from
   * it may be charged its memory until it runs its own program. */
  {
    char *args[] = { self, (char *) "generate", dir, NULL };
    BenchChild child = bench_run_child (args);

    g_free (child.output);
    bench_report ("generating 10,000 articles x 3 annotators", child.seconds, "s", 0);
  }

  /* Annotator 1 marked done the articles whose number is a multiple of
   * 3, but for those nobody started. */
  for (guint i = 0; i < N_ARTICLES; i++)
    {
      n_assigned += is_assigned (i, 0);
      n_assigned_done += is_assigned (i, 0) && i % 3 == 0 && i % 100 != 99;
    }
  /* The summary, with the assignments read and counted. */
  done_line = g_strdup_printf ("annotator-1: %u of %u assigned done (", n_assigned_done, n_assigned);

  /* The core's scan first: a child is charged the memory of this process
   * until it runs its own program, and this process holds what the
   * children print, tens of megabytes for concordance --tag. */
  {
    char *args[] = { self, (char *) "scan", dir, NULL };
    /* One file marked done on each article started; each article
     * assigned to two annotators. */
    g_autofree char *expected = g_strdup_printf ("%u articles, %u done, %u assigned\n", N_ARTICLES,
                                                 N_ARTICLES - N_ARTICLES / 100, 2 * N_ARTICLES);

    ok &= measure (args, "core scan (walk, assignments, then status, one thread)", expected, 0, 300);
  }
  {
    char *args[] = { self, (char *) "concordance", dir, NULL };

    ok &= measure (args, "core concordance --match (walk, then search, one thread)",
                   " occurrences of " KEYWORD, 2.0, 0);
  }
  {
    char *args[] = { (char *) cli, (char *) "status", dir, NULL };

    ok &= measure (args, "gloss-cli status, 10,000 articles", done_line, 3.0, 0);
  }
  {
    char *args[] = { (char *) cli, (char *) "concordance", (char *) "--match",
                     (char *) "keystone", dir, NULL };

    ok &= measure (args, "gloss-cli concordance --match", "\t" KEYWORD "\t", 2.0, 0);
  }
  {
    char *args[] = { (char *) cli, (char *) "concordance", (char *) "--tag", (char *) "company",
                     dir, NULL };

    ok &= measure (args, "gloss-cli concordance --tag (every file read)", "\tannotator-3\n", 0, 0);
  }

  if (keep == NULL)
    delete_tree (dir);
  g_print (ok ? "All targets met.\n" : "Some targets missed.\n");
  return ok ? 0 : 1;
}
