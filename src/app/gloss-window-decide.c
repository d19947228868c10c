/* gloss-window-decide.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Deciding in review: what the reviewer settles goes into the article's
 * consensus file, opened when review starts and followed as the window
 * follows the own file (saved, watched, reloaded or kept as a copy when
 * someone else wrote it).  One key per decision on the disagreement
 * reached: a number accepts that version, a accepts every version, r
 * rejects, e edits a version (the span is the text's selection, a number
 * key changes the tag, Enter accepts, Escape gives up); after each, the
 * window moves on to the next disagreement not yet settled.  Accept All
 * Agreements takes every agreed passage in one step.  While the window
 * reviews, undo and redo go through the consensus's history. */

#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-consensus.h"
#include "gloss-review-list.h"
#include "gloss-window-private.h"

/* The reviewer: the user, by the id of their own layer. */
static const char *
reviewer (GlossWindow *self)
{
  return gloss_layer_get_annotator_id (gloss_document_get_layer (self->document));
}

GlossLayer *
_gloss_window_history_layer (GlossWindow *self)
{
  if (self->document == NULL)
    return NULL;
  if (self->review != NULL && self->review_consensus != NULL)
    return self->review_consensus;
  return gloss_document_get_layer (self->document);
}

static gboolean
can_decide (GlossWindow *self)
{
  return self->review != NULL && self->review_consensus != NULL &&
         gloss_document_get_consensus_save_state (self->document) != GLOSS_SAVE_STATE_READ_ONLY;
}

static const GlossReviewUnit *
current_unit (GlossWindow *self)
{
  if (self->review == NULL || self->review_unit < 0 ||
      (guint) self->review_unit >= gloss_review_get_n_units (self->review))
    return NULL;
  return gloss_review_get_unit (self->review, self->review_unit);
}

/* The name of annotator @id among those compared, or the id. */
static const char *
name_of (GlossWindow *self,
         const char  *id)
{
  for (guint a = 0; self->review != NULL && a < gloss_review_get_n_annotators (self->review); a++)
    {
      GlossLayer *layer = gloss_review_get_layer (self->review, a);

      if (g_strcmp0 (gloss_layer_get_annotator_id (layer), id) == 0)
        return gloss_layer_get_annotator_name (layer);
    }
  return id;
}

/* One consensus passage over the unit: its tag, span, how it came and
 * from whom, who settled it. */
