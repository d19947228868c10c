/* test-codebook.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "file-test-util.h"
#include "gloss-codebook.h"
#include "gloss-error.h"
#include "gloss-tag.h"

static char *tmp_dir;

/* A new empty folder for one test, under the temporary folder. */
static char *
make_test_dir (const char *name)
{
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  return path;
}

static GFile *
write_file_in (const char *dir,
               const char *name,
               const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

/* The error names the file the way a user sees it. */
static void
assert_error_names_file (GError *error,
                         GFile  *file)
{
  g_autofree char *display = g_file_get_parse_name (file);

  g_assert_nonnull (error);
  if (strstr (error->message, display) == NULL)
    g_error ("“%s” does not name “%s”", error->message, display);
}

static char *
tag_ids (GlossCodebook *codebook)
{
  GString *out = g_string_new (NULL);
  GListModel *model = G_LIST_MODEL (codebook);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlossTag) tag = g_list_model_get_item (model, i);

      g_assert_true (tag == gloss_codebook_get_tag (codebook, i));
      /* Orders follow positions, from 1. */
      g_assert_cmpuint (gloss_tag_get_order (tag), ==, i + 1);
      g_string_append_printf (out, "%s%s", i ? " " : "", gloss_tag_get_id (tag));
    }

  return g_string_free (out, FALSE);
}

typedef struct
{
  GString *log;
  gulong handler;
  GListModel *model;
} Recorder;

static void
recorder_items_changed (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        Recorder   *rec)
{
  g_string_append_printf (rec->log, "%s%u,%u,%u", rec->log->len ? " " : "",
                          position, removed, added);
}

static void
recorder_init (Recorder      *rec,
               GlossCodebook *codebook)
{
  rec->log = g_string_new (NULL);
  rec->model = G_LIST_MODEL (codebook);
  rec->handler = g_signal_connect (codebook, "items-changed",
                                   G_CALLBACK (recorder_items_changed), rec);
}

static void
recorder_expect (Recorder   *rec,
                 const char *expected)
{
  g_assert_cmpstr (rec->log->str, ==, expected);
  g_string_truncate (rec->log, 0);
}

