/* gloss-review-versions.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gloss-codebook.h"
#include "gloss-review.h"
#include "gloss-source.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_REVIEW_VERSIONS (gloss_review_versions_get_type ())

G_DECLARE_FINAL_TYPE (GlossReviewVersions, gloss_review_versions, GLOSS, REVIEW_VERSIONS, GtkWidget)

/* What the inspector shows in review: for one unit, where it stands
 * among the disagreements, then each annotator's version in a label of
 * its own (named "review-version"): their name in their colour, the tag,
 * the span as character offsets, the quote with the parts outside the
 * span all the versions share in bold, and the note, with a button that
 * accepts it (named "review-accept", the key of the same action in its
 * label); or that they marked nothing.  Below: the version being edited,
 * what the consensus holds of the unit, and the buttons of the other
 * decisions (accept all, reject, edit, accept edited). */
GtkWidget *gloss_review_versions_new      (void);
/* Shows unit @index of @review (-1, or a NULL @review, for none); tags
 * are named as @codebook labels them (their ids otherwise), quotes taken
 * from @source, annotators drawn in their @colours. */
void       gloss_review_versions_set_unit (GlossReviewVersions *self,
                                           GlossReview         *review,
                                           int                  index,
                                           GlossSource         *source,
                                           GlossCodebook       *codebook,
                                           GHashTable          *colours);

/* What the consensus holds of the unit shown (markup; NULL for nothing). */
void       gloss_review_versions_set_consensus (GlossReviewVersions *self,
                                                const char          *markup);
/* The version being edited and how to go on (markup), or NULL when none
 * is: shown above the consensus. */
void       gloss_review_versions_set_edit (GlossReviewVersions *self,
                                           const char          *markup);

G_END_DECLS
