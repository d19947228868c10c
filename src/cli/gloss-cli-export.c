/* gloss-cli-export.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "gloss-cli-common.h"
#include "gloss-cli-formats.h"
#include "gloss-cli-progress.h"
#include "gloss-annotation-file.h"
#include "gloss-corpus.h"
#include "gloss-export.h"
#include "gloss-file-io.h"

typedef struct
{
  const GlossFormat *format;
  char *format_name;
  char *output;
  char **annotators;
  char **tags;
  gboolean spreadsheet_safe;
  gboolean excel;
  gboolean side_by_side;
  char *offsets;
  GlossOffsetUnit offset_unit;
  char *scheme;
  char **inputs;
} Options;

static void
options_clear (Options *o)
{
  g_clear_pointer (&o->format_name, g_free);
  g_clear_pointer (&o->output, g_free);
  g_clear_pointer (&o->annotators, g_strfreev);
  g_clear_pointer (&o->tags, g_strfreev);
  g_clear_pointer (&o->offsets, g_free);
  g_clear_pointer (&o->scheme, g_free);
  g_clear_pointer (&o->inputs, g_strfreev);
}

/* Checks the options; FALSE after printing the usage error. */
static gboolean
check_options (Options *o)
{
  o->format = gloss_cli_parse_format ("export", o->format_name, GLOSS_FORMAT_EXPORT);
  if (o->format == NULL)
    return FALSE;
  if (o->inputs == NULL)
    {
      gloss_cli_usage_error ("export", _("no file given"));
      return FALSE;
    }
  if (gloss_cli_format_takes (o->format, GLOSS_FORMAT_EXPORT, GLOSS_FORMAT_FOLDER_ONLY) && o->output == NULL)
    {
      /* Translators: a format name such as "brat" */
      gloss_cli_usage_error ("export", _("the %s format writes a folder: give it with --output"),
                             gloss_format_get_id (o->format));
      return FALSE;
    }
  if (o->spreadsheet_safe &&
      !gloss_cli_format_takes (o->format, GLOSS_FORMAT_EXPORT, GLOSS_FORMAT_SPREADSHEET_SAFE))
    {
      g_autofree char *ids = gloss_cli_dup_format_ids (GLOSS_FORMAT_EXPORT, GLOSS_FORMAT_SPREADSHEET_SAFE);

      /* Translators: the formats that take it, as in “csv” */
      gloss_cli_usage_error ("export", _("--spreadsheet-safe goes with --format %s"), ids);
      return FALSE;
    }
  if (o->excel && !gloss_cli_format_takes (o->format, GLOSS_FORMAT_EXPORT, GLOSS_FORMAT_EXCEL))
    {
      g_autofree char *ids = gloss_cli_dup_format_ids (GLOSS_FORMAT_EXPORT, GLOSS_FORMAT_EXCEL);

      /* Translators: the formats that take it, as in “csv” */
      gloss_cli_usage_error ("export", _("--excel goes with --format %s"), ids);
      return FALSE;
    }
  if (o->side_by_side &&
      !gloss_cli_format_takes (o->format, GLOSS_FORMAT_EXPORT, GLOSS_FORMAT_ANNOTATOR_COLUMNS))
    {
      g_autofree char *ids = gloss_cli_dup_format_ids (GLOSS_FORMAT_EXPORT,
                                                       GLOSS_FORMAT_ANNOTATOR_COLUMNS);

      /* Translators: the formats that take it, as in “conll” */
      gloss_cli_usage_error ("export", _("--side-by-side goes with --format %s"), ids);
      return FALSE;
    }
  for (guint i = 0; o->side_by_side && o->annotators != NULL && o->annotators[i] != NULL; i++)
    for (guint j = 0; j < i; j++)
      if (g_str_equal (o->annotators[i], o->annotators[j]))
        {
          /* Translators: an annotator id */
          gloss_cli_usage_error ("export", _("--annotator %s is given twice"), o->annotators[i]);
          return FALSE;
        }
  if (!gloss_cli_parse_offsets ("export", o->format, GLOSS_FORMAT_EXPORT, o->offsets, &o->offset_unit))
    return FALSE;
  if (o->scheme != NULL)
    {
      if (!gloss_cli_format_takes (o->format, GLOSS_FORMAT_EXPORT, GLOSS_FORMAT_IOB_SCHEME))
        {
          g_autofree char *ids = gloss_cli_dup_format_ids (GLOSS_FORMAT_EXPORT, GLOSS_FORMAT_IOB_SCHEME);

          /* Translators: the formats that take it, as in “conll” */
          gloss_cli_usage_error ("export", _("--scheme goes with --format %s"), ids);
          return FALSE;
        }
      if (strcmp (o->scheme, "iob1") != 0 && strcmp (o->scheme, "iob2") != 0)
        {
          gloss_cli_usage_error ("export", _("--scheme is iob1 or iob2"));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
open_destination (GlossExporter  *exporter,
                  Options        *o,
                  GError        **error)
{
  g_autoptr(GFile) destination = NULL;
  gboolean as_folder;

  if (o->output == NULL || strcmp (o->output, "-") == 0)
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      return gloss_exporter_open_stream (exporter, out, error);
    }

  destination = g_file_new_for_commandline_arg (o->output);
  as_folder = gloss_cli_format_takes (o->format, GLOSS_FORMAT_EXPORT, GLOSS_FORMAT_FOLDER_ONLY) ||
              (gloss_cli_format_takes (o->format, GLOSS_FORMAT_EXPORT, GLOSS_FORMAT_FILE_OR_FOLDER) &&
               (g_str_has_suffix (o->output, "/") ||
                g_file_query_file_type (destination, G_FILE_QUERY_INFO_NONE, NULL) ==
                G_FILE_TYPE_DIRECTORY));

  return gloss_exporter_open_file (exporter, destination, as_folder, NULL, error);
}

/* Adds to @ids the annotators of the annotation files of @item, by
 * their names. */
static void
add_annotators (GlossCliArticle *item,
                GHashTable      *ids)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *article_name = g_file_get_basename (item->article);

  if (item->annotation_files != NULL)
    files = g_ptr_array_ref (item->annotation_files);
  else
    files = gloss_annotation_file_list_for (item->article, NULL, NULL);

  for (guint i = 0; files != NULL && i < files->len; i++)
    {
      g_autofree char *name = g_file_get_basename (g_ptr_array_index (files, i));
      char *id = gloss_annotation_file_name_annotator (name, article_name);

      if (id != NULL)
        g_hash_table_add (ids, id);
    }
}

/* The columns of --side-by-side: the annotators given, in their order,
 * else every annotator of the inputs but the consensus, by id; NULL after
 * saying which annotator has no file there. */
static GStrv
side_by_side_columns (Options   *o,
                      GPtrArray *items)
{
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GStrvBuilder) columns = g_strv_builder_new ();

  for (guint i = 0; i < items->len; i++)
    add_annotators (g_ptr_array_index (items, i), found);

  if (o->annotators != NULL)
    {
      for (guint i = 0; o->annotators[i] != NULL; i++)
        if (!g_hash_table_contains (found, o->annotators[i]))
          {
            /* Translators: an annotator id */
            g_printerr (_("No annotation file of %s in the inputs; nothing was written"),
                        o->annotators[i]);
            g_printerr ("\n");
            return NULL;
          }
      return g_strdupv (o->annotators);
    }

  g_hash_table_remove (found, GLOSS_CONSENSUS_ANNOTATOR);
  if (g_hash_table_size (found) == 0)
    {
      g_printerr (_("No annotation file in the inputs; nothing was written"));
      g_printerr ("\n");
      return NULL;
    }

  {
    GList *ids = g_list_sort (g_hash_table_get_keys (found), (GCompareFunc)strcmp);

    for (GList *l = ids; l != NULL; l = l->next)
      g_strv_builder_add (columns, l->data);
    g_list_free (ids);
  }
  return g_strv_builder_end (columns);
}

