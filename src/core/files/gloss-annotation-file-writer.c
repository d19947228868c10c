/* gloss-annotation-file-writer.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-annotation-file"

#include "config.h"

#include <string.h>

#include "gloss-annotation-file-private.h"
#include "gloss-annotation-private.h"
#include "gloss-attribute-json.h"
#include "gloss-json-writer.h"
#include "gloss-layer-private.h"
#include "gloss-memory-private.h"

/* The text of an annotation file, written by a GlossFileWriter a slice at
 * a time: gloss_annotation_file_serialize runs one in a single go.
 *
 * The file lists the tags its annotations use before the annotations, so
 * a writer reads the annotations twice: once for their tags, then to
 * write them.  Everything else it writes comes from the file, the
 * codebook and the annotator's name as they are when the writer is made:
 * the parts before and after the annotations are written then, and so is
 * the entry of every tag the codebook or the file describes.  Only the
 * annotations and the relations after them are read later, and the
 * history's serial tells whether they changed in between.  A file without
 * relations has no "relations" list, and an annotation without attributes
 * no "attributes" object, so that files of format 1 written before them
 * stay the same byte for byte. */

/* The colour of a tag that neither the codebook nor the file describes. */
#define UNKNOWN_TAG_COLOR "#77767b"

static void
write_extra (GString    *out,
             JsonObject *extra,
             guint       level)
{
  /* In the order they were set, without a list of them made and looked
   * up again for each annotation. */
  if (extra != NULL)
    gloss_json_write_members (out, extra, level);
}

static void
write_member_string (GString    *out,
                     guint       level,
                     const char *key,
                     const char *value,
                     gboolean    first)
{
  if (!first)
    gloss_json_append_literal (out, ",\n");
  gloss_json_write_indent (out, level);
  g_string_append_c (out, '"');
  gloss_json_append (out, key, strlen (key));
  gloss_json_append_literal (out, "\": ");
  gloss_json_write_string (out, value ? value : "", -1);
}

static void
write_member_uint (GString    *out,
                   guint       level,
                   const char *key,
                   guint64     value)
{
  gloss_json_append_literal (out, ",\n");
  gloss_json_write_indent (out, level);
  g_string_append_c (out, '"');
  gloss_json_append (out, key, strlen (key));
  gloss_json_append_literal (out, "\": ");
  gloss_json_write_uint (out, value);
}

/* The text before the value of member @key (a string literal) of an
 * annotation or a relation, after the member before it; and before the
 * value of its first member, its id. */
#define ENTRY_KEY(key) ",\n      \"" key "\": "
#define ENTRY_OPEN "    {\n      \"id\": "

static inline void
write_string_after (GString    *out,
                    const char *before,
                    gsize       before_length,
                    const char *value)
{
  gloss_json_append (out, before, before_length);
  gloss_json_write_string (out, value ? value : "", -1);
}

/* Appends member @key (a string literal) of an annotation or a relation,
 * with the string @value, after the member before it.  The indentation
 * and the key are one constant: a file of 100,000 annotations has more
 * than a million of them. */
#define write_entry_string(out, key, value) \
  write_string_after ((out), ENTRY_KEY (key), sizeof (ENTRY_KEY (key)) - 1, (value))

static void
write_annotation (GString         *out,
                  GlossAnnotation *a)
{
  /* The fields are read straight, as the layer's own loops do. */
  write_string_after (out, ENTRY_OPEN, sizeof ENTRY_OPEN - 1, a->id);
  write_entry_string (out, "tag", a->tag);
  gloss_json_append_literal (out, ENTRY_KEY ("start"));
  gloss_json_write_uint (out, a->start);
  gloss_json_append_literal (out, ENTRY_KEY ("end"));
  gloss_json_write_uint (out, a->end);
  write_entry_string (out, "quote", a->quote);
  write_entry_string (out, "prefix", a->prefix);
  write_entry_string (out, "suffix", a->suffix);
  write_entry_string (out, "note", a->note);
  if (*a->created != '\0')
    write_entry_string (out, "created", a->created);
  if (*a->modified != '\0')
    write_entry_string (out, "modified", a->modified);
  if (a->status != GLOSS_ANCHOR_ANCHORED)
    write_entry_string (out, "status", gloss_anchor_status_to_string (a->status));
  if (a->attributes != NULL)
    {
      gloss_json_append_literal (out, ENTRY_KEY ("attributes"));
      gloss_json_write_attributes (out, a->attributes, 3);
    }
  write_extra (out, a->extra, 3);
  gloss_json_append_literal (out, "\n    }");
}

