/* gloss-codebook.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-codebook"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-codebook-private.h"
#include "gloss-error.h"
#include "gloss-file-io.h"
#include "gloss-json-reader.h"
#include "gloss-json-writer.h"

/* Codebook files are small; anything bigger is not one. */
#define MAX_CODEBOOK_SIZE (4 * 1024 * 1024)
#define MAX_DEPTH 64

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GlossCodebook, gloss_codebook, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  ASSIGNED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Mid-tone colours that stay legible as translucent highlights on light
 * and dark backgrounds alike. */
static const char * const palette[] = {
  "#3584e4", "#e66100", "#9141ac", "#2ec27e", "#c01c28",
  "#986a44", "#1a5fb4", "#f5c211", "#e01b24", "#26a269",
  "#813d9c", "#63452c",
};

static GType
gloss_codebook_get_item_type (GListModel *model)
{
  return GLOSS_TYPE_TAG;
}

static guint
gloss_codebook_get_n_items (GListModel *model)
{
  return GLOSS_CODEBOOK (model)->tags->len;
}

static gpointer
gloss_codebook_get_item (GListModel *model,
                         guint       position)
{
  GlossCodebook *self = GLOSS_CODEBOOK (model);

  if (position >= self->tags->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->tags, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = gloss_codebook_get_item_type;
  iface->get_n_items = gloss_codebook_get_n_items;
  iface->get_item = gloss_codebook_get_item;
}

static void
gloss_codebook_finalize (GObject *object)
{
  GlossCodebook *self = (GlossCodebook *)object;

  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_object (&self->file);
  g_clear_pointer (&self->extra, json_object_unref);
  _gloss_codebook_relations_clear (self);

  G_OBJECT_CLASS (gloss_codebook_parent_class)->finalize (object);
}

static void
gloss_codebook_class_init (GlossCodebookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_codebook_finalize;

  /* After gloss_codebook_assign(): the relation types and attributes may
   * be others, which no items-changed tells. */
  signals[ASSIGNED] =
    g_signal_new ("assigned", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gloss_codebook_init (GlossCodebook *self)
{
  self->tags = g_ptr_array_new_with_free_func (g_object_unref);
  _gloss_codebook_relations_init (self);
}

GlossCodebook *
gloss_codebook_new (void)
{
  return g_object_new (GLOSS_TYPE_CODEBOOK, NULL);
}

GlossCodebook *
gloss_codebook_new_default (void)
{
  GlossCodebook *self = gloss_codebook_new ();
  g_autoptr(GlossTag) company = NULL;
  g_autoptr(GlossTag) controversy = NULL;
  g_autoptr(GlossTag) claim = NULL;

  company = gloss_tag_new_builtin ("company", N_("Company"), "#3584e4",
                                   N_("A company, group or firm named in the text"));
  controversy = gloss_tag_new_builtin ("controversy", N_("Controversy"), "#e66100",
                                       N_("A dispute, accusation or contested decision"));
  claim = gloss_tag_new_builtin ("claim", N_("Claim"), "#9141ac",
                                 N_("A statement of fact or figure that can be checked"));
  gloss_codebook_add (self, company);
  gloss_codebook_add (self, controversy);
  gloss_codebook_add (self, claim);
  _gloss_codebook_add_defaults (self);

  return self;
}

static void
renumber (GlossCodebook *self)
{
  for (guint i = 0; i < self->tags->len; i++)
    gloss_tag_set_order (g_ptr_array_index (self->tags, i), i + 1);
}

static gboolean
read_string_member (JsonObject  *object,
                    const char  *name,
                    gboolean     required,
                    const char **out,
                    GFile       *file,
                    guint        index,
                    GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *display = g_file_get_parse_name (file);

  *out = NULL;
  if (node == NULL)
    {
      if (!required)
        return TRUE;
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   /* Translators: a codebook file; the tag number; a field name */
                   _("“%s”: tag %u has no “%s”"), display, index + 1, name);
      return FALSE;
    }

  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("“%s”: “%s” of tag %u must be a string"), display, name, index + 1);
      return FALSE;
    }

  *out = json_node_get_string (node);
  return TRUE;
}

