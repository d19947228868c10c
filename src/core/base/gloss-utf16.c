/* gloss-utf16.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-utf16"

#include "config.h"

#include "gloss-utf16-private.h"

struct _GlossUtf16Map
{
  guint length;       /* code points */
  GArray *astral;     /* guint: code-point offsets of characters past U+FFFF */
};

GlossUtf16Map *
gloss_utf16_map_new (const char *text,
                     gsize       n_bytes)
{
  GlossUtf16Map *map = g_new0 (GlossUtf16Map, 1);
  guint offset = 0;

  map->astral = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Valid UTF-8: a byte that is not a continuation starts a code point,
   * and a lead byte of 0xF0 or more starts one of four bytes, which is
   * exactly a character outside the BMP. */
  for (gsize i = 0; i < n_bytes; i++)
    {
      guchar b = (guchar)text[i];

      if ((b & 0xC0) == 0x80)
        continue;
      if (b >= 0xF0)
        g_array_append_val (map->astral, offset);
      offset++;
    }
  map->length = offset;

  return map;
}

void
gloss_utf16_map_free (GlossUtf16Map *map)
{
  if (map == NULL)
    return;

  g_array_unref (map->astral);
  g_free (map);
}

/* How many astral characters lie before code point @offset. */
static guint
count_before (GlossUtf16Map *map,
              guint          offset)
{
  const guint *positions = (const guint *)map->astral->data;
  guint lo = 0, hi = map->astral->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (positions[mid] < offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

guint
gloss_utf16_map_to_utf16 (GlossUtf16Map *map,
                          guint          offset)
{
  offset = MIN (offset, map->length);
  return offset + count_before (map, offset);
}

gboolean
gloss_utf16_map_from_utf16 (GlossUtf16Map *map,
                            guint          unit,
                            guint         *offset)
{
  const guint *positions = (const guint *)map->astral->data;
  guint lo = 0, hi = map->astral->len;
  guint result;

  /* The i-th astral character takes the units positions[i] + i and the
   * one after: find how many of them start before @unit. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if ((guint64)positions[mid] + mid < unit)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo > 0 && (guint64)positions[lo - 1] + (lo - 1) + 1 == unit)
    return FALSE;

  result = unit - lo;
  if (unit < lo || result > map->length)
    return FALSE;

  *offset = result;
  return TRUE;
}
