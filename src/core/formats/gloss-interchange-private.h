/* gloss-interchange-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "gloss-utf16-private.h"

G_BEGIN_DECLS

/* What the importers keep in annotation files beyond Gloss's own fields,
 * and the exporters read to give it back.  Every key starts with "x-", so
 * no later version of the format will take it. */

/* Per annotation: the label the annotation had in the other tool when its
 * slug is the tag ("Organization" for "organization"). */
#define GLOSS_KEY_LABEL          "x-label"
/* Per annotation: one key shared by the pieces of a discontinuous span. */
#define GLOSS_KEY_GROUP          "x-group"
/* Per annotation: brat's T id, the fragment's place in its T line, and
 * the id of the note line ("#1") that gave the note. */
#define GLOSS_KEY_BRAT_ID        "x-brat-id"
#define GLOSS_KEY_BRAT_FRAGMENT  "x-brat-fragment"
#define GLOSS_KEY_BRAT_NOTE_ID   "x-brat-note-id"
/* A relation's argument roles when they are not "Arg1 Arg2", and an
 * annotation's A ids by attribute id. */
#define GLOSS_KEY_BRAT_ROLES     "x-brat-roles"
#define GLOSS_KEY_BRAT_ATTRIBUTES "x-brat-attributes"
/* What follows a relation's arguments when it is not the tab brat writes. */
#define GLOSS_KEY_BRAT_TAIL      "x-brat-tail"
/* Per file: { "order": ids of the .ann lines in their order ("T1", "#1",
 * or "@N" for lines[N]), "lines": the lines Gloss does not model, and the
 * text of the "annotation.conf", "visual.conf" and "tools.conf" brat
 * would use for the .ann, when there are }. */
#define GLOSS_KEY_BRAT           "x-brat"
/* Per annotation: doccano's entity id; per file: what else the record
 * held (relations, metadata). */
#define GLOSS_KEY_DOCCANO_ID     "x-doccano-id"
#define GLOSS_KEY_DOCCANO        "x-doccano"
/* Per annotation: the W3C annotation's id when it was not a urn:uuid
 * (any string: a bare UUID, "anno-000000"), and the bodies Gloss does not
 * model. */
#define GLOSS_KEY_W3C_ID         "x-w3c-id"
#define GLOSS_KEY_W3C_BODIES     "x-w3c-bodies"
/* Per annotation: Label Studio's region id, when it is not the
 * annotation's own; per file: { "results": the results Gloss does not
 * model, "annotation" (or "prediction"): that entry's own keys
 * (completed_by, ...), "task": the task's other keys }. */
#define GLOSS_KEY_LABELSTUDIO_ID "x-labelstudio-id"
#define GLOSS_KEY_LABELSTUDIO    "x-labelstudio"

/* A string member of an annotation's or a file's extra keys, or NULL. */
static inline const char *
_gloss_extra_get_string (JsonObject *extra,
                         const char *key)
{
  JsonNode *node;

  if (extra == NULL || (node = json_object_get_member (extra, key)) == NULL ||
      !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* The tag id an imported label becomes: lower-case ASCII, accents
 * dropped, '-' and '_' kept, any other run of characters turned into one
 * '-' ("Organization" gives "organization", "Geographical_part"
 * "geographical_part").  A label with nothing of that ("😀") gives
 * "tag-" and eight hex digits of its hash, always the same. */
char *_gloss_label_to_tag (const char *label);

/* An attribute as the W3C export writes it, in the value of a TextualBody
 * with purpose "classifying": "ID=VALUE", VALUE as
 * gloss_attribute_value_to_string() gives it ("verdict=misleading",
 * "certain=true", "score=2.5"), a string that would read as a boolean
 * or a number (or that starts with '"') quoted as in JSON
 * ("rank=\"1\""), so that each value reads back as it was. */
char     *_gloss_w3c_attribute_text  (const char  *id,
                                      GVariant    *value);
/* The value of such a text (floating), the attribute id in *@id; NULL
 * when @text is not one. */
GVariant *_gloss_w3c_attribute_parse (const char  *text,
                                      char       **id);

G_END_DECLS
