/* gloss-import-w3c-tree.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The compact tree the W3C import reads annotations into: nodes in one
 * array, linked to their first child and next sibling by index, and
 * strings in one buffer.  Reading an annotation appends to both; giving
 * it back truncates them, so that a file of 100,000 annotations reuses
 * the same memory throughout and allocates almost nothing. */

#define G_LOG_DOMAIN "gloss-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-import-w3c-private.h"

/* A node is 40 bytes: a file of 100,000 annotations reads millions. */
struct _GlossW3cNode
{
  guint64 word;             /* the member name's first eight bytes, NUL-padded; 0 for none */
  union
  {
    gsize text;             /* STRING: offset in the strings */
    gint64 integer;         /* INTEGER, and BOOLEAN: 1 for true */
    double number;
  } v;
  guint key;                /* offset of the member name in the strings + 1; 0 for none */
  guint first;              /* ARRAY, OBJECT: first child, last child, how many */
  guint last;
  guint length;
  guint next;               /* the next sibling */
  guint8 kind;              /* GlossW3cKind */
};

typedef GlossW3cNode Node;

/* Member names are compared eight bytes at once: the names of the model
 * ("type", "target", "selector", ...) mostly differ in those, and where
 * they are equal a name shorter than eight bytes is whole. */
static inline gboolean
same_name (const Node *node,
           const char *key,
           guint64     word,
           const char *name,
           gsize       length)
{
  return node->word == word && (length < sizeof word || strcmp (key + sizeof word, name + sizeof word) == 0);
}

void
_gloss_w3c_tree_init (GlossW3cTree *tree)
{
  *tree = (GlossW3cTree) { 0 };
  tree->nodes_allocated = 1024;
  tree->nodes = g_new0 (Node, tree->nodes_allocated);
  tree->n_nodes = 1;
  tree->strings_allocated = 16 * 1024;
  tree->strings = g_malloc (tree->strings_allocated);
}

void
_gloss_w3c_tree_clear (GlossW3cTree *tree)
{
  g_clear_pointer (&tree->nodes, g_free);
  g_clear_pointer (&tree->strings, g_free);
  tree->n_nodes = tree->nodes_allocated = 0;
  tree->strings_length = tree->strings_allocated = 0;
}

GlossW3cMark
_gloss_w3c_tree_mark (GlossW3cTree *tree)
{
  return (GlossW3cMark) { tree->n_nodes, tree->strings_length };
}

void
_gloss_w3c_tree_release (GlossW3cTree *tree,
                         GlossW3cMark  mark)
{
  tree->n_nodes = mark.nodes;
  tree->strings_length = mark.strings;
}

static inline Node *
node_at (GlossW3cTree  *tree,
         GlossW3cValue  value)
{
  return &tree->nodes[value];
}

/* The name of @node, which has one. */
static inline const char *
name_of (GlossW3cTree *tree,
         const Node   *node)
{
  return tree->strings + node->key - 1;
}

/* Millions of strings and nodes: the tree grows its own arrays, doubling
 * them, without a call for each.  These make room for @n more. */
static inline void
reserve_strings (GlossW3cTree *tree,
                 gsize         n)
{
  if (G_UNLIKELY (tree->strings_allocated - tree->strings_length < n))
    {
      tree->strings_allocated = MAX (tree->strings_allocated * 2, tree->strings_length + n);
      tree->strings = g_realloc (tree->strings, tree->strings_allocated);
    }
}

static inline void
reserve_nodes (GlossW3cTree *tree,
               guint         n)
{
  if (G_UNLIKELY (tree->nodes_allocated - tree->n_nodes < n))
    {
      tree->nodes_allocated = MAX (tree->nodes_allocated * 2, tree->n_nodes + n);
      tree->nodes = g_renew (Node, tree->nodes, tree->nodes_allocated);
    }
}

static gsize
add_string (GlossW3cTree *tree,
            const char   *string,
            gsize         length)
{
  gsize at = tree->strings_length;

  reserve_strings (tree, length + 1);
  memcpy (tree->strings + at, string, length);
  tree->strings[at + length] = '\0';
  tree->strings_length = at + length + 1;
  return at;
}

/* A node named by the string at @key - 1 in the strings (0 for none),
 * whose first eight bytes are @word. */
static GlossW3cValue
add_node (GlossW3cTree *tree,
          GlossW3cKind  kind,
          guint         key,
          guint64       word)
{
  guint at = tree->n_nodes;

  reserve_nodes (tree, 1);
  tree->nodes[at] = (Node) { .word = word, .key = key, .kind = kind };
  tree->n_nodes = at + 1;
  return at;
}

