/* gloss-export-conll.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* CoNLL, two columns: a token per line, TOKEN<TAB>TAG, a blank line
 * between sentences, tokens and sentences as gloss_tokenize() finds them.
 * TAG is O outside annotations; inside one, IOB2 writes B-LABEL on its
 * first token and I-LABEL on the others, IOB1 (CoNLL-2003's original)
 * writes I-LABEL everywhere but on the first token of a span that follows
 * another span of the same label at once.
 *
 * Each article and annotator starts with the line "-DOCSTART- -X- O O"
 * and a blank line, CoNLL-2003's document mark, and the export has no
 * other kind of line: no comment, which readers would take for a token
 * (but for the names of the columns of annotators side by side, below).
 * The mark is written with spaces, exactly so, because spaCy's converter
 * (spacy convert --converter ner) splits documents at that very string
 * and at no other; NLTK's ConllCorpusReader drops a block's first line
 * when its first field is -DOCSTART-, whatever the number of fields (when
 * it splits lines on white space, its default, not on tabs).  Tokens
 * never hold white space, and none is -DOCSTART-: '-' stands apart in
 * UAX #29.
 *
 * What the column cannot say goes beside it, in the export's warnings
 * and, when the export is written to the file NAME, in NAME.json:
 *
 *   - One column cannot hold overlapping annotations: the outermost is
 *     kept (of two that cross, the one that starts first), the others are
 *     left out.  Annotations are compared by the tokens they cover, so two
 *     that share only a token overlap too.
 *   - An annotation that starts or ends inside a token tags the whole
 *     token: it is widened to the token's edges.
 *   - An annotation of white space alone covers no token and is left out.
 *
 * NAME.json holds {"format": "conll", "conll": NAME, "scheme", "docstart",
 * "documents": [...]}, a document per -DOCSTART- in the same order, with
 * where it comes from ("document", "annotator"), the line of its
 * -DOCSTART- ("docstart_line", from 1), its counts ("tokens",
 * "sentences", "exported", "orphaned"), and the lists "widened" and
 * "left_out" of annotations ({"id", "label", "start", "end", "text"},
 * offsets in code points; "token_start" and "token_end" where a widened
 * one was written; "reason": "overlap", with the id it "overlaps", or
 * "no token").
 *
 * A sentence never ends inside an exported annotation: "U.S. Steel" or a
 * passage across a line break stays one entity in one sentence.
 *
 * With annotators side by side (gloss_exporter_set_annotator_columns()),
 * each article's tokens are written once, after one -DOCSTART-, with a
 * tag column per annotator in the order given: TOKEN<TAB>TAG1<TAB>TAG2...
 * Each column is what the two-column export would write for that
 * annotator, overlaps resolved alike, and a sentence never ends inside an
 * annotation of any column.  The file's first line names the columns, as
 * CoNLL-U Plus does: "# global.columns = TOKEN alice bob".  Readers that
 * know comments (CoNLL-U readers, Flair's ColumnCorpus with
 * comment_symbol="#") skip it; others, NLTK's ConllCorpusReader among
 * them, read the file once lines starting with "#" are dropped.  NAME.json
 * then lists the columns ("columns") and has a document per article and
 * annotator, those of one article sharing their "docstart_line"; an
 * annotator without a file on an article gets a column of O, and a
 * warning. */

#define G_LOG_DOMAIN "gloss-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-export-private.h"
#include "gloss-tokenizer.h"

#define DOCSTART "-DOCSTART- -X- O O"

/* The first line of an export of annotators side by side, before the
 * names of its columns: the comment CoNLL-U Plus files open with. */
#define COLUMNS_COMMENT "# global.columns ="

/* The side file is written out past this size, as the export is. */
#define SIDE_FLUSH_THRESHOLD (256 * 1024)

typedef struct
{
  /* The side file, NULL when the export goes to a stream. */
  GFile *side_file;
  GlossAtomicWriter *side_writer;
  GString *side;
  guint n_documents;
  /* Lines written to the export so far, to tell where each document
   * starts. */
  guint64 n_lines;
} ConllState;

/* An annotation, the tokens it tags, [first, last), and its label, looked
 * up once rather than on every token. */
typedef struct
{
  GlossAnnotation *annotation;
  guint first;
  guint last;
  const char *label;
} Span;

