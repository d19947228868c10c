/* test-corpus-status.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gloss-annotation-file.h"
#include "gloss-corpus-status.h"
#include "gloss-error.h"
#include "file-test-util.h"

/* The done mark of an annotation file, and the scan of a folder as a
 * corpus: every status, and what it must skip without opening. */

typedef DirFixture Fixture;

/* Writes @text as the article @name in @f's folder and returns its path. */
static char *
write_article (Fixture    *f,
               const char *name,
               const char *text)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_mkdir_with_parents (parent, 0755);
  write_file (path, text);
  return path;
}

/* Saves @annotator's file on @article with a passage on each of the
 * ranges given as start, end pairs (G_MAXUINT ends them); marks it done
 * when asked. */
static void
annotate (const char *article,
          const char *annotator,
          gboolean    done,
          ...)
{
  g_autoptr(GFile) file = g_file_new_for_path (article);
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GlossAnnotationFile) annotations = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;
  guint start;

  source = gloss_source_new_from_article (file, 0, NULL, &error);
  g_assert_no_error (error);
  annotations = gloss_annotation_file_new (source, annotator, NULL);
  va_start (args, done);
  while ((start = va_arg (args, guint)) != G_MAXUINT)
    {
      guint end = va_arg (args, guint);

      g_assert_nonnull (gloss_layer_annotate (gloss_annotation_file_get_layer (annotations),
                                              "claim", start, end, NULL));
    }
  va_end (args);
  if (done)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      gloss_annotation_file_set_done (annotations, now);
    }
  /* A new file replaces whatever the test wrote before. */
  gloss_annotation_file_save (annotations, GLOSS_SAVE_OVERWRITE, NULL, &error);
  g_assert_no_error (error);
}

static GlossAnnotationFile *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossAnnotationFile *annotations = gloss_annotation_file_load (file, GLOSS_LOAD_NONE, NULL, &error);

  g_assert_no_error (error);
  return annotations;
}

/* Writes a.txt with alice's file on it, one passage ("claim"), and
 * returns the file's path. */
static char *
annotated_article (Fixture *f)
{
  g_autofree char *article = write_article (f, "a.txt", "One claim here.\n");

  annotate (article, "alice", FALSE, 4, 9, G_MAXUINT);
  return g_strconcat (article, ".alice.gloss.json", NULL);
}

/* Adds @member ("KEY": VALUE) at the end of the top-level object of the
 * file at @path, as another tool would; returns what the file holds. */
static char *
add_member (const char *path,
            const char *member)
{
  g_autofree char *text = read_file (path);
  GString *edited = g_string_new (text);

  g_assert_true (g_str_has_suffix (text, "\n}\n"));
  g_string_insert (edited, edited->len - 3, ",\n  ");
  g_string_insert (edited, edited->len - 3, member);
  write_file (path, edited->str);
  return g_string_free (edited, FALSE);
}

static void
count_notify (guint *count)
{
  (*count)++;
}

static void
test_done_mark (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = annotated_article (f);
  g_autofree char *plain = read_file (path);
  g_autofree char *before = NULL;
  g_autofree char *marked = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 12, 7, 10, 30, 15.6);
  g_autoptr(GError) error = NULL;
  guint notified = 0;
  gboolean done = FALSE;
  JsonObject *extra;

  g_assert_null (strstr (plain, "\"done\""));
  /* Another tool's key, to be kept through the mark and its undo. */
  before = add_member (path, "\"x-tool\": {\n    \"keep\": true\n  }");

  file = load (path);
  g_assert_false (gloss_annotation_file_get_done (file));
  g_assert_null (gloss_annotation_file_get_done_at (file));
  g_signal_connect_swapped (file, "notify::done", G_CALLBACK (count_notify), &notified);

  gloss_annotation_file_set_done (file, at);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (gloss_annotation_file_get_done (file));
  g_object_get (file, "done", &done, NULL);
  g_assert_true (done);
  g_assert_cmpstr (gloss_annotation_file_get_done_at (file), ==, "2026-12-07T10:30:15Z");
  extra = gloss_annotation_file_get_extra (file);
  g_assert_true (json_object_has_member (extra, "x-tool"));
  gloss_annotation_file_save (file, GLOSS_SAVE_NONE, NULL, &error);
  g_assert_no_error (error);
  marked = read_file (path);
  g_assert_nonnull (strstr (marked, "\"done\": {\n    \"at\": \"2026-12-07T10:30:15Z\"\n  }"));
  g_assert_nonnull (strstr (marked, "\"x-tool\""));

  g_clear_object (&file);
  file = load (path);
  g_assert_true (gloss_annotation_file_get_done (file));
  g_assert_cmpstr (gloss_annotation_file_get_done_at (file), ==, "2026-12-07T10:30:15Z");

  /* Undone, the file is byte for byte what it was. */
  notified = 0;
  g_signal_connect_swapped (file, "notify::done", G_CALLBACK (count_notify), &notified);
  gloss_annotation_file_set_done (file, NULL);
  g_assert_cmpuint (notified, ==, 1);
  gloss_annotation_file_set_done (file, NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_false (gloss_annotation_file_get_done (file));
  gloss_annotation_file_save (file, GLOSS_SAVE_NONE, NULL, &error);
  g_assert_no_error (error);
  after = read_file (path);
  g_assert_cmpstr (after, ==, before);
}