static void
recorder_clear (Recorder *rec)
{
  g_clear_signal_handler (&rec->handler, rec->model);
  g_string_free (rec->log, TRUE);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_tag_new (void)
{
  g_autoptr(GlossTag) tag = gloss_tag_new ("port", NULL, "#1A5FB4", NULL);
  g_autoptr(GlossTag) labelled = gloss_tag_new ("ship", "Ship", "#e01b24", "A vessel");
  g_autoptr(GlossTag) builtin = gloss_tag_new_builtin ("claim", "Claim", "#9141ac", "A statement");
  g_autoptr(JsonObject) extra = json_object_new ();
  guint label_notifies = 0;
  guint color_notifies = 0;
  guint description_notifies = 0;
  guint order_notifies = 0;
  g_autofree char *label = NULL;

  g_assert_cmpstr (gloss_tag_get_id (tag), ==, "port");
  /* No label: the id stands in. */
  g_assert_cmpstr (gloss_tag_get_label (tag), ==, "port");
  g_assert_cmpstr (gloss_tag_get_color (tag), ==, "#1a5fb4");
  g_assert_cmpstr (gloss_tag_get_description (tag), ==, "");
  g_assert_false (gloss_tag_get_builtin (tag));
  g_assert_cmpuint (gloss_tag_get_order (tag), ==, 0);
  g_assert_null (gloss_tag_get_extra (tag));

  g_assert_cmpstr (gloss_tag_get_label (labelled), ==, "Ship");
  g_assert_cmpstr (gloss_tag_get_description (labelled), ==, "A vessel");

  g_assert_true (gloss_tag_get_builtin (builtin));
  g_assert_cmpstr (gloss_tag_get_raw_label (builtin), ==, "Claim");
  g_assert_cmpstr (gloss_tag_get_raw_description (builtin), ==, "A statement");

  g_signal_connect (tag, "notify::label", G_CALLBACK (count_notify), &label_notifies);
  g_signal_connect (tag, "notify::color", G_CALLBACK (count_notify), &color_notifies);
  g_signal_connect (tag, "notify::description", G_CALLBACK (count_notify), &description_notifies);
  g_signal_connect (tag, "notify::order", G_CALLBACK (count_notify), &order_notifies);

  gloss_tag_set_label (tag, "Port");
  gloss_tag_set_label (tag, "Port");
  /* An empty label is not a label. */
  gloss_tag_set_label (tag, "");
  gloss_tag_set_label (tag, NULL);
  g_assert_cmpstr (gloss_tag_get_label (tag), ==, "Port");
  g_assert_cmpuint (label_notifies, ==, 1);

  gloss_tag_set_color (tag, "#1a5fb4");
  gloss_tag_set_color (tag, "#1A5FB4");
  g_assert_cmpuint (color_notifies, ==, 0);
  gloss_tag_set_color (tag, "#E66100");
  g_assert_cmpstr (gloss_tag_get_color (tag), ==, "#e66100");
  g_assert_cmpuint (color_notifies, ==, 1);

  gloss_tag_set_description (tag, "Where ships dock.");
  gloss_tag_set_description (tag, "Where ships dock.");
  gloss_tag_set_description (tag, NULL);
  g_assert_cmpstr (gloss_tag_get_description (tag), ==, "");
  g_assert_cmpuint (description_notifies, ==, 2);

  gloss_tag_set_order (tag, 4);
  gloss_tag_set_order (tag, 4);
  g_assert_cmpuint (gloss_tag_get_order (tag), ==, 4);
  g_assert_cmpuint (order_notifies, ==, 1);

  g_object_get (tag, "label", &label, NULL);
  g_assert_cmpstr (label, ==, "Port");

  json_object_set_int_member (extra, "weight", 3);
  gloss_tag_set_extra (tag, extra);
  g_assert_true (gloss_tag_get_extra (tag) == extra);
  gloss_tag_set_extra (tag, gloss_tag_get_extra (tag));
  g_assert_true (gloss_tag_get_extra (tag) == extra);
  gloss_tag_set_extra (tag, NULL);
  g_assert_null (gloss_tag_get_extra (tag));

  /* A label typed by the user is no longer the built-in English one. */
  gloss_tag_set_label (builtin, "Assertion");
  g_assert_false (gloss_tag_get_builtin (builtin));
  g_assert_cmpstr (gloss_tag_get_label (builtin), ==, "Assertion");
  g_assert_cmpstr (gloss_tag_get_raw_label (builtin), ==, "Assertion");
}

static void
test_tag_id_valid (void)
{
  g_autofree char *longest = g_strnfill (64, 'a');
  g_autofree char *too_long = g_strnfill (65, 'a');
  static const char * const valid[] = { "a", "company", "tag-2", "x_y", "9lives", "a--b" };
  static const char * const invalid[] = {
    "", "Company", "-a", "_a", "a b", "\xc3\xa9t\xc3\xa9", "a.b", "a/b", "caf\xc3\xa9",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (gloss_tag_id_is_valid (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      if (gloss_tag_id_is_valid (invalid[i]))
        g_error ("“%s” was accepted as a tag id", invalid[i]);
    }

  g_assert_false (gloss_tag_id_is_valid (NULL));
  g_assert_true (gloss_tag_id_is_valid (longest));
  g_assert_false (gloss_tag_id_is_valid (too_long));
}

static void
test_tag_color_valid (void)
{
  static const char * const valid[] = { "#000000", "#FFFFFF", "#3584e4", "#aBcDeF" };
  static const char * const invalid[] = {
    "", "#fff", "3584e4", "#3584e", "#3584e44", "#3584g4", " #3584e4", "#3584e4 ", "red",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (gloss_tag_color_is_valid (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      if (gloss_tag_color_is_valid (invalid[i]))
        g_error ("“%s” was accepted as a colour", invalid[i]);
    }
  g_assert_false (gloss_tag_color_is_valid (NULL));
}

static void
test_slugify (void)
{
  static const struct {
    const char *text;
    const char *slug;
  } cases[] = {
    { "\xc3\x89lodie D'Arc", "elodie-d-arc" },
    /* The same name typed with a combining accent. */
    { "E\xcc\x81lodie D\xe2\x80\x99" "Arc", "elodie-d-arc" },
    { "Company", "company" },
    { "  Hello,   World!  ", "hello-world" },
    { "Cr\xc3\xa8me br\xc3\xbbl\xc3\xa9" "e", "creme-brulee" },
    { "\xc3\x87" "a va ? Tr\xc3\xa8s bien.", "ca-va-tres-bien" },
    { "\xef\xac\x81nance", "finance" },
    { "\xef\xbc\xa1\xef\xbc\xa2\xef\xbc\xa3 \xef\xbc\x92", "abc-2" },
    { "\xc3\xbc" "ber_cool", "uber-cool" },
    { "2024 results", "2024-results" },
    { "a\xe2\x80\x94" "b", "a-b" },
    { "Conflit d\xe2\x80\x99int\xc3\xa9r\xc3\xaats", "conflit-d-interets" },
    { "---", NULL },
    { "", NULL },
    { "   ", NULL },
    { "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", NULL },
    { "\xf0\x9f\x8e\x89", NULL },
  };
  g_autofree char *long_text = g_strnfill (70, 'A');
  g_autofree char *long_slug = NULL;
  g_autofree char *dash_text = NULL;
  g_autofree char *dash_slug = NULL;
  g_autofree char *sixty_three = g_strnfill (63, 'a');

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *slug = gloss_slugify (cases[i].text);

      if (g_strcmp0 (slug, cases[i].slug) != 0)
        g_error ("slug of “%s”: got “%s”, expected “%s”", cases[i].text,
                 slug ? slug : "(null)", cases[i].slug ? cases[i].slug : "(null)");
      if (slug != NULL)
        g_assert_true (gloss_tag_id_is_valid (slug));
    }

  /* At most 64 characters, never ending on a dash. */
  long_slug = gloss_slugify (long_text);
  g_assert_cmpuint (strlen (long_slug), ==, 64);
  g_assert_true (gloss_tag_id_is_valid (long_slug));

  dash_text = g_strconcat (sixty_three, " b", NULL);
  dash_slug = gloss_slugify (dash_text);
  g_assert_cmpstr (dash_slug, ==, sixty_three);
  g_assert_true (gloss_tag_id_is_valid (dash_slug));
}

static void
test_codebook_default (void)
{
  g_autoptr(GlossCodebook) codebook = gloss_codebook_new_default ();
  GListModel *model = G_LIST_MODEL (codebook);
  g_autofree char *ids = NULL;
  static const char * const expected[] = { "company", "controversy", "claim" };

  g_assert_true (g_list_model_get_item_type (model) == GLOSS_TYPE_TAG);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_null (g_list_model_get_item (model, 3));
  g_assert_null (gloss_codebook_get_tag (codebook, 3));
  g_assert_null (gloss_codebook_get_file (codebook));

  ids = tag_ids (codebook);
  g_assert_cmpstr (ids, ==, "company controversy claim");

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GlossTag *tag = gloss_codebook_get_tag (codebook, i);

      g_assert_true (gloss_codebook_lookup (codebook, expected[i]) == tag);
      g_assert_cmpuint (gloss_tag_get_order (tag), ==, i + 1);
      g_assert_true (gloss_tag_color_is_valid (gloss_tag_get_color (tag)));
      g_assert_true (gloss_tag_get_builtin (tag));
      g_assert_cmpstr (gloss_tag_get_label (tag), !=, "");
      g_assert_cmpstr (gloss_tag_get_description (tag), !=, "");

      /* Colours tell tags apart. */
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (gloss_tag_get_color (tag), !=,
                         gloss_tag_get_color (gloss_codebook_get_tag (codebook, j)));
    }

  g_assert_cmpstr (gloss_tag_get_label (gloss_codebook_lookup (codebook, "company")), ==, "Company");
  g_assert_null (gloss_codebook_lookup (codebook, "person"));
}

static void
test_codebook_extra_keys (void)
{
  static const char contents[] =
    "{\n"
    "  \"gloss_codebook\": 1,\n"
    "  \"$schema\": \"https://example.org/gloss-codebook.schema.json\",\n"
    "  \"project\": {\"name\": \"Ports\", \"year\": 2026},\n"
    "  \"tags\": [\n"
    "    {\"id\": \"port\", \"label\": \"Port\", \"color\": \"#1A5FB4\",\n"
    "     \"description\": \"A harbour, \\\"big\\\" or small\\nor a river port\",\n"
    "     \"icon\": \"anchor\", \"weight\": 2.5, \"aliases\": [\"harbour\", \"dock\"],\n"
    "     \"meta\": {\"a\": null, \"b\": [true, false, {}], \"c\": -7}},\n"
    "    {\"id\": \"ship\", \"color\": \"#e01b24\"}\n"
    "  ]\n"
    "}\n";
  g_autofree char *dir = make_test_dir ("extra");
  g_autoptr(GFile) file = write_file_in (dir, "gloss-codebook.json", contents);
  g_autoptr(GFile) again_file = NULL;
  g_autoptr(GlossCodebook) codebook = NULL;
  g_autoptr(GlossCodebook) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) original = json_parser_new ();
  g_autoptr(JsonParser) written = json_parser_new ();
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;
  JsonObject *orig_root, *out_root, *orig_tag, *out_tag;
  GlossTag *port, *ship;
  static const char * const tag_keys[] = { "icon", "weight", "aliases", "meta" };
  static const char * const top_keys[] = { "$schema", "project" };

  codebook = gloss_codebook_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (codebook);
  g_assert_true (g_file_equal (gloss_codebook_get_file (codebook), file));

  port = gloss_codebook_lookup (codebook, "port");
  ship = gloss_codebook_lookup (codebook, "ship");
  g_assert_nonnull (port);
  g_assert_nonnull (ship);
  g_assert_cmpstr (gloss_tag_get_label (port), ==, "Port");
  g_assert_cmpstr (gloss_tag_get_color (port), ==, "#1a5fb4");
  g_assert_cmpstr (gloss_tag_get_description (port), ==, "A harbour, \"big\" or small\nor a river port");
  g_assert_false (gloss_tag_get_builtin (port));
  g_assert_cmpstr (gloss_tag_get_label (ship), ==, "ship");
  g_assert_cmpuint (gloss_tag_get_order (port), ==, 1);
  g_assert_cmpuint (gloss_tag_get_order (ship), ==, 2);
  g_assert_nonnull (gloss_tag_get_extra (port));
  g_assert_null (gloss_tag_get_extra (ship));
  g_assert_cmpuint (json_object_get_size (gloss_tag_get_extra (port)), ==, 4);

  json = gloss_codebook_to_json (codebook);
  json_parser_load_from_data (original, contents, -1, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (written, json, -1, &error);
  g_assert_no_error (error);

  orig_root = json_node_get_object (json_parser_get_root (original));
  out_root = json_node_get_object (json_parser_get_root (written));
  orig_tag = json_array_get_object_element (json_object_get_array_member (orig_root, "tags"), 0);
  out_tag = json_array_get_object_element (json_object_get_array_member (out_root, "tags"), 0);

  for (guint i = 0; i < G_N_ELEMENTS (tag_keys); i++)
    {
      g_assert_true (json_object_has_member (out_tag, tag_keys[i]));
      g_assert_true (json_node_equal (json_object_get_member (orig_tag, tag_keys[i]),
                                      json_object_get_member (out_tag, tag_keys[i])));
    }
  g_assert_cmpstr (json_object_get_string_member (out_tag, "description"), ==,
                   "A harbour, \"big\" or small\nor a river port");

  /* Keys of the file itself survive too. */
  for (guint i = 0; i < G_N_ELEMENTS (top_keys); i++)
    {
      if (!json_object_has_member (out_root, top_keys[i]))
        g_error ("“%s” was lost:\n%s", top_keys[i], json);
      g_assert_true (json_node_equal (json_object_get_member (orig_root, top_keys[i]),
                                      json_object_get_member (out_root, top_keys[i])));
    }
  g_assert_cmpint (json_object_get_int_member (out_root, "gloss_codebook"), ==, 1);

  /* Writing what was read back gives the same bytes. */
  again_file = write_file_in (dir, "again.json", json);
  again = gloss_codebook_new_from_file (again_file, &error);
  g_assert_no_error (error);
  json_again = gloss_codebook_to_json (again);
  g_assert_cmpstr (json_again, ==, json);

  delete_tree_checked (dir);
}

typedef struct
{
  const char *what;
  const char *contents;
  int code;
} BadFile;

static void
test_codebook_errors (void)
{
  static const BadFile bad[] = {
    { "not JSON", "company, controversy, claim\n", GLOSS_ERROR_PARSE },
    { "empty file", "", GLOSS_ERROR_PARSE },
    { "cut short", "{\"tags\": [{\"id\": \"a\", \"color\": \"#000000\"}", GLOSS_ERROR_PARSE },
    { "trailing comma", "{\"tags\": [{\"id\": \"a\", \"color\": \"#000000\"},]}", GLOSS_ERROR_PARSE },
    { "two values", "{\"tags\": []} {}", GLOSS_ERROR_PARSE },
    { "bad UTF-8", "{\"tags\": [{\"id\": \"a\", \"label\": \"\xff\", \"color\": \"#000000\"}]}",
      GLOSS_ERROR_PARSE },
    { "no tags", "{\"gloss_codebook\": 1}", GLOSS_ERROR_NOT_GLOSS },
    { "tags not a list", "{\"tags\": {\"id\": \"a\"}}", GLOSS_ERROR_NOT_GLOSS },
    { "tags null", "{\"tags\": null}", GLOSS_ERROR_NOT_GLOSS },
    { "a list", "[{\"id\": \"a\", \"color\": \"#000000\"}]", GLOSS_ERROR_NOT_GLOSS },
    { "a string", "\"tags\"", GLOSS_ERROR_NOT_GLOSS },
    { "tag not an object", "{\"tags\": [\"company\"]}", GLOSS_ERROR_INVALID },
    { "no id", "{\"tags\": [{\"color\": \"#000000\"}]}", GLOSS_ERROR_INVALID },
    { "id not a string", "{\"tags\": [{\"id\": 5, \"color\": \"#000000\"}]}", GLOSS_ERROR_INVALID },
    { "id upper case", "{\"tags\": [{\"id\": \"Company\", \"color\": \"#000000\"}]}", GLOSS_ERROR_INVALID },
    { "id with a space", "{\"tags\": [{\"id\": \"a b\", \"color\": \"#000000\"}]}", GLOSS_ERROR_INVALID },
    { "id empty", "{\"tags\": [{\"id\": \"\", \"color\": \"#000000\"}]}", GLOSS_ERROR_INVALID },
    { "no colour", "{\"tags\": [{\"id\": \"a\"}]}", GLOSS_ERROR_INVALID },
    { "colour by name", "{\"tags\": [{\"id\": \"a\", \"color\": \"red\"}]}", GLOSS_ERROR_INVALID },
    { "colour short", "{\"tags\": [{\"id\": \"a\", \"color\": \"#123\"}]}", GLOSS_ERROR_INVALID },
    { "colour not hex", "{\"tags\": [{\"id\": \"a\", \"color\": \"#12345g\"}]}", GLOSS_ERROR_INVALID },
    { "colour a number", "{\"tags\": [{\"id\": \"a\", \"color\": 1193046}]}", GLOSS_ERROR_INVALID },
    { "label not a string", "{\"tags\": [{\"id\": \"a\", \"color\": \"#000000\", \"label\": null}]}",
      GLOSS_ERROR_INVALID },
    { "description a list", "{\"tags\": [{\"id\": \"a\", \"color\": \"#000000\", \"description\": []}]}",
      GLOSS_ERROR_INVALID },
    { "second tag bad", "{\"tags\": [{\"id\": \"a\", \"color\": \"#000000\"}, {\"id\": \"b\", \"color\": \"#00000\"}]}",
      GLOSS_ERROR_INVALID },
    { "duplicate id", "{\"tags\": [{\"id\": \"a\", \"color\": \"#000000\"}, {\"id\": \"b\", \"color\": \"#111111\"},"
      " {\"id\": \"a\", \"color\": \"#222222\"}]}", GLOSS_ERROR_DUPLICATE_ID },
  };
  g_autofree char *dir = make_test_dir ("errors");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *name = g_strdup_printf ("bad-%02u.json", i);
      g_autoptr(GFile) file = write_file_in (dir, name, bad[i].contents);
      g_autoptr(GlossCodebook) codebook = NULL;
      g_autoptr(GError) error = NULL;

      codebook = gloss_codebook_new_from_file (file, &error);
      if (codebook != NULL)
        g_error ("%s: the codebook was accepted", bad[i].what);
      if (!g_error_matches (error, GLOSS_ERROR, bad[i].code))
        g_error ("%s: error %s %d (%s), expected code %d", bad[i].what,
                 g_quark_to_string (error->domain), error->code, error->message, bad[i].code);
      assert_error_names_file (error, file);
    }

  delete_tree_checked (dir);
}

static void
test_codebook_unreadable (void)
{
  g_autofree char *dir = make_test_dir ("unreadable");
  g_autofree char *missing_path = g_build_filename (dir, "missing.json", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GlossCodebook) codebook = NULL;
  g_autoptr(GError) error = NULL;

  codebook = gloss_codebook_new_from_file (missing, &error);
  g_assert_null (codebook);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  assert_error_names_file (error, missing);
  g_clear_error (&error);

  codebook = gloss_codebook_new_from_file (folder, &error);
  g_assert_null (codebook);
  g_assert_nonnull (error);
  assert_error_names_file (error, folder);

  delete_tree_checked (dir);
}

/* Tags whose extra member nests @levels arrays, inside the root object,
 * the tags list and the tag object. */
static char *
nested_codebook (guint levels)
{
  g_autofree char *open = g_strnfill (levels, '[');
  g_autofree char *close = g_strnfill (levels, ']');

  return g_strdup_printf ("{\"tags\": [{\"id\": \"a\", \"color\": \"#000000\", \"deep\": %s%s}]}",
                          open, close);
}

static void
test_codebook_depth (void)
{
  g_autofree char *dir = make_test_dir ("depth");
  g_autofree char *at_limit = nested_codebook (64 - 3);
  g_autofree char *over_limit = nested_codebook (64 - 2);
  g_autofree char *open = g_strnfill (100000, '[');
  g_autoptr(GFile) ok_file = write_file_in (dir, "ok.json", at_limit);
  g_autoptr(GFile) deep_file = write_file_in (dir, "deep.json", over_limit);
  g_autoptr(GFile) very_deep_file = write_file_in (dir, "very-deep.json", open);
  g_autoptr(GlossCodebook) codebook = NULL;
  g_autoptr(GError) error = NULL;

  codebook = gloss_codebook_new_from_file (ok_file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (gloss_codebook_lookup (codebook, "a"));
  g_clear_object (&codebook);

  codebook = gloss_codebook_new_from_file (deep_file, &error);
  g_assert_null (codebook);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_DEEP);
  assert_error_names_file (error, deep_file);
  g_clear_error (&error);

  /* Refused as soon as the limit is met, whatever follows. */
  codebook = gloss_codebook_new_from_file (very_deep_file, &error);
  g_assert_null (codebook);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_DEEP);
  assert_error_names_file (error, very_deep_file);

  delete_tree_checked (dir);
}

/* TRUE when a folder from @dir up holds a codebook file. */
static gboolean
ancestors_have_codebook (const char *dir)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);

  while (folder != NULL)
    {
      g_autoptr(GFile) candidate = g_file_get_child (folder, GLOSS_CODEBOOK_FILE_NAME);
      GFile *parent;

      if (g_file_query_exists (candidate, NULL))
        return TRUE;
      parent = g_file_get_parent (folder);
      g_object_unref (folder);
      folder = parent;
    }

  return FALSE;
}

