/* gloss-text-builder-paths.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-source"

#include "config.h"

#include <string.h>

#include "gloss-text-builder-private.h"

/* Paths are XPath 1.0 that any processor evaluates on the original file
 * as it is, with no namespace bindings, so an element in a namespace (all
 * of TEI, which has a default one) cannot be named "p": that name only
 * matches elements in no namespace.  Its step tests the local name
 * instead.  A name with a colon but no namespace, which the HTML parser
 * makes of Word's <o:p>, would read as an undeclared prefix and is tested
 * by its whole name.  Each kind of step counts positions among the
 * siblings its own test matches, so that "[3]" means the same thing to
 * the processor as here. */
typedef enum
{
  STEP_NAME,        /* p */
  STEP_LOCAL_NAME,  /* *[local-name()='p'] */
  STEP_WHOLE_NAME,  /* *[name()='o:p'] */
  N_STEP_KINDS
} StepKind;

static StepKind
step_kind_of (const xmlNode *node)
{
  if (node->ns != NULL)
    return STEP_LOCAL_NAME;

  if (strchr ((const char *) node->name, ':') != NULL)
    return STEP_WHOLE_NAME;

  return STEP_NAME;
}

/* What a kind of step tests, or NULL when @node can never match that
 * kind of step: a name test only matches elements in no namespace.  The
 * names are the tree's own, which outlives the steps; a prefixed name is
 * put together once in @names. */
static const char *
test_of (const xmlNode *node,
         StepKind       kind,
         GStringChunk  *names)
{
  switch (kind)
    {
    case STEP_NAME:
      return node->ns == NULL ? (const char *) node->name : NULL;

    case STEP_LOCAL_NAME:
      return (const char *) node->name;

    case STEP_WHOLE_NAME:
    case N_STEP_KINDS:
    default:
      if (node->ns != NULL && node->ns->prefix != NULL)
        {
          g_autofree char *whole = g_strconcat ((const char *) node->ns->prefix, ":",
                                                (const char *) node->name, NULL);

          return g_string_chunk_insert_const (names, whole);
        }
      return (const char *) node->name;
    }
}

static char *
format_step (StepKind    kind,
             const char *test,
             guint       position)
{
  g_autofree char *predicate = NULL;

  if (position > 0)
    predicate = g_strdup_printf ("[%u]", position);

  switch (kind)
    {
    case STEP_LOCAL_NAME:
      return g_strdup_printf ("*[local-name()='%s']%s", test, predicate ? predicate : "");

    case STEP_WHOLE_NAME:
      return g_strdup_printf ("*[name()='%s']%s", test, predicate ? predicate : "");

    case STEP_NAME:
    case N_STEP_KINDS:
    default:
      return g_strconcat (test, predicate, NULL);
    }
}

/* The children of one element, numbered for their steps: how many
 * siblings each test matches in all, and how many up to the child
 * numbered last.  Steps are asked for in document order, so numbering
 * carries on from that child and a parent of many paragraphs is read
 * twice in all, whatever the number of paths asked for.  HTML only ever
 * needs names. */
struct _GlossChildSteps
{
  GHashTable    *totals[N_STEP_KINDS];
  GHashTable    *seen[N_STEP_KINDS];
  GStringChunk  *names;
  const xmlNode *parent;
  const xmlNode *last;
};

static void
count_test (GHashTable *table,
            const char *test)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (table, test));

  g_hash_table_insert (table, (gpointer) test, GUINT_TO_POINTER (n + 1));
}

static GlossChildSteps *
child_steps_new (const xmlNode *parent)
{
  GlossChildSteps *steps = g_new0 (GlossChildSteps, 1);

  steps->parent = parent;
  steps->names = g_string_chunk_new (64);

  for (const xmlNode *child = parent->children; child != NULL; child = child->next)
    {
      StepKind kind;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      kind = step_kind_of (child);
      if (steps->totals[kind] == NULL)
        {
          steps->totals[kind] = g_hash_table_new (g_str_hash, g_str_equal);
          steps->seen[kind] = g_hash_table_new (g_str_hash, g_str_equal);
        }
    }

  for (const xmlNode *child = parent->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      for (guint kind = 0; kind < N_STEP_KINDS; kind++)
        {
          const char *test;

          if (steps->totals[kind] != NULL &&
              (test = test_of (child, kind, steps->names)) != NULL)
            count_test (steps->totals[kind], test);
        }
    }

  return steps;
}

