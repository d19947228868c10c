/* gloss-annotation-file-read.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-annotation-file"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "gloss-annotation-file-private.h"
#include "gloss-annotation-file-read-private.h"
#include "gloss-annotation-private.h"
#include "gloss-error.h"
#include "gloss-json-reader.h"

/* Reading the file format.  Reading goes through the streaming reader, one member at a time, so that
 * a file of 100,000 annotations loads in a fraction of a second and a
 * malformed one is refused at the first fault, with its line. */

void
_gloss_source_info_clear (GlossSourceInfo *info)
{
  g_clear_pointer (&info->path, g_free);
  g_clear_pointer (&info->sha256, g_free);
  g_clear_pointer (&info->text_sha256, g_free);
  g_clear_pointer (&info->encoding, g_free);
  g_clear_pointer (&info->media_type, g_free);
  g_clear_pointer (&info->reader, g_free);
  g_clear_pointer (&info->extra, json_object_unref);
  info->length = 0;
}

void
_gloss_file_content_clear (GlossFileContent *content)
{
  _gloss_source_info_clear (&content->source);
  g_clear_pointer (&content->annotator_id, g_free);
  g_clear_pointer (&content->annotator_name, g_free);
  g_clear_pointer (&content->annotator_extra, json_object_unref);
  g_clear_pointer (&content->extra, json_object_unref);
  g_clear_pointer (&content->tags, g_ptr_array_unref);
  g_clear_pointer (&content->annotations, g_ptr_array_unref);
  g_clear_pointer (&content->relations, g_ptr_array_unref);
}

void
_gloss_annotation_file_report_merged (GlossAnnotationFile *self)
{
  g_autofree char *display = NULL;

  if (self->n_merged == 0)
    return;

  display = g_file_get_parse_name (self->file);
  g_ptr_array_add (self->problems,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 /* Translators: a file name, then a number */
                                                 "“%s”: %u annotation repeats the tag and span of another; Gloss keeps the one created first, with the notes of both",
                                                 "“%s”: %u annotations repeat the tag and span of others; Gloss keeps the one created first of each, with all their notes",
                                                 self->n_merged),
                                    display, self->n_merged));
}

gboolean G_GNUC_PRINTF (3, 4)
_gloss_read_fail (Parser     *parser,
                  GError    **error,
                  const char *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
               /* Translators: file name, line number, then what is wrong */
               _("“%s”, line %u: %s"),
               parser->display, gloss_json_reader_get_line (parser->reader), message);
  return FALSE;
}

/* An id given twice: the message of _gloss_read_fail(), with its own code. */
gboolean G_GNUC_PRINTF (3, 4)
_gloss_read_fail_duplicate (Parser     *parser,
                            GError    **error,
                            const char *format,
                            ...)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  _gloss_read_fail (parser, &local_error, "%s", message);
  g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_DUPLICATE_ID, local_error->message);
  return FALSE;
}

gboolean
_gloss_read_next (Parser  *parser,
                  GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (gloss_json_reader_next (parser->reader, &local_error))
    return TRUE;

  g_set_error (error, GLOSS_ERROR, local_error->code,
               /* Translators: a file name, then what is wrong with it */
               _("“%s”: %s"), parser->display, local_error->message);
  return FALSE;
}

GlossJsonToken
_gloss_read_token (Parser *parser)
{
  return gloss_json_reader_get_token (parser->reader);
}

static gboolean
take_extra (Parser      *parser,
            JsonObject **extra,
            const char  *name,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *key = g_strdup (name);
  JsonNode *node;

  if (!_gloss_read_next (parser, error))
    return FALSE;

  node = gloss_json_reader_read_node (parser->reader, &local_error);
  if (node == NULL)
    {
      g_set_error (error, GLOSS_ERROR, local_error->code,
                   /* Translators: a file name, then what is wrong with it */
                   _("“%s”: %s"), parser->display, local_error->message);
      return FALSE;
    }

  if (*extra == NULL)
    *extra = json_object_new ();
  json_object_set_member (*extra, key, node);
  return TRUE;
}

gboolean
_gloss_read_string (Parser      *parser,
                    const char  *what,
                    const char  *name,
                    char       **out,
                    GError     **error)
{
  if (!_gloss_read_next (parser, error))
    return FALSE;

  if (_gloss_read_token (parser) != GLOSS_JSON_TOKEN_STRING)
    return _gloss_read_fail (parser, error,
                             /* Translators: a field name, then where it is ("the source") */
                             _("“%s” of %s must be a string"), name, _(what));

  g_free (*out);
  *out = gloss_json_reader_dup_string (parser->reader);
  return TRUE;
}

