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

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-annotation-private.h"
#include "gloss-error.h"
#include "gloss-import-private.h"
#include "gloss-relation-private.h"
#include "gloss-source-private.h"

/* The hash of a key of the batch's tables, eight bytes at a time: each
 * annotation and relation hashes an id of 36 characters and a key of a
 * span or of two ids, which g_str_hash() does a byte at a time. */
static guint
key_hash (gconstpointer key)
{
  const char *s = key;
  gsize n = strlen (s);
  guint64 h = 0x9e3779b97f4a7c15 ^ n;
  guint64 word;

  for (; n >= 8; s += 8, n -= 8)
    {
      memcpy (&word, s, 8);
      h = (h ^ word) * 0xff51afd7ed558ccd;
      h ^= h >> 32;
    }
  word = 0;
  memcpy (&word, s, n);
  h = (h ^ word) * 0xc4ceb9fe1a85ec53;
  h ^= h >> 29;

  return (guint)h ^ (guint)(h >> 32);
}

/* An attribute of the batch (its id as the batch's table of tags holds
 * it) and a value. */
typedef struct
{
  const char *id;
  GVariant *value;
} AttributeKey;

static guint
attribute_key_hash (gconstpointer key)
{
  const AttributeKey *k = key;

  return g_direct_hash (k->id) ^ g_variant_hash (k->value);
}

static gboolean
attribute_key_equal (gconstpointer a,
                     gconstpointer b)
{
  const AttributeKey *x = a;
  const AttributeKey *y = b;

  return x->id == y->id && (x->value == y->value || g_variant_equal (x->value, y->value));
}

static void
attribute_key_free (gpointer data)
{
  AttributeKey *key = data;

  g_variant_unref (key->value);
  g_free (key);
}

/* The span of an annotation of the batch, a key of its table of spans:
 * its tag (as the batch's table of tags holds it), start and end, made
 * for every annotation of an import without a string or an allocation
 * each. */
typedef struct
{
  const char *tag;
  guint start;
  guint end;
} SpanKey;

#define SPAN_KEYS_PER_BLOCK 4096

static guint
span_key_hash (gconstpointer key)
{
  const SpanKey *k = key;
  guint64 h = (((guint64)k->start << 32) | k->end) * 0x9e3779b97f4a7c15;

  return key_hash (k->tag) ^ (guint)h ^ (guint)(h >> 32);
}

static gboolean
span_key_equal (gconstpointer a,
                gconstpointer b)
{
  const SpanKey *x = a;
  const SpanKey *y = b;

  return x->start == y->start && x->end == y->end && strcmp (x->tag, y->tag) == 0;
}

/* A copy of @span that lasts as long as the batch. */
static SpanKey *
keep_span_key (GlossImportBatch *batch,
               const SpanKey    *span)
{
  guint i = batch->n_span_keys++ % SPAN_KEYS_PER_BLOCK;
  SpanKey *key;

  if (i == 0)
    g_ptr_array_add (batch->span_keys, g_new (SpanKey, SPAN_KEYS_PER_BLOCK));
  key = (SpanKey *)g_ptr_array_index (batch->span_keys, batch->span_keys->len - 1) + i;
  *key = *span;
  return key;
}

GlossImportBatch *
_gloss_import_batch_new (GlossSource *source,
                         const char  *annotator)
{
  GlossImportBatch *batch = g_new0 (GlossImportBatch, 1);

  batch->source = g_object_ref (source);
  batch->annotator = g_strdup (annotator);
  batch->annotations = g_ptr_array_new_with_free_func (g_object_unref);
  /* Keys borrowed from the batch's chunk, or from the annotations and
   * relations, which the batch holds until these tables go. */
  batch->keys = g_string_chunk_new (64 * 1024);
  batch->key = g_string_sized_new (128);
  batch->spans = g_hash_table_new (span_key_hash, span_key_equal);
  batch->span_keys = g_ptr_array_new_with_free_func (g_free);
  batch->ids = g_hash_table_new (key_hash, g_str_equal);
  batch->tags = g_hash_table_new_full (key_hash, g_str_equal, g_free, g_free);
  batch->labels = g_hash_table_new_full (key_hash, g_str_equal, g_free, g_free);
  batch->colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  batch->relations = g_ptr_array_new_with_free_func (g_object_unref);
  batch->relation_ids = g_hash_table_new (key_hash, g_str_equal);
  batch->relation_keys = g_hash_table_new (key_hash, g_str_equal);
  batch->relation_types = g_hash_table_new_full (key_hash, g_str_equal, g_free, g_free);
  batch->attribute_defs = g_ptr_array_new_with_free_func (g_object_unref);
  batch->first_attributes = g_hash_table_new_full (attribute_key_hash, attribute_key_equal,
                                                   attribute_key_free,
                                                   (GDestroyNotify)g_variant_unref);
  batch->notes = g_ptr_array_new_with_free_func (g_free);

  return batch;
}

