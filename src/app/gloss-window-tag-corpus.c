/* gloss-window-tag-corpus.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Tag All in Corpus and its Undo: the concordance's checked matches
 * tagged in the user's file of each article, and taken back.  The
 * article the window shows goes through its layer, at once, in one step
 * of its history; the other articles' files are read and written in a
 * worker thread, which says how far it has got in the notice and stops
 * at the next file when the window closes.  Nothing in the thread
 * touches a widget. */

#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-concordance-dialog.h"
#include "gloss-concordance-item.h"
#include "gloss-corpus-tagging.h"
#include "gloss-search.h"
#include "gloss-window-private.h"

/* What Tag All in Corpus added to one article, for its Undo. */
typedef struct
{
  GFile *article;
  GStrv ids;
  gboolean in_document;   /* through the window's document, not the file */
} Tagged;

static void
tagged_free (gpointer data)
{
  Tagged *tagged = data;

  g_object_unref (tagged->article);
  g_strfreev (tagged->ids);
  g_free (tagged);
}

/* One article's part of a Tag All or of its Undo.  The main thread fills
 * in what to do; the worker, what came of it, for an article not shown. */
typedef struct
{
  GFile *article;
  gboolean in_document;   /* done by the main thread through the document */
  GArray *ranges;         /* tagging: GlossRange */
  char *stamp;            /* tagging: the files' stamp at the search */
  GStrv ids;              /* tagging: those added; undo: those to take back */
  guint n_removed;        /* undo: how many were taken back */
  gboolean done;          /* the worker came to it */
  gboolean failed;        /* left alone: changed on disk or unreadable */
} Step;

static void
step_free (gpointer data)
{
  Step *step = data;

  g_object_unref (step->article);
  g_clear_pointer (&step->ranges, g_array_unref);
  g_free (step->stamp);
  g_strfreev (step->ids);
  g_free (step);
}

typedef struct
{
  gboolean undo;
  char *annotator;
  char *name;
  char *tag;
  GPtrArray *steps;       /* Step, in the concordance's order */
  guint n_files;          /* the steps the worker does */
  GMainContext *context;
  gint n_done;            /* atomic: the worker's steps done */
  gint progress_queued;   /* atomic: a progress source is on its way */
  gboolean finished;      /* main thread: the result is shown */
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->annotator);
  g_free (job->name);
  g_free (job->tag);
  g_ptr_array_unref (job->steps);
  g_main_context_unref (job->context);
  g_free (job);
}

static gboolean
shows_article (GlossWindow *self,
               GFile       *article)
{
  return self->document != NULL &&
         g_file_equal (gloss_source_get_file (gloss_document_get_source (self->document)), article);
}

static void
refresh_row (GlossWindow *self,
             GFile       *article)
{
  if (gloss_corpus_view_get_folder (self->corpus_view) != NULL)
    gloss_corpus_view_refresh (self->corpus_view, article);
}

/* Adds to *@message @lead (which says why) and the names of the
 * articles left alone. */
static void
name_skipped (char       **message,
              GPtrArray   *skipped,
              const char  *lead)
{
  g_autofree char *names = NULL;
  char *longer;

  if (skipped->len == 0)
    return;
  g_ptr_array_add (skipped, NULL);
  names = g_strjoinv (", ", (char **) skipped->pdata);
  longer = g_strdup_printf ("%s %s %s", *message, lead, names);
  g_free (*message);
  *message = longer;
}

/* The worker and its progress. */

static gboolean
show_progress (gpointer data)
{
  GTask *task = data;
  GlossWindow *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);
  g_autofree char *message = NULL;
  guint n_done;

  g_atomic_int_set (&job->progress_queued, 0);
  /* Done, or the window closing. */
  if (job->finished || g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    return G_SOURCE_REMOVE;
  n_done = (guint) g_atomic_int_get (&job->n_done);
  if (job->undo)
    /* Translators: how many files Undo of Tag All in Corpus has gone
     * through, of how many */
    message = g_strdup_printf (_("Taking back… %'u of %'u files"), n_done, job->n_files);
  else
    /* Translators: how many articles Tag All in Corpus has gone through,
     * of how many */
    message = g_strdup_printf (_("Tagging… %'u of %'u articles"), n_done, job->n_files);
  gloss_notice_show (self->notice, message, NULL, NULL, NULL);
  return G_SOURCE_REMOVE;
}

/* Says in the main context how far the worker has got, unless it is
 * about to be said already. */
