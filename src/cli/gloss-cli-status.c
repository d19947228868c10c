/* gloss-cli-status.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* gloss-cli status: how far each annotator has got on each article of a
 * corpus, and how many articles each has done. */

#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gloss-cli-common.h"
#include "gloss-cli-read-ahead.h"
#include "gloss-corpus-assignments.h"
#include "gloss-corpus-status.h"
#include "gloss-error.h"

#define N_STATUSES (GLOSS_WORK_NEEDS_ATTENTION + 1)

/* A folder given and its gloss-assignments.csv. */
typedef struct
{
  GFile *folder;
  GlossAssignments *assignments;
} Assigning;

static void
assigning_free (gpointer data)
{
  Assigning *assigning = data;

  g_object_unref (assigning->folder);
  gloss_assignments_free (assigning->assignments);
  g_free (assigning);
}

typedef struct
{
  GStrv annotators;
  guint *counts;   /* by annotator, then status: [annotator * N_STATUSES + status] */
  guint *assigned_counts;   /* the same, of the articles assigned to the annotator */
  guint problems;
  GPtrArray *messages;   /* what was said on stderr, for the JSON */
  GPtrArray *assigning;  /* Assigning, one per folder with the file; empty without */
  gboolean only_assigned;
} Tally;

/* The annotators @item's article is assigned to (NULL for none), from
 * the first folder given that holds it. */
static const char * const *
assigned_to (Tally           *tally,
             GlossCliArticle *item)
{
  for (guint i = 0; i < tally->assigning->len; i++)
    {
      Assigning *assigning = g_ptr_array_index (tally->assigning, i);
      g_autofree char *path = gloss_assignments_path_of (assigning->folder, item->article);

      if (path != NULL)
        return gloss_assignments_lookup (assigning->assignments, path);
    }
  return NULL;
}

/* Reads the gloss-assignments.csv of each folder of @paths into
 * @tally, adding its annotators to @annotators (when not NULL) and saying
 * which of its lines name no article of @items.  FALSE, the message
 * said, when one cannot be read or is malformed. */
static gboolean
read_assignments (Tally       *tally,
                  char       **paths,
                  GPtrArray   *items,
                  GHashTable  *annotators)
{
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) folder = g_file_new_for_commandline_arg (paths[i]);
      g_autoptr(GlossAssignments) assignments = NULL;
      g_autoptr(GHashTable) articles = NULL;
      g_autoptr(GPtrArray) warnings = NULL;
      g_autoptr(GError) error = NULL;
      Assigning *assigning;

      if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
        continue;
      assignments = gloss_assignments_load (folder, NULL, &error);
      if (assignments == NULL)
        {
          if (g_error_matches (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND))
            continue;
          gloss_cli_say (tally->messages, g_strdup (error->message));
          return FALSE;
        }

      articles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint k = 0; k < items->len; k++)
        {
          GlossCliArticle *item = g_ptr_array_index (items, k);
          char *path = gloss_assignments_path_of (folder, item->article);

          if (path != NULL)
            g_hash_table_add (articles, path);
        }
      warnings = gloss_assignments_check (assignments, articles);
      for (guint k = 0; k < warnings->len; k++)
        gloss_cli_say (tally->messages, g_strdup (g_ptr_array_index (warnings, k)));

      for (const char * const *id = gloss_assignments_get_annotators (assignments);
           annotators != NULL && *id != NULL; id++)
        g_hash_table_add (annotators, g_strdup (*id));

      assigning = g_new0 (Assigning, 1);
      assigning->folder = g_steal_pointer (&folder);
      assigning->assignments = g_steal_pointer (&assignments);
      g_ptr_array_add (tally->assigning, assigning);
    }
  return TRUE;
}

static gpointer
read_status (GlossCliArticle *item,
             gpointer         user_data,
             GCancellable    *cancellable)
{
  Tally *tally = user_data;

  return gloss_article_status_read (item->article, item->annotation_files,
                                    (const char * const *) tally->annotators, cancellable);
}

/* ISO 8601 in UTC, or NULL for -1. */
static char *
format_time (gint64 seconds)
{
  g_autoptr(GDateTime) time = NULL;

  if (seconds < 0)
    return NULL;
  time = g_date_time_new_from_unix_utc (seconds);
  return time != NULL ? g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

/* The file's path as the article's is given: beside it. */
static char *
file_name (GlossCliArticle    *item,
           GlossAnnotatorWork *work)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;

  if (work->file == NULL)
    return NULL;
  dir = g_path_get_dirname (item->name);
  base = g_file_get_basename (work->file);
  return g_strcmp0 (dir, ".") == 0 ? g_steal_pointer (&base) : g_build_filename (dir, base, NULL);
}

