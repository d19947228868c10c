/* gloss-json-writer.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-json"

#include "config.h"

#include <math.h>
#include <string.h>

#include "gloss-json-bytes.h"
#include "gloss-json-writer.h"

/* The bytes of @block that gloss_json_write_string() does not copy as
 * they are, marked 0xFF: control characters, the quote and the backslash,
 * and the first bytes of the UTF-8 forms of U+0085, U+2028 and U+2029 (or
 * of other characters that start alike).  0xC2 and 0xE2 are the two bytes
 * that are 0xC2 with bit 5 cleared. */
static inline GlossBytes16
care_of (GlossBytes16 block)
{
  return (GlossBytes16)(block < 0x20) | (GlossBytes16)(block == '"') | (GlossBytes16)(block == '\\') |
         (GlossBytes16)((block & 0xDF) == 0xC2);
}

/* Which bytes of the last sixteen of a string are looked at when fewer
 * than sixteen are left: from keep_last + (how many are left). */
static const guint8 keep_last[32] = { [16 ... 31] = 0xFF };

/* The first byte from @p on that needs a look (see care_of), or @end.
 * Strings are mostly plain text: sixteen bytes are checked at once; the
 * last few of a string that @start is the beginning of among the bytes
 * before them (checked already, and left out), or if it is shorter than
 * sixteen among plain padding. */
static inline const guchar *
skip_plain (const guchar *start,
            const guchar *p,
            const guchar *end)
{
  GlossBytes16 block;
  guint i;

  for (; end - p >= 16; p += 16)
    {
      block = gloss_bytes16_load (p);
      if ((i = gloss_bytes16_first_marked (care_of (block))) < 16)
        return p + i;
    }

  if (p == end)
    return end;

  if (end - start >= 16)
    {
      GlossBytes16 keep;

      block = gloss_bytes16_load (end - 16);
      memcpy (&keep, keep_last + (end - p), 16);
      i = gloss_bytes16_first_marked (care_of (block) & keep);
      return i < 16 ? end - 16 + i : end;
    }

  block = (GlossBytes16){ 0 } + 'a';
  memcpy (&block, p, end - p);
  i = gloss_bytes16_first_marked (care_of (block));
  return i < 16 ? p + i : end;
}

/* Appends the string from @start to @end, quoted, its first byte that
 * needs a look at @p. */
static void
write_string_with_care (GString      *out,
                        const guchar *start,
                        const guchar *p,
                        const guchar *end)
{
  static const char hex[] = "0123456789abcdef";
  const guchar *run = start;

  gloss_json_append_literal (out, "\"");

  /* Everything but the quote, the backslash, control characters and the
   * three line separators below is copied as it is, in runs, so that
   * non-ASCII text stays readable in the file and in diffs. */
  for (; p < end; p = skip_plain (start, p + 1, end))
    {
      guchar c = *p;

      /* U+0085, U+2028 and U+2029 are valid in a JSON string, but
       * JavaScript before ES2019 and readers that split lines as Python's
       * str.splitlines() does take them for line ends, which cuts a JSON
       * Lines record in two. */
      if (c == 0xC2 || c == 0xE2)
        {
          const char *escape = NULL;

          if (c == 0xC2 && p + 1 < end && p[1] == 0x85)
            escape = "\\u0085";
          else if (c == 0xE2 && p + 2 < end && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9))
            escape = p[2] == 0xA8 ? "\\u2028" : "\\u2029";
          if (escape == NULL)
            continue;

          gloss_json_append (out, (const char *) run, p - run);
          gloss_json_append (out, escape, 6);
          p += c == 0xC2 ? 1 : 2;
          run = p + 1;
          continue;
        }

      gloss_json_append (out, (const char *) run, p - run);
      run = p + 1;

      switch (c)
        {
        case '"':
          gloss_json_append_literal (out, "\\\"");
          break;

        case '\\':
          gloss_json_append_literal (out, "\\\\");
          break;

        case '\b':
          gloss_json_append_literal (out, "\\b");
          break;

        case '\f':
          gloss_json_append_literal (out, "\\f");
          break;

        case '\n':
          gloss_json_append_literal (out, "\\n");
          break;

        case '\r':
          gloss_json_append_literal (out, "\\r");
          break;

        case '\t':
          gloss_json_append_literal (out, "\\t");
          break;

        default:
          {
            char escape[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF] };

            gloss_json_append (out, escape, 6);
          }
          break;
        }
    }

  gloss_json_append (out, (const char *) run, end - run);
  gloss_json_append_literal (out, "\"");
}

