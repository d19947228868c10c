/* test-window-relations.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Relations and attributes in a real window, driven through the actions
 * its keys activate: a claim linked to the company that said it and the
 * one it is about (l, n or p, Enter, a number), the relation in the
 * layer and in the file the autosave writes, undone and redone, going
 * with its passage; the curves drawn beside the selected passage; a
 * teammate's relations shown, never edited. */

#include "config.h"

#include <string.h>

#include "article-test-util.h"
#include "gloss-codebook-dialog.h"
#include "gloss-inspector.h"
#include "gloss-relation-list.h"
#include "gloss-text-view-private.h"

#define ARTICLE \
  "Acme Corp won the contract.\n" \
  "\n" \
  "The council claims savings of 4 million, said Zenith Ltd.\n"

static GlossLayer *
own_layer (Article *f)
{
  return gloss_document_get_layer (gloss_window_get_document (f->window));
}

static GlossTextView *
view (Article *f)
{
  return gloss_window_get_text_view (f->window);
}

static void
activate (Article    *f,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), action, parameter));
  settle ();
}

/* Tags @needle with the tag of number key @key, as selecting it and
 * pressing the key does. */
static GlossAnnotation *
tag (Article    *f,
     const char *needle,
     int         key)
{
  gloss_text_view_select_range (view (f), offset_of (f, needle), offset_of (f, needle) + strlen (needle));
  activate (f, "win.tag-key", g_variant_new_int32 (key));
  return gloss_text_view_get_selected (view (f));
}

/* The two companies and the claim, tagged by keys. */
typedef struct
{
  GlossAnnotation *acme;
  GlossAnnotation *zenith;
  GlossAnnotation *claim;
} Passages;

static Passages
tag_passages (Article *f)
{
  Passages p;

  p.acme = tag (f, "Acme Corp", 1);
  p.zenith = tag (f, "Zenith Ltd", 1);
  p.claim = tag (f, "claims savings of 4 million", 3);
  g_assert_nonnull (p.acme);
  g_assert_nonnull (p.zenith);
  g_assert_nonnull (p.claim);
  return p;
}

/* Link from @from, then a click on the passage at @needle. */
static void
link_by_click (Article         *f,
               GlossAnnotation *from,
               const char      *needle)
{
  gloss_text_view_select (view (f), from, FALSE);
  activate (f, "win.link", NULL);
  gloss_text_view_click_offset (view (f), offset_of (f, needle));
  settle ();
}

static gboolean
is_saved (gpointer data)
{
  return gloss_document_get_save_state (data) == GLOSS_SAVE_STATE_SAVED &&
         !gloss_history_is_dirty (gloss_layer_get_history (gloss_document_get_layer (data)));
}

/* The relation of @type from @source to @target in @layer, or NULL. */
static GlossRelation *
find_relation (GlossLayer      *layer,
               const char      *type,
               GlossAnnotation *source,
               GlossAnnotation *target)
{
  g_autoptr(GPtrArray) from = gloss_layer_get_relations_from (layer, gloss_annotation_get_id (source));

  for (guint i = 0; i < from->len; i++)
    {
      GlossRelation *relation = g_ptr_array_index (from, i);

      if (g_str_equal (gloss_relation_get_rel_type (relation), type) &&
          g_str_equal (gloss_relation_get_target (relation), gloss_annotation_get_id (target)))
        return relation;
    }

  return NULL;
}

/* How many buttons the relation type chooser shows, or -1 when it is not
 * shown. */
