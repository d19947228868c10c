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
 * One column cannot hold overlapping annotations: the outermost is kept
 * (of two that cross, the one that starts first) and the others are left
 * out.  Each article and annotator starts with comment lines:
 *
 *   # gloss: document NAME, annotator ID
 *   # gloss: N overlapping annotations left out
 *   # gloss: left out LABEL START END "TEXT"
 *
 * An annotation that starts or ends inside a token tags the whole token;
 * a comment says how many did. */

#define G_LOG_DOMAIN "gloss-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-export-private.h"
#include "gloss-tokenizer.h"

static int
compare_outermost_first (gconstpointer pa,
                         gconstpointer pb)
{
  GlossAnnotation *a = *(GlossAnnotation **)pa;
  GlossAnnotation *b = *(GlossAnnotation **)pb;
  guint sa = gloss_annotation_get_start (a), sb = gloss_annotation_get_start (b);
  guint ea = gloss_annotation_get_end (a), eb = gloss_annotation_get_end (b);

  if (sa != sb)
    return sa < sb ? -1 : 1;
  if (ea != eb)
    return ea > eb ? -1 : 1;
  return gloss_annotation_compare (a, b);
}

/* Appends @str on one line: line breaks and tabs become spaces. */
static void
append_one_line (GString    *out,
                 const char *str)
{
  for (const char *p = str; *p != '\0'; p++)
    g_string_append_c (out, *p == '\n' || *p == '\r' || *p == '\t' ? ' ' : *p);
}

static void
append_tag (GString        *out,
            GlossIobScheme  scheme,
            GlossAnnotation *current,
            GlossAnnotation *previous)
{
  const char *label;
  gboolean begin;

  if (current == NULL)
    {
      g_string_append_c (out, 'O');
      return;
    }

  label = _gloss_export_label_word (current);
  if (scheme == GLOSS_SCHEME_IOB2)
    begin = current != previous;
  else
    begin = previous != NULL && previous != current &&
            strcmp (_gloss_export_label_word (previous), label) == 0;

  g_string_append (out, begin ? "B-" : "I-");
  g_string_append (out, label);
}

static void
append_file (GlossExporter            *self,
             const GlossExportArticle *article,
             GlossAnnotationFile      *file,
             GArray                   *tokens)
{
  GListModel *model = G_LIST_MODEL (gloss_annotation_file_get_layer (file));
  GlossSource *source = article->source;
  const char *text = gloss_source_get_text (source);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autoptr(GPtrArray) left_out = g_ptr_array_new ();
  GString *out = self->buffer;
  GlossAnnotation *previous = NULL;
  guint last_end = 0, n_orphans = 0, n_cut = 0, k = 0;

  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *a = g_list_model_get_item (model, i);

      if (!_gloss_exporter_keeps (self, a))
        g_object_unref (a);
      else if (gloss_annotation_get_status (a) == GLOSS_ANCHOR_ORPHANED)
        {
          n_orphans++;
          g_object_unref (a);
        }
      else
        g_ptr_array_add (all, a);
    }

  g_ptr_array_sort (all, compare_outermost_first);
  for (guint i = 0; i < all->len; i++)
    {
      GlossAnnotation *a = g_ptr_array_index (all, i);

      if (kept->len > 0 && gloss_annotation_get_start (a) < last_end)
        {
          g_ptr_array_add (left_out, a);
          continue;
        }
      g_ptr_array_add (kept, a);
      last_end = gloss_annotation_get_end (a);
    }

  g_string_append (out, "# gloss: document ");
  append_one_line (out, article->name);
  g_string_append (out, ", annotator ");
  g_string_append (out, _gloss_export_annotator (file));
  g_string_append_c (out, '\n');
  if (left_out->len > 0)
    {
      g_string_append_printf (out, "# gloss: %u overlapping annotation%s left out\n",
                              left_out->len, left_out->len == 1 ? "" : "s");
      for (guint i = 0; i < left_out->len; i++)
        {
          GlossAnnotation *a = g_ptr_array_index (left_out, i);

          g_string_append_printf (out, "# gloss: left out %s %u %u \"",
                                  _gloss_export_label_word (a),
                                  gloss_annotation_get_start (a), gloss_annotation_get_end (a));
          append_one_line (out, gloss_annotation_get_quote (a));
          g_string_append (out, "\"\n");
        }
    }

  /* Annotations that cut a token: told in the header, so counted first. */
  for (guint i = 0, t = 0; i < kept->len; i++)
    {
      GlossAnnotation *a = g_ptr_array_index (kept, i);
      guint start = gloss_annotation_get_start (a), end = gloss_annotation_get_end (a);
      gboolean cut = FALSE;

      while (t < tokens->len && g_array_index (tokens, GlossToken, t).end <= start)
        t++;
      for (guint u = t; u < tokens->len; u++)
        {
          GlossToken *token = &g_array_index (tokens, GlossToken, u);

          if (token->start >= end)
            break;
          if (token->start < start || token->end > end)
            cut = TRUE;
        }
      n_cut += cut;
    }
  if (n_cut > 0)
    g_string_append_printf (out,
                            "# gloss: %u annotation%s cut a token; the whole token is tagged\n",
                            n_cut, n_cut == 1 ? "" : "s");
  g_string_append_c (out, '\n');

  for (guint t = 0; t < tokens->len; t++)
    {
      GlossToken *token = &g_array_index (tokens, GlossToken, t);
      GlossAnnotation *current = NULL;
      gsize from = gloss_source_offset_to_byte (source, token->start);
      gsize to = gloss_source_offset_to_byte (source, token->end);

      while (k < kept->len &&
             gloss_annotation_get_end (g_ptr_array_index (kept, k)) <= token->start)
        k++;
      if (k < kept->len && gloss_annotation_get_start (g_ptr_array_index (kept, k)) < token->end)
        current = g_ptr_array_index (kept, k);

      g_string_append_len (out, text + from, to - from);
      g_string_append_c (out, '\t');
      append_tag (out, self->scheme, current, previous);
      g_string_append_c (out, '\n');
      previous = current;

      if (token->sentence_end)
        {
          g_string_append_c (out, '\n');
          previous = NULL;
        }
    }

  self->n_annotations += kept->len;
  if (left_out->len > 0)
    _gloss_exporter_warn (self,
                          /* Translators: an article's name, an annotator id, then a number */
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%s (%s): %u overlapping annotation left out of the CoNLL column (listed in its header)",
                                       "%s (%s): %u overlapping annotations left out of the CoNLL column (listed in its header)",
                                       left_out->len),
                          article->name, _gloss_export_annotator (file), left_out->len);
  _gloss_exporter_warn_orphans (self, article->name, _gloss_export_annotator (file), n_orphans);
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

  for (guint f = 0; f < article->files->len; f++)
    {
      append_file (self, article, g_ptr_array_index (article->files, f), tokens);
      if (!_gloss_exporter_flush (self, FALSE, error))
        return FALSE;
    }

  return TRUE;
}

const GlossExportFormatClass _gloss_export_conll = {
  .add = conll_add,
};
