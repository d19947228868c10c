/* gloss-markup.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "gloss-source.h"
#include "gloss-source-map.h"

G_BEGIN_DECLS

/* What the HTML and XML readers share: a guard around every libxml2 parse,
 * and ways to read the tree that never expand an entity. */

/* Files nesting elements deeper than this are refused.  libxml2 stops at
 * about the same depth on its own (without XML_PARSE_HUGE); counting here
 * lets the reader say why. */
#define GLOSS_MARKUP_MAX_DEPTH 256

/* Set up by gloss_markup_guard_begin() on a parser context that has not
 * parsed yet, and read after the parse. */
typedef struct
{
  /* What the parse met. */
  gboolean  too_deep;
  gboolean  refused_external;  /* asked for an external entity or DTD */
  gboolean  error_at_end;      /* an error at the end of the input: cut short */
  gboolean  encoding_failed;   /* bytes the encoding converter refused */
  guint     n_errors;
  int       first_error_line;

  /*< private >*/
  xmlParserCtxtPtr             ctxt;
  guint                        depth;
  startElementSAXFunc          start_element;
  endElementSAXFunc            end_element;
  startElementNsSAX2Func       start_element_ns;
  endElementNsSAX2Func         end_element_ns;
  charactersSAXFunc            characters;
  ignorableWhitespaceSAXFunc   ignorable_whitespace;
  xmlExternalEntityLoader      saved_loader;
  xmlStructuredErrorFunc       saved_structured;
  void                        *saved_structured_data;
  xmlGenericErrorFunc          saved_generic;
  void                        *saved_generic_data;
} GlossMarkupGuard;

/* Between these two calls, and for this thread's parse only, libxml2
 * prints nothing, loads no external entity or DTD, refuses elements
 * nested deeper than GLOSS_MARKUP_MAX_DEPTH, and keeps text nodes to a
 * size it accepts without XML_PARSE_HUGE.  Parses are serialised: the
 * entity loader libxml2 2.9 offers is global to the process. */
void      gloss_markup_guard_begin      (GlossMarkupGuard  *guard,
                                         xmlParserCtxtPtr   ctxt);
void      gloss_markup_guard_end        (GlossMarkupGuard  *guard);

/* TRUE when @node is an element called @name (its local name). */
gboolean  gloss_markup_is               (const xmlNode     *node,
                                         const char        *name);
/* An attribute's value, by local name; entity references stay as written.
 * NULL when @element has no such attribute. */
char     *gloss_markup_dup_attribute    (const xmlNode     *element,
                                         const char        *name);
/* The text of @node and what is in it, white space collapsed and trimmed,
 * cut after about @max_bytes; with @words each element also ends a word
 * (for names made of <forename> and <surname>).  NULL when empty. */
char     *gloss_markup_dup_text         (const xmlNode     *node,
                                         gsize              max_bytes,
                                         gboolean           words);
/* Collapses and trims the white space of @str (taken) and makes it valid
 * UTF-8; NULL if nothing is left. */
char     *gloss_markup_collapse         (char              *str);
/* The first child element of @node called @name, or NULL. */
xmlNode  *gloss_markup_child            (const xmlNode     *node,
                                         const char        *name);

/* The name messages give a file: @display_name, else @file's, else
 * "Untitled". */
char     *gloss_markup_dup_label        (GFile             *file,
                                         const char        *display_name);
/* Sets the errors the readers share, in the words gloss-source uses. */
void      gloss_markup_set_too_large    (GError           **error,
                                         const char        *label,
                                         gsize              max_size);
void      gloss_markup_set_too_deep     (GError           **error,
                                         const char        *label);

/* FALSE, with the error of gloss_markup_set_too_large(), when @n_bytes is
 * over @max_size (0 for GLOSS_SOURCE_DEFAULT_MAX_SIZE) or more than
 * libxml2 parses at once. */
gboolean  gloss_markup_check_size       (const char        *label,
                                         gsize              n_bytes,
                                         gsize              max_size,
                                         GError           **error);
/* The source a reader makes of @data, its @n_bytes bytes: takes @text,
 * @blocks, @metadata, @map and @spans, and copies @warnings. */
GlossSource *gloss_markup_new_source    (GFile             *file,
                                         const char        *media_type,
                                         const char        *encoding,
                                         const char        *extractor,
                                         const char        *data,
                                         gsize              n_bytes,
                                         char              *text,
                                         GArray            *blocks,
                                         GHashTable        *metadata,
                                         GlossSourceMap    *map,
                                         GArray            *spans,
                                         GPtrArray         *warnings);

G_END_DECLS
