/* gloss-import-w3c-pipe.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The W3C import reads its file in two threads at once: a thread of its
 * own reads the JSON into trees, an annotation (or whatever object is
 * read whole) after another, and hands them over in chunks of a few
 * hundred; the calling thread takes each in the order read, as it would
 * have after reading it itself.  Reading and taking cost about the same,
 * so that on two processors a large file is imported in not much more
 * than the time of either.
 *
 * The reading thread touches nothing but the file's bytes, its reader
 * and its trees: what is done with an annotation, and every problem
 * reported, happens on the calling thread, in order.  At most a few
 * chunks exist at once, so that memory stays bounded when the taking is
 * the slower. */

#define G_LOG_DOMAIN "gloss-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-error.h"
#include "gloss-import-w3c-private.h"

/* A chunk is handed over once it holds this many objects, or strings of
 * this many bytes; no more than CHUNKS exist at once. */
#define CHUNK_OBJECTS 256
#define CHUNK_BYTES (512 * 1024)
#define CHUNKS 4

/* An object read whole, or an item of a list that is not an object. */
typedef struct
{
  GlossW3cValue value;      /* 0 for an item that is not an object */
  guint line;               /* that item's line */
  guint depth;
  gboolean has_context;
} Entry;

typedef struct
{
  GlossW3cTree tree;
  GArray *entries;
} Chunk;

/* What the reading thread sends last: its chunks are all sent. */
static Chunk done;

typedef struct
{
  GlossJsonReader *reader;
  GlossW3cTree scratch;     /* where objects are read, until read whole */
  Chunk *chunk;             /* where they go then */
  guint n_chunks;
  GAsyncQueue *full;        /* to the calling thread */
  GAsyncQueue *empty;       /* back from it */
  GError *error;
} Pipe;

static Chunk *
chunk_new (void)
{
  Chunk *chunk = g_new0 (Chunk, 1);

  _gloss_w3c_tree_init (&chunk->tree);
  chunk->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  return chunk;
}

static void
chunk_free (gpointer data)
{
  Chunk *chunk = data;

  if (chunk == NULL || chunk == &done)
    return;
  _gloss_w3c_tree_clear (&chunk->tree);
  g_array_unref (chunk->entries);
  g_free (chunk);
}

/* The chunk objects go to, a new one or one given back when the one
 * before was sent. */
static Chunk *
current_chunk (Pipe *pipe)
{
  if (pipe->chunk != NULL)
    return pipe->chunk;

  if (pipe->n_chunks < CHUNKS)
    {
      pipe->chunk = g_async_queue_try_pop (pipe->empty);
      if (pipe->chunk == NULL)
        {
          pipe->chunk = chunk_new ();
          pipe->n_chunks++;
        }
    }
  else
    pipe->chunk = g_async_queue_pop (pipe->empty);

  return pipe->chunk;
}

static void
send_chunk (Pipe *pipe)
{
  if (pipe->chunk != NULL && pipe->chunk->entries->len > 0)
    g_async_queue_push (pipe->full, g_steal_pointer (&pipe->chunk));
}

static void
add_entry (Pipe  *pipe,
           Entry *entry)
{
  Chunk *chunk = current_chunk (pipe);

  g_array_append_val (chunk->entries, *entry);
  if (chunk->entries->len >= CHUNK_OBJECTS || chunk->tree.strings_length >= CHUNK_BYTES)
    send_chunk (pipe);
}

static gboolean walk (Pipe     *pipe,
                      gboolean  has_context,
                      guint     depth,
                      GError  **error);

/* Reads the object whose "{" is the reader's current token.  Its members
 * are read one by one; once it shows itself a page (or a collection),
 * with its context known, its "items" (or "first") are walked as they
 * are read instead of being kept.  Otherwise the object, read whole, is
 * copied into the chunk to hand over, and its space given back. */