static void
test_done_not_object (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = annotated_article (f);
  g_autofree char *edited = add_member (path, "\"done\": false");
  g_autoptr(GlossAnnotationFile) file = NULL;

  g_assert_nonnull (edited);
  file = load (path);
  g_assert_false (gloss_annotation_file_get_done (file));
  g_assert_null (gloss_annotation_file_get_done_at (file));
}

static void
test_done_changed_on_disk (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = annotated_article (f);
  g_autofree char *article = g_build_filename (f->dir, "a.txt", NULL);
  g_autofree char *theirs = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autoptr(GDateTime) at = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  file = load (path);

  /* Someone else saves the file meanwhile, with another passage. */
  annotate (article, "alice", FALSE, 4, 9, 10, 14, G_MAXUINT);
  theirs = read_file (path);

  gloss_annotation_file_set_done (file, at);
  g_assert_false (gloss_annotation_file_save (file, GLOSS_SAVE_NONE, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED_ON_DISK);
  now = read_file (path);
  g_assert_cmpstr (now, ==, theirs);
}

static GlossArticleStatus *
status_of (GPtrArray  *statuses,
           const char *article)
{
  for (guint i = 0; i < statuses->len; i++)
    {
      GlossArticleStatus *status = g_ptr_array_index (statuses, i);
      g_autofree char *name = g_file_get_basename (status->article);

      if (strcmp (name, article) == 0)
        return status;
    }

  g_assert_not_reached ();
}

static GlossAnnotatorWork *
work_of (GPtrArray  *statuses,
         const char *article,
         const char *annotator)
{
  GlossArticleStatus *status = status_of (statuses, article);

  for (guint k = 0; k < status->work->len; k++)
    {
      GlossAnnotatorWork *work = g_ptr_array_index (status->work, k);

      if (strcmp (work->annotator, annotator) == 0)
        return work;
    }

  g_assert_not_reached ();
}


static gboolean
skipped (GlossCorpusListing *listing,
         const char         *name,
         const char         *words,
         gboolean            is_problem)
{
  for (guint i = 0; i < listing->skipped->len; i++)
    {
      GlossCorpusSkip *skip = g_ptr_array_index (listing->skipped, i);
      g_autofree char *base = g_file_get_basename (skip->file);

      if (strcmp (base, name) == 0 && strstr (skip->reason, words) != NULL &&
          strstr (skip->reason, name) != NULL)
        return skip->is_problem == is_problem;
    }

  return FALSE;
}

static void
test_scan (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *a = write_article (f, "a.txt", "\n  First line, trimmed  \nAlpha beta gamma.\n");
  g_autofree char *b = write_article (f, "sub/b.txt", "Beta article with words.\n");
  g_autofree char *c = write_article (f, "sub/deep/c.html",
                                      "<html><head><title>The page title</title></head>"
                                      "<body><p>Gamma delta text.</p></body></html>");
  g_autofree char *d = write_article (f, "d.xml", "<?xml version=\"1.0\"?><doc><p>Delta moved text.</p></doc>");
  g_autofree char *notes = write_article (f, "notes.md", "not an article");
  g_autofree char *broken = g_strconcat (b, ".carol.gloss.json", NULL);
  g_autofree char *fifo = g_build_filename (f->dir, "sub", "pipe.txt", NULL);
  g_autofree char *loop = g_build_filename (f->dir, "sub", "deep", "up", NULL);
  g_autofree char *orphan = g_build_filename (f->dir, "gone.txt.alice.gloss.json", NULL);
  g_autofree char *broken_link = g_build_filename (f->dir, "broken.txt", NULL);
  g_autofree char *pipe_file = g_strconcat (a, ".dave.gloss.json", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autoptr(GlossCorpusListing) listing = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GPtrArray) bob_only = NULL;
  g_autoptr(GError) error = NULL;
  GlossAnnotatorWork *work;

  annotate (a, "alice", TRUE, 25, 30, G_MAXUINT);             /* done */
  annotate (a, "bob", FALSE, 25, 30, 31, 35, G_MAXUINT);      /* in progress */
  annotate (b, "alice", FALSE, G_MAXUINT);                    /* no passages */
  write_file (broken, "{ \"gloss\": 1, ");                     /* cut short */
  annotate (d, "bob", TRUE, 6, 11, G_MAXUINT);                /* "moved" */
  /* The article changes: bob's passage is found further on. */
  write_file (d, "<?xml version=\"1.0\"?><doc><p>Now Delta moved text.</p></doc>");
  write_file (orphan, "{}");
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("../..", loop), ==, 0);
  g_assert_cmpint (symlink ("nowhere.txt", broken_link), ==, 0);
  /* An annotation file that is a pipe must not be opened either. */
  g_assert_cmpint (mkfifo (pipe_file, 0600), ==, 0);

  listing = gloss_corpus_listing_new (folder, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listing->articles->len, ==, 4);
  g_assert_cmpuint (listing->annotators->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (listing->annotators, 0), ==, "alice");
  g_assert_cmpstr (g_ptr_array_index (listing->annotators, 2), ==, "carol");
  g_assert_true (skipped (listing, "pipe.txt", "named pipe", TRUE));
  g_assert_true (skipped (listing, "up", "already scanned", FALSE));
  g_assert_true (skipped (listing, "gone.txt.alice.gloss.json", "gone.txt", TRUE));
  g_assert_true (skipped (listing, "broken.txt", "broken link", TRUE));
  g_assert_true (skipped (listing, "a.txt.dave.gloss.json", "named pipe", TRUE));
  g_assert_cmpuint (listing->skipped->len, ==, 5);

  statuses = gloss_corpus_status_scan (listing, NULL, NULL);
  g_assert_cmpuint (statuses->len, ==, 4);

  g_assert_cmpstr (status_of (statuses, "a.txt")->title, ==, "First line, trimmed");
  g_assert_cmpstr (status_of (statuses, "c.html")->title, ==, "The page title");
  g_assert_null (status_of (statuses, "a.txt")->problem);

  work = work_of (statuses, "a.txt", "alice");
  g_assert_cmpint (work->status, ==, GLOSS_WORK_DONE);
  g_assert_cmpuint (work->n_passages, ==, 1);
  g_assert_nonnull (work->done_at);
  g_assert_cmpint (work->modified, >, 0);
  work = work_of (statuses, "a.txt", "bob");
  g_assert_cmpint (work->status, ==, GLOSS_WORK_IN_PROGRESS);
  g_assert_cmpuint (work->n_passages, ==, 2);
  g_assert_null (work->done_at);
  work = work_of (statuses, "a.txt", "carol");
  g_assert_cmpint (work->status, ==, GLOSS_WORK_NOT_STARTED);
  g_assert_null (work->file);
  g_assert_cmpint (work->modified, ==, -1);

  work = work_of (statuses, "b.txt", "alice");
  g_assert_cmpint (work->status, ==, GLOSS_WORK_NOT_STARTED);
  g_assert_nonnull (work->file);
  work = work_of (statuses, "b.txt", "carol");
  g_assert_cmpint (work->status, ==, GLOSS_WORK_NEEDS_ATTENTION);
  g_assert_nonnull (strstr (work->reason, "b.txt.carol.gloss.json"));

  /* Moved passages need attention even in a file marked done. */
  work = work_of (statuses, "d.xml", "bob");
  g_assert_cmpint (work->status, ==, GLOSS_WORK_NEEDS_ATTENTION);
  g_assert_cmpuint (work->n_moved, ==, 1);
  g_assert_cmpuint (work->n_orphaned, ==, 0);
  g_assert_nonnull (strstr (work->reason, "1 passage moved"));

  bob_only = gloss_corpus_status_scan (listing, "bob", NULL);
  g_assert_cmpuint (status_of (bob_only, "c.html")->work->len, ==, 1);
  g_assert_cmpint (work_of (bob_only, "c.html", "bob")->status, ==, GLOSS_WORK_NOT_STARTED);
  g_assert_true (g_file_test (notes, G_FILE_TEST_EXISTS));
}

