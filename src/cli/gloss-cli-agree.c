/* gloss-cli-agree.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* gloss-cli agree: how far coders agree.  On articles, see
 * gloss-cli-agree-spans.c.  With --table, on general
 * reliability data from a spreadsheet: one row a unit, one column a coder
 * (a header row names them, a first column "unit" may name the units), an
 * empty cell where a coder gave no value. */

#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gloss-cli-agree.h"
#include "gloss-cli-common.h"
#include "gloss-error.h"
#include "gloss-file-io.h"
#include "gloss-reliability.h"

/* A reliability table is a spreadsheet a person made: far below this. */
#define MAX_TABLE_SIZE (64 * 1024 * 1024)

static const char * const level_names[] = { "nominal", "ordinal", "interval", "ratio" };

/* Splits CSV (RFC 4180: quoted cells, "" for a quote inside one, CRLF or
 * LF) into rows of cells.  Each row is a GStrv; @lines gets the line each
 * row starts on.  FALSE with @error for a quote left open. */
static GPtrArray *
split_csv (const char  *data,
           gsize        length,
           const char  *display,
           GArray      *lines,
           GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) row = g_ptr_array_new ();
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *p = data, *end = data + length;
  guint line = 1, row_line = 1;
  gboolean quoted = FALSE, in_row = FALSE;

  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  for (; p < end; p++)
    {
      char c = *p;

      if (quoted)
        {
          if (c == '"' && p + 1 < end && p[1] == '"')
            {
              g_string_append_c (cell, '"');
              p++;
            }
          else if (c == '"')
            quoted = FALSE;
          else
            {
              if (c == '\n')
                line++;
              g_string_append_c (cell, c);
            }
          continue;
        }

      if (!in_row)
        {
          row_line = line;
          in_row = TRUE;
        }

      if (c == '"' && cell->len == 0)
        quoted = TRUE;
      else if (c == ',')
        {
          g_ptr_array_add (row, g_string_free (g_steal_pointer (&cell), FALSE));
          cell = g_string_new (NULL);
        }
      else if (c == '\n' || c == '\r')
        {
          if (c == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          g_ptr_array_add (row, g_string_free (g_steal_pointer (&cell), FALSE));
          cell = g_string_new (NULL);
          g_ptr_array_add (row, NULL);
          g_ptr_array_add (rows, g_ptr_array_steal (row, NULL));
          g_array_append_val (lines, row_line);
          line++;
          in_row = FALSE;
        }
      else
        g_string_append_c (cell, c);
    }

  if (quoted)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   /* Translators: a file name, then a line number */
                   _("%s:%u: a quoted cell is never closed"), display, row_line);
      return NULL;
    }
  if (in_row)
    {
      g_ptr_array_add (row, g_string_free (g_steal_pointer (&cell), FALSE));
      g_ptr_array_add (row, NULL);
      g_ptr_array_add (rows, g_ptr_array_steal (row, NULL));
      g_array_append_val (lines, row_line);
    }

  return g_steal_pointer (&rows);
}

/* Reads the table into reliability data; the coders' names into @coders. */
static GlossReliabilityData *
read_table (const char             *path,
            GlossReliabilityLevel   level,
            GPtrArray              *coders,
            GError                **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autofree char *display = g_file_get_parse_name (file);
  g_autofree char *data = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GlossReliabilityData) table = NULL;
  char **header;
  guint first, n_cells;
  gsize length;

  if (!gloss_file_read_regular (file, MAX_TABLE_SIZE, NULL, &data, &length, error))
    return NULL;
  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("%s: not UTF-8 text"), display);
      return NULL;
    }

  rows = split_csv (data, length, display, lines, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("%s: the table is empty: it needs a header row naming the coders"), display);
      return NULL;
    }

  header = g_ptr_array_index (rows, 0);
  n_cells = g_strv_length (header);
  first = g_ascii_strcasecmp (g_strstrip (header[0]), "unit") == 0 ? 1 : 0;
  if (n_cells <= first)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("%s: the header row names no coder"), display);
      return NULL;
    }
  for (guint i = first; i < n_cells; i++)
    g_ptr_array_add (coders, g_strdup (g_strstrip (header[i])));

  table = gloss_reliability_data_new (n_cells - first);
  for (guint r = 1; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);
      guint line = g_array_index (lines, guint, r);
      guint unit;

      /* A blank line is no unit. */
      if (g_strv_length (row) == 1 && row[0][0] == '\0')
        continue;
      if (g_strv_length (row) != n_cells)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       /* Translators: a file name, a line number, then two numbers of cells */
                       _("%s:%u: this row has %u cells, the header row %u"),
                       display, line, g_strv_length (row), n_cells);
          return NULL;
        }

      unit = gloss_reliability_data_add_unit (table);
      for (guint i = first; i < n_cells; i++)
        {
          const char *value = g_strstrip (row[i]);
          char *number_end = NULL;
          double number;

          if (value[0] == '\0')
            continue;
          if (level == GLOSS_RELIABILITY_NOMINAL)
            {
              gloss_reliability_data_set (table, unit, i - first, value);
              continue;
            }
          number = g_ascii_strtod (value, &number_end);
          if (number_end == value || *number_end != '\0' || !isfinite (number))
            {
              g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                           /* Translators: a file name, a line number, a value, a coder's name,
                            * then a level of measurement (ordinal, interval, ratio) */
                           _("%s:%u: “%s” (coder “%s”) is not a number, which the %s level needs"),
                           display, line, value, (const char *) g_ptr_array_index (coders, i - first),
                           level_names[level]);
              return NULL;
            }
          gloss_reliability_data_set_number (table, unit, i - first, number);
        }
    }

  return g_steal_pointer (&table);
}

