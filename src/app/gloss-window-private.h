/* gloss-window-private.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-corpus-view.h"
#include "gloss-inspector.h"
#include "gloss-notice.h"
#include "gloss-review-list.h"
#include "gloss-review-versions.h"
#include "gloss-sidebar.h"
#include "gloss-tag-bar.h"
#include "gloss-window.h"

G_BEGIN_DECLS

/* The window's fields, for the files of GlossWindow only
 * (gloss-window*.c); each opens with what it holds. */
struct _GlossWindow
{
  GtkApplicationWindow parent_instance;

  GlossDocument *document;
  GSettings *settings;
  GSimpleActionGroup *layer_actions;
  GHashTable *layer_files;       /* action name in layer_actions → GFile */
  GHashTable *shown_teammates;   /* path → GlossLayer */
  GHashTable *annotator_colours; /* annotator id → palette index */
  GArray *search_matches;        /* GlossRange */
  guint search_index;
  guint search_origin;           /* where Find started, as an offset */
  GPtrArray *recent_uris;        /* the URI of each row of recent_list */
  /* Opening (gloss-window-open.c): the opening that waits for the name
   * dialog, and the one under way, whose document is read in a worker
   * thread while the window shows a spinner. */
  GTask *pending_task;
  GTask *open_task;
  GCancellable *open_cancellable;
  char *page_before_loading;     /* the stack's page under the spinner */
  gboolean previewing;           /* the text view shows a preview */

  /* What the window follows of its document, connected while it shows
   * it and disconnected at once when it shows another: the document's
   * signals, those of its list of teammates' files and of its own
   * layer's history.  The bindings point the last two at the lists and
   * history of the document's current layer. */
  GSignalGroup *document_signals;
  GSignalGroup *teammate_signals;
  GSignalGroup *history_signals;
  GBindingGroup *document_bindings;
  GBindingGroup *layer_bindings;

  /* The teammate's file an import wrote for the window's article, and
   * whether it waits to be offered once the document lists it. */
  GFile *imported_file;
  gboolean imported_waiting;

  /* Review (gloss-window-review.c): the layers compared, and their
   * units, gathered again once the layers' passages, attributes or
   * relations have changed; NULL when the window does not review. */
  GPtrArray *review_layers;      /* GlossLayer */
  GStrv review_ids;              /* their annotators' ids */
  GlossReview *review;
  int review_unit;               /* the unit selected last, or -1 */
  GCancellable *review_cancellable; /* the figures being measured */
  guint review_update_id;        /* the idle that gathers them again */
  /* Deciding (gloss-window-decide.c): the consensus layer the review
   * settles into, and the version being edited (its index among the
   * unit's versions, -1 when none is) with the tag chosen for it. */
  GlossLayer *review_consensus;
  int review_editing;
  char *review_edit_tag;
  /* Linking (gloss-window-relations.c): the passage a relation goes
   * from while the user picks the other end, the one picked, the
   * relation types offered for the two (while the chooser shows), and
   * whether n or p moves the selection (not a click); the own layer
   * followed, whose passage linked from may go. */
  GlossAnnotation *link_source;
  GlossAnnotation *link_target;
  GPtrArray *link_choices;
  gboolean link_stepping;
  GlossLayer *link_layer;
  gulong link_items_handler;

  /* Template children */
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkRevealer *banner_revealer;
  GtkLabel *banner_label;
  GtkButton *banner_primary;
  GtkButton *banner_secondary;
  GtkRevealer *review_revealer;
  GtkLabel *review_label;
  GtkLabel *review_figures;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkToggleButton *match_case_button;
  GtkToggleButton *whole_word_button;
  GtkLabel *match_label;
  GMenu *tag_all_menu;
  GMenu *layers_menu;
  GtkMenuButton *menu_button;
  GtkStack *stack;
  GtkListBox *recent_list;
  GtkSpinner *loading_spinner;
  GtkSpinner *header_spinner;
  GtkBox *legend_box;
  GtkLabel *loading_label;
  GtkPaned *paned;
  GlossTagBar *tag_bar;
  GtkOverlay *text_overlay;
  GtkScrolledWindow *scroller;
  GlossTextView *text_view;
  GtkWidget *side_box;

