/* bench-html.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Times the HTML reader on a 5 MB page: a long article among navigation,
 * scripts, a cookie banner, advertisements and footers.  The extraction
 * runs in a child process of its own, and so does a baseline that starts
 * the same way and reads nothing, so that the peak memory of the
 * extraction (the child's maximum resident set, less the baseline's) is
 * its own.
 *
 * Then files built to cost far more than their size, in HTML and XML:
 * one element with 40,000 attributes, 100,000 namespace declarations,
 * a million one-letter paragraphs, elements at the limits Gloss sets,
 * billion laughs.  Each is read, or refused, in time linear in its size
 * and within ten times its size in memory (a file under the reader's
 * memory floor counting as that big).
 *
 *   bench-html [--keep DIR] [--cli PATH]
 */

#define G_LOG_DOMAIN "bench"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <string.h>

#include "gloss-markup.h"
#include "gloss-source.h"
#include "bench-util.h"

#define PAGE_BYTES (5 * 1000 * 1000)

/* Targets from the issue: 0.5 s, and ten times the file size. */
#define TARGET_SECONDS 0.5
#define TARGET_MEMORY_FACTOR 10

/* The files built to hurt may take this long per MB, and this long to
 * start: linear, with room for a busy machine. */
#define HOSTILE_SECONDS_PER_MB 0.25
#define HOSTILE_SECONDS 0.5

static const char * const words[] = {
  "le", "port", "quai", "ponton", "marée", "navire", "ferry", "région", "État", "budget",
  "travaux", "pêcheurs", "criée", "rade", "chantier", "été", "hiver", "élus", "débat",
  "calendrier", "module", "ancrage", "béton", "société", "appel", "offres", "décision",
  "à", "de", "la", "et", "les", "une", "pour", "avec", "sans", "selon", "après", "déjà",
};

static void
append_sentence (GString *page,
                 GRand   *rand)
{
  guint n = g_rand_int_range (rand, 8, 22);

  for (guint i = 0; i < n; i++)
    {
      const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];
      guint markup = g_rand_int_range (rand, 0, 40);

      if (i > 0)
        g_string_append_c (page, ' ');
      if (markup == 0)
        g_string_append_printf (page, "<em>%s</em>", word);
      else if (markup == 1)
        g_string_append_printf (page, "<a href=\"/articles/%u\">%s</a>",
                                g_rand_int (rand) % 100000, word);
      else if (markup == 2)
        g_string_append_printf (page, "%s&nbsp;&#8217;", word);
      else
        g_string_append (page, word);

      /* Source lines of about 100 characters, as editors wrap them. */
      if (i == n / 2)
        g_string_append (page, "\n        ");
    }
  g_string_append (page, ". ");
}

static void
append_furniture (GString *page,
                  guint    n)
{
  g_string_append (page, "      <div class=\"advert-slot\"><p>Publicité : abonnez-vous dès 1 €"
                         " par mois et soutenez le journalisme local.</p></div>\n");
  g_string_append_printf (page, "      <script>window.slots = window.slots || []; "
                                "window.slots.push({ id: %u, size: [300, 250], lazy: true });"
                                "</script>\n", n);
}

