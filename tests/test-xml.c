/* test-xml.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-source.h"
#include "gloss-xml-reader.h"

/* The body of data/samples/tei-article.xml: heads, paragraphs (the
 * footnote left out), list items, a block quote and an inline one, and
 * two verse lines. */
#define TEI_TEXT \
  "12 décembre\n" \
  "\n" \
  "Vent de noroît toute la nuit. La lanterne a été allumée à 4 h 40, la mèche changée " \
  "deux fois.\n" \
  "\n" \
  "Le canot de Molène est passé au large vers midi\u00a0; il a salué d'un coup de corne.\n" \
  "\n" \
  "14 décembre\n" \
  "\n" \
  "Reçu par le bateau de ravitaillement\u202f:\n" \
  "\n" \
  "deux barriques d'huile\u00a0;\n" \
  "\n" \
  "un sac de pommes de terre\u00a0;\n" \
  "\n" \
  "une lettre de l'ingénieur.\n" \
  "\n" \
  "Le gardien veillera à noter chaque soir l'état de la mer.\n" \
  "\n" \
  "Je recopie ici l'air que chantait le vieux Jaouen\u00a0:\n" \
  "\n" \
  "La mer monte, la mer descend,\n" \
  "le feu demeure."

/* The body of data/samples/jats-article.xml, without the footnote and the
 * MathML. */
#define JATS_TEXT \
  "Introduction\n" \
  "\n" \
  "Fixed quays trap fine sediment behind them, and harbours dredge to keep their depth1. " \
  "Floating berths let the tide flow underneath.\n" \
  "\n" \
  "Methods\n" \
  "\n" \
  "Study site\n" \
  "\n" \
  "The harbour lies in a drowned river valley with a tidal range of 7\u2009m.\n" \
  "\n" \
  "Model\n" \
  "\n" \
  "We ran three scenarios:\n" \
  "\n" \
  "no berth;\n" \
  "\n" \
  "one berth at the ferry terminal;\n" \
  "\n" \
  "two berths, as planned.\n" \
  "\n" \
  "The bed shear stress follows the usual quadratic law.\n" \
  "\n" \
  "Discussion\n" \
  "\n" \
  "Where water moves, silt does not settle.\n" \
  "\n" \
  "Our results agree with that rule of thumb."

#define SECRET "TOPSECRET-4f1c9"

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
read_xml (const char  *xml,
          GError     **error)
{
  return gloss_xml_reader_read (NULL, "doc.xml", xml, strlen (xml), 0, error);
}

static void
assert_text (const char *xml,
             const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSource) source = read_xml (xml, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (gloss_source_get_text (source), ==, expected);
}

static gunichar
char_at (const char *text,
         guint       offset)
{
  return g_utf8_get_char (g_utf8_offset_to_pointer (text, offset));
}

/* The one element that a path from the source map selects in the file,
 * as any XPath 1.0 processor finds it: with no namespace bindings, even
 * on a TEI file whose elements are all in a default namespace. */
static xmlNode *
resolve (xmlDoc     *doc,
         const char *path)
{
  xmlXPathContext *context = xmlXPathNewContext (doc);
  xmlXPathObject *result;
  xmlNode *node = NULL;

  g_assert_true (path[0] == '/');

  result = xmlXPathEvalExpression ((const xmlChar *) path, context);
  if (result != NULL && result->type == XPATH_NODESET && result->nodesetval != NULL &&
      result->nodesetval->nodeNr == 1)
    node = result->nodesetval->nodeTab[0];

  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);

  return node;
}

static void
collect (const xmlNode *node,
         GString       *out)
{
  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        g_string_append (out, (const char *) child->content);
      else if (child->type == XML_ELEMENT_NODE)
        collect (child, out);
    }
}

/* Every character Gloss took from the file is at the place the map says
 * in the text content of the element it names. */
static void
assert_locations (const char *name)
{
  g_autofree char *path = sample_path (name);
  g_autoptr(GlossSource) source = open_sample (name);
  const char *text = gloss_source_get_text (source);
  guint length = gloss_source_get_length (source);
  guint checked = 0;
  xmlDoc *doc;

  doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  g_assert_nonnull (doc);

  for (guint offset = 0; offset < length; offset++)
    {
      g_autofree char *where = NULL;
      g_autoptr(GString) content = g_string_new (NULL);
      gunichar c = char_at (text, offset);
      guint element_offset = 0;
      xmlNode *element;

      g_assert_true (gloss_source_locate (source, offset, &where, &element_offset));
      if (c == '\n')
        continue;

      element = resolve (doc, where);
      g_assert_nonnull (element);
      collect (element, content);

      g_assert_cmpuint (element_offset, <, g_utf8_strlen (content->str, -1));
      if (c == ' ')
        g_assert_true (g_unichar_isspace (char_at (content->str, element_offset)));
      else
        g_assert_cmpuint (char_at (content->str, element_offset), ==, c);
      checked++;
    }
  g_assert_cmpuint (checked, >, length / 2);

  xmlFreeDoc (doc);
}

