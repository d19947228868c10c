/* gloss-text-view-relations.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-text-view"

#include "config.h"

#include <math.h>

#include "gloss-text-view-private.h"

/* The relations of the selected passage, drawn as curves in the left
 * margin beside the text: each leaves the margin level with the first
 * line of one end and comes back level with the first line of the
 * other, bowing out further the further apart they are (ends on one line
 * are joined by a low arch in the gap above it instead), in the relation
 * type's colour (a teammate's relation in the teammate's colour,
 * dashed), with an arrowhead at the target when the type has a
 * direction.
 *
 * Only ends on or near the screen are measured, through the range
 * rectangles remembered between frames (gloss-text-view-geometry.c): an
 * end far away is placed just off the screen's edge on its side, so that
 * the curve heads that way without laying the text out there.  The
 * curves that go off the screen alike (from the same end, to the same
 * side, in the same colour) are drawn once: a passage linked to hundreds
 * of others far away costs a frame no more than one linked to a few. */

/* The colour of a relation type that neither the codebook nor the file
 * describes. */
#define UNKNOWN_TYPE_COLOR "#9a9996"
/* How far into the margin, left of the text, the curves end. */
#define CURVE_INSET 6
#define CURVE_MIN_BOW 8
#define ARROW_SIZE 6
#define CURVE_WIDTH 1.5

/* The layer that holds @annotation: the own one or a shown teammate's. */
static GlossLayer *
layer_of (GlossTextView   *self,
          GlossAnnotation *annotation)
{
  if (self->layer != NULL && gloss_layer_index_of (self->layer, annotation) >= 0)
    return self->layer;

  for (guint i = 0; i < self->teammates->len; i++)
    {
      GlossLayer *teammate = g_ptr_array_index (self->teammates, i);

      if (gloss_layer_index_of (teammate, annotation) >= 0)
        return teammate;
    }

  return NULL;
}

/* The height, in buffer coordinates, of the middle of @annotation's first
 * line, with that line's rectangle in @first; or, when it lies far from
 * the visible characters [@start, @end), a point just beyond the visible
 * rectangle on its side, and @first is left alone. */
static double
end_y (GlossTextView      *self,
       GlossAnnotation    *annotation,
       guint               start,
       guint               end,
       const GdkRectangle *visible,
       GdkRectangle       *first)
{
  guint span = end - start;
  guint a = gloss_annotation_get_start (annotation);
  GArray *rects;

  if (a + span < start)
    return visible->y - ARROW_SIZE * 2;
  if (a > end + span)
    return visible->y + visible->height + ARROW_SIZE * 2;

  rects = _gloss_text_view_range_rects (self, a, MAX (a, gloss_annotation_get_end (annotation)));
  if (rects->len == 0)
    rects = _gloss_text_view_range_rects (self, a, a);
  *first = g_array_index (rects, GdkRectangle, 0);
  return first->y + first->height / 2.0;
}

/* Two ends on one line: an arch over the line, from the start of one
 * passage to the start of the other, in the gap above the text. */
static void
arch (GlossRelationCurve *curve,
      const GdkRectangle *a,
      const GdkRectangle *b)
{
  double rise = CLAMP (ABS (b->x - a->x) / 6.0, CURVE_MIN_BOW / 2, a->height / 2.0);

  curve->from = GRAPHENE_POINT_INIT (a->x + 2, a->y + 2);
  curve->control1 = GRAPHENE_POINT_INIT (a->x + 2, a->y - rise);
  curve->control2 = GRAPHENE_POINT_INIT (b->x + 2, b->y - rise);
  curve->to = GRAPHENE_POINT_INIT (b->x + 2, b->y + 2);
}

static void
add_curve (GlossTextView      *self,
           GArray             *curves,
           GlossLayer         *layer,
           GlossRelation      *relation,
           guint               start,
           guint               end,
           const GdkRectangle *visible)
{
  GlossAnnotation *source = gloss_layer_lookup (layer, gloss_relation_get_source (relation));
  GlossAnnotation *target = gloss_layer_lookup (layer, gloss_relation_get_target (relation));
  GlossRelationType *type = NULL;
  GlossRelationCurve curve = { 0 };
  double x = VIEW_MARGIN - CURVE_INSET;
  GdkRectangle first0 = { 0, -1, 0, 0 }, first1 = { 0, -2, 0, 0 };
  double y0, y1, bow;

  if (source == NULL || target == NULL)
    return;

  y0 = end_y (self, source, start, end, visible, &first0);
  y1 = end_y (self, target, start, end, visible, &first1);
  /* Both ends off the screen on the same side: nothing to see. */
  if ((y0 < visible->y && y1 < visible->y) ||
      (y0 > visible->y + visible->height && y1 > visible->y + visible->height))
    return;

  if (self->codebook != NULL)
    type = gloss_codebook_lookup_relation_type (self->codebook, gloss_relation_get_rel_type (relation));

  bow = CLAMP (CURVE_MIN_BOW + fabs (y1 - y0) / 8, CURVE_MIN_BOW, VIEW_MARGIN - CURVE_INSET - 4);
  curve.relation = relation;
  curve.from = GRAPHENE_POINT_INIT (x, y0);
  curve.control1 = GRAPHENE_POINT_INIT (x - bow, y0);
  curve.control2 = GRAPHENE_POINT_INIT (x - bow, y1);
  curve.to = GRAPHENE_POINT_INIT (x, y1);
  if (first0.y == first1.y)
    arch (&curve, &first0, &first1);
  curve.directed = type == NULL || gloss_relation_type_get_directed (type);
  curve.off_screen = y0 < visible->y || y0 > visible->y + visible->height ||
                     y1 < visible->y || y1 > visible->y + visible->height;
  curve.teammate = layer != self->layer;
  if (curve.teammate)
    _gloss_text_view_parse_color (gloss_text_view_get_annotator_colour (self, gloss_layer_get_annotator_id (layer)),
                                  1.0, &curve.color);
  else
    _gloss_text_view_parse_color (type != NULL ? gloss_relation_type_get_color (type) : UNKNOWN_TYPE_COLOR,
                                  1.0, &curve.color);
  if (curve.off_screen)
    for (guint i = 0; i < curves->len; i++)
      {
        const GlossRelationCurve *other = &g_array_index (curves, GlossRelationCurve, i);

        if (other->off_screen && other->directed == curve.directed &&
            graphene_point_equal (&other->from, &curve.from) &&
            graphene_point_equal (&other->to, &curve.to) &&
            gdk_rgba_equal (&other->color, &curve.color))
          return;
      }
  g_array_append_val (curves, curve);
}

