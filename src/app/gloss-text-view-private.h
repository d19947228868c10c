/* gloss-text-view-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */


#pragma once

#include "gloss-text-view.h"

G_BEGIN_DECLS

/* For the files of GlossTextView only (gloss-text-view*.c); each opens
 * with what it holds. */

/* Past this many annotations changed at once, rebuilding every highlight
 * costs less than mending each changed range. */
#define BULK_CHANGE 512
/* Backgrounds are translucent so that text stays legible and overlapping
 * spans of different tags both show. */
#define HIGHLIGHT_ALPHA 0.30
#define BAR_HEIGHT 2
#define BAR_GAP 1
/* A teammate's bar is dashed: dashes this long, one every period. */
#define DASH_LENGTH 4
#define DASH_PERIOD 6
/* The width of the ticks at the ends of a nested passage. */
#define NESTED_TICK_WIDTH 2
#define MAX_DRAWN 4000
/* The block in the tag's colour that starts a teammate's dashes. */
#define TAG_MARK_WIDTH 8
/* How many characters of each end of a passage a tooltip quotes. */
#define QUOTE_EDGE 12
/* Up to this many runs are highlighted at once; more are spread over idle
 * slices of this length, after the first characters of the text. */
#define HIGHLIGHT_AT_ONCE 2000
#define HIGHLIGHT_SLICE_USEC 4000
#define FIRST_SCREENS 20000
/* The view's own margins; the article header, when shown, sits in a top
 * margin made taller by its height and HEADER_GAP. */
#define VIEW_MARGIN 48
#define VIEW_TOP_MARGIN 32
#define HEADER_GAP 28
#define HEADING_LEVELS 6
#define LIST_LEVELS 6

/* A relation of the selected passage as drawn: a cubic curve in the left
 * margin, in buffer coordinates (gloss-text-view-relations.c). */
typedef struct
{
  GlossRelation *relation;       /* not owned */
  graphene_point_t from;
  graphene_point_t control1;
  graphene_point_t control2;
  graphene_point_t to;
  GdkRGBA color;
  gboolean directed;             /* an arrowhead at the target */
  gboolean teammate;             /* a teammate's, dashed in their colour */
  gboolean off_screen;           /* an end is beyond the visible part */
} GlossRelationCurve;

/* A range of the text view's text, in characters, end excluded. */
typedef struct
{
  guint start;
  guint end;
} GlossTextSpan;

/* A run of text one highlight tag covers, waiting to be applied. */
typedef struct
{
  guint start;
  guint end;
  GtkTextTag *tag;
} GlossTagRun;

struct _GlossTextView
{
  GtkTextView parent_instance;

  GlossSource *source;
  GlossLayer *layer;
  GlossCodebook *codebook;
  GlossAnnotationFile *file;
  gulong items_changed_id;
  /* The spans of the layer's items in the model's order, so that the
   * ranges of removed items are known when the model says they went. */
  GArray *mirror;

  GHashTable *highlight_tags;   /* tag id → GtkTextTag */
  /* Highlights not yet applied, in text order (see rebuild_all). */
  GArray *pending;
  guint pending_index;
  guint pending_idle;
  guint applied_until;
  GtkTextTag *base_tag;
  GtkTextTag *search_tag;
  GtkTextTag *review_tags[3];     /* by bit of GlossReviewKind */
  /* The review whose units are still being marked, in idle slices from
   * unit review_next on (not owned: set_review is called again before
   * it goes). */
  GlossReview *review;
  guint review_next;
  guint review_idle;
  GlossAnnotation *selected;
  GPtrArray *teammates;
  GHashTable *annotator_colours; /* annotator id → palette index */
  GtkWidget *popover;
  int zoom;
  char *font;
  /* Where ranges are drawn (see gloss-text-view-geometry.c), and the
   * measuring ahead of the pages around the screen. */
  GHashTable *geometry;
  guint ahead_start;
  guint ahead_end;
  guint ahead_step;
  guint ahead_idle;

  /* The article's structure (gloss-text-view-structure.c): tags kept
   * below the highlights in priority, applied like them in idle slices
   * for long articles. */
  GtkTextTag *paragraph_tag;
  GtkTextTag *heading_tags[HEADING_LEVELS];
  GtkTextTag *list_tags[LIST_LEVELS];
  GtkTextTag *quote_tag;
  GtkTextTag *preformatted_tag;
  GtkTextTag *emphasis_tag;
  GtkTextTag *strong_tag;
  GArray *structure_pending;
  guint structure_index;
  guint structure_idle;
  GtkWidget *header;
  int header_width;
  int header_y;
  gboolean header_on_screen;

