/* gloss-unitizing-sums.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-unitizing"

#include "config.h"

#include <math.h>

#include "gloss-unitizing-private.h"

/* A unit of the category, or a gap between them, on one coder's continuum. */
typedef struct
{
  gint64 start;
  gint64 length;
  gboolean is_unit;
} Segment;

/* The segments of @coder's continuum: its units of the category and the
 * gaps, of one character at least, between them. */
static GArray *
coder_segments (const Category *c,
                guint           coder)
{
  GArray *segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  gint64 pos = c->data->begin;
  gint64 end = c->data->begin + c->data->length;

  for (guint i = c->first; i < c->last; i++)
    {
      const Unit *unit = &g_array_index (c->units, Unit, i);
      Segment segment = { unit->start, unit->length, TRUE };

      if (unit->coder != coder)
        continue;
      if (unit->start > pos)
        {
          Segment gap = { pos, unit->start - pos, FALSE };

          g_array_append_val (segments, gap);
        }
      g_array_append_val (segments, segment);
      pos = unit->start + unit->length;
    }
  if (end > pos)
    {
      Segment gap = { pos, end - pos, FALSE };

      g_array_append_val (segments, gap);
    }
  return segments;
}

/* The sum of the distances between the segments of two coders that overlap:
 * both cover the continuum, so walking them side by side meets every such
 * pair once. */
static double
pair_distances (const GArray *a,
                const GArray *b)
{
  double sum = 0;
  guint i = 0;
  guint j = 0;

  while (i < a->len && j < b->len)
    {
      const Segment *s = &g_array_index (a, Segment, i);
      const Segment *t = &g_array_index (b, Segment, j);
      gint64 end_s = s->start + s->length;
      gint64 end_t = t->start + t->length;

      sum += gloss_unitizing_distance (s->start, s->length, s->is_unit,
                                       t->start, t->length, t->is_unit);
      if (end_s <= end_t)
        i++;
      if (end_t <= end_s)
        j++;
    }
  return sum;
}

GlossUnitizingSums *
gloss_unitizing_sums_new (guint n_coders)
{
  GlossUnitizingSums *sums = g_new0 (GlossUnitizingSums, 1);

  sums->n_coders = n_coders;
  sums->unit_lengths = g_hash_table_new (g_direct_hash, g_direct_equal);
  sums->gap_lengths = g_hash_table_new (g_direct_hash, g_direct_equal);
  return sums;
}

void
gloss_unitizing_sums_free (GlossUnitizingSums *sums)
{
  if (sums == NULL)
    return;
  g_hash_table_unref (sums->unit_lengths);
  g_hash_table_unref (sums->gap_lengths);
  g_free (sums);
}

static void
count_length (GHashTable *lengths,
              gint64      length,
              gsize       n)
{
  gpointer key = GSIZE_TO_POINTER ((gsize) length);
  gsize count = GPOINTER_TO_SIZE (g_hash_table_lookup (lengths, key));

  g_hash_table_insert (lengths, key, GSIZE_TO_POINTER (count + n));
}

static void
add_segment (GlossUnitizingSums *sums,
             const Segment      *segment)
{
  double l = (double) segment->length;

  if (!segment->is_unit)
    {
      count_length (sums->gap_lengths, segment->length, 1);
      return;
    }
  sums->n_units++;
  sums->cubes += (2 * l * l * l - 3 * l * l + l) / 3;
  sums->squares += l * (l - 1);
  count_length (sums->unit_lengths, segment->length, 1);
}

/* Adds the continuum of one category: its coders' segments and the
 * distances between them. */
void
_gloss_unitizing_sums_add_category (GlossUnitizingSums *sums,
                                    const Category     *c)
{
  g_autoptr(GPtrArray) segments = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  guint n_coders = c->data->n_coders;

  sums->length += (double) c->data->length;
  for (guint r = 0; r < n_coders; r++)
    {
      GArray *coder = coder_segments (c, r);

      for (guint i = 0; i < coder->len; i++)
        add_segment (sums, &g_array_index (coder, Segment, i));
      g_ptr_array_add (segments, coder);
    }
  for (guint r1 = 0; r1 < n_coders; r1++)
    for (guint r2 = r1 + 1; r2 < n_coders; r2++)
      sums->distances += pair_distances (g_ptr_array_index (segments, r1),
                                         g_ptr_array_index (segments, r2));
}

