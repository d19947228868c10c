/* gloss-attribute-json.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-attribute-json"

#include "config.h"

#include "gloss-attribute-def.h"
#include "gloss-attribute-json.h"
#include "gloss-json-writer.h"

GVariant *
gloss_attribute_value_from_json (JsonNode *node)
{
  GType type;

  g_return_val_if_fail (node != NULL, NULL);

  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type == G_TYPE_STRING)
    return g_variant_new_string (json_node_get_string (node));
  if (type == G_TYPE_BOOLEAN)
    return g_variant_new_boolean (json_node_get_boolean (node));
  if (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE)
    return g_variant_new_double (json_node_get_double (node));

  return NULL;
}

void
gloss_json_write_attribute_value (GString  *out,
                                  GVariant *value)
{
  g_autofree char *text = NULL;

  g_return_if_fail (out != NULL && value != NULL);

  text = gloss_attribute_value_to_string (value);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    gloss_json_write_string (out, text, -1);
  else
    g_string_append (out, text);
}

void
gloss_json_write_attributes (GString  *out,
                             GVariant *attributes,
                             guint     level)
{
  GVariantIter iter;
  const char *id;
  GVariant *value;
  gboolean first = TRUE;

  g_return_if_fail (out != NULL && attributes != NULL);

  g_string_append_c (out, '{');
  g_variant_iter_init (&iter, attributes);
  while (g_variant_iter_next (&iter, "{&sv}", &id, &value))
    {
      g_string_append (out, first ? "\n" : ",\n");
      gloss_json_write_indent (out, level + 1);
      gloss_json_write_string (out, id, -1);
      g_string_append (out, ": ");
      gloss_json_write_attribute_value (out, value);
      g_variant_unref (value);
      first = FALSE;
    }
  g_string_append_c (out, '\n');
  gloss_json_write_indent (out, level);
  g_string_append_c (out, '}');
}
