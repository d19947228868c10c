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
  GlossCodebook *codebook;
  GHashTable *colours;
  GPtrArray *tag_ids;            /* the tag filter's choices after the first, All */

  /* A row per disagreement, in text order, through the filters to the
   * selection the view shows: rows are made for the part on screen only,
   * so that tens of thousands of disagreements list at once. */
  GListStore *rows;
  GtkFilter *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;

  GtkDropDown *kind_dropdown;
  GtkDropDown *tag_dropdown;
  GtkStringList *tag_names;
  GtkDropDown *annotator_dropdown;
  GtkStringList *annotator_names;
  GtkCheckButton *unsettled_check;
  GtkListView *list_view;
  double drawn_scroll;           /* where the list was scrolled when last drawn */
};

G_DEFINE_FINAL_TYPE (GlossReviewList, gloss_review_list, GTK_TYPE_WIDGET)

/* A row of the list: the unit it shows, and whether it was settled when
 * last drawn. */
#define GLOSS_TYPE_REVIEW_ROW (gloss_review_row_get_type ())
G_DECLARE_FINAL_TYPE (GlossReviewRow, gloss_review_row, GLOSS, REVIEW_ROW, GObject)

struct _GlossReviewRow
{
  GObject parent_instance;

  guint unit;
  gboolean settled;
};

G_DEFINE_FINAL_TYPE (GlossReviewRow, gloss_review_row, G_TYPE_OBJECT)

static void
gloss_review_row_class_init (GlossReviewRowClass *klass)
{
}

static void
gloss_review_row_init (GlossReviewRow *self)
{
}

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
  GLOSS_REVIEW_ATTRIBUTE_DIFFERS,
  GLOSS_REVIEW_RELATION_DIFFERS,
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
    case GLOSS_REVIEW_ATTRIBUTE_DIFFERS:
      return _("Attribute differs");
    case GLOSS_REVIEW_RELATION_DIFFERS:
      return _("Relation differs");
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
  if (gtk_check_button_get_active (self->unsettled_check) && gloss_review_is_settled (self->review, index))
    return FALSE;
  return TRUE;
}

