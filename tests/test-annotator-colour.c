/* test-annotator-colour.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "gloss-annotator-colour.h"

/* The annotators' colours: stable, distinct within an article, legible on
 * a light and a dark page. */

static void
parse (const char *hex,
       double      rgb[3])
{
  guint r, g, b;

  g_assert_cmpint (sscanf (hex, "#%02x%02x%02x", &r, &g, &b), ==, 3);
  rgb[0] = r / 255.0;
  rgb[1] = g / 255.0;
  rgb[2] = b / 255.0;
}

static double
linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (const char *hex)
{
  double rgb[3];

  parse (hex, rgb);
  return 0.2126 * linear (rgb[0]) + 0.7152 * linear (rgb[1]) + 0.0722 * linear (rgb[2]);
}

/* WCAG's contrast ratio. */
static double
contrast (const char *a,
          const char *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static double
lab_f (double t)
{
  return t > 0.008856 ? cbrt (t) : 7.787 * t + 16.0 / 116.0;
}

/* CIE76 ΔE between two colours, through CIE L*a*b* (D65). */
static double
delta_e (const char *a,
         const char *b)
{
  double lab[2][3];
  const char *hex[2] = { a, b };

  for (guint i = 0; i < 2; i++)
    {
      double rgb[3], x, y, z;

      parse (hex[i], rgb);
      for (guint c = 0; c < 3; c++)
        rgb[c] = linear (rgb[c]);
      x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047;
      y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
      z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883;
      lab[i][0] = 116 * lab_f (y) - 16;
      lab[i][1] = 500 * (lab_f (x) - lab_f (y));
      lab[i][2] = 200 * (lab_f (y) - lab_f (z));
    }

  return sqrt (pow (lab[0][0] - lab[1][0], 2) + pow (lab[0][1] - lab[1][1], 2) +
               pow (lab[0][2] - lab[1][2], 2));
}

static void
test_legible_and_distinct (void)
{
  guint n = gloss_annotator_colour_get_n ();

  g_assert_cmpuint (n, >=, 6);
  for (guint i = 0; i < n; i++)
    {
      /* Thin lines and small text need 4.5:1 on their page. */
      g_assert_cmpfloat (contrast (gloss_annotator_colour_hex (i, FALSE), "#ffffff"), >=, 4.5);
      g_assert_cmpfloat (contrast (gloss_annotator_colour_hex (i, TRUE), "#1e1e1e"), >=, 4.5);

      for (guint j = i + 1; j < n; j++)
        {
          g_assert_cmpfloat (delta_e (gloss_annotator_colour_hex (i, FALSE),
                                      gloss_annotator_colour_hex (j, FALSE)), >=, 25);
          g_assert_cmpfloat (delta_e (gloss_annotator_colour_hex (i, TRUE),
                                      gloss_annotator_colour_hex (j, TRUE)), >=, 25);
        }
    }

  /* Indices past the palette wrap rather than read past it. */
  g_assert_cmpstr (gloss_annotator_colour_hex (n, FALSE), ==, gloss_annotator_colour_hex (0, FALSE));
}

static void
test_stable (void)
{
  /* The hash is written out: these values hold on every machine. */
  g_assert_cmpuint (gloss_annotator_colour_index_for_id ("ben"), ==,
                    gloss_annotator_colour_index_for_id ("ben"));
  g_assert_cmpuint (gloss_annotator_colour_index_for_id (""), ==, 2166136261u % gloss_annotator_colour_get_n ());
  /* FNV-1a of "a" is 0xe40c292c. */
  g_assert_cmpuint (gloss_annotator_colour_index_for_id ("a"), ==, 0xe40c292cu % gloss_annotator_colour_get_n ());
}

/* Two ids whose hashes fall on the same colour. */
static void
find_clash (char first[16],
            char second[16])
{
  guint n = gloss_annotator_colour_get_n ();

  for (guint i = 0; i < 1000; i++)
    for (guint j = i + 1; j < 1000; j++)
      {
        g_snprintf (first, 16, "p%u", i);
        g_snprintf (second, 16, "p%u", j);
        if (gloss_annotator_colour_index_for_id (first) % n ==
            gloss_annotator_colour_index_for_id (second) % n)
          return;
      }
  g_assert_not_reached ();
}

static void
test_assign_moves_later (void)
{
  char a[16], b[16];
  guint indices[2], reversed[2];
  guint n = gloss_annotator_colour_get_n ();

  find_clash (a, b);
  g_assert_cmpint (strcmp (a, b), <, 0);

  {
    const char *ids[] = { a, b };
    const char *backwards[] = { b, a };

    gloss_annotator_colours_assign (ids, 2, indices);
    gloss_annotator_colours_assign (backwards, 2, reversed);
  }

  /* The first in sorted order keeps its colour, the other moves to the
   * next one, whatever the order they were given in. */
  g_assert_cmpuint (indices[0], ==, gloss_annotator_colour_index_for_id (a));
  g_assert_cmpuint (indices[1], ==, (indices[0] + 1) % n);
  g_assert_cmpuint (reversed[0], ==, indices[1]);
  g_assert_cmpuint (reversed[1], ==, indices[0]);
}

static void
test_assign_all_distinct (void)
{
  guint n = gloss_annotator_colour_get_n ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint *indices = NULL;
  g_autofree gboolean *seen = g_new0 (gboolean, n);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (ids, g_strdup_printf ("annotator-%u", i));
  indices = g_new (guint, n + 1);
  gloss_annotator_colours_assign ((const char * const *)ids->pdata, n, indices);

  /* As many annotators as colours: each has one of their own. */
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (indices[i], <, n);
      g_assert_false (seen[indices[i]]);
      seen[indices[i]] = TRUE;
    }

  /* One more, and colours repeat rather than fail. */
  g_ptr_array_add (ids, g_strdup ("one-more"));
  gloss_annotator_colours_assign ((const char * const *)ids->pdata, n + 1, indices);
  g_assert_cmpuint (indices[n], <, n);

  gloss_annotator_colours_assign (NULL, 0, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/annotator-colour/legible-and-distinct", test_legible_and_distinct);
  g_test_add_func ("/annotator-colour/stable", test_stable);
  g_test_add_func ("/annotator-colour/assign-moves-later", test_assign_moves_later);
  g_test_add_func ("/annotator-colour/assign-all-distinct", test_assign_all_distinct);

  return g_test_run ();
}
