/* gloss-window-actions.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-accels.h"
#include "gloss-annotator-style.h"
#include "gloss-codebook-dialog.h"
#include "gloss-preferences-window.h"
#include "gloss-search.h"
#include "gloss-tag-bar.h"
#include "gloss-window-private.h"

/* What the user can do in the window: its actions (open, save and reload,
 * tag, delete and undo, move between annotations, show the teammates'
 * layers, the codebook, preferences, zoom). */

static GlossLayer *
own_layer (GlossWindow *self)
{
  return self->document ? gloss_document_get_layer (self->document) : NULL;
}

static gboolean
can_edit (GlossWindow *self)
{
  return self->document != NULL &&
         gloss_document_get_save_state (self->document) != GLOSS_SAVE_STATE_READ_ONLY;
}

GlossAnnotation *
_gloss_window_own_selected (GlossWindow *self)
{
  GlossAnnotation *selected = gloss_text_view_get_selected (self->text_view);

  if (selected == NULL || own_layer (self) == NULL ||
      gloss_layer_index_of (own_layer (self), selected) < 0)
    return NULL;

  return selected;
}

void
_gloss_window_update_actions (GlossWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean open = self->document != NULL;
  gboolean editable = can_edit (self);
  GlossHistory *history = open ? gloss_layer_get_history (_gloss_window_history_layer (self)) : NULL;
  GlossAnnotation *selected = _gloss_window_own_selected (self);
  GlossSaveState state = open ? gloss_document_get_save_state (self->document) : GLOSS_SAVE_STATE_SAVED;

  gtk_widget_action_set_enabled (widget, "win.undo", editable && gloss_history_can_undo (history));
  gtk_widget_action_set_enabled (widget, "win.redo", editable && gloss_history_can_redo (history));
  gtk_widget_action_set_enabled (widget, "win.tag", editable);
  gtk_widget_action_set_enabled (widget, "win.tag-key", editable);
  gtk_widget_action_set_enabled (widget, "win.tag-popover", editable);
  gtk_widget_action_set_enabled (widget, "win.tag-all", editable);
  gtk_widget_action_set_enabled (widget, "win.tag-all-key", editable);
  gtk_widget_action_set_enabled (widget, "win.delete-annotation", editable && selected != NULL);
  gtk_widget_action_set_enabled (widget, "win.edit-note", editable && selected != NULL);
  gtk_widget_action_set_enabled (widget, "win.attach-annotation",
                                 editable && selected != NULL &&
                                 gloss_annotation_get_status (selected) != GLOSS_ANCHOR_ANCHORED);
  /* In review, decisions go into the consensus, never the own layer. */
  gtk_widget_action_set_enabled (widget, "win.copy-to-own",
                                 editable && self->review == NULL && _gloss_window_teammate_selected (self) != NULL);
  gtk_widget_action_set_enabled (widget, "win.next-annotation", open);
  gtk_widget_action_set_enabled (widget, "win.previous-annotation", open);
  gtk_widget_action_set_enabled (widget, "win.find", open);
  gtk_widget_action_set_enabled (widget, "win.select-sentence", open);
  gtk_widget_action_set_enabled (widget, "win.select-paragraph", open);
  gtk_widget_action_set_enabled (widget, "win.find-next", open);
  gtk_widget_action_set_enabled (widget, "win.find-previous", open);
  gtk_widget_action_set_enabled (widget, "win.save",
                                 state == GLOSS_SAVE_STATE_FAILED || state == GLOSS_SAVE_STATE_UNSAVED);
  gtk_widget_action_set_enabled (widget, "win.reload", state == GLOSS_SAVE_STATE_CONFLICT);
  gtk_widget_action_set_enabled (widget, "win.keep-copy", state == GLOSS_SAVE_STATE_CONFLICT);
  gtk_widget_action_set_enabled (widget, "win.codebook", editable);
  gtk_widget_action_set_enabled (widget, "win.export", open);
  gtk_widget_action_set_enabled (widget, "win.export-report", open);
  gtk_widget_action_set_enabled (widget, "win.export-report-to", open);
  gtk_widget_action_set_enabled (widget, "win.zoom-in", open);
  gtk_widget_action_set_enabled (widget, "win.zoom-out", open);
  gtk_widget_action_set_enabled (widget, "win.zoom-reset", open);
  gtk_widget_action_set_enabled (widget, "win.review", open);
  gtk_widget_action_set_enabled (widget, "win.review-annotators", open);
  gtk_widget_action_set_enabled (widget, "win.review-exit", self->review != NULL);
  gtk_widget_action_set_enabled (widget, "win.review-next", self->review != NULL);
  gtk_widget_action_set_enabled (widget, "win.review-previous", self->review != NULL);
  _gloss_window_update_decide_actions (self);
  _gloss_window_update_corpus_actions (self);
  _gloss_window_update_relation_actions (self);
}

