/* gloss-import-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-format-private.h"
#include "gloss-import.h"
#include "gloss-interchange-private.h"
#include "gloss-json-reader.h"

G_BEGIN_DECLS

/* The largest input file an import reads (256 MiB), and how deep its JSON
 * may nest. */
#define GLOSS_IMPORT_MAX_SIZE  (256 * 1024 * 1024)
#define GLOSS_IMPORT_MAX_DEPTH 64

/* The annotations of one annotator on one article, gathered before they
 * are written as an annotation file. */
typedef struct
{
  GlossSource *source;
  char *annotator;
  char *annotator_name;     /* as the other tool gave it; NULL for the id */
  GPtrArray *annotations;   /* GlossAnnotation */
  GHashTable *spans;        /* the tag, start and end of each -> it, to refuse twins */
  GPtrArray *span_keys;     /* blocks of those keys */
  guint n_span_keys;
  GHashTable *ids;          /* the annotations' ids, which must differ... */
  gboolean ids_filled;      /* ...once an id is given: until then, empty */
  GHashTable *tags;         /* label -> its tag id (relation types and attributes too) */
  char *now;                /* the time given to annotations without one */
  GRand *rand;              /* for the ids of annotations without one */
  GHashTable *labels;       /* tag -> the label it was imported with */
  GHashTable *colors;       /* tag -> "#rrggbb" the other tool gave it */
  JsonObject *extra;        /* the file's extra keys; NULL when none */
  GPtrArray *relations;     /* GlossRelation, between the batch's annotations */
  GHashTable *relation_ids; /* their ids, which must differ, likewise */
  gboolean relation_ids_filled;
  GHashTable *relation_keys; /* "source\ttarget\ttype" of each */
  GStringChunk *keys;       /* the keys of relation_keys */
  GString *key;             /* the key being looked up */
  GHashTable *relation_types; /* type id -> label, for types the codebook lacks */
  GPtrArray *attribute_defs;  /* GlossAttributeDef the codebook lacks, made from the values met */
  GHashTable *first_attributes; /* an attribute and its value -> the dictionary of it alone */
  GlossCodebook *codebook;  /* of the article, read when first needed */
  gboolean codebook_read;
  GPtrArray *notes;         /* "FILE:LINE: ..." for the report: what was left out */
  const char *display;      /* the input's name for those notes (borrowed), or NULL */
  guint line;               /* of the record it comes from, for problems; 0 for none */
} GlossImportBatch;

GlossImportBatch *_gloss_import_batch_new  (GlossSource      *source,
                                            const char       *annotator);
void              _gloss_import_batch_free (GlossImportBatch *batch);
/* TRUE when the batch holds an annotation of @label on [start, end). */
gboolean          _gloss_import_batch_has  (GlossImportBatch *batch,
                                            const char       *label,
                                            guint             start,
                                            guint             end);
/* The batch's annotation of @label on [start, end), or NULL. */
GlossAnnotation  *_gloss_import_batch_find (GlossImportBatch *batch,
                                            const char       *label,
                                            guint             start,
                                            guint             end);
/* Adds an annotation of @label (made a tag id; the label is kept in
 * "x-label" when it differs) on [start, end), which the caller checked;
 * its quote and context come from the article.  @id, @created and
 * @modified may be NULL (a new UUID, now).  Returns the annotation (owned
 * by the batch), or NULL when the batch has that label on that span. */
GlossAnnotation  *_gloss_import_batch_add  (GlossImportBatch *batch,
                                            const char       *label,
                                            guint             start,
                                            guint             end,
                                            const char       *note,
                                            const char       *id,
                                            const char       *created,
                                            const char       *modified);

/* Adds a relation of type @label (made a type id; the label is kept in
 * "x-label" when it differs) from @source to @target, annotations of the
 * batch.  @id is kept when it is a UUID not taken yet (else a new one);
 * @created and @modified may be NULL.  NULL, with @error saying why in
 * words for the report, when the article's codebook has that type and it
 * does not allow those ends' tags, or the same relation is there already.
 * A type the codebook lacks is noted for the report: the relation is
 * kept, and the codebook is to list the type (gloss-cli validate says
 * so until it does). */
GlossRelation    *_gloss_import_batch_add_relation (GlossImportBatch *batch,
                                                    const char       *label,
                                                    GlossAnnotation  *source,
                                                    GlossAnnotation  *target,
                                                    const char       *note,
                                                    const char       *id,
                                                    const char       *created,
                                                    const char       *modified,
                                                    GError          **error);
/* Sets attribute @name (made an attribute id) of @annotation, an
 * annotation of the batch, to @value ("s", "b" or "d"; a floating one is
 * sunk).  FALSE, with @error saying why, when the article's codebook
 * defines that attribute and does not allow the value on the
 * annotation's tag.  An attribute the codebook lacks is kept and noted
 * for the report, with the kind its values suggest: a choice of the
 * strings met, a boolean or a number. */
