/* gloss-review-versions.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-review-versions"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotator-style.h"
#include "gloss-application.h"
#include "gloss-review-list.h"
#include "gloss-review-versions.h"
#include "gloss-wrap-bin.h"

/* How many characters of a shared middle a quote shows, at most. */
#define MIDDLE_MAX 120

struct _GlossReviewVersions
{
  GtkWidget parent_instance;

  GtkLabel *heading;
  GtkBox *versions_box;
  guint n_rows;                  /* the rows of versions_box in use */
  GtkLabel *edit_label;
  GtkLabel *consensus_label;
};

G_DEFINE_FINAL_TYPE (GlossReviewVersions, gloss_review_versions, GTK_TYPE_WIDGET)

/* Sets @label's text, as markup or not, unless it shows it already: a
 * label given its own text again would still be laid out again. */
static void
set_text (GtkLabel   *label,
          const char *text,
          gboolean    markup)
{
  if (gtk_label_get_use_markup (label) == markup && g_strcmp0 (gtk_label_get_label (label), text) == 0)
    return;
  if (markup)
    gtk_label_set_markup (label, text);
  else
    gtk_label_set_label (label, text);
}

/* Appends characters [@start, @end) of @source, escaped, in bold when
 * @edge, and cut in its middle when it is long and not an edge. */
static void
append_part (GString     *markup,
             GlossSource *source,
             guint        start,
             guint        end,
             gboolean    edge)
{
  g_autofree char *part = NULL;
  g_autofree char *escaped = NULL;

  if (start >= end)
    return;

  if (!edge && end - start > MIDDLE_MAX)
    {
      /* Through the source's index: a long article's offsets are found at
       * once, not counted from its start. */
      g_autofree char *head = gloss_source_dup_slice (source, start, start + MIDDLE_MAX / 2);
      g_autofree char *tail = gloss_source_dup_slice (source, end - MIDDLE_MAX / 2, end);

      part = g_strconcat (head, " … ", tail, NULL);
    }
  else
    part = gloss_source_dup_slice (source, start, end);

  escaped = g_markup_escape_text (part, -1);
  g_string_append_printf (markup, edge ? "<b><u>%s</u></b>" : "%s", escaped);
}

/* A version's label, with a button that accepts it when @key is not 0:
 * the key that does the same, its number among the versions.  The rows
 * of the units shown before are used again, hidden while a unit has
 * fewer versions, so that stepping from one disagreement to the next
 * makes and drops no widgets. */
static void
add_label (GlossReviewVersions *self,
           const char          *markup,
           guint                key)
{
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->versions_box));
  GtkWidget *bin, *label, *button;

  for (guint i = 0; row != NULL && i < self->n_rows; i++)
    row = gtk_widget_get_next_sibling (row);

  if (row == NULL)
    {
      row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      label = gtk_label_new (NULL);
      gtk_widget_set_name (label, "review-version");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), 16);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      bin = gloss_wrap_bin_new ();
      gtk_widget_set_hexpand (bin, TRUE);
      gloss_wrap_bin_set_child (GLOSS_WRAP_BIN (bin), label);
      gtk_box_append (GTK_BOX (row), bin);
      button = gtk_button_new ();
      gtk_widget_set_name (button, "review-accept");
      gtk_widget_set_valign (button, GTK_ALIGN_START);
      /* The target first: the action takes a number. */
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (gint32) 1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.review-accept");
      gtk_box_append (GTK_BOX (row), button);
      gtk_box_append (self->versions_box, row);
    }
  bin = gtk_widget_get_first_child (row);
  label = gloss_wrap_bin_get_child (GLOSS_WRAP_BIN (bin));
  button = gtk_widget_get_next_sibling (bin);
  self->n_rows++;
  gtk_widget_set_visible (row, TRUE);

  set_text (GTK_LABEL (label), markup, TRUE);
  gtk_widget_set_visible (button, key > 0);
  if (key > 0)
    {
      /* Translators: accepts one version; the key that does it follows */
      g_autofree char *text = g_strdup_printf (_("Accept %u"), key);
      /* Translators: the tooltip of the button that accepts a version */
      g_autofree char *tip = g_strdup_printf (_("Accept this version as it is (%u)"), key);

      if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), text) != 0)
        {
          gtk_button_set_label (GTK_BUTTON (button), text);
          gtk_widget_set_tooltip_text (button, tip);
        }
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (gint32) key);
    }
}

