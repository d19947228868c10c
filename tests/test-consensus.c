/* test-consensus.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "gloss-annotation-private.h"
#include "layer-test-util.h"
#include "gloss-consensus.h"
#include "gloss-error.h"
#include "file-test-util.h"

static const char text[] = "aaa bbb ccc ddd eee fff ggg hhh iii jjj";

static guint
n_items (GlossLayer *layer)
{
  return g_list_model_get_n_items (G_LIST_MODEL (layer));
}

/* Passages enough annotators marked alike are taken once, with who
 * marked them; the others are left and counted. */
static void
test_add_agreed (void)
{
  g_autoptr(GlossSource) source = gloss_source_new_from_text (text, -1, "a.txt");
  g_autoptr(GPtrArray) layers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossLayer) consensus = gloss_layer_new (GLOSS_CONSENSUS_ANNOTATOR, NULL);
  GlossAnnotation *taken;
  GlossConsensusSource from;
  guint left = 99;

  gloss_layer_set_source (consensus, source);
  g_ptr_array_add (layers, layer_with_marks (source, "alice", "claim:0-7 company:8-11 claim:16-19"));
  g_ptr_array_add (layers, layer_with_marks (source, "bob", "claim:0-7 company:8-15 claim:16-19"));
  g_ptr_array_add (layers, layer_with_marks (source, "carol", "claim:0-7 controversy:8-11"));

  /* All three: only claim 0-7. */
  g_assert_cmpuint (gloss_consensus_add_agreed (consensus, layers, 3, "rev", "2026-12-07T10:00:00Z", &left), ==, 1);
  g_assert_cmpuint (left, ==, 4);
  taken = gloss_layer_find (consensus, "claim", 0, 7);
  g_assert_nonnull (taken);
  g_assert_true (gloss_consensus_get_source (taken, &from));
  g_assert_cmpuint (g_strv_length (from.from), ==, 3);
  g_assert_cmpstr (from.from[0], ==, "alice");
  g_assert_cmpstr (from.from[2], ==, "carol");
  g_assert_cmpint (from.how, ==, GLOSS_CONSENSUS_AGREED);
  g_assert_cmpstr (from.by, ==, "rev");
  g_assert_cmpstr (from.at, ==, "2026-12-07T10:00:00Z");
  gloss_consensus_source_clear (&from);

  /* Two of three: claim 16-19 too; claim 0-7 is not taken twice. */
  g_assert_cmpuint (gloss_consensus_add_agreed (consensus, layers, 2, "rev", NULL, &left), ==, 1);
  g_assert_cmpuint (left, ==, 3);
  g_assert_cmpuint (n_items (consensus), ==, 2);
  g_assert_true (gloss_consensus_get_source (gloss_layer_find (consensus, "claim", 16, 19), &from));
  g_assert_cmpuint (g_strv_length (from.from), ==, 2);
  g_assert_null (from.at);
  gloss_consensus_source_clear (&from);

  /* What a reviewer rejected is not taken again. */
  g_assert_true (gloss_layer_undo (consensus));
  g_assert_nonnull (gloss_layer_annotate (consensus, GLOSS_CONSENSUS_REJECTED_TAG, 14, 20, NULL));
  g_assert_cmpuint (gloss_consensus_add_agreed (consensus, layers, 2, "rev", NULL, &left), ==, 0);
  g_assert_null (gloss_layer_find (consensus, "claim", 16, 19));
  /* (A step that adds nothing leaves no step to undo.) */
  g_assert_true (gloss_layer_undo (consensus));
  g_assert_cmpuint (gloss_consensus_add_agreed (consensus, layers, 2, "rev", NULL, &left), ==, 1);

  /* One undo takes the whole step back. */
  g_assert_true (gloss_layer_undo (consensus));
  g_assert_cmpuint (n_items (consensus), ==, 1);
}

