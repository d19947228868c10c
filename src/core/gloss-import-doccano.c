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
 * UTF-16 code units unless code points are asked for; an offset between
 * the two halves of a surrogate pair is an error, never rounded.  The
 * relations and the record's other keys are kept in the annotation file
 * ("x-doccano"), with each entity's id. */

#define G_LOG_DOMAIN "gloss-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-import-private.h"

static const char * const text_keys[] = { "text", "data", "column_data" };
static const char * const label_keys[] = { "label", "labels", "column_label" };

typedef struct
{
  guint start;
  guint end;
  const char *label;
  JsonNode *id;
} Entity;

typedef struct
{
  GlossImporter *self;
  const char *display;
  guint line;
  GString *problems;
  GlossUtf16Map *map;
  guint length;
  GArray *entities;
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

static void
add_entity (Record     *r,
            guint       start,
            guint       end,
            const char *label,
            JsonNode   *id)
{
  Entity entity = { 0 };

  if (!convert_span (r, start, end, &entity.start, &entity.end))
    return;

  entity.label = label;
  entity.id = id;
  g_array_append_val (r->entities, entity);
}

static void
read_label_list (Record    *r,
                 JsonArray *labels)
{
  for (guint i = 0; i < json_array_get_length (labels); i++)
    {
      JsonNode *node = json_array_get_element (labels, i);
      JsonArray *triple = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
      guint start, end;
      const char *label;

      if (triple == NULL || json_array_get_length (triple) != 3 ||
          !_gloss_json_get_uint (json_array_get_element (triple, 0), &start) ||
          !_gloss_json_get_uint (json_array_get_element (triple, 1), &end) ||
          (label = json_array_get_string_element (triple, 2)) == NULL)
        {
          _gloss_import_problem (r->problems, r->display, r->line,
                                 _("a label is not a span [start, end, \"LABEL\"] (doccano's text "
                                   "classification is not imported)"));
          return;
        }

      add_entity (r, start, end, label, NULL);
    }
}

static void
read_entities (Record    *r,
               JsonArray *entities)
{
  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      JsonNode *node = json_array_get_element (entities, i);
      JsonObject *entity = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      guint start, end;
      const char *label = _gloss_json_get_string (entity, "label");

      if (entity == NULL || label == NULL ||
          !_gloss_json_get_uint (json_object_get_member (entity, "start_offset"), &start) ||
          !_gloss_json_get_uint (json_object_get_member (entity, "end_offset"), &end))
        {
          _gloss_import_problem (r->problems, r->display, r->line,
                                 _("an entity lacks start_offset, end_offset or label"));
          return;
        }

      add_entity (r, start, end, label, json_object_get_member (entity, "id"));
    }
}

static gboolean
import_record (GlossImporter   *self,
               GlossImportPlan *plan,
               GFile           *input,
               const char      *display,
               guint            index,
               guint            line,
               JsonObject      *record,
               GString         *problems)
{
  g_autoptr(GString) mine = g_string_new (NULL);
  g_autoptr(GArray) entities = g_array_new (FALSE, FALSE, sizeof (Entity));
  g_autoptr(GlossUtf16Map) map = NULL;
  g_autoptr(GlossSource) source = NULL;
  g_autofree char *annotator = NULL;
  g_autoptr(JsonObject) kept = json_object_new ();
  const char *text = NULL, *text_key = NULL, *label_key = NULL;
  GlossImportBatch *batch;
  JsonArray *relations;
  Record r;
  guint n_twins = 0;

  for (guint i = 0; text == NULL && i < G_N_ELEMENTS (text_keys); i++)
    if ((text = _gloss_json_get_string (record, text_keys[i])) != NULL)
      text_key = text_keys[i];
  if (text == NULL)
    {
      _gloss_import_problem (problems, display, line, _("the record has no \"text\""));
      return FALSE;
    }

  map = gloss_utf16_map_new (text, strlen (text));
  r = (Record) { self, display, line, mine, map, g_utf8_strlen (text, -1), entities };

  for (guint i = 0; label_key == NULL && i < G_N_ELEMENTS (label_keys); i++)
    if (json_object_has_member (record, label_keys[i]))
      label_key = label_keys[i];

  if (label_key != NULL)
    {
      JsonArray *labels = _gloss_json_get_array (record, label_key);

      if (labels == NULL)
        _gloss_import_problem (mine, display, line, _("\"%s\" is not a list of spans"), label_key);
      else
        read_label_list (&r, labels);
    }
  if (json_object_has_member (record, "entities"))
    {
      JsonArray *list = _gloss_json_get_array (record, "entities");

      if (list == NULL)
        _gloss_import_problem (mine, display, line, _("\"entities\" is not a list"));
      else
        read_entities (&r, list);
    }

  source = _gloss_importer_record_text (self, plan, input, display, index, line, text, mine,
                                        problems);
  if (source == NULL)
    return FALSE;

  annotator = _gloss_importer_annotator (self, _gloss_json_get_string (record, "annotator"));
  batch = _gloss_import_batch_new (source, annotator);
  batch->line = line;

  for (guint i = 0; i < entities->len; i++)
    {
      Entity *e = &g_array_index (entities, Entity, i);
      GlossAnnotation *a = _gloss_import_batch_add (batch, e->label, e->start, e->end,
                                                    NULL, NULL, NULL, NULL);

      if (a == NULL)
        {
          n_twins++;
          continue;
        }
      if (e->id != NULL)
        {
          JsonObject *extra = _gloss_import_extra (a);

          json_object_set_member (extra, GLOSS_KEY_DOCCANO_ID, json_node_copy (e->id));
        }
    }

  /* Everything but the text and the spans, relations included. */
  {
    g_autoptr(GList) members = json_object_get_members (record);

    for (GList *l = members; l != NULL; l = l->next)
      {
        const char *key = l->data;

        if (g_strcmp0 (key, text_key) == 0 || g_strcmp0 (key, label_key) == 0 ||
            strcmp (key, "entities") == 0)
          continue;
        json_object_set_member (kept, key, json_node_copy (json_object_get_member (record, key)));
      }
  }
  if (json_object_get_size (kept) > 0)
    {
      batch->extra = json_object_new ();
      json_object_set_object_member (batch->extra, GLOSS_KEY_DOCCANO, json_object_ref (kept));
    }

  _gloss_import_plan_add_batch (plan, batch);

  relations = _gloss_json_get_array (record, "relations");
  if (relations != NULL && json_array_get_length (relations) > 0)
    {
      guint n = json_array_get_length (relations);

      _gloss_import_plan_note (plan, n,
                               /* Translators: a file name, a line number, then a number */
                               g_dngettext (GETTEXT_PACKAGE,
                                            "%s:%u: %u relation kept in the annotation file (Gloss does not model relations)",
                                            "%s:%u: %u relations kept in the annotation file (Gloss does not model relations)",
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

gboolean
_gloss_import_doccano (GlossImporter *self,
                      GFile         *input,
                      GString       *problems)
{
  return _gloss_import_each_record (self, input, problems, NULL,
                                    _("a doccano record is a JSON object"), import_record);
}
