/* gloss-agreement-report-charts.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-agreement-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "gloss-agreement-report-private.h"

/* The report's charts, drawn as inline SVG: a heat map of each pair's
 * confusion matrix and horizontal bar charts.  Every number drawn also
 * sits in a <title>, which readers show on hover.  Coordinates are whole
 * pixels, printed with "%.0f": with decimals, a French locale would write
 * "4,5", which SVG reads as two numbers. */

#define LABEL_WIDTH  180.0
#define PLOT_WIDTH   400.0
#define VALUE_WIDTH  70.0
#define BAR_HEIGHT   12.0
#define BAR_GAP      2.0
#define GROUP_GAP    12.0
#define LEGEND_HEIGHT 26.0
#define AXIS_HEIGHT  22.0
#define MAX_LABEL    26

#define CELL_SIZE    42.0
#define MATRIX_LABEL 150.0
#define MATRIX_TOP   130.0

typedef enum
{
  FILL_SOLID,
  FILL_HATCHED,
  FILL_DOTTED,
} Fill;

typedef struct
{
  const char *label;
  const char *colour;
  Fill fill;
} Series;

/* A label cut to what fits the chart, the whole of it in a <title>. */
static void
append_label (GString    *buf,
              const char *label,
              double      x,
              double      y,
              const char *anchor,
              const char *transform)
{
  g_string_append_printf (buf, "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"%s\" font-size=\"11\"",
                          x, y, anchor);
  if (transform != NULL)
    g_string_append_printf (buf, " transform=\"%s\"", transform);
  g_string_append (buf, "><title>");
  gloss_report_escape (buf, label, -1);
  g_string_append (buf, "</title>");
  if (g_utf8_strlen (label, -1) > MAX_LABEL)
    {
      g_autofree char *cut = g_utf8_substring (label, 0, MAX_LABEL - 1);

      gloss_report_escape (buf, cut, -1);
      g_string_append (buf, "…");
    }
  else
    gloss_report_escape (buf, label, -1);
  g_string_append (buf, "</text>");
}

static void
append_fill (GString      *buf,
             guint         chart,
             guint         index,
             const Series *series)
{
  switch (series->fill)
    {
    case FILL_SOLID:
      g_string_append_printf (buf, "fill=\"%s\"", series->colour);
      break;
    case FILL_HATCHED:
    case FILL_DOTTED:
    default:
      g_string_append_printf (buf, "fill=\"url(#chart%u-fill%u)\"", chart, index);
      break;
    }
}

static void
append_patterns (GString      *buf,
                 guint         chart,
                 guint         n_series,
                 const Series *series)
{
  g_string_append (buf, "<defs>");
  for (guint s = 0; s < n_series; s++)
    {
      if (series[s].fill == FILL_HATCHED)
        g_string_append_printf (buf, "<pattern id=\"chart%u-fill%u\" width=\"6\" height=\"6\" "
                                "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                                "<rect width=\"6\" height=\"6\" fill=\"#fff\"/>"
                                "<rect width=\"3\" height=\"6\" fill=\"%s\"/></pattern>",
                                chart, s, series[s].colour);
      else if (series[s].fill == FILL_DOTTED)
        g_string_append_printf (buf, "<pattern id=\"chart%u-fill%u\" width=\"5\" height=\"5\" "
                                "patternUnits=\"userSpaceOnUse\">"
                                "<rect width=\"5\" height=\"5\" fill=\"#fff\"/>"
                                "<circle cx=\"2.5\" cy=\"2.5\" r=\"1.7\" fill=\"%s\"/></pattern>",
                                chart, s, series[s].colour);
    }
  g_string_append (buf, "</defs>");
}

/* A step between ticks that falls on 1, 2 or 5 times a power of ten. */
static double
tick_step (double range)
{
  double rough = range / 4.0;
  double power = pow (10.0, floor (log10 (rough)));

  if (rough <= power)
    return power;
  if (rough <= 2 * power)
    return 2 * power;
  if (rough <= 5 * power)
    return 5 * power;
  return 10 * power;
}

