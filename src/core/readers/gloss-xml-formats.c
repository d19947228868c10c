/* gloss-xml-formats.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-xml"

#include "config.h"

#include <string.h>

#include "gloss-markup.h"
#include "gloss-text-builder.h"
#include "gloss-xml-reader-private.h"

#define TEI_NAMESPACE "http://www.tei-c.org/ns/1.0"

/* Longer metadata (an abstract) is cut. */
#define METADATA_MAX_BYTES 2000

typedef enum
{
  ROLE_INLINE,     /* flows within its block */
  ROLE_CONTAINER,  /* holds blocks; text right in it is a block of its own */
  ROLE_BLOCK,      /* a paragraph */
  ROLE_HEADING,
  ROLE_ITEM,
  ROLE_QUOTE,      /* a block quote: inline where its parent is not a container */
  ROLE_PRE,
  ROLE_LINE,       /* a line of verse: a line break before it */
  ROLE_BREAK,
  ROLE_SKIP,       /* not article text */
} Role;

typedef enum
{
  FLAG_SECTION  = 1 << 0,  /* headings in it are a level deeper */
  FLAG_LIST     = 1 << 1,  /* items in it are a level deeper */
  FLAG_CAPTION  = 1 << 2,  /* a title in it is a plain paragraph */
  FLAG_FLOATING = 1 << 3,  /* a block only right inside a container */
} Flags;

typedef struct
{
  const char *name;
  Role        role;
  guint       flags;
} XmlTag;

/* Elements not listed are inline.  Notes and forme work are left out:
 * they sit in the middle of sentences and would break them. */
static const XmlTag tei_tags[] = {
  { "TEI", ROLE_CONTAINER, 0 },
  { "TEI.2", ROLE_CONTAINER, 0 },
  { "teiCorpus", ROLE_CONTAINER, 0 },
  { "teiHeader", ROLE_SKIP, 0 },
  { "facsimile", ROLE_SKIP, 0 },
  { "sourceDoc", ROLE_SKIP, 0 },
  { "standOff", ROLE_SKIP, 0 },
  { "front", ROLE_SKIP, 0 },
  { "back", ROLE_SKIP, 0 },
  { "text", ROLE_CONTAINER, 0 },
  { "group", ROLE_CONTAINER, 0 },
  { "body", ROLE_CONTAINER, 0 },
  { "div", ROLE_CONTAINER, FLAG_SECTION },
  { "div1", ROLE_CONTAINER, FLAG_SECTION },
  { "div2", ROLE_CONTAINER, FLAG_SECTION },
  { "div3", ROLE_CONTAINER, FLAG_SECTION },
  { "div4", ROLE_CONTAINER, FLAG_SECTION },
  { "div5", ROLE_CONTAINER, FLAG_SECTION },
  { "div6", ROLE_CONTAINER, FLAG_SECTION },
  { "div7", ROLE_CONTAINER, FLAG_SECTION },
  { "floatingText", ROLE_CONTAINER, 0 },
  { "argument", ROLE_CONTAINER, 0 },
  { "epigraph", ROLE_CONTAINER, 0 },
  { "opener", ROLE_CONTAINER, 0 },
  { "closer", ROLE_CONTAINER, 0 },
  { "cit", ROLE_CONTAINER, 0 },
  { "sp", ROLE_CONTAINER, 0 },
  { "figure", ROLE_CONTAINER, 0 },
  { "table", ROLE_CONTAINER, 0 },
  { "row", ROLE_CONTAINER, 0 },
  { "list", ROLE_CONTAINER, FLAG_LIST },
  { "listBibl", ROLE_CONTAINER, FLAG_LIST },
  { "head", ROLE_HEADING, 0 },
  { "p", ROLE_BLOCK, 0 },
  { "ab", ROLE_BLOCK, 0 },
  { "lg", ROLE_BLOCK, 0 },
  { "cell", ROLE_BLOCK, 0 },
  { "byline", ROLE_BLOCK, 0 },
  { "dateline", ROLE_BLOCK, 0 },
  { "salute", ROLE_BLOCK, 0 },
  { "signed", ROLE_BLOCK, 0 },
  { "trailer", ROLE_BLOCK, 0 },
  { "speaker", ROLE_BLOCK, 0 },
  { "stage", ROLE_BLOCK, FLAG_FLOATING },
  { "bibl", ROLE_BLOCK, FLAG_FLOATING },
  { "label", ROLE_BLOCK, FLAG_FLOATING },
  { "item", ROLE_ITEM, 0 },
  { "quote", ROLE_QUOTE, 0 },
  { "eg", ROLE_PRE, 0 },
  { "l", ROLE_LINE, 0 },
  { "lb", ROLE_BREAK, 0 },
  { "note", ROLE_SKIP, 0 },
  { "fw", ROLE_SKIP, 0 },
};

