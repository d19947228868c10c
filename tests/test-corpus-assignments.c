/* test-corpus-assignments.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gloss-corpus-assignments.h"
#include "gloss-error.h"
#include "file-test-util.h"

/* gloss-assignments.csv: a good file, quoted fields, a byte order mark
 * and CRLF line ends, the header's columns in any order and case, each
 * kind of malformed line named by its number, a row naming an article
 * that is not in the folder, and what is not a regular file refused. */

typedef DirFixture Fixture;

static GlossAssignments *
parse (const char  *text,
       GError     **error)
{
  return gloss_assignments_parse (text, strlen (text), "gloss-assignments.csv", error);
}

static void
assert_ids (const char * const *ids,
            const char         *expected)
{
  g_autofree char *joined = ids != NULL ? g_strjoinv (",", (char **) ids) : NULL;

  g_assert_cmpstr (joined, ==, expected);
}

static void
test_good (void)
{
  g_autoptr(GlossAssignments) a = NULL;
  g_autoptr(GError) error = NULL;

  a = parse ("article,annotator\n"
             "a.txt,alice\n"
             "a.txt,bob\n"
             "sub/c.txt,alice\n"
             "\n"
             "a.txt,alice\n"
             "./sub//d.txt,carol\n", &error);
  g_assert_no_error (error);
  g_assert_nonnull (a);
  g_assert_cmpuint (gloss_assignments_get_n_rows (a), ==, 5);
  assert_ids (gloss_assignments_lookup (a, "a.txt"), "alice,bob");
  assert_ids (gloss_assignments_lookup (a, "sub/c.txt"), "alice");
  assert_ids (gloss_assignments_lookup (a, "sub/d.txt"), "carol");
  g_assert_null (gloss_assignments_lookup (a, "b.txt"));
  assert_ids (gloss_assignments_get_annotators (a), "alice,bob,carol");
  g_assert_true (gloss_assignments_is_assigned (a, "a.txt", "bob"));
  g_assert_false (gloss_assignments_is_assigned (a, "sub/c.txt", "bob"));
  g_assert_false (gloss_assignments_is_assigned (a, "b.txt", "alice"));
}

/* A header and nothing else: no assignment, and an empty list of
 * annotators rather than none. */
