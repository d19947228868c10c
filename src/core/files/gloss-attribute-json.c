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

  /* Strings and booleans as they are, without a copy. */
  switch (g_variant_classify (value))
    {
    case G_VARIANT_CLASS_STRING:
      {
        gsize length;
        const char *str = g_variant_get_string (value, &length);

        gloss_json_write_string (out, str, length);
      }
      return;

    case G_VARIANT_CLASS_BOOLEAN:
      if (g_variant_get_boolean (value))
        gloss_json_append_literal (out, "true");
      else
        gloss_json_append_literal (out, "false");
      return;

    default:
      break;
    }

  text = gloss_attribute_value_to_string (value);
  g_string_append (out, text);
}

void
gloss_json_write_attributes (GString  *out,
                             GVariant *attributes,
                             guint     level)
{
  gsize n;

  g_return_if_fail (out != NULL && attributes != NULL);

  /* Each entry taken apart child by child: reading them with a format
   * string parses it again for every entry. */
  n = g_variant_n_children (attributes);
  gloss_json_append_literal (out, "{");
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) entry = g_variant_get_child_value (attributes, i);
      g_autoptr(GVariant) id = g_variant_get_child_value (entry, 0);
      g_autoptr(GVariant) boxed = g_variant_get_child_value (entry, 1);
      g_autoptr(GVariant) value = g_variant_get_child_value (boxed, 0);
      gsize id_length;
      const char *id_str = g_variant_get_string (id, &id_length);

      if (i > 0)
        gloss_json_append_literal (out, ",");
      gloss_json_append_literal (out, "\n");
      gloss_json_write_indent (out, level + 1);
      gloss_json_write_string (out, id_str, id_length);
      gloss_json_append_literal (out, ": ");
      gloss_json_write_attribute_value (out, value);
    }
  gloss_json_append_literal (out, "\n");
  gloss_json_write_indent (out, level);
  gloss_json_append_literal (out, "}");
}
