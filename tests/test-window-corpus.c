/* test-window-corpus.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A folder as a corpus in a real window, driven through its actions and
 * widgets: the articles listed with each annotator's status, filtered by
 * text and by status, an article opened from the list in the same
 * window, Next Article saving the one shown, Mark Done written in the
 * user's file and taken back, files added, changed and deleted behind
 * the window's back, and a folder with a broken annotation file, a named
 * pipe and a link back up the tree; gloss-assignments.csv shown, followed
 * and refused when malformed or not a regular file. */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

#include "article-test-util.h"
#include "file-test-util.h"
#include "gloss-annotation-file.h"

typedef struct
{
  char *dir;
  GlossWindow *window;
} Fixture;

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}


/* Writes @annotator's file on @article (in @f's folder) with a passage on
 * each of @words. */
static void
annotate_words (Fixture            *f,
                const char         *article,
                const char         *annotator,
                const char         *name,
                const char * const *words)
{
  g_autofree char *path = path_in (f, article);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossSource) source = gloss_source_new_from_plain_text (file, 0, NULL, NULL);
  g_autoptr(GlossAnnotationFile) annotations = gloss_annotation_file_new (source, annotator, name);
  g_autoptr(GError) error = NULL;
  const char *text = gloss_source_get_text (source);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *found = strstr (text, words[i]);

      g_assert_nonnull (found);
      gloss_layer_annotate (gloss_annotation_file_get_layer (annotations), "company",
                            g_utf8_pointer_to_offset (text, found),
                            g_utf8_pointer_to_offset (text, found) + g_utf8_strlen (words[i], -1), NULL);
    }
  g_assert_true (gloss_annotation_file_save (annotations, GLOSS_SAVE_OVERWRITE, NULL, &error));
  g_assert_no_error (error);
}

static GlossCorpusView *
corpus (Fixture *f)
{
  return gloss_window_get_corpus_view (f->window);
}

static gboolean
scanned (gpointer data)
{
  Fixture *f = data;

  return !gloss_corpus_view_is_scanning (corpus (f));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sub = NULL;
  g_autoptr(GFile) folder = NULL;

  f->dir = g_dir_make_tmp ("gloss-corpus-window-XXXXXX", &error);
  g_assert_no_error (error);
  sub = path_in (f, "sub");
  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  write_file_under (f->dir, "a.txt", "Amazon Web Services won the contract.\n");
  write_file_under (f->dir, "b.txt", "Zenith Ltd appealed against Amazon.\n");
  write_file_under (f->dir, "sub/c.txt", "Acme Corp paid too little.\n");
  annotate_words (f, "a.txt", "test-person", "Test Person", (const char *[]) { "Amazon", NULL });
  annotate_words (f, "a.txt", "ben", "Ben", (const char *[]) { "Amazon", "contract", NULL });
  annotate_words (f, "b.txt", "ben", "Ben", (const char *[]) { "Zenith", NULL });

  f->window = gloss_window_new (test_application ());
  gtk_window_present (GTK_WINDOW (f->window));
  folder = g_file_new_for_path (f->dir);
  gloss_window_open_folder (f->window, folder);
  wait_until (scanned, f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  close_window (f->window);
  delete_tree (f->dir);
  g_free (f->dir);
}

static void
activate (GlossWindow *window,
          const char  *action)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, NULL));
  settle ();
}

/* @annotator's work on @name, as the list has it. */
static const GlossAnnotatorWork *
work_on (Fixture    *f,
         const char *name,
         const char *annotator)
{
  g_autofree char *path = path_in (f, name);
  g_autoptr(GFile) article = g_file_new_for_path (path);
  const GlossArticleStatus *status = gloss_corpus_view_get_status (corpus (f), article);

  for (guint i = 0; status != NULL && i < status->work->len; i++)
    {
      const GlossAnnotatorWork *work = g_ptr_array_index (status->work, i);

      if (g_strcmp0 (work->annotator, annotator) == 0)
        return work;
    }
  return NULL;
}

