/* gloss-import-w3c.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* W3C Web Annotation JSON-LD: an Annotation, an AnnotationPage or an
 * AnnotationCollection (with its first page embedded), or a JSON array of
 * them, as the W3C export writes.
 *
 * Each annotation is first checked against what the model says it MUST
 * be (the "must" assertions of the W3C test suite): an @context with
 * http://www.w3.org/ns/anno.jsonld, the type Annotation, one IRI as id, a
 * target, not both body and bodyValue, dates that are xsd:dateTime, IRIs
 * where the model wants them, and selectors with their required values.
 * A file with an annotation that is not sound is refused, with the reason.
 *
 * Then its text selectors: a TextPositionSelector (code points) and a
 * TextQuoteSelector (exact, prefix, suffix), directly on the target or
 * refining another selector.  With both, the quote must be at the
 * position; with a quote alone, it is looked for, prefix and suffix
 * choosing between occurrences.  The article is the one given to the
 * importer, else the target's source when it is a file (file: IRI, or a
 * relative one beside the input) inside the input's folder once links
 * are followed: any other file is refused without being opened, so that
 * a file of annotations cannot make Gloss read (or quote in a message, or
 * write an annotation file beside) a file elsewhere.  Messages never show
 * an article's text, only the quote the file gave.  Annotations with no
 * text selector are left out and reported.
 *
 * The tag is the value of a TextualBody with purpose "tagging" (one
 * annotation per tagging body), the note that of one with purpose
 * "commenting"; a TextualBody with no purpose takes the motivation's.
 * Other bodies are kept in "x-w3c-bodies". */

#define G_LOG_DOMAIN "gloss-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-corpus.h"
#include "gloss-error.h"
#include "gloss-import-private.h"
#include "gloss-json-writer.h"
#include "gloss-search.h"

#define ANNO_CONTEXT "http://www.w3.org/ns/anno.jsonld"

/* An annotation ready to go into a batch once the whole file is sound. */
typedef struct
{
  GlossSource *source;
  char *annotator;
  char *annotator_name;
  char *tag;
  guint start;
  guint end;
  char *note;
  char *id;
  char *w3c_id;
  char *created;
  char *modified;
  JsonArray *bodies;
} Item;

static void
item_free (gpointer data)
{
  Item *item = data;

  g_object_unref (item->source);
  g_free (item->annotator);
  g_free (item->annotator_name);
  g_free (item->tag);
  g_free (item->note);
  g_free (item->id);
  g_free (item->w3c_id);
  g_free (item->created);
  g_free (item->modified);
  g_clear_pointer (&item->bodies, json_array_unref);
  g_free (item);
}

typedef struct
{
  GlossImporter *self;
  GFile *input;
  const char *display;
  const char *data;
  GString *problems;
  GHashTable *sources;      /* path -> GlossSource */
  GPtrArray *items;
  guint n_without_text;
  guint n_fragments;
  guint n_ambiguous;
} Reader;

/* The line where @id first appears in the file, or 0: JSON nodes carry no
 * position, and the id is what names an annotation.  Only for problems:
 * it reads the file from its start. */
static guint
line_of (Reader     *r,
         const char *id)
{
  g_autoptr(GString) quoted = g_string_new (NULL);
  const char *at;
  guint line = 1;

  if (id == NULL)
    return 0;

  gloss_json_write_string (quoted, id, -1);
  at = strstr (r->data, quoted->str);
  if (at == NULL)
    return 0;

  for (const char *p = r->data; p < at; p++)
    line += *p == '\n';
  return line;
}

/* The text selectors under @node: @position and @quote (the first of
 * each); @refined tells whether one refines a selector Gloss cannot
 * follow. */
static void
find_text_selectors (JsonNode    *node,
                     JsonObject **position,
                     JsonObject **quote,
                     gboolean    *refined,
                     gboolean     under_other,
                     guint        depth)
{
  JsonObject *object;
  const char *type;
  gboolean other;

  if (node == NULL || depth > 16)
    return;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        find_text_selectors (json_array_get_element (array, i), position, quote, refined,
                             under_other, depth + 1);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;

  object = json_node_get_object (node);
  type = _gloss_json_get_string (object, "type");
  other = FALSE;
  if (g_strcmp0 (type, "TextPositionSelector") == 0 && *position == NULL)
    {
      *position = object;
      *refined |= under_other;
    }
  else if (g_strcmp0 (type, "TextQuoteSelector") == 0 && *quote == NULL)
    {
      *quote = object;
      *refined |= under_other;
    }
  else
    other = TRUE;

  find_text_selectors (json_object_get_member (object, "refinedBy"), position, quote, refined,
                       under_other || other, depth + 1);
}

