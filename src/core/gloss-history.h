/* gloss-history.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-annotation.h"

G_BEGIN_DECLS

typedef enum
{
  GLOSS_CHANGE_ADD,
  GLOSS_CHANGE_REMOVE,
  GLOSS_CHANGE_MODIFY,
} GlossChangeKind;

/* One recorded change.  For MODIFY, @before and @after are snapshots
 * (gloss_annotation_copy) of @annotation around the change. */
typedef struct
{
  GlossChangeKind  kind;
  GlossAnnotation *annotation;
  GlossAnnotation *before;
  GlossAnnotation *after;
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

G_END_DECLS
