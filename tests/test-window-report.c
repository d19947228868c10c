/* test-window-report.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <string.h>

#include "article-test-util.h"
#include "cli-test-util.h"

/* Export → Agreement Report in a window: the action the file chooser's
 * answer runs, given the file directly; the report is written in a
 * thread, with the user's own layer saved first and the teammates' files
 * beside the article, and said in the banner. */

#define ARTICLE "The council approved the budget. Critics said the plan was rushed.\n"

typedef struct
{
  char *dir;
  char *article;
  GlossWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  f->dir = g_dir_make_tmp ("gloss-window-report-XXXXXX", &error);
  g_assert_no_error (error);
  f->article = g_build_filename (f->dir, "a.txt", NULL);
  write_file (f->article, ARTICLE);
  g_assert_cmpint (run_cli_in (f->dir, NULL, &out, &err, "annotate", "--annotator", "alice",
                               "--name", "Alice Moreau", "--tag", "claim", "--start", "0", "--end", "32",
                               "a.txt", NULL), ==, 0);
  g_assert_cmpint (run_cli_in (f->dir, NULL, &out, &err, "annotate", "--annotator", "bob",
                               "--name", "Bob Okafor", "--tag", "claim", "--start", "0", "--end", "20",
                               "a.txt", NULL), ==, 0);
  f->window = open_window (f->article);
  /* Opening offers the teammates' files in the banner; the tests wait for
   * the banner of the report, so the offer is answered first. */
  g_assert_nonnull (strstr (gloss_window_get_banner_text (f->window), "teammates’ files"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.hide-teammates", NULL));
  g_assert_null (gloss_window_get_banner_text (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  close_window (f->window);
  delete_tree (f->dir);
  g_free (f->dir);
  g_free (f->article);
}

static gboolean
has_banner (gpointer data)
{
  return gloss_window_get_banner_text (data) != NULL;
}

static guint
count (htmlDocPtr  doc,
       const char *xpath)
{
  xmlXPathContextPtr context = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result = xmlXPathEvalExpression ((const xmlChar *) xpath, context);
  guint n = result != NULL && result->nodesetval != NULL ? (guint) result->nodesetval->nodeNr : 0;

  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);
  return n;
}

static void
test_write (Fixture       *f,
            gconstpointer  data)
{
  GlossDocument *document = gloss_window_get_document (f->window);
  GlossLayer *own = gloss_document_get_layer (document);
  g_autofree char *path = g_build_filename (f->dir, "report.html", NULL);
  g_autofree char *own_row = NULL;
  htmlDocPtr doc;

  /* The user's own passage, not saved yet: the report saves it first. */
  g_assert_nonnull (gloss_layer_annotate (own, "claim", 33, 66, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-report-to", "s", path));
  wait_until (has_banner, f->window);
  g_assert_nonnull (strstr (gloss_window_get_banner_text (f->window), "report.html"));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  doc = htmlReadFile (path, "UTF-8", HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  own_row = g_strdup_printf ("//ul[@id='annotators']/li[@data-annotator='%s']",
                             gloss_layer_get_annotator_id (own));
  g_assert_cmpuint (count (doc, "//ul[@id='annotators']/li[@data-annotator='alice']"), ==, 1);
  g_assert_cmpuint (count (doc, "//ul[@id='annotators']/li[@data-annotator='bob']"), ==, 1);
  g_assert_cmpuint (count (doc, own_row), ==, 1);
  g_assert_cmpuint (count (doc, "//svg[@class='heatmap']"), ==, 3);
  g_assert_cmpuint (count (doc, "//section[@data-article='a.txt']"), ==, 1);
  xmlFreeDoc (doc);
}

static void
test_refuses_input (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *before = read_file (f->article);
  g_autofree char *after = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-report-to", "s",
                                             f->article));
  wait_until (has_banner, f->window);
  g_assert_nonnull (strstr (gloss_window_get_banner_text (f->window), "will not replace"));
  after = read_file (f->article);
  g_assert_cmpstr (before, ==, after);
}

int
main (int    argc,
      char **argv)
{
  article_test_init (&argc, &argv);

  g_test_add ("/window-report/write", Fixture, NULL, fixture_set_up, test_write, fixture_tear_down);
  g_test_add ("/window-report/refuses-input", Fixture, NULL, fixture_set_up, test_refuses_input,
              fixture_tear_down);

  return article_test_run ();
}
