/* test-layer.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gloss-annotation-private.h"
#include "gloss-layer.h"

/* A timestamp in the past, so that a modification can be told apart from
 * the creation even within the same second. */
#define OLD_STAMP "2020-01-02T03:04:05Z"

/* U+1F389 PARTY POPPER: one code point, four bytes. */
#define POPPER "\xf0\x9f\x8e\x89"
/* "e" and U+0301 COMBINING ACUTE ACCENT: two code points, one glyph. */
#define E_ACUTE "e\xcc\x81"

static GlossAnnotation *
make_annotation (const char *id,
                 const char *tag,
                 guint       start,
                 guint       end)
{
  return gloss_annotation_new_full (id, tag, start, end, NULL, NULL, NULL, NULL,
                                    OLD_STAMP, OLD_STAMP);
}

static GlossSource *
make_source (const char *text)
{
  return gloss_source_new_from_text (text, -1, "article.txt");
}

static guint
n_items (GlossLayer *layer)
{
  return g_list_model_get_n_items (G_LIST_MODEL (layer));
}

/* The annotation at @position; the layer keeps it alive. */
static GlossAnnotation *
nth (GlossLayer *layer,
     guint       position)
{
  GlossAnnotation *annotation = g_list_model_get_item (G_LIST_MODEL (layer), position);

  g_assert_nonnull (annotation);
  g_object_unref (annotation);

  return annotation;
}

static char *
repeat (const char *unit,
        guint       times)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (out, unit);

  return g_string_free (out, FALSE);
}

/* "tag:start-end" for each annotation of @annotations, space-separated. */
static char *
describe_array (GPtrArray *annotations)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < annotations->len; i++)
    {
      GlossAnnotation *a = g_ptr_array_index (annotations, i);

      g_string_append_printf (out, "%s%s:%u-%u", i ? " " : "",
                              gloss_annotation_get_tag (a),
                              gloss_annotation_get_start (a),
                              gloss_annotation_get_end (a));
    }

  return g_string_free (out, FALSE);
}

static char *
describe (GlossLayer *layer)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  for (guint i = 0; i < n_items (layer); i++)
    g_ptr_array_add (all, nth (layer, i));

  return describe_array (all);
}

/* Every field of every annotation, to compare states before and after
 * undo and redo. */
static char *
snapshot (GlossLayer *layer)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_items (layer); i++)
    {
      GlossAnnotation *a = nth (layer, i);

      g_string_append_printf (out, "%s|%s|%u|%u|%s|%s|%s|%s|%s|%s|%s\n",
                              gloss_annotation_get_id (a),
                              gloss_annotation_get_tag (a),
                              gloss_annotation_get_start (a),
                              gloss_annotation_get_end (a),
                              gloss_annotation_get_quote (a),
                              gloss_annotation_get_prefix (a),
                              gloss_annotation_get_suffix (a),
                              gloss_annotation_get_note (a),
                              gloss_annotation_get_created (a),
                              gloss_annotation_get_modified (a),
                              gloss_anchor_status_to_string (gloss_annotation_get_status (a)));
    }

  return g_string_free (out, FALSE);
}

/* The model is strictly sorted, and every item can be found by position
 * and by id. */
static void
assert_sorted (GlossLayer *layer)
{
  for (guint i = 0; i < n_items (layer); i++)
    {
      GlossAnnotation *a = nth (layer, i);

      if (i > 0)
        g_assert_cmpint (gloss_annotation_compare (nth (layer, i - 1), a), <, 0);
      g_assert_cmpint (gloss_layer_index_of (layer, a), ==, i);
      g_assert_true (gloss_layer_lookup (layer, gloss_annotation_get_id (a)) == a);
      g_assert_true (gloss_layer_find (layer, gloss_annotation_get_tag (a),
                                       gloss_annotation_get_start (a),
                                       gloss_annotation_get_end (a)) == a);
    }
}

/* Records items-changed and replays it on a copy of the model, as a list
 * view would, checking at each signal that the model already is in the
 * state the signal describes. */
typedef struct
{
  GListModel *model;
  GString *log;
  GPtrArray *mirror;
  gulong handler;
  guint n_items_notifies;
  gulong notify_handler;
} Recorder;

static void
recorder_items_changed (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        Recorder   *rec)
{
  g_string_append_printf (rec->log, "%s%u,%u,%u", rec->log->len ? " " : "",
                          position, removed, added);

  g_assert_cmpuint (position + removed, <=, rec->mirror->len);
  g_ptr_array_remove_range (rec->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    {
      gpointer item = g_list_model_get_item (model, position + i);

      g_assert_nonnull (item);
      g_ptr_array_insert (rec->mirror, position + i, item);
    }

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, rec->mirror->len);
}

static void
recorder_n_items_notify (GObject    *object,
                         GParamSpec *pspec,
                         Recorder   *rec)
{
  rec->n_items_notifies++;
}

static void
recorder_init (Recorder   *rec,
               GlossLayer *layer)
{
  rec->model = G_LIST_MODEL (layer);
  rec->log = g_string_new (NULL);
  rec->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (rec->model); i++)
    g_ptr_array_add (rec->mirror, g_list_model_get_item (rec->model, i));
  rec->handler = g_signal_connect (layer, "items-changed",
                                   G_CALLBACK (recorder_items_changed), rec);
  rec->notify_handler = g_signal_connect (layer, "notify::n-items",
                                          G_CALLBACK (recorder_n_items_notify), rec);
  rec->n_items_notifies = 0;
}

static void
recorder_clear (Recorder *rec)
{
  g_clear_signal_handler (&rec->handler, rec->model);
  g_clear_signal_handler (&rec->notify_handler, rec->model);
  g_string_free (rec->log, TRUE);
  g_ptr_array_unref (rec->mirror);
}

/* Checks the signals since the last call, and that the copy matches. */
static void
recorder_expect (Recorder   *rec,
                 const char *expected)
{
  g_assert_cmpstr (rec->log->str, ==, expected);
  g_string_truncate (rec->log, 0);

  g_assert_cmpuint (rec->mirror->len, ==, g_list_model_get_n_items (rec->model));
  for (guint i = 0; i < rec->mirror->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (rec->model, i);

      g_assert_true (item == g_ptr_array_index (rec->mirror, i));
    }
}

static void
test_annotation_context (void)
{
  g_autofree char *units_before = repeat (POPPER E_ACUTE, 11);
  g_autofree char *units_after = repeat (E_ACUTE POPPER, 11);
  g_autofree char *text = NULL;
  g_autofree char *expected_prefix = NULL;
  g_autofree char *expected_suffix = NULL;
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GlossAnnotation) middle = NULL;
  g_autoptr(GlossAnnotation) first = NULL;
  g_autoptr(GlossAnnotation) last = NULL;
  g_autoptr(GlossAnnotation) split = NULL;
  g_autoptr(GlossAnnotation) exact = NULL;
  g_autoptr(GlossAnnotation) after_one = NULL;
  g_autoptr(GlossAnnotation) before_end = NULL;
  g_autoptr(GlossAnnotation) at_end = NULL;
  g_autofree char *head = NULL;
  g_autofree char *shifted = NULL;
  guint length;

  /* "x", 11 x (popper, e, accent) = 34 code points, then the quote "QUOTE"
   * at 34..39, then 11 x (e, accent, popper) and "z" = 34 code points. */
  text = g_strconcat ("x", units_before, "QUOTE", units_after, "z", NULL);
  source = make_source (text);
  length = gloss_source_get_length (source);
  g_assert_cmpuint (length, ==, 34 + 5 + 34);

  middle = gloss_annotation_new_for_source (source, "claim", 34, 39, NULL);
  g_assert_cmpstr (gloss_annotation_get_quote (middle), ==, "QUOTE");

  /* The 32 code points before: the first two ("x" and a popper) drop out,
   * and the context starts on a bare "e" of an accented pair. */
  expected_prefix = g_strconcat (E_ACUTE, units_before + strlen (POPPER E_ACUTE), NULL);
  g_assert_cmpstr (gloss_annotation_get_prefix (middle), ==, expected_prefix);
  g_assert_cmpuint (g_utf8_strlen (gloss_annotation_get_prefix (middle), -1), ==, 32);

  /* The 32 code points after end inside a pair: "e" and its accent stay,
   * the last popper and "z" drop out. */
  expected_suffix = g_strndup (units_after, strlen (units_after) - strlen (POPPER));
  g_assert_cmpstr (gloss_annotation_get_suffix (middle), ==, expected_suffix);
  g_assert_cmpuint (g_utf8_strlen (gloss_annotation_get_suffix (middle), -1), ==, 32);

  /* At the very start: no prefix; the quote is an emoji and a combining
   * pair, four bytes and three bytes. */
  first = gloss_annotation_new_for_source (source, "claim", 0, 4, NULL);
  g_assert_cmpstr (gloss_annotation_get_quote (first), ==, "x" POPPER E_ACUTE);
  g_assert_cmpstr (gloss_annotation_get_prefix (first), ==, "");
  g_assert_cmpuint (g_utf8_strlen (gloss_annotation_get_suffix (first), -1), ==, 32);
  g_assert_true (g_str_has_prefix (gloss_annotation_get_suffix (first), POPPER E_ACUTE POPPER));

  /* At the very end: no suffix, and a prefix of exactly 32. */
  last = gloss_annotation_new_for_source (source, "claim", length - 2, length, NULL);
  g_assert_cmpstr (gloss_annotation_get_quote (last), ==, POPPER "z");
  g_assert_cmpstr (gloss_annotation_get_suffix (last), ==, "");
  g_assert_cmpuint (g_utf8_strlen (gloss_annotation_get_prefix (last), -1), ==, 32);
  g_assert_true (g_str_has_suffix (gloss_annotation_get_prefix (last), E_ACUTE));

  /* A quote that starts on a combining accent is cut by code points. */
  split = gloss_annotation_new_for_source (source, "claim", 3, 5, NULL);
  g_assert_cmpstr (gloss_annotation_get_quote (split), ==, "\xcc\x81" POPPER);
  g_assert_cmpstr (gloss_annotation_get_prefix (split), ==, "x" POPPER "e");

  /* Exactly 32 code points before: the whole head of the text. */
  exact = gloss_annotation_new_for_source (source, "claim", 32, 34, NULL);
  head = g_strconcat ("x", units_before, NULL);
  head[strlen (head) - strlen (E_ACUTE)] = '\0';
  g_assert_cmpstr (gloss_annotation_get_prefix (exact), ==, head);
  g_assert_cmpstr (gloss_annotation_get_quote (exact), ==, E_ACUTE);

  /* One more than 32 before: the first character drops out. */
  after_one = gloss_annotation_new_for_source (source, "claim", 33, 34, NULL);
  shifted = g_strconcat (head + 1, "e", NULL);
  g_assert_cmpstr (gloss_annotation_get_prefix (after_one), ==, shifted);
  g_assert_cmpuint (g_utf8_strlen (gloss_annotation_get_prefix (after_one), -1), ==, 32);

  /* 33 after, then exactly 32 after. */
  before_end = gloss_annotation_new_for_source (source, "claim", 39, 40, NULL);
  g_assert_cmpuint (g_utf8_strlen (gloss_annotation_get_suffix (before_end), -1), ==, 32);
  g_assert_false (g_str_has_suffix (gloss_annotation_get_suffix (before_end), "z"));
  at_end = gloss_annotation_new_for_source (source, "claim", 40, 41, NULL);
  g_assert_cmpuint (g_utf8_strlen (gloss_annotation_get_suffix (at_end), -1), ==, 32);
  g_assert_true (g_str_has_suffix (gloss_annotation_get_suffix (at_end), POPPER "z"));
}

