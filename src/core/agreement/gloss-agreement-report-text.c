/* gloss-agreement-report-text.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-agreement-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "gloss-agreement-report-private.h"

/* An article of the report: its text cut at every boundary of a passage
 * or a disagreement, each piece that someone marked drawn with one lane
 * per annotator under it, and the list of each pair's disagreements.  The
 * text is written piece by piece, so a long article costs one element per
 * piece, never one per character. */

#define MAX_QUOTE 160

/* What one annotator (or the disagreements, in the last lane) marks,
 * walked in the order of the starts. */
typedef struct
{
  GPtrArray *spans;     /* Span, sorted by start */
  guint next;
  GPtrArray *active;    /* the spans that cover the current piece */
} Lane;

typedef struct
{
  guint start;
  guint end;
  const char *tag;
} Span;

static int
compare_span_starts (gconstpointer a,
                     gconstpointer b)
{
  const Span *x = *(const Span * const *) a;
  const Span *y = *(const Span * const *) b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return 0;
}

static int
compare_offsets (gconstpointer a,
                 gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static void
lane_clear (Lane *lane)
{
  g_clear_pointer (&lane->spans, g_ptr_array_unref);
  g_clear_pointer (&lane->active, g_ptr_array_unref);
}

static void
lane_add (Lane       *lane,
          guint       start,
          guint       end,
          const char *tag,
          GArray     *offsets)
{
  Span *span;

  if (start >= end)
    return;
  span = g_new (Span, 1);
  span->start = start;
  span->end = end;
  span->tag = tag;
  g_ptr_array_add (lane->spans, span);
  g_array_append_val (offsets, start);
  g_array_append_val (offsets, end);
}

/* Moves @lane to the piece starting at @offset; TRUE when a span starts
 * there. */
static gboolean
lane_advance (Lane  *lane,
              guint  offset)
{
  gboolean starts = FALSE;

  for (guint i = lane->active->len; i > 0; i--)
    {
      Span *span = g_ptr_array_index (lane->active, i - 1);

      if (span->end <= offset)
        g_ptr_array_remove_index (lane->active, i - 1);
    }
  while (lane->next < lane->spans->len)
    {
      Span *span = g_ptr_array_index (lane->spans, lane->next);

      if (span->start > offset)
        break;
      starts = starts || span->start == offset;
      if (span->end > offset)
        g_ptr_array_add (lane->active, span);
      lane->next++;
    }
  return starts;
}

static const char *
outcome_label (GlossSpanOutcome kind)
{
  switch (kind)
    {
    case GLOSS_SPAN_MATCHED:
      return _("Matched");
    case GLOSS_SPAN_TAG_DIFFERS:
      return _("Tag differs");
    case GLOSS_SPAN_BOUNDARY_DIFFERS:
      return _("Boundary differs");
    case GLOSS_SPAN_ONLY_A:
      return _("Only A");
    case GLOSS_SPAN_ONLY_B:
    case GLOSS_SPAN_N_OUTCOMES:
    default:
      return _("Only B");
    }
}

static void
append_lane (GlossReport *report,
             Lane        *lane,
             guint        colour,
             gboolean     starts)
{
  GString *buf = report->buf;
  Span *inner = NULL;

  if (lane->active->len == 0)
    {
      g_string_append (buf, "<span class=\"lane off\"></span>");
      return;
    }

  /* The innermost span gives the fill; every tag is in the title. */
  for (guint i = 0; i < lane->active->len; i++)
    {
      Span *span = g_ptr_array_index (lane->active, i);

      if (inner == NULL || span->end - span->start < inner->end - inner->start)
        inner = span;
    }
  g_string_append_printf (buf, "<span class=\"lane a%u p%u\" data-tag=\"", colour,
                          gloss_report_tag_index (report, inner->tag) % 6);
  gloss_report_escape (buf, inner->tag, -1);
  g_string_append (buf, "\">");
  if (starts)
    {
      g_string_append (buf, "<span class=\"lab\">");
      gloss_report_escape (buf, inner->tag, -1);
      g_string_append (buf, "</span>");
    }
  g_string_append (buf, "</span>");
}

/* The tags of @active, joined by commas. */
static void
append_tags (GString   *buf,
             GPtrArray *active)
{
  for (guint j = 0; j < active->len; j++)
    {
      Span *span = g_ptr_array_index (active, j);

      if (j > 0)
        g_string_append (buf, ", ");
      gloss_report_escape (buf, span->tag, -1);
    }
}

static void
append_piece_title (GString               *buf,
                    GlossAgreementResult  *article,
                    Lane                  *lanes,
                    guint                  n)
{
  gboolean first = TRUE;

  for (guint i = 0; i < n; i++)
    {
      if (lanes[i].active->len == 0)
        continue;
      if (!first)
        g_string_append (buf, " · ");
      first = FALSE;
      gloss_report_escape (buf, gloss_agreement_result_get_annotator_name (article, i), -1);
      g_string_append (buf, ": ");
      append_tags (buf, lanes[i].active);
    }
  if (lanes[n].active->len > 0)
    {
      g_string_append (buf, " · ≠ ");
      append_tags (buf, lanes[n].active);
    }
}

/* The text with its lanes: @lanes has one lane per annotator of the
 * article and the disagreements last. */
static void
append_text (GlossReport          *report,
             GlossAgreementResult *article,
             Lane                 *lanes,
             GArray               *offsets)
{
  GString *buf = report->buf;
  GlossSource *source = gloss_agreement_result_get_source (article);
  const char *text = gloss_source_get_text (source);
  guint n = gloss_agreement_result_get_n_annotators (article);
  guint length = gloss_source_get_length (source);
  g_autofree guint *colours = g_new (guint, MAX (n, 1));
  g_autofree gboolean *starts = g_new (gboolean, n + 1);

  for (guint i = 0; i < n; i++)
    colours[i] = gloss_report_annotator_index (report, gloss_agreement_result_get_annotator (article, i));

  g_array_append_val (offsets, length);
  g_array_sort (offsets, compare_offsets);

  g_string_append (buf, "<div class=\"text\">");
  for (guint k = 0, start = 0; k < offsets->len; k++)
    {
      guint end = MIN (g_array_index (offsets, guint, k), length);
      gsize from, to;
      gboolean marked = FALSE;

      if (end <= start)
        continue;

      for (guint i = 0; i <= n; i++)
        {
          starts[i] = lane_advance (&lanes[i], start);
          marked = marked || lanes[i].active->len > 0;
        }

      from = gloss_source_offset_to_byte (source, start);
      to = gloss_source_offset_to_byte (source, end);
      if (!marked)
        {
          gloss_report_escape (buf, text + from, to - from);
          start = end;
          continue;
        }

      g_string_append_printf (buf, "<span class=\"seg%s\" data-start=\"%u\" data-end=\"%u\" title=\"",
                              lanes[n].active->len > 0 ? " dis" : "", start, end);
      append_piece_title (buf, article, lanes, n);
      g_string_append (buf, "\"><span class=\"t\">");
      gloss_report_escape (buf, text + from, to - from);
      g_string_append (buf, "</span>");
      for (guint i = 0; i < n; i++)
        append_lane (report, &lanes[i], colours[i], starts[i]);
      g_string_append (buf, "</span>");
      start = end;
    }
  g_string_append (buf, "</div>\n");
}

static void
append_quote (GString     *buf,
              GlossSource *source,
              const char  *tag,
              guint        start,
              guint        end)
{
  g_autofree char *quote = NULL;

  if (tag == NULL)
    {
      g_string_append (buf, "<td class=\"name\"></td><td class=\"name\"></td>");
      return;
    }

  g_string_append (buf, "<td class=\"name\">");
  gloss_report_escape (buf, tag, -1);
  g_string_append (buf, "</td><td class=\"name\"><q>");
  quote = gloss_source_dup_slice (source, start, MIN (end, start + MAX_QUOTE));
  gloss_report_escape (buf, quote, -1);
  if (end > start + MAX_QUOTE)
    g_string_append (buf, "…");
  g_string_append (buf, "</q></td>");
}

static void
append_disagreements (GlossReport          *report,
                      GlossAgreementResult *article,
                      guint                 a,
                      guint                 b,
                      GPtrArray            *disagreements)
{
  GString *buf = report->buf;
  GlossSource *source = gloss_agreement_result_get_source (article);
  const char *name_a = gloss_agreement_result_get_annotator_name (article, a);
  const char *name_b = gloss_agreement_result_get_annotator_name (article, b);
  g_autofree char *heading = NULL;

  /* Translators: a heading; the two annotators' names */
  heading = g_strdup_printf (_("Where %s (A) and %s (B) disagree"), name_a, name_b);
  g_string_append (buf, "<h4>");
  gloss_report_escape (buf, heading, -1);
  g_string_append (buf, "</h4>\n");
  if (disagreements->len == 0)
    {
      g_string_append_printf (buf, "<p>%s</p>\n", _("They marked the same passages with the same tags."));
      return;
    }

  g_string_append (buf, "<div class=\"scroll\"><table class=\"disagreements\" data-a=\"");
  gloss_report_escape (buf, gloss_agreement_result_get_annotator (article, a), -1);
  g_string_append (buf, "\" data-b=\"");
  gloss_report_escape (buf, gloss_agreement_result_get_annotator (article, b), -1);
  g_string_append_printf (buf, "\">\n<thead><tr><th class=\"name\">%s</th><th class=\"name\">%s</th>"
                          "<th class=\"name\">%s</th><th class=\"name\">%s</th><th class=\"name\">%s</th>"
                          "</tr></thead>\n<tbody>\n",
                          _("Disagreement"), _("Tag of A"), _("Passage of A"), _("Tag of B"),
                          _("Passage of B"));
  for (guint i = 0; i < disagreements->len; i++)
    {
      GlossSpanDisagreement *d = g_ptr_array_index (disagreements, i);

      g_string_append_printf (buf, "<tr data-kind=\"%s\"><td class=\"name\">%s</td>",
                              gloss_span_outcome_to_string (d->kind), outcome_label (d->kind));
      append_quote (buf, source, d->tag_a, d->start_a, d->end_a);
      append_quote (buf, source, d->tag_b, d->start_b, d->end_b);
      g_string_append (buf, "</tr>\n");
    }
  g_string_append (buf, "</tbody></table></div>\n");
}

/* Adds each pair's disagreements of @article to @lane, the marks of the
 * text. */
static void
add_disagreement_spans (GlossAgreementResult *article,
                        Lane                 *lane,
                        GArray               *offsets)
{
  guint n = gloss_agreement_result_get_n_annotators (article);

  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      {
        GlossAgreementSet *set = gloss_agreement_result_get_pair (article, a, b);
        GPtrArray *disagreements;

        if (set == NULL)
          continue;
        disagreements = gloss_span_match_get_disagreements (gloss_agreement_set_get_spans (set));
        for (guint i = 0; i < disagreements->len; i++)
          {
            GlossSpanDisagreement *d = g_ptr_array_index (disagreements, i);
            const char *label = outcome_label (d->kind);

            if (d->tag_a != NULL)
              lane_add (lane, d->start_a, d->end_a, label, offsets);
            if (d->tag_b != NULL)
              lane_add (lane, d->start_b, d->end_b, label, offsets);
          }
      }
  g_ptr_array_sort (lane->spans, compare_span_starts);
}

void
gloss_report_append_article (GlossReport          *report,
                             GlossAgreementResult *article,
                             guint                 index)
{
  GString *buf = report->buf;
  guint n = gloss_agreement_result_get_n_annotators (article);
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  Lane *lanes = g_new0 (Lane, n + 1);
  guint zero = 0;

  g_array_append_val (offsets, zero);
  for (guint i = 0; i <= n; i++)
    {
      lanes[i].spans = g_ptr_array_new_with_free_func (g_free);
      lanes[i].active = g_ptr_array_new ();
    }

  for (guint i = 0; i < n; i++)
    {
      GListModel *layer = G_LIST_MODEL (gloss_agreement_result_get_layer (article, i));
      guint n_items = layer != NULL ? g_list_model_get_n_items (layer) : 0;

      for (guint j = 0; j < n_items; j++)
        {
          g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (layer, j);

          lane_add (&lanes[i], gloss_annotation_get_start (annotation),
                    gloss_annotation_get_end (annotation), gloss_annotation_get_tag (annotation),
                    offsets);
        }
      g_ptr_array_sort (lanes[i].spans, compare_span_starts);
    }
  add_disagreement_spans (article, &lanes[n], offsets);

  g_string_append_printf (buf, "<section class=\"article\" id=\"article-%u\" data-article=\"", index);
  gloss_report_escape (buf, gloss_agreement_result_get_name (article), -1);
  g_string_append (buf, "\">\n<h3>");
  gloss_report_escape (buf, gloss_agreement_result_get_name (article), -1);
  g_string_append (buf, "</h3>\n<p>");
  for (guint i = 0; i < n; i++)
    {
      guint colour = gloss_report_annotator_index (report, gloss_agreement_result_get_annotator (article, i));
      guint count = gloss_agreement_result_count (article, i, NULL);
      g_autofree char *passages =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u passage", "%u passages", count), count);

      g_string_append_printf (buf, "%s<span class=\"swatch\" style=\"background:%s\"></span>",
                              i > 0 ? " · " : "", gloss_report_annotator_colour (report, colour));
      gloss_report_escape (buf, gloss_agreement_result_get_annotator_name (article, i), -1);
      g_string_append (buf, " (");
      gloss_report_escape (buf, passages, -1);
      g_string_append (buf, ")");
    }
  g_string_append_printf (buf, "</p>\n<p>%s</p>\n",
                          _("Under each marked piece of text, one lane per annotator, in the order above, "
                            "shows the tag they gave it (named where the passage starts); a wavy "
                            "underline and ≠ mark where two annotators disagree."));

  append_text (report, article, lanes, offsets);

  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      {
        GlossAgreementSet *set = gloss_agreement_result_get_pair (article, a, b);

        if (set != NULL)
          append_disagreements (report, article, a, b,
                                gloss_span_match_get_disagreements (gloss_agreement_set_get_spans (set)));
      }
  g_string_append (buf, "</section>\n");

  for (guint i = 0; i <= n; i++)
    lane_clear (&lanes[i]);
  g_free (lanes);
}
