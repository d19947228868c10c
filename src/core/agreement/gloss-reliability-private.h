/* gloss-reliability-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-reliability.h"

G_BEGIN_DECLS

/* The reasons a coefficient is undefined, shared by the reliability data
 * and the nominal tally so that both say them in the same words. */
typedef enum
{
  GLOSS_RELIABILITY_ONE_CODER,
  GLOSS_RELIABILITY_NO_PAIRABLE_VALUES,
  GLOSS_RELIABILITY_ALL_ALIKE,
  GLOSS_RELIABILITY_NOT_TWO_CODERS,
  GLOSS_RELIABILITY_UNEVEN_UNITS,
  GLOSS_RELIABILITY_NOT_NUMBERS,
} GlossReliabilityReason;

const char *_gloss_reliability_reason    (GlossReliabilityReason  reason);
/* Set @result undefined for @reason, or defined as @value; both return
 * TRUE, what a measure returns when its input was good. */
gboolean    _gloss_reliability_undefined (GlossReliabilityResult *result,
                                          GlossReliabilityReason  reason);
gboolean    _gloss_reliability_defined   (GlossReliabilityResult *result,
                                          double                  value);

G_END_DECLS
