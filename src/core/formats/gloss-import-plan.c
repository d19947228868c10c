/* gloss-import-plan.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-import"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "gloss-annotation-private.h"
#include "gloss-corpus.h"
#include "gloss-error.h"
#include "gloss-file-io.h"
#include "gloss-import-private.h"
#include "gloss-source-private.h"

/* An import is planned first, then written: every record and every
 * destination is checked before the first file is written, and what a
 * failed write had written is removed. */

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

static GlossCodebook *
codebook_for (GlossImportBatch  *batch,
              GFile             *article,
              GError           **error)
{
  g_autoptr(GlossCodebook) base = NULL;
  g_autoptr(GlossCodebook) codebook = NULL;
  g_autofree gpointer *tags = NULL;
  guint n_tags;

  base = gloss_codebook_new_for_article (article, error);
  if (base == NULL)
    return NULL;
  codebook = gloss_codebook_copy (base);

  /* New tags in a stable order: sorted by id. */
  tags = g_hash_table_get_keys_as_array (batch->labels, &n_tags);
  for (guint i = 1; i < n_tags; i++)
    for (guint j = i; j > 0 && strcmp (tags[j - 1], tags[j]) > 0; j--)
      {
        gpointer swap = tags[j - 1];

        tags[j - 1] = tags[j];
        tags[j] = swap;
      }

  for (guint i = 0; i < n_tags; i++)
    {
      const char *id = tags[i];
      const char *color = g_hash_table_lookup (batch->colors, id);
      g_autoptr(GlossTag) tag = NULL;

      if (gloss_codebook_lookup (codebook, id) != NULL)
        continue;
      if (color == NULL || !gloss_tag_color_is_valid (color))
        color = gloss_codebook_suggest_color (codebook);

      tag = gloss_tag_new (id, g_hash_table_lookup (batch->labels, id), color, NULL);
      gloss_codebook_add (codebook, tag);
    }

  /* Relation types and attributes the codebook lacks, the same way. */
  g_clear_pointer (&tags, g_free);
  tags = g_hash_table_get_keys_as_array (batch->relation_types, &n_tags);
  qsort (tags, n_tags, sizeof (gpointer), compare_ids);
  for (guint i = 0; i < n_tags; i++)
    {
      g_autoptr(GlossRelationType) type = NULL;

      if (gloss_codebook_lookup_relation_type (codebook, tags[i]) != NULL)
        continue;
      type = gloss_relation_type_new (tags[i], g_hash_table_lookup (batch->relation_types, tags[i]),
                                      gloss_codebook_suggest_color (codebook), NULL, NULL, TRUE);
      gloss_codebook_add_relation_type (codebook, type);
    }
  for (guint i = 0; i < batch->attribute_defs->len; i++)
    {
      GlossAttributeDef *def = g_ptr_array_index (batch->attribute_defs, i);

      if (gloss_codebook_lookup_attribute (codebook, gloss_attribute_def_get_id (def)) == NULL)
        gloss_codebook_add_attribute (codebook, def);
    }

  return g_steal_pointer (&codebook);
}

gboolean
_gloss_importer_check_destination (GlossImporter  *self,
                                   GFile          *article,
                                   const char     *annotator,
                                   GError        **error)
{
  g_autoptr(GFile) path = gloss_annotation_file_path_for (article, annotator);
  g_autoptr(GlossCodebook) codebook = NULL;

  if (!self->overwrite &&
      g_file_query_file_type (path, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, self->cancellable) !=
      G_FILE_TYPE_UNKNOWN)
    {
      g_autofree char *display = g_file_get_parse_name (path);

      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_FAILED,
                   /* Translators: an annotation file's name */
                   _("“%s” exists already and was left as it is; allow overwriting to replace it"),
                   display);
      return FALSE;
    }

  codebook = gloss_codebook_new_for_article (article, error);
  return codebook != NULL;
}

/* Makes the annotation file of @batch, checked but not saved. */
GlossAnnotationFile *
_gloss_importer_prepare_batch (GlossImporter     *self,
                               GlossImportBatch  *batch,
                               GError           **error)
{
  GFile *article = gloss_source_get_file (batch->source);
  g_autoptr(GlossCodebook) codebook = NULL;
  GlossAnnotationFile *file;

  g_return_val_if_fail (article != NULL, NULL);

  if (!_gloss_importer_check_destination (self, article, batch->annotator, error))
    return NULL;

  codebook = codebook_for (batch, article, error);
  if (codebook == NULL)
    return NULL;

  file = gloss_annotation_file_new (batch->source, batch->annotator,
                                    batch->annotator_name ? batch->annotator_name
                                                          : batch->annotator);
  gloss_annotation_file_set_codebook (file, codebook);
  gloss_layer_replace_all (gloss_annotation_file_get_layer (file), batch->annotations);
  if (batch->relations->len > 0)
    gloss_layer_replace_relations (gloss_annotation_file_get_layer (file), batch->relations);
  gloss_annotation_file_set_extra (file, batch->extra);

  return file;
}