static void
test_tei (void)
{
  g_autoptr(GlossSource) source = open_sample ("tei-article.xml");
  g_autofree char *xpath = NULL;
  const GlossBlock *blocks;
  guint element_offset = 0;
  guint n_blocks = 0;

  g_assert_cmpstr (gloss_source_get_text (source), ==, TEI_TEXT);
  g_assert_cmpstr (gloss_source_get_media_type (source), ==, "application/tei+xml");
  g_assert_cmpstr (gloss_source_get_reader (source), ==, "gloss-xml/1");
  g_assert_cmpstr (gloss_source_get_encoding (source), ==, "UTF-8");
  g_assert_cmpuint (gloss_source_get_warnings (source)->len, ==, 0);

  g_assert_cmpstr (gloss_source_get_title (source), ==,
                   "Journal du gardien du phare de Kerlann, hiver 1891");
  g_assert_cmpstr (gloss_source_get_metadata (source, "author"), ==, "Yves-Marie Guivarc'h");
  g_assert_cmpstr (gloss_source_get_metadata (source, "date"), ==, "2026-01-15");
  g_assert_cmpstr (gloss_source_get_metadata (source, "publisher"), ==,
                   "Atelier des archives littorales");
  g_assert_cmpstr (gloss_source_get_metadata (source, "url"), ==,
                   "https://archives-littorales.example/editions/kerlann-1891");
  g_assert_cmpstr (gloss_source_get_metadata (source, "language"), ==, "fr");

  blocks = gloss_source_get_blocks (source, &n_blocks);
  g_assert_cmpuint (n_blocks, ==, 11);
  g_assert_cmpint (blocks[0].kind, ==, GLOSS_BLOCK_HEADING);
  g_assert_cmpuint (blocks[0].level, ==, 1);
  g_assert_cmpint (blocks[1].kind, ==, GLOSS_BLOCK_PARAGRAPH);
  g_assert_cmpint (blocks[5].kind, ==, GLOSS_BLOCK_LIST_ITEM);
  g_assert_cmpint (blocks[8].kind, ==, GLOSS_BLOCK_QUOTE);
  g_assert_cmpint (blocks[9].kind, ==, GLOSS_BLOCK_PARAGRAPH);
  g_assert_cmpint (blocks[10].kind, ==, GLOSS_BLOCK_PARAGRAPH);

  /* "noroît", inside <hi> in the first paragraph of the first entry. */
  g_assert_true (gloss_source_locate (source, 21, &xpath, &element_offset));
  g_assert_cmpstr (xpath, ==,
                   "/*[local-name()='TEI']/*[local-name()='text']/*[local-name()='body']"
                   "/*[local-name()='div'][1]/*[local-name()='p'][1]");
  g_assert_cmpuint (element_offset, ==, 8);
}

