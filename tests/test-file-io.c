/* test-file-io.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include "file-test-util.h"
#include "gloss-error.h"
#include "gloss-file-io.h"

/* A new empty folder for one test. */
static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("gloss-file-io-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *)a, *(char * const *)b);
}

/* The names in @dir, sorted and joined by spaces. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **)names->pdata);
}

static gboolean
read_path (const char  *path,
           gsize        max_size,
           char       **contents,
           gsize       *length,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return gloss_file_read_regular (file, max_size, NULL, contents, length, error);
}

static gboolean
write_path (const char       *path,
            const char       *text,
            GlossWriteFlags   flags,
            GError          **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return gloss_file_write_atomic (file, NULL, text, strlen (text), flags, NULL, error);
}

static void
test_read_regular (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  write_file (path, "0123456789");

  g_assert_true (read_path (path, 10, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, 10);
  g_assert_cmpstr (contents, ==, "0123456789");
  g_clear_pointer (&contents, g_free);

  /* One byte over the limit is refused, naming the file. */
  g_assert_false (read_path (path, 9, &contents, &length, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "a.txt"));
  g_assert_null (contents);
  g_clear_error (&error);

  g_assert_false (read_path (dir, 100, &contents, &length, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  delete_tree (dir);
}

/* A file whose size says nothing of its length: the limit holds while
 * reading. */
static void
test_read_limit_while_reading (void)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  gsize length;

  g_assert_cmpint (g_stat ("/proc/self/status", &st), ==, 0);
  if (st.st_size != 0)
    {
      g_test_skip ("/proc/self/status has a size here");
      return;
    }

  g_assert_false (read_path ("/proc/self/status", 16, &contents, &length, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);
  g_clear_error (&error);

  g_assert_true (read_path ("/proc/self/status", 1024 * 1024, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 16);
}

/* Runs @func in a child process that must be done within @seconds; a
 * reader that blocks fails the test instead of hanging it. */
static void
run_bounded (void     (*func) (gpointer),
             gpointer   data,
             guint      seconds)
{
  pid_t pid = fork ();
  int status = 0;
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      alarm (seconds + 5);
      func (data);
      _exit (0);
    }

  while (waitpid (pid, &status, WNOHANG) == 0)
    {
      if (g_get_monotonic_time () > deadline)
        {
          kill (pid, SIGKILL);
          waitpid (pid, &status, 0);
          g_error ("The reader did not return within %u s", seconds);
        }
      g_usleep (10000);
    }
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

static void
expect_not_regular (gpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (read_path (path, 1024, &contents, &length, &error) ||
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE) ||
      strstr (error->message, "not a regular file") == NULL)
    _exit (1);
}

static void
test_read_fifo_and_devices (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.txt", NULL);
  g_autofree char *zero = g_build_filename (dir, "zero.txt", NULL);
  g_autofree char *stream_fifo = g_build_filename (dir, "pipe2.txt", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);

  run_bounded (expect_not_regular, fifo, 5);
  run_bounded (expect_not_regular, zero, 5);
  run_bounded (expect_not_regular, (gpointer)"/dev/zero", 5);

  /* The stream opener refuses them too. */
  g_assert_cmpint (mkfifo (stream_fifo, 0600), ==, 0);
  file = g_file_new_for_path (stream_fifo);
  stream = gloss_file_open_regular (file, NULL, NULL, &error);
  g_assert_null (stream);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);

  delete_tree (dir);
}

static void
test_write_new_and_replace (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "a.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  mode_t mask;

  mask = umask (022);
  g_assert_true (write_path (path, "first", GLOSS_WRITE_NONE, &error));
  g_assert_no_error (error);
  umask (mask);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);

  /* A replaced file keeps its permissions. */
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (write_path (path, "second", GLOSS_WRITE_NONE, &error));
  g_assert_no_error (error);
  contents = read_file (path);
  g_assert_cmpstr (contents, ==, "second");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  /* Creating refuses a file that exists, and leaves it alone. */
  g_assert_false (write_path (path, "third", GLOSS_WRITE_MUST_NOT_EXIST, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_pointer (&contents, g_free);
  contents = read_file (path);
  g_assert_cmpstr (contents, ==, "second");

  /* Nothing else is left in the folder. */
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "a.json");

  delete_tree (dir);
}

