/* gloss-relations-editor.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-codebook-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-application.h"
#include "gloss-relations-editor.h"

/* The codebook dialog's relation types and attributes, edited in the
 * dialog's copy of the codebook.
 *
 * A relation type's row: its colour, its label, its id (stable, made
 * from the label when the type is added), the tags its source and its
 * target may have (a menu of checks; none ticked is any tag), whether it
 * has a direction, and a button that removes it.  An attribute's row:
 * its label and id, its kind, the tags it applies to, a choice's values
 * (labels separated by commas: a value keeps its id while its label
 * stays, a new label gets an id of its own), its default (empty for
 * none) and a button that removes it.  A definition's kind and values
 * have no setter: the definition is made again with the same id, in the
 * same place. */

struct _GlossRelationsEditor
{
  GtkWidget parent_instance;

  GlossCodebook *codebook;

  GtkWidget *box;
  GtkWidget *types_box;
  GtkWidget *attributes_box;
  GtkWidget *type_entry;
  GtkWidget *attribute_entry;
  /* Set while the rows are made again: an entry that loses the keyboard
   * as it goes commits nothing. */
  gboolean rebuilding;
  guint rebuild_id;
};

G_DEFINE_FINAL_TYPE (GlossRelationsEditor, gloss_relations_editor, GTK_TYPE_WIDGET)

static const char * const kind_labels[] = {
  /* Translators: kinds of attribute in the codebook dialog */
  N_("Choice"), N_("Yes or no"), N_("Number"), N_("Text"), NULL
};

static void rebuild (GlossRelationsEditor *self);

/* The relation type or attribute definition of the row @widget is in. */
static gpointer
item_of (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      gpointer item = g_object_get_data (G_OBJECT (widget), "gloss-item");

      if (item != NULL)
        return item;
    }

  return NULL;
}

static GlossRelationsEditor *
editor_of (GtkWidget *widget)
{
  return GLOSS_RELATIONS_EDITOR (gtk_widget_get_ancestor (widget, GLOSS_TYPE_RELATIONS_EDITOR));
}

/* A slug of @label that neither a relation type nor an attribute has. */
static char *
unique_id (GlossCodebook *codebook,
           const char    *label,
           const char    *fallback)
{
  g_autofree char *base = gloss_slugify (label);

  if (base == NULL)
    base = g_strdup (fallback);

  for (guint n = 1; ; n++)
    {
      g_autofree char *id = n == 1 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, n);

      if (gloss_codebook_lookup_relation_type (codebook, id) == NULL &&
          gloss_codebook_lookup_attribute (codebook, id) == NULL)
        return g_steal_pointer (&id);
    }
}

/* Tags as checks */

typedef void (*TagsChanged) (GtkWidget *button, GStrv tags);

/* The ids of the tags ticked in the popover of @button. */
static GStrv
ticked_tags (GtkWidget *button)
{
  GtkWidget *box = gtk_popover_get_child (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (GtkWidget *check = gtk_widget_get_first_child (box); check != NULL;
       check = gtk_widget_get_next_sibling (check))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
      g_strv_builder_add (builder, gtk_widget_get_name (check));

  return g_strv_builder_end (builder);
}

static void
update_tags_label (GtkWidget  *button,
                   const char *what)
{
  g_auto(GStrv) tags = ticked_tags (button);
  g_autofree char *joined = g_strjoinv (", ", tags);
  g_autofree char *label = NULL;

  /* Translators: "From" or "To" or "Tags", then tag ids, or any tag */
  label = g_strdup_printf (_("%s: %s"), what, tags[0] != NULL ? joined : _("any tag"));
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), label);
}

static void
on_tag_toggled (GtkCheckButton *check,
                GtkWidget      *button)
{
  TagsChanged changed = g_object_get_data (G_OBJECT (button), "gloss-changed");
  g_auto(GStrv) tags = ticked_tags (button);

  update_tags_label (button, g_object_get_data (G_OBJECT (button), "gloss-what"));
  changed (button, tags);
}

static GtkWidget *
tags_button_new (GlossCodebook      *codebook,
                 const char         *name,
                 const char         *what,
                 const char * const *selected,
                 TagsChanged         changed)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  for (guint i = 0; gloss_codebook_get_tag (codebook, i) != NULL; i++)
    {
      GlossTag *tag = gloss_codebook_get_tag (codebook, i);
      GtkWidget *check = gtk_check_button_new_with_label (gloss_tag_get_label (tag));

      gtk_widget_set_name (check, gloss_tag_get_id (tag));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   g_strv_contains (selected, gloss_tag_get_id (tag)));
      g_signal_connect (check, "toggled", G_CALLBACK (on_tag_toggled), button);
      gtk_box_append (GTK_BOX (box), check);
    }

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_name (button, name);
  g_object_set_data (G_OBJECT (button), "gloss-changed", changed);
  g_object_set_data_full (G_OBJECT (button), "gloss-what", g_strdup (what), g_free);
  update_tags_label (button, what);
  return button;
}