static void
write_relation (GString       *out,
                GlossRelation *r)
{
  write_string_after (out, ENTRY_OPEN, sizeof ENTRY_OPEN - 1, gloss_relation_get_id (r));
  write_entry_string (out, "type", gloss_relation_get_rel_type (r));
  write_entry_string (out, "source", gloss_relation_get_source (r));
  write_entry_string (out, "target", gloss_relation_get_target (r));
  write_entry_string (out, "note", gloss_relation_get_note (r));
  if (*gloss_relation_get_created (r) != '\0')
    write_entry_string (out, "created", gloss_relation_get_created (r));
  if (*gloss_relation_get_modified (r) != '\0')
    write_entry_string (out, "modified", gloss_relation_get_modified (r));
  write_extra (out, gloss_relation_get_extra (r), 3);
  gloss_json_append_literal (out, "\n    }");
}

static void
copy_members (JsonObject *to,
              JsonObject *from)
{
  g_autoptr(GList) members = NULL;

  if (from == NULL)
    return;

  members = json_object_get_members (from);
  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (to, l->data, json_node_copy (json_object_get_member (from, l->data)));
}

/* The codebook's entry for a tag, given the keys that another tool added
 * to the file's own entry for it, so that saving does not lose them; the
 * codebook's own keys win. */
static GlossTag *
codebook_tag_for_file (GlossTag *tag,
                       GlossTag *file_tag)
{
  g_autoptr(JsonObject) extra = NULL;
  GlossTag *copy;

  if (file_tag == NULL || file_tag == tag || gloss_tag_get_extra (file_tag) == NULL)
    return g_object_ref (tag);

  copy = gloss_tag_new (gloss_tag_get_id (tag), gloss_tag_get_raw_label (tag),
                        gloss_tag_get_color (tag), gloss_tag_get_raw_description (tag));
  gloss_tag_set_order (copy, gloss_tag_get_order (tag));

  extra = json_object_new ();
  copy_members (extra, gloss_tag_get_extra (file_tag));
  copy_members (extra, gloss_tag_get_extra (tag));
  gloss_tag_set_extra (copy, extra);

  return copy;
}

/* One entry of "tags": its text, and the order it sorts by. */
typedef struct
{
  char *id;
  guint order;
  GString *text;
} TagEntry;

static void
tag_entry_free (gpointer data)
{
  TagEntry *entry = data;

  g_free (entry->id);
  g_string_free (entry->text, TRUE);
  g_free (entry);
}

static TagEntry *
tag_entry_new (GlossTag *tag,
               guint     order)
{
  TagEntry *entry = g_new0 (TagEntry, 1);
  GString *out = g_string_new (NULL);

  gloss_json_append_literal (out, "\n    {\n");
  write_member_string (out, 3, "id", gloss_tag_get_id (tag), TRUE);
  write_member_string (out, 3, "label", gloss_tag_get_raw_label (tag), FALSE);
  write_member_string (out, 3, "color", gloss_tag_get_color (tag), FALSE);
  write_member_string (out, 3, "description", gloss_tag_get_raw_description (tag), FALSE);
  write_member_uint (out, 3, "order", order);
  write_extra (out, gloss_tag_get_extra (tag), 3);
  gloss_json_append_literal (out, "\n    }");

  entry->id = g_strdup (gloss_tag_get_id (tag));
  entry->order = order;
  entry->text = out;

  return entry;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const TagEntry *ea = *(TagEntry **)a;
  const TagEntry *eb = *(TagEntry **)b;

  if (ea->order != eb->order)
    return ea->order < eb->order ? -1 : 1;
  return strcmp (ea->id, eb->id);
}

struct _GlossFileWriter
{
  GlossLayer *layer;
  GlossHistory *history;
  guint64 serial;
  guint n_annotations;
  guint n_relations;

