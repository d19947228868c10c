/* gloss-cli-agree-spans.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* gloss-cli agree INPUT…: how far the annotators of articles agree on
 * their passages, per pair and for the group, per tag and over all tags,
 * as readable tables or one JSON object; --disagreements writes each
 * disagreement as a row of a CSV file (gloss-cli-agree-disagreements.c). */

#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-agreement.h"
#include "gloss-cli-agree.h"
#include "gloss-cli-common.h"
#include "gloss-cli-progress.h"
#include "gloss-cli-read-ahead.h"

static const char * const mode_names[] = { "strict", "lenient", "average" };

static const char *
score_reason (GlossScoreStatus status)
{
  switch (status)
    {
    case GLOSS_SCORE_EMPTY_A:
      return _("A marked no passage: recall is undefined.");
    case GLOSS_SCORE_EMPTY_B:
      return _("B marked no passage: precision is undefined.");
    case GLOSS_SCORE_EMPTY_BOTH:
      return _("Neither marked a passage: nothing is defined.");
    case GLOSS_SCORE_DEFINED:
    default:
      return NULL;
    }
}

static void
add_score (JsonBuilder      *values,
           JsonBuilder      *reasons,
           const char       *key,
           const GlossScore *score)
{
  GlossReliabilityResult result = {
    score->status == GLOSS_SCORE_DEFINED, score->value, score_reason (score->status), 0, 0
  };

  gloss_cli_agree_add_result (values, reasons, key, &result);
}

static void
add_counts (JsonBuilder           *values,
            const GlossSpanCounts *counts)
{
  json_builder_set_member_name (values, "counts");
  json_builder_begin_object (values);
  for (guint k = 0; k < GLOSS_SPAN_N_OUTCOMES; k++)
    {
      g_autofree char *key = g_strdup (gloss_span_outcome_to_string (k));

      g_strdelimit (key, "-", '_');
      json_builder_set_member_name (values, key);
      json_builder_add_int_value (values, counts->n[k]);
    }
  json_builder_end_object (values);
}

/* The measures of @set for @tag (NULL: all tags), as members of the
 * object @values is building, the reasons of those undefined in
 * @reasons. */
static void
add_measures (JsonBuilder       *values,
              JsonBuilder       *reasons,
              GlossAgreementSet *set,
              const char        *tag)
{
  const GlossSpanMatch *spans = gloss_agreement_set_get_spans (set);
  GlossReliabilityResult result;

  if (spans != NULL)
    {
      GlossSpanCounts counts;

      if (tag != NULL)
        gloss_span_match_get_tag_counts (spans, tag, &counts);
      else
        counts = *gloss_span_match_get_counts (spans);
      add_counts (values, &counts);
      for (guint m = 0; m < G_N_ELEMENTS (mode_names); m++)
        {
          GlossSpanScores scores;
          g_autofree char *precision = g_strconcat ("precision_", mode_names[m], NULL);
          g_autofree char *recall = g_strconcat ("recall_", mode_names[m], NULL);
          g_autofree char *f1 = g_strconcat ("f1_", mode_names[m], NULL);

          gloss_span_counts_get_scores (&counts, m, &scores);
          add_score (values, reasons, precision, &scores.precision);
          add_score (values, reasons, recall, &scores.recall);
          add_score (values, reasons, f1, &scores.f1);
        }
    }

  for (guint m = 0; m < GLOSS_AGREEMENT_N_TOKEN_MEASURES; m++)
    {
      const char *key = gloss_agreement_token_measure_to_string (m);

      if (m == GLOSS_AGREEMENT_ALPHA)
        continue;
      /* Cohen's and Scott's are of pairs, Fleiss' of the group. */
      if ((spans == NULL) != (m == GLOSS_AGREEMENT_FLEISS_KAPPA) &&
          m != GLOSS_AGREEMENT_PERCENT)
        continue;
      gloss_agreement_set_get_token_measure (set, tag, m, &result);
      gloss_cli_agree_add_result (values, reasons, key, &result);
    }

  gloss_agreement_set_get_token_measure (set, tag, GLOSS_AGREEMENT_ALPHA, &result);
  json_builder_set_member_name (values, "alpha");
  json_builder_begin_object (values);
  json_builder_set_member_name (reasons, "alpha");
  json_builder_begin_object (reasons);
  gloss_cli_agree_add_result (values, reasons, "nominal", &result);
  json_builder_end_object (values);
  json_builder_end_object (reasons);
  json_builder_set_member_name (values, "units");
  json_builder_add_int_value (values, result.n_units);

  gloss_agreement_set_get_alpha_u (set, tag, &result);
  gloss_cli_agree_add_result (values, reasons, "alpha_u", &result);
}

