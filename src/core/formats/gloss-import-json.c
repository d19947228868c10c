/* gloss-import-json.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reading the JSON of other tools: cutting a file into its records, so
 * that each is parsed (and reported on, by line) on its own, taking
 * members of the types expected, and the error of a key given twice in a
 * value read a token at a time. */

#define G_LOG_DOMAIN "gloss-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-import-private.h"

typedef struct
{
  const char *data;
  gsize length;
  gsize at;
  guint line;
} Scanner;

static void
skip_space (Scanner *s)
{
  while (s->at < s->length)
    {
      char c = s->data[s->at];

      if (c == '\n')
        s->line++;
      else if (c != ' ' && c != '\t' && c != '\r')
        break;
      s->at++;
    }
}

/* Moves past the value that starts at s->at: a bracketed one up to its
 * closing bracket, a string up to its closing quote, anything else up to
 * the next space, comma or bracket. */
static void
skip_value (Scanner *s)
{
  guint depth = 0;
  gboolean in_string = FALSE;
  const char *end = s->data + s->length;
  const char *quote = NULL;
  const char *escape = NULL;

  while (s->at < s->length)
    {
      char c = s->data[s->at];

      if (in_string)
        {
          const char *from = s->data + s->at;
          const char *stop;

          /* Most of a file is in strings: memchr() runs through them
           * many bytes at a time, to the closing quote or the first
           * escape, counting the line breaks (which JSON does not allow
           * there, but which must not shift the lines that follow).
           * The next quote and escape found are kept until passed, so
           * that a long string full of escapes is not searched again
           * from each one. */
          if (quote == NULL || quote < from)
            {
              quote = memchr (from, '"', end - from);
              if (quote == NULL)
                quote = end;
            }
          /* Only up to the quote: past it the string may be over. */
          if (escape == NULL || escape < from)
            {
              escape = memchr (from, '\\', quote - from);
              if (escape == NULL)
                escape = quote;
            }
          stop = MIN (quote, escape);
          for (const char *p = memchr (from, '\n', stop - from); p != NULL;
               p = memchr (p + 1, '\n', stop - (p + 1)))
            s->line++;

          s->at = stop - s->data;
          if (stop == end)
            return;

          if (*stop == '\\')
            s->at++;
          else
            {
              in_string = FALSE;
              if (depth == 0)
                {
                  s->at++;
                  return;
                }
            }
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        depth++;
      else if (c == '}' || c == ']')
        {
          if (depth == 0)
            return;
          if (--depth == 0)
            {
              s->at++;
              return;
            }
        }
      else if (depth == 0 && (c == ',' || c == ' ' || c == '\t' || c == '\r' || c == '\n'))
        return;
      else if (c == '\n')
        s->line++;

      s->at++;
    }
}

static void
add_piece (GArray *pieces,
           gsize   from,
           gsize   to,
           guint   line)
{
  GlossJsonPiece piece = { from, to - from, line };

  g_array_append_val (pieces, piece);
}

/* Adds the elements of the array at s->at, when the input is that array
 * alone and its elements are separated as JSON has them, in one look at
 * each byte; FALSE, with nothing added, for anything else, which the
 * caller then splits as it always did.  Files written by tools take this
 * way, which reads them once instead of twice. */
static gboolean
split_plain_array (Scanner *s,
                   GArray  *pieces)
{
  Scanner t = *s;

  t.at++;
  for (;;)
    {
      gsize from;
      guint line;

      skip_space (&t);
      if (t.at >= t.length)
        break;
      if (t.data[t.at] == ']')
        {
          t.at++;
          skip_space (&t);
          if (t.at < t.length)
            break;
          return TRUE;
        }

      from = t.at;
      line = t.line;
      skip_value (&t);
      if (t.at == from)
        break;
      add_piece (pieces, from, t.at, line);

      skip_space (&t);
      if (t.at < t.length && t.data[t.at] == ',')
        t.at++;
      else if (t.at >= t.length || t.data[t.at] != ']')
        break;
    }

  g_array_set_size (pieces, 0);
  return FALSE;
}

GArray *
_gloss_json_split (const char *data,
                   gsize       length,
                   gboolean    into_array)
{
  GArray *pieces = g_array_new (FALSE, FALSE, sizeof (GlossJsonPiece));
  Scanner s = { data, length, 0, 1 };

  skip_space (&s);
  if (into_array && s.at < length && data[s.at] == '[' && split_plain_array (&s, pieces))
    return pieces;
  if (into_array && s.at < length && data[s.at] == '[')
    {
      Scanner probe = s;

      /* One array and nothing after it: its elements are the records. */
      skip_value (&probe);
      skip_space (&probe);
      if (probe.at >= length)
        {
          s.at++;
          for (;;)
            {
              gsize from;
              guint line;

              skip_space (&s);
              if (s.at >= length || data[s.at] == ']')
                break;

              from = s.at;
              line = s.line;
              skip_value (&s);
              if (s.at == from)
                s.at++;
              add_piece (pieces, from, s.at, line);

              skip_space (&s);
              if (s.at < length && data[s.at] == ',')
                s.at++;
            }
          return pieces;
        }
    }

  while (s.at < length)
    {
      gsize from = s.at;
      guint line = s.line;

      skip_value (&s);
      /* A stray closing bracket or comma is a piece of its own, which
       * fails to parse and is reported. */
      if (s.at == from)
        s.at++;
      add_piece (pieces, from, s.at, line);
      skip_space (&s);
    }

  return pieces;
}

gboolean
_gloss_json_scan_members (const char             *data,
                          gsize                   length,
                          GlossJsonMemberFunc     func,
                          gpointer                user_data)
{
  Scanner s = { data, length, 0, 1 };

  skip_space (&s);
  if (s.at >= length || data[s.at] != '{')
    return FALSE;
  s.at++;
  skip_space (&s);
  if (s.at < length && data[s.at] == '}')
    return TRUE;

  for (;;)
    {
      GlossJsonPiece value;
      gsize key, key_end;

      skip_space (&s);
      if (s.at >= length || data[s.at] != '"')
        return FALSE;
      key = s.at + 1;
      skip_value (&s);
      key_end = s.at - 1;
      if (key_end < key || data[key_end] != '"')
        return FALSE;

      skip_space (&s);
      if (s.at >= length || data[s.at] != ':')
        return FALSE;
      s.at++;
      skip_space (&s);

      value.offset = s.at;
      value.line = s.line;
      skip_value (&s);
      if (s.at == value.offset)
        return FALSE;
      value.length = s.at - value.offset;

      /* A key written with escapes is not given: the caller falls back
       * to reading the value whole. */
      if (memchr (data + key, '\\', key_end - key) == NULL &&
          !func (data + key, key_end - key, &value, user_data))
        return TRUE;

      skip_space (&s);
      if (s.at < length && data[s.at] == '}')
        return TRUE;
      if (s.at >= length || data[s.at] != ',')
        return FALSE;
      s.at++;
    }
}

typedef struct
{
  const char *name;
  gsize name_length;
  GlossJsonPiece *value;
  gboolean found;
} FindMember;

static gboolean
find_member_cb (const char     *key,
                gsize           key_length,
                GlossJsonPiece *value,
                gpointer        user_data)
{
  FindMember *find = user_data;

  if (key_length != find->name_length || memcmp (key, find->name, key_length) != 0)
    return TRUE;

  *find->value = *value;
  find->found = TRUE;
  return FALSE;
}

gboolean
_gloss_json_find_member (const char     *data,
                         gsize           length,
                         const char     *name,
                         GlossJsonPiece *value)
{
  FindMember find = { name, strlen (name), value, FALSE };

  return _gloss_json_scan_members (data, length, find_member_cb, &find) && find.found;
}

gboolean
_gloss_json_duplicate_key (GlossJsonReader  *reader,
                           const char       *key,
                           GError          **error)
{
  g_autofree char *what = g_strdup_printf (_("duplicate key “%s”"), key);

  /* As the reader refuses it in a value read whole. */
  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_PARSE, _("line %u, column %u: %s"),
               gloss_json_reader_get_line (reader), gloss_json_reader_get_column (reader), what);
  return FALSE;
}

const char *
_gloss_json_get_string (JsonObject *object,
                        const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

JsonObject *
_gloss_json_get_object (JsonObject *object,
                        const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
_gloss_json_get_array (JsonObject *object,
                       const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

GlossSource *
_gloss_importer_record_text (GlossImporter   *self,
                             GlossImportPlan *plan,
                             GFile           *input,
                             const char      *display,
                             guint            index,
                             guint            line,
                             const char      *text,
                             GString         *mine,
                             GString         *problems)
{
  g_autoptr(GError) error = NULL;
  GlossSource *source;

  if (mine->len > 0)
    {
      if (problems->len > 0)
        g_string_append_c (problems, '\n');
      g_string_append (problems, mine->str);
      return NULL;
    }

  source = _gloss_importer_plan_text (self, plan, input, index, text, strlen (text), &error);
  if (source == NULL)
    _gloss_import_problem (problems, display, line, "%s", error->message);

  return source;
}
