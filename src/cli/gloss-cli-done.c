/* gloss-cli-done.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* gloss-cli done: records in an annotator's file that they finished the
 * article, or with --undo that they have not. */

#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-cli-common.h"
#include "gloss-error.h"

/* How many times the mark is made again on the file as another writer
 * left it before gloss-cli gives up, as annotate does. */
#define MAX_ATTEMPTS 100

typedef enum
{
  OUTCOME_WRITTEN,
  OUTCOME_UNCHANGED,   /* already as asked: nothing written */
  OUTCOME_FAILED,
} Outcome;

/* The annotator's file of @article: loaded when it exists, else a new
 * one (nothing on disk yet), which needs the article's text. */
static GlossAnnotationFile *
open_or_create (GFile       *article,
                GFile       *path,
                const char  *annotator,
                GError     **error)
{
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autoptr(GlossSource) source = NULL;

  if (!g_file_query_exists (path, NULL))
    {
      source = gloss_source_new_from_article (article, 0, NULL, error);
      return source != NULL ? gloss_annotation_file_new (source, annotator, annotator) : NULL;
    }

  /* The file is written back as it was read, with the mark alone
   * changed: it is not anchored again, so that a changed article moves
   * nothing behind the annotator's back. */
  file = gloss_annotation_file_load (path, GLOSS_LOAD_ALLOW_NEWER, NULL, error);
  if (file != NULL && gloss_annotation_file_get_read_only (file))
    {
      g_autofree char *display = g_file_get_parse_name (path);

      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_READ_ONLY,
                   _("“%s” was written by a newer Gloss; it is left as it is"), display);
      return NULL;
    }

  return g_steal_pointer (&file);
}

/* Marks (or unmarks) once, on the file as it is now on disk. */
static Outcome
mark_once (GFile       *article,
           GFile       *path,
           const char  *annotator,
           gboolean     undo,
           GError     **error)
{
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (undo && !g_file_query_exists (path, NULL))
    return OUTCOME_UNCHANGED;

  file = open_or_create (article, path, annotator, error);
  if (file == NULL)
    return OUTCOME_FAILED;

  if (gloss_annotation_file_get_done (file) == !undo)
    return OUTCOME_UNCHANGED;

  now = g_date_time_new_now_utc ();
  gloss_annotation_file_set_done (file, undo ? NULL : now);
  if (!gloss_annotation_file_save (file, GLOSS_SAVE_NONE, NULL, error))
    return OUTCOME_FAILED;

  return OUTCOME_WRITTEN;
}

/* Marks @article_path, trying again while other writers change the file;
 * TRUE on success, after saying what was done. */
static gboolean
mark (const char *article_path,
      const char *annotator,
      gboolean    undo)
{
  g_autoptr(GFile) article = g_file_new_for_commandline_arg (article_path);
  g_autoptr(GFile) path = gloss_annotation_file_path_for (article, annotator);
  g_autoptr(GError) error = NULL;
  g_autofree char *display = g_file_get_parse_name (path);
  Outcome outcome = OUTCOME_FAILED;

  if (g_file_query_file_type (article, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_REGULAR)
    {
      /* Translators: a file name */
      g_printerr (_("“%s” is not an article: no such file, or not a regular file"), article_path);
      g_printerr ("\n");
      return FALSE;
    }

  for (guint attempt = 1; attempt <= MAX_ATTEMPTS; attempt++)
    {
      g_clear_error (&error);
      outcome = mark_once (article, path, annotator, undo, &error);
      if (outcome != OUTCOME_FAILED ||
          !g_error_matches (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED_ON_DISK))
        break;
      /* Someone wrote the file between our reading and our lock: mark
       * their version instead, never write over it. */
      g_usleep (g_random_int_range (1, 2 + MIN (attempt, 20)) * 1000);
    }

  if (outcome == OUTCOME_FAILED)
    {
      if (g_error_matches (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED_ON_DISK))
        /* Translators: the annotation file's name */
        g_printerr (_("“%s” kept changing on disk while gloss-cli tried to save it; "
                      "nothing was written"), display);
      else
        gloss_cli_print_error (article_path, error);
      g_printerr ("\n");
      return FALSE;
    }

  if (outcome == OUTCOME_UNCHANGED)
    /* Translators: an annotation file's name */
    g_print (undo ? _("%s was not marked done; left as it is") : _("%s was already marked done"),
             display);
  else
    /* Translators: an annotation file's name */
    g_print (undo ? _("%s is no longer marked done") : _("Marked %s done"), display);
  g_print ("\n");
  return TRUE;
}

int
gloss_cli_done (int    argc,
                char **argv)
{
  g_autofree char *annotator = NULL;
  g_auto(GStrv) articles = NULL;
  gboolean undo = FALSE;
  GOptionEntry entries[] = {
    { "annotator", 'a', 0, G_OPTION_ARG_STRING, &annotator,
      N_("The annotator who finished the articles (required)"), N_("ID") },
    { "undo", 'u', 0, G_OPTION_ARG_NONE, &undo,
      N_("Take the mark away: the articles are not done"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &articles, NULL, N_("ARTICLE…") },
    { NULL }
  };
  g_autofree char *slug = NULL;
  guint failed = 0;

  if (!gloss_cli_parse_options ("done",
                                _("Marks each ARTICLE done in the annotator’s file beside it, "
                                  "creating the file if there is none, and saves it; with --undo, "
                                  "takes the mark away."),
                                NULL, entries, &argc, &argv))
    return GLOSS_CLI_USAGE;

  if (annotator == NULL)
    {
      gloss_cli_usage_error ("done", _("--annotator is required"));
      return GLOSS_CLI_USAGE;
    }
  slug = gloss_slugify (annotator);
  if (g_strcmp0 (slug, annotator) != 0)
    {
      gloss_cli_usage_error ("done",
                             _("“%s” is not an annotator id: use lower-case letters, digits and “-” (for example “%s”)"),
                             annotator, slug ? slug : "alice");
      return GLOSS_CLI_USAGE;
    }
  if (articles == NULL)
    {
      gloss_cli_usage_error ("done", _("give at least one article"));
      return GLOSS_CLI_USAGE;
    }
  for (guint i = 0; articles[i] != NULL; i++)
    {
      if (gloss_cli_is_annotation_file (articles[i]))
        {
          gloss_cli_usage_error ("done", _("give the article, not its annotation file"));
          return GLOSS_CLI_USAGE;
        }
    }

  for (guint i = 0; articles[i] != NULL; i++)
    {
      if (!mark (articles[i], annotator, undo))
        failed++;
    }

  return failed > 0 ? GLOSS_CLI_PROBLEM : GLOSS_CLI_OK;
}