static gboolean
walk_object (Pipe      *pipe,
             gboolean   has_context,
             guint      depth,
             GError   **error)
{
  GlossJsonReader *reader = pipe->reader;
  GlossW3cTree *tree = &pipe->scratch;
  GlossW3cMark mark = _gloss_w3c_tree_mark (tree);
  GlossW3cValue head = _gloss_w3c_tree_new_object (tree);
  GlossW3cValue type = 0, context = 0;   /* the members read so far */
  gboolean streamed = FALSE;

  for (;;)
    {
      GlossW3cValue member;
      const char *key;
      gsize length;
      guint64 word;
      gboolean items, is_type, is_context;

      if (!gloss_json_reader_next (reader, error))
        return FALSE;
      if (gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_END_OBJECT)
        break;

      /* The reader's own copy of the key, good until it moves on: an
       * annotation's members are not copied and freed one by one. */
      key = gloss_json_reader_get_string (reader, &length);
      word = _gloss_w3c_word (key, length);
      if (_gloss_w3c_member_word (tree, head, word, key, length) != 0)
        {
          g_autofree char *what = g_strdup_printf (_("duplicate key “%s”"), key);

          /* As the reader refuses it in a value read whole. */
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_PARSE, _("line %u, column %u: %s"),
                       gloss_json_reader_get_line (reader), gloss_json_reader_get_column (reader),
                       what);
          return FALSE;
        }

      items = _gloss_w3c_name_is (key, length, word, "items");
      if ((has_context || context != 0) && (items || _gloss_w3c_name_is (key, length, word, "first")) &&
          _gloss_w3c_has_string (tree, type, items ? "AnnotationPage" : "AnnotationCollection"))
        {
          g_autofree char *name = g_strdup (key);
          gboolean own_context = _gloss_w3c_has_string (tree, context, GLOSS_W3C_ANNO_CONTEXT);

          if (!gloss_json_reader_next (reader, error))
            return FALSE;
          /* A collection's "first" that is a link is read whole, and
           * reported as such. */
          if (items || gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_BEGIN_OBJECT)
            {
              if (!walk (pipe, has_context || own_context, depth + 1, error))
                return FALSE;
              streamed = TRUE;
              _gloss_w3c_tree_add_null (tree, head, name);
              continue;
            }
          if (_gloss_w3c_tree_read (tree, reader, error) == 0)
            return FALSE;
          _gloss_w3c_tree_add_null (tree, head, name);
          continue;
        }

      /* Known before the reader moves on, and with it the key. */
      is_type = _gloss_w3c_name_is (key, length, word, "type");
      is_context = _gloss_w3c_name_is (key, length, word, "@context");
      member = _gloss_w3c_tree_add_member (tree, head, key, length, word, reader, error);
      if (member == 0)
        return FALSE;
      if (is_type)
        type = member;
      else if (is_context)
        context = member;
    }

  if (!streamed)
    {
      Chunk *chunk = current_chunk (pipe);
      Entry entry = { 0 };

      entry.value = _gloss_w3c_tree_copy (&chunk->tree, tree, mark, head);
      entry.has_context = has_context;
      entry.depth = depth;
      add_entry (pipe, &entry);
    }

  _gloss_w3c_tree_release (tree, mark);
  return TRUE;
}

/* Walks the value whose first token is the reader's current one, as
 * collect() does a value read whole. */
static gboolean
walk (Pipe      *pipe,
      gboolean   has_context,
      guint      depth,
      GError   **error)
{
  GlossJsonReader *reader = pipe->reader;
  GlossJsonToken token = gloss_json_reader_get_token (reader);
  Entry entry = { 0 };

  if (depth > 8)
    return gloss_json_reader_skip_value (reader, error);

  if (token == GLOSS_JSON_TOKEN_BEGIN_ARRAY)
    {
      for (;;)
        {
          if (!gloss_json_reader_next (reader, error))
            return FALSE;
          if (gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_END_ARRAY)
            return TRUE;
          if (!walk (pipe, has_context, depth + 1, error))
            return FALSE;
        }
    }

  if (token == GLOSS_JSON_TOKEN_BEGIN_OBJECT)
    return walk_object (pipe, has_context, depth, error);

  /* Reported by the calling thread, in its turn. */
  entry.line = gloss_json_reader_get_line (reader);
  add_entry (pipe, &entry);
  return gloss_json_reader_skip_value (reader, error);
}

static gpointer
read_thread (gpointer data)
{
  Pipe *pipe = data;

  /* A file that is not JSON throughout is refused whole, whatever its
   * annotations read so far. */
  if (gloss_json_reader_next (pipe->reader, &pipe->error) &&
      walk (pipe, FALSE, 0, &pipe->error) &&
      gloss_json_reader_next (pipe->reader, &pipe->error))
    send_chunk (pipe);

  g_async_queue_push (pipe->full, &done);
  return NULL;
}

gboolean
_gloss_w3c_pipe_read (const char       *data,
                      gsize             length,
                      GlossW3cTakeFunc  take,
                      gpointer          user_data,
                      GError          **error)
{
  Pipe pipe = { 0 };
  GThread *thread;
  Chunk *chunk;

  pipe.reader = gloss_json_reader_new (data, length, GLOSS_IMPORT_MAX_DEPTH);
  pipe.full = g_async_queue_new ();
  pipe.empty = g_async_queue_new ();
  _gloss_w3c_tree_init (&pipe.scratch);

  thread = g_thread_new ("gloss-w3c-read", read_thread, &pipe);
  while ((chunk = g_async_queue_pop (pipe.full)) != &done)
    {
      for (guint i = 0; i < chunk->entries->len; i++)
        {
          Entry *entry = &g_array_index (chunk->entries, Entry, i);

          take (user_data, entry->value ? &chunk->tree : NULL, entry->value, entry->has_context,
                entry->depth, entry->line);
        }
      g_array_set_size (chunk->entries, 0);
      _gloss_w3c_tree_release (&chunk->tree, (GlossW3cMark) { 1, 0 });
      g_async_queue_push (pipe.empty, chunk);
    }
  g_thread_join (thread);

  /* The chunks given back and the one being filled, whatever their
   * number. */
  chunk_free (pipe.chunk);
  while ((chunk = g_async_queue_try_pop (pipe.empty)) != NULL)
    chunk_free (chunk);
  g_async_queue_unref (pipe.full);
  g_async_queue_unref (pipe.empty);
  _gloss_w3c_tree_clear (&pipe.scratch);
  gloss_json_reader_free (pipe.reader);

  if (pipe.error != NULL)
    {
      g_propagate_error (error, pipe.error);
      return FALSE;
    }
  return TRUE;
}
