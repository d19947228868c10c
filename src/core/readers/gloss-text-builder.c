/* gloss-text-builder.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-source"

#include "config.h"

#include <string.h>

#include "gloss-text-builder-private.h"

/* A character Gloss added, which comes from no element. */
#define NO_RAW G_MAXUINT
/* A block element whose path nobody asked for yet. */
#define NO_PATH G_MAXUINT
/* A span that holds no text yet. */
#define NO_START G_MAXUINT

#define REPLACEMENT_CHARACTER "\xef\xbf\xbd"

typedef struct
{
  guint          element;   /* the block element, in elements */
  GlossBlockKind kind;
  guint          level;
  gboolean       preformatted;
  guint          raw_start; /* raw count when the element began */
  guint          path;      /* in the map */
} Frame;

typedef struct
{
  GlossSpanKind kind;
  guint         start;      /* where its first character went, or NO_START */
} OpenSpan;

/* White space of a preformatted block waiting for more text: from byte
 * @at of pending_ws on, the characters from @raw on (or NO_RAW). */
typedef struct
{
  guint at;
  guint raw;
} Segment;

struct _GlossTextBuilder
{
  GString        *text;
  guint           length;
  /* Code points of element text met so far, added or skipped. */
  guint           raw;

  GArray         *elements;
  GArray         *frames;
  GArray         *blocks;
  GArray         *spans;
  GlossSourceMap *map;

  /* Spans begun and not ended, innermost last.  Those without text yet
   * are always the last ones: the next character starts them all. */
  GArray         *open_spans;
  gboolean        spans_waiting;

  /* The block being written has text; its kind, level and start. */
  gboolean        in_block;
  GlossBlock      block;

  gboolean        pending_space;
  guint           pending_space_raw;
  guint           pending_breaks;
  gboolean        pre_start;
  GString        *pending_ws;
  GArray         *pending_segments;
};

GlossTextBuilder *
gloss_text_builder_new (gsize size_hint)
{
  GlossTextBuilder *self = g_new0 (GlossTextBuilder, 1);

  self->text = g_string_sized_new (MIN (size_hint, (gsize) G_MAXINT / 2) + 1);
  self->elements = _gloss_text_elements_new ();
  self->frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  self->blocks = g_array_new (FALSE, FALSE, sizeof (GlossBlock));
  self->spans = g_array_new (FALSE, FALSE, sizeof (GlossSpan));
  self->open_spans = g_array_new (FALSE, FALSE, sizeof (OpenSpan));
  self->map = gloss_source_map_new ();
  self->pending_ws = g_string_new (NULL);
  self->pending_segments = g_array_new (FALSE, FALSE, sizeof (Segment));

  return self;
}

static void
free_workings (GlossTextBuilder *self)
{
  g_array_unref (self->elements);
  g_array_unref (self->frames);
  g_array_unref (self->open_spans);
  g_string_free (self->pending_ws, TRUE);
  g_array_unref (self->pending_segments);
  g_free (self);
}

void
gloss_text_builder_free (GlossTextBuilder *self)
{
  if (self == NULL)
    return;

  g_string_free (self->text, TRUE);
  g_array_unref (self->blocks);
  g_array_unref (self->spans);
  gloss_source_map_free (self->map);
  free_workings (self);
}

void
gloss_text_builder_enter (GlossTextBuilder *self,
                          xmlNode          *element)
{
  GlossTextElement entry = { element, NULL, NULL };

  g_return_if_fail (self != NULL);
  g_return_if_fail (element != NULL && element->type == XML_ELEMENT_NODE);
  /* Paths are built from parent to child. */
  g_return_if_fail (self->elements->len == 0 ||
                    g_array_index (self->elements, GlossTextElement,
                                   self->elements->len - 1).node == element->parent);

  g_array_append_val (self->elements, entry);

  /* Only a line feed straight after <pre> is dropped, not one that starts
   * an element inside it. */
  self->pre_start = FALSE;
}

void
gloss_text_builder_enter_ancestors (GlossTextBuilder *self,
                                    xmlNode          *element)
{
  g_autoptr(GPtrArray) ancestors = g_ptr_array_new ();

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->elements->len == 0);

  for (xmlNode *node = element->parent; node != NULL; node = node->parent)
    {
      if (node->type == XML_ELEMENT_NODE)
        g_ptr_array_add (ancestors, node);
    }

  for (guint i = ancestors->len; i > 0; i--)
    gloss_text_builder_enter (self, g_ptr_array_index (ancestors, i - 1));
}

