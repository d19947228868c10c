/* gloss-annotator-colour.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-annotator-colour"

#include "config.h"

#include <string.h>

#include "gloss-annotator-colour.h"

/* Hues after Okabe and Ito's palette for colour-blind readers, darkened
 * for a white page and lightened for a dark one (#1e1e1e) until each has
 * a contrast of 4.5:1 at least; any two differ by a CIE76 ΔE of 25 or
 * more on the same page.  The tag colours of the codebook are the other
 * thing drawn on the text, so these stay apart from pure hues. */
static const struct
{
  const char *light;
  const char *dark;
} palette[] = {
  { "#C8410B", "#FF8C5A" },   /* vermilion */
  { "#1F5FBF", "#7DA7F5" },   /* blue */
  { "#1B7F3B", "#5FD07F" },   /* green */
  { "#8E3FB5", "#CB8BF0" },   /* purple */
  { "#8F6200", "#E8B530" },   /* amber */
  { "#00737A", "#3FCFD6" },   /* teal */
  { "#B8306E", "#F58AB8" },   /* magenta */
  { "#7A5230", "#C9A27E" },   /* brown */
};

guint
gloss_annotator_colour_get_n (void)
{
  return G_N_ELEMENTS (palette);
}

/* FNV-1a, written out rather than g_str_hash, so that the colour of an id
 * can never change with GLib. */
guint
gloss_annotator_colour_index_for_id (const char *id)
{
  guint32 hash = 2166136261u;

  g_return_val_if_fail (id != NULL, 0);

  for (const guchar *p = (const guchar *)id; *p != '\0'; p++)
    {
      hash ^= *p;
      hash *= 16777619u;
    }

  return hash % G_N_ELEMENTS (palette);
}

const char *
gloss_annotator_colour_hex (guint    index,
                            gboolean dark)
{
  index %= G_N_ELEMENTS (palette);
  return dark ? palette[index].dark : palette[index].light;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b,
             gpointer      ids)
{
  return strcmp (((const char * const *)ids)[*(const guint *)a],
                 ((const char * const *)ids)[*(const guint *)b]);
}

void
gloss_annotator_colours_assign (const char * const *ids,
                                guint               n_ids,
                                guint              *indices)
{
  guint n = G_N_ELEMENTS (palette);
  g_autofree guint *order = NULL;
  gboolean taken[G_N_ELEMENTS (palette)] = { FALSE };
  guint n_taken = 0;

  g_return_if_fail (ids != NULL || n_ids == 0);
  g_return_if_fail (indices != NULL || n_ids == 0);

  order = g_new (guint, n_ids);
  for (guint i = 0; i < n_ids; i++)
    order[i] = i;
  g_qsort_with_data (order, n_ids, sizeof (guint), compare_ids, (gpointer)ids);

  for (guint i = 0; i < n_ids; i++)
    {
      guint colour = gloss_annotator_colour_index_for_id (ids[order[i]]);

      /* Once every colour is taken, they are all free again. */
      if (n_taken == n)
        {
          memset (taken, 0, sizeof taken);
          n_taken = 0;
        }
      while (taken[colour])
        colour = (colour + 1) % n;

      taken[colour] = TRUE;
      n_taken++;
      indices[order[i]] = colour;
    }
}