static void
open_response (GtkNativeDialog *dialog,
               int              response,
               GlossWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GFile) folder = g_file_get_parent (file);

      if (self->settings != NULL && folder != NULL)
        g_settings_set_string (self->settings, "recent-folder", g_file_peek_path (folder));

      /* An empty window takes the file; one already in use opens another. */
      if (_gloss_window_is_empty (self))
        gloss_window_open (self, file);
      else
        gloss_application_open_file (GLOSS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                                     file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static GtkFileFilter *
new_filter (const char         *name,
            const char * const *patterns,
            const char * const *types)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns != NULL && patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  for (guint i = 0; types != NULL && types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, types[i]);

  return filter;
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  static const char * const article_patterns[] = { "*.txt", "*.text", "*.md", "*.html", "*.htm",
                                                   "*.xhtml", "*.xml", NULL };
  static const char * const article_types[] = { "text/plain", "text/html", "application/xhtml+xml",
                                                "application/xml", "text/xml", NULL };
  static const char * const annotation_patterns[] = { "*" GLOSS_ANNOTATION_FILE_SUFFIX, NULL };
  static const char * const all_patterns[] = { "*", NULL };
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) articles = NULL;
  g_autoptr(GtkFileFilter) annotations = NULL;
  g_autoptr(GtkFileFilter) all = NULL;

  dialog = gtk_file_chooser_native_new (_("Open an Article or an Annotation File"),
                                        GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  articles = new_filter (_("Articles"), article_patterns, article_types);
  annotations = new_filter (_("Annotation files"), annotation_patterns, NULL);
  all = new_filter (_("All files"), all_patterns, NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), articles);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), annotations);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);

  if (self->settings != NULL)
    {
      g_autofree char *folder = g_settings_get_string (self->settings, "recent-folder");

      if (folder != NULL && *folder != '\0' && g_file_test (folder, G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GFile) dir = g_file_new_for_path (folder);
          gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), dir, NULL);
        }
    }

  g_signal_connect (dialog, "response", G_CALLBACK (open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
show_error (GlossWindow  *self,
            const GError *error)
{
  _gloss_window_show_banner (self, error->message, NULL, NULL, NULL, NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  GlossSaveState state;

  if (self->document == NULL || gloss_document_save (self->document, &error))
    return;

  /* A failed save already shows its banner with Try Again, and a
   * conflict its choice: replacing either with the bare message would
   * take away the only way on while the disk is still full. */
  state = gloss_document_get_save_state (self->document);
  if (state != GLOSS_SAVE_STATE_CONFLICT && state != GLOSS_SAVE_STATE_FAILED)
    show_error (self, error);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!gloss_document_reload (self->document, &error))
    show_error (self, error);
  else
    _gloss_window_hide_banner (self);
}

static void
keep_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) copy = gloss_document_keep_as_copy (self->document, &error);
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (copy == NULL)
    {
      show_error (self, error);
      return;
    }

  name = g_file_get_basename (copy);
  message = g_strdup_printf (_("Your version was kept as “%s”, listed under Layers. "
                               "The file from disk is now loaded as your own."), name);
  _gloss_window_show_banner (self, message, NULL, NULL, NULL, NULL);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  /* In review, the consensus's history. */
  if (_gloss_window_history_layer (self) != NULL)
    gloss_layer_undo (_gloss_window_history_layer (self));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (_gloss_window_history_layer (self) != NULL)
    gloss_layer_redo (_gloss_window_history_layer (self));
}

GlossTag *
_gloss_window_tag_of_key (GlossWindow *self,
                          int          key)
{
  GlossTag *tag = NULL;
  g_autofree char *message = NULL;

  if (self->document != NULL && key >= 1)
    tag = gloss_codebook_get_tag (gloss_document_get_codebook (self->document), key - 1);
  if (tag != NULL)
    return tag;

  /* Translators: a number key (1 to 9) that the codebook gives no tag */
  message = g_strdup_printf (_("No tag has the key %d"), key);
  gtk_widget_error_bell (GTK_WIDGET (self));
  _gloss_window_notify (self, message);
  return NULL;
}

/* A key, the tag button or the tag bar with nothing to tag: the window
 * says what to do rather than nothing. */
static void
select_first (GlossWindow *self)
{
  gtk_widget_error_bell (GTK_WIDGET (self));
  _gloss_window_notify (self, _("Select a passage first"));
}

