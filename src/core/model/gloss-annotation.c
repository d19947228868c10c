/* gloss-annotation.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-annotation"

#include "config.h"

#include <string.h>

#include "gloss-annotation-private.h"

G_DEFINE_FINAL_TYPE (GlossAnnotation, gloss_annotation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TAG,
  PROP_START,
  PROP_END,
  PROP_QUOTE,
  PROP_PREFIX,
  PROP_SUFFIX,
  PROP_NOTE,
  PROP_HAS_NOTE,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_STATUS,
  PROP_ATTRIBUTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const status_names[] = { "anchored", "moved", "orphaned" };

GType
gloss_anchor_status_get_type (void)
{
  static gsize type_id;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { GLOSS_ANCHOR_ANCHORED, "GLOSS_ANCHOR_ANCHORED", "anchored" },
        { GLOSS_ANCHOR_MOVED, "GLOSS_ANCHOR_MOVED", "moved" },
        { GLOSS_ANCHOR_ORPHANED, "GLOSS_ANCHOR_ORPHANED", "orphaned" },
        { 0, NULL, NULL }
      };
      GType type = g_enum_register_static (g_intern_static_string ("GlossAnchorStatus"), values);
      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

const char *
gloss_anchor_status_to_string (GlossAnchorStatus status)
{
  g_return_val_if_fail (status <= GLOSS_ANCHOR_ORPHANED, NULL);

  return status_names[status];
}

gboolean
gloss_anchor_status_from_string (const char        *str,
                                 GlossAnchorStatus *status)
{
  g_return_val_if_fail (str != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    {
      if (strcmp (str, status_names[i]) == 0)
        {
          if (status != NULL)
            *status = i;
          return TRUE;
        }
    }

  return FALSE;
}

char *
gloss_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static int
digits (const char *s,
        guint       n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return -1;
      value = value * 10 + (s[i] - '0');
    }

  return value;
}

/* The form Gloss writes, "2026-11-28T09:30:00Z", checked without the cost
 * of a GDateTime: files hold two timestamps per annotation. */
static gboolean
is_plain_utc (const char *s)
{
  int year, month, day, hour, minute, second;

  if (strlen (s) != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' ||
      s[13] != ':' || s[16] != ':' || s[19] != 'Z')
    return FALSE;

  year = digits (s, 4);
  month = digits (s + 5, 2);
  day = digits (s + 8, 2);
  hour = digits (s + 11, 2);
  minute = digits (s + 14, 2);
  second = digits (s + 17, 2);

  return year >= 1 && month >= 1 && month <= 12 && day >= 1 &&
         day <= g_date_get_days_in_month (month, year) &&
         hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60;
}

gboolean
gloss_timestamp_is_valid (const char *str)
{
  g_autoptr(GDateTime) dt = NULL;

  if (str == NULL)
    return FALSE;

  if (is_plain_utc (str))
    return TRUE;

  /* Other tools write offsets or fractions of seconds: accept any valid
   * ISO 8601 date and time with an explicit zone. */
  if (strlen (str) < 20)
    return FALSE;

  dt = g_date_time_new_from_iso8601 (str, NULL);
  return dt != NULL;
}

static void
gloss_annotation_finalize (GObject *object)
{
  GlossAnnotation *self = (GlossAnnotation *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->tag, g_free);
  g_clear_pointer (&self->quote, g_free);
  g_clear_pointer (&self->prefix, g_free);
  g_clear_pointer (&self->suffix, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->modified, g_free);
  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_pointer (&self->attributes, g_variant_unref);

  G_OBJECT_CLASS (gloss_annotation_parent_class)->finalize (object);
}

