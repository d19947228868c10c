/* gloss-cli-annotate.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "gloss-cli-save.h"
#include "gloss-error.h"
#include "gloss-search.h"

/* What --start and --end hold when they are not given. */
#define UNSET G_MININT64

typedef struct
{
  char *annotator;
  char *name;
  char *tag;
  char *match;
  char *note;
  GStrv attrs;
  /* The values of --attr, checked against the codebook: id → GVariant. */
  GHashTable *attributes;
  gint64 start;
  gint64 end;
  gboolean whole_word;
  gboolean ignore_case;
} Options;

static void
options_clear (Options *options)
{
  g_clear_pointer (&options->annotator, g_free);
  g_clear_pointer (&options->name, g_free);
  g_clear_pointer (&options->tag, g_free);
  g_clear_pointer (&options->match, g_free);
  g_clear_pointer (&options->note, g_free);
  g_clear_pointer (&options->attrs, g_strfreev);
  g_clear_pointer (&options->attributes, g_hash_table_unref);
}

/* Checks the options that do not need the article; FALSE after printing
 * the usage error. */
static gboolean
check_options (Options *o)
{
  gboolean by_range = o->start != UNSET || o->end != UNSET;

  if (!gloss_cli_check_annotator ("annotate", o->annotator))
    return FALSE;

  if (o->tag == NULL)
    {
      gloss_cli_usage_error ("annotate", _("--tag is required"));
      return FALSE;
    }

  if (by_range == (o->match != NULL))
    {
      gloss_cli_usage_error ("annotate", _("give either --start and --end, or --match"));
      return FALSE;
    }

  if (by_range && (o->start == UNSET || o->end == UNSET))
    {
      gloss_cli_usage_error ("annotate", _("--start and --end go together"));
      return FALSE;
    }

  if (by_range && o->start < 0)
    {
      gloss_cli_usage_error ("annotate", _("--start counts characters from 0; it cannot be negative"));
      return FALSE;
    }

  if (by_range && o->start >= o->end)
    {
      gloss_cli_usage_error ("annotate", _("--end must be greater than --start"));
      return FALSE;
    }

  if (!by_range && (o->match[0] == '\0'))
    {
      gloss_cli_usage_error ("annotate", _("--match needs some text"));
      return FALSE;
    }

  if ((o->whole_word || o->ignore_case) && by_range)
    {
      gloss_cli_usage_error ("annotate", _("--whole-word and --ignore-case go with --match"));
      return FALSE;
    }

  return TRUE;
}

/* What one run works on, for the open and change of each try. */
typedef struct
{
  Options *options;
  const char *article_path;
  GlossSource *source;
  GlossCodebook *codebook;
  GArray *ranges;
  guint n_set;
} Run;

static GlossAnnotationFile *
open_or_create (gpointer   user_data,
                GError   **error)
{
  Run *run = user_data;
  Options *o = run->options;
  g_autoptr(GFile) path = gloss_annotation_file_path_for (gloss_source_get_file (run->source), o->annotator);
  GlossAnnotationFile *file;

  if (g_file_query_exists (path, NULL))
    {
      file = gloss_cli_load_writable (path, run->source, run->codebook, error);
      if (file != NULL && o->name != NULL)
        gloss_layer_set_annotator_name (gloss_annotation_file_get_layer (file), o->name);
    }
  else
    {
      file = gloss_annotation_file_new (run->source, o->annotator, o->name ? o->name : o->annotator);
      gloss_annotation_file_set_codebook (file, run->codebook);
    }

  return file;
}

/* Gives @a the attributes of --attr, and when @is_new the codebook's
 * defaults for its tag that --attr does not give; returns whether any
 * changed. */
static gboolean
set_attributes (GlossLayer      *layer,
                GlossAnnotation *a,
                gboolean         is_new,
                GlossCodebook   *codebook,
                Options         *o)
{
  g_autoptr(GVariant) defaults = is_new ? gloss_codebook_get_default_attributes (codebook, o->tag) : NULL;
  GHashTableIter iter;
  GVariantIter defaults_iter;
  gpointer id, value;
  const char *default_id;
  GVariant *fallback;
  gboolean changed = FALSE;

  if (defaults != NULL)
    {
      g_variant_iter_init (&defaults_iter, defaults);
      while (g_variant_iter_next (&defaults_iter, "{&sv}", &default_id, &fallback))
        {
          if (!g_hash_table_contains (o->attributes, default_id))
            changed |= gloss_layer_set_attribute (layer, a, default_id, fallback);
          g_variant_unref (fallback);
        }
    }

  g_hash_table_iter_init (&iter, o->attributes);
  while (g_hash_table_iter_next (&iter, &id, &value))
    changed |= gloss_layer_set_attribute (layer, a, id, value);

  return changed;
}

