/* gloss-brat-conf.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The configuration files of a brat export.  brat checks each .ann of a
 * collection against the annotation.conf of its folder, or of the nearest
 * parent that has one (server/src/projectconfig.py and
 * verify_annotations.py in brat's sources): the type of a span must be an
 * entity or an event, a relation must be declared with the roles and the
 * types of its two arguments, an event with the roles it takes and their
 * types, an equivalence as a symmetric and transitive relation between
 * the types it joins, an attribute with the types it may go on.  So the
 * types are gathered from the .ann lines as they are written (the spans of
 * Gloss and the lines the import kept) and every one is declared.
 * Normalisations are declared twice: the resource in tools.conf, and on
 * the span types it is used on, which is where brat's annotation dialog
 * looks for the resources a type may use.
 *
 * When the files come from a brat corpus whose configuration the import
 * kept, that configuration is written back as it was, with only the types
 * it does not declare added at the end of their sections: its hierarchy,
 * labels, colours and options stay the corpus's own. */

#define G_LOG_DOMAIN "gloss-export"

#include "config.h"

#include <string.h>

#include "gloss-brat-conf-private.h"

static const char * const conf_names[N_CONFS] = {
  GLOSS_BRAT_ANNOTATION_CONF,
  GLOSS_BRAT_VISUAL_CONF,
  GLOSS_BRAT_TOOLS_CONF,
};


