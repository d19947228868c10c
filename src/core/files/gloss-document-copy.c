/* gloss-document-copy.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-document-private.h"

/* The longest annotator id a file name may carry. */
#define ANNOTATOR_ID_MAX_LENGTH 64

/* "<id>-copy-YYYYMMDD-HHMMSS", and "-2", "-3"... after it for @attempt
 * 2, 3...; short enough to be an annotator id in a file name. */
static char *
copy_annotator_id (const char *annotator_id,
                   GDateTime  *now,
                   guint       attempt)
{
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *suffix = NULL;
  g_autofree char *base = NULL;
  gsize room;

  if (attempt > 1)
    suffix = g_strdup_printf ("-copy-%s-%u", stamp, attempt);
  else
    suffix = g_strconcat ("-copy-", stamp, NULL);

  room = ANNOTATOR_ID_MAX_LENGTH - MIN (strlen (suffix), ANNOTATOR_ID_MAX_LENGTH);
  base = g_strndup (annotator_id, room);
  /* Cutting the id may leave a '-' that would double the suffix's. */
  while (*base != '\0' && base[strlen (base) - 1] == '-')
    base[strlen (base) - 1] = '\0';

  return g_strconcat (base, suffix, NULL);
}

static GlossTag *
copy_tag (GlossTag *tag)
{
  GlossTag *copy;

  if (gloss_tag_get_builtin (tag))
    copy = gloss_tag_new_builtin (gloss_tag_get_id (tag), gloss_tag_get_raw_label (tag),
                                  gloss_tag_get_color (tag), gloss_tag_get_raw_description (tag));
  else
    copy = gloss_tag_new (gloss_tag_get_id (tag), gloss_tag_get_raw_label (tag),
                          gloss_tag_get_color (tag), gloss_tag_get_raw_description (tag));
  gloss_tag_set_extra (copy, gloss_tag_get_extra (tag));

  return copy;
}

/* The codebook a copy of the slot's file is written with: the article's,
 * then the tags only the file describes, so that the copy keeps their
 * labels and colours. */
static GlossCodebook *
codebook_for_copy (GlossDocumentSlot *slot)
{
  GlossCodebook *codebook = gloss_codebook_new ();
  GListModel *tags = G_LIST_MODEL (slot->document->codebook);
  GListModel *annotations = G_LIST_MODEL (slot->layer);
  guint n;

  n = g_list_model_get_n_items (tags);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossTag) tag = g_list_model_get_item (tags, i);
      g_autoptr(GlossTag) copy = copy_tag (tag);

      gloss_codebook_add (codebook, copy);
    }

  n = g_list_model_get_n_items (annotations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (annotations, i);
      const char *id = gloss_annotation_get_tag (annotation);
      GlossTag *tag;

      if (gloss_codebook_lookup (codebook, id) != NULL)
        continue;

      tag = gloss_annotation_file_lookup_tag (slot->file, id);
      if (tag != NULL)
        {
          g_autoptr(GlossTag) copy = copy_tag (tag);

          gloss_codebook_add (codebook, copy);
        }
    }

  return codebook;
}

/* A new annotation file of annotator @copy_id holding what the slot's
 * layer holds now. */
static GlossAnnotationFile *
copy_slot_file (GlossDocumentSlot *slot,
                const char        *copy_id,
                const char        *copy_name)
{
  g_autoptr(GlossCodebook) codebook = codebook_for_copy (slot);
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  GListModel *model = G_LIST_MODEL (slot->layer);
  GlossAnnotationFile *copy;
  guint n = g_list_model_get_n_items (model);
  guint n_relations = gloss_layer_get_n_relations (slot->layer);

  annotations = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (model, i);

      g_ptr_array_add (annotations, gloss_annotation_copy (annotation));
    }
  relations = g_ptr_array_new_full (n_relations, g_object_unref);
  for (guint i = 0; i < n_relations; i++)
    g_ptr_array_add (relations, gloss_relation_copy (gloss_layer_get_relation (slot->layer, i)));

  copy = gloss_annotation_file_new (slot->document->source, copy_id, copy_name);
  gloss_annotation_file_set_codebook (copy, codebook);
  gloss_layer_replace_relations (gloss_annotation_file_get_layer (copy), relations);
  gloss_layer_replace_all (gloss_annotation_file_get_layer (copy), annotations);

  return copy;
}

GFile *
_gloss_document_keep_slot_as_copy (GlossDocumentSlot  *slot,
                                   const char         *base_id,
                                   const char         *name,
                                   GError            **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GlossAnnotationFile) copy = NULL;
  g_autofree char *copy_name = NULL;
  GFile *destination;

  /* Translators: the name of the annotator of a copy kept after a
   * conflict; %s is the annotator's own name. */
  copy_name = g_strdup_printf (_("%s (copy)"), name);

  for (guint attempt = 1;; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *copy_id = copy_annotator_id (base_id, now, attempt);

      g_clear_object (&copy);
      copy = copy_slot_file (slot, copy_id, copy_name);
      destination = gloss_annotation_file_get_file (copy);

      if (gloss_annotation_file_save_copy (copy, destination, NULL, &local_error))
        break;

      /* Two copies kept within the same second. */
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS) || attempt >= 100)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  _gloss_document_sync_teammate (slot->document, destination);

  /* The copy stays on disk even when the file cannot be read back. */
  if (!_gloss_document_reload_slot (slot, error))
    return NULL;

  return g_object_ref (destination);
}

GFile *
gloss_document_keep_as_copy (GlossDocument  *self,
                             GError        **error)
{
  const char *annotator_id;
  const char *annotator_name;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  annotator_id = gloss_layer_get_annotator_id (self->own.layer);
  annotator_name = gloss_layer_get_annotator_name (self->own.layer);
  if (annotator_name == NULL || *annotator_name == '\0')
    annotator_name = annotator_id;

  return _gloss_document_keep_slot_as_copy (&self->own, annotator_id, annotator_name, error);
}
