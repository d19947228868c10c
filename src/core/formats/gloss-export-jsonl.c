/* gloss-export-jsonl.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* JSON Lines: one annotation per line, each a whole JSON object that needs
 * no other line: the CSV's fields plus the article's title and path and
 * the annotator's name.  Offsets are code points, end excluded;
 * source_location is null for plain text, and group (the id shared by the
 * pieces of a passage that brat split) null outside such passages.  The
 * line separators U+0085, U+2028 and U+2029 are escaped, as every string
 * gloss_json_write_string() writes, so that no reader splitting lines at
 * them cuts a record.
 *
 * "attributes" is an object of the annotation's attributes (a string, a
 * boolean or a number each; {} when it has none) and "relations" a list
 * of the relations that go from it, each
 *
 *   {"relation_id": ..., "type": ..., "target": ANNOTATION-ID, "target_text": ...,
 *    "note": ..., "created": ..., "modified": ...}
 *
 * so that every relation is in the record of its source, once, and a
 * record still needs no other line.  A relation whose target the tag
 * filter leaves out is left out too. */

#define G_LOG_DOMAIN "gloss-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-attribute-json.h"
#include "gloss-export-private.h"

static void
member_string (GString    *out,
               const char *key,
               const char *value,
               gboolean    first)
{
  _gloss_export_key (out, key, first);
  if (value != NULL)
    gloss_json_write_string (out, value, -1);
  else
    g_string_append (out, "null");
}

/* @attributes as one JSON object on one line. */
static void
append_attributes (GString  *out,
                   GVariant *attributes)
{
  GVariantIter iter;
  const char *key;
  GVariant *value;
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  if (attributes != NULL)
    {
      g_variant_iter_init (&iter, attributes);
      while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
        {
          _gloss_export_key (out, key, first);
          gloss_json_write_attribute_value (out, value);
          g_variant_unref (value);
          first = FALSE;
        }
    }
  g_string_append_c (out, '}');
}

/* The relations that go from @a, as a JSON list on one line. */
static void
append_relations (GlossExporter   *self,
                  GString         *out,
                  GlossLayer      *layer,
                  GlossAnnotation *a)
{
  g_autoptr(GPtrArray) from = gloss_layer_get_relations_from (layer, gloss_annotation_get_id (a));
  gboolean first = TRUE;

  g_string_append_c (out, '[');
  for (guint i = 0; from != NULL && i < from->len; i++)
    {
      GlossRelation *r = g_ptr_array_index (from, i);
      GlossAnnotation *target = gloss_layer_lookup (layer, gloss_relation_get_target (r));

      if (target == NULL || !_gloss_exporter_keeps (self, target))
        continue;
      g_string_append (out, first ? "{" : ",{");
      first = FALSE;
      member_string (out, "relation_id", gloss_relation_get_id (r), TRUE);
      member_string (out, "type", gloss_relation_get_rel_type (r), FALSE);
      member_string (out, "target", gloss_relation_get_target (r), FALSE);
      member_string (out, "target_text", gloss_annotation_get_quote (target), FALSE);
      member_string (out, "note", gloss_relation_get_note (r), FALSE);
      member_string (out, "created", gloss_relation_get_created (r), FALSE);
      member_string (out, "modified", gloss_relation_get_modified (r), FALSE);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

static void
append_line (GlossExporter       *self,
             GString             *out,
             const char          *name,
             const char          *path,
             const char          *title,
             GlossSource         *source,
             GlossAnnotationFile *file,
             GlossAnnotation     *a,
             const char          *group)
{
  GlossLayer *layer = gloss_annotation_file_get_layer (file);
  GlossTag *tag = gloss_annotation_file_lookup_tag (file, gloss_annotation_get_tag (a));
  g_autofree char *location = _gloss_export_dup_location (source, a);

  g_string_append_c (out, '{');
  member_string (out, "document", name, TRUE);
  member_string (out, "path", path, FALSE);
  member_string (out, "title", title, FALSE);
  member_string (out, "source_sha256", gloss_source_get_sha256 (source), FALSE);
  member_string (out, "annotator", gloss_layer_get_annotator_id (layer), FALSE);
  member_string (out, "annotator_name", gloss_layer_get_annotator_name (layer), FALSE);
  member_string (out, "annotation_id", gloss_annotation_get_id (a), FALSE);
  member_string (out, "tag", gloss_annotation_get_tag (a), FALSE);
  member_string (out, "tag_label",
                 tag ? gloss_tag_get_label (tag) : gloss_annotation_get_tag (a), FALSE);
  g_string_append_printf (out, ",\"start\":%u,\"end\":%u",
                          gloss_annotation_get_start (a), gloss_annotation_get_end (a));
  member_string (out, "text", gloss_annotation_get_quote (a), FALSE);
  member_string (out, "context_before", gloss_annotation_get_prefix (a), FALSE);
  member_string (out, "context_after", gloss_annotation_get_suffix (a), FALSE);
  member_string (out, "note", gloss_annotation_get_note (a), FALSE);
  member_string (out, "created", gloss_annotation_get_created (a), FALSE);
  member_string (out, "modified", gloss_annotation_get_modified (a), FALSE);
  member_string (out, "status",
                 gloss_anchor_status_to_string (gloss_annotation_get_status (a)), FALSE);
  member_string (out, "source_location", location, FALSE);
  member_string (out, "group", group, FALSE);
  _gloss_export_key (out, "attributes", FALSE);
  append_attributes (out, gloss_annotation_get_attributes (a));
  _gloss_export_key (out, "relations", FALSE);
  append_relations (self, out, layer, a);
  g_string_append (out, "}\n");
}

static gboolean
jsonl_add (GlossExporter            *self,
           const GlossExportArticle *article,
           GError                  **error)
{
  GFile *file = gloss_source_get_file (article->source);
  g_autofree char *path = file ? g_file_get_path (file) : NULL;
  const char *title = gloss_source_get_title (article->source);

  for (guint f = 0; f < article->files->len; f++)
    {
      GlossAnnotationFile *afile = g_ptr_array_index (article->files, f);
      GListModel *model = G_LIST_MODEL (gloss_annotation_file_get_layer (afile));
      guint n = g_list_model_get_n_items (model);
      g_autoptr(GHashTable) groups = _gloss_export_groups (self, article->source, afile);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GlossAnnotation) a = g_list_model_get_item (model, i);

          if (!_gloss_exporter_keeps (self, a))
            continue;

          append_line (self, self->buffer, article->name, path ? path : article->name, title,
                       article->source, afile, a, g_hash_table_lookup (groups, a));
          self->n_annotations++;
          if (!_gloss_exporter_flush (self, FALSE, error))
            return FALSE;
        }
    }

  return TRUE;
}

const GlossExportFormatClass _gloss_export_jsonl = {
  .description = N_("One JSON object per annotation and line."),
  .add = jsonl_add,
};
