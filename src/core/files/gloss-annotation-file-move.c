/* gloss-annotation-file-move.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-annotation-file"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-annotation-file.h"
#include "gloss-error.h"

/* Giving an annotator's file to another id: an annotator who changes
 * their id keeps their work.  The file is first renamed, which never
 * replaces another file, then rewritten with the new id through the
 * usual atomic save; should the second step fail, the first is undone,
 * so that the file keeps a name and an id that agree. */

GFile *
gloss_annotation_file_move_to_annotator (GFile         *file,
                                         const char    *article_name,
                                         const char    *new_id,
                                         GCancellable  *cancellable,
                                         GError       **error)
{
  g_autoptr(GlossAnnotationFile) moved = NULL;
  g_autoptr(GFile) article = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) destination = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (article_name != NULL, NULL);
  g_return_val_if_fail (new_id != NULL, NULL);

  display = g_file_get_basename (file);
  if (!gloss_annotator_id_is_valid (new_id))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("“%s” is not a valid annotator id (use lower-case letters, digits and “-”)"),
                   new_id);
      return NULL;
    }

  parent = g_file_get_parent (file);
  article = g_file_get_child (parent, article_name);
  destination = gloss_annotation_file_path_for (article, new_id);

  /* Without OVERWRITE, GIO refuses a destination that exists. */
  if (!g_file_move (file, destination, G_FILE_COPY_NOFOLLOW_SYMLINKS, cancellable,
                    NULL, NULL, &local_error))
    {
      g_autofree char *other = g_file_get_basename (destination);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                     _("“%s” was left as it is: “%s” already exists"), display, other);
      else
        g_set_error (error, local_error->domain, local_error->code,
                     _("“%s” could not be renamed: %s"), display, local_error->message);
      return NULL;
    }

  moved = gloss_annotation_file_load (destination, GLOSS_LOAD_NONE, cancellable, &local_error);
  if (moved != NULL)
    {
      gloss_layer_set_annotator_id (gloss_annotation_file_get_layer (moved), new_id);
      if (gloss_annotation_file_save (moved, GLOSS_SAVE_NONE, cancellable, &local_error))
        return g_steal_pointer (&destination);
    }

  /* Put the file back under its name, as it was. */
  g_file_move (destination, file, G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL, NULL);
  g_set_error (error, local_error->domain, local_error->code,
               _("“%s” was left as it is: %s"), display, local_error->message);
  return NULL;
}
