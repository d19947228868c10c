/* test-source.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-source.h"
#include "gloss-text-index.h"

#define SHA256_ABC   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
#define SHA256_EMPTY "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

static char *tmp_dir;

static GFile *
write_file (const char *name,
            const char *data,
            gssize      length)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

/* Writes @data to a file called @name, loads it and removes the file, so
 * that every test leaves the temporary folder as it found it. */
static GlossSource *
load (const char  *name,
      const char  *data,
      gssize       length,
      gsize        max_size,
      GError     **error)
{
  g_autoptr(GFile) file = write_file (name, data, length);
  GlossSource *source;

  source = gloss_source_new_from_plain_text (file, max_size, NULL, error);
  g_assert_true (g_file_delete (file, NULL, NULL));

  return source;
}

static void
assert_slice (GlossSource *source,
              guint        start,
              guint        end,
              const char  *expected)
{
  g_autofree char *slice = gloss_source_dup_slice (source, start, end);

  g_assert_cmpstr (slice, ==, expected);
  g_assert_true (gloss_source_slice_equals (source, start, end, expected));
}

static void
test_bom (void)
{
  static const char data[] = "\xef\xbb\xbfHello\n";
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GError) error = NULL;
  const GlossBlock *blocks;
  guint n_blocks = 0;

  source = load ("bom.txt", data, -1, 0, &error);
  g_assert_no_error (error);

  /* The BOM is a character of the text, as Python's "utf-8" codec keeps it. */
  g_assert_cmpuint (gloss_source_get_length (source), ==, 7);
  g_assert_cmpuint (gloss_source_get_n_bytes (source), ==, strlen (data));
  g_assert_cmpstr (gloss_source_get_text (source), ==, data);
  g_assert_cmpstr (gloss_source_get_encoding (source), ==, "UTF-8");
  assert_slice (source, 0, 1, "\xef\xbb\xbf");
  assert_slice (source, 1, 6, "Hello");
  g_assert_cmpstr (gloss_source_get_title (source), ==, "Hello");

  blocks = gloss_source_get_blocks (source, &n_blocks);
  g_assert_cmpuint (n_blocks, ==, 1);
  g_assert_cmpuint (blocks[0].start, ==, 1);
  g_assert_cmpuint (blocks[0].end, ==, 6);
}

static void
test_crlf (void)
{
  static const char data[] = "one\r\ntwo\r\n";
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GError) error = NULL;

  source = load ("crlf.txt", data, -1, 0, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (gloss_source_get_length (source), ==, 10);
  g_assert_cmpstr (gloss_source_get_text (source), ==, data);
  assert_slice (source, 3, 5, "\r\n");
  assert_slice (source, 5, 8, "two");
  assert_slice (source, 8, 10, "\r\n");
}

static void
test_astral_and_combining (void)
{
  /* "a", U+1F600, "b", "e", U+0301 */
  static const char data[] = "a\xf0\x9f\x98\x80" "be\xcc\x81";
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GError) error = NULL;

  source = load ("emoji.txt", data, -1, 0, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (gloss_source_get_length (source), ==, 5);
  assert_slice (source, 1, 2, "\xf0\x9f\x98\x80");
  assert_slice (source, 2, 3, "b");
  assert_slice (source, 3, 5, "e\xcc\x81");
  assert_slice (source, 4, 5, "\xcc\x81");
}

static void
test_windows_1252 (void)
{
  static const char data[] = "caf\xe9 \x92quoted\x92 \x80 x\x81y \x9f \x8d";
  static const char expected[] =
    "caf\xc3\xa9 \xe2\x80\x99quoted\xe2\x80\x99 \xe2\x82\xac x\xc2\x81y \xc5\xb8 \xc2\x8d";
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GError) error = NULL;

  source = load ("cp1252.txt", data, -1, 0, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (gloss_source_get_encoding (source), ==, "windows-1252");
  g_assert_cmpstr (gloss_source_get_text (source), ==, expected);
  g_assert_cmpuint (gloss_source_get_n_bytes (source), ==, strlen (expected));
  /* One character per byte. */
  g_assert_cmpuint (gloss_source_get_length (source), ==, strlen (data));
  assert_slice (source, 3, 4, "\xc3\xa9");
  assert_slice (source, 5, 6, "\xe2\x80\x99");
  assert_slice (source, 14, 15, "\xe2\x82\xac");
  assert_slice (source, 17, 18, "\xc2\x81");
}

