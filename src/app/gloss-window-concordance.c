/* gloss-window-concordance.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The concordance of the folder open in the window: one dialog per
 * window, following the folder, whose rows open their article in the
 * window at the passage.  The article opens in a worker thread, so the
 * passage waits in the window until the document shows.  The folder's
 * statistics live here too; Tag All in Corpus and its Undo, in
 * gloss-window-tag-corpus.c. */

#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-concordance-dialog.h"
#include "gloss-concordance-item.h"
#include "gloss-statistics-dialog.h"
#include "gloss-window-private.h"

/* Selects the passage waiting for @self's article, when the document
 * shown is that article. */
void
_gloss_window_show_pending_passage (GlossWindow *self)
{
  GFile *shown;

  if (self->pending_article == NULL || self->document == NULL)
    return;
  shown = gloss_source_get_file (gloss_document_get_source (self->document));
  if (!g_file_equal (shown, self->pending_article))
    return;
  g_clear_object (&self->pending_article);
  _gloss_window_select_passage (self, self->pending_start, self->pending_end);
}

static void
on_passage_activated (GlossWindow *self,
                      GFile       *article,
                      guint        start,
                      guint        end)
{
  g_set_object (&self->pending_article, article);
  self->pending_start = start;
  self->pending_end = end;
  _gloss_window_open_article (self, article);
  /* Already shown: selected at once. */
  _gloss_window_show_pending_passage (self);
}

/* The tags to search for: the codebook of the article shown, else that
 * of the first article listed. */
static GlossCodebook *
dup_codebook (GlossWindow *self)
{
  g_autoptr(GFile) first = NULL;
  GFile *listed;

  if (self->document != NULL)
    return g_object_ref (gloss_document_get_codebook (self->document));
  listed = gloss_corpus_view_get_shown (self->corpus_view, 0);
  if (listed == NULL)
    return gloss_codebook_new_default ();
  first = g_object_ref (listed);
  {
    GlossCodebook *codebook = gloss_codebook_new_for_article (first, NULL);

    return codebook != NULL ? codebook : gloss_codebook_new_default ();
  }
}

static void
concordance_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GFile *folder = gloss_corpus_view_get_folder (self->corpus_view);
  g_autoptr(GlossCodebook) codebook = NULL;

  if (folder == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  if (self->concordance == NULL)
    {
      self->concordance = gloss_concordance_dialog_new (GTK_WINDOW (self));
      /* GTK destroys it with the window, perhaps before the window lets
       * go of it. */
      g_object_add_weak_pointer (G_OBJECT (self->concordance), (gpointer *) &self->concordance);
      g_signal_connect_object (self->concordance, "passage-activated", G_CALLBACK (on_passage_activated),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->concordance, "tag-all", G_CALLBACK (_gloss_window_tag_all_corpus), self,
                               G_CONNECT_SWAPPED);
    }
  codebook = dup_codebook (self);
  if (gloss_concordance_dialog_get_folder (self->concordance) == NULL ||
      !g_file_equal (gloss_concordance_dialog_get_folder (self->concordance), folder))
    gloss_concordance_dialog_set_corpus (self->concordance, folder,
                                         gloss_corpus_view_get_annotators (self->corpus_view), codebook);
  gtk_window_present (GTK_WINDOW (self->concordance));
}

static void
statistics_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GFile *folder = gloss_corpus_view_get_folder (self->corpus_view);
  g_autofree char *user = NULL;

  if (folder == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  if (self->statistics == NULL)
    {
      self->statistics = gloss_statistics_dialog_new (GTK_WINDOW (self));
      g_object_add_weak_pointer (G_OBJECT (self->statistics), (gpointer *) &self->statistics);
    }
  /* Counted again each time: the files change as people annotate. */
  user = _gloss_window_dup_own_id (self);
  gloss_statistics_dialog_count (self->statistics, folder, user);
  gtk_window_present (GTK_WINDOW (self->statistics));
}

GlossStatisticsDialog *
gloss_window_get_statistics (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return self->statistics;
}

GlossConcordanceDialog *
gloss_window_get_concordance (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return self->concordance;
}

/* A worker thread may hold the dialog a moment longer than the window
 * lives: it must not point at the window then. */
static void
forget_dialog (GtkWindow *dialog)
{
  gtk_window_set_transient_for (dialog, NULL);
  gtk_window_destroy (dialog);
}

void
_gloss_window_dispose_concordance (GlossWindow *self)
{
  if (self->concordance != NULL)
    {
      GtkWindow *dialog = GTK_WINDOW (self->concordance);

      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->concordance);
      self->concordance = NULL;
      forget_dialog (dialog);
    }
  if (self->statistics != NULL)
    {
      GtkWindow *dialog = GTK_WINDOW (self->statistics);

      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->statistics);
      self->statistics = NULL;
      forget_dialog (dialog);
    }
  g_clear_object (&self->pending_article);
  g_clear_pointer (&self->corpus_tagged, g_ptr_array_unref);
  /* A Tag All under way stops after the file it is writing. */
  g_cancellable_cancel (self->corpus_tag_cancellable);
  g_clear_object (&self->corpus_tag_cancellable);
}

void
_gloss_window_class_init_concordance (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.concordance", NULL, concordance_action);
  gtk_widget_class_install_action (widget_class, "win.undo-tag-all-corpus", NULL,
                                   _gloss_window_undo_tag_all_corpus);
  gtk_widget_class_install_action (widget_class, "win.corpus-statistics", NULL, statistics_action);
}
