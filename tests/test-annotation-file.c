/* test-annotation-file.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file-test-util.h"
#include "gloss-annotation-file.h"
#include "gloss-error.h"
#include "gloss-json-reader.h"

/* The folder every test writes in; a child started by
 * g_test_trap_subprocess finds its parent's through the environment. */
#define TMP_DIR_VARIABLE "GLOSS_TEST_ANNOTATION_FILE_DIR"

/* The user and group a child becomes to meet permissions as root does not. */
#define NOBODY 65534

#define FOX_TEXT "The quick brown fox jumps over the lazy dog.\n"
#define FOX_SHA256 "b47cc0f104b62d4c7c30bcd68fd8e67613e287dc4ad8c310ef10cbadea9c4380"
#define TIME_A "2026-01-02T03:04:05Z"
#define TIME_B "2026-01-03T00:00:00Z"

static char *tmp_dir;

/* Helpers */

static char *
make_folder (const char *name)
{
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (path, 0755), ==, 0);
  return path;
}

static GFile *
put_file (const char *folder,
          const char *name,
          const char *data,
          gssize      length)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static void
rewrite_file (GFile      *file,
              const char *data,
              gssize      length)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static char *
read_all (GFile *file,
          gsize *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, length, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static void
assert_file_bytes (GFile      *file,
                   const char *expected,
                   gsize       length)
{
  g_autofree char *contents = NULL;
  gsize contents_length;

  contents = read_all (file, &contents_length);
  g_assert_cmpmem (contents, contents_length, expected, length);
}

static void
assert_file_has (GFile      *file,
                 const char *needle)
{
  g_autofree char *contents = read_all (file, NULL);

  if (strstr (contents, needle) == NULL)
    g_error ("“%s” is missing from:\n%s", needle, contents);
}

/* Every message the user sees must say which file it is about. */
static void
assert_names_file (const GError *error,
                   GFile        *file)
{
  g_autofree char *name = g_file_get_basename (file);

  g_assert_nonnull (error);
  if (strstr (error->message, name) == NULL)
    g_error ("the message “%s” does not name “%s”", error->message, name);
}

static GlossSource *
read_article (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GlossSource *source;

  source = gloss_source_new_from_plain_text (file, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (source);

  return source;
}

static GlossSource *
write_article (const char *folder,
               const char *name,
               const char *text)
{
  g_autoptr(GFile) file = put_file (folder, name, text, -1);

  return read_article (file);
}

static char *
text_sha256 (const char *text)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

static GlossAnnotationFile *
load_ok (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GlossAnnotationFile *self;

  self = gloss_annotation_file_load (file, GLOSS_LOAD_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (self);

  return self;
}

static GlossAnnotationFile *
open_ok (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GlossAnnotationFile *self;

  self = gloss_annotation_file_open (file, GLOSS_LOAD_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (self);

  return self;
}

static void
attach_ok (GlossAnnotationFile *self,
           GlossSource         *source)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_annotation_file_attach_source (self, source, &error));
  g_assert_no_error (error);
}

static void
save_ok (GlossAnnotationFile *self)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_annotation_file_save (self, GLOSS_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

/* Runs the main loop until an asynchronous call stored its result. */
static void
wait_for_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* The content of @self as a writer gives it, and the serial it has. */
static GBytes *
serialize_bytes (GlossAnnotationFile *self,
                 guint64             *serial)
{
  g_autoptr(GlossFileWriter) writer = gloss_annotation_file_writer_new (self);
  GBytes *bytes;

  while (!gloss_file_writer_step (writer, 100))
    ;
  bytes = gloss_file_writer_finish (writer);
  g_assert_nonnull (bytes);
  *serial = gloss_file_writer_get_serial (writer);

  return bytes;
}

static gboolean
save_bytes (GlossAnnotationFile  *self,
            GBytes               *bytes,
            guint64               serial,
            GlossSaveFlags        flags,
            GCancellable         *cancellable,
            GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  gloss_annotation_file_save_bytes_async (self, bytes, serial, flags, cancellable,
                                          store_result, &result);
  /* Never reported before the main loop runs. */
  g_assert_null (result);
  wait_for_result (&result);

  return gloss_annotation_file_save_bytes_finish (self, result, error);
}

/* Serializes @self now and saves the bytes asynchronously. */
static gboolean
save_async (GlossAnnotationFile  *self,
            GlossSaveFlags        flags,
            GError              **error)
{
  g_autoptr(GBytes) bytes = NULL;
  guint64 serial;

  bytes = serialize_bytes (self, &serial);
  return save_bytes (self, bytes, serial, flags, NULL, error);
}

static void
assert_file_bytes_are (GFile  *file,
                       GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  assert_file_bytes (file, data, length);
}

static gboolean
is_dirty (GlossAnnotationFile *self)
{
  return gloss_history_is_dirty (gloss_layer_get_history (gloss_annotation_file_get_layer (self)));
}

static guint
n_annotations (GlossAnnotationFile *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gloss_annotation_file_get_layer (self)));
}

/* The annotation at @position, owned by the layer. */
static GlossAnnotation *
nth_annotation (GlossAnnotationFile *self,
                guint                position)
{
  g_autoptr(GlossAnnotation) annotation = NULL;

  annotation = g_list_model_get_item (G_LIST_MODEL (gloss_annotation_file_get_layer (self)), position);
  g_assert_nonnull (annotation);

  return annotation;
}

static GlossAnnotation *
lookup (GlossAnnotationFile *self,
        const char          *id)
{
  GlossAnnotation *annotation;

  annotation = gloss_layer_lookup (gloss_annotation_file_get_layer (self), id);
  g_assert_nonnull (annotation);

  return annotation;
}

/* Annotates @quote where it first occurs inside the first @context of the
 * attached article; returns the new annotation, owned by the layer. */
static GlossAnnotation *
annotate_text (GlossAnnotationFile *self,
               const char          *tag,
               const char          *context,
               const char          *quote,
               const char          *note)
{
  GlossSource *source = gloss_annotation_file_get_source (self);
  const char *text = gloss_source_get_text (source);
  const char *in_context = strstr (text, context);
  const char *at;
  GlossAnnotation *annotation;
  guint start;

  g_assert_nonnull (in_context);
  at = strstr (in_context, quote);
  g_assert_nonnull (at);

  start = g_utf8_pointer_to_offset (text, at);
  annotation = gloss_layer_annotate (gloss_annotation_file_get_layer (self), tag,
                                     start, start + g_utf8_strlen (quote, -1), note);
  g_assert_nonnull (annotation);
  g_assert_cmpstr (gloss_annotation_get_quote (annotation), ==, quote);

  return annotation;
}

static void
assert_same_annotation (GlossAnnotation *a,
                        GlossAnnotation *b)
{
  g_assert_cmpstr (gloss_annotation_get_id (a), ==, gloss_annotation_get_id (b));
  g_assert_cmpstr (gloss_annotation_get_tag (a), ==, gloss_annotation_get_tag (b));
  g_assert_cmpuint (gloss_annotation_get_start (a), ==, gloss_annotation_get_start (b));
  g_assert_cmpuint (gloss_annotation_get_end (a), ==, gloss_annotation_get_end (b));
  g_assert_cmpstr (gloss_annotation_get_quote (a), ==, gloss_annotation_get_quote (b));
  g_assert_cmpstr (gloss_annotation_get_prefix (a), ==, gloss_annotation_get_prefix (b));
  g_assert_cmpstr (gloss_annotation_get_suffix (a), ==, gloss_annotation_get_suffix (b));
  g_assert_cmpstr (gloss_annotation_get_note (a), ==, gloss_annotation_get_note (b));
  g_assert_cmpstr (gloss_annotation_get_created (a), ==, gloss_annotation_get_created (b));
  g_assert_cmpstr (gloss_annotation_get_modified (a), ==, gloss_annotation_get_modified (b));
  g_assert_cmpint (gloss_annotation_get_status (a), ==, gloss_annotation_get_status (b));
}

/* Saving a file that has not changed since it was read must give back the
 * bytes that were read. */
static void
assert_resave_identical (GFile *file)
{
  g_autoptr(GlossAnnotationFile) loaded = NULL;
  g_autofree char *before = NULL;
  g_autofree char *serialized = NULL;
  gsize before_length, serialized_length;

  before = read_all (file, &before_length);
  loaded = load_ok (file);

  serialized = gloss_annotation_file_serialize (loaded, &serialized_length);
  g_assert_cmpstr (serialized, ==, before);
  g_assert_cmpmem (serialized, serialized_length, before, before_length);

  save_ok (loaded);
  assert_file_bytes (file, before, before_length);
}

static JsonNode *
parse_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  JsonNode *root;

  contents = read_all (file, &length);
  root = gloss_json_parse (contents, length, 200, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return root;
}

static void
set_mtime (GFile                 *file,
           const struct timespec *mtime)
{
  g_autofree char *path = g_file_get_path (file);
  struct timespec times[2] = { { 0, UTIME_OMIT }, *mtime };

  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
}

static struct timespec
get_mtime (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  struct stat st;

  g_assert_cmpint (stat (path, &st), ==, 0);
  return st.st_mtim;
}

/* Round trip and layout */

static void
test_round_trip (void)
{
  static const char text[] =
    "Gloss tests: caf\xc3\xa9, na\xc3\xafve, \xf0\x9f\x8e\x89 emoji.\n"
    "Acme Corp announced record profits today.\n"
    "Critics disputed the figures.\n";
  g_autofree char *folder = make_folder ("round-trip");
  g_autoptr(GlossSource) source = write_article (folder, "article.txt", text);
  g_autoptr(GlossSource) reread = NULL;
  g_autoptr(GlossCodebook) codebook = gloss_codebook_new_default ();
  g_autoptr(GlossAnnotationFile) created = NULL;
  g_autoptr(GlossAnnotationFile) loaded = NULL;
  g_autoptr(GFile) expected_file = NULL;
  g_autofree char *name = NULL;
  GFile *file;

  created = gloss_annotation_file_new (source, "alice", "Alice Martin");
  gloss_annotation_file_set_codebook (created, codebook);
  g_assert_false (gloss_annotation_file_get_read_only (created));
  g_assert_true (gloss_annotation_file_get_source (created) == source);
  g_assert_cmpuint (n_annotations (created), ==, 0);

  annotate_text (created, "company", "Acme", "Acme Corp", "First \"note\"\nline two");
  annotate_text (created, "claim", "caf", "caf\xc3\xa9", NULL);
  annotate_text (created, "claim", "\xf0\x9f\x8e\x89", "\xf0\x9f\x8e\x89", "an emoji");
  annotate_text (created, "controversy", "Critics", "disputed", NULL);
  annotate_text (created, "topic", "record", "record profits", NULL);
  g_assert_true (is_dirty (created));

  save_ok (created);
  g_assert_false (is_dirty (created));
  g_assert_false (gloss_annotation_file_changed_on_disk (created, NULL));

  file = gloss_annotation_file_get_file (created);
  name = g_file_get_basename (file);
  g_assert_cmpstr (name, ==, "article.txt.alice.gloss.json");
  expected_file = gloss_annotation_file_path_for (gloss_source_get_file (source), "alice");
  g_assert_true (g_file_equal (file, expected_file));

  loaded = load_ok (file);
  g_assert_null (gloss_annotation_file_get_source (loaded));
  g_assert_cmpstr (gloss_annotation_file_get_source_path (loaded), ==, "article.txt");
  g_assert_cmpstr (gloss_annotation_file_get_text_sha256 (loaded), ==,
                   gloss_source_get_text_sha256 (source));
  g_assert_cmpuint (gloss_annotation_file_get_format_version (loaded), ==, 1);
  g_assert_false (gloss_annotation_file_get_read_only (loaded));
  g_assert_cmpstr (gloss_layer_get_annotator_id (gloss_annotation_file_get_layer (loaded)), ==, "alice");
  g_assert_cmpstr (gloss_layer_get_annotator_name (gloss_annotation_file_get_layer (loaded)), ==,
                   "Alice Martin");
  g_assert_cmpuint (n_annotations (loaded), ==, 5);
  g_assert_nonnull (gloss_annotation_file_lookup_tag (loaded, "topic"));

  reread = read_article (gloss_source_get_file (source));
  attach_ok (loaded, reread);
  g_assert_true (gloss_annotation_file_get_source (loaded) == reread);
  g_assert_cmpuint (gloss_annotation_file_get_problems (loaded)->len, ==, 0);
  g_assert_false (is_dirty (loaded));
  g_assert_false (gloss_annotation_file_get_read_only (loaded));

  g_assert_cmpuint (n_annotations (loaded), ==, n_annotations (created));
  for (guint i = 0; i < n_annotations (created); i++)
    {
      GlossAnnotation *a = nth_annotation (created, i);
      GlossAnnotation *b = nth_annotation (loaded, i);

      assert_same_annotation (a, b);
      g_assert_cmpint (gloss_annotation_get_status (b), ==, GLOSS_ANCHOR_ANCHORED);
    }

  /* The window's path: open with the folder's codebook, change nothing,
   * save: the same bytes. */
  assert_resave_identical (file);
  {
    g_autoptr(GlossAnnotationFile) opened = open_ok (file);
    g_autofree char *before = NULL;
    gsize before_length;

    before = read_all (file, &before_length);
    g_assert_false (is_dirty (opened));
    save_ok (opened);
    assert_file_bytes (file, before, before_length);
  }
}

static const char expected_fox[] =
  "{\n"
  "  \"gloss\": 1,\n"
  "  \"source\": {\n"
  "    \"path\": \"fox.txt\",\n"
  "    \"sha256\": \"" FOX_SHA256 "\",\n"
  "    \"text_sha256\": \"" FOX_SHA256 "\",\n"
  "    \"encoding\": \"UTF-8\",\n"
  "    \"media_type\": \"text/plain\",\n"
  "    \"length\": 45\n"
  "  },\n"
  "  \"annotator\": {\n"
  "    \"id\": \"alice\",\n"
  "    \"name\": \"Alice Martin\"\n"
  "  },\n"
  "  \"tags\": [\n"
  "    {\n"
  "      \"id\": \"company\",\n"
  "      \"label\": \"Company\",\n"
  "      \"color\": \"#1c71d8\",\n"
  "      \"description\": \"A firm\",\n"
  "      \"order\": 1\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"claim\",\n"
  "      \"label\": \"claim\",\n"
  "      \"color\": \"#77767b\",\n"
  "      \"description\": \"\",\n"
  "      \"order\": 2\n"
  "    }\n"
  "  ],\n"
  "  \"annotations\": [\n"
  "    {\n"
  "      \"id\": \"b2\",\n"
  "      \"tag\": \"claim\",\n"
  "      \"start\": 4,\n"
  "      \"end\": 9,\n"
  "      \"quote\": \"quick\",\n"
  "      \"prefix\": \"The \",\n"
  "      \"suffix\": \" brown fox jumps over the lazy d\",\n"
  "      \"note\": \"A \\\"fast\\\" one\\nsecond\\tline \\\\ caf\xc3\xa9 \xe2\x98\x95 \\u0001\",\n"
  "      \"created\": \"" TIME_A "\",\n"
  "      \"modified\": \"" TIME_A "\"\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"a1\",\n"
  "      \"tag\": \"company\",\n"
  "      \"start\": 16,\n"
  "      \"end\": 19,\n"
  "      \"quote\": \"fox\",\n"
  "      \"prefix\": \"The quick brown \",\n"
  "      \"suffix\": \" jumps over the lazy dog.\\n\",\n"
  "      \"note\": \"\",\n"
  "      \"created\": \"" TIME_A "\",\n"
  "      \"modified\": \"" TIME_B "\"\n"
  "    }\n"
  "  ]\n"
  "}\n";

static const char expected_empty[] =
  "{\n"
  "  \"gloss\": 1,\n"
  "  \"source\": {\n"
  "    \"path\": \"fox.txt\",\n"
  "    \"sha256\": \"" FOX_SHA256 "\",\n"
  "    \"text_sha256\": \"" FOX_SHA256 "\",\n"
  "    \"encoding\": \"UTF-8\",\n"
  "    \"media_type\": \"text/plain\",\n"
  "    \"length\": 45\n"
  "  },\n"
  "  \"annotator\": {\n"
  "    \"id\": \"bob\",\n"
  "    \"name\": \"Bob\"\n"
  "  },\n"
  "  \"tags\": [],\n"
  "  \"annotations\": []\n"
  "}\n";

static void
test_exact_bytes (void)
{
  g_autofree char *folder = make_folder ("exact-bytes");
  g_autofree char *sha = text_sha256 (FOX_TEXT);
  g_autoptr(GlossSource) source = write_article (folder, "fox.txt", FOX_TEXT);
  g_autoptr(GlossCodebook) codebook = gloss_codebook_new ();
  g_autoptr(GlossTag) company = gloss_tag_new ("company", "Company", "#1C71D8", "A firm");
  g_autoptr(GlossAnnotationFile) self = NULL;
  g_autoptr(GlossAnnotationFile) empty = NULL;
  g_autoptr(GlossAnnotationFile) loaded = NULL;
  g_autoptr(GlossAnnotation) quick = NULL;
  g_autoptr(GlossAnnotation) fox = NULL;
  g_autofree char *serialized = NULL;
  GlossLayer *layer;

  /* The hash written above by hand is the one Gloss computes. */
  g_assert_cmpstr (sha, ==, FOX_SHA256);
  g_assert_cmpstr (gloss_source_get_sha256 (source), ==, FOX_SHA256);

  g_assert_true (gloss_codebook_add (codebook, company));

  self = gloss_annotation_file_new (source, "alice", "Alice Martin");
  gloss_annotation_file_set_codebook (self, codebook);
  layer = gloss_annotation_file_get_layer (self);

  /* Added out of order: the file lists annotations by position. */
  fox = gloss_annotation_new_full ("a1", "company", 16, 19, "fox", "The quick brown ",
                                   " jumps over the lazy dog.\n", NULL, TIME_A, TIME_B);
  quick = gloss_annotation_new_full ("b2", "claim", 4, 9, "quick", "The ",
                                     " brown fox jumps over the lazy d",
                                     "A \"fast\" one\nsecond\tline \\ caf\xc3\xa9 \xe2\x98\x95 \x01",
                                     TIME_A, NULL);
  g_assert_true (gloss_layer_add (layer, fox));
  g_assert_true (gloss_layer_add (layer, quick));

  serialized = gloss_annotation_file_serialize (self, NULL);
  g_assert_cmpstr (serialized, ==, expected_fox);

  save_ok (self);
  assert_file_bytes (gloss_annotation_file_get_file (self), expected_fox, strlen (expected_fox));

  /* The hand-made context is what Gloss itself finds in the article. */
  loaded = load_ok (gloss_annotation_file_get_file (self));
  attach_ok (loaded, source);
  g_assert_cmpuint (gloss_annotation_file_get_problems (loaded)->len, ==, 0);
  g_assert_false (is_dirty (loaded));
  save_ok (loaded);
  assert_file_bytes (gloss_annotation_file_get_file (self), expected_fox, strlen (expected_fox));

  empty = gloss_annotation_file_new (source, "bob", "Bob");
  save_ok (empty);
  assert_file_bytes (gloss_annotation_file_get_file (empty), expected_empty, strlen (expected_empty));
  assert_resave_identical (gloss_annotation_file_get_file (empty));
}

/* A file as Gloss writes it, with keys it does not know at every level. */
static const char unknown_keys_template[] =
  "{\n"
  "  \"gloss\": 1,\n"
  "  \"source\": {\n"
  "    \"path\": \"keys.txt\",\n"
  "    \"sha256\": \"@SHA@\",\n"
  "    \"text_sha256\": \"@SHA@\",\n"
  "    \"encoding\": \"UTF-8\",\n"
  "    \"media_type\": \"text/plain\",\n"
  "    \"length\": 13,\n"
  "    \"x-source\": [\n"
  "      1,\n"
  "      {\n"
  "        \"a\": null\n"
  "      }\n"
  "    ]\n"
  "  },\n"
  "  \"annotator\": {\n"
  "    \"id\": \"alice\",\n"
  "    \"name\": \"Alice\",\n"
  "    \"x-orcid\": \"0000-0001\",\n"
  "    \"x-roles\": [\n"
  "      \"coder\",\n"
  "      \"reviewer\"\n"
  "    ]\n"
  "  },\n"
  "  \"tags\": [\n"
  "    {\n"
  "      \"id\": \"topic\",\n"
  "      \"label\": \"Topic\",\n"
  "      \"color\": \"#aa0000\",\n"
  "      \"description\": \"\",\n"
  "      \"order\": 7,\n"
  "      \"x-tag\": {\n"
  "        \"weight\": 0.25,\n"
  "        \"hidden\": false\n"
  "      }\n"
  "    }\n"
  "  ],\n"
  "  \"annotations\": [\n"
  "    {\n"
  "      \"id\": \"k1\",\n"
  "      \"tag\": \"topic\",\n"
  "      \"start\": 0,\n"
  "      \"end\": 5,\n"
  "      \"quote\": \"Hello\",\n"
  "      \"prefix\": \"\",\n"
  "      \"suffix\": \" world\\u0001\\n\",\n"
  "      \"note\": \"\",\n"
  "      \"created\": \"" TIME_A "\",\n"
  "      \"modified\": \"" TIME_A "\",\n"
  "      \"x-ann\": {\n"
  "        \"votes\": [\n"
  "          1,\n"
  "          2\n"
  "        ],\n"
  "        \"ok\": false\n"
  "      },\n"
  "      \"x-null\": null\n"
  "    }\n"
  "  ],\n"
  "  \"x-top\": {\n"
  "    \"nested\": {\n"
  "      \"deep\": [\n"
  "        1,\n"
  "        2.5,\n"
  "        -3,\n"
  "        null,\n"
  "        true,\n"
  "        false,\n"
  "        \"s\xc3\xa9\",\n"
  "        {},\n"
  "        []\n"
  "      ]\n"
  "    },\n"
  "    \"n\": null\n"
  "  },\n"
  "  \"x-flag\": true\n"
  "}\n";

/* @template with the article's hash in place of each @SHA@. */
static char *
fill_template (const char *template,
               const char *sha)
{
  GString *filled = g_string_new (template);

  g_string_replace (filled, "@SHA@", sha, 0);
  return g_string_free (filled, FALSE);
}

static void
assert_member_equals (JsonObject *object,
                      const char *member,
                      const char *expected_json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) expected = NULL;
  JsonNode *actual;

  expected = gloss_json_parse (expected_json, strlen (expected_json), 64, &error);
  g_assert_no_error (error);

  actual = json_object_get_member (object, member);
  if (actual == NULL)
    g_error ("the member “%s” was lost", member);
  g_assert_true (json_node_equal (actual, expected));
}

