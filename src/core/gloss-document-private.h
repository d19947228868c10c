/* gloss-document-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-document.h"

G_BEGIN_DECLS

/* The object's fields, shared by gloss-document.c (the own file, its
 * autosave and its conflicts), gloss-document-copy.c (keeping the
 * window's version as a copy) and gloss-document-teammates.c (the other
 * annotation files of the article). */
struct _GlossDocument
{
  GObject parent_instance;

  GFile *article;
  GFile *folder;
  GlossSource *source;
  GlossCodebook *codebook;

  /* The user's own file, its layer and the layer's history, watched for
   * changes to save. */
  GlossAnnotationFile *own_file;
  GlossLayer *layer;
  GlossHistory *history;
  gulong items_changed_handler;
  gulong annotator_name_handler;
  gulong dirty_handler;

  GlossSaveState save_state;
  char *save_error;
  guint autosave_delay;
  guint autosave_source;
  /* g_get_monotonic_time () of the first change that waits for a save,
   * or 0 when none waits. */
  gint64 unsaved_since;

  GFileMonitor *own_monitor;
  guint disk_check_source;

  /* The teammate file the document was opened on, or NULL. */
  GFile *review_file;
  GListStore *teammate_files;
  /* GFile → GlossAnnotationFile, each loaded and anchored once. */
  GHashTable *teammates;
  GFileMonitor *folder_monitor;
};

/* Fills the teammate list and starts watching the folder.
 * (gloss-document-teammates.c) */
void     _gloss_document_init_teammates  (GlossDocument        *self);
void     _gloss_document_stop_teammates  (GlossDocument        *self);
/* Adds @file to the teammate list or removes it, after what is on disk,
 * when it is an annotation file of the article and not the own. */
void     _gloss_document_sync_teammate   (GlossDocument        *self,
                                          GFile                *file);
/* Gives @file, loaded but not anchored, the document's codebook and
 * article. */
gboolean _gloss_document_attach          (GlossDocument        *self,
                                          GlossAnnotationFile  *file,
                                          GError              **error);
/* Puts @file, attached already, in the teammate cache. */
void     _gloss_document_cache_teammate  (GlossDocument        *self,
                                          GlossAnnotationFile  *file);

G_END_DECLS
