/* gloss-statistics-dialog.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The corpus statistics: the core counts the passages in a worker
 * thread, reporting each article done through idle sources; the dialog
 * then fills its table and draws the totals as grouped bars. */

#define G_LOG_DOMAIN "gloss-statistics"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotator-style.h"
#include "gloss-statistics-dialog.h"
#include "gloss-tag-count-item.h"

struct _GlossStatisticsDialog
{
  GtkWindow parent_instance;

  GCancellable *cancellable;     /* the count under way */
  guint generation;              /* one more for each count */
  GlossCorpusStatistics *statistics;
  GHashTable *colours;           /* annotator id → palette index */
  char *user;

  GListStore *rows;              /* GlossTagCountItem */
  GtkSortListModel *sorted;
  GtkNoSelection *selection;

  GtkLabel *status_label;
  GtkProgressBar *progress;
  GtkDrawingArea *chart;
  GtkColumnView *table;
};

G_DEFINE_FINAL_TYPE (GlossStatisticsDialog, gloss_statistics_dialog, GTK_TYPE_WINDOW)

typedef enum { FIELD_ARTICLE, FIELD_TAG, FIELD_ANNOTATOR, FIELD_PASSAGES, N_FIELDS } Field;

static const char * const titles[N_FIELDS] = {
  N_("Article"), N_("Tag"), N_("Annotator"), N_("Passages"),
};

/* What a thread hands the main context: progress, or the result. */
typedef struct
{
  GlossStatisticsDialog *dialog;
  guint generation;
  guint n_done;
  guint n_total;
} Progress;

static void
progress_free (gpointer data)
{
  Progress *progress = data;

  g_object_unref (progress->dialog);
  g_free (progress);
}

static gboolean
show_progress (gpointer data)
{
  Progress *progress = data;
  GlossStatisticsDialog *self = progress->dialog;

  if (progress->generation == self->generation && self->cancellable != NULL && progress->n_total > 0)
    gtk_progress_bar_set_fraction (self->progress, (double) progress->n_done / progress->n_total);
  return G_SOURCE_REMOVE;
}

typedef struct
{
  GFile *folder;
  GlossStatisticsDialog *dialog;
  guint generation;
  gint64 reported;
} Count;

static void
count_free (gpointer data)
{
  Count *count = data;

  g_object_unref (count->folder);
  g_object_unref (count->dialog);
  g_free (count);
}

/* In the thread: at most ten reports a second reach the main context. */
static void
report (guint    n_done,
        guint    n_total,
        gpointer user_data)
{
  Count *count = user_data;
  Progress *progress;

  if (g_get_monotonic_time () - count->reported < 100 * G_TIME_SPAN_MILLISECOND && n_done < n_total)
    return;
  count->reported = g_get_monotonic_time ();
  progress = g_new0 (Progress, 1);
  progress->dialog = g_object_ref (count->dialog);
  progress->generation = count->generation;
  progress->n_done = n_done;
  progress->n_total = n_total;
  g_idle_add_full (G_PRIORITY_DEFAULT, show_progress, progress, progress_free);
}

static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Count *count = task_data;
  GError *error = NULL;
  GlossCorpusStatistics *statistics;

  statistics = gloss_corpus_statistics_new (count->folder, report, count, cancellable, &error);
  if (statistics == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, statistics, (GDestroyNotify) gloss_corpus_statistics_free);
}

static void
show_statistics (GlossStatisticsDialog *self)
{
  GlossCorpusStatistics *s = self->statistics;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *text = NULL;
  guint total = 0;

  for (guint i = 0; i < s->counts->len; i++)
    {
      GlossTagCount *count = g_ptr_array_index (s->counts, i);

      g_ptr_array_add (items, gloss_tag_count_item_new (count));
      if (count->article == NULL)
        total += count->passages;
    }
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)), items->pdata,
                       items->len);

  g_clear_pointer (&self->colours, g_hash_table_unref);
  self->colours = gloss_annotator_style_new_colours (self->user, (const char * const *) s->annotators->pdata,
                                                     s->annotators->len);
  /* Translators: the passages counted, then in how many articles */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u passages in %'u article",
                                       "%'u passages in %'u articles", s->n_articles),
                          total, s->n_articles);
  if (s->problems->len > 0)
    {
      g_autofree char *more = NULL;

      gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label), g_ptr_array_index (s->problems, 0));
      /* Translators: the passages counted, then how many files could not
       * be read (the first is named in the tooltip) */
      more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s; %u file could not be read",
                                           "%s; %u files could not be read", s->problems->len),
                              text, s->problems->len);
      g_free (text);
      text = g_steal_pointer (&more);
    }
  gtk_label_set_text (self->status_label, text);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
}

