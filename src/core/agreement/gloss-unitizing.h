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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossUnitizingData, gloss_unitizing_data_free)

G_END_DECLS
