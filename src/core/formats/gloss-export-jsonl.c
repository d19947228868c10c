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
 * them cuts a record. */

#define G_LOG_DOMAIN "gloss-export"

#include "config.h"

#include <glib/gi18n-lib.h>

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

static void
append_line (GString             *out,
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

          append_line (self->buffer, article->name, path ? path : article->name, title,
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
