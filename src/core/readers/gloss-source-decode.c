/* gloss-source-decode.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-source"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-file-io.h"
#include "gloss-source-private.h"

/* How much of a file the control-character test looks at. */
#define SNIFF_SIZE (64 * 1024)

/* First read size when the file does not tell its size. */
#define READ_CHUNK (64 * 1024)

#define MIB (1024 * 1024)

/* Windows-1252 bytes 0x80 to 0x9F, as the WHATWG encoding standard decodes
 * them: the five bytes Microsoft left undefined map to the C1 controls of the
 * same value, so every byte decodes and nothing is lost. */
static const gunichar windows_1252_c1[32] = {
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
  0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
};

typedef enum
{
  BINARY_PDF,
  BINARY_PNG,
  BINARY_JPEG,
  BINARY_GIF,
  BINARY_ZIP,
  BINARY_GZIP,
  BINARY_ELF,
  BINARY_UTF16,
} BinaryKind;

/* Signatures at the start of files people are likely to pick by mistake.
 * Most of these also hold NUL bytes, but naming the format says more than
 * "not text" does. */
static const struct
{
  const char *magic;
  gsize       length;
  BinaryKind  kind;
} binary_signatures[] = {
  { "%PDF-", 5, BINARY_PDF },
  { "\x89PNG\r\n\x1a\n", 8, BINARY_PNG },
  { "\xff\xd8\xff", 3, BINARY_JPEG },
  { "GIF87a", 6, BINARY_GIF },
  { "GIF89a", 6, BINARY_GIF },
  { "PK\x03\x04", 4, BINARY_ZIP },
  { "PK\x05\x06", 4, BINARY_ZIP },
  { "\x1f\x8b", 2, BINARY_GZIP },
  { "\x7f" "ELF", 4, BINARY_ELF },
  { "\xff\xfe", 2, BINARY_UTF16 },
  { "\xfe\xff", 2, BINARY_UTF16 },
};

/* C0 controls that turn up in real text files: backspace (overstrike in
 * manual pages), tab, line feed, vertical tab, form feed, carriage return,
 * SUB (the old DOS end-of-file mark) and escape (terminal colours). */
#define TEXT_CONTROLS ((1u << 0x08) | (1u << 0x09) | (1u << 0x0a) | (1u << 0x0b) | \
                       (1u << 0x0c) | (1u << 0x0d) | (1u << 0x1a) | (1u << 0x1b))

static inline gboolean
is_binary_control (guchar byte)
{
  if (byte == 0x7f)
    return TRUE;

  return byte < 0x20 && (TEXT_CONTROLS & (1u << byte)) == 0;
}

static void
set_binary_error (GError     **error,
                  BinaryKind   kind,
                  const char  *label)
{
  /* Whole sentences per format, so that translators need not assemble
   * them from pieces. */
  switch (kind)
    {
    case BINARY_PDF:
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_TEXT,
                   /* Translators: %s is a file name */
                   _("“%s” is a PDF document, not a text file"), label);
      break;

    case BINARY_PNG:
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_TEXT,
                   /* Translators: %s is a file name */
                   _("“%s” is a PNG image, not a text file"), label);
      break;

    case BINARY_JPEG:
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_TEXT,
                   /* Translators: %s is a file name */
                   _("“%s” is a JPEG image, not a text file"), label);
      break;

    case BINARY_GIF:
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_TEXT,
                   /* Translators: %s is a file name */
                   _("“%s” is a GIF image, not a text file"), label);
      break;

    case BINARY_ZIP:
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_TEXT,
                   /* Translators: %s is a file name.  Word processor files
                    * (.docx, .odt) are ZIP archives too. */
                   _("“%s” is a ZIP archive or a word processor document, not a text file"),
                   label);
      break;

    case BINARY_GZIP:
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_TEXT,
                   /* Translators: %s is a file name */
                   _("“%s” is compressed with gzip, not a text file"), label);
      break;

    case BINARY_ELF:
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_TEXT,
                   /* Translators: %s is a file name */
                   _("“%s” is a program, not a text file"), label);
      break;

    case BINARY_UTF16:
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_TEXT,
                   /* Translators: %s is a file name */
                   _("“%s” is encoded in UTF-16, which Gloss does not read; save it as UTF-8"),
                   label);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Decides whether @data is text Gloss can annotate.  It is not when:
 *
 *  - it starts with the signature of a common binary format (PDF, PNG, JPEG,
 *    GIF, ZIP and the office formats built on it, gzip, ELF) or with a
 *    UTF-16/UTF-32 byte order mark;
 *  - it holds a NUL byte anywhere: no text encoding Gloss reads has one, and
 *    the offsets would be ambiguous for every C string consumer;
 *  - in its first 64 KiB, at least 4 bytes and more than 1 % of the bytes are
 *    C0 controls other than those in TEXT_CONTROLS, or DEL.  Random binary
 *    data has about 9 % of those; text, even with the odd stray control, has
 *    next to none. */
