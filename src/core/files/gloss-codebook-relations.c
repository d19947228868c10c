/* gloss-codebook-relations.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-codebook"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-codebook-private.h"
#include "gloss-error.h"

/* The codebook's relation types and attribute definitions: the defaults,
 * and the queries that check a relation or an attribute value against
 * them.  gloss-codebook-relations-json.c reads and writes them. */

void
_gloss_codebook_relations_init (GlossCodebook *self)
{
  self->relation_types = g_ptr_array_new_with_free_func (g_object_unref);
  self->attributes = g_ptr_array_new_with_free_func (g_object_unref);
}

void
_gloss_codebook_relations_clear (GlossCodebook *self)
{
  g_clear_pointer (&self->relation_types, g_ptr_array_unref);
  g_clear_pointer (&self->attributes, g_ptr_array_unref);
}

void
_gloss_codebook_add_defaults (GlossCodebook *self)
{
  static const char * const claim[] = { "claim", NULL };
  static const char * const claim_or_controversy[] = { "claim", "controversy", NULL };
  static const char * const company[] = { "company", NULL };
  static const struct { const char *id; const char *label; } verdicts[] = {
    { "true", N_("True") },
    { "false", N_("False") },
    { "misleading", N_("Misleading") },
    { "unverifiable", N_("Unverifiable") },
  };
  g_autoptr(GlossRelationType) said_by = NULL;
  g_autoptr(GlossRelationType) about = NULL;
  g_autoptr(GlossAttributeDef) verdict = NULL;

  said_by = gloss_relation_type_new_builtin ("said-by", N_("Said by"), "#1a5fb4",
                                             claim, company, TRUE);
  about = gloss_relation_type_new_builtin ("about", N_("About"), "#26a269",
                                           claim_or_controversy, company, TRUE);
  gloss_codebook_add_relation_type (self, said_by);
  gloss_codebook_add_relation_type (self, about);

  verdict = gloss_attribute_def_new_builtin ("verdict", N_("Verdict"),
                                             GLOSS_ATTRIBUTE_CHOICE, claim);
  for (guint i = 0; i < G_N_ELEMENTS (verdicts); i++)
    gloss_attribute_def_add_value (verdict, verdicts[i].id, verdicts[i].label);
  gloss_codebook_add_attribute (self, verdict);
}

void
_gloss_codebook_copy_relations (GlossCodebook *self,
                                GlossCodebook *from)
{
  g_ptr_array_set_size (self->relation_types, 0);
  g_ptr_array_set_size (self->attributes, 0);

  for (guint i = 0; i < from->relation_types->len; i++)
    g_ptr_array_add (self->relation_types,
                     gloss_relation_type_copy (g_ptr_array_index (from->relation_types, i)));
  for (guint i = 0; i < from->attributes->len; i++)
    g_ptr_array_add (self->attributes,
                     gloss_attribute_def_copy (g_ptr_array_index (from->attributes, i)));
}

/* The public API.  Relation types and attributes are both lists of
 * objects with a unique id. */

typedef const char *(*GetIdFunc) (gpointer item);

static gpointer
lookup_by_id (GPtrArray  *items,
              GetIdFunc   get_id,
              const char *id)
{
  for (guint i = 0; i < items->len; i++)
    if (strcmp (get_id (g_ptr_array_index (items, i)), id) == 0)
      return g_ptr_array_index (items, i);

  return NULL;
}

static gboolean
add_unique (GPtrArray *items,
            GetIdFunc  get_id,
            gpointer   item)
{
  if (lookup_by_id (items, get_id, get_id (item)) != NULL)
    return FALSE;

  g_ptr_array_add (items, g_object_ref (item));
  return TRUE;
}

static gboolean
remove_by_id (GPtrArray  *items,
              GetIdFunc   get_id,
              const char *id)
{
  gpointer item = lookup_by_id (items, get_id, id);

  return item != NULL && g_ptr_array_remove (items, item);
}

#define TYPE_ID ((GetIdFunc) gloss_relation_type_get_id)
#define ATTRIBUTE_ID ((GetIdFunc) gloss_attribute_def_get_id)

guint
gloss_codebook_get_n_relation_types (GlossCodebook *self)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK (self), 0);
  return self->relation_types->len;
}

GlossRelationType *
gloss_codebook_get_relation_type (GlossCodebook *self,
                                  guint          position)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK (self), NULL);
  return position < self->relation_types->len ? g_ptr_array_index (self->relation_types, position) : NULL;
}

GlossRelationType *
gloss_codebook_lookup_relation_type (GlossCodebook *self,
                                     const char    *id)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return lookup_by_id (self->relation_types, TYPE_ID, id);
}

gboolean
gloss_codebook_add_relation_type (GlossCodebook     *self,
                                  GlossRelationType *type)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_RELATION_TYPE (type), FALSE);

  return add_unique (self->relation_types, TYPE_ID, type);
}

gboolean
gloss_codebook_remove_relation_type (GlossCodebook *self,
                                     const char    *id)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return remove_by_id (self->relation_types, TYPE_ID, id);
}

