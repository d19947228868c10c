/* gloss-review-decide.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-review"

#include "config.h"

#include <string.h>

#include "gloss-consensus.h"
#include "gloss-review-private.h"

/* What the consensus settles */

gboolean
gloss_review_is_rejection (GlossAnnotation *annotation)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);

  return g_str_equal (gloss_annotation_get_tag (annotation), GLOSS_CONSENSUS_REJECTED_TAG);
}

/* Whether a reviewer edited @passage before accepting it. */
static gboolean
is_edited (GlossAnnotation *passage)
{
  g_auto(GlossConsensusSource) source = { 0 };

  return gloss_consensus_get_source (passage, &source) && source.how == GLOSS_CONSENSUS_EDITED;
}

static gboolean
settles (const GlossReviewUnit *unit,
         GlossAnnotation       *passage)
{
  const char *tag = gloss_annotation_get_tag (passage);
  guint start = gloss_annotation_get_start (passage);
  guint end = gloss_annotation_get_end (passage);

  if (gloss_annotation_get_status (passage) == GLOSS_ANCHOR_ORPHANED)
    return FALSE;
  if (gloss_review_is_rejection (passage))
    return start == unit->start && end == unit->end;
  /* An edit may change both the tag and the span: what the reviewer
   * made of the unit settles it. */
  if (is_edited (passage))
    return TRUE;

  for (guint i = 0; i < unit->versions->len; i++)
    {
      GlossAnnotation *version = g_array_index (unit->versions, GlossReviewVersion, i).annotation;

      if (g_str_equal (tag, gloss_annotation_get_tag (version)) ||
          (start == gloss_annotation_get_start (version) && end == gloss_annotation_get_end (version)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
unit_settled (GlossReview           *self,
              const GlossReviewUnit *unit)
{
  g_autoptr(GPtrArray) passages = gloss_layer_get_overlapping (self->consensus, unit->start,
                                                               MAX (unit->end, unit->start + 1));

  for (guint i = 0; i < passages->len; i++)
    if (settles (unit, g_ptr_array_index (passages, i)))
      return TRUE;
  return FALSE;
}

static void
update_unit (GlossReview *self,
             guint        u)
{
  const GlossReviewUnit *unit = &g_array_index (self->units, GlossReviewUnit, u);
  gboolean settled = unit_settled (self, unit);

  if (settled == self->settled[u])
    return;
  self->settled[u] = settled;
  if (unit->kind != GLOSS_REVIEW_AGREED)
    self->n_settled += settled ? 1 : -1;
}

/* The units that share a character with [start, end): those that start
 * before @end, walked back while some earlier unit may still reach past
 * @start. */
static void
update_range (GlossReview *self,
              guint        start,
              guint        end)
{
  guint low = 0, high = self->units->len;

  end = MAX (end, start + 1);
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->units, GlossReviewUnit, middle).start < end)
        low = middle + 1;
      else
        high = middle;
    }
  for (guint u = low; u > 0 && self->reach[u - 1] > start; u--)
    if (g_array_index (self->units, GlossReviewUnit, u - 1).end > start)
      update_unit (self, u - 1);
}

static void
refresh (GlossReview *self)
{
  if (!self->settled_stale)
    return;
  self->settled_stale = FALSE;
  self->n_settled = 0;
  for (guint u = 0; u < self->units->len; u++)
    {
      self->settled[u] = FALSE;
      update_unit (self, u);
    }
}

/* More passages than this changed at once (a reload) and everything is
 * counted again rather than each passage's units. */
#define MANY_CHANGES 64

typedef struct
{
  guint start;
  guint end;
} Span;

static void
read_spans (GListModel *model,
            guint       position,
            guint       n,
            Span       *spans)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) passage = g_list_model_get_item (model, position + i);

      spans[i].start = gloss_annotation_get_start (passage);
      spans[i].end = gloss_annotation_get_end (passage);
    }
}

/* The units a passage settles are those it overlaps: a passage added,
 * removed (an undo) or changed updates them, in O(log n + k), from the
 * spans it covered before and covers now. */
