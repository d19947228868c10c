/* gloss-window-review.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Review: the window compares the layers of two annotators or more (the
 * user's own and the teammates' files beside the article), marks each
 * disagreement in the text, says how many there are in the review bar,
 * lists them in the side pane in the sidebar's place, filtered by kind,
 * tag and annotator, steps through them with n and p, and shows each
 * annotator's version of the one reached in the inspector's place.  The review follows the layers:
 * a change to one of them gathers the units again. */

#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotator-style.h"
#include "gloss-window-private.h"

GlossReview *
gloss_window_get_review (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return self->review;
}

/* The layer of the annotator @id: the own one, or a teammate's file
 * beside the article, loaded through the document. */
static GlossLayer *
layer_of (GlossWindow  *self,
          const char   *id,
          GError      **error)
{
  GlossLayer *own = gloss_document_get_layer (self->document);
  GlossAnnotationFile *teammate;
  GFile *file;

  if (g_strcmp0 (gloss_layer_get_annotator_id (own), id) == 0)
    return own;

  file = g_hash_table_lookup (self->layer_files, id);
  if (file == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: an annotator's id */
                   _("No annotation file of “%s” is beside the article."), id);
      return NULL;
    }

  teammate = gloss_document_load_teammate (self->document, file, error);
  return teammate != NULL ? gloss_annotation_file_get_layer (teammate) : NULL;
}

static void
show_unit (GlossWindow *self,
           int          index)
{
  if (index != self->review_unit)
    _gloss_window_end_edit (self);
  self->review_unit = index;
  gloss_review_versions_set_unit (self->review_versions, self->review, index,
                                  gloss_document_get_source (self->document),
                                  gloss_document_get_codebook (self->document),
                                  self->annotator_colours);
  _gloss_window_show_consensus (self);
  _gloss_window_update_actions (self);
}

void
_gloss_window_update_review_label (GlossWindow *self)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *message = NULL;
  guint n, settled;

  if (self->review == NULL)
    return;

  for (guint i = 0; i < self->review_layers->len; i++)
    {
      GlossLayer *layer = g_ptr_array_index (self->review_layers, i);

      if (i > 0)
        g_string_append (names, _(", "));
      g_string_append (names, gloss_layer_get_annotator_name (layer));
    }

  n = gloss_review_get_n_disagreements (self->review);
  settled = gloss_review_get_n_settled (self->review);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: the annotators' names, then counts */
                                          "Reviewing %s — %u of %u disagreement settled",
                                          "Reviewing %s — %u of %u disagreements settled", n),
                             names->str, settled, n);
  gtk_label_set_label (self->review_label, message);
}

static void
update_review (GlossWindow *self)
{
  int reached = -1;
  guint start = 0;

  /* The unit reached is found again by its start, where a disagreement
   * still starts there. */
  if (self->review != NULL && self->review_unit >= 0)
    {
      start = gloss_review_get_unit (self->review, self->review_unit)->start;
      reached = self->review_unit;
    }

  _gloss_window_end_edit (self);
  gloss_review_list_set_review (self->review_list, NULL, NULL, NULL);
  g_clear_pointer (&self->review, gloss_review_free);
  self->review = gloss_review_new (self->review_layers);
  if (self->review_consensus != NULL)
    gloss_review_set_consensus (self->review, self->review_consensus);
  gloss_text_view_set_review (self->text_view, self->review);
  gloss_review_list_set_review (self->review_list, self->review,
                                gloss_document_get_codebook (self->document), self->annotator_colours);
  if (reached >= 0)
    {
      reached = gloss_review_find_disagreement (self->review, start, FALSE, TRUE);
      if (reached >= 0 && gloss_review_get_unit (self->review, reached)->start != start)
        reached = -1;
    }
  show_unit (self, reached);
  if (reached >= 0)
    gloss_review_list_select_unit (self->review_list, reached);

  _gloss_window_update_review_label (self);
  _gloss_window_measure_review_figures (self);
}