void
gloss_json_write_string (GString    *out,
                         const char *str,
                         gssize      length)
{
  const guchar *start;
  const guchar *end;
  const guchar *p;

  g_return_if_fail (out != NULL);
  g_return_if_fail (str != NULL || length == 0);

  if (str == NULL)
    str = "";
  if (length < 0)
    length = strlen (str);

  start = (const guchar *) str;
  end = start + length;
  p = skip_plain (start, start, end);

  /* Most strings need no escape: quoted and copied in one go.  A file of
   * 100,000 annotations has some 50 MB of strings to write. */
  if (G_LIKELY (p == end && out->len + length + 2 < out->allocated_len))
    {
      char *to = out->str + out->len;

      to[0] = '"';
      memcpy (to + 1, str, length);
      to[length + 1] = '"';
      out->len += length + 2;
      out->str[out->len] = '\0';
      return;
    }

  write_string_with_care (out, start, p, end);
}

/* Appends @level * 2 spaces, most often in one go. */
static inline void
append_indent (GString *out,
               guint    level)
{
  static const char spaces[] = "                                                                ";

  for (; level > 32; level -= 32)
    gloss_json_append (out, spaces, 64);
  gloss_json_append (out, spaces, 2 * level);
}

void
gloss_json_write_indent (GString *out,
                         guint    level)
{
  g_return_if_fail (out != NULL);

  append_indent (out, level);
}

void
gloss_json_write_uint (GString *out,
                       guint64  value)
{
  /* Two digits at a time: a file of 100,000 annotations has 200,000
   * offsets. */
  static const char pairs[] =
    "0001020304050607080910111213141516171819"
    "2021222324252627282930313233343536373839"
    "4041424344454647484950515253545556575859"
    "6061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";
  char digits[24];
  guint n = sizeof digits;

  g_return_if_fail (out != NULL);

  for (; value >= 100; value /= 100)
    {
      n -= 2;
      memcpy (digits + n, pairs + 2 * (value % 100), 2);
    }
  if (value >= 10)
    {
      n -= 2;
      memcpy (digits + n, pairs + 2 * value, 2);
    }
  else
    {
      digits[--n] = '0' + value;
    }
  gloss_json_append (out, digits + n, sizeof digits - n);
}

/* Appends @value as the shortest text that reads back as the very same
 * double.  An integral value keeps a “.0” so that it is read back as a
 * double, not as an integer: saving a file must not change its types. */
static void
write_double (GString *out,
              double   value)
{
  static const char *const formats[] = { "%.15g", "%.16g", "%.17g" };
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      /* JSON has no text for infinities or NaN, and the reader never makes
       * one; null at least keeps the file well-formed. */
      gloss_json_append_literal (out, "null");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (text, sizeof text, formats[i], value);
      if (g_ascii_strtod (text, NULL) == value)
        break;
    }

  gloss_json_append (out, text, strlen (text));

  if (strpbrk (text, ".e") == NULL)
    gloss_json_append_literal (out, ".0");
}

