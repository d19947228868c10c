/* gloss-notice.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-notice"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-application.h"
#include "gloss-notice.h"

#define DEFAULT_TIMEOUT 4000

struct _GlossNotice
{
  GtkWidget parent_instance;

  GtkLabel *label;
  GtkButton *button;
  /* What the button activates. */
  char *action_name;
  GVariant *target;

  guint timeout;
  guint timeout_id;
  guint shown;      /* how many notices were shown */
  gboolean hovered;
};

G_DEFINE_FINAL_TYPE (GlossNotice, gloss_notice, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MESSAGE,
  PROP_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
on_timeout (gpointer data)
{
  GlossNotice *self = data;

  self->timeout_id = 0;
  gloss_notice_dismiss (self);
  return G_SOURCE_REMOVE;
}

/* The time runs again from its start: a notice lasts its whole time
 * after it shows, and after the pointer leaves it. */
static void
restart_timeout (GlossNotice *self)
{
  guint timeout = self->timeout;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (!gtk_widget_get_visible (GTK_WIDGET (self)) || self->hovered)
    return;

  /* A button needs the time to read the message and reach it. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->button)))
    timeout *= 2;
  self->timeout_id = g_timeout_add (timeout, on_timeout, self);
}

void
gloss_notice_show (GlossNotice *self,
                   const char  *message,
                   const char  *button_label,
                   const char  *action_name,
                   GVariant    *target)
{
  g_return_if_fail (GLOSS_IS_NOTICE (self));
  g_return_if_fail (message != NULL);
  g_return_if_fail (button_label == NULL || action_name != NULL);

  gtk_label_set_label (self->label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->button), button_label != NULL);
  if (button_label != NULL)
    gtk_button_set_label (self->button, button_label);
  g_free (self->action_name);
  self->action_name = button_label != NULL ? g_strdup (action_name) : NULL;
  g_clear_pointer (&self->target, g_variant_unref);
  if (button_label != NULL && target != NULL)
    self->target = g_variant_ref_sink (target);

  self->shown++;
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  restart_timeout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

void
gloss_notice_dismiss (GlossNotice *self)
{
  g_return_if_fail (GLOSS_IS_NOTICE (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    return;

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_clear_pointer (&self->action_name, g_free);
  g_clear_pointer (&self->target, g_variant_unref);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

const char *
gloss_notice_get_message (GlossNotice *self)
{
  g_return_val_if_fail (GLOSS_IS_NOTICE (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    return NULL;
  return gtk_label_get_label (self->label);
}

/* The action runs while the notice it answers still shows, then the
 * notice goes, unless the action showed another. */
static void
on_button_clicked (GlossNotice *self)
{
  g_autofree char *action_name = g_strdup (self->action_name);
  g_autoptr(GVariant) target = self->target != NULL ? g_variant_ref (self->target) : NULL;
  guint shown = self->shown;

  if (action_name != NULL)
    gtk_widget_activate_action_variant (GTK_WIDGET (self), action_name, target);
  if (self->shown == shown)
    gloss_notice_dismiss (self);
}

void
gloss_notice_set_timeout (GlossNotice *self,
                          guint        timeout)
{
  g_return_if_fail (GLOSS_IS_NOTICE (self));
  g_return_if_fail (timeout > 0);

  if (self->timeout == timeout)
    return;

  self->timeout = timeout;
  restart_timeout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

guint
gloss_notice_get_timeout (GlossNotice *self)
{
  g_return_val_if_fail (GLOSS_IS_NOTICE (self), 0);
  return self->timeout;
}

static void
on_enter (GlossNotice *self)
{
  self->hovered = TRUE;
  restart_timeout (self);
}

static void
on_leave (GlossNotice *self)
{
  self->hovered = FALSE;
  restart_timeout (self);
}

GtkWidget *
gloss_notice_new (void)
{
  return g_object_new (GLOSS_TYPE_NOTICE, NULL);
}

static void
gloss_notice_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GlossNotice *self = GLOSS_NOTICE (object);

  switch (prop_id)
    {
    case PROP_MESSAGE:
      g_value_set_string (value, gloss_notice_get_message (self));
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_notice_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  GlossNotice *self = GLOSS_NOTICE (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      gloss_notice_set_timeout (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_notice_dispose (GObject *object)
{
  GlossNotice *self = GLOSS_NOTICE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_pointer (&self->action_name, g_free);
  g_clear_pointer (&self->target, g_variant_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_NOTICE);
  /* The box that holds the bound children has no name of its own. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (gloss_notice_parent_class)->dispose (object);
}

static void
gloss_notice_class_init (GlossNoticeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_notice_dispose;
  object_class->get_property = gloss_notice_get_property;
  object_class->set_property = gloss_notice_set_property;

  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 1, G_MAXUINT, DEFAULT_TIMEOUT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _gloss_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossannotator/Gloss/gloss-notice.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossNotice, label);
  gtk_widget_class_bind_template_child (widget_class, GlossNotice, button);
  gtk_widget_class_bind_template_callback (widget_class, gloss_notice_dismiss);
  gtk_widget_class_bind_template_callback (widget_class, on_button_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
gloss_notice_init (GlossNotice *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->timeout = DEFAULT_TIMEOUT;
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (motion, "enter", G_CALLBACK (on_enter), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
}
