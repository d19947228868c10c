/* gloss-span-match.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "gloss-layer.h"

G_BEGIN_DECLS

/* How two layers of one article agree on their spans, as GATE's
 * annotation diff and the brat and CoNLL evaluation scripts measure it.
 * A is the reference, B the response; a span is one annotation's
 * [start, end) in code points (a passage brat split into pieces is one
 * annotation per piece, and each piece is matched on its own).
 *
 * Pairing rule: each annotation is in one pair at most, and each
 * annotation is counted once.  Pairs are made in three rounds, each
 * among the annotations no earlier round paired:
 *   1. matched: same tag, same start and end;
 *   2. boundary differs: same tag, sharing at least one character; the
 *      annotations of A are taken by start, then end, and each is paired
 *      with the B annotation sharing the most characters with it (on a
 *      tie, the one starting first, then ending first).  So an A span
 *      overlapping two B spans of its tag is paired with one of them, and
 *      the other is only in B unless a later A span takes it;
 *   3. tag differs: same start and end, other tag.
 * What is left is only in A or only in B.  Same-tag pairs come first
 * because only they count in the scores: the matched and boundary counts
 * of a tag are then the same whether all tags are compared or that tag
 * alone.
 *
 * Cost: O(n log n) for n annotations when the spans of one tag do not
 * nest, a sort and a sweep; where they do, each A span also looks at the
 * B spans of its tag that overlap a longer A span around it. */

typedef enum
{
  GLOSS_SPAN_MATCHED,           /* same tag, same start and end */
  GLOSS_SPAN_TAG_DIFFERS,       /* same start and end, other tag */
  GLOSS_SPAN_BOUNDARY_DIFFERS,  /* same tag, overlapping, not the same span */
  GLOSS_SPAN_ONLY_A,            /* in the reference alone */
  GLOSS_SPAN_ONLY_B,            /* in the response alone */
  GLOSS_SPAN_N_OUTCOMES,
} GlossSpanOutcome;

/* "matched", "tag-differs", "boundary-differs", "only-a", "only-b" */
const char *gloss_span_outcome_to_string (GlossSpanOutcome kind);

/* The counts of one article or of several pooled: pairs for the first
 * three kinds, annotations for the last two.  A has matched +
 * tag_differs + boundary_differs + only_a annotations, B the same with
 * only_b. */
typedef struct
{
  guint n[GLOSS_SPAN_N_OUTCOMES];
} GlossSpanCounts;

guint       gloss_span_counts_get_n_a  (const GlossSpanCounts *counts);
guint       gloss_span_counts_get_n_b  (const GlossSpanCounts *counts);
/* Adds @counts to @total (micro-averaging: the scores of pooled counts
 * are those of all their annotations together). */
void        gloss_span_counts_add      (GlossSpanCounts       *total,
                                        const GlossSpanCounts *counts);

typedef enum
{
  GLOSS_SPAN_STRICT,   /* a pair counts when matched */
  GLOSS_SPAN_LENIENT,  /* a pair counts when matched or boundary differs */
  GLOSS_SPAN_AVERAGE,  /* the mean of strict and lenient */
} GlossSpanMode;

typedef enum
{
  GLOSS_SCORE_DEFINED,
  GLOSS_SCORE_EMPTY_A,     /* A has no annotations: recall is undefined */
  GLOSS_SCORE_EMPTY_B,     /* B has no annotations: precision is undefined */
  GLOSS_SCORE_EMPTY_BOTH,  /* neither has any: nothing is defined */
} GlossScoreStatus;

/* "defined", "empty-a", "empty-b", "empty-both": the reason a score is
 * undefined, for files and logs (not translated). */
const char *gloss_score_status_to_string (GlossScoreStatus status);

/* A score between 0 and 1, or undefined (value NAN) with the reason. */
typedef struct
{
  double           value;
  GlossScoreStatus status;
} GlossScore;

/* With c the pairs that count in @mode:
 *   precision = c / |B|: how much of the response the reference confirms;
 *   recall    = c / |A|: how much of the reference the response finds;
 *   F1        = 2c / (|A| + |B|), their harmonic mean, the same whichever
 *               side is the reference.
 * Precision is undefined when B is empty, recall when A is; F1 only when
 * both are (with one side empty it is 0: nothing agrees).  In AVERAGE
 * mode each is the mean of the strict and lenient ones. */
typedef struct
{
  GlossScore precision;
  GlossScore recall;
  GlossScore f1;
} GlossSpanScores;

void        gloss_span_counts_get_scores (const GlossSpanCounts *counts,
                                          GlossSpanMode          mode,
                                          GlossSpanScores       *scores);

/* One annotation not matched, for a list of disagreements: a pair whose
 * tag or boundary differs, or an annotation alone on its side.  The
 * fields of a missing side are NULL and 0. */
typedef struct
{
  GlossSpanOutcome kind;
  char         *tag_a;
  guint         start_a;
  guint         end_a;
  char         *tag_b;
  guint         start_b;
  guint         end_b;
} GlossSpanDisagreement;

typedef struct _GlossSpanMatch GlossSpanMatch;

/* Compares @a (the reference) with @b (the response), the layers of one
 * article; with @tag, only the annotations that have it. */
GlossSpanMatch        *gloss_span_match_new             (GlossLayer            *a,
                                                         GlossLayer            *b,
                                                         const char            *tag);
/* An empty result, to pool articles into. */
GlossSpanMatch        *gloss_span_match_new_empty       (void);
void                   gloss_span_match_free            (GlossSpanMatch        *self);

/* Adds the counts of @other, over all tags and per tag, to @self's:
 * pooling a folder's articles into one.  Disagreements are not copied:
 * they belong to their article. */
void                   gloss_span_match_add             (GlossSpanMatch        *self,
                                                         const GlossSpanMatch  *other);

/* The counts over all tags. */
const GlossSpanCounts *gloss_span_match_get_counts      (const GlossSpanMatch  *self);
/* The tags either side used, sorted (strcmp); free with g_strfreev. */
char                 **gloss_span_match_get_tags        (const GlossSpanMatch  *self);
/* The counts of @tag as if it alone were compared: a pair whose tag
 * differs is only in A in the row of A's tag and only in B in the row of
 * B's.  Summing the rows of every tag gives the total's matched and
 * boundary counts and sizes of A and B, hence its scores.  Counts of zero
 * for a tag neither side used. */
void                   gloss_span_match_get_tag_counts  (const GlossSpanMatch  *self,
                                                         const char            *tag,
                                                         GlossSpanCounts       *counts);
/* The disagreements of the article compared (GlossSpanDisagreement),
 * sorted by the first start of their sides, then by kind; empty after
 * pooling alone. */
GPtrArray             *gloss_span_match_get_disagreements (const GlossSpanMatch *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossSpanMatch, gloss_span_match_free)

G_END_DECLS
