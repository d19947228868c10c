/* gloss-agreement.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-agreement"

#include "config.h"

#include <string.h>

#include "gloss-agreement-private.h"
#include "gloss-annotation-file.h"
#include "gloss-corpus.h"
#include "gloss-tokenizer.h"

/* One passage of an article: where it lies and the tokens it covers,
 * [first, last). */
typedef struct
{
  guint tag;
  guint start;
  guint end;
  guint first;
  guint last;
} Passage;

const char *
gloss_agreement_token_measure_to_string (GlossAgreementTokenMeasure measure)
{
  static const char * const names[] = {
    "percent_agreement", "cohen_kappa", "scott_pi", "fleiss_kappa", "alpha",
  };

  g_return_val_if_fail (measure < GLOSS_AGREEMENT_N_TOKEN_MEASURES, NULL);

  return names[measure];
}

/* The study. */

GlossAgreement *
gloss_agreement_new (void)
{
  GlossAgreement *self = g_new0 (GlossAgreement, 1);

  self->tags = g_ptr_array_new_with_free_func (g_free);
  self->tag_numbers = g_hash_table_new (g_str_hash, g_str_equal);
  _gloss_agreement_relational_init (self);
  self->total = _gloss_agreement_result_new (self, NULL);
  return self;
}

void
gloss_agreement_free (GlossAgreement *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->annotator_filter, g_hash_table_unref);
  gloss_agreement_result_free (self->total);
  g_hash_table_unref (self->tag_numbers);
  g_ptr_array_unref (self->tags);
  _gloss_agreement_relational_clear (self);
  g_free (self);
}

void
gloss_agreement_set_annotators (GlossAgreement     *self,
                                const char * const *annotator_ids)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->total->n_articles == 0);

  g_clear_pointer (&self->annotator_filter, g_hash_table_unref);
  if (annotator_ids == NULL)
    return;
  self->annotator_filter = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; annotator_ids[i] != NULL; i++)
    g_hash_table_add (self->annotator_filter, g_strdup (annotator_ids[i]));
}

/* The number of @tag, given one when new (unless the tags are fixed). */
static int
study_tag (GlossAgreement *self,
           const char     *tag)
{
  int t = _gloss_agreement_tag_number (self, tag);
  char *copy;

  if (t >= 0 || self->fixed_tags)
    return t;
  copy = g_strdup (tag);
  g_ptr_array_add (self->tags, copy);
  g_hash_table_insert (self->tag_numbers, copy, GUINT_TO_POINTER (self->tags->len));
  return (int) self->tags->len - 1;
}

void
gloss_agreement_set_tags (GlossAgreement     *self,
                          const char * const *tags)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->total->n_articles == 0);

  g_hash_table_remove_all (self->tag_numbers);
  g_ptr_array_set_size (self->tags, 0);
  self->fixed_tags = FALSE;
  if (tags == NULL)
    return;
  for (guint i = 0; tags[i] != NULL; i++)
    study_tag (self, tags[i]);
  self->fixed_tags = TRUE;
}

GlossAgreementResult *
gloss_agreement_get_total (GlossAgreement *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  self->total->n_tags = self->tags->len;
  return self->total;
}

/* Measuring an article. */

typedef struct
{
  Annotator *annotator;
  GlossLayer *layer;            /* as read, with its relations */
  guint index;                  /* in the sorted coders */
  GArray *passages;             /* Passage, by start, then longest, then tag */
  int *inside;                  /* n_tags × n_tokens: 1 in a passage of the tag */
  int *labels;                  /* n_tokens: the category over all tags */
} Coder;

static void
coder_clear (Coder *coder)
{
  g_clear_pointer (&coder->passages, g_array_unref);
  g_clear_pointer (&coder->inside, g_free);
  g_clear_pointer (&coder->labels, g_free);
}

