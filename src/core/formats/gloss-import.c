/* gloss-import.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The importer: the input files of a folder, the importer's settings and
 * report, the reading of an input file (regular, bounded, UTF-8) and of
 * its times, where an import may read articles, and the importing of a
 * file by its format (gloss-import-NAME.c).  Its batches are in
 * gloss-import-batch.c, its plan in gloss-import-plan.c. */

#define G_LOG_DOMAIN "gloss-import"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-file-io.h"
#include "gloss-import-private.h"

static gboolean
list_inputs (const GlossFormat  *format,
             GFile              *folder,
             GPtrArray          *out,
             GCancellable       *cancellable,
             GError            **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) folders = g_ptr_array_new_with_free_func (g_object_unref);

  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                          cancellable, error);
  if (enumerator == NULL)
    return FALSE;

  for (;;)
    {
      GFileInfo *info;
      const char *name;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, cancellable, error))
        return FALSE;
      if (info == NULL)
        break;

      name = g_file_info_get_name (info);
      if (name[0] == '.')
        continue;
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        g_ptr_array_add (folders, g_file_get_child (folder, name));
      else if (gloss_format_accepts_name (format, name))
        g_ptr_array_add (out, g_file_get_child (folder, name));
    }

  for (guint i = 0; i < folders->len; i++)
    if (!list_inputs (format, g_ptr_array_index (folders, i), out, cancellable, error))
      return FALSE;

  return TRUE;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *pa = g_file_get_path (*(GFile **)a);
  g_autofree char *pb = g_file_get_path (*(GFile **)b);

  return g_strcmp0 (pa, pb);
}

