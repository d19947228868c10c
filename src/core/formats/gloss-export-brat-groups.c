/* gloss-export-brat-groups.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The brat export's T lines: a file's annotations gathered into groups,
 * one T line each, their spans cut at the characters where brat cuts the
 * lines of an .ann, with the ids and fragments the import kept. */

#define G_LOG_DOMAIN "gloss-export"

#include "config.h"

#include <string.h>

#include "gloss-export-brat-private.h"

void
_gloss_brat_group_free (gpointer data)
{
  Group *group = data;

  g_free (group->id);
  g_free (group->note_id);
  g_array_unref (group->fragments);
  g_free (group);
}

void
_gloss_brat_note_type (BratState  *state,
                       const char *type,
                       GlossTag   *tag)
{
  const char *label = tag ? gloss_tag_get_label (tag) : type;
  const char *color = tag ? gloss_tag_get_color (tag) : NULL;

  _gloss_brat_conf_add_type (state->conf, type, label, color);
  if (state->dir_conf != NULL)
    _gloss_brat_conf_add_type (state->dir_conf, type, label, color);
}

/* TRUE for the characters at which brat cuts the lines of an .ann, those
 * of Python's str.splitlines(). */
gboolean
_gloss_brat_is_line_break (gunichar c)
{
  switch (c)
    {
    case '\n':
    case '\r':
    case 0x0B:
    case 0x0C:
    case 0x1C:
    case 0x1D:
    case 0x1E:
    case 0x85:
    case 0x2028:
    case 0x2029:
      return TRUE;

    default:
      return FALSE;
    }
}

/* The number in an id such as "T12" after @prefix, or 0. */
guint64
_gloss_brat_id_number (const char *id,
                       char        prefix)
{
  char *end = NULL;
  guint64 n;

  if (id == NULL || id[0] != prefix || !g_ascii_isdigit (id[1]))
    return 0;

  n = g_ascii_strtoull (id + 1, &end, 10);
  return *end == '\0' || *end == '\t' || *end == ' ' ? n : 0;
}

static gint64
extra_int (JsonObject *extra,
           const char *key)
{
  JsonNode *node;

  if (extra == NULL || (node = json_object_get_member (extra, key)) == NULL ||
      !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;

  return json_node_get_int (node);
}

/* Adds [start, end) of @a to @group, cut at brat's line breaks. */
static void
add_fragments (Group           *group,
               GlossSource     *source,
               GlossAnnotation *a)
{
  const char *text = gloss_source_get_text (source);
  guint start = gloss_annotation_get_start (a);
  guint end = gloss_annotation_get_end (a);
  const char *p = text + gloss_source_offset_to_byte (source, start);
  const char *stop = text + gloss_source_offset_to_byte (source, end);
  gint64 order = extra_int (gloss_annotation_get_extra (a), GLOSS_KEY_BRAT_FRAGMENT);
  guint offset = start, piece = start;

  for (; p < stop; p = g_utf8_next_char (p))
    {
      if (_gloss_brat_is_line_break (g_utf8_get_char (p)))
        {
          if (offset > piece)
            {
              Fragment f = { piece, offset, order };
              g_array_append_val (group->fragments, f);
            }
          piece = offset + 1;
        }
      offset++;
    }

  if (end > piece)
    {
      Fragment f = { piece, end, order };
      g_array_append_val (group->fragments, f);
    }
}

static int
compare_fragments (gconstpointer pa,
                   gconstpointer pb)
{
  const Fragment *a = pa, *b = pb;

  if (a->order != b->order)
    return a->order < b->order ? -1 : 1;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  return a->end < b->end ? -1 : a->end > b->end;
}

/* TRUE when @quote is nothing but line breaks, which brat cannot hold. */
static gboolean
only_line_breaks (const char *quote)
{
  for (const char *p = quote; *p != '\0'; p = g_utf8_next_char (p))
    if (!_gloss_brat_is_line_break (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/* Gathers the kept annotations of @file into T groups; the number of
 * orphans left out goes to @n_orphans, that of annotations of line breaks
 * alone to @n_blank. */
GPtrArray *
_gloss_brat_make_groups (GlossExporter       *self,
                         GlossSource         *source,
                         GlossAnnotationFile *file,
                         GHashTable          *by_annotation,
                         guint               *n_orphans,
                         guint               *n_blank)
{
  GListModel *model = G_LIST_MODEL (gloss_annotation_file_get_layer (file));
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (_gloss_brat_group_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  BratState *state = self->state;

  *n_orphans = 0;
  *n_blank = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (model, i);
      JsonObject *extra = gloss_annotation_get_extra (a);
      const char *brat_id = _gloss_extra_get_string (extra, GLOSS_KEY_BRAT_ID);
      const char *label = _gloss_export_label_word (a);
      Group *group = NULL;

      if (!_gloss_exporter_keeps (self, a))
        continue;
      if (gloss_annotation_get_status (a) == GLOSS_ANCHOR_ORPHANED)
        {
          (*n_orphans)++;
          continue;
        }
      if (only_line_breaks (gloss_annotation_get_quote (a)))
        {
          (*n_blank)++;
          continue;
        }

      if (brat_id != NULL)
        group = g_hash_table_lookup (by_id, brat_id);
      /* A fragment whose tag was changed in Gloss is an entity of its own. */
      if (group != NULL && strcmp (group->label, label) != 0)
        {
          group = NULL;
          brat_id = NULL;
        }

      if (group == NULL)
        {
          group = g_new0 (Group, 1);
          group->label = label;
          group->fragments = g_array_new (FALSE, FALSE, sizeof (Fragment));
          if (brat_id != NULL && _gloss_brat_id_number (brat_id, 'T') > 0)
            {
              group->id = g_strdup (brat_id);
              g_hash_table_insert (by_id, group->id, group);
            }
          g_ptr_array_add (groups, group);
          _gloss_brat_note_type (state, label,
                     gloss_annotation_file_lookup_tag (file, gloss_annotation_get_tag (a)));
        }

      add_fragments (group, source, a);
      g_hash_table_insert (by_annotation, (gpointer)gloss_annotation_get_id (a), group);
      if (group->first == NULL || (gloss_annotation_get_attributes (group->first) == NULL &&
                                   gloss_annotation_get_attributes (a) != NULL))
        group->first = a;
      if (group->note == NULL && gloss_annotation_has_note (a))
        {
          const char *note_id = _gloss_extra_get_string (extra, GLOSS_KEY_BRAT_NOTE_ID);

          group->note = gloss_annotation_get_note (a);
          if (_gloss_brat_id_number (note_id, '#') > 0)
            group->note_id = g_strdup (note_id);
        }
      self->n_annotations++;
    }

  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_ptr_array_index (groups, i);

      g_array_sort (group->fragments, compare_fragments);
      group->index = i;
    }

  return g_steal_pointer (&groups);
}
