/* gloss-json-scalars.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-json-bytes.h"
#include "gloss-json-reader-private.h"

/* Bytes that may stand in a string as they are, and that need no further
 * check: printable ASCII except the quote and the backslash. */
static const guint8 plain_string_byte[256] = {
  [0x20 ... 0x21] = 1,
  [0x23 ... 0x5B] = 1,
  [0x5D ... 0x7F] = 1,
};

static inline gboolean
is_digit (guchar c)
{
  return c >= '0' && c <= '9';
}

static inline gboolean
is_word_byte (guchar c)
{
  return g_ascii_isalnum (c) || c == '_';
}

static inline void
buffer_append (GlossJsonReader *reader,
               const guchar    *bytes,
               gsize            length)
{
  gsize needed = reader->buffer_length + length + 1;

  if (G_UNLIKELY (needed > reader->buffer_size))
    {
      reader->buffer_size = MAX (needed, reader->buffer_size * 2);
      reader->buffer = g_realloc (reader->buffer, reader->buffer_size);
    }

  memcpy (reader->buffer + reader->buffer_length, bytes, length);
  reader->buffer_length += length;
}

static inline int
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads the four hexadecimal digits after “\u” at @p; -1 if they are not. */
static int
read_hex4 (const guchar *p,
           const guchar *end)
{
  int value = 0;

  if (end - p < 4)
    return -1;

  for (guint i = 0; i < 4; i++)
    {
      int digit = hex_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

/* Decodes the escape sequence at @p (a backslash) into the buffer and
 * returns the byte after it, or NULL with @error set. */
static const guchar *
read_escape (GlossJsonReader  *reader,
             const guchar     *p,
             GError          **error)
{
  const guchar *end = reader->end;
  char utf8[6];
  gunichar c;
  int high;
  int low;

  if (end - p < 2)
    {
      _gloss_json_fail (reader, end, error, GLOSS_ERROR_PARSE,
                        _("the document ends inside a string"));
      return NULL;
    }

  switch (p[1])
    {
    case '"':
    case '\\':
    case '/':
      buffer_append (reader, p + 1, 1);
      return p + 2;

    case 'b':
      buffer_append (reader, (const guchar *) "\b", 1);
      return p + 2;

    case 'f':
      buffer_append (reader, (const guchar *) "\f", 1);
      return p + 2;

    case 'n':
      buffer_append (reader, (const guchar *) "\n", 1);
      return p + 2;

    case 'r':
      buffer_append (reader, (const guchar *) "\r", 1);
      return p + 2;

    case 't':
      buffer_append (reader, (const guchar *) "\t", 1);
      return p + 2;

    case 'u':
      break;

    default:
      if (p[1] >= 0x20 && p[1] < 0x7F)
        _gloss_json_fail (reader, p, error, GLOSS_ERROR_PARSE,
                          _("unknown escape sequence “\\%c” in a string"), p[1]);
      else
        _gloss_json_fail (reader, p, error, GLOSS_ERROR_PARSE,
                          _("unknown escape sequence in a string"));
      return NULL;
    }

  high = read_hex4 (p + 2, end);
  if (high < 0)
    {
      _gloss_json_fail (reader, p, error, GLOSS_ERROR_PARSE,
                        _("“\\u” must be followed by four hexadecimal digits"));
      return NULL;
    }

  if (high == 0)
    {
      /* Gloss keeps strings as C strings, where a NUL would silently cut
       * the text short; refusing it is safer than losing the rest. */
      _gloss_json_fail (reader, p, error, GLOSS_ERROR_PARSE,
                        _("“\\u0000” (a NUL character) is not allowed in Gloss files"));
      return NULL;
    }

  if (high >= 0xDC00 && high <= 0xDFFF)
    {
      _gloss_json_fail (reader, p, error, GLOSS_ERROR_PARSE,
                        /* Translators: a surrogate pair is how JSON escapes a
                         * character beyond U+FFFF, such as an emoji: two \u
                         * escapes in a row.  %04X is the hexadecimal escape. */
                        _("“\\u%04X” is the second half of a surrogate pair, without a first half"),
                        (guint) high);
      return NULL;
    }

  if (high < 0xD800 || high > 0xDBFF)
    {
      c = high;
      buffer_append (reader, (const guchar *) utf8, g_unichar_to_utf8 (c, utf8));
      return p + 6;
    }

  low = -1;
  if (end - p >= 12 && p[6] == '\\' && p[7] == 'u')
    low = read_hex4 (p + 8, end);

  if (low < 0xDC00 || low > 0xDFFF)
    {
      _gloss_json_fail (reader, p, error, GLOSS_ERROR_PARSE,
                        /* Translators: see “second half of a surrogate pair”. */
                        _("“\\u%04X” is the first half of a surrogate pair, without a second half"),
                        (guint) high);
      return NULL;
    }

  c = 0x10000 + (((gunichar) high - 0xD800) << 10) + ((gunichar) low - 0xDC00);
  buffer_append (reader, (const guchar *) utf8, g_unichar_to_utf8 (c, utf8));

  return p + 12;
}

/* Reads the string whose opening quote is at @p into the buffer and moves
 * past its closing quote. */
gboolean
_gloss_json_read_string (GlossJsonReader  *reader,
                         const guchar     *p,
                         GError          **error)
{
  const guchar *end = reader->end;
  const guchar *run = p + 1;
  const guchar *q = run;

  reader->buffer_length = 0;

  for (;;)
    {
      /* The common case: a run of plain ASCII, ended by the closing
       * quote; sixteen bytes looked at once while as many are left. */
      while (end - q >= 16)
        {
          GlossBytes16 block = gloss_bytes16_load (q);
          guint i = gloss_bytes16_first_marked ((GlossBytes16)(block < 0x20) | (GlossBytes16)(block >= 0x80) |
                                                (GlossBytes16)(block == '"') | (GlossBytes16)(block == '\\'));

          q += i;
          if (i < 16)
            break;
        }
      while (q < end && plain_string_byte[*q])
        q++;

      if (G_UNLIKELY (q == end))
        return _gloss_json_fail (reader, p, error, GLOSS_ERROR_PARSE,
                                 _("this string is never closed"));

      if (*q == '"')
        break;

      if (*q == '\\')
        {
          buffer_append (reader, run, q - run);
          q = read_escape (reader, q, error);
          if (q == NULL)
            return FALSE;
          run = q;
        }
      else if (*q < 0x20)
        {
          return _gloss_json_fail (reader, q, error, GLOSS_ERROR_PARSE,
                                   _("control character U+%04X in a string; it must be escaped"),
                                   (guint) *q);
        }
      else
        {
          guint n = _gloss_json_utf8_sequence_length (q, end);

          if (G_UNLIKELY (n == 0))
            return _gloss_json_fail (reader, q, error, GLOSS_ERROR_PARSE,
                                     _("the text is not valid UTF-8 (byte 0x%02X)"), (guint) *q);
          q += n;
        }
    }

  buffer_append (reader, run, q - run);
  reader->buffer[reader->buffer_length] = '\0';
  reader->pos = q + 1;

  return TRUE;
}

gboolean
_gloss_json_read_number (GlossJsonReader  *reader,
                         const guchar     *p,
                         GError          **error)
{
  const guchar *end = reader->end;
  const guchar *q = p;
  gboolean integer = TRUE;

  if (*q == '-')
    {
      q++;
      if (q == end || !is_digit (*q))
        return _gloss_json_fail (reader, q, error, GLOSS_ERROR_PARSE,
                                 _("expected a digit after “-”"));
    }

  if (*q == '0')
    {
      q++;
      if (q < end && is_digit (*q))
        return _gloss_json_fail (reader, p, error, GLOSS_ERROR_PARSE,
                                 _("numbers may not start with a leading zero"));
    }
  else
    {
      while (q < end && is_digit (*q))
        q++;
    }

  if (q < end && *q == '.')
    {
      integer = FALSE;
      q++;
      if (q == end || !is_digit (*q))
        return _gloss_json_fail (reader, q, error, GLOSS_ERROR_PARSE,
                                 _("expected a digit after the decimal point"));
      while (q < end && is_digit (*q))
        q++;
    }

  if (q < end && (*q == 'e' || *q == 'E'))
    {
      integer = FALSE;
      q++;
      if (q < end && (*q == '+' || *q == '-'))
        q++;
      if (q == end || !is_digit (*q))
        return _gloss_json_fail (reader, q, error, GLOSS_ERROR_PARSE,
                                 _("expected a digit in the exponent of a number"));
      while (q < end && is_digit (*q))
        q++;
    }

  reader->token = GLOSS_JSON_TOKEN_NUMBER;
  reader->number_length = q - p;
  reader->number_is_integer = integer;
  reader->pos = q;

  return TRUE;
}

/* Reads true, false or null, refusing any other bare word as a whole (so
 * that “nullx” or “True” are named in the message as they are). */
gboolean
_gloss_json_read_word (GlossJsonReader  *reader,
                       const guchar     *p,
                       GError          **error)
{
  const guchar *q = p;
  gsize length;

  while (q < reader->end && is_word_byte (*q))
    q++;
  length = q - p;

  if (length == 4 && memcmp (p, "true", 4) == 0)
    reader->token = GLOSS_JSON_TOKEN_TRUE;
  else if (length == 5 && memcmp (p, "false", 5) == 0)
    reader->token = GLOSS_JSON_TOKEN_FALSE;
  else if (length == 4 && memcmp (p, "null", 4) == 0)
    reader->token = GLOSS_JSON_TOKEN_NULL;
  else if (length > 32)
    return _gloss_json_fail (reader, p, error, GLOSS_ERROR_PARSE,
                             _("unknown word “%.*s…”; JSON only knows true, false and null"),
                             32, (const char *) p);
  else
    return _gloss_json_fail (reader, p, error, GLOSS_ERROR_PARSE,
                             _("unknown word “%.*s”; JSON only knows true, false and null"),
                             (int) length, (const char *) p);

  reader->pos = q;

  return TRUE;
}
