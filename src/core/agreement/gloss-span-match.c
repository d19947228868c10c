/* gloss-span-match.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-agreement"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gloss-span-match.h"

/* Pairing the spans of two layers (the rule is in the header), counting
 * the pairs per tag and over all tags, and the scores of the counts. */

struct _GlossSpanMatch
{
  GlossSpanCounts  total;
  GHashTable      *per_tag;        /* tag (owned) -> GlossSpanCounts (owned) */
  GPtrArray       *disagreements;  /* GlossSpanDisagreement */
};

typedef struct
{
  const char    *tag;      /* the annotation's, alive while the layer is */
  guint          start;
  guint          end;
  int            partner;  /* index in the other side's array, or -1 */
  GlossSpanOutcome  kind;     /* of the pair, when there is a partner */
} Span;

const char *
gloss_span_outcome_to_string (GlossSpanOutcome kind)
{
  static const char * const names[] = {
    "matched", "tag-differs", "boundary-differs", "only-a", "only-b",
  };

  g_return_val_if_fail (kind < GLOSS_SPAN_N_OUTCOMES, NULL);

  return names[kind];
}

const char *
gloss_score_status_to_string (GlossScoreStatus status)
{
  static const char * const names[] = {
    "defined", "empty-a", "empty-b", "empty-both",
  };

  g_return_val_if_fail (status <= GLOSS_SCORE_EMPTY_BOTH, NULL);

  return names[status];
}

guint
gloss_span_counts_get_n_a (const GlossSpanCounts *counts)
{
  g_return_val_if_fail (counts != NULL, 0);

  return counts->n[GLOSS_SPAN_MATCHED] + counts->n[GLOSS_SPAN_TAG_DIFFERS] +
         counts->n[GLOSS_SPAN_BOUNDARY_DIFFERS] + counts->n[GLOSS_SPAN_ONLY_A];
}

guint
gloss_span_counts_get_n_b (const GlossSpanCounts *counts)
{
  g_return_val_if_fail (counts != NULL, 0);

  return counts->n[GLOSS_SPAN_MATCHED] + counts->n[GLOSS_SPAN_TAG_DIFFERS] +
         counts->n[GLOSS_SPAN_BOUNDARY_DIFFERS] + counts->n[GLOSS_SPAN_ONLY_B];
}

void
gloss_span_counts_add (GlossSpanCounts       *total,
                       const GlossSpanCounts *counts)
{
  g_return_if_fail (total != NULL);
  g_return_if_fail (counts != NULL);

  for (guint k = 0; k < GLOSS_SPAN_N_OUTCOMES; k++)
    total->n[k] += counts->n[k];
}

static GlossScore
ratio (guint            numerator,
       guint            denominator,
       GlossScoreStatus if_zero)
{
  GlossScore score = { NAN, if_zero };

  if (denominator > 0)
    {
      score.value = (double) numerator / denominator;
      score.status = GLOSS_SCORE_DEFINED;
    }

  return score;
}

static GlossScore
mean (GlossScore x,
      GlossScore y)
{
  if (x.status == GLOSS_SCORE_DEFINED)
    x.value = (x.value + y.value) / 2;

  return x;
}

void
gloss_span_counts_get_scores (const GlossSpanCounts *counts,
                              GlossSpanMode          mode,
                              GlossSpanScores       *scores)
{
  guint n_a, n_b, agreed;
  GlossScoreStatus empty_a, empty_b;

  g_return_if_fail (counts != NULL);
  g_return_if_fail (mode <= GLOSS_SPAN_AVERAGE);
  g_return_if_fail (scores != NULL);

  if (mode == GLOSS_SPAN_AVERAGE)
    {
      GlossSpanScores strict, lenient;

      gloss_span_counts_get_scores (counts, GLOSS_SPAN_STRICT, &strict);
      gloss_span_counts_get_scores (counts, GLOSS_SPAN_LENIENT, &lenient);
      scores->precision = mean (strict.precision, lenient.precision);
      scores->recall = mean (strict.recall, lenient.recall);
      scores->f1 = mean (strict.f1, lenient.f1);
      return;
    }

  n_a = gloss_span_counts_get_n_a (counts);
  n_b = gloss_span_counts_get_n_b (counts);
  agreed = counts->n[GLOSS_SPAN_MATCHED];
  if (mode == GLOSS_SPAN_LENIENT)
    agreed += counts->n[GLOSS_SPAN_BOUNDARY_DIFFERS];

  empty_a = n_b == 0 ? GLOSS_SCORE_EMPTY_BOTH : GLOSS_SCORE_EMPTY_A;
  empty_b = n_a == 0 ? GLOSS_SCORE_EMPTY_BOTH : GLOSS_SCORE_EMPTY_B;
  scores->precision = ratio (agreed, n_b, empty_b);
  scores->recall = ratio (agreed, n_a, empty_a);
  scores->f1 = ratio (2 * agreed, n_a + n_b, GLOSS_SCORE_EMPTY_BOTH);
}

