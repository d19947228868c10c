/* gloss-sidebar-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-sidebar.h"

G_BEGIN_DECLS

/* The widget's fields, for the files of GlossSidebar only
 * (gloss-sidebar*.c); each opens with what it holds. */
struct _GlossSidebar
{
  GtkWidget parent_instance;

  GlossDocument *document;
  gulong layer_handler;
  GlossCodebook *codebook;
  gulong codebook_handler;
  gulong codebook_assigned_handler;
  GlossLayer *own_layer;
  gulong own_items_handler;
  GPtrArray *teammates;          /* GlossAnnotationFile, in the switcher's order */
  GlossAnnotationFile *shown_file;
  GlossLayer *shown_layer;
  gulong shown_items_handler;
  GlossAnnotation *selected;
  GHashTable *annotator_colours; /* annotator id → palette index */

  GPtrArray *shown_tags;         /* interned strings, see gloss-sidebar-counts.c */
  GHashTable *tag_counts;        /* interned tag → count in the shown layer */

  GPtrArray *tag_ids;            /* the tag drop-down's tags after "All tags" */
  char *tag_filter;              /* NULL for every tag */
  GPtrArray *attribute_choices;  /* the attribute drop-down's items after "All attributes" */
  char *attribute_filter;        /* the attribute a passage must have; NULL for none */
  GVariant *attribute_value;     /* the value it must have; NULL for any */
  char *query;                   /* the text filter in lower case; "" for none */
  gunichar *needle;              /* the same as characters */
  glong needle_length;
  /* Whether the list's filter has a function: without one, GTK's filter
   * model passes changes straight on, with no work per row. */
  gboolean list_filter_on;
  /* A change brought a moved or orphaned annotation: attach the attention
   * list at the next refresh. */
  gboolean attention_wanted;

  guint refresh_id;
  /* Above zero while the code changes the lists and drop-downs, whose
   * signals then do not speak for the user. */
  guint updating;
  /* "selected" was set before its row was in the list (filtering runs in
   * steps): scroll to the row when it comes. */
  gboolean scroll_pending;

  /* Template children */
  GtkDropDown *layer_dropdown;
  GtkStringList *layer_names;
  GtkSearchEntry *search_entry;
  GtkDropDown *tag_dropdown;
  GtkStringList *tag_names;
  GtkDropDown *attribute_dropdown;
  GtkStringList *attribute_names;
  GtkFlowBox *counts_box;
  GtkStack *stack;
  GtkListView *list_view;
  GtkSingleSelection *selection;
  GtkFilterListModel *filter_model;
  GtkCustomFilter *filter;
  GtkLabel *empty_label;
  GtkExpander *attention_expander;
  GtkListView *attention_list;
  GtkSingleSelection *attention_selection;
  GtkFilterListModel *attention_model;
  GtkCustomFilter *attention_filter;
};

/* gloss-sidebar-filter.c */
void     _gloss_sidebar_init_filters       (GlossSidebar *self);
gboolean _gloss_sidebar_has_filter         (GlossSidebar *self);
/* Gives the list's filter its function only when it can hide a row: a
 * filter is set, or the shown layer may hold moved or orphaned
 * annotations.  Returns TRUE when it changed the function (which
 * re-filters every row). */
gboolean _gloss_sidebar_sync_filter        (GlossSidebar *self);
/* The attention list's expander: shown, with the count, when it has rows. */
void     _gloss_sidebar_update_attention   (GlossSidebar *self);
/* Makes the attention list follow the own layer, or nothing. */
void     _gloss_sidebar_attach_attention   (GlossSidebar *self,
                                            gboolean      attach);
/* Fills the tag drop-down with the codebook's tags, keeping the chosen
 * one if it is still there. */
void     _gloss_sidebar_update_tag_choices (GlossSidebar *self);
/* Fills the attribute drop-down with the codebook's attributes and their
 * values, keeping the chosen one if it is still there; hidden when the
 * codebook has none. */
void     _gloss_sidebar_update_attribute_choices (GlossSidebar *self);

/* gloss-sidebar-counts.c */
/* Counts the shown layer's annotations again. */
void     _gloss_sidebar_counts_reset       (GlossSidebar *self);
/* Follows a change of the shown layer (its items-changed). */
void     _gloss_sidebar_counts_splice      (GlossSidebar *self,
                                            guint         position,
                                            guint         removed,
                                            guint         added);
/* Shows the counts as labels. */
void     _gloss_sidebar_update_counts      (GlossSidebar *self);

/* gloss-sidebar-annotators.c */
/* The rows on screen take the codebook's words and colours again; the
 * others take them when they are bound, as they come on screen. */
void     _gloss_sidebar_refresh_rows       (GlossSidebar *self);

/* gloss-sidebar.c */
/* Shows the list, or a message when nothing matches. */
void     _gloss_sidebar_update_empty_state (GlossSidebar *self);

G_END_DECLS