/* A hard-linked file is replaced whole, never rewritten in place: the
 * other name keeps the old bytes. */
static void
test_write_hard_link (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "a.json", NULL);
  g_autofree char *other = g_build_filename (dir, "b.json", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr(GError) error = NULL;

  write_file (path, "old");
  g_assert_cmpint (link (path, other), ==, 0);
  g_assert_true (write_path (path, "new", GLOSS_WRITE_NONE, &error));
  g_assert_no_error (error);
  a = read_file (path);
  b = read_file (other);
  g_assert_cmpstr (a, ==, "new");
  g_assert_cmpstr (b, ==, "old");

  delete_tree (dir);
}

static void
test_write_symlinks (void)
{
  g_autofree char *outside = make_dir ();
  g_autofree char *dir = make_dir ();
  g_autofree char *inner = g_build_filename (dir, "real.json", NULL);
  g_autofree char *inner_link = g_build_filename (dir, "link.json", NULL);
  g_autofree char *secret = g_build_filename (outside, "secret", NULL);
  g_autofree char *outer_link = g_build_filename (dir, "out.json", NULL);
  g_autofree char *dangling_link = g_build_filename (dir, "dangling.json", NULL);
  g_autofree char *dangling_target = g_build_filename (outside, "new-file", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GError) error = NULL;

  /* Inside the folder, the link is followed and stays a link. */
  write_file (inner, "old");
  g_assert_cmpint (symlink ("real.json", inner_link), ==, 0);
  g_assert_true (write_path (inner_link, "new", GLOSS_WRITE_NONE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (inner_link, G_FILE_TEST_IS_SYMLINK));
  contents = read_file (inner);
  g_assert_cmpstr (contents, ==, "new");
  g_clear_pointer (&contents, g_free);

  /* Outside, the write is refused, naming the link, and nothing changes. */
  write_file (secret, "do not touch");
  g_assert_cmpint (symlink (secret, outer_link), ==, 0);
  g_assert_false (write_path (outer_link, "overwritten", GLOSS_WRITE_NONE, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSAFE_PATH);
  g_assert_nonnull (strstr (error->message, "out.json"));
  g_clear_error (&error);
  contents = read_file (secret);
  g_assert_cmpstr (contents, ==, "do not touch");
  g_assert_true (g_file_test (outer_link, G_FILE_TEST_IS_SYMLINK));

  /* A link to a file that does not exist yet, outside, creates nothing. */
  g_assert_cmpint (symlink (dangling_target, dangling_link), ==, 0);
  g_assert_false (write_path (dangling_link, "x", GLOSS_WRITE_NONE, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSAFE_PATH);
  g_clear_error (&error);
  g_assert_false (g_file_test (dangling_target, G_FILE_TEST_EXISTS));

  /* A folder given as the confine lets a link into it through. */
  {
    g_autoptr(GFile) link = g_file_new_for_path (outer_link);
    g_autoptr(GFile) confine = g_file_new_for_path (outside);
    g_autoptr(GFile) resolved = gloss_file_resolve_confined (link, confine, &error);

    g_assert_no_error (error);
    target = g_file_get_path (resolved);
    g_assert_cmpstr (target, ==, secret);
  }

  delete_tree (dir);
  delete_tree (outside);
}

/* What a child that may not write to the folder gets. */
static void
write_as_stranger (gpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;

  if (getuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
    _exit (3);
  if (write_path (path, "new", GLOSS_WRITE_NONE, &error))
    _exit (1);
  if (strstr (error->message, "not writable") == NULL)
    _exit (2);
}

static void
test_write_folder_not_writable (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "a.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *names = NULL;

  write_file (path, "old");
  /* The file itself may be written by anyone: GLib's replace then fell
   * back to rewriting it in place. */
  g_assert_cmpint (g_chmod (path, 0666), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);

  run_bounded (write_as_stranger, path, 10);

  contents = read_file (path);
  g_assert_cmpstr (contents, ==, "old");
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "a.json");

  delete_tree (dir);
}

/* A small file system of its own, or NULL when this process may not
 * mount one. */
static char *
mount_small_tmpfs (const char *options)
{
  char *dir = make_dir ();

  if (mount ("gloss-test", dir, "tmpfs", MS_NOSUID | MS_NODEV, options) != 0)
    {
      g_autofree char *message = g_strdup_printf ("cannot mount a tmpfs here: %s", g_strerror (errno));

      g_test_skip (message);
      g_rmdir (dir);
      g_free (dir);
      return NULL;
    }

  return dir;
}

static void
unmount_small_tmpfs (char *dir)
{
  g_assert_cmpint (umount2 (dir, MNT_DETACH), ==, 0);
  g_rmdir (dir);
  g_free (dir);
}

static void
test_write_disk_full (void)
{
  char *dir = mount_small_tmpfs ("size=64k,nr_inodes=64");
  g_autofree char *path = NULL;
  g_autofree char *big = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    return;

  path = g_build_filename (dir, "a.json", NULL);
  big = g_strnfill (40 * 1024, 'x');
  g_assert_true (write_path (path, big, GLOSS_WRITE_NONE, &error));
  g_assert_no_error (error);

  /* Old and new do not both fit: the save fails and the old file stays
   * whole. */
  big[0] = 'y';
  g_assert_false (write_path (path, big, GLOSS_WRITE_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "a.json"));
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_clear_error (&error);

  contents = read_file (path);
  g_assert_cmpuint (strlen (contents), ==, 40 * 1024);
  g_assert_cmpint (contents[0], ==, 'x');
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "a.json");

  unmount_small_tmpfs (dir);
}

static void
test_write_no_inode (void)
{
  char *dir = mount_small_tmpfs ("size=1m,nr_inodes=4");
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    return;

  path = g_build_filename (dir, "a.json", NULL);
  g_assert_true (write_path (path, "old", GLOSS_WRITE_NONE, &error));
  g_assert_no_error (error);

  /* Take every free inode. */
  for (guint i = 0; i < 16; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/filler-%u", dir, i);
      int fd = g_open (name, O_WRONLY | O_CREAT | O_EXCL, 0600);

      if (fd < 0)
        break;
      close (fd);
    }

  g_assert_false (write_path (path, "new", GLOSS_WRITE_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  contents = read_file (path);
  g_assert_cmpstr (contents, ==, "old");

  unmount_small_tmpfs (dir);
}

/* Writes alternately two large versions of one file, forever; the parent
 * kills it at some point of a save. */
static void
write_forever (gpointer data)
{
  const char *path = data;
  g_autofree char *a = g_strnfill (2 * 1024 * 1024, 'a');
  g_autofree char *b = g_strnfill (3 * 1024 * 1024, 'b');

  for (guint i = 0;; i++)
    if (!write_path (path, i % 2 ? a : b, GLOSS_WRITE_NONE, NULL))
      _exit (1);
}

static void
test_write_killed (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "a.json", NULL);
  guint iterations = g_test_slow () ? 200 : 40;

  write_file (path, "start");

  for (guint i = 0; i < iterations; i++)
    {
      g_autofree char *contents = NULL;
      g_autoptr(GFile) file = g_file_new_for_path (path);
      pid_t pid = fork ();
      int status;
      gsize length;

      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          write_forever (path);
          _exit (0);
        }

      g_usleep (g_random_int_range (1000, 40000));
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      g_assert_true (WIFSIGNALED (status));

      /* Always one whole version, never a cut one. */
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      if (strcmp (contents, "start") != 0)
        {
          g_assert_true (length == 2 * 1024 * 1024 || length == 3 * 1024 * 1024);
          g_assert_cmpint (contents[length - 1], ==, contents[0]);
        }

      /* What the killed save left goes at the next clean-up. */
      gloss_file_remove_leftovers (file);
      {
        g_autofree char *names = list_dir (dir);

        g_assert_cmpstr (names, ==, "a.json");
      }
    }

  delete_tree (dir);
}

static void
test_lock_exclusive (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "a.json", NULL);
  g_autofree char *pid = g_strdup_printf ("%d", (int)getpid ());
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossFileLock *first, *second;
  gint64 start;

  first = gloss_file_lock_acquire (file, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);

  /* The second taker, in the same process, waits and then gives up with
   * a message that names the file and the holder. */
  start = g_get_monotonic_time ();
  second = gloss_file_lock_acquire (file, 300, NULL, &error);
  g_assert_null (second);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "a.json"));
  g_assert_nonnull (strstr (error->message, pid));
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 300 * 1000);
  g_clear_error (&error);

  gloss_file_lock_release (first);

  /* Released: the lock file is gone and the lock can be taken again. */
  {
    g_autofree char *names = list_dir (dir);

    g_assert_cmpstr (names, ==, "");
  }
  second = gloss_file_lock_acquire (file, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);
  gloss_file_lock_release (second);

  delete_tree (dir);
}

