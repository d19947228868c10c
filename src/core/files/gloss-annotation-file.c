/* gloss-annotation-file.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-annotation-file"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-anchor.h"
#include "gloss-annotation-file-private.h"
#include "gloss-annotation-private.h"
#include "gloss-error.h"
#include "gloss-file-io.h"
#include "gloss-layer-private.h"

/* The object: loading a file, with its checks against the article, and
 * anchoring its annotations in the article's current text. */

G_DEFINE_FINAL_TYPE (GlossAnnotationFile, gloss_annotation_file, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_LAYER,
  PROP_SOURCE,
  PROP_READ_ONLY,
  PROP_DONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gloss_annotation_file_finalize (GObject *object)
{
  GlossAnnotationFile *self = (GlossAnnotationFile *)object;

  g_clear_object (&self->file);
  g_clear_object (&self->layer);
  g_clear_object (&self->source);
  g_clear_object (&self->codebook);
  _gloss_source_info_clear (&self->info);
  g_clear_pointer (&self->annotator_extra, json_object_unref);
  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_pointer (&self->file_tags, g_hash_table_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_annotation_file_parent_class)->finalize (object);
}

static void
gloss_annotation_file_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  GlossAnnotationFile *self = GLOSS_ANNOTATION_FILE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_LAYER:
      g_value_set_object (value, self->layer);
      break;

    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    case PROP_DONE:
      g_value_set_boolean (value, gloss_annotation_file_get_done (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_annotation_file_class_init (GlossAnnotationFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gloss_annotation_file_finalize;
  object_class->get_property = gloss_annotation_file_get_property;

  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, flags);
  properties[PROP_LAYER] = g_param_spec_object ("layer", NULL, NULL, GLOSS_TYPE_LAYER, flags);
  properties[PROP_SOURCE] = g_param_spec_object ("source", NULL, NULL, GLOSS_TYPE_SOURCE, flags);
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE, flags);
  /* Whether the annotator marked the article done (gloss_annotation_file_set_done). */
  properties[PROP_DONE] = g_param_spec_boolean ("done", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_annotation_file_init (GlossAnnotationFile *self)
{
  self->file_tags = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->problems = g_ptr_array_new_with_free_func (g_free);
  self->format_version = GLOSS_FORMAT_VERSION;
}

void
_gloss_annotation_file_notify_done (GlossAnnotationFile *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
}

static void
set_read_only (GlossAnnotationFile *self,
               gboolean             read_only)
{
  if (self->read_only == read_only)
    return;

  self->read_only = read_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

static void
info_from_source (GlossSourceInfo *info,
                  GlossSource     *source)
{
  JsonObject *extra = g_steal_pointer (&info->extra);

  _gloss_source_info_clear (info);
  info->extra = extra;
  info->path = g_strdup (gloss_source_get_name (source));
  info->sha256 = g_strdup (gloss_source_get_sha256 (source));
  info->text_sha256 = g_strdup (gloss_source_get_text_sha256 (source));
  info->encoding = g_strdup (gloss_source_get_encoding (source));
  info->media_type = g_strdup (gloss_source_get_media_type (source));
  info->reader = g_strdup (gloss_source_get_reader (source));
  info->length = gloss_source_get_length (source);
}

GlossAnnotationFile *
gloss_annotation_file_new (GlossSource *source,
                           const char  *annotator_id,
                           const char  *annotator_name)
{
  GlossAnnotationFile *self;
  GFile *article;

  g_return_val_if_fail (GLOSS_IS_SOURCE (source), NULL);
  g_return_val_if_fail (annotator_id != NULL, NULL);

  article = gloss_source_get_file (source);
  g_return_val_if_fail (article != NULL, NULL);

  self = g_object_new (GLOSS_TYPE_ANNOTATION_FILE, NULL);
  self->file = gloss_annotation_file_path_for (article, annotator_id);
  self->source = g_object_ref (source);
  self->layer = gloss_layer_new (annotator_id, annotator_name);
  gloss_layer_set_source (self->layer, source);
  info_from_source (&self->info, source);
  gloss_history_set_clean (gloss_layer_get_history (self->layer));

  return self;
}

GlossAnnotationFile *
gloss_annotation_file_load_from_data (GFile          *file,
                                      const char     *data,
                                      gsize           length,
                                      GlossLoadFlags  flags,
                                      GError        **error)
{
  g_autoptr(GlossAnnotationFile) self = NULL;
  g_autofree char *display = NULL;
  GlossFileContent content = { 0 };

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  display = g_file_get_parse_name (file);

  if (length > GLOSS_ANNOTATION_FILE_MAX_SIZE)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                   _("“%s” is larger than the %d MiB an annotation file may have"),
                   display, GLOSS_ANNOTATION_FILE_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!_gloss_file_content_parse (&content, display, data, length, flags, error))
    {
      /* A newer format that this version could not read is reported as
       * such, since that is what the user can act on. */
      if (content.format_version > GLOSS_FORMAT_VERSION && error && *error &&
          (*error)->code != GLOSS_ERROR_NEWER_VERSION)
        {
          g_clear_error (error);
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NEWER_VERSION,
                       _("“%s” was written by a newer Gloss (format %u) and cannot be read by this version"),
                       display, content.format_version);
        }
      _gloss_file_content_clear (&content);
      return NULL;
    }

  self = g_object_new (GLOSS_TYPE_ANNOTATION_FILE, NULL);
  self->file = g_object_ref (file);
  self->format_version = content.format_version;
  self->info = content.source;
  memset (&content.source, 0, sizeof content.source);
  self->annotator_extra = g_steal_pointer (&content.annotator_extra);
  self->extra = g_steal_pointer (&content.extra);
  self->layer = gloss_layer_new (content.annotator_id, content.annotator_name);

  for (guint i = 0; i < content.tags->len; i++)
    {
      GlossTag *tag = g_ptr_array_index (content.tags, i);

      g_hash_table_replace (self->file_tags, (gpointer)gloss_tag_get_id (tag), g_object_ref (tag));
    }

  gloss_layer_replace_relations (self->layer, content.relations);
  self->n_merged = gloss_layer_replace_all (self->layer, content.annotations);
  _gloss_layer_index_relations (self->layer);
  _gloss_annotation_file_report_merged (self);
  self->relations_reported = FALSE;
  gloss_history_set_clean (gloss_layer_get_history (self->layer));
  self->on_disk = TRUE;
  self->disk_fingerprint = _gloss_annotation_file_fingerprint (data, length);
  self->read_only = self->format_version > GLOSS_FORMAT_VERSION;

  _gloss_file_content_clear (&content);
  return g_steal_pointer (&self);
}

GlossAnnotationFile *
gloss_annotation_file_load (GFile          *file,
                            GlossLoadFlags  flags,
                            GCancellable   *cancellable,
                            GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* Opened without blocking and read within the limit, whatever size the
   * file claims: a FIFO or a device in place of an annotation file is
   * refused, never waited on or read without end. */
  if (!gloss_file_read_regular (file, GLOSS_ANNOTATION_FILE_MAX_SIZE, cancellable,
                                &contents, &length, &local_error))
    {
      g_autofree char *display = g_file_get_parse_name (file);

      if (g_error_matches (local_error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE))
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                     _("“%s” is larger than the %d MiB an annotation file may have"),
                     display, GLOSS_ANNOTATION_FILE_MAX_SIZE / (1024 * 1024));
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY) ||
               (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE) &&
                g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                     _("“%s” is a folder, not an annotation file"), display);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return gloss_annotation_file_load_from_data (file, contents, length, flags, error);
}

