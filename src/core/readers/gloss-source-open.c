/* gloss-source-open.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-source"

#include "config.h"

#include <string.h>

#include "gloss-html-reader.h"
#include "gloss-source-private.h"
#include "gloss-xml-reader.h"

/* How much of a file the sniffing reads. */
#define SNIFF_SIZE 4096

typedef enum
{
  KIND_UNKNOWN,
  KIND_TEXT,
  KIND_HTML,
  KIND_XML,
} Kind;

/* Elements a saved page or a fragment of one may start with. */
static const char * const html_starts[] = {
  "a", "article", "body", "div", "h1", "h2", "h3", "head", "header", "html", "link", "main",
  "meta", "p", "script", "section", "span", "style", "table", "title", "ul",
};

static Kind
kind_by_basename (const char *basename)
{
  g_autofree char *lower = basename != NULL ? g_ascii_strdown (basename, -1) : NULL;

  if (lower == NULL)
    return KIND_UNKNOWN;

  if (g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm") ||
      g_str_has_suffix (lower, ".xhtml"))
    return KIND_HTML;

  if (g_str_has_suffix (lower, ".xml"))
    return KIND_XML;

  /* Whatever is in them: a text that happens to start with a tag keeps
   * its offsets, and the annotations made on it. */
  if (g_str_has_suffix (lower, ".txt") || g_str_has_suffix (lower, ".text"))
    return KIND_TEXT;

  return KIND_UNKNOWN;
}

static Kind
kind_by_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return kind_by_basename (basename);
}

gboolean
gloss_source_name_is_article (const char *name)
{
  g_return_val_if_fail (name != NULL, FALSE);

  return kind_by_basename (name) != KIND_UNKNOWN;
}

static gboolean
at_nocase (const char *p,
           const char *end,
           const char *prefix)
{
  gsize n = strlen (prefix);

  return (gsize) (end - p) >= n && g_ascii_strncasecmp (p, prefix, n) == 0;
}

/* Past the end of @close from @p, or @end when it never comes. */
static const char *
skip_past (const char *p,
           const char *end,
           const char *close)
{
  const char *found = g_strstr_len (p, end - p, close);

  return found != NULL ? found + strlen (close) : end;
}

static char *
read_name (const char *p,
           const char *end)
{
  const char *start = p;

  while (p < end && (g_ascii_isalnum (*p) || *p == ':' || *p == '.' || *p == '-' || *p == '_'))
    p++;

  return g_strndup (start, p - start);
}

/* What the start of a file says it is: an XML declaration, a doctype, the
 * name of the first element.  HTML is what calls itself html or starts as
 * a page does; XML is what declares itself, is TEI, or has a namespace. */
static Kind
kind_by_content (const char *data,
                 gsize       n_bytes)
{
  const char *end = data + MIN (n_bytes, SNIFF_SIZE);
  const char *p = data;
  gboolean declared_xml = FALSE;

  if (end - p >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  for (;;)
    {
      while (p < end && g_ascii_isspace (*p))
        p++;

      if (p >= end || *p != '<')
        return declared_xml ? KIND_XML : KIND_TEXT;

      if (at_nocase (p, end, "<?xml") && p + 5 < end && g_ascii_isspace (p[5]))
        {
          declared_xml = TRUE;
          p = skip_past (p, end, "?>");
        }
      else if (at_nocase (p, end, "<?"))
        {
          p = skip_past (p, end, "?>");
        }
      else if (at_nocase (p, end, "<!--"))
        {
          p = skip_past (p + 4, end, "-->");
        }
      else if (at_nocase (p, end, "<!doctype"))
        {
          g_autofree char *name = NULL;

          p += strlen ("<!doctype");
          while (p < end && g_ascii_isspace (*p))
            p++;
          name = read_name (p, end);

          return g_ascii_strcasecmp (name, "html") == 0 ? KIND_HTML : KIND_XML;
        }
      else
        {
          g_autofree char *name = read_name (p + 1, end);
          const char *close = memchr (p, '>', end - p);

          if (name[0] == '\0')
            return declared_xml ? KIND_XML : KIND_TEXT;

          if (g_ascii_strcasecmp (name, "html") == 0)
            return KIND_HTML;

          if (declared_xml || strcmp (name, "TEI") == 0 || strcmp (name, "teiCorpus") == 0 ||
              strcmp (name, "TEI.2") == 0 ||
              (close != NULL && g_strstr_len (p, close - p, "xmlns") != NULL))
            return KIND_XML;

          for (gsize i = 0; i < G_N_ELEMENTS (html_starts); i++)
            {
              if (g_ascii_strcasecmp (name, html_starts[i]) == 0)
                return KIND_HTML;
            }

          return KIND_TEXT;
        }
    }
}

/**
 * gloss_source_new_from_article:
 * @file: the article to read
 * @max_size: the largest size accepted, in bytes; 0 for the default
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Reads an article with the reader its name and its first bytes call for:
 * .html, .htm and .xhtml files are web pages; .xml files are XML (or a
 * web page when their root is html); .txt files are plain text; any other
 * file is a web page or XML when it starts like one, and plain text
 * otherwise.  Blocking; run it in a thread for big files.
 *
 * Returns: (transfer full) (nullable): the source, or %NULL with @error set
 */
GlossSource *
gloss_source_new_from_article (GFile         *file,
                               gsize          max_size,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autofree char *label = NULL;
  g_autofree char *data = NULL;
  GlossSource *source;
  gsize n_bytes = 0;
  Kind kind;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  kind = kind_by_name (file);
  if (kind == KIND_TEXT)
    return gloss_source_new_from_plain_text (file, max_size, cancellable, error);

  label = g_file_get_parse_name (file);
  data = _gloss_source_read_file (file, label, max_size, &n_bytes, cancellable, error);
  if (data == NULL)
    return NULL;

  if (kind == KIND_UNKNOWN)
    kind = kind_by_content (data, n_bytes);
  else if (kind == KIND_XML && kind_by_content (data, n_bytes) == KIND_HTML)
    kind = KIND_HTML;

  switch (kind)
    {
    case KIND_HTML:
      source = gloss_html_reader_read (file, label, data, n_bytes, max_size, error);
      break;

    case KIND_XML:
      source = gloss_xml_reader_read (file, label, data, n_bytes, max_size, error);
      break;

    case KIND_TEXT:
    case KIND_UNKNOWN:
    default:
      source = _gloss_source_new_from_contents (file, g_steal_pointer (&data), n_bytes, error);
      break;
    }

  return source;
}
