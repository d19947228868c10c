/* gloss-source.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-source"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-source-map.h"
#include "gloss-source-private.h"


G_DEFINE_FINAL_TYPE (GlossSource, gloss_source, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_FILE,
  PROP_NAME,
  PROP_TITLE,
  PROP_LENGTH,
  PROP_ENCODING,
  PROP_MEDIA_TYPE,
  PROP_READER,
  PROP_SHA256,
  PROP_TEXT_SHA256,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

char *
_gloss_source_dup_display_basename (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename == NULL)
    return g_file_get_parse_name (file);

  return g_filename_display_name (basename);
}

/* Texts from this size on have their checksum worked out by a pool of
 * two threads: a folder of large articles kept open never has more
 * threads than that, nor threads left to be joined. */
#define CHECKSUM_IN_THREAD (256 * 1024)
#define CHECKSUM_THREADS 2

/* A job of the pool: it holds a reference on the source, whose text
 * therefore stays while it is read. */
static void
compute_text_sha256 (gpointer data,
                     gpointer unused)
{
  GlossSource *self = data;
  char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) self->text, self->n_bytes);

  g_mutex_lock (&self->checksum_lock);
  self->text_sha256 = sum;
  /* Without it the source was given no checksum of its bytes: its text's
   * serves for both. */
  if (self->sha256 == NULL)
    self->sha256 = g_strdup (sum);
  self->checksum_pending = FALSE;
  g_cond_broadcast (&self->checksum_done);
  g_mutex_unlock (&self->checksum_lock);
  g_object_unref (self);
}

static GThreadPool *
checksum_pool (void)
{
  static gsize pool;

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, (gsize) g_thread_pool_new (compute_text_sha256, NULL, CHECKSUM_THREADS,
                                                         FALSE, NULL));
  return (GThreadPool *) pool;
}

/* Waits for the checksum, if it is still being worked out. */
static void
resolve_checksum (GlossSource *self)
{
  g_mutex_lock (&self->checksum_lock);
  while (self->checksum_pending)
    g_cond_wait (&self->checksum_done, &self->checksum_lock);
  g_mutex_unlock (&self->checksum_lock);
}

GlossSource *
_gloss_source_new_take (GFile      *file,
                        char       *name,
                        char       *text,
                        gsize       n_bytes,
                        const char *encoding,
                        const char *media_type,
                        const char *reader,
                        char       *sha256,
                        char       *text_sha256,
                        GArray     *blocks,
                        GHashTable *metadata)
{
  GlossSource *self;
  const char *meta_title = NULL;

  self = g_object_new (GLOSS_TYPE_SOURCE, NULL);

  g_set_object (&self->file, file);
  self->name = name;
  self->text = text;
  self->n_bytes = n_bytes;
  self->index = gloss_text_index_new (self->text, self->n_bytes);
  self->encoding = g_strdup (encoding);
  self->media_type = g_strdup (media_type);
  self->reader = g_strdup (reader);

  /* SHA-256 takes some 50 ms for 5 MB: a large text's is worked out
   * while the caller goes on (finding the paragraphs below, reading the
   * annotations), and waited for when first asked for. */
  if (text_sha256 == NULL && n_bytes < CHECKSUM_IN_THREAD)
    text_sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text, n_bytes);
  self->text_sha256 = text_sha256;

  /* A caller without the original bytes has only the text to vouch for
   * (once its checksum is known, if it is worked out by the pool). */
  if (sha256 == NULL && text_sha256 != NULL)
    sha256 = g_strdup (text_sha256);
  self->sha256 = sha256;

  if (text_sha256 == NULL)
    {
      self->checksum_pending = TRUE;
      g_thread_pool_push (checksum_pool (), g_object_ref (self), NULL);
    }

  if (blocks == NULL)
    blocks = _gloss_source_find_paragraphs (text, n_bytes, self->index);
  self->blocks = blocks;

  if (metadata == NULL)
    metadata = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->metadata = metadata;

  /* A reader knows the real title (<title>, <dc:title>) better than the
   * first line of the extracted text does. */
  meta_title = g_hash_table_lookup (metadata, "title");
  if (meta_title != NULL)
    {
      self->title = g_strstrip (g_strdup (meta_title));
      if (self->title[0] == '\0')
        g_clear_pointer (&self->title, g_free);
    }

  if (self->title == NULL)
    self->title = _gloss_source_find_title (text, n_bytes);

  if (self->title == NULL)
    self->title = g_strdup (self->name);

  return self;
}

