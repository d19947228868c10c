/* gloss-text-index.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-text-index"

#include "config.h"

#include <string.h>

#include "gloss-text-index.h"
#include "gloss-utf8-words.h"

/* Code points between two checkpoints.  A power of two, so that finding the
 * checkpoint before an offset is a shift and the walk after it is short. */
#define STRIDE_SHIFT 8
#define STRIDE       (1u << STRIDE_SHIFT)

struct _GlossTextIndex
{
  const guchar *text;
  gsize         n_bytes;
  guint         length;

  /* NULL when the text is pure ASCII: offsets and bytes are then the same.
   * Otherwise checkpoints[k] is the byte offset of code point k * STRIDE. */
  gsize        *checkpoints;
  guint         n_checkpoints;
};

static gboolean
text_is_ascii (const guchar *text,
               gsize         n_bytes)
{
  gsize i = 0;

  for (; i + 8 <= n_bytes; i += 8)
    {
      if (gloss_utf8_load_word (text + i) & GLOSS_UTF8_HIGH_BITS)
        return FALSE;
    }

  for (; i < n_bytes; i++)
    {
      if (text[i] & 0x80)
        return FALSE;
    }

  return TRUE;
}

static void
build_checkpoints (GlossTextIndex *index)
{
  const guchar *text = index->text;
  gsize n_bytes = index->n_bytes;
  guint count = 0;
  guint next = STRIDE;
  gsize i = 0;

  /* A text never has more code points than bytes, which bounds the array. */
  index->checkpoints = g_new (gsize, n_bytes / STRIDE + 1);
  index->checkpoints[0] = 0;
  index->n_checkpoints = 1;

  while (i < n_bytes)
    {
      gsize stop;

      if (i + 8 <= n_bytes)
        {
          guint lead = gloss_utf8_count_leading (gloss_utf8_load_word (text + i));

          /* The characters starting in these eight bytes are numbered
           * count to count + lead - 1; skip them whole unless one of them
           * is due a checkpoint. */
          if (count + lead <= next)
            {
              count += lead;
              i += 8;
              continue;
            }
          stop = i + 8;
        }
      else
        {
          stop = n_bytes;
        }

      for (; i < stop; i++)
        {
          if (!gloss_utf8_is_leading_byte (text[i]))
            continue;

          if (count == next)
            {
              index->checkpoints[index->n_checkpoints++] = i;
              next += STRIDE;
            }
          count++;
        }
    }

  index->length = count;
}

/**
 * gloss_text_index_new:
 * @text: valid UTF-8, which must outlive the index
 * @n_bytes: the length of @text in bytes
 *
 * Builds the index in one pass over the text.
 *
 * Returns: (transfer full): a new index
 */
GlossTextIndex *
gloss_text_index_new (const char *text,
                      gsize       n_bytes)
{
  GlossTextIndex *index;

  g_return_val_if_fail (text != NULL || n_bytes == 0, NULL);
  /* Offsets are guint, so a text must have fewer code points than that. */
  g_return_val_if_fail (n_bytes < G_MAXUINT, NULL);

  index = g_new0 (GlossTextIndex, 1);
  index->text = (const guchar *) text;
  index->n_bytes = n_bytes;

  if (n_bytes == 0 || text_is_ascii (index->text, n_bytes))
    index->length = (guint) n_bytes;
  else
    build_checkpoints (index);

  return index;
}

void
gloss_text_index_free (GlossTextIndex *index)
{
  if (index == NULL)
    return;

  g_free (index->checkpoints);
  g_free (index);
}

guint
gloss_text_index_get_length (GlossTextIndex *index)
{
  g_return_val_if_fail (index != NULL, 0);

  return index->length;
}

gsize
gloss_text_index_offset_to_byte (GlossTextIndex *index,
                                 guint           offset)
{
  const guchar *text;
  gsize n_bytes;
  guint remaining;
  gsize i;

  g_return_val_if_fail (index != NULL, 0);

  if (offset >= index->length)
    return index->n_bytes;

  if (index->checkpoints == NULL)
    return offset;

  text = index->text;
  n_bytes = index->n_bytes;
  i = index->checkpoints[offset >> STRIDE_SHIFT];

  /* The answer is the leading byte numbered @remaining from the checkpoint
   * on; whole words that hold no more leading bytes than that are skipped. */
  remaining = offset & (STRIDE - 1);
  for (; i + 8 <= n_bytes; i += 8)
    {
      guint lead = gloss_utf8_count_leading (gloss_utf8_load_word (text + i));

      if (lead > remaining)
        break;
      remaining -= lead;
    }

  for (; i < n_bytes; i++)
    {
      if (!gloss_utf8_is_leading_byte (text[i]))
        continue;
      if (remaining == 0)
        return i;
      remaining--;
    }

  return n_bytes;
}

guint
gloss_text_index_byte_to_offset (GlossTextIndex *index,
                                 gsize           byte)
{
  guint low;
  guint high;
  guint offset;
  gsize i;

  g_return_val_if_fail (index != NULL, 0);

  if (byte >= index->n_bytes)
    return index->length;

  if (index->checkpoints == NULL)
    return (guint) byte;

  /* The last checkpoint at or before @byte; checkpoints[0] is 0, so one
   * always exists. */
  low = 0;
  high = index->n_checkpoints;
  while (high - low > 1)
    {
      guint mid = low + (high - low) / 2;

      if (index->checkpoints[mid] <= byte)
        low = mid;
      else
        high = mid;
    }

  /* Counting the characters that start before @byte means a byte in the
   * middle of a character, which the contract rules out, gives the offset
   * of the character after it rather than reading out of bounds. */
  offset = low << STRIDE_SHIFT;
  i = index->checkpoints[low];
  for (; i + 8 <= byte; i += 8)
    offset += gloss_utf8_count_leading (gloss_utf8_load_word (index->text + i));
  for (; i < byte; i++)
    {
      if (gloss_utf8_is_leading_byte (index->text[i]))
        offset++;
    }

  return offset;
}
