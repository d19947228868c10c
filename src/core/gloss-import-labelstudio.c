/* gloss-import-labelstudio.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Label Studio's JSON export: a list of tasks,
 *
 *   {"data": {"text": ...},
 *    "annotations": [{"result": [{"id": ..., "type": "labels",
 *                                 "value": {"start", "end", "text", "labels": [...]}}, ...]}]}
 *
 * ("completions" in old versions).  Each task becomes an article (its text
 * written as NAME-0001.txt, ...) and each of its annotations an annotation
 * file.  A region with several labels gives one annotation per label; a
 * per-region "textarea" result (same id) gives its note.  Offsets are
 * UTF-16 code units unless code points are asked for, and value.text must
 * be the text at them.  Results of other types, predictions and the
 * task's other keys are kept in the annotation file ("x-labelstudio"). */

#define G_LOG_DOMAIN "gloss-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-import-private.h"

typedef struct
{
  guint start;
  guint end;
  const char *id;
  JsonArray *labels;
  const char *note;
} Region;

typedef struct
{
  GlossImporter *self;
  const char *display;
  guint line;
  GString *problems;
  const char *text;
  GlossUtf16Map *map;
  GlossSource *check;     /* the text, to compare value.text with */
} Task;

static gboolean
read_region (Task       *t,
             JsonObject *result,
             Region     *region)
{
  JsonObject *value = _gloss_json_get_object (result, "value");
  const char *quote = _gloss_json_get_string (value, "text");
  const char *id = _gloss_json_get_string (result, "id");
  guint start, end, cp_start, cp_end;
  g_autofree char *actual = NULL;

  if (value == NULL || quote == NULL ||
      !_gloss_json_get_uint (json_object_get_member (value, "start"), &start) ||
      !_gloss_json_get_uint (json_object_get_member (value, "end"), &end) ||
      _gloss_json_get_array (value, "labels") == NULL)
    {
      _gloss_import_problem (t->problems, t->display, t->line,
                             /* Translators: a region id */
                             _("region %s lacks value.start, value.end, value.text or value.labels"),
                             id ? id : "?");
      return FALSE;
    }

  if (t->self->offset_unit == GLOSS_OFFSETS_UTF16)
    {
      if (!gloss_utf16_map_from_utf16 (t->map, start, &cp_start) ||
          !gloss_utf16_map_from_utf16 (t->map, end, &cp_end))
        cp_start = cp_end = 0;
    }
  else
    {
      cp_start = start;
      cp_end = end;
    }

  if (cp_start >= cp_end || cp_end > gloss_source_get_length (t->check))
    {
      _gloss_import_problem (t->problems, t->display, t->line,
                             /* Translators: a region id, then two offsets */
                             _("region %s: the span %u–%u is empty or outside the text"),
                             id ? id : "?", start, end);
      return FALSE;
    }

  actual = gloss_source_dup_slice (t->check, cp_start, cp_end);
  if (strcmp (actual, quote) != 0)
    {
      _gloss_import_problem (t->problems, t->display, t->line,
                             /* Translators: a region id, its text, then the article's text */
                             _("region %s says “%s” but the text has “%s” there"),
                             id ? id : "?", quote, actual);
      return FALSE;
    }

  region->start = cp_start;
  region->end = cp_end;
  region->id = id;
  region->labels = _gloss_json_get_array (value, "labels");
  region->note = NULL;
  return TRUE;
}

/* Reads the results of one annotation entry into @regions; those Gloss
 * does not model go to @kept. */
