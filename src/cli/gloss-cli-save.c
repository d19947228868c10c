/* gloss-cli-save.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-cli-save.h"
#include "gloss-corpus-tagging.h"
#include "gloss-error.h"

/* How many times a change is made again on the file as another writer
 * left it before gloss-cli gives up. */
#define MAX_ATTEMPTS 100

GlossAnnotationFile *
gloss_cli_load_writable (GFile          *path,
                         GlossSource    *source,
                         GlossCodebook  *codebook,
                         GError        **error)
{
  return gloss_corpus_load_writable (path, source, codebook, error);
}

GlossAnnotationFile *
gloss_cli_change_and_save (const char         *input,
                           GlossCliOpenFunc    open,
                           GlossCliChangeFunc  change,
                           gpointer            user_data,
                           guint              *n_changed)
{
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autoptr(GError) error = NULL;

  /* Others may write the same file meanwhile: a teammate's window, or
   * another gloss-cli in a script.  The save refuses to replace a file
   * that changed since it was read, so the change is made again on what
   * is on disk now, until a save goes through; it never overwrites
   * anyone's work. */
  for (guint attempt = 1; ; attempt++)
    {
      g_clear_object (&file);
      *n_changed = 0;
      file = open (user_data, &error);
      if (file == NULL || !change (file, user_data, n_changed, &error))
        {
          gloss_cli_print_error (input, error);
          return NULL;
        }

      /* Nothing changed, nothing written: not even the re-anchored state
       * of an article that changed, which is the window's or validate's
       * business. */
      if (*n_changed == 0 || gloss_annotation_file_save (file, GLOSS_SAVE_NONE, NULL, &error))
        return g_steal_pointer (&file);

      if (!g_error_matches (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED_ON_DISK))
        {
          gloss_cli_print_error (input, error);
          return NULL;
        }

      if (attempt == MAX_ATTEMPTS)
        {
          g_autofree char *path = g_file_get_parse_name (gloss_annotation_file_get_file (file));

          /* Translators: the annotation file's name */
          g_printerr (_("“%s” kept changing on disk while gloss-cli tried to save it; "
                        "nothing was written"),
                      path);
          g_printerr ("\n");
          return NULL;
        }

      g_clear_error (&error);
      /* Random, so that two writers that collided do not collide again
       * in step; a little longer each time. */
      g_usleep (g_random_int_range (1, 2 + MIN (attempt, 20)) * 1000);
    }
}
