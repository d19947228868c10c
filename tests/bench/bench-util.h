/* bench-util.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the benchmarks share: a clock, a child process whose time and peak
 * memory are its own, and the line each figure is reported on. */

typedef struct
{
  double seconds;   /* wall time, from start to exit */
  double peak_mb;   /* the child's maximum resident set */
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

G_END_DECLS
