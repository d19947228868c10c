/* gloss-cli.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "gloss-cli-common.h"
#include "gloss-cli-formats.h"

typedef struct
{
  const char *name;
  GlossCliCommandFunc func;
  const char *summary;
} Command;

static const Command commands[] = {
  { "list", gloss_cli_list, N_("List the annotations of articles or annotation files") },
  { "validate", gloss_cli_validate, N_("Check annotation files against their articles") },
  { "annotate", gloss_cli_annotate, N_("Add annotations to an annotator’s file") },
  { "delete", gloss_cli_delete, N_("Delete annotations from an annotator’s file by id, tag, span or text") },
  { "text", gloss_cli_text, N_("Print the text of an article, which offsets count in") },
  { "export", gloss_cli_export, N_("Write annotations for other tools (CSV, brat, W3C, …)") },
  { "import", gloss_cli_import, N_("Read annotations made in other tools into Gloss files") },
  { "agree", gloss_cli_agree, N_("Measure how far coders agree (Krippendorff’s α, κ, π)") },
  { "consensus", gloss_cli_consensus, N_("Settle the passages annotators agree on into a consensus file") },
  { "report", gloss_cli_report, N_("Write how far annotators agree as an HTML page") },
  { "status", gloss_cli_status, N_("Show how far each annotator has got on each article of a folder") },
  { "concordance", gloss_cli_concordance, N_("Show every occurrence of a text or a tag in context") },
  { "done", gloss_cli_done, N_("Mark articles done, or not done, in an annotator’s file") },
  { "link", gloss_cli_link, N_("Link two annotations of an annotator’s file by a relation") },
};

static void
print_usage (FILE *stream)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append_printf (out, "%s\n  gloss-cli %s\n\n",
                          _("Usage:"), _("COMMAND [OPTION…] FILE…"));
  g_string_append_printf (out, "%s\n\n", _("Read and write Gloss annotation files without a window."));
  g_string_append_printf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  g_string_append_printf (out, "\n%s\n", _("Run “gloss-cli COMMAND --help” for the options of a command."));

  fputs (out->str, stream);
}

int
main (int    argc,
      char **argv)
{
  const char *localedir;

  setlocale (LC_ALL, "");
  /* Lets the tests find the translations in the build tree. */
  localedir = g_getenv ("GLOSS_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("gloss-cli");

  if (argc < 2)
    {
      print_usage (stderr);
      return GLOSS_CLI_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return GLOSS_CLI_OK;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("gloss-cli %s\n", PACKAGE_VERSION);
      return GLOSS_CLI_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (argv[1], commands[i].name) == 0)
        return commands[i].func (argc - 1, argv + 1);
    }

  /* Translators: %s is what the user typed as a command */
  g_printerr (_("gloss-cli: unknown command “%s”"), argv[1]);
  g_printerr ("\n\n");
  print_usage (stderr);
  return GLOSS_CLI_USAGE;
}
