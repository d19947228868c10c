/* gloss-consensus.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-consensus"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "gloss-consensus.h"

#define SOURCE_KEY "consensus"

static const char * const how_names[] = { "agreed", "accepted", "edited", "rejected" };

const char *
gloss_consensus_how_to_string (GlossConsensusHow how)
{
  g_return_val_if_fail (how <= GLOSS_CONSENSUS_REJECTED, NULL);

  return how_names[how];
}

void
gloss_consensus_source_clear (GlossConsensusSource *source)
{
  g_clear_pointer (&source->from, g_strfreev);
  g_clear_pointer (&source->by, g_free);
  g_clear_pointer (&source->at, g_free);
}

void
gloss_consensus_set_source (GlossAnnotation            *annotation,
                            const GlossConsensusSource *source)
{
  JsonObject *old;
  g_autoptr(JsonObject) extra = json_object_new ();
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonArray) from = json_array_new ();

  g_return_if_fail (GLOSS_IS_ANNOTATION (annotation));
  g_return_if_fail (source != NULL);
  g_return_if_fail (source->how <= GLOSS_CONSENSUS_REJECTED);

  for (guint i = 0; source->from != NULL && source->from[i] != NULL; i++)
    json_array_add_string_element (from, source->from[i]);
  json_object_set_array_member (object, "from", g_steal_pointer (&from));
  json_object_set_string_member (object, "how", how_names[source->how]);
  if (source->by != NULL)
    json_object_set_string_member (object, "by", source->by);
  if (source->at != NULL)
    json_object_set_string_member (object, "at", source->at);

  /* The annotation's other unknown keys stay as they are. */
  old = gloss_annotation_get_extra (annotation);
  if (old != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (old);

      for (GList *l = members; l != NULL; l = l->next)
        if (!g_str_equal (l->data, SOURCE_KEY))
          json_object_set_member (extra, l->data, json_node_copy (json_object_get_member (old, l->data)));
    }
  json_object_set_object_member (extra, SOURCE_KEY, g_steal_pointer (&object));
  gloss_annotation_set_extra (annotation, extra);
}

gboolean
gloss_consensus_get_source (GlossAnnotation      *annotation,
                            GlossConsensusSource *source)
{
  JsonObject *extra;
  JsonObject *object;
  JsonNode *node;
  const char *how;
  guint i;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);

  *source = (GlossConsensusSource) { 0 };
  extra = gloss_annotation_get_extra (annotation);
  if (extra == NULL)
    return FALSE;
  node = json_object_get_member (extra, SOURCE_KEY);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  object = json_node_get_object (node);

  how = json_object_get_string_member_with_default (object, "how", NULL);
  for (i = 0; i < G_N_ELEMENTS (how_names); i++)
    if (g_strcmp0 (how, how_names[i]) == 0)
      break;
  if (i == G_N_ELEMENTS (how_names))
    return FALSE;
  source->how = i;

  node = json_object_get_member (object, "from");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *from = json_node_get_array (node);
      GPtrArray *ids = g_ptr_array_new ();

      for (guint k = 0; k < json_array_get_length (from); k++)
        {
          JsonNode *id = json_array_get_element (from, k);

          if (JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_STRING)
            g_ptr_array_add (ids, g_strdup (json_node_get_string (id)));
        }
      g_ptr_array_add (ids, NULL);
      source->from = (char **) g_ptr_array_free (ids, FALSE);
    }
  else
    source->from = g_new0 (char *, 1);
  source->by = g_strdup (json_object_get_string_member_with_default (object, "by", NULL));
  source->at = g_strdup (json_object_get_string_member_with_default (object, "at", NULL));
  return TRUE;
}

/* A passage and the annotators who marked it. */
typedef struct
{
  GlossAnnotation *annotation;   /* the first one seen */
  GPtrArray *from;               /* annotator ids */
} Proposal;

static void
proposal_free (gpointer data)
{
  Proposal *proposal = data;

  g_ptr_array_unref (proposal->from);
  g_free (proposal);
}

/* TRUE when a reviewer rejected what @annotation lies in: a rejection
 * record of the consensus covers it. */
