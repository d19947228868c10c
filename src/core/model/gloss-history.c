/* gloss-history.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-history"

#include "config.h"

#include "gloss-history.h"

/* A step is an array of GlossChange, applied in order on redo and in
 * reverse order on undo.  Steps before @position can be undone, steps
 * from @position on can be redone. */
struct _GlossHistory
{
  GObject parent_instance;

  GPtrArray *steps;
  GArray *open_group;
  guint position;
  guint group_depth;
  /* The position that matches the file on disk, or -1 when no position
   * does (the saved step was dropped from the redo side). */
  gint64 clean_position;
  gboolean forced_dirty;
  gboolean applying;
  /* Counts the changes of the layer (see get_serial). */
  guint64 serial;

  GlossHistoryApplyFunc apply;
  gpointer user_data;
};

G_DEFINE_FINAL_TYPE (GlossHistory, gloss_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_DIRTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
change_clear (gpointer data)
{
  GlossChange *change = data;

  g_clear_object (&change->annotation);
  g_clear_object (&change->before);
  g_clear_object (&change->after);
  g_clear_object (&change->relation);
  g_clear_object (&change->relation_before);
  g_clear_object (&change->relation_after);
}

static GArray *
step_new (void)
{
  GArray *step = g_array_new (FALSE, TRUE, sizeof (GlossChange));

  g_array_set_clear_func (step, change_clear);
  return step;
}

typedef struct
{
  gboolean can_undo;
  gboolean can_redo;
  gboolean dirty;
} State;

static State
get_state (GlossHistory *self)
{
  return (State) {
    gloss_history_can_undo (self),
    gloss_history_can_redo (self),
    gloss_history_is_dirty (self),
  };
}

static void
notify_changes (GlossHistory *self,
                State         old)
{
  State now = get_state (self);

  if (old.can_undo != now.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (old.can_redo != now.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (old.dirty != now.dirty)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static void
gloss_history_finalize (GObject *object)
{
  GlossHistory *self = (GlossHistory *)object;

  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->open_group, g_array_unref);

  G_OBJECT_CLASS (gloss_history_parent_class)->finalize (object);
}

static void
gloss_history_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GlossHistory *self = GLOSS_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, gloss_history_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, gloss_history_can_redo (self));
      break;

    case PROP_DIRTY:
      g_value_set_boolean (value, gloss_history_is_dirty (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_history_class_init (GlossHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gloss_history_finalize;
  object_class->get_property = gloss_history_get_property;

  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, flags);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, flags);
  properties[PROP_DIRTY] = g_param_spec_boolean ("dirty", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_history_init (GlossHistory *self)
{
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
}

GlossHistory *
gloss_history_new (GlossHistoryApplyFunc apply,
                   gpointer              user_data)
{
  GlossHistory *self = g_object_new (GLOSS_TYPE_HISTORY, NULL);

  self->apply = apply;
  self->user_data = user_data;
  return self;
}

static void
add_step (GlossHistory *self,
          GArray       *step)
{
  /* A new step makes everything that could be redone unreachable. */
  if (self->position < self->steps->len)
    {
      if (self->clean_position > (gint64)self->position)
        self->clean_position = -1;
      g_ptr_array_set_size (self->steps, self->position);
    }

  g_ptr_array_add (self->steps, step);
  self->position = self->steps->len;
}

static void
push_change (GlossHistory *self,
             GlossChange  *change)
{
  State old;

  self->serial++;

  if (self->group_depth > 0)
    {
      g_array_append_val (self->open_group, *change);
      return;
    }

  old = get_state (self);
  {
    GArray *step = step_new ();
    g_array_append_val (step, *change);
    add_step (self, step);
  }
  notify_changes (self, old);
}

void
gloss_history_push (GlossHistory    *self,
                    GlossChangeKind  kind,
                    GlossAnnotation *annotation,
                    GlossAnnotation *before,
                    GlossAnnotation *after)
{
  GlossChange change = { kind, NULL, NULL, NULL, NULL, NULL, NULL };

  g_return_if_fail (GLOSS_IS_HISTORY (self));
  g_return_if_fail (GLOSS_IS_ANNOTATION (annotation));
  g_return_if_fail (kind != GLOSS_CHANGE_MODIFY || (before != NULL && after != NULL));

  if (self->applying)
    return;

  change.annotation = g_object_ref (annotation);
  change.before = before ? g_object_ref (before) : NULL;
  change.after = after ? g_object_ref (after) : NULL;
  push_change (self, &change);
}

void
gloss_history_push_relation (GlossHistory    *self,
                             GlossChangeKind  kind,
                             GlossRelation   *relation,
                             GlossRelation   *before,
                             GlossRelation   *after)
{
  GlossChange change = { kind, NULL, NULL, NULL, NULL, NULL, NULL };

  g_return_if_fail (GLOSS_IS_HISTORY (self));
  g_return_if_fail (GLOSS_IS_RELATION (relation));
  g_return_if_fail (kind != GLOSS_CHANGE_MODIFY || (before != NULL && after != NULL));

  if (self->applying)
    return;

  change.relation = g_object_ref (relation);
  change.relation_before = before ? g_object_ref (before) : NULL;
  change.relation_after = after ? g_object_ref (after) : NULL;
  push_change (self, &change);
}

void
gloss_history_begin_group (GlossHistory *self)
{
  State old;

  g_return_if_fail (GLOSS_IS_HISTORY (self));

  if (self->group_depth > 0)
    {
      self->group_depth++;
      return;
    }

  /* Nothing can be undone or redone while a step is open. */
  old = get_state (self);
  self->group_depth = 1;
  self->open_group = step_new ();
  notify_changes (self, old);
}

void
gloss_history_end_group (GlossHistory *self)
{
  g_autoptr(GArray) step = NULL;
  State old;

  g_return_if_fail (GLOSS_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (self->group_depth > 1)
    {
      self->group_depth--;
      return;
    }

  old = get_state (self);
  self->group_depth = 0;
  step = g_steal_pointer (&self->open_group);
  if (step->len > 0)
    add_step (self, g_steal_pointer (&step));
  notify_changes (self, old);
}

gboolean
gloss_history_can_undo (GlossHistory *self)
{
  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);
  return self->position > 0 && self->group_depth == 0;
}

gboolean
gloss_history_can_redo (GlossHistory *self)
{
  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);
  return self->position < self->steps->len && self->group_depth == 0;
}

gboolean
gloss_history_is_applying (GlossHistory *self)
{
  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);
  return self->applying;
}

guint
gloss_history_get_n_steps (GlossHistory *self)
{
  g_return_val_if_fail (GLOSS_IS_HISTORY (self), 0);
  return self->steps->len;
}

static void
apply_step (GlossHistory *self,
            GArray       *step,
            gboolean      reverse)
{
  self->applying = TRUE;
  for (guint i = 0; i < step->len; i++)
    {
      guint j = reverse ? step->len - 1 - i : i;
      self->apply (&g_array_index (step, GlossChange, j), reverse, self->user_data);
    }
  self->applying = FALSE;
}

gboolean
gloss_history_undo (GlossHistory *self)
{
  State old;

  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);

  if (!gloss_history_can_undo (self))
    return FALSE;

  old = get_state (self);
  self->serial++;
  self->position--;
  apply_step (self, g_ptr_array_index (self->steps, self->position), TRUE);
  notify_changes (self, old);
  return TRUE;
}

gboolean
gloss_history_redo (GlossHistory *self)
{
  State old;

  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);

  if (!gloss_history_can_redo (self))
    return FALSE;

  old = get_state (self);
  self->serial++;
  apply_step (self, g_ptr_array_index (self->steps, self->position), FALSE);
  self->position++;
  notify_changes (self, old);
  return TRUE;
}