/* Plans ---------------------------------------------------------------- */

typedef struct
{
  GFile *file;
  GFile *folder;
  char *text;
  gsize length;
  gboolean exists;          /* with this very text: nothing to write */
} PlannedText;

static void
planned_text_free (gpointer data)
{
  PlannedText *planned = data;

  g_object_unref (planned->file);
  g_object_unref (planned->folder);
  g_free (planned->text);
  g_free (planned);
}

struct _GlossImportPlan
{
  GPtrArray *texts;         /* PlannedText */
  GPtrArray *batches;       /* GlossImportBatch */
  GPtrArray *notes;
  guint n_kept;
};

GlossImportPlan *
_gloss_import_plan_new (void)
{
  GlossImportPlan *plan = g_new0 (GlossImportPlan, 1);

  plan->texts = g_ptr_array_new_with_free_func (planned_text_free);
  plan->batches = g_ptr_array_new_with_free_func ((GDestroyNotify)_gloss_import_batch_free);
  plan->notes = g_ptr_array_new_with_free_func (g_free);

  return plan;
}

/* Batches of more annotations and relations than this, all told, are
 * freed in a thread of their own. */
#define FREE_IN_THREAD_MIN 10000

static void
free_batches_func (gpointer data,
                   gpointer user_data)
{
  g_ptr_array_unref (data);
}

void
_gloss_import_batches_free (GPtrArray *batches)
{
  static GThreadPool *pool = NULL;
  guint n_items = 0;

  if (batches == NULL)
    return;

  for (guint i = 0; i < batches->len; i++)
    {
      GlossImportBatch *batch = g_ptr_array_index (batches, i);

      n_items += batch->annotations->len + batch->relations->len;
    }

  /* The objects of a large import took a tenth of its time to free: a
   * thread frees them while the import goes on and reports.  What the
   * batches share with the rest of the import (their article and its
   * codebook) is let go of here. */
  if (n_items < FREE_IN_THREAD_MIN)
    {
      g_ptr_array_unref (batches);
      return;
    }
  for (guint i = 0; i < batches->len; i++)
    {
      GlossImportBatch *batch = g_ptr_array_index (batches, i);

      g_clear_object (&batch->source);
      g_clear_object (&batch->codebook);
    }
  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (free_batches_func, NULL, 1, FALSE, NULL));
  g_thread_pool_push (pool, batches, NULL);
}

void
_gloss_import_plan_free (GlossImportPlan *plan)
{
  if (plan == NULL)
    return;

  g_ptr_array_unref (plan->texts);
  _gloss_import_batches_free (plan->batches);
  g_ptr_array_unref (plan->notes);
  g_free (plan);
}

void
_gloss_import_plan_add_batch (GlossImportPlan  *plan,
                              GlossImportBatch *batch)
{
  g_ptr_array_add (plan->batches, batch);
}

void
_gloss_import_plan_note (GlossImportPlan *plan,
                         guint            n_kept,
                         const char      *format,
                         ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (plan->notes, g_strdup_vprintf (format, args));
  va_end (args);
  plan->n_kept += n_kept;
}

GlossSource *
_gloss_importer_plan_text (GlossImporter    *self,
                           GlossImportPlan  *plan,
                           GFile            *input,
                           guint             index,
                           const char       *text,
                           gsize             length,
                           GError          **error)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *base = g_file_get_basename (input);
  g_autofree char *name = NULL;
  g_autofree char *display = NULL;
  gboolean exists = FALSE;
  PlannedText *planned;
  char *dot;

  folder = self->output_folder ? g_object_ref (self->output_folder) : g_file_get_parent (input);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';
  name = g_strdup_printf ("%s-%04u.txt", base, index);
  file = g_file_get_child (folder, name);
  display = g_file_get_parse_name (file);

  if (length > GLOSS_SOURCE_DEFAULT_MAX_SIZE)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                   /* Translators: a text file's name, then a number */
                   _("the text for “%s” is larger than the %u MiB Gloss opens"),
                   display, (guint)(GLOSS_SOURCE_DEFAULT_MAX_SIZE / (1024 * 1024)));
      return NULL;
    }

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, self->cancellable) !=
      G_FILE_TYPE_UNKNOWN)
    {
      g_autoptr(GFile) target = NULL;
      g_autofree char *existing = NULL;
      gsize existing_length;

      /* A link leading out of the folder is not taken as the text, even
       * when it holds the same: the annotation file would describe a
       * file elsewhere. */
      target = gloss_file_resolve_confined (file, folder, error);
      if (target == NULL)
        return NULL;
      if (!gloss_file_read_regular (file, GLOSS_SOURCE_DEFAULT_MAX_SIZE, self->cancellable,
                                    &existing, &existing_length, error))
        return NULL;
      if (existing_length != length || memcmp (existing, text, length) != 0)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_FAILED,
                       /* Translators: a text file's name */
                       _("“%s” exists already with another text; import into another folder"),
                       display);
          return NULL;
        }
      exists = TRUE;
    }

  planned = g_new0 (PlannedText, 1);
  planned->file = g_object_ref (file);
  planned->folder = g_object_ref (folder);
  planned->text = g_strndup (text, length);
  planned->length = length;
  planned->exists = exists;
  g_ptr_array_add (plan->texts, planned);

  /* The article as it will be read from the file once written. */
  return _gloss_source_new_from_contents (file, g_strndup (text, length), length, error);
}