/* An annotation left out, and the kept one it overlaps (NULL when it
 * covers no token). */
typedef struct
{
  GlossAnnotation *annotation;
  GlossAnnotation *kept;
} LeftOut;

static void
conll_free_state (gpointer data)
{
  ConllState *state = data;

  /* Unless committed, the writer removes its temporary file. */
  g_clear_pointer (&state->side_writer, gloss_atomic_writer_free);
  g_clear_object (&state->side_file);
  if (state->side != NULL)
    g_string_free (state->side, TRUE);
  g_free (state);
}

static const char *
scheme_name (GlossExporter *self)
{
  return self->scheme == GLOSS_SCHEME_IOB1 ? "iob1" : "iob2";
}

static gboolean
conll_begin (GlossExporter  *self,
             GError        **error)
{
  ConllState *state = g_new0 (ConllState, 1);
  g_autoptr(GFile) parent = NULL;
  g_autofree char *base = NULL;
  g_autofree char *side_name = NULL;

  self->state = state;
  state->side = g_string_sized_new (SIDE_FLUSH_THRESHOLD + 64 * 1024);
  if (self->columns != NULL)
    {
      g_string_append (self->buffer, COLUMNS_COMMENT " TOKEN");
      for (guint c = 0; self->columns[c] != NULL; c++)
        g_string_append_printf (self->buffer, " %s", self->columns[c]);
      g_string_append_c (self->buffer, '\n');
      state->n_lines++;
    }
  if (self->destination == NULL)
    return TRUE;

  base = g_file_get_basename (self->destination);
  side_name = g_strconcat (base, ".json", NULL);
  if (g_str_has_suffix (side_name, GLOSS_ANNOTATION_FILE_SUFFIX))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSAFE_PATH,
                   /* Translators: a file name */
                   _("The CoNLL export writes its notes beside it in “%s”, which is named like "
                     "an annotation file. Choose another name."),
                   side_name);
      return FALSE;
    }

  parent = g_file_get_parent (self->destination);
  state->side_file = g_file_get_child (parent, side_name);
  state->side_writer = gloss_atomic_writer_new (state->side_file, NULL, GLOSS_WRITE_NONE,
                                                self->cancellable, error);
  if (state->side_writer == NULL)
    return FALSE;

  gloss_json_append_literal (state->side, "{\n  \"format\": \"conll\",\n  \"conll\": ");
  gloss_json_write_string (state->side, base, -1);
  gloss_json_append_literal (state->side, ",\n  \"scheme\": ");
  gloss_json_write_string (state->side, scheme_name (self), -1);
  gloss_json_append_literal (state->side, ",\n  \"docstart\": \"" DOCSTART "\",\n");
  if (self->columns != NULL)
    {
      gloss_json_append_literal (state->side, "  \"columns\": [");
      for (guint c = 0; self->columns[c] != NULL; c++)
        {
          if (c > 0)
            gloss_json_append_literal (state->side, ", ");
          gloss_json_write_string (state->side, self->columns[c], -1);
        }
      gloss_json_append_literal (state->side, "],\n");
    }
  gloss_json_append_literal (state->side, "  \"documents\": [");
  return TRUE;
}

static gboolean
flush_side (GlossExporter  *self,
            gboolean        force,
            GError        **error)
{
  ConllState *state = self->state;
  g_autoptr(GError) local_error = NULL;

  if (state->side_writer == NULL || state->side->len == 0 ||
      (!force && state->side->len < SIDE_FLUSH_THRESHOLD))
    return TRUE;

  if (!g_output_stream_write_all (gloss_atomic_writer_get_stream (state->side_writer),
                                  state->side->str, state->side->len, NULL,
                                  self->cancellable, &local_error))
    {
      g_autofree char *display = g_file_get_parse_name (state->side_file);

      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_FAILED,
                   /* Translators: a file name, then why writing failed */
                   _("Could not write “%s”: %s"), display, local_error->message);
      return FALSE;
    }

  g_string_truncate (state->side, 0);
  return TRUE;
}

/* The label as a word of a line: an imported label with white space in
 * it, of any kind, gives way to the tag. */
static const char *
label_of (GlossAnnotation *annotation)
{
  const char *label = _gloss_export_label_word (annotation);

  for (const char *p = label; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c) ||
          g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR)
        return gloss_annotation_get_tag (annotation);
    }

  return label;
}