static void
consensus_changed_cb (GListModel *model,
                      guint       position,
                      guint       removed,
                      guint       added,
                      gpointer    user_data)
{
  GlossReview *self = user_data;
  g_autofree Span *gone = g_new (Span, MAX (removed, 1));
  g_autofree Span *come = g_new (Span, MAX (added, 1));

  if (removed + added > MANY_CHANGES)
    self->settled_stale = TRUE;
  memcpy (gone, &g_array_index (self->spans, Span, position), removed * sizeof (Span));
  read_spans (model, position, added, come);
  g_array_remove_range (self->spans, position, removed);
  g_array_insert_vals (self->spans, position, come, added);
  if (self->settled_stale)
    return;

  for (guint i = 0; i < removed; i++)
    update_range (self, gone[i].start, gone[i].end);
  for (guint i = 0; i < added; i++)
    update_range (self, come[i].start, come[i].end);
}

void
_gloss_review_untrack (GlossReview *self)
{
  if (self->consensus != NULL)
    g_clear_signal_handler (&self->consensus_handler, self->consensus);
  g_clear_object (&self->consensus);
  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->settled, g_free);
  self->n_settled = 0;
}

void
gloss_review_set_consensus (GlossReview *self,
                            GlossLayer  *consensus)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (consensus == NULL || GLOSS_IS_LAYER (consensus));

  if (consensus == self->consensus)
    return;
  _gloss_review_untrack (self);
  if (consensus == NULL)
    return;

  self->consensus = g_object_ref (consensus);
  self->spans = g_array_sized_new (FALSE, FALSE, sizeof (Span), g_list_model_get_n_items (G_LIST_MODEL (consensus)));
  g_array_set_size (self->spans, g_list_model_get_n_items (G_LIST_MODEL (consensus)));
  read_spans (G_LIST_MODEL (consensus), 0, self->spans->len, (Span *) (void *) self->spans->data);
  self->consensus_handler = g_signal_connect (consensus, "items-changed",
                                              G_CALLBACK (consensus_changed_cb), self);
  self->settled = g_new0 (gboolean, MAX (self->units->len, 1));
  self->settled_stale = TRUE;
}

GlossLayer *
gloss_review_get_consensus (GlossReview *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->consensus;
}

gboolean
gloss_review_is_settled (GlossReview *self,
                         guint        unit)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (unit < self->units->len, FALSE);

  if (self->consensus == NULL)
    return FALSE;
  refresh (self);
  return self->settled[unit];
}

guint
gloss_review_get_n_settled (GlossReview *self)
{
  g_return_val_if_fail (self != NULL, 0);

  if (self->consensus == NULL)
    return 0;
  refresh (self);
  return self->n_settled;
}

/* Deciding */

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
same_passage (GlossAnnotation *a,
              GlossAnnotation *b)
{
  return gloss_annotation_get_start (a) == gloss_annotation_get_start (b) &&
         gloss_annotation_get_end (a) == gloss_annotation_get_end (b) &&
         g_str_equal (gloss_annotation_get_tag (a), gloss_annotation_get_tag (b));
}

/* The ids of the annotators of @unit whose version is @model's passage
 * (every annotator of the unit when @model is NULL), sorted, each once. */
static char **
proposers (GlossReview           *self,
           const GlossReviewUnit *unit,
           GlossAnnotation       *model)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < unit->versions->len; i++)
    {
      const GlossReviewVersion *v = &g_array_index (unit->versions, GlossReviewVersion, i);
      const char *id = gloss_layer_get_annotator_id (g_ptr_array_index (self->layers, v->annotator));

      if ((model == NULL || same_passage (model, v->annotation)) &&
          (ids->len == 0 || !g_str_equal (g_ptr_array_index (ids, ids->len - 1), id)))
        g_ptr_array_add (ids, g_strdup (id));
    }
  /* Versions come by annotator: each id once already. */
  g_ptr_array_sort (ids, compare_ids);
  g_ptr_array_add (ids, NULL);
  return (char **) g_ptr_array_free (ids, FALSE);
}

