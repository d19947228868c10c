/* gloss-concordance.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A concordance of a corpus: every occurrence of a phrase, or every
 * passage of a tag, in an article, with the characters around it
 * (keyword in context).  gloss-cli concordance and the window's
 * concordance both search through this; nothing here touches GTK or a
 * main context, so that each article can be searched in a worker
 * thread. */

/* What to look for: @match (a phrase) or @tag, not both. */
typedef struct
{
  const char *match;
  const char *tag;
  const char *annotator;   /* with @tag: only this annotator's passages; NULL for all */
  guint       context;     /* characters shown on each side */
  gboolean    match_case;  /* with @match: letters must have the same case */
  gboolean    whole_words; /* with @match: only occurrences that are whole words */
} GlossConcordanceQuery;

/* One place in an article, and who tagged it when the query is a tag. */
typedef struct
{
  guint  start;       /* in characters, end excluded */
  guint  end;
  char  *left;
  char  *text;
  char  *right;
  char  *tag;         /* the query's tag, or NULL for a phrase */
  char  *annotator;   /* who tagged it, or NULL for a phrase */
} GlossConcordanceRow;

/* What a search of one article found. */
typedef struct
{
  GArray    *rows;      /* GlossConcordanceRow, in text order (then by annotator) */
  GPtrArray *problems;  /* messages naming the file that could not be read */
} GlossConcordanceHits;

/* Searches @article for @query: its text for a phrase, compared a
 * character at a time so that the offsets are those of the article, or
 * the passages of the tag in @annotation_files (GFile, as a listing gives
 * them), wherever they are now anchored; orphaned passages have no place
 * to show and are left out.  Never fails: what cannot be read is named
 * in the problems.  Safe in any thread. */
GlossConcordanceHits *gloss_concordance_search     (const GlossConcordanceQuery *query,
                                                    GFile                       *article,
                                                    GPtrArray                   *annotation_files,
                                                    GCancellable                *cancellable);
void                  gloss_concordance_hits_free  (GlossConcordanceHits        *hits);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossConcordanceHits, gloss_concordance_hits_free)

G_END_DECLS
