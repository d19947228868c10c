/* test-html.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-html-reader.h"
#include "gloss-source.h"

/* The text a browser shows of data/samples/news-page.html, as Gloss
 * extracts it: the article only (no cookie banner, navigation, share
 * buttons, promotion, aside, hidden text, comments or footers), entities
 * decoded, white space collapsed, a blank line between blocks and a line
 * break for the <br>. */
#define NEWS_TEXT \
  "Économie maritime\n" \
  "\n" \
  "Brest teste des quais flottants pour ses ferries\n" \
  "\n" \
  "Par Maëlle Kerjean · 4 mars 2026\n" \
  "\n" \
  "Le port breton installera cet été deux pontons mobiles. Objectif\u00a0: accueillir " \
  "des navires plus longs sans draguer la rade.\n" \
  "\n" \
  "Les essais commenceront en juin au terminal du Moulin-Blanc. La société Armor Quais, " \
  "retenue après un appel d’offres, fournira deux modules de 80\u00a0mètres.\n" \
  "\n" \
  "Un chantier à 14 millions d’euros\n" \
  "\n" \
  "Le budget, partagé entre la région et l'État, couvre les pontons, les ancrages et " \
  "trois ans d’entretien. «\u00a0C’est moins cher qu’un quai en béton\u00a0», assure " \
  "la direction du port.\n" \
  "\n" \
  "Le calendrier prévu\u202f:\n" \
  "\n" \
  "juin\u00a0: livraison du premier module ;\n" \
  "\n" \
  "septembre\u00a0: mise en service pour les ferries ;\n" \
  "\n" \
  "2027\u00a0: bilan & décision sur un troisième ponton.\n" \
  "\n" \
  "Des pêcheurs inquiets\n" \
  "\n" \
  "Nous demandons des garanties sur l’accès à la criée pendant les travaux.\n" \
  "\n" \
  "Le comité local des pêches a écrit au préfet maritime. Sa présidente, Anne Le Goff, " \
  "réclame une réunion avant l’été et rappelle que <\u00a020\u00a0% des bateaux\u00a0> " \
  "seulement disposent d’un second port d’attache.\n" \
  "\n" \
  "Réunion publique : mardi 10 mars, 18\u00a0h\n" \
  "Salle Keraudren, entrée libre"

static char *tmp_dir;

static char *
sample_path (const char *name)
{
  return g_build_filename (g_getenv ("GLOSS_SOURCE_ROOT"), "data", "samples", name, NULL);
}

static GlossSource *
open_sample (const char *name)
{
  g_autofree char *path = sample_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossSource *source;

  source = gloss_source_new_from_article (file, 0, NULL, &error);
  g_assert_no_error (error);

  return source;
}

static GlossSource *
read_html (const char  *html,
           gssize       length,
           GError     **error)
{
  return gloss_html_reader_read (NULL, "page.html", html,
                                 length < 0 ? strlen (html) : (gsize) length, 0, error);
}

static void
assert_text (const char *html,
             const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSource) source = read_html (html, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (gloss_source_get_text (source), ==, expected);
}

static void
test_sample_text (void)
{
  g_autoptr(GlossSource) source = open_sample ("news-page.html");

  g_assert_cmpstr (gloss_source_get_text (source), ==, NEWS_TEXT);
  g_assert_cmpstr (gloss_source_get_media_type (source), ==, "text/html");
  g_assert_cmpstr (gloss_source_get_encoding (source), ==, "UTF-8");
  g_assert_cmpstr (gloss_source_get_reader (source), ==, "gloss-html/1");
  g_assert_cmpstr (gloss_source_get_name (source), ==, "news-page.html");
  g_assert_cmpuint (gloss_source_get_warnings (source)->len, ==, 0);
}

