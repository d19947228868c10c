/* test-conll.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "format-test-util.h"
#include "gloss-annotation-file.h"
#include "gloss-error.h"
#include "gloss-export.h"

/* The CoNLL export through the core, as the window calls it, and through
 * gloss-cli; read back as spaCy's converter splits it and with NLTK's
 * ConllCorpusReader (check-conll.py). */

#define DOCSTART "-DOCSTART- -X- O O\n\n"

static void
set_iob1 (GlossExporter *exporter)
{
  gloss_exporter_set_scheme (exporter, GLOSS_SCHEME_IOB1);
}

/* Exports the article at @path to the file @destination and returns the
 * exporter, finished, for its warnings. */
static GlossExporter *
export_conll_file (const char *destination,
                   ...)
{
  GlossExporter *exporter = gloss_exporter_new (gloss_format_lookup ("conll"));
  g_autoptr(GFile) file = g_file_new_for_path (destination);
  g_autoptr(GError) error = NULL;
  va_list args;

  gloss_exporter_open_file (exporter, file, FALSE, NULL, &error);
  g_assert_no_error (error);

  va_start (args, destination);
  export_articles_valist (exporter, args);
  va_end (args);

  return exporter;
}

/* Every line of the export: nothing but -DOCSTART-, blank lines and
 * TOKEN<TAB>TAG, nothing a reader could take for a comment. */
static void
assert_clean_lines (const char *out)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *tab = strchr (line, '\t');

      if (line[0] == '\0' || strcmp (line, "-DOCSTART- -X- O O") == 0)
        continue;
      g_assert_nonnull (tab);
      g_assert_null (strchr (tab + 1, '\t'));
      g_assert_null (strchr (line, ' '));
      g_assert_true (tab > line);
      g_assert_true (strcmp (tab + 1, "O") == 0 || g_str_has_prefix (tab + 1, "B-") ||
                     g_str_has_prefix (tab + 1, "I-"));
    }
}

#define FRENCH "L’homme qu’il a vu s’est levé. J'ai dit : « non » !\n" \
               "Aujourd’hui, Jean-Pierre paie 3,5 euros.\n"

/* Each article and annotator opens with -DOCSTART- and a blank line; no
 * comment line.  Tokens as UAX #29 finds them, French elisions apart. */
static void
test_docstart (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = fixture_write (f, "a.txt", FRENCH);
  g_autofree char *out = NULL;
  g_autofree char *warnings = NULL;

  annotate_text (path, "bob", "company", "homme", NULL);
  annotate_text (path, "bob", "controversy", "Jean-Pierre paie", NULL);
  annotate_text (path, "bob", "company", "Jean-Pierre", NULL);
  annotate_text (path, "bob", "claim", "3,5 euros", NULL);
  annotate_text (path, "eve", "claim", "vu", NULL);

  out = export_to_string (gloss_format_lookup ("conll"), NULL, &warnings, path, NULL);
  g_assert_cmpstr (out, ==,
                   DOCSTART
                   "L’\tO\nhomme\tB-company\nqu’\tO\nil\tO\na\tO\nvu\tO\ns’\tO\nest\tO\nlevé\tO\n.\tO\n\n"
                   "J'\tO\nai\tO\ndit\tO\n:\tO\n«\tO\nnon\tO\n»\tO\n!\tO\n\n"
                   "Aujourd’hui\tO\n,\tO\nJean\tB-controversy\n-\tI-controversy\n"
                   "Pierre\tI-controversy\npaie\tI-controversy\n"
                   "3,5\tB-claim\neuros\tI-claim\n.\tO\n\n"
                   DOCSTART
                   "L’\tO\nhomme\tO\nqu’\tO\nil\tO\na\tO\nvu\tB-claim\ns’\tO\nest\tO\nlevé\tO\n.\tO\n\n"
                   "J'\tO\nai\tO\ndit\tO\n:\tO\n«\tO\nnon\tO\n»\tO\n!\tO\n\n"
                   "Aujourd’hui\tO\n,\tO\nJean\tO\n-\tO\nPierre\tO\npaie\tO\n"
                   "3,5\tO\neuros\tO\n.\tO\n\n");
  assert_clean_lines (out);

  /* What the column could not hold is told in the warnings. */
  g_assert_cmpstr (warnings, ==,
                   "a.txt (bob): 1 overlapping annotation left out of the CoNLL column\n");
}

