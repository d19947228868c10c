/* test-json.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gloss-error.h"
#include "gloss-json-reader.h"
#include "gloss-json-writer.h"

#define DEPTH 64

static GlossJsonReader *
reader_for (const char *json)
{
  return gloss_json_reader_new (json, strlen (json), DEPTH);
}

static void
next_ok (GlossJsonReader *reader,
         GlossJsonToken   expected)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_json_reader_next (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gloss_json_reader_get_token (reader), ==, expected);
}

static void
next_string (GlossJsonReader *reader,
             GlossJsonToken   expected,
             const char      *text)
{
  gsize length;

  next_ok (reader, expected);
  g_assert_cmpstr (gloss_json_reader_get_string (reader, &length), ==, text);
  g_assert_cmpuint (length, ==, strlen (text));
}

/* Reads @data to its end with the token reader: TRUE when it is one
 * well-formed JSON value within @max_depth. */
static gboolean
read_whole (const char  *data,
            gsize        length,
            guint        max_depth,
            GError     **error)
{
  g_autoptr(GlossJsonReader) reader = gloss_json_reader_new (data, length, max_depth);

  do
    {
      if (!gloss_json_reader_next (reader, error))
        return FALSE;
    }
  while (gloss_json_reader_get_token (reader) != GLOSS_JSON_TOKEN_END);

  return TRUE;
}

/* Reads @json to its end and returns the error, which must be there. */
static GError *
read_to_error (const char *json,
               gsize       length,
               guint       max_depth)
{
  g_autoptr(GlossJsonReader) reader = gloss_json_reader_new (json, length, max_depth);
  GError *error = NULL;

  while (gloss_json_reader_next (reader, &error))
    g_assert_cmpint (gloss_json_reader_get_token (reader), !=, GLOSS_JSON_TOKEN_END);

  g_assert_nonnull (error);

  return error;
}

/* Checks that the token reader and gloss_json_parse() both refuse @json with the same code and exact message. */
static void
assert_refused_len (const char *json,
                    gsize       length,
                    guint       max_depth,
                    int         code,
                    const char *message)
{
  g_autoptr(GError) from_reader = NULL;
  g_autoptr(GError) from_parse = NULL;
  g_autoptr(JsonNode) node = NULL;

  from_reader = read_to_error (json, length, max_depth);
  g_assert_error (from_reader, GLOSS_ERROR, code);
  g_assert_cmpstr (from_reader->message, ==, message);

  node = gloss_json_parse (json, length, max_depth, &from_parse);
  g_assert_null (node);
  g_assert_error (from_parse, GLOSS_ERROR, code);
  g_assert_cmpstr (from_parse->message, ==, message);
}

static void
assert_refused (const char *json,
                int         code,
                const char *message)
{
  assert_refused_len (json, strlen (json), DEPTH, code, message);
}