static void
gloss_annotation_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GlossAnnotation *self = GLOSS_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TAG:
      g_value_set_string (value, self->tag);
      break;

    case PROP_START:
      g_value_set_uint (value, self->start);
      break;

    case PROP_END:
      g_value_set_uint (value, self->end);
      break;

    case PROP_QUOTE:
      g_value_set_string (value, self->quote);
      break;

    case PROP_PREFIX:
      g_value_set_string (value, self->prefix);
      break;

    case PROP_SUFFIX:
      g_value_set_string (value, self->suffix);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_HAS_NOTE:
      g_value_set_boolean (value, gloss_annotation_has_note (self));
      break;

    case PROP_CREATED:
      g_value_set_string (value, self->created);
      break;

    case PROP_MODIFIED:
      g_value_set_string (value, self->modified);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_ATTRIBUTES:
      g_value_set_variant (value, self->attributes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_annotation_class_init (GlossAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gloss_annotation_finalize;
  object_class->get_property = gloss_annotation_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TAG] = g_param_spec_string ("tag", NULL, NULL, NULL, flags);
  properties[PROP_START] = g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_END] = g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_QUOTE] = g_param_spec_string ("quote", NULL, NULL, NULL, flags);
  properties[PROP_PREFIX] = g_param_spec_string ("prefix", NULL, NULL, NULL, flags);
  properties[PROP_SUFFIX] = g_param_spec_string ("suffix", NULL, NULL, NULL, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  properties[PROP_HAS_NOTE] = g_param_spec_boolean ("has-note", NULL, NULL, FALSE, flags);
  properties[PROP_CREATED] = g_param_spec_string ("created", NULL, NULL, NULL, flags);
  properties[PROP_MODIFIED] = g_param_spec_string ("modified", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL,
                                               GLOSS_TYPE_ANCHOR_STATUS,
                                               GLOSS_ANCHOR_ANCHORED, flags);
  properties[PROP_ATTRIBUTES] = g_param_spec_variant ("attributes", NULL, NULL,
                                                      G_VARIANT_TYPE_VARDICT, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_annotation_init (GlossAnnotation *self)
{
  self->status = GLOSS_ANCHOR_ANCHORED;
}

GlossAnnotation *
gloss_annotation_new_full (const char *id,
                           const char *tag,
                           guint       start,
                           guint       end,
                           const char *quote,
                           const char *prefix,
                           const char *suffix,
                           const char *note,
                           const char *created,
                           const char *modified)
{
  GlossAnnotation *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (tag != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);

  self = g_object_new (GLOSS_TYPE_ANNOTATION, NULL);
  self->id = g_strdup (id);
  self->tag = g_strdup (tag);
  self->start = start;
  self->end = end;
  self->quote = g_strdup (quote ? quote : "");
  self->prefix = g_strdup (prefix ? prefix : "");
  self->suffix = g_strdup (suffix ? suffix : "");
  self->note = g_strdup (note ? note : "");
  self->created = g_strdup (created ? created : "");
  self->modified = g_strdup (modified ? modified : self->created);

  return self;
}

static char *
take_or_empty (char *str)
{
  return str != NULL ? str : g_strdup ("");
}

GlossAnnotation *
_gloss_annotation_new_take (char  *id,
                            char  *tag,
                            guint  start,
                            guint  end,
                            char  *quote,
                            char  *prefix,
                            char  *suffix,
                            char  *note,
                            char  *created,
                            char  *modified)
{
  GlossAnnotation *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (tag != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);

  self = g_object_new (GLOSS_TYPE_ANNOTATION, NULL);
  self->id = id;
  self->tag = tag;
  self->start = start;
  self->end = end;
  self->quote = take_or_empty (quote);
  self->prefix = take_or_empty (prefix);
  self->suffix = take_or_empty (suffix);
  self->note = take_or_empty (note);
  self->created = take_or_empty (created);
  self->modified = modified != NULL ? modified : g_strdup (self->created);

  return self;
}

GlossAnnotation *
gloss_annotation_new_for_source (GlossSource *source,
                                 const char  *tag,
                                 guint        start,
                                 guint        end,
                                 const char  *note)
{
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *now = gloss_timestamp_now ();
  GlossAnnotation *self;

  g_return_val_if_fail (GLOSS_IS_SOURCE (source), NULL);
  g_return_val_if_fail (tag != NULL, NULL);
  g_return_val_if_fail (start < end, NULL);
  g_return_val_if_fail (end <= gloss_source_get_length (source), NULL);

  self = gloss_annotation_new_full (id, tag, start, end, NULL, NULL, NULL, note, now, now);
  _gloss_annotation_take_text_from_source (self, source);

  return self;
}

GlossAnnotation *
gloss_annotation_copy (GlossAnnotation *self)
{
  GlossAnnotation *copy;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);

  copy = gloss_annotation_new_full (self->id, self->tag, self->start, self->end,
                                    self->quote, self->prefix, self->suffix,
                                    self->note, self->created, self->modified);
  copy->status = self->status;
  if (self->extra != NULL)
    copy->extra = json_object_ref (self->extra);
  if (self->attributes != NULL)
    copy->attributes = g_variant_ref (self->attributes);

  return copy;
}

const char *
gloss_annotation_get_id (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  return self->id;
}

const char *
gloss_annotation_get_tag (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  return self->tag;
}

guint
gloss_annotation_get_start (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), 0);
  return self->start;
}

