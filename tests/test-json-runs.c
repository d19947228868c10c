/* test-json-runs.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The JSON reader looks at sixteen bytes at once in strings and in runs
 * of whitespace: these tests put what ends a run (the closing quote, an
 * escape, a character that is not ASCII, a byte that is refused) at every
 * position of strings and runs from empty to longer than three blocks,
 * in documents held in buffers of their exact size, so that a look past
 * the end shows under the address sanitizer. */

#include "config.h"

#include <string.h>

#include "gloss-error.h"
#include "gloss-json-reader.h"

#define LONGEST 56

/* Reads @json, from a copy without its NUL in a buffer of the document's
 * own size, to its end: its tokens, "[ s:text ]" for a list holding one
 * string, numbers as "n:7" and keys as "k:key", or up to the error, as
 * "error: message". */
static char *
tokens_of (const char *json,
           gsize       length)
{
  g_autofree char *data = g_memdup2 (json, MAX (length, 1));
  g_autoptr(GlossJsonReader) reader = gloss_json_reader_new (data, length, 64);
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);

  while (gloss_json_reader_next (reader, &error))
    {
      GlossJsonToken token = gloss_json_reader_get_token (reader);
      gsize read_length;
      gint64 number;

      if (token == GLOSS_JSON_TOKEN_END)
        return g_string_free (out, FALSE);
      if (out->len > 0)
        g_string_append_c (out, ' ');
      switch (token)
        {
        case GLOSS_JSON_TOKEN_BEGIN_ARRAY:
          g_string_append_c (out, '[');
          break;
        case GLOSS_JSON_TOKEN_END_ARRAY:
          g_string_append_c (out, ']');
          break;
        case GLOSS_JSON_TOKEN_BEGIN_OBJECT:
          g_string_append_c (out, '{');
          break;
        case GLOSS_JSON_TOKEN_END_OBJECT:
          g_string_append_c (out, '}');
          break;
        case GLOSS_JSON_TOKEN_STRING:
        case GLOSS_JSON_TOKEN_MEMBER:
          g_string_append (out, token == GLOSS_JSON_TOKEN_STRING ? "s:" : "k:");
          g_string_append (out, gloss_json_reader_get_string (reader, &read_length));
          g_assert_cmpuint (read_length, ==, strlen (gloss_json_reader_get_string (reader, NULL)));
          break;
        case GLOSS_JSON_TOKEN_NUMBER:
          g_assert_true (gloss_json_reader_get_int64 (reader, &number));
          g_string_append_printf (out, "n:%" G_GINT64_FORMAT, number);
          break;
        case GLOSS_JSON_TOKEN_TRUE:
        case GLOSS_JSON_TOKEN_FALSE:
        case GLOSS_JSON_TOKEN_NULL:
        case GLOSS_JSON_TOKEN_END:
        default:
          g_string_append (out, "other");
          break;
        }
    }

  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_PARSE);
  g_string_printf (out, "error: %s", error->message);
  return g_string_free (out, FALSE);
}

/* Strings of plain text with one piece put at each position: the reader
 * gives back the text, whole, and its length. */
static void
test_string_pieces (void)
{
  static const struct
  {
    const char *written;
    const char *read;
  } pieces[] = {
    { "", "" },
    { "\\\"", "\"" },
    { "\\\\", "\\" },
    { "\\n", "\n" },
    { "\\u00e9", "é" },
    { "é", "é" },
    { "’", "’" },
    { "😀", "😀" },
    { "\x7F", "\x7F" },
  };

  for (guint p = 0; p < G_N_ELEMENTS (pieces); p++)
    for (guint length = 0; length <= LONGEST; length++)
      for (guint at = 0; at <= length; at++)
        {
          g_autoptr(GString) json = g_string_new ("[\"");
          g_autoptr(GString) text = g_string_new ("[ s:");
          g_autofree char *tokens = NULL;

          for (guint i = 0; i < length; i++)
            {
              if (i == at)
                {
                  g_string_append (json, pieces[p].written);
                  g_string_append (text, pieces[p].read);
                }
              g_string_append_c (json, 'a' + i % 26);
              g_string_append_c (text, 'a' + i % 26);
            }
          if (at == length)
            {
              g_string_append (json, pieces[p].written);
              g_string_append (text, pieces[p].read);
            }
          g_string_append (json, "\"]");
          g_string_append (text, " ]");

          tokens = tokens_of (json->str, json->len);
          g_assert_cmpstr (tokens, ==, text->str);
        }
}

