/* test-brat.c
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

/* brat files that brat reads: what Gloss exports is read back by
 * check-brat.py the way brat's server reads a collection (lines cut where
 * Python's str.splitlines() cuts them, the text column checked, a note
 * being the rest of its line) and checked as brat's verify_annotations.py
 * checks it against annotation.conf; what other tools write for brat is
 * imported with brat's own allowances; the news tutorial collection goes
 * there and back with its configuration. */

/* Exports the articles (paths up to NULL) to brat in @folder; returns the
 * warnings, one a line. */
static char *
export_brat (const char *folder,
             ...)
{
  g_autoptr(GlossExporter) exporter = gloss_exporter_new (gloss_format_lookup ("brat"));
  g_autoptr(GFile) destination = g_file_new_for_path (folder);
  g_autoptr(GError) error = NULL;
  va_list args;

  gloss_exporter_open_file (exporter, destination, TRUE, NULL, &error);
  g_assert_no_error (error);
  va_start (args, folder);
  export_articles_valist (exporter, args);
  va_end (args);

  return warnings_of (exporter);
}

/* Runs check-brat.py on @folder, with what some lines must hold (JSON,
 * may be NULL); returns its exit status (77 when Python is missing). */
static int
check_brat (Fixture    *f,
            const char *folder,
            const char *expected)
{
  g_autofree char *expected_path = NULL;

  if (expected == NULL)
    return run_python ("check-brat.py", folder, NULL);

  expected_path = fixture_write (f, "expected.json", expected);
  return run_python ("check-brat.py", folder, expected_path, NULL);
}

/* TRUE when the lines of @part are lines of @whole, in the same order. */
static gboolean
lines_kept (const char *part,
            const char *whole)
{
  g_auto(GStrv) wanted = g_strsplit (part, "\n", -1);
  g_auto(GStrv) lines = g_strsplit (whole, "\n", -1);
  guint j = 0;

  for (guint i = 0; wanted[i] != NULL; i++)
    {
      while (lines[j] != NULL && strcmp (lines[j], wanted[i]) != 0)
        j++;
      if (lines[j] == NULL)
        {
          g_test_message ("line not kept: “%s”", wanted[i]);
          return FALSE;
        }
      j++;
    }

  return TRUE;
}

/* The lines of @conf between "[@section]" and the next section. */
static char *
section_of (const char *conf,
            const char *section)
{
  g_autofree char *header = g_strdup_printf ("[%s]\n", section);
  const char *start = strstr (conf, header);
  const char *end;

  g_assert_nonnull (start);
  start += strlen (header);
  end = strstr (start, "\n[");
  return end ? g_strndup (start, end - start + 1) : g_strdup (start);
}

/* Line breaks ----------------------------------------------------------- */

/* Text pulled from PDFs is full of form feeds; brat cuts the lines of an
 * .ann at them and at every other break str.splitlines() knows. */
#define BREAKS_TEXT "Alpha\fBeta\vGamma\u2028Delta\xC2\x85" "Eps\x1cZeta\u2029Eta end.\n"

static void
test_export_line_breaks (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = fixture_write (f, "a.txt", BREAKS_TEXT);
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autofree char *ann_path = g_build_filename (out, "bob", "a.ann", NULL);
  g_autofree char *warnings = NULL;
  g_autofree char *ann = NULL;

  annotate_text (path, "bob", "claim",
                 "Alpha\fBeta\vGamma\u2028Delta\xC2\x85" "Eps\x1cZeta\u2029Eta",
                 "one\ftwo\u2028three\tfour\xC2\x85" "five\r\nsix");
  warnings = export_brat (out, path, NULL);

  ann = read_file (ann_path);
  g_assert_cmpstr (ann, ==,
                   "T1\tclaim 0 5;6 10;11 16;17 22;23 26;27 31;32 35\t"
                   "Alpha Beta Gamma Delta Eps Zeta Eta\n"
                   "#1\tAnnotatorNotes T1\tone two three\tfour five six\n");

  /* As brat reads it: two lines, the span in pieces, the note's tab kept. */
  g_assert_cmpint (check_brat (f, out,
                               "{\"bob/a.ann\": {"
                               "\"T1\": {\"type\": \"claim\", "
                               "\"spans\": [[0, 5], [6, 10], [11, 16], [17, 22], [23, 26], "
                               "[27, 31], [32, 35]], "
                               "\"text\": \"Alpha Beta Gamma Delta Eps Zeta Eta\"}, "
                               "\"#1\": {\"target\": \"T1\", "
                               "\"note\": \"one two three\\tfour five six\"}}}"),
                   ==, 0);
}