guint
gloss_annotation_get_end (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), 0);
  return self->end;
}

const char *
gloss_annotation_get_quote (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  return self->quote;
}

const char *
gloss_annotation_get_prefix (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  return self->prefix;
}

const char *
gloss_annotation_get_suffix (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  return self->suffix;
}

const char *
gloss_annotation_get_note (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  return self->note;
}

gboolean
gloss_annotation_has_note (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), FALSE);
  return self->note[0] != '\0';
}

const char *
gloss_annotation_get_created (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  return self->created;
}

const char *
gloss_annotation_get_modified (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  return self->modified;
}

GlossAnchorStatus
gloss_annotation_get_status (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), GLOSS_ANCHOR_ANCHORED);
  return self->status;
}

JsonObject *
gloss_annotation_get_extra (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  return self->extra;
}

void
gloss_annotation_set_extra (GlossAnnotation *self,
                            JsonObject      *extra)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));

  if (extra == self->extra)
    return;

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}

GVariant *
gloss_annotation_get_attributes (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  return self->attributes;
}

GVariant *
gloss_annotation_dup_attribute (GlossAnnotation *self,
                                const char      *id)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (self->attributes == NULL)
    return NULL;
  return g_variant_lookup_value (self->attributes, id, NULL);
}

void
gloss_annotation_set_attributes (GlossAnnotation *self,
                                 GVariant        *attributes)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));
  g_return_if_fail (attributes == NULL ||
                    g_variant_is_of_type (attributes, G_VARIANT_TYPE_VARDICT));

  if (attributes != NULL && g_variant_n_children (attributes) == 0)
    {
      g_variant_unref (g_variant_ref_sink (attributes));
      attributes = NULL;
    }
  if (attributes == self->attributes ||
      (attributes != NULL && self->attributes != NULL &&
       g_variant_equal (attributes, self->attributes)))
    {
      if (attributes != NULL && attributes != self->attributes)
        g_variant_unref (g_variant_ref_sink (attributes));
      return;
    }

  g_clear_pointer (&self->attributes, g_variant_unref);
  if (attributes != NULL)
    self->attributes = g_variant_ref_sink (attributes);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTRIBUTES]);
}

gboolean
gloss_attribute_value_is_valid (GVariant *value)
{
  return value != NULL &&
         (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) ||
          g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN) ||
          g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE));
}

/* The entry {"@id": <@value>} of an attribute dictionary, made without
 * the parsing of a format string: an import sets one on each of a
 * hundred thousand annotations. */
static GVariant *
attribute_entry (const char *id,
                 GVariant   *value)
{
  return g_variant_new_dict_entry (g_variant_new_string (id), g_variant_new_variant (value));
}