/* Tags the selected text, or re-tags the selected annotation when no
 * text is selected. */
static void
tag_with (GlossWindow *self,
          const char  *tag)
{
  GlossLayer *layer = own_layer (self);
  GlossSource *source = gloss_document_get_source (self->document);
  GlossAnnotation *selected = _gloss_window_own_selected (self);
  GlossAnnotation *annotation;
  guint start, end;

  if (!gloss_text_view_get_selection_range (self->text_view, &start, &end))
    {
      if (selected == NULL)
        select_first (self);
      else if (!gloss_layer_set_tag (layer, selected, tag))
        gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  /* Only spaces selected: there is no passage to tag. */
  if ((self->settings == NULL || g_settings_get_boolean (self->settings, "snap-to-words")) &&
      !gloss_source_snap_to_words (source, &start, &end))
    {
      select_first (self);
      return;
    }

  annotation = gloss_layer_find (layer, tag, start, end);
  if (annotation == NULL)
    annotation = gloss_layer_annotate (layer, tag, start, end, NULL);

  /* The new annotation is selected and the text selection collapses, so
   * that another key changes its tag instead of tagging the text twice. */
  gloss_text_view_select_range (self->text_view, end, end);
  gloss_text_view_select (self->text_view, annotation, FALSE);
}

static void
tag_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  const char *tag = g_variant_get_string (parameter, NULL);
  gloss_text_view_popdown (self->text_view);

  if (!gloss_tag_id_is_valid (tag))
    return;

  tag_with (self, tag);
}

static void
tag_key_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  int key = g_variant_get_int32 (parameter);
  GlossTag *tag;

  /* In review, a number accepts a version, or tags the one edited; while
   * linking, it chooses the relation type. */
  if (_gloss_window_link_key (self, key) || _gloss_window_review_key (self, key))
    return;

  tag = _gloss_window_tag_of_key (self, key);
  if (tag != NULL)
    tag_with (self, gloss_tag_get_id (tag));
}

static void
tag_popover_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossCodebook *codebook = gloss_document_get_codebook (self->document);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  guint start, end;

  if (!gloss_text_view_get_selection_range (self->text_view, &start, &end) && _gloss_window_own_selected (self) == NULL)
    {
      select_first (self);
      g_object_ref_sink (popover);
      g_object_unref (popover);
      return;
    }

  gtk_widget_add_css_class (popover, "menu");
  gtk_widget_add_css_class (box, "gloss-tag-list");
  for (guint i = 0; gloss_codebook_get_tag (codebook, i) != NULL; i++)
    gtk_box_append (GTK_BOX (box), gloss_tag_button_new (gloss_codebook_get_tag (codebook, i), i));

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gloss_text_view_popup (self->text_view, popover);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossAnnotation *selected = _gloss_window_own_selected (self);

  if (selected != NULL)
    gloss_layer_remove (own_layer (self), selected);
}

static void
deselect_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (_gloss_window_cancel_link (self))
    return;
  if (gloss_text_view_get_selected (self->text_view) == NULL && _gloss_window_escape_review (self))
    return;
  gloss_text_view_select (self->text_view, NULL, FALSE);
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossAnnotation *selected = _gloss_window_own_selected (self);
  guint start, end;

  if (selected == NULL || !gloss_text_view_get_selection_range (self->text_view, &start, &end))
    {
      _gloss_window_notify (self, _("Select the passage the annotation belongs to, then choose Attach Here."));
      return;
    }

  if (!gloss_layer_set_range (own_layer (self), selected, start, end))
    gtk_widget_error_bell (widget);
  gloss_text_view_select_range (self->text_view, end, end);
  _gloss_window_update_actions (self);
}

/* Steps to the next (@step 1) or previous (-1) annotation of the own
 * layer from the selected one, or from the cursor. */
static void
step_annotation (GlossWindow *self,
                 int          step)
{
  GListModel *model = G_LIST_MODEL (own_layer (self));
  guint n = g_list_model_get_n_items (model);
  GlossAnnotation *selected = _gloss_window_own_selected (self);
  g_autoptr(GlossAnnotation) target = NULL;
  int index;

  if (n == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  if (selected != NULL)
    {
      index = gloss_layer_index_of (own_layer (self), selected) + step;
    }
  else
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
      GtkTextIter cursor;
      guint offset;

      gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
      offset = gtk_text_iter_get_offset (&cursor);
      for (index = 0; index < (int)n; index++)
        {
          g_autoptr(GlossAnnotation) a = g_list_model_get_item (model, index);

          if (gloss_annotation_get_start (a) >= offset)
            break;
        }
      if (step < 0)
        index--;
    }

  if (index < 0 || index >= (int)n)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  target = g_list_model_get_item (model, index);
  gloss_text_view_select (self->text_view, target, TRUE);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  /* In review, n steps through the disagreements; while linking, through
   * the passages the relation may go to. */
  if (!_gloss_window_link_step (GLOSS_WINDOW (widget), step_annotation, 1) &&
      !_gloss_window_step_review (GLOSS_WINDOW (widget), FALSE))
    step_annotation (GLOSS_WINDOW (widget), 1);
}