/* An annotation of line breaks alone has no piece brat could hold. */
static void
test_export_only_breaks (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = fixture_write (f, "a.txt", "One\f\u2028Two\n");
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autofree char *ann_path = g_build_filename (out, "bob", "a.ann", NULL);
  g_autofree char *warnings = NULL;
  g_autofree char *ann = NULL;

  annotate_text (path, "bob", "claim", "\f\u2028", NULL);
  annotate_text (path, "bob", "company", "Two", NULL);
  warnings = export_brat (out, path, NULL);

  ann = read_file (ann_path);
  g_assert_cmpstr (ann, ==, "T1\tcompany 5 8\tTwo\n");
  g_assert_nonnull (strstr (warnings, "1 annotation of line breaks alone left out"));
  g_assert_cmpint (check_brat (f, out, NULL), ==, 0);
}

/* A note's tab goes to brat as it is, and comes back into Gloss so. */
static void
test_note_tabs (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = fixture_write (f, "a.txt", "Acme signed.\n");
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autofree char *back = g_build_filename (f->dir, "back", NULL);
  g_autofree char *ann_from = g_build_filename (out, "bob", "a.ann", NULL);
  g_autofree char *txt_from = g_build_filename (out, "bob", "a.txt", NULL);
  g_autofree char *ann_to = g_build_filename (back, "a.ann", NULL);
  g_autofree char *txt_to = g_build_filename (back, "a.txt", NULL);
  g_autofree char *afile_path = g_build_filename (back, "a.txt.brat.gloss.json", NULL);
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("brat"));
  g_autoptr(GFile) afile = NULL;
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autoptr(GlossAnnotation) a = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *warnings = NULL;

  annotate_text (path, "bob", "company", "Acme", "name\tvalue\tsource");
  warnings = export_brat (out, path, NULL);
  g_assert_cmpint (check_brat (f, out,
                               "{\"bob/a.ann\": {\"#1\": {\"note\": \"name\\tvalue\\tsource\"}}}"),
                   ==, 0);

  g_mkdir_with_parents (back, 0755);
  copy_file (ann_from, ann_to);
  copy_file (txt_from, txt_to);
  g_assert_true (import_one (importer, ann_to, NULL));
  afile = g_file_new_for_path (afile_path);
  file = gloss_annotation_file_open (afile, GLOSS_LOAD_NONE, NULL, &error);
  g_assert_no_error (error);
  a = g_list_model_get_item (G_LIST_MODEL (gloss_annotation_file_get_layer (file)), 0);
  g_assert_cmpstr (gloss_annotation_get_note (a), ==, "name\tvalue\tsource");
}

/* Import allowances ----------------------------------------------------- */

#define SPACED_TEXT "Acme Corp\nof New\r\nYork signed.\n"

/* Another tool wrote a space where the article has a line break, and left
 * two text columns out: brat's one-line column forces the one, brat fills
 * the other from the article. */
