/* gloss-attribute-editor.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-inspector"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-attribute-editor.h"

/* The codebook's attributes of the passage's tag, one row each: a label,
 * then a drop-down for a choice (its first item "—" clears it; with the
 * keyboard in it, 1 to 9 choose the first nine values and 0 clears), a check
 * for yes or no, a spin button for a number, an entry for text.  Each
 * change is one step of the layer's history, through
 * gloss_layer_set_attribute, checked against the codebook first.  The
 * rows are made again when the passage, its tag or the codebook change
 * which attributes there are, and set again (not made) when only their
 * values or labels change: another passage with the same attributes, or
 * undo. */

struct _GlossAttributeEditor
{
  GtkWidget parent_instance;

  GlossAnnotation *annotation;
  GlossLayer *layer;
  GlossCodebook *codebook;
  gboolean editable;
  gulong notify_handler;
  /* Above zero while the code sets the widgets. */
  guint updating;

  GtkWidget *grid;
  GPtrArray *defs;               /* GlossAttributeDef of each row */
  GPtrArray *editors;            /* the widget of each row */
};

G_DEFINE_FINAL_TYPE (GlossAttributeEditor, gloss_attribute_editor, GTK_TYPE_WIDGET)

static void
commit (GlossAttributeEditor *self,
        GlossAttributeDef    *def,
        GVariant             *value)
{
  g_autoptr(GVariant) held = value != NULL ? g_variant_ref_sink (value) : NULL;
  g_autoptr(GError) error = NULL;
  const char *id = gloss_attribute_def_get_id (def);

  if (self->updating > 0 || !self->editable || self->annotation == NULL || self->layer == NULL)
    return;

  if (held != NULL && self->codebook != NULL &&
      !gloss_codebook_check_attribute (self->codebook, gloss_annotation_get_tag (self->annotation),
                                       id, held, &error))
    {
      g_debug ("%s", error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  gloss_layer_set_attribute (self->layer, self->annotation, id, held);
}

static GlossAttributeDef *
def_of (GlossAttributeEditor *self,
        GtkWidget            *editor)
{
  guint index;

  if (!g_ptr_array_find (self->editors, editor, &index))
    return NULL;
  return g_ptr_array_index (self->defs, index);
}

static void
on_choice (GtkDropDown          *dropdown,
           GParamSpec           *pspec,
           GlossAttributeEditor *self)
{
  GlossAttributeDef *def = def_of (self, GTK_WIDGET (dropdown));
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (def == NULL)
    return;
  commit (self, def, selected == 0 || selected == GTK_INVALID_LIST_POSITION
          ? NULL
          : g_variant_new_string (gloss_attribute_def_get_value_id (def, selected - 1)));
}

static void
on_toggled (GtkCheckButton       *check,
            GlossAttributeEditor *self)
{
  GlossAttributeDef *def = def_of (self, GTK_WIDGET (check));

  if (def != NULL)
    commit (self, def, g_variant_new_boolean (gtk_check_button_get_active (check)));
}

static void
on_number (GtkSpinButton        *spin,
           GlossAttributeEditor *self)
{
  GlossAttributeDef *def = def_of (self, GTK_WIDGET (spin));

  if (def != NULL)
    commit (self, def, g_variant_new_double (gtk_spin_button_get_value (spin)));
}

static void
on_text (GtkEntry             *entry,
         GlossAttributeEditor *self)
{
  GlossAttributeDef *def = def_of (self, GTK_WIDGET (entry));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (def != NULL)
    commit (self, def, *text != '\0' ? g_variant_new_string (text) : NULL);
}

/* Keys 0 to 9 (and the keypad's) in a choice's drop-down: its values. */
static GtkEventController *
value_keys_new (const char *id)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  for (int key = 0; key <= 9; key++)
    for (guint twin = 0; twin < 2; twin++)
      {
        GtkShortcut *shortcut =
          gtk_shortcut_new (gtk_keyval_trigger_new ((twin ? GDK_KEY_KP_0 : GDK_KEY_0) + key, 0),
                            gtk_named_action_new ("attributes.choose"));

        gtk_shortcut_set_arguments (shortcut, g_variant_new ("(si)", id, key));
        gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
      }

  return controller;
}

/* attributes.choose((id, n)): the choice @id takes its n-th value, or
 * none for 0. */
static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossAttributeEditor *self = GLOSS_ATTRIBUTE_EDITOR (widget);
  const char *id;
  int key;
  GtkWidget *editor;
  GlossAttributeDef *def;

  g_variant_get (parameter, "(&si)", &id, &key);
  editor = gloss_attribute_editor_get_editor (self, id);
  def = editor ? def_of (self, editor) : NULL;
  if (def == NULL || !GTK_IS_DROP_DOWN (editor) || !self->editable || key < 0 ||
      (guint) key > gloss_attribute_def_get_n_values (def))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  gtk_drop_down_set_selected (GTK_DROP_DOWN (editor), key);
}