static char *
codebook_with_tag (const char *id)
{
  return g_strdup_printf ("{\"gloss_codebook\": 1, \"tags\": [{\"id\": \"%s\", \"color\": \"#123456\"}]}", id);
}

static void
test_codebook_for_article (void)
{
  g_autofree char *dir = make_test_dir ("for-article");
  g_autofree char *outer_json = codebook_with_tag ("outer");
  g_autofree char *project_json = codebook_with_tag ("project");
  g_autofree char *near_json = codebook_with_tag ("near");
  g_autoptr(GFile) article = write_file_in (dir, "project/articles/article.txt", "Cirrane won.\n");
  g_autoptr(GFile) outer = NULL;
  g_autoptr(GFile) project = NULL;
  g_autoptr(GFile) near = NULL;
  g_autoptr(GlossCodebook) codebook = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *articles_dir = g_build_filename (dir, "project", "articles", NULL);

  /* None yet: the default, unless a folder above the test has one. */
  if (!ancestors_have_codebook (dir))
    {
      codebook = gloss_codebook_new_for_article (article, &error);
      g_assert_no_error (error);
      g_assert_null (gloss_codebook_get_file (codebook));
      g_assert_nonnull (gloss_codebook_lookup (codebook, "company"));
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (codebook)), ==, 3);
      g_clear_object (&codebook);
    }

  /* Two folders up. */
  outer = write_file_in (dir, GLOSS_CODEBOOK_FILE_NAME, outer_json);
  codebook = gloss_codebook_new_for_article (article, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (gloss_codebook_get_file (codebook), outer));
  g_assert_nonnull (gloss_codebook_lookup (codebook, "outer"));
  g_clear_object (&codebook);

  /* The parent of the article's folder is nearer. */
  project = write_file_in (dir, "project/" GLOSS_CODEBOOK_FILE_NAME, project_json);
  codebook = gloss_codebook_new_for_article (article, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (gloss_codebook_get_file (codebook), project));
  g_assert_nonnull (gloss_codebook_lookup (codebook, "project"));
  g_assert_null (gloss_codebook_lookup (codebook, "outer"));
  g_clear_object (&codebook);

  /* The article's own folder is nearest. */
  near = write_file_in (articles_dir, GLOSS_CODEBOOK_FILE_NAME, near_json);
  codebook = gloss_codebook_new_for_article (article, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (gloss_codebook_get_file (codebook), near));
  g_assert_nonnull (gloss_codebook_lookup (codebook, "near"));
  g_clear_object (&codebook);

  /* A broken nearest codebook is an error, not the next one up. */
  g_file_set_contents (g_file_peek_path (near), "{\"tags\": [", -1, &error);
  g_assert_no_error (error);
  codebook = gloss_codebook_new_for_article (article, &error);
  g_assert_null (codebook);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_PARSE);
  assert_error_names_file (error, near);
  g_clear_error (&error);

  /* Nor is a codebook with a bad tag replaced by the default. */
  g_file_set_contents (g_file_peek_path (near),
                       "{\"tags\": [{\"id\": \"near\", \"color\": \"blue\"}]}", -1, &error);
  g_assert_no_error (error);
  codebook = gloss_codebook_new_for_article (article, &error);
  g_assert_null (codebook);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  assert_error_names_file (error, near);

  delete_tree_checked (dir);
}