static void
gloss_source_dispose (GObject *object)
{
  GlossSource *self = GLOSS_SOURCE (object);

  g_clear_object (&self->file);

  G_OBJECT_CLASS (gloss_source_parent_class)->dispose (object);
}

static void
gloss_source_finalize (GObject *object)
{
  GlossSource *self = GLOSS_SOURCE (object);

  /* No checksum is pending: its job holds a reference. */
  g_mutex_clear (&self->checksum_lock);
  g_cond_clear (&self->checksum_done);

  /* The index borrows the text, so it goes first. */
  g_clear_pointer (&self->index, gloss_text_index_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->encoding, g_free);
  g_clear_pointer (&self->media_type, g_free);
  g_clear_pointer (&self->reader, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->text_sha256, g_free);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->metadata, g_hash_table_unref);
  g_clear_pointer (&self->map, gloss_source_map_free);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_source_parent_class)->finalize (object);
}

static void
gloss_source_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GlossSource *self = GLOSS_SOURCE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_LENGTH:
      g_value_set_uint (value, gloss_source_get_length (self));
      break;

    case PROP_ENCODING:
      g_value_set_string (value, self->encoding);
      break;

    case PROP_MEDIA_TYPE:
      g_value_set_string (value, self->media_type);
      break;

    case PROP_READER:
      g_value_set_string (value, self->reader);
      break;

    case PROP_SHA256:
      g_value_set_string (value, gloss_source_get_sha256 (self));
      break;

    case PROP_TEXT_SHA256:
      g_value_set_string (value, gloss_source_get_text_sha256 (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_source_class_init (GlossSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gloss_source_dispose;
  object_class->finalize = gloss_source_finalize;
  object_class->get_property = gloss_source_get_property;

  /* A source never changes once made, so these are read-only and never
   * notify; a window binds them once per article. */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LENGTH] =
    g_param_spec_uint ("length", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ENCODING] =
    g_param_spec_string ("encoding", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MEDIA_TYPE] =
    g_param_spec_string ("media-type", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_READER] =
    g_param_spec_string ("reader", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SHA256] =
    g_param_spec_string ("sha256", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TEXT_SHA256] =
    g_param_spec_string ("text-sha256", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_source_init (GlossSource *self)
{
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  g_mutex_init (&self->checksum_lock);
  g_cond_init (&self->checksum_done);
}

/**
 * gloss_source_new_from_text:
 * @text: valid UTF-8
 * @length: the length of @text in bytes, or -1 if it is NUL-terminated
 * @display_name: (nullable): the name of the source
 *
 * Makes a plain-text source of @text, encoded as UTF-8.
 *
 * Returns: (transfer full): the source
 */
GlossSource *
gloss_source_new_from_text (const char *text,
                            gssize      length,
                            const char *display_name)
{
  gsize n_bytes;
  char *copy;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  n_bytes = length < 0 ? strlen (text) : (gsize) length;

  /* The index and every slice rely on this; a NUL inside fails it too. */
  g_return_val_if_fail (g_utf8_validate_len (text, n_bytes, NULL), NULL);

  if (display_name == NULL)
    display_name = _("Untitled");

  copy = g_malloc (n_bytes + 1);
  if (n_bytes > 0)
    memcpy (copy, text, n_bytes);
  copy[n_bytes] = '\0';

  /* Its bytes are its text: one checksum for both. */
  return _gloss_source_new_take (NULL, g_strdup (display_name), copy, n_bytes,
                                 "UTF-8", "text/plain", NULL,
                                 NULL, NULL, NULL, NULL);
}

/**
 * gloss_source_new_extracted:
 * @file: (nullable): the file the text was extracted from
 * @media_type: (nullable): the file's media type; %NULL for "text/plain"
 * @encoding: (nullable): the file's encoding; %NULL for "UTF-8"
 * @file_sha256: (nullable): the SHA-256 of the file's bytes; %NULL when
 *   there are none, and the text's own hash stands in
 * @reader: (nullable): names the reader and its version
 * @text: (transfer full): the extracted text, valid UTF-8
 * @blocks: (transfer full) (nullable): #GlossBlock ranges, or %NULL to find
 *   paragraphs; ranges past the end of the text are clamped
 * @metadata: (transfer full) (nullable): string keys to string values;
 *   a "title" there is the source's title
 *
 * Returns: (transfer full): the source
 */
GlossSource *
gloss_source_new_extracted (GFile      *file,
                            const char *media_type,
                            const char *encoding,
                            const char *file_sha256,
                            const char *reader,
                            char       *text,
                            GArray     *blocks,
                            GHashTable *metadata)
{
  GlossSource *self;
  char *name;
  guint length;
  guint i;

  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (blocks == NULL ||
                        g_array_get_element_size (blocks) == sizeof (GlossBlock), NULL);

  if (file != NULL)
    name = _gloss_source_dup_display_basename (file);
  else
    name = g_strdup (_("Untitled"));

  self = _gloss_source_new_take (file, name, text, strlen (text),
                                 encoding != NULL ? encoding : "UTF-8",
                                 media_type != NULL ? media_type : "text/plain",
                                 reader, g_strdup (file_sha256), NULL,
                                 blocks, metadata);

  /* Blocks are ranges into this text; keep a careless reader from
   * handing out ranges that would slice past its end. */
  length = gloss_source_get_length (self);
  for (i = 0; i < self->blocks->len; i++)
    {
      GlossBlock *block = &g_array_index (self->blocks, GlossBlock, i);

      block->end = MIN (block->end, length);
      block->start = MIN (block->start, block->end);
    }

  return self;
}

GFile *
gloss_source_get_file (GlossSource *self)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), NULL);

  return self->file;
}

