/* gloss-brat-conf-write.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The texts of the configuration files of a brat export, from the types
 * gloss-brat-conf.c gathered: Gloss's own, or the corpus's with what it
 * does not declare added (see gloss-brat-conf.c). */

#define G_LOG_DOMAIN "gloss-export"

#include "config.h"

#include <string.h>

#include "gloss-brat-conf-private.h"

/* TRUE when @word can name a type or a role in a configuration line as
 * brat reads it: a storage form (ASCII letters, digits, '_' and '-', what
 * brat's normalize_to_storage_form() leaves as it is), and not hyphens
 * alone, which make a separator line. */
static gboolean
is_conf_word (const char *word)
{
  gboolean hyphens = TRUE;

  if (word == NULL || word[0] == '\0')
    return FALSE;

  for (const char *p = word; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
        return FALSE;
      if (*p != '-')
        hyphens = FALSE;
    }

  return !hyphens;
}

/* TRUE when @value can be one of an attribute's values: brat separates
 * them with '|', the arguments with ',' and reads <...> as a macro. */
static gboolean
is_conf_value (const char *value)
{
  if (value == NULL || value[0] == '\0')
    return FALSE;

  for (const char *p = value; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || strchr (",|<>", *p) != NULL)
      return FALSE;

  return TRUE;
}

/* The configuration of kind @i carried by every file that had one, or
 * NULL. */
static const char *
carried (GlossBratConf *conf,
         guint          i)
{
  return conf->mixed[i] ? NULL : conf->carried[i];
}

/* Appends the words of @set that pass @check, separated by '|'; returns
 * how many. */
static guint
append_alternatives (GString        *out,
                     GlossBratNames *set,
                     gboolean      (*check) (const char *))
{
  guint n = 0;

  for (guint i = 0; i < set->items->len; i++)
    {
      const char *word = g_ptr_array_index (set->items, i);

      if (!check (word))
        continue;
      if (n++ > 0)
        g_string_append_c (out, '|');
      g_string_append (out, word);
    }

  return n;
}

/* Appends ", <NORM>:A|B" (a tab instead of the comma when @first) for
 * the resources the annotations of @type are normalised against. */
static void
append_norms (GlossBratConf *conf,
              GString       *out,
              const char    *type,
              gboolean       first)
{
  GlossBratDecl *norms = g_hash_table_lookup (conf->norms.by_key, type);
  gsize mark = out->len;

  if (norms == NULL)
    return;

  g_string_append (out, first ? "\t<NORM>:" : ", <NORM>:");
  if (append_alternatives (out, &norms->types[0], is_conf_word) == 0)
    g_string_truncate (out, mark);
}

/* The line of each declaration of the kind @section names, in the order
 * met, leaving out those @declared has (NULL for none). */