GPtrArray *
gloss_import_list_inputs (const GlossFormat  *format,
                          GFile              *folder,
                          GCancellable       *cancellable,
                          GError            **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (format != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  if (!list_inputs (format, folder, out, cancellable, error))
    return NULL;

  g_ptr_array_sort (out, compare_paths);
  return g_steal_pointer (&out);
}

/* The importer --------------------------------------------------------- */

GlossImporter *
gloss_importer_new (const GlossFormat *format)
{
  GlossImporter *self;

  g_return_val_if_fail (format != NULL && format->import_class != NULL, NULL);

  self = g_new0 (GlossImporter, 1);
  self->format = format;
  self->offset_unit = gloss_format_get_default_offset_unit (format);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pending_order = g_ptr_array_new_with_free_func ((GDestroyNotify)_gloss_import_batch_free);
  self->notes = g_ptr_array_new_with_free_func (g_free);

  return self;
}

void
gloss_importer_free (GlossImporter *self)
{
  if (self == NULL)
    return;

  g_free (self->annotator);
  g_clear_object (&self->output_folder);
  g_clear_object (&self->article);
  g_clear_object (&self->cancellable);
  g_free (self->default_tag);
  g_hash_table_unref (self->pending);
  g_ptr_array_unref (self->pending_order);
  g_ptr_array_unref (self->notes);
  g_free (self);
}

void
gloss_importer_set_annotator (GlossImporter *self,
                              const char    *annotator_id)
{
  g_return_if_fail (self != NULL);

  g_free (self->annotator);
  self->annotator = g_strdup (annotator_id);
}

void
gloss_importer_set_output_folder (GlossImporter *self,
                                  GFile         *folder)
{
  g_return_if_fail (self != NULL);
  g_set_object (&self->output_folder, folder);
}

void
gloss_importer_set_article (GlossImporter *self,
                            GFile         *article)
{
  g_return_if_fail (self != NULL);
  g_set_object (&self->article, article);
}

void
gloss_importer_set_default_tag (GlossImporter *self,
                                const char    *tag)
{
  g_return_if_fail (self != NULL);

  g_free (self->default_tag);
  self->default_tag = g_strdup (tag);
}

void
gloss_importer_set_offset_unit (GlossImporter   *self,
                                GlossOffsetUnit  unit)
{
  g_return_if_fail (self != NULL);
  self->offset_unit = unit;
}

void
gloss_importer_set_overwrite (GlossImporter *self,
                              gboolean       overwrite)
{
  g_return_if_fail (self != NULL);
  self->overwrite = !!overwrite;
}

guint
gloss_importer_get_n_articles (GlossImporter *self)
{
  return self->n_articles;
}

guint
gloss_importer_get_n_annotations (GlossImporter *self)
{
  return self->n_annotations;
}

guint
gloss_importer_get_n_kept (GlossImporter *self)
{
  return self->n_kept;
}

GPtrArray *
gloss_importer_get_notes (GlossImporter *self)
{
  return self->notes;
}

void
_gloss_import_problem (GString    *problems,
                       const char *display,
                       guint       line,
                       const char *format,
                       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (problems->len > 0)
    g_string_append_c (problems, '\n');
  if (line > 0)
    g_string_append_printf (problems, "%s:%u: %s", display, line, message);
  else
    g_string_append_printf (problems, "%s: %s", display, message);
}

void
_gloss_importer_note (GlossImporter *self,
                      const char    *format,
                      ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (self->notes, g_strdup_vprintf (format, args));
  va_end (args);
}

char *
_gloss_importer_annotator (GlossImporter *self,
                           const char    *suggested)
{
  g_autofree char *slug = NULL;

  if (self->annotator != NULL)
    return g_strdup (self->annotator);

  if (suggested != NULL)
    slug = gloss_slugify (suggested);
  if (slug != NULL && strlen (slug) <= 64)
    return g_steal_pointer (&slug);

  return g_strdup (self->format->id);
}

gboolean
_gloss_import_lies_inside (GFile *folder,
                           GFile *file)
{
  g_autofree char *folder_path = g_file_get_path (folder);
  g_autofree char *file_path = g_file_get_path (file);
  g_autofree char *real_folder = NULL;
  g_autofree char *real_file = NULL;
  gsize n;

  if (folder_path == NULL || file_path == NULL)
    return FALSE;

  /* Only names are looked at (realpath() reads links, never opens a
   * file), so that a file refused here is never opened.  A file that
   * does not exist is judged by its name: reading it fails anyway. */
  real_folder = realpath (folder_path, NULL);
  if (real_folder == NULL)
    real_folder = g_canonicalize_filename (folder_path, NULL);

  real_file = realpath (file_path, NULL);
  if (real_file == NULL)
    {
      g_autofree char *name = NULL;
      g_autofree char *dir = NULL;
      g_autofree char *base = NULL;
      g_autofree char *real_dir = NULL;

      if (errno != ENOENT)
        return FALSE;

      /* The links of the folders on its way count all the same. */
      name = g_canonicalize_filename (file_path, NULL);
      dir = g_path_get_dirname (name);
      base = g_path_get_basename (name);
      real_dir = realpath (dir, NULL);
      real_file = real_dir ? g_build_filename (real_dir, base, NULL) : g_steal_pointer (&name);
    }

  n = strlen (real_folder);
  if (n > 0 && real_folder[n - 1] == '/')
    n--;

  return strncmp (real_file, real_folder, n) == 0 && real_file[n] == '/' && real_file[n + 1] != '\0';
}

static gboolean
read_input (GFile         *input,
            GCancellable  *cancellable,
            gboolean       check_utf8,
            char         **data,
            gsize         *length,
            gsize         *skip,
            GError       **error)
{
  g_autofree char *display = g_file_get_parse_name (input);
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size;

  if (!gloss_file_read_regular (input, GLOSS_IMPORT_MAX_SIZE, cancellable, &contents, &size,
                                &local_error))
    {
      if (g_error_matches (local_error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE))
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                     /* Translators: a file name */
                     _("“%s” is larger than 256 MiB, more than Gloss imports"), display);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (check_utf8 && !g_utf8_validate_len (contents, size, NULL))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_TEXT,
                   /* Translators: a file name */
                   _("“%s” is not UTF-8 text"), display);
      return FALSE;
    }

  *skip = size >= 3 && memcmp (contents, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  *data = g_steal_pointer (&contents);
  *length = size;
  return TRUE;
}

gboolean
_gloss_import_read_input (GFile         *input,
                          GCancellable  *cancellable,
                          char         **data,
                          gsize         *length,
                          gsize         *skip,
                          GError       **error)
{
  return read_input (input, cancellable, TRUE, data, length, skip, error);
}

gboolean
_gloss_import_read_json_input (GFile         *input,
                               GCancellable  *cancellable,
                               char         **data,
                               gsize         *length,
                               gsize         *skip,
                               GError       **error)
{
  return read_input (input, cancellable, FALSE, data, length, skip, error);
}

/* Whether @iso is a time as Gloss writes it, YYYY-MM-DDTHH:MM:SSZ, and a
 * real one.  Most files write their times so; a file of 100,000
 * annotations has hundreds of thousands of them, and a GDateTime for each
 * would cost more than the rest of reading them. */
