/* gloss-agreement.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-layer.h"
#include "gloss-reliability.h"
#include "gloss-source.h"
#include "gloss-span-match.h"

G_BEGIN_DECLS

/* How far the annotators of a corpus agree: articles are measured one by
 * one and pooled into a total as they come, so that a folder of any size
 * takes the memory of one article and of the totals' sums.
 *
 * For each pair of annotators (A the one whose id sorts first, the
 * reference; B the response) and for the group of all of them, per tag and
 * over all tags:
 *   - span matching (GlossSpanMatch), pairs only;
 *   - on tokens (gloss_tokenize(), as the CoNLL export): per tag, each
 *     annotator says of each token whether it lies in a passage with that
 *     tag (sharing one character with it is enough); over all tags, each
 *     token takes the tag of the passage that covers it and starts first,
 *     the longest of those on a tie, then the tag first by name (the
 *     outermost passage, as in the CoNLL export), or "outside";
 *     percent agreement, Cohen's κ and Scott's π (pairs), Fleiss' κ and
 *     Krippendorff's nominal α;
 *   - Krippendorff's α_U per tag and over all tags on the characters of
 *     the articles, a coder's passages of a tag that overlap taken as
 *     their union.
 * A pair counts the articles both annotated, the group every article with
 * two annotators or more.  Orphaned annotations (whose quote is no longer
 * in the article) are left out.  Pooled counts are summed over articles
 * (micro-averaging), pooled tokens and characters are those of all the
 * articles together. */

typedef struct _GlossAgreement       GlossAgreement;
typedef struct _GlossAgreementResult GlossAgreementResult;
typedef struct _GlossAgreementSet    GlossAgreementSet;

typedef enum
{
  GLOSS_AGREEMENT_PERCENT,
  GLOSS_AGREEMENT_COHEN_KAPPA,
  GLOSS_AGREEMENT_SCOTT_PI,
  GLOSS_AGREEMENT_FLEISS_KAPPA,
  GLOSS_AGREEMENT_ALPHA,
  GLOSS_AGREEMENT_N_TOKEN_MEASURES,
} GlossAgreementTokenMeasure;

/* "percent_agreement", "cohen_kappa", "scott_pi", "fleiss_kappa",
 * "alpha": the keys of the JSON gloss-cli agree writes. */
const char *gloss_agreement_token_measure_to_string (GlossAgreementTokenMeasure measure);

GlossAgreement *gloss_agreement_new             (void);
void            gloss_agreement_free            (GlossAgreement      *self);
/* Only these annotators (ids), when set before the first article.  By
 * default every annotator but the consensus (GLOSS_CONSENSUS_ANNOTATOR),
 * which is measured against others only when named here. */
void            gloss_agreement_set_annotators  (GlossAgreement      *self,
                                                 const char * const  *annotator_ids);
/* Only these tags, when set before the first article; each of them is
 * measured even where no one used it. */
void            gloss_agreement_set_tags        (GlossAgreement      *self,
                                                 const char * const  *tags);

/* Measures one article from its layers (GlossLayer, one per annotator, on
 * @source), adds it to the total and returns its own result, which holds
 * @source and the layers; free it when done. */
GlossAgreementResult *gloss_agreement_measure_layers  (GlossAgreement *self,
                                                       const char     *name,
                                                       GlossSource    *source,
                                                       GPtrArray      *layers);
/* Reads @article and its annotation files (@annotation_files, GFile, or all
 * those beside it when NULL) and measures it.  A file that cannot be read
 * is left out and its message (naming it) added to @problems; NULL when
 * the article itself cannot be read. */
GlossAgreementResult *gloss_agreement_measure_article (GlossAgreement *self,
                                                       GFile          *article,
                                                       const char     *name,
                                                       GPtrArray      *annotation_files,
                                                       GPtrArray      *problems,
                                                       GCancellable   *cancellable);

/* The two halves of gloss_agreement_measure_article(): reading the
 * article and its files touches nothing of the study but the annotators
 * it keeps (set before), so that it may run in other threads while the
 * study measures the articles read before, in order. */
