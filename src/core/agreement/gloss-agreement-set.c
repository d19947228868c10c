/* gloss-agreement-set.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-agreement"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-agreement-private.h"

/* Sets. */

GlossAgreementSet *
_gloss_agreement_set_new (GlossAgreement *study,
         gboolean        is_pair,
         guint           n_coders)
{
  GlossAgreementSet *set = g_new0 (GlossAgreementSet, 1);

  set->study = study;
  set->is_pair = is_pair;
  set->n_coders = n_coders;
  set->even = TRUE;
  set->tokens = gloss_nominal_tally_new (n_coders);
  set->tag_tokens = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_nominal_tally_free);
  set->tag_sums = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_unitizing_sums_free);
  set->blank_tokens = g_array_new (FALSE, TRUE, sizeof (guint64));
  set->lengths = g_hash_table_new (g_direct_hash, g_direct_equal);
  _gloss_agreement_set_relational_init (set);
  return set;
}

void
_gloss_agreement_set_free (gpointer data)
{
  GlossAgreementSet *set = data;

  g_clear_pointer (&set->spans, gloss_span_match_free);
  gloss_nominal_tally_free (set->tokens);
  g_ptr_array_unref (set->tag_tokens);
  g_ptr_array_unref (set->tag_sums);
  g_array_unref (set->blank_tokens);
  g_hash_table_unref (set->lengths);
  _gloss_agreement_set_relational_clear (set);
  g_free (set);
}

/* The tallies and sums of tag @tag, made when first needed with every
 * article pooled before as one where no one used the tag. */
static GlossNominalTally *
set_tag_tokens (GlossAgreementSet *set,
                guint              tag)
{
  GlossNominalTally *tally;

  if (tag >= set->tag_tokens->len)
    g_ptr_array_set_size (set->tag_tokens, tag + 1);
  tally = g_ptr_array_index (set->tag_tokens, tag);
  if (tally != NULL)
    return tally;

  tally = gloss_nominal_tally_new (set->n_coders);
  for (guint m = 2; m < set->blank_tokens->len; m++)
    {
      guint64 n = g_array_index (set->blank_tokens, guint64, m);
      g_autofree int *codes = g_new (int, MAX (m, set->n_coders));

      for (guint i = 0; i < MAX (m, set->n_coders); i++)
        codes[i] = i < m ? 0 : -1;
      /* Weights are counted in guint: add the tokens in pieces. */
      while (n > 0)
        {
          guint piece = (guint) MIN (n, G_MAXUINT);
          g_autoptr(GlossNominalTally) blank = gloss_nominal_tally_new (m);

          gloss_nominal_tally_add_unit (blank, codes, piece);
          gloss_nominal_tally_add (tally, blank);
          n -= piece;
        }
    }
  g_ptr_array_index (set->tag_tokens, tag) = tally;
  return tally;
}

static GlossUnitizingSums *
set_tag_sums (GlossAgreementSet *set,
              guint              tag)
{
  GlossUnitizingSums *sums;
  GHashTableIter iter;
  gpointer key, value;

  if (tag >= set->tag_sums->len)
    g_ptr_array_set_size (set->tag_sums, tag + 1);
  sums = g_ptr_array_index (set->tag_sums, tag);
  if (sums != NULL)
    return sums;

  sums = gloss_unitizing_sums_new (set->n_coders);
  g_hash_table_iter_init (&iter, set->lengths);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      /* An article where no coder marked the tag: its length, and a gap
       * as long for each coder. */
      g_autoptr(GlossUnitizingData) empty = gloss_unitizing_data_new (set->n_coders, 0,
                                                                      GPOINTER_TO_UINT (key));
      g_autoptr(GlossUnitizingSums) one = gloss_unitizing_sums_new (set->n_coders);

      if (!gloss_unitizing_sums_add_data (one, empty, "", NULL))
        g_assert_not_reached ();
      for (gsize i = 0; i < GPOINTER_TO_SIZE (value); i++)
        gloss_unitizing_sums_add (sums, one);
    }
  g_ptr_array_index (set->tag_sums, tag) = sums;
  return sums;
}

/* Adds the article set @article to the pooled set @total, whose tags
 * are at least as many. */
void
_gloss_agreement_set_add (GlossAgreementSet       *total,
         const GlossAgreementSet *article,
         guint                    n_tags)
{
  GHashTableIter iter;
  gpointer key, value;

  if (total->n_articles > 0 && article->n_coders != total->n_coders)
    total->even = FALSE;
  total->even = total->even && article->even;
  total->n_coders = MAX (total->n_coders, article->n_coders);
  total->n_articles += article->n_articles;

  if (article->spans != NULL)
    {
      if (total->spans == NULL)
        total->spans = gloss_span_match_new_empty ();
      gloss_span_match_add (total->spans, article->spans);
    }
  gloss_nominal_tally_add (total->tokens, article->tokens);
  _gloss_agreement_set_add_relational (total, article);

  for (guint t = 0; t < n_tags; t++)
    {
      GlossNominalTally *tokens = t < article->tag_tokens->len
                                  ? g_ptr_array_index (article->tag_tokens, t) : NULL;
      GlossUnitizingSums *sums = t < article->tag_sums->len
                                 ? g_ptr_array_index (article->tag_sums, t) : NULL;

      if (tokens != NULL)
        gloss_nominal_tally_add (set_tag_tokens (total, t), tokens);
      if (sums != NULL && total->even)
        gloss_unitizing_sums_add (set_tag_sums (total, t), sums);
    }

  /* Then what the article was, for the tags met later. */
  if (article->blank_tokens->len > total->blank_tokens->len)
    g_array_set_size (total->blank_tokens, article->blank_tokens->len);
  for (guint m = 0; m < article->blank_tokens->len; m++)
    g_array_index (total->blank_tokens, guint64, m) += g_array_index (article->blank_tokens, guint64, m);
  g_hash_table_iter_init (&iter, article->lengths);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gsize n = GPOINTER_TO_SIZE (g_hash_table_lookup (total->lengths, key));

      g_hash_table_insert (total->lengths, key, GSIZE_TO_POINTER (n + GPOINTER_TO_SIZE (value)));
    }
}

