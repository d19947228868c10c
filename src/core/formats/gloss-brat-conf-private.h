/* gloss-brat-conf-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The configuration files of a brat export (annotation.conf, visual.conf,
 * tools.conf), made from what the export writes: see gloss-brat-conf.c. */
typedef struct _GlossBratConf GlossBratConf;

/* The names, in the "x-brat" key of an annotation file, of the
 * configuration the brat import found for the .ann. */
#define GLOSS_BRAT_ANNOTATION_CONF "annotation.conf"
#define GLOSS_BRAT_VISUAL_CONF     "visual.conf"
#define GLOSS_BRAT_TOOLS_CONF      "tools.conf"

GlossBratConf *_gloss_brat_conf_new          (void);
void           _gloss_brat_conf_free         (GlossBratConf *conf);

/* A span type (a tag of a codebook, the type of a T line Gloss writes),
 * with the label and the colour visual.conf gives it; the first label and
 * colour of a type are kept. */
void           _gloss_brat_conf_add_type     (GlossBratConf *conf,
                                              const char    *type,
                                              const char    *label,
                                              const char    *color);
/* A relation type with roles Arg1 and Arg2 between span types @from and
 * @to (NULL-terminated), as Gloss writes its relations. */
void           _gloss_brat_conf_declare_relation (GlossBratConf      *conf,
                                                  const char         *type,
                                                  const char * const *from,
                                                  const char * const *to);
/* An attribute of the span types @types with the values @values
 * (NULL-terminated; empty for a binary one). */
void           _gloss_brat_conf_declare_attribute (GlossBratConf      *conf,
                                                   const char         *name,
                                                   const char * const *types,
                                                   const char * const *values);
/* Every type the lines of @ann (an .ann as written) use. */
void           _gloss_brat_conf_add_ann      (GlossBratConf *conf,
                                              const char    *ann);
/* The configuration an annotation file carries from its brat corpus, in
 * @brat (its "x-brat" object; NULL for none). */
void           _gloss_brat_conf_carry        (GlossBratConf *conf,
                                              JsonObject    *brat);
/* TRUE when the files carried more than one version of @name
 * (GLOSS_BRAT_ANNOTATION_CONF...): then Gloss writes its own. */
gboolean       _gloss_brat_conf_is_mixed     (GlossBratConf *conf,
                                              const char    *name);
/* TRUE when files carried @name, all the same. */
gboolean       _gloss_brat_conf_carries      (GlossBratConf *conf,
                                              const char    *name);

/* The texts to write; tools.conf is NULL when there is none to write. */
char          *_gloss_brat_conf_annotation   (GlossBratConf *conf);
char          *_gloss_brat_conf_visual       (GlossBratConf *conf);
char          *_gloss_brat_conf_tools        (GlossBratConf *conf);
/* The one of these three that @name names. */
char          *_gloss_brat_conf_text         (GlossBratConf *conf,
                                              const char    *name);

/* What gloss-brat-conf.c gathers and gloss-brat-conf-write.c writes. */

typedef struct
{
  GPtrArray *items;             /* char *, in the order met */
  GHashTable *seen;
} GlossBratNames;

/* A type to declare, with what its line lists. */
typedef struct
{
  char *name;
  char *roles[2];               /* a relation's argument roles */
  /* A relation's argument types; the types an equivalence joins (0); the
   * types an attribute goes on (0) and its values (1); the resources a
   * span type is normalised against (0). */
  GlossBratNames types[2];
  /* An event's roles, each a GlossBratDecl whose types[0] are the types
   * of its arguments. */
  GPtrArray *args;
} GlossBratDecl;

typedef struct
{
  GPtrArray *list;              /* GlossBratDecl, in the order met */
  GHashTable *by_key;
} GlossBratDeclTable;

enum
{
  CONF_ANNOTATION,
  CONF_VISUAL,
  CONF_TOOLS,
  N_CONFS
};

struct _GlossBratConf
{
  GlossBratDeclTable spans;     /* every span type */
  GlossBratDeclTable events;
  GlossBratDeclTable relations; /* by "TYPE\tROLE1\tROLE2" */
  GlossBratDeclTable equivs;
  GlossBratDeclTable attributes;
  GlossBratDeclTable norms;     /* by the type of the annotation normalised */
  GlossBratNames resources;
  GHashTable *labels;           /* type -> label */
  GHashTable *colors;           /* type -> "#rrggbb" */
  char *carried[N_CONFS];
  gboolean mixed[N_CONFS];
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossBratConf, _gloss_brat_conf_free)

G_END_DECLS