static void
hold_lock_forever (gpointer data)
{
  g_autoptr(GFile) file = g_file_new_for_path (data);
  GlossFileLock *lock = gloss_file_lock_acquire (file, 0, NULL, NULL);

  if (lock == NULL)
    _exit (1);
  for (;;)
    pause ();
}

/* The holder dies without letting go: nobody waits for it. */
static void
test_lock_dead_holder (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "a.json", NULL);
  g_autofree char *lock_path = g_build_filename (dir, ".a.json.lock", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossFileLock *lock;
  pid_t pid;
  int status;

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    hold_lock_forever (path);

  while (!g_file_test (lock_path, G_FILE_TEST_EXISTS))
    g_usleep (1000);
  g_usleep (50000);

  lock = gloss_file_lock_acquire (file, 0, NULL, &error);
  g_assert_null (lock);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_LOCKED);
  g_clear_error (&error);

  kill (pid, SIGKILL);
  waitpid (pid, &status, 0);

  /* The lock file the dead holder left does not stand in the way. */
  g_assert_true (g_file_test (lock_path, G_FILE_TEST_EXISTS));
  lock = gloss_file_lock_acquire (file, 1000, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (lock);
  gloss_file_lock_release (lock);

  delete_tree (dir);
}

typedef struct
{
  const char *path;
  guint rounds;
} CounterData;