static void
test_jats (void)
{
  g_autoptr(GlossSource) source = open_sample ("jats-article.xml");
  const GlossBlock *blocks;
  guint n_blocks = 0;

  g_assert_cmpstr (gloss_source_get_text (source), ==, JATS_TEXT);
  g_assert_cmpstr (gloss_source_get_media_type (source), ==, "application/xml");
  g_assert_cmpuint (gloss_source_get_warnings (source)->len, ==, 0);

  g_assert_cmpstr (gloss_source_get_title (source), ==,
                   "Floating berths and sediment transport in a ria harbour");
  g_assert_cmpstr (gloss_source_get_metadata (source, "author"), ==,
                   "Adaeze Okonkwo; Corentin Le Bihan");
  g_assert_cmpstr (gloss_source_get_metadata (source, "date"), ==, "2026-03-04");
  g_assert_cmpstr (gloss_source_get_metadata (source, "journal"), ==, "Journal of Coastal Sediments");
  g_assert_cmpstr (gloss_source_get_metadata (source, "publisher"), ==, "Tidewater Academic Press");
  g_assert_cmpstr (gloss_source_get_metadata (source, "doi"), ==, "10.5555/jcs.2026.0042");
  g_assert_cmpstr (gloss_source_get_metadata (source, "url"), ==, "https://jcs.example/articles/0042");
  g_assert_cmpstr (gloss_source_get_metadata (source, "language"), ==, "en");
  g_assert_cmpstr (gloss_source_get_metadata (source, "description"), ==,
                   "We model how two floating berths change sediment transport in a macrotidal "
                   "harbour. Dredging needs fall by a fifth.");

  blocks = gloss_source_get_blocks (source, &n_blocks);
  g_assert_cmpuint (n_blocks, ==, 14);
  g_assert_cmpint (blocks[2].kind, ==, GLOSS_BLOCK_HEADING);
  g_assert_cmpuint (blocks[2].level, ==, 1);
  g_assert_cmpint (blocks[3].kind, ==, GLOSS_BLOCK_HEADING);
  g_assert_cmpuint (blocks[3].level, ==, 2);
  g_assert_cmpint (blocks[7].kind, ==, GLOSS_BLOCK_LIST_ITEM);
  g_assert_cmpint (blocks[12].kind, ==, GLOSS_BLOCK_QUOTE);
}

static void
test_locations (void)
{
  assert_locations ("tei-article.xml");
  assert_locations ("jats-article.xml");
}

/* Each block's path selects the element it came from, counted among the
 * siblings its step matches: names in no namespace, local names in a
 * namespace (default or prefixed), and whole names with a prefix that was
 * never declared. */
static void
test_paths (void)
{
  static const char * const documents[] = {
    "<doc xmlns:x=\"urn:x\"><p>one</p><x:p>two</x:p><p>three</p>"
    "<q xmlns=\"urn:q\"><p>four</p><x:p>five</x:p></q></doc>",
    "<doc><w:p>one</w:p><w:p>two</w:p><p>three</p></doc>",
  };
  static const char * const expected[][5] = {
    { "/doc/p[1]", "/doc/*[local-name()='p'][2]", "/doc/p[2]",
      "/doc/*[local-name()='q']/*[local-name()='p'][1]",
      "/doc/*[local-name()='q']/*[local-name()='p'][2]" },
    { "/doc/*[name()='w:p'][1]", "/doc/*[name()='w:p'][2]", "/doc/p", NULL, NULL },
  };
  static const char * const words[] = { "one", "two", "three", "four", "five" };

  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossSource) source = read_xml (documents[d], &error);
      const GlossBlock *blocks;
      guint n_blocks = 0;
      xmlDoc *doc;

      g_assert_no_error (error);
      doc = xmlReadMemory (documents[d], strlen (documents[d]), NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                           XML_PARSE_RECOVER);
      g_assert_nonnull (doc);
      blocks = gloss_source_get_blocks (source, &n_blocks);

      for (guint i = 0; i < n_blocks; i++)
        {
          g_autofree char *xpath = NULL;
          g_autoptr(GString) content = g_string_new (NULL);
          xmlNode *element;

          g_assert_true (gloss_source_locate (source, blocks[i].start, &xpath, NULL));
          g_assert_cmpstr (xpath, ==, expected[d][i]);
          element = resolve (doc, xpath);
          g_assert_nonnull (element);
          collect (element, content);
          g_assert_cmpstr (content->str, ==, words[i]);
        }
      g_assert_cmpuint (n_blocks, ==, d == 0 ? 5 : 3);

      xmlFreeDoc (doc);
    }
}

static void
test_other_xml (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSource) source = NULL;
  g_autofree char *xpath = NULL;
  guint n_blocks = 0;

  source = read_xml ("<?xml version=\"1.0\"?>\n"
                     "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" xml:lang=\"fr\">\n"
                     "  <itemMeta><versionCreated>2026-03-04</versionCreated></itemMeta>\n"
                     "  <contentSet>\n"
                     "    <headline>Titre   de la dépêche</headline>\n"
                     "    <body><p>Un <b>texte</b> <![CDATA[<brut> & vrai]]>.</p>\n"
                     "      <p xml:space=\"preserve\">  deux  espaces</p></body>\n"
                     "  </contentSet>\n"
                     "</newsItem>\n", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_source_get_text (source), ==,
                   "2026-03-04\n\nTitre de la dépêche\n\nUn texte <brut> & vrai.\n\n  deux  espaces");
  g_assert_cmpstr (gloss_source_get_metadata (source, "title"), ==, "Titre de la dépêche");
  g_assert_cmpstr (gloss_source_get_metadata (source, "language"), ==, "fr");
  gloss_source_get_blocks (source, &n_blocks);
  g_assert_cmpuint (n_blocks, ==, 4);

  g_assert_true (gloss_source_locate (source, 37, NULL, NULL));
  g_assert_true (gloss_source_locate (source, 37, &xpath, NULL));
  g_assert_cmpstr (xpath, ==,
                   "/*[local-name()='newsItem']/*[local-name()='contentSet']"
                   "/*[local-name()='body']/*[local-name()='p'][1]");
}