static void
count (Tally              *tally,
       GlossArticleStatus *status,
       const char * const *assigned)
{
  if (status->problem != NULL)
    {
      gloss_cli_say (tally->messages, g_strdup (status->problem));
      tally->problems++;
    }

  for (guint i = 0; i < status->work->len; i++)
    {
      GlossAnnotatorWork *work = g_ptr_array_index (status->work, i);

      tally->counts[i * N_STATUSES + work->status]++;
      if (assigned != NULL && g_strv_contains (assigned, work->annotator))
        tally->assigned_counts[i * N_STATUSES + work->status]++;
      /* An annotation file that cannot be read; moved passages and
       * relations that need attention are only counted. */
      if (status->problem == NULL && work->status == GLOSS_WORK_NEEDS_ATTENTION &&
          work->n_moved == 0 && work->n_orphaned == 0 && work->n_relations_attention == 0)
        {
          gloss_cli_say (tally->messages, g_strdup (work->reason));
          tally->problems++;
        }
    }
}

/* A row of the table; @assigned is NULL without assignments. */
static void
print_row (GString            *out,
           GlossCliArticle    *item,
           GlossArticleStatus *status,
           GlossAnnotatorWork *work,
           const char         *assigned)
{
  g_autofree char *modified = format_time (work->modified);

  gloss_cli_print_cell (out, item->name);
  g_string_append_c (out, '\t');
  gloss_cli_print_cell (out, work->annotator);
  if (assigned != NULL)
    g_string_append_printf (out, "\t%s", assigned);
  g_string_append_printf (out, "\t%s\t%u\t%u\t%u\t%s\t",
                          gloss_work_status_to_string (work->status),
                          work->n_passages, work->n_moved, work->n_orphaned,
                          modified != NULL ? modified : "-");
  gloss_cli_print_cell (out, status->title);
  g_string_append_c (out, '\n');
}

/* A string member, or null when @value is NULL. */
static void
set_nullable_string (JsonObject *object,
                     const char *key,
                     const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, key, value);
  else
    json_object_set_null_member (object, key);
}

static JsonObject *
work_to_json (Tally              *tally,
              GlossCliArticle    *item,
              GlossAnnotatorWork *work,
              const char * const *assigned)
{
  JsonObject *object = json_object_new ();
  g_autofree char *modified = format_time (work->modified);
  g_autofree char *file = file_name (item, work);

  json_object_set_string_member (object, "annotator", work->annotator);
  if (tally->assigning->len > 0)
    json_object_set_boolean_member (object, "assigned",
                                    assigned != NULL && g_strv_contains (assigned, work->annotator));
  set_nullable_string (object, "file", file);
  json_object_set_string_member (object, "status", gloss_work_status_to_string (work->status));
  json_object_set_int_member (object, "passages", work->n_passages);
  json_object_set_int_member (object, "moved", work->n_moved);
  json_object_set_int_member (object, "orphaned", work->n_orphaned);
  json_object_set_int_member (object, "relations_needing_attention", work->n_relations_attention);
  set_nullable_string (object, "modified", modified);
  set_nullable_string (object, "done_at", work->done_at);
  set_nullable_string (object, "reason", work->reason);

  return object;
}

static JsonNode *
article_to_json (Tally              *tally,
                 GlossCliArticle    *item,
                 GlossArticleStatus *status,
                 const char * const *assigned)
{
  JsonObject *object = json_object_new ();
  JsonArray *annotators = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (object, "article", item->name);
  json_object_set_string_member (object, "title", status->title);
  json_object_set_int_member (object, "length", status->length);
  set_nullable_string (object, "problem", status->problem);
  for (guint i = 0; i < status->work->len; i++)
    {
      GlossAnnotatorWork *work = g_ptr_array_index (status->work, i);

      if (!tally->only_assigned || (assigned != NULL && g_strv_contains (assigned, work->annotator)))
        json_array_add_object_element (annotators, work_to_json (tally, item, work, assigned));
    }
  json_object_set_array_member (object, "annotators", annotators);

  json_node_take_object (node, object);
  return node;
}

