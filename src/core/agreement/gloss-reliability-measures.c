/* gloss-reliability-measures.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the reliability data and the nominal tally share: the words for
 * why a coefficient is undefined, and the table of measures that lists
 * shown to a user are built from. */

#define G_LOG_DOMAIN "gloss-reliability"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-reliability-private.h"

/* Why a coefficient is undefined, in words for a user. */
const char *
_gloss_reliability_reason (GlossReliabilityReason reason)
{
  switch (reason)
    {
    case GLOSS_RELIABILITY_ONE_CODER:
      return _("There is only one coder: agreement needs two at least.");
    case GLOSS_RELIABILITY_NO_PAIRABLE_VALUES:
      return _("No unit has values from two coders: there are no pairable values.");
    case GLOSS_RELIABILITY_ALL_ALIKE:
      return _("All the values are alike: with no expected disagreement, "
               "the coefficient is undefined.");
    case GLOSS_RELIABILITY_NOT_TWO_CODERS:
      return _("Cohen’s κ and Scott’s π compare exactly two coders.");
    case GLOSS_RELIABILITY_UNEVEN_UNITS:
      return _("Fleiss’ κ needs as many values in every unit, "
               "and the units do not all have as many.");
    case GLOSS_RELIABILITY_NOT_NUMBERS:
      return _("The values are not all numbers: α interval needs numbers.");
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
_gloss_reliability_undefined (GlossReliabilityResult *result,
                              GlossReliabilityReason  reason)
{
  result->defined = FALSE;
  result->value = 0;
  result->reason = _gloss_reliability_reason (reason);
  return TRUE;
}

gboolean
_gloss_reliability_defined (GlossReliabilityResult *result,
                            double                  value)
{
  result->defined = TRUE;
  result->value = value;
  result->reason = NULL;
  return TRUE;
}

#define ALPHA_AT(name, level) \
  static gboolean \
  alpha_##name (GlossReliabilityData   *data, \
                GlossReliabilityResult *result, \
                GError                **error) \
  { \
    return gloss_reliability_alpha (data, level, result, error); \
  }

ALPHA_AT (nominal, GLOSS_RELIABILITY_NOMINAL)
ALPHA_AT (ordinal, GLOSS_RELIABILITY_ORDINAL)
ALPHA_AT (interval, GLOSS_RELIABILITY_INTERVAL)
ALPHA_AT (ratio, GLOSS_RELIABILITY_RATIO)

static const GlossReliabilityMeasure measures[] = {
  { "percent", N_("Percent agreement"), gloss_reliability_percent_agreement },
  { "cohen-kappa", N_("Cohen’s κ"), gloss_reliability_cohen_kappa },
  { "scott-pi", N_("Scott’s π"), gloss_reliability_scott_pi },
  { "fleiss-kappa", N_("Fleiss’ κ"), gloss_reliability_fleiss_kappa },
  { "alpha-nominal", N_("Krippendorff’s α, nominal"), alpha_nominal },
  { "alpha-ordinal", N_("Krippendorff’s α, ordinal"), alpha_ordinal },
  { "alpha-interval", N_("Krippendorff’s α, interval"), alpha_interval },
  { "alpha-ratio", N_("Krippendorff’s α, ratio"), alpha_ratio },
};

/* The measures, in the order lists show them. */
const GlossReliabilityMeasure *
gloss_reliability_get_measures (guint *n_measures)
{
  g_return_val_if_fail (n_measures != NULL, NULL);

  *n_measures = G_N_ELEMENTS (measures);
  return measures;
}

const GlossReliabilityMeasure *
gloss_reliability_find_measure (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    if (g_str_equal (measures[i].id, id))
      return &measures[i];
  return NULL;
}
