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

/* An element may have this many attributes, namespace declarations
 * included, and an XML element this many namespace declarations in scope,
 * its own and its ancestors'.  libxml2 takes time that grows with the
 * square of either; real pages and articles stay far below.  (The fuzzers
 * make them small, so that any input the scan before the parse counts
 * wrong stands out.) */
#ifndef GLOSS_MARKUP_MAX_ATTRIBUTES
#define GLOSS_MARKUP_MAX_ATTRIBUTES 100
#endif
#ifndef GLOSS_MARKUP_MAX_NAMESPACES
#define GLOSS_MARKUP_MAX_NAMESPACES 100
#endif

typedef enum
{
  GLOSS_MARKUP_HTML,
  GLOSS_MARKUP_XML,
  GLOSS_MARKUP_XML_CONTENT,  /* what an element holds, such as an entity's value */
} GlossMarkupSyntax;

/* Reads @data, the UTF-8 libxml2 is about to parse, once: FALSE, with
 * GLOSS_ERROR_TOO_LARGE naming @label and the limit, when an element
 * holds more attributes or namespace declarations than Gloss accepts,
 * @in_scope of them being declared around @data.  Linear in @n_bytes.
 * (gloss-markup-scan.c) */
gboolean  gloss_markup_prescan          (GlossMarkupSyntax  syntax,
                                         const char        *label,
                                         const char        *data,
                                         gsize              n_bytes,
                                         guint              in_scope,
                                         GError           **error);

/* A file is read in at most this many times its size in memory, a file
 * smaller than GLOSS_MARKUP_MEMORY_FLOOR counting as that big.  libxml2's
 * tree may take all of it but three times the size, which the file
 * itself, the text taken from it and the article's tables take. */
#define GLOSS_MARKUP_MEMORY_FACTOR 10
#define GLOSS_MARKUP_MEMORY_FLOOR  (4 * 1024 * 1024)

/* TRUE when the tree keeps @attribute (by local name) of @element. */
typedef gboolean (*GlossMarkupKeepFunc) (const char *element,
                                         const char *attribute);

/* Set up by gloss_markup_parse() around its parse, and read after it. */
typedef struct
{
  /* What the parse met. */
  gboolean  too_deep;
  gboolean  refused_external;  /* asked for an external entity or DTD */
  gboolean  error_at_end;      /* an error at the end of the input: cut short */
  gboolean  encoding_failed;   /* bytes the encoding converter refused */
  gboolean  entity_loop;       /* stopped on entities that expand without end */
  guint     n_errors;
  int       first_error_line;
  /* Why the parse was stopped, naming the file: an element with too many
   * attributes or namespaces, or more markup than the file's size allows. */
  GError   *error;

  /*< private >*/
  xmlParserCtxtPtr             ctxt;
  const char                  *label;
  const char                  *unread;     /* what libxml2 has not asked for yet */
  gsize                        n_unread;
  gsize                        spent;      /* an estimate of the tree's memory */
  gsize                        budget;
  gsize                        limit;      /* what the message says */
  GHashTable                  *attribute_decls;
  GlossMarkupKeepFunc          keep;
  xmlSAXHandler                wrapped;
  xmlExternalEntityLoader      saved_loader;
  xmlStructuredErrorFunc       saved_structured;
  void                        *saved_structured_data;
  xmlGenericErrorFunc          saved_generic;
  void                        *saved_generic_data;
} GlossMarkupGuard;

/* Parses the @n_bytes of UTF-8 at @data with @ctxt, a context made by
 * htmlNewParserCtxt() or xmlNewParserCtxt() and given its options, under
 * @guard; @label names the file in errors.  The tree has the attributes
 * @keep takes (NULL for all) and no others.
 *
 * For this parse and this thread only, libxml2 prints nothing, loads no
 * external entity or DTD, refuses elements nested deeper than
 * GLOSS_MARKUP_MAX_DEPTH and elements with more attributes or namespaces
 * than gloss_markup_prescan() lets through, keeps text nodes to a size it
 * accepts without XML_PARSE_HUGE, and stops once the tree would take more
 * memory than the file's size allows.  It takes the bytes a piece at a
 * time as it reads them, where reading from memory would copy the whole
 * file first, and never looks for another encoding in them.  Parses are
 * serialised: the entity loader libxml2 2.9 offers is global to the
 * process.  Returns the tree, or NULL; clear guard->error afterwards. */
xmlDoc   *gloss_markup_parse            (xmlParserCtxtPtr     ctxt,
                                         const char          *label,
                                         const char          *data,
                                         gsize                n_bytes,
                                         GlossMarkupKeepFunc  keep,
                                         GlossMarkupGuard    *guard);

/* The @n_bytes of @data, in @encoding (a name iconv knows), as UTF-8 of
 * *@length bytes, NUL-terminated.  When part of them cannot be decoded,
 * what comes before it, with *@failed set; NULL when Gloss cannot decode
 * @encoding at all. */
char     *gloss_markup_decode           (const char        *data,
                                         gsize              n_bytes,
                                         const char        *encoding,
                                         gsize             *length,
                                         gboolean          *failed);

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
/* @str, taken from a file, as it may go into a message: valid UTF-8,
 * and cut after @max_chars characters with "…". */
char     *gloss_markup_dup_for_message  (const char        *str,
                                         guint              max_chars);
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
                                         const char        *reader,
                                         const char        *data,
                                         gsize              n_bytes,
                                         char              *text,
                                         GArray            *blocks,
                                         GHashTable        *metadata,
                                         GlossSourceMap    *map,
                                         GArray            *spans,
                                         GPtrArray         *warnings);

G_END_DECLS
