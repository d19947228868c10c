/* gloss-import-brat-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the brat import's files share: the reader of one .ann and the
 * T lines it models (gloss-import-brat.c reads the file and its T and #
 * lines; -relations.c its R and A lines and the notes on relations;
 * -lines.c cuts the lines). */

#pragma once

#include "gloss-import-private.h"

G_BEGIN_DECLS

typedef struct
{
  guint start;
  guint end;
} Span;

/* A T line that Gloss models, on its way to annotations.  Its strings
 * live in the reader's chunk, and its annotations (one per piece, in the
 * line's order) are those of the reader's list from @first on. */
typedef struct
{
  const char *id;
  const char *type;
  guint line;
  guint first;
  guint n_annotations;
  gboolean has_note;
} Entity;

/* A type of span met, with the index of its last entity. */
typedef struct
{
  const char *name;         /* in the reader's chunk */
  guint last;
} SpanType;

typedef struct
{
  GlossImporter *self;
  GlossSource *source;
  GlossImportBatch *batch;
  const char *display;
  GString *problems;
  GHashTable *entities;     /* id -> Entity, the T lines Gloss models... */
  Entity **numbered;        /* ...but "TN" -> Entity for N below n_numbered */
  guint n_numbered;
  Entity *entity_store;     /* those Entities, room for as many as T lines */
  guint n_entities;
  guint n_entities_max;
  GPtrArray *annotations;   /* the entities' annotations, borrowed from the batch */
  GStringChunk *strings;    /* the entities' ids and types */
  GHashTable *types;        /* each type met -> its SpanType */
  GString *scratch;         /* the copy of the line being cut */
  GHashTable *values;       /* an A line's value -> its GVariant */
  GVariant *true_value;     /* that of an A line without one */
  GArray *spans;            /* the Spans of the T line being read */
  JsonArray *order;
  JsonArray *kept;
  GHashTable *kept_kinds;   /* "R" -> count */
  GArray *filled;           /* numbers of the T lines without text */
  GArray *respaced;         /* and of those whose text differs in white space */
  GHashTable *relation_notes; /* R id -> its AnnotatorNotes line */
  GHashTable *modelled_notes; /* those lines, once their relation is read -> their id */
} Reader;

/* A line cut as g_strsplit (LINE, "\t", 3) cuts it and, when asked, its
 * second field as g_strsplit (FIELD, " ", -1): pointers into the
 * reader's copy of the line, good until the next line is cut, rather
 * than a vector and a string for each piece.  The fields past the last
 * are NULL; past the third word, the words are only counted. */
typedef struct
{
  char *fields[3];
  guint n_fields;
  char *words[3];
  guint n_words;
} BratLine;

/* gloss-import-brat-lines.c */
/* A string node of @text: an id that the order of the lines and an
 * annotation or relation share rather than copy. */
JsonNode *_gloss_brat_string_node     (const char    *text);
void     _gloss_brat_cut_line         (Reader        *r,
                                       const char    *line,
                                       gboolean       words,
                                       BratLine      *out);
/* The lines of @data, cut where they end (no CR at their end): a vector
 * of pointers into it, @n_lines of them.  The last line's line break
 * makes no empty line after it. */
char   **_gloss_brat_cut_lines        (char          *data,
                                       guint         *n_lines);
/* Parses "START END[;START END]..." into @spans; FALSE when it is not
 * that. */
gboolean _gloss_brat_parse_spans      (const char    *text,
                                       GArray        *spans);

/* The entity of brat id @id, or NULL. */
Entity   *_gloss_brat_find_entity  (Reader     *r,
                                    const char *id);

/* An R line into a relation, an A (or M) line into an attribute: the
 * line's id as a string node, for the order of the lines, which the
 * relation or the annotations share; NULL when the line goes to the kept
 * lines instead, with a note when the codebook does not allow it or it
 * points at a span Gloss did not import. */
JsonNode *_gloss_brat_read_r_line (Reader     *r,
                                   const char *line,
                                   guint       number);
JsonNode *_gloss_brat_read_a_line (Reader     *r,
                                   const char *line,
                                   guint       number);
/* The id of @line, shared with its relation, when it is the note of a
 * relation read into the layer; NULL when it is not. */
JsonNode *_gloss_brat_relation_note_id (Reader     *r,
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