static void
assert_same_tags (GlossCodebook *a,
                  GlossCodebook *b)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (a));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (b)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      GlossTag *x = gloss_codebook_get_tag (a, i);
      GlossTag *y = gloss_codebook_get_tag (b, i);

      g_assert_cmpstr (gloss_tag_get_id (x), ==, gloss_tag_get_id (y));
      g_assert_cmpstr (gloss_tag_get_label (x), ==, gloss_tag_get_label (y));
      g_assert_cmpstr (gloss_tag_get_raw_label (x), ==, gloss_tag_get_raw_label (y));
      g_assert_cmpstr (gloss_tag_get_color (x), ==, gloss_tag_get_color (y));
      g_assert_cmpstr (gloss_tag_get_description (x), ==, gloss_tag_get_description (y));
      g_assert_cmpuint (gloss_tag_get_order (x), ==, gloss_tag_get_order (y));

      if (gloss_tag_get_extra (x) == NULL)
        {
          g_assert_null (gloss_tag_get_extra (y));
        }
      else
        {
          g_autoptr(JsonNode) nx = json_node_init_object (json_node_alloc (), gloss_tag_get_extra (x));
          g_autoptr(JsonNode) ny = json_node_init_object (json_node_alloc (), gloss_tag_get_extra (y));

          g_assert_true (json_node_equal (nx, ny));
        }
    }
}

