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

struct _GlossAnnotationFile
{
  GObject parent_instance;

  GFile *file;
  GlossLayer *layer;
  GlossSource *source;
  GlossCodebook *codebook;

  /* What the file said, kept to be written back. */
  GlossSourceInfo info;
  JsonObject *annotator_extra;
  JsonObject *extra;
  GHashTable *file_tags;   /* id → GlossTag */
  guint format_version;

  gboolean read_only;
  GPtrArray *problems;

  /* The file on disk as last loaded or saved, if there was one. */
  gboolean on_disk;
  guint64 disk_fingerprint;
};

G_DEFINE_FINAL_TYPE (GlossAnnotationFile, gloss_annotation_file, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_LAYER,
  PROP_SOURCE,
  PROP_READ_ONLY,
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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_annotation_file_init (GlossAnnotationFile *self)
{
  self->file_tags = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->problems = g_ptr_array_new_with_free_func (g_free);
  self->format_version = GLOSS_FORMAT_VERSION;
}

/* A fingerprint of the file's bytes, to tell whether someone else wrote
 * the file.  Nothing here needs a cryptographic hash, and SHA-256 would
 * cost a quarter of a second on a file of 100,000 annotations; this one
 * reads eight bytes at a time. */
static guint64
fingerprint (const char *data,
             gsize       length)
{
  guint64 h = G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) ^ length;
  gsize i = 0;

  for (; i + 8 <= length; i += 8)
    {
      guint64 word;

      memcpy (&word, data + i, 8);
      h = (h ^ word) * G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
      h ^= h >> 29;
    }
  for (; i < length; i++)
    {
      h = (h ^ (guchar)data[i]) * G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
      h ^= h >> 29;
    }

  return h;
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
  info->extractor = g_strdup (gloss_source_get_extractor (source));
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

  gloss_layer_replace_all (self->layer, content.annotations);
  gloss_history_set_clean (gloss_layer_get_history (self->layer));
  self->on_disk = TRUE;
  self->disk_fingerprint = fingerprint (data, length);
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
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  display = g_file_get_parse_name (file);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not open “%s”: %s"), display, local_error->message);
      return NULL;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder, not an annotation file"), display);
      return NULL;
    }

  if (g_file_info_get_size (info) > GLOSS_ANNOTATION_FILE_MAX_SIZE)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                   _("“%s” is larger than the %d MiB an annotation file may have"),
                   display, GLOSS_ANNOTATION_FILE_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not read “%s”: %s"), display, local_error->message);
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
  source = gloss_source_new_from_file (article, 0, cancellable, &local_error);
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

      gloss_layer_replace_all (self->layer, annotations);
      gloss_history_mark_dirty (history);
    }

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

static int
compare_tags (gconstpointer a,
              gconstpointer b)
{
  GlossTag *ta = *(GlossTag **)a;
  GlossTag *tb = *(GlossTag **)b;

  if (gloss_tag_get_order (ta) != gloss_tag_get_order (tb))
    return gloss_tag_get_order (ta) < gloss_tag_get_order (tb) ? -1 : 1;
  return strcmp (gloss_tag_get_id (ta), gloss_tag_get_id (tb));
}

static void
copy_members (JsonObject *to,
              JsonObject *from)
{
  g_autoptr(GList) members = NULL;

  if (from == NULL)
    return;

  members = json_object_get_members (from);
  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (to, l->data, json_node_copy (json_object_get_member (from, l->data)));
}

/* The codebook's entry for a tag, given the keys that another tool added
 * to the file's own entry for it, so that saving does not lose them; the
 * codebook's own keys win. */