static void
test_sample_metadata (void)
{
  g_autoptr(GlossSource) source = open_sample ("news-page.html");

  g_assert_cmpstr (gloss_source_get_title (source), ==,
                   "Brest teste des quais flottants pour ses ferries");
  g_assert_cmpstr (gloss_source_get_metadata (source, "title"), ==,
                   "Brest teste des quais flottants pour ses ferries");
  g_assert_cmpstr (gloss_source_get_metadata (source, "author"), ==, "Maëlle Kerjean");
  g_assert_cmpstr (gloss_source_get_metadata (source, "date"), ==, "2026-03-04T07:30:00+01:00");
  g_assert_cmpstr (gloss_source_get_metadata (source, "description"), ==,
                   "Le port breton installera cet été deux pontons mobiles pour accueillir "
                   "des navires plus longs.");
  g_assert_cmpstr (gloss_source_get_metadata (source, "site_name"), ==, "La Gazette du Littoral");
  g_assert_cmpstr (gloss_source_get_metadata (source, "url"), ==,
                   "https://gazette-littoral.example/economie/brest-quais-flottants");
  g_assert_cmpstr (gloss_source_get_metadata (source, "language"), ==, "fr");
  g_assert_cmpuint (g_hash_table_size (gloss_source_get_metadata_table (source)), ==, 7);
}

static void
test_sample_blocks (void)
{
  static const struct
  {
    GlossBlockKind kind;
    guint level;
    const char *starts;
  } expected[] = {
    { GLOSS_BLOCK_PARAGRAPH, 0, "Économie" },
    { GLOSS_BLOCK_HEADING, 1, "Brest teste" },
    { GLOSS_BLOCK_PARAGRAPH, 0, "Par Maëlle" },
    { GLOSS_BLOCK_PARAGRAPH, 0, "Le port breton" },
    { GLOSS_BLOCK_PARAGRAPH, 0, "Les essais" },
    { GLOSS_BLOCK_HEADING, 2, "Un chantier" },
    { GLOSS_BLOCK_PARAGRAPH, 0, "Le budget" },
    { GLOSS_BLOCK_PARAGRAPH, 0, "Le calendrier" },
    { GLOSS_BLOCK_LIST_ITEM, 1, "juin" },
    { GLOSS_BLOCK_LIST_ITEM, 1, "septembre" },
    { GLOSS_BLOCK_LIST_ITEM, 1, "2027" },
    { GLOSS_BLOCK_HEADING, 2, "Des pêcheurs" },
    { GLOSS_BLOCK_QUOTE, 0, "Nous demandons" },
    { GLOSS_BLOCK_PARAGRAPH, 0, "Le comité" },
    { GLOSS_BLOCK_PARAGRAPH, 0, "Réunion publique" },
  };
  g_autoptr(GlossSource) source = open_sample ("news-page.html");
  const GlossBlock *blocks;
  guint n_blocks = 0;

  blocks = gloss_source_get_blocks (source, &n_blocks);
  g_assert_cmpuint (n_blocks, ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < n_blocks; i++)
    {
      g_autofree char *slice = gloss_source_dup_slice (source, blocks[i].start, blocks[i].end);

      g_assert_cmpint (blocks[i].kind, ==, expected[i].kind);
      g_assert_cmpuint (blocks[i].level, ==, expected[i].level);
      g_assert_true (g_str_has_prefix (slice, expected[i].starts));
      /* Blocks never hold the blank line between them. */
      g_assert_false (g_str_has_prefix (slice, "\n") || g_str_has_suffix (slice, "\n"));
      if (i > 0)
        g_assert_cmpuint (blocks[i].start, ==, blocks[i - 1].end + 2);
    }
  g_assert_cmpuint (blocks[n_blocks - 1].end, ==, gloss_source_get_length (source));
}

static gunichar
char_at (const char *text,
         guint       offset)
{
  return g_utf8_get_char (g_utf8_offset_to_pointer (text, offset));
}

/* Every character of the text is found where the map says, in the text
 * content of the element its XPath selects when libxml2 evaluates it on
 * the page: the same character, or white space for a collapsed space;
 * only the line breaks Gloss added are nobody's. */