static char *
nested_arrays (guint depth)
{
  GString *json = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

/* json_node_equal() takes 4 and 4.0 as equal; Gloss must keep the type a
 * value had, and the order of members, so both are compared too. */
static void
assert_same_tree (JsonNode *a,
                  JsonNode *b)
{
  g_assert_true (json_node_equal (a, b));
  g_assert_cmpint (json_node_get_node_type (a), ==, json_node_get_node_type (b));

  if (JSON_NODE_HOLDS_VALUE (a))
    {
      g_assert_true (json_node_get_value_type (a) == json_node_get_value_type (b));
    }
  else if (JSON_NODE_HOLDS_ARRAY (a))
    {
      JsonArray *x = json_node_get_array (a);
      JsonArray *y = json_node_get_array (b);

      g_assert_cmpuint (json_array_get_length (x), ==, json_array_get_length (y));
      for (guint i = 0; i < json_array_get_length (x); i++)
        assert_same_tree (json_array_get_element (x, i), json_array_get_element (y, i));
    }
  else if (JSON_NODE_HOLDS_OBJECT (a))
    {
      JsonObjectIter ix;
      JsonObjectIter iy;
      const char *kx;
      const char *ky;
      JsonNode *vx;
      JsonNode *vy;

      json_object_iter_init_ordered (&ix, json_node_get_object (a));
      json_object_iter_init_ordered (&iy, json_node_get_object (b));
      while (json_object_iter_next_ordered (&ix, &kx, &vx))
        {
          g_assert_true (json_object_iter_next_ordered (&iy, &ky, &vy));
          g_assert_cmpstr (kx, ==, ky);
          assert_same_tree (vx, vy);
        }
      g_assert_false (json_object_iter_next_ordered (&iy, &ky, &vy));
    }
}

static JsonNode *
parse_with_json_glib (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static JsonNode *
parse_ok (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  node = gloss_json_parse (json, strlen (json), DEPTH, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);

  return node;
}

static char *
write_node (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  gloss_json_write_node (out, node, 0);

  return g_string_free (out, FALSE);
}

static void
test_reader_tokens (void)
{
  g_autoptr(GlossJsonReader) reader = NULL;
  gint64 integer;

  reader = reader_for ("{\"s\": \"text\", \"i\": -42, \"d\": 2.5e1, \"t\": true,"
                       " \"f\": false, \"z\": null, \"a\": [], \"o\": {}}");

  next_ok (reader, GLOSS_JSON_TOKEN_BEGIN_OBJECT);
  g_assert_cmpuint (gloss_json_reader_get_depth (reader), ==, 1);
  next_string (reader, GLOSS_JSON_TOKEN_MEMBER, "s");
  next_string (reader, GLOSS_JSON_TOKEN_STRING, "text");

  next_string (reader, GLOSS_JSON_TOKEN_MEMBER, "i");
  next_ok (reader, GLOSS_JSON_TOKEN_NUMBER);
  g_assert_true (gloss_json_reader_get_int64 (reader, &integer));
  g_assert_cmpint (integer, ==, -42);
  g_assert_cmpfloat (gloss_json_reader_get_double (reader), ==, -42.0);

  next_string (reader, GLOSS_JSON_TOKEN_MEMBER, "d");
  next_ok (reader, GLOSS_JSON_TOKEN_NUMBER);
  g_assert_false (gloss_json_reader_get_int64 (reader, &integer));
  g_assert_cmpfloat (gloss_json_reader_get_double (reader), ==, 25.0);

  next_string (reader, GLOSS_JSON_TOKEN_MEMBER, "t");
  next_ok (reader, GLOSS_JSON_TOKEN_TRUE);
  next_string (reader, GLOSS_JSON_TOKEN_MEMBER, "f");
  next_ok (reader, GLOSS_JSON_TOKEN_FALSE);
  next_string (reader, GLOSS_JSON_TOKEN_MEMBER, "z");
  next_ok (reader, GLOSS_JSON_TOKEN_NULL);

  next_string (reader, GLOSS_JSON_TOKEN_MEMBER, "a");
  next_ok (reader, GLOSS_JSON_TOKEN_BEGIN_ARRAY);
  g_assert_cmpuint (gloss_json_reader_get_depth (reader), ==, 2);
  next_ok (reader, GLOSS_JSON_TOKEN_END_ARRAY);
  g_assert_cmpuint (gloss_json_reader_get_depth (reader), ==, 1);

  next_string (reader, GLOSS_JSON_TOKEN_MEMBER, "o");
  next_ok (reader, GLOSS_JSON_TOKEN_BEGIN_OBJECT);
  next_ok (reader, GLOSS_JSON_TOKEN_END_OBJECT);

  next_ok (reader, GLOSS_JSON_TOKEN_END_OBJECT);
  g_assert_cmpuint (gloss_json_reader_get_depth (reader), ==, 0);
  next_ok (reader, GLOSS_JSON_TOKEN_END);

  /* END is sticky: asking again is harmless. */
  next_ok (reader, GLOSS_JSON_TOKEN_END);
}

static void
test_reader_scalar_documents (void)
{
  g_autoptr(GlossJsonReader) number = reader_for (" 7 ");
  g_autoptr(GlossJsonReader) string = reader_for ("\"only\"");
  g_autoptr(GlossJsonReader) null = reader_for ("null");
  gint64 integer;

  next_ok (number, GLOSS_JSON_TOKEN_NUMBER);
  g_assert_true (gloss_json_reader_get_int64 (number, &integer));
  g_assert_cmpint (integer, ==, 7);
  next_ok (number, GLOSS_JSON_TOKEN_END);

  next_string (string, GLOSS_JSON_TOKEN_STRING, "only");
  next_ok (string, GLOSS_JSON_TOKEN_END);

  next_ok (null, GLOSS_JSON_TOKEN_NULL);
  next_ok (null, GLOSS_JSON_TOKEN_END);
}

static void
test_reader_nested (void)
{
  g_autoptr(GlossJsonReader) reader = NULL;
  g_autofree char *copy = NULL;

  reader = reader_for ("{\n"
                       "  \"layers\": [\n"
                       "    {\"name\": \"été\", \"spans\": [[0, 4], [6, 9]]},\n"
                       "    []\n"
                       "  ]\n"
                       "}");

  next_ok (reader, GLOSS_JSON_TOKEN_BEGIN_OBJECT);
  g_assert_cmpuint (gloss_json_reader_get_line (reader), ==, 1);
  g_assert_cmpuint (gloss_json_reader_get_column (reader), ==, 1);
  next_string (reader, GLOSS_JSON_TOKEN_MEMBER, "layers");
  g_assert_cmpuint (gloss_json_reader_get_line (reader), ==, 2);
  g_assert_cmpuint (gloss_json_reader_get_column (reader), ==, 3);
  next_ok (reader, GLOSS_JSON_TOKEN_BEGIN_ARRAY);
  next_ok (reader, GLOSS_JSON_TOKEN_BEGIN_OBJECT);
  g_assert_cmpuint (gloss_json_reader_get_depth (reader), ==, 3);
  next_string (reader, GLOSS_JSON_TOKEN_MEMBER, "name");
  next_string (reader, GLOSS_JSON_TOKEN_STRING, "été");
  copy = gloss_json_reader_dup_string (reader);
  g_assert_cmpstr (copy, ==, "été");

  /* Columns count characters: the two “é” take one column each. */
  next_string (reader, GLOSS_JSON_TOKEN_MEMBER, "spans");
  g_assert_cmpuint (gloss_json_reader_get_line (reader), ==, 3);
  g_assert_cmpuint (gloss_json_reader_get_column (reader), ==, 21);

  next_ok (reader, GLOSS_JSON_TOKEN_BEGIN_ARRAY);
  next_ok (reader, GLOSS_JSON_TOKEN_BEGIN_ARRAY);
  g_assert_cmpuint (gloss_json_reader_get_depth (reader), ==, 5);
  next_ok (reader, GLOSS_JSON_TOKEN_NUMBER);
  next_ok (reader, GLOSS_JSON_TOKEN_NUMBER);
  next_ok (reader, GLOSS_JSON_TOKEN_END_ARRAY);
  next_ok (reader, GLOSS_JSON_TOKEN_BEGIN_ARRAY);
  next_ok (reader, GLOSS_JSON_TOKEN_NUMBER);
  next_ok (reader, GLOSS_JSON_TOKEN_NUMBER);
  next_ok (reader, GLOSS_JSON_TOKEN_END_ARRAY);
  next_ok (reader, GLOSS_JSON_TOKEN_END_ARRAY);
  next_ok (reader, GLOSS_JSON_TOKEN_END_OBJECT);
  g_assert_cmpuint (gloss_json_reader_get_depth (reader), ==, 2);
  next_ok (reader, GLOSS_JSON_TOKEN_BEGIN_ARRAY);
  g_assert_cmpuint (gloss_json_reader_get_line (reader), ==, 4);
  g_assert_cmpuint (gloss_json_reader_get_column (reader), ==, 5);
  next_ok (reader, GLOSS_JSON_TOKEN_END_ARRAY);
  next_ok (reader, GLOSS_JSON_TOKEN_END_ARRAY);
  g_assert_cmpuint (gloss_json_reader_get_line (reader), ==, 5);
  next_ok (reader, GLOSS_JSON_TOKEN_END_OBJECT);
  g_assert_cmpuint (gloss_json_reader_get_line (reader), ==, 6);
  g_assert_cmpuint (gloss_json_reader_get_column (reader), ==, 1);
  next_ok (reader, GLOSS_JSON_TOKEN_END);
}

static void
test_reader_line_endings (void)
{
  /* CR LF counts as one line break, and so does a lone CR. */
  g_autoptr(GlossJsonReader) reader = reader_for ("[\r\n1,\r2,\n\t3]");

  next_ok (reader, GLOSS_JSON_TOKEN_BEGIN_ARRAY);
  next_ok (reader, GLOSS_JSON_TOKEN_NUMBER);
  g_assert_cmpuint (gloss_json_reader_get_line (reader), ==, 2);
  g_assert_cmpuint (gloss_json_reader_get_column (reader), ==, 1);
  next_ok (reader, GLOSS_JSON_TOKEN_NUMBER);
  g_assert_cmpuint (gloss_json_reader_get_line (reader), ==, 3);
  next_ok (reader, GLOSS_JSON_TOKEN_NUMBER);
  g_assert_cmpuint (gloss_json_reader_get_line (reader), ==, 4);
  g_assert_cmpuint (gloss_json_reader_get_column (reader), ==, 2);

  assert_refused ("[1,\r\n 2,\r\n x]", GLOSS_ERROR_PARSE,
                  "line 3, column 2: unknown word “x”; "
                  "JSON only knows true, false and null");
}

static void
test_reader_escapes (void)
{
  g_autoptr(GlossJsonReader) reader = NULL;

  reader = reader_for ("[\"q\\\"b\\\\s\\/b\\bf\\fn\\nr\\rt\\t\", \"\\u00e9\\u20AC\\u0041\","
                       " \"plain \\\" then more\"]");

  next_ok (reader, GLOSS_JSON_TOKEN_BEGIN_ARRAY);
  next_string (reader, GLOSS_JSON_TOKEN_STRING, "q\"b\\s/b\bf\fn\nr\rt\t");
  next_string (reader, GLOSS_JSON_TOKEN_STRING, "é€A");
  next_string (reader, GLOSS_JSON_TOKEN_STRING, "plain \" then more");
  next_ok (reader, GLOSS_JSON_TOKEN_END_ARRAY);
}

static void
test_reader_surrogates (void)
{
  g_autoptr(GlossJsonReader) reader = NULL;

  /* U+1F600 and U+10FFFF, the last code point, both need a pair. */
  reader = reader_for ("[\"\\uD83D\\uDE00\", \"a\\ud83c\\udf89b\", \"\\uDBFF\\uDFFF\"]");

  next_ok (reader, GLOSS_JSON_TOKEN_BEGIN_ARRAY);
  next_string (reader, GLOSS_JSON_TOKEN_STRING, "\xF0\x9F\x98\x80");
  next_string (reader, GLOSS_JSON_TOKEN_STRING, "a🎉b");
  next_string (reader, GLOSS_JSON_TOKEN_STRING, "\xF4\x8F\xBF\xBF");
  next_ok (reader, GLOSS_JSON_TOKEN_END_ARRAY);
}

static void
test_reader_utf8 (void)
{
  g_autoptr(GlossJsonReader) reader = NULL;
  const char *text = "Très bien : déjà « vu », où ça ? Ça, l’été, Noël… 😀";
  g_autofree char *json = g_strdup_printf ("{\"clé\": \"%s\"}", text);

  reader = reader_for (json);
  next_ok (reader, GLOSS_JSON_TOKEN_BEGIN_OBJECT);
  next_string (reader, GLOSS_JSON_TOKEN_MEMBER, "clé");
  next_string (reader, GLOSS_JSON_TOKEN_STRING, text);
  next_ok (reader, GLOSS_JSON_TOKEN_END_OBJECT);
  next_ok (reader, GLOSS_JSON_TOKEN_END);
}

static void
test_reader_syntax_errors (void)
{
  assert_refused ("[1, // note\n 2]", GLOSS_ERROR_PARSE,
                  "line 1, column 5: comments are not allowed in JSON");
  assert_refused ("/* a */ 1", GLOSS_ERROR_PARSE,
                  "line 1, column 1: comments are not allowed in JSON");
  assert_refused ("[1, 2,]", GLOSS_ERROR_PARSE,
                  "line 1, column 7: trailing comma before “]”");
  assert_refused ("{\"a\": 1,\n}", GLOSS_ERROR_PARSE,
                  "line 2, column 1: trailing comma before “}”");
  assert_refused ("[1 2]", GLOSS_ERROR_PARSE,
                  "line 1, column 4: expected “,” or “]”, found “2”");
  assert_refused ("{\"a\": 1 \"b\": 2}", GLOSS_ERROR_PARSE,
                  "line 1, column 9: expected “,” or “}”, found “\"”");
  assert_refused ("{\"a\" 1}", GLOSS_ERROR_PARSE,
                  "line 1, column 6: expected “:” after the key, found “1”");
  assert_refused ("{a: 1}", GLOSS_ERROR_PARSE,
                  "line 1, column 2: keys must be written in double quotes");
  assert_refused ("{'a': 1}", GLOSS_ERROR_PARSE,
                  "line 1, column 2: keys must be written in double quotes, not single quotes");
  assert_refused ("['a']", GLOSS_ERROR_PARSE,
                  "line 1, column 2: strings must be written in double quotes, not single quotes");
  assert_refused ("{,}", GLOSS_ERROR_PARSE,
                  "line 1, column 2: expected a key in double quotes, found “,”");
  assert_refused ("[,1]", GLOSS_ERROR_PARSE,
                  "line 1, column 2: expected a value, found “,”");
  assert_refused ("[1}", GLOSS_ERROR_PARSE,
                  "line 1, column 3: expected “,” or “]”, found “}”");
  assert_refused ("{\"a\": [1, 2", GLOSS_ERROR_PARSE,
                  "line 1, column 12: the document ends too early");
  assert_refused ("{\"a\":", GLOSS_ERROR_PARSE,
                  "line 1, column 6: the document ends too early");
  assert_refused ("[1,\f2]", GLOSS_ERROR_PARSE,
                  "line 1, column 4: expected a value, found control character U+000C");
  assert_refused ("[\xC2\xA0" "1]", GLOSS_ERROR_PARSE,
                  "line 1, column 2: expected a value, found “\xC2\xA0”");
  assert_refused ("[\xFF]", GLOSS_ERROR_PARSE,
                  "line 1, column 2: expected a value, found byte 0xFF");
}

static void
test_reader_literal_errors (void)
{
  assert_refused ("[True]", GLOSS_ERROR_PARSE,
                  "line 1, column 2: unknown word “True”; "
                  "JSON only knows true, false and null");
  assert_refused ("[nul]", GLOSS_ERROR_PARSE,
                  "line 1, column 2: unknown word “nul”; "
                  "JSON only knows true, false and null");
  assert_refused ("[nullx]", GLOSS_ERROR_PARSE,
                  "line 1, column 2: unknown word “nullx”; "
                  "JSON only knows true, false and null");
  assert_refused ("{\"x\": NaN}", GLOSS_ERROR_PARSE,
                  "line 1, column 7: unknown word “NaN”; "
                  "JSON only knows true, false and null");
  assert_refused ("[Infinity]", GLOSS_ERROR_PARSE,
                  "line 1, column 2: unknown word “Infinity”; "
                  "JSON only knows true, false and null");
  assert_refused ("[abcdefghijklmnopqrstuvwxyz0123456789]", GLOSS_ERROR_PARSE,
                  "line 1, column 2: unknown word “abcdefghijklmnopqrstuvwxyz012345…”; "
                  "JSON only knows true, false and null");
  assert_refused ("[-Infinity]", GLOSS_ERROR_PARSE,
                  "line 1, column 3: expected a digit after “-”");
}

static void
test_reader_number_errors (void)
{
  assert_refused ("[01]", GLOSS_ERROR_PARSE,
                  "line 1, column 2: numbers may not start with a leading zero");
  assert_refused ("-007", GLOSS_ERROR_PARSE,
                  "line 1, column 1: numbers may not start with a leading zero");
  assert_refused ("[+1]", GLOSS_ERROR_PARSE,
                  "line 1, column 2: numbers may not start with “+”");
  assert_refused ("[.5]", GLOSS_ERROR_PARSE,
                  "line 1, column 2: numbers must have a digit before the decimal point");
  assert_refused ("[1.]", GLOSS_ERROR_PARSE,
                  "line 1, column 4: expected a digit after the decimal point");
  assert_refused ("[1e]", GLOSS_ERROR_PARSE,
                  "line 1, column 4: expected a digit in the exponent of a number");
  assert_refused ("[1e+]", GLOSS_ERROR_PARSE,
                  "line 1, column 5: expected a digit in the exponent of a number");
  assert_refused ("-", GLOSS_ERROR_PARSE,
                  "line 1, column 2: expected a digit after “-”");
  assert_refused ("[0x10]", GLOSS_ERROR_PARSE,
                  "line 1, column 3: expected “,” or “]”, found “x”");
}

static void
test_reader_string_errors (void)
{
  assert_refused ("[\"tab\there\"]", GLOSS_ERROR_PARSE,
                  "line 1, column 6: control character U+0009 in a string; "
                  "it must be escaped");
  assert_refused ("[\"two\nlines\"]", GLOSS_ERROR_PARSE,
                  "line 1, column 6: control character U+000A in a string; "
                  "it must be escaped");
  assert_refused ("[\"ab\xFF\"]", GLOSS_ERROR_PARSE,
                  "line 1, column 5: the text is not valid UTF-8 (byte 0xFF)");
  /* An overlong “/”, a UTF-16 surrogate and a truncated sequence. */
  assert_refused ("\"\xC0\xAF\"", GLOSS_ERROR_PARSE,
                  "line 1, column 2: the text is not valid UTF-8 (byte 0xC0)");
  assert_refused ("\"é\xED\xA0\x80\"", GLOSS_ERROR_PARSE,
                  "line 1, column 3: the text is not valid UTF-8 (byte 0xED)");
  assert_refused ("\"\xE2\x82\"", GLOSS_ERROR_PARSE,
                  "line 1, column 2: the text is not valid UTF-8 (byte 0xE2)");
  assert_refused ("\"\xF4\x90\x80\x80\"", GLOSS_ERROR_PARSE,
                  "line 1, column 2: the text is not valid UTF-8 (byte 0xF4)");
  assert_refused ("[\"never closed]", GLOSS_ERROR_PARSE,
                  "line 1, column 2: this string is never closed");
  assert_refused ("[\"ends on a backslash\\", GLOSS_ERROR_PARSE,
                  "line 1, column 23: the document ends inside a string");
  assert_refused ("[\"\\x41\"]", GLOSS_ERROR_PARSE,
                  "line 1, column 3: unknown escape sequence “\\x” in a string");
  assert_refused ("[\"\\u12\"]", GLOSS_ERROR_PARSE,
                  "line 1, column 3: “\\u” must be followed by four hexadecimal digits");
  assert_refused ("[\"\\u12G4\"]", GLOSS_ERROR_PARSE,
                  "line 1, column 3: “\\u” must be followed by four hexadecimal digits");
  assert_refused ("{\"k\": \"a\\u0000b\"}", GLOSS_ERROR_PARSE,
                  "line 1, column 9: “\\u0000” (a NUL character) is not allowed "
                  "in Gloss files");
  assert_refused ("{\"a\\u0000\": 1}", GLOSS_ERROR_PARSE,
                  "line 1, column 4: “\\u0000” (a NUL character) is not allowed "
                  "in Gloss files");
}

static void
test_reader_surrogate_errors (void)
{
  assert_refused ("[\"\\uD83D\"]", GLOSS_ERROR_PARSE,
                  "line 1, column 3: “\\uD83D” is the first half of a surrogate pair, "
                  "without a second half");
  assert_refused ("[\"\\uD83Dx\"]", GLOSS_ERROR_PARSE,
                  "line 1, column 3: “\\uD83D” is the first half of a surrogate pair, "
                  "without a second half");
  assert_refused ("[\"\\uD83D\\u0041\"]", GLOSS_ERROR_PARSE,
                  "line 1, column 3: “\\uD83D” is the first half of a surrogate pair, "
                  "without a second half");
  assert_refused ("[\"\\uD83D\\uD83D\"]", GLOSS_ERROR_PARSE,
                  "line 1, column 3: “\\uD83D” is the first half of a surrogate pair, "
                  "without a second half");
  assert_refused ("[\"ok\\uDE00\"]", GLOSS_ERROR_PARSE,
                  "line 1, column 5: “\\uDE00” is the second half of a surrogate pair, "
                  "without a first half");
}

static void
test_reader_empty (void)
{
  assert_refused ("", GLOSS_ERROR_PARSE, "line 1, column 1: the document is empty");
  assert_refused (" \n\t\r\n ", GLOSS_ERROR_PARSE, "line 3, column 2: the document is empty");
  assert_refused_len (NULL, 0, DEPTH, GLOSS_ERROR_PARSE,
                      "line 1, column 1: the document is empty");
}

static void
test_reader_trailing (void)
{
  assert_refused ("{} x", GLOSS_ERROR_PARSE,
                  "line 1, column 4: unexpected content after the end of the document");
  assert_refused ("1 2", GLOSS_ERROR_PARSE,
                  "line 1, column 3: unexpected content after the end of the document");
  assert_refused ("[]]", GLOSS_ERROR_PARSE,
                  "line 1, column 3: unexpected content after the end of the document");
  assert_refused ("{}\n// end\n", GLOSS_ERROR_PARSE,
                  "line 2, column 1: comments are not allowed in JSON");
  /* A NUL after the document is content too, not an end marker. */
  assert_refused_len ("[]\0", 3, DEPTH, GLOSS_ERROR_PARSE,
                      "line 1, column 3: unexpected content after the end of the document");

  /* Trailing whitespace of every allowed kind is fine. */
  g_assert_true (read_whole ("{} \t\r\n", 6, DEPTH, NULL));
}

static void
test_reader_bom (void)
{
  const char *json = "\xEF\xBB\xBF[1]";
  g_autoptr(GlossJsonReader) reader = reader_for (json);

  next_ok (reader, GLOSS_JSON_TOKEN_BEGIN_ARRAY);
  g_assert_cmpuint (gloss_json_reader_get_column (reader), ==, 1);
  next_ok (reader, GLOSS_JSON_TOKEN_NUMBER);
  g_assert_cmpuint (gloss_json_reader_get_column (reader), ==, 2);
  next_ok (reader, GLOSS_JSON_TOKEN_END_ARRAY);
  next_ok (reader, GLOSS_JSON_TOKEN_END);

  g_assert_true (read_whole (json, strlen (json), DEPTH, NULL));

  assert_refused ("\xEF\xBB\xBF", GLOSS_ERROR_PARSE, "line 1, column 1: the document is empty");
  /* Only at the very start: elsewhere it is a stray character. */
  assert_refused (" \xEF\xBB\xBF[1]", GLOSS_ERROR_PARSE,
                  "line 1, column 2: expected a value, found “\xEF\xBB\xBF”");
  assert_refused ("[1]\xEF\xBB\xBF", GLOSS_ERROR_PARSE,
                  "line 1, column 4: unexpected content after the end of the document");
}

static void
test_reader_token_start (void)
{
  /* A value found inside a document is its text between the token that
   * opens it and the one that closes it, and reads again alone. */
  const char *json = "{\"a\": [1, {\"b\": \"x\"}], \"c\": 2}";
  g_autoptr(GlossJsonReader) reader = reader_for (json);
  g_autoptr(JsonNode) again = NULL;
  const char *start;
  gsize length;

  next_ok (reader, GLOSS_JSON_TOKEN_BEGIN_OBJECT);
  g_assert_true (gloss_json_reader_get_token_start (reader) == json);
  next_ok (reader, GLOSS_JSON_TOKEN_MEMBER);
  g_assert_true (gloss_json_reader_get_token_start (reader) == json + 1);
  next_ok (reader, GLOSS_JSON_TOKEN_BEGIN_ARRAY);
  start = gloss_json_reader_get_token_start (reader);
  g_assert_true (start == json + 6);
  g_assert_true (gloss_json_reader_skip_value (reader, NULL));
  g_assert_cmpint (gloss_json_reader_get_token (reader), ==, GLOSS_JSON_TOKEN_END_ARRAY);
  length = (gsize)(gloss_json_reader_get_token_start (reader) + 1 - start);
  g_assert_cmpmem (start, length, "[1, {\"b\": \"x\"}]", 15);

  again = gloss_json_parse (start, length, DEPTH, NULL);
  g_assert_nonnull (again);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (again)), ==, 2);
  next_ok (reader, GLOSS_JSON_TOKEN_MEMBER);
  g_assert_cmpstr (gloss_json_reader_get_token_start (reader), ==, "\"c\": 2}");
}