static int
compare_passages (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const Passage *p = a, *q = b;
  GPtrArray *tags = user_data;

  if (p->start != q->start)
    return p->start < q->start ? -1 : 1;
  if (p->end != q->end)
    return p->end > q->end ? -1 : 1;
  return strcmp (g_ptr_array_index (tags, p->tag), g_ptr_array_index (tags, q->tag));
}

/* The layer measured: @layer itself when every annotation of it counts,
 * otherwise a layer of those that do.  Fills @passages. */
static GlossLayer *
measured_layer (GlossAgreement *self,
                GlossLayer     *layer,
                const GArray   *tokens,
                GArray         *passages)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (layer));
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
  GlossLayer *measured;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (G_LIST_MODEL (layer), i);
      Passage passage;
      int t;

      /* Nor are a consensus file's rejection records passages. */
      if (gloss_annotation_get_status (annotation) == GLOSS_ANCHOR_ORPHANED ||
          g_str_equal (gloss_annotation_get_tag (annotation), GLOSS_CONSENSUS_REJECTED_TAG))
        continue;
      t = study_tag (self, gloss_annotation_get_tag (annotation));
      if (t < 0)
        continue;
      passage.tag = t;
      passage.start = gloss_annotation_get_start (annotation);
      passage.end = gloss_annotation_get_end (annotation);
      passage.first = gloss_tokens_find_end_after (tokens, passage.start);
      passage.last = gloss_tokens_find_start_from (tokens, passage.first, passage.end);
      g_array_append_val (passages, passage);
      g_ptr_array_add (kept, g_steal_pointer (&annotation));
    }
  g_array_sort_with_data (passages, compare_passages, self->tags);

  if (kept->len == n)
    return g_object_ref (layer);
  measured = gloss_layer_new (gloss_layer_get_annotator_id (layer),
                              gloss_layer_get_annotator_name (layer));
  gloss_layer_set_source (measured, gloss_layer_get_source (layer));
  gloss_layer_replace_all (measured, kept);
  return measured;
}

/* Each token's codes: in or out of each tag, and its category over all
 * tags, the passage that starts first covering it (the passages being in
 * that order, the tokens before the furthest end reached so far have
 * theirs already). */
static void
code_tokens (Coder *coder,
             guint  n_tags,
             guint  n_tokens)
{
  guint reached = 0;

  coder->inside = g_new0 (int, (gsize) n_tags * n_tokens + 1);
  coder->labels = g_new0 (int, n_tokens + 1);
  for (guint i = 0; i < coder->passages->len; i++)
    {
      const Passage *p = &g_array_index (coder->passages, Passage, i);
      int *inside = coder->inside + (gsize) p->tag * n_tokens;

      for (guint k = p->first; k < p->last; k++)
        inside[k] = 1;
      for (guint k = MAX (p->first, reached); k < p->last; k++)
        coder->labels[k] = (int) p->tag + 1;
      reached = MAX (reached, p->last);
    }
}

/* Adds the tokens to @tally, the codes of coder i being columns[i]; a run
 * of tokens coded alike is one unit of that weight. */
static void
add_token_runs (GlossNominalTally *tally,
                const int * const *columns,
                guint              n_columns,
                guint              n_tokens)
{
  g_autofree int *codes = g_new (int, n_columns);
  g_autofree int *next = g_new (int, n_columns);
  guint weight = 0;

  for (guint k = 0; k < n_tokens; k++)
    {
      gboolean same = weight > 0;

      for (guint i = 0; i < n_columns; i++)
        {
          next[i] = columns[i][k];
          same = same && next[i] == codes[i];
        }
      if (same)
        {
          weight++;
          continue;
        }
      if (weight > 0)
        gloss_nominal_tally_add_unit (tally, codes, weight);
      memcpy (codes, next, n_columns * sizeof (int));
      weight = 1;
    }
  if (weight > 0)
    gloss_nominal_tally_add_unit (tally, codes, weight);
}

/* Adds to @data the passages of @tag of @coder, as coder @index, those
 * that overlap merged into their union (a coder's units of a category do
 * not overlap on α_U's continuum). */
