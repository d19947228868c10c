/* gloss-tag.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_TAG (gloss_tag_get_type ())

G_DECLARE_FINAL_TYPE (GlossTag, gloss_tag, GLOSS, TAG, GObject)

/* A codebook entry.  @id is a slug (lower-case letters, digits, '-', '_');
 * @color is "#rrggbb". */
GlossTag   *gloss_tag_new             (const char *id,
                                       const char *label,
                                       const char *color,
                                       const char *description);
/* A built-in tag: its label and description are English source strings,
 * shown translated. */
GlossTag   *gloss_tag_new_builtin     (const char *id,
                                       const char *label,
                                       const char *color,
                                       const char *description);

const char *gloss_tag_get_id          (GlossTag   *self);
/* Translated for built-in tags, as written otherwise. */
const char *gloss_tag_get_label       (GlossTag   *self);
/* As stored (the English source string for built-in tags). */
const char *gloss_tag_get_raw_label   (GlossTag   *self);
void        gloss_tag_set_label       (GlossTag   *self,
                                       const char *label);
const char *gloss_tag_get_color       (GlossTag   *self);
void        gloss_tag_set_color       (GlossTag   *self,
                                       const char *color);
const char *gloss_tag_get_description (GlossTag   *self);
const char *gloss_tag_get_raw_description (GlossTag *self);
void        gloss_tag_set_description (GlossTag   *self,
                                       const char *description);
gboolean    gloss_tag_get_builtin     (GlossTag   *self);
/* Position in the codebook, from 1; keys 1 to 9 follow it. */
guint       gloss_tag_get_order       (GlossTag   *self);
void        gloss_tag_set_order       (GlossTag   *self,
                                       guint       order);
/* Keys of the tag's JSON object Gloss does not know, written back. */
JsonObject *gloss_tag_get_extra       (GlossTag   *self);
void        gloss_tag_set_extra       (GlossTag   *self,
                                       JsonObject *extra);

gboolean    gloss_tag_id_is_valid     (const char *id);
gboolean    gloss_tag_color_is_valid  (const char *color);
/* A slug made of @text: lower case, accents dropped, runs of anything
 * else turned into one '-'; NULL when nothing is left. */
char       *gloss_slugify             (const char *text);

G_END_DECLS
