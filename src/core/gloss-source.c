/* gloss-source.c
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
#include "gloss-source.h"
#include "gloss-text-index.h"

/* How much of a file the control-character test looks at. */
#define SNIFF_SIZE (64 * 1024)

/* First read size when the file does not tell its size (a pipe, /proc). */
#define READ_CHUNK (64 * 1024)

/* Titles longer than this many characters are cut and end in "…". */
#define TITLE_MAX_CHARS 200

#define MIB (1024 * 1024)

struct _GlossSource
{
  GObject         parent_instance;

  GFile          *file;
  char           *name;
  char           *title;
  char           *encoding;
  char           *media_type;
  char           *extractor;
  char           *sha256;
  char           *text_sha256;

  /* Always NUL-terminated, and never holds a NUL itself. */
  char           *text;
  gsize           n_bytes;
  GlossTextIndex *index;

  GArray         *blocks;
  GHashTable     *metadata;
};

G_DEFINE_FINAL_TYPE (GlossSource, gloss_source, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_FILE,
  PROP_NAME,
  PROP_TITLE,
  PROP_LENGTH,
  PROP_ENCODING,
  PROP_MEDIA_TYPE,
  PROP_EXTRACTOR,
  PROP_SHA256,
  PROP_TEXT_SHA256,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

static inline gboolean
is_title_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0xfeff;
}

/* The first line with anything but white space in it, trimmed and cut to
 * TITLE_MAX_CHARS; NULL when there is none.  Only the start of the text is
 * read, however long it is. */
static char *
find_title (const char *text,
            gsize       n_bytes)
{
  const char *end = text + n_bytes;
  const char *line = text;

  while (line < end)
    {
      const char *eol = line;
      const char *first;
      const char *last;
      const char *cut;
      guint n_chars;

      while (eol < end && *eol != '\n' && *eol != '\r')
        eol++;

      first = line;
      while (first < eol && is_title_space (g_utf8_get_char (first)))
        first = g_utf8_next_char (first);

      last = eol;
      while (last > first)
        {
          const char *prev = g_utf8_prev_char (last);

          if (!is_title_space (g_utf8_get_char (prev)))
            break;
          last = prev;
        }

      if (first < last)
        {
          g_autofree char *head = NULL;

          cut = first;
          for (n_chars = 0; cut < last && n_chars < TITLE_MAX_CHARS; n_chars++)
            cut = g_utf8_next_char (cut);

          if (cut >= last)
            return g_strndup (first, last - first);

          /* Do not leave a space dangling before the ellipsis. */
          while (cut > first)
            {
              const char *prev = g_utf8_prev_char (cut);

              if (!is_title_space (g_utf8_get_char (prev)))
                break;
              cut = prev;
            }

          head = g_strndup (first, cut - first);
          return g_strconcat (head, "…", NULL);
        }

      /* A blank line: "\r\n" may count as two line ends here, since the
       * empty line between them is skipped all the same. */
      if (eol == end)
        break;
      line = eol + 1;
    }

  return NULL;
}

static void
add_paragraph (GArray         *blocks,
               GlossTextIndex *index,
               gsize           start_byte,
               gsize           end_byte)
{
  GlossBlock block = { 0, 0, GLOSS_BLOCK_PARAGRAPH, 0 };

  block.start = gloss_text_index_byte_to_offset (index, start_byte);
  block.end = gloss_text_index_byte_to_offset (index, end_byte);
  g_array_append_val (blocks, block);
}

/* The next @c at or after @from, or @end; @cached is the last answer, still
 * good while it lies ahead.  Remembering it keeps a file whose lines all end
 * in a lone "\r" from searching to its end for "\n" once per line. */
static const char *
find_next (const char *from,
           const char *end,
           char        c,
           const char *cached)
{
  const char *found;

  if (cached != NULL && cached >= from)
    return cached;

  found = memchr (from, c, end - from);
  return found != NULL ? found : end;
}

static inline gboolean
is_blank_byte (char c)
{
  return c == ' ' || c == '\t' || c == '\f';
}

/* U+FEFF is EF BB BF; in valid UTF-8 those three bytes are always that. */
static inline gboolean
is_bom (const char *p)
{
  return (guchar) p[0] == 0xef && (guchar) p[1] == 0xbb && (guchar) p[2] == 0xbf;
}

