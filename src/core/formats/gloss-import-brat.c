/* gloss-import-brat.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* brat's standoff format: NAME.ann beside NAME.txt.  Gloss models two kinds
 * of lines:
 *
 *   T1<TAB>TYPE START END[;START END]...<TAB>TEXT   a span, maybe in pieces
 *   #1<TAB>AnnotatorNotes T1<TAB>NOTE              a note on a span
 *
 * A span becomes one annotation per piece; the pieces of one span share a
 * group key ("x-group": "brat:T1") and keep brat's id and their place in
 * the line.  The text column must be the pieces' text joined by spaces,
 * as brat checks it (TextAnnotations in server/src/annotation.py), with
 * two allowances, each reported: a text that differs from the article's
 * only in white space (brat's one-line column cannot hold a line break,
 * so other tools write a space there), and no text at all, which brat
 * too fills from the article.  Any other difference keeps the article
 * from being imported.  Relations and attributes are modelled too:
 *
 *   R1<TAB>TYPE ROLE1:T1 ROLE2:T2<TAB>    a relation from T1 to T2
 *   A1<TAB>NAME T1 [VALUE]                 an attribute (binary: true)
 *   #2<TAB>AnnotatorNotes R1<TAB>NOTE       a relation's note
 *
 * each keeping its brat id (and roles other than Arg1 and Arg2, and a
 * line end other than brat's tab) for the way back.  A relation whose
 * end is not a span Gloss imported, or that the codebook does not allow,
 * and an attribute value the codebook does not allow are named with
 * their line in the report and kept as lines.  Every other line (events
 * E, normalisations N, equivalences *, notes on them, and a span Gloss
 * holds already) is kept, as it is, in the annotation file's "x-brat"
 * key with the order of all lines, and counted in the report: exporting
 * to brat gives the same .ann back.
 *
 * Line ends may be LF or CRLF; the lines are kept without their CR.
 * annotation.conf, visual.conf and tools.conf, each the one brat would
 * use (in the .ann's folder or the nearest parent that has one), are kept
 * in "x-brat" too, so that an export gives the corpus its configuration
 * back; the colours and labels of visual.conf become those of the new
 * tags. */

#define G_LOG_DOMAIN "gloss-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-annotation-private.h"
#include "gloss-brat-conf-private.h"
#include "gloss-corpus.h"
#include "gloss-file-io.h"
#include "gloss-import-brat-private.h"


/* The text of @spans in @source, joined by spaces as brat writes it. */
static char *
spans_text (GlossSource *source,
            GArray      *spans)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = &g_array_index (spans, Span, i);
      gsize from = gloss_source_offset_to_byte (source, span->start);
      gsize to = gloss_source_offset_to_byte (source, span->end);

      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, gloss_source_get_text (source) + from, to - from);
    }

  return g_string_free (out, FALSE);
}

/* TRUE when @text is that of @spans in @source, as spans_text() gives
 * it, told without making that; FALSE when it is not, or when the spans
 * hold a NUL, which that text would end at. */
static gboolean
spans_text_is (GlossSource *source,
               GArray      *spans,
               const char  *text)
{
  const char *article = gloss_source_get_text (source);

  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = &g_array_index (spans, Span, i);
      gsize from = gloss_source_offset_to_byte (source, span->start);
      gsize to = _gloss_annotation_end_byte (source, from, span->start, span->end);

      if (i > 0 && *text++ != ' ')
        return FALSE;
      if (strncmp (text, article + from, to - from) != 0 || memchr (article + from, '\0', to - from))
        return FALSE;
      text += to - from;
    }

  return *text == '\0';
}

/* TRUE when @a and @b hold the same characters once white space (any,
 * line breaks included) is left out of both. */
