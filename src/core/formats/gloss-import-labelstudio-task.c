/* gloss-import-labelstudio-task.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A Label Studio task read a value at a time (gloss-import-labelstudio.c
 * says what it holds): its data found first, then its annotations and
 * predictions, each region checked against the text, in the unit asked
 * for or else in the other. */

#define G_LOG_DOMAIN "gloss-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-import-labelstudio-private.h"

static void
region_clear (gpointer data)
{
  GlossLabelstudioRegion *region = data;

  g_free (region->id);
  g_strfreev (region->labels);
  g_free (region->note);
}

static GlossLabelstudioEntry *
entry_new (gboolean prediction,
           guint    index)
{
  GlossLabelstudioEntry *entry = g_new0 (GlossLabelstudioEntry, 1);

  entry->prediction = prediction;
  entry->index = index;
  entry->info = json_object_new ();
  entry->regions = g_array_new (FALSE, FALSE, sizeof (GlossLabelstudioRegion));
  g_array_set_clear_func (entry->regions, region_clear);
  entry->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  entry->textareas = g_array_new (FALSE, FALSE, sizeof (GlossLabelstudioHeld));
  entry->kept = g_array_new (FALSE, FALSE, sizeof (GlossLabelstudioHeld));
  g_array_set_clear_func (entry->kept, _gloss_labelstudio_held_clear);

  return entry;
}

void
_gloss_labelstudio_entry_free (gpointer data)
{
  GlossLabelstudioEntry *entry = data;

  json_object_unref (entry->info);
  g_hash_table_unref (entry->by_id);
  g_array_unref (entry->regions);
  g_array_unref (entry->textareas);
  g_array_unref (entry->kept);
  g_free (entry);
}

/* TRUE when [@start, @end) of the task's text (code points) is @quote. */
static gboolean
text_equals (GlossLabelstudioTask *t,
             guint                 start,
             guint                 end,
             const char           *quote)
{
  gsize from, n;

  if (start >= end || end > t->length)
    return FALSE;

  from = gloss_text_index_offset_to_byte (t->index, start);
  n = gloss_text_index_offset_to_byte (t->index, end) - from;

  /* strncmp stops at the end of @quote, and the text holds no NUL. */
  return strncmp (t->text + from, quote, n) == 0 && quote[n] == '\0';
}

static char *
text_slice (GlossLabelstudioTask *t,
            guint                 start,
            guint                 end)
{
  gsize from = gloss_text_index_offset_to_byte (t->index, start);

  return g_strndup (t->text + from, gloss_text_index_offset_to_byte (t->index, end) - from);
}

/* TRUE when [@start, @end) counted in @unit holds @quote; its code points
 * go to @cp_start and @cp_end. */
static gboolean
place (GlossLabelstudioTask *t,
       GlossOffsetUnit       unit,
       guint                 start,
       guint                 end,
       const char           *quote,
       guint                *cp_start,
       guint                *cp_end)
{
  if (unit == GLOSS_OFFSETS_UTF16)
    {
      if (!gloss_utf16_map_from_utf16 (t->map, start, cp_start) ||
          !gloss_utf16_map_from_utf16 (t->map, end, cp_end))
        return FALSE;
    }
  else
    {
      *cp_start = start;
      *cp_end = end;
    }

  return text_equals (t, *cp_start, *cp_end, quote);
}