/* Quotes and contexts of every length up to 300 characters, in a text of
 * ASCII runs, accents, a curly quote and an emoji, as the article's index
 * gives them: a short quote's end and the context are walked to. */
static void
test_annotation_context_walked (void)
{
  static const char * const pieces[] = {
    "word ", "\xc3\xa9", "\xe2\x80\x99", POPPER, "a longer ascii run ", "x",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GlossSource) source = NULL;
  guint length;

  while (text->len < 4000)
    g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
  source = make_source (text->str);
  length = gloss_source_get_length (source);

  for (guint i = 0; i < 3000; i++)
    {
      guint start = g_rand_int_range (rand, 0, length);
      guint span = g_rand_int_range (rand, 1, 301);
      guint end = MIN (length, start + span);
      g_autoptr(GlossAnnotation) a = gloss_annotation_new_for_source (source, "claim", start, end, NULL);
      g_autofree char *quote = gloss_source_dup_slice (source, start, end);
      g_autofree char *prefix = gloss_source_dup_slice (source, start > 32 ? start - 32 : 0, start);
      g_autofree char *suffix = gloss_source_dup_slice (source, end, MIN (length, end + 32));

      g_assert_cmpstr (gloss_annotation_get_quote (a), ==, quote);
      g_assert_cmpstr (gloss_annotation_get_prefix (a), ==, prefix);
      g_assert_cmpstr (gloss_annotation_get_suffix (a), ==, suffix);
    }
}

static void
test_annotation_context_short (void)
{
  g_autoptr(GlossSource) source = make_source (POPPER "ab" E_ACUTE "cd" POPPER);
  g_autoptr(GlossAnnotation) a = NULL;
  g_autoptr(GlossAnnotation) all = NULL;

  /* Less than 32 on either side: the context is all there is. */
  a = gloss_annotation_new_for_source (source, "company", 3, 5, NULL);
  g_assert_cmpstr (gloss_annotation_get_quote (a), ==, E_ACUTE);
  g_assert_cmpstr (gloss_annotation_get_prefix (a), ==, POPPER "ab");
  g_assert_cmpstr (gloss_annotation_get_suffix (a), ==, "cd" POPPER);

  all = gloss_annotation_new_for_source (source, "company", 0, gloss_source_get_length (source), NULL);
  g_assert_cmpstr (gloss_annotation_get_quote (all), ==, POPPER "ab" E_ACUTE "cd" POPPER);
  g_assert_cmpstr (gloss_annotation_get_prefix (all), ==, "");
  g_assert_cmpstr (gloss_annotation_get_suffix (all), ==, "");
}

static gboolean
is_gloss_timestamp (const char *str)
{
  static const char pattern[] = "dddd-dd-ddTdd:dd:ddZ";

  if (strlen (str) != strlen (pattern))
    return FALSE;

  for (guint i = 0; pattern[i]; i++)
    {
      if (pattern[i] == 'd' ? !g_ascii_isdigit (str[i]) : str[i] != pattern[i])
        return FALSE;
    }

  return TRUE;
}