static void
test_import_white_space (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *txt = fixture_write (f, "a.txt", SPACED_TEXT);
  g_autofree char *ann = fixture_write (f, "a.ann",
                                     "T1\tOrg 0 9\tAcme Corp\n"
                                     "T2\tPlace 13 22\tNew York\n"
                                     "T3\tOrg 0 4\n"
                                     "T4\tOrg 5 9\t \n"
                                     "T5\tPerson 0 4;5 9\tAcmeCorp\n");
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autofree char *exported_path = g_build_filename (out, "brat", "a.ann", NULL);
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("brat"));
  g_autofree char *notes = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *warnings = NULL;

  g_assert_true (import_one (importer, ann, NULL));
  g_assert_cmpuint (gloss_importer_get_n_annotations (importer), ==, 6);
  notes = notes_of (importer);
  g_test_message ("%s", notes);
  g_assert_nonnull (strstr (notes, "a.ann: 2 span lines have no text; Gloss took it from the "
                                   "article, as brat does (lines 3, 4)\n"));
  g_assert_nonnull (strstr (notes, "a.ann: 2 span lines give a text that differs from the article "
                                   "only in white space; Gloss kept the article’s (lines 2, 5)\n"));

  /* Back to brat with the article's text, cut at its line breaks. */
  warnings = export_brat (out, txt, NULL);
  exported = read_file (exported_path);
  g_assert_cmpstr (exported, ==,
                   "T1\tOrg 0 9\tAcme Corp\n"
                   "T2\tPlace 13 16;18 22\tNew York\n"
                   "T3\tOrg 0 4\tAcme\n"
                   "T4\tOrg 5 9\tCorp\n"
                   "T5\tPerson 0 4;5 9\tAcme Corp\n");
  g_assert_cmpint (check_brat (f, out, NULL), ==, 0);
}

/* A real mismatch still keeps the article out, and the report names its
 * line only. */
static void
test_import_mismatch_lines (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *txt = fixture_write (f, "a.txt", SPACED_TEXT);
  g_autofree char *ann = fixture_write (f, "a.ann",
                                     "T1\tPlace 13 22\tNew York\n"
                                     "T2\tOrg 0 4\tAcne\n"
                                     "T3\tOrg 5 9\tCorp\n"
                                     "T4\tOrg 0 9\tAcme Corp.\n");
  g_autofree char *afile_path = g_strconcat (txt, ".brat.gloss.json", NULL);
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("brat"));
  g_autofree char *message = NULL;

  g_assert_false (import_one (importer, ann, &message));
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, "a.ann:2: T2 says “Acne” but the article has “Acme” there"));
  g_assert_nonnull (strstr (message,
                            "a.ann:4: T4 says “Acme Corp.” but the article has “Acme Corp” there"));
  g_assert_null (strstr (message, "a.ann:1:"));
  g_assert_null (strstr (message, "a.ann:3:"));
  g_assert_false (g_file_test (afile_path, G_FILE_TEST_EXISTS));
}

/* annotation.conf ------------------------------------------------------- */

#define TYPES_TEXT "Alice works for Acme in Paris. Alice was born in Paris.\n"
#define TYPES_ANN "T1\tPerson 0 5\tAlice\n" \
                  "T2\tOrganization 16 20\tAcme\n" \
                  "T3\tGPE 24 29\tParis\n" \
                  "T4\tBe-born 41 45\tborn\n" \
                  "T5\tPerson 31 36\tAlice\n" \
                  "T6\tGPE 49 54\tParis\n" \
                  "T7\tOrganization 16 29\tAcme in Paris\n" \
                  "R1\tEmployment Arg1:T1 Arg2:T2\t\n" \
                  "E1\tBe-born:T4 Person-Arg:T5 Place-Arg:T6\n" \
                  "A1\tNegation E1\n" \
                  "A2\tMention T1 Name\n" \
                  "A3\tMention T5 Nominal\n" \
                  "N1\tReference T3 Wikipedia:22989\tParis\n" \
                  "*\tAlias T1 T5\n" \
                  "#1\tAnnotatorNotes R1\tchecked\n"

/* Without a configuration of its own, the export declares every type its
 * files use, as brat's checker wants them. */