  /* Prepared when the writer is made. */
  GString *intro;         /* from the opening brace to "tags": [ */
  GString *tail;          /* after the last relation, or annotation */
  GHashTable *entries;    /* tag id → TagEntry, for every tag described */
  gboolean has_codebook;
  guint first_free_order;

  /* The ids the annotations use, collected by the first reading. */
  GPtrArray *used;
  gboolean scanned;
  /* The next annotation to read, in the first reading, then the second;
   * then the next relation to write. */
  guint next;
  guint next_relation;
  GString *out;           /* NULL once finished */
  gsize annotation_bytes; /* about what one takes, from a sample */
  gsize relation_bytes;
};

/* Where a tag the codebook lacks goes: after the codebook's own. */
static guint
entry_order (GlossFileWriter *writer,
             GlossTag        *tag,
             gboolean         in_codebook)
{
  guint order = gloss_tag_get_order (tag);

  if (writer->has_codebook && !in_codebook)
    order = MAX (order, writer->first_free_order);

  return order;
}

static void
add_entry (GlossFileWriter     *writer,
           GlossAnnotationFile *self,
           const char          *id)
{
  g_autoptr(GlossTag) tag = NULL;
  gboolean in_codebook;
  TagEntry *entry;

  if (g_hash_table_contains (writer->entries, id))
    return;

  in_codebook = self->codebook != NULL && gloss_codebook_lookup (self->codebook, id) != NULL;
  tag = codebook_tag_for_file (gloss_annotation_file_lookup_tag (self, id),
                               g_hash_table_lookup (self->file_tags, id));
  entry = tag_entry_new (tag, entry_order (writer, tag, in_codebook));
  g_hash_table_insert (writer->entries, entry->id, entry);
}

/* The entry of every tag the codebook or the file describes, as they are
 * now: a file uses a handful of tags, so this costs little, and an
 * autosave that runs while the codebook is edited still writes the
 * codebook as it was when the save started. */
static void
prepare_entries (GlossFileWriter     *writer,
                 GlossAnnotationFile *self)
{
  GHashTableIter iter;
  gpointer id;

  writer->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, tag_entry_free);
  writer->has_codebook = self->codebook != NULL;
  writer->first_free_order = 1;

  if (self->codebook != NULL)
    {
      GListModel *codebook = G_LIST_MODEL (self->codebook);
      guint n = g_list_model_get_n_items (codebook);

      writer->first_free_order = n + 1;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GlossTag) tag = g_list_model_get_item (codebook, i);

          add_entry (writer, self, gloss_tag_get_id (tag));
        }
    }

  g_hash_table_iter_init (&iter, self->file_tags);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    add_entry (writer, self, id);
}

/* Everything before the tags. */
static void
write_intro (GString             *out,
             GlossAnnotationFile *self)
{
  GlossSourceInfo *source = &self->info;

  g_string_append_printf (out, "{\n  \"gloss\": %d,\n  \"source\": {\n", GLOSS_FORMAT_VERSION);
  write_member_string (out, 2, "path", source->path, TRUE);
  write_member_string (out, 2, "sha256", source->sha256, FALSE);
  write_member_string (out, 2, "text_sha256", source->text_sha256, FALSE);
  write_member_string (out, 2, "encoding", source->encoding, FALSE);
  write_member_string (out, 2, "media_type", source->media_type, FALSE);
  write_member_uint (out, 2, "length", source->length);
  if (source->reader != NULL)
    write_member_string (out, 2, "extractor", source->reader, FALSE);
  write_extra (out, source->extra, 2);

  gloss_json_append_literal (out, "\n  },\n  \"annotator\": {\n");
  write_member_string (out, 2, "id", gloss_layer_get_annotator_id (self->layer), TRUE);
  write_member_string (out, 2, "name", gloss_layer_get_annotator_name (self->layer), FALSE);
  write_extra (out, self->annotator_extra, 2);

  gloss_json_append_literal (out, "\n  },\n  \"tags\": [");
}

/* Everything after the last of @n_relations relations. */
static void
write_tail (GString    *out,
            guint       n_relations,
            JsonObject *extra)
{
  if (n_relations > 0)
    gloss_json_append_literal (out, "\n  ]");
  write_extra (out, extra, 1);
  gloss_json_append_literal (out, "\n}\n");
}

