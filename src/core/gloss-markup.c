/* gloss-markup.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-markup"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-markup.h"
#include "gloss-source-private.h"

/* libxml2 refuses a text node past 10 MB unless told XML_PARSE_HUGE,
 * which would lift every other limit too.  Text past this size goes
 * into a new node instead: the text is the same, in several pieces. */
#define TEXT_NODE_SPLIT (1024 * 1024)

/* libxml2 2.9 has one external entity loader for the whole process, and
 * swapping it is not atomic: one parse at a time, so that no parse ever
 * runs with the default loader while another restores it. */
static GMutex guard_mutex;
static GlossMarkupGuard *active_guard;

/* Never loads anything: Gloss does not need DTDs or external entities to
 * show an article, and an untrusted file must not make it read another
 * file (XXE) or reach the network. */
static xmlParserInputPtr
refuse_external_entity (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  ctxt)
{
  if (active_guard != NULL)
    active_guard->refused_external = TRUE;

  return NULL;
}

static void
ignore_generic_error (void       *data,
                      const char *message,
                      ...)
{
}

static gboolean
input_exhausted (xmlParserCtxtPtr ctxt)
{
  xmlParserInputPtr input;

  if (ctxt == NULL || ctxt->input == NULL)
    return FALSE;

  input = ctxt->input;
  if (input->cur == NULL || input->end == NULL || input->cur < input->end)
    return FALSE;

  /* Bytes still waiting for the encoding converter mean the parser only
   * reached the end of what it had decoded so far. */
  return input->buf == NULL || input->buf->raw == NULL || xmlBufUse (input->buf->raw) == 0;
}

static void
collect_error (void        *data,
               xmlErrorPtr  error)
{
  GlossMarkupGuard *guard = data;

  if (error == NULL || error->level == XML_ERR_WARNING)
    return;

  if (guard->n_errors++ == 0)
    guard->first_error_line = error->line;

  if (input_exhausted (guard->ctxt))
    guard->error_at_end = TRUE;

  if (error->domain == XML_FROM_I18N || error->code == XML_IO_ENCODER)
    guard->encoding_failed = TRUE;

  /* Should libxml2's own depth limit ever come first. */
  if (error->code == XML_ERR_INTERNAL_ERROR && error->message != NULL &&
      strstr (error->message, "Excessive depth") != NULL)
    guard->too_deep = TRUE;
}

static inline GlossMarkupGuard *
guard_of (void *ctx)
{
  xmlParserCtxtPtr ctxt = ctx;

  return ctxt->_private;
}

/* Counts the depth; past the limit, stops the parse and keeps the
 * elements past it out of the tree.  Every end matches a start, so the
 * tree builder's own stack stays balanced. */
static gboolean
enter_element (GlossMarkupGuard *guard)
{
  if (++guard->depth <= GLOSS_MARKUP_MAX_DEPTH)
    return TRUE;

  if (!guard->too_deep)
    {
      guard->too_deep = TRUE;
      xmlStopParser (guard->ctxt);
    }

  return FALSE;
}

static gboolean
leave_element (GlossMarkupGuard *guard)
{
  if (guard->depth == 0)
    return TRUE;

  return guard->depth-- <= GLOSS_MARKUP_MAX_DEPTH;
}

static void
guarded_start_element (void           *ctx,
                       const xmlChar  *name,
                       const xmlChar **attributes)
{
  GlossMarkupGuard *guard = guard_of (ctx);

  if (enter_element (guard))
    guard->start_element (ctx, name, attributes);
}

static void
guarded_end_element (void          *ctx,
                     const xmlChar *name)
{
  GlossMarkupGuard *guard = guard_of (ctx);

  if (leave_element (guard))
    guard->end_element (ctx, name);
}

static void
guarded_start_element_ns (void           *ctx,
                          const xmlChar  *localname,
                          const xmlChar  *prefix,
                          const xmlChar  *uri,
                          int             n_namespaces,
                          const xmlChar **namespaces,
                          int             n_attributes,
                          int             n_defaulted,
                          const xmlChar **attributes)
{
  GlossMarkupGuard *guard = guard_of (ctx);

  if (enter_element (guard))
    guard->start_element_ns (ctx, localname, prefix, uri, n_namespaces, namespaces,
                             n_attributes, n_defaulted, attributes);
}

