/* gloss-import-labelstudio.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Label Studio's JSON export: a list of tasks,
 *
 *   {"data": {"text": ...},
 *    "annotations": [{"completed_by": 1,
 *                     "result": [{"id": ..., "type": "labels",
 *                                 "value": {"start", "end", "text", "labels": [...]}}, ...]}],
 *    "predictions": [{"model_version": ..., "result": [...]}]}
 *
 * ("completions" in old versions).  Each task becomes an article (its text
 * written as NAME-0001.txt, ...), each of its annotations an annotation
 * file, and its predictions one more per model: their annotator is the
 * model_version made an id, else "predictions".  A task that labels no
 * span of its text gives neither a text nor an annotation file.  A
 * region with several labels gives one annotation per label; a per-region
 * "textarea" result (same id) gives its note.
 *
 * Offsets are code points, as Label Studio counts them (its frontend test
 * "NER - Emoji - Text" finds "test" at 21–25 in "🐱 Warning: This is a
 * test text"), unless UTF-16 code units are asked for, as older exports
 * and scripts written in JavaScript have them.  value.text must be the
 * text at the offsets; when it is not in the unit asked for but is in the
 * other, the region is placed by the other and the report says so, once
 * per file.
 *
 * Results of other types (choices, relations, ...), the annotation's own
 * keys (its id, completed_by, ...) and the task's other keys are kept in
 * the annotation file ("x-labelstudio"), for the way back.
 *
 * A task is read a value at a time, and the results of each annotation
 * one at a time: a task with 100,000 regions is never held whole as a
 * tree.  Its "data" is looked for first, since Label Studio writes it
 * after the annotations, and value.text is checked against it. */

#define G_LOG_DOMAIN "gloss-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-import-private.h"
#include "gloss-text-index.h"

typedef struct
{
  guint start;             /* code points */
  guint end;
  char *id;
  char **labels;
  char *note;
} Region;

static void
region_clear (gpointer data)
{
  Region *region = data;

  g_free (region->id);
  g_strfreev (region->labels);
  g_free (region->note);
}

/* One annotation or prediction of a task. */
typedef struct
{
  gboolean prediction;
  guint index;             /* among the task's annotations, or its predictions */
  gboolean has_result;
  JsonObject *info;        /* its members but the results */
  GArray *regions;         /* Region */
  GHashTable *by_id;       /* region id -> its index + 1, for the notes */
  GPtrArray *textareas;    /* JsonNode: per-region text areas, matched at the end */
  JsonArray *kept;         /* the results Gloss does not model */
} Entry;

static Entry *
entry_new (gboolean prediction,
           guint    index)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->prediction = prediction;
  entry->index = index;
  entry->info = json_object_new ();
  entry->regions = g_array_new (FALSE, FALSE, sizeof (Region));
  g_array_set_clear_func (entry->regions, region_clear);
  entry->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  entry->textareas = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  entry->kept = json_array_new ();

  return entry;
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  json_object_unref (entry->info);
  g_hash_table_unref (entry->by_id);
  g_array_unref (entry->regions);
  g_ptr_array_unref (entry->textareas);
  json_array_unref (entry->kept);
  g_free (entry);
}

/* One input file. */
typedef struct
{
  GlossImporter *self;
  GlossImportPlan *plan;
  GFile *input;
  const char *display;
  GString *problems;
  guint n_other_unit;      /* regions placed by the unit not asked for */
  guint n_imported;        /* tasks that give annotation files */
} Run;

/* One task. */
typedef struct
{
  Run *run;
  guint line;
  GString *mine;           /* its problems */
  const char *text;        /* to compare value.text with */
  GlossTextIndex *index;
  guint length;            /* in code points */
  GlossUtf16Map *map;
} Task;

