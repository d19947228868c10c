/* format-test-util.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "cli-test-util.h"
#include "file-test-util.h"
#include "format-test-util.h"
#include "gloss-annotation-file.h"

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-formats-XXXXXX", &error);

  g_assert_no_error (error);
  f->dir = g_canonicalize_filename (dir, NULL);
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  delete_tree_checked (f->dir);
  g_free (f->dir);
}

char *
fixture_write (Fixture    *f,
               const char *name,
               const char *data)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (parent, 0755);
  g_file_set_contents (path, data, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *data = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (from, &data, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, data, length, &error);
  g_assert_no_error (error);
}

char *
testdata_path (const char *sub)
{
  const char *root = g_getenv ("GLOSS_TESTDATA");
  g_autofree char *path = NULL;

  if (root == NULL || root[0] == '\0')
    return NULL;
  path = g_build_filename (root, sub, NULL);
  return g_file_test (path, G_FILE_TEST_EXISTS) ? g_steal_pointer (&path) : NULL;
}

guint
offset_of (const char *text,
           const char *needle)
{
  const char *at = strstr (text, needle);

  g_assert_nonnull (at);
  return g_utf8_pointer_to_offset (text, at);
}

void
annotate_text (const char *path,
               const char *annotator,
               const char *tag,
               const char *needle,
               const char *note)
{
  g_autoptr(GFile) article = g_file_new_for_path (path);
  g_autoptr(GFile) afile = gloss_annotation_file_path_for (article, annotator);
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autoptr(GError) error = NULL;
  guint start;

  source = gloss_source_new_from_plain_text (article, 0, NULL, &error);
  g_assert_no_error (error);

  if (g_file_query_exists (afile, NULL))
    {
      file = gloss_annotation_file_open (afile, GLOSS_LOAD_NONE, NULL, &error);
      g_assert_no_error (error);
    }
  else
    file = gloss_annotation_file_new (source, annotator, annotator);

  start = offset_of (gloss_source_get_text (source), needle);
  g_assert_nonnull (gloss_layer_annotate (gloss_annotation_file_get_layer (file), tag, start,
                                          start + g_utf8_strlen (needle, -1), note));
  gloss_annotation_file_save (file, GLOSS_SAVE_NONE, NULL, &error);
  g_assert_no_error (error);
}

int
run_python (const char *script,
            ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;
  va_list ap;

  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("/usr/bin/python3 is missing");
      return 77;
    }

  g_ptr_array_add (args, g_strdup ("/usr/bin/python3"));
  g_ptr_array_add (args, g_test_build_filename (G_TEST_DIST, script, NULL));
  va_start (ap, script);
  for (const char *arg = va_arg (ap, const char *); arg; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, g_strdup (arg));
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **)args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  g_test_message ("%s%s", out, err);

  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      g_test_skip ("python3-jsonschema is missing");
      return 77;
    }
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

int
run_cli (Fixture  *f,
         char    **out,
         char    **err,
         ...)
{
  const char *first;
  va_list ap;
  int status;

  /* What an earlier call gave goes first, so that one pair of
   * variables can take the outputs of several calls. */
  if (out != NULL)
    g_clear_pointer (out, g_free);
  if (err != NULL)
    g_clear_pointer (err, g_free);
  va_start (ap, err);
  first = va_arg (ap, const char *);
  status = run_cli_valist (f->dir, NULL, out, err, first, ap);
  va_end (ap);

  return status;
}

void
format_test_init (int    *argc,
                  char ***argv)
{
  setlocale (LC_ALL, "");
  g_test_init (argc, argv, NULL);
}

gboolean
import_one (GlossImporter  *importer,
            const char     *path,
            char          **message)
{
  g_autoptr(GFile) input = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = gloss_importer_import_file (importer, input, NULL, &error) &&
       gloss_importer_finish (importer, NULL, &error);
  if (message != NULL)
    *message = error ? g_strdup (error->message) : NULL;
  else
    g_assert_no_error (error);

  return ok;
}

GlossAnnotationFile *
open_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossAnnotationFile *afile;

  afile = gloss_annotation_file_open (file, GLOSS_LOAD_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_annotation_file_get_problems (afile)->len, ==, 0);
  return afile;
}

char *
describe_annotations (GlossAnnotationFile *file,
                      gboolean             anchored)
{
  GListModel *model = G_LIST_MODEL (gloss_annotation_file_get_layer (file));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (model, i);

      if (anchored)
        g_assert_cmpint (gloss_annotation_get_status (a), ==, GLOSS_ANCHOR_ANCHORED);
      g_string_append_printf (out, "%s %u %u %s|", gloss_annotation_get_tag (a),
                              gloss_annotation_get_start (a), gloss_annotation_get_end (a),
                              gloss_annotation_get_quote (a));
    }

  return g_string_free (out, FALSE);
}