static void
test_unreadable (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *a = write_article (f, "a.txt", "Some text.\n");
  g_autofree char *bin = write_article (f, "bin.txt", "");
  g_autofree char *locked = g_build_filename (f->dir, "locked", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autoptr(GFile) empty = NULL;
  g_autoptr(GlossCorpusListing) listing = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GError) error = NULL;
  GlossArticleStatus *status;

  annotate (a, "alice", FALSE, 0, 4, G_MAXUINT);
  /* A binary file is not an article Gloss can read. */
  g_assert_true (g_file_set_contents (bin, "\0\1\2binary", 9, NULL));
  {
    g_autofree char *bin_file = g_strconcat (bin, ".alice.gloss.json", NULL);
    g_autofree char *a_file = g_strconcat (a, ".alice.gloss.json", NULL);
    g_autofree char *copy = read_file (a_file);

    write_file (bin_file, copy);
  }
  g_mkdir (locked, 0000);

  listing = gloss_corpus_listing_new (folder, NULL, &error);
  g_assert_no_error (error);
  statuses = gloss_corpus_status_scan (listing, NULL, NULL);
  status = status_of (statuses, "bin.txt");
  g_assert_nonnull (status->problem);
  g_assert_nonnull (strstr (status->problem, "bin.txt"));
  g_assert_cmpint (work_of (statuses, "bin.txt", "alice")->status, ==, GLOSS_WORK_NEEDS_ATTENTION);
  g_assert_cmpint (work_of (statuses, "a.txt", "alice")->status, ==, GLOSS_WORK_IN_PROGRESS);
  /* Root reads every folder; others cannot read this one. */
  if (access (locked, R_OK) != 0)
    g_assert_true (skipped (listing, "locked", "cannot be read", TRUE));
  g_chmod (locked, 0755);

  /* Not a folder at all. */
  empty = g_file_new_for_path (a);
  g_clear_pointer (&listing, gloss_corpus_listing_free);
  listing = gloss_corpus_listing_new (empty, NULL, &error);
  g_assert_null (listing);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
}

