/* gloss-cli-concordance.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* gloss-cli concordance: every occurrence of a text, or every passage of
 * a tag, across a corpus, with the characters around it (keyword in
 * context).  Each article is searched in a worker thread; rows are
 * printed in the order of the articles. */

#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gloss-cli-common.h"
#include "gloss-cli-read-ahead.h"
#include "gloss-corpus.h"
#include "gloss-export.h"
#include "gloss-search.h"

#define DEFAULT_CONTEXT 40

typedef struct
{
  char *match;
  char *tag;
  char *annotator;
  int context;
  gboolean match_case;
  gboolean whole_words;
  gboolean csv;
} Options;

/* One row: a place in an article and who tagged it, if anyone. */
typedef struct
{
  guint start;
  guint end;
  char *left;
  char *text;
  char *right;
  const char *tag;        /* the option's, or NULL */
  char *annotator;
} Row;

/* What a worker thread found in one article. */
typedef struct
{
  GArray *rows;          /* Row, in text order */
  GPtrArray *problems;   /* messages naming the file */
} Found;

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_free (row->left);
  g_free (row->text);
  g_free (row->right);
  g_free (row->annotator);
}

static void
found_free (gpointer data)
{
  Found *found = data;

  /* The read-ahead frees the articles' slots, taken or not. */
  if (found == NULL)
    return;
  g_array_unref (found->rows);
  g_ptr_array_unref (found->problems);
  g_free (found);
}

static void
add_row (Found       *found,
         GlossSource *source,
         guint        start,
         guint        end,
         const char  *tag,
         const char  *annotator,
         guint        context)
{
  guint length = gloss_source_get_length (source);
  Row row = {
    start, end,
    gloss_source_dup_slice (source, start > context ? start - context : 0, start),
    gloss_source_dup_slice (source, start, end),
    gloss_source_dup_slice (source, end, end + MIN (context, length - MIN (end, length))),
    tag, g_strdup (annotator),
  };

  g_array_append_val (found->rows, row);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *ra = a;
  const Row *rb = b;

  if (ra->start != rb->start)
    return ra->start < rb->start ? -1 : 1;
  if (ra->end != rb->end)
    return ra->end < rb->end ? -1 : 1;
  return g_strcmp0 (ra->annotator, rb->annotator);
}

/* The passages of the tag in the annotation files of @item (of one
 * annotator when asked), wherever they are now in the article. */
static void
find_passages (Found           *found,
               GlossCliArticle *item,
               GlossSource     *source,
               Options         *o,
               GCancellable    *cancellable)
{
  g_autoptr(GHashTable) only = NULL;
  g_autoptr(GPtrArray) files = NULL;

  if (o->annotator != NULL)
    {
      only = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_add (only, o->annotator);
    }
  files = gloss_corpus_open_annotation_files (item->article, source, item->annotation_files,
                                              only, found->problems, cancellable);

  for (guint i = 0; i < files->len; i++)
    {
      GlossLayer *layer = gloss_annotation_file_get_layer (g_ptr_array_index (files, i));
      guint n = g_list_model_get_n_items (G_LIST_MODEL (layer));

      for (guint k = 0; k < n; k++)
        {
          g_autoptr(GlossAnnotation) a = g_list_model_get_item (G_LIST_MODEL (layer), k);

          /* An orphaned passage has no place in the text to show. */
          if (g_strcmp0 (gloss_annotation_get_tag (a), o->tag) != 0 ||
              gloss_annotation_get_status (a) == GLOSS_ANCHOR_ORPHANED)
            continue;
          add_row (found, source, gloss_annotation_get_start (a), gloss_annotation_get_end (a),
                   o->tag, gloss_layer_get_annotator_id (layer), o->context);
        }
    }
  g_array_sort (found->rows, compare_rows);
}

static gpointer
find_in_article (GlossCliArticle *item,
                 gpointer         user_data,
                 GCancellable    *cancellable)
{
  Options *o = user_data;
  Found *found = g_new0 (Found, 1);
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GError) error = NULL;

  found->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_array_set_clear_func (found->rows, row_clear);
  found->problems = g_ptr_array_new_with_free_func (g_free);

  source = gloss_corpus_read_article (item->article, cancellable, &error);
  if (source == NULL)
    {
      g_ptr_array_add (found->problems, g_strdup (error->message));
      return found;
    }

  if (o->match != NULL)
    {
      GlossFindFlags flags = GLOSS_FIND_NONE;
      g_autoptr(GArray) ranges = NULL;

      if (!o->match_case)
        flags |= GLOSS_FIND_IGNORE_CASE;
      if (o->whole_words)
        flags |= GLOSS_FIND_WHOLE_WORD;
      ranges = gloss_source_find_all (source, o->match, flags);
      for (guint i = 0; i < ranges->len; i++)
        {
          GlossRange *r = &g_array_index (ranges, GlossRange, i);

          add_row (found, source, r->start, r->end, NULL, NULL, o->context);
        }
    }
  else
    find_passages (found, item, source, o, cancellable);

  return found;
}

static const char * const columns[] = {
  "article", "start", "end", "left", "match", "right", "tag", "annotator",
};

/* Appends one field: CSV with spreadsheet-safe cells, or a tab-separated
 * cell. */