static int
run (Options *o)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (gloss_cli_article_free);
  g_autoptr(GlossExporter) exporter = gloss_exporter_new (o->format);
  g_autoptr(GlossCliProgress) progress = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *warnings;
  guint failures = 0;

  for (guint i = 0; o->inputs[i] != NULL; i++)
    failures += gloss_cli_collect_articles (o->inputs[i], items);

  gloss_exporter_set_annotators (exporter, (const char * const *)o->annotators);
  gloss_exporter_set_tags (exporter, (const char * const *)o->tags);
  gloss_exporter_set_spreadsheet_safe (exporter, o->spreadsheet_safe);
  gloss_exporter_set_excel (exporter, o->excel);
  if (o->side_by_side)
    {
      g_auto(GStrv) columns = side_by_side_columns (o, items);

      if (columns == NULL)
        return GLOSS_CLI_PROBLEM;
      gloss_exporter_set_annotator_columns (exporter, (const char * const *)columns);
    }
  gloss_exporter_set_offset_unit (exporter, o->offset_unit);
  if (o->scheme != NULL)
    gloss_exporter_set_scheme (exporter, strcmp (o->scheme, "iob1") == 0 ?
                               GLOSS_SCHEME_IOB1 : GLOSS_SCHEME_IOB2);

  if (o->output != NULL && strcmp (o->output, "-") != 0 &&
      !gloss_cli_format_takes (o->format, GLOSS_FORMAT_EXPORT, GLOSS_FORMAT_FOLDER_ONLY))
    {
      g_autoptr(GFile) destination = g_file_new_for_commandline_arg (o->output);

      if (gloss_cli_is_input (destination, items))
        {
          g_autofree char *display = g_file_get_parse_name (destination);

          /* Translators: a file name */
          g_printerr (_("“%s” is an article or an annotation file: the export will not "
                        "replace it. Choose another name."),
                      display);
          g_printerr ("\n");
          return GLOSS_CLI_USAGE;
        }
    }

  if (!open_destination (exporter, o, &error))
    {
      g_printerr ("%s\n", error->message);
      return GLOSS_CLI_PROBLEM;
    }

  progress = gloss_cli_progress_new (items->len);
  for (guint i = 0; i < items->len; i++)
    {
      GlossCliArticle *item = g_ptr_array_index (items, i);

      gloss_cli_progress_update (progress, i);
      if (!gloss_exporter_add_article (exporter, item->article, item->name,
                                       item->annotation_files, NULL, &error))
        {
          gloss_cli_progress_clear (progress);
          g_printerr ("%s\n", error->message);
          g_clear_error (&error);
          failures++;
          if (gloss_exporter_has_failed (exporter))
            break;
        }
    }
  gloss_cli_progress_update (progress, items->len);
  gloss_cli_progress_clear (progress);

  if (!gloss_exporter_finish (exporter, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return GLOSS_CLI_PROBLEM;
    }

  warnings = gloss_exporter_get_warnings (exporter);
  for (guint i = 0; i < warnings->len; i++)
    g_printerr ("%s\n", (const char *)g_ptr_array_index (warnings, i));

  {
    guint n_annotations = gloss_exporter_get_n_annotations (exporter);
    guint n_articles = gloss_exporter_get_n_articles (exporter);
    g_autofree char *annotations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation",
                                                                 "%u annotations", n_annotations),
                                                    n_annotations);
    g_autofree char *articles = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article",
                                                              "%u articles", n_articles),
                                                 n_articles);

    if (o->output != NULL && strcmp (o->output, "-") != 0)
      /* Translators: "5 annotations", "2 articles", then a file or folder name */
      g_printerr (_("Exported %s from %s to %s"), annotations, articles, o->output);
    else
      /* Translators: "5 annotations", then "2 articles" */
      g_printerr (_("Exported %s from %s"), annotations, articles);
    g_printerr ("\n");
  }

  if (failures > 0)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "%u input could not be exported",
                               "%u inputs could not be exported", failures),
                  failures);
      g_printerr ("\n");
      return GLOSS_CLI_PROBLEM;
    }

  return GLOSS_CLI_OK;
}