static void
test_sample_locations (void)
{
  g_autofree char *path = sample_path ("news-page.html");
  g_autoptr(GlossSource) source = open_sample ("news-page.html");
  g_autoptr(GHashTable) contents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, xmlFree);
  const char *text = gloss_source_get_text (source);
  guint length = gloss_source_get_length (source);
  g_autofree char *xpath = NULL;
  xmlXPathContextPtr context;
  guint element_offset = 0;
  guint checked = 0;
  htmlDocPtr doc;

  doc = htmlReadFile (path, "UTF-8", HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                      HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER);
  g_assert_nonnull (doc);
  context = xmlXPathNewContext (doc);

  for (guint offset = 0; offset < length; offset++)
    {
      gunichar c = char_at (text, offset);
      g_autofree char *where = NULL;
      xmlChar *content;

      g_assert_true (gloss_source_locate (source, offset, &where, &element_offset));
      if (c == '\n')
        continue;

      content = g_hash_table_lookup (contents, where);
      if (content == NULL)
        {
          xmlXPathObjectPtr result = xmlXPathEvalExpression ((const xmlChar *) where, context);

          g_assert_nonnull (result);
          g_assert_nonnull (result->nodesetval);
          g_assert_cmpint (result->nodesetval->nodeNr, ==, 1);
          content = xmlNodeGetContent (result->nodesetval->nodeTab[0]);
          g_hash_table_insert (contents, g_strdup (where), content);
          xmlXPathFreeObject (result);
        }

      g_assert_cmpuint (element_offset, <, g_utf8_strlen ((const char *) content, -1));
      if (c == ' ')
        g_assert_true (g_unichar_isspace (char_at ((const char *) content, element_offset)));
      else
        g_assert_cmpuint (char_at ((const char *) content, element_offset), ==, c);
      checked++;
    }
  g_assert_cmpuint (checked, >, length - 40);

  /* "Moulin-Blanc" in the second paragraph of the article. */
  g_assert_true (gloss_source_locate (source, 273, &xpath, &element_offset));
  g_assert_cmpstr (xpath, ==, "/html/body/main/article/p[2]");
  g_assert_cmpuint (element_offset, ==, 46);
  g_clear_pointer (&xpath, g_free);

  /* The end of the text, and the blank line after the heading: just after
   * the text before them. */
  g_assert_true (gloss_source_locate (source, length, &xpath, &element_offset));
  g_assert_cmpstr (xpath, ==, "/html/body/main/article/p[7]");
  g_clear_pointer (&xpath, g_free);
  g_assert_true (gloss_source_locate (source, 67, &xpath, &element_offset));
  g_assert_cmpstr (xpath, ==, "/html/body/main/article/header/h1");
  g_assert_cmpuint (element_offset, ==, 60);

  xmlXPathFreeContext (context);
  xmlFreeDoc (doc);
}

static void
test_plain_text_has_no_map (void)
{
  g_autoptr(GlossSource) source = gloss_source_new_from_text ("abc", -1, "a.txt");
  g_autofree char *xpath = NULL;

  g_assert_false (gloss_source_locate (source, 1, &xpath, NULL));
  g_assert_null (xpath);
  g_assert_cmpuint (gloss_source_get_warnings (source)->len, ==, 0);
}

static void
test_structure (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSource) source = NULL;
  const GlossBlock *blocks;
  guint n_blocks = 0;

  source = read_html ("<html><body><article><h2>  Titre\n  deux </h2>"
                      "<p>a <b>b</b>  c<br>  d <br> </p>"
                      "<pre>\n  code\r\n  line  \n</pre>"
                      "<ul><li>un<ul><li>deux</li></ul>fin</li></ul>"
                      "<blockquote>cité</blockquote>"
                      "<p>&eacute;&amp;&#x41;&#65;&nbsp;x<i>y</i>z&#128512;</p>"
                      "</article></body></html>", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_source_get_text (source), ==,
                   "Titre deux\n\na b c\nd\n\n  code\n  line\n\nun\n\ndeux\n\nfin\n\ncité\n\n"
                   "é&AA\u00a0xyz\U0001F600");

  blocks = gloss_source_get_blocks (source, &n_blocks);
  g_assert_cmpuint (n_blocks, ==, 8);
  g_assert_cmpint (blocks[0].kind, ==, GLOSS_BLOCK_HEADING);
  g_assert_cmpuint (blocks[0].level, ==, 2);
  g_assert_cmpint (blocks[1].kind, ==, GLOSS_BLOCK_PARAGRAPH);
  g_assert_cmpint (blocks[2].kind, ==, GLOSS_BLOCK_PREFORMATTED);
  g_assert_cmpint (blocks[3].kind, ==, GLOSS_BLOCK_LIST_ITEM);
  g_assert_cmpuint (blocks[3].level, ==, 1);
  g_assert_cmpint (blocks[4].kind, ==, GLOSS_BLOCK_LIST_ITEM);
  g_assert_cmpuint (blocks[4].level, ==, 2);
  g_assert_cmpuint (blocks[5].level, ==, 1);
  g_assert_cmpint (blocks[6].kind, ==, GLOSS_BLOCK_QUOTE);
  g_assert_cmpint (blocks[7].kind, ==, GLOSS_BLOCK_PARAGRAPH);

  /* Paragraphs inside list items and quotes take their kind. */
  g_clear_object (&source);
  source = read_html ("<main><ol><li><p>item</p></li></ol><blockquote><p>q1</p><p>q2</p>"
                      "</blockquote></main>", -1, &error);
  g_assert_no_error (error);
  blocks = gloss_source_get_blocks (source, &n_blocks);
  g_assert_cmpuint (n_blocks, ==, 3);
  g_assert_cmpint (blocks[0].kind, ==, GLOSS_BLOCK_LIST_ITEM);
  g_assert_cmpint (blocks[1].kind, ==, GLOSS_BLOCK_QUOTE);
  g_assert_cmpint (blocks[2].kind, ==, GLOSS_BLOCK_QUOTE);
}

