/* gloss-html-extract.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-html"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-html-reader-private.h"
#include "gloss-markup.h"
#include "gloss-text-builder.h"

/* Longer metadata (a description, a title) is cut. */
#define METADATA_MAX_BYTES 2000

typedef enum
{
  TAG_BLOCK = 1 << 0,   /* starts a block, and so does what follows it */
  TAG_DROP  = 1 << 1,   /* never article text */
  TAG_BREAK = 1 << 2,   /* a line break */
  TAG_LIST  = 1 << 3,   /* its items are one level deeper */
  TAG_PRE   = 1 << 4,   /* white space as it is */
} TagFlags;

typedef struct
{
  const char     *name;
  guint           flags;
  GlossBlockKind  kind;
  guint           level;
} TagInfo;

#define BLOCK(name)         { name, TAG_BLOCK, GLOSS_BLOCK_PARAGRAPH, 0 }
#define DROP(name)          { name, TAG_DROP, GLOSS_BLOCK_PARAGRAPH, 0 }
#define LIST(name)          { name, TAG_BLOCK | TAG_LIST, GLOSS_BLOCK_PARAGRAPH, 0 }
#define PRE(name)           { name, TAG_BLOCK | TAG_PRE, GLOSS_BLOCK_PREFORMATTED, 0 }
#define HEADING(name, n)    { name, TAG_BLOCK, GLOSS_BLOCK_HEADING, n }

/* Elements that are not inline, sorted by name for bsearch().  Anything
 * else (a, em, span, custom elements) flows within its block.  Dropped
 * are scripts and styles, what a page wraps around an article (nav,
 * aside, footer, and header outside an <article>), forms and their
 * controls, and embedded media and frames, whose text is not the
 * article's. */
static const TagInfo tags[] = {
  BLOCK ("address"), BLOCK ("article"), DROP ("aside"), DROP ("audio"),
  { "blockquote", TAG_BLOCK, GLOSS_BLOCK_QUOTE, 0 },
  BLOCK ("body"), { "br", TAG_BREAK, GLOSS_BLOCK_PARAGRAPH, 0 }, DROP ("button"),
  DROP ("canvas"), BLOCK ("caption"), BLOCK ("center"), BLOCK ("dd"), BLOCK ("details"),
  DROP ("dialog"), LIST ("dir"), BLOCK ("div"), BLOCK ("dl"), BLOCK ("dt"), DROP ("embed"),
  BLOCK ("fieldset"), BLOCK ("figcaption"), BLOCK ("figure"), DROP ("footer"), DROP ("form"),
  HEADING ("h1", 1), HEADING ("h2", 2), HEADING ("h3", 3), HEADING ("h4", 4),
  HEADING ("h5", 5), HEADING ("h6", 6),
  DROP ("head"), BLOCK ("header"), BLOCK ("hgroup"), BLOCK ("hr"), BLOCK ("html"),
  DROP ("iframe"), DROP ("input"), BLOCK ("legend"),
  { "li", TAG_BLOCK, GLOSS_BLOCK_LIST_ITEM, 1 },
  PRE ("listing"), BLOCK ("main"), DROP ("map"), LIST ("menu"), DROP ("nav"),
  DROP ("noscript"), DROP ("object"), LIST ("ol"), DROP ("optgroup"), DROP ("option"),
  BLOCK ("p"), PRE ("plaintext"), PRE ("pre"), DROP ("script"), BLOCK ("section"),
  DROP ("select"), DROP ("style"), BLOCK ("summary"), DROP ("svg"), BLOCK ("table"),
  BLOCK ("tbody"), BLOCK ("td"), DROP ("template"), DROP ("textarea"), BLOCK ("tfoot"),
  BLOCK ("th"), BLOCK ("thead"), DROP ("title"), BLOCK ("tr"), LIST ("ul"), DROP ("video"),
  PRE ("xmp"),
};

