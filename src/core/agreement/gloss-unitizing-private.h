/* gloss-unitizing-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-unitizing.h"

G_BEGIN_DECLS

/* The units and their continuum (gloss-unitizing.c), and the sums of
 * their categories (gloss-unitizing-sums.c). */

typedef struct
{
  gint64 start;
  gint64 length;
  guint coder;
  guint category;
  guint index;                /* the order it was added in */
} Unit;

struct _GlossUnitizingData
{
  guint n_coders;
  gint64 begin;
  gint64 length;
  GArray *units;              /* Unit */
  GPtrArray *categories;      /* char *, in the order first seen */
  GHashTable *category_index; /* char * -> its index + 1 */
};

/* The units of one category, units[first] to units[last - 1], sorted by
 * coder and start. */
typedef struct
{
  GlossUnitizingData *data;
  const GArray *units;
  guint first;
  guint last;
} Category;

/* The sums α_U of one category is made of, over one continuum or several
 * pooled (see gloss-unitizing.h), with L their length, R the coders, N the
 * units and l a unit's length:
 *   D_o = 2 Σ_{coder pairs} distances / (R (R − 1) L²)
 *   D_e = 2/L · [ (N − 1) Σ_units (2l³ − 3l² + l)/3
 *                 + Σ_units l² Σ_{gaps g ≥ l} (g − l + 1) ]
 *         / (R L (R L − 1) − Σ_units l (l − 1))
 * the last sum taken over the lengths of units and gaps, each length once
 * with how many have it, so that pooling keeps no unit. */
struct _GlossUnitizingSums
{
  guint n_coders;
  double length;
  double distances;
  double n_units;
  double cubes;
  double squares;
  GHashTable *unit_lengths;   /* length -> how many units */
  GHashTable *gap_lengths;    /* length -> how many gaps */
};

/* Adds the continuum of one category: its coders' segments, cut from the
 * units and the gaps between them, and the distances between them. */
void _gloss_unitizing_sums_add_category (GlossUnitizingSums *sums,
                                         const Category     *c);

G_END_DECLS
