/* gloss-agreement-report.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-agreement-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "gloss-agreement-report-private.h"
#include "gloss-annotator-colour.h"

/* The page, its tables and its header; the charts are in -charts.c and the
 * articles' texts in -text.c.  Everything is built in one GString that
 * goes to the stream whenever it grows past this. */
#define FLUSH_SIZE (64 * 1024)

/* Each tag's lane is drawn in one of these fills (see the stylesheet), so
 * that tags are told apart without their colour. */
#define N_PATTERNS 6

static const char stylesheet[] =
  "body{font-family:system-ui,sans-serif;margin:1.5em auto;max-width:72em;padding:0 1em;"
  "color:#1a1a1a;background:#fff;line-height:1.4}"
  "h1{font-size:1.6em}h2{font-size:1.3em;border-bottom:1px solid #ccc;margin-top:2em}"
  "h3{font-size:1.1em;margin-top:1.5em}"
  "table{border-collapse:collapse;font-size:.85em;margin:.5em 0}"
  "th,td{border:1px solid #ccc;padding:.2em .4em;text-align:right;vertical-align:top}"
  "th{background:#f2f2f2}th.name,td.name{text-align:left}"
  "td.undefined{color:#777}"
  ".scroll{overflow-x:auto}"
  "dl.summary{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}"
  "dl.summary dt{font-weight:bold}dl.summary dd{margin:0}"
  ".swatch{display:inline-block;width:1.6em;height:.9em;border:1px solid #333;"
  "vertical-align:middle;margin-right:.3em}"
  ".text{white-space:pre-wrap;font-family:Georgia,serif;font-size:1.05em;line-height:1.6;"
  "border:1px solid #ddd;padding:.8em;background:#fcfcfc}"
  ".seg{display:inline-block;vertical-align:top;white-space:pre-wrap}"
  ".lane{display:block;height:10px;font:bold 8px/10px system-ui,sans-serif;"
  "white-space:nowrap;overflow:visible;color:#000;margin-top:1px}"
  ".lane.off{background:none}"
  ".lab{background:rgba(255,255,255,.85);padding:0 .2em;border-radius:2px}"
  ".p0{background:var(--c)}"
  ".p1{background:repeating-linear-gradient(45deg,var(--c) 0 3px,transparent 3px 6px)}"
  ".p2{background:radial-gradient(var(--c) 45%,transparent 50%) 0 0/5px 5px}"
  ".p3{background:repeating-linear-gradient(90deg,var(--c) 0 2px,transparent 2px 5px)}"
  ".p4{box-shadow:inset 0 0 0 2px var(--c)}"
  ".p5{background:repeating-linear-gradient(-45deg,var(--c) 0 3px,transparent 3px 6px)}"
  ".dis>.t{text-decoration:underline wavy #c00;outline:1px dashed #c00}"
  ".dis>.t::before{content:'\\2260';font:bold .7em sans-serif;color:#c00;vertical-align:super}"
  "svg{max-width:100%;height:auto;font-family:system-ui,sans-serif}"
  "figure{margin:1em 0}figcaption{font-size:.9em;color:#444}"
  "@media print{.scroll{overflow:visible}}";

void
gloss_report_escape (GString    *buf,
                     const char *text,
                     gssize      length)
{
  const char *p = text;
  const char *end;

  if (text == NULL)
    return;
  end = length < 0 ? text + strlen (text) : text + length;

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append (buf, "\xef\xbf\xbd");
          p++;
          continue;
        }

      switch (c)
        {
        case '&':
          g_string_append (buf, "&amp;");
          break;
        case '<':
          g_string_append (buf, "&lt;");
          break;
        case '>':
          g_string_append (buf, "&gt;");
          break;
        case '"':
          g_string_append (buf, "&quot;");
          break;
        case '\'':
          g_string_append (buf, "&#39;");
          break;
        case '\n':
        case '\t':
          g_string_append_c (buf, (char) c);
          break;
        default:
          /* HTML forbids the C0 and C1 controls (but the white space
           * above), a carriage return would be read as a line break,
           * and noncharacters are errors too. */
          if (c < 0x20 || (c >= 0x7f && c < 0xa0) ||
              (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe)
            g_string_append (buf, "\xef\xbf\xbd");
          else
            g_string_append_len (buf, p, g_utf8_next_char (p) - p);
          break;
        }
      p = g_utf8_next_char (p);
    }
}

