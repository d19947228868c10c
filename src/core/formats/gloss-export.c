/* gloss-export.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gloss-corpus.h"
#include "gloss-error.h"
#include "gloss-export-private.h"
#include "gloss-file-io.h"

/* The buffer is written out past this size, so that memory stays flat
 * however many articles go through. */
#define FLUSH_THRESHOLD (256 * 1024)

/* TRUE when @format writes only a folder; FALSE when it may write one
 * file, and then in *@may_be_folder whether it may write a folder too. */
static gboolean
writes_folder (const GlossFormat *format,
               gboolean          *may_be_folder)
{
  GlossFormatOptions options = gloss_format_get_options (format, GLOSS_FORMAT_EXPORT);

  if (may_be_folder != NULL)
    *may_be_folder = (options & (GLOSS_FORMAT_FOLDER_ONLY | GLOSS_FORMAT_FILE_OR_FOLDER)) != 0;
  return (options & GLOSS_FORMAT_FOLDER_ONLY) != 0;
}

GlossExporter *
gloss_exporter_new (const GlossFormat *format)
{
  GlossExporter *self;

  g_return_val_if_fail (format != NULL && format->export_class != NULL, NULL);

  self = g_new0 (GlossExporter, 1);
  self->format = format;
  self->klass = format->export_class;
  self->offset_unit = gloss_format_get_default_offset_unit (format);
  self->scheme = GLOSS_SCHEME_IOB2;
  self->buffer = g_string_sized_new (FLUSH_THRESHOLD + 64 * 1024);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->inputs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return self;
}

void
gloss_exporter_free (GlossExporter *self)
{
  if (self == NULL)
    return;

  if (self->state != NULL && self->klass->free_state != NULL)
    self->klass->free_state (self->state);

  /* A file that was not finished is left as it was: the writer removes
   * its temporary file, which never took the destination's place. */
  g_clear_pointer (&self->writer, gloss_atomic_writer_free);
  g_clear_object (&self->stream);
  g_clear_object (&self->destination);
  g_clear_pointer (&self->inputs, g_hash_table_unref);
  g_clear_object (&self->folder);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->annotators, g_hash_table_unref);
  g_clear_pointer (&self->tags, g_hash_table_unref);
  g_clear_pointer (&self->columns, g_strfreev);
  g_string_free (self->buffer, TRUE);
  g_ptr_array_unref (self->warnings);
  g_free (self);
}

const GlossFormat *
gloss_exporter_get_format (GlossExporter *self)
{
  return self->format;
}

static GHashTable *
make_set (const char * const *ids)
{
  GHashTable *set;

  if (ids == NULL || ids[0] == NULL)
    return NULL;

  set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; ids[i] != NULL; i++)
    g_hash_table_add (set, g_strdup (ids[i]));

  return set;
}

void
gloss_exporter_set_annotators (GlossExporter      *self,
                               const char * const *annotators)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->annotators, g_hash_table_unref);
  self->annotators = make_set (annotators);
}

void
gloss_exporter_set_tags (GlossExporter      *self,
                         const char * const *tags)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->tags, g_hash_table_unref);
  self->tags = make_set (tags);
}

void
gloss_exporter_set_spreadsheet_safe (GlossExporter *self,
                                     gboolean       safe)
{
  g_return_if_fail (self != NULL);
  self->spreadsheet_safe = !!safe;
}

void
gloss_exporter_set_annotator_columns (GlossExporter      *self,
                                      const char * const *annotators)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->opened);

  g_clear_pointer (&self->columns, g_strfreev);
  if (annotators == NULL || annotators[0] == NULL)
    return;

  self->columns = g_strdupv ((char **)annotators);
  gloss_exporter_set_annotators (self, annotators);
}

void
gloss_exporter_set_excel (GlossExporter *self,
                          gboolean       excel)
{
  g_return_if_fail (self != NULL);
  self->excel = !!excel;
}

void
gloss_exporter_set_offset_unit (GlossExporter   *self,
                                GlossOffsetUnit  unit)
{
  g_return_if_fail (self != NULL);
  self->offset_unit = unit;
}

void
gloss_exporter_set_scheme (GlossExporter  *self,
                           GlossIobScheme  scheme)
{
  g_return_if_fail (self != NULL);
  self->scheme = scheme;
}

/* Remembers @file as one the export reads, which it must never write. */
static void
protect (GlossExporter *self,
         GFile         *file)
{
  char *identity = file ? gloss_file_get_identity (file) : NULL;

  if (identity != NULL)
    g_hash_table_add (self->inputs, identity);
}