/* The annotations of @layer (with @tag, if given) as spans. */
static GArray *
collect_spans (GlossLayer *layer,
               const char *tag)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (layer));
  GArray *spans = g_array_sized_new (FALSE, FALSE, sizeof (Span), n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (G_LIST_MODEL (layer), i);
      Span span = {
        gloss_annotation_get_tag (annotation),
        gloss_annotation_get_start (annotation),
        gloss_annotation_get_end (annotation),
        -1,
        GLOSS_SPAN_ONLY_A,
      };

      if (tag == NULL || g_strcmp0 (tag, span.tag) == 0)
        g_array_append_val (spans, span);
    }

  return spans;
}

static int
compare_position (const Span *x,
                  const Span *y)
{
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return 0;
}

static int
compare_by_tag (gconstpointer p,
                gconstpointer q)
{
  const Span *x = p, *y = q;
  int cmp = strcmp (x->tag, y->tag);

  return cmp != 0 ? cmp : compare_position (x, y);
}

static int
compare_by_position (gconstpointer p,
                     gconstpointer q)
{
  const Span *x = *(const Span * const *) p, *y = *(const Span * const *) q;
  int cmp = compare_position (x, y);

  return cmp != 0 ? cmp : strcmp (x->tag, y->tag);
}

static void
pair (Span          *a,
      guint          i,
      Span          *b,
      guint          j,
      GlossSpanOutcome  kind)
{
  a[i].partner = j;
  a[i].kind = kind;
  b[j].partner = i;
  b[j].kind = kind;
}

/* Round 1 within one tag: both sides are sorted by start and end. */
static void
pair_matched (Span  *a,
              guint  i0,
              guint  i1,
              Span  *b,
              guint  j0,
              guint  j1)
{
  guint i = i0, j = j0;

  while (i < i1 && j < j1)
    {
      int cmp = compare_position (&a[i], &b[j]);

      if (cmp < 0)
        i++;
      else if (cmp > 0)
        j++;
      else
        pair (a, i++, b, j++, GLOSS_SPAN_MATCHED);
    }
}

/* Round 2 within one tag, a sweep: @active holds the unpaired B spans
 * that start before the end of an A span seen so far and may still reach
 * the next ones (those ending before an A span starts never will, A being
 * sorted by start). */
static void
pair_overlapping (Span   *a,
                  guint   i0,
                  guint   i1,
                  Span   *b,
                  guint   j0,
                  guint   j1,
                  GArray *active)
{
  guint next = j0;

  g_array_set_size (active, 0);
  for (guint i = i0; i < i1; i++)
    {
      Span *x = &a[i];
      guint kept = 0, best_overlap = 0;
      int best = -1;

      if (x->partner >= 0)
        continue;

      for (; next < j1 && b[next].start < x->end; next++)
        if (b[next].partner < 0)
          g_array_append_val (active, next);

      for (guint k = 0; k < active->len; k++)
        {
          guint j = g_array_index (active, guint, k);
          Span *y = &b[j];

          if (y->partner >= 0 || y->end <= x->start)
            continue;
          g_array_index (active, guint, kept++) = j;

          /* An earlier, longer A span may have let in B spans that start
           * after this one ends. */
          if (y->start < x->end)
            {
              guint overlap = MIN (x->end, y->end) - MAX (x->start, y->start);

              /* Strictly more: on a tie the first in B's order stays. */
              if (overlap > best_overlap)
                {
                  best = j;
                  best_overlap = overlap;
                }
            }
        }
      g_array_set_size (active, kept);

      if (best >= 0)
        pair (a, i, b, best, GLOSS_SPAN_BOUNDARY_DIFFERS);
    }
}

static GlossSpanCounts *
tag_row (GlossSpanMatch *self,
         const char     *tag)
{
  GlossSpanCounts *row = g_hash_table_lookup (self->per_tag, tag);

  if (row == NULL)
    {
      row = g_new0 (GlossSpanCounts, 1);
      g_hash_table_insert (self->per_tag, g_strdup (tag), row);
    }

  return row;
}

