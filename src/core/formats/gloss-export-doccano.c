/* gloss-export-doccano.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* doccano's JSONL for sequence labelling: one line per article and
 * annotator,
 *
 *   {"text": ..., "label": [[START, END, "TAG"], ...], "document": ..., "annotator": ...}
 *
 * doccano imports the extra keys as metadata.  doccano runs in a browser
 * and counts offsets in UTF-16 code units (doccano issue 2290), so they
 * are converted unless code points are asked for.  Orphaned annotations
 * are left out (and reported): their offsets no longer point at their
 * text.
 *
 * A file imported from doccano with relations gets them back, in the
 * shape doccano's relation extraction reads and writes:
 *
 *   {"text": ..., "entities": [{"id": 0, "label": ..., "start_offset": ..., "end_offset": ...}],
 *    "relations": [{"id": 0, "from_id": 0, "to_id": 1, "type": ...}], ...}
 *
 * each entity with the id doccano gave it (new ones numbered after), and
 * only the relations whose two entities are written.  The relations of
 * the layer are written the same way, in any file that has some: their
 * "id" the one doccano gave them (else numbered after the largest),
 * "type" their type, "from_id" and "to_id" their ends' entities.
 * doccano's relations have no note, and its spans no attributes: both
 * are left out and reported. */

#define G_LOG_DOMAIN "gloss-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-export-private.h"

/* The relations a doccano import kept in @file (maybe none: the file
 * came in doccano's relation shape), or NULL. */
static JsonArray *
kept_relations (GlossAnnotationFile *file)
{
  JsonObject *extra = gloss_annotation_file_get_extra (file);
  JsonNode *kept = extra ? json_object_get_member (extra, GLOSS_KEY_DOCCANO) : NULL;
  JsonNode *relations;

  if (kept == NULL || !JSON_NODE_HOLDS_OBJECT (kept))
    return NULL;

  relations = json_object_get_member (json_node_get_object (kept), "relations");
  if (relations == NULL || !JSON_NODE_HOLDS_ARRAY (relations))
    return NULL;

  return json_node_get_array (relations);
}

static JsonNode *
member_of (JsonObject *object,
           const char *key)
{
  return object != NULL ? json_object_get_member (object, key) : NULL;
}

/* An entity id as a key: ids may be numbers or strings. */
static char *
id_key (JsonNode *id)
{
  if (id == NULL || !JSON_NODE_HOLDS_VALUE (id))
    return NULL;
  if (json_node_get_value_type (id) == G_TYPE_INT64)
    return g_strdup_printf ("n%" G_GINT64_FORMAT, json_node_get_int (id));
  if (json_node_get_value_type (id) == G_TYPE_STRING)
    return g_strconcat ("s", json_node_get_string (id), NULL);
  return NULL;
}

/* doccano's id of @relation, kept by its import, or -1. */
static gint64
doccano_id_of (GlossRelation *relation)
{
  JsonNode *id = member_of (gloss_relation_get_extra (relation), GLOSS_KEY_DOCCANO_ID);

  if (id != NULL && JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_INT64)
    return json_node_get_int (id);
  return -1;
}

static int
compare_doccano_ids (gconstpointer a,
                     gconstpointer b)
{
  gint64 x = doccano_id_of (*(GlossRelation **) a);
  gint64 y = doccano_id_of (*(GlossRelation **) b);

  /* Those doccano numbered first, by their number; the others after, as
   * the layer lists them (the sort is stable). */
  if (x < 0 || y < 0)
    return (x < 0) - (y < 0);
  return (x > y) - (x < y);
}

/* The layer's relations in the order doccano had them: a file that comes
 * back from doccano goes out with its relations where they were. */
static GPtrArray *
in_doccano_order (GlossLayer *layer)
{
  guint n = gloss_layer_get_n_relations (layer);
  GPtrArray *order = g_ptr_array_sized_new (n);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (order, gloss_layer_get_relation (layer, i));
  g_ptr_array_sort (order, compare_doccano_ids);
  return order;
}