/* Links @passage, new in the consensus, as the passages of @unit alike
 * to @model are linked in their layers, where the consensus holds the
 * other end (the same tag and span). */
static void
carry_relations (GlossReview           *self,
                 const GlossReviewUnit *unit,
                 GlossAnnotation       *model,
                 GlossAnnotation       *passage)
{
  for (guint i = 0; i < unit->versions->len; i++)
    {
      const GlossReviewVersion *v = &g_array_index (unit->versions, GlossReviewVersion, i);
      GlossLayer *layer = g_ptr_array_index (self->layers, v->annotator);
      g_autoptr(GPtrArray) relations = NULL;

      if (!same_passage (model, v->annotation))
        continue;
      relations = gloss_review_dup_relations (self, v->annotator, v->annotation);
      for (guint r = 0; r < relations->len; r++)
        {
          GlossRelation *relation = g_ptr_array_index (relations, r);
          gboolean from = g_str_equal (gloss_relation_get_source (relation),
                                       gloss_annotation_get_id (v->annotation));
          GlossAnnotation *other = gloss_layer_lookup (layer, from ? gloss_relation_get_target (relation)
                                                                   : gloss_relation_get_source (relation));
          GlossAnnotation *settled;

          if (other == NULL)
            continue;
          settled = other == v->annotation
                    ? passage
                    : gloss_layer_find (self->consensus, gloss_annotation_get_tag (other),
                                        gloss_annotation_get_start (other), gloss_annotation_get_end (other));
          if (settled == NULL)
            continue;
          /* Refused when the consensus has it already. */
          gloss_layer_link (self->consensus, gloss_relation_get_rel_type (relation),
                            gloss_annotation_get_id (from ? passage : settled),
                            gloss_annotation_get_id (from ? settled : passage),
                            gloss_relation_get_note (relation));
        }
    }
}

/* Adds @tag on [start, end) to the consensus with its provenance, the
 * attributes of @model and the relations of @unit's passages alike to
 * it (none for a rejection: @model NULL); NULL when the consensus holds
 * it already. */
static GlossAnnotation *
settle (GlossReview           *self,
        const GlossReviewUnit *unit,
        GlossAnnotation       *model,
        const char            *tag,
        guint                  start,
        guint                  end,
        char                 **from,
        GlossConsensusHow      how,
        const char            *by,
        const char            *at)
{
  g_autoptr(GlossAnnotation) passage = NULL;
  g_autofree char *now = at == NULL ? gloss_timestamp_now () : NULL;
  GlossConsensusSource source = { from, how, (char *) by, (char *) (at != NULL ? at : now) };

  if (gloss_layer_find (self->consensus, tag, start, end) != NULL)
    return NULL;

  passage = gloss_annotation_new_for_source (gloss_layer_get_source (self->consensus), tag, start, end, NULL);
  gloss_consensus_set_source (passage, &source);
  if (model != NULL && gloss_annotation_get_attributes (model) != NULL)
    gloss_annotation_set_attributes (passage, gloss_annotation_get_attributes (model));
  gloss_layer_begin_group (self->consensus);
  if (!gloss_layer_add (self->consensus, passage))
    {
      gloss_layer_end_group (self->consensus);
      return NULL;
    }
  if (model != NULL)
    carry_relations (self, unit, model, passage);
  gloss_layer_end_group (self->consensus);
  return passage;
}

static GlossAnnotation *
version_of (GlossReview *self,
            guint        unit,
            guint        version)
{
  const GlossReviewUnit *u = &g_array_index (self->units, GlossReviewUnit, unit);

  g_return_val_if_fail (version < u->versions->len, NULL);
  return g_array_index (u->versions, GlossReviewVersion, version).annotation;
}

#define CHECK_DECISION(self, unit, value)                             \
  G_STMT_START {                                                      \
    g_return_val_if_fail ((self) != NULL, value);                     \
    g_return_val_if_fail ((self)->consensus != NULL, value);          \
    g_return_val_if_fail ((unit) < (self)->units->len, value);        \
  } G_STMT_END