static GlossTag *
codebook_tag_for_file (GlossTag *tag,
                       GlossTag *file_tag)
{
  g_autoptr(JsonObject) extra = NULL;
  GlossTag *copy;

  if (file_tag == NULL || file_tag == tag || gloss_tag_get_extra (file_tag) == NULL)
    return g_object_ref (tag);

  copy = gloss_tag_new (gloss_tag_get_id (tag), gloss_tag_get_raw_label (tag),
                        gloss_tag_get_color (tag), gloss_tag_get_raw_description (tag));
  gloss_tag_set_order (copy, gloss_tag_get_order (tag));

  extra = json_object_new ();
  copy_members (extra, gloss_tag_get_extra (file_tag));
  copy_members (extra, gloss_tag_get_extra (tag));
  gloss_tag_set_extra (copy, extra);

  return copy;
}

/* The tag entries to write: one per tag the annotations use. */
static GPtrArray *
used_tags (GlossAnnotationFile *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  GListModel *model = G_LIST_MODEL (self->layer);
  GPtrArray *tags = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (model);
  guint first_free_order = self->codebook ? g_list_model_get_n_items (G_LIST_MODEL (self->codebook)) + 1 : 1;
  const char *last = NULL;

  /* A file uses a handful of tags: a short list beats a hash table, and
   * neighbours often share their tag. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (model, i);
      const char *id = gloss_annotation_get_tag (a);
      gboolean known = last != NULL && strcmp (id, last) == 0;

      for (guint j = 0; j < ids->len && !known; j++)
        known = strcmp (id, g_ptr_array_index (ids, j)) == 0;
      last = id;
      if (!known)
        g_ptr_array_add (ids, (gpointer)id);
    }

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      GlossTag *tag = gloss_annotation_file_lookup_tag (self, id);

      if (tag == NULL)
        tag = gloss_tag_new (id, id, "#77767b", NULL);
      else
        tag = codebook_tag_for_file (tag, g_hash_table_lookup (self->file_tags, id));

      /* Tags the codebook lacks come after its own, in a stable order. */
      if (self->codebook != NULL && gloss_codebook_lookup (self->codebook, id) == NULL &&
          gloss_tag_get_order (tag) < first_free_order)
        gloss_tag_set_order (tag, first_free_order);

      g_ptr_array_add (tags, tag);
    }

  g_ptr_array_sort (tags, compare_tags);
  return tags;
}

char *
gloss_annotation_file_serialize (GlossAnnotationFile *self,
                                 gsize               *length)
{
  g_autoptr(GPtrArray) tags = NULL;
  GString *out;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_FILE (self), NULL);

  /* About 400 bytes an annotation: grow once, not a hundred times. */
  out = g_string_sized_new (1024 + 450 * (gsize)g_list_model_get_n_items (G_LIST_MODEL (self->layer)));
  tags = used_tags (self);
  _gloss_file_content_write (out, &self->info,
                             gloss_layer_get_annotator_id (self->layer),
                             gloss_layer_get_annotator_name (self->layer),
                             self->annotator_extra, tags,
                             G_LIST_MODEL (self->layer), self->extra);

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/* Whether the file on disk is other than what this object last read or
 * wrote; a file that vanished counts as unchanged, since writing it back
 * loses nothing. */
static gboolean
check_disk (GlossAnnotationFile *self,
            GCancellable        *cancellable)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info == NULL)
    return FALSE;

  if (!self->on_disk)
    return TRUE;

  /* Always the content: the modification time cannot tell, since a write
   * within the same clock tick (a few milliseconds) leaves it as it was,
   * and a checkout that rewrites the same bytes changes it for nothing. */
  if (!g_file_load_contents (self->file, cancellable, &contents, &length, NULL, NULL))
    return TRUE;

  return fingerprint (contents, length) != self->disk_fingerprint;
}

gboolean
gloss_annotation_file_changed_on_disk (GlossAnnotationFile *self,
                                       GCancellable        *cancellable)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_FILE (self), FALSE);

  return check_disk (self, cancellable);
}