static int
n_choices (Article *f)
{
  GtkWidget *chooser = find_named (GTK_WIDGET (view (f)), "link-chooser");
  GtkWidget *box;
  int n = 0;

  if (chooser == NULL || !gtk_widget_get_visible (chooser))
    return -1;

  box = gtk_popover_get_child (GTK_POPOVER (chooser));
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* A person links a claim to the company that said it and the one it is
 * about with the keyboard, and the file the autosave writes holds both. */
static void
test_link_by_keys (void)
{
  Article *f = open_text ("a.txt", ARTICLE);
  GlossLayer *layer = own_layer (f);
  Passages p = tag_passages (f);
  GlossAnnotation *acme = p.acme, *zenith = p.zenith, *claim = p.claim;
  g_autofree char *path = g_build_filename (f->dir, "a.txt.test-person.gloss.json", NULL);
  g_autofree char *content = NULL;
  GlossRelation *said_by, *about;

  g_assert_true (gloss_text_view_get_selected (view (f)) == claim);
  g_assert_true (window_action_enabled (f->window, "win.link"));

  /* l, then n reaches Zenith Ltd, Enter offers said-by and about, 1
   * picks said-by. */
  activate (f, "win.link", NULL);
  activate (f, "win.next-annotation", NULL);
  g_assert_true (gloss_text_view_get_selected (view (f)) == zenith);
  g_assert_cmpint (n_choices (f), ==, -1);
  activate (f, "win.link-choose", NULL);
  g_assert_cmpint (n_choices (f), ==, 2);
  activate (f, "win.tag-key", g_variant_new_int32 (1));
  g_assert_cmpint (n_choices (f), ==, -1);
  g_assert_cmpuint (gloss_layer_get_n_relations (layer), ==, 1);
  said_by = find_relation (layer, "said-by", claim, zenith);
  g_assert_nonnull (said_by);
  /* The claim stays selected, ready for the next link. */
  g_assert_true (gloss_text_view_get_selected (view (f)) == claim);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (layer)), ==, 3);

  /* l, p to Acme Corp, Enter, 2: about. */
  activate (f, "win.link", NULL);
  activate (f, "win.previous-annotation", NULL);
  g_assert_true (gloss_text_view_get_selected (view (f)) == acme);
  activate (f, "win.link-choose", NULL);
  activate (f, "win.link-type", g_variant_new_int32 (2));
  about = find_relation (layer, "about", claim, acme);
  g_assert_nonnull (about);
  g_assert_cmpuint (gloss_layer_get_n_relations (layer), ==, 2);

  wait_until (is_saved, gloss_window_get_document (f->window));
  content = read_file (path);
  g_assert_nonnull (strstr (content, "\"said-by\""));
  g_assert_nonnull (strstr (content, "\"about\""));

  /* Undo takes the last link back, redo makes it again. */
  activate (f, "win.undo", NULL);
  g_assert_cmpuint (gloss_layer_get_n_relations (layer), ==, 1);
  g_assert_null (find_relation (layer, "about", claim, acme));
  activate (f, "win.redo", NULL);
  g_assert_nonnull (find_relation (layer, "about", claim, acme));

  /* Deleting the claim takes its relations with it, in one step. */
  gloss_text_view_select (view (f), claim, FALSE);
  activate (f, "win.delete-annotation", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (layer)), ==, 2);
  g_assert_cmpuint (gloss_layer_get_n_relations (layer), ==, 0);
  activate (f, "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (layer)), ==, 3);
  g_assert_cmpuint (gloss_layer_get_n_relations (layer), ==, 2);

  close_article (f);
}

/* A click on the other passage chooses it at once; Escape gives up, and
 * so does a pair of tags the codebook relates in no way. */
static void
test_link_click_and_cancel (void)
{
  Article *f = open_text ("a.txt", ARTICLE);
  GlossLayer *layer = own_layer (f);
  Passages p = tag_passages (f);
  GlossAnnotation *acme = p.acme, *zenith = p.zenith, *claim = p.claim;

  /* Escape while the types are offered makes nothing. */
  link_by_click (f, claim, "Acme");
  g_assert_cmpint (n_choices (f), ==, 2);
  activate (f, "win.deselect", NULL);
  g_assert_cmpint (n_choices (f), ==, -1);
  g_assert_cmpuint (gloss_layer_get_n_relations (layer), ==, 0);
  g_assert_false (window_action_enabled (f->window, "win.link-type(1)"));

  /* Two companies: the codebook has no relation between them. */
  link_by_click (f, acme, "Zenith");
  g_assert_cmpint (n_choices (f), ==, -1);
  g_assert_nonnull (strstr (gloss_window_get_notice_text (f->window), "no relation"));
  activate (f, "win.deselect", NULL);

  /* Linking from the company to the claim offers the types the other
   * way round, and makes the relation from the claim. */
  link_by_click (f, zenith, "claims");
  g_assert_cmpint (n_choices (f), ==, 2);
  activate (f, "win.tag-key", g_variant_new_int32 (1));
  g_assert_nonnull (find_relation (layer, "said-by", claim, zenith));

  close_article (f);
}

