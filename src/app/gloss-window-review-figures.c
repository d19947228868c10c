/* gloss-window-review-figures.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The review bar's agreement figures: the layers compared measured in a
 * worker thread, and what it says of them. */

#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-window-private.h"

/* The agreement figures of the layers compared: how many units are
 * agreed, F1 lenient of the pair (the mean over pairs) and
 * Krippendorff's α_U over all tags, then α of the attributes and F1 of
 * the relations when the layers have any; NULL @figures while they are
 * measured. */
static char *
describe_agreement (GlossWindow              *self,
                    const GlossReviewFigures *figures)
{
  guint n_units = gloss_review_get_n_units (self->review);
  guint agreed = n_units - gloss_review_get_n_disagreements (self->review);
  g_autofree char *units = NULL;
  g_autofree char *f1 = NULL;
  g_autofree char *alpha = NULL;
  g_autofree char *spans = NULL;
  g_autofree char *attributes = NULL;
  g_autofree char *relations = NULL;

  units = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        /* Translators: how many units are agreed, of how many */
                                        "%u of %u unit agreed", "%u of %u units agreed", n_units),
                           agreed, n_units);
  if (figures == NULL)
    /* Translators: the units agreed, while the figures are measured */
    return g_strdup_printf (_("%s · measuring…"), units);

  /* Translators: F1 of the spans, lenient matching; then undefined */
  f1 = figures->f1_lenient.status == GLOSS_SCORE_DEFINED ? g_strdup_printf (_("F1 lenient %.2f"), figures->f1_lenient.value)
                                                         : g_strdup (_("F1 lenient undefined"));
  /* Translators: Krippendorff's alpha on spans; then undefined */
  alpha = figures->alpha_u.defined ? g_strdup_printf (_("α_U %.2f"), figures->alpha_u.value)
                                   : g_strdup (_("α_U undefined"));
  /* Translators: the units agreed, F1, alpha */
  spans = g_strdup_printf (_("%s · %s · %s"), units, f1, alpha);
  if (!figures->has_attributes && !figures->has_relations)
    return g_steal_pointer (&spans);

  if (figures->has_attributes)
    /* Translators: Krippendorff's alpha of the passages' attributes; then undefined */
    attributes = figures->attributes_alpha.defined ? g_strdup_printf (_("attributes α %.2f"),
                                                                      figures->attributes_alpha.value)
                                                   : g_strdup (_("attributes α undefined"));
  if (figures->has_relations)
    /* Translators: F1 of the relations between passages; then undefined */
    relations = figures->relations_f1.status == GLOSS_SCORE_DEFINED
                  ? g_strdup_printf (_("relations F1 %.2f"), figures->relations_f1.value)
                  : g_strdup (_("relations F1 undefined"));
  if (attributes != NULL && relations != NULL)
    /* Translators: the figures of the spans, of the attributes, of the relations */
    return g_strdup_printf (_("%s · %s · %s"), spans, attributes, relations);
  /* Translators: the figures of the spans, then of the attributes or of the relations */
  return g_strdup_printf (_("%s · %s"), spans, attributes != NULL ? attributes : relations);
}

/* Measuring, in a worker thread: the teammates' layers as they are (the
 * window never changes them); of the user's own, which may change
 * meanwhile, what the measures read (id, tag, span and attributes of each
 * passage not orphaned, and the relations), taken first and made a layer
 * again in the thread. */
typedef struct
{
  char *id;
  guint start;
  guint end;
  const char *tag;               /* interned */
  GVariant *attributes;          /* the passage's, immutable, or NULL */
} Passage;

typedef struct
{
  const char *type;              /* interned */
  char *source;
  char *target;
} Link;

typedef struct
{
  GPtrArray *layers;             /* GlossLayer, NULL in the own one's place */
  guint own_index;
  char *own_id;
  char *own_name;
  GArray *own;                   /* Passage */
  GArray *own_links;             /* Link */
  GlossSource *source;
  GlossReviewFigures figures;
} Measure;

/* The own layer's place is empty until the thread fills it. */
static void
unref_layer (gpointer layer)
{
  if (layer != NULL)
    g_object_unref (layer);
}

static void
measure_free (gpointer data)
{
  Measure *measure = data;

  g_ptr_array_unref (measure->layers);
  g_free (measure->own_id);
  g_free (measure->own_name);
  g_clear_pointer (&measure->own, g_array_unref);
  g_clear_pointer (&measure->own_links, g_array_unref);
  g_object_unref (measure->source);
  g_free (measure);
}

static void
passage_clear (gpointer data)
{
  Passage *passage = data;

  g_free (passage->id);
  g_clear_pointer (&passage->attributes, g_variant_unref);
}

static void
link_clear (gpointer data)
{
  Link *link = data;

  g_free (link->source);
  g_free (link->target);
}