static gboolean
update_review_idle (gpointer data)
{
  GlossWindow *self = data;

  self->review_update_id = 0;
  update_review (self);
  return G_SOURCE_REMOVE;
}

/* A layer compared changed a passage (its span, tag or attributes, each
 * a change of its list) or a relation: the units and the figures are
 * gathered again once, after all the changes of one step (an undo of
 * many, a file read again), and before the window is drawn. */
static void
schedule_update_review (GlossWindow *self)
{
  if (self->review_update_id == 0)
    self->review_update_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_review_idle, self, NULL);
}

void
_gloss_window_exit_review (GlossWindow *self)
{
  if (self->review_layers == NULL)
    return;

  for (guint i = 0; i < self->review_layers->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->review_layers, i),
                                          schedule_update_review, self);
  g_clear_handle_id (&self->review_update_id, g_source_remove);
  g_clear_pointer (&self->review_layers, g_ptr_array_unref);
  g_clear_pointer (&self->review_ids, g_strfreev);
  g_cancellable_cancel (self->review_cancellable);
  g_clear_object (&self->review_cancellable);
  _gloss_window_end_edit (self);
  _gloss_window_detach_consensus (self);
  gloss_review_list_set_review (self->review_list, NULL, NULL, NULL);
  gloss_review_versions_set_unit (self->review_versions, NULL, -1, NULL, NULL, NULL);
  g_clear_pointer (&self->review, gloss_review_free);
  self->review_unit = -1;

  gtk_widget_set_visible (GTK_WIDGET (self->review_list), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->review_versions), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->inspector), TRUE);
  gloss_text_view_set_review (self->text_view, NULL);
  gtk_revealer_set_reveal_child (self->review_revealer, FALSE);
}

/* Enters review over the annotators whose ids @parameter lists (two at
 * least): the dialog's answer, and the tests'. */
static void
review_annotators_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autofree const char **ids = g_variant_get_strv (parameter, NULL);
  g_autoptr(GPtrArray) layers = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->document == NULL || g_strv_length ((char **) ids) < 2)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  /* The teammates' files read side by side first. */
  {
    g_autoptr(GPtrArray) files = g_ptr_array_new ();

    for (guint i = 0; ids[i] != NULL; i++)
      {
        GFile *file = g_hash_table_lookup (self->layer_files, ids[i]);

        if (file != NULL)
          g_ptr_array_add (files, file);
      }
    gloss_document_load_teammates (self->document, files);
  }

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      GlossLayer *layer = layer_of (self, ids[i], &error);

      if (layer == NULL)
        {
          _gloss_window_show_banner (self, error->message, NULL, NULL, NULL, NULL);
          return;
        }
      if (!g_ptr_array_find (layers, layer, NULL))
        g_ptr_array_add (layers, g_object_ref (layer));
    }

  _gloss_window_exit_review (self);
  self->review_layers = g_steal_pointer (&layers);
  self->review_ids = g_strdupv ((char **) ids);
  for (guint i = 0; i < self->review_layers->len; i++)
    {
      GlossLayer *layer = g_ptr_array_index (self->review_layers, i);
      const char *signals[] = { "items-changed", "relation-added", "relation-removed", "relation-changed" };

      for (guint s = 0; s < G_N_ELEMENTS (signals); s++)
        g_signal_connect_swapped (layer, signals[s], G_CALLBACK (schedule_update_review), self);
    }
  update_review (self);
  _gloss_window_attach_consensus (self);
  gtk_revealer_set_reveal_child (self->review_revealer, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->inspector), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->review_list), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->review_versions), TRUE);
  _gloss_window_update_actions (self);
}