static void
write_page (const char *path)
{
  g_autoptr(GString) page = g_string_sized_new (PAGE_BYTES + 64 * 1024);
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_string_append (page, "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n"
                         "  <meta charset=\"utf-8\">\n"
                         "  <title>Dossier : les ports de l'Ouest</title>\n"
                         "  <meta property=\"og:title\" content=\"Dossier : les ports de l'Ouest\">\n"
                         "  <meta name=\"author\" content=\"La rédaction\">\n"
                         "  <script>var config = { premium: false, rubrique: \"dossier\" };</script>\n"
                         "  <style>body { font-family: serif; } .advert-slot { height: 250px; }</style>\n"
                         "</head>\n<body>\n"
                         "  <div class=\"cookie-banner\" role=\"dialog\"><p>Ce site utilise des "
                         "cookies.</p><button>Accepter</button></div>\n"
                         "  <header><nav><ul>\n");
  for (guint i = 0; i < 200; i++)
    g_string_append_printf (page, "    <li><a href=\"/rubrique/%u\">Rubrique %u</a></li>\n", i, i);
  g_string_append (page, "  </ul></nav></header>\n  <main>\n    <article>\n"
                         "      <h1>Les ports de l'Ouest face aux nouveaux navires</h1>\n");

  while (page->len < PAGE_BYTES - 20 * 1024)
    {
      n++;
      if (n % 9 == 0)
        g_string_append_printf (page, "      <h2>Partie %u</h2>\n", n / 9);

      if (n % 23 == 0)
        {
          g_string_append (page, "      <ul>\n");
          for (guint i = 0; i < 4; i++)
            {
              g_string_append (page, "        <li>");
              append_sentence (page, rand);
              g_string_append (page, "</li>\n");
            }
          g_string_append (page, "      </ul>\n");
        }
      else if (n % 31 == 0)
        {
          g_string_append (page, "      <blockquote><p>");
          append_sentence (page, rand);
          g_string_append (page, "</p></blockquote>\n");
        }
      else
        {
          guint sentences = g_rand_int_range (rand, 3, 8);

          g_string_append (page, "      <p>");
          for (guint i = 0; i < sentences; i++)
            append_sentence (page, rand);
          g_string_append (page, "</p>\n");
        }

      if (n % 12 == 0)
        append_furniture (page, n);
    }

  g_string_append (page, "    </article>\n    <aside><h3>À lire aussi</h3><ul>\n");
  for (guint i = 0; i < 50; i++)
    g_string_append_printf (page, "      <li><a href=\"/a/%u\">Autre article %u</a></li>\n", i, i);
  g_string_append (page, "    </ul></aside>\n  </main>\n  <footer><p>© 2026 La Gazette</p></footer>\n"
                         "  <script src=\"/analytics.js\"></script>\n</body>\n</html>\n");

  if (!g_file_set_contents (path, page->str, page->len, &error))
    g_error ("%s", error->message);
}

/* What every child does first, so that the baseline pays it too. */
static void
start_up (void)
{
  xmlInitParser ();
  g_type_ensure (GLOSS_TYPE_SOURCE);
}

/* The peak resident set of this process since it started, in MB.  The
 * kernel's maximum for a child also counts the time before it ran its
 * program, when it shared the memory of the benchmark, which grows with
 * the files it generates: the process's own high-water mark does not. */
static double
own_peak_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return 0;

  return g_ascii_strtod (line + strlen ("VmHWM:"), NULL) / 1024.0;
}

static int
phase_baseline (void)
{
  start_up ();
  g_print ("0 %.3f\n", own_peak_mb ());
  return 0;
}

/* Prints the time, the length of the text and whether it has blocks; or,
 * with @refusal, the time and the error, which a hostile file may give. */
static int
phase_extract (const char *path,
               gboolean    refusal)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossSource) source = NULL;
  g_autoptr(GError) error = NULL;
  double t0;

  start_up ();

  t0 = bench_now ();
  source = gloss_source_new_from_article (file, 0, NULL, &error);
  if (refusal && error != NULL)
    {
      g_print ("%.3f %.3f refused %s\n", bench_now () - t0, own_peak_mb (), error->message);
      return 0;
    }
  g_assert_no_error (error);
  g_print ("%.3f %.3f %u %u\n", bench_now () - t0, own_peak_mb (),
           gloss_source_get_length (source), gloss_source_get_blocks (source, NULL) != NULL);

  return 0;
}

/* Writes @n copies of @unit between @head and @tail. */
static void
write_repeated (const char *path,
                const char *head,
                const char *unit,
                gsize       n,
                const char *tail)
{
  g_autoptr(GString) data = g_string_sized_new (strlen (head) + n * strlen (unit) + strlen (tail));
  g_autoptr(GError) error = NULL;

  g_string_append (data, head);
  for (gsize i = 0; i < n; i++)
    g_string_append (data, unit);
  g_string_append (data, tail);

  if (!g_file_set_contents (path, data->str, data->len, &error))
    g_error ("%s", error->message);
}

/* @open, @n attributes each written by @format from its number, then
 * @close: "<p a0 a1 …>". */
static char *
tag_with_attributes (const char *open,
                     guint       n,
                     const char *format,
                     const char *close)
{
  GString *tag = g_string_new (open);

  for (guint i = 0; i < n; i++)
    {
      g_string_append_c (tag, ' ');
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      g_string_append_printf (tag, format, i);
#pragma GCC diagnostic pop
    }
  g_string_append (tag, close);

  return g_string_free (tag, FALSE);
}

