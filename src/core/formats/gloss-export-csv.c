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
 * byte-order mark of a file that has one.
 *
 * After those columns, one per attribute of the codebook of the first
 * article exported, named "attr_" and the attribute's id (its '-' made
 * '_', so that pandas and DuckDB give it a plain name): a choice's value
 * id, true or false, a number in the C locale, or text; empty when the
 * annotation has none.  An attribute another article's codebook adds has
 * no column, which the export reports.
 *
 * The relations go to NAME.relations.csv beside NAME.csv, with the same
 * conventions: one row per relation whose two ends are exported, with
 * its id, type, the id, text and tag of its source and of its target, its
 * note, document, annotator and times.  It is written only when there is
 * a relation to write, and not when the export goes to a stream (the
 * export says so). */

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

static const char * const relation_columns[] = {
  "relation_id", "type", "type_label", "source_id", "source_text", "source_tag", "target_id",
  "target_text", "target_tag", "note", "document", "annotator", "created", "modified",
};

/* What the exporter keeps while it writes a CSV. */
typedef struct
{
  char separator;
  gboolean safe;
  gboolean header_written;
  GPtrArray *attributes;        /* ids of the attribute columns */
  GHashTable *missing;          /* attribute ids met without a column */
  GlossAtomicWriter *relations; /* NAME.relations.csv, once a relation is met */
  GFile *relations_file;
  GString *relations_buffer;
  guint n_relations;
  gboolean relations_lost;      /* met while writing to a stream */
} CsvState;

static void
csv_free_state (gpointer data)
{
  CsvState *state = data;

  g_clear_pointer (&state->attributes, g_ptr_array_unref);
  g_clear_pointer (&state->missing, g_hash_table_unref);
  g_clear_pointer (&state->relations, gloss_atomic_writer_free);
  g_clear_object (&state->relations_file);
  if (state->relations_buffer != NULL)
    g_string_free (state->relations_buffer, TRUE);
  g_free (state);
}

/* "attr_" and @id with its '-' made '_'. */
static char *
attribute_column (const char *id)
{
  char *column = g_strconcat ("attr_", id, NULL);

  g_strdelimit (column, "-", '_');
  return column;
}

/* The header, with a column per attribute of @codebook (may be NULL). */
static void
write_header (GlossExporter *self,
              GlossCodebook *codebook)
{
  CsvState *state = self->state;

  state->attributes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; codebook != NULL && i < gloss_codebook_get_n_attributes (codebook); i++)
    g_ptr_array_add (state->attributes,
                     g_strdup (gloss_attribute_def_get_id (gloss_codebook_get_attribute (codebook, i))));

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      if (i > 0)
        g_string_append_c (self->buffer, state->separator);
      g_string_append (self->buffer, columns[i]);
    }
  for (guint i = 0; i < state->attributes->len; i++)
    {
      g_autofree char *column = attribute_column (g_ptr_array_index (state->attributes, i));

      g_string_append_c (self->buffer, state->separator);
      gloss_csv_append_cell (self->buffer, column, state->separator, FALSE);
    }
  g_string_append (self->buffer, "\r\n");
  state->header_written = TRUE;
}

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

  state->missing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (self->excel)
    g_string_append (self->buffer, BYTE_ORDER_MARK);
  /* The header waits for the first article's codebook. */
  return TRUE;
}

static void
append_attribute_cells (CsvState        *state,
                        GString         *out,
                        GlossAnnotation *a)
{
  GVariant *attributes = gloss_annotation_get_attributes (a);
  GVariantIter iter;
  const char *key;
  GVariant *value;

  for (guint i = 0; i < state->attributes->len; i++)
    {
      g_autoptr(GVariant) v = attributes ? gloss_annotation_dup_attribute (a, g_ptr_array_index (state->attributes, i))
                                         : NULL;
      g_autofree char *text = v ? gloss_attribute_value_to_string (v) : NULL;

      g_string_append_c (out, state->separator);
      gloss_csv_append_cell (out, text, state->separator, state->safe);
    }

  if (attributes == NULL)
    return;
  g_variant_iter_init (&iter, attributes);
  while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
    {
      gboolean found = FALSE;

      for (guint i = 0; i < state->attributes->len && !found; i++)
        found = strcmp (g_ptr_array_index (state->attributes, i), key) == 0;
      if (!found && !g_hash_table_contains (state->missing, key))
        g_hash_table_add (state->missing, g_strdup (key));
      g_variant_unref (value);
    }
}

/* Opens NAME.relations.csv beside the destination, with its header;
 * FALSE when the export has no file to put it beside. */
