/* gloss-cli-agree-disagreements.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* gloss-cli agree --disagreements FILE: every disagreement of every pair
 * of annotators as a row of a CSV file, written atomically.  The rows of
 * spans have twelve fields; when attributes or relations were measured,
 * the header names twelve more, which the rows of attributes and
 * relations fill and the rows of spans leave empty, so that every row has
 * as many fields as the header.  Whether they were is known only once
 * every article is measured: the rows wait in memory, or past a size in
 * the writer's temporary file, until the header can go first, and the
 * rows of spans written before the first article with attributes or
 * relations get their empty fields then. */

#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"


#include "gloss-cli-agree.h"
#include "gloss-export.h"
#include "gloss-file-io.h"

/* Rows kept in memory before they go to the temporary file. */
#define SPILL_SIZE (256 * 1024)

static const char spans_header[] =
  "article,kind,annotator_a,annotator_b,tag_a,start_a,end_a,quote_a,"
  "tag_b,start_b,end_b,quote_b";

static const char relational_header[] =
  ",attribute,value_a,value_b,relation,source_tag,source_start,source_end,source_quote,"
  "target_tag,target_start,target_end,target_quote";

/* The columns of attributes and relations of a row of spans. */
static const char no_relational[] = ",,,,,,,,,,,,";

struct _GlossCliDisagreements
{
  GFile *file;
  GlossAtomicWriter *writer;
  GString *rows;
  gboolean spilled;             /* rows went to the writer, without a header */
  gboolean relational;          /* the rows have the columns of attributes and relations */
};

