/* gloss-import-labelstudio-result.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One result of a Label Studio annotation, read token by token
 * (gloss-import-labelstudio.c says what a task holds): what a region
 * needs is taken as it comes, anything else kept as nodes.  A result
 * that is not a region is held as its text and read again here when the
 * regions are known; a JsonNode of it is made only when it is kept. */

#define G_LOG_DOMAIN "gloss-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-import-labelstudio-private.h"
#include "gloss-json-writer.h"

static void
part_clear (gpointer data)
{
  GlossLabelstudioPart *part = data;

  g_clear_pointer (&part->node, json_node_unref);
}

void
_gloss_labelstudio_result_init (GlossLabelstudioResult *result)
{
  result->scratch = g_string_new (NULL);
  result->parts = g_array_new (FALSE, FALSE, sizeof (GlossLabelstudioPart));
  result->value_parts = g_array_new (FALSE, FALSE, sizeof (GlossLabelstudioPart));
  result->labels = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_array_set_clear_func (result->parts, part_clear);
  g_array_set_clear_func (result->value_parts, part_clear);
}

static void
result_reset (GlossLabelstudioResult *result)
{
  g_string_truncate (result->scratch, 0);
  g_array_set_size (result->parts, 0);
  g_array_set_size (result->value_parts, 0);
  g_array_set_size (result->labels, 0);
}

void
_gloss_labelstudio_result_clear (GlossLabelstudioResult *result)
{
  g_string_free (result->scratch, TRUE);
  g_array_unref (result->parts);
  g_array_unref (result->value_parts);
  g_array_unref (result->labels);
}

static gsize
result_add_string (GlossLabelstudioResult *result,
                   const char             *string,
                   gsize                   length)
{
  gsize at = result->scratch->len;

  /* Millions of keys and strings: the writer's append skips GString's
   * call when there is room. */
  gloss_json_append (result->scratch, string, length);
  g_string_append_c (result->scratch, '\0');
  return at;
}

GlossLabelstudioPart *
_gloss_labelstudio_find_part (GlossLabelstudioResult *result,
                              GArray                 *parts,
                              const char             *key)
{
  for (guint i = 0; i < parts->len; i++)
    {
      GlossLabelstudioPart *part = &g_array_index (parts, GlossLabelstudioPart, i);
      const char *name = _gloss_labelstudio_result_string (result, part->key);

      /* A result has a handful of keys: the first letters tell most of
       * them apart without a call. */
      if (name[0] == key[0] && strcmp (name, key) == 0)
        return part;
    }

  return NULL;
}

/* Adds the member whose key is the reader's current token to @parts,
 * refusing a key given twice; the reader is left on its value. */
static gboolean
start_part (GlossLabelstudioResult  *result,
            GArray                  *parts,
            GlossJsonReader         *reader,
            GlossLabelstudioPart    *part,
            GError                 **error)
{
  gsize length;
  const char *key = gloss_json_reader_get_string (reader, &length);

  if (_gloss_labelstudio_find_part (result, parts, key) != NULL)
    return _gloss_json_duplicate_key (reader, key, error);

  *part = (GlossLabelstudioPart) { 0 };
  part->key = result_add_string (result, key, length);
  return gloss_json_reader_next (reader, error);
}

/* Reads the member value of a result whose first token is current, and
 * adds it as @part; a string as it is, anything else as a node. */
static gboolean
read_part (GlossLabelstudioResult  *result,
           GlossJsonReader         *reader,
           GlossLabelstudioPart    *part,
           GError                 **error)
{
  if (gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_STRING)
    {
      gsize length;
      const char *string = gloss_json_reader_get_string (reader, &length);

      part->kind = PART_STRING;
      part->string = result_add_string (result, string, length);
      return TRUE;
    }

  part->kind = PART_NODE;
  part->node = gloss_json_reader_read_node (reader, error);
  return part->node != NULL;
}

