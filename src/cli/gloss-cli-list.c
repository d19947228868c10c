/* gloss-cli-list.c
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

static void
add_rows_text (GString             *out,
               GlossAnnotationFile *file)
{
  GlossLayer *layer = gloss_annotation_file_get_layer (file);
  GListModel *model = G_LIST_MODEL (layer);
  const char *annotator = gloss_layer_get_annotator_id (layer);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (model, i);

      gloss_cli_append_row (out, annotator, a);

      /* Keep memory flat on files of many annotations. */
      if (out->len > 1 << 20)
        {
          fwrite (out->str, 1, out->len, stdout);
          g_string_truncate (out, 0);
        }
    }
}

/* An annotation's attributes as a JSON object. */
static void
add_attributes_json (JsonBuilder *builder,
                     GVariant    *attributes)
{
  GVariantIter iter;
  const char *id;
  GVariant *value;

  json_builder_begin_object (builder);
  g_variant_iter_init (&iter, attributes);
  while (g_variant_iter_next (&iter, "{&sv}", &id, &value))
    {
      json_builder_set_member_name (builder, id);
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
        json_builder_add_boolean_value (builder, g_variant_get_boolean (value));
      else if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
        json_builder_add_double_value (builder, g_variant_get_double (value));
      else
        json_builder_add_string_value (builder, g_variant_get_string (value, NULL));
      g_variant_unref (value);
    }
  json_builder_end_object (builder);
}

static void
add_rows_json (JsonBuilder         *builder,
               GlossAnnotationFile *file)
{
  GlossLayer *layer = gloss_annotation_file_get_layer (file);
  GListModel *model = G_LIST_MODEL (layer);
  const char *annotator = gloss_layer_get_annotator_id (layer);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (model, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "annotator");
      json_builder_add_string_value (builder, annotator);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, gloss_annotation_get_id (a));
      json_builder_set_member_name (builder, "tag");
      json_builder_add_string_value (builder, gloss_annotation_get_tag (a));
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, gloss_annotation_get_start (a));
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, gloss_annotation_get_end (a));
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder,
                                     gloss_anchor_status_to_string (gloss_annotation_get_status (a)));
      json_builder_set_member_name (builder, "quote");
      json_builder_add_string_value (builder, gloss_annotation_get_quote (a));
      if (gloss_annotation_get_attributes (a) != NULL)
        {
          json_builder_set_member_name (builder, "attributes");
          add_attributes_json (builder, gloss_annotation_get_attributes (a));
        }
      json_builder_end_object (builder);
    }
}

static void
add_relation_rows_text (GString             *out,
                        GlossAnnotationFile *file)
{
  GlossLayer *layer = gloss_annotation_file_get_layer (file);
  const char *annotator = gloss_layer_get_annotator_id (layer);

  for (guint i = 0; i < gloss_layer_get_n_relations (layer); i++)
    {
      GlossRelation *r = gloss_layer_get_relation (layer, i);
      const char *cells[] = { annotator, gloss_relation_get_id (r), gloss_relation_get_rel_type (r),
                              gloss_relation_get_source (r), gloss_relation_get_target (r),
                              gloss_layer_relation_needs_attention (layer, r) ? "needs-attention" : "ok",
                              gloss_relation_get_note (r) };

      for (guint j = 0; j < G_N_ELEMENTS (cells); j++)
        {
          if (j > 0)
            g_string_append_c (out, '\t');
          gloss_cli_print_cell (out, cells[j]);
        }
      g_string_append_c (out, '\n');
    }
}

static void
add_relation_rows_json (JsonBuilder         *builder,
                        GlossAnnotationFile *file)
{
  GlossLayer *layer = gloss_annotation_file_get_layer (file);
  const char *annotator = gloss_layer_get_annotator_id (layer);

  for (guint i = 0; i < gloss_layer_get_n_relations (layer); i++)
    {
      GlossRelation *r = gloss_layer_get_relation (layer, i);
      const char *keys[] = { "annotator", "id", "type", "source", "target", "note", "created", "modified" };
      const char *values[] = { annotator, gloss_relation_get_id (r), gloss_relation_get_rel_type (r),
                               gloss_relation_get_source (r), gloss_relation_get_target (r),
                               gloss_relation_get_note (r), gloss_relation_get_created (r),
                               gloss_relation_get_modified (r) };

      json_builder_begin_object (builder);
      for (guint j = 0; j < G_N_ELEMENTS (keys); j++)
        {
          json_builder_set_member_name (builder, keys[j]);
          json_builder_add_string_value (builder, values[j]);
        }
      json_builder_set_member_name (builder, "needs_attention");
      json_builder_add_boolean_value (builder, gloss_layer_relation_needs_attention (layer, r));
      json_builder_end_object (builder);
    }
}

int
gloss_cli_list (int    argc,
                char **argv)
{
  g_autofree char *annotator = NULL;
  g_auto(GStrv) files = NULL;
  gboolean json = FALSE;
  gboolean relations = FALSE;
  GOptionEntry entries[] = {
    { "annotator", 'a', 0, G_OPTION_ARG_STRING, &annotator,
      N_("Only the annotations of this annotator"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print a JSON array of objects instead of a table"), NULL },
    { "relations", 'r', 0, G_OPTION_ARG_NONE, &relations,
      N_("List the relations between annotations instead of the annotations"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };
  g_autoptr(GPtrArray) opened = g_ptr_array_new_with_free_func (g_object_unref);
  guint problems = 0;

  if (!gloss_cli_parse_options ("list",
                                _("Lists every annotation, where it is in the article now.\n"
                                  "FILE is an article (all its annotation files) or an annotation file."),
                                _("Columns: annotator, id, tag, start, end, status (anchored, moved or "
                                  "orphaned), quote.\nOffsets count Unicode characters, end excluded.\n"
                                  "With --relations: annotator, id, type, source, target (annotation "
                                  "ids), status (ok, or needs-attention when an end is missing or "
                                  "orphaned), note."),
                                entries, &argc, &argv))
    return GLOSS_CLI_USAGE;

  if (files == NULL)
    {
      gloss_cli_usage_error ("list", _("no file given"));
      return GLOSS_CLI_USAGE;
    }

  for (guint i = 0; files[i]; i++)
    problems += gloss_cli_open_inputs (files[i], annotator, GLOSS_LOAD_ALLOW_NEWER, opened);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < opened->len; i++)
        {
          if (relations)
            add_relation_rows_json (builder, g_ptr_array_index (opened, i));
          else
            add_rows_json (builder, g_ptr_array_index (opened, i));
        }
      json_builder_end_array (builder);

      root = json_builder_get_root (builder);
      gloss_cli_print_json (root);
    }
  else if (relations)
    {
      g_autoptr(GString) out = g_string_new ("annotator\tid\ttype\tsource\ttarget\tstatus\tnote\n");

      for (guint i = 0; i < opened->len; i++)
        add_relation_rows_text (out, g_ptr_array_index (opened, i));
      fwrite (out->str, 1, out->len, stdout);
    }
  else
    {
      g_autoptr(GString) out = g_string_new ("annotator\tid\ttag\tstart\tend\tstatus\tquote\n");

      for (guint i = 0; i < opened->len; i++)
        add_rows_text (out, g_ptr_array_index (opened, i));
      fwrite (out->str, 1, out->len, stdout);
    }

  return problems ? GLOSS_CLI_PROBLEM : GLOSS_CLI_OK;
}