/* Closes the annotations and opens the relations, if there are any. */
/* Starts entry @index of a list: on a line of its own, after a comma
 * unless it is the first. */
static void
begin_entry (GString *out,
             guint    index)
{
  if (index > 0)
    gloss_json_append_literal (out, ",\n");
  else
    gloss_json_append_literal (out, "\n");
}

static void
close_annotations (GlossFileWriter *writer,
                   GString         *out)
{
  g_string_append (out, writer->n_annotations ? "\n  ]" : "]");
  if (writer->n_relations > 0)
    gloss_json_append_literal (out, ",\n  \"relations\": [");
}

static void
write_relations (GlossFileWriter *writer,
                 GString         *out,
                 guint            from,
                 guint            to)
{
  for (guint i = from; i < to; i++)
    {
      begin_entry (out, i);
      write_relation (out, g_ptr_array_index (writer->layer->relations, i));
    }
}

/* The first reading: the tag ids of annotations @from up to @to. */
static void
collect_tags (GlossFileWriter *writer,
              guint            from,
              guint            to)
{
  const char *last = NULL;

  /* A short list beats a hash table here, and neighbours often share
   * their tag.  The fields are read straight, as the layer's own loops
   * do: this is a tenth of the whole work. */
  for (guint i = from; i < to; i++)
    {
      const char *id = _gloss_layer_item_at (writer->layer, i)->tag;
      gboolean known = last != NULL && strcmp (id, last) == 0;

      for (guint j = 0; j < writer->used->len && !known; j++)
        known = strcmp (id, g_ptr_array_index (writer->used, j)) == 0;
      last = id;
      if (!known)
        g_ptr_array_add (writer->used, g_strdup (id));
    }
}

/* Everything before the first annotation, once the tags are known. */
static void
write_head (GlossFileWriter *writer)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  GString *out = writer->out;

  for (guint i = 0; i < writer->used->len; i++)
    {
      const char *id = g_ptr_array_index (writer->used, i);
      TagEntry *entry = g_hash_table_lookup (writer->entries, id);

      /* Neither the codebook nor the file describes it. */
      if (entry == NULL)
        {
          g_autoptr(GlossTag) tag = gloss_tag_new (id, id, UNKNOWN_TAG_COLOR, NULL);

          entry = tag_entry_new (tag, entry_order (writer, tag, FALSE));
          g_hash_table_insert (writer->entries, entry->id, entry);
        }

      g_ptr_array_add (tags, entry);
    }
  g_ptr_array_sort (tags, compare_entries);

  gloss_json_append (out, writer->intro->str, writer->intro->len);
  for (guint i = 0; i < tags->len; i++)
    {
      TagEntry *entry = g_ptr_array_index (tags, i);

      if (i > 0)
        gloss_json_append_literal (out, ",");
      gloss_json_append (out, entry->text->str, entry->text->len);
    }
  g_string_append (out, tags->len ? "\n  ],\n" : "],\n");

  gloss_json_append_literal (out, "  \"annotations\": [");
}

/* The second reading: annotations @from up to @to, each after the
 * separator it needs. */
static void
write_annotations (GlossFileWriter *writer,
                   GString         *out,
                   guint            from,
                   guint            to)
{
  for (guint i = from; i < to; i++)
    {
      begin_entry (out, i);
      write_annotation (out, _gloss_layer_item_at (writer->layer, i));
    }
}

/* How many annotations and relations the estimate below writes. */
#define SAMPLE_SIZE 64

/* The bytes the file will take, from up to SAMPLE_SIZE annotations and
 * relations spread over the layer, with a margin: a buffer that had to
 * grow would be copied whole, since the huge page advice keeps its
 * mapping from being moved instead. */
/* The bytes that @n_annotations and @n_relations take, once the sizes
 * are sampled: a quarter more than the sample says, since pages never
 * written are never touched. */
static gsize
bytes_for (GlossFileWriter *writer,
           guint            n_annotations,
           guint            n_relations)
{
  return 1024 + (writer->annotation_bytes * n_annotations + writer->relation_bytes * n_relations) / 4 * 5;
}