static GlossTag *
tag_from_json (JsonNode  *node,
               GFile     *file,
               guint      index,
               GError   **error)
{
  g_autofree char *display = g_file_get_parse_name (file);
  static const char * const known_keys[] = { "id", "label", "color", "description", "order", NULL };
  g_autoptr(JsonObject) extra = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object;
  const char *id, *label, *color, *description;
  GlossTag *tag;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("“%s”: tag %u is not an object"), display, index + 1);
      return NULL;
    }

  object = json_node_get_object (node);
  if (!read_string_member (object, "id", TRUE, &id, file, index, error) ||
      !read_string_member (object, "label", FALSE, &label, file, index, error) ||
      !read_string_member (object, "color", TRUE, &color, file, index, error) ||
      !read_string_member (object, "description", FALSE, &description, file, index, error))
    return NULL;

  if (!gloss_tag_id_is_valid (id))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("“%s”: “%s” is not a valid tag id (use lower-case letters, digits, “-” and “_”)"),
                   display, id);
      return NULL;
    }

  if (!gloss_tag_color_is_valid (color))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("“%s”: the colour “%s” of tag “%s” is not of the form #rrggbb"),
                   display, color, id);
      return NULL;
    }

  tag = gloss_tag_new (id, label, color, description);

  /* Keep what this version does not know, to write it back. */
  members = json_object_get_members (object);
  for (GList *l = members; l; l = l->next)
    {
      const char *name = l->data;

      if (g_strv_contains (known_keys, name))
        continue;
      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, name, json_node_copy (json_object_get_member (object, name)));
    }
  gloss_tag_set_extra (tag, extra);

  return tag;
}

GlossCodebook *
gloss_codebook_new_from_file (GFile   *file,
                              GError **error)
{
  g_autoptr(GlossCodebook) self = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object;
  JsonNode *tags;
  JsonArray *array;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  display = g_file_get_parse_name (file);

  /* A FIFO or a device in the codebook's place must never hang or
   * exhaust the reader. */
  if (!gloss_file_read_regular (file, MAX_CODEBOOK_SIZE, NULL, &contents, &length, &local_error))
    {
      if (g_error_matches (local_error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE))
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                     _("“%s” is too large to be a codebook"), display);
      else
        g_set_error (error, local_error->domain, local_error->code,
                     /* Translators: a file name, then the system's reason */
                     _("Could not read the codebook “%s”: %s"), display, local_error->message);
      return NULL;
    }

  root = gloss_json_parse (contents, length, MAX_DEPTH, &local_error);
  if (root == NULL)
    {
      /* Translators: a file name, then what is wrong with it */
      g_set_error (error, GLOSS_ERROR, local_error->code, _("“%s”: %s"), display,
                   local_error->message);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      (tags = json_object_get_member (object = json_node_get_object (root), "tags")) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (tags))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_GLOSS,
                   _("“%s” is not a Gloss codebook: it needs a “tags” list"), display);
      return NULL;
    }

  self = gloss_codebook_new ();
  self->file = g_object_ref (file);
  array = json_node_get_array (tags);

  members = json_object_get_members (object);
  for (GList *l = members; l; l = l->next)
    {
      const char *name = l->data;

      if (strcmp (name, "gloss_codebook") == 0 || strcmp (name, "tags") == 0 ||
          strcmp (name, "relations") == 0 || strcmp (name, "attributes") == 0)
        continue;
      if (self->extra == NULL)
        self->extra = json_object_new ();
      json_object_set_member (self->extra, name, json_node_copy (json_object_get_member (object, name)));
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GlossTag) tag = tag_from_json (json_array_get_element (array, i), file, i, error);

      if (tag == NULL)
        return NULL;

      if (!gloss_codebook_add (self, tag))
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_DUPLICATE_ID,
                       _("“%s”: the tag “%s” is listed twice"), display, gloss_tag_get_id (tag));
          return NULL;
        }
    }

  /* A file that names no relation types or attributes has none: the
   * defaults are only for a folder with no codebook file at all. */
  if (!_gloss_codebook_read_relations (self, object, display, error))
    return NULL;

  return g_steal_pointer (&self);
}