static gboolean
read_uint (Parser      *parser,
           const char  *what,
           const char  *name,
           gint64       max,
           gint64      *out,
           GError     **error)
{
  gint64 value;

  if (!_gloss_read_next (parser, error))
    return FALSE;

  if (_gloss_read_token (parser) != GLOSS_JSON_TOKEN_NUMBER ||
      !gloss_json_reader_get_int64 (parser->reader, &value) ||
      value < 0 || value > max)
    return _gloss_read_fail (parser, error,
                             _("“%s” of %s must be a whole number from 0 to %" PRId64),
                             name, _(what), (int64_t)max);

  *out = value;
  return TRUE;
}

gboolean
_gloss_read_object (Parser             *parser,
                    const char         *what,
                    const char * const *fields,
                    MemberFunc          member,
                    gpointer            data,
                    JsonObject        **extra,
                    GError            **error)
{
  guint64 seen = 0;

  if (_gloss_read_token (parser) != GLOSS_JSON_TOKEN_BEGIN_OBJECT)
    return _gloss_read_fail (parser, error, _("%s must be an object"), _(what));

  for (;;)
    {
      const char *key;
      guint field;

      if (!_gloss_read_next (parser, error))
        return FALSE;
      if (_gloss_read_token (parser) == GLOSS_JSON_TOKEN_END_OBJECT)
        return TRUE;

      key = gloss_json_reader_get_string (parser->reader, NULL);
      for (field = 0; fields[field] != NULL; field++)
        if (strcmp (fields[field], key) == 0)
          break;

      if (fields[field] != NULL)
        {
          if (seen & (G_GUINT64_CONSTANT (1) << field))
            return _gloss_read_fail (parser, error, _("“%s” is given twice in %s"), key, _(what));
          seen |= G_GUINT64_CONSTANT (1) << field;
          if (!member (parser, field, data, error))
            return FALSE;
        }
      else
        {
          if (*extra != NULL && json_object_has_member (*extra, key))
            return _gloss_read_fail (parser, error, _("“%s” is given twice in %s"), key, _(what));
          if (!take_extra (parser, extra, key, error))
            return FALSE;
        }
    }
}

enum { SOURCE_PATH, SOURCE_SHA256, SOURCE_TEXT_SHA256, SOURCE_ENCODING,
       SOURCE_MEDIA_TYPE, SOURCE_READER, SOURCE_LENGTH };

static const char * const source_fields[] = {
  "path", "sha256", "text_sha256", "encoding", "media_type", "extractor", "length", NULL
};

static gboolean
source_member (Parser  *parser,
               guint    field,
               gpointer data,
               GError **error)
{
  GlossSourceInfo *info = data;
  const char *what = N_("the source");
  char **strings[] = { &info->path, &info->sha256, &info->text_sha256, &info->encoding,
                       &info->media_type, &info->reader };

  if (field == SOURCE_LENGTH)
    return read_uint (parser, what, source_fields[field], G_MAXUINT32, &info->length, error);

  return _gloss_read_string (parser, what, source_fields[field], strings[field], error);
}

static const char * const annotator_fields[] = { "id", "name", NULL };

static gboolean
annotator_member (Parser  *parser,
                  guint    field,
                  gpointer data,
                  GError **error)
{
  GlossFileContent *content = data;
  char **strings[] = { &content->annotator_id, &content->annotator_name };

  return _gloss_read_string (parser, N_("the annotator"), annotator_fields[field], strings[field], error);
}

typedef struct
{
  char *id;
  char *label;
  char *color;
  char *description;
  gint64 order;
  JsonObject *extra;
} TagFields;

enum { TAG_ID, TAG_LABEL, TAG_COLOR, TAG_DESCRIPTION, TAG_ORDER };

static const char * const tag_fields[] = { "id", "label", "color", "description", "order", NULL };

static gboolean
tag_member (Parser  *parser,
            guint    field,
            gpointer data,
            GError **error)
{
  TagFields *fields = data;
  const char *what = N_("a tag");
  char **strings[] = { &fields->id, &fields->label, &fields->color, &fields->description };

  if (field == TAG_ORDER)
    return read_uint (parser, what, tag_fields[field], G_MAXUINT32, &fields->order, error);

  return _gloss_read_string (parser, what, tag_fields[field], strings[field], error);
}

static void
tag_fields_clear (TagFields *fields)
{
  g_clear_pointer (&fields->id, g_free);
  g_clear_pointer (&fields->label, g_free);
  g_clear_pointer (&fields->color, g_free);
  g_clear_pointer (&fields->description, g_free);
  g_clear_pointer (&fields->extra, json_object_unref);
}