static gboolean
check_is_text (const guchar  *data,
               gsize          n_bytes,
               const char    *label,
               GError       **error)
{
  gsize sample;
  gsize n_controls = 0;
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (binary_signatures); i++)
    {
      if (n_bytes >= binary_signatures[i].length &&
          memcmp (data, binary_signatures[i].magic, binary_signatures[i].length) == 0)
        {
          set_binary_error (error, binary_signatures[i].kind, label);
          return FALSE;
        }
    }

  if (n_bytes > 0 && memchr (data, '\0', n_bytes) != NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_TEXT,
                   /* Translators: %s is a file name */
                   _("“%s” is not a text file: it contains NUL bytes"), label);
      return FALSE;
    }

  sample = MIN (n_bytes, SNIFF_SIZE);
  for (i = 0; i < sample; i++)
    {
      if (is_binary_control (data[i]))
        n_controls++;
    }

  if (n_controls >= 4 && n_controls * 100 > sample)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_TEXT,
                   /* Translators: %s is a file name */
                   _("“%s” does not look like a text file: it contains many control characters"),
                   label);
      return FALSE;
    }

  return TRUE;
}

static inline gsize
utf8_width (gunichar c)
{
  if (c < 0x80)
    return 1;
  if (c < 0x800)
    return 2;
  return 3;
}

/* Every byte sequence decodes, so this cannot fail.  Sizes the output first
 * so the text is allocated once, at its final size. */
static char *
decode_windows_1252 (const guchar *data,
                     gsize         n_bytes,
                     gsize        *n_text)
{
  gsize size = 0;
  char *text;
  char *out;
  gsize i;

  for (i = 0; i < n_bytes; i++)
    {
      guchar byte = data[i];

      if (byte < 0x80)
        size += 1;
      else if (byte < 0xa0)
        size += utf8_width (windows_1252_c1[byte - 0x80]);
      else
        size += 2;
    }

  text = g_malloc (size + 1);
  out = text;

  for (i = 0; i < n_bytes; i++)
    {
      guchar byte = data[i];

      if (byte < 0x80)
        *out++ = (char) byte;
      else if (byte < 0xa0)
        out += g_unichar_to_utf8 (windows_1252_c1[byte - 0x80], out);
      else
        out += g_unichar_to_utf8 (byte, out);
    }

  g_assert ((gsize) (out - text) == size);
  *out = '\0';
  *n_text = size;

  return text;
}

/* Checks and decodes raw bytes; takes @data, which must have a NUL after
 * its @n_bytes bytes so that UTF-8 can become the text as it is. */