static void
assert_unknown_keys_kept (GFile *file)
{
  g_autoptr(JsonNode) root = parse_file (file);
  JsonObject *top = json_node_get_object (root);
  JsonObject *source = json_object_get_object_member (top, "source");
  JsonObject *annotator = json_object_get_object_member (top, "annotator");
  JsonArray *tags = json_object_get_array_member (top, "tags");
  JsonArray *annotations = json_object_get_array_member (top, "annotations");
  JsonObject *tag = NULL;
  JsonObject *annotation = NULL;

  for (guint i = 0; i < json_array_get_length (tags); i++)
    {
      JsonObject *t = json_array_get_object_element (tags, i);

      if (g_strcmp0 (json_object_get_string_member (t, "id"), "topic") == 0)
        tag = t;
    }
  for (guint i = 0; i < json_array_get_length (annotations); i++)
    {
      JsonObject *a = json_array_get_object_element (annotations, i);

      if (g_strcmp0 (json_object_get_string_member (a, "id"), "k1") == 0)
        annotation = a;
    }
  g_assert_nonnull (tag);
  g_assert_nonnull (annotation);

  assert_member_equals (top, "x-top",
                        "{\"nested\": {\"deep\": [1, 2.5, -3, null, true, false, \"s\\u00e9\", {}, []]},"
                        " \"n\": null}");
  assert_member_equals (top, "x-flag", "true");
  assert_member_equals (source, "x-source", "[1, {\"a\": null}]");
  assert_member_equals (annotator, "x-orcid", "\"0000-0001\"");
  assert_member_equals (annotator, "x-roles", "[\"coder\", \"reviewer\"]");
  assert_member_equals (tag, "x-tag", "{\"weight\": 0.25, \"hidden\": false}");
  assert_member_equals (annotation, "x-ann", "{\"votes\": [1, 2], \"ok\": false}");
  assert_member_equals (annotation, "x-null", "null");
}

static void
test_unknown_keys (void)
{
  static const char text[] = "Hello world\x01\n";
  g_autofree char *folder = make_folder ("unknown-keys");
  g_autofree char *sha = text_sha256 (text);
  g_autofree char *contents = fill_template (unknown_keys_template, sha);
  g_autoptr(GlossSource) source = write_article (folder, "keys.txt", text);
  g_autoptr(GFile) file = put_file (folder, "keys.txt.alice.gloss.json", contents, -1);
  g_autoptr(GlossAnnotationFile) loaded = NULL;
  g_autoptr(GlossAnnotationFile) opened = NULL;
  g_autofree char *serialized = NULL;

  g_assert_cmpuint (gloss_source_get_length (source), ==, 13);

  /* Unchanged: byte for byte. */
  assert_resave_identical (file);

  /* Attached to its article and saved: still byte for byte. */
  loaded = load_ok (file);
  attach_ok (loaded, source);
  g_assert_false (is_dirty (loaded));
  save_ok (loaded);
  assert_file_bytes (file, contents, strlen (contents));

  /* Changed and saved: the unknown keys are still there. */
  annotate_text (loaded, "topic", "world", "world", "added");
  save_ok (loaded);
  assert_unknown_keys_kept (file);
  g_clear_object (&loaded);

  /* And through open, with the default codebook, after more changes. */
  opened = open_ok (file);
  gloss_layer_set_note (gloss_annotation_file_get_layer (opened), lookup (opened, "k1"), "changed");
  save_ok (opened);
  assert_unknown_keys_kept (file);
  assert_resave_identical (file);

  /* What would be written keeps them too. */
  serialized = gloss_annotation_file_serialize (opened, NULL);
  g_assert_nonnull (strstr (serialized, "\"x-flag\": true"));
}

/* A file's own description of a tag keeps its unknown keys even when the
 * folder's codebook has a tag of the same id. */
static void
test_tag_keys_with_codebook (void)
{
  static const char text[] = "Hello world\x01\n";
  g_autofree char *folder = make_folder ("tag-keys");
  g_autofree char *sha = text_sha256 (text);
  g_autofree char *template = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GlossSource) source = write_article (folder, "keys.txt", text);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GlossAnnotationFile) opened = NULL;
  GString *edit;

  /* The same file, its tag renamed to one of the default codebook. */
  edit = g_string_new (unknown_keys_template);
  g_string_replace (edit, "\"topic\"", "\"claim\"", 0);
  template = g_string_free (edit, FALSE);
  contents = fill_template (template, sha);
  file = put_file (folder, "keys.txt.alice.gloss.json", contents, -1);

  opened = open_ok (file);
  gloss_layer_set_note (gloss_annotation_file_get_layer (opened), lookup (opened, "k1"), "changed");
  save_ok (opened);

  {
    g_autoptr(JsonNode) root = parse_file (file);
    JsonArray *tags = json_object_get_array_member (json_node_get_object (root), "tags");
    JsonObject *tag = json_array_get_object_element (tags, 0);

    g_assert_cmpuint (json_array_get_length (tags), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (tag, "id"), ==, "claim");
    assert_member_equals (tag, "x-tag", "{\"weight\": 0.25, \"hidden\": false}");
  }
}

/* Refusals */

#define SHA_0 "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
#define SOURCE_WITH(path) \
  "\"source\": {\"path\": " path ", \"sha256\": \"" SHA_0 "\", \"text_sha256\": \"" SHA_0 "\", " \
  "\"encoding\": \"UTF-8\", \"media_type\": \"text/plain\", \"length\": 11}"
#define SOURCE SOURCE_WITH ("\"c.txt\"")
#define ANNOTATOR_WITH(id) "\"annotator\": {\"id\": " id ", \"name\": \"Alice\"}"
#define ANNOTATOR ANNOTATOR_WITH ("\"alice\"")
#define FILE_WITH(source, annotator, annotations) \
  "{\"gloss\": 1, " source ", " annotator ", \"tags\": [], \"annotations\": [" annotations "]}"
#define FILE_OF(annotations) FILE_WITH (SOURCE, ANNOTATOR, annotations)
#define ANNOTATION_A1 "\"id\": \"a1\", \"tag\": \"claim\", \"start\": 0, \"end\": 5, \"quote\": \"hello\""

typedef struct
{
  const char *name;
  const char *data;
  int code;
} BadFile;