static void
test_reader_depth (void)
{
  g_autofree char *ok = nested_arrays (DEPTH);
  g_autofree char *deep = nested_arrays (DEPTH + 1);
  g_autoptr(GlossJsonReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) reference = NULL;
  const char *json;

  g_assert_true (read_whole (ok, strlen (ok), DEPTH, &error));
  g_assert_no_error (error);

  node = gloss_json_parse (ok, strlen (ok), DEPTH, &error);
  g_assert_no_error (error);
  reference = parse_with_json_glib (ok);
  assert_same_tree (node, reference);

  reader = reader_for (ok);
  for (guint i = 1; i <= DEPTH; i++)
    {
      next_ok (reader, GLOSS_JSON_TOKEN_BEGIN_ARRAY);
      g_assert_cmpuint (gloss_json_reader_get_depth (reader), ==, i);
    }
  for (guint i = DEPTH; i > 0; i--)
    {
      next_ok (reader, GLOSS_JSON_TOKEN_END_ARRAY);
      g_assert_cmpuint (gloss_json_reader_get_depth (reader), ==, i - 1);
    }
  next_ok (reader, GLOSS_JSON_TOKEN_END);

  assert_refused (deep, GLOSS_ERROR_TOO_DEEP,
                  "line 1, column 65: nesting deeper than 64 levels");

  /* Objects count as levels the same way as arrays. */
  json = "{\n  \"a\": [\n    [[[[[[[[[[[[{\"b\": 1}]]]]]]]]]]]]\n  ]\n}";
  assert_refused_len (json, strlen (json), 14, GLOSS_ERROR_TOO_DEEP,
                      "line 3, column 17: nesting deeper than 14 levels");
  g_assert_true (read_whole (json, strlen (json), 15, NULL));
  assert_refused_len ("{\"a\": {\"b\": {}}}", 16, 2, GLOSS_ERROR_TOO_DEEP,
                      "line 1, column 13: nesting deeper than 2 levels");
  g_assert_true (read_whole ("{\"a\": {\"b\": 1}}", 15, 2, NULL));
  assert_refused_len ("[]", 2, 0, GLOSS_ERROR_TOO_DEEP,
                      "line 1, column 1: nesting deeper than 0 levels");
  g_assert_true (read_whole ("3", 1, 0, NULL));
}