/* A paragraph is a maximal run of lines that are not blank, from its first
 * character that is not blank to the end of its last one.  Blank characters
 * are space, tab, carriage return, form feed and U+FEFF; lines end at "\n",
 * "\r\n" or a lone "\r".  Lines are found with memchr and the ranges
 * converted to code points through the index, which is much faster than
 * decoding every character. */
static GArray *
find_paragraphs (const char     *text,
                 gsize           n_bytes,
                 GlossTextIndex *index)
{
  const char *end = text + n_bytes;
  const char *line = text;
  const char *next_lf = NULL;
  const char *next_cr = NULL;
  const char *para_start = NULL;
  const char *para_end = NULL;
  GArray *blocks;

  blocks = g_array_new (FALSE, FALSE, sizeof (GlossBlock));

  while (line < end)
    {
      const char *eol;
      const char *first;
      const char *last;

      next_lf = find_next (line, end, '\n', next_lf);
      next_cr = find_next (line, end, '\r', next_cr);
      eol = MIN (next_lf, next_cr);

      first = line;
      while (first < eol)
        {
          if (is_blank_byte (*first))
            first++;
          else if (eol - first >= 3 && is_bom (first))
            first += 3;
          else
            break;
        }

      last = eol;
      while (last > first)
        {
          if (is_blank_byte (last[-1]))
            last--;
          else if (last - first >= 3 && is_bom (last - 3))
            last -= 3;
          else
            break;
        }

      if (first < last)
        {
          if (para_start == NULL)
            para_start = first;
          para_end = last;
        }
      else if (para_start != NULL)
        {
          add_paragraph (blocks, index, para_start - text, para_end - text);
          para_start = NULL;
        }

      if (eol == end)
        break;
      if (*eol == '\r' && eol + 1 < end && eol[1] == '\n')
        line = eol + 2;
      else
        line = eol + 1;
    }

  if (para_start != NULL)
    add_paragraph (blocks, index, para_start - text, para_end - text);

  return blocks;
}

static char *
dup_display_basename (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename == NULL)
    return g_file_get_parse_name (file);

  return g_filename_display_name (basename);
}

/* The single place where a source comes together.  Takes @name, @text,
 * @sha256, @text_sha256, @blocks and @metadata; any of the last four may be
 * NULL to have it worked out; @text must be valid UTF-8 of @n_bytes bytes
 * with a NUL after them. */
static GlossSource *
gloss_source_new_take (GFile      *file,
                       char       *name,
                       char       *text,
                       gsize       n_bytes,
                       const char *encoding,
                       const char *media_type,
                       const char *extractor,
                       char       *sha256,
                       char       *text_sha256,
                       GArray     *blocks,
                       GHashTable *metadata)
{
  GlossSource *self;
  const char *meta_title = NULL;

  self = g_object_new (GLOSS_TYPE_SOURCE, NULL);

  g_set_object (&self->file, file);
  self->name = name;
  self->text = text;
  self->n_bytes = n_bytes;
  self->index = gloss_text_index_new (self->text, self->n_bytes);
  self->encoding = g_strdup (encoding);
  self->media_type = g_strdup (media_type);
  self->extractor = g_strdup (extractor);

  if (text_sha256 == NULL)
    text_sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                               (const guchar *) text, n_bytes);
  self->text_sha256 = text_sha256;

  /* A caller without the original bytes has only the text to vouch for. */
  if (sha256 == NULL)
    sha256 = g_strdup (text_sha256);
  self->sha256 = sha256;

  if (blocks == NULL)
    blocks = find_paragraphs (text, n_bytes, self->index);
  self->blocks = blocks;

  if (metadata == NULL)
    metadata = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->metadata = metadata;

  /* An importer knows the real title (<title>, <dc:title>) better than the
   * first line of the extracted text does. */
  meta_title = g_hash_table_lookup (metadata, "title");
  if (meta_title != NULL)
    {
      self->title = g_strstrip (g_strdup (meta_title));
      if (self->title[0] == '\0')
        g_clear_pointer (&self->title, g_free);
    }

  if (self->title == NULL)
    self->title = find_title (text, n_bytes);

  if (self->title == NULL)
    self->title = g_strdup (self->name);

  return self;
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

  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, n_bytes);

  if (g_utf8_validate_len (data, n_bytes, NULL))
    {
      return gloss_source_new_take (file, name, data, n_bytes,
                                    "UTF-8", "text/plain", NULL,
                                    sha256, g_strdup (sha256), NULL, NULL);
    }

  text = decode_windows_1252 ((const guchar *) data, n_bytes, &n_text);
  g_free (data);

  return gloss_source_new_take (file, name, text, n_text,
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
propagate_io_error (GError     **error,
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
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   /* Translators: %s is a file name */
                   _("“%s” is a folder, not a text file"), label);
      g_error_free (local_error);
    }
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
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
 * while it is read or does not tell its size.  The buffer returned has a NUL
 * after its *@n_bytes bytes. */