const char *
gloss_report_annotator_colour (GlossReport *report,
                               guint        index)
{
  guint n = gloss_agreement_result_get_n_annotators (report->total);

  return gloss_annotator_colour_hex (index < n ? report->colours[index] : 0, FALSE);
}

guint
gloss_report_annotator_index (GlossReport *report,
                              const char  *annotator)
{
  guint n = gloss_agreement_result_get_n_annotators (report->total);

  for (guint i = 0; i < n; i++)
    {
      if (g_strcmp0 (gloss_agreement_result_get_annotator (report->total, i), annotator) == 0)
        return i;
    }
  return n;
}

guint
gloss_report_tag_index (GlossReport *report,
                        const char  *tag)
{
  for (guint i = 0; i < report->n_tags; i++)
    {
      if (g_strcmp0 (report->tags[i], tag) == 0)
        return i;
    }
  return report->n_tags;
}

char *
gloss_report_pair_label (GlossReport *report,
                         guint        a,
                         guint        b)
{
  /* Translators: two annotators' names, of a pair compared */
  return g_strdup_printf (_("%s and %s"),
                          gloss_agreement_result_get_annotator_name (report->total, a),
                          gloss_agreement_result_get_annotator_name (report->total, b));
}

static gboolean
flush (GlossReport   *report,
       GOutputStream *out,
       gboolean       always,
       GCancellable  *cancellable,
       GError       **error)
{
  if (!always && report->buf->len < FLUSH_SIZE)
    return !g_cancellable_set_error_if_cancelled (cancellable, error);
  if (!g_output_stream_write_all (out, report->buf->str, report->buf->len, NULL,
                                  cancellable, error))
    return FALSE;
  g_string_truncate (report->buf, 0);
  return TRUE;
}

