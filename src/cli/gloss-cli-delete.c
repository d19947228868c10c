/* gloss-cli-delete.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* gloss-cli delete: removes from an annotator's file the annotations that
 * match every criterion given (ids, a tag, an exact span, the quoted
 * text), saved as annotate saves. */

#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "gloss-cli-save.h"
#include "gloss-error.h"
#include "gloss-tag.h"

typedef struct
{
  char *annotator;
  char **ids;
  char *tag;
  char *span;
  char *text;
  gboolean contains;
  gboolean dry_run;
  char **inputs;

  /* Parsed from the above. */
  GHashTable *id_set;
  gboolean by_span;
  guint start;
  guint end;
} Options;

static void
options_clear (Options *o)
{
  g_clear_pointer (&o->annotator, g_free);
  g_clear_pointer (&o->ids, g_strfreev);
  g_clear_pointer (&o->tag, g_free);
  g_clear_pointer (&o->span, g_free);
  g_clear_pointer (&o->text, g_free);
  g_clear_pointer (&o->inputs, g_strfreev);
  g_clear_pointer (&o->id_set, g_hash_table_unref);
}

/* START:END, two numbers of code points, START before END. */
static gboolean
parse_span (Options *o)
{
  g_auto(GStrv) parts = g_strsplit (o->span, ":", -1);
  guint64 start, end;

  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 0, G_MAXUINT, &start, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXUINT, &end, NULL))
    {
      /* Translators: what the user gave after --span */
      gloss_cli_usage_error ("delete", _("--span “%s” is not START:END, two character offsets "
                                         "such as 120:134"), o->span);
      return FALSE;
    }
  if (start >= end)
    {
      gloss_cli_usage_error ("delete", _("--span: END must be greater than START"));
      return FALSE;
    }

  o->by_span = TRUE;
  o->start = start;
  o->end = end;
  return TRUE;
}

/* TRUE when @id names an annotator: a slug, or the consensus. */
static gboolean
is_annotator_id (const char *id)
{
  g_autofree char *slug = gloss_slugify (id);

  return g_strcmp0 (slug, id) == 0 || g_str_equal (id, GLOSS_CONSENSUS_ANNOTATOR);
}

/* Checks the options that do not need the files; FALSE after printing
 * the usage error. */
static gboolean
check_options (Options *o)
{
  if (o->inputs == NULL)
    {
      gloss_cli_usage_error ("delete", _("no file given"));
      return FALSE;
    }

  if (o->ids == NULL && o->tag == NULL && o->span == NULL && o->text == NULL)
    {
      gloss_cli_usage_error ("delete", _("say what to delete: give --id, --tag, --span or --text"));
      return FALSE;
    }

  if (o->annotator != NULL && !is_annotator_id (o->annotator))
    {
      gloss_cli_usage_error ("delete",
                             _("“%s” is not an annotator id: use lower-case letters, digits and “-”, "
                               "or %s for the consensus"),
                             o->annotator, GLOSS_CONSENSUS_ANNOTATOR);
      return FALSE;
    }

  if (o->span != NULL && !parse_span (o))
    return FALSE;

  if (o->text != NULL && o->text[0] == '\0')
    {
      gloss_cli_usage_error ("delete", _("--text needs some text"));
      return FALSE;
    }

  if (o->contains && o->text == NULL)
    {
      gloss_cli_usage_error ("delete", _("--contains goes with --text"));
      return FALSE;
    }

  for (guint i = 0; o->inputs[i] != NULL; i++)
    if (o->annotator == NULL && !gloss_cli_is_annotation_file (o->inputs[i]))
      {
        gloss_cli_usage_error ("delete", _("“%s” is not an annotation file: give --annotator to "
                                           "say whose annotations to delete"), o->inputs[i]);
        return FALSE;
      }

  if (o->ids != NULL)
    {
      o->id_set = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; o->ids[i] != NULL; i++)
        g_hash_table_add (o->id_set, o->ids[i]);
    }

  return TRUE;
}

