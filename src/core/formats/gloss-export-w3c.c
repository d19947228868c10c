/* gloss-export-w3c.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* W3C Web Annotation Data Model, in its JSON-LD form.  Each article is an
 * AnnotationCollection whose first (and only) AnnotationPage holds the
 * annotations of every annotator.  Each annotation has:
 *
 *   - an id, urn:uuid: and the Gloss id (a UUID made from it when the id
 *     is not one), and "@context", so that it stands alone;
 *   - motivation "tagging", or ["tagging", "commenting"] with a note;
 *   - a TextualBody with purpose "tagging" whose value is the tag, and one
 *     with purpose "commenting" for the note;
 *   - a TextualBody with purpose "classifying" for each attribute, its
 *     value "ID=VALUE" ("verdict=misleading", "certain=true"), a string
 *     that would read as a boolean or a number quoted as in JSON
 *     (_gloss_w3c_attribute_text);
 *   - for each piece of a passage that brat split (a discontinuous T
 *     line), a SpecificResource body with purpose "linking" whose source,
 *     urn:uuid: and an id made from the passage, is the same for all its
 *     pieces: the model's way of pointing a body at another resource
 *     (its example 18), which keeps the pieces together without changing
 *     what each annotation targets;
 *   - a SpecificResource target: the article's file URI and two
 *     selectors, a TextQuoteSelector (exact, prefix, suffix) and a
 *     TextPositionSelector (start, end in code points, end excluded, as
 *     the model counts characters); an orphaned annotation keeps only the
 *     quote, since its offsets no longer point at it;
 *   - for an article read from HTML or XML, where the annotation is in
 *     the original file: an XPathSelector naming the element, refined by
 *     a TextPositionSelector in that element's text content; or, when the
 *     annotation starts in one element and ends in another, a
 *     RangeSelector whose startSelector and endSelector are such
 *     XPathSelectors, each refined by an empty TextPositionSelector at
 *     the point where the range starts or ends (the model's range runs
 *     from the start of its startSelector to the start of its
 *     endSelector, which it excludes);
 *   - creator (a Person with the annotator's name, and the id as
 *     nickname), created, modified.
 *
 * Each relation between annotations written is an annotation of its own,
 * after those of its layer: motivation "linking" (the model's for
 * linking a target to another), its target the ids of its source and
 * target annotations, in that order, a TextualBody with purpose
 * "tagging" whose value is the relation type and one with purpose
 * "commenting" for its note; id, creator, created and modified as an
 * annotation's.
 *
 * To one file, the collections are the items of a JSON array (a JSON-LD
 * document may be one); to a folder, each goes to NAME.jsonld. */

#define G_LOG_DOMAIN "gloss-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-export-private.h"

#define CONTEXT "http://www.w3.org/ns/anno.jsonld"

typedef struct
{
  guint n_collections;
} W3cState;

static void
w3c_free_state (gpointer state)
{
  g_free (state);
}

static gboolean
w3c_begin (GlossExporter  *self,
           GError        **error)
{
  self->state = g_new0 (W3cState, 1);
  if (self->folder == NULL)
    g_string_append (self->buffer, "[");
  return TRUE;
}

/* A name-based UUID (version 5 layout, SHA-1 of @a and @b): the same
 * annotation always gets the same id. */
static char *
derived_uuid (const char *a,
              const char *b)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;

  g_checksum_update (checksum, (const guchar *)"gloss\n", -1);
  g_checksum_update (checksum, (const guchar *)a, -1);
  g_checksum_update (checksum, (const guchar *)"\n", -1);
  g_checksum_update (checksum, (const guchar *)b, -1);
  g_checksum_get_digest (checksum, digest, &length);

  digest[6] = (digest[6] & 0x0F) | 0x50;
  digest[8] = (digest[8] & 0x3F) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

/* The UUID the annotation (or relation) @id of @layer is written with:
 * its id when that is a UUID, else one made from it. */
