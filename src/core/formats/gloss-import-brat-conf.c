/* gloss-import-brat-conf.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The configuration files a brat import finds where brat would (the
 * .ann's folder or the nearest parent that has one), and the colours and
 * labels of visual.conf it gives the new tags. */

#define G_LOG_DOMAIN "gloss-import"

#include "config.h"

#include <string.h>

#include "gloss-file-io.h"
#include "gloss-import-brat-private.h"

/* The largest configuration file read; brat's own are a few
 * kilobytes. */
#define CONF_MAX_SIZE (1024 * 1024)

/* The text of the nearest @name in the folder of @ann or in its parents,
 * where brat looks for its configuration; NULL in @contents when there is
 * none, or when it is a link to a file outside its folder (then named in
 * @outside), whose text is not to be copied into annotation files, or
 * when it is not UTF-8.  FALSE when one is there but cannot be read (not
 * a regular file, too large). */
gboolean
_gloss_brat_find_conf (GFile         *ann,
                       const char    *name,
                       GCancellable  *cancellable,
                       char         **contents,
                       char         **outside,
                       GError       **error)
{
  g_autoptr(GFile) dir = g_file_get_parent (ann);

  *contents = NULL;
  *outside = NULL;

  for (guint depth = 0; dir != NULL && depth < 8; depth++)
    {
      g_autoptr(GFile) conf = g_file_get_child (dir, name);
      g_autoptr(GError) local_error = NULL;
      GFile *parent;

      if (g_file_query_exists (conf, cancellable) && !_gloss_import_lies_inside (dir, conf))
        {
          *outside = g_file_get_parse_name (conf);
          return TRUE;
        }
      if (gloss_file_read_regular (conf, CONF_MAX_SIZE, cancellable, contents, NULL,
                                   &local_error))
        break;
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      parent = g_file_get_parent (dir);
      g_object_unref (dir);
      dir = parent;
    }

  /* brat reads its configuration as UTF-8 and falls back to its defaults
   * when it cannot: so does Gloss. */
  if (*contents != NULL && !g_utf8_validate (*contents, -1, NULL))
    g_clear_pointer (contents, g_free);

  return TRUE;
}

/* Reads the colours ([drawing] TYPE bgColor:#rrggbb) and labels ([labels]
 * TYPE | LABEL) of the types in @contents, a visual.conf. */
void
_gloss_brat_read_visual_conf (const char *contents,
                              GHashTable *colors,
                              GHashTable *labels)
{
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  const char *section = "";

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (line[0] == '#' || line[0] == '\0')
        continue;
      if (line[0] == '[')
        {
          section = line;
          continue;
        }

      if (strcmp (section, "[labels]") == 0)
        {
          g_auto(GStrv) forms = g_strsplit (line, "|", -1);

          if (forms[0] != NULL && forms[1] != NULL)
            g_hash_table_replace (labels, g_strdup (g_strstrip (forms[0])),
                                  g_strdup (g_strstrip (forms[1])));
        }
      else if (strcmp (section, "[drawing]") == 0)
        {
          char *color = strstr (line, "bgColor:#");
          char *end = line;

          while (*end != '\0' && *end != ' ' && *end != '\t')
            end++;
          if (color != NULL && end > line && strlen (color + 8) >= 7 &&
              g_ascii_isxdigit (color[9]))
            {
              g_autofree char *type = g_strndup (line, end - line);
              g_autofree char *hex = g_ascii_strdown (color + 8, 7);

              if (gloss_tag_color_is_valid (hex))
                g_hash_table_replace (colors, g_steal_pointer (&type), g_steal_pointer (&hex));
            }
        }
    }
}
