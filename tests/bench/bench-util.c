/* bench-util.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <spawn.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench-util.h"

extern char **environ;

double
bench_now (void)
{
  return g_get_monotonic_time () / 1e6;
}

BenchChild
bench_run_child (char **argv)
{
  posix_spawn_file_actions_t actions;
  struct rusage usage;
  g_autofree char *out_path = g_build_filename (g_get_tmp_dir (), "gloss-bench-out-XXXXXX", NULL);
  BenchChild child = { 0 };
  double t0;
  pid_t pid;
  int status, fd;

  /* The output goes to a file, not a pipe, so that a child printing a
   * lot never blocks on a full pipe while it is timed. */
  fd = g_mkstemp (out_path);
  g_assert (fd >= 0);
  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_adddup2 (&actions, fd, STDOUT_FILENO);

  t0 = bench_now ();
  if (posix_spawn (&pid, argv[0], &actions, NULL, argv, environ) != 0)
    g_error ("could not run %s", argv[0]);
  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s %s failed", argv[0], argv[1] ? argv[1] : "");
  child.seconds = bench_now () - t0;
  child.peak_mb = usage.ru_maxrss / 1024.0;
  child.cpu_seconds = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
                      usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;

  posix_spawn_file_actions_destroy (&actions);
  close (fd);
  g_file_get_contents (out_path, &child.output, NULL, NULL);
  g_unlink (out_path);
  return child;
}

gboolean
bench_report (const char *what,
              double      value,
              const char *unit,
              double      target)
{
  gboolean ok = target <= 0 || value <= target;

  if (target > 0)
    g_print ("%-44s %9.3f %s   (target <= %g %s)%s\n", what, value, unit, target, unit,
             ok ? "" : "   MISSED");
  else
    g_print ("%-44s %9.3f %s\n", what, value, unit);
  return ok;
}

void
bench_parse_cli_args (int          argc,
                      char       **argv,
                      const char **cli,
                      const char **keep)
{
  *cli = NULL;
  *keep = NULL;
  for (int i = 1; i + 1 < argc; i += 2)
    {
      if (strcmp (argv[i], "--cli") == 0)
        *cli = argv[i + 1];
      else if (strcmp (argv[i], "--keep") == 0)
        *keep = argv[i + 1];
    }
}

