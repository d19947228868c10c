/* test-import.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "format-test-util.h"
#include "gloss-annotation-file.h"
#include "gloss-export.h"
#include "gloss-import.h"
#include "gloss-json-reader.h"

/* The imports: brat, doccano, W3C and Label Studio files (the third-party
 * samples of GLOSS_TESTDATA and our own with emoji, CRLF and a byte order
 * mark) become annotation files whose spans hold the text they claim, and
 * what goes back out is what came in. */

/* The lines of @text that start with one of @kinds, in order. */
static char *
lines_of_kind (const char *text,
               const char *kinds)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0' && strchr (kinds, lines[i][0]) != NULL)
      g_string_append_printf (out, "%s\n", lines[i]);

  return g_string_free (out, FALSE);
}

/* brat ------------------------------------------------------------------ */

static void
test_brat_round_trip (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *news = testdata_path ("brat-news");
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("brat"));
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  const char *name;
  guint pairs = 0, t_lines = 0, notes = 0, others = 0, unmodelled = 0;

  if (news == NULL)
    {
      g_test_skip ("brat-news is not in GLOSS_TESTDATA");
      return;
    }

  dir = g_dir_open (news, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *from = g_build_filename (news, name, NULL);
      g_autofree char *to = g_build_filename (f->dir, name, NULL);

      if (g_str_has_suffix (name, ".ann") || g_str_has_suffix (name, ".txt"))
        copy_file (from, to);
    }

  g_dir_rewind (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *ann = g_build_filename (f->dir, name, NULL);
      g_autofree char *stem = NULL;
      g_autofree char *txt = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *exported = NULL;
      g_autofree char *t_before = NULL;
      g_autofree char *t_after = NULL;

      if (!g_str_has_suffix (name, ".ann"))
        continue;

      import_one (importer, ann, NULL);
      stem = g_strndup (ann, strlen (ann) - 4);
      txt = g_strconcat (stem, ".txt", NULL);
      export_to_folder (gloss_format_lookup ("brat"), out, txt);

      before = read_file (ann);
      {
        g_autofree char *base = g_path_get_basename (stem);
        g_autofree char *ann_name = g_strconcat (base, ".ann", NULL);

        exported = g_build_filename (out, "brat", ann_name, NULL);
      }
      after = read_file (exported);

      /* The T and # lines are the same, ids and order included. */
      t_before = lines_of_kind (before, "T#");
      t_after = lines_of_kind (after, "T#");
      g_assert_cmpstr (t_after, ==, t_before);
      /* And so is everything else: relations, events, attributes... */
      g_assert_cmpstr (after, ==, before);

      {
        g_auto(GStrv) lines = g_strsplit (before, "\n", -1);

        for (guint i = 0; lines[i] != NULL; i++)
          {
            t_lines += lines[i][0] == 'T';
            notes += lines[i][0] == '#';
            others += lines[i][0] != '\0' && lines[i][0] != 'T' && lines[i][0] != '#';
            unmodelled += lines[i][0] != '\0' && strchr ("T#RAM", lines[i][0]) == NULL;
          }
      }
      pairs++;
    }

  g_test_message ("%u pairs: %u T lines, %u notes, %u other lines", pairs, t_lines, notes, others);
  g_assert_cmpuint (pairs, ==, 13);
  g_assert_cmpuint (others, >, 0);
  /* Relations and attributes between passages are modelled; the other
   * lines (events, normalisations, equivalences, and relations or
   * attributes of events) are kept as they are and counted in the
   * report. */
  g_assert_cmpuint (gloss_importer_get_n_kept (importer), >=, unmodelled);
  g_assert_cmpuint (gloss_importer_get_n_kept (importer), <, others);
  g_assert_cmpuint (gloss_importer_get_notes (importer)->len, >, 0);
}

#define BRAT_TEXT "Acme and Corp, Alice works there.\n"
#define BRAT_ANN "T1\tOrganization 0 4;9 13\tAcme Corp\n" \
                 "T2\tPerson 15 20\tAlice\n" \
                 "#1\tAnnotatorNotes T1\tOne firm, \"two\" words\n" \
                 "R1\tEmployment Arg1:T2 Arg2:T1\t\n" \
                 "A1\tNegated T2\n"

