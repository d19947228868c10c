/* gloss-file-io-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sys/types.h>

G_BEGIN_DECLS

/* What gloss-file-io.c (names, reading, where a write goes),
 * gloss-file-io-write.c (atomic writes) and gloss-file-io-lock.c (locks and
 * leftovers) share. */

/* Longest name a folder entry may have on the file systems Gloss writes
 * to. */
#define NAME_MAX_BYTES 255
#define TEMP_RANDOM_CHARS 6
/* Old Gloss versions saved through GLib, whose interrupted saves left
 * ".goutputstream-" files with six random characters; one that holds an
 * annotation file and has not been touched for this long is no one's save
 * in progress. */
#define OLD_LEFTOVER_AGE_SECONDS (60 * 60)

/* ".NAME" + @suffix, NAME shortened at a character boundary when the
 * whole, with @reserve more bytes, would be longer than a folder entry. */
char     *_gloss_file_hidden_name           (const char  *base,
                                             const char  *suffix,
                                             gsize        reserve);
/* The start of the name of every temporary file of a save of @base. */
char     *_gloss_file_temp_prefix           (const char  *base);
char     *_gloss_file_display_name          (GFile       *file);
void      _gloss_file_set_not_regular_error (GError     **error,
                                             const char  *display,
                                             mode_t       mode);
/* The message for a write that failed with @saved_errno. */
void      _gloss_file_set_write_error       (GError     **error,
                                             int          saved_errno,
                                             const char  *display,
                                             const char  *folder_path);
/* The file the symbolic link at @path finally names, its folder made
 * canonical, whether it exists or not; NULL on a loop. */
char     *_gloss_file_follow_links          (const char  *path);

G_END_DECLS