gboolean
_gloss_exporter_check_not_input (GlossExporter  *self,
                                 GFile          *file,
                                 GError        **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *identity = gloss_file_get_identity (file);
  g_autofree char *display = NULL;

  if ((name == NULL || !g_str_has_suffix (name, GLOSS_ANNOTATION_FILE_SUFFIX)) &&
      (identity == NULL || !g_hash_table_contains (self->inputs, identity)))
    return TRUE;

  display = g_file_get_parse_name (file);
  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSAFE_PATH,
               /* Translators: a file name */
               _("“%s” is an article or an annotation file: the export will not "
                 "replace it. Choose another name."),
               display);
  return FALSE;
}

static gboolean
begin (GlossExporter  *self,
       GError        **error)
{
  self->opened = TRUE;
  if (self->klass->begin != NULL && !self->klass->begin (self, error))
    {
      self->failed = TRUE;
      return FALSE;
    }

  return TRUE;
}

gboolean
gloss_exporter_open_file (GlossExporter  *self,
                          GFile          *destination,
                          gboolean        as_folder,
                          GCancellable   *cancellable,
                          GError        **error)
{
  gboolean may_be_folder;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);
  g_return_val_if_fail (!self->opened, FALSE);

  g_set_object (&self->cancellable, cancellable);

  if (writes_folder (self->format, &may_be_folder))
    as_folder = TRUE;
  if (as_folder && !may_be_folder)
    {
      g_autofree char *display = g_file_get_parse_name (destination);

      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_USAGE,
                   /* Translators: a folder name, then a format name such as "csv" */
                   _("“%s” is a folder; the %s format writes one file"),
                   display, self->format->id);
      return FALSE;
    }

  if (as_folder)
    {
      g_autoptr(GError) local_error = NULL;

      if (!g_file_make_directory_with_parents (destination, cancellable, &local_error) &&
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_autofree char *display = g_file_get_parse_name (destination);

          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_FAILED,
                       /* Translators: a folder name, then why it failed */
                       _("Could not create the folder “%s”: %s"), display, local_error->message);
          return FALSE;
        }
      self->folder = g_object_ref (destination);
    }
  else
    {
      /* An export never takes the place of an annotation file, whatever
       * the caller checked; of an article it reads, it learns only as the
       * articles come, and checks again before finishing. */
      if (!_gloss_exporter_check_not_input (self, destination, error))
        return FALSE;

      /* Written beside the destination and renamed over it once
       * finished: the old file stays whole until then, and a link is
       * followed only within its own folder. */
      self->writer = gloss_atomic_writer_new (destination, NULL, GLOSS_WRITE_NONE, cancellable, error);
      if (self->writer == NULL)
        return FALSE;
      self->stream = g_object_ref (gloss_atomic_writer_get_stream (self->writer));
      self->destination = g_object_ref (destination);
    }

  return begin (self, error);
}

gboolean
gloss_exporter_open_stream (GlossExporter  *self,
                            GOutputStream  *stream,
                            GError        **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (!self->opened, FALSE);

  if (writes_folder (self->format, NULL))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_USAGE,
                   /* Translators: a format name such as "brat" */
                   _("The %s format writes a folder; give one as the destination"),
                   self->format->id);
      return FALSE;
    }

  self->stream = g_object_ref (stream);

  return begin (self, error);
}

gboolean
_gloss_exporter_flush (GlossExporter  *self,
                       gboolean        force,
                       GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  if (self->stream == NULL || self->buffer->len == 0)
    return TRUE;
  if (!force && self->buffer->len < FLUSH_THRESHOLD)
    return TRUE;

  if (!g_output_stream_write_all (self->stream, self->buffer->str, self->buffer->len,
                                  NULL, self->cancellable, &local_error))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_FAILED,
                   /* Translators: why writing failed */
                   _("Could not write the export: %s"), local_error->message);
      return FALSE;
    }

  g_string_truncate (self->buffer, 0);
  return TRUE;
}

/* TRUE when @path is relative and never goes up. */
static gboolean
path_stays_inside (const char *path)
{
  g_auto(GStrv) parts = NULL;

  if (path == NULL || path[0] == '\0' || g_path_is_absolute (path))
    return FALSE;

  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (strcmp (parts[i], "..") == 0)
      return FALSE;

  return TRUE;
}

