/* bench-annotation-file.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Times the annotation file on a large case: a 5 MB article with 100,000
 * annotations, then the same annotations with 50,000 relations between
 * them and an attribute on every tenth.  Each phase runs in a child
 * process of its own so that its peak memory (the child's maximum
 * resident set) is its own.
 *
 *   bench-annotation-file [--keep DIR] [--cli PATH]
 */

#define G_LOG_DOMAIN "bench"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "gloss-annotation-file.h"
#include "gloss-error.h"
#include "bench-util.h"

#define ARTICLE_BYTES (5 * 1000 * 1000)
#define N_ANNOTATIONS 100000
#define N_RELATIONS 50000
/* The annotator of the file with relations. */
#define LINKED "linked"

static const char * const words[] = {
  "le", "contrat", "d’hébergement", "numérique", "agence", "régionale", "santé",
  "Cirrane", "Altaïde", "données", "souveraineté", "marché", "public", "été",
  "attribué", "concurrents", "écart", "coût", "élus", "procédure", "contestée",
  "the", "bridge", "council", "tender", "savings", "million", "claim", "firm",
  "à", "de", "la", "et", "les", "une", "selon", "affirme", "déclaré", "œuvre",
};

static void
write_article (const char *path)
{
  g_autoptr(GString) text = g_string_sized_new (ARTICLE_BYTES + 1024);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GError) error = NULL;
  guint in_sentence = 0, in_paragraph = 0;

  while (text->len < ARTICLE_BYTES)
    {
      const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];

      if (in_sentence == 0)
        {
          g_autofree char *upper = g_utf8_strup (word, 1);
          g_string_append (text, word);
          (void)upper;
        }
      else
        {
          g_string_append_c (text, ' ');
          g_string_append (text, word);
        }

      if (++in_sentence == 14)
        {
          g_string_append (text, ". ");
          in_sentence = 0;
          if (++in_paragraph == 6)
            {
              g_string_append (text, "\n\n");
              in_paragraph = 0;
            }
        }
    }

  if (!g_file_set_contents (path, text->str, text->len, &error))
    g_error ("%s", error->message);
}

static int
phase_generate (const char *dir)
{
  g_autofree char *article_path = g_build_filename (dir, "big.txt", NULL);
  g_autoptr(GFile) article = NULL;
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GError) error = NULL;
  static const char * const tags[] = { "company", "controversy", "claim" };
  GlossLayer *layer;
  guint length, added = 0;

  write_article (article_path);
  article = g_file_new_for_path (article_path);
  source = gloss_source_new_from_plain_text (article, 0, NULL, &error);
  g_assert_no_error (error);

  file = gloss_annotation_file_new (source, "bench", "Bench Mark");
  layer = gloss_annotation_file_get_layer (file);
  length = gloss_source_get_length (source);

  while (added < N_ANNOTATIONS)
    {
      guint start = g_rand_int_range (rand, 0, length - 200);
      guint span = g_rand_int_range (rand, 3, 120);
      const char *tag = tags[g_rand_int_range (rand, 0, G_N_ELEMENTS (tags))];
      const char *note = g_rand_int_range (rand, 0, 10) == 0 ? "À vérifier.\nSource : dossier." : NULL;

      if (gloss_layer_annotate (layer, tag, start, start + span, note) != NULL)
        added++;
    }

  if (!gloss_annotation_file_save (file, GLOSS_SAVE_NONE, NULL, &error))
    g_error ("%s", error->message);

  return 0;
}

/* The file of @annotator on the article of @dir. */
static char *
file_path (const char *dir,
           const char *annotator)
{
  g_autofree char *name = g_strdup_printf ("big.txt.%s.gloss.json", annotator);

  return g_build_filename (dir, name, NULL);
}

/* Gives a copy of the file of "bench" N_RELATIONS relations between
 * annotations at random, and a verdict to every tenth claim, as the file
 * of LINKED. */
static int
phase_relate (const char *dir)
{
  g_autofree char *path = file_path (dir, "bench");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossAnnotationFile) af = NULL;
  g_autoptr(GlossAnnotationFile) linked = NULL;
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(GError) error = NULL;
  static const char * const types[] = { "said-by", "about" };
  GListModel *model;
  GlossLayer *layer;
  guint n, added = 0;

  af = gloss_annotation_file_open (file, GLOSS_LOAD_NONE, NULL, &error);
  g_assert_no_error (error);
  model = G_LIST_MODEL (gloss_annotation_file_get_layer (af));
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (model, i);

      g_ptr_array_add (annotations, gloss_annotation_copy (a));
    }

  linked = gloss_annotation_file_new (gloss_annotation_file_get_source (af), LINKED, "Linked");
  layer = gloss_annotation_file_get_layer (linked);
  gloss_layer_replace_all (layer, annotations);

  for (guint i = 0; i < n; i += 10)
    {
      GlossAnnotation *a = g_ptr_array_index (annotations, i);

      if (strcmp (gloss_annotation_get_tag (a), "claim") == 0)
        gloss_layer_set_attribute (layer, a, "verdict", g_variant_new_string ("misleading"));
    }

  while (added < N_RELATIONS)
    {
      GlossAnnotation *from = g_ptr_array_index (annotations, g_rand_int_range (rand, 0, n));
      GlossAnnotation *to = g_ptr_array_index (annotations, g_rand_int_range (rand, 0, n));

      if (from != to &&
          gloss_layer_link (layer, types[g_rand_int_range (rand, 0, G_N_ELEMENTS (types))],
                            gloss_annotation_get_id (from), gloss_annotation_get_id (to), NULL) != NULL)
        added++;
    }

  if (!gloss_annotation_file_save (linked, GLOSS_SAVE_NONE, NULL, &error))
    g_error ("%s", error->message);

  return 0;
}

