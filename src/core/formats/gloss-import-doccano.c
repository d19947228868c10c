/* gloss-import-doccano.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* doccano's JSONL for sequence labelling, in the shapes doccano writes and
 * reads:
 *
 *   {"text": ..., "label": [[START, END, "LABEL"], ...]}
 *   {"text": ..., "entities": [{"id": 0, "start_offset": ..., "end_offset": ..., "label": ...}],
 *    "relations": [...]}
 *   {"column_data": ..., "column_label": [[START, END, "LABEL"], ...]}
 *
 * one record per line, or pretty-printed records one after the other, or
 * a JSON array of records.  Each record becomes an article (its text
 * written as NAME-0001.txt, ...) and an annotation file.  Offsets are
 * UTF-16 code units, as doccano counts them (doccano issue 2290), unless
 * code points are asked for; an offset between the two halves of a
 * surrogate pair is an error, never rounded.  The relations and the
 * record's other keys are kept in the annotation file ("x-doccano"), with
 * each entity's id, and the doccano export gives the relations back.
 *
 * A record is read a token at a time, its spans straight into a list: a
 * record of 100,000 spans builds no tree for them.  Its text is looked
 * for first, wherever the record puts it, since the spans are checked
 * against it. */

#define G_LOG_DOMAIN "gloss-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-import-doccano-private.h"

static const char * const text_keys[] = { "text", "data", "column_data" };
static const char * const label_keys[] = { "label", "labels", "column_label" };

typedef struct
{
  guint start;
  guint end;
  char *label;
  JsonNode *id;
} Entity;

static void
entity_clear (gpointer data)
{
  Entity *entity = data;

  g_free (entity->label);
  g_clear_pointer (&entity->id, json_node_unref);
}

typedef struct
{
  GlossImporter *self;
  const char *display;
  guint line;
  GString *problems;
  GlossUtf16Map *map;
  guint length;
  GArray *entities;
  GArray *relations;       /* GlossDoccanoRelation, when the record has a list of them */
} Record;

/* Takes [start, end) in the file's unit to code points; reports and
 * returns FALSE when it does not fit the text. */
static gboolean
convert_span (Record *r,
              guint   start,
              guint   end,
              guint  *cp_start,
              guint  *cp_end)
{
  if (r->self->offset_unit == GLOSS_OFFSETS_UTF16)
    {
      if (!gloss_utf16_map_from_utf16 (r->map, start, cp_start) ||
          !gloss_utf16_map_from_utf16 (r->map, end, cp_end))
        {
          _gloss_import_problem (r->problems, r->display, r->line,
                                 /* Translators: two offsets */
                                 _("the span %u–%u does not fall on characters of the text in UTF-16 "
                                   "code units (are its offsets code points?)"),
                                 start, end);
          return FALSE;
        }
    }
  else
    {
      *cp_start = start;
      *cp_end = end;
    }

  if (*cp_start >= *cp_end || *cp_end > r->length)
    {
      _gloss_import_problem (r->problems, r->display, r->line,
                             /* Translators: two offsets, then a length */
                             _("the span %u–%u is empty or outside the text (%u characters)"),
                             start, end, r->length);
      return FALSE;
    }

  return TRUE;
}

/* Adds the entity, taking @label and @id. */
static void
add_entity (Record   *r,
            guint     start,
            guint     end,
            char     *label,
            JsonNode *id)
{
  Entity entity = { 0 };

  if (!convert_span (r, start, end, &entity.start, &entity.end))
    {
      g_free (label);
      g_clear_pointer (&id, json_node_unref);
      return;
    }

  entity.label = label;
  entity.id = id;
  g_array_append_val (r->entities, entity);
}

static gboolean
read_uint (GlossJsonReader *reader,
           guint           *value)
{
  gint64 n;

  if (gloss_json_reader_get_token (reader) != GLOSS_JSON_TOKEN_NUMBER ||
      !gloss_json_reader_get_int64 (reader, &n) || n < 0 || n > G_MAXUINT)
    return FALSE;

  *value = (guint)n;
  return TRUE;
}

/* Reads [START, END, "LABEL"], its "[" current: FALSE on malformed JSON;
 * *@sound FALSE when it is JSON but not a span. */