  GlossCorpusView *corpus_view;  /* beside the article, when a folder is open */
  /* The concordance of the folder (gloss-window-concordance.c), and the
   * passage one of its rows asked to show once its article is open. */
  GlossConcordanceDialog *concordance;
  GlossStatisticsDialog *statistics;
  GFile *pending_article;
  guint pending_start;
  guint pending_end;
  /* What the last Tag All in Corpus added, for its Undo: one entry per
   * article (the file and the ids added; gloss-window-concordance.c). */
  GPtrArray *corpus_tagged;
  /* A Tag All in Corpus or its Undo writing files in a worker thread,
   * or NULL (gloss-window-tag-corpus.c). */
  GCancellable *corpus_tag_cancellable;
  GlossNotice *notice;           /* over the text */
  /* The layer whose last step the notice's Undo undoes, and the serial
   * of its history then (gloss-window-notice.c). */
  GlossLayer *notice_layer;
  gulong notice_handler;         /* its items-changed */
  guint64 notice_serial;
  GlossSidebar *sidebar;
  GlossReviewList *review_list;  /* in the sidebar's place during review */
  GlossInspector *inspector;
  GlossReviewVersions *review_versions; /* in the inspector's place during review */
};

/* Shows @document, the window's new document. */
void _gloss_window_set_document       (GlossWindow    *self,
                                       GlossDocument  *document);
/* Whether the window shows no document and opens none (a file dropped or
 * chosen goes in it rather than in a new window). */
gboolean _gloss_window_is_empty       (GlossWindow    *self);
/* Cancels the opening under way and the one waiting for a name; their
 * tasks return G_IO_ERROR_CANCELLED. */
void _gloss_window_stop_open          (GlossWindow    *self);
void _gloss_window_fill_recent        (GlossWindow    *self);
void _gloss_window_recent_activated   (GtkListBox     *box,
                                       GtkListBoxRow  *row,
                                       GlossWindow    *self);
/* Makes the window a drop target for files (gloss-window-dnd.c). */
void _gloss_window_init_dnd           (GlossWindow    *self);
void _gloss_window_class_init_actions (GtkWidgetClass *widget_class);
void _gloss_window_init_actions       (GlossWindow    *self);
/* Installs the actions of gloss-window-search.c. */
void _gloss_window_class_init_search  (GtkWidgetClass *widget_class);
/* Installs the actions of gloss-window-transfer.c (export and import). */
void _gloss_window_class_init_transfer (GtkWidgetClass *widget_class);
/* Installs the actions of gloss-window-report.c (the agreement report). */
void _gloss_window_class_init_report  (GtkWidgetClass *widget_class);
/* Enables and disables the actions to match the window's state. */
void _gloss_window_update_actions     (GlossWindow    *self);
/* Rebuilds the menus that list the codebook's tags and the layers. */
void _gloss_window_update_menus       (GlossWindow    *self);
void _gloss_window_show_banner        (GlossWindow    *self,
                                       const char     *message,
                                       const char     *primary_label,
                                       const char     *primary_action,
                                       const char     *secondary_label,
                                       const char     *secondary_action);
void _gloss_window_hide_banner        (GlossWindow    *self);
/* The banner of a file's save @state: @conflict with Reload
 * (@reload_action) and Keep Mine as a Copy (@copy_action), @failed with
 * Try Again, @read_only alone; a banner about saving goes once it saves. */
void _gloss_window_show_save_banner   (GlossWindow    *self,
                                       GlossSaveState  state,
                                       const char     *conflict,
                                       const char     *failed,
                                       const char     *read_only,
                                       const char     *reload_action,
                                       const char     *copy_action);
/* The action (in the "layer" group) that shows a teammate's file: the
 * annotator id of its name; NULL when it is not an annotation file of the
 * article. */
char *_gloss_window_layer_action_name (GlossWindow    *self,
                                       GFile          *file);
/* Offers the layer an import wrote, once the document lists its file
 * (gloss-window-transfer.c). */