GlossCodebook *
gloss_codebook_new_for_article (GFile   *article,
                                GError **error)
{
  g_autoptr(GFile) dir = NULL;

  g_return_val_if_fail (G_IS_FILE (article), NULL);

  for (dir = g_file_get_parent (article); dir != NULL;)
    {
      g_autoptr(GFile) candidate = g_file_get_child (dir, GLOSS_CODEBOOK_FILE_NAME);
      GFile *parent;

      if (g_file_query_exists (candidate, NULL))
        return gloss_codebook_new_from_file (candidate, error);

      parent = g_file_get_parent (dir);
      g_object_unref (dir);
      dir = parent;
    }

  return gloss_codebook_new_default ();
}

static JsonObject *copy_object (JsonObject *object);

/* json_node_copy() shares the objects and arrays it holds; this copies
 * them too, so that a copied codebook never changes with the original. */
static JsonNode *
copy_node (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(JsonObject) object = copy_object (json_node_get_object (node));

      return json_node_init_object (json_node_alloc (), object);
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(JsonArray) copy = json_array_sized_new (json_array_get_length (array));

      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (copy, copy_node (json_array_get_element (array, i)));

      return json_node_init_array (json_node_alloc (), copy);
    }

  return json_node_copy (node);
}

static JsonObject *
copy_object (JsonObject *object)
{
  g_autoptr(GList) members = NULL;
  JsonObject *copy;

  if (object == NULL)
    return NULL;

  copy = json_object_new ();
  members = json_object_get_members (object);
  for (GList *l = members; l; l = l->next)
    json_object_set_member (copy, l->data, copy_node (json_object_get_member (object, l->data)));

  return copy;
}

static GlossTag *
copy_tag (GlossTag *tag)
{
  g_autoptr(JsonObject) extra = copy_object (gloss_tag_get_extra (tag));
  GlossTag *copy;

  /* A built-in tag stays one, so that it is still shown translated. */
  if (gloss_tag_get_builtin (tag))
    copy = gloss_tag_new_builtin (gloss_tag_get_id (tag), gloss_tag_get_raw_label (tag),
                                  gloss_tag_get_color (tag), gloss_tag_get_raw_description (tag));
  else
    copy = gloss_tag_new (gloss_tag_get_id (tag), gloss_tag_get_raw_label (tag),
                          gloss_tag_get_color (tag), gloss_tag_get_raw_description (tag));
  gloss_tag_set_extra (copy, extra);

  return copy;
}

GlossCodebook *
gloss_codebook_copy (GlossCodebook *self)
{
  GlossCodebook *copy;

  g_return_val_if_fail (GLOSS_IS_CODEBOOK (self), NULL);

  copy = gloss_codebook_new ();
  g_set_object (&copy->file, self->file);
  copy->extra = copy_object (self->extra);

  for (guint i = 0; i < self->tags->len; i++)
    {
      GlossTag *tag = copy_tag (g_ptr_array_index (self->tags, i));

      g_ptr_array_add (copy->tags, tag);
      gloss_tag_set_order (tag, copy->tags->len);
    }
  _gloss_codebook_copy_relations (copy, self);

  return copy;
}

/* Gives @tag the label, colour, description and extra keys of @from;
 * each setter notifies only when its value changes. */
static void
update_tag (GlossTag *tag,
            GlossTag *from)
{
  g_autoptr(JsonObject) extra = NULL;
  const char *label = gloss_tag_get_raw_label (from);

  /* Compared as stored: a built-in label is the English source string
   * until someone types another. */
  if (strcmp (gloss_tag_get_raw_label (tag), label) != 0 ||
      gloss_tag_get_builtin (tag) != gloss_tag_get_builtin (from))
    gloss_tag_set_label (tag, label);

  gloss_tag_set_color (tag, gloss_tag_get_color (from));

  if (strcmp (gloss_tag_get_raw_description (tag), gloss_tag_get_raw_description (from)) != 0)
    gloss_tag_set_description (tag, gloss_tag_get_raw_description (from));

  extra = copy_object (gloss_tag_get_extra (from));
  gloss_tag_set_extra (tag, extra);
}

