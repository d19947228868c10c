/* gloss-corpus-statistics.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How many passages each annotator gave each tag, per article of a
 * corpus and in all.  Only counts are kept; safe in a worker thread. */

/* One count: an article's (or the corpus's, with @article NULL). */
typedef struct
{
  char  *article;     /* the path under the folder, or NULL for the total */
  char  *tag;
  char  *annotator;
  guint  passages;
} GlossTagCount;

typedef struct
{
  GPtrArray *counts;      /* GlossTagCount: the totals first (by tag, then annotator), then
                           * each article's in the walk's order, by tag, then annotator */
  GPtrArray *tags;        /* the tags counted, sorted; strings */
  GPtrArray *annotators;  /* the annotators counted, sorted; strings */
  GPtrArray *problems;    /* what could not be read, naming the file */
  guint      n_articles;  /* articles walked */
} GlossCorpusStatistics;

/* Walks @folder and counts the passages of every annotation file of each
 * article, anchored in it (orphaned passages are not counted).  NULL only
 * when @folder cannot be read or the count is cancelled.  @progress,
 * when given, is called after each article with how many are done and
 * of how many (in the calling thread). */
GlossCorpusStatistics *gloss_corpus_statistics_new   (GFile                  *folder,
                                                      void                  (*progress) (guint    n_done,
                                                                                         guint    n_total,
                                                                                         gpointer user_data),
                                                      gpointer                user_data,
                                                      GCancellable           *cancellable,
                                                      GError                **error);
/* The total of @tag by @annotator (0 when none). */
guint                  gloss_corpus_statistics_total (GlossCorpusStatistics  *self,
                                                      const char             *tag,
                                                      const char             *annotator);
void                   gloss_corpus_statistics_free  (GlossCorpusStatistics  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossCorpusStatistics, gloss_corpus_statistics_free)

G_END_DECLS