static char *
uuid_of (GlossLayer *layer,
         const char *id)
{
  return g_uuid_string_is_valid (id) ? g_ascii_strdown (id, -1)
                                     : derived_uuid (gloss_layer_get_annotator_id (layer), id);
}

static void
indent (GString *out,
        guint    level)
{
  g_string_append_c (out, '\n');
  gloss_json_write_indent (out, level);
}

/* Appends ,\n<indent>"key": (no comma when @first). */
static void
key (GString    *out,
     guint       level,
     const char *name,
     gboolean    first)
{
  if (!first)
    g_string_append_c (out, ',');
  indent (out, level);
  gloss_json_write_string (out, name, -1);
  g_string_append (out, ": ");
}

static void
member (GString    *out,
        guint       level,
        const char *name,
        const char *value,
        gboolean    first)
{
  key (out, level, name, first);
  gloss_json_write_string (out, value, -1);
}

/* Appends "key": "value" on the current line, after ", " unless @first. */
static void
inline_member (GString    *out,
               const char *name,
               const char *value,
               gboolean    first)
{
  if (!first)
    g_string_append (out, ", ");
  gloss_json_write_string (out, name, -1);
  g_string_append (out, ": ");
  gloss_json_write_string (out, value, -1);
}

/* Appends ,\n<indent>{"type": "TextualBody", "purpose": ..., "value": ...}
 * (no comma when @first), with "format": "text/plain" for a note. */
static void
append_textual_body (GString    *out,
                     guint       level,
                     const char *purpose,
                     const char *value,
                     gboolean    first)
{
  if (!first)
    g_string_append_c (out, ',');
  indent (out, level);
  g_string_append_c (out, '{');
  inline_member (out, "type", "TextualBody", TRUE);
  inline_member (out, "purpose", purpose, FALSE);
  inline_member (out, "value", value, FALSE);
  if (strcmp (purpose, "commenting") == 0)
    inline_member (out, "format", "text/plain", FALSE);
  g_string_append_c (out, '}');
}

/* {"type": "XPathSelector", ..., "refinedBy": {"type": "TextPositionSelector", ...}} */
static void
append_xpath_selector (GString    *out,
                       const char *xpath,
                       guint       start,
                       guint       end)
{
  g_string_append_c (out, '{');
  inline_member (out, "type", "XPathSelector", TRUE);
  inline_member (out, "value", xpath, FALSE);
  g_string_append (out, ", \"refinedBy\": {");
  inline_member (out, "type", "TextPositionSelector", TRUE);
  g_string_append_printf (out, ", \"start\": %u, \"end\": %u}}", start, end);
}

/* Appends the selector that finds @a in the original HTML or XML file,
 * after a comma and on a line of its own; nothing for plain text. */
static void
append_location (GString         *out,
                 guint            level,
                 GlossSource     *source,
                 GlossAnnotation *a)
{
  GlossExportLocation location;

  if (!_gloss_export_locate (source, a, &location))
    return;

  g_string_append_c (out, ',');
  indent (out, level);
  if (location.one_element)
    {
      append_xpath_selector (out, location.start_xpath,
                             location.start_offset, location.end_offset);
    }
  else
    {
      g_string_append_c (out, '{');
      inline_member (out, "type", "RangeSelector", TRUE);
      g_string_append (out, ", \"startSelector\": ");
      append_xpath_selector (out, location.start_xpath,
                             location.start_offset, location.start_offset);
      g_string_append (out, ", \"endSelector\": ");
      append_xpath_selector (out, location.end_xpath,
                             location.end_offset, location.end_offset);
      g_string_append_c (out, '}');
    }

  _gloss_export_location_clear (&location);
}

/* Appends the creator, @created and @modified (when not NULL) of an
 * annotation written at @level, and closes it. */
static void
append_provenance (GString    *out,
                   guint       level,
                   GlossLayer *layer,
                   const char *created,
                   const char *modified)
{
  key (out, level + 1, "creator", FALSE);
  g_string_append_c (out, '{');
  inline_member (out, "type", "Person", TRUE);
  inline_member (out, "name", gloss_layer_get_annotator_name (layer), FALSE);
  inline_member (out, "nickname", gloss_layer_get_annotator_id (layer), FALSE);
  g_string_append_c (out, '}');

  if (created != NULL)
    member (out, level + 1, "created", created, FALSE);
  if (modified != NULL)
    member (out, level + 1, "modified", modified, FALSE);

  indent (out, level);
  g_string_append_c (out, '}');
}

