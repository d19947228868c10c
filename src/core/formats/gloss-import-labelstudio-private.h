/* gloss-import-labelstudio-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-import-private.h"
#include "gloss-text-index.h"

G_BEGIN_DECLS

/* Shared by the three files of the Label Studio import only:
 * gloss-import-labelstudio.c (what a task gives: its annotation files),
 * -task.c (a task read a value at a time) and -result.c (one result read
 * token by token). */

/* A region of an annotation: its span and labels. */
typedef struct
{
  guint start;             /* code points */
  guint end;
  char *id;
  char **labels;
  char *note;
} GlossLabelstudioRegion;

/* A result that is not a region, held until every region of its
 * annotation is known.  An object is held as its text in the task and
 * read again when it is taken, so that the relations and choices of a
 * large task build no tree on the way; a tree is made only for what is
 * kept in the annotation file.  Anything else is held as its node. */
typedef struct
{
  const char *text;        /* in the task, which outlives the entry */
  gsize length;
  JsonNode *node;          /* when the result is not an object */
} GlossLabelstudioHeld;

/* One annotation or prediction of a task. */
typedef struct
{
  gboolean prediction;
  guint index;             /* among the task's annotations, or its predictions */
  gboolean has_result;
  JsonObject *info;        /* its members but the results */
  GArray *regions;         /* GlossLabelstudioRegion */
  GHashTable *by_id;       /* region id -> its index + 1, for the notes */
  GArray *textareas;       /* GlossLabelstudioHeld, as text: per-region text areas, matched at the end */
  GArray *kept;            /* GlossLabelstudioHeld: the results Gloss does not model (yet) */
} GlossLabelstudioEntry;

/* One input file. */
typedef struct
{
  GlossImporter *self;
  GlossImportPlan *plan;
  GFile *input;
  const char *display;
  GString *problems;
  guint n_other_unit;      /* regions placed by the unit not asked for */
  guint n_imported;        /* tasks that give annotation files */
} GlossLabelstudioRun;

/* One task. */
typedef struct
{
  GlossLabelstudioRun *run;
  guint line;
  GString *mine;           /* its problems */
  const char *text;        /* to compare value.text with */
  GlossTextIndex *index;
  guint length;            /* in code points */
  GlossUtf16Map *map;
} GlossLabelstudioTask;

/* A result of an annotation, read token by token.  What a region needs
 * is taken as it comes, its strings into @scratch; anything else is kept
 * as nodes.  A JsonNode of the whole is made only for a result that is
 * not a region (a text area, choices, ...): a task of 100,000 regions
 * builds no tree for them, which would cost more than all the rest of
 * the import. */
typedef enum
{
  PART_STRING,
  PART_INT,
  PART_NODE,
  PART_LABELS,
  PART_VALUE,
} GlossLabelstudioPartKind;

typedef struct
{
  GlossLabelstudioPartKind kind;
  gsize key;               /* in the scratch */
  gsize string;            /* PART_STRING: in the scratch */
  gint64 number;           /* PART_INT */
  JsonNode *node;          /* PART_NODE */
} GlossLabelstudioPart;

typedef struct
{
  GString *scratch;        /* keys and strings, each ending in NUL */
  GArray *parts;           /* GlossLabelstudioPart: the result's members */
  GArray *value_parts;     /* GlossLabelstudioPart: those of its value */
  GArray *labels;          /* gsize: the value's labels, in the scratch */
} GlossLabelstudioResult;

static inline const char *
_gloss_labelstudio_result_string (GlossLabelstudioResult *result,
                                  gsize                   at)
{
  return result->scratch->str + at;
}

/* gloss-import-labelstudio-result.c */
void                  _gloss_labelstudio_result_init    (GlossLabelstudioResult  *result);
void                  _gloss_labelstudio_result_clear   (GlossLabelstudioResult  *result);
/* Reads a result, its "{" current. */
gboolean              _gloss_labelstudio_read_result    (GlossLabelstudioResult  *result,
                                                         GlossJsonReader         *reader,
                                                         GError                 **error);
/* Reads again the result @held holds as its text; FALSE when it is not
 * an object. */
gboolean              _gloss_labelstudio_reread         (GlossLabelstudioResult  *result,
                                                         const GlossLabelstudioHeld *held);
/* The result @held holds, as json-glib would have read it. */
JsonNode             *_gloss_labelstudio_held_node      (const GlossLabelstudioHeld *held);
/* Frees what @held owns. */
void                  _gloss_labelstudio_held_clear     (gpointer                 held);
/* The member @key of @parts (the result's, or its value's), or NULL. */
GlossLabelstudioPart *_gloss_labelstudio_find_part      (GlossLabelstudioResult  *result,
                                                         GArray                  *parts,
                                                         const char              *key);
/* The member @key of @parts when it is a string, else NULL. */
const char           *_gloss_labelstudio_string_part    (GlossLabelstudioResult  *result,
                                                         GArray                  *parts,
                                                         const char              *key);
/* The member @key of @parts when it is an array, else NULL. */
JsonArray            *_gloss_labelstudio_array_part     (GlossLabelstudioResult  *result,
                                                         GArray                  *parts,
                                                         const char              *key);
/* The node of the member @key of @parts when it is neither a string, an
 * object nor a list of labels, else NULL. */
JsonNode             *_gloss_labelstudio_node_part      (GlossLabelstudioResult  *result,
                                                         GArray                  *parts,
                                                         const char              *key);
/* TRUE when the result has a "value" that is an object (its members are
 * then the value parts). */
gboolean              _gloss_labelstudio_has_value      (GlossLabelstudioResult  *result);
/* FALSE unless the member @key of @parts is a number that fits a guint. */
gboolean              _gloss_labelstudio_uint_part      (GlossLabelstudioResult  *result,
                                                         GArray                  *parts,
                                                         const char              *key,
                                                         guint                   *value);

/* gloss-import-labelstudio-task.c */
void                  _gloss_labelstudio_entry_free     (gpointer                 data);
/* Reads a task, its "{" current: its annotations and predictions go to
 * @entries (GlossLabelstudioEntry), its other members to @rest. */
gboolean              _gloss_labelstudio_read_task      (GlossLabelstudioTask    *t,
                                                         GlossJsonReader         *reader,
                                                         GPtrArray               *entries,
                                                         JsonObject              *rest,
                                                         GError                 **error);
/* Finds the "data" of a task (gloss-import-labelstudio-task.c says how). */
gboolean              _gloss_labelstudio_find_data      (const char              *text,
                                                         gsize                    length,
                                                         gboolean                *is_object,
                                                         JsonNode               **data,
                                                         GError                 **error);
/* The text of a task's data. */
const char           *_gloss_labelstudio_text_of        (JsonObject              *data);

G_END_DECLS
