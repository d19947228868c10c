/* gloss-cli-inputs.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One article a command reads, with the annotation files an input named
 * (NULL for all of those beside it). */
typedef struct
{
  GFile *article;
  char *name;
  GPtrArray *annotation_files;
} GlossCliInput;

void      gloss_cli_input_free             (gpointer    input);

/* Adds to @inputs (GlossCliInput) the articles @path stands for: an
 * article, an annotation file (its article, that file only) or a folder
 * (every annotated article in it).  Returns how many problems it met, each
 * printed on stderr naming the file. */
guint     gloss_cli_collect_inputs         (const char *path,
                                            GPtrArray  *inputs);

/* TRUE when writing @destination would destroy what a command reads: an
 * annotation file (any, by its name), or one of the articles or
 * annotation files of @inputs, under whatever name.  The window's export
 * dialog refuses the same. */
gboolean  gloss_cli_destination_is_input   (GFile      *destination,
                                            GPtrArray  *inputs);

G_END_DECLS