static gboolean
read_region (GlossLabelstudioTask   *t,
             GlossLabelstudioResult *result,
             GlossLabelstudioRegion *region)
{
  GlossOffsetUnit unit = t->run->self->offset_unit;
  GlossOffsetUnit other = unit == GLOSS_OFFSETS_UTF16 ? GLOSS_OFFSETS_CODEPOINTS : GLOSS_OFFSETS_UTF16;
  GlossLabelstudioPart *value = _gloss_labelstudio_find_part (result, result->parts, "value");
  GlossLabelstudioPart *labels = _gloss_labelstudio_find_part (result, result->value_parts, "labels");
  const char *quote = _gloss_labelstudio_string_part (result, result->value_parts, "text");
  const char *id = _gloss_labelstudio_string_part (result, result->parts, "id");
  guint start, end, cp_start, cp_end;

  if (value == NULL || value->kind != PART_VALUE || quote == NULL ||
      labels == NULL || labels->kind != PART_LABELS ||
      !_gloss_labelstudio_uint_part (result, result->value_parts, "start", &start) ||
      !_gloss_labelstudio_uint_part (result, result->value_parts, "end", &end))
    {
      _gloss_import_problem (t->mine, t->run->display, t->line,
                             /* Translators: a region id */
                             _("region %s lacks value.start, value.end, value.text or value.labels"),
                             id ? id : "?");
      return FALSE;
    }

  if (place (t, unit, start, end, quote, &cp_start, &cp_end))
    ;
  else if (place (t, other, start, end, quote, &cp_start, &cp_end))
    t->run->n_other_unit++;
  else
    {
      g_autofree char *actual = NULL;
      gboolean on_characters = TRUE;

      /* Neither fits: the problem is told in the unit asked for. */
      if (unit == GLOSS_OFFSETS_UTF16)
        on_characters = gloss_utf16_map_from_utf16 (t->map, start, &cp_start) &&
                        gloss_utf16_map_from_utf16 (t->map, end, &cp_end);
      else
        {
          cp_start = start;
          cp_end = end;
        }

      if (!on_characters || cp_start >= cp_end || cp_end > t->length)
        _gloss_import_problem (t->mine, t->run->display, t->line,
                               /* Translators: a region id, then two offsets */
                               _("region %s: the span %u–%u is empty or outside the text"),
                               id ? id : "?", start, end);
      else
        {
          actual = text_slice (t, cp_start, cp_end);
          _gloss_import_problem (t->mine, t->run->display, t->line,
                                 /* Translators: a region id, its text, then the article's text */
                                 _("region %s says “%s” but the text has “%s” there"),
                                 id ? id : "?", quote, actual);
        }
      return FALSE;
    }

  region->start = cp_start;
  region->end = cp_end;
  region->id = g_strdup (id);
  region->labels = g_new0 (char *, result->labels->len + 1);
  for (guint i = 0; i < result->labels->len; i++)
    {
      gsize at = g_array_index (result->labels, gsize, i);

      region->labels[i] = g_strdup (_gloss_labelstudio_result_string (result, at));
    }
  region->note = NULL;
  return TRUE;
}

/* Reads one result of @entry, its first token current: a region is
 * taken, anything else held (a per-region text area apart, for the
 * notes). */
static gboolean
read_one_result (GlossLabelstudioTask    *t,
                 GlossLabelstudioEntry   *entry,
                 GlossLabelstudioResult  *result,
                 GlossJsonReader         *reader,
                 GError                 **error)
{
  GlossLabelstudioRegion region = { 0 };
  GlossLabelstudioHeld held = { 0 };
  const char *type;

  if (gloss_json_reader_get_token (reader) != GLOSS_JSON_TOKEN_BEGIN_OBJECT)
    {
      held.node = gloss_json_reader_read_node (reader, error);
      if (held.node == NULL)
        return FALSE;
      g_array_append_val (entry->kept, held);
      return TRUE;
    }

  held.text = gloss_json_reader_get_token_start (reader);
  if (!_gloss_labelstudio_read_result (result, reader, error))
    return FALSE;
  held.length = (gsize)(gloss_json_reader_get_token_start (reader) + 1 - held.text);

  type = _gloss_labelstudio_string_part (result, result->parts, "type");
  if (g_strcmp0 (type, "labels") != 0)
    {
      if (g_strcmp0 (type, "textarea") == 0 &&
          _gloss_labelstudio_string_part (result, result->parts, "id") != NULL)
        g_array_append_val (entry->textareas, held);
      else
        g_array_append_val (entry->kept, held);
      return TRUE;
    }

  if (read_region (t, result, &region))
    {
      if (region.id != NULL && !g_hash_table_contains (entry->by_id, region.id))
        g_hash_table_insert (entry->by_id, region.id, GUINT_TO_POINTER (entry->regions->len + 1));
      g_array_append_val (entry->regions, region);
    }

  return TRUE;
}

