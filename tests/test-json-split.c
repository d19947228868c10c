/* test-json-split.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How the imports of Label Studio and doccano cut a file into records
 * before reading each: a file that is one array, written as tools write
 * it, is cut in one look at each byte; anything else as it always was.
 * Each case gives the pieces as "line:text", those of the second way
 * worked out by hand from its rules, so that both ways are held to the
 * same cuts. */

#include "config.h"

#include <string.h>

#include "gloss-import-private.h"

static char *
pieces_of (const char *data,
           gboolean    into_array)
{
  g_autoptr(GArray) pieces = _gloss_json_split (data, strlen (data), into_array);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < pieces->len; i++)
    {
      GlossJsonPiece *piece = &g_array_index (pieces, GlossJsonPiece, i);

      g_string_append_printf (out, "%s%u:%.*s", i ? "|" : "", piece->line, (int)piece->length,
                              data + piece->offset);
    }
  return g_string_free (out, FALSE);
}

static void
test_split (void)
{
  static const struct
  {
    const char *data;
    gboolean into_array;
    const char *pieces;
  } cases[] = {
    /* Arrays as tools write them: their elements. */
    { "[{\"a\": 1}, {\"b\": \"x]\"}]", TRUE, "1:{\"a\": 1}|1:{\"b\": \"x]\"}" },
    { "[\n {\"a\": [1, 2]},\n {\"b\": \"q\\\"}\"}\n]\n", TRUE, "2:{\"a\": [1, 2]}|3:{\"b\": \"q\\\"}\"}" },
    { "\n\n[\"one\\\\\", 2, true,\n\n null]", TRUE, "3:\"one\\\\\"|3:2|3:true|5:null" },
    { "[]", TRUE, "" },
    { " [ ] \n", TRUE, "" },
    { "[1, 2,]", TRUE, "1:1|1:2" },
    { "[{\"s\": \"a\\nb [{\"}]", TRUE, "1:{\"s\": \"a\\nb [{\"}" },
    /* Elements not separated as JSON has them: still the elements. */
    { "[1 2]", TRUE, "1:1|1:2" },
    { "[1, 2", TRUE, "1:1|1:2" },
    /* Not one array alone: its top-level values, a stray bracket or
     * comma each a piece of its own. */
    { "[1, }, 2]", TRUE, "1:[1, }|1:,|1:2|1:]" },
    { "[1] x", TRUE, "1:[1]|1:x" },
    { "[1]\n[2]\n", TRUE, "1:[1]|2:[2]" },
    { "{\"a\": 1}\n{\"b\": [2]}\n", TRUE, "1:{\"a\": 1}|2:{\"b\": [2]}" },
    /* Without @into_array, an array is one piece. */
    { "[1, 2]", FALSE, "1:[1, 2]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *pieces = pieces_of (cases[i].data, cases[i].into_array);

      g_test_message ("%s -> %s", cases[i].data, pieces);
      g_assert_cmpstr (pieces, ==, cases[i].pieces);
    }
}

/* A long array of records, each on lines of its own: every record, at
 * its line. */
static void
test_split_long (void)
{
  g_autoptr(GString) data = g_string_new ("[\n");
  g_autoptr(GArray) pieces = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (data, "  {\"id\": %u,\n   \"text\": \"t%u \\\" ]\"}%s\n", i, i, i + 1 < 5000 ? "," : "");
  g_string_append (data, "]\n");

  pieces = _gloss_json_split (data->str, data->len, TRUE);
  g_assert_cmpuint (pieces->len, ==, 5000);
  for (guint i = 0; i < pieces->len; i++)
    {
      GlossJsonPiece *piece = &g_array_index (pieces, GlossJsonPiece, i);
      g_autofree char *expected = g_strdup_printf ("{\"id\": %u,\n   \"text\": \"t%u \\\" ]\"}", i, i);

      g_assert_cmpuint (piece->line, ==, 2 + 2 * i);
      g_assert_cmpuint (piece->length, ==, strlen (expected));
      g_assert_true (memcmp (data->str + piece->offset, expected, piece->length) == 0);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/split/cases", test_split);
  g_test_add_func ("/json/split/long", test_split_long);

  return g_test_run ();
}
