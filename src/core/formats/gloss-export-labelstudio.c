/* gloss-export-labelstudio.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Label Studio's JSON task list: one task per article, its text in
 * data.text, and one entry of "annotations" per annotator, whose results
 * are "labels" regions for a labelling config such as
 *
 *   <Labels name="label" toName="text"> ... </Labels>
 *   <Text name="text" value="$text"/>
 *   <TextArea name="note" toName="text" perRegion="true"/>
 *
 * Each region has the annotation's id (or the region id a Label Studio
 * import kept), value.start and value.end in code points as Label Studio
 * counts them (UTF-16 code units on request, for older versions),
 * value.text (the quote) and value.labels; a note is a per-region
 * "textarea" result with the same id.  task.meta.annotators names the
 * annotator of each entry, in order.  Orphaned annotations are left out
 * and reported.
 *
 * An annotation's attributes are per-region results with the region's
 * id, from_name the attribute's id: a choice (and a boolean, "true" or
 * "false") a "choices" result whose value has the region's start, end
 * and text and "choices": [VALUE]; a number a "number" result
 * (value.number); free text a "textarea" one.  A relation is a
 * "relation" result from_id and to_id its ends' region ids, direction
 * "right" ("bi" for a type without direction) and labels [TYPE].  The
 * labelling config to load them with adds, for the codebook's:
 *
 *   <Relations> <Relation value="said-by"/> ... </Relations>
 *   <Choices name="verdict" toName="text" perRegion="true"> <Choice value="true"/> ... </Choices>
 *   <Number name="NAME" toName="text" perRegion="true"/>
 *
 * Label Studio's relations carry neither an id nor a note: a relation's
 * note is left out and reported.
 *
 * What a Label Studio import kept in the annotation file goes back: the
 * "choices" results (those of a region only when the region is written)
 * and the relations between regions that are written; and completed_by,
 * as Label Studio gave it.  Label Studio's importer takes completed_by
 * only as the id of one of its users or an object with a user's email
 * (label_studio/tasks/serializers.py), and refuses the whole import for
 * any other: an annotator Gloss knows only by name gets none, and Label
 * Studio gives the annotation to whoever imports it. */

#define G_LOG_DOMAIN "gloss-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-export-private.h"

typedef struct
{
  guint n_tasks;
} LabelStudioState;

static void
labelstudio_free_state (gpointer state)
{
  g_free (state);
}

static gboolean
labelstudio_begin (GlossExporter  *self,
                   GError        **error)
{
  self->state = g_new0 (LabelStudioState, 1);
  g_string_append_c (self->buffer, '[');
  return TRUE;
}

static void
append_region_start (GString    *out,
                     const char *id,
                     const char *from_name,
                     const char *type,
                     guint       start,
                     guint       end)
{
  g_string_append (out, "{\"id\":");
  gloss_json_write_string (out, id, -1);
  g_string_append (out, ",\"from_name\":");
  gloss_json_write_string (out, from_name, -1);
  g_string_append (out, ",\"to_name\":\"text\",\"type\":");
  gloss_json_write_string (out, type, -1);
  g_string_append_printf (out, ",\"value\":{\"start\":%u,\"end\":%u", start, end);
}

/* completed_by as Label Studio's importer takes it: a user id, or an
 * object with the user's email; NULL for anything else. */
static JsonNode *
completed_by (JsonObject *kept)
{
  JsonNode *entry = kept ? json_object_get_member (kept, "annotation") : NULL;
  JsonNode *node;

  if (entry == NULL || !JSON_NODE_HOLDS_OBJECT (entry))
    return NULL;

  node = json_object_get_member (json_node_get_object (entry), "completed_by");
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64 &&
      json_node_get_int (node) > 0)
    return node;
  if (JSON_NODE_HOLDS_OBJECT (node) &&
      _gloss_extra_get_string (json_node_get_object (node), "email") != NULL)
    return node;

  return NULL;
}

/* Appends a result per attribute of @a, region @id on [start, end). */
static void
append_attributes (GString         *out,
                   GlossCodebook   *codebook,
                   GlossAnnotation *a,
                   const char      *id,
                   guint            start,
                   guint            end)
{
  GVariant *attributes = gloss_annotation_get_attributes (a);
  GVariantIter iter;
  const char *key;
  GVariant *value;

  if (attributes == NULL)
    return;

  g_variant_iter_init (&iter, attributes);
  while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
    {
      g_string_append (out, ",\n    ");
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
        {
          char number[G_ASCII_DTOSTR_BUF_SIZE];

          append_region_start (out, id, key, "number", start, end);
          g_ascii_dtostr (number, sizeof number, g_variant_get_double (value));
          g_string_append_printf (out, ",\"number\":%s}}", number);
        }
      else
        {
          g_autofree char *text = gloss_attribute_value_to_string (value);
          GlossAttributeDef *def = codebook ? gloss_codebook_lookup_attribute (codebook, key) : NULL;
          gboolean free_text = def != NULL && gloss_attribute_def_get_kind (def) == GLOSS_ATTRIBUTE_TEXT;

          append_region_start (out, id, key, free_text ? "textarea" : "choices", start, end);
          if (free_text)
            g_string_append (out, ",\"text\":[");
          else
            {
              g_string_append (out, ",\"text\":");
              gloss_json_write_string (out, gloss_annotation_get_quote (a), -1);
              g_string_append (out, ",\"choices\":[");
            }
          gloss_json_write_string (out, text, -1);
          g_string_append (out, "]}}");
        }
      g_variant_unref (value);
    }
}