static void
assert_not_text (const char *name,
                 const char *data,
                 gsize       length)
{
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GError) error = NULL;

  source = load (name, data, length, 0, &error);
  g_assert_null (source);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_TEXT);
  g_assert_nonnull (strstr (error->message, name));
}

static void
test_not_text_nul (void)
{
  static const char data[] = "hello\0world";

  assert_not_text ("nul.txt", data, sizeof data - 1);
}

static void
test_not_text_signatures (void)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
  static const char pdf[] = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n";
  static const char zip[] = "PK\x03\x04\x14\x06\x08\x08word/document.xml";
  static const char utf16[] = "\xff\xfeh\0i\0";

  assert_not_text ("picture.png", png, sizeof png - 1);
  /* No NUL in this one: the signature alone refuses it. */
  assert_not_text ("paper.pdf", pdf, sizeof pdf - 1);
  assert_not_text ("letter.docx", zip, sizeof zip - 1);
  assert_not_text ("utf16.txt", utf16, sizeof utf16 - 1);
}

static void
test_not_text_controls (void)
{
  g_autoptr(GString) binary = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GError) error = NULL;
  guint i;

  /* 2 % of the bytes are controls that text never uses. */
  for (i = 0; i < 1000; i++)
    g_string_append_c (binary, (char) (i % 50 == 0 ? 1 + i % 7 : 'a' + i % 26));
  assert_not_text ("data.bin", binary->str, binary->len);

  /* Escapes, a form feed, a backspace and a DOS end-of-file mark are fine,
   * and so is a single stray control. */
  for (i = 0; i < 20; i++)
    g_string_append (text, "\x1b[1mBold\x1b[0m and o\bo\tplain\f\n");
  g_string_append (text, "\x02\x1a");
  source = load ("log.txt", text->str, text->len, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_source_get_text (source), ==, text->str);
}

static void
test_empty (void)
{
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GError) error = NULL;
  guint n_blocks = 1;

  source = load ("empty.txt", "", 0, 0, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (gloss_source_get_length (source), ==, 0);
  g_assert_cmpuint (gloss_source_get_n_bytes (source), ==, 0);
  g_assert_cmpstr (gloss_source_get_text (source), ==, "");
  g_assert_cmpstr (gloss_source_get_name (source), ==, "empty.txt");
  g_assert_cmpstr (gloss_source_get_title (source), ==, "empty.txt");
  g_assert_cmpstr (gloss_source_get_encoding (source), ==, "UTF-8");
  g_assert_cmpstr (gloss_source_get_sha256 (source), ==, SHA256_EMPTY);
  g_assert_cmpstr (gloss_source_get_text_sha256 (source), ==, SHA256_EMPTY);
  g_assert_null (gloss_source_get_blocks (source, &n_blocks));
  g_assert_cmpuint (n_blocks, ==, 0);
  assert_slice (source, 0, 0, "");
  g_assert_cmpuint (gloss_source_offset_to_byte (source, 0), ==, 0);
  g_assert_cmpuint (gloss_source_byte_to_offset (source, 0), ==, 0);
}