static void
test_reader_depth_refused_at_once (void)
{
  /* Ten million brackets, never closed, and garbage after: the reader must
   * stop at the 65th bracket, without reading on or using the stack. */
  gsize length = 10 * 1000 * 1000;
  g_autofree char *json = g_malloc (length);
  g_autoptr(GError) error = NULL;

  memset (json, '[', length - 1);
  json[length - 1] = 'x';

  error = read_to_error (json, length, DEPTH);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_DEEP);
  g_assert_cmpstr (error->message, ==, "line 1, column 65: nesting deeper than 64 levels");
  g_clear_error (&error);

  /* With no real limit, the reader walks the whole nesting with a flat
   * C stack and reports the garbage at the end. */
  g_assert_false (read_whole (json, length, G_MAXUINT, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==,
                   "line 1, column 10000000: unknown word “x”; "
                   "JSON only knows true, false and null");
}

static void
test_reader_int64 (void)
{
  g_autoptr(GlossJsonReader) reader = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  gint64 value = 0;

  reader = reader_for ("[9223372036854775807, -9223372036854775808, 9223372036854775808,"
                       " -9223372036854775809, 0, -0, 1.0, 1e2, 0.1,"
                       " 123456789012345678901234567890]");

  next_ok (reader, GLOSS_JSON_TOKEN_BEGIN_ARRAY);

  next_ok (reader, GLOSS_JSON_TOKEN_NUMBER);
  g_assert_true (gloss_json_reader_get_int64 (reader, &value));
  g_assert_cmpint (value, ==, G_MAXINT64);

  next_ok (reader, GLOSS_JSON_TOKEN_NUMBER);
  g_assert_true (gloss_json_reader_get_int64 (reader, &value));
  g_assert_cmpint (value, ==, G_MININT64);

  next_ok (reader, GLOSS_JSON_TOKEN_NUMBER);
  g_assert_false (gloss_json_reader_get_int64 (reader, &value));
  g_assert_cmpfloat (gloss_json_reader_get_double (reader), ==, 9223372036854775808.0);

  next_ok (reader, GLOSS_JSON_TOKEN_NUMBER);
  g_assert_false (gloss_json_reader_get_int64 (reader, &value));
  g_assert_cmpfloat (gloss_json_reader_get_double (reader), ==, -9223372036854775808.0);

  next_ok (reader, GLOSS_JSON_TOKEN_NUMBER);
  g_assert_true (gloss_json_reader_get_int64 (reader, &value));
  g_assert_cmpint (value, ==, 0);

  value = 1;
  next_ok (reader, GLOSS_JSON_TOKEN_NUMBER);
  g_assert_true (gloss_json_reader_get_int64 (reader, &value));
  g_assert_cmpint (value, ==, 0);

  next_ok (reader, GLOSS_JSON_TOKEN_NUMBER);
  g_assert_false (gloss_json_reader_get_int64 (reader, NULL));
  g_assert_cmpfloat (gloss_json_reader_get_double (reader), ==, 1.0);

  next_ok (reader, GLOSS_JSON_TOKEN_NUMBER);
  g_assert_false (gloss_json_reader_get_int64 (reader, NULL));
  g_assert_cmpfloat (gloss_json_reader_get_double (reader), ==, 100.0);

  next_ok (reader, GLOSS_JSON_TOKEN_NUMBER);
  g_assert_false (gloss_json_reader_get_int64 (reader, NULL));
  g_assert_cmpfloat (gloss_json_reader_get_double (reader), ==, 0.1);

  next_ok (reader, GLOSS_JSON_TOKEN_NUMBER);
  g_assert_false (gloss_json_reader_get_int64 (reader, NULL));
  g_assert_cmpfloat (gloss_json_reader_get_double (reader), ==, 1.2345678901234568e29);

  next_ok (reader, GLOSS_JSON_TOKEN_END_ARRAY);

  /* read_node keeps the same split between integers and doubles. */
  node = parse_ok ("[9223372036854775807, 9223372036854775808, -12, 1.0]");
  array = json_node_get_array (node);
  g_assert_true (json_node_get_value_type (json_array_get_element (array, 0)) == G_TYPE_INT64);
  g_assert_cmpint (json_array_get_int_element (array, 0), ==, G_MAXINT64);
  g_assert_true (json_node_get_value_type (json_array_get_element (array, 1)) == G_TYPE_DOUBLE);
  g_assert_true (json_node_get_value_type (json_array_get_element (array, 2)) == G_TYPE_INT64);
  g_assert_cmpint (json_array_get_int_element (array, 2), ==, -12);
  g_assert_true (json_node_get_value_type (json_array_get_element (array, 3)) == G_TYPE_DOUBLE);

  /* A double that overflows cannot be kept, nor saved back as JSON. */
  g_clear_pointer (&node, json_node_unref);
  node = gloss_json_parse ("[1, 1e999]", 10, DEPTH, &error);
  g_assert_null (node);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "line 1, column 5: the number is too large");
  g_assert_true (read_whole ("[1e999]", 7, DEPTH, NULL));
}

