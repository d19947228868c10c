/* gloss-json-reader.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-json-reader.h"

/* Where the reader stands in the grammar, that is, what the next token may
 * be.  Keeping this explicit (rather than recursing per container) is what
 * lets the reader walk any nesting with constant C stack. */
typedef enum
{
  STATE_START,          /* before the top-level value */
  STATE_OBJECT_FIRST,   /* just after “{”: a key or “}” */
  STATE_OBJECT_NEXT,    /* after a member's value: “,” or “}” */
  STATE_MEMBER_VALUE,   /* after a key: “:” then the value */
  STATE_ARRAY_FIRST,    /* just after “[”: a value or “]” */
  STATE_ARRAY_NEXT,     /* after an element: “,” or “]” */
  STATE_AFTER_ROOT,     /* after the top-level value: only whitespace */
  STATE_END,            /* END has been returned */
  STATE_FAILED,         /* an error was reported; it is reported again */
} ReaderState;

struct _GlossJsonReader
{
  const guchar *data;           /* first byte after any byte order mark */
  const guchar *end;
  const guchar *pos;            /* next byte to scan */

  GlossJsonToken token;
  const guchar *token_start;
  gsize number_length;          /* NUMBER: length of its text */
  gboolean number_is_integer;   /* NUMBER: no fraction and no exponent */

  ReaderState state;
  guint depth;
  guint max_depth;

  /* One entry per open container, TRUE for an object; grown on demand so
   * that a huge max_depth costs nothing until the input really nests. */
  guint8 *in_object;
  guint stack_size;

  /* The decoded text of the current MEMBER or STRING, NUL-terminated;
   * reused from token to token so that reading allocates almost never. */
  char *buffer;
  gsize buffer_length;
  gsize buffer_size;

  /* Lines and columns are only needed for errors and the odd get_line()
   * call, so they are counted lazily, resuming from the last count. */
  const guchar *counted_to;
  guint counted_line;
  guint counted_column;

  GError *failure;
};

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

static inline const guchar *
skip_whitespace (const guchar *p,
                 const guchar *end)
{
  while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
    p++;

  return p;
}

/* Returns the length of the well-formed UTF-8 sequence that starts with the
 * non-ASCII byte at @p, or 0 when it is not one (overlong forms, surrogates
 * and code points past U+10FFFF are refused, as RFC 3629 asks). */
