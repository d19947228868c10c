/* gloss-attribute-def.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-attribute-def"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "gloss-attribute-def.h"
#include "gloss-error.h"

typedef struct
{
  char *id;
  char *label;
} Value;

struct _GlossAttributeDef
{
  GObject parent_instance;

  char *id;
  char *label;
  GStrv tags;
  GArray *values;      /* Value */
  GVariant *default_value;
  JsonObject *extra;
  GlossAttributeKind kind;
  gboolean builtin;
};

G_DEFINE_FINAL_TYPE (GlossAttributeDef, gloss_attribute_def, G_TYPE_OBJECT)

static const char * const kind_names[] = { "choice", "boolean", "number", "text" };

const char *
gloss_attribute_kind_to_string (GlossAttributeKind kind)
{
  g_return_val_if_fail (kind <= GLOSS_ATTRIBUTE_TEXT, NULL);
  return kind_names[kind];
}

gboolean
gloss_attribute_kind_from_string (const char         *str,
                                  GlossAttributeKind *kind)
{
  g_return_val_if_fail (str != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      if (strcmp (str, kind_names[i]) == 0)
        {
          if (kind != NULL)
            *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
value_clear (gpointer data)
{
  Value *value = data;

  g_clear_pointer (&value->id, g_free);
  g_clear_pointer (&value->label, g_free);
}

static void
gloss_attribute_def_finalize (GObject *object)
{
  GlossAttributeDef *self = (GlossAttributeDef *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->values, g_array_unref);
  g_clear_pointer (&self->default_value, g_variant_unref);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (gloss_attribute_def_parent_class)->finalize (object);
}

static void
gloss_attribute_def_class_init (GlossAttributeDefClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_attribute_def_finalize;
}

static void
gloss_attribute_def_init (GlossAttributeDef *self)
{
  self->values = g_array_new (FALSE, TRUE, sizeof (Value));
  g_array_set_clear_func (self->values, value_clear);
}

GlossAttributeDef *
gloss_attribute_def_new (const char         *id,
                         const char         *label,
                         GlossAttributeKind  kind,
                         const char * const *tags)
{
  GlossAttributeDef *self;

  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail (kind <= GLOSS_ATTRIBUTE_TEXT, NULL);

  self = g_object_new (GLOSS_TYPE_ATTRIBUTE_DEF, NULL);
  self->id = g_strdup (id);
  self->label = g_strdup (label ? label : id);
  self->kind = kind;
  self->tags = tags != NULL ? g_strdupv ((char **) tags) : g_new0 (char *, 1);

  return self;
}

GlossAttributeDef *
gloss_attribute_def_new_builtin (const char         *id,
                                 const char         *label,
                                 GlossAttributeKind  kind,
                                 const char * const *tags)
{
  GlossAttributeDef *self = gloss_attribute_def_new (id, label, kind, tags);

  self->builtin = TRUE;
  return self;
}

GlossAttributeDef *
gloss_attribute_def_copy (GlossAttributeDef *self)
{
  GlossAttributeDef *copy;

  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), NULL);

  copy = gloss_attribute_def_new (self->id, self->label, self->kind,
                                  (const char * const *) self->tags);
  copy->builtin = self->builtin;
  for (guint i = 0; i < self->values->len; i++)
    {
      Value *value = &g_array_index (self->values, Value, i);

      gloss_attribute_def_add_value (copy, value->id, value->label);
    }
  if (self->default_value != NULL)
    copy->default_value = g_variant_ref (self->default_value);
  if (self->extra != NULL)
    copy->extra = json_object_ref (self->extra);

  return copy;
}

const char *
gloss_attribute_def_get_id (GlossAttributeDef *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), NULL);
  return self->id;
}

const char *
gloss_attribute_def_get_label (GlossAttributeDef *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), NULL);
  return self->builtin ? _(self->label) : self->label;
}

const char *
gloss_attribute_def_get_raw_label (GlossAttributeDef *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), NULL);
  return self->label;
}

