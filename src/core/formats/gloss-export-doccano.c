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
 * only the relations whose two entities are written. */

#define G_LOG_DOMAIN "gloss-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-export-private.h"

/* The relations a doccano import kept in @file, or NULL. */
static JsonArray *
kept_relations (GlossAnnotationFile *file)
{
  JsonObject *extra = gloss_annotation_file_get_extra (file);
  JsonNode *kept = extra ? json_object_get_member (extra, GLOSS_KEY_DOCCANO) : NULL;
  JsonNode *relations;

  if (kept == NULL || !JSON_NODE_HOLDS_OBJECT (kept))
    return NULL;

  relations = json_object_get_member (json_node_get_object (kept), "relations");
  if (relations == NULL || !JSON_NODE_HOLDS_ARRAY (relations) ||
      json_array_get_length (json_node_get_array (relations)) == 0)
    return NULL;

  return json_node_get_array (relations);
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
  GString *out = self->buffer;
  gint64 next_id = 0;
  gboolean first = TRUE;
  guint n_dropped = 0;

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
      guint start;
      guint end;

      if (!_gloss_exporter_offsets (self, a, map, n_orphans, &start, &end))
        continue;

      g_string_append (out, first ? "{\"id\":" : ",{\"id\":");
      first = FALSE;
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
      g_hash_table_add (ids, g_steal_pointer (&key));

      g_string_append (out, ",\"label\":");
      gloss_json_write_string (out, _gloss_export_label (a), -1);
      g_string_append_printf (out, ",\"start_offset\":%u,\"end_offset\":%u}", start, end);
      self->n_annotations++;
    }

  g_string_append (out, "],\"relations\":[");
  first = TRUE;
  for (guint i = 0; i < json_array_get_length (relations); i++)
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
      guint n = relations ? 0 : g_list_model_get_n_items (model);
      GString *out = self->buffer;
      gboolean first = TRUE;
      guint n_orphans = 0;

      g_string_append (out, "{\"text\":");
      gloss_json_write_string (out, gloss_source_get_text (source),
                               gloss_source_get_n_bytes (source));
      if (relations != NULL)
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

      if (relations == NULL)
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
