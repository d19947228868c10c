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
#include "gloss-corpus-status.h"

#define N_STATUSES (GLOSS_WORK_NEEDS_ATTENTION + 1)

typedef struct
{
  GStrv annotators;
  guint *counts;   /* by annotator, then status: [annotator * N_STATUSES + status] */
  guint problems;
  GPtrArray *messages;   /* what was said on stderr, for the JSON */
} Tally;

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
       GlossArticleStatus *status)
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

static void
print_row (GString            *out,
           GlossCliArticle    *item,
           GlossArticleStatus *status,
           GlossAnnotatorWork *work)
{
  g_autofree char *modified = format_time (work->modified);

  gloss_cli_print_cell (out, item->name);
  g_string_append_c (out, '\t');
  gloss_cli_print_cell (out, work->annotator);
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
work_to_json (GlossCliArticle    *item,
              GlossAnnotatorWork *work)
{
  JsonObject *object = json_object_new ();
  g_autofree char *modified = format_time (work->modified);
  g_autofree char *file = file_name (item, work);

  json_object_set_string_member (object, "annotator", work->annotator);
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
article_to_json (GlossCliArticle    *item,
                 GlossArticleStatus *status)
{
  JsonObject *object = json_object_new ();
  JsonArray *annotators = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (object, "article", item->name);
  json_object_set_string_member (object, "title", status->title);
  json_object_set_int_member (object, "length", status->length);
  set_nullable_string (object, "problem", status->problem);
  for (guint i = 0; i < status->work->len; i++)
    json_array_add_object_element (annotators,
                                   work_to_json (item, g_ptr_array_index (status->work, i)));
  json_object_set_array_member (object, "annotators", annotators);

  json_node_take_object (node, object);
  return node;
}

static void
print_summary (GString *out,
               Tally   *tally)
{
  for (guint i = 0; tally->annotators[i] != NULL; i++)
    {
      guint *c = tally->counts + i * N_STATUSES;
      guint total = c[0] + c[1] + c[2] + c[3];

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
    g_print ("article\tannotator\tstatus\tpassages\tmoved\torphaned\tmodified\ttitle\n");

  for (guint i = 0; i < items->len; i++)
    {
      GlossCliArticle *item = g_ptr_array_index (items, i);
      g_autoptr(GlossArticleStatus) status = gloss_cli_read_ahead_take (read_ahead, i);

      count (tally, status);
      if (as_json)
        {
          json_array_add_element (articles, article_to_json (item, status));
          continue;
        }
      g_string_truncate (out, 0);
      for (guint k = 0; k < status->work->len; k++)
        print_row (out, item, status, g_ptr_array_index (status->work, k));
      /* No annotator at all in the corpus: the article still shows. */
      if (status->work->len == 0)
        {
          GlossAnnotatorWork nobody = { "-", NULL, GLOSS_WORK_NOT_STARTED, 0, 0, 0, 0, -1, NULL, NULL };

          print_row (out, item, status, &nobody);
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
  GOptionEntry entries[] = {
    { "annotator", 'a', 0, G_OPTION_ARG_STRING, &annotator,
      N_("Only this annotator’s work"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json,
      N_("Print JSON instead of a table"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("FOLDER…") },
    { NULL }
  };
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (gloss_cli_article_free);
  g_autoptr(GHashTable) annotators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree guint *counts = NULL;
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  Tally tally = { NULL };
  guint problems;

  if (!gloss_cli_parse_options ("status",
                                _("Shows how far each annotator has got on each article under "
                                  "FOLDER: passages, status (not-started, in-progress, done, "
                                  "needs-attention), moved and orphaned passages and when the file "
                                  "last changed; then how many articles each annotator has done."),
                                NULL, entries, &argc, &argv))
    return GLOSS_CLI_USAGE;

  if (paths == NULL)
    {
      gloss_cli_usage_error ("status", _("give at least one folder"));
      return GLOSS_CLI_USAGE;
    }

  tally.messages = messages;
  problems = gloss_cli_scan_corpus (paths, items, annotators, messages);
  if (annotator != NULL)
    {
      g_hash_table_remove_all (annotators);
      g_hash_table_add (annotators, g_strdup (annotator));
    }
  tally.annotators = gloss_cli_sorted_ids (annotators);
  counts = g_new0 (guint, (g_strv_length (tally.annotators) + 1) * N_STATUSES);
  tally.counts = counts;

  /* JSON is printed even for nothing, so that a script always reads an
   * object. */
  if (items->len > 0 || as_json)
    report (items, &tally, as_json);

  g_strfreev (tally.annotators);
  return problems + tally.problems > 0 ? GLOSS_CLI_PROBLEM : GLOSS_CLI_OK;
}
