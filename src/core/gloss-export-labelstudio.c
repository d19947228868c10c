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
 * Each region has the annotation's id, value.start and value.end in
 * UTF-16 code units as Label Studio counts them (code points on request),
 * value.text (the quote) and value.labels; a note is a per-region
 * "textarea" result with the same id.  task.meta.annotators names the
 * annotator of each entry, in order.  Orphaned annotations are left out
 * and reported. */

#define G_LOG_DOMAIN "gloss-export"

#include "config.h"

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

static void
append_results (GlossExporter       *self,
                GlossAnnotationFile *file,
                GlossUtf16Map       *map,
                const char          *name)
{
  GListModel *model = G_LIST_MODEL (gloss_annotation_file_get_layer (file));
  guint n = g_list_model_get_n_items (model);
  GString *out = self->buffer;
  gboolean first = TRUE;
  guint n_orphans = 0;

  g_string_append (out, "{\"result\":[");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (model, i);
      guint start;
      guint end;

      if (!_gloss_exporter_offsets (self, a, map, &n_orphans, &start, &end))
        continue;

      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      g_string_append (out, "\n    ");
      append_region_start (out, gloss_annotation_get_id (a), "label", "labels", start, end);
      g_string_append (out, ",\"text\":");
      gloss_json_write_string (out, gloss_annotation_get_quote (a), -1);
      g_string_append (out, ",\"labels\":[");
      gloss_json_write_string (out, _gloss_export_label (a), -1);
      g_string_append (out, "]}}");

      if (gloss_annotation_has_note (a))
        {
          g_string_append (out, ",\n    ");
          append_region_start (out, gloss_annotation_get_id (a), "note", "textarea", start, end);
          g_string_append (out, ",\"text\":[");
          gloss_json_write_string (out, gloss_annotation_get_note (a), -1);
          g_string_append (out, "]}}");
        }
      self->n_annotations++;
    }
  g_string_append (out, "]}");

  _gloss_exporter_warn_orphans (self, name, _gloss_export_annotator (file), n_orphans);
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
  .begin = labelstudio_begin,
  .add = labelstudio_add,
  .finish = labelstudio_finish,
  .free_state = labelstudio_free_state,
};
