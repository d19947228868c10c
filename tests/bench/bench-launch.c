/* bench-launch.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Times Gloss as a user sees it: from starting the program on a file until
 * the screen shows the article's first lines with their highlights, seen
 * from outside in the pixels of the X display.  Once on a one-line
 * article with one annotation, once on the 5 MB article with 100,000
 * annotations made by bench-annotation-file; the large one may take at
 * most TARGET seconds more.  Also, for information, until the sidebar
 * lists the annotations: the whole document is there.
 *
 *   bench-launch GLOSS BENCH-ANNOTATION-FILE
 */

#include "config.h"

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/Xdamage.h>
#include <glib/gstdio.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include "bench-util.h"

#define RUNS 5
#define TARGET 0.4
/* What the window draws under a highlight: the tag's colour at 30 % over
 * the white of the text. */
#define HIGHLIGHT_ALPHA 0.30
/* A highlight on screen is at least this many pixels of its colour. */
#define MIN_PIXELS 100
/* The dots of the sidebar's rows, in the tags' own colours. */
#define MIN_DOT_PIXELS 20
#define TIMEOUT 30

typedef struct
{
  int r, g, b;
} Rgb;

/* The default codebook's colours, company, controversy and claim. */
static const Rgb tag_colors[] = { { 0x35, 0x84, 0xe4 }, { 0xe6, 0x61, 0x00 }, { 0x91, 0x41, 0xac } };

static Rgb highlights[G_N_ELEMENTS (tag_colors)];

static int
blend (int color)
{
  return (int)lround (color * HIGHLIGHT_ALPHA + 255 * (1 - HIGHLIGHT_ALPHA));
}

static int
channel (unsigned long pixel,
         unsigned long mask)
{
  int shift = 0;

  while (mask != 0 && (mask & 1) == 0)
    {
      mask >>= 1;
      shift++;
    }
  return (int)((pixel >> shift) & mask) * 255 / (int)MAX (mask, 1);
}

/* How many pixels of the screen's rectangle @area have one of the
 * @n_colors @colors. */
static guint
count_pixels (Display          *display,
              const XRectangle *area,
              const Rgb        *colors,
              guint             n_colors)
{
  Window root = DefaultRootWindow (display);
  XImage *image;
  guint count = 0;

  if (area->width == 0 || area->height == 0)
    return 0;
  image = XGetImage (display, root, area->x, area->y, area->width, area->height, AllPlanes, ZPixmap);
  if (image == NULL)
    return 0;

  for (int y = 0; y < image->height; y++)
    for (int x = 0; x < image->width; x++)
      {
        unsigned long pixel;
        int r, g, b;

        if (image->bits_per_pixel == 32)
          pixel = ((guint32 *)(void *)(image->data + y * image->bytes_per_line))[x];
        else
          pixel = XGetPixel (image, x, y);
        r = channel (pixel, image->red_mask);
        g = channel (pixel, image->green_mask);
        b = channel (pixel, image->blue_mask);
        for (guint i = 0; i < n_colors; i++)
          if (ABS (r - colors[i].r) <= 2 && ABS (g - colors[i].g) <= 2 &&
              ABS (b - colors[i].b) <= 2)
            {
              count++;
              break;
            }
      }

  XDestroyImage (image);
  return count;
}

/* Writes the screen as a PPM image to @path, to see what Gloss showed. */
static void
dump_screen (Display    *display,
             const char *path)
{
  Window root = DefaultRootWindow (display);
  XWindowAttributes attributes;
  g_autoptr(GString) ppm = g_string_new (NULL);
  XImage *image;

  XGetWindowAttributes (display, root, &attributes);
  image = XGetImage (display, root, 0, 0, attributes.width, attributes.height, AllPlanes, ZPixmap);
  g_string_append_printf (ppm, "P6\n%d %d\n255\n", image->width, image->height);
  for (int y = 0; y < image->height; y++)
    for (int x = 0; x < image->width; x++)
      {
        unsigned long pixel = XGetPixel (image, x, y);

        g_string_append_c (ppm, channel (pixel, image->red_mask));
        g_string_append_c (ppm, channel (pixel, image->green_mask));
        g_string_append_c (ppm, channel (pixel, image->blue_mask));
      }
  XDestroyImage (image);
  g_file_set_contents (path, ppm->str, ppm->len, NULL);
}

static XRectangle
whole_screen (Display *display)
{
  XWindowAttributes attributes;

  XGetWindowAttributes (display, DefaultRootWindow (display), &attributes);
  return (XRectangle) { 0, 0, attributes.width, attributes.height };
}