static void
test_iob1 (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = fixture_write (f, "a.txt", "Acme Zenith Corp met Vosk.");
  g_autofree char *iob2 = NULL;
  g_autofree char *iob1 = NULL;

  annotate_text (path, "bob", "company", "Acme", NULL);
  annotate_text (path, "bob", "company", "Zenith Corp", NULL);
  annotate_text (path, "bob", "company", "Vosk", NULL);

  iob2 = export_to_string (gloss_format_lookup ("conll"), NULL, NULL, path, NULL);
  g_assert_cmpstr (iob2, ==,
                   DOCSTART "Acme\tB-company\nZenith\tB-company\nCorp\tI-company\nmet\tO\n"
                   "Vosk\tB-company\n.\tO\n\n");
  /* IOB1: B- only where a span follows another of its tag at once. */
  iob1 = export_to_string (gloss_format_lookup ("conll"), set_iob1, NULL, path, NULL);
  g_assert_cmpstr (iob1, ==,
                   DOCSTART "Acme\tI-company\nZenith\tB-company\nCorp\tI-company\nmet\tO\n"
                   "Vosk\tI-company\n.\tO\n\n");
}

/* A sentence break never falls inside an exported annotation: not after
 * the full stop of "U.S.", not at a line break inside a passage. */
static void
test_sentence_inside_annotation (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *path = fixture_write (f, "a.txt",
                                         "They met U.S. Steel. Then\nthe deal\nwas signed. End.\n");
  g_autofree char *out = NULL;

  annotate_text (path, "bob", "company", "U.S. Steel", NULL);
  annotate_text (path, "bob", "claim", "the deal\nwas signed", NULL);

  out = export_to_string (gloss_format_lookup ("conll"), NULL, NULL, path, NULL);
  g_assert_cmpstr (out, ==,
                   DOCSTART
                   "They\tO\nmet\tO\nU.S\tB-company\n.\tI-company\nSteel\tI-company\n.\tO\n\n"
                   "Then\tO\n\n"
                   "the\tB-claim\ndeal\tI-claim\nwas\tI-claim\nsigned\tI-claim\n.\tO\n\n"
                   "End\tO\n.\tO\n\n");

  /* IOB1 too: the passage is one span. */
  g_clear_pointer (&out, g_free);
  out = export_to_string (gloss_format_lookup ("conll"), set_iob1, NULL, path, NULL);
  g_assert_nonnull (strstr (out, "\nthe\tI-claim\ndeal\tI-claim\nwas\tI-claim\n"));
}

/* An annotation that starts or ends inside a token tags the whole token,
 * and the warnings count those per article and annotator. */
static void
test_widened (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = fixture_write (f, "a.txt", "The HBx-induced response of Acmeco.");
  g_autofree char *out = NULL;
  g_autofree char *warnings = NULL;

  annotate_text (path, "bob", "claim", "Bx-ind", NULL);
  annotate_text (path, "bob", "company", "Acme", NULL);
  annotate_text (path, "bob", "claim", "response", NULL);

  out = export_to_string (gloss_format_lookup ("conll"), NULL, &warnings, path, NULL);
  g_assert_cmpstr (out, ==,
                   DOCSTART
                   "The\tO\nHBx\tB-claim\n-\tI-claim\ninduced\tI-claim\nresponse\tB-claim\n"
                   "of\tO\nAcmeco\tB-company\n.\tO\n\n");
  g_assert_cmpstr (warnings, ==,
                   "a.txt (bob): 2 annotations start or end inside a word; CoNLL tags their "
                   "whole tokens\n");
}

/* Two annotations inside one token would share its tag: the second is
 * left out as overlapping.  One of white space alone covers no token. */
static void
test_shared_token_and_blank (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *path = fixture_write (f, "a.txt", "Acmecorp signed  today.");
  g_autofree char *out = NULL;
  g_autofree char *warnings = NULL;

  annotate_text (path, "bob", "company", "Acme", NULL);
  annotate_text (path, "bob", "claim", "corp", NULL);
  annotate_text (path, "bob", "claim", "  ", NULL);

  out = export_to_string (gloss_format_lookup ("conll"), NULL, &warnings, path, NULL);
  g_assert_cmpstr (out, ==,
                   DOCSTART "Acmecorp\tB-company\nsigned\tO\ntoday\tO\n.\tO\n\n");
  g_assert_cmpstr (warnings, ==,
                   "a.txt (bob): 1 overlapping annotation left out of the CoNLL column\n"
                   "a.txt (bob): 1 annotation of white space alone left out of the CoNLL "
                   "column: it covers no token\n"
                   "a.txt (bob): 1 annotation starts or ends inside a word; CoNLL tags its "
                   "whole tokens\n");
}

