/* gloss-import-w3c-check.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the W3C Web Annotation Data Model says an annotation MUST be, as
 * the "must" assertions of the W3C test suite check it: the import refuses
 * an annotation that breaks one, with the reasons. */

#define G_LOG_DOMAIN "gloss-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-import-w3c-private.h"

/* Adds a reason to @why, after "; " when there is one already. */
G_GNUC_PRINTF (2, 3) static void
add_reason (GString    *why,
            const char *format,
            ...)
{
  va_list args;

  if (why->len > 0)
    g_string_append (why, "; ");
  va_start (args, format);
  g_string_append_vprintf (why, format, args);
  va_end (args);
}

gboolean
_gloss_w3c_is_iri (const char *s)
{
  const char *p = s;

  if (s == NULL || !g_ascii_isalpha (*p))
    return FALSE;
  while (g_ascii_isalnum (*p) || *p == '+' || *p == '-' || *p == '.')
    p++;
  if (*p != ':' || p[1] == '\0')
    return FALSE;

  for (; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || *p == '<' || *p == '>' || *p == '"')
      return FALSE;

  return TRUE;
}

gboolean
_gloss_w3c_has_string (GlossW3cTree  *tree,
                       GlossW3cValue  value,
                       const char    *string)
{
  if (_gloss_w3c_kind (tree, value) == GLOSS_W3C_STRING)
    return strcmp (_gloss_w3c_string (tree, value), string) == 0;

  if (_gloss_w3c_kind (tree, value) == GLOSS_W3C_ARRAY)
    for (GlossW3cValue element = _gloss_w3c_first (tree, value); element != 0;
         element = _gloss_w3c_next (tree, element))
      if (_gloss_w3c_has_string (tree, element, string))
        return TRUE;

  return FALSE;
}

const char *
_gloss_w3c_single_string (GlossW3cTree  *tree,
                          GlossW3cValue  value)
{
  if (_gloss_w3c_kind (tree, value) == GLOSS_W3C_ARRAY && _gloss_w3c_length (tree, value) == 1)
    return _gloss_w3c_string (tree, _gloss_w3c_first (tree, value));

  return _gloss_w3c_string (tree, value);
}

/* Checks @value, the annotation's member @member (0 when it has none). */
static void
check_iri_member (GString       *why,
                  GlossW3cTree  *tree,
                  GlossW3cValue  value,
                  const char    *member,
                  gboolean       many)
{
  gboolean ok = TRUE;

  if (value == 0)
    return;

  if (_gloss_w3c_kind (tree, value) == GLOSS_W3C_STRING)
    ok = _gloss_w3c_is_iri (_gloss_w3c_string (tree, value));
  else if (many && _gloss_w3c_kind (tree, value) == GLOSS_W3C_ARRAY)
    {
      for (GlossW3cValue element = _gloss_w3c_first (tree, value); element != 0;
           element = _gloss_w3c_next (tree, element))
        ok &= _gloss_w3c_is_iri (_gloss_w3c_string (tree, element));
    }
  else
    ok = FALSE;

  if (!ok)
    /* Translators: a member name of the annotation, such as "rights" */
    add_reason (why, _("“%s” is not an IRI"), member);
}

static void
check_date_member (GString       *why,
                   GlossW3cTree  *tree,
                   GlossW3cValue  value,
                   const char    *member)
{
  if (value == 0)
    return;

  if (!_gloss_import_is_timestamp (_gloss_w3c_string (tree, value)))
    /* Translators: a member name of the annotation, such as "created" */
    add_reason (why, _("“%s” is not one date and time (xsd:dateTime)"), member);
}

/* TRUE for an agent: an object, or an IRI naming one. */
static gboolean
is_agent (GlossW3cTree  *tree,
          GlossW3cValue  value)
{
  return _gloss_w3c_kind (tree, value) == GLOSS_W3C_OBJECT ||
         _gloss_w3c_is_iri (_gloss_w3c_string (tree, value));
}

static void
check_agent_member (GString       *why,
                    GlossW3cTree  *tree,
                    GlossW3cValue  value,
                    const char    *member)
{
  gboolean ok = TRUE;

  if (value == 0)
    return;

  if (_gloss_w3c_kind (tree, value) == GLOSS_W3C_ARRAY)
    {
      for (GlossW3cValue element = _gloss_w3c_first (tree, value); element != 0;
           element = _gloss_w3c_next (tree, element))
        ok &= is_agent (tree, element);
    }
  else
    ok = is_agent (tree, value);

  if (!ok)
    /* Translators: a member name of the annotation, such as "creator" */
    add_reason (why, _("“%s” is neither an IRI nor an agent"), member);
}

