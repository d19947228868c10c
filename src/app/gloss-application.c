/* gloss-application.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-application"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-accels.h"
#include "gloss-annotation-file.h"
#include "gloss-application.h"
#include "gloss-tag.h"
#include "gloss-window.h"

struct _GlossApplication
{
  GtkApplication parent_instance;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (GlossApplication, gloss_application, GTK_TYPE_APPLICATION)

/* In gloss-resources.c, generated. */
void gloss_register_resource (void);

void
_gloss_ensure_resources (void)
{
  static gsize registered;

  /* The resources live in a static library, where nothing would pull in
   * a constructor: they are registered by hand, once. */
  if (g_once_init_enter (&registered))
    {
      gloss_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

static GlossWindow *
new_window (GlossApplication *self)
{
  return gloss_window_new (self);
}

static void
gloss_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (new_window (GLOSS_APPLICATION (app)));

  gtk_window_present (window);
}

static void
gloss_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    gloss_application_open_file (GLOSS_APPLICATION (app), files[i]);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Closing each window saves its annotations first. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
}

static void
new_window_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (new_window (user_data)));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  const char *authors[] = { _("The Gloss authors"), NULL };

  gtk_show_about_dialog (parent,
                         "program-name", "Gloss",
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Annotate articles with exact offsets, for research"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", authors,
                         /* Translators: put your names here, one per line */
                         "translator-credits", _("translator-credits"),
                         "website", "https://github.com/glossannotator/gloss",
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "new-window", new_window_activated },
  { "about", about_activated },
};

static void
gloss_application_startup (GApplication *app)
{
  GlossApplication *self = GLOSS_APPLICATION (app);
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  G_APPLICATION_CLASS (gloss_application_parent_class)->startup (app);

  /* The recent files list records which application used a file. */
  if (g_get_application_name () == NULL || g_strcmp0 (g_get_application_name (), g_get_prgname ()) == 0)
    g_set_application_name ("Gloss");

  self->settings = g_settings_new (APP_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gloss_accels_install_application (GTK_APPLICATION (app));

  /* No libadwaita: the stylesheet is loaded here. */
  gtk_css_provider_load_from_resource (css, "/io/github/glossannotator/Gloss/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_window_set_default_icon_name (APP_ID);
}

static void
gloss_application_dispose (GObject *object)
{
  GlossApplication *self = (GlossApplication *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gloss_application_parent_class)->dispose (object);
}

static void
gloss_application_class_init (GlossApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  _gloss_ensure_resources ();

  object_class->dispose = gloss_application_dispose;
  app_class->activate = gloss_application_activate;
  app_class->open = gloss_application_open;
  app_class->startup = gloss_application_startup;
}

static void
gloss_application_init (GlossApplication *self)
{
}

GlossApplication *
gloss_application_new (void)
{
  return g_object_new (GLOSS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/glossannotator/Gloss",
                       NULL);
}

GSettings *
gloss_application_get_settings (GlossApplication *self)
{
  g_return_val_if_fail (GLOSS_IS_APPLICATION (self), NULL);
  return self->settings;
}

char *
gloss_application_dup_annotator_name (GlossApplication *self)
{
  g_return_val_if_fail (GLOSS_IS_APPLICATION (self), NULL);
  return g_settings_get_string (self->settings, "annotator-name");
}

char *
gloss_settings_dup_annotator_id (GSettings *settings)
{
  g_autofree char *name = NULL;
  char *id = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  id = g_settings_get_string (settings, "annotator-id");
  if (gloss_annotator_id_is_valid (id))
    return id;
  g_clear_pointer (&id, g_free);

  /* A user from before the id had a setting of its own: their id was a
   * slug of their name.  It is taken once and kept, so that a new name
   * no longer changes it. */
  name = g_settings_get_string (settings, "annotator-name");
  if (name != NULL)
    id = gloss_annotator_id_from_name (name);
  if (id == NULL)
    return gloss_default_annotator_id ();

  g_settings_set_string (settings, "annotator-id", id);
  return id;
}

char *
gloss_application_dup_annotator_id (GlossApplication *self)
{
  g_return_val_if_fail (GLOSS_IS_APPLICATION (self), NULL);
  return gloss_settings_dup_annotator_id (self->settings);
}

/* The window that shows the article of @file, an annotation file: the
 * window shows its layer (the own one already, or a teammate's it now
 * shows).  NULL when no window shows that article. */
static GlossWindow *
window_for_annotation_file (GlossApplication *self,
                            GFile            *file)
{
  g_autofree char *name = g_file_get_basename (file);

  if (!g_str_has_suffix (name, GLOSS_ANNOTATION_FILE_SUFFIX))
    return NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      GlossDocument *document;

      if (!GLOSS_IS_WINDOW (l->data) || (document = gloss_window_get_document (l->data)) == NULL)
        continue;

      if (g_file_equal (file, gloss_annotation_file_get_file (gloss_document_get_own_file (document))) ||
          gloss_window_show_teammate_file (l->data, file))
        return l->data;
    }

  return NULL;
}

GtkWindow *
gloss_application_open_file (GlossApplication *self,
                             GFile            *file)
{
  GlossWindow *window;

  g_return_val_if_fail (GLOSS_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* A teammate's file of an article open in a window is shown there
   * rather than in a second window on the same article. */
  window = window_for_annotation_file (self, file);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return GTK_WINDOW (window);
    }

  window = new_window (self);
  gtk_window_present (GTK_WINDOW (window));
  /* A folder opens as a corpus: its articles listed, none opened yet. */
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    gloss_window_open_folder (window, file);
  else
    gloss_window_open (window, file);

  return GTK_WINDOW (window);
}
