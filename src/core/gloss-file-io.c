/* gloss-file-io.c
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

/* Longest name a folder entry may have on the file systems Gloss writes
 * to. */
#define NAME_MAX_BYTES 255
#define TEMP_RANDOM_CHARS 6
/* Old Gloss versions saved through GLib, whose interrupted saves left
 * ".goutputstream-XXXXXX" files; one that holds an annotation file and
 * has not been touched for this long is no one's save in progress. */
#define OLD_LEFTOVER_AGE_SECONDS (60 * 60)

/* ------------------------------------------------------------------ */
/* Names                                                               */
/* ------------------------------------------------------------------ */

/* ".NAME" + @suffix, with NAME shortened (at a character boundary) when
 * the whole would be longer than a folder entry may be. */
static char *
hidden_name (const char *base,
             const char *suffix,
             gsize       reserve)
{
  gsize room = NAME_MAX_BYTES - 1 - strlen (suffix) - reserve;
  gsize length = strlen (base);

  if (length > room)
    {
      length = room;
      /* Never cut a UTF-8 sequence in two. */
      while (length > 0 && ((guchar)base[length] & 0xC0) == 0x80)
        length--;
    }

  return g_strdup_printf (".%.*s%s", (int)length, base, suffix);
}

static char *
temp_prefix (const char *base)
{
  return hidden_name (base, GLOSS_FILE_TEMP_INFIX, TEMP_RANDOM_CHARS);
}

static char *
display_name (GFile *file)
{
  return g_file_get_parse_name (file);
}

static void
set_read_error (GError     **error,
                int          saved_errno,
                const char  *display)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               /* Translators: a file name, then the system's reason */
               _("Could not read “%s”: %s"), display, g_strerror (saved_errno));
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */
/* ------------------------------------------------------------------ */

static void
set_not_regular_error (GError     **error,
                       const char  *display,
                       mode_t       mode)
{
  if (S_ISDIR (mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                 /* Translators: a file name */
                 _("“%s” is a folder, not a file"), display);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 /* Translators: a file name; a FIFO, a device or a socket is not a regular file */
                 _("“%s” is not a regular file"), display);
}

static void
set_too_large_error (GError     **error,
                     const char  *display,
                     gsize        max_size)
{
  g_autofree char *limit = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
               /* Translators: a file name, then a size such as "256.0 MiB" */
               _("“%s” is larger than %s, more than Gloss reads of such a file"),
               display, limit);
}

/* Opens @path for reading without blocking and checks that it is a
 * regular file; the check is made before opening (a device is never
 * opened) and again on what was opened (the name may have been swapped
 * in between).  Returns the descriptor, in blocking mode, or -1. */
static int
open_regular_fd (const char   *path,
                 const char   *display,
                 struct stat  *st,
                 GError      **error)
{
  int fd;
  int flags;

  if (stat (path, st) != 0)
    {
      set_read_error (error, errno, display);
      return -1;
    }
  if (!S_ISREG (st->st_mode))
    {
      set_not_regular_error (error, display, st->st_mode);
      return -1;
    }

  fd = open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    {
      set_read_error (error, errno, display);
      return -1;
    }
  if (fstat (fd, st) != 0 || !S_ISREG (st->st_mode))
    {
      set_not_regular_error (error, display, st->st_mode);
      close (fd);
      return -1;
    }

  flags = fcntl (fd, F_GETFL);
  if (flags >= 0)
    fcntl (fd, F_SETFL, flags & ~O_NONBLOCK);

  return fd;
}

/* Reads @stream to its end into @buffer, failing past @max_size. */
static gboolean
read_bounded (GInputStream  *stream,
              GByteArray    *buffer,
              gsize          max_size,
              const char    *display,
              GCancellable  *cancellable,
              GError       **error)
{
  for (;;)
    {
      gsize want = 64 * 1024;
      gsize before = buffer->len;
      gssize got;
      g_autoptr(GError) local_error = NULL;

      /* One byte more than allowed tells a file that is too large from
       * one that is exactly at the limit. */
      if (before + want > max_size + 1)
        want = max_size + 1 - before;

      g_byte_array_set_size (buffer, before + want);
      got = g_input_stream_read (stream, buffer->data + before, want, cancellable, &local_error);
      if (got < 0)
        {
          g_byte_array_set_size (buffer, before);
          g_set_error (error, local_error->domain, local_error->code,
                       _("Could not read “%s”: %s"), display, local_error->message);
          return FALSE;
        }
      g_byte_array_set_size (buffer, before + got);
      if (got == 0)
        return TRUE;
      if (buffer->len > max_size)
        {
          set_too_large_error (error, display, max_size);
          return FALSE;
        }
    }
}