static void
test_furniture (void)
{
  assert_text ("<article><p>vu</p><p hidden>caché</p><div aria-hidden=\"true\">caché</div>"
               "<span style=\"DISPLAY : None !important\">caché</span>"
               "<div class=\"SocialLinks\">caché</div><div id=\"newsletter-signup\">caché</div>"
               "<div role=\"navigation\">caché</div><template><p>caché</p></template>"
               "<p style=\"color: red\">rouge</p><!-- commentaire --></article>",
               "vu\n\nrouge");

  /* An article's own header is its headline; the page's is furniture. */
  assert_text ("<body><header><p>Le Journal</p></header><article><header><h1>Titre</h1>"
               "</header><p>Texte.</p></article></body>",
               "Titre\n\nTexte.");
}

static void
test_article_choice (void)
{
  /* The biggest of several articles. */
  assert_text ("<body><article><p>Court.</p></article><article><p>Le vrai article, plus long "
               "que l'autre.</p></article></body>",
               "Le vrai article, plus long que l'autre.");

  /* A teaser marked up as an article loses to a story in plain <div>s. */
  assert_text ("<body><article class=\"teaser\"><p>Accroche.</p></article><div id=\"story\">"
               "<p>Premier paragraphe de l'histoire.</p><p>Deuxième paragraphe.</p></div></body>",
               "Premier paragraphe de l'histoire.\n\nDeuxième paragraphe.");

  /* <main>, when there is no article. */
  assert_text ("<body><div><p>Ailleurs.</p></div><main><h1>Titre</h1><p>Dedans.</p></main></body>",
               "Titre\n\nDedans.");

  /* No paragraphs at all: the body. */
  assert_text ("<body><nav>Menu</nav><div>Texte seul</div><div>Et un autre</div></body>",
               "Texte seul\n\nEt un autre");
}

static void
test_xpath_steps (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSource) source = NULL;
  g_autofree char *xpath = NULL;
  guint element_offset = 0;

  /* Left-out siblings still count in positions. */
  source = read_html ("<html><body><div class=\"cookie-notice\"><p>Cookies</p></div>"
                      "<div><p>a</p><p>b <em>c</em></p></div></body></html>", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_source_get_text (source), ==, "a\n\nb c");
  g_assert_true (gloss_source_locate (source, 5, &xpath, &element_offset));
  g_assert_cmpstr (xpath, ==, "/html/body/div[2]/p[2]");
  g_assert_cmpuint (element_offset, ==, 2);
}