static void
test_annotation_new (void)
{
  g_autoptr(GlossSource) source = make_source ("Cirrane won the contract.");
  g_autoptr(GlossAnnotation) a = NULL;
  g_autoptr(GlossAnnotation) b = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GTimeSpan age;

  a = gloss_annotation_new_for_source (source, "company", 0, 7, "Named twice.\nSee also page 2.");
  b = gloss_annotation_new_for_source (source, "company", 0, 7, NULL);

  g_assert_true (g_uuid_string_is_valid (gloss_annotation_get_id (a)));
  g_assert_true (g_uuid_string_is_valid (gloss_annotation_get_id (b)));
  g_assert_cmpstr (gloss_annotation_get_id (a), !=, gloss_annotation_get_id (b));

  g_assert_cmpstr (gloss_annotation_get_tag (a), ==, "company");
  g_assert_cmpuint (gloss_annotation_get_start (a), ==, 0);
  g_assert_cmpuint (gloss_annotation_get_end (a), ==, 7);
  g_assert_cmpstr (gloss_annotation_get_quote (a), ==, "Cirrane");
  g_assert_cmpstr (gloss_annotation_get_suffix (a), ==, " won the contract.");
  g_assert_cmpstr (gloss_annotation_get_note (a), ==, "Named twice.\nSee also page 2.");
  g_assert_true (gloss_annotation_has_note (a));
  g_assert_cmpstr (gloss_annotation_get_note (b), ==, "");
  g_assert_false (gloss_annotation_has_note (b));
  g_assert_cmpint (gloss_annotation_get_status (a), ==, GLOSS_ANCHOR_ANCHORED);
  g_assert_null (gloss_annotation_get_extra (a));

  g_assert_cmpstr (gloss_annotation_get_created (a), ==, gloss_annotation_get_modified (a));
  g_assert_true (is_gloss_timestamp (gloss_annotation_get_created (a)));
  g_assert_true (gloss_timestamp_is_valid (gloss_annotation_get_created (a)));

  /* It is now, in UTC. */
  created = g_date_time_new_from_iso8601 (gloss_annotation_get_created (a), NULL);
  g_assert_nonnull (created);
  g_assert_cmpint (g_date_time_get_utc_offset (created), ==, 0);
  age = g_date_time_difference (now, created);
  g_assert_cmpint (age, >=, -2 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (age, <=, 60 * G_TIME_SPAN_SECOND);
}

static void
test_annotation_timestamp (void)
{
  static const char * const valid[] = {
    "2026-03-01T09:30:00Z",
    "1999-12-31T23:59:59Z",
    "2026-03-01T09:30:00.250Z",
    "2026-03-01T10:30:00+01:00",
  };
  static const char * const invalid[] = {
    "",
    "2026-03-01",
    "2026-03-01T09:30:00",
    "2026-13-01T09:30:00Z",
    "2026-02-30T09:30:00Z",
    "2026-03-01T25:30:00Z",
    "yesterday at noon, UTC",
  };
  g_autofree char *now = gloss_timestamp_now ();

  g_assert_true (is_gloss_timestamp (now));
  g_assert_true (gloss_timestamp_is_valid (now));
  g_assert_false (gloss_timestamp_is_valid (NULL));

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (gloss_timestamp_is_valid (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      if (gloss_timestamp_is_valid (invalid[i]))
        g_error ("“%s” was accepted as a timestamp", invalid[i]);
    }

  /* Gloss's own form, fields a little out of range as often as not:
   * the same verdict as GLib's ISO 8601 reader. */
  for (guint i = 0; i < 3000; i++)
    {
      static const guint years[] = { 0, 1, 1900, 2000, 2023, 2024, 2100, 9999 };
      g_autofree char *stamp = NULL;
      g_autoptr(GDateTime) parsed = NULL;

      stamp = g_strdup_printf ("%04u-%02d-%02dT%02d:%02d:%02dZ",
                               years[g_test_rand_int_range (0, G_N_ELEMENTS (years))],
                               g_test_rand_int_range (0, 14),
                               g_test_rand_int_range (0, 33),
                               g_test_rand_int_range (0, 26),
                               g_test_rand_int_range (0, 62),
                               g_test_rand_int_range (0, 62));
      parsed = g_date_time_new_from_iso8601 (stamp, NULL);
      if (gloss_timestamp_is_valid (stamp) != (parsed != NULL))
        g_error ("“%s”: valid %d, GLib reads it: %d", stamp,
                 gloss_timestamp_is_valid (stamp), parsed != NULL);
    }
  g_assert_true (gloss_timestamp_is_valid ("2024-02-29T00:00:00Z"));
  g_assert_false (gloss_timestamp_is_valid ("2023-02-29T00:00:00Z"));
  g_assert_false (gloss_timestamp_is_valid ("2026-03-01T09:30:0aZ"));
  g_assert_false (gloss_timestamp_is_valid ("2026-03-01T09:30:00z0"));
}

static void
test_annotation_copy_and_compare (void)
{
  g_autoptr(GlossAnnotation) a = NULL;
  g_autoptr(GlossAnnotation) copy = NULL;
  g_autoptr(JsonObject) extra = json_object_new ();
  g_autoptr(GlossAnnotation) later_start = make_annotation ("a", "a", 2, 3);
  g_autoptr(GlossAnnotation) longer = make_annotation ("a", "a", 1, 9);
  g_autoptr(GlossAnnotation) other_tag = make_annotation ("a", "b", 1, 3);
  g_autoptr(GlossAnnotation) other_id = make_annotation ("b", "a", 1, 3);
  g_autoptr(GlossAnnotation) base = make_annotation ("a", "a", 1, 3);

  a = gloss_annotation_new_full ("id-1", "claim", 4, 9, "quote", "pre", "post",
                                 "a note", OLD_STAMP, "2021-01-01T00:00:00Z");
  json_object_set_string_member (extra, "reviewer", "Malik");
  gloss_annotation_set_extra (a, extra);
  _gloss_annotation_set_status (a, GLOSS_ANCHOR_MOVED);

  copy = gloss_annotation_copy (a);
  g_assert_true (copy != a);
  g_assert_cmpstr (gloss_annotation_get_id (copy), ==, "id-1");
  g_assert_cmpstr (gloss_annotation_get_tag (copy), ==, "claim");
  g_assert_cmpuint (gloss_annotation_get_start (copy), ==, 4);
  g_assert_cmpuint (gloss_annotation_get_end (copy), ==, 9);
  g_assert_cmpstr (gloss_annotation_get_quote (copy), ==, "quote");
  g_assert_cmpstr (gloss_annotation_get_prefix (copy), ==, "pre");
  g_assert_cmpstr (gloss_annotation_get_suffix (copy), ==, "post");
  g_assert_cmpstr (gloss_annotation_get_note (copy), ==, "a note");
  g_assert_cmpstr (gloss_annotation_get_created (copy), ==, OLD_STAMP);
  g_assert_cmpstr (gloss_annotation_get_modified (copy), ==, "2021-01-01T00:00:00Z");
  g_assert_cmpint (gloss_annotation_get_status (copy), ==, GLOSS_ANCHOR_MOVED);
  g_assert_true (gloss_annotation_get_extra (copy) == extra);
  g_assert_cmpint (gloss_annotation_compare (a, copy), ==, 0);

  /* start, then end, then tag, then id */
  g_assert_cmpint (gloss_annotation_compare (base, later_start), <, 0);
  g_assert_cmpint (gloss_annotation_compare (later_start, base), >, 0);
  g_assert_cmpint (gloss_annotation_compare (base, longer), <, 0);
  g_assert_cmpint (gloss_annotation_compare (longer, later_start), <, 0);
  g_assert_cmpint (gloss_annotation_compare (base, other_tag), <, 0);
  g_assert_cmpint (gloss_annotation_compare (other_id, other_tag), <, 0);
  g_assert_cmpint (gloss_annotation_compare (base, other_id), <, 0);
  g_assert_cmpint (gloss_annotation_compare (other_id, base), >, 0);
}

static int
compare_pointers (gconstpointer a,
                  gconstpointer b)
{
  GlossAnnotation *x = *(GlossAnnotation * const *)a;
  GlossAnnotation *y = *(GlossAnnotation * const *)b;
  int cmp;

  /* Written out rather than calling gloss_annotation_compare, so that the
   * layer's order is checked against the documented rule. */
  if (gloss_annotation_get_start (x) != gloss_annotation_get_start (y))
    return gloss_annotation_get_start (x) < gloss_annotation_get_start (y) ? -1 : 1;
  if (gloss_annotation_get_end (x) != gloss_annotation_get_end (y))
    return gloss_annotation_get_end (x) < gloss_annotation_get_end (y) ? -1 : 1;
  cmp = strcmp (gloss_annotation_get_tag (x), gloss_annotation_get_tag (y));
  if (cmp != 0)
    return cmp;
  return strcmp (gloss_annotation_get_id (x), gloss_annotation_get_id (y));
}

static void
test_layer_order (void)
{
  static const char * const tags[] = { "claim", "company", "controversy" };
  g_autoptr(GlossLayer) layer = gloss_layer_new ("camille", "Camille");
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;

  /* Few distinct starts and ends, so that ties on start, end and tag are
   * common and the id must decide. */
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *id = g_strdup_printf ("id-%03u", i);
      guint start = g_test_rand_int_range (0, 12);
      guint end = start + g_test_rand_int_range (1, 5);
      const char *tag = tags[g_test_rand_int_range (0, G_N_ELEMENTS (tags))];

      g_ptr_array_add (made, make_annotation (id, tag, start, end));
    }

  /* Shuffled, so that ids tied on everything else come in any order too. */
  for (guint i = made->len - 1; i > 0; i--)
    {
      guint j = g_test_rand_int_range (0, i + 1);
      gpointer swap = made->pdata[i];

      made->pdata[i] = made->pdata[j];
      made->pdata[j] = swap;
    }

  for (guint i = 0; i < made->len; i++)
    {
      GlossAnnotation *a = g_ptr_array_index (made, i);

      if (gloss_layer_add (layer, a))
        g_ptr_array_add (expected, a);
    }

  g_assert_cmpuint (n_items (layer), ==, expected->len);
  g_assert_cmpuint (n_items (layer), >, 50);
  assert_sorted (layer);

  /* The same annotations sorted independently of the layer. */
  g_ptr_array_sort (expected, compare_pointers);
  for (guint i = 0; i < expected->len; i++)
    g_assert_true (nth (layer, i) == g_ptr_array_index (expected, i));

  want = describe_array (expected);
  got = describe (layer);
  g_assert_cmpstr (got, ==, want);
}

static void
test_items_changed_add_remove (void)
{
  g_autoptr(GlossLayer) layer = gloss_layer_new ("camille", NULL);
  g_autoptr(GlossAnnotation) a = make_annotation ("a", "company", 10, 20);
  g_autoptr(GlossAnnotation) b = make_annotation ("b", "company", 30, 40);
  g_autoptr(GlossAnnotation) c = make_annotation ("c", "company", 0, 5);
  g_autoptr(GlossAnnotation) d = make_annotation ("d", "claim", 10, 20);
  g_autofree char *order = NULL;
  Recorder rec;

  recorder_init (&rec, layer);

  g_assert_true (gloss_layer_add (layer, a));
  recorder_expect (&rec, "0,0,1");
  g_assert_true (gloss_layer_add (layer, b));
  recorder_expect (&rec, "1,0,1");
  g_assert_true (gloss_layer_add (layer, c));
  recorder_expect (&rec, "0,0,1");
  g_assert_true (gloss_layer_add (layer, d));
  recorder_expect (&rec, "1,0,1");
  g_assert_cmpuint (rec.n_items_notifies, ==, 4);

  order = describe (layer);
  g_assert_cmpstr (order, ==, "company:0-5 claim:10-20 company:10-20 company:30-40");

  g_assert_true (gloss_layer_remove (layer, a));
  recorder_expect (&rec, "2,1,0");
  g_assert_true (gloss_layer_remove (layer, c));
  recorder_expect (&rec, "0,1,0");
  g_assert_false (gloss_layer_remove (layer, c));
  recorder_expect (&rec, "");
  g_assert_cmpuint (rec.n_items_notifies, ==, 6);

  g_assert_true (gloss_layer_undo (layer));
  recorder_expect (&rec, "0,0,1");
  g_assert_true (gloss_layer_undo (layer));
  recorder_expect (&rec, "2,0,1");
  g_assert_true (gloss_layer_redo (layer));
  recorder_expect (&rec, "2,1,0");
  g_assert_true (gloss_layer_undo (layer));
  recorder_expect (&rec, "2,0,1");
  /* Undoing the add of d. */
  g_assert_true (gloss_layer_undo (layer));
  recorder_expect (&rec, "1,1,0");
  g_assert_cmpuint (rec.n_items_notifies, ==, 11);
  assert_sorted (layer);

  recorder_clear (&rec);
}

static void
test_items_changed_set_tag (void)
{
  g_autoptr(GlossLayer) layer = gloss_layer_new ("camille", NULL);
  g_autoptr(GlossAnnotation) z = make_annotation ("z", "z", 0, 5);
  g_autoptr(GlossAnnotation) a = make_annotation ("x1", "a", 10, 20);
  g_autoptr(GlossAnnotation) c = make_annotation ("x2", "c", 10, 20);
  g_autoptr(GlossAnnotation) e = make_annotation ("x3", "e", 10, 20);
  g_autoptr(GlossAnnotation) b = make_annotation ("b", "b", 30, 40);
  g_autofree char *order1 = NULL;
  g_autofree char *order2 = NULL;
  g_autofree char *order3 = NULL;
  Recorder rec;

  g_assert_true (gloss_layer_add (layer, z));
  g_assert_true (gloss_layer_add (layer, a));
  g_assert_true (gloss_layer_add (layer, c));
  g_assert_true (gloss_layer_add (layer, e));
  g_assert_true (gloss_layer_add (layer, b));
  recorder_init (&rec, layer);

  /* a moves from 1 to between c and e */
  g_assert_true (gloss_layer_set_tag (layer, a, "d"));
  recorder_expect (&rec, "1,1,0 2,0,1");
  order1 = describe (layer);
  g_assert_cmpstr (order1, ==, "z:0-5 c:10-20 d:10-20 e:10-20 b:30-40");

  /* and back before c */
  g_assert_true (gloss_layer_set_tag (layer, a, "b"));
  recorder_expect (&rec, "2,1,0 1,0,1");
  order2 = describe (layer);
  g_assert_cmpstr (order2, ==, "z:0-5 b:10-20 c:10-20 e:10-20 b:30-40");

  /* A new tag that keeps the place: one change, in place. */
  g_assert_true (gloss_layer_set_tag (layer, a, "bb"));
  recorder_expect (&rec, "1,1,1");
  g_assert_true (gloss_layer_set_tag (layer, z, "zz"));
  recorder_expect (&rec, "0,1,1");

  /* The same tag: nothing at all. */
  g_assert_true (gloss_layer_set_tag (layer, a, "bb"));
  recorder_expect (&rec, "");

  g_assert_true (gloss_layer_undo (layer));
  recorder_expect (&rec, "0,1,1");
  g_assert_true (gloss_layer_undo (layer));
  recorder_expect (&rec, "1,1,1");
  g_assert_true (gloss_layer_undo (layer));
  recorder_expect (&rec, "1,1,0 2,0,1");
  g_assert_cmpstr (gloss_annotation_get_tag (a), ==, "d");
  g_assert_true (gloss_layer_undo (layer));
  recorder_expect (&rec, "2,1,0 1,0,1");
  g_assert_cmpstr (gloss_annotation_get_tag (a), ==, "a");
  g_assert_true (gloss_layer_redo (layer));
  recorder_expect (&rec, "1,1,0 2,0,1");
  order3 = describe (layer);
  g_assert_cmpstr (order3, ==, order1);

  /* Moving does not change the number of items. */
  g_assert_cmpuint (rec.n_items_notifies, ==, 0);
  assert_sorted (layer);

  recorder_clear (&rec);
}

static void
test_items_changed_set_note (void)
{
  g_autoptr(GlossLayer) layer = gloss_layer_new ("camille", NULL);
  g_autoptr(GlossAnnotation) a = make_annotation ("a", "company", 0, 5);
  g_autoptr(GlossAnnotation) b = make_annotation ("b", "company", 6, 9);
  g_autoptr(GlossAnnotation) c = make_annotation ("c", "company", 12, 15);
  GlossHistory *history = gloss_layer_get_history (layer);
  guint steps;
  Recorder rec;

  g_assert_true (gloss_layer_add (layer, a));
  g_assert_true (gloss_layer_add (layer, b));
  g_assert_true (gloss_layer_add (layer, c));
  recorder_init (&rec, layer);
  steps = gloss_history_get_n_steps (history);

  gloss_layer_set_note (layer, b, "Subcontractor.\nCheck the 2024 report.");
  recorder_expect (&rec, "1,1,1");
  g_assert_cmpstr (gloss_annotation_get_note (b), ==, "Subcontractor.\nCheck the 2024 report.");
  g_assert_true (gloss_annotation_has_note (b));
  g_assert_cmpuint (gloss_history_get_n_steps (history), ==, steps + 1);

  /* No change, no signal, no step. */
  gloss_layer_set_note (layer, b, "Subcontractor.\nCheck the 2024 report.");
  gloss_layer_set_note (layer, a, NULL);
  gloss_layer_set_note (layer, a, "");
  recorder_expect (&rec, "");
  g_assert_cmpuint (gloss_history_get_n_steps (history), ==, steps + 1);

  gloss_layer_set_note (layer, b, NULL);
  recorder_expect (&rec, "1,1,1");
  g_assert_cmpstr (gloss_annotation_get_note (b), ==, "");
  g_assert_false (gloss_annotation_has_note (b));

  g_assert_true (gloss_layer_undo (layer));
  recorder_expect (&rec, "1,1,1");
  g_assert_cmpstr (gloss_annotation_get_note (b), ==, "Subcontractor.\nCheck the 2024 report.");
  g_assert_true (gloss_layer_undo (layer));
  recorder_expect (&rec, "1,1,1");
  g_assert_cmpstr (gloss_annotation_get_note (b), ==, "");
  g_assert_true (gloss_layer_redo (layer));
  recorder_expect (&rec, "1,1,1");
  g_assert_cmpstr (gloss_annotation_get_note (b), ==, "Subcontractor.\nCheck the 2024 report.");
  g_assert_cmpuint (rec.n_items_notifies, ==, 0);

  recorder_clear (&rec);
}

static void
test_items_changed_set_range (void)
{
  g_autoptr(GlossSource) source = make_source ("0123456789abcdefghij");
  g_autoptr(GlossLayer) layer = gloss_layer_new ("camille", NULL);
  g_autoptr(GlossAnnotation) a = make_annotation ("a", "company", 0, 2);
  g_autoptr(GlossAnnotation) b = make_annotation ("b", "company", 4, 6);
  g_autoptr(GlossAnnotation) c = make_annotation ("c", "company", 8, 10);
  Recorder rec;

  gloss_layer_set_source (layer, source);
  g_assert_true (gloss_layer_add (layer, a));
  g_assert_true (gloss_layer_add (layer, b));
  g_assert_true (gloss_layer_add (layer, c));
  recorder_init (&rec, layer);

  g_assert_true (gloss_layer_set_range (layer, a, 9, 12));
  recorder_expect (&rec, "0,1,0 2,0,1");
  g_assert_cmpstr (gloss_annotation_get_quote (a), ==, "9ab");
  g_assert_cmpstr (gloss_annotation_get_prefix (a), ==, "012345678");
  g_assert_cmpstr (gloss_annotation_get_suffix (a), ==, "cdefghij");

  /* A span another annotation of the tag has: refused, untouched. */
  g_assert_false (gloss_layer_set_range (layer, a, 4, 6));
  recorder_expect (&rec, "");
  g_assert_cmpuint (gloss_annotation_get_start (a), ==, 9);

  g_assert_true (gloss_layer_set_range (layer, a, 5, 7));
  recorder_expect (&rec, "2,1,0 1,0,1");

  g_assert_true (gloss_layer_undo (layer));
  recorder_expect (&rec, "1,1,0 2,0,1");
  g_assert_true (gloss_layer_undo (layer));
  recorder_expect (&rec, "2,1,0 0,0,1");
  g_assert_cmpuint (gloss_annotation_get_start (a), ==, 0);
  g_assert_cmpstr (gloss_annotation_get_quote (a), ==, "");
  assert_sorted (layer);

  recorder_clear (&rec);
}

static void
test_items_changed_replace_all (void)
{
  g_autoptr(GlossLayer) layer = gloss_layer_new ("camille", NULL);
  g_autoptr(GlossAnnotation) a = make_annotation ("a", "company", 0, 5);
  g_autoptr(GlossAnnotation) b = make_annotation ("b", "company", 6, 9);
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *order = NULL;
  Recorder rec;

  g_assert_true (gloss_layer_add (layer, a));
  g_assert_true (gloss_layer_add (layer, b));
  recorder_init (&rec, layer);

  /* Not in order: the layer sorts them. */
  g_ptr_array_add (loaded, make_annotation ("p", "claim", 40, 50));
  g_ptr_array_add (loaded, make_annotation ("q", "claim", 3, 8));
  g_ptr_array_add (loaded, make_annotation ("r", "company", 3, 8));
  gloss_layer_replace_all (layer, loaded);

  recorder_expect (&rec, "0,2,3");
  g_assert_cmpuint (rec.n_items_notifies, ==, 1);
  order = describe (layer);
  g_assert_cmpstr (order, ==, "claim:3-8 company:3-8 claim:40-50");
  assert_sorted (layer);
  g_assert_null (gloss_layer_lookup (layer, "a"));

  gloss_layer_replace_all (layer, loaded);
  recorder_expect (&rec, "0,3,3");
  g_assert_cmpuint (rec.n_items_notifies, ==, 1);

  recorder_clear (&rec);
}

static void
test_layer_duplicates (void)
{
  g_autoptr(GlossSource) source = make_source ("Cirrane and Norvane Cloud signed.");
  g_autoptr(GlossLayer) layer = gloss_layer_new ("camille", NULL);
  g_autoptr(GlossAnnotation) a = make_annotation ("a", "company", 0, 7);
  g_autoptr(GlossAnnotation) same_span = make_annotation ("b", "company", 0, 7);
  g_autoptr(GlossAnnotation) other_tag = make_annotation ("c", "claim", 0, 7);
  g_autoptr(GlossAnnotation) same_id = make_annotation ("a", "company", 12, 19);
  g_autoptr(GlossAnnotation) copy = NULL;
  GlossHistory *history = gloss_layer_get_history (layer);
  GlossAnnotation *made;
  Recorder rec;

  gloss_layer_set_source (layer, source);
  recorder_init (&rec, layer);

  g_assert_true (gloss_layer_add (layer, a));
  recorder_expect (&rec, "0,0,1");

  /* Same tag and span. */
  g_assert_false (gloss_layer_add (layer, same_span));
  g_assert_false (gloss_layer_add (layer, a));
  g_assert_null (gloss_layer_annotate (layer, "company", 0, 7, "again"));
  recorder_expect (&rec, "");
  g_assert_cmpuint (n_items (layer), ==, 1);
  g_assert_cmpuint (gloss_history_get_n_steps (history), ==, 1);
  g_assert_cmpint (gloss_layer_index_of (layer, same_span), ==, -1);

  /* Same id, even with another span; also a copy of an annotation held. */
  g_assert_false (gloss_layer_add (layer, same_id));
  copy = gloss_annotation_copy (a);
  g_assert_false (gloss_layer_add (layer, copy));
  g_assert_cmpint (gloss_layer_index_of (layer, copy), ==, -1);
  g_assert_false (gloss_layer_remove (layer, copy));
  recorder_expect (&rec, "");

  /* Same span, another tag: a second reading of the same words. */
  g_assert_true (gloss_layer_add (layer, other_tag));
  recorder_expect (&rec, "0,0,1");
  made = gloss_layer_annotate (layer, "controversy", 0, 7, NULL);
  g_assert_nonnull (made);
  recorder_expect (&rec, "2,0,1");
  g_assert_cmpuint (n_items (layer), ==, 3);

  /* Nested and overlapping spans of one tag are fine. */
  g_assert_nonnull (gloss_layer_annotate (layer, "company", 0, 3, NULL));
  g_assert_nonnull (gloss_layer_annotate (layer, "company", 2, 9, NULL));
  g_assert_nonnull (gloss_layer_annotate (layer, "company", 0, 33, NULL));
  g_assert_cmpuint (n_items (layer), ==, 6);
  recorder_expect (&rec, "0,0,1 4,0,1 4,0,1");

  /* Retagging into an existing tag and span is refused, untouched. */
  g_assert_false (gloss_layer_set_tag (layer, other_tag, "company"));
  g_assert_false (gloss_layer_set_tag (layer, made, "claim"));
  g_assert_cmpstr (gloss_annotation_get_tag (other_tag), ==, "claim");
  g_assert_cmpstr (gloss_annotation_get_tag (made), ==, "controversy");
  g_assert_cmpuint (gloss_history_get_n_steps (history), ==, 6);
  recorder_expect (&rec, "");

  /* Once a is gone, its tag and span are free again. */
  g_assert_true (gloss_layer_remove (layer, a));
  recorder_expect (&rec, "2,1,0");
  g_assert_true (gloss_layer_set_tag (layer, other_tag, "company"));
  recorder_expect (&rec, "1,1,1");
  g_assert_true (gloss_layer_find (layer, "company", 0, 7) == other_tag);
  /* ...and undo brings a back without a clash. */
  g_assert_true (gloss_layer_undo (layer));
  g_assert_true (gloss_layer_undo (layer));
  g_assert_true (gloss_layer_find (layer, "company", 0, 7) == a);
  g_assert_true (gloss_layer_find (layer, "claim", 0, 7) == other_tag);
  assert_sorted (layer);

  g_string_truncate (rec.log, 0);
  recorder_expect (&rec, "");
  recorder_clear (&rec);
}

static void
test_layer_annotate (void)
{
  g_autoptr(GlossSource) source = make_source ("Le groupe " POPPER " Altaïde Numérique a signé.");
  g_autoptr(GlossLayer) layer = gloss_layer_new ("malik", "Malik Benali");
  GlossAnnotation *a;

  g_assert_cmpstr (gloss_layer_get_annotator_id (layer), ==, "malik");
  g_assert_cmpstr (gloss_layer_get_annotator_name (layer), ==, "Malik Benali");
  g_assert_null (gloss_layer_get_source (layer));
  gloss_layer_set_source (layer, source);
  g_assert_true (gloss_layer_get_source (layer) == source);

  /* "Altaïde Numérique" at 12..29: the emoji counts as one. */
  a = gloss_layer_annotate (layer, "company", 12, 29, "Second bidder.");
  g_assert_nonnull (a);
  g_assert_cmpstr (gloss_annotation_get_quote (a), ==, "Altaïde Numérique");
  g_assert_cmpstr (gloss_annotation_get_prefix (a), ==, "Le groupe " POPPER " ");
  g_assert_cmpstr (gloss_annotation_get_suffix (a), ==, " a signé.");
  g_assert_cmpstr (gloss_annotation_get_note (a), ==, "Second bidder.");
  g_assert_cmpstr (gloss_annotation_get_created (a), ==, gloss_annotation_get_modified (a));
  g_assert_true (is_gloss_timestamp (gloss_annotation_get_created (a)));
  g_assert_true (gloss_layer_lookup (layer, gloss_annotation_get_id (a)) == a);
  g_assert_cmpuint (gloss_layer_count_tag (layer, "company"), ==, 1);
  g_assert_cmpuint (gloss_layer_count_tag (layer, "claim"), ==, 0);
  g_assert_cmpuint (gloss_layer_count_status (layer, GLOSS_ANCHOR_ANCHORED), ==, 1);
}

static void
test_layer_modified (void)
{
  g_autoptr(GlossSource) source = make_source ("Ferrand Systèmes appealed in March.");
  g_autoptr(GlossLayer) layer = gloss_layer_new ("camille", NULL);
  g_autoptr(GlossAnnotation) a = make_annotation ("a", "company", 0, 16);
  g_autofree char *after_note = NULL;

  gloss_layer_set_source (layer, source);
  g_assert_true (gloss_layer_add (layer, a));
  g_assert_cmpstr (gloss_annotation_get_modified (a), ==, OLD_STAMP);

  gloss_layer_set_note (layer, a, "Bidder.");
  g_assert_cmpstr (gloss_annotation_get_modified (a), !=, OLD_STAMP);
  g_assert_true (is_gloss_timestamp (gloss_annotation_get_modified (a)));
  g_assert_cmpstr (gloss_annotation_get_modified (a), >, OLD_STAMP);
  g_assert_cmpstr (gloss_annotation_get_created (a), ==, OLD_STAMP);
  after_note = g_strdup (gloss_annotation_get_modified (a));

  /* Undo gives back the old time, redo the new one. */
  g_assert_true (gloss_layer_undo (layer));
  g_assert_cmpstr (gloss_annotation_get_modified (a), ==, OLD_STAMP);
  g_assert_true (gloss_layer_redo (layer));
  g_assert_cmpstr (gloss_annotation_get_modified (a), ==, after_note);

  g_assert_true (gloss_layer_undo (layer));
  g_assert_true (gloss_layer_set_tag (layer, a, "claim"));
  g_assert_cmpstr (gloss_annotation_get_modified (a), >, OLD_STAMP);
  g_assert_true (gloss_layer_undo (layer));
  g_assert_cmpstr (gloss_annotation_get_modified (a), ==, OLD_STAMP);

  /* Re-attaching an orphan anchors it and takes the new text. */
  _gloss_annotation_set_status (a, GLOSS_ANCHOR_ORPHANED);
  g_assert_true (gloss_layer_set_range (layer, a, 17, 25));
  g_assert_cmpstr (gloss_annotation_get_quote (a), ==, "appealed");
  g_assert_cmpint (gloss_annotation_get_status (a), ==, GLOSS_ANCHOR_ANCHORED);
  g_assert_cmpstr (gloss_annotation_get_modified (a), >, OLD_STAMP);
  g_assert_cmpstr (gloss_annotation_get_created (a), ==, OLD_STAMP);
  g_assert_true (gloss_layer_undo (layer));
  g_assert_cmpint (gloss_annotation_get_status (a), ==, GLOSS_ANCHOR_ORPHANED);
  g_assert_cmpstr (gloss_annotation_get_modified (a), ==, OLD_STAMP);
  g_assert_cmpuint (gloss_layer_count_status (layer, GLOSS_ANCHOR_ORPHANED), ==, 1);
}

/* The answers of a scan over every annotation, in layer order. */
static GPtrArray *
scan_at (GPtrArray *all,
         guint      offset)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    {
      GlossAnnotation *a = g_ptr_array_index (all, i);

      if (gloss_annotation_get_start (a) <= offset && offset < gloss_annotation_get_end (a))
        g_ptr_array_add (out, a);
    }

  return out;
}

