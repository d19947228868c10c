/* gloss-annotation-file-extra.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The file's top-level keys that Gloss does not model: importers keep
 * what their format holds beyond annotations there, so that nothing is
 * lost on the way back. */

#define G_LOG_DOMAIN "gloss-annotation-file"

#include "config.h"

#include "gloss-annotation-file-private.h"

static const char * const modelled[] = { "gloss", "source", "annotator", "tags", "annotations" };

JsonObject *
gloss_annotation_file_get_extra (GlossAnnotationFile *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_FILE (self), NULL);

  return self->extra;
}

void
gloss_annotation_file_set_extra (GlossAnnotationFile *self,
                                 JsonObject          *extra)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_FILE (self));

  if (extra != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (modelled); i++)
        g_return_if_fail (!json_object_has_member (extra, modelled[i]));
    }

  if (extra == self->extra)
    return;

  g_clear_pointer (&self->extra, json_object_unref);
  if (extra != NULL)
    self->extra = json_object_ref (extra);
}
