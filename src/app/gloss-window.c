/* gloss-window.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-error.h"
#include "gloss-search.h"
#include "gloss-window-private.h"

/* The window and its document: showing a document and following it through
 * signal and binding groups, the header with the save state, the banner,
 * the inspector, and closing. */

G_DEFINE_FINAL_TYPE (GlossWindow, gloss_window, GTK_TYPE_APPLICATION_WINDOW)

static const char *
save_state_text (GlossDocument *document)
{
  switch (gloss_document_get_save_state (document))
    {
    case GLOSS_SAVE_STATE_SAVED:
      return _("Saved");
    case GLOSS_SAVE_STATE_UNSAVED:
      return _("Not saved yet");
    case GLOSS_SAVE_STATE_SAVING:
      return _("Saving…");
    case GLOSS_SAVE_STATE_FAILED:
      return _("Not saved: see the message above");
    case GLOSS_SAVE_STATE_CONFLICT:
      return _("Changed on disk");
    case GLOSS_SAVE_STATE_READ_ONLY:
      return _("Read-only");
    default:
      return "";
    }
}

static void
update_header (GlossWindow *self)
{
  g_autofree char *subtitle = NULL;
  GlossLayer *layer;

  if (self->document == NULL)
    {
      gtk_label_set_label (self->title_label, "Gloss");
      gtk_label_set_label (self->subtitle_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
      gtk_window_set_title (GTK_WINDOW (self), "Gloss");
      return;
    }

  layer = gloss_document_get_layer (self->document);
  gtk_label_set_label (self->title_label,
                       gloss_source_get_title (gloss_document_get_source (self->document)));
  gtk_window_set_title (GTK_WINDOW (self),
                        gloss_source_get_title (gloss_document_get_source (self->document)));
  /* Translators: the annotator's name, then whether the work is saved */
  subtitle = g_strdup_printf (_("%s · %s"),
                              gloss_layer_get_annotator_name (layer),
                              save_state_text (self->document));
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), TRUE);
}

void
_gloss_window_show_banner (GlossWindow *self,
                           const char  *message,
                           const char  *primary_label,
                           const char  *primary_action,
                           const char  *secondary_label,
                           const char  *secondary_action)
{
  gtk_label_set_label (self->banner_label, message);

  gtk_widget_set_visible (GTK_WIDGET (self->banner_primary), primary_label != NULL);
  if (primary_label != NULL)
    {
      gtk_button_set_label (self->banner_primary, primary_label);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->banner_primary), primary_action);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->banner_secondary), secondary_label != NULL);
  if (secondary_label != NULL)
    {
      gtk_button_set_label (self->banner_secondary, secondary_label);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->banner_secondary), secondary_action);
    }

  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

void
_gloss_window_hide_banner (GlossWindow *self)
{
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  gtk_label_set_label (self->banner_label, "");
}

const char *
gloss_window_get_banner_text (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->banner_revealer))
    return NULL;
  return gtk_label_get_label (self->banner_label);
}

void
_gloss_window_show_save_banner (GlossWindow    *self,
                                GlossSaveState  state,
                                const char     *conflict,
                                const char     *failed,
                                const char     *read_only,
                                const char     *reload_action,
                                const char     *copy_action)
{
  switch (state)
    {
    case GLOSS_SAVE_STATE_CONFLICT:
      _gloss_window_show_banner (self, conflict, _("_Reload"), reload_action,
                                 _("_Keep Mine as a Copy"), copy_action);
      break;

    case GLOSS_SAVE_STATE_FAILED:
      _gloss_window_show_banner (self, failed, _("_Try Again"), "win.save", NULL, NULL);
      break;

    case GLOSS_SAVE_STATE_READ_ONLY:
      _gloss_window_show_banner (self, read_only, NULL, NULL, NULL, NULL);
      break;

    case GLOSS_SAVE_STATE_SAVED:
    case GLOSS_SAVE_STATE_UNSAVED:
    case GLOSS_SAVE_STATE_SAVING:
    default:
      /* A banner about saving goes once saving works again. */
      if (gtk_widget_get_visible (GTK_WIDGET (self->banner_primary)) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (self->banner_primary)),
                     "win.save") == 0)
        _gloss_window_hide_banner (self);
      break;
    }
}