static void
describe_decision (GlossWindow     *self,
                   GString         *markup,
                   GlossAnnotation *annotation)
{
  GlossCodebook *codebook = gloss_document_get_codebook (self->document);
  g_auto(GlossConsensusSource) source = { 0 };
  g_autoptr(GString) from = g_string_new (NULL);
  g_autofree char *tag = NULL;
  g_autofree char *line = NULL;

  if (!gloss_consensus_get_source (annotation, &source))
    source.how = GLOSS_CONSENSUS_ACCEPTED;
  for (guint i = 0; source.from != NULL && source.from[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (from, _(", "));
      g_string_append (from, name_of (self, source.from[i]));
    }

  if (gloss_review_is_rejection (annotation))
    /* Translators: a reviewer's name */
    line = g_strdup_printf (_("Rejected by %s"), source.by != NULL ? name_of (self, source.by) : "?");
  else
    {
      tag = g_markup_escape_text (gloss_review_tag_label (codebook, gloss_annotation_get_tag (annotation)), -1);
      switch (source.how)
        {
        case GLOSS_CONSENSUS_AGREED:
          /* Translators: a tag, a span, the annotators who agreed on it */
          line = g_strdup_printf (_("<b>%s</b>, characters %u–%u, agreed by %s"), tag,
                                  gloss_annotation_get_start (annotation), gloss_annotation_get_end (annotation),
                                  from->str);
          break;
        case GLOSS_CONSENSUS_EDITED:
          /* Translators: a tag, a span, the annotators whose version was edited */
          line = g_strdup_printf (_("<b>%s</b>, characters %u–%u, edited from %s"), tag,
                                  gloss_annotation_get_start (annotation), gloss_annotation_get_end (annotation),
                                  from->str);
          break;
        case GLOSS_CONSENSUS_ACCEPTED:
        case GLOSS_CONSENSUS_REJECTED:
        default:
          /* Translators: a tag, a span, the annotators whose version was accepted */
          line = g_strdup_printf (_("<b>%s</b>, characters %u–%u, accepted from %s"), tag,
                                  gloss_annotation_get_start (annotation), gloss_annotation_get_end (annotation),
                                  from->str);
          break;
        }
    }

  g_string_append_printf (markup, "\n%s", line);
}

void
_gloss_window_show_consensus (GlossWindow *self)
{
  const GlossReviewUnit *unit = current_unit (self);
  g_autoptr(GPtrArray) held = NULL;
  g_autoptr(GString) markup = NULL;

  if (unit == NULL)
    {
      gloss_review_versions_set_consensus (self->review_versions, NULL);
      return;
    }
  if (self->review_consensus == NULL)
    {
      gloss_review_versions_set_consensus (self->review_versions, _("The consensus file could not be opened."));
      return;
    }

  markup = g_string_new (NULL);
  /* Translators: a heading, what the consensus file holds */
  g_string_append_printf (markup, "<b>%s</b>", _("Consensus"));
  held = gloss_layer_get_overlapping (self->review_consensus, unit->start, unit->end);
  for (guint i = 0; i < held->len; i++)
    describe_decision (self, markup, g_ptr_array_index (held, i));
  if (!gloss_review_is_settled (self->review, self->review_unit))
    g_string_append_printf (markup, "\n<i>%s</i>", _("Not settled yet"));
  gloss_review_versions_set_consensus (self->review_versions, markup->str);
}

/* Editing: the version edited, its tag as chosen since, the span as the
 * text's selection has it now. */

static void
show_edit (GlossWindow *self)
{
  const GlossReviewUnit *unit = current_unit (self);
  const GlossReviewVersion *version;
  GlossLayer *layer;
  g_autofree char *tag = NULL;
  g_autofree char *name = NULL;
  g_autofree char *markup = NULL;
  guint start, end;

  if (unit == NULL || self->review_editing < 0)
    {
      gloss_review_versions_set_edit (self->review_versions, NULL);
      return;
    }

  version = &g_array_index (unit->versions, GlossReviewVersion, self->review_editing);
  layer = gloss_review_get_layer (self->review, version->annotator);
  name = g_markup_escape_text (gloss_layer_get_annotator_name (layer), -1);
  tag = g_markup_escape_text (gloss_review_tag_label (gloss_document_get_codebook (self->document),
                                                      self->review_edit_tag), -1);
  if (!gloss_text_view_get_selection_range (self->text_view, &start, &end))
    start = end = 0;
  /* Translators: an annotator's name, the tag chosen, the span selected */
  markup = g_strdup_printf (_("Editing the version of %s: <b>%s</b>, characters %u–%u. "
                              "Shift and the arrow keys change the span, a number key the tag; "
                              "Enter accepts, Escape gives up."),
                            name, tag, start, end);
  gloss_review_versions_set_edit (self->review_versions, markup);
}

void
_gloss_window_end_edit (GlossWindow *self)
{
  if (self->review_editing < 0)
    return;

  self->review_editing = -1;
  g_clear_pointer (&self->review_edit_tag, g_free);
  gloss_review_versions_set_edit (self->review_versions, NULL);
  _gloss_window_update_actions (self);
}

gboolean
_gloss_window_review_key (GlossWindow *self,
                          int          key)
{
  if (self->review == NULL)
    return FALSE;

  if (self->review_editing >= 0)
    {
      GlossTag *tag = gloss_codebook_get_tag (gloss_document_get_codebook (self->document), key - 1);

      if (tag == NULL)
        {
          gtk_widget_error_bell (GTK_WIDGET (self));
          return TRUE;
        }
      g_free (self->review_edit_tag);
      self->review_edit_tag = g_strdup (gloss_tag_get_id (tag));
      show_edit (self);
      return TRUE;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), "win.review-accept", "i", (gint32) key);
  return TRUE;
}

gboolean
_gloss_window_escape_edit (GlossWindow *self)
{
  if (self->review_editing < 0)
    return FALSE;

  _gloss_window_end_edit (self);
  if (current_unit (self) != NULL)
    _gloss_window_select_unit (self, self->review_unit);
  return TRUE;
}

static void
on_mark_set (GlossWindow *self,
             GtkTextIter *location,
             GtkTextMark *mark)
{
  if (self->review_editing >= 0)
    show_edit (self);
}

/* After a decision on unit @from: the next disagreement not settled,
 * after it in text order, then from the top. */
static void
move_on (GlossWindow *self,
         guint        from)
{
  guint n = gloss_review_get_n_units (self->review);

  _gloss_window_end_edit (self);
  for (guint k = 1; k <= n; k++)
    {
      guint i = (from + k) % n;

      if (gloss_review_get_unit (self->review, i)->kind != GLOSS_REVIEW_AGREED &&
          !gloss_review_is_settled (self->review, i))
        {
          _gloss_window_select_unit (self, i);
          return;
        }
    }

  /* Everything is settled: the unit stays, with what the consensus holds. */
  _gloss_window_select_unit (self, from);
}

