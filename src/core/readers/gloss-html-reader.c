/* gloss-html-reader.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-html"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-html-reader-private.h"
#include "gloss-markup.h"
#include "gloss-source-private.h"

/* How much of the page the <meta> charset search reads, as browsers do. */
#define PRESCAN_SIZE 4096

/* No network, nothing printed, and the best tree libxml2 can make of a
 * broken page.  Never HTML_PARSE_HUGE: its limits stay in place.  The
 * page reaches libxml2 as UTF-8, whatever its <meta> says. */
#define HTML_OPTIONS (HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
                      HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT)

/* Labels the WHATWG encoding standard gives UTF-8 and windows-1252.  A
 * page can only declare UTF-16 in a <meta> if it is ASCII-compatible,
 * which UTF-16 is not, so browsers read that as UTF-8 too. */
static const char * const utf8_labels[] = {
  "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8",
  "csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "unicodefffe",
  "utf-16", "utf-16be", "utf-16le",
};

static const char * const windows_1252_labels[] = {
  "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1",
  "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1",
  "us-ascii", "windows-1252", "x-cp1252",
};

/* Other encodings a page may declare, all ASCII-compatible (the <meta>
 * was found by reading ASCII), when libxml2 can convert them. */
static const char * const legacy_encodings[] = {
  "big5", "euc-jp", "euc-kr", "gb18030", "gb2312", "gbk", "ibm866",
  "iso-8859-10", "iso-8859-13", "iso-8859-14", "iso-8859-15", "iso-8859-16",
  "iso-8859-2", "iso-8859-3", "iso-8859-4", "iso-8859-5", "iso-8859-6", "iso-8859-7",
  "iso-8859-8", "iso-8859-9", "koi8-r", "koi8-u", "macintosh", "shift_jis", "sjis",
  "windows-1250", "windows-1251", "windows-1253", "windows-1254", "windows-1255",
  "windows-1256", "windows-1257", "windows-1258", "windows-874", "x-mac-cyrillic",
};