void
_gloss_child_steps_free (GlossChildSteps *steps)
{
  if (steps == NULL)
    return;

  for (guint kind = 0; kind < N_STEP_KINDS; kind++)
    {
      g_clear_pointer (&steps->totals[kind], g_hash_table_unref);
      g_clear_pointer (&steps->seen[kind], g_hash_table_unref);
    }
  g_string_chunk_free (steps->names);
  g_free (steps);
}

/* Counts @child among the siblings seen so far. */
static void
see (GlossChildSteps *steps,
     const xmlNode   *child)
{
  for (guint kind = 0; kind < N_STEP_KINDS; kind++)
    {
      const char *test;

      if (steps->seen[kind] != NULL &&
          (test = test_of (child, kind, steps->names)) != NULL)
        count_test (steps->seen[kind], test);
    }
}

/* The step of @child, a child element of the steps' parent, with its
 * position among the siblings its test matches when there are several. */
static char *
child_step (GlossChildSteps *steps,
            const xmlNode   *child)
{
  const xmlNode *from;
  StepKind own = step_kind_of (child);
  const char *test = test_of (child, own, steps->names);
  guint position;
  guint total;

  /* Asked for an earlier child than the last one: number again from the
   * start, which the walk in document order never needs. */
  if (steps->last != NULL)
    {
      const xmlNode *node = steps->last;

      while (node != NULL && node != child)
        node = node->next;
      if (node == NULL)
        {
          for (guint kind = 0; kind < N_STEP_KINDS; kind++)
            {
              if (steps->seen[kind] != NULL)
                g_hash_table_remove_all (steps->seen[kind]);
            }
          steps->last = NULL;
        }
    }

  if (steps->last != child)
    {
      from = steps->last != NULL ? steps->last->next : steps->parent->children;
      for (const xmlNode *node = from; node != NULL; node = node->next)
        {
          if (node->type == XML_ELEMENT_NODE)
            see (steps, node);
          if (node == child)
            break;
        }
      steps->last = child;
    }

  position = GPOINTER_TO_UINT (g_hash_table_lookup (steps->seen[own], test));
  total = GPOINTER_TO_UINT (g_hash_table_lookup (steps->totals[own], test));

  return format_step (own, test, total > 1 ? position : 0);
}

static void
element_clear (gpointer data)
{
  GlossTextElement *element = data;

  g_clear_pointer (&element->step, g_free);
  g_clear_pointer (&element->child_steps, _gloss_child_steps_free);
}

GArray *
_gloss_text_elements_new (void)
{
  GArray *elements = g_array_new (FALSE, FALSE, sizeof (GlossTextElement));

  g_array_set_clear_func (elements, element_clear);

  return elements;
}

static const char *
step_of (GArray *elements,
         guint   index)
{
  GlossTextElement *element = &g_array_index (elements, GlossTextElement, index);

  if (element->step != NULL)
    return element->step;

  if (index > 0)
    {
      GlossTextElement *parent = &g_array_index (elements, GlossTextElement, index - 1);

      if (parent->child_steps == NULL)
        parent->child_steps = child_steps_new (parent->node);
      element->step = child_step (parent->child_steps, element->node);
    }
  else if (element->node->parent != NULL)
    {
      GlossChildSteps *steps = child_steps_new (element->node->parent);

      element->step = child_step (steps, element->node);
      _gloss_child_steps_free (steps);
    }
  else
    {
      element->step = format_step (step_kind_of (element->node),
                                   (const char *) element->node->name, 0);
    }

  return element->step;
}

char *
_gloss_text_elements_dup_path (GArray *elements,
                               guint   index)
{
  GString *path = g_string_new (NULL);

  g_return_val_if_fail (elements != NULL && index < elements->len, NULL);

  for (guint i = 0; i <= index; i++)
    {
      g_string_append_c (path, '/');
      g_string_append (path, step_of (elements, i));
    }

  return g_string_free (path, FALSE);
}
