/* bench-util.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
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