static void
show_state_banner (GlossWindow *self)
{
  g_autofree char *path = NULL;
  g_autofree char *conflict = NULL;
  g_autofree char *failed = NULL;
  g_autofree char *read_only = NULL;

  path = g_file_get_parse_name (gloss_annotation_file_get_file (gloss_document_get_own_file (self->document)));
  conflict = g_strdup_printf (_("“%s” was changed on disk by someone else. Nothing has been overwritten: "
                                "load their version, or keep yours as a separate copy."), path);
  failed = g_strdup_printf (_("Your annotations could not be saved: %s"),
                            gloss_document_get_save_error (self->document));
  read_only = g_strdup_printf (_("“%s” was written by a newer version of Gloss. It is open read-only "
                                 "and will not be changed."), path);
  _gloss_window_show_save_banner (self, gloss_document_get_save_state (self->document),
                                  conflict, failed, read_only, "win.reload", "win.keep-copy");
}

static void
on_save_state (GlossWindow *self)
{
  update_header (self);
  show_state_banner (self);
  _gloss_window_update_actions (self);
}

/* The inspector edits the selected annotation in the file whose layer holds
 * it: the user's own, or (read-only) a teammate's shown in the sidebar. */
static void
update_inspector (GlossWindow     *self,
                  GlossAnnotation *selected)
{
  GlossAnnotationFile *file = NULL;
  gboolean editable = FALSE;

  if (selected != NULL && self->document != NULL)
    {
      if (gloss_layer_index_of (gloss_document_get_layer (self->document), selected) >= 0)
        {
          file = gloss_document_get_own_file (self->document);
          editable = gloss_document_get_save_state (self->document) != GLOSS_SAVE_STATE_READ_ONLY;
        }
      else
        {
          file = gloss_sidebar_get_shown_file (self->sidebar);
        }
    }

  /* The annotation first: a note typed for the previous one is committed
   * to the previous one's file. */
  gloss_inspector_set_annotation (self->inspector, selected);
  gloss_inspector_set_file (self->inspector, file);
  gloss_inspector_set_editable (self->inspector, editable);
}

static void
on_view_selected (GlossWindow *self)
{
  GlossAnnotation *selected = gloss_text_view_get_selected (self->text_view);

  gloss_sidebar_set_selected (self->sidebar, selected);
  update_inspector (self, selected);
}

static void
on_sidebar_selected (GlossWindow *self)
{
  GlossAnnotation *selected = gloss_sidebar_get_selected (self->sidebar);

  if (selected != gloss_text_view_get_selected (self->text_view))
    gloss_text_view_select (self->text_view, selected, TRUE);
}

static void
on_layer_replaced (GlossWindow *self)
{
  /* Undo in a notice would undo the layer that went. */
  _gloss_window_dismiss_notice (self);
  /* The document reloaded the own file: show the new layer. */
  gloss_text_view_set_layer (self->text_view, gloss_document_get_layer (self->document));
  gloss_text_view_set_annotation_file (self->text_view, gloss_document_get_own_file (self->document));
  _gloss_window_relations_layer_changed (self);
  _gloss_window_reload_review (self);
  update_header (self);
  _gloss_window_update_actions (self);
}

static void
on_teammates_changed (GlossWindow *self)
{
  _gloss_window_update_menus (self);
  _gloss_window_offer_imported_layer (self);
}

static void
init_groups (GlossWindow *self)
{
  self->document_signals = g_signal_group_new (GLOSS_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "notify::save-state",
                                 G_CALLBACK (on_save_state), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::layer",
                                 G_CALLBACK (on_layer_replaced), self, G_CONNECT_SWAPPED);

  self->teammate_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->teammate_signals, "items-changed",
                                 G_CALLBACK (on_teammates_changed), self, G_CONNECT_SWAPPED);

  self->history_signals = g_signal_group_new (GLOSS_TYPE_HISTORY);
  g_signal_group_connect_object (self->history_signals, "notify::can-undo",
                                 G_CALLBACK (_gloss_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->history_signals, "notify::can-redo",
                                 G_CALLBACK (_gloss_window_update_actions), self, G_CONNECT_SWAPPED);

  self->layer_bindings = g_binding_group_new ();
  g_binding_group_bind (self->layer_bindings, "history", self->history_signals, "target",
                        G_BINDING_SYNC_CREATE);

  self->document_bindings = g_binding_group_new ();
  g_binding_group_bind (self->document_bindings, "layer", self->layer_bindings, "source",
                        G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->document_bindings, "teammate-files", self->teammate_signals, "target",
                        G_BINDING_SYNC_CREATE);
}

