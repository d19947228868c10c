/* gloss-codebook-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-codebook.h"

G_BEGIN_DECLS

/* The object's fields, for gloss-codebook*.c only. */
struct _GlossCodebook
{
  GObject parent_instance;

  GPtrArray *tags;
  GFile *file;
  /* Keys of the file's top-level object Gloss does not know, written back. */
  JsonObject *extra;
  /* GlossRelationType and GlossAttributeDef, in the file's order. */
  GPtrArray *relation_types;
  GPtrArray *attributes;
};

/* gloss-codebook-relations.c */
void     _gloss_codebook_relations_init    (GlossCodebook *self);
void     _gloss_codebook_relations_clear   (GlossCodebook *self);
/* The built-in relation types and attributes of the default codebook. */
void     _gloss_codebook_add_defaults      (GlossCodebook *self);
/* Gives @self copies of @from's relation types and attributes. */
void     _gloss_codebook_copy_relations    (GlossCodebook *self,
                                            GlossCodebook *from);

/* gloss-codebook-relations-json.c */
/* Reads the "relations" and "attributes" lists of a codebook file's
 * object, when it has them; @display names the file in messages. */
gboolean _gloss_codebook_read_relations    (GlossCodebook *self,
                                            JsonObject    *object,
                                            const char    *display,
                                            GError       **error);
/* Writes them after the tags, each list only when it is not empty. */
void     _gloss_codebook_write_relations   (GlossCodebook *self,
                                            GString       *out);

G_END_DECLS