static gsize
estimate_size (GlossFileWriter *writer)
{
  g_autoptr(GString) sample = g_string_new (NULL);
  guint n_annotations = MIN (writer->n_annotations, SAMPLE_SIZE);
  guint n_relations = MIN (writer->n_relations, SAMPLE_SIZE);
  gsize annotation_bytes = 450;
  gsize relation_bytes = 300;

  for (guint i = 0; i < n_annotations; i++)
    write_annotation (sample, _gloss_layer_item_at (writer->layer,
                                                    (guint)((guint64)i * writer->n_annotations /
                                                            n_annotations)));
  if (n_annotations > 0)
    annotation_bytes = MAX (annotation_bytes, sample->len / n_annotations + 8);

  g_string_truncate (sample, 0);
  for (guint i = 0; i < n_relations; i++)
    write_relation (sample, g_ptr_array_index (writer->layer->relations,
                                               (guint)((guint64)i * writer->n_relations /
                                                       n_relations)));
  if (n_relations > 0)
    relation_bytes = MAX (relation_bytes, sample->len / n_relations + 8);
  writer->annotation_bytes = annotation_bytes;
  writer->relation_bytes = relation_bytes;

  return writer->intro->len + writer->tail->len + bytes_for (writer, writer->n_annotations, writer->n_relations);
}

GlossFileWriter *
gloss_annotation_file_writer_new (GlossAnnotationFile *self)
{
  GlossFileWriter *writer;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_FILE (self), NULL);

  writer = g_new0 (GlossFileWriter, 1);
  writer->layer = g_object_ref (self->layer);
  writer->history = g_object_ref (gloss_layer_get_history (self->layer));
  writer->serial = gloss_history_get_serial (writer->history);
  writer->n_annotations = g_list_model_get_n_items (G_LIST_MODEL (self->layer));
  writer->n_relations = gloss_layer_get_n_relations (self->layer);

  writer->intro = g_string_new (NULL);
  write_intro (writer->intro, self);
  writer->tail = g_string_new (NULL);
  write_tail (writer->tail, writer->n_relations, self->extra);
  prepare_entries (writer, self);
  writer->used = g_ptr_array_new_with_free_func (g_free);

  /* Sized once from a sample, never grown: the memory is only mapped
   * here, and filled slice by slice. */
  writer->out = g_string_sized_new (estimate_size (writer));
  gloss_memory_prefer_huge_pages (writer->out->str, writer->out->allocated_len);

  return writer;
}

gboolean
gloss_file_writer_is_stale (GlossFileWriter *writer)
{
  g_return_val_if_fail (writer != NULL, TRUE);

  return gloss_history_get_serial (writer->history) != writer->serial;
}

guint64
gloss_file_writer_get_serial (GlossFileWriter *writer)
{
  g_return_val_if_fail (writer != NULL, 0);

  return writer->serial;
}

static gboolean
is_complete (GlossFileWriter *writer)
{
  return writer->scanned && writer->next == writer->n_annotations &&
         writer->next_relation == writer->n_relations;
}

gboolean
gloss_file_writer_step (GlossFileWriter *writer,
                        guint            max_annotations)
{
  guint end;

  g_return_val_if_fail (writer != NULL, TRUE);
  g_return_val_if_fail (writer->out != NULL, TRUE);

  /* The annotations may have moved or gone: do not touch them. */
  if (gloss_file_writer_is_stale (writer))
    return TRUE;

  end = writer->next + MIN (max_annotations, writer->n_annotations - writer->next);

  if (!writer->scanned)
    {
      collect_tags (writer, writer->next, end);
      writer->next = end;
      if (writer->next < writer->n_annotations)
        return FALSE;

      write_head (writer);
      writer->scanned = TRUE;
      writer->next = 0;
      if (writer->n_annotations > 0)
        return FALSE;
      close_annotations (writer, writer->out);
      return is_complete (writer);
    }

  if (writer->next < writer->n_annotations)
    {
      write_annotations (writer, writer->out, writer->next, end);
      writer->next = end;
      if (writer->next == writer->n_annotations)
        close_annotations (writer, writer->out);
      return is_complete (writer);
    }

  /* Relations are written by the same slices, counted as annotations. */
  end = writer->next_relation + MIN (max_annotations, writer->n_relations - writer->next_relation);
  write_relations (writer, writer->out, writer->next_relation, end);
  writer->next_relation = end;

  return is_complete (writer);
}

