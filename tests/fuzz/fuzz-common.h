/* fuzz-common.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gloss-source.h"

/* What every source a reader returns must satisfy, whatever the input:
 * checked on each run so that the fuzzer finds wrong answers as well as
 * crashes. */
static inline void
fuzz_check_source (GlossSource *source)
{
  const char *text = gloss_source_get_text (source);
  gsize n_bytes = gloss_source_get_n_bytes (source);
  guint length = gloss_source_get_length (source);
  const GlossBlock *blocks;
  guint n_blocks = 0;
  guint previous_end = 0;
  guint step;

  if (strlen (text) != n_bytes || !g_utf8_validate (text, n_bytes, NULL))
    abort ();

  blocks = gloss_source_get_blocks (source, &n_blocks);
  for (guint i = 0; i < n_blocks; i++)
    {
      if (blocks[i].start >= blocks[i].end || blocks[i].end > length ||
          blocks[i].start < previous_end)
        abort ();
      previous_end = blocks[i].end;
    }

  /* Every offset on short texts, a sample of them on long ones. */
  step = length < 4096 ? 1 : length / 1024;
  for (guint offset = 0; offset <= length; offset += step)
    {
      g_autofree char *xpath = NULL;
      guint element_offset = 0;

      if (gloss_source_locate (source, offset, &xpath, &element_offset) &&
          (xpath == NULL || xpath[0] != '/'))
        abort ();
    }

  for (guint i = 0; i < gloss_source_get_warnings (source)->len; i++)
    {
      if (!g_utf8_validate (g_ptr_array_index (gloss_source_get_warnings (source), i), -1, NULL))
        abort ();
    }
}

/* Messages are built from the file's bytes too: they must be UTF-8. */
static inline void
fuzz_check_error (const GError *error)
{
  if (error != NULL && !g_utf8_validate (error->message, -1, NULL))
    abort ();
}

/* What libFuzzer calls: each harness includes this header once and
 * defines LLVMFuzzerTestOneInput. */
int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical from a precondition is a bug the fuzzer should report. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}