/* "alice: 12 of 40 assigned done (…); 15 of 120 articles done in all". */
static void
print_assigned_summary (GString    *out,
                        const char *annotator,
                        guint      *c,
                        guint       done,
                        guint       total)
{
  guint assigned = c[0] + c[1] + c[2] + c[3];

  /* Translators: the summary line of an annotator when the folder
   * assigns articles, such as "alice: 12 of 40 assigned done"; the first
   * %u is how many of the articles assigned to her she has done */
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s: %u of %u assigned done",
                                            "%s: %u of %u assigned done", assigned),
                          annotator, c[GLOSS_WORK_DONE], assigned);
  g_string_append_printf (out, _(" (%u in progress, %u not started, %u need attention)"),
                          c[GLOSS_WORK_IN_PROGRESS], c[GLOSS_WORK_NOT_STARTED],
                          c[GLOSS_WORK_NEEDS_ATTENTION]);
  /* Translators: what follows "alice: 12 of 40 assigned done (…)": how
   * many articles she has done of all those of the folder */
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "; %u of %u article done in all",
                                            "; %u of %u articles done in all", total),
                          done, total);
  g_string_append_c (out, '\n');
}

static void
print_summary (GString *out,
               Tally   *tally)
{
  for (guint i = 0; tally->annotators[i] != NULL; i++)
    {
      guint *c = tally->counts + i * N_STATUSES;
      guint total = c[0] + c[1] + c[2] + c[3];

      if (tally->assigning->len > 0)
        {
          print_assigned_summary (out, tally->annotators[i], tally->assigned_counts + i * N_STATUSES,
                                  c[GLOSS_WORK_DONE], total);
          continue;
        }
      /* Translators: the summary line of an annotator, such as "alice:
       * 38 of 120 articles done"; the first %u is how many are done */
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s: %u of %u article done",
                                                "%s: %u of %u articles done", total),
                              tally->annotators[i], c[GLOSS_WORK_DONE], total);
      /* Translators: what follows "alice: 38 of 120 articles done": how
       * many are in progress, not started and need attention */
      g_string_append_printf (out, _(" (%u in progress, %u not started, %u need attention)"),
                              c[GLOSS_WORK_IN_PROGRESS], c[GLOSS_WORK_NOT_STARTED],
                              c[GLOSS_WORK_NEEDS_ATTENTION]);
      g_string_append_c (out, '\n');
    }
}

static JsonNode *
summary_to_json (Tally *tally)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; tally->annotators[i] != NULL; i++)
    {
      JsonObject *object = json_object_new ();
      guint total = 0;

      json_object_set_string_member (object, "annotator", tally->annotators[i]);
      for (guint s = 0; s < N_STATUSES; s++)
        {
          guint n = tally->counts[i * N_STATUSES + s];

          json_object_set_int_member (object, gloss_work_status_to_string (s), n);
          total += n;
        }
      json_object_set_int_member (object, "articles", total);
      if (tally->assigning->len > 0)
        {
          JsonObject *assigned = json_object_new ();

          total = 0;
          for (guint s = 0; s < N_STATUSES; s++)
            {
              guint n = tally->assigned_counts[i * N_STATUSES + s];

              json_object_set_int_member (assigned, gloss_work_status_to_string (s), n);
              total += n;
            }
          json_object_set_int_member (assigned, "articles", total);
          json_object_set_object_member (object, "assigned", assigned);
        }
      json_array_add_object_element (array, object);
    }

  json_node_take_array (node, array);
  return node;
}

static JsonArray *
messages_to_json (GPtrArray *messages)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < messages->len; i++)
    json_array_add_string_element (array, g_ptr_array_index (messages, i));
  return array;
}

/* Prints each article's rows as soon as it is read; the JSON once all
 * are. */
static void
report (GPtrArray *items,
        Tally     *tally,
        gboolean   as_json)
{
  g_autoptr(GlossCliReadAhead) read_ahead = NULL;
  g_autoptr(JsonArray) articles = json_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);

  read_ahead = gloss_cli_read_ahead_new_full (items, read_status, tally,
                                              (GDestroyNotify) gloss_article_status_free);
  if (!as_json)
    g_print (tally->assigning->len > 0
             ? "article\tannotator\tassigned\tstatus\tpassages\tmoved\torphaned\tmodified\ttitle\n"
             : "article\tannotator\tstatus\tpassages\tmoved\torphaned\tmodified\ttitle\n");

  for (guint i = 0; i < items->len; i++)
    {
      GlossCliArticle *item = g_ptr_array_index (items, i);
      g_autoptr(GlossArticleStatus) status = gloss_cli_read_ahead_take (read_ahead, i);
      const char * const *assigned = assigned_to (tally, item);

      count (tally, status, assigned);
      if (as_json)
        {
          if (!tally->only_assigned || assigned != NULL)
            json_array_add_element (articles, article_to_json (tally, item, status, assigned));
          continue;
        }
      g_string_truncate (out, 0);
      for (guint k = 0; k < status->work->len; k++)
        {
          GlossAnnotatorWork *work = g_ptr_array_index (status->work, k);
          gboolean is_assigned = assigned != NULL && g_strv_contains (assigned, work->annotator);

          if (tally->only_assigned && !is_assigned)
            continue;
          print_row (out, item, status, work,
                     tally->assigning->len == 0 ? NULL : is_assigned ? "yes" : "no");
        }
      /* No annotator at all in the corpus: the article still shows. */
      if (status->work->len == 0 && !tally->only_assigned)
        {
          GlossAnnotatorWork nobody = { .annotator = (char *) "-", .status = GLOSS_WORK_NOT_STARTED, .modified = -1 };

          print_row (out, item, status, &nobody, tally->assigning->len == 0 ? NULL : "no");
        }
      fwrite (out->str, 1, out->len, stdout);
    }

  if (as_json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_array_member (object, "articles", g_steal_pointer (&articles));
      json_object_set_member (object, "summary", summary_to_json (tally));
      json_object_set_array_member (object, "problems", messages_to_json (tally->messages));
      json_node_take_object (root, object);
      gloss_cli_print_json (root);
      return;
    }

  g_string_truncate (out, 0);
  g_string_append_c (out, '\n');
  print_summary (out, tally);
  fwrite (out->str, 1, out->len, stdout);
}

