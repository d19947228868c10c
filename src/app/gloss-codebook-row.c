/* gloss-codebook-row.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-codebook-row"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-application.h"
#include "gloss-codebook-row.h"

struct _GlossCodebookRow
{
  GtkListBoxRow parent_instance;

  GlossCodebook *codebook;
  GlossTag *tag;
  guint uses;
  gulong items_changed_handler;
  gulong order_handler;
  gulong label_handler;
  /* Set while the row fills its widgets from the tag. */
  gboolean syncing;

  /* Template children */
  GtkLabel *key_label;
  GtkColorButton *color_button;
  GtkEntry *label_entry;
  GtkLabel *id_label;
  GtkEntry *description_entry;
  GtkButton *up_button;
  GtkButton *down_button;
  GtkButton *remove_button;
};

G_DEFINE_FINAL_TYPE (GlossCodebookRow, gloss_codebook_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_CODEBOOK,
  PROP_TAG,
  PROP_USES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The tag's place in the codebook, or -1 while it is being removed. */
static int
get_position (GlossCodebookRow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->codebook));

  for (guint i = 0; i < n; i++)
    if (gloss_codebook_get_tag (self->codebook, i) == self->tag)
      return i;

  return -1;
}

static void
update_position (GlossCodebookRow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->codebook));
  int position = get_position (self);

  if (position < 0)
    return;

  /* Keys 1 to 9 pick the first nine tags. */
  if (position < 9)
    {
      g_autofree char *key = g_strdup_printf ("%d", position + 1);
      /* Translators: the number of a key on the keyboard */
      g_autofree char *tooltip = g_strdup_printf (_("Key %d tags a selection with this tag"),
                                                  position + 1);

      gtk_label_set_label (self->key_label, key);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->key_label), tooltip);
    }
  else
    {
      gtk_label_set_label (self->key_label, "");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->key_label), NULL);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move-up", position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move-down", (guint)position + 1 < n);
}

/* Each control says which tag it belongs to, since a screen reader
 * announces it without the rest of the row. */
static void
update_accessible_labels (GlossCodebookRow *self)
{
  const char *label = gloss_tag_get_label (self->tag);
  struct {
    GtkWidget *widget;
    char *text;
  } labels[] = {
    /* Translators: the accessible names of the controls of a tag; %s is its label */
    { GTK_WIDGET (self->color_button), g_strdup_printf (_("Colour of “%s”"), label) },
    { GTK_WIDGET (self->label_entry), g_strdup_printf (_("Label of “%s”"), label) },
    { GTK_WIDGET (self->description_entry), g_strdup_printf (_("Description of “%s”"), label) },
    { GTK_WIDGET (self->up_button), g_strdup_printf (_("Move “%s” Up"), label) },
    { GTK_WIDGET (self->down_button), g_strdup_printf (_("Move “%s” Down"), label) },
    { GTK_WIDGET (self->remove_button), g_strdup_printf (_("Delete “%s”"), label) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (labels[i].widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, labels[i].text,
                                      -1);
      g_free (labels[i].text);
    }
}

static void
update_remove (GlossCodebookRow *self)
{
  g_autofree char *why = NULL;

  /* Tags in use are never dropped: the annotations would lose them. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.remove", self->uses == 0);

  if (self->uses == 0)
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->remove_button), _("Delete the Tag"));
      return;
    }

  why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u of your annotations has this tag: it cannot be deleted",
                                      "%u of your annotations have this tag: it cannot be deleted",
                                      self->uses),
                         self->uses);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->remove_button), why);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why,
                                  -1);
}

static char *
rgba_to_hex (const GdkRGBA *rgba)
{
  return g_strdup_printf ("#%02x%02x%02x",
                          (guint)(CLAMP (rgba->red, 0., 1.) * 255. + .5),
                          (guint)(CLAMP (rgba->green, 0., 1.) * 255. + .5),
                          (guint)(CLAMP (rgba->blue, 0., 1.) * 255. + .5));
}

static void
color_changed_cb (GlossCodebookRow *self)
{
  GdkRGBA rgba;
  g_autofree char *color = NULL;

  if (self->syncing)
    return;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  color = rgba_to_hex (&rgba);
  gloss_tag_set_color (self->tag, color);
}

static void
label_changed_cb (GlossCodebookRow *self)
{
  g_autofree char *label = NULL;

  if (self->syncing)
    return;

  label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->label_entry))));

  /* An empty label is refused: the tag keeps the last one typed. */
  if (*label == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->label_entry), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->label_entry), "error");
  gloss_tag_set_label (self->tag, label);
}

static void
description_changed_cb (GlossCodebookRow *self)
{
  g_autofree char *description = NULL;

  if (self->syncing)
    return;

  description = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->description_entry))));
  gloss_tag_set_description (self->tag, description);
}

/* Moving a tag rebuilds the rows around it; the focus follows the tag to
 * its new row so that the keyboard can move it again. */
static void
move_by (GlossCodebookRow *self,
         int               delta)
{
  g_autoptr(GlossCodebookRow) hold = g_object_ref (self);
  g_autoptr(GtkWidget) list = NULL;
  GtkListBoxRow *row;
  GlossCodebookRow *moved;
  int position = get_position (self);

  if (position < 0 || position + delta < 0)
    return;

  if (GTK_IS_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (self))))
    list = g_object_ref (gtk_widget_get_parent (GTK_WIDGET (self)));

  gloss_codebook_move (self->codebook, gloss_tag_get_id (self->tag), position + delta);

  if (list == NULL)
    return;

  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), get_position (self));
  if (!GLOSS_IS_CODEBOOK_ROW (row))
    return;

  moved = GLOSS_CODEBOOK_ROW (row);
  if (delta < 0 && gtk_widget_is_sensitive (GTK_WIDGET (moved->up_button)))
    gtk_widget_grab_focus (GTK_WIDGET (moved->up_button));
  else if (delta > 0 && gtk_widget_is_sensitive (GTK_WIDGET (moved->down_button)))
    gtk_widget_grab_focus (GTK_WIDGET (moved->down_button));
  else
    gtk_widget_grab_focus (GTK_WIDGET (delta < 0 ? moved->down_button : moved->up_button));
}

