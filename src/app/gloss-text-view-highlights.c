/* gloss-text-view-highlights.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */


#define G_LOG_DOMAIN "gloss-text-view"

#include "config.h"

#include "gloss-search.h"
#include "gloss-text-view-private.h"

/* The highlights: one GtkTextTag per codebook tag, kept in step with the
 * layer's changes, and applied from scratch in idle slices for long
 * layers. */

const char *
_gloss_text_view_color_of (GlossTextView *self,
          const char    *tag_id)
{
  GlossTag *tag = NULL;

  if (self->file != NULL)
    tag = gloss_annotation_file_lookup_tag (self->file, tag_id);
  else if (self->codebook != NULL)
    tag = gloss_codebook_lookup (self->codebook, tag_id);

  /* Tags neither in the codebook nor described by the file show in grey. */
  return tag ? gloss_tag_get_color (tag) : "#77767b";
}

void
_gloss_text_view_parse_color (const char *spec,
             double      alpha,
             GdkRGBA    *rgba)
{
  if (!gdk_rgba_parse (rgba, spec))
    gdk_rgba_parse (rgba, "#77767b");
  rgba->alpha = alpha;
}

GtkTextTag *
_gloss_text_view_ensure_highlight_tag (GlossTextView *self,
                      const char    *tag_id)
{
  GtkTextTag *tag = g_hash_table_lookup (self->highlight_tags, tag_id);
  g_autofree char *name = NULL;
  GdkRGBA rgba;

  if (tag != NULL)
    return tag;

  name = gloss_text_view_tag_name (tag_id);
  _gloss_text_view_parse_color (_gloss_text_view_color_of (self, tag_id), HIGHLIGHT_ALPHA, &rgba);
  tag = gtk_text_buffer_create_tag (_gloss_text_view_buffer (self), name, "background-rgba", &rgba, NULL);
  g_hash_table_insert (self->highlight_tags, g_strdup (tag_id), tag);

  return tag;
}

/* Makes the highlights of [start, end) match the layer again. */
static void
refresh_range (GlossTextView *self,
               guint          start,
               guint          end)
{
  g_autoptr(GPtrArray) found = NULL;
  GtkTextBuffer *buffer = _gloss_text_view_buffer (self);
  GtkTextIter s, e;
  GHashTableIter iter;
  gpointer value;

  if (start >= end)
    return;

  _gloss_text_view_get_iters (self, start, end, &s, &e);
  g_hash_table_iter_init (&iter, self->highlight_tags);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    gtk_text_buffer_remove_tag (buffer, value, &s, &e);

  found = gloss_layer_get_overlapping (self->layer, start, end);
  for (guint i = 0; i < found->len; i++)
    {
      GlossAnnotation *a = g_ptr_array_index (found, i);
      GtkTextIter as, ae;

      _gloss_text_view_get_iters (self,
                 MAX (start, gloss_annotation_get_start (a)),
                 MIN (end, gloss_annotation_get_end (a)),
                 &as, &ae);
      gtk_text_buffer_apply_tag (buffer, _gloss_text_view_ensure_highlight_tag (self, gloss_annotation_get_tag (a)),
                                 &as, &ae);
    }
}

