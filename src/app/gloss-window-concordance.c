/* gloss-window-concordance.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The concordance of the folder open in the window: one dialog per
 * window, following the folder, whose rows open their article in the
 * window at the passage.  The article opens in a worker thread, so the
 * passage waits in the window until the document shows. */

#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-concordance-dialog.h"
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
    }
  codebook = dup_codebook (self);
  if (gloss_concordance_dialog_get_folder (self->concordance) == NULL ||
      !g_file_equal (gloss_concordance_dialog_get_folder (self->concordance), folder))
    gloss_concordance_dialog_set_corpus (self->concordance, folder,
                                         gloss_corpus_view_get_annotators (self->corpus_view), codebook);
  gtk_window_present (GTK_WINDOW (self->concordance));
}

GlossConcordanceDialog *
gloss_window_get_concordance (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return self->concordance;
}

void
_gloss_window_dispose_concordance (GlossWindow *self)
{
  if (self->concordance != NULL)
    {
      GtkWindow *dialog = GTK_WINDOW (self->concordance);

      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->concordance);
      self->concordance = NULL;
      gtk_window_destroy (dialog);
    }
  g_clear_object (&self->pending_article);
}

void
_gloss_window_class_init_concordance (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.concordance", NULL, concordance_action);
}
