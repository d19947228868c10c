/* gloss-json-writer.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <string.h>

G_BEGIN_DECLS

/* Helpers that write JSON text into a GString in Gloss's one layout: two
 * spaces per level, "key": value, one member or element per line, UTF-8
 * written as is, only what JSON requires escaped, and the line separators
 * U+0085, U+2028 and U+2029, at which line-oriented readers split.  The
 * same input always gives the same bytes, which keeps git diffs of
 * annotation files small. */

/* Appends @length bytes to @out.  GString's own append goes through its
 * general insert; writing a file of 100,000 annotations makes millions of
 * small appends, so this copies straight into the reserved space. */
static inline void
gloss_json_append (GString    *out,
                   const char *data,
                   gsize       length)
{
  if (out->len + length < out->allocated_len)
    {
      memcpy (out->str + out->len, data, length);
      out->len += length;
      out->str[out->len] = '\0';
    }
  else
    {
      g_string_append_len (out, data, length);
    }
}

#define gloss_json_append_literal(out, literal) \
  gloss_json_append ((out), "" literal, sizeof (literal) - 1)

/* Appends @str (UTF-8, @length bytes or -1 for NUL-terminated) as a quoted
 * JSON string: \" \\ \b \f \n \r \t, other control characters as \u00XX,
 * and \u0085, \u2028, \u2029 for those three. */
void gloss_json_write_string (GString    *out,
                              const char *str,
                              gssize      length);

/* Appends @level * 2 spaces. */
void gloss_json_write_indent (GString    *out,
                              guint       level);

/* Appends @value in decimal, without printf's cost. */
void gloss_json_write_uint   (GString    *out,
                              guint64     value);

/* Appends @node (any json-glib value) as JSON text in the layout above, its
 * opening line already placed at indentation @level (nested lines are
 * indented from there); no trailing newline.  Empty objects and arrays are
 * written {} and [].  Integers are written as integers; doubles with the
 * shortest text that reads back the same ("%.17g" trimmed), never in the
 * locale's format. */
void gloss_json_write_node   (GString    *out,
                              JsonNode   *node,
                              guint       level);

/* Appends each member of @object, in the order they were added, as
 * ",\n", @level * 2 spaces, "name": and the value written as
 * gloss_json_write_node() writes it at @level: the members that another
 * tool added to an object Gloss writes itself. */
void gloss_json_write_members (GString    *out,
                               JsonObject *object,
                               guint       level);

G_END_DECLS
