/* gloss-json-bytes.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/* Sixteen bytes at a time, for the JSON reader's and writer's scans of
 * plain text: the compiler turns comparisons of these into a handful of
 * vector instructions on every processor Gloss runs on.  A comparison
 * gives 0xFF in each byte where it holds, 0 elsewhere. */
typedef guint8 GlossBytes16 __attribute__ ((vector_size (16)));

static inline GlossBytes16
gloss_bytes16_load (const guchar *p)
{
  GlossBytes16 block;

  memcpy (&block, p, 16);
  return block;
}

/* The index of the first byte marked (non-zero) in @marks, or 16 if none
 * is. */
static inline guint
gloss_bytes16_first_marked (GlossBytes16 marks)
{
  guint64 halves[2];

  memcpy (halves, &marks, 16);
  if ((halves[0] | halves[1]) == 0)
    return 16;
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  if (halves[0] != 0)
    return __builtin_ctzll (halves[0]) / 8;
  return 8 + __builtin_ctzll (halves[1]) / 8;
#else
  if (halves[0] != 0)
    return __builtin_clzll (halves[0]) / 8;
  return 8 + __builtin_clzll (halves[1]) / 8;
#endif
}

G_END_DECLS
