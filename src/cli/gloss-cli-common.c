/* gloss-cli-common.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gloss-cli-common.h"
#include "gloss-corpus.h"
#include "gloss-error.h"
#include "gloss-file-io.h"
#include "gloss-json-writer.h"

gboolean
gloss_cli_parse_options (const char     *command,
                         const char     *summary,
                         const char     *description,
                         GOptionEntry   *entries,
                         int            *argc,
                         char         ***argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("gloss-cli %s", command);

  /* --help prints "Usage: PRGNAME [OPTION…] REST", REST coming from the
   * G_OPTION_REMAINING entry: the command belongs in the program name. */
  g_set_prgname (prgname);
  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  if (description != NULL)
    g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      gloss_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }

  return TRUE;
}

void
gloss_cli_usage_error (const char *command,
                       const char *format,
                       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("gloss-cli %s: %s\n", command, message);
  /* Translators: %s is a command name such as "list" */
  g_printerr (_("Try “gloss-cli %s --help” for more information."), command);
  g_printerr ("\n");
}

gboolean
gloss_cli_check_annotator (const char *command,
                           const char *annotator)
{
  g_autofree char *slug = NULL;

  if (annotator == NULL)
    {
      gloss_cli_usage_error (command, _("--annotator is required"));
      return FALSE;
    }

  slug = gloss_slugify (annotator);
  if (g_strcmp0 (slug, annotator) != 0)
    {
      gloss_cli_usage_error (command,
                             _("“%s” is not an annotator id: use lower-case letters, digits and “-” (for example “%s”)"),
                             annotator, slug ? slug : "alice");
      return FALSE;
    }

  return TRUE;
}

gboolean gloss_cli_errors_to_stdout = FALSE;

void
gloss_cli_print_error (const char   *path,
                       const GError *error)
{
  /* validate's report has one "FILE: problem" line per problem, even
   * where the message names the file again. */
  if (gloss_cli_errors_to_stdout)
    g_print ("%s: %s\n", path, error->message);
  else
    g_printerr ("%s\n", error->message);
}

void
gloss_cli_say (GPtrArray *messages,
               char      *message)
{
  g_printerr ("%s\n", message);
  if (messages != NULL)
    g_ptr_array_add (messages, message);
  else
    g_free (message);
}

static void
print_problem (const char *path,
               char       *message)
{
  GError error = { GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND, message };

  gloss_cli_print_error (path, &error);
  g_free (message);
}

static void
print_file_error (GFile        *file,
                  const GError *error)
{
  g_autofree char *path = g_file_get_parse_name (file);

  gloss_cli_print_error (path, error);
}

gboolean
gloss_cli_is_annotation_file (const char *path)
{
  return g_str_has_suffix (path, GLOSS_ANNOTATION_FILE_SUFFIX);
}

static gboolean
annotator_matches (GlossAnnotationFile *file,
                   const char          *annotator)
{
  GlossLayer *layer = gloss_annotation_file_get_layer (file);

  return annotator == NULL || g_strcmp0 (gloss_layer_get_annotator_id (layer), annotator) == 0;
}

static guint
open_article (GFile          *article,
              const char     *annotator,
              GlossLoadFlags  flags,
              GPtrArray      *files)
{
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GlossCodebook) codebook = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GError) error = NULL;
  guint problems = 0;

  source = gloss_source_new_from_article (article, 0, NULL, &error);
  if (source == NULL)
    {
      print_file_error (article, error);
      return 1;
    }

  codebook = gloss_codebook_new_for_article (article, &error);
  paths = codebook ? gloss_annotation_file_list_for (article, NULL, &error) : NULL;
  if (paths == NULL)
    {
      print_file_error (article, error);
      return 1;
    }

  for (guint i = 0; i < paths->len; i++)
    {
      GFile *path = g_ptr_array_index (paths, i);
      g_autoptr(GlossAnnotationFile) file = NULL;

      /* Filter by the name first, so that another annotator's broken file
       * does not spoil a listing of this one's. */
      if (annotator != NULL)
        {
          g_autofree char *name = g_file_get_basename (path);
          g_autofree char *article_name = g_file_get_basename (article);
          g_autofree char *id = gloss_annotation_file_name_annotator (name, article_name);

          if (g_strcmp0 (id, annotator) != 0)
            continue;
        }

      file = gloss_annotation_file_load (path, flags, NULL, &error);
      if (file == NULL)
        {
          print_file_error (path, error);
          g_clear_error (&error);
          problems++;
          continue;
        }

      if (!annotator_matches (file, annotator))
        continue;

      gloss_annotation_file_set_codebook (file, codebook);
      if (!gloss_annotation_file_attach_source (file, source, &error))
        {
          print_file_error (path, error);
          g_clear_error (&error);
          problems++;
          continue;
        }

      g_ptr_array_add (files, g_steal_pointer (&file));
    }

  return problems;
}

guint
gloss_cli_open_inputs (const char     *path,
                       const char     *annotator,
                       GlossLoadFlags  flags,
                       GPtrArray      *files)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GlossAnnotationFile) annotation_file = NULL;
  g_autoptr(GError) error = NULL;
  GFileType type;

  type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL);
  if (type == G_FILE_TYPE_UNKNOWN)
    {
      /* Translators: a file name */
      print_problem (path, g_strdup_printf (_("“%s”: no such file"), path));
      return 1;
    }
  if (type == G_FILE_TYPE_DIRECTORY)
    {
      print_problem (path, g_strdup_printf (_("“%s” is a folder; give an article or an annotation file"), path));
      return 1;
    }

  if (!gloss_cli_is_annotation_file (path))
    return open_article (file, annotator, flags, files);

  annotation_file = gloss_annotation_file_open (file, flags, NULL, &error);
  if (annotation_file == NULL)
    {
      gloss_cli_print_error (path, error);
      return 1;
    }

  if (annotator_matches (annotation_file, annotator))
    g_ptr_array_add (files, g_steal_pointer (&annotation_file));

  return 0;
}

