/* gloss-agreement-report-relations.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The report's tables of what annotators say of the passages they agree
 * on: one per attribute (each pair and the group), and one of the
 * relations (each pair, over all types and per type). */

#define G_LOG_DOMAIN "gloss-agreement"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-agreement-report-private.h"

static void
append_reliability (GString                      *buf,
                    const char                   *measure,
                    const GlossReliabilityResult *result)
{
  gloss_report_append_measure (buf, measure, result->defined, result->value, result->reason);
}

/* The row's header and its attributes: data-pair, data-a and data-b for
 * a pair (as the pairs' table has them), data-group for the group. */
static void
append_row_start (GlossReport *report,
                  guint        a,
                  guint        b,
                  const char  *type)
{
  GString *buf = report->buf;

  if (a == b)
    g_string_append (buf, "<tr data-group=\"\"");
  else
    {
      g_string_append (buf, "<tr");
      gloss_report_append_pair_attributes (buf, gloss_agreement_result_get_annotator (report->total, a),
                                           gloss_agreement_result_get_annotator (report->total, b));
    }
  if (type != NULL)
    {
      g_string_append (buf, " data-relation-type=\"");
      gloss_report_escape (buf, type, -1);
      g_string_append_c (buf, '"');
    }
  g_string_append (buf, "><th class=\"name\" scope=\"row\">");
  if (a == b)
    g_string_append_printf (buf, "<em>%s</em>", _("All annotators together"));
  else
    {
      g_autofree char *label = gloss_report_pair_label (report, a, b);

      gloss_report_escape (buf, label, -1);
    }
  g_string_append (buf, "</th>");
}

/* A row's measures are named by their place in gloss-cli agree --json
 * (attributes.ID.MEASURE, relations.types.TYPE.MEASURE), as the other
 * tables' are. */
static void
append_attribute_row (GlossReport       *report,
                      const char        *attribute,
                      gboolean           numeric,
                      GlossAgreementSet *set,
                      guint              a,
                      guint              b)
{
  GlossReliabilityResult result;
  g_autofree char *units = g_strconcat ("attributes.", attribute, ".units", NULL);

  if (set == NULL)
    return;
  append_row_start (report, a, b, NULL);
  gloss_agreement_set_get_attribute_measure (set, attribute, GLOSS_AGREEMENT_ATTRIBUTE_ALPHA_NOMINAL, &result);
  gloss_report_append_count (report->buf, units, result.n_units);
  for (guint m = 0; m < GLOSS_AGREEMENT_N_ATTRIBUTE_MEASURES; m++)
    {
      g_autofree char *measure = NULL;

      if (m == GLOSS_AGREEMENT_ATTRIBUTE_ALPHA_INTERVAL && !numeric)
        continue;
      measure = g_strconcat ("attributes.", attribute, ".", gloss_agreement_attribute_measure_to_string (m), NULL);
      gloss_agreement_set_get_attribute_measure (set, attribute, m, &result);
      append_reliability (report->buf, measure, &result);
    }
  g_string_append (report->buf, "</tr>\n");
}

static void
append_attribute_table (GlossReport *report,
                        const char  *attribute)
{
  GString *buf = report->buf;
  guint n = gloss_agreement_result_get_n_annotators (report->total);
  gboolean numeric = gloss_agreement_result_attribute_is_numeric (report->total, attribute);
  GlossAgreementSet *group = gloss_agreement_result_get_group (report->total);

  g_string_append (buf, "<h3>");
  gloss_report_escape (buf, attribute, -1);
  g_string_append (buf, "</h3>\n<div class=\"scroll\"><table class=\"attribute\" data-attribute=\"");
  gloss_report_escape (buf, attribute, -1);
  g_string_append_printf (buf, "\">\n<thead><tr><th class=\"name\">%s</th><th>%s</th><th>%s</th><th>%s</th>",
                          _("Annotators"), _("Units"), _("Agreement"), _("α (nominal)"));
  if (numeric)
    g_string_append_printf (buf, "<th>%s</th>", _("α (interval)"));
  g_string_append (buf, "</tr></thead>\n<tbody>\n");
  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      append_attribute_row (report, attribute, numeric, gloss_agreement_result_get_pair (report->total, a, b),
                            a, b);
  append_attribute_row (report, attribute, numeric, group, 0, 0);
  g_string_append (buf, "</tbody></table></div>\n");
}

