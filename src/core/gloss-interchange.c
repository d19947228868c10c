/* gloss-interchange.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-interchange"

#include "config.h"

#include "gloss-interchange-private.h"

/* Tag ids are at most this long (see gloss_tag_id_is_valid). */
#define MAX_TAG_LENGTH 64

char *
_gloss_label_to_tag (const char *label)
{
  g_autofree char *ascii = NULL;
  g_autoptr(GString) tag = g_string_new (NULL);
  gboolean dash = FALSE;

  g_return_val_if_fail (label != NULL, NULL);

  ascii = g_utf8_validate (label, -1, NULL) ? g_str_to_ascii (label, "C") : g_strdup ("");
  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '_' || *p == '-')
        {
          if (dash && tag->len > 0)
            g_string_append_c (tag, '-');
          g_string_append_c (tag, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else
        {
          dash = TRUE;
        }
    }

  /* A tag id starts with a letter or a digit. */
  while (tag->len > 0 && (tag->str[0] == '-' || tag->str[0] == '_'))
    g_string_erase (tag, 0, 1);
  if (tag->len > MAX_TAG_LENGTH)
    g_string_truncate (tag, MAX_TAG_LENGTH);

  if (tag->len == 0)
    {
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, label, -1);

      g_string_printf (tag, "tag-%.8s", hash);
    }

  return g_string_free (g_steal_pointer (&tag), FALSE);
}