static void
test_header_only (void)
{
  g_autoptr(GlossAssignments) a = NULL;
  g_autoptr(GError) error = NULL;

  a = parse ("article,annotator,note\r\n\r\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_assignments_get_n_rows (a), ==, 0);
  g_assert_nonnull (gloss_assignments_get_annotators (a));
  g_assert_null (gloss_assignments_get_annotators (a)[0]);
  g_assert_null (gloss_assignments_lookup (a, "a.txt"));
}

/* Quoted fields with commas, quotes and line ends in them; a BOM, CRLF,
 * the columns the other way round, in capitals, among others. */
static void
test_quoted_bom_crlf (void)
{
  g_autoptr(GlossAssignments) a = NULL;
  g_autoptr(GError) error = NULL;

  a = parse ("\xef\xbb\xbf" "Note,ANNOTATOR,Article\r\n"
             "\"two, \"\"quoted\"\"\r\nlines\",alice,\"x, y.txt\"\r\n"
             "plain,\"bob\",\"say \"\"hi\"\".txt\"\r\n"
             ",carol,z.txt", &error);
  g_assert_no_error (error);
  assert_ids (gloss_assignments_lookup (a, "x, y.txt"), "alice");
  assert_ids (gloss_assignments_lookup (a, "say \"hi\".txt"), "bob");
  /* The last line has no line end. */
  assert_ids (gloss_assignments_lookup (a, "z.txt"), "carol");
}

typedef struct
{
  const char *text;
  int code;
  const char *message;   /* the start of the error's message */
} Malformed;

static void
test_malformed (void)
{
  static const Malformed cases[] = {
    { "", GLOSS_ERROR_PARSE, "gloss-assignments.csv, line 1: the first line must name" },
    { "path,who\na.txt,alice\n", GLOSS_ERROR_PARSE, "gloss-assignments.csv, line 1: the first line must name" },
    { "article,annotator,Article\n", GLOSS_ERROR_PARSE, "gloss-assignments.csv, line 1: the column “article” is named twice" },
    { "article,annotator\na.txt,alice\nb.txt\n", GLOSS_ERROR_PARSE, "gloss-assignments.csv, line 3: 1 field where the first line has 2" },
    { "article,annotator\na.txt,alice\n\n\nb.txt,bob,x\n", GLOSS_ERROR_PARSE, "gloss-assignments.csv, line 5: 3 fields where" },
    { "article,annotator\n\"a.txt\nb.txt,alice\n", GLOSS_ERROR_PARSE, "gloss-assignments.csv, line 2: a quoted field is not closed" },
    { "article,annotator\r\n\"a\r\n.txt\"x,alice\r\n", GLOSS_ERROR_PARSE, "gloss-assignments.csv, line 3: text after a closing quote" },
    { "article,annotator\na\"b.txt,alice\n", GLOSS_ERROR_PARSE, "gloss-assignments.csv, line 2: a quote inside a field" },
    { "article,annotator\na.txt,alice\na.txt,Bob Smith\n", GLOSS_ERROR_INVALID, "gloss-assignments.csv, line 3: “Bob Smith” is not an annotator id" },
    { "article,annotator\na.txt,\n", GLOSS_ERROR_INVALID, "gloss-assignments.csv, line 2: the annotator is missing" },
    { "article,annotator\n,alice\n", GLOSS_ERROR_INVALID, "gloss-assignments.csv, line 2: the article is missing" },
    { "article,annotator\n../x.txt,alice\n", GLOSS_ERROR_INVALID, "gloss-assignments.csv, line 2: “../x.txt” is not a path under the folder" },
    { "article,annotator\n/etc/passwd,alice\n", GLOSS_ERROR_INVALID, "gloss-assignments.csv, line 2: “/etc/passwd” is not a path" },
    { "article,annotator\nsub\\a.txt,alice\n", GLOSS_ERROR_INVALID, "gloss-assignments.csv, line 2: “sub\\a.txt” is not a path" },
    { "article,annotator\na.txt,alice\nb\xff.txt,bob\n", GLOSS_ERROR_PARSE, "gloss-assignments.csv, line 3: the text is not UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossAssignments) a = parse (cases[i].text, &error);

      g_test_message ("case %u: %s", i, cases[i].text);
      g_assert_null (a);
      g_assert_error (error, GLOSS_ERROR, cases[i].code);
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, cases[i].message);
    }

  /* A line ending in a comma at the very end of the data, which is not
   * NUL-terminated: an empty last field, read without going past it. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *data = g_strdup ("article,annotator\na.txt,");
    g_autoptr(GlossAssignments) a = gloss_assignments_parse (data, strlen (data), "gloss-assignments.csv", &error);

    g_assert_null (a);
    g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, "gloss-assignments.csv, line 2: the annotator is missing"));
  }

  /* A NUL byte, on its line. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GlossAssignments) a = gloss_assignments_parse ("article,annotator\na\0.txt,bob\n", 28,
                                                             "gloss-assignments.csv", &error);

    g_assert_null (a);
    g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_PARSE);
    g_assert_true (g_str_has_prefix (error->message, "gloss-assignments.csv, line 2:"));
  }
}

/* No more annotators than a list can show as columns. */
static void
test_too_many_annotators (void)
{
  g_autoptr(GString) text = g_string_new ("article,annotator\n");
  g_autoptr(GlossAssignments) a = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  for (guint i = 0; i < GLOSS_ASSIGNMENTS_MAX_ANNOTATORS; i++)
    g_string_append_printf (text, "a.txt,annotator-%u\nb.txt,annotator-%u\n", i, i);
  a = parse (text->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((char **) gloss_assignments_get_annotators (a)), ==,
                    GLOSS_ASSIGNMENTS_MAX_ANNOTATORS);
  g_clear_pointer (&a, gloss_assignments_free);

  g_string_append (text, "a.txt,one-too-many\n");
  a = parse (text->str, &error);
  g_assert_null (a);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  expected = g_strdup_printf ("gloss-assignments.csv, line %u: more than ", 2 * GLOSS_ASSIGNMENTS_MAX_ANNOTATORS + 2);
  g_assert_true (g_str_has_prefix (error->message, expected));
}

/* A row whose article is not in the folder: a warning naming the line. */
static void
test_unknown_article (void)
{
  g_autoptr(GlossAssignments) a = NULL;
  g_autoptr(GHashTable) articles = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;

  a = parse ("article,annotator\na.txt,alice\nmissing.txt,alice\nsub/c.txt,bob\n", &error);
  g_assert_no_error (error);
  g_hash_table_add (articles, (char *) "a.txt");
  g_hash_table_add (articles, (char *) "sub/c.txt");
  warnings = gloss_assignments_check (a, articles);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==,
                   "gloss-assignments.csv, line 3: “missing.txt” is not an article of the folder; "
                   "the line is left aside");
  /* The row is kept all the same. */
  g_assert_true (gloss_assignments_is_assigned (a, "missing.txt", "alice"));
}

static void
test_load (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autoptr(GFile) sub = NULL;
  g_autoptr(GFile) article = NULL;
  g_autofree char *csv = g_build_filename (f->dir, GLOSS_ASSIGNMENTS_FILE_NAME, NULL);
  g_autofree char *elsewhere = g_build_filename (f->dir, "elsewhere.csv", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GlossAssignments) a = NULL;
  g_autoptr(GError) error = NULL;

  /* No file: not found, which callers take for no assignments. */
  a = gloss_assignments_load (folder, NULL, &error);
  g_assert_null (a);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  write_file (csv, "article,annotator\nsub/a.txt,alice\n");
  a = gloss_assignments_load (folder, NULL, &error);
  g_assert_no_error (error);
  assert_ids (gloss_assignments_lookup (a, "sub/a.txt"), "alice");
  g_assert_cmpstr (gloss_assignments_get_display_name (a), ==, csv);
  g_clear_pointer (&a, gloss_assignments_free);

  /* A malformed file is named with its path. */
  write_file (csv, "article,annotator\nsub/a.txt\n");
  a = gloss_assignments_load (folder, NULL, &error);
  g_assert_null (a);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "gloss-assignments.csv, line 2:"));
  g_assert_true (g_str_has_prefix (error->message, f->dir));
  g_clear_error (&error);

  /* The path the file gives an article. */
  sub = g_file_get_child (folder, "sub");
  article = g_file_get_child (sub, "a.txt");
  path = gloss_assignments_path_of (folder, article);
  g_assert_cmpstr (path, ==, "sub/a.txt");

  /* A link to a regular file is followed, as the walk follows links. */
  g_assert_cmpint (g_unlink (csv), ==, 0);
  write_file (elsewhere, "article,annotator\nb.txt,bob\n");
  g_assert_cmpint (symlink (elsewhere, csv), ==, 0);
  a = gloss_assignments_load (folder, NULL, &error);
  g_assert_no_error (error);
  assert_ids (gloss_assignments_lookup (a, "b.txt"), "bob");
}

