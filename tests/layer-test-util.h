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

G_END_DECLS
