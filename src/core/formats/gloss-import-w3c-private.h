/* gloss-import-w3c-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-import-private.h"
#include "gloss-json-reader.h"

#include <string.h>

G_BEGIN_DECLS

#define GLOSS_W3C_ANNO_CONTEXT "http://www.w3.org/ns/anno.jsonld"

/* The W3C import reads each annotation into a compact tree of its own
 * (gloss-import-w3c-tree.c): its nodes in one array and its strings in one
 * buffer, both used as a stack, so that the space of an annotation read
 * is taken again by the next.  json-glib would build a hash table for
 * every object: on a file of 100,000 annotations, more time than all the
 * rest of the import. */

typedef enum
{
  GLOSS_W3C_NONE,           /* no value: a member that is not there */
  GLOSS_W3C_NULL,
  GLOSS_W3C_BOOLEAN,
  GLOSS_W3C_INTEGER,        /* a number that is a whole gint64 */
  GLOSS_W3C_NUMBER,         /* any other number */
  GLOSS_W3C_STRING,
  GLOSS_W3C_ARRAY,
  GLOSS_W3C_OBJECT,
} GlossW3cKind;

typedef struct _GlossW3cNode GlossW3cNode;

typedef struct
{
  GlossW3cNode *nodes;      /* node 0 stands for none */
  guint n_nodes;
  guint nodes_allocated;
  char *strings;            /* each ends with NUL */
  gsize strings_length;
  gsize strings_allocated;
} GlossW3cTree;

/* A value of a tree: the index of its node, 0 for none.  Every function
 * taking one accepts 0. */
typedef guint GlossW3cValue;

/* How big a tree was, to give back what was read since. */
typedef struct
{
  guint nodes;
  gsize strings;
} GlossW3cMark;

void           _gloss_w3c_tree_init     (GlossW3cTree     *tree);
void           _gloss_w3c_tree_clear    (GlossW3cTree     *tree);
GlossW3cMark   _gloss_w3c_tree_mark     (GlossW3cTree     *tree);
/* Drops every value read since @mark. */
void           _gloss_w3c_tree_release  (GlossW3cTree     *tree,
                                         GlossW3cMark      mark);

/* Copies @value, and all that was read into @from since @mark, which
 * must be @value and what it holds, to @to: its place there. */
GlossW3cValue  _gloss_w3c_tree_copy     (GlossW3cTree     *to,
                                         GlossW3cTree     *from,
                                         GlossW3cMark      mark,
                                         GlossW3cValue     value);

/* Reads the value whose first token is the reader's current one (its
 * last is current after); 0 with @error set on malformed JSON or a key
 * given twice in an object. */
GlossW3cValue  _gloss_w3c_tree_read     (GlossW3cTree     *tree,
                                         GlossJsonReader  *reader,
                                         GError          **error);
/* An empty object, to which members are added one by one. */
GlossW3cValue  _gloss_w3c_tree_new_object (GlossW3cTree   *tree);
/* Reads the value after the reader's current token (a key) as the member
 * @name (@length bytes, whose first eight are @word) of @object, which
 * must not have it already (the caller checks); @name may be the reader's
 * own string, copied before the reader moves. */
GlossW3cValue  _gloss_w3c_tree_add_member (GlossW3cTree   *tree,
                                           GlossW3cValue   object,
                                           const char     *name,
                                           gsize           length,
                                           guint64         word,
                                           GlossJsonReader *reader,
                                           GError        **error);
/* Adds a null member @name, for one read otherwise. */
void           _gloss_w3c_tree_add_null (GlossW3cTree     *tree,
                                         GlossW3cValue     object,
                                         const char       *name);

GlossW3cKind   _gloss_w3c_kind          (GlossW3cTree     *tree,
                                         GlossW3cValue     value);
/* The name of @value, a member of an object; NULL for any other value. */
const char    *_gloss_w3c_name          (GlossW3cTree     *tree,
                                         GlossW3cValue     value);
/* The first eight bytes of a member name of @length bytes, NUL-padded:
 * names are compared by these first. */
static inline guint64
_gloss_w3c_word (const char *name,
                 gsize       length)
{
  guint64 word = 0;

  memcpy (&word, name, MIN (length, sizeof word));
  return word;
}

/* Whether @key, of @length bytes whose first eight are @word, is @name:
 * for a name written in the code, a comparison or two of integers. */
static inline gboolean
_gloss_w3c_name_is (const char *key,
                    gsize       length,
                    guint64     word,
                    const char *name)
{
  gsize name_length = strlen (name);

  return length == name_length && word == _gloss_w3c_word (name, name_length) &&
         (length <= sizeof word || memcmp (key + sizeof word, name + sizeof word, length - sizeof word) == 0);
}

/* The member of @object named @name, of @length bytes, whose first eight
 * are @word; 0 when @object is not an object or has none. */
