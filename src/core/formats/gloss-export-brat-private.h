/* gloss-export-brat-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the brat export's two files share: the T lines' groups and the R
 * and A lines (gloss-export-brat.c writes the .ann and the configurations; -groups.c
 * gathers its T lines, -extras.c makes its relation and attribute
 * lines). */

#pragma once

#include "gloss-brat-conf-private.h"
#include "gloss-export-private.h"

G_BEGIN_DECLS

typedef struct
{
  guint start;
  guint end;
  gint64 order;      /* the fragment's place in the T line it came from */
} Fragment;

typedef struct
{
  char *id;          /* "T3"; NULL until numbered */
  const char *label;
  GArray *fragments;
  const char *note;
  char *note_id;
  gboolean emitted;
  gboolean note_emitted;
  GlossAnnotation *first;    /* the annotation whose attributes it writes */
  guint index;               /* its place in the article */
} Group;

/* An R line, or an A line, to write. */
typedef struct
{
  char *id;                  /* "R2", "A3"; NULL until numbered */
  char *line;                /* without its id */
  const char *note;          /* a relation's, or NULL */
  char *note_id;
  gboolean emitted;
  gboolean note_emitted;
  guint from;                /* a relation's ends' places, to sort by */
  guint to;
} Extra;

typedef struct
{
  guint n_cut;        /* relations with an end left out */
  guint n_false;      /* binary attributes false */
  guint n_unwritten;  /* number and text attributes */
} ExtraCounts;

typedef struct
{
  GlossBratConf *conf;       /* of every file */
  GHashTable *dir_confs;     /* folder of .ann files ("alice/news") -> GlossBratConf */
  GlossBratConf *dir_conf;   /* that of the file being written */
  GHashTable *written;       /* relative paths written */
  GHashTable *folders;       /* annotator folders written */
} BratState;

/* The number in an id such as "T12" after @prefix, or 0. */
guint64 _gloss_brat_id_number         (const char          *id,
                                       char                 prefix);
/* The # line of @group's note. */
void    _gloss_brat_append_note_line  (GString             *out,
                                       Group               *group);

/* TRUE for the characters at which brat cuts the lines of an .ann, those
 * of Python's str.splitlines(). */
gboolean   _gloss_brat_is_line_break (gunichar        c);
void       _gloss_brat_group_free    (gpointer        data);
/* Declares @type (with @tag's label and colour, when there is a tag) in
 * the configurations being written. */
void       _gloss_brat_note_type     (BratState      *state,
                                      const char     *type,
                                      GlossTag       *tag);
/* Gathers the kept annotations of @file into T groups; the number of
 * orphans left out goes to @n_orphans, that of annotations of line breaks
 * alone to @n_blank. */
GPtrArray *_gloss_brat_make_groups   (GlossExporter       *self,
                                      GlossSource         *source,
                                      GlossAnnotationFile *file,
                                      GHashTable          *by_annotation,
                                      guint               *n_orphans,
                                      guint               *n_blank);

void    _gloss_brat_extra_free        (gpointer             data);
/* An attribute value as a word of an A line and of annotation.conf's
 * value lists: white space, ',', '|', '<', '>' and '%' become %XX
 * (gloss-import-brat.c undoes it). */
void    _gloss_brat_append_value      (GString             *out,
                                       const char          *value);
/* The R lines of @file's relations between the written groups, and the
 * A lines of the groups' attributes. */
void    _gloss_brat_make_extras       (GlossAnnotationFile *file,
                                       GPtrArray           *groups,
                                       GHashTable          *by_annotation,
                                       GPtrArray           *relations,
                                       GPtrArray           *attributes,
                                       ExtraCounts         *counts);
/* Gives ids to the lines of @list that have none (after @next, which
 * grows), and a second one that one had already the next; fills @by_id. */
void    _gloss_brat_number_extras     (GPtrArray           *list,
                                       char                 prefix,
                                       guint64             *next,
                                       guint64             *next_note,
                                       GHashTable          *by_id);
void    _gloss_brat_append_extra_line (GString             *out,
                                       Extra               *e);
void    _gloss_brat_append_extra_note (GString             *out,
                                       Extra               *e);

G_END_DECLS