static GtkWidget *
named (GtkWidget  *root,
       const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
counts_text (Fixture *f)
{
  return gtk_label_get_text (GTK_LABEL (named (GTK_WIDGET (f->window), "corpus-counts")));
}

/* The name of the article the window shows, or NULL. */
static char *
shown_name (Fixture *f)
{
  GlossDocument *document = gloss_window_get_document (f->window);

  if (document == NULL)
    return NULL;
  return g_file_get_relative_path (g_file_new_for_path (f->dir),
                                   gloss_source_get_file (gloss_document_get_source (document)));
}

typedef struct
{
  Fixture *f;
  const char *name;
} Shown;

static gboolean
shows (gpointer data)
{
  Shown *shown = data;
  g_autofree char *name = shown_name (shown->f);

  return !gloss_window_is_loading (shown->f->window) && g_strcmp0 (name, shown->name) == 0;
}

static void
wait_shown (Fixture    *f,
            const char *name)
{
  Shown shown = { f, name };

  wait_until (shows, &shown);
}

static gboolean
one_shown (gpointer data)
{
  return gloss_corpus_view_get_n_shown (data) == 1;
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (corpus (f));

  g_assert_true (gtk_widget_get_visible (view));
  g_assert_cmpuint (gloss_corpus_view_get_n_articles (corpus (f)), ==, 3);
  g_assert_cmpint (work_on (f, "a.txt", "test-person")->status, ==, GLOSS_WORK_IN_PROGRESS);
  g_assert_cmpuint (work_on (f, "a.txt", "ben")->n_passages, ==, 2);
  g_assert_cmpint (work_on (f, "b.txt", "test-person")->status, ==, GLOSS_WORK_NOT_STARTED);
  g_assert_cmpint (work_on (f, "sub/c.txt", "ben")->status, ==, GLOSS_WORK_NOT_STARTED);
  g_assert_cmpstr (counts_text (f), ==, "0 of 3 articles done by you");

  /* By text, then Ben's articles in progress. */
  gtk_editable_set_text (GTK_EDITABLE (named (view, "corpus-search")), "zenith");
  wait_until (one_shown, corpus (f));
  gtk_editable_set_text (GTK_EDITABLE (named (view, "corpus-search")), "");
  settle ();
  g_assert_cmpuint (gloss_corpus_view_get_n_shown (corpus (f)), ==, 3);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (view, "corpus-annotator-filter")), 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (view, "corpus-status-filter")), 2);
  settle ();
  g_assert_cmpuint (gloss_corpus_view_get_n_shown (corpus (f)), ==, 2);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (view, "corpus-status-filter")), 0);
  settle ();
  g_assert_cmpuint (gloss_corpus_view_get_n_shown (corpus (f)), ==, 3);
}

typedef struct
{
  Fixture *f;
  const char *name;
  const char *annotator;
  GlossWorkStatus status;
} Expected;

static gboolean
has_status (gpointer data)
{
  Expected *expected = data;
  const GlossAnnotatorWork *work = work_on (expected->f, expected->name, expected->annotator);

  return work != NULL && work->status == expected->status;
}

static void
wait_status (Fixture         *f,
             const char      *name,
             const char      *annotator,
             GlossWorkStatus  status)
{
  Expected expected = { f, name, annotator, status };

  wait_until (has_status, &expected);
}

static gboolean
file_done (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossAnnotationFile) read_back = NULL;
  g_autoptr(GError) error = NULL;

  read_back = gloss_annotation_file_load (file, GLOSS_LOAD_NONE, NULL, &error);
  g_assert_no_error (error);
  return gloss_annotation_file_get_done (read_back);
}