/* The article body only: the front matter gives the metadata, and the
 * back matter (references, footnotes) and floating figures are not the
 * article's text.  MathML and TeX would come out as a jumble. */
static const XmlTag jats_tags[] = {
  { "article", ROLE_CONTAINER, 0 },
  { "front", ROLE_SKIP, 0 },
  { "back", ROLE_SKIP, 0 },
  { "floats-group", ROLE_SKIP, 0 },
  { "sub-article", ROLE_SKIP, 0 },
  { "response", ROLE_SKIP, 0 },
  { "processing-meta", ROLE_SKIP, 0 },
  { "body", ROLE_CONTAINER, 0 },
  { "sec", ROLE_CONTAINER, FLAG_SECTION },
  { "app", ROLE_CONTAINER, FLAG_SECTION },
  { "ack", ROLE_CONTAINER, FLAG_SECTION },
  { "app-group", ROLE_CONTAINER, 0 },
  { "boxed-text", ROLE_CONTAINER, 0 },
  { "fig", ROLE_CONTAINER, 0 },
  { "fig-group", ROLE_CONTAINER, 0 },
  { "table-wrap", ROLE_CONTAINER, 0 },
  { "table-wrap-group", ROLE_CONTAINER, 0 },
  { "caption", ROLE_CONTAINER, FLAG_CAPTION },
  { "statement", ROLE_CONTAINER, 0 },
  { "glossary", ROLE_CONTAINER, 0 },
  { "def-list", ROLE_CONTAINER, FLAG_LIST },
  { "def-item", ROLE_CONTAINER, 0 },
  { "def", ROLE_CONTAINER, 0 },
  { "list", ROLE_CONTAINER, FLAG_LIST },
  { "table", ROLE_CONTAINER, 0 },
  { "thead", ROLE_CONTAINER, 0 },
  { "tbody", ROLE_CONTAINER, 0 },
  { "tfoot", ROLE_CONTAINER, 0 },
  { "tr", ROLE_CONTAINER, 0 },
  { "title", ROLE_HEADING, 0 },
  { "p", ROLE_BLOCK, 0 },
  { "term", ROLE_BLOCK, 0 },
  { "td", ROLE_BLOCK, 0 },
  { "th", ROLE_BLOCK, 0 },
  { "attrib", ROLE_BLOCK, 0 },
  { "verse-group", ROLE_BLOCK, 0 },
  { "disp-formula", ROLE_BLOCK, 0 },
  { "label", ROLE_BLOCK, FLAG_FLOATING },
  { "list-item", ROLE_ITEM, 0 },
  { "disp-quote", ROLE_QUOTE, 0 },
  { "preformat", ROLE_PRE, 0 },
  { "code", ROLE_PRE, FLAG_FLOATING },
  { "verse-line", ROLE_LINE, 0 },
  { "break", ROLE_BREAK, 0 },
  { "fn", ROLE_SKIP, 0 },
  { "math", ROLE_SKIP, 0 },
  { "tex-math", ROLE_SKIP, 0 },
};