/* One object: the measures of @set over all tags, then per tag. */
static void
add_set (JsonBuilder          *values,
         GlossAgreementResult *result,
         GlossAgreementSet    *set,
         char                **tags)
{
  g_autoptr(JsonBuilder) reasons = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (reasons);
  json_builder_set_member_name (values, "articles");
  json_builder_add_int_value (values, gloss_agreement_set_get_n_articles (set));
  add_measures (values, reasons, set, NULL);
  json_builder_end_object (reasons);
  root = json_builder_get_root (reasons);
  json_builder_set_member_name (values, "undefined");
  json_builder_add_value (values, g_steal_pointer (&root));

  json_builder_set_member_name (values, "tags");
  json_builder_begin_object (values);
  for (guint t = 0; tags[t] != NULL; t++)
    {
      g_autoptr(JsonBuilder) tag_reasons = json_builder_new ();
      g_autoptr(JsonNode) tag_root = NULL;

      json_builder_set_member_name (values, tags[t]);
      json_builder_begin_object (values);
      json_builder_begin_object (tag_reasons);
      add_measures (values, tag_reasons, set, tags[t]);
      json_builder_end_object (tag_reasons);
      tag_root = json_builder_get_root (tag_reasons);
      json_builder_set_member_name (values, "undefined");
      json_builder_add_value (values, g_steal_pointer (&tag_root));
      json_builder_end_object (values);
    }
  json_builder_end_object (values);
  gloss_cli_agree_add_relational_json (values, result, set);
}

/* The members of the object @b is building for @total: an article's or
 * every article's. */
static void
add_result_members (JsonBuilder          *b,
                    GlossAgreementResult *total)
{
  g_auto(GStrv) tags = gloss_agreement_result_dup_tags (total);
  guint n = gloss_agreement_result_get_n_annotators (total);
  GlossAgreementSet *group = gloss_agreement_result_get_group (total);

  json_builder_set_member_name (b, "articles");
  json_builder_add_int_value (b, gloss_agreement_result_get_n_articles (total));
  json_builder_set_member_name (b, "coders");
  json_builder_add_int_value (b, n);
  json_builder_set_member_name (b, "annotators");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, gloss_agreement_result_get_annotator (total, i));
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, gloss_agreement_result_get_annotator_name (total, i));
      json_builder_set_member_name (b, "articles");
      json_builder_add_int_value (b, gloss_agreement_result_get_n_annotated (total, i));
      json_builder_set_member_name (b, "passages");
      json_builder_add_int_value (b, gloss_agreement_result_count (total, i, NULL));
      json_builder_set_member_name (b, "tags");
      json_builder_begin_object (b);
      for (guint t = 0; tags[t] != NULL; t++)
        {
          json_builder_set_member_name (b, tags[t]);
          json_builder_add_int_value (b, gloss_agreement_result_count (total, i, tags[t]));
        }
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "tags");
  json_builder_begin_array (b);
  for (guint t = 0; tags[t] != NULL; t++)
    json_builder_add_string_value (b, tags[t]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "tokens");
  json_builder_add_int_value (b, gloss_agreement_result_get_n_tokens (total));
  json_builder_set_member_name (b, "characters");
  json_builder_add_int_value (b, gloss_agreement_result_get_n_characters (total));

  json_builder_set_member_name (b, "pairs");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        GlossAgreementSet *set = gloss_agreement_result_get_pair (total, i, j);

        if (set == NULL)
          continue;
        json_builder_begin_object (b);
        json_builder_set_member_name (b, "a");
        json_builder_add_string_value (b, gloss_agreement_result_get_annotator (total, i));
        json_builder_set_member_name (b, "b");
        json_builder_add_string_value (b, gloss_agreement_result_get_annotator (total, j));
        add_set (b, total, set, tags);
        json_builder_end_object (b);
      }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "group");
  if (group == NULL)
    json_builder_add_null_value (b);
  else
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "coders");
      json_builder_add_int_value (b, n);
      add_set (b, total, group, tags);
      json_builder_end_object (b);
    }
}

