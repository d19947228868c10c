/* gloss-concordance-dialog.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The concordance dialog's form, its table and the export: the search
 * itself runs in gloss-concordance-dialog-search.c. */

#define G_LOG_DOMAIN "gloss-concordance"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation-file.h"
#include "gloss-concordance-dialog-private.h"
#include "gloss-concordance-item.h"
#include "gloss-error.h"
#include "gloss-export.h"
#include "gloss-file-io.h"

/* The characters of context shown on each side of a match. */
#define CONTEXT_CHARS 60

enum { KIND_PHRASE, KIND_TAG };

enum { PASSAGE_ACTIVATED, TAG_ALL, N_SIGNALS };

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GlossConcordanceDialog, gloss_concordance_dialog, GTK_TYPE_WINDOW)

/* The table's columns, in the order of GlossConcordanceField, and the
 * CSV's, which adds the offsets after the article. */
static const struct
{
  const char *title;
  float xalign;
  PangoEllipsizeMode ellipsize;
  gboolean expand;
} columns[] = {
  { N_("Article"), 0, PANGO_ELLIPSIZE_MIDDLE, FALSE },
  { N_("Left Context"), 1, PANGO_ELLIPSIZE_START, TRUE },
  { N_("Match"), 0.5, PANGO_ELLIPSIZE_END, FALSE },
  { N_("Right Context"), 0, PANGO_ELLIPSIZE_END, TRUE },
  { N_("Tag"), 0, PANGO_ELLIPSIZE_END, FALSE },
  { N_("Annotator"), 0, PANGO_ELLIPSIZE_END, FALSE },
};

G_STATIC_ASSERT (G_N_ELEMENTS (columns) == GLOSS_CONCORDANCE_N_FIELDS);

void
_gloss_concordance_dialog_update_status (GlossConcordanceDialog *self,
                                         guint                   n_done,
                                         guint                   n_total)
{
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_autofree char *text = NULL;
  g_autofree char *matches = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->progress), self->searching);
  if (self->searching && n_total > 0)
    gtk_progress_bar_set_fraction (self->progress, (double) n_done / n_total);
  else if (self->searching)
    gtk_progress_bar_pulse (self->progress);

  /* Translators: how many rows the concordance found, the first part of
   * “12 matches in 3 articles” */
  matches = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", n_rows), n_rows);
  if (self->searching)
    /* Translators: the matches so far, then how many articles were
     * searched of how many */
    text = g_strdup_printf (_("%s so far, %u of %u articles searched"), matches, n_done, n_total);
  else
    /* Translators: “12 matches” then the number of articles they are in */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s in %u article", "%s in %u articles",
                                         self->n_articles),
                            matches, self->n_articles);
  if (!self->searching && self->problems->len > 0)
    {
      g_autofree char *joined = NULL;
      g_autofree char *with_problems = NULL;

      g_ptr_array_add (self->problems, NULL);
      joined = g_strjoinv ("\n", (char **) self->problems->pdata);
      g_ptr_array_remove_index (self->problems, self->problems->len - 1);
      /* Translators: the matches found, then how many files could not be
       * read (the label's tooltip names them) */
      with_problems = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s; %u file could not be read",
                                                    "%s; %u files could not be read",
                                                    self->problems->len),
                                       text, self->problems->len);
      g_free (text);
      text = g_steal_pointer (&with_problems);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label), joined);
    }
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label), NULL);
  gtk_label_set_text (self->status_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "concordance.export", !self->searching && n_rows > 0);
  /* Only a phrase's rows can be tagged: a tag's are passages already. */
  gtk_column_view_column_set_visible (self->check_column, self->phrase);
  gtk_widget_set_visible (self->tag_all_box, self->phrase && !self->searching && n_rows > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "concordance.tag-all",
                                 self->phrase && !self->searching && n_rows > 0);
}