/* A relation whose end is missing from the file needs attention, and
 * says so in words. */
static void
test_dangling_relation (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = annotated_article (f);
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autoptr(GlossCorpusListing) listing = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GlossAnnotatorWork *work;

  text = add_member (path, "\"relations\": [ { \"id\": \"r1\", \"type\": \"about\","
                           " \"source\": \"nowhere\", \"target\": \"gone\" } ]");

  listing = gloss_corpus_listing_new (folder, NULL, &error);
  g_assert_no_error (error);
  statuses = gloss_corpus_status_scan (listing, NULL, NULL);
  work = work_of (statuses, "a.txt", "alice");
  g_assert_cmpint (work->status, ==, GLOSS_WORK_NEEDS_ATTENTION);
  g_assert_cmpuint (work->n_relations_attention, ==, 1);
  g_assert_cmpuint (work->n_orphaned, ==, 0);
  g_assert_nonnull (strstr (work->reason, "1 relation with a missing or orphaned end"));
  g_assert_nonnull (strstr (work->reason, "a.txt.alice.gloss.json"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/corpus-status/done/mark", Fixture, NULL, dir_fixture_set_up, test_done_mark,
              dir_fixture_tear_down);
  g_test_add ("/corpus-status/done/not-object", Fixture, NULL, dir_fixture_set_up,
              test_done_not_object, dir_fixture_tear_down);
  g_test_add ("/corpus-status/done/changed-on-disk", Fixture, NULL, dir_fixture_set_up,
              test_done_changed_on_disk, dir_fixture_tear_down);
  g_test_add ("/corpus-status/scan", Fixture, NULL, dir_fixture_set_up, test_scan, dir_fixture_tear_down);
  g_test_add ("/corpus-status/dangling-relation", Fixture, NULL, dir_fixture_set_up,
              test_dangling_relation, dir_fixture_tear_down);
  g_test_add ("/corpus-status/unreadable", Fixture, NULL, dir_fixture_set_up, test_unreadable,
              dir_fixture_tear_down);

  return g_test_run ();
}