static void
test_conf_declares (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *txt = fixture_write (f, "in/a.txt", TYPES_TEXT);
  g_autofree char *ann = fixture_write (f, "in/a.ann", TYPES_ANN);
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autofree char *exported_path = g_build_filename (out, "brat", "a.ann", NULL);
  g_autofree char *conf_path = g_build_filename (out, "annotation.conf", NULL);
  g_autofree char *copy_path = g_build_filename (out, "brat", "annotation.conf", NULL);
  g_autofree char *tools_path = g_build_filename (out, "tools.conf", NULL);
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("brat"));
  g_autofree char *warnings = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *conf = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *tools = NULL;
  g_autofree char *entities = NULL;
  g_autofree char *relations = NULL;
  g_autofree char *events = NULL;
  g_autofree char *attributes = NULL;

  g_assert_true (import_one (importer, ann, NULL));
  warnings = export_brat (out, txt, NULL);
  exported = read_file (exported_path);
  g_assert_cmpstr (exported, ==, TYPES_ANN);

  conf = read_file (conf_path);
  copy = read_file (copy_path);
  g_assert_cmpstr (copy, ==, conf);
  g_test_message ("%s", conf);

  entities = section_of (conf, "entities");
  g_assert_true (lines_kept ("Person\nOrganization\nGPE\t<NORM>:Wikipedia\n", entities));
  /* A trigger's type is an event's, declared there only. */
  g_assert_null (strstr (entities, "Be-born"));
  relations = section_of (conf, "relations");
  g_assert_true (lines_kept ("<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>\n"
                             "Employment\tArg1:Person, Arg2:Organization\n"
                             "Alias\tArg1:Person, Arg2:Person, <REL-TYPE>:symmetric-transitive\n",
                             relations));
  events = section_of (conf, "events");
  g_assert_true (lines_kept ("Be-born\tPerson-Arg*:Person, Place-Arg*:GPE\n", events));
  attributes = section_of (conf, "attributes");
  g_assert_true (lines_kept ("Negation\tArg:Be-born\nMention\tArg:Person, Value:Name|Nominal\n",
                             attributes));

  tools = read_file (tools_path);
  g_assert_true (lines_kept ("[normalization]\n\nWikipedia\tDB:<NONE>, <URL>:\n", tools));

  g_assert_cmpint (check_brat (f, out, NULL), ==, 0);
}

#define CORPUS_CONF "# The corpus's own.\n" \
                    "[entities]\n" \
                    "Person\n" \
                    "Organization\n" \
                    "GPE\n" \
                    "\n" \
                    "[relations]\n" \
                    "<POG>=Person|Organization|GPE\n" \
                    "Employment   Arg1:Person, Arg2:<POG>\n" \
                    "Alias        Arg1:Person, Arg2:Person, <REL-TYPE>:symmetric-transitive\n" \
                    "<OVERLAP>    Arg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:contain\n" \
                    "\n" \
                    "[events]\n" \
                    "!Life\n" \
                    "\tBe-born   Person-Arg:Person, Place-Arg?:GPE\n" \
                    "\n" \
                    "[attributes]\n" \
                    "Negation  Arg:<EVENT>\n" \
                    "Mention   Arg:<ENTITY>, Value:Name|Nominal|Other\n"
#define CORPUS_VISUAL "[labels]\n" \
                      "Person | Person | Per\n" \
                      "\n" \
                      "[drawing]\n" \
                      "SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen\n" \
                      "Person\tbgColor:#ff821c\n"
#define CORPUS_TOOLS "[options]\n" \
                     "Sentences\tsplitter:newline\n"

/* The corpus's configuration, kept by the import, goes back out as it
 * was, with only what it does not declare added. */