typedef struct _GlossAgreementReading GlossAgreementReading;

GlossAgreementReading *gloss_agreement_read           (GlossAgreement *self,
                                                       GFile          *article,
                                                       GPtrArray      *annotation_files,
                                                       GCancellable   *cancellable);
/* Adds the problems met reading to @problems and measures what could be
 * read, as gloss_agreement_measure_article() does. */
GlossAgreementResult  *gloss_agreement_measure_reading (GlossAgreement        *self,
                                                       const char            *name,
                                                       GlossAgreementReading *reading,
                                                       GPtrArray             *problems);
void                   gloss_agreement_reading_free   (GlossAgreementReading *reading);

/* Everything measured so far, pooled. */
GlossAgreementResult *gloss_agreement_get_total       (GlossAgreement *self);

void          gloss_agreement_result_free            (GlossAgreementResult *result);
/* The article's name; NULL for the total. */
const char   *gloss_agreement_result_get_name        (GlossAgreementResult *result);
/* NULL for the total. */
GlossSource  *gloss_agreement_result_get_source      (GlossAgreementResult *result);
guint         gloss_agreement_result_get_n_articles  (GlossAgreementResult *result);
guint64       gloss_agreement_result_get_n_tokens    (GlossAgreementResult *result);
guint64       gloss_agreement_result_get_n_characters (GlossAgreementResult *result);
/* The annotators, sorted by id. */
guint         gloss_agreement_result_get_n_annotators (GlossAgreementResult *result);
const char   *gloss_agreement_result_get_annotator   (GlossAgreementResult *result,
                                                      guint                 index);
/* The name the annotator gave, or the id. */
const char   *gloss_agreement_result_get_annotator_name (GlossAgreementResult *result,
                                                      guint                 index);
/* The annotator's layer of the article (its passages of the tags
 * measured, orphans left out); NULL for the total. */
GlossLayer   *gloss_agreement_result_get_layer       (GlossAgreementResult *result,
                                                      guint                 index);
/* How many articles the annotator annotated. */
guint         gloss_agreement_result_get_n_annotated (GlossAgreementResult *result,
                                                      guint                 index);
/* The tags measured, sorted; free with g_strfreev. */
char        **gloss_agreement_result_dup_tags        (GlossAgreementResult *result);
/* The passages an annotator marked with @tag (all tags when NULL). */
guint         gloss_agreement_result_count           (GlossAgreementResult *result,
                                                      guint                 annotator,
                                                      const char           *tag);
/* The pair of annotators @a < @b (indices), or NULL when no article has
 * both. */
GlossAgreementSet *gloss_agreement_result_get_pair   (GlossAgreementResult *result,
                                                      guint                 a,
                                                      guint                 b);
/* The group of every annotator, or NULL when no article has two. */
GlossAgreementSet *gloss_agreement_result_get_group  (GlossAgreementResult *result);

guint         gloss_agreement_set_get_n_articles     (GlossAgreementSet    *set);
/* A pair's span matching (with its disagreements for an article's
 * result); NULL for the group. */
const GlossSpanMatch *gloss_agreement_set_get_spans  (GlossAgreementSet    *set);
/* A measure on tokens, for @tag or over all tags (NULL). */
void          gloss_agreement_set_get_token_measure  (GlossAgreementSet    *set,
                                                      const char           *tag,
                                                      GlossAgreementTokenMeasure measure,
                                                      GlossReliabilityResult *result);
/* α_U for @tag or over all tags (NULL). */
void          gloss_agreement_set_get_alpha_u        (GlossAgreementSet    *set,
                                                      const char           *tag,
                                                      GlossReliabilityResult *result);
/* A pair's confusion matrix over all tags: the tokens A gave @tag_a and
 * B @tag_b, NULL standing for outside every passage. */
guint64       gloss_agreement_set_get_confusion      (GlossAgreementSet    *set,
                                                      const char           *tag_a,
                                                      const char           *tag_b);

/* Attributes: for each attribute id, the units are the passages matched
 * strictly (same tag, start and end; for a pair, those both annotators
 * marked, for the group those two annotators or more marked), each
 * annotator's value that of its passage, missing where it has none.
 * Values are compared as text (a choice's id, true or false, the number
 * or the text); α interval takes the numbers, for an attribute whose
 * values are all numbers.  Pooled units are those of every article. */
