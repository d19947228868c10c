/* gloss-text-builder-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "gloss-text-builder.h"

G_BEGIN_DECLS

/* gloss-text-builder.c lays the text out; gloss-text-builder-paths.c names
 * the elements it walks by XPath. */

/* How the child elements of one element are numbered in their steps. */
typedef struct _GlossChildSteps GlossChildSteps;

void    _gloss_child_steps_free       (GlossChildSteps *steps);

/* An element the builder entered, its parent being the one before it. */
typedef struct
{
  xmlNode         *node;
  char            *step;         /* "p[3]", once asked for */
  GlossChildSteps *child_steps;  /* once a child's step is asked for */
} GlossTextElement;

/* An empty array of GlossTextElement that clears what it drops. */
GArray *_gloss_text_elements_new      (void);

/* The XPath of the element at @index in @elements, from the document
 * down, such as "/html/body/article/p[3]". */
char   *_gloss_text_elements_dup_path (GArray *elements,
                                       guint   index);

G_END_DECLS