static void
append_exact (GString *buf,
              double   value)
{
  char exact[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (buf, g_ascii_dtostr (exact, sizeof exact, value));
}

/* A cell of a coefficient or score: shown with three decimals in the
 * locale's way, its exact value in data-value for programs. */
void
gloss_report_append_measure (GString    *buf,
                             const char *measure,
                             gboolean    defined,
                             double      value,
                             const char *reason)
{
  if (!defined)
    {
      g_string_append_printf (buf, "<td class=\"undefined\" data-measure=\"%s\" data-value=\"null\" title=\"",
                              measure);
      gloss_report_escape (buf, reason, -1);
      g_string_append (buf, "\">—</td>");
      return;
    }

  g_string_append_printf (buf, "<td data-measure=\"%s\" data-value=\"", measure);
  append_exact (buf, value);
  g_string_append_printf (buf, "\">%.3f</td>", value);
}

void
gloss_report_append_count (GString    *buf,
                           const char *measure,
                           guint64     value)
{
  g_string_append_printf (buf, "<td data-measure=\"%s\" data-value=\"%" G_GUINT64_FORMAT "\">%"
                          G_GUINT64_FORMAT "</td>", measure, value, value);
}

static void
append_reliability (GString                    *buf,
                    const char                 *measure,
                    const GlossReliabilityResult *result)
{
  gloss_report_append_measure (buf, measure, result->defined, result->value, result->reason);
}

static const char *
score_reason (GlossScoreStatus status)
{
  switch (status)
    {
    case GLOSS_SCORE_EMPTY_A:
      return _("The first annotator marked no passage.");
    case GLOSS_SCORE_EMPTY_B:
      return _("The second annotator marked no passage.");
    case GLOSS_SCORE_EMPTY_BOTH:
      return _("Neither annotator marked a passage.");
    case GLOSS_SCORE_DEFINED:
    default:
      return NULL;
    }
}

static void
append_score (GString          *buf,
              const char       *measure,
              const GlossScore *score)
{
  gloss_report_append_measure (buf, measure, score->status == GLOSS_SCORE_DEFINED, score->value,
                  score_reason (score->status));
}

static void
append_token_measures (GString           *buf,
                       GlossAgreementSet *set,
                       const char        *tag,
                       gboolean           pair)
{
  GlossReliabilityResult result;

  gloss_agreement_set_get_token_measure (set, tag, GLOSS_AGREEMENT_PERCENT, &result);
  gloss_report_append_count (buf, "units", result.n_units);
  append_reliability (buf, "percent_agreement", &result);
  if (pair)
    {
      gloss_agreement_set_get_token_measure (set, tag, GLOSS_AGREEMENT_COHEN_KAPPA, &result);
      append_reliability (buf, "cohen_kappa", &result);
      gloss_agreement_set_get_token_measure (set, tag, GLOSS_AGREEMENT_SCOTT_PI, &result);
      append_reliability (buf, "scott_pi", &result);
    }
  else
    {
      gloss_agreement_set_get_token_measure (set, tag, GLOSS_AGREEMENT_FLEISS_KAPPA, &result);
      append_reliability (buf, "fleiss_kappa", &result);
    }
  gloss_agreement_set_get_token_measure (set, tag, GLOSS_AGREEMENT_ALPHA, &result);
  append_reliability (buf, "alpha.nominal", &result);
  gloss_agreement_set_get_alpha_u (set, tag, &result);
  append_reliability (buf, "alpha_u", &result);
}

void
gloss_report_append_pair_attributes (GString    *buf,
                                     const char *id_a,
                                     const char *id_b)
{
  g_string_append (buf, " data-pair=\"");
  gloss_report_escape (buf, id_a, -1);
  g_string_append_c (buf, ' ');
  gloss_report_escape (buf, id_b, -1);
  g_string_append (buf, "\" data-a=\"");
  gloss_report_escape (buf, id_a, -1);
  g_string_append (buf, "\" data-b=\"");
  gloss_report_escape (buf, id_b, -1);
  g_string_append_c (buf, '"');
}

/* The row's attributes: data-tag when it is one tag's. */
static void
append_tag_attribute (GString    *buf,
                      const char *tag)
{
  if (tag == NULL)
    return;
  g_string_append (buf, " data-tag=\"");
  gloss_report_escape (buf, tag, -1);
  g_string_append_c (buf, '"');
}

static void
append_pair_row (GlossReport *report,
                 guint        a,
                 guint        b,
                 const char  *tag)
{
  static const struct { GlossSpanMode mode; const char *suffix; } modes[] = {
    { GLOSS_SPAN_STRICT, "strict" },
    { GLOSS_SPAN_LENIENT, "lenient" },
    { GLOSS_SPAN_AVERAGE, "average" },
  };
  static const char * const outcome_keys[] = {
    "counts.matched", "counts.tag_differs", "counts.boundary_differs", "counts.only_a", "counts.only_b",
  };
  GString *buf = report->buf;
  GlossAgreementSet *set = gloss_agreement_result_get_pair (report->total, a, b);
  const char *id_a = gloss_agreement_result_get_annotator (report->total, a);
  const char *id_b = gloss_agreement_result_get_annotator (report->total, b);
  g_autofree char *label = gloss_report_pair_label (report, a, b);
  GlossSpanCounts counts;

  if (set == NULL)
    return;

  if (tag != NULL)
    gloss_span_match_get_tag_counts (gloss_agreement_set_get_spans (set), tag, &counts);
  else
    counts = *gloss_span_match_get_counts (gloss_agreement_set_get_spans (set));

  g_string_append (buf, "<tr");
  gloss_report_append_pair_attributes (buf, id_a, id_b);
  append_tag_attribute (buf, tag);
  g_string_append (buf, "><th class=\"name\" scope=\"row\">");
  gloss_report_escape (buf, label, -1);
  g_string_append (buf, "</th>");
  gloss_report_append_count (buf, "articles", gloss_agreement_set_get_n_articles (set));

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      GlossSpanScores scores;
      g_autofree char *f1 = g_strconcat ("f1_", modes[i].suffix, NULL);
      g_autofree char *precision = g_strconcat ("precision_", modes[i].suffix, NULL);
      g_autofree char *recall = g_strconcat ("recall_", modes[i].suffix, NULL);

      gloss_span_counts_get_scores (&counts, modes[i].mode, &scores);
      append_score (buf, f1, &scores.f1);
      append_score (buf, precision, &scores.precision);
      append_score (buf, recall, &scores.recall);
    }

  append_token_measures (buf, set, tag, TRUE);

  for (guint i = 0; i < GLOSS_SPAN_N_OUTCOMES; i++)
    gloss_report_append_count (buf, outcome_keys[i], counts.n[i]);
  g_string_append (buf, "</tr>\n");
}