static void
append_tag (GString        *out,
            GlossIobScheme  scheme,
            const Span     *current,
            const Span     *previous)
{
  gboolean begin;

  if (current == NULL)
    {
      g_string_append_c (out, 'O');
      return;
    }

  if (scheme == GLOSS_SCHEME_IOB2)
    begin = current != previous;
  else
    begin = previous != NULL && previous != current &&
            strcmp (previous->label, current->label) == 0;

  gloss_json_append (out, begin ? "B-" : "I-", 2);
  gloss_json_append (out, current->label, strlen (current->label));
}

/* Appends @value in decimal: printf is most of the side file's cost. */
static void
append_uint (GString *out,
             guint    value)
{
  char digits[16];
  guint n = 0;

  do
    {
      digits[sizeof digits - ++n] = (char)('0' + value % 10);
      value /= 10;
    }
  while (value > 0);

  gloss_json_append (out, digits + sizeof digits - n, n);
}

static int
compare_outermost_first (gconstpointer pa,
                         gconstpointer pb)
{
  const Span *a = pa, *b = pb;

  if (a->first != b->first)
    return a->first < b->first ? -1 : 1;
  if (a->last != b->last)
    return a->last > b->last ? -1 : 1;
  return gloss_annotation_compare (a->annotation, b->annotation);
}

static gboolean
is_widened (GArray     *tokens,
            const Span *span)
{
  return g_array_index (tokens, GlossToken, span->first).start <
         gloss_annotation_get_start (span->annotation) ||
         g_array_index (tokens, GlossToken, span->last - 1).end >
         gloss_annotation_get_end (span->annotation);
}

/* Appends the members an annotation has in every list of the side file. */
static void
append_side_annotation (GString         *out,
                        GlossAnnotation *a)
{
  gloss_json_append_literal (out, "\n        {\"id\": ");
  gloss_json_write_string (out, gloss_annotation_get_id (a), -1);
  gloss_json_append_literal (out, ", \"label\": ");
  gloss_json_write_string (out, label_of (a), -1);
  gloss_json_append_literal (out, ", \"start\": ");
  append_uint (out, gloss_annotation_get_start (a));
  gloss_json_append_literal (out, ", \"end\": ");
  append_uint (out, gloss_annotation_get_end (a));
  gloss_json_append_literal (out, ", \"text\": ");
  gloss_json_write_string (out, gloss_annotation_get_quote (a), -1);
}

static void
append_side_entry (GString           *out,
                   const char        *name,
                   const char        *annotator,
                   guint64            line,
                   guint              n_tokens,
                   guint              n_sentences,
                   guint              n_orphans,
                   GArray            *tokens,
                   GArray            *kept,
                   GArray            *left_out,
                   guint              n_widened,
                   gboolean           first_entry)
{
  gboolean first = TRUE;

  g_string_append (out, first_entry ? "\n    {\n" : ",\n    {\n");
  gloss_json_append_literal (out, "      \"document\": ");
  gloss_json_write_string (out, name, -1);
  gloss_json_append_literal (out, ",\n      \"annotator\": ");
  gloss_json_write_string (out, annotator, -1);
  g_string_append_printf (out,
                          ",\n      \"docstart_line\": %" G_GUINT64_FORMAT ",\n"
                          "      \"tokens\": %u,\n      \"sentences\": %u,\n"
                          "      \"exported\": %u,\n      \"orphaned\": %u,\n"
                          "      \"widened\": [",
                          line, n_tokens, n_sentences, kept->len, n_orphans);

  for (guint i = 0; i < kept->len && n_widened > 0; i++)
    {
      const Span *span = &g_array_index (kept, Span, i);

      if (!is_widened (tokens, span))
        continue;
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      append_side_annotation (out, span->annotation);
      gloss_json_append_literal (out, ", \"token_start\": ");
      append_uint (out, g_array_index (tokens, GlossToken, span->first).start);
      gloss_json_append_literal (out, ", \"token_end\": ");
      append_uint (out, g_array_index (tokens, GlossToken, span->last - 1).end);
      g_string_append_c (out, '}');
    }
  g_string_append (out, first ? "],\n" : "\n      ],\n");

  gloss_json_append_literal (out, "      \"left_out\": [");
  for (guint i = 0; i < left_out->len; i++)
    {
      const LeftOut *item = &g_array_index (left_out, LeftOut, i);

      if (i > 0)
        g_string_append_c (out, ',');
      append_side_annotation (out, item->annotation);
      if (item->kept != NULL)
        {
          gloss_json_append_literal (out, ", \"reason\": \"overlap\", \"overlaps\": ");
          gloss_json_write_string (out, gloss_annotation_get_id (item->kept), -1);
        }
      else
        {
          gloss_json_append_literal (out, ", \"reason\": \"no token\"");
        }
      g_string_append_c (out, '}');
    }
  g_string_append (out, left_out->len == 0 ? "]\n    }" : "\n      ]\n    }");
}

