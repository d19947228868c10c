/* gloss-accels.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  /* Anywhere in a window, installed as the application's accelerators. */
  GLOSS_ACCEL_APPLICATION,
  /* A single key that acts only while the text has the focus, before the
   * text view sees it, so that typing in the search entry or a note stays
   * typing.  The keypad's key of the same meaning works too. */
  GLOSS_ACCEL_TEXT,
} GlossAccelScope;

typedef struct
{
  const char      *action;      /* a detailed action name: "win.tag-key(1)" */
  const char      *accels[3];   /* NULL-terminated, as gtk_accelerator_parse reads them */
  GlossAccelScope  scope;
} GlossAccel;

/* Every keyboard shortcut of Gloss; the keyboard-shortcuts window lists
 * the same ones. */
const GlossAccel   *gloss_accels_get                  (guint          *n_accels);
/* Installs the accelerators of scope GLOSS_ACCEL_APPLICATION. */
void                gloss_accels_install_application  (GtkApplication *application);
/* A controller with the keys of scope GLOSS_ACCEL_TEXT, for the text view. */
GtkEventController *gloss_accels_new_text_controller  (void);
/* The keypad's key with the same meaning as @keyval, or 0. */
guint               gloss_accels_keypad_twin          (guint           keyval);

G_END_DECLS
