/* gloss-anchor.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-source.h"

G_BEGIN_DECLS

/* Finds @quote in @source's text for an annotation that was at @hint
 * (code points).  Among the occurrences, the one whose surrounding text
 * matches @prefix and @suffix best wins, and among equally good ones the
 * nearest to @hint.  Returns FALSE when the quote occurs nowhere. */
gboolean gloss_anchor_find (GlossSource *source,
                            const char  *quote,
                            const char  *prefix,
                            const char  *suffix,
                            guint        hint,
                            guint       *start,
                            guint       *end);

G_END_DECLS