static GPtrArray *
scan_overlapping (GPtrArray *all,
                  guint      start,
                  guint      end)
{
  GPtrArray *out;

  if (start == end)
    return scan_at (all, start);

  out = g_ptr_array_new ();
  for (guint i = 0; i < all->len; i++)
    {
      GlossAnnotation *a = g_ptr_array_index (all, i);

      if (gloss_annotation_get_start (a) < end && start < gloss_annotation_get_end (a))
        g_ptr_array_add (out, a);
    }

  return out;
}

static void
assert_same_answers (GPtrArray  *got,
                     GPtrArray  *want,
                     const char *query)
{
  if (got->len != want->len)
    g_error ("%s: %u annotations, expected %u", query, got->len, want->len);

  for (guint i = 0; i < want->len; i++)
    {
      if (got->pdata[i] != want->pdata[i])
        g_error ("%s: answer %u differs", query, i);
    }
}

static void
check_at (GlossLayer *layer,
          GPtrArray  *all,
          guint       offset)
{
  g_autoptr(GPtrArray) got = gloss_layer_get_at (layer, offset);
  g_autoptr(GPtrArray) want = scan_at (all, offset);
  g_autofree char *query = g_strdup_printf ("at %u", offset);

  assert_same_answers (got, want, query);
}

static void
check_overlapping (GlossLayer *layer,
                   GPtrArray  *all,
                   guint       start,
                   guint       end)
{
  g_autoptr(GPtrArray) got = gloss_layer_get_overlapping (layer, start, end);
  g_autoptr(GPtrArray) want = scan_overlapping (all, start, end);
  g_autofree char *query = g_strdup_printf ("overlapping [%u, %u)", start, end);

  assert_same_answers (got, want, query);
}

