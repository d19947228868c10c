/* gloss-window-concordance.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The concordance of the folder open in the window: one dialog per
 * window, following the folder, whose rows open their article in the
 * window at the passage.  The article opens in a worker thread, so the
 * passage waits in the window until the document shows.  Tag All in
 * Corpus and its Undo, and the folder's statistics, live here too. */

#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-concordance-dialog.h"
#include "gloss-concordance-item.h"
#include "gloss-corpus-tagging.h"
#include "gloss-search.h"
#include "gloss-statistics-dialog.h"
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

static gboolean
shows_article (GlossWindow *self,
               GFile       *article)
{
  return self->document != NULL &&
         g_file_equal (gloss_source_get_file (gloss_document_get_source (self->document)), article);
}

/* The article shown is tagged through its layer, in one step of its
 * history, so that the window's Undo takes it back too and the autosave
 * writes it. */
static GStrv
tag_in_document (GlossWindow *self,
                 const char  *tag,
                 GArray      *ranges)
{
  GlossLayer *layer = gloss_document_get_layer (self->document);
  GStrv added;

  gloss_layer_begin_group (layer);
  added = gloss_corpus_tag_ranges (layer, tag, ranges);
  gloss_layer_end_group (layer);
  return added;
}

static void
refresh_row (GlossWindow *self,
             GFile       *article)
{
  if (gloss_corpus_view_get_folder (self->corpus_view) != NULL)
    gloss_corpus_view_refresh (self->corpus_view, article);
}

/* The checked rows of the concordance, grouped by article: URI → the
 * ranges (GlossRange), and URI → GFile. */
static void
group_checked (GlossWindow *self,
               GHashTable  *ranges,
               GHashTable  *articles,
               GPtrArray   *order)
{
  g_autoptr(GPtrArray) checked = gloss_concordance_dialog_dup_checked (self->concordance);

  for (guint i = 0; i < checked->len; i++)
    {
      GlossConcordanceItem *item = g_ptr_array_index (checked, i);
      GFile *article = gloss_concordance_item_get_article (item);
      char *uri = g_file_get_uri (article);
      GArray *list = g_hash_table_lookup (ranges, uri);
      GlossRange range = { gloss_concordance_item_get_start (item), gloss_concordance_item_get_end (item) };

      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (GlossRange));
          g_hash_table_insert (ranges, uri, list);
          g_hash_table_insert (articles, g_strdup (uri), g_object_ref (article));
          g_ptr_array_add (order, g_strdup (uri));
        }
      else
        g_free (uri);
      g_array_append_val (list, range);
    }
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

static void
on_tag_all (GlossWindow *self,
            const char  *tag)
{
  g_autoptr(GHashTable) ranges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) articles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *user = _gloss_window_dup_own_id (self);
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  guint n_passages = 0, n_articles = 0;
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (GLOSS_IS_APPLICATION (application))
    name = gloss_application_dup_annotator_name (GLOSS_APPLICATION (application));
  group_checked (self, ranges, articles, order);
  g_clear_pointer (&self->corpus_tagged, g_ptr_array_unref);
  self->corpus_tagged = g_ptr_array_new_with_free_func (tagged_free);

  for (guint i = 0; i < order->len; i++)
    {
      const char *uri = g_ptr_array_index (order, i);
      GFile *article = g_hash_table_lookup (articles, uri);
      GArray *list = g_hash_table_lookup (ranges, uri);
      g_autoptr(GError) error = NULL;
      Tagged *tagged;
      GStrv ids;
      gboolean in_document = shows_article (self, article);

      if (in_document)
        ids = tag_in_document (self, tag, list);
      else
        ids = gloss_corpus_tag_article (article, user, name, tag, list,
                                        gloss_concordance_dialog_get_stamp (self->concordance, article), &error);
      if (ids == NULL)
        {
          g_ptr_array_add (skipped, g_file_get_basename (article));
          continue;
        }
      if (ids[0] == NULL)
        {
          g_strfreev (ids);
          continue;
        }
      tagged = g_new0 (Tagged, 1);
      tagged->article = g_object_ref (article);
      tagged->ids = ids;
      tagged->in_document = in_document;
      g_ptr_array_add (self->corpus_tagged, tagged);
      n_passages += g_strv_length (ids);
      n_articles++;
      refresh_row (self, article);
    }

  /* Translators: the first part of “Tagged 41 passages in 12 articles” */
  {
    g_autofree char *passages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Tagged %'u passage",
                                                              "Tagged %'u passages", n_passages), n_passages);

    /* Translators: “Tagged 41 passages” then the number of articles */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s in %'u article.", "%s in %'u articles.",
                                            n_articles), passages, n_articles);
  }
  /* Translators: after the count of what was tagged, before the names
   * of the articles left alone */
  name_skipped (&message, skipped, _("Left as they were, changed on disk since the search or unreadable:"));
  _gloss_window_dismiss_notice (self);
  gloss_notice_show (self->notice, message, n_passages > 0 ? _("_Undo") : NULL,
                     n_passages > 0 ? "win.undo-tag-all-corpus" : NULL, NULL);
  _gloss_window_update_corpus_actions (self);
}

/* Takes back exactly what the last Tag All in Corpus added: through the
 * document for the article it shows, else in each file, left alone when
 * it cannot be written. */
static void
undo_tag_all_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GPtrArray) tagged = g_steal_pointer (&self->corpus_tagged);
  g_autofree char *user = _gloss_window_dup_own_id (self);
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *message = NULL;
  guint n_removed = 0;

  if (tagged == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  for (guint i = 0; i < tagged->len; i++)
    {
      Tagged *t = g_ptr_array_index (tagged, i);
      g_autoptr(GError) error = NULL;
      guint removed = 0;

      if (shows_article (self, t->article))
        {
          GlossLayer *layer = gloss_document_get_layer (self->document);

          gloss_layer_begin_group (layer);
          removed = gloss_corpus_remove_ids (layer, (const char * const *) t->ids);
          gloss_layer_end_group (layer);
        }
      else if (!gloss_corpus_untag_article (t->article, user, (const char * const *) t->ids, &removed, &error))
        g_ptr_array_add (skipped, g_file_get_basename (t->article));
      n_removed += removed;
      refresh_row (self, t->article);
    }

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Took back %u passage.", "Took back %u passages.",
                                          n_removed), n_removed);
  /* Translators: after how many passages were taken back, before the
   * names of the files left alone */
  name_skipped (&message, skipped, _("Left as they were, changed on disk or unreadable:"));
  _gloss_window_notify (self, message);
  _gloss_window_update_corpus_actions (self);
}

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
      g_signal_connect_object (self->concordance, "tag-all", G_CALLBACK (on_tag_all), self,
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
}

void
_gloss_window_class_init_concordance (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.concordance", NULL, concordance_action);
  gtk_widget_class_install_action (widget_class, "win.undo-tag-all-corpus", NULL, undo_tag_all_action);
  gtk_widget_class_install_action (widget_class, "win.corpus-statistics", NULL, statistics_action);
}