/* Selects the sentence or the paragraph at the cursor, ready to tag. */
static void
select_unit_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (g_str_equal (action_name, "win.select-sentence"))
    gloss_text_view_select_sentence (self->text_view);
  else
    gloss_text_view_select_paragraph (self->text_view);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  if (!_gloss_window_link_step (GLOSS_WINDOW (widget), step_annotation, -1) &&
      !_gloss_window_step_review (GLOSS_WINDOW (widget), TRUE))
    step_annotation (GLOSS_WINDOW (widget), -1);
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  gtk_widget_set_visible (self->side_box, !gtk_widget_get_visible (self->side_box));
}

/* After the codebook changed: new colours and labels everywhere, and the
 * own file rewritten so that its description of its tags follows. */
static void
on_codebook_dialog_closed (GlossWindow *self)
{
  GlossLayer *layer = own_layer (self);

  gloss_text_view_refresh_tags (self->text_view);
  gtk_widget_queue_draw (GTK_WIDGET (self->sidebar));
  _gloss_window_update_menus (self);
  if (layer != NULL && can_edit (self) && g_list_model_get_n_items (G_LIST_MODEL (layer)) > 0)
    gloss_history_mark_dirty (gloss_layer_get_history (layer));
}

static void
codebook_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkWidget *dialog = gloss_codebook_dialog_new (GTK_WINDOW (self), self->document);

  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_codebook_dialog_closed), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (self->settings != NULL)
    gtk_window_present (GTK_WINDOW (gloss_preferences_window_new (GTK_WINDOW (self), self->settings)));
}

static void
edit_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (_gloss_window_own_selected (self) == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  gtk_widget_set_visible (self->side_box, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->inspector), TRUE);
  gloss_inspector_focus_note (self->inspector);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  int zoom = gloss_text_view_get_zoom (self->text_view);

  if (g_str_equal (action_name, "win.zoom-in"))
    zoom++;
  else if (g_str_equal (action_name, "win.zoom-out"))
    zoom--;
  else
    zoom = 0;

  gloss_text_view_set_zoom (self->text_view, zoom);
}

void
_gloss_window_class_init_actions (GtkWidgetClass *widget_class)
{
  _gloss_window_class_init_search (widget_class);
  _gloss_window_class_init_notice (widget_class);
  _gloss_window_class_init_transfer (widget_class);
  _gloss_window_class_init_report (widget_class);
  _gloss_window_class_init_teammates (widget_class);
  _gloss_window_class_init_review (widget_class);
  _gloss_window_class_init_corpus (widget_class);
  _gloss_window_class_init_decide (widget_class);
  _gloss_window_class_init_relations (widget_class);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.keep-copy", NULL, keep_copy_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.tag", "s", tag_action);
  gtk_widget_class_install_action (widget_class, "win.tag-key", "i", tag_key_action);
  gtk_widget_class_install_action (widget_class, "win.tag-popover", NULL, tag_popover_action);
  gtk_widget_class_install_action (widget_class, "win.delete-annotation", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "win.deselect", NULL, deselect_action);
  gtk_widget_class_install_action (widget_class, "win.attach-annotation", NULL, attach_action);
  gtk_widget_class_install_action (widget_class, "win.next-annotation", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "win.previous-annotation", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "win.select-sentence", NULL, select_unit_action);
  gtk_widget_class_install_action (widget_class, "win.select-paragraph", NULL, select_unit_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.edit-note", NULL, edit_note_action);
  gtk_widget_class_install_action (widget_class, "win.codebook", NULL, codebook_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
}

void
_gloss_window_init_actions (GlossWindow *self)
{
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), gloss_accels_new_text_controller ());
  _gloss_window_init_teammates (self);

  g_signal_connect_swapped (self->text_view, "notify::selected",
                            G_CALLBACK (_gloss_window_update_actions), self);
  g_signal_connect_swapped (self->match_case_button, "toggled",
                            G_CALLBACK (_gloss_window_update_search), self);
  g_signal_connect_swapped (self->whole_word_button, "toggled",
                            G_CALLBACK (_gloss_window_update_search), self);
  _gloss_window_update_actions (self);
}