/* Relation types */

static void
on_type_color (GtkColorButton *button)
{
  GdkRGBA rgba;
  g_autofree char *color = NULL;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  color = g_strdup_printf ("#%02x%02x%02x", (guint) (rgba.red * 255 + 0.5),
                           (guint) (rgba.green * 255 + 0.5), (guint) (rgba.blue * 255 + 0.5));
  gloss_relation_type_set_color (item_of (GTK_WIDGET (button)), color);
}

static void
on_type_label (GtkEditable *entry)
{
  const char *text = gtk_editable_get_text (entry);

  if (*text != '\0')
    gloss_relation_type_set_label (item_of (GTK_WIDGET (entry)), text);
}

static void
on_type_tags (GtkWidget *button,
              GStrv      tags)
{
  GlossRelationType *type = item_of (button);
  gboolean source = g_str_equal (gtk_widget_get_name (button), "source-tags");
  /* Copies: the type frees its own lists as it takes the new ones. */
  g_auto(GStrv) sources = g_strdupv ((char **) gloss_relation_type_get_source_tags (type));
  g_auto(GStrv) targets = g_strdupv ((char **) gloss_relation_type_get_target_tags (type));

  gloss_relation_type_set_tags (type,
                                (const char * const *) (source ? tags : sources),
                                (const char * const *) (source ? targets : tags));
}

static void
on_type_directed (GtkCheckButton *check)
{
  gloss_relation_type_set_directed (item_of (GTK_WIDGET (check)), gtk_check_button_get_active (check));
}

static void
on_type_remove (GtkButton *button)
{
  GlossRelationsEditor *self = editor_of (GTK_WIDGET (button));

  gloss_codebook_remove_relation_type (self->codebook, gloss_relation_type_get_id (item_of (GTK_WIDGET (button))));
  rebuild (self);
}

static GtkWidget *
remove_button_new (const char *tooltip,
                   GCallback   callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_name (button, "remove");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  g_signal_connect (button, "clicked", callback, NULL);
  return button;
}

static GtkWidget *
id_label_new (const char *id)
{
  GtkWidget *label = gtk_label_new (id);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  return label;
}

static GtkWidget *
type_row_new (GlossRelationsEditor *self,
              GlossRelationType    *type)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *widget;
  GdkRGBA rgba;

  g_object_set_data_full (G_OBJECT (row), "gloss-item", g_object_ref (type), g_object_unref);
  gtk_widget_set_name (row, gloss_relation_type_get_id (type));

  widget = gtk_color_button_new ();
  if (gdk_rgba_parse (&rgba, gloss_relation_type_get_color (type)))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (widget), &rgba);
  g_signal_connect (widget, "color-set", G_CALLBACK (on_type_color), NULL);
  gtk_box_append (GTK_BOX (row), widget);

  widget = gtk_entry_new ();
  gtk_widget_set_name (widget, "label");
  gtk_editable_set_text (GTK_EDITABLE (widget), gloss_relation_type_get_label (type));
  gtk_editable_set_width_chars (GTK_EDITABLE (widget), 12);
  g_signal_connect (widget, "changed", G_CALLBACK (on_type_label), NULL);
  gtk_box_append (GTK_BOX (row), widget);
  gtk_box_append (GTK_BOX (row), id_label_new (gloss_relation_type_get_id (type)));

  gtk_box_append (GTK_BOX (row), tags_button_new (self->codebook, "source-tags", _("From"),
                                                  gloss_relation_type_get_source_tags (type), on_type_tags));
  gtk_box_append (GTK_BOX (row), tags_button_new (self->codebook, "target-tags", _("To"),
                                                  gloss_relation_type_get_target_tags (type), on_type_tags));

  widget = gtk_check_button_new_with_label (_("Directed"));
  gtk_widget_set_name (widget, "directed");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (widget), gloss_relation_type_get_directed (type));
  g_signal_connect (widget, "toggled", G_CALLBACK (on_type_directed), NULL);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_box_append (GTK_BOX (row), widget);

  gtk_box_append (GTK_BOX (row), remove_button_new (_("Remove this relation type"), G_CALLBACK (on_type_remove)));
  return row;
}