/* TRUE when [@start, @end) of the task's text (code points) is @quote. */
static gboolean
text_equals (Task       *t,
             guint       start,
             guint       end,
             const char *quote)
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
text_slice (Task  *t,
            guint  start,
            guint  end)
{
  gsize from = gloss_text_index_offset_to_byte (t->index, start);

  return g_strndup (t->text + from, gloss_text_index_offset_to_byte (t->index, end) - from);
}

static gboolean
duplicate_key (GlossJsonReader  *reader,
               const char       *key,
               GError          **error)
{
  g_autofree char *what = g_strdup_printf (_("duplicate key “%s”"), key);

  /* As the reader refuses it in a value read whole. */
  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_PARSE, _("line %u, column %u: %s"),
               gloss_json_reader_get_line (reader), gloss_json_reader_get_column (reader), what);
  return FALSE;
}

/* TRUE when [@start, @end) counted in @unit holds @quote; its code points
 * go to @cp_start and @cp_end. */
static gboolean
place (Task            *t,
       GlossOffsetUnit  unit,
       guint            start,
       guint            end,
       const char      *quote,
       guint           *cp_start,
       guint           *cp_end)
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

/* A result of an annotation, read token by token.  What a region needs
 * is taken as it comes, its strings into @scratch; anything else is kept
 * as nodes.  A JsonNode of the whole is made only for a result that is
 * not a region (a text area, choices, ...): a task of 100,000 regions
 * builds no tree for them, which would cost more than all the rest of
 * the import. */
typedef enum
{
  PART_STRING,
  PART_INT,
  PART_NODE,
  PART_LABELS,
  PART_VALUE,
} PartKind;

typedef struct
{
  PartKind kind;
  gsize key;               /* in the scratch */
  gsize string;            /* PART_STRING: in the scratch */
  gint64 number;           /* PART_INT */
  JsonNode *node;          /* PART_NODE */
} Part;

typedef struct
{
  GString *scratch;        /* keys and strings, each ending in NUL */
  GArray *parts;           /* Part: the result's members */
  GArray *value_parts;     /* Part: those of its value */
  GArray *labels;          /* gsize: the value's labels, in the scratch */
} Result;

static void
part_clear (gpointer data)
{
  Part *part = data;

  g_clear_pointer (&part->node, json_node_unref);
}

static void
result_init (Result *result)
{
  result->scratch = g_string_new (NULL);
  result->parts = g_array_new (FALSE, FALSE, sizeof (Part));
  result->value_parts = g_array_new (FALSE, FALSE, sizeof (Part));
  result->labels = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_array_set_clear_func (result->parts, part_clear);
  g_array_set_clear_func (result->value_parts, part_clear);
}

static void
result_reset (Result *result)
{
  g_string_truncate (result->scratch, 0);
  g_array_set_size (result->parts, 0);
  g_array_set_size (result->value_parts, 0);
  g_array_set_size (result->labels, 0);
}

static void
result_clear (Result *result)
{
  g_string_free (result->scratch, TRUE);
  g_array_unref (result->parts);
  g_array_unref (result->value_parts);
  g_array_unref (result->labels);
}

static gsize
result_add_string (Result     *result,
                   const char *string,
                   gsize       length)
{
  gsize at = result->scratch->len;

  g_string_append_len (result->scratch, string, length);
  g_string_append_c (result->scratch, '\0');
  return at;
}

static const char *
result_string (Result *result,
               gsize   at)
{
  return result->scratch->str + at;
}

static Part *
find_part (Result     *result,
           GArray     *parts,
           const char *key)
{
  for (guint i = 0; i < parts->len; i++)
    {
      Part *part = &g_array_index (parts, Part, i);

      if (strcmp (result_string (result, part->key), key) == 0)
        return part;
    }

  return NULL;
}

/* Adds the member whose key is the reader's current token to @parts,
 * refusing a key given twice; the reader is left on its value. */
