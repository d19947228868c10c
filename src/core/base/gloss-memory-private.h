/* gloss-memory-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Asks the kernel to back a large buffer about to be filled with huge
 * pages where it can: filling tens of megabytes then takes a few page
 * faults rather than one every 4 KiB, which on a virtual machine is most
 * of the time a load or a save spends outside its own work.  Only a hint:
 * without transparent huge pages, or for a small buffer, nothing
 * changes. */
void gloss_memory_prefer_huge_pages (gpointer data,
                                     gsize    size);

/* Gives the pages of @size bytes at @data, a part of a buffer already
 * read and soon freed, back to the system at once, their contents lost:
 * copying a large buffer into another then does not hold the text twice.
 * Only a hint, as above. */
void gloss_memory_release           (gpointer data,
                                     gsize    size);

G_END_DECLS