static void
write_laughs (const char *path)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n"
                                         "  <!ENTITY lol \"lol\">\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 1; i <= 9; i++)
    {
      g_string_append_printf (xml, "  <!ENTITY lol%u \"", i);
      for (guint j = 0; j < 10; j++)
        {
          if (i == 1)
            g_string_append (xml, "&lol;");
          else
            g_string_append_printf (xml, "&lol%u;", i - 1);
        }
      g_string_append (xml, "\">\n");
    }
  g_string_append (xml, "]>\n<lolz><p>&lol9;</p></lolz>\n");

  if (!g_file_set_contents (path, xml->str, xml->len, &error))
    g_error ("%s", error->message);
}

/* Writes the file of @shape (see shapes[]) to @path. */
static void
write_shape (guint       shape,
             const char *path)
{
  g_autofree char *tag = NULL;

  switch (shape)
    {
    case 0:
      tag = tag_with_attributes ("<p", 40000, "a%u=\"x\"", ">texte</p>");
      write_repeated (path, "<html><body>", tag, 1, "</body></html>");
      break;

    case 1:
      tag = tag_with_attributes ("<p", 40000, "a%u=\"x\"", ">texte</p>");
      write_repeated (path, "<r>", tag, 1, "</r>");
      break;

    case 2:
      tag = tag_with_attributes ("<r", 100000, "xmlns:n%u=\"urn:n\"", ">texte</r>");
      write_repeated (path, "", tag, 1, "");
      break;

    case 3:
      write_repeated (path, "", "<p>a</p>", 1000 * 1000, "");
      break;

    case 4:
      write_repeated (path, "<r>", "<p>a</p>", 1000 * 1000, "</r>");
      break;

    case 5:
      tag = tag_with_attributes ("<p", GLOSS_MARKUP_MAX_ATTRIBUTES, "a%u", ">texte</p>\n");
      write_repeated (path, "<html><body>", tag, 16 * 1000 * 1000 / strlen (tag),
                      "</body></html>");
      break;

    case 6:
      tag = tag_with_attributes ("<p", GLOSS_MARKUP_MAX_ATTRIBUTES, "a%u=\"\"", ">texte</p>\n");
      write_repeated (path, "<r>", tag, 16 * 1000 * 1000 / strlen (tag), "</r>");
      break;

    case 7:
      tag = tag_with_attributes ("<r", GLOSS_MARKUP_MAX_NAMESPACES, "xmlns:n%u=\"urn:n\"",
                                 "><n0:q>");
      write_repeated (path, tag, "<x:a>un mot, puis un autre</x:a>\n", 250 * 1000,
                      "</n0:q></r>");
      break;

    case 8:
      write_laughs (path);
      break;

    case 9:
      write_repeated (path, "<html><body>",
                      "<p>Une phrase de quelques mots, comme dans un article.</p>\n",
                      100 * 1000, "</body></html>");
      break;

    default:
      g_assert_not_reached ();
    }
}

static const struct
{
  const char *name;
  const char *file;
} shapes[] = {
  { "HTML: one element, 40,000 attributes", "attributes.html" },
  { "XML: one element, 40,000 attributes", "attributes.xml" },
  { "XML: 100,000 namespace declarations", "namespaces.xml" },
  { "HTML: 1,000,000 <p>a</p>", "paragraphs.html" },
  { "XML: 1,000,000 <p>a</p>", "paragraphs.xml" },
  { "HTML: 16 MB of elements at the attribute limit", "at-limit.html" },
  { "XML: 16 MB of elements at the attribute limit", "at-limit.xml" },
  { "XML: namespaces in scope at the limit, 8 MB", "scope.xml" },
  { "XML: billion laughs", "laughs.xml" },
  { "HTML: 100,000 one-line paragraphs", "lines.html" },
};

/* Reads each hostile file in a child; FALSE when one takes too long or
 * too much memory. */
