/* gloss-cli-report.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* gloss-cli report: how far the annotators of articles agree, as one HTML
 * page to read in a browser or send by mail. */

#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-cli-common.h"
#include "gloss-cli-progress.h"
#include "gloss-cli-read-ahead.h"
#include "gloss-agreement-report.h"
#include "gloss-file-io.h"

typedef struct
{
  char *output;
  char **annotators;
  char **tags;
  char **inputs;
} Options;

static void
options_clear (Options *o)
{
  g_clear_pointer (&o->output, g_free);
  g_clear_pointer (&o->annotators, g_strfreev);
  g_clear_pointer (&o->tags, g_strfreev);
  g_clear_pointer (&o->inputs, g_strfreev);
}

/* Measures every article of @inputs into @study; returns how many files
 * could not be read (each reported). */
static guint
measure (GlossAgreement *study,
         GPtrArray      *inputs,
         GPtrArray      *results)
{
  g_autoptr(GlossCliProgress) progress = gloss_cli_progress_new (inputs->len);
  g_autoptr(GlossCliReadAhead) read_ahead = gloss_cli_read_ahead_new (study, inputs);
  guint failures = 0;

  for (guint i = 0; i < inputs->len; i++)
    {
      GlossCliArticle *input = g_ptr_array_index (inputs, i);
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GlossAgreementReading) reading = NULL;
      GlossAgreementResult *result;

      gloss_cli_progress_update (progress, i);
      reading = gloss_cli_read_ahead_take (read_ahead, i);
      result = gloss_agreement_measure_reading (study, input->name, reading, problems);
      if (problems->len > 0 || result == NULL)
        gloss_cli_progress_clear (progress);
      for (guint j = 0; j < problems->len; j++)
        g_printerr ("%s\n", (const char *) g_ptr_array_index (problems, j));
      failures += problems->len;

      if (result == NULL)
        {
          if (problems->len == 0)
            {
              g_autofree char *display = g_file_get_parse_name (input->article);

              /* Translators: a file name */
              g_printerr (_("“%s” could not be read"), display);
              g_printerr ("\n");
              failures++;
            }
          continue;
        }
      g_ptr_array_add (results, result);
    }
  gloss_cli_progress_update (progress, inputs->len);
  gloss_cli_progress_clear (progress);

  return failures;
}

static gboolean
write_report (GlossAgreement  *study,
              GPtrArray       *results,
              GFile           *destination,
              GError         **error)
{
  g_autoptr(GlossAtomicWriter) writer = NULL;

  writer = gloss_atomic_writer_new (destination, NULL, GLOSS_WRITE_NONE, NULL, error);
  if (writer == NULL)
    return FALSE;

  return gloss_agreement_report_write (study, results, gloss_atomic_writer_get_stream (writer),
                                       NULL, error) &&
         gloss_atomic_writer_commit (writer, NULL, error);
}

static int
run (Options *o)
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (gloss_cli_article_free);
  g_autoptr(GPtrArray) results =
    g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_agreement_result_free);
  g_autoptr(GlossAgreement) study = gloss_agreement_new ();
  g_autoptr(GFile) destination = g_file_new_for_commandline_arg (o->output);
  g_autofree char *display = g_file_get_parse_name (destination);
  g_autoptr(GError) error = NULL;
  guint failures = 0;

  for (guint i = 0; o->inputs[i] != NULL; i++)
    failures += gloss_cli_collect_articles (o->inputs[i], inputs);

  if (gloss_cli_is_input (destination, inputs))
    {
      /* Translators: a file name */
      g_printerr (_("“%s” is an article or an annotation file: the report will not "
                    "replace it. Choose another name."),
                  display);
      g_printerr ("\n");
      return GLOSS_CLI_USAGE;
    }

  gloss_agreement_set_annotators (study, (const char * const *) o->annotators);
  gloss_agreement_set_tags (study, (const char * const *) o->tags);
  failures += measure (study, inputs, results);

  if (!write_report (study, results, destination, &error))
    {
      g_printerr ("%s\n", error->message);
      return GLOSS_CLI_PROBLEM;
    }

  {
    guint n = gloss_agreement_result_get_n_articles (gloss_agreement_get_total (study));
    g_autofree char *articles = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article",
                                                              "%u articles", n), n);

    /* Translators: "2 articles", then a file name */
    g_printerr (_("Wrote the agreement report on %s to %s"), articles, display);
    g_printerr ("\n");
  }

  if (failures > 0)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "%u file could not be measured",
                               "%u files could not be measured", failures),
                  failures);
      g_printerr ("\n");
      return GLOSS_CLI_PROBLEM;
    }

  return GLOSS_CLI_OK;
}

int
gloss_cli_report (int    argc,
                  char **argv)
{
  Options o = { 0 };
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
      N_("The HTML file to write (required)"), N_("FILE") },
    { "annotator", 'a', 0, G_OPTION_ARG_STRING_ARRAY, &o.annotators,
      N_("Only this annotator (may be repeated)"), N_("ID") },
    { "tag", 't', 0, G_OPTION_ARG_STRING_ARRAY, &o.tags,
      N_("Only this tag, measured even where no one used it (may be repeated)"), N_("TAG") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.inputs, NULL, N_("INPUT…") },
    { NULL }
  };
  int status = GLOSS_CLI_USAGE;

  if (!gloss_cli_parse_options ("report",
                                _("Writes how far annotators agree as one HTML page: the tables "
                                  "of every measure, charts, and each article with every "
                                  "annotator’s passages.\n"
                                  "INPUT is an article (all its annotation files), an annotation file, "
                                  "or a folder, searched for annotated articles."),
                                _("The page needs no network and no other file. A file that cannot "
                                  "be read is reported and the others are measured; the exit status "
                                  "is 1 then."),
                                entries, &argc, &argv))
    {
      options_clear (&o);
      return GLOSS_CLI_USAGE;
    }

  if (o.inputs == NULL)
    gloss_cli_usage_error ("report", _("no file given"));
  else if (o.output == NULL)
    gloss_cli_usage_error ("report", _("give the file to write with --output"));
  else
    status = run (&o);

  options_clear (&o);
  return status;
}