static gboolean
read_tag (Parser  *parser,
          GError **error)
{
  TagFields fields = { 0 };
  GlossTag *tag;
  gboolean ok;

  ok = _gloss_read_object (parser, N_("a tag"), tag_fields, tag_member, &fields, &fields.extra, error);
  if (ok && fields.id == NULL)
    ok = _gloss_read_fail (parser, error, _("a tag has no “id”"));
  if (ok && !gloss_tag_id_is_valid (fields.id))
    ok = _gloss_read_fail (parser, error, _("“%s” is not a valid tag id"), fields.id);
  if (ok && fields.color != NULL && !gloss_tag_color_is_valid (fields.color))
    ok = _gloss_read_fail (parser, error, _("the colour “%s” of tag “%s” is not of the form #rrggbb"),
                           fields.color, fields.id);

  if (ok)
    {
      tag = gloss_tag_new (fields.id, fields.label, fields.color ? fields.color : "#77767b",
                           fields.description);
      gloss_tag_set_order (tag, fields.order);
      gloss_tag_set_extra (tag, fields.extra);
      g_ptr_array_add (parser->content->tags, tag);
    }

  tag_fields_clear (&fields);
  return ok;
}

typedef struct
{
  char *id;
  char *tag;
  char *quote;
  char *prefix;
  char *suffix;
  char *note;
  char *created;
  char *modified;
  char *status;
  GVariant *attributes;
  gint64 start;
  gint64 end;
  gboolean has_start;
  gboolean has_end;
  JsonObject *extra;
} AnnotationFields;

static void
annotation_fields_clear (AnnotationFields *fields)
{
  g_clear_pointer (&fields->id, g_free);
  g_clear_pointer (&fields->tag, g_free);
  g_clear_pointer (&fields->quote, g_free);
  g_clear_pointer (&fields->prefix, g_free);
  g_clear_pointer (&fields->suffix, g_free);
  g_clear_pointer (&fields->note, g_free);
  g_clear_pointer (&fields->created, g_free);
  g_clear_pointer (&fields->modified, g_free);
  g_clear_pointer (&fields->status, g_free);
  g_clear_pointer (&fields->attributes, g_variant_unref);
  g_clear_pointer (&fields->extra, json_object_unref);
}

enum { ANN_ID, ANN_TAG, ANN_START, ANN_END, ANN_QUOTE, ANN_PREFIX, ANN_SUFFIX,
       ANN_NOTE, ANN_CREATED, ANN_MODIFIED, ANN_STATUS, ANN_ATTRIBUTES };

static const char * const annotation_fields[] = {
  "id", "tag", "start", "end", "quote", "prefix", "suffix", "note", "created", "modified",
  "status", "attributes", NULL
};

static gboolean
annotation_member (Parser  *parser,
                   guint    field,
                   gpointer data,
                   GError **error)
{
  AnnotationFields *f = data;
  const char *what = N_("an annotation");
  const char *name = annotation_fields[field];
  char **strings[] = { &f->id, &f->tag, NULL, NULL, &f->quote, &f->prefix, &f->suffix,
                       &f->note, &f->created, &f->modified, &f->status };

  if (field == ANN_START)
    return (f->has_start = read_uint (parser, what, name, G_MAXUINT32, &f->start, error));
  if (field == ANN_END)
    return (f->has_end = read_uint (parser, what, name, G_MAXUINT32, &f->end, error));
  if (field == ANN_ATTRIBUTES)
    return _gloss_read_attributes (parser, &f->attributes, error);

  return _gloss_read_string (parser, what, name, strings[field], error);
}