typedef struct
{
  const char *key;    /* in the JSON */
  const char *label;  /* in the table, translated with _() */
  gboolean  (*compute) (GlossReliabilityData *, GlossReliabilityResult *, GError **);
} Measure;

static const Measure measures[] = {
  { "percent_agreement", N_("Percent agreement"), gloss_reliability_percent_agreement },
  { "cohen_kappa", N_("Cohen’s κ"), gloss_reliability_cohen_kappa },
  { "scott_pi", N_("Scott’s π"), gloss_reliability_scott_pi },
  { "fleiss_kappa", N_("Fleiss’ κ"), gloss_reliability_fleiss_kappa },
};

char *
gloss_cli_agree_format_result (const GlossReliabilityResult *result)
{
  return result->defined ? g_strdup_printf ("%.3f", result->value) : g_strdup ("—");
}

char *
gloss_cli_agree_format_score (const GlossScore *score)
{
  return score->status == GLOSS_SCORE_DEFINED ? g_strdup_printf ("%.3f", score->value) : g_strdup ("—");
}

void
gloss_cli_agree_add_result (JsonBuilder                  *values,
                            JsonBuilder                  *reasons,
                            const char                   *key,
                            const GlossReliabilityResult *result)
{
  json_builder_set_member_name (values, key);
  if (result->defined)
    json_builder_add_double_value (values, result->value);
  else
    {
      json_builder_add_null_value (values);
      json_builder_set_member_name (reasons, key);
      json_builder_add_string_value (reasons, result->reason);
    }
}

static void
print_row (GString                      *out,
           const char                   *label,
           const GlossReliabilityResult *result)
{
  /* Padded by characters: κ, π, α and ’ are more than a byte. */
  g_string_append (out, label);
  for (glong n = g_utf8_strlen (label, -1); n < 30; n++)
    g_string_append_c (out, ' ');
  if (result->defined)
    g_string_append_printf (out, "%6.3f\n", result->value);
  else
    g_string_append_printf (out, "     —  %s\n", result->reason);
}

static int
agree_table (const char            *path,
             GlossReliabilityLevel  level,
             gboolean               json)
{
  g_autoptr(GPtrArray) coders = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GlossReliabilityData) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) values = json_builder_new ();
  g_autoptr(JsonBuilder) reasons = json_builder_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  GlossReliabilityResult alpha;

  data = read_table (path, level, coders, &error);
  if (data == NULL)
    {
      g_printerr ("%s\n", error->message);
      return GLOSS_CLI_PROBLEM;
    }

  json_builder_begin_object (values);
  json_builder_begin_object (reasons);

  if (!gloss_reliability_alpha (data, level, &alpha, &error))
    {
      g_printerr ("%s: %s\n", path, error->message);
      return GLOSS_CLI_PROBLEM;
    }
  json_builder_set_member_name (values, "alpha");
  json_builder_begin_object (values);
  json_builder_set_member_name (reasons, "alpha");
  json_builder_begin_object (reasons);
  gloss_cli_agree_add_result (values, reasons, level_names[level], &alpha);
  json_builder_end_object (values);
  json_builder_end_object (reasons);

  g_string_append_printf (out, _("%u units, %u coders; level: %s\n\n"),
                          gloss_reliability_data_get_n_units (data), coders->len,
                          level_names[level]);
  {
    g_autofree char *label = g_strdup_printf (_("Krippendorff’s α (%s)"), level_names[level]);

    print_row (out, label, &alpha);
  }

  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    {
      GlossReliabilityResult result;

      if (!measures[i].compute (data, &result, &error))
        {
          g_printerr ("%s: %s\n", path, error->message);
          return GLOSS_CLI_PROBLEM;
        }
      gloss_cli_agree_add_result (values, reasons, measures[i].key, &result);
      print_row (out, _(measures[i].label), &result);
    }

  json_builder_set_member_name (values, "units");
  json_builder_add_int_value (values, gloss_reliability_data_get_n_units (data));
  json_builder_set_member_name (values, "pairable_values");
  json_builder_add_int_value (values, alpha.n_pairable);
  json_builder_set_member_name (values, "coders");
  json_builder_add_int_value (values, coders->len);
  json_builder_set_member_name (values, "coder_names");
  json_builder_begin_array (values);
  for (guint i = 0; i < coders->len; i++)
    json_builder_add_string_value (values, g_ptr_array_index (coders, i));
  json_builder_end_array (values);
  json_builder_set_member_name (values, "level");
  json_builder_add_string_value (values, level_names[level]);
  json_builder_end_object (reasons);
  json_builder_set_member_name (values, "undefined");
  json_builder_add_value (values, json_builder_get_root (reasons));
  json_builder_end_object (values);

  if (json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (values);

      gloss_cli_print_json (root);
    }
  else
    g_print ("%s", out->str);

  return GLOSS_CLI_OK;
}