static GlossSource *
source_for (Reader      *r,
            const char  *iri,
            const char  *name,
            GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) dir = g_file_get_parent (r->input);
  g_autofree char *path = NULL;
  GlossSource *source;

  if (r->self->article != NULL)
    file = g_object_ref (r->self->article);
  else if (iri != NULL && g_str_has_prefix (iri, "file:"))
    file = g_file_new_for_uri (iri);
  else if (iri != NULL && !_gloss_w3c_is_iri (iri))
    file = g_file_resolve_relative_path (dir, iri);
  else
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                   /* Translators: an annotation's id, then an IRI */
                   _("annotation %s: its target “%s” is not a local file; give the article it annotates"),
                   name, iri ? iri : "?");
      return NULL;
    }

  if (r->self->article == NULL && !_gloss_import_lies_inside (dir, file))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSAFE_PATH,
                   /* Translators: an annotation's id, then an IRI */
                   _("annotation %s: its target “%s” is outside the folder of this file; Gloss "
                     "reads only articles in that folder, or the article given to the import"),
                   name, iri);
      return NULL;
    }

  path = g_file_get_path (file);
  source = path ? g_hash_table_lookup (r->sources, path) : NULL;
  if (source != NULL)
    return source;

  /* A target may be a web page or an XML article: its offsets count in
   * the extracted text, as Gloss exports them. */
  source = gloss_corpus_read_article (file, r->self->cancellable, error);
  if (source == NULL)
    return NULL;

  g_hash_table_insert (r->sources, g_strdup (path ? path : iri), source);
  return source;
}

/* Where the quote is: at @position when given (checked), else the
 * occurrence whose context best matches prefix and suffix. */
static gboolean
anchor (Reader      *r,
        GlossSource *source,
        JsonObject  *position,
        JsonObject  *quote,
        const char  *name,
        const char  *id,
        guint       *start,
        guint       *end)
{
  const char *exact = _gloss_json_get_string (quote, "exact");
  const char *prefix = _gloss_json_get_string (quote, "prefix");
  const char *suffix = _gloss_json_get_string (quote, "suffix");
  guint length = gloss_source_get_length (source);
  g_autoptr(GArray) found = NULL;
  int best_score = -1;
  guint n_best = 0;

  if (position != NULL)
    {
      _gloss_json_get_uint (json_object_get_member (position, "start"), start);
      _gloss_json_get_uint (json_object_get_member (position, "end"), end);

      if (*start >= *end || *end > length)
        {
          _gloss_import_problem (r->problems, r->display, line_of (r, id),
                                 /* Translators: an annotation's id, two offsets, then a length */
                                 _("annotation %s: the position %u–%u is empty or outside the article (%u characters)"),
                                 name, *start, *end, length);
          return FALSE;
        }
      /* The article's text is not shown: the file of annotations chose
       * the article, and its author need not be the one reading it. */
      if (exact != NULL && !gloss_source_slice_equals (source, *start, *end, exact))
        {
          _gloss_import_problem (r->problems, r->display, line_of (r, id),
                                 /* Translators: an annotation's id, its quote, then two offsets */
                                 _("annotation %s quotes “%s” but the article has other text at "
                                   "its position %u–%u"),
                                 name, exact, *start, *end);
          return FALSE;
        }
      return TRUE;
    }

  found = gloss_source_find_all (source, exact, GLOSS_FIND_NONE);
  for (guint i = 0; i < found->len; i++)
    {
      GlossRange *range = &g_array_index (found, GlossRange, i);
      int score = 0;

      if (prefix != NULL && range->start >= (guint)g_utf8_strlen (prefix, -1))
        score += gloss_source_slice_equals (source, range->start - g_utf8_strlen (prefix, -1),
                                            range->start, prefix);
      if (suffix != NULL)
        score += gloss_source_slice_equals (source, range->end,
                                            range->end + g_utf8_strlen (suffix, -1), suffix);
      if (score > best_score)
        {
          best_score = score;
          n_best = 1;
          *start = range->start;
          *end = range->end;
        }
      else if (score == best_score)
        n_best++;
    }

  if (found->len == 0)
    {
      _gloss_import_problem (r->problems, r->display, line_of (r, id),
                             /* Translators: an annotation's id, then its quote */
                             _("annotation %s quotes “%s”, which is nowhere in the article"),
                             name, exact);
      return FALSE;
    }

  r->n_ambiguous += n_best > 1;
  return TRUE;
}