static void
test_codebook_save (void)
{
  g_autofree char *dir = make_test_dir ("save");
  g_autofree char *path = g_build_filename (dir, GLOSS_CODEBOOK_FILE_NAME, NULL);
  g_autofree char *nowhere_path = g_build_filename (dir, "no-such-folder", "codebook.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) nowhere = g_file_new_for_path (nowhere_path);
  g_autoptr(GlossCodebook) codebook = gloss_codebook_new_default ();
  g_autoptr(GlossCodebook) reloaded = NULL;
  g_autoptr(GlossTag) person = NULL;
  g_autoptr(GlossTag) place = NULL;
  g_autoptr(JsonObject) extra = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_reloaded = NULL;

  person = gloss_tag_new ("person", "Personne \xc3\xa0 \xe2\x80\x9c" "citer\xe2\x80\x9d", "#2ec27e",
                          "Line one\nline \"two\"\t\\ and a control \x01 character");
  json_object_set_string_member (extra, "icon", "avatar");
  json_object_set_boolean_member (extra, "hidden", FALSE);
  gloss_tag_set_extra (person, extra);
  place = gloss_tag_new ("place", NULL, "#986a44", NULL);
  g_assert_true (gloss_codebook_add (codebook, person));
  g_assert_true (gloss_codebook_add (codebook, place));
  gloss_codebook_move (codebook, "claim", 0);

  g_assert_true (gloss_codebook_save (codebook, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (gloss_codebook_get_file (codebook), file));

  reloaded = gloss_codebook_new_from_file (file, &error);
  g_assert_no_error (error);
  assert_same_tags (codebook, reloaded);

  json = gloss_codebook_to_json (codebook);
  json_reloaded = gloss_codebook_to_json (reloaded);
  g_assert_cmpstr (json_reloaded, ==, json);

  /* Saving over it again, after a change, replaces it. */
  gloss_tag_set_color (gloss_codebook_lookup (codebook, "place"), "#63452c");
  g_assert_true (gloss_codebook_save (codebook, file, &error));
  g_clear_object (&reloaded);
  reloaded = gloss_codebook_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_tag_get_color (gloss_codebook_lookup (reloaded, "place")), ==, "#63452c");

  /* A file that cannot be written: an error naming it, and the
   * codebook keeps its file. */
  g_assert_false (gloss_codebook_save (codebook, nowhere, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  assert_error_names_file (error, nowhere);
  g_assert_true (g_file_equal (gloss_codebook_get_file (codebook), file));

  delete_tree_checked (dir);
}

static void
test_codebook_empty (void)
{
  g_autofree char *dir = make_test_dir ("empty");
  g_autoptr(GFile) file = g_file_new_build_filename (dir, "empty.json", NULL);
  g_autoptr(GlossCodebook) codebook = gloss_codebook_new ();
  g_autoptr(GlossCodebook) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = gloss_codebook_to_json (codebook);
  g_autoptr(JsonParser) parser = json_parser_new ();

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_codebook_save (codebook, file, &error));
  reloaded = gloss_codebook_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 0);

  delete_tree_checked (dir);
}

static void
test_codebook_move_remove (void)
{
  g_autoptr(GlossCodebook) codebook = gloss_codebook_new_default ();
  g_autoptr(GlossTag) person = gloss_tag_new ("person", "Person", "#2ec27e", NULL);
  g_autoptr(GlossTag) place = gloss_tag_new ("place", "Place", "#986a44", NULL);
  g_autoptr(GlossTag) other_company = gloss_tag_new ("company", "Firm", "#1a5fb4", NULL);
  g_autoptr(GlossTag) claim = NULL;
  guint claim_order_notifies = 0;
  Recorder rec;
  char *ids;

  recorder_init (&rec, codebook);
  g_assert_true (gloss_codebook_add (codebook, person));
  recorder_expect (&rec, "3,0,1");
  g_assert_cmpuint (gloss_tag_get_order (person), ==, 4);
  g_assert_true (gloss_codebook_add (codebook, place));
  recorder_expect (&rec, "4,0,1");
  /* An id that is taken. */
  g_assert_false (gloss_codebook_add (codebook, other_company));
  g_assert_false (gloss_codebook_add (codebook, person));
  recorder_expect (&rec, "");

  claim = g_object_ref (gloss_codebook_lookup (codebook, "claim"));
  g_signal_connect (claim, "notify::order", G_CALLBACK (count_notify), &claim_order_notifies);

  gloss_codebook_move (codebook, "claim", 0);
  recorder_expect (&rec, "0,3,3");
  ids = tag_ids (codebook);
  g_assert_cmpstr (ids, ==, "claim company controversy person place");
  g_free (ids);
  g_assert_cmpuint (claim_order_notifies, ==, 1);

  gloss_codebook_move (codebook, "company", 3);
  recorder_expect (&rec, "1,3,3");
  ids = tag_ids (codebook);
  g_assert_cmpstr (ids, ==, "claim controversy person company place");
  g_free (ids);

  /* Past the end: the last place. */
  gloss_codebook_move (codebook, "claim", 100);
  recorder_expect (&rec, "0,5,5");
  ids = tag_ids (codebook);
  g_assert_cmpstr (ids, ==, "controversy person company place claim");
  g_free (ids);

  /* Where it already is: nothing. */
  gloss_codebook_move (codebook, "place", 3);
  recorder_expect (&rec, "");

  g_assert_true (gloss_codebook_remove (codebook, "person"));
  recorder_expect (&rec, "1,1,0");
  ids = tag_ids (codebook);
  g_assert_cmpstr (ids, ==, "controversy company place claim");
  g_free (ids);
  g_assert_cmpuint (gloss_tag_get_order (claim), ==, 4);

  g_assert_false (gloss_codebook_remove (codebook, "person"));
  g_assert_false (gloss_codebook_remove (codebook, "nobody"));
  recorder_expect (&rec, "");

  g_assert_true (gloss_codebook_remove (codebook, "controversy"));
  g_assert_true (gloss_codebook_remove (codebook, "claim"));
  recorder_expect (&rec, "0,1,0 2,1,0");
  ids = tag_ids (codebook);
  g_assert_cmpstr (ids, ==, "company place");
  g_free (ids);

  /* The removed tag's id is free again. */
  g_assert_true (gloss_codebook_add (codebook, person));
  recorder_expect (&rec, "2,0,1");
  g_assert_cmpuint (gloss_tag_get_order (person), ==, 3);

  g_signal_handlers_disconnect_by_data (claim, &claim_order_notifies);
  recorder_clear (&rec);
}

static void
test_codebook_shared_tag (void)
{
  g_autoptr(GlossCodebook) first = gloss_codebook_new_default ();
  g_autoptr(GlossCodebook) second = gloss_codebook_new ();
  GlossTag *claim = gloss_codebook_lookup (first, "claim");
  GlossTag *company = gloss_codebook_lookup (first, "company");
  char *ids;

  /* A tag object added to another codebook takes its order there, which
   * is not its place in the first one. */
  g_assert_true (gloss_codebook_add (second, claim));
  g_assert_cmpuint (gloss_tag_get_order (claim), ==, 1);

  gloss_codebook_move (first, "claim", 0);
  g_assert_true (gloss_codebook_get_tag (first, 0) == claim);
  g_assert_true (gloss_codebook_get_tag (first, 1) == company);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (first)), ==, 3);
  ids = tag_ids (first);
  g_assert_cmpstr (ids, ==, "claim company controversy");
  g_free (ids);

  /* Same with an order set by hand. */
  gloss_tag_set_order (company, 77);
  gloss_codebook_move (first, "company", 2);
  ids = tag_ids (first);
  g_assert_cmpstr (ids, ==, "claim controversy company");
  g_free (ids);
}