typedef struct
{
  GlossTextBuilder *builder;
  GlossXmlFormat    format;
  const XmlTag     *tags;
  gsize             n_tags;
  guint             section_depth;
  guint             list_depth;
  char             *entity;
} XmlWalk;

gboolean
_gloss_xml_keeps_attribute (const char *element,
                            const char *attribute)
{
  /* Every attribute read here, by local name (xml:lang, xml:space and
   * xlink:href among them): the parse drops the others (identifiers,
   * facsimile links, numbering on every word of a digitised text), whose
   * copies in the tree would take several times the file.  Reading
   * another attribute means adding it here. */
  static const char * const read[] = {
    "contrib-type", "href", "lang", "pub-id-type", "rend", "space", "type", "when",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (read); i++)
    {
      if (strcmp (attribute, read[i]) == 0)
        return TRUE;
    }

  return FALSE;
}

GlossXmlFormat
_gloss_xml_format_of (xmlNode *root)
{
  const char *ns = root->ns != NULL ? (const char *) root->ns->href : NULL;

  if ((gloss_markup_is (root, "TEI") || gloss_markup_is (root, "teiCorpus") ||
       gloss_markup_is (root, "TEI.2")) &&
      (ns == NULL || strcmp (ns, TEI_NAMESPACE) == 0))
    return GLOSS_XML_TEI;

  if (gloss_markup_is (root, "article") && ns == NULL &&
      (gloss_markup_child (root, "front") != NULL || gloss_markup_child (root, "body") != NULL))
    return GLOSS_XML_JATS;

  return GLOSS_XML_OTHER;
}

/* By local name: TEI in its namespace or in none, JATS with MathML. */
static const XmlTag *
lookup (XmlWalk       *walk,
        const xmlNode *element)
{
  for (gsize i = 0; i < walk->n_tags; i++)
    {
      if (strcmp ((const char *) element->name, walk->tags[i].name) == 0)
        return &walk->tags[i];
    }

  return NULL;
}

static gboolean
preserves_space (const xmlNode *element)
{
  g_autofree char *space = gloss_markup_dup_attribute (element, "space");

  return g_strcmp0 (space, "preserve") == 0;
}

/* The emphasis an inline element gives, as a set of 1 << GlossSpanKind:
 * TEI's <emph> and <hi> with a rend such as "italic" or "bold italic",
 * JATS's <italic> and <bold>. */
static guint
emphasis_of (XmlWalk       *walk,
             const xmlNode *element)
{
  g_autofree char *rend = NULL;
  g_auto(GStrv) tokens = NULL;
  guint kinds = 0;

  if (walk->format == GLOSS_XML_JATS)
    {
      if (gloss_markup_is (element, "italic"))
        return 1 << GLOSS_SPAN_EMPHASIS;
      if (gloss_markup_is (element, "bold"))
        return 1 << GLOSS_SPAN_STRONG;
      return 0;
    }

  if (walk->format != GLOSS_XML_TEI)
    return 0;

  if (gloss_markup_is (element, "emph"))
    return 1 << GLOSS_SPAN_EMPHASIS;

  if (!gloss_markup_is (element, "hi") ||
      (rend = gloss_markup_dup_attribute (element, "rend")) == NULL)
    return 0;

  tokens = g_strsplit_set (rend, " \t\n\r", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *token = tokens[i];

      if (g_ascii_strcasecmp (token, "italic") == 0 || g_ascii_strcasecmp (token, "italics") == 0 ||
          g_ascii_strcasecmp (token, "i") == 0 || g_ascii_strcasecmp (token, "it") == 0)
        kinds |= 1 << GLOSS_SPAN_EMPHASIS;
      else if (g_ascii_strcasecmp (token, "bold") == 0 || g_ascii_strcasecmp (token, "b") == 0)
        kinds |= 1 << GLOSS_SPAN_STRONG;
    }

  return kinds;
}