/* The "entities" and "relations" of @file, for a file with relations. */
static void
append_entities (GlossExporter            *self,
                 const GlossExportArticle *article,
                 GlossAnnotationFile      *file,
                 GlossUtf16Map            *map,
                 JsonArray                *relations,
                 guint                    *n_orphans)
{
  GListModel *model = G_LIST_MODEL (gloss_annotation_file_get_layer (file));
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) written = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) relation_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GlossLayer *layer = gloss_annotation_file_get_layer (file);
  guint n_relations = gloss_layer_get_n_relations (layer);
  GString *out = self->buffer;
  gint64 next_id = 0, next_relation = 0;
  g_autoptr(GPtrArray) order = NULL;
  gboolean first = TRUE;
  guint n_dropped = 0, n_notes = 0, n_attributes = 0;

  /* New entities are numbered after the largest id doccano gave. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (model, i);
      JsonObject *extra = gloss_annotation_get_extra (a);
      JsonNode *id = extra ? json_object_get_member (extra, GLOSS_KEY_DOCCANO_ID) : NULL;

      if (id != NULL && JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_INT64)
        next_id = MAX (next_id, json_node_get_int (id) + 1);
    }

  g_string_append (out, ",\"entities\":[");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (model, i);
      JsonObject *extra = gloss_annotation_get_extra (a);
      JsonNode *id = extra ? json_object_get_member (extra, GLOSS_KEY_DOCCANO_ID) : NULL;
      g_autofree char *key = id_key (id);
      gsize id_at;
      guint start;
      guint end;

      if (!_gloss_exporter_offsets (self, a, map, n_orphans, &start, &end))
        continue;

      g_string_append (out, first ? "{\"id\":" : ",{\"id\":");
      first = FALSE;
      id_at = out->len;
      if (key != NULL && !g_hash_table_contains (ids, key))
        {
          if (json_node_get_value_type (id) == G_TYPE_INT64)
            g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (id));
          else
            gloss_json_write_string (out, json_node_get_string (id), -1);
        }
      else
        {
          g_free (key);
          key = g_strdup_printf ("n%" G_GINT64_FORMAT, next_id);
          g_string_append_printf (out, "%" G_GINT64_FORMAT, next_id++);
        }
      /* The entity's id as written, for the relations. */
      g_hash_table_insert (written, (gpointer)gloss_annotation_get_id (a),
                           g_strndup (out->str + id_at, out->len - id_at));
      g_hash_table_add (ids, g_steal_pointer (&key));
      if (gloss_annotation_get_attributes (a) != NULL)
        n_attributes++;

      g_string_append (out, ",\"label\":");
      gloss_json_write_string (out, _gloss_export_label (a), -1);
      g_string_append_printf (out, ",\"start_offset\":%u,\"end_offset\":%u}", start, end);
      self->n_annotations++;
    }

  g_string_append (out, "],\"relations\":[");
  first = TRUE;
  /* Relation ids: doccano's, kept ones first, new ones after the
   * largest. */
  for (guint i = 0; relations != NULL && i < json_array_get_length (relations); i++)
    {
      JsonNode *node = json_array_get_element (relations, i);
      JsonNode *id = JSON_NODE_HOLDS_OBJECT (node) ? json_object_get_member (json_node_get_object (node), "id") : NULL;

      if (id != NULL && JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_INT64)
        next_relation = MAX (next_relation, json_node_get_int (id) + 1);
    }
  for (guint i = 0; i < n_relations; i++)
    {
      JsonNode *id = member_of (gloss_relation_get_extra (gloss_layer_get_relation (layer, i)),
                                                     GLOSS_KEY_DOCCANO_ID);

      if (id != NULL && JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_INT64)
        next_relation = MAX (next_relation, json_node_get_int (id) + 1);
    }
  order = in_doccano_order (layer);
  for (guint i = 0; i < order->len; i++)
    {
      GlossRelation *relation = g_ptr_array_index (order, i);
      const char *from = g_hash_table_lookup (written, gloss_relation_get_source (relation));
      const char *to = g_hash_table_lookup (written, gloss_relation_get_target (relation));
      JsonNode *id = member_of (gloss_relation_get_extra (relation),
                                                     GLOSS_KEY_DOCCANO_ID);
      g_autofree char *key = id_key (id);
      const char *label = _gloss_extra_get_string (gloss_relation_get_extra (relation), GLOSS_KEY_LABEL);
      g_autofree char *as_tag = label ? _gloss_label_to_tag (label) : NULL;

      if (from == NULL || to == NULL)
        {
          n_dropped++;
          continue;
        }
      if (gloss_relation_get_note (relation)[0] != '\0')
        n_notes++;
      if (as_tag == NULL || strcmp (as_tag, gloss_relation_get_rel_type (relation)) != 0)
        label = gloss_relation_get_rel_type (relation);

      g_string_append (out, first ? "{\"id\":" : ",{\"id\":");
      first = FALSE;
      if (key != NULL && !g_hash_table_contains (relation_ids, key))
        {
          if (json_node_get_value_type (id) == G_TYPE_INT64)
            g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (id));
          else
            gloss_json_write_string (out, json_node_get_string (id), -1);
          g_hash_table_add (relation_ids, g_steal_pointer (&key));
        }
      else
        g_string_append_printf (out, "%" G_GINT64_FORMAT, next_relation++);
      g_string_append_printf (out, ",\"from_id\":%s,\"to_id\":%s,\"type\":", from, to);
      gloss_json_write_string (out, label, -1);
      g_string_append_c (out, '}');
    }
  for (guint i = 0; relations != NULL && i < json_array_get_length (relations); i++)
    {
      JsonNode *node = json_array_get_element (relations, i);
      JsonObject *relation = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      g_autofree char *from = relation ? id_key (json_object_get_member (relation, "from_id")) : NULL;
      g_autofree char *to = relation ? id_key (json_object_get_member (relation, "to_id")) : NULL;
      g_autofree char *text = NULL;

      if (from == NULL || to == NULL ||
          !g_hash_table_contains (ids, from) || !g_hash_table_contains (ids, to))
        {
          n_dropped++;
          continue;
        }

      /* One line: json-glib writes it without line breaks. */
      text = json_to_string (node, FALSE);
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      g_string_append (out, text);
    }
  g_string_append_c (out, ']');

  if (n_dropped > 0)
    _gloss_exporter_warn (self,
                          /* Translators: an article's name, an annotator, then a number */
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%s (%s): %u relation left out: an annotation it links is not exported",
                                       "%s (%s): %u relations left out: an annotation they link is not exported",
                                       n_dropped),
                          article->name, _gloss_export_annotator (file), n_dropped);
  if (n_notes > 0)
    _gloss_exporter_warn (self,
                          /* Translators: an article's name, an annotator id, then a number */
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%s (%s): the note of %u relation left out: doccano’s relations have none",
                                       "%s (%s): the notes of %u relations left out: doccano’s relations have none",
                                       n_notes),
                          article->name, _gloss_export_annotator (file), n_notes);
  if (n_attributes > 0)
    _gloss_exporter_warn (self,
                          /* Translators: an article's name, an annotator id, then a number */
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%s (%s): the attributes of %u annotation left out: doccano’s spans have none",
                                       "%s (%s): the attributes of %u annotations left out: doccano’s spans have none",
                                       n_attributes),
                          article->name, _gloss_export_annotator (file), n_attributes);
}