static void
test_conf_carried (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *txt = fixture_write (f, "in/a.txt", TYPES_TEXT);
  g_autofree char *ann = fixture_write (f, "in/a.ann", TYPES_ANN);
  g_autofree char *conf_in = fixture_write (f, "annotation.conf", CORPUS_CONF);
  g_autofree char *visual_in = fixture_write (f, "in/visual.conf", CORPUS_VISUAL);
  g_autofree char *tools_in = fixture_write (f, "in/tools.conf", CORPUS_TOOLS);
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autofree char *conf_path = g_build_filename (out, "annotation.conf", NULL);
  g_autofree char *visual_path = g_build_filename (out, "visual.conf", NULL);
  g_autofree char *tools_path = g_build_filename (out, "tools.conf", NULL);
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("brat"));
  g_autofree char *warnings = NULL;
  g_autofree char *conf = NULL;
  g_autofree char *visual = NULL;
  g_autofree char *tools = NULL;
  g_autofree char *entities = NULL;
  g_autofree char *labels = NULL;
  g_autofree char *drawing = NULL;

  g_assert_true (import_one (importer, ann, NULL));
  /* A new tag in Gloss. */
  annotate_text (txt, "brat", "claim", "was born", NULL);
  warnings = export_brat (out, txt, NULL);
  g_assert_cmpstr (warnings, ==, "");

  conf = read_file (conf_path);
  g_test_message ("%s", conf);
  g_assert_true (lines_kept (CORPUS_CONF, conf));
  entities = section_of (conf, "entities");
  g_assert_true (lines_kept ("GPE\n# Added by Gloss: types the exported files use.\nclaim\n",
                             entities));
  /* Declared by the corpus, in its own way: not again. */
  g_assert_null (strstr (conf, "Employment\tArg1"));
  g_assert_null (strstr (conf, "Be-born\t"));
  g_assert_null (strstr (entities, "Be-born"));

  visual = read_file (visual_path);
  g_test_message ("%s", visual);
  g_assert_true (lines_kept (CORPUS_VISUAL, visual));
  labels = section_of (visual, "labels");
  g_assert_true (lines_kept ("claim | Claim\n", labels));
  /* The corpus's types keep brat's defaults. */
  g_assert_null (strstr (labels, "Organization |"));
  drawing = section_of (visual, "drawing");
  g_assert_true (g_regex_match_simple ("^claim\tbgColor:#[0-9a-f]{6}$", drawing, G_REGEX_MULTILINE,
                                       0));
  g_assert_null (strstr (drawing, "GPE\t"));

  tools = read_file (tools_path);
  g_assert_true (lines_kept (CORPUS_TOOLS, tools));
  g_assert_true (lines_kept ("[normalization]\n\n# Added by Gloss: types the exported files use.\n"
                             "Wikipedia\tDB:<NONE>, <URL>:\n", tools));

  g_assert_cmpint (check_brat (f, out, NULL), ==, 0);
}

/* Two corpora with two configurations: Gloss writes its own, and says
 * so. */
static void
test_conf_mixed (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *a_txt = fixture_write (f, "one/a.txt", TYPES_TEXT);
  g_autofree char *a_ann = fixture_write (f, "one/a.ann", TYPES_ANN);
  g_autofree char *a_conf = fixture_write (f, "one/annotation.conf", CORPUS_CONF);
  g_autofree char *b_txt = fixture_write (f, "two/b.txt", "Zenith bought Acme.\n");
  g_autofree char *b_ann = fixture_write (f, "two/b.ann", "T1\tCompany 0 6\tZenith\n");
  g_autofree char *b_conf = fixture_write (f, "two/annotation.conf", "[entities]\nCompany\n");
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autofree char *conf_path = g_build_filename (out, "annotation.conf", NULL);
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("brat"));
  g_autofree char *warnings = NULL;
  g_autofree char *conf = NULL;

  g_assert_true (import_one (importer, a_ann, NULL));
  g_assert_true (import_one (importer, b_ann, NULL));
  warnings = export_brat (out, a_txt, b_txt, NULL);
  g_assert_cmpstr (warnings, ==,
                   "The articles imported from brat came with different annotation.conf files; "
                   "Gloss wrote its own\n");
  conf = read_file (conf_path);
  g_assert_true (g_str_has_prefix (conf, "# Written by Gloss"));
  g_assert_cmpint (check_brat (f, out, NULL), ==, 0);
}

/* A folder per language, each with its tools.conf (brat's CoNLL-2002
 * sample has one with sentences split at line breaks, one with a regular
 * expression): each folder gets its own back. */