static GlossSource *
gloss_source_new_from_data (GFile       *file,
                            char        *name,
                            const char  *label,
                            char        *data,
                            gsize        n_bytes,
                            GError     **error)
{
  char *sha256;
  char *text;
  gsize n_text;

  if (!check_is_text ((const guchar *) data, n_bytes, label, error))
    {
      g_free (data);
      g_free (name);
      return NULL;
    }

  /* UTF-8 bytes are the text as they are: one checksum for both, worked
   * out by the source. */
  if (g_utf8_validate_len (data, n_bytes, NULL))
    return _gloss_source_new_take (file, name, data, n_bytes,
                                   "UTF-8", "text/plain", NULL,
                                   NULL, NULL, NULL, NULL);

  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, n_bytes);

  text = decode_windows_1252 ((const guchar *) data, n_bytes, &n_text);
  g_free (data);

  return _gloss_source_new_take (file, name, text, n_text,
                                 "windows-1252", "text/plain", NULL,
                                 sha256, NULL, NULL, NULL);
}

static void
set_too_large_error (GError     **error,
                     const char  *label,
                     gsize        max_size)
{
  g_autofree char *limit = NULL;

  if (max_size >= MIB && max_size % MIB == 0)
    /* Translators: a size limit, as in “64 MiB” */
    limit = g_strdup_printf (_("%u MiB"), (guint) MIN (max_size / MIB, G_MAXUINT));
  else
    limit = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
               /* Translators: the first %s is a file name, the second a size
                * such as “64 MiB” */
               _("“%s” is larger than the %s Gloss opens"), label, limit);
}

/* Passes on an error from GIO with the file named.  The commonest ones get
 * a plain sentence of their own; the code stays the same for callers. */
static void
propagate_io_error (GFile       *file,
                    GError     **error,
                    GError      *local_error,
                    const char  *label)
{
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: %s is a file name */
                   _("The file “%s” does not exist"), label);
      g_error_free (local_error);
    }
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY) ||
           (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE) &&
            g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   /* Translators: %s is a file name */
                   _("“%s” is a folder, not a text file"), label);
      g_error_free (local_error);
    }
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
           g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE))
    {
      /* The latter already names the file and says "not a regular file". */
      g_propagate_error (error, local_error);
    }
  else
    {
      g_propagate_prefixed_error (error, local_error,
                                  /* Translators: %s is a file name; an
                                   * explanation follows the colon */
                                  _("Could not read “%s”: "), label);
    }
}

/* Reads the whole of @file, refusing it once it is over @max_size bytes:
 * never reads more than one byte past the limit, even if the file grows
 * while it is read.  Only a regular file is read, opened without
 * blocking, so that a FIFO or a device (or a link to one) is refused
 * rather than waited on or read without end.  The buffer returned has a
 * NUL after its *@n_bytes bytes. */
static char *
read_contents (GFile         *file,
               const char    *label,
               gsize          max_size,
               gsize         *n_bytes,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autofree char *buffer = NULL;
  GError *local_error = NULL;
  goffset size = -1;
  gsize capacity;
  gsize length = 0;

  stream = gloss_file_open_regular (file, &size, cancellable, &local_error);
  if (stream == NULL)
    {
      propagate_io_error (file, error, local_error, label);
      return NULL;
    }

  /* The size the open file had: a first guess for the buffer and a quick
   * refusal, never trusted to bound the read below. */
  if (size > 0 && (guint64) size > max_size)
    {
      set_too_large_error (error, label, max_size);
      return NULL;
    }
  capacity = size > 0 ? (gsize) size : MIN (max_size, READ_CHUNK);

  /* One byte more than expected: reading it means the file is bigger than
   * it said, and otherwise it holds the terminating NUL. */
  capacity += 1;
  buffer = g_malloc (capacity);

  for (;;)
    {
      gsize n_read = 0;

      if (!g_input_stream_read_all (stream, buffer + length, capacity - length, &n_read,
                                    cancellable, &local_error))
        {
          propagate_io_error (file, error, local_error, label);
          return NULL;
        }

      length += n_read;
      if (length < capacity)
        break;

      if (length > max_size)
        {
          set_too_large_error (error, label, max_size);
          return NULL;
        }

      /* The file goes on past what it said: grow geometrically, but never
       * past the one byte that proves it too large. */
      capacity = MIN (capacity * 2, max_size + 1);
      buffer = g_realloc (buffer, capacity);
    }

  if (!g_input_stream_close (stream, cancellable, &local_error))
    {
      propagate_io_error (file, error, local_error, label);
      return NULL;
    }

  if (capacity > length + 1)
    buffer = g_realloc (buffer, length + 1);
  buffer[length] = '\0';
  *n_bytes = length;

  return g_steal_pointer (&buffer);
}

