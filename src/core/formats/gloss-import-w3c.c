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
 * http://www.w3.org/ns/anno.jsonld, the type Annotation, a target, not
 * both body and bodyValue, dates that are xsd:dateTime, IRIs where the
 * model wants them, and selectors with their required values.  A file
 * with an annotation that is not sound is refused, with the reason.  The
 * id alone is let through when it is not an IRI, or missing: web
 * annotators write bare UUIDs ("9b6aa528-…", Recogito) or local names
 * ("anno-000000"), and such an annotation can be placed all the same.
 * The id is kept in the annotation file ("x-w3c-id"), a bare UUID also
 * as the annotation's own, and the report says so once per file.
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
 * A TextualBody with purpose "classifying" whose value is "ID=VALUE", as
 * the W3C export writes it (_gloss_w3c_attribute_parse), sets that
 * attribute.  Other bodies are kept in "x-w3c-bodies", and so is an
 * attribute the codebook refuses, with a note.
 *
 * An annotation with motivation "linking" whose target is two IRIs is a
 * relation from the annotation of the file with the first id to the one
 * with the second, as the W3C export writes relations: its type is the
 * value of its tagging body, its note that of its commenting one.  One
 * that names an id no annotation of the file has, or whose ends are on
 * other articles or by other annotators, is left out with a note naming
 * it and the id.
 *
 * The file is read with the pull reader, and the items of a page (the
 * first page of a collection included) one at a time, each into a
 * compact tree whose space the next one takes again
 * (gloss-import-w3c-tree.c): a file of 100,000 annotations is never held
 * whole, nor as json-glib's objects.
 *
 * This file walks the file and gathers its annotations into batches;
 * gloss-import-w3c-anchor.c finds where each goes, -check.c checks the
 * model's MUSTs, -bodies.c sorts its bodies into tags, note and
 * attributes, -relations.c sets the attributes and makes the linking
 * annotations relations. */

#define G_LOG_DOMAIN "gloss-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-import-w3c-private.h"

static void
item_free (gpointer data)
{
  Item *item = data;

  /* Its strings are the reader's. */
  g_object_unref (item->source);
  g_clear_pointer (&item->bodies, json_array_unref);
  g_clear_pointer (&item->attributes, g_array_unref);
  g_free (item);
}

/* @string (or NULL) kept until the reader is done: each of the
 * thousands of items has a dozen, and one block for all of them saves
 * as many allocations.  The ones many items share are kept once. */
static const char *
keep_string (GlossW3cReader *r,
             const char     *string)
{
  return string != NULL ? g_string_chunk_insert (r->strings, string) : NULL;
}

static const char *
keep_shared (GlossW3cReader *r,
             const char     *string)
{
  return string != NULL ? g_string_chunk_insert_const (r->strings, string) : NULL;
}

/* The time @iso (or NULL) as Gloss writes it, made once per time
 * written; NULL when it is not one. */
static const char *
keep_time (GlossW3cReader *r,
           const char     *iso)
{
  g_autofree char *time = NULL;
  gpointer known;

  if (iso == NULL)
    return NULL;
  if (g_hash_table_lookup_extended (r->times, iso, NULL, &known))
    return known;

  time = _gloss_import_timestamp (iso);
  known = (gpointer)keep_shared (r, time);
  g_hash_table_insert (r->times, (gpointer)keep_shared (r, iso), known);
  return known;
}

/* The annotator id for @annotation's creator (the same pointer for the
 * same id), and the creator's name in @name (NULL when none). */
static const char *
annotator_of (GlossW3cReader         *r,
              const GlossW3cMembers  *annotation,
              const char            **full_name)
{
  GlossW3cTree *tree = r->tree;
  GlossW3cValue creator = annotation->creator;
  GlossW3cValue agent = 0;
  const char *name = NULL;
  const char *annotator;

  if (_gloss_w3c_kind (tree, creator) == GLOSS_W3C_ARRAY)
    creator = _gloss_w3c_first (tree, creator);
  if (_gloss_w3c_kind (tree, creator) == GLOSS_W3C_OBJECT)
    agent = creator;

  name = _gloss_w3c_get_string (tree, agent, "nickname");
  if (name == NULL)
    name = _gloss_w3c_get_string (tree, agent, "name");
  /* An annotator chosen for the import is not the creator. */
  *full_name = r->self->annotator ? NULL : keep_shared (r, _gloss_w3c_get_string (tree, agent, "name"));

  /* Made an id once per creator: the annotations of a file have few. */
  annotator = g_hash_table_lookup (r->annotators, name ? name : "");
  if (annotator == NULL)
    {
      annotator = _gloss_importer_annotator (r->self, name);
      g_hash_table_insert (r->annotators, g_strdup (name ? name : ""), (char *)annotator);
    }

  return annotator;
}