static void
add_node (XmlWalk       *walk,
          const xmlNode *node)
{
  if (node->type == XML_ENTITY_REF_NODE && walk->entity == NULL)
    walk->entity = g_strdup ((const char *) node->name);

  gloss_text_builder_add (walk->builder, node);
}

static void walk_element (XmlWalk      *walk,
                          xmlNode      *element,
                          const XmlTag *parent);

static void
walk_children (XmlWalk      *walk,
               xmlNode      *element,
               const XmlTag *tag)
{
  for (xmlNode *child = element->children; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE)
        walk_element (walk, child, tag);
      else
        add_node (walk, child);
    }
}

static void
walk_element (XmlWalk      *walk,
              xmlNode      *element,
              const XmlTag *parent)
{
  const XmlTag *tag = lookup (walk, element);
  Role parent_role = parent != NULL ? parent->role : ROLE_CONTAINER;
  Role role = tag != NULL ? tag->role : ROLE_INLINE;
  guint flags = tag != NULL ? tag->flags : 0;
  gboolean block = TRUE;
  guint emphasis = 0;

  if ((role == ROLE_QUOTE || (flags & FLAG_FLOATING) != 0) && parent_role != ROLE_CONTAINER)
    role = ROLE_INLINE;
  if (role == ROLE_HEADING && parent != NULL && (parent->flags & FLAG_CAPTION) != 0)
    role = ROLE_BLOCK;

  gloss_text_builder_enter (walk->builder, element);

  switch (role)
    {
    case ROLE_SKIP:
      gloss_text_builder_skip (walk->builder, element);
      gloss_text_builder_leave (walk->builder);
      return;

    case ROLE_BREAK:
      gloss_text_builder_add_line_break (walk->builder);
      gloss_text_builder_skip (walk->builder, element);
      gloss_text_builder_leave (walk->builder);
      return;

    case ROLE_LINE:
      gloss_text_builder_add_line_break (walk->builder);
      block = FALSE;
      break;

    case ROLE_INLINE:
      block = FALSE;
      emphasis = emphasis_of (walk, element);
      break;

    case ROLE_HEADING:
      gloss_text_builder_begin_block (walk->builder, GLOSS_BLOCK_HEADING,
                                      CLAMP (walk->section_depth, 1, 6),
                                      preserves_space (element));
      break;

    case ROLE_ITEM:
      gloss_text_builder_begin_block (walk->builder, GLOSS_BLOCK_LIST_ITEM,
                                      MAX (walk->list_depth, 1), preserves_space (element));
      break;

    case ROLE_QUOTE:
      gloss_text_builder_begin_block (walk->builder, GLOSS_BLOCK_QUOTE, 0,
                                      preserves_space (element));
      break;

    case ROLE_PRE:
      gloss_text_builder_begin_block (walk->builder, GLOSS_BLOCK_PREFORMATTED, 0, TRUE);
      break;

    case ROLE_CONTAINER:
    case ROLE_BLOCK:
    default:
      gloss_text_builder_begin_block (walk->builder, GLOSS_BLOCK_PARAGRAPH, 0,
                                      preserves_space (element));
      break;
    }

  walk->section_depth += (flags & FLAG_SECTION) != 0;
  walk->list_depth += (flags & FLAG_LIST) != 0;
  /* Bold outside italic when an element gives both. */
  if ((emphasis & (1 << GLOSS_SPAN_STRONG)) != 0)
    gloss_text_builder_begin_span (walk->builder, GLOSS_SPAN_STRONG);
  if ((emphasis & (1 << GLOSS_SPAN_EMPHASIS)) != 0)
    gloss_text_builder_begin_span (walk->builder, GLOSS_SPAN_EMPHASIS);

  walk_children (walk, element, tag);

  if ((emphasis & (1 << GLOSS_SPAN_EMPHASIS)) != 0)
    gloss_text_builder_end_span (walk->builder);
  if ((emphasis & (1 << GLOSS_SPAN_STRONG)) != 0)
    gloss_text_builder_end_span (walk->builder);

  walk->section_depth -= (flags & FLAG_SECTION) != 0;
  walk->list_depth -= (flags & FLAG_LIST) != 0;

  if (block)
    gloss_text_builder_end_block (walk->builder);
  gloss_text_builder_leave (walk->builder);
}

