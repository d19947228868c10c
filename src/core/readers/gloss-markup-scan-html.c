/* gloss-markup-scan-html.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-markup"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parserInternals.h>

#include "gloss-error.h"
#include "gloss-markup-scan-private.h"

/* HTML, as libxml2 2.9's HTML parser reads it. */

/* htmlParseHTMLName() keeps this many characters of a name; the rest of
 * a longer name is read as another attribute. */
#define HTML_NAME_MAX 100

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
html_start_tag (GlossMarkupScan *scan,
                const guchar    *p)
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
          if (!_gloss_markup_scan_count_attributes (scan, ++n_attributes))
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

gboolean
_gloss_markup_scan_html (GlossMarkupScan *scan,
                         const guchar    *p)
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