gboolean          _gloss_import_batch_set_attribute (GlossImportBatch *batch,
                                                     GlossAnnotation  *annotation,
                                                     const char       *name,
                                                     GVariant         *value,
                                                     GError          **error);
/* The codebook of the batch's article, read once; NULL when it cannot
 * be read. */
GlossCodebook    *_gloss_import_batch_codebook (GlossImportBatch *batch);
/* Adds "DISPLAY:LINE: message" (or "DISPLAY: message" when @line is 0) to
 * the batch's notes, which go to the import's report with its plan. */
void              _gloss_import_batch_note (GlossImportBatch *batch,
                                            const char       *display,
                                            guint             line,
                                            const char       *format,
                                            ...) G_GNUC_PRINTF (4, 5);

/* The extra keys of @annotation, made empty when it had none, to add to. */
JsonObject       *_gloss_import_extra      (GlossAnnotation  *annotation);

/* A format's import, defined in its own file (gloss-import-brat.c, ...)
 * and named in the table of gloss-format.c: what it reads (marked with
 * N_()), the options it takes, the ends of the names of its input files
 * (space-separated: ".jsonl .json"), what a file the user gives stands
 * for (NULL: itself), and the reading of one input file, whole or not at
 * all, its problems going to @problems. */
struct _GlossImportFormatClass
{
  const char         *description;
  GlossFormatOptions  options;
  const char         *suffixes;

  GFile   *(*dup_input)    (GFile         *file);
  gboolean (*import_file)  (GlossImporter *self,
                            GFile         *input,
                            GString       *problems);
};

struct _GlossImporter
{
  const GlossFormat *format;
  char *annotator;
  GFile *output_folder;
  GFile *article;
  char *default_tag;
  GlossOffsetUnit offset_unit;
  gboolean overwrite;
  GCancellable *cancellable;

  /* W3C: batches gathered across inputs, by "article path\nannotator". */
  GHashTable *pending;
  GPtrArray *pending_order;

  guint n_articles;
  guint n_annotations;
  guint n_kept;
  GPtrArray *notes;
};

/* Appends "FILE:LINE: message" (or "FILE: message" when @line is 0) to
 * @problems, one line each. */
void         _gloss_import_problem        (GString          *problems,
                                           const char       *display,
                                           guint             line,
                                           const char       *format,
                                           ...) G_GNUC_PRINTF (4, 5);
void         _gloss_importer_note         (GlossImporter    *self,
                                           const char       *format,
                                           ...) G_GNUC_PRINTF (2, 3);

/* The annotator id to write: the one set, else @suggested made a valid
 * id, else the format's name. */
char        *_gloss_importer_annotator    (GlossImporter    *self,
                                           const char       *suggested);
/* Fails when the annotation file of @annotator on @article exists
 * (unless overwriting) or the article's codebook cannot be read: what
 * would keep the annotation file from being written. */
gboolean     _gloss_importer_check_destination (GlossImporter *self,
                                                GFile         *article,
                                                const char    *annotator,
                                                GError       **error);
/* The annotation file @batch will be, checked and ready to save, or NULL
 * with what keeps it from being written. */
GlossAnnotationFile *_gloss_importer_prepare_batch (GlossImporter     *self,
                                                    GlossImportBatch  *batch,
                                                    GError           **error);

/* What one input file writes.  An import writes nothing of an input file
 * unless all of it is sound: its records are checked first, gathering
 * here the texts to create, the annotation files to write and the notes
 * for the report; only then is it written, all of it or (when writing
 * fails) none of it. */
typedef struct _GlossImportPlan GlossImportPlan;

GlossImportPlan *_gloss_import_plan_new        (void);
void             _gloss_import_plan_free       (GlossImportPlan  *plan);
/* Frees @batches, an array that frees its GlossImportBatch elements: a
 * large one in a thread of its own. */
void             _gloss_import_batches_free    (GPtrArray        *batches);
/* Takes @batch. */
void             _gloss_import_plan_add_batch  (GlossImportPlan  *plan,
                                                GlossImportBatch *batch);
/* A sentence for the report once the plan is written, about @n_kept
 * items Gloss does not model. */
void             _gloss_import_plan_note       (GlossImportPlan  *plan,
                                                guint             n_kept,
                                                const char       *format,
                                                ...) G_GNUC_PRINTF (3, 4);
/* The text of record @index (from 1) of @input, to be created as
 * NAME-0001.txt in the output folder, as an article read from there (the
 * file is written with the plan).  A file of that name with the same text
 * is taken as it is; with another text, it is an error. */
GlossSource     *_gloss_importer_plan_text     (GlossImporter    *self,
                                                GlossImportPlan  *plan,
                                                GFile            *input,
                                                guint             index,
                                                const char       *text,
                                                gsize             length,
                                                GError          **error);
