/* gloss-import-labelstudio.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Label Studio's JSON export: a list of tasks,
 *
 *   {"data": {"text": ...},
 *    "annotations": [{"completed_by": 1,
 *                     "result": [{"id": ..., "type": "labels",
 *                                 "value": {"start", "end", "text", "labels": [...]}}, ...]}],
 *    "predictions": [{"model_version": ..., "result": [...]}]}
 *
 * ("completions" in old versions).  Each task becomes an article (its text
 * written as NAME-0001.txt, ...), each of its annotations an annotation
 * file, and its predictions one more per model: their annotator is the
 * model_version made an id, else "predictions".  A task that labels no
 * span of its text gives neither a text nor an annotation file.  A
 * region with several labels gives one annotation per label; a per-region
 * "textarea" result (same id) gives its note.
 *
 * Offsets are code points, as Label Studio counts them (its frontend test
 * "NER - Emoji - Text" finds "test" at 21–25 in "🐱 Warning: This is a
 * test text"), unless UTF-16 code units are asked for, as older exports
 * and scripts written in JavaScript have them.  value.text must be the
 * text at the offsets; when it is not in the unit asked for but is in the
 * other, the region is placed by the other and the report says so, once
 * per file.
 *
 * Per-region results ("choices" of one value, "number", a "textarea"
 * other than the note) become attributes of the region's annotation,
 * from_name the attribute, and "relation" results between regions
 * relations (labels[0] the type; "left" goes from to_id to from_id),
 * what the codebook refuses named with the task's line in the report.
 * Results of other types, the annotation's own keys (its id,
 * completed_by, ...) and the task's other keys are kept in the
 * annotation file ("x-labelstudio"), for the way back.
 *
 * A task is read a value at a time, and the results of each annotation
 * one at a time: a task with 100,000 regions is never held whole as a
 * tree.  Its "data" is looked for first, since Label Studio writes it
 * after the annotations, and value.text is checked against it.
 *
 * This file turns each task into its text and annotation files;
 * gloss-import-labelstudio-task.c reads a task, -result.c one result. */

#define G_LOG_DOMAIN "gloss-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-annotation-private.h"
#include "gloss-error.h"
#include "gloss-import-labelstudio-private.h"

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

/* The annotator of a prediction: its model, whatever annotator the import
 * was given for the people's annotations. */
static char *
annotator_for_model (const char *model_version)
{
  g_autofree char *slug = model_version ? gloss_slugify (model_version) : NULL;

  if (slug != NULL && slug[0] != '\0' && strlen (slug) <= 64)
    return g_steal_pointer (&slug);

  return g_strdup ("predictions");
}