/* Text no reader could split: white space of every kind, invisible
 * characters, emoji, a line that looks like a comment or a -DOCSTART-. */
#define NASTY "\xEF\xBB\xBF" "# not a comment\n" \
              "-DOCSTART- -X- O O\n" \
              "a\xC2\xA0" "b\tc 10\xE2\x80\xAF" "000 x\xE2\x80\x8By co\xC2\xAD" "op\r\n" \
              "👩‍👩‍👧 🇫🇷🇩🇪 l’Acme\xE2\x80\xA8" "U.S. Steel.\n"

static void
test_side_file (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *a = fixture_write (f, "a.txt", FRENCH);
  g_autofree char *b = fixture_write (f, "b.txt", NASTY);
  g_autofree char *conll_path = g_build_filename (f->dir, "out.conll", NULL);
  g_autofree char *side_path = g_build_filename (f->dir, "out.conll.json", NULL);
  g_autofree char *conll = NULL;
  g_autoptr(GlossExporter) exporter = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  JsonObject *root, *doc, *item;
  JsonArray *documents, *list;

  annotate_text (a, "bob", "controversy", "Jean-Pierre paie", NULL);
  annotate_text (a, "bob", "company", "Jean-Pierre", NULL);
  annotate_text (a, "eve", "company", "omm", NULL);
  annotate_text (b, "bob", "company", "Acme", NULL);

  exporter = export_conll_file (conll_path, a, b, NULL);
  conll = read_file (conll_path);
  assert_clean_lines (conll);
  /* The text's "#" is a token like any other. */
  g_assert_null (strstr (conll, "# "));
  g_assert_nonnull (strstr (conll, "\n#\tO\n"));
  g_assert_cmpuint (gloss_exporter_get_warnings (exporter)->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (gloss_exporter_get_warnings (exporter), 0), ==,
                   "a.txt (bob): 1 overlapping annotation left out of the CoNLL column "
                   "(listed in out.conll.json)");
  g_assert_cmpstr (g_ptr_array_index (gloss_exporter_get_warnings (exporter), 1), ==,
                   "a.txt (eve): 1 annotation starts or ends inside a word; CoNLL tags its "
                   "whole tokens (listed in out.conll.json)");

  json_parser_load_from_file (parser, side_path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "conll");
  g_assert_cmpstr (json_object_get_string_member (root, "conll"), ==, "out.conll");
  g_assert_cmpstr (json_object_get_string_member (root, "scheme"), ==, "iob2");
  documents = json_object_get_array_member (root, "documents");
  g_assert_cmpuint (json_array_get_length (documents), ==, 3);

  /* Provenance: each document's -DOCSTART- line, in order. */
  lines = g_strsplit (conll, "\n", -1);
  for (guint i = 0; i < 3; i++)
    {
      static const char * const names[] = { "a.txt", "a.txt", "b.txt" };
      static const char * const annotators[] = { "bob", "eve", "bob" };
      gint64 line;

      doc = json_array_get_object_element (documents, i);
      g_assert_cmpstr (json_object_get_string_member (doc, "document"), ==, names[i]);
      g_assert_cmpstr (json_object_get_string_member (doc, "annotator"), ==, annotators[i]);
      line = json_object_get_int_member (doc, "docstart_line");
      g_assert_cmpint (line, >=, 1);
      g_assert_cmpint (line, <=, g_strv_length (lines));
      g_assert_cmpstr (lines[line - 1], ==, "-DOCSTART- -X- O O");
    }

  /* bob's overlap in a.txt, with the annotation kept in its place. */
  doc = json_array_get_object_element (documents, 0);
  g_assert_cmpint (json_object_get_int_member (doc, "exported"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (doc, "sentences"), ==, 3);
  list = json_object_get_array_member (doc, "left_out");
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  item = json_array_get_object_element (list, 0);
  g_assert_cmpstr (json_object_get_string_member (item, "label"), ==, "company");
  g_assert_cmpstr (json_object_get_string_member (item, "text"), ==, "Jean-Pierre");
  g_assert_cmpint (json_object_get_int_member (item, "start"), ==, offset_of (FRENCH, "Jean"));
  g_assert_cmpstr (json_object_get_string_member (item, "reason"), ==, "overlap");
  g_assert_true (json_object_has_member (item, "overlaps"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (doc, "widened")), ==, 0);

  /* eve's "omm" tags "homme" whole. */
  doc = json_array_get_object_element (documents, 1);
  list = json_object_get_array_member (doc, "widened");
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  item = json_array_get_object_element (list, 0);
  g_assert_cmpstr (json_object_get_string_member (item, "text"), ==, "omm");
  g_assert_cmpint (json_object_get_int_member (item, "token_start"), ==, offset_of (FRENCH, "homme"));
  g_assert_cmpint (json_object_get_int_member (item, "token_end"), ==,
                   offset_of (FRENCH, "homme") + 5);
}

/* The notes beside the export are never named like an annotation file,
 * and an export that does not finish leaves neither file. */
static void
test_side_file_safety (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = fixture_write (f, "a.txt", "Acme signed.");
  g_autofree char *bad = g_build_filename (f->dir, "notes.gloss", NULL);
  g_autofree char *good = g_build_filename (f->dir, "out.conll", NULL);
  g_autofree char *good_side = g_build_filename (f->dir, "out.conll.json", NULL);
  g_autoptr(GFile) article = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  GlossExporter *exporter;
  const char *name;

  annotate_text (path, "bob", "company", "Acme", NULL);

  {
    g_autoptr(GlossExporter) refused = gloss_exporter_new (gloss_format_lookup ("conll"));
    g_autoptr(GFile) destination = g_file_new_for_path (bad);

    g_assert_false (gloss_exporter_open_file (refused, destination, FALSE, NULL, &error));
    g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSAFE_PATH);
    g_clear_error (&error);
  }

  {
    g_autoptr(GFile) destination = g_file_new_for_path (good);

    exporter = gloss_exporter_new (gloss_format_lookup ("conll"));
    g_assert_true (gloss_exporter_open_file (exporter, destination, FALSE, NULL, &error));
    g_assert_true (gloss_exporter_add_article (exporter, article, "a.txt", NULL, NULL, &error));
    g_assert_no_error (error);
    gloss_exporter_free (exporter);
  }

  g_assert_false (g_file_test (good, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (good_side, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));

  /* No temporary file left behind either. */
  dir = g_dir_open (f->dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_true (strcmp (name, "a.txt") == 0 || g_str_has_prefix (name, "a.txt."));
}

/* Runs check-conll.py on @conll; TRUE when it passed, FALSE when it
 * skipped (NLTK missing). */
static gboolean
run_check (Fixture    *f,
           const char *conll,
           JsonNode   *expected,
           gboolean    nltk)
{
  g_autofree char *expected_path = g_build_filename (f->dir, "expected.json", NULL);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "check-conll.py", NULL);
  g_autofree char *text = json_to_string (expected, TRUE);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "/usr/bin/python3", script, "--nltk", conll, expected_path, NULL };
  int status;

  if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("/usr/bin/python3 is missing");
      return FALSE;
    }
  if (!nltk)
    {
      argv[2] = conll;
      argv[3] = expected_path;
      argv[4] = NULL;
    }

  g_file_set_contents (expected_path, text, -1, &error);
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  g_test_message ("%s%s", out, err);

  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      g_test_skip ("NLTK is missing (Debian's python3-nltk)");
      return FALSE;
    }
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  return TRUE;
}