static void
test_encoding_detection (void)
{
  static const struct
  {
    const char *data;
    const char *encoding;
    gsize bom;
    const char *unknown;
  } cases[] = {
    { "\xef\xbb\xbf<meta charset=\"windows-1252\"><p>\xc3\xa9</p>", "UTF-8", 3, NULL },
    { "\xff\xfe<\0p\0>\0", "UTF-16LE", 2, NULL },
    { "\xfe\xff\0<\0p\0>", "UTF-16BE", 2, NULL },
    { "<meta charset=\"ISO-8859-1\"><p>\xc3\xa9</p>", "windows-1252", 0, NULL },
    { "<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=iso-8859-15'>", "iso-8859-15", 0, NULL },
    { "<meta content=\"text/html; charset=koi8-r\"><p>x</p>", "UTF-8", 0, NULL },
    { "<!-- <meta charset=\"koi8-r\"> --><p>\xc3\xa9</p>", "UTF-8", 0, NULL },
    { "<meta charset=\"utf-16\"><p>x</p>", "UTF-8", 0, NULL },
    { "<meta charset=\"x-klingon\"><p>\xe9</p>", "windows-1252", 0, "x-klingon" },
    { "<p>caf\xe9</p>", "windows-1252", 0, NULL },
    { "<p>caf\xc3\xa9</p>", "UTF-8", 0, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *encoding = NULL;
      g_autofree char *unknown = NULL;
      gsize length = strlen (cases[i].data);
      gsize bom = 99;

      /* The UTF-16 cases hold NUL bytes. */
      if (i == 1 || i == 2)
        length = 8;

      encoding = gloss_html_reader_detect_encoding (cases[i].data, length, &bom, &unknown);
      g_assert_cmpstr (encoding, ==, cases[i].encoding);
      g_assert_cmpuint (bom, ==, cases[i].bom);
      g_assert_cmpstr (unknown, ==, cases[i].unknown);
    }

  /* Only the first 4 KiB are searched for a <meta>. */
  {
    g_autoptr(GString) late = g_string_new ("<html><head>");
    g_autofree char *encoding = NULL;

    for (guint i = 0; i < 5000; i++)
      g_string_append_c (late, ' ');
    g_string_append (late, "<meta charset=\"windows-1252\"></head><p>\xc3\xa9</p>");
    encoding = gloss_html_reader_detect_encoding (late->str, late->len, NULL, NULL);
    g_assert_cmpstr (encoding, ==, "UTF-8");
  }
}

static void
test_encodings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSource) source = NULL;
  g_autofree char *utf16 = NULL;
  gsize utf16_length = 0;

  /* Not UTF-8 and nothing declared: windows-1252, with the five bytes it
   * leaves undefined kept (as invisible controls) instead of stopping the
   * parse. */
  source = read_html ("<p>caf\xe9 \x80 \x81\x9d fin</p>", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_source_get_encoding (source), ==, "windows-1252");
  g_assert_cmpstr (gloss_source_get_text (source), ==, "café € fin");
  g_clear_object (&source);

  source = read_html ("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-15\">"
                      "<p>\xa4 5</p>", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_source_get_encoding (source), ==, "iso-8859-15");
  g_assert_cmpstr (gloss_source_get_text (source), ==, "€ 5");
  g_clear_object (&source);

  /* A page that says windows-1252 and is UTF-8: the declaration wins, as
   * it does in browsers, and the text shows the usual mojibake.  No crash,
   * no lost text. */
  source = read_html ("<meta charset=\"windows-1252\"><p>\xc3\xa9t\xc3\xa9</p>", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_source_get_encoding (source), ==, "windows-1252");
  g_assert_cmpstr (gloss_source_get_text (source), ==, "Ã©tÃ©");
  g_clear_object (&source);

  /* Declared UTF-8 but broken: what is broken becomes U+FFFD. */
  source = read_html ("<meta charset=\"utf-8\"><p>a\xff b \xc3\xa9</p>", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_source_get_text (source), ==, "a\ufffd b é");
  g_clear_object (&source);

  /* An encoding nobody knows is reported, and the page still read. */
  source = read_html ("<meta charset=\"x-klingon\"><p>ok</p>", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_source_get_text (source), ==, "ok");
  g_assert_cmpuint (gloss_source_get_warnings (source)->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (gloss_source_get_warnings (source), 0), "x-klingon"));
  g_clear_object (&source);

  /* A label that is not UTF-8 still makes a readable warning; the fuzzer
   * found that one. */
  source = read_html ("<meta charset=\"\x80tf-8\"><p>ok</p>", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_source_get_warnings (source)->len, ==, 1);
  g_assert_true (g_utf8_validate (g_ptr_array_index (gloss_source_get_warnings (source), 0),
                                  -1, NULL));
  g_clear_object (&source);

  /* UTF-16 with its byte order mark. */
  utf16 = g_convert ("\xef\xbb\xbf<p>\xc3\xa9t\xc3\xa9</p>", -1, "UTF-16LE", "UTF-8",
                     NULL, &utf16_length, &error);
  g_assert_no_error (error);
  source = read_html (utf16, utf16_length, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_source_get_encoding (source), ==, "UTF-16LE");
  g_assert_cmpstr (gloss_source_get_text (source), ==, "été");
}

