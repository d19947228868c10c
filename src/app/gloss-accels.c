/* gloss-accels.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-accels"

#include "config.h"

#include "gloss-accels.h"

#define APP GLOSS_ACCEL_APPLICATION
#define TEXT GLOSS_ACCEL_TEXT

static const GlossAccel accels[] = {
  { "app.quit", { "<Control>q" }, APP },
  { "app.new-window", { "<Control>n" }, APP },
  { "win.open", { "<Control>o" }, APP },
  { "win.close", { "<Control>w" }, APP },
  { "win.undo", { "<Control>z" }, APP },
  { "win.redo", { "<Control><Shift>z", "<Control>y" }, APP },
  { "win.find", { "<Control>f" }, APP },
  { "win.select-sentence", { "<Control><Alt>s" }, APP },
  { "win.select-paragraph", { "<Control><Alt>p" }, APP },
  { "win.find-next", { "<Control>g", "F3" }, APP },
  { "win.find-previous", { "<Control><Shift>g", "<Shift>F3" }, APP },
  { "win.toggle-sidebar", { "F9" }, APP },
  { "win.zoom-in", { "<Control>plus", "<Control>equal" }, APP },
  { "win.zoom-out", { "<Control>minus" }, APP },
  { "win.zoom-reset", { "<Control>0" }, APP },
  { "win.tag-popover", { "<Control>t", "Menu" }, APP },
  { "win.edit-note", { "<Control>e" }, APP },
  { "win.edit-attributes", { "<Control>i" }, APP },
  { "win.copy-to-own", { "<Control><Shift>c" }, APP },
  { "win.preferences", { "<Control>comma" }, APP },
  { "win.export", { "<Control><Shift>e" }, APP },
  { "win.import", { "<Control><Shift>o" }, APP },
  { "win.review", { "<Control>r" }, APP },
  { "win.review-next", { "<Alt>Down" }, APP },
  { "win.review-previous", { "<Alt>Up" }, APP },
  { "win.review-accept-agreements", { "<Control><Shift>a" }, APP },
  { "win.next-article", { "<Alt>Page_Down" }, APP },
  { "win.previous-article", { "<Alt>Page_Up" }, APP },
  { "win.mark-done", { "<Control>d" }, APP },
  { "win.toggle-corpus", { "F8" }, APP },
  { "win.concordance", { "<Control><Shift>f" }, APP },
  { "win.show-help-overlay", { "<Control>question" }, APP },
  { "win.tag-all-key(1)", { "<Alt>1" }, APP },
  { "win.tag-all-key(2)", { "<Alt>2" }, APP },
  { "win.tag-all-key(3)", { "<Alt>3" }, APP },
  { "win.tag-all-key(4)", { "<Alt>4" }, APP },
  { "win.tag-all-key(5)", { "<Alt>5" }, APP },
  { "win.tag-all-key(6)", { "<Alt>6" }, APP },
  { "win.tag-all-key(7)", { "<Alt>7" }, APP },
  { "win.tag-all-key(8)", { "<Alt>8" }, APP },
  { "win.tag-all-key(9)", { "<Alt>9" }, APP },
  { "win.tag-key(1)", { "1" }, TEXT },
  { "win.tag-key(2)", { "2" }, TEXT },
  { "win.tag-key(3)", { "3" }, TEXT },
  { "win.tag-key(4)", { "4" }, TEXT },
  { "win.tag-key(5)", { "5" }, TEXT },
  { "win.tag-key(6)", { "6" }, TEXT },
  { "win.tag-key(7)", { "7" }, TEXT },
  { "win.tag-key(8)", { "8" }, TEXT },
  { "win.tag-key(9)", { "9" }, TEXT },
  { "win.delete-annotation", { "Delete" }, TEXT },
  { "win.next-annotation", { "n" }, TEXT },
  { "win.previous-annotation", { "p" }, TEXT },
  { "win.deselect", { "Escape" }, TEXT },
  { "win.link", { "l" }, TEXT },
  { "win.link-choose", { "Return" }, TEXT },
  { "win.review-accept-all", { "a" }, TEXT },
  { "win.review-reject", { "r" }, TEXT },
  { "win.review-edit", { "e" }, TEXT },
  { "win.review-accept-edit", { "Return" }, TEXT },
};

const GlossAccel *
gloss_accels_get (guint *n_accels)
{
  g_return_val_if_fail (n_accels != NULL, NULL);

  *n_accels = G_N_ELEMENTS (accels);
  return accels;
}

void
gloss_accels_install_application (GtkApplication *application)
{
  g_return_if_fail (GTK_IS_APPLICATION (application));

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    if (accels[i].scope == GLOSS_ACCEL_APPLICATION)
      gtk_application_set_accels_for_action (application, accels[i].action, accels[i].accels);
}

guint
gloss_accels_keypad_twin (guint keyval)
{
  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    return GDK_KEY_KP_0 + (keyval - GDK_KEY_0);
  if (keyval == GDK_KEY_Delete)
    return GDK_KEY_KP_Delete;
  if (keyval == GDK_KEY_Return)
    return GDK_KEY_KP_Enter;
  return 0;
}

static void
add_key (GtkShortcutController *controller,
         guint                  keyval,
         GdkModifierType        modifiers,
         const char            *action,
         GVariant              *target)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                            gtk_named_action_new (action));

  if (target != NULL)
    gtk_shortcut_set_arguments (shortcut, target);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

GtkEventController *
gloss_accels_new_text_controller (void)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    {
      g_autofree char *action = NULL;
      g_autoptr(GVariant) target = NULL;
      g_autoptr(GError) error = NULL;

      if (accels[i].scope != GLOSS_ACCEL_TEXT)
        continue;

      if (!g_action_parse_detailed_name (accels[i].action, &action, &target, &error))
        g_error ("%s: %s", accels[i].action, error->message);

      for (guint j = 0; accels[i].accels[j] != NULL; j++)
        {
          GdkModifierType modifiers;
          guint keyval, twin;

          if (!gtk_accelerator_parse (accels[i].accels[j], &keyval, &modifiers))
            g_error ("%s: not an accelerator", accels[i].accels[j]);

          add_key (GTK_SHORTCUT_CONTROLLER (controller), keyval, modifiers, action, target);
          twin = gloss_accels_keypad_twin (keyval);
          if (twin != 0)
            add_key (GTK_SHORTCUT_CONTROLLER (controller), twin, modifiers, action, target);
        }
    }

  return controller;
}
