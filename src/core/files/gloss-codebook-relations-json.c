/* gloss-codebook-relations-json.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-codebook"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-attribute-json.h"
#include "gloss-codebook-private.h"
#include "gloss-error.h"
#include "gloss-json-writer.h"

/* The codebook's relation types and attribute definitions in
 * gloss-codebook.json: reading them, every problem named, and writing
 * them back.
 *
 * In the file:
 *
 *   "relations": [
 *     { "id": "said-by", "label": "Said by", "color": "#1a5fb4",
 *       "source": ["claim"], "target": ["company"], "directed": true }
 *   ],
 *   "attributes": [
 *     { "id": "verdict", "label": "Verdict", "tags": ["claim"], "kind": "choice",
 *       "values": [ { "id": "true", "label": "True" }, … ], "default": "unverifiable" }
 *   ]
 */

/* Reading.  Every problem names the file, the entry and the field. */

static gboolean G_GNUC_PRINTF (3, 4)
fail (GError    **error,
      const char *display,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: a codebook file, then what is wrong with it */
  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("“%s”: %s"), display, message);
  return FALSE;
}

/* A string member; *out is NULL when it is absent and not @required. */
static gboolean
get_string (JsonObject  *object,
            const char  *name,
            gboolean     required,
            const char **out,
            const char  *what,
            guint        n,
            const char  *display,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *out = NULL;
  if (node == NULL && !required)
    return TRUE;
  if (node == NULL)
    /* Translators: "relation type" or "attribute", its number, a field name */
    return fail (error, display, _("%s %u has no “%s”"), _(what), n, name);
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, display, _("“%s” of %s %u must be a string"), name, _(what), n);

  *out = json_node_get_string (node);
  return TRUE;
}

/* A list of tag ids; absent means any tag. */
static gboolean
get_tags (JsonObject  *object,
          const char  *name,
          GStrv       *out,
          const char  *what,
          guint        n,
          const char  *display,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  *out = NULL;
  if (node == NULL)
    {
      *out = g_strv_builder_end (builder);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, display, _("“%s” of %s %u must be a list of tag ids"), name, _(what), n);

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (json_node_get_value_type (element) != G_TYPE_STRING ||
          !gloss_tag_id_is_valid (json_node_get_string (element)))
        return fail (error, display, _("“%s” of %s %u must be a list of tag ids"), name, _(what), n);
      g_strv_builder_add (builder, json_node_get_string (element));
    }

  *out = g_strv_builder_end (builder);
  return TRUE;
}

static JsonObject *
extra_of (JsonObject         *object,
          const char * const *known)
{
  g_autoptr(GList) members = json_object_get_members (object);
  JsonObject *extra = NULL;

  for (GList *l = members; l; l = l->next)
    {
      if (g_strv_contains (known, l->data))
        continue;
      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, l->data, json_node_copy (json_object_get_member (object, l->data)));
    }

  return extra;
}

static JsonArray *
get_list (JsonObject  *object,
          const char  *name,
          const char  *display,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (error, display, _("“%s” must be a list"), name);
      return NULL;
    }

  return json_node_get_array (node);
}

static GlossRelationType *
relation_type_from_json (JsonNode    *node,
                         guint        n,
                         const char  *display,
                         GError     **error)
{
  static const char * const known[] = { "id", "label", "color", "source", "target", "directed", NULL };
  const char *what = N_("relation type");
  g_auto(GStrv) source = NULL;
  g_auto(GStrv) target = NULL;
  g_autoptr(JsonObject) extra = NULL;
  JsonObject *object;
  JsonNode *directed;
  const char *id, *label, *color;
  GlossRelationType *type;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, display, _("%s %u is not an object"), _(what), n);
      return NULL;
    }

  object = json_node_get_object (node);
  if (!get_string (object, "id", TRUE, &id, what, n, display, error) ||
      !get_string (object, "label", FALSE, &label, what, n, display, error) ||
      !get_string (object, "color", TRUE, &color, what, n, display, error) ||
      !get_tags (object, "source", &source, what, n, display, error) ||
      !get_tags (object, "target", &target, what, n, display, error))
    return NULL;

  if (!gloss_tag_id_is_valid (id))
    {
      fail (error, display, _("“%s” is not a valid relation type id (use lower-case letters, digits, “-” and “_”)"), id);
      return NULL;
    }
  if (!gloss_tag_color_is_valid (color))
    {
      fail (error, display, _("the colour “%s” of relation type “%s” is not of the form #rrggbb"),
            color, id);
      return NULL;
    }

  directed = json_object_get_member (object, "directed");
  if (directed != NULL && json_node_get_value_type (directed) != G_TYPE_BOOLEAN)
    {
      fail (error, display, _("“%s” of %s %u must be true or false"), "directed", _(what), n);
      return NULL;
    }

  type = gloss_relation_type_new (id, label, color, (const char * const *) source,
                                  (const char * const *) target,
                                  directed == NULL || json_node_get_boolean (directed));
  extra = extra_of (object, known);
  gloss_relation_type_set_extra (type, extra);
  return type;
}

