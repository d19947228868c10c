/* gloss-name-dialog.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-name-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation-file.h"
#include "gloss-application.h"
#include "gloss-name-dialog.h"

struct _GlossNameDialog
{
  GtkWindow parent_instance;

  GSettings *settings;
  gboolean done;
  /* Set once the user typed an id of their own: the id then stops
   * following the name. */
  gboolean id_edited;
  gboolean updating_id;

  /* Template children */
  GtkEntry *name_entry;
  GtkEntry *id_entry;
  GtkLabel *preview_label;
  GtkButton *continue_button;
};

G_DEFINE_FINAL_TYPE (GlossNameDialog, gloss_name_dialog, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

enum {
  DONE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
dup_name (GlossNameDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
}

static char *
dup_id (GlossNameDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->id_entry))));
}

/* Says which files the id names, or what is wrong with it, and allows
 * Continue with a name and a valid id only. */
static void
update_preview (GlossNameDialog *self)
{
  g_autofree char *name = dup_name (self);
  g_autofree char *id = dup_id (self);
  g_autofree char *text = NULL;
  gboolean valid = gloss_annotator_id_is_valid (id);

  if (*name == '\0')
    {
      text = g_strdup (_("Type the name your teammates know you by"));
    }
  else if (valid)
    {
      /* Translators: the end of a file name, such as “alice-moreau.gloss.json”;
       * the article's name comes before it */
      text = g_strdup_printf (_("Your files will be named “…%s%s”"), id, GLOSS_ANNOTATION_FILE_SUFFIX);
    }
  else if (*id == '\0' && !self->id_edited)
    {
      text = g_strdup (_("Add a letter or a digit of the Latin alphabet"));
    }
  else
    {
      text = g_strdup (_("An id is lower-case letters, digits and single dashes, such as “alice-moreau”"));
    }

  gtk_label_set_label (self->preview_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "name.continue", *name != '\0' && valid);
}

static void
name_changed_cb (GlossNameDialog *self)
{
  if (!self->id_edited)
    {
      g_autofree char *name = dup_name (self);
      g_autofree char *id = gloss_annotator_id_from_name (name);

      self->updating_id = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->id_entry), id != NULL ? id : "");
      self->updating_id = FALSE;
    }

  update_preview (self);
}

static void
id_changed_cb (GlossNameDialog *self)
{
  if (!self->updating_id)
    self->id_edited = TRUE;

  update_preview (self);
}

static void
finish (GlossNameDialog *self)
{
  if (self->done)
    return;

  self->done = TRUE;
  g_signal_emit (self, signals[DONE], 0);
}

static void
continue_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlossNameDialog *self = GLOSS_NAME_DIALOG (widget);
  g_autofree char *name = dup_name (self);
  g_autofree char *id = dup_id (self);

  if (*name == '\0' || !gloss_annotator_id_is_valid (id))
    return;

  /* The id first: the name alone would make one of its own. */
  g_settings_set_string (self->settings, "annotator-id", id);
  g_settings_set_string (self->settings, "annotator-name", name);
  finish (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
gloss_name_dialog_close_request (GtkWindow *window)
{
  /* Closed without a name: the login name stands in, and nothing is
   * stored, so that the question comes back next time. */
  finish (GLOSS_NAME_DIALOG (window));

  if (GTK_WINDOW_CLASS (gloss_name_dialog_parent_class)->close_request != NULL)
    return GTK_WINDOW_CLASS (gloss_name_dialog_parent_class)->close_request (window);

  return FALSE;
}

static void
gloss_name_dialog_constructed (GObject *object)
{
  GlossNameDialog *self = (GlossNameDialog *)object;
  const char *real_name = g_get_real_name ();

  G_OBJECT_CLASS (gloss_name_dialog_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (self->settings));

  /* GLib says "Unknown" when the system has no full name. */
  if (real_name != NULL && *real_name != '\0' && g_strcmp0 (real_name, "Unknown") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->name_entry), real_name);

  name_changed_cb (self);
}

static void
gloss_name_dialog_dispose (GObject *object)
{
  GlossNameDialog *self = (GlossNameDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_NAME_DIALOG);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gloss_name_dialog_parent_class)->dispose (object);
}

static void
gloss_name_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GlossNameDialog *self = GLOSS_NAME_DIALOG (object);

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
gloss_name_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GlossNameDialog *self = GLOSS_NAME_DIALOG (object);

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
gloss_name_dialog_class_init (GlossNameDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = gloss_name_dialog_constructed;
  object_class->dispose = gloss_name_dialog_dispose;
  object_class->get_property = gloss_name_dialog_get_property;
  object_class->set_property = gloss_name_dialog_set_property;
  window_class->close_request = gloss_name_dialog_close_request;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted once, after Continue stored the name or when the dialog was
   * closed without one. */
  signals[DONE] = g_signal_new ("done",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL,
                                G_TYPE_NONE, 0);

  _gloss_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossannotator/Gloss/gloss-name-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossNameDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossNameDialog, id_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossNameDialog, preview_label);
  gtk_widget_class_bind_template_child (widget_class, GlossNameDialog, continue_button);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, id_changed_cb);

  gtk_widget_class_install_action (widget_class, "name.continue", NULL, continue_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gloss_name_dialog_init (GlossNameDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gloss_name_dialog_new (GtkWindow *parent,
                       GSettings *settings)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (GLOSS_TYPE_NAME_DIALOG,
                       "transient-for", parent,
                       "settings", settings,
                       NULL);
}

GSettings *
gloss_name_dialog_get_settings (GlossNameDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_NAME_DIALOG (self), NULL);
  return self->settings;
}