/* One article's measures, for --per-article. */
static JsonNode *
build_article_json (GlossAgreementResult *article)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, gloss_agreement_result_get_name (article));
  add_result_members (b, article);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static JsonNode *
build_json (GlossAgreementResult *total,
            GPtrArray            *documents,
            GPtrArray            *problems)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  add_result_members (b, total);
  if (documents != NULL)
    {
      json_builder_set_member_name (b, "documents");
      json_builder_begin_array (b);
      for (guint i = 0; i < documents->len; i++)
        json_builder_add_value (b, json_node_ref (g_ptr_array_index (documents, i)));
      json_builder_end_array (b);
    }

  json_builder_set_member_name (b, "problems");
  json_builder_begin_array (b);
  for (guint i = 0; i < problems->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (problems, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* Readable tables. */

typedef struct
{
  GPtrArray *rows;   /* GStrv */
} Table;

static void
table_add (Table       *table,
           const char  *first,
           ...)
{
  GPtrArray *row = g_ptr_array_new ();
  va_list args;

  va_start (args, first);
  for (const char *cell = first; cell != NULL; cell = va_arg (args, const char *))
    g_ptr_array_add (row, g_strdup (cell));
  va_end (args);
  g_ptr_array_add (row, NULL);
  g_ptr_array_add (table->rows, g_ptr_array_free (row, FALSE));
}

/* Prints @table with its columns aligned (by characters: κ, π, α and ’
 * are more than a byte), then frees it. */
static void
table_print (GString *out,
             Table   *table)
{
  g_autoptr(GArray) widths = g_array_new (FALSE, TRUE, sizeof (glong));

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; row[c] != NULL; c++)
        {
          glong w = g_utf8_strlen (row[c], -1);

          if (c >= widths->len)
            g_array_set_size (widths, c + 1);
          g_array_index (widths, glong, c) = MAX (g_array_index (widths, glong, c), w);
        }
    }
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; row[c] != NULL; c++)
        {
          g_string_append (out, row[c]);
          if (row[c + 1] == NULL)
            break;
          for (glong n = g_utf8_strlen (row[c], -1); n < g_array_index (widths, glong, c) + 2; n++)
            g_string_append_c (out, ' ');
        }
      g_string_append_c (out, '\n');
    }
  g_ptr_array_unref (table->rows);
  table->rows = NULL;
}

static void
print_rows (GString   *out,
            GPtrArray *rows)
{
  Table table = { g_ptr_array_ref (rows) };

  table_print (out, &table);
}

