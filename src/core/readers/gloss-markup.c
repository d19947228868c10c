/* gloss-markup.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-markup"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-markup.h"
#include "gloss-source-private.h"

char *
gloss_markup_decode (const char *data,
                     gsize       n_bytes,
                     const char *encoding,
                     gsize      *length,
                     gboolean   *failed)
{
  g_autoptr(GError) error = NULL;
  gsize n_read = 0;
  char *utf8;

  g_return_val_if_fail (data != NULL || n_bytes == 0, NULL);
  g_return_val_if_fail (encoding != NULL, NULL);
  g_return_val_if_fail (length != NULL && failed != NULL, NULL);

  *failed = FALSE;
  utf8 = g_convert (data != NULL ? data : "", n_bytes, "UTF-8", encoding, &n_read, length, &error);
  if (utf8 != NULL)
    return utf8;

  if (g_error_matches (error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
    return NULL;

  /* Stop where the decoder stops, as libxml2 would: the text before the
   * bytes it refused is shown, with a warning. */
  *failed = TRUE;
  g_clear_error (&error);
  utf8 = g_convert (data, n_read, "UTF-8", encoding, NULL, length, &error);
  if (utf8 == NULL)
    {
      *length = 0;
      utf8 = g_strdup ("");
    }

  return utf8;
}

gboolean
gloss_markup_is (const xmlNode *node,
                 const char    *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         strcmp ((const char *) node->name, name) == 0;
}

xmlNode *
gloss_markup_child (const xmlNode *node,
                    const char    *name)
{
  if (node == NULL)
    return NULL;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (gloss_markup_is (child, name))
        return child;
    }

  return NULL;
}

/* Entity references are written back as "&name;": following them would
 * expand what the file declared, which is how "billion laughs" works. */
static void
append_entity_reference (GString       *out,
                         const xmlNode *node)
{
  g_string_append_c (out, '&');
  g_string_append (out, (const char *) node->name);
  g_string_append_c (out, ';');
}

char *
gloss_markup_dup_attribute (const xmlNode *element,
                            const char    *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  if (element == NULL || element->type != XML_ELEMENT_NODE)
    return NULL;

  for (const xmlAttr *attribute = element->properties;
       attribute != NULL;
       attribute = attribute->next)
    {
      GString *value;

      if (g_ascii_strcasecmp ((const char *) attribute->name, name) != 0)
        continue;

      value = g_string_new (NULL);
      for (const xmlNode *child = attribute->children; child != NULL; child = child->next)
        {
          if (child->type == XML_TEXT_NODE && child->content != NULL)
            g_string_append (value, (const char *) child->content);
          else if (child->type == XML_ENTITY_REF_NODE)
            append_entity_reference (value, child);
        }

      return g_string_free (value, FALSE);
    }

  return NULL;
}

char *
gloss_markup_collapse (char *str)
{
  char *in;
  char *out;
  gboolean space = FALSE;

  if (str == NULL)
    return NULL;

  for (in = out = str; *in != '\0'; in++)
    {
      if (g_ascii_isspace (*in))
        {
          space = out > str;
          continue;
        }

      if (space)
        *out++ = ' ';
      space = FALSE;
      *out++ = *in;
    }
  *out = '\0';

  if (*str == '\0')
    {
      g_free (str);
      return NULL;
    }

  /* Metadata ends up in JSON and in the window: never hand on bytes that
   * are not UTF-8, whatever the parser let through. */
  if (!g_utf8_validate (str, -1, NULL))
    {
      char *valid = g_utf8_make_valid (str, -1);

      g_free (str);
      return valid;
    }

  return str;
}

char *
gloss_markup_dup_for_message (const char *str,
                              guint       max_chars)
{
  g_autofree char *valid = NULL;
  const char *cut;

  g_return_val_if_fail (str != NULL, NULL);

  valid = g_utf8_make_valid (str, -1);
  if ((guint) g_utf8_strlen (valid, -1) <= max_chars)
    return g_steal_pointer (&valid);

  cut = g_utf8_offset_to_pointer (valid, max_chars);
  *(char *) cut = '\0';
  return g_strconcat (valid, "…", NULL);
}