GlossCliDisagreements *
gloss_cli_disagreements_new (GFile   *file,
                             GError **error)
{
  g_autoptr(GlossCliDisagreements) self = g_new0 (GlossCliDisagreements, 1);

  self->file = g_object_ref (file);
  self->rows = g_string_new (NULL);
  /* Made at once, so that a file that cannot be written stops the
   * command before anything is measured. */
  self->writer = gloss_atomic_writer_new (file, NULL, GLOSS_WRITE_NONE, NULL, error);
  if (self->writer == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

void
gloss_cli_disagreements_free (GlossCliDisagreements *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->file);
  g_clear_pointer (&self->writer, gloss_atomic_writer_free);
  g_string_free (self->rows, TRUE);
  g_free (self);
}

static void
append_text (GString    *out,
             const char *text)
{
  g_string_append_c (out, ',');
  gloss_csv_append_field (out, text, TRUE);
}

/* A tag, start, end and quote, or four empty fields without @tag. */
static void
append_passage (GString     *out,
                GlossSource *source,
                const char  *tag,
                guint        start,
                guint        end)
{
  g_autofree char *quote = NULL;

  if (tag == NULL)
    {
      g_string_append (out, ",,,,");
      return;
    }
  quote = gloss_source_dup_slice (source, start, end);
  append_text (out, tag);
  g_string_append_printf (out, ",%u,%u", start, end);
  append_text (out, quote);
}

/* Whether @value is a number in decimals, as an attribute's number is
 * written (not "inf" nor hexadecimal, which strtod reads too). */
static gboolean
is_decimal (const char *value)
{
  const char *digits = value + (value[0] == '-');
  char *end = NULL;

  if (!g_ascii_isdigit (digits[0]) || strspn (digits, "0123456789.e+-") != strlen (digits))
    return FALSE;
  g_ascii_strtod (value, &end);
  return *end == '\0';
}

/* An attribute's value: a number as it is (no spreadsheet runs -3), any
 * other text guarded like the other cells. */
static void
append_value (GString    *out,
              const char *value)
{
  if (value != NULL && is_decimal (value))
    {
      g_string_append_c (out, ',');
      g_string_append (out, value);
    }
  else
    append_text (out, value);
}

/* The article, the kind and the pair: the first fields of every row. */
static void
append_start (GString              *out,
              GlossAgreementResult *article,
              const char           *kind,
              guint                 a,
              guint                 b)
{
  gloss_csv_append_field (out, gloss_agreement_result_get_name (article), TRUE);
  append_text (out, kind);
  append_text (out, gloss_agreement_result_get_annotator (article, a));
  append_text (out, gloss_agreement_result_get_annotator (article, b));
}

static void
append_spans (GString              *out,
              GlossAgreementResult *article,
              guint                 a,
              guint                 b,
              gboolean              relational)
{
  GlossSource *source = gloss_agreement_result_get_source (article);
  GPtrArray *list = gloss_span_match_get_disagreements (
    gloss_agreement_set_get_spans (gloss_agreement_result_get_pair (article, a, b)));

  for (guint k = 0; k < list->len; k++)
    {
      const GlossSpanDisagreement *d = g_ptr_array_index (list, k);

      append_start (out, article, gloss_span_outcome_to_string (d->kind), a, b);
      append_passage (out, source, d->tag_a, d->start_a, d->end_a);
      append_passage (out, source, d->tag_b, d->start_b, d->end_b);
      if (relational)
        g_string_append (out, no_relational);
      g_string_append (out, "\r\n");
    }
}

static void
append_attributes (GString              *out,
                   GlossAgreementResult *article,
                   guint                 a,
                   guint                 b)
{
  GlossSource *source = gloss_agreement_result_get_source (article);
  g_autoptr(GPtrArray) list = gloss_agreement_result_dup_attribute_disagreements (article, a, b);

  for (guint k = 0; k < list->len; k++)
    {
      const GlossAttributeDisagreement *d = g_ptr_array_index (list, k);

      append_start (out, article, "attribute-differs", a, b);
      append_passage (out, source, d->tag, d->start, d->end);
      append_passage (out, source, d->tag, d->start, d->end);
      append_text (out, d->attribute);
      append_value (out, d->value_a);
      append_value (out, d->value_b);
      /* No relation, nor its ends. */
      g_string_append (out, ",,,,,,,,,\r\n");
    }
}

static void
append_relations (GString              *out,
                  GlossAgreementResult *article,
                  guint                 a,
                  guint                 b)
{
  GlossSource *source = gloss_agreement_result_get_source (article);
  g_autoptr(GPtrArray) list = gloss_agreement_result_dup_relation_disagreements (article, a, b);

  for (guint k = 0; k < list->len; k++)
    {
      const GlossRelationDisagreement *d = g_ptr_array_index (list, k);

      append_start (out, article, d->kind == GLOSS_SPAN_ONLY_A ? "relation-only-a" : "relation-only-b", a, b);
      /* No passage of A or B, no attribute. */
      g_string_append (out, ",,,,,,,,,,,");
      append_text (out, d->type);
      append_passage (out, source, d->source_tag, d->source_start, d->source_end);
      append_passage (out, source, d->target_tag, d->target_start, d->target_end);
      g_string_append (out, "\r\n");
    }
}

/* Appends @rows, @len bytes of rows of spans, to @out with the empty
 * columns of attributes and relations before each row's end: the only
 * carriage return outside quotes, since a field with one is quoted.
 * @quoted says whether a quote is open, from one piece to the next. */
static void
append_padded (GString    *out,
               const char *rows,
               gsize       len,
               gboolean   *quoted)
{
  gsize done = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (rows[i] == '"')
        *quoted = !*quoted;
      else if (rows[i] == '\r' && !*quoted)
        {
          g_string_append_len (out, rows + done, i - done);
          g_string_append (out, no_relational);
          done = i;
        }
    }
  g_string_append_len (out, rows + done, len - done);
}

/* Gives the rows written so far, all of spans, the columns of attributes
 * and relations: those in the temporary file go through to a new one. */
