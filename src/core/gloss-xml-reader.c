/* gloss-xml-reader.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-xml"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>

#include "gloss-error.h"
#include "gloss-markup.h"
#include "gloss-source-private.h"
#include "gloss-xml-reader-private.h"

/* What is not there matters most: never XML_PARSE_NOENT (entities stay
 * references, so "billion laughs" expands nothing and an external entity
 * is never read), XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR or XML_PARSE_DTDVALID
 * (no DTD is fetched), XML_PARSE_XINCLUDE (nothing is included), or
 * XML_PARSE_HUGE (libxml2's limits stay).  CDATA sections come as plain
 * text, which they are; a file that is not well-formed gives what libxml2
 * could make of it. */
#define XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | \
                     XML_PARSE_NOCDATA | XML_PARSE_RECOVER)

static xmlDoc *
parse (const char       *data,
       gsize             n_bytes,
       GlossMarkupGuard *guard,
       gboolean         *well_formed)
{
  xmlParserCtxtPtr ctxt;
  xmlDoc *doc;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("%s: out of memory", G_STRFUNC);

  gloss_markup_guard_begin (guard, ctxt);
  doc = xmlCtxtReadMemory (ctxt, data, (int) n_bytes, NULL, NULL, XML_OPTIONS);
  *well_formed = ctxt->wellFormed != 0;
  gloss_markup_guard_end (guard);

  xmlFreeParserCtxt (ctxt);

  return doc;
}

static const char *
media_type_for (GlossXmlFormat format)
{
  /* RFC 6129; JATS has no type of its own. */
  return format == GLOSS_XML_TEI ? "application/tei+xml" : "application/xml";
}

/**
 * gloss_xml_reader_read:
 * @file: (nullable): the file @data was read from
 * @display_name: (nullable): names the file in messages
 * @data: the bytes of the file
 * @n_bytes: how many
 * @max_size: the largest size accepted, in bytes; 0 for the default
 * @error: return location for an error
 *
 * See gloss-xml-reader.h.
 *
 * Returns: (transfer full) (nullable): the article, or %NULL with @error set
 */
GlossSource *
gloss_xml_reader_read (GFile       *file,
                       const char  *display_name,
                       const char  *data,
                       gsize        n_bytes,
                       gsize        max_size,
                       GError     **error)
{
  g_autofree char *label = NULL;
  g_autofree char *entity = NULL;
  g_autofree char *encoding = NULL;
  g_autoptr(GHashTable) metadata = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  GlossMarkupGuard guard;
  GlossSourceMap *map = NULL;
  GlossXmlFormat format;
  GArray *blocks = NULL;
  GArray *spans = NULL;
  gboolean well_formed = FALSE;
  xmlNode *root;
  xmlDoc *doc;
  char *text;

  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);
  g_return_val_if_fail (data != NULL || n_bytes == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  label = gloss_markup_dup_label (file, display_name);

  if (!gloss_markup_check_size (label, n_bytes, max_size, error))
    return NULL;

  doc = parse (data, n_bytes, &guard, &well_formed);

  if (guard.too_deep)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      gloss_markup_set_too_deep (error, label);
      return NULL;
    }

  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_PARSE,
                   /* Translators: %s is a file name, %d a line number */
                   _("“%s” is not well-formed XML (line %d)"),
                   label, MAX (guard.first_error_line, 1));
      return NULL;
    }

  if (guard.error_at_end)
    g_ptr_array_add (warnings,
                     /* Translators: %s is a file name */
                     g_strdup_printf (_("“%s” seems to be cut short; Gloss shows the text it could read"),
                                      label));
  else if (!well_formed)
    g_ptr_array_add (warnings,
                     /* Translators: %s is a file name, %d a line number */
                     g_strdup_printf (_("“%s” is not well-formed XML (line %d); Gloss shows the text it could read"),
                                      label, MAX (guard.first_error_line, 1)));
  if (guard.refused_external)
    g_ptr_array_add (warnings,
                     /* Translators: %s is a file name */
                     g_strdup_printf (_("“%s” refers to another file or to a DTD, which Gloss never loads"),
                                      label));

  encoding = g_strdup (doc->encoding != NULL ? (const char *) doc->encoding : "UTF-8");
  format = _gloss_xml_format_of (root);
  metadata = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  text = _gloss_xml_extract (doc, format, n_bytes, metadata, &blocks, &spans, &map, &entity);
  g_clear_pointer (&doc, xmlFreeDoc);

  if (text[0] == '\0')
    {
      g_free (text);
      g_array_unref (blocks);
      g_array_unref (spans);
      gloss_source_map_free (map);
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_TEXT,
                   /* Translators: %s is a file name */
                   _("“%s” holds no text to annotate"), label);
      return NULL;
    }

  if (entity != NULL)
    g_ptr_array_add (warnings,
                     /* Translators: the first %s is a file name, the second
                      * the name of an entity, shown as “&name;” */
                     g_strdup_printf (_("“%s” uses entities its DTD declares, such as “&%s;”: Gloss shows them as written, without expanding them"),
                                      label, entity));

  return gloss_markup_new_source (file, media_type_for (format), encoding, GLOSS_XML_EXTRACTOR,
                                  data, n_bytes, text, blocks,
                                  g_steal_pointer (&metadata), map, spans, warnings);
}