static gboolean
is_rejected (GlossLayer      *consensus,
             GlossAnnotation *annotation)
{
  guint start = gloss_annotation_get_start (annotation);
  guint end = gloss_annotation_get_end (annotation);
  g_autoptr(GPtrArray) around = gloss_layer_get_overlapping (consensus, start, end);

  for (guint i = 0; i < around->len; i++)
    {
      GlossAnnotation *other = g_ptr_array_index (around, i);

      if (g_str_equal (gloss_annotation_get_tag (other), GLOSS_CONSENSUS_REJECTED_TAG) &&
          gloss_annotation_get_start (other) <= start && end <= gloss_annotation_get_end (other))
        return TRUE;
    }
  return FALSE;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
span_key (GlossAnnotation *annotation)
{
  return g_strdup_printf ("%u %u %s", gloss_annotation_get_start (annotation),
                          gloss_annotation_get_end (annotation), gloss_annotation_get_tag (annotation));
}

guint
gloss_consensus_add_agreed (GlossLayer *consensus,
                            GPtrArray  *layers,
                            guint       min_agree,
                            const char *by,
                            const char *at,
                            guint      *n_left)
{
  g_autoptr(GHashTable) proposals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, proposal_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  guint added = 0;
  guint left = 0;

  g_return_val_if_fail (GLOSS_IS_LAYER (consensus), 0);
  g_return_val_if_fail (layers != NULL, 0);
  g_return_val_if_fail (min_agree >= 1, 0);

  for (guint i = 0; i < layers->len; i++)
    {
      GlossLayer *layer = g_ptr_array_index (layers, i);
      const char *id = gloss_layer_get_annotator_id (layer);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (layer));

      for (guint k = 0; k < n; k++)
        {
          g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (G_LIST_MODEL (layer), k);
          g_autofree char *key = NULL;
          Proposal *proposal;

          if (gloss_annotation_get_status (annotation) == GLOSS_ANCHOR_ORPHANED)
            continue;
          key = span_key (annotation);
          proposal = g_hash_table_lookup (proposals, key);
          if (proposal == NULL)
            {
              proposal = g_new0 (Proposal, 1);
              proposal->annotation = annotation;
              proposal->from = g_ptr_array_new ();
              g_hash_table_insert (proposals, g_steal_pointer (&key), proposal);
              g_ptr_array_add (order, proposal);
            }
          /* A layer holds one tag on one span once: each id counts once. */
          g_ptr_array_add (proposal->from, (gpointer) id);
        }
    }

  gloss_layer_begin_group (consensus);
  for (guint i = 0; i < order->len; i++)
    {
      Proposal *proposal = g_ptr_array_index (order, i);
      GlossAnnotation *model = proposal->annotation;
      g_autoptr(GlossAnnotation) added_annotation = NULL;
      g_autofree char **from = NULL;   /* the strings are the layers' */
      GlossConsensusSource source = { NULL, GLOSS_CONSENSUS_AGREED, (char *) by, (char *) at };

      if (gloss_layer_find (consensus, gloss_annotation_get_tag (model),
                            gloss_annotation_get_start (model), gloss_annotation_get_end (model)) != NULL ||
          is_rejected (consensus, model))
        continue;
      if (proposal->from->len < min_agree)
        {
          left++;
          continue;
        }
      added_annotation = gloss_annotation_new_for_source (gloss_layer_get_source (consensus),
                                                          gloss_annotation_get_tag (model),
                                                          gloss_annotation_get_start (model),
                                                          gloss_annotation_get_end (model), NULL);
      g_ptr_array_sort (proposal->from, compare_ids);
      g_ptr_array_add (proposal->from, NULL);
      from = (char **) g_ptr_array_steal (proposal->from, NULL);
      source.from = from;
      gloss_consensus_set_source (added_annotation, &source);
      if (!gloss_layer_add (consensus, added_annotation))
        continue;
      added++;
    }
  gloss_layer_end_group (consensus);
  if (n_left != NULL)
    *n_left = left;
  return added;
}
