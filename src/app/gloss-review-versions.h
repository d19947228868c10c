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
 * span all the versions share in bold, and the note; or that they marked
 * nothing. */
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

G_END_DECLS