void
gloss_codebook_assign (GlossCodebook *self,
                       GlossCodebook *from)
{
  g_autoptr(GPtrArray) old_tags = NULL;
  GPtrArray *tags;
  guint old_len, new_len;
  guint prefix = 0, suffix = 0;

  g_return_if_fail (GLOSS_IS_CODEBOOK (self));
  g_return_if_fail (GLOSS_IS_CODEBOOK (from));

  if (self == from)
    return;

  tags = g_ptr_array_new_full (from->tags->len, g_object_unref);
  for (guint i = 0; i < from->tags->len; i++)
    {
      GlossTag *source = g_ptr_array_index (from->tags, i);
      GlossTag *kept = gloss_codebook_lookup (self, gloss_tag_get_id (source));

      if (kept != NULL)
        {
          update_tag (kept, source);
          g_ptr_array_add (tags, g_object_ref (kept));
        }
      else
        {
          g_ptr_array_add (tags, copy_tag (source));
        }
    }

  /* Only the span between the tags that keep their place changes. */
  old_len = self->tags->len;
  new_len = tags->len;
  while (prefix < old_len && prefix < new_len &&
         g_ptr_array_index (self->tags, prefix) == g_ptr_array_index (tags, prefix))
    prefix++;
  while (suffix < old_len - prefix && suffix < new_len - prefix &&
         g_ptr_array_index (self->tags, old_len - 1 - suffix) ==
         g_ptr_array_index (tags, new_len - 1 - suffix))
    suffix++;

  /* The removed tags live until the signal is out. */
  old_tags = self->tags;
  self->tags = tags;
  renumber (self);

  g_set_object (&self->file, from->file);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = copy_object (from->extra);
  _gloss_codebook_copy_relations (self, from);

  if (prefix + suffix < old_len || prefix + suffix < new_len)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old_len - prefix - suffix,
                                new_len - prefix - suffix);
  g_signal_emit (self, signals[ASSIGNED], 0);
}

GFile *
gloss_codebook_get_file (GlossCodebook *self)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK (self), NULL);
  return self->file;
}

GlossTag *
gloss_codebook_lookup (GlossCodebook *self,
                       const char    *id)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->tags->len; i++)
    {
      GlossTag *tag = g_ptr_array_index (self->tags, i);

      if (strcmp (gloss_tag_get_id (tag), id) == 0)
        return tag;
    }

  return NULL;
}

GlossTag *
gloss_codebook_get_tag (GlossCodebook *self,
                        guint          position)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK (self), NULL);

  if (position >= self->tags->len)
    return NULL;

  return g_ptr_array_index (self->tags, position);
}

gboolean
gloss_codebook_add (GlossCodebook *self,
                    GlossTag      *tag)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_TAG (tag), FALSE);

  if (gloss_codebook_lookup (self, gloss_tag_get_id (tag)) != NULL)
    return FALSE;

  g_ptr_array_add (self->tags, g_object_ref (tag));
  gloss_tag_set_order (tag, self->tags->len);
  g_list_model_items_changed (G_LIST_MODEL (self), self->tags->len - 1, 0, 1);

  return TRUE;
}

gboolean
gloss_codebook_remove (GlossCodebook *self,
                       const char    *id)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < self->tags->len; i++)
    {
      if (strcmp (gloss_tag_get_id (g_ptr_array_index (self->tags, i)), id) == 0)
        {
          g_ptr_array_remove_index (self->tags, i);
          renumber (self);
          g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 0);
          return TRUE;
        }
    }

  return FALSE;
}

