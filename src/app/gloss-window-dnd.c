/* gloss-window-dnd.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Files dropped on the window. */

#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include "gloss-window-private.h"

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GlossWindow   *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    {
      /* A folder is a corpus, listed beside the article. */
      if (g_file_query_file_type (l->data, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
        {
          gloss_window_open_folder (self, l->data);
          continue;
        }
      /* The first file goes in this window if it is empty. */
      if (l == files && _gloss_window_is_empty (self))
        gloss_window_open (self, l->data);
      else
        gloss_application_open_file (GLOSS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                                     l->data);
    }

  return TRUE;
}

void
_gloss_window_init_dnd (GlossWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
