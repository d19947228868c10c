/* gloss-import-w3c-relations.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the W3C import makes of attributes and relations once a file's
 * annotations are in their batches: the classifying bodies set as
 * attributes, and the linking annotations made relations. */

#define G_LOG_DOMAIN "gloss-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-import-w3c-private.h"

/* Sets the attributes of @item's classifying bodies on @a, an annotation
 * of @batch; those the codebook refuses join @item's other bodies, with
 * a note.  The items of one annotation's tags share their bodies: @item
 * gets a list of its own. */
void
_gloss_w3c_set_attributes (GlossW3cReader   *r,
                           GlossImportBatch *batch,
                           Item             *item,
                           GlossAnnotation  *a)
{
  g_autoptr(JsonArray) kept = NULL;

  for (guint i = 0; i < item->attributes->len; i++)
    {
      const GlossW3cClassifying *classifying = &g_array_index (item->attributes, GlossW3cClassifying, i);
      const char *text = classifying->value;
      g_autofree char *id = NULL;
      GVariant *value = _gloss_w3c_attribute_parse (text, &id);
      g_autoptr(GError) error = NULL;

      if (_gloss_import_batch_set_attribute (batch, a, id, value, &error))
        continue;

      _gloss_import_batch_note (batch, r->display, 0,
                                /* Translators: an annotation's id, an attribute, then why */
                                _("annotation %s: “%s” was not imported as an attribute (%s); the body is kept as it is"),
                                item->iri ? item->iri : gloss_annotation_get_id (a), text, error->message);
      if (kept == NULL)
        {
          kept = json_array_new ();
          for (guint b = 0; item->bodies != NULL && b < json_array_get_length (item->bodies); b++)
            json_array_add_element (kept, json_node_copy (json_array_get_element (item->bodies, b)));
        }
      json_array_add_element (kept, _gloss_w3c_classifying_body (classifying));
    }

  if (kept != NULL)
    {
      g_clear_pointer (&item->bodies, json_array_unref);
      item->bodies = g_steal_pointer (&kept);
    }
}

/* Makes the file's linking annotations relations between the annotations
 * of @annotations (IRI -> the GlossAnnotation, in @batches' batch). */
void
_gloss_w3c_link_annotations (GlossW3cReader *r,
                             GHashTable     *annotations,
                             GHashTable     *batches)
{
  for (guint i = 0; i < r->links->len; i++)
    {
      Link *link = g_ptr_array_index (r->links, i);
      GlossAnnotation *from = g_hash_table_lookup (annotations, link->from);
      GlossAnnotation *to = g_hash_table_lookup (annotations, link->to);
      GlossImportBatch *batch = from ? g_hash_table_lookup (batches, from) : NULL;
      g_autoptr(GError) error = NULL;

      if (from == NULL || to == NULL)
        {
          _gloss_importer_note (r->self,
                                /* Translators: a file name, an annotation's id, its type, then the id it names */
                                _("%s: the linking annotation %s (“%s”) was left out: its target %s is not an annotation of this file"),
                                r->display, link->name, link->type, from == NULL ? link->from : link->to);
          continue;
        }
      if (batch != g_hash_table_lookup (batches, to))
        {
          _gloss_importer_note (r->self,
                                /* Translators: a file name, an annotation's id, then its type */
                                _("%s: the linking annotation %s (“%s”) was left out: its targets are on different articles or by different annotators"),
                                r->display, link->name, link->type);
          continue;
        }
      if (from == to ||
          _gloss_import_batch_add_relation (batch, link->type, from, to, link->note, link->id,
                                            link->created, link->modified, &error) == NULL)
        _gloss_importer_note (r->self,
                              /* Translators: a file name, an annotation's id, its type, then why */
                              _("%s: the linking annotation %s (“%s”) was left out (%s)"),
                              r->display, link->name, link->type,
                              error ? error->message : _("its two targets are the same annotation"));
    }
}