static void
counted (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GlossStatisticsDialog) self = user_data;
  Count *count = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  GlossCorpusStatistics *statistics = g_task_propagate_pointer (G_TASK (result), &error);

  if (count->generation != self->generation)
    {
      g_clear_pointer (&statistics, gloss_corpus_statistics_free);
      return;
    }
  g_clear_object (&self->cancellable);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), FALSE);
  if (statistics == NULL)
    {
      gtk_label_set_text (self->status_label, error->message);
      return;
    }
  g_clear_pointer (&self->statistics, gloss_corpus_statistics_free);
  self->statistics = statistics;
  show_statistics (self);
}

void
gloss_statistics_dialog_count (GlossStatisticsDialog *self,
                               GFile                 *folder,
                               const char            *user)
{
  g_autoptr(GTask) task = NULL;
  Count *count;

  g_return_if_fail (GLOSS_IS_STATISTICS_DIALOG (self));
  g_return_if_fail (G_IS_FILE (folder));

  self->generation++;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_free (self->user);
  self->user = g_strdup (user);

  count = g_new0 (Count, 1);
  count->folder = g_object_ref (folder);
  count->dialog = g_object_ref (self);
  count->generation = self->generation;

  gtk_progress_bar_set_fraction (self->progress, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), TRUE);
  gtk_label_set_text (self->status_label, _("Counting the passages of every article…"));
  task = g_task_new (NULL, self->cancellable, counted, g_object_ref (self));
  g_task_set_source_tag (task, gloss_statistics_dialog_count);
  g_task_set_task_data (task, count, count_free);
  g_task_run_in_thread (task, count_thread);
}

/* The bars: one group per tag, one bar per annotator in its colour, the
 * tag's name below, the tallest bar's count at the top left. */
