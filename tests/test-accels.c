/* test-accels.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The table of keyboard shortcuts against what is installed (the
 * application's accelerators, the keys of the text view) and what the
 * keyboard-shortcuts window lists. */

#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "article-test-util.h"
#include "gloss-accels.h"

static gboolean
same_accel (const char *a,
            const char *b)
{
  guint key_a, key_b;
  GdkModifierType mods_a, mods_b;

  g_assert_true (gtk_accelerator_parse (a, &key_a, &mods_a));
  g_assert_true (gtk_accelerator_parse (b, &key_b, &mods_b));
  return key_a == key_b && mods_a == mods_b;
}

/* Whether @range, two accelerators with "..." between them as the
 * keyboard-shortcuts window writes a range (<Alt>1...<Alt>9), includes
 * @accel: the same modifiers, a key from the first to the last. */
static gboolean
range_includes (const char *range,
                const char *accel)
{
  g_auto(GStrv) ends = g_strsplit (range, "...", 2);
  guint first, last, key;
  GdkModifierType mods_first, mods_last, mods;

  g_assert_nonnull (ends[1]);
  g_assert_true (gtk_accelerator_parse (ends[0], &first, &mods_first));
  g_assert_true (gtk_accelerator_parse (ends[1], &last, &mods_last));
  g_assert_cmpuint (mods_first, ==, mods_last);
  g_assert_cmpuint (first, <, last);
  g_assert_true (gtk_accelerator_parse (accel, &key, &mods));
  return mods == mods_first && key >= first && key <= last;
}

/* Whether the space-separated accelerators of @list include @accel. */
static gboolean
lists_accel (const char *list,
             const char *accel)
{
  g_auto(GStrv) accels = g_strsplit (list != NULL ? list : "", " ", -1);

  for (guint i = 0; accels[i] != NULL; i++)
    if (*accels[i] != '\0' &&
        (strstr (accels[i], "...") != NULL ? range_includes (accels[i], accel) : same_accel (accels[i], accel)))
      return TRUE;

  return FALSE;
}

/* Whether the text view's controller has @keyval (no modifier) for
 * @detailed_action. */
static gboolean
text_view_has_key (GlossWindow *window,
                   guint        keyval,
                   const char  *detailed_action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (gloss_window_get_text_view (window)));
  g_autoptr(GtkShortcutTrigger) trigger = gtk_keyval_trigger_new (keyval, 0);
  g_autofree char *name = NULL;
  g_autoptr(GVariant) target = NULL;

  g_assert_true (g_action_parse_detailed_name (detailed_action, &name, &target, NULL));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) != GTK_PHASE_CAPTURE)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          GVariant *arguments = gtk_shortcut_get_arguments (shortcut);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), trigger) &&
              GTK_IS_NAMED_ACTION (action) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), name) &&
              (target == NULL ? arguments == NULL : arguments != NULL && g_variant_equal (arguments, target)))
            return TRUE;
        }
    }

  return FALSE;
}

/* Every shortcut of the table is installed where it belongs, and the
 * keyboard-shortcuts window lists it; the window lists no action the
 * table does not know. */
static void
test_accels (void)
{
  GlossWindow *window = gloss_window_new (test_application ());
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/glossannotator/Gloss/gtk/help-overlay.ui");
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (g_object_unref);
  GSList *objects = gtk_builder_get_objects (builder);
  const GlossAccel *accels;
  guint n;

  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      g_ptr_array_add (listed, g_object_ref (l->data));
  g_slist_free (objects);
  g_assert_cmpuint (listed->len, >, 0);

  accels = gloss_accels_get (&n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) installed = NULL;
      g_autofree char *name = NULL;
      g_autoptr(GVariant) target = NULL;

      g_assert_true (g_action_parse_detailed_name (accels[i].action, &name, &target, NULL));
      if (accels[i].scope == GLOSS_ACCEL_APPLICATION)
        installed = gtk_application_get_accels_for_action (GTK_APPLICATION (test_application ()),
                                                           accels[i].action);

      for (guint j = 0; accels[i].accels[j] != NULL; j++)
        {
          const char *accel = accels[i].accels[j];
          gboolean found = FALSE;

          if (accels[i].scope == GLOSS_ACCEL_APPLICATION)
            {
              for (guint k = 0; installed[k] != NULL && !found; k++)
                found = same_accel (installed[k], accel);
            }
          else
            {
              guint keyval;
              GdkModifierType mods;

              g_assert_true (gtk_accelerator_parse (accel, &keyval, &mods));
              g_assert_cmpuint (mods, ==, 0);
              found = text_view_has_key (window, keyval, accels[i].action);
              if (gloss_accels_keypad_twin (keyval) != 0)
                found &= text_view_has_key (window, gloss_accels_keypad_twin (keyval), accels[i].action);
            }
          if (!found)
            g_error ("%s is not installed for %s", accel, accels[i].action);

          /* Listed: by its action, whose accelerators the window shows,
           * or by the accelerator itself. */
          found = FALSE;
          for (guint k = 0; k < listed->len && !found; k++)
            {
              g_autofree char *action_name = NULL;
              g_autofree char *accelerator = NULL;

              g_object_get (g_ptr_array_index (listed, k), "action-name", &action_name,
                            "accelerator", &accelerator, NULL);
              found = (accels[i].scope == GLOSS_ACCEL_APPLICATION && g_strcmp0 (action_name, name) == 0) ||
                      lists_accel (accelerator, accel);
            }
          if (!found)
            g_error ("%s (%s) is not in the keyboard shortcuts", accel, accels[i].action);
        }
    }

  for (guint k = 0; k < listed->len; k++)
    {
      g_autofree char *action_name = NULL;
      gboolean known = FALSE;

      g_object_get (g_ptr_array_index (listed, k), "action-name", &action_name, NULL);
      if (action_name == NULL)
        continue;
      for (guint i = 0; i < n && !known; i++)
        known = accels[i].scope == GLOSS_ACCEL_APPLICATION && g_str_equal (accels[i].action, action_name);
      if (!known)
        g_error ("the keyboard shortcuts list %s, which has no accelerator", action_name);
    }

  close_window (window);
}

/* The keyboard-shortcuts window fits a 1280 × 800 screen. */
static void
test_overlay_fits (void)
{
  GlossWindow *window = gloss_window_new (test_application ());

  gtk_window_present (GTK_WINDOW (window));
  settle ();
  assert_help_overlay_fits (window);
  close_window (window);
}

int
main (int    argc,
      char **argv)
{
  article_test_init (&argc, &argv);

  g_test_add_func ("/accels/installed-and-listed", test_accels);
  g_test_add_func ("/accels/overlay-fits-screen", test_overlay_fits);

  return article_test_run ();
}