static void
guarded_end_element_ns (void          *ctx,
                        const xmlChar *localname,
                        const xmlChar *prefix,
                        const xmlChar *uri)
{
  GlossMarkupGuard *guard = guard_of (ctx);

  if (leave_element (guard))
    guard->end_element_ns (ctx, localname, prefix, uri);
}

/* libxml2's tree builder grows the last text node of the current element
 * while it is the last child; once that node is as big as TEXT_NODE_SPLIT,
 * a new node is linked after it and takes over, with the builder's own
 * bookkeeping (the length and size of the node it grows) set for it. */
static gboolean
split_text (xmlParserCtxtPtr  ctxt,
            const xmlChar    *text,
            int               length)
{
  xmlNodePtr parent = ctxt->node;
  xmlNodePtr last;
  xmlNodePtr node;

  if (parent == NULL || length <= 0 || ctxt->nodemem == 0)
    return FALSE;

  last = parent->last;
  if (last == NULL || last->type != XML_TEXT_NODE || last->name != xmlStringText)
    return FALSE;

  if ((gsize) ctxt->nodelen + (gsize) length <= TEXT_NODE_SPLIT)
    return FALSE;

  node = xmlNewDocTextLen (ctxt->myDoc, text, length);
  if (node == NULL)
    return FALSE;

  node->parent = parent;
  node->prev = last;
  last->next = node;
  parent->last = node;

  ctxt->nodelen = length;
  ctxt->nodemem = length + 1;

  return TRUE;
}

/* Text inside a refused element is dropped; other text goes to @next,
 * the handler the guard wrapped, unless split_text() took it. */
static void
guarded_text (void             *ctx,
              const xmlChar    *text,
              int               length,
              charactersSAXFunc next)
{
  GlossMarkupGuard *guard = guard_of (ctx);

  if (guard->depth > GLOSS_MARKUP_MAX_DEPTH)
    return;

  if (!split_text (ctx, text, length))
    next (ctx, text, length);
}

static void
guarded_characters (void          *ctx,
                    const xmlChar *text,
                    int            length)
{
  guarded_text (ctx, text, length, guard_of (ctx)->characters);
}

static void
guarded_ignorable_whitespace (void          *ctx,
                              const xmlChar *text,
                              int            length)
{
  guarded_text (ctx, text, length, guard_of (ctx)->ignorable_whitespace);
}

void
gloss_markup_guard_begin (GlossMarkupGuard *guard,
                          xmlParserCtxtPtr  ctxt)
{
  xmlSAXHandlerPtr sax;

  g_return_if_fail (guard != NULL);
  g_return_if_fail (ctxt != NULL && ctxt->sax != NULL);

  memset (guard, 0, sizeof *guard);
  guard->ctxt = ctxt;

  xmlInitParser ();

  g_mutex_lock (&guard_mutex);
  active_guard = guard;

  guard->saved_loader = xmlGetExternalEntityLoader ();
  xmlSetExternalEntityLoader (refuse_external_entity);

  /* Both handlers belong to this thread.  Messages from the parser and
   * from the encoding converters would otherwise go to stderr. */
  guard->saved_structured = xmlStructuredError;
  guard->saved_structured_data = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc (guard, collect_error);
  guard->saved_generic = xmlGenericError;
  guard->saved_generic_data = xmlGenericErrorContext;
  xmlSetGenericErrorFunc (NULL, ignore_generic_error);

  /* The handlers are this context's own copy, so wrapping them touches
   * no other parse; the context passes itself to them as user data. */
  ctxt->_private = guard;
  ctxt->userData = ctxt;
  sax = ctxt->sax;

  guard->start_element = sax->startElement;
  guard->end_element = sax->endElement;
  guard->start_element_ns = sax->startElementNs;
  guard->end_element_ns = sax->endElementNs;
  guard->characters = sax->characters;
  guard->ignorable_whitespace = sax->ignorableWhitespace;

  if (sax->startElement != NULL)
    sax->startElement = guarded_start_element;
  if (sax->endElement != NULL)
    sax->endElement = guarded_end_element;
  if (sax->startElementNs != NULL)
    sax->startElementNs = guarded_start_element_ns;
  if (sax->endElementNs != NULL)
    sax->endElementNs = guarded_end_element_ns;
  if (sax->characters != NULL)
    sax->characters = guarded_characters;
  if (sax->ignorableWhitespace != NULL)
    sax->ignorableWhitespace = guarded_ignorable_whitespace;
}