static void
test_open_next_done (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *own_path = path_in (f, "a.txt.test-person.gloss.json");
  g_autofree char *b_path = path_in (f, "b.txt.test-person.gloss.json");
  g_autofree char *own_before = read_file (own_path);
  g_autofree char *own_after = NULL;
  GlossLayer *layer;

  /* The first row, opened in this window, the list still beside it. */
  g_signal_emit_by_name (corpus (f), "article-activated", gloss_corpus_view_get_shown (corpus (f), 0));
  wait_shown (f, "a.txt");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (corpus (f))));

  /* Mark Done: in the file at once, in the list, in the counts; again
   * takes it back. */
  activate (f->window, "win.mark-done");
  g_assert_true (file_done (own_path));
  wait_status (f, "a.txt", "test-person", GLOSS_WORK_DONE);
  g_assert_cmpstr (counts_text (f), ==, "1 of 3 articles done by you");
  activate (f->window, "win.mark-done");
  g_assert_false (file_done (own_path));
  wait_status (f, "a.txt", "test-person", GLOSS_WORK_IN_PROGRESS);
  /* No trace of the mark is left, the passage is as it was. */
  own_after = read_file (own_path);
  g_assert_null (strstr (own_after, "\"done\""));
  g_assert_nonnull (strstr (own_before, "\"quote\": \"Amazon\""));
  g_assert_nonnull (strstr (own_after, "\"quote\": \"Amazon\""));

  /* A passage tagged, then Next Article: saved before b.txt opens. */
  layer = gloss_document_get_layer (gloss_window_get_document (f->window));
  gloss_layer_annotate (layer, "claim", 0, 6, NULL);
  activate (f->window, "win.next-article");
  wait_shown (f, "b.txt");
  g_free (own_after);
  own_after = read_file (own_path);
  g_assert_nonnull (strstr (own_after, "\"claim\""));
  wait_status (f, "a.txt", "test-person", GLOSS_WORK_IN_PROGRESS);
  g_assert_false (g_file_test (b_path, G_FILE_TEST_EXISTS));

  /* Previous Article goes back; past the last, nothing moves. */
  activate (f->window, "win.previous-article");
  wait_shown (f, "a.txt");
  activate (f->window, "win.next-article");
  wait_shown (f, "b.txt");
  activate (f->window, "win.next-article");
  wait_shown (f, "sub/c.txt");
  activate (f->window, "win.next-article");
  wait_shown (f, "sub/c.txt");
}

static gboolean
n_articles_is (gpointer data)
{
  Expected *expected = data;

  return gloss_corpus_view_get_n_articles (corpus (expected->f)) == (guint) expected->status;
}

/* A git pull, as the window sees it: an article added, one deleted, a
 * teammate's file written. */
static void
test_follows_folder (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *b = path_in (f, "b.txt");
  g_autofree char *b_ben = path_in (f, "b.txt.ben.gloss.json");
  Expected four = { f, NULL, NULL, 4 }, three = { f, NULL, NULL, 3 };

  write_file_under (f->dir, "d.txt", "Delta Inc opened a branch.\n");
  wait_until (n_articles_is, &four);
  wait_status (f, "d.txt", "test-person", GLOSS_WORK_NOT_STARTED);

  annotate_words (f, "sub/c.txt", "ben", "Ben", (const char *[]) { "Acme", NULL });
  wait_status (f, "sub/c.txt", "ben", GLOSS_WORK_IN_PROGRESS);

  g_assert_cmpint (g_unlink (b_ben), ==, 0);
  g_assert_cmpint (g_unlink (b), ==, 0);
  wait_until (n_articles_is, &three);
}

/* A broken annotation file needs attention; a named pipe and a link back
 * up the tree are passed over, and the scan ends. */
static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *fifo = path_in (f, "pipe.txt");
  g_autofree char *loop = path_in (f, "sub/up");
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);

  write_file_under (f->dir, "b.txt.test-person.gloss.json", "{ \"format\": ");
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_cmpint (symlink (f->dir, loop), ==, 0);

  gloss_window_open_folder (f->window, folder);
  wait_until (scanned, f);
  g_assert_cmpuint (gloss_corpus_view_get_n_articles (corpus (f)), ==, 3);
  g_assert_cmpint (work_on (f, "b.txt", "test-person")->status, ==, GLOSS_WORK_NEEDS_ATTENTION);
  g_assert_nonnull (work_on (f, "b.txt", "test-person")->reason);
  g_assert_true (g_str_has_suffix (counts_text (f), "· 1 needs attention"));
}

static const char *
label_text (Fixture    *f,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (named (GTK_WIDGET (corpus (f)), name)));
}

typedef struct
{
  Fixture *f;
  const char *name;      /* a label's widget name */
  const char *text;      /* what it must hold */
} LabelSays;

static gboolean
label_says (gpointer data)
{
  LabelSays *says = data;
  GtkWidget *label = named (GTK_WIDGET (corpus (says->f)), says->name);

  return gtk_widget_get_visible (label) && strstr (gtk_label_get_text (GTK_LABEL (label)), says->text) != NULL;
}

