/* gloss-readable.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-readable"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-readable.h"

char *
gloss_readable_date_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  local = g_date_time_to_local (time);
  /* Translators: a date and time as the window shows it, "7 December
   * 2026, 14:32"; see g_date_time_format() for the codes */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

char *
gloss_readable_iso_time (const char *iso)
{
  g_autoptr(GDateTime) time = NULL;

  if (iso == NULL || *iso == '\0')
    return NULL;

  time = g_date_time_new_from_iso8601 (iso, NULL);
  if (time == NULL)
    return g_strdup (iso);

  return gloss_readable_date_time (time);
}