int
bench_compare_doubles (gconstpointer a,
                       gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

double
bench_cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double
bench_thread_cpu_seconds (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec + now.tv_nsec / 1e9;
}

double
bench_host_steal_seconds (void)
{
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  long ticks = sysconf (_SC_CLK_TCK);
  char *end;

  /* "cpu  user nice system idle iowait irq softirq steal ..." */
  if (ticks <= 0 || !g_file_get_contents ("/proc/stat", &stat, NULL, NULL) || !g_str_has_prefix (stat, "cpu "))
    return -1;
  if ((end = strchr (stat, '\n')) != NULL)
    *end = '\0';
  fields = g_strsplit_set (stat + 4, " ", -1);
  for (guint i = 0, n = 0; fields[i] != NULL; i++)
    if (fields[i][0] != '\0' && ++n == 8)
      return g_ascii_strtod (fields[i], NULL) / ticks;
  return -1;
}

static const char * const vocabulary[] = {
  "la", "mairie", "a", "signé", "un", "contrat", "avec", "l’entreprise", "Ostral", "pour",
  "rénover", "le", "pont", "selon", "élus", "d’opposition", "coût", "dépassé", "😀",
  "council", "tender", "bridge", "savings", "claimed", "firm", "Ænor", "Quay", "north",
};

static const char * const tags[] = { "company", "controversy", "claim" };

const char *
bench_random_word (GRand *rand)
{
  return vocabulary[g_rand_int_range (rand, 0, G_N_ELEMENTS (vocabulary))];
}

/* About @bytes of sentences, paragraphs now and then, some lines ending
 * in CRLF. */
char *
bench_make_text (GRand *rand,
                 gsize  bytes)
{
  GString *text = g_string_sized_new (bytes + 256);
  guint words = 0;

  while (text->len < bytes)
    {
      const char *word = bench_random_word (rand);

      if (words > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, word);
      words++;

      if (g_rand_int_range (rand, 0, 12) == 0)
        {
          g_string_append_c (text, '.');
          if (g_rand_int_range (rand, 0, 5) == 0)
            g_string_append (text, g_rand_boolean (rand) ? "\n\n" : "\r\n");
          else
            g_string_append_c (text, ' ');
          words = 0;
        }
    }

  return g_string_free (text, FALSE);
}

GlossAnnotationFile *
bench_annotate_randomly (GRand       *rand,
                         GlossSource *source,
                         const char  *annotator,
                         const char  *name,
                         guint        count)
{
  g_autoptr(GlossAnnotationFile) file = gloss_annotation_file_new (source, annotator, name);
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  guint length = gloss_source_get_length (source);

  while (annotations->len < count)
    {
      guint start = g_rand_int_range (rand, 0, length - 100);
      guint end = start + g_rand_int_range (rand, 1, 90);
      guint tag = g_rand_int_range (rand, 0, G_N_ELEMENTS (tags));
      const char *note = g_rand_int_range (rand, 0, 8) == 0 ? "To check,\nsee \"file 3\"." : NULL;
      gint64 key = ((gint64)start << 32 | end) * 4 + tag;

      /* A layer never holds one tag twice on one span. */
      if (g_hash_table_contains (taken, &key))
        continue;
      g_hash_table_add (taken, g_memdup2 (&key, sizeof key));
      g_ptr_array_add (annotations,
                       gloss_annotation_new_for_source (source, tags[tag], start, end, note));
    }
  gloss_layer_replace_all (gloss_annotation_file_get_layer (file), annotations);
  if (!gloss_annotation_file_save (file, GLOSS_SAVE_NONE, NULL, &error))
    g_error ("%s", error->message);

  return g_steal_pointer (&file);
}

void
bench_relate_randomly (GRand               *rand,
                       GlossAnnotationFile *file,
                       guint                n_relations)
{
  static const char * const verdicts[] = { "true", "false", "misleading", "unverifiable" };
  GlossLayer *layer = gloss_annotation_file_get_layer (file);
  GListModel *model = G_LIST_MODEL (layer);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) companies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *a = g_list_model_get_item (model, i);
      const char *tag = gloss_annotation_get_tag (a);

      if (strcmp (tag, "company") == 0)
        g_ptr_array_add (companies, a);
      else
        {
          if (strcmp (tag, "claim") == 0)
            {
              GVariant *verdict = g_variant_new_string (verdicts[g_rand_int_range (rand, 0, 4)]);
              GVariant *attributes = gloss_attributes_with (NULL, "verdict", verdict);

              gloss_annotation_set_attributes (a, attributes);
              g_variant_unref (attributes);
            }
          g_ptr_array_add (sources, a);
        }
    }

  while (relations->len < n_relations && sources->len > 0 && companies->len > 0)
    {
      GlossAnnotation *from = g_ptr_array_index (sources, g_rand_int_range (rand, 0, sources->len));
      GlossAnnotation *to = g_ptr_array_index (companies, g_rand_int_range (rand, 0, companies->len));
      const char *type = strcmp (gloss_annotation_get_tag (from), "claim") == 0 &&
                         g_rand_boolean (rand) ? "said-by" : "about";
      char *key = g_strdup_printf ("%s %s %s", gloss_annotation_get_id (from),
                                   gloss_annotation_get_id (to), type);

      if (g_hash_table_contains (taken, key))
        {
          g_free (key);
          continue;
        }
      g_hash_table_add (taken, key);
      g_ptr_array_add (relations, gloss_relation_new (type, gloss_annotation_get_id (from),
                                                      gloss_annotation_get_id (to),
                                                      g_rand_int_range (rand, 0, 8) == 0 ? "Checked" : NULL));
    }
  gloss_layer_replace_relations (layer, relations);
  if (!gloss_annotation_file_save (file, GLOSS_SAVE_NONE, NULL, &error))
    g_error ("%s", error->message);
}

GlossAnnotation *
bench_vary_annotation (GRand           *rand,
                       GlossSource     *source,
                       GlossAnnotation *model)
{
  guint length = gloss_source_get_length (source);
  guint start = gloss_annotation_get_start (model);
  guint end = gloss_annotation_get_end (model);
  const char *tag = gloss_annotation_get_tag (model);
  double draw = g_rand_double (rand);

  if (draw < 0.15)
    {
      guint later = g_rand_int_range (rand, 0, 6);
      guint longer = g_rand_int_range (rand, 0, 6);

      /* Not MIN (start + g_rand_int_range (...), ...): it would draw twice. */
      start = MIN (start + later, end - 1);
      end = MIN (end + longer, length);
    }
  else if (draw < 0.25)
    tag = tags[g_rand_int_range (rand, 0, G_N_ELEMENTS (tags))];
  else if (draw < 0.30)
    {
      start = g_rand_int_range (rand, 0, length - 100);
      end = start + g_rand_int_range (rand, 1, 90);
    }
  return gloss_annotation_new_for_source (source, tag, start, end, NULL);
}