static gboolean
notes_mention (GlossImporter *importer,
               const char    *text)
{
  GPtrArray *notes = gloss_importer_get_notes (importer);

  for (guint i = 0; i < notes->len; i++)
    if (strstr (g_ptr_array_index (notes, i), text) != NULL)
      return TRUE;

  return FALSE;
}

static void
test_brat_discontinuous (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *txt = fixture_write (f, "a.txt", BRAT_TEXT);
  g_autofree char *ann = fixture_write (f, "a.ann", BRAT_ANN);
  g_autofree char *afile_path = g_strconcat (txt, ".brat.gloss.json", NULL);
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autofree char *exported_path = g_build_filename (out, "brat", "a.ann", NULL);
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("brat"));
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autofree char *description = NULL;
  g_autofree char *exported = NULL;
  g_autoptr(GError) error = NULL;
  GlossLayer *layer;
  GlossAnnotation *a, *b;

  g_assert_true (import_one (importer, ann, NULL));
  g_assert_cmpuint (gloss_importer_get_n_annotations (importer), ==, 3);
  /* The relation and the attribute are modelled now: nothing kept. */
  g_assert_cmpuint (gloss_importer_get_n_kept (importer), ==, 0);

  file = open_file (afile_path);
  description = describe_annotations (file, TRUE);
  g_assert_cmpstr (description, ==, "organization 0 4 Acme|organization 9 13 Corp|person 15 20 Alice|");

  /* Both pieces: one group key, the note, brat's label. */
  layer = gloss_annotation_file_get_layer (file);
  a = g_list_model_get_item (G_LIST_MODEL (layer), 0);
  b = g_list_model_get_item (G_LIST_MODEL (layer), 1);
  g_assert_cmpstr (json_object_get_string_member (gloss_annotation_get_extra (a), "x-group"), ==,
                   "brat:T1");
  g_assert_cmpstr (json_object_get_string_member (gloss_annotation_get_extra (b), "x-group"), ==,
                   "brat:T1");
  g_assert_cmpstr (json_object_get_string_member (gloss_annotation_get_extra (a), "x-label"), ==,
                   "Organization");
  g_assert_cmpstr (gloss_annotation_get_note (a), ==, "One firm, \"two\" words");
  g_assert_cmpstr (gloss_annotation_get_note (b), ==, "One firm, \"two\" words");
  /* R1 from Alice to the firm's first piece, with brat's type as its
   * label; A1 a binary attribute, true, which the codebook gained. */
  g_assert_cmpuint (gloss_layer_get_n_relations (layer), ==, 1);
  {
    GlossRelation *r = gloss_layer_get_relation (layer, 0);
    GlossAnnotation *alice = g_list_model_get_item (G_LIST_MODEL (layer), 2);
    g_autoptr(GVariant) negated = gloss_annotation_dup_attribute (alice, "negated");

    g_assert_cmpstr (gloss_relation_get_rel_type (r), ==, "employment");
    g_assert_cmpstr (gloss_relation_get_source (r), ==, gloss_annotation_get_id (alice));
    g_assert_cmpstr (gloss_relation_get_target (r), ==, gloss_annotation_get_id (a));
    g_assert_cmpstr (json_object_get_string_member (gloss_relation_get_extra (r), "x-brat-id"), ==, "R1");
    g_assert_nonnull (negated);
    g_assert_true (g_variant_get_boolean (negated));
    /* The codebook lists neither: the report says so. */
    g_assert_true (notes_mention (importer, "a.ann: the codebook has no relation type “employment”"));
    g_assert_true (notes_mention (importer, "a.ann: the codebook has no attribute “negated”"));
    g_object_unref (alice);
  }
  g_object_unref (a);
  g_object_unref (b);

  export_to_folder (gloss_format_lookup ("brat"), out, txt);
  exported = read_file (exported_path);
  g_assert_cmpstr (exported, ==, BRAT_ANN);
  g_clear_pointer (&exported, g_free);

  /* Alice deleted in Gloss, a new annotation added: the relation and the
   * attribute that pointed at her go, the new span gets the next id. */
  a = g_list_model_get_item (G_LIST_MODEL (layer), 2);
  gloss_layer_remove (layer, a);
  g_object_unref (a);
  g_assert_nonnull (gloss_layer_annotate (layer, "claim", 21, 26, "New\nnote"));
  gloss_annotation_file_save (file, GLOSS_SAVE_NONE, NULL, &error);
  g_assert_no_error (error);

  export_to_folder (gloss_format_lookup ("brat"), out, txt);
  exported = read_file (exported_path);
  g_assert_cmpstr (exported, ==,
                   "T1\tOrganization 0 4;9 13\tAcme Corp\n"
                   "#1\tAnnotatorNotes T1\tOne firm, \"two\" words\n"
                   "T3\tclaim 21 26\tworks\n"
                   "#2\tAnnotatorNotes T3\tNew note\n");
}