void
gloss_markup_guard_end (GlossMarkupGuard *guard)
{
  xmlSAXHandlerPtr sax;

  /* Returning early would leave every later parse waiting on the lock. */
  g_assert (guard != NULL && guard->ctxt != NULL);
  g_assert (active_guard == guard);

  sax = guard->ctxt->sax;
  sax->startElement = guard->start_element;
  sax->endElement = guard->end_element;
  sax->startElementNs = guard->start_element_ns;
  sax->endElementNs = guard->end_element_ns;
  sax->characters = guard->characters;
  sax->ignorableWhitespace = guard->ignorable_whitespace;
  guard->ctxt->_private = NULL;

  xmlSetGenericErrorFunc (guard->saved_generic_data, guard->saved_generic);
  xmlSetStructuredErrorFunc (guard->saved_structured_data, guard->saved_structured);
  xmlSetExternalEntityLoader (guard->saved_loader);

  active_guard = NULL;
  g_mutex_unlock (&guard_mutex);

  guard->ctxt = NULL;
}

gboolean
gloss_markup_is (const xmlNode *node,
                 const char    *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         strcmp ((const char *) node->name, name) == 0;
}

xmlNode *
gloss_markup_child (const xmlNode *node,
                    const char    *name)
{
  if (node == NULL)
    return NULL;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (gloss_markup_is (child, name))
        return child;
    }

  return NULL;
}

/* Entity references are written back as "&name;": following them would
 * expand what the file declared, which is how "billion laughs" works. */
static void
append_entity_reference (GString       *out,
                         const xmlNode *node)
{
  g_string_append_c (out, '&');
  g_string_append (out, (const char *) node->name);
  g_string_append_c (out, ';');
}

char *
gloss_markup_dup_attribute (const xmlNode *element,
                            const char    *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  if (element == NULL || element->type != XML_ELEMENT_NODE)
    return NULL;

  for (const xmlAttr *attribute = element->properties;
       attribute != NULL;
       attribute = attribute->next)
    {
      GString *value;

      if (g_ascii_strcasecmp ((const char *) attribute->name, name) != 0)
        continue;

      value = g_string_new (NULL);
      for (const xmlNode *child = attribute->children; child != NULL; child = child->next)
        {
          if (child->type == XML_TEXT_NODE && child->content != NULL)
            g_string_append (value, (const char *) child->content);
          else if (child->type == XML_ENTITY_REF_NODE)
            append_entity_reference (value, child);
        }

      return g_string_free (value, FALSE);
    }

  return NULL;
}

char *
gloss_markup_collapse (char *str)
{
  char *in;
  char *out;
  gboolean space = FALSE;

  if (str == NULL)
    return NULL;

  for (in = out = str; *in != '\0'; in++)
    {
      if (g_ascii_isspace (*in))
        {
          space = out > str;
          continue;
        }

      if (space)
        *out++ = ' ';
      space = FALSE;
      *out++ = *in;
    }
  *out = '\0';

  if (*str == '\0')
    {
      g_free (str);
      return NULL;
    }

  /* Metadata ends up in JSON and in the window: never hand on bytes that
   * are not UTF-8, whatever the parser let through. */
  if (!g_utf8_validate (str, -1, NULL))
    {
      char *valid = g_utf8_make_valid (str, -1);

      g_free (str);
      return valid;
    }

  return str;
}