GInputStream *
gloss_file_open_regular (GFile         *file,
                         goffset       *size,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *display = NULL;
  struct stat st;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  display = display_name (file);
  path = g_file_get_path (file);

  if (path == NULL)
    {
      /* Not a local file (a resource, say): nothing there can block. */
      g_autoptr(GFileInfo) info = NULL;
      g_autoptr(GError) local_error = NULL;
      GFileInputStream *stream;

      info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
      if (info == NULL)
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _("Could not read “%s”: %s"), display, local_error->message);
          return NULL;
        }
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        {
          set_not_regular_error (error, display,
                                 g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY ? S_IFDIR : S_IFIFO);
          return NULL;
        }
      stream = g_file_read (file, cancellable, &local_error);
      if (stream == NULL)
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _("Could not read “%s”: %s"), display, local_error->message);
          return NULL;
        }
      if (size != NULL)
        *size = g_file_info_get_size (info);
      return G_INPUT_STREAM (stream);
    }

  fd = open_regular_fd (path, display, &st, error);
  if (fd < 0)
    return NULL;

  if (size != NULL)
    *size = st.st_size;

  return g_unix_input_stream_new (fd, TRUE);
}

/* Reads @fd to its end into a new buffer, failing past @max_size; the
 * buffer is sized from what the file claims, grown only if it lies. */
