/* gloss-anchor.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-anchor"

#include "config.h"

#include <string.h>

#include "gloss-anchor.h"

typedef struct
{
  gboolean found;
  gsize byte;
  guint score;
  guint distance;
} Candidate;

/* How many characters of @prefix, read backwards from its end, match the
 * text just before @byte. */
static guint
match_before (const char *text,
              gsize       byte,
              const char *prefix)
{
  const char *p = prefix + strlen (prefix);
  const char *t = text + byte;
  guint n = 0;

  while (p > prefix && t > text)
    {
      const char *pc = g_utf8_prev_char (p);
      const char *tc = g_utf8_prev_char (t);

      if (p - pc != t - tc || memcmp (pc, tc, p - pc) != 0)
        break;
      p = pc;
      t = tc;
      n++;
    }

  return n;
}

/* How many characters of @suffix match the text from @byte on. */
static guint
match_after (const char *text,
             gsize       n_bytes,
             gsize       byte,
             const char *suffix)
{
  const char *s = suffix;
  const char *t = text + byte;
  const char *end = text + n_bytes;
  guint n = 0;

  while (*s && t < end)
    {
      const char *sn = g_utf8_next_char (s);
      const char *tn = g_utf8_next_char (t);

      if (sn - s != tn - t || memcmp (s, t, sn - s) != 0)
        break;
      s = sn;
      t = tn;
      n++;
    }

  return n;
}

gboolean
gloss_anchor_find (GlossSource *source,
                   const char  *quote,
                   const char  *prefix,
                   const char  *suffix,
                   guint        hint,
                   guint       *start,
                   guint       *end)
{
  const char *text;
  gsize n_bytes, quote_len, hint_byte, radius;
  guint perfect;
  Candidate best = { FALSE, 0, 0, 0 };

  g_return_val_if_fail (GLOSS_IS_SOURCE (source), FALSE);
  g_return_val_if_fail (quote != NULL, FALSE);

  if (prefix == NULL)
    prefix = "";
  if (suffix == NULL)
    suffix = "";

  text = gloss_source_get_text (source);
  n_bytes = gloss_source_get_n_bytes (source);
  quote_len = strlen (quote);
  if (quote_len == 0 || quote_len > n_bytes)
    return FALSE;

  hint_byte = gloss_source_offset_to_byte (source, hint);
  perfect = g_utf8_strlen (prefix, -1) + g_utf8_strlen (suffix, -1);

  /* Edits are usually local, so look near the old place first and widen
   * the window until it holds a perfect match or covers the whole text.
   * Everything within the window is nearer than anything outside it, so
   * the nearest perfect match in the window is the nearest overall. */
  for (radius = 1024 + 4 * quote_len;; radius *= 2)
    {
      gsize lo = hint_byte > radius ? hint_byte - radius : 0;
      gsize hi = MIN (n_bytes, hint_byte + radius + quote_len);
      const char *p = text + lo;

      while (hi - (p - text) >= quote_len)
        {
          const char *hit = memmem (p, hi - (p - text), quote, quote_len);
          Candidate c;

          if (hit == NULL)
            break;

          /* A valid UTF-8 needle cannot match from the middle of a
           * character, so every hit starts on a character boundary. */
          c.found = TRUE;
          c.byte = hit - text;
          c.score = match_before (text, c.byte, prefix) +
                    match_after (text, n_bytes, c.byte + quote_len, suffix);
          {
            guint offset = gloss_source_byte_to_offset (source, c.byte);
            c.distance = offset > hint ? offset - hint : hint - offset;
          }

          if (!best.found || c.score > best.score ||
              (c.score == best.score && c.distance < best.distance))
            best = c;

          p = hit + 1;
        }

      if ((best.found && best.score == perfect) || (lo == 0 && hi == n_bytes))
        break;
    }

  if (!best.found)
    return FALSE;

  *start = gloss_source_byte_to_offset (source, best.byte);
  *end = gloss_source_byte_to_offset (source, best.byte + quote_len);
  return TRUE;
}
