/* gloss-codebook-dialog.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-codebook-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-application.h"
#include "gloss-codebook-dialog.h"
#include "gloss-codebook-row.h"
#include "gloss-relations-editor.h"

/* The longest tag id gloss_tag_id_is_valid() accepts. */
#define TAG_ID_MAX_LENGTH 64

struct _GlossCodebookDialog
{
  GtkWindow parent_instance;

  GlossDocument *document;
  /* The copy being edited; the document's is only touched by Save. */
  GlossCodebook *codebook;
  GFile *file;
  gboolean scroll_to_end;

  /* Template children */
  GtkRevealer *error_revealer;
  GtkLabel *error_label;
  GtkListBox *tag_list;
  GtkColorButton *add_color_button;
  GtkEntry *add_entry;
  GtkLabel *add_id_label;
  GtkLabel *location_label;
  GtkButton *save_button;
  GtkButton *cancel_button;
  GtkButton *add_button;
};

G_DEFINE_FINAL_TYPE (GlossCodebookDialog, gloss_codebook_dialog, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  GlossCodebookDialog *self = user_data;
  GlossTag *tag = item;
  GlossLayer *layer = gloss_document_get_layer (self->document);
  guint uses = layer ? gloss_layer_count_tag (layer, gloss_tag_get_id (tag)) : 0;

  return gloss_codebook_row_new (self->codebook, tag, uses);
}

/* A slug of @label that no tag of the codebook has: "-2", "-3"… are
 * added to a slug that is taken, "tag" stands for a label with no letter
 * or digit a slug can keep. */
static char *
unique_id (GlossCodebook *codebook,
           const char    *label)
{
  g_autofree char *base = gloss_slugify (label);

  if (base == NULL)
    base = g_strdup ("tag");

  if (gloss_codebook_lookup (codebook, base) == NULL)
    return g_steal_pointer (&base);

  for (guint n = 2; ; n++)
    {
      g_autofree char *suffix = g_strdup_printf ("-%u", n);
      g_autofree char *stem = g_strndup (base, TAG_ID_MAX_LENGTH - strlen (suffix));
      char *id;

      /* Cutting the slug may leave a '-' that would double the suffix's. */
      while (*stem != '\0' && stem[strlen (stem) - 1] == '-')
        stem[strlen (stem) - 1] = '\0';

      id = g_strconcat (stem, suffix, NULL);
      if (gloss_codebook_lookup (codebook, id) == NULL)
        return id;
      g_free (id);
    }
}

static char *
dup_add_label (GlossCodebookDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_entry))));
}

static void
add_entry_changed_cb (GlossCodebookDialog *self)
{
  g_autofree char *label = dup_add_label (self);
  g_autofree char *id = NULL;

  if (*label != '\0')
    id = unique_id (self->codebook, label);

  gtk_label_set_label (self->add_id_label, id ? id : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.add-tag", id != NULL);
}

static void
add_entry_activate_cb (GlossCodebookDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "codebook.add-tag", NULL);
}

static void
suggest_color (GlossCodebookDialog *self)
{
  GdkRGBA rgba;

  if (gdk_rgba_parse (&rgba, gloss_codebook_suggest_color (self->codebook)))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->add_color_button), &rgba);
}

static void
adjustment_changed_cb (GlossCodebookDialog *self,
                       GtkAdjustment       *adjustment)
{
  /* The list has grown by the new tag: show it. */
  if (!self->scroll_to_end)
    return;

  self->scroll_to_end = FALSE;
  gtk_adjustment_set_value (adjustment,
                            gtk_adjustment_get_upper (adjustment) -
                            gtk_adjustment_get_page_size (adjustment));
}

static void
add_tag_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GlossCodebookDialog *self = GLOSS_CODEBOOK_DIALOG (widget);
  g_autofree char *label = dup_add_label (self);
  g_autofree char *id = NULL;
  g_autofree char *color = NULL;
  g_autoptr(GlossTag) tag = NULL;
  GdkRGBA rgba;

  /* A tag needs a label. */
  if (*label == '\0')
    return;

  id = unique_id (self->codebook, label);
  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->add_color_button), &rgba);
  color = g_strdup_printf ("#%02x%02x%02x",
                           (guint)(CLAMP (rgba.red, 0., 1.) * 255. + .5),
                           (guint)(CLAMP (rgba.green, 0., 1.) * 255. + .5),
                           (guint)(CLAMP (rgba.blue, 0., 1.) * 255. + .5));

  tag = gloss_tag_new (id, label, color, NULL);
  self->scroll_to_end = TRUE;
  gloss_codebook_add (self->codebook, tag);

  /* Ready for the next one. */
  gtk_editable_set_text (GTK_EDITABLE (self->add_entry), "");
  suggest_color (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_entry));
}