/* The id a urn:uuid: @w3c_id gives an annotation or a relation, else
 * NULL. */
static const char *
uuid_of (const char *w3c_id)
{
  if (w3c_id != NULL && g_str_has_prefix (w3c_id, "urn:uuid:") && _gloss_import_is_uuid (w3c_id + 9))
    return w3c_id + 9;
  return NULL;
}

/* Takes @annotation as a relation when its motivation is "linking" and
 * its target two IRIs; FALSE when it is not one. */
static gboolean
read_link (GlossW3cReader        *r,
           const GlossW3cMembers *annotation,
           const char            *w3c_id,
           const char            *name)
{
  GlossW3cTree *tree = r->tree;
  GlossW3cValue targets = annotation->target;
  GlossW3cValue first = _gloss_w3c_first (tree, targets);
  GlossW3cValue second = _gloss_w3c_next (tree, first);
  GlossW3cBodies bodies = { 0 };
  Link *link;

  if (!_gloss_w3c_has_string (tree, annotation->motivation, "linking") ||
      _gloss_w3c_kind (tree, targets) != GLOSS_W3C_ARRAY || _gloss_w3c_length (tree, targets) != 2 ||
      !_gloss_w3c_is_iri (_gloss_w3c_string (tree, first)) ||
      !_gloss_w3c_is_iri (_gloss_w3c_string (tree, second)))
    return FALSE;

  _gloss_w3c_read_bodies (tree, annotation, &bodies);
  link = g_new0 (Link, 1);
  link->name = keep_string (r, name);
  link->type = keep_shared (r, bodies.tags != NULL ? g_ptr_array_index (bodies.tags, 0) : "linking");
  link->note = bodies.note != NULL && bodies.note->len ? keep_string (r, bodies.note->str) : NULL;
  link->id = keep_string (r, uuid_of (w3c_id));
  link->created = keep_time (r, _gloss_w3c_string (tree, annotation->created));
  link->modified = keep_time (r, _gloss_w3c_string (tree, annotation->modified));
  link->from = keep_string (r, _gloss_w3c_string (tree, first));
  link->to = keep_string (r, _gloss_w3c_string (tree, second));
  g_ptr_array_add (r->links, link);
  _gloss_w3c_bodies_clear (&bodies);
  return TRUE;
}

/* Reads one annotation, the @index-th item; a problem names the line of
 * its id, looked for then. */
