/* gloss-json-tree.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "gloss-json-reader-private.h"

static gboolean
token_starts_value (GlossJsonToken token)
{
  switch (token)
    {
    case GLOSS_JSON_TOKEN_BEGIN_OBJECT:
    case GLOSS_JSON_TOKEN_BEGIN_ARRAY:
    case GLOSS_JSON_TOKEN_STRING:
    case GLOSS_JSON_TOKEN_NUMBER:
    case GLOSS_JSON_TOKEN_TRUE:
    case GLOSS_JSON_TOKEN_FALSE:
    case GLOSS_JSON_TOKEN_NULL:
      return TRUE;

    case GLOSS_JSON_TOKEN_END:
    case GLOSS_JSON_TOKEN_END_OBJECT:
    case GLOSS_JSON_TOKEN_END_ARRAY:
    case GLOSS_JSON_TOKEN_MEMBER:
    default:
      return FALSE;
    }
}

/* Builds the node for the current scalar or the empty container that a
 * BEGIN token opens; NULL with @error set for a number out of range. */
static JsonNode *
node_for_token (GlossJsonReader  *reader,
                GError          **error)
{
  JsonNode *node;
  gint64 integer;
  double number;

  switch (reader->token)
    {
    case GLOSS_JSON_TOKEN_BEGIN_OBJECT:
      node = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (node, json_object_new ());
      return node;

    case GLOSS_JSON_TOKEN_BEGIN_ARRAY:
      node = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (node, json_array_new ());
      return node;

    case GLOSS_JSON_TOKEN_STRING:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, reader->buffer);
      return node;

    case GLOSS_JSON_TOKEN_NUMBER:
      node = json_node_new (JSON_NODE_VALUE);
      if (gloss_json_reader_get_int64 (reader, &integer))
        {
          json_node_set_int (node, integer);
          return node;
        }

      number = gloss_json_reader_get_double (reader);
      if (!isfinite (number))
        {
          /* A double that overflows would be saved back as text that is
           * not JSON at all, so it is refused while there is a place to
           * show. */
          json_node_unref (node);
          _gloss_json_fail (reader, reader->token_start, error, GLOSS_ERROR_PARSE,
                            _("the number is too large"));
          return NULL;
        }
      json_node_set_double (node, number);
      return node;

    case GLOSS_JSON_TOKEN_TRUE:
    case GLOSS_JSON_TOKEN_FALSE:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_boolean (node, reader->token == GLOSS_JSON_TOKEN_TRUE);
      return node;

    case GLOSS_JSON_TOKEN_NULL:
      return json_node_new (JSON_NODE_NULL);

    case GLOSS_JSON_TOKEN_END:
    case GLOSS_JSON_TOKEN_END_OBJECT:
    case GLOSS_JSON_TOKEN_END_ARRAY:
    case GLOSS_JSON_TOKEN_MEMBER:
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

JsonNode *
gloss_json_reader_read_node (GlossJsonReader  *reader,
                             GError          **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GString) key = NULL;

  g_return_val_if_fail (reader != NULL, NULL);
  g_return_val_if_fail (token_starts_value (reader->token), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The containers still being filled, innermost last; they belong to
   * @root.  A loop over this list instead of recursion keeps the C stack
   * flat whatever the nesting. */
  open = g_ptr_array_new ();
  key = g_string_new (NULL);

  for (;;)
    {
      JsonNode *node = NULL;

      switch (reader->token)
        {
        case GLOSS_JSON_TOKEN_MEMBER:
          {
            JsonNode *parent = g_ptr_array_index (open, open->len - 1);

            /* json-glib would keep the last of two equal keys without a
             * word; which one the author meant cannot be known, so it is
             * an error. */
            if (json_object_has_member (json_node_get_object (parent), reader->buffer))
              {
                _gloss_json_fail (reader, reader->token_start, error, GLOSS_ERROR_PARSE,
                                  _("duplicate key “%s”"), reader->buffer);
                return NULL;
              }
            g_string_assign (key, reader->buffer);
          }
          break;

        case GLOSS_JSON_TOKEN_END_OBJECT:
        case GLOSS_JSON_TOKEN_END_ARRAY:
          g_ptr_array_remove_index (open, open->len - 1);
          break;

        case GLOSS_JSON_TOKEN_END:
        case GLOSS_JSON_TOKEN_BEGIN_OBJECT:
        case GLOSS_JSON_TOKEN_BEGIN_ARRAY:
        case GLOSS_JSON_TOKEN_STRING:
        case GLOSS_JSON_TOKEN_NUMBER:
        case GLOSS_JSON_TOKEN_TRUE:
        case GLOSS_JSON_TOKEN_FALSE:
        case GLOSS_JSON_TOKEN_NULL:
        default:
          node = node_for_token (reader, error);
          if (node == NULL)
            return NULL;
          break;
        }

      if (node != NULL)
        {
          if (open->len == 0)
            {
              root = node;
            }
          else
            {
              JsonNode *parent = g_ptr_array_index (open, open->len - 1);

              if (JSON_NODE_HOLDS_OBJECT (parent))
                json_object_set_member (json_node_get_object (parent), key->str, node);
              else
                json_array_add_element (json_node_get_array (parent), node);
            }

          if (JSON_NODE_HOLDS_OBJECT (node) || JSON_NODE_HOLDS_ARRAY (node))
            g_ptr_array_add (open, node);
        }

      if (open->len == 0)
        return g_steal_pointer (&root);

      if (!gloss_json_reader_next (reader, error))
        return NULL;
    }
}

gboolean
gloss_json_reader_skip_value (GlossJsonReader  *reader,
                              GError          **error)
{
  guint outside;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (token_starts_value (reader->token), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (reader->token != GLOSS_JSON_TOKEN_BEGIN_OBJECT &&
      reader->token != GLOSS_JSON_TOKEN_BEGIN_ARRAY)
    return TRUE;

  /* Only the END that matches this BEGIN brings the depth back down to
   * where it was before it. */
  outside = reader->depth - 1;
  do
    {
      if (!gloss_json_reader_next (reader, error))
        return FALSE;
    }
  while (reader->depth > outside);

  return TRUE;
}

JsonNode *
gloss_json_parse (const char  *data,
                  gsize        length,
                  guint        max_depth,
                  GError     **error)
{
  g_autoptr(GlossJsonReader) reader = NULL;
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reader = gloss_json_reader_new (data, length, max_depth);

  if (!gloss_json_reader_next (reader, error))
    return NULL;

  node = gloss_json_reader_read_node (reader, error);
  if (node == NULL)
    return NULL;

  /* After the single top-level value only END may come; anything else
   * is reported by next() itself. */
  if (!gloss_json_reader_next (reader, error))
    return NULL;
  g_assert (reader->token == GLOSS_JSON_TOKEN_END);

  return g_steal_pointer (&node);
}
