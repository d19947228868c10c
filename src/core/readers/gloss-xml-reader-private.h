/* gloss-xml-reader-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/tree.h>

#include "gloss-source-map.h"
#include "gloss-xml-reader.h"

G_BEGIN_DECLS

/* gloss-xml-reader.c parses the file safely and makes the source;
 * gloss-xml-formats.c knows TEI, JATS and what to do with other XML. */

typedef enum
{
  GLOSS_XML_TEI,
  GLOSS_XML_JATS,
  GLOSS_XML_OTHER,
} GlossXmlFormat;

GlossXmlFormat _gloss_xml_format_of (xmlNode          *root);

/* Fills @metadata and returns the text, which may be empty, its blocks
 * and its #GlossSpan emphasis (TEI and JATS only).  Sets *@entity to the
 * name of the first entity reference met in the text, if any. */
char          *_gloss_xml_extract   (xmlDoc           *doc,
                                     GlossXmlFormat    format,
                                     gsize             size_hint,
                                     GHashTable       *metadata,
                                     GArray          **blocks,
                                     GArray          **spans,
                                     GlossSourceMap  **map,
                                     char            **entity);

/* TRUE for the attributes _gloss_xml_extract() reads, by local name: the
 * parse keeps no other. */
gboolean       _gloss_xml_keeps_attribute (const char      *element,
                                           const char      *attribute);

G_END_DECLS
