/* gloss-cli-link.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* gloss-cli link: adds a relation between two annotations of an
 * annotator's file (a claim said by a company, a claim about one). */

#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-cli-save.h"
#include "gloss-error.h"

typedef struct
{
  char *annotator;
  char *type;
  char *from;
  char *to;
  char *note;
} Options;

static void
options_clear (Options *o)
{
  g_clear_pointer (&o->annotator, g_free);
  g_clear_pointer (&o->type, g_free);
  g_clear_pointer (&o->from, g_free);
  g_clear_pointer (&o->to, g_free);
  g_clear_pointer (&o->note, g_free);
}

/* What one run works on, for the open and change of each try. */
typedef struct
{
  Options *options;
  GFile *path;
  GlossSource *source;
  GlossCodebook *codebook;
  /* The relation's id once made, or found already there. */
  char *id;
} Run;

static GlossAnnotationFile *
open_file (gpointer   user_data,
           GError   **error)
{
  Run *run = user_data;

  if (!g_file_query_exists (run->path, NULL))
    {
      g_autofree char *display = g_file_get_parse_name (run->path);

      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                   /* Translators: an annotation file's name */
                   _("“%s” does not exist: annotate the passages before linking them"), display);
      return NULL;
    }

  return gloss_cli_load_writable (run->path, run->source, run->codebook, error);
}

/* The annotation @id of @file, or NULL with an error naming the file. */
static GlossAnnotation *
find_end (GlossAnnotationFile  *file,
          const char           *id,
          GError              **error)
{
  GlossAnnotation *a = gloss_layer_lookup (gloss_annotation_file_get_layer (file), id);

  if (a == NULL)
    {
      g_autofree char *display = g_file_get_parse_name (gloss_annotation_file_get_file (file));

      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                   /* Translators: an annotation file's name, then an annotation id */
                   _("“%s” has no annotation “%s” (gloss-cli list shows the ids)"), display, id);
    }

  return a;
}

static gboolean
add_relation (GlossAnnotationFile  *file,
              gpointer              user_data,
              guint                *n_changed,
              GError              **error)
{
  Run *run = user_data;
  Options *o = run->options;
  GlossLayer *layer = gloss_annotation_file_get_layer (file);
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(GError) local_error = NULL;
  GlossAnnotation *source, *target;
  GlossRelation *relation;

  g_clear_pointer (&run->id, g_free);
  if ((source = find_end (file, o->from, error)) == NULL ||
      (target = find_end (file, o->to, error)) == NULL)
    return FALSE;

  if (!gloss_codebook_check_relation (run->codebook, o->type, gloss_annotation_get_tag (source),
                                      gloss_annotation_get_tag (target), &local_error))
    {
      g_autofree char *display = g_file_get_parse_name (gloss_annotation_file_get_file (file));

      /* Translators: an annotation file's name, then what is wrong */
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("“%s”: %s"), display,
                   local_error->message);
      return FALSE;
    }

  existing = gloss_layer_get_relations_from (layer, o->from);
  for (guint i = 0; i < existing->len; i++)
    {
      GlossRelation *r = g_ptr_array_index (existing, i);

      if (strcmp (gloss_relation_get_target (r), o->to) == 0 &&
          strcmp (gloss_relation_get_rel_type (r), o->type) == 0)
        {
          run->id = g_strdup (gloss_relation_get_id (r));
          return TRUE;
        }
    }

  relation = gloss_layer_link (layer, o->type, o->from, o->to, o->note);
  g_assert (relation != NULL);
  run->id = g_strdup (gloss_relation_get_id (relation));
  *n_changed = 1;
  return TRUE;
}

/* The ids of the codebook's relation types, for a message. */
static char *
list_types (GlossCodebook *codebook)
{
  g_autoptr(GString) known = g_string_new (NULL);

  for (guint i = 0; i < gloss_codebook_get_n_relation_types (codebook); i++)
    g_string_append_printf (known, "%s%s", i ? ", " : "",
                            gloss_relation_type_get_id (gloss_codebook_get_relation_type (codebook, i)));

  return g_string_free (g_steal_pointer (&known), FALSE);
}

