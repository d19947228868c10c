/* gloss-review-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-review.h"

G_BEGIN_DECLS

/* Shared by gloss-review.c (the units) and gloss-review-decide.c (the
 * decisions and what the consensus settles). */
struct _GlossReview
{
  GPtrArray *layers;            /* GlossLayer */
  GArray *units;                /* GlossReviewUnit, by start, then end */
  GArray *disagreements;        /* guint: the units not agreed, in order */
  GHashTable *unit_of;          /* GlossAnnotation -> unit index + 1 */
  guint *reach;                 /* the furthest end of units 0..i */

  /* The consensus layer followed, or NULL. */
  GlossLayer *consensus;
  gulong consensus_handler;
  /* The span of each passage of the consensus, in the layer's order: what
   * a passage covered when it goes, or changes in place. */
  GArray *spans;
  /* Per unit, whether the consensus settles it; recomputed whole, when
   * next asked, after a change of many passages at once. */
  gboolean *settled;
  guint n_settled;              /* of the disagreements */
  gboolean settled_stale;
};

/* Stops following the consensus. */
void _gloss_review_untrack (GlossReview *self);

G_END_DECLS