static void
warn (GlossExporter *self,
      ConllState    *state,
      const char    *name,
      const char    *annotator,
      guint          n_overlapping,
      guint          n_no_token,
      guint          n_widened)
{
  g_autofree char *side = state->side_file ? g_file_get_basename (state->side_file) : NULL;

  if (n_overlapping > 0 && side != NULL)
    _gloss_exporter_warn (self,
                          /* Translators: an article's name, an annotator id, a number,
                           * then a file name */
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%s (%s): %u overlapping annotation left out of the CoNLL column (listed in %s)",
                                       "%s (%s): %u overlapping annotations left out of the CoNLL column (listed in %s)",
                                       n_overlapping),
                          name, annotator, n_overlapping, side);
  else if (n_overlapping > 0)
    _gloss_exporter_warn (self,
                          /* Translators: an article's name, an annotator id, then a number */
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%s (%s): %u overlapping annotation left out of the CoNLL column",
                                       "%s (%s): %u overlapping annotations left out of the CoNLL column",
                                       n_overlapping),
                          name, annotator, n_overlapping);

  if (n_no_token > 0)
    _gloss_exporter_warn (self,
                          /* Translators: an article's name, an annotator id, then a number */
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%s (%s): %u annotation of white space alone left out of the CoNLL column: it covers no token",
                                       "%s (%s): %u annotations of white space alone left out of the CoNLL column: they cover no token",
                                       n_no_token),
                          name, annotator, n_no_token);

  if (n_widened > 0 && side != NULL)
    _gloss_exporter_warn (self,
                          /* Translators: an article's name, an annotator id, a number,
                           * then a file name */
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%s (%s): %u annotation starts or ends inside a word; CoNLL tags its whole tokens (listed in %s)",
                                       "%s (%s): %u annotations start or end inside a word; CoNLL tags their whole tokens (listed in %s)",
                                       n_widened),
                          name, annotator, n_widened, side);
  else if (n_widened > 0)
    _gloss_exporter_warn (self,
                          /* Translators: an article's name, an annotator id, then a number */
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%s (%s): %u annotation starts or ends inside a word; CoNLL tags its whole tokens",
                                       "%s (%s): %u annotations start or end inside a word; CoNLL tags their whole tokens",
                                       n_widened),
                          name, annotator, n_widened);
}

/* One annotator's tag column on an article: the annotations it keeps and
 * those it leaves out, then, as the tokens are written, where it is. */
typedef struct
{
  const char *annotator;
  GPtrArray *held;
  GArray *kept;       /* Span, in text order, none overlapping */
  GArray *left_out;   /* LeftOut */
  guint n_orphans;
  guint n_no_token;
  guint n_widened;
  guint k;            /* the first kept span not yet behind the token */
  const Span *previous;
} Column;

static void
column_clear (Column *column)
{
  g_clear_pointer (&column->held, g_ptr_array_unref);
  g_clear_pointer (&column->kept, g_array_unref);
  g_clear_pointer (&column->left_out, g_array_unref);
}

/* Fills @column with what @file (NULL for an annotator without a file on
 * the article: an empty column) can put in one column of @tokens. */