GlossAnnotationFile *
gloss_annotation_file_open (GFile          *file,
                            GlossLoadFlags  flags,
                            GCancellable   *cancellable,
                            GError        **error)
{
  g_autoptr(GlossAnnotationFile) self = NULL;
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GlossCodebook) codebook = NULL;
  g_autoptr(GFile) article = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = gloss_annotation_file_load (file, flags, cancellable, error);
  if (self == NULL)
    return NULL;

  article = gloss_annotation_file_get_article_file (self);
  source = gloss_source_new_from_article (article, 0, cancellable, &local_error);
  if (source == NULL)
    {
      g_autofree char *display = g_file_get_parse_name (file);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                     _("The article “%s” of “%s” is missing: it must be in the same folder"),
                     self->info.path, display);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  codebook = gloss_codebook_new_for_article (article, error);
  if (codebook == NULL)
    return NULL;
  gloss_annotation_file_set_codebook (self, codebook);

  if (!gloss_annotation_file_attach_source (self, source, error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
add_problem (GlossAnnotationFile *self,
             char                *problem)
{
  g_ptr_array_add (self->problems, problem);
}

/* Finds @annotation in the new text; returns TRUE when it changed. */
static gboolean
reanchor (GlossAnnotationFile *self,
          GlossAnnotation     *annotation,
          GlossSource         *source)
{
  GlossAnchorStatus old_status = gloss_annotation_get_status (annotation);
  guint start, end;

  if (!gloss_anchor_find (source,
                          gloss_annotation_get_quote (annotation),
                          gloss_annotation_get_prefix (annotation),
                          gloss_annotation_get_suffix (annotation),
                          gloss_annotation_get_start (annotation),
                          &start, &end))
    {
      _gloss_annotation_set_status (annotation, GLOSS_ANCHOR_ORPHANED);
      return old_status != GLOSS_ANCHOR_ORPHANED;
    }

  if (start == gloss_annotation_get_start (annotation) &&
      end == gloss_annotation_get_end (annotation) &&
      old_status != GLOSS_ANCHOR_ORPHANED)
    {
      /* Still where it was; the context may have changed around it. */
      _gloss_annotation_take_text_from_source (annotation, source);
      return FALSE;
    }

  _gloss_annotation_set_range (annotation, start, end);
  _gloss_annotation_take_text_from_source (annotation, source);
  _gloss_annotation_set_status (annotation, GLOSS_ANCHOR_MOVED);
  return TRUE;
}

gboolean
gloss_annotation_file_attach_source (GlossAnnotationFile  *self,
                                     GlossSource          *source,
                                     GError              **error)
{
  g_autoptr(GPtrArray) annotations = NULL;
  g_autofree char *display = NULL;
  GListModel *model;
  gboolean same_text;
  gboolean changed = FALSE;
  guint length, n;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_FILE (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_SOURCE (source), FALSE);

  display = g_file_get_parse_name (self->file);
  same_text = g_strcmp0 (self->info.text_sha256, gloss_source_get_text_sha256 (source)) == 0;
  length = gloss_source_get_length (source);
  model = G_LIST_MODEL (self->layer);
  n = g_list_model_get_n_items (model);
  annotations = g_ptr_array_new_full (n, g_object_unref);
  g_ptr_array_set_size (self->problems, 0);

  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *a = g_list_model_get_item (model, i);
      guint start = gloss_annotation_get_start (a);
      guint end = gloss_annotation_get_end (a);

      g_ptr_array_add (annotations, a);

      if (same_text)
        {
          if (gloss_annotation_get_status (a) == GLOSS_ANCHOR_ORPHANED)
            continue;

          if (end > length)
            {
              g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_OUT_OF_RANGE,
                           _("“%s”: annotation “%s” ends at %u, after the end of its article (%u characters)"),
                           display, gloss_annotation_get_id (a), end, length);
              set_read_only (self, TRUE);
              return FALSE;
            }

          if (gloss_source_slice_equals (source, start, end, gloss_annotation_get_quote (a)))
            continue;

          /* The article is the one the file was written for, yet the quote
           * is not at the offsets: the file was edited by hand or by a
           * faulty tool.  Find the quote rather than lose the annotation. */
          add_problem (self, g_strdup_printf (_("annotation “%s”: its quote is not at %u–%u in the article"),
                                              gloss_annotation_get_id (a), start, end));
        }

      changed |= reanchor (self, a, source);
    }

  g_set_object (&self->source, source);
  gloss_layer_set_source (self->layer, source);
  if (!same_text || self->info.length != length)
    changed = TRUE;

  {
    JsonObject *extra = self->info.extra;
    GlossSourceInfo old = self->info;

    /* The file now describes the article as it is. */
    memset (&self->info, 0, sizeof self->info);
    self->info.extra = extra;
    info_from_source (&self->info, source);
    old.extra = NULL;
    _gloss_source_info_clear (&old);
  }

  if (changed)
    {
      GlossHistory *history = gloss_layer_get_history (self->layer);

      self->n_merged += gloss_layer_replace_all (self->layer, annotations);
      gloss_history_mark_dirty (history);
    }

  _gloss_annotation_file_report_merged (self);
  self->relations_reported = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
  return TRUE;
}

