/* gloss-text-view.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gloss-annotation-file.h"
#include "gloss-codebook.h"
#include "gloss-document-preview.h"
#include "gloss-layer.h"
#include "gloss-review.h"
#include "gloss-source.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_TEXT_VIEW (gloss_text_view_get_type ())

G_DECLARE_FINAL_TYPE (GlossTextView, gloss_text_view, GLOSS, TEXT_VIEW, GtkTextView)

/* The article as a read-only text with the annotations of a layer as
 * highlights: one GtkTextTag per codebook tag ("gloss-tag:ID"), applied
 * where at least one annotation with that tag lies, and kept in step with
 * the layer's changes.  Every annotation also gets its own coloured bar
 * under its text, stacked where annotations overlap, so nested passages
 * stay visible.  Teammates' layers are drawn as dashed underlines in each
 * teammate's colour, starting with a block in the tag's colour. */
GtkWidget       *gloss_text_view_new                   (void);

void             gloss_text_view_set_document          (GlossTextView   *self,
                                                        GlossSource     *source,
                                                        GlossLayer      *layer,
                                                        GlossCodebook   *codebook);
GlossSource     *gloss_text_view_get_source            (GlossTextView   *self);
/* The GlossArticleHeader above the text: the source's metadata, hidden
 * when it has none. */
GtkWidget       *gloss_text_view_get_article_header    (GlossTextView   *self);
GlossLayer      *gloss_text_view_get_layer             (GlossTextView   *self);
/* Replaces the layer (after a reload) keeping the text. */
void             gloss_text_view_set_layer             (GlossTextView   *self,
                                                        GlossLayer      *layer);
/* Where tags missing from the codebook are looked up (the file's own
 * description of its tags), so they show in the file's colour. */
void             gloss_text_view_set_annotation_file   (GlossTextView   *self,
                                                        GlossAnnotationFile *file);
/* The codebook changed (colours, tags): rebuilds the highlight tags. */
void             gloss_text_view_refresh_tags          (GlossTextView   *self);
/* Shows @preview while the document loads, without source or layer;
 * set_document takes it over.  clear_preview empties the view of it. */
void             gloss_text_view_show_preview          (GlossTextView   *self,
                                                        const GlossDocumentPreview *preview);
void             gloss_text_view_clear_preview         (GlossTextView   *self);

GlossAnnotation *gloss_text_view_get_selected          (GlossTextView   *self);
/* Selects @annotation (NULL for none) and scrolls to it when @scroll. */
void             gloss_text_view_select                (GlossTextView   *self,
                                                        GlossAnnotation *annotation,
                                                        gboolean         scroll);
/* The annotations at a character offset, as a click would find them:
 * innermost first. */
GPtrArray       *gloss_text_view_annotations_at        (GlossTextView   *self,
                                                        guint            offset);
/* Cycles through the annotations at @offset the way repeated clicks do:
 * the innermost first, then the next one out, and round again. */
void             gloss_text_view_click_offset          (GlossTextView   *self,
                                                        guint            offset);

/* The selection as character offsets; FALSE when nothing is selected. */
gboolean         gloss_text_view_get_selection_range   (GlossTextView   *self,
                                                        guint           *start,
                                                        guint           *end);
void             gloss_text_view_select_range          (GlossTextView   *self,
                                                        guint            start,
                                                        guint            end);
/* Brings @mark on screen, within the call when its line is laid out, so
 * that the next frame shows it: a third of the way down when it was below
 * the screen, two thirds when above. */
void             gloss_text_view_scroll_mark_onscreen  (GlossTextView   *self,
                                                        GtkTextMark     *mark);
/* Selects the sentence, or the paragraph (the article's block), at the
 * cursor, without the spaces around it; FALSE when there is none there. */
gboolean         gloss_text_view_select_sentence       (GlossTextView   *self);
gboolean         gloss_text_view_select_paragraph      (GlossTextView   *self);
/* The sentence and the paragraph of @source at @offset, as character
 * offsets [*start, *end); FALSE when @offset is in no block. */
gboolean         gloss_text_view_sentence_at           (GlossSource     *source,
                                                        guint            offset,
                                                        guint           *start,
                                                        guint           *end);
gboolean         gloss_text_view_paragraph_at          (GlossSource     *source,
                                                        guint            offset,
                                                        guint           *start,
                                                        guint           *end);

/* Teammates' layers drawn beside the own one (read-only). */
void             gloss_text_view_add_teammate_layer    (GlossTextView   *self,
                                                        GlossLayer      *layer);
void             gloss_text_view_remove_teammate_layer (GlossTextView   *self,
                                                        GlossLayer      *layer);
guint            gloss_text_view_get_n_teammate_layers (GlossTextView   *self);
/* The annotators' colours (see gloss-annotator-style.h); the view keeps
 * a reference.  get_annotator_colour gives one as "#rrggbb", for the
 * view's page, light or dark. */
void             gloss_text_view_set_annotator_colours (GlossTextView   *self,
                                                        GHashTable      *colours);
const char      *gloss_text_view_get_annotator_colour  (GlossTextView   *self,
                                                        const char      *annotator_id);
/* What the tooltip says at @offset (Pango markup): the own annotations'
 * tags and notes, then each shown teammate's, with their span where it
 * differs from the own layer's; NULL when nothing is there. */
char            *gloss_text_view_describe_offset       (GlossTextView   *self,
                                                        guint            offset);

/* Search matches, highlighted with the "gloss-search" tag; @ranges holds
 * GlossRange items and may be NULL to clear. */
void             gloss_text_view_set_search_matches    (GlossTextView   *self,
                                                        GArray          *ranges);

/* Marks the disagreements of @review (NULL to clear) on their extent,
 * one text tag per kind: "gloss-review-tag" (a wavy underline),
 * "gloss-review-boundary" (a double underline) and "gloss-review-missing"
 * (a shaded background); agreed units are left unmarked.  A long review
 * is marked from the top in idle slices: @review must stay until the
 * view is given another (or NULL). */
void             gloss_text_view_set_review            (GlossTextView   *self,
                                                        GlossReview     *review);

/* Shows @popover (made for the purpose; the view takes it) pointing at
 * the selection, or at the selected annotation, or at the cursor. */
void             gloss_text_view_popup                 (GlossTextView   *self,
                                                        GtkWidget       *popover);

void             gloss_text_view_popdown               (GlossTextView   *self);

/* Text size steps: 0 is the normal size. */
int              gloss_text_view_get_zoom              (GlossTextView   *self);
void             gloss_text_view_set_zoom              (GlossTextView   *self,
                                                        int              zoom);
void             gloss_text_view_set_font              (GlossTextView   *self,
                                                        const char      *font);

/* The name of the highlight tag of a codebook tag id. */
char            *gloss_text_view_tag_name              (const char      *tag_id);

G_END_DECLS