void
gloss_attribute_def_set_label (GlossAttributeDef *self,
                               const char        *label)
{
  char *copy;

  g_return_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self));
  g_return_if_fail (label != NULL);

  /* @label may be the one held. */
  copy = g_strdup (label);
  g_free (self->label);
  self->label = copy;
  self->builtin = FALSE;
}

GlossAttributeKind
gloss_attribute_def_get_kind (GlossAttributeDef *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), GLOSS_ATTRIBUTE_TEXT);
  return self->kind;
}

const char * const *
gloss_attribute_def_get_tags (GlossAttributeDef *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), NULL);
  return (const char * const *) self->tags;
}

void
gloss_attribute_def_set_tags (GlossAttributeDef  *self,
                              const char * const *tags)
{
  GStrv copy;

  g_return_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self));

  /* Copied before the old list goes: @tags may be it, or point into it. */
  copy = tags != NULL ? g_strdupv ((char **) tags) : g_new0 (char *, 1);
  g_strfreev (self->tags);
  self->tags = copy;
}

gboolean
gloss_attribute_def_applies_to (GlossAttributeDef *self,
                                const char        *tag)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), FALSE);
  g_return_val_if_fail (tag != NULL, FALSE);

  return self->tags[0] == NULL || g_strv_contains ((const char * const *) self->tags, tag);
}

gboolean
gloss_attribute_def_get_builtin (GlossAttributeDef *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), FALSE);
  return self->builtin;
}

guint
gloss_attribute_def_get_n_values (GlossAttributeDef *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), 0);
  return self->values->len;
}

const char *
gloss_attribute_def_get_value_id (GlossAttributeDef *self,
                                  guint              position)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), NULL);
  g_return_val_if_fail (position < self->values->len, NULL);
  return g_array_index (self->values, Value, position).id;
}

const char *
gloss_attribute_def_get_raw_value_label (GlossAttributeDef *self,
                                         guint              position)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), NULL);
  g_return_val_if_fail (position < self->values->len, NULL);
  return g_array_index (self->values, Value, position).label;
}

const char *
gloss_attribute_def_get_value_label (GlossAttributeDef *self,
                                     guint              position)
{
  const char *label = gloss_attribute_def_get_raw_value_label (self, position);

  return self->builtin ? _(label) : label;
}

gboolean
gloss_attribute_def_has_value (GlossAttributeDef *self,
                               const char        *value_id)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), FALSE);
  g_return_val_if_fail (value_id != NULL, FALSE);

  for (guint i = 0; i < self->values->len; i++)
    if (strcmp (g_array_index (self->values, Value, i).id, value_id) == 0)
      return TRUE;

  return FALSE;
}

gboolean
gloss_attribute_def_add_value (GlossAttributeDef *self,
                               const char        *value_id,
                               const char        *label)
{
  Value value;

  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), FALSE);
  g_return_val_if_fail (value_id != NULL && *value_id != '\0', FALSE);

  if (gloss_attribute_def_has_value (self, value_id))
    return FALSE;

  value.id = g_strdup (value_id);
  value.label = g_strdup (label ? label : value_id);
  g_array_append_val (self->values, value);
  return TRUE;
}

GVariant *
gloss_attribute_def_get_default (GlossAttributeDef *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), NULL);
  return self->default_value;
}

gboolean
gloss_attribute_def_set_default (GlossAttributeDef *self,
                                 GVariant          *value)
{
  g_autoptr(GVariant) sunk = value ? g_variant_ref_sink (value) : NULL;

  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), FALSE);

  if (sunk != NULL && !gloss_attribute_def_check_value (self, sunk, NULL))
    return FALSE;

  g_clear_pointer (&self->default_value, g_variant_unref);
  self->default_value = g_steal_pointer (&sunk);
  return TRUE;
}

static const GVariantType *
kind_type (GlossAttributeKind kind)
{
  switch (kind)
    {
    case GLOSS_ATTRIBUTE_BOOLEAN:
      return G_VARIANT_TYPE_BOOLEAN;
    case GLOSS_ATTRIBUTE_NUMBER:
      return G_VARIANT_TYPE_DOUBLE;
    case GLOSS_ATTRIBUTE_CHOICE:
    case GLOSS_ATTRIBUTE_TEXT:
    default:
      return G_VARIANT_TYPE_STRING;
    }
}