/* Why a relation score is undefined, by GlossScoreStatus. */
static const char * const relation_reasons[] = {
  NULL,
  N_("The first annotator has no relation."),
  N_("The second annotator has no relation."),
  N_("Neither annotator has a relation."),
};

static void
append_relation_score (GString          *buf,
                       const char       *measure,
                       const GlossScore *score)
{
  gboolean defined = score->status == GLOSS_SCORE_DEFINED;

  gloss_report_append_measure (buf, measure, defined, score->value,
                               defined ? NULL : _(relation_reasons[score->status]));
}

static void
append_relation_row (GlossReport *report,
                     guint        a,
                     guint        b,
                     const char  *type)
{
  GlossAgreementSet *set = gloss_agreement_result_get_pair (report->total, a, b);
  GlossSpanCounts counts;
  GlossSpanScores scores;
  const GlossScore *score[] = { &scores.f1, &scores.precision, &scores.recall };
  const char * const score_names[] = { "f1", "precision", "recall" };
  const GlossSpanOutcome outcomes[] = { GLOSS_SPAN_MATCHED, GLOSS_SPAN_ONLY_A, GLOSS_SPAN_ONLY_B };
  const char * const outcome_names[] = { "matched", "only_a", "only_b" };
  g_autofree char *prefix = type != NULL ? g_strconcat ("relations.types.", type, ".", NULL)
                                         : g_strdup ("relations.");

  if (set == NULL)
    return;
  gloss_agreement_set_get_relation_counts (set, type, &counts);
  gloss_span_counts_get_scores (&counts, GLOSS_SPAN_STRICT, &scores);
  append_row_start (report, a, b, type);
  g_string_append (report->buf, "<td class=\"name\">");
  if (type != NULL)
    gloss_report_escape (report->buf, type, -1);
  else
    g_string_append_printf (report->buf, "<em>%s</em>", _("All types"));
  g_string_append (report->buf, "</td>");
  for (guint i = 0; i < G_N_ELEMENTS (score); i++)
    {
      g_autofree char *measure = g_strconcat (prefix, score_names[i], NULL);

      append_relation_score (report->buf, measure, score[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    {
      g_autofree char *measure = g_strconcat (prefix, outcome_names[i], NULL);

      gloss_report_append_count (report->buf, measure, counts.n[outcomes[i]]);
    }
  g_string_append (report->buf, "</tr>\n");
}

static void
append_relation_table (GlossReport *report,
                       char       **types)
{
  GString *buf = report->buf;
  guint n = gloss_agreement_result_get_n_annotators (report->total);

  g_string_append_printf (buf, "<h3>%s</h3>\n<p>%s</p>\n", _("Relations"),
                          _("A relation of the first annotator matches one of the second when they have "
                            "the same type and both ends are passages matched strictly (the same tag, "
                            "start and end)."));
  g_string_append_printf (buf, "<div class=\"scroll\"><table id=\"relations\" class=\"relations\">\n"
                          "<thead><tr><th class=\"name\">%s</th><th class=\"name\">%s</th><th>%s</th>"
                          "<th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead>\n<tbody>\n",
                          _("Pair"), _("Type"), _("F1"), _("P"), _("R"), _("Matched"), _("Only A"),
                          _("Only B"));
  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      {
        append_relation_row (report, a, b, NULL);
        for (guint t = 0; types[t] != NULL; t++)
          append_relation_row (report, a, b, types[t]);
      }
  g_string_append (buf, "</tbody></table></div>\n");
}

void
gloss_report_append_relational (GlossReport *report)
{
  g_auto(GStrv) attributes = gloss_agreement_result_dup_attributes (report->total);
  g_auto(GStrv) types = gloss_agreement_result_dup_relation_types (report->total);

  if (attributes[0] == NULL && types[0] == NULL)
    return;
  g_string_append_printf (report->buf, "<h2 id=\"attributes\">%s</h2>\n<p>%s</p>\n",
                          _("Attributes and relations"),
                          _("Attributes are compared on the passages matched strictly (the same tag, "
                            "start and end); a passage without the attribute gives no value."));
  for (guint a = 0; attributes[a] != NULL; a++)
    append_attribute_table (report, attributes[a]);
  if (types[0] != NULL)
    append_relation_table (report, types);
}
