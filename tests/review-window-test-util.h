/* review-window-test-util.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "article-test-util.h"
#include "gloss-review-list.h"

G_BEGIN_DECLS

/* What the review tests share: an article, the user's own layer and two
 * teammates' files on it (Ben and Cleo), a window open on it, and ways to
 * drive review and read what it shows.  Their units: Acme Corp agreed by
 * all three; the rivals' claim, whose start Cleo puts later; Zenith Ltd,
 * a person to Ben; the savings, which Ben alone marks. */

#define ARTICLE \
  "Acme Corp won the contract.\n" \
  "\n" \
  "Rivals said Acme Corp paid too little, and Zenith Ltd appealed.\n" \
  "The council claims savings of 4 million.\n"

/* One passage: its tag, and the words it starts and ends with. */
typedef struct
{
  const char *tag;
  const char *from;
  const char *to;
} Passage;

extern const Passage own_passages[];
extern const Passage ben_passages[];
extern const Passage cleo_passages[];
/* The three annotators' ids: the user's, Ben's, Cleo's. */
extern const char * const all_three[];

typedef struct
{
  char *dir;
  char *article;
  GlossWindow *window;
} Fixture;

void             fixture_set_up    (Fixture            *f,
                                    gconstpointer       data);
void             fixture_tear_down (Fixture            *f,
                                    gconstpointer       data);
/* The character offset of @needle in ARTICLE (all ASCII), and of its end. */
guint            at                (const char         *needle);
guint            end_of            (const char         *needle);
void             annotate          (GlossLayer         *layer,
                                    const Passage      *passages);
/* Writes the file of annotator @id beside the article, over the one
 * there. */
void             write_teammate    (Fixture            *f,
                                    const char         *id,
                                    const char         *name,
                                    const Passage      *passages);
GlossLayer      *own_layer         (Fixture            *f);
/* Activates @action (no parameter) of @window, then lets it settle. */
void             activate          (GlossWindow        *window,
                                    const char         *action);
/* Enters review over the annotators @ids. */
void             review            (Fixture            *f,
                                    const char * const *ids);
GtkTextBuffer   *buffer            (Fixture            *f);
/* Whether the text tag @tag_name covers character @offset. */
gboolean         marked            (Fixture            *f,
                                    const char         *tag_name,
                                    guint               offset);
/* The review bar's first line. */
const char      *review_text       (Fixture            *f);
void             assert_selected   (Fixture            *f,
                                    guint               start,
                                    guint               end);
/* Every widget of type @type under @root named @name (any name when
 * NULL), in order; the first of them; the first named @name. */
void             collect           (GtkWidget          *root,
                                    const char         *name,
                                    GType               type,
                                    GPtrArray          *found);
GtkWidget       *find              (GtkWidget          *root,
                                    const char         *name,
                                    GType               type);
GtkWidget       *named             (GtkWidget          *root,
                                    const char         *name);
GlossReviewList *review_list       (Fixture            *f);
/* Waits until the review bar shows the figures, measured in a thread. */
void             wait_for_figures  (Fixture            *f);

G_END_DECLS