static void
test_no_article_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSource) source = NULL;

  source = read_html ("<html><head><title>Accueil</title><script>start()</script></head><body>"
                      "<nav><a href=\"/\">Accueil</a></nav>"
                      "<div class=\"cookie-banner\"><p>Ce site utilise des cookies.</p>"
                      "<button>OK</button></div>"
                      "<footer><p>© 2026</p></footer></body></html>", -1, &error);
  g_assert_null (source);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_TEXT);
  g_assert_cmpstr (error->message, ==,
                   "“page.html” has no article text, only navigation, scripts or other parts "
                   "of a page");
  g_clear_error (&error);

  source = read_html ("", 0, &error);
  g_assert_null (source);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_TEXT);
  g_clear_error (&error);

  source = read_html ("<p>a\0b</p>", 9, &error);
  g_assert_null (source);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_TEXT);
  g_assert_nonnull (strstr (error->message, "page.html"));
}

static void
assert_cut_short (const char *html,
                  const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSource) source = read_html (html, -1, &error);
  GPtrArray *warnings;

  g_assert_no_error (error);
  g_assert_cmpstr (gloss_source_get_text (source), ==, expected);
  warnings = gloss_source_get_warnings (source);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==,
                   "“page.html” seems to be cut short; Gloss shows the text it could read");
}

static void
test_truncated (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSource) whole = NULL;

  assert_cut_short ("<html><body><p>Premier paragraphe.</p><p>Deuxième, coupé au mil",
                    "Premier paragraphe.\n\nDeuxième, coupé au mil");
  assert_cut_short ("<html><body><p>Un texte <a href=\"/x", "Un texte");
  assert_cut_short ("<p>Un texte <!-- un commentaire sans fin", "Un texte");

  whole = read_html ("<html><body><p>Entier.</p></body></html>\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_source_get_warnings (whole)->len, ==, 0);
}

static char *
nested (guint depth)
{
  GString *html = g_string_new ("<html><body>");

  for (guint i = 0; i < depth; i++)
    g_string_append (html, "<div>");
  g_string_append (html, "fond");

  return g_string_free (html, FALSE);
}

static void
test_deep (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSource) source = NULL;
  g_autofree char *shallow = nested (200);
  g_autofree char *deep = nested (10000);

  source = read_html (shallow, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_source_get_text (source), ==, "fond");
  g_clear_object (&source);

  source = read_html (deep, -1, &error);
  g_assert_null (source);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_DEEP);
  g_assert_cmpstr (error->message, ==,
                   "“page.html” nests elements more than 256 levels deep, which Gloss does not open");
}

static void
test_huge_text_node (void)
{
  const gsize words = 2 * 1000 * 1000;
  g_autoptr(GString) html = g_string_sized_new (words * 10 + 64);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSource) source = NULL;
  const char *text;

  g_string_append (html, "<html><body><p>");
  for (gsize i = 0; i < words; i++)
    g_string_append (html, "abcdefghi ");
  g_string_append (html, "</p></body></html>");

  /* 20 MB of text in one node, past libxml2's 10 MB for a text node. */
  source = gloss_html_reader_read (NULL, "big.html", html->str, html->len, 32 * 1024 * 1024, &error);
  g_assert_no_error (error);
  text = gloss_source_get_text (source);
  g_assert_cmpuint (gloss_source_get_length (source), ==, words * 10 - 1);
  g_assert_true (g_str_has_prefix (text, "abcdefghi abcdefghi"));
  g_assert_true (g_str_has_suffix (text, "abcdefghi abcdefghi"));
  g_assert_cmpuint (gloss_source_get_warnings (source)->len, ==, 0);
  g_clear_object (&source);

  /* The same page over the limit. */
  source = gloss_html_reader_read (NULL, "big.html", html->str, html->len, 16 * 1024 * 1024, &error);
  g_assert_null (source);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "“big.html” is larger than the 16 MiB Gloss opens");
}

/* "<p a0 a1 …>" with @n attributes, each written by @format from its
 * number, between @before and @after. */
