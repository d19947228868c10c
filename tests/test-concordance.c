/* test-concordance.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gloss-annotation-file.h"
#include "gloss-concordance.h"
#include "gloss-corpus.h"
#include "gloss-corpus-statistics.h"
#include "gloss-corpus-status.h"
#include "gloss-corpus-tagging.h"
#include "gloss-error.h"
#include "gloss-search.h"
#include "file-test-util.h"

/* The core's concordance of a folder: a phrase with and without case and
 * whole words, offsets counted in characters across accented letters,
 * the context cut at the ends of the text, a tag's passages per
 * annotator, an article that cannot be read, tagging the matches in an
 * annotator's file and taking them back, and the passages counted per
 * tag and annotator, per article and in all. */

typedef struct
{
  char *dir;
  GlossCorpusListing *listing;
} Fixture;

static void
annotate (Fixture    *f,
          const char *name,
          const char *annotator,
          guint       start,
          guint       end)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GlossAnnotationFile) annotations = NULL;
  g_autoptr(GError) error = NULL;

  source = gloss_source_new_from_article (file, 0, NULL, &error);
  g_assert_no_error (error);
  annotations = gloss_annotation_file_new (source, annotator, NULL);
  g_assert_nonnull (gloss_layer_annotate (gloss_annotation_file_get_layer (annotations),
                                          "claim", start, end, NULL));
  gloss_annotation_file_save (annotations, GLOSS_SAVE_OVERWRITE, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;

  f->dir = g_dir_make_tmp ("gloss-test-concordance-XXXXXX", &error);
  g_assert_no_error (error);
  write_file_under (f->dir, "a.txt", "L’État a payé. Les états généraux.\n");
  write_file_under (f->dir, "b.txt", "Étatisme et État.\n");
  write_file_under (f->dir, "c.txt", "Rien ici.\n");
  /* "payé" in a.txt (characters 9 to 13) by alice and ben, "État" in
   * b.txt (12 to 16) by ben only. */
  annotate (f, "a.txt", "alice", 9, 13);
  annotate (f, "a.txt", "ben", 9, 13);
  annotate (f, "b.txt", "ben", 12, 16);

  folder = g_file_new_for_path (f->dir);
  f->listing = gloss_corpus_listing_new (folder, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->listing->articles->len, ==, 3);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gloss_corpus_listing_free (f->listing);
  delete_tree (f->dir);
  g_free (f->dir);
}

/* Searches article @i of the listing. */
static GlossConcordanceHits *
search (Fixture                     *f,
        guint                        i,
        const GlossConcordanceQuery *query)
{
  GlossCorpusArticle *article = g_ptr_array_index (f->listing->articles, i);

  return gloss_concordance_search (query, article->article, article->annotation_files, NULL);
}

static GlossConcordanceRow *
row (GlossConcordanceHits *hits,
     guint                 i)
{
  return &g_array_index (hits->rows, GlossConcordanceRow, i);
}

static void
test_phrase (Fixture       *f,
             gconstpointer  data)
{
  GlossConcordanceQuery query = { .match = "état", .context = 4 };
  g_autoptr(GlossConcordanceHits) a = NULL;
  g_autoptr(GlossConcordanceHits) b = NULL;
  g_autoptr(GlossConcordanceHits) c = NULL;
  g_autoptr(GlossConcordanceHits) whole = NULL;
  g_autoptr(GlossConcordanceHits) exact = NULL;

  /* Case folded a character at a time: É and é count as one character
   * each, so the offsets are those of the text. */
  a = search (f, 0, &query);
  g_assert_cmpuint (a->rows->len, ==, 2);
  g_assert_cmpuint (row (a, 0)->start, ==, 2);
  g_assert_cmpuint (row (a, 0)->end, ==, 6);
  g_assert_cmpstr (row (a, 0)->text, ==, "État");
  g_assert_cmpstr (row (a, 0)->left, ==, "L’");
  g_assert_cmpstr (row (a, 0)->right, ==, " a p");
  g_assert_cmpuint (row (a, 1)->start, ==, 19);
  g_assert_cmpstr (row (a, 1)->text, ==, "état");
  g_assert_cmpstr (row (a, 1)->left, ==, "Les ");
  g_assert_null (row (a, 1)->tag);
  g_assert_null (row (a, 1)->annotator);
  g_assert_cmpuint (a->problems->len, ==, 0);

  b = search (f, 1, &query);
  g_assert_cmpuint (b->rows->len, ==, 2);
  g_assert_cmpuint (row (b, 0)->start, ==, 0);
  g_assert_cmpstr (row (b, 0)->left, ==, "");
  g_assert_cmpuint (row (b, 1)->start, ==, 12);
  g_assert_cmpstr (row (b, 1)->right, ==, ".\n");

  c = search (f, 2, &query);
  g_assert_cmpuint (c->rows->len, ==, 0);

  /* Whole words leave "Étatisme" out; matching case, "état" alone. */
  query.whole_words = TRUE;
  whole = search (f, 1, &query);
  g_assert_cmpuint (whole->rows->len, ==, 1);
  g_assert_cmpuint (row (whole, 0)->start, ==, 12);
  query.whole_words = FALSE;
  query.match_case = TRUE;
  exact = search (f, 0, &query);
  g_assert_cmpuint (exact->rows->len, ==, 1);
  g_assert_cmpuint (row (exact, 0)->start, ==, 19);
}