static void
add_document (JsonBuilder        *builder,
              const char         *path,
              const char * const *entities)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GError) error = NULL;

  source = gloss_source_new_from_plain_text (file, 0, NULL, &error);
  g_assert_no_error (error);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, gloss_source_get_text (source));
  json_builder_set_member_name (builder, "entities");
  json_builder_begin_array (builder);
  for (guint i = 0; entities[i] != NULL; i += 2)
    {
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, entities[i]);
      json_builder_add_string_value (builder, entities[i + 1]);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* The export of two articles and two annotators, read back as spaCy's
 * converter splits it and, when @nltk, with NLTK: every token, every
 * entity whole, nothing else. */
static void
check_readers (Fixture  *f,
               gboolean  nltk)
{
  g_autofree char *a = fixture_write (f, "a.txt", FRENCH);
  g_autofree char *b = fixture_write (f, "b.txt", NASTY);
  g_autofree char *conll = g_build_filename (f->dir, "out.conll", NULL);
  g_autoptr(GlossExporter) exporter = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) expected = NULL;
  static const char * const a_bob[] = {
    "controversy", "Jean-Pierre paie", "claim", "3,5 euros", NULL,
  };
  static const char * const a_eve[] = { "company", "homme", NULL };
  static const char * const b_bob[] = {
    "claim", "co\xC2\xAD" "op\r\n👩‍👩‍👧", "company", "l’Acme", "company", "U.S. Steel", NULL,
  };

  annotate_text (a, "bob", "controversy", "Jean-Pierre paie", NULL);
  annotate_text (a, "bob", "company", "Jean-Pierre", NULL);
  annotate_text (a, "bob", "claim", "3,5 euros", NULL);
  annotate_text (a, "eve", "company", "omm", NULL);
  annotate_text (b, "bob", "company", "l’Acme", NULL);
  annotate_text (b, "bob", "company", "U.S. Steel", NULL);
  annotate_text (b, "bob", "claim", "co\xC2\xAD" "op\r\n👩‍👩‍👧", NULL);

  exporter = export_conll_file (conll, a, b, NULL);

  json_builder_begin_array (builder);
  add_document (builder, a, a_bob);
  add_document (builder, a, a_eve);
  add_document (builder, b, b_bob);
  json_builder_end_array (builder);
  expected = json_builder_get_root (builder);

  run_check (f, conll, expected, nltk);
}

