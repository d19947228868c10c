/* bench-util.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "gloss-annotation-file.h"

G_BEGIN_DECLS

/* What the benchmarks share: a clock, a child process whose time and peak
 * memory are its own, the line each figure is reported on, and the random
 * articles and annotations they measure. */

typedef struct
{
  double seconds;   /* wall time, from start to exit */
  double peak_mb;   /* the child's maximum resident set */
  double cpu_seconds; /* the processor time it used, user and system, all threads */
  char *output;     /* what it printed on its standard output */
} BenchChild;

/* Monotonic time in seconds. */
double     bench_now       (void);
/* Runs @argv (NULL-terminated, argv[0] a path) and waits for it; a child
 * that cannot run or fails ends the benchmark.  Free output with g_free. */
BenchChild bench_run_child (char       **argv);
/* Prints "WHAT VALUE UNIT (target <= TARGET UNIT)" and returns whether the
 * target is met; a target <= 0 means none. */
gboolean   bench_report    (const char  *what,
                            double       value,
                            const char  *unit,
                            double       target);

/* Reads "--cli PATH [--keep DIR]" (either may be missing) from the
 * command line of a benchmark that runs gloss-cli. */
void       bench_parse_cli_args (int          argc,
                                 char       **argv,
                                 const char **cli,
                                 const char **keep);

/* Orders doubles, for g_array_sort. */
int        bench_compare_doubles (gconstpointer a,
                                  gconstpointer b);

/* The processor time this process used, user and system: on a busy
 * machine it tells the measure's own cost apart from the wait. */
double               bench_cpu_seconds       (void);
/* The processor time the calling thread used: a window benchmark's
 * drawing happens in its main thread, so that a step's own cost is told
 * apart from the time the thread waited for a processor. */
double               bench_thread_cpu_seconds (void);
/* The time the machine's processors were taken by its host (a virtual
 * machine's "steal" in /proc/stat), summed over them, or -1 where it is
 * not known. */
double               bench_host_steal_seconds (void);
/* A word of several scripts, one of them outside the BMP so that UTF-16
 * and code-point offsets differ through most of a text. */
const char          *bench_random_word       (GRand       *rand);
/* About @bytes of such words in sentences, paragraphs now and then, some
 * lines ending in CRLF. */
char                *bench_make_text         (GRand       *rand,
                                              gsize        bytes);
/* Gives every claim of @file a verdict at random, adds @n_relations
 * relations at random (said-by from a claim to a company, about from a
 * claim or a controversy to a company, never twice the same) and saves
 * it; a failure ends the benchmark. */
void                 bench_relate_randomly   (GRand               *rand,
                                              GlossAnnotationFile *file,
                                              guint                n_relations);
/* A new annotation file of @annotator (shown as @name) on @source with
 * @count annotations at random, never one tag twice on one span, saved;
 * a failure ends the benchmark. */
GlossAnnotationFile *bench_annotate_randomly (GRand       *rand,
                                              GlossSource *source,
                                              const char  *annotator,
                                              const char  *name,
                                              guint        count);

/* Another annotator's view of @model: the same most often, else with
 * other bounds (15 %), another tag (10 %) or somewhere else (5 %). */
GlossAnnotation     *bench_vary_annotation   (GRand           *rand,
                                              GlossSource     *source,
                                              GlossAnnotation *model);

G_END_DECLS
