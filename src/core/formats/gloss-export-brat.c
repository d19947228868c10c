/* gloss-export-brat.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* brat's standoff format, as brat lays out a collection annotated by
 * several people: one subfolder per annotator, and in it for each article
 * NAME.txt (the exact text, UTF-8) and NAME.ann:
 *
 *   T1<TAB>TYPE START END[;START END]...<TAB>TEXT
 *   #1<TAB>AnnotatorNotes T1<TAB>NOTE
 *
 * Offsets are code points, end excluded, as in Gloss.  brat reads an .ann
 * with Python's codecs readlines(), which cuts lines where str.splitlines()
 * does: at \n, \r, \v, \f, \x1c, \x1d, \x1e, U+0085, U+2028 and U+2029
 * (server/src/annotation.py, _parse_ann_file()).  A span across one of
 * them would break its line, so it is written as brat itself writes one:
 * the pieces between the breaks as a discontinuous span, their texts
 * joined by a space.  A note is the rest of its line, tabs included
 * (brat's OnelineCommentAnnotation keeps them): its line breaks become
 * spaces, its tabs stay.
 *
 * What the brat import kept (the T and # ids, the fragments of a
 * discontinuous span, the lines Gloss does not model and the order of all
 * lines) is given back, so that brat -> Gloss -> brat gives the same .ann.
 * annotation.conf and visual.conf (and tools.conf when there is one to
 * write) declare every type the .ann files use (gloss-brat-conf.c); they
 * go to the destination folder and to each annotator's. */

#define G_LOG_DOMAIN "gloss-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "gloss-brat-conf-private.h"
#include "gloss-error.h"
#include "gloss-export-brat-private.h"


static void
brat_free_state (gpointer data)
{
  BratState *state = data;

  _gloss_brat_conf_free (state->conf);
  g_hash_table_unref (state->dir_confs);
  g_hash_table_unref (state->written);
  g_hash_table_unref (state->folders);
  g_free (state);
}

static gboolean
brat_begin (GlossExporter  *self,
            GError        **error)
{
  BratState *state = g_new0 (BratState, 1);

  state->conf = _gloss_brat_conf_new ();
  state->dir_confs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify)_gloss_brat_conf_free);
  state->written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  state->folders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->state = state;

  return TRUE;
}


static void
append_t_line (GString     *out,
               Group       *group,
               GlossSource *source)
{
  g_string_append_printf (out, "%s\t%s ", group->id, group->label);
  for (guint i = 0; i < group->fragments->len; i++)
    {
      Fragment *f = &g_array_index (group->fragments, Fragment, i);

      g_string_append_printf (out, "%s%u %u", i ? ";" : "", f->start, f->end);
    }
  g_string_append_c (out, '\t');
  for (guint i = 0; i < group->fragments->len; i++)
    {
      Fragment *f = &g_array_index (group->fragments, Fragment, i);
      gsize from = gloss_source_offset_to_byte (source, f->start);
      gsize to = gloss_source_offset_to_byte (source, f->end);

      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, gloss_source_get_text (source) + from, to - from);
    }
  g_string_append_c (out, '\n');
  group->emitted = TRUE;
}

