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
#include <string.h>

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
 * could make of it.  The text comes to libxml2 as UTF-8, whatever the file
 * declares; short text nodes are kept inside the node, sparing a block of
 * their own (the tree is only read afterwards). */
#define XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | \
                     XML_PARSE_NOCDATA | XML_PARSE_RECOVER | XML_PARSE_IGNORE_ENC | \
                     XML_PARSE_COMPACT)

/* How far into the file the XML declaration may end. */
#define DECLARATION_SIZE 1024

/* How a file starts, as XML 1.0 (appendix F) and libxml2 tell encodings
 * apart before the declaration: a byte order mark, or the first
 * character, "<", in one of the wide encodings. */
typedef struct
{
  const char *encoding;  /* for iconv; NULL for UTF-8 */
  gsize       bom;       /* bytes before the first character */
} Start;

static Start
detect_start (const guchar *p,
              gsize         n)
{
  static const struct
  {
    guchar      bytes[4];
    gsize       length;
    gsize       bom;
    const char *encoding;
  } starts[] = {
    { { 0x00, 0x00, 0x00, 0x3c }, 4, 0, "UCS-4BE" },
    { { 0x3c, 0x00, 0x00, 0x00 }, 4, 0, "UCS-4LE" },
    { { 0x4c, 0x6f, 0xa7, 0x94 }, 4, 0, "IBM037" },
    { { 0x3c, 0x00, 0x3f, 0x00 }, 4, 0, "UTF-16LE" },
    { { 0x00, 0x3c, 0x00, 0x3f }, 4, 0, "UTF-16BE" },
    { { 0xef, 0xbb, 0xbf }, 3, 3, NULL },
    { { 0xfe, 0xff }, 2, 2, "UTF-16BE" },
    { { 0xff, 0xfe }, 2, 2, "UTF-16LE" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (starts); i++)
    {
      if (n >= starts[i].length && memcmp (p, starts[i].bytes, starts[i].length) == 0)
        return (Start) { starts[i].encoding, starts[i].bom };
    }

  return (Start) { NULL, 0 };
}

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The encoding the XML declaration at the start of @text names, or NULL;
 * *@end is set just past its closing quote, where libxml2 would switch
 * to it. */
static char *
declared_encoding (const char *text,
                   gsize       n,
                   gsize      *end)
{
  const char *limit = text + MIN (n, DECLARATION_SIZE);
  const char *p = text;
  const char *close;
  const char *name;

  if (limit - p < 6 || memcmp (p, "<?xml", 5) != 0 || !is_blank (p[5]))
    return NULL;

  close = g_strstr_len (p, limit - p, "?>");
  if (close != NULL)
    limit = close;

  for (p += 5; p + 8 <= limit; p++)
    {
      char quote;

      if (!is_blank (p[-1]) || memcmp (p, "encoding", 8) != 0)
        continue;

      p += 8;
      while (p < limit && is_blank (*p))
        p++;
      if (p >= limit || *p != '=')
        return NULL;
      p++;
      while (p < limit && is_blank (*p))
        p++;
      if (p >= limit || (*p != '"' && *p != '\''))
        return NULL;

      quote = *p++;
      name = p;
      if (p >= limit || !g_ascii_isalpha (*p))
        return NULL;
      while (p < limit && (g_ascii_isalnum (*p) || *p == '.' || *p == '_' || *p == '-'))
        p++;
      if (p >= limit || *p != quote)
        return NULL;

      *end = p + 1 - text;
      return g_strndup (name, p - name);
    }

  return NULL;
}

/* Names libxml2 takes as its own UTF-8 and UTF-16 after a declaration:
 * the decoder it chose from the first bytes stays. */
static gboolean
keeps_decoder (const char *encoding)
{
  static const char * const names[] = { "UTF-8", "UTF8", "UTF-16", "UTF16" };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_ascii_strcasecmp (encoding, names[i]) == 0)
        return TRUE;
    }

  return FALSE;
}