static void
read_annotation (GlossW3cReader        *r,
                 const GlossW3cMembers *annotation,
                 gboolean               has_context,
                 guint                  index)
{
  GlossW3cTree *tree = r->tree;
  const char *w3c_id = _gloss_w3c_single_string (tree, annotation->id);
  g_autofree char *why = _gloss_w3c_check_annotation (tree, annotation, has_context);
  g_autoptr(GError) error = NULL;
  char number[32];
  const char *name = w3c_id;
  GlossW3cBodies bodies = { 0 };
  GlossW3cValue targets = annotation->target;
  GlossW3cValue target = 0;
  GlossW3cValue position = 0, quote = 0;
  gboolean refined = FALSE;
  const char *motivation;
  GlossSource *source;
  guint start = 0, end = 0;

  if (name == NULL)
    {
      g_snprintf (number, sizeof number, "#%u", index + 1);
      name = number;
    }

  if (why[0] != '\0')
    {
      _gloss_import_problem (r->problems, r->display, _gloss_w3c_line_of (r, w3c_id),
                                        /* Translators: an annotation's id, then the reasons */
                                        _("annotation %s is not a valid W3C annotation: %s"), name, why);
      return;
    }

  if (read_link (r, annotation, w3c_id, name))
    return;

  /* The first target with a text selector. */
  if (_gloss_w3c_kind (tree, targets) == GLOSS_W3C_ARRAY)
    {
      for (GlossW3cValue element = _gloss_w3c_first (tree, targets);
           element != 0 && position == 0 && quote == 0;
           element = _gloss_w3c_next (tree, element))
        {
          if (_gloss_w3c_kind (tree, element) != GLOSS_W3C_OBJECT)
            continue;
          target = element;
          _gloss_w3c_find_text_selectors (tree, _gloss_w3c_member (tree, target, "selector"), &position, &quote,
                                          &refined, FALSE, 0);
        }
    }
  else if (_gloss_w3c_kind (tree, targets) == GLOSS_W3C_OBJECT)
    {
      target = targets;
      _gloss_w3c_find_text_selectors (tree, _gloss_w3c_member (tree, target, "selector"), &position, &quote,
                                      &refined, FALSE, 0);
    }

  if (position == 0 && quote == 0)
    {
      r->n_without_text++;
      return;
    }

  source = _gloss_w3c_source_for (r, _gloss_w3c_get_string (tree, target, "source"), name, &error);
  if (source == NULL)
    {
      _gloss_import_problem (r->problems, r->display, _gloss_w3c_line_of (r, w3c_id), "%s",
                                        error->message);
      return;
    }
  if (!_gloss_w3c_anchor (r, source, position, quote, name, w3c_id, &start, &end))
    return;
  r->n_fragments += refined;
  r->n_plain_ids += !_gloss_w3c_is_iri (w3c_id);

  _gloss_w3c_read_bodies (tree, annotation, &bodies);
  /* The values outlive the tree: most are a few, such as "verdict=false". */
  for (guint i = 0; bodies.attributes != NULL && i < bodies.attributes->len; i++)
    {
      GlossW3cClassifying *classifying = &g_array_index (bodies.attributes, GlossW3cClassifying, i);

      classifying->value = keep_shared (r, classifying->value);
    }
  motivation = _gloss_w3c_single_string (tree, annotation->motivation);
  if (bodies.tags == NULL)
    _gloss_w3c_bodies_add_tag (&bodies, r->self->default_tag ? r->self->default_tag :
                                         motivation ? motivation : "annotation");

  {
    const char *annotator_name;
    const char *annotator = annotator_of (r, annotation, &annotator_name);
    const char *kept_id = keep_string (r, w3c_id);
    const char *note = bodies.note != NULL && bodies.note->len ? keep_string (r, bodies.note->str) : NULL;
    const char *created = keep_time (r, _gloss_w3c_string (tree, annotation->created));
    const char *modified = keep_time (r, _gloss_w3c_string (tree, annotation->modified));

    for (guint i = 0; i < bodies.tags->len; i++)
      {
        Item *item = g_new0 (Item, 1);

        item->source = g_object_ref (source);
        item->annotator = annotator;
        item->annotator_name = annotator_name;
        item->tag = keep_shared (r, g_ptr_array_index (bodies.tags, i));
        item->start = start;
        item->end = end;
        item->note = note;
        /* A urn:uuid gives the annotation its id, which the W3C export
         * writes back the same; a bare UUID too, and it is also kept as
         * it was written, with any other id. */
        if (uuid_of (kept_id) != NULL && i == 0)
          item->id = uuid_of (kept_id);
        else
          {
            if (kept_id != NULL && _gloss_import_is_uuid (kept_id) && i == 0)
              item->id = kept_id;
            item->w3c_id = kept_id;
          }
        item->created = created;
        item->modified = modified;
        if (bodies.others != NULL)
          item->bodies = json_array_ref (bodies.others);
        if (bodies.attributes != NULL)
          item->attributes = g_array_ref (bodies.attributes);
        /* Linking annotations name the annotation, which is the first. */
        if (kept_id != NULL && i == 0)
          item->iri = kept_id;
        g_ptr_array_add (r->items, item);
      }
  }
  _gloss_w3c_bodies_clear (&bodies);
}

/* Reports the next item, at @line (0 when unknown), as not an object. */
static void
not_an_object (GlossW3cReader *r,
               guint           line)
{
  _gloss_import_problem (r->problems, r->display, line,
                         _("item %u is not a JSON object, so not an annotation"), r->index + 1);
  r->index++;
}