static void
move_up_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move_by (GLOSS_CODEBOOK_ROW (widget), -1);
}

static void
move_down_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  move_by (GLOSS_CODEBOOK_ROW (widget), 1);
}

static void
remove_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlossCodebookRow *self = GLOSS_CODEBOOK_ROW (widget);
  g_autoptr(GlossCodebookRow) hold = g_object_ref (self);

  g_return_if_fail (self->uses == 0);

  gloss_codebook_remove (self->codebook, gloss_tag_get_id (self->tag));
}

static void
sync_from_tag (GlossCodebookRow *self)
{
  GdkRGBA rgba;

  self->syncing = TRUE;

  if (gdk_rgba_parse (&rgba, gloss_tag_get_color (self->tag)))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  gtk_editable_set_text (GTK_EDITABLE (self->label_entry), gloss_tag_get_label (self->tag));
  gtk_editable_set_text (GTK_EDITABLE (self->description_entry),
                         gloss_tag_get_description (self->tag));
  gtk_label_set_label (self->id_label, gloss_tag_get_id (self->tag));

  self->syncing = FALSE;
}

static void
gloss_codebook_row_constructed (GObject *object)
{
  GlossCodebookRow *self = (GlossCodebookRow *)object;

  G_OBJECT_CLASS (gloss_codebook_row_parent_class)->constructed (object);

  g_assert (GLOSS_IS_CODEBOOK (self->codebook));
  g_assert (GLOSS_IS_TAG (self->tag));

  sync_from_tag (self);

  self->items_changed_handler =
    g_signal_connect_swapped (self->codebook, "items-changed", G_CALLBACK (update_position), self);
  self->order_handler =
    g_signal_connect_swapped (self->tag, "notify::order", G_CALLBACK (update_position), self);
  self->label_handler =
    g_signal_connect_swapped (self->tag, "notify::label", G_CALLBACK (update_accessible_labels), self);

  update_position (self);
  update_accessible_labels (self);
  update_remove (self);
}

static void
gloss_codebook_row_dispose (GObject *object)
{
  GlossCodebookRow *self = (GlossCodebookRow *)object;

  g_clear_signal_handler (&self->items_changed_handler, self->codebook);
  g_clear_signal_handler (&self->order_handler, self->tag);
  g_clear_signal_handler (&self->label_handler, self->tag);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_CODEBOOK_ROW);

  g_clear_object (&self->codebook);
  g_clear_object (&self->tag);

  G_OBJECT_CLASS (gloss_codebook_row_parent_class)->dispose (object);
}

static void
gloss_codebook_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GlossCodebookRow *self = GLOSS_CODEBOOK_ROW (object);

  switch (prop_id)
    {
    case PROP_CODEBOOK:
      g_value_set_object (value, self->codebook);
      break;

    case PROP_TAG:
      g_value_set_object (value, self->tag);
      break;

    case PROP_USES:
      g_value_set_uint (value, self->uses);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_codebook_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GlossCodebookRow *self = GLOSS_CODEBOOK_ROW (object);

  switch (prop_id)
    {
    case PROP_CODEBOOK:
      self->codebook = g_value_dup_object (value);
      break;

    case PROP_TAG:
      self->tag = g_value_dup_object (value);
      break;

    case PROP_USES:
      self->uses = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_codebook_row_class_init (GlossCodebookRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = gloss_codebook_row_constructed;
  object_class->dispose = gloss_codebook_row_dispose;
  object_class->get_property = gloss_codebook_row_get_property;
  object_class->set_property = gloss_codebook_row_set_property;

  properties[PROP_CODEBOOK] =
    g_param_spec_object ("codebook", NULL, NULL, GLOSS_TYPE_CODEBOOK, flags);
  properties[PROP_TAG] =
    g_param_spec_object ("tag", NULL, NULL, GLOSS_TYPE_TAG, flags);
  properties[PROP_USES] =
    g_param_spec_uint ("uses", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _gloss_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossannotator/Gloss/gloss-codebook-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookRow, key_label);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookRow, color_button);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookRow, label_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookRow, id_label);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookRow, description_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, color_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, label_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, description_changed_cb);

  gtk_widget_class_install_action (widget_class, "row.move-up", NULL, move_up_activated);
  gtk_widget_class_install_action (widget_class, "row.move-down", NULL, move_down_activated);
  gtk_widget_class_install_action (widget_class, "row.remove", NULL, remove_activated);
}

static void
gloss_codebook_row_init (GlossCodebookRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gloss_codebook_row_new (GlossCodebook *codebook,
                        GlossTag      *tag,
                        guint          uses)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK (codebook), NULL);
  g_return_val_if_fail (GLOSS_IS_TAG (tag), NULL);

  return g_object_new (GLOSS_TYPE_CODEBOOK_ROW,
                       "codebook", codebook,
                       "tag", tag,
                       "uses", uses,
                       NULL);
}

GlossTag *
gloss_codebook_row_get_tag (GlossCodebookRow *self)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK_ROW (self), NULL);
  return self->tag;
}

GlossCodebook *
gloss_codebook_row_get_codebook (GlossCodebookRow *self)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK_ROW (self), NULL);
  return self->codebook;
}

guint
gloss_codebook_row_get_uses (GlossCodebookRow *self)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK_ROW (self), 0);
  return self->uses;
}