static void
kind_changed (GlossConcordanceDialog *self)
{
  gboolean tag = gtk_drop_down_get_selected (self->kind_dropdown) == KIND_TAG;

  gtk_widget_set_visible (GTK_WIDGET (self->phrase_entry), !tag);
  gtk_widget_set_visible (GTK_WIDGET (self->match_case_check), !tag);
  gtk_widget_set_visible (GTK_WIDGET (self->whole_words_check), !tag);
  gtk_widget_set_visible (GTK_WIDGET (self->tag_dropdown), tag);
  gtk_widget_set_visible (GTK_WIDGET (self->annotator_dropdown), tag);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossConcordanceDialog *self = GLOSS_CONCORDANCE_DIALOG (widget);
  GlossConcordanceQuery query = { .context = CONTEXT_CHARS };
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->phrase_entry));
  guint tag = gtk_drop_down_get_selected (self->tag_dropdown);
  guint annotator = gtk_drop_down_get_selected (self->annotator_dropdown);

  if (self->folder == NULL)
    return;
  if (gtk_drop_down_get_selected (self->kind_dropdown) == KIND_PHRASE)
    {
      if (text[0] == '\0')
        {
          gtk_widget_error_bell (widget);
          gtk_widget_grab_focus (GTK_WIDGET (self->phrase_entry));
          return;
        }
      query.match = text;
      query.match_case = gtk_check_button_get_active (self->match_case_check);
      query.whole_words = gtk_check_button_get_active (self->whole_words_check);
    }
  else
    {
      if (tag == GTK_INVALID_LIST_POSITION)
        {
          gtk_widget_error_bell (widget);
          return;
        }
      query.tag = gtk_string_list_get_string (self->tag_ids, tag);
      /* The first choice is every annotator; then the ids, in order. */
      if (annotator != GTK_INVALID_LIST_POSITION && annotator > 0)
        query.annotator = self->annotators[annotator - 1];
    }
  _gloss_concordance_dialog_start (self, &query);
}

/* Enter in the phrase searches, as the button does. */
static void
phrase_activated (GlossConcordanceDialog *self)
{
  search_action (GTK_WIDGET (self), "concordance.search", NULL);
}

/* A cell's text on one line: the context may hold line breaks. */
static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  GlossConcordanceItem *item = gtk_list_item_get_item (list_item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  g_autofree char *text = g_strdup (gloss_concordance_item_get_field (item, GPOINTER_TO_UINT (user_data)));

  g_strdelimit (text, "\r\n\t", ' ');
  gtk_label_set_text (label, text);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  guint field = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), columns[field].xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), columns[field].ellipsize);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (field == GLOSS_CONCORDANCE_MATCH)
    gtk_widget_add_css_class (label, "heading");
  gtk_list_item_set_child (list_item, label);
}

static void
check_toggled (GtkCheckButton *check,
               GtkListItem    *list_item)
{
  GlossConcordanceItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    gloss_concordance_item_set_checked (item, gtk_check_button_get_active (check));
}

static void
setup_check (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkWidget *check = gtk_check_button_new ();

  /* Translators: the tooltip of a concordance row's check button */
  gtk_widget_set_tooltip_text (check, _("Tag this match with Tag All in Corpus"));
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled), list_item);
  gtk_list_item_set_child (list_item, check);
}

static void
bind_check (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  GlossConcordanceItem *item = gtk_list_item_get_item (list_item);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_list_item_get_child (list_item)),
                               gloss_concordance_item_get_checked (item));
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return gloss_concordance_item_compare ((GlossConcordanceItem *) a, (GlossConcordanceItem *) b,
                                         GPOINTER_TO_UINT (user_data));
}

static void
add_columns (GlossConcordanceDialog *self)
{
  GtkListItemFactory *check_factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (check_factory, "setup", G_CALLBACK (setup_check), NULL);
  g_signal_connect (check_factory, "bind", G_CALLBACK (bind_check), NULL);
  self->check_column = gtk_column_view_column_new (NULL, check_factory);
  gtk_column_view_column_set_visible (self->check_column, FALSE);
  gtk_column_view_append_column (self->table, self->check_column);

  for (guint field = 0; field < GLOSS_CONCORDANCE_N_FIELDS; field++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (compare_items, GUINT_TO_POINTER (field), NULL));

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GUINT_TO_POINTER (field));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (field));
      column = gtk_column_view_column_new (_(columns[field].title), factory);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_expand (column, columns[field].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->table, column);
      g_object_unref (sorter);
      g_object_unref (column);
    }
}

static void
emit_passage (GlossConcordanceDialog *self,
              guint                   position)
{
  g_autoptr(GlossConcordanceItem) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (item != NULL)
    g_signal_emit (self, signals[PASSAGE_ACTIVATED], 0, gloss_concordance_item_get_article (item),
                   gloss_concordance_item_get_start (item), gloss_concordance_item_get_end (item));
}

static void
row_activated (GlossConcordanceDialog *self,
               guint                   position)
{
  emit_passage (self, position);
}

static void
tag_all_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GlossConcordanceDialog *self = GLOSS_CONCORDANCE_DIALOG (widget);
  guint tag = gtk_drop_down_get_selected (self->tag_all_dropdown);

  if (tag == GTK_INVALID_LIST_POSITION || !self->phrase || self->searching)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  g_signal_emit (self, signals[TAG_ALL], 0, gtk_string_list_get_string (self->tag_ids, tag));
}