static char *
read_contents (GFile         *file,
               const char    *label,
               gsize          max_size,
               gsize         *n_bytes,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *buffer = NULL;
  GError *local_error = NULL;
  gsize capacity;
  gsize length = 0;

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      propagate_io_error (error, local_error, label);
      return NULL;
    }

  /* Asked of the open stream rather than the path, so it is the size of the
   * very file being read.  Failing to learn it is no error: the read below
   * enforces the limit on its own. */
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                         cancellable, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    {
      goffset size = g_file_info_get_size (info);

      if (size > 0 && (guint64) size > max_size)
        {
          set_too_large_error (error, label, max_size);
          return NULL;
        }

      /* Files in /proc and the like report 0 and still have contents. */
      capacity = size > 0 ? (gsize) size : MIN (max_size, READ_CHUNK);
    }
  else
    {
      capacity = MIN (max_size, READ_CHUNK);
    }

  /* One byte more than expected: reading it means the file is bigger than
   * it said, and otherwise it holds the terminating NUL. */
  capacity += 1;
  buffer = g_malloc (capacity);

  for (;;)
    {
      gsize n_read = 0;

      if (!g_input_stream_read_all (G_INPUT_STREAM (stream),
                                    buffer + length, capacity - length, &n_read,
                                    cancellable, &local_error))
        {
          propagate_io_error (error, local_error, label);
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

  if (!g_input_stream_close (G_INPUT_STREAM (stream), cancellable, &local_error))
    {
      propagate_io_error (error, local_error, label);
      return NULL;
    }

  if (capacity > length + 1)
    buffer = g_realloc (buffer, length + 1);
  buffer[length] = '\0';
  *n_bytes = length;

  return g_steal_pointer (&buffer);
}

static void
gloss_source_dispose (GObject *object)
{
  GlossSource *self = GLOSS_SOURCE (object);

  g_clear_object (&self->file);

  G_OBJECT_CLASS (gloss_source_parent_class)->dispose (object);
}

static void
gloss_source_finalize (GObject *object)
{
  GlossSource *self = GLOSS_SOURCE (object);

  /* The index borrows the text, so it goes first. */
  g_clear_pointer (&self->index, gloss_text_index_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->encoding, g_free);
  g_clear_pointer (&self->media_type, g_free);
  g_clear_pointer (&self->extractor, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->text_sha256, g_free);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->metadata, g_hash_table_unref);

  G_OBJECT_CLASS (gloss_source_parent_class)->finalize (object);
}