void
_gloss_window_reload_review (GlossWindow *self)
{
  g_auto(GStrv) ids = NULL;
  gboolean reached = self->review != NULL && self->review_unit >= 0;
  guint start = reached ? gloss_review_get_unit (self->review, self->review_unit)->start : 0;

  if (self->review_ids == NULL)
    return;

  ids = g_strdupv (self->review_ids);
  gtk_widget_activate_action_variant (GTK_WIDGET (self), "win.review-annotators",
                                      g_variant_new_strv ((const char * const *) ids, -1));

  /* The reviewer stays where they were: the disagreement that starts
   * there, or the next one. */
  if (reached && self->review != NULL)
    {
      int index = gloss_review_find_disagreement (self->review, start, FALSE, TRUE);

      if (index >= 0)
        _gloss_window_select_unit (self, index);
    }
}

static void
review_exit_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _gloss_window_exit_review (GLOSS_WINDOW (widget));
  _gloss_window_update_actions (GLOSS_WINDOW (widget));
}

gboolean
_gloss_window_escape_review (GlossWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  GtkTextIter start, end;

  if (self->review == NULL)
    return FALSE;
  if (_gloss_window_escape_edit (self))
    return TRUE;

  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    {
      gtk_text_buffer_place_cursor (buffer, &start);
      return TRUE;
    }

  _gloss_window_exit_review (self);
  _gloss_window_update_actions (self);
  return TRUE;
}

void
_gloss_window_select_unit (GlossWindow *self,
                           guint        index)
{
  const GlossReviewUnit *unit = gloss_review_get_unit (self->review, index);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));

  gloss_text_view_select (self->text_view, NULL, FALSE);
  gloss_text_view_select_range (self->text_view, unit->start, unit->end);
  gloss_text_view_scroll_mark_onscreen (self->text_view, gtk_text_buffer_get_insert (buffer));
  gloss_review_list_select_unit (self->review_list, index);
  show_unit (self, index);
}

static void
on_unit_activated (GlossWindow *self,
                   guint        index)
{
  if (self->review != NULL && index < gloss_review_get_n_units (self->review))
    _gloss_window_select_unit (self, index);
}

gboolean
_gloss_window_step_review (GlossWindow *self,
                           gboolean     backwards)
{
  guint start, end;
  int index;

  if (self->review == NULL)
    return FALSE;

  if (gloss_text_view_get_selection_range (self->text_view, &start, &end))
    index = gloss_review_find_disagreement (self->review, start, backwards, FALSE);
  else
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
      GtkTextIter cursor;

      gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
      index = gloss_review_find_disagreement (self->review, gtk_text_iter_get_offset (&cursor),
                                              backwards, !backwards);
    }

  if (index < 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    }

  _gloss_window_select_unit (self, index);
  return TRUE;
}

static void
review_step_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _gloss_window_step_review (GLOSS_WINDOW (widget), g_str_equal (action_name, "win.review-previous"));
}

/* The dialog: a check button per annotator of the article, and Review,
 * sensitive once two are checked. */

static GPtrArray *
checked_ids (GtkWidget *dialog)
{
  GtkWidget *list = g_object_get_data (G_OBJECT (dialog), "gloss-list");
  GPtrArray *ids = g_ptr_array_new ();

  for (GtkWidget *check = gtk_widget_get_first_child (list); check != NULL;
       check = gtk_widget_get_next_sibling (check))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
      g_ptr_array_add (ids, g_object_get_data (G_OBJECT (check), "gloss-id"));
  return ids;
}

static void
on_check_toggled (GtkWidget *dialog)
{
  g_autoptr(GPtrArray) ids = checked_ids (dialog);

  gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (dialog), "gloss-ok"), ids->len >= 2);
}

static void
on_review_clicked (GtkWidget *dialog)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  g_autoptr(GPtrArray) ids = checked_ids (dialog);

  g_ptr_array_add (ids, NULL);
  gtk_widget_activate_action_variant (GTK_WIDGET (parent), "win.review-annotators",
                                      g_variant_new_strv ((const char * const *) ids->pdata, -1));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A check button for annotator @id: @name after a dot in their colour. */
