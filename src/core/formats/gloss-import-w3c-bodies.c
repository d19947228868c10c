/* gloss-import-w3c-bodies.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the bodies of a W3C annotation say: its tags (purpose or
 * motivation "tagging"), its note ("commenting", and bodyValue), its
 * attributes ("classifying" bodies that read as one) and the bodies
 * Gloss keeps as they are.  Each list is made only when something goes
 * into it: most annotations have a tag and nothing else. */

#define G_LOG_DOMAIN "gloss-import"

#include "config.h"

#include <string.h>

#include "gloss-import-w3c-private.h"

void
_gloss_w3c_bodies_clear (GlossW3cBodies *bodies)
{
  g_clear_pointer (&bodies->tags, g_ptr_array_unref);
  if (bodies->note != NULL)
    g_string_free (g_steal_pointer (&bodies->note), TRUE);
  g_clear_pointer (&bodies->attributes, g_array_unref);
  g_clear_pointer (&bodies->others, json_array_unref);
}

void
_gloss_w3c_bodies_add_tag (GlossW3cBodies *bodies,
                           const char     *tag)
{
  if (bodies->tags == NULL)
    bodies->tags = g_ptr_array_new ();
  g_ptr_array_add (bodies->tags, (gpointer)tag);
}

static void
add_note (GlossW3cBodies *bodies,
          const char     *text)
{
  if (bodies->note == NULL)
    bodies->note = g_string_new (NULL);
  g_string_append_printf (bodies->note, "%s%s", bodies->note->len ? "\n\n" : "", text);
}

static void
add_body (JsonArray **list,
          JsonNode   *body)
{
  if (*list == NULL)
    *list = json_array_new ();
  json_array_add_element (*list, body);
}

static void
clear_classifying (gpointer data)
{
  GlossW3cClassifying *classifying = data;

  g_clear_pointer (&classifying->body, json_node_unref);
}

/* Whether @body is a classifying body of the plain form, as Gloss and
 * most tools write it. */
static gboolean
is_plain_classifying (GlossW3cTree  *tree,
                      GlossW3cValue  body)
{
  static const char * const names[] = { "type", "purpose", "value" };
  static const char * const strings[] = { "TextualBody", "classifying", NULL };
  GlossW3cValue member = _gloss_w3c_first (tree, body);

  if (_gloss_w3c_length (tree, body) != G_N_ELEMENTS (names))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++, member = _gloss_w3c_next (tree, member))
    {
      const char *string = _gloss_w3c_string (tree, member);

      if (strcmp (_gloss_w3c_name (tree, member), names[i]) != 0 || string == NULL ||
          (strings[i] != NULL && strcmp (string, strings[i]) != 0))
        return FALSE;
    }

  return TRUE;
}

JsonNode *
_gloss_w3c_classifying_body (const GlossW3cClassifying *classifying)
{
  JsonObject *object;

  if (classifying->body != NULL)
    return json_node_copy (classifying->body);

  object = json_object_new ();
  json_object_set_string_member (object, "type", "TextualBody");
  json_object_set_string_member (object, "purpose", "classifying");
  json_object_set_string_member (object, "value", classifying->value);
  return json_node_init_object (json_node_alloc (), g_steal_pointer (&object));
}

/* Sorts @body, one body of an annotation whose motivation is
 * @motivation, into @bodies. */
static void
read_body (GlossW3cTree   *tree,
           GlossW3cValue   body,
           const char     *motivation,
           GlossW3cBodies *bodies)
{
  gboolean object = _gloss_w3c_kind (tree, body) == GLOSS_W3C_OBJECT;
  const char *type = object ? _gloss_w3c_get_string (tree, body, "type") : NULL;
  const char *value = object ? _gloss_w3c_get_string (tree, body, "value") : NULL;
  const char *purpose =
    object ? _gloss_w3c_single_string (tree, _gloss_w3c_member (tree, body, "purpose")) : NULL;

  if (purpose == NULL)
    purpose = motivation;

  if (value != NULL && (type == NULL || strcmp (type, "TextualBody") == 0))
    {
      if (g_strcmp0 (purpose, "tagging") == 0)
        {
          _gloss_w3c_bodies_add_tag (bodies, value);
          return;
        }
      if (g_strcmp0 (purpose, "commenting") == 0)
        {
          add_note (bodies, value);
          return;
        }
      if (g_strcmp0 (purpose, "classifying") == 0)
        {
          g_autofree char *id = NULL;
          g_autoptr(GVariant) parsed = _gloss_w3c_attribute_parse (value, &id);

          if (parsed != NULL)
            {
              GlossW3cClassifying classifying = { value, NULL };

              g_variant_ref_sink (parsed);
              if (!is_plain_classifying (tree, body))
                classifying.body = _gloss_w3c_to_json (tree, body);
              if (bodies->attributes == NULL)
                {
                  bodies->attributes = g_array_new (FALSE, FALSE, sizeof (GlossW3cClassifying));
                  g_array_set_clear_func (bodies->attributes, clear_classifying);
                }
              g_array_append_val (bodies->attributes, classifying);
              return;
            }
        }
    }

  add_body (&bodies->others, _gloss_w3c_to_json (tree, body));
}

void
_gloss_w3c_read_bodies (GlossW3cTree          *tree,
                        const GlossW3cMembers *annotation,
                        GlossW3cBodies        *bodies)
{
  GlossW3cValue body = annotation->body;
  const char *motivation = _gloss_w3c_single_string (tree, annotation->motivation);
  const char *body_value = _gloss_w3c_string (tree, annotation->body_value);

  if (body_value != NULL)
    {
      if (g_strcmp0 (motivation, "tagging") == 0)
        _gloss_w3c_bodies_add_tag (bodies, body_value);
      else
        add_note (bodies, body_value);
    }

  if (_gloss_w3c_kind (tree, body) == GLOSS_W3C_ARRAY)
    {
      for (GlossW3cValue element = _gloss_w3c_first (tree, body); element != 0;
           element = _gloss_w3c_next (tree, element))
        read_body (tree, element, motivation, bodies);
    }
  else if (body != 0)
    read_body (tree, body, motivation, bodies);
}