/* A row of a pair: F1 strict and lenient, κ, π, α, α_U and the counts. */
static void
add_pair_row (Table             *table,
              const char        *first,
              const char        *second,
              const char        *third,
              GlossAgreementSet *set,
              const char        *tag)
{
  const GlossSpanMatch *spans = gloss_agreement_set_get_spans (set);
  GlossSpanCounts counts;
  GlossSpanScores strict, lenient;
  GlossReliabilityResult kappa, pi, alpha, alpha_u;
  char *cells[11] = { NULL };

  if (tag != NULL)
    gloss_span_match_get_tag_counts (spans, tag, &counts);
  else
    counts = *gloss_span_match_get_counts (spans);
  gloss_span_counts_get_scores (&counts, GLOSS_SPAN_STRICT, &strict);
  gloss_span_counts_get_scores (&counts, GLOSS_SPAN_LENIENT, &lenient);
  gloss_agreement_set_get_token_measure (set, tag, GLOSS_AGREEMENT_COHEN_KAPPA, &kappa);
  gloss_agreement_set_get_token_measure (set, tag, GLOSS_AGREEMENT_SCOTT_PI, &pi);
  gloss_agreement_set_get_token_measure (set, tag, GLOSS_AGREEMENT_ALPHA, &alpha);
  gloss_agreement_set_get_alpha_u (set, tag, &alpha_u);

  cells[0] = gloss_cli_agree_format_score (&strict.f1);
  cells[1] = gloss_cli_agree_format_score (&lenient.f1);
  cells[2] = gloss_cli_agree_format_result (&kappa);
  cells[3] = gloss_cli_agree_format_result (&pi);
  cells[4] = gloss_cli_agree_format_result (&alpha);
  cells[5] = gloss_cli_agree_format_result (&alpha_u);
  for (guint k = 0; k < GLOSS_SPAN_N_OUTCOMES; k++)
    cells[6 + k] = g_strdup_printf ("%u", counts.n[k]);
  table_add (table, first, second, third, cells[0], cells[1], cells[2], cells[3], cells[4],
             cells[5], cells[6], cells[7], cells[8], cells[9], cells[10], NULL);
  for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
    g_free (cells[c]);
}

static void
add_pair_header (Table      *table,
                 const char *first)
{
  table_add (table, first, "A", "B", _("F1 strict"), _("F1 lenient"), _("Cohen’s κ"),
             _("Scott’s π"), "α", "α_U", _("matched"), _("tag differs"),
             _("boundary differs"), _("only A"), _("only B"), NULL);
}

static void
add_group_row (Table             *table,
               const char        *label,
               GlossAgreementSet *group,
               const char        *tag)
{
  GlossReliabilityResult percent, fleiss, alpha, alpha_u;
  char *cells[4] = { NULL };

  gloss_agreement_set_get_token_measure (group, tag, GLOSS_AGREEMENT_PERCENT, &percent);
  gloss_agreement_set_get_token_measure (group, tag, GLOSS_AGREEMENT_FLEISS_KAPPA, &fleiss);
  gloss_agreement_set_get_token_measure (group, tag, GLOSS_AGREEMENT_ALPHA, &alpha);
  gloss_agreement_set_get_alpha_u (group, tag, &alpha_u);
  cells[0] = gloss_cli_agree_format_result (&percent);
  cells[1] = gloss_cli_agree_format_result (&fleiss);
  cells[2] = gloss_cli_agree_format_result (&alpha);
  cells[3] = gloss_cli_agree_format_result (&alpha_u);
  table_add (table, label, cells[0], cells[1], cells[2], cells[3], NULL);
  for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
    g_free (cells[c]);
}

/* The rows of one article's pairs over all tags, for --per-article. */
static void
add_article_rows (Table                *table,
                  GlossAgreementResult *article)
{
  guint n = gloss_agreement_result_get_n_annotators (article);

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      add_pair_row (table, gloss_agreement_result_get_name (article),
                    gloss_agreement_result_get_annotator (article, i),
                    gloss_agreement_result_get_annotator (article, j),
                    gloss_agreement_result_get_pair (article, i, j), NULL);
}