static void
test_codebook_suggest_color (void)
{
  g_autoptr(GlossCodebook) codebook = gloss_codebook_new_default ();
  g_autoptr(GlossCodebook) empty = gloss_codebook_new ();
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *color;

  color = gloss_codebook_suggest_color (empty);
  g_assert_true (gloss_tag_color_is_valid (color));

  for (guint i = 0; i < 3; i++)
    g_hash_table_add (used, g_strdup (gloss_tag_get_color (gloss_codebook_get_tag (codebook, i))));

  /* Each new tag takes the suggestion; none is ever one in use, until
   * there is none left to suggest. */
  for (guint i = 0; i < 9; i++)
    {
      g_autofree char *id = g_strdup_printf ("tag-%u", i);
      g_autoptr(GlossTag) tag = NULL;
      g_autofree char *lower = NULL;

      color = gloss_codebook_suggest_color (codebook);
      g_assert_true (gloss_tag_color_is_valid (color));
      lower = g_ascii_strdown (color, -1);
      if (g_hash_table_contains (used, lower))
        g_error ("suggested %s, already used", color);
      g_hash_table_add (used, g_steal_pointer (&lower));

      tag = gloss_tag_new (id, NULL, color, NULL);
      g_assert_true (gloss_codebook_add (codebook, tag));
    }

  /* Twelve colours in use: any valid colour will do. */
  color = gloss_codebook_suggest_color (codebook);
  g_assert_true (gloss_tag_color_is_valid (color));

  /* A colour freed by removing its tag is offered again. */
  g_assert_true (gloss_codebook_remove (codebook, "controversy"));
  g_assert_cmpstr (gloss_codebook_suggest_color (codebook), ==, "#e66100");
}

