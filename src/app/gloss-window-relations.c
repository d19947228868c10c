/* gloss-window-relations.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-window-private.h"

/* Linking two passages of the own layer by a relation.  With a passage
 * selected, Link (l) starts: the window remembers it as the relation's
 * source and says how to go on.  The other end is a passage clicked, or
 * reached with n and p and chosen with Enter; a popover then lists the
 * relation types the codebook allows between the two tags, each with a
 * number key, and the one chosen makes the relation, one step of the
 * history.  A type that goes the other way between the two tags is
 * offered too, and makes the relation from the second passage to the
 * first.  Escape gives up at any moment. */

typedef struct
{
  GlossRelationType *type;
  gboolean reversed;
} LinkChoice;

static void
link_choice_free (gpointer data)
{
  LinkChoice *choice = data;

  g_object_unref (choice->type);
  g_free (choice);
}

static GlossLayer *
own_layer (GlossWindow *self)
{
  return self->document ? gloss_document_get_layer (self->document) : NULL;
}

gboolean
_gloss_window_linking (GlossWindow *self)
{
  return self->link_source != NULL;
}

/* Ends linking, whether a relation was made or not. */
static void
stop_linking (GlossWindow *self)
{
  g_clear_object (&self->link_source);
  g_clear_object (&self->link_target);
  g_clear_pointer (&self->link_choices, g_ptr_array_unref);
  _gloss_window_update_actions (self);
}

gboolean
_gloss_window_cancel_link (GlossWindow *self)
{
  if (!_gloss_window_linking (self))
    return FALSE;

  stop_linking (self);
  gloss_text_view_popdown (self->text_view);
  _gloss_window_notify (self, _("Linking cancelled"));
  return TRUE;
}

static void
link_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossAnnotation *selected = _gloss_window_own_selected (self);

  if (selected == NULL)
    {
      gtk_widget_error_bell (widget);
      _gloss_window_notify (self, _("Select the passage to link first"));
      return;
    }

  stop_linking (self);
  self->link_source = g_object_ref (selected);
  _gloss_window_notify (self, _("Link to which passage? Click it, or press n or p, then Enter. "
                                "Escape cancels."));
  _gloss_window_update_actions (self);
}

/* The choices of relation between the link's source and @target: the
 * types that go from the source's tag to the target's, then those that
 * go the other way (a directed type only). */
static GPtrArray *
link_choices (GlossWindow     *self,
              GlossAnnotation *target)
{
  GlossCodebook *codebook = gloss_document_get_codebook (self->document);
  const char *from = gloss_annotation_get_tag (self->link_source);
  const char *to = gloss_annotation_get_tag (target);
  g_autoptr(GPtrArray) forward = gloss_codebook_relation_types_for (codebook, from, to);
  g_autoptr(GPtrArray) backward = gloss_codebook_relation_types_for (codebook, to, from);
  GPtrArray *choices = g_ptr_array_new_with_free_func (link_choice_free);

  for (guint i = 0; i < forward->len; i++)
    {
      LinkChoice *choice = g_new0 (LinkChoice, 1);

      choice->type = g_object_ref (g_ptr_array_index (forward, i));
      g_ptr_array_add (choices, choice);
    }
  for (guint i = 0; i < backward->len; i++)
    {
      GlossRelationType *type = g_ptr_array_index (backward, i);
      LinkChoice *choice;

      if (!gloss_relation_type_get_directed (type) || g_ptr_array_find (forward, type, NULL))
        continue;
      choice = g_new0 (LinkChoice, 1);
      choice->type = g_object_ref (type);
      choice->reversed = TRUE;
      g_ptr_array_add (choices, choice);
    }

  return choices;
}

/* A row of the chooser: the type's colour, its label with an arrow that
 * says which way it goes, and its key. */