static gboolean
same_but_white_space (const char *a,
                      const char *b)
{
  for (;;)
    {
      while (*a != '\0' && g_unichar_isspace (g_utf8_get_char (a)))
        a = g_utf8_next_char (a);
      while (*b != '\0' && g_unichar_isspace (g_utf8_get_char (b)))
        b = g_utf8_next_char (b);
      if (*a == '\0' || *b == '\0')
        return *a == *b;
      if (g_utf8_get_char (a) != g_utf8_get_char (b))
        return FALSE;
      a = g_utf8_next_char (a);
      b = g_utf8_next_char (b);
    }
}

/* TRUE when @text is empty or white space only, which brat takes for no
 * text at all. */
static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static void
keep_line (Reader     *r,
           const char *line,
           const char *kind)
{
  g_autofree char *ref = g_strdup_printf ("@%u", json_array_get_length (r->kept));
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (r->kept_kinds, kind));

  json_array_add_string_element (r->kept, line);
  json_array_add_string_element (r->order, ref);
  g_hash_table_insert (r->kept_kinds, (gpointer)kind, GUINT_TO_POINTER (count + 1));
}

/* The kind of a line for the report: its id's letters ("R", "E", "*"). */
static const char *
kind_of (const char *line)
{
  static const char * const kinds[] = { "T", "R", "E", "A", "M", "N", "#", "*" };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (line[0] == kinds[i][0])
      return kinds[i];

  return "?";
}

/* The type @type, its name copied at its first span. */
static SpanType *
intern_type (Reader     *r,
             const char *type)
{
  SpanType *known = g_hash_table_lookup (r->types, type);

  if (known == NULL)
    {
      known = g_new0 (SpanType, 1);
      known->name = g_string_chunk_insert (r->strings, type);
      g_hash_table_insert (r->types, (gpointer)known->name, known);
    }

  return known;
}

/* N for an id "TN" as brat numbers its spans (digits, no leading zero)
 * when N is below @limit; -1 for any other id. */
static gint64
id_number (const char *id,
           guint       limit)
{
  guint64 number = 0;
  const char *p = id + 1;

  if (id[0] != 'T' || !g_ascii_isdigit (*p) || (*p == '0' && p[1] != '\0'))
    return -1;
  for (; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return -1;
      number = number * 10 + (guint64)(*p - '0');
      if (number >= limit)
        return -1;
    }

  return number;
}

/* Entities are looked up by their number in an array when their id is
 * brat's own, since every R, A and # line looks up one or two; by their
 * id otherwise. */
Entity *
_gloss_brat_find_entity (Reader     *r,
                         const char *id)
{
  gint64 number = id_number (id, r->n_numbered);

  if (number >= 0)
    return r->numbered[number];
  return g_hash_table_lookup (r->entities, id);
}

static void
add_entity (Reader *r,
            Entity *entity)
{
  gint64 number = id_number (entity->id, r->n_numbered);

  if (number >= 0)
    r->numbered[number] = entity;
  else
    g_hash_table_insert (r->entities, (gpointer)entity->id, entity);
}

/* Reads a T line: its id, which its annotations share, when it becomes
 * annotations, else NULL.  A line with a problem is reported; a span
 * Gloss cannot take as an annotation is left for the kept lines. */