/* Text of its own: a text node with more than white space, or an entity
 * reference. */
static gboolean
holds_text (const xmlNode *element)
{
  for (const xmlNode *child = element->children; child != NULL; child = child->next)
    {
      if (child->type == XML_ENTITY_REF_NODE)
        return TRUE;

      if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) &&
          child->content != NULL)
        {
          for (const xmlChar *p = child->content; *p != '\0'; p++)
            {
              if (!g_ascii_isspace (*p))
                return TRUE;
            }
        }
    }

  return FALSE;
}

static void
walk_inline (XmlWalk *walk,
             xmlNode *element)
{
  for (xmlNode *child = element->children; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE)
        {
          gloss_text_builder_enter (walk->builder, child);
          walk_inline (walk, child);
          gloss_text_builder_leave (walk->builder);
        }
      else
        {
          add_node (walk, child);
        }
    }
}

/* Any other XML: the outermost elements with text of their own are the
 * blocks, everything in them flowing inline; elements without are only
 * containers, and the white space between them is nobody's text. */
static void
walk_other (XmlWalk *walk,
            xmlNode *element)
{
  gloss_text_builder_enter (walk->builder, element);

  if (holds_text (element))
    {
      gloss_text_builder_begin_block (walk->builder, GLOSS_BLOCK_PARAGRAPH, 0,
                                      preserves_space (element));
      walk_inline (walk, element);
      gloss_text_builder_end_block (walk->builder);
    }
  else
    {
      for (xmlNode *child = element->children; child != NULL; child = child->next)
        {
          if (child->type == XML_ELEMENT_NODE)
            walk_other (walk, child);
          else
            gloss_text_builder_skip (walk->builder, child);
        }
    }

  gloss_text_builder_leave (walk->builder);
}

/* Adds @value (taken) unless it is empty or @key has a value already. */
static void
set_metadata (GHashTable *metadata,
              const char *key,
              char       *value)
{
  value = gloss_markup_collapse (value);
  if (value == NULL)
    return;

  if (g_hash_table_contains (metadata, key))
    {
      g_free (value);
      return;
    }

  g_hash_table_insert (metadata, g_strdup (key), value);
}

static char *
dup_text (const xmlNode *node)
{
  return gloss_markup_dup_text (node, METADATA_MAX_BYTES, FALSE);
}

/* Names made of parts (<forename> <surname>, <given-names> <surname>)
 * read with a space between the parts. */
static char *
dup_name (const xmlNode *node)
{
  return gloss_markup_dup_text (node, METADATA_MAX_BYTES, TRUE);
}

/* Follows child elements by name, NULL-terminated; NULL if one is missing. */
G_GNUC_NULL_TERMINATED static xmlNode *
descend (xmlNode    *node,
         const char *first,
         ...)
{
  va_list args;

  va_start (args, first);
  for (const char *name = first; name != NULL && node != NULL; name = va_arg (args, const char *))
    node = gloss_markup_child (node, name);
  va_end (args);

  return node;
}

static void
add_author (GString *authors,
            char    *name)
{
  name = gloss_markup_collapse (name);
  if (name == NULL)
    return;

  if (authors->len > 0)
    g_string_append (authors, "; ");
  g_string_append (authors, name);
  g_free (name);
}