static void
append_value_text (GString  *buf,
                   double    value,
                   gboolean  integers)
{
  if (isnan (value))
    g_string_append (buf, "—");
  else if (integers)
    g_string_append_printf (buf, "%.0f", value);
  else
    g_string_append_printf (buf, "%.2f", value);
}

/* Horizontal bars: one group of @n_series bars per group label, @values
 * group by group (NAN where undefined).  Scores run from 0 (or the
 * lowest value, when negative) to 1; counts from 0 to the largest. */
static void
append_bar_chart (GlossReport        *report,
                  const char         *title,
                  guint               n_groups,
                  const char * const *groups,
                  guint               n_series,
                  const Series       *series,
                  const double       *values,
                  gboolean            integers)
{
  GString *buf = report->buf;
  guint chart = report->n_charts++;
  double low = 0.0, high = 1.0;
  double group_height = n_series * (BAR_HEIGHT + BAR_GAP) + GROUP_GAP;
  double width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH;
  double height = LEGEND_HEIGHT + n_groups * group_height + AXIS_HEIGHT;
  double step;

  for (guint i = 0; i < n_groups * n_series; i++)
    {
      if (isnan (values[i]))
        continue;
      low = MIN (low, values[i]);
      high = MAX (high, values[i]);
    }
  if (!integers)
    low = MAX (-1.0, low);
  step = tick_step (high - low);
  low = floor (low / step) * step;
  if (integers)
    high = ceil (high / step) * step;

#define X(v) (LABEL_WIDTH + ((v) - low) / (high - low) * PLOT_WIDTH)

  g_string_append_printf (buf, "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" "
                          "id=\"chart-%u\" role=\"img\" width=\"%.0f\" height=\"%.0f\" "
                          "viewBox=\"0 0 %.0f %.0f\" aria-label=\"", chart, width, height, width, height);
  gloss_report_escape (buf, title, -1);
  g_string_append (buf, "\">");
  append_patterns (buf, chart, n_series, series);

  /* The legend, one swatch per series. */
  for (guint s = 0; s < n_series; s++)
    {
      double x = LABEL_WIDTH + s * (PLOT_WIDTH + VALUE_WIDTH) / n_series;

      g_string_append_printf (buf, "<rect x=\"%.0f\" y=\"6\" width=\"16\" height=\"11\" stroke=\"%s\" ",
                              x, series[s].colour);
      append_fill (buf, chart, s, &series[s]);
      g_string_append (buf, "/>");
      append_label (buf, series[s].label, x + 20, 16, "start", NULL);
    }

  /* The grid and its ticks. */
  for (double tick = low; tick <= high + step / 1000; tick += step)
    {
      double x = X (tick);

      g_string_append_printf (buf, "<line x1=\"%.0f\" x2=\"%.0f\" y1=\"%.0f\" y2=\"%.0f\" stroke=\"%s\"/>",
                              x, x, LEGEND_HEIGHT - 2, height - AXIS_HEIGHT + 2,
                              fabs (tick) < step / 1000 ? "#333" : "#ddd");
      g_string_append_printf (buf, "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"middle\" font-size=\"10\">",
                              x, height - 6);
      append_value_text (buf, fabs (tick) < step / 1000 ? 0.0 : tick, integers || step >= 1);
      g_string_append (buf, "</text>");
    }

  for (guint g = 0; g < n_groups; g++)
    {
      double top = LEGEND_HEIGHT + g * group_height;

      append_label (buf, groups[g], LABEL_WIDTH - 6, top + (n_series * (BAR_HEIGHT + BAR_GAP)) / 2 + 4,
                    "end", NULL);
      for (guint s = 0; s < n_series; s++)
        {
          double value = values[g * n_series + s];
          double y = top + s * (BAR_HEIGHT + BAR_GAP);
          double x0, x1;

          g_string_append (buf, "<g><title>");
          gloss_report_escape (buf, groups[g], -1);
          g_string_append (buf, " — ");
          gloss_report_escape (buf, series[s].label, -1);
          g_string_append (buf, ": ");
          append_value_text (buf, value, integers);
          g_string_append (buf, "</title>");
          if (!isnan (value))
            {
              x0 = X (MIN (0.0, value));
              x1 = X (MAX (0.0, value));
              g_string_append_printf (buf, "<rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" "
                                      "stroke=\"%s\" ", x0, y, MAX (x1 - x0, 1.0), BAR_HEIGHT,
                                      series[s].colour);
              append_fill (buf, chart, s, &series[s]);
              g_string_append (buf, "/>");
            }
          g_string_append_printf (buf, "<text x=\"%.0f\" y=\"%.0f\" font-size=\"10\">",
                                  (isnan (value) ? X (0.0) : X (MAX (0.0, value))) + 4, y + BAR_HEIGHT - 2);
          append_value_text (buf, value, integers);
          g_string_append (buf, "</text></g>");
        }
    }
#undef X

  g_string_append (buf, "</svg><figcaption>");
  gloss_report_escape (buf, title, -1);
  g_string_append (buf, "</figcaption></figure>\n");
}

