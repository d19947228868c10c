/* gloss-notice.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_NOTICE (gloss_notice_get_type ())

G_DECLARE_FINAL_TYPE (GlossNotice, gloss_notice, GLOSS, NOTICE, GtkWidget)

/* A short-lived message over the text, as a toast: a line of text, a
 * button when there is something to do about it (Undo), and a close
 * button.  It goes by itself after its timeout, twice as long when it has
 * a button, and waits while the pointer is over it.  One notice shows at
 * a time: a new one replaces the one showing. */
GtkWidget  *gloss_notice_new         (void);

/* Shows @message; with @button_label, a button that activates
 * @action_name (with @target, may be NULL) then dismisses the notice. */
void        gloss_notice_show        (GlossNotice *self,
                                      const char  *message,
                                      const char  *button_label,
                                      const char  *action_name,
                                      GVariant    *target);
void        gloss_notice_dismiss     (GlossNotice *self);
/* The message shown, or NULL when the notice is hidden. */
const char *gloss_notice_get_message (GlossNotice *self);

/* How long, in milliseconds, a notice without a button shows (4000). */
void        gloss_notice_set_timeout (GlossNotice *self,
                                      guint        timeout);
guint       gloss_notice_get_timeout (GlossNotice *self);

G_END_DECLS
