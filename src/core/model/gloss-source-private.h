/* gloss-source-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-source.h"
#include "gloss-source-map.h"
#include "gloss-text-index.h"

G_BEGIN_DECLS

/* The source's fields, for the files of GlossSource only. */
struct _GlossSource
{
  GObject         parent_instance;

  GFile          *file;
  char           *name;
  char           *title;
  char           *encoding;
  char           *media_type;
  char           *reader;
  /* Read through gloss_source_get_sha256() and _get_text_sha256(): the
   * text's checksum of a large source is worked out by a pool of threads,
   * waited for when first asked for. */
  char           *sha256;
  char           *text_sha256;
  gboolean        checksum_pending; /* under checksum_lock */
  GMutex          checksum_lock;
  GCond           checksum_done;

  /* Always NUL-terminated, and never holds a NUL itself. */
  char           *text;
  gsize           n_bytes;
  GlossTextIndex *index;

  GArray         *blocks;
  GArray         *spans;
  GHashTable     *metadata;

  /* From the HTML and XML readers: where the text came from, and what
   * went wrong on the way without stopping them. */
  GlossSourceMap *map;
  GPtrArray      *warnings;
};

/* gloss-source.c holds the type, its accessors and the constructors for text
 * that is already decoded; gloss-source-decode.c makes sources of files and
 * raw bytes (reading within the size limit, telling text from other files,
 * decoding); gloss-source-locate.c keeps what the HTML and XML readers
 * give besides the text (the map, spans and warnings); gloss-source-structure.c finds the title and the paragraphs of
 * plain text. */

/* The single place where a source comes together.  Takes @name, @text,
 * @sha256, @text_sha256, @blocks and @metadata; any of the last four may be
 * NULL to have it worked out; @text must be valid UTF-8 of @n_bytes bytes
 * with a NUL after them. */
GlossSource *_gloss_source_new_take              (GFile           *file,
                                                  char            *name,
                                                  char            *text,
                                                  gsize            n_bytes,
                                                  const char      *encoding,
                                                  const char      *media_type,
                                                  const char      *reader,
                                                  char            *sha256,
                                                  char            *text_sha256,
                                                  GArray          *blocks,
                                                  GHashTable      *metadata);

/* The name a source made from @file goes by: its base name for display. */
char        *_gloss_source_dup_display_basename  (GFile           *file);

/* The first line of @text with anything but white space in it, trimmed and
 * cut short; NULL when there is none. */
char        *_gloss_source_find_title            (const char      *text,
                                                  gsize            n_bytes);

/* The paragraphs of plain text, as an array of GlossBlock ranges in code
 * points (@index being that of @text). */
GArray      *_gloss_source_find_paragraphs       (const char      *text,
                                                  gsize            n_bytes,
                                                  GlossTextIndex  *index);

/* For the HTML and XML readers (gloss-source.c): a source made by
 * gloss_source_new_extracted() takes its offset map, its inline spans
 * and warnings. */
void         _gloss_source_set_map               (GlossSource     *self,
                                                  GlossSourceMap  *map);
void         _gloss_source_add_warning           (GlossSource     *self,
                                                  char            *warning);
/* Where the range [@start, @end) of the text is in the original HTML or
 * XML file: gloss_source_locate() for ranges, see
 * gloss_source_map_locate_range().  FALSE for plain text. */
gboolean     _gloss_source_locate_range          (GlossSource     *self,
                                                  guint            start,
                                                  guint            end,
                                                  char           **start_xpath,
                                                  guint           *start_offset,
                                                  char           **end_xpath,
                                                  guint           *end_offset);
/* Takes @spans, an array of GlossSpan in any order: empty spans are
 * dropped, the others clamped to the text and sorted. */
void         _gloss_source_set_spans             (GlossSource     *self,
                                                  GArray          *spans);

/* For gloss-source-open.c and the readers (gloss-source-decode.c): reads
 * all of @file within @max_size, with the errors of
 * gloss_source_new_from_plain_text(); the buffer has a NUL after its *@n_bytes
 * bytes. */
char        *_gloss_source_read_file             (GFile           *file,
                                                  const char      *label,
                                                  gsize            max_size,
                                                  gsize           *n_bytes,
                                                  GCancellable    *cancellable,
                                                  GError         **error);
/* A plain-text source of bytes read from @file, as
 * gloss_source_new_from_plain_text() makes it; takes @data, which has a NUL
 * after its @n_bytes bytes. */
GlossSource *_gloss_source_new_from_contents     (GFile           *file,
                                                  char            *data,
                                                  gsize            n_bytes,
                                                  GError         **error);
/* Windows-1252 as the WHATWG encoding standard decodes it, every byte
 * decoding to a character; the result is NUL-terminated. */
char        *_gloss_source_decode_windows_1252   (const char      *data,
                                                  gsize            n_bytes,
                                                  gsize           *n_text);

G_END_DECLS
