/* gloss-cli-agree.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "gloss-agreement.h"
#include "gloss-reliability.h"

G_BEGIN_DECLS

/* Adds @result under @key to @values: its value, or null with its reason
 * under the same key in @reasons. */
void gloss_cli_agree_add_result (JsonBuilder                  *values,
                                 JsonBuilder                  *reasons,
                                 const char                   *key,
                                 const GlossReliabilityResult *result);

/* A value with three decimals for a table, or a dash when undefined. */
char *gloss_cli_agree_format_result (const GlossReliabilityResult *result);
char *gloss_cli_agree_format_score  (const GlossScore             *score);

/* gloss-cli agree on articles, annotation files and folders. */
int  gloss_cli_agree_spans      (char       **inputs,
                                 char       **annotators,
                                 char       **tags,
                                 const char  *disagreements,
                                 gboolean     per_article,
                                 gboolean     json);

/* Prints @rows (GStrv, the first the header) as a table, columns aligned. */
typedef void (*GlossCliTablePrint) (GString   *out,
                                    GPtrArray *rows);

/* The members "attributes" and, for a pair, "relations" of the object
 * @values is building for @set, a set of @result. */
void gloss_cli_agree_add_relational_json    (JsonBuilder          *values,
                                             GlossAgreementResult *result,
                                             GlossAgreementSet    *set);
/* The tables of attributes and relations of @result, when it has any. */
void gloss_cli_agree_append_relational_text (GString              *out,
                                             GlossAgreementResult *result,
                                             GlossCliTablePrint    print);

/* --disagreements FILE: made before measuring (a file that cannot be
 * written is refused at once), given each article's result, and written
 * at the end, with the columns of attributes and relations when
 * @relational. */
typedef struct _GlossCliDisagreements GlossCliDisagreements;

GlossCliDisagreements *gloss_cli_disagreements_new    (GFile                 *file,
                                                       GError               **error);
gboolean               gloss_cli_disagreements_add    (GlossCliDisagreements *self,
                                                       GlossAgreementResult  *article,
                                                       GError               **error);
gboolean               gloss_cli_disagreements_finish (GlossCliDisagreements *self,
                                                       gboolean               relational,
                                                       GError               **error);
void                   gloss_cli_disagreements_free   (GlossCliDisagreements *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossCliDisagreements, gloss_cli_disagreements_free)

G_END_DECLS