/* The whole text, taken from the writer. */
static GString *
writer_complete (GlossFileWriter *writer)
{
  GString *out = g_steal_pointer (&writer->out);

  g_assert (is_complete (writer));
  gloss_json_append (out, writer->tail->str, writer->tail->len);

  return out;
}

GBytes *
gloss_file_writer_finish (GlossFileWriter *writer)
{
  g_return_val_if_fail (writer != NULL, NULL);
  g_return_val_if_fail (writer->out != NULL, NULL);

  if (gloss_file_writer_is_stale (writer))
    return NULL;

  g_return_val_if_fail (is_complete (writer), NULL);

  return g_string_free_to_bytes (writer_complete (writer));
}

static gpointer
free_text (gpointer data)
{
  g_string_free (data, TRUE);
  return NULL;
}

void
gloss_file_writer_free (GlossFileWriter *writer)
{
  if (writer == NULL)
    return;

  g_clear_object (&writer->layer);
  g_clear_object (&writer->history);
  g_string_free (writer->intro, TRUE);
  g_string_free (writer->tail, TRUE);
  g_hash_table_unref (writer->entries);
  g_ptr_array_unref (writer->used);
  /* Handing back tens of megabytes to the system takes milliseconds: a
   * save given up half-way (the user changed the layer again) does it on
   * a thread of its own, so that the window does not miss a frame. */
  if (writer->out != NULL && writer->out->allocated_len >= 4 * 1024 * 1024)
    g_thread_unref (g_thread_new ("gloss-free", free_text, writer->out));
  else if (writer->out != NULL)
    g_string_free (writer->out, TRUE);
  g_free (writer);
}

/* A layer this large is written in two threads: the annotations of the
 * second half and the relations in one, the first half in the other. */
#define HALVES_FROM 20000

typedef struct
{
  GlossFileWriter *writer;
  guint from;
  GString *out;
} Half;

static gpointer
write_second_half (gpointer data)
{
  Half *half = data;
  GlossFileWriter *writer = half->writer;

  write_annotations (writer, half->out, half->from, writer->n_annotations);
  close_annotations (writer, half->out);
  write_relations (writer, half->out, 0, writer->n_relations);
  return NULL;
}

/* Appends @from to @out a few megabytes at a time, each given back to
 * the system once copied, so that the text is never held twice. */
static void
append_releasing (GString *out,
                  GString *from)
{
  const gsize step = 4 * 1024 * 1024;

  for (gsize done = 0; done < from->len; done += step)
    {
      gsize n = MIN (step, from->len - done);

      gloss_json_append (out, from->str + done, n);
      gloss_memory_release (from->str + done, n);
    }
}

char *
gloss_annotation_file_serialize (GlossAnnotationFile *self,
                                 gsize               *length)
{
  g_autoptr(GlossFileWriter) writer = NULL;
  GString *out;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_FILE (self), NULL);

  /* All in one go: nothing can change the layer in between.  The first
   * step reads the tags and writes everything before the annotations. */
  writer = gloss_annotation_file_writer_new (self);
  if (!gloss_file_writer_step (writer, G_MAXUINT) && writer->n_annotations >= HALVES_FROM)
    {
      /* The annotations are only read, by both threads: GVariant
       * attributes and json-glib extras may be read from several. */
      Half half = { writer, writer->n_annotations / 2, NULL };
      GThread *thread;

      half.out = g_string_sized_new (bytes_for (writer, writer->n_annotations - half.from, writer->n_relations));
      gloss_memory_prefer_huge_pages (half.out->str, half.out->allocated_len);
      thread = g_thread_new ("gloss-serialize", write_second_half, &half);
      write_annotations (writer, writer->out, 0, half.from);
      g_thread_join (thread);
      append_releasing (writer->out, half.out);
      g_string_free (half.out, TRUE);
      writer->next = writer->n_annotations;
      writer->next_relation = writer->n_relations;
    }
  while (!gloss_file_writer_step (writer, G_MAXUINT))
    ;
  out = writer_complete (writer);

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
