/* gloss-document-preview.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-document"

#include "config.h"

#include <string.h>

#include "gloss-document-preview.h"
#include "gloss-json-reader.h"

/* The start of the text a preview shows: more than a first screen of the
 * largest window, little enough to lay out at once. */
#define PREVIEW_BYTES (8 * 1024)
/* Below these sizes a document loads about as fast as its preview. */
#define LARGE_TEXT (1024 * 1024)
#define LARGE_JSON (1024 * 1024)
/* As the annotation file's reader. */
#define MAX_DEPTH 64
/* What the window shows for a tag it does not know. */
#define UNKNOWN_COLOR "#77767b"

gboolean
gloss_document_preview_wanted (GlossSource *source,
                               gsize        json_length)
{
  g_return_val_if_fail (GLOSS_IS_SOURCE (source), FALSE);

  /* Web pages and XML show their structure, which the preview has not. */
  if (g_strcmp0 (gloss_source_get_media_type (source), "text/plain") != 0)
    return FALSE;

  return gloss_source_get_n_bytes (source) > LARGE_TEXT || json_length > LARGE_JSON;
}

/* What the preview reads of one annotation. */
typedef struct
{
  char *tag;
  gint64 start;
  gint64 end;
  gboolean moved;    /* a status: anchoring may put it elsewhere */
} Found;

static gboolean
read_annotation (GlossJsonReader *reader,
                 Found           *found)
{
  while (gloss_json_reader_next (reader, NULL))
    {
      GlossJsonToken token = gloss_json_reader_get_token (reader);
      g_autofree char *key = NULL;

      if (token == GLOSS_JSON_TOKEN_END_OBJECT)
        return TRUE;
      if (token != GLOSS_JSON_TOKEN_MEMBER)
        return FALSE;

      key = gloss_json_reader_dup_string (reader);
      if (!gloss_json_reader_next (reader, NULL))
        return FALSE;
      token = gloss_json_reader_get_token (reader);

      if (g_str_equal (key, "tag") && token == GLOSS_JSON_TOKEN_STRING)
        {
          g_free (found->tag);
          found->tag = gloss_json_reader_dup_string (reader);
        }
      else if (g_str_equal (key, "start") && token == GLOSS_JSON_TOKEN_NUMBER)
        gloss_json_reader_get_int64 (reader, &found->start);
      else if (g_str_equal (key, "end") && token == GLOSS_JSON_TOKEN_NUMBER)
        gloss_json_reader_get_int64 (reader, &found->end);
      else if (g_str_equal (key, "status"))
        found->moved = TRUE;
      if (!gloss_json_reader_skip_value (reader, NULL))
        return FALSE;
    }

  return FALSE;
}

/* The colour of @tag: the codebook's, else the one the file describes. */
static guint
color_index (GlossDocumentPreview *preview,
             GHashTable           *indices,
             GlossCodebook        *codebook,
             GHashTable           *file_colors,
             const char           *tag)
{
  GlossTag *known = gloss_codebook_lookup (codebook, tag);
  const char *color = known != NULL ? gloss_tag_get_color (known) : g_hash_table_lookup (file_colors, tag);
  gpointer index;

  if (color == NULL)
    color = UNKNOWN_COLOR;
  if (g_hash_table_lookup_extended (indices, color, NULL, &index))
    return GPOINTER_TO_UINT (index);

  g_ptr_array_add (preview->colors, g_strdup (color));
  g_hash_table_insert (indices, g_ptr_array_index (preview->colors, preview->colors->len - 1),
                       GUINT_TO_POINTER (preview->colors->len - 1));
  return preview->colors->len - 1;
}

/* The tags the file describes: id → colour. */
static gboolean
read_tags (GlossJsonReader *reader,
           GHashTable      *file_colors)
{
  if (gloss_json_reader_get_token (reader) != GLOSS_JSON_TOKEN_BEGIN_ARRAY)
    return gloss_json_reader_skip_value (reader, NULL);

  while (gloss_json_reader_next (reader, NULL))
    {
      g_autofree char *id = NULL;
      g_autofree char *color = NULL;
      GlossJsonToken token = gloss_json_reader_get_token (reader);

      if (token == GLOSS_JSON_TOKEN_END_ARRAY)
        return TRUE;
      if (token != GLOSS_JSON_TOKEN_BEGIN_OBJECT)
        return FALSE;

      while (gloss_json_reader_next (reader, NULL) &&
             gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_MEMBER)
        {
          g_autofree char *key = gloss_json_reader_dup_string (reader);

          if (!gloss_json_reader_next (reader, NULL))
            return FALSE;
          if (gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_STRING)
            {
              char **value = g_str_equal (key, "id") ? &id : g_str_equal (key, "color") ? &color : NULL;

              if (value != NULL)
                {
                  g_free (*value);
                  *value = gloss_json_reader_dup_string (reader);
                }
            }
          if (!gloss_json_reader_skip_value (reader, NULL))
            return FALSE;
        }
      if (gloss_json_reader_get_token (reader) != GLOSS_JSON_TOKEN_END_OBJECT)
        return FALSE;
      if (id != NULL && color != NULL)
        g_hash_table_replace (file_colors, g_steal_pointer (&id), g_steal_pointer (&color));
    }

  return FALSE;
}

/* Whether the "source" object names @text_sha256 as the text of its
 * article. */