static GtkWidget *
choice_button_new (LinkChoice *choice,
                   guint       position)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  g_autofree char *swatch = g_strdup_printf ("<span foreground=\"%s\">●</span>",
                                             gloss_relation_type_get_color (choice->type));
  g_autofree char *text = NULL;
  g_autofree char *key = position < 9 ? g_strdup_printf ("%u", position + 1) : g_strdup ("");
  GtkWidget *label;

  if (!gloss_relation_type_get_directed (choice->type))
    /* Translators: an undirected relation type in the link chooser */
    text = g_strdup_printf (_("%s (both ways)"), gloss_relation_type_get_label (choice->type));
  else if (choice->reversed)
    /* Translators: a relation type that goes from the passage chosen
     * second to the one selected first */
    text = g_strdup_printf (_("← %s"), gloss_relation_type_get_label (choice->type));
  else
    /* Translators: a relation type that goes from the passage selected
     * first to the one chosen second */
    text = g_strdup_printf (_("%s →"), gloss_relation_type_get_label (choice->type));

  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), swatch);
  gtk_box_append (GTK_BOX (row), label);
  label = gtk_label_new (text);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (row), label);
  label = gtk_label_new (key);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (row), label);

  gtk_button_set_child (GTK_BUTTON (button), row);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.link-type");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (gint32) position + 1);
  return button;
}

static void
on_chooser_closed (GlossWindow *self)
{
  if (self->link_choices != NULL)
    _gloss_window_cancel_link (self);
}

static void
choose_target (GlossWindow     *self,
               GlossAnnotation *target)
{
  GtkWidget *popover, *box;
  g_autofree char *message = NULL;
  GlossTag *from, *to;

  if (target == NULL || target == self->link_source)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      _gloss_window_notify (self, _("Choose another passage to link to"));
      return;
    }

  g_set_object (&self->link_target, target);
  g_clear_pointer (&self->link_choices, g_ptr_array_unref);
  self->link_choices = link_choices (self, target);
  if (self->link_choices->len == 0)
    {
      GlossCodebook *codebook = gloss_document_get_codebook (self->document);

      from = gloss_codebook_lookup (codebook, gloss_annotation_get_tag (self->link_source));
      to = gloss_codebook_lookup (codebook, gloss_annotation_get_tag (target));
      /* Translators: the tags of the two passages the user tried to link */
      message = g_strdup_printf (_("The codebook has no relation between %s and %s"),
                                 from ? gloss_tag_get_label (from) : gloss_annotation_get_tag (self->link_source),
                                 to ? gloss_tag_get_label (to) : gloss_annotation_get_tag (target));
      gtk_widget_error_bell (GTK_WIDGET (self));
      _gloss_window_notify (self, message);
      g_clear_object (&self->link_target);
      return;
    }

  popover = gtk_popover_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_name (popover, "link-chooser");
  gtk_widget_add_css_class (popover, "menu");
  for (guint i = 0; i < self->link_choices->len; i++)
    gtk_box_append (GTK_BOX (box), choice_button_new (g_ptr_array_index (self->link_choices, i), i));
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gloss_text_view_popup (self->text_view, popover);
  /* Closed otherwise than by a choice (a click elsewhere): linking ends. */
  g_signal_connect_object (popover, "closed", G_CALLBACK (on_chooser_closed), self,
                           G_CONNECT_SWAPPED);
  _gloss_window_update_actions (self);
}

static void
link_choose_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  choose_target (self, _gloss_window_own_selected (self));
}

gboolean
_gloss_window_link_key (GlossWindow *self,
                        int          key)
{
  GlossAnnotation *source, *target;
  LinkChoice *choice;

  if (self->link_choices == NULL)
    return FALSE;

  if (key < 1 || (guint) key > self->link_choices->len)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    }

  choice = g_ptr_array_index (self->link_choices, key - 1);
  source = choice->reversed ? self->link_target : self->link_source;
  target = choice->reversed ? self->link_source : self->link_target;
  if (gloss_layer_link (own_layer (self), gloss_relation_type_get_id (choice->type),
                        gloss_annotation_get_id (source), gloss_annotation_get_id (target),
                        NULL) == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      _gloss_window_notify (self, _("These passages are linked so already"));
    }

  /* The passage linked from stays selected, so that its curves show and
   * another Link starts from it again. */
  source = g_object_ref (self->link_source);
  stop_linking (self);
  gloss_text_view_popdown (self->text_view);
  gloss_text_view_select (self->text_view, source, FALSE);
  g_object_unref (source);
  return TRUE;
}

static void
link_type_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _gloss_window_link_key (GLOSS_WINDOW (widget), g_variant_get_int32 (parameter));
}