static void
append_pair_table (GlossReport *report,
                   const char  *tag)
{
  GString *buf = report->buf;
  guint n = gloss_agreement_result_get_n_annotators (report->total);

  g_string_append (buf, "<div class=\"scroll\"><table class=\"pairs\"");
  if (tag == NULL)
    g_string_append (buf, " id=\"pairs\"");
  append_tag_attribute (buf, tag);
  g_string_append_printf (buf, ">\n<thead><tr><th rowspan=\"2\" class=\"name\">%s</th>"
                          "<th rowspan=\"2\">%s</th>"
                          "<th colspan=\"3\">%s</th><th colspan=\"3\">%s</th><th colspan=\"3\">%s</th>"
                          "<th colspan=\"5\">%s</th><th>%s</th><th colspan=\"5\">%s</th></tr>\n",
                          _("Pair"), _("Articles"),
                          _("Strict"), _("Lenient"), _("Average"),
                          _("Tokens"), _("Characters"), _("Passages"));
  g_string_append (buf, "<tr>");
  for (guint i = 0; i < 3; i++)
    /* Translators: F1, precision and recall, the scores of span matching */
    g_string_append_printf (buf, "<th>%s</th><th>%s</th><th>%s</th>", _("F1"), _("P"), _("R"));
  g_string_append_printf (buf, "<th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th>",
                          _("Units"), _("Agreement"), _("Cohen’s κ"), _("Scott’s π"),
                          _("α (nominal)"), _("α_U"));
  g_string_append_printf (buf, "<th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead>\n<tbody>\n",
                          _("Matched"), _("Tag differs"), _("Boundary differs"),
                          _("Only A"), _("Only B"));

  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      append_pair_row (report, a, b, tag);

  g_string_append (buf, "</tbody></table></div>\n");
}

static void
append_group_table (GlossReport *report)
{
  GString *buf = report->buf;
  GlossAgreementSet *group = gloss_agreement_result_get_group (report->total);

  g_string_append_printf (buf, "<h3 id=\"group-heading\">%s</h3>\n", _("All annotators together"));
  if (group == NULL)
    {
      g_string_append_printf (buf, "<p>%s</p>\n", _("No article has two annotators."));
      return;
    }

  g_string_append_printf (buf, "<div class=\"scroll\"><table id=\"group\" class=\"group\">\n"
                          "<thead><tr><th class=\"name\">%s</th><th>%s</th><th>%s</th><th>%s</th>"
                          "<th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead>\n<tbody>\n",
                          _("Tag"), _("Articles"), _("Units"), _("Agreement"), _("Fleiss’ κ"),
                          _("α (nominal)"), _("α_U"), _("Coders"));
  for (guint i = 0; i <= report->n_tags; i++)
    {
      const char *tag = i == 0 ? NULL : report->tags[i - 1];

      g_string_append (buf, "<tr data-group=\"\"");
      append_tag_attribute (buf, tag);
      g_string_append (buf, "><th class=\"name\" scope=\"row\">");
      if (tag == NULL)
        g_string_append_printf (buf, "<em>%s</em>", _("All tags"));
      else
        gloss_report_escape (buf, tag, -1);
      g_string_append (buf, "</th>");
      gloss_report_append_count (buf, "articles", gloss_agreement_set_get_n_articles (group));
      append_token_measures (buf, group, tag, FALSE);
      gloss_report_append_count (buf, "coders", gloss_agreement_result_get_n_annotators (report->total));
      g_string_append (buf, "</tr>\n");
    }
  g_string_append (buf, "</tbody></table></div>\n");
}

