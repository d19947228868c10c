/* gloss-history.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-annotation.h"
#include "gloss-relation.h"

G_BEGIN_DECLS

typedef enum
{
  GLOSS_CHANGE_ADD,
  GLOSS_CHANGE_REMOVE,
  GLOSS_CHANGE_MODIFY,
} GlossChangeKind;

/* One recorded change, of an annotation or of a relation: either
 * @annotation or @relation is set.  For MODIFY, @before and @after (or
 * @relation_before and @relation_after) are snapshots (gloss_*_copy) of
 * it around the change. */
typedef struct
{
  GlossChangeKind  kind;
  GlossAnnotation *annotation;
  GlossAnnotation *before;
  GlossAnnotation *after;
  GlossRelation   *relation;
  GlossRelation   *relation_before;
  GlossRelation   *relation_after;
} GlossChange;

/* Called to undo (@reverse TRUE) or redo one change; the history records
 * nothing while it runs. */
typedef void (*GlossHistoryApplyFunc) (const GlossChange *change,
                                       gboolean           reverse,
                                       gpointer           user_data);

#define GLOSS_TYPE_HISTORY (gloss_history_get_type ())

G_DECLARE_FINAL_TYPE (GlossHistory, gloss_history, GLOSS, HISTORY, GObject)

GlossHistory *gloss_history_new          (GlossHistoryApplyFunc  apply,
                                          gpointer               user_data);

/* Records a change as its own step, or into the open group.  Drops what
 * could have been redone. */
void          gloss_history_push         (GlossHistory          *self,
                                          GlossChangeKind        kind,
                                          GlossAnnotation       *annotation,
                                          GlossAnnotation       *before,
                                          GlossAnnotation       *after);
/* The same for a change of a relation. */
void          gloss_history_push_relation (GlossHistory         *self,
                                           GlossChangeKind       kind,
                                           GlossRelation        *relation,
                                           GlossRelation        *before,
                                           GlossRelation        *after);
/* Changes between begin and end are undone and redone as one step; groups
 * nest, and only the outermost end closes the step. */
void          gloss_history_begin_group  (GlossHistory          *self);
void          gloss_history_end_group    (GlossHistory          *self);

gboolean      gloss_history_can_undo     (GlossHistory          *self);
gboolean      gloss_history_can_redo     (GlossHistory          *self);
gboolean      gloss_history_undo         (GlossHistory          *self);
gboolean      gloss_history_redo         (GlossHistory          *self);
gboolean      gloss_history_is_applying  (GlossHistory          *self);
guint         gloss_history_get_n_steps  (GlossHistory          *self);

/* Dirty: the layer differs from what was last saved or loaded. */
gboolean      gloss_history_is_dirty     (GlossHistory          *self);
/* Call after a successful save or a load. */
void          gloss_history_set_clean    (GlossHistory          *self);
/* For changes that are saved but not undone (re-anchoring on load). */
void          gloss_history_mark_dirty   (GlossHistory          *self);
void          gloss_history_clear        (GlossHistory          *self);

/* A number that changes whenever the layer may have changed: on every
 * push, undo, redo, clear and mark_dirty.  A save that takes a while
 * reads it when it starts, to tell afterwards whether what it wrote is
 * still what the layer holds. */
guint64       gloss_history_get_serial   (GlossHistory          *self);
/* set_clean, when the serial is still @serial.  Otherwise the file on
 * disk holds a state the layer has left since, so the layer is dirty,
 * even if an undo brought it back to what was saved before. */
void          gloss_history_set_clean_if_serial (GlossHistory   *self,
                                                 guint64         serial);

G_END_DECLS