/* TRUE when @a meets every criterion of @o. */
static gboolean
matches (Options         *o,
         GlossAnnotation *a)
{
  const char *tag = gloss_annotation_get_tag (a);

  if (o->id_set != NULL && !g_hash_table_contains (o->id_set, gloss_annotation_get_id (a)))
    return FALSE;
  if (o->tag != NULL && strcmp (tag, o->tag) != 0)
    return FALSE;
  /* A consensus's rejection record is a reviewer's decision, not a
   * passage: it goes only when its tag or its id is named. */
  if (o->tag == NULL && o->id_set == NULL && strcmp (tag, GLOSS_CONSENSUS_REJECTED_TAG) == 0)
    return FALSE;
  if (o->by_span &&
      (gloss_annotation_get_start (a) != o->start || gloss_annotation_get_end (a) != o->end))
    return FALSE;
  if (o->text != NULL)
    {
      const char *quote = gloss_annotation_get_quote (a);

      if (o->contains ? strstr (quote, o->text) == NULL : strcmp (quote, o->text) != 0)
        return FALSE;
    }

  return TRUE;
}

/* The annotations of @file that match, in layer order, each held. */
static GPtrArray *
find_matches (Options             *o,
              GlossAnnotationFile *file,
              GPtrArray           *kept)
{
  GListModel *model = G_LIST_MODEL (gloss_annotation_file_get_layer (file));
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *a = g_list_model_get_item (model, i);

      if (matches (o, a))
        g_ptr_array_add (found, a);
      else if (kept != NULL)
        g_ptr_array_add (kept, a);
      else
        g_object_unref (a);
    }

  return found;
}

/* What one file's deletion works on, for the open and change of each
 * try. */
typedef struct
{
  Options *options;
  GFile *path;
  GlossSource *source;
  GlossCodebook *codebook;
} Target;

static GlossAnnotationFile *
open_target (gpointer   user_data,
             GError   **error)
{
  Target *t = user_data;

  return gloss_cli_load_writable (t->path, t->source, t->codebook, error);
}

static gboolean
remove_matches (GlossAnnotationFile  *file,
                gpointer              user_data,
                guint                *n_changed,
                GError              **error)
{
  Target *t = user_data;
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) found = find_matches (t->options, file, kept);

  /* The layer takes the others back at once: removing the matches one by
   * one would move the rest of the layer's array each time.  The relations
   * of the passages deleted go with them. */
  if (found->len > 0)
    {
      GlossLayer *layer = gloss_annotation_file_get_layer (file);

      gloss_layer_replace_all (layer, kept);
      for (guint i = 0; i < found->len; i++)
        gloss_layer_remove_relations_of (layer, gloss_annotation_get_id (g_ptr_array_index (found, i)));
    }

  *n_changed = found->len;
  return TRUE;
}

/* Prints the annotations of @found as rows of gloss-cli list's table. */
static void
print_rows (GlossAnnotationFile *file,
            GPtrArray           *found)
{
  const char *annotator = gloss_layer_get_annotator_id (gloss_annotation_file_get_layer (file));
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < found->len; i++)
    {
      GlossAnnotation *a = g_ptr_array_index (found, i);

      gloss_cli_append_row (out, annotator, a);
      if (out->len > 1 << 20)
        {
          fwrite (out->str, 1, out->len, stdout);
          g_string_truncate (out, 0);
        }
    }
  fwrite (out->str, 1, out->len, stdout);
}

/* Deletes, or with --dry-run lists, the matches of the annotation file
 * @path of @article; FALSE after printing a problem. */
static gboolean
delete_in (Options    *o,
           GFile      *article,
           GFile      *path,
           const char *input)
{
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GlossCodebook) codebook = NULL;
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = g_file_get_parse_name (path);
  Target t = { o, path, NULL, NULL };
  guint n = 0;

  source = gloss_source_new_from_article (article, 0, NULL, &error);
  codebook = source ? gloss_codebook_new_for_article (article, &error) : NULL;
  if (codebook == NULL)
    {
      gloss_cli_print_error (input, error);
      return FALSE;
    }
  t.source = source;
  t.codebook = codebook;

  if (o->dry_run)
    {
      g_autoptr(GPtrArray) found = NULL;

      file = open_target (&t, &error);
      if (file == NULL)
        {
          gloss_cli_print_error (input, error);
          return FALSE;
        }
      found = find_matches (o, file, NULL);
      print_rows (file, found);
      /* Translators: a number, then the annotation file's name */
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "Would delete %u annotation from %s",
                               "Would delete %u annotations from %s", found->len),
                  found->len, display);
      g_printerr ("\n");
      return TRUE;
    }

  file = gloss_cli_change_and_save (input, open_target, remove_matches, &t, &n);
  if (file == NULL)
    return FALSE;

  if (n == 0)
    /* Translators: the annotation file's name */
    g_print (_("No annotation matched in %s; it was left as it was"), display);
  else
    /* Translators: a number, then the annotation file's name */
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Deleted %u annotation from %s",
                          "Deleted %u annotations from %s", n),
             n, display);
  g_print ("\n");
  return TRUE;
}