void
gloss_cli_print_cell (GString    *out,
                      const char *str)
{
  for (const char *p = str; *p; p++)
    {
      switch (*p)
        {
        case '\t':
          g_string_append (out, "\\t");
          break;

        case '\n':
          g_string_append (out, "\\n");
          break;

        case '\r':
          g_string_append (out, "\\r");
          break;

        case '\\':
          g_string_append (out, "\\\\");
          break;

        default:
          g_string_append_c (out, *p);
        }
    }
}

void
gloss_cli_append_row (GString         *out,
                      const char      *annotator,
                      GlossAnnotation *a)
{
  g_string_append_printf (out, "%s\t%s\t%s\t%u\t%u\t%s\t",
                          annotator,
                          gloss_annotation_get_id (a),
                          gloss_annotation_get_tag (a),
                          gloss_annotation_get_start (a),
                          gloss_annotation_get_end (a),
                          gloss_anchor_status_to_string (gloss_annotation_get_status (a)));
  gloss_cli_print_cell (out, gloss_annotation_get_quote (a));
  g_string_append_c (out, '\n');
}

void
gloss_cli_print_json (JsonNode *root)
{
  g_autoptr(GString) out = g_string_new (NULL);

  gloss_json_write_node (out, root, 0);
  g_string_append_c (out, '\n');
  fwrite (out->str, 1, out->len, stdout);
}

void
gloss_cli_article_free (gpointer data)
{
  GlossCliArticle *item = data;

  g_object_unref (item->article);
  g_free (item->name);
  g_clear_pointer (&item->annotation_files, g_ptr_array_unref);
  g_free (item);
}

static void
add_item (GPtrArray  *items,
          GFile      *article,
          const char *name,
          GFile      *annotation_file)
{
  GlossCliArticle *item = g_new0 (GlossCliArticle, 1);

  item->article = g_object_ref (article);
  item->name = g_strdup (name);
  if (annotation_file != NULL)
    {
      item->annotation_files = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (item->annotation_files, g_object_ref (annotation_file));
    }
  g_ptr_array_add (items, item);
}

/* Finds the articles @path stands for; returns how many problems it met
 * (each printed). */
guint
gloss_cli_collect_articles (const char *path,
                            GPtrArray  *items)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  GFileType type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL);

  if (type == G_FILE_TYPE_UNKNOWN)
    {
      /* Translators: a file name */
      g_printerr (_("“%s”: no such file"), path);
      g_printerr ("\n");
      return 1;
    }

  if (type == G_FILE_TYPE_DIRECTORY)
    {
      g_autoptr(GPtrArray) articles = gloss_corpus_list_articles (file, NULL, &error);

      if (articles == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (articles->len == 0)
        {
          /* Translators: a folder name */
          g_printerr (_("“%s” holds no annotated article"), path);
          g_printerr ("\n");
        }

      for (guint i = 0; i < articles->len; i++)
        {
          GlossCorpusArticle *entry = g_ptr_array_index (articles, i);
          g_autofree char *name = g_file_get_relative_path (file, entry->article);
          GlossCliArticle *item;

          add_item (items, entry->article, name, NULL);
          /* The walk read the folder: no need to read it again. */
          item = g_ptr_array_index (items, items->len - 1);
          item->annotation_files = g_ptr_array_ref (entry->annotation_files);
        }
      return 0;
    }

  if (gloss_cli_is_annotation_file (path))
    {
      g_autoptr(GFile) article = gloss_corpus_article_of (file);
      g_autofree char *name = NULL;

      if (article == NULL)
        {
          /* Translators: a file name */
          g_printerr (_("“%s” is not named as an annotation file (ARTICLE.ANNOTATOR.gloss.json)"), path);
          g_printerr ("\n");
          return 1;
        }
      name = g_file_get_basename (article);
      add_item (items, article, name, file);
      return 0;
    }

  {
    g_autofree char *name = g_file_get_basename (file);

    add_item (items, file, name, NULL);
  }
  return 0;
}

gboolean
gloss_cli_is_input (GFile     *destination,
                    GPtrArray *items)
{
  g_autofree char *name = g_file_get_basename (destination);
  g_autofree char *identity = NULL;

  if (name != NULL && g_str_has_suffix (name, GLOSS_ANNOTATION_FILE_SUFFIX))
    return TRUE;

  identity = gloss_file_get_identity (destination);
  if (identity == NULL)
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      GlossCliArticle *item = g_ptr_array_index (items, i);
      g_autofree char *article = gloss_file_get_identity (item->article);

      if (g_strcmp0 (article, identity) == 0)
        return TRUE;
      for (guint j = 0; item->annotation_files != NULL && j < item->annotation_files->len; j++)
        {
          g_autofree char *file = gloss_file_get_identity (g_ptr_array_index (item->annotation_files, j));

          if (g_strcmp0 (file, identity) == 0)
            return TRUE;
        }
    }

  return FALSE;
}