static void
test_brat_mismatch (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *txt = fixture_write (f, "a.txt", BRAT_TEXT);
  g_autofree char *ann = fixture_write (f, "a.ann",
                                     "T1\tOrganization 0 4\tAcme\n"
                                     "T2\tPerson 16 21\tAlice\n"
                                     "T3\tPerson 30 99\tthere\n");
  g_autofree char *afile_path = g_strconcat (txt, ".brat.gloss.json", NULL);
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("brat"));
  g_autofree char *message = NULL;

  g_assert_false (import_one (importer, ann, &message));
  /* Each problem with its file and line; nothing written. */
  g_assert_nonnull (strstr (message, "a.ann:2: T2 says “Alice” but the article has “lice ” there"));
  g_assert_nonnull (strstr (message, "a.ann:3: T3: the span 30–99 is empty or outside the article"));
  g_assert_false (g_file_test (afile_path, G_FILE_TEST_EXISTS));
}

static void
test_brat_bom_crlf (Fixture       *f,
                    gconstpointer  data)
{
  /* brat counts the byte order mark and each \r as characters, as Gloss. */
  g_autofree char *txt = fixture_write (f, "a.txt", "\xEF\xBB\xBF" "Acme 😀\r\nZenith\r\n");
  g_autofree char *ann = fixture_write (f, "a.ann",
                                     "T1\tOrg 1 5\tAcme\r\n"
                                     "T2\tOrg 9 15\tZenith\r\n"
                                     "T3\tOrg 6 15\t😀 Zenyth\r\n");
  g_autofree char *afile_path = g_strconcat (txt, ".brat.gloss.json", NULL);
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autofree char *exported_path = g_build_filename (out, "brat", "a.ann", NULL);
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("brat"));
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autofree char *description = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *message = NULL;

  /* A text column that is not the article's, line break aside. */
  g_assert_false (import_one (importer, ann, &message));
  g_assert_nonnull (strstr (message, "a.ann:3: T3 says “😀 Zenyth” but the article has “😀\r\nZenith” there"));
  g_clear_pointer (&message, g_free);

  g_file_set_contents (ann, "T1\tOrg 1 5\tAcme\r\nT2\tOrg 9 15\tZenith\r\nT3\tOrg 6 7;9 12\t😀 Zen\r\n",
                       -1, NULL);
  g_assert_true (import_one (importer, ann, NULL));
  file = open_file (afile_path);
  description = describe_annotations (file, TRUE);
  g_assert_cmpstr (description, ==, "org 1 5 Acme|org 6 7 😀|org 9 12 Zen|org 9 15 Zenith|");

  /* The lines come back with LF ends. */
  export_to_folder (gloss_format_lookup ("brat"), out, txt);
  exported = read_file (exported_path);
  g_assert_cmpstr (exported, ==, "T1\tOrg 1 5\tAcme\nT2\tOrg 9 15\tZenith\nT3\tOrg 6 7;9 12\t😀 Zen\n");
}

/* doccano --------------------------------------------------------------- */