/* The values of a choice, listed for a message. */
static char *
list_values (GlossAttributeDef *self)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < self->values->len; i++)
    {
      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, g_array_index (self->values, Value, i).id);
    }

  return g_string_free (g_steal_pointer (&list), FALSE);
}

gboolean
gloss_attribute_def_check_value (GlossAttributeDef  *self,
                                 GVariant           *value,
                                 GError            **error)
{
  g_autoptr(GVariant) hold = NULL;

  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  hold = g_variant_ref_sink (value);

  if (!g_variant_is_of_type (value, kind_type (self->kind)))
    {
      static const char * const expected[] = {
        N_("one of its values"), N_("true or false"), N_("a number"), N_("text"),
      };

      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   /* Translators: an attribute id, then what it takes ("a number") */
                   _("the attribute “%s” takes %s"), self->id, _(expected[self->kind]));
      return FALSE;
    }

  if (self->kind == GLOSS_ATTRIBUTE_CHOICE &&
      !gloss_attribute_def_has_value (self, g_variant_get_string (value, NULL)))
    {
      g_autofree char *values = list_values (self);

      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   /* Translators: a value, an attribute id, then the list of its values */
                   _("“%s” is not a value of the attribute “%s” (its values are: %s)"),
                   g_variant_get_string (value, NULL), self->id, values);
      return FALSE;
    }

  if (self->kind == GLOSS_ATTRIBUTE_NUMBER && !isfinite (g_variant_get_double (value)))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("the attribute “%s” takes %s"), self->id, _("a number"));
      return FALSE;
    }

  return TRUE;
}

GVariant *
gloss_attribute_def_parse_value (GlossAttributeDef  *self,
                                 const char         *text,
                                 GError            **error)
{
  g_autoptr(GVariant) value = NULL;

  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  switch (self->kind)
    {
    case GLOSS_ATTRIBUTE_BOOLEAN:
      if (g_ascii_strcasecmp (text, "true") == 0 || g_ascii_strcasecmp (text, "yes") == 0)
        value = g_variant_ref_sink (g_variant_new_boolean (TRUE));
      else if (g_ascii_strcasecmp (text, "false") == 0 || g_ascii_strcasecmp (text, "no") == 0)
        value = g_variant_ref_sink (g_variant_new_boolean (FALSE));
      break;

    case GLOSS_ATTRIBUTE_NUMBER:
      {
        char *end = NULL;
        double number = g_ascii_strtod (text, &end);

        if (*text != '\0' && end != NULL && *end == '\0')
          value = g_variant_ref_sink (g_variant_new_double (number));
      }
      break;

    case GLOSS_ATTRIBUTE_CHOICE:
    case GLOSS_ATTRIBUTE_TEXT:
    default:
      value = g_variant_ref_sink (g_variant_new_string (text));
      break;
    }

  /* The value of the wrong type gets the same message as a wrong one. */
  if (value == NULL)
    value = g_variant_ref_sink (g_variant_new_string (text));
  if (!gloss_attribute_def_check_value (self, value, error))
    return NULL;

  return g_steal_pointer (&value);
}

char *
gloss_attribute_value_to_string (GVariant *value)
{
  g_return_val_if_fail (value != NULL, NULL);

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_variant_dup_string (value, NULL);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    return g_strdup (g_variant_get_boolean (value) ? "true" : "false");
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    {
      double number = g_variant_get_double (value);
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      if (number == floor (number) && fabs (number) < 1e15)
        return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) number);
      return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, number));
    }

  return g_variant_print (value, FALSE);
}

JsonObject *
gloss_attribute_def_get_extra (GlossAttributeDef *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self), NULL);
  return self->extra;
}

void
gloss_attribute_def_set_extra (GlossAttributeDef *self,
                               JsonObject        *extra)
{
  g_return_if_fail (GLOSS_IS_ATTRIBUTE_DEF (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}