/* Attributes */

/* The codebook holds @def in place of the definition of the same id. */
static void
replace_attribute (GlossCodebook     *codebook,
                   GlossAttributeDef *def)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < gloss_codebook_get_n_attributes (codebook); i++)
    {
      GlossAttributeDef *old = gloss_codebook_get_attribute (codebook, i);

      g_ptr_array_add (all, g_object_ref (g_str_equal (gloss_attribute_def_get_id (old),
                                                       gloss_attribute_def_get_id (def))
                                          ? def : old));
    }
  for (guint i = 0; i < all->len; i++)
    gloss_codebook_remove_attribute (codebook, gloss_attribute_def_get_id (g_ptr_array_index (all, i)));
  for (guint i = 0; i < all->len; i++)
    gloss_codebook_add_attribute (codebook, g_ptr_array_index (all, i));
}

/* @def made again with @kind and the values of @labels (NULL: its own),
 * without a default. */
static GlossAttributeDef *
remake (GlossAttributeDef  *def,
        GlossAttributeKind  kind,
        const char * const *labels)
{
  GlossAttributeDef *made = gloss_attribute_def_new (gloss_attribute_def_get_id (def),
                                                     gloss_attribute_def_get_raw_label (def), kind,
                                                     gloss_attribute_def_get_tags (def));

  gloss_attribute_def_set_extra (made, gloss_attribute_def_get_extra (def));
  if (kind != GLOSS_ATTRIBUTE_CHOICE)
    return made;

  if (labels == NULL)
    {
      for (guint v = 0; v < gloss_attribute_def_get_n_values (def); v++)
        gloss_attribute_def_add_value (made, gloss_attribute_def_get_value_id (def, v),
                                       gloss_attribute_def_get_raw_value_label (def, v));
      return made;
    }

  for (guint i = 0; labels[i] != NULL; i++)
    {
      g_autofree char *label = g_strstrip (g_strdup (labels[i]));
      g_autofree char *id = NULL;

      if (*label == '\0')
        continue;
      /* A label kept keeps its value's id. */
      for (guint v = 0; id == NULL && v < gloss_attribute_def_get_n_values (def); v++)
        if (g_str_equal (label, gloss_attribute_def_get_value_label (def, v)) ||
            g_str_equal (label, gloss_attribute_def_get_raw_value_label (def, v)))
          id = g_strdup (gloss_attribute_def_get_value_id (def, v));
      if (id == NULL)
        id = gloss_slugify (label);
      if (id == NULL)
        id = g_strdup ("value");
      for (guint n = 2; gloss_attribute_def_has_value (made, id); n++)
        {
          g_autofree char *base = g_strdup (id);

          g_free (id);
          id = g_strdup_printf ("%s-%u", base, n);
        }
      gloss_attribute_def_add_value (made, id, label);
    }

  return made;
}

static void
on_attribute_label (GtkEditable *entry)
{
  const char *text = gtk_editable_get_text (entry);

  if (*text != '\0')
    gloss_attribute_def_set_label (item_of (GTK_WIDGET (entry)), text);
}

static gboolean
rebuild_cb (gpointer data)
{
  GlossRelationsEditor *self = data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
on_attribute_kind (GtkDropDown *dropdown)
{
  GlossRelationsEditor *self = editor_of (GTK_WIDGET (dropdown));
  GlossAttributeDef *def = item_of (GTK_WIDGET (dropdown));
  g_autoptr(GlossAttributeDef) made = NULL;

  if (gtk_drop_down_get_selected (dropdown) == (guint) gloss_attribute_def_get_kind (def))
    return;
  made = remake (def, gtk_drop_down_get_selected (dropdown), NULL);
  replace_attribute (self->codebook, made);
  /* The drop-down is still telling of its change: its row goes after. */
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_cb, self);
}

static void
on_attribute_tags (GtkWidget *button,
                   GStrv      tags)
{
  gloss_attribute_def_set_tags (item_of (button), (const char * const *) tags);
}

static char *
dup_values_text (GlossAttributeDef *def)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint v = 0; v < gloss_attribute_def_get_n_values (def); v++)
    g_string_append_printf (text, "%s%s", v > 0 ? ", " : "", gloss_attribute_def_get_value_label (def, v));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The values entry loses the keyboard or gets Enter. */