static void
collect_text (const xmlNode *node,
              GString       *out,
              gsize          max_bytes,
              gboolean       words,
              guint          depth)
{
  for (const xmlNode *child = node->children;
       child != NULL && out->len < max_bytes;
       child = child->next)
    {
      switch ((int) child->type)
        {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          if (child->content != NULL)
            g_string_append (out, (const char *) child->content);
          break;

        case XML_ENTITY_REF_NODE:
          append_entity_reference (out, child);
          break;

        case XML_ELEMENT_NODE:
          /* The parse never nests deeper than this, but a tree is a tree. */
          if (depth < GLOSS_MARKUP_MAX_DEPTH)
            collect_text (child, out, max_bytes, words, depth + 1);
          if (words)
            g_string_append_c (out, ' ');
          break;

        default:
          break;
        }
    }
}

char *
gloss_markup_dup_text (const xmlNode *node,
                       gsize          max_bytes,
                       gboolean       words)
{
  GString *out;

  if (node == NULL)
    return NULL;

  out = g_string_new (NULL);
  collect_text (node, out, max_bytes, words, 0);

  if (out->len > max_bytes)
    {
      const char *end = out->str + max_bytes;

      /* Cut on a character boundary, never inside one. */
      while (end > out->str && (((guchar) *end) & 0xc0) == 0x80)
        end--;
      g_string_truncate (out, end - out->str);
    }

  return gloss_markup_collapse (g_string_free (out, FALSE));
}

char *
gloss_markup_dup_label (GFile      *file,
                        const char *display_name)
{
  if (display_name != NULL)
    return g_strdup (display_name);

  if (file != NULL)
    return g_file_get_parse_name (file);

  return g_strdup (_("Untitled"));
}

void
gloss_markup_set_too_large (GError     **error,
                            const char  *label,
                            gsize        max_size)
{
  g_autofree char *limit = NULL;
  const gsize mib = 1024 * 1024;

  if (max_size >= mib && max_size % mib == 0)
    /* Translators: a size limit, as in “64 MiB” */
    limit = g_strdup_printf (_("%u MiB"), (guint) MIN (max_size / mib, G_MAXUINT));
  else
    limit = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
               /* Translators: the first %s is a file name, the second a size
                * such as “64 MiB” */
               _("“%s” is larger than the %s Gloss opens"), label, limit);
}

void
gloss_markup_set_too_deep (GError     **error,
                           const char  *label)
{
  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_DEEP,
               /* Translators: %s is a file name and %d a number, such as 256 */
               _("“%s” nests elements more than %d levels deep, which Gloss does not open"),
               label, GLOSS_MARKUP_MAX_DEPTH);
}

gboolean
gloss_markup_check_size (const char  *label,
                         gsize        n_bytes,
                         gsize        max_size,
                         GError     **error)
{
  if (max_size == 0)
    max_size = GLOSS_SOURCE_DEFAULT_MAX_SIZE;
  if (n_bytes > max_size || n_bytes > G_MAXINT)
    {
      gloss_markup_set_too_large (error, label, MIN (max_size, (gsize) G_MAXINT));
      return FALSE;
    }

  return TRUE;
}

GlossSource *
gloss_markup_new_source (GFile          *file,
                         const char     *media_type,
                         const char     *encoding,
                         const char     *reader,
                         const char     *data,
                         gsize           n_bytes,
                         char           *text,
                         GArray         *blocks,
                         GHashTable     *metadata,
                         GlossSourceMap *map,
                         GArray         *spans,
                         GPtrArray      *warnings)
{
  g_autofree char *sha256 = NULL;
  GlossSource *source;

  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, n_bytes);
  source = gloss_source_new_extracted (file, media_type, encoding, sha256,
                                       reader, text, blocks, metadata);
  _gloss_source_set_map (source, map);
  _gloss_source_set_spans (source, spans);
  for (guint i = 0; i < warnings->len; i++)
    _gloss_source_add_warning (source, g_strdup (g_ptr_array_index (warnings, i)));

  return source;
}