static gboolean
in_list (const char        *name,
         const char * const *list,
         gsize               n)
{
  for (gsize i = 0; i < n; i++)
    {
      if (strcmp (name, list[i]) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The name Gloss reads a declared encoding by, or NULL when it cannot. */
static char *
canonical_encoding (const char *label)
{
  g_autofree char *name = g_strstrip (g_ascii_strdown (label, -1));
  xmlCharEncodingHandlerPtr handler;

  if (in_list (name, utf8_labels, G_N_ELEMENTS (utf8_labels)))
    return g_strdup ("UTF-8");

  if (in_list (name, windows_1252_labels, G_N_ELEMENTS (windows_1252_labels)))
    return g_strdup ("windows-1252");

  if (!in_list (name, legacy_encodings, G_N_ELEMENTS (legacy_encodings)))
    return NULL;

  handler = xmlFindCharEncodingHandler (name);
  if (handler == NULL)
    return NULL;
  xmlCharEncCloseFunc (handler);

  return g_steal_pointer (&name);
}

static inline gboolean
is_html_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static gboolean
starts_with_nocase (const char *p,
                    const char *end,
                    const char *prefix)
{
  gsize n = strlen (prefix);

  return (gsize) (end - p) >= n && g_ascii_strncasecmp (p, prefix, n) == 0;
}

/* Reads one attribute of a tag at *@p, as the WHATWG prescan does; FALSE
 * at the end of the tag.  @name and @value are set to new strings. */
static gboolean
next_attribute (const char **p,
                const char  *end,
                char       **name,
                char       **value)
{
  const char *s = *p;
  const char *start;

  while (s < end && (is_html_space (*s) || *s == '/'))
    s++;
  if (s >= end || *s == '>')
    {
      *p = s;
      return FALSE;
    }

  start = s;
  while (s < end && !is_html_space (*s) && *s != '=' && *s != '>' && (*s != '/' || s == start))
    s++;
  *name = g_ascii_strdown (start, s - start);

  while (s < end && is_html_space (*s))
    s++;
  if (s >= end || *s != '=')
    {
      *value = g_strdup ("");
      *p = s;
      return TRUE;
    }

  s++;
  while (s < end && is_html_space (*s))
    s++;

  if (s < end && (*s == '"' || *s == '\''))
    {
      char quote = *s++;

      start = s;
      while (s < end && *s != quote)
        s++;
      *value = g_strndup (start, s - start);
      if (s < end)
        s++;
    }
  else
    {
      start = s;
      while (s < end && !is_html_space (*s) && *s != '>')
        s++;
      *value = g_strndup (start, s - start);
    }

  *p = s;
  return TRUE;
}

/* The charset=... of a Content-Type value, or NULL. */
static char *
charset_of_content (const char *content)
{
  const char *end = content + strlen (content);

  for (const char *p = content; p < end; p++)
    {
      const char *start;

      if (!starts_with_nocase (p, end, "charset"))
        continue;

      p += strlen ("charset");
      while (p < end && is_html_space (*p))
        p++;
      if (p >= end || *p != '=')
        continue;
      p++;
      while (p < end && is_html_space (*p))
        p++;

      if (p < end && (*p == '"' || *p == '\''))
        {
          char quote = *p++;

          start = p;
          while (p < end && *p != quote)
            p++;
          if (p >= end)
            return NULL;
        }
      else
        {
          start = p;
          while (p < end && !is_html_space (*p) && *p != ';')
            p++;
        }

      return p > start ? g_strndup (start, p - start) : NULL;
    }

  return NULL;
}

/* The charset a <meta> at *@p declares, or NULL; leaves *@p after it. */
static char *
meta_charset (const char **p,
              const char  *end)
{
  g_autofree char *charset = NULL;
  gboolean got_pragma = FALSE;
  gboolean need_pragma = FALSE;
  char *name = NULL;
  char *value = NULL;

  while (next_attribute (p, end, &name, &value))
    {
      if (strcmp (name, "http-equiv") == 0 && g_ascii_strcasecmp (value, "content-type") == 0)
        {
          got_pragma = TRUE;
        }
      else if (strcmp (name, "content") == 0 && charset == NULL)
        {
          charset = charset_of_content (value);
          need_pragma = charset != NULL;
        }
      else if (strcmp (name, "charset") == 0 && value[0] != '\0')
        {
          g_free (charset);
          charset = g_strdup (value);
          need_pragma = FALSE;
        }

      g_clear_pointer (&name, g_free);
      g_clear_pointer (&value, g_free);
    }

  if (charset != NULL && (!need_pragma || got_pragma))
    return g_steal_pointer (&charset);

  return NULL;
}

/* A bounded byte scan for the first <meta> that declares a charset,
 * skipping comments and stepping over other tags. */
static char *
prescan (const char *data,
         gsize       n_bytes)
{
  const char *end = data + MIN (n_bytes, PRESCAN_SIZE);
  const char *p = data;

  while (p < end)
    {
      if (*p != '<')
        {
          p++;
          continue;
        }

      if (starts_with_nocase (p, end, "<!--"))
        {
          const char *close = g_strstr_len (p + 4, end - p - 4, "-->");

          if (close == NULL)
            return NULL;
          p = close + 3;
        }
      else if (starts_with_nocase (p, end, "<meta") && p + 5 < end &&
               (is_html_space (p[5]) || p[5] == '/'))
        {
          char *charset;

          p += 5;
          charset = meta_charset (&p, end);
          if (charset != NULL)
            return charset;
        }
      else
        {
          const char *close = memchr (p + 1, '>', end - p - 1);

          if (close == NULL)
            return NULL;
          p = close + 1;
        }
    }

  return NULL;
}

char *
gloss_html_reader_detect_encoding (const char  *data,
                                   gsize        n_bytes,
                                   gsize       *bom_length,
                                   char       **unknown)
{
  g_autofree char *declared = NULL;
  gsize bom = 0;
  char *encoding = NULL;

  g_return_val_if_fail (data != NULL || n_bytes == 0, NULL);

  if (n_bytes >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      bom = 3;
      encoding = g_strdup ("UTF-8");
    }
  else if (n_bytes >= 2 && memcmp (data, "\xff\xfe", 2) == 0)
    {
      bom = 2;
      encoding = g_strdup ("UTF-16LE");
    }
  else if (n_bytes >= 2 && memcmp (data, "\xfe\xff", 2) == 0)
    {
      bom = 2;
      encoding = g_strdup ("UTF-16BE");
    }

  if (encoding == NULL && (declared = prescan (data, n_bytes)) != NULL)
    {
      encoding = canonical_encoding (declared);
      /* It goes into a message: valid UTF-8, and not a page long. */
      if (encoding == NULL && unknown != NULL)
        *unknown = g_utf8_make_valid (declared, MIN (strlen (declared), 64));
    }

  if (encoding == NULL)
    encoding = g_strdup (g_utf8_validate_len (data, n_bytes, NULL) ? "UTF-8" : "windows-1252");

  if (bom_length != NULL)
    *bom_length = bom;

  return encoding;
}

/* TRUE when @data has a tag starting with @tag ("<html", "</html"). */
static gboolean
has_tag (const char *data,
         gsize       n_bytes,
         const char *tag)
{
  const char *end = data + n_bytes;
  gsize n = strlen (tag);

  for (const char *p = memchr (data, '<', n_bytes);
       p != NULL;
       p = p + 1 < end ? memchr (p + 1, '<', end - p - 1) : NULL)
    {
      if (starts_with_nocase (p, end, tag) && (p + n == end || !g_ascii_isalnum (p[n])))
        return TRUE;
    }

  return FALSE;
}

static const char *
media_type_for (GFile *file)
{
  g_autofree char *basename = file != NULL ? g_file_get_basename (file) : NULL;
  g_autofree char *lower = basename != NULL ? g_ascii_strdown (basename, -1) : NULL;

  if (lower != NULL && g_str_has_suffix (lower, ".xhtml"))
    return "application/xhtml+xml";

  return "text/html";
}

static xmlDoc *
parse (const char       *label,
       const char       *bytes,
       gsize             length,
       GlossMarkupGuard *guard)
{
  htmlParserCtxtPtr ctxt;
  xmlDoc *doc;

  ctxt = htmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("%s: out of memory", G_STRFUNC);

  htmlCtxtUseOptions (ctxt, HTML_OPTIONS);
  /* libxml2 keeps a short text inside its node (HTML_PARSE_COMPACT) only
   * when told it may use its dictionary, which the HTML parser turns off.
   * Turning it on changes nothing else for HTML: the tree builder copies
   * every name all the same, and looks no text of a page up. */
  ctxt->dictNames = 1;
  doc = gloss_markup_parse (ctxt, label, bytes, length, _gloss_html_keeps_attribute, guard);

  htmlFreeParserCtxt (ctxt);

  return doc;
}

/**
 * gloss_html_reader_read:
 * @file: (nullable): the file @data was read from
 * @display_name: (nullable): names the page in messages
 * @data: the bytes of the page
 * @n_bytes: how many
 * @max_size: the largest size accepted, in bytes; 0 for the default
 * @error: return location for an error
 *
 * See gloss-html-reader.h.
 *
 * Returns: (transfer full) (nullable): the article, or %NULL with @error set
 */
GlossSource *
gloss_html_reader_read (GFile       *file,
                        const char  *display_name,
                        const char  *data,
                        gsize        n_bytes,
                        gsize        max_size,
                        GError     **error)
{
  g_autofree char *label = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *unknown = NULL;
  g_autofree char *decoded = NULL;
  g_autoptr(GHashTable) metadata = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  GlossMarkupGuard guard;
  GlossSourceMap *map = NULL;
  GArray *blocks = NULL;
  GArray *spans = NULL;
  const char *bytes;
  gboolean utf16;
  gboolean undecodable = FALSE;
  gsize length;
  gsize bom = 0;
  xmlDoc *doc;
  char *text;

  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);
  g_return_val_if_fail (data != NULL || n_bytes == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  label = gloss_markup_dup_label (file, display_name);

  if (!gloss_markup_check_size (label, n_bytes, max_size, error))
    return NULL;

  encoding = gloss_html_reader_detect_encoding (data, n_bytes, &bom, &unknown);
  bytes = data != NULL ? data + bom : "";
  length = n_bytes - bom;
  utf16 = g_str_has_prefix (encoding, "UTF-16");

  if (!utf16 && length > 0 && memchr (bytes, '\0', length) != NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_TEXT,
                   /* Translators: %s is a file name */
                   _("“%s” is not a web page: it contains NUL bytes"), label);
      return NULL;
    }

  /* libxml2 is given UTF-8 only, so that it never holds a converted copy
   * of the whole page beside the page, and reads the same bytes as the
   * checks below.  The two encodings Gloss picks itself are decoded as
   * browsers decode them, where a converter would stop at the first byte
   * it refuses: undefined windows-1252 bytes become C1 controls, broken
   * UTF-8 becomes U+FFFD. */
  if (strcmp (encoding, "windows-1252") == 0)
    {
      decoded = _gloss_source_decode_windows_1252 (bytes, length, &length);
      bytes = decoded;
    }
  else if (strcmp (encoding, "UTF-8") == 0)
    {
      if (!g_utf8_validate_len (bytes, length, NULL))
        {
          decoded = g_utf8_make_valid (bytes, length);
          length = strlen (decoded);
          bytes = decoded;
        }
    }
  else
    {
      decoded = gloss_markup_decode (bytes, length, encoding, &length, &undecodable);
      if (decoded == NULL)
        {
          decoded = g_strdup ("");
          length = 0;
          undecodable = TRUE;
        }
      bytes = decoded;
    }

  if (!gloss_markup_prescan (GLOSS_MARKUP_HTML, label, bytes, length, 0, error))
    return NULL;

  doc = parse (label, bytes, length, &guard);

  if (guard.error != NULL || guard.too_deep)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      if (guard.error != NULL)
        g_propagate_error (error, g_steal_pointer (&guard.error));
      else
        gloss_markup_set_too_deep (error, label);
      return NULL;
    }

  if (unknown != NULL)
    g_ptr_array_add (warnings,
                     /* Translators: the first %s is a file name, the second
                      * what it says its encoding is, the third an encoding */
                     g_strdup_printf (_("“%s” declares the encoding “%s”, which Gloss does not know; it was read as %s"),
                                      label, unknown, encoding));
  if (undecodable || guard.encoding_failed)
    g_ptr_array_add (warnings,
                     /* Translators: the first %s is a file name, the second
                      * an encoding such as “koi8-r” */
                     g_strdup_printf (_("Part of “%s” could not be decoded as %s; Gloss shows the text it could read"),
                                      label, encoding));
  /* A page cut short ends inside a tag, a comment or an attribute, which
   * libxml2 reports, or in the middle of its text, which only the missing
   * </html> gives away. */
  if (guard.error_at_end ||
      (has_tag (bytes, length, "<html") && !has_tag (bytes, length, "</html")))
    g_ptr_array_add (warnings,
                     /* Translators: %s is a file name */
                     g_strdup_printf (_("“%s” seems to be cut short; Gloss shows the text it could read"),
                                      label));

  /* The tree holds copies of all it needs: the page in UTF-8 is gone
   * before the text is built beside the tree, which keeps the peak down. */
  g_clear_pointer (&decoded, g_free);

  metadata = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (doc != NULL && xmlDocGetRootElement (doc) != NULL)
    {
      text = _gloss_html_extract (doc, label, length, metadata, &blocks, &spans, &map, error);
    }
  else
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_TEXT,
                   /* Translators: %s is a file name */
                   _("“%s” has no article text, only navigation, scripts or other parts of a page"),
                   label);
      text = NULL;
    }

  /* Gone before the source is made, which keeps the peak memory down. */
  g_clear_pointer (&doc, xmlFreeDoc);

  if (text == NULL)
    return NULL;

  return gloss_markup_new_source (file, media_type_for (file), encoding, GLOSS_HTML_READER_ID,
                                  data, n_bytes, text, blocks,
                                  g_steal_pointer (&metadata), map, spans, warnings);
}
