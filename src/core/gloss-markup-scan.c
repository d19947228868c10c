/* gloss-markup-scan.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-markup"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parserInternals.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-markup.h"

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
 * ever disagree. */

/* htmlParseHTMLName() keeps this many characters of a name; the rest of
 * a longer name is read as another attribute. */
#define HTML_NAME_MAX 100

typedef struct
{
  const char   *label;
  const guchar *end;
  GError      **error;

  /* XML: how many namespaces each open element declares, and in all. */
  GArray       *scopes;
  guint         in_scope;

  /* HTML: start tags met whose name starts like "script" or "style" but
   * is longer, such as <script-loader>. */
  guint         raw_prefixed;
} Scan;

static inline gboolean
is_blank (guchar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static inline gboolean
is_ascii_letter (guchar c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline gboolean
is_ascii_digit (guchar c)
{
  return c >= '0' && c <= '9';
}

/* The character at @p, *@length bytes long; the bytes are UTF-8 (the
 * readers make sure of it), but a stray byte counts as one character
 * that no rule accepts. */
static gunichar
char_at (const guchar *p,
         const guchar *end,
         gsize        *length)
{
  gunichar c;

  if (*p < 0x80)
    {
      *length = 1;
      return *p;
    }

  c = g_utf8_get_char_validated ((const char *) p, end - p);
  if (c >= (gunichar) -2)
    {
      *length = 1;
      return 0xfffe;
    }

  *length = g_utf8_next_char (p) - (const char *) p;
  return c;
}

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

/* htmlParseName(): the names of processing instructions and of the
 * document type, by the older XML rules libxml2's HTML parser keeps. */
static gboolean
is_html_name_start (gunichar c)
{
  if (c < 0x80)
    return is_ascii_letter (c) || c == '_' || c == ':';

  return IS_LETTER (c);
}

static gboolean
is_html_name_char (gunichar c)
{
  if (c < 0x80)
    return is_ascii_letter (c) || is_ascii_digit (c) || c == '_' || c == '-' || c == ':' ||
           c == '.';

  return IS_LETTER (c) || IS_DIGIT (c) || IS_COMBINING (c) || IS_EXTENDER (c);
}

/* htmlParseHTMLName(): element and attribute names, ASCII only. */
static inline gboolean
is_html_tag_name_start (guchar c)
{
  return is_ascii_letter (c) || c == '_' || c == ':' || c == '.';
}

static inline gboolean
is_html_tag_name_char (guchar c)
{
  return is_html_tag_name_start (c) || is_ascii_digit (c) || c == '-';
}

static gboolean
starts_with (const guchar *p,
             const guchar *end,
             const char   *prefix)
{
  gsize n = strlen (prefix);

  return (gsize) (end - p) >= n && memcmp (p, prefix, n) == 0;
}

static gboolean
starts_with_nocase (const guchar *p,
                    const guchar *end,
                    const char   *prefix)
{
  gsize n = strlen (prefix);

  return (gsize) (end - p) >= n && g_ascii_strncasecmp ((const char *) p, prefix, n) == 0;
}

/* The first @c at or after @p, or @end. */
static inline const guchar *
find_byte (const guchar *p,
           const guchar *end,
           guchar        c)
{
  const guchar *found = p < end ? memchr (p, c, end - p) : NULL;

  return found != NULL ? found : end;
}

static inline const guchar *
skip_blanks (const guchar *p,
             const guchar *end)
{
  while (p < end && is_blank (*p))
    p++;

  return p;
}

static gboolean
count_attributes (Scan  *scan,
                  guint  n_attributes)
{
  if (n_attributes <= GLOSS_MARKUP_MAX_ATTRIBUTES)
    return TRUE;

  g_set_error (scan->error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
               /* Translators: %s is a file name and %u a number, such as 256 */
               _("“%s” has an element with more than %u attributes, which Gloss does not open"),
               scan->label, GLOSS_MARKUP_MAX_ATTRIBUTES);
  return FALSE;
}

static gboolean
count_namespaces (Scan  *scan,
                  guint  n_namespaces)
{
  if (scan->in_scope + n_namespaces <= GLOSS_MARKUP_MAX_NAMESPACES)
    return TRUE;

  g_set_error (scan->error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
               /* Translators: %s is a file name and %u a number, such as 256 */
               _("“%s” declares more than %u XML namespaces at once, which Gloss does not open"),
               scan->label, GLOSS_MARKUP_MAX_NAMESPACES);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* HTML, as libxml2 2.9's HTML parser reads it                         */

/* After "<!--": libxml2 ends a comment at "-->" or "--!>", the dashes
 * coming at the earliest right after the opening. */
static const guchar *
html_comment_end (const guchar *p,
                  const guchar *end)
{
  for (;;)
    {
      const guchar *dashes = find_byte (p, end, '-');

      if (dashes + 1 >= end)
        return end;

      if (dashes[1] == '-')
        {
          if (dashes + 2 < end && dashes[2] == '>')
            return dashes + 3;
          if (dashes + 3 < end && dashes[2] == '!' && dashes[3] == '>')
            return dashes + 4;
        }

      p = dashes + 1;
    }
}

/* A quoted literal at @p, when there is one: past its closing quote. */
static const guchar *
html_literal (const guchar *p,
              const guchar *end)
{
  const guchar *close;

  if (p >= end || (*p != '"' && *p != '\''))
    return p;

  close = find_byte (p + 1, end, *p);
  return close < end ? close + 1 : end;
}

/* htmlParseName() at @p: past the name, or @p when there is none. */
static const guchar *
html_name (const guchar *p,
           const guchar *end)
{
  const guchar *start = p;
  gboolean first = TRUE;

  while (p < end)
    {
      gsize length;
      gunichar c = char_at (p, end, &length);

      if (c == ' ' || c == '>' || c == '/' ||
          !(first ? is_html_name_start (c) : is_html_name_char (c)))
        break;

      p += length;
      first = FALSE;
    }

  return first ? start : p;
}

/* After "<!DOCTYPE": a name, an external identifier with its quoted
 * literals, then anything up to ">". */
static const guchar *
html_doctype_end (const guchar *p,
                  const guchar *end)
{
  p = skip_blanks (p, end);
  p = html_name (p, end);
  p = skip_blanks (p, end);

  if (starts_with_nocase (p, end, "SYSTEM"))
    {
      p = skip_blanks (p + 6, end);
      p = html_literal (p, end);
    }
  else if (starts_with_nocase (p, end, "PUBLIC"))
    {
      p = skip_blanks (p + 6, end);
      p = html_literal (p, end);
      p = skip_blanks (p, end);
      p = html_literal (p, end);
    }

  p = find_byte (p, end, '>');
  return p < end ? p + 1 : end;
}

/* htmlParseHTMLName() at @p, which starts a name: past it, at most
 * HTML_NAME_MAX characters on. */
static const guchar *
html_tag_name (const guchar *p,
               const guchar *end)
{
  const guchar *limit = end - p > HTML_NAME_MAX ? p + HTML_NAME_MAX : end;

  p++;
  while (p < limit && is_html_tag_name_char (*p))
    p++;

  return p;
}

/* The end of the script or style whose content starts at @p: the first
 * "</" followed by its name, whatever comes after the name. */
static const guchar *
html_raw_text_end (const guchar *p,
                   const guchar *end,
                   const char   *name)
{
  for (;;)
    {
      const guchar *open = find_byte (p, end, '<');

      if (open + 1 >= end)
        return end;
      if (open[1] == '/' && starts_with_nocase (open + 2, end, name))
        return open;

      p = open + 1;
    }
}

/* The start tag whose name starts at @p (after "<"): its attributes are
 * counted as htmlParseStartTag() reads them, and a script or a style is
 * read to its end tag.  Returns where the scan goes on, or NULL when the
 * page is refused. */
static const guchar *
html_start_tag (Scan         *scan,
                const guchar *p)
{
  const guchar *end = scan->end;
  const guchar *name = p;
  const char *raw = NULL;
  guint n_attributes = 0;
  gsize name_length;

  p = html_tag_name (p, end);
  name_length = p - name;

  if (name_length == 6 && g_ascii_strncasecmp ((const char *) name, "script", 6) == 0)
    raw = "script";
  else if (name_length == 5 && g_ascii_strncasecmp ((const char *) name, "style", 5) == 0)
    raw = "style";
  else if (starts_with_nocase (name, end, "script") || starts_with_nocase (name, end, "style"))
    scan->raw_prefixed++;

  p = skip_blanks (p, end);
  while (p < end && *p != '>' && !(*p == '/' && p + 1 < end && p[1] == '>'))
    {
      if (is_html_tag_name_start (*p))
        {
          p = html_tag_name (p, end);
          if (!count_attributes (scan, ++n_attributes))
            return NULL;

          p = skip_blanks (p, end);
          if (p < end && *p == '=')
            {
              p = skip_blanks (p + 1, end);
              if (p < end && (*p == '"' || *p == '\''))
                {
                  p = html_literal (p, end);
                }
              else
                {
                  while (p < end && !is_blank (*p) && *p != '>')
                    p++;
                }
            }
        }
      else
        {
          /* Not a name: libxml2 drops up to a blank or the end of the tag,
           * quotes or not. */
          while (p < end && !is_blank (*p) && *p != '>' &&
                 !(*p == '/' && p + 1 < end && p[1] == '>'))
            p++;
        }

      p = skip_blanks (p, end);
    }

  if (p >= end)
    return end;
  if (*p == '/')
    return p + 2;

  p++;
  if (raw == NULL)
    return p;

  /* The content is text up to the end tag that starts with the name.
   * Should that end tag not be the element's own ("</script-loader>"),
   * libxml2 reads on in the script, unless an element so named is open,
   * which only its own element stack knows: such a page is refused
   * rather than read in a way the scan cannot follow. */
  for (;;)
    {
      const guchar *close = html_raw_text_end (p, end, raw);
      const guchar *after;

      if (close >= end)
        return end;

      after = html_tag_name (close + 2, end);
      if ((gsize) (after - close - 2) == strlen (raw))
        return close;

      if (scan->raw_prefixed > 0)
        {
          g_set_error (scan->error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                       /* Translators: %s is a file name */
                       _("“%s” has a script or a style whose end Gloss cannot tell for sure, which it does not open"),
                       scan->label);
          return NULL;
        }

      /* libxml2 drops that end tag, up to its ">", and reads on. */
      p = find_byte (after, end, '>');
    }
}

static gboolean
scan_html (Scan         *scan,
           const guchar *p)
{
  const guchar *end = scan->end;
  /* Only blanks, comments and processing instructions so far, and then
   * the document type: libxml2 reads those before the content. */
  gboolean prolog = TRUE;
  gboolean doctype_seen = FALSE;

  while (p < end)
    {
      const guchar *open = find_byte (p, end, '<');

      for (; prolog && p < open; p++)
        prolog = is_blank (*p);
      p = open;
      if (p + 1 >= end)
        break;

      if (p[1] == '/')
        {
          /* An end tag with a name runs to the next ">", quotes or not;
           * anything else is text. */
          if (p + 2 < end && is_html_tag_name_start (p[2]))
            {
              p = find_byte (p + 2, end, '>');
              if (p < end)
                p++;
            }
          else
            {
              p += 2;
            }
        }
      else if (starts_with (p, end, "<!--"))
        {
          p = html_comment_end (p + 4, end);
        }
      else if (starts_with_nocase (p, end, "<!DOCTYPE"))
        {
          gboolean in_content = !prolog || doctype_seen;

          p = html_doctype_end (p + 9, end);
          doctype_seen = TRUE;

          /* In the content, libxml2 reads the document type and, in the
           * same turn, a comment, a processing instruction or a start tag
           * right after it; any other "<", even of an end tag or of
           * another document type, is text. */
          if (in_content && p + 1 < end && *p == '<' && !starts_with (p, end, "<!--") &&
              p[1] != '?' && !is_ascii_letter (p[1]))
            p++;
          continue;
        }
      else if (p[1] == '?')
        {
          /* A processing instruction, to the next ">", when a name
           * follows; else text. */
          if (html_name (p + 2, end) > p + 2)
            {
              p = find_byte (p + 2, end, '>');
              if (p < end)
                p++;
            }
          else
            {
              p += 2;
            }
        }
      else if (is_ascii_letter (p[1]))
        {
          p = html_start_tag (scan, p + 1);
          if (p == NULL)
            return FALSE;
        }
      else
        {
          p++;
        }

      if (p > open && !starts_with (open, end, "<!--") && open[1] != '?')
        prolog = FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* XML, as libxml2 2.9's XML parser reads it                           */

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
xml_start_tag (Scan         *scan,
               const guchar *p,
               guint        *n_namespaces,
               gboolean     *closed)
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
          if (!count_attributes (scan, ++n_attributes))
            return NULL;
          if ((p - name == 5 && memcmp (name, "xmlns", 5) == 0) ||
              (p - name > 6 && memcmp (name, "xmlns:", 6) == 0))
            {
              if (!count_namespaces (scan, ++*n_namespaces))
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
push_scope (Scan  *scan,
            guint  n_namespaces)
{
  g_array_append_val (scan->scopes, n_namespaces);
  scan->in_scope += n_namespaces;
}

static void
pop_scope (Scan *scan)
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
xml_doctype_tag (Scan         *scan,
                 const guchar *p)
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
count_tags_within (Scan         *scan,
                   const guchar *p,
                   const guchar *limit)
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
xml_doctype (Scan         *scan,
             const guchar *p)
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
static gboolean
scan_xml (Scan         *scan,
          const guchar *p,
          gboolean      content)
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

gboolean
gloss_markup_prescan (GlossMarkupSyntax   syntax,
                      const char         *label,
                      const char         *data,
                      gsize               n_bytes,
                      guint               in_scope,
                      GError            **error)
{
  Scan scan = { 0 };
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
      ok = scan_html (&scan, (const guchar *) data);
      break;

    case GLOSS_MARKUP_XML_CONTENT:
      ok = scan_xml (&scan, (const guchar *) data, TRUE);
      break;

    case GLOSS_MARKUP_XML:
    default:
      ok = scan_xml (&scan, (const guchar *) data, FALSE);
      break;
    }

  g_array_unref (scan.scopes);

  return ok;
}
