/* gloss-window-teammates.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Seeing the teammates' layers: each annotator's colour in the Layers
 * menu, the sidebar, the text and the legend of the shown layers; the
 * offer, on opening, to show the files beside the article, remembered
 * per folder; and Copy to My Layer. */

#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotator-style.h"
#include "gloss-window-private.h"

#define FOLDERS_KEY "teammate-folders"

void
_gloss_window_update_colours (GlossWindow *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) colours = NULL;
  GListModel *files;

  if (self->document == NULL)
    return;

  files = gloss_document_get_teammate_files (self->document);
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      char *id = _gloss_window_layer_action_name (self, file);

      if (id != NULL)
        g_ptr_array_add (ids, id);
    }

  colours = gloss_annotator_style_new_colours (gloss_layer_get_annotator_id (gloss_document_get_layer (self->document)),
                                               (const char * const *)ids->pdata, ids->len);
  g_clear_pointer (&self->annotator_colours, g_hash_table_unref);
  self->annotator_colours = g_hash_table_ref (colours);
  gloss_text_view_set_annotator_colours (self->text_view, colours);
  gloss_sidebar_set_annotator_colours (self->sidebar, colours);
}

void
_gloss_window_update_legend (GlossWindow *self)
{
  GtkWidget *child;
  GListModel *files;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->legend_box))) != NULL)
    gtk_box_remove (self->legend_box, child);

  files = self->document != NULL ? gloss_document_get_teammate_files (self->document) : NULL;
  for (guint i = 0; files != NULL && i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      GlossLayer *layer = g_hash_table_lookup (self->shown_teammates, g_file_peek_path (file));
      g_autofree char *markup = NULL;
      GtkWidget *label;

      if (layer == NULL)
        continue;

      markup = gloss_annotator_style_markup (GTK_WIDGET (self), self->annotator_colours,
                                             gloss_layer_get_annotator_id (layer),
                                             gloss_layer_get_annotator_name (layer));
      label = gtk_label_new (NULL);
      gtk_label_set_markup (GTK_LABEL (label), markup);
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (self->legend_box, label);
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->legend_box), shown > 0);
}

/* The folder of the window's article, as the settings name it. */
static char *
article_folder (GlossWindow *self)
{
  g_autoptr(GFile) folder = g_file_get_parent (gloss_source_get_file (gloss_document_get_source (self->document)));

  return folder != NULL ? g_file_get_path (folder) : NULL;
}

/* Whether the user chose to show (TRUE) or not (FALSE) the teammates'
 * files of @folder; -1 when they never chose. */
static int
folder_choice (GlossWindow *self,
               const char  *folder)
{
  g_autoptr(GVariant) folders = NULL;
  gboolean show;

  if (self->settings == NULL || folder == NULL)
    return -1;

  folders = g_settings_get_value (self->settings, FOLDERS_KEY);
  if (!g_variant_lookup (folders, folder, "b", &show))
    return -1;
  return show;
}

static void
remember_choice (GlossWindow *self,
                 gboolean     show)
{
  g_autofree char *folder = article_folder (self);
  g_autoptr(GVariant) folders = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  gboolean value;

  if (self->settings == NULL || folder == NULL)
    return;

  folders = g_settings_get_value (self->settings, FOLDERS_KEY);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sb}"));
  g_variant_iter_init (&iter, folders);
  while (g_variant_iter_next (&iter, "{&sb}", &key, &value))
    if (!g_str_equal (key, folder))
      g_variant_builder_add (&builder, "{sb}", key, value);
  g_variant_builder_add (&builder, "{sb}", folder, show);
  g_settings_set_value (self->settings, FOLDERS_KEY, g_variant_builder_end (&builder));
}

static void
show_all_teammates (GlossWindow *self)
{
  GListModel *files = gloss_document_get_teammate_files (self->document);

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);

      gloss_window_show_teammate_file (self, file);
    }
}