GVariant *
gloss_attributes_with (GVariant   *attributes,
                       const char *id,
                       GVariant   *value)
{
  g_autoptr(GVariant) sunk = value ? g_variant_ref_sink (value) : NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  GVariant *old;
  gboolean placed = (value == NULL);
  guint n = 0;

  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail (value == NULL || gloss_attribute_value_is_valid (value), NULL);

  /* The first attribute of an annotation, as most are, made at once
   * rather than through a builder, which costs more than the value. */
  if (attributes == NULL && value != NULL)
    {
      GVariant *entry = attribute_entry (id, sunk);

      return g_variant_ref_sink (g_variant_new_array (G_VARIANT_TYPE ("{sv}"), &entry, 1));
    }

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  if (attributes != NULL)
    {
      g_variant_iter_init (&iter, attributes);
      while (g_variant_iter_next (&iter, "{&sv}", &key, &old))
        {
          int cmp = strcmp (key, id);

          if (!placed && cmp > 0)
            {
              g_variant_builder_add_value (&builder, attribute_entry (id, sunk));
              placed = TRUE;
              n++;
            }
          if (cmp != 0)
            {
              g_variant_builder_add_value (&builder, attribute_entry (key, old));
              n++;
            }
          g_variant_unref (old);
        }
    }
  if (!placed)
    {
      g_variant_builder_add_value (&builder, attribute_entry (id, sunk));
      n++;
    }

  if (n == 0)
    {
      g_variant_builder_clear (&builder);
      return NULL;
    }

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

int
gloss_annotation_compare (GlossAnnotation *a,
                          GlossAnnotation *b)
{
  int cmp;

  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  if ((cmp = strcmp (a->tag, b->tag)) != 0)
    return cmp;
  return strcmp (a->id, b->id);
}

static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

void
_gloss_annotation_set_tag (GlossAnnotation *self,
                           const char      *tag)
{
  g_return_if_fail (tag != NULL && *tag != '\0');

  if (replace_string (&self->tag, tag))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAG]);
}

void
_gloss_annotation_set_range (GlossAnnotation *self,
                             guint            start,
                             guint            end)
{
  g_return_if_fail (start <= end);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->start != start)
    {
      self->start = start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
    }
  if (self->end != end)
    {
      self->end = end;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
_gloss_annotation_set_text (GlossAnnotation *self,
                            const char      *quote,
                            const char      *prefix,
                            const char      *suffix)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (replace_string (&self->quote, quote))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUOTE]);
  if (replace_string (&self->prefix, prefix))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREFIX]);
  if (replace_string (&self->suffix, suffix))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUFFIX]);
  g_object_thaw_notify (G_OBJECT (self));
}

void
_gloss_annotation_set_note (GlossAnnotation *self,
                            const char      *note)
{
  gboolean had_note = gloss_annotation_has_note (self);

  if (!replace_string (&self->note, note))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
  if (had_note != gloss_annotation_has_note (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_NOTE]);
}

void
_gloss_annotation_set_modified (GlossAnnotation *self,
                                const char      *modified)
{
  if (replace_string (&self->modified, modified))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
_gloss_annotation_set_status (GlossAnnotation   *self,
                              GlossAnchorStatus  status)
{
  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

void
_gloss_annotation_assign (GlossAnnotation *self,
                          GlossAnnotation *from)
{
  g_object_freeze_notify (G_OBJECT (self));
  _gloss_annotation_set_tag (self, from->tag);
  _gloss_annotation_set_range (self, from->start, from->end);
  _gloss_annotation_set_text (self, from->quote, from->prefix, from->suffix);
  _gloss_annotation_set_note (self, from->note);
  _gloss_annotation_set_modified (self, from->modified);
  _gloss_annotation_set_status (self, from->status);
  if (replace_string (&self->created, from->created))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
  gloss_annotation_set_extra (self, from->extra);
  gloss_annotation_set_attributes (self, from->attributes);
  g_object_thaw_notify (G_OBJECT (self));
}