/* Reads a number from the file, adds one and writes it back, under the
 * lock: with a lock that excludes, no increment is ever lost. */
static gpointer
increment_thread (gpointer user_data)
{
  CounterData *data = user_data;
  g_autoptr(GFile) file = g_file_new_for_path (data->path);

  for (guint i = 0; i < data->rounds; i++)
    {
      g_autoptr(GlossFileLock) lock = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *next = NULL;
      gsize length;

      lock = gloss_file_lock_acquire (file, 10000, NULL, NULL);
      g_assert_nonnull (lock);
      g_assert_true (gloss_file_read_regular (file, 64, NULL, &contents, &length, NULL));
      next = g_strdup_printf ("%" G_GUINT64_FORMAT, g_ascii_strtoull (contents, NULL, 10) + 1);
      g_assert_true (gloss_file_write_atomic (file, NULL, next, strlen (next),
                                              GLOSS_WRITE_NONE, NULL, NULL));
    }

  return NULL;
}

static void
test_lock_counter (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "count", NULL);
  g_autofree char *contents = NULL;
  CounterData data = { path, 150 };
  GThread *threads[3];
  pid_t pid;
  int status;

  write_file (path, "0");

  /* Two processes and, in this one, three threads. */
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      increment_thread (&data);
      _exit (0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("counter", increment_thread, &data);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  waitpid (pid, &status, 0);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);

  contents = read_file (path);
  g_assert_cmpstr (contents, ==, "600");

  delete_tree (dir);
}

