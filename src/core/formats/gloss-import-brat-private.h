/* gloss-import-brat-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the brat import's two files share: the reader of one .ann and the
 * T lines it models (gloss-import-brat.c reads the file and its T and #
 * lines; -relations.c its R and A lines and the notes on relations). */

#pragma once

#include "gloss-import-private.h"

G_BEGIN_DECLS

typedef struct
{
  guint start;
  guint end;
} Span;

/* A T line that Gloss models, on its way to annotations. */
typedef struct
{
  char *id;
  char *type;
  guint line;
  GArray *spans;
  GPtrArray *annotations;   /* borrowed from the batch */
  gboolean has_note;
} Entity;

typedef struct
{
  GlossImporter *self;
  GlossSource *source;
  GlossImportBatch *batch;
  const char *display;
  GString *problems;
  GHashTable *entities;     /* id -> Entity, the T lines Gloss models */
  GPtrArray *entity_list;
  JsonArray *order;
  JsonArray *kept;
  GHashTable *kept_kinds;   /* "R" -> count */
  GArray *filled;           /* numbers of the T lines without text */
  GArray *respaced;         /* and of those whose text differs in white space */
  GHashTable *relation_notes; /* R id -> its AnnotatorNotes line */
  GHashTable *modelled_notes; /* those lines, once their relation is read */
} Reader;

/* An R line into a relation, an A (or M) line into an attribute: FALSE
 * when the line goes to the kept lines instead, with a note when the
 * codebook does not allow it or it points at a span Gloss did not
 * import. */
gboolean _gloss_brat_read_r_line (Reader     *r,
                                  const char *line,
                                  guint       number);
gboolean _gloss_brat_read_a_line (Reader     *r,
                                  const char *line,
                                  guint       number);
/* Whether @line is the note of a relation read into the layer. */
gboolean _gloss_brat_is_modelled_relation_note (Reader     *r,
                                                const char *line);

/* gloss-import-brat-conf.c */
/* The text of the nearest @name in the folder of @ann or in its parents,
 * where brat looks for its configuration; NULL in @contents when there is
 * none, or when it is a link to a file outside its folder (then named in
 * @outside), or when it is not UTF-8.  FALSE when one is there but cannot
 * be read (not a regular file, too large). */
gboolean _gloss_brat_find_conf        (GFile         *ann,
                                       const char    *name,
                                       GCancellable  *cancellable,
                                       char         **contents,
                                       char         **outside,
                                       GError       **error);
/* Reads the colours ([drawing] TYPE bgColor:#rrggbb) and labels ([labels]
 * TYPE | LABEL) of the types in @contents, a visual.conf. */
void     _gloss_brat_read_visual_conf (const char    *contents,
                                       GHashTable    *colors,
                                       GHashTable    *labels);

G_END_DECLS