void
_gloss_import_batch_free (GlossImportBatch *batch)
{
  if (batch == NULL)
    return;

  g_clear_object (&batch->source);
  g_free (batch->annotator);
  g_free (batch->annotator_name);
  g_hash_table_unref (batch->spans);
  g_ptr_array_unref (batch->span_keys);
  g_hash_table_unref (batch->ids);
  g_hash_table_unref (batch->relation_ids);
  g_ptr_array_unref (batch->annotations);
  g_hash_table_unref (batch->tags);
  g_clear_pointer (&batch->rand, g_rand_free);
  g_free (batch->now);
  g_hash_table_unref (batch->labels);
  g_hash_table_unref (batch->colors);
  g_clear_pointer (&batch->extra, json_object_unref);
  g_ptr_array_unref (batch->relations);
  g_hash_table_unref (batch->relation_types);
  g_hash_table_unref (batch->relation_keys);
  g_string_chunk_free (batch->keys);
  g_string_free (batch->key, TRUE);
  g_ptr_array_unref (batch->attribute_defs);
  g_hash_table_unref (batch->first_attributes);
  g_clear_object (&batch->codebook);
  g_ptr_array_unref (batch->notes);
  g_free (batch);
}

/* The batch's key kept as a key of one of its tables. */
static char *
keep_key (GlossImportBatch *batch)
{
  return g_string_chunk_insert_len (batch->keys, batch->key->str, batch->key->len);
}

/* TRUE when one of @items (the batch's annotations, or with @relations
 * its relations) has @id.  The set of their ids is made when an id is
 * first given: until then every id is a new UUID, and an import whose
 * annotations come without ids never makes it. */
static gboolean
id_taken (GHashTable *ids,
          gboolean   *filled,
          GPtrArray  *items,
          gboolean    relations,
          const char *id)
{
  if (!*filled)
    {
      for (guint i = 0; i < items->len; i++)
        {
          gpointer item = g_ptr_array_index (items, i);

          g_hash_table_add (ids, (gpointer)(relations ? gloss_relation_get_id (item)
                                                      : gloss_annotation_get_id (item)));
        }
      *filled = TRUE;
    }

  return g_hash_table_contains (ids, id);
}

/* What each character of a UUID is (1 a hexadecimal digit, 2 a dash),
 * and what each place of one needs: one look-up a character where the
 * check of an id of every annotation an import is given took eight. */
