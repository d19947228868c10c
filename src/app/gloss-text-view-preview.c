/* gloss-text-view-preview.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The start of a large article and its highlights, shown while the rest
 * of the document loads, then taken over by the document: the text stays
 * in the buffer and the rest of it is added after it, so that the first
 * screen is laid out once. */

#define G_LOG_DOMAIN "gloss-text-view"

#include "config.h"

#include <string.h>

#include "gloss-text-view-private.h"

static void
drop_preview_tags (GlossTextView *self)
{
  GtkTextBuffer *buffer = _gloss_text_view_buffer (self);
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);

  for (guint i = 0; i < self->preview_tags->len; i++)
    gtk_text_tag_table_remove (table, g_ptr_array_index (self->preview_tags, i));
  g_ptr_array_set_size (self->preview_tags, 0);
  g_clear_pointer (&self->preview_text, g_free);
  self->preview_n_bytes = 0;
}

void
gloss_text_view_show_preview (GlossTextView              *self,
                              const GlossDocumentPreview *preview)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;

  g_return_if_fail (GLOSS_IS_TEXT_VIEW (self));
  g_return_if_fail (preview != NULL);
  g_return_if_fail (self->source == NULL);

  buffer = _gloss_text_view_buffer (self);
  drop_preview_tags (self);
  _gloss_text_view_forget_geometry (self);
  gtk_text_buffer_set_text (buffer, preview->text, preview->n_bytes);
  _gloss_text_view_apply_base_tag (self);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);

  for (guint i = 0; i < preview->colors->len; i++)
    {
      GdkRGBA rgba;

      _gloss_text_view_parse_color (g_ptr_array_index (preview->colors, i), HIGHLIGHT_ALPHA, &rgba);
      g_ptr_array_add (self->preview_tags,
                       gtk_text_buffer_create_tag (buffer, NULL, "background-rgba", &rgba, NULL));
    }

  for (guint i = 0; i < preview->ranges->len; i++)
    {
      GlossPreviewRange *range = &g_array_index (preview->ranges, GlossPreviewRange, i);
      GtkTextIter s, e;

      _gloss_text_view_get_iters (self, range->start, range->end, &s, &e);
      gtk_text_buffer_apply_tag (buffer, g_ptr_array_index (self->preview_tags, range->color), &s, &e);
    }

  self->preview_text = g_strndup (preview->text, preview->n_bytes);
  self->preview_n_bytes = preview->n_bytes;
}

void
gloss_text_view_clear_preview (GlossTextView *self)
{
  g_return_if_fail (GLOSS_IS_TEXT_VIEW (self));

  if (self->preview_text == NULL)
    return;

  drop_preview_tags (self);
  gtk_text_buffer_set_text (_gloss_text_view_buffer (self), "", 0);
}

gboolean
_gloss_text_view_take_preview (GlossTextView *self,
                               GlossSource   *source)
{
  GtkTextBuffer *buffer = _gloss_text_view_buffer (self);
  const char *text = gloss_source_get_text (source);
  gsize n_bytes = gloss_source_get_n_bytes (source);
  gboolean kept = FALSE;

  if (self->preview_text != NULL && n_bytes >= self->preview_n_bytes &&
      memcmp (text, self->preview_text, self->preview_n_bytes) == 0)
    {
      GtkTextIter end;

      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, text + self->preview_n_bytes,
                              n_bytes - self->preview_n_bytes);
      kept = TRUE;
    }

  drop_preview_tags (self);
  return kept;
}