static char *
write_secret (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, SECRET "\n", -1, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

/* Nothing the reader gives back (text, title, metadata, warnings, or the
 * error) holds the secret. */
static void
assert_no_secret (GlossSource  *source,
                  const GError *error)
{
  if (error != NULL)
    g_assert_null (strstr (error->message, SECRET));

  if (source != NULL)
    {
      GHashTableIter iter;
      gpointer value;
      GPtrArray *warnings = gloss_source_get_warnings (source);

      g_assert_null (strstr (gloss_source_get_text (source), SECRET));
      g_assert_null (strstr (gloss_source_get_title (source), SECRET));
      g_hash_table_iter_init (&iter, gloss_source_get_metadata_table (source));
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_assert_null (strstr (value, SECRET));
      for (guint i = 0; i < warnings->len; i++)
        g_assert_null (strstr (g_ptr_array_index (warnings, i), SECRET));
    }
}

static void
test_xxe (void)
{
  g_autofree char *secret = write_secret ("secret.txt");
  g_autofree char *dtd_path = g_build_filename (tmp_dir, "secret.dtd", NULL);
  g_autofree char *uri = g_filename_to_uri (secret, NULL, NULL);
  g_autofree char *dtd_uri = g_filename_to_uri (dtd_path, NULL, NULL);
  g_autofree char *general = NULL;
  g_autofree char *parameter = NULL;
  g_autofree char *external_dtd = NULL;
  g_autofree char *include = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSource) source = NULL;
  GPtrArray *warnings;

  g_file_set_contents (dtd_path, "<!ENTITY secret \"" SECRET "\">\n", -1, &error);
  g_assert_no_error (error);

  /* An external general entity: shown as written, never read. */
  general = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                             "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"%s\">]>\n"
                             "<r><p>avant &xxe; après</p><title>&xxe;</title></r>", uri);
  source = read_xml (general, &error);
  g_assert_no_error (error);
  assert_no_secret (source, NULL);
  g_assert_cmpstr (gloss_source_get_text (source), ==, "avant &xxe; après\n\n&xxe;");
  warnings = gloss_source_get_warnings (source);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==,
                   "“doc.xml” uses entities its DTD declares, such as “&xxe;”: Gloss shows them "
                   "as written, without expanding them");
  g_clear_object (&source);

  /* In an attribute, where XML forbids it: the parse stops there. */
  g_free (general);
  general = g_strdup_printf ("<!DOCTYPE r [<!ENTITY xxe SYSTEM \"%s\">]>"
                             "<r><p>avant</p><p lang=\"&xxe;\">&xxe;</p></r>", uri);
  source = read_xml (general, &error);
  g_assert_no_error (error);
  assert_no_secret (source, NULL);
  g_assert_cmpstr (gloss_source_get_text (source), ==, "avant");
  g_assert_cmpuint (gloss_source_get_warnings (source)->len, ==, 1);
  g_clear_object (&source);

  /* An external parameter entity in the internal subset. */
  parameter = g_strdup_printf ("<!DOCTYPE r [<!ENTITY %% ext SYSTEM \"%s\"> %%ext;]>"
                               "<r><p>seul</p></r>", uri);
  source = read_xml (parameter, &error);
  g_assert_no_error (error);
  assert_no_secret (source, NULL);
  g_assert_cmpstr (gloss_source_get_text (source), ==, "seul");
  g_clear_object (&source);

  /* An external DTD declaring the entity. */
  external_dtd = g_strdup_printf ("<!DOCTYPE r SYSTEM \"%s\"><r><p>x &secret; y</p></r>", dtd_uri);
  source = read_xml (external_dtd, &error);
  assert_no_secret (source, error);
  if (source != NULL)
    g_assert_null (strstr (gloss_source_get_text (source), SECRET));
  g_clear_object (&source);
  g_clear_error (&error);

  /* XInclude is never processed. */
  include = g_strdup_printf ("<r xmlns:xi=\"http://www.w3.org/2001/XInclude\"><p>début</p>"
                             "<xi:include href=\"%s\" parse=\"text\"/></r>", secret);
  source = read_xml (include, &error);
  g_assert_no_error (error);
  assert_no_secret (source, NULL);
  g_assert_cmpstr (gloss_source_get_text (source), ==, "début");

  g_assert_cmpint (g_unlink (secret), ==, 0);
  g_assert_cmpint (g_unlink (dtd_path), ==, 0);
}

