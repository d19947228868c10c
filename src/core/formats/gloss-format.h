/* gloss-format.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The formats of other tools that annotations are exported to and
 * imported from, each one entry of one table (gloss-format.c): what it is
 * called, what it writes and reads, which options it takes.  Every list a
 * user sees (gloss-cli's help, the dialogs' choices) is built from it. */
typedef struct _GlossFormat GlossFormat;

/* Which way annotations go: out of Gloss, or into it. */
typedef enum
{
  GLOSS_FORMAT_EXPORT,
  GLOSS_FORMAT_IMPORT,
} GlossFormatDirection;

#define GLOSS_TYPE_FORMAT_DIRECTION (gloss_format_direction_get_type ())
GType gloss_format_direction_get_type (void) G_GNUC_CONST;

/* What a format takes beyond what every format does, one way. */
typedef enum
{
  GLOSS_FORMAT_OFFSET_UNIT      = 1 << 0,  /* offsets in UTF-16 code units or code points */
  GLOSS_FORMAT_IOB_SCHEME       = 1 << 1,  /* IOB1 or IOB2 tags */
  GLOSS_FORMAT_SPREADSHEET_SAFE = 1 << 2,  /* cells a spreadsheet would run, quoted */
  GLOSS_FORMAT_FOLDER_ONLY      = 1 << 3,  /* writes a folder, never one file */
  GLOSS_FORMAT_FILE_OR_FOLDER   = 1 << 4,  /* one file, or a folder of files, one per article */
  GLOSS_FORMAT_CREATES_TEXTS    = 1 << 5,  /* creates the texts its records hold */
  GLOSS_FORMAT_TARGETS_ARTICLES = 1 << 6,  /* its annotations name the articles they target */
  GLOSS_FORMAT_EXCEL            = 1 << 7,  /* written for spreadsheets to open at once */
  GLOSS_FORMAT_ANNOTATOR_COLUMNS = 1 << 8, /* the annotators side by side, a column each */
} GlossFormatOptions;

/* How offsets are counted in the formats of web tools (doccano, Label
 * Studio): see gloss_format_get_default_offset_unit(). */
typedef enum
{
  GLOSS_OFFSETS_UTF16,       /* UTF-16 code units, as JavaScript counts */
  GLOSS_OFFSETS_CODEPOINTS,  /* Unicode code points, as Gloss and Python count */
} GlossOffsetUnit;

#define GLOSS_TYPE_OFFSET_UNIT (gloss_offset_unit_get_type ())
GType gloss_offset_unit_get_type (void) G_GNUC_CONST;

/* The tagging scheme of the CoNLL export. */
typedef enum
{
  GLOSS_SCHEME_IOB2,         /* B- on the first token of every span */
  GLOSS_SCHEME_IOB1,         /* B- only between two adjacent spans of one tag (CoNLL-2003) */
} GlossIobScheme;

#define GLOSS_TYPE_IOB_SCHEME (gloss_iob_scheme_get_type ())
GType gloss_iob_scheme_get_type (void) G_GNUC_CONST;

/* The formats that go @direction, in the order lists show them: a new
 * array of const GlossFormat pointers, which it does not free. */
GPtrArray          *gloss_format_list          (GlossFormatDirection  direction);
/* Their labels, in the same order and translated, for a list to show:
 * a NULL-terminated array, to be freed with g_strfreev(). */
char              **gloss_format_dup_labels    (GlossFormatDirection  direction);
/* The format called @id ("csv", "brat", ...; any case), or NULL. */
const GlossFormat  *gloss_format_lookup        (const char           *id);

/* "csv", "jsonl", "brat", "w3c", "doccano", "conll", "labelstudio" */
const char         *gloss_format_get_id        (const GlossFormat    *format);
/* Its name for people ("CSV", "W3C Web Annotation"), translated. */
const char         *gloss_format_get_label     (const GlossFormat    *format);
/* The end of the name an export proposes (".csv", "-brat", ...). */
const char         *gloss_format_get_suffix    (const GlossFormat    *format);
/* TRUE when Gloss exports to @format, or imports from it. */
gboolean            gloss_format_can           (const GlossFormat    *format,
                                                GlossFormatDirection  direction);
/* One sentence on what an export writes, or what an import reads,
 * translated; NULL when @format does not go @direction. */
const char         *gloss_format_get_description (const GlossFormat  *format,
                                                  GlossFormatDirection direction);
/* The options it takes that way (none when it does not go that way). */
GlossFormatOptions  gloss_format_get_options   (const GlossFormat    *format,
                                                GlossFormatDirection  direction);
/* How @format counts offsets unless told otherwise: code points for Label
 * Studio, which counts them so; UTF-16 code units for doccano, which
 * counts as JavaScript does (doccano issue 2290).  Formats without such
 * offsets give UTF-16, which they ignore. */
GlossOffsetUnit     gloss_format_get_default_offset_unit (const GlossFormat *format);

/* Import: TRUE when a file called @name is an input of @format, for
 * walking a folder (.ann for brat, .jsonl and .json for doccano, ...). */
gboolean            gloss_format_accepts_name  (const GlossFormat    *format,
                                                const char           *name);
/* Import: the input that @file, given by the user, stands for: itself,
 * or for brat the .ann beside a .txt. */
GFile              *gloss_format_dup_input     (const GlossFormat    *format,
                                                GFile                *file);

G_END_DECLS