guint
gloss_agreement_set_get_n_articles (GlossAgreementSet *set)
{
  g_return_val_if_fail (set != NULL, 0);

  return set->n_articles;
}

const GlossSpanMatch *
gloss_agreement_set_get_spans (GlossAgreementSet *set)
{
  g_return_val_if_fail (set != NULL, NULL);

  return set->spans;
}

typedef void (*TallyMeasure) (const GlossNominalTally *tally,
                              GlossReliabilityResult  *result);

static const TallyMeasure tally_measures[] = {
  gloss_nominal_tally_percent_agreement,
  gloss_nominal_tally_cohen_kappa,
  gloss_nominal_tally_scott_pi,
  gloss_nominal_tally_fleiss_kappa,
  gloss_nominal_tally_alpha,
};

G_STATIC_ASSERT (G_N_ELEMENTS (tally_measures) == GLOSS_AGREEMENT_N_TOKEN_MEASURES);

/* The number of @tag in @study, or -1. */
int
_gloss_agreement_tag_number (GlossAgreement *study,
            const char     *tag)
{
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (study->tag_numbers, tag)) - 1;
}

void
gloss_agreement_set_get_token_measure (GlossAgreementSet          *set,
                                       const char                 *tag,
                                       GlossAgreementTokenMeasure  measure,
                                       GlossReliabilityResult     *result)
{
  const GlossNominalTally *tally = NULL;
  g_autoptr(GlossNominalTally) none = NULL;

  g_return_if_fail (set != NULL);
  g_return_if_fail (measure < GLOSS_AGREEMENT_N_TOKEN_MEASURES);
  g_return_if_fail (result != NULL);

  if (tag == NULL)
    tally = set->tokens;
  else
    {
      int t = _gloss_agreement_tag_number (set->study, tag);

      if (t >= 0 && (guint) t < set->tag_tokens->len)
        tally = g_ptr_array_index (set->tag_tokens, t);
    }
  if (tally == NULL)
    tally = none = gloss_nominal_tally_new (set->n_coders);

  tally_measures[measure] (tally, result);
  /* Cohen's κ and Scott's π are of two coders: the group has none. */
  if (!set->is_pair &&
      (measure == GLOSS_AGREEMENT_COHEN_KAPPA || measure == GLOSS_AGREEMENT_SCOTT_PI) &&
      result->defined)
    {
      result->defined = FALSE;
      result->value = 0;
      result->reason = _("Cohen’s κ and Scott’s π compare two annotators: see the pairs.");
    }
}

void
gloss_agreement_set_get_alpha_u (GlossAgreementSet      *set,
                                 const char             *tag,
                                 GlossReliabilityResult *result)
{
  g_autoptr(GPtrArray) sums = g_ptr_array_new ();

  g_return_if_fail (set != NULL);
  g_return_if_fail (result != NULL);

  if (!set->even)
    {
      *result = (GlossReliabilityResult) { 0 };
      result->reason = _("The articles were not all annotated by as many annotators: "
                         "α_U of the group needs the same annotators on every article.");
      return;
    }

  for (guint t = 0; t < set->tag_sums->len; t++)
    {
      GlossUnitizingSums *s = g_ptr_array_index (set->tag_sums, t);

      if (s == NULL)
        continue;
      if (tag == NULL || _gloss_agreement_tag_number (set->study, tag) == (int) t)
        g_ptr_array_add (sums, s);
    }
  if (tag != NULL && sums->len == 0)
    {
      /* A tag no one used: its α_U says so. */
      g_autoptr(GlossUnitizingSums) none = gloss_unitizing_sums_new (set->n_coders);
      const GlossUnitizingSums *one[] = { none };

      gloss_unitizing_sums_alpha (one, 1, result);
      return;
    }
  gloss_unitizing_sums_alpha ((const GlossUnitizingSums * const *) sums->pdata, sums->len, result);
}

guint64
gloss_agreement_set_get_confusion (GlossAgreementSet *set,
                                   const char        *tag_a,
                                   const char        *tag_b)
{
  int a = OUTSIDE;
  int b = OUTSIDE;

  g_return_val_if_fail (set != NULL, 0);

  if (tag_a != NULL)
    a = _gloss_agreement_tag_number (set->study, tag_a) + 1;
  if (tag_b != NULL)
    b = _gloss_agreement_tag_number (set->study, tag_b) + 1;
  if (a < 0 || b < 0 || (tag_a != NULL && a == 0) || (tag_b != NULL && b == 0))
    return 0;
  return gloss_nominal_tally_get_pair_count (set->tokens, a, b);
}
