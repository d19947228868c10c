/* gloss-export-location.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Where an annotation of an article read from HTML or XML is in the
 * original file, for the formats that say so: the XPath of the element
 * its first character comes from and the offset in that element's text
 * content, and the same for its end.  See gloss_source_locate() and
 * gloss_source_map_locate_range(). */

#define G_LOG_DOMAIN "gloss-export"

#include "config.h"

#include <string.h>

#include "gloss-export-private.h"
#include "gloss-source-private.h"

gboolean
_gloss_export_locate (GlossSource         *source,
                      GlossAnnotation     *a,
                      GlossExportLocation *location)
{
  g_autofree char *start_xpath = NULL;
  g_autofree char *end_xpath = NULL;
  guint start_offset = 0;
  guint end_offset = 0;

  g_return_val_if_fail (GLOSS_IS_SOURCE (source), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (a), FALSE);
  g_return_val_if_fail (location != NULL, FALSE);

  memset (location, 0, sizeof *location);

  /* An orphaned annotation's offsets no longer point at its quote. */
  if (gloss_annotation_get_status (a) == GLOSS_ANCHOR_ORPHANED)
    return FALSE;

  if (!_gloss_source_locate_range (source, gloss_annotation_get_start (a),
                                   gloss_annotation_get_end (a), &start_xpath, &start_offset,
                                   &end_xpath, &end_offset))
    return FALSE;

  location->start_xpath = g_steal_pointer (&start_xpath);
  location->start_offset = start_offset;
  location->end_xpath = g_steal_pointer (&end_xpath);
  location->end_offset = end_offset;
  location->one_element = strcmp (location->start_xpath, location->end_xpath) == 0;

  return TRUE;
}

void
_gloss_export_location_clear (GlossExportLocation *location)
{
  g_clear_pointer (&location->start_xpath, g_free);
  g_clear_pointer (&location->end_xpath, g_free);
}

char *
_gloss_export_dup_location (GlossSource     *source,
                            GlossAnnotation *a)
{
  GlossExportLocation location;
  char *text;

  if (!_gloss_export_locate (source, a, &location))
    return NULL;

  if (location.one_element)
    text = g_strdup_printf ("%s:%u-%u", location.start_xpath,
                            location.start_offset, location.end_offset);
  else
    text = g_strdup_printf ("%s:%u/%s:%u", location.start_xpath, location.start_offset,
                            location.end_xpath, location.end_offset);

  _gloss_export_location_clear (&location);

  return text;
}