static gboolean
filter_row (gpointer item,
            gpointer user_data)
{
  GlossReviewList *self = user_data;

  return self->review != NULL && shows (self, GLOSS_REVIEW_ROW (item)->unit);
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

/* The value @value of attribute @def as a user reads it: a choice's
 * label, yes or no, the number or the text. */
static char *
attribute_value_label (GlossAttributeDef *def,
                       GVariant          *value)
{
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    return g_strdup (g_variant_get_boolean (value) ? _("yes") : _("no"));
  /* A file edited by hand may give a choice a value of another type. */
  if (def != NULL && gloss_attribute_def_get_kind (def) == GLOSS_ATTRIBUTE_CHOICE &&
      g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    for (guint i = 0; i < gloss_attribute_def_get_n_values (def); i++)
      if (g_str_equal (gloss_attribute_def_get_value_id (def, i), g_variant_get_string (value, NULL)))
        return g_strdup (gloss_attribute_def_get_value_label (def, i));
  return gloss_attribute_value_to_string (value);
}

char *
gloss_review_describe_extras (GlossReview     *review,
                              guint            annotator,
                              GlossAnnotation *annotation,
                              GlossCodebook   *codebook,
                              GlossSource     *source)
{
  GString *markup = g_string_new (NULL);
  GVariant *attributes = gloss_annotation_get_attributes (annotation);
  GlossLayer *layer = gloss_review_get_layer (review, annotator);
  g_autoptr(GPtrArray) relations = gloss_review_dup_relations (review, annotator, annotation);

  if (attributes != NULL)
    {
      GVariantIter iter;
      const char *id;
      GVariant *value;

      g_variant_iter_init (&iter, attributes);
      while (g_variant_iter_next (&iter, "{&sv}", &id, &value))
        {
          GlossAttributeDef *def = codebook != NULL ? gloss_codebook_lookup_attribute (codebook, id) : NULL;
          g_autofree char *shown = attribute_value_label (def, value);
          g_autofree char *line = NULL;

          /* Translators: an attribute and its value */
          line = g_markup_printf_escaped (_("%s: %s"), def != NULL ? gloss_attribute_def_get_label (def) : id,
                                          shown);
          g_string_append_printf (markup, "\n<small>%s</small>", line);
          g_variant_unref (value);
        }
    }

  for (guint r = 0; r < relations->len; r++)
    {
      GlossRelation *relation = g_ptr_array_index (relations, r);
      gboolean from = g_str_equal (gloss_relation_get_source (relation), gloss_annotation_get_id (annotation));
      GlossAnnotation *other = gloss_layer_lookup (layer, from ? gloss_relation_get_target (relation)
                                                               : gloss_relation_get_source (relation));
      GlossRelationType *type = codebook != NULL
                                ? gloss_codebook_lookup_relation_type (codebook, gloss_relation_get_rel_type (relation))
                                : NULL;
      const char *label = type != NULL ? gloss_relation_type_get_label (type) : gloss_relation_get_rel_type (relation);
      /* A long quote's first words are enough to tell the passage. */
      g_autofree char *quote = other != NULL && source != NULL
                               ? gloss_source_dup_slice (source, gloss_annotation_get_start (other),
                                                         MIN (gloss_annotation_get_end (other),
                                                              gloss_annotation_get_start (other) + 60))
                               : g_strdup ("?");
      g_autofree char *line = NULL;

      line = from
             /* Translators: a relation's type, then the quote of the passage it goes to */
             ? g_markup_printf_escaped (_("%s → “%s”"), label, quote)
             /* Translators: a relation's type, then the quote of the passage it comes from */
             : g_markup_printf_escaped (_("%s ← “%s”"), label, quote);
      g_string_append_printf (markup, "\n<small>%s%s</small>", line,
                              gloss_review_relation_agreed (review, annotator, relation)
                              ? "" : _(" (not shared)"));
    }

  return g_string_free (markup, FALSE);
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

/* A row's label: the unit's description, after a check mark once it is
 * settled. */
static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          GlossReviewList          *self)
{
  GlossReviewRow *row = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *markup = NULL;

  if (self->review == NULL || row->unit >= gloss_review_get_n_units (self->review))
    return;

  markup = describe_unit (self, gloss_review_get_unit (self->review, row->unit), self->codebook, self->colours);
  if (row->settled)
    {
      /* Translators: before a disagreement the consensus settles */
      g_autofree char *settled = g_strdup_printf ("✓ %s  ", _("Settled"));
      g_autofree char *both = g_strconcat (settled, markup, NULL);

      g_free (markup);
      markup = g_steal_pointer (&both);
    }
  gtk_label_set_markup (label, markup);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           GlossReviewList          *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_name (label, "review-row");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* A line per annotator, cut rather than wrapped: rows of one height
   * are measured at once when n or p scrolls the list far. */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (label, 3);
  gtk_widget_set_margin_bottom (label, 3);
  gtk_list_item_set_child (item, label);
  /* The item outlives its child: scroll_to_row() finds it from there. */
  g_object_set_data (G_OBJECT (label), "gloss-list-item", item);
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
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_if_fail (GLOSS_IS_REVIEW_LIST (self));

  g_list_store_remove_all (self->rows);
  self->review = review;
  g_set_object (&self->codebook, codebook);
  g_clear_pointer (&self->colours, g_hash_table_unref);
  self->colours = colours != NULL ? g_hash_table_ref (colours) : NULL;
  g_ptr_array_set_size (self->tag_ids, 0);

  for (guint i = 0; review != NULL && i < gloss_review_get_n_units (review); i++)
    {
      const GlossReviewUnit *unit = gloss_review_get_unit (review, i);
      GlossReviewRow *row;

      if (unit->kind == GLOSS_REVIEW_AGREED)
        continue;

      for (guint v = 0; v < unit->versions->len; v++)
        {
          const char *tag = gloss_annotation_get_tag (g_array_index (unit->versions, GlossReviewVersion, v).annotation);

          if (g_hash_table_add (seen, (gpointer) tag))
            g_ptr_array_add (self->tag_ids, g_strdup (tag));
        }

      row = g_object_new (GLOSS_TYPE_REVIEW_ROW, NULL);
      row->unit = i;
      row->settled = gloss_review_is_settled (review, i);
      g_ptr_array_add (rows, row);
    }

  g_ptr_array_sort (self->tag_ids, compare_strings);
  for (guint i = 0; i < self->tag_ids->len; i++)
    g_ptr_array_add (tag_labels, (gpointer) gloss_review_tag_label (codebook, g_ptr_array_index (self->tag_ids, i)));
  for (guint a = 0; review != NULL && a < gloss_review_get_n_annotators (review); a++)
    g_ptr_array_add (names, (gpointer) gloss_layer_get_annotator_name (gloss_review_get_layer (review, a)));

  /* The choices first, the rows then filtered once. */
  set_choices (self->tag_dropdown, self->tag_names, _("All tags"), tag_labels);
  set_choices (self->annotator_dropdown, self->annotator_names, _("All annotators"), names);
  g_list_store_splice (self->rows, 0, 0, rows->pdata, rows->len);
}

void
gloss_review_list_update_settled (GlossReviewList *self)
{
  guint n;

  g_return_if_fail (GLOSS_IS_REVIEW_LIST (self));

  if (self->review == NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossReviewRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
      gboolean settled = gloss_review_is_settled (self->review, row->unit);

      g_autoptr(GlossReviewRow) fresh = NULL;

      if (settled == row->settled)
        continue;
      /* Another object for the row: the view draws it anew and the
       * filter looks at it anew. */
      fresh = g_object_new (GLOSS_TYPE_REVIEW_ROW, NULL);
      fresh->unit = row->unit;
      fresh->settled = settled;
      g_list_store_splice (self->rows, i, 1, (gpointer *) &fresh, 1);
    }
}

/* The position among the rows shown of unit @index, by bisection. */
static guint
position_of (GlossReviewList *self,
             guint            index)
{
  GListModel *shown = G_LIST_MODEL (self->filtered);
  guint low = 0, high = g_list_model_get_n_items (shown);

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_autoptr(GlossReviewRow) row = g_list_model_get_item (shown, middle);

      if (row->unit == index)
        return middle;
      if (row->unit < index)
        low = middle + 1;
      else
        high = middle;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Brings the row at @position on screen.  A row that is on screen whole
 * stays where it is: GTK's "list.scroll-to-item" would lay every row out
 * again even then, which made about a quarter of a step through the
 * disagreements.  A row just below the screen comes to a third of the way
 * down, one just above to two thirds, as the text does: stepping on in the
 * same direction, the next rows are then on screen already, rather than
 * each step scrolling the list by a row and redrawing all of it.  A row
 * further away (not made yet) is left to GTK. */
static void
scroll_to_row (GlossReviewList *self,
               guint            position)
{
  GtkWidget *viewport = gtk_widget_get_parent (GTK_WIDGET (self->list_view));
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));
  int height = gtk_widget_get_height (viewport);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = gtk_widget_get_first_child (child);
      GtkListItem *item = label != NULL ? g_object_get_data (G_OBJECT (label), "gloss-list-item") : NULL;
      graphene_rect_t bounds;
      double shift = 0;

      if (item == NULL || gtk_list_item_get_position (item) != position)
        continue;
      if (!gtk_widget_get_mapped (child) || height <= 0 ||
          !gtk_widget_compute_bounds (child, viewport, &bounds))
        break;
      if (bounds.origin.y < 0)
        shift = bounds.origin.y - height * 2 / 3.0;
      else if (bounds.origin.y + bounds.size.height > height)
        shift = bounds.origin.y - height / 3.0;
      if (shift != 0)
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + shift);
      return;
    }

  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

