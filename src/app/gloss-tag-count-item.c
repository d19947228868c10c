/* gloss-tag-count-item.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-statistics"

#include "config.h"

#include "gloss-tag-count-item.h"

struct _GlossTagCountItem
{
  GObject parent_instance;

  GlossTagCount count;
};

G_DEFINE_FINAL_TYPE (GlossTagCountItem, gloss_tag_count_item, G_TYPE_OBJECT)

static void
gloss_tag_count_item_finalize (GObject *object)
{
  GlossTagCountItem *self = GLOSS_TAG_COUNT_ITEM (object);

  g_free (self->count.article);
  g_free (self->count.tag);
  g_free (self->count.annotator);

  G_OBJECT_CLASS (gloss_tag_count_item_parent_class)->finalize (object);
}

static void
gloss_tag_count_item_class_init (GlossTagCountItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_tag_count_item_finalize;
}

static void
gloss_tag_count_item_init (GlossTagCountItem *self)
{
}

GlossTagCountItem *
gloss_tag_count_item_new (const GlossTagCount *count)
{
  GlossTagCountItem *self;

  g_return_val_if_fail (count != NULL, NULL);

  self = g_object_new (GLOSS_TYPE_TAG_COUNT_ITEM, NULL);
  self->count.article = g_strdup (count->article);
  self->count.tag = g_strdup (count->tag);
  self->count.annotator = g_strdup (count->annotator);
  self->count.passages = count->passages;
  return self;
}

const GlossTagCount *
gloss_tag_count_item_get (GlossTagCountItem *self)
{
  g_return_val_if_fail (GLOSS_IS_TAG_COUNT_ITEM (self), NULL);

  return &self->count;
}
