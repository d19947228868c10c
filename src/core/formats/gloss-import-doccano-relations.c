/* gloss-import-doccano-relations.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The relations of a doccano record ({"id", "from_id", "to_id",
 * "type"}), read one at a time: what taking one needs is kept as it is
 * read, and the relation itself as its text in the record, made a
 * JsonNode only when Gloss cannot take it and keeps it in the annotation
 * file.  A record of 50,000 relations builds no tree for them, which
 * cost a fifth of its import. */

#define G_LOG_DOMAIN "gloss-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-import-doccano-private.h"
#include "gloss-json-writer.h"

void
_gloss_doccano_relation_clear (gpointer data)
{
  GlossDoccanoRelation *relation = data;

  g_clear_pointer (&relation->node, json_node_unref);
  g_clear_pointer (&relation->from_key, g_free);
  g_clear_pointer (&relation->to_key, g_free);
  g_clear_pointer (&relation->type, g_free);
  g_clear_pointer (&relation->id, json_node_unref);
}

char *
_gloss_doccano_entity_key (JsonNode *id)
{
  if (id == NULL || !JSON_NODE_HOLDS_VALUE (id))
    return NULL;
  if (json_node_get_value_type (id) == G_TYPE_INT64)
    {
      /* One for each entity and two for each relation: without printf. */
      gint64 value = json_node_get_int (id);
      guint64 magnitude = value < 0 ? -(guint64)value : (guint64)value;
      char digits[24];
      char *p = digits + sizeof digits;

      *--p = '\0';
      do
        *--p = '0' + magnitude % 10;
      while ((magnitude /= 10) > 0);
      if (value < 0)
        *--p = '-';
      *--p = 'n';
      return g_strdup (p);
    }
  if (json_node_get_value_type (id) == G_TYPE_STRING)
    return g_strconcat ("s", json_node_get_string (id), NULL);
  return NULL;
}

/* Whether @key is among the NUL-ended keys of @keys. */
static gboolean
has_key (GString    *keys,
         const char *key)
{
  for (const char *k = keys->str; k < keys->str + keys->len; k += strlen (k) + 1)
    if (k[0] == key[0] && strcmp (k, key) == 0)
      return TRUE;
  return FALSE;
}

/* Reads the relation whose "{" is current: each member's value as the
 * reader reads a value (a number or a string as a node of its own). */
static gboolean
read_relation (GlossJsonReader       *reader,
               GlossDoccanoRelation  *relation,
               GString               *keys,
               GError               **error)
{
  g_string_truncate (keys, 0);

  for (;;)
    {
      g_autoptr(JsonNode) value = NULL;
      const char *key;
      gsize length;
      char which;

      if (!gloss_json_reader_next (reader, error))
        return FALSE;
      if (gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_END_OBJECT)
        return TRUE;

      key = gloss_json_reader_get_string (reader, &length);
      if (has_key (keys, key))
        return _gloss_json_duplicate_key (reader, key, error);
      gloss_json_append (keys, key, length);
      g_string_append_c (keys, '\0');
      /* The reader's buffer is taken by the value: which key it was. */
      which = strcmp (key, "from_id") == 0 ? 'f' : strcmp (key, "to_id") == 0 ? 't' :
              strcmp (key, "type") == 0 ? 'y' : strcmp (key, "id") == 0 ? 'i' : 0;

      if (!gloss_json_reader_next (reader, error))
        return FALSE;
      value = gloss_json_reader_read_node (reader, error);
      if (value == NULL)
        return FALSE;

      if (which == 'f')
        relation->from_key = _gloss_doccano_entity_key (value);
      else if (which == 't')
        relation->to_key = _gloss_doccano_entity_key (value);
      else if (which == 'y' && JSON_NODE_HOLDS_VALUE (value) &&
               json_node_get_value_type (value) == G_TYPE_STRING)
        relation->type = g_strdup (json_node_get_string (value));
      else if (which == 'i')
        relation->id = g_steal_pointer (&value);
    }
}

gboolean
_gloss_doccano_read_relations (GlossJsonReader  *reader,
                               GArray           *relations,
                               GError          **error)
{
  g_autoptr(GString) keys = g_string_new (NULL);

  for (;;)
    {
      GlossDoccanoRelation relation = { 0 };

      if (!gloss_json_reader_next (reader, error))
        return FALSE;
      if (gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_END_ARRAY)
        return TRUE;

      if (gloss_json_reader_get_token (reader) != GLOSS_JSON_TOKEN_BEGIN_OBJECT)
        {
          relation.node = gloss_json_reader_read_node (reader, error);
          if (relation.node == NULL)
            return FALSE;
        }
      else
        {
          relation.text = gloss_json_reader_get_token_start (reader);
          if (!read_relation (reader, &relation, keys, error))
            {
              _gloss_doccano_relation_clear (&relation);
              return FALSE;
            }
          relation.length = (gsize)(gloss_json_reader_get_token_start (reader) + 1 - relation.text);
        }
      g_array_append_val (relations, relation);
    }
}

JsonNode *
_gloss_doccano_relation_node (GlossDoccanoRelation *relation)
{
  if (relation->node != NULL)
    return json_node_ref (relation->node);
  /* Its text was read once without error, so it reads again. */
  return gloss_json_parse (relation->text, relation->length, GLOSS_IMPORT_MAX_DEPTH, NULL);
}

gboolean
_gloss_doccano_take_relation (GlossImportBatch     *batch,
                              GHashTable           *by_entity,
                              GlossDoccanoRelation *relation,
                              const char           *display,
                              guint                 line)
{
  GlossAnnotation *from = relation->from_key ? g_hash_table_lookup (by_entity, relation->from_key) : NULL;
  GlossAnnotation *to = relation->to_key ? g_hash_table_lookup (by_entity, relation->to_key) : NULL;
  const char *missing = from == NULL ? relation->from_key : relation->to_key;
  const char *type = relation->type;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) extra = NULL;
  GlossRelation *added;

  if (relation->node != NULL || type == NULL)
    return FALSE;
  if (from == NULL || to == NULL)
    {
      _gloss_import_batch_note (batch, display, line,
                                /* Translators: a relation type, then an entity id */
                                _("the relation “%s” points at the entity %s, which Gloss did not import; it is kept as it is"),
                                type, missing ? missing + 1 : "?");
      return FALSE;
    }
  if (from == to)
    {
      _gloss_import_batch_note (batch, display, line,
                                /* Translators: a relation type */
                                _("the relation “%s” goes from an entity to itself, which a relation of Gloss cannot; it is kept as it is"),
                                type);
      return FALSE;
    }
  added = _gloss_import_batch_add_relation (batch, type, from, to, NULL, NULL, NULL, NULL, &error);
  if (added == NULL)
    {
      _gloss_import_batch_note (batch, display, line,
                                /* Translators: a relation type, then why */
                                _("the relation “%s” was not imported (%s); it is kept as it is"),
                                type, error->message);
      return FALSE;
    }

  /* doccano's id, given back by the export. */
  if (relation->id != NULL && JSON_NODE_HOLDS_VALUE (relation->id))
    {
      extra = gloss_relation_get_extra (added) ? json_object_ref (gloss_relation_get_extra (added))
                                               : json_object_new ();
      json_object_set_member (extra, GLOSS_KEY_DOCCANO_ID, json_node_copy (relation->id));
      gloss_relation_set_extra (added, extra);
    }
  return TRUE;
}
