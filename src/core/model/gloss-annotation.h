/* gloss-annotation.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "gloss-source.h"

G_BEGIN_DECLS

/* Characters of context kept on each side of an annotation's quote. */
#define GLOSS_ANNOTATION_CONTEXT_LENGTH 32

typedef enum
{
  GLOSS_ANCHOR_ANCHORED,  /* the quote is at the annotation's offsets */
  GLOSS_ANCHOR_MOVED,     /* the article changed and the quote was found elsewhere */
  GLOSS_ANCHOR_ORPHANED,  /* the quote is nowhere in the article any more */
} GlossAnchorStatus;

#define GLOSS_TYPE_ANCHOR_STATUS (gloss_anchor_status_get_type ())
GType        gloss_anchor_status_get_type  (void) G_GNUC_CONST;
/* "anchored", "moved", "orphaned" */
const char  *gloss_anchor_status_to_string (GlossAnchorStatus status);
gboolean     gloss_anchor_status_from_string (const char      *str,
                                              GlossAnchorStatus *status);

#define GLOSS_TYPE_ANNOTATION (gloss_annotation_get_type ())

G_DECLARE_FINAL_TYPE (GlossAnnotation, gloss_annotation, GLOSS, ANNOTATION, GObject)

/* A new annotation of @source's text [start, end) with a fresh random id,
 * the quote and context taken from the text, created and modified now. */
GlossAnnotation   *gloss_annotation_new_for_source (GlossSource     *source,
                                                    const char      *tag,
                                                    guint            start,
                                                    guint            end,
                                                    const char      *note);
/* An annotation with every field given; used by readers of files. */
GlossAnnotation   *gloss_annotation_new_full       (const char      *id,
                                                    const char      *tag,
                                                    guint            start,
                                                    guint            end,
                                                    const char      *quote,
                                                    const char      *prefix,
                                                    const char      *suffix,
                                                    const char      *note,
                                                    const char      *created,
                                                    const char      *modified);
/* A copy with the same id, for snapshots; @self's extra keys are shared. */
GlossAnnotation   *gloss_annotation_copy           (GlossAnnotation *self);

const char        *gloss_annotation_get_id         (GlossAnnotation *self);
const char        *gloss_annotation_get_tag        (GlossAnnotation *self);
guint              gloss_annotation_get_start      (GlossAnnotation *self);
guint              gloss_annotation_get_end        (GlossAnnotation *self);
const char        *gloss_annotation_get_quote      (GlossAnnotation *self);
const char        *gloss_annotation_get_prefix     (GlossAnnotation *self);
const char        *gloss_annotation_get_suffix     (GlossAnnotation *self);
/* Never NULL; "" when there is no note. */
const char        *gloss_annotation_get_note       (GlossAnnotation *self);
const char        *gloss_annotation_get_created    (GlossAnnotation *self);
const char        *gloss_annotation_get_modified   (GlossAnnotation *self);
GlossAnchorStatus  gloss_annotation_get_status     (GlossAnnotation *self);
gboolean           gloss_annotation_has_note       (GlossAnnotation *self);

/* Keys of the annotation's JSON object that this version of Gloss does not
 * know, kept so that they are written back; NULL when there are none. */
JsonObject        *gloss_annotation_get_extra      (GlossAnnotation *self);
void               gloss_annotation_set_extra      (GlossAnnotation *self,
                                                    JsonObject      *extra);

/* The annotation's attributes (its verdict, stance or role, as the
 * codebook's GlossAttributeDef describes them): a GVariant dictionary
 * "a{sv}" sorted by attribute id, each value a string ("s": a choice's
 * value id or free text), a boolean ("b") or a number ("d"); NULL when
 * the annotation has none.  Set them through gloss_layer_set_attribute,
 * which the history records. */
GVariant          *gloss_annotation_get_attributes (GlossAnnotation *self);
/* The value of attribute @id, or NULL; free it with g_variant_unref. */
GVariant          *gloss_annotation_dup_attribute  (GlossAnnotation *self,
                                                    const char      *id);
/* For readers of files, before the annotation is in a layer: @attributes
 * as gloss_annotation_get_attributes returns them (sorted, never empty),
 * or NULL; a floating reference is sunk, another one added. */
void               gloss_annotation_set_attributes (GlossAnnotation *self,
                                                    GVariant        *attributes);
/* TRUE for the types an attribute's value may have: "s", "b" and "d". */
gboolean           gloss_attribute_value_is_valid  (GVariant        *value);
/* @attributes (or NULL) with @id set to @value, or removed when @value is
 * NULL: a new sorted dictionary (a full reference), or NULL when nothing
 * is left.  A floating @value is sunk. */
GVariant          *gloss_attributes_with           (GVariant        *attributes,
                                                    const char      *id,
                                                    GVariant        *value);

/* Sort order of a layer: start, end, tag, id. */
int                gloss_annotation_compare        (GlossAnnotation *a,
                                                    GlossAnnotation *b);

/* The current time as Gloss writes it: ISO 8601, UTC, seconds, "Z". */
char              *gloss_timestamp_now             (void);
gboolean           gloss_timestamp_is_valid        (const char      *str);

G_END_DECLS