static char *
with_attributes (const char *before,
                 guint       n,
                 const char *format,
                 const char *after)
{
  GString *html = g_string_new (before);

  g_string_append (html, "<p");
  for (guint i = 0; i < n; i++)
    {
      g_string_append_c (html, ' ');
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      g_string_append_printf (html, format, i);
#pragma GCC diagnostic pop
    }
  g_string_append (html, ">dedans</p>");
  g_string_append (html, after);

  return g_string_free (html, FALSE);
}

static void
assert_too_many_attributes (const char *html)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSource) source = read_html (html, -1, &error);

  g_assert_null (source);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "“page.html” has an element with more than 100 attributes, which Gloss does not open");
}

/* libxml2 checks each attribute of an element against all those before
 * it: 40,000 took seconds.  The page is refused before it parses, and
 * the count follows quotes, comments and scripts as libxml2 does. */
static void
test_many_attributes (void)
{
  g_autofree char *huge = with_attributes ("<html><body>", 40000, "a%u=\"x\"", "</body></html>");
  g_autofree char *most = with_attributes ("", 100, "a%u", "");
  g_autofree char *too_many = with_attributes ("", 101, "a%u", "");
  g_autofree char *quoted = with_attributes ("", 200, "a%u=\">\"", "");
  g_autofree char *in_comment = with_attributes ("<!-- ", 200, "a%u", " --><p>ok</p>");
  g_autofree char *in_script = with_attributes ("<script>var s = '", 200, "a%u",
                                                "';</script><p>ok</p>");
  g_autofree char *after_script = with_attributes ("<script>var s = '</scripts>';</script>", 200,
                                                   "a%u", "");
  g_autofree char *unclear = with_attributes ("<script-loader><script></script-loader>", 200,
                                              "a%u", "</script>");
  g_autofree char *after_doctype = with_attributes ("t<!DOCTYPE x></p ", 200, "a%u", "");
  g_autofree char *doctype_twice = with_attributes ("t<!DOCTYPE><!DOCTYPE", 200, "a%u", "");
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSource) source = NULL;
  gint64 start = g_get_monotonic_time ();

  assert_too_many_attributes (huge);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);

  source = read_html (most, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_source_get_text (source), ==, "dedans");
  g_clear_object (&source);

  assert_too_many_attributes (too_many);
  /* A ">" in a quoted value does not end the tag. */
  assert_too_many_attributes (quoted);
  /* A script ends at its own end tag only. */
  assert_too_many_attributes (after_script);
  /* Right after a document type in the text, libxml2 reads "<" as text,
   * even where an end tag or another document type would start (found by
   * the fuzzer). */
  assert_too_many_attributes (after_doctype);
  assert_too_many_attributes (doctype_twice);

  /* Nothing libxml2 reads as attributes counts. */
  source = read_html (in_comment, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_source_get_text (source), ==, "ok");
  g_clear_object (&source);

  source = read_html (in_script, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_source_get_text (source), ==, "ok");
  g_clear_object (&source);

  /* Where only libxml2's element stack could tell whether a script ends,
   * the page is refused rather than counted wrong. */
  source = read_html (unclear, -1, &error);
  g_assert_null (source);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "“page.html”"));
}

/* A million paragraphs of one letter took 584 MB, 73 times the 8 MB
 * page.  Such a page is refused, in a fraction of that; a page of the
 * same size in paragraphs of a few sentences opens. */
static void
test_dense_markup (void)
{
  g_autoptr(GString) dense = g_string_sized_new (8 * 1000 * 1000 + 64);
  g_autoptr(GString) airy = g_string_sized_new (8 * 1000 * 1000 + 64);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSource) source = NULL;
  guint n_blocks = 0;

  for (guint i = 0; i < 1000 * 1000; i++)
    g_string_append (dense, "<p>a</p>");
  source = read_html (dense->str, dense->len, &error);
  g_assert_null (source);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "“page.html” holds too much markup for its size: reading it would take more "
                   "than the 77 MiB of memory Gloss allows for it");
  g_clear_error (&error);

  g_string_append (airy, "<html><body>");
  for (guint i = 0; i < 40 * 1000; i++)
    g_string_append (airy, "<p>Une phrase de quelques mots, comme dans un article. Une autre, un "
                           "peu plus longue, avec une virgule et un <em>mot</em> en italique. "
                           "Une troisième pour finir le paragraphe, comme souvent.</p>\n");
  g_string_append (airy, "</body></html>");
  g_assert_cmpuint (airy->len, >, 7 * 1000 * 1000);
  source = read_html (airy->str, airy->len, &error);
  g_assert_no_error (error);
  gloss_source_get_blocks (source, &n_blocks);
  g_assert_cmpuint (n_blocks, ==, 40 * 1000);
}

