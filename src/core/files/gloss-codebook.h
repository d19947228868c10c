/* gloss-codebook.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-tag.h"

G_BEGIN_DECLS

#define GLOSS_CODEBOOK_FILE_NAME "gloss-codebook.json"

#define GLOSS_TYPE_CODEBOOK (gloss_codebook_get_type ())

G_DECLARE_FINAL_TYPE (GlossCodebook, gloss_codebook, GLOSS, CODEBOOK, GObject)

/* The tags annotators choose from: a GListModel of GlossTag in their
 * order (keys 1 to 9 pick the first nine). */
GlossCodebook *gloss_codebook_new             (void);
/* company, controversy, claim */
GlossCodebook *gloss_codebook_new_default     (void);
/* Reads a gloss-codebook.json file. */
GlossCodebook *gloss_codebook_new_from_file   (GFile          *file,
                                               GError        **error);
/* The codebook of an article: gloss-codebook.json in its folder or the
 * nearest parent folder that has one, else the default.  An unreadable
 * codebook file is an error, never silently replaced by the default. */
GlossCodebook *gloss_codebook_new_for_article (GFile          *article,
                                               GError        **error);

/* A new codebook with copies of @self's tags (never the same objects),
 * its file and the keys it keeps for writing back. */
GlossCodebook *gloss_codebook_copy            (GlossCodebook  *self);
/* Makes @self hold the tags of @from, in its order, and take its file.
 * The tags of ids both have stay the same objects, updated in place (so
 * whoever watches them is notified); tags only @from has are added as
 * copies; the others are removed.  One items-changed covers the span that
 * changed, none is emitted when the list is the same. */
void           gloss_codebook_assign          (GlossCodebook  *self,
                                               GlossCodebook  *from);

/* The file the codebook came from, or NULL for the default. */
GFile         *gloss_codebook_get_file        (GlossCodebook  *self);
GlossTag      *gloss_codebook_lookup          (GlossCodebook  *self,
                                               const char     *id);
/* The tag at @position (0-based) in order, or NULL. */
GlossTag      *gloss_codebook_get_tag         (GlossCodebook  *self,
                                               guint           position);
/* Appends @tag (its order becomes the last); FALSE if the id is taken. */
gboolean       gloss_codebook_add             (GlossCodebook  *self,
                                               GlossTag       *tag);
gboolean       gloss_codebook_remove          (GlossCodebook  *self,
                                               const char     *id);
/* Moves the tag to @position (0-based) and renumbers the orders. */
void           gloss_codebook_move            (GlossCodebook  *self,
                                               const char     *id,
                                               guint           position);
/* Writes the codebook as JSON to @file, atomically. */
gboolean       gloss_codebook_save            (GlossCodebook  *self,
                                               GFile          *file,
                                               GError        **error);
char          *gloss_codebook_to_json         (GlossCodebook  *self);
/* A colour for a new tag that is not yet in use. */
const char    *gloss_codebook_suggest_color   (GlossCodebook  *self);

G_END_DECLS