static void
collect_text (const xmlNode *node,
              GString       *out,
              gsize          max_bytes,
              gboolean       words,
              guint          depth)
{
  for (const xmlNode *child = node->children;
       child != NULL && out->len < max_bytes;
       child = child->next)
    {
      switch ((int) child->type)
        {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          if (child->content != NULL)
            g_string_append (out, (const char *) child->content);
          break;

        case XML_ENTITY_REF_NODE:
          append_entity_reference (out, child);
          break;

        case XML_ELEMENT_NODE:
          /* The parse never nests deeper than this, but a tree is a tree. */
          if (depth < GLOSS_MARKUP_MAX_DEPTH)
            collect_text (child, out, max_bytes, words, depth + 1);
          if (words)
            g_string_append_c (out, ' ');
          break;

        default:
          break;
        }
    }
}

char *
gloss_markup_dup_text (const xmlNode *node,
                       gsize          max_bytes,
                       gboolean       words)
{
  GString *out;

  if (node == NULL)
    return NULL;

  out = g_string_new (NULL);
  collect_text (node, out, max_bytes, words, 0);

  if (out->len > max_bytes)
    {
      const char *end = out->str + max_bytes;

      /* Cut on a character boundary, never inside one. */
      while (end > out->str && (((guchar) *end) & 0xc0) == 0x80)
        end--;
      g_string_truncate (out, end - out->str);
    }

  return gloss_markup_collapse (g_string_free (out, FALSE));
}

char *
gloss_markup_dup_label (GFile      *file,
                        const char *display_name)
{
  if (display_name != NULL)
    return g_strdup (display_name);

  if (file != NULL)
    return g_file_get_parse_name (file);

  return g_strdup (_("Untitled"));
}

void
gloss_markup_set_too_large (GError     **error,
                            const char  *label,
                            gsize        max_size)
{
  g_autofree char *limit = NULL;
  const gsize mib = 1024 * 1024;

  if (max_size >= mib && max_size % mib == 0)
    /* Translators: a size limit, as in “64 MiB” */
    limit = g_strdup_printf (_("%u MiB"), (guint) MIN (max_size / mib, G_MAXUINT));
  else
    limit = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
               /* Translators: the first %s is a file name, the second a size
                * such as “64 MiB” */
               _("“%s” is larger than the %s Gloss opens"), label, limit);
}

void
gloss_markup_set_too_deep (GError     **error,
                           const char  *label)
{
  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_DEEP,
               /* Translators: %s is a file name and %d a number, such as 256 */
               _("“%s” nests elements more than %d levels deep, which Gloss does not open"),
               label, GLOSS_MARKUP_MAX_DEPTH);
}

gboolean
gloss_markup_check_size (const char  *label,
                         gsize        n_bytes,
                         gsize        max_size,
                         GError     **error)
{
  if (max_size == 0)
    max_size = GLOSS_SOURCE_DEFAULT_MAX_SIZE;
  if (n_bytes > max_size || n_bytes > G_MAXINT)
    {
      gloss_markup_set_too_large (error, label, MIN (max_size, (gsize) G_MAXINT));
      return FALSE;
    }

  return TRUE;
}

GlossSource *
gloss_markup_new_source (GFile          *file,
                         const char     *media_type,
                         const char     *encoding,
                         const char     *extractor,
                         const char     *data,
                         gsize           n_bytes,
                         char           *text,
                         GArray         *blocks,
                         GHashTable     *metadata,
                         GlossSourceMap *map,
                         GArray         *spans,
                         GPtrArray      *warnings)
{
  g_autofree char *sha256 = NULL;
  GlossSource *source;

  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, n_bytes);
  source = gloss_source_new_extracted (file, media_type, encoding, sha256,
                                       extractor, text, blocks, metadata);
  _gloss_source_set_map (source, map);
  _gloss_source_set_spans (source, spans);
  for (guint i = 0; i < warnings->len; i++)
    _gloss_source_add_warning (source, g_strdup (g_ptr_array_index (warnings, i)));

  return source;
}
