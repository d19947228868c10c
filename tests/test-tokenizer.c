/* test-tokenizer.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "gloss-tokenizer.h"

/* The word boundaries of UAX #29 against Unicode's own test file
 * (WordBreakTest.txt, whose path GLOSS_WORD_BREAK_TEST gives; Debian's
 * unicode-data package installs it), and the cases the CoNLL export
 * depends on, which always run; then the tokens and sentences built on
 * them. */

/* The text between boundaries, each piece ending with "|". */
static char *
segment (const char *text)
{
  g_autofree gunichar *chars = NULL;
  g_autoptr(GArray) boundaries = NULL;
  glong n = 0;
  GString *out = g_string_new (NULL);

  chars = g_utf8_to_ucs4_fast (text, -1, &n);
  boundaries = gloss_word_boundaries (chars, n);
  g_assert_cmpuint (g_array_index (boundaries, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (boundaries, guint, boundaries->len - 1), ==, n);

  for (guint i = 1; i < boundaries->len; i++)
    {
      const char *from = g_utf8_offset_to_pointer (text, g_array_index (boundaries, guint, i - 1));
      const char *to = g_utf8_offset_to_pointer (text, g_array_index (boundaries, guint, i));

      g_assert_cmpuint (g_array_index (boundaries, guint, i), >,
                        g_array_index (boundaries, guint, i - 1));
      g_string_append_len (out, from, to - from);
      g_string_append_c (out, '|');
    }

  return g_string_free (out, FALSE);
}

/* The tokens, each ending with " ", and "/" after the last of each
 * sentence. */
static char *
tokens_of (const char *text)
{
  g_autoptr(GArray) tokens = gloss_tokenize (text, strlen (text));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < tokens->len; i++)
    {
      GlossToken *token = &g_array_index (tokens, GlossToken, i);

      /* The byte offsets are those of the code-point offsets. */
      g_assert_cmpuint (token->start_byte, ==,
                        g_utf8_offset_to_pointer (text, token->start) - text);
      g_assert_cmpuint (token->end_byte, ==, g_utf8_offset_to_pointer (text, token->end) - text);
      g_assert_cmpuint (token->start, <, token->end);

      g_string_append_len (out, text + token->start_byte, token->end_byte - token->start_byte);
      g_string_append (out, token->sentence_end ? " / " : " ");
    }

  return g_string_free (out, FALSE);
}

/* WordBreakTest.txt, line by line: "÷ 0041 × 0308 ÷ 0020 ÷ # comment". */
static void
test_word_break_test (void)
{
  const char *path = g_getenv ("GLOSS_WORD_BREAK_TEST");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint n_passed = 0, n_failed = 0;

  if (path == NULL || path[0] == '\0')
    {
      g_test_skip ("GLOSS_WORD_BREAK_TEST is not set");
      return;
    }
  if (!g_file_get_contents (path, &contents, NULL, &error))
    {
      g_autofree char *why = g_strdup_printf ("%s (Debian's unicode-data package installs it)",
                                              error->message);

      g_test_skip (why);
      return;
    }

  lines = g_strsplit (contents, "\n", -1);
  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_autofree char *line = g_strdup (lines[l]);
      g_autoptr(GArray) chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
      g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GArray) found = NULL;
      g_auto(GStrv) fields = NULL;
      char *hash = strchr (line, '#');
      gboolean same;

      if (hash != NULL)
        *hash = '\0';
      g_strstrip (line);
      if (line[0] == '\0')
        continue;

      fields = g_strsplit_set (line, " \t", -1);
      for (guint i = 0; fields[i] != NULL; i++)
        {
          if (fields[i][0] == '\0' || strcmp (fields[i], "×") == 0)
            continue;
          if (strcmp (fields[i], "÷") == 0)
            {
              guint at = chars->len;

              g_array_append_val (expected, at);
            }
          else
            {
              gunichar c = (gunichar)g_ascii_strtoull (fields[i], NULL, 16);

              g_array_append_val (chars, c);
            }
        }

      found = gloss_word_boundaries ((const gunichar *)chars->data, chars->len);
      same = found->len == expected->len &&
             memcmp (found->data, expected->data, found->len * sizeof (guint)) == 0;
      if (same)
        {
          n_passed++;
        }
      else
        {
          n_failed++;
          if (n_failed <= 20)
            g_test_message ("line %u differs: %s", l + 1, lines[l]);
        }
    }

  g_test_message ("WordBreakTest.txt: %u passed, %u failed", n_passed, n_failed);
  g_assert_cmpuint (n_passed, >, 1000);
  g_assert_cmpuint (n_failed, ==, 0);
}

/* What the CoNLL export must split as ICU does, whether or not the test
 * file is there. */