static void
add_check (GlossWindow *self,
           GtkWidget   *dialog,
           GtkWidget   *list,
           const char  *id,
           const char  *name)
{
  g_autofree char *markup = gloss_annotator_style_markup (GTK_WIDGET (self), self->annotator_colours, id, name);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);

  g_object_set_data_full (G_OBJECT (check), "gloss-id", g_strdup (id), g_free);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled), dialog, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (list), check);
}

static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossLayer *own;
  GListModel *files;
  GtkWidget *dialog, *box, *list, *buttons, *cancel, *ok, *heading;
  GtkEventController *escape;
  g_autofree char *own_label = NULL;

  if (self->document == NULL)
    return;

  dialog = gtk_window_new ();
  gtk_widget_set_name (dialog, "review-dialog");
  gtk_window_set_title (GTK_WINDOW (dialog), _("Review"));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_resizable (GTK_WINDOW (dialog), FALSE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  heading = gtk_label_new (_("Compare the layers of:"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_box_append (GTK_BOX (box), heading);

  list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_object_set_data (G_OBJECT (dialog), "gloss-list", list);
  own = gloss_document_get_layer (self->document);
  /* Translators: the user's own layer, by their name */
  own_label = g_strdup_printf (_("%s (your layer)"), gloss_layer_get_annotator_name (own));
  add_check (self, dialog, list, gloss_layer_get_annotator_id (own), own_label);
  files = gloss_document_get_teammate_files (self->document);
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autofree char *id = _gloss_window_layer_action_name (self, file);
      GlossAnnotationFile *teammate;

      if (id == NULL)
        continue;
      /* Named as their file names them; a file that cannot be read by
       * its id, and entering review says why. */
      teammate = gloss_document_load_teammate (self->document, file, NULL);
      add_check (self, dialog, list, id,
                 teammate != NULL ? gloss_layer_get_annotator_name (gloss_annotation_file_get_layer (teammate)) : id);
    }
  gtk_box_append (GTK_BOX (box), list);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  ok = gtk_button_new_with_mnemonic (_("_Review"));
  gtk_widget_add_css_class (ok, "suggested-action");
  g_object_set_data (G_OBJECT (dialog), "gloss-ok", ok);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), dialog);
  g_signal_connect_swapped (ok, "clicked", G_CALLBACK (on_review_clicked), dialog);
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), ok);
  gtk_box_append (GTK_BOX (box), buttons);

  escape = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (escape),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (dialog, escape);

  gtk_window_set_child (GTK_WINDOW (dialog), box);
  gtk_window_set_default_widget (GTK_WINDOW (dialog), ok);
  on_check_toggled (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_gloss_window_init_review (GlossWindow *self)
{
  self->review_list = GLOSS_REVIEW_LIST (gloss_review_list_new ());
  gtk_widget_set_name (GTK_WIDGET (self->review_list), "review-list-pane");
  gtk_widget_set_vexpand (GTK_WIDGET (self->review_list), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->review_list), FALSE);
  gtk_box_prepend (GTK_BOX (self->side_box), GTK_WIDGET (self->review_list));
  g_signal_connect_swapped (self->review_list, "unit-activated", G_CALLBACK (on_unit_activated), self);

  self->review_unit = -1;
  self->review_versions = GLOSS_REVIEW_VERSIONS (gloss_review_versions_new ());
  gtk_widget_set_name (GTK_WIDGET (self->review_versions), "review-versions");
  gtk_widget_set_visible (GTK_WIDGET (self->review_versions), FALSE);
  gtk_box_append (GTK_BOX (self->side_box), GTK_WIDGET (self->review_versions));
}

void
_gloss_window_class_init_review (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.review", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "win.review-annotators", "as", review_annotators_action);
  gtk_widget_class_install_action (widget_class, "win.review-exit", NULL, review_exit_action);
  gtk_widget_class_install_action (widget_class, "win.review-next", NULL, review_step_action);
  gtk_widget_class_install_action (widget_class, "win.review-previous", NULL, review_step_action);
}
