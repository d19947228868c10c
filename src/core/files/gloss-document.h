/* gloss-document.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-annotation-file.h"
#include "gloss-codebook.h"
#include "gloss-document-preview.h"
#include "gloss-layer.h"
#include "gloss-source.h"

G_BEGIN_DECLS

typedef enum
{
  GLOSS_SAVE_STATE_SAVED,      /* everything is on disk (or there is nothing to save) */
  GLOSS_SAVE_STATE_UNSAVED,    /* changes wait for the autosave */
  GLOSS_SAVE_STATE_SAVING,     /* an autosave serializes the layer, then writes it in a thread */
  GLOSS_SAVE_STATE_FAILED,     /* the last save failed: see save-error */
  GLOSS_SAVE_STATE_CONFLICT,   /* the file changed on disk: see reload / keep_as_copy */
  GLOSS_SAVE_STATE_READ_ONLY,  /* the user's own file cannot be written (newer format) */
} GlossSaveState;

#define GLOSS_TYPE_SAVE_STATE (gloss_save_state_get_type ())
GType gloss_save_state_get_type (void) G_GNUC_CONST;

/* The default delay between a change and its autosave, in milliseconds. */
#define GLOSS_DOCUMENT_AUTOSAVE_DELAY 1500

#define GLOSS_TYPE_DOCUMENT (gloss_document_get_type ())

G_DECLARE_FINAL_TYPE (GlossDocument, gloss_document, GLOSS, DOCUMENT, GObject)

/* Everything a window shows for one article: the article, its codebook,
 * the user's own layer (saved automatically a moment after each change)
 * and the annotation files of teammates beside it. */

/* Opens @article for @annotator_id: loads the user's own annotation file
 * when it exists; otherwise the own layer starts empty and its file is
 * written at the first change.  Lists the other annotation files. */
GlossDocument       *gloss_document_new_for_article   (GFile           *article,
                                                       const char      *annotator_id,
                                                       const char      *annotator_name,
                                                       GCancellable    *cancellable,
                                                       GError         **error);
/* Opens the article of @annotation_file.  When the file is the user's own
 * it is the own layer; otherwise the own layer is found as for the
 * article and @annotation_file is shown as a teammate's layer (see
 * get_review_file), never written. */
GlossDocument       *gloss_document_new_for_annotation_file (GFile         *annotation_file,
                                                       const char      *annotator_id,
                                                       const char      *annotator_name,
                                                       GCancellable    *cancellable,
                                                       GError         **error);

/* Opens @file, an annotation file (by its name) or an article, as the
 * two functions above do, reading and anchoring everything in a worker
 * thread.  When the article is large and @preview_func is given, it is
 * called first, in the caller's main context and unless the opening was
 * cancelled, with a preview of the article's start (see
 * GlossDocumentPreview). */
void                 gloss_document_new_for_file_async (GFile          *file,
                                                       const char      *annotator_id,
                                                       const char      *annotator_name,
                                                       GlossDocumentPreviewFunc preview_func,
                                                       gpointer         preview_data,
                                                       GCancellable    *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer         user_data);
/* Finishes the opening in the calling thread, whose thread-default main
 * context then watches the document's files; NULL with @error when it
 * failed or was cancelled. */
GlossDocument       *gloss_document_new_for_file_finish (GAsyncResult  *result,
                                                       GError         **error);

GlossSource         *gloss_document_get_source        (GlossDocument   *self);
GlossCodebook       *gloss_document_get_codebook      (GlossDocument   *self);
GlossAnnotationFile *gloss_document_get_own_file      (GlossDocument   *self);
/* The own layer (gloss_annotation_file_get_layer of the own file). */
GlossLayer          *gloss_document_get_layer         (GlossDocument   *self);
/* The teammate file the document was opened on, or NULL. */
GFile               *gloss_document_get_review_file   (GlossDocument   *self);
/* Loads the teammates' @files (GFile) not loaded yet, or changed on disk
 * since they were, each in a thread of its own, and returns once all
 * are: for a review that compares several large files.  A file that cannot be loaded is left out (a
 * gloss_document_load_teammate of it then says why). */
void                 gloss_document_load_teammates    (GlossDocument   *self,
                                                       GPtrArray       *files);
/* Starts reading, in a worker thread, the teammates' files listed now
 * (when there are no more than @max_files), so that showing or reviewing
 * them later is immediate; gloss_document_load_teammate and
 * gloss_document_load_teammates wait for it rather than read a file
 * twice. */