static const guint8 uuid_kind[256] = {
  ['0' ... '9'] = 1, ['a' ... 'f'] = 1, ['A' ... 'F'] = 1, ['-'] = 2,
};
static const guint8 uuid_places[36] = {
  1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 2, 1, 1, 1, 1,
  2, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

gboolean
_gloss_import_is_uuid (const char *s)
{
  /* A NUL is no kind: the string is never read past its end. */
  for (guint i = 0; i < 36; i++)
    if (uuid_kind[(guchar)s[i]] != uuid_places[i])
      return FALSE;

  return s[36] == '\0';
}

/* A random (version 4) UUID, as g_uuid_string_random() makes, from the
 * batch's own generator: that one takes a lock and formats with printf,
 * a tenth of the time of an import whose annotations come without ids. */
static char *
new_uuid (GlossImportBatch *batch)
{
  /* Each byte's two hexadecimal digits. */
  static const char hex[] =
    "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
    "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f"
    "404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f"
    "606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f"
    "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f"
    "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf"
    "c0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedf"
    "e0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff";
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

  /* 8-4-4-4-12 digits. */
  for (guint i = 0; i < 16; i++)
    {
      memcpy (p, hex + 2 * bytes[i], 2);
      p += 2;
      if (i == 3 || i == 5 || i == 7 || i == 9)
        *p++ = '-';
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
  return _gloss_import_batch_find (batch, label, start, end) != NULL;
}

GlossAnnotation *
_gloss_import_batch_find (GlossImportBatch *batch,
                          const char       *label,
                          guint             start,
                          guint             end)
{
  SpanKey span = { tag_of (batch, label), start, end };

  return g_hash_table_lookup (batch->spans, &span);
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
  SpanKey span = { tag, start, end };
  g_autofree char *new_id = NULL;
  const char *now = NULL;
  char *quote, *prefix, *suffix;
  GlossAnnotation *annotation;

  g_return_val_if_fail (start < end, NULL);
  g_return_val_if_fail (end <= gloss_source_get_length (batch->source), NULL);

  if (g_hash_table_contains (batch->spans, &span))
    return NULL;

  if (created == NULL || modified == NULL)
    {
      /* One time for the whole batch: it is read in a moment. */
      if (batch->now == NULL)
        batch->now = gloss_timestamp_now ();
      now = batch->now;
    }
  /* Two annotations of a layer never share an id; the set of ids keeps
   * the check from growing with the batch. */
  if (id == NULL || !_gloss_import_is_uuid (id) ||
      id_taken (batch->ids, &batch->ids_filled, batch->annotations, FALSE, id))
    id = new_id = new_uuid (batch);

  /* A new annotation that nothing watches yet: its strings are given to
   * it rather than copied, and its text set without notifications. */
  _gloss_annotation_text_from_source (batch->source, start, end, &quote, &prefix, &suffix);
  annotation = _gloss_annotation_new_take (new_id != NULL ? g_steal_pointer (&new_id) : g_strdup (id),
                                           g_strdup (tag), start, end, quote, prefix, suffix,
                                           note != NULL && note[0] != '\0' ? g_strdup (note) : NULL,
                                           g_strdup (created ? created : now),
                                           g_strdup (modified ? modified : (created ? created : now)));

  if (strcmp (label, tag) != 0)
    {
      g_autoptr(JsonObject) extra = json_object_new ();

      json_object_set_string_member (extra, GLOSS_KEY_LABEL, label);
      gloss_annotation_set_extra (annotation, extra);
    }

  if (!g_hash_table_contains (batch->labels, tag))
    g_hash_table_insert (batch->labels, g_strdup (tag), g_strdup (label));

  if (batch->ids_filled)
    g_hash_table_add (batch->ids, (gpointer)gloss_annotation_get_id (annotation));
  g_hash_table_insert (batch->spans, keep_span_key (batch, &span), annotation);
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

/* Relations and attributes ------------------------------------------- */

/* The article's codebook, read once; NULL when it cannot be read (the
 * plan then reports why). */
static GlossCodebook *
batch_codebook (GlossImportBatch *batch)
{
  GFile *article = gloss_source_get_file (batch->source);

  if (!batch->codebook_read && article != NULL)
    batch->codebook = gloss_codebook_new_for_article (article, NULL);
  batch->codebook_read = TRUE;
  return batch->codebook;
}

GlossCodebook *
_gloss_import_batch_codebook (GlossImportBatch *batch)
{
  return batch_codebook (batch);
}

GlossRelation *
_gloss_import_batch_add_relation (GlossImportBatch *batch,
                                  const char       *label,
                                  GlossAnnotation  *source,
                                  GlossAnnotation  *target,
                                  const char       *note,
                                  const char       *id,
                                  const char       *created,
                                  const char       *modified,
                                  GError          **error)
{
  const char *type = tag_of (batch, label);
  g_autofree char *new_id = NULL;
  GlossCodebook *codebook = batch_codebook (batch);
  const char *source_id = gloss_annotation_get_id (source);
  const char *target_id = gloss_annotation_get_id (target);
  GlossRelation *relation;

  if (!gloss_tag_id_is_valid (type))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   /* Translators: a relation type as another tool wrote it */
                   _("“%s” cannot be a relation type"), label);
      return NULL;
    }
  if (codebook != NULL && gloss_codebook_lookup_relation_type (codebook, type) != NULL &&
      !gloss_codebook_check_relation (codebook, type, gloss_annotation_get_tag (source),
                                      gloss_annotation_get_tag (target), error))
    return NULL;

  /* One relation of a type between the same ends, as in a layer. */
  g_string_assign (batch->key, source_id);
  g_string_append_c (batch->key, '\t');
  g_string_append (batch->key, target_id);
  g_string_append_c (batch->key, '\t');
  g_string_append (batch->key, type);
  if (g_hash_table_contains (batch->relation_keys, batch->key->str))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_DUPLICATE_ID,
                   /* Translators: a relation type */
                   _("a relation “%s” between the same annotations is there already"), type);
      return NULL;
    }
  g_hash_table_add (batch->relation_keys, keep_key (batch));

  if (created == NULL || modified == NULL)
    {
      if (batch->now == NULL)
        batch->now = gloss_timestamp_now ();
    }
  if (id == NULL || !_gloss_import_is_uuid (id) ||
      id_taken (batch->relation_ids, &batch->relation_ids_filled, batch->relations, TRUE, id))
    id = new_id = new_uuid (batch);

  /* A new relation: its strings are given to it rather than copied. */
  relation = _gloss_relation_new_take (new_id != NULL ? g_steal_pointer (&new_id) : g_strdup (id),
                                       g_strdup (type), g_strdup (source_id), g_strdup (target_id),
                                       g_strdup (note ? note : ""),
                                       g_strdup (created ? created : batch->now),
                                       g_strdup (modified ? modified : (created ? created : batch->now)));
  if (batch->relation_ids_filled)
    g_hash_table_add (batch->relation_ids, (gpointer)gloss_relation_get_id (relation));
  if (strcmp (label, type) != 0)
    {
      g_autoptr(JsonObject) extra = json_object_new ();

      json_object_set_string_member (extra, GLOSS_KEY_LABEL, label);
      gloss_relation_set_extra (relation, extra);
    }
  if (!g_hash_table_contains (batch->relation_types, type))
    {
      g_hash_table_insert (batch->relation_types, g_strdup (type), g_strdup (label));
      if (codebook != NULL && gloss_codebook_lookup_relation_type (codebook, type) == NULL)
        _gloss_import_batch_note (batch, batch->display ? batch->display : "", 0,
                                  /* Translators: a relation type id */
                                  _("the codebook has no relation type “%s”: the relations of that type are kept, and gloss-cli validate reports them until gloss-codebook.json lists it"),
                                  type);
    }

  g_ptr_array_add (batch->relations, relation);
  return relation;
}