static int
compare_runs (gconstpointer a,
              gconstpointer b)
{
  const GlossTagRun *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

/* Applies pending runs, in text order, until @deadline (monotonic time;
 * 0 for no limit).  Returns TRUE when some are left. */
static gboolean
apply_pending (GlossTextView *self,
               gint64         deadline)
{
  GtkTextBuffer *buffer = _gloss_text_view_buffer (self);

  while (self->pending_index < self->pending->len)
    {
      GlossTagRun *r = &g_array_index (self->pending, GlossTagRun, self->pending_index++);
      GtkTextIter s, e;

      _gloss_text_view_get_iters (self, r->start, r->end, &s, &e);
      gtk_text_buffer_apply_tag (buffer, r->tag, &s, &e);
      self->applied_until = r->start;

      if (deadline != 0 && (self->pending_index & 63) == 0 && g_get_monotonic_time () > deadline)
        return TRUE;
    }

  g_array_set_size (self->pending, 0);
  self->pending_index = 0;
  self->applied_until = G_MAXUINT;
  return FALSE;
}

static gboolean
apply_pending_slice (gpointer data)
{
  GlossTextView *self = data;

  if (apply_pending (self, g_get_monotonic_time () + HIGHLIGHT_SLICE_USEC))
    return G_SOURCE_CONTINUE;

  self->pending_idle = 0;
  return G_SOURCE_REMOVE;
}

/* A part of the text the highlighting has not reached yet comes on
 * screen: highlight it first. */
void
_gloss_text_view_on_scrolled (GlossTextView *self)
{
  guint start, end;

  if (self->pending_idle != 0 && _gloss_text_view_get_visible_offsets (self, &start, &end) &&
      end > self->applied_until)
    refresh_range (self, MAX (start, self->applied_until), end);
}

/* Computes every highlight from scratch: the spans of one tag are merged
 * into runs first, so the buffer sees one range per run rather than one
 * per annotation.  A long layer is highlighted from the top of the text in
 * idle slices, the first screenfuls at once, so that a large article shows
 * without waiting for its last highlight. */
void
_gloss_text_view_rebuild_highlights (GlossTextView *self)
{
  g_autoptr(GHashTable) last_run = g_hash_table_new (NULL, NULL);
  GtkTextBuffer *buffer = _gloss_text_view_buffer (self);
  GListModel *model = G_LIST_MODEL (self->layer);
  guint n = g_list_model_get_n_items (model);
  GtkTextIter s, e;
  GHashTableIter iter;
  gpointer value;

  g_clear_handle_id (&self->pending_idle, g_source_remove);
  g_array_set_size (self->pending, 0);
  self->pending_index = 0;

  gtk_text_buffer_get_bounds (buffer, &s, &e);
  g_hash_table_iter_init (&iter, self->highlight_tags);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    gtk_text_buffer_remove_tag (buffer, value, &s, &e);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (model, i);
      GtkTextTag *tag = _gloss_text_view_ensure_highlight_tag (self, gloss_annotation_get_tag (a));
      guint start = gloss_annotation_get_start (a);
      guint end = gloss_annotation_get_end (a);
      gpointer last = NULL;

      /* The model is sorted by start, so a tag's run only grows at its
       * end: extend the tag's last run or begin a new one. */
      if (g_hash_table_lookup_extended (last_run, tag, NULL, &last))
        {
          GlossTagRun *r = &g_array_index (self->pending, GlossTagRun, GPOINTER_TO_UINT (last));

          if (start <= r->end)
            {
              r->end = MAX (r->end, end);
              continue;
            }
        }

      {
        GlossTagRun r = { start, end, tag };

        g_array_append_val (self->pending, r);
        g_hash_table_insert (last_run, tag, GUINT_TO_POINTER (self->pending->len - 1));
      }
    }

  /* Runs were appended as they began, so they are already nearly in
   * order; sorting makes the walk strictly forward. */
  g_array_sort (self->pending, compare_runs);
  self->applied_until = 0;

  if (self->pending->len <= HIGHLIGHT_AT_ONCE)
    {
      apply_pending (self, 0);
      return;
    }

  /* The first screenfuls now, the rest in the background. */
  while (self->pending_index < self->pending->len &&
         g_array_index (self->pending, GlossTagRun, self->pending_index).start < FIRST_SCREENS)
    {
      GlossTagRun *r = &g_array_index (self->pending, GlossTagRun, self->pending_index++);

      _gloss_text_view_get_iters (self, r->start, r->end, &s, &e);
      gtk_text_buffer_apply_tag (buffer, r->tag, &s, &e);
      self->applied_until = r->start;
    }
  self->pending_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, apply_pending_slice, self, NULL);
}

/* Highlights still waiting were computed before a change of [start, end),
 * which refresh_range has just highlighted from the layer: keep them out
 * of that range, so that a removed annotation does not come back. */
static void
clip_pending (GlossTextView *self,
              guint          start,
              guint          end)
{
  GtkTextBuffer *buffer = _gloss_text_view_buffer (self);

  if (self->pending_idle == 0)
    return;

  for (guint i = self->pending_index; i < self->pending->len; i++)
    {
      GlossTagRun *r = &g_array_index (self->pending, GlossTagRun, i);

      if (r->start >= end || r->end <= start)
        continue;

      /* The part after the range cannot wait its turn (the array is in
       * order of start): it is applied now, the part before stays. */
      if (r->end > end)
        {
          GtkTextIter s, e;

          _gloss_text_view_get_iters (self, end, r->end, &s, &e);
          gtk_text_buffer_apply_tag (buffer, r->tag, &s, &e);
        }
      r->end = MAX (r->start, MIN (r->end, start));
    }
}

static GlossTextSpan
span_of_item (GListModel *model,
              guint       position)
{
  g_autoptr(GlossAnnotation) a = g_list_model_get_item (model, position);

  return (GlossTextSpan) { gloss_annotation_get_start (a), gloss_annotation_get_end (a) };
}

void
_gloss_text_view_reset_mirror (GlossTextView *self)
{
  GListModel *model = G_LIST_MODEL (self->layer);
  guint n = g_list_model_get_n_items (model);

  g_array_set_size (self->mirror, 0);
  for (guint i = 0; i < n; i++)
    {
      GlossTextSpan span = span_of_item (model, i);
      g_array_append_val (self->mirror, span);
    }
}

void
_gloss_text_view_on_items_changed (GListModel    *model,
                  guint          position,
                  guint          removed,
                  guint          added,
                  GlossTextView *self)
{
  g_autoptr(GArray) dirty = g_array_new (FALSE, FALSE, sizeof (GlossTextSpan));

  if (removed + added > BULK_CHANGE)
    {
      _gloss_text_view_reset_mirror (self);
      _gloss_text_view_rebuild_highlights (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  g_array_append_vals (dirty, &g_array_index (self->mirror, GlossTextSpan, position), removed);
  g_array_remove_range (self->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    {
      GlossTextSpan span = span_of_item (model, position + i);

      g_array_insert_val (self->mirror, position + i, span);
      g_array_append_val (dirty, span);
    }

  for (guint i = 0; i < dirty->len; i++)
    {
      GlossTextSpan *span = &g_array_index (dirty, GlossTextSpan, i);

      refresh_range (self, span->start, span->end);
      clip_pending (self, span->start, span->end);
    }

  if (self->selected != NULL && gloss_layer_index_of (self->layer, self->selected) < 0)
    gloss_text_view_select (self, NULL, FALSE);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}
