/* transfer-test-util.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "transfer-test-util.h"

static GlossApplication *app;

/* Runs the main loop until @done returns TRUE, failing after 30 s. */
void
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
no_pending (gpointer data)
{
  return !g_main_context_pending (NULL);
}

void
settle (void)
{
  wait_until (no_pending, NULL);
}

void
delete_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        delete_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
write_file (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* Copies a sample (data/samples/NAME) into @dir. */
static void
copy_sample (const char *dir,
             const char *name)
{
  g_autofree char *from = g_build_filename (g_getenv ("GLOSS_SOURCE_ROOT"), "data", "samples", name, NULL);
  g_autofree char *to = g_build_filename (dir, name, NULL);
  g_autofree char *contents = read_file (from);

  write_file (to, contents);
}

void
copy_article (const char *dir,
              const char *article)
{
  static const char * const suffixes[][2] = {
    { "harbour-bridge.txt", "alice-moreau" }, { "harbour-bridge.txt", "ben-okafor" },
    { "contrat-cloud.txt", "camille-roussel" }, { "contrat-cloud.txt", "malik-benali" },
  };

  copy_sample (dir, article);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (strcmp (suffixes[i][0], article) == 0)
      {
        g_autofree char *name = g_strdup_printf ("%s.%s.gloss.json", article, suffixes[i][1]);

        copy_sample (dir, name);
      }
}

GlossWindow *
open_window (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GlossWindow *window = gloss_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gloss_window_open (window, file));
  settle ();
  return window;
}

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("gloss-export-dialog-XXXXXX", &error);
  g_assert_no_error (error);
  f->out = g_dir_make_tmp ("gloss-export-out-XXXXXX", &error);
  g_assert_no_error (error);
  copy_article (f->dir, "harbour-bridge.txt");
  f->article = g_build_filename (f->dir, "harbour-bridge.txt", NULL);
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  settle ();
  delete_tree (f->dir);
  delete_tree (f->out);
  g_free (f->dir);
  g_free (f->out);
  g_free (f->article);
}

GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

gpointer
child (gpointer    widget,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (widget, G_OBJECT_TYPE (widget), name);

  g_assert_nonnull (object);
  return object;
}

void
activate (gpointer    widget,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (widget, action, parameter));
}

void
click (gpointer button)
{
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

void
assert_labelled (gpointer widget)
{
  if (!gtk_test_accessible_has_property (widget, GTK_ACCESSIBLE_PROPERTY_LABEL) &&
      !gtk_test_accessible_has_relation (widget, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    g_error ("a %s has no accessible label", G_OBJECT_TYPE_NAME (widget));
}

const char *
label_text (gpointer dialog,
            const char *name)
{
  return gtk_label_get_label (child (dialog, name));
}

/* The export dialog, opened by Export… in the window. */
void
record_uri (GtkWidget  *dialog,
            const char *uri,
            char      **launched)
{
  g_free (*launched);
  *launched = g_strdup (uri);
  /* Nothing is shown in a file manager during the tests. */
  g_signal_stop_emission_by_name (dialog, "open-folder");
}


void
transfer_test_init (int    *argc,
                    char ***argv)
{
  /* The accessible labels are read from GTK's test context. */
  g_setenv ("GTK_A11Y", "test", FALSE);
  gtk_test_init (argc, argv, NULL);

  app = gloss_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_settings_set_string (gloss_application_get_settings (app), "annotator-name", "Test Person");
}

int
transfer_test_run (void)
{
  int status = g_test_run ();

  g_clear_object (&app);
  return status;
}
