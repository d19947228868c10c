/* gloss-nominal-tally.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "gloss-reliability.h"

G_BEGIN_DECLS

/* Nominal reliability data summed as it comes: the sums percent agreement,
 * Cohen's κ, Scott's π, Fleiss' κ and Krippendorff's nominal α are made
 * of, never the units themselves, so that the tokens of a whole corpus
 * take the memory of their categories alone.  Categories are small
 * numbers (0, 1, 2...), each coder's value of a unit one of them or -1
 * where it is missing.  Each coefficient is the one GlossReliabilityData
 * computes on the same units. */
typedef struct _GlossNominalTally GlossNominalTally;

GlossNominalTally *gloss_nominal_tally_new      (guint                    n_coders);
void               gloss_nominal_tally_free     (GlossNominalTally       *tally);
guint              gloss_nominal_tally_get_n_coders (const GlossNominalTally *tally);
/* Adds @weight units alike, whose values are @codes (n_coders of them). */
void               gloss_nominal_tally_add_unit (GlossNominalTally       *tally,
                                                 const int               *codes,
                                                 guint                    weight);
/* Adds the units of @other to @tally's.  When @other has more coders,
 * @tally takes their number: the coefficients of several coders do not
 * tell coders apart.  Cohen's κ and Scott's π pool the units both of two
 * coders coded; they mean something when every tally added was of the
 * same two coders. */
void               gloss_nominal_tally_add      (GlossNominalTally       *tally,
                                                 const GlossNominalTally *other);

void gloss_nominal_tally_percent_agreement (const GlossNominalTally *tally,
                                            GlossReliabilityResult  *result);
void gloss_nominal_tally_cohen_kappa       (const GlossNominalTally *tally,
                                            GlossReliabilityResult  *result);
void gloss_nominal_tally_scott_pi          (const GlossNominalTally *tally,
                                            GlossReliabilityResult  *result);
void gloss_nominal_tally_fleiss_kappa      (const GlossNominalTally *tally,
                                            GlossReliabilityResult  *result);
void gloss_nominal_tally_alpha             (const GlossNominalTally *tally,
                                            GlossReliabilityResult  *result);

/* With two coders: the units the first coded @first and the second coded
 * @second, a cell of their confusion matrix. */
guint64 gloss_nominal_tally_get_pair_count (const GlossNominalTally *tally,
                                            int                      first,
                                            int                      second);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossNominalTally, gloss_nominal_tally_free)

G_END_DECLS