static void
append_declarations (GlossBratConf *conf,
                     GString       *out,
                     const char    *section,
                     GHashTable    *declared)
{
  if (strcmp (section, "entities") == 0)
    {
      for (guint i = 0; i < conf->spans.list->len; i++)
        {
          GlossBratDecl *span = g_ptr_array_index (conf->spans.list, i);

          /* A trigger's type is an event type, declared there only. */
          if (!is_conf_word (span->name) ||
              g_hash_table_contains (conf->events.by_key, span->name) ||
              (declared != NULL && g_hash_table_contains (declared, span->name)))
            continue;
          g_string_append (out, span->name);
          append_norms (conf, out, span->name, TRUE);
          g_string_append_c (out, '\n');
        }
    }
  else if (strcmp (section, "events") == 0)
    {
      for (guint i = 0; i < conf->events.list->len; i++)
        {
          GlossBratDecl *event = g_ptr_array_index (conf->events.list, i);
          gboolean first = TRUE;

          if (!is_conf_word (event->name) ||
              (declared != NULL && g_hash_table_contains (declared, event->name)))
            continue;
          g_string_append (out, event->name);
          /* Every role met, each optional and repeatable ("*"): brat then
           * finds none missing and none too many. */
          for (guint a = 0; event->args != NULL && a < event->args->len; a++)
            {
              GlossBratDecl *arg = g_ptr_array_index (event->args, a);
              gsize mark = out->len;

              if (!is_conf_word (arg->name))
                continue;
              g_string_append_printf (out, "%s%s*:", first ? "\t" : ", ", arg->name);
              if (append_alternatives (out, &arg->types[0], is_conf_word) == 0)
                g_string_truncate (out, mark);
              else
                first = FALSE;
            }
          append_norms (conf, out, event->name, first);
          g_string_append_c (out, '\n');
        }
    }
  else if (strcmp (section, "relations") == 0)
    {
      for (guint i = 0; i < conf->relations.list->len; i++)
        {
          GlossBratDecl *relation = g_ptr_array_index (conf->relations.list, i);
          gsize mark = out->len;

          if (!is_conf_word (relation->name) || !is_conf_word (relation->roles[0]) ||
              !is_conf_word (relation->roles[1]) ||
              (declared != NULL && g_hash_table_contains (declared, relation->name)))
            continue;
          g_string_append_printf (out, "%s\t%s:", relation->name, relation->roles[0]);
          if (append_alternatives (out, &relation->types[0], is_conf_word) == 0)
            {
              g_string_truncate (out, mark);
              continue;
            }
          g_string_append_printf (out, ", %s:", relation->roles[1]);
          if (append_alternatives (out, &relation->types[1], is_conf_word) == 0)
            {
              g_string_truncate (out, mark);
              continue;
            }
          g_string_append_c (out, '\n');
        }

      /* brat finds an equivalence allowed between two types when a
       * symmetric and transitive relation joins them. */
      for (guint i = 0; i < conf->equivs.list->len; i++)
        {
          GlossBratDecl *equiv = g_ptr_array_index (conf->equivs.list, i);
          g_autoptr(GString) types = g_string_new (NULL);

          if (!is_conf_word (equiv->name) ||
              (declared != NULL && g_hash_table_contains (declared, equiv->name)) ||
              append_alternatives (types, &equiv->types[0], is_conf_word) == 0)
            continue;
          g_string_append_printf (out, "%s\tArg1:%s, Arg2:%s, <REL-TYPE>:symmetric-transitive\n",
                                  equiv->name, types->str, types->str);
        }
    }
  else if (strcmp (section, "attributes") == 0)
    {
      for (guint i = 0; i < conf->attributes.list->len; i++)
        {
          GlossBratDecl *attribute = g_ptr_array_index (conf->attributes.list, i);
          gsize mark = out->len;

          if (!is_conf_word (attribute->name) ||
              (declared != NULL && g_hash_table_contains (declared, attribute->name)))
            continue;
          g_string_append_printf (out, "%s\tArg:", attribute->name);
          if (append_alternatives (out, &attribute->types[0], is_conf_word) == 0)
            {
              g_string_truncate (out, mark);
              continue;
            }
          /* Without values the attribute is binary, as brat reads it. */
          if (attribute->types[1].items->len > 0)
            {
              gsize values = out->len;

              g_string_append (out, ", Value:");
              if (append_alternatives (out, &attribute->types[1], is_conf_value) == 0)
                g_string_truncate (out, values);
            }
          g_string_append_c (out, '\n');
        }
    }
}

/* The section a line of a configuration file opens ("entities" for
 * "[spans]", brat's other name for it), or NULL when it opens none. */
static char *
section_of (const char *line)
{
  g_autofree char *stripped = g_strstrip (g_strdup (line));
  gsize length = strlen (stripped);

  if (length < 2 || stripped[0] != '[' || stripped[length - 1] != ']')
    return NULL;

  stripped[length - 1] = '\0';
  if (strcmp (stripped + 1, "spans") == 0)
    return g_strdup ("entities");
  return g_strdup (stripped + 1);
}

static gboolean
is_blank (const char *line)
{
  for (const char *p = line; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

/* The names each section of the configuration @text declares, as brat
 * reads them: the first of the '|'-separated terms that open each line,
 * without the '!' of a type not to be used; comments, separators and
 * macros left out.  Section name -> set of names. */
static GHashTable *
declared_names (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  GHashTable *sections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify)g_hash_table_unref);
  g_autofree char *section = g_strdup ("");

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *header = section_of (lines[i]);
      const char *p = lines[i];
      const char *end;
      g_autofree char *term = NULL;
      GHashTable *names;

      if (header != NULL)
        {
          g_free (section);
          section = header;
          continue;
        }

      while (*p != '\0' && g_ascii_isspace (*p))
        p++;
      if (*p == '\0' || *p == '#' || (*p == '<' && strstr (p, ">=") != NULL) ||
          strspn (p, "-") == strcspn (p, " \t\r"))
        continue;

      /* [labels] separates its terms from the rest with a tab only. */
      end = p + strcspn (p, strcmp (section, "labels") == 0 ? "|\t\r" : "| \t\r");
      term = g_strstrip (g_strndup (p, end - p));
      if (term[0] == '!')
        memmove (term, term + 1, strlen (term));

      names = g_hash_table_lookup (sections, section);
      if (names == NULL)
        {
          names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_insert (sections, g_strdup (section), names);
        }
      g_hash_table_add (names, g_steal_pointer (&term));
    }

  return sections;
}

/* @text with the lines of @additions (section -> GString) at the end of
 * their sections, before the blank lines that close them; the sections
 * of @order that @text lacks and that have additions come at its end. */
