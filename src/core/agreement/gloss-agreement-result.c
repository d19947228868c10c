/* gloss-agreement-result.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-agreement"

#include "config.h"

#include <string.h>

#include "gloss-agreement-private.h"

/* Results. */

static void
annotator_free (gpointer data)
{
  Annotator *annotator = data;

  g_free (annotator->id);
  g_free (annotator->name);
  g_clear_object (&annotator->layer);
  g_array_unref (annotator->counts);
  g_free (annotator);
}

GlossAgreementResult *
_gloss_agreement_result_new (GlossAgreement *study,
            const char     *name)
{
  GlossAgreementResult *result = g_new0 (GlossAgreementResult, 1);

  result->study = study;
  result->name = g_strdup (name);
  result->annotators = g_ptr_array_new_with_free_func (annotator_free);
  result->pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, _gloss_agreement_set_free);
  return result;
}

void
gloss_agreement_result_free (GlossAgreementResult *result)
{
  if (result == NULL)
    return;
  g_free (result->name);
  g_clear_object (&result->source);
  g_ptr_array_unref (result->annotators);
  g_hash_table_unref (result->pairs);
  g_clear_pointer (&result->group, _gloss_agreement_set_free);
  _gloss_agreement_units_free (result->units);
  g_free (result);
}

/* The annotator @id of @result, added in its place when new. */
Annotator *
_gloss_agreement_result_annotator (GlossAgreementResult *result,
                  const char           *id,
                  const char           *name)
{
  guint low = 0, high = result->annotators->len;
  Annotator *annotator;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      int cmp = strcmp (((Annotator *) g_ptr_array_index (result->annotators, middle))->id, id);

      if (cmp == 0)
        return g_ptr_array_index (result->annotators, middle);
      if (cmp < 0)
        low = middle + 1;
      else
        high = middle;
    }

  annotator = g_new0 (Annotator, 1);
  annotator->id = g_strdup (id);
  annotator->name = g_strdup (name != NULL && *name != '\0' ? name : id);
  annotator->counts = g_array_new (FALSE, TRUE, sizeof (guint));
  g_ptr_array_insert (result->annotators, low, annotator);
  return annotator;
}

char *
_gloss_agreement_pair_key (const char *a,
          const char *b)
{
  return g_strconcat (a, "\n", b, NULL);
}

const char *
gloss_agreement_result_get_name (GlossAgreementResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  return result->name;
}

GlossSource *
gloss_agreement_result_get_source (GlossAgreementResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  return result->source;
}

guint
gloss_agreement_result_get_n_articles (GlossAgreementResult *result)
{
  g_return_val_if_fail (result != NULL, 0);

  return result->n_articles;
}

guint64
gloss_agreement_result_get_n_tokens (GlossAgreementResult *result)
{
  g_return_val_if_fail (result != NULL, 0);

  return result->n_tokens;
}

guint64
gloss_agreement_result_get_n_characters (GlossAgreementResult *result)
{
  g_return_val_if_fail (result != NULL, 0);

  return result->n_characters;
}

guint
gloss_agreement_result_get_n_annotators (GlossAgreementResult *result)
{
  g_return_val_if_fail (result != NULL, 0);

  return result->annotators->len;
}

static Annotator *
annotator_at (GlossAgreementResult *result,
              guint                 index)
{
  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (index < result->annotators->len, NULL);

  return g_ptr_array_index (result->annotators, index);
}

const char *
gloss_agreement_result_get_annotator (GlossAgreementResult *result,
                                      guint                 index)
{
  Annotator *annotator = annotator_at (result, index);

  return annotator != NULL ? annotator->id : NULL;
}

const char *
gloss_agreement_result_get_annotator_name (GlossAgreementResult *result,
                                           guint                 index)
{
  Annotator *annotator = annotator_at (result, index);

  return annotator != NULL ? annotator->name : NULL;
}

GlossLayer *
gloss_agreement_result_get_layer (GlossAgreementResult *result,
                                  guint                 index)
{
  Annotator *annotator = annotator_at (result, index);

  return annotator != NULL ? annotator->layer : NULL;
}

guint
gloss_agreement_result_get_n_annotated (GlossAgreementResult *result,
                                        guint                 index)
{
  Annotator *annotator = annotator_at (result, index);

  return annotator != NULL ? annotator->n_articles : 0;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char **
gloss_agreement_result_dup_tags (GlossAgreementResult *result)
{
  char **tags;

  g_return_val_if_fail (result != NULL, NULL);

  tags = g_new0 (char *, result->n_tags + 1);
  for (guint t = 0; t < result->n_tags; t++)
    tags[t] = g_strdup (g_ptr_array_index (result->study->tags, t));
  qsort (tags, result->n_tags, sizeof (char *), compare_names);
  return tags;
}

guint
gloss_agreement_result_count (GlossAgreementResult *result,
                              guint                 index,
                              const char           *tag)
{
  Annotator *annotator = annotator_at (result, index);
  int t;

  if (annotator == NULL)
    return 0;
  if (tag == NULL)
    return annotator->total;
  t = _gloss_agreement_tag_number (result->study, tag);
  if (t < 0 || (guint) t >= annotator->counts->len)
    return 0;
  return g_array_index (annotator->counts, guint, t);
}

GlossAgreementSet *
gloss_agreement_result_get_pair (GlossAgreementResult *result,
                                 guint                 a,
                                 guint                 b)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (a < b && b < result->annotators->len, NULL);

  key = _gloss_agreement_pair_key (annotator_at (result, a)->id, annotator_at (result, b)->id);
  return g_hash_table_lookup (result->pairs, key);
}

GlossAgreementSet *
gloss_agreement_result_get_group (GlossAgreementResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  return result->group;
}
