/* gloss-cli-common.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include <json-glib/json-glib.h>

#include "gloss-annotation-file.h"

G_BEGIN_DECLS

/* Exit statuses of every command. */
enum
{
  GLOSS_CLI_OK      = 0,
  GLOSS_CLI_PROBLEM = 1,   /* a file could not be read, or has problems */
  GLOSS_CLI_USAGE   = 2,   /* the command line makes no sense */
};

typedef int (*GlossCliCommandFunc) (int    argc,
                                    char **argv);

int       gloss_cli_list     (int argc, char **argv);
int       gloss_cli_validate (int argc, char **argv);
int       gloss_cli_annotate (int argc, char **argv);
int       gloss_cli_delete   (int argc, char **argv);
int       gloss_cli_text     (int argc, char **argv);
int       gloss_cli_agree    (int argc, char **argv);
int       gloss_cli_consensus (int argc, char **argv);
int       gloss_cli_report   (int argc, char **argv);
int       gloss_cli_status   (int argc, char **argv);
int       gloss_cli_concordance (int argc, char **argv);
int       gloss_cli_done     (int argc, char **argv);
int       gloss_cli_link     (int argc, char **argv);

/* Parses the options of one command; on a usage error prints it with a
 * hint and returns FALSE.  @summary and @description describe the command;
 * the G_OPTION_REMAINING entry of @entries names its operands. */
gboolean  gloss_cli_parse_options     (const char      *command,
                                       const char      *summary,
                                       const char      *description,
                                       GOptionEntry    *entries,
                                       int             *argc,
                                       char          ***argv);
void      gloss_cli_usage_error       (const char      *command,
                                       const char      *format,
                                       ...) G_GNUC_PRINTF (2, 3);
/* TRUE when --annotator was given as an annotator id; FALSE after
 * printing the usage error of @command. */
gboolean  gloss_cli_check_annotator   (const char      *command,
                                       const char      *annotator);
/* Where print_error writes; validate reports on stdout. */
extern gboolean gloss_cli_errors_to_stdout;

/* Prints the error's message (which names the file) on stderr; for
 * validate, as a "PATH: message" line on stdout. */
void      gloss_cli_print_error       (const char      *path,
                                       const GError    *error);

/* TRUE when @path names an annotation file rather than an article. */
/* Prints @root on standard output in the layout of the annotation files
 * and exports ("key": value, two-space indentation), and a newline. */
void      gloss_cli_print_json        (JsonNode        *root);

gboolean  gloss_cli_is_annotation_file (const char     *path);

/* Opens the annotation files @path stands for (the file itself, or every
 * annotation file of an article), keeping only @annotator's when it is
 * not NULL, anchored in their article.  Adds them to @files and returns
 * how many could not be opened (each reported on stderr). */
guint     gloss_cli_open_inputs       (const char      *path,
                                       const char      *annotator,
                                       GlossLoadFlags   flags,
                                       GPtrArray       *files);

/* Writes @str on stdout as one table cell: tabs and line breaks shown as
 * \t, \n and \r so that every annotation stays on one line. */
void      gloss_cli_print_cell        (GString         *out,
                                       const char      *str);

/* Appends @a, of @annotator's layer, as a row of gloss-cli list's table:
 * annotator, id, tag, start, end, status, quote, and a newline. */
void      gloss_cli_append_row        (GString         *out,
                                       const char      *annotator,
                                       GlossAnnotation *a);

/* An article an input names, with the annotation files it named (NULL
 * for all of them). */
typedef struct
{
  GFile *article;
  char *name;
  GPtrArray *annotation_files;
} GlossCliArticle;

void      gloss_cli_article_free      (gpointer         article);
/* Adds to @articles (GlossCliArticle) the articles @path stands for: an
 * article, an annotation file (its article, that file alone) or a folder
 * (every annotated article under it); returns how many problems it met,
 * each printed. */
guint     gloss_cli_collect_articles  (const char      *path,
                                       GPtrArray       *articles);
/* Adds to @items (GlossCliArticle) every article of the folders @paths
 * name, subfolders included, whether annotated or not (an article named
 * alone counts too), named by the folder as given and their path in it;
 * adds to @annotators (a set, when not NULL) the ids of the annotators
 * whose files lie beside them.  Says what it could not read or left out
 * (a named pipe, a broken link, a link back up the tree) and a folder
 * without articles (gloss_cli_say); returns how many of those were
 * problems. */
guint     gloss_cli_scan_corpus       (char           **paths,
                                       GPtrArray       *items,
                                       GHashTable      *annotators,
                                       GPtrArray       *messages);
/* Prints @message (a sentence that names the file) and a newline on
 * stderr, then adds it to @messages (strings) when that is not NULL, for
 * a JSON report, or frees it. */
void      gloss_cli_say               (GPtrArray       *messages,
                                       char            *message);
/* The ids of the set @annotators, sorted, as a NULL-terminated array. */
GStrv     gloss_cli_sorted_ids        (GHashTable      *annotators);

/* TRUE when writing @destination would destroy what a command reads: an
 * annotation file (any, by its name), or one of the articles or
 * annotation files of @articles (GlossCliArticle), under whatever name.
 * The window's export dialog refuses the same. */
gboolean  gloss_cli_is_input          (GFile           *destination,
                                       GPtrArray       *articles);

G_END_DECLS