void
_gloss_brat_append_note_line (GString *out,
                              Group   *group)
{
  g_string_append_printf (out, "%s\tAnnotatorNotes %s\t", group->note_id, group->id);
  for (const char *p = group->note; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* One space for CRLF, as for any other line break. */
      if (c == '\r' && p[1] == '\n')
        continue;
      if (_gloss_brat_is_line_break (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  g_string_append_c (out, '\n');
  group->note_emitted = TRUE;
}


/* TRUE when the kept line @line points at a T id that was in the file
 * when it was imported (@known) but is written no more (@written). */
static gboolean
line_lost_its_span (const char *line,
                    GHashTable *known,
                    GHashTable *written)
{
  const char *rest = strchr (line, '\t');
  g_auto(GStrv) words = NULL;
  g_autofree char *fields = NULL;
  const char *end;

  if (rest == NULL)
    return FALSE;

  /* The references are in the second field; the third is free text. */
  end = strchr (rest + 1, '\t');
  fields = end ? g_strndup (rest + 1, end - rest - 1) : g_strdup (rest + 1);
  words = g_strsplit (fields, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = strrchr (words[i], ':');

      word = word ? word + 1 : words[i];
      if (_gloss_brat_id_number (word, 'T') > 0 && g_hash_table_contains (known, word) &&
          !g_hash_table_contains (written, word))
        return TRUE;
    }

  return FALSE;
}

/* The "x-brat" object of @file, or NULL. */
static JsonObject *
brat_extra (GlossAnnotationFile *file)
{
  JsonObject *extra = gloss_annotation_file_get_extra (file);
  JsonNode *node;

  if (extra == NULL || (node = json_object_get_member (extra, GLOSS_KEY_BRAT)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

/* Writes the .ann of @file: the lines in the order the import kept, then
 * what is new. */
static char *
make_ann (GlossExporter       *self,
          GlossSource         *source,
          GlossAnnotationFile *file,
          GPtrArray           *groups,
          GHashTable          *by_annotation,
          ExtraCounts         *counts,
          const char          *name)
{
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (_gloss_brat_extra_free);
  g_autoptr(GPtrArray) attributes = g_ptr_array_new_with_free_func (_gloss_brat_extra_free);
  g_autoptr(GHashTable) by_extra = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_extra_note = g_hash_table_new (g_str_hash, g_str_equal);
  guint64 next_r = 0, next_a = 0;
  JsonObject *brat = NULL;
  JsonArray *order = NULL, *lines = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_note = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) written = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) out = g_string_new (NULL);
  guint64 next_t = 0, next_note = 0;
  guint n_order = 0, n_dropped = 0;
  JsonNode *node;

  brat = brat_extra (file);
  if (brat != NULL)
    {
      node = json_object_get_member (brat, "order");
      order = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
      node = json_object_get_member (brat, "lines");
      lines = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
    }
  /* The kept lines point at spans the tag filter may leave out. */
  if (self->tags != NULL)
    order = NULL;
  n_order = order ? json_array_get_length (order) : 0;

  /* Ids already taken, so that new ones come after. */
  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_ptr_array_index (groups, i);

      if (group->id != NULL)
        {
          next_t = MAX (next_t, _gloss_brat_id_number (group->id, 'T'));
          g_hash_table_insert (by_id, group->id, group);
        }
      if (group->note_id != NULL)
        {
          next_note = MAX (next_note, _gloss_brat_id_number (group->note_id, '#'));
          g_hash_table_insert (by_note, group->note_id, group);
        }
    }
  for (guint i = 0; i < n_order; i++)
    {
      const char *id = json_array_get_string_element (order, i);

      next_t = MAX (next_t, _gloss_brat_id_number (id, 'T'));
      next_note = MAX (next_note, _gloss_brat_id_number (id, '#'));
      next_r = MAX (next_r, _gloss_brat_id_number (id, 'R'));
      next_a = MAX (next_a, _gloss_brat_id_number (id, 'A'));
      if (_gloss_brat_id_number (id, 'T') > 0)
        g_hash_table_add (known, (gpointer)id);
    }
  for (guint i = 0; lines != NULL && i < json_array_get_length (lines); i++)
    {
      const char *line = json_array_get_string_element (lines, i);

      next_t = MAX (next_t, _gloss_brat_id_number (line, 'T'));
      next_note = MAX (next_note, _gloss_brat_id_number (line, '#'));
      next_r = MAX (next_r, _gloss_brat_id_number (line, 'R'));
      next_a = MAX (next_a, _gloss_brat_id_number (line, 'A'));
    }

  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_ptr_array_index (groups, i);

      if (group->id == NULL)
        group->id = g_strdup_printf ("T%" G_GUINT64_FORMAT, ++next_t);
      if (group->note != NULL && group->note_id == NULL)
        group->note_id = g_strdup_printf ("#%" G_GUINT64_FORMAT, ++next_note);
      g_hash_table_add (written, group->id);
    }

  /* The relations and attributes, once the spans have their ids; brat's
   * ids kept from the import where they are still free. */
  _gloss_brat_make_extras (file, groups, by_annotation, relations, attributes, counts);
  _gloss_brat_number_extras (relations, 'R', &next_r, &next_note, by_extra);
  _gloss_brat_number_extras (attributes, 'A', &next_a, &next_note, by_extra);
  for (guint i = 0; i < relations->len; i++)
    {
      Extra *e = g_ptr_array_index (relations, i);

      if (e->id == NULL)
        e->id = g_strdup_printf ("R%" G_GUINT64_FORMAT, ++next_r);
    }
  for (guint i = 0; i < attributes->len; i++)
    {
      Extra *e = g_ptr_array_index (attributes, i);

      if (e->id == NULL)
        e->id = g_strdup_printf ("A%" G_GUINT64_FORMAT, ++next_a);
    }
  for (guint i = 0; i < relations->len; i++)
    {
      Extra *e = g_ptr_array_index (relations, i);

      if (e->note == NULL)
        continue;
      if (e->note_id != NULL && (g_hash_table_contains (by_note, e->note_id) ||
                                 g_hash_table_contains (by_extra_note, e->note_id)))
        g_clear_pointer (&e->note_id, g_free);
      if (e->note_id == NULL)
        e->note_id = g_strdup_printf ("#%" G_GUINT64_FORMAT, ++next_note);
      g_hash_table_insert (by_extra_note, e->note_id, e);
    }

  for (guint i = 0; i < n_order; i++)
    {
      const char *id = json_array_get_string_element (order, i);
      Group *group;
      Extra *e;

      if (id == NULL)
        continue;

      if (id[0] == '@')
        {
          guint64 k = g_ascii_strtoull (id + 1, NULL, 10);
          const char *line;

          if (lines == NULL || k >= json_array_get_length (lines))
            continue;
          line = json_array_get_string_element (lines, k);
          if (line == NULL)
            continue;
          if (line_lost_its_span (line, known, written))
            {
              n_dropped++;
              continue;
            }
          g_string_append (out, line);
          g_string_append_c (out, '\n');
        }
      else if ((group = g_hash_table_lookup (by_id, id)) != NULL && !group->emitted)
        {
          append_t_line (out, group, source);
        }
      else if ((group = g_hash_table_lookup (by_note, id)) != NULL && !group->note_emitted &&
               group->note != NULL)
        {
          _gloss_brat_append_note_line (out, group);
        }
      else if ((e = g_hash_table_lookup (by_extra, id)) != NULL && !e->emitted)
        {
          _gloss_brat_append_extra_line (out, e);
        }
      else if ((e = g_hash_table_lookup (by_extra_note, id)) != NULL && !e->note_emitted &&
               e->emitted)
        {
          _gloss_brat_append_extra_note (out, e);
        }
    }

  /* What the import did not see: new annotations and new notes. */
  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_ptr_array_index (groups, i);

      if (!group->emitted)
        append_t_line (out, group, source);
      if (group->note != NULL && !group->note_emitted)
        _gloss_brat_append_note_line (out, group);
    }
  for (guint i = 0; i < attributes->len; i++)
    {
      Extra *e = g_ptr_array_index (attributes, i);

      if (!e->emitted)
        _gloss_brat_append_extra_line (out, e);
    }
  for (guint i = 0; i < relations->len; i++)
    {
      Extra *e = g_ptr_array_index (relations, i);

      if (!e->emitted)
        _gloss_brat_append_extra_line (out, e);
      if (e->note != NULL && !e->note_emitted)
        _gloss_brat_append_extra_note (out, e);
    }

  if (n_dropped > 0)
    _gloss_exporter_warn (self,
                          /* Translators: an article's name, an annotator id, then a number */
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%s (%s): %u brat line left out: it points at an annotation deleted since the import",
                                       "%s (%s): %u brat lines left out: they point at annotations deleted since the import",
                                       n_dropped),
                          name, _gloss_export_annotator (file), n_dropped);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
warn_extras (GlossExporter *self,
             const char    *name,
             const char    *annotator,
             ExtraCounts   *counts)
{
  _gloss_exporter_warn_relations_cut (self, name, annotator, counts->n_cut);
  if (counts->n_false > 0)
    _gloss_exporter_warn (self,
                          /* Translators: an article's name, an annotator id, then a number */
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%s (%s): %u attribute set to false left out: brat’s binary attributes are there or not",
                                       "%s (%s): %u attributes set to false left out: brat’s binary attributes are there or not",
                                       counts->n_false),
                          name, annotator, counts->n_false);
  if (counts->n_unwritten > 0)
    _gloss_exporter_warn (self,
                          /* Translators: an article's name, an annotator id, then a number */
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%s (%s): %u number or text attribute left out: brat’s attributes take only listed values",
                                       "%s (%s): %u number or text attributes left out: brat’s attributes take only listed values",
                                       counts->n_unwritten),
                          name, annotator, counts->n_unwritten);
}