/* The annotator id for @annotation's creator, and the creator's name in
 * @name (NULL when none). */
static char *
annotator_of (GlossImporter  *self,
              JsonObject     *annotation,
              char          **full_name)
{
  JsonNode *creator = json_object_get_member (annotation, "creator");
  JsonObject *agent = NULL;
  const char *name = NULL;

  if (creator != NULL && JSON_NODE_HOLDS_ARRAY (creator) &&
      json_array_get_length (json_node_get_array (creator)) > 0)
    creator = json_array_get_element (json_node_get_array (creator), 0);
  if (creator != NULL && JSON_NODE_HOLDS_OBJECT (creator))
    agent = json_node_get_object (creator);

  name = _gloss_json_get_string (agent, "nickname");
  if (name == NULL)
    name = _gloss_json_get_string (agent, "name");
  /* An annotator chosen for the import is not the creator. */
  *full_name = self->annotator ? NULL : g_strdup (_gloss_json_get_string (agent, "name"));

  return _gloss_importer_annotator (self, name);
}

/* Sorts the bodies into tags, notes and the others. */
static void
read_bodies (JsonObject *annotation,
             GPtrArray  *tags,
             GString    *note,
             JsonArray  *others)
{
  JsonNode *body = json_object_get_member (annotation, "body");
  const char *motivation =
    _gloss_w3c_single_string (json_object_get_member (annotation, "motivation"));
  const char *body_value = _gloss_json_get_string (annotation, "bodyValue");
  g_autoptr(JsonArray) list = json_array_new ();

  if (body != NULL && JSON_NODE_HOLDS_ARRAY (body))
    {
      JsonArray *array = json_node_get_array (body);

      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (list, json_node_copy (json_array_get_element (array, i)));
    }
  else if (body != NULL)
    json_array_add_element (list, json_node_copy (body));

  if (body_value != NULL)
    {
      if (g_strcmp0 (motivation, "tagging") == 0)
        g_ptr_array_add (tags, g_strdup (body_value));
      else
        g_string_append_printf (note, "%s%s", note->len ? "\n\n" : "", body_value);
    }

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *type = _gloss_json_get_string (object, "type");
      const char *value = _gloss_json_get_string (object, "value");
      const char *purpose =
        _gloss_w3c_single_string (object ? json_object_get_member (object, "purpose") : NULL);

      if (purpose == NULL)
        purpose = motivation;

      if (value != NULL && (type == NULL || strcmp (type, "TextualBody") == 0))
        {
          if (g_strcmp0 (purpose, "tagging") == 0)
            {
              g_ptr_array_add (tags, g_strdup (value));
              continue;
            }
          if (g_strcmp0 (purpose, "commenting") == 0)
            {
              g_string_append_printf (note, "%s%s", note->len ? "\n\n" : "", value);
              continue;
            }
        }

      json_array_add_element (others, json_node_copy (node));
    }
}

