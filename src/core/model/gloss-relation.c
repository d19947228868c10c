/* gloss-relation.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-relation"

#include "config.h"

#include <string.h>

#include "gloss-annotation.h"
#include "gloss-relation-private.h"

struct _GlossRelation
{
  GObject parent_instance;

  char *id;
  char *type;
  char *source;
  char *target;
  char *note;
  char *created;
  char *modified;
  JsonObject *extra;
};

G_DEFINE_FINAL_TYPE (GlossRelation, gloss_relation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_REL_TYPE,
  PROP_SOURCE,
  PROP_TARGET,
  PROP_NOTE,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gloss_relation_finalize (GObject *object)
{
  GlossRelation *self = (GlossRelation *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->type, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->target, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->modified, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (gloss_relation_parent_class)->finalize (object);
}

static void
gloss_relation_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GlossRelation *self = GLOSS_RELATION (object);
  const char *strings[N_PROPS] = { NULL, self->id, self->type, self->source, self->target,
                                   self->note, self->modified };

  if (prop_id > PROP_0 && prop_id < N_PROPS)
    g_value_set_string (value, strings[prop_id]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
gloss_relation_class_init (GlossRelationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gloss_relation_finalize;
  object_class->get_property = gloss_relation_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_REL_TYPE] = g_param_spec_string ("rel-type", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);
  properties[PROP_TARGET] = g_param_spec_string ("target", NULL, NULL, NULL, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  properties[PROP_MODIFIED] = g_param_spec_string ("modified", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_relation_init (GlossRelation *self)
{
}

GlossRelation *
gloss_relation_new_full (const char *id,
                         const char *type,
                         const char *source,
                         const char *target,
                         const char *note,
                         const char *created,
                         const char *modified)
{
  GlossRelation *self;

  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail (type != NULL && *type != '\0', NULL);
  g_return_val_if_fail (source != NULL && target != NULL, NULL);

  self = g_object_new (GLOSS_TYPE_RELATION, NULL);
  self->id = g_strdup (id);
  self->type = g_strdup (type);
  self->source = g_strdup (source);
  self->target = g_strdup (target);
  self->note = g_strdup (note ? note : "");
  self->created = g_strdup (created ? created : "");
  self->modified = g_strdup (modified ? modified : self->created);

  return self;
}

GlossRelation *
_gloss_relation_new_take (char *id,
                          char *type,
                          char *source,
                          char *target,
                          char *note,
                          char *created,
                          char *modified)
{
  GlossRelation *self;

  g_return_val_if_fail (id != NULL && type != NULL && source != NULL && target != NULL, NULL);

  self = g_object_new (GLOSS_TYPE_RELATION, NULL);
  self->id = id;
  self->type = type;
  self->source = source;
  self->target = target;
  self->note = note != NULL ? note : g_strdup ("");
  self->created = created != NULL ? created : g_strdup ("");
  self->modified = modified != NULL ? modified : g_strdup (self->created);

  return self;
}

GlossRelation *
gloss_relation_new (const char *type,
                    const char *source,
                    const char *target,
                    const char *note)
{
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *now = gloss_timestamp_now ();

  return gloss_relation_new_full (id, type, source, target, note, now, now);
}

GlossRelation *
gloss_relation_copy (GlossRelation *self)
{
  GlossRelation *copy;

  g_return_val_if_fail (GLOSS_IS_RELATION (self), NULL);

  copy = gloss_relation_new_full (self->id, self->type, self->source, self->target,
                                  self->note, self->created, self->modified);
  if (self->extra != NULL)
    copy->extra = json_object_ref (self->extra);

  return copy;
}

const char *
gloss_relation_get_id (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), NULL);
  return self->id;
}

const char *
gloss_relation_get_rel_type (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), NULL);
  return self->type;
}

const char *
gloss_relation_get_source (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), NULL);
  return self->source;
}

const char *
gloss_relation_get_target (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), NULL);
  return self->target;
}

const char *
gloss_relation_get_note (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), NULL);
  return self->note;
}

const char *
gloss_relation_get_created (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), NULL);
  return self->created;
}

const char *
gloss_relation_get_modified (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), NULL);
  return self->modified;
}

JsonObject *
gloss_relation_get_extra (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), NULL);
  return self->extra;
}

void
gloss_relation_set_extra (GlossRelation *self,
                          JsonObject    *extra)
{
  g_return_if_fail (GLOSS_IS_RELATION (self));

  if (extra == self->extra)
    return;

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}

int
gloss_relation_compare (GlossRelation *a,
                        GlossRelation *b)
{
  return strcmp (a->id, b->id);
}

static void
replace_string (GlossRelation *self,
                char         **field,
                const char    *value,
                guint          prop)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
_gloss_relation_set_note (GlossRelation *self,
                          const char    *note)
{
  replace_string (self, &self->note, note, PROP_NOTE);
}

void
_gloss_relation_set_modified (GlossRelation *self,
                              const char    *modified)
{
  replace_string (self, &self->modified, modified, PROP_MODIFIED);
}

void
_gloss_relation_assign (GlossRelation *self,
                        GlossRelation *from)
{
  g_object_freeze_notify (G_OBJECT (self));
  replace_string (self, &self->type, from->type, PROP_REL_TYPE);
  _gloss_relation_set_note (self, from->note);
  _gloss_relation_set_modified (self, from->modified);
  g_free (self->created);
  self->created = g_strdup (from->created);
  gloss_relation_set_extra (self, from->extra);
  g_object_thaw_notify (G_OBJECT (self));
}

void
_gloss_relation_rename_end (GlossRelation *self,
                            const char    *old_id,
                            const char    *new_id)
{
  if (strcmp (self->source, old_id) == 0)
    replace_string (self, &self->source, new_id, PROP_SOURCE);
  if (strcmp (self->target, old_id) == 0)
    replace_string (self, &self->target, new_id, PROP_TARGET);
}