/* The codebook's relation types and its choice and boolean attributes
 * are declared in annotation.conf even when no line uses them, between
 * the tags they allow (every tag of the codebook when they name none). */
static void
declare_codebook (BratState     *state,
                  GlossCodebook *codebook)
{
  guint n_tags = 0;
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  if (codebook == NULL)
    return;
  for (; gloss_codebook_get_tag (codebook, n_tags) != NULL; n_tags++)
    g_ptr_array_add (all, (gpointer)gloss_tag_get_id (gloss_codebook_get_tag (codebook, n_tags)));
  g_ptr_array_add (all, NULL);

  for (guint i = 0; i < gloss_codebook_get_n_relation_types (codebook); i++)
    {
      GlossRelationType *type = gloss_codebook_get_relation_type (codebook, i);
      const char * const *from = gloss_relation_type_get_source_tags (type);
      const char * const *to = gloss_relation_type_get_target_tags (type);

      _gloss_brat_conf_declare_relation (state->conf, gloss_relation_type_get_id (type),
                                         from[0] ? from : (const char * const *)all->pdata,
                                         to[0] ? to : (const char * const *)all->pdata);
      if (state->dir_conf != NULL)
        _gloss_brat_conf_declare_relation (state->dir_conf, gloss_relation_type_get_id (type),
                                           from[0] ? from : (const char * const *)all->pdata,
                                           to[0] ? to : (const char * const *)all->pdata);
    }

  for (guint i = 0; i < gloss_codebook_get_n_attributes (codebook); i++)
    {
      GlossAttributeDef *def = gloss_codebook_get_attribute (codebook, i);
      const char * const *tags = gloss_attribute_def_get_tags (def);
      g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

      if (gloss_attribute_def_get_kind (def) == GLOSS_ATTRIBUTE_CHOICE)
        for (guint v = 0; v < gloss_attribute_def_get_n_values (def); v++)
          {
            GString *word = g_string_new (NULL);

            _gloss_brat_append_value (word, gloss_attribute_def_get_value_id (def, v));
            g_ptr_array_add (values, g_string_free (word, FALSE));
          }
      else if (gloss_attribute_def_get_kind (def) != GLOSS_ATTRIBUTE_BOOLEAN)
        continue;
      g_ptr_array_add (values, NULL);

      _gloss_brat_conf_declare_attribute (state->conf, gloss_attribute_def_get_id (def),
                                          tags[0] ? tags : (const char * const *)all->pdata,
                                          (const char * const *)values->pdata);
      if (state->dir_conf != NULL)
        _gloss_brat_conf_declare_attribute (state->dir_conf, gloss_attribute_def_get_id (def),
                                            tags[0] ? tags : (const char * const *)all->pdata,
                                            (const char * const *)values->pdata);
    }
}