static const BadFile bad_files[] = {
  { "empty", "", GLOSS_ERROR_PARSE },
  { "blank", " \n\t\n", GLOSS_ERROR_PARSE },
  { "not-json", "Gloss annotations of c.txt\n", GLOSS_ERROR_PARSE },
  { "truncated", "{\"gloss\": 1, \"source\": {\"path\": \"c.t", GLOSS_ERROR_PARSE },
  { "trailing-comma",
    "{\"gloss\": 1, " SOURCE ", " ANNOTATOR ", \"tags\": [], \"annotations\": [],}", GLOSS_ERROR_PARSE },
  { "trailing-comma-in-list", FILE_OF ("{" ANNOTATION_A1 "},"), GLOSS_ERROR_PARSE },
  { "single-quotes", "{'gloss': 1}", GLOSS_ERROR_PARSE },
  { "comment", "// Gloss\n" FILE_OF (""), GLOSS_ERROR_PARSE },
  { "text-after", FILE_OF ("") " x", GLOSS_ERROR_PARSE },
  { "two-documents", FILE_OF ("") "\n" FILE_OF (""), GLOSS_ERROR_PARSE },
  { "array", "[" FILE_OF ("") "]", GLOSS_ERROR_NOT_GLOSS },
  { "string", "\"gloss\"", GLOSS_ERROR_NOT_GLOSS },
  { "number", "1", GLOSS_ERROR_NOT_GLOSS },
  { "null", "null", GLOSS_ERROR_NOT_GLOSS },
  { "empty-object", "{}", GLOSS_ERROR_NOT_GLOSS },
  { "no-gloss", "{" SOURCE ", " ANNOTATOR ", \"tags\": [], \"annotations\": []}", GLOSS_ERROR_NOT_GLOSS },
  { "gloss-string",
    "{\"gloss\": \"1\", " SOURCE ", " ANNOTATOR ", \"tags\": [], \"annotations\": []}", GLOSS_ERROR_NOT_GLOSS },
  { "gloss-zero",
    "{\"gloss\": 0, " SOURCE ", " ANNOTATOR ", \"tags\": [], \"annotations\": []}", GLOSS_ERROR_NOT_GLOSS },
  { "gloss-negative",
    "{\"gloss\": -1, " SOURCE ", " ANNOTATOR ", \"tags\": [], \"annotations\": []}", GLOSS_ERROR_NOT_GLOSS },
  { "gloss-fraction",
    "{\"gloss\": 1.5, " SOURCE ", " ANNOTATOR ", \"tags\": [], \"annotations\": []}", GLOSS_ERROR_NOT_GLOSS },
  { "gloss-true",
    "{\"gloss\": true, " SOURCE ", " ANNOTATOR ", \"tags\": [], \"annotations\": []}", GLOSS_ERROR_NOT_GLOSS },
  { "gloss-2",
    "{\"gloss\": 2, " SOURCE ", " ANNOTATOR ", \"tags\": [], \"annotations\": []}", GLOSS_ERROR_NEWER_VERSION },
  { "gloss-2-other-shape",
    "{\"gloss\": 2, \"documents\": [{\"path\": \"c.txt\"}], \"annotations\": {\"a1\": [0, 5]}}",
    GLOSS_ERROR_NEWER_VERSION },
  { "no-source", "{\"gloss\": 1, " ANNOTATOR ", \"tags\": [], \"annotations\": []}", GLOSS_ERROR_INVALID },
  { "source-string",
    "{\"gloss\": 1, \"source\": \"c.txt\", " ANNOTATOR ", \"tags\": [], \"annotations\": []}",
    GLOSS_ERROR_INVALID },
  { "no-source-path",
    "{\"gloss\": 1, \"source\": {\"sha256\": \"" SHA_0 "\", \"text_sha256\": \"" SHA_0 "\"}, "
    ANNOTATOR ", \"tags\": [], \"annotations\": []}", GLOSS_ERROR_INVALID },
  { "no-text-sha256",
    "{\"gloss\": 1, \"source\": {\"path\": \"c.txt\"}, " ANNOTATOR ", \"tags\": [], \"annotations\": []}",
    GLOSS_ERROR_INVALID },
  { "source-path-number", FILE_WITH (SOURCE_WITH ("7"), ANNOTATOR, ""), GLOSS_ERROR_INVALID },
  { "source-path-null", FILE_WITH (SOURCE_WITH ("null"), ANNOTATOR, ""), GLOSS_ERROR_INVALID },
  { "source-length-negative",
    "{\"gloss\": 1, \"source\": {\"path\": \"c.txt\", \"text_sha256\": \"" SHA_0 "\", \"length\": -1}, "
    ANNOTATOR ", \"tags\": [], \"annotations\": []}", GLOSS_ERROR_INVALID },
  { "path-parent", FILE_WITH (SOURCE_WITH ("\"../x.txt\""), ANNOTATOR, ""), GLOSS_ERROR_UNSAFE_PATH },
  { "path-absolute", FILE_WITH (SOURCE_WITH ("\"/etc/passwd\""), ANNOTATOR, ""), GLOSS_ERROR_UNSAFE_PATH },
  { "path-subfolder", FILE_WITH (SOURCE_WITH ("\"sub/x.txt\""), ANNOTATOR, ""), GLOSS_ERROR_UNSAFE_PATH },
  { "path-dot-dot", FILE_WITH (SOURCE_WITH ("\"..\""), ANNOTATOR, ""), GLOSS_ERROR_UNSAFE_PATH },
  { "path-dot", FILE_WITH (SOURCE_WITH ("\".\""), ANNOTATOR, ""), GLOSS_ERROR_UNSAFE_PATH },
  { "path-empty", FILE_WITH (SOURCE_WITH ("\"\""), ANNOTATOR, ""), GLOSS_ERROR_UNSAFE_PATH },
  { "path-backslash", FILE_WITH (SOURCE_WITH ("\"..\\\\x.txt\""), ANNOTATOR, ""), GLOSS_ERROR_UNSAFE_PATH },
  { "path-drive", FILE_WITH (SOURCE_WITH ("\"C:x.txt\""), ANNOTATOR, ""), GLOSS_ERROR_UNSAFE_PATH },
  { "path-escaped-slash", FILE_WITH (SOURCE_WITH ("\"..\\/x.txt\""), ANNOTATOR, ""), GLOSS_ERROR_UNSAFE_PATH },
  { "no-annotator", "{\"gloss\": 1, " SOURCE ", \"tags\": [], \"annotations\": []}", GLOSS_ERROR_INVALID },
  { "annotator-bad-id", FILE_WITH (SOURCE, ANNOTATOR_WITH ("\"Bad Id\""), ""), GLOSS_ERROR_INVALID },
  { "annotator-underscore", FILE_WITH (SOURCE, ANNOTATOR_WITH ("\"bad_id\""), ""), GLOSS_ERROR_INVALID },
  { "annotator-empty", FILE_WITH (SOURCE, ANNOTATOR_WITH ("\"\""), ""), GLOSS_ERROR_INVALID },
  { "annotator-number", FILE_WITH (SOURCE, ANNOTATOR_WITH ("3"), ""), GLOSS_ERROR_INVALID },
  { "annotations-object",
    "{\"gloss\": 1, " SOURCE ", " ANNOTATOR ", \"tags\": [], \"annotations\": {}}", GLOSS_ERROR_INVALID },
  { "annotation-not-object", FILE_OF ("[]"), GLOSS_ERROR_INVALID },
  { "annotation-no-quote",
    FILE_OF ("{\"id\": \"a1\", \"tag\": \"claim\", \"start\": 0, \"end\": 5}"), GLOSS_ERROR_INVALID },
  { "annotation-no-id",
    FILE_OF ("{\"tag\": \"claim\", \"start\": 0, \"end\": 5, \"quote\": \"hello\"}"), GLOSS_ERROR_INVALID },
  { "annotation-empty-id",
    FILE_OF ("{\"id\": \"\", \"tag\": \"claim\", \"start\": 0, \"end\": 5, \"quote\": \"hello\"}"),
    GLOSS_ERROR_INVALID },
  { "annotation-no-tag",
    FILE_OF ("{\"id\": \"a1\", \"start\": 0, \"end\": 5, \"quote\": \"hello\"}"), GLOSS_ERROR_INVALID },
  { "annotation-no-end",
    FILE_OF ("{\"id\": \"a1\", \"tag\": \"claim\", \"start\": 0, \"quote\": \"hello\"}"), GLOSS_ERROR_INVALID },
  { "annotation-bad-tag",
    FILE_OF ("{\"id\": \"a1\", \"tag\": \"Claim!\", \"start\": 0, \"end\": 5, \"quote\": \"hello\"}"),
    GLOSS_ERROR_INVALID },
  { "start-string",
    FILE_OF ("{\"id\": \"a1\", \"tag\": \"claim\", \"start\": \"0\", \"end\": 5, \"quote\": \"hello\"}"),
    GLOSS_ERROR_INVALID },
  { "start-negative",
    FILE_OF ("{\"id\": \"a1\", \"tag\": \"claim\", \"start\": -1, \"end\": 4, \"quote\": \"hello\"}"),
    GLOSS_ERROR_INVALID },
  { "start-fraction",
    FILE_OF ("{\"id\": \"a1\", \"tag\": \"claim\", \"start\": 0.5, \"end\": 5, \"quote\": \"hello\"}"),
    GLOSS_ERROR_INVALID },
  { "start-null",
    FILE_OF ("{\"id\": \"a1\", \"tag\": \"claim\", \"start\": null, \"end\": 5, \"quote\": \"hello\"}"),
    GLOSS_ERROR_INVALID },
  { "end-huge",
    FILE_OF ("{\"id\": \"a1\", \"tag\": \"claim\", \"start\": 0, \"end\": 4294967296, \"quote\": \"hello\"}"),
    GLOSS_ERROR_INVALID },
  { "start-equals-end",
    FILE_OF ("{\"id\": \"a1\", \"tag\": \"claim\", \"start\": 5, \"end\": 5, \"quote\": \"\"}"),
    GLOSS_ERROR_OUT_OF_RANGE },
  { "start-after-end",
    FILE_OF ("{\"id\": \"a1\", \"tag\": \"claim\", \"start\": 5, \"end\": 2, \"quote\": \"hel\"}"),
    GLOSS_ERROR_OUT_OF_RANGE },
  { "quote-too-short",
    FILE_OF ("{\"id\": \"a1\", \"tag\": \"claim\", \"start\": 0, \"end\": 5, \"quote\": \"hell\"}"),
    GLOSS_ERROR_INVALID },
  { "quote-too-long",
    FILE_OF ("{\"id\": \"a1\", \"tag\": \"claim\", \"start\": 0, \"end\": 5, \"quote\": \"hello!\"}"),
    GLOSS_ERROR_INVALID },
  { "quote-number",
    FILE_OF ("{\"id\": \"a1\", \"tag\": \"claim\", \"start\": 0, \"end\": 5, \"quote\": 12345}"),
    GLOSS_ERROR_INVALID },
  { "bad-status", FILE_OF ("{" ANNOTATION_A1 ", \"status\": \"lost\"}"), GLOSS_ERROR_INVALID },
  { "bad-created", FILE_OF ("{" ANNOTATION_A1 ", \"created\": \"yesterday\"}"), GLOSS_ERROR_INVALID },
  { "note-object", FILE_OF ("{" ANNOTATION_A1 ", \"note\": {\"text\": \"x\"}}"), GLOSS_ERROR_INVALID },
  { "tag-bad-color",
    "{\"gloss\": 1, " SOURCE ", " ANNOTATOR ", \"tags\": [{\"id\": \"claim\", \"color\": \"red\"}], "
    "\"annotations\": []}", GLOSS_ERROR_INVALID },
  { "tag-no-id",
    "{\"gloss\": 1, " SOURCE ", " ANNOTATOR ", \"tags\": [{\"label\": \"Claim\"}], \"annotations\": []}",
    GLOSS_ERROR_INVALID },
  { "duplicate-id",
    FILE_OF ("{" ANNOTATION_A1 "}, "
             "{\"id\": \"a1\", \"tag\": \"claim\", \"start\": 6, \"end\": 11, \"quote\": \"world\"}"),
    GLOSS_ERROR_DUPLICATE_ID },
  { "duplicate-key-top",
    "{\"gloss\": 1, \"gloss\": 1, " SOURCE ", " ANNOTATOR ", \"tags\": [], \"annotations\": []}",
    GLOSS_ERROR_INVALID },
  { "duplicate-key-source",
    "{\"gloss\": 1, \"source\": {\"path\": \"c.txt\", \"path\": \"d.txt\", \"text_sha256\": \"" SHA_0 "\"}, "
    ANNOTATOR ", \"tags\": [], \"annotations\": []}", GLOSS_ERROR_INVALID },
  { "duplicate-key-annotation",
    FILE_OF ("{" ANNOTATION_A1 ", \"start\": 0}"), GLOSS_ERROR_INVALID },
  { "duplicate-key-unknown",
    "{\"gloss\": 1, " SOURCE ", " ANNOTATOR ", \"tags\": [], \"annotations\": [], "
    "\"x\": {\"a\": 1, \"a\": 2}}", GLOSS_ERROR_PARSE },
  { "invalid-utf8",
    FILE_OF ("{\"id\": \"a1\", \"tag\": \"claim\", \"start\": 0, \"end\": 5, \"quote\": \"hell\xff\"}"),
    GLOSS_ERROR_PARSE },
  { "invalid-utf8-key", "{\"gloss\": 1, \"\xc3\x28\": 1}", GLOSS_ERROR_PARSE },
  { "overlong-utf8", FILE_OF ("{" ANNOTATION_A1 ", \"note\": \"\xc0\xaf\"}"), GLOSS_ERROR_PARSE },
  { "utf16-surrogate-bytes", FILE_OF ("{" ANNOTATION_A1 ", \"note\": \"\xed\xa0\x80\"}"), GLOSS_ERROR_PARSE },
  { "nul-escape", FILE_OF ("{" ANNOTATION_A1 ", \"note\": \"a\\u0000b\"}"), GLOSS_ERROR_PARSE },
  { "nul-escape-in-path", FILE_WITH (SOURCE_WITH ("\"c.txt\\u0000.json\""), ANNOTATOR, ""), GLOSS_ERROR_PARSE },
  { "lone-surrogate-escape", FILE_OF ("{" ANNOTATION_A1 ", \"note\": \"\\ud800\"}"), GLOSS_ERROR_PARSE },
  { "raw-newline-in-string", FILE_OF ("{" ANNOTATION_A1 ", \"note\": \"a\nb\"}"), GLOSS_ERROR_PARSE },
};

static char *
nested_arrays (guint depth)
{
  GString *json = g_string_new ("{\"gloss\": 1, " SOURCE ", " ANNOTATOR ", "
                                "\"tags\": [], \"annotations\": [], \"x\": ");

  /* The file's own object is the first level. */
  for (guint i = 1; i < depth; i++)
    g_string_append_c (json, '[');
  for (guint i = 1; i < depth; i++)
    g_string_append_c (json, ']');
  g_string_append (json, "}");

  return g_string_free (json, FALSE);
}

/* Loads @file every way there is and checks each refuses it with @code,
 * names it, and leaves its bytes alone. */
static void
assert_refused (GFile          *file,
                GlossLoadFlags  flags,
                int             code)
{
  g_autofree char *before = NULL;
  gsize before_length;

  before = read_all (file, &before_length);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GlossAnnotationFile) self = NULL;

    self = gloss_annotation_file_load (file, flags, NULL, &error);
    g_assert_null (self);
    g_assert_error (error, GLOSS_ERROR, code);
    assert_names_file (error, file);
    g_test_message ("load: %s", error->message);
  }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GlossAnnotationFile) self = NULL;

    self = gloss_annotation_file_open (file, flags, NULL, &error);
    g_assert_null (self);
    g_assert_error (error, GLOSS_ERROR, code);
    assert_names_file (error, file);
  }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GlossAnnotationFile) self = NULL;

    self = gloss_annotation_file_load_from_data (file, before, before_length, flags, &error);
    g_assert_null (self);
    g_assert_error (error, GLOSS_ERROR, code);
    assert_names_file (error, file);
  }

  assert_file_bytes (file, before, before_length);
}

static void
test_refused (void)
{
  g_autofree char *folder = make_folder ("refused");
  g_autoptr(GlossSource) article = write_article (folder, "c.txt", "hello world");

  /* The corpus must be right apart from its one fault: the same file
   * without it loads. */
  {
    g_autoptr(GFile) good = put_file (folder, "good.gloss.json", FILE_OF ("{" ANNOTATION_A1 "}"), -1);
    g_autoptr(GlossAnnotationFile) loaded = load_ok (good);

    g_assert_cmpuint (n_annotations (loaded), ==, 1);
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *name = g_strdup_printf ("c.txt.%s.gloss.json", bad_files[i].name);
      g_autoptr(GFile) file = put_file (folder, name, bad_files[i].data, -1);

      g_test_message ("%s", name);
      assert_refused (file, GLOSS_LOAD_NONE, bad_files[i].code);
    }
}

static void
test_depth (void)
{
  g_autofree char *folder = make_folder ("depth");
  g_autofree char *deep_64 = nested_arrays (64);
  g_autofree char *deep_65 = nested_arrays (65);
  g_autofree char *deep_100000 = nested_arrays (100000);
  g_autoptr(GFile) ok = put_file (folder, "ok.gloss.json", deep_64, -1);
  g_autoptr(GFile) too_deep = put_file (folder, "too-deep.gloss.json", deep_65, -1);
  g_autoptr(GFile) far_too_deep = put_file (folder, "far-too-deep.gloss.json", deep_100000, -1);
  g_autoptr(GlossAnnotationFile) loaded = NULL;
  g_autofree char *serialized = NULL;

  loaded = load_ok (ok);
  serialized = gloss_annotation_file_serialize (loaded, NULL);
  g_assert_nonnull (strstr (serialized, "\"x\": ["));

  assert_refused (too_deep, GLOSS_LOAD_NONE, GLOSS_ERROR_TOO_DEEP);
  assert_refused (far_too_deep, GLOSS_LOAD_NONE, GLOSS_ERROR_TOO_DEEP);
}