static void
read_annotation (Reader     *r,
                 JsonObject *annotation,
                 gboolean    has_context,
                 guint       index)
{
  const char *w3c_id = _gloss_w3c_single_string (json_object_get_member (annotation, "id"));
  g_autofree char *name = w3c_id ? g_strdup (w3c_id) : g_strdup_printf ("#%u", index + 1);
  g_autofree char *why = _gloss_w3c_check_annotation (annotation, has_context);
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(JsonArray) others = json_array_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *targets = json_object_get_member (annotation, "target");
  JsonObject *target = NULL;
  JsonObject *position = NULL, *quote = NULL;
  gboolean refined = FALSE;
  const char *motivation;
  GlossSource *source;
  guint start = 0, end = 0;

  if (why[0] != '\0')
    {
      _gloss_import_problem (r->problems, r->display, line_of (r, w3c_id),
                             /* Translators: an annotation's id, then the reasons */
                             _("annotation %s is not a valid W3C annotation: %s"), name, why);
      return;
    }

  /* The first target with a text selector. */
  if (JSON_NODE_HOLDS_ARRAY (targets))
    {
      JsonArray *array = json_node_get_array (targets);

      for (guint i = 0; i < json_array_get_length (array) && position == NULL && quote == NULL; i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;
          target = json_node_get_object (element);
          find_text_selectors (json_object_get_member (target, "selector"), &position, &quote,
                               &refined, FALSE, 0);
        }
    }
  else if (JSON_NODE_HOLDS_OBJECT (targets))
    {
      target = json_node_get_object (targets);
      find_text_selectors (json_object_get_member (target, "selector"), &position, &quote,
                           &refined, FALSE, 0);
    }

  if (position == NULL && quote == NULL)
    {
      r->n_without_text++;
      return;
    }

  source = source_for (r, _gloss_json_get_string (target, "source"), name, &error);
  if (source == NULL)
    {
      _gloss_import_problem (r->problems, r->display, line_of (r, w3c_id), "%s", error->message);
      return;
    }
  if (!anchor (r, source, position, quote, name, w3c_id, &start, &end))
    return;
  r->n_fragments += refined;

  read_bodies (annotation, tags, note, others);
  motivation = _gloss_w3c_single_string (json_object_get_member (annotation, "motivation"));
  if (tags->len == 0)
    g_ptr_array_add (tags, g_strdup (r->self->default_tag ? r->self->default_tag :
                                     motivation ? motivation : "annotation"));

  for (guint i = 0; i < tags->len; i++)
    {
      Item *item = g_new0 (Item, 1);

      item->source = g_object_ref (source);
      item->annotator = annotator_of (r->self, annotation, &item->annotator_name);
      item->tag = g_strdup (g_ptr_array_index (tags, i));
      item->start = start;
      item->end = end;
      item->note = note->len ? g_strdup (note->str) : NULL;
      if (w3c_id != NULL && g_str_has_prefix (w3c_id, "urn:uuid:") &&
          g_uuid_string_is_valid (w3c_id + 9) && i == 0)
        item->id = g_strdup (w3c_id + 9);
      else
        item->w3c_id = g_strdup (w3c_id);
      item->created = _gloss_import_timestamp (_gloss_json_get_string (annotation, "created"));
      item->modified = _gloss_import_timestamp (_gloss_json_get_string (annotation, "modified"));
      if (json_array_get_length (others) > 0)
        item->bodies = json_array_ref (others);
      g_ptr_array_add (r->items, item);
    }
}

/* Finds the annotations in @node: an annotation, a page, a collection
 * or an array of them; @has_context says whether an enclosing object
 * gave the anno.jsonld context. */
static void
collect (Reader   *r,
         JsonNode *node,
         gboolean  has_context,
         guint    *index,
         guint     depth)
{
  JsonObject *object;
  JsonNode *context, *type;

  if (depth > 8)
    return;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        collect (r, json_array_get_element (array, i), has_context, index, depth + 1);
      return;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _gloss_import_problem (r->problems, r->display, 0,
                             _("item %u is not a JSON object, so not an annotation"), *index + 1);
      (*index)++;
      return;
    }

  object = json_node_get_object (node);
  context = json_object_get_member (object, "@context");
  type = json_object_get_member (object, "type");
  if (context != NULL && _gloss_w3c_has_string (context, ANNO_CONTEXT))
    has_context = TRUE;

  if (_gloss_w3c_has_string (type, "AnnotationCollection"))
    {
      JsonNode *first = json_object_get_member (object, "first");

      if (first != NULL && JSON_NODE_HOLDS_OBJECT (first))
        collect (r, first, has_context, index, depth + 1);
      else if (first != NULL)
        _gloss_import_problem (r->problems, r->display, 0,
                               _("the collection’s pages are elsewhere (“first” is a link); "
                                 "Gloss imports the pages themselves"));
      return;
    }

  if (_gloss_w3c_has_string (type, "AnnotationPage"))
    {
      JsonNode *items = json_object_get_member (object, "items");

      if (items != NULL)
        collect (r, items, has_context, index, depth + 1);
      return;
    }

  read_annotation (r, object, has_context, (*index)++);
}

static GlossImportBatch *
batch_for (GlossImporter *self,
           Item          *item)
{
  g_autofree char *path = g_file_get_path (gloss_source_get_file (item->source));
  g_autofree char *key = g_strconcat (path, "\n", item->annotator, NULL);
  GlossImportBatch *batch = g_hash_table_lookup (self->pending, key);

  if (batch == NULL)
    {
      batch = _gloss_import_batch_new (item->source, item->annotator);
      batch->annotator_name = g_strdup (item->annotator_name);
      g_hash_table_insert (self->pending, g_steal_pointer (&key), batch);
      g_ptr_array_add (self->pending_order, batch);
    }

  return batch;
}

/* Reports, once each, the annotation files the items would go to that
 * cannot be written. */