static void
append_counts_table (GlossReport *report)
{
  GString *buf = report->buf;
  guint n = gloss_agreement_result_get_n_annotators (report->total);

  g_string_append_printf (buf, "<h2 id=\"counts\">%s</h2>\n", _("Passages per tag and annotator"));
  g_string_append_printf (buf, "<div class=\"scroll\"><table id=\"counts-table\">\n"
                          "<thead><tr><th class=\"name\">%s</th>", _("Annotator"));
  for (guint t = 0; t < report->n_tags; t++)
    {
      g_string_append (buf, "<th>");
      gloss_report_escape (buf, report->tags[t], -1);
      g_string_append (buf, "</th>");
    }
  g_string_append_printf (buf, "<th>%s</th></tr></thead>\n<tbody>\n", _("All tags"));

  for (guint i = 0; i < n; i++)
    {
      g_string_append (buf, "<tr data-annotator=\"");
      gloss_report_escape (buf, gloss_agreement_result_get_annotator (report->total, i), -1);
      g_string_append_printf (buf, "\"><th class=\"name\" scope=\"row\"><span class=\"swatch\" "
                              "style=\"background:%s\"></span>", gloss_report_annotator_colour (report, i));
      gloss_report_escape (buf, gloss_agreement_result_get_annotator_name (report->total, i), -1);
      g_string_append (buf, "</th>");
      for (guint t = 0; t < report->n_tags; t++)
        {
          guint count = gloss_agreement_result_count (report->total, i, report->tags[t]);

          g_string_append (buf, "<td data-tag=\"");
          gloss_report_escape (buf, report->tags[t], -1);
          g_string_append_printf (buf, "\" data-measure=\"passages\" data-value=\"%u\">%u</td>",
                                  count, count);
        }
      gloss_report_append_count (buf, "passages", gloss_agreement_result_count (report->total, i, NULL));
      g_string_append (buf, "</tr>\n");
    }
  g_string_append (buf, "</tbody></table></div>\n");
  gloss_report_append_counts_chart (report);
}