static gboolean
start_decision (GlossWindow *self)
{
  if (!can_decide (self) || current_unit (self) == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }
  return TRUE;
}

/* Accept (a version, numbered from 1 as the keys do), accept all, or
 * reject: the decision on the unit reached, then the next one. */
static void
review_decide_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  guint unit = self->review_unit;

  if (!start_decision (self))
    return;

  if (g_str_equal (action_name, "win.review-accept"))
    {
      int key = g_variant_get_int32 (parameter);

      if (key < 1 || (guint) key > current_unit (self)->versions->len)
        {
          gtk_widget_error_bell (widget);
          return;
        }
      gloss_review_accept (self->review, unit, key - 1, reviewer (self), NULL);
    }
  else if (g_str_equal (action_name, "win.review-accept-all"))
    gloss_review_accept_all (self->review, unit, reviewer (self), NULL);
  else
    gloss_review_reject (self->review, unit, reviewer (self), NULL);

  move_on (self, unit);
}

/* Starts editing the unit's first version, or the next one when one is
 * edited already; its span selected in the text. */
static void
review_edit_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  const GlossReviewUnit *unit;
  GlossAnnotation *annotation;

  if (!start_decision (self))
    return;

  unit = current_unit (self);
  self->review_editing = self->review_editing < 0 ? 0 : (self->review_editing + 1) % (int) unit->versions->len;
  annotation = g_array_index (unit->versions, GlossReviewVersion, self->review_editing).annotation;
  g_free (self->review_edit_tag);
  self->review_edit_tag = g_strdup (gloss_annotation_get_tag (annotation));
  gloss_text_view_select (self->text_view, NULL, FALSE);
  gloss_text_view_select_range (self->text_view, gloss_annotation_get_start (annotation),
                                gloss_annotation_get_end (annotation));
  show_edit (self);
  _gloss_window_update_actions (self);
}

static void
review_accept_edit_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  guint unit = self->review_unit;
  guint start, end;

  if (self->review_editing < 0 || !start_decision (self))
    return;
  if (!gloss_text_view_get_selection_range (self->text_view, &start, &end) || start >= end)
    {
      _gloss_window_show_banner (self, _("Select the span to accept in the text first."), NULL, NULL, NULL, NULL);
      return;
    }

  gloss_review_accept_edited (self->review, unit, self->review_editing, self->review_edit_tag,
                              start, end, reviewer (self), NULL);
  move_on (self, unit);
}

static void
review_accept_agreements_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autofree char *message = NULL;
  guint n;

  if (!can_decide (self))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  n = gloss_review_accept_agreements (self->review, reviewer (self), NULL);
  if (n == 0)
    {
      _gloss_window_show_banner (self, _("The consensus holds every agreed passage already."),
                                 NULL, NULL, NULL, NULL);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Took %u agreed passage into the consensus.",
                                          "Took %u agreed passages into the consensus.", n), n);
  _gloss_window_show_banner (self, message, _("_Undo"), "win.undo", NULL, NULL);
}

/* The consensus: opened when review starts, followed until it ends. */

static void
on_consensus_changed (GlossWindow *self)
{
  if (self->review == NULL)
    return;

  gloss_review_list_update_settled (self->review_list);
  _gloss_window_update_review_label (self);
  _gloss_window_show_consensus (self);
  _gloss_window_update_actions (self);
}

void
_gloss_window_detach_consensus (GlossWindow *self)
{
  if (self->review_consensus == NULL)
    return;

  g_signal_handlers_disconnect_by_func (self->review_consensus, on_consensus_changed, self);
  g_clear_object (&self->review_consensus);
  if (self->review != NULL)
    gloss_review_set_consensus (self->review, NULL);
}