void
gloss_text_builder_leave (GlossTextBuilder *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->elements->len > 0);
  g_return_if_fail (self->frames->len == 0 ||
                    g_array_index (self->frames, Frame, self->frames->len - 1).element <
                    self->elements->len - 1);

  g_array_set_size (self->elements, self->elements->len - 1);
}

static inline Frame *
top_frame (GlossTextBuilder *self)
{
  if (self->frames->len == 0)
    return NULL;

  return &g_array_index (self->frames, Frame, self->frames->len - 1);
}

static void
clear_pending (GlossTextBuilder *self)
{
  self->pending_space = FALSE;
  self->pending_breaks = 0;
  g_string_truncate (self->pending_ws, 0);
  g_array_set_size (self->pending_segments, 0);
}

static void
close_block (GlossTextBuilder *self)
{
  if (self->in_block)
    {
      self->block.end = self->length;
      g_array_append_val (self->blocks, self->block);
      self->in_block = FALSE;
    }

  clear_pending (self);
}

void
gloss_text_builder_begin_block (GlossTextBuilder *self,
                                GlossBlockKind    kind,
                                guint             level,
                                gboolean          preformatted)
{
  Frame *parent;
  Frame frame;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->elements->len > 0);

  close_block (self);

  frame.element = self->elements->len - 1;
  frame.kind = kind;
  frame.level = level;
  frame.preformatted = preformatted;
  frame.raw_start = self->raw;
  frame.path = NO_PATH;

  parent = top_frame (self);
  if (parent != NULL)
    {
      if (kind == GLOSS_BLOCK_PARAGRAPH && parent->kind != GLOSS_BLOCK_PARAGRAPH)
        {
          frame.kind = parent->kind;
          frame.level = parent->level;
        }
      frame.preformatted |= parent->preformatted;
    }

  g_array_append_val (self->frames, frame);
  self->pre_start = preformatted;
}

void
gloss_text_builder_end_block (GlossTextBuilder *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->frames->len > 0);

  close_block (self);
  g_array_set_size (self->frames, self->frames->len - 1);
  self->pre_start = FALSE;
}

/* Appends text taken from the element text at @raw (NO_RAW for text
 * Gloss adds), and notes where it came from. */
static void
append_run (GlossTextBuilder *self,
            const char       *bytes,
            gsize             n_bytes,
            guint             n_chars,
            guint             raw)
{
  Frame *frame = top_frame (self);

  if (raw != NO_RAW && frame != NULL && raw >= frame->raw_start)
    {
      if (frame->path == NO_PATH)
        frame->path = gloss_source_map_add_path (self->map,
                                                 _gloss_text_elements_dup_path (self->elements,
                                                                                frame->element));
      gloss_source_map_add (self->map, self->length, n_chars, frame->path, raw - frame->raw_start);
    }

  g_string_append_len (self->text, bytes, n_bytes);
  self->length += n_chars;
}

static void
flush_pending_ws (GlossTextBuilder *self)
{
  for (guint i = 0; i < self->pending_segments->len; i++)
    {
      Segment *segment = &g_array_index (self->pending_segments, Segment, i);
      guint end = self->pending_ws->len;

      if (i + 1 < self->pending_segments->len)
        end = g_array_index (self->pending_segments, Segment, i + 1).at;

      /* Only ASCII white space waits here: bytes and characters agree. */
      append_run (self, self->pending_ws->str + segment->at, end - segment->at,
                  end - segment->at, segment->raw);
    }

  g_string_truncate (self->pending_ws, 0);
  g_array_set_size (self->pending_segments, 0);
}

/* What comes before new text: the blank line that starts a block, or the
 * line breaks and the space waiting inside one. */