/* Adds the passages of @ranges to @file's layer, with their attributes,
 * as one step of its history; returns how many were new, and sets
 * *@n_set to how many that were there already got other attributes. */
static guint
apply (GlossAnnotationFile *file,
       GArray              *ranges,
       GlossCodebook       *codebook,
       Options             *o,
       guint               *n_set)
{
  GlossLayer *layer = gloss_annotation_file_get_layer (file);
  guint added = 0;

  *n_set = 0;
  gloss_layer_begin_group (layer);
  for (guint i = 0; i < ranges->len; i++)
    {
      GlossRange *r = &g_array_index (ranges, GlossRange, i);
      GlossAnnotation *a = gloss_layer_annotate (layer, o->tag, r->start, r->end, o->note);

      if (a != NULL)
        {
          added++;
          set_attributes (layer, a, TRUE, codebook, o);
        }
      else if ((a = gloss_layer_find (layer, o->tag, r->start, r->end)) != NULL &&
               set_attributes (layer, a, FALSE, codebook, o))
        (*n_set)++;
    }
  gloss_layer_end_group (layer);

  return added;
}

/* Reads the values of --attr against the codebook's attributes of the
 * tag; FALSE after printing the usage error. */
static gboolean
parse_attributes (Options       *o,
                  GlossCodebook *codebook)
{
  o->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_variant_unref);

  for (guint i = 0; o->attrs != NULL && o->attrs[i] != NULL; i++)
    {
      const char *equals = strchr (o->attrs[i], '=');
      g_autofree char *id = NULL;
      g_autoptr(GError) error = NULL;
      GlossAttributeDef *def;
      GVariant *value;

      if (equals == NULL || equals == o->attrs[i])
        {
          gloss_cli_usage_error ("annotate", _("--attr takes KEY=VALUE, not “%s”"), o->attrs[i]);
          return FALSE;
        }

      id = g_strndup (o->attrs[i], equals - o->attrs[i]);
      def = gloss_codebook_lookup_attribute (codebook, id);
      if (def != NULL && !gloss_attribute_def_applies_to (def, o->tag))
        def = NULL;
      value = def != NULL ? gloss_attribute_def_parse_value (def, equals + 1, &error) : NULL;
      if (value == NULL)
        {
          if (error == NULL)
            gloss_codebook_check_attribute (codebook, o->tag, id, g_variant_new_string (equals + 1), &error);
          gloss_cli_usage_error ("annotate", "%s", error->message);
          return FALSE;
        }
      if (g_hash_table_contains (o->attributes, id))
        {
          g_variant_unref (value);
          gloss_cli_usage_error ("annotate", _("--attr gives “%s” twice"), id);
          return FALSE;
        }
      g_hash_table_insert (o->attributes, g_steal_pointer (&id), value);
    }

  return TRUE;
}

/* How many bytes the file would hold with @n_new more annotations like
 * those of @ranges: what it holds now, plus what the annotations of an
 * even sample of the ranges take in a file of their own.  The quote, the
 * context and the offsets make up most of an annotation, so the sample
 * is close; the save checks the exact size anyway. */
