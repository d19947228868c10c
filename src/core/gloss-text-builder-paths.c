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
 * kind of step: a name test only matches elements in no namespace. */
static char *
dup_test (const xmlNode *node,
          StepKind       kind)
{
  switch (kind)
    {
    case STEP_NAME:
      return node->ns == NULL ? g_strdup ((const char *) node->name) : NULL;

    case STEP_LOCAL_NAME:
      return g_strdup ((const char *) node->name);

    case STEP_WHOLE_NAME:
    case N_STEP_KINDS:
    default:
      if (node->ns != NULL && node->ns->prefix != NULL)
        return g_strconcat ((const char *) node->ns->prefix, ":", (const char *) node->name, NULL);
      return g_strdup ((const char *) node->name);
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

/* The XPath step of every child element of @parent, with its position
 * among the siblings its test matches when there are several.  One pass
 * to see which kinds of step the children need, one to count, one to
 * number, so a page of many paragraphs stays linear; HTML only ever needs
 * names. */
static GHashTable *
build_child_steps (const xmlNode *parent)
{
  GHashTable *totals[N_STEP_KINDS] = { NULL, };
  GHashTable *seen[N_STEP_KINDS] = { NULL, };
  GHashTable *steps = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  for (const xmlNode *child = parent->children; child != NULL; child = child->next)
    {
      StepKind kind;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      kind = step_kind_of (child);
      if (totals[kind] == NULL)
        {
          totals[kind] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          seen[kind] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
        }
    }

  for (const xmlNode *child = parent->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      for (guint kind = 0; kind < N_STEP_KINDS; kind++)
        {
          char *test;
          guint total;

          if (totals[kind] == NULL || (test = dup_test (child, kind)) == NULL)
            continue;

          total = GPOINTER_TO_UINT (g_hash_table_lookup (totals[kind], test));
          /* An existing key stays, and the new copy is freed. */
          g_hash_table_insert (totals[kind], test, GUINT_TO_POINTER (total + 1));
        }
    }

  for (const xmlNode *child = parent->children; child != NULL; child = child->next)
    {
      StepKind own = STEP_NAME;
      guint position = 0;
      guint total = 0;
      char *own_test = NULL;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      own = step_kind_of (child);
      for (guint kind = 0; kind < N_STEP_KINDS; kind++)
        {
          char *test;
          guint n;

          if (totals[kind] == NULL || (test = dup_test (child, kind)) == NULL)
            continue;

          n = GPOINTER_TO_UINT (g_hash_table_lookup (seen[kind], test)) + 1;
          if (kind == own)
            {
              position = n;
              total = GPOINTER_TO_UINT (g_hash_table_lookup (totals[kind], test));
              own_test = g_strdup (test);
            }
          g_hash_table_insert (seen[kind], test, GUINT_TO_POINTER (n));
        }

      g_assert (own_test != NULL);
      g_hash_table_insert (steps, (gpointer) child,
                           format_step (own, own_test, total > 1 ? position : 0));
      g_free (own_test);
    }

  for (guint kind = 0; kind < N_STEP_KINDS; kind++)
    {
      g_clear_pointer (&totals[kind], g_hash_table_unref);
      g_clear_pointer (&seen[kind], g_hash_table_unref);
    }

  return steps;
}

static void
element_clear (gpointer data)
{
  GlossTextElement *element = data;

  g_clear_pointer (&element->step, g_free);
  g_clear_pointer (&element->child_steps, g_hash_table_unref);
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
  const char *step = NULL;

  if (element->step != NULL)
    return element->step;

  if (index > 0)
    {
      GlossTextElement *parent = &g_array_index (elements, GlossTextElement, index - 1);

      if (parent->child_steps == NULL)
        parent->child_steps = build_child_steps (parent->node);
      step = g_hash_table_lookup (parent->child_steps, element->node);
      element->step = g_strdup (step);
    }
  else if (element->node->parent != NULL)
    {
      g_autoptr(GHashTable) steps = build_child_steps (element->node->parent);

      step = g_hash_table_lookup (steps, element->node);
      element->step = g_strdup (step);
    }

  if (element->step == NULL)
    element->step = format_step (step_kind_of (element->node),
                                 (const char *) element->node->name, 0);

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