gboolean
_gloss_exporter_write_file (GlossExporter  *self,
                            const char     *relative_path,
                            const char     *data,
                            gsize           length,
                            GError        **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GError) local_error = NULL;

  g_assert (self->folder != NULL);

  if (!path_stays_inside (relative_path))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSAFE_PATH,
                   /* Translators: a file name */
                   _("“%s” would be written outside the destination folder"), relative_path);
      return FALSE;
    }

  file = g_file_resolve_relative_path (self->folder, relative_path);
  if (!_gloss_exporter_check_not_input (self, file, error))
    return FALSE;
  parent = g_file_get_parent (file);
  if (!g_file_make_directory_with_parents (parent, self->cancellable, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_autofree char *display = g_file_get_parse_name (parent);

      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_FAILED,
                   _("Could not create the folder “%s”: %s"), display, local_error->message);
      return FALSE;
    }
  g_clear_error (&local_error);

  /* Atomic, and confined to the destination folder: a link there that
   * leads elsewhere is refused rather than followed. */
  return gloss_file_write_atomic (file, self->folder, data, length, GLOSS_WRITE_NONE,
                                  self->cancellable, error);
}

gboolean
_gloss_exporter_keeps (GlossExporter   *self,
                       GlossAnnotation *annotation)
{
  const char *tag = gloss_annotation_get_tag (annotation);

  /* A consensus file's rejection records are decisions, not passages. */
  if (g_str_equal (tag, GLOSS_CONSENSUS_REJECTED_TAG))
    return FALSE;
  return self->tags == NULL || g_hash_table_contains (self->tags, tag);
}

GlossUtf16Map *
_gloss_exporter_utf16_map (GlossExporter *self,
                           GlossSource   *source)
{
  if (self->offset_unit != GLOSS_OFFSETS_UTF16)
    return NULL;

  return gloss_utf16_map_new (gloss_source_get_text (source), gloss_source_get_n_bytes (source));
}

gboolean
_gloss_exporter_offsets (GlossExporter   *self,
                         GlossAnnotation *annotation,
                         GlossUtf16Map   *map,
                         guint           *n_orphans,
                         guint           *start,
                         guint           *end)
{
  if (!_gloss_exporter_keeps (self, annotation))
    return FALSE;
  if (gloss_annotation_get_status (annotation) == GLOSS_ANCHOR_ORPHANED)
    {
      (*n_orphans)++;
      return FALSE;
    }

  *start = gloss_annotation_get_start (annotation);
  *end = gloss_annotation_get_end (annotation);
  if (map != NULL)
    {
      *start = gloss_utf16_map_to_utf16 (map, *start);
      *end = gloss_utf16_map_to_utf16 (map, *end);
    }

  return TRUE;
}