/* Hides the rows a unit with fewer versions leaves unused. */
static void
hide_unused_rows (GlossReviewVersions *self)
{
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->versions_box));

  for (guint i = 0; row != NULL && i < self->n_rows; i++)
    row = gtk_widget_get_next_sibling (row);
  for (; row != NULL; row = gtk_widget_get_next_sibling (row))
    gtk_widget_set_visible (row, FALSE);
}

/* One version: who, tag, span, quote with its edges, attributes and
 * relations, note. */
static char *
describe_version (GlossReviewVersions *self,
                  GlossAnnotation     *annotation,
                  const char          *who,
                  GlossSource         *text,
                  guint                common_start,
                  guint                common_end,
                  GlossCodebook       *codebook,
                  GlossReview         *review,
                  guint                annotator)
{
  g_autofree char *extras = gloss_review_describe_extras (review, annotator, annotation, codebook, text);
  guint start = gloss_annotation_get_start (annotation);
  guint end = gloss_annotation_get_end (annotation);
  g_autofree char *tag = g_markup_escape_text (gloss_review_tag_label (codebook, gloss_annotation_get_tag (annotation)), -1);
  GString *markup = g_string_new (NULL);
  guint inner_start = CLAMP (common_start, start, end);
  guint inner_end = CLAMP (common_end, inner_start, end);

  /* Translators: an annotator (a dot and a name), then a tag */
  g_string_append_printf (markup, _("%s · %s"), who, tag);
  g_string_append (markup, "\n<small>");
  /* Translators: the characters a passage spans */
  g_string_append_printf (markup, _("characters %u–%u"), start, end);
  g_string_append (markup, "</small>\n“");
  append_part (markup, text, start, inner_start, TRUE);
  append_part (markup, text, inner_start, inner_end, FALSE);
  append_part (markup, text, inner_end, end, TRUE);
  g_string_append (markup, "”");
  g_string_append (markup, extras);

  if (gloss_annotation_has_note (annotation))
    {
      g_autofree char *note = g_markup_escape_text (gloss_annotation_get_note (annotation), -1);

      g_string_append_printf (markup, "\n<i>%s</i>", note);
    }

  return g_string_free (markup, FALSE);
}

/* Which disagreement unit @index is, counted from 1. */
static guint
rank_of (GlossReview *review,
         guint        index)
{
  guint rank = 0;

  for (guint i = 0; i <= index; i++)
    if (gloss_review_get_unit (review, i)->kind != GLOSS_REVIEW_AGREED)
      rank++;
  return rank;
}

