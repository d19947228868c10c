/* gloss-annotation-file-extra.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The file's top-level keys that Gloss does not model: importers keep
 * what their format holds beyond annotations there, so that nothing is
 * lost on the way back. */

#define G_LOG_DOMAIN "gloss-annotation-file"

#include "config.h"

#include "gloss-annotation-file-private.h"

static const char * const modelled[] = { "gloss", "source", "annotator", "tags", "annotations" };

JsonObject *
gloss_annotation_file_get_extra (GlossAnnotationFile *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_FILE (self), NULL);

  return self->extra;
}

void
gloss_annotation_file_set_extra (GlossAnnotationFile *self,
                                 JsonObject          *extra)
{
  gboolean was_done;

  g_return_if_fail (GLOSS_IS_ANNOTATION_FILE (self));

  if (extra != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (modelled); i++)
        g_return_if_fail (!json_object_has_member (extra, modelled[i]));
    }

  if (extra == self->extra)
    return;

  was_done = gloss_annotation_file_get_done (self);
  g_clear_pointer (&self->extra, json_object_unref);
  if (extra != NULL)
    self->extra = json_object_ref (extra);
  if (gloss_annotation_file_get_done (self) != was_done)
    _gloss_annotation_file_notify_done (self);
}

/* The member recording that the annotator finished the article. */
#define DONE_KEY "done"

gboolean
gloss_annotation_file_get_done (GlossAnnotationFile *self)
{
  JsonNode *node;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_FILE (self), FALSE);

  /* Only an object counts: "done": false, or null, written by hand or by
   * another tool, must not read as done. */
  node = self->extra != NULL ? json_object_get_member (self->extra, DONE_KEY) : NULL;
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node);
}

const char *
gloss_annotation_file_get_done_at (GlossAnnotationFile *self)
{
  JsonObject *done;
  JsonNode *at;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_FILE (self), NULL);

  if (!gloss_annotation_file_get_done (self))
    return NULL;

  done = json_object_get_object_member (self->extra, DONE_KEY);
  at = json_object_get_member (done, "at");
  if (at == NULL || json_node_get_value_type (at) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (at);
}

void
gloss_annotation_file_set_done (GlossAnnotationFile *self,
                                GDateTime           *at)
{
  g_autoptr(JsonObject) extra = json_object_new ();
  g_autoptr(GList) members = NULL;
  gboolean was_done;

  g_return_if_fail (GLOSS_IS_ANNOTATION_FILE (self));

  /* A new object rather than a change to the old one, which a caller of
   * get_extra may hold; the other keys keep their order. */
  if (self->extra != NULL)
    members = json_object_get_members (self->extra);
  for (GList *l = members; l != NULL; l = l->next)
    {
      if (g_strcmp0 (l->data, DONE_KEY) != 0)
        json_object_set_member (extra, l->data,
                                json_node_copy (json_object_get_member (self->extra, l->data)));
    }

  if (at != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (at);
      g_autofree char *text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
      JsonObject *done = json_object_new ();

      json_object_set_string_member (done, "at", text);
      json_object_set_object_member (extra, DONE_KEY, done);
    }

  was_done = gloss_annotation_file_get_done (self);
  g_clear_pointer (&self->extra, json_object_unref);
  if (json_object_get_size (extra) > 0)
    self->extra = g_steal_pointer (&extra);
  if (gloss_annotation_file_get_done (self) != was_done)
    _gloss_annotation_file_notify_done (self);
}
