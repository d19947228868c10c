/* gloss-search.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-source.h"

G_BEGIN_DECLS

typedef enum
{
  GLOSS_FIND_NONE        = 0,
  /* Letters match whatever their case (simple case mapping, so offsets
   * never shift). */
  GLOSS_FIND_IGNORE_CASE = 1 << 0,
  /* A match must not start or end inside a word. */
  GLOSS_FIND_WHOLE_WORD  = 1 << 1,
} GlossFindFlags;

typedef struct
{
  guint start;
  guint end;
} GlossRange;

/* Every occurrence of @needle in @source's text, in order and without
 * overlaps, as an array of GlossRange (code points, end excluded).  An
 * empty needle has no occurrence. */
GArray   *gloss_source_find_all    (GlossSource    *source,
                                    const char     *needle,
                                    GlossFindFlags  flags);

/* Adjusts [*start, *end) the way a careful annotator would: drops white
 * space at both ends, then widens each end that falls inside a word to
 * that word's boundary.  Returns FALSE when nothing but white space is
 * left. */
gboolean  gloss_source_snap_to_words (GlossSource    *source,
                                      guint          *start,
                                      guint          *end);

/* TRUE when @c belongs to a word (letters, digits, marks, connectors). */
gboolean  gloss_unichar_is_word    (gunichar        c);

G_END_DECLS