static gboolean
doccano_add (GlossExporter            *self,
             const GlossExportArticle *article,
             GError                  **error)
{
  GlossSource *source = article->source;
  g_autoptr(GlossUtf16Map) map = NULL;

  map = _gloss_exporter_utf16_map (self, source);

  for (guint f = 0; f < article->files->len; f++)
    {
      GlossAnnotationFile *file = g_ptr_array_index (article->files, f);
      GListModel *model = G_LIST_MODEL (gloss_annotation_file_get_layer (file));
      JsonArray *relations = kept_relations (file);
      gboolean linked = relations != NULL ||
                        gloss_layer_get_n_relations (gloss_annotation_file_get_layer (file)) > 0;
      guint n = linked ? 0 : g_list_model_get_n_items (model);
      GString *out = self->buffer;
      gboolean first = TRUE;
      guint n_orphans = 0;

      g_string_append (out, "{\"text\":");
      gloss_json_write_string (out, gloss_source_get_text (source),
                               gloss_source_get_n_bytes (source));
      if (linked)
        append_entities (self, article, file, map, relations, &n_orphans);
      else
        g_string_append (out, ",\"label\":[");

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GlossAnnotation) a = g_list_model_get_item (model, i);
          guint start;
          guint end;

          if (!_gloss_exporter_offsets (self, a, map, &n_orphans, &start, &end))
            continue;

          g_string_append_printf (out, "%s[%u,%u,", first ? "" : ",", start, end);
          gloss_json_write_string (out, _gloss_export_label (a), -1);
          g_string_append_c (out, ']');
          first = FALSE;
          self->n_annotations++;
        }

      if (!linked)
        g_string_append_c (out, ']');
      g_string_append (out, ",\"document\":");
      gloss_json_write_string (out, article->name, -1);
      g_string_append (out, ",\"annotator\":");
      gloss_json_write_string (out, _gloss_export_annotator (file), -1);
      g_string_append (out, "}\n");

      _gloss_exporter_warn_orphans (self, article->name, _gloss_export_annotator (file), n_orphans);
      if (!_gloss_exporter_flush (self, FALSE, error))
        return FALSE;
    }

  return TRUE;
}

const GlossExportFormatClass _gloss_export_doccano = {
  .description = N_("doccano’s JSONL: one line per article and annotator."),
  .options = GLOSS_FORMAT_OFFSET_UNIT,
  .add = doccano_add,
};
