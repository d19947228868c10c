/* gloss-interchange.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-interchange"

#include "config.h"

#include <math.h>
#include <string.h>

#include "gloss-export-private.h"
#include "gloss-interchange-private.h"
#include "gloss-json-reader.h"

/* Tag ids are at most this long (see gloss_tag_id_is_valid). */
#define MAX_TAG_LENGTH 64

char *
_gloss_label_to_tag (const char *label)
{
  g_autofree char *ascii = NULL;
  g_autoptr(GString) tag = g_string_new (NULL);
  gboolean dash = FALSE;

  g_return_val_if_fail (label != NULL, NULL);

  ascii = g_utf8_validate (label, -1, NULL) ? g_str_to_ascii (label, "C") : g_strdup ("");
  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '_' || *p == '-')
        {
          if (dash && tag->len > 0)
            g_string_append_c (tag, '-');
          g_string_append_c (tag, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else
        {
          dash = TRUE;
        }
    }

  /* A tag id starts with a letter or a digit. */
  while (tag->len > 0 && (tag->str[0] == '-' || tag->str[0] == '_'))
    g_string_erase (tag, 0, 1);
  if (tag->len > MAX_TAG_LENGTH)
    g_string_truncate (tag, MAX_TAG_LENGTH);

  if (tag->len == 0)
    {
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, label, -1);

      g_string_printf (tag, "tag-%.8s", hash);
    }

  return g_string_free (g_steal_pointer (&tag), FALSE);
}

/* A name-based UUID (version 5 layout, SHA-1) of @parts, NULL-terminated:
 * the same parts always give the same id. */
static char *
name_uuid (const char * const *parts)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;

  g_checksum_update (checksum, (const guchar *)"gloss-group", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      /* The NUL after each part keeps "ab" + "c" apart from "a" + "bc". */
      g_checksum_update (checksum, (const guchar *)parts[i], strlen (parts[i]) + 1);
    }
  g_checksum_get_digest (checksum, digest, &length);

  digest[6] = (digest[6] & 0x0F) | 0x50;
  digest[8] = (digest[8] & 0x3F) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

/* The key under which @a meets the other pieces of its passage: its group
 * key and its tag, or NULL when it has no group key. */
static char *
piece_key (GlossAnnotation *a)
{
  const char *group = _gloss_extra_get_string (gloss_annotation_get_extra (a), GLOSS_KEY_GROUP);

  if (group == NULL)
    return NULL;
  return g_strconcat (group, "\n", gloss_annotation_get_tag (a), NULL);
}

GHashTable *
_gloss_export_groups (GlossExporter       *self,
                      GlossSource         *source,
                      GlossAnnotationFile *file)
{
  g_autoptr(GHashTable) counts = NULL;
  GHashTable *groups;
  GListModel *model;
  guint n;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (GLOSS_IS_SOURCE (source), NULL);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_FILE (file), NULL);

  model = G_LIST_MODEL (gloss_annotation_file_get_layer (file));
  n = g_list_model_get_n_items (model);
  counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  groups = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);

  /* How many exported pieces each passage still has: a passage down to
   * one piece (the others deleted, or re-tagged) is a passage no more. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (model, i);
      char *key = piece_key (a);
      guint n_pieces;

      if (key == NULL || !_gloss_exporter_keeps (self, a))
        {
          g_free (key);
          continue;
        }
      n_pieces = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));
      g_hash_table_replace (counts, key, GUINT_TO_POINTER (n_pieces + 1));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (model, i);
      g_autofree char *key = piece_key (a);
      const char *parts[4];

      if (key == NULL || GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) < 2)
        continue;

      /* The passage is named by who annotated which text, and its key:
       * the same passage gets the same id in every export. */
      parts[0] = gloss_layer_get_annotator_id (gloss_annotation_file_get_layer (file));
      parts[1] = gloss_source_get_sha256 (source);
      parts[2] = key;
      parts[3] = NULL;
      /* The layer holds the annotation as long as the file lives. */
      g_hash_table_insert (groups, a, name_uuid (parts));
    }

  return groups;
}

/* TRUE when the W3C attribute text @s reads as another kind than a
 * string: "true", "false", a number, or a quoted string. */
static gboolean
reads_as_other_kind (const char *s)
{
  const char *digits = s[0] == '-' ? s + 1 : s;
  char *end = NULL;
  double number;

  if (strcmp (s, "true") == 0 || strcmp (s, "false") == 0 || s[0] == '"')
    return TRUE;
  if (!g_ascii_isdigit (digits[0]))
    return FALSE;
  number = g_ascii_strtod (s, &end);
  return *end == '\0' && isfinite (number);
}

char *
_gloss_w3c_attribute_text (const char *id,
                           GVariant   *value)
{
  g_autofree char *text = gloss_attribute_value_to_string (value);
  GString *out = g_string_new (id);

  g_string_append_c (out, '=');
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) && reads_as_other_kind (text))
    gloss_json_write_string (out, text, -1);
  else
    g_string_append (out, text);

  return g_string_free (out, FALSE);
}

GVariant *
_gloss_w3c_attribute_parse (const char  *text,
                            char       **id)
{
  const char *equals = strchr (text, '=');
  const char *value;
  g_autofree char *name = NULL;

  if (equals == NULL)
    return NULL;
  name = g_strndup (text, equals - text);
  if (!gloss_tag_id_is_valid (name))
    return NULL;
  value = equals + 1;

  if (value[0] == '"')
    {
      /* One JSON string and nothing after it, read without a parser
       * object: a file has one such value per claim. */
      g_autoptr(GlossJsonReader) reader = gloss_json_reader_new (value, strlen (value), 1);
      g_autofree char *string = NULL;

      if (!gloss_json_reader_next (reader, NULL) ||
          gloss_json_reader_get_token (reader) != GLOSS_JSON_TOKEN_STRING)
        return NULL;
      string = gloss_json_reader_dup_string (reader);
      if (!gloss_json_reader_next (reader, NULL) ||
          gloss_json_reader_get_token (reader) != GLOSS_JSON_TOKEN_END)
        return NULL;
      *id = g_steal_pointer (&name);
      return g_variant_new_take_string (g_steal_pointer (&string));
    }

  *id = g_steal_pointer (&name);
  if (strcmp (value, "true") == 0 || strcmp (value, "false") == 0)
    return g_variant_new_boolean (value[0] == 't');
  if (reads_as_other_kind (value))
    return g_variant_new_double (g_ascii_strtod (value, NULL));
  return g_variant_new_string (value);
}
