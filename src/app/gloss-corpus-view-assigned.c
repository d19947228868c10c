/* gloss-corpus-view-assigned.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The corpus view and the folder's gloss-assignments.csv: read in a
 * worker thread, read again when it changes, shown as a column, a
 * filter, the counts of what is assigned, and a notice when it cannot be
 * read or names articles the folder does not hold. */

#define G_LOG_DOMAIN "gloss-corpus-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-corpus-view-private.h"
#include "gloss-error.h"

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static const char * const *
assigned_ids (GlossCorpusView *self,
              GlossCorpusItem *item)
{
  if (self->assignments == NULL)
    return NULL;
  return gloss_assignments_lookup (self->assignments, item->path);
}

gboolean
_gloss_corpus_view_is_assigned_to_user (GlossCorpusView *self,
                                        GlossCorpusItem *item)
{
  const char * const *ids = assigned_ids (self, item);

  return ids != NULL && g_strv_contains (ids, self->annotator);
}

char *
_gloss_corpus_view_describe_assigned (GlossCorpusView *self,
                                      GlossCorpusItem *item,
                                      gboolean         markup)
{
  const char * const *ids = assigned_ids (self, item);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      g_autofree char *escaped = markup ? g_markup_escape_text (ids[i], -1) : g_strdup (ids[i]);

      if (i > 0)
        g_string_append (text, ", ");
      if (markup && g_strcmp0 (ids[i], self->annotator) == 0)
        g_string_append_printf (text, "<b>%s</b>", escaped);
      else
        g_string_append (text, escaped);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The counts. */

/* "alice: 3 of 5 done · ben: 0 of 2 done", of the articles listed. */
static char *
describe_progress (GlossCorpusView *self)
{
  const char * const *ids = gloss_assignments_get_annotators (self->assignments);
  guint n_ids = g_strv_length ((char **) ids);
  g_autofree guint *assigned = g_new0 (guint, n_ids + 1);
  g_autofree guint *done = g_new0 (guint, n_ids + 1);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossCorpusItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      const char * const *who = assigned_ids (self, item);

      for (guint k = 0; who != NULL && who[k] != NULL; k++)
        for (guint a = 0; a < n_ids; a++)
          if (strcmp (ids[a], who[k]) == 0)
            {
              const GlossAnnotatorWork *work = _gloss_corpus_item_work (item, ids[a]);

              assigned[a]++;
              done[a] += work != NULL && work->status == GLOSS_WORK_DONE;
              break;
            }
    }

  for (guint a = 0; a < n_ids; a++)
    {
      if (a > 0)
        g_string_append (text, " · ");
      /* Translators: an annotator's progress on the articles assigned to
       * them, such as "alice: 3 of 5 done" */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s: %'u of %'u done",
                                                 "%s: %'u of %'u done", assigned[a]),
                              ids[a], done[a], assigned[a]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
_gloss_corpus_view_update_counts (GlossCorpusView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint done = 0, attention = 0, total = 0;
  g_autofree char *counts = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossCorpusItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      const GlossAnnotatorWork *work;

      /* With assignments, what is assigned to the user is what counts. */
      if (self->assignments != NULL && !_gloss_corpus_view_is_assigned_to_user (self, item))
        continue;
      total++;
      work = _gloss_corpus_item_work (item, self->annotator);
      if (work != NULL && work->status == GLOSS_WORK_DONE)
        done++;
      else if (work != NULL && work->status == GLOSS_WORK_NEEDS_ATTENTION)
        attention++;
    }

  if (self->assignments != NULL)
    counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: articles assigned to the user that they
                                            * have done, of how many are assigned to them */
                                           "%'u of %'u assigned to you done",
                                           "%'u of %'u assigned to you done", total),
                              done, total);
  else
    counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: articles done by the user, of how many */
                                           "%'u of %'u article done by you", "%'u of %'u articles done by you",
                                           total),
                              done, total);
  if (attention > 0)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            /* Translators: after the articles done */
                                                            "%s · %'u needs attention", "%s · %'u need attention",
                                                            attention),
                                               counts, attention);

      g_free (counts);
      counts = g_steal_pointer (&more);
    }
  gtk_label_set_label (self->counts, counts);

  gtk_widget_set_visible (GTK_WIDGET (self->assigned_progress), self->assignments != NULL);
  if (self->assignments != NULL)
    {
      g_autofree char *progress = describe_progress (self);

      gtk_label_set_label (self->assigned_progress, progress);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->progress), self->scanning);
  if (self->scanning)
    {
      /* Translators: articles read so far, of how many */
      g_autofree char *reading = g_strdup_printf (_("Reading %'u of %'u articles…"), self->n_read, n);

      gtk_progress_bar_set_fraction (self->progress, n > 0 ? (double) self->n_read / n : 0);
      gtk_progress_bar_set_text (self->progress, reading);
    }
}

/* Showing them. */

/* What the notice says: why the file could not be read, else the lines
 * that name no article of the folder; NULL when all is well. */