static void
add_units (GlossUnitizingData *data,
           guint               index,
           const Coder        *coder,
           guint               tag,
           const char         *name)
{
  gint64 start = -1, end = -1;

  for (guint i = 0; i < coder->passages->len; i++)
    {
      const Passage *p = &g_array_index (coder->passages, Passage, i);

      if (p->tag != tag || p->end <= p->start)
        continue;
      if (start >= 0 && p->start < end)
        {
          end = MAX (end, (gint64) p->end);
          continue;
        }
      if (start >= 0)
        gloss_unitizing_data_add_unit (data, index, start, end - start, name);
      start = p->start;
      end = p->end;
    }
  if (start >= 0)
    gloss_unitizing_data_add_unit (data, index, start, end - start, name);
}

/* The set of @coders (two for a pair) on one article. */
static GlossAgreementSet *
measure_set (GlossAgreement      *self,
             GlossAgreementUnits *units,
             gboolean             is_pair,
             Coder              **coders,
             guint                n_coders,
             guint                n_tags,
             guint                n_tokens,
             guint                length)
{
  GlossAgreementSet *set = _gloss_agreement_set_new (self, is_pair, n_coders);
  g_autofree const int **columns = g_new (const int *, n_coders);
  g_autofree guint *indices = g_new (guint, n_coders);

  set->n_articles = 1;
  for (guint i = 0; i < n_coders; i++)
    indices[i] = coders[i]->index;
  _gloss_agreement_units_measure (units, set, indices, n_coders);
  if (is_pair)
    set->spans = gloss_span_match_new (coders[0]->annotator->layer, coders[1]->annotator->layer, NULL);

  for (guint i = 0; i < n_coders; i++)
    columns[i] = coders[i]->labels;
  add_token_runs (set->tokens, columns, n_coders, n_tokens);

  g_ptr_array_set_size (set->tag_tokens, n_tags);
  g_ptr_array_set_size (set->tag_sums, n_tags);
  for (guint t = 0; t < n_tags; t++)
    {
      const char *name = g_ptr_array_index (self->tags, t);
      g_autoptr(GlossUnitizingData) data = gloss_unitizing_data_new (n_coders, 0, length);
      GlossNominalTally *tally = gloss_nominal_tally_new (n_coders);
      GlossUnitizingSums *sums = gloss_unitizing_sums_new (n_coders);
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < n_coders; i++)
        {
          columns[i] = coders[i]->inside + (gsize) t * n_tokens;
          add_units (data, i, coders[i], t, name);
        }
      add_token_runs (tally, columns, n_coders, n_tokens);
      g_ptr_array_index (set->tag_tokens, t) = tally;
      /* The units come from anchored passages inside the text, merged:
       * nothing the measure refuses. */
      if (!gloss_unitizing_sums_add_data (sums, data, name, &error))
        g_critical ("%s", error->message);
      g_ptr_array_index (set->tag_sums, t) = sums;
    }

  g_array_set_size (set->blank_tokens, n_coders + 1);
  g_array_index (set->blank_tokens, guint64, n_coders) = n_tokens;
  g_hash_table_insert (set->lengths, GUINT_TO_POINTER (length), GSIZE_TO_POINTER (1));
  return set;
}

/* The annotators asked for; without a list, every annotator but the
 * consensus, which is no annotator of its own (its passages are theirs),
 * and is compared only when named. */
static gboolean
annotator_wanted (GlossAgreement *self,
                  GlossLayer     *layer)
{
  const char *id = gloss_layer_get_annotator_id (layer);

  if (self->annotator_filter == NULL)
    return !g_str_equal (id, GLOSS_CONSENSUS_ANNOTATOR);
  return g_hash_table_contains (self->annotator_filter, id);
}

static int
compare_coders (gconstpointer a,
                gconstpointer b)
{
  const Coder *x = a, *y = b;

  return strcmp (x->annotator->id, y->annotator->id);
}