static void
write_value (GString  *out,
             JsonNode *node)
{
  GType type = json_node_get_value_type (node);

  if (type == G_TYPE_STRING)
    {
      const char *str = json_node_get_string (node);

      if (str != NULL)
        gloss_json_write_string (out, str, -1);
      else
        gloss_json_append_literal (out, "null");
    }
  else if (type == G_TYPE_INT64)
    {
      gint64 value = json_node_get_int (node);

      /* As printf writes it, without its cost. */
      if (value < 0)
        gloss_json_append_literal (out, "-");
      gloss_json_write_uint (out, value < 0 ? -(guint64) value : (guint64) value);
    }
  else if (type == G_TYPE_DOUBLE)
    {
      write_double (out, json_node_get_double (node));
    }
  else if (type == G_TYPE_BOOLEAN)
    {
      if (json_node_get_boolean (node))
        gloss_json_append_literal (out, "true");
      else
        gloss_json_append_literal (out, "false");
    }
  else
    {
      /* json-glib converts every value it stores to one of the four types
       * above, so this is only reached through a bug elsewhere. */
      g_critical ("Cannot write a JSON value of type %s", g_type_name (type));
      gloss_json_append_literal (out, "null");
    }
}

static void write_node (GString  *out,
                        JsonNode *node,
                        guint     level);

/* How many members an object may have for write_members() to pair its
 * names with their values without looking each name up. */
#define MAX_PAIRED 8

/* Appends the members of @object, each on a line of its own at @level,
 * after a comma unless it is the first and @first.  The ordered iterator
 * gives the members in the order they were added, which for a loaded file
 * is the order of the file: saving then keeps members where the author
 * put them.  It hashes each name to look its value up, and that is a
 * measurable part of writing the keys kept on 100,000 annotations: the
 * values of a small object are taken instead from a walk of its table,
 * and matched to the names in order by their address (json-glib keeps
 * one copy of each name), a name then looked up only if that fails. */
static void
write_members (GString    *out,
               JsonObject *object,
               guint       level,
               gboolean    first)
{
  const char *names[MAX_PAIRED];
  JsonNode *values[MAX_PAIRED];
  guint n_paired = json_object_get_size (object);
  JsonObjectIter iter;
  const char *name;

  if (n_paired > MAX_PAIRED)
    n_paired = 0;
  json_object_iter_init (&iter, object);
  for (guint i = 0; i < n_paired; i++)
    if (!json_object_iter_next (&iter, &names[i], &values[i]))
      n_paired = i;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, NULL))
    {
      JsonNode *member = NULL;

      for (guint i = 0; i < n_paired && member == NULL; i++)
        if (names[i] == name)
          member = values[i];
      if (member == NULL)
        member = json_object_get_member (object, name);

      if (!first)
        gloss_json_append_literal (out, ",");
      first = FALSE;
      gloss_json_append_literal (out, "\n");
      append_indent (out, level);
      gloss_json_write_string (out, name, -1);
      gloss_json_append_literal (out, ": ");
      write_node (out, member, level);
    }
}

void
gloss_json_write_members (GString    *out,
                          JsonObject *object,
                          guint       level)
{
  g_return_if_fail (out != NULL && object != NULL);

  write_members (out, object, level, FALSE);
}

static void
write_node (GString  *out,
            JsonNode *node,
            guint     level)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);

        if (json_object_get_size (object) == 0)
          {
            gloss_json_append_literal (out, "{}");
            break;
          }

        gloss_json_append_literal (out, "{");
        write_members (out, object, level + 1, TRUE);
        gloss_json_append_literal (out, "\n");
        append_indent (out, level);
        gloss_json_append_literal (out, "}");
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        if (n == 0)
          {
            gloss_json_append_literal (out, "[]");
            break;
          }

        gloss_json_append_literal (out, "[");

        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              gloss_json_append_literal (out, ",");
            gloss_json_append_literal (out, "\n");
            append_indent (out, level + 1);
            write_node (out, json_array_get_element (array, i), level + 1);
          }

        gloss_json_append_literal (out, "\n");
        append_indent (out, level);
        gloss_json_append_literal (out, "]");
      }
      break;

    case JSON_NODE_VALUE:
      write_value (out, node);
      break;

    case JSON_NODE_NULL:
    default:
      gloss_json_append_literal (out, "null");
      break;
    }
}

void
gloss_json_write_node (GString  *out,
                       JsonNode *node,
                       guint     level)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (node != NULL);

  write_node (out, node, level);
}