/* Writes one annotation at @level.  The annotation's own members go one
 * per line; its bodies, selectors and creator are small objects, each on
 * one line, which keeps a file of 100,000 annotations readable and half
 * the size. */
static void
append_annotation (GString             *out,
                   guint                level,
                   GlossSource         *source,
                   const char          *source_uri,
                   GlossAnnotationFile *file,
                   GlossAnnotation     *a,
                   const char          *group)
{
  GlossLayer *layer = gloss_annotation_file_get_layer (file);
  const char *id = gloss_annotation_get_id (a);
  gboolean note = gloss_annotation_has_note (a);
  g_autofree char *uuid = uuid_of (layer, id);
  GVariant *attributes = gloss_annotation_get_attributes (a);

  g_string_append_c (out, '{');
  member (out, level + 1, "@context", CONTEXT, TRUE);
  key (out, level + 1, "id", FALSE);
  g_string_append_printf (out, "\"urn:uuid:%s\"", uuid);
  member (out, level + 1, "type", "Annotation", FALSE);
  if (note)
    {
      key (out, level + 1, "motivation", FALSE);
      g_string_append (out, "[\"tagging\", \"commenting\"]");
    }
  else
    {
      member (out, level + 1, "motivation", "tagging", FALSE);
    }

  key (out, level + 1, "body", FALSE);
  g_string_append_c (out, '[');
  append_textual_body (out, level + 2, "tagging", _gloss_export_label (a), TRUE);
  if (note)
    append_textual_body (out, level + 2, "commenting", gloss_annotation_get_note (a), FALSE);
  if (attributes != NULL)
    {
      GVariantIter iter;
      const char *name;
      GVariant *value;

      g_variant_iter_init (&iter, attributes);
      while (g_variant_iter_loop (&iter, "{&sv}", &name, &value))
        {
          g_autofree char *text = _gloss_w3c_attribute_text (name, value);

          append_textual_body (out, level + 2, "classifying", text, FALSE);
        }
    }
  if (group != NULL)
    {
      g_autofree char *passage = g_strconcat ("urn:uuid:", group, NULL);

      g_string_append_c (out, ',');
      indent (out, level + 2);
      g_string_append_c (out, '{');
      inline_member (out, "type", "SpecificResource", TRUE);
      inline_member (out, "purpose", "linking", FALSE);
      inline_member (out, "source", passage, FALSE);
      g_string_append_c (out, '}');
    }
  indent (out, level + 1);
  g_string_append_c (out, ']');

  key (out, level + 1, "target", FALSE);
  g_string_append_c (out, '{');
  member (out, level + 2, "type", "SpecificResource", TRUE);
  member (out, level + 2, "source", source_uri, FALSE);
  key (out, level + 2, "selector", FALSE);
  g_string_append_c (out, '[');
  indent (out, level + 3);
  g_string_append_c (out, '{');
  inline_member (out, "type", "TextQuoteSelector", TRUE);
  inline_member (out, "exact", gloss_annotation_get_quote (a), FALSE);
  inline_member (out, "prefix", gloss_annotation_get_prefix (a), FALSE);
  inline_member (out, "suffix", gloss_annotation_get_suffix (a), FALSE);
  g_string_append_c (out, '}');
  if (gloss_annotation_get_status (a) != GLOSS_ANCHOR_ORPHANED)
    {
      g_string_append_c (out, ',');
      indent (out, level + 3);
      g_string_append_c (out, '{');
      inline_member (out, "type", "TextPositionSelector", TRUE);
      g_string_append_printf (out, ", \"start\": %u, \"end\": %u}",
                              gloss_annotation_get_start (a), gloss_annotation_get_end (a));
      append_location (out, level + 3, source, a);
    }
  indent (out, level + 2);
  g_string_append_c (out, ']');
  indent (out, level + 1);
  g_string_append_c (out, '}');

  append_provenance (out, level, layer, gloss_annotation_get_created (a),
                     gloss_annotation_get_modified (a));
}

