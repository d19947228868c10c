/* gloss-import-w3c-check.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the W3C Web Annotation Data Model says an annotation MUST be, as
 * the "must" assertions of the W3C test suite check it: the import refuses
 * an annotation that breaks one, with the reasons. */

#define G_LOG_DOMAIN "gloss-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-import-private.h"

#define ANNO_CONTEXT "http://www.w3.org/ns/anno.jsonld"

/* Adds a reason to @why, after "; " when there is one already. */
G_GNUC_PRINTF (2, 3) static void
add_reason (GString    *why,
            const char *format,
            ...)
{
  va_list args;

  if (why->len > 0)
    g_string_append (why, "; ");
  va_start (args, format);
  g_string_append_vprintf (why, format, args);
  va_end (args);
}

gboolean
_gloss_w3c_is_iri (const char *s)
{
  const char *p = s;

  if (s == NULL || !g_ascii_isalpha (*p))
    return FALSE;
  while (g_ascii_isalnum (*p) || *p == '+' || *p == '-' || *p == '.')
    p++;
  if (*p != ':' || p[1] == '\0')
    return FALSE;

  for (; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || *p == '<' || *p == '>' || *p == '"')
      return FALSE;

  return TRUE;
}

gboolean
_gloss_w3c_is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

/* TRUE when @node is @value, or an array holding it. */
gboolean
_gloss_w3c_has_string (JsonNode   *node,
                 const char *value)
{
  if (_gloss_w3c_is_string (node))
    return strcmp (json_node_get_string (node), value) == 0;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (_gloss_w3c_has_string (json_array_get_element (array, i), value))
          return TRUE;
    }

  return FALSE;
}

/* The single string of @node: a string, or an array of exactly one. */
const char *
_gloss_w3c_single_string (JsonNode *node)
{
  if (_gloss_w3c_is_string (node))
    return json_node_get_string (node);

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node) &&
      json_array_get_length (json_node_get_array (node)) == 1)
    {
      JsonNode *only = json_array_get_element (json_node_get_array (node), 0);

      return _gloss_w3c_is_string (only) ? json_node_get_string (only) : NULL;
    }

  return NULL;
}

static void
check_iri_member (GString    *why,
                  JsonObject *object,
                  const char *member,
                  gboolean    many)
{
  JsonNode *node = json_object_get_member (object, member);
  gboolean ok = TRUE;

  if (node == NULL)
    return;

  if (_gloss_w3c_is_string (node))
    ok = _gloss_w3c_is_iri (json_node_get_string (node));
  else if (many && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        ok &= _gloss_w3c_is_string (json_array_get_element (array, i)) &&
              _gloss_w3c_is_iri (json_array_get_string_element (array, i));
    }
  else
    ok = FALSE;

  if (!ok)
    /* Translators: a member name of the annotation, such as "rights" */
    add_reason (why, _("“%s” is not an IRI"), member);
}

static void
check_date_member (GString    *why,
                   JsonObject *object,
                   const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *time = NULL;

  if (node == NULL)
    return;

  time = _gloss_w3c_is_string (node) ? _gloss_import_timestamp (json_node_get_string (node)) : NULL;
  if (time == NULL)
    /* Translators: a member name of the annotation, such as "created" */
    add_reason (why, _("“%s” is not one date and time (xsd:dateTime)"), member);
}

static void
check_agent_member (GString    *why,
                    JsonObject *object,
                    const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  gboolean ok = TRUE;

  if (node == NULL)
    return;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          ok &= JSON_NODE_HOLDS_OBJECT (element) ||
                (_gloss_w3c_is_string (element) &&
                 _gloss_w3c_is_iri (json_node_get_string (element)));
        }
    }
  else
    ok = JSON_NODE_HOLDS_OBJECT (node) ||
         (_gloss_w3c_is_string (node) && _gloss_w3c_is_iri (json_node_get_string (node)));

  if (!ok)
    /* Translators: a member name of the annotation, such as "creator" */
    add_reason (why, _("“%s” is neither an IRI nor an agent"), member);
}

/* Checks the selectors under @node (a target, a selector, a list). */
static void
check_selectors (GString  *why,
                 JsonNode *node,
                 guint     depth)
{
  JsonObject *object;
  const char *type;

  if (node == NULL || depth > 16)
    return;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        check_selectors (why, json_array_get_element (array, i), depth + 1);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;

  object = json_node_get_object (node);
  type = _gloss_json_get_string (object, "type");
  if (g_strcmp0 (type, "FragmentSelector") == 0 || g_strcmp0 (type, "CssSelector") == 0 ||
      g_strcmp0 (type, "XPathSelector") == 0)
    {
      if (!_gloss_w3c_is_string (json_object_get_member (object, "value")))
        /* Translators: a selector type such as FragmentSelector */
        add_reason (why, _("a %s has no single value"), type);
    }
  else if (g_strcmp0 (type, "TextQuoteSelector") == 0)
    {
      if (!_gloss_w3c_is_string (json_object_get_member (object, "exact")))
        add_reason (why, _("a TextQuoteSelector has no single “exact”"));
    }
  else if (g_strcmp0 (type, "TextPositionSelector") == 0)
    {
      guint n;

      if (!_gloss_json_get_uint (json_object_get_member (object, "start"), &n) ||
          !_gloss_json_get_uint (json_object_get_member (object, "end"), &n))
        add_reason (why, _("a TextPositionSelector has no whole “start” and “end”"));
    }

  check_selectors (why, json_object_get_member (object, "selector"), depth + 1);
  check_selectors (why, json_object_get_member (object, "refinedBy"), depth + 1);
}

/* What makes @annotation break a MUST of the model, or "" when nothing. */
char *
_gloss_w3c_check_annotation (JsonObject *annotation,
                  gboolean    has_context)
{
  GString *why = g_string_new (NULL);
  JsonNode *id = json_object_get_member (annotation, "id");
  JsonNode *context = json_object_get_member (annotation, "@context");

  if ((context != NULL && !_gloss_w3c_has_string (context, ANNO_CONTEXT)) ||
      (context == NULL && !has_context))
    add_reason (why, _("its @context does not include http://www.w3.org/ns/anno.jsonld"));
  if (!_gloss_w3c_has_string (json_object_get_member (annotation, "type"), "Annotation"))
    add_reason (why, _("its type is not Annotation"));
  if (id == NULL)
    add_reason (why, _("it has no id"));
  else if (!_gloss_w3c_is_iri (_gloss_w3c_single_string (id)))
    add_reason (why, _("its id is not one IRI"));
  if (!json_object_has_member (annotation, "target"))
    add_reason (why, _("it has no target"));
  if (json_object_has_member (annotation, "body") &&
      json_object_has_member (annotation, "bodyValue"))
    add_reason (why, _("it has both body and bodyValue"));
  if (json_object_has_member (annotation, "bodyValue") &&
      !_gloss_w3c_is_string (json_object_get_member (annotation, "bodyValue")))
    add_reason (why, _("its bodyValue is not one string"));

  check_date_member (why, annotation, "created");
  check_date_member (why, annotation, "modified");
  check_date_member (why, annotation, "generated");
  check_agent_member (why, annotation, "creator");
  check_agent_member (why, annotation, "generator");
  check_iri_member (why, annotation, "rights", TRUE);
  check_iri_member (why, annotation, "via", TRUE);
  check_iri_member (why, annotation, "canonical", FALSE);
  check_selectors (why, json_object_get_member (annotation, "target"), 0);
  check_selectors (why, json_object_get_member (annotation, "body"), 0);

  return g_string_free (why, FALSE);
}
