/* gloss-import-brat-relations.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The brat import's R and A lines: a relation between two passages
 * Gloss imported, with its note, and an attribute of one, checked
 * against the codebook; what cannot be modelled is left to be kept. */

#define G_LOG_DOMAIN "gloss-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-import-brat-private.h"

/* brat's attribute values are words that annotation.conf lists between
 * '|' and ','; Gloss writes a value id with white space, ',', '|', '<',
 * '>' or '%' in it with those characters as %XX (gloss-export-brat.c),
 * which this undoes in place. */
static void
decode_value (char *word)
{
  char *out = word;

  for (const char *p = word; *p != '\0'; p++)
    {
      if (p[0] == '%' && g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2]))
        {
          *out++ = (char)(g_ascii_xdigit_value (p[1]) * 16 + g_ascii_xdigit_value (p[2]));
          p += 2;
        }
      else
        *out++ = *p;
    }
  *out = '\0';
}

/* The "x-brat-attributes" object of @a (attribute id -> A id), made
 * when it has none. */
static JsonObject *
attribute_ids (GlossAnnotation *a)
{
  JsonObject *extra = _gloss_import_extra (a);
  JsonNode *node = json_object_get_member (extra, GLOSS_KEY_BRAT_ATTRIBUTES);
  JsonObject *ids;

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);

  ids = json_object_new ();
  json_object_set_object_member (extra, GLOSS_KEY_BRAT_ATTRIBUTES, ids);
  return ids;
}

/* The value of an A line: a string, or TRUE for none.  One GVariant for
 * each value met, which the attributes of every span with that value
 * share, where each would be one more allocation. */
static GVariant *
attribute_value (Reader     *r,
                 const char *value)
{
  GVariant *v;

  if (value == NULL)
    {
      if (r->true_value == NULL)
        r->true_value = g_variant_ref_sink (g_variant_new_boolean (TRUE));
      return r->true_value;
    }

  v = g_hash_table_lookup (r->values, value);
  if (v == NULL && (v = g_variant_new_string (value)) != NULL)
    g_hash_table_insert (r->values, g_strdup (value), g_variant_ref_sink (v));

  return v;
}

/* The id of the # line that gives the note of @id ("R1"), and its note,
 * from the AnnotatorNotes lines gathered before. */
static const char *
relation_note (Reader     *r,
               const char *id,
               const char **note_id)
{
  const char *line = g_hash_table_lookup (r->relation_notes, id);
  const char *tab;

  *note_id = NULL;
  if (line == NULL || (tab = strchr (line, '\t')) == NULL ||
      (tab = strchr (tab + 1, '\t')) == NULL || tab[1] == '\0')
    return NULL;

  *note_id = line;
  return tab + 1;
}

JsonNode *
_gloss_brat_relation_note_id (Reader     *r,
                              const char *line)
{
  return g_hash_table_lookup (r->modelled_notes, line);
}

/* Reads an R line "R1<TAB>TYPE ROLE1:T1 ROLE2:T2" into a relation
 * between the annotations of the two spans (their first pieces): the
 * line's id, or NULL when it goes to the kept lines instead, with a note
 * when it points at a span Gloss did not import or the codebook does not
 * allow it. */