/* Appends a relation result for each relation of @layer between regions
 * written (@regions: annotation id -> region id); returns how many
 * notes were left out, and counts the relations left out. */
static guint
append_relations (GString             *out,
                  GlossAnnotationFile *file,
                  GHashTable          *regions,
                  gboolean            *first,
                  guint               *n_cut)
{
  GlossLayer *layer = gloss_annotation_file_get_layer (file);
  GlossCodebook *codebook = gloss_annotation_file_get_codebook (file);
  guint n_notes = 0;

  for (guint i = 0; i < gloss_layer_get_n_relations (layer); i++)
    {
      GlossRelation *relation = gloss_layer_get_relation (layer, i);
      const char *from = g_hash_table_lookup (regions, gloss_relation_get_source (relation));
      const char *to = g_hash_table_lookup (regions, gloss_relation_get_target (relation));
      GlossRelationType *type = codebook ? gloss_codebook_lookup_relation_type (codebook,
                                                                               gloss_relation_get_rel_type (relation))
                                         : NULL;

      if (from == NULL || to == NULL)
        {
          (*n_cut)++;
          continue;
        }
      if (gloss_relation_get_note (relation)[0] != '\0')
        n_notes++;

      if (!*first)
        g_string_append_c (out, ',');
      *first = FALSE;
      g_string_append (out, "\n    {\"from_id\":");
      gloss_json_write_string (out, from, -1);
      g_string_append (out, ",\"to_id\":");
      gloss_json_write_string (out, to, -1);
      g_string_append_printf (out, ",\"type\":\"relation\",\"direction\":\"%s\",\"labels\":[",
                              type != NULL && !gloss_relation_type_get_directed (type) ? "bi" : "right");
      gloss_json_write_string (out, _gloss_export_relation_label (relation), -1);
      g_string_append (out, "]}");
    }

  return n_notes;
}

/* TRUE when @id is the id of a region written. */
static gboolean
written (GHashTable *ids,
         JsonObject *object,
         const char *member)
{
  const char *id = _gloss_extra_get_string (object, member);

  return id != NULL && g_hash_table_contains (ids, id);
}

/* Writes back the results a Label Studio import kept that still hold: the
 * choices, and the relations between regions written. */
static void
append_kept (GString    *out,
             JsonObject *kept,
             GHashTable *ids,
             gboolean    first)
{
  JsonNode *node = kept ? json_object_get_member (kept, "results") : NULL;
  JsonArray *results = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = 0; results != NULL && i < json_array_get_length (results); i++)
    {
      JsonNode *element = json_array_get_element (results, i);
      JsonObject *result = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      const char *type = _gloss_extra_get_string (result, "type");
      JsonNode *value = result ? json_object_get_member (result, "value") : NULL;
      gboolean of_region;

      if (g_strcmp0 (type, "choices") == 0)
        {
          /* Choices about a region carry its span; others, the text's. */
          of_region = value != NULL && JSON_NODE_HOLDS_OBJECT (value) &&
                      json_object_has_member (json_node_get_object (value), "start");
          if (of_region && !written (ids, result, "id"))
            continue;
        }
      else if (g_strcmp0 (type, "relation") == 0)
        {
          if (!written (ids, result, "from_id") || !written (ids, result, "to_id"))
            continue;
        }
      else
        continue;

      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      g_string_append (out, "\n    ");
      gloss_json_write_node (out, element, 2);
    }
}

