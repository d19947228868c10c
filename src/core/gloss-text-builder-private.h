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

/* An element the builder entered, its parent being the one before it. */
typedef struct
{
  xmlNode    *node;
  char       *step;         /* "p[3]", once asked for */
  GHashTable *child_steps;  /* each child element to its step, once asked for */
} GlossTextElement;

/* An empty array of GlossTextElement that clears what it drops. */
GArray *_gloss_text_elements_new      (void);

/* The XPath of the element at @index in @elements, from the document
 * down, such as "/html/body/article/p[3]". */
char   *_gloss_text_elements_dup_path (GArray *elements,
                                       guint   index);

G_END_DECLS