static void
start_text (GlossTextBuilder *self)
{
  if (!self->in_block)
    {
      Frame *frame = top_frame (self);

      if (self->length > 0)
        append_run (self, "\n\n", 2, 2, NO_RAW);

      self->in_block = TRUE;
      self->block.start = self->length;
      self->block.kind = frame != NULL ? frame->kind : GLOSS_BLOCK_PARAGRAPH;
      self->block.level = frame != NULL ? frame->level : 0;
    }

  if (self->pending_breaks > 0)
    {
      for (; self->pending_breaks > 0; self->pending_breaks--)
        append_run (self, "\n", 1, 1, NO_RAW);
      self->pending_space = FALSE;
    }
  else if (self->pending_space)
    {
      self->pending_space = FALSE;
      append_run (self, " ", 1, 1, self->pending_space_raw);
    }

  flush_pending_ws (self);
}

/* Text is about to be added: the spans waiting for it start here. */
static void
start_spans (GlossTextBuilder *self)
{
  if (!self->spans_waiting)
    return;

  for (guint i = self->open_spans->len; i > 0; i--)
    {
      OpenSpan *open = &g_array_index (self->open_spans, OpenSpan, i - 1);

      if (open->start != NO_START)
        break;
      open->start = self->length;
    }

  self->spans_waiting = FALSE;
}

static inline gboolean
is_space (guchar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static inline gboolean
is_control (guchar c)
{
  return c < 0x20 || c == 0x7f;
}

/* @p is at a character that is neither ASCII white space nor an ASCII
 * control: adds it and the ones after it up to the next such character,
 * in one piece.  Returns where it stopped. */
static const char *
add_word (GlossTextBuilder *self,
          const char       *p)
{
  const char *start = p;
  gunichar c;
  guint n = 0;

  for (;;)
    {
      guchar byte = *p;

      if (byte == '\0' || is_space (byte) || is_control (byte))
        break;

      if (byte < 0x80)
        {
          p++;
          n++;
          continue;
        }

      c = g_utf8_get_char_validated (p, -1);
      if (c >= (gunichar) -2 || (c >= 0x80 && c < 0xa0))
        break;

      p = g_utf8_next_char (p);
      n++;
    }

  if (n > 0)
    {
      start_text (self);
      start_spans (self);
      append_run (self, start, p - start, n, self->raw);
      self->raw += n;
      return p;
    }

  c = g_utf8_get_char_validated (p, -1);
  self->raw++;

  /* A C1 control, dropped like the others. */
  if (c < (gunichar) -2)
    return g_utf8_next_char (p);

  /* A byte that is not UTF-8, as a browser shows it. */
  start_text (self);
  start_spans (self);
  append_run (self, REPLACEMENT_CHARACTER, 3, 1, self->raw - 1);
  return p + 1;
}

static void
add_flowing (GlossTextBuilder *self,
             const char       *p)
{
  while (*p != '\0')
    {
      guchar byte = *p;

      if (is_space (byte))
        {
          if (self->in_block && self->pending_breaks == 0 && !self->pending_space)
            {
              self->pending_space = TRUE;
              self->pending_space_raw = self->raw;
            }
          self->raw++;
          p++;
        }
      else if (is_control (byte))
        {
          self->raw++;
          p++;
        }
      else
        {
          p = add_word (self, p);
        }
    }
}

static void
add_pending_ws (GlossTextBuilder *self,
                char              c,
                guint             raw)
{
  guint at = self->pending_ws->len;
  gboolean follows = FALSE;

  if (self->pending_segments->len > 0 && raw != NO_RAW)
    {
      Segment *last = &g_array_index (self->pending_segments, Segment,
                                      self->pending_segments->len - 1);

      follows = last->raw != NO_RAW && last->raw + (at - last->at) == raw;
    }

  if (!follows)
    {
      Segment segment = { at, raw };

      g_array_append_val (self->pending_segments, segment);
    }

  g_string_append_c (self->pending_ws, c);
}

static void
add_preformatted (GlossTextBuilder *self,
                  const char       *p)
{
  while (*p != '\0')
    {
      guchar byte = *p;

      if (byte == '\r' && p[1] == '\n')
        {
          /* The line feed after it stands for both. */
          self->raw++;
          p++;
          continue;
        }

      if (is_space (byte))
        {
          gboolean first = self->pre_start;

          self->pre_start = FALSE;
          if (!(first && byte == '\n' && !self->in_block && self->pending_ws->len == 0))
            add_pending_ws (self, byte == '\r' ? '\n' : (char) byte, self->raw);
          self->raw++;
          p++;
          continue;
        }

      self->pre_start = FALSE;

      if (is_control (byte))
        {
          self->raw++;
          p++;
          continue;
        }

      p = add_word (self, p);
    }
}

static void
add_string (GlossTextBuilder *self,
            const char       *str)
{
  Frame *frame = top_frame (self);

  if (frame != NULL && frame->preformatted)
    add_preformatted (self, str);
  else
    add_flowing (self, str);
}

void
gloss_text_builder_add (GlossTextBuilder *self,
                        const xmlNode    *node)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (node != NULL);

  switch ((int) node->type)
    {
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
      if (node->content != NULL)
        add_string (self, (const char *) node->content);
      break;

    case XML_ENTITY_REF_NODE:
      {
        g_autofree char *reference = g_strdup_printf ("&%s;", (const char *) node->name);

        add_string (self, reference);
      }
      break;

    default:
      break;
    }
}

