/* gloss-inspector.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-inspector"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gloss-application.h"
#include "gloss-attribute-editor.h"
#include "gloss-inspector.h"
#include "gloss-relation-list.h"
#include "gloss-readable.h"

/* How long typing must pause before the note is committed: one step of
 * history per pause rather than per key. */
#define NOTE_COMMIT_DELAY 700

/* The colour of a tag that neither the codebook nor the file describes. */
#define UNKNOWN_TAG_COLOR "#9a9996"

#define RESOURCE_PATH "/io/github/glossannotator/Gloss/"

struct _GlossInspector
{
  GtkWidget parent_instance;

  GlossAnnotation *annotation;
  gulong annotation_handler;
  GlossAnnotationFile *file;
  gboolean editable;

  /* The tag drop-down lists the codebook, then (in extra_tags) the
   * annotation's tag when the codebook lacks it. */
  GListStore *tag_lists;
  GListStore *extra_tags;
  GlossCodebook *codebook;
  gulong codebook_begin_handler;
  gulong codebook_end_handler;
  gulong codebook_assigned_handler;

  /* Above zero while the code moves the tag drop-down, whose changes are
   * then not the user's choice. */
  guint updating;
  guint loading_note;
  /* The editor holds typing not yet committed to the layer. */
  gboolean note_dirty;
  guint note_timeout_id;

  /* Template children */
  GtkLabel *placeholder_label;
  GtkWidget *content_box;
  GtkDropDown *tag_dropdown;
  GtkLabel *quote_label;
  GtkLabel *position_label;
  GtkWidget *status_box;
  GtkLabel *status_label;
  GtkLabel *status_explanation;
  GtkLabel *created_label;
  GtkLabel *modified_label;
  GtkLabel *annotator_label;
  GtkTextView *note_view;
  GtkWidget *button_box;
  GtkWidget *copy_button;
  GtkWidget *attach_button;

  /* Made in code, in content_box: the attributes under the tag, the
   * relations under the note. */
  GlossAttributeEditor *attributes;
  GlossRelationList *relations;
};