const char *
gloss_source_get_name (GlossSource *self)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), NULL);

  return self->name;
}

const char *
gloss_source_get_text (GlossSource *self)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), NULL);

  return self->text;
}

gsize
gloss_source_get_n_bytes (GlossSource *self)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), 0);

  return self->n_bytes;
}

guint
gloss_source_get_length (GlossSource *self)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), 0);

  return gloss_text_index_get_length (self->index);
}

const char *
gloss_source_get_encoding (GlossSource *self)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), NULL);

  return self->encoding;
}

const char *
gloss_source_get_media_type (GlossSource *self)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), NULL);

  return self->media_type;
}

const char *
gloss_source_get_reader (GlossSource *self)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), NULL);

  return self->reader;
}

const char *
gloss_source_get_sha256 (GlossSource *self)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), NULL);

  resolve_checksum (self);
  return self->sha256;
}

const char *
gloss_source_get_text_sha256 (GlossSource *self)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), NULL);

  resolve_checksum (self);
  return self->text_sha256;
}

const char *
gloss_source_get_title (GlossSource *self)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), NULL);

  return self->title;
}

/**
 * gloss_source_get_blocks:
 * @self: a #GlossSource
 * @n_blocks: (out) (optional): the number of blocks
 *
 * Returns: (array length=n_blocks) (transfer none) (nullable): the blocks in
 *   text order; %NULL when there are none
 */
