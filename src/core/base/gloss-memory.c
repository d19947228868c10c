/* gloss-memory.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#ifdef HAVE_MADVISE
#include <sys/mman.h>
#include <unistd.h>
#endif

#include "gloss-memory-private.h"

/* A huge page on x86-64 and on most arm64 kernels. */
#define HUGE_PAGE ((guintptr)2 * 1024 * 1024)

void
gloss_memory_prefer_huge_pages (gpointer data,
                                gsize    size)
{
#if defined(HAVE_MADVISE) && defined(MADV_HUGEPAGE)
  guintptr start = ((guintptr)data + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
  guintptr end = ((guintptr)data + size) & ~(HUGE_PAGE - 1);

  /* Only the whole huge pages inside the buffer: advice on a range also
   * applies to whatever else shares its pages. */
  if (data == NULL || end <= start)
    return;

  /* A kernel without transparent huge pages refuses (EINVAL): the buffer
   * is then filled as it would have been. */
  (void)madvise ((void *)start, end - start, MADV_HUGEPAGE);
#else
  (void)data;
  (void)size;
#endif
}

void
gloss_memory_release (gpointer data,
                      gsize    size)
{
#if defined(HAVE_MADVISE) && defined(MADV_DONTNEED)
  gsize page = (gsize)sysconf (_SC_PAGESIZE);
  guintptr start = ((guintptr)data + page - 1) & ~(guintptr)(page - 1);
  guintptr end = ((guintptr)data + size) & ~(guintptr)(page - 1);

  /* Only the whole pages inside: the allocator's own words lie around
   * the buffer, never inside it. */
  if (data != NULL && end > start)
    (void)madvise ((void *)start, end - start, MADV_DONTNEED);
#else
  (void)data;
  (void)size;
#endif
}
