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
 * and counts offsets in UTF-16 code units, so they are converted unless
 * code points are asked for.  Orphaned annotations are left out (and
 * reported): their offsets no longer point at their text. */

#define G_LOG_DOMAIN "gloss-export"

#include "config.h"

#include "gloss-export-private.h"

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
      guint n = g_list_model_get_n_items (model);
      GString *out = self->buffer;
      gboolean first = TRUE;
      guint n_orphans = 0;

      g_string_append (out, "{\"text\":");
      gloss_json_write_string (out, gloss_source_get_text (source),
                               gloss_source_get_n_bytes (source));
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

      g_string_append (out, "],\"document\":");
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
  .add = doccano_add,
};
