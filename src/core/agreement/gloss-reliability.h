/* gloss-reliability.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * GlossReliabilityLevel:
 * @GLOSS_RELIABILITY_NOMINAL: categories, alike or not
 * @GLOSS_RELIABILITY_ORDINAL: numbers whose order only counts
 * @GLOSS_RELIABILITY_INTERVAL: numbers whose differences count
 * @GLOSS_RELIABILITY_RATIO: numbers of zero or more whose ratios count
 *
 * The levels of measurement of Krippendorff's α.
 */
typedef enum
{
  GLOSS_RELIABILITY_NOMINAL,
  GLOSS_RELIABILITY_ORDINAL,
  GLOSS_RELIABILITY_INTERVAL,
  GLOSS_RELIABILITY_RATIO,
} GlossReliabilityLevel;

/**
 * GlossReliabilityResult:
 * @defined: whether @value means anything
 * @value: the coefficient, when @defined
 * @reason: when not @defined, why, translated; %NULL otherwise
 * @n_units: the units the coefficient counts (for α and percent agreement,
 *   those with two values or more)
 * @n_pairable: the values it counts (for α, the pairable values n..)
 */
typedef struct
{
  gboolean defined;
  double value;
  const char *reason;
  guint n_units;
  guint n_pairable;
} GlossReliabilityResult;

/* A units × coders matrix of values, any cell of which may be missing. */
typedef struct _GlossReliabilityData GlossReliabilityData;

GlossReliabilityData *gloss_reliability_data_new        (guint                  n_coders);
void                  gloss_reliability_data_free       (GlossReliabilityData  *data);
guint                 gloss_reliability_data_get_n_coders (GlossReliabilityData *data);
guint                 gloss_reliability_data_get_n_units (GlossReliabilityData *data);
guint                 gloss_reliability_data_add_unit   (GlossReliabilityData  *data);
void                  gloss_reliability_data_set        (GlossReliabilityData  *data,
                                                         guint                  unit,
                                                         guint                  coder,
                                                         const char            *category);
void                  gloss_reliability_data_set_number (GlossReliabilityData  *data,
                                                         guint                  unit,
                                                         guint                  coder,
                                                         double                 value);

gboolean gloss_reliability_percent_agreement (GlossReliabilityData   *data,
                                              GlossReliabilityResult *result,
                                              GError                **error);
gboolean gloss_reliability_cohen_kappa       (GlossReliabilityData   *data,
                                              GlossReliabilityResult *result,
                                              GError                **error);
gboolean gloss_reliability_scott_pi          (GlossReliabilityData   *data,
                                              GlossReliabilityResult *result,
                                              GError                **error);
gboolean gloss_reliability_fleiss_kappa      (GlossReliabilityData   *data,
                                              GlossReliabilityResult *result,
                                              GError                **error);
gboolean gloss_reliability_alpha             (GlossReliabilityData   *data,
                                              GlossReliabilityLevel   level,
                                              GlossReliabilityResult *result,
                                              GError                **error);

/**
 * GlossReliabilityMeasure:
 * @id: the name a command line gives it
 * @label: its name for a user, to translate with _()
 * @compute: computes it
 *
 * One line of the table of measures that lists shown to a user are built from.
 */
typedef struct
{
  const char *id;
  const char *label;
  gboolean  (*compute) (GlossReliabilityData   *data,
                        GlossReliabilityResult *result,
                        GError                **error);
} GlossReliabilityMeasure;

const GlossReliabilityMeasure *gloss_reliability_get_measures (guint *n_measures);
const GlossReliabilityMeasure *gloss_reliability_find_measure (const char *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossReliabilityData, gloss_reliability_data_free)

G_END_DECLS
