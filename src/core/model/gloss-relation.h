/* gloss-relation.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_RELATION (gloss_relation_get_type ())

G_DECLARE_FINAL_TYPE (GlossRelation, gloss_relation, GLOSS, RELATION, GObject)

/* A link between two annotations of one layer: a claim said by a company,
 * a claim about one.  @type is the id of one of the codebook's relation
 * types (GlossRelationType); @source and @target are annotation ids.  A
 * relation is changed through its layer (gloss_layer_set_relation_note),
 * so that the change can be undone. */
GlossRelation *gloss_relation_new       (const char    *type,
                                         const char    *source,
                                         const char    *target,
                                         const char    *note);
/* A relation with every field given; used by readers of files.  @created
 * and @modified may be NULL (then "", and @modified defaults to @created). */
GlossRelation *gloss_relation_new_full  (const char    *id,
                                         const char    *type,
                                         const char    *source,
                                         const char    *target,
                                         const char    *note,
                                         const char    *created,
                                         const char    *modified);
/* A copy with the same id, for snapshots; @self's extra keys are shared. */
GlossRelation *gloss_relation_copy      (GlossRelation *self);

const char    *gloss_relation_get_id       (GlossRelation *self);
const char    *gloss_relation_get_rel_type (GlossRelation *self);
/* The annotation id the relation goes from, and the one it goes to. */
const char    *gloss_relation_get_source   (GlossRelation *self);
const char    *gloss_relation_get_target   (GlossRelation *self);
/* Never NULL; "" when there is no note. */
const char    *gloss_relation_get_note     (GlossRelation *self);
const char    *gloss_relation_get_created  (GlossRelation *self);
const char    *gloss_relation_get_modified (GlossRelation *self);

/* Keys of the relation's JSON object that this version of Gloss does not
 * know, kept so that they are written back; NULL when there are none. */
JsonObject    *gloss_relation_get_extra    (GlossRelation *self);
void           gloss_relation_set_extra    (GlossRelation *self,
                                            JsonObject    *extra);

/* Sort order of a layer's relations, and of the file: by id. */
int            gloss_relation_compare      (GlossRelation *a,
                                            GlossRelation *b);

G_END_DECLS