static void
gloss_source_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GlossSource *self = GLOSS_SOURCE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_LENGTH:
      g_value_set_uint (value, gloss_source_get_length (self));
      break;

    case PROP_ENCODING:
      g_value_set_string (value, self->encoding);
      break;

    case PROP_MEDIA_TYPE:
      g_value_set_string (value, self->media_type);
      break;

    case PROP_EXTRACTOR:
      g_value_set_string (value, self->extractor);
      break;

    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;

    case PROP_TEXT_SHA256:
      g_value_set_string (value, self->text_sha256);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_source_class_init (GlossSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gloss_source_dispose;
  object_class->finalize = gloss_source_finalize;
  object_class->get_property = gloss_source_get_property;

  /* A source never changes once made, so these are read-only and never
   * notify; a window binds them once per article. */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LENGTH] =
    g_param_spec_uint ("length", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ENCODING] =
    g_param_spec_string ("encoding", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MEDIA_TYPE] =
    g_param_spec_string ("media-type", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EXTRACTOR] =
    g_param_spec_string ("extractor", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SHA256] =
    g_param_spec_string ("sha256", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TEXT_SHA256] =
    g_param_spec_string ("text-sha256", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_source_init (GlossSource *self)
{
}

/**
 * gloss_source_new_from_file:
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
gloss_source_new_from_file (GFile         *file,
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

  return gloss_source_new_from_data (file, dup_display_basename (file), label,
                                     data, n_bytes, error);
}

/**
 * gloss_source_new_from_bytes:
 * @bytes: the raw contents of an article
 * @display_name: (nullable): names the article in errors and as its name
 * @error: return location for an error
 *
 * Like gloss_source_new_from_file(), for contents already in memory.  No
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

/**
 * gloss_source_new_from_text:
 * @text: valid UTF-8
 * @length: the length of @text in bytes, or -1 if it is NUL-terminated
 * @display_name: (nullable): the name of the source
 *
 * Makes a plain-text source of @text, encoded as UTF-8.
 *
 * Returns: (transfer full): the source
 */
GlossSource *
gloss_source_new_from_text (const char *text,
                            gssize      length,
                            const char *display_name)
{
  gsize n_bytes;
  char *copy;
  char *sha256;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  n_bytes = length < 0 ? strlen (text) : (gsize) length;

  /* The index and every slice rely on this; a NUL inside fails it too. */
  g_return_val_if_fail (g_utf8_validate_len (text, n_bytes, NULL), NULL);

  if (display_name == NULL)
    display_name = _("Untitled");

  copy = g_malloc (n_bytes + 1);
  if (n_bytes > 0)
    memcpy (copy, text, n_bytes);
  copy[n_bytes] = '\0';

  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) copy, n_bytes);

  return gloss_source_new_take (NULL, g_strdup (display_name), copy, n_bytes,
                                "UTF-8", "text/plain", NULL,
                                sha256, g_strdup (sha256), NULL, NULL);
}

/**
 * gloss_source_new_extracted:
 * @file: (nullable): the file the text was extracted from
 * @media_type: (nullable): the file's media type; %NULL for "text/plain"
 * @encoding: (nullable): the file's encoding; %NULL for "UTF-8"
 * @file_sha256: (nullable): the SHA-256 of the file's bytes; %NULL when
 *   there are none, and the text's own hash stands in
 * @extractor: (nullable): names the extractor and its version
 * @text: (transfer full): the extracted text, valid UTF-8
 * @blocks: (transfer full) (nullable): #GlossBlock ranges, or %NULL to find
 *   paragraphs; ranges past the end of the text are clamped
 * @metadata: (transfer full) (nullable): string keys to string values;
 *   a "title" there is the source's title
 *
 * Returns: (transfer full): the source
 */
GlossSource *
gloss_source_new_extracted (GFile      *file,
                            const char *media_type,
                            const char *encoding,
                            const char *file_sha256,
                            const char *extractor,
                            char       *text,
                            GArray     *blocks,
                            GHashTable *metadata)
{
  GlossSource *self;
  char *name;
  guint length;
  guint i;

  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (blocks == NULL ||
                        g_array_get_element_size (blocks) == sizeof (GlossBlock), NULL);

  if (file != NULL)
    name = dup_display_basename (file);
  else
    name = g_strdup (_("Untitled"));

  self = gloss_source_new_take (file, name, text, strlen (text),
                                encoding != NULL ? encoding : "UTF-8",
                                media_type != NULL ? media_type : "text/plain",
                                extractor, g_strdup (file_sha256), NULL,
                                blocks, metadata);

  /* Blocks are ranges into this text; keep a careless importer from
   * handing out ranges that would slice past its end. */
  length = gloss_source_get_length (self);
  for (i = 0; i < self->blocks->len; i++)
    {
      GlossBlock *block = &g_array_index (self->blocks, GlossBlock, i);

      block->end = MIN (block->end, length);
      block->start = MIN (block->start, block->end);
    }

  return self;
}

GFile *
gloss_source_get_file (GlossSource *self)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), NULL);

  return self->file;
}

const char *
gloss_source_get_name (GlossSource *self)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), NULL);

  return self->name;
}

const char *
gloss_source_get_text (GlossSource *self)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), NULL);

  return self->text;
}

gsize
gloss_source_get_n_bytes (GlossSource *self)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), 0);

  return self->n_bytes;
}