static void
test_doccano_samples (Fixture       *f,
                      gconstpointer  data)
{
  static const struct
  {
    const char *input;
    const char *files[3];
    const char *spans[3];
  } cases[] = {
    { "data_export-sequence_labeling-example.jsonl",
      { "data_export-sequence_labeling-example-0001.txt", "data_export-sequence_labeling-example-0002.txt",
        "data_export-sequence_labeling-example-0003.txt" },
      { "org 0 2 EU|misc 11 17 German|", "person 0 15 Peter Blackburn|", "person 10 15 Obama|" } },
    { "data_import-sequence_labeling-example.jsonl",
      { "data_import-sequence_labeling-example-0001.txt", "data_import-sequence_labeling-example-0002.txt",
        "data_import-sequence_labeling-example-0003.txt" },
      { "org 0 2 EU|", "person 0 15 Peter Blackburn|", "person 10 15 Obama|" } },
    { "data_export-relation_extraction-example.jsonl",
      { "data_export-relation_extraction-example-0001.txt" },
      { "org 0 6 Google|date 22 39 September 4, 1998|person 44 54 Larry Page|"
        "person 59 70 Sergey Brin|" } },
  };
  g_autofree char *folder = testdata_path ("doccano");

  if (folder == NULL)
    {
      g_test_skip ("the doccano samples are not in GLOSS_TESTDATA");
      return;
    }

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *from = g_build_filename (folder, cases[c].input, NULL);
      g_autofree char *to = g_build_filename (f->dir, cases[c].input, NULL);
      g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("doccano"));

      copy_file (from, to);
      g_assert_true (import_one (importer, to, NULL));

      for (guint i = 0; i < G_N_ELEMENTS (cases[c].files) && cases[c].files[i]; i++)
        {
          g_autofree char *path = g_build_filename (f->dir, cases[c].files[i], NULL);
          g_autofree char *afile = g_strconcat (path, ".doccano.gloss.json", NULL);
          g_autoptr(GlossAnnotationFile) file = open_file (afile);
          g_autofree char *description = describe_annotations (file, TRUE);

          g_assert_cmpstr (description, ==, cases[c].spans[i]);
        }

      /* The relations are read into the layer, between the passages
       * their entities became, not kept aside. */
      if (c == 2)
        {
          g_autofree char *path = g_build_filename (f->dir, cases[c].files[0], NULL);
          g_autofree char *afile = g_strconcat (path, ".doccano.gloss.json", NULL);
          g_autoptr(GlossAnnotationFile) file = open_file (afile);
          GlossLayer *layer = gloss_annotation_file_get_layer (file);
          JsonObject *extra = gloss_annotation_file_get_extra (file);
          JsonObject *kept = extra != NULL && json_object_has_member (extra, "x-doccano")
                             ? json_object_get_object_member (extra, "x-doccano") : NULL;

          g_assert_cmpuint (gloss_layer_get_n_relations (layer), ==, 3);
          for (guint r = 0; r < 3; r++)
            {
              GlossRelation *relation = gloss_layer_get_relation (layer, r);

              g_assert_nonnull (gloss_layer_lookup (layer, gloss_relation_get_source (relation)));
              g_assert_nonnull (gloss_layer_lookup (layer, gloss_relation_get_target (relation)));
            }
          g_assert_true (kept == NULL || !json_object_has_member (kept, "relations") ||
                         json_array_get_length (json_object_get_array_member (kept, "relations")) == 0);
          g_assert_cmpuint (gloss_importer_get_n_kept (importer), ==, 0);
        }
    }
}

