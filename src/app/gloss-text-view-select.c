/* gloss-text-view-select.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Selecting by sentence and by paragraph: the paragraph is the block of
 * the article's structure at the cursor; the sentence is found in that
 * block by Unicode's sentence boundaries (Pango's), except after the
 * abbreviations and initials that a full stop does not end a sentence
 * with ("M. Dupont", "J. Martin").  Both drop the spaces around them. */

#define G_LOG_DOMAIN "gloss-text-view"

#include "config.h"

#include <string.h>

#include "gloss-text-view-private.h"

/* Words followed by a full stop that usually do not end a sentence, in
 * the languages Gloss is translated into. */
static const char * const abbreviations[] = {
  "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Me", "Mgr", "Dr", "Pr", "St", "Ste",
  "Mr", "Mrs", "Ms", "Prof", "Sr", "Jr", "cf", "p", "pp", "vol", "no", "art", "av", "bd",
  "vs", "env", "ex", "fig", "chap",
};

/* The block of the article that holds @offset, or NULL (between blocks). */
static const GlossBlock *
block_at (GlossSource *source,
          guint        offset)
{
  guint index;

  if (!gloss_source_find_block (source, offset, &index))
    return NULL;

  return &gloss_source_get_blocks (source, NULL)[index];
}

/* TRUE when the word that ends just before @p (a full stop) is an
 * abbreviation or an initial. */
static gboolean
ends_with_abbreviation (const char *start,
                        const char *dot)
{
  const char *word = dot;
  gsize length;

  while (word > start)
    {
      const char *prev = g_utf8_prev_char (word);

      if (!g_unichar_isalpha (g_utf8_get_char (prev)))
        break;
      word = prev;
    }

  length = dot - word;
  if (length == 0)
    return FALSE;
  /* An initial: one capital letter. */
  if (g_utf8_strlen (word, length) == 1 && g_unichar_isupper (g_utf8_get_char (word)))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (abbreviations); i++)
    if (strlen (abbreviations[i]) == length && strncmp (word, abbreviations[i], length) == 0)
      return TRUE;

  return FALSE;
}

/* Moves [*start, *end) of @text (code points from @base) inwards past
 * white space. */
static void
trim_range (const char *text,
            guint       base,
            guint      *start,
            guint      *end)
{
  while (*start < *end && g_unichar_isspace (g_utf8_get_char (g_utf8_offset_to_pointer (text, *start - base))))
    (*start)++;
  while (*end > *start && g_unichar_isspace (g_utf8_get_char (g_utf8_offset_to_pointer (text, *end - 1 - base))))
    (*end)--;
}

gboolean
gloss_text_view_sentence_at (GlossSource *source,
                             guint        offset,
                             guint       *start,
                             guint       *end)
{
  const GlossBlock *block;
  const char *text;
  const char *block_text;
  g_autofree PangoLogAttr *attrs = NULL;
  gsize length;
  guint n_chars, first = 0, last;

  g_return_val_if_fail (GLOSS_IS_SOURCE (source), FALSE);

  block = block_at (source, offset);
  if (block == NULL || block->end <= block->start)
    return FALSE;

  text = gloss_source_get_text (source);
  block_text = g_utf8_offset_to_pointer (text, block->start);
  length = g_utf8_offset_to_pointer (block_text, block->end - block->start) - block_text;
  n_chars = block->end - block->start;
  attrs = g_new0 (PangoLogAttr, n_chars + 1);
  pango_get_log_attrs (block_text, length, -1, NULL, attrs, n_chars + 1);

  /* The last sentence start at or before the cursor, skipping those
   * after an abbreviation, and the next one after it. */
  last = n_chars;
  for (guint i = 1; i < n_chars; i++)
    {
      const char *p;
      const char *q;
      GUnicodeType type;
      guint start_at;

      if (!attrs[i].is_sentence_start)
        continue;

      /* French puts a space before a closing guillemet, where Unicode
       * would start a sentence with it: it closes the sentence before,
       * and the next one starts after it. */
      p = g_utf8_offset_to_pointer (block_text, i);
      start_at = i;
      while (start_at < n_chars &&
             ((type = g_unichar_type (g_utf8_get_char (p))) == G_UNICODE_FINAL_PUNCTUATION ||
              type == G_UNICODE_CLOSE_PUNCTUATION || g_unichar_isspace (g_utf8_get_char (p))))
        {
          p = g_utf8_next_char (p);
          start_at++;
        }
      if (start_at == n_chars)
        break;
      if (start_at != i)
        {
          if (block->start + start_at <= offset)
            first = start_at;
          else
            {
              last = start_at;
              break;
            }
          continue;
        }

      /* The full stop before the spaces, if any. */
      q = p;
      while (q > block_text && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (q))))
        q = g_utf8_prev_char (q);
      if (q > block_text && *g_utf8_prev_char (q) == '.' &&
          ends_with_abbreviation (block_text, g_utf8_prev_char (q)))
        continue;

      if (block->start + i <= offset)
        first = i;
      else
        {
          last = i;
          break;
        }
    }

  *start = block->start + first;
  *end = block->start + last;
  trim_range (block_text, block->start, start, end);
  return *end > *start;
}

gboolean
gloss_text_view_paragraph_at (GlossSource *source,
                              guint        offset,
                              guint       *start,
                              guint       *end)
{
  const GlossBlock *block;

  g_return_val_if_fail (GLOSS_IS_SOURCE (source), FALSE);

  block = block_at (source, offset);
  if (block == NULL)
    return FALSE;

  *start = block->start;
  *end = block->end;
  trim_range (g_utf8_offset_to_pointer (gloss_source_get_text (source), block->start),
              block->start, start, end);
  return *end > *start;
}

/* The offset of the insertion cursor. */
static guint
cursor_offset (GlossTextView *self)
{
  GtkTextBuffer *buffer = _gloss_text_view_buffer (self);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&iter);
}

static gboolean
select_with (GlossTextView *self,
             guint          offset,
             gboolean     (*find) (GlossSource *, guint, guint *, guint *))
{
  guint start, end;

  if (self->source == NULL || !find (self->source, offset, &start, &end))
    return FALSE;

  gloss_text_view_select_range (self, start, end);
  return TRUE;
}

gboolean
gloss_text_view_select_sentence (GlossTextView *self)
{
  g_return_val_if_fail (GLOSS_IS_TEXT_VIEW (self), FALSE);
  return select_with (self, cursor_offset (self), gloss_text_view_sentence_at);
}

gboolean
gloss_text_view_select_paragraph (GlossTextView *self)
{
  g_return_val_if_fail (GLOSS_IS_TEXT_VIEW (self), FALSE);
  return select_with (self, cursor_offset (self), gloss_text_view_paragraph_at);
}

/* A triple click selects the sentence, where GTK would select the line:
 * claiming the press keeps the text view's own gesture out. */
static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            GlossTextView   *self)
{
  guint offset;

  if (n_press != 3 || !_gloss_text_view_offset_at (self, x, y, &offset))
    return;

  if (select_with (self, offset, gloss_text_view_sentence_at))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

void
_gloss_text_view_init_select (GlossTextView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (click), "gloss-triple-click");
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}