static char *
format_text (GlossAgreementResult *total,
             Table                *per_article)
{
  GString *out = g_string_new (NULL);
  g_auto(GStrv) tags = gloss_agreement_result_dup_tags (total);
  guint n = gloss_agreement_result_get_n_annotators (total);
  GlossAgreementSet *group = gloss_agreement_result_get_group (total);
  guint n_articles = gloss_agreement_result_get_n_articles (total);
  Table table = { NULL };
  gboolean any_pair = FALSE;

  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", n_articles),
                          n_articles);
  g_string_append (out, ", ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u annotator", "%u annotators", n), n);
  g_string_append (out, ", ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u tag", "%u tags", g_strv_length (tags)),
                          g_strv_length (tags));
  g_string_append (out, ", ");
  {
    guint64 n_tokens = gloss_agreement_result_get_n_tokens (total);
    g_autofree char *number = g_strdup_printf ("%" G_GUINT64_FORMAT, n_tokens);

    /* Translators: a number of tokens */
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s token", "%s tokens",
                                              (gulong) MIN (n_tokens, G_MAXULONG)), number);
  }
  g_string_append (out, "\n\n");

  table.rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table_add (&table, _("Annotator"), _("Name"), _("Articles"), _("Passages"), NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *articles = g_strdup_printf ("%u", gloss_agreement_result_get_n_annotated (total, i));
      g_autofree char *passages = g_strdup_printf ("%u", gloss_agreement_result_count (total, i, NULL));

      table_add (&table, gloss_agreement_result_get_annotator (total, i),
                 gloss_agreement_result_get_annotator_name (total, i), articles, passages, NULL);
    }
  table_print (out, &table);

  g_string_append (out, "\n");
  g_string_append (out, _("Pairs (A is the reference: precision is the share of B’s passages A has, "
                          "recall the share of A’s passages B has; F1 is the same both ways)"));
  g_string_append (out, "\n");
  table.rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  add_pair_header (&table, _("Tag"));
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        GlossAgreementSet *set = gloss_agreement_result_get_pair (total, i, j);
        const char *a = gloss_agreement_result_get_annotator (total, i);
        const char *b = gloss_agreement_result_get_annotator (total, j);

        if (set == NULL)
          continue;
        any_pair = TRUE;
        add_pair_row (&table, _("(all)"), a, b, set, NULL);
        for (guint t = 0; tags[t] != NULL; t++)
          add_pair_row (&table, tags[t], a, b, set, tags[t]);
      }
  if (any_pair)
    table_print (out, &table);
  else
    {
      g_ptr_array_unref (g_steal_pointer (&table.rows));
      g_string_append (out, _("No article has two annotators."));
      g_string_append (out, "\n");
    }

  if (group != NULL)
    {
      g_string_append (out, "\n");
      g_string_append_printf (out, _("The group of %u annotators, on tokens and characters"), n);
      g_string_append (out, "\n");
      table.rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      table_add (&table, _("Tag"), _("Percent agreement"), _("Fleiss’ κ"), "α", "α_U", NULL);
      add_group_row (&table, _("(all)"), group, NULL);
      for (guint t = 0; tags[t] != NULL; t++)
        add_group_row (&table, tags[t], group, tags[t]);
      table_print (out, &table);
    }

  gloss_cli_agree_append_relational_text (out, total, print_rows);

  if (per_article != NULL && per_article->rows->len > 1)
    {
      g_string_append (out, "\n");
      g_string_append (out, _("Per article, over all tags"));
      g_string_append (out, "\n");
      table_print (out, per_article);
    }

  g_string_append (out, "\n");
  g_string_append (out, _("κ, π and α on tokens; α_U on characters. — : undefined (--json gives the reason)."));
  g_string_append (out, "\n");
  return g_string_free (out, FALSE);
}

