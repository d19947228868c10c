/* gloss-cli-agree-relations.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* gloss-cli agree on articles: the agreement on the attributes of the
 * passages matched and on the relations between them, as JSON members
 * and readable tables (gloss-cli-agree-spans.c prints the rest). */

#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-cli-agree.h"

/* The measures of @set for @attribute (every attribute together when
 * NULL) as members of the objects @values and @reasons are building:
 * each measure (α interval for numbers only), then the units. */
static void
add_attribute_measures (JsonBuilder          *values,
                        JsonBuilder          *reasons,
                        GlossAgreementResult *result,
                        GlossAgreementSet    *set,
                        const char           *attribute)
{
  GlossReliabilityResult measure;

  for (guint m = 0; m < GLOSS_AGREEMENT_N_ATTRIBUTE_MEASURES; m++)
    {
      if (m == GLOSS_AGREEMENT_ATTRIBUTE_ALPHA_INTERVAL &&
          (attribute == NULL || !gloss_agreement_result_attribute_is_numeric (result, attribute)))
        continue;
      gloss_agreement_set_get_attribute_measure (set, attribute, m, &measure);
      gloss_cli_agree_add_result (values, reasons, gloss_agreement_attribute_measure_to_string (m),
                                  &measure);
    }
  gloss_agreement_set_get_attribute_measure (set, attribute, GLOSS_AGREEMENT_ATTRIBUTE_ALPHA_NOMINAL,
                                             &measure);
  json_builder_set_member_name (values, "units");
  json_builder_add_int_value (values, measure.n_units);
}

static void
add_attribute (JsonBuilder          *values,
               JsonBuilder          *reasons,
               GlossAgreementResult *result,
               GlossAgreementSet    *set,
               const char           *attribute)
{
  json_builder_set_member_name (values, attribute);
  json_builder_begin_object (values);
  json_builder_set_member_name (reasons, attribute);
  json_builder_begin_object (reasons);
  add_attribute_measures (values, reasons, result, set, attribute);
  json_builder_end_object (values);
  json_builder_end_object (reasons);
}

/* Every attribute together, as review's header measures them: the member
 * "all_attributes", with the reasons under its "undefined". */
static void
add_all_attributes (JsonBuilder          *values,
                    GlossAgreementResult *result,
                    GlossAgreementSet    *set)
{
  g_autoptr(JsonBuilder) reasons = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_set_member_name (values, "all_attributes");
  json_builder_begin_object (values);
  json_builder_begin_object (reasons);
  add_attribute_measures (values, reasons, result, set, NULL);
  json_builder_end_object (reasons);
  root = json_builder_get_root (reasons);
  json_builder_set_member_name (values, "undefined");
  json_builder_add_value (values, g_steal_pointer (&root));
  json_builder_end_object (values);
}

/* Why a relation score is undefined, by GlossScoreStatus. */
static const char * const relation_reasons[] = {
  NULL,
  N_("A has no relation: recall is undefined."),
  N_("B has no relation: precision is undefined."),
  N_("Neither has a relation: nothing is defined."),
};

static void
add_relation_score (JsonBuilder      *values,
                    JsonBuilder      *reasons,
                    const char       *key,
                    const GlossScore *score)
{
  GlossReliabilityResult result = { score->status == GLOSS_SCORE_DEFINED, score->value, NULL, 0, 0 };

  if (!result.defined)
    result.reason = _(relation_reasons[score->status]);
  gloss_cli_agree_add_result (values, reasons, key, &result);
}

/* A pair's relations of @type (all types when NULL), as members. */
static void
add_relation_members (JsonBuilder       *values,
                      GlossAgreementSet *set,
                      const char        *type)
{
  g_autoptr(JsonBuilder) reasons = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  GlossSpanCounts counts;
  GlossSpanScores scores;

  gloss_agreement_set_get_relation_counts (set, type, &counts);
  gloss_span_counts_get_scores (&counts, GLOSS_SPAN_STRICT, &scores);
  json_builder_begin_object (reasons);
  json_builder_set_member_name (values, "matched");
  json_builder_add_int_value (values, counts.n[GLOSS_SPAN_MATCHED]);
  json_builder_set_member_name (values, "only_a");
  json_builder_add_int_value (values, counts.n[GLOSS_SPAN_ONLY_A]);
  json_builder_set_member_name (values, "only_b");
  json_builder_add_int_value (values, counts.n[GLOSS_SPAN_ONLY_B]);
  add_relation_score (values, reasons, "precision", &scores.precision);
  add_relation_score (values, reasons, "recall", &scores.recall);
  add_relation_score (values, reasons, "f1", &scores.f1);
  json_builder_end_object (reasons);
  root = json_builder_get_root (reasons);
  json_builder_set_member_name (values, "undefined");
  json_builder_add_value (values, g_steal_pointer (&root));
}

