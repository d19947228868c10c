/* gloss-corpus.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-source.h"

G_BEGIN_DECLS

/* Finding and reading the articles of a folder, for the export and the
 * import. */

/* An article and its annotation files. */
typedef struct
{
  GFile     *article;
  GPtrArray *annotation_files;   /* GFile, sorted by name */
} GlossCorpusArticle;

void         gloss_corpus_article_free  (GlossCorpusArticle *entry);

/* The articles under @folder, recursively: every file beside which lies
 * at least one annotation file of it, as GlossCorpusArticles sorted by
 * path.  Each folder is read once, however many articles it holds.
 * Hidden files and folders (a name starting with '.') are skipped, and
 * symbolic links to folders are not followed. */
GPtrArray   *gloss_corpus_list_articles (GFile         *folder,
                                         GCancellable  *cancellable,
                                         GError       **error);

/* Reads the text of an article.  The export and the import read every
 * article through this one function. */
GlossSource *gloss_corpus_read_article  (GFile         *article,
                                         GCancellable  *cancellable,
                                         GError       **error);

/* The article an annotation file belongs to, from its name alone
 * ("a.txt.alice.gloss.json" gives "a.txt" in the same folder); NULL when
 * the name is not that of an annotation file. */
GFile       *gloss_corpus_article_of    (GFile         *annotation_file);

/* Loads @candidates (GFile) as annotation files of @article, each with the
 * article's codebook and anchored in @source.  With @annotators (a set of
 * ids), only theirs, judged by the file name first so that another
 * annotator's broken file is not read.  A file that cannot be read is left
 * out and its message, which names it, added to @problems (strings), as is
 * a codebook that cannot be read (then no file is loaded).  Returns the
 * GlossAnnotationFiles loaded. */
GPtrArray   *gloss_corpus_open_annotation_files (GFile        *article,
                                         GlossSource   *source,
                                         GPtrArray     *candidates,
                                         GHashTable    *annotators,
                                         GPtrArray     *problems,
                                         GCancellable  *cancellable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossCorpusArticle, gloss_corpus_article_free)

G_END_DECLS