static void
test_doccano_utf16 (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *input = fixture_write (f, "d.jsonl",
                                       "{\"text\": \"😀 Acme and 🎉🎉 Zenith.\", \"label\": [[3, 7, \"ORG\"], [17, 23, \"ORG\"]]}\n"
                                       "{\"text\": \"😀 Acme\", \"label\": [[1, 7, \"ORG\"]]}\n"
                                       "{\"text\": \"Plain\", \"label\": [[0, 5, \"ORG\"]]}\n");
  g_autofree char *first = g_build_filename (f->dir, "d-0001.txt.doccano.gloss.json", NULL);
  g_autofree char *second = g_build_filename (f->dir, "d-0002.txt.doccano.gloss.json", NULL);
  g_autofree char *third = g_build_filename (f->dir, "d-0003.txt.doccano.gloss.json", NULL);
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("doccano"));
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autofree char *description = NULL;
  g_autofree char *message = NULL;

  /* Offset 1 is between the halves of 😀: line 2 is refused, and with it
   * the whole file. */
  g_assert_false (import_one (importer, input, &message));
  g_assert_nonnull (strstr (message, "d.jsonl:2: the span 1–7 does not fall on characters"));
  g_assert_false (g_file_test (first, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (second, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (third, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (gloss_importer_get_n_articles (importer), ==, 0);

  /* Without it, the others go through. */
  g_free (fixture_write (f, "d.jsonl",
                         "{\"text\": \"😀 Acme and 🎉🎉 Zenith.\", \"label\": [[3, 7, \"ORG\"], [17, 23, \"ORG\"]]}\n"
                         "{\"text\": \"Plain\", \"label\": [[0, 5, \"ORG\"]]}\n"));
  g_assert_true (import_one (importer, input, NULL));
  g_assert_true (g_file_test (second, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (third, G_FILE_TEST_EXISTS));

  file = open_file (first);
  description = describe_annotations (file, TRUE);
  g_assert_cmpstr (description, ==, "org 2 6 Acme|org 14 20 Zenith|");
}

static void
test_doccano_round_trip (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *article = fixture_write (f, "a.txt", "«😀» Acme\r\nand 𝔘nicode Zenith.\n");
  g_autofree char *out_dir = g_build_filename (f->dir, "back", NULL);
  g_autofree char *jsonl = g_build_filename (f->dir, "a.jsonl", NULL);
  g_autofree char *back = g_build_filename (out_dir, "a-0001.txt.bob.gloss.json", NULL);
  g_autoptr(GFile) article_file = g_file_new_for_path (article);
  g_autoptr(GFile) jsonl_file = g_file_new_for_path (jsonl);
  g_autoptr(GFile) out_folder = g_file_new_for_path (out_dir);
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GlossAnnotationFile) original = NULL;
  g_autoptr(GlossAnnotationFile) imported = NULL;
  g_autoptr(GlossExporter) exporter = gloss_exporter_new (gloss_format_lookup ("doccano"));
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("doccano"));
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GlossLayer *layer;

  source = gloss_source_new_from_plain_text (article_file, 0, NULL, &error);
  g_assert_no_error (error);
  original = gloss_annotation_file_new (source, "bob", "Bob");
  layer = gloss_annotation_file_get_layer (original);
  gloss_layer_annotate (layer, "company", 1, 2, NULL);
  gloss_layer_annotate (layer, "company", 4, 8, NULL);
  gloss_layer_annotate (layer, "claim", 14, 29, NULL);
  gloss_annotation_file_save (original, GLOSS_SAVE_NONE, NULL, &error);
  g_assert_no_error (error);

  gloss_exporter_open_file (exporter, jsonl_file, FALSE, NULL, &error);
  g_assert_no_error (error);
  gloss_exporter_add_article (exporter, article_file, "a.txt", NULL, NULL, &error);
  g_assert_no_error (error);
  gloss_exporter_finish (exporter, NULL, &error);
  g_assert_no_error (error);

  gloss_importer_set_output_folder (importer, out_folder);
  g_assert_true (import_one (importer, jsonl, NULL));

  /* The annotator came back from the export's "annotator" key. */
  imported = open_file (back);
  before = describe_annotations (original, TRUE);
  after = describe_annotations (imported, TRUE);
  g_assert_cmpstr (after, ==, before);
}

/* W3C ------------------------------------------------------------------- */

static void
test_w3c_samples (Fixture       *f,
                  gconstpointer  data)
{
  static const char * const correct[] = {
    "anno26.json", "anno27.json", "anno32.json", "anno41-example44.json",
  };
  g_autofree char *suite = testdata_path ("w3c-annotation-tests/tools/samples");
  g_autofree char *article = NULL;
  g_autofree char *w3c_file = NULL;
  g_autofree char *user1_file = NULL;
  g_autoptr(GString) text = g_string_new ("Intro: this is an anotation that has some words. "
                                          "Then text before the Selected Text and text after it.\n");
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("w3c"));
  g_autoptr(GFile) article_file = NULL;
  g_autoptr(GlossAnnotationFile) w3c = NULL;
  g_autoptr(GlossAnnotationFile) user1 = NULL;
  g_autofree char *w3c_spans = NULL;
  g_autofree char *user1_spans = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *incorrect = NULL;
  const char *name;
  guint refused = 0;

  if (suite == NULL)
    {
      g_test_skip ("the W3C test suite is not in GLOSS_TESTDATA");
      return;
    }

  /* The samples point at example.org: they are read against an article
   * that holds their quotes and is long enough for their positions. */
  while (text->len < 900)
    g_string_append (text, "Filler sentence. ");
  article = fixture_write (f, "page.txt", text->str);
  article_file = g_file_new_for_path (article);
  gloss_importer_set_article (importer, article_file);

  for (guint i = 0; i < G_N_ELEMENTS (correct); i++)
    {
      g_autofree char *path = g_build_filename (suite, "correct", correct[i], NULL);
      g_autoptr(GFile) input = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      gloss_importer_import_file (importer, input, NULL, &error);
      g_assert_no_error (error);
    }
  {
    g_autoptr(GError) error = NULL;

    gloss_importer_finish (importer, NULL, &error);
    g_assert_no_error (error);
  }

  w3c_file = g_strconcat (article, ".w3c.gloss.json", NULL);
  user1_file = g_strconcat (article, ".user1.gloss.json", NULL);
  w3c = open_file (w3c_file);
  user1 = open_file (user1_file);
  w3c_spans = describe_annotations (w3c, TRUE);
  user1_spans = describe_annotations (user1, TRUE);
  g_assert_true (g_str_has_prefix (w3c_spans, "annotation 18 27 anotation|annotation 70 83 Selected Text|"
                                              "annotation 412 795 "));
  /* anno41: the creator's nickname, the tagging body. */
  g_assert_cmpstr (user1_spans, ==, "love 6 27  this is an anotation|");

  /* Every incorrect sample is refused, with the file named. */
  incorrect = g_build_filename (suite, "incorrect", NULL);
  dir = g_dir_open (incorrect, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GlossImporter) strict = gloss_importer_new (gloss_format_lookup ("w3c"));
      g_autofree char *path = g_build_filename (incorrect, name, NULL);
      g_autoptr(GFile) input = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      gloss_importer_set_article (strict, article_file);
      g_assert_false (gloss_importer_import_file (strict, input, NULL, &error));
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, path));
      g_test_message ("%s", error->message);
      refused++;
    }
  g_assert_cmpuint (refused, ==, 39);
}