/* Compares the layer's queries with a scan, for random and edge queries
 * over an article of @length code points.  Returns how many answers were
 * not empty, so that a caller can check the queries meant something. */
static guint
check_queries (GlossLayer *layer,
               guint       length)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  guint non_empty = 0;

  assert_sorted (layer);
  for (guint i = 0; i < n_items (layer); i++)
    g_ptr_array_add (all, nth (layer, i));

  for (guint i = 0; i < 300; i++)
    {
      guint offset = g_test_rand_int_range (0, length + 3);
      g_autoptr(GPtrArray) answer = gloss_layer_get_at (layer, offset);

      check_at (layer, all, offset);
      if (answer->len > 0)
        non_empty++;
    }

  for (guint i = 0; i < 300; i++)
    {
      guint start = g_test_rand_int_range (0, length + 3);
      guint end;

      switch (i % 4)
        {
        case 0:
          end = start;
          break;
        case 1:
          end = start + g_test_rand_int_range (1, 10);
          end = MIN (end, length + 3);
          break;
        default:
          end = g_test_rand_int_range (start, length + 4);
          break;
        }

      check_overlapping (layer, all, start, end);
    }

  /* The ends of the article and beyond. */
  check_at (layer, all, 0);
  check_at (layer, all, 1);
  check_at (layer, all, length - 1);
  check_at (layer, all, length);
  check_at (layer, all, length + 100);
  check_at (layer, all, G_MAXUINT);
  check_overlapping (layer, all, 0, 0);
  check_overlapping (layer, all, 0, 1);
  check_overlapping (layer, all, 0, length);
  check_overlapping (layer, all, length - 1, length);
  check_overlapping (layer, all, length, length);
  check_overlapping (layer, all, length, length + 5);
  check_overlapping (layer, all, 0, G_MAXUINT);
  check_overlapping (layer, all, G_MAXUINT, G_MAXUINT);

  /* Exactly at the edges of annotations. */
  for (guint i = 0; i < 50 && all->len > 0; i++)
    {
      GlossAnnotation *a = g_ptr_array_index (all, g_test_rand_int_range (0, all->len));
      guint start = gloss_annotation_get_start (a);
      guint end = gloss_annotation_get_end (a);

      check_at (layer, all, start);
      check_at (layer, all, end);
      check_at (layer, all, end - 1);
      if (start > 0)
        check_at (layer, all, start - 1);
      check_overlapping (layer, all, start, end);
      check_overlapping (layer, all, end, end + 1);
      if (start > 0)
        check_overlapping (layer, all, start - 1, start);
    }

  return non_empty;
}

/* Adds @count annotations: short and long spans, spans nested in others,
 * and the span of another annotation with another tag. */
static void
add_random (GlossLayer *layer,
            guint       length,
            guint       count)
{
  static const char * const tags[] = { "claim", "company", "controversy", "person" };
  guint added = 0;
  guint serial = 0;

  while (added < count)
    {
      g_autofree char *id = g_strdup_printf ("r%05u", serial++);
      g_autoptr(GlossAnnotation) a = NULL;
      const char *tag = tags[g_test_rand_int_range (0, G_N_ELEMENTS (tags))];
      int kind = g_test_rand_int_range (0, 10);
      guint start, end;

      if (kind >= 6 && n_items (layer) > 0)
        {
          GlossAnnotation *outer = nth (layer, g_test_rand_int_range (0, n_items (layer)));
          guint outer_start = gloss_annotation_get_start (outer);
          guint outer_end = gloss_annotation_get_end (outer);

          if (kind == 9)
            {
              start = outer_start;
              end = outer_end;
            }
          else
            {
              start = g_test_rand_int_range (outer_start, outer_end);
              end = g_test_rand_int_range (start + 1, outer_end + 1);
            }
        }
      else if (kind == 5)
        {
          start = g_test_rand_int_range (0, length / 2);
          end = g_test_rand_int_range (start + 1, length + 1);
        }
      else
        {
          start = g_test_rand_int_range (0, length);
          end = start + g_test_rand_int_range (1, 40);
          end = MIN (end, length);
        }

      a = make_annotation (id, tag, start, end);
      if (gloss_layer_add (layer, a))
        added++;
    }
}

static void
test_layer_queries_random (void)
{
  const guint length = 3000;
  g_autofree char *text = g_strnfill (length, 'x');
  g_autoptr(GlossSource) source = make_source (text);
  g_autoptr(GlossLayer) layer = gloss_layer_new ("camille", NULL);
  GlossHistory *history = gloss_layer_get_history (layer);
  Recorder rec;

  gloss_layer_set_source (layer, source);
  recorder_init (&rec, layer);

  add_random (layer, length, 2000);
  g_assert_cmpuint (n_items (layer), ==, 2000);
  g_assert_cmpuint (check_queries (layer, length), >, 100);

  for (guint i = 0; i < 600; i++)
    g_assert_true (gloss_layer_remove (layer, nth (layer, g_test_rand_int_range (0, n_items (layer)))));
  g_assert_cmpuint (n_items (layer), ==, 1400);
  check_queries (layer, length);

  for (guint i = 0; i < 300; i++)
    g_assert_true (gloss_layer_undo (layer));
  g_assert_cmpuint (n_items (layer), ==, 1700);
  check_queries (layer, length);

  for (guint i = 0; i < 100; i++)
    g_assert_true (gloss_layer_redo (layer));
  g_assert_cmpuint (n_items (layer), ==, 1600);
  check_queries (layer, length);

  /* Spans that change, as one step. */
  gloss_layer_begin_group (layer);
  for (guint i = 0; i < 200; i++)
    {
      GlossAnnotation *a = nth (layer, g_test_rand_int_range (0, n_items (layer)));
      guint start = g_test_rand_int_range (0, length);
      guint end = start + g_test_rand_int_range (1, 300);

      gloss_layer_set_range (layer, a, start, MIN (end, length));
    }
  gloss_layer_end_group (layer);
  check_queries (layer, length);

  g_assert_true (gloss_layer_undo (layer));
  check_queries (layer, length);
  g_assert_true (gloss_layer_redo (layer));
  check_queries (layer, length);

  /* The view that followed every signal still matches. */
  g_string_truncate (rec.log, 0);
  recorder_expect (&rec, "");
  g_assert_true (gloss_history_can_undo (history));
  recorder_clear (&rec);
}

static void
test_layer_queries_small (void)
{
  g_autoptr(GlossLayer) layer = gloss_layer_new ("camille", NULL);
  g_autoptr(GlossAnnotation) a = make_annotation ("a", "a", 0, 5);
  g_autoptr(GlossAnnotation) b = make_annotation ("b", "b", 0, 10);
  g_autoptr(GlossAnnotation) c = make_annotation ("c", "c", 3, 4);
  g_autoptr(GlossAnnotation) d = make_annotation ("d", "d", 5, 10);
  g_autoptr(GlossAnnotation) e = make_annotation ("e", "e", 9, 10);
  static const struct {
    guint start;
    guint end;
    const char *expected;
  } queries[] = {
    { 0, 0, "a:0-5 b:0-10" },
    { 3, 3, "a:0-5 b:0-10 c:3-4" },
    { 4, 4, "a:0-5 b:0-10" },
    { 5, 5, "b:0-10 d:5-10" },
    { 9, 9, "b:0-10 d:5-10 e:9-10" },
    { 10, 10, "" },
    { 4, 5, "a:0-5 b:0-10" },
    { 4, 6, "a:0-5 b:0-10 d:5-10" },
    { 0, 100, "a:0-5 b:0-10 c:3-4 d:5-10 e:9-10" },
    { 10, 20, "" },
    { 2, 3, "a:0-5 b:0-10" },
    { 3, 9, "a:0-5 b:0-10 c:3-4 d:5-10" },
  };
  g_autoptr(GPtrArray) none = NULL;

  none = gloss_layer_get_at (layer, 0);
  g_assert_cmpuint (none->len, ==, 0);
  g_clear_pointer (&none, g_ptr_array_unref);
  none = gloss_layer_get_overlapping (layer, 0, 100);
  g_assert_cmpuint (none->len, ==, 0);

  /* Added out of order. */
  g_assert_true (gloss_layer_add (layer, e));
  g_assert_true (gloss_layer_add (layer, c));
  g_assert_true (gloss_layer_add (layer, a));
  g_assert_true (gloss_layer_add (layer, d));
  g_assert_true (gloss_layer_add (layer, b));

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GPtrArray) answer = NULL;
      g_autofree char *got = NULL;

      if (queries[i].start == queries[i].end)
        answer = gloss_layer_get_at (layer, queries[i].start);
      else
        answer = gloss_layer_get_overlapping (layer, queries[i].start, queries[i].end);

      got = describe_array (answer);
      if (g_strcmp0 (got, queries[i].expected) != 0)
        g_error ("[%u, %u): got “%s”, expected “%s”", queries[i].start, queries[i].end,
                 got, queries[i].expected);

      /* An empty range asks for what is at its start. */
      if (queries[i].start == queries[i].end)
        {
          g_autoptr(GPtrArray) same = gloss_layer_get_overlapping (layer, queries[i].start,
                                                                  queries[i].end);
          g_autofree char *same_text = describe_array (same);

          g_assert_cmpstr (same_text, ==, got);
        }
    }
}

