/* gloss-review-list.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gloss-codebook.h"
#include "gloss-review.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_REVIEW_LIST (gloss_review_list_get_type ())

G_DECLARE_FINAL_TYPE (GlossReviewList, gloss_review_list, GLOSS, REVIEW_LIST, GtkWidget)

/* The disagreements of a review in text order, a row each: its kinds, its
 * characters, and each annotator's tags in their colour (a dash for
 * those who marked nothing), after a check mark once the consensus
 * settles it, filtered by kind, tag, annotator and whether it is settled.
 * Activating a row emits ::unit-activated with the unit's index. */
GtkWidget *gloss_review_list_new         (void);
/* Lists the disagreements of @review (NULL for none), which must outlive
 * the list or be replaced first; tags are named as @codebook labels them
 * (their ids otherwise), annotators in their @colours
 * (gloss-annotator-style.h). */
void       gloss_review_list_set_review  (GlossReviewList *self,
                                          GlossReview     *review,
                                          GlossCodebook   *codebook,
                                          GHashTable      *colours);
/* Marks anew the rows whose units were settled or unsettled since (the
 * consensus changed), in O(n) for n disagreements. */
void       gloss_review_list_update_settled (GlossReviewList *self);
/* Selects the row of unit @index and scrolls to it, when it is shown;
 * clears the selection otherwise. */
void       gloss_review_list_select_unit (GlossReviewList *self,
                                          guint            index);
/* The unit of the row selected, or -1. */
int        gloss_review_list_get_selected_unit (GlossReviewList *self);
/* How many rows the filters let through. */
guint      gloss_review_list_get_n_shown (GlossReviewList *self);
/* The text of the row at @position among those shown (as it reads,
 * without markup), or NULL past the end. */
char      *gloss_review_list_describe_shown (GlossReviewList *self,
                                             guint            position);
/* Activates the row at @position among those shown, as a click does. */
void       gloss_review_list_activate_shown (GlossReviewList *self,
                                             guint            position);

/* The kinds of @kind in words, joined by commas ("Tag differs, Missing"). */
char        *gloss_review_describe_kinds (GlossReviewKind  kind);
/* The label @codebook gives tag @tag_id (may be NULL), or the id. */
const char  *gloss_review_tag_label      (GlossCodebook   *codebook,
                                          const char      *tag_id);

/* Lines of markup, each after a newline, for the attributes of
 * @annotation, a passage of @annotator in @review, and the relations
 * from and to it, those not every other annotator has marked so. */
char        *gloss_review_describe_extras (GlossReview     *review,
                                           guint            annotator,
                                           GlossAnnotation *annotation,
                                           GlossCodebook   *codebook,
                                           GlossSource     *source);

G_END_DECLS