static void
test_codebook_copy (void)
{
  g_autofree char *dir = make_test_dir ("copy");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GlossCodebook) codebook = NULL;
  g_autoptr(GlossCodebook) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_copy = NULL;
  GlossTag *tag;

  file = write_file_in (dir, GLOSS_CODEBOOK_FILE_NAME,
                     "{\"gloss_codebook\": 1, \"project\": {\"name\": \"harbour\"},\n"
                     " \"tags\": [\n"
                     "  {\"id\": \"person\", \"label\": \"Person\", \"color\": \"#2ec27e\",\n"
                     "   \"description\": \"Someone named\", \"icon\": {\"name\": \"avatar\"}},\n"
                     "  {\"id\": \"place\", \"color\": \"#986a44\"}]}\n");
  codebook = gloss_codebook_new_from_file (file, &error);
  g_assert_no_error (error);

  copy = gloss_codebook_copy (codebook);
  g_assert_true (gloss_codebook_get_file (copy) == file);
  assert_same_tags (codebook, copy);
  for (guint i = 0; i < 2; i++)
    g_assert_true (gloss_codebook_get_tag (copy, i) != gloss_codebook_get_tag (codebook, i));

  /* Unknown keys, of the file and of its tags, are copied too. */
  json = gloss_codebook_to_json (codebook);
  json_copy = gloss_codebook_to_json (copy);
  g_assert_cmpstr (json_copy, ==, json);
  g_assert_true (gloss_tag_get_extra (gloss_codebook_lookup (copy, "person")) !=
                 gloss_tag_get_extra (gloss_codebook_lookup (codebook, "person")));

  /* Changing the copy leaves the original as it was. */
  tag = gloss_codebook_lookup (copy, "person");
  gloss_tag_set_label (tag, "Somebody");
  gloss_tag_set_color (tag, "#c01c28");
  gloss_codebook_move (copy, "place", 0);
  g_assert_true (gloss_codebook_remove (copy, "person"));
  tag = gloss_codebook_lookup (codebook, "person");
  g_assert_cmpstr (gloss_tag_get_label (tag), ==, "Person");
  g_assert_cmpstr (gloss_tag_get_color (tag), ==, "#2ec27e");
  g_assert_cmpuint (gloss_tag_get_order (tag), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (codebook)), ==, 2);

  g_clear_object (&copy);

  /* The default: built-in tags stay built-in, and there is no file. */
  g_clear_object (&codebook);
  codebook = gloss_codebook_new_default ();
  copy = gloss_codebook_copy (codebook);
  g_assert_null (gloss_codebook_get_file (copy));
  assert_same_tags (codebook, copy);
  for (guint i = 0; i < 3; i++)
    g_assert_true (gloss_tag_get_builtin (gloss_codebook_get_tag (copy, i)));

  delete_tree_checked (dir);
}

typedef struct
{
  guint label;
  guint color;
  guint description;
  guint order;
} TagNotifies;

static void
tag_notify (GlossTag    *tag,
            GParamSpec  *pspec,
            TagNotifies *counts)
{
  const char *name = g_param_spec_get_name (pspec);

  if (strcmp (name, "label") == 0)
    counts->label++;
  else if (strcmp (name, "color") == 0)
    counts->color++;
  else if (strcmp (name, "description") == 0)
    counts->description++;
  else if (strcmp (name, "order") == 0)
    counts->order++;
}