/* The drawings (cairo nodes) under @node, in @found. */
static void
collect_drawings (GskRenderNode *node,
                  GPtrArray     *found)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CAIRO_NODE:
      g_ptr_array_add (found, node);
      break;
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_drawings (gsk_container_node_get_child (node, i), found);
      break;
    case GSK_TRANSFORM_NODE:
      collect_drawings (gsk_transform_node_get_child (node), found);
      break;
    case GSK_CLIP_NODE:
      collect_drawings (gsk_clip_node_get_child (node), found);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      collect_drawings (gsk_rounded_clip_node_get_child (node), found);
      break;
    case GSK_OPACITY_NODE:
      collect_drawings (gsk_opacity_node_get_child (node), found);
      break;
    case GSK_DEBUG_NODE:
      collect_drawings (gsk_debug_node_get_child (node), found);
      break;
    default:
      break;
    }
}

/* How many drawings the text view's frame holds, and the widest. */
static guint
count_drawings (GtkWidget *widget,
                float     *widest)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node != NULL)
    collect_drawings (node, found);
  *widest = 0;
  for (guint i = 0; i < found->len; i++)
    {
      graphene_rect_t bounds;

      gsk_render_node_get_bounds (g_ptr_array_index (found, i), &bounds);
      *widest = MAX (*widest, bounds.size.width);
    }
  return found->len;
}

/* The selected passage's relations are curves in the margin beside the
 * text, from one end's first line to the other's, in the type's colour,
 * with an arrowhead for a directed type; none for a passage unlinked. */
static void
test_curves (void)
{
  Article *f = open_text ("a.txt", ARTICLE);
  GlossLayer *layer = own_layer (f);
  Passages p = tag_passages (f);
  GlossAnnotation *acme = p.acme, *zenith = p.zenith, *claim = p.claim;
  GlossCodebook *codebook = gloss_document_get_codebook (gloss_window_get_document (f->window));
  GlossRelationType *about = gloss_codebook_lookup_relation_type (codebook, "about");
  g_autoptr(GArray) curves = NULL;
  g_autoptr(GArray) none = NULL;
  const GlossRelationCurve *curve;
  GdkRectangle claim_rect, acme_rect, zenith_rect;
  GtkTextIter iter;
  GdkRGBA color;
  float widest;

  g_assert_nonnull (gloss_layer_link (layer, "about", gloss_annotation_get_id (claim),
                                      gloss_annotation_get_id (acme), NULL));
  gloss_text_view_select (view (f), claim, FALSE);
  draw_frames (GTK_WIDGET (view (f)));

  curves = _gloss_text_view_relation_curves (view (f));
  g_assert_cmpuint (curves->len, ==, 1);
  curve = &g_array_index (curves, GlossRelationCurve, 0);
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view (f))), &iter, offset_of (f, "claims"));
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view (f)), &iter, &claim_rect);
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view (f))), &iter, offset_of (f, "Acme"));
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view (f)), &iter, &acme_rect);

  /* From the claim's line to Acme Corp's, in the margin left of the text,
   * bowing further left. */
  g_assert_cmpfloat_with_epsilon (curve->from.y, claim_rect.y + claim_rect.height / 2.0, 0.5);
  g_assert_cmpfloat_with_epsilon (curve->to.y, acme_rect.y + acme_rect.height / 2.0, 0.5);
  g_assert_cmpfloat (curve->from.x, <, MIN (claim_rect.x, acme_rect.x));
  g_assert_cmpfloat (curve->from.x, >=, 0);
  g_assert_cmpfloat (curve->control1.x, <, curve->from.x);
  g_assert_cmpfloat (curve->control1.x, >=, 0);
  g_assert_true (curve->directed);
  g_assert_false (curve->teammate);
  g_assert_true (gdk_rgba_parse (&color, gloss_relation_type_get_color (about)));
  g_assert_true (gdk_rgba_equal (&color, &curve->color));

  /* Acme Corp's curve is the same relation, seen from its other end. */
  gloss_text_view_select (view (f), acme, FALSE);
  g_clear_pointer (&curves, g_array_unref);
  curves = _gloss_text_view_relation_curves (view (f));
  g_assert_cmpuint (curves->len, ==, 1);
  g_assert_true (g_array_index (curves, GlossRelationCurve, 0).relation ==
                 gloss_layer_get_relation (layer, 0));

  gloss_text_view_select (view (f), zenith, FALSE);
  none = _gloss_text_view_relation_curves (view (f));
  g_assert_cmpuint (none->len, ==, 0);

  /* Zenith Ltd said the claim, on the same line: an arch over the line
   * from the claim's start to Zenith Ltd's. */
  g_assert_nonnull (gloss_layer_link (layer, "said-by", gloss_annotation_get_id (claim),
                                      gloss_annotation_get_id (zenith), NULL));
  draw_frames (GTK_WIDGET (view (f)));
  g_clear_pointer (&curves, g_array_unref);
  curves = _gloss_text_view_relation_curves (view (f));
  g_assert_cmpuint (curves->len, ==, 1);
  curve = &g_array_index (curves, GlossRelationCurve, 0);
  g_assert_cmpstr (gloss_relation_get_rel_type (curve->relation), ==, "said-by");
  g_assert_cmpfloat_with_epsilon (curve->from.x, claim_rect.x + 2, 0.5);
  g_assert_cmpfloat (curve->to.x, >, curve->from.x);
  g_assert_cmpfloat (curve->control1.y, <, claim_rect.y);
  g_assert_cmpfloat (curve->from.y, <, claim_rect.y + claim_rect.height / 2.0);

  /* The claim's two curves, one in the margin and one over the line, are
   * drawn each in a drawing of its own, none wider than the arch: one
   * drawing holding both would take the text between them. */
  gloss_text_view_select (view (f), claim, FALSE);
  draw_frames (GTK_WIDGET (view (f)));
  g_clear_pointer (&curves, g_array_unref);
  curves = _gloss_text_view_relation_curves (view (f));
  g_assert_cmpuint (curves->len, ==, 2);
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view (f))), &iter, offset_of (f, "Zenith"));
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view (f)), &iter, &zenith_rect);
  g_assert_cmpuint (count_drawings (GTK_WIDGET (view (f)), &widest), ==, 2);
  /* The arch's width, and its arrowhead's room on either side. */
  g_assert_cmpfloat (widest, <=, zenith_rect.x - claim_rect.x + 2 * 6 + 1);

  close_article (f);
}