static void
append_summary (GlossReport *report)
{
  GString *buf = report->buf;
  GlossAgreementResult *total = report->total;
  guint n = gloss_agreement_result_get_n_annotators (total);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* Translators: the date and time a report was written, see g_date_time_format() */
  g_autofree char *date = g_date_time_format (now, _("%Y-%m-%d %H:%M"));
  g_autofree char *iso = g_date_time_format_iso8601 (now);

  g_string_append_printf (buf, "<header>\n<h1>%s</h1>\n<p>", _("Agreement between annotators"));
  /* Translators: followed by a date */
  g_string_append_printf (buf, "%s <time datetime=\"%s\">%s</time></p>\n", _("Written by Gloss on"),
                          iso, date);
  g_string_append (buf, "<dl class=\"summary\" id=\"summary\">\n");
  g_string_append_printf (buf, "<dt>%s</dt><dd data-measure=\"articles\" data-value=\"%u\">%u</dd>\n",
                          _("Articles"), gloss_agreement_result_get_n_articles (total),
                          gloss_agreement_result_get_n_articles (total));
  g_string_append_printf (buf, "<dt>%s</dt><dd data-measure=\"tokens\" data-value=\"%" G_GUINT64_FORMAT
                          "\">%" G_GUINT64_FORMAT "</dd>\n", _("Tokens"),
                          gloss_agreement_result_get_n_tokens (total),
                          gloss_agreement_result_get_n_tokens (total));
  g_string_append_printf (buf, "<dt>%s</dt><dd data-measure=\"characters\" data-value=\"%" G_GUINT64_FORMAT
                          "\">%" G_GUINT64_FORMAT "</dd>\n", _("Characters"),
                          gloss_agreement_result_get_n_characters (total),
                          gloss_agreement_result_get_n_characters (total));

  g_string_append_printf (buf, "<dt>%s</dt><dd><ul id=\"annotators\">\n", _("Annotators"));
  for (guint i = 0; i < n; i++)
    {
      guint articles = gloss_agreement_result_get_n_annotated (total, i);
      guint passages = gloss_agreement_result_count (total, i, NULL);
      g_autofree char *articles_text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", articles), articles);
      g_autofree char *passages_text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u passage", "%u passages", passages), passages);

      g_string_append (buf, "<li data-annotator=\"");
      gloss_report_escape (buf, gloss_agreement_result_get_annotator (total, i), -1);
      g_string_append_printf (buf, "\" data-articles=\"%u\" data-passages=\"%u\">"
                              "<span class=\"swatch\" style=\"background:%s\"></span><strong>",
                              articles, passages, gloss_report_annotator_colour (report, i));
      gloss_report_escape (buf, gloss_agreement_result_get_annotator_name (total, i), -1);
      g_string_append (buf, "</strong> (<code>");
      gloss_report_escape (buf, gloss_agreement_result_get_annotator (total, i), -1);
      g_string_append (buf, "</code>) — ");
      /* Translators: "3 articles, 12 passages" */
      g_string_append_printf (buf, _("%s, %s"), articles_text, passages_text);
      g_string_append (buf, "</li>\n");
    }
  g_string_append (buf, "</ul></dd>\n");

  g_string_append_printf (buf, "<dt>%s</dt><dd><ul id=\"tags\">\n", _("Tags"));
  for (guint t = 0; t < report->n_tags; t++)
    {
      g_string_append (buf, "<li data-tag=\"");
      gloss_report_escape (buf, report->tags[t], -1);
      /* The swatch shows the fill of the tag's lanes. */
      g_string_append_printf (buf, "\"><span class=\"swatch p%u\" style=\"--c:#555\"></span>",
                              t % N_PATTERNS);
      gloss_report_escape (buf, report->tags[t], -1);
      g_string_append (buf, "</li>\n");
    }
  g_string_append (buf, "</ul></dd>\n</dl>\n");

  g_string_append_printf (buf, "<p>%s</p>\n</header>\n",
                          _("F1, precision and recall compare the passages of two annotators, the "
                            "first of the pair taken as the reference: strict when their tag and "
                            "boundaries are the same, lenient when their tag is and they overlap. "
                            "Cohen’s κ, Scott’s π, Fleiss’ κ and Krippendorff’s α compare the tag "
                            "each annotator gave each word; α_U compares where the passages start "
                            "and end, character by character. A dash stands for a value that is not "
                            "defined; hover it for the reason."));
}

static void
append_head (GlossReport *report)
{
  GString *buf = report->buf;
  guint n = gloss_agreement_result_get_n_annotators (report->total);
  /* Translators: the language of the report, as an HTML lang attribute ("fr") */
  const char *language = _("en");

  g_string_append (buf, "<!DOCTYPE html>\n<html lang=\"");
  gloss_report_escape (buf, language, -1);
  g_string_append (buf, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta name=\"generator\" content=\"Gloss " PACKAGE_VERSION "\">\n<title>");
  gloss_report_escape (buf, _("Agreement between annotators"), -1);
  g_string_append_printf (buf, "</title>\n<style>%s", stylesheet);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (buf, ".a%u{--c:%s}", i, gloss_report_annotator_colour (report, i));
  g_string_append (buf, "</style>\n</head>\n<body>\n");
}