int
gloss_cli_agree_spans (char     **inputs,
                       char     **annotators,
                       char     **tags,
                       const char *disagreements,
                       gboolean   per_article,
                       gboolean   json)
{
  g_autoptr(GPtrArray) documents = NULL;
  Table article_rows = { NULL };
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (gloss_cli_article_free);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GlossAgreement) study = gloss_agreement_new ();
  g_autoptr(GlossCliProgress) progress = NULL;
  g_autoptr(GlossCliReadAhead) read_ahead = NULL;
  g_autoptr(GlossCliDisagreements) rows = NULL;
  g_autoptr(GError) error = NULL;
  GlossAgreementResult *total;
  guint failures = 0;

  for (guint i = 0; inputs[i] != NULL; i++)
    failures += gloss_cli_collect_articles (inputs[i], articles);

  gloss_agreement_set_annotators (study, (const char * const *) annotators);
  gloss_agreement_set_tags (study, (const char * const *) tags);

  if (disagreements != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (disagreements);

      if (gloss_cli_is_input (file, articles))
        {
          /* Translators: a file name */
          g_printerr (_("“%s” is one of the files measured: give another file to --disagreements"),
                      disagreements);
          g_printerr ("\n");
          return GLOSS_CLI_PROBLEM;
        }
      rows = gloss_cli_disagreements_new (file, &error);
      if (rows == NULL)
        {
          g_printerr ("%s\n", error->message);
          return GLOSS_CLI_PROBLEM;
        }
    }

  if (per_article && json)
    documents = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  else if (per_article)
    {
      article_rows.rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      add_pair_header (&article_rows, _("Article"));
    }

  read_ahead = gloss_cli_read_ahead_new (study, articles);
  progress = gloss_cli_progress_new (articles->len);
  for (guint i = 0; i < articles->len; i++)
    {
      GlossCliArticle *item = g_ptr_array_index (articles, i);
      g_autoptr(GlossAgreementResult) result = NULL;
      g_autoptr(GlossAgreementReading) reading = NULL;
      guint before = problems->len;

      gloss_cli_progress_update (progress, i);
      reading = gloss_cli_read_ahead_take (read_ahead, i);
      result = gloss_agreement_measure_reading (study, item->name, reading, problems);
      if (problems->len > before)
        {
          gloss_cli_progress_clear (progress);
          for (guint k = before; k < problems->len; k++)
            g_printerr ("%s\n", (const char *) g_ptr_array_index (problems, k));
          failures += problems->len - before;
        }
      if (result != NULL && documents != NULL)
        g_ptr_array_add (documents, build_article_json (result));
      if (result != NULL && article_rows.rows != NULL)
        add_article_rows (&article_rows, result);
      if (result != NULL && rows != NULL && !gloss_cli_disagreements_add (rows, result, &error))
        break;
    }
  gloss_cli_progress_update (progress, articles->len);
  gloss_cli_progress_clear (progress);

  total = gloss_agreement_get_total (study);
  if (rows != NULL && error == NULL)
    {
      g_auto(GStrv) attributes = gloss_agreement_result_dup_attributes (total);
      g_auto(GStrv) types = gloss_agreement_result_dup_relation_types (total);

      gloss_cli_disagreements_finish (rows, attributes[0] != NULL || types[0] != NULL, &error);
    }
  if (error != NULL)
    {
      g_printerr ("%s\n", error->message);
      return GLOSS_CLI_PROBLEM;
    }

  for (guint i = 0; annotators != NULL && annotators[i] != NULL; i++)
    {
      guint k, n = gloss_agreement_result_get_n_annotators (total);

      for (k = 0; k < n; k++)
        if (g_str_equal (gloss_agreement_result_get_annotator (total, k), annotators[i]))
          break;
      if (k == n)
        {
          /* Translators: an annotator id */
          g_printerr (_("No readable annotation file of the annotator “%s” was found among the inputs"),
                      annotators[i]);
          g_printerr ("\n");
          failures++;
        }
    }

  if (json)
    {
      g_autoptr(JsonNode) root = build_json (total, documents, problems);

      gloss_cli_print_json (root);
    }
  else
    {
      g_autofree char *text = format_text (total, article_rows.rows != NULL ? &article_rows : NULL);

      g_print ("%s", text);
    }

  if (gloss_agreement_result_get_n_articles (total) == 0)
    {
      g_printerr ("%s\n", _("No article was measured."));
      return GLOSS_CLI_PROBLEM;
    }
  return failures > 0 ? GLOSS_CLI_PROBLEM : GLOSS_CLI_OK;
}