static guint64
estimate_size (GlossAnnotationFile *file,
               GlossSource         *source,
               GlossCodebook       *codebook,
               GArray              *ranges,
               guint                n_new,
               Options             *o)
{
  g_autoptr(GlossAnnotationFile) sample = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *full = NULL;
  GlossLayer *layer;
  guint n_sample = MIN (ranges->len, 64);
  gsize empty_length, full_length;
  guint64 base, per_annotation;

  sample = gloss_annotation_file_new (source, o->annotator, o->name ? o->name : o->annotator);
  gloss_annotation_file_set_codebook (sample, codebook);
  empty = gloss_annotation_file_serialize (sample, &empty_length);

  layer = gloss_annotation_file_get_layer (sample);
  for (guint i = 0; i < n_sample; i++)
    {
      GlossRange *r = &g_array_index (ranges, GlossRange, (guint64)i * ranges->len / n_sample);

      gloss_layer_annotate (layer, o->tag, r->start, r->end, o->note);
    }
  full = gloss_annotation_file_serialize (sample, &full_length);
  per_annotation = (full_length - empty_length) / MAX (n_sample, 1);

  info = g_file_query_info (gloss_annotation_file_get_file (file), G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  base = info != NULL ? (guint64)g_file_info_get_size (info) : empty_length;

  return base + (guint64)n_new * per_annotation;
}

/* Refuses, before any annotation is made, a --match that would give the
 * file more than its reader accepts: a file the other commands and the
 * window would refuse to open is worse than none. */
static gboolean
check_match_fits (GlossAnnotationFile  *file,
                  GlossSource          *source,
                  GlossCodebook        *codebook,
                  GArray               *ranges,
                  Options              *o,
                  const char           *article_path,
                  GError              **error)
{
  GlossLayer *layer = gloss_annotation_file_get_layer (file);
  g_autofree char *display = NULL;
  g_autofree char *size = NULL;
  guint n_new = 0;
  guint64 estimate;

  for (guint i = 0; i < ranges->len; i++)
    {
      GlossRange *r = &g_array_index (ranges, GlossRange, i);

      if (gloss_layer_find (layer, o->tag, r->start, r->end) == NULL)
        n_new++;
    }

  if (n_new == 0)
    return TRUE;

  estimate = estimate_size (file, source, codebook, ranges, n_new, o);
  if (estimate <= GLOSS_ANNOTATION_FILE_MAX_SIZE)
    return TRUE;

  display = g_file_get_parse_name (gloss_annotation_file_get_file (file));
  size = g_format_size_full (estimate, G_FORMAT_SIZE_IEC_UNITS);
  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
               /* Translators: the text searched for, how often it occurs, the
                * article, the annotation file, its size (such as "308.2 MiB"),
                * then the limit in MiB */
               g_dngettext (GETTEXT_PACKAGE,
                            "“%s” occurs %u time in %s: annotating it would make %s about %s, "
                            "more than the %u MiB an annotation file may hold. Nothing was written; "
                            "narrow the search, for example with --whole-word.",
                            "“%s” occurs %u times in %s: annotating them would make %s about %s, "
                            "more than the %u MiB an annotation file may hold. Nothing was written; "
                            "narrow the search, for example with --whole-word.",
                            n_new),
               o->match, n_new, article_path, display, size,
               (guint)(GLOSS_ANNOTATION_FILE_MAX_SIZE / (1024 * 1024)));
  return FALSE;
}

static gboolean
change (GlossAnnotationFile  *file,
        gpointer              user_data,
        guint                *n_changed,
        GError              **error)
{
  Run *r = user_data;

  if (r->options->match != NULL &&
      !check_match_fits (file, r->source, r->codebook, r->ranges, r->options, r->article_path, error))
    return FALSE;

  *n_changed = apply (file, r->ranges, r->codebook, r->options, &r->n_set);
  *n_changed += r->n_set;
  return TRUE;
}

static int
run (Options    *o,
     const char *article_path)
{
  g_autoptr(GFile) article = g_file_new_for_commandline_arg (article_path);
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GlossCodebook) codebook = NULL;
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autoptr(GArray) ranges = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  guint added = 0, n_set = 0;

  source = gloss_source_new_from_article (article, 0, NULL, &error);
  if (source == NULL)
    {
      gloss_cli_print_error (article_path, error);
      return GLOSS_CLI_PROBLEM;
    }

  codebook = gloss_codebook_new_for_article (article, &error);
  if (codebook == NULL)
    {
      gloss_cli_print_error (article_path, error);
      return GLOSS_CLI_PROBLEM;
    }

  if (gloss_codebook_lookup (codebook, o->tag) == NULL)
    {
      g_autoptr(GString) known = g_string_new (NULL);

      for (guint i = 0; gloss_codebook_get_tag (codebook, i) != NULL; i++)
        g_string_append_printf (known, "%s%s", i ? ", " : "",
                                gloss_tag_get_id (gloss_codebook_get_tag (codebook, i)));
      gloss_cli_usage_error ("annotate", _("the codebook has no tag “%s”; it has: %s"),
                             o->tag, known->str);
      return GLOSS_CLI_USAGE;
    }

  if (!parse_attributes (o, codebook))
    return GLOSS_CLI_USAGE;

  if (o->match == NULL && o->end > gloss_source_get_length (source))
    {
      gloss_cli_usage_error ("annotate",
                             _("--end %" PRId64 " is past the end of the article (%u characters)"),
                             (int64_t)o->end, gloss_source_get_length (source));
      return GLOSS_CLI_USAGE;
    }

  if (o->match != NULL)
    {
      GlossFindFlags flags = GLOSS_FIND_NONE;

      if (o->whole_word)
        flags |= GLOSS_FIND_WHOLE_WORD;
      if (o->ignore_case)
        flags |= GLOSS_FIND_IGNORE_CASE;
      ranges = gloss_source_find_all (source, o->match, flags);
    }
  else
    {
      GlossRange range = { o->start, o->end };

      ranges = g_array_new (FALSE, FALSE, sizeof (GlossRange));
      g_array_append_val (ranges, range);
    }

  {
    Run r = { o, article_path, source, codebook, ranges, 0 };

    file = gloss_cli_change_and_save (article_path, open_or_create, change, &r, &added);
    if (file == NULL)
      return GLOSS_CLI_PROBLEM;
    added -= r.n_set;
    n_set = r.n_set;
  }

  display = g_file_get_parse_name (gloss_annotation_file_get_file (file));

  if (added == 0 && !g_file_query_exists (gloss_annotation_file_get_file (file), NULL))
    /* Translators: the annotation file's name */
    g_print (_("Added no annotation; %s was not created"), display);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Added %u annotation to %s",
                          "Added %u annotations to %s", added),
             added, display);
  g_print ("\n");
  if (n_set > 0)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "Set the attributes of %u annotation that was there already",
                            "Set the attributes of %u annotations that were there already", n_set),
               n_set);
      g_print ("\n");
    }

  if (ranges->len == 0)
    {
      /* Translators: the text searched for, then the article's file name */
      g_printerr (_("“%s” does not occur in %s"), o->match, article_path);
      g_printerr ("\n");
    }
  else if (added < ranges->len)
    {
      guint skipped = ranges->len - added;

      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "%u was already annotated with this tag",
                               "%u were already annotated with this tag", skipped),
                  skipped);
      g_printerr ("\n");
    }

  return GLOSS_CLI_OK;
}

