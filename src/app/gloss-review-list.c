/* gloss-review-list.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-review-list"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotator-style.h"
#include "gloss-application.h"
#include "gloss-review-list.h"

struct _GlossReviewList
{
  GtkWidget parent_instance;

  GlossReview *review;           /* not owned */
  GPtrArray *tag_ids;            /* the tag filter's choices after the first, All */

  GtkDropDown *kind_dropdown;
  GtkDropDown *tag_dropdown;
  GtkStringList *tag_names;
  GtkDropDown *annotator_dropdown;
  GtkStringList *annotator_names;
  GtkListBox *list_box;
};

G_DEFINE_FINAL_TYPE (GlossReviewList, gloss_review_list, GTK_TYPE_WIDGET)

enum {
  UNIT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The kinds, as the kind filter lists them after All. */
static const GlossReviewKind kinds[] = {
  GLOSS_REVIEW_TAG_DIFFERS,
  GLOSS_REVIEW_BOUNDARY_DIFFERS,
  GLOSS_REVIEW_MISSING,
};

static const char *
kind_label (GlossReviewKind kind)
{
  switch (kind)
    {
    case GLOSS_REVIEW_TAG_DIFFERS:
      return _("Tag differs");
    case GLOSS_REVIEW_BOUNDARY_DIFFERS:
      return _("Boundary differs");
    case GLOSS_REVIEW_MISSING:
      return _("Missing");
    case GLOSS_REVIEW_AGREED:
    default:
      g_assert_not_reached ();
    }
}

char *
gloss_review_describe_kinds (GlossReviewKind kind)
{
  g_autoptr(GString) words = g_string_new (NULL);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (kind & kinds[k])
      {
        if (words->len > 0)
          g_string_append (words, _(", "));
        g_string_append (words, kind_label (kinds[k]));
      }
  return g_string_free (g_steal_pointer (&words), FALSE);
}

static guint
unit_of_row (GtkListBoxRow *row)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "gloss-unit"));
}

static gboolean
has_tag (const GlossReviewUnit *unit,
         const char            *tag)
{
  for (guint i = 0; i < unit->versions->len; i++)
    if (g_strcmp0 (gloss_annotation_get_tag (g_array_index (unit->versions, GlossReviewVersion, i).annotation),
                   tag) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_annotator (const GlossReviewUnit *unit,
               guint                  annotator)
{
  for (guint i = 0; i < unit->versions->len; i++)
    if (g_array_index (unit->versions, GlossReviewVersion, i).annotator == annotator)
      return TRUE;
  return FALSE;
}

/* Whether the filters let unit @index through. */
static gboolean
shows (GlossReviewList *self,
       guint            index)
{
  const GlossReviewUnit *unit = gloss_review_get_unit (self->review, index);
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  guint tag = gtk_drop_down_get_selected (self->tag_dropdown);
  guint annotator = gtk_drop_down_get_selected (self->annotator_dropdown);

  if (kind != GTK_INVALID_LIST_POSITION && kind > 0 && !(unit->kind & kinds[kind - 1]))
    return FALSE;
  if (tag != GTK_INVALID_LIST_POSITION && tag > 0 &&
      !has_tag (unit, g_ptr_array_index (self->tag_ids, tag - 1)))
    return FALSE;
  if (annotator != GTK_INVALID_LIST_POSITION && annotator > 0 && !has_annotator (unit, annotator - 1))
    return FALSE;
  return TRUE;
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  GlossReviewList *self = user_data;

  return self->review != NULL && shows (self, unit_of_row (row));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

const char *
gloss_review_tag_label (GlossCodebook *codebook,
                        const char    *tag_id)
{
  GlossTag *tag = codebook != NULL ? gloss_codebook_lookup (codebook, tag_id) : NULL;

  return tag != NULL ? gloss_tag_get_label (tag) : tag_id;
}

/* The row's text: the kinds and characters, then a line per annotator
 * with their tags. */
static char *
describe_unit (GlossReviewList       *self,
               const GlossReviewUnit *unit,
               GlossCodebook         *codebook,
               GHashTable            *colours)
{
  g_autofree char *kind = gloss_review_describe_kinds (unit->kind);
  GString *markup = g_string_new (NULL);

  g_string_append_printf (markup, "<b>%s</b>  <small>%u–%u</small>", kind, unit->start, unit->end);

  for (guint a = 0; a < gloss_review_get_n_annotators (self->review); a++)
    {
      GlossLayer *layer = gloss_review_get_layer (self->review, a);
      g_autofree char *who = gloss_annotator_style_markup (GTK_WIDGET (self), colours,
                                                           gloss_layer_get_annotator_id (layer),
                                                           gloss_layer_get_annotator_name (layer));
      gboolean any = FALSE;

      g_string_append_printf (markup, "\n%s: ", who);
      for (guint i = 0; i < unit->versions->len; i++)
        {
          const GlossReviewVersion *version = &g_array_index (unit->versions, GlossReviewVersion, i);
          g_autofree char *label = NULL;

          if (version->annotator != a)
            continue;
          label = g_markup_escape_text (gloss_review_tag_label (codebook, gloss_annotation_get_tag (version->annotation)), -1);
          g_string_append_printf (markup, "%s%s", any ? _(", ") : "", label);
          any = TRUE;
        }
      if (!any)
        g_string_append (markup, "—");
    }

  return g_string_free (markup, FALSE);
}

static void
clear_rows (GlossReviewList *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
}

/* Replaces the choices of @names, All first, keeping the one chosen in
 * @dropdown when it is still there. */
static void
set_choices (GtkDropDown   *dropdown,
             GtkStringList *names,
             const char    *all,
             GPtrArray     *choices)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autofree char *chosen = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (names));
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected < n)
    chosen = g_strdup (gtk_string_list_get_string (names, selected));

  g_ptr_array_add (items, (gpointer) all);
  g_ptr_array_extend (items, choices, NULL, NULL);
  g_ptr_array_add (items, NULL);
  gtk_string_list_splice (names, 0, n, (const char * const *) items->pdata);

  selected = 0;
  for (guint i = 0; chosen != NULL && i < choices->len; i++)
    if (g_str_equal (g_ptr_array_index (choices, i), chosen))
      selected = i + 1;
  gtk_drop_down_set_selected (dropdown, selected);
}