static void
test_too_large (void)
{
  static const char head[] = "{\"gloss\": 1, \"x\": \"";
  g_autofree char *folder = make_folder ("too-large");
  g_autofree char *path = g_build_filename (folder, "big.txt.alice.gloss.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossAnnotationFile) self = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  char first[sizeof head] = { 0 };
  struct stat st;
  FILE *stream;

  /* Sparse: 256 MiB and one byte, with no disk space used. */
  g_file_set_contents (path, head, strlen (head), &error);
  g_assert_no_error (error);
  g_assert_cmpint (truncate (path, (off_t)GLOSS_ANNOTATION_FILE_MAX_SIZE + 1), ==, 0);

  self = gloss_annotation_file_load (file, GLOSS_LOAD_NONE, NULL, &error);
  g_assert_null (self);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);
  assert_names_file (error, file);
  g_clear_error (&error);

  self = gloss_annotation_file_open (file, GLOSS_LOAD_NONE, NULL, &error);
  g_assert_null (self);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* The same limit holds for bytes already in memory. */
  mapped = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  self = gloss_annotation_file_load_from_data (file, g_mapped_file_get_contents (mapped),
                                               g_mapped_file_get_length (mapped),
                                               GLOSS_LOAD_NONE, &error);
  g_assert_null (self);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);
  assert_names_file (error, file);
  g_clear_pointer (&mapped, g_mapped_file_unref);

  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, (off_t)GLOSS_ANNOTATION_FILE_MAX_SIZE + 1);
  stream = fopen (path, "rb");
  g_assert_nonnull (stream);
  g_assert_cmpuint (fread (first, 1, strlen (head), stream), ==, strlen (head));
  fclose (stream);
  g_assert_cmpstr (first, ==, head);

  g_assert_cmpint (g_unlink (path), ==, 0);
}

static void
test_newer_version (void)
{
  static const char newer[] =
    "{\"gloss\": 2, " SOURCE ", " ANNOTATOR ", \"tags\": [], \"annotations\": [{" ANNOTATION_A1
    ", \"confidence\": 0.5}], \"layers\": [\"a\", \"b\"]}";
  g_autofree char *folder = make_folder ("newer");
  g_autoptr(GlossSource) article = write_article (folder, "c.txt", "hello world");
  g_autoptr(GFile) file = put_file (folder, "c.txt.alice.gloss.json", newer, -1);
  g_autoptr(GlossAnnotationFile) self = NULL;
  g_autoptr(GError) error = NULL;

  assert_refused (file, GLOSS_LOAD_NONE, GLOSS_ERROR_NEWER_VERSION);

  self = gloss_annotation_file_load (file, GLOSS_LOAD_ALLOW_NEWER, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (self);
  g_assert_true (gloss_annotation_file_get_read_only (self));
  g_assert_cmpuint (gloss_annotation_file_get_format_version (self), ==, 2);
  g_assert_cmpuint (n_annotations (self), ==, 1);

  g_assert_false (gloss_annotation_file_save (self, GLOSS_SAVE_NONE, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_READ_ONLY);
  assert_names_file (error, file);
  g_clear_error (&error);

  /* Forcing does not make a read-only file writable. */
  g_assert_false (gloss_annotation_file_save (self, GLOSS_SAVE_OVERWRITE, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_READ_ONLY);
  g_clear_error (&error);
  assert_file_bytes (file, newer, strlen (newer));
  g_clear_object (&self);

  /* Opened with its article: still read-only. */
  self = gloss_annotation_file_open (file, GLOSS_LOAD_ALLOW_NEWER, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_annotation_file_get_read_only (self));
  g_assert_false (gloss_annotation_file_save (self, GLOSS_SAVE_NONE, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_READ_ONLY);
  g_clear_error (&error);
  assert_file_bytes (file, newer, strlen (newer));

  /* A newer file this version cannot make sense of is still reported as
   * newer, not as broken, even when newer files are allowed. */
  {
    g_autoptr(GFile) other = put_file (folder, "c.txt.bob.gloss.json",
                                       "{\"gloss\": 3, \"annotations\": {\"a1\": [0, 5]}}", -1);

    assert_refused (other, GLOSS_LOAD_ALLOW_NEWER, GLOSS_ERROR_NEWER_VERSION);
  }
}

/* A file of the article "short.txt" whose text hash matches it. */
static char *
short_file (const char *annotations)
{
  g_autofree char *sha = text_sha256 ("hello world");

  return g_strdup_printf ("{\"gloss\": 1, \"source\": {\"path\": \"short.txt\", \"sha256\": \"%s\", "
                          "\"text_sha256\": \"%s\", \"encoding\": \"UTF-8\", \"media_type\": \"text/plain\", "
                          "\"length\": 11}, \"annotator\": {\"id\": \"alice\", \"name\": \"Alice\"}, "
                          "\"tags\": [], \"annotations\": [%s]}",
                          sha, sha, annotations);
}

static void
test_attach_out_of_range (void)
{
  static const char * const cases[] = {
    "{\"id\": \"a1\", \"tag\": \"claim\", \"start\": 6, \"end\": 12, \"quote\": \"world!\"}",
    "{\"id\": \"a1\", \"tag\": \"claim\", \"start\": 20, \"end\": 25, \"quote\": \"world\"}",
    "{\"id\": \"a0\", \"tag\": \"claim\", \"start\": 0, \"end\": 5, \"quote\": \"hello\"}, "
    "{\"id\": \"a1\", \"tag\": \"claim\", \"start\": 4294967290, \"end\": 4294967295, \"quote\": \"hello\"}",
  };
  g_autofree char *folder = make_folder ("out-of-range");
  g_autoptr(GlossSource) article = write_article (folder, "short.txt", "hello world");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *contents = short_file (cases[i]);
      g_autoptr(GFile) file = put_file (folder, "short.txt.alice.gloss.json", contents, -1);
      g_autoptr(GlossAnnotationFile) self = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i]);

      self = load_ok (file);
      g_assert_false (gloss_annotation_file_get_read_only (self));
      g_assert_false (gloss_annotation_file_attach_source (self, article, &error));
      g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_OUT_OF_RANGE);
      assert_names_file (error, file);
      g_assert_nonnull (strstr (error->message, "a1"));
      g_clear_error (&error);
      g_assert_true (gloss_annotation_file_get_read_only (self));

      g_assert_false (gloss_annotation_file_save (self, GLOSS_SAVE_NONE, NULL, &error));
      g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_READ_ONLY);
      g_clear_error (&error);
      g_assert_false (gloss_annotation_file_save (self, GLOSS_SAVE_OVERWRITE, NULL, &error));
      g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_READ_ONLY);
      g_clear_error (&error);

      assert_file_bytes (file, contents, strlen (contents));
      g_clear_object (&self);

      self = gloss_annotation_file_open (file, GLOSS_LOAD_NONE, NULL, &error);
      g_assert_null (self);
      g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_OUT_OF_RANGE);
      assert_names_file (error, file);
      assert_file_bytes (file, contents, strlen (contents));
    }
}

/* The article is the one the file was written for, yet a quote is not at
 * its offsets: the quote is found instead, and the user told. */
static void
test_quote_not_at_offsets (void)
{
  g_autofree char *folder = make_folder ("misplaced");
  g_autoptr(GlossSource) article = write_article (folder, "short.txt", "hello world");
  g_autofree char *contents =
    short_file ("{\"id\": \"a1\", \"tag\": \"claim\", \"start\": 0, \"end\": 5, \"quote\": \"world\"}, "
                "{\"id\": \"a2\", \"tag\": \"claim\", \"start\": 0, \"end\": 5, \"quote\": \"hello\"}");
  g_autoptr(GFile) file = put_file (folder, "short.txt.alice.gloss.json", contents, -1);
  g_autoptr(GlossAnnotationFile) self = load_ok (file);
  GPtrArray *problems;
  GlossAnnotation *a1;

  attach_ok (self, article);
  problems = gloss_annotation_file_get_problems (self);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "a1"));

  a1 = lookup (self, "a1");
  g_assert_cmpuint (gloss_annotation_get_start (a1), ==, 6);
  g_assert_cmpuint (gloss_annotation_get_end (a1), ==, 11);
  g_assert_cmpint (gloss_annotation_get_status (a1), ==, GLOSS_ANCHOR_MOVED);
  g_assert_cmpint (gloss_annotation_get_status (lookup (self, "a2")), ==, GLOSS_ANCHOR_ANCHORED);
  g_assert_false (gloss_annotation_file_get_read_only (self));
  g_assert_true (is_dirty (self));

  /* The layer is still in order after the move. */
  g_assert_true (nth_annotation (self, 0) == lookup (self, "a2"));
  g_assert_true (nth_annotation (self, 1) == a1);
}

/* Saving */

static GlossAnnotationFile *
saved_file (const char *folder,
            const char *article_name)
{
  g_autoptr(GlossSource) source = NULL;
  GlossAnnotationFile *self;

  source = write_article (folder, article_name,
                          "Acme Corp announced record profits.\nCritics disputed the figures.\n");
  self = gloss_annotation_file_new (source, "alice", "Alice");
  annotate_text (self, "company", "Acme", "Acme Corp", "first");
  save_ok (self);

  return self;
}

