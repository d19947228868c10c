/* transfer-test-util.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gloss-format-chooser.h"
#include "transfer-test-util.h"

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

static void
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

static void
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

void
transfer_test_add (const char  *path,
                   FixtureFunc  func)
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
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

GtkWidget *
open_transfer_dialog (GlossWindow *window,
                      const char  *action,
                      GType        type)
{
  GtkWindow *dialog;

  activate (window, action, NULL);
  settle ();
  dialog = find_toplevel (type);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  return GTK_WIDGET (dialog);
}

gboolean
transfer_done (gpointer dialog)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (child (dialog, "stack")), "report") == 0 &&
         !gloss_transfer_dialog_get_running (dialog);
}

/* The template child @name of @widget, from the template of its class or
 * of a parent class, or NULL. */
static GObject *
template_child (GtkWidget  *widget,
                const char *name)
{
  GObject *object = NULL;

  for (GType type = G_OBJECT_TYPE (widget);
       object == NULL && type != GTK_TYPE_WIDGET;
       type = g_type_parent (type))
    object = gtk_widget_get_template_child (widget, type, name);

  return object;
}

/* The template child @name of a format chooser inside @widget, or NULL. */
static GObject *
chooser_child (GtkWidget  *widget,
               const char *name)
{
  GObject *object = NULL;

  if (GLOSS_IS_FORMAT_CHOOSER (widget))
    return template_child (widget, name);

  for (GtkWidget *c = gtk_widget_get_first_child (widget);
       object == NULL && c != NULL;
       c = gtk_widget_get_next_sibling (c))
    object = chooser_child (c, name);

  return object;
}

gpointer
child (gpointer    widget,
       const char *name)
{
  /* The dialog's own template, then its parent's (GlossTransferDialog's
   * header, progress and report), then its format chooser's. */
  GObject *object = template_child (widget, name);

  if (object == NULL)
    object = chooser_child (widget, name);

  g_assert_nonnull (object);
  return object;
}

/* The left edge of @dialog's template child @name, in the dialog. */
static double
left_edge (gpointer    dialog,
           const char *name)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (child (dialog, name), dialog, &bounds));
  return bounds.origin.x;
}

static int narrow_width;

static gboolean
is_wider (gpointer dialog)
{
  return gtk_widget_get_width (dialog) > narrow_width;
}

void
assert_form_aligned (gpointer    dialog,
                     const char *control)
{
  int control_width;

  settle ();
  g_assert_cmpfloat (left_edge (dialog, "format_dropdown"), ==, left_edge (dialog, control));

  /* The room a wider dialog gains goes to the column of controls, not to
   * the labels. */
  narrow_width = gtk_widget_get_width (dialog);
  control_width = gtk_widget_get_width (child (dialog, control));
  gtk_widget_set_size_request (dialog, narrow_width + 200, -1);
  wait_until (is_wider, dialog);
  settle ();
  g_assert_cmpfloat (left_edge (dialog, "format_dropdown"), ==, left_edge (dialog, control));
  g_assert_cmpint (gtk_widget_get_width (child (dialog, control)), >, control_width);
  gtk_widget_set_size_request (dialog, -1, -1);
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