static gboolean
check_annotation (Parser           *parser,
                  AnnotationFields *f,
                  guint             index,
                  GError          **error)
{
  const char *missing = NULL;
  guint n = index + 1;

  if (f->id == NULL)
    missing = "id";
  else if (f->tag == NULL)
    missing = "tag";
  else if (!f->has_start)
    missing = "start";
  else if (!f->has_end)
    missing = "end";
  else if (f->quote == NULL)
    missing = "quote";

  if (missing != NULL)
    return _gloss_read_fail (parser, error,
                             /* Translators: annotation number, then a field name */
                             _("annotation %u has no “%s”"), n, missing);

  if (f->id[0] == '\0')
    return _gloss_read_fail (parser, error, _("annotation %u has an empty id"), n);
  if (!gloss_tag_id_is_valid (f->tag))
    return _gloss_read_fail (parser, error, _("annotation %u has “%s” as its tag, which is not a valid tag id"),
                             n, f->tag);
  if (f->start >= f->end)
    {
      g_autoptr(GError) local_error = NULL;

      _gloss_read_fail (parser, &local_error,
                        _("annotation %u starts at %" PRId64 " and ends at %" PRId64
              ": the end must come after the start"),
                        n, (int64_t)f->start, (int64_t)f->end);
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_OUT_OF_RANGE, local_error->message);
      return FALSE;
    }
  if ((gint64)g_utf8_strlen (f->quote, -1) != f->end - f->start)
    return _gloss_read_fail (parser, error,
                             _("annotation %u spans %" PRId64 " characters but its quote has %ld"),
                             n, (int64_t)(f->end - f->start), g_utf8_strlen (f->quote, -1));
  if (f->created != NULL && !gloss_timestamp_is_valid (f->created))
    return _gloss_read_fail (parser, error, _("annotation %u: “%s” is not an ISO 8601 date and time"),
                             n, f->created);
  if (f->modified != NULL && !gloss_timestamp_is_valid (f->modified))
    return _gloss_read_fail (parser, error, _("annotation %u: “%s” is not an ISO 8601 date and time"),
                             n, f->modified);
  if (f->status != NULL && !gloss_anchor_status_from_string (f->status, NULL))
    return _gloss_read_fail (parser, error, _("annotation %u: “%s” is not a known status"), n, f->status);

  if (g_hash_table_contains (parser->ids, f->id))
    return _gloss_read_fail_duplicate (parser, error, _("annotation %u has the id “%s” of an earlier one"),
                                       n, f->id);

  return TRUE;
}

static gboolean
read_annotation (Parser  *parser,
                 GError **error)
{
  AnnotationFields f = { 0 };
  GlossAnnotation *annotation;
  GlossAnchorStatus status = GLOSS_ANCHOR_ANCHORED;
  gboolean ok;

  ok = _gloss_read_object (parser, N_("an annotation"), annotation_fields, annotation_member, &f,
                           &f.extra, error) &&
       check_annotation (parser, &f, parser->content->annotations->len, error);

  if (ok)
    {
      annotation = _gloss_annotation_new_take (g_steal_pointer (&f.id),
                                               g_steal_pointer (&f.tag),
                                               f.start, f.end,
                                               g_steal_pointer (&f.quote),
                                               g_steal_pointer (&f.prefix),
                                               g_steal_pointer (&f.suffix),
                                               g_steal_pointer (&f.note),
                                               g_steal_pointer (&f.created),
                                               g_steal_pointer (&f.modified));
      if (f.status != NULL)
        gloss_anchor_status_from_string (f.status, &status);
      _gloss_annotation_set_status (annotation, status);
      gloss_annotation_set_extra (annotation, f.extra);
      gloss_annotation_set_attributes (annotation, f.attributes);
      g_ptr_array_add (parser->content->annotations, annotation);
      g_hash_table_add (parser->ids, (gpointer)gloss_annotation_get_id (annotation));
    }

  annotation_fields_clear (&f);
  return ok;
}

static gboolean
read_array (Parser   *parser,
            const char *what,
            gboolean (*element) (Parser *, GError **),
            GError  **error)
{
  if (!_gloss_read_next (parser, error))
    return FALSE;
  if (_gloss_read_token (parser) != GLOSS_JSON_TOKEN_BEGIN_ARRAY)
    return _gloss_read_fail (parser, error, _("“%s” must be a list"), what);

  for (;;)
    {
      if (!_gloss_read_next (parser, error))
        return FALSE;
      if (_gloss_read_token (parser) == GLOSS_JSON_TOKEN_END_ARRAY)
        return TRUE;
      if (!element (parser, error))
        return FALSE;
    }
}

enum { TOP_GLOSS, TOP_SOURCE, TOP_ANNOTATOR, TOP_TAGS, TOP_ANNOTATIONS, TOP_RELATIONS };

static const char * const top_fields[] = {
  "gloss", "source", "annotator", "tags", "annotations", "relations", NULL
};