/* Deletes 1,000 passages that have relations, one step each, and undoes
 * it all: each finds its relations by the layer's indexes. */
static int
phase_delete (const char *dir)
{
  g_autofree char *path = file_path (dir, LINKED);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossAnnotationFile) af = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) linked = g_ptr_array_new_with_free_func (g_object_unref);
  GlossLayer *layer;
  guint relations;
  double t0, t1;

  af = gloss_annotation_file_open (file, GLOSS_LOAD_NONE, NULL, &error);
  g_assert_no_error (error);
  layer = gloss_annotation_file_get_layer (af);
  relations = gloss_layer_get_n_relations (layer);
  for (guint i = 0; linked->len < 1000; i++)
    {
      GlossRelation *relation = gloss_layer_get_relation (layer, i);
      GlossAnnotation *a = gloss_layer_lookup (layer, gloss_relation_get_source (relation));

      if (!g_ptr_array_find (linked, a, NULL))
        g_ptr_array_add (linked, g_object_ref (a));
    }

  t0 = bench_now ();
  for (guint i = 0; i < linked->len; i++)
    g_assert_true (gloss_layer_remove (layer, g_ptr_array_index (linked, i)));
  t1 = bench_now ();
  while (gloss_layer_undo (layer))
    ;
  g_assert_cmpuint (gloss_layer_get_n_relations (layer), ==, relations);
  g_print ("%.3f %.3f\n", t1 - t0, bench_now () - t1);
  return 0;
}

static int
phase_load (const char *dir,
            const char *annotator)
{
  g_autofree char *path = file_path (dir, annotator);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossAnnotationFile) af = NULL;
  g_autoptr(GError) error = NULL;
  double t0 = bench_now ();

  af = gloss_annotation_file_open (file, GLOSS_LOAD_NONE, NULL, &error);
  g_assert_no_error (error);
  g_print ("%.3f\n", bench_now () - t0);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gloss_annotation_file_get_layer (af))), ==, N_ANNOTATIONS);
  g_assert_cmpuint (gloss_layer_count_status (gloss_annotation_file_get_layer (af), GLOSS_ANCHOR_ANCHORED), ==, N_ANNOTATIONS);
  g_assert_cmpuint (gloss_layer_get_n_relations (gloss_annotation_file_get_layer (af)), ==,
                    strcmp (annotator, LINKED) == 0 ? N_RELATIONS : 0);
  return 0;
}

static int
phase_save (const char *dir,
            const char *annotator)
{
  g_autofree char *path = file_path (dir, annotator);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossAnnotationFile) af = NULL;
  g_autoptr(GError) error = NULL;
  double t0;

  af = gloss_annotation_file_open (file, GLOSS_LOAD_NONE, NULL, &error);
  g_assert_no_error (error);

  t0 = bench_now ();
  if (!gloss_annotation_file_save (af, GLOSS_SAVE_NONE, NULL, &error))
    g_error ("%s", error->message);
  g_print ("%.3f\n", bench_now () - t0);
  return 0;
}

/* Loads and saves the file of @annotator, each in a child of its own,
 * and reports them against the targets of 100,000 annotations. */