void
gloss_codebook_move (GlossCodebook *self,
                     const char    *id,
                     guint          position)
{
  GlossTag *tag;
  guint from;

  g_return_if_fail (GLOSS_IS_CODEBOOK (self));

  tag = gloss_codebook_lookup (self, id);
  g_return_if_fail (tag != NULL);

  /* The tag's order may not be its place here: the same tag object can sit
   * in another codebook, and the order is a writable property. */
  if (!g_ptr_array_find (self->tags, tag, &from))
    g_assert_not_reached ();
  position = MIN (position, self->tags->len - 1);
  if (from == position)
    return;

  g_ptr_array_steal_index (self->tags, from);
  g_ptr_array_insert (self->tags, position, tag);
  renumber (self);
  g_list_model_items_changed (G_LIST_MODEL (self), MIN (from, position),
                              ABS ((int)from - (int)position) + 1,
                              ABS ((int)from - (int)position) + 1);
}

char *
gloss_codebook_to_json (GlossCodebook *self)
{
  GString *out = g_string_new ("{\n  \"gloss_codebook\": 1,\n  \"tags\": [");

  g_return_val_if_fail (GLOSS_IS_CODEBOOK (self), NULL);

  for (guint i = 0; i < self->tags->len; i++)
    {
      GlossTag *tag = g_ptr_array_index (self->tags, i);
      JsonObject *extra = gloss_tag_get_extra (tag);

      g_string_append (out, i == 0 ? "\n    {\n" : ",\n    {\n");
      g_string_append (out, "      \"id\": ");
      gloss_json_write_string (out, gloss_tag_get_id (tag), -1);
      g_string_append (out, ",\n      \"label\": ");
      gloss_json_write_string (out, gloss_tag_get_raw_label (tag), -1);
      g_string_append (out, ",\n      \"color\": ");
      gloss_json_write_string (out, gloss_tag_get_color (tag), -1);
      g_string_append (out, ",\n      \"description\": ");
      gloss_json_write_string (out, gloss_tag_get_raw_description (tag), -1);

      if (extra != NULL)
        {
          g_autoptr(GList) members = json_object_get_members (extra);

          for (GList *l = members; l; l = l->next)
            {
              g_string_append (out, ",\n      ");
              gloss_json_write_string (out, l->data, -1);
              g_string_append (out, ": ");
              gloss_json_write_node (out, json_object_get_member (extra, l->data), 3);
            }
        }
      g_string_append (out, "\n    }");
    }

  g_string_append (out, self->tags->len ? "\n  ]" : "]");
  _gloss_codebook_write_relations (self, out);

  if (self->extra != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (self->extra);

      for (GList *l = members; l; l = l->next)
        {
          g_string_append (out, ",\n  ");
          gloss_json_write_string (out, l->data, -1);
          g_string_append (out, ": ");
          gloss_json_write_node (out, json_object_get_member (self->extra, l->data), 1);
        }
    }

  g_string_append (out, "\n}\n");
  return g_string_free (out, FALSE);
}

gboolean
gloss_codebook_save (GlossCodebook  *self,
                     GFile          *file,
                     GError        **error)
{
  g_autofree char *json = NULL;
  g_autoptr(GlossFileLock) lock = NULL;

  g_return_val_if_fail (GLOSS_IS_CODEBOOK (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  json = gloss_codebook_to_json (self);

  /* Teammates share the codebook: one writer at a time, and each write
   * whole or not at all. */
  lock = gloss_file_lock_acquire (file, GLOSS_FILE_LOCK_TIMEOUT_MS, NULL, error);
  if (lock == NULL)
    return FALSE;
  gloss_file_lock_remove_leftovers (lock);
  if (!gloss_file_write_atomic (file, NULL, json, strlen (json), GLOSS_WRITE_NONE, NULL, error))
    return FALSE;

  g_set_object (&self->file, file);
  return TRUE;
}

const char *
gloss_codebook_suggest_color (GlossCodebook *self)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    {
      gboolean used = FALSE;

      for (guint j = 0; j < self->tags->len && !used; j++)
        used = g_ascii_strcasecmp (gloss_tag_get_color (g_ptr_array_index (self->tags, j)),
                                   palette[i]) == 0;
      if (!used)
        return palette[i];
    }

  return palette[self->tags->len % G_N_ELEMENTS (palette)];
}