G_DEFINE_FINAL_TYPE (GlossInspector, gloss_inspector, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ANNOTATION,
  PROP_FILE,
  PROP_EDITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GlossLayer *
get_layer (GlossInspector *self)
{
  return self->file != NULL ? gloss_annotation_file_get_layer (self->file) : NULL;
}

/* The layer holds the annotation still (it may have been deleted). */
static gboolean
can_edit (GlossInspector *self)
{
  GlossLayer *layer = get_layer (self);

  return self->editable && self->annotation != NULL && layer != NULL &&
         gloss_layer_index_of (layer, self->annotation) >= 0;
}

/* The note */

static char *
dup_note_text (GlossInspector *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
commit_note (GlossInspector *self)
{
  g_autofree char *text = NULL;

  g_clear_handle_id (&self->note_timeout_id, g_source_remove);

  if (!self->note_dirty)
    return;
  self->note_dirty = FALSE;

  if (!can_edit (self))
    return;

  text = dup_note_text (self);
  if (strcmp (text, gloss_annotation_get_note (self->annotation)) == 0)
    return;

  gloss_layer_set_note (get_layer (self), self->annotation, text);
}

static gboolean
note_timeout_cb (gpointer user_data)
{
  GlossInspector *self = user_data;

  self->note_timeout_id = 0;
  commit_note (self);

  return G_SOURCE_REMOVE;
}

/* Shows the annotation's note in the editor, dropping what was typed. */
static void
load_note (GlossInspector *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  const char *note = self->annotation != NULL ? gloss_annotation_get_note (self->annotation) : "";
  g_autofree char *text = dup_note_text (self);

  g_clear_handle_id (&self->note_timeout_id, g_source_remove);
  self->note_dirty = FALSE;

  if (strcmp (text, note) == 0)
    return;

  /* Undoing in the editor must not bring back another annotation's note. */
  self->loading_note++;
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, note, -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  self->loading_note--;
}

static void
note_changed_cb (GlossInspector *self)
{
  if (self->loading_note > 0)
    return;

  self->note_dirty = TRUE;
  g_clear_handle_id (&self->note_timeout_id, g_source_remove);
  self->note_timeout_id = g_timeout_add (NOTE_COMMIT_DELAY, note_timeout_cb, self);
}

/* The tag */

static void
update_tag_choice (GlossInspector *self)
{
  GListModel *tags = gtk_drop_down_get_model (self->tag_dropdown);
  GListModel *extra = G_LIST_MODEL (self->extra_tags);
  g_autoptr(GlossTag) current = g_list_model_get_item (extra, 0);
  guint position = GTK_INVALID_LIST_POSITION;
  const char *id;
  guint n;

  self->updating++;

  if (self->annotation == NULL)
    {
      g_list_store_remove_all (self->extra_tags);
      gtk_drop_down_set_selected (self->tag_dropdown, GTK_INVALID_LIST_POSITION);
      self->updating--;
      return;
    }

  id = gloss_annotation_get_tag (self->annotation);

  if (self->codebook == NULL || gloss_codebook_lookup (self->codebook, id) == NULL)
    {
      GlossTag *described = NULL;

      if (self->file != NULL)
        described = gloss_annotation_file_lookup_tag (self->file, id);

      if (current == NULL ||
          strcmp (gloss_tag_get_id (current), id) != 0 ||
          (described != NULL && described != current))
        {
          g_autoptr(GlossTag) tag = NULL;

          if (described != NULL)
            tag = g_object_ref (described);
          else
            tag = gloss_tag_new (id, id, UNKNOWN_TAG_COLOR, NULL);
          g_list_store_splice (self->extra_tags, 0, g_list_model_get_n_items (extra),
                               (gpointer *)&tag, 1);
        }
    }
  else if (current != NULL)
    {
      g_list_store_remove_all (self->extra_tags);
    }

  n = g_list_model_get_n_items (tags);
  for (guint i = 0; i < n && position == GTK_INVALID_LIST_POSITION; i++)
    {
      g_autoptr(GlossTag) tag = g_list_model_get_item (tags, i);

      if (strcmp (gloss_tag_get_id (tag), id) == 0)
        position = i;
    }
  gtk_drop_down_set_selected (self->tag_dropdown, position);

  self->updating--;
}

static void
tag_selected_cb (GlossInspector *self)
{
  g_autofree char *id = NULL;
  gpointer item;

  if (self->updating > 0 || !can_edit (self))
    return;

  item = gtk_drop_down_get_selected_item (self->tag_dropdown);
  if (!GLOSS_IS_TAG (item))
    return;

  id = g_strdup (gloss_tag_get_id (item));
  if (strcmp (id, gloss_annotation_get_tag (self->annotation)) == 0)
    return;

  /* Another annotation may have that tag on the same words already. */
  if (!gloss_layer_set_tag (get_layer (self), self->annotation, id))
    {
      update_tag_choice (self);
      gtk_widget_error_bell (GTK_WIDGET (self));
    }
}

/* The codebook changes under the drop-down: the selection moving with it
 * is not the user's choice.  One handler runs before the drop-down
 * hears of the change, the other after. */
static void
codebook_change_begin_cb (GlossInspector *self)
{
  self->updating++;
}

static void
codebook_change_end_cb (GlossInspector *self)
{
  self->updating--;
  update_tag_choice (self);
}

static void update_codebook_parts (GlossInspector *self);

static void
set_codebook (GlossInspector *self,
              GlossCodebook  *codebook)
{
  if (self->codebook == codebook)
    return;

  if (self->codebook != NULL)
    {
      g_clear_signal_handler (&self->codebook_begin_handler, self->codebook);
      g_clear_signal_handler (&self->codebook_end_handler, self->codebook);
      g_clear_signal_handler (&self->codebook_assigned_handler, self->codebook);
    }

  self->updating++;
  g_list_store_remove_all (self->tag_lists);
  g_set_object (&self->codebook, codebook);
  if (codebook != NULL)
    {
      self->codebook_begin_handler =
        g_signal_connect_swapped (codebook, "items-changed",
                                  G_CALLBACK (codebook_change_begin_cb), self);
      g_list_store_append (self->tag_lists, codebook);
      self->codebook_end_handler =
        g_signal_connect_data (codebook, "items-changed",
                               G_CALLBACK (codebook_change_end_cb), self,
                               NULL, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      /* The codebook dialog saved: the attributes and relation types of
       * the passage's tag may be others. */
      self->codebook_assigned_handler =
        g_signal_connect_swapped (codebook, "assigned",
                                  G_CALLBACK (update_codebook_parts), self);
    }
  g_list_store_append (self->tag_lists, self->extra_tags);
  self->updating--;
}

/* The rest */

static void
update_quote (GlossInspector *self)
{
  gtk_label_set_label (self->quote_label, gloss_annotation_get_quote (self->annotation));
}

static void
update_position (GlossInspector *self)
{
  g_autofree char *text = NULL;

  /* Translators: where an annotation lies in the article, as the offsets
   * of its first character and of the character after its last */
  text = g_strdup_printf (_("Characters %'u–%'u"),
                          gloss_annotation_get_start (self->annotation),
                          gloss_annotation_get_end (self->annotation));
  gtk_label_set_label (self->position_label, text);
}

static void
update_status (GlossInspector *self)
{
  GlossAnchorStatus status = gloss_annotation_get_status (self->annotation);

  switch (status)
    {
    case GLOSS_ANCHOR_MOVED:
      gtk_label_set_label (self->status_label, _("Moved"));
      gtk_label_set_label (self->status_explanation,
                           _("The article changed since this annotation was made, and its "
                             "passage was found at a new place. Check that it still marks the "
                             "right words."));
      break;

    case GLOSS_ANCHOR_ORPHANED:
      gtk_label_set_label (self->status_label, _("Orphaned"));
      gtk_label_set_label (self->status_explanation,
                           _("The article changed and this passage is no longer in it. Select the "
                             "passage where it belongs and choose Attach Here, or delete it."));
      break;

    case GLOSS_ANCHOR_ANCHORED:
    default:
      break;
    }

  gtk_widget_set_visible (self->status_box, status != GLOSS_ANCHOR_ANCHORED);
  gtk_widget_set_visible (self->attach_button, status != GLOSS_ANCHOR_ANCHORED);
}

static void
update_times (GlossInspector *self)
{
  g_autofree char *created = gloss_readable_iso_time (gloss_annotation_get_created (self->annotation));
  g_autofree char *modified = gloss_readable_iso_time (gloss_annotation_get_modified (self->annotation));

  gtk_widget_set_visible (GTK_WIDGET (self->created_label), created != NULL);
  if (created != NULL)
    {
      /* Translators: %s is a date and time */
      g_autofree char *text = g_strdup_printf (_("Created %s"), created);

      gtk_label_set_label (self->created_label, text);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->modified_label), modified != NULL);
  if (modified != NULL)
    {
      /* Translators: %s is a date and time */
      g_autofree char *text = g_strdup_printf (_("Modified %s"), modified);

      gtk_label_set_label (self->modified_label, text);
    }
}

/* What the codebook says of the passage's tag: its attributes and the
 * relation types of its links. */
static void
update_codebook_parts (GlossInspector *self)
{
  GlossLayer *layer = get_layer (self);

  gloss_attribute_editor_set (self->attributes, self->annotation, layer, self->codebook, can_edit (self));
  gloss_relation_list_set (self->relations, self->annotation, layer, self->codebook, can_edit (self));
}

static void
update_editable (GlossInspector *self)
{
  GlossLayer *layer = get_layer (self);
  gboolean show_annotator = !self->editable && layer != NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->tag_dropdown), self->editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->note_view), self->editable);
  gtk_text_view_set_editable (self->note_view, self->editable);
  /* The buttons' actions set the buttons' own sensitivity. */
  gtk_widget_set_sensitive (self->button_box, self->editable);
  update_codebook_parts (self);

  gtk_widget_set_visible (GTK_WIDGET (self->annotator_label), show_annotator);
  /* A teammate's annotation can be taken into the own layer instead. */
  gtk_widget_set_visible (self->copy_button, show_annotator);
  if (show_annotator)
    {
      g_autofree char *text = NULL;

      /* Translators: %s is the name of the annotator of a teammate's layer */
      text = g_strdup_printf (_("By %s"), gloss_layer_get_annotator_name (layer));
      gtk_label_set_label (self->annotator_label, text);
    }
}