static char *
describe_problem (GlossCorpusView *self)
{
  g_autoptr(GHashTable) paths = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  guint n;

  if (self->assignments_problem != NULL)
    /* Translators: why gloss-assignments.csv could not be read, naming it
     * and the line */
    return g_strdup_printf (_("%s. The articles are listed without their assignments."),
                            self->assignments_problem);
  if (self->assignments == NULL)
    return NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  paths = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossCorpusItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      /* Borrowed: the rows outlive the table. */
      g_hash_table_add (paths, item->path);
    }
  warnings = gloss_assignments_check (self->assignments, paths);
  if (warnings->len == 0)
    return NULL;
  if (warnings->len == 1)
    return g_strdup (g_ptr_array_index (warnings, 0));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: a warning naming a line of
                                        * gloss-assignments.csv, then how many more lines
                                        * have one */
                                       "%s (and %'u more line)", "%s (and %'u more lines)",
                                       warnings->len - 1),
                          (const char *) g_ptr_array_index (warnings, 0), warnings->len - 1);
}

void
_gloss_corpus_view_show_assignments (GlossCorpusView *self)
{
  gboolean has = self->assignments != NULL;
  g_autofree char *problem = describe_problem (self);

  if (self->assigned_column != NULL)
    gtk_column_view_column_set_visible (self->assigned_column, has);
  gtk_widget_set_visible (GTK_WIDGET (self->assigned_filter), has);
  if (!has)
    gtk_toggle_button_set_active (self->assigned_filter, FALSE);

  gtk_widget_set_visible (GTK_WIDGET (self->notice), problem != NULL);
  gtk_label_set_label (self->notice, problem != NULL ? problem : "");
  if (self->assignments_problem != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->notice), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->notice), "warning");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->notice), "warning");
      gtk_widget_remove_css_class (GTK_WIDGET (self->notice), "error");
    }

  _gloss_corpus_view_update_counts (self);
}

/* An annotator the file names for the first time gets a column, and
 * the articles are read for them from now on. */
static void
add_assigned_annotators (GlossCorpusView *self)
{
  const char * const *assigned = self->assignments != NULL ? gloss_assignments_get_annotators (self->assignments) : NULL;
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) builder = NULL;
  gboolean added = FALSE;

  if (self->annotators == NULL)
    return;
  for (guint i = 1; self->annotators[i] != NULL; i++)
    g_ptr_array_add (others, self->annotators[i]);
  for (guint i = 0; assigned != NULL && assigned[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) self->annotators, assigned[i]))
      {
        g_ptr_array_add (others, (char *) assigned[i]);
        added = TRUE;
      }
  if (!added)
    return;

  g_ptr_array_sort (others, compare_ids);
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, self->annotator);
  for (guint i = 0; i < others->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (others, i));
  g_strfreev (self->annotators);
  self->annotators = g_strv_builder_end (builder);
  _gloss_corpus_view_build_columns (self);
}

void
_gloss_corpus_view_take_assignments (GlossCorpusView  *self,
                                     GlossAssignments *assignments,
                                     const GError     *error)
{
  g_clear_pointer (&self->assignments, gloss_assignments_free);
  g_clear_pointer (&self->assignments_problem, g_free);
  self->assignments = assignments;
  if (error != NULL && !g_error_matches (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND))
    self->assignments_problem = g_strdup (error->message);

  if (!self->listed)
    return;
  add_assigned_annotators (self);
  /* Every row's Assigned cell, filter and sort key may have changed. */
  _gloss_corpus_view_renew_rows (self);
  _gloss_corpus_view_show_assignments (self);
}

/* Reading the file again. */

typedef struct
{
  GFile *folder;
  guint generation;
  guint serial;
  GlossAssignments *assignments;
  GError *error;
} Reading;

static void
reading_free (gpointer data)
{
  Reading *reading = data;

  g_object_unref (reading->folder);
  g_clear_pointer (&reading->assignments, gloss_assignments_free);
  g_clear_error (&reading->error);
  g_free (reading);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      data,
             GCancellable *cancellable)
{
  Reading *reading = data;

  reading->assignments = gloss_assignments_load (reading->folder, cancellable, &reading->error);
  g_task_return_boolean (task, TRUE);
}

static void
read_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GlossCorpusView) self = user_data;
  Reading *reading = g_task_get_task_data (G_TASK (result));

  /* A reading of another folder, or one a later reading overtook. */
  if (!g_task_propagate_boolean (G_TASK (result), NULL) || reading->generation != self->generation ||
      reading->serial != self->assignments_serial)
    return;
  _gloss_corpus_view_take_assignments (self, g_steal_pointer (&reading->assignments), reading->error);
}

gint64
_gloss_corpus_view_assignments_stamp (GlossCorpusView *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;

  if (self->folder == NULL)
    return -1;
  file = g_file_get_child (self->folder, GLOSS_ASSIGNMENTS_FILE_NAME);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return -1;
  /* The time in microseconds, the size in the high bits. */
  return ((gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC +
          g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC)) ^
         ((gint64) g_file_info_get_size (info) << 44) ^ g_file_info_get_file_type (info);
}

void
_gloss_corpus_view_read_assignments (GlossCorpusView *self)
{
  Reading *reading;
  g_autoptr(GTask) task = NULL;

  if (self->folder == NULL)
    return;

  self->assignments_stamp = _gloss_corpus_view_assignments_stamp (self);
  reading = g_new0 (Reading, 1);
  reading->folder = g_object_ref (self->folder);
  reading->generation = self->generation;
  reading->serial = ++self->assignments_serial;
  task = g_task_new (NULL, self->cancellable, read_done, g_object_ref (self));
  g_task_set_source_tag (task, _gloss_corpus_view_read_assignments);
  g_task_set_task_data (task, reading, reading_free);
  g_task_run_in_thread (task, read_thread);
}
