/* gloss-json-reader-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-error.h"
#include "gloss-json-reader.h"

G_BEGIN_DECLS

/* gloss-json-reader.c walks the grammar, reports errors and answers for the
 * current token; gloss-json-scalars.c reads strings, numbers and the words
 * true, false and null; gloss-json-tree.c reads or skips whole values. */

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

/* Returns the length of the well-formed UTF-8 sequence that starts with the
 * non-ASCII byte at @p, or 0 when it is not one (overlong forms, surrogates
 * and code points past U+10FFFF are refused, as RFC 3629 asks). */
static inline guint
_gloss_json_utf8_sequence_length (const guchar *p,
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

/* Reports an error at @at and leaves the reader failed, so that later
 * calls report the same error rather than reading on from a bad place.
 * Always returns FALSE. */
gboolean _gloss_json_fail        (GlossJsonReader  *reader,
                                  const guchar     *at,
                                  GError          **error,
                                  GlossError        code,
                                  const char       *format,
                                  ...) G_GNUC_PRINTF (5, 6);

/* Each reads the token that starts at @p and moves the position past it:
 * read_string puts the text of the string in the buffer, and the other two
 * set the token.  FALSE with @error set on bad input. */
gboolean _gloss_json_read_string (GlossJsonReader  *reader,
                                  const guchar     *p,
                                  GError          **error);
gboolean _gloss_json_read_number (GlossJsonReader  *reader,
                                  const guchar     *p,
                                  GError          **error);
gboolean _gloss_json_read_word   (GlossJsonReader  *reader,
                                  const guchar     *p,
                                  GError          **error);

G_END_DECLS