/* NAME.txt becomes NAME; any other name keeps its extension, so that
 * a.txt and a.html never write the same files. */
static char *
stem_of (const char *name)
{
  if (g_str_has_suffix (name, ".txt"))
    return g_strndup (name, strlen (name) - 4);
  return g_strdup (name);
}

static gboolean
write_once (GlossExporter  *self,
            const char     *path,
            const char     *data,
            gsize           length,
            GError        **error)
{
  BratState *state = self->state;

  if (g_hash_table_contains (state->written, path))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_DUPLICATE_ID,
                   /* Translators: a file name */
                   _("Two articles would be written as “%s”; export them separately"), path);
      return FALSE;
    }

  g_hash_table_add (state->written, g_strdup (path));
  return _gloss_exporter_write_file (self, path, data, length, error);
}

static gboolean
brat_add (GlossExporter            *self,
          const GlossExportArticle *article,
          GError                  **error)
{
  BratState *state = self->state;
  g_autofree char *stem = stem_of (article->name);

  for (guint f = 0; f < article->files->len; f++)
    {
      GlossAnnotationFile *file = g_ptr_array_index (article->files, f);
      const char *annotator = _gloss_export_annotator (file);
      GlossCodebook *codebook = gloss_annotation_file_get_codebook (file);
      g_autoptr(GPtrArray) groups = NULL;
      g_autoptr(GHashTable) by_annotation = g_hash_table_new (g_str_hash, g_str_equal);
      ExtraCounts counts = { 0 };
      g_autofree char *ann = NULL;
      g_autofree char *txt_path = g_strdup_printf ("%s/%s.txt", annotator, stem);
      g_autofree char *ann_path = g_strdup_printf ("%s/%s.ann", annotator, stem);
      g_autofree char *dir = g_path_get_dirname (ann_path);
      guint n_orphans, n_blank;

      state->dir_conf = g_hash_table_lookup (state->dir_confs, dir);
      if (state->dir_conf == NULL)
        {
          state->dir_conf = _gloss_brat_conf_new ();
          g_hash_table_insert (state->dir_confs, g_strdup (dir), state->dir_conf);
        }

      groups = _gloss_brat_make_groups (self, article->source, file, by_annotation, &n_orphans, &n_blank);
      _gloss_exporter_warn_orphans (self, article->name, annotator, n_orphans);
      if (n_blank > 0)
        _gloss_exporter_warn (self,
                              /* Translators: an article's name, an annotator id, then a number */
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%s (%s): %u annotation of line breaks alone left out: brat cannot hold it",
                                           "%s (%s): %u annotations of line breaks alone left out: brat cannot hold them",
                                           n_blank),
                              article->name, annotator, n_blank);
      ann = make_ann (self, article->source, file, groups, by_annotation, &counts, article->name);
      warn_extras (self, article->name, annotator, &counts);
      declare_codebook (state, codebook);
      _gloss_brat_conf_add_ann (state->conf, ann);
      _gloss_brat_conf_carry (state->conf, brat_extra (file));
      _gloss_brat_conf_add_ann (state->dir_conf, ann);
      _gloss_brat_conf_carry (state->dir_conf, brat_extra (file));

      if (!write_once (self, txt_path, gloss_source_get_text (article->source),
                       gloss_source_get_n_bytes (article->source), error) ||
          !write_once (self, ann_path, ann, strlen (ann), error))
        return FALSE;

      g_hash_table_add (state->folders, g_strdup (annotator));

      /* The codebook's tags are entity types even when no one used them. */
      for (guint i = 0; codebook != NULL && gloss_codebook_get_tag (codebook, i) != NULL; i++)
        {
          GlossTag *tag = gloss_codebook_get_tag (codebook, i);

          _gloss_brat_note_type (state, gloss_tag_get_id (tag), tag);
        }
    }

  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