void
relate_text (const char *path,
             const char *annotator)
{
  g_autoptr(GFile) article = g_file_new_for_path (path);
  g_autoptr(GFile) afile = gloss_annotation_file_path_for (article, annotator);
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GlossAnnotationFile) file = NULL;
  g_autoptr(GError) error = NULL;
  static const struct { const char *tag, *quote; } spans[] = {
    { "company", "Acme" }, { "claim", "profits doubled" },
    { "company", "Zenith" }, { "claim", "it cut costs" },
  };
  GlossAnnotation *a[G_N_ELEMENTS (spans)];
  GlossLayer *layer;
  const char *text;

  source = gloss_source_new_from_plain_text (article, 0, NULL, &error);
  g_assert_no_error (error);
  file = gloss_annotation_file_new (source, annotator, annotator);
  layer = gloss_annotation_file_get_layer (file);
  text = gloss_source_get_text (source);

  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      guint start = offset_of (text, spans[i].quote);

      a[i] = gloss_layer_annotate (layer, spans[i].tag, start,
                                   start + g_utf8_strlen (spans[i].quote, -1), NULL);
      g_assert_nonnull (a[i]);
    }
  g_assert_true (gloss_layer_set_attribute (layer, a[1], "verdict", g_variant_new_string ("false")));
  g_assert_true (gloss_layer_set_attribute (layer, a[3], "verdict",
                                            g_variant_new_string ("misleading")));
  g_assert_nonnull (gloss_layer_link (layer, "said-by", gloss_annotation_get_id (a[1]),
                                      gloss_annotation_get_id (a[0]), NULL));
  g_assert_nonnull (gloss_layer_link (layer, "said-by", gloss_annotation_get_id (a[3]),
                                      gloss_annotation_get_id (a[2]), "on the radio"));
  g_assert_nonnull (gloss_layer_link (layer, "about", gloss_annotation_get_id (a[3]),
                                      gloss_annotation_get_id (a[0]), NULL));
  gloss_annotation_file_save (file, GLOSS_SAVE_NONE, NULL, &error);
  g_assert_no_error (error);
}

/* The quote of the annotation @id of @layer, or "?". */
static const char *
quote_of (GlossLayer *layer,
          const char *id)
{
  GlossAnnotation *a = gloss_layer_lookup (layer, id);

  return a ? gloss_annotation_get_quote (a) : "?";
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

char *
describe_relations (GlossAnnotationFile *file)
{
  GlossLayer *layer = gloss_annotation_file_get_layer (file);
  GListModel *model = G_LIST_MODEL (layer);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (model, i);
      GVariant *attributes = gloss_annotation_get_attributes (a);

      if (attributes != NULL)
        {
          g_autofree char *printed = g_variant_print (attributes, FALSE);

          g_string_append_printf (out, "%s %s|", gloss_annotation_get_quote (a), printed);
        }
    }

  for (guint i = 0; i < gloss_layer_get_n_relations (layer); i++)
    {
      GlossRelation *r = gloss_layer_get_relation (layer, i);

      g_ptr_array_add (lines, g_strdup_printf ("%s %s -> %s (%s)", gloss_relation_get_rel_type (r),
                                               quote_of (layer, gloss_relation_get_source (r)),
                                               quote_of (layer, gloss_relation_get_target (r)),
                                               gloss_relation_get_note (r)));
    }
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s|", (const char *)g_ptr_array_index (lines, i));

  return g_string_free (out, FALSE);
}

static char *
join_lines (GPtrArray *lines)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (const char *)g_ptr_array_index (lines, i));

  return g_string_free (out, FALSE);
}

char *
notes_of (GlossImporter *importer)
{
  return join_lines (gloss_importer_get_notes (importer));
}

char *
warnings_of (GlossExporter *exporter)
{
  return join_lines (gloss_exporter_get_warnings (exporter));
}

void
export_one_article (GlossExporter *exporter,
                    const char    *destination,
                    gboolean       folder,
                    const char    *article_path,
                    const char    *name)
{
  g_autoptr(GFile) out = g_file_new_for_path (destination);
  g_autoptr(GFile) article = g_file_new_for_path (article_path);
  g_autofree char *base_name = g_path_get_basename (article_path);
  g_autoptr(GError) error = NULL;

  gloss_exporter_open_file (exporter, out, folder, NULL, &error);
  g_assert_no_error (error);
  gloss_exporter_add_article (exporter, article, name ? name : base_name, NULL, NULL, &error);
  g_assert_no_error (error);
  gloss_exporter_finish (exporter, NULL, &error);
  g_assert_no_error (error);
}

void
export_to_folder (const GlossFormat *format,
                  const char        *folder,
                  const char        *article_path)
{
  g_autoptr(GlossExporter) exporter = gloss_exporter_new (format);

  export_one_article (exporter, folder, TRUE, article_path, NULL);
}

void
export_articles_valist (GlossExporter *exporter,
                        va_list        args)
{
  g_autoptr(GError) error = NULL;

  for (const char *path = va_arg (args, const char *); path; path = va_arg (args, const char *))
    {
      g_autoptr(GFile) article = g_file_new_for_path (path);
      g_autofree char *name = g_path_get_basename (path);

      gloss_exporter_add_article (exporter, article, name, NULL, NULL, &error);
      g_assert_no_error (error);
    }

  gloss_exporter_finish (exporter, NULL, &error);
  g_assert_no_error (error);
}

char *
export_to_string (const GlossFormat  *format,
                  ExportSetup         setup,
                  char              **warnings,
                  ...)
{
  g_autoptr(GlossExporter) exporter = gloss_exporter_new (format);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  va_list args;

  if (setup != NULL)
    setup (exporter);
  gloss_exporter_open_stream (exporter, out, &error);
  g_assert_no_error (error);

  va_start (args, warnings);
  export_articles_valist (exporter, args);
  va_end (args);

  if (warnings != NULL)
    *warnings = warnings_of (exporter);

  /* The exporter leaves a stream it did not open open: end the text. */
  g_output_stream_write_all (out, "", 1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}