void
_gloss_exporter_warn (GlossExporter *self,
                      const char    *format,
                      ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (self->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

void
_gloss_exporter_warn_orphans (GlossExporter *self,
                              const char    *name,
                              const char    *annotator,
                              guint          n_orphans)
{
  if (n_orphans == 0)
    return;

  _gloss_exporter_warn (self,
                        /* Translators: an article's name, an annotator id, then a
                         * number, then a format name such as "brat" */
                        g_dngettext (GETTEXT_PACKAGE,
                                     "%s (%s): %u orphaned annotation left out: its text is no longer in the article, and %s needs offsets",
                                     "%s (%s): %u orphaned annotations left out: their text is no longer in the article, and %s needs offsets",
                                     n_orphans),
                        name, annotator, n_orphans, self->format->id);
}

void
_gloss_exporter_warn_relations_cut (GlossExporter *self,
                                    const char    *name,
                                    const char    *annotator,
                                    guint          n_cut)
{
  if (n_cut == 0)
    return;

  _gloss_exporter_warn (self,
                        /* Translators: an article's name, an annotator id, then a number */
                        g_dngettext (GETTEXT_PACKAGE,
                                     "%s (%s): %u relation left out: an end of it is not exported",
                                     "%s (%s): %u relations left out: an end of each is not exported",
                                     n_cut),
                        name, annotator, n_cut);
}

const char *
_gloss_export_label (GlossAnnotation *annotation)
{
  const char *tag = gloss_annotation_get_tag (annotation);
  const char *label = _gloss_extra_get_string (gloss_annotation_get_extra (annotation),
                                               GLOSS_KEY_LABEL);
  g_autofree char *slug = NULL;

  if (label == NULL || strcmp (label, tag) == 0)
    return tag;

  /* A tag changed in Gloss since the import no longer has that label. */
  slug = _gloss_label_to_tag (label);
  return g_strcmp0 (slug, tag) == 0 ? label : tag;
}

const char *
_gloss_export_relation_label (GlossRelation *relation)
{
  const char *type = gloss_relation_get_rel_type (relation);
  const char *label = _gloss_extra_get_string (gloss_relation_get_extra (relation), GLOSS_KEY_LABEL);
  g_autofree char *as_tag = label ? _gloss_label_to_tag (label) : NULL;

  return as_tag != NULL && strcmp (as_tag, type) == 0 ? label : type;
}

const char *
_gloss_export_label_word (GlossAnnotation *annotation)
{
  const char *label = _gloss_export_label (annotation);

  for (const char *p = label; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || (guchar)*p < 0x20)
      return gloss_annotation_get_tag (annotation);

  return label;
}

const char *
_gloss_export_annotator (GlossAnnotationFile *file)
{
  return gloss_layer_get_annotator_id (gloss_annotation_file_get_layer (file));
}

gboolean
gloss_exporter_add_files (GlossExporter  *self,
                          GlossSource    *source,
                          const char     *name,
                          GPtrArray      *annotation_files,
                          GError        **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  GlossExportArticle article = { source, name, files };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (GLOSS_IS_SOURCE (source), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (annotation_files != NULL, FALSE);
  g_return_val_if_fail (self->opened && !self->finished, FALSE);

  if (self->failed)
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_FAILED,
                           _("The export stopped after an error writing its destination"));
      return FALSE;
    }

  protect (self, gloss_source_get_file (source));
  for (guint i = 0; i < annotation_files->len; i++)
    protect (self, gloss_annotation_file_get_file (g_ptr_array_index (annotation_files, i)));

  for (guint i = 0; i < annotation_files->len; i++)
    {
      GlossAnnotationFile *file = g_ptr_array_index (annotation_files, i);

      if (self->annotators == NULL ||
          g_hash_table_contains (self->annotators, _gloss_export_annotator (file)))
        g_ptr_array_add (files, file);
    }

  /* Nothing of this article is wanted: it is not written at all. */
  if (files->len == 0)
    return TRUE;

  if (!self->klass->add (self, &article, error) || !_gloss_exporter_flush (self, FALSE, error))
    {
      self->failed = TRUE;
      return FALSE;
    }

  self->n_articles++;
  return TRUE;
}

gboolean
gloss_exporter_add_article (GlossExporter  *self,
                            GFile          *article,
                            const char     *name,
                            GPtrArray      *annotation_files,
                            GCancellable   *cancellable,
                            GError        **error)
{
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (article), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  protect (self, article);

  /* As the window and gloss-cli read it: a web page or an XML article
   * is its extracted text, which the annotations' offsets count in. */
  source = gloss_corpus_read_article (article, cancellable, error);
  if (source == NULL)
    return FALSE;

  if (annotation_files != NULL)
    candidates = g_ptr_array_ref (annotation_files);
  else
    candidates = gloss_annotation_file_list_for (article, cancellable, error);
  if (candidates == NULL)
    return FALSE;

  files = gloss_corpus_open_annotation_files (article, source, candidates, self->annotators,
                                              problems, self->cancellable);
  if (!gloss_exporter_add_files (self, source, name, files, error))
    return FALSE;

  if (problems->len > 0)
    {
      g_autofree char *messages = NULL;

      g_ptr_array_add (problems, NULL);
      messages = g_strjoinv ("\n", (char **) problems->pdata);
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_FAILED, messages);
      return FALSE;
    }

  return TRUE;
}

gboolean
gloss_exporter_finish (GlossExporter  *self,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->opened && !self->finished, FALSE);

  if (self->failed)
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_FAILED,
                           _("The export stopped after an error writing its destination"));
      return FALSE;
    }

  if (self->klass->finish != NULL && !self->klass->finish (self, error))
    return FALSE;
  if (!_gloss_exporter_flush (self, TRUE, error))
    return FALSE;

  if (self->writer != NULL)
    {
      /* Nothing has replaced the destination yet: an article met on the
       * way is still whole, and stays so. */
      if (!_gloss_exporter_check_not_input (self, self->destination, error) ||
          !gloss_atomic_writer_commit (self->writer, cancellable, error))
        {
          self->failed = TRUE;
          g_clear_pointer (&self->writer, gloss_atomic_writer_free);
          return FALSE;
        }
    }
  else if (self->stream != NULL &&
           !g_output_stream_flush (self->stream, cancellable, &local_error))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_FAILED,
                   _("Could not write the export: %s"), local_error->message);
      return FALSE;
    }

  self->finished = TRUE;
  return TRUE;
}

gboolean
gloss_exporter_has_failed (GlossExporter *self)
{
  return self->failed;
}

guint
gloss_exporter_get_n_articles (GlossExporter *self)
{
  return self->n_articles;
}

guint
gloss_exporter_get_n_annotations (GlossExporter *self)
{
  return self->n_annotations;
}

GPtrArray *
gloss_exporter_get_warnings (GlossExporter *self)
{
  return self->warnings;
}
