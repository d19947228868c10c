/* gloss-annotation-file-read-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-annotation-file-private.h"
#include "gloss-json-reader.h"

G_BEGIN_DECLS

/* The parser of annotation files, shared by gloss-annotation-file-read.c
 * (the file, its source, annotator, tags and annotations) and
 * gloss-annotation-file-read-relations.c (the annotations' attributes and
 * the relations). */
typedef struct
{
  GlossJsonReader *reader;
  const char *display;
  GlossLoadFlags flags;
  GlossFileContent *content;
  GHashTable *ids;           /* of the annotations read so far, borrowed */
  GHashTable *relation_ids;  /* of the relations read so far, borrowed */
} Parser;

/* Sets @error to the file, the line and the message; returns FALSE. */
gboolean       _gloss_read_fail           (Parser      *parser,
                                           GError     **error,
                                           const char  *format,
                                           ...) G_GNUC_PRINTF (3, 4);
/* The same, with the code GLOSS_ERROR_DUPLICATE_ID. */
gboolean       _gloss_read_fail_duplicate (Parser      *parser,
                                           GError     **error,
                                           const char  *format,
                                           ...) G_GNUC_PRINTF (3, 4);
/* Moves to the next token; an error names the file. */
gboolean       _gloss_read_next           (Parser      *parser,
                                           GError     **error);
GlossJsonToken _gloss_read_token          (Parser      *parser);
/* Reads the next value as a string into *@out, replacing what it held;
 * @what (untranslated) and @name say where, in a message. */
gboolean       _gloss_read_string         (Parser      *parser,
                                           const char  *what,
                                           const char  *name,
                                           char       **out,
                                           GError     **error);

/* Reads the members of an object whose BEGIN_OBJECT is current.  Keys
 * listed in @fields go to @member with their index; others are kept whole
 * in @extra.  A key given twice is refused.  @what is untranslated, since
 * it is only needed for a message. */
typedef gboolean (*MemberFunc) (Parser     *parser,
                                guint       field,
                                gpointer    data,
                                GError    **error);

gboolean       _gloss_read_object         (Parser             *parser,
                                           const char         *what,
                                           const char * const *fields,
                                           MemberFunc          member,
                                           gpointer            data,
                                           JsonObject        **extra,
                                           GError            **error);

/* gloss-annotation-file-read-relations.c */

/* Reads an annotation's "attributes" object (the key is current) into
 * *@out: values that are strings, true or false, or numbers. */
gboolean       _gloss_read_attributes     (Parser      *parser,
                                           GVariant   **out,
                                           GError     **error);
/* Reads one relation, whose BEGIN_OBJECT is current, into the content. */
gboolean       _gloss_read_relation       (Parser      *parser,
                                           GError     **error);

G_END_DECLS
