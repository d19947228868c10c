/* gloss-cli-progress.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "gloss-cli-progress.h"

#define BAR_WIDTH 24
/* A redraw at most this often (microseconds): a terminal is slow. */
#define REDRAW_INTERVAL (100 * 1000)

struct _GlossCliProgress
{
  gboolean enabled;
  guint total;
  gint64 started;
  gint64 drawn;
  gsize width;   /* of the last line drawn, to erase it */
};

GlossCliProgress *
gloss_cli_progress_new (guint total)
{
  GlossCliProgress *self = g_new0 (GlossCliProgress, 1);

  self->enabled = total > 0 && isatty (STDERR_FILENO);
  self->total = total;
  self->started = g_get_monotonic_time ();

  return self;
}

static char *
format_duration (gint64 seconds)
{
  if (seconds >= 3600)
    return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d:%02d", seconds / 3600,
                            (int)(seconds / 60 % 60), (int)(seconds % 60));
  return g_strdup_printf ("%d:%02d", (int)(seconds / 60), (int)(seconds % 60));
}

void
gloss_cli_progress_update (GlossCliProgress *self,
                           guint             done)
{
  g_autoptr(GString) line = g_string_new ("\r[");
  gint64 now = g_get_monotonic_time ();
  guint percent, filled;

  if (!self->enabled)
    return;
  if (done < self->total && self->drawn != 0 && now - self->drawn < REDRAW_INTERVAL)
    return;

  done = MIN (done, self->total);
  percent = (guint)((guint64)done * 100 / self->total);
  filled = (guint)((guint64)done * BAR_WIDTH / self->total);

  for (guint i = 0; i < BAR_WIDTH; i++)
    g_string_append_c (line, i < filled ? '#' : '.');
  g_string_append (line, "] ");
  /* Translators: files done, files in all, then a percentage */
  g_string_append_printf (line, _("%u/%u files, %u%%"), done, self->total, percent);

  if (done > 0 && done < self->total)
    {
      gint64 elapsed = now - self->started;
      gint64 left = elapsed / done * (self->total - done) / G_USEC_PER_SEC;
      g_autofree char *duration = format_duration (left);

      /* Translators: a duration such as 1:05 (minutes and seconds) */
      g_string_append_printf (line, _(", %s left"), duration);
    }

  /* Spaces over whatever was longer before. */
  for (gsize i = g_utf8_strlen (line->str, -1); i < self->width; i++)
    g_string_append_c (line, ' ');
  self->width = g_utf8_strlen (line->str, -1);

  fputs (line->str, stderr);
  fflush (stderr);
  self->drawn = now;
}

void
gloss_cli_progress_clear (GlossCliProgress *self)
{
  if (!self->enabled || self->width == 0)
    return;

  fprintf (stderr, "\r%*s\r", (int)self->width, "");
  fflush (stderr);
  self->width = 0;
  self->drawn = 0;
}

void
gloss_cli_progress_free (GlossCliProgress *self)
{
  if (self == NULL)
    return;

  gloss_cli_progress_clear (self);
  g_free (self);
}
