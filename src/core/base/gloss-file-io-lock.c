/* gloss-file-io-lock.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-file-io"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gloss-error.h"
#include "gloss-file-io.h"
#include "gloss-file-io-private.h"

/* ------------------------------------------------------------------ */
/* Locks                                                               */
/* ------------------------------------------------------------------ */

struct _GlossFileLock
{
  char *lock_path;
  char *folder_path;
  char *base;
  int fd;
};

/* The file a lock of @file is about: where its links lead (not confined:
 * the writer refuses what lies outside), so that a link and its target
 * take the same lock. */
static char *
locked_path_for (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  struct stat st;

  if (path == NULL)
    return NULL;
  if (lstat (path, &st) == 0 && S_ISLNK (st.st_mode))
    {
      char *target = _gloss_file_follow_links (path);

      if (target != NULL)
        return target;
    }

  return g_steal_pointer (&path);
}

static int
try_lock (int fd)
{
  struct flock fl = { 0 };

  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  fl.l_start = 0;
  fl.l_len = 0;

  if (fcntl (fd, F_OFD_SETLK, &fl) == 0)
    return 0;
  /* A file system without open file description locks: flock() locks
   * are also per open file and dropped with their holder. */
  if (errno == EINVAL || errno == ENOSYS)
    return flock (fd, LOCK_EX | LOCK_NB);

  return -1;
}

/* The process that wrote its number in the lock file, or 0. */
static int
holder_of (int fd)
{
  char buffer[32] = { 0 };
  gssize n = pread (fd, buffer, sizeof buffer - 1, 0);

  if (n <= 0)
    return 0;

  return atoi (buffer);
}

GlossFileLock *
gloss_file_lock_acquire (GFile         *file,
                         guint          timeout_ms,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *base = NULL;
  g_autofree char *lock_name = NULL;
  g_autofree char *display = NULL;
  GlossFileLock *self;
  gint64 deadline;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  display = _gloss_file_display_name (file);
  path = locked_path_for (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Could not save “%s”: Gloss saves only to files on this computer or a mounted drive"),
                   display);
      return NULL;
    }

  self = g_new0 (GlossFileLock, 1);
  self->fd = -1;
  self->folder_path = g_path_get_dirname (path);
  self->base = g_path_get_basename (path);
  lock_name = _gloss_file_hidden_name (self->base, GLOSS_FILE_LOCK_SUFFIX, 0);
  self->lock_path = g_build_filename (self->folder_path, lock_name, NULL);

  deadline = g_get_monotonic_time () + (gint64)timeout_ms * 1000;

  for (;;)
    {
      struct stat held, named;
      int fd;
      int holder;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        break;

      fd = open (self->lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY, 0666);
      if (fd < 0)
        {
          _gloss_file_set_write_error (error, errno, display, self->folder_path);
          break;
        }

      if (try_lock (fd) == 0)
        {
          /* A holder removes the lock file before it lets go: a lock
           * taken on a file that is no longer the one of that name is
           * worth nothing, and the race begins again. */
          if (fstat (fd, &held) == 0 && stat (self->lock_path, &named) == 0 &&
              held.st_dev == named.st_dev && held.st_ino == named.st_ino)
            {
              char pid[32];
              int n = g_snprintf (pid, sizeof pid, "%d\n", (int)getpid ());

              if (ftruncate (fd, 0) != 0 || pwrite (fd, pid, n, 0) != n)
                g_debug ("Could not note the holder in %s", self->lock_path);
              self->fd = fd;
              return self;
            }
          close (fd);
          continue;
        }

      if (errno != EAGAIN && errno != EACCES && errno != EWOULDBLOCK)
        {
          _gloss_file_set_write_error (error, errno, display, self->folder_path);
          close (fd);
          break;
        }

      holder = holder_of (fd);
      close (fd);

      if (g_get_monotonic_time () >= deadline)
        {
          if (holder > 0)
            g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_LOCKED,
                         /* Translators: a file name, a process number, then a number of seconds */
                         _("“%s” is being saved by another program (process %d), which held it for more than %u s; try again in a moment"),
                         display, holder, MAX (timeout_ms / 1000, 1));
          else
            g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_LOCKED,
                         /* Translators: a file name, then a number of seconds */
                         _("“%s” is being saved by another program, which held it for more than %u s; try again in a moment"),
                         display, MAX (timeout_ms / 1000, 1));
          break;
        }

      /* Waiters wake at different moments, so that they do not all try
       * at once. */
      g_usleep (g_random_int_range (2000, 12000));
    }

  g_free (self->lock_path);
  g_free (self->folder_path);
  g_free (self->base);
  g_free (self);
  return NULL;
}

void
gloss_file_lock_release (GlossFileLock *lock)
{
  if (lock == NULL)
    return;

  if (lock->fd >= 0)
    {
      /* Removed while still held, so that a waiter that opened this file
       * sees, once it has the lock, that it is stale. */
      g_unlink (lock->lock_path);
      close (lock->fd);
    }

  g_free (lock->lock_path);
  g_free (lock->folder_path);
  g_free (lock->base);
  g_free (lock);
}

static gboolean
is_old_gloss_leftover (const char *folder_path,
                       const char *name)
{
  g_autofree char *path = NULL;
  char head[64] = { 0 };
  struct stat st;
  gssize n;
  int fd;

  if (!g_str_has_prefix (name, ".goutputstream-"))
    return FALSE;

  path = g_build_filename (folder_path, name, NULL);
  if (lstat (path, &st) != 0 || !S_ISREG (st.st_mode) ||
      st.st_mtime > time (NULL) - OLD_LEFTOVER_AGE_SECONDS)
    return FALSE;

  fd = open (path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    return FALSE;
  n = read (fd, head, sizeof head - 1);
  close (fd);

  return n > 0 && strstr (head, "\"gloss\":") != NULL;
}

/* Removes the leftovers of the lock's file; the caller holds the lock, so
 * no save of that file is under way. */
static guint
remove_leftovers_locked (GlossFileLock *lock)
{
  g_autoptr(GDir) dir = NULL;
  g_autofree char *prefix = _gloss_file_temp_prefix (lock->base);
  const char *name;
  guint removed = 0;

  dir = g_dir_open (lock->folder_path, 0, NULL);
  if (dir == NULL)
    return 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!(g_str_has_prefix (name, prefix) && strlen (name) == strlen (prefix) + TEMP_RANDOM_CHARS) &&
          !is_old_gloss_leftover (lock->folder_path, name))
        continue;

      path = g_build_filename (lock->folder_path, name, NULL);
      if (g_unlink (path) == 0)
        removed++;
    }

  return removed;
}

guint
gloss_file_lock_remove_leftovers (GlossFileLock *lock)
{
  g_return_val_if_fail (lock != NULL && lock->fd >= 0, 0);

  return remove_leftovers_locked (lock);
}

guint
gloss_file_remove_leftovers (GFile *file)
{
  g_autoptr(GlossFileLock) lock = NULL;

  g_return_val_if_fail (G_IS_FILE (file), 0);

  lock = gloss_file_lock_acquire (file, 0, NULL, NULL);
  if (lock == NULL)
    return 0;

  return remove_leftovers_locked (lock);
}
