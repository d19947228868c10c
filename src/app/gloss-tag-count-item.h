/* gloss-tag-count-item.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-corpus-statistics.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_TAG_COUNT_ITEM (gloss_tag_count_item_get_type ())

G_DECLARE_FINAL_TYPE (GlossTagCountItem, gloss_tag_count_item, GLOSS, TAG_COUNT_ITEM, GObject)

/* A row of the corpus statistics' table: a copy of @count. */
GlossTagCountItem   *gloss_tag_count_item_new   (const GlossTagCount *count);
const GlossTagCount *gloss_tag_count_item_get   (GlossTagCountItem   *self);

G_END_DECLS