int
gloss_cli_export (int    argc,
                  char **argv)
{
  static const GlossCliFormatOption format_options[] = {
    { GLOSS_FORMAT_SPREADSHEET_SAFE, N_("Takes --spreadsheet-safe.") },
    { GLOSS_FORMAT_EXCEL, N_("Takes --excel.") },
    { GLOSS_FORMAT_IOB_SCHEME, N_("Takes --scheme.") },
    { GLOSS_FORMAT_ANNOTATOR_COLUMNS, N_("Takes --side-by-side.") },
    { GLOSS_FORMAT_FOLDER_ONLY, N_("Writes a folder: give it with --output.") },
    { GLOSS_FORMAT_FILE_OR_FOLDER, N_("Writes one file per article when --output is a folder.") },
    { 0 }
  };
  Options o = { 0 };
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &o.format_name,
      N_("The format, one of those below (required)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
      N_("Where to write: a file (standard output by default), or a folder for the formats that "
         "write one"), N_("PATH") },
    { "annotator", 'a', 0, G_OPTION_ARG_STRING_ARRAY, &o.annotators,
      N_("Only this annotator’s annotations (may be repeated)"), N_("ID") },
    { "tag", 't', 0, G_OPTION_ARG_STRING_ARRAY, &o.tags,
      N_("Only annotations with this tag (may be repeated)"), N_("TAG") },
    { "spreadsheet-safe", 0, 0, G_OPTION_ARG_NONE, &o.spreadsheet_safe,
      N_("Put ' before cells starting with = + - @ so that spreadsheets do not run them"), NULL },
    { "excel", 0, 0, G_OPTION_ARG_NONE, &o.excel,
      N_("For Excel and LibreOffice in your language: a byte-order mark, “;” between cells where "
         "decimals take a comma, and --spreadsheet-safe"), NULL },
    { "offsets", 0, 0, G_OPTION_ARG_STRING, &o.offsets,
      N_("Count offsets in utf16 code units or codepoints (by default as the format’s tool counts)"),
      N_("UNIT") },
    { "scheme", 0, 0, G_OPTION_ARG_STRING, &o.scheme,
      N_("The tagging scheme: iob2 (the default) or iob1"), N_("SCHEME") },
    { "side-by-side", 0, 0, G_OPTION_ARG_NONE, &o.side_by_side,
      N_("The annotators side by side: each article once, a tag column per annotator, in the "
         "order of --annotator (all but the consensus by default)"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.inputs, NULL, N_("INPUT…") },
    { NULL }
  };
  g_autofree char *description = NULL;
  int status;

  description = gloss_cli_format_help (GLOSS_FORMAT_EXPORT, format_options,
                                       _("Offsets count Unicode characters (code points), end excluded, except "
                                         "in doccano, which counts UTF-16 code units.\n"
                                         "A file that cannot be exported is reported and the others go on; "
                                         "the exit status is 1 then."));
  if (!gloss_cli_parse_options ("export",
                                _("Writes annotations for other tools.\n"
                                  "INPUT is an article (all its annotation files), an annotation file, "
                                  "or a folder, searched for annotated articles."),
                                description, entries, &argc, &argv))
    {
      options_clear (&o);
      return GLOSS_CLI_USAGE;
    }

  status = check_options (&o) ? run (&o) : GLOSS_CLI_USAGE;
  options_clear (&o);
  return status;
}
