/* gloss-document-consensus.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-document-private.h"
#include "gloss-file-io.h"

/* The base of the annotator id of a copy of the consensus: the reserved
 * id holds two dashes, which no other file may claim. */
#define CONSENSUS_COPY_BASE "consensus"

gboolean
gloss_document_open_consensus (GlossDocument  *self,
                               GError        **error)
{
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autoptr(GFile) path = NULL;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->consensus.file != NULL)
    return TRUE;

  path = gloss_annotation_file_path_for (self->article, GLOSS_CONSENSUS_ANNOTATOR);

  /* A file that exists but cannot be read fails the opening: it is never
   * replaced by an empty one. */
  if (g_file_query_exists (path, NULL))
    {
      file = gloss_annotation_file_load (path, GLOSS_LOAD_ALLOW_NEWER, NULL, error);
      if (file == NULL || !_gloss_document_attach (self, file, error))
        return FALSE;
    }
  else
    {
      /* Written when the layer first changes. */
      file = gloss_annotation_file_new (self->source, GLOSS_CONSENSUS_ANNOTATOR, _("Consensus"));
      gloss_annotation_file_set_codebook (file, self->codebook);
    }

  _gloss_document_take_file (&self->consensus, g_steal_pointer (&file));
  gloss_file_remove_leftovers (path);

  /* It is a writable layer now, not a teammate's: listed once. */
  _gloss_document_unlist_teammate (self, path);
  g_hash_table_remove (self->teammates, path);

  _gloss_document_settle_state (&self->consensus);
  _gloss_document_watch_disk (&self->consensus);
  _gloss_document_notify_consensus_file (self);

  return TRUE;
}

GlossAnnotationFile *
gloss_document_get_consensus_file (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->consensus.file;
}

GlossLayer *
gloss_document_get_consensus_layer (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->consensus.layer;
}

GlossSaveState
gloss_document_get_consensus_save_state (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), GLOSS_SAVE_STATE_SAVED);

  return self->consensus.save_state;
}

const char *
gloss_document_get_consensus_save_error (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->consensus.save_error;
}

gboolean
gloss_document_reload_consensus (GlossDocument  *self,
                                 GError        **error)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->consensus.file != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _gloss_document_reload_slot (&self->consensus, error);
}

GFile *
gloss_document_keep_consensus_as_copy (GlossDocument  *self,
                                       GError        **error)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (self->consensus.file != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _gloss_document_keep_slot_as_copy (&self->consensus, CONSENSUS_COPY_BASE,
                                            _("Consensus"), error);
}