static gboolean
read_span (Record           *r,
           GlossJsonReader  *reader,
           gboolean         *sound,
           GError          **error)
{
  guint start = 0, end = 0;
  char *label = NULL;

  *sound = gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_BEGIN_ARRAY;
  if (!*sound)
    return TRUE;

  for (guint i = 0; *sound; i++)
    {
      if (!gloss_json_reader_next (reader, error))
        {
          g_free (label);
          return FALSE;
        }
      if (gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_END_ARRAY)
        break;

      if (i == 0)
        *sound = read_uint (reader, &start);
      else if (i == 1)
        *sound = read_uint (reader, &end);
      else if (i == 2 && gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_STRING)
        label = gloss_json_reader_dup_string (reader);
      else
        *sound = FALSE;
    }

  if (!*sound || label == NULL)
    {
      *sound = FALSE;
      g_free (label);
      return TRUE;
    }

  add_entity (r, start, end, label, NULL);
  return TRUE;
}

/* Reads a list of spans, its first token current.  FALSE on malformed
 * JSON; a list that is not one of spans is reported, and ends the
 * record's reading (*@stop). */
static gboolean
read_label_list (Record           *r,
                 GlossJsonReader  *reader,
                 const char       *key,
                 gboolean         *stop,
                 GError          **error)
{
  if (gloss_json_reader_get_token (reader) != GLOSS_JSON_TOKEN_BEGIN_ARRAY)
    {
      _gloss_import_problem (r->problems, r->display, r->line, _("\"%s\" is not a list of spans"), key);
      *stop = TRUE;
      return TRUE;
    }

  for (;;)
    {
      gboolean sound;

      if (!gloss_json_reader_next (reader, error))
        return FALSE;
      if (gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_END_ARRAY)
        return TRUE;
      if (!read_span (r, reader, &sound, error))
        return FALSE;
      if (!sound)
        {
          _gloss_import_problem (r->problems, r->display, r->line,
                                 _("a label is not a span [start, end, \"LABEL\"] (doccano's text "
                                   "classification is not imported)"));
          *stop = TRUE;
          return TRUE;
        }
    }
}

/* The members of an entity that Gloss reads. */
typedef enum
{
  ENTITY_OTHER,
  ENTITY_START,
  ENTITY_END,
  ENTITY_LABEL,
  ENTITY_ID,
} EntityKey;

/* Reads one entity object, its first token current. */
static gboolean
read_entity (Record           *r,
             GlossJsonReader  *reader,
             gboolean         *sound,
             GError          **error)
{
  g_autoptr(JsonNode) id = NULL;
  g_autofree char *label = NULL;
  gboolean has_start = FALSE, has_end = FALSE;
  guint start = 0, end = 0;

  *sound = gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_BEGIN_OBJECT;
  if (!*sound)
    return gloss_json_reader_skip_value (reader, error);

  for (;;)
    {
      const char *key;
      EntityKey which;

      if (!gloss_json_reader_next (reader, error))
        return FALSE;
      if (gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_END_OBJECT)
        break;
      /* Known before the reader moves on, without a copy of the key. */
      key = gloss_json_reader_get_string (reader, NULL);
      which = strcmp (key, "start_offset") == 0 ? ENTITY_START
              : strcmp (key, "end_offset") == 0 ? ENTITY_END
              : strcmp (key, "label") == 0 ? ENTITY_LABEL
              : strcmp (key, "id") == 0 ? ENTITY_ID
              : ENTITY_OTHER;
      if (!gloss_json_reader_next (reader, error))
        return FALSE;

      if (which == ENTITY_START)
        has_start = read_uint (reader, &start);
      else if (which == ENTITY_END)
        has_end = read_uint (reader, &end);
      else if (which == ENTITY_LABEL &&
               gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_STRING)
        {
          g_free (label);
          label = gloss_json_reader_dup_string (reader);
          continue;
        }
      else if (which == ENTITY_ID)
        {
          g_clear_pointer (&id, json_node_unref);
          id = gloss_json_reader_read_node (reader, error);
          if (id == NULL)
            return FALSE;
          continue;
        }

      if (!gloss_json_reader_skip_value (reader, error))
        return FALSE;
    }

  *sound = has_start && has_end && label != NULL;
  if (*sound)
    add_entity (r, start, end, g_steal_pointer (&label), g_steal_pointer (&id));
  return TRUE;
}