/* The child of @object named @name (@length bytes, whose first eight
 * are @word), or 0. */
static GlossW3cValue
find_member (GlossW3cTree  *tree,
             GlossW3cValue  object,
             guint64        word,
             const char    *name,
             gsize          length)
{
  for (GlossW3cValue child = node_at (tree, object)->first; child != 0;)
    {
      const Node *node = node_at (tree, child);

      if (same_name (node, name_of (tree, node), word, name, length))
        return child;
      child = node->next;
    }

  return 0;
}

/* Makes @child the last child of @parent. */
static void
link_child (GlossW3cTree  *tree,
            GlossW3cValue  parent,
            GlossW3cValue  child)
{
  Node *p = node_at (tree, parent);

  if (p->last != 0)
    node_at (tree, p->last)->next = child;
  else
    p->first = child;
  p->last = child;
  p->length++;
}

static const char *
key_of (GlossW3cTree  *tree,
        GlossW3cValue  value)
{
  const Node *node = node_at (tree, value);

  return node->key ? name_of (tree, node) : NULL;
}

/* Reads the value at the reader's current token as a node named by the
 * string at @key - 1 (0 for none), whose first eight bytes are @word. */
static GlossW3cValue
read_value (GlossW3cTree     *tree,
            GlossJsonReader  *reader,
            guint             key,
            guint64           word,
            GError          **error)
{
  GlossJsonToken token = gloss_json_reader_get_token (reader);
  GlossW3cValue value;

  switch (token)
    {
    case GLOSS_JSON_TOKEN_STRING:
      {
        gsize length;
        const char *string = gloss_json_reader_get_string (reader, &length);
        gsize text;

        text = add_string (tree, string, length);
        value = add_node (tree, GLOSS_W3C_STRING, key, word);
        node_at (tree, value)->v.text = text;
        return value;
      }

    case GLOSS_JSON_TOKEN_NUMBER:
      {
        gint64 integer;

        if (gloss_json_reader_get_int64 (reader, &integer))
          {
            value = add_node (tree, GLOSS_W3C_INTEGER, key, word);
            node_at (tree, value)->v.integer = integer;
          }
        else
          {
            value = add_node (tree, GLOSS_W3C_NUMBER, key, word);
            node_at (tree, value)->v.number = gloss_json_reader_get_double (reader);
          }
        return value;
      }

    case GLOSS_JSON_TOKEN_TRUE:
    case GLOSS_JSON_TOKEN_FALSE:
      value = add_node (tree, GLOSS_W3C_BOOLEAN, key, word);
      node_at (tree, value)->v.integer = token == GLOSS_JSON_TOKEN_TRUE;
      return value;

    case GLOSS_JSON_TOKEN_NULL:
      return add_node (tree, GLOSS_W3C_NULL, key, word);

    case GLOSS_JSON_TOKEN_BEGIN_ARRAY:
      value = add_node (tree, GLOSS_W3C_ARRAY, key, word);
      for (;;)
        {
          GlossW3cValue child;

          if (!gloss_json_reader_next (reader, error))
            return 0;
          if (gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_END_ARRAY)
            return value;
          child = read_value (tree, reader, 0, 0, error);
          if (child == 0)
            return 0;
          link_child (tree, value, child);
        }

    case GLOSS_JSON_TOKEN_BEGIN_OBJECT:
      value = add_node (tree, GLOSS_W3C_OBJECT, key, word);
      for (;;)
        {
          GlossW3cValue child;
          gsize length;
          const char *name;
          guint name_at;
          guint64 name_word;

          if (!gloss_json_reader_next (reader, error))
            return 0;
          if (gloss_json_reader_get_token (reader) == GLOSS_JSON_TOKEN_END_OBJECT)
            return value;

          /* Straight into the strings: no copy made and freed for each
           * member of 100,000 annotations. */
          name = gloss_json_reader_get_string (reader, &length);
          name_at = add_string (tree, name, length) + 1;
          name_word = _gloss_w3c_word (name, length);
          if (find_member (tree, value, name_word, tree->strings + name_at - 1, length) != 0)
            {
              g_autofree char *what =
                g_strdup_printf (_("duplicate key “%s”"), tree->strings + name_at - 1);

              /* As the reader refuses it in a value read whole. */
              g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_PARSE, _("line %u, column %u: %s"),
                           gloss_json_reader_get_line (reader),
                           gloss_json_reader_get_column (reader), what);
              return 0;
            }
          if (!gloss_json_reader_next (reader, error))
            return 0;
          child = read_value (tree, reader, name_at, name_word, error);
          if (child == 0)
            return 0;
          link_child (tree, value, child);
        }

    case GLOSS_JSON_TOKEN_END:
    case GLOSS_JSON_TOKEN_END_OBJECT:
    case GLOSS_JSON_TOKEN_END_ARRAY:
    case GLOSS_JSON_TOKEN_MEMBER:
    default:
      g_assert_not_reached ();
    }

  return 0;
}