static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  GlossStatisticsDialog *self = user_data;
  GlossCorpusStatistics *s = self->statistics;
  GtkWidget *widget = GTK_WIDGET (area);
  g_autoptr(PangoLayout) layout = NULL;
  const double label_height = 20, top = 18;
  double group, bar, scale;
  guint max = 0;
  GdkRGBA fg;
  g_autofree char *max_text = NULL;

  if (s == NULL || s->tags->len == 0 || s->annotators->len == 0)
    return;
  for (guint t = 0; t < s->tags->len; t++)
    for (guint a = 0; a < s->annotators->len; a++)
      max = MAX (max, gloss_corpus_statistics_total (s, g_ptr_array_index (s->tags, t),
                                                     g_ptr_array_index (s->annotators, a)));
  if (max == 0)
    return;

  /* gtk_widget_get_color is GTK 4.10's. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  group = (double) width / s->tags->len;
  bar = MAX (1.0, (group * 0.8) / s->annotators->len);
  scale = (height - label_height - top) / max;
  layout = gtk_widget_create_pango_layout (widget, NULL);

  for (guint t = 0; t < s->tags->len; t++)
    {
      const char *tag = g_ptr_array_index (s->tags, t);
      int text_width;

      for (guint a = 0; a < s->annotators->len; a++)
        {
          const char *annotator = g_ptr_array_index (s->annotators, a);
          guint n = gloss_corpus_statistics_total (s, tag, annotator);
          GdkRGBA colour;

          gdk_rgba_parse (&colour, gloss_annotator_style_colour (widget, self->colours, annotator));
          gdk_cairo_set_source_rgba (cr, &colour);
          cairo_rectangle (cr, t * group + group * 0.1 + a * bar, height - label_height - n * scale,
                           bar - 1, n * scale);
          cairo_fill (cr);
        }
      pango_layout_set_text (layout, tag, -1);
      pango_layout_set_width (layout, (int) (group * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, &text_width, NULL);
      gdk_cairo_set_source_rgba (cr, &fg);
      cairo_move_to (cr, t * group + (group - text_width) / 2, height - label_height + 2);
      pango_cairo_show_layout (cr, layout);
    }
  max_text = g_strdup_printf ("%u", max);
  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, max_text, -1);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, layout);
}

static const char *
field_text (const GlossTagCount *count,
            Field                field,
            char                 number[16])
{
  switch (field)
    {
    case FIELD_ARTICLE:
      return count->article != NULL ? count->article : _("All articles");
    case FIELD_TAG:
      return count->tag;
    case FIELD_ANNOTATOR:
      return count->annotator;
    case FIELD_PASSAGES:
    case N_FIELDS:
    default:
      g_snprintf (number, 16, "%u", count->passages);
      return number;
    }
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_UINT (user_data) == FIELD_PASSAGES ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  const GlossTagCount *count = gloss_tag_count_item_get (gtk_list_item_get_item (list_item));
  char number[16];

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      field_text (count, GPOINTER_TO_UINT (user_data), number));
}

/* The totals sort before the articles, whatever the column. */
static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const GlossTagCount *ca = gloss_tag_count_item_get ((GlossTagCountItem *) a);
  const GlossTagCount *cb = gloss_tag_count_item_get ((GlossTagCountItem *) b);
  Field field = GPOINTER_TO_UINT (user_data);
  char na[16], nb[16];

  if (field == FIELD_PASSAGES)
    return ca->passages == cb->passages ? 0 : ca->passages < cb->passages ? -1 : 1;
  if ((ca->article == NULL) != (cb->article == NULL))
    return ca->article == NULL ? -1 : 1;
  return g_utf8_collate (field_text (ca, field, na), field_text (cb, field, nb));
}

static void
add_columns (GlossStatisticsDialog *self)
{
  for (guint field = 0; field < N_FIELDS; field++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows, GUINT_TO_POINTER (field), NULL));
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GUINT_TO_POINTER (field));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (field));
      column = gtk_column_view_column_new (_(titles[field]), factory);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_expand (column, field == FIELD_ARTICLE);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->table, column);
      g_object_unref (sorter);
      g_object_unref (column);
    }
}

static void
gloss_statistics_dialog_dispose (GObject *object)
{
  GlossStatisticsDialog *self = GLOSS_STATISTICS_DIALOG (object);

  self->generation++;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_STATISTICS_DIALOG);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->statistics, gloss_corpus_statistics_free);
  g_clear_pointer (&self->colours, g_hash_table_unref);
  g_clear_pointer (&self->user, g_free);

  G_OBJECT_CLASS (gloss_statistics_dialog_parent_class)->dispose (object);
}

static void
gloss_statistics_dialog_class_init (GlossStatisticsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_statistics_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossannotator/Gloss/gloss-statistics-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsDialog, chart);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsDialog, table);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gloss_statistics_dialog_init (GlossStatisticsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_list_store_new (GLOSS_TYPE_TAG_COUNT_ITEM);
  add_columns (self);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                          g_object_ref (gtk_column_view_get_sorter (self->table)));
  self->selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (self->selection));
  gtk_drawing_area_set_draw_func (self->chart, draw_chart, self, NULL);
}

GlossStatisticsDialog *
gloss_statistics_dialog_new (GtkWindow *parent)
{
  return g_object_new (GLOSS_TYPE_STATISTICS_DIALOG, "transient-for", parent, NULL);
}

gboolean
gloss_statistics_dialog_is_counting (GlossStatisticsDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_STATISTICS_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

GlossCorpusStatistics *
gloss_statistics_dialog_get_statistics (GlossStatisticsDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_STATISTICS_DIALOG (self), NULL);

  return self->statistics;
}

GListModel *
gloss_statistics_dialog_get_rows (GlossStatisticsDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_STATISTICS_DIALOG (self), NULL);

  return G_LIST_MODEL (self->sorted);
}