static void
name_set_init (GlossBratNames *set)
{
  set->items = g_ptr_array_new_with_free_func (g_free);
  set->seen = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
name_set_clear (GlossBratNames *set)
{
  g_clear_pointer (&set->seen, g_hash_table_unref);
  g_clear_pointer (&set->items, g_ptr_array_unref);
}

static void
name_set_add (GlossBratNames *set,
              const char     *name)
{
  char *copy;

  if (name == NULL || g_hash_table_contains (set->seen, name))
    return;

  copy = g_strdup (name);
  g_ptr_array_add (set->items, copy);
  g_hash_table_add (set->seen, copy);
}

static GlossBratDecl *
decl_new (const char *name)
{
  GlossBratDecl *decl = g_new0 (GlossBratDecl, 1);

  decl->name = g_strdup (name);
  name_set_init (&decl->types[0]);
  name_set_init (&decl->types[1]);
  return decl;
}

static void
decl_free (gpointer data)
{
  GlossBratDecl *decl = data;

  g_free (decl->name);
  g_free (decl->roles[0]);
  g_free (decl->roles[1]);
  name_set_clear (&decl->types[0]);
  name_set_clear (&decl->types[1]);
  g_clear_pointer (&decl->args, g_ptr_array_unref);
  g_free (decl);
}

static void
table_init (GlossBratDeclTable *table)
{
  table->list = g_ptr_array_new_with_free_func (decl_free);
  table->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
table_clear (GlossBratDeclTable *table)
{
  g_clear_pointer (&table->by_key, g_hash_table_unref);
  g_clear_pointer (&table->list, g_ptr_array_unref);
}

/* The declaration of @key in @table, made (named @name) when there is
 * none. */
static GlossBratDecl *
table_get (GlossBratDeclTable *table,
           const char         *key,
           const char         *name)
{
  GlossBratDecl *decl = g_hash_table_lookup (table->by_key, key);

  if (decl == NULL)
    {
      decl = decl_new (name);
      g_ptr_array_add (table->list, decl);
      g_hash_table_insert (table->by_key, g_strdup (key), decl);
    }

  return decl;
}

GlossBratConf *
_gloss_brat_conf_new (void)
{
  GlossBratConf *conf = g_new0 (GlossBratConf, 1);

  table_init (&conf->spans);
  table_init (&conf->events);
  table_init (&conf->relations);
  table_init (&conf->equivs);
  table_init (&conf->attributes);
  table_init (&conf->norms);
  name_set_init (&conf->resources);
  conf->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  conf->colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  return conf;
}

void
_gloss_brat_conf_free (GlossBratConf *conf)
{
  if (conf == NULL)
    return;

  table_clear (&conf->spans);
  table_clear (&conf->events);
  table_clear (&conf->relations);
  table_clear (&conf->equivs);
  table_clear (&conf->attributes);
  table_clear (&conf->norms);
  name_set_clear (&conf->resources);
  g_hash_table_unref (conf->labels);
  g_hash_table_unref (conf->colors);
  for (guint i = 0; i < N_CONFS; i++)
    g_free (conf->carried[i]);
  g_free (conf);
}

void
_gloss_brat_conf_add_type (GlossBratConf *conf,
                           const char    *type,
                           const char    *label,
                           const char    *color)
{
  g_return_if_fail (conf != NULL);
  g_return_if_fail (type != NULL);

  table_get (&conf->spans, type, type);
  if (label != NULL && !g_hash_table_contains (conf->labels, type))
    g_hash_table_insert (conf->labels, g_strdup (type), g_strdup (label));
  if (color != NULL && !g_hash_table_contains (conf->colors, type))
    g_hash_table_insert (conf->colors, g_strdup (type), g_strdup (color));
}

/* The words of @data, split at white space as Python's str.split() does
 * (brat splits the second field of a line so). */
static char **
split_words (const char *data)
{
  GPtrArray *words = g_ptr_array_new ();
  const char *p = data;

  for (;;)
    {
      const char *start;

      while (*p != '\0' && g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        break;
      start = p;
      while (*p != '\0' && !g_ascii_isspace (*p))
        p++;
      g_ptr_array_add (words, g_strndup (start, p - start));
    }
  g_ptr_array_add (words, NULL);

  return (char **)g_ptr_array_free (words, FALSE);
}

/* One line of an .ann: its id, the words of its second field (the one
 * that holds the type and the references; the third is free text) and
 * the type they give. */
typedef struct
{
  char *id;
  char **words;
  char *type;
} AnnLine;

static void
ann_line_free (gpointer data)
{
  AnnLine *line = data;

  g_free (line->id);
  g_strfreev (line->words);
  g_free (line->type);
  g_free (line);
}

static AnnLine *
ann_line_parse (const char *text)
{
  const char *tab = strchr (text, '\t');
  const char *end;
  g_autofree char *data = NULL;
  AnnLine *line;

  if (tab == NULL)
    return NULL;

  end = strchr (tab + 1, '\t');
  data = end ? g_strndup (tab + 1, end - tab - 1) : g_strdup (tab + 1);

  line = g_new0 (AnnLine, 1);
  line->id = g_strndup (text, tab - text);
  line->words = split_words (data);
  if (line->words[0] != NULL)
    {
      /* An event's type comes before its trigger: "Die:T3". */
      const char *colon = line->id[0] == 'E' ? strchr (line->words[0], ':') : NULL;

      line->type = colon ? g_strndup (line->words[0], colon - line->words[0])
                         : g_strdup (line->words[0]);
    }

  return line;
}

/* Splits "ROLE:ID" as brat does, at its first colon. */
static gboolean
split_argument (const char  *word,
                char       **role,
                const char **id)
{
  const char *colon = strchr (word, ':');

  if (colon == NULL || colon == word)
    return FALSE;

  *role = g_strndup (word, colon - word);
  *id = colon + 1;
  return TRUE;
}

/* An event line "E1\tTYPE:TRIGGER ROLE:ID ...": the event's type and the
 * types its roles take. */
static void
add_event (GlossBratConf *conf,
           AnnLine       *line,
           GHashTable    *types)
{
  GlossBratDecl *event = table_get (&conf->events, line->type, line->type);
  guint n_words = g_strv_length (line->words);

  if (event->args == NULL)
    event->args = g_ptr_array_new_with_free_func (decl_free);
  for (guint w = 1; w < n_words; w++)
    {
      g_autofree char *role = NULL;
      const char *id;
      gsize length;
      GlossBratDecl *arg = NULL;

      if (!split_argument (line->words[w], &role, &id))
        continue;
      /* brat counts "Theme2" as a second Theme. */
      length = strlen (role);
      while (length > 0 && g_ascii_isdigit (role[length - 1]))
        role[--length] = '\0';
      if (length == 0)
        continue;

      for (guint a = 0; a < event->args->len && arg == NULL; a++)
        {
          GlossBratDecl *known = g_ptr_array_index (event->args, a);

          if (strcmp (known->name, role) == 0)
            arg = known;
        }
      if (arg == NULL)
        {
          arg = decl_new (role);
          g_ptr_array_add (event->args, arg);
        }
      name_set_add (&arg->types[0], g_hash_table_lookup (types, id));
    }
}

/* A relation line "R1\tTYPE ROLE1:ID ROLE2:ID": its type, its two roles
 * and the types they take. */
static void
add_relation (GlossBratConf *conf,
              AnnLine       *line,
              GHashTable    *types)
{
  g_autofree char *role1 = NULL;
  g_autofree char *role2 = NULL;
  g_autofree char *key = NULL;
  const char *id1, *id2;
  GlossBratDecl *relation;

  /* brat wants two arguments of different roles. */
  if (g_strv_length (line->words) != 3 || !split_argument (line->words[1], &role1, &id1) ||
      !split_argument (line->words[2], &role2, &id2) || strcmp (role1, role2) == 0)
    return;

  key = g_strjoin ("\t", line->type, role1, role2, NULL);
  relation = table_get (&conf->relations, key, line->type);
  if (relation->roles[0] == NULL)
    {
      relation->roles[0] = g_steal_pointer (&role1);
      relation->roles[1] = g_steal_pointer (&role2);
    }
  name_set_add (&relation->types[0], g_hash_table_lookup (types, id1));
  name_set_add (&relation->types[1], g_hash_table_lookup (types, id2));
}

void
_gloss_brat_conf_declare_relation (GlossBratConf      *conf,
                                   const char         *type,
                                   const char * const *from,
                                   const char * const *to)
{
  g_autofree char *key = g_strjoin ("\t", type, "Arg1", "Arg2", NULL);
  GlossBratDecl *relation = table_get (&conf->relations, key, type);

  if (relation->roles[0] == NULL)
    {
      relation->roles[0] = g_strdup ("Arg1");
      relation->roles[1] = g_strdup ("Arg2");
    }
  for (guint i = 0; from[i] != NULL; i++)
    name_set_add (&relation->types[0], from[i]);
  for (guint i = 0; to[i] != NULL; i++)
    name_set_add (&relation->types[1], to[i]);
}

void
_gloss_brat_conf_declare_attribute (GlossBratConf      *conf,
                                    const char         *name,
                                    const char * const *types,
                                    const char * const *values)
{
  GlossBratDecl *attribute = table_get (&conf->attributes, name, name);

  for (guint i = 0; types[i] != NULL; i++)
    name_set_add (&attribute->types[0], types[i]);
  for (guint i = 0; values[i] != NULL; i++)
    name_set_add (&attribute->types[1], values[i]);
}

void
_gloss_brat_conf_add_ann (GlossBratConf *conf,
                          const char    *ann)
{
  g_auto(GStrv) texts = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (ann_line_free);
  g_autoptr(GHashTable) types = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) triggers = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_if_fail (conf != NULL);
  g_return_if_fail (ann != NULL);

  /* The type of every id first: a line may point at one defined after
   * it. */
  texts = g_strsplit (ann, "\n", -1);
  for (guint i = 0; texts[i] != NULL; i++)
    {
      AnnLine *line = ann_line_parse (texts[i]);

      if (line == NULL || line->id[0] == '\0' || line->type == NULL)
        {
          g_clear_pointer (&line, ann_line_free);
          continue;
        }
      g_ptr_array_add (lines, line);
      if (strchr ("TER", line->id[0]) != NULL)
        g_hash_table_insert (types, line->id, line->type);
      if (line->id[0] == 'E')
        {
          const char *colon = strchr (line->words[0], ':');

          if (colon != NULL)
            g_hash_table_insert (triggers, (gpointer)(colon + 1), line->type);
        }
    }

  for (guint i = 0; i < lines->len; i++)
    {
      AnnLine *line = g_ptr_array_index (lines, i);
      char **words = line->words;
      guint n_words = g_strv_length (words);

      switch (line->id[0])
        {
        case 'T':
          /* A trigger's span type is its event's. */
          if (g_hash_table_contains (triggers, line->id))
            table_get (&conf->events, line->type, line->type);
          else
            table_get (&conf->spans, line->type, line->type);
          break;

        case 'E':
          add_event (conf, line, types);
          break;

        case 'R':
          add_relation (conf, line, types);
          break;

        case '*':
          {
            GlossBratDecl *equiv = table_get (&conf->equivs, line->type, line->type);

            for (guint w = 1; w < n_words; w++)
              name_set_add (&equiv->types[0], g_hash_table_lookup (types, words[w]));
          }
          break;

        case 'A':
        case 'M':
          {
            GlossBratDecl *attribute;

            if (n_words < 2)
              break;
            attribute = table_get (&conf->attributes, line->type, line->type);
            name_set_add (&attribute->types[0], g_hash_table_lookup (types, words[1]));
            if (line->id[0] == 'A' && n_words == 3)
              name_set_add (&attribute->types[1], words[2]);
          }
          break;

        case 'N':
          {
            const char *target;
            const char *colon;
            g_autofree char *resource = NULL;

            if (n_words < 3 || (colon = strchr (words[2], ':')) == NULL || colon == words[2])
              break;
            resource = g_strndup (words[2], colon - words[2]);
            name_set_add (&conf->resources, resource);
            target = g_hash_table_lookup (types, words[1]);
            if (target != NULL)
              name_set_add (&table_get (&conf->norms, target, target)->types[0], resource);
          }
          break;

        default:
          break;
        }
    }
}

void
_gloss_brat_conf_carry (GlossBratConf *conf,
                        JsonObject    *brat)
{
  g_return_if_fail (conf != NULL);

  for (guint i = 0; brat != NULL && i < N_CONFS; i++)
    {
      JsonNode *node = json_object_get_member (brat, conf_names[i]);
      const char *text;

      if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
          json_node_get_value_type (node) != G_TYPE_STRING)
        continue;

      text = json_node_get_string (node);
      if (conf->carried[i] == NULL && !conf->mixed[i])
        conf->carried[i] = g_strdup (text);
      else if (conf->carried[i] != NULL && strcmp (conf->carried[i], text) != 0)
        conf->mixed[i] = TRUE;
    }
}

gboolean
_gloss_brat_conf_is_mixed (GlossBratConf *conf,
                           const char    *name)
{
  g_return_val_if_fail (conf != NULL, FALSE);

  for (guint i = 0; i < N_CONFS; i++)
    if (g_strcmp0 (name, conf_names[i]) == 0)
      return conf->mixed[i];

  return FALSE;
}

gboolean
_gloss_brat_conf_carries (GlossBratConf *conf,
                          const char    *name)
{
  g_return_val_if_fail (conf != NULL, FALSE);

  for (guint i = 0; i < N_CONFS; i++)
    if (g_strcmp0 (name, conf_names[i]) == 0)
      return !conf->mixed[i] && conf->carried[i] != NULL;

  return FALSE;
}