/* Parts of a class or an id that mark page furniture rather than the
 * article: cookie and consent banners, newsletter boxes, share and social
 * buttons, advertising and promotions.  They are matched anywhere in the
 * class or id, ignoring case ("CookieBanner", "share-tools"), so an
 * article that calls one of its own parts "promo-text" loses it: the
 * price of catching the many ways sites name these. */
static const char * const furniture_words[] = {
  "advert", "banner", "consent", "cookie", "newsletter", "promo", "share", "sharing", "social",
};

/* ARIA roles of the same parts of a page. */
static const char * const furniture_roles[] = {
  "alertdialog", "banner", "complementary", "contentinfo", "dialog", "navigation", "search",
};

typedef enum
{
  META_TITLE,
  META_AUTHOR,
  META_DATE,
  META_DESCRIPTION,
  META_SITE_NAME,
  META_URL,
  META_LANGUAGE,
  N_META
} MetaKey;

static const char * const meta_keys[N_META] = {
  "title", "author", "date", "description", "site_name", "url", "language",
};

/* <meta name|property|itemprop> values and what they give; a lower rank
 * wins over a higher one, whatever comes first in the page. */
static const struct
{
  const char *name;
  MetaKey     key;
  guint       rank;
} meta_names[] = {
  { "og:title", META_TITLE, 1 },
  { "author", META_AUTHOR, 1 },
  { "article:author", META_AUTHOR, 2 },
  { "article:published_time", META_DATE, 1 },
  { "date", META_DATE, 2 },
  { "datepublished", META_DATE, 2 },
  { "dc.date", META_DATE, 2 },
  { "dc.date.issued", META_DATE, 2 },
  { "dcterms.date", META_DATE, 2 },
  { "pubdate", META_DATE, 2 },
  { "publishdate", META_DATE, 2 },
  { "description", META_DESCRIPTION, 1 },
  { "og:description", META_DESCRIPTION, 2 },
  { "og:site_name", META_SITE_NAME, 1 },
  { "og:url", META_URL, 2 },
};

typedef struct
{
  char  *value;
  guint  rank;
} Found;

typedef struct
{
  xmlNode  *node;
  gsize     text;         /* paragraph text inside it */
  gboolean  is_article;   /* else <main> */
} Candidate;

typedef struct
{
  Found       found[N_META];
  gboolean    seen_h1;
  xmlNode    *body;

  GArray     *candidates;
  GArray     *open;        /* indices of the candidates around the scan */
  GHashTable *scores;      /* element to the text of its <p> children */
  xmlNode    *best_parent;
  gsize       best_score;
} Scan;

typedef struct
{
  GlossTextBuilder *builder;
  guint             article_depth;
  guint             list_depth;
} Walk;

