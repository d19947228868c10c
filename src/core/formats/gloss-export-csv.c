/* gloss-export-csv.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* CSV as RFC 4180 writes it: UTF-8, a header row, records ended by CRLF,
 * and a field in double quotes (its quotes doubled) when it holds a
 * comma, a quote or a line break.  Offsets are code points, end excluded,
 * as everywhere in Gloss; the text and its context are the article's own,
 * line breaks included.  The last column, source_location, says where the
 * annotation is in the original file of an HTML or XML article (see
 * _gloss_export_dup_location()); it is empty for plain text.  group is
 * the id shared by the rows of one passage that brat split into pieces
 * (a discontinuous T line), empty for the others.  New columns go at the
 * end, so that scripts reading columns by position keep working. */

#define G_LOG_DOMAIN "gloss-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-export-private.h"

static const char header[] =
  "document,source_sha256,annotator,annotation_id,tag,tag_label,start,end,text,"
  "context_before,context_after,note,created,modified,status,source_location,group\r\n";

/* Appends @value as one CSV field.  With @safe, a value a spreadsheet
 * would run as a formula gets a leading apostrophe, which spreadsheets
 * show as text: the OWASP advice for CSV injection. */
void
gloss_csv_append_field (GString    *out,
                        const char *value,
                        gboolean    safe)
{
  gboolean guard, quote;

  if (value == NULL)
    value = "";

  guard = safe && value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL;
  quote = strpbrk (value, ",\"\r\n") != NULL;

  if (!quote && !guard)
    {
      g_string_append (out, value);
      return;
    }

  if (quote)
    g_string_append_c (out, '"');
  if (guard)
    g_string_append_c (out, '\'');

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }

  if (quote)
    g_string_append_c (out, '"');
}

static gboolean
csv_begin (GlossExporter  *self,
           GError        **error)
{
  g_string_append (self->buffer, header);
  return TRUE;
}

static void
append_row (GlossExporter            *self,
            const GlossExportArticle *article,
            GlossAnnotationFile      *file,
            GlossAnnotation          *a,
            const char               *group)
{
  GString *out = self->buffer;
  gboolean safe = self->spreadsheet_safe;
  GlossTag *tag = gloss_annotation_file_lookup_tag (file, gloss_annotation_get_tag (a));
  g_autofree char *location = _gloss_export_dup_location (article->source, a);

  gloss_csv_append_field (out, article->name, safe);
  g_string_append_c (out, ',');
  g_string_append (out, gloss_source_get_sha256 (article->source));
  g_string_append_c (out, ',');
  gloss_csv_append_field (out, _gloss_export_annotator (file), safe);
  g_string_append_c (out, ',');
  gloss_csv_append_field (out, gloss_annotation_get_id (a), safe);
  g_string_append_c (out, ',');
  gloss_csv_append_field (out, gloss_annotation_get_tag (a), safe);
  g_string_append_c (out, ',');
  gloss_csv_append_field (out, tag ? gloss_tag_get_label (tag) : gloss_annotation_get_tag (a), safe);
  g_string_append_printf (out, ",%u,%u,",
                          gloss_annotation_get_start (a), gloss_annotation_get_end (a));
  gloss_csv_append_field (out, gloss_annotation_get_quote (a), safe);
  g_string_append_c (out, ',');
  gloss_csv_append_field (out, gloss_annotation_get_prefix (a), safe);
  g_string_append_c (out, ',');
  gloss_csv_append_field (out, gloss_annotation_get_suffix (a), safe);
  g_string_append_c (out, ',');
  gloss_csv_append_field (out, gloss_annotation_get_note (a), safe);
  g_string_append_c (out, ',');
  gloss_csv_append_field (out, gloss_annotation_get_created (a), safe);
  g_string_append_c (out, ',');
  gloss_csv_append_field (out, gloss_annotation_get_modified (a), safe);
  g_string_append_c (out, ',');
  g_string_append (out, gloss_anchor_status_to_string (gloss_annotation_get_status (a)));
  g_string_append_c (out, ',');
  gloss_csv_append_field (out, location, safe);
  g_string_append_c (out, ',');
  if (group != NULL)
    g_string_append (out, group);
  g_string_append (out, "\r\n");
}

static gboolean
csv_add (GlossExporter            *self,
         const GlossExportArticle *article,
         GError                  **error)
{
  for (guint f = 0; f < article->files->len; f++)
    {
      GlossAnnotationFile *file = g_ptr_array_index (article->files, f);
      GListModel *model = G_LIST_MODEL (gloss_annotation_file_get_layer (file));
      guint n = g_list_model_get_n_items (model);
      g_autoptr(GHashTable) groups = _gloss_export_groups (self, article->source, file);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GlossAnnotation) a = g_list_model_get_item (model, i);

          if (!_gloss_exporter_keeps (self, a))
            continue;

          append_row (self, article, file, a, g_hash_table_lookup (groups, a));
          self->n_annotations++;
          if (!_gloss_exporter_flush (self, FALSE, error))
            return FALSE;
        }
    }

  return TRUE;
}

const GlossExportFormatClass _gloss_export_csv = {
  .description = N_("One row per annotation, with a header; spreadsheets open it."),
  .options = GLOSS_FORMAT_SPREADSHEET_SAFE,
  .begin = csv_begin,
  .add = csv_add,
};