static gboolean
read_values (GlossAttributeDef *attribute,
             JsonObject        *object,
             guint              n,
             const char        *display,
             GError           **error)
{
  JsonNode *node = json_object_get_member (object, "values");
  const char *id = gloss_attribute_def_get_id (attribute);
  JsonArray *array;

  if (gloss_attribute_def_get_kind (attribute) != GLOSS_ATTRIBUTE_CHOICE)
    return TRUE;
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      json_array_get_length (array = json_node_get_array (node)) == 0)
    return fail (error, display, _("the attribute “%s” is a choice, but has no list of “values”"), id);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *value_id, *label;

      if (!JSON_NODE_HOLDS_OBJECT (element) ||
          !get_string (json_node_get_object (element), "id", TRUE, &value_id,
                       N_("value"), i + 1, display, error) ||
          !get_string (json_node_get_object (element), "label", FALSE, &label,
                       N_("value"), i + 1, display, error))
        {
          if (error == NULL || *error == NULL)
            fail (error, display, _("value %u of the attribute “%s” is not an object"), i + 1, id);
          return FALSE;
        }
      if (*value_id == '\0')
        return fail (error, display, _("value %u of the attribute “%s” has an empty id"), i + 1, id);
      if (!gloss_attribute_def_add_value (attribute, value_id, label))
        return fail (error, display, _("the attribute “%s” lists the value “%s” twice"), id, value_id);
    }

  return TRUE;
}

static GlossAttributeDef *
attribute_from_json (JsonNode    *node,
                     guint        n,
                     const char  *display,
                     GError     **error)
{
  static const char * const known[] = { "id", "label", "tags", "kind", "values", "default", NULL };
  const char *what = N_("attribute");
  g_autoptr(GlossAttributeDef) attribute = NULL;
  g_autoptr(JsonObject) extra = NULL;
  g_auto(GStrv) tags = NULL;
  GlossAttributeKind kind;
  JsonObject *object;
  JsonNode *fallback;
  const char *id, *label, *kind_name;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, display, _("%s %u is not an object"), _(what), n);
      return NULL;
    }

  object = json_node_get_object (node);
  if (!get_string (object, "id", TRUE, &id, what, n, display, error) ||
      !get_string (object, "label", FALSE, &label, what, n, display, error) ||
      !get_string (object, "kind", TRUE, &kind_name, what, n, display, error) ||
      !get_tags (object, "tags", &tags, what, n, display, error))
    return NULL;

  if (!gloss_tag_id_is_valid (id))
    {
      fail (error, display, _("“%s” is not a valid attribute id (use lower-case letters, digits, “-” and “_”)"), id);
      return NULL;
    }
  if (!gloss_attribute_kind_from_string (kind_name, &kind))
    {
      fail (error, display,
            _("the attribute “%s” has the kind “%s”; use “choice”, “boolean”, “number” or “text”"),
            id, kind_name);
      return NULL;
    }

  attribute = gloss_attribute_def_new (id, label, kind, (const char * const *) tags);
  if (!read_values (attribute, object, n, display, error))
    return NULL;

  fallback = json_object_get_member (object, "default");
  if (fallback != NULL && !JSON_NODE_HOLDS_NULL (fallback))
    {
      g_autoptr(GVariant) value = gloss_attribute_value_from_json (fallback);
      g_autoptr(GError) local_error = NULL;

      if (value != NULL)
        g_variant_ref_sink (value);
      if (value == NULL || !gloss_attribute_def_check_value (attribute, value, &local_error))
        {
          fail (error, display, _("the default of the attribute “%s” does not suit it: %s"), id,
                local_error ? local_error->message : _("it must be a string, true or false, or a number"));
          return NULL;
        }
      gloss_attribute_def_set_default (attribute, value);
    }

  extra = extra_of (object, known);
  gloss_attribute_def_set_extra (attribute, extra);
  return g_steal_pointer (&attribute);
}

/* Reads the optional list @name of @object, each entry with @from_json,
 * into the codebook with @add; an id listed twice is refused. */
typedef GObject    *(*FromJsonFunc) (JsonNode    *node,
                                     guint        n,
                                     const char  *display,
                                     GError     **error);
typedef gboolean    (*AddFunc)      (GlossCodebook *self,
                                     gpointer       item);
typedef const char *(*IdFunc)       (gpointer       item);

