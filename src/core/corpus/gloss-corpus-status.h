/* gloss-corpus-status.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A folder as a corpus: its articles, who annotated each, and how far
 * each annotator has got.  Nothing here touches GTK or a main context, so
 * that a worker thread can scan while a window runs. */

/* How far one annotator has got on one article. */
typedef enum
{
  GLOSS_WORK_NOT_STARTED,       /* no file, or a file without passages */
  GLOSS_WORK_IN_PROGRESS,       /* passages, not marked done */
  GLOSS_WORK_DONE,              /* marked done by the annotator */
  GLOSS_WORK_NEEDS_ATTENTION,   /* moved or orphaned passages, relations with an end missing
                                 * or orphaned, or a file that cannot be read */
} GlossWorkStatus;

/* The status's stable id, as gloss-cli and its JSON print it:
 * "not-started", "in-progress", "done" or "needs-attention". */
const char *gloss_work_status_to_string (GlossWorkStatus status);

/* Something in the folder that the scan did not read, and why. */
typedef struct
{
  GFile    *file;
  char     *reason;      /* a sentence that names the file */
  gboolean  is_problem;  /* FALSE for a link back to a folder already scanned */
} GlossCorpusSkip;

/* What a walk of a folder found. */
typedef struct
{
  GFile     *folder;
  GPtrArray *articles;     /* GlossCorpusArticle (gloss-corpus.h): a folder's in name order,
                            * then those of its subfolders, each in name order */
  GPtrArray *skipped;      /* GlossCorpusSkip, in the order met */
  GPtrArray *annotators;   /* every annotator id with a file, sorted; NULL-terminated */
} GlossCorpusListing;

/* Walks @folder and its subfolders.  An article is a regular file that an
 * article reader takes by its name (gloss_source_name_is_article) or that
 * has an annotation file beside it.  Links are followed, but a folder is
 * entered once (known by its device and inode), so that a link back up
 * the tree ends the walk there, reported as skipped.  Named pipes,
 * sockets and devices are never opened: they are skipped with the
 * reason, as are broken links, folders that cannot be read and annotation
 * files whose article is missing.  Hidden names (a leading '.') are left
 * out.  Fails only when @folder itself cannot be read. */
GlossCorpusListing *gloss_corpus_listing_new  (GFile               *folder,
                                               GCancellable        *cancellable,
                                               GError             **error);
void                gloss_corpus_listing_free (GlossCorpusListing  *listing);

/* One annotator's work on an article. */
typedef struct
{
  char            *annotator;   /* the id, from the file name */
  GFile           *file;        /* NULL when the annotator has no file */
  GlossWorkStatus  status;
  guint            n_passages;
  guint            n_moved;
  guint            n_orphaned;
  guint            n_relations_attention; /* relations with an end missing or orphaned */
  gint64           modified;    /* the file's, in seconds since 1970 (UTC); -1 without a file */
  char            *done_at;     /* when it was marked done, as the file says; or NULL */
  char            *reason;      /* why it needs attention, naming the file; or NULL */
} GlossAnnotatorWork;

/* An article and each annotator's work on it. */
typedef struct
{
  GFile     *article;
  char      *title;      /* the reader's metadata title, else the first non-empty line */
  guint      length;     /* in characters */
  char      *problem;    /* when the article cannot be read: why, naming it; else NULL */
  GPtrArray *work;       /* GlossAnnotatorWork, in the order of the annotators asked for */
} GlossArticleStatus;

/* Reads @article and @annotation_files (GFile, as a listing gives them)
 * and says how far each of @annotators (ids, or NULL for the annotators
 * of @annotation_files) has got: an annotator without a file has not
 * started.  An article that cannot be read makes every annotator's work
 * need attention.  Never fails (NULL only for a NULL @article); safe in
 * any thread. */
GlossArticleStatus *gloss_article_status_read (GFile               *article,
                                               GPtrArray           *annotation_files,
                                               const char * const  *annotators,
                                               GCancellable        *cancellable);
void                gloss_article_status_free (GlossArticleStatus  *status);

/* The status of every article of @listing, in its order, for every
 * annotator of the listing (or @annotator alone when not NULL). */
GPtrArray          *gloss_corpus_status_scan  (GlossCorpusListing  *listing,
                                               const char          *annotator,
                                               GCancellable        *cancellable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossCorpusListing, gloss_corpus_listing_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossArticleStatus, gloss_article_status_free)

G_END_DECLS