GlossW3cValue
_gloss_w3c_tree_copy (GlossW3cTree  *to,
                      GlossW3cTree  *from,
                      GlossW3cMark   mark,
                      GlossW3cValue  value)
{
  guint n_nodes = from->n_nodes - mark.nodes;
  gsize n_bytes = from->strings_length - mark.strings;
  guint node_shift = to->n_nodes - mark.nodes;
  gsize string_shift = to->strings_length - mark.strings;

  g_assert (value >= mark.nodes && value < from->n_nodes);

  reserve_nodes (to, n_nodes);
  reserve_strings (to, n_bytes);

  /* What was read since @mark refers only to itself: moved as one block,
   * each index and offset by as much. */
  memcpy (to->strings + to->strings_length, from->strings + mark.strings, n_bytes);
  for (guint i = 0; i < n_nodes; i++)
    {
      Node *node = &to->nodes[to->n_nodes + i];

      *node = from->nodes[mark.nodes + i];
      node->key += node->key ? string_shift : 0;
      node->first += node->first ? node_shift : 0;
      node->last += node->last ? node_shift : 0;
      node->next += node->next ? node_shift : 0;
      if (node->kind == GLOSS_W3C_STRING)
        node->v.text += string_shift;
    }
  to->n_nodes += n_nodes;
  to->strings_length += n_bytes;

  return value + node_shift;
}

GlossW3cValue
_gloss_w3c_tree_read (GlossW3cTree     *tree,
                      GlossJsonReader  *reader,
                      GError          **error)
{
  return read_value (tree, reader, 0, 0, error);
}

GlossW3cValue
_gloss_w3c_tree_new_object (GlossW3cTree *tree)
{
  return add_node (tree, GLOSS_W3C_OBJECT, 0, 0);
}

GlossW3cValue
_gloss_w3c_tree_add_member (GlossW3cTree     *tree,
                            GlossW3cValue     object,
                            const char       *name,
                            gsize             length,
                            guint64           word,
                            GlossJsonReader  *reader,
                            GError          **error)
{
  guint name_at = add_string (tree, name, length) + 1;
  GlossW3cValue child;

  if (!gloss_json_reader_next (reader, error))
    return 0;
  child = read_value (tree, reader, name_at, word, error);
  if (child != 0)
    link_child (tree, object, child);
  return child;
}

void
_gloss_w3c_tree_add_null (GlossW3cTree  *tree,
                          GlossW3cValue  object,
                          const char    *name)
{
  gsize length = strlen (name);
  guint name_at = add_string (tree, name, length) + 1;

  link_child (tree, object, add_node (tree, GLOSS_W3C_NULL, name_at, _gloss_w3c_word (name, length)));
}

GlossW3cKind
_gloss_w3c_kind (GlossW3cTree  *tree,
                 GlossW3cValue  value)
{
  return node_at (tree, value)->kind;
}

const char *
_gloss_w3c_name (GlossW3cTree  *tree,
                 GlossW3cValue  value)
{
  return key_of (tree, value);
}

GlossW3cValue
_gloss_w3c_member_word (GlossW3cTree  *tree,
                        GlossW3cValue  object,
                        guint64        word,
                        const char    *name,
                        gsize          length)
{
  /* Objects of annotations have a dozen members at most: a look at each
   * is quicker than a table. */
  if (node_at (tree, object)->kind != GLOSS_W3C_OBJECT)
    return 0;
  return find_member (tree, object, word, name, length);
}

/* Whether @node, whose name is @key, is named @name: inline, so that for
 * a name written in the code the length and first eight bytes are known
 * as the program is compiled. */
static inline gboolean
is_named (const Node *node,
          const char *key,
          const char *name)
{
  gsize length = strlen (name);

  return same_name (node, key, _gloss_w3c_word (name, length), name, length);
}