static gboolean
read_list (GlossCodebook *self,
           JsonObject    *object,
           const char    *name,
           FromJsonFunc   from_json,
           AddFunc        add,
           IdFunc         get_id,
           const char    *display,
           GError       **error)
{
  JsonArray *array;

  if (!json_object_has_member (object, name))
    return TRUE;
  if ((array = get_list (object, name, display, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GObject) item = from_json (json_array_get_element (array, i), i + 1, display, error);

      if (item == NULL)
        return FALSE;
      if (add (self, item))
        continue;
      if (GLOSS_IS_RELATION_TYPE (item))
        return fail (error, display, _("the relation type “%s” is listed twice"), get_id (item));
      return fail (error, display, _("the attribute “%s” is listed twice"), get_id (item));
    }

  return TRUE;
}

gboolean
_gloss_codebook_read_relations (GlossCodebook *self,
                                JsonObject    *object,
                                const char    *display,
                                GError       **error)
{
  return read_list (self, object, "relations", (FromJsonFunc) relation_type_from_json,
                    (AddFunc) gloss_codebook_add_relation_type,
                    (IdFunc) gloss_relation_type_get_id, display, error) &&
         read_list (self, object, "attributes", (FromJsonFunc) attribute_from_json,
                    (AddFunc) gloss_codebook_add_attribute,
                    (IdFunc) gloss_attribute_def_get_id, display, error);
}

/* Writing. */

static void
write_key (GString    *out,
           const char *key,
           guint       level)
{
  g_string_append (out, ",\n");
  gloss_json_write_indent (out, level);
  gloss_json_write_string (out, key, -1);
  g_string_append (out, ": ");
}

static void
write_tags (GString            *out,
            const char         *key,
            const char * const *tags)
{
  write_key (out, key, 3);
  g_string_append_c (out, '[');
  for (guint i = 0; tags[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      gloss_json_write_string (out, tags[i], -1);
    }
  g_string_append_c (out, ']');
}

static void
write_extra (GString    *out,
             JsonObject *extra)
{
  g_autoptr(GList) members = NULL;

  if (extra == NULL)
    return;

  members = json_object_get_members (extra);
  for (GList *l = members; l; l = l->next)
    {
      write_key (out, l->data, 3);
      gloss_json_write_node (out, json_object_get_member (extra, l->data), 3);
    }
}

static void
write_entry_start (GString    *out,
                   guint       i,
                   const char *id,
                   const char *label)
{
  g_string_append (out, i == 0 ? "\n    {\n      \"id\": " : ",\n    {\n      \"id\": ");
  gloss_json_write_string (out, id, -1);
  write_key (out, "label", 3);
  gloss_json_write_string (out, label, -1);
}

void
_gloss_codebook_write_relations (GlossCodebook *self,
                                 GString       *out)
{
  if (self->relation_types->len > 0)
    {
      g_string_append (out, ",\n  \"relations\": [");
      for (guint i = 0; i < self->relation_types->len; i++)
        {
          GlossRelationType *type = g_ptr_array_index (self->relation_types, i);

          write_entry_start (out, i, gloss_relation_type_get_id (type),
                             gloss_relation_type_get_raw_label (type));
          write_key (out, "color", 3);
          gloss_json_write_string (out, gloss_relation_type_get_color (type), -1);
          write_tags (out, "source", gloss_relation_type_get_source_tags (type));
          write_tags (out, "target", gloss_relation_type_get_target_tags (type));
          write_key (out, "directed", 3);
          g_string_append (out, gloss_relation_type_get_directed (type) ? "true" : "false");
          write_extra (out, gloss_relation_type_get_extra (type));
          g_string_append (out, "\n    }");
        }
      g_string_append (out, "\n  ]");
    }

  if (self->attributes->len > 0)
    {
      g_string_append (out, ",\n  \"attributes\": [");
      for (guint i = 0; i < self->attributes->len; i++)
        {
          GlossAttributeDef *attribute = g_ptr_array_index (self->attributes, i);
          guint n_values = gloss_attribute_def_get_n_values (attribute);
          GVariant *fallback = gloss_attribute_def_get_default (attribute);

          write_entry_start (out, i, gloss_attribute_def_get_id (attribute),
                             gloss_attribute_def_get_raw_label (attribute));
          write_tags (out, "tags", gloss_attribute_def_get_tags (attribute));
          write_key (out, "kind", 3);
          gloss_json_write_string (out, gloss_attribute_kind_to_string (gloss_attribute_def_get_kind (attribute)), -1);
          if (n_values > 0)
            {
              write_key (out, "values", 3);
              g_string_append_c (out, '[');
              for (guint j = 0; j < n_values; j++)
                {
                  g_string_append (out, j == 0 ? "\n        { \"id\": " : ",\n        { \"id\": ");
                  gloss_json_write_string (out, gloss_attribute_def_get_value_id (attribute, j), -1);
                  g_string_append (out, ", \"label\": ");
                  gloss_json_write_string (out, gloss_attribute_def_get_raw_value_label (attribute, j), -1);
                  g_string_append (out, " }");
                }
              g_string_append (out, "\n      ]");
            }
          if (fallback != NULL)
            {
              write_key (out, "default", 3);
              gloss_json_write_attribute_value (out, fallback);
            }
          write_extra (out, gloss_attribute_def_get_extra (attribute));
          g_string_append (out, "\n    }");
        }
      g_string_append (out, "\n  ]");
    }
}