static gboolean
has_warning (GlossSource *source,
             const char  *part)
{
  GPtrArray *warnings = gloss_source_get_warnings (source);

  for (guint i = 0; i < warnings->len; i++)
    {
      if (strstr (g_ptr_array_index (warnings, i), part) != NULL)
        return TRUE;
    }

  return FALSE;
}

static char *
laughs (const char *root_open,
        const char *root_close)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n"
                               "  <!ENTITY lol \"lol\">\n");

  for (guint i = 1; i <= 9; i++)
    {
      g_string_append_printf (xml, "  <!ENTITY lol%u \"", i);
      for (guint j = 0; j < 10; j++)
        {
          if (i == 1)
            g_string_append (xml, "&lol;");
          else
            g_string_append_printf (xml, "&lol%u;", i - 1);
        }
      g_string_append (xml, "\">\n");
    }
  g_string_append_printf (xml, "]>\n%s<p>début</p><p>&lol9;</p>%s", root_open, root_close);

  return g_string_free (xml, FALSE);
}

static void
test_billion_laughs (void)
{
  static const char * const wrappers[][2] = {
    { "<lolz>", "</lolz>" },
    { "<lolz a=\"&lol9;\" xml:lang=\"&lol9;\"><title>&lol9;</title>", "</lolz>" },
    { "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"&lol9;\"><teiHeader><fileDesc>"
      "<titleStmt><title>&lol9;</title><author>&lol9;</author></titleStmt><publicationStmt>"
      "<date when=\"&lol9;\">&lol9;</date></publicationStmt></fileDesc></teiHeader>"
      "<text><body>", "</body></text></TEI>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (wrappers); i++)
    {
      g_autofree char *xml = laughs (wrappers[i][0], wrappers[i][1]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossSource) source = NULL;
      gint64 start = g_get_monotonic_time ();
      GHashTableIter iter;
      gpointer value;

      source = read_xml (xml, &error);
      g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);

      /* libxml2 sees the loop and stops; what was read before stays, and
       * the user is told why the rest is missing. */
      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (gloss_source_get_text (source), "début"));
      g_assert_true (has_warning (source, "billion laughs"));
      g_assert_null (strstr (gloss_source_get_text (source), "lollol"));
      g_hash_table_iter_init (&iter, gloss_source_get_metadata_table (source));
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_assert_cmpuint (strlen (value), <, 100);
    }
}

/* The entities' loop is the whole article: the error says so. */
static void
test_billion_laughs_alone (void)
{
  g_autofree char *xml = laughs ("<lolz>", "</lolz>");
  g_autofree char *alone = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSource) source = NULL;
  char *body;

  /* The same entities, with nothing before the one that expands. */
  body = strstr (xml, "<p>début</p>");
  g_assert_nonnull (body);
  *body = '\0';
  alone = g_strconcat (xml, "<p>&lol9;</p></lolz>", NULL);

  source = read_xml (alone, &error);
  g_assert_null (source);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==,
                   "“doc.xml” declares entities that refer to themselves or expand to far more "
                   "text than the file holds (“billion laughs”): Gloss stopped reading there, "
                   "before any text");
}

static void
test_quadratic_blowup (void)
{
  g_autoptr(GString) xml = g_string_new ("<!DOCTYPE r [<!ENTITY big \"");
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSource) source = NULL;
  gint64 start;

  for (guint i = 0; i < 50000; i++)
    g_string_append_c (xml, 'a');
  g_string_append (xml, "\">]><r><p>");
  for (guint i = 0; i < 20000; i++)
    g_string_append (xml, "&big;");
  g_string_append (xml, "</p></r>");

  start = g_get_monotonic_time ();
  source = read_xml (xml->str, &error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_assert_no_error (error);
  /* Never a gigabyte of "a": at most the references as written. */
  g_assert_cmpuint (gloss_source_get_n_bytes (source), <=, 20000 * strlen ("&big;"));
}