static gboolean
start_part (Result           *result,
            GArray           *parts,
            GlossJsonReader  *reader,
            Part             *part,
            GError          **error)
{
  gsize length;
  const char *key = gloss_json_reader_get_string (reader, &length);

  if (find_part (result, parts, key) != NULL)
    return duplicate_key (reader, key, error);

  *part = (Part) { 0 };
  part->key = result_add_string (result, key, length);
  return gloss_json_reader_next (reader, error);
}

/* Reads the member value of a result whose first token is current, and
 * adds it as @part; a string as it is, anything else as a node. */
static gboolean
read_part (Result           *result,
           GlossJsonReader  *reader,
           Part             *part,
           GError          **error)
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
read_value (Result           *result,
            GlossJsonReader  *reader,
            GError          **error)
{
  for (;;)
    {
      Part part;
      const char *key;

      if (!gloss_json_reader_next (reader, error))
        return FALSE;
      if (gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_END_OBJECT)
        return TRUE;
      if (!start_part (result, result->value_parts, reader, &part, error))
        return FALSE;
      key = result_string (result, part.key);

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
static gboolean
read_result (Result           *result,
             GlossJsonReader  *reader,
             GError          **error)
{
  result_reset (result);

  for (;;)
    {
      Part part;

      if (!gloss_json_reader_next (reader, error))
        return FALSE;
      if (gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_END_OBJECT)
        return TRUE;
      if (!start_part (result, result->parts, reader, &part, error))
        return FALSE;

      if (strcmp (result_string (result, part.key), "value") == 0 &&
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

static void
set_parts (Result     *result,
           GArray     *parts,
           JsonObject *object)
{
  for (guint i = 0; i < parts->len; i++)
    {
      Part *part = &g_array_index (parts, Part, i);
      const char *key = result_string (result, part->key);

      switch (part->kind)
        {
        case PART_STRING:
          json_object_set_string_member (object, key, result_string (result, part->string));
          break;
        case PART_INT:
          json_object_set_int_member (object, key, part->number);
          break;
        case PART_NODE:
          json_object_set_member (object, key, json_node_ref (part->node));
          break;
        case PART_LABELS:
          {
            JsonArray *labels = json_array_sized_new (result->labels->len);

            for (guint l = 0; l < result->labels->len; l++)
              json_array_add_string_element (labels,
                                             result_string (result, g_array_index (result->labels, gsize, l)));
            json_object_set_array_member (object, key, labels);
          }
          break;
        case PART_VALUE:
          {
            JsonObject *value = json_object_new ();

            set_parts (result, result->value_parts, value);
            json_object_set_object_member (object, key, value);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* The result as json-glib would have read it. */
static JsonNode *
result_to_node (Result *result)
{
  g_autoptr(JsonObject) object = json_object_new ();

  set_parts (result, result->parts, object);
  return json_node_init_object (json_node_alloc (), object);
}

static const char *
string_part (Result     *result,
             GArray     *parts,
             const char *key)
{
  Part *part = find_part (result, parts, key);

  return part != NULL && part->kind == PART_STRING ? result_string (result, part->string) : NULL;
}

static gboolean
uint_part (Result     *result,
           GArray     *parts,
           const char *key,
           guint      *value)
{
  Part *part = find_part (result, parts, key);

  if (part == NULL || part->kind != PART_INT || part->number < 0 || part->number > G_MAXUINT)
    return FALSE;

  *value = (guint)part->number;
  return TRUE;
}

static gboolean
read_region (Task   *t,
             Result *result,
             Region *region)
{
  GlossOffsetUnit unit = t->run->self->offset_unit;
  GlossOffsetUnit other = unit == GLOSS_OFFSETS_UTF16 ? GLOSS_OFFSETS_CODEPOINTS : GLOSS_OFFSETS_UTF16;
  Part *value = find_part (result, result->parts, "value");
  Part *labels = find_part (result, result->value_parts, "labels");
  const char *quote = string_part (result, result->value_parts, "text");
  const char *id = string_part (result, result->parts, "id");
  guint start, end, cp_start, cp_end;

  if (value == NULL || value->kind != PART_VALUE || quote == NULL ||
      labels == NULL || labels->kind != PART_LABELS ||
      !uint_part (result, result->value_parts, "start", &start) ||
      !uint_part (result, result->value_parts, "end", &end))
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
    region->labels[i] = g_strdup (result_string (result, g_array_index (result->labels, gsize, i)));
  region->note = NULL;
  return TRUE;
}

/* Sorts a result that is not a region; takes @node. */
static void
take_result (Entry    *entry,
             JsonNode *node)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

  if (g_strcmp0 (_gloss_json_get_string (object, "type"), "textarea") == 0 &&
      _gloss_json_get_string (object, "id") != NULL)
    g_ptr_array_add (entry->textareas, node);
  else
    json_array_add_element (entry->kept, node);
}

/* Reads one result of @entry, its first token current. */
static gboolean
read_one_result (Task             *t,
                 Entry            *entry,
                 Result           *result,
                 GlossJsonReader  *reader,
                 GError          **error)
{
  Region region = { 0 };

  if (gloss_json_reader_get_token (reader) != GLOSS_JSON_TOKEN_BEGIN_OBJECT)
    {
      JsonNode *node = gloss_json_reader_read_node (reader, error);

      if (node == NULL)
        return FALSE;
      take_result (entry, node);
      return TRUE;
    }

  if (!read_result (result, reader, error))
    return FALSE;

  if (g_strcmp0 (string_part (result, result->parts, "type"), "labels") != 0)
    {
      take_result (entry, result_to_node (result));
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
 * region is known; the other text areas are kept. */
static void
match_notes (Entry *entry)
{
  for (guint i = 0; i < entry->textareas->len; i++)
    {
      JsonNode *node = g_ptr_array_index (entry->textareas, i);
      JsonObject *result = json_node_get_object (node);
      const char *id = _gloss_json_get_string (result, "id");
      JsonArray *texts = _gloss_json_get_array (_gloss_json_get_object (result, "value"), "text");
      guint at = GPOINTER_TO_UINT (g_hash_table_lookup (entry->by_id, id));
      Region *target = at > 0 ? &g_array_index (entry->regions, Region, at - 1) : NULL;

      if (target != NULL && target->note == NULL && texts != NULL &&
          json_array_get_length (texts) == 1 && json_array_get_string_element (texts, 0) != NULL)
        target->note = g_strdup (json_array_get_string_element (texts, 0));
      else
        json_array_add_element (entry->kept, json_node_ref (node));
    }
  g_ptr_array_set_size (entry->textareas, 0);
}

/* Reads an annotation or a prediction, the reader on its first token. */
static gboolean
read_entry (Task             *t,
            GlossJsonReader  *reader,
            Entry            *entry,
            GError          **error)
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
        return duplicate_key (reader, key, error);
      if (!gloss_json_reader_next (reader, error))
        return FALSE;

      if (strcmp (key, "result") == 0 &&
          gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_BEGIN_ARRAY)
        {
          Result result;
          gboolean ok = TRUE;

          entry->has_result = TRUE;
          result_init (&result);
          for (;;)
            {
              if (!(ok = gloss_json_reader_next (reader, error)))
                break;
              if (gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_END_ARRAY)
                break;
              if (!(ok = read_one_result (t, entry, &result, reader, error)))
                break;
            }
          result_clear (&result);
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
static gboolean
read_task (Task             *t,
           GlossJsonReader  *reader,
           GPtrArray        *entries,
           JsonObject       *rest,
           GError          **error)
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
        return duplicate_key (reader, key, error);
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
              Entry *entry;

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
static gboolean
find_data (const char  *text,
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

static const char *
text_of (JsonObject *data)
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

static char *
annotator_for (GlossImporter *self,
               JsonObject    *task,
               guint          index)
{
  JsonArray *names = _gloss_json_get_array (_gloss_json_get_object (task, "meta"), "annotators");
  const char *named = NULL;
  g_autofree char *base = NULL;

  if (self->annotator == NULL && names != NULL && index < json_array_get_length (names))
    named = json_array_get_string_element (names, index);

  base = _gloss_importer_annotator (self, named);
  if (index == 0 || named != NULL)
    return g_steal_pointer (&base);

  return g_strdup_printf ("%s-%u", base, index + 1);
}

/* The annotator of a prediction: its model, whatever annotator the import
 * was given for the people's annotations. */
static char *
annotator_for_model (const char *model_version)
{
  g_autofree char *slug = model_version ? gloss_slugify (model_version) : NULL;

  if (slug != NULL && slug[0] != '\0' && strlen (slug) <= 64)
    return g_steal_pointer (&slug);

  return g_strdup ("predictions");
}

/* Adds @entry's regions to @batch, as the annotations it gives. */
static void
fill_batch (GlossImportBatch *batch,
            Entry            *entry)
{
  const char *created_at = _gloss_json_get_string (entry->info, "created_at");
  const char *updated_at = _gloss_json_get_string (entry->info, "updated_at");
  g_autofree char *created = _gloss_import_timestamp (created_at);
  g_autofree char *modified = _gloss_import_timestamp (updated_at);

  for (guint r = 0; r < entry->regions->len; r++)
    {
      Region *region = &g_array_index (entry->regions, Region, r);

      for (guint l = 0; region->labels[l] != NULL; l++)
        {
          GlossAnnotation *a;

          /* A region id that is a UUID (a Gloss export's) stays the id. */
          a = _gloss_import_batch_add (batch, region->labels[l], region->start, region->end,
                                       region->note, l == 0 ? region->id : NULL, created,
                                       modified ? modified : created);
          /* Kept when it is not the annotation's id already: the way
           * back gives the region its id again. */
          if (a != NULL && region->id != NULL && strcmp (gloss_annotation_get_id (a), region->id) != 0)
            json_object_set_string_member (_gloss_import_extra (a), GLOSS_KEY_LABELSTUDIO_ID,
                                           region->id);
        }
    }
}

/* What the annotation file of @batch keeps of @entry and of its task
 * (@rest, for the task's first file only). */
static void
keep (GlossImportBatch *batch,
      Entry            *entry,
      JsonObject       *rest)
{
  JsonObject *kept;
  JsonArray *results;

  if (batch->extra == NULL)
    batch->extra = json_object_new ();
  kept = _gloss_json_get_object (batch->extra, GLOSS_KEY_LABELSTUDIO);
  if (kept == NULL)
    {
      kept = json_object_new ();
      json_object_set_object_member (batch->extra, GLOSS_KEY_LABELSTUDIO, kept);
    }

  /* Predictions of one model share a file: their results go together,
   * and the first one's keys are kept. */
  results = _gloss_json_get_array (kept, "results");
  for (guint i = 0; i < json_array_get_length (entry->kept); i++)
    {
      if (results == NULL)
        {
          results = json_array_new ();
          json_object_set_array_member (kept, "results", results);
        }
      json_array_add_element (results, json_node_ref (json_array_get_element (entry->kept, i)));
    }

  if (json_object_get_size (entry->info) > 0 &&
      !json_object_has_member (kept, "annotation") && !json_object_has_member (kept, "prediction"))
    json_object_set_object_member (kept, entry->prediction ? "prediction" : "annotation",
                                   json_object_ref (entry->info));
  if (rest != NULL && json_object_get_size (rest) > 0)
    json_object_set_object_member (kept, "task", json_object_ref (rest));

  if (json_object_get_size (kept) == 0)
    g_clear_pointer (&batch->extra, json_object_unref);
}

static gboolean
import_task (Run        *run,
             guint       index,
             guint       line,
             const char *piece,
             gsize       length)
{
  GlossImporter *self = run->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) data = NULL;
  g_autoptr(JsonObject) rest = json_object_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (entry_free);
  g_autoptr(GHashTable) by_model = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) mine = g_string_new (NULL);
  g_autoptr(GlossUtf16Map) map = NULL;
  g_autoptr(GlossTextIndex) text_index = NULL;
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GlossJsonReader) reader = NULL;
  GlossJsonPiece where;
  gboolean is_object = FALSE;
  gboolean first = TRUE;
  guint n_regions = 0;
  const char *text;
  Task t;

  /* The data found by looking at the brackets alone, which is quick;
   * else by reading the task, which tells what is wrong with it. */
  if (_gloss_json_find_member (piece, length, "data", &where))
    {
      is_object = TRUE;
      data = gloss_json_parse (piece + where.offset, where.length, GLOSS_IMPORT_MAX_DEPTH, NULL);
    }
  if (data == NULL && !find_data (piece, length, &is_object, &data, &error))
    {
      _gloss_import_problem (run->problems, run->display, line, "%s", error->message);
      return FALSE;
    }
  if (!is_object)
    {
      _gloss_import_problem (run->problems, run->display, line, "%s",
                             _("a Label Studio task is a JSON object"));
      return FALSE;
    }

  text = data && JSON_NODE_HOLDS_OBJECT (data) ? text_of (json_node_get_object (data)) : NULL;
  if (text == NULL)
    {
      _gloss_import_problem (run->problems, run->display, line,
                             _("the task has no text in \"data\""));
      return FALSE;
    }

  map = gloss_utf16_map_new (text, strlen (text));
  text_index = gloss_text_index_new (text, strlen (text));
  t = (Task) { run, line, mine, text, text_index, gloss_text_index_get_length (text_index), map };

  reader = gloss_json_reader_new (piece, length, GLOSS_IMPORT_MAX_DEPTH);
  if (!gloss_json_reader_next (reader, &error) ||
      !read_task (&t, reader, entries, rest, &error))
    {
      _gloss_import_problem (run->problems, run->display, line, "%s", error->message);
      return FALSE;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      if (!entry->has_result)
        _gloss_import_problem (mine, run->display, line, "%s",
                               entry->prediction ? _("a prediction of the task has no \"result\" list")
                                                 : _("an annotation of the task has no \"result\" list"));
      n_regions += entry->regions->len;
    }

  /* A task that labels no span gives no annotation file, and so no text
   * either: it would only be a stray file. */
  if (mine->len == 0 && n_regions == 0)
    {
      if (entries->len == 0)
        _gloss_import_plan_note (run->plan, 0,
                                 /* Translators: a file name, then a line number */
                                 _("%s:%u: the task has no annotations and was left out"),
                                 run->display, line);
      else
        _gloss_import_plan_note (run->plan, 0,
                                 /* Translators: a file name, then a line number */
                                 _("%s:%u: the task labels no span of its text and was left out"),
                                 run->display, line);
      return TRUE;
    }

  source = _gloss_importer_record_text (self, run->plan, run->input, run->display, index, line,
                                        text, mine, run->problems);
  if (source == NULL)
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      GlossImportBatch *batch = NULL;
      guint n_kept = json_array_get_length (entry->kept);

      /* An annotation with no result at all (a task skipped) writes
       * nothing. */
      if (entry->regions->len == 0 && n_kept == 0)
        continue;

      if (entry->prediction)
        {
          const char *model = _gloss_json_get_string (entry->info, "model_version");
          g_autofree char *annotator = annotator_for_model (model);

          batch = g_hash_table_lookup (by_model, annotator);
          if (batch == NULL)
            {
              batch = _gloss_import_batch_new (source, annotator);
              batch->annotator_name = g_strdup (model);
              batch->line = line;
              g_hash_table_insert (by_model, g_steal_pointer (&annotator), batch);
              _gloss_import_plan_add_batch (run->plan, batch);
            }
        }
      else
        {
          g_autofree char *annotator = annotator_for (self, rest, entry->index);

          batch = _gloss_import_batch_new (source, annotator);
          batch->line = line;
          _gloss_import_plan_add_batch (run->plan, batch);
        }

      fill_batch (batch, entry);
      keep (batch, entry, first ? rest : NULL);
      first = FALSE;

      if (n_kept > 0)
        _gloss_import_plan_note (run->plan, n_kept,
                                 /* Translators: a file name, a line number, then a number */
                                 g_dngettext (GETTEXT_PACKAGE,
                                              "%s:%u: %u result Gloss does not model kept in the annotation file",
                                              "%s:%u: %u results Gloss does not model kept in the annotation file",
                                              n_kept),
                                 run->display, line, n_kept);
    }

  run->n_imported++;
  return TRUE;
}

static gboolean
labelstudio_import_file (GlossImporter *self,
                         GFile         *input,
                         GString       *problems)
{
  g_autofree char *display = g_file_get_parse_name (input);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) pieces = NULL;
  g_autoptr(GlossImportPlan) plan = NULL;
  gsize length, skip, at;
  gboolean ok = TRUE;
  Run run = { 0 };

  if (!_gloss_import_read_json_input (input, self->cancellable, &data, &length, &skip, &error))
    {
      _gloss_import_problem (problems, display, 0, "%s", error->message);
      return FALSE;
    }

  at = skip;
  while (at < length && g_ascii_isspace (data[at]))
    at++;
  if (at >= length || data[at] != '[')
    {
      _gloss_import_problem (problems, display, 0, "%s",
                             _("a Label Studio export is a JSON list of tasks ([{\"data\": …}, …]), "
                               "and this file is not one"));
      return FALSE;
    }

  plan = _gloss_import_plan_new ();
  run = (Run) { self, plan, input, display, problems, 0, 0 };

  /* Each task is cut out and read on its own, so that a bad one spoils
   * no other and every problem is reported. */
  pieces = _gloss_json_split (data + skip, length - skip, TRUE);
  for (guint i = 0; i < pieces->len; i++)
    {
      GlossJsonPiece *piece = &g_array_index (pieces, GlossJsonPiece, i);

      ok &= import_task (&run, i + 1, piece->line, data + skip + piece->offset, piece->length);
    }

  if (ok && problems->len == 0 && run.n_imported == 0)
    {
      _gloss_import_problem (problems, display, 0, "%s",
                             _("no task labels a span of its text, in its annotations or its "
                               "predictions: there is nothing to import"));
      return FALSE;
    }
  if (!ok || problems->len > 0)
    return FALSE;

  if (run.n_other_unit > 0)
    _gloss_import_plan_note (plan, 0,
                             self->offset_unit == GLOSS_OFFSETS_UTF16
                             /* Translators: a file name, then a number */
                             ? g_dngettext (GETTEXT_PACKAGE,
                                            "%s: %u region counts its offsets in code points, not in "
                                            "UTF-16 code units, and was placed by them",
                                            "%s: %u regions count their offsets in code points, not in "
                                            "UTF-16 code units, and were placed by them",
                                            run.n_other_unit)
                             /* Translators: a file name, then a number */
                             : g_dngettext (GETTEXT_PACKAGE,
                                            "%s: %u region counts its offsets in UTF-16 code units, as "
                                            "older exports do, not in code points, and was placed by them",
                                            "%s: %u regions count their offsets in UTF-16 code units, as "
                                            "older exports do, not in code points, and were placed by them",
                                            run.n_other_unit),
                             display, run.n_other_unit);

  /* All or nothing: written only when every task is sound. */
  return _gloss_importer_run_plan (self, plan, display, problems);
}

const GlossImportFormatClass _gloss_import_labelstudio = {
  .description = N_("Label Studio’s JSON export (.json); the texts are created beside it, one per task."),
  .options = GLOSS_FORMAT_OFFSET_UNIT | GLOSS_FORMAT_CREATES_TEXTS,
  .suffixes = ".json",
  .import_file = labelstudio_import_file,
};