static void
append_field (GString    *out,
              Options    *o,
              guint       column,
              const char *value)
{
  if (column > 0)
    g_string_append_c (out, o->csv ? ',' : '\t');
  if (o->csv)
    gloss_csv_append_field (out, value, TRUE);
  else
    gloss_cli_print_cell (out, value != NULL ? value : "");
}

static void
append_row (GString    *out,
            Options    *o,
            const char *article,
            Row        *row)
{
  char start[16], end[16];

  g_snprintf (start, sizeof start, "%u", row->start);
  g_snprintf (end, sizeof end, "%u", row->end);
  append_field (out, o, 0, article);
  append_field (out, o, 1, start);
  append_field (out, o, 2, end);
  append_field (out, o, 3, row->left);
  append_field (out, o, 4, row->text);
  append_field (out, o, 5, row->right);
  append_field (out, o, 6, row->tag);
  append_field (out, o, 7, row->annotator);
  g_string_append (out, o->csv ? "\r\n" : "\n");
}

static guint
print_concordance (GPtrArray *items,
                   Options   *o)
{
  g_autoptr(GlossCliReadAhead) read_ahead = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  guint problems = 0;

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    append_field (out, o, c, columns[c]);
  g_string_append (out, o->csv ? "\r\n" : "\n");
  fwrite (out->str, 1, out->len, stdout);

  read_ahead = gloss_cli_read_ahead_new_full (items, find_in_article, o, found_free);
  for (guint i = 0; i < items->len; i++)
    {
      GlossCliArticle *item = g_ptr_array_index (items, i);
      Found *found = gloss_cli_read_ahead_take (read_ahead, i);

      for (guint p = 0; p < found->problems->len; p++)
        g_printerr ("%s\n", (const char *) g_ptr_array_index (found->problems, p));
      problems += found->problems->len;

      g_string_truncate (out, 0);
      for (guint r = 0; r < found->rows->len; r++)
        append_row (out, o, item->name, &g_array_index (found->rows, Row, r));
      fwrite (out->str, 1, out->len, stdout);
      found_free (found);
    }

  return problems;
}

static gboolean
check_options (Options *o)
{
  if ((o->match == NULL) == (o->tag == NULL))
    {
      gloss_cli_usage_error ("concordance", _("give either --match or --tag"));
      return FALSE;
    }
  if (o->match != NULL && o->match[0] == '\0')
    {
      gloss_cli_usage_error ("concordance", _("--match needs some text"));
      return FALSE;
    }
  if (o->annotator != NULL && o->tag == NULL)
    {
      gloss_cli_usage_error ("concordance", _("--annotator goes with --tag"));
      return FALSE;
    }
  if ((o->match_case || o->whole_words) && o->match == NULL)
    {
      gloss_cli_usage_error ("concordance", _("--match-case and --whole-words go with --match"));
      return FALSE;
    }
  if (o->context < 0)
    {
      gloss_cli_usage_error ("concordance", _("--context counts characters; it cannot be negative"));
      return FALSE;
    }
  return TRUE;
}

int
gloss_cli_concordance (int    argc,
                       char **argv)
{
  Options o = { .context = DEFAULT_CONTEXT };
  g_auto(GStrv) paths = NULL;
  GOptionEntry entries[] = {
    { "match", 'm', 0, G_OPTION_ARG_STRING, &o.match,
      N_("Every occurrence of this text"), N_("TEXT") },
    { "tag", 't', 0, G_OPTION_ARG_STRING, &o.tag,
      N_("Every passage annotated with this tag"), N_("TAG") },
    { "annotator", 'a', 0, G_OPTION_ARG_STRING, &o.annotator,
      N_("With --tag: only this annotator’s passages"), N_("ID") },
    { "context", 'c', 0, G_OPTION_ARG_INT, &o.context,
      N_("How many characters to show on each side (40 by default)"), N_("N") },
    { "match-case", 0, 0, G_OPTION_ARG_NONE, &o.match_case,
      N_("With --match: letters must have the same case"), NULL },
    { "whole-words", 'w', 0, G_OPTION_ARG_NONE, &o.whole_words,
      N_("With --match: only occurrences that are whole words"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &o.csv,
      N_("Print CSV instead of a table"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("FOLDER…") },
    { NULL }
  };
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (gloss_cli_article_free);
  guint problems = 0;
  int status = GLOSS_CLI_USAGE;

  if (!gloss_cli_parse_options ("concordance",
                                _("Prints every occurrence of TEXT, or every passage tagged TAG, in "
                                  "the articles under FOLDER, with the characters around it: the "
                                  "article, the start and end offsets (Unicode characters, end "
                                  "excluded), the left context, the match, the right context, the "
                                  "tag and the annotator."),
                                NULL, entries, &argc, &argv))
    goto out;

  if (paths == NULL)
    {
      gloss_cli_usage_error ("concordance", _("give at least one folder"));
      goto out;
    }
  if (!check_options (&o))
    goto out;

  problems = gloss_cli_scan_corpus (paths, items, NULL, NULL);
  if (items->len > 0)
    problems += print_concordance (items, &o);
  status = problems > 0 ? GLOSS_CLI_PROBLEM : GLOSS_CLI_OK;

out:
  g_free (o.match);
  g_free (o.tag);
  g_free (o.annotator);
  return status;
}