static void
update_all (GlossInspector *self)
{
  gboolean shown = self->annotation != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->placeholder_label), !shown);
  gtk_widget_set_visible (self->content_box, shown);

  update_tag_choice (self);
  update_editable (self);
  if (!shown)
    return;

  update_quote (self);
  update_position (self);
  update_status (self);
  update_times (self);
}

static void
annotation_notify_cb (GlossInspector  *self,
                      GParamSpec      *pspec,
                      GlossAnnotation *annotation)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "tag"))
    update_tag_choice (self);
  else if (g_str_equal (name, "quote"))
    update_quote (self);
  else if (g_str_equal (name, "start") || g_str_equal (name, "end"))
    update_position (self);
  else if (g_str_equal (name, "status"))
    update_status (self);
  else if (g_str_equal (name, "created") || g_str_equal (name, "modified"))
    update_times (self);
  /* Undo and redo change the note from outside; typing not yet
   * committed wins over them. */
  else if (g_str_equal (name, "note") && !self->note_dirty)
    load_note (self);
}

/* GObject */

static void
gloss_inspector_dispose (GObject *object)
{
  GlossInspector *self = GLOSS_INSPECTOR (object);
  GtkWidget *child;

  /* What the user typed last is kept. */
  if (self->note_view != NULL)
    {
      commit_note (self);
      g_signal_handlers_disconnect_by_data (gtk_text_view_get_buffer (self->note_view), self);
      g_signal_handlers_disconnect_by_data (self->tag_dropdown, self);
    }
  g_clear_handle_id (&self->note_timeout_id, g_source_remove);

  if (self->annotation != NULL)
    g_clear_signal_handler (&self->annotation_handler, self->annotation);
  if (self->codebook != NULL)
    {
      g_clear_signal_handler (&self->codebook_begin_handler, self->codebook);
      g_clear_signal_handler (&self->codebook_end_handler, self->codebook);
      g_clear_signal_handler (&self->codebook_assigned_handler, self->codebook);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_INSPECTOR);
  /* It unparents the children the class binds only. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->annotation);
  g_clear_object (&self->file);
  g_clear_object (&self->codebook);
  g_clear_object (&self->tag_lists);
  g_clear_object (&self->extra_tags);

  G_OBJECT_CLASS (gloss_inspector_parent_class)->dispose (object);
}

static void
gloss_inspector_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GlossInspector *self = GLOSS_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_ANNOTATION:
      g_value_set_object (value, self->annotation);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_inspector_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GlossInspector *self = GLOSS_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_ANNOTATION:
      gloss_inspector_set_annotation (self, g_value_get_object (value));
      break;

    case PROP_FILE:
      gloss_inspector_set_file (self, g_value_get_object (value));
      break;

    case PROP_EDITABLE:
      gloss_inspector_set_editable (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_inspector_class_init (GlossInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_inspector_dispose;
  object_class->get_property = gloss_inspector_get_property;
  object_class->set_property = gloss_inspector_set_property;

  properties[PROP_ANNOTATION] =
    g_param_spec_object ("annotation", NULL, NULL, GLOSS_TYPE_ANNOTATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, GLOSS_TYPE_ANNOTATION_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  _gloss_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "gloss-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, placeholder_label);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, content_box);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, quote_label);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, position_label);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, status_box);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, status_label);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, status_explanation);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, created_label);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, modified_label);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, annotator_label);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, note_view);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, button_box);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, copy_button);
  gtk_widget_class_bind_template_child (widget_class, GlossInspector, attach_button);

  gtk_widget_class_set_css_name (widget_class, "glossinspector");
}

static void
gloss_inspector_init (GlossInspector *self)
{
  g_autoptr(GtkFlattenListModel) tags = NULL;
  GtkExpression *expression;
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->editable = TRUE;
  self->extra_tags = g_list_store_new (GLOSS_TYPE_TAG);
  self->tag_lists = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (self->tag_lists, self->extra_tags);

  tags = gtk_flatten_list_model_new (g_object_ref (G_LIST_MODEL (self->tag_lists)));
  expression = gtk_property_expression_new (GLOSS_TYPE_TAG, NULL, "label");
  gtk_drop_down_set_expression (self->tag_dropdown, expression);
  gtk_expression_unref (expression);
  gtk_drop_down_set_model (self->tag_dropdown, G_LIST_MODEL (tags));

  g_signal_connect_swapped (self->tag_dropdown, "notify::selected",
                            G_CALLBACK (tag_selected_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->note_view), "changed",
                            G_CALLBACK (note_changed_cb), self);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (commit_note), self);
  gtk_widget_add_controller (GTK_WIDGET (self->note_view), focus);

  self->attributes = GLOSS_ATTRIBUTE_EDITOR (gloss_attribute_editor_new ());
  gtk_widget_set_name (GTK_WIDGET (self->attributes), "attributes");
  gtk_box_insert_child_after (GTK_BOX (self->content_box), GTK_WIDGET (self->attributes),
                              GTK_WIDGET (self->tag_dropdown));
  self->relations = GLOSS_RELATION_LIST (gloss_relation_list_new ());
  gtk_widget_set_name (GTK_WIDGET (self->relations), "relations");
  gtk_box_insert_child_after (GTK_BOX (self->content_box), GTK_WIDGET (self->relations),
                              gtk_widget_get_prev_sibling (self->copy_button));

  update_all (self);
}

GtkWidget *
gloss_inspector_new (void)
{
  return g_object_new (GLOSS_TYPE_INSPECTOR, NULL);
}

GlossAnnotation *
gloss_inspector_get_annotation (GlossInspector *self)
{
  g_return_val_if_fail (GLOSS_IS_INSPECTOR (self), NULL);
  return self->annotation;
}

void
gloss_inspector_set_annotation (GlossInspector  *self,
                                GlossAnnotation *annotation)
{
  g_return_if_fail (GLOSS_IS_INSPECTOR (self));
  g_return_if_fail (annotation == NULL || GLOSS_IS_ANNOTATION (annotation));

  if (self->annotation == annotation)
    return;

  /* The note typed for the previous annotation is its own. */
  commit_note (self);

  if (self->annotation != NULL)
    g_clear_signal_handler (&self->annotation_handler, self->annotation);
  g_set_object (&self->annotation, annotation);
  if (annotation != NULL)
    self->annotation_handler = g_signal_connect_swapped (annotation, "notify",
                                                         G_CALLBACK (annotation_notify_cb), self);

  update_all (self);
  load_note (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATION]);
}