static void
append_total (GlossReport *report)
{
  GString *buf = report->buf;
  guint n = gloss_agreement_result_get_n_annotators (report->total);

  g_string_append_printf (buf, "<h2 id=\"total\">%s</h2>\n", _("Agreement over all tags"));
  g_string_append_printf (buf, "<h3>%s</h3>\n", _("Pairs of annotators"));
  append_pair_table (report, NULL);
  append_group_table (report);
  gloss_report_append_relational (report);

  g_string_append_printf (buf, "<h2 id=\"confusion\">%s</h2>\n<p>%s</p>\n", _("Confusion between annotators"),
                          _("How many words the first annotator of a pair gave each tag (rows) and the "
                            "second each tag (columns); a word outside every passage is “outside”."));
  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      gloss_report_append_confusion (report, a, b);
}

static void
append_tag_section (GlossReport *report,
                    guint        index)
{
  GString *buf = report->buf;
  const char *tag = report->tags[index];

  g_string_append_printf (buf, "<section class=\"tag\" id=\"tag-%u\" data-tag=\"", index);
  gloss_report_escape (buf, tag, -1);
  g_string_append_printf (buf, "\">\n<h3><span class=\"swatch p%u\" style=\"--c:#555\"></span>", index % N_PATTERNS);
  gloss_report_escape (buf, tag, -1);
  g_string_append (buf, "</h3>\n");
  gloss_report_append_tag_chart (report, tag);
  append_pair_table (report, tag);
  g_string_append (buf, "</section>\n");
}

gboolean
gloss_agreement_report_write (GlossAgreement  *study,
                              GPtrArray       *articles,
                              GOutputStream   *out,
                              GCancellable    *cancellable,
                              GError         **error)
{
  g_autoptr(GString) buf = g_string_sized_new (FLUSH_SIZE + 4096);
  GlossReport report = { 0 };
  gboolean ok;

  g_return_val_if_fail (study != NULL, FALSE);
  g_return_val_if_fail (articles != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  report.buf = buf;
  report.total = gloss_agreement_get_total (study);
  report.tags = gloss_agreement_result_dup_tags (report.total);
  report.n_tags = g_strv_length (report.tags);
  {
    guint n = gloss_agreement_result_get_n_annotators (report.total);
    g_autofree const char **ids = g_new0 (const char *, n + 1);

    for (guint i = 0; i < n; i++)
      ids[i] = gloss_agreement_result_get_annotator (report.total, i);
    report.colours = g_new0 (guint, MAX (n, 1));
    gloss_annotator_colours_assign (ids, n, report.colours);
  }

  append_head (&report);
  append_summary (&report);
  append_total (&report);
  ok = flush (&report, out, FALSE, cancellable, error);

  if (ok && report.n_tags > 0)
    {
      g_string_append_printf (buf, "<h2 id=\"per-tag\">%s</h2>\n", _("Agreement per tag"));
      for (guint t = 0; ok && t < report.n_tags; t++)
        {
          append_tag_section (&report, t);
          ok = flush (&report, out, FALSE, cancellable, error);
        }
    }

  if (ok)
    {
      append_counts_table (&report);
      if (articles->len > 0)
        g_string_append_printf (buf, "<h2 id=\"articles\">%s</h2>\n", _("Articles"));
      for (guint i = 0; ok && i < articles->len; i++)
        {
          gloss_report_append_article (&report, g_ptr_array_index (articles, i), i);
          ok = flush (&report, out, FALSE, cancellable, error);
        }
    }

  if (ok)
    {
      g_string_append (buf, "</body>\n</html>\n");
      ok = flush (&report, out, TRUE, cancellable, error);
    }

  g_strfreev (report.tags);
  g_free (report.colours);
  return ok;
}