static GtkWidget *
editor_new (GlossAttributeEditor *self,
            GlossAttributeDef    *def)
{
  GtkWidget *editor = NULL;

  switch (gloss_attribute_def_get_kind (def))
    {
    case GLOSS_ATTRIBUTE_CHOICE:
      {
        GtkStringList *values = gtk_string_list_new (NULL);

        /* Translators: the item of an attribute's drop-down that leaves it unset */
        gtk_string_list_append (values, _("—"));
        for (guint i = 0; i < gloss_attribute_def_get_n_values (def); i++)
          gtk_string_list_append (values, gloss_attribute_def_get_value_label (def, i));
        editor = gtk_drop_down_new (G_LIST_MODEL (values), NULL);
        g_signal_connect (editor, "notify::selected", G_CALLBACK (on_choice), self);
        gtk_widget_add_controller (editor, value_keys_new (gloss_attribute_def_get_id (def)));
      }
      break;
    case GLOSS_ATTRIBUTE_BOOLEAN:
      editor = gtk_check_button_new ();
      g_signal_connect (editor, "toggled", G_CALLBACK (on_toggled), self);
      break;
    case GLOSS_ATTRIBUTE_NUMBER:
      editor = gtk_spin_button_new_with_range (-1e9, 1e9, 1);
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (editor), 2);
      g_signal_connect (editor, "value-changed", G_CALLBACK (on_number), self);
      break;
    case GLOSS_ATTRIBUTE_TEXT:
    default:
      editor = gtk_entry_new ();
      g_signal_connect (editor, "activate", G_CALLBACK (on_text), self);
      break;
    }

  gtk_widget_set_name (editor, gloss_attribute_def_get_id (def));
  gtk_widget_set_hexpand (editor, TRUE);
  return editor;
}

/* Sets each row's widget to the passage's value. */
static void
load_values (GlossAttributeEditor *self)
{
  self->updating++;
  for (guint i = 0; i < self->defs->len; i++)
    {
      GlossAttributeDef *def = g_ptr_array_index (self->defs, i);
      GtkWidget *editor = g_ptr_array_index (self->editors, i);
      g_autoptr(GVariant) value = gloss_annotation_dup_attribute (self->annotation,
                                                                 gloss_attribute_def_get_id (def));

      gtk_widget_set_sensitive (editor, self->editable);
      switch (gloss_attribute_def_get_kind (def))
        {
        case GLOSS_ATTRIBUTE_CHOICE:
          {
            guint selected = 0;

            for (guint v = 0; value != NULL && v < gloss_attribute_def_get_n_values (def); v++)
              if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) &&
                  g_str_equal (g_variant_get_string (value, NULL), gloss_attribute_def_get_value_id (def, v)))
                selected = v + 1;
            gtk_drop_down_set_selected (GTK_DROP_DOWN (editor), selected);
          }
          break;
        case GLOSS_ATTRIBUTE_BOOLEAN:
          gtk_check_button_set_active (GTK_CHECK_BUTTON (editor),
                                       value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN) &&
                                       g_variant_get_boolean (value));
          break;
        case GLOSS_ATTRIBUTE_NUMBER:
          gtk_spin_button_set_value (GTK_SPIN_BUTTON (editor),
                                     value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE)
                                     ? g_variant_get_double (value) : 0);
          break;
        case GLOSS_ATTRIBUTE_TEXT:
        default:
          {
            g_autofree char *text = value != NULL ? gloss_attribute_value_to_string (value) : NULL;

            gtk_editable_set_text (GTK_EDITABLE (editor), text ? text : "");
          }
          break;
        }
    }
  self->updating--;
}