  /* The preview shown while the document loads
   * (gloss-text-view-preview.c): its text and a tag per colour. */
  char *preview_text;
  gsize preview_n_bytes;
  GPtrArray *preview_tags;
};

/* Gives the whole buffer the base tag (the reading font). */
void     _gloss_text_view_apply_base_tag (GlossTextView *self);
/* When the buffer holds a preview of @source's text, adds the rest of
 * the text after it and returns TRUE; drops the preview either way. */
gboolean _gloss_text_view_take_preview   (GlossTextView *self,
                                          GlossSource   *source);

static inline GtkTextBuffer *
_gloss_text_view_buffer (GlossTextView *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
}

static inline void
_gloss_text_view_get_iters (GlossTextView *self,
           guint          start,
           guint          end,
           GtkTextIter   *start_iter,
           GtkTextIter   *end_iter)
{
  GtkTextBuffer *buffer = _gloss_text_view_buffer (self);

  gtk_text_buffer_get_iter_at_offset (buffer, start_iter, start);
  gtk_text_buffer_get_iter_at_offset (buffer, end_iter, end);
}

void        _gloss_text_view_forget_geometry       (GlossTextView *self);
gboolean    _gloss_text_view_range_measured        (GlossTextView *self,
                                                    guint          start,
                                                    guint          end);
void        _gloss_text_view_measure_ahead         (GlossTextView *self,
                                                    guint          visible_start,
                                                    guint          visible_end);
GArray     *_gloss_text_view_range_rects           (GlossTextView *self,
                                                    guint          start,
                                                    guint          end);
const char *_gloss_text_view_color_of              (GlossTextView *self,
                                                    const char    *tag_id);
void        _gloss_text_view_parse_color           (const char    *spec,
                                                    double         alpha,
                                                    GdkRGBA       *rgba);
GtkTextTag *_gloss_text_view_ensure_highlight_tag  (GlossTextView *self,
                                                    const char    *tag_id);
void        _gloss_text_view_rebuild_highlights    (GlossTextView *self);
void        _gloss_text_view_reset_mirror          (GlossTextView *self);
void        _gloss_text_view_on_items_changed      (GListModel    *model,
                                                    guint          position,
                                                    guint          removed,
                                                    guint          added,
                                                    GlossTextView *self);
void        _gloss_text_view_on_scrolled           (GlossTextView *self);
gboolean    _gloss_text_view_get_visible_offsets   (GlossTextView *self,
                                                    guint         *start,
                                                    guint         *end);
void        _gloss_text_view_snapshot_layer        (GtkTextView      *view,
                                                    GtkTextViewLayer  layer,
                                                    GtkSnapshot      *snapshot);
gboolean    _gloss_text_view_query_tooltip         (GlossTextView *self,
                                                    int            x,
                                                    int            y,
                                                    gboolean       keyboard,
                                                    GtkTooltip    *tooltip);

/* The curves of the selected passage's relations whose ends are on or
 * near the screen, as the next frame draws them (GlossRelationCurve). */
GArray     *_gloss_text_view_relation_curves       (GlossTextView *self);
void        _gloss_text_view_snapshot_relations    (GlossTextView *self,
                                                    GtkSnapshot   *snapshot);

void        _gloss_text_view_init_structure        (GlossTextView *self);
/* The character at widget coordinates (@x, @y); FALSE off the text. */
gboolean    _gloss_text_view_offset_at             (GlossTextView *self,
                                                    double         x,
                                                    double         y,
                                                    guint         *offset);
/* Adds the triple click that selects a sentence. */
void        _gloss_text_view_init_select           (GlossTextView *self);
void        _gloss_text_view_clear_structure       (GlossTextView *self);
void        _gloss_text_view_apply_structure       (GlossTextView *self);
void        _gloss_text_view_structure_on_scrolled (GlossTextView *self);
void        _gloss_text_view_structure_zoom        (GlossTextView *self);
void        _gloss_text_view_allocate_header       (GlossTextView *self,
                                                    int            width);
void        _gloss_text_view_measure               (GlossTextView  *self,
                                                    GtkOrientation  orientation,
                                                    int            *minimum,
                                                    int            *natural);
void        _gloss_text_view_snapshot_structure    (GlossTextView *self,
                                                    GtkSnapshot   *snapshot,
                                                    guint          start,
                                                    guint          end);

G_END_DECLS
