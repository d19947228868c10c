/* test-spans.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gloss-html-reader.h"
#include "gloss-source.h"
#include "gloss-xml-reader.h"

/* The emphasis of HTML and XML articles: which elements give spans, and
 * that each span covers exactly its words in the extracted text. */

#define EM GLOSS_SPAN_EMPHASIS
#define STRONG GLOSS_SPAN_STRONG

typedef struct
{
  guint          start;
  guint          end;
  GlossSpanKind  kind;
  const char    *text;
} Expected;

static GlossSource *
open_sample (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("GLOSS_SOURCE_ROOT"), "data", "samples",
                                            name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossSource *source;

  source = gloss_source_new_from_article (file, 0, NULL, &error);
  g_assert_no_error (error);

  return source;
}

static GlossSource *
read_html (const char *html)
{
  g_autoptr(GError) error = NULL;
  GlossSource *source;

  source = gloss_html_reader_read (NULL, "page.html", html, strlen (html), 0, &error);
  g_assert_no_error (error);

  return source;
}

static GlossSource *
read_xml (const char *xml)
{
  g_autoptr(GError) error = NULL;
  GlossSource *source;

  source = gloss_xml_reader_read (NULL, "doc.xml", xml, strlen (xml), 0, &error);
  g_assert_no_error (error);

  return source;
}

/* The spans of @source are exactly @expected, in that order, each over
 * its text. */
static void
assert_spans (GlossSource    *source,
              const Expected *expected,
              guint           n_expected)
{
  const GlossSpan *spans;
  guint n_spans = G_MAXUINT;

  spans = gloss_source_get_spans (source, &n_spans);
  g_assert_cmpuint (n_spans, ==, n_expected);
  if (n_expected == 0)
    g_assert_null (spans);

  for (guint i = 0; i < n_expected; i++)
    {
      g_autofree char *slice = gloss_source_dup_slice (source, spans[i].start, spans[i].end);

      g_assert_cmpuint (spans[i].start, ==, expected[i].start);
      g_assert_cmpuint (spans[i].end, ==, expected[i].end);
      g_assert_cmpint (spans[i].kind, ==, expected[i].kind);
      g_assert_cmpstr (slice, ==, expected[i].text);
    }
}

static void
test_news_page (void)
{
  g_autoptr(GlossSource) source = open_sample ("news-page.html");
  static const Expected expected[] = {
    { 103, 158, STRONG, "Le port breton installera cet été deux pontons mobiles." },
    { 299, 310, EM, "Armor Quais" },
    { 655, 664, STRONG, "septembre" },
    { 692, 699, EM, "ferries" },
    { 766, 774, EM, "inquiets" },
    /* <strong> across a line break of the file, an <em> inside it. */
    { 819, 847, STRONG, "la criée pendant les travaux" },
    { 836, 847, EM, "les travaux" },
    { 954, 965, EM, "avant l’été" },
  };

  assert_spans (source, expected, G_N_ELEMENTS (expected));
}

static void
test_tei_sample (void)
{
  g_autoptr(GlossSource) source = open_sample ("tei-article.xml");
  static const Expected expected[] = {
    { 21, 27, EM, "noroît" },
    { 120, 126, STRONG, "Molène" },
    { 354, 365, EM, "chaque soir" },
  };

  assert_spans (source, expected, G_N_ELEMENTS (expected));
}

static void
test_jats_sample (void)
{
  g_autoptr(GlossSource) source = open_sample ("jats-article.xml");
  /* The <italic> of the article title is front matter, not text. */
  static const Expected expected[] = {
    { 100, 115, STRONG, "Floating berths" },
    { 380, 389, EM, "quadratic" },
    { 427, 431, EM, "silt" },
  };

  assert_spans (source, expected, G_N_ELEMENTS (expected));
}

static void
test_html_elements (void)
{
  g_autoptr(GlossSource) source = NULL;
  static const Expected expected[] = {
    { 0, 1, EM, "a" },
    { 2, 3, EM, "b" },
    { 4, 5, EM, "c" },
    { 6, 7, STRONG, "d" },
    { 8, 9, STRONG, "e" },
  };

  /* <u>, <mark> and <span> are not emphasis Gloss shows. */
  source = read_html ("<p><em>a</em> <i>b</i> <cite>c</cite> <strong>d</strong> <b>e</b> "
                      "<u>f</u> <mark>g</mark> <span>h</span></p>");
  g_assert_cmpstr (gloss_source_get_text (source), ==, "a b c d e f g h");
  assert_spans (source, expected, G_N_ELEMENTS (expected));
}

static void
test_html_nested (void)
{
  g_autoptr(GlossSource) source = NULL;
  /* A no-break space is text, unlike the collapsed spaces around it. */
  static const Expected expected[] = {
    { 9, 23, STRONG, "très forte et\u00a0" },
    { 14, 19, EM, "forte" },
  };

  source = read_html ("<p>Une voix <strong>très <em>forte</em> et&nbsp;</strong>claire.</p>");
  g_assert_cmpstr (gloss_source_get_text (source), ==, "Une voix très forte et\u00a0claire.");
  assert_spans (source, expected, G_N_ELEMENTS (expected));
}

