/* gloss-codebook.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-attribute-def.h"
#include "gloss-relation-type.h"
#include "gloss-tag.h"

G_BEGIN_DECLS

#define GLOSS_CODEBOOK_FILE_NAME "gloss-codebook.json"

#define GLOSS_TYPE_CODEBOOK (gloss_codebook_get_type ())

G_DECLARE_FINAL_TYPE (GlossCodebook, gloss_codebook, GLOSS, CODEBOOK, GObject)

/* The tags annotators choose from: a GListModel of GlossTag in their
 * order (keys 1 to 9 pick the first nine). */
GlossCodebook *gloss_codebook_new             (void);
/* company, controversy, claim; the relation types said-by (claim →
 * company) and about (claim or controversy → company), both directed;
 * the attribute verdict of a claim, a choice of true, false, misleading
 * and unverifiable. */
GlossCodebook *gloss_codebook_new_default     (void);
/* Reads a gloss-codebook.json file.  Its "relations" and "attributes"
 * lists are optional: a file without them has no relation types and no
 * attributes (the defaults are never added to a file's codebook behind
 * its authors' back). */
GlossCodebook *gloss_codebook_new_from_file   (GFile          *file,
                                               GError        **error);
/* The codebook of an article: gloss-codebook.json in its folder or the
 * nearest parent folder that has one, else the default.  An unreadable
 * codebook file is an error, never silently replaced by the default. */
GlossCodebook *gloss_codebook_new_for_article (GFile          *article,
                                               GError        **error);

/* A new codebook with copies of @self's tags (never the same objects),
 * its file and the keys it keeps for writing back. */
GlossCodebook *gloss_codebook_copy            (GlossCodebook  *self);
/* Makes @self hold the tags of @from, in its order, and take its file.
 * The tags of ids both have stay the same objects, updated in place (so
 * whoever watches them is notified); tags only @from has are added as
 * copies; the others are removed.  One items-changed covers the span that
 * changed, none is emitted when the list is the same; then "assigned" is
 * emitted, as the relation types and attributes are @from's too. */
void           gloss_codebook_assign          (GlossCodebook  *self,
                                               GlossCodebook  *from);

/* The file the codebook came from, or NULL for the default. */
GFile         *gloss_codebook_get_file        (GlossCodebook  *self);
GlossTag      *gloss_codebook_lookup          (GlossCodebook  *self,
                                               const char     *id);
/* The tag at @position (0-based) in order, or NULL. */
GlossTag      *gloss_codebook_get_tag         (GlossCodebook  *self,
                                               guint           position);
/* Appends @tag (its order becomes the last); FALSE if the id is taken. */
gboolean       gloss_codebook_add             (GlossCodebook  *self,
                                               GlossTag       *tag);
gboolean       gloss_codebook_remove          (GlossCodebook  *self,
                                               const char     *id);
/* Moves the tag to @position (0-based) and renumbers the orders. */
void           gloss_codebook_move            (GlossCodebook  *self,
                                               const char     *id,
                                               guint           position);
/* Writes the codebook as JSON to @file, atomically. */
gboolean       gloss_codebook_save            (GlossCodebook  *self,
                                               GFile          *file,
                                               GError        **error);
char          *gloss_codebook_to_json         (GlossCodebook  *self);
/* A colour for a new tag that is not yet in use. */
const char    *gloss_codebook_suggest_color   (GlossCodebook  *self);

/* Relation types, in the codebook's order; ids are stable. */
guint              gloss_codebook_get_n_relation_types (GlossCodebook     *self);
GlossRelationType *gloss_codebook_get_relation_type    (GlossCodebook     *self,
                                                        guint              position);
GlossRelationType *gloss_codebook_lookup_relation_type (GlossCodebook     *self,
                                                        const char        *id);
/* Appends @type; FALSE if its id is taken. */
gboolean           gloss_codebook_add_relation_type    (GlossCodebook     *self,
                                                        GlossRelationType *type);
gboolean           gloss_codebook_remove_relation_type (GlossCodebook     *self,
                                                        const char        *id);
/* The relation types that allow a relation from an annotation tagged
 * @source_tag to one tagged @target_tag, in order: a new array holding
 * references. */
GPtrArray         *gloss_codebook_relation_types_for   (GlossCodebook     *self,
                                                        const char        *source_tag,
                                                        const char        *target_tag);
/* Whether a relation of type @type may go from @source_tag to
 * @target_tag; the error (GLOSS_ERROR_INVALID) names the type and tags. */
gboolean           gloss_codebook_check_relation       (GlossCodebook     *self,
                                                        const char        *type,
                                                        const char        *source_tag,
                                                        const char        *target_tag,
                                                        GError           **error);

/* Attribute definitions, in the codebook's order; an id names one
 * definition, which lists the tags it applies to. */
guint              gloss_codebook_get_n_attributes     (GlossCodebook     *self);
GlossAttributeDef *gloss_codebook_get_attribute        (GlossCodebook     *self,
                                                        guint              position);
GlossAttributeDef *gloss_codebook_lookup_attribute     (GlossCodebook     *self,
                                                        const char        *id);
/* Appends @attribute; FALSE if its id is taken. */
gboolean           gloss_codebook_add_attribute        (GlossCodebook     *self,
                                                        GlossAttributeDef *attribute);
gboolean           gloss_codebook_remove_attribute     (GlossCodebook     *self,
                                                        const char        *id);
/* The attributes an annotation tagged @tag may have, in order: a new
 * array holding references. */
GPtrArray         *gloss_codebook_attributes_for_tag   (GlossCodebook     *self,
                                                        const char        *tag);
/* The defaults of the attributes an annotation tagged @tag may have, as
 * gloss_annotation_get_attributes gives attributes (a full reference,
 * sorted by id), or NULL when none has a default: what a new annotation
 * of that tag starts with. */
GVariant          *gloss_codebook_get_default_attributes (GlossCodebook *self,
                                                          const char    *tag);
/* Whether an annotation tagged @tag may have attribute @id with @value:
 * the attribute exists, applies to the tag and takes the value.  The
 * error (GLOSS_ERROR_INVALID) says which of these fails.  A floating
 * @value is sunk (and freed). */
gboolean           gloss_codebook_check_attribute      (GlossCodebook     *self,
                                                        const char        *tag,
                                                        const char        *id,
                                                        GVariant          *value,
                                                        GError           **error);

G_END_DECLS