static void
test_history_each_kind (void)
{
  g_autoptr(GlossSource) source = make_source ("The harbour authority signed with Cirrane in 2024.");
  g_autoptr(GlossLayer) layer = gloss_layer_new ("camille", NULL);
  GlossHistory *history = gloss_layer_get_history (layer);
  g_autoptr(GlossAnnotation) a = NULL;
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_free);

  gloss_layer_set_source (layer, source);
  g_assert_false (gloss_history_can_undo (history));
  g_assert_false (gloss_history_can_redo (history));
  g_assert_false (gloss_layer_undo (layer));
  g_assert_false (gloss_layer_redo (layer));

  g_ptr_array_add (states, snapshot (layer));

  a = g_object_ref (gloss_layer_annotate (layer, "company", 34, 41, NULL));
  g_assert_cmpstr (gloss_annotation_get_quote (a), ==, "Cirrane");
  g_ptr_array_add (states, snapshot (layer));

  gloss_layer_set_note (layer, a, "Winner.\nSee the tender.");
  g_ptr_array_add (states, snapshot (layer));

  g_assert_true (gloss_layer_set_tag (layer, a, "claim"));
  g_ptr_array_add (states, snapshot (layer));

  g_assert_true (gloss_layer_set_range (layer, a, 4, 21));
  g_assert_cmpstr (gloss_annotation_get_quote (a), ==, "harbour authority");
  g_ptr_array_add (states, snapshot (layer));

  g_assert_nonnull (gloss_layer_annotate (layer, "company", 0, 3, NULL));
  g_ptr_array_add (states, snapshot (layer));

  g_assert_true (gloss_layer_remove (layer, a));
  g_ptr_array_add (states, snapshot (layer));

  g_assert_cmpuint (gloss_history_get_n_steps (history), ==, states->len - 1);

  /* Every state is different from the one before. */
  for (guint i = 1; i < states->len; i++)
    g_assert_cmpstr (g_ptr_array_index (states, i), !=, g_ptr_array_index (states, i - 1));

  for (guint i = states->len - 1; i > 0; i--)
    {
      g_autofree char *now = NULL;

      g_assert_true (gloss_history_can_undo (history));
      g_assert_true (gloss_layer_undo (layer));
      now = snapshot (layer);
      g_assert_cmpstr (now, ==, g_ptr_array_index (states, i - 1));
      assert_sorted (layer);
    }
  g_assert_false (gloss_history_can_undo (history));
  g_assert_false (gloss_layer_undo (layer));

  for (guint i = 1; i < states->len; i++)
    {
      g_autofree char *now = NULL;

      g_assert_true (gloss_history_can_redo (history));
      g_assert_true (gloss_layer_redo (layer));
      now = snapshot (layer);
      g_assert_cmpstr (now, ==, g_ptr_array_index (states, i));
      assert_sorted (layer);
    }
  g_assert_false (gloss_history_can_redo (history));
  g_assert_false (gloss_layer_redo (layer));

  /* The removed annotation comes back as the same object. */
  g_assert_true (gloss_layer_undo (layer));
  g_assert_true (gloss_layer_lookup (layer, gloss_annotation_get_id (a)) == a);
}

static void
test_history_group (void)
{
  g_autoptr(GlossSource) source = make_source ("Cirrane won. Cirrane lost. Cirrane appealed.");
  g_autoptr(GlossLayer) layer = gloss_layer_new ("camille", NULL);
  GlossHistory *history = gloss_layer_get_history (layer);
  g_autofree char *all = NULL;
  g_autofree char *again = NULL;
  Recorder rec;

  gloss_layer_set_source (layer, source);
  g_assert_nonnull (gloss_layer_annotate (layer, "claim", 8, 11, NULL));
  recorder_init (&rec, layer);

  /* Tag all occurrences. */
  gloss_layer_begin_group (layer);
  g_assert_nonnull (gloss_layer_annotate (layer, "company", 0, 7, NULL));
  g_assert_nonnull (gloss_layer_annotate (layer, "company", 13, 20, NULL));
  g_assert_nonnull (gloss_layer_annotate (layer, "company", 27, 34, NULL));
  /* Nothing to undo while the step is open. */
  g_assert_false (gloss_history_can_undo (history));
  g_assert_false (gloss_layer_undo (layer));
  gloss_layer_end_group (layer);
  recorder_expect (&rec, "0,0,1 2,0,1 3,0,1");

  g_assert_cmpuint (gloss_history_get_n_steps (history), ==, 2);
  all = describe (layer);
  g_assert_cmpstr (all, ==, "company:0-7 claim:8-11 company:13-20 company:27-34");

  /* One undo takes all three away, last first. */
  g_assert_true (gloss_layer_undo (layer));
  recorder_expect (&rec, "3,1,0 2,1,0 0,1,0");
  g_assert_cmpuint (n_items (layer), ==, 1);
  g_assert_true (gloss_history_can_undo (history));

  g_assert_true (gloss_layer_redo (layer));
  recorder_expect (&rec, "0,0,1 2,0,1 3,0,1");
  again = describe (layer);
  g_assert_cmpstr (again, ==, all);

  /* An empty group is no step. */
  gloss_layer_begin_group (layer);
  gloss_layer_end_group (layer);
  g_assert_cmpuint (gloss_history_get_n_steps (history), ==, 2);
  g_assert_true (gloss_history_can_undo (history));
  g_assert_false (gloss_history_can_redo (history));

  /* A refused change inside a group records nothing either. */
  gloss_layer_begin_group (layer);
  g_assert_null (gloss_layer_annotate (layer, "company", 0, 7, NULL));
  gloss_layer_end_group (layer);
  g_assert_cmpuint (gloss_history_get_n_steps (history), ==, 2);
  recorder_expect (&rec, "");

  recorder_clear (&rec);
}

static void
test_history_group_nested (void)
{
  g_autoptr(GlossSource) source = make_source ("Norvane Cloud is a subcontractor of Cirrane.");
  g_autoptr(GlossLayer) layer = gloss_layer_new ("camille", NULL);
  GlossHistory *history = gloss_layer_get_history (layer);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  GlossAnnotation *a;

  gloss_layer_set_source (layer, source);
  g_assert_nonnull (gloss_layer_annotate (layer, "claim", 0, 44, NULL));
  before = snapshot (layer);

  gloss_layer_begin_group (layer);
  a = gloss_layer_annotate (layer, "company", 0, 13, NULL);
  gloss_layer_begin_group (layer);
  g_assert_nonnull (gloss_layer_annotate (layer, "company", 36, 43, NULL));
  gloss_layer_set_note (layer, a, "Parent outside the EU.");
  gloss_layer_end_group (layer);
  /* The inner end does not close the step. */
  g_assert_cmpuint (gloss_history_get_n_steps (history), ==, 1);
  g_assert_false (gloss_history_can_undo (history));
  g_assert_true (gloss_layer_set_tag (layer, a, "controversy"));
  gloss_layer_end_group (layer);

  g_assert_cmpuint (gloss_history_get_n_steps (history), ==, 2);
  g_assert_true (gloss_history_can_undo (history));
  after = snapshot (layer);

  g_assert_true (gloss_layer_undo (layer));
  undone = snapshot (layer);
  g_assert_cmpstr (undone, ==, before);

  g_assert_true (gloss_layer_redo (layer));
  redone = snapshot (layer);
  g_assert_cmpstr (redone, ==, after);
  g_assert_cmpstr (gloss_annotation_get_tag (a), ==, "controversy");
  g_assert_cmpstr (gloss_annotation_get_note (a), ==, "Parent outside the EU.");
}

static void
test_history_group_order (void)
{
  g_autoptr(GlossSource) source = make_source ("The ARS chose Cirrane over three rivals.");
  g_autoptr(GlossLayer) layer = gloss_layer_new ("camille", NULL);
  g_autofree char *after = NULL;
  g_autofree char *redone = NULL;
  GlossAnnotation *a;

  gloss_layer_set_source (layer, source);

  /* Changes of one annotation that depend on each other: undo must take
   * them back in reverse order. */
  gloss_layer_begin_group (layer);
  a = gloss_layer_annotate (layer, "company", 4, 7, NULL);
  g_assert_true (gloss_layer_set_tag (layer, a, "claim"));
  g_assert_true (gloss_layer_set_range (layer, a, 14, 21));
  gloss_layer_set_note (layer, a, "Winner.");
  g_assert_true (gloss_layer_set_tag (layer, a, "company"));
  gloss_layer_end_group (layer);
  after = snapshot (layer);

  g_assert_true (gloss_layer_undo (layer));
  g_assert_cmpuint (n_items (layer), ==, 0);
  g_assert_true (gloss_layer_redo (layer));
  redone = snapshot (layer);
  g_assert_cmpstr (redone, ==, after);
  g_assert_cmpstr (gloss_annotation_get_quote (a), ==, "Cirrane");
}

static void
test_history_redo_dropped (void)
{
  g_autoptr(GlossSource) source = make_source ("abcdefghij");
  g_autoptr(GlossLayer) layer = gloss_layer_new ("camille", NULL);
  GlossHistory *history = gloss_layer_get_history (layer);
  g_autofree char *order = NULL;

  gloss_layer_set_source (layer, source);
  g_assert_nonnull (gloss_layer_annotate (layer, "a", 0, 1, NULL));
  g_assert_nonnull (gloss_layer_annotate (layer, "a", 1, 2, NULL));
  g_assert_nonnull (gloss_layer_annotate (layer, "a", 2, 3, NULL));
  g_assert_true (gloss_layer_undo (layer));
  g_assert_true (gloss_layer_undo (layer));
  g_assert_true (gloss_history_can_redo (history));
  g_assert_cmpuint (gloss_history_get_n_steps (history), ==, 3);

  g_assert_nonnull (gloss_layer_annotate (layer, "b", 5, 6, NULL));
  g_assert_false (gloss_history_can_redo (history));
  g_assert_false (gloss_layer_redo (layer));
  g_assert_cmpuint (gloss_history_get_n_steps (history), ==, 2);

  order = describe (layer);
  g_assert_cmpstr (order, ==, "a:0-1 b:5-6");
  g_assert_true (gloss_layer_undo (layer));
  g_assert_true (gloss_layer_undo (layer));
  g_assert_false (gloss_layer_undo (layer));
  g_assert_cmpuint (n_items (layer), ==, 0);
}

/* Follows the history's notifications as a property binding would. */
typedef struct
{
  GlossHistory *history;
  guint n_can_undo;
  guint n_can_redo;
  guint n_dirty;
  gboolean can_undo;
  gboolean can_redo;
  gboolean dirty;
} Watch;

static void
watch_notify (GObject    *object,
              GParamSpec *pspec,
              Watch      *w)
{
  const char *name = g_param_spec_get_name (pspec);
  gboolean value = FALSE;

  g_object_get (object, name, &value, NULL);

  /* A notification means a change. */
  if (strcmp (name, "can-undo") == 0)
    {
      g_assert_cmpint (value, !=, w->can_undo);
      w->can_undo = value;
      w->n_can_undo++;
    }
  else if (strcmp (name, "can-redo") == 0)
    {
      g_assert_cmpint (value, !=, w->can_redo);
      w->can_redo = value;
      w->n_can_redo++;
    }
  else if (strcmp (name, "dirty") == 0)
    {
      g_assert_cmpint (value, !=, w->dirty);
      w->dirty = value;
      w->n_dirty++;
    }
}

static void
watch_init (Watch        *w,
            GlossHistory *history)
{
  memset (w, 0, sizeof *w);
  w->history = history;
  w->can_undo = gloss_history_can_undo (history);
  w->can_redo = gloss_history_can_redo (history);
  w->dirty = gloss_history_is_dirty (history);
  g_signal_connect (history, "notify", G_CALLBACK (watch_notify), w);
}

static void
watch_expect (Watch    *w,
              guint     n_can_undo,
              guint     n_can_redo,
              guint     n_dirty)
{
  g_assert_cmpuint (w->n_can_undo, ==, n_can_undo);
  g_assert_cmpuint (w->n_can_redo, ==, n_can_redo);
  g_assert_cmpuint (w->n_dirty, ==, n_dirty);
  w->n_can_undo = w->n_can_redo = w->n_dirty = 0;

  /* What was last notified is what is true now. */
  g_assert_cmpint (w->can_undo, ==, gloss_history_can_undo (w->history));
  g_assert_cmpint (w->can_redo, ==, gloss_history_can_redo (w->history));
  g_assert_cmpint (w->dirty, ==, gloss_history_is_dirty (w->history));
}