static void
test_too_large (void)
{
  g_autofree char *big = NULL;
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GError) error = NULL;
  gsize mib = 1024 * 1024;

  source = load ("big.txt", "0123456789", 10, 9, &error);
  g_assert_null (source);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "big.txt"));
  g_assert_nonnull (strstr (error->message, "9 bytes"));
  g_clear_error (&error);

  /* Exactly at the limit is fine. */
  source = load ("big.txt", "0123456789", 10, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_source_get_length (source), ==, 10);
  g_clear_object (&source);

  /* Whole mebibytes are named as such. */
  big = g_malloc (mib + 1);
  memset (big, 'x', mib + 1);
  source = load ("huge.txt", big, mib + 1, mib, &error);
  g_assert_null (source);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.txt"));
  g_assert_nonnull (strstr (error->message, "1 MiB"));
}

static void
test_device (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/dev/zero");
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GError) error = NULL;

  /* A device says it is empty and never ends: it is refused before a
   * byte is read, whatever the limit. */
  if (!g_file_query_exists (file, NULL))
    {
      g_test_skip ("no /dev/zero");
      return;
    }

  source = gloss_source_new_from_plain_text (file, 100000, NULL, &error);
  g_assert_null (source);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "/dev/zero"));
  g_assert_nonnull (strstr (error->message, "not a regular file"));
}

static void
test_missing (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "missing.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GError) error = NULL;

  source = gloss_source_new_from_plain_text (file, 0, NULL, &error);
  g_assert_null (source);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "missing.txt"));
}

static void
test_directory (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (tmp_dir);
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GError) error = NULL;

  source = gloss_source_new_from_plain_text (file, 0, NULL, &error);
  g_assert_null (source);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_nonnull (strstr (error->message, tmp_dir));
}

static void
test_cancelled (void)
{
  g_autoptr(GFile) file = write_file ("cancel.txt", "text", -1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  source = gloss_source_new_from_plain_text (file, 0, cancellable, &error);
  g_assert_null (source);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_delete (file, NULL, NULL));
}

static void
test_sha256 (void)
{
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GlossSource) from_text = NULL;
  g_autoptr(GError) error = NULL;

  source = load ("abc.txt", "abc", -1, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_source_get_sha256 (source), ==, SHA256_ABC);
  g_assert_cmpstr (gloss_source_get_text_sha256 (source), ==, SHA256_ABC);

  from_text = gloss_source_new_from_text ("abcdef", 3, "abc");
  g_assert_cmpstr (gloss_source_get_sha256 (from_text), ==, SHA256_ABC);
  g_assert_cmpstr (gloss_source_get_text_sha256 (from_text), ==, SHA256_ABC);
  g_assert_cmpstr (gloss_source_get_text (from_text), ==, "abc");
}

/* Sources large enough to have their checksums worked out by the pool of
 * threads: the same checksums, asked for by the getters, by the
 * properties, from several threads at once, for many sources kept at
 * once, or not at all before the source goes. */
static gpointer
ask_sha256 (gpointer data)
{
  return (gpointer) gloss_source_get_sha256 (data);
}