static void
tei_metadata (xmlNode    *root,
              GHashTable *metadata)
{
  xmlNode *file_desc = descend (root, "teiHeader", "fileDesc", NULL);
  xmlNode *title_stmt = gloss_markup_child (file_desc, "titleStmt");
  xmlNode *publication = gloss_markup_child (file_desc, "publicationStmt");
  g_autoptr(GString) authors = g_string_new (NULL);
  xmlNode *title = NULL;

  for (xmlNode *child = title_stmt != NULL ? title_stmt->children : NULL;
       child != NULL;
       child = child->next)
    {
      if (gloss_markup_is (child, "title"))
        {
          g_autofree char *type = gloss_markup_dup_attribute (child, "type");

          if (title == NULL || g_strcmp0 (type, "main") == 0)
            title = child;
        }
      else if (gloss_markup_is (child, "author"))
        {
          add_author (authors, dup_name (child));
        }
    }

  set_metadata (metadata, "title", dup_text (title));
  if (authors->len > 0)
    set_metadata (metadata, "author", g_strdup (authors->str));

  for (xmlNode *child = publication != NULL ? publication->children : NULL;
       child != NULL;
       child = child->next)
    {
      if (gloss_markup_is (child, "date"))
        {
          char *when = gloss_markup_dup_attribute (child, "when");

          set_metadata (metadata, "date", when != NULL ? when : dup_text (child));
        }
      else if (gloss_markup_is (child, "publisher"))
        {
          set_metadata (metadata, "publisher", dup_text (child));
        }
      else if (gloss_markup_is (child, "idno"))
        {
          g_autofree char *type = gloss_markup_dup_attribute (child, "type");

          if (type != NULL && (g_ascii_strcasecmp (type, "URI") == 0 ||
                               g_ascii_strcasecmp (type, "URL") == 0))
            set_metadata (metadata, "url", dup_text (child));
        }
    }

  set_metadata (metadata, "language",
                gloss_markup_dup_attribute (gloss_markup_child (root, "text"), "lang"));
  set_metadata (metadata, "language",
                gloss_markup_dup_attribute (descend (root, "teiHeader", "profileDesc",
                                                     "langUsage", "language", NULL),
                                            "ident"));
}

/* "2026-03-04" from <year>, <month>, <day>, as far as they go. */
static char *
jats_date (xmlNode *date)
{
  g_autofree char *year = dup_text (gloss_markup_child (date, "year"));
  g_autofree char *month = dup_text (gloss_markup_child (date, "month"));
  g_autofree char *day = dup_text (gloss_markup_child (date, "day"));
  GString *out;

  if (year == NULL)
    return dup_text (date);

  out = g_string_new (year);
  if (month != NULL)
    {
      g_string_append_printf (out, "-%s%s", strlen (month) == 1 ? "0" : "", month);
      if (day != NULL)
        g_string_append_printf (out, "-%s%s", strlen (day) == 1 ? "0" : "", day);
    }

  return g_string_free (out, FALSE);
}

/* The paragraphs of an abstract, one space between them. */
static char *
jats_abstract (xmlNode *abstract)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (abstract == NULL)
    return NULL;

  for (xmlNode *child = abstract->children; child != NULL; child = child->next)
    {
      g_autofree char *paragraph = gloss_markup_is (child, "p") ? dup_text (child) : NULL;

      if (paragraph == NULL || out->len >= METADATA_MAX_BYTES)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, paragraph);
    }

  if (out->len == 0)
    return dup_text (abstract);

  return g_strdup (out->str);
}