void
_gloss_w3c_find_members (GlossW3cTree    *tree,
                         GlossW3cValue    object,
                         GlossW3cMembers *members)
{
  *members = (GlossW3cMembers) { 0 };
  if (node_at (tree, object)->kind != GLOSS_W3C_OBJECT)
    return;

  for (GlossW3cValue child = node_at (tree, object)->first; child != 0;)
    {
      const Node *node = node_at (tree, child);
      const char *key = name_of (tree, node);
      GlossW3cValue *slot = NULL;

      switch (key[0])
        {
        case 'i':
          slot = is_named (node, key, "id") ? &members->id : NULL;
          break;
        case '@':
          slot = is_named (node, key, "@context") ? &members->context : NULL;
          break;
        case 't':
          slot = is_named (node, key, "type") ? &members->type :
                 is_named (node, key, "target") ? &members->target : NULL;
          break;
        case 'm':
          slot = is_named (node, key, "motivation") ? &members->motivation :
                 is_named (node, key, "modified") ? &members->modified : NULL;
          break;
        case 'b':
          slot = is_named (node, key, "body") ? &members->body :
                 is_named (node, key, "bodyValue") ? &members->body_value : NULL;
          break;
        case 'c':
          slot = is_named (node, key, "creator") ? &members->creator :
                 is_named (node, key, "created") ? &members->created :
                 is_named (node, key, "canonical") ? &members->canonical : NULL;
          break;
        case 'g':
          slot = is_named (node, key, "generated") ? &members->generated :
                 is_named (node, key, "generator") ? &members->generator : NULL;
          break;
        case 'r':
          slot = is_named (node, key, "rights") ? &members->rights : NULL;
          break;
        case 'v':
          slot = is_named (node, key, "via") ? &members->via : NULL;
          break;
        default:
          break;
        }
      if (slot != NULL)
        *slot = child;
      child = node->next;
    }
}

GlossW3cValue
_gloss_w3c_first (GlossW3cTree  *tree,
                  GlossW3cValue  value)
{
  return node_at (tree, value)->first;
}

GlossW3cValue
_gloss_w3c_next (GlossW3cTree  *tree,
                 GlossW3cValue  value)
{
  return node_at (tree, value)->next;
}

guint
_gloss_w3c_length (GlossW3cTree  *tree,
                   GlossW3cValue  value)
{
  return node_at (tree, value)->length;
}

const char *
_gloss_w3c_string (GlossW3cTree  *tree,
                   GlossW3cValue  value)
{
  Node *node = node_at (tree, value);

  return node->kind == GLOSS_W3C_STRING ? tree->strings + node->v.text : NULL;
}

const char *
_gloss_w3c_get_string (GlossW3cTree  *tree,
                       GlossW3cValue  object,
                       const char    *name)
{
  return _gloss_w3c_string (tree, _gloss_w3c_member (tree, object, name));
}

gboolean
_gloss_w3c_get_uint (GlossW3cTree  *tree,
                     GlossW3cValue  value,
                     guint         *number)
{
  Node *node = node_at (tree, value);

  if (node->kind != GLOSS_W3C_INTEGER || node->v.integer < 0 || node->v.integer > G_MAXUINT)
    return FALSE;

  *number = (guint)node->v.integer;
  return TRUE;
}

JsonNode *
_gloss_w3c_to_json (GlossW3cTree  *tree,
                    GlossW3cValue  value)
{
  Node *node = node_at (tree, value);
  JsonNode *json = json_node_alloc ();

  switch ((GlossW3cKind)node->kind)
    {
    case GLOSS_W3C_STRING:
      return json_node_init_string (json, _gloss_w3c_string (tree, value));
    case GLOSS_W3C_INTEGER:
      return json_node_init_int (json, node->v.integer);
    case GLOSS_W3C_NUMBER:
      return json_node_init_double (json, node->v.number);
    case GLOSS_W3C_BOOLEAN:
      return json_node_init_boolean (json, node->v.integer != 0);
    case GLOSS_W3C_ARRAY:
      {
        g_autoptr(JsonArray) array = json_array_sized_new (node->length);

        for (GlossW3cValue child = node->first; child != 0; child = node_at (tree, child)->next)
          json_array_add_element (array, _gloss_w3c_to_json (tree, child));
        return json_node_init_array (json, array);
      }
    case GLOSS_W3C_OBJECT:
      {
        g_autoptr(JsonObject) object = json_object_new ();

        for (GlossW3cValue child = node->first; child != 0; child = node_at (tree, child)->next)
          json_object_set_member (object, key_of (tree, child), _gloss_w3c_to_json (tree, child));
        return json_node_init_object (json, object);
      }
    case GLOSS_W3C_NONE:
    case GLOSS_W3C_NULL:
    default:
      return json_node_init_null (json);
    }
}
