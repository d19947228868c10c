/* gloss-annotation-file-read-relations.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-annotation-file"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-annotation-file-read-private.h"
#include "gloss-attribute-json.h"
#include "gloss-error.h"
#include "gloss-relation-private.h"

/* Reading what format 1 gained with relations: the "attributes" of an
 * annotation and the file's "relations" list, both optional. */

void
_gloss_annotation_file_report_relations (GlossAnnotationFile *self)
{
  g_autofree char *display = NULL;
  guint n = gloss_layer_count_relations_needing_attention (self->layer);

  if (n == 0)
    return;

  display = g_file_get_parse_name (self->file);
  g_ptr_array_add (self->problems,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 /* Translators: a file name, then a number */
                                                 "“%s”: %u relation needs attention: a passage it links is missing or orphaned",
                                                 "“%s”: %u relations need attention: a passage they link is missing or orphaned",
                                                 n),
                                    display, n));
}

/* An annotation's "attributes": an object whose values are strings,
 * true or false, or numbers, kept sorted by id. */
gboolean
_gloss_read_attributes (Parser    *parser,
                        GVariant **out,
                        GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (!_gloss_read_next (parser, error))
    return FALSE;
  if (_gloss_read_token (parser) != GLOSS_JSON_TOKEN_BEGIN_OBJECT)
    return _gloss_read_fail (parser, error, _("the “attributes” of an annotation must be an object"));

  node = gloss_json_reader_read_node (parser->reader, &local_error);
  if (node == NULL)
    {
      g_set_error (error, GLOSS_ERROR, local_error->code,
                   _("“%s”: %s"), parser->display, local_error->message);
      return FALSE;
    }

  object = json_node_get_object (node);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      GVariant *value = gloss_attribute_value_from_json (json_object_get_member (object, l->data));
      GVariant *attributes;

      if (value == NULL || !gloss_tag_id_is_valid (l->data))
        {
          if (value != NULL)
            g_variant_unref (g_variant_ref_sink (value));
          return _gloss_read_fail (parser, error,
                                   /* Translators: an attribute id */
                                   _("the attribute “%s” of an annotation must have a valid id and a string, true or false, or a number as its value"),
                                   (const char *) l->data);
        }

      attributes = gloss_attributes_with (*out, l->data, value);
      g_clear_pointer (out, g_variant_unref);
      *out = attributes;
    }

  return TRUE;
}

typedef struct
{
  char *id;
  char *type;
  char *source;
  char *target;
  char *note;
  char *created;
  char *modified;
  JsonObject *extra;
} RelationFields;

enum { REL_ID, REL_TYPE, REL_SOURCE, REL_TARGET, REL_NOTE, REL_CREATED, REL_MODIFIED };

static const char * const relation_fields[] = {
  "id", "type", "source", "target", "note", "created", "modified", NULL
};

static gboolean
relation_member (Parser  *parser,
                 guint    field,
                 gpointer data,
                 GError **error)
{
  RelationFields *f = data;
  char **strings[] = { &f->id, &f->type, &f->source, &f->target, &f->note, &f->created,
                       &f->modified };

  return _gloss_read_string (parser, N_("a relation"), relation_fields[field], strings[field], error);
}

static gboolean
check_relation (Parser         *parser,
                RelationFields *f,
                guint           n,
                GError        **error)
{
  const char *missing = NULL;
  char *fields[] = { f->id, f->type, f->source, f->target };

  for (guint i = 0; i < G_N_ELEMENTS (fields) && missing == NULL; i++)
    if (fields[i] == NULL)
      missing = relation_fields[i];

  if (missing != NULL)
    return _gloss_read_fail (parser, error,
                             /* Translators: relation number, then a field name */
                             _("relation %u has no “%s”"), n, missing);
  if (f->id[0] == '\0' || f->source[0] == '\0' || f->target[0] == '\0')
    return _gloss_read_fail (parser, error, _("relation %u has an empty id, source or target"), n);
  if (!gloss_tag_id_is_valid (f->type))
    return _gloss_read_fail (parser, error, _("relation %u has “%s” as its type, which is not a valid type id"),
                             n, f->type);
  if ((f->created != NULL && !gloss_timestamp_is_valid (f->created)) ||
      (f->modified != NULL && !gloss_timestamp_is_valid (f->modified)))
    return _gloss_read_fail (parser, error, _("relation %u: “%s” is not an ISO 8601 date and time"),
                             n, f->created != NULL && !gloss_timestamp_is_valid (f->created) ? f->created : f->modified);

  if (g_hash_table_contains (parser->relation_ids, f->id))
    return _gloss_read_fail_duplicate (parser, error, _("relation %u has the id “%s” of an earlier one"),
                                       n, f->id);

  return TRUE;
}

/* A relation whose end is not among the annotations is kept: it needs
 * attention (gloss_layer_relation_needs_attention), not the loss of the
 * file. */
gboolean
_gloss_read_relation (Parser  *parser,
                      GError **error)
{
  RelationFields f = { 0 };
  gboolean ok;

  ok = _gloss_read_object (parser, N_("a relation"), relation_fields, relation_member, &f, &f.extra, error) &&
       check_relation (parser, &f, parser->content->relations->len + 1, error);

  if (ok)
    {
      GlossRelation *relation = _gloss_relation_new_take (f.id, f.type, f.source, f.target,
                                                          f.note, f.created, f.modified);

      memset (&f, 0, G_STRUCT_OFFSET (RelationFields, extra));
      gloss_relation_set_extra (relation, f.extra);
      g_ptr_array_add (parser->content->relations, relation);
      g_hash_table_add (parser->relation_ids, (gpointer) gloss_relation_get_id (relation));
    }

  g_free (f.id);
  g_free (f.type);
  g_free (f.source);
  g_free (f.target);
  g_free (f.note);
  g_free (f.created);
  g_free (f.modified);
  g_clear_pointer (&f.extra, json_object_unref);
  return ok;
}
