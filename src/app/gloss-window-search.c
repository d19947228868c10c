/* gloss-window-search.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-search.h"
#include "gloss-window-private.h"

/* Finding text in the article and tagging every occurrence at once. */

static GlossFindFlags
search_flags (GlossWindow *self)
{
  GlossFindFlags flags = GLOSS_FIND_NONE;

  if (!gtk_toggle_button_get_active (self->match_case_button))
    flags |= GLOSS_FIND_IGNORE_CASE;
  if (gtk_toggle_button_get_active (self->whole_word_button))
    flags |= GLOSS_FIND_WHOLE_WORD;

  return flags;
}

void
_gloss_window_select_passage (GlossWindow *self,
                              guint        start,
                              guint        end)
{
  GtkTextIter iter;

  gloss_text_view_select (self->text_view, NULL, FALSE);
  gloss_text_view_select_range (self->text_view, start, end);
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view)),
                                      &iter, start);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->text_view), &iter, 0.1, TRUE, 0.0, 0.3);
}

/* Match @index becomes the selection, ready to be tagged with a key, and
 * is scrolled to. */
static void
select_match (GlossWindow *self,
              guint        index)
{
  GlossRange *match = &g_array_index (self->search_matches, GlossRange, index);

  self->search_index = index;
  _gloss_window_select_passage (self, match->start, match->end);
}

void
_gloss_window_update_search (GlossWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *label = NULL;

  g_array_set_size (self->search_matches, 0);
  self->search_index = 0;

  if (self->document != NULL && *text != '\0')
    {
      g_autoptr(GArray) found = gloss_source_find_all (gloss_document_get_source (self->document),
                                                       text, search_flags (self));

      g_array_append_vals (self->search_matches, found->data, found->len);
    }

  gloss_text_view_set_search_matches (self->text_view, self->search_matches);

  /* As the text is typed, the first match from where the search started
   * is selected, so that closing Find leaves it ready to be tagged. */
  if (self->search_matches->len > 0 && gtk_search_bar_get_search_mode (self->search_bar))
    {
      guint index = 0;

      while (index < self->search_matches->len &&
             g_array_index (self->search_matches, GlossRange, index).start < self->search_origin)
        index++;
      select_match (self, index < self->search_matches->len ? index : 0);
    }

  if (*text == '\0')
    label = g_strdup ("");
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u match", "%'u matches",
                                          self->search_matches->len),
                             self->search_matches->len);
  gtk_label_set_label (self->match_label, label);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  GtkTextIter cursor;
  guint start, end;

  /* Matches are taken from the selection, or the cursor, on. */
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  self->search_origin = gtk_text_iter_get_offset (&cursor);
  if (gloss_text_view_get_selection_range (self->text_view, &start, &end))
    self->search_origin = start;

  /* Searching for the selected text is the usual start of "tag all". */
  if (gloss_text_view_get_selection_range (self->text_view, &start, &end) && end - start < 200)
    {
      g_autofree char *text = gloss_source_dup_slice (gloss_document_get_source (self->document),
                                                      start, end);

      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
    }

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  _gloss_window_update_search (self);
}

static void
find_step (GlossWindow *self,
           int          step)
{
  guint n = self->search_matches->len;

  if (n == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  select_match (self, (self->search_index + n + step) % n);
}

void
_gloss_window_search_next (GlossWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));

  /* The first "next", nothing being selected, goes to the first match. */
  find_step (self, gtk_text_buffer_get_has_selection (buffer) ? 1 : 0);
}

/* Find closed (Escape, or its close button): the match selected stays
 * selected, and the keyboard goes back to the text, where a key tags
 * it. */
static void
on_search_mode (GlossWindow *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar) || self->document == NULL)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

void
_gloss_window_init_search (GlossWindow *self)
{
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled",
                            G_CALLBACK (on_search_mode), self);
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _gloss_window_search_next (GLOSS_WINDOW (widget));
}

static void
find_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  find_step (GLOSS_WINDOW (widget), -1);
}

/* Tags every match of the search, or every occurrence of the selected
 * text, with @tag, in one step. */
static void
tag_all (GlossWindow *self,
         const char  *tag)
{
  GlossLayer *layer = gloss_document_get_layer (self->document);
  g_autoptr(GArray) ranges = NULL;
  g_autofree char *message = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint start, end, added = 0;

  if (!gloss_tag_id_is_valid (tag))
    return;

  if (gtk_search_bar_get_search_mode (self->search_bar) && *text != '\0')
    {
      ranges = g_array_copy (self->search_matches);
    }
  else if (gloss_text_view_get_selection_range (self->text_view, &start, &end))
    {
      g_autofree char *selected = gloss_source_dup_slice (gloss_document_get_source (self->document),
                                                          start, end);

      ranges = gloss_source_find_all (gloss_document_get_source (self->document), selected,
                                      search_flags (self));
    }
  else
    {
      _gloss_window_notify (self, _("Select a passage or search for a text first: "
                                    "“Tag All” tags every occurrence of it."));
      return;
    }

  gloss_layer_begin_group (layer);
  for (guint i = 0; i < ranges->len; i++)
    {
      GlossRange *r = &g_array_index (ranges, GlossRange, i);

      if (gloss_layer_annotate (layer, tag, r->start, r->end, NULL) != NULL)
        added++;
    }
  gloss_layer_end_group (layer);

  if (added == ranges->len)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Tagged %'u passage.",
                                            "Tagged %'u passages.", added), added);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Tagged %'u passage; the others already had this tag.",
                                            "Tagged %'u passages; the others already had this tag.",
                                            added), added);
  /* Undo takes the whole step back, while nothing else has changed. */
  if (added > 0)
    _gloss_window_notify_undo (self, layer, message);
  else
    _gloss_window_notify (self, message);
}

static void
tag_all_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  tag_all (GLOSS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Alt and a number: Tag All with the codebook's tag of that key. */
static void
tag_all_key_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossTag *tag = _gloss_window_tag_of_key (self, g_variant_get_int32 (parameter));

  if (tag != NULL)
    tag_all (self, gloss_tag_get_id (tag));
}

void
_gloss_window_class_init_search (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.tag-all", "s", tag_all_action);
  gtk_widget_class_install_action (widget_class, "win.tag-all-key", "i", tag_all_key_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_previous_action);
}