guint
gloss_source_get_length (GlossSource *self)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), 0);

  return gloss_text_index_get_length (self->index);
}

const char *
gloss_source_get_encoding (GlossSource *self)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), NULL);

  return self->encoding;
}

const char *
gloss_source_get_media_type (GlossSource *self)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), NULL);

  return self->media_type;
}

const char *
gloss_source_get_extractor (GlossSource *self)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), NULL);

  return self->extractor;
}

const char *
gloss_source_get_sha256 (GlossSource *self)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), NULL);

  return self->sha256;
}

const char *
gloss_source_get_text_sha256 (GlossSource *self)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), NULL);

  return self->text_sha256;
}

const char *
gloss_source_get_title (GlossSource *self)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), NULL);

  return self->title;
}

/**
 * gloss_source_get_blocks:
 * @self: a #GlossSource
 * @n_blocks: (out) (optional): the number of blocks
 *
 * Returns: (array length=n_blocks) (transfer none) (nullable): the blocks in
 *   text order; %NULL when there are none
 */
const GlossBlock *
gloss_source_get_blocks (GlossSource *self,
                         guint       *n_blocks)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), NULL);

  if (n_blocks != NULL)
    *n_blocks = self->blocks->len;

  if (self->blocks->len == 0)
    return NULL;

  return (const GlossBlock *) (gpointer) self->blocks->data;
}

const char *
gloss_source_get_metadata (GlossSource *self,
                           const char  *key)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_hash_table_lookup (self->metadata, key);
}

/**
 * gloss_source_get_metadata_table:
 * @self: a #GlossSource
 *
 * Returns: (transfer none): the metadata, string keys to string values;
 *   empty for plain text
 */
GHashTable *
gloss_source_get_metadata_table (GlossSource *self)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), NULL);

  return self->metadata;
}

gsize
gloss_source_offset_to_byte (GlossSource *self,
                             guint        offset)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), 0);

  return gloss_text_index_offset_to_byte (self->index, offset);
}

guint
gloss_source_byte_to_offset (GlossSource *self,
                             gsize        byte)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), 0);

  return gloss_text_index_byte_to_offset (self->index, byte);
}

/**
 * gloss_source_dup_slice:
 * @self: a #GlossSource
 * @start: the first code point
 * @end: the code point after the last
 *
 * Both offsets are clamped to the length, and @start to @end, so an empty
 * or inverted range gives an empty string.
 *
 * Returns: (transfer full): the text in [@start, @end)
 */
char *
gloss_source_dup_slice (GlossSource *self,
                        guint        start,
                        guint        end)
{
  gsize start_byte;
  gsize end_byte;

  g_return_val_if_fail (GLOSS_IS_SOURCE (self), NULL);

  end_byte = gloss_text_index_offset_to_byte (self->index, end);
  start_byte = gloss_text_index_offset_to_byte (self->index, MIN (start, end));

  return g_strndup (self->text + start_byte, end_byte - start_byte);
}

/**
 * gloss_source_slice_equals:
 * @self: a #GlossSource
 * @start: the first code point
 * @end: the code point after the last
 * @str: UTF-8 to compare with
 *
 * Unlike the other offset functions this one does not clamp: a range that
 * reaches past the end of the text, or ends before it starts, holds no text
 * at all, so it equals nothing.  That is what checking an annotation's
 * quote against the article needs.
 *
 * Returns: %TRUE when the text in [@start, @end) is exactly @str
 */
gboolean
gloss_source_slice_equals (GlossSource *self,
                           guint        start,
                           guint        end,
                           const char  *str)
{
  gsize start_byte;
  gsize n;

  g_return_val_if_fail (GLOSS_IS_SOURCE (self), FALSE);
  g_return_val_if_fail (str != NULL, FALSE);

  if (start > end || end > gloss_text_index_get_length (self->index))
    return FALSE;

  start_byte = gloss_text_index_offset_to_byte (self->index, start);
  n = gloss_text_index_offset_to_byte (self->index, end) - start_byte;

  /* strncmp stops at the end of @str, and the text never holds a NUL, so
   * when the first n bytes match @str has at least n of them and str[n] is
   * safe to read. */
  return strncmp (self->text + start_byte, str, n) == 0 && str[n] == '\0';
}