/* Reads the "value" object of a result, its "{" current. */
static gboolean
read_value (GlossLabelstudioResult  *result,
            GlossJsonReader         *reader,
            GError                 **error)
{
  for (;;)
    {
      GlossLabelstudioPart part;
      const char *key;

      if (!gloss_json_reader_next (reader, error))
        return FALSE;
      if (gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_END_OBJECT)
        return TRUE;
      if (!start_part (result, result->value_parts, reader, &part, error))
        return FALSE;
      key = _gloss_labelstudio_result_string (result, part.key);

      if ((strcmp (key, "start") == 0 || strcmp (key, "end") == 0) &&
          gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_NUMBER &&
          gloss_json_reader_get_int64 (reader, &part.number))
        part.kind = PART_INT;
      else if (strcmp (key, "labels") == 0 &&
               gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_BEGIN_ARRAY)
        {
          /* As before: only the labels that are strings count. */
          part.kind = PART_LABELS;
          for (;;)
            {
              if (!gloss_json_reader_next (reader, error))
                return FALSE;
              if (gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_END_ARRAY)
                break;
              if (gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_STRING)
                {
                  gsize length;
                  const char *label = gloss_json_reader_get_string (reader, &length);
                  gsize at = result_add_string (result, label, length);

                  g_array_append_val (result->labels, at);
                }
              else if (!gloss_json_reader_skip_value (reader, error))
                return FALSE;
            }
        }
      else if (!read_part (result, reader, &part, error))
        return FALSE;

      g_array_append_val (result->value_parts, part);
    }
}

/* Reads a result, its "{" current. */
gboolean
_gloss_labelstudio_read_result (GlossLabelstudioResult  *result,
                                GlossJsonReader         *reader,
                                GError                 **error)
{
  result_reset (result);

  for (;;)
    {
      GlossLabelstudioPart part;

      if (!gloss_json_reader_next (reader, error))
        return FALSE;
      if (gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_END_OBJECT)
        return TRUE;
      if (!start_part (result, result->parts, reader, &part, error))
        return FALSE;

      if (strcmp (_gloss_labelstudio_result_string (result, part.key), "value") == 0 &&
                             gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_BEGIN_OBJECT)
        {
          part.kind = PART_VALUE;
          if (!read_value (result, reader, error))
            return FALSE;
        }
      else if (!read_part (result, reader, &part, error))
        return FALSE;

      g_array_append_val (result->parts, part);
    }
}

void
_gloss_labelstudio_held_clear (gpointer held)
{
  g_clear_pointer (&((GlossLabelstudioHeld *)held)->node, json_node_unref);
}

gboolean
_gloss_labelstudio_reread (GlossLabelstudioResult     *result,
                           const GlossLabelstudioHeld *held)
{
  g_autoptr(GlossJsonReader) reader = NULL;

  if (held->node != NULL)
    return FALSE;

  /* The text was read once without error, so it reads again. */
  reader = gloss_json_reader_new (held->text, held->length, GLOSS_IMPORT_MAX_DEPTH);
  return gloss_json_reader_next (reader, NULL) &&
         gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_BEGIN_OBJECT &&
         _gloss_labelstudio_read_result (result, reader, NULL);
}

JsonNode *
_gloss_labelstudio_held_node (const GlossLabelstudioHeld *held)
{
  if (held->node != NULL)
    return json_node_ref (held->node);
  return gloss_json_parse (held->text, held->length, GLOSS_IMPORT_MAX_DEPTH, NULL);
}

const char *
_gloss_labelstudio_string_part (GlossLabelstudioResult *result,
                                GArray                 *parts,
                                const char             *key)
{
  GlossLabelstudioPart *part = _gloss_labelstudio_find_part (result, parts, key);

  if (part == NULL || part->kind != PART_STRING)
    return NULL;
  return _gloss_labelstudio_result_string (result, part->string);
}

JsonNode *
_gloss_labelstudio_node_part (GlossLabelstudioResult *result,
                              GArray                 *parts,
                              const char             *key)
{
  GlossLabelstudioPart *part = _gloss_labelstudio_find_part (result, parts, key);

  return part != NULL && part->kind == PART_NODE ? part->node : NULL;
}

JsonArray *
_gloss_labelstudio_array_part (GlossLabelstudioResult *result,
                               GArray                 *parts,
                               const char             *key)
{
  JsonNode *node = _gloss_labelstudio_node_part (result, parts, key);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

gboolean
_gloss_labelstudio_has_value (GlossLabelstudioResult *result)
{
  GlossLabelstudioPart *part = _gloss_labelstudio_find_part (result, result->parts, "value");

  return part != NULL && part->kind == PART_VALUE;
}

gboolean
_gloss_labelstudio_uint_part (GlossLabelstudioResult *result,
                              GArray                 *parts,
                              const char             *key,
                              guint                  *value)
{
  GlossLabelstudioPart *part = _gloss_labelstudio_find_part (result, parts, key);

  if (part == NULL || part->kind != PART_INT || part->number < 0 || part->number > G_MAXUINT)
    return FALSE;

  *value = (guint)part->number;
  return TRUE;
}