/* gloss-corpus-view-table.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-corpus-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-corpus-view-private.h"

G_DEFINE_FINAL_TYPE (GlossCorpusView, gloss_corpus_view, GTK_TYPE_WIDGET)

enum {
  ARTICLE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The statuses as the status filter lists them after "Any status". */
static const GlossWorkStatus statuses[] = {
  GLOSS_WORK_NOT_STARTED,
  GLOSS_WORK_IN_PROGRESS,
  GLOSS_WORK_DONE,
  GLOSS_WORK_NEEDS_ATTENTION,
};

/* Filters and counts. */

static gboolean
filter_item (gpointer object,
             gpointer data)
{
  GlossCorpusView *self = data;
  GlossCorpusItem *item = object;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search));
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint annotator = gtk_drop_down_get_selected (self->annotator_dropdown);

  if (text != NULL && *text != '\0')
    {
      g_autofree char *needle = g_utf8_casefold (text, -1);
      g_autofree char *title = g_utf8_casefold (_gloss_corpus_item_title (item), -1);
      g_autofree char *path = g_utf8_casefold (item->path, -1);

      if (strstr (title, needle) == NULL && strstr (path, needle) == NULL)
        return FALSE;
    }

  if (self->assignments != NULL && gtk_toggle_button_get_active (self->assigned_filter) &&
      !_gloss_corpus_view_is_assigned_to_user (self, item))
    return FALSE;

  if (status != GTK_INVALID_LIST_POSITION && status > 0)
    {
      const char *id = self->annotators != NULL && annotator != GTK_INVALID_LIST_POSITION &&
                       annotator < g_strv_length (self->annotators) ? self->annotators[annotator] : self->annotator;
      const GlossAnnotatorWork *work = _gloss_corpus_item_work (item, id);

      if (work == NULL || work->status != statuses[status - 1])
        return FALSE;
    }
  return TRUE;
}

static void
on_filter_changed (GlossCorpusView *self)
{
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
}

/* What the reading hands over. */

static guint
position_of (GlossCorpusView *self,
             GlossCorpusItem *item)
{
  g_autoptr(GlossCorpusItem) there = g_list_model_get_item (G_LIST_MODEL (self->items), item->position);
  guint position;

  /* Where it was put, unless rows were taken out before it since. */
  if (there == item)
    return item->position;
  if (!g_list_store_find (self->items, item, &position))
    return GTK_INVALID_LIST_POSITION;
  item->position = position;
  return position;
}

static void
add_item (GlossCorpusView *self,
          GFile           *article)
{
  g_autoptr(GlossCorpusItem) item = _gloss_corpus_item_new (self->folder, article);
  g_autoptr(GFile) parent = g_file_get_parent (article);

  g_hash_table_replace (self->by_path, g_strdup (g_file_peek_path (article)), item);
  item->position = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  g_list_store_append (self->items, item);
  if (parent != NULL)
    _gloss_corpus_view_watch (self, parent);
}

/* A new row for @item's article, taking over what was read of it: a row
 * that changes is replaced by another object, so that the views, the
 * filter and the sorter take it for what it is, a changed row. */
static GlossCorpusItem *
renew (GlossCorpusView *self,
       GlossCorpusItem *item)
{
  GlossCorpusItem *fresh = g_object_new (GLOSS_TYPE_CORPUS_ITEM, NULL);

  fresh->article = g_object_ref (item->article);
  fresh->path = g_strdup (item->path);
  fresh->status = g_steal_pointer (&item->status);
  fresh->position = item->position;
  g_hash_table_replace (self->by_path, g_strdup (g_file_peek_path (fresh->article)), fresh);
  return fresh;
}

void
_gloss_corpus_view_renew_rows (GlossCorpusView *self)
{
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint p = 0; p < n; p++)
    {
      g_autoptr(GlossCorpusItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), p);

      item->position = p;
      g_ptr_array_add (fresh, renew (self, item));
    }
  g_list_store_splice (self->items, 0, n, fresh->pdata, fresh->len);
}

