/* gloss-markup-scan-xml.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-markup"

#include "config.h"

#include "gloss-markup-scan-private.h"

/* XML, as libxml2 2.9's XML parser reads it. */

/* XML 1.0, fifth edition: what libxml2 takes for a name's first
 * character (a QName's too, ":" included). */
static gboolean
is_xml_name_start (gunichar c)
{
  return is_ascii_letter (c) || c == '_' || c == ':' ||
         (c >= 0xc0 && c <= 0xd6) || (c >= 0xd8 && c <= 0xf6) || (c >= 0xf8 && c <= 0x2ff) ||
         (c >= 0x370 && c <= 0x37d) || (c >= 0x37f && c <= 0x1fff) ||
         (c >= 0x200c && c <= 0x200d) || (c >= 0x2070 && c <= 0x218f) ||
         (c >= 0x2c00 && c <= 0x2fef) || (c >= 0x3001 && c <= 0xd7ff) ||
         (c >= 0xf900 && c <= 0xfdcf) || (c >= 0xfdf0 && c <= 0xfffd) ||
         (c >= 0x10000 && c <= 0xeffff);
}

/* A character XML allows at all; libxml2 ends a comment, a processing
 * instruction or a CDATA section at any other. */
static inline gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xa || c == 0xd || (c >= 0x20 && c <= 0xd7ff) ||
         (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

/* The first @terminator at or after @p, or the first character XML does
 * not allow, where libxml2 stops reading a comment, a processing
 * instruction or a CDATA section: the scan goes on past the terminator,
 * or at that character. */
static const guchar *
xml_section_end (const guchar *p,
                 const guchar *end,
                 const char   *terminator)
{
  gsize n = strlen (terminator);

  while (p < end)
    {
      gsize length;
      gunichar c;

      if (*p >= 0x20 && *p < 0x80)
        {
          if (*p == (guchar) terminator[0] && starts_with (p, end, terminator))
            return p + n;
          p++;
          continue;
        }

      c = char_at (p, end, &length);
      if (!is_xml_char (c))
        return p;
      p += length;
    }

  return end;
}

static gboolean
is_xml_tag_stop (guchar c)
{
  return is_blank (c) || c == '=' || c == '>' || c == '/' || c == '<' || c == '"' ||
         c == '\'' || c < 0x20;
}

/* A start tag at @p, just after "<".  Every name in it counts as an
 * attribute, whatever libxml2 would make of it; "<" ends it wherever it
 * comes, since XML allows none inside a tag.  *@n_namespaces gets the
 * namespace declarations among them and *@closed whether the tag ends
 * with "/>".  Returns where the scan goes on, or NULL when refused. */
static const guchar *
xml_start_tag (GlossMarkupScan *scan,
               const guchar    *p,
               guint           *n_namespaces,
               gboolean        *closed)
{
  const guchar *end = scan->end;
  guint n_attributes = 0;

  *n_namespaces = 0;
  *closed = FALSE;

  /* The element's name. */
  while (p < end && !is_xml_tag_stop (*p))
    p++;

  for (;;)
    {
      const guchar *name;

      p = skip_blanks (p, end);
      if (p >= end || *p == '<')
        return p;
      if (*p == '>')
        return p + 1;
      if (*p == '/' && p + 1 < end && p[1] == '>')
        {
          *closed = TRUE;
          return p + 2;
        }

      name = p;
      while (p < end && !is_xml_tag_stop (*p))
        p++;

      if (p > name)
        {
          if (!_gloss_markup_scan_count_attributes (scan, ++n_attributes))
            return NULL;
          if ((p - name == 5 && memcmp (name, "xmlns", 5) == 0) ||
              (p - name > 6 && memcmp (name, "xmlns:", 6) == 0))
            {
              if (!_gloss_markup_scan_count_namespaces (scan, ++*n_namespaces))
                return NULL;
            }
        }
      else if (*p != '"' && *p != '\'' && *p != '=')
        {
          /* A stray "/" or control character. */
          p++;
          continue;
        }

      p = skip_blanks (p, end);
      if (p < end && *p == '=')
        p = skip_blanks (p + 1, end);

      if (p < end && (*p == '"' || *p == '\''))
        {
          guchar quote = *p++;

          while (p < end && *p != quote && *p != '<')
            p++;
          if (p < end && *p == quote)
            p++;
        }
      else
        {
          while (p < end && !is_blank (*p) && *p != '>' && *p != '<')
            p++;
        }
    }
}

static void
push_scope (GlossMarkupScan *scan,
            guint            n_namespaces)
{
  g_array_append_val (scan->scopes, n_namespaces);
  scan->in_scope += n_namespaces;
}

static void
pop_scope (GlossMarkupScan *scan)
{
  if (scan->scopes->len == 0)
    return;

  scan->in_scope -= g_array_index (scan->scopes, guint, scan->scopes->len - 1);
  g_array_set_size (scan->scopes, scan->scopes->len - 1);
}

static inline gboolean
starts_xml_tag (const guchar *p,
                const guchar *end)
{
  return p + 1 < end && p[0] == '<' && p[1] != '!' && p[1] != '?' && !is_xml_tag_stop (p[1]);
}

/* A start tag at @p (at its "<") in the document type declaration, where
 * libxml2 may be reading elements after an error: it counts, and what it
 * declares stays in scope, since nothing there tells where it ends.  NULL
 * when refused. */
static const guchar *
xml_doctype_tag (GlossMarkupScan *scan,
                 const guchar    *p)
{
  guint n_namespaces;
  gboolean closed;

  p = xml_start_tag (scan, p + 1, &n_namespaces, &closed);
  if (p != NULL && !closed)
    push_scope (scan, n_namespaces);

  return p;
}

/* Counts the start tags from @p to @limit, where libxml2 may read markup
 * that the scan otherwise passes over. */
static gboolean
count_tags_within (GlossMarkupScan *scan,
                   const guchar    *p,
                   const guchar    *limit)
{
  while ((p = find_byte (p, limit, '<')) < limit)
    {
      if (starts_xml_tag (p, scan->end) && xml_doctype_tag (scan, p) == NULL)
        return FALSE;
      p++;
    }

  return TRUE;
}

/* After "<!DOCTYPE": every start tag counts, in entity values, comments
 * and processing instructions too, since libxml2 parses an entity's value
 * when the entity is used and, after an error in a declaration, may
 * leave the internal subset and read elements there.  Literals, comments
 * and processing instructions are followed only to find the declaration's
 * end, at a "]" and a ">" outside them, which comes no earlier than
 * libxml2's. */
static const guchar *
xml_doctype (GlossMarkupScan *scan,
             const guchar    *p)
{
  const guchar *end = scan->end;
  gboolean subset = FALSE;

  while (p < end)
    {
      const guchar *close = NULL;
      guchar c = *p;

      if (starts_with (p, end, "<!--"))
        close = xml_section_end (p + 4, end, "-->");
      else if (starts_with (p, end, "<?"))
        close = xml_section_end (p + 2, end, "?>");
      else if (c == '"' || c == '\'')
        close = MIN (find_byte (p + 1, end, c) + 1, end);

      if (close != NULL)
        {
          if (!count_tags_within (scan, p + 1, close))
            return NULL;
          p = close;
        }
      else if (starts_xml_tag (p, end))
        {
          p = xml_doctype_tag (scan, p);
          if (p == NULL)
            return NULL;
        }
      else if (c == '[' && !subset)
        {
          subset = TRUE;
          p++;
        }
      else if (c == ']' && subset)
        {
          p = skip_blanks (p + 1, end);
          return p < end && *p == '>' ? p + 1 : p;
        }
      else if (c == '>' && !subset)
        {
          return p + 1;
        }
      else
        {
          p++;
        }
    }

  return end;
}

/* From @p, read as content when @content, else as the prolog, before the
 * first start tag: there a document type declaration may come, and no
 * CDATA section.  Comments and processing instructions end where they
 * end in both, which libxml2 reads alike; the scan leaves a document type
 * declaration no earlier than libxml2 does, so it never takes for a
 * comment what libxml2 still reads as the declaration. */
gboolean
_gloss_markup_scan_xml (GlossMarkupScan *scan,
                        const guchar    *p,
                        gboolean         content)
{
  const guchar *start = p;
  const guchar *end = scan->end;

  while (p < end)
    {
      p = find_byte (p, end, '<');
      if (p + 1 >= end)
        break;

      if (p[1] == '/')
        {
          pop_scope (scan);
          p += 2;
        }
      else if (starts_with (p, end, "<!--"))
        {
          p = xml_section_end (p + 4, end, "-->");
        }
      else if (content && starts_with (p, end, "<![CDATA["))
        {
          p = xml_section_end (p + 9, end, "]]>");
        }
      else if (p == start && starts_with (p, end, "<?xml") && p + 5 < end && is_blank (p[5]))
        {
          /* The XML declaration ends at its first ">", whatever is
           * wrong inside it. */
          p = find_byte (p + 5, end, '>');
          if (p < end)
            p++;
        }
      else if (p[1] == '?')
        {
          gsize length;

          /* A processing instruction needs a name. */
          if (p + 2 < end && is_xml_name_start (char_at (p + 2, end, &length)))
            p = xml_section_end (p + 2, end, "?>");
          else
            p += 2;
        }
      else if (!content && starts_with (p, end, "<!DOCTYPE"))
        {
          p = xml_doctype (scan, p + 9);
          if (p == NULL)
            return FALSE;
        }
      else if (starts_xml_tag (p, end))
        {
          guint n_namespaces;
          gboolean closed;

          p = xml_start_tag (scan, p + 1, &n_namespaces, &closed);
          if (p == NULL)
            return FALSE;
          if (!closed)
            push_scope (scan, n_namespaces);
          content = TRUE;
        }
      else
        {
          p++;
        }
    }

  return TRUE;
}