static void
test_conf_per_folder (Fixture       *f,
                      gconstpointer  data)
{
  static const char * const langs[] = { "esp", "ned" };
  g_autofree char *conf = fixture_write (f, "corpus/annotation.conf", "[entities]\nPER\n");
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autofree char *exported_path = g_build_filename (out, "annotation.conf", NULL);
  g_autofree char *esp_conf = g_build_filename (out, "brat", "esp", "annotation.conf", NULL);
  g_autofree char *exported = NULL;
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("brat"));
  g_autoptr(GlossExporter) exporter = gloss_exporter_new (gloss_format_lookup ("brat"));
  g_autoptr(GFile) destination = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;
  GPtrArray *warnings;

  gloss_exporter_open_file (exporter, destination, TRUE, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autofree char *txt_name = g_strdup_printf ("corpus/%s/a.txt", langs[i]);
      g_autofree char *ann_name = g_strdup_printf ("corpus/%s/a.ann", langs[i]);
      g_autofree char *tools_name = g_strdup_printf ("corpus/%s/tools.conf", langs[i]);
      g_autofree char *tools_text = g_strdup_printf ("[options]\nSentences\tsplitter:%s\n",
                                                     i == 0 ? "newline" : "regex");
      g_autofree char *txt = fixture_write (f, txt_name, "Ana habla.\n");
      g_autofree char *ann = fixture_write (f, ann_name, "T1\tPER 0 3\tAna\n");
      g_autofree char *tools = fixture_write (f, tools_name, tools_text);
      g_autofree char *name = g_strdup_printf ("%s/a.txt", langs[i]);
      g_autoptr(GFile) article = g_file_new_for_path (txt);

      g_assert_true (import_one (importer, ann, NULL));
      gloss_exporter_add_article (exporter, article, name, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  gloss_exporter_finish (exporter, NULL, &error);
  g_assert_no_error (error);

  warnings = gloss_exporter_get_warnings (exporter);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==,
                   "The articles imported from brat came with different tools.conf files: "
                   "each is written back to the folder of its articles");
  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autofree char *from = g_strdup_printf ("%s/corpus/%s/tools.conf", f->dir, langs[i]);
      g_autofree char *to = g_strdup_printf ("%s/brat/%s/tools.conf", out, langs[i]);
      g_autofree char *before = read_file (from);
      g_autofree char *after = read_file (to);

      g_assert_cmpstr (after, ==, before);
    }
  /* The one annotation.conf they share stays above them. */
  exported = read_file (exported_path);
  g_assert_true (lines_kept ("[entities]\nPER\n", exported));
  g_assert_false (g_file_test (esp_conf, G_FILE_TEST_EXISTS));
  g_assert_cmpint (check_brat (f, out, NULL), ==, 0);
}

/* The news tutorial ----------------------------------------------------- */

/* brat's news collection, imported with or without its configuration
 * files, goes back to brat line for line, and with an annotation.conf
 * that declares every type its files use. */