static GlossAttributeDef *
batch_attribute_def (GlossImportBatch *batch,
                     const char       *id)
{
  for (guint i = 0; i < batch->attribute_defs->len; i++)
    {
      GlossAttributeDef *def = g_ptr_array_index (batch->attribute_defs, i);

      if (strcmp (gloss_attribute_def_get_id (def), id) == 0)
        return def;
    }

  return NULL;
}

/* The attributes of an annotation that has none once @id (from the
 * table of tags) is set to @value: one dictionary for each attribute and
 * value met, which every annotation with that attribute alone shares,
 * where each would make its own (a GVariant of three levels, more than
 * the rest of setting the attribute). */
static GVariant *
first_attributes (GlossImportBatch *batch,
                  const char       *id,
                  GVariant         *value)
{
  AttributeKey probe = { id, value };
  GVariant *attributes = g_hash_table_lookup (batch->first_attributes, &probe);

  if (attributes == NULL)
    {
      AttributeKey *key = g_new (AttributeKey, 1);

      attributes = gloss_attributes_with (NULL, id, value);
      key->id = id;
      key->value = g_variant_ref (value);
      g_hash_table_insert (batch->first_attributes, key, attributes);
    }

  return g_variant_ref (attributes);
}

gboolean
_gloss_import_batch_set_attribute (GlossImportBatch *batch,
                                   GlossAnnotation  *annotation,
                                   const char       *name,
                                   GVariant         *value,
                                   GError          **error)
{
  g_autoptr(GVariant) owned = g_variant_ref_sink (value);
  const char *id = tag_of (batch, name);
  GlossCodebook *codebook = batch_codebook (batch);
  GlossAttributeDef *def;
  GVariant *attributes;

  if (!gloss_tag_id_is_valid (id) || !gloss_attribute_value_is_valid (owned))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   /* Translators: an attribute name as another tool wrote it */
                   _("“%s” cannot be an attribute with that value"), name);
      return FALSE;
    }

  if (codebook != NULL && (def = gloss_codebook_lookup_attribute (codebook, id)) != NULL)
    {
      /* A format that writes every value as text (brat): the codebook
       * says what it is. */
      if (g_variant_is_of_type (owned, G_VARIANT_TYPE_STRING) &&
          (gloss_attribute_def_get_kind (def) == GLOSS_ATTRIBUTE_BOOLEAN ||
           gloss_attribute_def_get_kind (def) == GLOSS_ATTRIBUTE_NUMBER))
        {
          GVariant *parsed = gloss_attribute_def_parse_value (def, g_variant_get_string (owned, NULL),
                                                              error);

          if (parsed == NULL)
            return FALSE;
          g_variant_unref (owned);
          owned = g_variant_ref_sink (parsed);
        }
      if (!gloss_codebook_check_attribute (codebook, gloss_annotation_get_tag (annotation),
                                           id, owned, error))
        return FALSE;
    }
  else if ((def = batch_attribute_def (batch, id)) != NULL)
    {
      if (gloss_attribute_def_get_kind (def) == GLOSS_ATTRIBUTE_CHOICE &&
          g_variant_is_of_type (owned, G_VARIANT_TYPE_STRING))
        gloss_attribute_def_add_value (def, g_variant_get_string (owned, NULL), NULL);
      if (!gloss_attribute_def_check_value (def, owned, error))
        return FALSE;
    }
  else
    {
      GlossAttributeKind kind = GLOSS_ATTRIBUTE_CHOICE;

      if (g_variant_is_of_type (owned, G_VARIANT_TYPE_BOOLEAN))
        kind = GLOSS_ATTRIBUTE_BOOLEAN;
      else if (g_variant_is_of_type (owned, G_VARIANT_TYPE_DOUBLE))
        kind = GLOSS_ATTRIBUTE_NUMBER;
      def = gloss_attribute_def_new (id, strcmp (name, id) != 0 ? name : NULL, kind, NULL);
      if (kind == GLOSS_ATTRIBUTE_CHOICE)
        gloss_attribute_def_add_value (def, g_variant_get_string (owned, NULL), NULL);
      g_ptr_array_add (batch->attribute_defs, def);
      _gloss_import_batch_note (batch, batch->display ? batch->display : "", 0,
                                /* Translators: an attribute id, then its kind (choice,
                                 * boolean, number) */
                                _("the codebook has no attribute “%s”: its values are kept (a %s, it seems), and gloss-cli validate reports them until gloss-codebook.json defines it"),
                                id, gloss_attribute_kind_to_string (kind));
    }

  if (gloss_annotation_get_attributes (annotation) == NULL)
    attributes = first_attributes (batch, id, owned);
  else
    attributes = gloss_attributes_with (gloss_annotation_get_attributes (annotation), id, owned);
  gloss_annotation_set_attributes (annotation, attributes);
  g_clear_pointer (&attributes, g_variant_unref);
  return TRUE;
}

void
_gloss_import_batch_note (GlossImportBatch *batch,
                          const char       *display,
                          guint             line,
                          const char       *format,
                          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0)
    g_ptr_array_add (batch->notes, g_strdup_printf ("%s:%u: %s", display, line, message));
  else
    g_ptr_array_add (batch->notes, g_strdup_printf ("%s: %s", display, message));
}