/* Gives each region the note of the text area with its id, once every
 * region is known, Gloss's own ("note") first; the other text areas are
 * kept (then a per-region one may be a text attribute, or the note of a
 * region that has none: gloss-import-labelstudio.c). */
static void
match_notes (GlossLabelstudioEntry *entry)
{
  GlossLabelstudioResult result;

  if (entry->textareas->len == 0)
    return;

  _gloss_labelstudio_result_init (&result);
  for (guint i = 0; i < entry->textareas->len; i++)
    {
      GlossLabelstudioHeld *held = &g_array_index (entry->textareas, GlossLabelstudioHeld, i);
      const char *from_name;

      if (!_gloss_labelstudio_reread (&result, held))
        continue;
      from_name = _gloss_labelstudio_string_part (&result, result.parts, "from_name");
      if (from_name != NULL && strcmp (from_name, "note") != 0)
        {
          g_array_append_val (entry->kept, *held);
          g_array_remove_index (entry->textareas, i--);
        }
    }

  for (guint i = 0; i < entry->textareas->len; i++)
    {
      GlossLabelstudioHeld *held = &g_array_index (entry->textareas, GlossLabelstudioHeld, i);
      const char *id;
      JsonArray *texts;
      GlossLabelstudioRegion *target = NULL;
      guint at;

      if (!_gloss_labelstudio_reread (&result, held))
        continue;
      id = _gloss_labelstudio_string_part (&result, result.parts, "id");
      texts = _gloss_labelstudio_array_part (&result, result.value_parts, "text");
      at = GPOINTER_TO_UINT (g_hash_table_lookup (entry->by_id, id));
      if (at > 0)
        target = &g_array_index (entry->regions, GlossLabelstudioRegion, at - 1);

      if (target != NULL && target->note == NULL && texts != NULL &&
          json_array_get_length (texts) == 1 && json_array_get_string_element (texts, 0) != NULL)
        target->note = g_strdup (json_array_get_string_element (texts, 0));
      else
        g_array_append_val (entry->kept, *held);
    }
  _gloss_labelstudio_result_clear (&result);
  g_array_set_size (entry->textareas, 0);
}

/* Reads an annotation or a prediction, the reader on its first token. */
static gboolean
read_entry (GlossLabelstudioTask   *t,
            GlossJsonReader        *reader,
            GlossLabelstudioEntry  *entry,
            GError                **error)
{
  if (gloss_json_reader_get_token (reader) != GLOSS_JSON_TOKEN_BEGIN_OBJECT)
    return gloss_json_reader_skip_value (reader, error);

  for (;;)
    {
      g_autofree char *key = NULL;
      JsonNode *node;

      if (!gloss_json_reader_next (reader, error))
        return FALSE;
      if (gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_END_OBJECT)
        break;

      key = gloss_json_reader_dup_string (reader);
      if (json_object_has_member (entry->info, key) ||
          (entry->has_result && strcmp (key, "result") == 0))
        return _gloss_json_duplicate_key (reader, key, error);
      if (!gloss_json_reader_next (reader, error))
        return FALSE;

      if (strcmp (key, "result") == 0 &&
          gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_BEGIN_ARRAY)
        {
          GlossLabelstudioResult result;
          gboolean ok = TRUE;

          entry->has_result = TRUE;
          _gloss_labelstudio_result_init (&result);
          for (;;)
            {
              if (!(ok = gloss_json_reader_next (reader, error)))
                break;
              if (gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_END_ARRAY)
                break;
              if (!(ok = read_one_result (t, entry, &result, reader, error)))
                break;
            }
          _gloss_labelstudio_result_clear (&result);
          if (!ok)
            return FALSE;
          continue;
        }

      node = gloss_json_reader_read_node (reader, error);
      if (node == NULL)
        return FALSE;
      json_object_set_member (entry->info, key, node);
    }

  match_notes (entry);
  return TRUE;
}

/* Reads the task whose "{" is the reader's current token: its entries to
 * @entries, its keys but "data" to @rest. */
