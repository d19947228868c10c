/* gloss-concordance-item.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-concordance.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_CONCORDANCE_ITEM (gloss_concordance_item_get_type ())

G_DECLARE_FINAL_TYPE (GlossConcordanceItem, gloss_concordance_item, GLOSS, CONCORDANCE_ITEM, GObject)

/* The fields of a concordance row a table shows and sorts by, in the
 * order of its columns. */
typedef enum
{
  GLOSS_CONCORDANCE_ARTICLE,
  GLOSS_CONCORDANCE_LEFT,
  GLOSS_CONCORDANCE_MATCH,
  GLOSS_CONCORDANCE_RIGHT,
  GLOSS_CONCORDANCE_TAG,
  GLOSS_CONCORDANCE_ANNOTATOR,
  GLOSS_CONCORDANCE_N_FIELDS,
} GlossConcordanceField;

/* A row of the window's concordance: a place in an article of the
 * corpus, the article named by its path under the folder.  Takes the
 * strings of @row, which is left empty. */
GlossConcordanceItem *gloss_concordance_item_new        (GFile                 *article,
                                                         const char            *path,
                                                         GlossConcordanceRow   *row);
GFile                *gloss_concordance_item_get_article (GlossConcordanceItem *self);
guint                 gloss_concordance_item_get_start  (GlossConcordanceItem  *self);
guint                 gloss_concordance_item_get_end    (GlossConcordanceItem  *self);
/* Whether Tag All in Corpus tags the row (all are at first). */
gboolean              gloss_concordance_item_get_checked (GlossConcordanceItem *self);
void                  gloss_concordance_item_set_checked (GlossConcordanceItem *self,
                                                          gboolean              checked);
/* A field as the CSV writes it ("" when there is none). */
const char           *gloss_concordance_item_get_field  (GlossConcordanceItem  *self,
                                                         GlossConcordanceField  field);
/* Compares two rows by @field, then by article and place, so that a
 * sort is stable whatever the column. */
int                   gloss_concordance_item_compare    (GlossConcordanceItem  *a,
                                                         GlossConcordanceItem  *b,
                                                         GlossConcordanceField  field);

G_END_DECLS