void
gloss_review_list_set_review (GlossReviewList *self,
                              GlossReview     *review,
                              GlossCodebook   *codebook,
                              GHashTable      *colours)
{
  g_autoptr(GPtrArray) tag_labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_if_fail (GLOSS_IS_REVIEW_LIST (self));

  clear_rows (self);
  self->review = review;
  g_ptr_array_set_size (self->tag_ids, 0);

  for (guint i = 0; review != NULL && i < gloss_review_get_n_units (review); i++)
    {
      const GlossReviewUnit *unit = gloss_review_get_unit (review, i);
      g_autofree char *markup = NULL;
      GtkWidget *row, *label;

      if (unit->kind == GLOSS_REVIEW_AGREED)
        continue;

      for (guint v = 0; v < unit->versions->len; v++)
        {
          const char *tag = gloss_annotation_get_tag (g_array_index (unit->versions, GlossReviewVersion, v).annotation);

          if (g_hash_table_add (seen, (gpointer) tag))
            g_ptr_array_add (self->tag_ids, g_strdup (tag));
        }

      markup = describe_unit (self, unit, codebook, colours);
      label = gtk_label_new (NULL);
      gtk_label_set_markup (GTK_LABEL (label), markup);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_top (label, 3);
      gtk_widget_set_margin_bottom (label, 3);
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data (G_OBJECT (row), "gloss-unit", GUINT_TO_POINTER (i));
      gtk_list_box_append (self->list_box, row);
    }

  g_ptr_array_sort (self->tag_ids, compare_strings);
  for (guint i = 0; i < self->tag_ids->len; i++)
    g_ptr_array_add (tag_labels, (gpointer) gloss_review_tag_label (codebook, g_ptr_array_index (self->tag_ids, i)));
  for (guint a = 0; review != NULL && a < gloss_review_get_n_annotators (review); a++)
    g_ptr_array_add (names, (gpointer) gloss_layer_get_annotator_name (gloss_review_get_layer (review, a)));

  set_choices (self->tag_dropdown, self->tag_names, _("All tags"), tag_labels);
  set_choices (self->annotator_dropdown, self->annotator_names, _("All annotators"), names);
  gtk_list_box_invalidate_filter (self->list_box);
}

void
gloss_review_list_select_unit (GlossReviewList *self,
                               guint            index)
{
  g_return_if_fail (GLOSS_IS_REVIEW_LIST (self));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (unit_of_row (GTK_LIST_BOX_ROW (row)) == index)
      {
        if (gtk_widget_get_child_visible (row))
          gtk_list_box_select_row (self->list_box, GTK_LIST_BOX_ROW (row));
        return;
      }
}

guint
gloss_review_list_get_n_shown (GlossReviewList *self)
{
  guint n = 0;

  g_return_val_if_fail (GLOSS_IS_REVIEW_LIST (self), 0);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (filter_row (GTK_LIST_BOX_ROW (row), self))
      n++;
  return n;
}

static void
on_row_activated (GlossReviewList *self,
                  GtkListBoxRow   *row)
{
  g_signal_emit (self, signals[UNIT_ACTIVATED], 0, unit_of_row (row));
}

static void
on_filter_changed (GlossReviewList *self)
{
  gtk_list_box_invalidate_filter (self->list_box);
}

GtkWidget *
gloss_review_list_new (void)
{
  return g_object_new (GLOSS_TYPE_REVIEW_LIST, NULL);
}

static void
gloss_review_list_dispose (GObject *object)
{
  GlossReviewList *self = GLOSS_REVIEW_LIST (object);
  GtkWidget *child;

  self->review = NULL;
  g_clear_pointer (&self->tag_ids, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_REVIEW_LIST);
  /* It unparents the children the class binds only. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (gloss_review_list_parent_class)->dispose (object);
}

static void
gloss_review_list_class_init (GlossReviewListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_review_list_dispose;

  signals[UNIT_ACTIVATED] =
    g_signal_new ("unit-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  _gloss_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossannotator/Gloss/gloss-review-list.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossReviewList, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossReviewList, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossReviewList, tag_names);
  gtk_widget_class_bind_template_child (widget_class, GlossReviewList, annotator_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossReviewList, annotator_names);
  gtk_widget_class_bind_template_child (widget_class, GlossReviewList, list_box);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gloss_review_list_init (GlossReviewList *self)
{
  self->tag_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_filter_func (self->list_box, filter_row, self, NULL);
  g_signal_connect_swapped (self->list_box, "row-activated", G_CALLBACK (on_row_activated), self);
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->tag_dropdown, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->annotator_dropdown, "notify::selected", G_CALLBACK (on_filter_changed), self);
}