static inline guint
utf8_sequence_length (const guchar *p,
                      const guchar *end)
{
  guchar c = p[0];
  guchar low = 0x80;
  guchar high = 0xBF;

  if (c < 0xC2)
    return 0;

  if (c < 0xE0)
    {
      if (end - p < 2 || p[1] < 0x80 || p[1] > 0xBF)
        return 0;
      return 2;
    }

  if (c < 0xF0)
    {
      if (c == 0xE0)
        low = 0xA0;
      else if (c == 0xED)
        high = 0x9F;
      if (end - p < 3 || p[1] < low || p[1] > high || (p[2] & 0xC0) != 0x80)
        return 0;
      return 3;
    }

  if (c < 0xF5)
    {
      if (c == 0xF0)
        low = 0x90;
      else if (c == 0xF4)
        high = 0x8F;
      if (end - p < 4 || p[1] < low || p[1] > high ||
          (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
        return 0;
      return 4;
    }

  return 0;
}

static void
reader_locate (GlossJsonReader *reader,
               const guchar    *at,
               guint           *line,
               guint           *column)
{
  const guchar *p;
  guint l;
  guint c;

  if (reader->counted_to == NULL || at < reader->counted_to)
    {
      reader->counted_to = reader->data;
      reader->counted_line = 1;
      reader->counted_column = 1;
    }

  l = reader->counted_line;
  c = reader->counted_column;

  for (p = reader->counted_to; p < at; p++)
    {
      if (*p == '\n')
        {
          l++;
          c = 1;
        }
      else if (*p == '\r')
        {
          /* A lone CR ends a line as well; in CR LF the LF does it. */
          if (p + 1 == reader->end || p[1] != '\n')
            {
              l++;
              c = 1;
            }
        }
      else if ((*p & 0xC0) != 0x80)
        {
          /* Columns count characters, not bytes, so that they match what
           * a text editor shows; continuation bytes are not counted. */
          c++;
        }
    }

  reader->counted_to = at;
  reader->counted_line = l;
  reader->counted_column = c;

  *line = l;
  *column = c;
}

/* Describes the byte or character at @p for an error message. */
static char *
describe_at (GlossJsonReader *reader,
             const guchar    *p)
{
  guint n;

  if (*p >= 0x20 && *p < 0x7F)
    return g_strdup_printf ("“%c”", *p);

  if (*p < 0x80)
    {
      /* Translators: %04X is the hexadecimal code of a character such as
       * a tab or a form feed. */
      return g_strdup_printf (_("control character U+%04X"), *p);
    }

  n = utf8_sequence_length (p, reader->end);
  if (n > 0)
    return g_strdup_printf ("“%.*s”", (int) n, (const char *) p);

  /* Translators: %02X is the hexadecimal value of a byte that is not
   * valid UTF-8 text. */
  return g_strdup_printf (_("byte 0x%02X"), *p);
}

static gboolean reader_fail (GlossJsonReader  *reader,
                             const guchar     *at,
                             GError          **error,
                             GlossError        code,
                             const char       *format,
                             ...) G_GNUC_PRINTF (5, 6);

/* Reports an error at @at and leaves the reader failed, so that later
 * calls report the same error rather than reading on from a bad place. */
static gboolean
reader_fail (GlossJsonReader  *reader,
             const guchar     *at,
             GError          **error,
             GlossError        code,
             const char       *format,
             ...)
{
  g_autofree char *what = NULL;
  GError *failure;
  va_list args;
  guint line;
  guint column;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  reader_locate (reader, at, &line, &column);

  /* Translators: the start of every message about a malformed JSON file;
   * the caller puts the file name in front.  The last %s says what is
   * wrong, for example “trailing comma before “]””. */
  failure = g_error_new (GLOSS_ERROR, code, _("line %u, column %u: %s"), line, column, what);

  g_clear_error (&reader->failure);
  reader->failure = g_error_copy (failure);
  reader->state = STATE_FAILED;
  g_propagate_error (error, failure);

  return FALSE;
}

/* Reports that something other than @expected stands at @p. */
static gboolean
reader_fail_found (GlossJsonReader  *reader,
                   const guchar     *p,
                   const char       *expected,
                   GError          **error)
{
  g_autofree char *found = NULL;

  if (p == reader->end)
    return reader_fail (reader, p, error, GLOSS_ERROR_PARSE,
                        _("the document ends too early"));

  if (*p == '/')
    return reader_fail (reader, p, error, GLOSS_ERROR_PARSE,
                        _("comments are not allowed in JSON"));

  found = describe_at (reader, p);

  /* Translators: the first %s is what the grammar allows here, such as
   * “a value”; the second is what the file holds instead, such as “x”. */
  return reader_fail (reader, p, error, GLOSS_ERROR_PARSE, _("expected %s, found %s"),
                      expected, found);
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
      reader_fail (reader, end, error, GLOSS_ERROR_PARSE, _("the document ends inside a string"));
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
        reader_fail (reader, p, error, GLOSS_ERROR_PARSE,
                     _("unknown escape sequence “\\%c” in a string"), p[1]);
      else
        reader_fail (reader, p, error, GLOSS_ERROR_PARSE,
                     _("unknown escape sequence in a string"));
      return NULL;
    }

  high = read_hex4 (p + 2, end);
  if (high < 0)
    {
      reader_fail (reader, p, error, GLOSS_ERROR_PARSE,
                   _("“\\u” must be followed by four hexadecimal digits"));
      return NULL;
    }

  if (high == 0)
    {
      /* Gloss keeps strings as C strings, where a NUL would silently cut
       * the text short; refusing it is safer than losing the rest. */
      reader_fail (reader, p, error, GLOSS_ERROR_PARSE,
                   _("“\\u0000” (a NUL character) is not allowed in Gloss files"));
      return NULL;
    }

  if (high >= 0xDC00 && high <= 0xDFFF)
    {
      reader_fail (reader, p, error, GLOSS_ERROR_PARSE,
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
      reader_fail (reader, p, error, GLOSS_ERROR_PARSE,
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
static gboolean
read_string (GlossJsonReader  *reader,
             const guchar     *p,
             GError          **error)
{
  const guchar *end = reader->end;
  const guchar *run = p + 1;
  const guchar *q = run;

  reader->buffer_length = 0;

  for (;;)
    {
      /* The common case: a run of plain ASCII, ended by the closing quote. */
      while (q < end && plain_string_byte[*q])
        q++;

      if (G_UNLIKELY (q == end))
        return reader_fail (reader, p, error, GLOSS_ERROR_PARSE,
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
          return reader_fail (reader, q, error, GLOSS_ERROR_PARSE,
                              _("control character U+%04X in a string; it must be escaped"),
                              (guint) *q);
        }
      else
        {
          guint n = utf8_sequence_length (q, end);

          if (G_UNLIKELY (n == 0))
            return reader_fail (reader, q, error, GLOSS_ERROR_PARSE,
                                _("the text is not valid UTF-8 (byte 0x%02X)"), (guint) *q);
          q += n;
        }
    }

  buffer_append (reader, run, q - run);
  reader->buffer[reader->buffer_length] = '\0';
  reader->pos = q + 1;

  return TRUE;
}

static gboolean
read_number (GlossJsonReader  *reader,
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
        return reader_fail (reader, q, error, GLOSS_ERROR_PARSE,
                            _("expected a digit after “-”"));
    }

  if (*q == '0')
    {
      q++;
      if (q < end && is_digit (*q))
        return reader_fail (reader, p, error, GLOSS_ERROR_PARSE,
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
        return reader_fail (reader, q, error, GLOSS_ERROR_PARSE,
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
        return reader_fail (reader, q, error, GLOSS_ERROR_PARSE,
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
static gboolean
read_word (GlossJsonReader  *reader,
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
    return reader_fail (reader, p, error, GLOSS_ERROR_PARSE,
                        _("unknown word “%.*s…”; JSON only knows true, false and null"),
                        32, (const char *) p);
  else
    return reader_fail (reader, p, error, GLOSS_ERROR_PARSE,
                        _("unknown word “%.*s”; JSON only knows true, false and null"),
                        (int) length, (const char *) p);

  reader->pos = q;

  return TRUE;
}

/* Sets the state that follows a complete value at the current depth. */
static inline void
after_value (GlossJsonReader *reader)
{
  if (reader->depth == 0)
    reader->state = STATE_AFTER_ROOT;
  else if (reader->in_object[reader->depth - 1])
    reader->state = STATE_OBJECT_NEXT;
  else
    reader->state = STATE_ARRAY_NEXT;
}

static gboolean
begin_container (GlossJsonReader  *reader,
                 const guchar     *p,
                 gboolean          object,
                 GError          **error)
{
  if (reader->depth >= reader->max_depth)
    {
      return reader_fail (reader, p, error, GLOSS_ERROR_TOO_DEEP,
                          /* Translators: %u is the deepest nesting of
                           * objects and arrays that Gloss accepts, such as 64. */
                          g_dngettext (GETTEXT_PACKAGE,
                                       "nesting deeper than %u level",
                                       "nesting deeper than %u levels",
                                       reader->max_depth),
                          reader->max_depth);
    }

  if (reader->depth == reader->stack_size)
    {
      reader->stack_size = MAX (32, reader->stack_size * 2);
      reader->in_object = g_realloc (reader->in_object, reader->stack_size);
    }

  reader->in_object[reader->depth++] = object;
  reader->token = object ? GLOSS_JSON_TOKEN_BEGIN_OBJECT : GLOSS_JSON_TOKEN_BEGIN_ARRAY;
  reader->state = object ? STATE_OBJECT_FIRST : STATE_ARRAY_FIRST;
  reader->pos = p + 1;

  return TRUE;
}

/* The state already ensures that the bracket at @p closes the innermost
 * container, so it only has to be popped. */
static void
end_container (GlossJsonReader *reader,
               const guchar    *p)
{
  g_assert (reader->depth > 0);

  reader->depth--;
  reader->token = *p == '}' ? GLOSS_JSON_TOKEN_END_OBJECT : GLOSS_JSON_TOKEN_END_ARRAY;
  reader->token_start = p;
  reader->pos = p + 1;
  after_value (reader);
}

static gboolean
read_value (GlossJsonReader  *reader,
            const guchar     *p,
            GError          **error)
{
  if (p == reader->end)
    return reader_fail_found (reader, p, _("a value"), error);

  reader->token_start = p;

  switch (*p)
    {
    case '{':
      return begin_container (reader, p, TRUE, error);

    case '[':
      return begin_container (reader, p, FALSE, error);

    case '"':
      if (!read_string (reader, p, error))
        return FALSE;
      reader->token = GLOSS_JSON_TOKEN_STRING;
      break;

    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      if (!read_number (reader, p, error))
        return FALSE;
      break;

    case '+':
      return reader_fail (reader, p, error, GLOSS_ERROR_PARSE,
                          _("numbers may not start with “+”"));

    case '.':
      return reader_fail (reader, p, error, GLOSS_ERROR_PARSE,
                          _("numbers must have a digit before the decimal point"));

    case '\'':
      return reader_fail (reader, p, error, GLOSS_ERROR_PARSE,
                          _("strings must be written in double quotes, not single quotes"));

    default:
      if (g_ascii_isalpha (*p) || *p == '_')
        {
          if (!read_word (reader, p, error))
            return FALSE;
          break;
        }
      return reader_fail_found (reader, p, _("a value"), error);
    }

  after_value (reader);

  return TRUE;
}

static gboolean
read_member (GlossJsonReader  *reader,
             const guchar     *p,
             GError          **error)
{
  if (p == reader->end)
    return reader_fail_found (reader, p, _("a key in double quotes"), error);

  if (*p == '\'')
    return reader_fail (reader, p, error, GLOSS_ERROR_PARSE,
                        _("keys must be written in double quotes, not single quotes"));

  if (g_ascii_isalpha (*p) || *p == '_')
    return reader_fail (reader, p, error, GLOSS_ERROR_PARSE,
                        _("keys must be written in double quotes"));

  if (*p != '"')
    return reader_fail_found (reader, p, _("a key in double quotes"), error);

  reader->token_start = p;
  if (!read_string (reader, p, error))
    return FALSE;

  reader->token = GLOSS_JSON_TOKEN_MEMBER;
  reader->state = STATE_MEMBER_VALUE;

  return TRUE;
}

/**
 * gloss_json_reader_new:
 * @data: the JSON text; it must outlive the reader
 * @length: its length in bytes
 * @max_depth: how many containers may be open at once; 0 allows none
 *
 * Returns: (transfer full): a reader positioned before the first token
 */
GlossJsonReader *
gloss_json_reader_new (const char *data,
                       gsize       length,
                       guint       max_depth)
{
  GlossJsonReader *reader;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (data == NULL)
    data = "";

  reader = g_new0 (GlossJsonReader, 1);
  reader->data = (const guchar *) data;
  reader->end = reader->data + length;
  reader->max_depth = max_depth;

  /* A byte order mark is useless in UTF-8, but some editors on Windows
   * still write one; it is not part of the document. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    reader->data += 3;

  reader->pos = reader->data;
  reader->token_start = reader->data;
  reader->token = GLOSS_JSON_TOKEN_END;
  reader->state = STATE_START;

  reader->buffer_size = 256;
  reader->buffer = g_malloc (reader->buffer_size);
  reader->buffer[0] = '\0';

  return reader;
}

void
gloss_json_reader_free (GlossJsonReader *reader)
{
  if (reader == NULL)
    return;

  g_clear_error (&reader->failure);
  g_free (reader->in_object);
  g_free (reader->buffer);
  g_free (reader);
}

gboolean
gloss_json_reader_next (GlossJsonReader  *reader,
                        GError          **error)
{
  const guchar *end;
  const guchar *p;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (reader->state == STATE_FAILED)
    {
      g_propagate_error (error, g_error_copy (reader->failure));
      return FALSE;
    }

  end = reader->end;
  p = skip_whitespace (reader->pos, end);

  switch (reader->state)
    {
    case STATE_START:
      if (p == end)
        return reader_fail (reader, p, error, GLOSS_ERROR_PARSE, _("the document is empty"));
      return read_value (reader, p, error);

    case STATE_OBJECT_FIRST:
      if (p < end && *p == '}')
        {
          end_container (reader, p);
          return TRUE;
        }
      return read_member (reader, p, error);

    case STATE_OBJECT_NEXT:
      if (p < end && *p == ',')
        {
          p = skip_whitespace (p + 1, end);
          if (p < end && *p == '}')
            return reader_fail (reader, p, error, GLOSS_ERROR_PARSE,
                                _("trailing comma before “}”"));
          return read_member (reader, p, error);
        }
      if (p < end && *p == '}')
        {
          end_container (reader, p);
          return TRUE;
        }
      return reader_fail_found (reader, p, _("“,” or “}”"), error);

    case STATE_MEMBER_VALUE:
      if (p == end || *p != ':')
        return reader_fail_found (reader, p, _("“:” after the key"), error);
      return read_value (reader, skip_whitespace (p + 1, end), error);

    case STATE_ARRAY_FIRST:
      if (p < end && *p == ']')
        {
          end_container (reader, p);
          return TRUE;
        }
      return read_value (reader, p, error);

    case STATE_ARRAY_NEXT:
      if (p < end && *p == ',')
        {
          p = skip_whitespace (p + 1, end);
          if (p < end && *p == ']')
            return reader_fail (reader, p, error, GLOSS_ERROR_PARSE,
                                _("trailing comma before “]”"));
          return read_value (reader, p, error);
        }
      if (p < end && *p == ']')
        {
          end_container (reader, p);
          return TRUE;
        }
      return reader_fail_found (reader, p, _("“,” or “]”"), error);

    case STATE_AFTER_ROOT:
      if (p != end)
        {
          if (*p == '/')
            return reader_fail (reader, p, error, GLOSS_ERROR_PARSE,
                                _("comments are not allowed in JSON"));
          return reader_fail (reader, p, error, GLOSS_ERROR_PARSE,
                              _("unexpected content after the end of the document"));
        }
      reader->token = GLOSS_JSON_TOKEN_END;
      reader->token_start = p;
      reader->pos = p;
      reader->state = STATE_END;
      return TRUE;

    case STATE_END:
      return TRUE;

    case STATE_FAILED:
    default:
      g_assert_not_reached ();
    }

  return FALSE;
}

GlossJsonToken
gloss_json_reader_get_token (GlossJsonReader *reader)
{
  g_return_val_if_fail (reader != NULL, GLOSS_JSON_TOKEN_END);

  return reader->token;
}

const char *
gloss_json_reader_get_string (GlossJsonReader *reader,
                              gsize           *length)
{
  g_return_val_if_fail (reader != NULL, NULL);
  g_return_val_if_fail (reader->token == GLOSS_JSON_TOKEN_MEMBER ||
                        reader->token == GLOSS_JSON_TOKEN_STRING, NULL);

  if (length != NULL)
    *length = reader->buffer_length;

  return reader->buffer;
}

char *
gloss_json_reader_dup_string (GlossJsonReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);
  g_return_val_if_fail (reader->token == GLOSS_JSON_TOKEN_MEMBER ||
                        reader->token == GLOSS_JSON_TOKEN_STRING, NULL);

  return g_strndup (reader->buffer, reader->buffer_length);
}

gboolean
gloss_json_reader_get_int64 (GlossJsonReader *reader,
                             gint64          *value)
{
  const guchar *p;
  const guchar *end;
  gboolean negative;
  guint64 limit;
  guint64 magnitude = 0;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (reader->token == GLOSS_JSON_TOKEN_NUMBER, FALSE);

  if (!reader->number_is_integer)
    return FALSE;

  p = reader->token_start;
  end = p + reader->number_length;
  negative = *p == '-';
  if (negative)
    p++;

  /* The syntax is already checked: only digits remain, so the one thing
   * left to catch is overflow, before it happens. */
  limit = negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64;
  for (; p < end; p++)
    {
      guint digit = *p - '0';

      if (magnitude > (limit - digit) / 10)
        return FALSE;
      magnitude = magnitude * 10 + digit;
    }

  if (value != NULL)
    {
      if (!negative)
        *value = (gint64) magnitude;
      else if (magnitude == (guint64) G_MAXINT64 + 1)
        *value = G_MININT64;
      else
        *value = -(gint64) magnitude;
    }

  return TRUE;
}

double
gloss_json_reader_get_double (GlossJsonReader *reader)
{
  g_autofree char *copy = NULL;
  char text[64];
  const char *number = text;

  g_return_val_if_fail (reader != NULL, 0.0);
  g_return_val_if_fail (reader->token == GLOSS_JSON_TOKEN_NUMBER, 0.0);

  /* g_ascii_strtod needs a NUL after the number, and the input may end
   * right after it, so it reads a copy. */
  if (reader->number_length < sizeof text)
    {
      memcpy (text, reader->token_start, reader->number_length);
      text[reader->number_length] = '\0';
    }
  else
    {
      copy = g_strndup ((const char *) reader->token_start, reader->number_length);
      number = copy;
    }

  return g_ascii_strtod (number, NULL);
}

guint
gloss_json_reader_get_line (GlossJsonReader *reader)
{
  guint line;
  guint column;

  g_return_val_if_fail (reader != NULL, 0);

  reader_locate (reader, reader->token_start, &line, &column);

  return line;
}

guint
gloss_json_reader_get_column (GlossJsonReader *reader)
{
  guint line;
  guint column;

  g_return_val_if_fail (reader != NULL, 0);

  reader_locate (reader, reader->token_start, &line, &column);

  return column;
}

/* The number of containers open after the current token: 1 on the
 * top-level BEGIN_ARRAY and on the values inside it, 0 on its END_ARRAY. */
guint
gloss_json_reader_get_depth (GlossJsonReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->depth;
}

static gboolean
token_starts_value (GlossJsonToken token)
{
  switch (token)
    {
    case GLOSS_JSON_TOKEN_BEGIN_OBJECT:
    case GLOSS_JSON_TOKEN_BEGIN_ARRAY:
    case GLOSS_JSON_TOKEN_STRING:
    case GLOSS_JSON_TOKEN_NUMBER:
    case GLOSS_JSON_TOKEN_TRUE:
    case GLOSS_JSON_TOKEN_FALSE:
    case GLOSS_JSON_TOKEN_NULL:
      return TRUE;

    case GLOSS_JSON_TOKEN_END:
    case GLOSS_JSON_TOKEN_END_OBJECT:
    case GLOSS_JSON_TOKEN_END_ARRAY:
    case GLOSS_JSON_TOKEN_MEMBER:
    default:
      return FALSE;
    }
}

/* Builds the node for the current scalar or the empty container that a
 * BEGIN token opens; NULL with @error set for a number out of range. */
static JsonNode *
node_for_token (GlossJsonReader  *reader,
                GError          **error)
{
  JsonNode *node;
  gint64 integer;
  double number;

  switch (reader->token)
    {
    case GLOSS_JSON_TOKEN_BEGIN_OBJECT:
      node = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (node, json_object_new ());
      return node;

    case GLOSS_JSON_TOKEN_BEGIN_ARRAY:
      node = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (node, json_array_new ());
      return node;

    case GLOSS_JSON_TOKEN_STRING:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, reader->buffer);
      return node;

    case GLOSS_JSON_TOKEN_NUMBER:
      node = json_node_new (JSON_NODE_VALUE);
      if (gloss_json_reader_get_int64 (reader, &integer))
        {
          json_node_set_int (node, integer);
          return node;
        }

      number = gloss_json_reader_get_double (reader);
      if (!isfinite (number))
        {
          /* A double that overflows would be saved back as text that is
           * not JSON at all, so it is refused while there is a place to
           * show. */
          json_node_unref (node);
          reader_fail (reader, reader->token_start, error, GLOSS_ERROR_PARSE,
                       _("the number is too large"));
          return NULL;
        }
      json_node_set_double (node, number);
      return node;

    case GLOSS_JSON_TOKEN_TRUE:
    case GLOSS_JSON_TOKEN_FALSE:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_boolean (node, reader->token == GLOSS_JSON_TOKEN_TRUE);
      return node;

    case GLOSS_JSON_TOKEN_NULL:
      return json_node_new (JSON_NODE_NULL);

    case GLOSS_JSON_TOKEN_END:
    case GLOSS_JSON_TOKEN_END_OBJECT:
    case GLOSS_JSON_TOKEN_END_ARRAY:
    case GLOSS_JSON_TOKEN_MEMBER:
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

JsonNode *
gloss_json_reader_read_node (GlossJsonReader  *reader,
                             GError          **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GString) key = NULL;

  g_return_val_if_fail (reader != NULL, NULL);
  g_return_val_if_fail (token_starts_value (reader->token), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The containers still being filled, innermost last; they belong to
   * @root.  A loop over this list instead of recursion keeps the C stack
   * flat whatever the nesting. */
  open = g_ptr_array_new ();
  key = g_string_new (NULL);

  for (;;)
    {
      JsonNode *node = NULL;

      switch (reader->token)
        {
        case GLOSS_JSON_TOKEN_MEMBER:
          {
            JsonNode *parent = g_ptr_array_index (open, open->len - 1);

            /* json-glib would keep the last of two equal keys without a
             * word; which one the author meant cannot be known, so it is
             * an error. */
            if (json_object_has_member (json_node_get_object (parent), reader->buffer))
              {
                reader_fail (reader, reader->token_start, error, GLOSS_ERROR_PARSE,
                             _("duplicate key “%s”"), reader->buffer);
                return NULL;
              }
            g_string_assign (key, reader->buffer);
          }
          break;

        case GLOSS_JSON_TOKEN_END_OBJECT:
        case GLOSS_JSON_TOKEN_END_ARRAY:
          g_ptr_array_remove_index (open, open->len - 1);
          break;

        case GLOSS_JSON_TOKEN_END:
        case GLOSS_JSON_TOKEN_BEGIN_OBJECT:
        case GLOSS_JSON_TOKEN_BEGIN_ARRAY:
        case GLOSS_JSON_TOKEN_STRING:
        case GLOSS_JSON_TOKEN_NUMBER:
        case GLOSS_JSON_TOKEN_TRUE:
        case GLOSS_JSON_TOKEN_FALSE:
        case GLOSS_JSON_TOKEN_NULL:
        default:
          node = node_for_token (reader, error);
          if (node == NULL)
            return NULL;
          break;
        }

      if (node != NULL)
        {
          if (open->len == 0)
            {
              root = node;
            }
          else
            {
              JsonNode *parent = g_ptr_array_index (open, open->len - 1);

              if (JSON_NODE_HOLDS_OBJECT (parent))
                json_object_set_member (json_node_get_object (parent), key->str, node);
              else
                json_array_add_element (json_node_get_array (parent), node);
            }

          if (JSON_NODE_HOLDS_OBJECT (node) || JSON_NODE_HOLDS_ARRAY (node))
            g_ptr_array_add (open, node);
        }

      if (open->len == 0)
        return g_steal_pointer (&root);

      if (!gloss_json_reader_next (reader, error))
        return NULL;
    }
}

gboolean
gloss_json_reader_skip_value (GlossJsonReader  *reader,
                              GError          **error)
{
  guint outside;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (token_starts_value (reader->token), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (reader->token != GLOSS_JSON_TOKEN_BEGIN_OBJECT &&
      reader->token != GLOSS_JSON_TOKEN_BEGIN_ARRAY)
    return TRUE;

  /* Only the END that matches this BEGIN brings the depth back down to
   * where it was before it. */
  outside = reader->depth - 1;
  do
    {
      if (!gloss_json_reader_next (reader, error))
        return FALSE;
    }
  while (reader->depth > outside);

  return TRUE;
}

gboolean
gloss_json_check (const char  *data,
                  gsize        length,
                  guint        max_depth,
                  GError     **error)
{
  g_autoptr(GlossJsonReader) reader = NULL;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  reader = gloss_json_reader_new (data, length, max_depth);

  do
    {
      if (!gloss_json_reader_next (reader, error))
        return FALSE;
    }
  while (reader->token != GLOSS_JSON_TOKEN_END);

  return TRUE;
}

JsonNode *
gloss_json_parse (const char  *data,
                  gsize        length,
                  guint        max_depth,
                  GError     **error)
{
  g_autoptr(GlossJsonReader) reader = NULL;
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reader = gloss_json_reader_new (data, length, max_depth);

  if (!gloss_json_reader_next (reader, error))
    return NULL;

  node = gloss_json_reader_read_node (reader, error);
  if (node == NULL)
    return NULL;

  /* After the single top-level value only END may come; anything else
   * is reported by next() itself. */
  if (!gloss_json_reader_next (reader, error))
    return NULL;
  g_assert (reader->token == GLOSS_JSON_TOKEN_END);

  return g_steal_pointer (&node);
}