void
gloss_review_versions_set_unit (GlossReviewVersions *self,
                                GlossReview         *review,
                                int                  index,
                                GlossSource         *source,
                                GlossCodebook       *codebook,
                                GHashTable          *colours)
{
  const GlossReviewUnit *unit;
  GlossSource *text;
  g_autofree char *kinds = NULL;
  g_autofree char *heading = NULL;
  guint common_start = 0, common_end = G_MAXUINT;

  g_return_if_fail (GLOSS_IS_REVIEW_VERSIONS (self));

  self->n_rows = 0;
  gloss_review_versions_set_edit (self, NULL);
  /* What the consensus holds of a unit is set after it, by
   * gloss_review_versions_set_consensus(): cleared here only when no unit
   * is shown, so that a step does not lay it out twice. */
  if (review == NULL || index < 0 || (guint) index >= gloss_review_get_n_units (review))
    {
      set_text (self->consensus_label, "", FALSE);
      hide_unused_rows (self);
      set_text (self->heading, _("Choose a disagreement in the list, or with n and p."), FALSE);
      return;
    }

  g_return_if_fail (GLOSS_IS_SOURCE (source));

  unit = gloss_review_get_unit (review, index);
  text = source;
  if (unit->kind == GLOSS_REVIEW_AGREED)
    heading = g_strdup (_("Agreed"));
  else
    {
      kinds = gloss_review_describe_kinds (unit->kind);
      /* Translators: the rank of a disagreement, how many there are, then its kinds */
      heading = g_strdup_printf (_("Disagreement %u of %u: %s"), rank_of (review, index),
                                 gloss_review_get_n_disagreements (review), kinds);
    }
  set_text (self->heading, heading, FALSE);

  for (guint i = 0; i < unit->versions->len; i++)
    {
      GlossAnnotation *annotation = g_array_index (unit->versions, GlossReviewVersion, i).annotation;

      common_start = MAX (common_start, gloss_annotation_get_start (annotation));
      common_end = MIN (common_end, gloss_annotation_get_end (annotation));
    }

  for (guint a = 0; a < gloss_review_get_n_annotators (review); a++)
    {
      GlossLayer *layer = gloss_review_get_layer (review, a);
      g_autofree char *who = gloss_annotator_style_markup (GTK_WIDGET (self), colours,
                                                           gloss_layer_get_annotator_id (layer),
                                                           gloss_layer_get_annotator_name (layer));
      gboolean any = FALSE;

      for (guint i = 0; i < unit->versions->len; i++)
        {
          const GlossReviewVersion *version = &g_array_index (unit->versions, GlossReviewVersion, i);
          g_autofree char *markup = NULL;

          if (version->annotator != a)
            continue;
          markup = describe_version (self, version->annotation, who, text,
                                     common_start, common_end, codebook, review, a);
          add_label (self, markup, i + 1);
          any = TRUE;
        }

      if (!any)
        {
          g_autofree char *markup = NULL;

          /* Translators: an annotator (a dot and a name) */
          markup = g_strdup_printf (_("%s marked nothing here"), who);
          add_label (self, markup, 0);
        }
    }
  hide_unused_rows (self);
}

void
gloss_review_versions_set_consensus (GlossReviewVersions *self,
                                     const char          *markup)
{
  g_return_if_fail (GLOSS_IS_REVIEW_VERSIONS (self));

  set_text (self->consensus_label, markup != NULL ? markup : "", TRUE);
}

void
gloss_review_versions_set_edit (GlossReviewVersions *self,
                                const char          *markup)
{
  g_return_if_fail (GLOSS_IS_REVIEW_VERSIONS (self));

  set_text (self->edit_label, markup != NULL ? markup : "", TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->edit_label), markup != NULL);
}

GtkWidget *
gloss_review_versions_new (void)
{
  return g_object_new (GLOSS_TYPE_REVIEW_VERSIONS, NULL);
}

static void
gloss_review_versions_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), GLOSS_TYPE_REVIEW_VERSIONS);
  /* It unparents the children the class binds only. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (gloss_review_versions_parent_class)->dispose (object);
}

/* Drawn first, a node that draws nothing but cannot be compared with the
 * one of the frame before, so that GTK takes the pane as changed whole
 * whenever it draws it again.  Compared part by part, a step from one
 * disagreement to the next changed the pieces of a dozen lines of text;
 * GTK keeps at most 30 rectangles of what changed in a frame and,
 * beyond, takes the bounds of what holds them, up to the whole window:
 * a third of the steps redrew the text and the list as well. */
static void
gloss_review_versions_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  cairo_destroy (gtk_snapshot_append_cairo (snapshot,
                                            &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                                 gtk_widget_get_height (widget))));
  GTK_WIDGET_CLASS (gloss_review_versions_parent_class)->snapshot (widget, snapshot);
}

static void
gloss_review_versions_class_init (GlossReviewVersionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_review_versions_dispose;
  widget_class->snapshot = gloss_review_versions_snapshot;

  _gloss_ensure_resources ();
  g_type_ensure (GLOSS_TYPE_WRAP_BIN);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossannotator/Gloss/gloss-review-versions.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossReviewVersions, heading);
  gtk_widget_class_bind_template_child (widget_class, GlossReviewVersions, versions_box);
  gtk_widget_class_bind_template_child (widget_class, GlossReviewVersions, edit_label);
  gtk_widget_class_bind_template_child (widget_class, GlossReviewVersions, consensus_label);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gloss_review_versions_init (GlossReviewVersions *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