/* What is not a regular file is refused, quickly, with its name. */
static void
assert_refused (Fixture *f,
                int      code)
{
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autoptr(GlossAssignments) a = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  a = gloss_assignments_load (folder, NULL, &error);
  g_assert_null (a);
  g_assert_error (error, G_IO_ERROR, code);
  g_assert_nonnull (strstr (error->message, GLOSS_ASSIGNMENTS_FILE_NAME));
  /* Never blocked on a pipe nobody writes to. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

static void
test_not_regular (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, GLOSS_ASSIGNMENTS_FILE_NAME, NULL);
  g_autofree char *fifo = g_build_filename (f->dir, "pipe", NULL);
  g_autofree char *gone = g_build_filename (f->dir, "gone.csv", NULL);

  /* A named pipe. */
  g_assert_cmpint (mkfifo (csv, 0644), ==, 0);
  assert_refused (f, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_cmpint (g_unlink (csv), ==, 0);

  /* A link to a named pipe. */
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_cmpint (symlink (fifo, csv), ==, 0);
  assert_refused (f, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_cmpint (g_unlink (csv), ==, 0);

  /* A broken link. */
  g_assert_cmpint (symlink (gone, csv), ==, 0);
  assert_refused (f, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_cmpint (g_unlink (csv), ==, 0);

  /* A folder of that name. */
  g_assert_cmpint (g_mkdir (csv, 0755), ==, 0);
  assert_refused (f, G_IO_ERROR_IS_DIRECTORY);
}

/* A file over the limit is refused before it is read whole. */
static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autofree char *csv = g_build_filename (f->dir, GLOSS_ASSIGNMENTS_FILE_NAME, NULL);
  g_autoptr(GlossAssignments) a = NULL;
  g_autoptr(GError) error = NULL;
  FILE *out = fopen (csv, "w");

  g_assert_nonnull (out);
  g_assert_cmpint (fseek (out, GLOSS_ASSIGNMENTS_MAX_SIZE, SEEK_SET), ==, 0);
  fputs ("x\n", out);
  fclose (out);

  a = gloss_assignments_load (folder, NULL, &error);
  g_assert_null (a);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/corpus-assignments/good", test_good);
  g_test_add_func ("/corpus-assignments/header-only", test_header_only);
  g_test_add_func ("/corpus-assignments/quoted-bom-crlf", test_quoted_bom_crlf);
  g_test_add_func ("/corpus-assignments/malformed", test_malformed);
  g_test_add_func ("/corpus-assignments/unknown-article", test_unknown_article);
  g_test_add_func ("/corpus-assignments/too-many-annotators", test_too_many_annotators);
  g_test_add ("/corpus-assignments/load", Fixture, NULL, dir_fixture_set_up, test_load, dir_fixture_tear_down);
  g_test_add ("/corpus-assignments/not-regular", Fixture, NULL, dir_fixture_set_up, test_not_regular,
              dir_fixture_tear_down);
  g_test_add ("/corpus-assignments/too-large", Fixture, NULL, dir_fixture_set_up, test_too_large,
              dir_fixture_tear_down);

  return g_test_run ();
}
