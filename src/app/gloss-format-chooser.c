/* gloss-format-chooser.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-format-chooser"

#include "config.h"

#include "gloss-application.h"
#include "gloss-format-chooser.h"

struct _GlossFormatChooser
{
  GtkWidget parent_instance;

  GlossFormatDirection direction;
  GPtrArray *formats;             /* the registry's, in the list's order */
  GtkSizeGroup *label_size_group;

  /* Template children */
  GtkLabel *format_title;
  GtkDropDown *format_dropdown;
  GtkLabel *format_note;
  GtkCheckButton *spreadsheet_check;
  GtkWidget *offsets_box;
  GtkDropDown *offsets_dropdown;
  GtkWidget *scheme_box;
  GtkDropDown *scheme_dropdown;
  GtkCheckButton *excel_check;
  GtkCheckButton *columns_check;
};

G_DEFINE_FINAL_TYPE (GlossFormatChooser, gloss_format_chooser, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DIRECTION,
  PROP_FORMAT_ID,
  PROP_OFFSET_UNIT,
  PROP_SCHEME,
  PROP_SPREADSHEET_SAFE,
  PROP_EXCEL,
  PROP_ANNOTATOR_COLUMNS,
  PROP_LABEL_SIZE_GROUP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The row that @option shows, or NULL for an option without a row. */
static GtkWidget *
option_row (GlossFormatChooser *self,
            GlossFormatOptions  option)
{
  switch (option)
    {
    case GLOSS_FORMAT_SPREADSHEET_SAFE:
      return GTK_WIDGET (self->spreadsheet_check);
    case GLOSS_FORMAT_OFFSET_UNIT:
      return self->offsets_box;
    case GLOSS_FORMAT_IOB_SCHEME:
      return self->scheme_box;
    case GLOSS_FORMAT_EXCEL:
      return GTK_WIDGET (self->excel_check);
    case GLOSS_FORMAT_ANNOTATOR_COLUMNS:
      return GTK_WIDGET (self->columns_check);
    default:
      return NULL;
    }
}

static void
format_changed_cb (GlossFormatChooser *self)
{
  static const GlossFormatOptions options[] = {
    GLOSS_FORMAT_SPREADSHEET_SAFE, GLOSS_FORMAT_OFFSET_UNIT, GLOSS_FORMAT_IOB_SCHEME,
    GLOSS_FORMAT_EXCEL, GLOSS_FORMAT_ANNOTATOR_COLUMNS,
  };
  const GlossFormat *format = gloss_format_chooser_get_format (self);

  gtk_label_set_label (self->format_note, gloss_format_get_description (format, self->direction));
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    gtk_widget_set_visible (option_row (self, options[i]), gloss_format_chooser_takes (self, options[i]));
  /* Each tool's own unit: UTF-16 for doccano, code points for Label
   * Studio. */
  gloss_format_chooser_set_offset_unit (self, gloss_format_get_default_offset_unit (format));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMAT_ID]);
}

static void
offset_unit_changed_cb (GlossFormatChooser *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFSET_UNIT]);
}

static void
scheme_changed_cb (GlossFormatChooser *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEME]);
}

static void
spreadsheet_safe_changed_cb (GlossFormatChooser *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPREADSHEET_SAFE]);
}

/* A CSV for spreadsheets guards its cells anyway. */
static void
excel_changed_cb (GlossFormatChooser *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->spreadsheet_check),
                            !gtk_check_button_get_active (self->excel_check));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXCEL]);
}

static void
annotator_columns_changed_cb (GlossFormatChooser *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATOR_COLUMNS]);
}

static void
set_label_size_group (GlossFormatChooser *self,
                      GtkSizeGroup       *group)
{
  if (self->label_size_group == group)
    return;

  if (self->label_size_group != NULL)
    gtk_size_group_remove_widget (self->label_size_group, GTK_WIDGET (self->format_title));
  g_set_object (&self->label_size_group, group);
  if (group != NULL)
    gtk_size_group_add_widget (group, GTK_WIDGET (self->format_title));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL_SIZE_GROUP]);
}

static void
gloss_format_chooser_constructed (GObject *object)
{
  GlossFormatChooser *self = (GlossFormatChooser *)object;
  g_auto(GStrv) labels = gloss_format_dup_labels (self->direction);
  g_autoptr(GtkStringList) model = gtk_string_list_new ((const char * const *)labels);

  G_OBJECT_CLASS (gloss_format_chooser_parent_class)->constructed (object);

  /* The formats of the registry, in its order: the list's positions are
   * indices in self->formats. */
  self->formats = gloss_format_list (self->direction);
  gtk_drop_down_set_model (self->format_dropdown, G_LIST_MODEL (model));
  format_changed_cb (self);
}