static gboolean
top_member (Parser  *parser,
            guint    field,
            gpointer data,
            GError **error)
{
  GlossFileContent *content = parser->content;

  if (field == TOP_GLOSS)
    {
      gint64 version = 0;

      if (!_gloss_read_next (parser, error))
        return FALSE;
      if (_gloss_read_token (parser) != GLOSS_JSON_TOKEN_NUMBER ||
          !gloss_json_reader_get_int64 (parser->reader, &version) || version < 1)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_GLOSS,
                       _("“%s” is not a Gloss annotation file: “gloss” must be a format version number"),
                       parser->display);
          return FALSE;
        }

      content->format_version = MIN (version, G_MAXUINT);
      if (version > GLOSS_FORMAT_VERSION && !(parser->flags & GLOSS_LOAD_ALLOW_NEWER))
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NEWER_VERSION,
                       _("“%s” was written by a newer Gloss (format %" PRId64
                         "); this version reads format %d"),
                       parser->display, (int64_t)version, GLOSS_FORMAT_VERSION);
          return FALSE;
        }
      return TRUE;
    }

  if (field == TOP_SOURCE)
    return _gloss_read_next (parser, error) &&
           _gloss_read_object (parser, N_("the source"), source_fields, source_member,
                               &content->source, &content->source.extra, error);

  if (field == TOP_ANNOTATOR)
    return _gloss_read_next (parser, error) &&
           _gloss_read_object (parser, N_("the annotator"), annotator_fields, annotator_member,
                               content, &content->annotator_extra, error);

  if (field == TOP_TAGS)
    return read_array (parser, "tags", read_tag, error);
  if (field == TOP_RELATIONS)
    return read_array (parser, "relations", _gloss_read_relation, error);

  return read_array (parser, "annotations", read_annotation, error);
}

static gboolean
is_sha256 (const char *s)
{
  guint i;

  for (i = 0; s[i] != '\0'; i++)
    if (!g_ascii_isdigit (s[i]) && !(s[i] >= 'a' && s[i] <= 'f'))
      return FALSE;

  return i == 64;
}

static gboolean
check_content (Parser  *parser,
               GError **error)
{
  GlossFileContent *content = parser->content;
  const char *missing = NULL;

  if (content->format_version == 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_GLOSS,
                   _("“%s” is not a Gloss annotation file (it has no “gloss” format version)"),
                   parser->display);
      return FALSE;
    }

  if (content->source.path == NULL)
    missing = "source.path";
  else if (content->source.text_sha256 == NULL)
    missing = "source.text_sha256";
  else if (content->annotator_id == NULL)
    missing = "annotator.id";

  if (missing != NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("“%s” has no “%s”"), parser->display, missing);
      return FALSE;
    }

  if (!is_sha256 (content->source.text_sha256) ||
      (content->source.sha256 != NULL && !is_sha256 (content->source.sha256)))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("“%s”: the source’s hashes must be SHA-256 digests in lower-case hexadecimal"),
                   parser->display);
      return FALSE;
    }

  if (!gloss_source_path_is_safe (content->source.path))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSAFE_PATH,
                   _("“%s” names its article “%s”; Gloss only opens an article in the same folder, by its file name"),
                   parser->display, content->source.path);
      return FALSE;
    }

  if (!g_str_equal (content->annotator_id, GLOSS_CONSENSUS_ANNOTATOR) &&
      !gloss_annotator_id_is_valid (content->annotator_id))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("“%s”: “%s” is not a valid annotator id (use lower-case letters, digits and “-”)"),
                   parser->display, content->annotator_id);
      return FALSE;
    }

  return TRUE;
}

gboolean
_gloss_file_content_parse (GlossFileContent  *content,
                           const char        *display,
                           const char        *data,
                           gsize              length,
                           GlossLoadFlags     flags,
                           GError           **error)
{
  g_autoptr(GlossJsonReader) reader = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GHashTable) relation_ids = NULL;
  Parser parser;

  reader = gloss_json_reader_new (data, length, GLOSS_ANNOTATION_FILE_MAX_DEPTH);
  /* Borrows the ids of the annotations read so far. */
  ids = g_hash_table_new (g_str_hash, g_str_equal);
  relation_ids = g_hash_table_new (g_str_hash, g_str_equal);
  parser = (Parser) { reader, display, flags, content, ids, relation_ids };

  content->tags = g_ptr_array_new_with_free_func (g_object_unref);
  content->annotations = g_ptr_array_new_with_free_func (g_object_unref);
  content->relations = g_ptr_array_new_with_free_func (g_object_unref);

  if (!_gloss_read_next (&parser, error))
    return FALSE;

  if (_gloss_read_token (&parser) != GLOSS_JSON_TOKEN_BEGIN_OBJECT)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_GLOSS,
                   _("“%s” is not a Gloss annotation file (it is JSON, but not an object)"),
                   display);
      return FALSE;
    }

  if (!_gloss_read_object (&parser, N_("the file"), top_fields, top_member, NULL, &content->extra, error))
    return FALSE;

  /* The reader checks that nothing but white space follows. */
  if (!_gloss_read_next (&parser, error))
    return FALSE;

  return check_content (&parser, error);
}
