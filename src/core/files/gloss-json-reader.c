/* gloss-json-reader.c
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

/* The four bytes JSON takes for whitespace. */
static const guint8 space_byte[256] = { [' '] = 1, ['\n'] = 1, ['\r'] = 1, ['\t'] = 1 };

/* The end of the run of whitespace from @p on, where two bytes or more
 * of it are: after a line end, the indentation of a file written for
 * people, sixteen bytes of it looked at once. */
static const guchar *
skip_long_whitespace (const guchar *p,
                      const guchar *end)
{
  while (end - p >= 16)
    {
      GlossBytes16 block = gloss_bytes16_load (p);
      guint i = gloss_bytes16_first_marked (~((GlossBytes16)(block == ' ') | (GlossBytes16)(block == '\n') |
                                              (GlossBytes16)(block == '\r') | (GlossBytes16)(block == '\t')));

      p += i;
      if (i < 16)
        return p;
    }

  while (p < end && space_byte[*p])
    p++;

  return p;
}

/* Mostly no whitespace, or one space, before a token. */
static inline const guchar *
skip_whitespace (const guchar *p,
                 const guchar *end)
{
  if (p < end && space_byte[*p])
    {
      p++;
      if (p < end && space_byte[*p])
        p = skip_long_whitespace (p, end);
    }

  return p;
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
    {
      /* Translators: a character of the file, in quotes */
      return g_strdup_printf (_("“%c”"), *p);
    }

  if (*p < 0x80)
    {
      /* Translators: %04X is the hexadecimal code of a character such as
       * a tab or a form feed. */
      return g_strdup_printf (_("control character U+%04X"), *p);
    }

  n = _gloss_json_utf8_sequence_length (p, reader->end);
  if (n > 0)
    {
      /* Translators: a character of the file, in quotes */
      return g_strdup_printf (_("“%.*s”"), (int) n, (const char *) p);
    }

  /* Translators: %02X is the hexadecimal value of a byte that is not
   * valid UTF-8 text. */
  return g_strdup_printf (_("byte 0x%02X"), *p);
}

gboolean
_gloss_json_fail (GlossJsonReader  *reader,
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
    return _gloss_json_fail (reader, p, error, GLOSS_ERROR_PARSE,
                             _("the document ends too early"));

  if (*p == '/')
    return _gloss_json_fail (reader, p, error, GLOSS_ERROR_PARSE,
                             _("comments are not allowed in JSON"));

  found = describe_at (reader, p);

  /* Translators: the first %s is what the grammar allows here, such as
   * “a value”; the second is what the file holds instead, such as “x”. */
  return _gloss_json_fail (reader, p, error, GLOSS_ERROR_PARSE, _("expected %s, found %s"),
                           expected, found);
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
      return _gloss_json_fail (reader, p, error, GLOSS_ERROR_TOO_DEEP,
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
      if (!_gloss_json_read_string (reader, p, error))
        return FALSE;
      reader->token = GLOSS_JSON_TOKEN_STRING;
      break;

    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      if (!_gloss_json_read_number (reader, p, error))
        return FALSE;
      break;

    case '+':
      return _gloss_json_fail (reader, p, error, GLOSS_ERROR_PARSE,
                               _("numbers may not start with “+”"));

    case '.':
      return _gloss_json_fail (reader, p, error, GLOSS_ERROR_PARSE,
                               _("numbers must have a digit before the decimal point"));

    case '\'':
      return _gloss_json_fail (reader, p, error, GLOSS_ERROR_PARSE,
                               _("strings must be written in double quotes, not single quotes"));

    default:
      if (g_ascii_isalpha (*p) || *p == '_')
        {
          if (!_gloss_json_read_word (reader, p, error))
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
    return _gloss_json_fail (reader, p, error, GLOSS_ERROR_PARSE,
                             _("keys must be written in double quotes, not single quotes"));

  if (g_ascii_isalpha (*p) || *p == '_')
    return _gloss_json_fail (reader, p, error, GLOSS_ERROR_PARSE,
                             _("keys must be written in double quotes"));

  if (*p != '"')
    return reader_fail_found (reader, p, _("a key in double quotes"), error);

  reader->token_start = p;
  if (!_gloss_json_read_string (reader, p, error))
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
        return _gloss_json_fail (reader, p, error, GLOSS_ERROR_PARSE, _("the document is empty"));
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
            return _gloss_json_fail (reader, p, error, GLOSS_ERROR_PARSE,
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
            return _gloss_json_fail (reader, p, error, GLOSS_ERROR_PARSE,
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
            return _gloss_json_fail (reader, p, error, GLOSS_ERROR_PARSE,
                                     _("comments are not allowed in JSON"));
          return _gloss_json_fail (reader, p, error, GLOSS_ERROR_PARSE,
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

const char *
gloss_json_reader_get_token_start (GlossJsonReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);

  return (const char *) reader->token_start;
}