/* Rounds 1 and 2, one tag at a time, and the rows of the tags. */
static void
pair_same_tag (GlossSpanMatch *self,
               GArray         *a_spans,
               GArray         *b_spans)
{
  Span *a = (Span *) (gpointer) a_spans->data, *b = (Span *) (gpointer) b_spans->data;
  g_autoptr(GArray) active = g_array_new (FALSE, FALSE, sizeof (guint));
  guint i = 0, j = 0;

  while (i < a_spans->len || j < b_spans->len)
    {
      const char *tag;
      guint i1 = i, j1 = j;
      GlossSpanCounts *row;

      if (i == a_spans->len)
        tag = b[j].tag;
      else if (j == b_spans->len)
        tag = a[i].tag;
      else
        tag = strcmp (a[i].tag, b[j].tag) <= 0 ? a[i].tag : b[j].tag;

      while (i1 < a_spans->len && strcmp (a[i1].tag, tag) == 0)
        i1++;
      while (j1 < b_spans->len && strcmp (b[j1].tag, tag) == 0)
        j1++;

      pair_matched (a, i, i1, b, j, j1);
      pair_overlapping (a, i, i1, b, j, j1, active);

      row = tag_row (self, tag);
      for (; i < i1; i++)
        row->n[a[i].partner >= 0 ? a[i].kind : GLOSS_SPAN_ONLY_A]++;
      for (; j < j1; j++)
        if (b[j].partner < 0)
          row->n[GLOSS_SPAN_ONLY_B]++;
    }
}

static GPtrArray *
unpaired (GArray *spans)
{
  GPtrArray *left = g_ptr_array_new ();

  for (guint i = 0; i < spans->len; i++)
    if (g_array_index (spans, Span, i).partner < 0)
      g_ptr_array_add (left, &g_array_index (spans, Span, i));

  return left;
}

/* Round 3: spans left on both sides with the same start and end. */
static void
pair_tag_differs (GArray *a_spans,
                  GArray *b_spans)
{
  Span *a = (Span *) (gpointer) a_spans->data, *b = (Span *) (gpointer) b_spans->data;
  g_autoptr(GPtrArray) left_a = unpaired (a_spans);
  g_autoptr(GPtrArray) left_b = unpaired (b_spans);
  guint i = 0, j = 0;

  g_ptr_array_sort (left_a, compare_by_position);
  g_ptr_array_sort (left_b, compare_by_position);

  while (i < left_a->len && j < left_b->len)
    {
      Span *x = left_a->pdata[i], *y = left_b->pdata[j];
      int cmp = compare_position (x, y);
      guint i1 = i, j1 = j;

      if (cmp < 0)
        {
          i++;
          continue;
        }
      if (cmp > 0)
        {
          j++;
          continue;
        }

      while (i1 < left_a->len && compare_position (left_a->pdata[i1], x) == 0)
        i1++;
      while (j1 < left_b->len && compare_position (left_b->pdata[j1], x) == 0)
        j1++;

      /* A few spans at most: one per tag on each side. */
      for (; i < i1; i++)
        {
          Span *p = left_a->pdata[i];

          for (guint k = j; k < j1 && p->partner < 0; k++)
            {
              Span *q = left_b->pdata[k];

              if (q->partner < 0 && strcmp (p->tag, q->tag) != 0)
                pair (a, p - a, b, q - b, GLOSS_SPAN_TAG_DIFFERS);
            }
        }
      j = j1;
    }
}

static void
disagreement_free (gpointer data)
{
  GlossSpanDisagreement *d = data;

  g_free (d->tag_a);
  g_free (d->tag_b);
  g_free (d);
}

static guint
disagreement_first_start (const GlossSpanDisagreement *d)
{
  if (d->kind == GLOSS_SPAN_ONLY_A)
    return d->start_a;
  if (d->kind == GLOSS_SPAN_ONLY_B)
    return d->start_b;
  return MIN (d->start_a, d->start_b);
}

static int
compare_disagreements (gconstpointer p,
                       gconstpointer q)
{
  const GlossSpanDisagreement *x = *(const GlossSpanDisagreement * const *) p;
  const GlossSpanDisagreement *y = *(const GlossSpanDisagreement * const *) q;
  guint sx = disagreement_first_start (x), sy = disagreement_first_start (y);

  if (sx != sy)
    return sx < sy ? -1 : 1;
  return (int) x->kind - (int) y->kind;
}

