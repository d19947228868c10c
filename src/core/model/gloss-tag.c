/* gloss-tag.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-tag"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-tag.h"

struct _GlossTag
{
  GObject parent_instance;

  char *id;
  char *label;
  char *color;
  char *description;
  JsonObject *extra;
  guint order;
  gboolean builtin;
};

G_DEFINE_FINAL_TYPE (GlossTag, gloss_tag, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_COLOR,
  PROP_DESCRIPTION,
  PROP_ORDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gloss_tag_finalize (GObject *object)
{
  GlossTag *self = (GlossTag *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (gloss_tag_parent_class)->finalize (object);
}

static void
gloss_tag_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  GlossTag *self = GLOSS_TAG (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_LABEL:
      g_value_set_string (value, gloss_tag_get_label (self));
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, gloss_tag_get_description (self));
      break;

    case PROP_ORDER:
      g_value_set_uint (value, self->order);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_tag_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  GlossTag *self = GLOSS_TAG (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      gloss_tag_set_label (self, g_value_get_string (value));
      break;

    case PROP_COLOR:
      gloss_tag_set_color (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      gloss_tag_set_description (self, g_value_get_string (value));
      break;

    case PROP_ORDER:
      gloss_tag_set_order (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_tag_class_init (GlossTagClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gloss_tag_finalize;
  object_class->get_property = gloss_tag_get_property;
  object_class->set_property = gloss_tag_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_ORDER] = g_param_spec_uint ("order", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_tag_init (GlossTag *self)
{
}

GlossTag *
gloss_tag_new (const char *id,
               const char *label,
               const char *color,
               const char *description)
{
  GlossTag *self;

  g_return_val_if_fail (gloss_tag_id_is_valid (id), NULL);
  g_return_val_if_fail (gloss_tag_color_is_valid (color), NULL);

  self = g_object_new (GLOSS_TYPE_TAG, NULL);
  self->id = g_strdup (id);
  self->label = g_strdup (label && *label ? label : id);
  self->color = g_ascii_strdown (color, -1);
  self->description = g_strdup (description ? description : "");

  return self;
}

GlossTag *
gloss_tag_new_builtin (const char *id,
                       const char *label,
                       const char *color,
                       const char *description)
{
  GlossTag *self = gloss_tag_new (id, label, color, description);

  self->builtin = TRUE;
  return self;
}

const char *
gloss_tag_get_id (GlossTag *self)
{
  g_return_val_if_fail (GLOSS_IS_TAG (self), NULL);
  return self->id;
}

const char *
gloss_tag_get_label (GlossTag *self)
{
  g_return_val_if_fail (GLOSS_IS_TAG (self), NULL);

  if (self->builtin)
    return g_dgettext (GETTEXT_PACKAGE, self->label);
  return self->label;
}

const char *
gloss_tag_get_raw_label (GlossTag *self)
{
  g_return_val_if_fail (GLOSS_IS_TAG (self), NULL);
  return self->label;
}

void
gloss_tag_set_label (GlossTag   *self,
                     const char *label)
{
  g_return_if_fail (GLOSS_IS_TAG (self));

  if (label == NULL || *label == '\0' || g_strcmp0 (label, gloss_tag_get_label (self)) == 0)
    return;

  /* A label the user typed is no longer the built-in English one. */
  self->builtin = FALSE;
  g_free (self->label);
  self->label = g_strdup (label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

const char *
gloss_tag_get_color (GlossTag *self)
{
  g_return_val_if_fail (GLOSS_IS_TAG (self), NULL);
  return self->color;
}

void
gloss_tag_set_color (GlossTag   *self,
                     const char *color)
{
  g_autofree char *lower = NULL;

  g_return_if_fail (GLOSS_IS_TAG (self));
  g_return_if_fail (gloss_tag_color_is_valid (color));

  lower = g_ascii_strdown (color, -1);
  if (g_strcmp0 (lower, self->color) == 0)
    return;

  g_free (self->color);
  self->color = g_steal_pointer (&lower);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

const char *
gloss_tag_get_description (GlossTag *self)
{
  g_return_val_if_fail (GLOSS_IS_TAG (self), NULL);

  if (self->builtin && *self->description != '\0')
    return g_dgettext (GETTEXT_PACKAGE, self->description);
  return self->description;
}

const char *
gloss_tag_get_raw_description (GlossTag *self)
{
  g_return_val_if_fail (GLOSS_IS_TAG (self), NULL);
  return self->description;
}

void
gloss_tag_set_description (GlossTag   *self,
                           const char *description)
{
  g_return_if_fail (GLOSS_IS_TAG (self));

  if (description == NULL)
    description = "";
  if (g_strcmp0 (description, gloss_tag_get_description (self)) == 0)
    return;

  g_free (self->description);
  self->description = g_strdup (description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

gboolean
gloss_tag_get_builtin (GlossTag *self)
{
  g_return_val_if_fail (GLOSS_IS_TAG (self), FALSE);
  return self->builtin;
}

guint
gloss_tag_get_order (GlossTag *self)
{
  g_return_val_if_fail (GLOSS_IS_TAG (self), 0);
  return self->order;
}

void
gloss_tag_set_order (GlossTag *self,
                     guint     order)
{
  g_return_if_fail (GLOSS_IS_TAG (self));

  if (self->order == order)
    return;

  self->order = order;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDER]);
}

JsonObject *
gloss_tag_get_extra (GlossTag *self)
{
  g_return_val_if_fail (GLOSS_IS_TAG (self), NULL);
  return self->extra;
}

void
gloss_tag_set_extra (GlossTag   *self,
                     JsonObject *extra)
{
  g_return_if_fail (GLOSS_IS_TAG (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}

gboolean
gloss_tag_id_is_valid (const char *id)
{
  if (id == NULL || (!g_ascii_islower (id[0]) && !g_ascii_isdigit (id[0])))
    return FALSE;

  for (const char *p = id; *p; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-' && *p != '_')
        return FALSE;
    }

  return strlen (id) <= 64;
}

gboolean
gloss_tag_color_is_valid (const char *color)
{
  if (color == NULL || color[0] != '#' || strlen (color) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;

  return TRUE;
}

char *
gloss_slugify (const char *text)
{
  g_autofree char *ascii = NULL;
  GString *slug;
  gboolean dash = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    return NULL;

  /* Transliterate rather than drop: "Łódź" gives "lodz", "Straße"
   * gives "strasse", "Élodie" gives "elodie". */
  ascii = g_str_to_ascii (text, "C");

  slug = g_string_new (NULL);
  for (const char *p = ascii; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && slug->len > 0)
            g_string_append_c (slug, '-');
          g_string_append_c (slug, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else
        {
          dash = TRUE;
        }
    }

  if (slug->len > 64)
    g_string_truncate (slug, 64);
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);

  if (slug->len == 0)
    {
      g_string_free (slug, TRUE);
      return NULL;
    }

  return g_string_free (slug, FALSE);
}