static char *
nested (guint depth)
{
  GString *xml = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (xml, "<d>");
  g_string_append (xml, "fond");
  for (guint i = 0; i < depth; i++)
    g_string_append (xml, "</d>");

  return g_string_free (xml, FALSE);
}

static void
test_deep (void)
{
  g_autofree char *deepest = nested (256);
  g_autofree char *too_deep = nested (257);
  g_autofree char *very_deep = nested (10000);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSource) source = NULL;

  source = read_xml (deepest, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_source_get_text (source), ==, "fond");
  g_clear_object (&source);

  source = read_xml (too_deep, &error);
  g_assert_null (source);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_DEEP);
  g_clear_error (&error);

  source = read_xml (very_deep, &error);
  g_assert_null (source);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_DEEP);
  g_assert_cmpstr (error->message, ==,
                   "“doc.xml” nests elements more than 256 levels deep, which Gloss does not open");
}

static void
test_huge_text_node (void)
{
  const gsize words = 2 * 1000 * 1000;
  g_autoptr(GString) xml = g_string_sized_new (words * 10 + 64);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSource) source = NULL;

  g_string_append (xml, "<r><p>");
  for (gsize i = 0; i < words; i++)
    g_string_append (xml, i % 1000 == 999 ? "a&amp;bc-efgh " : "abcdefghi ");
  g_string_append (xml, "</p></r>");

  source = gloss_xml_reader_read (NULL, "big.xml", xml->str, xml->len, 32 * 1024 * 1024, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_source_get_length (source), ==, words * 10 - 1);
  g_assert_true (g_str_has_suffix (gloss_source_get_text (source), "a&bc-efgh"));
  g_clear_object (&source);

  source = gloss_xml_reader_read (NULL, "big.xml", xml->str, xml->len, 0x100000, &error);
  g_assert_null (source);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "“big.xml” is larger than the 1 MiB Gloss opens");
}

/* "<p a0='' …/>" with @n attributes, each written by @format from its
 * number, between @before and @after. */
static char *
xml_with_attributes (const char *before,
                     guint       n,
                     const char *format,
                     const char *after)
{
  GString *xml = g_string_new (before);

  g_string_append (xml, "<p");
  for (guint i = 0; i < n; i++)
    {
      g_string_append_c (xml, ' ');
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      g_string_append_printf (xml, format, i);
#pragma GCC diagnostic pop
    }
  g_string_append (xml, "/>");
  g_string_append (xml, after);

  return g_string_free (xml, FALSE);
}

static void
assert_refused (const char *xml,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSource) source = read_xml (xml, &error);

  g_assert_null (source);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, message);
}

#define TOO_MANY_ATTRIBUTES \
  "“doc.xml” has an element with more than 100 attributes, which Gloss does not open"

/* Attributes and namespace declarations libxml2 would take time growing
 * with their square to read, wherever the file hides them. */
static void
test_many_attributes (void)
{
  g_autofree char *huge = xml_with_attributes ("<r>", 40000, "a%u=\"x\"", "</r>");
  g_autofree char *most = xml_with_attributes ("<r><q>ok</q>", 100, "a%u=''", "</r>");
  g_autofree char *too_many = xml_with_attributes ("<r>", 101, "a%u=''", "</r>");
  g_autofree char *declarations = xml_with_attributes ("<r>", 100000, "xmlns:n%u=\"u\"", "</r>");
  g_autofree char *in_cdata = xml_with_attributes ("<r><![CDATA[", 200, "a%u=''", "]]>ok</r>");
  g_autofree char *after_bad_char = xml_with_attributes ("<r><![CDATA[x\x01", 200, "a%u=''",
                                                         "]]>ok</r>");
  g_autofree char *in_attlist = xml_with_attributes ("<!DOCTYPE r [<!ATTLIST r a CDATA \"", 200,
                                                     "a%u=''", "\">]><r>ok</r>");
  g_autofree char *after_pi = xml_with_attributes ("<?x <t<![CDATA[ ?><r>", 200, "a%u=''", "</r>");
  g_autoptr(GString) by_reference = g_string_new ("<!DOCTYPE r [<!ENTITY m \"&#60;p");
  g_autoptr(GString) defaulted = g_string_new ("<!DOCTYPE r [<!ATTLIST p");
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSource) source = NULL;
  gint64 start = g_get_monotonic_time ();

  assert_refused (huge, TOO_MANY_ATTRIBUTES);
  assert_refused (declarations, TOO_MANY_ATTRIBUTES);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);

  source = read_xml (most, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_source_get_text (source), ==, "ok");
  g_clear_object (&source);
  assert_refused (too_many, TOO_MANY_ATTRIBUTES);

  /* A CDATA section is text... */
  source = read_xml (in_cdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (gloss_source_get_text (source), "ok"));
  g_clear_object (&source);
  /* ... up to a character XML does not allow, where libxml2 leaves it. */
  assert_refused (after_bad_char, TOO_MANY_ATTRIBUTES);
  /* Markup in a DTD, read as elements once libxml2 stumbles there. */
  assert_refused (in_attlist, TOO_MANY_ATTRIBUTES);
  /* What looks like a start tag and a CDATA section inside a processing
   * instruction is neither (found by the fuzzer). */
  assert_refused (after_pi, TOO_MANY_ATTRIBUTES);

  /* Markup written with character references in an entity's value, parsed
   * when the entity is used. */
  for (guint i = 0; i < 200; i++)
    g_string_append_printf (by_reference, " a%u=''", i);
  g_string_append (by_reference, "/&#62;\">]><r>&m;</r>");
  assert_refused (by_reference->str, TOO_MANY_ATTRIBUTES);

  /* Attributes the DTD gives every <p> by default. */
  for (guint i = 0; i < 200; i++)
    g_string_append_printf (defaulted, " a%u CDATA \"v\"", i);
  g_string_append (defaulted, ">]><r><p>ok</p></r>");
  assert_refused (defaulted->str, TOO_MANY_ATTRIBUTES);
}