/**
 * gloss_source_new_from_plain_text:
 * @file: the article to read
 * @max_size: the largest size accepted, in bytes; 0 for the default
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Reads a plain-text article, blocking; run it in a thread for big files.
 *
 * Returns: (transfer full) (nullable): the source, or %NULL with @error set
 */
GlossSource *
gloss_source_new_from_plain_text (GFile         *file,
                                  gsize          max_size,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  g_autofree char *label = NULL;
  char *data;
  gsize n_bytes = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (max_size == 0)
    max_size = GLOSS_SOURCE_DEFAULT_MAX_SIZE;
  /* Keeps max_size + 1 from overflowing. */
  max_size = MIN (max_size, (gsize) G_MAXSSIZE);

  label = g_file_get_parse_name (file);

  data = read_contents (file, label, max_size, &n_bytes, cancellable, error);
  if (data == NULL)
    return NULL;

  return gloss_source_new_from_data (file, _gloss_source_dup_display_basename (file), label,
                                     data, n_bytes, error);
}

/**
 * gloss_source_new_from_bytes:
 * @bytes: the raw contents of an article
 * @display_name: (nullable): names the article in errors and as its name
 * @error: return location for an error
 *
 * Like gloss_source_new_from_plain_text(), for contents already in memory.  No
 * size limit applies: whoever read the bytes chose how many to read.
 *
 * Returns: (transfer full) (nullable): the source, or %NULL with @error set
 */
GlossSource *
gloss_source_new_from_bytes (GBytes      *bytes,
                             const char  *display_name,
                             GError     **error)
{
  const char *data;
  char *copy;
  gsize n_bytes = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = _("Untitled");

  data = g_bytes_get_data (bytes, &n_bytes);

  /* A copy with a NUL after it, which valid UTF-8 then keeps as the text. */
  copy = g_malloc (n_bytes + 1);
  if (n_bytes > 0)
    memcpy (copy, data, n_bytes);
  copy[n_bytes] = '\0';

  return gloss_source_new_from_data (NULL, g_strdup (display_name), display_name,
                                     copy, n_bytes, error);
}

/* Entry points for reading HTML and XML articles, which share the reading
 * and the decoding above. */

char *
_gloss_source_read_file (GFile         *file,
                         const char    *label,
                         gsize          max_size,
                         gsize         *n_bytes,
                         GCancellable  *cancellable,
                         GError       **error)
{
  if (max_size == 0)
    max_size = GLOSS_SOURCE_DEFAULT_MAX_SIZE;
  max_size = MIN (max_size, (gsize) G_MAXSSIZE);

  return read_contents (file, label, max_size, n_bytes, cancellable, error);
}

GlossSource *
_gloss_source_new_from_contents (GFile   *file,
                                 char    *data,
                                 gsize    n_bytes,
                                 GError **error)
{
  g_autofree char *label = g_file_get_parse_name (file);

  return gloss_source_new_from_data (file, _gloss_source_dup_display_basename (file), label,
                                     data, n_bytes, error);
}

char *
_gloss_source_decode_windows_1252 (const char *data,
                                   gsize       n_bytes,
                                   gsize      *n_text)
{
  return decode_windows_1252 ((const guchar *) data, n_bytes, n_text);
}