static gboolean
is_canonical_time (const char *iso)
{
  /* Each field's first digit and its length. */
  static const guint8 fields[][2] = { { 0, 4 }, { 5, 2 }, { 8, 2 }, { 11, 2 }, { 14, 2 }, { 17, 2 } };
  guint value[G_N_ELEMENTS (fields)] = { 0 };
  gboolean canonical = TRUE;

  if (strlen (iso) != 20 || iso[4] != '-' || iso[7] != '-' || iso[10] != 'T' ||
      iso[13] != ':' || iso[16] != ':' || iso[19] != 'Z')
    return FALSE;

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    for (guint i = fields[f][0]; i < (guint)fields[f][0] + fields[f][1]; i++)
      {
        canonical &= g_ascii_isdigit (iso[i]);
        value[f] = value[f] * 10 + (iso[i] - '0');
      }

  return canonical && value[0] >= 1 && value[1] >= 1 && value[1] <= 12 && value[2] >= 1 &&
         value[2] <= g_date_get_days_in_month ((GDateMonth)value[1], (GDateYear)value[0]) &&
         value[3] <= 23 && value[4] <= 59 && value[5] <= 59;
}

/* @iso read as a time, in UTC, or NULL. */
static GDateTime *
parse_time (const char *iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (iso, utc);

  return time != NULL ? g_date_time_to_utc (time) : NULL;
}

char *
_gloss_import_timestamp (const char *iso)
{
  g_autoptr(GDateTime) in_utc = NULL;

  if (iso == NULL)
    return NULL;
  if (is_canonical_time (iso))
    return g_strdup (iso);

  in_utc = parse_time (iso);
  return in_utc != NULL ? g_date_time_format (in_utc, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

gboolean
_gloss_import_is_timestamp (const char *iso)
{
  g_autoptr(GDateTime) in_utc = NULL;

  if (iso == NULL)
    return FALSE;
  if (is_canonical_time (iso))
    return TRUE;

  in_utc = parse_time (iso);
  return in_utc != NULL;
}

gboolean
gloss_importer_import_file (GlossImporter  *self,
                            GFile          *input,
                            GCancellable   *cancellable,
                            GError        **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (input), FALSE);

  g_set_object (&self->cancellable, cancellable);

  ok = self->format->import_class->import_file (self, input, problems);
  if (!ok || problems->len > 0)
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, problems->str);
      return FALSE;
    }

  return TRUE;
}

gboolean
gloss_importer_finish (GlossImporter  *self,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (self != NULL, FALSE);

  g_set_object (&self->cancellable, cancellable);

  /* Each input was checked as it was read, its destinations too; they
   * are checked again, all before any is written. */
  for (guint i = 0; i < self->pending_order->len; i++)
    {
      GlossImportBatch *batch = g_ptr_array_index (self->pending_order, i);
      g_autoptr(GError) local_error = NULL;
      GlossAnnotationFile *file = _gloss_importer_prepare_batch (self, batch, &local_error);

      if (file == NULL)
        {
          if (problems->len > 0)
            g_string_append_c (problems, '\n');
          g_string_append (problems, local_error->message);
        }
      else
        g_ptr_array_add (files, file);
    }

  for (guint i = 0; problems->len == 0 && i < files->len; i++)
    {
      GlossImportBatch *batch = g_ptr_array_index (self->pending_order, i);
      g_autoptr(GError) local_error = NULL;

      if (!gloss_annotation_file_save (g_ptr_array_index (files, i),
                                       self->overwrite ? GLOSS_SAVE_OVERWRITE : GLOSS_SAVE_NONE,
                                       self->cancellable, &local_error))
        {
          if (problems->len > 0)
            g_string_append_c (problems, '\n');
          g_string_append (problems, local_error->message);
          continue;
        }
      self->n_articles++;
      self->n_annotations += batch->annotations->len;
      for (guint k = 0; k < batch->notes->len; k++)
        g_ptr_array_add (self->notes, g_strdup (g_ptr_array_index (batch->notes, k)));
    }

  g_hash_table_remove_all (self->pending);
  _gloss_import_batches_free (g_steal_pointer (&self->pending_order));
  self->pending_order = g_ptr_array_new_with_free_func ((GDestroyNotify)_gloss_import_batch_free);

  if (problems->len > 0)
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_FAILED, problems->str);
      return FALSE;
    }

  return TRUE;
}