/* libxml2 looks every prefix up among all the declarations in scope. */
static void
test_many_namespaces (void)
{
  g_autoptr(GString) nested = g_string_new (NULL);
  g_autoptr(GString) deepest = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSource) source = NULL;

  for (guint level = 0; level < 4; level++)
    {
      g_string_append (nested, "<d");
      for (guint i = 0; i < 30; i++)
        g_string_append_printf (nested, " xmlns:l%un%u=\"u\"", level, i);
      g_string_append_c (nested, '>');
    }
  g_string_append (nested, "fond</d></d></d></d>");
  assert_refused (nested->str,
                  "“doc.xml” declares more than 100 XML namespaces at once, which Gloss does not open");

  for (guint level = 0; level < 4; level++)
    {
      g_string_append (deepest, "<d");
      for (guint i = 0; i < 25; i++)
        g_string_append_printf (deepest, " xmlns:l%un%u=\"u\"", level, i);
      g_string_append_c (deepest, '>');
    }
  g_string_append (deepest, "fond</d></d></d></d>");
  source = read_xml (deepest->str, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_source_get_text (source), ==, "fond");
}

/* A start tag libxml2 cannot finish reading opens no element: 300 of
 * them in a row are not 300 levels deep (they were, for the depth limit). */
static void
test_broken_tags_not_deep (void)
{
  g_autoptr(GString) xml = g_string_new ("<r>");
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSource) source = NULL;

  for (guint i = 0; i < 300; i++)
    g_string_append (xml, "<b \"\"/>");
  g_string_append (xml, "<p>fond</p></r>");

  source = read_xml (xml->str, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (gloss_source_get_text (source), "fond"));
}

/* A million elements of one letter took 521 MB for an 8 MB file. */
static void
test_dense_markup (void)
{
  g_autoptr(GString) dense = g_string_sized_new (8 * 1000 * 1000 + 64);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSource) source = NULL;

  g_string_append (dense, "<r>");
  for (guint i = 0; i < 1000 * 1000; i++)
    g_string_append (dense, "<p>a</p>");
  g_string_append (dense, "</r>");

  source = read_xml (dense->str, &error);
  g_assert_null (source);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "“doc.xml” holds too much markup for its size: reading it would take more "
                   "than the 77 MiB of memory Gloss allows for it");
}

/* Warnings and errors quote the file: what they quote is UTF-8, whatever
 * the bytes were; the fuzzer found an entity name that was not. */