/* Finds the annotations in @value, read whole: an annotation, a page, a
 * collection or an array of them; @has_context says whether an enclosing
 * object gave the anno.jsonld context.  Its line is not known: problems
 * name the line of an annotation's id. */
static void
collect (GlossW3cReader *r,
         GlossW3cValue   value,
         gboolean        has_context,
         guint           depth)
{
  GlossW3cTree *tree = r->tree;
  GlossW3cMembers members;
  GlossW3cValue type;

  if (depth > 8)
    return;

  if (_gloss_w3c_kind (tree, value) == GLOSS_W3C_ARRAY)
    {
      for (GlossW3cValue element = _gloss_w3c_first (tree, value); element != 0;
           element = _gloss_w3c_next (tree, element))
        collect (r, element, has_context, depth + 1);
      return;
    }

  if (_gloss_w3c_kind (tree, value) != GLOSS_W3C_OBJECT)
    {
      not_an_object (r, 0);
      return;
    }

  _gloss_w3c_find_members (tree, value, &members);
  type = members.type;
  if (_gloss_w3c_has_string (tree, members.context, GLOSS_W3C_ANNO_CONTEXT))
    has_context = TRUE;

  if (_gloss_w3c_has_string (tree, type, "AnnotationCollection"))
    {
      GlossW3cValue first = _gloss_w3c_member (tree, value, "first");

      if (_gloss_w3c_kind (tree, first) == GLOSS_W3C_OBJECT)
        collect (r, first, has_context, depth + 1);
      else if (first != 0)
        _gloss_import_problem (r->problems, r->display, 0,
                               _("the collection’s pages are elsewhere (“first” is a link); "
                                 "Gloss imports the pages themselves"));
      return;
    }

  if (_gloss_w3c_has_string (tree, type, "AnnotationPage"))
    {
      GlossW3cValue items = _gloss_w3c_member (tree, value, "items");

      if (items != 0)
        collect (r, items, has_context, depth + 1);
      return;
    }

  read_annotation (r, &members, has_context, r->index++);
}

/* A GlossW3cTakeFunc: what the file holds, in the order read. */
static void
take (gpointer       data,
      GlossW3cTree  *tree,
      GlossW3cValue  value,
      gboolean       has_context,
      guint          depth,
      guint          line)
{
  GlossW3cReader *r = data;

  if (value == 0)
    {
      not_an_object (r, line);
      return;
    }

  r->tree = tree;
  collect (r, value, has_context, depth);
  r->tree = NULL;
}

/* The batch of @item: that of @last (the item before, or NULL) when it
 * goes to the same article by the same annotator, as runs of items do. */
static GlossImportBatch *
batch_for (GlossImporter    *self,
           Item             *item,
           Item             *last,
           GlossImportBatch *last_batch)
{
  g_autofree char *path = NULL;
  g_autofree char *key = NULL;
  GlossImportBatch *batch;

  if (last != NULL && last->source == item->source && last->annotator == item->annotator)
    return last_batch;

  path = g_file_get_path (gloss_source_get_file (item->source));
  key = g_strconcat (path, "\n", item->annotator, NULL);
  batch = g_hash_table_lookup (self->pending, key);

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
check_destinations (GlossW3cReader *r)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < r->items->len; i++)
    {
      Item *item = g_ptr_array_index (r->items, i);
      Item *last = i > 0 ? g_ptr_array_index (r->items, i - 1) : NULL;
      GFile *article = gloss_source_get_file (item->source);
      g_autofree char *path = NULL;
      g_autofree char *key = NULL;
      g_autoptr(GError) error = NULL;

      /* Runs of items go to one file. */
      if (last != NULL && last->source == item->source && last->annotator == item->annotator)
        continue;
      path = g_file_get_path (article);
      key = g_strconcat (path, "\n", item->annotator, NULL);
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

/* Puts the items in their batches, and the relations between them;
 * returns how many were twins of an annotation there already (same tag,
 * same span). */
static guint
commit (GlossW3cReader *r)
{
  g_autoptr(GHashTable) annotations = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) batches = g_hash_table_new (NULL, NULL);
  GlossImportBatch *batch = NULL;
  guint n_twins = 0;

  for (guint i = 0; i < r->items->len; i++)
    {
      Item *item = g_ptr_array_index (r->items, i);
      GlossAnnotation *a;
      JsonObject *extra;

      batch = batch_for (r->self, item, i > 0 ? g_ptr_array_index (r->items, i - 1) : NULL, batch);

      a = _gloss_import_batch_add (batch, item->tag, item->start, item->end, item->note,
                                   item->id, item->created, item->modified);
      if (a == NULL)
        {
          /* A linking annotation that names the twin links the annotation
           * kept in its place. */
          n_twins++;
          a = _gloss_import_batch_find (batch, item->tag, item->start, item->end);
          if (item->iri != NULL && a != NULL && !g_hash_table_contains (annotations, item->iri))
            {
              g_hash_table_insert (annotations, (gpointer)item->iri, a);
              g_hash_table_insert (batches, a, batch);
            }
          continue;
        }

      if (item->iri != NULL)
        {
          g_hash_table_insert (annotations, (gpointer)item->iri, a);
          g_hash_table_insert (batches, a, batch);
        }
      if (item->attributes != NULL)
        _gloss_w3c_set_attributes (r, batch, item, a);
      if (item->w3c_id == NULL && item->bodies == NULL)
        continue;

      extra = _gloss_import_extra (a);
      if (item->w3c_id != NULL)
        json_object_set_string_member (extra, GLOSS_KEY_W3C_ID, item->w3c_id);
      if (item->bodies != NULL)
        json_object_set_array_member (extra, GLOSS_KEY_W3C_BODIES, json_array_ref (item->bodies));
    }

  _gloss_w3c_link_annotations (r, annotations, batches);
  return n_twins;
}