static void
test_sha256_large (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) latin = g_string_new (NULL);
  g_autofree char *text_sha = NULL;
  g_autofree char *latin_sha = NULL;
  g_autofree char *latin_text_sha = NULL;
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GlossSource) from_text = NULL;
  g_autoptr(GlossSource) windows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *property = NULL;
  GThread *threads[4];

  while (text->len < 600 * 1024)
    g_string_append (text, "Le groupe de Jeff Bezos serait sur le point de s’imposer. ");
  while (latin->len < 600 * 1024)
    g_string_append (latin, "caf\xe9 cr\xe8me ");
  text_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text->str, text->len);
  latin_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) latin->str, latin->len);

  source = load ("large.txt", text->str, text->len, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("ask", ask_sha256, source);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_cmpstr (g_thread_join (threads[i]), ==, text_sha);
  g_assert_cmpstr (gloss_source_get_text_sha256 (source), ==, text_sha);

  from_text = gloss_source_new_from_text (text->str, text->len, "large");
  g_object_get (from_text, "sha256", &property, NULL);
  g_assert_cmpstr (property, ==, text_sha);
  g_assert_cmpstr (gloss_source_get_text_sha256 (from_text), ==, text_sha);

  windows = load ("latin.txt", latin->str, latin->len, 0, &error);
  g_assert_no_error (error);
  latin_text_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, gloss_source_get_text (windows), -1);
  g_assert_cmpstr (gloss_source_get_text_sha256 (windows), ==, latin_text_sha);
  g_assert_cmpstr (gloss_source_get_sha256 (windows), ==, latin_sha);
  g_assert_cmpstr (latin_sha, !=, latin_text_sha);

  /* Never asked for: the source goes once its checksum is done. */
  g_clear_object (&from_text);
  from_text = gloss_source_new_from_text (text->str, text->len, "large");
  g_clear_object (&from_text);

  /* Many kept at once, more than the pool has threads, asked last first. */
  {
    g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(GArray) lengths = g_array_new (FALSE, FALSE, sizeof (gsize));

    for (guint i = 0; i < 24; i++)
      {
        gsize length = text->len - 7 * i;

        /* Whole characters only. */
        while (!g_utf8_validate_len (text->str, length, NULL))
          length--;
        g_array_append_val (lengths, length);
        g_ptr_array_add (many, gloss_source_new_from_text (text->str, length, "many"));
      }
    for (guint i = many->len; i-- > 0;)
      {
        gsize length = g_array_index (lengths, gsize, i);
        g_autofree char *expected =
          g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text->str, length);

        g_assert_cmpstr (gloss_source_get_sha256 (g_ptr_array_index (many, i)), ==, expected);
      }
  }
}

static void
test_text_sha256_windows_1252 (void)
{
  static const char data[] = "caf\xe9";
  g_autofree char *raw_sha = NULL;
  g_autofree char *text_sha = NULL;
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GError) error = NULL;

  source = load ("cafe.txt", data, -1, 0, &error);
  g_assert_no_error (error);

  raw_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, data, -1);
  text_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "caf\xc3\xa9", -1);
  g_assert_cmpstr (gloss_source_get_sha256 (source), ==, raw_sha);
  g_assert_cmpstr (gloss_source_get_text_sha256 (source), ==, text_sha);
  g_assert_cmpstr (gloss_source_get_sha256 (source), !=,
                   gloss_source_get_text_sha256 (source));
}

static void
assert_title (const char *text,
              const char *expected)
{
  g_autoptr(GlossSource) source = gloss_source_new_from_text (text, -1, "name.txt");

  g_assert_cmpstr (gloss_source_get_title (source), ==, expected);
}

static void
test_title (void)
{
  g_autoptr(GString) long_line = g_string_new (NULL);
  g_autoptr(GString) cut = g_string_new (NULL);
  g_autoptr(GString) exact = g_string_new (NULL);
  g_autoptr(GlossSource) empty = NULL;
  g_autoptr(GError) error = NULL;
  guint i;

  assert_title ("\n  \r\n\t\n  Title here \t\nbody", "Title here");
  assert_title ("\xef\xbb\xbf  Heading\r\nbody", "Heading");
  assert_title ("\xef\xbb\xbf\n\xef\xbb\xbf\nSecond", "Second");
  assert_title ("\r\r  First\rSecond", "First");
  assert_title (" \t\n \n", "name.txt");
  assert_title ("", "name.txt");

  /* Cut at a character boundary, with two-byte characters to prove it. */
  for (i = 0; i < 300; i++)
    g_string_append (long_line, "\xc3\xa9");
  for (i = 0; i < 200; i++)
    g_string_append (cut, "\xc3\xa9");
  g_string_append (cut, "…");
  assert_title (long_line->str, cut->str);

  for (i = 0; i < 200; i++)
    g_string_append_c (exact, 'x');
  assert_title (exact->str, exact->str);

  /* No space left before the ellipsis. */
  g_string_truncate (exact, 199);
  g_string_append (exact, "  tail");
  g_string_truncate (cut, 0);
  g_string_append_len (cut, exact->str, 199);
  g_string_append (cut, "…");
  assert_title (exact->str, cut->str);

  empty = load ("empty.txt", "", 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_source_get_title (empty), ==, "empty.txt");
}

