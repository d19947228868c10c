/* gloss-annotation-file-save.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-annotation-file"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-annotation-file-private.h"
#include "gloss-error.h"
#include "gloss-json-writer.h"


/* A fingerprint of the file's bytes, to tell whether someone else wrote
 * the file.  Nothing here needs a cryptographic hash, and SHA-256 would
 * cost a quarter of a second on a file of 100,000 annotations; this one
 * reads eight bytes at a time. */
guint64
_gloss_annotation_file_fingerprint (const char *data,
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
write_extra (GString    *out,
             JsonObject *extra,
             guint       level)
{
  g_autoptr(GList) members = NULL;

  if (extra == NULL)
    return;

  members = json_object_get_members (extra);
  for (GList *l = members; l; l = l->next)
    {
      gloss_json_append_literal (out, ",\n");
      gloss_json_write_indent (out, level);
      gloss_json_write_string (out, l->data, -1);
      gloss_json_append_literal (out, ": ");
      gloss_json_write_node (out, json_object_get_member (extra, l->data), level);
    }
}

static void
write_member_string (GString    *out,
                     guint       level,
                     const char *key,
                     const char *value,
                     gboolean    first)
{
  if (!first)
    gloss_json_append_literal (out, ",\n");
  gloss_json_write_indent (out, level);
  g_string_append_c (out, '"');
  gloss_json_append (out, key, strlen (key));
  gloss_json_append_literal (out, "\": ");
  gloss_json_write_string (out, value ? value : "", -1);
}

static void
write_member_uint (GString    *out,
                   guint       level,
                   const char *key,
                   guint64     value)
{
  char digits[24];
  guint n = 0;

  gloss_json_append_literal (out, ",\n");
  gloss_json_write_indent (out, level);
  g_string_append_c (out, '"');
  gloss_json_append (out, key, strlen (key));
  gloss_json_append_literal (out, "\": ");

  /* printf is a measurable part of writing 200,000 offsets. */
  do
    digits[n++] = '0' + value % 10;
  while ((value /= 10) > 0);
  while (n > 0)
    g_string_append_c (out, digits[--n]);
}

static void
write_annotation (GString         *out,
                  GlossAnnotation *a)
{
  GlossAnchorStatus status = gloss_annotation_get_status (a);

  gloss_json_append_literal (out, "    {\n");
  write_member_string (out, 3, "id", gloss_annotation_get_id (a), TRUE);
  write_member_string (out, 3, "tag", gloss_annotation_get_tag (a), FALSE);
  write_member_uint (out, 3, "start", gloss_annotation_get_start (a));
  write_member_uint (out, 3, "end", gloss_annotation_get_end (a));
  write_member_string (out, 3, "quote", gloss_annotation_get_quote (a), FALSE);
  write_member_string (out, 3, "prefix", gloss_annotation_get_prefix (a), FALSE);
  write_member_string (out, 3, "suffix", gloss_annotation_get_suffix (a), FALSE);
  write_member_string (out, 3, "note", gloss_annotation_get_note (a), FALSE);
  if (*gloss_annotation_get_created (a) != '\0')
    write_member_string (out, 3, "created", gloss_annotation_get_created (a), FALSE);
  if (*gloss_annotation_get_modified (a) != '\0')
    write_member_string (out, 3, "modified", gloss_annotation_get_modified (a), FALSE);
  if (status != GLOSS_ANCHOR_ANCHORED)
    write_member_string (out, 3, "status", gloss_anchor_status_to_string (status), FALSE);
  write_extra (out, gloss_annotation_get_extra (a), 3);
  gloss_json_append_literal (out, "\n    }");
}

void
_gloss_file_content_write (GString         *out,
                           GlossSourceInfo *source,
                           const char      *annotator_id,
                           const char      *annotator_name,
                           JsonObject      *annotator_extra,
                           GPtrArray       *tags,
                           GListModel      *annotations,
                           JsonObject      *extra)
{
  guint n = g_list_model_get_n_items (annotations);

  g_string_append_printf (out, "{\n  \"gloss\": %d,\n  \"source\": {\n", GLOSS_FORMAT_VERSION);
  write_member_string (out, 2, "path", source->path, TRUE);
  write_member_string (out, 2, "sha256", source->sha256, FALSE);
  write_member_string (out, 2, "text_sha256", source->text_sha256, FALSE);
  write_member_string (out, 2, "encoding", source->encoding, FALSE);
  write_member_string (out, 2, "media_type", source->media_type, FALSE);
  write_member_uint (out, 2, "length", source->length);
  if (source->extractor != NULL)
    write_member_string (out, 2, "extractor", source->extractor, FALSE);
  write_extra (out, source->extra, 2);

  gloss_json_append_literal (out, "\n  },\n  \"annotator\": {\n");
  write_member_string (out, 2, "id", annotator_id, TRUE);
  write_member_string (out, 2, "name", annotator_name, FALSE);
  write_extra (out, annotator_extra, 2);

  gloss_json_append_literal (out, "\n  },\n  \"tags\": [");
  for (guint i = 0; i < tags->len; i++)
    {
      GlossTag *tag = g_ptr_array_index (tags, i);

      if (i > 0)
        gloss_json_append_literal (out, ",");
      gloss_json_append_literal (out, "\n    {\n");
      write_member_string (out, 3, "id", gloss_tag_get_id (tag), TRUE);
      write_member_string (out, 3, "label", gloss_tag_get_raw_label (tag), FALSE);
      write_member_string (out, 3, "color", gloss_tag_get_color (tag), FALSE);
      write_member_string (out, 3, "description", gloss_tag_get_raw_description (tag), FALSE);
      write_member_uint (out, 3, "order", gloss_tag_get_order (tag));
      write_extra (out, gloss_tag_get_extra (tag), 3);
      gloss_json_append_literal (out, "\n    }");
    }
  g_string_append (out, tags->len ? "\n  ],\n" : "],\n");

  gloss_json_append_literal (out, "  \"annotations\": [");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (annotations, i);

      if (i > 0)
        gloss_json_append_literal (out, ",");
      gloss_json_append_literal (out, "\n");
      write_annotation (out, a);
    }
  g_string_append (out, n ? "\n  ]" : "]");

  write_extra (out, extra, 1);
  gloss_json_append_literal (out, "\n}\n");
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

  return _gloss_annotation_file_fingerprint (contents, length) != self->disk_fingerprint;
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
  self->disk_fingerprint = _gloss_annotation_file_fingerprint (data, length);
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
