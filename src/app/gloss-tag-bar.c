/* gloss-tag-bar.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-tag-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-tag-bar.h"

struct _GlossTagBar
{
  GtkWidget parent_instance;

  GtkWidget *scroller;
  GtkBox *box;
  GlossCodebook *codebook;
  /* The tags shown, each watched for a new label, colour or
   * description. */
  GPtrArray *tags;
};

G_DEFINE_FINAL_TYPE (GlossTagBar, gloss_tag_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CODEBOOK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A dot in @tag's colour, its label, then its key, dimmed. */
static GtkWidget *
new_button_content (GlossTag *tag,
                    guint     position)
{
  GtkWidget *row, *swatch, *label, *key_label;
  g_autofree char *key = NULL;
  g_autofree char *markup = NULL;

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  swatch = gtk_label_new (NULL);
  markup = g_strdup_printf ("<span foreground=\"%s\">●</span>", gloss_tag_get_color (tag));
  gtk_label_set_markup (GTK_LABEL (swatch), markup);
  gtk_widget_add_css_class (swatch, "gloss-tag-swatch");

  label = gtk_label_new (gloss_tag_get_label (tag));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "gloss-tag-label");

  key = position < 9 ? g_strdup_printf ("%u", position + 1) : g_strdup ("");
  key_label = gtk_label_new (key);
  gtk_widget_add_css_class (key_label, "dim-label");
  gtk_widget_add_css_class (key_label, "gloss-tag-key");

  gtk_box_append (GTK_BOX (row), swatch);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), key_label);

  return row;
}

static void rebuild (GlossTagBar *self);

static void
forget_tags (GlossTagBar *self)
{
  for (guint i = 0; i < self->tags->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->tags, i), self);
  g_ptr_array_set_size (self->tags, 0);
}

GtkWidget *
gloss_tag_button_new (GlossTag *tag,
                      guint     position)
{
  GtkWidget *button;
  const char *description;

  g_return_val_if_fail (GLOSS_IS_TAG (tag), NULL);

  button = gtk_button_new ();
  description = gloss_tag_get_description (tag);
  gtk_button_set_child (GTK_BUTTON (button), new_button_content (tag, position));
  gtk_widget_add_css_class (button, "flat");
  /* The text keeps the focus, so that a key still tags after a click. */
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.tag");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", gloss_tag_get_id (tag));
  gtk_widget_set_tooltip_text (button, description != NULL && *description != '\0'
                                       ? description : gloss_tag_get_label (tag));

  return button;
}

/* One button per tag, in the codebook's order. */
static void
rebuild (GlossTagBar *self)
{
  GtkWidget *child;

  forget_tags (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->box))) != NULL)
    gtk_box_remove (self->box, child);

  for (guint i = 0; self->codebook != NULL && gloss_codebook_get_tag (self->codebook, i) != NULL; i++)
    {
      GlossTag *tag = gloss_codebook_get_tag (self->codebook, i);
      GtkWidget *button = gloss_tag_button_new (tag, i);

      gtk_box_append (self->box, button);
      g_ptr_array_add (self->tags, g_object_ref (tag));
      g_signal_connect_object (tag, "notify", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
    }

  gtk_widget_set_visible (GTK_WIDGET (self), self->tags->len > 0);
}

void
gloss_tag_bar_set_codebook (GlossTagBar   *self,
                            GlossCodebook *codebook)
{
  g_return_if_fail (GLOSS_IS_TAG_BAR (self));
  g_return_if_fail (codebook == NULL || GLOSS_IS_CODEBOOK (codebook));

  if (self->codebook == codebook)
    return;

  if (self->codebook != NULL)
    g_signal_handlers_disconnect_by_data (self->codebook, self);
  g_set_object (&self->codebook, codebook);
  if (codebook != NULL)
    g_signal_connect_object (codebook, "items-changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODEBOOK]);
}

GlossCodebook *
gloss_tag_bar_get_codebook (GlossTagBar *self)
{
  g_return_val_if_fail (GLOSS_IS_TAG_BAR (self), NULL);
  return self->codebook;
}

GtkWidget *
gloss_tag_bar_new (void)
{
  return g_object_new (GLOSS_TYPE_TAG_BAR, NULL);
}

static void
gloss_tag_bar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GlossTagBar *self = GLOSS_TAG_BAR (object);

  switch (prop_id)
    {
    case PROP_CODEBOOK:
      g_value_set_object (value, self->codebook);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_tag_bar_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GlossTagBar *self = GLOSS_TAG_BAR (object);

  switch (prop_id)
    {
    case PROP_CODEBOOK:
      gloss_tag_bar_set_codebook (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_tag_bar_dispose (GObject *object)
{
  GlossTagBar *self = GLOSS_TAG_BAR (object);

  if (self->tags != NULL)
    forget_tags (self);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  if (self->codebook != NULL)
    g_signal_handlers_disconnect_by_data (self->codebook, self);
  g_clear_object (&self->codebook);
  if (self->scroller != NULL)
    {
      gtk_widget_unparent (self->scroller);
      self->scroller = NULL;
      self->box = NULL;
    }

  G_OBJECT_CLASS (gloss_tag_bar_parent_class)->dispose (object);
}

static void
gloss_tag_bar_class_init (GlossTagBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_tag_bar_dispose;
  object_class->get_property = gloss_tag_bar_get_property;
  object_class->set_property = gloss_tag_bar_set_property;

  properties[PROP_CODEBOOK] =
    g_param_spec_object ("codebook", NULL, NULL, GLOSS_TYPE_CODEBOOK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tagbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TOOLBAR);
}

static void
gloss_tag_bar_init (GlossTagBar *self)
{
  self->tags = g_ptr_array_new_with_free_func (g_object_unref);
  /* One line of tags, which scrolls sideways when the window is narrower
   * than the codebook: its height never depends on its width. */
  self->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2));
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                  GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->box));
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  gtk_widget_set_name (GTK_WIDGET (self), "tag-bar");
  gtk_widget_add_css_class (GTK_WIDGET (self), "gloss-tag-bar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tags"),
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