typedef enum
{
  GLOSS_AGREEMENT_ATTRIBUTE_PERCENT,
  GLOSS_AGREEMENT_ATTRIBUTE_ALPHA_NOMINAL,
  GLOSS_AGREEMENT_ATTRIBUTE_ALPHA_INTERVAL,
  GLOSS_AGREEMENT_N_ATTRIBUTE_MEASURES,
} GlossAgreementAttributeMeasure;

/* "percent_agreement", "alpha_nominal", "alpha_interval". */
const char   *gloss_agreement_attribute_measure_to_string (GlossAgreementAttributeMeasure measure);
/* The attributes the matched passages have, sorted; free with g_strfreev. */
char        **gloss_agreement_result_dup_attributes  (GlossAgreementResult *result);
/* Whether every value of @attribute met so far is a number. */
gboolean      gloss_agreement_result_attribute_is_numeric (GlossAgreementResult *result,
                                                      const char           *attribute);
/* For @attribute, or every attribute together (NULL): each matched
 * passage and attribute a unit, a value of one attribute never counted as
 * agreeing with one of another (α interval is undefined there). */
void          gloss_agreement_set_get_attribute_measure (GlossAgreementSet *set,
                                                      const char           *attribute,
                                                      GlossAgreementAttributeMeasure measure,
                                                      GlossReliabilityResult *result);
/* Relations, pairs only: a relation of A matches one of B when they have
 * the same type and their sources, and their targets, are matched
 * strictly; each matches once.  The counts put the matched relations in
 * GLOSS_SPAN_MATCHED and the others in GLOSS_SPAN_ONLY_A and _ONLY_B, so
 * that gloss_span_counts_get_scores (GLOSS_SPAN_STRICT) gives precision,
 * recall and F1.  A relation an end of which is not measured (orphaned,
 * or of a tag left out) is not counted.  The relation types either side
 * of a pair used, sorted; free with g_strfreev. */
char        **gloss_agreement_result_dup_relation_types (GlossAgreementResult *result);
/* For @type, or all types (NULL); zeros for the group. */
void          gloss_agreement_set_get_relation_counts (GlossAgreementSet   *set,
                                                      const char           *type,
                                                      GlossSpanCounts      *counts);

/* The disagreements of a pair of annotators @a < @b (indices) on the
 * article of @result (empty for the total), for a list.
 *
 * An attribute of a passage both marked (the same tag, start and end)
 * whose values differ, or that one of them set and the other did not
 * (value NULL): the passage's tag and span, the attribute's id and each
 * side's value as text.  Sorted by the passage's start, end and tag,
 * then by the attribute's id. */
typedef struct
{
  char  *tag;
  guint  start;
  guint  end;
  char  *attribute;
  char  *value_a;
  char  *value_b;
} GlossAttributeDisagreement;

/* A relation one side has and the other lacks, as they are counted
 * (GLOSS_SPAN_ONLY_A or GLOSS_SPAN_ONLY_B): its type and the tag and span
 * of each end.  Sorted by the source's start, end and tag, then the
 * target's, then the type. */
typedef struct
{
  GlossSpanOutcome kind;
  char  *type;
  char  *source_tag;
  guint  source_start;
  guint  source_end;
  char  *target_tag;
  guint  target_start;
  guint  target_end;
} GlossRelationDisagreement;

/* A new array of GlossAttributeDisagreement. */
GPtrArray    *gloss_agreement_result_dup_attribute_disagreements (GlossAgreementResult *result,
                                                      guint                 a,
                                                      guint                 b);
/* A new array of GlossRelationDisagreement. */
GPtrArray    *gloss_agreement_result_dup_relation_disagreements (GlossAgreementResult *result,
                                                      guint                 a,
                                                      guint                 b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossAgreement, gloss_agreement_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossAgreementResult, gloss_agreement_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossAgreementReading, gloss_agreement_reading_free)

G_END_DECLS