/* The n-th widget named @name inside @root, depth first, or NULL. */
static GtkWidget *
nth_named (GtkWidget  *root,
           const char *name,
           guint      *n)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    {
      if (*n == 0)
        return root;
      (*n)--;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = nth_named (child, name, n);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
in_inspector (Article    *f,
              const char *name)
{
  GtkWidget *relations = find_named (GTK_WIDGET (f->window), "relations");
  guint n = 0;

  g_assert_nonnull (relations);
  return nth_named (relations, name, &n);
}

/* The inspector lists the selected passage's relations, going out and
 * coming in; each names its other end as a link that selects it, and can
 * be deleted or given a note, each one step undone. */
static void
test_inspector_relations (void)
{
  Article *f = open_text ("a.txt", ARTICLE);
  GlossLayer *layer = own_layer (f);
  GlossAnnotation *zenith = tag (f, "Zenith Ltd", 1);
  GlossAnnotation *claim = tag (f, "claims savings of 4 million", 3);
  GlossRelationList *list = GLOSS_RELATION_LIST (find_named (GTK_WIDGET (f->window), "relations"));
  GlossRelation *relation;
  GtkWidget *end, *note;

  g_assert_nonnull (list);
  link_by_click (f, claim, "Zenith");
  activate (f, "win.tag-key", g_variant_new_int32 (1));
  relation = find_relation (layer, "said-by", claim, zenith);
  g_assert_nonnull (relation);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (list)));
  g_assert_cmpuint (gloss_relation_list_get_n_rows (list), ==, 1);

  /* The link goes to Zenith Ltd, whose inspector shows the relation
   * coming in. */
  end = in_inspector (f, "relation-end");
  g_assert_true (GTK_IS_BUTTON (end));
  g_assert_nonnull (strstr (gtk_button_get_label (GTK_BUTTON (end)), "Zenith Ltd"));
  g_signal_emit_by_name (end, "clicked");
  settle ();
  g_assert_true (gloss_text_view_get_selected (view (f)) == zenith);
  g_assert_cmpuint (gloss_relation_list_get_n_rows (list), ==, 1);
  end = in_inspector (f, "relation-end");
  g_assert_nonnull (strstr (gtk_button_get_label (GTK_BUTTON (end)), "claims savings"));

  /* A note, committed by Enter, undone. */
  note = in_inspector (f, "relation-note");
  gtk_editable_set_text (GTK_EDITABLE (note), "In the last paragraph");
  g_signal_emit_by_name (note, "activate");
  settle ();
  g_assert_cmpstr (gloss_relation_get_note (relation), ==, "In the last paragraph");
  activate (f, "win.undo", NULL);
  g_assert_cmpstr (gloss_relation_get_note (relation), ==, "");

  /* Delete, undone. */
  g_signal_emit_by_name (in_inspector (f, "relation-delete"), "clicked");
  settle ();
  g_assert_cmpuint (gloss_layer_get_n_relations (layer), ==, 0);
  g_assert_cmpuint (gloss_relation_list_get_n_rows (list), ==, 0);
  activate (f, "win.undo", NULL);
  g_assert_cmpuint (gloss_layer_get_n_relations (layer), ==, 1);
  g_assert_cmpuint (gloss_relation_list_get_n_rows (list), ==, 1);

  close_article (f);
}