/* @a and @b one after the other, NULs in them included. */
static char *
join (const char *a,
      gsize       a_length,
      const char *b,
      gsize       b_length)
{
  char *joined = g_malloc (a_length + b_length + 1);

  memcpy (joined, a, a_length);
  memcpy (joined + a_length, b, b_length);
  joined[a_length + b_length] = '\0';

  return joined;
}

/* Decodes @data as libxml2 would, into UTF-8: by the first bytes, then,
 * past the declaration, by the encoding it names.  Returns NULL when the
 * file is UTF-8 from *@start on, else the UTF-8 and its *@length; sets
 * *@encoding to the encoding read and *@failed when part of the file
 * could not be decoded.  Fails when the file names an encoding Gloss
 * does not know. */
static char *
decode (const char  *label,
        const char  *data,
        gsize        n_bytes,
        gsize       *start,
        gsize       *length,
        char       **encoding,
        gboolean    *failed,
        GError     **error)
{
  g_autofree char *declared = NULL;
  g_autofree char *head = NULL;
  g_autofree char *rest = NULL;
  Start first = detect_start ((const guchar *) data, n_bytes);
  gsize head_length = n_bytes - first.bom;
  gsize rest_length = 0;
  gsize switch_at = 0;
  gsize unit = 1;
  gboolean rest_failed = FALSE;

  *start = first.bom;
  *failed = FALSE;

  if (first.encoding == NULL)
    {
      declared = declared_encoding (data + first.bom, head_length, &switch_at);
      if (declared == NULL || keeps_decoder (declared))
        {
          const char *bad = NULL;

          *length = head_length;
          *encoding = g_strdup (declared != NULL ? declared : "UTF-8");
          if (g_utf8_validate_len (data + first.bom, head_length, &bad))
            return NULL;

          /* libxml2 reads bytes that are not UTF-8, and all that follows
           * them, as ISO-8859-1: so does Gloss, before libxml2 sees them,
           * so that what it parses is UTF-8 through and through. */
          rest = gloss_markup_decode (bad, data + n_bytes - bad, "ISO-8859-1", &rest_length,
                                      &rest_failed);
          *failed = TRUE;
          *length = (bad - data - first.bom) + rest_length;
          return join (data + first.bom, bad - data - first.bom, rest, rest_length);
        }
      head = g_strndup (data + first.bom, switch_at);
      head_length = strlen (head);
      switch_at += first.bom;
    }
  else
    {
      head = gloss_markup_decode (data + first.bom, head_length, first.encoding,
                                  &head_length, failed);
      g_assert (head != NULL);
      declared = declared_encoding (head, head_length, &switch_at);

      /* An EBCDIC file names its own code page, in which it is decoded
       * from the start. */
      if (declared != NULL && strcmp (first.encoding, "IBM037") == 0 &&
          g_ascii_strcasecmp (declared, "IBM037") != 0)
        {
          g_autofree char *whole = gloss_markup_decode (data, n_bytes, declared, length, failed);

          if (whole != NULL)
            {
              *start = 0;
              *encoding = g_steal_pointer (&declared);
              return g_steal_pointer (&whole);
            }
        }

      if (declared == NULL || keeps_decoder (declared) || strcmp (first.encoding, "IBM037") == 0)
        {
          *length = head_length;
          *encoding = g_strdup (declared != NULL ? declared : first.encoding);
          return g_steal_pointer (&head);
        }

      /* The declaration is ASCII, each character one unit wide; what
       * follows it is read again in the encoding it names. */
      unit = g_str_has_prefix (first.encoding, "UCS-4") ? 4 : 2;
      head[switch_at] = '\0';
      head_length = switch_at;
      switch_at = first.bom + switch_at * unit;
      *failed = FALSE;
    }

  rest = gloss_markup_decode (data + switch_at, n_bytes - switch_at, declared,
                              &rest_length, &rest_failed);
  if (rest == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_PARSE,
                   /* Translators: the first %s is a file name, the second the
                    * name of an encoding */
                   _("“%s” is written in the encoding “%s”, which Gloss does not know"),
                   label, declared);
      return NULL;
    }

  *failed |= rest_failed;
  *start = 0;
  *length = head_length + rest_length;
  *encoding = g_steal_pointer (&declared);

  return join (head, head_length, rest, rest_length);
}