static void
commit_values (GtkWidget *entry)
{
  GlossRelationsEditor *self = editor_of (entry);
  GlossAttributeDef *def = item_of (entry);
  g_autofree char *before = dup_values_text (def);
  g_auto(GStrv) labels = NULL;
  g_autoptr(GlossAttributeDef) made = NULL;
  GVariant *old_default;

  if (self == NULL || self->rebuilding ||
      g_str_equal (before, gtk_editable_get_text (GTK_EDITABLE (entry))))
    return;

  labels = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (entry)), ",", -1);
  made = remake (def, gloss_attribute_def_get_kind (def), (const char * const *) labels);
  old_default = gloss_attribute_def_get_default (def);

  if (old_default != NULL)
    gloss_attribute_def_set_default (made, g_variant_ref (old_default));
  replace_attribute (self->codebook, made);
  rebuild (self);
}

static void
on_values_leave (GtkEventControllerFocus *focus)
{
  commit_values (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus)));
}

static void
on_default (GtkEditable *entry)
{
  GlossAttributeDef *def = item_of (GTK_WIDGET (entry));
  const char *text = gtk_editable_get_text (entry);
  g_autoptr(GVariant) value = NULL;

  if (*text == '\0')
    {
      gloss_attribute_def_set_default (def, NULL);
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      return;
    }

  /* A choice's default may be typed as its label. */
  for (guint v = 0; gloss_attribute_def_get_kind (def) == GLOSS_ATTRIBUTE_CHOICE &&
                    v < gloss_attribute_def_get_n_values (def); v++)
    if (g_str_equal (text, gloss_attribute_def_get_value_label (def, v)))
      text = gloss_attribute_def_get_value_id (def, v);

  value = gloss_attribute_def_parse_value (def, text, NULL);
  if (value != NULL && gloss_attribute_def_set_default (def, g_variant_ref (value)))
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
}

static void
on_attribute_remove (GtkButton *button)
{
  GlossRelationsEditor *self = editor_of (GTK_WIDGET (button));

  gloss_codebook_remove_attribute (self->codebook, gloss_attribute_def_get_id (item_of (GTK_WIDGET (button))));
  rebuild (self);
}


static GtkWidget *
attribute_row_new (GlossRelationsEditor *self,
                   GlossAttributeDef    *def)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GVariant *default_value = gloss_attribute_def_get_default (def);
  g_autofree char *default_text = default_value ? gloss_attribute_value_to_string (default_value) : NULL;
  g_autofree char *values = dup_values_text (def);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkEventController *focus;
  GtkWidget *widget;

  g_object_set_data_full (G_OBJECT (row), "gloss-item", g_object_ref (def), g_object_unref);
  gtk_widget_set_name (row, gloss_attribute_def_get_id (def));

  widget = gtk_entry_new ();
  gtk_widget_set_name (widget, "label");
  gtk_editable_set_text (GTK_EDITABLE (widget), gloss_attribute_def_get_label (def));
  gtk_editable_set_width_chars (GTK_EDITABLE (widget), 10);
  g_signal_connect (widget, "changed", G_CALLBACK (on_attribute_label), NULL);
  gtk_box_append (GTK_BOX (row), widget);
  gtk_box_append (GTK_BOX (row), id_label_new (gloss_attribute_def_get_id (def)));

  for (guint i = 0; kind_labels[i] != NULL; i++)
    gtk_string_list_append (kinds, _(kind_labels[i]));
  widget = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&kinds)), NULL);
  gtk_widget_set_name (widget, "kind");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (widget), gloss_attribute_def_get_kind (def));
  g_signal_connect (widget, "notify::selected", G_CALLBACK (on_attribute_kind), NULL);
  gtk_box_append (GTK_BOX (row), widget);

  gtk_box_append (GTK_BOX (row), tags_button_new (self->codebook, "tags", _("Tags"),
                                                  gloss_attribute_def_get_tags (def), on_attribute_tags));

  widget = gtk_entry_new ();
  gtk_widget_set_name (widget, "values");
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (widget), _("Values, separated by commas"));
  gtk_editable_set_text (GTK_EDITABLE (widget), values);
  gtk_widget_set_visible (widget, gloss_attribute_def_get_kind (def) == GLOSS_ATTRIBUTE_CHOICE);
  g_signal_connect (widget, "activate", G_CALLBACK (commit_values), NULL);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_values_leave), NULL);
  gtk_widget_add_controller (widget, focus);
  gtk_box_append (GTK_BOX (row), widget);

  widget = gtk_entry_new ();
  gtk_widget_set_name (widget, "default");
  gtk_editable_set_width_chars (GTK_EDITABLE (widget), 8);
  gtk_entry_set_placeholder_text (GTK_ENTRY (widget), _("Default"));
  gtk_editable_set_text (GTK_EDITABLE (widget), default_text ? default_text : "");
  g_signal_connect (widget, "changed", G_CALLBACK (on_default), NULL);
  gtk_box_append (GTK_BOX (row), widget);

  gtk_box_append (GTK_BOX (row), remove_button_new (_("Remove this attribute"), G_CALLBACK (on_attribute_remove)));
  return row;
}