void                 gloss_document_preload_teammates (GlossDocument   *self,
                                                       guint            max_files);
gboolean             gloss_document_is_preloading     (GlossDocument   *self);
/* Reads a teammate's file anew, in place of what was loaded of it; on
 * failure what was loaded stays. */
GlossAnnotationFile *gloss_document_reload_teammate   (GlossDocument   *self,
                                                       GFile           *file,
                                                       GError         **error);

/* Every annotation file beside the article but the user's own, as a list
 * of GFile sorted by name; updated when files appear or vanish. */
GListModel          *gloss_document_get_teammate_files (GlossDocument  *self);
/* Loads (once, then cached) a teammate's file and anchors it in the
 * article.  The result is never written.  When a loaded teammate's file
 * is written again on disk (by a sync, a git pull, the teammate), the
 * document emits teammate-changed (GFile) and then forgets what it
 * loaded, so that the next load reads the file anew; a handler may
 * reload it at once with gloss_document_reload_teammate. */
GlossAnnotationFile *gloss_document_load_teammate     (GlossDocument   *self,
                                                       GFile           *file,
                                                       GError         **error);

GlossSaveState       gloss_document_get_save_state    (GlossDocument   *self);
/* The message of the last failed save, or NULL. */
const char          *gloss_document_get_save_error    (GlossDocument   *self);
void                 gloss_document_set_autosave_delay (GlossDocument  *self,
                                                       guint            milliseconds);
guint                gloss_document_get_autosave_delay (GlossDocument  *self);
/* Saves now, in the calling thread, the own file and the consensus (when
 * open) if anything is unsaved (and nothing is in conflict): for closing
 * the window.  Both are tried; the first error is returned.  An autosave under way gives
 * way: its serializer stops, and a write already in a worker thread is
 * waited for (running the main context) before what it did not cover is
 * written. */
gboolean             gloss_document_save              (GlossDocument   *self,
                                                       GError         **error);

/* Checks the own file and the open consensus on disk now (the document also watches it, reading
 * the file in a worker thread); emits changed-on-disk and goes to CONFLICT
 * when someone else wrote it.  While an autosave writes the file, the
 * check waits for the write to end and returns FALSE. */
gboolean             gloss_document_check_disk        (GlossDocument   *self);
/* Resolves a conflict by dropping this window's version and loading the
 * file from disk. */
gboolean             gloss_document_reload            (GlossDocument   *self,
                                                       GError         **error);
/* Resolves a conflict by writing this window's version as a copy beside
 * the article (a new annotation file whose annotator id ends in "-copy"
 * and a time stamp, so it shows as a layer of its own), then loading the
 * file from disk as the own layer.  Returns the copy. */
GFile               *gloss_document_keep_as_copy      (GlossDocument   *self,
                                                       GError         **error);

/* The article's consensus file (GLOSS_CONSENSUS_ANNOTATOR), a second
 * writable layer: opening loads it when it exists, or starts it empty
 * (annotator name "Consensus") and writes it at its first change.  From
 * then on it is saved, watched and resolved as the own file is, with
 * save-state, save-error and changed-on-disk of its own (the
 * consensus-save-state, consensus-save-error properties and the
 * consensus-changed-on-disk signal); gloss_document_save and
 * gloss_document_check_disk cover it too.  An open consensus is no
 * teammate: it leaves the teammate list.  Opening it again does nothing. */
gboolean             gloss_document_open_consensus    (GlossDocument   *self,
                                                       GError         **error);
/* NULL until the consensus is opened. */
GlossAnnotationFile *gloss_document_get_consensus_file (GlossDocument  *self);
GlossLayer          *gloss_document_get_consensus_layer (GlossDocument *self);
GlossSaveState       gloss_document_get_consensus_save_state (GlossDocument *self);
const char          *gloss_document_get_consensus_save_error (GlossDocument *self);
/* As gloss_document_reload and gloss_document_keep_as_copy, for the
 * consensus; the copy's annotator id starts with "consensus-copy-".  Both
 * replace the consensus file and its layer (notify::consensus-file): a
 * GlossReview follows the new layer once given it. */
gboolean             gloss_document_reload_consensus  (GlossDocument   *self,
                                                       GError         **error);
GFile               *gloss_document_keep_consensus_as_copy (GlossDocument *self,
                                                       GError         **error);

G_END_DECLS
