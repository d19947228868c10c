/* gloss-format-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-format.h"

G_BEGIN_DECLS

/* A format's export (gloss-export-private.h) and import
 * (gloss-import-private.h), each defined in the format's own files. */
typedef struct _GlossExportFormatClass GlossExportFormatClass;
typedef struct _GlossImportFormatClass GlossImportFormatClass;

/* One line of the table in gloss-format.c. */
struct _GlossFormat
{
  const char                   *id;
  const char                   *label;         /* marked with N_() */
  const char                   *suffix;        /* of the name an export proposes */
  GlossOffsetUnit               offset_unit;   /* the default */
  const GlossExportFormatClass *export_class;  /* NULL when Gloss does not export to it */
  const GlossImportFormatClass *import_class;  /* NULL when Gloss does not import from it */
};

G_END_DECLS