static gboolean
read_same_text (GlossJsonReader *reader,
                const char      *text_sha256,
                gboolean        *same)
{
  if (gloss_json_reader_get_token (reader) != GLOSS_JSON_TOKEN_BEGIN_OBJECT)
    return gloss_json_reader_skip_value (reader, NULL);

  while (gloss_json_reader_next (reader, NULL) &&
         gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_MEMBER)
    {
      gboolean is_hash = g_str_equal (gloss_json_reader_get_string (reader, NULL), "text_sha256");

      if (!gloss_json_reader_next (reader, NULL))
        return FALSE;
      if (is_hash && gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_STRING)
        *same = g_strcmp0 (gloss_json_reader_get_string (reader, NULL), text_sha256) == 0;
      if (!gloss_json_reader_skip_value (reader, NULL))
        return FALSE;
    }

  return gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_END_OBJECT;
}

static void
found_clear (Found *found)
{
  g_clear_pointer (&found->tag, g_free);
}

/* Reads the annotations that begin in the first @length characters, until
 * the bytes run out: files are sorted by start, so the first one past the
 * preview ends the reading. */
static gboolean
read_annotations (GlossJsonReader *reader,
                  guint            length,
                  GArray          *found)
{
  if (gloss_json_reader_get_token (reader) != GLOSS_JSON_TOKEN_BEGIN_ARRAY)
    return gloss_json_reader_skip_value (reader, NULL);

  while (gloss_json_reader_next (reader, NULL) &&
         gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_BEGIN_OBJECT)
    {
      Found f = { NULL, -1, -1, FALSE };

      if (!read_annotation (reader, &f))
        {
          found_clear (&f);
          return FALSE;
        }
      if (f.start >= length)
        {
          found_clear (&f);
          return FALSE;
        }
      if (f.tag != NULL && !f.moved && f.start >= 0 && f.end > f.start)
        g_array_append_val (found, f);
      else
        found_clear (&f);
    }

  return FALSE;
}

/* The start of @source's text, cut after a line. */
static void
cut_text (GlossDocumentPreview *preview,
          GlossSource          *source)
{
  const char *text = gloss_source_get_text (source);
  gsize n_bytes = gloss_source_get_n_bytes (source);

  if (n_bytes > PREVIEW_BYTES)
    {
      const char *line_end = memrchr (text, '\n', PREVIEW_BYTES);

      n_bytes = line_end != NULL ? (gsize)(line_end - text) + 1
                                 : (gsize)(g_utf8_find_prev_char (text, text + PREVIEW_BYTES + 1) - text);
    }

  preview->text = g_strndup (text, n_bytes);
  preview->n_bytes = n_bytes;
  preview->length = g_utf8_strlen (preview->text, n_bytes);
}

GlossDocumentPreview *
gloss_document_preview_new (GlossSource   *source,
                            GlossCodebook *codebook,
                            const char    *json,
                            gsize          json_length)
{
  GlossDocumentPreview *preview;
  g_autoptr(GlossJsonReader) reader = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Found));
  g_autoptr(GHashTable) file_colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) indices = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean same_text = FALSE;

  g_return_val_if_fail (GLOSS_IS_SOURCE (source), NULL);
  g_return_val_if_fail (GLOSS_IS_CODEBOOK (codebook), NULL);
  g_return_val_if_fail (json != NULL, NULL);

  preview = g_new0 (GlossDocumentPreview, 1);
  preview->ranges = g_array_new (FALSE, FALSE, sizeof (GlossPreviewRange));
  preview->colors = g_ptr_array_new_with_free_func (g_free);
  cut_text (preview, source);
  g_array_set_clear_func (found, (GDestroyNotify)found_clear);

  /* A file cut short, or not one at all, gives what was read before. */
  reader = gloss_json_reader_new (json, MIN (json_length, GLOSS_DOCUMENT_PREVIEW_JSON_BYTES), MAX_DEPTH);
  if (gloss_json_reader_next (reader, NULL) &&
      gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_BEGIN_OBJECT)
    {
      while (gloss_json_reader_next (reader, NULL) &&
             gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_MEMBER)
        {
          g_autofree char *key = gloss_json_reader_dup_string (reader);
          gboolean ok;

          if (!gloss_json_reader_next (reader, NULL))
            break;

          if (g_str_equal (key, "source"))
            ok = read_same_text (reader, gloss_source_get_text_sha256 (source), &same_text);
          else if (g_str_equal (key, "tags"))
            ok = read_tags (reader, file_colors);
          else if (g_str_equal (key, "annotations"))
            ok = read_annotations (reader, preview->length, found);
          else
            ok = gloss_json_reader_skip_value (reader, NULL);
          if (!ok)
            break;
        }
    }

  /* Anchoring moves annotations of another text: those are not shown. */
  for (guint i = 0; same_text && i < found->len; i++)
    {
      Found *f = &g_array_index (found, Found, i);
      GlossPreviewRange range;

      range.start = (guint)f->start;
      range.end = (guint)MIN (f->end, (gint64)preview->length);
      range.color = color_index (preview, indices, codebook, file_colors, f->tag);
      g_array_append_val (preview->ranges, range);
    }

  return preview;
}

void
gloss_document_preview_free (GlossDocumentPreview *preview)
{
  if (preview == NULL)
    return;

  g_free (preview->text);
  g_clear_pointer (&preview->ranges, g_array_unref);
  g_clear_pointer (&preview->colors, g_ptr_array_unref);
  g_free (preview);
}