static void
wait_label (Fixture    *f,
            const char *name,
            const char *text)
{
  LabelSays says = { f, name, text };

  wait_until (label_says, &says);
}

static gboolean
notice_hidden (gpointer data)
{
  return !gtk_widget_get_visible (named (GTK_WIDGET (corpus (data)), "corpus-assignments-notice"));
}

static char *
assigned_to (Fixture    *f,
             const char *name)
{
  g_autofree char *path = path_in (f, name);
  g_autoptr(GFile) article = g_file_new_for_path (path);
  const char * const *ids = gloss_corpus_view_get_assigned (corpus (f), article);

  return ids != NULL ? g_strjoinv (",", (char **) ids) : NULL;
}

/* Marks the user's file of @name done, as another window would. */
static void
mark_done_on_disk (Fixture    *f,
                   const char *name)
{
  g_autofree char *article = g_strconcat (name, ".test-person.gloss.json", NULL);
  g_autofree char *path = path_in (f, article);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossAnnotationFile) annotations = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  annotations = gloss_annotation_file_load (file, GLOSS_LOAD_NONE, NULL, &error);
  g_assert_no_error (error);
  gloss_annotation_file_set_done (annotations, now);
  g_assert_true (gloss_annotation_file_save (annotations, GLOSS_SAVE_OVERWRITE, NULL, &error));
  g_assert_no_error (error);
}

/* gloss-assignments.csv written, changed, broken and removed behind the
 * window's back: the counts of what is assigned, each annotator's
 * progress, the Assigned to Me filter, the Assigned column, and a notice
 * naming the line of a malformed file while the list goes on without. */
static void
test_assignments_followed (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (corpus (f));
  GtkWidget *filter = named (view, "corpus-assigned-filter");
  g_autofree char *csv = path_in (f, "gloss-assignments.csv");
  g_autofree char *ids = NULL;

  /* Without the file, everyone sees everything. */
  g_assert_false (gtk_widget_get_visible (filter));
  g_assert_false (gtk_widget_get_visible (named (view, "corpus-assigned-progress")));
  g_assert_cmpstr (counts_text (f), ==, "0 of 3 articles done by you");
  g_assert_null (assigned_to (f, "a.txt"));

  write_file_under (f->dir, "gloss-assignments.csv",
                    "article,annotator\r\n"
                    "a.txt,test-person\r\n"
                    "sub/c.txt,test-person\r\n"
                    "a.txt,ben\r\n"
                    "\"b.txt\",ben\r\n"
                    "gone.txt,ben\r\n");
  wait_label (f, "corpus-counts", "0 of 2 assigned to you done");
  g_assert_cmpstr (counts_text (f), ==, "0 of 2 assigned to you done");
  g_assert_cmpstr (label_text (f, "corpus-assigned-progress"), ==, "ben: 0 of 2 done · test-person: 0 of 2 done");
  g_assert_true (gtk_widget_get_visible (filter));
  ids = assigned_to (f, "a.txt");
  g_assert_cmpstr (ids, ==, "ben,test-person");
  /* The line naming no article is a warning, the rest applies. */
  wait_label (f, "corpus-assignments-notice", "gloss-assignments.csv, line 6: “gone.txt” is not an article of the folder");

  /* Assigned to Me, alone and with the text filter. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (filter), TRUE);
  settle ();
  g_assert_cmpuint (gloss_corpus_view_get_n_shown (corpus (f)), ==, 2);
  g_assert_null (gloss_corpus_view_get_neighbour (corpus (f), gloss_corpus_view_get_shown (corpus (f), 1), 1));
  gtk_editable_set_text (GTK_EDITABLE (named (view, "corpus-search")), "acme");
  wait_until (one_shown, corpus (f));
  gtk_editable_set_text (GTK_EDITABLE (named (view, "corpus-search")), "");
  settle ();
  g_assert_cmpuint (gloss_corpus_view_get_n_shown (corpus (f)), ==, 2);

  /* Done in another window: the counts follow. */
  mark_done_on_disk (f, "a.txt");
  wait_label (f, "corpus-counts", "1 of 2 assigned to you done");
  g_assert_cmpstr (label_text (f, "corpus-assigned-progress"), ==, "ben: 0 of 2 done · test-person: 1 of 2 done");

  /* Changed: b.txt is now the user's too, and a.txt Carol's, who has
   * no file yet: she gets a column. */
  write_file_under (f->dir, "gloss-assignments.csv",
                    "annotator,article\n"
                    "test-person,a.txt\n"
                    "test-person,sub/c.txt\n"
                    "test-person,b.txt\n"
                    "carol,a.txt\n");
  wait_label (f, "corpus-counts", "1 of 3 assigned to you done");
  wait_until (notice_hidden, f);
  g_assert_cmpstr (label_text (f, "corpus-assigned-progress"), ==, "carol: 0 of 1 done · test-person: 1 of 3 done");
  g_assert_true (g_strv_contains (gloss_corpus_view_get_annotators (corpus (f)), "carol"));
  g_assert_cmpuint (gloss_corpus_view_get_n_shown (corpus (f)), ==, 3);

  /* Malformed: the notice names the file and the line; the list goes on
   * without assignments. */
  write_file_under (f->dir, "gloss-assignments.csv", "article,annotator\na.txt,test-person\nb.txt,Ben Smith\n");
  wait_label (f, "corpus-assignments-notice", "gloss-assignments.csv, line 3: “Ben Smith” is not an annotator id");
  g_assert_cmpstr (counts_text (f), ==, "1 of 3 articles done by you");
  g_assert_false (gtk_widget_get_visible (filter));
  g_assert_cmpuint (gloss_corpus_view_get_n_shown (corpus (f)), ==, 3);
  g_clear_pointer (&ids, g_free);
  ids = assigned_to (f, "a.txt");
  g_assert_null (ids);

  /* Removed: no notice, everyone sees everything. */
  g_assert_cmpint (g_unlink (csv), ==, 0);
  wait_until (notice_hidden, f);
  g_assert_cmpstr (counts_text (f), ==, "1 of 3 articles done by you");
}