/* Pools the article @article into the total. */
static void
pool (GlossAgreement       *self,
      GlossAgreementResult *article)
{
  GlossAgreementResult *total = self->total;
  GHashTableIter iter;
  gpointer key, value;

  total->n_articles++;
  total->n_tokens += article->n_tokens;
  total->n_characters += article->n_characters;
  total->n_tags = self->tags->len;

  for (guint i = 0; i < article->annotators->len; i++)
    {
      Annotator *from = g_ptr_array_index (article->annotators, i);
      Annotator *to = _gloss_agreement_result_annotator (total, from->id, from->name);

      to->n_articles++;
      to->total += from->total;
      if (to->counts->len < from->counts->len)
        g_array_set_size (to->counts, from->counts->len);
      for (guint t = 0; t < from->counts->len; t++)
        g_array_index (to->counts, guint, t) += g_array_index (from->counts, guint, t);
    }

  g_hash_table_iter_init (&iter, article->pairs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GlossAgreementSet *set = g_hash_table_lookup (total->pairs, key);

      if (set == NULL)
        {
          set = _gloss_agreement_set_new (self, TRUE, 2);
          g_hash_table_insert (total->pairs, g_strdup (key), set);
        }
      _gloss_agreement_set_add (set, value, article->n_tags);
    }
  if (article->group != NULL)
    {
      if (total->group == NULL)
        total->group = _gloss_agreement_set_new (self, FALSE, article->group->n_coders);
      _gloss_agreement_set_add (total->group, article->group, article->n_tags);
    }
}

GlossAgreementResult *
gloss_agreement_measure_layers (GlossAgreement *self,
                                const char     *name,
                                GlossSource    *source,
                                GPtrArray      *layers)
{
  GlossAgreementResult *result;
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GArray) coders = g_array_new (FALSE, TRUE, sizeof (Coder));
  g_autofree Coder **all = NULL;
  g_autofree GlossLayer **measured = NULL;
  g_autofree GlossLayer **originals = NULL;
  GlossAgreementUnits *units;
  guint n_tokens, n_tags, length;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (GLOSS_IS_SOURCE (source), NULL);
  g_return_val_if_fail (layers != NULL, NULL);

  result = _gloss_agreement_result_new (self, name);
  result->source = g_object_ref (source);
  result->n_articles = 1;
  length = gloss_source_get_length (source);
  tokens = gloss_tokenize (gloss_source_get_text (source), gloss_source_get_n_bytes (source));
  n_tokens = tokens->len;
  result->n_tokens = n_tokens;
  result->n_characters = length;

  for (guint i = 0; i < layers->len; i++)
    {
      GlossLayer *layer = g_ptr_array_index (layers, i);
      Coder coder = { 0 };

      if (!annotator_wanted (self, layer))
        continue;
      coder.annotator = _gloss_agreement_result_annotator (result, gloss_layer_get_annotator_id (layer),
                                          gloss_layer_get_annotator_name (layer));
      /* The same annotator twice (a file copied by hand): the first. */
      if (coder.annotator->layer != NULL)
        continue;
      coder.annotator->n_articles = 1;
      coder.layer = layer;
      coder.passages = g_array_new (FALSE, FALSE, sizeof (Passage));
      coder.annotator->layer = measured_layer (self, layer, tokens, coder.passages);
      g_array_append_val (coders, coder);
    }
  g_array_sort (coders, compare_coders);

  n_tags = self->tags->len;
  result->n_tags = n_tags;
  all = g_new (Coder *, coders->len + 1);
  measured = g_new (GlossLayer *, coders->len + 1);
  originals = g_new (GlossLayer *, coders->len + 1);
  for (guint i = 0; i < coders->len; i++)
    {
      Coder *coder = &g_array_index (coders, Coder, i);
      Annotator *annotator = coder->annotator;

      all[i] = coder;
      coder->index = i;
      measured[i] = annotator->layer;
      originals[i] = coder->layer;
      code_tokens (coder, n_tags, n_tokens);
      g_array_set_size (annotator->counts, n_tags);
      for (guint p = 0; p < coder->passages->len; p++)
        g_array_index (annotator->counts, guint, g_array_index (coder->passages, Passage, p).tag)++;
      annotator->total = coder->passages->len;
    }

  units = _gloss_agreement_units_new (self, measured, originals, coders->len);
  for (guint i = 0; i < coders->len; i++)
    for (guint j = i + 1; j < coders->len; j++)
      {
        Coder *pair[] = { all[i], all[j] };

        g_hash_table_insert (result->pairs, _gloss_agreement_pair_key (all[i]->annotator->id, all[j]->annotator->id),
                             measure_set (self, units, TRUE, pair, 2, n_tags, n_tokens, length));
      }
  if (coders->len >= 2)
    result->group = measure_set (self, units, FALSE, all, coders->len, n_tags, n_tokens, length);

  /* Kept for the article's disagreements: its passages live in the
   * annotators' layers the result holds. */
  result->units = units;
  for (guint i = 0; i < coders->len; i++)
    coder_clear (&g_array_index (coders, Coder, i));

  pool (self, result);
  return result;
}

