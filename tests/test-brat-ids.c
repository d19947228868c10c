/* test-brat-ids.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* brat ids other than brat's own numbering (T1, T2, ...): other tools
 * write T01, T1a or numbers past any line count, and the notes,
 * relations and attributes that point at them are imported as those on
 * T1 are, each id told apart from the others and kept for the way
 * back. */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "format-test-util.h"
#include "gloss-annotation-file.h"
#include "gloss-import.h"

#define RELATED_TEXT "Acme said profits doubled; Zenith said it cut costs.\n"

#define ANN \
  "T01\tcompany 0 4\tAcme\n" \
  "T1\tclaim 10 25\tprofits doubled\n" \
  "T1a\tcompany 27 33\tZenith\n" \
  "T4294967296\tclaim 39 51\tit cut costs\n" \
  "#1\tAnnotatorNotes T01\ton Acme\n" \
  "#2\tAnnotatorNotes T4294967296\ton the costs\n" \
  "R1\tsaid-by Arg1:T1 Arg2:T01\t\n" \
  "R2\tsaid-by Arg1:T4294967296 Arg2:T1a\t\n" \
  "R3\tabout Arg1:T1 Arg2:T001\t\n" \
  "A1\tverdict T4294967296 misleading\n" \
  "A2\tverdict T1 true\n"

static void
test_other_ids (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *txt = fixture_write (f, "a.txt", RELATED_TEXT);
  g_autofree char *ann = fixture_write (f, "a.ann", ANN);
  g_autofree char *back_path = g_build_filename (f->dir, "a.txt.bob.gloss.json", NULL);
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autofree char *again_path = g_build_filename (out, "bob", "a.ann", NULL);
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("brat"));
  g_autoptr(GlossAnnotationFile) back = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *annotations = NULL;
  g_autofree char *relations = NULL;
  g_autofree char *again = NULL;
  GListModel *model;

  gloss_importer_set_annotator (importer, "bob");
  g_assert_true (import_one (importer, ann, NULL));
  notes = notes_of (importer);
  g_test_message ("%s", notes);

  /* T001 is not T01 nor T1. */
  g_assert_nonnull (strstr (notes, "a.ann:9: R3 points at T001, which is not a span Gloss imported"));
  g_assert_cmpuint (gloss_importer_get_n_kept (importer), ==, 1);

  back = open_file (back_path);
  annotations = describe_annotations (back, TRUE);
  g_assert_cmpstr (annotations, ==,
                   "company 0 4 Acme|claim 10 25 profits doubled|"
                   "company 27 33 Zenith|claim 39 51 it cut costs|");
  relations = describe_relations (back);
  g_assert_cmpstr (relations, ==,
                   "profits doubled {'verdict': <'true'>}|"
                   "it cut costs {'verdict': <'misleading'>}|"
                   "said-by it cut costs -> Zenith ()|"
                   "said-by profits doubled -> Acme ()|");
  model = G_LIST_MODEL (gloss_annotation_file_get_layer (back));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (model, i);
      const char *quote = gloss_annotation_get_quote (a);

      if (strcmp (quote, "Acme") == 0)
        g_assert_cmpstr (gloss_annotation_get_note (a), ==, "on Acme");
      else if (strcmp (quote, "it cut costs") == 0)
        g_assert_cmpstr (gloss_annotation_get_note (a), ==, "on the costs");
      else
        g_assert_cmpstr (gloss_annotation_get_note (a), ==, "");
    }

  /* Out again: the spans, their notes and the relations and attributes
   * on them keep their ids. */
  export_to_folder (gloss_format_lookup ("brat"), out, txt);
  again = read_file (again_path);
  g_test_message ("%s", again);
  g_assert_nonnull (strstr (again, "T01\tcompany 0 4\tAcme\n"));
  g_assert_nonnull (strstr (again, "T4294967296\tclaim 39 51\tit cut costs\n"));
  g_assert_nonnull (strstr (again, "#1\tAnnotatorNotes T01\ton Acme\n"));
  g_assert_nonnull (strstr (again, "#2\tAnnotatorNotes T4294967296\ton the costs\n"));
  g_assert_nonnull (strstr (again, "R1\tsaid-by Arg1:T1 Arg2:T01\t\n"));
  g_assert_nonnull (strstr (again, "A1\tverdict T4294967296 misleading\n"));
}

int
main (int   argc,
      char *argv[])
{
  format_test_init (&argc, &argv);

  ADD_TEST ("/brat/import/other-ids", test_other_ids);

  return g_test_run ();
}