static void
check_destinations (Reader *r)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < r->items->len; i++)
    {
      Item *item = g_ptr_array_index (r->items, i);
      GFile *article = gloss_source_get_file (item->source);
      g_autofree char *path = g_file_get_path (article);
      g_autofree char *key = g_strconcat (path, "\n", item->annotator, NULL);
      g_autoptr(GError) error = NULL;

      if (g_hash_table_contains (seen, key))
        continue;
      g_hash_table_add (seen, g_strdup (key));
      /* A batch of an earlier input will write this file: it was
       * checked then. */
      if (g_hash_table_contains (r->self->pending, key))
        continue;
      if (!_gloss_importer_check_destination (r->self, article, item->annotator, &error))
        _gloss_import_problem (r->problems, r->display, 0, "%s", error->message);
    }
}

/* Puts the items in their batches; returns how many were twins of an
 * annotation there already (same tag, same span). */
static guint
commit (Reader *r)
{
  guint n_twins = 0;

  for (guint i = 0; i < r->items->len; i++)
    {
      Item *item = g_ptr_array_index (r->items, i);
      GlossImportBatch *batch = batch_for (r->self, item);
      GlossAnnotation *a;
      JsonObject *extra;

      a = _gloss_import_batch_add (batch, item->tag, item->start, item->end, item->note,
                                   item->id, item->created, item->modified);
      n_twins += a == NULL;
      if (a == NULL || (item->w3c_id == NULL && item->bodies == NULL))
        continue;

      extra = _gloss_import_extra (a);
      if (item->w3c_id != NULL)
        json_object_set_string_member (extra, GLOSS_KEY_W3C_ID, item->w3c_id);
      if (item->bodies != NULL)
        json_object_set_array_member (extra, GLOSS_KEY_W3C_BODIES, json_array_ref (item->bodies));
    }

  return n_twins;
}

gboolean
_gloss_import_w3c (GlossImporter *self,
                   GFile         *input,
                   GString       *problems)
{
  g_autofree char *display = g_file_get_parse_name (input);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  gsize length, skip;
  guint index = 0;
  Reader r = { 0 };
  gboolean ok;

  if (!_gloss_import_read_input (input, self->cancellable, &data, &length, &skip, &error))
    {
      _gloss_import_problem (problems, display, 0, "%s", error->message);
      return FALSE;
    }

  root = gloss_json_parse (data + skip, length - skip, GLOSS_IMPORT_MAX_DEPTH, &error);
  if (root == NULL)
    {
      _gloss_import_problem (problems, display, 0, "%s", error->message);
      return FALSE;
    }

  r.self = self;
  r.input = input;
  r.display = display;
  r.data = data;
  r.problems = problems;
  r.sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  r.items = g_ptr_array_new_with_free_func (item_free);

  collect (&r, root, FALSE, &index, 0);

  if (problems->len == 0 && r.items->len == 0)
    _gloss_import_problem (problems, display, 0,
                           _("no annotation has a TextQuoteSelector or a TextPositionSelector: "
                             "Gloss imports annotations of text"));

  /* The annotation files this input adds to must be writable before
   * any of it is taken. */
  if (problems->len == 0)
    check_destinations (&r);

  ok = problems->len == 0;
  if (ok)
    {
      guint n_twins = commit (&r);

      if (n_twins > 0)
        _gloss_importer_note (self,
                              /* Translators: a file name, then a number */
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%s: %u annotation had the tag and span of another and was imported once",
                                           "%s: %u annotations had the tag and span of others and were imported once",
                                           n_twins),
                              display, n_twins);
      if (r.n_without_text > 0)
        _gloss_importer_note (self,
                              /* Translators: a file name, then a number */
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%s: %u annotation without a text selector left out",
                                           "%s: %u annotations without a text selector left out",
                                           r.n_without_text),
                              display, r.n_without_text);
      if (r.n_fragments > 0)
        _gloss_importer_note (self,
                              /* Translators: a file name, then a number */
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%s: %u annotation refines another selector with a text selector; "
                                           "the text selector was applied to the whole article",
                                           "%s: %u annotations refine another selector with a text selector; "
                                           "the text selectors were applied to the whole article",
                                           r.n_fragments),
                              display, r.n_fragments);
      if (r.n_ambiguous > 0)
        _gloss_importer_note (self,
                              /* Translators: a file name, then a number */
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%s: %u quote occurs several times with the same context; the first occurrence was taken",
                                           "%s: %u quotes occur several times with the same context; the first occurrences were taken",
                                           r.n_ambiguous),
                              display, r.n_ambiguous);
    }

  g_hash_table_unref (r.sources);
  g_ptr_array_unref (r.items);
  return ok;
}