static void
test_codebook_assign (void)
{
  g_autofree char *dir = make_test_dir ("assign");
  g_autoptr(GFile) file = g_file_new_build_filename (dir, GLOSS_CODEBOOK_FILE_NAME, NULL);
  g_autoptr(GlossCodebook) codebook = gloss_codebook_new_default ();
  g_autoptr(GlossCodebook) edited = NULL;
  g_autoptr(GlossTag) person = gloss_tag_new ("person", "Person", "#2ec27e", NULL);
  g_autoptr(GlossTag) place = gloss_tag_new ("place", "Place", "#986a44", NULL);
  g_autoptr(GlossTag) event = NULL;
  g_autoptr(GlossTag) company = NULL;
  g_autoptr(GlossTag) claim = NULL;
  TagNotifies company_counts = { 0 }, claim_counts = { 0 }, place_counts = { 0 };
  Recorder rec;
  char *ids;

  g_assert_true (gloss_codebook_add (codebook, person));
  g_assert_true (gloss_codebook_add (codebook, place));
  company = g_object_ref (gloss_codebook_lookup (codebook, "company"));
  claim = g_object_ref (gloss_codebook_lookup (codebook, "claim"));
  g_signal_connect (company, "notify", G_CALLBACK (tag_notify), &company_counts);
  g_signal_connect (claim, "notify", G_CALLBACK (tag_notify), &claim_counts);
  g_signal_connect (place, "notify", G_CALLBACK (tag_notify), &place_counts);
  recorder_init (&rec, codebook);

  /* The same tags: nothing happens. */
  edited = gloss_codebook_copy (codebook);
  gloss_codebook_assign (codebook, edited);
  recorder_expect (&rec, "");
  g_assert_cmpuint (company_counts.label + company_counts.color + company_counts.order, ==, 0);

  /* Only values change: the tags notify, the list does not. */
  gloss_tag_set_label (gloss_codebook_lookup (edited, "company"), "Firm");
  gloss_tag_set_color (gloss_codebook_lookup (edited, "claim"), "#1A5FB4");
  gloss_tag_set_description (gloss_codebook_lookup (edited, "place"), "Where it happens");
  gloss_codebook_assign (codebook, edited);
  recorder_expect (&rec, "");
  g_assert_true (gloss_codebook_lookup (codebook, "company") == company);
  g_assert_cmpstr (gloss_tag_get_label (company), ==, "Firm");
  g_assert_false (gloss_tag_get_builtin (company));
  g_assert_cmpuint (company_counts.label, ==, 1);
  g_assert_cmpuint (company_counts.color, ==, 0);
  g_assert_cmpstr (gloss_tag_get_color (claim), ==, "#1a5fb4");
  g_assert_cmpuint (claim_counts.color, ==, 1);
  /* A built-in tag whose label stays keeps its translated label. */
  g_assert_true (gloss_tag_get_builtin (claim));
  g_assert_cmpuint (claim_counts.label, ==, 0);
  g_assert_cmpstr (gloss_tag_get_description (place), ==, "Where it happens");
  g_assert_cmpuint (place_counts.description, ==, 1);

  /* A tag added at the end. */
  event = gloss_tag_new ("event", "Event", "#f5c211", NULL);
  g_assert_true (gloss_codebook_add (edited, event));
  gloss_codebook_assign (codebook, edited);
  recorder_expect (&rec, "5,0,1");
  g_assert_true (gloss_codebook_lookup (codebook, "event") != event);
  g_assert_cmpstr (gloss_tag_get_label (gloss_codebook_lookup (codebook, "event")), ==, "Event");

  /* A tag removed in the middle. */
  g_assert_true (gloss_codebook_remove (edited, "person"));
  gloss_codebook_assign (codebook, edited);
  recorder_expect (&rec, "3,1,0");
  g_assert_null (gloss_codebook_lookup (codebook, "person"));
  g_assert_cmpuint (place_counts.order, ==, 1);

  /* Moves, a removal and an addition at once: one signal over the span
   * between the tags that keep their place. */
  place_counts.order = 0;
  gloss_codebook_move (edited, "claim", 0);
  g_assert_true (gloss_codebook_remove (edited, "controversy"));
  g_assert_true (gloss_codebook_add (edited, person));
  gloss_codebook_move (edited, "person", 2);
  gloss_codebook_move (edited, "event", 4);
  ids = tag_ids (edited);
  g_assert_cmpstr (ids, ==, "claim company person place event");
  g_free (ids);
  g_assert_true (gloss_codebook_save (edited, file, NULL));

  gloss_codebook_assign (codebook, edited);
  recorder_expect (&rec, "0,3,3");
  ids = tag_ids (codebook);
  g_assert_cmpstr (ids, ==, "claim company person place event");
  g_free (ids);
  g_assert_true (gloss_codebook_get_tag (codebook, 0) == claim);
  g_assert_true (gloss_codebook_get_tag (codebook, 1) == company);
  g_assert_true (gloss_codebook_get_tag (codebook, 3) == place);
  /* The tag object of the other codebook is not shared. */
  g_assert_true (gloss_codebook_get_tag (codebook, 2) != person);
  g_assert_cmpuint (gloss_tag_get_order (claim), ==, 1);
  g_assert_cmpuint (claim_counts.order, ==, 1);
  g_assert_cmpuint (place_counts.order, ==, 0);
  /* It takes the file of the codebook it copies. */
  g_assert_true (g_file_equal (gloss_codebook_get_file (codebook), file));
  g_assert_true (gloss_codebook_lookup (edited, "claim") != claim);
  assert_same_tags (codebook, edited);

  /* Emptied, then filled again. */
  g_clear_object (&edited);
  edited = gloss_codebook_new ();
  gloss_codebook_assign (codebook, edited);
  recorder_expect (&rec, "0,5,0");
  g_assert_null (gloss_codebook_get_file (codebook));
  g_clear_object (&edited);
  edited = gloss_codebook_new_default ();
  gloss_codebook_assign (codebook, edited);
  recorder_expect (&rec, "0,0,3");
  assert_same_tags (codebook, edited);

  /* With itself: nothing. */
  gloss_codebook_assign (codebook, codebook);
  recorder_expect (&rec, "");

  g_signal_handlers_disconnect_by_data (company, &company_counts);
  g_signal_handlers_disconnect_by_data (claim, &claim_counts);
  g_signal_handlers_disconnect_by_data (place, &place_counts);
  recorder_clear (&rec);
  delete_tree_checked (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("gloss-test-codebook-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/tag/new", test_tag_new);
  g_test_add_func ("/tag/id-valid", test_tag_id_valid);
  g_test_add_func ("/tag/color-valid", test_tag_color_valid);
  g_test_add_func ("/tag/slugify", test_slugify);
  g_test_add_func ("/codebook/default", test_codebook_default);
  g_test_add_func ("/codebook/extra-keys", test_codebook_extra_keys);
  g_test_add_func ("/codebook/errors", test_codebook_errors);
  g_test_add_func ("/codebook/unreadable", test_codebook_unreadable);
  g_test_add_func ("/codebook/depth", test_codebook_depth);
  g_test_add_func ("/codebook/for-article", test_codebook_for_article);
  g_test_add_func ("/codebook/save", test_codebook_save);
  g_test_add_func ("/codebook/empty", test_codebook_empty);
  g_test_add_func ("/codebook/move-remove", test_codebook_move_remove);
  g_test_add_func ("/codebook/shared-tag", test_codebook_shared_tag);
  g_test_add_func ("/codebook/suggest-color", test_codebook_suggest_color);
  g_test_add_func ("/codebook/copy", test_codebook_copy);
  g_test_add_func ("/codebook/assign", test_codebook_assign);

  ret = g_test_run ();

  delete_tree_checked (tmp_dir);
  g_free (tmp_dir);

  return ret;
}