static void
test_changed_on_disk (void)
{
  static const char other[] = "{\"written\": \"by someone else\"}\n";
  g_autofree char *folder = make_folder ("changed-on-disk");
  g_autoptr(GlossAnnotationFile) self = saved_file (folder, "a.txt");
  g_autoptr(GError) error = NULL;
  g_autofree char *serialized = NULL;
  gsize serialized_length;
  GFile *file = gloss_annotation_file_get_file (self);

  g_assert_false (gloss_annotation_file_changed_on_disk (self, NULL));

  rewrite_file (file, other, -1);
  g_assert_true (gloss_annotation_file_changed_on_disk (self, NULL));

  annotate_text (self, "controversy", "Critics", "disputed", NULL);
  g_assert_false (gloss_annotation_file_save (self, GLOSS_SAVE_NONE, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED_ON_DISK);
  assert_names_file (error, file);
  g_clear_error (&error);
  assert_file_bytes (file, other, strlen (other));
  g_assert_true (is_dirty (self));

  /* Still refused the second time: nothing was written in between. */
  g_assert_false (gloss_annotation_file_save (self, GLOSS_SAVE_NONE, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  assert_file_bytes (file, other, strlen (other));

  g_assert_true (gloss_annotation_file_save (self, GLOSS_SAVE_OVERWRITE, NULL, &error));
  g_assert_no_error (error);
  serialized = gloss_annotation_file_serialize (self, &serialized_length);
  assert_file_bytes (file, serialized, serialized_length);
  g_assert_false (gloss_annotation_file_changed_on_disk (self, NULL));
  g_assert_false (is_dirty (self));

  /* After forcing, ordinary saves work again. */
  gloss_layer_set_note (gloss_annotation_file_get_layer (self), nth_annotation (self, 0), "again");
  save_ok (self);
  assert_file_has (file, "\"note\": \"again\"");
}

/* Another writer rewrites the file so quickly that its modification time
 * does not change (clocks tick in milliseconds): still a change. */
static void
test_changed_in_same_tick (void)
{
  g_autofree char *folder = make_folder ("same-tick");
  g_autoptr(GlossAnnotationFile) self = saved_file (folder, "a.txt");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *other = NULL;
  struct timespec mtime;
  GFile *file = gloss_annotation_file_get_file (self);
  char *at;

  contents = read_all (file, NULL);
  mtime = get_mtime (file);

  /* Same size, one letter different, same time. */
  other = g_strdup (contents);
  at = strstr (other, "\"note\": \"first\"");
  g_assert_nonnull (at);
  at[strlen ("\"note\": \"")] = 'F';
  rewrite_file (file, other, -1);
  set_mtime (file, &mtime);

  g_assert_true (gloss_annotation_file_changed_on_disk (self, NULL));
  annotate_text (self, "controversy", "Critics", "disputed", NULL);
  g_assert_false (gloss_annotation_file_save (self, GLOSS_SAVE_NONE, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED_ON_DISK);
  assert_file_bytes (file, other, strlen (other));
}

/* A checkout or a sync that writes the same bytes again is no change. */
static void
test_touched_not_changed (void)
{
  g_autofree char *folder = make_folder ("touched");
  g_autoptr(GlossAnnotationFile) self = saved_file (folder, "a.txt");
  g_autoptr(GlossAnnotationFile) loaded = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  struct timespec mtime;
  GFile *file = gloss_annotation_file_get_file (self);

  contents = read_all (file, &length);
  loaded = load_ok (file);

  rewrite_file (file, contents, length);
  mtime = get_mtime (file);
  mtime.tv_sec += 10;
  set_mtime (file, &mtime);

  g_assert_false (gloss_annotation_file_changed_on_disk (self, NULL));
  g_assert_false (gloss_annotation_file_changed_on_disk (loaded, NULL));

  annotate_text (self, "controversy", "Critics", "disputed", NULL);
  save_ok (self);
  assert_file_has (file, "\"quote\": \"disputed\"");

  /* The other object has now really been overtaken. */
  g_assert_true (gloss_annotation_file_changed_on_disk (loaded, NULL));
}

/* A file that disappeared is written again: nothing is lost by it. */
static void
test_vanished (void)
{
  g_autofree char *folder = make_folder ("vanished");
  g_autoptr(GlossAnnotationFile) self = saved_file (folder, "a.txt");
  g_autofree char *serialized = NULL;
  gsize length;
  GFile *file = gloss_annotation_file_get_file (self);

  g_assert_true (g_file_delete (file, NULL, NULL));
  g_assert_false (gloss_annotation_file_changed_on_disk (self, NULL));
  save_ok (self);
  serialized = gloss_annotation_file_serialize (self, &length);
  assert_file_bytes (file, serialized, length);
}

/* A new file whose place is taken (another session's, or a file that was
 * not listed) is never silently replaced. */
static void
test_new_file_exists (void)
{
  g_autofree char *folder = make_folder ("new-exists");
  g_autoptr(GlossAnnotationFile) first = saved_file (folder, "a.txt");
  g_autoptr(GlossAnnotationFile) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *serialized = NULL;
  gsize before_length, length;
  GFile *file = gloss_annotation_file_get_file (first);

  before = read_all (file, &before_length);

  second = gloss_annotation_file_new (gloss_annotation_file_get_source (first), "alice", "Alice");
  g_assert_true (g_file_equal (gloss_annotation_file_get_file (second), file));
  g_assert_true (gloss_annotation_file_changed_on_disk (second, NULL));

  g_assert_false (gloss_annotation_file_save (second, GLOSS_SAVE_NONE, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED_ON_DISK);
  assert_names_file (error, file);
  g_clear_error (&error);
  assert_file_bytes (file, before, before_length);

  annotate_text (second, "controversy", "Critics", "disputed", NULL);
  g_assert_false (gloss_annotation_file_save (second, GLOSS_SAVE_NONE, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  assert_file_bytes (file, before, before_length);

  g_assert_true (gloss_annotation_file_save (second, GLOSS_SAVE_OVERWRITE, NULL, &error));
  g_assert_no_error (error);
  serialized = gloss_annotation_file_serialize (second, &length);
  assert_file_bytes (file, serialized, length);
}

static void
test_save_copy (void)
{
  g_autofree char *folder = make_folder ("save-copy");
  g_autoptr(GlossAnnotationFile) self = saved_file (folder, "a.txt");
  g_autoptr(GFile) taken = put_file (folder, "taken.gloss.json", "keep me\n", -1);
  g_autoptr(GFile) destination = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *serialized = NULL;
  gsize before_length, length;
  GFile *file = gloss_annotation_file_get_file (self);

  before = read_all (file, &before_length);
  annotate_text (self, "controversy", "Critics", "disputed", NULL);

  g_assert_false (gloss_annotation_file_save_copy (self, taken, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  assert_names_file (error, taken);
  g_clear_error (&error);
  assert_file_bytes (taken, "keep me\n", strlen ("keep me\n"));

  /* Not even over the file itself. */
  g_assert_false (gloss_annotation_file_save_copy (self, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  assert_file_bytes (file, before, before_length);

  destination = g_file_new_build_filename (folder, "copy.gloss.json", NULL);
  g_assert_true (gloss_annotation_file_save_copy (self, destination, NULL, &error));
  g_assert_no_error (error);
  serialized = gloss_annotation_file_serialize (self, &length);
  assert_file_bytes (destination, serialized, length);

  /* The file itself is as it was, and still the one that is saved. */
  g_assert_true (g_file_equal (gloss_annotation_file_get_file (self), file));
  assert_file_bytes (file, before, before_length);
  g_assert_true (is_dirty (self));
  g_assert_false (gloss_annotation_file_changed_on_disk (self, NULL));
  save_ok (self);
  assert_file_bytes (file, serialized, length);
}

/* Root ignores permissions, so a child that must meet them first becomes
 * nobody; FALSE when it cannot. */
static gboolean
drop_privileges (void)
{
  if (geteuid () != 0)
    return TRUE;

  if (setgroups (0, NULL) != 0 || setgid (NOBODY) != 0 || setuid (NOBODY) != 0)
    return FALSE;

  return geteuid () == NOBODY && getegid () == NOBODY;
}

/* The folder a child shares with its parent. */
static char *
shared_folder (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static gboolean
child_skipped (const char *folder)
{
  g_autofree char *marker = g_build_filename (folder, "skipped", NULL);

  return g_file_test (marker, G_FILE_TEST_EXISTS);
}

static void
child_skip (const char *folder)
{
  g_autofree char *marker = g_build_filename (folder, "skipped", NULL);

  g_file_set_contents (marker, "", 0, NULL);
}

/* In a folder nobody may write in, a save fails, says why, and leaves the
 * file and the folder as they were.  When the file itself may be written,
 * GLib writes it in place instead: that may succeed, but must then leave
 * the whole new content. */
static void
child_save_in_read_only_folder (const char *folder,
                                gboolean    file_writable)
{
  g_autofree char *path = g_build_filename (folder, "a.txt.alice.gloss.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossAnnotationFile) self = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gsize before_length;

  before = read_all (file, &before_length);
  self = open_ok (file);
  annotate_text (self, "controversy", "Critics", "disputed", "a change that cannot be saved");

  if (gloss_annotation_file_save (self, GLOSS_SAVE_NONE, NULL, &error))
    {
      g_autofree char *serialized = NULL;
      gsize length;

      g_assert_true (file_writable);
      serialized = gloss_annotation_file_serialize (self, &length);
      assert_file_bytes (file, serialized, length);
      return;
    }

  g_assert_nonnull (error);
  g_test_message ("save: %s", error->message);
  assert_names_file (error, file);
  assert_file_bytes (file, before, before_length);
  g_assert_true (is_dirty (self));

  {
    g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
    const char *name;
    guint n = 0;

    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_test_message ("in the folder: %s", name);
        n++;
      }
    g_assert_cmpuint (n, ==, 2);
  }
}

static void
run_read_only_scenario (const char *name,
                        gboolean    file_writable)
{
  g_autofree char *folder = NULL;
  g_autoptr(GlossAnnotationFile) self = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  gsize before_length;

  if (g_test_subprocess ())
    {
      folder = shared_folder (name);
      if (!drop_privileges ())
        {
          child_skip (folder);
          return;
        }
      child_save_in_read_only_folder (folder, file_writable);
      return;
    }

  folder = make_folder (name);
  self = saved_file (folder, "a.txt");
  path = g_file_get_path (gloss_annotation_file_get_file (self));
  before = read_all (gloss_annotation_file_get_file (self), &before_length);

  g_assert_cmpint (g_chmod (tmp_dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (path, file_writable ? 0666 : 0444), ==, 0);
  if (file_writable && geteuid () == 0)
    g_assert_cmpint (chown (path, NOBODY, NOBODY), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);

  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
  if (child_skipped (folder))
    {
      g_test_skip ("cannot drop root privileges to meet file permissions");
      return;
    }
  g_test_trap_assert_passed ();
  if (!file_writable)
    assert_file_bytes (gloss_annotation_file_get_file (self), before, before_length);
}

/* Saving into a folder the user may not write in fails, and the file is
 * as it was. */
static void
test_save_read_only_folder (void)
{
  run_read_only_scenario ("read-only-folder", FALSE);
}

/* The same with a file the user may write. */
static void
test_save_read_only_folder_writable_file (void)
{
  run_read_only_scenario ("read-only-folder-writable-file", TRUE);
}

/* A save that fails part way, here because the file size limit is hit (as
 * a full disk would), leaves the old file whole; a copy that fails part
 * way is not left behind.  With @in_thread, the save is
 * gloss_annotation_file_save_bytes_async. */
static void
run_interrupted_scenario (const char *name,
                          gboolean    hard_linked,
                          gboolean    in_thread)
{
  g_autofree char *folder = NULL;
  g_autoptr(GlossAnnotationFile) self = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;

  if (g_test_subprocess ())
    {
      g_autoptr(GFile) file = NULL;
      g_autoptr(GFile) copy = NULL;
      g_autoptr(GlossAnnotationFile) opened = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *long_note = NULL;
      struct rlimit limit;
      gsize length;

      folder = shared_folder (name);
      file = g_file_new_build_filename (folder, "a.txt.alice.gloss.json", NULL);
      copy = g_file_new_build_filename (folder, "copy.gloss.json", NULL);
      before = read_all (file, &before_length);

      opened = open_ok (file);
      long_note = g_strnfill (20000, 'n');
      annotate_text (opened, "controversy", "Critics", "disputed", long_note);
      g_free (gloss_annotation_file_serialize (opened, &length));
      g_assert_cmpuint (length, >, 16384);

      signal (SIGXFSZ, SIG_IGN);
      limit.rlim_cur = limit.rlim_max = 8192;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      if (in_thread)
        g_assert_false (save_async (opened, GLOSS_SAVE_NONE, &error));
      else
        g_assert_false (gloss_annotation_file_save (opened, GLOSS_SAVE_NONE, NULL, &error));
      g_assert_nonnull (error);
      g_test_message ("save: %s", error->message);
      assert_names_file (error, file);
      g_clear_error (&error);
      g_assert_true (is_dirty (opened));

      g_assert_false (gloss_annotation_file_save_copy (opened, copy, NULL, &error));
      g_assert_nonnull (error);
      assert_names_file (error, copy);
      g_assert_false (g_file_query_exists (copy, NULL));
      return;
    }

  folder = make_folder (name);
  self = saved_file (folder, "a.txt");
  before = read_all (gloss_annotation_file_get_file (self), &before_length);
  g_assert_cmpuint (before_length, <, 8192);

  if (hard_linked)
    {
      g_autofree char *path = g_file_get_path (gloss_annotation_file_get_file (self));
      g_autofree char *link_path = g_build_filename (folder, "backup.gloss.json", NULL);

      g_assert_cmpint (link (path, link_path), ==, 0);
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  after = read_all (gloss_annotation_file_get_file (self), &after_length);
  if (hard_linked && (after_length != before_length || memcmp (after, before, before_length) != 0))
    {
      /* g_file_replace writes a file with several links in place, to keep
       * the links, so an interrupted save of such a file cannot leave it
       * whole. */
      g_test_incomplete ("an interrupted save damages a hard-linked annotation file");
      return;
    }
  g_assert_cmpmem (after, after_length, before, before_length);
}

static void
test_save_interrupted (void)
{
  run_interrupted_scenario ("interrupted", FALSE, FALSE);
}

static void
test_save_interrupted_hard_link (void)
{
  run_interrupted_scenario ("interrupted-hard-link", TRUE, FALSE);
}

static void
test_save_async_interrupted (void)
{
  run_interrupted_scenario ("async-interrupted", FALSE, TRUE);
}

static void
test_save_async_interrupted_hard_link (void)
{
  run_interrupted_scenario ("async-interrupted-hard-link", TRUE, TRUE);
}

/* Writing a slice at a time */

/* The content as a writer gives it in steps of @step annotations. */
static GBytes *
write_in_steps (GlossAnnotationFile *self,
                guint                step)
{
  g_autoptr(GlossFileWriter) writer = gloss_annotation_file_writer_new (self);
  guint n = n_annotations (self);
  guint steps = 1;

  g_assert_nonnull (writer);
  while (!gloss_file_writer_step (writer, step))
    {
      g_assert_false (gloss_file_writer_is_stale (writer));
      steps++;
    }
  g_assert_false (gloss_file_writer_is_stale (writer));

  /* Each annotation is read twice, a step at a time: once for its tag,
   * once to write it. */
  if (step < n)
    g_assert_cmpuint (steps, >=, 2 * (n / step));

  return gloss_file_writer_finish (writer);
}

/* Whatever the size of the steps, a writer gives what serialize gives. */
static void
assert_writer_matches (GlossAnnotationFile *self)
{
  static const guint step_sizes[] = { 1, 7, 1000, G_MAXUINT };
  g_autofree char *expected = NULL;
  gsize length;

  expected = gloss_annotation_file_serialize (self, &length);

  for (guint i = 0; i < G_N_ELEMENTS (step_sizes); i++)
    {
      g_autoptr(GBytes) bytes = write_in_steps (self, step_sizes[i]);

      g_assert_nonnull (bytes);
      g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), expected, length);
    }
}

/* An article of @n words "w0 w1 w2 …", and a file annotating each word,
 * with tags of the codebook and tags no one describes, and notes that
 * need escaping. */
static GlossAnnotationFile *
many_annotations (const char *folder,
                  guint       n)
{
  static const char * const tags[] = { "company", "claim", "mystery", "controversy", "other" };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GlossSource) source = NULL;
  GlossAnnotationFile *self;
  GlossLayer *layer;
  guint offset = 0;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "w%u ", i);
  source = write_article (folder, "many.txt", text->str);

  self = gloss_annotation_file_new (source, "carol", "Carol \"C\" N\xc3\xb8");
  layer = gloss_annotation_file_get_layer (self);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *word = g_strdup_printf ("w%u", i);
      g_autofree char *note = i % 3 ? NULL : g_strdup_printf ("note %u:\n\t\"quoted\" \\ caf\xc3\xa9", i);
      guint length = strlen (word);

      g_assert_nonnull (gloss_layer_annotate (layer, tags[i % G_N_ELEMENTS (tags)],
                                              offset, offset + length, note));
      offset += length + 1;
    }

  return self;
}

static void
test_writer_same_bytes (void)
{
  static const char text[] = "Hello world\x01\n";
  g_autofree char *folder = make_folder ("writer-same-bytes");
  g_autofree char *sha = text_sha256 (text);
  g_autofree char *keys = fill_template (unknown_keys_template, sha);
  g_autoptr(GlossSource) keys_source = write_article (folder, "keys.txt", text);
  g_autoptr(GFile) keys_file = put_file (folder, "keys.txt.alice.gloss.json", keys, -1);
  g_autoptr(GlossSource) short_source = write_article (folder, "short.txt", "hello world");
  g_autofree char *orphans =
    short_file ("{\"id\": \"a1\", \"tag\": \"claim\", \"start\": 0, \"end\": 5, \"quote\": \"zebra\"}, "
                "{\"id\": \"a2\", \"tag\": \"mystery\", \"start\": 6, \"end\": 11, \"quote\": \"world\"}");
  g_autoptr(GFile) orphans_file = put_file (folder, "short.txt.alice.gloss.json", orphans, -1);
  g_autoptr(GlossCodebook) codebook = gloss_codebook_new ();
  g_autoptr(GlossTag) company = gloss_tag_new ("company", "Company", "#1C71D8", "A firm");
  g_autoptr(GlossTag) topic = gloss_tag_new ("topic", "Topic", "#00aa00", NULL);
  g_autoptr(GlossAnnotationFile) empty = NULL;
  g_autoptr(GlossAnnotationFile) empty_with_codebook = NULL;
  g_autoptr(GlossAnnotationFile) with_keys = NULL;
  g_autoptr(GlossAnnotationFile) with_orphans = NULL;
  g_autoptr(GlossAnnotationFile) many = NULL;
  g_autoptr(GlossAnnotationFile) many_loaded = NULL;

  g_assert_true (gloss_codebook_add (codebook, company));
  g_assert_true (gloss_codebook_add (codebook, topic));

  /* Empty layers, with and without a codebook. */
  empty = gloss_annotation_file_new (keys_source, "bob", "Bob");
  assert_writer_matches (empty);
  empty_with_codebook = gloss_annotation_file_new (keys_source, "dan", NULL);
  gloss_annotation_file_set_codebook (empty_with_codebook, codebook);
  assert_writer_matches (empty_with_codebook);

  /* Keys Gloss does not know, at every level; then the codebook's entry
   * for the file's tag, merged with the file's own keys. */
  with_keys = load_ok (keys_file);
  attach_ok (with_keys, keys_source);
  assert_writer_matches (with_keys);
  gloss_annotation_file_set_codebook (with_keys, codebook);
  annotate_text (with_keys, "company", "world", "world", NULL);
  assert_writer_matches (with_keys);

  /* An orphan, with its status, and a tag no one describes. */
  with_orphans = load_ok (orphans_file);
  attach_ok (with_orphans, short_source);
  g_assert_cmpint (gloss_annotation_get_status (lookup (with_orphans, "a1")), ==, GLOSS_ANCHOR_ORPHANED);
  assert_writer_matches (with_orphans);

  /* Enough annotations for the large steps to take several. */
  many = many_annotations (folder, 2500);
  assert_writer_matches (many);
  save_ok (many);
  many_loaded = load_ok (gloss_annotation_file_get_file (many));
  gloss_annotation_file_set_codebook (many_loaded, codebook);
  assert_writer_matches (many_loaded);
}

/* Layers large enough to be serialized in two threads, halves odd and
 * even, with attributes, relations and keys Gloss does not know: the same
 * bytes as a writer that writes them a few at a time. */
static void
test_writer_halves (void)
{
  static const guint counts[] = { 20000, 20001, 25013 };
  g_autofree char *folder = make_folder ("writer-halves");

  for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
    {
      guint n = counts[c];
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GString) json = g_string_new (NULL);
      g_autofree char *sha = NULL;
      g_autofree char *name = g_strdup_printf ("halves-%u.txt", n);
      g_autofree char *file_name = g_strconcat (name, ".alice.gloss.json", NULL);
      g_autoptr(GlossSource) source = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GlossAnnotationFile) self = NULL;
      guint offset = 0;

      for (guint i = 0; i < n; i++)
        g_string_append_printf (text, "w%05u ", i);
      source = write_article (folder, name, text->str);
      sha = text_sha256 (text->str);

      g_string_append_printf (json, "{\"gloss\": 1, \"source\": {\"path\": \"%s\", \"sha256\": \"%s\", "
                              "\"text_sha256\": \"%s\", \"encoding\": \"UTF-8\", \"media_type\": \"text/plain\", "
                              "\"length\": %u}, \"annotator\": {\"id\": \"alice\", \"name\": \"Alice\"}, "
                              "\"tags\": [], \"annotations\": [", name, sha, sha, n * 7);
      for (guint i = 0; i < n; i++, offset += 7)
        {
          g_string_append_printf (json, "%s{\"id\": \"a%u\", \"tag\": \"%s\", \"start\": %u, \"end\": %u, "
                                  "\"quote\": \"w%05u\"", i ? ", " : "", i, i % 2 ? "claim" : "company",
                                  offset, offset + 6, i);
          if (i % 5 == 0)
            g_string_append (json, ", \"attributes\": {\"verdict\": \"false\", \"weight\": 0.5}");
          if (i % 7 == 0)
            g_string_append_printf (json, ", \"x-tool\": {\"n\": %u, \"list\": [true, null, \"é\\u2028\"]}", i);
          g_string_append (json, "}");
        }
      g_string_append (json, "], \"relations\": [");
      for (guint i = 0; i + 1 < n; i += 3)
        g_string_append_printf (json, "%s{\"id\": \"r%u\", \"type\": \"about\", \"source\": \"a%u\", "
                                "\"target\": \"a%u\", \"note\": \"n\\\"%u\"}",
                                i ? ", " : "", i, i, i + 1, i);
      g_string_append (json, "], \"x-file\": 1}");

      file = put_file (folder, file_name, json->str, -1);
      self = load_ok (file);
      attach_ok (self, source);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gloss_annotation_file_get_layer (self))), ==, n);
      g_assert_cmpuint (gloss_layer_get_n_relations (gloss_annotation_file_get_layer (self)), ==, (n + 1) / 3);
      assert_writer_matches (self);
    }
}

/* What a writer gives is the file as it was when the writer was made. */
static void
test_writer_snapshot (void)
{
  g_autofree char *folder = make_folder ("writer-snapshot");
  g_autoptr(GlossAnnotationFile) self = many_annotations (folder, 300);
  g_autoptr(GlossCodebook) codebook = gloss_codebook_new ();
  g_autoptr(GlossCodebook) other_codebook = gloss_codebook_new ();
  g_autoptr(GlossTag) company = gloss_tag_new ("company", "Company", "#1C71D8", NULL);
  g_autoptr(GlossFileWriter) writer = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length;
  GlossLayer *layer = gloss_annotation_file_get_layer (self);

  g_assert_true (gloss_codebook_add (codebook, company));
  gloss_annotation_file_set_codebook (self, codebook);
  before = gloss_annotation_file_serialize (self, &before_length);

  writer = gloss_annotation_file_writer_new (self);
  g_assert_false (gloss_file_writer_step (writer, 250));

  /* Neither is a change of the layer, and neither reaches the writer. */
  gloss_layer_set_annotator_name (layer, "Someone Else");
  gloss_tag_set_label (company, "Firm");
  g_assert_false (gloss_file_writer_is_stale (writer));
  while (!gloss_file_writer_step (writer, 250))
    ;
  gloss_annotation_file_set_codebook (self, other_codebook);
  bytes = gloss_file_writer_finish (writer);
  g_assert_nonnull (bytes);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), before, before_length);

  after = gloss_annotation_file_serialize (self, NULL);
  g_assert_cmpstr (after, !=, before);
  g_assert_null (strstr (after, "Firm"));
  g_assert_nonnull (strstr (after, "Someone Else"));
}

static void
test_writer_stale (void)
{
  g_autofree char *folder = make_folder ("writer-stale");
  g_autoptr(GlossAnnotationFile) self = many_annotations (folder, 50);
  g_autoptr(GlossFileWriter) writer = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *expected = NULL;
  GlossLayer *layer = gloss_annotation_file_get_layer (self);
  GlossHistory *history = gloss_layer_get_history (layer);
  GlossAnnotation *first = nth_annotation (self, 0);
  gsize length;

  /* A change in the middle: the writer says so, and gives nothing. */
  writer = gloss_annotation_file_writer_new (self);
  g_assert_cmpuint (gloss_file_writer_get_serial (writer), ==, gloss_history_get_serial (history));
  g_assert_false (gloss_file_writer_step (writer, 7));
  g_assert_false (gloss_file_writer_is_stale (writer));
  gloss_layer_set_note (layer, first, "changed");
  g_assert_true (gloss_file_writer_is_stale (writer));
  g_assert_true (gloss_file_writer_step (writer, 7));
  g_assert_null (gloss_file_writer_finish (writer));
  g_clear_pointer (&writer, gloss_file_writer_free);

  /* Undo, redo and mark_dirty are changes too; set_clean is not. */
  writer = gloss_annotation_file_writer_new (self);
  gloss_history_set_clean (history);
  g_assert_false (gloss_file_writer_is_stale (writer));
  g_assert_true (gloss_layer_undo (layer));
  g_assert_true (gloss_file_writer_is_stale (writer));
  g_clear_pointer (&writer, gloss_file_writer_free);

  writer = gloss_annotation_file_writer_new (self);
  g_assert_true (gloss_layer_redo (layer));
  g_assert_true (gloss_file_writer_is_stale (writer));
  g_clear_pointer (&writer, gloss_file_writer_free);

  writer = gloss_annotation_file_writer_new (self);
  g_assert_false (gloss_file_writer_step (writer, 60));
  gloss_history_mark_dirty (history);
  g_assert_true (gloss_file_writer_is_stale (writer));
  g_clear_pointer (&writer, gloss_file_writer_free);

  /* Started again, it gives the new content. */
  writer = gloss_annotation_file_writer_new (self);
  while (!gloss_file_writer_step (writer, 7))
    ;
  bytes = gloss_file_writer_finish (writer);
  expected = gloss_annotation_file_serialize (self, &length);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), expected, length);
  g_assert_nonnull (strstr (expected, "\"note\": \"changed\""));
}