static void
test_word_boundaries (void)
{
  static const struct
  {
    const char *text;
    const char *segments;
  } cases[] = {
    /* A hyphen is not part of a word. */
    { "HBx-induced", "HBx|-|induced|" },
    /* A full stop between letters is (MidNumLet), not at the end. */
    { "S.p.A.", "S.p.A|.|" },
    { "U.S. Steel", "U.S|.| |Steel|" },
    /* Two regional indicators make one flag, and a third starts another. */
    { "🇫🇷🇩🇪🇮", "🇫🇷|🇩🇪|🇮|" },
    { "a🇫🇷b", "a|🇫🇷|b|" },
    /* An emoji ZWJ sequence stays whole, joiners included. */
    { "👩‍👩‍👧 ok", "👩‍👩‍👧| |ok|" },
    { "👍🏽!", "👍🏽|!|" },
    /* A soft hyphen (Format) belongs to its word. */
    { "co\xC2\xADoperation", "co\xC2\xADoperation|" },
    /* Apostrophes inside words, numbers with separators. */
    { "aujourd’hui don't", "aujourd’hui| |don't|" },
    { "3,5 1.000,25 $3", "3,5| |1.000,25| |$|3|" },
    { "l’homme", "l’homme|" },
    /* Spaces stay together (WB3d); a line break stands alone. */
    { "a  b\r\nc", "a|  |b|\r\n|c|" },
    /* Letters and digits, and the connector '_'. */
    { "snake_case x2 2x", "snake_case| |x2| |2x|" },
    /* Katakana together, ideographs one by one. */
    { "カタカナ漢字", "カタカナ|漢|字|" },
    /* Hebrew with its quotation marks (WB7a to WB7c). */
    { "צה\"ל", "צה\"ל|" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *found = segment (cases[i].text);

      g_assert_cmpstr (found, ==, cases[i].segments);
    }
}

/* Tokens: no white space, nothing invisible, French elisions apart. */
static void
test_tokens (void)
{
  static const struct
  {
    const char *text;
    const char *tokens;
  } cases[] = {
    { "HBx-induced S.p.A. 🇫🇷 ok", "HBx - induced S.p.A . / 🇫🇷 ok / " },
    { "👨‍👩‍👧 x", "👨‍👩‍👧 x / " },
    { "co\xC2\xADoperation", "co\xC2\xADoperation / " },
    /* A byte order mark and a zero-width space are not tokens. */
    { "\xEF\xBB\xBF" "a\xE2\x80\x8B" "b", "a b / " },
    /* A narrow no-break space joins letters in UAX #29 (ExtendNumLet), but
     * it is white space to whoever reads the export: cut there. */
    { "10\xE2\x80\xAF" "000 a\xE2\x80\xAF" "b", "10 000 a b / " },
    { "a\xC2\xA0" "b\tc", "a b c / " },
    /* A zero-width non-joiner alone (Format, but Extend in UAX #29) is
     * no token either. */
    { "a \xE2\x80\x8C b", "a b / " },
    /* A mark on a space is kept, the space is not. */
    { "a \xCC\x81 b", "a \xCC\x81 b / " },
    /* French elided words stand apart, apostrophe included. */
    { "L’homme qu’il a vu s’est levé. J'ai dit : « non » !",
      "L’ homme qu’ il a vu s’ est levé . / J' ai dit : « non » ! / " },
    { "Aujourd’hui jusqu’à QU’IL don't", "Aujourd’hui jusqu’ à QU’ IL don't / " },
    { "d’l’x", "d’ l’ x / " },
    { "  \n\r\n ", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *found = tokens_of (cases[i].text);

      g_assert_cmpstr (found, ==, cases[i].tokens);
    }
}

static void
test_sentences (void)
{
  static const struct
  {
    const char *text;
    const char *tokens;
  } cases[] = {
    { "It rains. It pours!", "It rains . / It pours ! / " },
    /* "?!", "..." and closing quotes stay with their sentence. */
    { "Really?! \"Yes.\" Go...", "Really ? ! / \" Yes . \" / Go . . . / " },
    /* No space after the full stop: the sentence goes on. */
    { "See Inc.com now", "See Inc.com now / " },
    { "v1.2.3 works", "v1.2.3 works / " },
    /* Every line break ends a sentence. */
    { "one\ntwo\r\nthree\xE2\x80\xA8" "four", "one / two / three / four / " },
    /* Ideographic full stops end a sentence without a space. */
    { "今日は。明日", "今 日 は 。 / 明 日 / " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *found = tokens_of (cases[i].text);

      g_assert_cmpstr (found, ==, cases[i].tokens);
    }
}

/* Long runs of what the rules look back or ahead over stay linear. */
static void
test_long_runs (void)
{
  GString *text = g_string_new (NULL);
  g_autoptr(GArray) tokens = NULL;
  gint64 start;

  for (guint i = 0; i < 200000; i++)
    g_string_append (text, "🇫");
  g_string_append (text, " a.");
  for (guint i = 0; i < 200000; i++)
    g_string_append (text, "\xCC\x88");
  g_string_append (text, "b");

  start = g_get_monotonic_time ();
  tokens = gloss_tokenize (text->str, text->len);
  g_test_message ("%" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - start) / 1000);

  /* 100,000 flags, then "a.b" whole: WB6 looks past the marks. */
  g_assert_cmpuint (tokens->len, ==, 100000 + 1);
  g_string_free (text, TRUE);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tokenizer/uax29/word-break-test", test_word_break_test);
  g_test_add_func ("/tokenizer/uax29/cases", test_word_boundaries);
  g_test_add_func ("/tokenizer/tokens", test_tokens);
  g_test_add_func ("/tokenizer/sentences", test_sentences);
  g_test_add_func ("/tokenizer/long-runs", test_long_runs);

  return g_test_run ();
}