void
gloss_report_append_tag_chart (GlossReport *report,
                               const char  *tag)
{
  const Series series[] = {
    { _("F1 strict"), "#0072b2", FILL_SOLID },
    { _("F1 lenient"), "#0072b2", FILL_HATCHED },
    { _("α_U"), "#d55e00", FILL_DOTTED },
  };
  guint n = gloss_agreement_result_get_n_annotators (report->total);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *title = NULL;

  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      {
        GlossAgreementSet *set = gloss_agreement_result_get_pair (report->total, a, b);
        GlossSpanCounts counts;
        GlossSpanScores strict, lenient;
        GlossReliabilityResult alpha_u;
        double row[3];

        if (set == NULL)
          continue;
        gloss_span_match_get_tag_counts (gloss_agreement_set_get_spans (set), tag, &counts);
        gloss_span_counts_get_scores (&counts, GLOSS_SPAN_STRICT, &strict);
        gloss_span_counts_get_scores (&counts, GLOSS_SPAN_LENIENT, &lenient);
        gloss_agreement_set_get_alpha_u (set, tag, &alpha_u);
        row[0] = strict.f1.status == GLOSS_SCORE_DEFINED ? strict.f1.value : NAN;
        row[1] = lenient.f1.status == GLOSS_SCORE_DEFINED ? lenient.f1.value : NAN;
        row[2] = alpha_u.defined ? alpha_u.value : NAN;
        g_array_append_vals (values, row, G_N_ELEMENTS (row));
        g_ptr_array_add (labels, gloss_report_pair_label (report, a, b));
      }

  if (labels->len == 0)
    return;

  /* Translators: the title of a chart; %s is a tag */
  title = g_strdup_printf (_("F1 and α_U of each pair for “%s”"), tag);
  append_bar_chart (report, title, labels->len, (const char * const *) labels->pdata,
                    G_N_ELEMENTS (series), series, (double *) values->data, FALSE);
}

void
gloss_report_append_counts_chart (GlossReport *report)
{
  guint n = gloss_agreement_result_get_n_annotators (report->total);
  g_autofree Series *series = g_new0 (Series, n);
  g_autofree double *values = g_new0 (double, (gsize) n * MAX (report->n_tags, 1));

  if (n == 0 || report->n_tags == 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      series[i].label = gloss_agreement_result_get_annotator_name (report->total, i);
      series[i].colour = gloss_report_annotator_colour (report, i);
      /* Every other annotator hatched, for readers who cannot tell the
       * colours apart; the order of the bars is the legend's. */
      series[i].fill = i % 2 == 0 ? FILL_SOLID : FILL_HATCHED;
    }
  for (guint t = 0; t < report->n_tags; t++)
    for (guint i = 0; i < n; i++)
      values[t * n + i] = gloss_agreement_result_count (report->total, i, report->tags[t]);

  append_bar_chart (report, _("Passages per tag and annotator"), report->n_tags,
                    (const char * const *) report->tags, n, series, values, TRUE);
}

