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
 * those who marked nothing), filtered by kind, tag and annotator.
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
/* Selects the row of unit @index, when it is listed and shown. */
void       gloss_review_list_select_unit (GlossReviewList *self,
                                          guint            index);
/* How many rows the filters let through. */
guint      gloss_review_list_get_n_shown (GlossReviewList *self);

/* The kinds of @kind in words, joined by commas ("Tag differs, Missing"). */
char        *gloss_review_describe_kinds (GlossReviewKind  kind);
/* The label @codebook gives tag @tag_id (may be NULL), or the id. */
const char  *gloss_review_tag_label      (GlossCodebook   *codebook,
                                          const char      *tag_id);

G_END_DECLS