static GtkFilterListModel *
sidebar_filter_model (Article *f)
{
  GtkListView *list = GTK_LIST_VIEW (find_named (GTK_WIDGET (f->window), "annotation-list"));

  return GTK_FILTER_LIST_MODEL (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (gtk_list_view_get_model (list))));
}

static gboolean
one_row_left (gpointer data)
{
  GtkFilterListModel *model = sidebar_filter_model (data);

  return gtk_filter_list_model_get_pending (model) == 0 &&
         g_list_model_get_n_items (G_LIST_MODEL (model)) == 1;
}

/* Ctrl+I takes the keyboard to the claim's verdict, a drop-down of the
 * codebook's values whose keys choose them; the choice is one step undone, shown in the
 * sidebar's row, and the sidebar's filter finds the claims marked
 * false. */
static void
test_attributes (void)
{
  Article *f = open_text ("a.txt", ARTICLE);
  GlossAnnotation *claim;
  GtkWidget *verdict, *label;
  g_autoptr(GVariant) value = NULL;
  g_autofree char *shown = NULL;
  guint n = 0;

  tag (f, "Acme Corp", 3);
  claim = tag (f, "claims savings of 4 million", 3);
  activate (f, "win.edit-attributes", NULL);
  verdict = gtk_window_get_focus (GTK_WINDOW (f->window));
  while (verdict != NULL && !GTK_IS_DROP_DOWN (verdict))
    verdict = gtk_widget_get_parent (verdict);
  g_assert_true (GTK_IS_DROP_DOWN (verdict));
  g_assert_cmpstr (gtk_widget_get_name (verdict), ==, "verdict");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (verdict)), ==, 0);

  /* 2, the key of the second value: false. */
  g_assert_true (gtk_widget_activate_action (verdict, "attributes.choose", "(si)", "verdict", 2));
  settle ();
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (verdict)), ==, 2);
  value = gloss_annotation_dup_attribute (claim, "verdict");
  g_assert_nonnull (value);
  g_assert_cmpstr (g_variant_get_string (value, NULL), ==, "false");

  /* The sidebar's row says it. */
  for (guint i = 0; (label = nth_named (GTK_WIDGET (f->window), "attributes-label", &n)) != NULL; n = ++i)
    if (gtk_widget_get_visible (label))
      break;
  g_assert_nonnull (label);
  shown = g_utf8_strdown (gtk_label_get_text (GTK_LABEL (label)), -1);
  g_assert_cmpstr (shown, ==, "verdict: false");

  /* "false" in the filter leaves the claim marked false. */
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (f->window), "filter-entry")), "false");
  wait_until (one_row_left, f);
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (f->window), "filter-entry")), "");

  /* Undo clears it, and the drop-down follows. */
  activate (f, "win.undo", NULL);
  g_clear_pointer (&value, g_variant_unref);
  value = gloss_annotation_dup_attribute (claim, "verdict");
  g_assert_null (value);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (verdict)), ==, 0);

  close_article (f);
}

/* A teammate's relations show as curves in their colour, dashed, when
 * one of their passages is selected; Link never starts from it. */