/* The rectangles the X server says were drawn since the last call, as one
 * bounding box (empty when nothing was drawn). */
static XRectangle
take_damage (Display *display,
             int      damage_event)
{
  int x0 = G_MAXINT, y0 = G_MAXINT, x1 = G_MININT, y1 = G_MININT;

  while (XPending (display) > 0)
    {
      XEvent event;

      XNextEvent (display, &event);
      if (event.type == damage_event + XDamageNotify)
        {
          XRectangle *area = &((XDamageNotifyEvent *)&event)->area;

          x0 = MIN (x0, area->x);
          y0 = MIN (y0, area->y);
          x1 = MAX (x1, area->x + area->width);
          y1 = MAX (y1, area->y + area->height);
        }
    }

  if (x0 >= x1 || y0 >= y1)
    return (XRectangle) { 0, 0, 0, 0 };
  return (XRectangle) { x0, y0, x1 - x0, y1 - y0 };
}

static gboolean
shows_highlights (Display          *display,
                  const XRectangle *area)
{
  return count_pixels (display, area, highlights, G_N_ELEMENTS (highlights)) >= MIN_PIXELS;
}

/* The sidebar lists the annotations, each with a dot of its tag's colour:
 * the whole document is there. */
static gboolean
shows_list (Display          *display,
            const XRectangle *area)
{
  return count_pixels (display, area, tag_colors, G_N_ELEMENTS (tag_colors)) >= MIN_DOT_PIXELS;
}

/* Starts Gloss on @path and returns the seconds until the highlights show,
 * and in @ready until the sidebar lists the annotations too: the parts of
 * the screen that are drawn are read back as soon as the X server reports
 * them (and the whole screen now and then). */
static double
launch (Display    *display,
        int         damage_event,
        const char *gloss,
        const char *path,
        char      **env,
        double     *ready)
{
  char *argv[] = { (char *)gloss, (char *)path, NULL };
  XRectangle screen = whole_screen (display);
  double t0, seen = -1, listed = -1, last_full = 0;
  pid_t pid;
  int status;

  take_damage (display, damage_event);
  if (shows_highlights (display, &screen) || shows_list (display, &screen))
    g_error ("the screen shows highlights before Gloss starts");

  t0 = bench_now ();
  if (posix_spawn (&pid, gloss, NULL, NULL, argv, env) != 0)
    g_error ("could not run %s", gloss);

  while (bench_now () - t0 < TIMEOUT)
    {
      XRectangle drawn = take_damage (display, damage_event);
      struct pollfd fd = { ConnectionNumber (display), POLLIN, 0 };

      gboolean full = bench_now () - last_full > 0.25;

      if (full)
        last_full = bench_now ();
      if (seen < 0 && (shows_highlights (display, &drawn) || (full && shows_highlights (display, &screen))))
        seen = bench_now () - t0;
      if (seen >= 0 && (shows_list (display, &drawn) || (full && shows_list (display, &screen))))
        {
          listed = bench_now () - t0;
          break;
        }
      if (waitpid (pid, &status, WNOHANG) == pid)
        g_error ("%s %s ended before showing its text", gloss, path);
      poll (&fd, 1, 5);
    }

  if (listed < 0 && g_getenv ("GLOSS_BENCH_SCREEN") != NULL)
    dump_screen (display, g_getenv ("GLOSS_BENCH_SCREEN"));
  kill (pid, SIGTERM);
  waitpid (pid, &status, 0);

  if (listed < 0)
    g_error ("%s %s showed no highlight, or no list of annotations, in %d s", gloss, path, TIMEOUT);
  *ready = listed;
  return seen;
}