/* Checks the selectors under @value (a target, a selector, a list). */
static void
check_selectors (GString       *why,
                 GlossW3cTree  *tree,
                 GlossW3cValue  value,
                 guint          depth)
{
  const char *type;

  if (value == 0 || depth > 16)
    return;

  if (_gloss_w3c_kind (tree, value) == GLOSS_W3C_ARRAY)
    {
      for (GlossW3cValue element = _gloss_w3c_first (tree, value); element != 0;
           element = _gloss_w3c_next (tree, element))
        check_selectors (why, tree, element, depth + 1);
      return;
    }
  if (_gloss_w3c_kind (tree, value) != GLOSS_W3C_OBJECT)
    return;

  type = _gloss_w3c_get_string (tree, value, "type");
  if (g_strcmp0 (type, "FragmentSelector") == 0 || g_strcmp0 (type, "CssSelector") == 0 ||
      g_strcmp0 (type, "XPathSelector") == 0)
    {
      if (_gloss_w3c_get_string (tree, value, "value") == NULL)
        /* Translators: a selector type such as FragmentSelector */
        add_reason (why, _("a %s has no single value"), type);
    }
  else if (g_strcmp0 (type, "TextQuoteSelector") == 0)
    {
      if (_gloss_w3c_get_string (tree, value, "exact") == NULL)
        add_reason (why, _("a TextQuoteSelector has no single “exact”"));
    }
  else if (g_strcmp0 (type, "TextPositionSelector") == 0)
    {
      guint n;

      if (!_gloss_w3c_get_uint (tree, _gloss_w3c_member (tree, value, "start"), &n) ||
          !_gloss_w3c_get_uint (tree, _gloss_w3c_member (tree, value, "end"), &n))
        add_reason (why, _("a TextPositionSelector has no whole “start” and “end”"));
    }

  check_selectors (why, tree, _gloss_w3c_member (tree, value, "selector"), depth + 1);
  check_selectors (why, tree, _gloss_w3c_member (tree, value, "refinedBy"), depth + 1);
}

/* What makes @annotation break a MUST of the model, or "" when nothing;
 * an id that is missing or not an IRI is not counted. */
char *
_gloss_w3c_check_annotation (GlossW3cTree          *tree,
                             const GlossW3cMembers *annotation,
                             gboolean               has_context)
{
  GString *why = g_string_new (NULL);
  GlossW3cValue context = annotation->context;
  GlossW3cValue body_value = annotation->body_value;

  if ((context != 0 && !_gloss_w3c_has_string (tree, context, GLOSS_W3C_ANNO_CONTEXT)) ||
      (context == 0 && !has_context))
    add_reason (why, _("its @context does not include http://www.w3.org/ns/anno.jsonld"));
  if (!_gloss_w3c_has_string (tree, annotation->type, "Annotation"))
    add_reason (why, _("its type is not Annotation"));
  /* The model wants one IRI; a missing id or any string is let through
   * (the caller counts them), since the annotation can still be placed. */
  if (annotation->id != 0 && _gloss_w3c_single_string (tree, annotation->id) == NULL)
    add_reason (why, _("its id is not one IRI"));
  if (annotation->target == 0)
    add_reason (why, _("it has no target"));
  if (annotation->body != 0 && body_value != 0)
    add_reason (why, _("it has both body and bodyValue"));
  if (body_value != 0 && _gloss_w3c_kind (tree, body_value) != GLOSS_W3C_STRING)
    add_reason (why, _("its bodyValue is not one string"));

  check_date_member (why, tree, annotation->created, "created");
  check_date_member (why, tree, annotation->modified, "modified");
  check_date_member (why, tree, annotation->generated, "generated");
  check_agent_member (why, tree, annotation->creator, "creator");
  check_agent_member (why, tree, annotation->generator, "generator");
  check_iri_member (why, tree, annotation->rights, "rights", TRUE);
  check_iri_member (why, tree, annotation->via, "via", TRUE);
  check_iri_member (why, tree, annotation->canonical, "canonical", FALSE);
  check_selectors (why, tree, annotation->target, 0);
  check_selectors (why, tree, annotation->body, 0);

  return g_string_free (why, FALSE);
}