/* Removes what a plan wrote, newest first. */
static void
roll_back (GPtrArray *written)
{
  for (guint i = written->len; i > 0; i--)
    g_file_delete (g_ptr_array_index (written, i - 1), NULL, NULL);
}

gboolean
_gloss_importer_run_plan (GlossImporter    *self,
                          GlossImportPlan  *plan,
                          const char       *display,
                          GString          *problems)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;
  guint n_annotations = 0;

  /* Every destination first: one that cannot be written stops the input
   * before anything is written. */
  for (guint i = 0; i < plan->batches->len; i++)
    {
      GlossImportBatch *batch = g_ptr_array_index (plan->batches, i);
      GlossAnnotationFile *file = _gloss_importer_prepare_batch (self, batch, &error);
      g_autofree char *path = NULL;

      if (file == NULL)
        {
          _gloss_import_problem (problems, display, batch->line, "%s", error->message);
          g_clear_error (&error);
          ok = FALSE;
          continue;
        }

      g_ptr_array_add (files, file);
      path = g_file_get_path (gloss_annotation_file_get_file (file));
      if (path != NULL && !g_hash_table_add (paths, g_steal_pointer (&path)))
        {
          g_autofree char *name = g_file_get_parse_name (gloss_annotation_file_get_file (file));

          _gloss_import_problem (problems, display, batch->line,
                                 /* Translators: an annotation file's name */
                                 _("“%s” would be written twice: two records have the same "
                                   "article and annotator"),
                                 name);
          ok = FALSE;
        }
    }
  if (!ok)
    return FALSE;

  for (guint i = 0; i < plan->texts->len && ok; i++)
    {
      PlannedText *planned = g_ptr_array_index (plan->texts, i);

      if (planned->exists)
        continue;

      if (!g_file_make_directory_with_parents (planned->folder, self->cancellable, &error) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_autofree char *folder = g_file_get_parse_name (planned->folder);

          _gloss_import_problem (problems, display, 0,
                                 /* Translators: a folder name, then why it failed */
                                 _("Could not create the folder “%s”: %s"), folder, error->message);
          g_clear_error (&error);
          ok = FALSE;
          break;
        }
      g_clear_error (&error);

      /* Never over a file that appeared since it was checked. */
      if (!gloss_file_write_atomic (planned->file, planned->folder, planned->text, planned->length,
                                    GLOSS_WRITE_MUST_NOT_EXIST, self->cancellable, &error))
        {
          _gloss_import_problem (problems, display, 0, "%s", error->message);
          g_clear_error (&error);
          ok = FALSE;
          break;
        }
      g_ptr_array_add (written, g_object_ref (planned->file));
    }

  for (guint i = 0; i < files->len && ok; i++)
    {
      GlossAnnotationFile *file = g_ptr_array_index (files, i);
      GlossImportBatch *batch = g_ptr_array_index (plan->batches, i);
      GFile *path = gloss_annotation_file_get_file (file);
      gboolean existed = g_file_query_exists (path, NULL);

      if (!gloss_annotation_file_save (file, self->overwrite ? GLOSS_SAVE_OVERWRITE : GLOSS_SAVE_NONE,
                                       self->cancellable, &error))
        {
          _gloss_import_problem (problems, display, batch->line, "%s", error->message);
          g_clear_error (&error);
          ok = FALSE;
          break;
        }
      /* A file replaced on purpose stays replaced; a new one goes with
       * the rest when a later write fails. */
      if (!existed)
        g_ptr_array_add (written, g_object_ref (path));
      n_annotations += batch->annotations->len;
    }

  if (!ok)
    {
      roll_back (written);
      return FALSE;
    }

  self->n_articles += files->len;
  self->n_annotations += n_annotations;
  self->n_kept += plan->n_kept;
  for (guint i = 0; i < plan->notes->len; i++)
    g_ptr_array_add (self->notes, g_strdup (g_ptr_array_index (plan->notes, i)));
  /* Then what each batch left out, with its file and line. */
  for (guint b = 0; b < plan->batches->len; b++)
    {
      GlossImportBatch *batch = g_ptr_array_index (plan->batches, b);

      for (guint i = 0; i < batch->notes->len; i++)
        g_ptr_array_add (self->notes, g_strdup (g_ptr_array_index (batch->notes, i)));
    }

  return TRUE;
}