static JsonNode *
read_t_line (Reader     *r,
             const char *line,
             guint       number)
{
  BratLine cut;
  GArray *spans = r->spans;
  g_autofree char *text = NULL;
  guint length = gloss_source_get_length (r->source);
  char *space;
  const char *type;
  const char *given;
  GArray *allowance = NULL;
  GlossAnnotation *first = NULL;
  Entity *entity;
  SpanType *span_type;
  JsonNode *id, *group = NULL;

  _gloss_brat_cut_line (r, line, FALSE, &cut);
  g_array_set_size (spans, 0);
  if (cut.n_fields < 2 || (space = strchr (cut.fields[1], ' ')) == NULL ||
      !_gloss_brat_parse_spans (space + 1, spans))
    {
      _gloss_import_problem (r->problems, r->display, number,
                             _("“%s” is not a span line of brat (T1<tab>TYPE START END<tab>TEXT)"),
                             cut.fields[0]);
      return NULL;
    }
  /* The type ends where the offsets begin. */
  *space = '\0';
  type = cut.fields[1];
  given = cut.fields[2];

  if (_gloss_brat_find_entity (r, cut.fields[0]) != NULL)
    {
      _gloss_import_problem (r->problems, r->display, number,
                             /* Translators: a brat id such as T3 */
                             _("%s is defined twice"), cut.fields[0]);
      return NULL;
    }

  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = &g_array_index (spans, Span, i);

      if (span->start >= span->end || span->end > length)
        {
          _gloss_import_problem (r->problems, r->display, number,
                                 /* Translators: a brat id, two offsets, then the
                                  * article's length */
                                 _("%s: the span %u–%u is empty or outside the article (%u characters)"),
                                 cut.fields[0], span->start, span->end, length);
          return NULL;
        }
    }

  /* brat fills a missing text from the article.  The text of the spans
   * is made only when the line's is not it already. */
  if (given == NULL || is_blank (given))
    allowance = r->filled;
  else if (!spans_text_is (r->source, spans, given))
    text = spans_text (r->source, spans);
  if (text != NULL && strcmp (given, text) != 0 && same_but_white_space (given, text))
    allowance = r->respaced;
  else if (text != NULL && strcmp (given, text) != 0)
    {
      _gloss_import_problem (r->problems, r->display, number,
                             /* Translators: a brat id, the text the line gives, then
                              * the article's */
                             _("%s says “%s” but the article has “%s” there"),
                             cut.fields[0], given, text);
      return NULL;
    }

  /* A span that Gloss holds already cannot be a second annotation: the
   * line is kept as it is.  A span in one piece is added at once, which
   * tells. */
  if (spans->len == 1)
    {
      Span *span = &g_array_index (spans, Span, 0);

      first = _gloss_import_batch_add (r->batch, type, span->start, span->end,
                                       NULL, NULL, NULL, NULL);
      if (first == NULL)
        return NULL;
    }
  for (guint i = 0; first == NULL && i < spans->len; i++)
    {
      Span *span = &g_array_index (spans, Span, i);

      if (_gloss_import_batch_has (r->batch, type, span->start, span->end))
        return NULL;
      for (guint j = 0; j < i; j++)
        {
          Span *other = &g_array_index (spans, Span, j);

          if (other->start == span->start && other->end == span->end)
            return NULL;
        }
    }

  if (allowance != NULL)
    g_array_append_val (allowance, number);

  g_assert (r->n_entities < r->n_entities_max);
  entity = &r->entity_store[r->n_entities++];
  entity->id = g_string_chunk_insert (r->strings, cut.fields[0]);
  span_type = intern_type (r, type);
  span_type->last = r->n_entities - 1;
  entity->type = span_type->name;
  entity->line = number;
  entity->first = r->annotations->len;
  entity->n_annotations = spans->len;
  entity->has_note = FALSE;
  add_entity (r, entity);
  id = _gloss_brat_string_node (entity->id);

  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = &g_array_index (spans, Span, i);
      GlossAnnotation *a;
      JsonObject *extra;

      if (i == 0 && first != NULL)
        a = first;
      else
        a = _gloss_import_batch_add (r->batch, entity->type, span->start, span->end,
                                     NULL, NULL, NULL, NULL);
      g_assert (a != NULL);

      extra = _gloss_import_extra (a);
      json_object_set_member (extra, GLOSS_KEY_BRAT_ID, json_node_ref (id));
      if (spans->len > 1)
        {
          if (group == NULL)
            {
              g_autofree char *key = g_strconcat ("brat:", entity->id, NULL);

              group = _gloss_brat_string_node (key);
            }
          json_object_set_member (extra, GLOSS_KEY_GROUP, json_node_ref (group));
          json_object_set_int_member (extra, GLOSS_KEY_BRAT_FRAGMENT, i);
        }
      g_ptr_array_add (r->annotations, a);
    }
  g_clear_pointer (&group, json_node_unref);

  return id;
}