GPtrArray *
gloss_codebook_relation_types_for (GlossCodebook *self,
                                   const char    *source_tag,
                                   const char    *target_tag)
{
  GPtrArray *types;

  g_return_val_if_fail (GLOSS_IS_CODEBOOK (self), NULL);
  g_return_val_if_fail (source_tag != NULL && target_tag != NULL, NULL);

  types = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->relation_types->len; i++)
    {
      GlossRelationType *type = g_ptr_array_index (self->relation_types, i);

      if (gloss_relation_type_allows (type, source_tag, target_tag))
        g_ptr_array_add (types, g_object_ref (type));
    }

  return types;
}

gboolean
gloss_codebook_check_relation (GlossCodebook  *self,
                               const char     *type_id,
                               const char     *source_tag,
                               const char     *target_tag,
                               GError        **error)
{
  GlossRelationType *type;

  g_return_val_if_fail (GLOSS_IS_CODEBOOK (self), FALSE);
  g_return_val_if_fail (type_id != NULL && source_tag != NULL && target_tag != NULL, FALSE);

  type = gloss_codebook_lookup_relation_type (self, type_id);
  if (type == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("the codebook has no relation type “%s”"), type_id);
      return FALSE;
    }
  if (!gloss_relation_type_allows (type, source_tag, target_tag))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   /* Translators: a relation type, then two tags */
                   _("a relation “%s” may not go from a passage tagged “%s” to one tagged “%s”"),
                   type_id, source_tag, target_tag);
      return FALSE;
    }

  return TRUE;
}

guint
gloss_codebook_get_n_attributes (GlossCodebook *self)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK (self), 0);
  return self->attributes->len;
}

GlossAttributeDef *
gloss_codebook_get_attribute (GlossCodebook *self,
                              guint          position)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK (self), NULL);
  return position < self->attributes->len ? g_ptr_array_index (self->attributes, position) : NULL;
}

GlossAttributeDef *
gloss_codebook_lookup_attribute (GlossCodebook *self,
                                 const char    *id)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return lookup_by_id (self->attributes, ATTRIBUTE_ID, id);
}

gboolean
gloss_codebook_add_attribute (GlossCodebook     *self,
                              GlossAttributeDef *attribute)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (attribute), FALSE);

  return add_unique (self->attributes, ATTRIBUTE_ID, attribute);
}

gboolean
gloss_codebook_remove_attribute (GlossCodebook *self,
                                 const char    *id)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return remove_by_id (self->attributes, ATTRIBUTE_ID, id);
}

GPtrArray *
gloss_codebook_attributes_for_tag (GlossCodebook *self,
                                   const char    *tag)
{
  GPtrArray *attributes;

  g_return_val_if_fail (GLOSS_IS_CODEBOOK (self), NULL);
  g_return_val_if_fail (tag != NULL, NULL);

  attributes = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->attributes->len; i++)
    {
      GlossAttributeDef *attribute = g_ptr_array_index (self->attributes, i);

      if (gloss_attribute_def_applies_to (attribute, tag))
        g_ptr_array_add (attributes, g_object_ref (attribute));
    }

  return attributes;
}

GVariant *
gloss_codebook_get_default_attributes (GlossCodebook *self,
                                       const char    *tag)
{
  GVariant *attributes = NULL;

  g_return_val_if_fail (GLOSS_IS_CODEBOOK (self), NULL);
  g_return_val_if_fail (tag != NULL, NULL);

  for (guint i = 0; i < self->attributes->len; i++)
    {
      GlossAttributeDef *attribute = g_ptr_array_index (self->attributes, i);
      GVariant *fallback = gloss_attribute_def_get_default (attribute);
      GVariant *with;

      if (fallback == NULL || !gloss_attribute_def_applies_to (attribute, tag))
        continue;

      with = gloss_attributes_with (attributes, gloss_attribute_def_get_id (attribute), fallback);
      g_clear_pointer (&attributes, g_variant_unref);
      attributes = with;
    }

  return attributes;
}

gboolean
gloss_codebook_check_attribute (GlossCodebook  *self,
                                const char     *tag,
                                const char     *id,
                                GVariant       *value,
                                GError        **error)
{
  g_autoptr(GVariant) hold = NULL;
  GlossAttributeDef *attribute;

  g_return_val_if_fail (GLOSS_IS_CODEBOOK (self), FALSE);
  g_return_val_if_fail (tag != NULL && id != NULL && value != NULL, FALSE);

  hold = g_variant_ref_sink (value);

  attribute = gloss_codebook_lookup_attribute (self, id);
  if (attribute == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("the codebook has no attribute “%s”"), id);
      return FALSE;
    }
  if (!gloss_attribute_def_applies_to (attribute, tag))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   /* Translators: an attribute id, then a tag id */
                   _("the attribute “%s” is not one of passages tagged “%s”"), id, tag);
      return FALSE;
    }

  return gloss_attribute_def_check_value (attribute, value, error);
}