static void
jats_metadata (xmlNode    *root,
               GHashTable *metadata)
{
  xmlNode *journal = descend (root, "front", "journal-meta", NULL);
  xmlNode *meta = descend (root, "front", "article-meta", NULL);
  g_autoptr(GString) authors = g_string_new (NULL);

  set_metadata (metadata, "title",
                dup_text (descend (meta, "title-group", "article-title", NULL)));

  for (xmlNode *group = meta != NULL ? meta->children : NULL; group != NULL; group = group->next)
    {
      if (!gloss_markup_is (group, "contrib-group"))
        continue;

      for (xmlNode *contrib = group->children; contrib != NULL; contrib = contrib->next)
        {
          g_autofree char *type = gloss_markup_dup_attribute (contrib, "contrib-type");
          xmlNode *name;

          if (!gloss_markup_is (contrib, "contrib") || (type != NULL && strcmp (type, "author") != 0))
            continue;

          if ((name = gloss_markup_child (contrib, "name")) != NULL)
            {
              g_autofree char *given = dup_text (gloss_markup_child (name, "given-names"));
              g_autofree char *surname = dup_text (gloss_markup_child (name, "surname"));

              add_author (authors, g_strjoin (" ", given != NULL ? given : "",
                                              surname != NULL ? surname : "", NULL));
            }
          else if ((name = gloss_markup_child (contrib, "string-name")) != NULL ||
                   (name = gloss_markup_child (contrib, "collab")) != NULL)
            {
              add_author (authors, dup_name (name));
            }
        }
    }
  if (authors->len > 0)
    set_metadata (metadata, "author", g_strdup (authors->str));

  set_metadata (metadata, "date", jats_date (gloss_markup_child (meta, "pub-date")));
  set_metadata (metadata, "journal",
                dup_text (descend (journal, "journal-title-group", "journal-title", NULL)));
  set_metadata (metadata, "publisher",
                dup_text (descend (journal, "publisher", "publisher-name", NULL)));
  set_metadata (metadata, "description", jats_abstract (gloss_markup_child (meta, "abstract")));
  set_metadata (metadata, "url",
                gloss_markup_dup_attribute (gloss_markup_child (meta, "self-uri"), "href"));

  for (xmlNode *id = meta != NULL ? meta->children : NULL; id != NULL; id = id->next)
    {
      g_autofree char *type = gloss_markup_dup_attribute (id, "pub-id-type");

      if (gloss_markup_is (id, "article-id") && g_strcmp0 (type, "doi") == 0)
        set_metadata (metadata, "doi", dup_text (id));
    }
}

/* The first element, in document order, with one of @names. */
static xmlNode *
find_first (xmlNode            *node,
            const char * const *names)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      xmlNode *found;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      for (guint i = 0; names[i] != NULL; i++)
        {
          if (gloss_markup_is (child, names[i]))
            return child;
        }

      if ((found = find_first (child, names)) != NULL)
        return found;
    }

  return NULL;
}

static void
other_metadata (xmlNode    *root,
                GHashTable *metadata)
{
  static const char * const titles[] = { "title", "headline", "hl1", NULL };
  static const char * const authors[] = { "author", "creator", "byline", NULL };
  static const char * const dates[] = { "date", "pubDate", "published", "dateline", NULL };

  set_metadata (metadata, "title", dup_text (find_first (root, titles)));
  set_metadata (metadata, "author", dup_name (find_first (root, authors)));
  set_metadata (metadata, "date", dup_text (find_first (root, dates)));
}

char *
_gloss_xml_extract (xmlDoc           *doc,
                    GlossXmlFormat    format,
                    gsize             size_hint,
                    GHashTable       *metadata,
                    GArray          **blocks,
                    GArray          **spans,
                    GlossSourceMap  **map,
                    char            **entity)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  XmlWalk walk = { 0 };

  g_return_val_if_fail (root != NULL, NULL);

  walk.builder = gloss_text_builder_new (size_hint);
  walk.format = format;

  switch (format)
    {
    case GLOSS_XML_TEI:
      tei_metadata (root, metadata);
      walk.tags = tei_tags;
      walk.n_tags = G_N_ELEMENTS (tei_tags);
      walk_element (&walk, root, NULL);
      break;

    case GLOSS_XML_JATS:
      jats_metadata (root, metadata);
      walk.tags = jats_tags;
      walk.n_tags = G_N_ELEMENTS (jats_tags);
      walk_element (&walk, root, NULL);
      break;

    case GLOSS_XML_OTHER:
    default:
      other_metadata (root, metadata);
      walk_other (&walk, root);
      break;
    }

  set_metadata (metadata, "language", gloss_markup_dup_attribute (root, "lang"));

  *entity = walk.entity;
  return gloss_text_builder_finish (walk.builder, blocks, spans, map);
}