static gboolean
read_results (Task      *t,
              JsonArray *results,
              GArray    *regions,
              JsonArray *kept)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonNode *node = json_array_get_element (results, i);
      JsonObject *result = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *type = _gloss_json_get_string (result, "type");
      Region region;

      if (g_strcmp0 (type, "labels") == 0)
        {
          if (read_region (t, result, &region))
            g_array_append_val (regions, region);
          else
            ok = FALSE;
        }
    }

  /* Notes once every region is known. */
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonNode *node = json_array_get_element (results, i);
      JsonObject *result = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *type = _gloss_json_get_string (result, "type");
      const char *id = _gloss_json_get_string (result, "id");
      JsonArray *texts = _gloss_json_get_array (_gloss_json_get_object (result, "value"), "text");
      Region *target = NULL;

      if (g_strcmp0 (type, "labels") == 0)
        continue;

      for (guint r = 0; g_strcmp0 (type, "textarea") == 0 && id != NULL && r < regions->len; r++)
        if (g_strcmp0 (g_array_index (regions, Region, r).id, id) == 0)
          target = &g_array_index (regions, Region, r);

      if (target != NULL && target->note == NULL && texts != NULL &&
          json_array_get_length (texts) == 1 && json_array_get_string_element (texts, 0) != NULL)
        target->note = json_array_get_string_element (texts, 0);
      else
        json_array_add_element (kept, json_node_copy (node));
    }

  return ok;
}

static const char *
text_of (JsonObject *data)
{
  const char *text = _gloss_json_get_string (data, "text");
  g_autoptr(GList) members = NULL;

  if (text != NULL || data == NULL)
    return text;

  /* A labelling config may name the text otherwise ($content, ...): the
   * one string of the task's data. */
  members = json_object_get_members (data);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *value = _gloss_json_get_string (data, l->data);

      if (value != NULL)
        {
          if (text != NULL)
            return NULL;
          text = value;
        }
    }

  return text;
}

static char *
annotator_for (GlossImporter *self,
               JsonObject    *task,
               guint          index)
{
  JsonArray *names = _gloss_json_get_array (_gloss_json_get_object (task, "meta"), "annotators");
  const char *named = NULL;
  g_autofree char *base = NULL;

  if (self->annotator == NULL && names != NULL && index < json_array_get_length (names))
    named = json_array_get_string_element (names, index);

  base = _gloss_importer_annotator (self, named);
  if (index == 0 || named != NULL)
    return g_steal_pointer (&base);

  return g_strdup_printf ("%s-%u", base, index + 1);
}