int
gloss_cli_status (int    argc,
                  char **argv)
{
  g_autofree char *annotator = NULL;
  g_auto(GStrv) paths = NULL;
  gboolean as_json = FALSE;
  gboolean only_assigned = FALSE;
  GOptionEntry entries[] = {
    { "annotator", 'a', 0, G_OPTION_ARG_STRING, &annotator,
      N_("Only this annotator’s work"), N_("ID") },
    { "assigned", 0, 0, G_OPTION_ARG_NONE, &only_assigned,
      N_("Only the rows of articles assigned to their annotator (gloss-assignments.csv)"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json,
      N_("Print JSON instead of a table"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("FOLDER…") },
    { NULL }
  };
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (gloss_cli_article_free);
  g_autoptr(GHashTable) annotators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree guint *counts = NULL;
  g_autofree guint *assigned_counts = NULL;
  g_autoptr(GPtrArray) assigning = g_ptr_array_new_with_free_func (assigning_free);
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  Tally tally = { NULL };
  guint problems;

  if (!gloss_cli_parse_options ("status",
                                _("Shows how far each annotator has got on each article under "
                                  "FOLDER: passages, status (not-started, in-progress, done, "
                                  "needs-attention), moved and orphaned passages and when the file "
                                  "last changed; then how many articles each annotator has done. "
                                  "When a FOLDER holds gloss-assignments.csv, each row says whether "
                                  "the article is assigned to the annotator, and the summary how "
                                  "many of those assigned are done."),
                                NULL, entries, &argc, &argv))
    return GLOSS_CLI_USAGE;

  if (paths == NULL)
    {
      gloss_cli_usage_error ("status", _("give at least one folder"));
      return GLOSS_CLI_USAGE;
    }

  tally.messages = messages;
  tally.assigning = assigning;
  tally.only_assigned = only_assigned;
  problems = gloss_cli_scan_corpus (paths, items, annotators, messages);
  /* A malformed file stops the command: a report without the
   * assignments would be taken for one with them. */
  if (!read_assignments (&tally, paths, items, annotators))
    return GLOSS_CLI_PROBLEM;
  if (only_assigned && assigning->len == 0)
    {
      /* Without the file, everyone sees everything. */
      /* Translators: the file's name, gloss-assignments.csv */
      gloss_cli_say (messages, g_strdup_printf (_("--assigned: no folder given holds %s; every "
                                                  "article is listed"), GLOSS_ASSIGNMENTS_FILE_NAME));
      tally.only_assigned = FALSE;
    }
  if (annotator != NULL)
    {
      g_hash_table_remove_all (annotators);
      g_hash_table_add (annotators, g_strdup (annotator));
    }
  tally.annotators = gloss_cli_sorted_ids (annotators);
  counts = g_new0 (guint, (g_strv_length (tally.annotators) + 1) * N_STATUSES);
  tally.counts = counts;
  assigned_counts = g_new0 (guint, (g_strv_length (tally.annotators) + 1) * N_STATUSES);
  tally.assigned_counts = assigned_counts;

  /* JSON is printed even for nothing, so that a script always reads an
   * object. */
  if (items->len > 0 || as_json)
    report (items, &tally, as_json);

  g_strfreev (tally.annotators);
  return problems + tally.problems > 0 ? GLOSS_CLI_PROBLEM : GLOSS_CLI_OK;
}
