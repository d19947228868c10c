/* gloss-agreement-report-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-agreement-report.h"

G_BEGIN_DECLS

/* What the files of the report share while one page is written. */
typedef struct
{
  GString *buf;                 /* written to the stream now and then */
  GlossAgreementResult *total;
  char **tags;                  /* the total's tags, sorted */
  guint n_tags;
  guint n_charts;               /* for ids unique in the page */
  guint *colours;               /* each annotator's colour, as the window gives it */
} GlossReport;

/* Appends @text (@length bytes, or up to its NUL when -1) escaped for an
 * HTML text or attribute value: markup characters as references, control
 * characters and invalid UTF-8 as U+FFFD. */
void        gloss_report_escape            (GString            *buf,
                                            const char         *text,
                                            gssize              length);
/* The colour of the annotator @index of the total, as CSS "#rrggbb": the
 * one the window gives them (gloss-annotator-colour), on a light page. */
const char *gloss_report_annotator_colour  (GlossReport        *report,
                                            guint               index);
/* The index of @annotator (an id) among the total's annotators. */
guint       gloss_report_annotator_index   (GlossReport        *report,
                                            const char         *annotator);
/* The index of @tag among the total's tags, or n_tags when absent. */
guint       gloss_report_tag_index         (GlossReport        *report,
                                            const char         *tag);
/* "A and B", the two annotators of a pair, for headings. */
char       *gloss_report_pair_label        (GlossReport        *report,
                                            guint               a,
                                            guint               b);

/* A cell of a coefficient or score: shown with three decimals in the
 * locale's way, its exact value in data-value for programs; undefined, a
 * dash with the reason in its title. */
void        gloss_report_append_measure    (GString            *buf,
                                            const char         *measure,
                                            gboolean            defined,
                                            double              value,
                                            const char         *reason);
void        gloss_report_append_count      (GString            *buf,
                                            const char         *measure,
                                            guint64             value);

/* A pair's row attributes: data-pair="A B", data-a and data-b. */
void        gloss_report_append_pair_attributes (GString       *buf,
                                            const char         *id_a,
                                            const char         *id_b);

/* gloss-agreement-report-relations.c: a table per attribute, and one of
 * the relations, when the total has any. */
void        gloss_report_append_relational (GlossReport        *report);

/* gloss-agreement-report-charts.c */
void        gloss_report_append_confusion  (GlossReport        *report,
                                            guint               a,
                                            guint               b);
void        gloss_report_append_tag_chart  (GlossReport        *report,
                                            const char         *tag);
void        gloss_report_append_counts_chart (GlossReport      *report);

/* gloss-agreement-report-text.c */
void        gloss_report_append_article    (GlossReport        *report,
                                            GlossAgreementResult *article,
                                            guint               index);

G_END_DECLS