static void
queue_progress (GTask *task)
{
  Job *job = g_task_get_task_data (task);
  GSource *source;

  if (!g_atomic_int_compare_and_exchange (&job->progress_queued, 0, 1))
    return;
  /* An idle source of the main context, never g_main_context_invoke,
   * which could run it here, in the worker. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT_IDLE);
  g_source_set_callback (source, show_progress, g_object_ref (task), g_object_unref);
  g_source_attach (source, job->context);
  g_source_unref (source);
}

static void
work_thread (GTask        *task,
             gpointer      source_object,
             gpointer      data,
             GCancellable *cancellable)
{
  Job *job = data;

  for (guint i = 0; i < job->steps->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      Step *step = g_ptr_array_index (job->steps, i);
      g_autoptr(GError) error = NULL;

      if (step->in_document)
        continue;
      if (job->undo)
        step->failed = !gloss_corpus_untag_article (step->article, job->annotator,
                                                    (const char * const *) step->ids, &step->n_removed, &error);
      else
        {
          step->ids = gloss_corpus_tag_article (step->article, job->annotator, job->name, job->tag,
                                                step->ranges, step->stamp, &error);
          step->failed = step->ids == NULL;
        }
      if (error != NULL)
        g_debug ("%s", error->message);
      step->done = TRUE;
      g_atomic_int_inc (&job->n_done);
      queue_progress (task);
    }
  g_task_return_boolean (task, TRUE);
}

static void
tag_done (GlossWindow *self,
          Job         *job)
{
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *message = NULL;
  g_autofree char *passages = NULL;
  guint n_passages = 0, n_articles = 0;

  g_clear_pointer (&self->corpus_tagged, g_ptr_array_unref);
  self->corpus_tagged = g_ptr_array_new_with_free_func (tagged_free);
  for (guint i = 0; i < job->steps->len; i++)
    {
      Step *step = g_ptr_array_index (job->steps, i);
      Tagged *tagged;

      if (step->failed)
        g_ptr_array_add (skipped, g_file_get_basename (step->article));
      if (step->ids == NULL || step->ids[0] == NULL)
        continue;
      tagged = g_new0 (Tagged, 1);
      tagged->article = g_object_ref (step->article);
      tagged->ids = g_steal_pointer (&step->ids);
      tagged->in_document = step->in_document;
      g_ptr_array_add (self->corpus_tagged, tagged);
      n_passages += g_strv_length (tagged->ids);
      n_articles++;
      refresh_row (self, step->article);
    }

  /* Translators: the first part of “Tagged 41 passages in 12 articles” */
  passages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Tagged %'u passage", "Tagged %'u passages",
                                           n_passages), n_passages);
  /* Translators: “Tagged 41 passages” then the number of articles */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s in %'u article.", "%s in %'u articles.",
                                          n_articles), passages, n_articles);
  /* Translators: after the count of what was tagged, before the names
   * of the articles left alone */
  name_skipped (&message, skipped, _("Left as they were, changed on disk since the search or unreadable:"));
  _gloss_window_dismiss_notice (self);
  gloss_notice_show (self->notice, message, n_passages > 0 ? _("_Undo") : NULL,
                     n_passages > 0 ? "win.undo-tag-all-corpus" : NULL, NULL);
}

static void
undo_done (GlossWindow *self,
           Job         *job)
{
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *message = NULL;
  guint n_removed = 0;

  for (guint i = 0; i < job->steps->len; i++)
    {
      Step *step = g_ptr_array_index (job->steps, i);

      if (step->failed)
        g_ptr_array_add (skipped, g_file_get_basename (step->article));
      n_removed += step->n_removed;
      refresh_row (self, step->article);
    }

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Took back %u passage.", "Took back %u passages.",
                                          n_removed), n_removed);
  /* Translators: after how many passages were taken back, before the
   * names of the files left alone */
  name_skipped (&message, skipped, _("Left as they were, changed on disk or unreadable:"));
  _gloss_window_notify (self, message);
}

static void
work_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GlossWindow *self = GLOSS_WINDOW (object);
  Job *job = g_task_get_task_data (G_TASK (result));

  job->finished = TRUE;
  /* The window closed meanwhile: nothing to show. */
  if (g_task_had_error (G_TASK (result)) || g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  g_clear_object (&self->corpus_tag_cancellable);
  if (job->undo)
    undo_done (self, job);
  else
    tag_done (self, job);
  _gloss_window_update_corpus_actions (self);
}