static gboolean
open_relations (GlossExporter  *self,
                GError        **error)
{
  CsvState *state = self->state;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) parent = NULL;

  if (state->relations != NULL)
    return TRUE;
  if (self->destination == NULL)
    {
      state->relations_lost = TRUE;
      return TRUE;
    }

  base = g_file_get_basename (self->destination);
  if (g_str_has_suffix (base, ".csv"))
    base[strlen (base) - 4] = '\0';
  name = g_strconcat (base, ".relations.csv", NULL);
  parent = g_file_get_parent (self->destination);
  state->relations_file = g_file_get_child (parent, name);
  if (!_gloss_exporter_check_not_input (self, state->relations_file, error))
    return FALSE;
  state->relations = gloss_atomic_writer_new (state->relations_file, NULL, GLOSS_WRITE_NONE,
                                              self->cancellable, error);
  if (state->relations == NULL)
    return FALSE;

  state->relations_buffer = g_string_new (NULL);
  if (self->excel)
    g_string_append (state->relations_buffer, BYTE_ORDER_MARK);
  for (guint i = 0; i < G_N_ELEMENTS (relation_columns); i++)
    {
      if (i > 0)
        g_string_append_c (state->relations_buffer, state->separator);
      g_string_append (state->relations_buffer, relation_columns[i]);
    }
  g_string_append (state->relations_buffer, "\r\n");
  return TRUE;
}

static gboolean
flush_relations (GlossExporter  *self,
                 gboolean        force,
                 GError        **error)
{
  CsvState *state = self->state;

  if (state->relations == NULL || state->relations_buffer->len == 0 ||
      (!force && state->relations_buffer->len < 256 * 1024))
    return TRUE;
  if (!g_output_stream_write_all (gloss_atomic_writer_get_stream (state->relations),
                                  state->relations_buffer->str, state->relations_buffer->len,
                                  NULL, self->cancellable, error))
    return FALSE;
  g_string_truncate (state->relations_buffer, 0);
  return TRUE;
}

/* The rows of @file's relations whose two ends are exported. */
static gboolean
append_relations (GlossExporter            *self,
                  const GlossExportArticle *article,
                  GlossAnnotationFile      *file,
                  GError                  **error)
{
  CsvState *state = self->state;
  GlossLayer *layer = gloss_annotation_file_get_layer (file);
  GlossCodebook *codebook = gloss_annotation_file_get_codebook (file);
  guint n = gloss_layer_get_n_relations (layer);
  char sep = state->separator;
  gboolean safe = state->safe;

  if (n == 0)
    return TRUE;
  if (!open_relations (self, error))
    return FALSE;
  if (state->relations == NULL)
    return TRUE;

  for (guint i = 0; i < n; i++)
    {
      GlossRelation *r = gloss_layer_get_relation (layer, i);
      GlossAnnotation *from = gloss_layer_lookup (layer, gloss_relation_get_source (r));
      GlossAnnotation *to = gloss_layer_lookup (layer, gloss_relation_get_target (r));
      GlossRelationType *type = codebook ? gloss_codebook_lookup_relation_type (codebook, gloss_relation_get_rel_type (r))
                                         : NULL;
      GString *out = state->relations_buffer;

      if (from == NULL || to == NULL || !_gloss_exporter_keeps (self, from) ||
          !_gloss_exporter_keeps (self, to))
        continue;

      {
        const char *cells[] = {
          gloss_relation_get_id (r), gloss_relation_get_rel_type (r),
          type ? gloss_relation_type_get_label (type) : gloss_relation_get_rel_type (r),
          gloss_relation_get_source (r), gloss_annotation_get_quote (from), gloss_annotation_get_tag (from),
          gloss_relation_get_target (r), gloss_annotation_get_quote (to), gloss_annotation_get_tag (to),
          gloss_relation_get_note (r), article->name, _gloss_export_annotator (file),
          gloss_relation_get_created (r), gloss_relation_get_modified (r),
        };

        for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
          {
            if (c > 0)
              g_string_append_c (out, sep);
            gloss_csv_append_cell (out, cells[c], sep, safe);
          }
        g_string_append (out, "\r\n");
        state->n_relations++;
      }
    }

  return flush_relations (self, FALSE, error);
}

static gboolean
csv_finish (GlossExporter  *self,
            GError        **error)
{
  CsvState *state = self->state;
  g_autofree gpointer *missing = NULL;
  guint n_missing = 0;

  if (!state->header_written)
    write_header (self, NULL);
  if (state->relations != NULL &&
      (!flush_relations (self, TRUE, error) ||
       !gloss_atomic_writer_commit (state->relations, self->cancellable, error)))
    return FALSE;
  if (state->relations_lost)
    _gloss_exporter_warn (self, "%s",
                          _("The relations were not exported: they go to a file beside the CSV, "
                            "and this export writes to a stream"));

  missing = g_hash_table_get_keys_as_array (state->missing, &n_missing);
  for (guint i = 0; i < n_missing; i++)
    _gloss_exporter_warn (self,
                          /* Translators: an attribute id */
                          _("The attribute “%s” has no column: the codebook of the first article does not define it"),
                          (const char *)missing[i]);
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
  append_attribute_cells (state, out, a);
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
      CsvState *state = self->state;

      if (!state->header_written)
        write_header (self, gloss_annotation_file_get_codebook (file));
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
      if (!append_relations (self, article, file, error))
        return FALSE;
    }

  return TRUE;
}

const GlossExportFormatClass _gloss_export_csv = {
  .description = N_("One row per annotation, with a header; spreadsheets open it."),
  .options = GLOSS_FORMAT_SPREADSHEET_SAFE | GLOSS_FORMAT_EXCEL,
  .begin = csv_begin,
  .add = csv_add,
  .finish = csv_finish,
  .free_state = csv_free_state,
};
