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

/* The notice no longer offers to undo: the window stops following the
 * layer its Undo would undo. */
static void
forget_undo (GlossWindow *self)
{
  /* By its id: the window follows the same layer elsewhere (review). */
  if (self->notice_layer != NULL)
    g_clear_signal_handler (&self->notice_handler, self->notice_layer);
  g_clear_object (&self->notice_layer);
}

static void
on_notice_message (GlossWindow *self)
{
  if (gloss_notice_get_message (self->notice) == NULL)
    forget_undo (self);
}

/* A notice's Undo undoes the step the notice reports, and only that one:
 * once the layer changed since (an undo, a redo, another edit), it would
 * undo something else. */
static gboolean
undo_applies (GlossWindow *self)
{
  return self->notice_layer != NULL &&
         gloss_history_get_serial (gloss_layer_get_history (self->notice_layer)) == self->notice_serial;
}

/* The layer signals a change before its history records it: any change
 * after the notice showed makes it stale, and it goes. */
static void
on_notice_layer_changed (GlossWindow *self)
{
  gloss_notice_dismiss (self->notice);
}

void
_gloss_window_notify (GlossWindow *self,
                      const char  *message)
{
  forget_undo (self);
  gloss_notice_show (self->notice, message, NULL, NULL, NULL);
}

void
_gloss_window_notify_undo (GlossWindow *self,
                           GlossLayer  *layer,
                           const char  *message)
{
  forget_undo (self);
  gloss_notice_show (self->notice, message, _("_Undo"), "win.notice-undo", NULL);
  self->notice_layer = g_object_ref (layer);
  self->notice_serial = gloss_history_get_serial (gloss_layer_get_history (layer));
  self->notice_handler = g_signal_connect_object (layer, "items-changed",
                                                  G_CALLBACK (on_notice_layer_changed), self,
                                                  G_CONNECT_SWAPPED);
}

void
_gloss_window_dismiss_notice (GlossWindow *self)
{
  gloss_notice_dismiss (self->notice);
  forget_undo (self);
}

static void
notice_undo_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GlossLayer) layer = NULL;

  if (!undo_applies (self))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  layer = g_object_ref (self->notice_layer);
  _gloss_window_dismiss_notice (self);
  gloss_layer_undo (layer);
}

void
_gloss_window_class_init_notice (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.notice-undo", NULL, notice_undo_action);
}

void
_gloss_window_init_notice (GlossWindow *self)
{
  self->notice = GLOSS_NOTICE (gloss_notice_new ());
  gtk_overlay_add_overlay (self->text_overlay, GTK_WIDGET (self->notice));
  g_signal_connect_object (self->notice, "notify::message", G_CALLBACK (on_notice_message), self,
                           G_CONNECT_SWAPPED);
}

void
_gloss_window_dispose_notice (GlossWindow *self)
{
  forget_undo (self);
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