static gboolean
import_task (GlossImporter   *self,
             GlossImportPlan *plan,
             GFile           *input,
             const char      *display,
             guint            index,
             guint            line,
             JsonObject      *task,
             GString         *problems)
{
  g_autoptr(GString) mine = g_string_new (NULL);
  g_autoptr(GlossUtf16Map) map = NULL;
  g_autoptr(GlossSource) check = NULL;
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GPtrArray) all_regions = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  g_autoptr(GPtrArray) all_kept = g_ptr_array_new_with_free_func ((GDestroyNotify)json_array_unref);
  const char *text = text_of (_gloss_json_get_object (task, "data"));
  JsonArray *entries = _gloss_json_get_array (task, "annotations");
  Task t;

  if (entries == NULL)
    entries = _gloss_json_get_array (task, "completions");

  if (text == NULL)
    {
      _gloss_import_problem (problems, display, line, _("the task has no text in \"data\""));
      return FALSE;
    }

  map = gloss_utf16_map_new (text, strlen (text));
  check = gloss_source_new_from_text (text, -1, display);
  t = (Task) { self, display, line, mine, text, map, check };

  for (guint i = 0; entries != NULL && i < json_array_get_length (entries); i++)
    {
      JsonNode *node = json_array_get_element (entries, i);
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonArray *results = _gloss_json_get_array (entry, "result");
      GArray *regions = g_array_new (FALSE, FALSE, sizeof (Region));
      JsonArray *kept = json_array_new ();

      g_ptr_array_add (all_regions, regions);
      g_ptr_array_add (all_kept, kept);
      if (results == NULL)
        {
          _gloss_import_problem (mine, display, line, _("an annotation of the task has no \"result\" list"));
          continue;
        }
      read_results (&t, results, regions, kept);
    }

  /* A task nobody annotated gives no annotation file, and so no text
   * either: it would only be a stray file. */
  if (mine->len == 0 && all_regions->len == 0)
    {
      _gloss_import_plan_note (plan, 0,
                               /* Translators: a file name, then a line number */
                               _("%s:%u: the task has no annotations and was left out"),
                               display, line);
      return TRUE;
    }

  source = _gloss_importer_record_text (self, plan, input, display, index, line, text, mine,
                                        problems);
  if (source == NULL)
    return FALSE;

  for (guint i = 0; i < all_regions->len; i++)
    {
      GArray *regions = g_ptr_array_index (all_regions, i);
      JsonArray *kept = g_ptr_array_index (all_kept, i);
      JsonObject *entry = json_array_get_object_element (entries, i);
      g_autofree char *annotator = annotator_for (self, task, i);
      const char *created_at = _gloss_json_get_string (entry, "created_at");
      const char *updated_at = _gloss_json_get_string (entry, "updated_at");
      g_autofree char *created = _gloss_import_timestamp (created_at);
      g_autofree char *modified = _gloss_import_timestamp (updated_at);
      g_autoptr(JsonObject) keep = json_object_new ();
      GlossImportBatch *batch = _gloss_import_batch_new (source, annotator);

      batch->line = line;

      for (guint r = 0; r < regions->len; r++)
        {
          Region *region = &g_array_index (regions, Region, r);

          for (guint l = 0; l < json_array_get_length (region->labels); l++)
            {
              const char *label = json_array_get_string_element (region->labels, l);
              GlossAnnotation *a;

              if (label == NULL)
                continue;
              /* A region id that is a UUID (a Gloss export's) stays the id. */
              a = _gloss_import_batch_add (batch, label, region->start, region->end, region->note,
                                           l == 0 ? region->id : NULL, created,
                                           modified ? modified : created);
              if (a != NULL && region->id != NULL)
                {
                  JsonObject *extra = _gloss_import_extra (a);

                  json_object_set_string_member (extra, GLOSS_KEY_LABELSTUDIO_ID, region->id);
                }
            }
        }

      if (json_array_get_length (kept) > 0)
        {
          json_object_set_array_member (keep, "results", json_array_ref (kept));
          _gloss_import_plan_note (plan, json_array_get_length (kept),
                                   /* Translators: a file name, a line number, then a number */
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "%s:%u: %u result Gloss does not model kept in the annotation file",
                                                "%s:%u: %u results Gloss does not model kept in the annotation file",
                                                json_array_get_length (kept)),
                                   display, line, json_array_get_length (kept));
        }
      if (i == 0)
        {
          g_autoptr(GList) members = json_object_get_members (task);

          /* The task's other keys (its id, predictions, ...) once. */
          for (GList *m = members; m != NULL; m = m->next)
            {
              const char *key = m->data;

              if (strcmp (key, "data") != 0 && strcmp (key, "annotations") != 0 &&
                  strcmp (key, "completions") != 0)
                json_object_set_member (keep, key,
                                        json_node_copy (json_object_get_member (task, key)));
            }
        }
      if (json_object_get_size (keep) > 0)
        {
          batch->extra = json_object_new ();
          json_object_set_object_member (batch->extra, GLOSS_KEY_LABELSTUDIO,
                                         json_object_ref (keep));
        }

      _gloss_import_plan_add_batch (plan, batch);
    }

  return TRUE;
}

gboolean
_gloss_import_labelstudio (GlossImporter *self,
                          GFile         *input,
                          GString       *problems)
{
  return _gloss_import_each_record (self, input, problems,
                                    _("a Label Studio export is a JSON list of tasks ([{\"data\": …}, …]), "
                                      "and this file is not one"),
                                    _("a Label Studio task is a JSON object"), import_task);
}
