/* format-test-util.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "file-test-util.h"
#include "gloss-annotation-file.h"
#include "gloss-export.h"
#include "gloss-import.h"

G_BEGIN_DECLS

/* What the export and import tests share: a fresh folder per test, files
 * in it, annotations made as a user would, exports and imports run to the
 * end, and the programs the files are read back with. */

typedef struct
{
  char *dir;
} Fixture;

void   fixture_set_up    (Fixture       *f,
                          gconstpointer  data);
void   fixture_tear_down (Fixture       *f,
                          gconstpointer  data);

/* Writes @data as @name (which may hold folders) in @f's folder; returns
 * its path. */
char  *fixture_write     (Fixture       *f,
                          const char    *name,
                          const char    *data);
void   copy_file         (const char    *from,
                          const char    *to);

/* The folder @sub of GLOSS_TESTDATA, or NULL when it is not there. */
char  *testdata_path     (const char    *sub);

/* The code-point offset of @needle in @text. */
guint  offset_of         (const char    *text,
                          const char    *needle);
/* Annotates the first @needle of the article at @path in @annotator's file
 * (created if needed) and saves it. */
void   annotate_text     (const char    *path,
                          const char    *annotator,
                          const char    *tag,
                          const char    *needle,
                          const char    *note);

/* Runs /usr/bin/python3 with @script (in the tests' source folder) and the
 * arguments up to NULL; returns its exit status.  Python or jsonschema
 * missing (status 77) skips the test. */
/* Writes @annotator's annotation file on the article @path, whose text
 * holds "Acme", "profits doubled", "Zenith" and "it cut costs": those
 * four annotated (company, claim, company, claim), the claims with a
 * verdict (false, misleading), said-by from each claim to its company
 * (the second with the note "on the radio") and about from the second
 * claim to Acme. */
void   relate_text       (const char    *path,
                          const char    *annotator);
/* "QUOTE {'verdict': <'false'>}|" for each annotation with attributes,
 * then "TYPE SOURCE-QUOTE -> TARGET-QUOTE (NOTE)|" for each relation,
 * sorted. */
char  *describe_relations (GlossAnnotationFile *file);

int    run_python        (const char    *script,
                          ...) G_GNUC_NULL_TERMINATED;
/* Runs $GLOSS_CLI with the arguments up to NULL in @f's folder, with
 * pipes for stdout and stderr (so never a terminal); returns its exit
 * status.  What *@out and *@err held is freed first. */
int    run_cli           (Fixture       *f,
                          char         **out,
                          char         **err,
                          ...) G_GNUC_NULL_TERMINATED;

/* setlocale() and g_test_init(): what every format test starts with. */
void   format_test_init  (int           *argc,
                          char        ***argv);

/* The start of a Label Studio export: a task of one annotation, whose
 * results begin with a company (r1) and a claim (r2); a test adds more
 * results and closes the brackets with "]}]}]". */
#define LABELSTUDIO_TWO_REGIONS \
    "[{\"data\": {\"text\": \"Acme said profits doubled.\"},\n" \
    " \"annotations\": [{\"result\": [\n" \
    "   {\"id\": \"r1\", \"from_name\": \"label\", \"to_name\": \"text\", \"type\": \"labels\",\n" \
    "    \"value\": {\"start\": 0, \"end\": 4, \"text\": \"Acme\", \"labels\": [\"company\"]}},\n" \
    "   {\"id\": \"r2\", \"from_name\": \"label\", \"to_name\": \"text\", \"type\": \"labels\",\n" \
    "    \"value\": {\"start\": 10, \"end\": 25, \"text\": \"profits doubled\", \"labels\": [\"claim\"]}},\n"

/* Adds the test @func at @path, with a fresh Fixture. */
#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

typedef void (*ExportSetup) (GlossExporter *exporter);

/* Imports one file and finishes; returns whether it went through, with
 * the error in @message when it is not NULL (else an error fails the
 * test). */
gboolean             import_one             (GlossImporter        *importer,
                                             const char           *path,
                                             char                **message);
/* The annotation file at @path, which must have no problems. */
GlossAnnotationFile *open_file              (const char           *path);
/* "tag start end quote|" for each annotation of @file, in layer order;
 * when @anchored, each must be anchored. */
char                *describe_annotations   (GlossAnnotationFile  *file,
                                             gboolean              anchored);
/* The notes of @importer's report, one a line. */
char                *notes_of               (GlossImporter        *importer);
/* The warnings of @exporter, one a line. */
char                *warnings_of            (GlossExporter        *exporter);

/* Adds the articles of @args (paths up to NULL) to @exporter, opened,
 * and finishes it; an error fails the test. */
void                 export_articles_valist (GlossExporter        *exporter,
                                             va_list               args);
/* Opens @exporter on @destination (a folder when @folder), adds the
 * article at @article_path as @name (its base name when NULL) and
 * finishes; an error fails the test. */
void                 export_one_article     (GlossExporter        *exporter,
                                             const char           *destination,
                                             gboolean              folder,
                                             const char           *article_path,
                                             const char           *name);
/* Exports the article at @article_path in @format (one that writes a
 * folder) into @folder; an error fails the test. */
void                 export_to_folder       (const GlossFormat    *format,
                                             const char           *folder,
                                             const char           *article_path);
/* Exports the articles (paths up to NULL) in @format to a string, after
 * @setup (may be NULL) has set the exporter; the warnings go to
 * @warnings, one a line, when it is not NULL. */
char                *export_to_string       (const GlossFormat    *format,
                                             ExportSetup           setup,
                                             char                **warnings,
                                             ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
