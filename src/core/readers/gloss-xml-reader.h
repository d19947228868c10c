/* gloss-xml-reader.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-source.h"

G_BEGIN_DECLS

/* The reader's name and version; see GLOSS_HTML_READER_ID. */
#define GLOSS_XML_READER_ID "gloss-xml/1"

/* Reads an XML article:
 *
 *  - TEI (a TEI or teiCorpus root, in the TEI namespace or none): the text
 *    of text/body, with its divisions' heads as headings, paragraphs,
 *    quotes, lists, verse lines; metadata from the teiHeader ("title",
 *    "author", "date", "publisher", "url", "language");
 *  - JATS (an article root with front or body): the body's sections,
 *    titles, paragraphs, lists and quotes; metadata from the front matter
 *    ("title", "author", "date", "journal", "publisher", "description",
 *    "doi", "url", "language");
 *  - anything else: one block for each element that holds text of its own,
 *    with what it holds ("title", "author", "date" and "language" when
 *    elements so named are there).
 *
 * Nothing outside the file is ever read: no DTD, no external entity, no
 * XInclude.  Entities the file declares are not expanded either; the text
 * shows them as "&name;", with a warning.  Refuses with GLOSS_ERROR_PARSE
 * what is not XML at all, with GLOSS_ERROR_NOT_TEXT a file with no text,
 * with GLOSS_ERROR_TOO_LARGE one over @max_size bytes (0 for the default)
 * and with GLOSS_ERROR_TOO_DEEP one nesting deeper than Gloss accepts.
 * XML that is not well-formed (a file cut short) is read as far as
 * libxml2 can, with a warning on the source. */
GlossSource *gloss_xml_reader_read (GFile       *file,
                                    const char  *display_name,
                                    const char  *data,
                                    gsize        n_bytes,
                                    gsize        max_size,
                                    GError     **error);

G_END_DECLS