/* TRUE when both ends of @relation, annotations of @layer, are written. */
static gboolean
relation_kept (GlossExporter *self,
               GlossLayer    *layer,
               GlossRelation *relation)
{
  GlossAnnotation *source = gloss_layer_lookup (layer, gloss_relation_get_source (relation));
  GlossAnnotation *target = gloss_layer_lookup (layer, gloss_relation_get_target (relation));

  return source != NULL && target != NULL &&
         _gloss_exporter_keeps (self, source) && _gloss_exporter_keeps (self, target);
}

/* Writes @relation of @layer at @level: a linking annotation whose
 * targets are its ends. */
static void
append_relation (GString       *out,
                 guint          level,
                 GlossLayer    *layer,
                 GlossRelation *relation)
{
  g_autofree char *uuid = uuid_of (layer, gloss_relation_get_id (relation));
  g_autofree char *from = uuid_of (layer, gloss_relation_get_source (relation));
  g_autofree char *to = uuid_of (layer, gloss_relation_get_target (relation));
  const char *note = gloss_relation_get_note (relation);

  g_string_append_c (out, '{');
  member (out, level + 1, "@context", CONTEXT, TRUE);
  key (out, level + 1, "id", FALSE);
  g_string_append_printf (out, "\"urn:uuid:%s\"", uuid);
  member (out, level + 1, "type", "Annotation", FALSE);
  member (out, level + 1, "motivation", "linking", FALSE);

  key (out, level + 1, "body", FALSE);
  g_string_append_c (out, '[');
  append_textual_body (out, level + 2, "tagging", _gloss_export_relation_label (relation), TRUE);
  if (note[0] != '\0')
    append_textual_body (out, level + 2, "commenting", note, FALSE);
  indent (out, level + 1);
  g_string_append_c (out, ']');

  key (out, level + 1, "target", FALSE);
  g_string_append_printf (out, "[\"urn:uuid:%s\", \"urn:uuid:%s\"]", from, to);

  append_provenance (out, level, layer, gloss_relation_get_created (relation),
                     gloss_relation_get_modified (relation));
}

static guint
count_kept (GlossExporter            *self,
            const GlossExportArticle *article)
{
  guint total = 0;

  for (guint f = 0; f < article->files->len; f++)
    {
      GlossAnnotationFile *file = g_ptr_array_index (article->files, f);
      GlossLayer *layer = gloss_annotation_file_get_layer (file);
      GListModel *model = G_LIST_MODEL (layer);
      guint n = g_list_model_get_n_items (model);

      for (guint i = 0; i < gloss_layer_get_n_relations (layer); i++)
        total += relation_kept (self, layer, gloss_layer_get_relation (layer, i));

      if (self->tags == NULL)
        {
          total += n;
          continue;
        }

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GlossAnnotation) a = g_list_model_get_item (model, i);

          total += _gloss_exporter_keeps (self, a);
        }
    }

  return total;
}

/* Appends the collection of @article to @out at @level; flushes as it
 * goes when @out is the exporter's buffer. */