int
gloss_cli_agree (int    argc,
                 char **argv)
{
  g_autofree char *table = NULL;
  g_autofree char *level_name = NULL;
  g_autofree char *disagreements = NULL;
  g_auto(GStrv) annotators = NULL;
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) rest = NULL;
  gboolean json = FALSE;
  gboolean per_article = FALSE;
  GlossReliabilityLevel level = GLOSS_RELIABILITY_NOMINAL;
  GOptionEntry entries[] = {
    { "annotator", 'a', 0, G_OPTION_ARG_STRING_ARRAY, &annotators,
      N_("Measure only this annotator (repeat for several)"), N_("ID") },
    { "tag", 't', 0, G_OPTION_ARG_STRING_ARRAY, &tags,
      N_("Measure only this tag (repeat for several)"), N_("TAG") },
    { "disagreements", 0, 0, G_OPTION_ARG_FILENAME, &disagreements,
      N_("Write every disagreement of every pair to this CSV file"), N_("FILE.csv") },
    { "per-article", 0, 0, G_OPTION_ARG_NONE, &per_article,
      N_("Also give the measures of each article"), NULL },
    { "table", 0, 0, G_OPTION_ARG_FILENAME, &table,
      N_("Reliability data: a CSV file, one row a unit, one column a coder named in the header row"),
      N_("FILE.csv") },
    { "level", 0, 0, G_OPTION_ARG_STRING, &level_name,
      N_("The level of measurement of the values: nominal (the default), ordinal, interval or ratio"),
      N_("LEVEL") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  if (!gloss_cli_parse_options ("agree", _("[OPTION…] INPUT… | --table FILE.csv"),
                                _("Measures how far annotators agree on the passages of articles "
                                  "(INPUT: an article, an annotation file or a folder): per pair "
                                  "and for the group, per tag and over all tags, span F1 strict and "
                                  "lenient, Cohen’s κ, Scott’s π, Fleiss’ κ and Krippendorff’s α on "
                                  "tokens, and Krippendorff’s α_U on characters.\n\n"
                                  "With --table, on general reliability data: Krippendorff’s α at "
                                  "the level given, percent agreement, Cohen’s κ and Scott’s π for "
                                  "two coders, Fleiss’ κ when every unit has as many values."),
                                entries, &argc, &argv))
    return GLOSS_CLI_USAGE;

  if (table == NULL)
    {
      if (rest == NULL || rest[0] == NULL)
        {
          gloss_cli_usage_error ("agree", _("give articles, annotation files or folders, "
                                            "or reliability data with --table FILE.csv"));
          return GLOSS_CLI_USAGE;
        }
      if (level_name != NULL)
        {
          gloss_cli_usage_error ("agree", _("--level goes with --table"));
          return GLOSS_CLI_USAGE;
        }
      return gloss_cli_agree_spans (rest, annotators, tags, disagreements, per_article, json);
    }
  if (annotators != NULL || tags != NULL || disagreements != NULL || per_article)
    {
      gloss_cli_usage_error ("agree", _("--annotator, --tag, --disagreements and --per-article go "
                                        "with articles, not with --table"));
      return GLOSS_CLI_USAGE;
    }

  if (level_name != NULL)
    {
      guint i;

      for (i = 0; i < G_N_ELEMENTS (level_names); i++)
        if (g_ascii_strcasecmp (level_name, level_names[i]) == 0)
          break;
      if (i == G_N_ELEMENTS (level_names))
        {
          gloss_cli_usage_error ("agree", _("unknown level “%s”: nominal, ordinal, interval or ratio"),
                                 level_name);
          return GLOSS_CLI_USAGE;
        }
      level = i;
    }

  if (rest != NULL && rest[0] != NULL)
    {
      gloss_cli_usage_error ("agree", _("give either articles or --table FILE.csv, not both"));
      return GLOSS_CLI_USAGE;
    }

  return agree_table (table, level, json);
}