static void
assert_paragraphs (const char *text,
                   ...)
{
  g_autoptr(GlossSource) source = gloss_source_new_from_text (text, -1, "p.txt");
  const GlossBlock *blocks;
  const char *expected;
  guint n_blocks = 0;
  guint i = 0;
  va_list args;

  blocks = gloss_source_get_blocks (source, &n_blocks);

  va_start (args, text);
  while ((expected = va_arg (args, const char *)) != NULL)
    {
      g_autofree char *slice = NULL;

      g_assert_cmpuint (i, <, n_blocks);
      g_assert_cmpint (blocks[i].kind, ==, GLOSS_BLOCK_PARAGRAPH);
      g_assert_cmpuint (blocks[i].level, ==, 0);
      slice = gloss_source_dup_slice (source, blocks[i].start, blocks[i].end);
      g_assert_cmpstr (slice, ==, expected);
      i++;
    }
  va_end (args);

  g_assert_cmpuint (i, ==, n_blocks);
}

static void
test_paragraphs (void)
{
  g_autoptr(GlossSource) source = NULL;
  const GlossBlock *blocks;
  guint n_blocks = 0;

  assert_paragraphs ("  First line\r\nsecond line  \r\n   \r\n\r\nPara two\n \t\n\n  tail",
                     "First line\r\nsecond line", "Para two", "tail", NULL);
  assert_paragraphs ("a\r\rb\r\nc", "a", "b\r\nc", NULL);
  assert_paragraphs ("a\n\f\nb\n", "a", "b", NULL);
  assert_paragraphs ("\xef\xbb\xbf\n\nHello  \n", "Hello", NULL);
  assert_paragraphs (" \t\r\n\n", NULL);
  assert_paragraphs ("", NULL);
  /* A no-break space is text, as the definition of a blank line says. */
  assert_paragraphs ("a\n\xc2\xa0\nb", "a\n\xc2\xa0\nb", NULL);

  /* The ranges are code points. */
  source = gloss_source_new_from_text ("\xc3\xa9 \xf0\x9f\x98\x80\r\n\r\n \xc3\xbc", -1, "p.txt");
  blocks = gloss_source_get_blocks (source, &n_blocks);
  g_assert_cmpuint (n_blocks, ==, 2);
  g_assert_cmpuint (blocks[0].start, ==, 0);
  g_assert_cmpuint (blocks[0].end, ==, 3);
  g_assert_cmpuint (blocks[1].start, ==, 8);
  g_assert_cmpuint (blocks[1].end, ==, 9);
}

/* Checks every offset and every character boundary of @text against GLib's
 * own walk. */
static void
check_index (const char *text,
             gsize       n_bytes)
{
  g_autoptr(GlossTextIndex) index = gloss_text_index_new (text, n_bytes);
  guint length = (guint) g_utf8_strlen (text, n_bytes);
  const char *p = text;
  guint offset;

  g_assert_cmpuint (gloss_text_index_get_length (index), ==, length);

  for (offset = 0; offset <= length; offset++)
    {
      gsize byte = p - text;

      g_assert_cmpuint (gloss_text_index_offset_to_byte (index, offset), ==, byte);
      g_assert_cmpuint (gloss_text_index_byte_to_offset (index, byte), ==, offset);

      /* Spot-check GLib's own functions agree with the running walk. */
      if (offset % 97 == 0)
        {
          g_assert_true (g_utf8_offset_to_pointer (text, offset) == p);
          g_assert_cmpuint (g_utf8_pointer_to_offset (text, p), ==, offset);
        }

      if (offset < length)
        p = g_utf8_next_char (p);
    }

  /* Past the end clamps. */
  g_assert_cmpuint (gloss_text_index_offset_to_byte (index, length + 1), ==, n_bytes);
  g_assert_cmpuint (gloss_text_index_offset_to_byte (index, G_MAXUINT), ==, n_bytes);
  g_assert_cmpuint (gloss_text_index_byte_to_offset (index, n_bytes + 5), ==, length);
}