/* Reads a # line; FALSE when it goes to the kept lines instead. */
static gboolean
read_note_line (Reader     *r,
                const char *line)
{
  BratLine cut;
  Entity *entity;
  const char *note;
  JsonNode *id;

  _gloss_brat_cut_line (r, line, TRUE, &cut);
  if (cut.n_fields < 2 || cut.n_words != 2 || strcmp (cut.words[0], "AnnotatorNotes") != 0)
    return FALSE;

  entity = _gloss_brat_find_entity (r, cut.words[1]);
  note = cut.fields[2] ? cut.fields[2] : "";
  if (entity == NULL || entity->has_note || note[0] == '\0')
    return FALSE;

  id = _gloss_brat_string_node (cut.fields[0]);
  for (guint i = 0; i < entity->n_annotations; i++)
    {
      GlossAnnotation *a = g_ptr_array_index (r->annotations, entity->first + i);
      JsonObject *extra = gloss_annotation_get_extra (a);

      _gloss_annotation_set_note (a, note);
      json_object_set_member (extra, GLOSS_KEY_BRAT_NOTE_ID, json_node_ref (id));
    }
  entity->has_note = TRUE;
  json_array_add_element (r->order, id);
  return TRUE;
}

static void
note_kept_lines (Reader          *r,
                 GlossImportPlan *plan)
{
  static const char * const kinds[] = { "T", "R", "E", "A", "M", "N", "#", "*", "?" };
  g_autoptr(GString) detail = g_string_new (NULL);
  guint total = json_array_get_length (r->kept);

  if (total == 0)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (r->kept_kinds, kinds[i]));

      if (count > 0)
        g_string_append_printf (detail, "%s%s %u", detail->len ? ", " : "", kinds[i], count);
    }

  _gloss_import_plan_note (plan, total,
                           /* Translators: a file name, a number, then a list such as "R 2, E 1" */
                           g_dngettext (GETTEXT_PACKAGE,
                                        "%s: %u line Gloss does not model kept for the way back to brat (%s)",
                                        "%s: %u lines Gloss does not model kept for the way back to brat (%s)",
                                        total),
                           r->display, total, detail->str);
}

/* "4, 7, 9" for the line numbers in @numbers; past ten, the first ten and
 * an ellipsis. */
static char *
line_list (GArray *numbers)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < numbers->len && i < 10; i++)
    g_string_append_printf (out, "%s%u", i > 0 ? ", " : "", g_array_index (numbers, guint, i));
  if (numbers->len > 10)
    g_string_append (out, ", …");

  return g_string_free (out, FALSE);
}

/* Reports the span lines taken with one of brat's allowances. */
static void
note_allowances (Reader          *r,
                 GlossImportPlan *plan)
{
  if (r->filled->len > 0)
    {
      g_autofree char *lines = line_list (r->filled);

      _gloss_import_plan_note (plan, 0,
                               /* Translators: a file name, a number, then line numbers
                                * such as "4, 7" */
                               g_dngettext (GETTEXT_PACKAGE,
                                            "%s: %u span line has no text; Gloss took it from the article, as brat does (line %s)",
                                            "%s: %u span lines have no text; Gloss took it from the article, as brat does (lines %s)",
                                            r->filled->len),
                               r->display, r->filled->len, lines);
    }

  if (r->respaced->len > 0)
    {
      g_autofree char *lines = line_list (r->respaced);

      _gloss_import_plan_note (plan, 0,
                               /* Translators: a file name, a number, then line numbers
                                * such as "4, 7" */
                               g_dngettext (GETTEXT_PACKAGE,
                                            "%s: %u span line gives a text that differs from the article only in white space; Gloss kept the article’s (line %s)",
                                            "%s: %u span lines give a text that differs from the article only in white space; Gloss kept the article’s (lines %s)",
                                            r->respaced->len),
                               r->display, r->respaced->len, lines);
    }
}
/* The article of @input, the .txt beside it (never a link to a file
 * outside its folder); NULL with the problem reported. */