static gboolean
read_entities (Record           *r,
               GlossJsonReader  *reader,
               gboolean         *stop,
               GError          **error)
{
  if (gloss_json_reader_get_token (reader) != GLOSS_JSON_TOKEN_BEGIN_ARRAY)
    {
      _gloss_import_problem (r->problems, r->display, r->line, _("\"entities\" is not a list"));
      *stop = TRUE;
      return TRUE;
    }

  for (;;)
    {
      gboolean sound;

      if (!gloss_json_reader_next (reader, error))
        return FALSE;
      if (gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_END_ARRAY)
        return TRUE;
      if (!read_entity (r, reader, &sound, error))
        return FALSE;
      if (!sound)
        {
          _gloss_import_problem (r->problems, r->display, r->line,
                                 _("an entity lacks start_offset, end_offset or label"));
          *stop = TRUE;
          return TRUE;
        }
    }
}

/* What a first look at a record finds: where its text is, and which of
 * the keys of spans it has. */
typedef struct
{
  GlossJsonPiece text[G_N_ELEMENTS (text_keys)];
  gboolean has_text[G_N_ELEMENTS (text_keys)];
  gboolean has_label[G_N_ELEMENTS (label_keys)];
} Outline;

static gboolean
outline_cb (const char     *key,
            gsize           key_length,
            GlossJsonPiece *value,
            gpointer        user_data)
{
  Outline *outline = user_data;

  for (guint i = 0; i < G_N_ELEMENTS (text_keys); i++)
    if (key_length == strlen (text_keys[i]) && memcmp (key, text_keys[i], key_length) == 0 &&
        !outline->has_text[i])
      {
        outline->text[i] = *value;
        outline->has_text[i] = TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (label_keys); i++)
    if (key_length == strlen (label_keys[i]) && memcmp (key, label_keys[i], key_length) == 0)
      outline->has_label[i] = TRUE;

  return TRUE;
}

/* The record's text, and the keys of its text and its spans, found by a
 * quick look at the record, else by reading it whole: FALSE (and a
 * problem) for a record that is not an object with a text. */
static gboolean
find_text (const char  *piece,
           gsize        length,
           const char  *display,
           guint        line,
           char       **text,
           const char **text_key,
           const char **label_key,
           GString     *problems)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  Outline outline = { 0 };

  *text = NULL;
  *text_key = *label_key = NULL;

  if (_gloss_json_scan_members (piece, length, outline_cb, &outline))
    {
      for (guint i = 0; *text == NULL && i < G_N_ELEMENTS (text_keys); i++)
        {
          g_autoptr(JsonNode) value = NULL;

          if (!outline.has_text[i])
            continue;
          value = gloss_json_parse (piece + outline.text[i].offset, outline.text[i].length,
                                    GLOSS_IMPORT_MAX_DEPTH, NULL);
          if (value != NULL && JSON_NODE_HOLDS_VALUE (value) &&
              json_node_get_value_type (value) == G_TYPE_STRING)
            {
              *text = json_node_dup_string (value);
              *text_key = text_keys[i];
            }
        }
      for (guint i = 0; *label_key == NULL && i < G_N_ELEMENTS (label_keys); i++)
        if (outline.has_label[i])
          *label_key = label_keys[i];
      if (*text != NULL)
        return TRUE;
    }

  /* A record the quick look cannot read (keys with escapes, bad JSON, not
   * an object, no text): read whole, to say what is wrong with it. */
  *label_key = NULL;
  node = gloss_json_parse (piece, length, GLOSS_IMPORT_MAX_DEPTH, &error);
  if (node == NULL)
    {
      _gloss_import_problem (problems, display, line, "%s", error->message);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _gloss_import_problem (problems, display, line, "%s", _("a doccano record is a JSON object"));
      return FALSE;
    }

  for (guint i = 0; *text == NULL && i < G_N_ELEMENTS (text_keys); i++)
    if (_gloss_json_get_string (json_node_get_object (node), text_keys[i]) != NULL)
      {
        *text = g_strdup (_gloss_json_get_string (json_node_get_object (node), text_keys[i]));
        *text_key = text_keys[i];
      }
  for (guint i = 0; *label_key == NULL && i < G_N_ELEMENTS (label_keys); i++)
    if (json_object_has_member (json_node_get_object (node), label_keys[i]))
      *label_key = label_keys[i];

  if (*text == NULL)
    {
      _gloss_import_problem (problems, display, line, _("the record has no \"text\""));
      return FALSE;
    }

  return TRUE;
}