static gboolean
measure_load_and_save (const char *self,
                       const char *dir,
                       const char *annotator)
{
  gboolean ok = TRUE;
  BenchChild r;

  {
    char *args[] = { (char *)self, (char *)"load", (char *)dir, (char *)annotator, NULL };
    r = bench_run_child (args);
    ok &= bench_report ("load + anchor check", g_ascii_strtod (r.output, NULL), "s", 1.0);
    ok &= bench_report ("  peak memory (load process)", r.peak_mb, "MB", 300);
    /* On a busy machine, what the process itself cost. */
    bench_report ("  processor time (load process)", r.cpu_seconds, "s", 0);
    g_free (r.output);
  }
  {
    char *args[] = { (char *)self, (char *)"save", (char *)dir, (char *)annotator, NULL };
    r = bench_run_child (args);
    ok &= bench_report ("save", g_ascii_strtod (r.output, NULL), "s", 0.5);
    ok &= bench_report ("  peak memory (load + save process)", r.peak_mb, "MB", 300);
    bench_report ("  processor time (load + save process)", r.cpu_seconds, "s", 0);
    g_free (r.output);
  }

  return ok;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *json_path = NULL;
  const char *cli = NULL;
  const char *keep = NULL;
  gboolean ok = TRUE;
  BenchChild r;

  if (argc == 3 && strcmp (argv[1], "generate") == 0)
    return phase_generate (argv[2]);
  if (argc == 4 && strcmp (argv[1], "load") == 0)
    return phase_load (argv[2], argv[3]);
  if (argc == 4 && strcmp (argv[1], "save") == 0)
    return phase_save (argv[2], argv[3]);
  if (argc == 3 && strcmp (argv[1], "relate") == 0)
    return phase_relate (argv[2]);
  if (argc == 3 && strcmp (argv[1], "delete") == 0)
    return phase_delete (argv[2]);

  for (int i = 1; i + 1 < argc; i += 2)
    {
      if (strcmp (argv[i], "--cli") == 0)
        cli = argv[i + 1];
      else if (strcmp (argv[i], "--keep") == 0)
        keep = argv[i + 1];
    }

  self = g_file_read_link ("/proc/self/exe", NULL);
  dir = keep ? g_strdup (keep) : g_dir_make_tmp ("gloss-bench-XXXXXX", NULL);
  g_mkdir_with_parents (dir, 0755);
  json_path = g_build_filename (dir, "big.txt.bench.gloss.json", NULL);

  {
    char *args[] = { self, (char *)"generate", dir, NULL };
    r = bench_run_child (args);
      g_clear_pointer (&r.output, g_free);
  }
  {
    g_autoptr(GFile) f = g_file_new_for_path (json_path);
    g_autoptr(GFileInfo) info = g_file_query_info (f, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);

    g_print ("Article: 5 MB, %d annotations; annotation file %.1f MB (generated in %.1f s)\n\n",
             N_ANNOTATIONS, g_file_info_get_size (info) / 1e6, r.seconds);
  }

  ok &= measure_load_and_save (self, dir, "bench");
  if (cli != NULL)
    {
      char *args[] = { (char *)cli, (char *)"list", json_path, NULL };
      r = bench_run_child (args);
      g_clear_pointer (&r.output, g_free);
      bench_report ("gloss-cli list (whole command)", r.seconds, "s", 0);
      ok &= bench_report ("  peak memory (gloss-cli list)", r.peak_mb, "MB", 300);
    }
  if (g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_autofree char *code = g_strdup_printf ("import json,time\nt=time.monotonic()\n"
                                               "json.load(open(%s, encoding='utf-8'))\n"
                                               "print('%%.3f' %% (time.monotonic()-t))\n",
                                               "__import__('sys').argv[1]");
      char *args[] = { (char *)"/usr/bin/python3", (char *)"-c", code, json_path, NULL };
      r = bench_run_child (args);
      bench_report ("Python json.load, same file", g_ascii_strtod (r.output, NULL), "s", 0);
      bench_report ("  peak memory (Python)", r.peak_mb, "MB", 0);
      g_free (r.output);
    }

  /* The same annotations with relations and attributes, against the
   * same targets. */
  {
    g_autofree char *linked_path = file_path (dir, LINKED);
    char *args[] = { self, (char *)"relate", dir, NULL };
    g_autoptr(GFile) f = NULL;
    g_autoptr(GFileInfo) info = NULL;

    r = bench_run_child (args);
    g_clear_pointer (&r.output, g_free);
    f = g_file_new_for_path (linked_path);
    info = g_file_query_info (f, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);
    g_print ("\nThe same with %d relations and a verdict on every tenth claim: "
             "annotation file %.1f MB (made in %.1f s)\n\n",
             N_RELATIONS, g_file_info_get_size (info) / 1e6, r.seconds);
    ok &= measure_load_and_save (self, dir, LINKED);
  }
  {
    char *args[] = { self, (char *)"delete", dir, NULL };
    char *undo;
    double removing;

    r = bench_run_child (args);
    removing = g_ascii_strtod (r.output, &undo);
    ok &= bench_report ("delete 1,000 linked passages, one step each", removing, "s", 0.5);
    ok &= bench_report ("  undo them all", g_ascii_strtod (undo, NULL), "s", 0.5);
    g_free (r.output);
  }

  if (keep == NULL)
    {
      g_autofree char *a = g_build_filename (dir, "big.txt", NULL);
      g_autofree char *linked_path = file_path (dir, LINKED);

      g_unlink (a);
      g_unlink (json_path);
      g_unlink (linked_path);
      g_rmdir (dir);
    }

  g_print ("\n%s\n", ok ? "All targets met." : "Some targets were missed.");
  return ok ? 0 : 1;
}