static void
append_results (GlossExporter       *self,
                GlossAnnotationFile *file,
                GlossUtf16Map       *map,
                const char          *name)
{
  GListModel *model = G_LIST_MODEL (gloss_annotation_file_get_layer (file));
  JsonObject *extra = gloss_annotation_file_get_extra (file);
  JsonNode *kept_node = extra ? json_object_get_member (extra, GLOSS_KEY_LABELSTUDIO) : NULL;
  JsonObject *kept = kept_node && JSON_NODE_HOLDS_OBJECT (kept_node) ? json_node_get_object (kept_node)
                                                                      : NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) regions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  guint n_cut = 0, n_notes;
  guint n = g_list_model_get_n_items (model);
  GString *out = self->buffer;
  JsonNode *user = completed_by (kept);
  gboolean first = TRUE;
  guint n_orphans = 0;

  g_string_append_c (out, '{');
  if (user != NULL)
    {
      g_string_append (out, "\"completed_by\":");
      gloss_json_write_node (out, user, 1);
      g_string_append_c (out, ',');
    }
  g_string_append (out, "\"result\":[");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (model, i);
      const char *id = _gloss_extra_get_string (gloss_annotation_get_extra (a),
                                                GLOSS_KEY_LABELSTUDIO_ID);
      guint start;
      guint end;

      if (!_gloss_exporter_offsets (self, a, map, &n_orphans, &start, &end))
        continue;

      /* The region id Label Studio gave, so that the choices and the
       * relations written back find their region; once only. */
      if (id == NULL || g_hash_table_contains (ids, id))
        id = gloss_annotation_get_id (a);
      g_hash_table_add (ids, g_strdup (id));

      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      g_string_append (out, "\n    ");
      append_region_start (out, id, "label", "labels", start, end);
      g_string_append (out, ",\"text\":");
      gloss_json_write_string (out, gloss_annotation_get_quote (a), -1);
      g_string_append (out, ",\"labels\":[");
      gloss_json_write_string (out, _gloss_export_label (a), -1);
      g_string_append (out, "]}}");

      if (gloss_annotation_has_note (a))
        {
          g_string_append (out, ",\n    ");
          append_region_start (out, id, "note", "textarea", start, end);
          g_string_append (out, ",\"text\":[");
          gloss_json_write_string (out, gloss_annotation_get_note (a), -1);
          g_string_append (out, "]}}");
        }
      append_attributes (out, gloss_annotation_file_get_codebook (file), a, id, start, end);
      g_hash_table_insert (regions, (gpointer)gloss_annotation_get_id (a), g_strdup (id));
      self->n_annotations++;
    }
  n_notes = append_relations (out, file, regions, &first, &n_cut);
  append_kept (out, kept, ids, first);
  g_string_append (out, "]}");

  _gloss_exporter_warn_orphans (self, name, _gloss_export_annotator (file), n_orphans);
  _gloss_exporter_warn_relations_cut (self, name, _gloss_export_annotator (file), n_cut);
  if (n_notes > 0)
    _gloss_exporter_warn (self,
                          /* Translators: an article's name, an annotator id, then a number */
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%s (%s): the note of %u relation left out: Label Studio’s relations have none",
                                       "%s (%s): the notes of %u relations left out: Label Studio’s relations have none",
                                       n_notes),
                          name, _gloss_export_annotator (file), n_notes);
}

static gboolean
labelstudio_add (GlossExporter            *self,
                 const GlossExportArticle *article,
                 GError                  **error)
{
  LabelStudioState *state = self->state;
  GlossSource *source = article->source;
  GString *out = self->buffer;
  g_autoptr(GlossUtf16Map) map = NULL;

  map = _gloss_exporter_utf16_map (self, source);

  g_string_append (out, state->n_tasks++ > 0 ? ",\n" : "\n");
  g_string_append (out, "{\"data\":{\"text\":");
  gloss_json_write_string (out, gloss_source_get_text (source), gloss_source_get_n_bytes (source));
  g_string_append (out, ",\"document\":");
  gloss_json_write_string (out, article->name, -1);
  g_string_append (out, ",\"title\":");
  gloss_json_write_string (out, gloss_source_get_title (source), -1);
  g_string_append (out, "},\n  \"annotations\":[");

  for (guint f = 0; f < article->files->len; f++)
    {
      g_string_append (out, f > 0 ? ",\n  " : "\n  ");
      append_results (self, g_ptr_array_index (article->files, f), map, article->name);
      if (!_gloss_exporter_flush (self, FALSE, error))
        return FALSE;
    }

  g_string_append (out, "],\n  \"meta\":{\"annotators\":[");
  for (guint f = 0; f < article->files->len; f++)
    {
      GlossAnnotationFile *file = g_ptr_array_index (article->files, f);

      if (f > 0)
        g_string_append_c (out, ',');
      gloss_json_write_string (out, _gloss_export_annotator (file), -1);
    }
  g_string_append (out, "]}}");

  return TRUE;
}

static gboolean
labelstudio_finish (GlossExporter  *self,
                    GError        **error)
{
  LabelStudioState *state = self->state;

  g_string_append (self->buffer, state->n_tasks > 0 ? "\n]\n" : "]\n");
  return TRUE;
}

const GlossExportFormatClass _gloss_export_labelstudio = {
  .description = N_("Label Studio’s JSON task list."),
  .options = GLOSS_FORMAT_OFFSET_UNIT,
  .begin = labelstudio_begin,
  .add = labelstudio_add,
  .finish = labelstudio_finish,
  .free_state = labelstudio_free_state,
};