static void
list_disagreements (GlossSpanMatch *self,
                    GArray         *a_spans,
                    GArray         *b_spans)
{
  for (guint i = 0; i < a_spans->len; i++)
    {
      const Span *x = &g_array_index (a_spans, Span, i);
      GlossSpanDisagreement *d;

      if (x->partner >= 0 && x->kind == GLOSS_SPAN_MATCHED)
        continue;

      d = g_new0 (GlossSpanDisagreement, 1);
      d->kind = x->partner >= 0 ? x->kind : GLOSS_SPAN_ONLY_A;
      d->tag_a = g_strdup (x->tag);
      d->start_a = x->start;
      d->end_a = x->end;
      if (x->partner >= 0)
        {
          const Span *y = &g_array_index (b_spans, Span, x->partner);

          d->tag_b = g_strdup (y->tag);
          d->start_b = y->start;
          d->end_b = y->end;
        }
      g_ptr_array_add (self->disagreements, d);
    }

  for (guint j = 0; j < b_spans->len; j++)
    {
      const Span *y = &g_array_index (b_spans, Span, j);
      GlossSpanDisagreement *d;

      if (y->partner >= 0)
        continue;

      d = g_new0 (GlossSpanDisagreement, 1);
      d->kind = GLOSS_SPAN_ONLY_B;
      d->tag_b = g_strdup (y->tag);
      d->start_b = y->start;
      d->end_b = y->end;
      g_ptr_array_add (self->disagreements, d);
    }

  g_ptr_array_sort (self->disagreements, compare_disagreements);
}

GlossSpanMatch *
gloss_span_match_new_empty (void)
{
  GlossSpanMatch *self = g_new0 (GlossSpanMatch, 1);

  self->per_tag = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->disagreements = g_ptr_array_new_with_free_func (disagreement_free);

  return self;
}

GlossSpanMatch *
gloss_span_match_new (GlossLayer *a,
                      GlossLayer *b,
                      const char *tag)
{
  GlossSpanMatch *self;
  g_autoptr(GArray) a_spans = NULL;
  g_autoptr(GArray) b_spans = NULL;

  g_return_val_if_fail (GLOSS_IS_LAYER (a), NULL);
  g_return_val_if_fail (GLOSS_IS_LAYER (b), NULL);

  self = gloss_span_match_new_empty ();
  a_spans = collect_spans (a, tag);
  b_spans = collect_spans (b, tag);
  g_array_sort (a_spans, compare_by_tag);
  g_array_sort (b_spans, compare_by_tag);

  pair_same_tag (self, a_spans, b_spans);
  pair_tag_differs (a_spans, b_spans);

  for (guint i = 0; i < a_spans->len; i++)
    {
      const Span *x = &g_array_index (a_spans, Span, i);

      self->total.n[x->partner >= 0 ? x->kind : GLOSS_SPAN_ONLY_A]++;
    }
  for (guint j = 0; j < b_spans->len; j++)
    if (g_array_index (b_spans, Span, j).partner < 0)
      self->total.n[GLOSS_SPAN_ONLY_B]++;

  list_disagreements (self, a_spans, b_spans);

  return self;
}

void
gloss_span_match_free (GlossSpanMatch *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->per_tag);
  g_ptr_array_unref (self->disagreements);
  g_free (self);
}

void
gloss_span_match_add (GlossSpanMatch       *self,
                      const GlossSpanMatch *other)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (self != NULL);
  g_return_if_fail (other != NULL);

  gloss_span_counts_add (&self->total, &other->total);
  g_hash_table_iter_init (&iter, other->per_tag);
  while (g_hash_table_iter_next (&iter, &key, &value))
    gloss_span_counts_add (tag_row (self, key), value);
}

const GlossSpanCounts *
gloss_span_match_get_counts (const GlossSpanMatch *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->total;
}

static int
compare_strings (gconstpointer p,
                 gconstpointer q)
{
  return strcmp (*(const char * const *) p, *(const char * const *) q);
}

char **
gloss_span_match_get_tags (const GlossSpanMatch *self)
{
  guint n;
  char **tags;

  g_return_val_if_fail (self != NULL, NULL);

  tags = (char **) g_hash_table_get_keys_as_array (self->per_tag, &n);
  for (guint i = 0; i < n; i++)
    tags[i] = g_strdup (tags[i]);
  qsort (tags, n, sizeof (char *), compare_strings);

  return tags;
}

void
gloss_span_match_get_tag_counts (const GlossSpanMatch *self,
                                 const char           *tag,
                                 GlossSpanCounts      *counts)
{
  const GlossSpanCounts *row;

  g_return_if_fail (self != NULL);
  g_return_if_fail (tag != NULL);
  g_return_if_fail (counts != NULL);

  row = g_hash_table_lookup (self->per_tag, tag);
  if (row != NULL)
    *counts = *row;
  else
    memset (counts, 0, sizeof *counts);
}

GPtrArray *
gloss_span_match_get_disagreements (const GlossSpanMatch *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->disagreements;
}
