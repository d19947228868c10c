/* gloss-relation-type.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-relation-type"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-relation-type.h"

struct _GlossRelationType
{
  GObject parent_instance;

  char *id;
  char *label;
  char *color;
  GStrv source_tags;
  GStrv target_tags;
  JsonObject *extra;
  gboolean directed;
  gboolean builtin;
};

G_DEFINE_FINAL_TYPE (GlossRelationType, gloss_relation_type, G_TYPE_OBJECT)

static void
gloss_relation_type_finalize (GObject *object)
{
  GlossRelationType *self = (GlossRelationType *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->source_tags, g_strfreev);
  g_clear_pointer (&self->target_tags, g_strfreev);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (gloss_relation_type_parent_class)->finalize (object);
}

static void
gloss_relation_type_class_init (GlossRelationTypeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_relation_type_finalize;
}

static void
gloss_relation_type_init (GlossRelationType *self)
{
}

static GStrv
copy_tags (const char * const *tags)
{
  return tags != NULL ? g_strdupv ((char **) tags) : g_new0 (char *, 1);
}

GlossRelationType *
gloss_relation_type_new (const char         *id,
                         const char         *label,
                         const char         *color,
                         const char * const *source_tags,
                         const char * const *target_tags,
                         gboolean            directed)
{
  GlossRelationType *self;

  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail (color != NULL, NULL);

  self = g_object_new (GLOSS_TYPE_RELATION_TYPE, NULL);
  self->id = g_strdup (id);
  self->label = g_strdup (label ? label : id);
  self->color = g_strdup (color);
  self->source_tags = copy_tags (source_tags);
  self->target_tags = copy_tags (target_tags);
  self->directed = directed;

  return self;
}

GlossRelationType *
gloss_relation_type_new_builtin (const char         *id,
                                 const char         *label,
                                 const char         *color,
                                 const char * const *source_tags,
                                 const char * const *target_tags,
                                 gboolean            directed)
{
  GlossRelationType *self = gloss_relation_type_new (id, label, color, source_tags,
                                                     target_tags, directed);

  self->builtin = TRUE;
  return self;
}

GlossRelationType *
gloss_relation_type_copy (GlossRelationType *self)
{
  GlossRelationType *copy;

  g_return_val_if_fail (GLOSS_IS_RELATION_TYPE (self), NULL);

  copy = gloss_relation_type_new (self->id, self->label, self->color,
                                  (const char * const *) self->source_tags,
                                  (const char * const *) self->target_tags, self->directed);
  copy->builtin = self->builtin;
  if (self->extra != NULL)
    copy->extra = json_object_ref (self->extra);

  return copy;
}

const char *
gloss_relation_type_get_id (GlossRelationType *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_TYPE (self), NULL);
  return self->id;
}

const char *
gloss_relation_type_get_label (GlossRelationType *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_TYPE (self), NULL);
  return self->builtin ? _(self->label) : self->label;
}

const char *
gloss_relation_type_get_raw_label (GlossRelationType *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_TYPE (self), NULL);
  return self->label;
}

void
gloss_relation_type_set_label (GlossRelationType *self,
                               const char        *label)
{
  char *copy;

  g_return_if_fail (GLOSS_IS_RELATION_TYPE (self));
  g_return_if_fail (label != NULL);

  /* @label may be the one held. */
  copy = g_strdup (label);
  g_free (self->label);
  self->label = copy;
  self->builtin = FALSE;
}

const char *
gloss_relation_type_get_color (GlossRelationType *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_TYPE (self), NULL);
  return self->color;
}

void
gloss_relation_type_set_color (GlossRelationType *self,
                               const char        *color)
{
  char *copy;

  g_return_if_fail (GLOSS_IS_RELATION_TYPE (self));
  g_return_if_fail (color != NULL);

  copy = g_strdup (color);
  g_free (self->color);
  self->color = copy;
}

const char * const *
gloss_relation_type_get_source_tags (GlossRelationType *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_TYPE (self), NULL);
  return (const char * const *) self->source_tags;
}

const char * const *
gloss_relation_type_get_target_tags (GlossRelationType *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_TYPE (self), NULL);
  return (const char * const *) self->target_tags;
}

void
gloss_relation_type_set_tags (GlossRelationType  *self,
                              const char * const *source_tags,
                              const char * const *target_tags)
{
  GStrv sources, targets;

  g_return_if_fail (GLOSS_IS_RELATION_TYPE (self));

  /* Copied before the old lists go: either may be one of them, or point
   * into them. */
  sources = copy_tags (source_tags);
  targets = copy_tags (target_tags);
  g_strfreev (self->source_tags);
  self->source_tags = sources;
  g_strfreev (self->target_tags);
  self->target_tags = targets;
}

gboolean
gloss_relation_type_get_directed (GlossRelationType *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_TYPE (self), TRUE);
  return self->directed;
}

void
gloss_relation_type_set_directed (GlossRelationType *self,
                                  gboolean           directed)
{
  g_return_if_fail (GLOSS_IS_RELATION_TYPE (self));
  self->directed = !!directed;
}

gboolean
gloss_relation_type_get_builtin (GlossRelationType *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_TYPE (self), FALSE);
  return self->builtin;
}

static gboolean
tag_allowed (GStrv       tags,
             const char *tag)
{
  return tags[0] == NULL || g_strv_contains ((const char * const *) tags, tag);
}

gboolean
gloss_relation_type_allows (GlossRelationType *self,
                            const char        *source_tag,
                            const char        *target_tag)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_TYPE (self), FALSE);
  g_return_val_if_fail (source_tag != NULL && target_tag != NULL, FALSE);

  if (tag_allowed (self->source_tags, source_tag) && tag_allowed (self->target_tags, target_tag))
    return TRUE;

  return !self->directed &&
         tag_allowed (self->source_tags, target_tag) && tag_allowed (self->target_tags, source_tag);
}

JsonObject *
gloss_relation_type_get_extra (GlossRelationType *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_TYPE (self), NULL);
  return self->extra;
}

void
gloss_relation_type_set_extra (GlossRelationType *self,
                               JsonObject        *extra)
{
  g_return_if_fail (GLOSS_IS_RELATION_TYPE (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}