static void
test_reader_number_at_end (void)
{
  /* The number is the last byte of a buffer that has no NUL after it;
   * get_double must not read past it (valgrind would tell). */
  g_autofree char *json = g_memdup2 ("12.75", 5);
  g_autoptr(GlossJsonReader) reader = gloss_json_reader_new (json, 5, DEPTH);
  g_autofree char *long_json = g_strnfill (300, '7');
  g_autoptr(GlossJsonReader) long_reader = gloss_json_reader_new (long_json, 300, DEPTH);

  next_ok (reader, GLOSS_JSON_TOKEN_NUMBER);
  g_assert_cmpfloat (gloss_json_reader_get_double (reader), ==, 12.75);
  next_ok (reader, GLOSS_JSON_TOKEN_END);

  next_ok (long_reader, GLOSS_JSON_TOKEN_NUMBER);
  g_assert_false (gloss_json_reader_get_int64 (long_reader, NULL));
  g_assert_cmpfloat (gloss_json_reader_get_double (long_reader), >, 7e299);
  next_ok (long_reader, GLOSS_JSON_TOKEN_END);
}

static void
test_reader_error_is_sticky (void)
{
  g_autoptr(GlossJsonReader) reader = reader_for ("[1, x, 2]");
  g_autoptr(GError) first = NULL;
  g_autoptr(GError) second = NULL;

  next_ok (reader, GLOSS_JSON_TOKEN_BEGIN_ARRAY);
  next_ok (reader, GLOSS_JSON_TOKEN_NUMBER);
  g_assert_false (gloss_json_reader_next (reader, &first));
  g_assert_false (gloss_json_reader_next (reader, &second));
  g_assert_error (second, GLOSS_ERROR, GLOSS_ERROR_PARSE);
  g_assert_cmpstr (first->message, ==, second->message);
}