static char *
add_to_sections (const char         *text,
                 GHashTable         *additions,
                 const char * const *order)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) blanks = g_string_new (NULL);
  g_autofree char *section = NULL;
  GString *out = g_string_new (NULL);
  guint n = g_strv_length (lines);

  /* The text ends with a line break: no empty line after it. */
  if (n > 0 && lines[n - 1][0] == '\0')
    n--;

  for (guint i = 0; i <= n; i++)
    {
      const char *line = i < n ? lines[i] : NULL;
      g_autofree char *header = line != NULL ? section_of (line) : NULL;

      if (line != NULL && header == NULL)
        {
          if (is_blank (line))
            {
              g_string_append (blanks, line);
              g_string_append_c (blanks, '\n');
            }
          else
            {
              g_string_append_len (out, blanks->str, blanks->len);
              g_string_truncate (blanks, 0);
              g_string_append (out, line);
              g_string_append_c (out, '\n');
            }
          continue;
        }

      /* The end of a section: its additions go here. */
      if (section != NULL && !g_hash_table_contains (done, section))
        {
          GString *lines_to_add = g_hash_table_lookup (additions, section);

          if (lines_to_add != NULL && lines_to_add->len > 0)
            {
              g_string_append (out, "# Added by Gloss: types the exported files use.\n");
              g_string_append_len (out, lines_to_add->str, lines_to_add->len);
            }
          g_hash_table_add (done, g_strdup (section));
        }
      g_string_append_len (out, blanks->str, blanks->len);
      g_string_truncate (blanks, 0);

      if (line == NULL)
        break;
      g_string_append (out, line);
      g_string_append_c (out, '\n');
      g_free (section);
      section = g_steal_pointer (&header);
    }

  for (guint i = 0; order[i] != NULL; i++)
    {
      GString *lines_to_add = g_hash_table_lookup (additions, order[i]);

      if (g_hash_table_contains (done, order[i]) || lines_to_add == NULL || lines_to_add->len == 0)
        continue;
      g_string_append_printf (out, "\n[%s]\n\n# Added by Gloss: types the exported files use.\n%s",
                              order[i], lines_to_add->str);
    }

  return g_string_free (out, FALSE);
}

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

/* Adds a copy of each name of the set @from (may be NULL) to @into. */
static void
add_names (GHashTable *into,
           GHashTable *from)
{
  GHashTableIter iter;
  gpointer name;

  if (from == NULL)
    return;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    g_hash_table_add (into, g_strdup (name));
}

char *
_gloss_brat_conf_annotation (GlossBratConf *conf)
{
  static const char * const sections[] = { "entities", "relations", "events", "attributes", NULL };
  const char *base;
  GString *out;

  g_return_val_if_fail (conf != NULL, NULL);

  base = carried (conf, CONF_ANNOTATION);
  if (base != NULL)
    {
      g_autoptr(GHashTable) declared = declared_names (base);
      g_autoptr(GHashTable) additions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                               string_free);
      GHashTable *span_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      /* A span type is declared as an entity or as an event. */
      add_names (span_types, g_hash_table_lookup (declared, "entities"));
      add_names (span_types, g_hash_table_lookup (declared, "events"));
      g_hash_table_insert (declared, g_strdup ("entities"), span_types);

      for (guint i = 0; sections[i] != NULL; i++)
        {
          GString *lines = g_string_new (NULL);

          append_declarations (conf, lines, sections[i],
                               g_hash_table_lookup (declared, sections[i]));
          g_hash_table_insert (additions, (gpointer)sections[i], lines);
        }

      return add_to_sections (base, additions, sections);
    }

  out = g_string_new ("# Written by Gloss: the span types of the codebooks and of the\n"
                      "# annotations, and the relations, events, attributes and\n"
                      "# normalisations of the lines kept from brat.\n");
  g_string_append (out, "\n[entities]\n\n");
  append_declarations (conf, out, "entities", NULL);
  g_string_append (out, "\n[relations]\n\n");
  /* Gloss lets annotations overlap, nest and share a span; brat forbids
   * it unless told so. */
  g_string_append (out, "<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>\n");
  append_declarations (conf, out, "relations", NULL);
  g_string_append (out, "\n[events]\n\n");
  append_declarations (conf, out, "events", NULL);
  g_string_append (out, "\n[attributes]\n\n");
  append_declarations (conf, out, "attributes", NULL);

  return g_string_free (out, FALSE);
}

/* The span types a visual.conf gives a label or a colour: those of the
 * codebooks and of the annotations written, less @known. */
