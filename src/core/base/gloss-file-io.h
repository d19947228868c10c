/* gloss-file-io.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How long a writer waits for another writer's lock before it gives up
 * with a message, in milliseconds. */
#define GLOSS_FILE_LOCK_TIMEOUT_MS 5000

/* What the temporary file of a save is called: ".NAME" + this + six
 * random characters, in the folder of NAME. */
#define GLOSS_FILE_TEMP_INFIX ".gloss-tmp-"

/* What the lock file of NAME is called: ".NAME" + this, beside it. */
#define GLOSS_FILE_LOCK_SUFFIX ".lock"

/* Reads the whole of @file into a new buffer (NUL-terminated, the NUL
 * not counted in @length).  The file is opened without blocking, so that
 * a FIFO or a device never hangs the caller, must be a regular file once
 * symbolic links are followed (else G_IO_ERROR_NOT_REGULAR_FILE, "not a
 * regular file"), and is read in full only while it stays within
 * @max_size bytes: the limit is enforced while reading, never trusted from
 * the size the file claims (else GLOSS_ERROR_TOO_LARGE).  Every message
 * names the file. */
gboolean       gloss_file_read_regular  (GFile         *file,
                                         gsize          max_size,
                                         GCancellable  *cancellable,
                                         char         **contents,
                                         gsize         *length,
                                         GError       **error);

/* Opens @file for reading like gloss_file_read_regular() does (no
 * blocking, regular files only) and returns a stream on it; the caller
 * enforces its own size limit while it reads.  When @size is not NULL it
 * gets the size the file had when opened. */
GInputStream  *gloss_file_open_regular  (GFile         *file,
                                         goffset       *size,
                                         GCancellable  *cancellable,
                                         GError       **error);

typedef enum
{
  GLOSS_WRITE_NONE           = 0,
  /* Create the file; fail with G_IO_ERROR_EXISTS when it exists. */
  GLOSS_WRITE_MUST_NOT_EXIST = 1 << 0,
} GlossWriteFlags;

/* Writes a file whole or not at all.  The bytes go to a temporary file in
 * the same folder (see GLOSS_FILE_TEMP_INFIX), which is flushed, synced
 * and renamed over the file, and the folder is synced; nothing is ever
 * rewritten in place.  When that cannot be done (the folder is not
 * writable, the disk has no space or no free inode), the write fails with
 * a message that names the file and the old file is left as it was.
 *
 * When the file is a symbolic link, the file the link points to is
 * replaced, and only when it lies inside @confine (a folder; by default
 * the folder of @file): otherwise the write is refused with
 * GLOSS_ERROR_UNSAFE_PATH, naming the link.  A replaced file keeps its
 * permissions; a new one gets 0666 less the umask. */
typedef struct _GlossAtomicWriter GlossAtomicWriter;

GlossAtomicWriter *gloss_atomic_writer_new         (GFile            *file,
                                                GFile            *confine,
                                                GlossWriteFlags   flags,
                                                GCancellable     *cancellable,
                                                GError          **error);
/* The stream the bytes are written to; owned by the writer. */
GOutputStream   *gloss_atomic_writer_get_stream  (GlossAtomicWriter  *self);
/* Flushes, syncs and renames the temporary file over the destination. */
gboolean         gloss_atomic_writer_commit      (GlossAtomicWriter  *self,
                                                GCancellable     *cancellable,
                                                GError          **error);
/* What was written so far, read from the start, for bytes that go into
 * another file after all (a header known only at the end put first): the
 * writer is then freed uncommitted. */
GInputStream    *gloss_atomic_writer_read_back   (GlossAtomicWriter  *self,
                                                GError          **error);
/* Removes the temporary file unless the writer was committed. */
void             gloss_atomic_writer_free        (GlossAtomicWriter  *self);

/* gloss_atomic_writer_new(), the bytes, gloss_atomic_writer_commit(). */
gboolean       gloss_file_write_atomic  (GFile            *file,
                                         GFile            *confine,
                                         const char       *data,
                                         gsize             length,
                                         GlossWriteFlags   flags,
                                         GCancellable     *cancellable,
                                         GError          **error);

/* Where a write to @file would go: @file itself, or the file its
 * symbolic links lead to when that lies inside @confine (by default the
 * folder of @file).  NULL with GLOSS_ERROR_UNSAFE_PATH, naming the link,
 * when it does not. */
GFile         *gloss_file_resolve_confined (GFile         *file,
                                            GFile         *confine,
                                            GError       **error);

/* "DEVICE:INODE" of @file once its links are followed, or NULL when it
 * does not exist: two names of one file (a link, a hard link) agree. */
char          *gloss_file_get_identity  (GFile         *file);

/* An exclusive advisory lock that writers of the same file take for their
 * whole read-check-write cycle.  It is held on a lock file beside the
 * file (".NAME.lock", see GLOSS_FILE_LOCK_SUFFIX), so that it survives
 * the rename of a save; it is an open file description lock, so that two
 * threads of one process exclude each other too, and the system drops it
 * when its holder dies, so a dead process never blocks anyone.  The lock
 * file is removed on release.
 *
 * Waits up to @timeout_ms for another holder; then fails with
 * GLOSS_ERROR_LOCKED and a message that names the file (and the process
 * holding it when that is known).  A @timeout_ms of 0 tries once. */
typedef struct _GlossFileLock GlossFileLock;

GlossFileLock *gloss_file_lock_acquire  (GFile         *file,
                                         guint          timeout_ms,
                                         GCancellable  *cancellable,
                                         GError       **error);
void           gloss_file_lock_release  (GlossFileLock *lock);

/* Removes what interrupted saves of @file left in its folder (temporary
 * files named after it), when no other writer holds its lock; returns how
 * many were removed. */
guint          gloss_file_remove_leftovers (GFile      *file);
/* The same, for a caller that holds the file's lock already. */
guint          gloss_file_lock_remove_leftovers (GlossFileLock *lock);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossAtomicWriter, gloss_atomic_writer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossFileLock, gloss_file_lock_release)

G_END_DECLS