GlossAnnotationFile *
gloss_inspector_get_file (GlossInspector *self)
{
  g_return_val_if_fail (GLOSS_IS_INSPECTOR (self), NULL);
  return self->file;
}

void
gloss_inspector_set_file (GlossInspector      *self,
                          GlossAnnotationFile *file)
{
  g_return_if_fail (GLOSS_IS_INSPECTOR (self));
  g_return_if_fail (file == NULL || GLOSS_IS_ANNOTATION_FILE (file));

  if (self->file == file)
    return;

  commit_note (self);

  g_set_object (&self->file, file);
  set_codebook (self, file != NULL ? gloss_annotation_file_get_codebook (file) : NULL);
  update_all (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

gboolean
gloss_inspector_get_editable (GlossInspector *self)
{
  g_return_val_if_fail (GLOSS_IS_INSPECTOR (self), FALSE);
  return self->editable;
}

void
gloss_inspector_set_editable (GlossInspector *self,
                              gboolean        editable)
{
  g_return_if_fail (GLOSS_IS_INSPECTOR (self));

  editable = !!editable;
  if (self->editable == editable)
    return;

  commit_note (self);

  self->editable = editable;
  update_editable (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

void
gloss_inspector_focus_note (GlossInspector *self)
{
  g_return_if_fail (GLOSS_IS_INSPECTOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
}

gboolean
gloss_inspector_focus_attributes (GlossInspector *self)
{
  g_return_val_if_fail (GLOSS_IS_INSPECTOR (self), FALSE);

  return gloss_attribute_editor_focus_first (self->attributes);
}