struct _GlossAgreementReading
{
  GlossSource *source;
  GPtrArray *layers;            /* GlossLayer */
  GPtrArray *problems;          /* char * */
  gboolean failed;              /* nothing of the article can be measured */
};

void
gloss_agreement_reading_free (GlossAgreementReading *reading)
{
  if (reading == NULL)
    return;
  g_clear_object (&reading->source);
  g_ptr_array_unref (reading->layers);
  g_ptr_array_unref (reading->problems);
  g_free (reading);
}

GlossAgreementReading *
gloss_agreement_read (GlossAgreement *self,
                      GFile          *article,
                      GPtrArray      *annotation_files,
                      GCancellable   *cancellable)
{
  GlossAgreementReading *reading;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (article), NULL);

  reading = g_new0 (GlossAgreementReading, 1);
  reading->layers = g_ptr_array_new_with_free_func (g_object_unref);
  reading->problems = g_ptr_array_new_with_free_func (g_free);

  reading->source = gloss_corpus_read_article (article, cancellable, &error);
  if (reading->source != NULL)
    {
      if (annotation_files != NULL)
        candidates = g_ptr_array_ref (annotation_files);
      else
        candidates = gloss_annotation_file_list_for (article, cancellable, &error);
    }
  if (candidates == NULL)
    {
      g_ptr_array_add (reading->problems, g_strdup (error->message));
      reading->failed = TRUE;
      return reading;
    }

  files = gloss_corpus_open_annotation_files (article, reading->source, candidates,
                                              self->annotator_filter, reading->problems,
                                              cancellable);
  /* Nothing of it could be read (its codebook, or every file): it is not
   * measured, rather than measured as an article no one annotated. */
  reading->failed = files->len == 0 && reading->problems->len > 0;
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (reading->layers,
                     g_object_ref (gloss_annotation_file_get_layer (g_ptr_array_index (files, i))));
  return reading;
}

GlossAgreementResult *
gloss_agreement_measure_reading (GlossAgreement        *self,
                                 const char            *name,
                                 GlossAgreementReading *reading,
                                 GPtrArray             *problems)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (reading != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  for (guint i = 0; i < reading->problems->len; i++)
    g_ptr_array_add (problems, g_strdup (g_ptr_array_index (reading->problems, i)));
  if (reading->failed)
    return NULL;
  return gloss_agreement_measure_layers (self, name, reading->source, reading->layers);
}

GlossAgreementResult *
gloss_agreement_measure_article (GlossAgreement *self,
                                 GFile          *article,
                                 const char     *name,
                                 GPtrArray      *annotation_files,
                                 GPtrArray      *problems,
                                 GCancellable   *cancellable)
{
  g_autoptr(GlossAgreementReading) reading = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (article), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  reading = gloss_agreement_read (self, article, annotation_files, cancellable);
  return gloss_agreement_measure_reading (self, name, reading, problems);
}