static void
show_error (GlossCodebookDialog *self,
            const char          *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GlossCodebookDialog *self = GLOSS_CODEBOOK_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (self->file != NULL);

  /* The file is written first, so that a failure leaves the document's
   * codebook as it was and the edits here to try again. */
  if (!gloss_codebook_save (self->codebook, self->file, &error))
    {
      show_error (self, error->message);
      return;
    }

  gloss_codebook_assign (gloss_document_get_codebook (self->document), self->codebook);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
update_location (GlossCodebookDialog *self)
{
  g_autofree char *text = NULL;

  if (self->file != NULL)
    {
      g_autofree char *display = g_file_get_parse_name (self->file);

      /* Translators: a file path */
      text = g_strdup_printf (_("Saved as “%s”, the codebook of every article in that folder"),
                              display);
    }
  else
    {
      text = g_strdup (_("This article has no folder to save a codebook in"));
    }

  gtk_label_set_label (self->location_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.save", self->file != NULL);
}

static void
gloss_codebook_dialog_constructed (GObject *object)
{
  GlossCodebookDialog *self = (GlossCodebookDialog *)object;
  GtkWidget *scroller, *expander;
  GFile *article;

  G_OBJECT_CLASS (gloss_codebook_dialog_parent_class)->constructed (object);

  g_assert (GLOSS_IS_DOCUMENT (self->document));

  self->codebook = gloss_codebook_copy (gloss_document_get_codebook (self->document));

  /* The codebook of the article's own folder, whichever one it was read
   * from: a codebook found in a parent folder is not changed for the
   * articles of other folders. */
  article = gloss_source_get_file (gloss_document_get_source (self->document));
  if (article != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (article);

      if (folder != NULL)
        self->file = g_file_get_child (folder, GLOSS_CODEBOOK_FILE_NAME);
    }

  gtk_list_box_bind_model (self->tag_list, G_LIST_MODEL (self->codebook),
                           create_row, self, NULL);

  scroller = gtk_widget_get_ancestor (GTK_WIDGET (self->tag_list), GTK_TYPE_SCROLLED_WINDOW);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                           "changed", G_CALLBACK (adjustment_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* Relation types and attributes, folded under the tags. */
  expander = gtk_expander_new (_("Relation Types and Attributes"));
  gtk_widget_set_name (expander, "relations-expander");
  gtk_expander_set_child (GTK_EXPANDER (expander), gloss_relations_editor_new (self->codebook));
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->location_label))), expander,
                              gtk_widget_get_prev_sibling (GTK_WIDGET (self->location_label)));

  suggest_color (self);
  add_entry_changed_cb (self);
  update_location (self);
}

static void
gloss_codebook_dialog_dispose (GObject *object)
{
  GlossCodebookDialog *self = (GlossCodebookDialog *)object;

  if (self->tag_list != NULL)
    gtk_list_box_bind_model (self->tag_list, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_CODEBOOK_DIALOG);

  g_clear_object (&self->codebook);
  g_clear_object (&self->document);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (gloss_codebook_dialog_parent_class)->dispose (object);
}

static void
gloss_codebook_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  GlossCodebookDialog *self = GLOSS_CODEBOOK_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_codebook_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  GlossCodebookDialog *self = GLOSS_CODEBOOK_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_codebook_dialog_class_init (GlossCodebookDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gloss_codebook_dialog_constructed;
  object_class->dispose = gloss_codebook_dialog_dispose;
  object_class->get_property = gloss_codebook_dialog_get_property;
  object_class->set_property = gloss_codebook_dialog_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, GLOSS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _gloss_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossannotator/Gloss/gloss-codebook-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookDialog, tag_list);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookDialog, add_color_button);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookDialog, add_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookDialog, add_id_label);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookDialog, location_label);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookDialog, add_button);
  gtk_widget_class_bind_template_callback (widget_class, add_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_entry_activate_cb);

  gtk_widget_class_install_action (widget_class, "codebook.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "codebook.add-tag", NULL, add_tag_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gloss_codebook_dialog_init (GlossCodebookDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gloss_codebook_dialog_new (GtkWindow     *parent,
                           GlossDocument *document)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);

  return g_object_new (GLOSS_TYPE_CODEBOOK_DIALOG,
                       "transient-for", parent,
                       "document", document,
                       NULL);
}

GlossDocument *
gloss_codebook_dialog_get_document (GlossCodebookDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK_DIALOG (self), NULL);
  return self->document;
}

GlossCodebook *
gloss_codebook_dialog_get_codebook (GlossCodebookDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK_DIALOG (self), NULL);
  return self->codebook;
}
