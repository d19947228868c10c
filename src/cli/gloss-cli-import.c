/* gloss-cli-import.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-cli-formats.h"
#include "gloss-cli-progress.h"
#include "gloss-import.h"

typedef struct
{
  const GlossFormat *format;
  char *format_name;
  char *annotator;
  char *output;
  char *article;
  char *tag;
  char *offsets;
  GlossOffsetUnit offset_unit;
  gboolean overwrite;
  char **inputs;
} Options;

static void
options_clear (Options *o)
{
  g_clear_pointer (&o->format_name, g_free);
  g_clear_pointer (&o->annotator, g_free);
  g_clear_pointer (&o->output, g_free);
  g_clear_pointer (&o->article, g_free);
  g_clear_pointer (&o->tag, g_free);
  g_clear_pointer (&o->offsets, g_free);
  g_clear_pointer (&o->inputs, g_strfreev);
}

static gboolean
check_options (Options *o)
{
  o->format = gloss_cli_parse_format ("import", o->format_name, GLOSS_FORMAT_IMPORT);
  if (o->format == NULL)
    return FALSE;
  if (o->inputs == NULL)
    {
      gloss_cli_usage_error ("import", _("no file given"));
      return FALSE;
    }
  if (o->annotator != NULL)
    {
      g_autofree char *slug = gloss_slugify (o->annotator);

      if (g_strcmp0 (slug, o->annotator) != 0)
        {
          gloss_cli_usage_error ("import",
                                 _("“%s” is not an annotator id: use lower-case letters, digits and “-” (for example “%s”)"),
                                 o->annotator, slug ? slug : "alice");
          return FALSE;
        }
    }
  if (!gloss_cli_parse_offsets ("import", o->format, GLOSS_FORMAT_IMPORT, o->offsets, &o->offset_unit))
    return FALSE;
  if ((o->article != NULL || o->tag != NULL) &&
      !gloss_cli_format_takes (o->format, GLOSS_FORMAT_IMPORT, GLOSS_FORMAT_TARGETS_ARTICLES))
    {
      g_autofree char *ids = gloss_cli_dup_format_ids (GLOSS_FORMAT_IMPORT, GLOSS_FORMAT_TARGETS_ARTICLES);

      /* Translators: the formats that take them, as in “w3c” */
      gloss_cli_usage_error ("import", _("--article and --tag go with --format %s"), ids);
      return FALSE;
    }
  if (o->output != NULL &&
      !gloss_cli_format_takes (o->format, GLOSS_FORMAT_IMPORT, GLOSS_FORMAT_CREATES_TEXTS))
    {
      g_autofree char *ids = gloss_cli_dup_format_ids (GLOSS_FORMAT_IMPORT, GLOSS_FORMAT_CREATES_TEXTS);

      /* Translators: the formats that take it, as in “doccano or labelstudio” */
      gloss_cli_usage_error ("import", _("--output goes with --format %s, which create texts"), ids);
      return FALSE;
    }

  return TRUE;
}

/* The input files @path stands for; returns how many problems it met
 * (each printed). */
static guint
collect (const GlossFormat *format,
         const char        *path,
         GPtrArray         *inputs)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  GFileType type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL);

  if (type == G_FILE_TYPE_UNKNOWN)
    {
      g_printerr (_("“%s”: no such file"), path);
      g_printerr ("\n");
      return 1;
    }

  if (type == G_FILE_TYPE_DIRECTORY)
    {
      g_autoptr(GPtrArray) found = gloss_import_list_inputs (format, file, NULL, &error);

      if (found == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (found->len == 0)
        {
          /* Translators: a folder name, then a format name */
          g_printerr (_("“%s” holds no %s file"), path, gloss_format_get_id (format));
          g_printerr ("\n");
        }
      for (guint i = 0; i < found->len; i++)
        g_ptr_array_add (inputs, g_object_ref (g_ptr_array_index (found, i)));
      return 0;
    }

  /* brat: the text names its .ann as well. */
  g_ptr_array_add (inputs, gloss_format_dup_input (format, file));
  return 0;
}