gboolean
_gloss_html_keeps_attribute (const char *element,
                             const char *attribute)
{
  /* Every attribute read below, and where: the parse drops the others (a
   * link's address, an image's size, data-* of every kind), whose copies
   * in the tree would take several times the page.  Reading another
   * attribute means adding it here. */
  static const char * const anywhere[] = {
    "aria-hidden", "class", "hidden", "id", "rel", "role", "style",
  };
  static const struct
  {
    const char *element;
    const char *attribute;
  } on[] = {
    { "html", "lang" }, { "link", "href" }, { "meta", "content" }, { "meta", "http-equiv" },
    { "meta", "itemprop" }, { "meta", "name" }, { "meta", "property" }, { "time", "datetime" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (anywhere); i++)
    {
      if (strcmp (attribute, anywhere[i]) == 0)
        return TRUE;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (on); i++)
    {
      if (strcmp (attribute, on[i].attribute) == 0 && strcmp (element, on[i].element) == 0)
        return TRUE;
    }

  return FALSE;
}

static int
compare_tag (const void *key,
             const void *member)
{
  return strcmp (key, ((const TagInfo *) member)->name);
}

static const TagInfo *
tag_info (const xmlNode *element)
{
  return bsearch (element->name, tags, G_N_ELEMENTS (tags), sizeof tags[0], compare_tag);
}

static gboolean
is_named (const xmlNode *element,
          const char    *name)
{
  return strcmp ((const char *) element->name, name) == 0;
}

/* Inline elements that browsers show in italic or in bold. */
static gboolean
emphasis_of (const xmlNode *element,
             GlossSpanKind *kind)
{
  static const struct
  {
    const char    *name;
    GlossSpanKind  kind;
  } emphasis[] = {
    { "b", GLOSS_SPAN_STRONG },
    { "cite", GLOSS_SPAN_EMPHASIS },
    { "em", GLOSS_SPAN_EMPHASIS },
    { "i", GLOSS_SPAN_EMPHASIS },
    { "strong", GLOSS_SPAN_STRONG },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (emphasis); i++)
    {
      if (is_named (element, emphasis[i].name))
        {
          *kind = emphasis[i].kind;
          return TRUE;
        }
    }

  return FALSE;
}

/* An attribute's value without copying it in the usual case of one text
 * node; otherwise put together in *@owned. */
static const char *
attribute_value (const xmlAttr  *attribute,
                 char          **owned)
{
  const xmlNode *child = attribute->children;

  if (child == NULL)
    return "";

  if (child->next == NULL && child->type == XML_TEXT_NODE && child->content != NULL)
    return (const char *) child->content;

  *owned = gloss_markup_dup_attribute (attribute->parent, (const char *) attribute->name);
  return *owned != NULL ? *owned : "";
}

static gboolean
contains_nocase (const char *haystack,
                 const char *needle)
{
  gsize n = strlen (needle);

  for (const char *p = haystack; *p != '\0'; p++)
    {
      if (g_ascii_strncasecmp (p, needle, n) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
has_token_nocase (const char *list,
                  const char *token)
{
  g_auto(GStrv) tokens = g_strsplit_set (list, " \t\n\r\f", -1);

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp (tokens[i], token) == 0)
        return TRUE;
    }

  return FALSE;
}

/* TRUE for inline styles that hide the element: "display: none" or
 * "visibility: hidden", whatever the spacing, case or !important. */
static gboolean
style_hides (const char *style)
{
  g_auto(GStrv) declarations = g_strsplit (style, ";", -1);

  for (guint i = 0; declarations[i] != NULL; i++)
    {
      char *colon = strchr (declarations[i], ':');
      char *property;
      char *value;

      if (colon == NULL)
        continue;

      *colon = '\0';
      property = g_strstrip (declarations[i]);
      value = g_strstrip (colon + 1);

      if (g_ascii_strcasecmp (property, "display") == 0 &&
          g_ascii_strncasecmp (value, "none", 4) == 0)
        return TRUE;
      if (g_ascii_strcasecmp (property, "visibility") == 0 &&
          g_ascii_strncasecmp (value, "hidden", 6) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
attribute_marks_furniture (const char *name,
                           const char *value)
{
  if (strcmp (name, "aria-hidden") == 0)
    return g_ascii_strcasecmp (value, "true") == 0;

  if (strcmp (name, "style") == 0)
    return style_hides (value);

  if (strcmp (name, "role") == 0)
    {
      for (gsize i = 0; i < G_N_ELEMENTS (furniture_roles); i++)
        {
          if (has_token_nocase (value, furniture_roles[i]))
            return TRUE;
        }
      return FALSE;
    }

  if (strcmp (name, "class") == 0 || strcmp (name, "id") == 0)
    {
      for (gsize i = 0; i < G_N_ELEMENTS (furniture_words); i++)
        {
          if (contains_nocase (value, furniture_words[i]))
            return TRUE;
        }
    }

  return FALSE;
}

/* TRUE when @element and all it holds are not article text: see tags,
 * furniture_words and furniture_roles; and anything hidden (the hidden
 * attribute, aria-hidden="true", an inline style that hides it).  An
 * article's own <header> holds its headline and byline and is kept; any
 * other <header> is the page's. */
static gboolean
is_furniture (const xmlNode *element,
              const TagInfo *info,
              guint          article_depth)
{
  if (info != NULL && (info->flags & TAG_DROP) != 0)
    return TRUE;

  if (article_depth == 0 && is_named (element, "header"))
    return TRUE;

  for (const xmlAttr *attribute = element->properties;
       attribute != NULL;
       attribute = attribute->next)
    {
      g_autofree char *owned = NULL;
      const char *name = (const char *) attribute->name;

      if (strcmp (name, "hidden") == 0)
        return TRUE;

      if (strcmp (name, "aria-hidden") != 0 && strcmp (name, "style") != 0 &&
          strcmp (name, "role") != 0 && strcmp (name, "class") != 0 &&
          strcmp (name, "id") != 0)
        continue;

      if (attribute_marks_furniture (name, attribute_value (attribute, &owned)))
        return TRUE;
    }

  return FALSE;
}

/* Keeps @value (taken) for @key unless a better-ranked one is there. */
static void
offer (Scan    *scan,
       MetaKey  key,
       guint    rank,
       char    *value)
{
  Found *found = &scan->found[key];

  if (value != NULL && strlen (value) > METADATA_MAX_BYTES)
    {
      const char *end = value + METADATA_MAX_BYTES;

      while (end > value && (((guchar) *end) & 0xc0) == 0x80)
        end--;
      value[end - value] = '\0';
    }

  value = gloss_markup_collapse (value);
  if (value == NULL)
    return;

  if (found->value != NULL && found->rank <= rank)
    {
      g_free (value);
      return;
    }

  g_free (found->value);
  found->value = value;
  found->rank = rank;
}

static void
scan_meta (Scan          *scan,
           const xmlNode *meta)
{
  g_autofree char *content = gloss_markup_dup_attribute (meta, "content");
  g_autofree char *http_equiv = NULL;
  const char * const name_attributes[] = { "property", "name", "itemprop" };

  if (content == NULL)
    return;

  http_equiv = gloss_markup_dup_attribute (meta, "http-equiv");
  if (http_equiv != NULL && g_ascii_strcasecmp (http_equiv, "content-language") == 0)
    {
      offer (scan, META_LANGUAGE, 2, g_strdup (content));
      return;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (name_attributes); i++)
    {
      g_autofree char *name = gloss_markup_dup_attribute (meta, name_attributes[i]);

      if (name == NULL)
        continue;

      for (gsize j = 0; j < G_N_ELEMENTS (meta_names); j++)
        {
          if (g_ascii_strcasecmp (g_strstrip (name), meta_names[j].name) != 0)
            continue;

          /* Facebook's article:author is often a profile address. */
          if (meta_names[j].key == META_AUTHOR &&
              (g_str_has_prefix (content, "http://") || g_str_has_prefix (content, "https://")))
            continue;

          offer (scan, meta_names[j].key, meta_names[j].rank, g_strdup (content));
        }
    }
}

static void
scan_link (Scan          *scan,
           const xmlNode *link)
{
  g_autofree char *rel = gloss_markup_dup_attribute (link, "rel");

  if (rel != NULL && has_token_nocase (rel, "canonical"))
    offer (scan, META_URL, 1, gloss_markup_dup_attribute (link, "href"));
}

/* Letters of text in @node, white space aside: how much a paragraph
 * weighs when looking for the article. */
static gsize
count_text (const xmlNode *node)
{
  gsize n = 0;

  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE && child->content != NULL)
        {
          for (const xmlChar *p = child->content; *p != '\0'; p++)
            n += !g_ascii_isspace (*p);
        }
      else if (child->type == XML_ELEMENT_NODE)
        {
          n += count_text (child);
        }
    }

  return n;
}

static void
add_paragraph (Scan    *scan,
               xmlNode *parent,
               gsize    n)
{
  gsize score = GPOINTER_TO_SIZE (g_hash_table_lookup (scan->scores, parent)) + n;

  g_hash_table_insert (scan->scores, parent, GSIZE_TO_POINTER (score));
  if (score > scan->best_score)
    {
      scan->best_score = score;
      scan->best_parent = parent;
    }

  for (guint i = 0; i < scan->open->len; i++)
    g_array_index (scan->candidates, Candidate, g_array_index (scan->open, guint, i)).text += n;
}

static void
scan_visible (Scan    *scan,
              xmlNode *element)
{
  if (is_named (element, "p"))
    {
      add_paragraph (scan, element->parent, count_text (element));
    }
  else if (is_named (element, "h1") && !scan->seen_h1)
    {
      scan->seen_h1 = TRUE;
      offer (scan, META_TITLE, 3, gloss_markup_dup_text (element, METADATA_MAX_BYTES, FALSE));
    }
  else if (is_named (element, "time"))
    {
      offer (scan, META_DATE, 3, gloss_markup_dup_attribute (element, "datetime"));
    }

  /* A byline, or a link to the author's page. */
  for (const xmlAttr *attribute = element->properties;
       attribute != NULL;
       attribute = attribute->next)
    {
      g_autofree char *owned = NULL;
      const char *name = (const char *) attribute->name;

      if (strcmp (name, "class") == 0 &&
          contains_nocase (attribute_value (attribute, &owned), "byline"))
        offer (scan, META_AUTHOR, 3, gloss_markup_dup_text (element, METADATA_MAX_BYTES, FALSE));
      else if (strcmp (name, "rel") == 0 && scan->found[META_AUTHOR].value == NULL &&
               has_token_nocase (attribute_value (attribute, &owned), "author"))
        offer (scan, META_AUTHOR, 4, gloss_markup_dup_text (element, METADATA_MAX_BYTES, FALSE));
    }
}

/* One pass over the whole page: the metadata, and where the paragraphs
 * are, outside what is_furniture() leaves out. */
static void
scan_children (Scan     *scan,
               xmlNode  *node,
               gboolean  furniture,
               guint     article_depth)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      const TagInfo *info;
      gboolean dropped;
      gboolean pushed = FALSE;
      guint depth = article_depth;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      info = tag_info (child);

      if (is_named (child, "meta"))
        scan_meta (scan, child);
      else if (is_named (child, "link"))
        scan_link (scan, child);
      else if (is_named (child, "title") && gloss_markup_is (node, "head"))
        offer (scan, META_TITLE, 2, gloss_markup_dup_text (child, METADATA_MAX_BYTES, FALSE));
      else if (is_named (child, "body") && scan->body == NULL)
        scan->body = child;

      dropped = furniture || is_furniture (child, info, article_depth);
      if (is_named (child, "article"))
        depth++;

      if (!dropped)
        {
          scan_visible (scan, child);

          if (is_named (child, "article") || is_named (child, "main"))
            {
              Candidate candidate = { child, 0, is_named (child, "article") };
              guint index = scan->candidates->len;

              g_array_append_val (scan->candidates, candidate);
              g_array_append_val (scan->open, index);
              pushed = TRUE;
            }
        }

      scan_children (scan, child, dropped, depth);

      if (pushed)
        g_array_set_size (scan->open, scan->open->len - 1);
    }
}

/* The article: the <article> with the most paragraph text, else such a
 * <main>, else the element whose <p> children hold the most text, else
 * the body.  An <article> or <main> loses to that element when it holds
 * more than twice as much: the page marked up something else (a teaser,
 * a comment) and left its story in plain <div>s. */
static xmlNode *
choose_article (Scan    *scan,
                xmlNode *root)
{
  Candidate *best = NULL;

  for (guint i = 0; i < scan->candidates->len; i++)
    {
      Candidate *candidate = &g_array_index (scan->candidates, Candidate, i);

      if (best == NULL ||
          (candidate->is_article && !best->is_article) ||
          (candidate->is_article == best->is_article && candidate->text > best->text))
        best = candidate;
    }

  if (best != NULL && !(scan->best_parent != NULL && scan->best_score > 2 * best->text))
    return best->node;

  if (scan->best_parent != NULL)
    return scan->best_parent;

  return scan->body != NULL ? scan->body : root;
}

static void walk_element (Walk    *walk,
                          xmlNode *element,
                          gboolean is_article);

static void
walk_children (Walk    *walk,
               xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE)
        walk_element (walk, child, FALSE);
      else
        gloss_text_builder_add (walk->builder, child);
    }
}