static void
test_news (Fixture       *f,
           gconstpointer  data)
{
  gboolean with_conf = GPOINTER_TO_INT (data);
  g_autofree char *news = testdata_path ("brat-news");
  g_autofree char *in = g_build_filename (f->dir, "news", NULL);
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autoptr(GlossExporter) exporter = gloss_exporter_new (gloss_format_lookup ("brat"));
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("brat"));
  g_autoptr(GFile) destination = g_file_new_for_path (out);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *conf_path = g_build_filename (out, "annotation.conf", NULL);
  g_autofree char *conf = NULL;
  const char *name;

  if (news == NULL)
    {
      g_test_skip ("brat-news is not in GLOSS_TESTDATA");
      return;
    }

  g_mkdir_with_parents (in, 0755);
  dir = g_dir_open (news, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *from = g_build_filename (news, name, NULL);
      g_autofree char *to = g_build_filename (in, name, NULL);

      if (g_str_has_suffix (name, ".ann") || g_str_has_suffix (name, ".txt") ||
          (with_conf && g_str_has_suffix (name, ".conf")))
        copy_file (from, to);
      if (g_str_has_suffix (name, ".ann"))
        g_ptr_array_add (names, g_strndup (name, strlen (name) - 4));
    }
  g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);
  g_assert_cmpuint (names->len, ==, 13);

  gloss_importer_set_annotator (importer, "news");
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *ann_name = g_strconcat (g_ptr_array_index (names, i), ".ann", NULL);
      g_autofree char *ann = g_build_filename (in, ann_name, NULL);
      g_autoptr(GFile) input = g_file_new_for_path (ann);

      gloss_importer_import_file (importer, input, NULL, &error);
      g_assert_no_error (error);
    }
  gloss_importer_finish (importer, NULL, &error);
  g_assert_no_error (error);

  gloss_exporter_open_file (exporter, destination, TRUE, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *txt_name = g_strconcat (g_ptr_array_index (names, i), ".txt", NULL);
      g_autofree char *txt = g_build_filename (in, txt_name, NULL);
      g_autoptr(GFile) article = g_file_new_for_path (txt);

      gloss_exporter_add_article (exporter, article, txt_name, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  gloss_exporter_finish (exporter, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_exporter_get_warnings (exporter)->len, ==, 0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *ann_name = g_strconcat (g_ptr_array_index (names, i), ".ann", NULL);
      g_autofree char *before_path = g_build_filename (news, ann_name, NULL);
      g_autofree char *after_path = g_build_filename (out, "news", ann_name, NULL);
      g_autofree char *before = read_file (before_path);
      g_autofree char *after = read_file (after_path);

      g_assert_cmpstr (after, ==, before);
    }

  conf = read_file (conf_path);
  if (with_conf)
    {
      g_autofree char *news_conf_path = g_build_filename (news, "annotation.conf", NULL);
      g_autofree char *news_conf = read_file (news_conf_path);

      g_assert_true (lines_kept (news_conf, conf));
    }
  else
    {
      g_assert_true (g_str_has_prefix (conf, "# Written by Gloss"));
    }

  /* Every type used is declared, as brat's checker sees it. */
  g_assert_cmpint (check_brat (f, out, NULL), ==, 0);
}

/* Relations and attributes ----------------------------------------------- */

#define RELATED_TEXT "Acme said profits doubled; Zenith said it cut costs.\n"

static void
test_relations (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = fixture_write (f, "a.txt", RELATED_TEXT);
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autofree char *ann_path = g_build_filename (out, "bob", "a.ann", NULL);
  g_autofree char *conf_path = g_build_filename (out, "annotation.conf", NULL);
  g_autofree char *back_path = g_build_filename (out, "bob", "a.txt.bob.gloss.json", NULL);
  g_autofree char *warnings = NULL;
  g_autofree char *ann = NULL;
  g_autofree char *conf = NULL;
  g_autofree char *relations = NULL;
  g_autofree char *attributes = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GlossAnnotationFile) original = NULL;
  g_autoptr(GlossAnnotationFile) back = NULL;
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("brat"));
  g_autoptr(GFile) afile = NULL;
  g_autoptr(GFile) article = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  relate_text (path, "bob");
  warnings = export_brat (out, path, NULL);
  g_assert_cmpstr (warnings, ==, "");

  /* As brat writes them: A lines with their value, R lines with
   * arguments Arg1 and Arg2 and a tab at the end, a note on a relation
   * as on a span. */
  ann = read_file (ann_path);
  g_assert_cmpstr (ann, ==,
                   "T1\tcompany 0 4\tAcme\n"
                   "T2\tclaim 10 25\tprofits doubled\n"
                   "T3\tcompany 27 33\tZenith\n"
                   "T4\tclaim 39 51\tit cut costs\n"
                   "A1\tverdict T2 false\n"
                   "A2\tverdict T4 misleading\n"
                   "R1\tsaid-by Arg1:T2 Arg2:T1\t\n"
                   "R2\tabout Arg1:T4 Arg2:T1\t\n"
                   "R3\tsaid-by Arg1:T4 Arg2:T3\t\n"
                   "#1\tAnnotatorNotes R3\ton the radio\n");

  /* annotation.conf declares the codebook's relation types and its
   * verdict, with every value, and brat's checker accepts the lot. */
  conf = read_file (conf_path);
  relations = section_of (conf, "relations");
  attributes = section_of (conf, "attributes");
  g_assert_nonnull (strstr (relations, "said-by\tArg1:claim, Arg2:company\n"));
  g_assert_nonnull (strstr (relations, "about\tArg1:claim|controversy, Arg2:company\n"));
  g_assert_nonnull (strstr (attributes,
                            "verdict\tArg:claim, Value:true|false|misleading|unverifiable\n"));
  g_assert_cmpint (check_brat (f, out,
                               "{\"bob/a.ann\": {"
                               "\"R1\": {\"type\": \"said-by\", "
                               "\"args\": [[\"Arg1\", \"T2\"], [\"Arg2\", \"T1\"]]}, "
                               "\"A2\": {\"type\": \"verdict\", \"target\": \"T4\", "
                               "\"value\": \"misleading\"}, "
                               "\"#1\": {\"target\": \"R3\", \"note\": \"on the radio\"}}}"),
                   ==, 0);

  /* Back into Gloss: the same annotations, attributes and relations. */
  gloss_importer_set_annotator (importer, "bob");
  g_assert_true (import_one (importer, ann_path, NULL));
  g_assert_cmpuint (gloss_importer_get_n_kept (importer), ==, 0);
  afile = gloss_annotation_file_path_for (article, "bob");
  original = gloss_annotation_file_open (afile, GLOSS_LOAD_NONE, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&afile);
  afile = g_file_new_for_path (back_path);
  back = gloss_annotation_file_open (afile, GLOSS_LOAD_NONE, NULL, &error);
  g_assert_no_error (error);

  before = describe_relations (original);
  after = describe_relations (back);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (before, ==,
                   "profits doubled {'verdict': <'false'>}|"
                   "it cut costs {'verdict': <'misleading'>}|"
                   "about it cut costs -> Acme ()|"
                   "said-by it cut costs -> Zenith (on the radio)|"
                   "said-by profits doubled -> Acme ()|");
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = describe_annotations (original, TRUE);
  after = describe_annotations (back, TRUE);
  g_assert_cmpstr (after, ==, before);

  /* And out again: the same .ann, brat's ids kept. */
  g_clear_pointer (&ann, g_free);
  {
    g_autofree char *again = g_build_filename (f->dir, "again", NULL);
    g_autofree char *again_ann = g_build_filename (again, "bob", "a.ann", NULL);
    g_autofree char *back_txt = g_build_filename (out, "bob", "a.txt", NULL);
    g_autofree char *w = export_brat (again, back_txt, NULL);
    g_autofree char *first = read_file (ann_path);

    ann = read_file (again_ann);
    g_assert_cmpstr (ann, ==, first);
  }
}