JsonNode *
_gloss_brat_read_r_line (Reader     *r,
                         const char *line,
                         guint       number)
{
  BratLine cut;
  char **fields = cut.fields;
  char **words = cut.words;
  g_autoptr(GError) error = NULL;
  const char *colon[2];
  Entity *ends[2];
  GlossRelation *relation;
  JsonObject *extra;
  JsonNode *id;
  const char *note, *note_line;

  _gloss_brat_cut_line (r, line, TRUE, &cut);
  if (cut.n_fields < 2 || cut.n_words != 3)
    return NULL;

  for (guint i = 0; i < 2; i++)
    {
      colon[i] = strchr (words[i + 1], ':');
      if (colon[i] == NULL || colon[i] == words[i + 1])
        return NULL;
      ends[i] = _gloss_brat_find_entity (r, colon[i] + 1);
      if (ends[i] == NULL)
        {
          _gloss_import_batch_note (r->batch, r->display, number,
                                    /* Translators: two brat ids such as R1 and T3 */
                                    _("%s points at %s, which is not a span Gloss imported; the line is kept as it is"),
                                    fields[0], colon[i] + 1);
          return NULL;
        }
    }
  if (strncmp (words[1], words[2], colon[0] - words[1] + 1) == 0 &&
      colon[0] - words[1] == colon[1] - words[2])
    return NULL;
  if (ends[0] == ends[1])
    {
      _gloss_import_batch_note (r->batch, r->display, number,
                                /* Translators: two brat ids such as R1 and T3 */
                                _("%s goes from %s to itself, which a relation of Gloss cannot; the line is kept as it is"),
                                fields[0], colon[0] + 1);
      return NULL;
    }

  note = relation_note (r, fields[0], &note_line);
  relation = _gloss_import_batch_add_relation (r->batch, words[0],
                                               g_ptr_array_index (r->annotations, ends[0]->first),
                                               g_ptr_array_index (r->annotations, ends[1]->first),
                                               note, NULL, NULL, NULL, &error);
  if (relation == NULL)
    {
      _gloss_import_batch_note (r->batch, r->display, number,
                                /* Translators: a brat id such as R1, then why */
                                _("%s not imported as a relation (%s); the line is kept as it is"),
                                fields[0], error->message);
      return NULL;
    }

  extra = gloss_relation_get_extra (relation);
  if (extra == NULL)
    {
      g_autoptr(JsonObject) fresh = json_object_new ();

      gloss_relation_set_extra (relation, fresh);
      extra = fresh;
    }
  id = _gloss_brat_string_node (fields[0]);
  json_object_set_member (extra, GLOSS_KEY_BRAT_ID, json_node_ref (id));
  /* brat writes a tab after a relation's arguments: any other end is
   * kept. */
  if (fields[2] == NULL || fields[2][0] != '\0')
    {
      g_autofree char *tail = fields[2] ? g_strconcat ("\t", fields[2], NULL) : g_strdup ("");

      json_object_set_string_member (extra, GLOSS_KEY_BRAT_TAIL, tail);
    }
  if (strncmp (words[1], "Arg1:", 5) != 0 || strncmp (words[2], "Arg2:", 5) != 0)
    {
      g_autofree char *role1 = g_strndup (words[1], colon[0] - words[1]);
      g_autofree char *role2 = g_strndup (words[2], colon[1] - words[2]);
      g_autofree char *roles = g_strconcat (role1, " ", role2, NULL);

      json_object_set_string_member (extra, GLOSS_KEY_BRAT_ROLES, roles);
    }
  if (note != NULL)
    {
      g_autofree char *note_id = g_strndup (note_line, strchr (note_line, '\t') - note_line);
      JsonNode *node = _gloss_brat_string_node (note_id);

      json_object_set_member (extra, GLOSS_KEY_BRAT_NOTE_ID, json_node_ref (node));
      g_hash_table_insert (r->modelled_notes, (gpointer)note_line, node);
    }

  return id;
}

/* Reads an A line "A1<TAB>NAME T3 [VALUE]" (or an M line, brat's old
 * form of a binary one) into an attribute of the span's annotations:
 * without a value, a binary attribute, true.  Returns the line's id, or
 * NULL when it goes to the kept lines instead, with a note when the
 * codebook does not allow it. */
JsonNode *
_gloss_brat_read_a_line (Reader     *r,
                         const char *line,
                         guint       number)
{
  BratLine cut;
  char **fields = cut.fields;
  char **words = cut.words;
  g_autofree char *joined = NULL;
  const char *value = NULL;
  g_autoptr(JsonNode) a_id = NULL;
  const char *id = NULL, *ref = NULL;
  Entity *entity;
  guint n_words;

  _gloss_brat_cut_line (r, line, TRUE, &cut);
  if (cut.n_fields != 2)
    return NULL;
  n_words = cut.n_words;
  if (n_words < 2 || n_words > 3 || (line[0] == 'M' && n_words != 2))
    return NULL;

  entity = _gloss_brat_find_entity (r, words[1]);
  if (entity == NULL)
    {
      _gloss_import_batch_note (r->batch, r->display, number,
                                /* Translators: two brat ids such as A1 and T3 */
                                _("%s points at %s, which is not a span Gloss imported; the line is kept as it is"),
                                fields[0], words[1]);
      return NULL;
    }

  if (n_words == 3)
    {
      decode_value (words[2]);
      value = words[2];
    }
  a_id = _gloss_brat_string_node (fields[0]);
  for (guint i = 0; i < entity->n_annotations; i++)
    {
      GlossAnnotation *a = g_ptr_array_index (r->annotations, entity->first + i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GVariant) before = gloss_annotation_dup_attribute (a, words[0]);
      GVariant *v = attribute_value (r, value);

      if (before != NULL ||
          !_gloss_import_batch_set_attribute (r->batch, a, words[0], v, &error))
        {
          _gloss_import_batch_note (r->batch, r->display, number,
                                    /* Translators: a brat id such as A1, then why */
                                    _("%s not imported as an attribute (%s); the line is kept as it is"),
                                    fields[0],
                                    error ? error->message : _("the span has that attribute already"));
          return NULL;
        }
      /* The A id, and the name when its id differs: the batch made the
       * name an id as it set the attribute. */
      if (ref == NULL)
        {
          id = g_hash_table_lookup (r->batch->tags, words[0]);
          g_assert (id != NULL);
          if (strcmp (id, words[0]) == 0)
            ref = fields[0];
          else
            ref = joined = g_strconcat (fields[0], " ", words[0], NULL);
        }
      /* The A id alone is the line's, which the order shares. */
      if (ref == fields[0])
        json_object_set_member (attribute_ids (a), id, json_node_ref (a_id));
      else
        json_object_set_string_member (attribute_ids (a), id, ref);
    }

  return g_steal_pointer (&a_id);
}