void _gloss_window_offer_imported_layer (GlossWindow  *self);
/* Installs the actions of gloss-window-teammates.c (showing the
 * teammates' files, Copy to My Layer). */
void _gloss_window_class_init_teammates (GtkWidgetClass *widget_class);
/* Follows the theme, whose page the annotators' colours are made for. */
void _gloss_window_init_teammates     (GlossWindow    *self);
/* Gives the document's annotators their colours, in the text view and
 * the sidebar. */
void _gloss_window_update_colours     (GlossWindow    *self);
/* Lists the shown teammates' layers, each in its colour, in the header. */
void _gloss_window_update_legend      (GlossWindow    *self);
/* Shows the teammates' files as the user chose for the article's folder,
 * or offers to in the banner when they never chose. */
void _gloss_window_offer_teammates    (GlossWindow    *self);
/* The selected annotation when it is a teammate's, else NULL. */
GlossAnnotation *_gloss_window_teammate_selected (GlossWindow *self);
/* Installs the actions of gloss-window-review.c. */
void _gloss_window_class_init_review  (GtkWidgetClass *widget_class);
/* Puts the review list in the side pane (gloss-window-review.c). */
void _gloss_window_init_review        (GlossWindow    *self);
/* Leaves review, if the window reviews. */
void _gloss_window_exit_review        (GlossWindow    *self);
/* Compares the layers of the same annotators again, one of them having
 * been reloaded; nothing when the window does not review. */
void _gloss_window_reload_review      (GlossWindow    *self);
/* Escape in review: the disagreement selected in the text is
 * deselected, or, when none is, the window leaves review; FALSE when the
 * window does not review. */
gboolean _gloss_window_escape_review  (GlossWindow    *self);
/* Selects the next disagreement (the previous with @backwards) and
 * scrolls to it; FALSE when the window does not review. */
gboolean _gloss_window_step_review    (GlossWindow    *self,
                                       gboolean        backwards);
/* Selects unit @index of the review in the text, scrolled to, in the
 * list, and shows its versions. */
void _gloss_window_select_unit        (GlossWindow    *self,
                                       guint           index);
/* Says who is compared and how many disagreements are settled. */
void _gloss_window_update_review_label (GlossWindow   *self);
/* Measures the layers compared in a worker thread, and shows the figures
 * in the review bar when it is done (gloss-window-review-figures.c). */
void _gloss_window_measure_review_figures (GlossWindow *self);
/* Installs the actions of gloss-window-decide.c. */
void _gloss_window_class_init_decide  (GtkWidgetClass *widget_class);
/* Follows the document's consensus file and the text's selection. */
void _gloss_window_init_decide        (GlossWindow    *self);
/* Opens the consensus and has the review follow it (entering review,
 * and when the file is replaced); lets it go (leaving review). */
void _gloss_window_attach_consensus   (GlossWindow    *self);
void _gloss_window_detach_consensus   (GlossWindow    *self);
/* Shows what the consensus holds of the unit reached. */
void _gloss_window_show_consensus     (GlossWindow    *self);
/* Gives up the edit under way, if any. */
void _gloss_window_end_edit           (GlossWindow    *self);
/* Escape while editing: gives the edit up; FALSE when none is under way. */
gboolean _gloss_window_escape_edit    (GlossWindow    *self);
/* A number key in review: the tag of the edit under way, or accepts
 * that version; FALSE when the window does not review. */
gboolean _gloss_window_review_key     (GlossWindow    *self,
                                       int             key);
/* The layer undo and redo go through: the consensus in review, the own
 * layer otherwise. */
GlossLayer *_gloss_window_history_layer (GlossWindow  *self);
void _gloss_window_update_decide_actions (GlossWindow *self);
/* Installs the actions of gloss-window-corpus.c (a folder beside the
 * article: Open Folder, Next and Previous Article, Mark Done). */
void _gloss_window_class_init_corpus  (GtkWidgetClass *widget_class);
void _gloss_window_init_corpus        (GlossWindow    *self);
void _gloss_window_update_corpus_actions (GlossWindow *self);
/* Saves the article shown and opens @article, selected in the list
 * (gloss-window-corpus.c). */
