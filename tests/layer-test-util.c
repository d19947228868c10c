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

GlossSource *
source_of_words (guint n_words)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    g_string_append (text, "word ");
  return gloss_source_new_from_text (text->str, text->len, "big.txt");
}

GPtrArray *
layers_at_random (GlossSource *source,
                  guint        n_layers,
                  guint        n_passages,
                  guint32      seed)
{
  GPtrArray *layers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint length = gloss_source_get_length (source);

  for (guint a = 0; a < n_layers; a++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", a);
      GlossLayer *layer = gloss_layer_new (id, NULL);
      g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);

      gloss_layer_set_source (layer, source);
      for (guint k = 0; k < n_passages; k++)
        {
          guint start = g_rand_int_range (rand, 0, length - 40);

          g_ptr_array_add (annotations, gloss_annotation_new_for_source (source, k % 2 ? "claim" : "company",
                                                                         start, start + g_rand_int_range (rand, 1, 30),
                                                                         NULL));
        }
      gloss_layer_replace_all (layer, annotations);
      g_ptr_array_add (layers, layer);
    }
  return layers;
}
