/* gloss-readable.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates as people read them, in the user's language: "7 December 2026,
 * 14:32", never "12/07/26", whose order differs from country to
 * country. */
char *gloss_readable_date_time (GDateTime  *time);
/* An ISO 8601 time, as the annotation files write it, in local time;
 * NULL for NULL or "", and @iso as it is when it is not ISO 8601. */
char *gloss_readable_iso_time  (const char *iso);

G_END_DECLS
