/* gloss-review.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "gloss-layer.h"

G_BEGIN_DECLS

/* What a reviewer compares: the passages of several annotators on one
 * article, gathered into units.  Two passages of different annotators
 * or of one are in the same unit when they have the same tag and share
 * a character, or the same start and end whatever their tags (the rules
 * span matching pairs by: boundary differs, tag differs), and units are
 * what these links join.  So a passage nested in another of another tag
 * is a unit of its own, and a reviewer settles each in turn.  Orphaned
 * annotations are left out. */

typedef enum
{
  GLOSS_REVIEW_AGREED           = 0,       /* every annotator, one passage each, all alike */
  GLOSS_REVIEW_TAG_DIFFERS      = 1 << 0,  /* two tags or more */
  GLOSS_REVIEW_BOUNDARY_DIFFERS = 1 << 1,  /* passages of one tag that start or end apart */
  GLOSS_REVIEW_MISSING          = 1 << 2,  /* some annotators marked nothing of it */
} GlossReviewKind;

typedef struct _GlossReview GlossReview;

/* One annotator's passage in a unit. */
typedef struct
{
  guint            annotator;   /* index in the layers compared */
  GlossAnnotation *annotation;
} GlossReviewVersion;

typedef struct
{
  guint            start;       /* the first start of its passages */
  guint            end;         /* the last end */
  GlossReviewKind  kind;
  GArray          *versions;    /* GlossReviewVersion, by annotator, then start */
} GlossReviewUnit;

/* Gathers the passages of @layers (GlossLayer, each an annotator, two at
 * least for disagreements to mean anything) into units, in
 * O(n log n) for n passages. */
GlossReview           *gloss_review_new               (GPtrArray   *layers);
void                   gloss_review_free              (GlossReview *self);

guint                  gloss_review_get_n_annotators  (GlossReview *self);
GlossLayer            *gloss_review_get_layer         (GlossReview *self,
                                                       guint        annotator);
/* The units, by start, then end. */
guint                  gloss_review_get_n_units       (GlossReview *self);
const GlossReviewUnit *gloss_review_get_unit          (GlossReview *self,
                                                       guint        index);
/* How many units are not agreed. */
guint                  gloss_review_get_n_disagreements (GlossReview *self);
/* The first unit not agreed that starts after @offset (or at it, with
 * @inclusive), or the last that starts before it with @backwards;
 * -1 when there is none.  O(log n) to find the place, then as many units
 * as are agreed on the way. */
int                    gloss_review_find_disagreement (GlossReview *self,
                                                       guint        offset,
                                                       gboolean     backwards,
                                                       gboolean     inclusive);
/* The unit @annotation of a compared layer is in, or -1. */
int                    gloss_review_find_unit         (GlossReview     *self,
                                                       GlossAnnotation *annotation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossReview, gloss_review_free)

G_END_DECLS