/* A byte a string may not hold, at each position: refused, at its own
 * column; and a string the document ends in, at every length. */
static void
test_string_refusals (void)
{
  for (guint length = 0; length <= LONGEST; length++)
    {
      for (guint at = 0; at <= length; at++)
        {
          static const char *bad[] = { "\t", "\x01", "\xFF", "\xC3(" };

          for (guint b = 0; b < G_N_ELEMENTS (bad); b++)
            {
              g_autoptr(GString) json = g_string_new ("[\"");
              g_autofree char *message = NULL;
              g_autofree char *expected = NULL;

              for (guint i = 0; i < length; i++)
                {
                  if (i == at)
                    g_string_append (json, bad[b]);
                  g_string_append_c (json, 'x');
                }
              if (at == length)
                g_string_append (json, bad[b]);
              g_string_append (json, "\"]");

              message = tokens_of (json->str, json->len);
              expected = g_strdup_printf ("error: line 1, column %u: ", at + 3);
              g_assert_true (g_str_has_prefix (message, expected));
              g_assert_nonnull (strstr (message, (guchar) bad[b][0] < 0x20 ? "control character" : "not valid UTF-8"));
            }
        }

      {
        g_autoptr(GString) json = g_string_new ("[\"");
        g_autofree char *message = NULL;

        for (guint i = 0; i < length; i++)
          g_string_append_c (json, 'x');
        message = tokens_of (json->str, json->len);
        g_assert_cmpstr (message, ==, "error: line 1, column 2: this string is never closed");
      }
    }
}

/* Runs of whitespace of every length, of each kind and mixed, between
 * the tokens: read over; and what follows one that is not a token, at
 * its own line and column. */
static void
test_whitespace_runs (void)
{
  static const char *runs[] = { " ", "\t", "\n", "\r\n", " \n\t " };

  for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
    for (guint count = 0; count <= LONGEST; count++)
      {
        g_autoptr(GString) space = g_string_new (NULL);
        g_autoptr(GString) json = NULL;
        g_autofree char *message = NULL;
        g_autofree char *expected = NULL;
        g_autofree char *tokens = NULL;
        guint line = 1, column = 1;

        for (guint i = 0; i < count; i++)
          g_string_append (space, runs[r]);
        for (const char *c = space->str; *c != '\0'; c++)
          {
            if (*c == '\n')
              {
                line++;
                column = 1;
              }
            else if (*c != '\r')
              column++;
          }

        json = g_string_new (space->str);
        g_string_append_printf (json, "[%s7%s,%s{%s\"k\"%s:%s8%s}%s]%s", space->str, space->str, space->str,
                                space->str, space->str, space->str, space->str, space->str, space->str);
        tokens = tokens_of (json->str, json->len);
        g_assert_cmpstr (tokens, ==, "[ n:7 { k:k n:8 } ]");

        /* A bare word after the run: refused where it starts. */
        g_string_printf (json, "[%sx]", space->str);
        message = tokens_of (json->str, json->len);
        expected = g_strdup_printf ("error: line %u, column %u: ", line, line == 1 ? column + 1 : column);
        g_assert_true (g_str_has_prefix (message, expected));

        /* A document of whitespace alone is empty. */
        if (count > 0)
          {
            g_free (message);
            message = tokens_of (space->str, space->len);
            g_assert_nonnull (strstr (message, "the document is empty"));
          }
      }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/runs/string-pieces", test_string_pieces);
  g_test_add_func ("/json/runs/string-refusals", test_string_refusals);
  g_test_add_func ("/json/runs/whitespace", test_whitespace_runs);

  return g_test_run ();
}
