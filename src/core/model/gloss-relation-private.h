/* gloss-relation-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-relation.h"

G_BEGIN_DECLS

/* Like gloss_relation_new_full, but takes the strings (@note, @created
 * and @modified may be NULL), sparing a copy of each when reading large
 * files. */
GlossRelation *_gloss_relation_new_take (char *id,
                                         char *type,
                                         char *source,
                                         char *target,
                                         char *note,
                                         char *created,
                                         char *modified);

/* Changes go through the layer (and its history); only the core calls
 * these. */
void _gloss_relation_set_note     (GlossRelation *self,
                                   const char    *note);
void _gloss_relation_set_modified (GlossRelation *self,
                                   const char    *modified);
/* Copies every field but the id and the ends from @from (undo, redo). */
void _gloss_relation_assign       (GlossRelation *self,
                                   GlossRelation *from);
/* Points an end that named @old_id at @new_id (annotations merged on
 * load). */
void _gloss_relation_rename_end   (GlossRelation *self,
                                   const char    *old_id,
                                   const char    *new_id);

G_END_DECLS