static gboolean
read_fd_bounded (int            fd,
                 gsize          claimed,
                 gsize          max_size,
                 const char    *display,
                 GCancellable  *cancellable,
                 char         **contents,
                 gsize         *length,
                 GError       **error)
{
  gsize capacity = MIN (claimed, max_size) + 1;
  gsize used = 0;
  g_autofree char *buffer = g_malloc (capacity + 1);

  for (;;)
    {
      gssize got;

      if (used == capacity)
        {
          /* One byte more than allowed tells a file that is too large
           * from one that is exactly at the limit. */
          capacity = MIN (MAX (capacity * 2, (gsize)64 * 1024), max_size + 1);
          buffer = g_realloc (buffer, capacity + 1);
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      got = read (fd, buffer + used, MIN (capacity - used, (gsize)16 * 1024 * 1024));
      if (got < 0)
        {
          if (errno == EINTR)
            continue;
          set_read_error (error, errno, display);
          return FALSE;
        }
      if (got == 0)
        break;
      used += got;
      if (used > max_size)
        {
          set_too_large_error (error, display, max_size);
          return FALSE;
        }
    }

  buffer[used] = '\0';
  if (length != NULL)
    *length = used;
  *contents = g_steal_pointer (&buffer);
  return TRUE;
}

gboolean
gloss_file_read_regular (GFile         *file,
                         gsize          max_size,
                         GCancellable  *cancellable,
                         char         **contents,
                         gsize         *length,
                         GError       **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  g_autofree char *display = NULL;
  g_autofree char *path = NULL;
  goffset size = 0;
  gsize n;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (max_size < G_MAXSIZE - 1, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  display = display_name (file);
  path = g_file_get_path (file);

  if (path != NULL)
    {
      struct stat st;
      gboolean ok;
      int fd = open_regular_fd (path, display, &st, error);

      if (fd < 0)
        return FALSE;
      ok = read_fd_bounded (fd, MAX (st.st_size, 0), max_size, display, cancellable,
                            contents, length, error);
      close (fd);
      return ok;
    }

  stream = gloss_file_open_regular (file, &size, cancellable, error);
  if (stream == NULL)
    return FALSE;

  /* The claimed size only sizes the first allocation, within the limit. */
  buffer = g_byte_array_sized_new (MIN ((gsize)MAX (size, 0), max_size) + 1);
  if (!read_bounded (stream, buffer, max_size, display, cancellable, error))
    return FALSE;

  n = buffer->len;
  g_byte_array_append (buffer, (const guint8 *)"", 1);
  if (length != NULL)
    *length = n;
  *contents = (char *)g_byte_array_free (g_steal_pointer (&buffer), FALSE);
  return TRUE;
}

char *
gloss_file_get_identity (GFile *file)
{
  g_autofree char *path = NULL;
  struct stat st;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  if (path == NULL || stat (path, &st) != 0)
    return NULL;

  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT,
                          (guint64)st.st_dev, (guint64)st.st_ino);
}

/* ------------------------------------------------------------------ */
/* Where a write goes                                                  */
/* ------------------------------------------------------------------ */

/* The file that the symbolic link at @path finally names, with its folder
 * made canonical, whether that file exists or not.  NULL on a loop. */
static char *
follow_links (const char *path)
{
  g_autofree char *current = g_strdup (path);
  g_autofree char *folder = NULL;
  g_autofree char *real_folder = NULL;
  g_autofree char *base = NULL;

  for (guint hops = 0; hops < 40; hops++)
    {
      g_autofree char *target = NULL;
      g_autofree char *dir = NULL;

      target = g_file_read_link (current, NULL);
      if (target == NULL)
        break;

      if (g_path_is_absolute (target))
        {
          g_free (current);
          current = g_steal_pointer (&target);
        }
      else
        {
          dir = g_path_get_dirname (current);
          g_free (current);
          current = g_build_filename (dir, target, NULL);
        }

      if (hops == 39)
        return NULL;
    }

  folder = g_path_get_dirname (current);
  base = g_path_get_basename (current);
  real_folder = realpath (folder, NULL);
  if (real_folder == NULL)
    return NULL;

  return g_build_filename (real_folder, base, NULL);
}

static gboolean
path_is_inside (const char *path,
                const char *folder)
{
  gsize n = strlen (folder);

  if (n > 0 && folder[n - 1] == '/')
    n--;

  return strncmp (path, folder, n) == 0 && path[n] == '/';
}

GFile *
gloss_file_resolve_confined (GFile   *file,
                             GFile   *confine,
                             GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *target = NULL;
  g_autofree char *confine_path = NULL;
  g_autofree char *real_confine = NULL;
  struct stat st;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (confine == NULL || G_IS_FILE (confine), NULL);

  path = g_file_get_path (file);
  if (path == NULL || lstat (path, &st) != 0 || !S_ISLNK (st.st_mode))
    return g_object_ref (file);

  confine_path = confine != NULL ? g_file_get_path (confine) : g_path_get_dirname (path);
  if (confine_path != NULL)
    real_confine = realpath (confine_path, NULL);

  target = follow_links (path);
  if (target == NULL || real_confine == NULL || !path_is_inside (target, real_confine))
    {
      g_autofree char *display = display_name (file);
      g_autofree char *confine_display = g_filename_display_name (confine_path ? confine_path : "");

      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSAFE_PATH,
                   /* Translators: a file name, then a folder */
                   _("“%s” is a link to a file outside the folder “%s”; Gloss writes only inside it and left it as it was"),
                   display, confine_display);
      return NULL;
    }

  return g_file_new_for_path (target);
}

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
static void
set_write_error (GError     **error,
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
  self->display = display_name (file);

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
          set_not_regular_error (error, self->display, old.st_mode);
          return NULL;
        }
      replacing = TRUE;
    }

  prefix = temp_prefix (base);
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
          set_write_error (error, errno, self->display, self->folder_path);
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
          set_write_error (error, errno, self->display, self->folder_path);
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
    set_write_error (error, errno, self->display, self->folder_path);

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
      set_write_error (error, errno, self->display, self->folder_path);
      return FALSE;
    }
  fd = self->fd;
  self->fd = -1;
  if (close (fd) != 0)
    {
      set_write_error (error, errno, self->display, self->folder_path);
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
        set_write_error (error, ENOSPC, writer->display, writer->folder_path);
      else
        g_set_error (error, local_error->domain, local_error->code,
                     _("Could not save “%s”: %s"), writer->display, local_error->message);
      return FALSE;
    }

  return gloss_atomic_writer_commit (writer, cancellable, error);
}

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
      char *target = follow_links (path);

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

  display = display_name (file);
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
  lock_name = hidden_name (self->base, GLOSS_FILE_LOCK_SUFFIX, 0);
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
          set_write_error (error, errno, display, self->folder_path);
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
          set_write_error (error, errno, display, self->folder_path);
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
  g_autofree char *prefix = temp_prefix (lock->base);
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