void
_gloss_corpus_view_take_batch (GlossCorpusView     *self,
                               GlossCorpusListing **listing,
                               GPtrArray           *read,
                               guint                n_read,
                               gboolean             last)
{
  guint first = G_MAXUINT, end = 0;

  if (*listing != NULL)
    {
      g_autoptr(GlossCorpusListing) found = g_steal_pointer (listing);
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      g_strfreev (self->annotators);
      self->annotators = _gloss_corpus_view_annotators_of (found, self->assignments, self->annotator);
      _gloss_corpus_view_build_columns (self);

      _gloss_corpus_view_watch (self, self->folder);
      for (guint i = 0; i < found->articles->len; i++)
        {
          GlossCorpusArticle *entry = g_ptr_array_index (found->articles, i);
          GlossCorpusItem *item = _gloss_corpus_item_new (self->folder, entry->article);
          g_autoptr(GFile) parent = g_file_get_parent (entry->article);

          g_hash_table_replace (self->by_path, g_strdup (g_file_peek_path (entry->article)), item);
          item->position = i;
          g_ptr_array_add (items, item);
          if (parent != NULL)
            _gloss_corpus_view_watch (self, parent);
        }
      g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                           items->pdata, items->len);
      self->listed = TRUE;
      _gloss_corpus_view_show_assignments (self);
    }

  /* The statuses of a run of articles in the walk's order: one change of
   * the run, so that the filter and the sorter look at it once. */
  for (guint i = 0; read != NULL && i < read->len; i++)
    {
      GlossArticleStatus *status = g_ptr_array_index (read, i);
      GlossCorpusItem *item = g_hash_table_lookup (self->by_path, g_file_peek_path (status->article));
      guint position;

      if (item == NULL)
        continue;
      g_clear_pointer (&item->status, gloss_article_status_free);
      item->status = g_ptr_array_steal_index_fast (read, i--);
      position = position_of (self, item);
      if (position == GTK_INVALID_LIST_POSITION)
        continue;
      first = MIN (first, position);
      end = MAX (end, position + 1);
    }
  if (first < end)
    {
      g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint p = first; p < end; p++)
        {
          g_autoptr(GlossCorpusItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), p);

          g_ptr_array_add (fresh, renew (self, item));
        }
      g_list_store_splice (self->items, first, end - first, fresh->pdata, fresh->len);
    }

  self->n_read = n_read;
  self->scanning = !last;
  _gloss_corpus_view_update_counts (self);
}

void
_gloss_corpus_view_take_status (GlossCorpusView    *self,
                                GlossArticleStatus *status)
{
  GlossCorpusItem *item = g_hash_table_lookup (self->by_path, g_file_peek_path (status->article));
  guint position;

  if (item == NULL)
    {
      gloss_article_status_free (status);
      return;
    }
  g_clear_pointer (&item->status, gloss_article_status_free);
  item->status = status;
  position = position_of (self, item);
  if (position != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(GlossCorpusItem) fresh = renew (self, item);

      g_list_store_splice (self->items, position, 1, (gpointer *) &fresh, 1);
    }
  _gloss_corpus_view_update_counts (self);
}

void
_gloss_corpus_view_scan_failed (GlossCorpusView *self,
                                const GError    *error)
{
  self->scanning = FALSE;
  _gloss_corpus_view_update_counts (self);
  gtk_label_set_label (self->counts, error->message);
}

void
_gloss_corpus_view_article_changed (GlossCorpusView *self,
                                    GFile           *article)
{
  GlossCorpusItem *item = g_hash_table_lookup (self->by_path, g_file_peek_path (article));
  GFileType type = g_file_query_file_type (article, G_FILE_QUERY_INFO_NONE, NULL);

  if (item != NULL && type != G_FILE_TYPE_REGULAR)
    {
      /* The article vanished (moved, deleted, pulled away). */
      guint position = position_of (self, item);

      if (position != GTK_INVALID_LIST_POSITION)
        g_list_store_remove (self->items, position);
      g_hash_table_remove (self->by_path, g_file_peek_path (article));
      /* The counts, and the lines of gloss-assignments.csv naming it. */
      _gloss_corpus_view_show_assignments (self);
      return;
    }
  if (item == NULL && type == G_FILE_TYPE_REGULAR)
    {
      add_item (self, article);
      _gloss_corpus_view_show_assignments (self);
    }
  if (type == G_FILE_TYPE_REGULAR)
    gloss_corpus_view_refresh (self, article);
}

/* The API. */