gboolean
_gloss_window_link_step (GlossWindow *self,
                         void       (*step) (GlossWindow *, int),
                         int          direction)
{
  if (!_gloss_window_linking (self) || self->link_choices != NULL)
    return FALSE;

  self->link_stepping = TRUE;
  step (self, direction);
  self->link_stepping = FALSE;
  return TRUE;
}

/* A passage clicked while linking is the other end. */
static void
on_selected (GlossWindow *self)
{
  GlossAnnotation *selected = gloss_text_view_get_selected (self->text_view);

  if (!_gloss_window_linking (self) || self->link_stepping || self->link_choices != NULL ||
      selected == NULL || selected == self->link_source)
    return;

  if (_gloss_window_own_selected (self) == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      _gloss_window_notify (self, _("Only your own passages can be linked"));
      return;
    }

  choose_target (self, selected);
}

/* The own layer lost the passage linked from (undone, deleted). */
static void
on_items_changed (GlossWindow *self)
{
  if (_gloss_window_linking (self) &&
      gloss_layer_index_of (own_layer (self), self->link_source) < 0)
    {
      stop_linking (self);
      gloss_text_view_popdown (self->text_view);
    }
}

/* A link of the inspector's relations: selects the relation's other end,
 * in the layer the inspector shows. */
static void
show_passage_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossAnnotationFile *file = gloss_inspector_get_file (self->inspector);
  GlossAnnotation *annotation = NULL;

  if (file != NULL)
    annotation = gloss_layer_lookup (gloss_annotation_file_get_layer (file),
                                     g_variant_get_string (parameter, NULL));
  if (annotation == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  gloss_text_view_select (self->text_view, annotation, TRUE);
}

/* Ctrl+I: the keyboard goes to the selected passage's first attribute. */
static void
edit_attributes_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  gtk_widget_set_visible (self->side_box, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->inspector), TRUE);
  if (!gloss_inspector_focus_attributes (self->inspector))
    {
      gtk_widget_error_bell (widget);
      _gloss_window_notify (self, _("The codebook gives this passage’s tag no attributes"));
    }
}

void
_gloss_window_update_relation_actions (GlossWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean editable = self->document != NULL &&
                      gloss_document_get_save_state (self->document) != GLOSS_SAVE_STATE_READ_ONLY;

  gtk_widget_action_set_enabled (widget, "win.link", editable && self->review == NULL &&
                                 _gloss_window_own_selected (self) != NULL);
  gtk_widget_action_set_enabled (widget, "win.link-choose", _gloss_window_linking (self) &&
                                 self->link_choices == NULL);
  gtk_widget_action_set_enabled (widget, "win.link-type", self->link_choices != NULL);
  gtk_widget_action_set_enabled (widget, "win.edit-attributes", editable && _gloss_window_own_selected (self) != NULL);
}

void
_gloss_window_class_init_relations (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.link", NULL, link_action);
  gtk_widget_class_install_action (widget_class, "win.link-choose", NULL, link_choose_action);
  gtk_widget_class_install_action (widget_class, "win.link-type", "i", link_type_action);
  gtk_widget_class_install_action (widget_class, "win.show-passage", "s", show_passage_action);
  gtk_widget_class_install_action (widget_class, "win.edit-attributes", NULL, edit_attributes_action);
}

void
_gloss_window_init_relations (GlossWindow *self)
{
  g_signal_connect_swapped (self->text_view, "notify::selected", G_CALLBACK (on_selected), self);
}

/* The window shows another document, or its own layer was replaced. */
void
_gloss_window_relations_layer_changed (GlossWindow *self)
{
  g_clear_signal_handler (&self->link_items_handler, self->link_layer);
  g_clear_object (&self->link_layer);
  if (_gloss_window_linking (self))
    {
      stop_linking (self);
      gloss_text_view_popdown (self->text_view);
    }
  if (own_layer (self) == NULL)
    return;

  self->link_layer = g_object_ref (own_layer (self));
  self->link_items_handler = g_signal_connect_swapped (self->link_layer, "items-changed",
                                                       G_CALLBACK (on_items_changed), self);
}

void
_gloss_window_dispose_relations (GlossWindow *self)
{
  g_clear_signal_handler (&self->link_items_handler, self->link_layer);
  g_clear_object (&self->link_layer);
  g_clear_object (&self->link_source);
  g_clear_object (&self->link_target);
  g_clear_pointer (&self->link_choices, g_ptr_array_unref);
}