GlossAnnotation *
gloss_review_accept (GlossReview *self,
                     guint        unit,
                     guint        version,
                     const char  *by,
                     const char  *at)
{
  GlossAnnotation *model;

  CHECK_DECISION (self, unit, NULL);

  model = version_of (self, unit, version);
  if (model == NULL)
    return NULL;
  return gloss_review_accept_edited (self, unit, version, NULL, gloss_annotation_get_start (model),
                                     gloss_annotation_get_end (model), by, at);
}

GlossAnnotation *
gloss_review_accept_edited (GlossReview *self,
                            guint        unit,
                            guint        version,
                            const char  *tag,
                            guint        start,
                            guint        end,
                            const char  *by,
                            const char  *at)
{
  const GlossReviewUnit *u;
  GlossAnnotation *model;
  g_auto(GStrv) from = NULL;
  GlossConsensusHow how;

  CHECK_DECISION (self, unit, NULL);
  g_return_val_if_fail (start <= end, NULL);

  u = &g_array_index (self->units, GlossReviewUnit, unit);
  model = version_of (self, unit, version);
  if (model == NULL)
    return NULL;
  if (tag == NULL)
    tag = gloss_annotation_get_tag (model);

  from = proposers (self, u, model);
  how = g_str_equal (tag, gloss_annotation_get_tag (model)) &&
        start == gloss_annotation_get_start (model) &&
        end == gloss_annotation_get_end (model) ? GLOSS_CONSENSUS_ACCEPTED : GLOSS_CONSENSUS_EDITED;

  return settle (self, u, model, tag, start, end, from, how, by, at);
}

guint
gloss_review_accept_all (GlossReview *self,
                         guint        unit,
                         const char  *by,
                         const char  *at)
{
  const GlossReviewUnit *u;
  guint added = 0;

  CHECK_DECISION (self, unit, 0);

  u = &g_array_index (self->units, GlossReviewUnit, unit);
  gloss_layer_begin_group (self->consensus);
  for (guint i = 0; i < u->versions->len; i++)
    {
      GlossAnnotation *model = g_array_index (u->versions, GlossReviewVersion, i).annotation;
      g_auto(GStrv) from = proposers (self, u, model);

      /* A passage several annotators proposed is added once. */
      if (settle (self, u, model, gloss_annotation_get_tag (model), gloss_annotation_get_start (model),
                  gloss_annotation_get_end (model), from, GLOSS_CONSENSUS_ACCEPTED, by, at) != NULL)
        added++;
    }
  gloss_layer_end_group (self->consensus);
  return added;
}

GlossAnnotation *
gloss_review_reject (GlossReview *self,
                     guint        unit,
                     const char  *by,
                     const char  *at)
{
  const GlossReviewUnit *u;
  g_auto(GStrv) from = NULL;

  CHECK_DECISION (self, unit, NULL);

  u = &g_array_index (self->units, GlossReviewUnit, unit);
  from = proposers (self, u, NULL);
  return settle (self, u, NULL, GLOSS_CONSENSUS_REJECTED_TAG, u->start, u->end, from,
                 GLOSS_CONSENSUS_REJECTED, by, at);
}

guint
gloss_review_accept_agreements (GlossReview *self,
                                const char  *by,
                                const char  *at)
{
  guint added = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (self->consensus != NULL, 0);

  gloss_layer_begin_group (self->consensus);
  for (guint u = 0; u < self->units->len; u++)
    {
      const GlossReviewUnit *unit = &g_array_index (self->units, GlossReviewUnit, u);
      GlossAnnotation *model;
      g_auto(GStrv) from = NULL;

      if (unit->kind != GLOSS_REVIEW_AGREED)
        continue;
      model = g_array_index (unit->versions, GlossReviewVersion, 0).annotation;
      from = proposers (self, unit, NULL);
      if (settle (self, unit, model, gloss_annotation_get_tag (model), gloss_annotation_get_start (model),
                  gloss_annotation_get_end (model), from, GLOSS_CONSENSUS_AGREED, by, at) != NULL)
        added++;
    }
  gloss_layer_end_group (self->consensus);
  return added;
}