void
gloss_corpus_view_set_folder (GlossCorpusView *self,
                              GFile           *folder,
                              const char      *annotator)
{
  g_return_if_fail (GLOSS_IS_CORPUS_VIEW (self));
  g_return_if_fail (G_IS_FILE (folder));
  g_return_if_fail (annotator != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;
  g_ptr_array_set_size (self->monitors, 0);
  g_hash_table_remove_all (self->watched);
  g_hash_table_remove_all (self->by_path);
  g_list_store_remove_all (self->items);

  g_set_object (&self->folder, folder);
  g_free (self->annotator);
  self->annotator = g_strdup (annotator);
  g_clear_pointer (&self->annotators, g_strfreev);
  g_clear_pointer (&self->assignments, gloss_assignments_free);
  g_clear_pointer (&self->assignments_problem, g_free);
  self->assignments_stamp = _gloss_corpus_view_assignments_stamp (self);
  self->listed = FALSE;
  _gloss_corpus_view_show_assignments (self);
  self->scanning = TRUE;
  self->n_read = 0;
  _gloss_corpus_view_update_counts (self);
  _gloss_corpus_view_start_scan (self);
  _gloss_corpus_view_set_poll (self, 2);
}

GFile *
gloss_corpus_view_get_folder (GlossCorpusView *self)
{
  g_return_val_if_fail (GLOSS_IS_CORPUS_VIEW (self), NULL);

  return self->folder;
}

const char * const *
gloss_corpus_view_get_annotators (GlossCorpusView *self)
{
  g_return_val_if_fail (GLOSS_IS_CORPUS_VIEW (self), NULL);

  return (const char * const *) self->annotators;
}

gboolean
gloss_corpus_view_is_scanning (GlossCorpusView *self)
{
  g_return_val_if_fail (GLOSS_IS_CORPUS_VIEW (self), FALSE);

  return self->scanning;
}

guint
gloss_corpus_view_get_n_articles (GlossCorpusView *self)
{
  g_return_val_if_fail (GLOSS_IS_CORPUS_VIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

guint
gloss_corpus_view_get_n_shown (GlossCorpusView *self)
{
  g_return_val_if_fail (GLOSS_IS_CORPUS_VIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
}

GFile *
gloss_corpus_view_get_shown (GlossCorpusView *self,
                             guint            position)
{
  g_autoptr(GlossCorpusItem) item = NULL;

  g_return_val_if_fail (GLOSS_IS_CORPUS_VIEW (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  return item != NULL ? item->article : NULL;
}

const GlossArticleStatus *
gloss_corpus_view_get_status (GlossCorpusView *self,
                              GFile           *article)
{
  GlossCorpusItem *item;

  g_return_val_if_fail (GLOSS_IS_CORPUS_VIEW (self), NULL);

  item = g_hash_table_lookup (self->by_path, g_file_peek_path (article));
  return item != NULL ? item->status : NULL;
}

const char * const *
gloss_corpus_view_get_assigned (GlossCorpusView *self,
                                GFile           *article)
{
  GlossCorpusItem *item;

  g_return_val_if_fail (GLOSS_IS_CORPUS_VIEW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (article), NULL);

  item = g_hash_table_lookup (self->by_path, g_file_peek_path (article));
  if (item == NULL || self->assignments == NULL)
    return NULL;
  return gloss_assignments_lookup (self->assignments, item->path);
}

/* The position of @article among the rows shown, or -1. */
static int
shown_position (GlossCorpusView *self,
                GFile           *article)
{
  GListModel *shown = G_LIST_MODEL (self->sorted);

  for (guint i = 0; article != NULL && i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(GlossCorpusItem) item = g_list_model_get_item (shown, i);

      if (g_file_equal (item->article, article))
        return i;
    }
  return -1;
}

GFile *
gloss_corpus_view_get_neighbour (GlossCorpusView *self,
                                 GFile           *article,
                                 int              step)
{
  int n, position;

  g_return_val_if_fail (GLOSS_IS_CORPUS_VIEW (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  position = shown_position (self, article);
  if (position < 0)
    position = step > 0 ? 0 : n - 1;
  else
    position += step;
  if (position < 0 || position >= n)
    return NULL;
  return g_object_ref (gloss_corpus_view_get_shown (self, position));
}

void
gloss_corpus_view_select (GlossCorpusView *self,
                          GFile           *article)
{
  int position;

  g_return_if_fail (GLOSS_IS_CORPUS_VIEW (self));

  position = shown_position (self, article);
  if (position < 0)
    return;
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->table), "list.scroll-to-item", "u", (guint) position);
}

static void
on_activate (GlossCorpusView *self,
             guint            position)
{
  GFile *article = gloss_corpus_view_get_shown (self, position);

  if (article != NULL)
    g_signal_emit (self, signals[ARTICLE_ACTIVATED], 0, article);
}

GtkWidget *
gloss_corpus_view_new (void)
{
  return g_object_new (GLOSS_TYPE_CORPUS_VIEW, NULL);
}

static void
gloss_corpus_view_dispose (GObject *object)
{
  GlossCorpusView *self = GLOSS_CORPUS_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  _gloss_corpus_view_set_poll (self, 0);
  g_clear_pointer (&self->monitors, g_ptr_array_unref);
  g_clear_pointer (&self->watched, g_hash_table_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->by_path, g_hash_table_unref);
  g_clear_object (&self->items);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->annotator, g_free);
  g_clear_pointer (&self->annotators, g_strfreev);
  g_clear_pointer (&self->assignments, gloss_assignments_free);
  g_clear_pointer (&self->assignments_problem, g_free);

  G_OBJECT_CLASS (gloss_corpus_view_parent_class)->dispose (object);
}

static void
gloss_corpus_view_class_init (GlossCorpusViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_corpus_view_dispose;

  signals[ARTICLE_ACTIVATED] =
    g_signal_new ("article-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "corpusview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkDropDown *
new_dropdown (GtkWidget  *row,
              const char *name,
              const char *accessible,
              GListModel *model)
{
  GtkWidget *dropdown = gtk_drop_down_new (model, NULL);

  gtk_widget_set_name (dropdown, name);
  gtk_widget_set_hexpand (dropdown, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_box_append (GTK_BOX (row), dropdown);
  return GTK_DROP_DOWN (dropdown);
}

static void
gloss_corpus_view_init (GlossCorpusView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkWidget *row, *scroller;
  const char *status_names[G_N_ELEMENTS (statuses) + 2] = { _("Any status") };

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (widget)), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (widget)), 6);
  gtk_widget_set_margin_top (widget, 6);
  gtk_widget_set_margin_start (widget, 6);
  gtk_widget_set_margin_end (widget, 6);

  self->items = g_list_store_new (GLOSS_TYPE_CORPUS_ITEM);
  self->by_path = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->monitors = g_ptr_array_new_with_free_func (g_object_unref);
  self->watched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  self->counts = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->counts), "corpus-counts");
  gtk_label_set_xalign (self->counts, 0);
  gtk_label_set_wrap (self->counts, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->counts), "heading");
  gtk_widget_set_parent (GTK_WIDGET (self->counts), widget);

  self->assigned_progress = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->assigned_progress), "corpus-assigned-progress");
  gtk_label_set_xalign (self->assigned_progress, 0);
  gtk_label_set_wrap (self->assigned_progress, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->assigned_progress), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->assigned_progress), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->assigned_progress), widget);

  /* What is wrong with gloss-assignments.csv, naming its line. */
  self->notice = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->notice), "corpus-assignments-notice");
  gtk_label_set_xalign (self->notice, 0);
  gtk_label_set_wrap (self->notice, TRUE);
  gtk_label_set_selectable (self->notice, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->notice), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->notice), widget);

  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (self->progress, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->progress), widget);

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (self->search), "corpus-search");
  g_object_set (self->search, "placeholder-text", _("Filter the articles"), NULL);
  gtk_widget_set_parent (GTK_WIDGET (self->search), widget);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    status_names[i + 1] = _gloss_corpus_status_label (statuses[i]);
  self->status_dropdown = new_dropdown (row, "corpus-status-filter", _("Status of the articles to list"),
                                        G_LIST_MODEL (gtk_string_list_new (status_names)));
  self->annotator_names = gtk_string_list_new (NULL);
  self->annotator_dropdown = new_dropdown (row, "corpus-annotator-filter", _("Whose status to filter by"),
                                           G_LIST_MODEL (self->annotator_names));
  self->assigned_filter = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_("Assigned to Me")));
  gtk_widget_set_name (GTK_WIDGET (self->assigned_filter), "corpus-assigned-filter");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->assigned_filter),
                               _("List only the articles gloss-assignments.csv assigns to you"));
  gtk_widget_set_visible (GTK_WIDGET (self->assigned_filter), FALSE);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->assigned_filter));
  gtk_widget_set_parent (row, widget);

  self->table = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->table), "corpus-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Articles of the folder"), -1);
  scroller = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->table));
  gtk_widget_set_parent (scroller, widget);

  /* Each model takes a reference of what it is given. */
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_item, self, NULL));
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->items)), g_object_ref (self->filter));
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          g_object_ref (gtk_column_view_get_sorter (self->table)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_set_single_click_activate (self->table, FALSE);

  g_signal_connect_swapped (self->table, "activate", G_CALLBACK (on_activate), self);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->status_dropdown, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->annotator_dropdown, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->assigned_filter, "toggled", G_CALLBACK (on_filter_changed), self);
}