/* A relation whose end brat's file lacks, an attribute value the codebook
 * does not allow: kept as lines, each named with its file and line in
 * the report. */
static void
test_relations_refused (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *txt = fixture_write (f, "a.txt", RELATED_TEXT);
  g_autofree char *ann = fixture_write (f, "a.ann",
                                        "T1\tcompany 0 4\tAcme\n"
                                        "T2\tclaim 10 25\tprofits doubled\n"
                                        "R1\tsaid-by Arg1:T2 Arg2:T9\t\n"
                                        "A1\tverdict T2 bogus\n"
                                        "R2\tsaid-by Arg1:T1 Arg2:T2\t\n"
                                        "A2\tverdict T2 true\n");
  g_autoptr(GlossImporter) importer = gloss_importer_new (gloss_format_lookup ("brat"));
  g_autofree char *notes = NULL;

  gloss_importer_set_annotator (importer, "bob");
  g_assert_true (import_one (importer, ann, NULL));
  notes = notes_of (importer);
  g_test_message ("%s", notes);
  g_assert_nonnull (strstr (notes, "a.ann:3: R1 points at T9, which is not a span Gloss imported"));
  g_assert_nonnull (strstr (notes, "a.ann:4: A1 not imported as an attribute ("));
  g_assert_nonnull (strstr (notes, "a.ann:5: R2 not imported as a relation ("));
  g_assert_cmpuint (gloss_importer_get_n_kept (importer), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  format_test_init (&argc, &argv);

  ADD_TEST ("/brat/export/line-breaks", test_export_line_breaks);
  ADD_TEST ("/brat/export/only-line-breaks", test_export_only_breaks);
  ADD_TEST ("/brat/export/note-tabs", test_note_tabs);
  ADD_TEST ("/brat/import/white-space", test_import_white_space);
  ADD_TEST ("/brat/import/mismatch-lines", test_import_mismatch_lines);
  ADD_TEST ("/brat/conf/declares", test_conf_declares);
  ADD_TEST ("/brat/conf/carried", test_conf_carried);
  ADD_TEST ("/brat/conf/mixed", test_conf_mixed);
  ADD_TEST ("/brat/conf/per-folder", test_conf_per_folder);
  ADD_TEST ("/brat/relations/round-trip", test_relations);
  ADD_TEST ("/brat/relations/refused", test_relations_refused);
  g_test_add ("/brat/news/with-conf", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_news,
              fixture_tear_down);
  g_test_add ("/brat/news/without-conf", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up,
              test_news, fixture_tear_down);

  return g_test_run ();
}