/* The string of a one-element array, or NULL. */
static const char *
only_string (JsonArray *array)
{
  JsonNode *node;

  if (array == NULL || json_array_get_length (array) != 1)
    return NULL;
  node = json_array_get_element (array, 0);
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

/* Takes a result of @entry that is a region's attribute or a relation
 * between regions (@regions: region id -> its first annotation); FALSE
 * when it stays among the kept results.  What the codebook refuses is
 * noted with the task's line. */
static gboolean
take_modelled (GlossImportBatch       *batch,
               GHashTable             *regions,
               GlossLabelstudioResult *result,
               const char             *display,
               guint                   line)
{
  GArray *parts = result->parts;
  GArray *value = result->value_parts;
  const char *type = _gloss_labelstudio_string_part (result, parts, "type");
  const char *id = _gloss_labelstudio_string_part (result, parts, "id");
  const char *from_name = _gloss_labelstudio_string_part (result, parts, "from_name");
  GlossAnnotation *a = id ? g_hash_table_lookup (regions, id) : NULL;
  g_autoptr(GError) error = NULL;
  GVariant *v = NULL;

  if (g_strcmp0 (type, "relation") == 0)
    {
      const char *from_id = _gloss_labelstudio_string_part (result, parts, "from_id");
      const char *to_id = _gloss_labelstudio_string_part (result, parts, "to_id");
      const char *direction = _gloss_labelstudio_string_part (result, parts, "direction");
      const char *label = only_string (_gloss_labelstudio_array_part (result, parts, "labels"));
      GlossAnnotation *from = from_id ? g_hash_table_lookup (regions, from_id) : NULL;
      GlossAnnotation *to = to_id ? g_hash_table_lookup (regions, to_id) : NULL;

      if (label == NULL)
        return FALSE;
      if (from == NULL || to == NULL)
        {
          _gloss_import_batch_note (batch, display, line,
                                    /* Translators: a relation type, then a region id */
                                    _("the relation “%s” points at the region %s, which Gloss did not import; the result is kept as it is"),
                                    label, from == NULL ? (from_id ? from_id : "?") : (to_id ? to_id : "?"));
          return FALSE;
        }
      /* "left" goes from to_id to from_id. */
      if (g_strcmp0 (direction, "left") == 0)
        {
          GlossAnnotation *swap = from;

          from = to;
          to = swap;
        }
      if (from == to ||
          _gloss_import_batch_add_relation (batch, label, from, to, NULL, NULL, NULL, NULL,
                                            &error) == NULL)
        {
          _gloss_import_batch_note (batch, display, line,
                                    /* Translators: a relation type, then why */
                                    _("the relation “%s” was not imported (%s); the result is kept as it is"),
                                    label, error ? error->message : _("it goes from a region to itself"));
          return FALSE;
        }
      return TRUE;
    }

  /* The attributes of a region: per-region results with its id. */
  if (a == NULL || from_name == NULL || !_gloss_labelstudio_has_value (result))
    return FALSE;
  if (g_strcmp0 (type, "choices") == 0)
    {
      const char *choice = only_string (_gloss_labelstudio_array_part (result, value, "choices"));

      if (choice == NULL)
        return FALSE;
      v = g_variant_new_string (choice);
    }
  else if (g_strcmp0 (type, "number") == 0)
    {
      JsonNode *number = _gloss_labelstudio_node_part (result, value, "number");

      if (number == NULL || !JSON_NODE_HOLDS_VALUE (number) ||
          (json_node_get_value_type (number) != G_TYPE_INT64 &&
           json_node_get_value_type (number) != G_TYPE_DOUBLE))
        return FALSE;
      v = g_variant_new_double (json_node_get_double (number));
    }
  else if (g_strcmp0 (type, "textarea") == 0)
    {
      const char *text = only_string (_gloss_labelstudio_array_part (result, value, "text"));
      GlossCodebook *codebook = _gloss_import_batch_codebook (batch);
      g_autofree char *attribute = _gloss_label_to_tag (from_name);
      GlossAttributeDef *def = codebook ? gloss_codebook_lookup_attribute (codebook, attribute) : NULL;

      if (text == NULL)
        return FALSE;
      /* Another tool's text area on a region without a note is its note,
       * unless the codebook has a text attribute of that name. */
      if ((def == NULL || gloss_attribute_def_get_kind (def) != GLOSS_ATTRIBUTE_TEXT) &&
          !gloss_annotation_has_note (a))
        {
          _gloss_annotation_set_note (a, text);
          return TRUE;
        }
      v = g_variant_new_string (text);
    }
  else
    return FALSE;

  {
    g_autoptr(GVariant) before = gloss_annotation_dup_attribute (a, from_name);

    if (before != NULL)
      {
        g_variant_unref (g_variant_ref_sink (v));
        return FALSE;
      }
  }
  if (!_gloss_import_batch_set_attribute (batch, a, from_name, v, &error))
    {
      _gloss_import_batch_note (batch, display, line,
                                /* Translators: a region id, an attribute name, then why */
                                _("region %s: “%s” was not imported as an attribute (%s); the result is kept as it is"),
                                id, from_name, error->message);
      return FALSE;
    }

  return TRUE;
}

/* Adds @entry's regions to @batch, as the annotations it gives, with
 * their attributes and the relations between them; the results that
 * gives are no longer kept. */
static void
fill_batch (GlossImportBatch      *batch,
            GlossLabelstudioEntry *entry,
            const char            *display,
            guint                  line)
{
  const char *created_at = _gloss_json_get_string (entry->info, "created_at");
  const char *updated_at = _gloss_json_get_string (entry->info, "updated_at");
  g_autofree char *created = _gloss_import_timestamp (created_at);
  g_autofree char *modified = _gloss_import_timestamp (updated_at);
  g_autoptr(GHashTable) regions = g_hash_table_new (g_str_hash, g_str_equal);
  GlossLabelstudioResult result;
  guint still = 0;

  for (guint r = 0; r < entry->regions->len; r++)
    {
      GlossLabelstudioRegion *region = &g_array_index (entry->regions, GlossLabelstudioRegion, r);

      for (guint l = 0; region->labels[l] != NULL; l++)
        {
          GlossAnnotation *a;

          /* A region id that is a UUID (a Gloss export's) stays the id. */
          a = _gloss_import_batch_add (batch, region->labels[l], region->start, region->end,
                                       region->note, l == 0 ? region->id : NULL, created,
                                       modified ? modified : created);
          /* Kept when it is not the annotation's id already: the way
           * back gives the region its id again. */
          if (a != NULL && region->id != NULL && strcmp (gloss_annotation_get_id (a), region->id) != 0)
            json_object_set_string_member (_gloss_import_extra (a), GLOSS_KEY_LABELSTUDIO_ID,
                                           region->id);
          if (a != NULL && region->id != NULL && !g_hash_table_contains (regions, region->id))
            g_hash_table_insert (regions, region->id, a);
        }
    }

  if (entry->kept->len == 0)
    return;

  /* What is taken leaves the kept results, which keep their order. */
  _gloss_labelstudio_result_init (&result);
  for (guint i = 0; i < entry->kept->len; i++)
    {
      GlossLabelstudioHeld *held = &g_array_index (entry->kept, GlossLabelstudioHeld, i);

      if (_gloss_labelstudio_reread (&result, held) &&
          take_modelled (batch, regions, &result, display, line))
        continue;
      if (still != i)
        {
          g_array_index (entry->kept, GlossLabelstudioHeld, still) = *held;
          held->node = NULL;
        }
      still++;
    }
  _gloss_labelstudio_result_clear (&result);
  g_array_set_size (entry->kept, still);
}

/* What the annotation file of @batch keeps of @entry and of its task
 * (@rest, for the task's first file only). */
static void
keep (GlossImportBatch      *batch,
      GlossLabelstudioEntry *entry,
      JsonObject            *rest)
{
  JsonObject *kept;
  JsonArray *results;

  if (batch->extra == NULL)
    batch->extra = json_object_new ();
  kept = _gloss_json_get_object (batch->extra, GLOSS_KEY_LABELSTUDIO);
  if (kept == NULL)
    {
      kept = json_object_new ();
      json_object_set_object_member (batch->extra, GLOSS_KEY_LABELSTUDIO, kept);
    }

  /* Predictions of one model share a file: their results go together,
   * and the first one's keys are kept. */
  results = _gloss_json_get_array (kept, "results");
  for (guint i = 0; i < entry->kept->len; i++)
    {
      JsonNode *node = _gloss_labelstudio_held_node (&g_array_index (entry->kept, GlossLabelstudioHeld, i));

      if (results == NULL)
        {
          results = json_array_new ();
          json_object_set_array_member (kept, "results", results);
        }
      if (node != NULL)
        json_array_add_element (results, node);
    }

  if (json_object_get_size (entry->info) > 0 &&
      !json_object_has_member (kept, "annotation") && !json_object_has_member (kept, "prediction"))
    json_object_set_object_member (kept, entry->prediction ? "prediction" : "annotation",
                                   json_object_ref (entry->info));
  if (rest != NULL && json_object_get_size (rest) > 0)
    json_object_set_object_member (kept, "task", json_object_ref (rest));

  if (json_object_get_size (kept) == 0)
    g_clear_pointer (&batch->extra, json_object_unref);
}

static gboolean
import_task (GlossLabelstudioRun *run,
             guint                index,
             guint                line,
             const char          *piece,
             gsize                length)
{
  GlossImporter *self = run->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) data = NULL;
  g_autoptr(JsonObject) rest = json_object_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (_gloss_labelstudio_entry_free);
  g_autoptr(GHashTable) by_model = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) mine = g_string_new (NULL);
  g_autoptr(GlossUtf16Map) map = NULL;
  g_autoptr(GlossTextIndex) text_index = NULL;
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GlossJsonReader) reader = NULL;
  GlossJsonPiece where;
  gboolean is_object = FALSE;
  gboolean first = TRUE;
  guint n_regions = 0;
  const char *text;
  GlossLabelstudioTask t;

  /* The data found by looking at the brackets alone, which is quick;
   * else by reading the task, which tells what is wrong with it. */
  if (_gloss_json_find_member (piece, length, "data", &where))
    {
      is_object = TRUE;
      data = gloss_json_parse (piece + where.offset, where.length, GLOSS_IMPORT_MAX_DEPTH, NULL);
    }
  if (data == NULL && !_gloss_labelstudio_find_data (piece, length, &is_object, &data, &error))
    {
      _gloss_import_problem (run->problems, run->display, line, "%s", error->message);
      return FALSE;
    }
  if (!is_object)
    {
      _gloss_import_problem (run->problems, run->display, line, "%s",
                             _("a Label Studio task is a JSON object"));
      return FALSE;
    }

  text = data && JSON_NODE_HOLDS_OBJECT (data) ? _gloss_labelstudio_text_of (json_node_get_object (data))
                                               : NULL;
  if (text == NULL)
    {
      _gloss_import_problem (run->problems, run->display, line,
                             _("the task has no text in \"data\""));
      return FALSE;
    }

  map = gloss_utf16_map_new (text, strlen (text));
  text_index = gloss_text_index_new (text, strlen (text));
  t = (GlossLabelstudioTask) { run, line, mine, text, text_index,
                               gloss_text_index_get_length (text_index), map };

  reader = gloss_json_reader_new (piece, length, GLOSS_IMPORT_MAX_DEPTH);
  if (!gloss_json_reader_next (reader, &error) ||
      !_gloss_labelstudio_read_task (&t, reader, entries, rest, &error))
    {
      _gloss_import_problem (run->problems, run->display, line, "%s", error->message);
      return FALSE;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      GlossLabelstudioEntry *entry = g_ptr_array_index (entries, i);

      if (!entry->has_result)
        _gloss_import_problem (mine, run->display, line, "%s",
                               entry->prediction ? _("a prediction of the task has no \"result\" list")
                                                 : _("an annotation of the task has no \"result\" list"));
      n_regions += entry->regions->len;
    }

  /* A task that labels no span gives no annotation file, and so no text
   * either: it would only be a stray file. */
  if (mine->len == 0 && n_regions == 0)
    {
      if (entries->len == 0)
        _gloss_import_plan_note (run->plan, 0,
                                 /* Translators: a file name, then a line number */
                                 _("%s:%u: the task has no annotations and was left out"),
                                 run->display, line);
      else
        _gloss_import_plan_note (run->plan, 0,
                                 /* Translators: a file name, then a line number */
                                 _("%s:%u: the task labels no span of its text and was left out"),
                                 run->display, line);
      return TRUE;
    }

  source = _gloss_importer_record_text (self, run->plan, run->input, run->display, index, line,
                                        text, mine, run->problems);
  if (source == NULL)
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      GlossLabelstudioEntry *entry = g_ptr_array_index (entries, i);
      GlossImportBatch *batch = NULL;
      guint n_kept = entry->kept->len;

      /* An annotation with no result at all (a task skipped) writes
       * nothing. */
      if (entry->regions->len == 0 && n_kept == 0)
        continue;

      if (entry->prediction)
        {
          const char *model = _gloss_json_get_string (entry->info, "model_version");
          g_autofree char *annotator = annotator_for_model (model);

          batch = g_hash_table_lookup (by_model, annotator);
          if (batch == NULL)
            {
              batch = _gloss_import_batch_new (source, annotator);
              batch->annotator_name = g_strdup (model);
              batch->line = line;
              g_hash_table_insert (by_model, g_steal_pointer (&annotator), batch);
              _gloss_import_plan_add_batch (run->plan, batch);
            }
        }
      else
        {
          g_autofree char *annotator = annotator_for (self, rest, entry->index);

          batch = _gloss_import_batch_new (source, annotator);
          batch->line = line;
          _gloss_import_plan_add_batch (run->plan, batch);
        }

      batch->display = run->display;
      fill_batch (batch, entry, run->display, line);
      n_kept = entry->kept->len;
      keep (batch, entry, first ? rest : NULL);
      first = FALSE;

      if (n_kept > 0)
        _gloss_import_plan_note (run->plan, n_kept,
                                 /* Translators: a file name, a line number, then a number */
                                 g_dngettext (GETTEXT_PACKAGE,
                                              "%s:%u: %u result Gloss does not model kept in the annotation file",
                                              "%s:%u: %u results Gloss does not model kept in the annotation file",
                                              n_kept),
                                 run->display, line, n_kept);
    }

  run->n_imported++;
  return TRUE;
}

