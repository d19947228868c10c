/* gloss-corpus-view-columns.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The corpus view's columns: what each cell shows and how each column
 * sorts. */

#define G_LOG_DOMAIN "gloss-corpus-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-corpus-view-private.h"

const char *
_gloss_corpus_status_label (GlossWorkStatus status)
{
  switch (status)
    {
    case GLOSS_WORK_NOT_STARTED:
      return _("Not started");
    case GLOSS_WORK_IN_PROGRESS:
      return _("In progress");
    case GLOSS_WORK_DONE:
      return _("Done");
    case GLOSS_WORK_NEEDS_ATTENTION:
    default:
      return _("Needs attention");
    }
}

/* What a cell of an annotator's column says. */
static char *
describe_work (const GlossAnnotatorWork *work)
{
  if (work == NULL)
    return g_strdup ("…");
  if (work->n_passages == 0)
    return g_strdup (_gloss_corpus_status_label (work->status));
  /* Translators: a status, then how many passages */
  return g_strdup_printf (_("%s · %u"), _gloss_corpus_status_label (work->status), work->n_passages);
}

/* The columns: what each shows and how it sorts. */

typedef enum
{
  COLUMN_TITLE,
  COLUMN_PATH,
  COLUMN_LENGTH,
  COLUMN_WORK,
  COLUMN_ASSIGNED,
} ColumnKind;

typedef struct
{
  ColumnKind kind;
  char *annotator;               /* COLUMN_WORK */
  GlossCorpusView *view;         /* the view the column is in */
} Column;

static void
column_free (gpointer  data,
             GClosure *closure)
{
  Column *column = data;

  g_free (column->annotator);
  g_free (column);
}

static char *
cell_text (const Column    *column,
           GlossCorpusItem *item)
{
  switch (column->kind)
    {
    case COLUMN_TITLE:
      return g_strdup (_gloss_corpus_item_title (item));
    case COLUMN_PATH:
      return g_strdup (item->path);
    case COLUMN_LENGTH:
      /* Thousands grouped as the locale does them. */
      return item->status != NULL ? g_strdup_printf ("%'u", item->status->length) : g_strdup ("…");
    case COLUMN_ASSIGNED:
      return _gloss_corpus_view_describe_assigned (column->view, item, FALSE);
    case COLUMN_WORK:
    default:
      return describe_work (_gloss_corpus_item_work (item, column->annotator));
    }
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  const Column *column = data;
  GlossCorpusItem *x = (GlossCorpusItem *) a, *y = (GlossCorpusItem *) b;

  switch (column->kind)
    {
    case COLUMN_TITLE:
      {
        g_autofree char *kx = g_utf8_collate_key (_gloss_corpus_item_title (x), -1);
        g_autofree char *ky = g_utf8_collate_key (_gloss_corpus_item_title (y), -1);

        return strcmp (kx, ky);
      }
    case COLUMN_PATH:
      return g_strcmp0 (x->path, y->path);
    case COLUMN_ASSIGNED:
      {
        g_autofree char *kx = _gloss_corpus_view_describe_assigned (column->view, x, FALSE);
        g_autofree char *ky = _gloss_corpus_view_describe_assigned (column->view, y, FALSE);
        gboolean mx = _gloss_corpus_view_is_assigned_to_user (column->view, x);
        gboolean my = _gloss_corpus_view_is_assigned_to_user (column->view, y);

        /* The user's articles first, then by who has them. */
        if (mx != my)
          return mx ? -1 : 1;
        return strcmp (kx, ky);
      }
    case COLUMN_LENGTH:
      {
        guint lx = x->status != NULL ? x->status->length : 0, ly = y->status != NULL ? y->status->length : 0;

        return lx < ly ? -1 : lx > ly;
      }
    case COLUMN_WORK:
    default:
      {
        const GlossAnnotatorWork *wx = _gloss_corpus_item_work (x, column->annotator);
        const GlossAnnotatorWork *wy = _gloss_corpus_item_work (y, column->annotator);
        int sx = wx != NULL ? (int) wx->status : -1, sy = wy != NULL ? (int) wy->status : -1;
        guint px = wx != NULL ? wx->n_passages : 0, py = wy != NULL ? wy->n_passages : 0;

        if (sx != sy)
          return sx < sy ? -1 : 1;
        return px < py ? -1 : px > py;
      }
    }
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  data)
{
  const Column *column = data;
  GlossCorpusItem *item = gtk_list_item_get_item (list_item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));

  /* Who is assigned, the user in bold. */
  if (column->kind == COLUMN_ASSIGNED)
    {
      g_autofree char *markup = _gloss_corpus_view_describe_assigned (column->view, item, TRUE);

      gtk_label_set_markup (label, markup);
    }
  else
    {
      g_autofree char *text = cell_text (column, item);

      gtk_label_set_label (label, text);
    }
}

static GtkColumnViewColumn *
add_column (GlossCorpusView *self,
            const char      *title,
            ColumnKind       kind,
            const char      *annotator,
            gboolean         expand)
{
  Column *column = g_new0 (Column, 1);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;
  GtkSorter *sorter;

  column->kind = kind;
  column->annotator = g_strdup (annotator);
  column->view = self;
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
  g_signal_connect_data (factory, "bind", G_CALLBACK (bind_cell), column, column_free, 0);
  view_column = gtk_column_view_column_new (title, factory);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_items, column, NULL));
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_append_column (self->table, view_column);
  g_object_unref (sorter);
  g_object_unref (view_column);
  return view_column;
}

void
_gloss_corpus_view_build_columns (GlossCorpusView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->table);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->table, column);
    }

  add_column (self, _("Title"), COLUMN_TITLE, NULL, TRUE);
  add_column (self, _("Article"), COLUMN_PATH, NULL, FALSE);
  add_column (self, _("Characters"), COLUMN_LENGTH, NULL, FALSE);
  add_column (self, _("You"), COLUMN_WORK, self->annotator, FALSE);
  g_ptr_array_add (names, _("You"));
  for (guint i = 1; self->annotators != NULL && self->annotators[i] != NULL; i++)
    {
      add_column (self, self->annotators[i], COLUMN_WORK, self->annotators[i], FALSE);
      g_ptr_array_add (names, self->annotators[i]);
    }
  /* Shown once the folder assigns its articles. */
  self->assigned_column = add_column (self, _("Assigned"), COLUMN_ASSIGNED, NULL, FALSE);
  gtk_column_view_column_set_visible (self->assigned_column, self->assignments != NULL);
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->annotator_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->annotator_names)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->annotator_dropdown, 0);
}