/* Code points as add() counts them: a byte that is not UTF-8 is one. */
static guint
count_chars (const char *p)
{
  guint n = 0;

  while (*p != '\0')
    {
      if ((guchar) *p < 0x80)
        {
          p++;
        }
      else
        {
          gunichar c = g_utf8_get_char_validated (p, -1);

          p = c < (gunichar) -2 ? g_utf8_next_char (p) : p + 1;
        }
      n++;
    }

  return n;
}

void
gloss_text_builder_skip (GlossTextBuilder *self,
                         const xmlNode    *node)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (node != NULL);

  switch ((int) node->type)
    {
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
      if (node->content != NULL)
        self->raw += count_chars ((const char *) node->content);
      break;

    case XML_ENTITY_REF_NODE:
      self->raw += count_chars ((const char *) node->name) + 2;
      break;

    case XML_ELEMENT_NODE:
      /* As deep as the parse allowed, which is not very. */
      for (const xmlNode *child = node->children; child != NULL; child = child->next)
        gloss_text_builder_skip (self, child);
      break;

    default:
      break;
    }
}

void
gloss_text_builder_add_line_break (GlossTextBuilder *self)
{
  Frame *frame;

  g_return_if_fail (self != NULL);

  frame = top_frame (self);
  if (frame != NULL && frame->preformatted)
    {
      self->pre_start = FALSE;
      add_pending_ws (self, '\n', NO_RAW);
    }
  else if (self->in_block)
    {
      self->pending_breaks++;
      self->pending_space = FALSE;
    }
}

void
gloss_text_builder_begin_span (GlossTextBuilder *self,
                               GlossSpanKind     kind)
{
  OpenSpan open = { kind, NO_START };

  g_return_if_fail (self != NULL);

  g_array_append_val (self->open_spans, open);
  self->spans_waiting = TRUE;
}

void
gloss_text_builder_end_span (GlossTextBuilder *self)
{
  OpenSpan *open;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->open_spans->len > 0);

  open = &g_array_index (self->open_spans, OpenSpan, self->open_spans->len - 1);

  /* White space after the last character is still pending, so the length
   * is where that character ends. */
  if (open->start != NO_START && self->length > open->start)
    {
      GlossSpan span = { open->start, self->length, open->kind };

      g_array_append_val (self->spans, span);
    }

  g_array_set_size (self->open_spans, self->open_spans->len - 1);
}

guint
gloss_text_builder_get_length (GlossTextBuilder *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->length;
}

char *
gloss_text_builder_finish (GlossTextBuilder  *self,
                           GArray           **blocks,
                           GArray           **spans,
                           GlossSourceMap   **map)
{
  gsize n_bytes;
  char *text;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (blocks != NULL && spans != NULL && map != NULL, NULL);

  close_block (self);
  while (self->open_spans->len > 0)
    gloss_text_builder_end_span (self);

  n_bytes = self->text->len;
  text = g_string_free (self->text, FALSE);
  /* The buffer was sized for the whole file; the text keeps only what it
   * needs for as long as the article is open. */
  text = g_realloc (text, n_bytes + 1);

  gloss_source_map_trim (self->map);
  *blocks = self->blocks;
  *spans = self->spans;
  *map = self->map;
  free_workings (self);

  return text;
}
