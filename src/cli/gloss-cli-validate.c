/* gloss-cli-validate.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-cli-common.h"

static void
problem (const char *path,
         const char *message)
{
  g_print ("%s: %s\n", path, message);
}

/* Reports the attributes of @a that the codebook does not allow; returns
 * how many. */
static guint
check_attributes (const char      *path,
                  GlossCodebook   *codebook,
                  GlossAnnotation *a)
{
  GVariant *attributes = gloss_annotation_get_attributes (a);
  GVariantIter iter;
  const char *id;
  GVariant *value;
  guint count = 0;

  if (attributes == NULL)
    return 0;

  g_variant_iter_init (&iter, attributes);
  while (g_variant_iter_next (&iter, "{&sv}", &id, &value))
    {
      g_autoptr(GError) error = NULL;

      if (!gloss_codebook_check_attribute (codebook, gloss_annotation_get_tag (a), id, value, &error))
        {
          /* Translators: an annotation id, then what is wrong with it */
          g_autofree char *message = g_strdup_printf (_("annotation “%s”: %s"),
                                                      gloss_annotation_get_id (a), error->message);
          problem (path, message);
          count++;
        }
    }

  return count;
}

/* The annotation at an end of @relation, or NULL after reporting the end
 * as missing. */
static GlossAnnotation *
relation_end (const char    *path,
              GlossLayer    *layer,
              GlossRelation *relation,
              const char    *end,
              guint         *count)
{
  GlossAnnotation *a = gloss_layer_lookup (layer, end);

  if (a == NULL)
    {
      /* Translators: a relation id, then an annotation id */
      g_autofree char *message = g_strdup_printf (_("relation “%s” links “%s”, which is not an annotation of the file"),
                                                  gloss_relation_get_id (relation), end);
      problem (path, message);
      (*count)++;
    }
  else if (gloss_annotation_get_status (a) == GLOSS_ANCHOR_ORPHANED)
    {
      g_autofree char *message = g_strdup_printf (_("relation “%s” links the orphaned annotation “%s”"),
                                                  gloss_relation_get_id (relation), end);
      problem (path, message);
      (*count)++;
    }

  return a;
}

/* Reports the relations whose ends are missing or orphaned, or whose
 * type the codebook lacks or does not allow between the tags of their
 * ends; returns how many problems. */
static guint
check_relations (const char    *path,
                 GlossCodebook *codebook,
                 GlossLayer    *layer)
{
  guint count = 0;

  for (guint i = 0; i < gloss_layer_get_n_relations (layer); i++)
    {
      GlossRelation *relation = gloss_layer_get_relation (layer, i);
      GlossAnnotation *source = relation_end (path, layer, relation, gloss_relation_get_source (relation), &count);
      GlossAnnotation *target = relation_end (path, layer, relation, gloss_relation_get_target (relation), &count);
      const char *type = gloss_relation_get_rel_type (relation);
      g_autoptr(GError) error = NULL;

      if (gloss_codebook_lookup_relation_type (codebook, type) == NULL ||
          (source != NULL && target != NULL &&
           !gloss_codebook_check_relation (codebook, type, gloss_annotation_get_tag (source),
                                           gloss_annotation_get_tag (target), &error)))
        {
          g_autofree char *message = NULL;

          if (error == NULL)
            gloss_codebook_check_relation (codebook, type, "", "", &error);
          /* Translators: a relation id, then what is wrong with it */
          message = g_strdup_printf (_("relation “%s”: %s"), gloss_relation_get_id (relation),
                                     error->message);
          problem (path, message);
          count++;
        }
    }

  return count;
}

/* Reports what is wrong with one annotation file that did load; returns
 * the number of problems. */
static guint
check_file (GlossAnnotationFile *file)
{
  g_autofree char *path = g_file_get_parse_name (gloss_annotation_file_get_file (file));
  GlossLayer *layer = gloss_annotation_file_get_layer (file);
  GListModel *model = G_LIST_MODEL (layer);
  GPtrArray *problems = gloss_annotation_file_get_problems (file);
  GlossCodebook *codebook = gloss_annotation_file_get_codebook (file);
  guint n = g_list_model_get_n_items (model);
  guint count = 0, moved = 0;

  for (guint i = 0; i < problems->len; i++, count++)
    problem (path, g_ptr_array_index (problems, i));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (model, i);
      const char *tag = gloss_annotation_get_tag (a);

      if (gloss_annotation_file_lookup_tag (file, tag) == NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("annotation “%s” has the tag “%s”, which is neither in the codebook nor described in the file"),
                             gloss_annotation_get_id (a), tag);
          problem (path, message);
          count++;
        }
      if (codebook != NULL)
        count += check_attributes (path, codebook, a);

      switch (gloss_annotation_get_status (a))
        {
        case GLOSS_ANCHOR_MOVED:
          moved++;
          break;

        case GLOSS_ANCHOR_ORPHANED:
          {
            g_autofree char *message =
              g_strdup_printf (_("annotation “%s” is orphaned: its quote “%s” is no longer in the article"),
                               gloss_annotation_get_id (a), gloss_annotation_get_quote (a));
            problem (path, message);
            count++;
          }
          break;

        case GLOSS_ANCHOR_ANCHORED:
        default:
          break;
        }
    }

  if (moved > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "the article changed since the file was saved: %u annotation moved",
                                      "the article changed since the file was saved: %u annotations moved",
                                      moved),
                         moved);
      problem (path, message);
      count++;
    }

  if (codebook != NULL)
    count += check_relations (path, codebook, layer);

  return count;
}

int
gloss_cli_validate (int    argc,
                    char **argv)
{
  g_auto(GStrv) files = NULL;
  GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };
  guint problems = 0;

  if (!gloss_cli_parse_options ("validate",
                                _("Checks annotation files: well-formed JSON of the Gloss format, every "
                                  "field present and of the right type, ids unique, offsets inside the "
                                  "article, every quote found in the article, every tag known, every attribute "
                                  "value and relation allowed by the codebook, every relation’s ends "
                                  "present and anchored.\n"
                                  "FILE is an annotation file, or an article (all its annotation files)."),
                                _("Prints one “FILE: problem” line per problem; exits with 1 if there is any."),
                                entries, &argc, &argv))
    return GLOSS_CLI_USAGE;

  if (files == NULL)
    {
      gloss_cli_usage_error ("validate", _("no file given"));
      return GLOSS_CLI_USAGE;
    }

  /* Files that cannot be read are problems like any other: validate's
   * output is its report, so they go to stdout too. */
  gloss_cli_errors_to_stdout = TRUE;

  for (guint i = 0; files[i]; i++)
    {
      g_autoptr(GPtrArray) opened = g_ptr_array_new_with_free_func (g_object_unref);

      problems += gloss_cli_open_inputs (files[i], NULL, GLOSS_LOAD_NONE, opened);
      for (guint j = 0; j < opened->len; j++)
        problems += check_file (g_ptr_array_index (opened, j));
    }

  return problems ? GLOSS_CLI_PROBLEM : GLOSS_CLI_OK;
}