static void
append_visual (GlossBratConf *conf,
               GString       *out,
               const char    *section,
               GHashTable    *known)
{
  for (guint i = 0; i < conf->spans.list->len; i++)
    {
      GlossBratDecl *span = g_ptr_array_index (conf->spans.list, i);
      const char *label = g_hash_table_lookup (conf->labels, span->name);
      const char *color = g_hash_table_lookup (conf->colors, span->name);

      if (!is_conf_word (span->name) ||
          (known != NULL && g_hash_table_contains (known, span->name)))
        continue;

      if (strcmp (section, "labels") == 0)
        {
          g_autofree char *form = g_strdup (label != NULL ? label : span->name);

          /* '|' separates the forms of a label, a tab ends them. */
          g_strdelimit (form, "|\t\n\r", ' ');
          g_string_append_printf (out, "%s | %s\n", span->name, form);
        }
      else if (color != NULL)
        {
          g_string_append_printf (out, "%s\tbgColor:%s\n", span->name, color);
        }
    }
}

char *
_gloss_brat_conf_visual (GlossBratConf *conf)
{
  static const char * const sections[] = { "labels", "drawing", NULL };
  const char *base;
  GString *out;

  g_return_val_if_fail (conf != NULL, NULL);

  base = carried (conf, CONF_VISUAL);
  if (base != NULL)
    {
      g_autoptr(GHashTable) declared = declared_names (base);
      g_autoptr(GHashTable) additions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                               string_free);
      g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      const char *annotation = carried (conf, CONF_ANNOTATION);

      /* The corpus's own types keep brat's defaults where its visual.conf
       * gives them none: only the types new to it get a label and a
       * colour. */
      add_names (known, g_hash_table_lookup (declared, "labels"));
      add_names (known, g_hash_table_lookup (declared, "drawing"));
      if (annotation != NULL)
        {
          g_autoptr(GHashTable) types = declared_names (annotation);

          add_names (known, g_hash_table_lookup (types, "entities"));
          add_names (known, g_hash_table_lookup (types, "events"));
        }

      for (guint i = 0; sections[i] != NULL; i++)
        {
          GString *lines = g_string_new (NULL);

          append_visual (conf, lines, sections[i], known);
          g_hash_table_insert (additions, (gpointer)sections[i], lines);
        }

      return add_to_sections (base, additions, sections);
    }

  out = g_string_new ("# Written by Gloss from the codebooks: labels and colours of the tags.\n");
  g_string_append (out, "\n[labels]\n\n");
  append_visual (conf, out, "labels", NULL);
  g_string_append (out, "\n[drawing]\n\n");
  append_visual (conf, out, "drawing", NULL);

  return g_string_free (out, FALSE);
}

char *
_gloss_brat_conf_tools (GlossBratConf *conf)
{
  static const char * const sections[] = { "normalization", NULL };
  const char *base;
  g_autoptr(GHashTable) declared = NULL;
  g_autoptr(GHashTable) additions = NULL;
  GHashTable *names;
  GString *lines;

  g_return_val_if_fail (conf != NULL, NULL);

  base = carried (conf, CONF_TOOLS);
  if (base == NULL && conf->resources.items->len == 0)
    return NULL;

  declared = declared_names (base);
  names = g_hash_table_lookup (declared, "normalization");
  lines = g_string_new (NULL);
  for (guint i = 0; i < conf->resources.items->len; i++)
    {
      const char *resource = g_ptr_array_index (conf->resources.items, i);

      if (!is_conf_word (resource) || (names != NULL && g_hash_table_contains (names, resource)))
        continue;
      /* No database of it on the server (<NONE>): brat shows the text the
       * N line holds and queries nothing.  Gloss knows no address for
       * it; brat asks for one, and hides the link when it is empty. */
      g_string_append_printf (lines, "%s\tDB:<NONE>, <URL>:\n", resource);
    }

  if (base == NULL)
    {
      g_autoptr(GString) owned = lines;

      if (owned->len == 0)
        return NULL;
      return g_strdup_printf ("# Written by Gloss: the normalisation resources of the lines "
                              "kept from brat.\n\n[normalization]\n\n%s", owned->str);
    }

  additions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, string_free);
  g_hash_table_insert (additions, (gpointer)"normalization", lines);
  return add_to_sections (base, additions, sections);
}

char *
_gloss_brat_conf_text (GlossBratConf *conf,
                       const char    *name)
{
  g_return_val_if_fail (conf != NULL, NULL);

  if (g_strcmp0 (name, GLOSS_BRAT_ANNOTATION_CONF) == 0)
    return _gloss_brat_conf_annotation (conf);
  if (g_strcmp0 (name, GLOSS_BRAT_VISUAL_CONF) == 0)
    return _gloss_brat_conf_visual (conf);
  if (g_strcmp0 (name, GLOSS_BRAT_TOOLS_CONF) == 0)
    return _gloss_brat_conf_tools (conf);

  g_return_val_if_reached (NULL);
}