int
gloss_cli_annotate (int    argc,
                    char **argv)
{
  Options o = { .start = UNSET, .end = UNSET };
  g_auto(GStrv) files = NULL;
  GOptionEntry entries[] = {
    { "annotator", 'a', 0, G_OPTION_ARG_STRING, &o.annotator,
      N_("The annotator whose file receives the annotations (required)"), N_("ID") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &o.name,
      N_("The annotator’s full name, recorded in the file"), N_("NAME") },
    { "tag", 't', 0, G_OPTION_ARG_STRING, &o.tag,
      N_("A tag id of the codebook (required)"), N_("TAG") },
    { "start", 's', 0, G_OPTION_ARG_INT64, &o.start,
      N_("First character of the passage (counted from 0)"), N_("N") },
    { "end", 'e', 0, G_OPTION_ARG_INT64, &o.end,
      N_("Character after the passage"), N_("N") },
    { "match", 'm', 0, G_OPTION_ARG_STRING, &o.match,
      N_("Annotate every occurrence of this text"), N_("TEXT") },
    { "whole-word", 'w', 0, G_OPTION_ARG_NONE, &o.whole_word,
      N_("With --match: only occurrences that are whole words"), NULL },
    { "ignore-case", 'i', 0, G_OPTION_ARG_NONE, &o.ignore_case,
      N_("With --match: ignore the case of letters"), NULL },
    { "note", 'n', 0, G_OPTION_ARG_STRING, &o.note,
      N_("A note for every annotation added"), N_("TEXT") },
    { "attr", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.attrs,
      N_("Give the annotations the attribute KEY of the codebook, with VALUE (repeatable)"),
      N_("KEY=VALUE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("ARTICLE") },
    { NULL }
  };
  int status;

  if (!gloss_cli_parse_options ("annotate",
                                _("Adds annotations to an annotator’s file beside ARTICLE, creating the "
                                  "file if needed, and saves it.\n"
                                  "The passage is given by offsets (Unicode characters, end excluded) "
                                  "or by text: --match tags every occurrence, as one step.\n"
                                  "--attr sets attributes the codebook defines for the tag, on the new "
                                  "annotations and on those already there; new annotations also get the "
                                  "codebook’s defaults."),
                                NULL, entries, &argc, &argv))
    {
      options_clear (&o);
      return GLOSS_CLI_USAGE;
    }

  if (files == NULL || files[1] != NULL)
    {
      gloss_cli_usage_error ("annotate", _("give exactly one article"));
      options_clear (&o);
      return GLOSS_CLI_USAGE;
    }

  if (gloss_cli_is_annotation_file (files[0]))
    {
      gloss_cli_usage_error ("annotate", _("give the article, not its annotation file"));
      options_clear (&o);
      return GLOSS_CLI_USAGE;
    }

  status = check_options (&o) ? run (&o, files[0]) : GLOSS_CLI_USAGE;
  options_clear (&o);
  return status;
}
