/* gloss-cli-formats.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The formats of the registry (gloss-format.h) as export and import name
 * them: the list in their help, the --format option, and the refusal of
 * an option the format given does not take. */

#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-cli-formats.h"

static char *
dup_ids (GlossFormatDirection direction,
         GlossFormatOptions   option,
         gboolean             with_or)
{
  g_autoptr(GPtrArray) formats = gloss_format_list (direction);
  g_autoptr(GString) ids = g_string_new (NULL);
  const char *last = NULL;

  for (guint i = 0; i < formats->len; i++)
    {
      const GlossFormat *format = g_ptr_array_index (formats, i);

      if ((gloss_format_get_options (format, direction) & option) != option)
        continue;
      if (last != NULL)
        g_string_append_printf (ids, "%s%s", ids->len > 0 ? ", " : "", last);
      last = gloss_format_get_id (format);
    }

  if (last == NULL)
    return g_string_free (g_steal_pointer (&ids), FALSE);
  if (ids->len == 0)
    return g_strdup (last);
  if (with_or)
    /* Translators: the end of a list of formats, as in “csv, doccano or labelstudio” */
    return g_strdup_printf (_("%s or %s"), ids->str, last);
  return g_strdup_printf ("%s, %s", ids->str, last);
}

char *
gloss_cli_dup_format_ids (GlossFormatDirection direction,
                          GlossFormatOptions   option)
{
  return dup_ids (direction, option, TRUE);
}

gboolean
gloss_cli_format_takes (const GlossFormat    *format,
                        GlossFormatDirection  direction,
                        GlossFormatOptions    option)
{
  return (gloss_format_get_options (format, direction) & option) != 0;
}

char *
gloss_cli_format_help (GlossFormatDirection        direction,
                       const GlossCliFormatOption *options,
                       const char                 *text)
{
  g_autoptr(GPtrArray) formats = gloss_format_list (direction);
  GString *help = g_string_new (_("Formats:"));
  int width = 0;

  for (guint i = 0; i < formats->len; i++)
    width = MAX (width, (int)strlen (gloss_format_get_id (g_ptr_array_index (formats, i))));

  for (guint i = 0; i < formats->len; i++)
    {
      const GlossFormat *format = g_ptr_array_index (formats, i);
      GlossFormatOptions taken = gloss_format_get_options (format, direction);

      g_string_append_printf (help, "\n  %-*s  %s", width, gloss_format_get_id (format),
                              gloss_format_get_description (format, direction));
      if ((taken & GLOSS_FORMAT_OFFSET_UNIT) != 0)
        g_string_append_printf (help, "\n  %-*s  %s", width, "",
                                gloss_format_get_default_offset_unit (format) == GLOSS_OFFSETS_CODEPOINTS
                                ? _("Takes --offsets, codepoints by default.")
                                : _("Takes --offsets, utf16 by default."));
      for (guint j = 0; options[j].option != 0; j++)
        if ((taken & options[j].option) != 0)
          g_string_append_printf (help, "\n  %-*s  %s", width, "", _(options[j].help));
    }

  g_string_append_printf (help, "\n\n%s", text);
  return g_string_free (help, FALSE);
}

const GlossFormat *
gloss_cli_parse_format (const char           *command,
                        const char           *name,
                        GlossFormatDirection  direction)
{
  g_autofree char *ids = dup_ids (direction, 0, FALSE);
  const GlossFormat *format;

  if (name == NULL)
    {
      gloss_cli_usage_error (command, _("--format is required (%s)"), ids);
      return NULL;
    }

  format = gloss_format_lookup (name);
  if (format == NULL || !gloss_format_can (format, direction))
    {
      /* Translators: what the user gave, then the list of formats */
      gloss_cli_usage_error (command, _("unknown format “%s”; use one of %s"), name, ids);
      return NULL;
    }

  return format;
}

gboolean
gloss_cli_parse_offsets (const char           *command,
                         const GlossFormat    *format,
                         GlossFormatDirection  direction,
                         const char           *offsets,
                         GlossOffsetUnit      *unit)
{
  *unit = gloss_format_get_default_offset_unit (format);
  if (offsets == NULL)
    return TRUE;

  if (!gloss_cli_format_takes (format, direction, GLOSS_FORMAT_OFFSET_UNIT))
    {
      g_autofree char *ids = gloss_cli_dup_format_ids (direction, GLOSS_FORMAT_OFFSET_UNIT);

      /* Translators: the formats that take it, as in “doccano or labelstudio” */
      gloss_cli_usage_error (command, _("--offsets goes with --format %s"), ids);
      return FALSE;
    }
  if (strcmp (offsets, "utf16") != 0 && strcmp (offsets, "codepoints") != 0)
    {
      gloss_cli_usage_error (command, _("--offsets is utf16 or codepoints"));
      return FALSE;
    }

  *unit = strcmp (offsets, "codepoints") == 0 ? GLOSS_OFFSETS_CODEPOINTS : GLOSS_OFFSETS_UTF16;
  return TRUE;
}