/* Whether @defs are the attributes the rows show now, in their order. */
static gboolean
shows_defs (GlossAttributeEditor *self,
            GPtrArray            *defs)
{
  guint n = defs != NULL ? defs->len : 0;

  if (n != self->defs->len)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_ptr_array_index (defs, i) != g_ptr_array_index (self->defs, i))
      return FALSE;
  return TRUE;
}

/* Makes a row per attribute of the passage's tag; the rows shown are
 * kept, their labels set again, when the attributes are the same (the
 * next passage has its tag, or another tag with the same attributes):
 * stepping from claim to claim makes no widgets. */
static void
rebuild (GlossAttributeEditor *self)
{
  g_autoptr(GPtrArray) defs = NULL;
  GtkWidget *child;

  if (self->annotation != NULL && self->codebook != NULL)
    defs = gloss_codebook_attributes_for_tag (self->codebook, gloss_annotation_get_tag (self->annotation));

  if (shows_defs (self, defs))
    {
      for (guint i = 0; i < self->defs->len; i++)
        gtk_label_set_label (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (self->grid), 0, i)),
                             gloss_attribute_def_get_label (g_ptr_array_index (self->defs, i)));
    }
  else
    {
      while ((child = gtk_widget_get_first_child (self->grid)) != NULL)
        gtk_grid_remove (GTK_GRID (self->grid), child);
      g_ptr_array_set_size (self->defs, 0);
      g_ptr_array_set_size (self->editors, 0);

      for (guint i = 0; defs != NULL && i < defs->len; i++)
        {
          GlossAttributeDef *def = g_ptr_array_index (defs, i);
          GtkWidget *label = gtk_label_new (gloss_attribute_def_get_label (def));
          GtkWidget *editor = editor_new (self, def);

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_widget_add_css_class (label, "dim-label");
          gtk_label_set_mnemonic_widget (GTK_LABEL (label), editor);
          gtk_grid_attach (GTK_GRID (self->grid), label, 0, i, 1, 1);
          gtk_grid_attach (GTK_GRID (self->grid), editor, 1, i, 1, 1);
          g_ptr_array_add (self->defs, g_object_ref (def));
          g_ptr_array_add (self->editors, editor);
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self), self->defs->len > 0);
  if (self->defs->len > 0)
    load_values (self);
}

static void
on_annotation_notify (GlossAttributeEditor *self,
                      GParamSpec           *pspec)
{
  if (g_str_equal (g_param_spec_get_name (pspec), "tag"))
    rebuild (self);
  else if (g_str_equal (g_param_spec_get_name (pspec), "attributes"))
    load_values (self);
}

static void
gloss_attribute_editor_dispose (GObject *object)
{
  GlossAttributeEditor *self = GLOSS_ATTRIBUTE_EDITOR (object);

  if (self->annotation != NULL)
    g_clear_signal_handler (&self->notify_handler, self->annotation);
  g_clear_object (&self->annotation);
  g_clear_object (&self->layer);
  g_clear_object (&self->codebook);
  g_clear_pointer (&self->grid, gtk_widget_unparent);
  g_clear_pointer (&self->defs, g_ptr_array_unref);
  g_clear_pointer (&self->editors, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_attribute_editor_parent_class)->dispose (object);
}