/* Saving in a thread */

static void
test_save_async (void)
{
  g_autofree char *folder = make_folder ("save-async");
  g_autoptr(GlossAnnotationFile) self = saved_file (folder, "a.txt");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GFile *file = gloss_annotation_file_get_file (self);
  guint64 serial;

  annotate_text (self, "controversy", "Critics", "disputed", "in a thread");
  bytes = serialize_bytes (self, &serial);
  g_assert_true (is_dirty (self));

  g_assert_true (save_bytes (self, bytes, serial, GLOSS_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  assert_file_bytes_are (file, bytes);
  g_assert_false (is_dirty (self));

  /* The file knows its new bytes: no conflict with itself. */
  g_assert_false (gloss_annotation_file_changed_on_disk (self, NULL));
  gloss_layer_set_note (gloss_annotation_file_get_layer (self), nth_annotation (self, 0), "then at once");
  save_ok (self);
  assert_file_has (file, "\"note\": \"then at once\"");
  g_assert_true (save_async (self, GLOSS_SAVE_NONE, &error));
  g_assert_no_error (error);
}

/* The layer changed while the bytes were written: they are on disk, and
 * the layer is still dirty. */
static void
test_save_async_changed_meanwhile (void)
{
  g_autofree char *folder = make_folder ("save-async-meanwhile");
  g_autoptr(GlossAnnotationFile) self = saved_file (folder, "a.txt");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *serialized = NULL;
  GFile *file = gloss_annotation_file_get_file (self);
  GlossLayer *layer = gloss_annotation_file_get_layer (self);
  guint64 serial;
  gsize length;

  annotate_text (self, "controversy", "Critics", "disputed", NULL);
  bytes = serialize_bytes (self, &serial);
  gloss_layer_set_note (layer, nth_annotation (self, 0), "later");

  g_assert_true (save_bytes (self, bytes, serial, GLOSS_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  assert_file_bytes_are (file, bytes);
  g_assert_true (is_dirty (self));
  g_assert_false (gloss_annotation_file_changed_on_disk (self, NULL));

  save_ok (self);
  serialized = gloss_annotation_file_serialize (self, &length);
  assert_file_bytes (file, serialized, length);
  g_assert_false (is_dirty (self));

  /* Undone back to the saved state while the save ran: the file holds
   * the state in between, so the layer must be saved again. */
  gloss_layer_set_note (layer, nth_annotation (self, 0), "in between");
  undone = serialize_bytes (self, &serial);
  g_assert_true (gloss_layer_undo (layer));
  g_assert_false (is_dirty (self));
  g_assert_true (save_bytes (self, undone, serial, GLOSS_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  assert_file_has (file, "\"note\": \"in between\"");
  g_assert_true (is_dirty (self));
  save_ok (self);
  assert_file_bytes (file, serialized, length);
}

static void
test_save_async_changed_on_disk (void)
{
  static const char other[] = "{\"written\": \"by someone else\"}\n";
  g_autofree char *folder = make_folder ("save-async-changed-on-disk");
  g_autoptr(GlossAnnotationFile) self = saved_file (folder, "a.txt");
  g_autoptr(GError) error = NULL;
  g_autofree char *serialized = NULL;
  gsize length;
  GFile *file = gloss_annotation_file_get_file (self);

  rewrite_file (file, other, -1);
  annotate_text (self, "controversy", "Critics", "disputed", NULL);

  g_assert_false (save_async (self, GLOSS_SAVE_NONE, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED_ON_DISK);
  assert_names_file (error, file);
  g_clear_error (&error);
  assert_file_bytes (file, other, strlen (other));
  g_assert_true (is_dirty (self));

  g_assert_true (save_async (self, GLOSS_SAVE_OVERWRITE, &error));
  g_assert_no_error (error);
  serialized = gloss_annotation_file_serialize (self, &length);
  assert_file_bytes (file, serialized, length);
  g_assert_false (is_dirty (self));
}

static void
test_save_async_read_only (void)
{
  g_autofree char *folder = make_folder ("save-async-read-only");
  g_autoptr(GlossSource) article = write_article (folder, "short.txt", "hello world");
  g_autofree char *contents =
    short_file ("{\"id\": \"a1\", \"tag\": \"claim\", \"start\": 20, \"end\": 25, \"quote\": \"world\"}");
  g_autoptr(GFile) file = put_file (folder, "short.txt.alice.gloss.json", contents, -1);
  g_autoptr(GlossAnnotationFile) self = load_ok (file);
  g_autoptr(GError) error = NULL;

  g_assert_false (gloss_annotation_file_attach_source (self, article, &error));
  g_clear_error (&error);
  g_assert_true (gloss_annotation_file_get_read_only (self));

  g_assert_false (save_async (self, GLOSS_SAVE_NONE, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_READ_ONLY);
  assert_names_file (error, file);
  g_clear_error (&error);
  g_assert_false (save_async (self, GLOSS_SAVE_OVERWRITE, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_READ_ONLY);
  assert_file_bytes (file, contents, strlen (contents));
}

/* Cancelled before it could write: the old file is whole, and the file
 * can be saved again. */
static void
test_save_async_cancelled (void)
{
  g_autofree char *folder = make_folder ("save-async-cancelled");
  g_autoptr(GlossAnnotationFile) self = saved_file (folder, "a.txt");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gsize before_length;
  GFile *file = gloss_annotation_file_get_file (self);
  guint64 serial;

  before = read_all (file, &before_length);
  annotate_text (self, "controversy", "Critics", "disputed", NULL);
  bytes = serialize_bytes (self, &serial);

  g_cancellable_cancel (cancellable);
  g_assert_false (save_bytes (self, bytes, serial, GLOSS_SAVE_NONE, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  assert_file_bytes (file, before, before_length);
  g_assert_true (is_dirty (self));
  g_assert_false (gloss_annotation_file_changed_on_disk (self, NULL));

  save_ok (self);
  assert_file_bytes_are (file, bytes);
}

static gboolean
changed_on_disk_async (GlossAnnotationFile  *self,
                       GCancellable         *cancellable,
                       GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  gloss_annotation_file_changed_on_disk_async (self, cancellable, store_result, &result);
  wait_for_result (&result);

  return gloss_annotation_file_changed_on_disk_finish (self, result, error);
}

static void
test_changed_on_disk_async (void)
{
  g_autofree char *folder = make_folder ("changed-on-disk-async");
  g_autoptr(GlossAnnotationFile) self = saved_file (folder, "a.txt");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  GFile *file = gloss_annotation_file_get_file (self);

  g_assert_false (changed_on_disk_async (self, NULL, &error));
  g_assert_no_error (error);

  /* The same bytes again are no change. */
  contents = read_all (file, &length);
  rewrite_file (file, contents, length);
  g_assert_false (changed_on_disk_async (self, NULL, &error));
  g_assert_no_error (error);

  rewrite_file (file, "{}\n", -1);
  g_assert_true (changed_on_disk_async (self, NULL, &error));
  g_assert_no_error (error);

  /* Cancelled, it says nothing. */
  g_cancellable_cancel (cancellable);
  g_assert_false (changed_on_disk_async (self, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_assert_true (g_file_delete (file, NULL, NULL));
  g_assert_false (changed_on_disk_async (self, NULL, &error));
  g_assert_no_error (error);
}

/* Anchoring in a changed article */

static const char news_text[] =
  "Acme Corp announced record profits on Monday.\n"
  "The regulator disputed the figures in a long statement.\n"
  "Shares of Globex fell 4% after the news.\n";

static void
test_reanchor_inserted (void)
{
  static const char inserted[] = "Pr\xc3\xa9" "face \xe2\x80\x94 \xf0\x9f\x8e\x89 a new first line.\n";
  g_autofree char *folder = make_folder ("inserted");
  g_autoptr(GlossSource) source = write_article (folder, "news.txt", news_text);
  g_autoptr(GlossAnnotationFile) self = gloss_annotation_file_new (source, "alice", "Alice");
  g_autoptr(GlossAnnotationFile) opened = NULL;
  g_autoptr(GlossAnnotationFile) reopened = NULL;
  g_autofree char *changed = g_strconcat (inserted, news_text, NULL);
  g_autoptr(GFile) file = NULL;
  guint shift = g_utf8_strlen (inserted, -1);
  const char *ids[3];
  guint starts[3];

  ids[0] = gloss_annotation_get_id (annotate_text (self, "company", "Acme", "Acme Corp", NULL));
  ids[1] = gloss_annotation_get_id (annotate_text (self, "controversy", "regulator", "disputed", "why"));
  ids[2] = gloss_annotation_get_id (annotate_text (self, "company", "Globex", "Globex", NULL));
  for (guint i = 0; i < 3; i++)
    starts[i] = gloss_annotation_get_start (lookup (self, ids[i]));
  save_ok (self);
  file = g_object_ref (gloss_annotation_file_get_file (self));

  g_clear_object (&source);
  source = write_article (folder, "news.txt", changed);

  opened = open_ok (file);
  g_assert_cmpuint (gloss_annotation_file_get_problems (opened)->len, ==, 0);
  g_assert_true (is_dirty (opened));
  for (guint i = 0; i < 3; i++)
    {
      GlossAnnotation *a = lookup (opened, ids[i]);
      GlossAnnotation *before = lookup (self, ids[i]);
      g_autofree char *slice = NULL;

      g_assert_cmpuint (gloss_annotation_get_start (a), ==, starts[i] + shift);
      g_assert_cmpuint (gloss_annotation_get_end (a), ==, gloss_annotation_get_end (before) + shift);
      g_assert_cmpstr (gloss_annotation_get_quote (a), ==, gloss_annotation_get_quote (before));
      g_assert_cmpint (gloss_annotation_get_status (a), ==, GLOSS_ANCHOR_MOVED);
      slice = gloss_source_dup_slice (gloss_annotation_file_get_source (opened),
                                      gloss_annotation_get_start (a), gloss_annotation_get_end (a));
      g_assert_cmpstr (slice, ==, gloss_annotation_get_quote (a));
    }
  g_assert_cmpstr (gloss_annotation_file_get_text_sha256 (opened), ==, gloss_source_get_text_sha256 (source));

  /* The file now describes the changed article, and says what moved. */
  save_ok (opened);
  assert_file_has (file, "\"status\": \"moved\"");
  assert_file_has (file, gloss_source_get_text_sha256 (source));

  reopened = open_ok (file);
  g_assert_false (is_dirty (reopened));
  for (guint i = 0; i < 3; i++)
    {
      GlossAnnotation *a = lookup (reopened, ids[i]);

      g_assert_cmpuint (gloss_annotation_get_start (a), ==, starts[i] + shift);
      g_assert_cmpint (gloss_annotation_get_status (a), ==, GLOSS_ANCHOR_MOVED);
    }
  assert_resave_identical (file);
}

static void
test_reanchor_deleted (void)
{
  static const char intro[] = "An introduction that will be cut.\n";
  static const char middle[] = "Acme Corp announced record profits on Monday.\n";
  static const char tail[] = "At the very end, an ultraviolet catastrophe was predicted.\n";
  g_autofree char *folder = make_folder ("deleted");
  g_autofree char *text = g_strconcat (intro, middle, tail, NULL);
  g_autofree char *returned = g_strconcat (middle, "Now the ultraviolet catastrophe is back.\n", NULL);
  g_autoptr(GlossSource) source = write_article (folder, "news.txt", text);
  g_autoptr(GlossAnnotationFile) self = gloss_annotation_file_new (source, "alice", "Alice");
  g_autoptr(GlossAnnotationFile) opened = NULL;
  g_autoptr(GFile) file = NULL;
  GlossAnnotation *acme, *orphan;
  const char *acme_id, *orphan_id;
  guint acme_start, orphan_start, orphan_end;
  g_autofree char *orphan_prefix = NULL;

  acme = annotate_text (self, "company", "Acme", "Acme Corp", NULL);
  orphan = annotate_text (self, "claim", "an ultra", "ultraviolet catastrophe", "kept?");
  acme_id = gloss_annotation_get_id (acme);
  orphan_id = gloss_annotation_get_id (orphan);
  acme_start = gloss_annotation_get_start (acme);
  orphan_start = gloss_annotation_get_start (orphan);
  orphan_end = gloss_annotation_get_end (orphan);
  orphan_prefix = g_strdup (gloss_annotation_get_prefix (orphan));
  save_ok (self);
  file = g_object_ref (gloss_annotation_file_get_file (self));

  /* The introduction and the sentence of the second annotation go. */
  g_clear_object (&source);
  source = write_article (folder, "news.txt", middle);
  g_assert_cmpuint (orphan_start, >, gloss_source_get_length (source));

  opened = open_ok (file);
  g_assert_cmpuint (n_annotations (opened), ==, 2);
  acme = lookup (opened, acme_id);
  g_assert_cmpuint (gloss_annotation_get_start (acme), ==, acme_start - strlen (intro));
  g_assert_cmpint (gloss_annotation_get_status (acme), ==, GLOSS_ANCHOR_MOVED);

  orphan = lookup (opened, orphan_id);
  g_assert_cmpint (gloss_annotation_get_status (orphan), ==, GLOSS_ANCHOR_ORPHANED);
  g_assert_cmpuint (gloss_annotation_get_start (orphan), ==, orphan_start);
  g_assert_cmpuint (gloss_annotation_get_end (orphan), ==, orphan_end);
  g_assert_cmpstr (gloss_annotation_get_quote (orphan), ==, "ultraviolet catastrophe");
  g_assert_cmpstr (gloss_annotation_get_prefix (orphan), ==, orphan_prefix);
  g_assert_cmpstr (gloss_annotation_get_note (orphan), ==, "kept?");
  g_assert_cmpuint (gloss_layer_count_status (gloss_annotation_file_get_layer (opened), GLOSS_ANCHOR_ORPHANED),
                    ==, 1);
  g_assert_true (is_dirty (opened));

  save_ok (opened);
  assert_file_has (file, "\"status\": \"orphaned\"");
  assert_file_has (file, "\"quote\": \"ultraviolet catastrophe\"");
  g_clear_object (&opened);

  /* Its offsets lie past the end of the article now, and it loads. */
  {
    g_autoptr(GlossAnnotationFile) loaded = load_ok (file);
    g_autoptr(GlossAnnotationFile) reopened = open_ok (file);

    g_assert_cmpint (gloss_annotation_get_status (lookup (loaded, orphan_id)), ==, GLOSS_ANCHOR_ORPHANED);
    orphan = lookup (reopened, orphan_id);
    g_assert_cmpint (gloss_annotation_get_status (orphan), ==, GLOSS_ANCHOR_ORPHANED);
    g_assert_cmpuint (gloss_annotation_get_start (orphan), ==, orphan_start);
    g_assert_false (gloss_annotation_file_get_read_only (reopened));
    g_assert_false (is_dirty (reopened));
    assert_resave_identical (file);
  }

  /* When the quote comes back, the orphan finds it again. */
  g_clear_object (&source);
  source = write_article (folder, "news.txt", returned);
  opened = open_ok (file);
  orphan = lookup (opened, orphan_id);
  g_assert_cmpint (gloss_annotation_get_status (orphan), ==, GLOSS_ANCHOR_MOVED);
  g_assert_cmpuint (gloss_annotation_get_start (orphan), ==,
                    g_utf8_strlen (middle, -1) + strlen ("Now the "));
}

static void
test_reanchor_duplicated (void)
{
  static const char first[] = "First paragraph, about markets and trade.\n";
  static const char second[] =
    "In the second paragraph the minister announced a sweeping reform of the pension system "
    "that nobody had expected at all.\n";
  static const char third[] = "Third paragraph.\n";
  g_autofree char *folder = make_folder ("duplicated");
  g_autofree char *text = g_strconcat (first, second, third, NULL);
  g_autofree char *doubled = g_strconcat (first, second, second, third, NULL);
  g_autoptr(GlossSource) source = write_article (folder, "news.txt", text);
  g_autoptr(GlossAnnotationFile) self = gloss_annotation_file_new (source, "alice", "Alice");
  g_autoptr(GlossAnnotationFile) opened = NULL;
  GlossAnnotation *reform, *third_a;
  const char *id, *third_id;
  guint start, third_start;

  reform = annotate_text (self, "claim", "a sweeping", "sweeping reform", NULL);
  third_a = annotate_text (self, "claim", "Third", "Third", NULL);
  id = gloss_annotation_get_id (reform);
  third_id = gloss_annotation_get_id (third_a);
  start = gloss_annotation_get_start (reform);
  third_start = gloss_annotation_get_start (third_a);
  save_ok (self);

  g_clear_object (&source);
  source = write_article (folder, "news.txt", doubled);
  opened = open_ok (gloss_annotation_file_get_file (self));

  /* Both occurrences have the same context: the original, where the
   * annotation was, wins over the copy. */
  reform = lookup (opened, id);
  g_assert_cmpuint (gloss_annotation_get_start (reform), ==, start);
  g_assert_cmpint (gloss_annotation_get_status (reform), ==, GLOSS_ANCHOR_ANCHORED);

  third_a = lookup (opened, third_id);
  g_assert_cmpuint (gloss_annotation_get_start (third_a), ==, third_start + strlen (second));
  g_assert_cmpint (gloss_annotation_get_status (third_a), ==, GLOSS_ANCHOR_MOVED);
}

static void
test_reanchor_common_word (void)
{
  static const char text[] = "In the morning the board met. Later the chair said the plan was dead.\n";
  g_autofree char *folder = make_folder ("common-word");
  g_autoptr(GlossSource) source = write_article (folder, "news.txt", text);
  g_autoptr(GlossAnnotationFile) self = gloss_annotation_file_new (source, "alice", "Alice");
  g_autoptr(GlossAnnotationFile) opened = NULL;
  g_autoptr(GString) changed = g_string_new ("Note:");
  GlossAnnotation *the;
  const char *id;
  guint start;

  the = annotate_text (self, "claim", "the chair", "the", NULL);
  id = gloss_annotation_get_id (the);
  start = gloss_annotation_get_start (the);
  save_ok (self);

  /* Many "the" now lie nearer the old place than the right one. */
  for (guint i = 0; i < 40; i++)
    g_string_append (changed, " the");
  g_string_append (changed, ".\n");
  g_string_append (changed, text);

  g_clear_object (&source);
  source = write_article (folder, "news.txt", changed->str);
  opened = open_ok (gloss_annotation_file_get_file (self));

  the = lookup (opened, id);
  g_assert_cmpuint (gloss_annotation_get_start (the), ==, start + changed->len - strlen (text));
  g_assert_cmpint (gloss_annotation_get_status (the), ==, GLOSS_ANCHOR_MOVED);
  g_assert_cmpstr (gloss_annotation_get_suffix (the), ==, " chair said the plan was dead.\n");
}

/* Names and places */

static void
test_list_for (void)
{
  static const char * const names[] = {
    "a.txt",
    "a.txt.bak",
    "b.txt",
    "a.txt.alice.gloss.json",
    "a.txt.bob-2.gloss.json",
    "a.txt.bak.alice.gloss.json",
    "a.txt.Bad.gloss.json",
    "a.txt.gloss.json",
    "a.txt..gloss.json",
    "a.txt.bad_id.gloss.json",
    "a.txtx.alice.gloss.json",
    "b.txt.alice.gloss.json",
    "a.txt.alice.gloss.json.tmp",
    "a.txt.alice.gloss.json~",
    "xa.txt.alice.gloss.json",
  };
  g_autofree char *folder = make_folder ("list");
  g_autoptr(GFile) a = NULL;
  g_autoptr(GFile) bak = NULL;
  g_autoptr(GFile) b = NULL;
  g_autoptr(GFile) c = NULL;
  g_autoptr(GFile) missing = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_object_unref (put_file (folder, names[i], "x", -1));

  a = g_file_new_build_filename (folder, "a.txt", NULL);
  files = gloss_annotation_file_list_for (a, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 2);
  {
    g_autofree char *first = g_file_get_basename (g_ptr_array_index (files, 0));
    g_autofree char *second = g_file_get_basename (g_ptr_array_index (files, 1));
    g_autoptr(GFile) parent = g_file_get_parent (g_ptr_array_index (files, 0));
    g_autoptr(GFile) folder_file = g_file_new_for_path (folder);

    g_assert_cmpstr (first, ==, "a.txt.alice.gloss.json");
    g_assert_cmpstr (second, ==, "a.txt.bob-2.gloss.json");
    g_assert_true (g_file_equal (parent, folder_file));
  }
  g_clear_pointer (&files, g_ptr_array_unref);

  bak = g_file_new_build_filename (folder, "a.txt.bak", NULL);
  files = gloss_annotation_file_list_for (bak, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 1);
  {
    g_autofree char *only = g_file_get_basename (g_ptr_array_index (files, 0));

    g_assert_cmpstr (only, ==, "a.txt.bak.alice.gloss.json");
  }
  g_clear_pointer (&files, g_ptr_array_unref);

  b = g_file_new_build_filename (folder, "b.txt", NULL);
  files = gloss_annotation_file_list_for (b, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 1);
  g_clear_pointer (&files, g_ptr_array_unref);

  c = g_file_new_build_filename (folder, "c.txt", NULL);
  files = gloss_annotation_file_list_for (c, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (files);
  g_assert_cmpuint (files->len, ==, 0);
  g_clear_pointer (&files, g_ptr_array_unref);

  missing = g_file_new_build_filename (folder, "no-such-folder", "a.txt", NULL);
  files = gloss_annotation_file_list_for (missing, NULL, &error);
  g_assert_null (files);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_name_annotator (void)
{
  static const struct
  {
    const char *name;
    const char *article;
    const char *annotator;
  } cases[] = {
    { "a.txt.alice.gloss.json", "a.txt", "alice" },
    { "a.txt.jean-paul.gloss.json", "a.txt", "jean-paul" },
    { "a.txt.42.gloss.json", "a.txt", "42" },
    { "a.txt.bak.alice.gloss.json", "a.txt.bak", "alice" },
    { "report 2024.html.bob.gloss.json", "report 2024.html", "bob" },
    { "a.txt.bak.alice.gloss.json", "a.txt", NULL },
    { "a.txt.gloss.json", "a.txt", NULL },
    { "a.txt..gloss.json", "a.txt", NULL },
    { "a.txt.Alice.gloss.json", "a.txt", NULL },
    { "a.txt.bad_id.gloss.json", "a.txt", NULL },
    { "a.txt.al ice.gloss.json", "a.txt", NULL },
    { "a.txt.alice.gloss.jsonx", "a.txt", NULL },
    { "a.txt.alice.json", "a.txt", NULL },
    { "a.txtx.alice.gloss.json", "a.txt", NULL },
    { "b.txt.alice.gloss.json", "a.txt", NULL },
    { "a.txt", "a.txt", NULL },
    { "", "a.txt", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *annotator = gloss_annotation_file_name_annotator (cases[i].name, cases[i].article);

      g_test_message ("%s of %s", cases[i].name, cases[i].article);
      g_assert_cmpstr (annotator, ==, cases[i].annotator);
    }

  g_assert_true (gloss_annotation_file_name_is_valid ("a.txt.alice.gloss.json"));
  g_assert_true (gloss_annotation_file_name_is_valid ("a.alice.gloss.json"));
  g_assert_false (gloss_annotation_file_name_is_valid ("a.txt.gloss.json.bak"));
  g_assert_false (gloss_annotation_file_name_is_valid ("alice.gloss.json"));
  g_assert_false (gloss_annotation_file_name_is_valid ("a.txt.Alice.gloss.json"));
  g_assert_false (gloss_annotation_file_name_is_valid (".gloss.json"));
}

static void
test_path_for (void)
{
  g_autofree char *folder = make_folder ("path-for");
  g_autoptr(GFile) article = g_file_new_build_filename (folder, "report 2024.html", NULL);
  g_autoptr(GFile) file = gloss_annotation_file_path_for (article, "jean-paul");
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) article_parent = g_file_get_parent (article);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *annotator = NULL;

  g_assert_cmpstr (name, ==, "report 2024.html.jean-paul.gloss.json");
  g_assert_true (g_file_equal (parent, article_parent));

  annotator = gloss_annotation_file_name_annotator (name, "report 2024.html");
  g_assert_cmpstr (annotator, ==, "jean-paul");
}

static void
test_source_path_is_safe (void)
{
  static const char * const safe[] = {
    "a.txt", "report 2024.html", ".hidden", "..a.txt", "a..txt", "caf\xc3\xa9.txt", "...",
  };
  static const char * const unsafe[] = {
    "", ".", "..", "../x.txt", "/etc/passwd", "sub/x.txt", "x.txt/", "./x.txt",
    "..\\x.txt", "sub\\x.txt", "C:x.txt", "C:\\x.txt",
  };

  for (guint i = 0; i < G_N_ELEMENTS (safe); i++)
    {
      g_test_message ("%s", safe[i]);
      g_assert_true (gloss_source_path_is_safe (safe[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (unsafe); i++)
    {
      g_test_message ("%s", unsafe[i]);
      g_assert_false (gloss_source_path_is_safe (unsafe[i]));
    }
  g_assert_false (gloss_source_path_is_safe (NULL));
}

static void
test_open (void)
{
  g_autofree char *folder = make_folder ("open");
  g_autoptr(GlossAnnotationFile) self = saved_file (folder, "story.txt");
  g_autoptr(GlossAnnotationFile) opened = NULL;
  g_autoptr(GlossAnnotationFile) loaded = NULL;
  g_autoptr(GFile) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *name = NULL;
  gsize before_length;
  GFile *file = gloss_annotation_file_get_file (self);

  /* The article of an annotation file is found beside it. */
  loaded = load_ok (file);
  article = gloss_annotation_file_get_article_file (loaded);
  name = g_file_get_basename (article);
  g_assert_cmpstr (name, ==, "story.txt");
  g_assert_true (g_file_equal (article, gloss_source_get_file (gloss_annotation_file_get_source (self))));

  opened = open_ok (file);
  g_assert_nonnull (gloss_annotation_file_get_source (opened));
  g_assert_true (g_file_equal (gloss_source_get_file (gloss_annotation_file_get_source (opened)), article));
  g_assert_nonnull (gloss_annotation_file_get_codebook (opened));
  g_assert_cmpuint (n_annotations (opened), ==, 1);
  g_assert_cmpuint (gloss_annotation_file_get_problems (opened)->len, ==, 0);
  g_assert_false (gloss_annotation_file_get_read_only (opened));
  g_assert_false (is_dirty (opened));
  g_clear_object (&opened);

  /* Without its article it says which one is missing, and where. */
  before = read_all (file, &before_length);
  g_assert_true (g_file_delete (article, NULL, NULL));
  opened = gloss_annotation_file_open (file, GLOSS_LOAD_NONE, NULL, &error);
  g_assert_null (opened);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  assert_names_file (error, file);
  g_assert_nonnull (strstr (error->message, "story.txt"));
  g_test_message ("%s", error->message);
  assert_file_bytes (file, before, before_length);
  g_clear_error (&error);

  /* A missing annotation file is reported as such. */
  {
    g_autoptr(GFile) nothing = g_file_new_build_filename (folder, "none.txt.alice.gloss.json", NULL);

    opened = gloss_annotation_file_open (nothing, GLOSS_LOAD_NONE, NULL, &error);
    g_assert_null (opened);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    assert_names_file (error, nothing);
  }
}

/* The JSON Schema */

static void
test_schema (void)
{
  static const char text[] =
    "Acme Corp announced record profits on Monday.\n"
    "The regulator disputed the figures in a long statement.\n"
    "At the very end, an ultraviolet catastrophe was predicted.\n";
  g_autofree char *folder = make_folder ("schema");
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");
  g_autofree char *script = NULL;
  g_autofree char *schema = NULL;
  g_autoptr(GlossSource) source = write_article (folder, "news.txt", text);
  g_autoptr(GlossAnnotationFile) self = NULL;
  g_autoptr(GlossAnnotationFile) opened = NULL;
  GlossAnnotation *acme, *claim;
  GlossLayer *layer;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) bad = NULL;
  g_autofree char *file_path = NULL;
  g_autofree char *bad_path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GString) edit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  if (srcdir == NULL)
    {
      g_test_skip ("G_TEST_SRCDIR is not set: run the test through meson test");
      return;
    }
  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("/usr/bin/python3 is not installed");
      return;
    }

  /* The source tree's tests/ folder; the schema is in ../data. */
  script = g_build_filename (srcdir, "validate-schema.py", NULL);
  schema = g_build_filename (srcdir, "..", "data", "gloss-annotations.schema.json", NULL);
  g_assert_true (g_file_test (script, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (schema, G_FILE_TEST_EXISTS));

  self = gloss_annotation_file_new (source, "jean-paul", "Jean-Paul \"JP\" \xc3\x89mile");

  acme = annotate_text (self, "company", "Acme", "Acme Corp",
                        "Line one\nLine \"two\" \\ with a tab\tand emoji \xf0\x9f\x98\x80\xf0\x9f\x8e\x89");
  annotate_text (self, "controversy", "regulator", "disputed", NULL);
  claim = annotate_text (self, "claim", "an ultra", "ultraviolet catastrophe", "soon an orphan");
  /* Attributes of every kind, and a relation whose end is orphaned below. */
  layer = gloss_annotation_file_get_layer (self);
  gloss_layer_set_attribute (layer, claim, "verdict", g_variant_new_string ("misleading"));
  gloss_layer_set_attribute (layer, claim, "checked", g_variant_new_boolean (FALSE));
  gloss_layer_set_attribute (layer, acme, "weight", g_variant_new_double (0.25));
  g_assert_nonnull (gloss_layer_link (layer, "said-by", gloss_annotation_get_id (claim),
                                      gloss_annotation_get_id (acme), "a note"));
  save_ok (self);
  file = g_object_ref (gloss_annotation_file_get_file (self));

  /* Unknown keys at every level, added as another tool would. */
  contents = read_all (file, NULL);
  edit = g_string_new (contents);
  g_string_replace (edit, "{\n  \"gloss\": 1,",
                    "{\n  \"gloss\": 1,\n  \"x-tool\": {\"v\": [1, 2.5, null, true]},", 1);
  g_string_replace (edit, "\"length\": ", "\"x-src\": null, \"length\": ", 1);
  g_string_replace (edit, "\"id\": \"jean-paul\",", "\"id\": \"jean-paul\", \"x-orcid\": \"0000\",", 1);
  g_string_replace (edit, "\"order\": ", "\"x-tag\": [], \"order\": ", 0);
  g_string_replace (edit, "\"note\": ", "\"x-ann\": {\"deep\": {\"er\": false}}, \"note\": ", 0);
  rewrite_file (file, edit->str, edit->len);

  /* The article changes: one annotation moves, one is orphaned. */
  g_clear_object (&source);
  source = write_article (folder, "news.txt",
                          "New first line.\nAcme Corp announced record profits on Monday.\n"
                          "The regulator disputed the figures in a long statement.\n");
  opened = open_ok (file);
  g_assert_cmpuint (gloss_layer_count_status (gloss_annotation_file_get_layer (opened), GLOSS_ANCHOR_ORPHANED),
                    ==, 1);
  g_assert_cmpuint (gloss_layer_count_status (gloss_annotation_file_get_layer (opened), GLOSS_ANCHOR_MOVED),
                    ==, 2);
  save_ok (opened);
  assert_file_has (file, "\"x-tool\"");
  assert_file_has (file, "\"x-src\"");
  assert_file_has (file, "\"x-orcid\"");
  assert_file_has (file, "\"x-tag\"");
  assert_file_has (file, "\"x-ann\"");
  assert_file_has (file, "\"status\": \"orphaned\"");
  assert_file_has (file, "\xf0\x9f\x98\x80");
  assert_file_has (file, "\"checked\": false,\n        \"verdict\": \"misleading\"");
  assert_file_has (file, "\"weight\": 0.25");
  assert_file_has (file, "\"relations\": [");
  g_assert_cmpuint (gloss_layer_count_relations_needing_attention (gloss_annotation_file_get_layer (opened)),
                    ==, 1);

  /* The validator must also be able to say no. */
  g_free (contents);
  contents = read_all (file, NULL);
  g_string_assign (edit, contents);
  g_string_replace (edit, "\"gloss\": 1", "\"gloss\": 2", 1);
  bad = put_file (folder, "bad.gloss.json", edit->str, edit->len);

  file_path = g_file_get_path (file);
  bad_path = g_file_get_path (bad);

  {
    const char *argv[] = { "/usr/bin/python3", script, schema, file_path, NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
    if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
      {
        g_test_skip ("python3-jsonschema is not installed");
        return;
      }
    if (!g_spawn_check_wait_status (status, &error))
      g_error ("%s does not follow the schema: %s\n%s", file_path, error->message, err);
  }

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  {
    const char *argv[] = { "/usr/bin/python3", script, schema, bad_path, NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_true (WIFEXITED (status));
    g_assert_cmpint (WEXITSTATUS (status), ==, 1);
    g_assert_nonnull (strstr (err, "gloss"));
  }
}

/* The same tag on the same span, with the same quote, several times: the
 * layer keeps one, the one created first, with every note, and the file
 * says how many it merged, after loading and after anchoring. */
static void
test_duplicates_merged (void)
{
  g_autofree char *folder = make_folder ("duplicates");
  g_autoptr(GlossSource) article = write_article (folder, "short.txt", "hello world");
  g_autofree char *contents =
    short_file ("{\"id\": \"a3\", \"tag\": \"claim\", \"start\": 6, \"end\": 11, \"quote\": \"world\", "
                "\"note\": \"second\", \"created\": \"2026-01-02T00:00:00Z\"}, "
                "{\"id\": \"a1\", \"tag\": \"claim\", \"start\": 6, \"end\": 11, \"quote\": \"world\", "
                "\"note\": \"first\", \"created\": \"2026-01-01T00:00:00Z\"}, "
                "{\"id\": \"a2\", \"tag\": \"claim\", \"start\": 6, \"end\": 11, \"quote\": \"world\", "
                "\"note\": \"second\", \"created\": \"2026-01-03T00:00:00Z\"}, "
                "{\"id\": \"b1\", \"tag\": \"company\", \"start\": 6, \"end\": 11, \"quote\": \"world\"}");
  g_autoptr(GFile) file = put_file (folder, "short.txt.alice.gloss.json", contents, -1);
  g_autoptr(GlossAnnotationFile) self = load_ok (file);
  g_autofree char *display = g_file_get_parse_name (file);
  g_autofree char *expected = NULL;
  GlossLayer *layer = gloss_annotation_file_get_layer (self);
  GPtrArray *problems;

  expected = g_strdup_printf ("“%s”: 2 annotations repeat the tag and span of others; Gloss keeps "
                              "the one created first of each, with all their notes", display);

  /* Another tag on the same span is another annotation. */
  g_assert_cmpuint (n_annotations (self), ==, 2);
  g_assert_cmpstr (gloss_annotation_get_note (lookup (self, "a1")), ==, "first\n\nsecond");
  g_assert_null (gloss_layer_lookup (layer, "a2"));
  g_assert_null (gloss_layer_lookup (layer, "a3"));
  g_assert_nonnull (gloss_layer_lookup (layer, "b1"));

  problems = gloss_annotation_file_get_problems (self);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, expected);

  attach_ok (self, article);
  problems = gloss_annotation_file_get_problems (self);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, expected);
  g_assert_cmpuint (n_annotations (self), ==, 2);
}

/* 100,000 copies of one annotation loaded, and validated, as 100,000
 * annotations; now as one, in about the time the file takes to read. */
static void
test_duplicates_many (void)
{
  g_autofree char *folder = make_folder ("many-duplicates");
  g_autoptr(GlossSource) article = write_article (folder, "short.txt", "hello world");
  g_autoptr(GString) annotations = g_string_new (NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GlossAnnotationFile) self = NULL;
  GPtrArray *problems;
  gint64 start;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (annotations,
                            "%s{\"id\": \"a%06u\", \"tag\": \"claim\", \"start\": 0, \"end\": 5, "
                            "\"quote\": \"hello\", \"note\": \"%s\"}",
                            i > 0 ? ", " : "", i, i % 2 ? "" : "same");
  contents = short_file (annotations->str);
  file = put_file (folder, "short.txt.alice.gloss.json", contents, -1);

  start = g_get_monotonic_time ();
  self = load_ok (file);
  attach_ok (self, article);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);

  g_assert_cmpuint (n_annotations (self), ==, 1);
  g_assert_cmpstr (gloss_annotation_get_note (nth_annotation (self, 0)), ==, "same");
  problems = gloss_annotation_file_get_problems (self);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), ": 99999 annotations repeat"));
}

/* A file edited by hand may put two annotations on one span with
 * different quotes: they are not copies, and anchoring sorts them out;
 * one that anchoring moves onto another's span and tag is merged. */
static void
test_same_span_other_quote (void)
{
  g_autofree char *folder = make_folder ("same-span");
  g_autoptr(GlossSource) article = write_article (folder, "short.txt", "hello world");
  g_autofree char *contents =
    short_file ("{\"id\": \"a1\", \"tag\": \"claim\", \"start\": 0, \"end\": 5, \"quote\": \"hello\"}, "
                "{\"id\": \"a2\", \"tag\": \"claim\", \"start\": 0, \"end\": 5, \"quote\": \"world\"}, "
                "{\"id\": \"a3\", \"tag\": \"claim\", \"start\": 6, \"end\": 11, \"quote\": \"hello\"}");
  g_autoptr(GFile) file = put_file (folder, "short.txt.alice.gloss.json", contents, -1);
  g_autoptr(GlossAnnotationFile) self = load_ok (file);
  GPtrArray *problems;

  g_assert_cmpuint (n_annotations (self), ==, 3);
  g_assert_cmpuint (gloss_annotation_file_get_problems (self)->len, ==, 0);

  attach_ok (self, article);
  g_assert_cmpuint (n_annotations (self), ==, 2);
  g_assert_cmpuint (gloss_annotation_get_start (lookup (self, "a2")), ==, 6);
  g_assert_cmpuint (gloss_annotation_get_start (lookup (self, "a1")), ==, 0);
  g_assert_null (gloss_layer_lookup (gloss_annotation_file_get_layer (self), "a3"));
  problems = gloss_annotation_file_get_problems (self);
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "a2"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 1), "a3"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 2), ": 1 annotation repeats"));
}

int
main (int   argc,
      char *argv[])
{
  gboolean parent;
  int ret;

  g_test_init (&argc, &argv, NULL);

  parent = !g_test_subprocess ();
  if (parent)
    {
      g_autoptr(GError) error = NULL;

      tmp_dir = g_dir_make_tmp ("gloss-test-annotation-file-XXXXXX", &error);
      g_assert_no_error (error);
      g_setenv (TMP_DIR_VARIABLE, tmp_dir, TRUE);
    }
  else
    {
      tmp_dir = g_strdup (g_getenv (TMP_DIR_VARIABLE));
      g_assert_nonnull (tmp_dir);
    }

  g_test_add_func ("/annotation-file/round-trip", test_round_trip);
  g_test_add_func ("/annotation-file/exact-bytes", test_exact_bytes);
  g_test_add_func ("/annotation-file/unknown-keys", test_unknown_keys);
  g_test_add_func ("/annotation-file/unknown-keys/tag-in-codebook", test_tag_keys_with_codebook);
  g_test_add_func ("/annotation-file/refused/corpus", test_refused);
  g_test_add_func ("/annotation-file/refused/depth", test_depth);
  g_test_add_func ("/annotation-file/refused/too-large", test_too_large);
  g_test_add_func ("/annotation-file/refused/newer-version", test_newer_version);
  g_test_add_func ("/annotation-file/refused/out-of-range", test_attach_out_of_range);
  g_test_add_func ("/annotation-file/attach/quote-not-at-offsets", test_quote_not_at_offsets);
  g_test_add_func ("/annotation-file/save/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/annotation-file/save/changed-in-same-tick", test_changed_in_same_tick);
  g_test_add_func ("/annotation-file/save/touched-not-changed", test_touched_not_changed);
  g_test_add_func ("/annotation-file/save/vanished", test_vanished);
  g_test_add_func ("/annotation-file/save/new-file-exists", test_new_file_exists);
  g_test_add_func ("/annotation-file/save/copy", test_save_copy);
  g_test_add_func ("/annotation-file/save/read-only-folder", test_save_read_only_folder);
  g_test_add_func ("/annotation-file/save/read-only-folder-writable-file",
                   test_save_read_only_folder_writable_file);
  g_test_add_func ("/annotation-file/save/interrupted", test_save_interrupted);
  g_test_add_func ("/annotation-file/save/interrupted-hard-link", test_save_interrupted_hard_link);
  g_test_add_func ("/annotation-file/writer/same-bytes", test_writer_same_bytes);
  g_test_add_func ("/annotation-file/writer/halves", test_writer_halves);
  g_test_add_func ("/annotation-file/writer/snapshot", test_writer_snapshot);
  g_test_add_func ("/annotation-file/writer/stale", test_writer_stale);
  g_test_add_func ("/annotation-file/save-async/writes", test_save_async);
  g_test_add_func ("/annotation-file/save-async/changed-meanwhile", test_save_async_changed_meanwhile);
  g_test_add_func ("/annotation-file/save-async/changed-on-disk", test_save_async_changed_on_disk);
  g_test_add_func ("/annotation-file/save-async/read-only", test_save_async_read_only);
  g_test_add_func ("/annotation-file/save-async/cancelled", test_save_async_cancelled);
  g_test_add_func ("/annotation-file/save-async/interrupted", test_save_async_interrupted);
  g_test_add_func ("/annotation-file/save-async/interrupted-hard-link",
                   test_save_async_interrupted_hard_link);
  g_test_add_func ("/annotation-file/save-async/changed-on-disk-async", test_changed_on_disk_async);
  g_test_add_func ("/annotation-file/anchor/inserted", test_reanchor_inserted);
  g_test_add_func ("/annotation-file/anchor/deleted", test_reanchor_deleted);
  g_test_add_func ("/annotation-file/anchor/duplicated", test_reanchor_duplicated);
  g_test_add_func ("/annotation-file/anchor/common-word", test_reanchor_common_word);
  g_test_add_func ("/annotation-file/names/list-for", test_list_for);
  g_test_add_func ("/annotation-file/names/annotator", test_name_annotator);
  g_test_add_func ("/annotation-file/names/path-for", test_path_for);
  g_test_add_func ("/annotation-file/names/source-path-is-safe", test_source_path_is_safe);
  g_test_add_func ("/annotation-file/open", test_open);
  g_test_add_func ("/annotation-file/schema", test_schema);
  g_test_add_func ("/annotation-file/duplicates/merged", test_duplicates_merged);
  g_test_add_func ("/annotation-file/duplicates/many", test_duplicates_many);
  g_test_add_func ("/annotation-file/duplicates/same-span-other-quote", test_same_span_other_quote);

  ret = g_test_run ();

  if (parent)
    delete_tree (tmp_dir);
  g_free (tmp_dir);

  return ret;
}