void
gloss_review_list_select_unit (GlossReviewList *self,
                               guint            index)
{
  guint position;

  g_return_if_fail (GLOSS_IS_REVIEW_LIST (self));

  position = position_of (self, index);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      return;
    }
  gtk_single_selection_set_selected (self->selection, position);
  scroll_to_row (self, position);
}

int
gloss_review_list_get_selected_unit (GlossReviewList *self)
{
  GlossReviewRow *row;

  g_return_val_if_fail (GLOSS_IS_REVIEW_LIST (self), -1);

  row = gtk_single_selection_get_selected_item (self->selection);
  return row != NULL ? (int) row->unit : -1;
}

guint
gloss_review_list_get_n_shown (GlossReviewList *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_LIST (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

char *
gloss_review_list_describe_shown (GlossReviewList *self,
                                  guint            position)
{
  g_autoptr(GlossReviewRow) row = NULL;
  g_autofree char *markup = NULL;
  char *text = NULL;

  g_return_val_if_fail (GLOSS_IS_REVIEW_LIST (self), NULL);

  row = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  if (row == NULL)
    return NULL;

  markup = describe_unit (self, gloss_review_get_unit (self->review, row->unit), self->codebook, self->colours);
  if (!pango_parse_markup (markup, -1, 0, NULL, &text, NULL, NULL))
    return NULL;
  if (row->settled)
    {
      g_autofree char *plain = text;

      text = g_strdup_printf ("✓ %s  %s", _("Settled"), plain);
    }
  return text;
}

void
gloss_review_list_activate_shown (GlossReviewList *self,
                                  guint            position)
{
  g_return_if_fail (GLOSS_IS_REVIEW_LIST (self));

  g_signal_emit_by_name (self->list_view, "activate", position);
}

static void
on_activate (GlossReviewList *self,
             guint            position)
{
  g_autoptr(GlossReviewRow) row = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (row != NULL)
    g_signal_emit (self, signals[UNIT_ACTIVATED], 0, row->unit);
}

static void
on_filter_changed (GlossReviewList *self)
{
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
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
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->rows);
  g_clear_object (&self->codebook);
  g_clear_pointer (&self->colours, g_hash_table_unref);

  G_OBJECT_CLASS (gloss_review_list_parent_class)->dispose (object);
}

/* Once the list has scrolled, a node that draws nothing but cannot be
 * compared with the frame before goes first, so that GTK takes the rows
 * as changed whole: compared row by row, the rows moved in pieces, past
 * the 30 rectangles of change GTK keeps in a frame, beyond which it takes
 * the bounds of what holds them, up to the whole window. */
static void
gloss_review_list_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  GlossReviewList *self = GLOSS_REVIEW_LIST (widget);
  GtkWidget *scroller = gtk_widget_get_parent (GTK_WIDGET (self->list_view));
  double scroll = gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view)));
  graphene_rect_t bounds;

  if (scroll != self->drawn_scroll && gtk_widget_compute_bounds (scroller, widget, &bounds))
    cairo_destroy (gtk_snapshot_append_cairo (snapshot, &bounds));
  self->drawn_scroll = scroll;
  GTK_WIDGET_CLASS (gloss_review_list_parent_class)->snapshot (widget, snapshot);
}

static void
gloss_review_list_class_init (GlossReviewListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_review_list_dispose;
  widget_class->snapshot = gloss_review_list_snapshot;

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
  gtk_widget_class_bind_template_child (widget_class, GlossReviewList, unsettled_check);
  gtk_widget_class_bind_template_child (widget_class, GlossReviewList, list_view);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gloss_review_list_init (GlossReviewList *self)
{
  GtkListItemFactory *factory;

  self->tag_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_list_store_new (GLOSS_TYPE_REVIEW_ROW);
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_row, self, NULL));
  /* Each model takes a reference of what it is given. */
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)),
                                              g_object_ref (self->filter));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (on_activate), self);
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->tag_dropdown, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->annotator_dropdown, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->unsettled_check, "toggled", G_CALLBACK (on_filter_changed), self);
}