static void
add_lengths (GHashTable *to,
             GHashTable *from)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &key, &value))
    count_length (to, (gint64) GPOINTER_TO_SIZE (key), GPOINTER_TO_SIZE (value));
}

void
gloss_unitizing_sums_add (GlossUnitizingSums       *sums,
                          const GlossUnitizingSums *other)
{
  g_return_if_fail (sums != NULL);
  g_return_if_fail (other != NULL);
  g_return_if_fail (sums->n_coders == other->n_coders);

  sums->length += other->length;
  sums->distances += other->distances;
  sums->n_units += other->n_units;
  sums->cubes += other->cubes;
  sums->squares += other->squares;
  add_lengths (sums->unit_lengths, other->unit_lengths);
  add_lengths (sums->gap_lengths, other->gap_lengths);
}

typedef struct
{
  gint64 length;
  double count;
} Length;

static int
compare_lengths (gconstpointer a,
                 gconstpointer b)
{
  gint64 x = ((const Length *) a)->length;
  gint64 y = ((const Length *) b)->length;

  return x < y ? -1 : x > y;
}

static GArray *
sorted_lengths (GHashTable *lengths)
{
  GArray *array = g_array_sized_new (FALSE, FALSE, sizeof (Length), g_hash_table_size (lengths));
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, lengths);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Length length = { (gint64) GPOINTER_TO_SIZE (key), (double) GPOINTER_TO_SIZE (value) };

      g_array_append_val (array, length);
    }
  g_array_sort (array, compare_lengths);
  return array;
}

/* Σ_units l² Σ_{gaps g ≥ l} (g − l + 1): the gaps sorted by length, with
 * the number and total length of those from each on, so that the gaps at
 * least l long are found by a binary search. */
static double
units_in_gaps (const GlossUnitizingSums *sums)
{
  g_autoptr(GArray) gaps = sorted_lengths (sums->gap_lengths);
  g_autofree double *tail_counts = g_new0 (double, gaps->len + 1);
  g_autofree double *tail_lengths = g_new0 (double, gaps->len + 1);
  GHashTableIter iter;
  gpointer key, value;
  double sum = 0;

  for (guint i = gaps->len; i > 0; i--)
    {
      const Length *gap = &g_array_index (gaps, Length, i - 1);

      tail_counts[i - 1] = tail_counts[i] + gap->count;
      tail_lengths[i - 1] = tail_lengths[i] + gap->count * (double) gap->length;
    }

  g_hash_table_iter_init (&iter, sums->unit_lengths);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 l = (gint64) GPOINTER_TO_SIZE (key);
      double n = (double) GPOINTER_TO_SIZE (value);
      guint low = 0;
      guint high = gaps->len;

      while (low < high)
        {
          guint middle = low + (high - low) / 2;

          if (g_array_index (gaps, Length, middle).length < l)
            low = middle + 1;
          else
            high = middle;
        }
      sum += n * (double) l * (double) l *
             (tail_lengths[low] - tail_counts[low] * (double) (l - 1));
    }
  return sum;
}

void
gloss_unitizing_sums_get_disagreement (const GlossUnitizingSums *sums,
                                       double                   *observed,
                                       double                   *expected)
{
  double r, length, denominator;

  g_return_if_fail (sums != NULL);
  g_return_if_fail (observed != NULL && expected != NULL);

  *observed = *expected = NAN;
  if (sums->n_coders < 2 || sums->n_units == 0 || sums->length <= 0)
    return;

  r = sums->n_coders;
  length = sums->length;
  *observed = 2 * sums->distances / (r * (r - 1) * length * length);
  denominator = r * length * (r * length - 1) - sums->squares;
  *expected = denominator > 0
              ? 2 / length * ((sums->n_units - 1) * sums->cubes + units_in_gaps (sums)) / denominator
              : 0;
}

guint
gloss_unitizing_sums_get_n_units (const GlossUnitizingSums *sums)
{
  g_return_val_if_fail (sums != NULL, 0);

  return (guint) sums->n_units;
}
