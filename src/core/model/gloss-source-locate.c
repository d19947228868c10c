/* gloss-source-locate.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the HTML and XML readers give a source besides its text: the map of
 * where each character came from in the file, with the locating of a
 * character or a range through it, the inline spans (emphasis, links),
 * and the warnings about what the reader could not keep. */

#define G_LOG_DOMAIN "gloss-source"

#include "config.h"

#include <string.h>

#include "gloss-source-map.h"
#include "gloss-source-private.h"

void
_gloss_source_set_map (GlossSource    *self,
                       GlossSourceMap *map)
{
  g_return_if_fail (GLOSS_IS_SOURCE (self));

  g_clear_pointer (&self->map, gloss_source_map_free);
  self->map = map;
}

void
_gloss_source_add_warning (GlossSource *self,
                           char        *warning)
{
  g_return_if_fail (GLOSS_IS_SOURCE (self));
  g_return_if_fail (warning != NULL);

  g_ptr_array_add (self->warnings, warning);
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const GlossSpan *span_a = a;
  const GlossSpan *span_b = b;

  if (span_a->start != span_b->start)
    return span_a->start < span_b->start ? -1 : 1;

  /* The outer of two spans that start together comes first. */
  if (span_a->end != span_b->end)
    return span_a->end > span_b->end ? -1 : 1;

  return (int) span_a->kind - (int) span_b->kind;
}

void
_gloss_source_set_spans (GlossSource *self,
                         GArray      *spans)
{
  guint length;
  guint i;

  g_return_if_fail (GLOSS_IS_SOURCE (self));
  g_return_if_fail (spans == NULL ||
                    g_array_get_element_size (spans) == sizeof (GlossSpan));

  g_clear_pointer (&self->spans, g_array_unref);
  if (spans == NULL)
    return;

  length = gloss_source_get_length (self);
  for (i = spans->len; i > 0; i--)
    {
      GlossSpan *span = &g_array_index (spans, GlossSpan, i - 1);

      span->end = MIN (span->end, length);
      if (span->start >= span->end)
        g_array_remove_index (spans, i - 1);
    }

  g_array_sort (spans, compare_spans);
  self->spans = spans;
}

/**
 * gloss_source_get_spans:
 * @self: a #GlossSource
 * @n_spans: (out) (optional): the number of spans
 *
 * The inline emphasis of an article read from HTML or XML: italic (em, i,
 * cite, TEI emph and hi with an italic rendition, JATS italic) and bold
 * (strong, b, TEI hi with a bold rendition, JATS bold).  Spans are never
 * empty; nested elements give nested spans.
 *
 * Returns: (array length=n_spans) (transfer none) (nullable): the spans
 *   sorted by start, the longest first among those starting together,
 *   and by kind among those over the same text;
 *   %NULL, with *@n_spans set to 0, when there are none (always for plain
 *   text)
 */
const GlossSpan *
gloss_source_get_spans (GlossSource *self,
                        guint       *n_spans)
{
  if (n_spans != NULL)
    *n_spans = 0;

  g_return_val_if_fail (GLOSS_IS_SOURCE (self), NULL);

  if (self->spans == NULL || self->spans->len == 0)
    return NULL;

  if (n_spans != NULL)
    *n_spans = self->spans->len;

  return (const GlossSpan *) (gpointer) self->spans->data;
}

/**
 * gloss_source_get_warnings:
 * @self: a #GlossSource
 *
 * What went wrong while the article was read without stopping it: a page
 * that seems cut short, XML that is not well-formed, an encoding Gloss
 * does not know.  Each is a sentence naming the file, for the user.
 *
 * Returns: (transfer none) (element-type utf8): the warnings; empty for
 *   plain text and for most pages
 */
GPtrArray *
gloss_source_get_warnings (GlossSource *self)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), NULL);

  return self->warnings;
}

/**
 * gloss_source_locate:
 * @self: a #GlossSource
 * @offset: a code point of the text
 * @xpath: (out) (optional) (transfer full): the element the character at
 *   @offset comes from, such as "/html/body/article/p[3]"
 * @element_offset: (out) (optional): where it is in that element's text
 *   content, in code points
 *
 * Finds where a character of an article read from HTML or XML is in the
 * original file, for an XPathSelector refined by a TextPositionSelector.
 * The element is the innermost block (paragraph, heading, list item...)
 * around the character; its text content is every text node in it, in
 * document order, as libxml2 parsed the file.  An offset on text Gloss
 * added (the blank line between blocks, a line break) or at the end of the
 * text is located just after the element text before it.  A range is
 * better located with _gloss_source_locate_range(), which leaves out text
 * the reader skipped (a footnote) just before or after it.
 *
 * Returns: %TRUE when the source has such a map (it came from HTML or XML
 *   and has text); %FALSE for plain text
 */
gboolean
gloss_source_locate (GlossSource  *self,
                     guint         offset,
                     char        **xpath,
                     guint        *element_offset)
{
  const char *path = NULL;
  guint in_element = 0;

  g_return_val_if_fail (GLOSS_IS_SOURCE (self), FALSE);

  if (self->map == NULL || !gloss_source_map_locate (self->map, offset, &path, &in_element))
    return FALSE;

  if (xpath != NULL)
    *xpath = g_strdup (path);
  if (element_offset != NULL)
    *element_offset = in_element;

  return TRUE;
}

gboolean
_gloss_source_locate_range (GlossSource  *self,
                            guint         start,
                            guint         end,
                            char        **start_xpath,
                            guint        *start_offset,
                            char        **end_xpath,
                            guint        *end_offset)
{
  const char *from = NULL;
  const char *to = NULL;

  g_return_val_if_fail (GLOSS_IS_SOURCE (self), FALSE);

  if (self->map == NULL ||
      !gloss_source_map_locate_range (self->map, start, end, &from, start_offset, &to, end_offset))
    return FALSE;

  *start_xpath = g_strdup (from);
  *end_xpath = g_strdup (to);

  return TRUE;
}
