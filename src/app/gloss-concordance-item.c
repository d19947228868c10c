/* gloss-concordance-item.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-concordance"

#include "config.h"

#include "gloss-concordance-item.h"

struct _GlossConcordanceItem
{
  GObject parent_instance;

  GFile *article;
  guint start;
  guint end;
  gboolean checked;
  char *fields[GLOSS_CONCORDANCE_N_FIELDS];
};

G_DEFINE_FINAL_TYPE (GlossConcordanceItem, gloss_concordance_item, G_TYPE_OBJECT)

static void
gloss_concordance_item_finalize (GObject *object)
{
  GlossConcordanceItem *self = GLOSS_CONCORDANCE_ITEM (object);

  g_clear_object (&self->article);
  for (guint i = 0; i < GLOSS_CONCORDANCE_N_FIELDS; i++)
    g_free (self->fields[i]);

  G_OBJECT_CLASS (gloss_concordance_item_parent_class)->finalize (object);
}

static void
gloss_concordance_item_class_init (GlossConcordanceItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_concordance_item_finalize;
}

static void
gloss_concordance_item_init (GlossConcordanceItem *self)
{
}

GlossConcordanceItem *
gloss_concordance_item_new (GFile               *article,
                            const char          *path,
                            GlossConcordanceRow *row)
{
  GlossConcordanceItem *self;

  g_return_val_if_fail (G_IS_FILE (article), NULL);
  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (GLOSS_TYPE_CONCORDANCE_ITEM, NULL);
  self->article = g_object_ref (article);
  self->start = row->start;
  self->end = row->end;
  self->checked = TRUE;
  self->fields[GLOSS_CONCORDANCE_ARTICLE] = g_strdup (path);
  self->fields[GLOSS_CONCORDANCE_LEFT] = g_steal_pointer (&row->left);
  self->fields[GLOSS_CONCORDANCE_MATCH] = g_steal_pointer (&row->text);
  self->fields[GLOSS_CONCORDANCE_RIGHT] = g_steal_pointer (&row->right);
  self->fields[GLOSS_CONCORDANCE_TAG] = g_steal_pointer (&row->tag);
  self->fields[GLOSS_CONCORDANCE_ANNOTATOR] = g_steal_pointer (&row->annotator);
  return self;
}

GFile *
gloss_concordance_item_get_article (GlossConcordanceItem *self)
{
  g_return_val_if_fail (GLOSS_IS_CONCORDANCE_ITEM (self), NULL);

  return self->article;
}

guint
gloss_concordance_item_get_start (GlossConcordanceItem *self)
{
  g_return_val_if_fail (GLOSS_IS_CONCORDANCE_ITEM (self), 0);

  return self->start;
}

guint
gloss_concordance_item_get_end (GlossConcordanceItem *self)
{
  g_return_val_if_fail (GLOSS_IS_CONCORDANCE_ITEM (self), 0);

  return self->end;
}

gboolean
gloss_concordance_item_get_checked (GlossConcordanceItem *self)
{
  g_return_val_if_fail (GLOSS_IS_CONCORDANCE_ITEM (self), FALSE);

  return self->checked;
}

void
gloss_concordance_item_set_checked (GlossConcordanceItem *self,
                                    gboolean              checked)
{
  g_return_if_fail (GLOSS_IS_CONCORDANCE_ITEM (self));

  self->checked = !!checked;
}

const char *
gloss_concordance_item_get_field (GlossConcordanceItem  *self,
                                  GlossConcordanceField  field)
{
  g_return_val_if_fail (GLOSS_IS_CONCORDANCE_ITEM (self), NULL);
  g_return_val_if_fail (field < GLOSS_CONCORDANCE_N_FIELDS, NULL);

  return self->fields[field] != NULL ? self->fields[field] : "";
}

int
gloss_concordance_item_compare (GlossConcordanceItem  *a,
                                GlossConcordanceItem  *b,
                                GlossConcordanceField  field)
{
  int order;

  /* The left context is read from its end, next to the match: sorting
   * by it groups the words just before. */
  if (field == GLOSS_CONCORDANCE_LEFT)
    {
      g_autofree char *ra = g_utf8_strreverse (gloss_concordance_item_get_field (a, field), -1);
      g_autofree char *rb = g_utf8_strreverse (gloss_concordance_item_get_field (b, field), -1);

      order = g_utf8_collate (ra, rb);
    }
  else
    order = g_utf8_collate (gloss_concordance_item_get_field (a, field),
                            gloss_concordance_item_get_field (b, field));
  if (order != 0)
    return order;
  order = g_strcmp0 (a->fields[GLOSS_CONCORDANCE_ARTICLE], b->fields[GLOSS_CONCORDANCE_ARTICLE]);
  if (order != 0)
    return order;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  return g_strcmp0 (a->fields[GLOSS_CONCORDANCE_ANNOTATOR], b->fields[GLOSS_CONCORDANCE_ANNOTATOR]);
}
