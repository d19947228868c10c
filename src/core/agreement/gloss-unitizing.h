/* gloss-unitizing.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "gloss-reliability.h"

G_BEGIN_DECLS

/* The units several coders marked on one continuum (the characters of an
 * article, offsets in code points, the end excluded), each with a category. */
typedef struct _GlossUnitizingData GlossUnitizingData;

GlossUnitizingData *gloss_unitizing_data_new      (guint               n_coders,
                                                   guint               continuum_start,
                                                   guint               continuum_length);
void                gloss_unitizing_data_free     (GlossUnitizingData *data);
void                gloss_unitizing_data_add_unit (GlossUnitizingData *data,
                                                   guint               coder,
                                                   gint64              start,
                                                   gint64              length,
                                                   const char         *category);

gboolean gloss_unitizing_alpha         (GlossUnitizingData     *data,
                                        const char             *category,
                                        GlossReliabilityResult *result,
                                        GError                **error);
gboolean gloss_unitizing_disagreement  (GlossUnitizingData     *data,
                                        const char             *category,
                                        double                 *observed,
                                        double                 *expected,
                                        GError                **error);
double   gloss_unitizing_distance      (gint64                  start1,
                                        gint64                  length1,
                                        gboolean                is_unit1,
                                        gint64                  start2,
                                        gint64                  length2,
                                        gboolean                is_unit2);

/* The sums α_U of one category is made of, to pool several continua (the
 * articles of a corpus, each a section of one continuum as long as all of
 * them, whose gaps end where an article ends) without keeping their units:
 * a number per sum, and how many units and gaps have each length. */
typedef struct _GlossUnitizingSums GlossUnitizingSums;

GlossUnitizingSums *gloss_unitizing_sums_new      (guint                     n_coders);
void                gloss_unitizing_sums_free     (GlossUnitizingSums       *sums);
gboolean            gloss_unitizing_sums_add_data (GlossUnitizingSums       *sums,
                                                   GlossUnitizingData       *data,
                                                   const char               *category,
                                                   GError                  **error);
void                gloss_unitizing_sums_add      (GlossUnitizingSums       *sums,
                                                   const GlossUnitizingSums *other);
guint               gloss_unitizing_sums_get_n_units (const GlossUnitizingSums *sums);
/* NAN for both with fewer than two coders or no unit. */
void                gloss_unitizing_sums_get_disagreement (const GlossUnitizingSums *sums,
                                                   double                   *observed,
                                                   double                   *expected);
void                gloss_unitizing_sums_average  (const GlossUnitizingSums * const *sums,
                                                   guint                     n_sums,
                                                   double                   *observed,
                                                   double                   *expected);
void                gloss_unitizing_sums_alpha    (const GlossUnitizingSums * const *sums,
                                                   guint                     n_sums,
                                                   GlossReliabilityResult   *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossUnitizingData, gloss_unitizing_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossUnitizingSums, gloss_unitizing_sums_free)

G_END_DECLS
