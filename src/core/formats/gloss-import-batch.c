/* gloss-import-batch.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The annotations of one annotator on one article, gathered by an import
 * before they are written as an annotation file: each made a tag id and
 * given its quote from the article, twins refused and ids kept unique,
 * without printf or a lock for each of the hundreds of thousands of
 * annotations a file may hold. */

#define G_LOG_DOMAIN "gloss-import"

#include "config.h"

#include <string.h>

#include "gloss-annotation-private.h"
#include "gloss-import-private.h"
#include "gloss-source-private.h"

GlossImportBatch *
_gloss_import_batch_new (GlossSource *source,
                         const char  *annotator)
{
  GlossImportBatch *batch = g_new0 (GlossImportBatch, 1);

  batch->source = g_object_ref (source);
  batch->annotator = g_strdup (annotator);
  batch->annotations = g_ptr_array_new_with_free_func (g_object_unref);
  batch->spans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  batch->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  batch->tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  batch->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  batch->colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  return batch;
}

void
_gloss_import_batch_free (GlossImportBatch *batch)
{
  if (batch == NULL)
    return;

  g_object_unref (batch->source);
  g_free (batch->annotator);
  g_free (batch->annotator_name);
  g_ptr_array_unref (batch->annotations);
  g_hash_table_unref (batch->spans);
  g_hash_table_unref (batch->ids);
  g_hash_table_unref (batch->tags);
  g_clear_pointer (&batch->rand, g_rand_free);
  g_free (batch->now);
  g_hash_table_unref (batch->labels);
  g_hash_table_unref (batch->colors);
  g_clear_pointer (&batch->extra, json_object_unref);
  g_free (batch);
}

/* Writes " " and @value at @p; returns the end. */
static char *
put_uint (char  *p,
          guint  value)
{
  char digits[12];
  guint n = 0;

  do
    digits[n++] = '0' + value % 10;
  while ((value /= 10) > 0);

  *p++ = ' ';
  while (n > 0)
    *p++ = digits[--n];
  return p;
}

/* "tag start end": made for every annotation of an import, so without
 * printf, which would be a tenth of the time of adding it. */
static char *
span_key (const char *tag,
          guint       start,
          guint       end)
{
  gsize n = strlen (tag);
  char *key = g_malloc (n + 2 * 11 + 1);
  char *p;

  memcpy (key, tag, n);
  p = put_uint (key + n, start);
  p = put_uint (p, end);
  *p = '\0';
  return key;
}

gboolean
_gloss_import_is_uuid (const char *s)
{
  for (guint i = 0; i < 36; i++)
    {
      if (i == 8 || i == 13 || i == 18 || i == 23)
        {
          if (s[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isxdigit (s[i]))
        return FALSE;
    }

  return s[36] == '\0';
}

/* A random (version 4) UUID, as g_uuid_string_random() makes, from the
 * batch's own generator: that one takes a lock and formats with printf,
 * a tenth of the time of an import whose annotations come without ids. */
static char *
new_uuid (GlossImportBatch *batch)
{
  static const char hex[] = "0123456789abcdef";
  guint8 bytes[16];
  char *uuid = g_malloc (37);
  char *p = uuid;

  /* Seeded with 128 bits of GLib's own generator, itself seeded once
   * from the system's: two batches never draw the same ids, and a batch
   * per task of a file opens no device each time. */
  if (batch->rand == NULL)
    {
      guint32 seed[4];

      for (guint i = 0; i < G_N_ELEMENTS (seed); i++)
        seed[i] = g_random_int ();
      batch->rand = g_rand_new_with_seed_array (seed, G_N_ELEMENTS (seed));
    }
  for (guint i = 0; i < 16; i += 4)
    {
      guint32 r = g_rand_int (batch->rand);

      memcpy (bytes + i, &r, 4);
    }
  bytes[6] = (bytes[6] & 0x0F) | 0x40;
  bytes[8] = (bytes[8] & 0x3F) | 0x80;

  for (guint i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        *p++ = '-';
      *p++ = hex[bytes[i] >> 4];
      *p++ = hex[bytes[i] & 0x0F];
    }
  *p = '\0';
  return uuid;
}

/* The tag id of @label, made once per batch. */
static const char *
tag_of (GlossImportBatch *batch,
        const char       *label)
{
  char *tag = g_hash_table_lookup (batch->tags, label);

  if (tag == NULL)
    {
      tag = _gloss_label_to_tag (label);
      g_hash_table_insert (batch->tags, g_strdup (label), tag);
    }

  return tag;
}

gboolean
_gloss_import_batch_has (GlossImportBatch *batch,
                         const char       *label,
                         guint             start,
                         guint             end)
{
  g_autofree char *key = span_key (tag_of (batch, label), start, end);

  return g_hash_table_contains (batch->spans, key);
}

GlossAnnotation *
_gloss_import_batch_add (GlossImportBatch *batch,
                         const char       *label,
                         guint             start,
                         guint             end,
                         const char       *note,
                         const char       *id,
                         const char       *created,
                         const char       *modified)
{
  const char *tag = tag_of (batch, label);
  g_autofree char *key = span_key (tag, start, end);
  g_autofree char *new_id = NULL;
  const char *now = NULL;
  GlossAnnotation *annotation;

  g_return_val_if_fail (start < end, NULL);
  g_return_val_if_fail (end <= gloss_source_get_length (batch->source), NULL);

  if (g_hash_table_contains (batch->spans, key))
    return NULL;
  g_hash_table_add (batch->spans, g_steal_pointer (&key));

  if (created == NULL || modified == NULL)
    {
      /* One time for the whole batch: it is read in a moment. */
      if (batch->now == NULL)
        batch->now = gloss_timestamp_now ();
      now = batch->now;
    }
  /* Two annotations of a layer never share an id; the set of ids keeps
   * the check from growing with the batch. */
  if (id == NULL || !_gloss_import_is_uuid (id) || g_hash_table_contains (batch->ids, id))
    id = new_id = new_uuid (batch);
  g_hash_table_add (batch->ids, g_strdup (id));

  annotation = gloss_annotation_new_full (id, tag, start, end, NULL, NULL, NULL,
                                          note != NULL && note[0] != '\0' ? note : NULL,
                                          created ? created : now,
                                          modified ? modified : (created ? created : now));
  _gloss_annotation_take_text_from_source (annotation, batch->source);

  if (strcmp (label, tag) != 0)
    {
      g_autoptr(JsonObject) extra = json_object_new ();

      json_object_set_string_member (extra, GLOSS_KEY_LABEL, label);
      gloss_annotation_set_extra (annotation, extra);
    }

  if (!g_hash_table_contains (batch->labels, tag))
    g_hash_table_insert (batch->labels, g_strdup (tag), g_strdup (label));

  g_ptr_array_add (batch->annotations, annotation);
  return annotation;
}

JsonObject *
_gloss_import_extra (GlossAnnotation *annotation)
{
  g_autoptr(JsonObject) fresh = NULL;

  if (gloss_annotation_get_extra (annotation) == NULL)
    {
      fresh = json_object_new ();
      gloss_annotation_set_extra (annotation, fresh);
    }

  return gloss_annotation_get_extra (annotation);
}
