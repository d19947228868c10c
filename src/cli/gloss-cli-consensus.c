/* gloss-cli-consensus.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* gloss-cli consensus: writes into each article's consensus file the
 * passages enough annotators marked alike, leaving the rest for review. */

#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-annotation-file.h"
#include "gloss-cli-common.h"
#include "gloss-cli-progress.h"
#include "gloss-consensus.h"
#include "gloss-corpus.h"
#include "gloss-error.h"

typedef struct
{
  char **annotators;
  int min_agree;
  char *by;
  char **inputs;
} Options;

static void
options_clear (Options *o)
{
  g_clear_pointer (&o->annotators, g_strfreev);
  g_clear_pointer (&o->by, g_free);
  g_clear_pointer (&o->inputs, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

/* The consensus file of @article: loaded when it exists, new otherwise. */
static GlossAnnotationFile *
open_consensus (GFile        *article,
                GlossSource  *source,
                GError      **error)
{
  g_autoptr(GFile) path = gloss_annotation_file_path_for (article, GLOSS_CONSENSUS_ANNOTATOR);
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autoptr(GlossCodebook) codebook = NULL;
  g_autoptr(GError) local = NULL;

  codebook = gloss_codebook_new_for_article (article, error);
  if (codebook == NULL)
    return NULL;

  file = gloss_annotation_file_load (path, GLOSS_LOAD_NONE, NULL, &local);
  if (file == NULL && !g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (file == NULL)
    file = gloss_annotation_file_new (source, GLOSS_CONSENSUS_ANNOTATOR, _("Consensus"));
  else if (!gloss_annotation_file_attach_source (file, source, error))
    return NULL;
  gloss_annotation_file_set_codebook (file, codebook);
  return g_steal_pointer (&file);
}

/* Settles @item; returns how many problems it met (each printed). */
static guint
settle (Options         *o,
        GHashTable      *annotators,
        GlossCliArticle *item,
        const char      *now)
{
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) layers = g_ptr_array_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GlossAnnotationFile) consensus = NULL;
  g_autoptr(GError) error = NULL;
  guint min_agree, added, left;

  source = gloss_corpus_read_article (item->article, NULL, &error);
  if (source != NULL)
    candidates = item->annotation_files != NULL
                 ? g_ptr_array_ref (item->annotation_files)
                 : gloss_annotation_file_list_for (item->article, NULL, &error);
  if (candidates == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  files = gloss_corpus_open_annotation_files (item->article, source, candidates, annotators,
                                              problems, NULL);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (problems, i));
  for (guint i = 0; i < files->len; i++)
    {
      GlossLayer *layer = gloss_annotation_file_get_layer (g_ptr_array_index (files, i));

      /* The consensus proposes nothing to itself. */
      if (!g_str_equal (gloss_layer_get_annotator_id (layer), GLOSS_CONSENSUS_ANNOTATOR))
        g_ptr_array_add (layers, layer);
    }
  if (problems->len > 0)
    {
      /* Translators: an article's name */
      g_printerr (_("%s: not settled, since not all its annotation files could be read"), item->name);
      g_printerr ("\n");
      return problems->len;
    }
  if (layers->len == 0)
    {
      /* Translators: an article's name */
      g_printerr (_("%s: no annotator’s file to settle from"), item->name);
      g_printerr ("\n");
      return 1;
    }

  consensus = open_consensus (item->article, source, &error);
  if (consensus == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  min_agree = o->min_agree > 0 ? (guint) o->min_agree : layers->len;
  added = gloss_consensus_add_agreed (gloss_annotation_file_get_layer (consensus), layers, min_agree,
                                      o->by, now, &left);
  if (added > 0 &&
      !gloss_annotation_file_save (consensus, GLOSS_SAVE_NONE, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  {
    g_autofree char *agreed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u passage agreed",
                                                            "%u passages agreed", added), added);
    g_autofree char *open = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u left for review",
                                                          "%u left for review", left), left);

    /* Translators: an article's name, "3 passages agreed", two numbers of
     * annotators, then "2 left for review" */
    g_print (_("%s: %s by at least %u of %u annotators, %s"), item->name, agreed, min_agree,
             layers->len, open);
    g_print ("\n");
  }
  return 0;
}

int
gloss_cli_consensus (int    argc,
                     char **argv)
{
  g_auto(Options) o = { NULL, 0, NULL, NULL };
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (gloss_cli_article_free);
  g_autoptr(GHashTable) annotators = NULL;
  g_autoptr(GlossCliProgress) progress = NULL;
  g_autofree char *now = NULL;
  guint failures = 0;
  GOptionEntry entries[] = {
    { "annotator", 'a', 0, G_OPTION_ARG_STRING_ARRAY, &o.annotators,
      N_("Settle from this annotator’s file (repeat for several; all by default)"), N_("ID") },
    { "min-agree", 'n', 0, G_OPTION_ARG_INT, &o.min_agree,
      N_("How many annotators must mark a passage alike (all of them by default)"), N_("N") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &o.by,
      N_("Who settles, recorded with each passage (your annotator id by default)"), N_("ID") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.inputs, NULL, NULL },
    { NULL }
  };

  if (!gloss_cli_parse_options ("consensus", _("[OPTION…] INPUT…"),
                                _("Writes into each article’s consensus file the passages that "
                                  "the annotators marked alike (same tag, same start and end), "
                                  "each with the annotators who marked it, and counts what is "
                                  "left for a reviewer.  Annotators’ own files are never written."),
                                entries, &argc, &argv))
    return GLOSS_CLI_USAGE;

  if (o.inputs == NULL || o.inputs[0] == NULL)
    {
      gloss_cli_usage_error ("consensus", _("no file given"));
      return GLOSS_CLI_USAGE;
    }
  if (o.min_agree < 0)
    {
      gloss_cli_usage_error ("consensus", _("--min-agree takes a number of annotators, 1 or more"));
      return GLOSS_CLI_USAGE;
    }
  if (o.annotators != NULL)
    {
      annotators = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; o.annotators[i] != NULL; i++)
        {
          if (g_str_equal (o.annotators[i], GLOSS_CONSENSUS_ANNOTATOR))
            {
              gloss_cli_usage_error ("consensus", _("the consensus cannot settle from itself"));
              return GLOSS_CLI_USAGE;
            }
          g_hash_table_add (annotators, o.annotators[i]);
        }
      if (o.min_agree > (int) g_hash_table_size (annotators))
        {
          gloss_cli_usage_error ("consensus", _("--min-agree is more than the annotators given"));
          return GLOSS_CLI_USAGE;
        }
    }
  if (o.by == NULL)
    o.by = gloss_default_annotator_id ();

  for (guint i = 0; o.inputs[i] != NULL; i++)
    failures += gloss_cli_collect_articles (o.inputs[i], articles);

  now = gloss_timestamp_now ();
  progress = gloss_cli_progress_new (articles->len);
  for (guint i = 0; i < articles->len; i++)
    {
      gloss_cli_progress_update (progress, i);
      gloss_cli_progress_clear (progress);
      failures += settle (&o, annotators, g_ptr_array_index (articles, i), now);
    }
  gloss_cli_progress_clear (progress);

  return failures > 0 ? GLOSS_CLI_PROBLEM : GLOSS_CLI_OK;
}
