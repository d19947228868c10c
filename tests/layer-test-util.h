/* layer-test-util.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-layer.h"

G_BEGIN_DECLS

/* A layer of @id on @source whose passages @spec gives, separated by
 * spaces, each TAG:START-END in characters ("claim:0-7 company:8-15"). */
GlossLayer *layer_with_marks (GlossSource *source,
                              const char  *id,
                              const char  *spec);

/* A source of @n_words times "word ", and @n_layers layers on it (ids
 * "a0", "a1"...) of @n_passages passages each, alternately "company" and
 * "claim", 1 to 29 characters long, placed at random from @seed. */
GlossSource *source_of_words  (guint        n_words);
GPtrArray   *layers_at_random (GlossSource *source,
                               guint        n_layers,
                               guint        n_passages,
                               guint32      seed);

G_END_DECLS