static void
walk_element (Walk     *walk,
              xmlNode  *element,
              gboolean  is_article)
{
  const TagInfo *info = tag_info (element);
  guint flags = info != NULL ? info->flags : 0;
  gboolean article = is_named (element, "article");
  GlossSpanKind span_kind = GLOSS_SPAN_EMPHASIS;
  gboolean span = FALSE;

  gloss_text_builder_enter (walk->builder, element);

  if (!is_article && is_furniture (element, info, walk->article_depth))
    {
      gloss_text_builder_skip (walk->builder, element);
      gloss_text_builder_leave (walk->builder);
      return;
    }

  if ((flags & TAG_BREAK) != 0)
    {
      gloss_text_builder_add_line_break (walk->builder);
      gloss_text_builder_skip (walk->builder, element);
      gloss_text_builder_leave (walk->builder);
      return;
    }

  if ((flags & TAG_BLOCK) != 0)
    {
      guint level = info->level;

      if (info->kind == GLOSS_BLOCK_LIST_ITEM)
        level = MAX (walk->list_depth, 1);
      gloss_text_builder_begin_block (walk->builder, info->kind, level, (flags & TAG_PRE) != 0);
    }

  walk->list_depth += (flags & TAG_LIST) != 0;
  walk->article_depth += article;
  span = info == NULL && emphasis_of (element, &span_kind);
  if (span)
    gloss_text_builder_begin_span (walk->builder, span_kind);

  walk_children (walk, element);

  if (span)
    gloss_text_builder_end_span (walk->builder);
  walk->list_depth -= (flags & TAG_LIST) != 0;
  walk->article_depth -= article;

  if ((flags & TAG_BLOCK) != 0)
    gloss_text_builder_end_block (walk->builder);

  gloss_text_builder_leave (walk->builder);
}