static void
test_index_mixed (void)
{
  static const char *pieces[] = {
    "a", "b", " ", "\n", "\r\n", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80",
    "e\xcc\x81", "The quick brown fox ",
  };
  guint round;

  for (round = 0; round < 20; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint n = g_test_rand_int_range (1, 3000);
      guint i;

      for (i = 0; i < n; i++)
        g_string_append (text, pieces[g_test_rand_int_range (0, (gint32) G_N_ELEMENTS (pieces))]);

      check_index (text->str, text->len);
    }
}

static void
test_index_checkpoints (void)
{
  guint n;

  /* Lengths around the checkpoint stride, with the multi-byte characters
   * right at the checkpoints, and texts that turn non-ASCII late. */
  for (n = 0; n < 1100; n += (n < 560 ? 1 : 37))
    {
      g_autoptr(GString) wide = g_string_new (NULL);
      g_autoptr(GString) late = g_string_new (NULL);
      guint i;

      for (i = 0; i < n; i++)
        g_string_append (wide, i % 3 == 0 ? "\xf0\x9f\x98\x80" : (i % 3 == 1 ? "\xc3\xa9" : "z"));
      check_index (wide->str, wide->len);

      for (i = 0; i < n; i++)
        g_string_append_c (late, 'a' + i % 26);
      g_string_append (late, "\xe2\x82\xac");
      check_index (late->str, late->len);
    }
}

static void
test_index_ascii (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GlossTextIndex) index = NULL;
  guint i;

  for (i = 0; i < 5000; i++)
    g_string_append_c (text, i % 80 == 79 ? '\n' : 'a' + i % 26);

  index = gloss_text_index_new (text->str, text->len);
  g_assert_cmpuint (gloss_text_index_get_length (index), ==, text->len);
  for (i = 0; i <= text->len; i++)
    {
      g_assert_cmpuint (gloss_text_index_offset_to_byte (index, i), ==, i);
      g_assert_cmpuint (gloss_text_index_byte_to_offset (index, i), ==, i);
    }
  g_assert_cmpuint (gloss_text_index_offset_to_byte (index, text->len + 3), ==, text->len);

  check_index (text->str, text->len);
  check_index ("", 0);
}

static void
test_slices (void)
{
  /* "a", "é", U+1F600, CR, LF, "z" */
  static const char text[] = "a\xc3\xa9\xf0\x9f\x98\x80\r\nz";
  g_autoptr(GlossSource) source = gloss_source_new_from_text (text, -1, "s.txt");
  guint length = gloss_source_get_length (source);
  g_autofree char *clamped = NULL;
  g_autofree char *inverted = NULL;

  g_assert_cmpuint (length, ==, 6);

  assert_slice (source, 0, 0, "");
  assert_slice (source, 3, 3, "");
  assert_slice (source, length, length, "");
  assert_slice (source, 0, length, text);
  assert_slice (source, 0, 1, "a");
  assert_slice (source, 2, 3, "\xf0\x9f\x98\x80");
  assert_slice (source, 3, 5, "\r\n");
  assert_slice (source, length - 1, length, "z");

  clamped = gloss_source_dup_slice (source, 3, length + 10);
  g_assert_cmpstr (clamped, ==, "\r\nz");
  inverted = gloss_source_dup_slice (source, 4, 2);
  g_assert_cmpstr (inverted, ==, "");

  g_assert_false (gloss_source_slice_equals (source, 2, 3, "\xf0\x9f\x98"));
  g_assert_false (gloss_source_slice_equals (source, 2, 3, "\xf0\x9f\x98\x80!"));
  g_assert_false (gloss_source_slice_equals (source, 2, 3, ""));
  g_assert_false (gloss_source_slice_equals (source, 0, 0, "a"));
  g_assert_false (gloss_source_slice_equals (source, length - 1, length, "zz"));
  g_assert_false (gloss_source_slice_equals (source, length - 1, length, "y"));
  /* Ranges past the end, or inverted, hold no text and equal nothing. */
  g_assert_false (gloss_source_slice_equals (source, length, length + 1, ""));
  g_assert_false (gloss_source_slice_equals (source, length - 1, length + 1, "z"));
  g_assert_false (gloss_source_slice_equals (source, 3, 2, ""));

  g_assert_cmpuint (gloss_source_offset_to_byte (source, 2), ==, 3);
  g_assert_cmpuint (gloss_source_byte_to_offset (source, 3), ==, 2);
  g_assert_cmpuint (gloss_source_offset_to_byte (source, length + 1), ==, strlen (text));
}

