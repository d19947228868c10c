/* gloss-format.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The table of formats.  A format is its own files (gloss-export-NAME.c
 * with what and how it writes, gloss-import-NAME.c with what and how it
 * reads) and one line here; gloss-cli's help and options and the dialogs'
 * choices are all made from this table. */

#define G_LOG_DOMAIN "gloss-format"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-annotation-file.h"
#include "gloss-export-private.h"
#include "gloss-import-private.h"

/* The formats, in the order lists show them, one line each: its id, its
 * label, the end of the name an export proposes, how it counts offsets by
 * default, and whether Gloss exports to it and imports from it (1 or 0).
 * For the ways it goes, the format's own files define
 * _gloss_export_ID (gloss-export-ID.c) and _gloss_import_ID
 * (gloss-import-ID.c). */
#define FORMAT_TABLE(F) \
  F (csv,         N_("CSV"),                ".csv",              UTF16,      1, 0) \
  F (jsonl,       N_("JSON Lines"),         ".jsonl",            UTF16,      1, 0) \
  F (brat,        N_("brat"),               "-brat",             UTF16,      1, 1) \
  F (conll,       N_("CoNLL"),              ".conll",            UTF16,      1, 0) \
  F (doccano,     N_("doccano"),            "-doccano.jsonl",    UTF16,      1, 1) \
  F (w3c,         N_("W3C Web Annotation"), ".jsonld",           UTF16,      1, 1) \
  F (labelstudio, N_("Label Studio"),       "-labelstudio.json", CODEPOINTS, 1, 1)

/* What a line gives: the declarations of the format's classes, then its
 * entry in the table. */
#define DECLARE_EXPORT_1(id) extern const GlossExportFormatClass _gloss_export_##id;
#define DECLARE_EXPORT_0(id)
#define DECLARE_IMPORT_1(id) extern const GlossImportFormatClass _gloss_import_##id;
#define DECLARE_IMPORT_0(id)
#define EXPORT_CLASS_1(id)   &_gloss_export_##id
#define EXPORT_CLASS_0(id)   NULL
#define IMPORT_CLASS_1(id)   &_gloss_import_##id
#define IMPORT_CLASS_0(id)   NULL

#define DECLARE(id, label, suffix, unit, exports, imports) \
  DECLARE_EXPORT_##exports (id) DECLARE_IMPORT_##imports (id)
#define ENTRY(id, label, suffix, unit, exports, imports) \
  { #id, label, suffix, GLOSS_OFFSETS_##unit, EXPORT_CLASS_##exports (id), IMPORT_CLASS_##imports (id) },

FORMAT_TABLE (DECLARE)

static const GlossFormat formats[] = {
  FORMAT_TABLE (ENTRY)
};

/* For properties that hold them, such as the dialogs' format chooser's. */
G_DEFINE_ENUM_TYPE (GlossFormatDirection, gloss_format_direction,
                    G_DEFINE_ENUM_VALUE (GLOSS_FORMAT_EXPORT, "export"),
                    G_DEFINE_ENUM_VALUE (GLOSS_FORMAT_IMPORT, "import"))
G_DEFINE_ENUM_TYPE (GlossOffsetUnit, gloss_offset_unit,
                    G_DEFINE_ENUM_VALUE (GLOSS_OFFSETS_UTF16, "utf16"),
                    G_DEFINE_ENUM_VALUE (GLOSS_OFFSETS_CODEPOINTS, "codepoints"))
G_DEFINE_ENUM_TYPE (GlossIobScheme, gloss_iob_scheme,
                    G_DEFINE_ENUM_VALUE (GLOSS_SCHEME_IOB2, "iob2"),
                    G_DEFINE_ENUM_VALUE (GLOSS_SCHEME_IOB1, "iob1"))

GPtrArray *
gloss_format_list (GlossFormatDirection direction)
{
  GPtrArray *list = g_ptr_array_sized_new (G_N_ELEMENTS (formats));

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (gloss_format_can (&formats[i], direction))
      g_ptr_array_add (list, (gpointer)&formats[i]);

  return list;
}

char **
gloss_format_dup_labels (GlossFormatDirection direction)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **labels;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (gloss_format_can (&formats[i], direction))
      g_strv_builder_add (builder, gloss_format_get_label (&formats[i]));

  labels = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return labels;
}

const GlossFormat *
gloss_format_lookup (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (id, formats[i].id) == 0)
      return &formats[i];

  return NULL;
}

const char *
gloss_format_get_id (const GlossFormat *format)
{
  g_return_val_if_fail (format != NULL, NULL);
  return format->id;
}

const char *
gloss_format_get_label (const GlossFormat *format)
{
  g_return_val_if_fail (format != NULL, NULL);
  return g_dgettext (GETTEXT_PACKAGE, format->label);
}

const char *
gloss_format_get_suffix (const GlossFormat *format)
{
  g_return_val_if_fail (format != NULL, NULL);
  return format->suffix;
}

gboolean
gloss_format_can (const GlossFormat    *format,
                  GlossFormatDirection  direction)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (direction == GLOSS_FORMAT_EXPORT)
    return format->export_class != NULL;
  return format->import_class != NULL;
}

const char *
gloss_format_get_description (const GlossFormat    *format,
                              GlossFormatDirection  direction)
{
  const char *description;

  g_return_val_if_fail (format != NULL, NULL);

  if (!gloss_format_can (format, direction))
    return NULL;
  if (direction == GLOSS_FORMAT_EXPORT)
    description = format->export_class->description;
  else
    description = format->import_class->description;

  return g_dgettext (GETTEXT_PACKAGE, description);
}

GlossFormatOptions
gloss_format_get_options (const GlossFormat    *format,
                          GlossFormatDirection  direction)
{
  g_return_val_if_fail (format != NULL, 0);

  if (!gloss_format_can (format, direction))
    return 0;
  if (direction == GLOSS_FORMAT_EXPORT)
    return format->export_class->options;
  return format->import_class->options;
}

GlossOffsetUnit
gloss_format_get_default_offset_unit (const GlossFormat *format)
{
  g_return_val_if_fail (format != NULL, GLOSS_OFFSETS_UTF16);
  return format->offset_unit;
}

gboolean
gloss_format_accepts_name (const GlossFormat *format,
                           const char        *name)
{
  gsize length;

  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (format->import_class == NULL)
    return FALSE;
  if (name[0] == '.' || g_str_has_suffix (name, GLOSS_ANNOTATION_FILE_SUFFIX))
    return FALSE;

  length = strlen (name);
  for (const char *suffix = format->import_class->suffixes; *suffix != '\0';)
    {
      gsize n = strcspn (suffix, " ");

      if (length >= n && memcmp (name + length - n, suffix, n) == 0)
        return TRUE;
      suffix += n;
      suffix += strspn (suffix, " ");
    }

  return FALSE;
}

GFile *
gloss_format_dup_input (const GlossFormat *format,
                        GFile             *file)
{
  g_return_val_if_fail (format != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (format->import_class == NULL || format->import_class->dup_input == NULL)
    return g_object_ref (file);

  return format->import_class->dup_input (file);
}