static gboolean
w3c_import_file (GlossImporter *self,
                 GFile         *input,
                 GString       *problems)
{
  g_autofree char *display = g_file_get_parse_name (input);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length, skip;
  gsize known = problems->len;
  GlossW3cReader r = { 0 };
  gboolean ok;

  if (!_gloss_import_read_json_input (input, self->cancellable, &data, &length, &skip, &error))
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
  r.annotators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r.by_iri = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.items = g_ptr_array_new_with_free_func (item_free);
  r.links = g_ptr_array_new_with_free_func (g_free);
  r.strings = g_string_chunk_new (64 * 1024);
  r.times = g_hash_table_new (g_str_hash, g_str_equal);

  /* A file that is not JSON throughout is refused whole, whatever its
   * annotations read so far. */
  if (!_gloss_w3c_pipe_read (data + skip, length - skip, take, &r, &error))
    {
      g_string_truncate (problems, known);
      _gloss_import_problem (problems, display, 0, "%s", error->message);
    }

  /* Everything needed is in the items now: the file's text goes before
   * the annotation files are made, which keeps the peak lower. */
  r.data = NULL;
  g_clear_pointer (&data, g_free);

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
      if (r.n_plain_ids > 0)
        _gloss_importer_note (self,
                              /* Translators: a file name, then a number */
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%s: %u annotation has an id that is not an IRI, as web annotators "
                                           "write them; it was imported and its id kept as it is",
                                           "%s: %u annotations have ids that are not IRIs, as web annotators "
                                           "write them; they were imported and their ids kept as they are",
                                           r.n_plain_ids),
                              display, r.n_plain_ids);
      if (r.n_ambiguous > 0)
        _gloss_importer_note (self,
                              /* Translators: a file name, then a number */
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%s: %u quote occurs several times with the same context; the first occurrence was taken",
                                           "%s: %u quotes occur several times with the same context; the first occurrences were taken",
                                           r.n_ambiguous),
                              display, r.n_ambiguous);
    }

  g_hash_table_unref (r.by_iri);
  g_hash_table_unref (r.annotators);
  g_hash_table_unref (r.sources);
  g_ptr_array_unref (r.items);
  g_ptr_array_unref (r.links);
  g_hash_table_unref (r.times);
  g_string_chunk_free (r.strings);
  return ok;
}

const GlossImportFormatClass _gloss_import_w3c = {
  .description = N_("W3C Web Annotation JSON-LD (.jsonld or .json) whose targets are articles in its folder."),
  .options = GLOSS_FORMAT_TARGETS_ARTICLES,
  .suffixes = ".jsonld .json",
  .import_file = w3c_import_file,
};