void
gloss_report_append_confusion (GlossReport *report,
                               guint        a,
                               guint        b)
{
  GString *buf = report->buf;
  GlossAgreementSet *set = gloss_agreement_result_get_pair (report->total, a, b);
  const char *name_a = gloss_agreement_result_get_annotator_name (report->total, a);
  const char *name_b = gloss_agreement_result_get_annotator_name (report->total, b);
  guint n = report->n_tags + 1;
  g_autofree guint64 *cells = NULL;
  g_autofree char *title = NULL;
  guint64 largest = 0;
  double width, height;

  if (set == NULL)
    return;

  cells = g_new0 (guint64, (gsize) n * n);
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      {
        /* The last row and column are the words outside every passage. */
        const char *tag_a = i < report->n_tags ? report->tags[i] : NULL;
        const char *tag_b = j < report->n_tags ? report->tags[j] : NULL;

        cells[i * n + j] = gloss_agreement_set_get_confusion (set, tag_a, tag_b);
        largest = MAX (largest, cells[i * n + j]);
      }

  width = MATRIX_LABEL + n * CELL_SIZE + 10;
  height = MATRIX_TOP + n * CELL_SIZE + 10;
  /* Translators: the title of a heat map; the two annotators' names */
  title = g_strdup_printf (_("Words tagged by %s (rows) and by %s (columns)"), name_a, name_b);

  g_string_append (buf, "<figure class=\"confusion\" data-a=\"");
  gloss_report_escape (buf, gloss_agreement_result_get_annotator (report->total, a), -1);
  g_string_append (buf, "\" data-b=\"");
  gloss_report_escape (buf, gloss_agreement_result_get_annotator (report->total, b), -1);
  g_string_append_printf (buf, "\"><svg xmlns=\"http://www.w3.org/2000/svg\" class=\"heatmap\" "
                          "id=\"chart-%u\" role=\"img\" width=\"%.0f\" height=\"%.0f\" "
                          "viewBox=\"0 0 %.0f %.0f\" aria-label=\"", report->n_charts++,
                          width, height, width, height);
  gloss_report_escape (buf, title, -1);
  g_string_append (buf, "\">");

  append_label (buf, name_a, 4, 14, "start", NULL);
  append_label (buf, name_b, MATRIX_LABEL, 14, "start", NULL);
  for (guint i = 0; i < n; i++)
    {
      const char *label = i < report->n_tags ? report->tags[i] : _("outside");
      double middle = i * CELL_SIZE + CELL_SIZE / 2;
      g_autofree char *rotate = g_strdup_printf ("rotate(-50 %.0f %.0f)", MATRIX_LABEL + middle,
                                                 MATRIX_TOP - 6);

      append_label (buf, label, MATRIX_LABEL - 6, MATRIX_TOP + middle + 4, "end", NULL);
      append_label (buf, label, MATRIX_LABEL + middle, MATRIX_TOP - 6, "start", rotate);
    }

  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      {
        guint64 count = cells[i * n + j];
        double share = largest > 0 ? (double) count / largest : 0.0;
        /* From white to a dark blue; the text turns white on the dark. */
        guint red = 255 - (guint) (share * (255 - 8));
        guint green = 255 - (guint) (share * (255 - 81));
        guint blue = 255 - (guint) (share * (255 - 156));
        double x = MATRIX_LABEL + j * CELL_SIZE, y = MATRIX_TOP + i * CELL_SIZE;

        g_string_append_printf (buf, "<g data-value=\"%" G_GUINT64_FORMAT "\"><title>%" G_GUINT64_FORMAT
                                "</title><rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" "
                                "fill=\"#%02x%02x%02x\" stroke=\"%s\" stroke-width=\"%s\"/>"
                                "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"middle\" font-size=\"11\" "
                                "fill=\"%s\">%" G_GUINT64_FORMAT "</text></g>",
                                count, count, x, y, CELL_SIZE, CELL_SIZE, red, green, blue,
                                i == j ? "#000" : "#bbb", i == j ? "2" : "1",
                                x + CELL_SIZE / 2, y + CELL_SIZE / 2 + 4,
                                share > 0.55 ? "#fff" : "#000", count);
      }

  g_string_append (buf, "</svg><figcaption>");
  gloss_report_escape (buf, title, -1);
  g_string_append (buf, "</figcaption></figure>\n");
}