static GlossSource *
read_text_beside (GlossImporter *self,
                  GFile         *input,
                  const char    *display,
                  GString       *problems)
{
  g_autofree char *base = g_file_get_basename (input);
  g_autofree char *txt_name = NULL;
  g_autoptr(GFile) dir = g_file_get_parent (input);
  g_autoptr(GFile) txt = NULL;
  g_autoptr(GError) error = NULL;
  GlossSource *source;

  if (!g_str_has_suffix (base, ".ann"))
    {
      _gloss_import_problem (problems, display, 0, _("a brat file name ends with .ann"));
      return NULL;
    }
  base[strlen (base) - 4] = '\0';
  txt_name = g_strconcat (base, ".txt", NULL);
  txt = g_file_get_child (dir, txt_name);

  /* The text is the one beside the .ann: a link to a file elsewhere is
   * not followed, so that no file outside the folder is read (or shown
   * in a message, or copied into an annotation file). */
  if (g_file_query_exists (txt, NULL) && !_gloss_import_lies_inside (dir, txt))
    {
      g_autofree char *txt_display = g_file_get_parse_name (txt);

      _gloss_import_problem (problems, display, 0,
                             /* Translators: a file name */
                             _("“%s” is a link to a file outside this folder; Gloss imports only "
                               "texts inside the folder of the .ann"),
                             txt_display);
      return NULL;
    }

  source = gloss_corpus_read_article (txt, self->cancellable, &error);
  if (source == NULL)
    _gloss_import_problem (problems, display, 0, "%s", error->message);

  return source;
}

/* Reads the lines of the .ann (@data, which it changes) into @r. */
static void
read_ann_lines (Reader *r,
                char   *data)
{
  guint n_lines, n_spans = 0;
  g_autofree char **lines = _gloss_brat_cut_lines (data, &n_lines);
  /* The id of each line read into the layer, for the order. */
  g_autofree JsonNode **ids = g_new0 (JsonNode *, n_lines + 1);

  /* Room for every line's id and for an entity per T line, made at
   * once. */
  r->order = json_array_sized_new (n_lines);
  for (guint i = 0; i < n_lines; i++)
    if (lines[i][0] == 'T')
      n_spans++;
  r->entity_store = g_new (Entity, n_spans);
  r->n_numbered = n_lines + 1;
  r->numbered = g_new0 (Entity *, r->n_numbered);
  r->n_entities_max = n_spans;
  r->annotations = g_ptr_array_sized_new (n_spans);

  /* Spans first, so that a note may come before the span it is about. */
  for (guint i = 0; i < n_lines; i++)
    if (lines[i][0] == 'T')
      ids[i] = read_t_line (r, lines[i], i + 1);

  /* The notes of relations, then the relations and the attributes, so
   * that each may come before what it points at. */
  for (guint i = 0; i < n_lines; i++)
    if (lines[i][0] == '#')
      {
        BratLine cut;

        _gloss_brat_cut_line (r, lines[i], TRUE, &cut);
        if (cut.n_words == 2 && strcmp (cut.words[0], "AnnotatorNotes") == 0 &&
            cut.words[1][0] == 'R' && !g_hash_table_contains (r->relation_notes, cut.words[1]))
          g_hash_table_insert (r->relation_notes, g_strdup (cut.words[1]), lines[i]);
      }
  for (guint i = 0; i < n_lines; i++)
    {
      if (lines[i][0] == 'R')
        ids[i] = _gloss_brat_read_r_line (r, lines[i], i + 1);
      else if (lines[i][0] == 'A' || lines[i][0] == 'M')
        ids[i] = _gloss_brat_read_a_line (r, lines[i], i + 1);
    }

  /* Then every line in the file's order. */
  for (guint i = 0; i < n_lines; i++)
    {
      char *line = lines[i];
      JsonNode *note_id;

      if (ids[i] != NULL)
        json_array_add_element (r->order, g_steal_pointer (&ids[i]));
      else if (line[0] == '#' && (note_id = _gloss_brat_relation_note_id (r, line)) != NULL)
        json_array_add_element (r->order, json_node_ref (note_id));
      else if (line[0] != '#' || !read_note_line (r, line))
        keep_line (r, line, kind_of (line));
    }
}