static gboolean
append_collection (GlossExporter            *self,
                   GString                  *out,
                   guint                     level,
                   const GlossExportArticle *article,
                   GError                  **error)
{
  GFile *file = gloss_source_get_file (article->source);
  g_autofree char *source_uri = NULL;
  g_autofree char *collection = NULL;
  g_autofree char *page = NULL;
  gboolean first = TRUE;

  if (file != NULL)
    source_uri = g_file_get_uri (file);
  else
    source_uri = g_strdup_printf ("urn:sha256:%s", gloss_source_get_sha256 (article->source));

  collection = derived_uuid ("collection", source_uri);
  page = derived_uuid ("page", source_uri);

  g_string_append_c (out, '{');
  member (out, level + 1, "@context", CONTEXT, TRUE);
  key (out, level + 1, "id", FALSE);
  g_string_append_printf (out, "\"urn:uuid:%s\"", collection);
  member (out, level + 1, "type", "AnnotationCollection", FALSE);
  member (out, level + 1, "label", gloss_source_get_title (article->source), FALSE);
  key (out, level + 1, "total", FALSE);
  g_string_append_printf (out, "%u", count_kept (self, article));
  key (out, level + 1, "first", FALSE);
  g_string_append_c (out, '{');
  key (out, level + 2, "id", TRUE);
  g_string_append_printf (out, "\"urn:uuid:%s\"", page);
  member (out, level + 2, "type", "AnnotationPage", FALSE);
  key (out, level + 2, "startIndex", FALSE);
  g_string_append (out, "0");
  key (out, level + 2, "items", FALSE);
  g_string_append_c (out, '[');

  for (guint f = 0; f < article->files->len; f++)
    {
      GlossAnnotationFile *afile = g_ptr_array_index (article->files, f);
      GlossLayer *layer = gloss_annotation_file_get_layer (afile);
      GListModel *model = G_LIST_MODEL (layer);
      guint n = g_list_model_get_n_items (model);
      g_autoptr(GHashTable) groups = _gloss_export_groups (self, article->source, afile);
      guint n_cut = 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GlossAnnotation) a = g_list_model_get_item (model, i);

          if (!_gloss_exporter_keeps (self, a))
            continue;

          if (!first)
            g_string_append_c (out, ',');
          first = FALSE;
          indent (out, level + 3);
          append_annotation (out, level + 3, article->source, source_uri, afile, a,
                             g_hash_table_lookup (groups, a));
          self->n_annotations++;

          if (out == self->buffer && !_gloss_exporter_flush (self, FALSE, error))
            return FALSE;
        }

      for (guint i = 0; i < gloss_layer_get_n_relations (layer); i++)
        {
          GlossRelation *relation = gloss_layer_get_relation (layer, i);

          if (!relation_kept (self, layer, relation))
            {
              n_cut++;
              continue;
            }

          if (!first)
            g_string_append_c (out, ',');
          first = FALSE;
          indent (out, level + 3);
          append_relation (out, level + 3, layer, relation);

          if (out == self->buffer && !_gloss_exporter_flush (self, FALSE, error))
            return FALSE;
        }

      _gloss_exporter_warn_relations_cut (self, article->name, _gloss_export_annotator (afile), n_cut);
    }

  if (!first)
    indent (out, level + 2);
  g_string_append_c (out, ']');
  indent (out, level + 1);
  g_string_append_c (out, '}');
  indent (out, level);
  g_string_append_c (out, '}');

  return TRUE;
}

static gboolean
w3c_add (GlossExporter            *self,
         const GlossExportArticle *article,
         GError                  **error)
{
  W3cState *state = self->state;

  if (self->folder != NULL)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autofree char *path = g_strconcat (article->name, ".jsonld", NULL);

      if (!append_collection (self, out, 0, article, error))
        return FALSE;
      g_string_append_c (out, '\n');
      return _gloss_exporter_write_file (self, path, out->str, out->len, error);
    }

  if (state->n_collections++ > 0)
    g_string_append_c (self->buffer, ',');
  indent (self->buffer, 1);
  return append_collection (self, self->buffer, 1, article, error);
}

static gboolean
w3c_finish (GlossExporter  *self,
            GError        **error)
{
  W3cState *state = self->state;

  if (self->folder == NULL)
    g_string_append (self->buffer, state->n_collections > 0 ? "\n]\n" : "]\n");
  return TRUE;
}

const GlossExportFormatClass _gloss_export_w3c = {
  .description = N_("W3C Web Annotation JSON-LD: a collection per article, in one file."),
  .options = GLOSS_FORMAT_FILE_OR_FOLDER,
  .begin = w3c_begin,
  .add = w3c_add,
  .finish = w3c_finish,
  .free_state = w3c_free_state,
};