static double
median (GArray *times)
{
  g_array_sort (times, bench_compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

static void
write_or_die (const char *path,
              const char *contents)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, contents, -1, &error))
    g_error ("%s", error->message);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *config = NULL;
  g_autofree char *settings_dir = NULL;
  g_autofree char *keyfile = NULL;
  g_autofree char *small = NULL;
  g_autofree char *small_annotations = NULL;
  g_autofree char *big = NULL;
  g_autofree char *big_annotations = NULL;
  g_auto(GStrv) env = NULL;
  g_autoptr(GArray) small_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) big_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) small_ready = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) big_ready = g_array_new (FALSE, FALSE, sizeof (double));
  Display *display;
  int damage_event, damage_error;
  double small_median, big_median, ready;
  gboolean ok = TRUE;

  if (argc != 3)
    {
      g_printerr ("Usage: bench-launch GLOSS BENCH-ANNOTATION-FILE\n");
      return 2;
    }

  display = XOpenDisplay (NULL);
  if (display == NULL)
    g_error ("no X display: run the benchmark under xvfb-run");
  if (!XDamageQueryExtension (display, &damage_event, &damage_error))
    g_error ("the X server has no DAMAGE extension");
  XDamageCreate (display, DefaultRootWindow (display), XDamageReportRawRectangles);
  XFlush (display);

  for (guint i = 0; i < G_N_ELEMENTS (tag_colors); i++)
    highlights[i] = (Rgb) { blend (tag_colors[i].r), blend (tag_colors[i].g), blend (tag_colors[i].b) };

  {
    g_autoptr(GError) error = NULL;

    dir = g_dir_make_tmp ("gloss-bench-launch-XXXXXX", &error);
    if (dir == NULL)
      g_error ("bench-launch: %s", error->message);
  }

  /* The large article and its annotations, by bench-annotation-file. */
  {
    char *args[] = { argv[2], (char *)"generate", dir, NULL };
    BenchChild child = bench_run_child (args);

    g_free (child.output);
  }
  big = g_build_filename (dir, "big.txt", NULL);
  big_annotations = g_build_filename (dir, "big.txt.bench.gloss.json", NULL);

  /* One line with one annotation, by the same annotator. */
  small = g_build_filename (dir, "small.txt", NULL);
  small_annotations = g_build_filename (dir, "small.txt.bench.gloss.json", NULL);
  write_or_die (small, "Acme Corp won the contract to rebuild the north bridge.\n");
  {
    g_autoptr(GFile) file = g_file_new_for_path (small);
    g_autoptr(GError) error = NULL;
    g_autoptr(GlossSource) source = gloss_source_new_from_plain_text (file, 0, NULL, &error);
    g_autoptr(GlossAnnotationFile) annotations = NULL;

    if (source == NULL)
      g_error ("%s", error->message);
    annotations = gloss_annotation_file_new (source, "bench", "Bench Mark");
    gloss_layer_annotate (gloss_annotation_file_get_layer (annotations), "company", 0, 9, NULL);
    if (!gloss_annotation_file_save (annotations, GLOSS_SAVE_NONE, NULL, &error))
      g_error ("%s", error->message);
  }

  /* Settings of its own, so that Gloss knows the annotator and asks
   * nothing. */
  config = g_build_filename (dir, "config", NULL);
  settings_dir = g_build_filename (config, "glib-2.0", "settings", NULL);
  g_mkdir_with_parents (settings_dir, 0700);
  keyfile = g_build_filename (settings_dir, "keyfile", NULL);
  write_or_die (keyfile, "[io/github/glossannotator/Gloss]\nannotator-name='Bench'\n");
  env = g_get_environ ();
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "keyfile", TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", config, TRUE);

  /* Once each before measuring, so that both find the files in the page
   * cache and the libraries loaded. */
  launch (display, damage_event, argv[1], small, env, &ready);
  launch (display, damage_event, argv[1], big, env, &ready);
  for (guint i = 0; i < RUNS; i++)
    {
      double t = launch (display, damage_event, argv[1], small, env, &ready);

      g_array_append_val (small_times, t);
      g_array_append_val (small_ready, ready);
      t = launch (display, damage_event, argv[1], big, env, &ready);
      g_array_append_val (big_times, t);
      g_array_append_val (big_ready, ready);
      g_print ("run %u: one-line %.3f s (all listed %.3f s), large %.3f s (all listed %.3f s)\n", i + 1,
               g_array_index (small_times, double, i), g_array_index (small_ready, double, i), t, ready);
    }

  small_median = median (small_times);
  big_median = median (big_times);
  g_print ("\n");
  bench_report ("launch to highlights: one-line (median)", small_median, "s", 0);
  bench_report ("launch to highlights: 5 MB, 100,000 (median)", big_median, "s", 0);
  ok &= bench_report ("launch: large minus one-line", big_median - small_median, "s", TARGET);
  /* For information: until everything can be used. */
  bench_report ("  whole document listed: one-line (median)", median (small_ready), "s", 0);
  bench_report ("  whole document listed: large (median)", median (big_ready), "s", 0);

  XCloseDisplay (display);
  g_unlink (small);
  g_unlink (small_annotations);
  g_unlink (big);
  g_unlink (big_annotations);
  g_unlink (keyfile);
  g_rmdir (settings_dir);
  {
    g_autofree char *glib_dir = g_path_get_dirname (settings_dir);

    g_rmdir (glib_dir);
  }
  g_rmdir (config);
  g_rmdir (dir);

  g_print ("\n%s\n", ok ? "All targets met." : "Some targets were missed.");
  return ok ? 0 : 1;
}
