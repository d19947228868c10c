/* gloss-import-doccano-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-import-private.h"

G_BEGIN_DECLS

/* Shared by the two files of the doccano import: gloss-import-doccano.c
 * (a record: its text, spans and other keys) and -relations.c (its
 * relations, read one at a time). */

/* A relation of a record as it was read: its text in the record, which
 * outlives it, and what taking it needs; a relation that is not an
 * object is held as its node. */
typedef struct
{
  const char *text;
  gsize length;
  JsonNode *node;
  char *from_key;          /* _gloss_doccano_entity_key() of from_id, or NULL */
  char *to_key;
  char *type;
  JsonNode *id;
} GlossDoccanoRelation;

void      _gloss_doccano_relation_clear (gpointer             relation);
/* An entity id as a key: ids may be numbers ("n12") or strings ("s12"). */
char     *_gloss_doccano_entity_key     (JsonNode            *id);
/* Reads the "relations" list whose "[" is the reader's current token into
 * @relations (GlossDoccanoRelation), refusing what reading it whole
 * would refuse. */
gboolean  _gloss_doccano_read_relations (GlossJsonReader     *reader,
                                         GArray              *relations,
                                         GError             **error);
/* Adds @relation between the annotations of its entities (@by_entity:
 * entity key -> annotation); FALSE, with a note naming the line, when it
 * cannot and stays kept. */
gboolean  _gloss_doccano_take_relation  (GlossImportBatch    *batch,
                                         GHashTable          *by_entity,
                                         GlossDoccanoRelation *relation,
                                         const char          *display,
                                         guint                line);
/* The relation as json-glib would have read it. */
JsonNode *_gloss_doccano_relation_node  (GlossDoccanoRelation *relation);

G_END_DECLS
