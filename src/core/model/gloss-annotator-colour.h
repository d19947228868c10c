/* gloss-annotator-colour.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each annotator's colour, so that the window tells people apart: a
 * palette of well-separated hues, each with a variant for a light page
 * and one for a dark page, both legible on their page (a contrast of at
 * least 4.5:1).  An id always starts from the same colour (a hash of the
 * id); among the annotators of one article, an id whose colour another
 * id took moves on to the next free one (see assign). */

/* How many colours the palette holds. */
guint        gloss_annotator_colour_get_n       (void);
/* The colour @id starts from: the same on every run and machine. */
guint        gloss_annotator_colour_index_for_id (const char *id);
/* Colour @index of the palette as "#rrggbb", for a dark page when @dark. */
const char  *gloss_annotator_colour_hex         (guint       index,
                                                 gboolean    dark);
/* Gives each of the @n_ids ids (none twice) a colour of the palette,
 * written in @indices in the same order: in the order of the ids sorted
 * by strcmp, each takes its own colour, or when an earlier id took it,
 * the next colour no id took.  The result depends on the set only, never
 * on the order of @ids; past the palette's size colours repeat. */
void         gloss_annotator_colours_assign     (const char * const *ids,
                                                 guint               n_ids,
                                                 guint              *indices);

G_END_DECLS