static gboolean
write_file (GFile         *file,
            const char    *data,
            gsize          length,
            gboolean       must_not_exist,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = g_file_get_parse_name (file);
  guint32 keep_mode = 0;
  gsize written;

  /* g_file_replace writes a temporary file beside the target and renames
   * it over the target only once everything is written and closed, so a
   * failure at any point leaves the old file whole. */
  if (must_not_exist)
    {
      stream = g_file_create (file, G_FILE_CREATE_NONE, cancellable, &local_error);
    }
  else
    {
      g_autoptr(GFileInfo) old = g_file_query_info (file,
                                                    G_FILE_ATTRIBUTE_UNIX_NLINK ","
                                                    G_FILE_ATTRIBUTE_UNIX_MODE,
                                                    G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                                    cancellable, NULL);
      GFileCreateFlags flags = G_FILE_CREATE_NONE;

      /* For a file with several hard links, g_file_replace writes in
       * place to keep the links, and an interrupted save would damage it.
       * Losing the extra link is the lesser harm: replace the file whole
       * and give the new one the old one's permissions. */
      if (old != NULL && g_file_info_get_attribute_uint32 (old, G_FILE_ATTRIBUTE_UNIX_NLINK) > 1)
        {
          flags = G_FILE_CREATE_REPLACE_DESTINATION;
          keep_mode = g_file_info_get_attribute_uint32 (old, G_FILE_ATTRIBUTE_UNIX_MODE) & 07777;
        }

      stream = g_file_replace (file, NULL, FALSE, flags, cancellable, &local_error);
    }

  if (stream == NULL ||
      !g_output_stream_write_all (G_OUTPUT_STREAM (stream), data, length, &written,
                                  cancellable, &local_error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error))
    {
      if (stream != NULL)
        {
          g_autoptr(GCancellable) abandon = g_cancellable_new ();

          /* A stream that is closed normally, or merely let go, renames
           * what was written so far over the target; a cancelled close
           * drops the temporary file instead.  A copy that could not be
           * written whole is removed. */
          g_cancellable_cancel (abandon);
          g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
          if (must_not_exist)
            g_file_delete (file, NULL, NULL);
        }

      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not save “%s”: %s"), display, local_error->message);
      return FALSE;
    }

  if (keep_mode != 0)
    g_file_set_attribute_uint32 (file, G_FILE_ATTRIBUTE_UNIX_MODE, keep_mode,
                                 G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, NULL);

  return TRUE;
}

gboolean
gloss_annotation_file_save (GlossAnnotationFile  *self,
                            GlossSaveFlags        flags,
                            GCancellable         *cancellable,
                            GError              **error)
{
  g_autofree char *display = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_FILE (self), FALSE);

  display = g_file_get_parse_name (self->file);

  if (self->read_only)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_READ_ONLY,
                   _("“%s” is open read-only and is never overwritten"), display);
      return FALSE;
    }

  if (!(flags & GLOSS_SAVE_OVERWRITE) && check_disk (self, cancellable))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED_ON_DISK,
                   _("“%s” changed on disk since it was opened; reload it or keep this version as a copy"),
                   display);
      return FALSE;
    }

  data = gloss_annotation_file_serialize (self, &length);
  if (!write_file (self->file, data, length, FALSE, cancellable, error))
    return FALSE;

  self->on_disk = TRUE;
  self->disk_fingerprint = fingerprint (data, length);
  gloss_history_set_clean (gloss_layer_get_history (self->layer));

  return TRUE;
}

gboolean
gloss_annotation_file_save_copy (GlossAnnotationFile  *self,
                                 GFile                *destination,
                                 GCancellable         *cancellable,
                                 GError              **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_FILE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  data = gloss_annotation_file_serialize (self, &length);
  return write_file (destination, data, length, TRUE, cancellable, error);
}