static void
test_tag (Fixture       *f,
          gconstpointer  data)
{
  GlossConcordanceQuery query = { .tag = "claim", .context = 3 };
  g_autoptr(GlossConcordanceHits) all = NULL;
  g_autoptr(GlossConcordanceHits) alice = NULL;
  g_autoptr(GlossConcordanceHits) alice_b = NULL;

  all = search (f, 0, &query);
  g_assert_cmpuint (all->rows->len, ==, 2);
  g_assert_cmpstr (row (all, 0)->annotator, ==, "alice");
  g_assert_cmpstr (row (all, 1)->annotator, ==, "ben");
  g_assert_cmpstr (row (all, 0)->text, ==, "payé");
  g_assert_cmpstr (row (all, 0)->tag, ==, "claim");
  g_assert_cmpuint (row (all, 1)->start, ==, 9);
  g_assert_cmpuint (row (all, 1)->end, ==, 13);

  query.annotator = "alice";
  alice = search (f, 0, &query);
  g_assert_cmpuint (alice->rows->len, ==, 1);
  g_assert_cmpstr (row (alice, 0)->annotator, ==, "alice");
  alice_b = search (f, 1, &query);
  g_assert_cmpuint (alice_b->rows->len, ==, 0);
}

static void
test_unreadable (Fixture       *f,
                 gconstpointer  data)
{
  GlossConcordanceQuery query = { .match = "x", .context = 3 };
  g_autofree char *path = g_build_filename (f->dir, "gone.txt", NULL);
  g_autoptr(GFile) gone = g_file_new_for_path (path);
  g_autoptr(GlossConcordanceHits) hits = gloss_concordance_search (&query, gone, NULL, NULL);

  g_assert_cmpuint (hits->rows->len, ==, 0);
  g_assert_cmpuint (hits->problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (hits->problems, 0), "gone.txt"));
}

static void
test_tag_article (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "b.txt", NULL);
  g_autoptr(GFile) article = g_file_new_for_path (path);
  g_autoptr(GFile) own = gloss_annotation_file_path_for (article, "carol");
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (GlossRange));
  g_autofree char *stamp = gloss_corpus_article_stamp (article, "carol");
  g_autofree char *stale = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  g_auto(GStrv) again = NULL;
  g_auto(GStrv) refused = NULL;
  guint removed = 0;

  g_array_append_vals (ranges, (GlossRange[]) { { 0, 4 }, { 12, 16 } }, 2);

  /* A file created for Carol with both passages. */
  g_assert_false (g_file_query_exists (own, NULL));
  ids = gloss_corpus_tag_article (article, "carol", "Carol", "claim", ranges, stamp, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (ids), ==, 2);
  g_assert_true (g_file_query_exists (own, NULL));

  /* The search's stamp is stale now: refused, naming the article. */
  refused = gloss_corpus_tag_article (article, "carol", "Carol", "claim", ranges, stamp, &error);
  g_assert_null (refused);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED_ON_DISK);
  g_assert_nonnull (strstr (error->message, "b.txt"));
  g_clear_error (&error);

  /* With a fresh stamp, the same passages are skipped: tagged already. */
  stale = gloss_corpus_article_stamp (article, "carol");
  again = gloss_corpus_tag_article (article, "carol", "Carol", "claim", ranges, stale, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (again), ==, 0);

  g_assert_true (gloss_corpus_untag_article (article, "carol", (const char * const *) ids, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 2);
  {
    g_autoptr(GlossAnnotationFile) file = gloss_annotation_file_load (own, GLOSS_LOAD_NONE, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gloss_annotation_file_get_layer (file))), ==, 0);
  }
}

static void
test_statistics (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autoptr(GlossCorpusStatistics) s = NULL;
  g_autoptr(GError) error = NULL;
  GlossTagCount *count;

  s = gloss_corpus_statistics_new (folder, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (s->n_articles, ==, 3);
  g_assert_cmpuint (s->tags->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (s->tags, 0), ==, "claim");
  g_assert_cmpuint (s->annotators->len, ==, 2);
  g_assert_cmpuint (gloss_corpus_statistics_total (s, "claim", "alice"), ==, 1);
  g_assert_cmpuint (gloss_corpus_statistics_total (s, "claim", "ben"), ==, 2);
  g_assert_cmpuint (gloss_corpus_statistics_total (s, "claim", "carol"), ==, 0);

  /* The totals, then a.txt's two counts and b.txt's one. */
  g_assert_cmpuint (s->counts->len, ==, 5);
  count = g_ptr_array_index (s->counts, 0);
  g_assert_null (count->article);
  count = g_ptr_array_index (s->counts, 3);
  g_assert_cmpstr (count->article, ==, "a.txt");
  g_assert_cmpstr (count->annotator, ==, "ben");
  g_assert_cmpuint (count->passages, ==, 1);
  count = g_ptr_array_index (s->counts, 4);
  g_assert_cmpstr (count->article, ==, "b.txt");
  g_assert_cmpuint (count->passages, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/concordance/phrase", Fixture, NULL, fixture_set_up, test_phrase, fixture_tear_down);
  g_test_add ("/concordance/tag", Fixture, NULL, fixture_set_up, test_tag, fixture_tear_down);
  g_test_add ("/concordance/unreadable", Fixture, NULL, fixture_set_up, test_unreadable,
              fixture_tear_down);
  g_test_add ("/concordance/tag-article", Fixture, NULL, fixture_set_up, test_tag_article,
              fixture_tear_down);
  g_test_add ("/concordance/statistics", Fixture, NULL, fixture_set_up, test_statistics, fixture_tear_down);
  return g_test_run ();
}