static const char varied_document[] =
  "{\n"
  "  \"gloss\": 1,\n"
  "  \"title\": \"Un été à Montréal — « citation » \\\"quoted\\\" \\u00e9\\n\\ttab\",\n"
  "  \"emoji\": \"\\ud83d\\ude00 😀\",\n"
  "  \"numbers\": [0, -1, 42, 9223372036854775807, -9223372036854775808,\n"
  "              0.5, -2.25, 1e10, 1E-5, 6.02214076e23, 2.0, -0.0, 123.456],\n"
  "  \"flags\": {\"on\": true, \"off\": false, \"none\": null},\n"
  "  \"empty\": {\"object\": {}, \"array\": [], \"string\": \"\"},\n"
  "  \"zebra\": [[[]], [{}], [[1, [2, [3, {\"deep\": [\"end\"]}]]]]],\n"
  "  \"annotations\": [\n"
  "    {\"id\": \"a1\", \"start\": 0, \"end\": 20, \"tag\": \"claim\",\n"
  "     \"note\": \"ligne 1\\nligne 2\"},\n"
  "    {\"id\": \"a2\", \"start\": 50, \"end\": 70, \"tag\": \"company\",\n"
  "     \"extra\": {\"x\": [1.5, \"y\"]}}\n"
  "  ],\n"
  "  \"alpha\": \"last\"\n"
  "}";

static void
test_read_node_matches_json_glib (void)
{
  g_autoptr(JsonNode) ours = parse_ok (varied_document);
  g_autoptr(JsonNode) theirs = parse_with_json_glib (varied_document);
  JsonObject *object;
  JsonArray *numbers;

  assert_same_tree (ours, theirs);

  object = json_node_get_object (ours);
  g_assert_cmpstr (json_object_get_string_member (object, "emoji"), ==, "😀 😀");
  numbers = json_object_get_array_member (object, "numbers");
  g_assert_cmpint (json_array_get_int_element (numbers, 4), ==, G_MININT64);
  g_assert_cmpfloat (json_array_get_double_element (numbers, 9), ==, 6.02214076e23);
}

