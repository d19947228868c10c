/* gloss-agreement-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-agreement.h"
#include "gloss-nominal-tally.h"
#include "gloss-unitizing.h"

G_BEGIN_DECLS

/* The study (gloss-agreement.c: reading, measuring and pooling), its
 * results (gloss-agreement-result.c) and the sets of a pair or the group
 * (gloss-agreement-set.c) share these. */

/* Tags are numbered in the order the study first meets them; on tokens,
 * category 0 is "outside every passage" and tag t is category t + 1. */
#define OUTSIDE 0

struct _GlossAgreementSet
{
  GlossAgreement *study;        /* owns the tags */
  gboolean is_pair;
  guint n_coders;
  guint n_articles;
  GlossSpanMatch *spans;        /* pairs only */
  GlossNominalTally *tokens;    /* over all tags */
  GPtrArray *tag_tokens;        /* by tag: GlossNominalTally, in or out */
  GPtrArray *tag_sums;          /* by tag: GlossUnitizingSums */
  /* α_U pools continua of one number of coders: FALSE once articles of
   * another number came. */
  gboolean even;
  /* What the articles pooled were, for a tag first met later: the tokens
   * by number of coders, and how many articles had each length. */
  GArray *blank_tokens;         /* guint64, indexed by coders */
  GHashTable *lengths;          /* length -> how many articles */
  /* Attributes and relations (gloss-agreement-relational.c). */
  GPtrArray *attributes;        /* by attribute number: its tallies, or NULL */
  GlossNominalTally *all_attributes; /* every attribute, values told apart by it */
  GArray *relations;            /* GlossSpanCounts by relation type number, pairs only */
  GlossSpanCounts relations_total;
};

typedef struct
{
  char *id;
  char *name;
  GlossLayer *layer;            /* an article's only */
  guint n_articles;
  GArray *counts;               /* guint by tag */
  guint total;
} Annotator;

struct _GlossAgreementResult
{
  GlossAgreement *study;
  char *name;
  GlossSource *source;
  guint n_articles;
  guint n_tags;                 /* the study's tags it measured: 0 to n_tags − 1 */
  guint64 n_tokens;
  guint64 n_characters;
  GPtrArray *annotators;        /* Annotator, sorted by id */
  GHashTable *pairs;            /* "a\nb" -> GlossAgreementSet */
  GlossAgreementSet *group;
  struct _GlossAgreementUnits *units; /* an article's, for its disagreements */
};

struct _GlossAgreement
{
  GHashTable *annotator_filter; /* id set, or NULL */
  gboolean fixed_tags;
  GPtrArray *tags;              /* char *, by number */
  GHashTable *tag_numbers;      /* name -> number + 1 */
  GlossAgreementResult *total;
  GPtrArray *attributes;        /* by number, in the order first met */
  GHashTable *attribute_numbers; /* id -> number + 1 */
  guint n_attribute_values;     /* the codes of values over every attribute */
  GPtrArray *relation_types;    /* char *, by number */
  GHashTable *relation_numbers; /* id -> number + 1 */
};

GlossAgreementSet    *_gloss_agreement_set_new      (GlossAgreement          *study,
                                                     gboolean                 is_pair,
                                                     guint                    n_coders);
void                  _gloss_agreement_set_free     (gpointer                 set);
/* Adds the article set @article to the pooled set @total. */
void                  _gloss_agreement_set_add      (GlossAgreementSet       *total,
                                                     const GlossAgreementSet *article,
                                                     guint                    n_tags);
/* The number of @tag in @study, or -1. */
int                   _gloss_agreement_tag_number   (GlossAgreement          *study,
                                                     const char              *tag);
GlossAgreementResult *_gloss_agreement_result_new   (GlossAgreement          *study,
                                                     const char              *name);
/* The annotator @id of @result, added in its place when new. */
Annotator            *_gloss_agreement_result_annotator (GlossAgreementResult *result,
                                                     const char              *id,
                                                     const char              *name);
/* The key of a pair in a result's table. */
char                 *_gloss_agreement_pair_key     (const char              *a,
                                                     const char              *b);

/* Attributes and relations, on the units of an article: the passages
 * of its annotators matched strictly (same tag, start and end). */
typedef struct _GlossAgreementUnits GlossAgreementUnits;

struct _GlossAgreementUnits
{
  guint n_coders;
  GPtrArray *cells;             /* GlossAnnotation, n_units × n_coders, NULL where absent */
  GHashTable **unit_of;         /* per coder with relations, while they are read:
                                 * annotation id -> unit + 1 */
  GArray **relations;           /* per coder: GlossRelationKey */
};

typedef struct
{
  guint type;                   /* the study's number of its type */
  guint source;                 /* units */
  guint target;
} GlossRelationKey;

/* Calls @visit for each relation of coder @a or @b (indices in @units),
 * in the order of their keys, with the outcome: a relation of both
 * (the same type between the same units: each matches once), of @a
 * only or of @b only. */
typedef void (*GlossRelationVisit) (const GlossRelationKey *key,
                                    GlossSpanOutcome        outcome,
                                    gpointer                data);
void                  _gloss_agreement_units_visit_relations (GlossAgreementUnits *units,
                                                              guint                a,
                                                              guint                b,
                                                              GlossRelationVisit   visit,
                                                              gpointer             data);

void                  _gloss_agreement_relational_init  (GlossAgreement          *study);
void                  _gloss_agreement_relational_clear (GlossAgreement          *study);
/* The units of @n_coders coders: the passages measured (@measured) and
 * the relations of their layers (@originals), those whose ends were not
 * measured left out. */
GlossAgreementUnits  *_gloss_agreement_units_new    (GlossAgreement          *study,
                                                     GlossLayer             **measured,
                                                     GlossLayer             **originals,
                                                     guint                    n_coders);
void                  _gloss_agreement_units_free   (GlossAgreementUnits     *units);
/* Measures the attributes (and, for a pair, the relations) of the coders
 * @coders (indices in @units) into @set. */
void                  _gloss_agreement_units_measure (GlossAgreementUnits    *units,
                                                     GlossAgreementSet       *set,
                                                     const guint             *coders,
                                                     guint                    n_coders);
void                  _gloss_agreement_set_relational_init  (GlossAgreementSet *set);
void                  _gloss_agreement_set_relational_clear (GlossAgreementSet *set);
void                  _gloss_agreement_set_add_relational   (GlossAgreementSet       *total,
                                                             const GlossAgreementSet *article);

G_END_DECLS