static gboolean
labelstudio_import_file (GlossImporter *self,
                         GFile         *input,
                         GString       *problems)
{
  g_autofree char *display = g_file_get_parse_name (input);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) pieces = NULL;
  g_autoptr(GlossImportPlan) plan = NULL;
  gsize length, skip, at;
  gboolean ok = TRUE;
  GlossLabelstudioRun run = { 0 };

  if (!_gloss_import_read_json_input (input, self->cancellable, &data, &length, &skip, &error))
    {
      _gloss_import_problem (problems, display, 0, "%s", error->message);
      return FALSE;
    }

  at = skip;
  while (at < length && g_ascii_isspace (data[at]))
    at++;
  if (at >= length || data[at] != '[')
    {
      _gloss_import_problem (problems, display, 0, "%s",
                             _("a Label Studio export is a JSON list of tasks ([{\"data\": …}, …]), "
                               "and this file is not one"));
      return FALSE;
    }

  plan = _gloss_import_plan_new ();
  run = (GlossLabelstudioRun) { self, plan, input, display, problems, 0, 0 };

  /* Each task is cut out and read on its own, so that a bad one spoils
   * no other and every problem is reported. */
  pieces = _gloss_json_split (data + skip, length - skip, TRUE);
  for (guint i = 0; i < pieces->len; i++)
    {
      GlossJsonPiece *piece = &g_array_index (pieces, GlossJsonPiece, i);

      ok &= import_task (&run, i + 1, piece->line, data + skip + piece->offset, piece->length);
    }

  if (ok && problems->len == 0 && run.n_imported == 0)
    {
      _gloss_import_problem (problems, display, 0, "%s",
                             _("no task labels a span of its text, in its annotations or its "
                               "predictions: there is nothing to import"));
      return FALSE;
    }
  if (!ok || problems->len > 0)
    return FALSE;

  if (run.n_other_unit > 0)
    _gloss_import_plan_note (plan, 0,
                             self->offset_unit == GLOSS_OFFSETS_UTF16
                             /* Translators: a file name, then a number */
                             ? g_dngettext (GETTEXT_PACKAGE,
                                            "%s: %u region counts its offsets in code points, not in "
                                            "UTF-16 code units, and was placed by them",
                                            "%s: %u regions count their offsets in code points, not in "
                                            "UTF-16 code units, and were placed by them",
                                            run.n_other_unit)
                             /* Translators: a file name, then a number */
                             : g_dngettext (GETTEXT_PACKAGE,
                                            "%s: %u region counts its offsets in UTF-16 code units, as "
                                            "older exports do, not in code points, and was placed by them",
                                            "%s: %u regions count their offsets in UTF-16 code units, as "
                                            "older exports do, not in code points, and were placed by them",
                                            run.n_other_unit),
                             display, run.n_other_unit);

  /* All or nothing: written only when every task is sound. */
  return _gloss_importer_run_plan (self, plan, display, problems);
}

const GlossImportFormatClass _gloss_import_labelstudio = {
  .description = N_("Label Studio’s JSON export (.json); the texts are created beside it, one per task."),
  .options = GLOSS_FORMAT_OFFSET_UNIT | GLOSS_FORMAT_CREATES_TEXTS,
  .suffixes = ".json",
  .import_file = labelstudio_import_file,
};
