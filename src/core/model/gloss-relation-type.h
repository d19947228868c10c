/* gloss-relation-type.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_RELATION_TYPE (gloss_relation_type_get_type ())

G_DECLARE_FINAL_TYPE (GlossRelationType, gloss_relation_type, GLOSS, RELATION_TYPE, GObject)

/* A codebook's kind of relation ("said-by", "about"): a stable @id (a tag
 * id's form), a label, a colour "#rrggbb", the tags its source and its
 * target may have (NULL or empty: any tag) and whether it has a direction
 * (an undirected one allows its ends either way round). */
GlossRelationType  *gloss_relation_type_new              (const char         *id,
                                                          const char         *label,
                                                          const char         *color,
                                                          const char * const *source_tags,
                                                          const char * const *target_tags,
                                                          gboolean            directed);
/* A built-in one: its label is an English source string, shown translated. */
GlossRelationType  *gloss_relation_type_new_builtin      (const char         *id,
                                                          const char         *label,
                                                          const char         *color,
                                                          const char * const *source_tags,
                                                          const char * const *target_tags,
                                                          gboolean            directed);
GlossRelationType  *gloss_relation_type_copy             (GlossRelationType  *self);

const char         *gloss_relation_type_get_id           (GlossRelationType  *self);
/* Translated for built-in types, as written otherwise. */
const char         *gloss_relation_type_get_label        (GlossRelationType  *self);
const char         *gloss_relation_type_get_raw_label    (GlossRelationType  *self);
void                gloss_relation_type_set_label        (GlossRelationType  *self,
                                                          const char         *label);
const char         *gloss_relation_type_get_color        (GlossRelationType  *self);
void                gloss_relation_type_set_color        (GlossRelationType  *self,
                                                          const char         *color);
/* Never NULL; empty for any tag. */
const char * const *gloss_relation_type_get_source_tags  (GlossRelationType  *self);
const char * const *gloss_relation_type_get_target_tags  (GlossRelationType  *self);
void                gloss_relation_type_set_tags         (GlossRelationType  *self,
                                                          const char * const *source_tags,
                                                          const char * const *target_tags);
gboolean            gloss_relation_type_get_directed     (GlossRelationType  *self);
void                gloss_relation_type_set_directed     (GlossRelationType  *self,
                                                          gboolean            directed);
gboolean            gloss_relation_type_get_builtin      (GlossRelationType  *self);
/* Whether a relation of this type may go from an annotation tagged
 * @source_tag to one tagged @target_tag. */
gboolean            gloss_relation_type_allows           (GlossRelationType  *self,
                                                          const char         *source_tag,
                                                          const char         *target_tag);
/* Keys of its JSON object Gloss does not know, written back. */
JsonObject         *gloss_relation_type_get_extra        (GlossRelationType  *self);
void                gloss_relation_type_set_extra        (GlossRelationType  *self,
                                                          JsonObject         *extra);

G_END_DECLS
