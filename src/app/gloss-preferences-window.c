/* gloss-preferences-window.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation-file.h"
#include "gloss-annotator-id-dialog.h"
#include "gloss-application.h"
#include "gloss-preferences-window.h"
#include "gloss-window.h"

struct _GlossPreferencesWindow
{
  GtkWindow parent_instance;

  GSettings *settings;

  /* Template children */
  GtkEntry *name_entry;
  GtkLabel *file_label;
  GtkButton *change_id_button;
  GtkListBoxRow *snap_row;
  GtkSwitch *snap_switch;
  GtkLabel *font_subtitle;
  GtkFontButton *font_button;
  GtkButton *font_reset_button;
};

G_DEFINE_FINAL_TYPE (GlossPreferencesWindow, gloss_preferences_window, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Shows the end of the file names the annotator id gives: the id stays
 * when the name changes.  While no id is stored (no name was ever given),
 * the id the name will give is shown, without storing it as it is
 * typed. */
static void
update_file_label (GlossPreferencesWindow *self)
{
  g_autofree char *id = g_settings_get_string (self->settings, "annotator-id");
  g_autofree char *text = NULL;

  if (!gloss_annotator_id_is_valid (id))
    {
      g_free (id);
      id = gloss_annotator_id_from_name (gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
    }
  if (id == NULL)
    id = gloss_default_annotator_id ();

  /* Translators: the end of a file name, such as “alice-moreau.gloss.json”;
   * the article's name comes before it */
  text = g_strdup_printf (_("Your annotations are saved in files named “…%s%s”"),
                          id, GLOSS_ANNOTATION_FILE_SUFFIX);
  gtk_label_set_label (self->file_label, text);
}

/* The folder of the article the window under Preferences shows, if any. */
static GFile *
dup_article_folder (GlossPreferencesWindow *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GlossDocument *document;
  GlossAnnotationFile *own;

  if (!GLOSS_IS_WINDOW (parent) || (document = gloss_window_get_document (GLOSS_WINDOW (parent))) == NULL ||
      (own = gloss_document_get_own_file (document)) == NULL)
    return NULL;

  return g_file_get_parent (gloss_annotation_file_get_article_file (own));
}

static void
change_id_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GlossPreferencesWindow *self = GLOSS_PREFERENCES_WINDOW (widget);
  g_autoptr(GFile) folder = dup_article_folder (self);

  gtk_window_present (GTK_WINDOW (gloss_annotator_id_dialog_new (GTK_WINDOW (self), self->settings, folder)));
}

static void
row_activated_cb (GlossPreferencesWindow *self,
                  GtkListBoxRow          *row)
{
  if (row == self->snap_row)
    gtk_switch_set_active (self->snap_switch, !gtk_switch_get_active (self->snap_switch));
}

static char *
dup_default_font (GlossPreferencesWindow *self)
{
  char *font = NULL;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-font-name", &font, NULL);

  return font ? font : g_strdup ("Sans 11");
}

/* An empty setting means the default font, which the button shows. */
static gboolean
font_from_setting (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  GlossPreferencesWindow *self = user_data;
  const char *font = g_variant_get_string (variant, NULL);

  if (*font == '\0')
    g_value_take_string (value, dup_default_font (self));
  else
    g_value_set_string (value, font);

  return TRUE;
}

static GVariant *
font_to_setting (const GValue       *value,
                 const GVariantType *expected_type,
                 gpointer            user_data)
{
  const char *font = g_value_get_string (value);

  return g_variant_new_string (font ? font : "");
}

static void
font_changed_cb (GlossPreferencesWindow *self)
{
  g_autofree char *font = g_settings_get_string (self->settings, "font");
  gboolean is_default = *font == '\0';

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.reset-font", !is_default);
  gtk_label_set_label (self->font_subtitle,
                       is_default ? _("The article is shown in the default font")
                                  : _("The font of the article text"));
}

static void
reset_font_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GlossPreferencesWindow *self = GLOSS_PREFERENCES_WINDOW (widget);

  g_settings_set_string (self->settings, "font", "");
}

static void
gloss_preferences_window_constructed (GObject *object)
{
  GlossPreferencesWindow *self = (GlossPreferencesWindow *)object;

  G_OBJECT_CLASS (gloss_preferences_window_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (self->settings));

  /* Each change applies at once: there is no Apply button. */
  g_settings_bind (self->settings, "annotator-name", self->name_entry, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "snap-to-words", self->snap_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "font", self->font_button, "font",
                                G_SETTINGS_BIND_DEFAULT,
                                font_from_setting, font_to_setting, self, NULL);
  g_signal_connect_object (self->settings, "changed::annotator-id",
                           G_CALLBACK (update_file_label), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::font",
                           G_CALLBACK (font_changed_cb), self, G_CONNECT_SWAPPED);

  update_file_label (self);
  font_changed_cb (self);
}

static void
gloss_preferences_window_dispose (GObject *object)
{
  GlossPreferencesWindow *self = (GlossPreferencesWindow *)object;

  if (self->name_entry != NULL)
    {
      g_settings_unbind (self->name_entry, "text");
      g_settings_unbind (self->snap_switch, "active");
      g_settings_unbind (self->font_button, "font");
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gloss_preferences_window_parent_class)->dispose (object);
}

static void
gloss_preferences_window_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  GlossPreferencesWindow *self = GLOSS_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_preferences_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  GlossPreferencesWindow *self = GLOSS_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_preferences_window_class_init (GlossPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gloss_preferences_window_constructed;
  object_class->dispose = gloss_preferences_window_dispose;
  object_class->get_property = gloss_preferences_window_get_property;
  object_class->set_property = gloss_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _gloss_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossannotator/Gloss/gloss-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, name_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, file_label);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, change_id_button);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, snap_row);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, snap_switch);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, font_subtitle);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, font_button);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, font_reset_button);
  gtk_widget_class_bind_template_callback (widget_class, update_file_label);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "preferences.reset-font", NULL, reset_font_activated);
  gtk_widget_class_install_action (widget_class, "preferences.change-id", NULL, change_id_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gloss_preferences_window_init (GlossPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gloss_preferences_window_new (GtkWindow *parent,
                              GSettings *settings)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (GLOSS_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "settings", settings,
                       NULL);
}

GSettings *
gloss_preferences_window_get_settings (GlossPreferencesWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_PREFERENCES_WINDOW (self), NULL);
  return self->settings;
}