static void
test_leftovers (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "a.json", NULL);
  g_autofree char *ours = g_build_filename (dir, ".a.json.gloss-tmp-Ab12Cd", NULL);
  g_autofree char *other = g_build_filename (dir, ".b.json.gloss-tmp-Ab12Cd", NULL);
  g_autofree char *old_glib = g_build_filename (dir, ".goutputstream-XYZ123", NULL);
  g_autofree char *young_glib = g_build_filename (dir, ".goutputstream-NEW123", NULL);
  g_autofree char *foreign_glib = g_build_filename (dir, ".goutputstream-ABC123", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *names = NULL;
  struct utimbuf old_time = { 1000000000, 1000000000 };

  write_file (path, "{}");
  write_file (ours, "{\n  \"gloss\": 1,");
  write_file (other, "{\n  \"gloss\": 1,");
  write_file (old_glib, "{\n  \"gloss\": 1, \"source\": {");
  write_file (young_glib, "{\n  \"gloss\": 1, \"source\": {");
  write_file (foreign_glib, "someone else's document");
  g_assert_cmpint (utime (old_glib, &old_time), ==, 0);
  g_assert_cmpint (utime (foreign_glib, &old_time), ==, 0);

  g_assert_cmpuint (gloss_file_remove_leftovers (file), ==, 2);
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, ".b.json.gloss-tmp-Ab12Cd .goutputstream-ABC123 .goutputstream-NEW123 a.json");

  delete_tree (dir);
}

/* While another writer holds the lock, its save may be under way: its
 * temporary file stays. */
static void
test_leftovers_locked (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "a.json", NULL);
  g_autofree char *ours = g_build_filename (dir, ".a.json.gloss-tmp-Ab12Cd", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossFileLock) lock = NULL;

  write_file (path, "{}");
  write_file (ours, "{");
  lock = gloss_file_lock_acquire (file, 0, NULL, NULL);
  g_assert_nonnull (lock);

  g_assert_cmpuint (gloss_file_remove_leftovers (file), ==, 0);
  g_assert_true (g_file_test (ours, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (gloss_file_lock_remove_leftovers (lock), ==, 1);
  g_assert_false (g_file_test (ours, G_FILE_TEST_EXISTS));

  g_clear_pointer (&lock, gloss_file_lock_release);
  delete_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file-io/read/regular", test_read_regular);
  g_test_add_func ("/file-io/read/limit-while-reading", test_read_limit_while_reading);
  g_test_add_func ("/file-io/read/fifo-and-devices", test_read_fifo_and_devices);
  g_test_add_func ("/file-io/write/new-and-replace", test_write_new_and_replace);
  g_test_add_func ("/file-io/write/hard-link", test_write_hard_link);
  g_test_add_func ("/file-io/write/symlinks", test_write_symlinks);
  g_test_add_func ("/file-io/write/folder-not-writable", test_write_folder_not_writable);
  g_test_add_func ("/file-io/write/disk-full", test_write_disk_full);
  g_test_add_func ("/file-io/write/no-inode", test_write_no_inode);
  g_test_add_func ("/file-io/write/killed", test_write_killed);
  g_test_add_func ("/file-io/lock/exclusive", test_lock_exclusive);
  g_test_add_func ("/file-io/lock/dead-holder", test_lock_dead_holder);
  g_test_add_func ("/file-io/lock/counter", test_lock_counter);
  g_test_add_func ("/file-io/leftovers/removed", test_leftovers);
  g_test_add_func ("/file-io/leftovers/while-locked", test_leftovers_locked);

  return g_test_run ();
}
