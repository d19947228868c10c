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
#include "gloss-cli-save.h"
#include "gloss-error.h"

typedef struct
{
  GFile *article;
  GFile *path;
  const char *annotator;
  gboolean undo;
} Mark;

/* The annotator's file of the article: loaded when it exists, else a new
 * one (nothing on disk yet), which needs the article's text. */
static GlossAnnotationFile *
open_or_create (gpointer   user_data,
                GError   **error)
{
  Mark *m = user_data;
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autoptr(GlossSource) source = NULL;

  if (!g_file_query_exists (m->path, NULL))
    {
      source = gloss_source_new_from_article (m->article, 0, NULL, error);
      return source != NULL ? gloss_annotation_file_new (source, m->annotator, m->annotator) : NULL;
    }

  /* The file is written back as it was read, with the mark alone
   * changed: it is not anchored again, so that a changed article moves
   * nothing behind the annotator's back. */
  file = gloss_annotation_file_load (m->path, GLOSS_LOAD_ALLOW_NEWER, NULL, error);
  if (file != NULL && gloss_annotation_file_get_read_only (file))
    {
      g_autofree char *display = g_file_get_parse_name (m->path);

      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_READ_ONLY,
                   _("“%s” was written by a newer Gloss; it is left as it is"), display);
      return NULL;
    }

  return g_steal_pointer (&file);
}

/* Sets the mark, or takes it away; *@n_changed is 0 when it already was
 * as asked, so that nothing is written. */
static gboolean
set_mark (GlossAnnotationFile  *file,
          gpointer              user_data,
          guint                *n_changed,
          GError              **error)
{
  Mark *m = user_data;
  g_autoptr(GDateTime) now = NULL;

  if (gloss_annotation_file_get_done (file) == !m->undo)
    return TRUE;

  now = g_date_time_new_now_utc ();
  gloss_annotation_file_set_done (file, m->undo ? NULL : now);
  *n_changed = 1;
  return TRUE;
}

/* Marks @article_path, again on the file as others left it while they
 * write it too; TRUE on success, after saying what was done. */
static gboolean
mark (const char *article_path,
      const char *annotator,
      gboolean    undo)
{
  g_autoptr(GFile) article = g_file_new_for_commandline_arg (article_path);
  g_autoptr(GFile) path = gloss_annotation_file_path_for (article, annotator);
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autofree char *display = g_file_get_parse_name (path);
  Mark m = { article, path, annotator, undo };
  guint n_changed = 0;

  if (g_file_query_file_type (article, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_REGULAR)
    {
      /* Translators: a file name */
      g_printerr (_("“%s” is not an article: no such file, or not a regular file"), article_path);
      g_printerr ("\n");
      return FALSE;
    }

  /* No file, no mark: --undo makes none. */
  if (!undo || g_file_query_exists (path, NULL))
    {
      file = gloss_cli_change_and_save (article_path, open_or_create, set_mark, &m, &n_changed);
      if (file == NULL)
        return FALSE;
    }

  if (n_changed == 0)
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
  guint failed = 0;

  if (!gloss_cli_parse_options ("done",
                                _("Marks each ARTICLE done in the annotator’s file beside it, "
                                  "creating the file if there is none, and saves it; with --undo, "
                                  "takes the mark away."),
                                NULL, entries, &argc, &argv))
    return GLOSS_CLI_USAGE;

  if (!gloss_cli_check_annotator ("done", annotator))
    return GLOSS_CLI_USAGE;
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