/* Runs @job's steps that are not the document's in a worker thread. */
static void
start_job (GlossWindow *self,
           Job         *job)
{
  g_autoptr(GTask) task = NULL;

  job->context = g_main_context_ref_thread_default ();
  for (guint i = 0; i < job->steps->len; i++)
    job->n_files += !((Step *) g_ptr_array_index (job->steps, i))->in_document;

  self->corpus_tag_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->corpus_tag_cancellable, work_done, NULL);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, job_free);
  _gloss_window_update_corpus_actions (self);
  if (job->n_files > 0)
    queue_progress (task);
  g_task_run_in_thread (task, work_thread);
}

/* Whether a Tag All or its Undo is under way: then another waits. */
static gboolean
busy (GlossWindow *self)
{
  if (self->corpus_tag_cancellable == NULL)
    return FALSE;
  gtk_widget_error_bell (GTK_WIDGET (self));
  return TRUE;
}

/* Tag All. */

/* The checked rows of the concordance, one step per article, in the
 * order of the rows. */
static GPtrArray *
steps_of_checked (GlossWindow *self)
{
  g_autoptr(GPtrArray) checked = gloss_concordance_dialog_dup_checked (self->concordance);
  g_autoptr(GHashTable) by_uri = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *steps = g_ptr_array_new_with_free_func (step_free);

  for (guint i = 0; i < checked->len; i++)
    {
      GlossConcordanceItem *item = g_ptr_array_index (checked, i);
      GFile *article = gloss_concordance_item_get_article (item);
      char *uri = g_file_get_uri (article);
      Step *step = g_hash_table_lookup (by_uri, uri);
      GlossRange range = { gloss_concordance_item_get_start (item), gloss_concordance_item_get_end (item) };

      if (step == NULL)
        {
          step = g_new0 (Step, 1);
          step->article = g_object_ref (article);
          step->ranges = g_array_new (FALSE, FALSE, sizeof (GlossRange));
          step->stamp = g_strdup (gloss_concordance_dialog_get_stamp (self->concordance, article));
          g_hash_table_insert (by_uri, uri, step);
          g_ptr_array_add (steps, step);
        }
      else
        g_free (uri);
      g_array_append_val (step->ranges, range);
    }
  return steps;
}

void
_gloss_window_tag_all_corpus (GlossWindow *self,
                              const char  *tag)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  Job *job;

  if (busy (self))
    return;

  job = g_new0 (Job, 1);
  job->tag = g_strdup (tag);
  job->annotator = _gloss_window_dup_own_id (self);
  if (GLOSS_IS_APPLICATION (application))
    job->name = gloss_application_dup_annotator_name (GLOSS_APPLICATION (application));
  job->steps = steps_of_checked (self);
  g_clear_pointer (&self->corpus_tagged, g_ptr_array_unref);
  _gloss_window_dismiss_notice (self);

  /* The article shown is tagged through its layer, in one step of its
   * history, so that the window's Undo takes it back too and the
   * autosave writes it. */
  for (guint i = 0; i < job->steps->len; i++)
    {
      Step *step = g_ptr_array_index (job->steps, i);
      GlossLayer *layer;

      if (!shows_article (self, step->article))
        continue;
      layer = gloss_document_get_layer (self->document);
      gloss_layer_begin_group (layer);
      step->ids = gloss_corpus_tag_ranges (layer, tag, step->ranges);
      gloss_layer_end_group (layer);
      step->in_document = TRUE;
    }
  start_job (self, job);
}

/* Takes back exactly what the last Tag All in Corpus added: through the
 * document for the article it shows, else in each file, left alone when
 * it cannot be written. */
void
_gloss_window_undo_tag_all_corpus (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GPtrArray) tagged = NULL;
  Job *job;

  if (busy (self))
    return;
  tagged = g_steal_pointer (&self->corpus_tagged);
  if (tagged == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  job = g_new0 (Job, 1);
  job->undo = TRUE;
  job->annotator = _gloss_window_dup_own_id (self);
  job->steps = g_ptr_array_new_with_free_func (step_free);
  for (guint i = 0; i < tagged->len; i++)
    {
      Tagged *t = g_ptr_array_index (tagged, i);
      Step *step = g_new0 (Step, 1);

      step->article = g_object_ref (t->article);
      step->ids = g_strdupv (t->ids);
      g_ptr_array_add (job->steps, step);
      if (shows_article (self, t->article))
        {
          GlossLayer *layer = gloss_document_get_layer (self->document);

          gloss_layer_begin_group (layer);
          step->n_removed = gloss_corpus_remove_ids (layer, (const char * const *) t->ids);
          gloss_layer_end_group (layer);
          step->in_document = TRUE;
        }
    }
  start_job (self, job);
}