static void
test_messages_are_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSource) source = NULL;
  GPtrArray *warnings;

  source = read_xml ("<!DOCTYPE r SYSTEM \"r.dtd\"><r><p>avant &e\xe9t; apr\xe8s</p></r>", &error);
  g_assert_no_error (error);
  g_assert_true (has_warning (source, "such as “&"));
  warnings = gloss_source_get_warnings (source);
  for (guint i = 0; i < warnings->len; i++)
    g_assert_true (g_utf8_validate (g_ptr_array_index (warnings, i), -1, NULL));
  g_assert_true (g_utf8_validate (gloss_source_get_text (source), -1, NULL));
  g_clear_object (&source);

  source = read_xml ("<?xml version=\"1.0\" encoding=\"x-klingon\"?><r>ok</r>", &error);
  g_assert_null (source);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==,
                   "“doc.xml” is written in the encoding “x-klingon”, which Gloss does not know");
}

static void
test_broken (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSource) source = NULL;
  GPtrArray *warnings;

  /* Cut short: what was read, and a warning. */
  source = read_xml ("<r><p>un</p><p>deux coup", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_source_get_text (source), ==, "un\n\ndeux coup");
  warnings = gloss_source_get_warnings (source);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==,
                   "“doc.xml” seems to be cut short; Gloss shows the text it could read");
  g_clear_object (&source);

  /* Complete, but not well-formed. */
  source = read_xml ("<r>\n<p>un</b></p>\n<p>deux</p></r>", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (gloss_source_get_text (source), "un"));
  warnings = gloss_source_get_warnings (source);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==,
                   "“doc.xml” is not well-formed XML (line 2); Gloss shows the text it could read");
  g_clear_object (&source);

  /* Not XML at all. */
  source = read_xml ("du texte, pas du XML", &error);
  g_assert_null (source);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "“doc.xml” is not well-formed XML (line 1)");
  g_clear_error (&error);

  /* Elements but no text. */
  source = read_xml ("<r>\n  <p>   </p>\n  <img/>\n</r>", &error);
  g_assert_null (source);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_TEXT);
  g_assert_cmpstr (error->message, ==, "“doc.xml” holds no text to annotate");
}

static void
test_encodings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSource) source = NULL;
  g_autofree char *utf16 = NULL;
  gsize utf16_length = 0;

  assert_text ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r><p>caf\xe9</p></r>", "café");

  utf16 = g_convert ("\xef\xbb\xbf<r><p>\xc3\xa9t\xc3\xa9</p></r>", -1, "UTF-16LE", "UTF-8",
                     NULL, &utf16_length, &error);
  g_assert_no_error (error);
  source = gloss_xml_reader_read (NULL, "doc.xml", utf16, utf16_length, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_source_get_text (source), ==, "été");
}

static void
test_tei_details (void)
{
  /* Headings a level deeper in each division; verse lines; line breaks;
   * an inline quote; a note left out. */
  assert_text ("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body>"
               "<div><head>Un</head><div><head>Deux</head>"
               "<p>Ligne<lb/>suivante <quote>citée</quote><note>note</note>.</p>"
               "<lg><l>vers un</l>\n<l>vers deux</l></lg></div></div>"
               "</body></text></TEI>",
               "Un\n\nDeux\n\nLigne\nsuivante citée.\n\nvers un\nvers deux");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("gloss-test-xml-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/xml/tei", test_tei);
  g_test_add_func ("/xml/tei/details", test_tei_details);
  g_test_add_func ("/xml/jats", test_jats);
  g_test_add_func ("/xml/locations", test_locations);
  g_test_add_func ("/xml/paths", test_paths);
  g_test_add_func ("/xml/other", test_other_xml);
  g_test_add_func ("/xml/encodings", test_encodings);
  g_test_add_func ("/xml/safety/xxe", test_xxe);
  g_test_add_func ("/xml/safety/billion-laughs", test_billion_laughs);
  g_test_add_func ("/xml/safety/quadratic-blowup", test_quadratic_blowup);
  g_test_add_func ("/xml/safety/deep", test_deep);
  g_test_add_func ("/xml/safety/huge-text-node", test_huge_text_node);
  g_test_add_func ("/xml/safety/broken", test_broken);
  g_test_add_func ("/xml/safety/billion-laughs-alone", test_billion_laughs_alone);
  g_test_add_func ("/xml/safety/many-attributes", test_many_attributes);
  g_test_add_func ("/xml/safety/many-namespaces", test_many_namespaces);
  g_test_add_func ("/xml/safety/dense-markup", test_dense_markup);
  g_test_add_func ("/xml/safety/broken-tags-not-deep", test_broken_tags_not_deep);
  g_test_add_func ("/xml/safety/messages-are-utf8", test_messages_are_utf8);

  status = g_test_run ();

  g_assert_cmpint (g_rmdir (tmp_dir), ==, 0);
  g_free (tmp_dir);

  return status;
}