gboolean
gloss_source_find_block (GlossSource *self,
                         guint        offset,
                         guint       *index)
{
  const GlossBlock *blocks;
  guint lo = 0, hi;

  g_return_val_if_fail (GLOSS_IS_SOURCE (self), FALSE);

  blocks = (const GlossBlock *) (gpointer) self->blocks->data;
  hi = self->blocks->len;
  /* The blocks are in text order and do not overlap. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (blocks[mid].end <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo < self->blocks->len && blocks[lo].start <= offset)
    {
      *index = lo;
      return TRUE;
    }
  /* An offset at the end of a block, as a cursor there, belongs to it. */
  if (lo > 0 && blocks[lo - 1].end == offset)
    {
      *index = lo - 1;
      return TRUE;
    }

  return FALSE;
}

const GlossBlock *
gloss_source_get_blocks (GlossSource *self,
                         guint       *n_blocks)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), NULL);

  if (n_blocks != NULL)
    *n_blocks = self->blocks->len;

  if (self->blocks->len == 0)
    return NULL;

  return (const GlossBlock *) (gpointer) self->blocks->data;
}

const char *
gloss_source_get_metadata (GlossSource *self,
                           const char  *key)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_hash_table_lookup (self->metadata, key);
}

/**
 * gloss_source_get_metadata_table:
 * @self: a #GlossSource
 *
 * Returns: (transfer none): the metadata, string keys to string values;
 *   empty for plain text
 */
GHashTable *
gloss_source_get_metadata_table (GlossSource *self)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), NULL);

  return self->metadata;
}

gsize
gloss_source_offset_to_byte (GlossSource *self,
                             guint        offset)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), 0);

  return gloss_text_index_offset_to_byte (self->index, offset);
}

guint
gloss_source_byte_to_offset (GlossSource *self,
                             gsize        byte)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (self), 0);

  return gloss_text_index_byte_to_offset (self->index, byte);
}

/**
 * gloss_source_dup_slice:
 * @self: a #GlossSource
 * @start: the first code point
 * @end: the code point after the last
 *
 * Both offsets are clamped to the length, and @start to @end, so an empty
 * or inverted range gives an empty string.
 *
 * Returns: (transfer full): the text in [@start, @end)
 */
char *
gloss_source_dup_slice (GlossSource *self,
                        guint        start,
                        guint        end)
{
  gsize start_byte;
  gsize end_byte;

  g_return_val_if_fail (GLOSS_IS_SOURCE (self), NULL);

  end_byte = gloss_text_index_offset_to_byte (self->index, end);
  start_byte = gloss_text_index_offset_to_byte (self->index, MIN (start, end));

  return g_strndup (self->text + start_byte, end_byte - start_byte);
}

/**
 * gloss_source_slice_equals:
 * @self: a #GlossSource
 * @start: the first code point
 * @end: the code point after the last
 * @str: UTF-8 to compare with
 *
 * Unlike the other offset functions this one does not clamp: a range that
 * reaches past the end of the text, or ends before it starts, holds no text
 * at all, so it equals nothing.  That is what checking an annotation's
 * quote against the article needs.
 *
 * Returns: %TRUE when the text in [@start, @end) is exactly @str
 */
gboolean
gloss_source_slice_equals (GlossSource *self,
                           guint        start,
                           guint        end,
                           const char  *str)
{
  gsize start_byte;
  gsize n;

  g_return_val_if_fail (GLOSS_IS_SOURCE (self), FALSE);
  g_return_val_if_fail (str != NULL, FALSE);

  if (start > end || end > gloss_text_index_get_length (self->index))
    return FALSE;

  start_byte = gloss_text_index_offset_to_byte (self->index, start);
  n = gloss_text_index_offset_to_byte (self->index, end) - start_byte;

  /* strncmp stops at the end of @str, and the text never holds a NUL, so
   * when the first n bytes match @str has at least n of them and str[n] is
   * safe to read. */
  return strncmp (self->text + start_byte, str, n) == 0 && str[n] == '\0';
}