/* Reads the record's spans and keeps its other keys in @kept. */
static gboolean
read_record (Record      *r,
             const char  *piece,
             gsize        length,
             const char  *text_key,
             const char  *label_key,
             JsonObject  *kept,
             GError     **error)
{
  g_autoptr(GlossJsonReader) reader = gloss_json_reader_new (piece, length, GLOSS_IMPORT_MAX_DEPTH);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean stop = FALSE;

  if (!gloss_json_reader_next (reader, error))
    return FALSE;

  while (!stop)
    {
      g_autofree char *key = NULL;

      if (!gloss_json_reader_next (reader, error))
        return FALSE;
      if (gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_END_OBJECT)
        break;

      key = gloss_json_reader_dup_string (reader);
      if (!g_hash_table_add (seen, g_strdup (key)))
        return _gloss_json_duplicate_key (reader, key, error);
      if (!gloss_json_reader_next (reader, error))
        return FALSE;

      if (strcmp (key, text_key) == 0)
        {
          if (!gloss_json_reader_skip_value (reader, error))
            return FALSE;
        }
      else if (g_strcmp0 (key, label_key) == 0)
        {
          if (!read_label_list (r, reader, key, &stop, error))
            return FALSE;
        }
      else if (strcmp (key, "entities") == 0)
        {
          if (!read_entities (r, reader, &stop, error))
            return FALSE;
        }
      else if (strcmp (key, "relations") == 0 &&
               gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_BEGIN_ARRAY)
        {
          /* In its place among the kept keys: what Gloss cannot take
           * goes into it once the entities are known. */
          json_object_set_array_member (kept, key, json_array_new ());
          r->relations = g_array_new (FALSE, FALSE, sizeof (GlossDoccanoRelation));
          g_array_set_clear_func (r->relations, _gloss_doccano_relation_clear);
          if (!_gloss_doccano_read_relations (reader, r->relations, error))
            return FALSE;
        }
      else
        {
          /* Everything but the text and the spans, relations included. */
          JsonNode *node = gloss_json_reader_read_node (reader, error);

          if (node == NULL)
            return FALSE;
          json_object_set_member (kept, key, node);
        }
    }

  /* A record whose spans are wrong is not read to its end: it is
   * refused already. */
  if (stop)
    return TRUE;

  return gloss_json_reader_next (reader, error);
}

