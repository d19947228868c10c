/* test-json-writer.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The JSON writer on the cases its fast paths must not change: strings
 * checked many bytes at a time, numbers written without printf, members
 * paired with their values without a lookup.  test-json holds the
 * layout, doubles and round trips. */

#include "config.h"

#include <string.h>

#include "gloss-json-writer.h"

/* What gloss_json_write_string() must write for @length bytes of @str,
 * found a byte at a time. */
static char *
escape_one_by_one (const char *str,
                   gsize       length)
{
  const guchar *p = (const guchar *) str;
  GString *out = g_string_new ("\"");

  for (gsize i = 0; i < length; i++)
    {
      if (p[i] == 0xC2 && i + 1 < length && p[i + 1] == 0x85)
        {
          g_string_append (out, "\\u0085");
          i++;
        }
      else if (p[i] == 0xE2 && i + 2 < length && p[i + 1] == 0x80 &&
               (p[i + 2] == 0xA8 || p[i + 2] == 0xA9))
        {
          g_string_append (out, p[i + 2] == 0xA8 ? "\\u2028" : "\\u2029");
          i += 2;
        }
      else if (p[i] == '"' || p[i] == '\\')
        {
          g_string_append_printf (out, "\\%c", p[i]);
        }
      else if (p[i] < 0x20 && strchr ("\b\f\n\r\t", p[i]) != NULL && p[i] != '\0')
        {
          g_string_append_printf (out, "\\%c", "bfnrt"[strchr ("\b\f\n\r\t", p[i]) - "\b\f\n\r\t"]);
        }
      else if (p[i] < 0x20)
        {
          g_string_append_printf (out, "\\u%04x", p[i]);
        }
      else
        {
          g_string_append_c (out, p[i]);
        }
    }
  g_string_append_c (out, '"');

  return g_string_free (out, FALSE);
}

/* Strings are checked many bytes at a time: every sequence that needs an
 * escape, and look-alikes that need none, at every place in plain strings
 * of every length around the size of a block, written where the buffer has
 * room and where it must grow. */
static void
test_write_string_positions (void)
{
  static const char *const pieces[] = {
    "\"", "\\", "\n", "\x01", "\x1f", "\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9",
    "\xC2\xA0", "\xE2\x80\x99", "\xC3\xA9", "\xE2\x82\xAC", "\x7f", " ",
  };

  for (guint k = 0; k < G_N_ELEMENTS (pieces); k++)
    for (gsize n = 0; n <= 40; n++)
      for (gsize at = 0; at <= n; at++)
        {
          g_autoptr(GString) str = g_string_new (NULL);
          g_autoptr(GString) roomy = g_string_sized_new (4096);
          g_autoptr(GString) tight = g_string_new (NULL);
          g_autofree char *expected = NULL;

          for (gsize i = 0; i < n; i++)
            {
              if (i == at)
                g_string_append (str, pieces[k]);
              g_string_append_c (str, 'a' + i % 26);
            }
          if (at == n)
            g_string_append (str, pieces[k]);
          /* Twice, so that the second is found after the first. */
          if (n % 3 == 0)
            g_string_append (str, pieces[k]);
          expected = escape_one_by_one (str->str, str->len);

          gloss_json_write_string (roomy, str->str, str->len);
          g_assert_cmpstr (roomy->str, ==, expected);

          while (tight->len + 1 < tight->allocated_len)
            g_string_append_c (tight, '-');
          g_string_truncate (tight, tight->len - MIN (tight->len, n % 7));
          {
            gsize before = tight->len;

            gloss_json_write_string (tight, str->str, -1);
            g_assert_cmpstr (tight->str + before, ==, expected);
          }
        }
}

static void
test_write_numbers (void)
{
  static const guint64 unsigned_cases[] = {
    0, 9, 10, 99, 100, 101, 999, 1000, 4294967295u, G_GUINT64_CONSTANT (10000000000000000000),
    G_MAXUINT64,
  };
  static const gint64 signed_cases[] = { 0, -1, -9, -10, 42, G_MININT64, G_MAXINT64 };

  for (guint i = 0; i < G_N_ELEMENTS (unsigned_cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autofree char *expected = g_strdup_printf ("%" G_GUINT64_FORMAT, unsigned_cases[i]);

      gloss_json_write_uint (out, unsigned_cases[i]);
      g_assert_cmpstr (out->str, ==, expected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (signed_cases); i++)
    {
      g_autoptr(JsonNode) node = json_node_init_int (json_node_alloc (), signed_cases[i]);
      g_autoptr(GString) out = g_string_new (NULL);
      g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, signed_cases[i]);

      gloss_json_write_node (out, node, 0);
      g_assert_cmpstr (out->str, ==, expected);
    }
}

/* The members of an object come out in the order they were added, small
 * objects and large, and whatever order their hash table keeps. */
static void
test_write_members (void)
{
  for (guint n = 1; n <= 20; n++)
    {
      g_autoptr(JsonObject) object = json_object_new ();
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GString) expected = g_string_new (NULL);

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *name = g_strdup_printf ("x-%c%u", 'z' - i, i * 7 % 5);

          json_object_set_int_member (object, name, i);
          g_string_append_printf (expected, ",\n    \"%s\": %u", name, i);
        }
      /* Set again: keeps its place, takes the new value. */
      json_object_set_string_member (object, "x-z0", "again");
      g_string_replace (expected, "\"x-z0\": 0", "\"x-z0\": \"again\"", 1);

      gloss_json_write_members (out, object, 2);
      g_assert_cmpstr (out->str, ==, expected->str);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-writer/string-positions", test_write_string_positions);
  g_test_add_func ("/json-writer/numbers", test_write_numbers);
  g_test_add_func ("/json-writer/members", test_write_members);

  return g_test_run ();
}
