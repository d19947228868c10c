/* gloss-source.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The default largest article file Gloss opens (64 MiB). */
#define GLOSS_SOURCE_DEFAULT_MAX_SIZE (64 * 1024 * 1024)

typedef enum
{
  GLOSS_BLOCK_PARAGRAPH,
  GLOSS_BLOCK_HEADING,
  GLOSS_BLOCK_LIST_ITEM,
  GLOSS_BLOCK_QUOTE,
  GLOSS_BLOCK_PREFORMATTED,
} GlossBlockKind;

/* A block of the article's structure: a range of code points, end excluded.
 * Plain text has paragraphs only; the HTML/XML readers add the others. */
typedef struct
{
  guint          start;
  guint          end;
  GlossBlockKind kind;
  guint          level;   /* heading level 1-6, list nesting; 0 otherwise */
} GlossBlock;

typedef enum
{
  GLOSS_SPAN_EMPHASIS,   /* italic: em, i, cite, TEI hi rend=italic / emph, JATS italic */
  GLOSS_SPAN_STRONG,     /* bold: strong, b, TEI hi rend=bold, JATS bold */
} GlossSpanKind;

/* Inline emphasis in the text of an HTML or XML article: a range of code
 * points, end excluded, never empty.  Spans may nest (an em inside a
 * strong gives two spans); plain text has none. */
typedef struct
{
  guint         start;   /* code points of the text, end excluded */
  guint         end;
  GlossSpanKind kind;
} GlossSpan;

#define GLOSS_TYPE_SOURCE (gloss_source_get_type ())

G_DECLARE_FINAL_TYPE (GlossSource, gloss_source, GLOSS, SOURCE, GObject)

/* Reads a plain-text article.  UTF-8 (a BOM stays in the text as U+FEFF);
 * otherwise decoded as Windows-1252.  Refuses, with GLOSS_ERROR_NOT_TEXT, a
 * file with NUL bytes or that is not text, and with GLOSS_ERROR_TOO_LARGE a
 * file over @max_size bytes (0 means GLOSS_SOURCE_DEFAULT_MAX_SIZE).
 * Messages name the file. */
GlossSource *gloss_source_new_from_plain_text (GFile         *file,
                                               gsize          max_size,
                                               GCancellable  *cancellable,
                                               GError       **error);
/* The same from bytes already read; @display_name names them in errors and
 * gives the title when the text has none. */
GlossSource *gloss_source_new_from_bytes    (GBytes        *bytes,
                                             const char    *display_name,
                                             GError       **error);
/* For tests: @text is valid UTF-8 (-1 for NUL-terminated). */
GlossSource *gloss_source_new_from_text     (const char    *text,
                                             gssize         length,
                                             const char    *display_name);
/* For the HTML/XML readers: a text extracted from @file (which may be NULL)
 * whose bytes hash to @file_sha256.  Takes @text (valid UTF-8), @blocks (an
 * array of GlossBlock, or NULL to find paragraphs) and @metadata (string to
 * string, may be NULL). */
GlossSource *gloss_source_new_extracted     (GFile         *file,
                                             const char    *media_type,
                                             const char    *encoding,
                                             const char    *file_sha256,
                                             const char    *reader,
                                             char          *text,
                                             GArray        *blocks,
                                             GHashTable    *metadata);

/* Reads an article of any kind Gloss knows: HTML (.html, .htm, .xhtml, or
 * a page that says it is HTML), XML (.xml, or a file that starts as XML:
 * TEI, JATS or any other) or plain text (anything else, and always .txt).
 * The errors are those of gloss_source_new_from_plain_text() and of the HTML and
 * XML readers. */
GlossSource *gloss_source_new_from_article (GFile         *file,
                                            gsize          max_size,
                                            GCancellable  *cancellable,
                                            GError       **error);

/* TRUE when a file called @name is an article by its name alone: one the
 * HTML, XML or plain-text reader takes by its suffix (.html, .htm, .xhtml,
 * .xml, .txt, .text), whatever its case. */
gboolean     gloss_source_name_is_article  (const char    *name);
/* May be NULL for a source made from bytes or text. */
GFile       *gloss_source_get_file          (GlossSource   *self);
/* The file's base name, or the display name. */
const char  *gloss_source_get_name          (GlossSource   *self);
const char  *gloss_source_get_text          (GlossSource   *self);
gsize        gloss_source_get_n_bytes       (GlossSource   *self);
/* Length in code points. */
guint        gloss_source_get_length        (GlossSource   *self);
/* "UTF-8" or "windows-1252" */
const char  *gloss_source_get_encoding      (GlossSource   *self);
/* "text/plain", or what the HTML or XML reader set */
const char  *gloss_source_get_media_type    (GlossSource   *self);
/* The reader that made the text and its version: NULL for plain text,
 * GLOSS_HTML_READER_ID or GLOSS_XML_READER_ID for the others. */
const char  *gloss_source_get_reader     (GlossSource   *self);
/* Lower-case hex SHA-256 of the file's bytes, and of the decoded text (UTF-8). */
const char  *gloss_source_get_sha256        (GlossSource   *self);
const char  *gloss_source_get_text_sha256   (GlossSource   *self);
/* The first non-empty line, trimmed; else the name. */
const char  *gloss_source_get_title         (GlossSource   *self);
const GlossBlock *gloss_source_get_blocks   (GlossSource   *self,
                                             guint         *n_blocks);
/* The index of the block that holds @offset (or ends at it) in
 * gloss_source_get_blocks(); FALSE when @offset lies between blocks. */
gboolean     gloss_source_find_block        (GlossSource   *self,
                                             guint          offset,
                                             guint         *index);
/* Sorted by start, then the longest first, then by kind; NULL with
 * *n_spans = 0 when there are none, as for plain text. */
const GlossSpan *gloss_source_get_spans     (GlossSource   *self,
                                             guint         *n_spans);
/* What the HTML or XML reader found about the article, by key; NULL when
 * it found nothing, always for plain text.  The keys: "title", "author"
 * (several joined by "; "), "date" (as the page or document writes it),
 * "language", "url", "description" (HTML, JATS), "publisher" (TEI, JATS),
 * "site_name" (HTML), "journal" and "doi" (JATS).  Values are trimmed; long
 * ones (a description, an abstract) are cut at 2,000 bytes. */
const char  *gloss_source_get_metadata      (GlossSource   *self,
                                             const char    *key);
GHashTable  *gloss_source_get_metadata_table (GlossSource  *self);

/* Problems met while reading that did not stop it, as sentences for the
 * user (an array of strings, never NULL). */
GPtrArray   *gloss_source_get_warnings      (GlossSource   *self);
/* For HTML and XML: the element (an XPath) and the offset in its text
 * content where the character at @offset comes from.  FALSE for plain
 * text.  See the documentation in gloss-source.c. */
gboolean     gloss_source_locate            (GlossSource   *self,
                                             guint          offset,
                                             char         **xpath,
                                             guint         *element_offset);

/* Offsets are code points, end excluded, clamped to the length. */
gsize        gloss_source_offset_to_byte    (GlossSource   *self,
                                             guint          offset);
guint        gloss_source_byte_to_offset    (GlossSource   *self,
                                             gsize          byte);
char        *gloss_source_dup_slice         (GlossSource   *self,
                                             guint          start,
                                             guint          end);
/* TRUE when the text at [start, end) is exactly @str. */
gboolean     gloss_source_slice_equals      (GlossSource   *self,
                                             guint          start,
                                             guint          end,
                                             const char    *str);

G_END_DECLS