static int
compare_last (gconstpointer a,
              gconstpointer b)
{
  const SpanType *x = *(SpanType * const *)a;
  const SpanType *y = *(SpanType * const *)b;

  return (x->last > y->last) - (x->last < y->last);
}

static const char * const conf_names[] = {
  GLOSS_BRAT_ANNOTATION_CONF, GLOSS_BRAT_VISUAL_CONF, GLOSS_BRAT_TOOLS_CONF
};

/* With the lines of @input read into @r: its configuration files, the
 * tags' colours and labels they give, and what the annotation file keeps
 * of brat's, then the import's @plan checked and run.  Takes @r's batch. */
static gboolean
import_batch (Reader          *r,
              GlossImportPlan *plan,
              GFile           *input,
              char           **confs)
{
  g_autoptr(GHashTable) colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(JsonObject) brat = json_object_new ();
  g_autoptr(GPtrArray) outside_confs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) types = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer known;
  g_autoptr(GError) error = NULL;
  GlossImportBatch *batch = r->batch;

  for (guint c = 0; c < G_N_ELEMENTS (conf_names); c++)
    {
      g_autofree char *outside = NULL;

      if (!_gloss_brat_find_conf (input, conf_names[c], r->self->cancellable, &confs[c], &outside, &error))
        {
          _gloss_import_problem (r->problems, r->display, 0, "%s", error->message);
          return FALSE;
        }
      if (outside != NULL)
        g_ptr_array_add (outside_confs, g_steal_pointer (&outside));
    }

  /* confs[1] is visual.conf. */
  if (confs[1] != NULL)
    _gloss_brat_read_visual_conf (confs[1], colors, labels);
  for (guint c = 0; c < G_N_ELEMENTS (conf_names); c++)
    if (confs[c] != NULL)
      json_object_set_string_member (brat, conf_names[c], confs[c]);
  for (guint i = 0; i < outside_confs->len; i++)
    _gloss_import_plan_note (plan, 0,
                             /* Translators: a file name, then a brat configuration
                              * file's name */
                             _("%s: “%s” not kept: it is a link to a file outside its folder"),
                             r->display, (const char *)g_ptr_array_index (outside_confs, i));

  /* Each type once, in the order of their last spans: a tag takes the
   * colour and label of the last type made that tag. */
  g_hash_table_iter_init (&iter, r->types);
  while (g_hash_table_iter_next (&iter, NULL, &known))
    g_ptr_array_add (types, known);
  g_ptr_array_sort (types, compare_last);
  for (guint i = 0; i < types->len; i++)
    {
      const char *type = ((SpanType *)g_ptr_array_index (types, i))->name;
      const char *color = g_hash_table_lookup (colors, type);
      const char *label = g_hash_table_lookup (labels, type);
      g_autofree char *tag = NULL;

      if (color == NULL && label == NULL)
        continue;
      tag = _gloss_label_to_tag (type);
      if (color != NULL)
        g_hash_table_replace (batch->colors, g_strdup (tag), g_strdup (color));
      /* The new tag's label; the annotation keeps the type itself. */
      if (label != NULL)
        g_hash_table_replace (batch->labels, g_strdup (tag), g_strdup (label));
    }

  json_object_set_array_member (brat, "order", json_array_ref (r->order));
  json_object_set_array_member (brat, "lines", json_array_ref (r->kept));
  batch->extra = json_object_new ();
  json_object_set_object_member (batch->extra, GLOSS_KEY_BRAT, json_object_ref (brat));

  note_kept_lines (r, plan);
  note_allowances (r, plan);
  _gloss_import_plan_add_batch (plan, g_steal_pointer (&r->batch));
  return _gloss_importer_run_plan (r->self, plan, r->display, r->problems);
}

