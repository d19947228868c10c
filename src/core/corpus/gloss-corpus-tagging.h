/* gloss-corpus-tagging.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-annotation-file.h"
#include "gloss-layer.h"

G_BEGIN_DECLS

/* Tagging passages of an article found by a concordance, in an
 * annotator's own file, and taking them back: what Tag All in Corpus
 * does to each article that is not open in a window.  Safe in any
 * thread. */

/* How @file is on disk now: its size and time of modification, or "-"
 * when it does not exist.  Two stamps that differ say the file was
 * written between them. */
char  *gloss_file_stamp               (GFile               *file);
/* The stamp of @article and of @annotator's file on it, taken together:
 * what a search records, so that a change of either before tagging is
 * seen. */
char  *gloss_corpus_article_stamp     (GFile               *article,
                                       const char          *annotator);

/* Loads the annotation file at @path to be changed: refused, with a
 * message naming it, when a newer Gloss wrote it; anchored in @source
 * with @codebook.  gloss-cli's commands that write a file load it so. */
GlossAnnotationFile *gloss_corpus_load_writable (GFile          *path,
                                                 GlossSource    *source,
                                                 GlossCodebook  *codebook,
                                                 GError        **error);

/* Tags each range of @ranges (GlossRange) with @tag in @layer, but for
 * those that have it already on that exact span; returns the ids of the
 * annotations added.  The window does so on the layer of the article it
 * shows, inside a group of its history. */
GStrv  gloss_corpus_tag_ranges        (GlossLayer          *layer,
                                       const char          *tag,
                                       GArray              *ranges);
/* Removes the annotations @ids from @layer; returns how many were still
 * there. */
guint  gloss_corpus_remove_ids        (GlossLayer          *layer,
                                       const char * const  *ids);

/* Tags each range of @ranges (GlossRange) with @tag in @annotator's file
 * on @article, created (named @name) when missing, and saves it
 * atomically; a range that already has the tag on that exact span is
 * skipped.  Refuses with GLOSS_ERROR_CHANGED_ON_DISK, naming the file,
 * when @stamp (gloss_corpus_article_stamp's, at the search) is no longer
 * how the files are, and never replaces a file written since it was
 * read.  Returns the ids of the annotations added (possibly none). */
GStrv  gloss_corpus_tag_article       (GFile               *article,
                                       const char          *annotator,
                                       const char          *name,
                                       const char          *tag,
                                       GArray              *ranges,
                                       const char          *stamp,
                                       GError             **error);
/* Removes the annotations @ids from @annotator's file on @article and
 * saves it; those no longer there are passed over.  Sets *@n_removed. */
gboolean gloss_corpus_untag_article   (GFile               *article,
                                       const char          *annotator,
                                       const char * const  *ids,
                                       guint               *n_removed,
                                       GError             **error);

G_END_DECLS
