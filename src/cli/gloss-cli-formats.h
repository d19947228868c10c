/* gloss-cli-formats.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-cli-common.h"
#include "gloss-format.h"

G_BEGIN_DECLS

/* gloss-cli export: writes annotations in another tool's format. */
int gloss_cli_export (int argc, char **argv);
/* gloss-cli import: reads another tool's annotations into Gloss files. */
int gloss_cli_import (int argc, char **argv);

/* What export and import share (gloss-cli-formats.c): the formats of the
 * registry in their help and their usage errors. */

/* An option only some formats take, and the sentence the help says of
 * it under each of them (marked with N_()); --offsets has its own. */
typedef struct
{
  GlossFormatOptions  option;
  const char         *help;
} GlossCliFormatOption;

/* The help's description: the formats that go @direction, one a line
 * with what each writes or reads and the sentences of @options (ended by
 * a 0 option) it takes, then @text. */
char              *gloss_cli_format_help     (GlossFormatDirection        direction,
                                              const GlossCliFormatOption *options,
                                              const char                 *text);
/* The format @name stands for; NULL after the usage error that says it
 * is missing, unknown or does not go @direction. */
const GlossFormat *gloss_cli_parse_format    (const char                 *command,
                                              const char                 *name,
                                              GlossFormatDirection        direction);
/* The ids of the formats that go @direction and take @option, as a
 * usage error names them: "doccano or labelstudio". */
char              *gloss_cli_dup_format_ids  (GlossFormatDirection        direction,
                                              GlossFormatOptions          option);
/* TRUE when @format takes @option that way. */
gboolean           gloss_cli_format_takes    (const GlossFormat          *format,
                                              GlossFormatDirection        direction,
                                              GlossFormatOptions          option);
/* --offsets: TRUE when @offsets is NULL (then *@unit is the format's
 * own), or "utf16" or "codepoints" for a format that takes it; else
 * FALSE after the usage error. */
gboolean           gloss_cli_parse_offsets   (const char                 *command,
                                              const GlossFormat          *format,
                                              GlossFormatDirection        direction,
                                              const char                 *offsets,
                                              GlossOffsetUnit            *unit);

G_END_DECLS