static void
column_resolve (GlossExporter       *self,
                Column              *column,
                const char          *annotator,
                GlossAnnotationFile *file,
                GArray              *tokens)
{
  GListModel *model = file ? G_LIST_MODEL (gloss_annotation_file_get_layer (file)) : NULL;
  guint n = model ? g_list_model_get_n_items (model) : 0;
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));

  *column = (Column) { annotator, g_ptr_array_new_with_free_func (g_object_unref),
                       g_array_new (FALSE, FALSE, sizeof (Span)),
                       g_array_new (FALSE, FALSE, sizeof (LeftOut)), 0, 0, 0, 0, NULL };

  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *a = g_list_model_get_item (model, i);
      Span span = { a, 0, 0, NULL };

      g_ptr_array_add (column->held, a);
      if (!_gloss_exporter_keeps (self, a))
        continue;
      if (gloss_annotation_get_status (a) == GLOSS_ANCHOR_ORPHANED)
        {
          column->n_orphans++;
          continue;
        }

      span.first = gloss_tokens_find_end_after (tokens, gloss_annotation_get_start (a));
      span.last = gloss_tokens_find_start_from (tokens, span.first, gloss_annotation_get_end (a));
      if (span.first < span.last)
        {
          g_array_append_val (spans, span);
        }
      else
        {
          LeftOut item = { a, NULL };

          g_array_append_val (column->left_out, item);
          column->n_no_token++;
        }
    }

  /* Outermost first, so that of nested annotations the widest is kept. */
  g_array_sort (spans, compare_outermost_first);
  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = &g_array_index (spans, Span, i);
      GArray *kept = column->kept;
      Span *last_kept = kept->len > 0 ? &g_array_index (kept, Span, kept->len - 1) : NULL;

      if (last_kept != NULL && span->first < last_kept->last)
        {
          LeftOut item = { span->annotation, last_kept->annotation };

          g_array_append_val (column->left_out, item);
          continue;
        }
      span->label = label_of (span->annotation);
      g_array_append_val (kept, *span);
      column->n_widened += is_widened (tokens, span);
    }
}

/* The kept span of @column on token @t, or NULL; @t only grows. */
static const Span *
column_span_at (Column *column,
                guint   t)
{
  GArray *kept = column->kept;

  while (column->k < kept->len && g_array_index (kept, Span, column->k).last <= t)
    column->k++;
  if (column->k < kept->len && g_array_index (kept, Span, column->k).first <= t)
    return &g_array_index (kept, Span, column->k);
  return NULL;
}

/* Writes -DOCSTART- and the tokens of @article with a tag of each of
 * @columns; returns how many sentences it wrote. */
static guint
write_tokens (GlossExporter            *self,
              const GlossExportArticle *article,
              GArray                   *tokens,
              Column                   *columns,
              guint                     n_columns)
{
  const char *text = gloss_source_get_text (article->source);
  GString *out = self->buffer;
  guint n_sentences = 0;

  gloss_json_append_literal (out, DOCSTART "\n\n");
  for (guint t = 0; t < tokens->len; t++)
    {
      const GlossToken *token = &g_array_index (tokens, GlossToken, t);
      gboolean inside = FALSE;

      gloss_json_append (out, text + token->start_byte, token->end_byte - token->start_byte);
      for (guint c = 0; c < n_columns; c++)
        {
          const Span *span = column_span_at (&columns[c], t);

          g_string_append_c (out, '\t');
          append_tag (out, self->scheme, span, columns[c].previous);
          columns[c].previous = span;
          inside |= span != NULL && t + 1 < span->last;
        }
      g_string_append_c (out, '\n');

      /* Not inside an annotation that goes on, in any column: that would
       * cut it in two entities, for every reader. */
      if (token->sentence_end && !inside)
        {
          g_string_append_c (out, '\n');
          for (guint c = 0; c < n_columns; c++)
            columns[c].previous = NULL;
          n_sentences++;
        }
    }

  return n_sentences;
}

/* Tells what @column kept and left out: in the side file, the warnings
 * and the count of annotations exported. */
static void
column_report (GlossExporter            *self,
               const GlossExportArticle *article,
               Column                   *column,
               GArray                   *tokens,
               guint64                   docstart_line,
               guint                     n_sentences)
{
  ConllState *state = self->state;

  if (state->side_writer != NULL)
    append_side_entry (state->side, article->name, column->annotator, docstart_line, tokens->len,
                       n_sentences, column->n_orphans, tokens, column->kept, column->left_out,
                       column->n_widened, state->n_documents == 0);
  state->n_documents++;

  self->n_annotations += column->kept->len;
  warn (self, state, article->name, column->annotator, column->left_out->len - column->n_no_token,
        column->n_no_token, column->n_widened);
  _gloss_exporter_warn_orphans (self, article->name, column->annotator, column->n_orphans);
}

