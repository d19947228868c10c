/* gloss-markup-scan-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "gloss-markup.h"

G_BEGIN_DECLS

/* For gloss-markup-scan.c (the entry point and the limits) and its two
 * syntaxes, gloss-markup-scan-html.c and gloss-markup-scan-xml.c. */

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
} GlossMarkupScan;

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
static inline gunichar
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

static inline gboolean
starts_with (const guchar *p,
             const guchar *end,
             const char   *prefix)
{
  gsize n = strlen (prefix);

  return (gsize) (end - p) >= n && memcmp (p, prefix, n) == 0;
}

static inline gboolean
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

/* FALSE, with the error set, past the limits of gloss-markup.h. */
gboolean _gloss_markup_scan_count_attributes (GlossMarkupScan    *scan,
                                              guint               n_attributes);
gboolean _gloss_markup_scan_count_namespaces (GlossMarkupScan    *scan,
                                              guint               n_namespaces);

/* Scan from @p to scan->end; FALSE with the error set when a limit is
 * passed.  XML: @content is TRUE for a fragment of content, without a
 * prolog. */
gboolean _gloss_markup_scan_html             (GlossMarkupScan    *scan,
                                              const guchar       *p);
gboolean _gloss_markup_scan_xml              (GlossMarkupScan    *scan,
                                              const guchar       *p,
                                              gboolean            content);

G_END_DECLS