/* Orphans propose nothing. */
static void
test_orphans_left_out (void)
{
  g_autoptr(GlossSource) source = gloss_source_new_from_text (text, -1, "a.txt");
  g_autoptr(GPtrArray) layers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossLayer) consensus = gloss_layer_new (GLOSS_CONSENSUS_ANNOTATOR, NULL);
  g_autoptr(GlossAnnotation) orphan = gloss_annotation_new_full ("o1", "claim", 0, 7, "zzz zzz", "", "", NULL,
                                                                 NULL, NULL);
  GlossLayer *alice;

  gloss_layer_set_source (consensus, source);
  alice = layer_with_marks (source, "alice", "");
  g_ptr_array_add (layers, alice);
  g_ptr_array_add (layers, layer_with_marks (source, "bob", "claim:0-7"));
  _gloss_annotation_set_status (orphan, GLOSS_ANCHOR_ORPHANED);
  g_assert_true (gloss_layer_add (alice, orphan));
  g_assert_cmpuint (gloss_consensus_add_agreed (consensus, layers, 2, NULL, NULL, NULL), ==, 0);
  g_assert_cmpuint (gloss_consensus_add_agreed (consensus, layers, 1, NULL, NULL, NULL), ==, 1);
}

/* The source of an annotation survives a save and a load, beside the
 * annotation's other unknown keys. */
static void
test_source_round_trip (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gloss-test-consensus-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "a.txt", NULL);
  g_autoptr(GFile) article = g_file_new_for_path (path);
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autoptr(GlossAnnotationFile) loaded = NULL;
  g_autoptr(GFile) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) extra = json_object_new ();
  const char * const from[] = { "alice", "bob", NULL };
  GlossConsensusSource source_in = { (char **) from, GLOSS_CONSENSUS_EDITED, "rev", "2026-12-07T10:00:00Z" };
  GlossConsensusSource source_out;
  GlossAnnotation *annotation;

  write_file (path, text);
  source = gloss_source_new_from_plain_text (article, 0, NULL, &error);
  g_assert_no_error (error);
  file = gloss_annotation_file_new (source, GLOSS_CONSENSUS_ANNOTATOR, "Consensus");
  annotation = gloss_layer_annotate (gloss_annotation_file_get_layer (file), "claim", 4, 11, NULL);
  json_object_set_string_member (extra, "x-other", "kept");
  gloss_annotation_set_extra (annotation, extra);
  gloss_consensus_set_source (annotation, &source_in);
  g_assert_true (gloss_annotation_file_save (file, GLOSS_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);

  saved = gloss_annotation_file_path_for (article, GLOSS_CONSENSUS_ANNOTATOR);
  loaded = gloss_annotation_file_open (saved, GLOSS_LOAD_NONE, NULL, &error);
  g_assert_no_error (error);
  annotation = gloss_layer_find (gloss_annotation_file_get_layer (loaded), "claim", 4, 11);
  g_assert_nonnull (annotation);
  g_assert_true (gloss_consensus_get_source (annotation, &source_out));
  g_assert_cmpint (source_out.how, ==, GLOSS_CONSENSUS_EDITED);
  g_assert_cmpstrv (source_out.from, from);
  g_assert_cmpstr (source_out.by, ==, "rev");
  g_assert_cmpstr (json_object_get_string_member (gloss_annotation_get_extra (annotation), "x-other"), ==, "kept");
  gloss_consensus_source_clear (&source_out);

  /* A file claiming another id of the reserved kind is refused. */
  {
    g_autofree char *bad = g_build_filename (dir, "a.txt.gloss--other.gloss.json", NULL);
    g_autofree char *content = read_file (g_file_peek_path (saved));
    g_autoptr(GString) changed = g_string_new (content);
    g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
    g_autoptr(GlossAnnotationFile) refused = NULL;

    g_string_replace (changed, "\"gloss--consensus\"", "\"gloss--other\"", 1);
    write_file (bad, changed->str);
    refused = gloss_annotation_file_load (bad_file, GLOSS_LOAD_NONE, NULL, &error);
    g_assert_null (refused);
    g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  }
  delete_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/consensus/add-agreed", test_add_agreed);
  g_test_add_func ("/consensus/orphans-left-out", test_orphans_left_out);
  g_test_add_func ("/consensus/source-round-trip", test_source_round_trip);

  return g_test_run ();
}