/* The actions that show teammates' files name the files of the document
 * the window showed. */
static void
forget_layer_actions (GlossWindow *self)
{
  g_auto(GStrv) names = g_action_group_list_actions (G_ACTION_GROUP (self->layer_actions));

  for (guint i = 0; names[i] != NULL; i++)
    g_action_map_remove_action (G_ACTION_MAP (self->layer_actions), names[i]);
  g_hash_table_remove_all (self->layer_files);
}

void
_gloss_window_set_document (GlossWindow   *self,
                            GlossDocument *document)
{
  _gloss_window_exit_review (self);
  g_hash_table_remove_all (self->shown_teammates);
  forget_layer_actions (self);
  g_clear_object (&self->imported_file);
  self->imported_waiting = FALSE;
  g_set_object (&self->document, document);
  /* The teammates' files read in the background: showing them, or
   * reviewing them, is then at once. */
  if (document != NULL)
    gloss_document_preload_teammates (document, 8);
  g_binding_group_set_source (self->document_bindings, document);
  g_signal_group_set_target (self->document_signals, document);

  gloss_sidebar_set_document (self->sidebar, document);
  gloss_text_view_set_document (self->text_view,
                                gloss_document_get_source (document),
                                gloss_document_get_layer (document),
                                gloss_document_get_codebook (document));
  gloss_text_view_set_annotation_file (self->text_view, gloss_document_get_own_file (document));
  gloss_tag_bar_set_codebook (self->tag_bar, gloss_document_get_codebook (document));
  _gloss_window_relations_layer_changed (self);

  gtk_stack_set_visible_child_name (self->stack, "document");
  _gloss_window_hide_banner (self);
  _gloss_window_dismiss_notice (self);
  update_header (self);
  show_state_banner (self);
  _gloss_window_update_menus (self);
  _gloss_window_update_legend (self);
  _gloss_window_update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  _gloss_window_show_pending_passage (self);
}

static void
on_font_changed (GlossWindow *self)
{
  g_autofree char *font = g_settings_get_string (self->settings, "font");

  gloss_text_view_set_font (self->text_view, font);
}

GlossDocument *
gloss_window_get_document (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);
  return self->document;
}

GlossTextView *
gloss_window_get_text_view (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);
  return self->text_view;
}

static gboolean
gloss_window_close_request (GtkWindow *window)
{
  GlossWindow *self = GLOSS_WINDOW (window);
  g_autoptr(GError) error = NULL;

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }

  /* Whatever waits for the autosave is written now.  A conflict or a
   * failure keeps the banner up, and the window stays open. */
  if (self->document != NULL && !gloss_document_save (self->document, &error))
    {
      show_state_banner (self);
      if (gloss_document_get_save_state (self->document) != GLOSS_SAVE_STATE_CONFLICT)
        _gloss_window_show_banner (self, error->message, _("_Try Again"), "win.save", NULL, NULL);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (gloss_window_parent_class)->close_request (window);
}