GFile *
gloss_annotation_file_get_file (GlossAnnotationFile *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_FILE (self), NULL);
  return self->file;
}

GlossLayer *
gloss_annotation_file_get_layer (GlossAnnotationFile *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_FILE (self), NULL);
  return self->layer;
}

GlossSource *
gloss_annotation_file_get_source (GlossAnnotationFile *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_FILE (self), NULL);
  return self->source;
}

const char *
gloss_annotation_file_get_source_path (GlossAnnotationFile *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_FILE (self), NULL);
  return self->info.path;
}

GFile *
gloss_annotation_file_get_article_file (GlossAnnotationFile *self)
{
  g_autoptr(GFile) dir = NULL;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_FILE (self), NULL);
  g_return_val_if_fail (gloss_source_path_is_safe (self->info.path), NULL);

  dir = g_file_get_parent (self->file);
  return g_file_get_child (dir, self->info.path);
}

const char *
gloss_annotation_file_get_text_sha256 (GlossAnnotationFile *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_FILE (self), NULL);
  return self->info.text_sha256;
}

guint
gloss_annotation_file_get_format_version (GlossAnnotationFile *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_FILE (self), 0);
  return self->format_version;
}

gboolean
gloss_annotation_file_get_read_only (GlossAnnotationFile *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_FILE (self), TRUE);
  return self->read_only;
}

GPtrArray *
gloss_annotation_file_get_problems (GlossAnnotationFile *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_FILE (self), NULL);
  if (!self->relations_reported)
    {
      self->relations_reported = TRUE;
      _gloss_annotation_file_report_relations (self);
    }
  return self->problems;
}

GlossCodebook *
gloss_annotation_file_get_codebook (GlossAnnotationFile *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_FILE (self), NULL);
  return self->codebook;
}

void
gloss_annotation_file_set_codebook (GlossAnnotationFile *self,
                                    GlossCodebook       *codebook)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_FILE (self));
  g_return_if_fail (!codebook || GLOSS_IS_CODEBOOK (codebook));

  g_set_object (&self->codebook, codebook);
}

GlossTag *
gloss_annotation_file_lookup_tag (GlossAnnotationFile *self,
                                  const char          *id)
{
  GlossTag *tag = NULL;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_FILE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (self->codebook != NULL)
    tag = gloss_codebook_lookup (self->codebook, id);
  if (tag == NULL)
    tag = g_hash_table_lookup (self->file_tags, id);

  return tag;
}