/* Checks that every annotation file of @plan may be written, then writes
 * the texts and the annotation files; on any failure nothing stays
 * written (files written before it are removed) and the problems, named
 * after @display, go to @problems.  On success the notes go to the
 * report. */
gboolean         _gloss_importer_run_plan      (GlossImporter    *self,
                                                GlossImportPlan  *plan,
                                                const char       *display,
                                                GString          *problems);

/* The article of a record read at @line of @display: when the record
 * had problems (@mine holds them), adds them to @problems and returns
 * NULL; else _gloss_importer_plan_text() of @text, whose error becomes
 * a problem too. */
GlossSource *_gloss_importer_record_text  (GlossImporter    *self,
                                           GlossImportPlan  *plan,
                                           GFile            *input,
                                           const char       *display,
                                           guint             index,
                                           guint             line,
                                           const char       *text,
                                           GString          *mine,
                                           GString          *problems);
/* Reads a whole input file: a regular file, valid UTF-8 within the size
 * limit, a byte-order mark skipped. */
gboolean     _gloss_import_read_input     (GFile            *input,
                                           GCancellable     *cancellable,
                                           char            **data,
                                           gsize            *length,
                                           gsize            *skip,
                                           GError          **error);
/* The same for JSON, without going through the file for its UTF-8: the
 * JSON reader checks every string (and allows nothing else but ASCII),
 * which on a file of 100 MB saves a fifth of a second. */
gboolean     _gloss_import_read_json_input (GFile          *input,
                                            GCancellable   *cancellable,
                                            char          **data,
                                            gsize          *length,
                                            gsize          *skip,
                                            GError        **error);
/* g_uuid_string_is_valid(), as it checks the form only, without its
 * parser: it is asked of every id an import is given. */
gboolean     _gloss_import_is_uuid        (const char       *s);
/* A time as Gloss writes it (ISO 8601, UTC, "Z") from any ISO 8601 time
 * with a zone; NULL when @iso is not one. */
char        *_gloss_import_timestamp      (const char       *iso);
/* Whether _gloss_import_timestamp() reads @iso as a time. */
gboolean     _gloss_import_is_timestamp   (const char       *iso);

/* A JSON value of an input: where it starts and its line. */
typedef struct
{
  gsize offset;
  gsize length;
  guint line;
} GlossJsonPiece;

/* Cuts @data into its top-level JSON values (JSON Lines, pretty-printed
 * objects one after the other, or one value), and with @into_array the
 * elements of a top-level array instead of the array.  Only brackets and
 * strings are looked at: each piece is then parsed on its own, so a bad
 * record spoils no other. */
GArray      *_gloss_json_split            (const char       *data,
                                           gsize             length,
                                           gboolean          into_array);

/* Called by _gloss_json_scan_members() with each member's key (not
 * NUL-terminated) and the place of its value; FALSE stops the scan. */
typedef gboolean (*GlossJsonMemberFunc) (const char     *key,
                                         gsize           key_length,
                                         GlossJsonPiece *value,
                                         gpointer        user_data);
/* Goes through the members of the object in @data (one JSON value, as
 * _gloss_json_split() cuts them) by looking at brackets and strings only,
 * which is quick; keys written with escapes are passed over.  FALSE when
 * @data is not an object, or (quickly) not a sound one; the values are
 * still to be parsed. */
gboolean     _gloss_json_scan_members     (const char          *data,
                                           gsize                length,
                                           GlossJsonMemberFunc  func,
                                           gpointer             user_data);
/* Where the value of member @name of the object in @data (one JSON
 * value, as _gloss_json_split() cuts them) is, found by looking at its
 * brackets and strings only; FALSE when @data is not an object, or
 * (quickly) not a sound one, or has no such member at its top level, or
 * writes that key with escapes.  The value is still to be parsed. */
gboolean     _gloss_json_find_member      (const char       *data,
                                           gsize             length,
                                           const char       *name,
                                           GlossJsonPiece   *value);
/* Fails with the error the reader gives a key met twice in a value read
 * whole, for a value read a token at a time. */
gboolean     _gloss_json_duplicate_key    (GlossJsonReader  *reader,
                                           const char       *key,
                                           GError          **error);
/* Members of a JSON object, or NULL when absent or of another type. */
const char  *_gloss_json_get_string       (JsonObject       *object,
                                           const char       *member);
JsonObject  *_gloss_json_get_object       (JsonObject       *object,
                                           const char       *member);
JsonArray   *_gloss_json_get_array        (JsonObject       *object,
                                           const char       *member);

/* TRUE when @file, once its symbolic links are followed, lies inside
 * @folder (once its own are): where an import may read articles. */
gboolean     _gloss_import_lies_inside    (GFile            *folder,
                                           GFile            *file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossImportPlan, _gloss_import_plan_free)

G_END_DECLS
