/* gloss-export-brat-extras.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The brat export's R and A lines: a layer's relations between the
 * passages written, in the order of their ends, and the passages'
 * attributes, numbered after the ids the import kept. */

#define G_LOG_DOMAIN "gloss-export"

#include "config.h"

#include <string.h>

#include "gloss-export-brat-private.h"

void
_gloss_brat_extra_free (gpointer data)
{
  Extra *e = data;

  g_free (e->id);
  g_free (e->line);
  g_free (e->note_id);
  g_free (e);
}


/* An attribute value as a word of an A line and of annotation.conf's
 * value lists: white space, ',', '|', '<', '>' and '%' become %XX
 * (gloss-import-brat.c undoes it). */
void
_gloss_brat_append_value (GString    *out,
                          const char *value)
{
  for (const char *p = value; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p) || strchr (",|<>%", *p) != NULL)
        g_string_append_printf (out, "%%%02X", (guchar)*p);
      else
        g_string_append_c (out, *p);
    }
}

/* The type an R line gives @relation: the label it was imported with
 * when that still names its type and is a word of brat's, else its type
 * id (a tag id's form, a word of brat's already). */
static const char *
relation_label (GlossRelation *relation)
{
  const char *type = gloss_relation_get_rel_type (relation);
  const char *label = _gloss_extra_get_string (gloss_relation_get_extra (relation), GLOSS_KEY_LABEL);
  g_autofree char *as_tag = NULL;

  if (label == NULL || label[0] == '\0')
    return type;
  for (const char *p = label; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
      return type;
  as_tag = _gloss_label_to_tag (label);
  return strcmp (as_tag, type) == 0 ? label : type;
}

static int
compare_relation_lines (gconstpointer pa,
                        gconstpointer pb)
{
  const Extra *a = *(Extra **)pa, *b = *(Extra **)pb;

  if (a->from != b->from)
    return a->from < b->from ? -1 : 1;
  if (a->to != b->to)
    return a->to < b->to ? -1 : 1;
  return strcmp (a->line, b->line);
}

/* The R lines of @file's relations between the written groups, and the
 * A lines of the groups' attributes. */
void
_gloss_brat_make_extras (GlossAnnotationFile *file,
                         GPtrArray           *groups,
                         GHashTable          *by_annotation,
                         GPtrArray           *relations,
                         GPtrArray           *attributes,
                         ExtraCounts         *counts)
{
  GlossLayer *layer = gloss_annotation_file_get_layer (file);
  GlossCodebook *codebook = gloss_annotation_file_get_codebook (file);
  guint n = gloss_layer_get_n_relations (layer);

  for (guint i = 0; i < n; i++)
    {
      GlossRelation *relation = gloss_layer_get_relation (layer, i);
      JsonObject *extra = gloss_relation_get_extra (relation);
      Group *from = g_hash_table_lookup (by_annotation, gloss_relation_get_source (relation));
      Group *to = g_hash_table_lookup (by_annotation, gloss_relation_get_target (relation));
      const char *roles = _gloss_extra_get_string (extra, GLOSS_KEY_BRAT_ROLES);
      g_auto(GStrv) role = roles ? g_strsplit (roles, " ", 2) : NULL;
      const char *tail;
      Extra *e;

      if (from == NULL || to == NULL || from == to)
        {
          counts->n_cut++;
          continue;
        }
      if (role == NULL || g_strv_length (role) != 2 || strcmp (role[0], role[1]) == 0)
        {
          g_clear_pointer (&role, g_strfreev);
          role = g_strsplit ("Arg1 Arg2", " ", 2);
        }

      e = g_new0 (Extra, 1);
      if (_gloss_brat_id_number (_gloss_extra_get_string (extra, GLOSS_KEY_BRAT_ID), 'R') > 0)
        e->id = g_strdup (_gloss_extra_get_string (extra, GLOSS_KEY_BRAT_ID));
      tail = _gloss_extra_get_string (extra, GLOSS_KEY_BRAT_TAIL);
      /* brat ends a relation's line with a tab (annotator.py). */
      e->from = from->index;
      e->to = to->index;
      e->line = g_strdup_printf ("%s %s:%s %s:%s%s", relation_label (relation),
                                 role[0], from->id, role[1], to->id, tail ? tail : "\t");
      if (gloss_relation_get_note (relation)[0] != '\0')
        {
          const char *note_id = _gloss_extra_get_string (extra, GLOSS_KEY_BRAT_NOTE_ID);

          e->note = gloss_relation_get_note (relation);
          if (_gloss_brat_id_number (note_id, '#') > 0)
            e->note_id = g_strdup (note_id);
        }
      g_ptr_array_add (relations, e);
    }
  /* New ones in the order of their ends in the text, not of their ids. */
  g_ptr_array_sort (relations, compare_relation_lines);

  for (guint g = 0; g < groups->len; g++)
    {
      Group *group = g_ptr_array_index (groups, g);
      GVariant *values = group->first ? gloss_annotation_get_attributes (group->first) : NULL;
      JsonObject *ids = NULL;
      JsonObject *extra = group->first ? gloss_annotation_get_extra (group->first) : NULL;
      JsonNode *node;
      GVariantIter iter;
      const char *key;
      GVariant *value;

      if (values == NULL)
        continue;
      if (extra != NULL && (node = json_object_get_member (extra, GLOSS_KEY_BRAT_ATTRIBUTES)) != NULL &&
          JSON_NODE_HOLDS_OBJECT (node))
        ids = json_node_get_object (node);

      g_variant_iter_init (&iter, values);
      while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
        {
          GlossAttributeDef *def = codebook ? gloss_codebook_lookup_attribute (codebook, key) : NULL;
          g_autoptr(GString) line = g_string_new (NULL);
          const char *ref = ids ? _gloss_extra_get_string (ids, key) : NULL;
          g_auto(GStrv) words = ref ? g_strsplit (ref, " ", 2) : NULL;
          const char *a_id = words ? words[0] : NULL;
          const char *name = key;
          Extra *e;

          /* The name the attribute was imported with, while it still
           * names it. */
          if (words != NULL && words[0] != NULL && words[1] != NULL)
            {
              g_autofree char *as_id = _gloss_label_to_tag (words[1]);

              if (strcmp (as_id, key) == 0 && strchr (words[1], '\t') == NULL)
                name = words[1];
            }
          g_string_append_printf (line, "%s %s", name, group->id);
          if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
            {
              /* brat's binary attribute: there, or not. */
              if (!g_variant_get_boolean (value))
                {
                  counts->n_false++;
                  g_variant_unref (value);
                  continue;
                }
            }
          else if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) &&
                   (def == NULL || gloss_attribute_def_get_kind (def) == GLOSS_ATTRIBUTE_CHOICE))
            {
              g_string_append_c (line, ' ');
              _gloss_brat_append_value (line, g_variant_get_string (value, NULL));
            }
          else
            {
              counts->n_unwritten++;
              g_variant_unref (value);
              continue;
            }
          g_variant_unref (value);

          e = g_new0 (Extra, 1);
          if (_gloss_brat_id_number (a_id, 'A') > 0)
            e->id = g_strdup (a_id);
          e->line = g_string_free (g_steal_pointer (&line), FALSE);
          g_ptr_array_add (attributes, e);
        }
    }
}

