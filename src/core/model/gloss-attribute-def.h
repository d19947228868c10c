/* gloss-attribute-def.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  GLOSS_ATTRIBUTE_CHOICE,   /* one of listed values, by their stable id ("s") */
  GLOSS_ATTRIBUTE_BOOLEAN,  /* yes or no ("b") */
  GLOSS_ATTRIBUTE_NUMBER,   /* a number ("d") */
  GLOSS_ATTRIBUTE_TEXT,     /* free text ("s") */
} GlossAttributeKind;

/* "choice", "boolean", "number", "text" */
const char *gloss_attribute_kind_to_string   (GlossAttributeKind  kind);
gboolean    gloss_attribute_kind_from_string (const char         *str,
                                              GlossAttributeKind *kind);

#define GLOSS_TYPE_ATTRIBUTE_DEF (gloss_attribute_def_get_type ())

G_DECLARE_FINAL_TYPE (GlossAttributeDef, gloss_attribute_def, GLOSS, ATTRIBUTE_DEF, GObject)

/* A codebook's attribute of annotations ("verdict" of a claim): a stable
 * @id (a tag id's form), a label, its kind, the tags whose annotations
 * may have it (NULL or empty: every tag), for a choice its values (stable
 * ids with labels), and an optional default value. */
GlossAttributeDef  *gloss_attribute_def_new          (const char         *id,
                                                      const char         *label,
                                                      GlossAttributeKind  kind,
                                                      const char * const *tags);
/* A built-in one: its labels are English source strings, shown translated. */
GlossAttributeDef  *gloss_attribute_def_new_builtin  (const char         *id,
                                                      const char         *label,
                                                      GlossAttributeKind  kind,
                                                      const char * const *tags);
GlossAttributeDef  *gloss_attribute_def_copy         (GlossAttributeDef  *self);

const char         *gloss_attribute_def_get_id       (GlossAttributeDef  *self);
/* Translated for built-in ones, as written otherwise. */
const char         *gloss_attribute_def_get_label    (GlossAttributeDef  *self);
const char         *gloss_attribute_def_get_raw_label (GlossAttributeDef *self);
void                gloss_attribute_def_set_label    (GlossAttributeDef  *self,
                                                      const char         *label);
GlossAttributeKind  gloss_attribute_def_get_kind     (GlossAttributeDef  *self);
/* Never NULL; empty for every tag. */
const char * const *gloss_attribute_def_get_tags     (GlossAttributeDef  *self);
void                gloss_attribute_def_set_tags     (GlossAttributeDef  *self,
                                                      const char * const *tags);
gboolean            gloss_attribute_def_applies_to   (GlossAttributeDef  *self,
                                                      const char         *tag);
gboolean            gloss_attribute_def_get_builtin  (GlossAttributeDef  *self);

/* The values of a choice, in order. */
guint               gloss_attribute_def_get_n_values (GlossAttributeDef  *self);
const char         *gloss_attribute_def_get_value_id (GlossAttributeDef  *self,
                                                      guint               position);
/* Translated for built-in ones. */
const char         *gloss_attribute_def_get_value_label (GlossAttributeDef *self,
                                                         guint              position);
const char         *gloss_attribute_def_get_raw_value_label (GlossAttributeDef *self,
                                                             guint              position);
/* Appends a value to a choice; FALSE when the id is taken. */
gboolean            gloss_attribute_def_add_value    (GlossAttributeDef  *self,
                                                      const char         *value_id,
                                                      const char         *label);
gboolean            gloss_attribute_def_has_value    (GlossAttributeDef  *self,
                                                      const char         *value_id);

/* The value a new annotation's attribute starts with, or NULL. */
GVariant           *gloss_attribute_def_get_default  (GlossAttributeDef  *self);
/* Sinks a floating @value; FALSE (and nothing changes) when
 * gloss_attribute_def_check_value refuses it. */
gboolean            gloss_attribute_def_set_default  (GlossAttributeDef  *self,
                                                      GVariant           *value);

/* Whether @value suits the attribute: its GVariant type matches the kind,
 * a choice's value is one of its ids, a number is finite.  The error
 * (GLOSS_ERROR_INVALID) says why in words a user understands.  A
 * floating @value is sunk (and freed). */
gboolean            gloss_attribute_def_check_value  (GlossAttributeDef  *self,
                                                      GVariant           *value,
                                                      GError            **error);
/* A value from text as a user types it (gloss-cli annotate --attr): a
 * choice's value id, "true"/"false"/"yes"/"no", a number in the C locale,
 * or any text; NULL with an error when it does not suit. */
GVariant           *gloss_attribute_def_parse_value  (GlossAttributeDef  *self,
                                                      const char         *text,
                                                      GError            **error);
/* Any attribute value as text: the string, "true" or "false", or the
 * number in the C locale (an integer without ".0"). */
char               *gloss_attribute_value_to_string  (GVariant           *value);

/* Keys of its JSON object Gloss does not know, written back. */
JsonObject         *gloss_attribute_def_get_extra    (GlossAttributeDef  *self);
void                gloss_attribute_def_set_extra    (GlossAttributeDef  *self,
                                                      JsonObject         *extra);

G_END_DECLS