static void
gloss_window_dispose (GObject *object)
{
  GlossWindow *self = (GlossWindow *)object;

  _gloss_window_exit_review (self);
  _gloss_window_dispose_notice (self);
  _gloss_window_dispose_relations (self);
  _gloss_window_dispose_concordance (self);
  g_clear_object (&self->document_bindings);
  g_clear_object (&self->layer_bindings);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->teammate_signals);
  g_clear_object (&self->history_signals);
  g_clear_object (&self->document);
  _gloss_window_stop_open (self);
  g_clear_pointer (&self->page_before_loading, g_free);
  g_clear_object (&self->imported_file);
  g_clear_pointer (&self->layer_files, g_hash_table_unref);
  g_clear_pointer (&self->recent_uris, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->layer_actions);
  g_clear_pointer (&self->shown_teammates, g_hash_table_unref);
  g_clear_pointer (&self->annotator_colours, g_hash_table_unref);
  g_clear_pointer (&self->search_matches, g_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_WINDOW);

  G_OBJECT_CLASS (gloss_window_parent_class)->dispose (object);
}

static void
gloss_window_class_init (GlossWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gloss_window_dispose;
  window_class->close_request = gloss_window_close_request;

  _gloss_ensure_resources ();
  g_type_ensure (GLOSS_TYPE_TEXT_VIEW);
  g_type_ensure (GLOSS_TYPE_TAG_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossannotator/Gloss/gloss-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, banner_primary);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, banner_secondary);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, review_revealer);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, review_label);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, review_figures);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, match_case_button);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, whole_word_button);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, match_label);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, tag_all_menu);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, layers_menu);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, corpus_view);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, tag_bar);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, text_overlay);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, text_view);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, side_box);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, header_spinner);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, legend_box);
  gtk_widget_class_bind_template_callback (widget_class, _gloss_window_recent_activated);
  gtk_widget_class_bind_template_callback (widget_class, _gloss_window_update_search);
  gtk_widget_class_bind_template_callback (widget_class, _gloss_window_search_next);

  _gloss_window_class_init_actions (widget_class);
}

static void
gloss_window_init (GlossWindow *self)
{
  GtkWidget *inspector_scroller;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->shown_teammates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->layer_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->recent_uris = g_ptr_array_new_with_free_func (g_free);
  self->search_matches = g_array_new (FALSE, FALSE, sizeof (GlossRange));
  self->layer_actions = g_simple_action_group_new ();
  gtk_widget_insert_action_group (GTK_WIDGET (self), "layer", G_ACTION_GROUP (self->layer_actions));

  _gloss_window_init_dnd (self);
  _gloss_window_init_notice (self);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  _gloss_window_init_search (self);

  self->sidebar = GLOSS_SIDEBAR (gloss_sidebar_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->sidebar), TRUE);
  gtk_box_append (GTK_BOX (self->side_box), GTK_WIDGET (self->sidebar));
  gtk_box_append (GTK_BOX (self->side_box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  /* The inspector scrolls when the window is too short for it, so that
   * its wrapped lines never make the side pane taller than its width
   * allows. */
  self->inspector = GLOSS_INSPECTOR (gloss_inspector_new ());
  inspector_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (inspector_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (inspector_scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (inspector_scroller), GTK_WIDGET (self->inspector));
  g_object_bind_property (self->inspector, "visible", inspector_scroller, "visible", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (self->side_box), inspector_scroller);
  _gloss_window_init_review (self);
  g_signal_connect_swapped (self->text_view, "notify::selected", G_CALLBACK (on_view_selected), self);
  g_signal_connect_swapped (self->sidebar, "notify::selected", G_CALLBACK (on_sidebar_selected), self);

  init_groups (self);
  _gloss_window_init_decide (self);
  _gloss_window_init_relations (self);
  _gloss_window_init_corpus (self);
  _gloss_window_init_actions (self);
  _gloss_window_fill_recent (self);
  update_header (self);
}

GlossWindow *
gloss_window_new (GlossApplication *application)
{
  GlossWindow *self;
  GSettings *settings;

  self = g_object_new (GLOSS_TYPE_WINDOW, "application", application, NULL);

  settings = gloss_application_get_settings (application);
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      g_settings_bind (settings, "sidebar-visible", self->side_box, "visible", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "zoom", self->text_view, "zoom", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "inspector-visible", self->inspector, "visible", G_SETTINGS_BIND_DEFAULT);
      g_signal_connect_object (settings, "changed::font", G_CALLBACK (on_font_changed), self,
                               G_CONNECT_SWAPPED);
      on_font_changed (self);
      _gloss_window_init_identity (self);
    }

  return self;
}