static void
test_read_node_mid_stream (void)
{
  g_autoptr(GlossJsonReader) reader = NULL;
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(JsonNode) expected = NULL;
  g_autoptr(GError) error = NULL;

  reader = reader_for ("{\"known\": 1, \"unknown\": {\"b\": [true, {\"c\": null}], \"a\": \"x\"},"
                       " \"scalar\": \"s\", \"after\": 2}");

  next_ok (reader, GLOSS_JSON_TOKEN_BEGIN_OBJECT);
  next_string (reader, GLOSS_JSON_TOKEN_MEMBER, "known");
  next_ok (reader, GLOSS_JSON_TOKEN_NUMBER);
  next_string (reader, GLOSS_JSON_TOKEN_MEMBER, "unknown");
  next_ok (reader, GLOSS_JSON_TOKEN_BEGIN_OBJECT);

  first = gloss_json_reader_read_node (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gloss_json_reader_get_token (reader), ==, GLOSS_JSON_TOKEN_END_OBJECT);
  g_assert_cmpuint (gloss_json_reader_get_depth (reader), ==, 1);
  expected = parse_with_json_glib ("{\"b\": [true, {\"c\": null}], \"a\": \"x\"}");
  assert_same_tree (first, expected);

  next_string (reader, GLOSS_JSON_TOKEN_MEMBER, "scalar");
  next_ok (reader, GLOSS_JSON_TOKEN_STRING);
  second = gloss_json_reader_read_node (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_node_get_string (second), ==, "s");
  g_assert_cmpint (gloss_json_reader_get_token (reader), ==, GLOSS_JSON_TOKEN_STRING);

  next_string (reader, GLOSS_JSON_TOKEN_MEMBER, "after");
  next_ok (reader, GLOSS_JSON_TOKEN_NUMBER);
  next_ok (reader, GLOSS_JSON_TOKEN_END_OBJECT);
  next_ok (reader, GLOSS_JSON_TOKEN_END);
}

static void
test_read_node_duplicate_key (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) nested = NULL;
  const char *json = "{\n  \"id\": 1,\n  \"tag\": 2,\n  \"id\": 3\n}";

  node = gloss_json_parse (json, strlen (json), DEPTH, &error);
  g_assert_null (node);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "line 4, column 3: duplicate key “id”");
  g_clear_error (&error);

  /* The same key in two different objects is fine. */
  nested = parse_ok ("{\"id\": {\"id\": 1}, \"x\": [{\"id\": 2}, {\"id\": 3}]}");
  g_assert_nonnull (nested);

  /* The token reader alone does not look at keys; check() passes. */
  g_assert_true (read_whole ("{\"a\": 1, \"a\": 2}", 16, DEPTH, NULL));
}

static void
test_skip_value (void)
{
  g_autoptr(GlossJsonReader) reader = NULL;
  g_autoptr(GlossJsonReader) bad = NULL;
  g_autoptr(GError) error = NULL;
  gint64 value;

  reader = reader_for ("{\"skip\": {\"a\": [1, {\"b\": 2}], \"c\": \"x\"}, \"keep\": 5,"
                       " \"arrays\": [[1, [2]], []], \"last\": true}");

  next_ok (reader, GLOSS_JSON_TOKEN_BEGIN_OBJECT);
  next_string (reader, GLOSS_JSON_TOKEN_MEMBER, "skip");
  next_ok (reader, GLOSS_JSON_TOKEN_BEGIN_OBJECT);
  g_assert_true (gloss_json_reader_skip_value (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gloss_json_reader_get_token (reader), ==, GLOSS_JSON_TOKEN_END_OBJECT);
  g_assert_cmpuint (gloss_json_reader_get_depth (reader), ==, 1);

  next_string (reader, GLOSS_JSON_TOKEN_MEMBER, "keep");
  next_ok (reader, GLOSS_JSON_TOKEN_NUMBER);
  g_assert_true (gloss_json_reader_skip_value (reader, &error));
  g_assert_cmpint (gloss_json_reader_get_token (reader), ==, GLOSS_JSON_TOKEN_NUMBER);
  g_assert_true (gloss_json_reader_get_int64 (reader, &value));
  g_assert_cmpint (value, ==, 5);

  next_string (reader, GLOSS_JSON_TOKEN_MEMBER, "arrays");
  next_ok (reader, GLOSS_JSON_TOKEN_BEGIN_ARRAY);
  next_ok (reader, GLOSS_JSON_TOKEN_BEGIN_ARRAY);
  g_assert_true (gloss_json_reader_skip_value (reader, &error));
  g_assert_cmpint (gloss_json_reader_get_token (reader), ==, GLOSS_JSON_TOKEN_END_ARRAY);
  g_assert_cmpuint (gloss_json_reader_get_depth (reader), ==, 2);
  next_ok (reader, GLOSS_JSON_TOKEN_BEGIN_ARRAY);
  g_assert_true (gloss_json_reader_skip_value (reader, &error));
  g_assert_cmpuint (gloss_json_reader_get_depth (reader), ==, 2);
  next_ok (reader, GLOSS_JSON_TOKEN_END_ARRAY);
  g_assert_cmpuint (gloss_json_reader_get_depth (reader), ==, 1);

  next_string (reader, GLOSS_JSON_TOKEN_MEMBER, "last");
  next_ok (reader, GLOSS_JSON_TOKEN_TRUE);
  next_ok (reader, GLOSS_JSON_TOKEN_END_OBJECT);
  next_ok (reader, GLOSS_JSON_TOKEN_END);

  /* Skipping still checks what it skips. */
  bad = reader_for ("[{\"a\": [1, 2,]}]");
  next_ok (bad, GLOSS_JSON_TOKEN_BEGIN_ARRAY);
  next_ok (bad, GLOSS_JSON_TOKEN_BEGIN_OBJECT);
  g_assert_false (gloss_json_reader_skip_value (bad, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "line 1, column 14: trailing comma before “]”");
}

static void
test_check_and_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  g_assert_true (read_whole (varied_document, strlen (varied_document), DEPTH, &error));
  g_assert_no_error (error);
  g_assert_false (read_whole (varied_document, strlen (varied_document), 3, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_DEEP);
  g_assert_cmpstr (error->message, ==, "line 9, column 14: nesting deeper than 3 levels");
  g_clear_error (&error);

  /* A truncated copy of a good document is refused by both. */
  g_assert_false (read_whole (varied_document, 100, DEPTH, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_PARSE);
  g_clear_error (&error);
  node = gloss_json_parse (varied_document, 100, DEPTH, &error);
  g_assert_null (node);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_PARSE);
  g_clear_error (&error);

  node = gloss_json_parse ("\"top\"", 5, DEPTH, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_node_get_string (node), ==, "top");
}

static void
test_write_string (void)
{
  g_autoptr(GString) out = g_string_new ("x");

  gloss_json_write_string (out, "a\"b\\c/d\b\f\n\r\t\x01\x1f\x7f é\xE2\x80\xA8 😀", -1);
  /* U+2028, a line end for line-oriented readers, is escaped too. */
  g_assert_cmpstr (out->str, ==,
                   "x\"a\\\"b\\\\c/d\\b\\f\\n\\r\\t\\u0001\\u001f\x7f é\\u2028 😀\"");

  /* With an explicit length, an embedded NUL is written too. */
  g_string_truncate (out, 0);
  gloss_json_write_string (out, "a\0b\x1B" "c", 5);
  g_assert_cmpstr (out->str, ==, "\"a\\u0000b\\u001bc\"");

  g_string_truncate (out, 0);
  gloss_json_write_string (out, "", -1);
  g_assert_cmpstr (out->str, ==, "\"\"");

  g_string_truncate (out, 0);
  gloss_json_write_indent (out, 3);
  g_assert_cmpstr (out->str, ==, "      ");
}

static void
test_write_layout (void)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  JsonObject *object;

  /* Built by hand, out of alphabetical order, to see that members keep
   * the order in which they were added. */
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, json_object_new ());
  object = json_node_get_object (node);
  json_object_set_string_member (object, "zeta", "été");
  json_object_set_int_member (object, "alpha", -3);
  json_object_set_array_member (object, "list", json_array_new ());
  json_array_add_int_element (json_object_get_array_member (object, "list"), 1);
  json_array_add_double_element (json_object_get_array_member (object, "list"), 2.0);
  json_array_add_null_element (json_object_get_array_member (object, "list"));
  json_object_set_object_member (object, "empty", json_object_new ());
  json_object_set_array_member (object, "none", json_array_new ());
  json_object_set_boolean_member (object, "yes", TRUE);
  json_object_set_double_member (object, "ratio", 0.1);

  gloss_json_write_node (out, node, 0);
  g_assert_cmpstr (out->str, ==,
                   "{\n"
                   "  \"zeta\": \"été\",\n"
                   "  \"alpha\": -3,\n"
                   "  \"list\": [\n"
                   "    1,\n"
                   "    2.0,\n"
                   "    null\n"
                   "  ],\n"
                   "  \"empty\": {},\n"
                   "  \"none\": [],\n"
                   "  \"yes\": true,\n"
                   "  \"ratio\": 0.1\n"
                   "}");

  /* At level 1 the first line is the caller's; nested lines move right. */
  g_string_assign (out, "  \"x\": ");
  gloss_json_write_node (out, json_object_get_member (object, "list"), 1);
  g_assert_cmpstr (out->str, ==, "  \"x\": [\n    1,\n    2.0,\n    null\n  ]");
}