static void
test_html_line_break (void)
{
  g_autoptr(GlossSource) source = NULL;
  static const Expected expected[] = {
    { 6, 22, EM, "première\nseconde" },
    { 23, 28, STRONG, "ligne" },
  };

  source = read_html ("<p>Voici <em>première<br>\n   seconde</em> <b>\n ligne </b></p>");
  g_assert_cmpstr (gloss_source_get_text (source), ==, "Voici première\nseconde ligne");
  assert_spans (source, expected, G_N_ELEMENTS (expected));
}

static void
test_html_heading (void)
{
  g_autoptr(GlossSource) source = NULL;
  const GlossBlock *blocks;
  guint n_blocks = 0;
  static const Expected expected[] = {
    { 3, 8, EM, "grand" },
    { 18, 23, STRONG, "texte" },
  };

  source = read_html ("<article><h1>Le <em>grand</em> jour</h1><p>Le <b>texte</b>.</p></article>");
  g_assert_cmpstr (gloss_source_get_text (source), ==, "Le grand jour\n\nLe texte.");
  blocks = gloss_source_get_blocks (source, &n_blocks);
  g_assert_cmpuint (n_blocks, ==, 2);
  g_assert_cmpint (blocks[0].kind, ==, GLOSS_BLOCK_HEADING);
  assert_spans (source, expected, G_N_ELEMENTS (expected));
}

/* Spans without text, or only white space, and spans in what the reader
 * leaves out, leave no trace; white space at the edges stays out. */
static void
test_html_empty (void)
{
  g_autoptr(GlossSource) source = NULL;
  static const Expected expected[] = {
    { 2, 3, EM, "b" },
  };

  source = read_html ("<article><p>a<em> b </em>c<em></em><strong> </strong>"
                      "<b hidden>caché</b><i><script>x()</script></i></p>"
                      "<nav><em>menu</em></nav></article>");
  g_assert_cmpstr (gloss_source_get_text (source), ==, "a b c");
  assert_spans (source, expected, G_N_ELEMENTS (expected));
}

static void
test_tei (void)
{
  g_autoptr(GlossSource) source = NULL;
  /* Bold and italic from one element give two spans over the same word,
   * in the order of their kinds; "la pluie" goes across a line break of
   * the file.
   * A <hi> without a rend, or with one that is not italic or bold, gives
   * none. */
  static const Expected expected[] = {
    { 5, 11, EM, "froide" },
    { 16, 19, EM, "mer" },
    { 16, 19, STRONG, "mer" },
    { 30, 38, STRONG, "la pluie" },
  };

  source = read_xml ("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body>"
                     "<head>Nuit <emph>froide</emph></head>"
                     "<p>La <hi rend=\"bold italic\">mer</hi>, <hi>le</hi> "
                     "<hi rend=\"underline\">vent</hi>, <hi rend=\"b\">la\n   pluie</hi>.</p>"
                     "</body></text></TEI>");
  g_assert_cmpstr (gloss_source_get_text (source), ==, "Nuit froide\n\nLa mer, le vent, la pluie.");
  assert_spans (source, expected, G_N_ELEMENTS (expected));
}

static void
test_jats (void)
{
  g_autoptr(GlossSource) source = NULL;
  static const Expected expected[] = {
    { 0, 8, EM, "Sediment" },
    { 10, 29, STRONG, "Silt settles slowly" },
    { 15, 22, EM, "settles" },
  };

  source = read_xml ("<article><body><sec><title><italic>Sediment</italic></title>"
                     "<p><bold>Silt <italic>settles</italic>\n  slowly</bold>.</p>"
                     "</sec></body></article>");
  g_assert_cmpstr (gloss_source_get_text (source), ==, "Sediment\n\nSilt settles slowly.");
  assert_spans (source, expected, G_N_ELEMENTS (expected));
}

/* Other XML has no vocabulary Gloss knows, and plain text no markup. */
static void
test_no_spans (void)
{
  g_autoptr(GlossSource) other = read_xml ("<doc><p>Un <b>texte</b> <em>court</em>.</p></doc>");
  g_autoptr(GlossSource) plain = gloss_source_new_from_text ("Un *texte* court.", -1, NULL);
  guint n_spans = G_MAXUINT;

  g_assert_cmpstr (gloss_source_get_text (other), ==, "Un texte court.");
  g_assert_null (gloss_source_get_spans (other, &n_spans));
  g_assert_cmpuint (n_spans, ==, 0);

  n_spans = G_MAXUINT;
  g_assert_null (gloss_source_get_spans (plain, &n_spans));
  g_assert_cmpuint (n_spans, ==, 0);
  g_assert_null (gloss_source_get_spans (plain, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/spans/samples/news-page", test_news_page);
  g_test_add_func ("/spans/samples/tei", test_tei_sample);
  g_test_add_func ("/spans/samples/jats", test_jats_sample);
  g_test_add_func ("/spans/html/elements", test_html_elements);
  g_test_add_func ("/spans/html/nested", test_html_nested);
  g_test_add_func ("/spans/html/line-break", test_html_line_break);
  g_test_add_func ("/spans/html/heading", test_html_heading);
  g_test_add_func ("/spans/html/empty", test_html_empty);
  g_test_add_func ("/spans/xml/tei", test_tei);
  g_test_add_func ("/spans/xml/jats", test_jats);
  g_test_add_func ("/spans/none", test_no_spans);

  return g_test_run ();
}