static void
gloss_format_chooser_dispose (GObject *object)
{
  GlossFormatChooser *self = (GlossFormatChooser *)object;
  GtkWidget *child;

  if (self->label_size_group != NULL)
    gtk_size_group_remove_widget (self->label_size_group, GTK_WIDGET (self->format_title));
  g_clear_object (&self->label_size_group);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_FORMAT_CHOOSER);
  /* It unparents the children the class binds only. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_pointer (&self->formats, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_format_chooser_parent_class)->dispose (object);
}

static void
gloss_format_chooser_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  GlossFormatChooser *self = GLOSS_FORMAT_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_DIRECTION:
      g_value_set_enum (value, self->direction);
      break;

    case PROP_FORMAT_ID:
      g_value_set_string (value, gloss_format_chooser_get_format_id (self));
      break;

    case PROP_OFFSET_UNIT:
      g_value_set_enum (value, gloss_format_chooser_get_offset_unit (self));
      break;

    case PROP_SCHEME:
      g_value_set_enum (value, gloss_format_chooser_get_scheme (self));
      break;

    case PROP_SPREADSHEET_SAFE:
      g_value_set_boolean (value, gloss_format_chooser_get_spreadsheet_safe (self));
      break;

    case PROP_EXCEL:
      g_value_set_boolean (value, gtk_check_button_get_active (self->excel_check));
      break;

    case PROP_ANNOTATOR_COLUMNS:
      g_value_set_boolean (value, gtk_check_button_get_active (self->columns_check));
      break;

    case PROP_LABEL_SIZE_GROUP:
      g_value_set_object (value, self->label_size_group);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_format_chooser_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  GlossFormatChooser *self = GLOSS_FORMAT_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_DIRECTION:
      self->direction = g_value_get_enum (value);
      break;

    case PROP_FORMAT_ID:
      gloss_format_chooser_set_format_id (self, g_value_get_string (value));
      break;

    case PROP_OFFSET_UNIT:
      gloss_format_chooser_set_offset_unit (self, g_value_get_enum (value));
      break;

    case PROP_SCHEME:
      gloss_format_chooser_set_scheme (self, g_value_get_enum (value));
      break;

    case PROP_SPREADSHEET_SAFE:
      gloss_format_chooser_set_spreadsheet_safe (self, g_value_get_boolean (value));
      break;

    case PROP_EXCEL:
      gtk_check_button_set_active (self->excel_check, g_value_get_boolean (value));
      break;

    case PROP_ANNOTATOR_COLUMNS:
      gtk_check_button_set_active (self->columns_check, g_value_get_boolean (value));
      break;

    case PROP_LABEL_SIZE_GROUP:
      set_label_size_group (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_format_chooser_class_init (GlossFormatChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gloss_format_chooser_constructed;
  object_class->dispose = gloss_format_chooser_dispose;
  object_class->get_property = gloss_format_chooser_get_property;
  object_class->set_property = gloss_format_chooser_set_property;

  /* Which formats it lists: those Gloss exports to, or imports from. */
  properties[PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL,
                       GLOSS_TYPE_FORMAT_DIRECTION, GLOSS_FORMAT_EXPORT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The id of the format chosen ("csv", "brat", ...). */
  properties[PROP_FORMAT_ID] =
    g_param_spec_string ("format-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* How the offsets are counted; each format proposes its own. */
  properties[PROP_OFFSET_UNIT] =
    g_param_spec_enum ("offset-unit", NULL, NULL,
                       GLOSS_TYPE_OFFSET_UNIT, GLOSS_OFFSETS_UTF16,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCHEME] =
    g_param_spec_enum ("scheme", NULL, NULL,
                       GLOSS_TYPE_IOB_SCHEME, GLOSS_SCHEME_IOB2,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SPREADSHEET_SAFE] =
    g_param_spec_boolean ("spreadsheet-safe", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A CSV written for spreadsheets to open at once. */
  properties[PROP_EXCEL] =
    g_param_spec_boolean ("excel", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* CoNLL with the annotators side by side, a tag column each. */
  properties[PROP_ANNOTATOR_COLUMNS] =
    g_param_spec_boolean ("annotator-columns", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A horizontal size group the labels of the form around the chooser
   * are in: the chooser's label joins it. */
  properties[PROP_LABEL_SIZE_GROUP] =
    g_param_spec_object ("label-size-group", NULL, NULL, GTK_TYPE_SIZE_GROUP,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _gloss_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossannotator/Gloss/gloss-format-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossFormatChooser, format_title);
  gtk_widget_class_bind_template_child (widget_class, GlossFormatChooser, format_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossFormatChooser, format_note);
  gtk_widget_class_bind_template_child (widget_class, GlossFormatChooser, spreadsheet_check);
  gtk_widget_class_bind_template_child (widget_class, GlossFormatChooser, offsets_box);
  gtk_widget_class_bind_template_child (widget_class, GlossFormatChooser, offsets_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossFormatChooser, scheme_box);
  gtk_widget_class_bind_template_child (widget_class, GlossFormatChooser, scheme_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossFormatChooser, excel_check);
  gtk_widget_class_bind_template_child (widget_class, GlossFormatChooser, columns_check);
  gtk_widget_class_bind_template_callback (widget_class, format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, offset_unit_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, scheme_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, spreadsheet_safe_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, excel_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, annotator_columns_changed_cb);
}

static void
gloss_format_chooser_init (GlossFormatChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gloss_format_chooser_new (GlossFormatDirection direction)
{
  g_return_val_if_fail (direction == GLOSS_FORMAT_EXPORT || direction == GLOSS_FORMAT_IMPORT, NULL);

  return g_object_new (GLOSS_TYPE_FORMAT_CHOOSER,
                       "direction", direction,
                       NULL);
}

GlossFormatDirection
gloss_format_chooser_get_direction (GlossFormatChooser *self)
{
  g_return_val_if_fail (GLOSS_IS_FORMAT_CHOOSER (self), GLOSS_FORMAT_EXPORT);

  return self->direction;
}

const GlossFormat *
gloss_format_chooser_get_format (GlossFormatChooser *self)
{
  guint selected;

  g_return_val_if_fail (GLOSS_IS_FORMAT_CHOOSER (self), NULL);
  g_assert (self->formats != NULL && self->formats->len > 0);

  selected = gtk_drop_down_get_selected (self->format_dropdown);
  return g_ptr_array_index (self->formats, selected < self->formats->len ? selected : 0);
}

const char *
gloss_format_chooser_get_format_id (GlossFormatChooser *self)
{
  g_return_val_if_fail (GLOSS_IS_FORMAT_CHOOSER (self), NULL);

  return gloss_format_get_id (gloss_format_chooser_get_format (self));
}

void
gloss_format_chooser_set_format_id (GlossFormatChooser *self,
                                    const char         *format_id)
{
  const GlossFormat *format;
  guint position;

  g_return_if_fail (GLOSS_IS_FORMAT_CHOOSER (self));
  g_return_if_fail (format_id != NULL);

  format = gloss_format_lookup (format_id);
  g_return_if_fail (format != NULL && g_ptr_array_find (self->formats, format, &position));

  /* The list says when its choice changes, and the chooser with it. */
  gtk_drop_down_set_selected (self->format_dropdown, position);
}

/* The lists of units and schemes hold them in the order of their enums. */
GlossOffsetUnit
gloss_format_chooser_get_offset_unit (GlossFormatChooser *self)
{
  g_return_val_if_fail (GLOSS_IS_FORMAT_CHOOSER (self), GLOSS_OFFSETS_UTF16);

  return gtk_drop_down_get_selected (self->offsets_dropdown) == GLOSS_OFFSETS_CODEPOINTS
         ? GLOSS_OFFSETS_CODEPOINTS : GLOSS_OFFSETS_UTF16;
}

void
gloss_format_chooser_set_offset_unit (GlossFormatChooser *self,
                                      GlossOffsetUnit     unit)
{
  g_return_if_fail (GLOSS_IS_FORMAT_CHOOSER (self));

  gtk_drop_down_set_selected (self->offsets_dropdown, unit);
}

GlossIobScheme
gloss_format_chooser_get_scheme (GlossFormatChooser *self)
{
  g_return_val_if_fail (GLOSS_IS_FORMAT_CHOOSER (self), GLOSS_SCHEME_IOB2);

  return gtk_drop_down_get_selected (self->scheme_dropdown) == GLOSS_SCHEME_IOB1
         ? GLOSS_SCHEME_IOB1 : GLOSS_SCHEME_IOB2;
}

void
gloss_format_chooser_set_scheme (GlossFormatChooser *self,
                                 GlossIobScheme      scheme)
{
  g_return_if_fail (GLOSS_IS_FORMAT_CHOOSER (self));

  gtk_drop_down_set_selected (self->scheme_dropdown, scheme);
}

gboolean
gloss_format_chooser_get_spreadsheet_safe (GlossFormatChooser *self)
{
  g_return_val_if_fail (GLOSS_IS_FORMAT_CHOOSER (self), FALSE);

  return gtk_check_button_get_active (self->spreadsheet_check);
}

void
gloss_format_chooser_set_spreadsheet_safe (GlossFormatChooser *self,
                                           gboolean            spreadsheet_safe)
{
  g_return_if_fail (GLOSS_IS_FORMAT_CHOOSER (self));

  gtk_check_button_set_active (self->spreadsheet_check, spreadsheet_safe);
}

gboolean
gloss_format_chooser_get_option (GlossFormatChooser *self,
                                 GlossFormatOptions  option)
{
  GtkWidget *row;

  g_return_val_if_fail (GLOSS_IS_FORMAT_CHOOSER (self), FALSE);
  g_return_val_if_fail (option == GLOSS_FORMAT_SPREADSHEET_SAFE || option == GLOSS_FORMAT_EXCEL ||
                        option == GLOSS_FORMAT_ANNOTATOR_COLUMNS, FALSE);

  row = option_row (self, option);
  return gloss_format_chooser_takes (self, option) && gtk_check_button_get_active (GTK_CHECK_BUTTON (row));
}

gboolean
gloss_format_chooser_takes (GlossFormatChooser *self,
                            GlossFormatOptions  option)
{
  const GlossFormat *format;

  g_return_val_if_fail (GLOSS_IS_FORMAT_CHOOSER (self), FALSE);

  format = gloss_format_chooser_get_format (self);
  return (gloss_format_get_options (format, self->direction) & option) != 0;
}