gboolean
gloss_history_is_dirty (GlossHistory *self)
{
  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);
  return self->forced_dirty || self->clean_position != (gint64)self->position;
}

void
gloss_history_set_clean (GlossHistory *self)
{
  State old;

  g_return_if_fail (GLOSS_IS_HISTORY (self));

  old = get_state (self);
  self->clean_position = self->position;
  self->forced_dirty = FALSE;
  notify_changes (self, old);
}

void
gloss_history_mark_dirty (GlossHistory *self)
{
  State old;

  g_return_if_fail (GLOSS_IS_HISTORY (self));

  old = get_state (self);
  self->serial++;
  self->forced_dirty = TRUE;
  notify_changes (self, old);
}

void
gloss_history_clear (GlossHistory *self)
{
  State old;

  g_return_if_fail (GLOSS_IS_HISTORY (self));
  g_return_if_fail (self->group_depth == 0);

  old = get_state (self);
  self->serial++;
  g_ptr_array_set_size (self->steps, 0);
  self->position = 0;
  self->clean_position = 0;
  /* Forgetting the steps does not save them: unsaved work stays unsaved. */
  self->forced_dirty = old.dirty;
  notify_changes (self, old);
}

guint64
gloss_history_get_serial (GlossHistory *self)
{
  g_return_val_if_fail (GLOSS_IS_HISTORY (self), 0);
  return self->serial;
}

void
gloss_history_set_clean_if_serial (GlossHistory *self,
                                   guint64       serial)
{
  State old;

  g_return_if_fail (GLOSS_IS_HISTORY (self));

  if (serial == self->serial)
    {
      gloss_history_set_clean (self);
      return;
    }

  /* The file now holds an older state: no position matches it. */
  old = get_state (self);
  self->clean_position = -1;
  notify_changes (self, old);
}
