/* gloss-file-io-write.c
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
/* Writing                                                             */
/* ------------------------------------------------------------------ */

struct _GlossAtomicWriter
{
  char *display;
  char *target_path;
  char *folder_path;
  char *temp_path;
  GOutputStream *stream;
  int fd;
  GlossWriteFlags flags;
  gboolean committed;
};

/* The message for a write that failed with @saved_errno. */
void
_gloss_file_set_write_error (GError     **error,
                             int          saved_errno,
                             const char  *display,
                             const char  *folder_path)
{
  switch (saved_errno)
    {
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   /* Translators: a file name */
                   _("Could not save “%s”: the disk is full (no space or no free file entry left); the file on disk was left as it was"),
                   display);
      break;
    case EACCES:
    case EPERM:
    case EROFS:
      {
        g_autofree char *folder = g_filename_display_name (folder_path);

        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     /* Translators: a file name, then its folder */
                     _("Could not save “%s”: the folder “%s” is not writable, and Gloss never rewrites a file in place; the file on disk was left as it was"),
                     display, folder);
      }
      break;
    default:
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: a file name, then why it failed */
                   _("Could not save “%s”: %s"), display, g_strerror (saved_errno));
      break;
    }
}

static char *
random_suffix (void)
{
  static const char chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  char *s = g_malloc (TEMP_RANDOM_CHARS + 1);

  for (guint i = 0; i < TEMP_RANDOM_CHARS; i++)
    s[i] = chars[g_random_int_range (0, sizeof chars - 1)];
  s[TEMP_RANDOM_CHARS] = '\0';

  return s;
}

GlossAtomicWriter *
gloss_atomic_writer_new (GFile            *file,
                       GFile            *confine,
                       GlossWriteFlags   flags,
                       GCancellable     *cancellable,
                       GError          **error)
{
  g_autoptr(GlossAtomicWriter) self = NULL;
  g_autoptr(GFile) target = NULL;
  g_autofree char *base = NULL;
  g_autofree char *prefix = NULL;
  gboolean replacing = FALSE;
  struct stat old;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  self = g_new0 (GlossAtomicWriter, 1);
  self->fd = -1;
  self->flags = flags;
  self->display = _gloss_file_display_name (file);

  target = gloss_file_resolve_confined (file, confine, error);
  if (target == NULL)
    return NULL;

  self->target_path = g_file_get_path (target);
  if (self->target_path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   /* Translators: a file name */
                   _("Could not save “%s”: Gloss saves only to files on this computer or a mounted drive"),
                   self->display);
      return NULL;
    }
  self->folder_path = g_path_get_dirname (self->target_path);
  base = g_path_get_basename (self->target_path);

  if (lstat (self->target_path, &old) == 0)
    {
      if (flags & GLOSS_WRITE_MUST_NOT_EXIST)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       /* Translators: a file name */
                       _("Could not save “%s”: a file of that name exists already"), self->display);
          return NULL;
        }
      if (!S_ISREG (old.st_mode))
        {
          _gloss_file_set_not_regular_error (error, self->display, old.st_mode);
          return NULL;
        }
      replacing = TRUE;
    }

  prefix = _gloss_file_temp_prefix (base);
  for (guint attempt = 0; self->fd < 0; attempt++)
    {
      g_autofree char *suffix = random_suffix ();
      g_autofree char *name = g_strconcat (prefix, suffix, NULL);

      g_free (self->temp_path);
      self->temp_path = g_build_filename (self->folder_path, name, NULL);
      /* 0666 lets the umask decide a new file's permissions, as for any
       * file the user creates. */
      self->fd = open (self->temp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
      if (self->fd < 0 && (errno != EEXIST || attempt == 100))
        {
          _gloss_file_set_write_error (error, errno, self->display, self->folder_path);
          g_clear_pointer (&self->temp_path, g_free);
          return NULL;
        }
    }

  if (replacing)
    {
      /* The new file takes the old one's place: its owner and
       * permissions too, as far as this process may give them. */
      if (fchown (self->fd, old.st_uid, old.st_gid) != 0)
        g_debug ("Could not give %s its owner: %s", self->temp_path, g_strerror (errno));
      if (fchmod (self->fd, old.st_mode & 07777) != 0)
        g_debug ("Could not give %s its permissions: %s", self->temp_path, g_strerror (errno));
    }

  self->stream = g_unix_output_stream_new (self->fd, FALSE);

  return g_steal_pointer (&self);
}

