/* gloss-markup-guard.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-markup"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <stdlib.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-markup.h"

/* The guard around every parse of gloss_markup_parse(): it wraps
 * libxml2's tree builder to count depth, attributes and memory as the
 * tree grows, and stops the parse past the limits. */

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
input_exhausted (GlossMarkupGuard *guard)
{
  xmlParserCtxtPtr ctxt = guard->ctxt;
  xmlParserInputPtr input;

  /* libxml2 has a window on the file; its end is not the file's. */
  if (ctxt == NULL || ctxt->input == NULL || guard->n_unread > 0)
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

  if (input_exhausted (guard))
    guard->error_at_end = TRUE;

  if (error->domain == XML_FROM_I18N || error->code == XML_IO_ENCODER)
    guard->encoding_failed = TRUE;

  /* libxml2 stops on entities that refer to themselves or expand to much
   * more than the file ("billion laughs"), with this code for both. */
  if (error->code == XML_ERR_ENTITY_LOOP)
    guard->entity_loop = TRUE;

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

/* Stops the parse: the context given to a handler may be libxml2's own
 * for an entity's value, inside the guard's. */
static void
stop (GlossMarkupGuard *guard,
      void             *ctx)
{
  if (ctx != NULL && ctx != guard->ctxt)
    xmlStopParser (ctx);
  xmlStopParser (guard->ctxt);
}

static gboolean
refused (GlossMarkupGuard *guard)
{
  return guard->error != NULL || guard->too_deep;
}

/* What the pieces of a tree take in the heap of a 64-bit system: libxml2's
 * nodes and attributes and the smallest block a copied string takes, and
 * what the text builder keeps for an element (its block, path and runs). */
#define NODE_COST      128
#define ATTRIBUTE_COST 112
#define STRING_COST    32
#define DECL_COST      192
#define BUILDER_COST   64

static inline gsize
string_cost (gsize length)
{
  return MAX (length + 1, STRING_COST);
}

/* Adds @cost to the estimate; past the budget, stops the parse and says
 * so.  FALSE when what costs it must not be made. */
static gboolean
spend (GlossMarkupGuard *guard,
       void             *ctx,
       gsize             cost)
{
  if (refused (guard))
    return FALSE;

  guard->spent += cost;
  if (guard->spent <= guard->budget)
    return TRUE;

  {
    const gsize mib = 1024 * 1024;
    /* Translators: an amount of memory, as in “77 MiB” */
    g_autofree char *limit = g_strdup_printf (_("%u MiB"),
                                              (guint) MIN ((guard->limit + mib - 1) / mib,
                                                           G_MAXUINT));

    g_set_error (&guard->error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                 /* Translators: the first %s is a file name, the second an
                  * amount of memory, such as “77 MiB” */
                 _("“%s” holds too much markup for its size: reading it would take more than the %s of memory Gloss allows for it"),
                 guard->label, limit);
  }
  stop (guard, ctx);
  return FALSE;
}

/* The scan before the parse counts what libxml2 reads; should the two
 * ever disagree, the element is refused here, after libxml2 read it.
 * @n_own attributes and namespace declarations are the element's own and
 * @n_defaulted come from the DTD (as many as guarded_attribute_decl()
 * lets it declare).  The namespaces in scope are libxml2's own count; an
 * entity's value was scanned on its own, and what it declares adds to
 * what is in scope where it is used. */
static gboolean
check_attributes (GlossMarkupGuard *guard,
                  void             *ctx,
                  guint             n_own,
                  guint             n_defaulted)
{
  xmlParserCtxtPtr ctxt = ctx;
  guint in_scope = ctxt->nsNr > 0 ? (guint) ctxt->nsNr / 2 : 0;
  guint in_scope_limit = GLOSS_MARKUP_MAX_NAMESPACES * (ctx == guard->ctxt ? 1 : 2);

  if (n_own <= GLOSS_MARKUP_MAX_ATTRIBUTES && n_defaulted <= GLOSS_MARKUP_MAX_ATTRIBUTES &&
      in_scope <= in_scope_limit)
    return TRUE;

#ifdef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
  /* A fuzzer that gets here found input the scan reads differently; it
   * keeps what made it abort. */
  g_printerr ("%s: the scan let %u attributes, %u defaulted, and %u namespaces through\n",
              G_STRFUNC, n_own, n_defaulted, in_scope);
  abort ();
#endif

  if (!refused (guard))
    g_set_error (&guard->error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                 /* Translators: %s is a file name and %u a number, such as 256 */
                 _("“%s” has an element with more than %u attributes, which Gloss does not open"),
                 guard->label, GLOSS_MARKUP_MAX_ATTRIBUTES);
  stop (guard, ctx);
  return FALSE;
}

/* Past the limit on depth, stops the parse and keeps the element out of
 * the tree.  The depth is libxml2's own count of open elements, which a
 * start tag it could not finish reading leaves as it was (it reports no
 * end for it), plus, in an entity's value, the depth where the entity is
 * used. */
static gboolean
enter_element (GlossMarkupGuard *guard,
               void             *ctx)
{
  xmlParserCtxtPtr ctxt = ctx;
  /* The HTML parser counts an element before it reports it, the XML
   * parser after. */
  guint depth = (guint) MAX (ctxt->nameNr, 0) + (ctxt->html ? 0 : 1);

  if (ctxt != guard->ctxt)
    depth += (guint) MAX (guard->ctxt->nameNr, 0);

  if (depth <= GLOSS_MARKUP_MAX_DEPTH)
    return TRUE;

  if (!guard->too_deep)
    {
      guard->too_deep = TRUE;
      stop (guard, ctx);
    }

  return FALSE;
}

/* Once something is refused the parse stops, and nothing more reaches
 * the tree, ends of elements included: the tree is thrown away.  Of the
 * attributes, the tree gets those the reader keeps, which never are more
 * than check_attributes() lets through. */
static void
guarded_start_element (void           *ctx,
                       const xmlChar  *name,
                       const xmlChar **attributes)
{
  GlossMarkupGuard *guard = guard_of (ctx);
  const xmlChar *kept[2 * GLOSS_MARKUP_MAX_ATTRIBUTES + 2];
  gsize cost = NODE_COST + STRING_COST + BUILDER_COST;
  guint n_attributes = 0;
  guint n_kept = 0;
  gboolean wanted = !refused (guard);

  for (guint i = 0; attributes != NULL && attributes[i] != NULL; i += 2)
    n_attributes++;

  wanted = wanted && check_attributes (guard, ctx, n_attributes, 0);
  for (guint i = 0; wanted && i < 2 * n_attributes; i += 2)
    {
      if (guard->keep != NULL &&
          !guard->keep ((const char *) name, (const char *) attributes[i]))
        continue;

      kept[n_kept++] = attributes[i];
      kept[n_kept++] = attributes[i + 1];
      cost += ATTRIBUTE_COST + NODE_COST + 2 * STRING_COST;
      if (attributes[i + 1] != NULL)
        cost += strlen ((const char *) attributes[i + 1]);
    }
  kept[n_kept] = NULL;
  kept[n_kept + 1] = NULL;

  wanted = wanted && spend (guard, ctx, cost);
  if (enter_element (guard, ctx) && wanted)
    guard->wrapped.startElement (ctx, name, n_kept > 0 ? kept : NULL);
}

static void
guarded_end_element (void          *ctx,
                     const xmlChar *name)
{
  GlossMarkupGuard *guard = guard_of (ctx);

  if (!refused (guard))
    guard->wrapped.endElement (ctx, name);
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
  const xmlChar *kept[5 * 2 * GLOSS_MARKUP_MAX_ATTRIBUTES];
  gsize cost = NODE_COST + BUILDER_COST;
  int n_kept = 0;
  int n_kept_defaulted = 0;
  gboolean wanted = !refused (guard);

  n_namespaces = MAX (n_namespaces, 0);
  n_attributes = MAX (n_attributes, 0);
  n_defaulted = CLAMP (n_defaulted, 0, n_attributes);
  wanted = wanted && check_attributes (guard, ctx, n_attributes - n_defaulted + n_namespaces,
                                       n_defaulted);

  for (int i = 0; wanted && i < n_namespaces; i++)
    {
      const xmlChar *ns_prefix = namespaces[2 * i];
      const xmlChar *ns_uri = namespaces[2 * i + 1];

      cost += NODE_COST / 2 +
              string_cost (ns_prefix != NULL ? strlen ((const char *) ns_prefix) : 0) +
              string_cost (ns_uri != NULL ? strlen ((const char *) ns_uri) : 0);
    }

  /* Defaulted attributes come last, and stay last. */
  for (int i = 0; wanted && i < n_attributes; i++)
    {
      const xmlChar **attribute = &attributes[5 * i];

      if (guard->keep != NULL &&
          !guard->keep ((const char *) localname, (const char *) attribute[0]))
        continue;

      memcpy (&kept[5 * n_kept], attribute, 5 * sizeof (const xmlChar *));
      n_kept++;
      n_kept_defaulted += i >= n_attributes - n_defaulted;
      cost += ATTRIBUTE_COST + NODE_COST + string_cost (attribute[4] - attribute[3]);
    }

  wanted = wanted && spend (guard, ctx, cost);
  if (enter_element (guard, ctx) && wanted)
    guard->wrapped.startElementNs (ctx, localname, prefix, uri, n_namespaces, namespaces,
                                   n_kept, n_kept_defaulted, n_kept > 0 ? kept : NULL);
}

static void
guarded_end_element_ns (void          *ctx,
                        const xmlChar *localname,
                        const xmlChar *prefix,
                        const xmlChar *uri)
{
  GlossMarkupGuard *guard = guard_of (ctx);

  if (!refused (guard))
    guard->wrapped.endElementNs (ctx, localname, prefix, uri);
}

/* TRUE when text added now makes a new node rather than growing the last
 * one. */
static gboolean
makes_text_node (xmlParserCtxtPtr ctxt)
{
  xmlNodePtr last = ctxt->node != NULL ? ctxt->node->last : NULL;

  return last == NULL || last->type != XML_TEXT_NODE || last->name != xmlStringText;
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
  xmlParserCtxtPtr ctxt = ctx;
  gsize cost = MAX (length, 0);

  if (refused (guard) || ctxt->node == NULL)
    return;

  /* A short text node of a compact XML tree holds its text itself. */
  if (makes_text_node (ctxt))
    cost += NODE_COST + BUILDER_COST / 4 +
            ((ctxt->options & XML_PARSE_COMPACT) != 0 && length < 16 ? 0 : STRING_COST);
  if (!spend (guard, ctx, cost))
    return;

  if (!split_text (ctx, text, length))
    next (ctx, text, length);
}

static void
guarded_characters (void          *ctx,
                    const xmlChar *text,
                    int            length)
{
  guarded_text (ctx, text, length, guard_of (ctx)->wrapped.characters);
}

static void
guarded_ignorable_whitespace (void          *ctx,
                              const xmlChar *text,
                              int            length)
{
  guarded_text (ctx, text, length, guard_of (ctx)->wrapped.ignorableWhitespace);
}

static void
guarded_cdata_block (void          *ctx,
                     const xmlChar *text,
                     int            length)
{
  GlossMarkupGuard *guard = guard_of (ctx);

  if (spend (guard, ctx, NODE_COST + string_cost (MAX (length, 0))))
    guard->wrapped.cdataBlock (ctx, text, length);
}

static void
guarded_comment (void          *ctx,
                 const xmlChar *text)
{
  GlossMarkupGuard *guard = guard_of (ctx);

  if (spend (guard, ctx, NODE_COST + string_cost (strlen ((const char *) text))))
    guard->wrapped.comment (ctx, text);
}

static void
guarded_processing_instruction (void          *ctx,
                                const xmlChar *target,
                                const xmlChar *data)
{
  GlossMarkupGuard *guard = guard_of (ctx);
  gsize cost = NODE_COST + string_cost (strlen ((const char *) target)) +
               string_cost (data != NULL ? strlen ((const char *) data) : 0);

  if (spend (guard, ctx, cost))
    guard->wrapped.processingInstruction (ctx, target, data);
}

static void
guarded_reference (void          *ctx,
                   const xmlChar *name)
{
  GlossMarkupGuard *guard = guard_of (ctx);

  if (spend (guard, ctx, NODE_COST))
    guard->wrapped.reference (ctx, name);
}

/* An entity's value is parsed as markup when the entity is first used,
 * with character references such as "&#60;" already made into "<": the
 * scan reads it here, before libxml2 may. */
static void
guarded_entity_decl (void          *ctx,
                     const xmlChar *name,
                     int            type,
                     const xmlChar *public_id,
                     const xmlChar *system_id,
                     xmlChar       *content)
{
  GlossMarkupGuard *guard = guard_of (ctx);
  gsize length = content != NULL ? strlen ((const char *) content) : 0;

  if (!spend (guard, ctx, DECL_COST + string_cost (strlen ((const char *) name)) +
                          string_cost (length)))
    return;

  if (content != NULL &&
      !gloss_markup_prescan (GLOSS_MARKUP_XML_CONTENT, guard->label, (const char *) content,
                             length, 0, &guard->error))
    {
      stop (guard, ctx);
      return;
    }

  guard->wrapped.entityDecl (ctx, name, type, public_id, system_id, content);
}

/* Attributes a DTD declares with a default value are added to every
 * element so named before its own are checked against them: as many per
 * element as an element may have itself. */
static void
guarded_attribute_decl (void              *ctx,
                        const xmlChar     *element,
                        const xmlChar     *name,
                        int                type,
                        int                def,
                        const xmlChar     *default_value,
                        xmlEnumerationPtr  tree)
{
  GlossMarkupGuard *guard = guard_of (ctx);
  guint n;

  if (guard->attribute_decls == NULL)
    guard->attribute_decls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  n = GPOINTER_TO_UINT (g_hash_table_lookup (guard->attribute_decls, element)) + 1;
  g_hash_table_insert (guard->attribute_decls, g_strdup ((const char *) element),
                       GUINT_TO_POINTER (n));

  if (n > GLOSS_MARKUP_MAX_ATTRIBUTES)
    {
      if (!refused (guard))
        g_set_error (&guard->error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                     _("“%s” has an element with more than %u attributes, which Gloss does not open"),
                     guard->label, GLOSS_MARKUP_MAX_ATTRIBUTES);
      stop (guard, ctx);
    }

  if (refused (guard) ||
      !spend (guard, ctx, DECL_COST + string_cost (strlen ((const char *) name)) +
                          string_cost (default_value != NULL ?
                                       strlen ((const char *) default_value) : 0)))
    {
      xmlFreeEnumeration (tree);
      return;
    }

  guard->wrapped.attributeDecl (ctx, element, name, type, def, default_value, tree);
}

static void
guarded_element_decl (void                *ctx,
                      const xmlChar       *name,
                      int                  type,
                      xmlElementContentPtr content)
{
  GlossMarkupGuard *guard = guard_of (ctx);

  if (spend (guard, ctx, DECL_COST + string_cost (strlen ((const char *) name))))
    guard->wrapped.elementDecl (ctx, name, type, content);
}

static void
guarded_notation_decl (void          *ctx,
                       const xmlChar *name,
                       const xmlChar *public_id,
                       const xmlChar *system_id)
{
  GlossMarkupGuard *guard = guard_of (ctx);

  if (spend (guard, ctx, DECL_COST + string_cost (strlen ((const char *) name))))
    guard->wrapped.notationDecl (ctx, name, public_id, system_id);
}

static void
guard_begin (GlossMarkupGuard *guard,
             xmlParserCtxtPtr  ctxt)
{
  xmlSAXHandlerPtr sax = ctxt->sax;

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
   * no other parse; the context passes itself to them as user data, and
   * libxml2 hands the guard on to the contexts it makes for entities. */
  ctxt->_private = guard;
  ctxt->userData = ctxt;
  guard->wrapped = *sax;

#define WRAP(field, wrapper) \
  if (sax->field != NULL) \
    sax->field = wrapper

  WRAP (startElement, guarded_start_element);
  WRAP (endElement, guarded_end_element);
  WRAP (startElementNs, guarded_start_element_ns);
  WRAP (endElementNs, guarded_end_element_ns);
  WRAP (characters, guarded_characters);
  WRAP (ignorableWhitespace, guarded_ignorable_whitespace);
  WRAP (cdataBlock, guarded_cdata_block);
  WRAP (comment, guarded_comment);
  WRAP (processingInstruction, guarded_processing_instruction);
  WRAP (reference, guarded_reference);
  WRAP (entityDecl, guarded_entity_decl);
  WRAP (attributeDecl, guarded_attribute_decl);
  WRAP (elementDecl, guarded_element_decl);
  WRAP (notationDecl, guarded_notation_decl);

#undef WRAP
}

static void
guard_end (GlossMarkupGuard *guard)
{
  /* Returning early would leave every later parse waiting on the lock. */
  g_assert (guard != NULL && guard->ctxt != NULL);
  g_assert (active_guard == guard);

  *guard->ctxt->sax = guard->wrapped;
  guard->ctxt->_private = NULL;
  g_clear_pointer (&guard->attribute_decls, g_hash_table_unref);

  xmlSetGenericErrorFunc (guard->saved_generic_data, guard->saved_generic);
  xmlSetStructuredErrorFunc (guard->saved_structured_data, guard->saved_structured);
  xmlSetExternalEntityLoader (guard->saved_loader);

  active_guard = NULL;
  g_mutex_unlock (&guard_mutex);

  guard->ctxt = NULL;
}

static int
read_unread (void *data,
             char *buffer,
             int   length)
{
  GlossMarkupGuard *guard = data;
  gsize n = MIN (guard->n_unread, (gsize) MAX (length, 0));

  memcpy (buffer, guard->unread, n);
  guard->unread += n;
  guard->n_unread -= n;

  return (int) n;
}

static int
close_unread (void *data)
{
  return 0;
}

xmlDoc *
gloss_markup_parse (xmlParserCtxtPtr     ctxt,
                    const char          *label,
                    const char          *data,
                    gsize                n_bytes,
                    GlossMarkupKeepFunc  keep,
                    GlossMarkupGuard    *guard)
{
  xmlParserInputBufferPtr buffer;
  xmlParserInputPtr input;
  xmlDoc *doc;

  g_return_val_if_fail (ctxt != NULL && ctxt->sax != NULL, NULL);
  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (data != NULL || n_bytes == 0, NULL);
  g_return_val_if_fail (n_bytes <= G_MAXINT, NULL);
  g_return_val_if_fail (guard != NULL, NULL);

  guard_begin (guard, ctxt);
  guard->label = label;
  guard->keep = keep;
  guard->unread = data;
  guard->n_unread = n_bytes;
  /* The file itself, the text taken from it and the article's tables
   * take three times its size of the ten. */
  guard->limit = GLOSS_MARKUP_MEMORY_FACTOR * MAX (n_bytes, GLOSS_MARKUP_MEMORY_FLOOR);
  guard->budget = (GLOSS_MARKUP_MEMORY_FACTOR - 3) * MAX (n_bytes, GLOSS_MARKUP_MEMORY_FLOOR);

  buffer = xmlParserInputBufferCreateIO (read_unread, close_unread, guard,
                                         XML_CHAR_ENCODING_NONE);
  input = buffer != NULL ? xmlNewIOInputStream (ctxt, buffer, XML_CHAR_ENCODING_NONE) : NULL;
  if (input == NULL)
    g_error ("%s: out of memory", G_STRFUNC);
  inputPush (ctxt, input);

  /* The bytes are UTF-8 whatever they say: a document never switches
   * libxml2 to another decoder, which would read them differently from
   * the readers' own checks. */
  ctxt->encoding = xmlStrdup ((const xmlChar *) "UTF-8");
  ctxt->charset = XML_CHAR_ENCODING_UTF8;

  if (ctxt->html)
    htmlParseDocument (ctxt);
  else
    xmlParseDocument (ctxt);

  doc = ctxt->myDoc;
  ctxt->myDoc = NULL;
  guard_end (guard);

  return doc;
}