void _gloss_window_open_article       (GlossWindow    *self,
                                       GFile          *article);
/* Tag All in Corpus: tags the concordance's checked matches with @tag,
 * the article shown through its layer, the others' files in a worker
 * thread with its progress in the notice; its Undo takes back exactly
 * those passages (gloss-window-tag-corpus.c). */
void _gloss_window_tag_all_corpus       (GlossWindow *self,
                                         const char  *tag);
void _gloss_window_undo_tag_all_corpus  (GtkWidget   *widget,
                                         const char  *action_name,
                                         GVariant    *parameter);
/* The selected annotation when it belongs to the user's own layer. */
GlossAnnotation *_gloss_window_own_selected (GlossWindow *self);
/* Installs the actions of gloss-window-relations.c (Link, choosing
 * the other passage and the relation type). */
void _gloss_window_class_init_relations (GtkWidgetClass *widget_class);
void _gloss_window_init_relations     (GlossWindow    *self);
void _gloss_window_dispose_relations  (GlossWindow    *self);
/* Follows the document's own layer anew (another document, a reload). */
void _gloss_window_relations_layer_changed (GlossWindow *self);
void _gloss_window_update_relation_actions (GlossWindow *self);
/* Whether the window waits for the other end of a relation. */
gboolean _gloss_window_linking        (GlossWindow    *self);
/* Escape while linking: gives it up; FALSE when not linking. */
gboolean _gloss_window_cancel_link    (GlossWindow    *self);
/* n or p while linking: @step moves the selection by @direction, among
 * the passages the other end is chosen from; FALSE when not linking. */
gboolean _gloss_window_link_step      (GlossWindow    *self,
                                       void          (*step) (GlossWindow *, int),
                                       int             direction);
/* A number key while the relation types are offered: makes the
 * relation of the type of that key; FALSE when none are offered. */
gboolean _gloss_window_link_key       (GlossWindow    *self,
                                       int             key);
/* Installs win.concordance (gloss-window-concordance.c). */
void _gloss_window_class_init_concordance (GtkWidgetClass *widget_class);
/* Selects the passage a concordance row asked for, once its article is
 * the document shown. */
void _gloss_window_show_pending_passage (GlossWindow  *self);
/* Selects [@start, @end) in the text, ready to be tagged, and scrolls to
 * it (gloss-window-search.c). */
void _gloss_window_select_passage     (GlossWindow    *self,
                                       guint           start,
                                       guint           end);
void _gloss_window_dispose_concordance (GlossWindow   *self);
/* The user's annotator id: the document's own layer's, else the
 * application's (gloss-window-corpus.c). */
char *_gloss_window_dup_own_id        (GlossWindow    *self);
/* Puts the notice over the text (gloss-window-notice.c). */
/* Follows the user's name and id in the settings. */
void _gloss_window_init_identity      (GlossWindow    *self);
void _gloss_window_init_notice        (GlossWindow    *self);
void _gloss_window_class_init_notice (GtkWidgetClass *widget_class);
/* Lets go of the layer the notice follows. */
void _gloss_window_dispose_notice    (GlossWindow    *self);
/* Shows @message a few seconds in the notice over the text. */
void _gloss_window_notify             (GlossWindow    *self,
                                       const char     *message);
/* Shows @message, the result of @layer's last step, with Undo; the notice
 * goes as soon as @layer changes again. */
void _gloss_window_notify_undo        (GlossWindow    *self,
                                       GlossLayer     *layer,
                                       const char     *message);
void _gloss_window_dismiss_notice     (GlossWindow    *self);
/* The codebook's tag of number key @key (1 for the first); NULL, and the
 * window says so, when there is none. */
GlossTag *_gloss_window_tag_of_key    (GlossWindow    *self,
                                       int             key);
/* Runs the search of the search bar again and highlights its matches. */
void _gloss_window_update_search      (GlossWindow    *self);
/* Enter in the search entry: selects the next match. */
void _gloss_window_search_next        (GlossWindow    *self);
/* Gives the keyboard back to the text when Find closes. */
void _gloss_window_init_search        (GlossWindow    *self);

G_END_DECLS
