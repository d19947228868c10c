/* gloss-layer.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-annotation.h"
#include "gloss-history.h"
#include "gloss-relation.h"
#include "gloss-source.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_LAYER (gloss_layer_get_type ())

G_DECLARE_FINAL_TYPE (GlossLayer, gloss_layer, GLOSS, LAYER, GObject)

/* One annotator's annotations of one article: a GListModel of
 * GlossAnnotation kept sorted by (start, end, tag, id), and the relations
 * between them (GlossRelation, sorted by id).  Every change made through
 * the layer is recorded in its history and can be undone.
 *
 * Signals, besides the list model's items-changed for annotations:
 * "relation-added" (GlossLayer *, GlossRelation *) after a relation is
 * added (or put back by undo), "relation-removed" after one is removed
 * (the relation is still alive during the signal), and "relation-changed"
 * after its type or note changed. */
GlossLayer      *gloss_layer_new                (const char      *annotator_id,
                                                 const char      *annotator_name);

const char      *gloss_layer_get_annotator_id   (GlossLayer      *self);
/* Changes whose layer this is: only for moving a file to another id
 * (gloss_annotation_file_move_to_annotator), never for a layer a window
 * shows. */
void             gloss_layer_set_annotator_id   (GlossLayer      *self,
                                                 const char      *id);
const char      *gloss_layer_get_annotator_name (GlossLayer      *self);
void             gloss_layer_set_annotator_name (GlossLayer      *self,
                                                 const char      *name);
GlossHistory    *gloss_layer_get_history        (GlossLayer      *self);
/* The article the layer annotates, used to take quotes and context when
 * a range changes; may be NULL. */
GlossSource     *gloss_layer_get_source         (GlossLayer      *self);
void             gloss_layer_set_source         (GlossLayer      *self,
                                                 GlossSource     *source);

/* Adds @annotation; FALSE (and nothing changes) when the layer already
 * holds one with the same tag and span, or the same id. */
gboolean         gloss_layer_add                (GlossLayer      *self,
                                                 GlossAnnotation *annotation);
/* Creates an annotation of the source's text and adds it; NULL when an
 * identical annotation exists. */
GlossAnnotation *gloss_layer_annotate           (GlossLayer      *self,
                                                 const char      *tag,
                                                 guint            start,
                                                 guint            end,
                                                 const char      *note);
/* Removes @annotation and the relations that go from or to it, as one
 * step of the history: undo brings them all back. */
gboolean         gloss_layer_remove             (GlossLayer      *self,
                                                 GlossAnnotation *annotation);
/* FALSE when another annotation has that tag and span already. */
gboolean         gloss_layer_set_tag            (GlossLayer      *self,
                                                 GlossAnnotation *annotation,
                                                 const char      *tag);
void             gloss_layer_set_note           (GlossLayer      *self,
                                                 GlossAnnotation *annotation,
                                                 const char      *note);
/* Moves @annotation to [start, end) of the source (re-attaching an
 * orphan): takes the new quote and context, marks it anchored. */
gboolean         gloss_layer_set_range          (GlossLayer      *self,
                                                 GlossAnnotation *annotation,
                                                 guint            start,
                                                 guint            end);

/* Sets attribute @id of @annotation to @value (see
 * gloss_annotation_get_attributes; a floating @value is sunk), or clears
 * it when @value is NULL: one step of the history, which also updates
 * the annotation's modified time.  Returns FALSE when nothing changed.
 * The value is not checked against the codebook here: see
 * gloss_codebook_check_attribute. */
gboolean         gloss_layer_set_attribute      (GlossLayer      *self,
                                                 GlossAnnotation *annotation,
                                                 const char      *id,
                                                 GVariant        *value);

/* Relations.  Adds @relation; FALSE (and nothing changes) when the layer
 * holds one with its id already, or one of the same type between the
 * same ends, or when an end is not an annotation of the layer. */
gboolean         gloss_layer_add_relation       (GlossLayer      *self,
                                                 GlossRelation   *relation);
/* Creates a relation of type @type from the annotation @source_id to
 * @target_id and adds it; NULL when gloss_layer_add_relation refuses it. */
GlossRelation   *gloss_layer_link               (GlossLayer      *self,
                                                 const char      *type,
                                                 const char      *source_id,
                                                 const char      *target_id,
                                                 const char      *note);
gboolean         gloss_layer_remove_relation    (GlossLayer      *self,
                                                 GlossRelation   *relation);