static gboolean
brat_import_file (GlossImporter *self,
                  GFile         *input,
                  GString       *problems)
{
  /* Freed last, once the reader's own tables are: the plan's objects may
   * be freed in a thread while this one goes on. */
  g_autoptr(GlossImportPlan) plan = _gloss_import_plan_new ();
  g_autofree char *display = g_file_get_parse_name (input);
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *annotator = NULL;
  char *confs[G_N_ELEMENTS (conf_names)] = { NULL };
  Reader r = { 0 };
  gsize length, skip;
  gboolean ok;

  source = read_text_beside (self, input, display, problems);
  if (source == NULL)
    return FALSE;

  if (!_gloss_import_read_input (input, self->cancellable, &data, &length, &skip, &error))
    {
      _gloss_import_problem (problems, display, 0, "%s", error->message);
      return FALSE;
    }

  annotator = _gloss_importer_annotator (self, NULL);
  r.self = self;
  r.source = source;
  r.batch = _gloss_import_batch_new (source, annotator);
  r.batch->display = display;
  r.display = display;
  r.problems = problems;
  r.entities = g_hash_table_new (g_str_hash, g_str_equal);
  r.strings = g_string_chunk_new (64 * 1024);
  r.types = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  r.scratch = g_string_sized_new (256);
  r.values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_variant_unref);
  r.spans = g_array_new (FALSE, FALSE, sizeof (Span));
  r.kept = json_array_new ();
  r.kept_kinds = g_hash_table_new (g_str_hash, g_str_equal);
  r.filled = g_array_new (FALSE, FALSE, sizeof (guint));
  r.respaced = g_array_new (FALSE, FALSE, sizeof (guint));
  r.relation_notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.modelled_notes = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)json_node_unref);

  read_ann_lines (&r, data + skip);
  ok = problems->len == 0 && import_batch (&r, plan, input, confs);

  _gloss_import_batch_free (r.batch);
  g_hash_table_unref (r.entities);
  g_free (r.numbered);
  g_free (r.entity_store);
  g_ptr_array_unref (r.annotations);
  g_string_chunk_free (r.strings);
  g_hash_table_unref (r.types);
  g_string_free (r.scratch, TRUE);
  g_hash_table_unref (r.values);
  g_clear_pointer (&r.true_value, g_variant_unref);
  g_array_unref (r.spans);
  json_array_unref (r.order);
  json_array_unref (r.kept);
  g_hash_table_unref (r.kept_kinds);
  g_array_unref (r.filled);
  g_array_unref (r.respaced);
  g_hash_table_unref (r.relation_notes);
  g_hash_table_unref (r.modelled_notes);
  for (guint c = 0; c < G_N_ELEMENTS (conf_names); c++)
    g_free (confs[c]);

  return ok;
}

/* A .txt stands for the .ann beside it. */
static GFile *
brat_dup_input (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *stem = NULL;
  g_autofree char *ann = NULL;

  if (base == NULL || parent == NULL || !g_str_has_suffix (base, ".txt"))
    return g_object_ref (file);

  stem = g_strndup (base, strlen (base) - 4);
  ann = g_strconcat (stem, ".ann", NULL);
  return g_file_get_child (parent, ann);
}

const GlossImportFormatClass _gloss_import_brat = {
  .description = N_("The .ann files, each beside the .txt it annotates; a folder is searched for them."),
  .suffixes = ".ann",
  .dup_input = brat_dup_input,
  .import_file = brat_import_file,
};
