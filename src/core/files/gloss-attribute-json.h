/* gloss-attribute-json.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Attribute values (see gloss_annotation_get_attributes) as JSON holds
 * them: a string, true or false, or a number. */

/* The value of @node (a floating GVariant), or NULL when it is none of
 * those. */
GVariant *gloss_attribute_value_from_json (JsonNode *node);
/* Appends @value as JSON: an integral number without a fraction. */
void      gloss_json_write_attribute_value (GString  *out,
                                            GVariant *value);
/* Appends @attributes as a JSON object with one member a line, in the
 * dictionary's order (sorted by id), its opening brace already placed at
 * indentation @level. */
void      gloss_json_write_attributes     (GString  *out,
                                           GVariant *attributes,
                                           guint     level);

G_END_DECLS