void
gloss_cli_agree_add_relational_json (JsonBuilder          *values,
                                     GlossAgreementResult *result,
                                     GlossAgreementSet    *set)
{
  g_auto(GStrv) attributes = gloss_agreement_result_dup_attributes (result);
  g_autoptr(JsonBuilder) reasons = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_set_member_name (values, "attributes");
  json_builder_begin_object (values);
  json_builder_begin_object (reasons);
  for (guint a = 0; attributes[a] != NULL; a++)
    add_attribute (values, reasons, result, set, attributes[a]);
  json_builder_end_object (reasons);
  root = json_builder_get_root (reasons);
  json_builder_set_member_name (values, "undefined");
  json_builder_add_value (values, g_steal_pointer (&root));
  json_builder_end_object (values);
  if (attributes[0] != NULL)
    add_all_attributes (values, result, set);

  if (gloss_agreement_set_get_spans (set) != NULL)
    {
      g_auto(GStrv) types = gloss_agreement_result_dup_relation_types (result);

      json_builder_set_member_name (values, "relations");
      json_builder_begin_object (values);
      add_relation_members (values, set, NULL);
      json_builder_set_member_name (values, "types");
      json_builder_begin_object (values);
      for (guint t = 0; types[t] != NULL; t++)
        {
          json_builder_set_member_name (values, types[t]);
          json_builder_begin_object (values);
          add_relation_members (values, set, types[t]);
          json_builder_end_object (values);
        }
      json_builder_end_object (values);
      json_builder_end_object (values);
    }
}

/* Readable tables. */

/* Adds @cell to @row and frees it (GLib 2.74 has no g_strv_builder_take). */
static void
take (GStrvBuilder *row,
      char         *cell)
{
  g_strv_builder_add (row, cell);
  g_free (cell);
}

/* A row of @set for @attribute (every attribute together when NULL):
 * its first cells, then percent agreement, α nominal, α interval (of an
 * attribute of numbers only) and the units. */
static void
add_attribute_row (GPtrArray            *rows,
                   GlossAgreementResult *result,
                   const char           *attribute,
                   const char           *who,
                   GlossAgreementSet    *set)
{
  GStrvBuilder *row = g_strv_builder_new ();
  GlossReliabilityResult percent, nominal, interval;

  gloss_agreement_set_get_attribute_measure (set, attribute, GLOSS_AGREEMENT_ATTRIBUTE_PERCENT, &percent);
  gloss_agreement_set_get_attribute_measure (set, attribute, GLOSS_AGREEMENT_ATTRIBUTE_ALPHA_NOMINAL, &nominal);
  gloss_agreement_set_get_attribute_measure (set, attribute, GLOSS_AGREEMENT_ATTRIBUTE_ALPHA_INTERVAL, &interval);
  /* Translators: in the column of attributes, the row of every attribute together */
  g_strv_builder_add (row, attribute != NULL ? attribute : _("(all attributes)"));
  g_strv_builder_add (row, who);
  take (row, gloss_cli_agree_format_result (&percent));
  take (row, gloss_cli_agree_format_result (&nominal));
  take (row, attribute != NULL && gloss_agreement_result_attribute_is_numeric (result, attribute)
                            ? gloss_cli_agree_format_result (&interval) : g_strdup (""));
  take (row, g_strdup_printf ("%u", nominal.n_units));
  g_ptr_array_add (rows, g_strv_builder_end (row));
  g_strv_builder_unref (row);
}