static void
test_w3c_round_trip (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *article = fixture_write (f, "a.txt", "\xEF\xBB\xBF" "😀 Acme\r\nand Zenith. Acme again.\n");
  g_autofree char *json = g_build_filename (f->dir, "a.jsonld", NULL);
  g_autofree char *afile = g_strconcat (article, ".bob.gloss.json", NULL);
  g_autoptr(GFile) article_file = g_file_new_for_path (article);
  g_autoptr(GFile) json_file = g_file_new_for_path (json);
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GlossAnnotationFile) original = NULL;
  g_autoptr(GlossAnnotationFile) imported = NULL;
  g_autoptr(GlossExporter) exporter = gloss_exporter_new (gloss_format_lookup ("w3c"));
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("w3c"));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *saved = NULL;
  GlossLayer *layer;
  GlossAnnotation *a;

  source = gloss_source_new_from_plain_text (article_file, 0, NULL, &error);
  g_assert_no_error (error);
  original = gloss_annotation_file_new (source, "bob", "Bob");
  layer = gloss_annotation_file_get_layer (original);
  gloss_layer_annotate (layer, "company", 3, 7, "A note\nwith \"quotes\"");
  gloss_layer_annotate (layer, "company", 22, 26, NULL);
  gloss_layer_annotate (layer, "claim", 13, 19, NULL);
  gloss_annotation_file_save (original, GLOSS_SAVE_NONE, NULL, &error);
  g_assert_no_error (error);
  saved = read_file (afile);

  gloss_exporter_open_file (exporter, json_file, FALSE, NULL, &error);
  g_assert_no_error (error);
  gloss_exporter_add_article (exporter, article_file, "a.txt", NULL, NULL, &error);
  g_assert_no_error (error);
  gloss_exporter_finish (exporter, NULL, &error);
  g_assert_no_error (error);

  /* bob's file is there: the import leaves it alone... */
  g_assert_false (import_one (importer, json, &message));
  g_assert_nonnull (strstr (message, "exists already and was left as it is"));
  g_clear_pointer (&message, g_free);
  {
    g_autofree char *now = read_file (afile);

    g_assert_cmpstr (now, ==, saved);
  }

  /* ... unless told to replace it. */
  gloss_importer_set_overwrite (importer, TRUE);
  g_assert_true (import_one (importer, json, NULL));

  imported = open_file (afile);
  before = describe_annotations (original, TRUE);
  after = describe_annotations (imported, TRUE);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (gloss_layer_get_annotator_name (gloss_annotation_file_get_layer (imported)), ==, "Bob");

  /* Same ids (urn:uuid), same note. */
  a = gloss_layer_find (gloss_annotation_file_get_layer (imported), "company", 3, 7);
  g_assert_nonnull (a);
  g_assert_cmpstr (gloss_annotation_get_note (a), ==, "A note\nwith \"quotes\"");
  g_assert_nonnull (gloss_layer_lookup (layer, gloss_annotation_get_id (a)));
}