static xmlDoc *
parse (const char       *label,
       const char       *data,
       gsize             n_bytes,
       GlossMarkupGuard *guard,
       gboolean         *well_formed)
{
  xmlParserCtxtPtr ctxt;
  xmlDoc *doc;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("%s: out of memory", G_STRFUNC);

  xmlCtxtUseOptions (ctxt, XML_OPTIONS);
  doc = gloss_markup_parse (ctxt, label, data, n_bytes, _gloss_xml_keeps_attribute, guard);
  *well_formed = ctxt->wellFormed != 0;

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
  g_autofree char *decoded = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) metadata = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  GlossMarkupGuard guard;
  GlossSourceMap *map = NULL;
  GlossXmlFormat format;
  GArray *blocks = NULL;
  GArray *spans = NULL;
  gboolean well_formed = FALSE;
  gboolean undecodable = FALSE;
  const char *bytes;
  gsize start = 0;
  gsize length = 0;
  xmlNode *root;
  xmlDoc *doc;
  char *text;

  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);
  g_return_val_if_fail (data != NULL || n_bytes == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  label = gloss_markup_dup_label (file, display_name);

  if (!gloss_markup_check_size (label, n_bytes, max_size, error))
    return NULL;

  decoded = decode (label, data != NULL ? data : "", n_bytes, &start, &length, &encoding,
                    &undecodable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  bytes = decoded != NULL ? decoded : data + start;

  if (!gloss_markup_prescan (GLOSS_MARKUP_XML, label, bytes, length, 0, error))
    return NULL;

  doc = parse (label, bytes, length, &guard, &well_formed);
  g_clear_pointer (&decoded, g_free);

  if (guard.error != NULL || guard.too_deep)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      if (guard.error != NULL)
        g_propagate_error (error, g_steal_pointer (&guard.error));
      else
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
  if (undecodable || guard.encoding_failed)
    g_ptr_array_add (warnings,
                     /* Translators: the first %s is a file name, the second
                      * an encoding such as “ISO-8859-1” */
                     g_strdup_printf (_("Part of “%s” could not be decoded as %s; Gloss shows the text it could read"),
                                      label, encoding));
  if (guard.refused_external)
    g_ptr_array_add (warnings,
                     /* Translators: %s is a file name */
                     g_strdup_printf (_("“%s” refers to another file or to a DTD, which Gloss never loads"),
                                      label));

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
      if (guard.entity_loop)
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_PARSE,
                     /* Translators: %s is a file name */
                     _("“%s” declares entities that refer to themselves or expand to far more text than the file holds (“billion laughs”): Gloss stopped reading there, before any text"),
                     label);
      else
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_TEXT,
                     /* Translators: %s is a file name */
                     _("“%s” holds no text to annotate"), label);
      return NULL;
    }

  if (guard.entity_loop)
    g_ptr_array_add (warnings,
                     /* Translators: %s is a file name */
                     g_strdup_printf (_("“%s” declares entities that refer to themselves or expand to far more text than the file holds (“billion laughs”): Gloss stopped reading there and shows the text before it"),
                                      label));

  if (entity != NULL)
    {
      /* The name comes from the file: never bytes that are not UTF-8 in a
       * message, nor a page of them. */
      g_autofree char *shown = gloss_markup_dup_for_message (entity, 64);

      g_ptr_array_add (warnings,
                       /* Translators: the first %s is a file name, the second
                        * the name of an entity, shown as “&name;” */
                       g_strdup_printf (_("“%s” uses entities its DTD declares, such as “&%s;”: Gloss shows them as written, without expanding them"),
                                        label, shown));
    }

  return gloss_markup_new_source (file, media_type_for (format), encoding, GLOSS_XML_READER_ID,
                                  data, n_bytes, text, blocks,
                                  g_steal_pointer (&metadata), map, spans, warnings);
}