static gboolean
bench_hostile (const char *self,
               const char *dir,
               double      baseline_mb,
               gboolean    keep)
{
  gboolean ok = TRUE;

  g_print ("\nFiles built to cost more than their size (time, and peak memory over the "
           "baseline against ten times the size):\n");

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_autofree char *path = g_build_filename (dir, shapes[i].file, NULL);
      char *args[] = { (char *) self, (char *) "extract-hostile", path, NULL };
      g_auto(GStrv) fields = NULL;
      double size_mb;
      double limit_mb;
      double memory_mb;
      GStatBuf buf;
      BenchChild r;

      write_shape (i, path);
      g_assert_cmpint (g_stat (path, &buf), ==, 0);
      size_mb = buf.st_size / (1024.0 * 1024.0);
      limit_mb = TARGET_MEMORY_FACTOR * MAX (size_mb, GLOSS_MARKUP_MEMORY_FLOOR / (1024.0 * 1024.0));

      r = bench_run_child (args);
      fields = g_strsplit (g_strchomp (r.output), " ", 4);
      memory_mb = MAX (g_ascii_strtod (fields[1], NULL) - baseline_mb, 0);

      g_print ("\n%s (%.2f MB): %s\n", shapes[i].name, size_mb,
               g_strcmp0 (fields[2], "refused") == 0 ? fields[3] : "read");
      ok &= bench_report ("  time", g_ascii_strtod (fields[0], NULL), "s",
                          HOSTILE_SECONDS + HOSTILE_SECONDS_PER_MB * size_mb);
      ok &= bench_report ("  peak memory over the baseline", memory_mb, "MB", limit_mb);
      bench_report ("  peak memory / file size", memory_mb / size_mb, "x", 0);
      g_free (r.output);

      if (!keep)
        g_unlink (path);
    }

  return ok;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *page_path = NULL;
  const char *cli = NULL;
  const char *keep = NULL;
  double file_mb;
  double baseline_mb;
  gboolean ok = TRUE;
  GStatBuf buf;
  BenchChild r;

  if (argc == 2 && strcmp (argv[1], "baseline") == 0)
    return phase_baseline ();
  if (argc == 3 && strcmp (argv[1], "extract") == 0)
    return phase_extract (argv[2], FALSE);
  if (argc == 3 && strcmp (argv[1], "extract-hostile") == 0)
    return phase_extract (argv[2], TRUE);

  for (int i = 1; i + 1 < argc; i += 2)
    {
      if (strcmp (argv[i], "--cli") == 0)
        cli = argv[i + 1];
      else if (strcmp (argv[i], "--keep") == 0)
        keep = argv[i + 1];
    }

  self = g_file_read_link ("/proc/self/exe", NULL);
  dir = keep != NULL ? g_strdup (keep) : g_dir_make_tmp ("gloss-bench-html-XXXXXX", NULL);
  g_mkdir_with_parents (dir, 0755);
  page_path = g_build_filename (dir, "page.html", NULL);

  write_page (page_path);
  g_assert_cmpint (g_stat (page_path, &buf), ==, 0);
  file_mb = buf.st_size / (1024.0 * 1024.0);

  {
    char *args[] = { self, (char *) "baseline", NULL };
    g_auto(GStrv) fields = NULL;

    r = bench_run_child (args);
    fields = g_strsplit (r.output, " ", -1);
    baseline_mb = g_ascii_strtod (fields[1], NULL);
    g_free (r.output);
  }

  g_print ("Page: %.2f MB (%ld bytes); baseline process %.1f MB\n\n",
           buf.st_size / 1e6, (long) buf.st_size, baseline_mb);

  {
    char *args[] = { self, (char *) "extract", page_path, NULL };
    g_auto(GStrv) fields = NULL;
    double peak_mb;

    r = bench_run_child (args);
    fields = g_strsplit (r.output, " ", -1);
    peak_mb = g_ascii_strtod (fields[1], NULL);
    ok &= bench_report ("HTML extraction", g_ascii_strtod (fields[0], NULL), "s", TARGET_SECONDS);
    ok &= bench_report ("  peak memory over the baseline", peak_mb - baseline_mb, "MB",
                  TARGET_MEMORY_FACTOR * file_mb);
    bench_report ("  peak memory / file size", (peak_mb - baseline_mb) / file_mb, "x", 0);
    g_print ("  extracted text: %s characters\n", fields[2]);
    g_free (r.output);
  }

  if (cli != NULL)
    {
      char *args[] = { (char *) cli, (char *) "text", page_path, NULL };

      r = bench_run_child (args);
      bench_report ("gloss-cli text (whole command)", r.seconds, "s", 0);
      bench_report ("  peak memory (gloss-cli text)", r.peak_mb, "MB", 0);
      g_free (r.output);
    }

  ok &= bench_hostile (self, dir, baseline_mb, keep != NULL);

  if (keep == NULL)
    {
      g_unlink (page_path);
      g_rmdir (dir);
    }

  g_print ("\n%s\n", ok ? "All targets met." : "Some targets were missed.");
  return ok ? 0 : 1;
}
