/* agree-test-util.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cli-test-util.h"

G_BEGIN_DECLS

/* The articles gloss-cli agree measures in the tests of agree and of its
 * disagreements file, made in a CliFixture's folder with gloss-cli
 * annotate and link, or written as JSON. */

/* Ten words, four characters apart: word k is [4k, 4k + 3). */
extern const char ten_words[];

/* Marks words @first_word to @last_word of @article as @tag in
 * @annotator's layer. */
void annotate           (CliFixture *f,
                         const char *article,
                         const char *annotator,
                         const char *tag,
                         guint       first_word,
                         guint       last_word);
/* a.txt and b.txt, ten words each, marked by alice, bob and carol: an
 * exact match, a tag that differs, a boundary that differs; only in A,
 * only in B, nested. */
void make_corpus        (CliFixture *f);
/* c.txt: verdicts on three claims both alice and bob marked, (true,
 * true), (false, false), (true, misleading); alice also links 0 → 4
 * said-by and 1 → 4 said-by, bob only 0 → 4. */
void make_verdicts      (CliFixture *f);
/* Marks word @word of c.txt as a claim of @annotator with @verdict. */
void claim_with_verdict (CliFixture *f,
                         const char *annotator,
                         guint       word,
                         const char *verdict);
/* Writes the file of @annotator on @article (whose text is @text) with
 * @annotations, the members of its list in JSON. */
void write_layer        (CliFixture *f,
                         const char *article,
                         const char *text,
                         const char *annotator,
                         GString    *annotations);

G_END_DECLS