/* Label Studio ---------------------------------------------------------- */

/* A task that imports, over lines 2 to 9 of its file. */
#define LABELSTUDIO_GOOD \
    "  {\"data\": {\"text\": \"😀 Acme\\r\\nand Zenith.\"},\n" \
    "   \"annotations\": [{\"created_at\": \"2024-01-02T03:04:05.123456Z\", \"result\": [\n" \
    "     {\"id\": \"r1\", \"from_name\": \"label\", \"to_name\": \"text\", \"type\": \"labels\",\n" \
    "      \"value\": {\"start\": 3, \"end\": 7, \"text\": \"Acme\", \"labels\": [\"ORG\"]}},\n" \
    "     {\"id\": \"r1\", \"from_name\": \"note\", \"to_name\": \"text\", \"type\": \"textarea\",\n" \
    "      \"value\": {\"start\": 3, \"end\": 7, \"text\": [\"Line 1\\nLine 2\"]}},\n" \
    "     {\"id\": \"r2\", \"from_name\": \"sentiment\", \"to_name\": \"text\", \"type\": \"choices\",\n" \
    "      \"value\": {\"choices\": [\"Positive\"]}}]}]}"

/* A task whose region says another text than the task's. */
#define LABELSTUDIO_BAD \
    "  {\"data\": {\"text\": \"Wrong text here\"},\n" \
    "   \"annotations\": [{\"result\": [\n" \
    "     {\"id\": \"x\", \"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 5, \"text\": \"Right\", \"labels\": [\"ORG\"]}}]}]}"

