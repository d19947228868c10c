/* gloss-wrap-bin.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gloss-wrap-bin.h"

struct _GlossWrapBin
{
  GtkWidget parent_instance;

  GtkWidget *child;
};

enum
{
  PROP_0,
  PROP_CHILD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void gloss_wrap_bin_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GlossWrapBin, gloss_wrap_bin, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, gloss_wrap_bin_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

static GtkSizeRequestMode
gloss_wrap_bin_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
gloss_wrap_bin_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  GlossWrapBin *self = GLOSS_WRAP_BIN (widget);

  if (self->child == NULL || !gtk_widget_should_layout (self->child))
    {
      *minimum = *natural = 0;
      return;
    }

  /* The width does not depend on the height: the height is what follows
   * from the width.  Asked for a height without a width (a scrolled
   * window does, for a natural height it then does not use), the height
   * at the width the bin has now: the width it is given next, unless the
   * window is resized, so that GTK's cache answers the request that
   * follows, rather than the text being laid out once more at its
   * natural width, where it is never shown, at each change of text. */
  if (orientation == GTK_ORIENTATION_VERTICAL && for_size < 0 && gtk_widget_get_width (widget) > 0)
    for_size = gtk_widget_get_width (widget);
  gtk_widget_measure (self->child, orientation,
                      orientation == GTK_ORIENTATION_HORIZONTAL ? -1 : for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
gloss_wrap_bin_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  GlossWrapBin *self = GLOSS_WRAP_BIN (widget);

  if (self->child != NULL && gtk_widget_should_layout (self->child))
    gtk_widget_allocate (self->child, width, height, baseline, NULL);
}

void
gloss_wrap_bin_set_child (GlossWrapBin *self,
                          GtkWidget    *child)
{
  g_return_if_fail (GLOSS_IS_WRAP_BIN (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;

  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

GtkWidget *
gloss_wrap_bin_get_child (GlossWrapBin *self)
{
  g_return_val_if_fail (GLOSS_IS_WRAP_BIN (self), NULL);

  return self->child;
}

GtkWidget *
gloss_wrap_bin_new (void)
{
  return g_object_new (GLOSS_TYPE_WRAP_BIN, NULL);
}

static void
gloss_wrap_bin_add_child (GtkBuildable *buildable,
                          GtkBuilder   *builder,
                          GObject      *child,
                          const char   *type)
{
  if (GTK_IS_WIDGET (child))
    gloss_wrap_bin_set_child (GLOSS_WRAP_BIN (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
gloss_wrap_bin_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = gloss_wrap_bin_add_child;
}

static void
gloss_wrap_bin_dispose (GObject *object)
{
  GlossWrapBin *self = GLOSS_WRAP_BIN (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (gloss_wrap_bin_parent_class)->dispose (object);
}

static void
gloss_wrap_bin_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GlossWrapBin *self = GLOSS_WRAP_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_wrap_bin_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GlossWrapBin *self = GLOSS_WRAP_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      gloss_wrap_bin_set_child (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_wrap_bin_class_init (GlossWrapBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_wrap_bin_dispose;
  object_class->get_property = gloss_wrap_bin_get_property;
  object_class->set_property = gloss_wrap_bin_set_property;
  widget_class->get_request_mode = gloss_wrap_bin_get_request_mode;
  widget_class->measure = gloss_wrap_bin_measure;
  widget_class->size_allocate = gloss_wrap_bin_size_allocate;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_wrap_bin_init (GlossWrapBin *self)
{
}