static GFile *
write_file (const char *name,
            const char *data)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, -1, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

/* Opens @name, holding @data, with gloss_source_new_from_article(). */
static GlossSource *
open_as (const char *name,
         const char *data)
{
  g_autoptr(GFile) file = write_file (name, data);
  g_autoptr(GError) error = NULL;
  GlossSource *source = gloss_source_new_from_article (file, 0, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (g_file_delete (file, NULL, NULL));

  return source;
}

static void
test_new_for_file (void)
{
  static const struct
  {
    const char *name;
    const char *data;
    const char *media_type;
    const char *text;
  } cases[] = {
    { "page.htm", "<p>Bonjour <b>à</b> tous</p>", "text/html", "Bonjour à tous" },
    { "page.HTML", "<p>x</p>", "text/html", "x" },
    { "page.xhtml", "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">"
      "<body><p>y</p></body></html>", "application/xhtml+xml", "y" },
    { "saved-page", "\n<!DOCTYPE html><html><body><p>z</p></body></html>", "text/html", "z" },
    { "fragment", "<div><p>fragment</p></div>", "text/html", "fragment" },
    { "export.xml", "<!-- page --><html><body><p>w</p></body></html>", "text/html", "w" },
    { "notes.txt", "<p>balises gardées</p>", "text/plain", "<p>balises gardées</p>" },
    { "feed", "<?xml version=\"1.0\"?><news><headline>Titre</headline></news>",
      "application/xml", "Titre" },
    { "notes", "I <3 plain text", "text/plain", "I <3 plain text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GlossSource) source = open_as (cases[i].name, cases[i].data);

      g_assert_cmpstr (gloss_source_get_media_type (source), ==, cases[i].media_type);
      g_assert_cmpstr (gloss_source_get_text (source), ==, cases[i].text);
      g_assert_cmpstr (gloss_source_get_name (source), ==, cases[i].name);
    }
}

static void
test_new_for_file_errors (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "missing.html", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (path);
  g_autoptr(GFile) empty = write_file ("furniture.html", "<nav>Menu</nav>");
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSource) source = NULL;
  g_autofree char *label = g_file_get_parse_name (empty);

  source = gloss_source_new_from_article (missing, 0, NULL, &error);
  g_assert_null (source);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Messages name the file as the other readers do: its full path. */
  source = gloss_source_new_from_article (empty, 0, NULL, &error);
  g_assert_null (source);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_TEXT);
  g_assert_nonnull (strstr (error->message, label));
  g_assert_true (g_file_delete (empty, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("gloss-test-html-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/html/sample/text", test_sample_text);
  g_test_add_func ("/html/sample/metadata", test_sample_metadata);
  g_test_add_func ("/html/sample/blocks", test_sample_blocks);
  g_test_add_func ("/html/sample/locations", test_sample_locations);
  g_test_add_func ("/html/plain-text-has-no-map", test_plain_text_has_no_map);
  g_test_add_func ("/html/structure", test_structure);
  g_test_add_func ("/html/furniture", test_furniture);
  g_test_add_func ("/html/article-choice", test_article_choice);
  g_test_add_func ("/html/xpath-steps", test_xpath_steps);
  g_test_add_func ("/html/encoding/detection", test_encoding_detection);
  g_test_add_func ("/html/encoding/decoding", test_encodings);
  g_test_add_func ("/html/safety/no-article-text", test_no_article_text);
  g_test_add_func ("/html/safety/truncated", test_truncated);
  g_test_add_func ("/html/safety/deep", test_deep);
  g_test_add_func ("/html/safety/huge-text-node", test_huge_text_node);
  g_test_add_func ("/html/safety/many-attributes", test_many_attributes);
  g_test_add_func ("/html/safety/dense-markup", test_dense_markup);
  g_test_add_func ("/html/new-for-file", test_new_for_file);
  g_test_add_func ("/html/new-for-file/errors", test_new_for_file_errors);

  status = g_test_run ();

  g_assert_cmpint (g_rmdir (tmp_dir), ==, 0);
  g_free (tmp_dir);

  return status;
}