static void
test_from_bytes (void)
{
  g_autoptr(GBytes) cp1252 = g_bytes_new_static ("na\xefve", 5);
  g_autoptr(GBytes) binary = g_bytes_new_static ("a\0b", 3);
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GlossSource) refused = NULL;
  g_autoptr(GError) error = NULL;

  source = gloss_source_new_from_bytes (cp1252, "pasted text", &error);
  g_assert_no_error (error);
  g_assert_null (gloss_source_get_file (source));
  g_assert_cmpstr (gloss_source_get_name (source), ==, "pasted text");
  g_assert_cmpstr (gloss_source_get_title (source), ==, "na\xc3\xafve");
  g_assert_cmpstr (gloss_source_get_encoding (source), ==, "windows-1252");
  g_assert_cmpstr (gloss_source_get_media_type (source), ==, "text/plain");
  g_assert_null (gloss_source_get_reader (source));

  refused = gloss_source_new_from_bytes (binary, "pasted text", &error);
  g_assert_null (refused);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_TEXT);
  g_assert_nonnull (strstr (error->message, "pasted text"));
}

static void
test_extracted (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/articles/page.html");
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GlossSource) bare = NULL;
  GHashTable *metadata;
  GArray *blocks;
  GlossBlock heading = { 0, 5, GLOSS_BLOCK_HEADING, 1 };
  GlossBlock beyond = { 7, 99, GLOSS_BLOCK_PARAGRAPH, 0 };
  const GlossBlock *got;
  guint n_blocks = 0;

  metadata = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_insert (metadata, g_strdup ("title"), g_strdup ("  The Real Title "));
  g_hash_table_insert (metadata, g_strdup ("author"), g_strdup ("A. Writer"));

  blocks = g_array_new (FALSE, FALSE, sizeof (GlossBlock));
  g_array_append_val (blocks, heading);
  g_array_append_val (blocks, beyond);

  source = gloss_source_new_extracted (file, "text/html", "windows-1252", SHA256_ABC,
                                       "gloss-html/1", g_strdup ("Title\n\nBody."),
                                       blocks, metadata);

  g_assert_true (gloss_source_get_file (source) == file);
  g_assert_cmpstr (gloss_source_get_name (source), ==, "page.html");
  g_assert_cmpstr (gloss_source_get_title (source), ==, "The Real Title");
  g_assert_cmpstr (gloss_source_get_media_type (source), ==, "text/html");
  g_assert_cmpstr (gloss_source_get_encoding (source), ==, "windows-1252");
  g_assert_cmpstr (gloss_source_get_reader (source), ==, "gloss-html/1");
  g_assert_cmpstr (gloss_source_get_sha256 (source), ==, SHA256_ABC);
  g_assert_cmpstr (gloss_source_get_metadata (source, "author"), ==, "A. Writer");
  g_assert_null (gloss_source_get_metadata (source, "date"));

  got = gloss_source_get_blocks (source, &n_blocks);
  g_assert_cmpuint (n_blocks, ==, 2);
  g_assert_cmpint (got[0].kind, ==, GLOSS_BLOCK_HEADING);
  g_assert_cmpuint (got[0].level, ==, 1);
  g_assert_cmpuint (got[1].start, ==, 7);
  g_assert_cmpuint (got[1].end, ==, 12);

  bare = gloss_source_new_extracted (NULL, NULL, NULL, NULL, NULL,
                                     g_strdup ("abc\n\ndef"), NULL, NULL);
  g_assert_cmpstr (gloss_source_get_title (bare), ==, "abc");
  g_assert_cmpstr (gloss_source_get_media_type (bare), ==, "text/plain");
  g_assert_cmpstr (gloss_source_get_encoding (bare), ==, "UTF-8");
  g_assert_cmpuint (g_hash_table_size (gloss_source_get_metadata_table (bare)), ==, 0);
  g_assert_nonnull (gloss_source_get_text_sha256 (bare));
  g_assert_cmpstr (gloss_source_get_sha256 (bare), ==, gloss_source_get_text_sha256 (bare));
  gloss_source_get_blocks (bare, &n_blocks);
  g_assert_cmpuint (n_blocks, ==, 2);
}