static void
test_write_doubles (void)
{
  static const struct
  {
    double value;
    const char *text;
  } cases[] = {
    { 2.0, "2.0" },
    { 100.0, "100.0" },
    { 0.1, "0.1" },
    { -2.25, "-2.25" },
    { -0.0, "-0.0" },
    { 1.0 / 3.0, "0.3333333333333333" },
    { 0.1 + 0.2, "0.30000000000000004" },
    { 1e300, "1e+300" },
    { 1e21, "1e+21" },
    { 6.02214076e23, "6.02214076e+23" },
    { 1.5e-7, "1.5e-07" },
    { 9007199254740993.0, "9007199254740992.0" },
    { 5e-324, "4.94065645841247e-324" },
    { G_MAXDOUBLE, "1.7976931348623157e+308" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = json_node_init_double (json_node_alloc (), cases[i].value);
      g_autoptr(JsonNode) back = NULL;
      g_autofree char *text = write_node (node);
      double read_back;

      g_assert_cmpstr (text, ==, cases[i].text);

      /* Compared bit for bit, so that -0.0 must come back as -0.0. */
      back = parse_ok (text);
      g_assert_true (json_node_get_value_type (back) == G_TYPE_DOUBLE);
      read_back = json_node_get_double (back);
      g_assert_true (memcmp (&cases[i].value, &read_back, sizeof (double)) == 0);
    }
}

static void
test_write_round_trip (void)
{
  g_autoptr(JsonNode) original = parse_ok (varied_document);
  g_autoptr(JsonNode) reparsed = NULL;
  g_autoptr(JsonNode) by_json_glib = NULL;
  g_autofree char *first = write_node (original);
  g_autofree char *again = write_node (original);
  g_autofree char *second = NULL;

  g_assert_cmpstr (first, ==, again);
  g_assert_false (g_str_has_suffix (first, "\n"));

  /* json-glib's own parser reads back the same tree... */
  by_json_glib = parse_with_json_glib (first);
  assert_same_tree (by_json_glib, original);

  /* ...and loading then saving gives the very same bytes. */
  reparsed = parse_ok (first);
  assert_same_tree (reparsed, original);
  second = write_node (reparsed);
  g_assert_cmpstr (first, ==, second);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/reader/tokens", test_reader_tokens);
  g_test_add_func ("/json/reader/scalar-documents", test_reader_scalar_documents);
  g_test_add_func ("/json/reader/nested", test_reader_nested);
  g_test_add_func ("/json/reader/line-endings", test_reader_line_endings);
  g_test_add_func ("/json/reader/escapes", test_reader_escapes);
  g_test_add_func ("/json/reader/surrogates", test_reader_surrogates);
  g_test_add_func ("/json/reader/utf8", test_reader_utf8);
  g_test_add_func ("/json/reader/syntax-errors", test_reader_syntax_errors);
  g_test_add_func ("/json/reader/literal-errors", test_reader_literal_errors);
  g_test_add_func ("/json/reader/number-errors", test_reader_number_errors);
  g_test_add_func ("/json/reader/string-errors", test_reader_string_errors);
  g_test_add_func ("/json/reader/surrogate-errors", test_reader_surrogate_errors);
  g_test_add_func ("/json/reader/empty", test_reader_empty);
  g_test_add_func ("/json/reader/trailing", test_reader_trailing);
  g_test_add_func ("/json/reader/bom", test_reader_bom);
  g_test_add_func ("/json/reader/token-start", test_reader_token_start);
  g_test_add_func ("/json/reader/depth", test_reader_depth);
  g_test_add_func ("/json/reader/depth-refused-at-once", test_reader_depth_refused_at_once);
  g_test_add_func ("/json/reader/int64", test_reader_int64);
  g_test_add_func ("/json/reader/number-at-end", test_reader_number_at_end);
  g_test_add_func ("/json/reader/error-is-sticky", test_reader_error_is_sticky);
  g_test_add_func ("/json/reader/read-node-matches-json-glib", test_read_node_matches_json_glib);
  g_test_add_func ("/json/reader/read-node-mid-stream", test_read_node_mid_stream);
  g_test_add_func ("/json/reader/duplicate-key", test_read_node_duplicate_key);
  g_test_add_func ("/json/reader/skip-value", test_skip_value);
  g_test_add_func ("/json/check-and-parse", test_check_and_parse);
  g_test_add_func ("/json/writer/string", test_write_string);
  g_test_add_func ("/json/writer/layout", test_write_layout);
  g_test_add_func ("/json/writer/doubles", test_write_doubles);
  g_test_add_func ("/json/writer/round-trip", test_write_round_trip);

  return g_test_run ();
}