/* Writes @columns side by side on the tokens of @article, a -DOCSTART-
 * for them all. */
static void
append_columns (GlossExporter            *self,
                const GlossExportArticle *article,
                GArray                   *tokens,
                Column                   *columns,
                guint                     n_columns)
{
  ConllState *state = self->state;
  guint64 docstart_line = state->n_lines + 1;
  guint n_sentences = write_tokens (self, article, tokens, columns, n_columns);

  state->n_lines += 2 + tokens->len + n_sentences;
  for (guint c = 0; c < n_columns; c++)
    column_report (self, article, &columns[c], tokens, docstart_line, n_sentences);
}

/* The file of @annotator among @article's, or NULL. */
static GlossAnnotationFile *
find_file (const GlossExportArticle *article,
           const char               *annotator)
{
  for (guint f = 0; f < article->files->len; f++)
    {
      GlossAnnotationFile *file = g_ptr_array_index (article->files, f);

      if (g_strcmp0 (_gloss_export_annotator (file), annotator) == 0)
        return file;
    }

  return NULL;
}

/* One document with a column per annotator of the export's columns, in
 * their order; a column of an annotator without a file on the article
 * is all O, and said so. */
static void
add_side_by_side (GlossExporter            *self,
                  const GlossExportArticle *article,
                  GArray                   *tokens)
{
  guint n_columns = g_strv_length (self->columns);
  g_autofree Column *columns = g_new0 (Column, n_columns);

  for (guint c = 0; c < n_columns; c++)
    {
      GlossAnnotationFile *file = find_file (article, self->columns[c]);

      if (file == NULL)
        _gloss_exporter_warn (self,
                              /* Translators: an article's name, then an annotator id */
                              _("%s: no annotation file of %s; the column is O throughout"),
                              article->name, self->columns[c]);
      column_resolve (self, &columns[c], self->columns[c], file, tokens);
    }

  append_columns (self, article, tokens, columns, n_columns);
  for (guint c = 0; c < n_columns; c++)
    column_clear (&columns[c]);
}

static gboolean
conll_add (GlossExporter            *self,
           const GlossExportArticle *article,
           GError                  **error)
{
  g_autoptr(GArray) tokens = NULL;

  if (article->files->len == 0)
    return TRUE;

  tokens = gloss_tokenize (gloss_source_get_text (article->source),
                           gloss_source_get_n_bytes (article->source));

  if (self->columns != NULL)
    {
      add_side_by_side (self, article, tokens);
      return _gloss_exporter_flush (self, FALSE, error) && flush_side (self, FALSE, error);
    }

  for (guint f = 0; f < article->files->len; f++)
    {
      GlossAnnotationFile *file = g_ptr_array_index (article->files, f);
      Column column;

      column_resolve (self, &column, _gloss_export_annotator (file), file, tokens);
      append_columns (self, article, tokens, &column, 1);
      column_clear (&column);
      if (!_gloss_exporter_flush (self, FALSE, error) ||
          !flush_side (self, FALSE, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
conll_finish (GlossExporter  *self,
              GError        **error)
{
  ConllState *state = self->state;

  if (state->side_writer == NULL)
    return TRUE;

  g_string_append (state->side, state->n_documents > 0 ? "\n  ]\n}\n" : "]\n}\n");
  if (!flush_side (self, TRUE, error))
    return FALSE;

  if (!_gloss_exporter_check_not_input (self, state->side_file, error))
    return FALSE;

  if (!gloss_atomic_writer_commit (state->side_writer, self->cancellable, error))
    return FALSE;
  g_clear_pointer (&state->side_writer, gloss_atomic_writer_free);
  return TRUE;
}

const GlossExportFormatClass _gloss_export_conll = {
  .description = N_("A token per line with its IOB tag, a blank line between sentences."),
  .options = GLOSS_FORMAT_IOB_SCHEME | GLOSS_FORMAT_ANNOTATOR_COLUMNS,
  .begin = conll_begin,
  .add = conll_add,
  .finish = conll_finish,
  .free_state = conll_free_state,
};
