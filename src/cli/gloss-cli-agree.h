/* gloss-cli-agree.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "gloss-reliability.h"

G_BEGIN_DECLS

/* Adds @result under @key to @values: its value, or null with its reason
 * under the same key in @reasons. */
void gloss_cli_agree_add_result (JsonBuilder                  *values,
                                 JsonBuilder                  *reasons,
                                 const char                   *key,
                                 const GlossReliabilityResult *result);

/* gloss-cli agree on articles, annotation files and folders. */
int  gloss_cli_agree_spans      (char       **inputs,
                                 char       **annotators,
                                 char       **tags,
                                 const char  *disagreements,
                                 gboolean     per_article,
                                 gboolean     json);

G_END_DECLS