static void
test_properties (void)
{
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *media_type = NULL;
  g_autofree char *sha256 = NULL;
  guint length = 0;

  source = load ("props.txt", "abc", -1, 0, &error);
  g_assert_no_error (error);

  g_object_get (source,
                "file", &file,
                "name", &name,
                "title", &title,
                "length", &length,
                "encoding", &encoding,
                "media-type", &media_type,
                "sha256", &sha256,
                NULL);

  g_assert_true (G_IS_FILE (file));
  g_assert_cmpstr (name, ==, "props.txt");
  g_assert_cmpstr (title, ==, "abc");
  g_assert_cmpuint (length, ==, 3);
  g_assert_cmpstr (encoding, ==, "UTF-8");
  g_assert_cmpstr (media_type, ==, "text/plain");
  g_assert_cmpstr (sha256, ==, SHA256_ABC);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("gloss-test-source-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/source/utf8/bom", test_bom);
  g_test_add_func ("/source/utf8/crlf", test_crlf);
  g_test_add_func ("/source/utf8/astral-and-combining", test_astral_and_combining);
  g_test_add_func ("/source/windows-1252", test_windows_1252);
  g_test_add_func ("/source/not-text/nul", test_not_text_nul);
  g_test_add_func ("/source/not-text/signatures", test_not_text_signatures);
  g_test_add_func ("/source/not-text/controls", test_not_text_controls);
  g_test_add_func ("/source/empty", test_empty);
  g_test_add_func ("/source/too-large", test_too_large);
  g_test_add_func ("/source/device", test_device);
  g_test_add_func ("/source/io/missing", test_missing);
  g_test_add_func ("/source/io/directory", test_directory);
  g_test_add_func ("/source/io/cancelled", test_cancelled);
  g_test_add_func ("/source/sha256", test_sha256);
  g_test_add_func ("/source/sha256-large", test_sha256_large);
  g_test_add_func ("/source/text-sha256-windows-1252", test_text_sha256_windows_1252);
  g_test_add_func ("/source/title", test_title);
  g_test_add_func ("/source/paragraphs", test_paragraphs);
  g_test_add_func ("/source/index/mixed", test_index_mixed);
  g_test_add_func ("/source/index/checkpoints", test_index_checkpoints);
  g_test_add_func ("/source/index/ascii", test_index_ascii);
  g_test_add_func ("/source/slices", test_slices);
  g_test_add_func ("/source/from-bytes", test_from_bytes);
  g_test_add_func ("/source/extracted", test_extracted);
  g_test_add_func ("/source/properties", test_properties);

  ret = g_test_run ();

  g_assert_cmpint (g_rmdir (tmp_dir), ==, 0);
  g_free (tmp_dir);

  return ret;
}