static GArray *
take_passages (GlossLayer *layer)
{
  GListModel *model = G_LIST_MODEL (layer);
  guint n = g_list_model_get_n_items (model);
  GArray *passages = g_array_sized_new (FALSE, FALSE, sizeof (Passage), n);

  g_array_set_clear_func (passages, passage_clear);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (model, i);
      GVariant *attributes = gloss_annotation_get_attributes (annotation);
      Passage passage;

      if (gloss_annotation_get_status (annotation) == GLOSS_ANCHOR_ORPHANED)
        continue;
      passage.id = g_strdup (gloss_annotation_get_id (annotation));
      passage.start = gloss_annotation_get_start (annotation);
      passage.end = gloss_annotation_get_end (annotation);
      passage.tag = g_intern_string (gloss_annotation_get_tag (annotation));
      passage.attributes = attributes != NULL ? g_variant_ref (attributes) : NULL;
      g_array_append_val (passages, passage);
    }
  return passages;
}

static GArray *
take_links (GlossLayer *layer)
{
  guint n = gloss_layer_get_n_relations (layer);
  GArray *links = g_array_sized_new (FALSE, FALSE, sizeof (Link), n);

  g_array_set_clear_func (links, link_clear);
  for (guint i = 0; i < n; i++)
    {
      GlossRelation *relation = gloss_layer_get_relation (layer, i);
      Link link = {
        g_intern_string (gloss_relation_get_rel_type (relation)),
        g_strdup (gloss_relation_get_source (relation)),
        g_strdup (gloss_relation_get_target (relation)),
      };

      g_array_append_val (links, link);
    }
  return links;
}

static GlossLayer *
make_layer (Measure *measure)
{
  GlossLayer *layer = gloss_layer_new (measure->own_id, measure->own_name);
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_full (measure->own->len, g_object_unref);

  for (guint i = 0; i < measure->own->len; i++)
    {
      const Passage *passage = &g_array_index (measure->own, Passage, i);
      GlossAnnotation *annotation = gloss_annotation_new_full (passage->id, passage->tag, passage->start,
                                                               passage->end, NULL, NULL, NULL, NULL,
                                                               NULL, NULL);

      gloss_annotation_set_attributes (annotation, passage->attributes);
      g_ptr_array_add (annotations, annotation);
    }
  gloss_layer_set_source (layer, measure->source);
  gloss_layer_replace_all (layer, annotations);
  /* A relation to an orphaned passage is refused, as measuring leaves it out. */
  for (guint i = 0; i < measure->own_links->len; i++)
    {
      const Link *link = &g_array_index (measure->own_links, Link, i);

      gloss_layer_link (layer, link->type, link->source, link->target, NULL);
    }
  return layer;
}

static void
measure_thread (GTask        *task,
                gpointer      source_object,
                gpointer      data,
                GCancellable *cancellable)
{
  Measure *measure = data;

  if (measure->own != NULL)
    {
      g_ptr_array_index (measure->layers, measure->own_index) = make_layer (measure);
      g_clear_pointer (&measure->own, g_array_unref);
      g_clear_pointer (&measure->own_links, g_array_unref);
    }
  gloss_review_measure_layers (measure->layers, measure->source, &measure->figures);
  g_task_return_boolean (task, TRUE);
}

static void
measure_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GlossWindow *self = GLOSS_WINDOW (object);
  Measure *measure = g_task_get_task_data (G_TASK (result));
  g_autofree char *figures = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), NULL) || self->review == NULL)
    return;

  figures = describe_agreement (self, &measure->figures);
  gtk_label_set_label (self->review_figures, figures);
}

void
_gloss_window_measure_review_figures (GlossWindow *self)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *figures = describe_agreement (self, NULL);
  GlossLayer *own = gloss_document_get_layer (self->document);
  Measure *measure = g_new0 (Measure, 1);

  gtk_label_set_label (self->review_figures, figures);
  g_cancellable_cancel (self->review_cancellable);
  g_clear_object (&self->review_cancellable);
  self->review_cancellable = g_cancellable_new ();

  measure->layers = g_ptr_array_new_with_free_func (unref_layer);
  for (guint i = 0; i < self->review_layers->len; i++)
    {
      GlossLayer *layer = g_ptr_array_index (self->review_layers, i);

      if (layer == own)
        {
          measure->own_index = i;
          measure->own_id = g_strdup (gloss_layer_get_annotator_id (own));
          measure->own_name = g_strdup (gloss_layer_get_annotator_name (own));
          measure->own = take_passages (own);
          measure->own_links = take_links (own);
        }
      g_ptr_array_add (measure->layers, layer == own ? NULL : g_object_ref (layer));
    }
  measure->source = g_object_ref (gloss_document_get_source (self->document));

  task = g_task_new (self, self->review_cancellable, measure_done, NULL);
  g_task_set_source_tag (task, _gloss_window_measure_review_figures);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, measure, measure_free);
  g_task_run_in_thread (task, measure_thread);
}
