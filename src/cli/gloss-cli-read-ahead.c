/* gloss-cli-read-ahead.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include "gloss-cli-common.h"
#include "gloss-cli-read-ahead.h"

struct _GlossCliReadAhead
{
  GlossCliReadFunc read;
  gpointer user_data;
  GPtrArray *articles;
  GThreadPool *pool;
  guint window;                 /* how many articles may be read ahead */
  guint pushed;                 /* articles handed to the pool so far */
  GMutex mutex;
  GCond cond;
  GPtrArray *readings;          /* by article: what was read, once done */
  GCancellable *cancellable;
};

static void
read_one (gpointer data,
          gpointer user_data)
{
  GlossCliReadAhead *self = user_data;
  guint index = GPOINTER_TO_UINT (data) - 1;
  GlossCliArticle *item = g_ptr_array_index (self->articles, index);
  gpointer reading;

  reading = self->read (item, self->user_data, self->cancellable);
  g_mutex_lock (&self->mutex);
  g_ptr_array_index (self->readings, index) = reading;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);
}

GlossCliReadAhead *
gloss_cli_read_ahead_new_full (GPtrArray        *articles,
                               GlossCliReadFunc  read,
                               gpointer          user_data,
                               GDestroyNotify    free_result)
{
  GlossCliReadAhead *self = g_new0 (GlossCliReadAhead, 1);
  guint threads = CLAMP (g_get_num_processors (), 1, 4);

  self->read = read;
  self->user_data = user_data;
  self->articles = g_ptr_array_ref (articles);
  self->window = 2 * threads + 2;
  self->readings = g_ptr_array_new_with_free_func (free_result);
  g_ptr_array_set_size (self->readings, articles->len);
  self->cancellable = g_cancellable_new ();
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  /* Never fails when not exclusive. */
  self->pool = g_thread_pool_new (read_one, self, threads, FALSE, NULL);
  return self;
}

static gpointer
read_for_study (GlossCliArticle *item,
                gpointer         user_data,
                GCancellable    *cancellable)
{
  return gloss_agreement_read (user_data, item->article, item->annotation_files, cancellable);
}

GlossCliReadAhead *
gloss_cli_read_ahead_new (GlossAgreement *study,
                          GPtrArray      *articles)
{
  return gloss_cli_read_ahead_new_full (articles, read_for_study, study,
                                        (GDestroyNotify) gloss_agreement_reading_free);
}

gpointer
gloss_cli_read_ahead_take (GlossCliReadAhead *self,
                           guint              index)
{
  gpointer reading;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->articles->len, NULL);

  while (self->pushed < self->articles->len && self->pushed < index + self->window)
    {
      self->pushed++;
      g_thread_pool_push (self->pool, GUINT_TO_POINTER (self->pushed), NULL);
    }

  g_mutex_lock (&self->mutex);
  while (g_ptr_array_index (self->readings, index) == NULL)
    g_cond_wait (&self->cond, &self->mutex);
  reading = g_steal_pointer (&g_ptr_array_index (self->readings, index));
  g_mutex_unlock (&self->mutex);
  return reading;
}

void
gloss_cli_read_ahead_free (GlossCliReadAhead *self)
{
  if (self == NULL)
    return;
  /* What is still being read is not wanted: stop it, then wait. */
  g_cancellable_cancel (self->cancellable);
  g_thread_pool_free (self->pool, TRUE, TRUE);
  g_ptr_array_unref (self->readings);
  g_ptr_array_unref (self->articles);
  g_object_unref (self->cancellable);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self);
}
