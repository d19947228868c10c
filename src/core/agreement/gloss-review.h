/* gloss-review.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "gloss-annotation-file.h"
#include "gloss-layer.h"
#include "gloss-reliability.h"
#include "gloss-span-match.h"

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
  GLOSS_REVIEW_ATTRIBUTE_DIFFERS = 1 << 3, /* passages of one tag and span whose attributes differ */
  GLOSS_REVIEW_RELATION_DIFFERS = 1 << 4,  /* a relation from or to one of its passages that
                                            * some other annotator does not have */
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

/* The relations of annotator @annotator that go from or to its passage
 * @annotation, sorted by id (a new array holding references). */
GPtrArray             *gloss_review_dup_relations     (GlossReview     *self,
                                                       guint            annotator,
                                                       GlossAnnotation *annotation);
/* Whether every other annotator has @relation of annotator @annotator: a
 * relation of the same type whose source and target are matched strictly
 * (same tag, start and end) with its own. */
gboolean               gloss_review_relation_agreed   (GlossReview     *self,
                                                       guint            annotator,
                                                       GlossRelation   *relation);

/* Deciding: what a reviewer settles goes into the consensus layer
 * (GLOSS_CONSENSUS_ANNOTATOR), each decision one undoable step of its
 * history, each passage recording its provenance (see gloss-consensus.h)
 * as settled by @by at @at (now, in UTC, when NULL).
 *
 * A unit is settled when the consensus holds a passage, not orphaned,
 * that shares a character with the unit's extent and has the tag or the
 * span of one of its versions or was edited by a reviewer (whose edit may
 * change both), or a rejection of exactly the unit's extent.  A rejection is a consensus annotation of the reserved tag
 * GLOSS_CONSENSUS_REJECTED_TAG over the unit, with how "rejected": it keeps
 * the decision in the file, through undo, saves and reloads, and is no
 * passage (exports and agreement leave it out). */
/* Follows @consensus (a layer with its source set), whose changes the
 * settled state tracks: a passage added, removed (an undo) or changed
 * updates the units it overlapped and overlaps, in O(log n + k); many at
 * once (a reload) have everything recomputed, in O(n log n), when next
 * asked.  NULL stops following. */
void                   gloss_review_set_consensus     (GlossReview *self,
                                                       GlossLayer  *consensus);
GlossLayer            *gloss_review_get_consensus     (GlossReview *self);
gboolean               gloss_review_is_settled        (GlossReview *self,
                                                       guint        unit);
/* How many disagreements (of gloss_review_get_n_disagreements) are
 * settled: "12 of 40 settled". */
guint                  gloss_review_get_n_settled     (GlossReview *self);
/* Whether @annotation is a rejection record. */
gboolean               gloss_review_is_rejection      (GlossAnnotation *annotation);

/* Accepts version @version of @unit as it is: from every annotator whose
 * version has the same tag and span.  Returns the consensus passage
 * (borrowed), NULL when the consensus holds it already.  Every decision
 * that adds a passage gives it the attributes of the version it comes
 * from, and the relations of those annotators' passages whose other end
 * the consensus already holds (the same tag and span): a relation comes
 * into the consensus once both its ends are settled, whichever first. */
GlossAnnotation       *gloss_review_accept            (GlossReview *self,
                                                       guint        unit,
                                                       guint        version,
                                                       const char  *by,
                                                       const char  *at);
/* Accepts every distinct tag and span of @unit, in one step; returns how
 * many passages were added. */
guint                  gloss_review_accept_all        (GlossReview *self,
                                                       guint        unit,
                                                       const char  *by,
                                                       const char  *at);
/* Accepts version @version of @unit with tag @tag (its own when NULL) on
 * [@start, @end): "edited", from the annotators of that version, or
 * "accepted" when nothing was changed. */
GlossAnnotation       *gloss_review_accept_edited     (GlossReview *self,
                                                       guint        unit,
                                                       guint        version,
                                                       const char  *tag,
                                                       guint        start,
                                                       guint        end,
                                                       const char  *by,
                                                       const char  *at);
/* Settles @unit with no passage: adds its rejection record (borrowed
 * result), NULL when it is rejected already. */
GlossAnnotation       *gloss_review_reject            (GlossReview *self,
                                                       guint        unit,
                                                       const char  *by,
                                                       const char  *at);
/* Takes the passage of every agreed unit the consensus does not hold
 * ("agreed", from every annotator), in one step; returns how many. */
guint                  gloss_review_accept_agreements (GlossReview *self,
                                                       const char  *by,
                                                       const char  *at);

/* The agreement of the compared layers on @source, for a header: F1
 * lenient of the pair (the mean over pairs for a group, undefined unless
 * every pair's is), and α_U over all tags, of the pair or the group.
 * When a passage compared has an attribute, α nominal over every
 * attribute of the passages matched strictly (the same tag, start and
 * end), of the pair or the group; when a layer compared has a relation,
 * the F1 of the relations (the same type, both ends matched strictly),
 * of the pair or the mean over pairs, as for spans. */
typedef struct
{
  GlossScore             f1_lenient;
  GlossReliabilityResult alpha_u;
  gboolean               has_attributes;
  GlossReliabilityResult attributes_alpha;
  gboolean               has_relations;
  GlossScore             relations_f1;
} GlossReviewFigures;

void                   gloss_review_measure           (GlossReview        *self,
                                                       GlossSource        *source,
                                                       GlossReviewFigures *figures);
/* The same of @layers (GlossLayer), without a review: it touches nothing
 * but what it reads, so it can run in a worker thread on layers nobody
 * changes meanwhile (copies, or files only read). */
void                   gloss_review_measure_layers    (GPtrArray          *layers,
                                                       GlossSource        *source,
                                                       GlossReviewFigures *figures);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossReview, gloss_review_free)

G_END_DECLS