GlossW3cValue  _gloss_w3c_member_word   (GlossW3cTree     *tree,
                                         GlossW3cValue     object,
                                         guint64           word,
                                         const char       *name,
                                         gsize             length);

/* The member @name of @object, or 0 when @object is not an object or has
 * none.  Inline, so that a name written in the code is measured, and its
 * first eight bytes taken, as the program is compiled. */
static inline GlossW3cValue
_gloss_w3c_member (GlossW3cTree  *tree,
                   GlossW3cValue  object,
                   const char    *name)
{
  gsize length = strlen (name);

  return _gloss_w3c_member_word (tree, object, _gloss_w3c_word (name, length), name, length);
}
/* The members of an annotation (or of a page or collection) that the
 * import reads, each 0 when it has none. */
typedef struct
{
  GlossW3cValue id;
  GlossW3cValue context;    /* "@context" */
  GlossW3cValue type;
  GlossW3cValue motivation;
  GlossW3cValue body;
  GlossW3cValue body_value; /* "bodyValue" */
  GlossW3cValue target;
  GlossW3cValue creator;
  GlossW3cValue created;
  GlossW3cValue modified;
  GlossW3cValue generated;
  GlossW3cValue generator;
  GlossW3cValue rights;
  GlossW3cValue via;
  GlossW3cValue canonical;
} GlossW3cMembers;

/* Finds the members of @object above in one look at each of its members,
 * rather than one look for each. */
void           _gloss_w3c_find_members  (GlossW3cTree     *tree,
                                         GlossW3cValue     object,
                                         GlossW3cMembers  *members);
/* The elements of an array, or members of an object, in order: the first
 * and each next; 0 after the last. */
GlossW3cValue  _gloss_w3c_first         (GlossW3cTree     *tree,
                                         GlossW3cValue     value);
GlossW3cValue  _gloss_w3c_next          (GlossW3cTree     *tree,
                                         GlossW3cValue     value);
guint          _gloss_w3c_length        (GlossW3cTree     *tree,
                                         GlossW3cValue     value);
/* The string @value holds, or NULL when it is not a string. */
const char    *_gloss_w3c_string        (GlossW3cTree     *tree,
                                         GlossW3cValue     value);
/* The string member @name of @object, or NULL. */
const char    *_gloss_w3c_get_string    (GlossW3cTree     *tree,
                                         GlossW3cValue     object,
                                         const char       *name);
/* FALSE when @value is not a whole number from 0 to G_MAXUINT. */
gboolean       _gloss_w3c_get_uint      (GlossW3cTree     *tree,
                                         GlossW3cValue     value,
                                         guint            *number);
/* @value as json-glib builds it, for what is kept in annotation files. */
JsonNode      *_gloss_w3c_to_json       (GlossW3cTree     *tree,
                                         GlossW3cValue     value);

/* The checks of the model's MUSTs (gloss-import-w3c-check.c). */
gboolean       _gloss_w3c_is_iri        (const char       *s);
/* TRUE when @value is @string, or an array holding it. */
gboolean       _gloss_w3c_has_string    (GlossW3cTree     *tree,
                                         GlossW3cValue     value,
                                         const char       *string);
/* The single string of @value: a string, or an array of exactly one. */
const char    *_gloss_w3c_single_string (GlossW3cTree     *tree,
                                         GlossW3cValue     value);
/* Why @annotation breaks a MUST of the model, reasons separated by "; ",
 * or "" when it breaks none; @has_context tells whether an enclosing
 * object gave the anno.jsonld context.  An id that is missing or a string
 * other than an IRI is let through: the caller counts those. */
char          *_gloss_w3c_check_annotation (GlossW3cTree           *tree,
                                            const GlossW3cMembers  *annotation,
                                            gboolean                has_context);

/* What is read of a file, in the order read (gloss-import-w3c-pipe.c):
 * an object read whole, @value in @tree (both good until the function
 * returns), with @has_context telling whether an enclosing object gave
 * the anno.jsonld context and @depth how deep it was; or, with @value 0
 * and @tree NULL, an item of a list at @line that is not an object. */
typedef void (*GlossW3cTakeFunc) (gpointer       user_data,
                                  GlossW3cTree  *tree,
                                  GlossW3cValue  value,
                                  gboolean       has_context,
                                  guint          depth,
                                  guint          line);

/* Reads the JSON of @data, @length bytes, in a thread of its own, and
 * hands each annotation (or other object read whole) to @take on the
 * calling thread as it goes; FALSE with @error set when the file is not
 * JSON throughout, after @take was given what came before. */
gboolean       _gloss_w3c_pipe_read     (const char       *data,
                                         gsize             length,
                                         GlossW3cTakeFunc  take,
                                         gpointer          user_data,
                                         GError          **error);

