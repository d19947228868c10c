/* gloss-markup-scan.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-markup"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-error.h"
#include "gloss-markup-scan-private.h"

/* libxml2 2.9 checks each attribute of a start tag against every one
 * before it, links each to the end of a list it walks from the start, and
 * looks namespace prefixes up in a list of all the declarations in scope:
 * an element with 40,000 attributes takes seconds, and all that happens
 * before any callback of ours runs.  So the bytes are read once, before
 * libxml2 reads them, and the file is refused when an element has more
 * attributes, or more namespaces are declared at once, than Gloss
 * accepts.
 *
 * The scan finds start tags where libxml2 finds them.  Wherever it skips
 * bytes (a comment, a quoted value, a script) it stops exactly where
 * libxml2 does, since a start tag hidden from it in a skipped stretch
 * would go uncounted; elsewhere it may count more than libxml2 would,
 * which only refuses earlier.  In XML, where no value may hold a "<",
 * a start tag never hides behind a quote, and the document type
 * declaration, whose recovery from errors is libxml2's own, is not
 * skipped at all: every start tag in it counts, even in an entity's
 * value.  The guard checks again what libxml2 reports, should the two
 * ever disagree.
 *
 * This file holds the entry point and the limits; gloss-markup-scan-html.c
 * and gloss-markup-scan-xml.c scan the two syntaxes. */

gboolean
_gloss_markup_scan_count_attributes (GlossMarkupScan *scan,
                                     guint            n_attributes)
{
  if (n_attributes <= GLOSS_MARKUP_MAX_ATTRIBUTES)
    return TRUE;

  g_set_error (scan->error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
               /* Translators: %s is a file name and %u a number, such as 256 */
               _("“%s” has an element with more than %u attributes, which Gloss does not open"),
               scan->label, GLOSS_MARKUP_MAX_ATTRIBUTES);
  return FALSE;
}

gboolean
_gloss_markup_scan_count_namespaces (GlossMarkupScan *scan,
                                     guint            n_namespaces)
{
  if (scan->in_scope + n_namespaces <= GLOSS_MARKUP_MAX_NAMESPACES)
    return TRUE;

  g_set_error (scan->error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
               /* Translators: %s is a file name and %u a number, such as 256 */
               _("“%s” declares more than %u XML namespaces at once, which Gloss does not open"),
               scan->label, GLOSS_MARKUP_MAX_NAMESPACES);
  return FALSE;
}

gboolean
gloss_markup_prescan (GlossMarkupSyntax   syntax,
                      const char         *label,
                      const char         *data,
                      gsize               n_bytes,
                      guint               in_scope,
                      GError            **error)
{
  GlossMarkupScan scan = { 0 };
  gboolean ok;

  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (data != NULL || n_bytes == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_bytes == 0)
    return TRUE;

  scan.label = label;
  scan.end = (const guchar *) data + n_bytes;
  scan.error = error;
  scan.scopes = g_array_new (FALSE, FALSE, sizeof (guint));
  scan.in_scope = in_scope;

  switch (syntax)
    {
    case GLOSS_MARKUP_HTML:
      ok = _gloss_markup_scan_html (&scan, (const guchar *) data);
      break;

    case GLOSS_MARKUP_XML_CONTENT:
      ok = _gloss_markup_scan_xml (&scan, (const guchar *) data, TRUE);
      break;

    case GLOSS_MARKUP_XML:
    default:
      ok = _gloss_markup_scan_xml (&scan, (const guchar *) data, FALSE);
      break;
    }

  g_array_unref (scan.scopes);

  return ok;
}
