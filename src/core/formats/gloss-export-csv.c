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
 * end, so that scripts reading columns by position keep working.
 *
 * For spreadsheets (gloss_exporter_set_excel()), the same columns start
 * after a UTF-8 byte-order mark, which Excel needs to read UTF-8 rather
 * than the system's code page, and cells are separated by ';' where the
 * locale writes decimals with a comma: Excel and LibreOffice then split a
 * double-clicked CSV at the list separator of the user's settings, ';',
 * and would put every row in one cell.  No "sep=" line: Excel ignores the
 * byte-order mark of a file that has one. */

#define G_LOG_DOMAIN "gloss-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <string.h>

#include "gloss-export-private.h"

static const char * const columns[] = {
  "document", "source_sha256", "annotator", "annotation_id", "tag", "tag_label", "start", "end",
  "text", "context_before", "context_after", "note", "created", "modified", "status",
  "source_location", "group",
};

#define BYTE_ORDER_MARK "\xef\xbb\xbf"

/* What the exporter keeps while it writes a CSV. */
typedef struct
{
  char separator;
  gboolean safe;
} CsvState;

/* Appends @value as one CSV field.  With @safe, a value a spreadsheet
 * would run as a formula gets a leading apostrophe, which spreadsheets
 * show as text: the OWASP advice for CSV injection. */
void
gloss_csv_append_field (GString    *out,
                        const char *value,
                        gboolean    safe)
{
  gloss_csv_append_cell (out, value, ',', safe);
}

void
gloss_csv_append_cell (GString    *out,
                       const char *value,
                       char        separator,
                       gboolean    safe)
{
  const char special[] = { separator, '"', '\r', '\n', '\0' };
  gboolean guard, quote;

  if (value == NULL)
    value = "";

  guard = safe && value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL;
  quote = strpbrk (value, special) != NULL;

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

/* The separator of cells for spreadsheets in the current locale: ';'
 * where decimals are written with a comma, which a spreadsheet would
 * otherwise take for the end of a cell. */
static char
locale_separator (void)
{
  const char *radix = nl_langinfo (RADIXCHAR);

  return radix != NULL && strcmp (radix, ",") == 0 ? ';' : ',';
}

static gboolean
csv_begin (GlossExporter  *self,
           GError        **error)
{
  CsvState *state = g_new0 (CsvState, 1);

  state->separator = self->excel ? locale_separator () : ',';
  state->safe = self->spreadsheet_safe || self->excel;
  self->state = state;

  if (self->excel)
    g_string_append (self->buffer, BYTE_ORDER_MARK);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      if (i > 0)
        g_string_append_c (self->buffer, state->separator);
      g_string_append (self->buffer, columns[i]);
    }
  g_string_append (self->buffer, "\r\n");
  return TRUE;
}

static void
append_row (GlossExporter            *self,
            const GlossExportArticle *article,
            GlossAnnotationFile      *file,
            GlossAnnotation          *a,
            const char               *group)
{
  CsvState *state = self->state;
  GString *out = self->buffer;
  char sep = state->separator;
  gboolean safe = state->safe;
  GlossTag *tag = gloss_annotation_file_lookup_tag (file, gloss_annotation_get_tag (a));
  g_autofree char *location = _gloss_export_dup_location (article->source, a);
  const char *texts[] = {
    gloss_annotation_get_quote (a), gloss_annotation_get_prefix (a), gloss_annotation_get_suffix (a),
    gloss_annotation_get_note (a), gloss_annotation_get_created (a), gloss_annotation_get_modified (a),
  };

  gloss_csv_append_cell (out, article->name, sep, safe);
  g_string_append_c (out, sep);
  g_string_append (out, gloss_source_get_sha256 (article->source));
  g_string_append_c (out, sep);
  gloss_csv_append_cell (out, _gloss_export_annotator (file), sep, safe);
  g_string_append_c (out, sep);
  gloss_csv_append_cell (out, gloss_annotation_get_id (a), sep, safe);
  g_string_append_c (out, sep);
  gloss_csv_append_cell (out, gloss_annotation_get_tag (a), sep, safe);
  g_string_append_c (out, sep);
  gloss_csv_append_cell (out, tag ? gloss_tag_get_label (tag) : gloss_annotation_get_tag (a), sep, safe);
  g_string_append_printf (out, "%c%u%c%u",
                          sep, gloss_annotation_get_start (a), sep, gloss_annotation_get_end (a));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_string_append_c (out, sep);
      gloss_csv_append_cell (out, texts[i], sep, safe);
    }
  g_string_append_c (out, sep);
  g_string_append (out, gloss_anchor_status_to_string (gloss_annotation_get_status (a)));
  g_string_append_c (out, sep);
  gloss_csv_append_cell (out, location, sep, safe);
  g_string_append_c (out, sep);
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
  .options = GLOSS_FORMAT_SPREADSHEET_SAFE | GLOSS_FORMAT_EXCEL,
  .begin = csv_begin,
  .add = csv_add,
  .free_state = g_free,
};
