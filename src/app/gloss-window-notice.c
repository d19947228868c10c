/* gloss-window-notice.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-window-private.h"

/* The window's notices: short-lived messages over the text (a result, a
 * hint), where the banner above keeps what needs a decision. */

void
_gloss_window_init_notice (GlossWindow *self)
{
  self->notice = GLOSS_NOTICE (gloss_notice_new ());
  gtk_overlay_add_overlay (self->text_overlay, GTK_WIDGET (self->notice));
}

void
_gloss_window_notify (GlossWindow *self,
                      const char  *message)
{
  gloss_notice_show (self->notice, message, NULL, NULL, NULL);
}

const char *
gloss_window_get_notice_text (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);
  return gloss_notice_get_message (self->notice);
}

void
gloss_window_set_notice_timeout (GlossWindow *self,
                                 guint        milliseconds)
{
  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (milliseconds > 0);

  gloss_notice_set_timeout (self->notice, milliseconds);
}