gboolean
_gloss_labelstudio_read_task (GlossLabelstudioTask  *t,
                              GlossJsonReader       *reader,
                              GPtrArray             *entries,
                              JsonObject            *rest,
                              GError               **error)
{
  guint n_annotations = 0;
  guint n_predictions = 0;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (;;)
    {
      g_autofree char *key = NULL;
      gboolean prediction;
      JsonNode *node;

      if (!gloss_json_reader_next (reader, error))
        return FALSE;
      if (gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_END_OBJECT)
        return TRUE;

      key = gloss_json_reader_dup_string (reader);
      if (!g_hash_table_add (seen, g_strdup (key)))
        return _gloss_json_duplicate_key (reader, key, error);
      if (!gloss_json_reader_next (reader, error))
        return FALSE;

      if (strcmp (key, "data") == 0)
        {
          if (!gloss_json_reader_skip_value (reader, error))
            return FALSE;
          continue;
        }

      prediction = strcmp (key, "predictions") == 0;
      if (prediction || strcmp (key, "annotations") == 0 || strcmp (key, "completions") == 0)
        {
          /* A list that is not one holds nothing to import. */
          if (gloss_json_reader_get_token (reader) != GLOSS_JSON_TOKEN_BEGIN_ARRAY)
            {
              if (!gloss_json_reader_skip_value (reader, error))
                return FALSE;
              continue;
            }

          for (;;)
            {
              GlossLabelstudioEntry *entry;

              if (!gloss_json_reader_next (reader, error))
                return FALSE;
              if (gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_END_ARRAY)
                break;

              entry = entry_new (prediction, prediction ? n_predictions++ : n_annotations++);
              g_ptr_array_add (entries, entry);
              if (!read_entry (t, reader, entry, error))
                return FALSE;
            }
          continue;
        }

      node = gloss_json_reader_read_node (reader, error);
      if (node == NULL)
        return FALSE;
      json_object_set_member (rest, key, node);
    }
}

/* Finds the "data" of a task without building anything else: FALSE on a
 * malformed value; *@data NULL when the value is not an object or has no
 * data. */
gboolean
_gloss_labelstudio_find_data (const char  *text,
                              gsize        length,
                              gboolean    *is_object,
                              JsonNode   **data,
                              GError     **error)
{
  g_autoptr(GlossJsonReader) reader = gloss_json_reader_new (text, length, GLOSS_IMPORT_MAX_DEPTH);

  *data = NULL;
  if (!gloss_json_reader_next (reader, error))
    return FALSE;

  *is_object = gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_BEGIN_OBJECT;
  if (!*is_object)
    return gloss_json_reader_skip_value (reader, error) && gloss_json_reader_next (reader, error);

  for (;;)
    {
      gboolean is_data;

      if (!gloss_json_reader_next (reader, error))
        goto failed;
      if (gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_END_OBJECT)
        break;

      is_data = strcmp (gloss_json_reader_get_string (reader, NULL), "data") == 0;
      if (!gloss_json_reader_next (reader, error))
        goto failed;
      if (is_data && *data == NULL)
        {
          *data = gloss_json_reader_read_node (reader, error);
          if (*data == NULL)
            goto failed;
        }
      else if (!gloss_json_reader_skip_value (reader, error))
        goto failed;
    }

  /* Nothing may follow the task in its piece of the file. */
  if (gloss_json_reader_next (reader, error))
    return TRUE;

failed:
  g_clear_pointer (data, json_node_unref);
  return FALSE;
}

const char *
_gloss_labelstudio_text_of (JsonObject *data)
{
  const char *text = _gloss_json_get_string (data, "text");
  g_autoptr(GList) members = NULL;

  if (text != NULL || data == NULL)
    return text;

  /* A labelling config may name the text otherwise ($content, ...): the
   * one string of the task's data. */
  members = json_object_get_members (data);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *value = _gloss_json_get_string (data, l->data);

      if (value != NULL)
        {
          if (text != NULL)
            return NULL;
          text = value;
        }
    }

  return text;
}