/* gloss-cli-save.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-cli-common.h"

G_BEGIN_DECLS

/* How the commands that write an annotator's file (annotate, delete, done)
 * change it and save it without ever overwriting another writer's work. */

/* Loads the annotation file at @path to be changed: refused, with a
 * message naming it, when a newer Gloss wrote it; anchored in @source
 * with @codebook. */
GlossAnnotationFile *gloss_cli_load_writable   (GFile          *path,
                                                GlossSource    *source,
                                                GlossCodebook  *codebook,
                                                GError        **error);

/* Opens the file to change, afresh at each try. */
typedef GlossAnnotationFile *(*GlossCliOpenFunc)   (gpointer              user_data,
                                                    GError              **error);
/* Makes the change on @file, setting *@n_changed to how many annotations
 * it changed (0: nothing to save); FALSE with @error to give up. */
typedef gboolean             (*GlossCliChangeFunc) (GlossAnnotationFile  *file,
                                                    gpointer              user_data,
                                                    guint                *n_changed,
                                                    GError              **error);

/* Opens the file with @open, changes it with @change and saves it under
 * the file's lock.  When another writer saved the file since it was
 * read, the save refuses, and the change is made again on the file as it
 * is now, up to a hundred times.  Returns the file, saved (or untouched
 * when nothing changed), with *@n_changed set; NULL after printing the
 * error, which names the file (@input is what the user gave). */
GlossAnnotationFile *gloss_cli_change_and_save (const char          *input,
                                                GlossCliOpenFunc     open,
                                                GlossCliChangeFunc   change,
                                                gpointer             user_data,
                                                guint               *n_changed);

G_END_DECLS