static void
test_teammate_read_only (void)
{
  Article *f = open_text ("a.txt", ARTICLE);
  g_autoptr(GFile) article = g_file_new_for_path (f->path);
  g_autoptr(GlossSource) source = gloss_source_new_from_plain_text (article, 0, NULL, NULL);
  g_autoptr(GlossAnnotationFile) theirs = gloss_annotation_file_new (source, "ben", "Ben");
  GlossLayer *ben = gloss_annotation_file_get_layer (theirs);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) curves = NULL;
  GlossAnnotation *claim, *company, *shown;
  GlossLayer *shown_layer;
  GtkWidget *inspector;
  GdkRGBA color;

  claim = gloss_layer_annotate (ben, "claim", offset_of (f, "claims"), offset_of (f, "million") + 7, NULL);
  company = gloss_layer_annotate (ben, "company", offset_of (f, "Zenith"), offset_of (f, "Zenith Ltd") + 10, NULL);
  g_assert_nonnull (gloss_layer_link (ben, "said-by", gloss_annotation_get_id (claim),
                                      gloss_annotation_get_id (company), NULL));
  g_assert_true (gloss_annotation_file_save (theirs, GLOSS_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);

  close_window (f->window);
  f->window = open_window (f->path);
  activate (f, "win.show-teammates", NULL);
  g_assert_cmpuint (gloss_text_view_get_n_teammate_layers (view (f)), ==, 1);
  shown_layer = gloss_annotation_file_get_layer (gloss_document_load_teammate (gloss_window_get_document (f->window),
                                                                                gloss_annotation_file_get_file (theirs),
                                                                                NULL));
  shown = gloss_layer_lookup (shown_layer, gloss_annotation_get_id (claim));
  g_assert_nonnull (shown);
  gloss_text_view_select (view (f), shown, FALSE);
  draw_frames (GTK_WIDGET (view (f)));

  curves = _gloss_text_view_relation_curves (view (f));
  g_assert_cmpuint (curves->len, ==, 1);
  g_assert_true (g_array_index (curves, GlossRelationCurve, 0).teammate);
  g_assert_true (gdk_rgba_parse (&color, gloss_text_view_get_annotator_colour (view (f), "ben")));
  g_assert_true (gdk_rgba_equal (&color, &g_array_index (curves, GlossRelationCurve, 0).color));

  /* Link is for the own passages only. */
  g_assert_false (window_action_enabled (f->window, "win.link"));

  /* With Ben's layer in the sidebar, the inspector lists his relation,
   * with neither delete nor note, and his verdict cannot be set. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_named (GTK_WIDGET (f->window), "layer-switcher")), 1);
  settle ();
  gloss_text_view_select (view (f), NULL, FALSE);
  gloss_text_view_select (view (f), shown, FALSE);
  settle ();
  inspector = gtk_widget_get_ancestor (find_named (GTK_WIDGET (f->window), "relations"), GLOSS_TYPE_INSPECTOR);
  g_assert_true (gloss_inspector_get_annotation (GLOSS_INSPECTOR (inspector)) == shown);
  g_assert_nonnull (in_inspector (f, "relation-end"));
  g_assert_null (in_inspector (f, "relation-delete"));
  g_assert_null (in_inspector (f, "relation-note"));
  g_assert_false (gtk_widget_get_sensitive (find_named (GTK_WIDGET (f->window), "verdict")));

  close_article (f);
}

/* The codebook dialog adds a relation type (its tags and direction) and
 * an attribute (its values and default), keeps the ids of those renamed,
 * and the window offers the new type at once. */
static void
test_codebook_dialog (void)
{
  Article *f = open_text ("a.txt", ARTICLE);
  GlossDocument *document = gloss_window_get_document (f->window);
  GtkWidget *dialog = gloss_codebook_dialog_new (GTK_WINDOW (f->window), document);
  GlossCodebook *copy = gloss_codebook_dialog_get_codebook (GLOSS_CODEBOOK_DIALOG (dialog));
  GlossCodebook *codebook = gloss_document_get_codebook (document);
  g_autofree char *path = g_build_filename (f->dir, "gloss-codebook.json", NULL);
  g_autofree char *saved = NULL;
  GlossRelationType *cites;
  GlossAttributeDef *stance;
  GtkWidget *check, *popover;
  Passages p;

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_expander_set_expanded (GTK_EXPANDER (find_named (dialog, "relations-expander")), TRUE);
  settle ();

  /* A relation type "Cites" from claims to claims, without direction. */
  gtk_editable_set_text (GTK_EDITABLE (find_named (dialog, "new-relation-type")), "Cites");
  g_signal_emit_by_name (find_named (dialog, "new-relation-type"), "activate");
  settle ();
  cites = gloss_codebook_lookup_relation_type (copy, "cites");
  g_assert_nonnull (cites);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_in_row (dialog, "cites", "directed")), FALSE);
  g_assert_false (gloss_relation_type_get_directed (cites));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (find_in_row (dialog, "cites", "source-tags"))));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_named (popover, "claim")), TRUE);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (find_in_row (dialog, "cites", "target-tags"))));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_named (popover, "claim")), TRUE);
  g_assert_cmpstrv (gloss_relation_type_get_source_tags (cites), ((const char *[]) { "claim", NULL }));
  g_assert_cmpstrv (gloss_relation_type_get_target_tags (cites), ((const char *[]) { "claim", NULL }));

  /* An attribute "Stance", a choice of For and Against, For by default. */
  gtk_editable_set_text (GTK_EDITABLE (find_named (dialog, "new-attribute")), "Stance");
  g_signal_emit_by_name (find_named (dialog, "new-attribute"), "activate");
  settle ();
  gtk_editable_set_text (GTK_EDITABLE (find_in_row (dialog, "stance", "values")), "For, Against");
  g_signal_emit_by_name (find_in_row (dialog, "stance", "values"), "activate");
  settle ();
  stance = gloss_codebook_lookup_attribute (copy, "stance");
  g_assert_cmpuint (gloss_attribute_def_get_n_values (stance), ==, 2);
  g_assert_cmpstr (gloss_attribute_def_get_value_id (stance, 1), ==, "against");
  gtk_editable_set_text (GTK_EDITABLE (find_in_row (dialog, "stance", "default")), "For");
  g_assert_cmpstr (g_variant_get_string (gloss_attribute_def_get_default (stance), NULL), ==, "for");
  /* Renamed, a value keeps its id. */
  gtk_editable_set_text (GTK_EDITABLE (find_in_row (dialog, "stance", "values")), "For, Opposed");
  g_signal_emit_by_name (find_in_row (dialog, "stance", "values"), "activate");
  settle ();
  stance = gloss_codebook_lookup_attribute (copy, "stance");
  g_assert_cmpstr (gloss_attribute_def_get_value_id (stance, 0), ==, "for");
  g_assert_cmpstr (gloss_attribute_def_get_value_label (stance, 1), ==, "Opposed");

  /* The verdict renamed keeps its id. */
  gtk_editable_set_text (GTK_EDITABLE (find_in_row (dialog, "verdict", "label")), "Finding");
  g_assert_cmpstr (gloss_attribute_def_get_label (gloss_codebook_lookup_attribute (copy, "verdict")), ==, "Finding");

  check = find_named (dialog, "cites");
  g_assert_nonnull (check);
  gtk_widget_activate_action (dialog, "codebook.save", NULL);
  settle ();
  saved = read_file (path);
  g_assert_nonnull (strstr (saved, "\"cites\""));
  g_assert_nonnull (strstr (saved, "\"stance\""));
  g_assert_nonnull (gloss_codebook_lookup_relation_type (codebook, "cites"));
  g_assert_cmpstr (gloss_attribute_def_get_label (gloss_codebook_lookup_attribute (codebook, "verdict")), ==, "Finding");

  /* The window offers Cites between two claims. */
  p = tag_passages (f);
  gloss_text_view_select (view (f), p.claim, FALSE);
  gloss_text_view_select_range (view (f), offset_of (f, "Acme Corp won"), offset_of (f, "Acme Corp won") + 13);
  activate (f, "win.tag-key", g_variant_new_int32 (3));
  link_by_click (f, p.claim, "won");
  g_assert_cmpint (n_choices (f), ==, 1);
  activate (f, "win.tag-key", g_variant_new_int32 (1));
  g_assert_cmpuint (gloss_layer_get_n_relations (own_layer (f)), ==, 1);
  g_assert_cmpstr (gloss_relation_get_rel_type (gloss_layer_get_relation (own_layer (f), 0)), ==, "cites");

  close_article (f);
}

int
main (int   argc,
      char *argv[])
{
  article_test_init (&argc, &argv);

#define ADD(path, func) g_test_add_func (path, func)

  ADD ("/relations/link-by-keys", test_link_by_keys);
  ADD ("/relations/link-click-and-cancel", test_link_click_and_cancel);
  ADD ("/relations/curves", test_curves);
  ADD ("/relations/inspector", test_inspector_relations);
  ADD ("/relations/attributes", test_attributes);
  ADD ("/relations/teammate-read-only", test_teammate_read_only);
  ADD ("/relations/codebook-dialog", test_codebook_dialog);

  return article_test_run ();
}
