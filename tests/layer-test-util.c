/* layer-test-util.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "layer-test-util.h"

GlossLayer *
layer_with_marks (GlossSource *source,
                  const char  *id,
                  const char  *spec)
{
  GlossLayer *layer = gloss_layer_new (id, NULL);
  g_auto(GStrv) marks = g_strsplit (spec, " ", -1);

  gloss_layer_set_source (layer, source);
  for (guint i = 0; marks[i] != NULL && marks[i][0] != '\0'; i++)
    {
      guint start, end;
      char tag[32];

      g_assert_cmpint (sscanf (marks[i], "%31[^:]:%u-%u", tag, &start, &end), ==, 3);
      g_assert_nonnull (gloss_layer_annotate (layer, tag, start, end, NULL));
    }
  return layer;
}