static void
add_relation_row (GPtrArray         *rows,
                  const char        *type,
                  const char        *who,
                  GlossAgreementSet *set)
{
  GStrvBuilder *row = g_strv_builder_new ();
  GlossSpanCounts counts;
  GlossSpanScores scores;

  gloss_agreement_set_get_relation_counts (set, type, &counts);
  gloss_span_counts_get_scores (&counts, GLOSS_SPAN_STRICT, &scores);
  g_strv_builder_add (row, type != NULL ? type : _("(all)"));
  g_strv_builder_add (row, who);
  take (row, gloss_cli_agree_format_score (&scores.precision));
  take (row, gloss_cli_agree_format_score (&scores.recall));
  take (row, gloss_cli_agree_format_score (&scores.f1));
  take (row, g_strdup_printf ("%u", counts.n[GLOSS_SPAN_MATCHED]));
  take (row, g_strdup_printf ("%u", counts.n[GLOSS_SPAN_ONLY_A]));
  take (row, g_strdup_printf ("%u", counts.n[GLOSS_SPAN_ONLY_B]));
  g_ptr_array_add (rows, g_strv_builder_end (row));
  g_strv_builder_unref (row);
}

typedef struct
{
  GlossAgreementSet *set;
  char *who;
} Pair;

static void
pair_clear (gpointer data)
{
  g_free (((Pair *) data)->who);
}

/* The pairs of @result that have articles, with their names. */
static GArray *
list_pairs (GlossAgreementResult *result)
{
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  guint n = gloss_agreement_result_get_n_annotators (result);

  g_array_set_clear_func (pairs, pair_clear);
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        Pair pair = { gloss_agreement_result_get_pair (result, i, j), NULL };

        if (pair.set == NULL)
          continue;
        /* Translators: a pair of annotator ids */
        pair.who = g_strdup_printf (_("%s – %s"), gloss_agreement_result_get_annotator (result, i),
                                    gloss_agreement_result_get_annotator (result, j));
        g_array_append_val (pairs, pair);
      }
  return pairs;
}

void
gloss_cli_agree_append_relational_text (GString              *out,
                                        GlossAgreementResult *result,
                                        GlossCliTablePrint    print)
{
  g_auto(GStrv) attributes = gloss_agreement_result_dup_attributes (result);
  g_auto(GStrv) types = gloss_agreement_result_dup_relation_types (result);
  g_autoptr(GArray) pairs = list_pairs (result);
  GlossAgreementSet *group = gloss_agreement_result_get_group (result);
  g_autoptr(GPtrArray) rows = NULL;

  if (attributes[0] != NULL)
    {
      rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      g_ptr_array_add (rows, g_strdupv ((char *[]) { _("Attribute"), _("Annotators"), _("Percent agreement"),
                                                     _("α nominal"), _("α interval"), _("units"), NULL }));
      for (guint a = 0; attributes[a] != NULL; a++)
        {
          for (guint p = 0; p < pairs->len; p++)
            add_attribute_row (rows, result, attributes[a], g_array_index (pairs, Pair, p).who,
                               g_array_index (pairs, Pair, p).set);
          if (group != NULL)
            add_attribute_row (rows, result, attributes[a], _("(group)"), group);
        }
      /* Every attribute together: the figure review's header shows. */
      for (guint p = 0; p < pairs->len; p++)
        add_attribute_row (rows, result, NULL, g_array_index (pairs, Pair, p).who,
                           g_array_index (pairs, Pair, p).set);
      if (group != NULL)
        add_attribute_row (rows, result, NULL, _("(group)"), group);
      g_string_append (out, "\n");
      g_string_append (out, _("Attributes of the passages matched strictly (same tag, start and end)"));
      g_string_append (out, "\n");
      print (out, rows);
      g_clear_pointer (&rows, g_ptr_array_unref);
    }

  if (types[0] != NULL)
    {
      rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      g_ptr_array_add (rows, g_strdupv ((char *[]) { _("Relation"), _("Annotators"), _("Precision"),
                                                     _("Recall"), "F1", _("matched"), _("only A"),
                                                     _("only B"), NULL }));
      for (guint p = 0; p < pairs->len; p++)
        {
          const Pair *pair = &g_array_index (pairs, Pair, p);

          add_relation_row (rows, NULL, pair->who, pair->set);
          for (guint t = 0; types[t] != NULL; t++)
            add_relation_row (rows, types[t], pair->who, pair->set);
        }
      g_string_append (out, "\n");
      g_string_append (out, _("Relations (matched: the same type, both ends matched strictly)"));
      g_string_append (out, "\n");
      print (out, rows);
    }
}