void             gloss_layer_set_relation_note  (GlossLayer      *self,
                                                 GlossRelation   *relation,
                                                 const char      *note);
/* FALSE when a relation of @type between the same ends exists. */
gboolean         gloss_layer_set_relation_type  (GlossLayer      *self,
                                                 GlossRelation   *relation,
                                                 const char      *type);
GlossRelation   *gloss_layer_lookup_relation    (GlossLayer      *self,
                                                 const char      *id);
guint            gloss_layer_get_n_relations    (GlossLayer      *self);
/* The relation at @position (sorted by id), or NULL; not a new reference. */
GlossRelation   *gloss_layer_get_relation       (GlossLayer      *self,
                                                 guint            position);
/* The relations that go from, or to, the annotation @annotation_id (which
 * need not be in the layer), sorted by id: a new array holding
 * references.  One hash lookup, whatever the number of relations. */
GPtrArray       *gloss_layer_get_relations_from (GlossLayer      *self,
                                                 const char      *annotation_id);
GPtrArray       *gloss_layer_get_relations_to   (GlossLayer      *self,
                                                 const char      *annotation_id);
/* Removes the relations that go from or to the annotation @annotation_id
 * (each a change of the history; group them to undo them at once), for
 * code that takes annotations out otherwise than by gloss_layer_remove.
 * Returns how many were removed. */
guint            gloss_layer_remove_relations_of (GlossLayer     *self,
                                                  const char     *annotation_id);
/* TRUE when an end of @relation is not an annotation of the layer (a
 * file edited by hand) or is an orphaned one (its quote is gone from the
 * article): the relation needs attention. */
gboolean         gloss_layer_relation_needs_attention (GlossLayer    *self,
                                                       GlossRelation *relation);
/* How many relations need attention. */
guint            gloss_layer_count_relations_needing_attention (GlossLayer *self);
/* Replaces every relation at once (loading a file): no history.  Takes
 * references to the relations of @relations, which must have distinct
 * ids; their ends are not checked, so that a relation whose end is
 * missing is kept (and needs attention) rather than lost. */
void             gloss_layer_replace_relations  (GlossLayer      *self,
                                                 GPtrArray       *relations);

void             gloss_layer_begin_group        (GlossLayer      *self);
void             gloss_layer_end_group          (GlossLayer      *self);
gboolean         gloss_layer_undo               (GlossLayer      *self);
gboolean         gloss_layer_redo               (GlossLayer      *self);

GlossAnnotation *gloss_layer_lookup             (GlossLayer      *self,
                                                 const char      *id);
/* The annotation with that tag and span, or NULL. */
GlossAnnotation *gloss_layer_find               (GlossLayer      *self,
                                                 const char      *tag,
                                                 guint            start,
                                                 guint            end);
/* The position of @annotation in the model, or -1. */
int              gloss_layer_index_of           (GlossLayer      *self,
                                                 GlossAnnotation *annotation);
/* Annotations with start <= offset < end, in layer order; O(log n + k). */
GPtrArray       *gloss_layer_get_at             (GlossLayer      *self,
                                                 guint            offset);
/* Annotations that share at least one character with [start, end), in
 * layer order; an empty range asks for the annotations at @start. */
GPtrArray       *gloss_layer_get_overlapping    (GlossLayer      *self,
                                                 guint            start,
                                                 guint            end);
/* How many annotations have @tag. */
guint            gloss_layer_count_tag          (GlossLayer      *self,
                                                 const char      *tag);
/* How many annotations have @status. */
guint            gloss_layer_count_status       (GlossLayer      *self,
                                                 GlossAnchorStatus status);

/* Replaces every annotation at once (loading a file): no history, one
 * items-changed.  Takes the annotations of @annotations.  The relations
 * stay (see gloss_layer_replace_relations).  Since a layer
 * never holds the same tag on the same span twice, annotations with the
 * same tag, span and quote are merged: the one created first stays, with
 * the notes of the others added to its own (each note once, after a
 * blank line), and relations that went to one merged away go to the one
 * that stays.  Returns how many were merged away.  (Annotations on one
 * span whose quotes differ come from a file edited by hand: anchoring
 * moves them apart, or makes their quotes alike.) */
guint            gloss_layer_replace_all        (GlossLayer      *self,
                                                 GPtrArray       *annotations);

G_END_DECLS