void
_gloss_window_offer_teammates (GlossWindow *self)
{
  GListModel *files = gloss_document_get_teammate_files (self->document);
  guint n = g_list_model_get_n_items (files);
  g_autofree char *folder = NULL;
  g_autofree char *message = NULL;

  if (n == 0)
    return;

  folder = article_folder (self);
  switch (folder_choice (self, folder))
    {
    case TRUE:
      show_all_teammates (self);
      return;
    case FALSE:
      return;
    default:
      break;
    }

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u teammate’s file beside this article",
                                          "%u teammates’ files beside this article", n),
                             n);
  _gloss_window_show_banner (self, message,
                             _("_Show"), "win.show-teammates",
                             _("_Not Now"), "win.hide-teammates");
}

/* The offer's answers, Show (win.show-teammates) and Not Now
 * (win.hide-teammates), remembered for the folder. */
static void
answer_offer_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  gboolean show = g_str_equal (action_name, "win.show-teammates");

  if (self->document == NULL)
    return;

  remember_choice (self, show);
  if (show)
    show_all_teammates (self);
  _gloss_window_hide_banner (self);
}

gboolean
gloss_window_show_teammate_file (GlossWindow *self,
                                 GFile       *file)
{
  g_autofree char *action = NULL;
  g_autoptr(GVariant) state = NULL;

  g_return_val_if_fail (GLOSS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* The same name in another folder is another article's file. */
  action = _gloss_window_layer_action_name (self, file);
  if (action == NULL || g_hash_table_lookup (self->layer_files, action) == NULL ||
      !g_file_equal (g_hash_table_lookup (self->layer_files, action), file))
    return FALSE;

  state = g_action_group_get_action_state (G_ACTION_GROUP (self->layer_actions), action);
  if (!g_variant_get_boolean (state))
    g_action_group_change_action_state (G_ACTION_GROUP (self->layer_actions), action,
                                        g_variant_new_boolean (TRUE));
  return TRUE;
}

GlossAnnotation *
_gloss_window_teammate_selected (GlossWindow *self)
{
  GlossAnnotation *selected = gloss_text_view_get_selected (self->text_view);

  if (selected == NULL || self->document == NULL ||
      gloss_layer_index_of (gloss_document_get_layer (self->document), selected) >= 0)
    return NULL;

  return selected;
}

/* Copies the selected teammate's annotation (tag, span and note) into the
 * own layer, as one step of its history. */
static void
copy_to_own_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossAnnotation *theirs = _gloss_window_teammate_selected (self);
  GlossLayer *own;
  GlossAnnotation *copy;
  const char *tag;
  guint start, end;

  if (theirs == NULL || gloss_annotation_get_status (theirs) == GLOSS_ANCHOR_ORPHANED)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  own = gloss_document_get_layer (self->document);
  tag = gloss_annotation_get_tag (theirs);
  start = gloss_annotation_get_start (theirs);
  end = gloss_annotation_get_end (theirs);
  if (gloss_layer_find (own, tag, start, end) != NULL)
    {
      GlossTag *known = gloss_sidebar_lookup_tag (self->sidebar, tag);
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("Your layer already has “%s” on this passage: nothing was copied."),
                                 known != NULL ? gloss_tag_get_label (known) : tag);
      _gloss_window_show_banner (self, message, NULL, NULL, NULL, NULL);
      return;
    }

  copy = gloss_layer_annotate (own, tag, start, end,
                               gloss_annotation_has_note (theirs) ? gloss_annotation_get_note (theirs) : NULL);
  gloss_text_view_select (self->text_view, copy, FALSE);
}

/* A page turned dark or light: the colours of the menu, the legend and
 * the text take the variants for it. */
static void
on_theme_changed (GlossWindow *self)
{
  _gloss_window_update_menus (self);
  _gloss_window_update_legend (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->text_view));
}

/* A teammate's file was written again on disk: a layer shown is shown
 * anew, a review that compares it compares the new one; when the file
 * cannot be read now, what was shown stays, and the window says why. */