static void
gloss_attribute_editor_class_init (GlossAttributeEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_attribute_editor_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "attributes");
  gtk_widget_class_install_action (widget_class, "attributes.choose", "(si)", choose_action);
}

static void
gloss_attribute_editor_init (GlossAttributeEditor *self)
{
  self->defs = g_ptr_array_new_with_free_func (g_object_unref);
  self->editors = g_ptr_array_new ();
  self->grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 6);
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
gloss_attribute_editor_new (void)
{
  return g_object_new (GLOSS_TYPE_ATTRIBUTE_EDITOR, NULL);
}

void
gloss_attribute_editor_set (GlossAttributeEditor *self,
                            GlossAnnotation      *annotation,
                            GlossLayer           *layer,
                            GlossCodebook        *codebook,
                            gboolean              editable)
{
  g_return_if_fail (GLOSS_IS_ATTRIBUTE_EDITOR (self));

  if (self->annotation != annotation)
    {
      if (self->annotation != NULL)
        g_clear_signal_handler (&self->notify_handler, self->annotation);
      g_set_object (&self->annotation, annotation);
      if (annotation != NULL)
        self->notify_handler = g_signal_connect_swapped (annotation, "notify",
                                                         G_CALLBACK (on_annotation_notify), self);
    }
  g_set_object (&self->layer, layer);
  g_set_object (&self->codebook, codebook);
  self->editable = editable;
  rebuild (self);
}

GtkWidget *
gloss_attribute_editor_get_editor (GlossAttributeEditor *self,
                                   const char           *id)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_EDITOR (self), NULL);

  for (guint i = 0; i < self->defs->len; i++)
    if (g_str_equal (gloss_attribute_def_get_id (g_ptr_array_index (self->defs, i)), id))
      return g_ptr_array_index (self->editors, i);
  return NULL;
}

gboolean
gloss_attribute_editor_focus_first (GlossAttributeEditor *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_EDITOR (self), FALSE);

  return self->editors->len > 0 && gtk_widget_grab_focus (g_ptr_array_index (self->editors, 0));
}

/* A value as its attribute's kind shows it: a choice's label, yes or no. */
static char *
describe_value (GlossAttributeDef *def,
                GVariant          *value)
{
  if (def != NULL && gloss_attribute_def_get_kind (def) == GLOSS_ATTRIBUTE_CHOICE &&
      g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    for (guint v = 0; v < gloss_attribute_def_get_n_values (def); v++)
      if (g_str_equal (gloss_attribute_def_get_value_id (def, v), g_variant_get_string (value, NULL)))
        return g_strdup (gloss_attribute_def_get_value_label (def, v));

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    return g_strdup (g_variant_get_boolean (value) ? _("yes") : _("no"));

  return gloss_attribute_value_to_string (value);
}

char *
gloss_attributes_describe (GlossCodebook   *codebook,
                           GlossAnnotation *annotation)
{
  GVariant *attributes;
  GString *text = g_string_new (NULL);
  GVariantIter iter;
  const char *id;
  GVariant *value;

  g_return_val_if_fail (codebook == NULL || GLOSS_IS_CODEBOOK (codebook), NULL);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), NULL);

  attributes = gloss_annotation_get_attributes (annotation);
  if (attributes == NULL)
    return g_string_free (text, FALSE);

  g_variant_iter_init (&iter, attributes);
  while (g_variant_iter_next (&iter, "{&sv}", &id, &value))
    {
      GlossAttributeDef *def = codebook ? gloss_codebook_lookup_attribute (codebook, id) : NULL;
      g_autofree char *shown = describe_value (def, value);

      if (text->len > 0)
        g_string_append (text, ", ");
      /* Translators: an attribute's label, then its value ("Verdict: False") */
      g_string_append_printf (text, _("%s: %s"), def ? gloss_attribute_def_get_label (def) : id, shown);
      g_variant_unref (value);
    }

  return g_string_free (text, FALSE);
}