static void
test_read_as_spacy (Fixture       *f,
                    gconstpointer  data)
{
  check_readers (f, FALSE);
}

static void
test_read_with_nltk (Fixture       *f,
                     gconstpointer  data)
{
  check_readers (f, TRUE);
}

/* gloss-cli export prints the same notes, and writes the side file. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = fixture_write (f, "a.txt", FRENCH);
  g_autofree char *side = g_build_filename (f->dir, "out.conll.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *conll = NULL;
  g_autofree char *conll_path = g_build_filename (f->dir, "out.conll", NULL);

  annotate_text (path, "bob", "controversy", "Jean-Pierre paie", NULL);
  annotate_text (path, "bob", "company", "Jean-Pierre", NULL);
  annotate_text (path, "bob", "company", "omm", NULL);

  g_assert_cmpint (run_cli (f, &out, &err, "export", "--format", "conll", "--output", "out.conll",
                            "a.txt", NULL), ==, 0);
  g_assert_nonnull (strstr (err, "a.txt (bob): 1 overlapping annotation left out of the CoNLL "
                                 "column (listed in out.conll.json)\n"));
  g_assert_nonnull (strstr (err, "a.txt (bob): 1 annotation starts or ends inside a word; "
                                 "CoNLL tags its whole tokens (listed in out.conll.json)\n"));
  g_assert_true (g_file_test (side, G_FILE_TEST_IS_REGULAR));
  conll = read_file (conll_path);
  g_assert_true (g_str_has_prefix (conll, DOCSTART "L’\tO\nhomme\tB-company\n"));

  /* To standard output: the notes are in the warnings only. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (f, &out, &err, "export", "--format", "conll", "a.txt", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, DOCSTART));
  g_assert_nonnull (strstr (err, "a.txt (bob): 1 overlapping annotation left out of the CoNLL "
                                 "column\n"));
}

int
main (int    argc,
      char **argv)
{
  format_test_init (&argc, &argv);

  ADD_TEST ("/conll/docstart", test_docstart);
  ADD_TEST ("/conll/iob1", test_iob1);
  ADD_TEST ("/conll/sentence-inside-annotation", test_sentence_inside_annotation);
  ADD_TEST ("/conll/widened", test_widened);
  ADD_TEST ("/conll/shared-token-and-blank", test_shared_token_and_blank);
  ADD_TEST ("/conll/side-file", test_side_file);
  ADD_TEST ("/conll/side-file-safety", test_side_file_safety);
  ADD_TEST ("/conll/read/spacy", test_read_as_spacy);
  ADD_TEST ("/conll/read/nltk", test_read_with_nltk);
  ADD_TEST ("/conll/cli", test_cli);

  return g_test_run ();
}