char *
_gloss_html_extract (xmlDoc          *doc,
                     const char      *label,
                     gsize            size_hint,
                     GHashTable      *metadata,
                     GArray         **blocks,
                     GArray         **spans,
                     GlossSourceMap **map,
                     GError         **error)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  Scan scan = { 0 };
  Walk walk = { 0 };
  xmlNode *article;

  g_return_val_if_fail (root != NULL, NULL);

  scan.candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  scan.open = g_array_new (FALSE, FALSE, sizeof (guint));
  scan.scores = g_hash_table_new (NULL, NULL);

  offer (&scan, META_LANGUAGE, 1, gloss_markup_dup_attribute (root, "lang"));
  scan_children (&scan, (xmlNode *) doc, FALSE, 0);
  article = choose_article (&scan, root);

  for (guint i = 0; i < N_META; i++)
    {
      if (scan.found[i].value != NULL)
        g_hash_table_insert (metadata, g_strdup (meta_keys[i]), scan.found[i].value);
    }
  g_array_unref (scan.candidates);
  g_array_unref (scan.open);
  g_hash_table_unref (scan.scores);

  walk.builder = gloss_text_builder_new (size_hint);
  gloss_text_builder_enter_ancestors (walk.builder, article);
  for (xmlNode *node = article; node != NULL; node = node->parent)
    walk.article_depth += node != article && node->type == XML_ELEMENT_NODE &&
                          is_named (node, "article");
  walk_element (&walk, article, TRUE);

  if (gloss_text_builder_get_length (walk.builder) == 0)
    {
      gloss_text_builder_free (walk.builder);
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_TEXT,
                   /* Translators: %s is a file name */
                   _("“%s” has no article text, only navigation, scripts or other parts of a page"),
                   label);
      return NULL;
    }

  return gloss_text_builder_finish (walk.builder, blocks, spans, map);
}