static gboolean
pad_rows (GlossCliDisagreements *self,
          GError               **error)
{
  g_autoptr(GString) padded = g_string_sized_new (self->rows->len + self->rows->len / 4);
  gboolean quoted = FALSE;

  if (self->spilled)
    {
      g_autoptr(GInputStream) spilled = gloss_atomic_writer_read_back (self->writer, error);
      g_autoptr(GlossAtomicWriter) writer = NULL;
      GOutputStream *out;
      char buffer[64 * 1024];
      gssize n;

      if (spilled == NULL)
        return FALSE;
      writer = gloss_atomic_writer_new (self->file, NULL, GLOSS_WRITE_NONE, NULL, error);
      if (writer == NULL)
        return FALSE;
      out = gloss_atomic_writer_get_stream (writer);
      while ((n = g_input_stream_read (spilled, buffer, sizeof buffer, NULL, error)) > 0)
        {
          append_padded (padded, buffer, (gsize) n, &quoted);
          if (!g_output_stream_write_all (out, padded->str, padded->len, NULL, NULL, error))
            return FALSE;
          g_string_truncate (padded, 0);
        }
      if (n < 0)
        return FALSE;
      g_clear_object (&spilled);
      gloss_atomic_writer_free (self->writer);
      self->writer = g_steal_pointer (&writer);
    }
  append_padded (padded, self->rows->str, self->rows->len, &quoted);
  g_string_free (self->rows, TRUE);
  self->rows = g_steal_pointer (&padded);
  self->relational = TRUE;
  return TRUE;
}

/* Whether @article has attributes or relations: the disagreements file
 * has their columns from then on. */
static gboolean
is_relational (GlossAgreementResult *article)
{
  g_auto(GStrv) attributes = gloss_agreement_result_dup_attributes (article);
  g_auto(GStrv) types = gloss_agreement_result_dup_relation_types (article);

  return attributes[0] != NULL || types[0] != NULL;
}

gboolean
gloss_cli_disagreements_add (GlossCliDisagreements *self,
                             GlossAgreementResult  *article,
                             GError               **error)
{
  guint n = gloss_agreement_result_get_n_annotators (article);

  if (!self->relational && is_relational (article) && !pad_rows (self, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        append_spans (self->rows, article, i, j, self->relational);
        append_attributes (self->rows, article, i, j);
        append_relations (self->rows, article, i, j);
      }
  if (self->rows->len <= SPILL_SIZE)
    return TRUE;
  self->spilled = TRUE;
  if (!g_output_stream_write_all (gloss_atomic_writer_get_stream (self->writer), self->rows->str,
                                  self->rows->len, NULL, NULL, error))
    return FALSE;
  g_string_truncate (self->rows, 0);
  return TRUE;
}

gboolean
gloss_cli_disagreements_finish (GlossCliDisagreements *self,
                                gboolean               relational,
                                GError               **error)
{
  g_autoptr(GString) header = g_string_new (spans_header);
  g_autoptr(GlossAtomicWriter) final = NULL;
  g_autoptr(GInputStream) spilled = NULL;
  GOutputStream *out;

  /* The study has attributes or relations when one of its articles has
   * them: the rows before it get their columns now if they did not. */
  if (relational && !self->relational && !pad_rows (self, error))
    return FALSE;
  if (self->relational)
    g_string_append (header, relational_header);
  g_string_append (header, "\r\n");

  if (self->spilled)
    {
      spilled = gloss_atomic_writer_read_back (self->writer, error);
      if (spilled == NULL)
        return FALSE;
      final = gloss_atomic_writer_new (self->file, NULL, GLOSS_WRITE_NONE, NULL, error);
      if (final == NULL)
        return FALSE;
    }
  else
    final = g_steal_pointer (&self->writer);

  out = gloss_atomic_writer_get_stream (final);
  if (!g_output_stream_write_all (out, header->str, header->len, NULL, NULL, error))
    return FALSE;
  if (spilled != NULL &&
      g_output_stream_splice (out, spilled, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE, NULL, error) < 0)
    return FALSE;
  if (!g_output_stream_write_all (out, self->rows->str, self->rows->len, NULL, NULL, error))
    return FALSE;
  return gloss_atomic_writer_commit (final, NULL, error);
}
