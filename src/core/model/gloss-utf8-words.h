/* gloss-utf8-words.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* UTF-8 text read eight bytes at a time: how many characters start in a
 * word.  For the article's index and for annotations' quotes. */

#pragma once

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

#define GLOSS_UTF8_HIGH_BITS G_GUINT64_CONSTANT (0x8080808080808080)
#define GLOSS_UTF8_LOW_BITS  G_GUINT64_CONSTANT (0x0101010101010101)

static inline guint64
gloss_utf8_load_word (const void *p)
{
  guint64 word;

  /* memcpy, because the text need not be aligned; compilers turn it into a
   * single load. */
  memcpy (&word, p, sizeof word);
  return word;
}

/* Whether @byte starts a character, that is, is not a continuation byte
 * (one whose two top bits are 1 and 0). */
static inline gboolean
gloss_utf8_is_leading_byte (guchar byte)
{
  return (byte & 0xc0) != 0x80;
}

/* How many of the eight bytes in @word start a character. */
static inline guint
gloss_utf8_count_leading (guint64 word)
{
  guint64 continuation;

  /* Shifting left by one moves each byte's bit 6 under its bit 7, so this
   * keeps bit 7 exactly where a byte is a continuation byte.  What crosses
   * into the next byte lands on bit 0 and is masked away. */
  continuation = word & ~(word << 1) & GLOSS_UTF8_HIGH_BITS;

  /* Sum the eight flags: one per byte, gathered into the top byte. */
  return 8 - (guint) ((((continuation >> 7) * GLOSS_UTF8_LOW_BITS) >> 56) & 0xff);
}

G_END_DECLS