static int
run (Options *o)
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossImporter) importer = gloss_importer_new (o->format);
  g_autoptr(GlossCliProgress) progress = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *notes;
  guint failures = 0;

  for (guint i = 0; o->inputs[i] != NULL; i++)
    failures += collect (o->format, o->inputs[i], inputs);

  gloss_importer_set_annotator (importer, o->annotator);
  gloss_importer_set_default_tag (importer, o->tag);
  gloss_importer_set_overwrite (importer, o->overwrite);
  gloss_importer_set_offset_unit (importer, o->offset_unit);
  if (o->output != NULL)
    {
      g_autoptr(GFile) folder = g_file_new_for_commandline_arg (o->output);

      gloss_importer_set_output_folder (importer, folder);
    }
  if (o->article != NULL)
    {
      g_autoptr(GFile) article = g_file_new_for_commandline_arg (o->article);

      gloss_importer_set_article (importer, article);
    }

  progress = gloss_cli_progress_new (inputs->len);
  for (guint i = 0; i < inputs->len; i++)
    {
      gloss_cli_progress_update (progress, i);
      if (!gloss_importer_import_file (importer, g_ptr_array_index (inputs, i), NULL, &error))
        {
          gloss_cli_progress_clear (progress);
          g_printerr ("%s\n", error->message);
          g_clear_error (&error);
          failures++;
        }
    }
  gloss_cli_progress_update (progress, inputs->len);
  gloss_cli_progress_clear (progress);

  if (!gloss_importer_finish (importer, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      failures++;
    }

  notes = gloss_importer_get_notes (importer);
  for (guint i = 0; i < notes->len; i++)
    g_printerr ("%s\n", (const char *)g_ptr_array_index (notes, i));

  {
    guint n_annotations = gloss_importer_get_n_annotations (importer);
    guint n_files = gloss_importer_get_n_articles (importer);
    guint n_kept = gloss_importer_get_n_kept (importer);
    g_autofree char *annotations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation",
                                                                 "%u annotations", n_annotations),
                                                    n_annotations);
    g_autofree char *files = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation file",
                                                           "%u annotation files", n_files),
                                              n_files);

    /* Translators: "5 annotations", then "2 annotation files" */
    g_print (_("Imported %s into %s"), annotations, files);
    g_print ("\n");
    if (n_kept > 0)
      {
        g_print (g_dngettext (GETTEXT_PACKAGE,
                              "Kept %u item Gloss does not model in the annotation files",
                              "Kept %u items Gloss does not model in the annotation files", n_kept),
                 n_kept);
        g_print ("\n");
      }
  }

  if (failures > 0)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "%u input could not be imported",
                               "%u inputs could not be imported", failures),
                  failures);
      g_printerr ("\n");
      return GLOSS_CLI_PROBLEM;
    }

  return GLOSS_CLI_OK;
}

int
gloss_cli_import (int    argc,
                  char **argv)
{
  static const GlossCliFormatOption format_options[] = {
    { GLOSS_FORMAT_CREATES_TEXTS, N_("Takes --output, the folder where the texts are created.") },
    { GLOSS_FORMAT_TARGETS_ARTICLES, N_("Takes --article and --tag.") },
    { 0 }
  };
  Options o = { 0 };
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &o.format_name,
      N_("The format, one of those below (required)"), N_("FORMAT") },
    { "annotator", 'a', 0, G_OPTION_ARG_STRING, &o.annotator,
      N_("The annotator of the files written (by default the one the input names, else the format’s name)"),
      N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
      N_("The folder where the texts are created, for the formats that create them (beside the "
         "input by default)"),
      N_("FOLDER") },
    { "article", 0, 0, G_OPTION_ARG_FILENAME, &o.article,
      N_("The article the annotations target (by default their source, read only when it is a "
         "file in the input’s folder)"),
      N_("FILE") },
    { "tag", 't', 0, G_OPTION_ARG_STRING, &o.tag,
      N_("The tag of annotations without a tagging body (by default their motivation)"),
      N_("TAG") },
    { "offsets", 0, 0, G_OPTION_ARG_STRING, &o.offsets,
      N_("Offsets count utf16 code units or codepoints (by default as the format’s tool counts)"),
      N_("UNIT") },
    { "overwrite", 0, 0, G_OPTION_ARG_NONE, &o.overwrite,
      N_("Replace annotation files that exist already (by default they are left as they are)"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.inputs, NULL, N_("INPUT…") },
    { NULL }
  };
  g_autofree char *description = NULL;
  int status;

  description = gloss_cli_format_help (GLOSS_FORMAT_IMPORT, format_options,
                                       _("Every span is checked against the text; a mismatch is reported with "
                                         "the file and line. An input file is imported whole or not at all: "
                                         "when any of it is wrong, nothing of it is written.\n"
                                         "What Gloss does not model (brat relations, events and attributes, "
                                         "doccano relations, other Label Studio results) is kept in the "
                                         "annotation files and counted in the report."));
  if (!gloss_cli_parse_options ("import",
                                _("Reads annotations made in another tool and writes Gloss annotation "
                                  "files beside the articles.\n"
                                  "INPUT is a file of the format, or a folder searched for them."),
                                description, entries, &argc, &argv))
    {
      options_clear (&o);
      return GLOSS_CLI_USAGE;
    }

  status = check_options (&o) ? run (&o) : GLOSS_CLI_USAGE;
  options_clear (&o);
  return status;
}
