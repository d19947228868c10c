/* gloss-import-w3c-anchor.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Where a W3C annotation goes (gloss-import-w3c.c says what it reads):
 * the text selectors under its target, the article its source names
 * (read only from inside the input's folder, or the one given), and the
 * place of its quote there, checked at the position given or found by
 * its prefix and suffix; and the line of the file where an annotation
 * is, for the problems. */

#define G_LOG_DOMAIN "gloss-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-corpus.h"
#include "gloss-error.h"
#include "gloss-import-w3c-private.h"
#include "gloss-json-writer.h"
#include "gloss-search.h"

/* The line where @id next appears in the file, or 0: the id is what
 * names an annotation, and problems are found in the order of the file,
 * so each search goes on from the last one.  Only for problems: counting
 * lines as the file is read would cost a tenth of the import. */
guint
_gloss_w3c_line_of (GlossW3cReader *r,
                    const char     *id)
{
  g_autoptr(GString) quoted = g_string_new (NULL);
  const char *at;

  if (id == NULL)
    return 0;

  if (r->counted_to == NULL)
    {
      r->counted_to = r->data;
      r->counted_line = 1;
    }

  gloss_json_write_string (quoted, id, -1);
  at = strstr (r->counted_to, quoted->str);
  if (at == NULL)
    return 0;

  for (const char *p = memchr (r->counted_to, '\n', at - r->counted_to); p != NULL;
       p = memchr (p + 1, '\n', at - (p + 1)))
    r->counted_line++;
  r->counted_to = at;
  return r->counted_line;
}

/* The text selectors under @node: @position and @quote (the first of
 * each); @refined tells whether one refines a selector Gloss cannot
 * follow. */
void
_gloss_w3c_find_text_selectors (GlossW3cTree  *tree,
                                GlossW3cValue  value,
                                GlossW3cValue *position,
                                GlossW3cValue *quote,
                                gboolean      *refined,
                                gboolean       under_other,
                                guint          depth)
{
  const char *type;
  gboolean other;

  if (value == 0 || depth > 16)
    return;

  if (_gloss_w3c_kind (tree, value) == GLOSS_W3C_ARRAY)
    {
      for (GlossW3cValue element = _gloss_w3c_first (tree, value); element != 0;
           element = _gloss_w3c_next (tree, element))
        _gloss_w3c_find_text_selectors (tree, element, position, quote, refined, under_other, depth + 1);
      return;
    }
  if (_gloss_w3c_kind (tree, value) != GLOSS_W3C_OBJECT)
    return;

  type = _gloss_w3c_get_string (tree, value, "type");
  other = FALSE;
  if (g_strcmp0 (type, "TextPositionSelector") == 0 && *position == 0)
    {
      *position = value;
      *refined |= under_other;
    }
  else if (g_strcmp0 (type, "TextQuoteSelector") == 0 && *quote == 0)
    {
      *quote = value;
      *refined |= under_other;
    }
  else
    other = TRUE;

  _gloss_w3c_find_text_selectors (tree, _gloss_w3c_member (tree, value, "refinedBy"), position, quote,
                                  refined, under_other || other, depth + 1);
}

GlossSource *
_gloss_w3c_source_for (GlossW3cReader  *r,
                       const char      *iri,
                       const char      *name,
                       GError         **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autofree char *path = NULL;
  GlossSource *source;

  /* Every annotation of a file names its article: each name is looked at
   * (and its links read) once. */
  source = g_hash_table_lookup (r->by_iri, iri ? iri : "");
  if (source != NULL)
    return source;

  dir = g_file_get_parent (r->input);

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
  if (source == NULL)
    {
      /* A target may be a web page or an XML article: its offsets count
       * in the extracted text, as Gloss exports them. */
      source = gloss_corpus_read_article (file, r->self->cancellable, error);
      if (source == NULL)
        return NULL;
      g_hash_table_insert (r->sources, g_strdup (path ? path : iri), source);
    }

  g_hash_table_insert (r->by_iri, g_strdup (iri ? iri : ""), source);
  return source;
}

/* Where the quote is: at @position when given (checked), else the
 * occurrence whose context best matches prefix and suffix. */
gboolean
_gloss_w3c_anchor (GlossW3cReader *r,
                   GlossSource    *source,
                   GlossW3cValue   position,
                   GlossW3cValue   quote,
                   const char     *name,
                   const char     *id,
                   guint          *start,
                   guint          *end)
{
  GlossW3cTree *tree = r->tree;
  const char *exact = _gloss_w3c_get_string (tree, quote, "exact");
  const char *prefix = _gloss_w3c_get_string (tree, quote, "prefix");
  const char *suffix = _gloss_w3c_get_string (tree, quote, "suffix");
  guint length = gloss_source_get_length (source);
  g_autoptr(GArray) found = NULL;
  int best_score = -1;
  guint n_best = 0;

  if (position != 0)
    {
      _gloss_w3c_get_uint (tree, _gloss_w3c_member (tree, position, "start"), start);
      _gloss_w3c_get_uint (tree, _gloss_w3c_member (tree, position, "end"), end);

      if (*start >= *end || *end > length)
        {
          _gloss_import_problem (r->problems, r->display, _gloss_w3c_line_of (r, id),
                                            /* Translators: an annotation's id, two offsets, then a length */
                                            _("annotation %s: the position %u–%u is empty or outside the article (%u characters)"),
                                            name, *start, *end, length);
          return FALSE;
        }
      /* The article's text is not shown: the file of annotations chose
       * the article, and its author need not be the one reading it. */
      if (exact != NULL && !gloss_source_slice_equals (source, *start, *end, exact))
        {
          _gloss_import_problem (r->problems, r->display, _gloss_w3c_line_of (r, id),
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
      _gloss_import_problem (r->problems, r->display, _gloss_w3c_line_of (r, id),
                                        /* Translators: an annotation's id, then its quote */
                                        _("annotation %s quotes “%s”, which is nowhere in the article"),
                                        name, exact);
      return FALSE;
    }

  r->n_ambiguous += n_best > 1;
  return TRUE;
}
