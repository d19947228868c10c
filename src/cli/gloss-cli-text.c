/* gloss-cli-text.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "gloss-cli-common.h"

static const char *
kind_name (GlossBlockKind kind)
{
  switch (kind)
    {
    case GLOSS_BLOCK_HEADING:
      return "heading";
    case GLOSS_BLOCK_LIST_ITEM:
      return "list-item";
    case GLOSS_BLOCK_QUOTE:
      return "quote";
    case GLOSS_BLOCK_PREFORMATTED:
      return "preformatted";
    case GLOSS_BLOCK_PARAGRAPH:
    default:
      return "paragraph";
    }
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* [start, end, kind, level], the level left out when it is negative. */
static void
add_range (JsonBuilder *builder,
           guint        start,
           guint        end,
           const char  *kind,
           int          level)
{
  json_builder_begin_array (builder);
  json_builder_add_int_value (builder, start);
  json_builder_add_int_value (builder, end);
  json_builder_add_string_value (builder, kind);
  if (level >= 0)
    json_builder_add_int_value (builder, level);
  json_builder_end_array (builder);
}

static void
print_json (GlossSource *source)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree gpointer *keys = NULL;
  GHashTable *metadata = gloss_source_get_metadata_table (source);
  GPtrArray *warnings = gloss_source_get_warnings (source);
  const GlossBlock *blocks;
  guint n_blocks = 0;
  const GlossSpan *spans;
  guint n_spans = 0;
  guint n_keys = 0;

  json_builder_begin_object (builder);
  add_string_or_null (builder, "text", gloss_source_get_text (source));
  add_string_or_null (builder, "title", gloss_source_get_title (source));
  add_string_or_null (builder, "media_type", gloss_source_get_media_type (source));
  add_string_or_null (builder, "encoding", gloss_source_get_encoding (source));
  add_string_or_null (builder, "extractor", gloss_source_get_reader (source));

  /* In a stable order, so that the output can be compared. */
  json_builder_set_member_name (builder, "metadata");
  json_builder_begin_object (builder);
  keys = g_hash_table_get_keys_as_array (metadata, &n_keys);
  qsort (keys, n_keys, sizeof (gpointer), compare_keys);
  for (guint i = 0; i < n_keys; i++)
    add_string_or_null (builder, keys[i], g_hash_table_lookup (metadata, keys[i]));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "blocks");
  json_builder_begin_array (builder);
  blocks = gloss_source_get_blocks (source, &n_blocks);
  for (guint i = 0; i < n_blocks; i++)
    add_range (builder, blocks[i].start, blocks[i].end, kind_name (blocks[i].kind), blocks[i].level);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "spans");
  json_builder_begin_array (builder);
  spans = gloss_source_get_spans (source, &n_spans);
  for (guint i = 0; i < n_spans; i++)
    add_range (builder, spans[i].start, spans[i].end,
               spans[i].kind == GLOSS_SPAN_STRONG ? "strong" : "emphasis", -1);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < warnings->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (warnings, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  gloss_cli_print_json (root);
}

int
gloss_cli_text (int    argc,
                char **argv)
{
  g_auto(GStrv) files = NULL;
  g_autoptr(GFile) article = NULL;
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print a JSON object with the text, its blocks and its metadata"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE") },
    { NULL }
  };
  GPtrArray *warnings;

  if (!gloss_cli_parse_options ("text",
                                _("Prints the text of an article as Gloss reads it: the text that "
                                  "annotation offsets count in.\n"
                                  "FILE is a plain-text, HTML or XML article."),
                                _("The text is printed as it is, with no line break added at the end. "
                                  "Warnings, such as a page that seems cut short, go to standard error."),
                                entries, &argc, &argv))
    return GLOSS_CLI_USAGE;

  if (files == NULL)
    {
      gloss_cli_usage_error ("text", _("no file given"));
      return GLOSS_CLI_USAGE;
    }

  if (files[1] != NULL)
    {
      gloss_cli_usage_error ("text", _("give one file only"));
      return GLOSS_CLI_USAGE;
    }

  article = g_file_new_for_commandline_arg (files[0]);
  source = gloss_source_new_from_article (article, 0, NULL, &error);
  if (source == NULL)
    {
      gloss_cli_print_error (files[0], error);
      return GLOSS_CLI_PROBLEM;
    }

  warnings = gloss_source_get_warnings (source);
  for (guint i = 0; i < warnings->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (warnings, i));

  if (json)
    print_json (source);
  else
    fwrite (gloss_source_get_text (source), 1, gloss_source_get_n_bytes (source), stdout);

  return GLOSS_CLI_OK;
}