static int
run_link (Options    *o,
          const char *article_path)
{
  g_autoptr(GFile) article = g_file_new_for_commandline_arg (article_path);
  g_autoptr(GFile) path = NULL;
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GlossCodebook) codebook = NULL;
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  guint added = 0;
  Run run = { o, NULL, NULL, NULL, NULL };
  int status = GLOSS_CLI_OK;

  source = gloss_source_new_from_article (article, 0, NULL, &error);
  if (source == NULL || (codebook = gloss_codebook_new_for_article (article, &error)) == NULL)
    {
      gloss_cli_print_error (article_path, error);
      return GLOSS_CLI_PROBLEM;
    }

  if (gloss_codebook_lookup_relation_type (codebook, o->type) == NULL)
    {
      g_autofree char *known = list_types (codebook);

      if (*known == '\0')
        gloss_cli_usage_error ("link", _("the codebook has no relation type “%s”; it has none"), o->type);
      else
        gloss_cli_usage_error ("link", _("the codebook has no relation type “%s”; it has: %s"),
                               o->type, known);
      return GLOSS_CLI_USAGE;
    }

  path = gloss_annotation_file_path_for (gloss_source_get_file (source), o->annotator);
  run.path = path;
  run.source = source;
  run.codebook = codebook;
  file = gloss_cli_change_and_save (article_path, open_file, add_relation, &run, &added);
  if (file == NULL)
    status = GLOSS_CLI_PROBLEM;
  else
    {
      display = g_file_get_parse_name (gloss_annotation_file_get_file (file));
      /* The id alone on standard output, for scripts. */
      g_print ("%s\n", run.id);
      if (added == 0)
        {
          /* Translators: an annotation file's name */
          g_printerr (_("%s already has this relation; nothing was written"), display);
          g_printerr ("\n");
        }
    }

  g_free (run.id);
  return status;
}

int
gloss_cli_link (int    argc,
                char **argv)
{
  Options o = { 0 };
  g_auto(GStrv) files = NULL;
  GOptionEntry entries[] = {
    { "annotator", 'a', 0, G_OPTION_ARG_STRING, &o.annotator,
      N_("The annotator whose file holds both annotations (required)"), N_("ID") },
    { "type", 't', 0, G_OPTION_ARG_STRING, &o.type,
      N_("A relation type of the codebook (required)"), N_("TYPE") },
    { "from", 'f', 0, G_OPTION_ARG_STRING, &o.from,
      N_("The id of the annotation the relation goes from (required)"), N_("ID") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &o.to,
      N_("The id of the annotation the relation goes to (required)"), N_("ID") },
    { "note", 'n', 0, G_OPTION_ARG_STRING, &o.note,
      N_("A note for the relation"), N_("TEXT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("ARTICLE") },
    { NULL }
  };
  int status = GLOSS_CLI_USAGE;

  if (!gloss_cli_parse_options ("link",
                                _("Adds a relation of type TYPE from one annotation to another in the "
                                  "annotator’s file beside ARTICLE, and saves it; prints the relation’s "
                                  "id.\nThe codebook’s relation type must allow the tags of both ends; "
                                  "a relation already there is not added twice."),
                                NULL, entries, &argc, &argv))
    goto out;

  if (!gloss_cli_check_annotator ("link", o.annotator))
    goto out;
  if (o.type == NULL || o.from == NULL || o.to == NULL)
    {
      gloss_cli_usage_error ("link", _("--type, --from and --to are required"));
      goto out;
    }
  if (strcmp (o.from, o.to) == 0)
    {
      gloss_cli_usage_error ("link", _("--from and --to name the same annotation"));
      goto out;
    }
  if (files == NULL || files[1] != NULL)
    {
      gloss_cli_usage_error ("link", _("give exactly one article"));
      goto out;
    }
  if (gloss_cli_is_annotation_file (files[0]))
    {
      gloss_cli_usage_error ("link", _("give the article, not its annotation file"));
      goto out;
    }

  status = run_link (&o, files[0]);

out:
  options_clear (&o);
  return status;
}