GPtrArray *
gloss_concordance_dialog_dup_checked (GlossConcordanceDialog *self)
{
  GPtrArray *checked = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model;

  g_return_val_if_fail (GLOSS_IS_CONCORDANCE_DIALOG (self), checked);

  model = G_LIST_MODEL (self->rows);
  for (guint i = 0; self->phrase && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlossConcordanceItem) item = g_list_model_get_item (model, i);

      if (gloss_concordance_item_get_checked (item))
        g_ptr_array_add (checked, g_steal_pointer (&item));
    }
  return checked;
}

const char *
gloss_concordance_dialog_get_stamp (GlossConcordanceDialog *self,
                                    GFile                  *article)
{
  g_autofree char *uri = NULL;

  g_return_val_if_fail (GLOSS_IS_CONCORDANCE_DIALOG (self), NULL);
  g_return_val_if_fail (G_IS_FILE (article), NULL);

  uri = g_file_get_uri (article);
  return g_hash_table_lookup (self->stamps, uri);
}

static gboolean
is_input (GlossConcordanceDialog *self,
          GFile                  *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *uri = g_file_get_uri (file);

  return g_str_has_suffix (name, GLOSS_ANNOTATION_FILE_SUFFIX) || g_hash_table_contains (self->inputs, uri);
}

gboolean
gloss_concordance_dialog_write_csv (GlossConcordanceDialog  *self,
                                    GFile                   *file,
                                    GError                 **error)
{
  GListModel *model;
  g_autoptr(GString) out = g_string_new (NULL);
  static const char * const header[] = {
    "article", "start", "end", "left", "match", "right", "tag", "annotator",
  };

  g_return_val_if_fail (GLOSS_IS_CONCORDANCE_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (is_input (self, file))
    {
      g_autofree char *display = g_file_get_parse_name (file);

      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSAFE_PATH,
                   /* Translators: a file name */
                   _("“%s” is an article or an annotation file: the concordance will not replace it. "
                     "Choose another name."), display);
      return FALSE;
    }

  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      gloss_csv_append_field (out, header[c], TRUE);
    }
  g_string_append (out, "\r\n");

  model = G_LIST_MODEL (self->sorted);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlossConcordanceItem) item = g_list_model_get_item (model, i);
      char start[16], end[16];
      const char *fields[8];

      g_snprintf (start, sizeof start, "%u", gloss_concordance_item_get_start (item));
      g_snprintf (end, sizeof end, "%u", gloss_concordance_item_get_end (item));
      fields[0] = gloss_concordance_item_get_field (item, GLOSS_CONCORDANCE_ARTICLE);
      fields[1] = start;
      fields[2] = end;
      for (guint f = GLOSS_CONCORDANCE_LEFT; f < GLOSS_CONCORDANCE_N_FIELDS; f++)
        fields[f + 2] = gloss_concordance_item_get_field (item, f);
      for (guint c = 0; c < G_N_ELEMENTS (fields); c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          /* Formulas are guarded: the cells are the articles' text. */
          gloss_csv_append_field (out, fields[c], TRUE);
        }
      g_string_append (out, "\r\n");
    }

  return gloss_file_write_atomic (file, NULL, out->str, out->len, GLOSS_WRITE_NONE, NULL, error);
}

