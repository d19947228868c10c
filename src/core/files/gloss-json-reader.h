/* gloss-json-reader.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A strict (RFC 8259) pull parser over a buffer in memory.  json-glib 1.6
 * builds a whole tree and has no depth limit; this reader streams tokens,
 * refuses nesting deeper than a limit as soon as it meets it, and is fast
 * enough for annotation files with hundreds of thousands of entries.
 * Values the caller does not know can still be taken whole as a JsonNode. */

typedef enum
{
  GLOSS_JSON_TOKEN_END,          /* end of input, after the single top-level value */
  GLOSS_JSON_TOKEN_BEGIN_OBJECT,
  GLOSS_JSON_TOKEN_END_OBJECT,
  GLOSS_JSON_TOKEN_BEGIN_ARRAY,
  GLOSS_JSON_TOKEN_END_ARRAY,
  GLOSS_JSON_TOKEN_MEMBER,       /* an object key; get_string() gives it */
  GLOSS_JSON_TOKEN_STRING,
  GLOSS_JSON_TOKEN_NUMBER,
  GLOSS_JSON_TOKEN_TRUE,
  GLOSS_JSON_TOKEN_FALSE,
  GLOSS_JSON_TOKEN_NULL,
} GlossJsonToken;

typedef struct _GlossJsonReader GlossJsonReader;

GlossJsonReader *gloss_json_reader_new          (const char       *data,
                                                 gsize             length,
                                                 guint             max_depth);
void             gloss_json_reader_free         (GlossJsonReader  *reader);

/* Advances to the next token.  Returns FALSE with @error set (GLOSS_ERROR_PARSE
 * or GLOSS_ERROR_TOO_DEEP, message with line and column) on bad input; at the
 * end of a well-formed document returns TRUE with the token END. */
gboolean         gloss_json_reader_next         (GlossJsonReader  *reader,
                                                 GError          **error);
GlossJsonToken   gloss_json_reader_get_token    (GlossJsonReader  *reader);

/* For MEMBER and STRING: the decoded UTF-8 text (NUL-terminated, may hold
 * no NUL itself since \u0000 is refused); valid until the next call. */
const char      *gloss_json_reader_get_string   (GlossJsonReader  *reader,
                                                 gsize            *length);
char            *gloss_json_reader_dup_string   (GlossJsonReader  *reader);
/* For NUMBER: TRUE when the number is an integer that fits in gint64. */
gboolean         gloss_json_reader_get_int64    (GlossJsonReader  *reader,
                                                 gint64           *value);
double           gloss_json_reader_get_double   (GlossJsonReader  *reader);

/* The current token's position, 1-based. */
guint            gloss_json_reader_get_line     (GlossJsonReader  *reader);
guint            gloss_json_reader_get_column   (GlossJsonReader  *reader);
guint            gloss_json_reader_get_depth    (GlossJsonReader  *reader);
/* Where the current token begins: a pointer into the data given to new().
 * With END_OBJECT or END_ARRAY current, the value it closes ends one byte
 * further, so that a value can be kept as its text and read again. */
const char      *gloss_json_reader_get_token_start (GlossJsonReader *reader);

/* With the current token the start of a value (BEGIN_*, STRING, NUMBER,
 * TRUE, FALSE, NULL), reads the whole value; afterwards the current token is
 * its last one.  read_node builds it as a json-glib node; skip drops it. */
JsonNode        *gloss_json_reader_read_node    (GlossJsonReader  *reader,
                                                 GError          **error);
gboolean         gloss_json_reader_skip_value   (GlossJsonReader  *reader,
                                                 GError          **error);

/* Parses a whole document into a json-glib node, within @max_depth. */
JsonNode        *gloss_json_parse               (const char       *data,
                                                 gsize             length,
                                                 guint             max_depth,
                                                 GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossJsonReader, gloss_json_reader_free)

G_END_DECLS