static void
on_teammate_rewritten (GlossWindow *self,
                       GFile       *file)
{
  const char *path = g_file_peek_path (file);
  GlossLayer *shown = g_hash_table_lookup (self->shown_teammates, path);
  g_autoptr(GlossAnnotationFile) before = NULL;
  g_autoptr(GError) error = NULL;
  GlossAnnotationFile *teammate;
  gboolean reviewed;
  GlossLayer *layer;

  before = gloss_document_load_teammate (self->document, file, NULL);
  if (before == NULL)
    return;
  g_object_ref (before);
  reviewed = self->review_layers != NULL &&
             g_ptr_array_find (self->review_layers, gloss_annotation_file_get_layer (before), NULL);
  if (shown == NULL && !reviewed)
    return;

  teammate = gloss_document_reload_teammate (self->document, file, &error);
  if (teammate == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *message = NULL;

      /* Translators: a file, then why it cannot be read */
      message = g_strdup_printf (_("“%s” was changed on disk and cannot be read now; "
                                   "what was loaded before stays shown. %s"), name, error->message);
      _gloss_window_show_banner (self, message, NULL, NULL, NULL, NULL);
      return;
    }

  layer = gloss_annotation_file_get_layer (teammate);
  if (shown != NULL)
    {
      gloss_text_view_remove_teammate_layer (self->text_view, shown);
      gloss_sidebar_remove_layer (self->sidebar, before);
      g_hash_table_replace (self->shown_teammates, g_strdup (path), g_object_ref (layer));
      gloss_text_view_add_teammate_layer (self->text_view, layer);
      gloss_sidebar_add_layer (self->sidebar, teammate, gloss_layer_get_annotator_name (layer));
      _gloss_window_update_legend (self);
    }
  if (reviewed)
    _gloss_window_reload_review (self);
}

void
_gloss_window_init_teammates (GlossWindow *self)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));

  g_signal_group_connect_object (self->document_signals, "teammate-changed",
                                 G_CALLBACK (on_teammate_rewritten), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "notify::gtk-application-prefer-dark-theme",
                           G_CALLBACK (on_theme_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "notify::gtk-theme-name",
                           G_CALLBACK (on_theme_changed), self, G_CONNECT_SWAPPED);
}

void
_gloss_window_class_init_teammates (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-teammates", NULL, answer_offer_action);
  gtk_widget_class_install_action (widget_class, "win.hide-teammates", NULL, answer_offer_action);
  gtk_widget_class_install_action (widget_class, "win.copy-to-own", NULL, copy_to_own_action);
}

/* The Layers menu: a stateful action per teammate file, and its row. */

char *
_gloss_window_layer_action_name (GlossWindow *self,
                                 GFile       *file)
{
  g_autofree char *article = NULL;
  g_autofree char *name = NULL;

  if (self->document == NULL)
    return NULL;

  article = g_file_get_basename (gloss_source_get_file (gloss_document_get_source (self->document)));
  name = g_file_get_basename (file);
  return gloss_annotation_file_name_annotator (name, article);
}

static void
on_layer_toggled (GSimpleAction *action,
                  GVariant      *state,
                  GlossWindow   *self)
{
  GFile *file = g_hash_table_lookup (self->layer_files, g_action_get_name (G_ACTION (action)));
  const char *path = g_file_peek_path (file);
  g_autoptr(GError) error = NULL;

  if (g_variant_get_boolean (state))
    {
      GlossAnnotationFile *teammate = gloss_document_load_teammate (self->document, file, &error);
      GlossLayer *layer;

      if (teammate == NULL)
        {
          _gloss_window_show_banner (self, error->message, NULL, NULL, NULL, NULL);
          return;
        }

      layer = gloss_annotation_file_get_layer (teammate);
      g_hash_table_replace (self->shown_teammates, g_strdup (path), g_object_ref (layer));
      gloss_text_view_add_teammate_layer (self->text_view, layer);
      gloss_sidebar_add_layer (self->sidebar, teammate, gloss_layer_get_annotator_name (layer));
    }
  else
    {
      GlossLayer *layer = g_hash_table_lookup (self->shown_teammates, path);
      GlossAnnotationFile *teammate = gloss_document_load_teammate (self->document, file, NULL);

      if (layer != NULL)
        gloss_text_view_remove_teammate_layer (self->text_view, layer);
      if (teammate != NULL)
        gloss_sidebar_remove_layer (self->sidebar, teammate);
      g_hash_table_remove (self->shown_teammates, path);
    }

  g_simple_action_set_state (action, state);
  _gloss_window_update_legend (self);
}

