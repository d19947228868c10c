/* gloss-cli-concordance.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* gloss-cli concordance: every occurrence of a text, or every passage of
 * a tag, across a corpus, with the characters around it (keyword in
 * context).  Each article is searched in a worker thread by the core's
 * concordance, which the window's shares; rows are printed in the order
 * of the articles. */

#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gloss-cli-common.h"
#include "gloss-cli-read-ahead.h"
#include "gloss-concordance.h"
#include "gloss-export.h"

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

static gpointer
find_in_article (GlossCliArticle *item,
                 gpointer         user_data,
                 GCancellable    *cancellable)
{
  Options *o = user_data;
  GlossConcordanceQuery query = {
    o->match, o->tag, o->annotator, o->context, o->match_case, o->whole_words,
  };

  return gloss_concordance_search (&query, item->article, item->annotation_files, cancellable);
}

static void
hits_free (gpointer data)
{
  /* The read-ahead frees the articles' slots, taken or not. */
  gloss_concordance_hits_free (data);
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
append_row (GString             *out,
            Options             *o,
            const char          *article,
            GlossConcordanceRow *row)
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

  read_ahead = gloss_cli_read_ahead_new_full (items, find_in_article, o, hits_free);
  for (guint i = 0; i < items->len; i++)
    {
      GlossCliArticle *item = g_ptr_array_index (items, i);
      GlossConcordanceHits *found = gloss_cli_read_ahead_take (read_ahead, i);

      for (guint p = 0; p < found->problems->len; p++)
        g_printerr ("%s\n", (const char *) g_ptr_array_index (found->problems, p));
      problems += found->problems->len;

      g_string_truncate (out, 0);
      for (guint r = 0; r < found->rows->len; r++)
        append_row (out, o, item->name, &g_array_index (found->rows, GlossConcordanceRow, r));
      fwrite (out->str, 1, out->len, stdout);
      gloss_concordance_hits_free (found);
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
