/* fuzz-assignments.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "gloss-annotation-file.h"
#include "gloss-corpus-assignments.h"

/* gloss-assignments.csv, whatever its bytes: assignments whose every
 * annotator is an id and every article a path under the folder, or an
 * error that names the file and a line. */

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossAssignments) assignments = NULL;
  g_autoptr(GHashTable) none = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  const char * const *ids;

  assignments = gloss_assignments_parse ((const char *) data, size, "fuzz.csv", &error);

  /* Either assignments or an error, never both nor neither. */
  if ((assignments == NULL) == (error == NULL))
    abort ();
  fuzz_check_error (error);
  if (error != NULL)
    {
      if (!g_str_has_prefix (error->message, "fuzz.csv, line "))
        abort ();
      return 0;
    }

  ids = gloss_assignments_get_annotators (assignments);
  for (guint i = 0; ids[i] != NULL; i++)
    if (!gloss_annotator_id_is_valid (ids[i]) || (i > 0 && strcmp (ids[i - 1], ids[i]) >= 0))
      abort ();
  if (g_strv_length ((char **) ids) > GLOSS_ASSIGNMENTS_MAX_ANNOTATORS)
    abort ();

  /* With no article in the folder, every line is a warning naming the
   * file and its line. */
  none = g_hash_table_new (g_str_hash, g_str_equal);
  warnings = gloss_assignments_check (assignments, none);
  if (warnings->len != gloss_assignments_get_n_rows (assignments))
    abort ();
  for (guint i = 0; i < warnings->len; i++)
    {
      const char *warning = g_ptr_array_index (warnings, i);

      if (!g_utf8_validate (warning, -1, NULL) || !g_str_has_prefix (warning, "fuzz.csv, line "))
        abort ();
    }

  return 0;
}