static void
test_history_notify (void)
{
  g_autoptr(GlossSource) source = make_source ("abcdefghij");
  g_autoptr(GlossLayer) layer = gloss_layer_new ("camille", NULL);
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();
  GlossHistory *history = gloss_layer_get_history (layer);
  Watch w;

  gloss_layer_set_source (layer, source);
  watch_init (&w, history);
  g_assert_false (w.can_undo);
  g_assert_false (w.can_redo);
  g_assert_false (w.dirty);

  g_assert_nonnull (gloss_layer_annotate (layer, "a", 0, 1, NULL));
  watch_expect (&w, 1, 0, 1);
  g_assert_nonnull (gloss_layer_annotate (layer, "a", 1, 2, NULL));
  watch_expect (&w, 0, 0, 0);
  g_assert_true (gloss_layer_undo (layer));
  watch_expect (&w, 0, 1, 0);
  /* Back where the layer started: nothing left to save. */
  g_assert_true (gloss_layer_undo (layer));
  watch_expect (&w, 1, 0, 1);
  g_assert_false (w.dirty);
  g_assert_true (gloss_layer_redo (layer));
  watch_expect (&w, 1, 0, 1);
  g_assert_true (gloss_layer_redo (layer));
  watch_expect (&w, 0, 1, 0);

  gloss_history_set_clean (history);
  watch_expect (&w, 0, 0, 1);
  gloss_history_set_clean (history);
  watch_expect (&w, 0, 0, 0);

  /* While a group is open there is nothing to undo. */
  gloss_layer_begin_group (layer);
  watch_expect (&w, 1, 0, 0);
  g_assert_nonnull (gloss_layer_annotate (layer, "a", 2, 3, NULL));
  gloss_layer_begin_group (layer);
  g_assert_nonnull (gloss_layer_annotate (layer, "a", 3, 4, NULL));
  gloss_layer_end_group (layer);
  watch_expect (&w, 0, 0, 0);
  gloss_layer_end_group (layer);
  watch_expect (&w, 1, 0, 1);

  gloss_layer_begin_group (layer);
  gloss_layer_end_group (layer);
  watch_expect (&w, 2, 0, 0);

  gloss_history_mark_dirty (history);
  watch_expect (&w, 0, 0, 0);
  gloss_history_set_clean (history);
  watch_expect (&w, 0, 0, 1);
  gloss_history_mark_dirty (history);
  watch_expect (&w, 0, 0, 1);
  g_assert_true (gloss_layer_undo (layer));
  watch_expect (&w, 0, 1, 0);
  g_assert_true (gloss_layer_redo (layer));
  watch_expect (&w, 0, 1, 0);
  gloss_history_set_clean (history);
  watch_expect (&w, 0, 0, 1);

  g_assert_true (gloss_layer_undo (layer));
  watch_expect (&w, 0, 1, 1);
  gloss_layer_replace_all (layer, empty);
  watch_expect (&w, 1, 1, 0);
  g_assert_true (w.dirty);

  g_signal_handlers_disconnect_by_data (history, &w);
}

static void
test_history_clean (void)
{
  g_autoptr(GlossSource) source = make_source ("abcdefghij");
  g_autoptr(GlossLayer) layer = gloss_layer_new ("camille", NULL);
  GlossHistory *history = gloss_layer_get_history (layer);
  GlossAnnotation *a;
  gboolean dirty = TRUE;

  gloss_layer_set_source (layer, source);
  g_assert_false (gloss_history_is_dirty (history));

  a = gloss_layer_annotate (layer, "a", 0, 1, NULL);
  g_assert_true (gloss_history_is_dirty (history));
  g_object_get (history, "dirty", &dirty, NULL);
  g_assert_true (dirty);

  gloss_history_set_clean (history);
  g_assert_false (gloss_history_is_dirty (history));
  g_object_get (history, "dirty", &dirty, NULL);
  g_assert_false (dirty);

  gloss_layer_set_note (layer, a, "note");
  g_assert_true (gloss_history_is_dirty (history));
  g_assert_true (gloss_layer_undo (layer));
  g_assert_false (gloss_history_is_dirty (history));
  g_assert_true (gloss_layer_undo (layer));
  g_assert_true (gloss_history_is_dirty (history));
  g_assert_true (gloss_layer_redo (layer));
  g_assert_false (gloss_history_is_dirty (history));
  g_assert_true (gloss_layer_redo (layer));
  g_assert_true (gloss_history_is_dirty (history));

  /* Undo to the save point, then change something else: the save point
   * is still behind, so undoing the new change is clean again. */
  g_assert_true (gloss_layer_undo (layer));
  g_assert_false (gloss_history_is_dirty (history));
  g_assert_true (gloss_layer_set_tag (layer, a, "b"));
  g_assert_true (gloss_history_is_dirty (history));
  g_assert_true (gloss_layer_undo (layer));
  g_assert_false (gloss_history_is_dirty (history));
}

static void
test_history_clean_dropped (void)
{
  g_autoptr(GlossSource) source = make_source ("abcdefghij");
  g_autoptr(GlossLayer) layer = gloss_layer_new ("camille", NULL);
  GlossHistory *history = gloss_layer_get_history (layer);

  gloss_layer_set_source (layer, source);

  /* One step back and a different step forward: as many steps as were
   * saved, but not the same ones. */
  g_assert_nonnull (gloss_layer_annotate (layer, "z", 9, 10, NULL));
  gloss_history_set_clean (history);
  g_assert_true (gloss_layer_undo (layer));
  g_assert_nonnull (gloss_layer_annotate (layer, "y", 9, 10, NULL));
  g_assert_true (gloss_history_is_dirty (history));
  g_assert_true (gloss_layer_undo (layer));
  g_assert_true (gloss_history_is_dirty (history));

  g_assert_nonnull (gloss_layer_annotate (layer, "a", 0, 1, NULL));
  g_assert_nonnull (gloss_layer_annotate (layer, "a", 1, 2, NULL));
  gloss_history_set_clean (history);

  /* Undo past the save point and change something: what was saved can
   * no longer be reached by undo or redo. */
  g_assert_true (gloss_layer_undo (layer));
  g_assert_true (gloss_layer_undo (layer));
  g_assert_true (gloss_history_is_dirty (history));
  g_assert_nonnull (gloss_layer_annotate (layer, "b", 5, 6, NULL));
  g_assert_true (gloss_history_is_dirty (history));
  g_assert_nonnull (gloss_layer_annotate (layer, "b", 6, 7, NULL));

  for (guint i = 0; i < 3; i++)
    {
      while (gloss_layer_undo (layer))
        g_assert_true (gloss_history_is_dirty (history));
      g_assert_true (gloss_history_is_dirty (history));
      while (gloss_layer_redo (layer))
        g_assert_true (gloss_history_is_dirty (history));
    }

  g_assert_true (gloss_layer_undo (layer));
  g_assert_true (gloss_history_is_dirty (history));
  g_assert_nonnull (gloss_layer_annotate (layer, "c", 8, 9, NULL));
  g_assert_true (gloss_history_is_dirty (history));

  gloss_history_set_clean (history);
  g_assert_false (gloss_history_is_dirty (history));
  g_assert_true (gloss_layer_undo (layer));
  g_assert_true (gloss_history_is_dirty (history));
  g_assert_true (gloss_layer_redo (layer));
  g_assert_false (gloss_history_is_dirty (history));
}

static void
test_history_mark_dirty (void)
{
  g_autoptr(GlossSource) source = make_source ("abcdefghij");
  g_autoptr(GlossLayer) layer = gloss_layer_new ("camille", NULL);
  GlossHistory *history = gloss_layer_get_history (layer);

  gloss_layer_set_source (layer, source);
  gloss_history_set_clean (history);
  g_assert_false (gloss_history_is_dirty (history));

  /* Re-anchoring on load changed what will be written. */
  gloss_history_mark_dirty (history);
  g_assert_true (gloss_history_is_dirty (history));
  g_assert_false (gloss_history_can_undo (history));

  /* Undo cannot take it back. */
  g_assert_nonnull (gloss_layer_annotate (layer, "a", 0, 1, NULL));
  g_assert_true (gloss_layer_undo (layer));
  g_assert_true (gloss_history_is_dirty (history));

  gloss_history_set_clean (history);
  g_assert_false (gloss_history_is_dirty (history));
  g_assert_true (gloss_layer_redo (layer));
  g_assert_true (gloss_history_is_dirty (history));
  g_assert_true (gloss_layer_undo (layer));
  g_assert_false (gloss_history_is_dirty (history));
}

static void
test_history_replace_all (void)
{
  g_autoptr(GlossSource) source = make_source ("abcdefghij");
  g_autoptr(GlossLayer) layer = gloss_layer_new ("camille", NULL);
  g_autoptr(GlossLayer) clean_layer = gloss_layer_new ("malik", NULL);
  GlossHistory *history = gloss_layer_get_history (layer);
  GlossHistory *clean_history = gloss_layer_get_history (clean_layer);
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  GlossAnnotation *a;

  gloss_layer_set_source (layer, source);
  a = gloss_layer_annotate (layer, "a", 0, 1, NULL);
  g_assert_nonnull (gloss_layer_annotate (layer, "a", 1, 2, NULL));
  gloss_layer_set_note (layer, a, "note");
  g_assert_true (gloss_layer_undo (layer));
  g_assert_true (gloss_history_can_undo (history));
  g_assert_true (gloss_history_can_redo (history));

  g_ptr_array_add (loaded, make_annotation ("p", "claim", 4, 6));
  gloss_layer_replace_all (layer, loaded);
  g_assert_cmpuint (gloss_history_get_n_steps (history), ==, 0);
  g_assert_false (gloss_history_can_undo (history));
  g_assert_false (gloss_history_can_redo (history));
  g_assert_false (gloss_layer_undo (layer));
  g_assert_false (gloss_layer_redo (layer));
  g_assert_cmpuint (n_items (layer), ==, 1);
  /* The changes were not saved, so they are still unsaved. */
  g_assert_true (gloss_history_is_dirty (history));
  gloss_history_set_clean (history);
  g_assert_false (gloss_history_is_dirty (history));

  /* The layer goes on recording. */
  g_assert_nonnull (gloss_layer_annotate (layer, "a", 7, 9, NULL));
  g_assert_true (gloss_history_can_undo (history));
  g_assert_true (gloss_layer_undo (layer));
  g_assert_false (gloss_history_is_dirty (history));
  g_assert_cmpuint (n_items (layer), ==, 1);

  /* Loading into a layer with nothing unsaved leaves it clean. */
  g_ptr_array_set_size (loaded, 0);
  g_ptr_array_add (loaded, make_annotation ("q", "claim", 1, 3));
  gloss_layer_replace_all (clean_layer, loaded);
  g_assert_cmpuint (n_items (clean_layer), ==, 1);
  g_assert_false (gloss_history_is_dirty (clean_history));
  g_assert_false (gloss_history_can_undo (clean_history));
}

/* Every change of the layer, however it comes, moves the serial on;
 * what does not change the layer leaves it. */
