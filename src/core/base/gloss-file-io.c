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
#include "gloss-file-io-private.h"
#include "gloss-memory-private.h"


/* ------------------------------------------------------------------ */
/* Names                                                               */
/* ------------------------------------------------------------------ */

/* ".NAME" + @suffix, with NAME shortened (at a character boundary) when
 * the whole would be longer than a folder entry may be. */
char *
_gloss_file_hidden_name (const char *base,
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

char *
_gloss_file_temp_prefix (const char *base)
{
  return _gloss_file_hidden_name (base, GLOSS_FILE_TEMP_INFIX, TEMP_RANDOM_CHARS);
}

char *
_gloss_file_display_name (GFile *file)
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

void
_gloss_file_set_not_regular_error (GError     **error,
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
      _gloss_file_set_not_regular_error (error, display, st->st_mode);
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
      _gloss_file_set_not_regular_error (error, display, st->st_mode);
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

  display = _gloss_file_display_name (file);
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
          _gloss_file_set_not_regular_error (error, display,
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

  gloss_memory_prefer_huge_pages (buffer, capacity + 1);
  for (;;)
    {
      gssize got;

      if (used == capacity)
        {
          /* One byte more than allowed tells a file that is too large
           * from one that is exactly at the limit. */
          capacity = MIN (MAX (capacity * 2, (gsize)64 * 1024), max_size + 1);
          buffer = g_realloc (buffer, capacity + 1);
          gloss_memory_prefer_huge_pages (buffer, capacity + 1);
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

  display = _gloss_file_display_name (file);
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
char *
_gloss_file_follow_links (const char *path)
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

  target = _gloss_file_follow_links (path);
  if (target == NULL || real_confine == NULL || !path_is_inside (target, real_confine))
    {
      g_autofree char *display = _gloss_file_display_name (file);
      g_autofree char *confine_display = g_filename_display_name (confine_path ? confine_path : "");

      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSAFE_PATH,
                   /* Translators: a file name, then a folder */
                   _("“%s” is a link to a file outside the folder “%s”; Gloss writes only inside it and left it as it was"),
                   display, confine_display);
      return NULL;
    }

  return g_file_new_for_path (target);
}