void
_gloss_window_attach_consensus (GlossWindow *self)
{
  g_autoptr(GError) error = NULL;
  GlossLayer *layer;

  if (self->document == NULL || self->review == NULL)
    return;

  if (!gloss_document_open_consensus (self->document, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: why the consensus file cannot be opened */
      message = g_strdup_printf (_("Decisions cannot be recorded: %s"), error->message);
      _gloss_window_show_banner (self, message, NULL, NULL, NULL, NULL);
    }

  layer = gloss_document_get_consensus_layer (self->document);
  if (layer != self->review_consensus)
    {
      _gloss_window_detach_consensus (self);
      if (layer != NULL)
        {
          self->review_consensus = g_object_ref (layer);
          /* After the review's own handler, so that what is settled is
           * up to date when the window asks. */
          g_signal_connect_object (layer, "items-changed", G_CALLBACK (on_consensus_changed), self,
                                   G_CONNECT_SWAPPED | G_CONNECT_AFTER);
        }
    }
  gloss_review_set_consensus (self->review, self->review_consensus);
  on_consensus_changed (self);
}

static void
on_consensus_file (GlossWindow *self)
{
  /* Reloaded, or kept as a copy: the review follows the new layer. */
  if (self->review != NULL)
    _gloss_window_attach_consensus (self);
}

static void
on_consensus_state (GlossWindow *self)
{
  GlossAnnotationFile *file = gloss_document_get_consensus_file (self->document);
  g_autofree char *path = NULL;
  g_autofree char *conflict = NULL;
  g_autofree char *failed = NULL;
  g_autofree char *read_only = NULL;

  if (file == NULL)
    return;

  path = g_file_get_parse_name (gloss_annotation_file_get_file (file));
  conflict = g_strdup_printf (_("The consensus “%s” was changed on disk by another reviewer. Nothing has been "
                                "overwritten: load their version, or keep yours as a separate copy."), path);
  failed = g_strdup_printf (_("The consensus could not be saved: %s"),
                            gloss_document_get_consensus_save_error (self->document));
  read_only = g_strdup_printf (_("The consensus “%s” was written by a newer version of Gloss. It is open "
                                 "read-only and will not be changed."), path);
  _gloss_window_show_save_banner (self, gloss_document_get_consensus_save_state (self->document),
                                  conflict, failed, read_only, "win.reload-consensus", "win.keep-consensus-copy");
  _gloss_window_update_actions (self);
}

static void
reload_consensus_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!gloss_document_reload_consensus (self->document, &error))
    {
      _gloss_window_show_banner (self, error->message, NULL, NULL, NULL, NULL);
      return;
    }
  _gloss_window_hide_banner (self);
}

static void
keep_consensus_copy_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  copy = gloss_document_keep_consensus_as_copy (self->document, &error);
  if (copy == NULL)
    {
      _gloss_window_show_banner (self, error->message, NULL, NULL, NULL, NULL);
      return;
    }
  name = g_file_get_basename (copy);
  message = g_strdup_printf (_("Your decisions were kept as “%s”, listed under Layers. "
                               "The consensus from disk is now loaded."), name);
  _gloss_window_show_banner (self, message, NULL, NULL, NULL, NULL);
}

void
_gloss_window_update_decide_actions (GlossWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean deciding = can_decide (self);
  gboolean on_unit = deciding && current_unit (self) != NULL;
  GlossSaveState state = self->document != NULL ? gloss_document_get_consensus_save_state (self->document)
                                                : GLOSS_SAVE_STATE_SAVED;

  gtk_widget_action_set_enabled (widget, "win.review-accept", on_unit);
  gtk_widget_action_set_enabled (widget, "win.review-accept-all", on_unit);
  gtk_widget_action_set_enabled (widget, "win.review-reject", on_unit);
  gtk_widget_action_set_enabled (widget, "win.review-edit", on_unit);
  gtk_widget_action_set_enabled (widget, "win.review-accept-edit", on_unit && self->review_editing >= 0);
  gtk_widget_action_set_enabled (widget, "win.review-accept-agreements", deciding);
  gtk_widget_action_set_enabled (widget, "win.reload-consensus", state == GLOSS_SAVE_STATE_CONFLICT);
  gtk_widget_action_set_enabled (widget, "win.keep-consensus-copy", state == GLOSS_SAVE_STATE_CONFLICT);
}

void
_gloss_window_init_decide (GlossWindow *self)
{
  self->review_editing = -1;
  g_signal_group_connect_object (self->document_signals, "notify::consensus-file",
                                 G_CALLBACK (on_consensus_file), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::consensus-save-state",
                                 G_CALLBACK (on_consensus_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view)), "mark-set",
                           G_CALLBACK (on_mark_set), self, G_CONNECT_SWAPPED);
}

void
_gloss_window_class_init_decide (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.review-accept", "i", review_decide_action);
  gtk_widget_class_install_action (widget_class, "win.review-accept-all", NULL, review_decide_action);
  gtk_widget_class_install_action (widget_class, "win.review-reject", NULL, review_decide_action);
  gtk_widget_class_install_action (widget_class, "win.review-edit", NULL, review_edit_action);
  gtk_widget_class_install_action (widget_class, "win.review-accept-edit", NULL, review_accept_edit_action);
  gtk_widget_class_install_action (widget_class, "win.review-accept-agreements", NULL,
                                   review_accept_agreements_action);
  gtk_widget_class_install_action (widget_class, "win.reload-consensus", NULL, reload_consensus_action);
  gtk_widget_class_install_action (widget_class, "win.keep-consensus-copy", NULL, keep_consensus_copy_action);
}