static void
test_history_serial (void)
{
  g_autoptr(GlossSource) source = make_source ("abcdefghij");
  g_autoptr(GlossLayer) layer = gloss_layer_new ("camille", NULL);
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  GlossHistory *history = gloss_layer_get_history (layer);
  GlossAnnotation *a;
  guint64 serial, before;

  gloss_layer_set_source (layer, source);
  serial = gloss_history_get_serial (history);

#define ASSERT_MOVED() \
  G_STMT_START { \
    g_assert_cmpuint (gloss_history_get_serial (history), !=, serial); \
    serial = gloss_history_get_serial (history); \
  } G_STMT_END
#define ASSERT_KEPT() \
  g_assert_cmpuint (gloss_history_get_serial (history), ==, serial)

  a = gloss_layer_annotate (layer, "a", 0, 1, NULL);
  ASSERT_MOVED ();
  gloss_layer_set_note (layer, a, "note");
  ASSERT_MOVED ();
  g_assert_true (gloss_layer_set_tag (layer, a, "b"));
  ASSERT_MOVED ();
  g_assert_true (gloss_layer_set_range (layer, a, 2, 4));
  ASSERT_MOVED ();
  g_assert_true (gloss_layer_undo (layer));
  ASSERT_MOVED ();
  g_assert_true (gloss_layer_redo (layer));
  ASSERT_MOVED ();

  /* Undo and redo that have nothing to do change nothing. */
  g_assert_false (gloss_layer_redo (layer));
  ASSERT_KEPT ();

  /* Each change inside a group counts, before the group closes. */
  gloss_layer_begin_group (layer);
  ASSERT_KEPT ();
  g_assert_nonnull (gloss_layer_annotate (layer, "a", 5, 6, NULL));
  ASSERT_MOVED ();
  g_assert_nonnull (gloss_layer_annotate (layer, "a", 6, 7, NULL));
  ASSERT_MOVED ();
  gloss_layer_end_group (layer);
  ASSERT_KEPT ();

  g_assert_true (gloss_layer_remove (layer, a));
  ASSERT_MOVED ();

  /* Saving and the like leave the layer as it is. */
  gloss_history_set_clean (history);
  ASSERT_KEPT ();
  g_assert_false (gloss_history_can_redo (history));
  g_assert_false (gloss_history_is_applying (history));
  ASSERT_KEPT ();

  gloss_history_mark_dirty (history);
  ASSERT_MOVED ();
  gloss_history_clear (history);
  ASSERT_MOVED ();
  g_ptr_array_add (loaded, make_annotation ("p", "claim", 4, 6));
  gloss_layer_replace_all (layer, loaded);
  ASSERT_MOVED ();

  /* Two layers count on their own. */
  before = gloss_history_get_serial (history);
  {
    g_autoptr(GlossLayer) other = gloss_layer_new ("malik", NULL);

    gloss_layer_set_source (other, source);
    g_assert_nonnull (gloss_layer_annotate (other, "a", 0, 1, NULL));
  }
  g_assert_cmpuint (gloss_history_get_serial (history), ==, before);

#undef ASSERT_MOVED
#undef ASSERT_KEPT
}

static void
test_history_clean_if_serial (void)
{
  g_autoptr(GlossSource) source = make_source ("abcdefghij");
  g_autoptr(GlossLayer) layer = gloss_layer_new ("camille", NULL);
  GlossHistory *history = gloss_layer_get_history (layer);
  GlossAnnotation *a;
  guint64 serial;
  Watch w;

  gloss_layer_set_source (layer, source);
  watch_init (&w, history);

  /* Unchanged since the save started: clean. */
  a = gloss_layer_annotate (layer, "a", 0, 1, NULL);
  watch_expect (&w, 1, 0, 1);
  serial = gloss_history_get_serial (history);
  gloss_history_set_clean_if_serial (history, serial);
  watch_expect (&w, 0, 0, 1);
  g_assert_false (gloss_history_is_dirty (history));
  /* The save point is where the layer was: undo leaves it. */
  g_assert_true (gloss_layer_undo (layer));
  g_assert_true (gloss_history_is_dirty (history));
  g_assert_true (gloss_layer_redo (layer));
  g_assert_false (gloss_history_is_dirty (history));
  watch_expect (&w, 2, 2, 2);

  /* Changed while it ran: still dirty, with no notification. */
  gloss_layer_set_note (layer, a, "one");
  watch_expect (&w, 0, 0, 1);
  serial = gloss_history_get_serial (history);
  gloss_layer_set_note (layer, a, "two");
  gloss_history_set_clean_if_serial (history, serial);
  watch_expect (&w, 0, 0, 0);
  g_assert_true (gloss_history_is_dirty (history));

  /* Undone, while it ran, back to the last save: the file holds the
   * state in between now, so the layer must be saved again, and no undo
   * or redo reaches the file's state. */
  gloss_history_set_clean (history);
  watch_expect (&w, 0, 0, 1);
  gloss_layer_set_note (layer, a, "three");
  watch_expect (&w, 0, 0, 1);
  serial = gloss_history_get_serial (history);
  g_assert_true (gloss_layer_undo (layer));
  watch_expect (&w, 0, 1, 1);
  g_assert_false (gloss_history_is_dirty (history));
  gloss_history_set_clean_if_serial (history, serial);
  watch_expect (&w, 0, 0, 1);
  g_assert_true (gloss_history_is_dirty (history));
  g_assert_true (gloss_layer_redo (layer));
  g_assert_true (gloss_history_is_dirty (history));
  g_assert_true (gloss_layer_undo (layer));
  g_assert_true (gloss_history_is_dirty (history));
  watch_expect (&w, 0, 2, 0);

  /* A later save that nothing overtook cleans it. */
  gloss_history_set_clean_if_serial (history, gloss_history_get_serial (history));
  watch_expect (&w, 0, 0, 1);
  g_assert_false (gloss_history_is_dirty (history));

  /* A name changed (mark_dirty) while it ran is not on disk either. */
  serial = gloss_history_get_serial (history);
  gloss_history_mark_dirty (history);
  watch_expect (&w, 0, 0, 1);
  gloss_history_set_clean_if_serial (history, serial);
  watch_expect (&w, 0, 0, 0);
  g_assert_true (gloss_history_is_dirty (history));

  g_signal_handlers_disconnect_by_data (history, &w);
}

typedef struct
{
  GlossHistory *history;
  GString *log;
} Applied;

static void
record_apply (const GlossChange *change,
              gboolean           reverse,
              gpointer           user_data)
{
  static const char * const kinds[] = { "add", "remove", "modify" };
  Applied *applied = user_data;

  g_assert_true (gloss_history_is_applying (applied->history));
  g_string_append_printf (applied->log, "%s%s %s %s", applied->log->len ? ", " : "",
                          reverse ? "undo" : "redo", kinds[change->kind],
                          gloss_annotation_get_id (change->annotation));
  if (change->kind == GLOSS_CHANGE_MODIFY)
    g_string_append_printf (applied->log, " %s>%s",
                            gloss_annotation_get_tag (change->before),
                            gloss_annotation_get_tag (change->after));

  /* What applying changes is not recorded again. */
  gloss_history_push (applied->history, GLOSS_CHANGE_ADD, change->annotation, NULL, NULL);
}

static void
test_history_standalone (void)
{
  g_autoptr(GlossHistory) history = NULL;
  g_autoptr(GlossAnnotation) a = make_annotation ("a", "x", 0, 1);
  g_autoptr(GlossAnnotation) a_before = make_annotation ("a", "x", 0, 1);
  g_autoptr(GlossAnnotation) a_after = make_annotation ("a", "y", 0, 1);
  g_autoptr(GlossAnnotation) b = make_annotation ("b", "x", 2, 3);
  Applied applied;

  applied.log = g_string_new (NULL);
  history = gloss_history_new (record_apply, &applied);
  applied.history = history;

  gloss_history_push (history, GLOSS_CHANGE_ADD, b, NULL, NULL);
  gloss_history_begin_group (history);
  gloss_history_push (history, GLOSS_CHANGE_ADD, a, NULL, NULL);
  gloss_history_push (history, GLOSS_CHANGE_MODIFY, a, a_before, a_after);
  gloss_history_push (history, GLOSS_CHANGE_REMOVE, b, NULL, NULL);
  gloss_history_end_group (history);
  g_assert_false (gloss_history_is_applying (history));
  g_assert_cmpuint (gloss_history_get_n_steps (history), ==, 2);
  /* Pushing applies nothing. */
  g_assert_cmpstr (applied.log->str, ==, "");

  g_assert_true (gloss_history_undo (history));
  g_assert_cmpstr (applied.log->str, ==, "undo remove b, undo modify a x>y, undo add a");
  g_string_truncate (applied.log, 0);
  g_assert_cmpuint (gloss_history_get_n_steps (history), ==, 2);
  g_assert_false (gloss_history_is_applying (history));

  g_assert_true (gloss_history_redo (history));
  g_assert_cmpstr (applied.log->str, ==, "redo add a, redo modify a x>y, redo remove b");
  g_string_truncate (applied.log, 0);

  g_assert_true (gloss_history_undo (history));
  g_assert_true (gloss_history_undo (history));
  g_assert_false (gloss_history_undo (history));
  g_assert_cmpstr (applied.log->str, ==, "undo remove b, undo modify a x>y, undo add a, undo add b");
  g_assert_cmpuint (gloss_history_get_n_steps (history), ==, 2);

  g_clear_object (&history);
  g_string_free (applied.log, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/annotation/context", test_annotation_context);
  g_test_add_func ("/annotation/context-short", test_annotation_context_short);
  g_test_add_func ("/annotation/context-walked", test_annotation_context_walked);
  g_test_add_func ("/annotation/new", test_annotation_new);
  g_test_add_func ("/annotation/timestamp", test_annotation_timestamp);
  g_test_add_func ("/annotation/copy-and-compare", test_annotation_copy_and_compare);
  g_test_add_func ("/layer/order", test_layer_order);
  g_test_add_func ("/layer/items-changed/add-remove", test_items_changed_add_remove);
  g_test_add_func ("/layer/items-changed/set-tag", test_items_changed_set_tag);
  g_test_add_func ("/layer/items-changed/set-note", test_items_changed_set_note);
  g_test_add_func ("/layer/items-changed/set-range", test_items_changed_set_range);
  g_test_add_func ("/layer/items-changed/replace-all", test_items_changed_replace_all);
  g_test_add_func ("/layer/duplicates", test_layer_duplicates);
  g_test_add_func ("/layer/annotate", test_layer_annotate);
  g_test_add_func ("/layer/modified", test_layer_modified);
  g_test_add_func ("/layer/queries/small", test_layer_queries_small);
  g_test_add_func ("/layer/queries/random", test_layer_queries_random);
  g_test_add_func ("/history/each-kind", test_history_each_kind);
  g_test_add_func ("/history/group", test_history_group);
  g_test_add_func ("/history/group-nested", test_history_group_nested);
  g_test_add_func ("/history/group-order", test_history_group_order);
  g_test_add_func ("/history/redo-dropped", test_history_redo_dropped);
  g_test_add_func ("/history/notify", test_history_notify);
  g_test_add_func ("/history/clean", test_history_clean);
  g_test_add_func ("/history/clean-dropped", test_history_clean_dropped);
  g_test_add_func ("/history/mark-dirty", test_history_mark_dirty);
  g_test_add_func ("/history/replace-all", test_history_replace_all);
  g_test_add_func ("/history/standalone", test_history_standalone);
  g_test_add_func ("/history/serial", test_history_serial);
  g_test_add_func ("/history/clean-if-serial", test_history_clean_if_serial);

  return g_test_run ();
}