static void
export_response (GtkNativeDialog        *chooser,
                 int                     response,
                 GlossConcordanceDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (file != NULL && !gloss_concordance_dialog_write_csv (self, file, &error))
        gtk_label_set_text (self->status_label, error->message);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* GtkFileDialog is GTK 4.10's: the native chooser serves here. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossConcordanceDialog *self = GLOSS_CONCORDANCE_DIALOG (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Concordance"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("concordance.csv"));
  g_signal_connect (chooser, "response", G_CALLBACK (export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
gloss_concordance_dialog_dispose (GObject *object)
{
  GlossConcordanceDialog *self = GLOSS_CONCORDANCE_DIALOG (object);

  _gloss_concordance_dialog_stop (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_CONCORDANCE_DIALOG);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->rows);
  g_clear_object (&self->tag_ids);
  g_clear_object (&self->annotator_names);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->annotators, g_strfreev);
  g_clear_pointer (&self->inputs, g_hash_table_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->stamps, g_hash_table_unref);
  g_clear_object (&self->check_column);

  G_OBJECT_CLASS (gloss_concordance_dialog_parent_class)->dispose (object);
}

static void
gloss_concordance_dialog_class_init (GlossConcordanceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_concordance_dialog_dispose;

  signals[PASSAGE_ACTIVATED] = g_signal_new ("passage-activated", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                             3, G_TYPE_FILE, G_TYPE_UINT, G_TYPE_UINT);
  signals[TAG_ALL] = g_signal_new ("tag-all", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossannotator/Gloss/gloss-concordance-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossConcordanceDialog, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossConcordanceDialog, phrase_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossConcordanceDialog, match_case_check);
  gtk_widget_class_bind_template_child (widget_class, GlossConcordanceDialog, whole_words_check);
  gtk_widget_class_bind_template_child (widget_class, GlossConcordanceDialog, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossConcordanceDialog, annotator_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossConcordanceDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, GlossConcordanceDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, GlossConcordanceDialog, table);
  gtk_widget_class_bind_template_child (widget_class, GlossConcordanceDialog, tag_all_box);
  gtk_widget_class_bind_template_child (widget_class, GlossConcordanceDialog, tag_all_dropdown);

  gtk_widget_class_install_action (widget_class, "concordance.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "concordance.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "concordance.tag-all", NULL, tag_all_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gloss_concordance_dialog_init (GlossConcordanceDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->inputs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->problems = g_ptr_array_new_with_free_func (g_free);
  self->stamps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->rows = g_list_store_new (GLOSS_TYPE_CONCORDANCE_ITEM);
  add_columns (self);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                          g_object_ref (gtk_column_view_get_sorter (self->table)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->table, "activate", G_CALLBACK (row_activated), self);

  self->tag_ids = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->tag_dropdown, G_LIST_MODEL (self->tag_ids));
  gtk_drop_down_set_model (self->tag_all_dropdown, G_LIST_MODEL (self->tag_ids));
  self->annotator_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->annotator_dropdown, G_LIST_MODEL (self->annotator_names));
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (kind_changed), self);
  g_signal_connect_swapped (self->phrase_entry, "activate", G_CALLBACK (phrase_activated), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "concordance.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "concordance.tag-all", FALSE);
}

GlossConcordanceDialog *
gloss_concordance_dialog_new (GtkWindow *parent)
{
  return g_object_new (GLOSS_TYPE_CONCORDANCE_DIALOG, "transient-for", parent, NULL);
}

void
gloss_concordance_dialog_set_corpus (GlossConcordanceDialog *self,
                                     GFile                  *folder,
                                     const char * const     *annotators,
                                     GlossCodebook          *codebook)
{
  guint n_tags;

  g_return_if_fail (GLOSS_IS_CONCORDANCE_DIALOG (self));
  g_return_if_fail (G_IS_FILE (folder));

  _gloss_concordance_dialog_stop (self);
  g_list_store_remove_all (self->rows);
  g_hash_table_remove_all (self->inputs);
  g_hash_table_remove_all (self->stamps);
  self->phrase = FALSE;
  g_set_object (&self->folder, folder);
  g_strfreev (self->annotators);
  self->annotators = g_strdupv ((char **) annotators);

  gtk_string_list_splice (self->annotator_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->annotator_names)),
                          NULL);
  gtk_string_list_append (self->annotator_names, _("All annotators"));
  for (guint i = 0; self->annotators != NULL && self->annotators[i] != NULL; i++)
    gtk_string_list_append (self->annotator_names, self->annotators[i]);
  gtk_drop_down_set_selected (self->annotator_dropdown, 0);

  gtk_string_list_splice (self->tag_ids, 0, g_list_model_get_n_items (G_LIST_MODEL (self->tag_ids)), NULL);
  n_tags = codebook != NULL ? g_list_model_get_n_items (G_LIST_MODEL (codebook)) : 0;
  for (guint i = 0; i < n_tags; i++)
    {
      g_autoptr(GlossTag) tag = g_list_model_get_item (G_LIST_MODEL (codebook), i);

      gtk_string_list_append (self->tag_ids, gloss_tag_get_id (tag));
    }
  _gloss_concordance_dialog_update_status (self, 0, 0);
}

GFile *
gloss_concordance_dialog_get_folder (GlossConcordanceDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_CONCORDANCE_DIALOG (self), NULL);

  return self->folder;
}

gboolean
gloss_concordance_dialog_is_searching (GlossConcordanceDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_CONCORDANCE_DIALOG (self), FALSE);

  return self->searching;
}

GListModel *
gloss_concordance_dialog_get_rows (GlossConcordanceDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_CONCORDANCE_DIALOG (self), NULL);

  return G_LIST_MODEL (self->sorted);
}