/* Writes @text (NULL for nothing) as @name in each folder of @folders
 * (NULL-terminated; "" is the destination itself). */
static gboolean
write_conf (GlossExporter  *self,
            const char     *name,
            const char     *text,
            const char    **folders,
            GError        **error)
{
  for (guint i = 0; text != NULL && folders[i] != NULL; i++)
    {
      g_autofree char *path = folders[i][0] ? g_strdup_printf ("%s/%s", folders[i], name)
                                            : g_strdup (name);

      if (!_gloss_exporter_write_file (self, path, text, strlen (text), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
brat_finish (GlossExporter  *self,
             GError        **error)
{
  BratState *state = self->state;
  static const char * const names[] = {
    GLOSS_BRAT_ANNOTATION_CONF, GLOSS_BRAT_VISUAL_CONF, GLOSS_BRAT_TOOLS_CONF
  };
  g_autoptr(GPtrArray) tops = g_ptr_array_new ();
  g_autofree gpointer *folders = NULL;
  g_autofree gpointer *dirs = NULL;
  guint n_folders, n_dirs, n_own;

  /* At the top, and a copy in each annotator's folder, for whoever opens
   * that one alone in brat. */
  g_ptr_array_add (tops, (gpointer)"");
  folders = g_hash_table_get_keys_as_array (state->folders, &n_folders);
  qsort (folders, n_folders, sizeof (gpointer), compare_strings);
  for (guint i = 0; i < n_folders; i++)
    g_ptr_array_add (tops, folders[i]);
  g_ptr_array_add (tops, NULL);
  dirs = g_hash_table_get_keys_as_array (state->dir_confs, &n_dirs);
  qsort (dirs, n_dirs, sizeof (gpointer), compare_strings);

  for (guint c = 0; c < G_N_ELEMENTS (names); c++)
    {
      g_autofree char *text = _gloss_brat_conf_text (state->conf, names[c]);

      if (!write_conf (self, names[c], text, (const char **)tops->pdata, error))
        return FALSE;
      if (!_gloss_brat_conf_is_mixed (state->conf, names[c]))
        continue;

      /* Corpora with configurations of their own (a folder per language,
       * each with its tools.conf): each folder gets its own back, which
       * brat finds before the one above. */
      n_own = 0;
      for (guint d = 0; d < n_dirs; d++)
        {
          GlossBratConf *dir_conf = g_hash_table_lookup (state->dir_confs, dirs[d]);
          const char *here[] = { dirs[d], NULL };
          g_autofree char *own = NULL;

          if (!_gloss_brat_conf_carries (dir_conf, names[c]))
            continue;
          own = _gloss_brat_conf_text (dir_conf, names[c]);
          if (!write_conf (self, names[c], own, here, error))
            return FALSE;
          n_own++;
        }

      if (n_own > 0)
        _gloss_exporter_warn (self,
                              /* Translators: a brat configuration file name, such as
                               * annotation.conf */
                              _("The articles imported from brat came with different %s files: "
                                "each is written back to the folder of its articles"),
                              names[c]);
      else
        _gloss_exporter_warn (self,
                              /* Translators: a brat configuration file name, such as
                               * annotation.conf */
                              _("The articles imported from brat came with different %s files; "
                                "Gloss wrote its own"),
                              names[c]);
    }

  return TRUE;
}

const GlossExportFormatClass _gloss_export_brat = {
  .description = N_("A folder with, for each annotator, a .txt and an .ann file per article."),
  .options = GLOSS_FORMAT_FOLDER_ONLY,
  .begin = brat_begin,
  .add = brat_add,
  .finish = brat_finish,
  .free_state = brat_free_state,
};