/* Deletes in the files @input stands for; returns how many problems it
 * met, each printed. */
static guint
delete_input (Options    *o,
              const char *input)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (gloss_cli_article_free);
  g_autoptr(GFile) given = g_file_new_for_commandline_arg (input);
  gboolean folder = g_file_query_file_type (given, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY;
  guint problems = gloss_cli_collect_articles (input, items);
  guint n_files = 0;

  for (guint i = 0; i < items->len; i++)
    {
      GlossCliArticle *item = g_ptr_array_index (items, i);
      g_autoptr(GFile) path = NULL;

      if (gloss_cli_is_annotation_file (input))
        {
          g_autofree char *name = g_file_get_basename (given);
          g_autofree char *article_name = g_file_get_basename (item->article);
          g_autofree char *id = gloss_annotation_file_name_annotator (name, article_name);

          if (o->annotator != NULL && g_strcmp0 (id, o->annotator) != 0)
            {
              /* Translators: a file name, then an annotator id */
              g_printerr (_("“%s” is not an annotation file of %s; it was left as it was"),
                          input, o->annotator);
              g_printerr ("\n");
              problems++;
              continue;
            }
          path = g_object_ref (given);
        }
      else
        {
          path = gloss_annotation_file_path_for (item->article, o->annotator);
          /* In a folder, the articles the annotator did not annotate are
           * none of the command's business. */
          if (!g_file_query_exists (path, NULL))
            continue;
        }

      n_files++;
      if (!delete_in (o, item->article, path, input))
        problems++;
    }

  if (n_files == 0 && problems == 0 && items->len > 0)
    {
      if (folder)
        /* Translators: an annotator id, then a folder name */
        g_printerr (_("No annotation file of %s in “%s”"), o->annotator, input);
      else
        /* Translators: an annotator id, then an article's file name */
        g_printerr (_("No annotation file of %s beside “%s”"), o->annotator, input);
      g_printerr ("\n");
      problems++;
    }

  return problems;
}

int
gloss_cli_delete (int    argc,
                  char **argv)
{
  Options o = { 0 };
  GOptionEntry entries[] = {
    { "annotator", 'a', 0, G_OPTION_ARG_STRING, &o.annotator,
      N_("The annotator whose file loses the annotations (required with an article or a folder)"),
      N_("ID") },
    { "id", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.ids,
      N_("The annotation with this id (may be repeated)"), N_("ID") },
    { "tag", 't', 0, G_OPTION_ARG_STRING, &o.tag,
      N_("Annotations with this tag"), N_("TAG") },
    { "span", 's', 0, G_OPTION_ARG_STRING, &o.span,
      N_("Annotations of exactly this span: start and end in characters, end excluded"),
      N_("START:END") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &o.text,
      N_("Annotations whose quoted text is exactly TEXT"), N_("TEXT") },
    { "contains", 0, 0, G_OPTION_ARG_NONE, &o.contains,
      N_("With --text: annotations whose quoted text contains TEXT"), NULL },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &o.dry_run,
      N_("List what would be deleted, as gloss-cli list does, and write nothing"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.inputs, NULL, N_("INPUT…") },
    { NULL }
  };
  guint problems = 0;

  if (!gloss_cli_parse_options ("delete",
                                _("Deletes annotations from an annotator’s file and saves it.\n"
                                  "INPUT is an annotation file, or an article or a folder with "
                                  "--annotator."),
                                _("An annotation is deleted when it meets every criterion given; "
                                  "--id may be repeated, any of its ids then matching. At least "
                                  "one criterion is needed. A consensus’s rejection records go only "
                                  "when --tag or --id names them.\n"
                                  "Exit status 0 when every file was read, even if nothing matched; "
                                  "1 when a file could not be read or saved; 2 on a usage error."),
                                entries, &argc, &argv))
    {
      options_clear (&o);
      return GLOSS_CLI_USAGE;
    }

  if (!check_options (&o))
    {
      options_clear (&o);
      return GLOSS_CLI_USAGE;
    }

  if (o.dry_run)
    fputs ("annotator\tid\ttag\tstart\tend\tstatus\tquote\n", stdout);
  for (guint i = 0; o.inputs[i] != NULL; i++)
    problems += delete_input (&o, o.inputs[i]);

  options_clear (&o);
  return problems > 0 ? GLOSS_CLI_PROBLEM : GLOSS_CLI_OK;
}
