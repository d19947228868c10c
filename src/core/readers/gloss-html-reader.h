/* gloss-html-reader.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-source.h"

G_BEGIN_DECLS

/* The reader's name and version, recorded with the source (the annotation
 * file's "extractor"): a new number whenever the text it reads from a page
 * changes, so that annotation files re-anchor. */
#define GLOSS_HTML_READER_ID "gloss-html/1"

/* Reads a web page saved as HTML (or XHTML) into an article: the text of
 * its main article, with headings, paragraphs, list items, quotes and
 * preformatted text as blocks, and its metadata under the keys "title",
 * "author", "date", "description", "site_name", "url" and "language".
 *
 * @file (which may be NULL) is recorded in the source; @display_name, or
 * else @file, names the page in messages.  Refuses with GLOSS_ERROR_NOT_TEXT
 * a page with no article text (only navigation, scripts and the like) or
 * NUL bytes, with GLOSS_ERROR_TOO_LARGE one over @max_size bytes (0 for
 * the default) and with GLOSS_ERROR_TOO_DEEP one nesting elements deeper
 * than Gloss accepts.  A page that seems cut short is read as far as it
 * goes, with a warning on the source. */
GlossSource *gloss_html_reader_read            (GFile       *file,
                                                const char  *display_name,
                                                const char  *data,
                                                gsize        n_bytes,
                                                gsize        max_size,
                                                GError     **error);

/* The encoding the page is read in: that of its byte order mark (which is
 * @bom_length bytes long), else that of its <meta charset> or <meta
 * http-equiv="Content-Type"> among its first 4 KiB, else UTF-8 when the
 * bytes are valid UTF-8, else windows-1252.  A declared encoding Gloss
 * does not know is returned in @unknown (may be NULL) and ignored. */
char        *gloss_html_reader_detect_encoding (const char  *data,
                                                gsize        n_bytes,
                                                gsize       *bom_length,
                                                char       **unknown);

G_END_DECLS