static void
test_labelstudio (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *input = fixture_write (f, "tasks.json",
                                          "[\n" LABELSTUDIO_GOOD ",\n" LABELSTUDIO_BAD "\n]\n");
  g_autofree char *first = g_build_filename (f->dir, "tasks-0001.txt.labelstudio.gloss.json", NULL);
  g_autofree char *first_text = g_build_filename (f->dir, "tasks-0001.txt", NULL);
  g_autofree char *second = g_build_filename (f->dir, "tasks-0002.txt", NULL);
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("labelstudio"));
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autofree char *description = NULL;
  g_autofree char *message = NULL;
  GlossAnnotation *a;

  /* The second task's region is wrong: nothing of the file is written. */
  g_assert_false (import_one (importer, input, &message));
  g_assert_nonnull (strstr (message, "tasks.json:10: region x says “Right” but the text has “Wrong” there"));
  g_assert_false (g_file_test (first, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (first_text, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (second, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (gloss_importer_get_n_kept (importer), ==, 0);

  /* The first task alone goes through. */
  g_free (fixture_write (f, "tasks.json", "[\n" LABELSTUDIO_GOOD "\n]\n"));
  g_assert_true (import_one (importer, input, NULL));
  g_assert_false (g_file_test (second, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (gloss_importer_get_n_kept (importer), ==, 1);

  file = open_file (first);
  description = describe_annotations (file, TRUE);
  g_assert_cmpstr (description, ==, "org 2 6 Acme|");
  a = g_list_model_get_item (G_LIST_MODEL (gloss_annotation_file_get_layer (file)), 0);
  g_assert_cmpstr (gloss_annotation_get_note (a), ==, "Line 1\nLine 2");
  g_assert_cmpstr (gloss_annotation_get_created (a), ==, "2024-01-02T03:04:05Z");
  g_object_unref (a);
}

/* The results Gloss does not take are kept in the annotation file exactly
 * as they were, in their order: a relation to a region that is not there
 * (with a label that is not a string), another tool's result nested deep,
 * a result that is not an object, and a text area of no region. */
#define LABELSTUDIO_KEPT_RESULTS \
    "{\"id\": \"r9\", \"from_id\": \"r1\", \"to_id\": \"gone\", \"type\": \"relation\", \"direction\": \"right\", \"labels\": [\"about\", 3]}", \
    "{\"id\": \"k\", \"type\": \"rating\", \"value\": {\"rating\": 4, \"deep\": [[{\"a\": null}], true, 1.5e3, \"\\u00e9\"], \"labels\": [1, \"x\"]}}", \
    "7", \
    "{\"from_name\": \"comment\", \"to_name\": \"text\", \"type\": \"textarea\", \"value\": {\"text\": [\"Seen\"]}}"

static void
test_labelstudio_kept_exact (Fixture       *f,
                             gconstpointer  data)
{
  static const char * const kept[] = { LABELSTUDIO_KEPT_RESULTS };
  g_autoptr(GString) task = g_string_new (
    LABELSTUDIO_TWO_REGIONS
    "   {\"from_id\": \"r2\", \"to_id\": \"r1\", \"type\": \"relation\", \"direction\": \"right\", \"labels\": [\"said-by\"]}");
  g_autofree char *input = NULL;
  g_autofree char *output = g_build_filename (f->dir, "t-0001.txt.labelstudio.gloss.json", NULL);
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("labelstudio"));
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *results;

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    g_string_append_printf (task, ",\n   %s", kept[i]);
  g_string_append (task, "]}]}]\n");
  input = fixture_write (f, "t.json", task->str);

  g_assert_true (import_one (importer, input, NULL));
  g_assert_cmpuint (gloss_importer_get_n_kept (importer), ==, G_N_ELEMENTS (kept));

  /* The relation between the two regions is taken. */
  file = open_file (output);
  g_assert_cmpuint (gloss_layer_get_n_relations (gloss_annotation_file_get_layer (file)), ==, 1);

  g_assert_true (json_parser_load_from_file (parser, output, &error));
  g_assert_no_error (error);
  results = json_object_get_array_member (
              json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                             "x-labelstudio"), "results");
  g_assert_cmpuint (json_array_get_length (results), ==, G_N_ELEMENTS (kept));
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autoptr(JsonNode) expected = json_from_string (kept[i], &error);

      g_assert_no_error (error);
      g_assert_true (json_node_equal (json_array_get_element (results, i), expected));
    }
}

int
main (int    argc,
      char **argv)
{
  format_test_init (&argc, &argv);

  ADD_TEST ("/import/brat/round-trip", test_brat_round_trip);
  ADD_TEST ("/import/brat/discontinuous", test_brat_discontinuous);
  ADD_TEST ("/import/brat/mismatch", test_brat_mismatch);
  ADD_TEST ("/import/brat/bom-crlf", test_brat_bom_crlf);
  ADD_TEST ("/import/doccano/samples", test_doccano_samples);
  ADD_TEST ("/import/doccano/utf16", test_doccano_utf16);
  ADD_TEST ("/import/doccano/round-trip", test_doccano_round_trip);
  ADD_TEST ("/import/w3c/samples", test_w3c_samples);
  ADD_TEST ("/import/w3c/round-trip", test_w3c_round_trip);
  ADD_TEST ("/import/labelstudio", test_labelstudio);
  ADD_TEST ("/import/labelstudio/kept-exact", test_labelstudio_kept_exact);

  return g_test_run ();
}