static gboolean
import_record (GlossImporter   *self,
               GlossImportPlan *plan,
               GFile           *input,
               const char      *display,
               guint            index,
               guint            line,
               const char      *piece,
               gsize            length,
               GString         *problems)
{
  g_autoptr(GString) mine = g_string_new (NULL);
  g_autoptr(GArray) entities = g_array_new (FALSE, FALSE, sizeof (Entity));
  g_autoptr(GlossUtf16Map) map = NULL;
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(JsonObject) kept = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *annotator = NULL;
  g_autofree char *text = NULL;
  const char *text_key = NULL, *label_key = NULL;
  GlossImportBatch *batch;
  JsonArray *relations;
  g_autoptr(GHashTable) by_entity = NULL;
  Record r;
  guint n_twins = 0;

  g_array_set_clear_func (entities, entity_clear);

  if (!find_text (piece, length, display, line, &text, &text_key, &label_key, problems))
    return FALSE;

  map = gloss_utf16_map_new (text, strlen (text));
  r = (Record) { self, display, line, mine, map, g_utf8_strlen (text, -1), entities, NULL };

  if (!read_record (&r, piece, length, text_key, label_key, kept, &error))
    {
      _gloss_import_problem (problems, display, line, "%s", error->message);
      g_clear_pointer (&r.relations, g_array_unref);
      return FALSE;
    }

  source = _gloss_importer_record_text (self, plan, input, display, index, line, text, mine,
                                        problems);
  if (source == NULL)
    {
      g_clear_pointer (&r.relations, g_array_unref);
      return FALSE;
    }

  annotator = _gloss_importer_annotator (self, _gloss_json_get_string (kept, "annotator"));
  batch = _gloss_import_batch_new (source, annotator);
  batch->line = line;
  batch->display = display;
  by_entity = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < entities->len; i++)
    {
      Entity *e = &g_array_index (entities, Entity, i);
      GlossAnnotation *a = _gloss_import_batch_add (batch, e->label, e->start, e->end,
                                                    NULL, NULL, NULL, NULL);
      g_autofree char *key = NULL;

      if (a == NULL)
        {
          n_twins++;
          continue;
        }
      if (e->id != NULL)
        {
          JsonObject *extra = _gloss_import_extra (a);

          json_object_set_member (extra, GLOSS_KEY_DOCCANO_ID, json_node_ref (e->id));
          key = _gloss_doccano_entity_key (e->id);
          if (key != NULL && !g_hash_table_contains (by_entity, key))
            g_hash_table_insert (by_entity, g_steal_pointer (&key), a);
        }
    }

  /* The relations between entities become relations of the layer; the
   * others stay kept, in their order, in the list that holds their place
   * (even empty: the export writes doccano's relation shape back). */
  if (r.relations != NULL)
    {
      relations = _gloss_json_get_array (kept, "relations");
      for (guint i = 0; i < r.relations->len; i++)
        {
          GlossDoccanoRelation *relation = &g_array_index (r.relations, GlossDoccanoRelation, i);
          JsonNode *node;

          if (_gloss_doccano_take_relation (batch, by_entity, relation, display, line))
            continue;
          node = _gloss_doccano_relation_node (relation);
          if (node != NULL)
            json_array_add_element (relations, node);
        }
      g_clear_pointer (&r.relations, g_array_unref);
    }

  if (json_object_get_size (kept) > 0)
    {
      batch->extra = json_object_new ();
      json_object_set_object_member (batch->extra, GLOSS_KEY_DOCCANO, json_object_ref (kept));
    }

  _gloss_import_plan_add_batch (plan, batch);

  relations = _gloss_json_get_array (kept, "relations");
  if (relations != NULL && json_array_get_length (relations) > 0)
    {
      guint n = json_array_get_length (relations);

      _gloss_import_plan_note (plan, n,
                               /* Translators: a file name, a line number, then a number */
                               g_dngettext (GETTEXT_PACKAGE,
                                            "%s:%u: %u relation Gloss could not take kept in the annotation file",
                                            "%s:%u: %u relations Gloss could not take kept in the annotation file",
                                            n),
                               display, line, n);
    }
  if (n_twins > 0)
    _gloss_import_plan_note (plan, 0,
                             /* Translators: a file name, a line number, then a number */
                             g_dngettext (GETTEXT_PACKAGE,
                                          "%s:%u: %u span given twice with the same label was imported once",
                                          "%s:%u: %u spans given twice with the same label were imported once",
                                          n_twins),
                             display, line, n_twins);

  return TRUE;
}

static gboolean
doccano_import_file (GlossImporter *self,
                     GFile         *input,
                     GString       *problems)
{
  g_autofree char *display = g_file_get_parse_name (input);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) pieces = NULL;
  g_autoptr(GlossImportPlan) plan = NULL;
  gsize length, skip;
  gboolean ok = TRUE;

  if (!_gloss_import_read_json_input (input, self->cancellable, &data, &length, &skip, &error))
    {
      _gloss_import_problem (problems, display, 0, "%s", error->message);
      return FALSE;
    }

  /* Each record is cut out and read on its own, so that a bad one spoils
   * no other and every problem is reported. */
  plan = _gloss_import_plan_new ();
  pieces = _gloss_json_split (data + skip, length - skip, TRUE);
  for (guint i = 0; i < pieces->len; i++)
    {
      GlossJsonPiece *piece = &g_array_index (pieces, GlossJsonPiece, i);

      ok &= import_record (self, plan, input, display, i + 1, piece->line,
                           data + skip + piece->offset, piece->length, problems);
    }

  /* All or nothing: written only when every record is sound. */
  if (!ok || problems->len > 0)
    return FALSE;

  return _gloss_importer_run_plan (self, plan, display, problems);
}

const GlossImportFormatClass _gloss_import_doccano = {
  .description = N_("doccano’s JSONL (.jsonl or .json); the texts are created beside it, one per record."),
  .options = GLOSS_FORMAT_OFFSET_UNIT | GLOSS_FORMAT_CREATES_TEXTS,
  .suffixes = ".jsonl .json",
  .import_file = doccano_import_file,
};