/* A row of the Layers menu: the check button of action layer.@id, and a
 * dot in the annotator's colour. */
static GtkWidget *
new_layer_item (GlossWindow *self,
                const char  *id)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *check = gtk_check_button_new_with_label (id);
  GtkWidget *dot = gtk_label_new (NULL);
  g_autofree char *detailed = g_strdup_printf ("layer.%s", id);
  g_autofree char *markup = g_strdup_printf ("<span foreground=\"%s\">●</span>",
                                             gloss_annotator_style_colour (GTK_WIDGET (self),
                                                                           self->annotator_colours, id));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (check), detailed);
  gtk_widget_set_hexpand (check, TRUE);
  gtk_label_set_markup (GTK_LABEL (dot), markup);
  gtk_widget_set_name (dot, "layer-dot");
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), dot);
  return box;
}

static void update_menu_items (GlossWindow *self,
                               GPtrArray   *ids);

void
_gloss_window_update_menus (GlossWindow *self)
{
  GtkPopoverMenu *popover = GTK_POPOVER_MENU (gtk_menu_button_get_popover (self->menu_button));
  g_autoptr(GMenuModel) model = g_object_ref (gtk_popover_menu_get_menu_model (popover));
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  /* GTK 4.8's popover menu keeps the names of its custom items' places
   * without a copy of its own, and reads them again when the menu changes
   * after the items that owned them went: the menu is taken from the
   * popover while it changes, and given back, so that the popover builds
   * every place anew. */
  gtk_popover_menu_set_menu_model (popover, NULL);
  g_menu_remove_all (self->tag_all_menu);
  g_menu_remove_all (self->layers_menu);

  if (self->document != NULL)
    update_menu_items (self, ids);

  gtk_popover_menu_set_menu_model (popover, model);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autofree char *custom = g_strdup_printf ("layer-%s", id);

      gtk_popover_menu_add_child (popover, new_layer_item (self, id), custom);
    }
}

/* Fills the Tag All and Layers menus, and in @ids the ids of the Layers
 * menu's custom items, to add once the menu is back in its popover. */
static void
update_menu_items (GlossWindow *self,
                   GPtrArray   *ids)
{
  GListModel *files;
  GlossCodebook *codebook;
  g_auto(GStrv) old = NULL;

  _gloss_window_update_colours (self);
  codebook = gloss_document_get_codebook (self->document);
  for (guint i = 0; gloss_codebook_get_tag (codebook, i) != NULL; i++)
    {
      GlossTag *tag = gloss_codebook_get_tag (codebook, i);
      g_autofree char *detailed = g_strdup_printf ("win.tag-all::%s", gloss_tag_get_id (tag));

      g_menu_append (self->tag_all_menu, gloss_tag_get_label (tag), detailed);
    }

  /* One stateful action per teammate file, kept when it still exists. */
  old = g_action_group_list_actions (G_ACTION_GROUP (self->layer_actions));
  files = gloss_document_get_teammate_files (self->document);
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autofree char *id = _gloss_window_layer_action_name (self, file);
      g_autofree char *custom = NULL;
      g_autoptr(GMenuItem) item = NULL;
      GSimpleAction *action;

      if (id == NULL)
        continue;

      action = G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->layer_actions), id));
      if (action == NULL)
        {
          action = g_simple_action_new_stateful (id, NULL, g_variant_new_boolean (FALSE));
          g_hash_table_replace (self->layer_files, g_strdup (id), g_object_ref (file));
          g_signal_connect (action, "change-state", G_CALLBACK (on_layer_toggled), self);
          g_action_map_add_action (G_ACTION_MAP (self->layer_actions), G_ACTION (action));
          g_object_unref (action);
        }

      /* GTK 4.8's menus show neither markup nor icons beside a label:
       * the item is a check button of the file's annotator id followed
       * by a dot in their colour, put in the menu's place for it. */
      custom = g_strdup_printf ("layer-%s", id);
      item = g_menu_item_new (NULL, NULL);
      g_menu_item_set_attribute (item, "custom", "s", custom);
      g_menu_append_item (self->layers_menu, item);
      g_ptr_array_add (ids, g_strdup (id));
    }
}