GFile *
gloss_annotation_file_path_for (GFile      *article,
                                const char *annotator_id)
{
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) dir = NULL;

  g_return_val_if_fail (G_IS_FILE (article), NULL);
  g_return_val_if_fail (annotator_id != NULL, NULL);

  base = g_file_get_basename (article);
  name = g_strconcat (base, ".", annotator_id, GLOSS_ANNOTATION_FILE_SUFFIX, NULL);
  dir = g_file_get_parent (article);

  return g_file_get_child (dir, name);
}

static gboolean
is_annotator_slug (const char *s,
                   gsize       length)
{
  if (length == 0 || length > 64)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_islower (s[i]) && !g_ascii_isdigit (s[i]) && s[i] != '-')
      return FALSE;

  return TRUE;
}

char *
gloss_annotation_file_name_annotator (const char *name,
                                      const char *article_name)
{
  gsize name_len, article_len, suffix_len;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (article_name != NULL, NULL);

  name_len = strlen (name);
  article_len = strlen (article_name);
  suffix_len = strlen (GLOSS_ANNOTATION_FILE_SUFFIX);

  if (name_len <= article_len + 1 + suffix_len ||
      strncmp (name, article_name, article_len) != 0 ||
      name[article_len] != '.' ||
      !g_str_has_suffix (name, GLOSS_ANNOTATION_FILE_SUFFIX))
    return NULL;

  if (!is_annotator_slug (name + article_len + 1, name_len - article_len - 1 - suffix_len))
    return NULL;

  return g_strndup (name + article_len + 1, name_len - article_len - 1 - suffix_len);
}

gboolean
gloss_annotation_file_name_is_valid (const char *name)
{
  const char *stem_end, *dot;

  g_return_val_if_fail (name != NULL, FALSE);

  if (!g_str_has_suffix (name, GLOSS_ANNOTATION_FILE_SUFFIX))
    return FALSE;

  stem_end = name + strlen (name) - strlen (GLOSS_ANNOTATION_FILE_SUFFIX);
  for (dot = stem_end - 1; dot > name && *dot != '.'; dot--)
    ;

  return dot > name && is_annotator_slug (dot + 1, stem_end - dot - 1);
}

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *na = g_file_get_basename (*(GFile **)a);
  g_autofree char *nb = g_file_get_basename (*(GFile **)b);

  return strcmp (na, nb);
}

GPtrArray *
gloss_annotation_file_list_for (GFile         *article,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autofree char *article_name = NULL;

  g_return_val_if_fail (G_IS_FILE (article), NULL);

  dir = g_file_get_parent (article);
  article_name = g_file_get_basename (article);
  enumerator = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (enumerator == NULL)
    return NULL;

  files = g_ptr_array_new_with_free_func (g_object_unref);
  for (;;)
    {
      GFileInfo *info;
      g_autofree char *annotator = NULL;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, cancellable, error))
        return NULL;
      if (info == NULL)
        break;

      annotator = gloss_annotation_file_name_annotator (g_file_info_get_name (info), article_name);
      if (annotator != NULL)
        g_ptr_array_add (files, g_file_get_child (dir, g_file_info_get_name (info)));
    }

  g_ptr_array_sort (files, compare_files);
  return g_steal_pointer (&files);
}

gboolean
gloss_source_path_is_safe (const char *path)
{
  if (path == NULL || *path == '\0')
    return FALSE;
  if (strcmp (path, ".") == 0 || strcmp (path, "..") == 0)
    return FALSE;
  if (strchr (path, '/') != NULL || strchr (path, '\\') != NULL)
    return FALSE;
  /* A drive letter ("C:") names another place on Windows. */
  if (strchr (path, ':') != NULL)
    return FALSE;

  return TRUE;
}

char *
gloss_default_annotator_id (void)
{
  char *slug = gloss_slugify (g_get_user_name ());

  if (slug == NULL)
    slug = g_strdup ("annotator");

  /* Annotator ids use '-' only; a login name may hold '_'. */
  g_strdelimit (slug, "_", '-');
  return slug;
}