static void
rebuild (GlossRelationsEditor *self)
{
  GtkWidget *child;

  self->rebuilding = TRUE;
  while ((child = gtk_widget_get_first_child (self->types_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->types_box), child);
  while ((child = gtk_widget_get_first_child (self->attributes_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->attributes_box), child);
  self->rebuilding = FALSE;

  if (self->codebook == NULL)
    return;

  for (guint i = 0; i < gloss_codebook_get_n_relation_types (self->codebook); i++)
    gtk_box_append (GTK_BOX (self->types_box),
                    type_row_new (self, gloss_codebook_get_relation_type (self->codebook, i)));
  for (guint i = 0; i < gloss_codebook_get_n_attributes (self->codebook); i++)
    gtk_box_append (GTK_BOX (self->attributes_box),
                    attribute_row_new (self, gloss_codebook_get_attribute (self->codebook, i)));
}

static void
add_type (GlossRelationsEditor *self)
{
  const char *label = gtk_editable_get_text (GTK_EDITABLE (self->type_entry));
  g_autofree char *id = NULL;
  g_autoptr(GlossRelationType) type = NULL;

  if (*label == '\0')
    return;

  id = unique_id (self->codebook, label, "relation");
  type = gloss_relation_type_new (id, label, gloss_codebook_suggest_color (self->codebook), NULL, NULL, TRUE);
  gloss_codebook_add_relation_type (self->codebook, type);
  gtk_editable_set_text (GTK_EDITABLE (self->type_entry), "");
  rebuild (self);
}

static void
add_attribute (GlossRelationsEditor *self)
{
  const char *label = gtk_editable_get_text (GTK_EDITABLE (self->attribute_entry));
  g_autofree char *id = NULL;
  g_autoptr(GlossAttributeDef) def = NULL;

  if (*label == '\0')
    return;

  id = unique_id (self->codebook, label, "attribute");
  def = gloss_attribute_def_new (id, label, GLOSS_ATTRIBUTE_CHOICE, NULL);
  gloss_codebook_add_attribute (self->codebook, def);
  gtk_editable_set_text (GTK_EDITABLE (self->attribute_entry), "");
  rebuild (self);
}

/* A heading, the box of rows, and an entry with an Add button. */
static GtkWidget *
section_new (GlossRelationsEditor *self,
             const char           *heading,
             const char           *placeholder,
             const char           *name,
             GtkWidget           **rows,
             GtkWidget           **entry,
             GCallback             add)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (heading);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (section), label);
  *rows = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (section), *rows);

  *entry = gtk_entry_new ();
  gtk_widget_set_name (*entry, name);
  gtk_widget_set_hexpand (*entry, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (*entry), placeholder);
  g_signal_connect_swapped (*entry, "activate", add, self);
  g_signal_connect_swapped (button, "clicked", add, self);
  gtk_box_append (GTK_BOX (line), *entry);
  gtk_box_append (GTK_BOX (line), button);
  gtk_box_append (GTK_BOX (section), line);
  return section;
}

static void
gloss_relations_editor_dispose (GObject *object)
{
  GlossRelationsEditor *self = GLOSS_RELATIONS_EDITOR (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->codebook);

  G_OBJECT_CLASS (gloss_relations_editor_parent_class)->dispose (object);
}

static void
gloss_relations_editor_class_init (GlossRelationsEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_relations_editor_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gloss_relations_editor_init (GlossRelationsEditor *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (self->box),
                  section_new (self, _("Relation Types"), _("Label of a new relation type"),
                               "new-relation-type", &self->types_box, &self->type_entry,
                               G_CALLBACK (add_type)));
  gtk_box_append (GTK_BOX (self->box),
                  section_new (self, _("Attributes"), _("Label of a new attribute"),
                               "new-attribute", &self->attributes_box, &self->attribute_entry,
                               G_CALLBACK (add_attribute)));
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

GtkWidget *
gloss_relations_editor_new (GlossCodebook *codebook)
{
  GlossRelationsEditor *self = g_object_new (GLOSS_TYPE_RELATIONS_EDITOR, NULL);

  g_return_val_if_fail (GLOSS_IS_CODEBOOK (codebook), NULL);

  self->codebook = g_object_ref (codebook);
  rebuild (self);
  return GTK_WIDGET (self);
}