/* One input file being read (gloss-import-w3c.c). */
typedef struct
{
  GlossImporter *self;
  GFile *input;
  const char *display;
  const char *data;
  GString *problems;
  GlossW3cTree *tree;       /* the values being taken */
  guint index;              /* of the next item taken */
  GHashTable *annotators;   /* creator's nickname or name ("" for none) -> annotator id */
  GHashTable *sources;      /* path -> GlossSource */
  GHashTable *by_iri;       /* target source as written -> GlossSource in @sources */
  GPtrArray *items;
  GPtrArray *links;         /* the linking annotations, made relations last */
  GStringChunk *strings;    /* the strings of the items and links, freed with the reader */
  GHashTable *times;        /* a time as written -> as Gloss writes it (NULL for none), in @strings */
  guint n_without_text;
  guint n_fragments;
  guint n_ambiguous;
  guint n_plain_ids;
  const char *counted_to;   /* where _gloss_w3c_line_of() last found an id */
  guint counted_line;       /* the line there */
} GlossW3cReader;

/* An annotation ready to go into a batch once the whole file is sound. */
typedef struct
{
  GlossSource *source;
  const char *annotator;    /* the same pointer for the same annotator */
  const char *annotator_name;
  const char *tag;
  guint start;
  guint end;
  const char *note;
  const char *id;
  const char *w3c_id;
  const char *created;
  const char *modified;
  JsonArray *bodies;
  GArray *attributes;       /* the classifying bodies, GlossW3cClassifying each, their
                             * values in the reader's strings */
  const char *iri;          /* the id linking annotations name it by */
} Item;

/* A linking annotation, made a relation once the file's annotations are
 * in their batches. */
typedef struct
{
  const char *name;         /* its id, or "#N" */
  const char *type;
  const char *note;
  const char *id;
  const char *created;
  const char *modified;
  const char *from;
  const char *to;
} Link;

/* Sets the attributes of @item's classifying bodies on @a, an annotation
 * of @batch; those the codebook refuses join @item's other bodies, with
 * a note (gloss-import-w3c-relations.c). */
void  _gloss_w3c_set_attributes    (GlossW3cReader   *r,
                                    GlossImportBatch *batch,
                                    Item             *item,
                                    GlossAnnotation  *a);
/* Makes the file's linking annotations relations between the annotations
 * of @annotations (IRI -> the GlossAnnotation, in @batches' batch). */
void  _gloss_w3c_link_annotations  (GlossW3cReader   *r,
                                    GHashTable       *annotations,
                                    GHashTable       *batches);

/* Where an annotation goes (gloss-import-w3c-anchor.c). */
/* The line where @id next appears in the file, or 0. */
guint          _gloss_w3c_line_of       (GlossW3cReader   *r,
                                         const char       *id);
/* The text selectors under @value: @position and @quote (the first of
 * each); @refined tells whether one refines a selector Gloss cannot
 * follow. */
void           _gloss_w3c_find_text_selectors (GlossW3cTree  *tree,
                                               GlossW3cValue  value,
                                               GlossW3cValue *position,
                                               GlossW3cValue *quote,
                                               gboolean      *refined,
                                               gboolean       under_other,
                                               guint          depth);
/* The article a target's source names, read once per file; NULL, with
 * the reason, when it may not or cannot be read. */
GlossSource   *_gloss_w3c_source_for    (GlossW3cReader   *r,
                                         const char       *iri,
                                         const char       *name,
                                         GError          **error);
/* Where the quote is in @source, in *@start and *@end: at @position when
 * given (checked), else the occurrence whose context best matches prefix
 * and suffix; FALSE after adding the problem. */
gboolean       _gloss_w3c_anchor        (GlossW3cReader   *r,
                                         GlossSource      *source,
                                         GlossW3cValue     position,
                                         GlossW3cValue     quote,
                                         const char       *name,
                                         const char       *id,
                                         guint            *start,
                                         guint            *end);

/* A classifying body of an annotation: its value, and the body as
 * written when it is more than {"type": "TextualBody", "purpose":
 * "classifying", "value": …}, else NULL.  One annotation in three has
 * one: a body made a json-glib object for each took a tenth of reading
 * them. */
typedef struct
{
  const char *value;
  JsonNode *body;
} GlossW3cClassifying;

/* The body of @classifying, as written. */
JsonNode *_gloss_w3c_classifying_body (const GlossW3cClassifying *classifying);

/* What the bodies of an annotation say (gloss-import-w3c-bodies.c), each
 * list NULL until something goes into it; the tags and the classifying
 * bodies' values are the tree's strings, or the caller's. */
typedef struct
{
  GPtrArray *tags;
  GString *note;
  GArray *attributes;       /* the classifying bodies, GlossW3cClassifying each */
  JsonArray *others;
} GlossW3cBodies;

void  _gloss_w3c_read_bodies       (GlossW3cTree           *tree,
                                    const GlossW3cMembers  *annotation,
                                    GlossW3cBodies         *bodies);
void  _gloss_w3c_bodies_add_tag    (GlossW3cBodies   *bodies,
                                    const char       *tag);
void  _gloss_w3c_bodies_clear      (GlossW3cBodies   *bodies);

G_END_DECLS