/* Gives ids to the lines of @list that have none (after @next, which
 * grows), and a second one that one had already the next; fills @by_id. */
void
_gloss_brat_number_extras (GPtrArray  *list,
                           char        prefix,
                           guint64    *next,
                           guint64    *next_note,
                           GHashTable *by_id)
{
  for (guint i = 0; i < list->len; i++)
    {
      Extra *e = g_ptr_array_index (list, i);

      if (e->id != NULL && !g_hash_table_contains (by_id, e->id))
        {
          *next = MAX (*next, _gloss_brat_id_number (e->id, prefix));
          g_hash_table_insert (by_id, e->id, e);
        }
      else
        g_clear_pointer (&e->id, g_free);
      if (e->note_id != NULL)
        *next_note = MAX (*next_note, _gloss_brat_id_number (e->note_id, '#'));
    }
}

void
_gloss_brat_append_extra_line (GString *out,
                               Extra   *e)
{
  g_string_append_printf (out, "%s\t%s\n", e->id, e->line);
  e->emitted = TRUE;
}

void
_gloss_brat_append_extra_note (GString *out,
                               Extra   *e)
{
  Group fake = { 0 };

  fake.id = e->id;
  fake.note = e->note;
  fake.note_id = e->note_id;
  _gloss_brat_append_note_line (out, &fake);
  e->note_emitted = TRUE;
}