GOutputStream *
gloss_atomic_writer_get_stream (GlossAtomicWriter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->stream;
}

GInputStream *
gloss_atomic_writer_read_back (GlossAtomicWriter  *self,
                               GError            **error)
{
  int fd;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (!self->committed && self->fd >= 0, NULL);

  if (!g_output_stream_flush (self->stream, NULL, error))
    return NULL;
  fd = open (self->temp_path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0)
    {
      _gloss_file_set_write_error (error, errno, self->display, self->folder_path);
      return NULL;
    }
  return g_unix_input_stream_new (fd, TRUE);
}

static void
sync_folder (const char *folder_path)
{
  int fd = open (folder_path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return;
  /* Some file systems cannot sync a folder (EINVAL); the rename is then
   * as durable as they make it. */
  if (fsync (fd) != 0 && errno != EINVAL)
    g_debug ("Could not sync %s: %s", folder_path, g_strerror (errno));
  close (fd);
}

static gboolean
rename_into_place (GlossAtomicWriter  *self,
                   GError          **error)
{
  if (!(self->flags & GLOSS_WRITE_MUST_NOT_EXIST))
    {
      if (rename (self->temp_path, self->target_path) != 0)
        {
          _gloss_file_set_write_error (error, errno, self->display, self->folder_path);
          return FALSE;
        }
      return TRUE;
    }

  /* Never replace a file that appeared since the writer was made. */
  if (renameat2 (AT_FDCWD, self->temp_path, AT_FDCWD, self->target_path, RENAME_NOREPLACE) == 0)
    return TRUE;
  if (errno == EINVAL || errno == ENOSYS || errno == ENOTSUP)
    {
      /* File systems without RENAME_NOREPLACE: a hard link fails the
       * same way when the name is taken. */
      if (link (self->temp_path, self->target_path) == 0)
        {
          g_unlink (self->temp_path);
          return TRUE;
        }
    }
  if (errno == EEXIST)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                 _("Could not save “%s”: a file of that name exists already"), self->display);
  else
    _gloss_file_set_write_error (error, errno, self->display, self->folder_path);

  return FALSE;
}

gboolean
gloss_atomic_writer_commit (GlossAtomicWriter  *self,
                          GCancellable     *cancellable,
                          GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  int fd;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->committed && self->fd >= 0, FALSE);

  if (!g_output_stream_flush (self->stream, cancellable, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not save “%s”: %s"), self->display, local_error->message);
      return FALSE;
    }

  /* Network file systems report a failed write only at the sync or at
   * the close: both are checked before the new file takes the old one's
   * place. */
  if (fsync (self->fd) != 0)
    {
      _gloss_file_set_write_error (error, errno, self->display, self->folder_path);
      return FALSE;
    }
  fd = self->fd;
  self->fd = -1;
  if (close (fd) != 0)
    {
      _gloss_file_set_write_error (error, errno, self->display, self->folder_path);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (!rename_into_place (self, error))
    return FALSE;

  self->committed = TRUE;
  sync_folder (self->folder_path);

  return TRUE;
}

void
gloss_atomic_writer_free (GlossAtomicWriter *self)
{
  if (self == NULL)
    return;

  if (self->stream != NULL)
    {
      /* The descriptor is the writer's own: the stream never closes it. */
      g_output_stream_close (self->stream, NULL, NULL);
      g_clear_object (&self->stream);
    }
  if (self->fd >= 0)
    close (self->fd);
  if (!self->committed && self->temp_path != NULL)
    g_unlink (self->temp_path);

  g_free (self->display);
  g_free (self->target_path);
  g_free (self->folder_path);
  g_free (self->temp_path);
  g_free (self);
}

gboolean
gloss_file_write_atomic (GFile            *file,
                         GFile            *confine,
                         const char       *data,
                         gsize             length,
                         GlossWriteFlags   flags,
                         GCancellable     *cancellable,
                         GError          **error)
{
  g_autoptr(GlossAtomicWriter) writer = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize written;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  writer = gloss_atomic_writer_new (file, confine, flags, cancellable, error);
  if (writer == NULL)
    return FALSE;

  if (length > 0 &&
      !g_output_stream_write_all (writer->stream, data, length, &written, cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        _gloss_file_set_write_error (error, ENOSPC, writer->display, writer->folder_path);
      else
        g_set_error (error, local_error->domain, local_error->code,
                     _("Could not save “%s”: %s"), writer->display, local_error->message);
      return FALSE;
    }

  return gloss_atomic_writer_commit (writer, cancellable, error);
}