GArray *
_gloss_text_view_relation_curves (GlossTextView *self)
{
  GArray *curves = g_array_new (FALSE, TRUE, sizeof (GlossRelationCurve));
  g_autoptr(GPtrArray) from = NULL;
  g_autoptr(GPtrArray) to = NULL;
  GdkRectangle visible;
  GlossLayer *layer;
  guint start, end;
  const char *id;

  if (self->selected == NULL || !_gloss_text_view_get_visible_offsets (self, &start, &end))
    return curves;

  layer = layer_of (self, self->selected);
  if (layer == NULL)
    return curves;

  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self), &visible);
  id = gloss_annotation_get_id (self->selected);
  from = gloss_layer_get_relations_from (layer, id);
  to = gloss_layer_get_relations_to (layer, id);
  for (guint i = 0; i < from->len; i++)
    add_curve (self, curves, layer, g_ptr_array_index (from, i), start, end, &visible);
  for (guint i = 0; i < to->len; i++)
    add_curve (self, curves, layer, g_ptr_array_index (to, i), start, end, &visible);

  return curves;
}

static void
draw_curve (cairo_t                  *cr,
            const GlossRelationCurve *curve)
{
  static const double dashes[] = { 4, 3 };
  double angle;

  gdk_cairo_set_source_rgba (cr, &curve->color);
  cairo_set_line_width (cr, CURVE_WIDTH);
  cairo_set_dash (cr, dashes, curve->teammate ? G_N_ELEMENTS (dashes) : 0, 0);
  cairo_move_to (cr, curve->from.x, curve->from.y);
  cairo_curve_to (cr, curve->control1.x, curve->control1.y,
                  curve->control2.x, curve->control2.y, curve->to.x, curve->to.y);
  cairo_stroke (cr);

  /* A dot where the curve leaves, an arrowhead where it arrives. */
  cairo_arc (cr, curve->from.x, curve->from.y, CURVE_WIDTH * 1.5, 0, 2 * G_PI);
  cairo_fill (cr);
  if (!curve->directed)
    {
      cairo_arc (cr, curve->to.x, curve->to.y, CURVE_WIDTH * 1.5, 0, 2 * G_PI);
      cairo_fill (cr);
      return;
    }

  angle = atan2 (curve->to.y - curve->control2.y, curve->to.x - curve->control2.x);
  cairo_move_to (cr, curve->to.x + 1, curve->to.y);
  cairo_line_to (cr, curve->to.x + 1 - ARROW_SIZE * cos (angle - 0.45),
                 curve->to.y - ARROW_SIZE * sin (angle - 0.45));
  cairo_line_to (cr, curve->to.x + 1 - ARROW_SIZE * cos (angle + 0.45),
                 curve->to.y - ARROW_SIZE * sin (angle + 0.45));
  cairo_close_path (cr);
  cairo_fill (cr);
}

/* The rectangle @curve is drawn in: a Bézier curve lies within the hull
 * of its points, its dots and arrowhead within ARROW_SIZE of its ends. */
static void
curve_bounds (const GlossRelationCurve *curve,
              graphene_rect_t          *bounds)
{
  const graphene_point_t *points[] = { &curve->from, &curve->control1, &curve->control2, &curve->to };
  double left = G_MAXDOUBLE, right = -G_MAXDOUBLE, top = G_MAXDOUBLE, bottom = -G_MAXDOUBLE;

  for (guint p = 0; p < G_N_ELEMENTS (points); p++)
    {
      left = MIN (left, points[p]->x);
      right = MAX (right, points[p]->x);
      top = MIN (top, points[p]->y);
      bottom = MAX (bottom, points[p]->y);
    }
  graphene_rect_init (bounds, left - ARROW_SIZE, top - ARROW_SIZE,
                      right - left + 2 * ARROW_SIZE, bottom - top + 2 * ARROW_SIZE);
}

/* Each curve in a drawing of its own, no larger than its own rectangle.
 * One drawing of them all took the rectangle that holds them all: with
 * an arch over a line beside the curves in the margin, a good part of
 * the screen, whose pixels were made and cleared, and the text under
 * them drawn again, at every frame that drew the text. */
void
_gloss_text_view_snapshot_relations (GlossTextView *self,
                                     GtkSnapshot   *snapshot)
{
  g_autoptr(GArray) curves = _gloss_text_view_relation_curves (self);

  for (guint i = 0; i < curves->len; i++)
    {
      const GlossRelationCurve *curve = &g_array_index (curves, GlossRelationCurve, i);
      graphene_rect_t bounds;
      cairo_t *cr;

      curve_bounds (curve, &bounds);
      cr = gtk_snapshot_append_cairo (snapshot, &bounds);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      draw_curve (cr, curve);
      cairo_destroy (cr);
    }
}
