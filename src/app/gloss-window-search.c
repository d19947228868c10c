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

  if (*text == '\0')
    label = g_strdup ("");
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches",
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
  guint start, end;

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
  GlossRange *match;
  guint n = self->search_matches->len;

  if (n == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  self->search_index = (self->search_index + n + step) % n;
  match = &g_array_index (self->search_matches, GlossRange, self->search_index);

  /* The match becomes the selection, ready to be tagged with a key. */
  gloss_text_view_select (self->text_view, NULL, FALSE);
  gloss_text_view_select_range (self->text_view, match->start, match->end);
  {
    GtkTextIter iter;
    gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view)),
                                        &iter, match->start);
    gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->text_view), &iter, 0.1, TRUE, 0.0, 0.3);
  }
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  /* The first "next" goes to the first match. */
  find_step (self, gtk_text_buffer_get_has_selection (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view))) ? 1 : 0);
}

static void
find_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  find_step (GLOSS_WINDOW (widget), -1);
}

static void
tag_all_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  const char *tag = g_variant_get_string (parameter, NULL);
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
                                            "Tagged %u passage.",
                                            "Tagged %u passages.", added), added);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Tagged %u passage; the others already had this tag.",
                                            "Tagged %u passages; the others already had this tag.",
                                            added), added);
  /* Undo takes the whole step back, while nothing else has changed. */
  if (added > 0)
    _gloss_window_notify_undo (self, layer, message);
  else
    _gloss_window_notify (self, message);
}

void
_gloss_window_class_init_search (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.tag-all", "s", tag_all_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_previous_action);
}