/* A file there when the folder opens shows at once; a named pipe in its
 * place is named in the notice, never opened for long, and the list
 * works. */
static void
test_assignments_at_open (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *csv = path_in (f, "gloss-assignments.csv");
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autofree char *ids = NULL;

  write_file_under (f->dir, "gloss-assignments.csv",
                    "\xef\xbb\xbf" "Article,Annotator\nb.txt,test-person\nb.txt,carol\nlater.txt,test-person\n");
  gloss_window_open_folder (f->window, folder);
  wait_until (scanned, f);
  wait_label (f, "corpus-assignments-notice", "line 4: “later.txt” is not an article of the folder");
  g_assert_cmpstr (counts_text (f), ==, "0 of 1 assigned to you done");

  /* The article the line names arrives: the warning goes, the count
   * takes it. */
  write_file_under (f->dir, "later.txt", "Lambda arrived later.\n");
  wait_until (notice_hidden, f);
  wait_label (f, "corpus-counts", "0 of 2 assigned to you done");
  ids = assigned_to (f, "b.txt");
  g_assert_cmpstr (ids, ==, "carol,test-person");
  /* Carol, assigned before writing any file, has her column's work. */
  g_assert_nonnull (work_on (f, "b.txt", "carol"));
  g_assert_cmpint (work_on (f, "b.txt", "carol")->status, ==, GLOSS_WORK_NOT_STARTED);

  g_assert_cmpint (g_unlink (csv), ==, 0);
  g_assert_cmpint (mkfifo (csv, 0644), ==, 0);
  gloss_window_open_folder (f->window, folder);
  wait_until (scanned, f);
  wait_label (f, "corpus-assignments-notice", "gloss-assignments.csv” is not a regular file");
  g_assert_cmpuint (gloss_corpus_view_get_n_articles (corpus (f)), ==, 4);
  g_assert_cmpstr (counts_text (f), ==, "0 of 4 articles done by you");
}

int
main (int    argc,
      char **argv)
{
  article_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/corpus-window/list", test_list);
  ADD ("/corpus-window/open-next-done", test_open_next_done);
  ADD ("/corpus-window/follows-folder", test_follows_folder);
  ADD ("/corpus-window/bad-input", test_bad_input);
  ADD ("/corpus-window/assignments/followed", test_assignments_followed);
  ADD ("/corpus-window/assignments/at-open", test_assignments_at_open);

#undef ADD

  return article_test_run ();
}
