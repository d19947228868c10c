/* gloss-relation-list.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-inspector"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-relation-list.h"

/* The inspector's relations of a passage: those going out of it, then
 * those coming in, one row each.  A row says the relation type, in its
 * colour, with an arrow for the way it goes, and the other end as a link
 * (win.show-passage selects it); then, when the layer can be changed, a
 * button that deletes the relation and an entry for its note, committed
 * on Enter or when the entry loses the focus, each one step of the
 * layer's history.  A relation of the passage added, removed or changed
 * adds, removes or makes again its row alone. */

#define UNKNOWN_TYPE_COLOR "#9a9996"
/* Past this many relations, the rest are counted rather than listed: a
 * passage linked to hundreds of others stays quick to select. */
#define MAX_ROWS 50
#define QUOTE_LENGTH 40

struct _GlossRelationList
{
  GtkWidget parent_instance;

  GlossAnnotation *annotation;
  GlossLayer *layer;
  GlossCodebook *codebook;
  gboolean editable;
  /* Above zero while the list commits a note, whose change would
   * otherwise make the rows again under the entry being left. */
  guint committing;
  /* The relation being removed, still indexed while its signal runs. */
  GlossRelation *going;

  GtkWidget *box;
  GtkWidget *title;
  GtkWidget *rows;
  GtkWidget *empty_label;
  GtkWidget *more_label;
};

G_DEFINE_FINAL_TYPE (GlossRelationList, gloss_relation_list, GTK_TYPE_WIDGET)

static void rebuild (GlossRelationList *self);

static char *
describe_end (GlossRelationList *self,
              GlossAnnotation   *end)
{
  GlossTag *tag = self->codebook ? gloss_codebook_lookup (self->codebook, gloss_annotation_get_tag (end)) : NULL;
  const char *quote = gloss_annotation_get_quote (end);
  g_autofree char *cut = NULL;

  if (g_utf8_strlen (quote, -1) > QUOTE_LENGTH)
    {
      g_autofree char *head = g_utf8_substring (quote, 0, QUOTE_LENGTH);

      cut = g_strconcat (head, "…", NULL);
    }

  /* Translators: the tag of a relation's other end, then its quote */
  return g_strdup_printf (_("%s: “%s”"), tag ? gloss_tag_get_label (tag) : gloss_annotation_get_tag (end),
                          cut ? cut : quote);
}

static void
on_delete (GtkButton         *button,
           GlossRelationList *self)
{
  GlossRelation *relation = g_object_get_data (G_OBJECT (button), "relation");

  if (self->editable && self->layer != NULL)
    gloss_layer_remove_relation (self->layer, relation);
}

static void
commit_note (GlossRelationList *self,
             GtkEntry          *entry)
{
  GlossRelation *relation = g_object_get_data (G_OBJECT (entry), "relation");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (!self->editable || self->layer == NULL ||
      gloss_layer_lookup_relation (self->layer, gloss_relation_get_id (relation)) != relation ||
      g_str_equal (text, gloss_relation_get_note (relation)))
    return;

  self->committing++;
  gloss_layer_set_relation_note (self->layer, relation, text);
  self->committing--;
}

static void
on_note_activate (GtkEntry          *entry,
                  GlossRelationList *self)
{
  commit_note (self, entry);
}

static void
on_note_leave (GtkEventControllerFocus *focus,
               GlossRelationList       *self)
{
  commit_note (self, GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus))));
}

static GtkWidget *
row_new (GlossRelationList *self,
         GlossRelation     *relation,
         gboolean           outgoing)
{
  GlossRelationType *type = self->codebook
                            ? gloss_codebook_lookup_relation_type (self->codebook, gloss_relation_get_rel_type (relation))
                            : NULL;
  const char *other_id = outgoing ? gloss_relation_get_target (relation) : gloss_relation_get_source (relation);
  GlossAnnotation *other = gloss_layer_lookup (self->layer, other_id);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label, *link;
  const char *type_label = type ? gloss_relation_type_get_label (type) : gloss_relation_get_rel_type (relation);
  g_autofree char *markup = NULL;
  g_autofree char *escaped = g_markup_escape_text (type_label, -1);
  g_autofree char *text = NULL;

  gtk_widget_add_css_class (row, "gloss-relation-row");
  g_object_set_data (G_OBJECT (row), "gloss-relation", relation);
  g_object_set_data (G_OBJECT (row), "gloss-outgoing", GINT_TO_POINTER (outgoing));
  /* Going out: "Said by →"; coming in: "← Said by". */
  if (outgoing)
    markup = g_strdup_printf ("<span foreground=\"%s\">●</span> %s →",
                              type ? gloss_relation_type_get_color (type) : UNKNOWN_TYPE_COLOR, escaped);
  else
    markup = g_strdup_printf ("<span foreground=\"%s\">●</span> ← %s",
                              type ? gloss_relation_type_get_color (type) : UNKNOWN_TYPE_COLOR, escaped);
  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_box_append (GTK_BOX (line), label);

  if (other != NULL)
    {
      text = describe_end (self, other);
      link = gtk_button_new_with_label (text);
      gtk_widget_add_css_class (link, "flat");
      gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (link))), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (link))), 0);
      /* A long quote never widens the side pane. */
      gtk_label_set_max_width_chars (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (link))), 24);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (link), "win.show-passage");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (link), "s", other_id);
    }
  else
    {
      link = gtk_label_new (_("missing passage"));
      gtk_widget_add_css_class (link, "warning");
    }
  gtk_widget_set_name (link, "relation-end");
  gtk_widget_set_hexpand (link, TRUE);
  gtk_box_append (GTK_BOX (line), link);

  if (self->editable)
    {
      GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_widget_set_name (delete, "relation-delete");
      gtk_widget_add_css_class (delete, "flat");
      gtk_widget_set_tooltip_text (delete, _("Delete this relation"));
      g_object_set_data_full (G_OBJECT (delete), "relation", g_object_ref (relation), g_object_unref);
      g_signal_connect (delete, "clicked", G_CALLBACK (on_delete), self);
      gtk_box_append (GTK_BOX (line), delete);
    }
  gtk_box_append (GTK_BOX (row), line);

  if (self->editable)
    {
      GtkWidget *entry = gtk_entry_new ();
      GtkEventController *focus = gtk_event_controller_focus_new ();

      gtk_widget_set_name (entry, "relation-note");
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 12);
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Note on this relation"));
      gtk_editable_set_text (GTK_EDITABLE (entry), gloss_relation_get_note (relation));
      g_object_set_data_full (G_OBJECT (entry), "relation", g_object_ref (relation), g_object_unref);
      g_signal_connect (entry, "activate", G_CALLBACK (on_note_activate), self);
      g_signal_connect (focus, "leave", G_CALLBACK (on_note_leave), self);
      gtk_widget_add_controller (entry, focus);
      gtk_box_append (GTK_BOX (row), entry);
    }
  else if (*gloss_relation_get_note (relation) != '\0')
    {
      label = gtk_label_new (gloss_relation_get_note (relation));
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (row), label);
    }

  return row;
}

static guint
n_rows (GlossRelationList *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (self->rows); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* The empty list's hint, and how many relations are not listed. */
static void
update_labels (GlossRelationList *self,
               guint              n_relations)
{
  guint shown = n_rows (self);

  gtk_widget_set_visible (self->empty_label, n_relations == 0);
  gtk_label_set_label (GTK_LABEL (self->empty_label),
                       self->editable ? _("No relations. Press L to link this passage to another.")
                                      : _("No relations."));
  gtk_widget_set_visible (self->more_label, n_relations > shown);
  if (n_relations > shown)
    {
      g_autofree char *text = NULL;

      /* Translators: relations of a passage the inspector does not list */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more relation", "and %u more relations",
                                           n_relations - shown), n_relations - shown);
      gtk_label_set_label (GTK_LABEL (self->more_label), text);
    }
}

static guint
count_relations (GlossRelationList *self)
{
  g_autoptr(GPtrArray) from = gloss_layer_get_relations_from (self->layer, gloss_annotation_get_id (self->annotation));
  g_autoptr(GPtrArray) to = gloss_layer_get_relations_to (self->layer, gloss_annotation_get_id (self->annotation));
  guint n = from->len + to->len;

  if (self->going != NULL)
    n--;
  return n;
}

static void
rebuild (GlossRelationList *self)
{
  g_autoptr(GPtrArray) from = NULL;
  g_autoptr(GPtrArray) to = NULL;
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (self->rows)) != NULL)
    gtk_box_remove (GTK_BOX (self->rows), child);

  gtk_widget_set_visible (GTK_WIDGET (self), self->annotation != NULL && self->layer != NULL);
  if (self->annotation == NULL || self->layer == NULL)
    return;

  from = gloss_layer_get_relations_from (self->layer, gloss_annotation_get_id (self->annotation));
  to = gloss_layer_get_relations_to (self->layer, gloss_annotation_get_id (self->annotation));
  for (guint i = 0; i < from->len && n < MAX_ROWS; i++, n++)
    gtk_box_append (GTK_BOX (self->rows), row_new (self, g_ptr_array_index (from, i), TRUE));
  for (guint i = 0; i < to->len && n < MAX_ROWS; i++, n++)
    gtk_box_append (GTK_BOX (self->rows), row_new (self, g_ptr_array_index (to, i), FALSE));

  update_labels (self, from->len + to->len);
}

static GtkWidget *
row_of (GlossRelationList *self,
        GlossRelation     *relation)
{
  for (GtkWidget *child = gtk_widget_get_first_child (self->rows); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_object_get_data (G_OBJECT (child), "gloss-relation") == relation)
      return child;
  return NULL;
}

/* A relation of the passage came, went or changed: its row alone. */
static void
on_relation (GlossRelationList *self,
             GlossRelation     *relation)
{
  const char *id;
  GtkWidget *row, *after = NULL;
  gboolean outgoing;

  if (self->annotation == NULL || self->committing > 0)
    return;

  id = gloss_annotation_get_id (self->annotation);
  outgoing = g_str_equal (gloss_relation_get_source (relation), id);
  if (!outgoing && !g_str_equal (gloss_relation_get_target (relation), id))
    return;

  row = row_of (self, relation);
  if (row != NULL)
    {
      after = gtk_widget_get_prev_sibling (row);
      gtk_box_remove (GTK_BOX (self->rows), row);
    }
  else if (self->going == NULL && n_rows (self) < MAX_ROWS)
    {
      /* A new one goes after the others of its direction. */
      for (GtkWidget *child = gtk_widget_get_first_child (self->rows); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (!outgoing || g_object_get_data (G_OBJECT (child), "gloss-outgoing"))
          after = child;
      row = after;
    }

  if (self->going == NULL && (row != NULL || n_rows (self) < MAX_ROWS))
    gtk_box_insert_child_after (GTK_BOX (self->rows), row_new (self, relation, outgoing), after);
  update_labels (self, count_relations (self));
}

static void
on_relation_removed (GlossRelationList *self,
                     GlossRelation     *relation)
{
  self->going = relation;
  on_relation (self, relation);
  self->going = NULL;
}

static void
disconnect_layer (GlossRelationList *self)
{
  if (self->layer != NULL)
    g_signal_handlers_disconnect_by_data (self->layer, self);
  g_clear_object (&self->layer);
}

static void
gloss_relation_list_dispose (GObject *object)
{
  GlossRelationList *self = GLOSS_RELATION_LIST (object);

  disconnect_layer (self);
  g_clear_object (&self->annotation);
  g_clear_object (&self->codebook);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (gloss_relation_list_parent_class)->dispose (object);
}

static void
gloss_relation_list_class_init (GlossRelationListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_relation_list_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "relations");
}

static void
gloss_relation_list_init (GlossRelationList *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->title = gtk_label_new (_("Relations"));
  gtk_label_set_xalign (GTK_LABEL (self->title), 0);
  gtk_widget_add_css_class (self->title, "heading");
  self->rows = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->empty_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->empty_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->empty_label), 0);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_box_append (GTK_BOX (self->box), self->title);
  gtk_box_append (GTK_BOX (self->box), self->rows);
  gtk_box_append (GTK_BOX (self->box), self->empty_label);
  self->more_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->more_label), 0);
  gtk_widget_add_css_class (self->more_label, "dim-label");
  gtk_box_append (GTK_BOX (self->box), self->more_label);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
gloss_relation_list_new (void)
{
  return g_object_new (GLOSS_TYPE_RELATION_LIST, NULL);
}

void
gloss_relation_list_set (GlossRelationList *self,
                         GlossAnnotation   *annotation,
                         GlossLayer        *layer,
                         GlossCodebook     *codebook,
                         gboolean           editable)
{
  g_return_if_fail (GLOSS_IS_RELATION_LIST (self));

  if (self->layer != layer)
    {
      disconnect_layer (self);
      if (layer != NULL)
        {
          self->layer = g_object_ref (layer);
          g_signal_connect_swapped (layer, "relation-added", G_CALLBACK (on_relation), self);
          g_signal_connect_swapped (layer, "relation-removed", G_CALLBACK (on_relation_removed), self);
          g_signal_connect_swapped (layer, "relation-changed", G_CALLBACK (on_relation), self);
        }
    }
  g_set_object (&self->annotation, annotation);
  g_set_object (&self->codebook, codebook);
  self->editable = editable;
  rebuild (self);
}

guint
gloss_relation_list_get_n_rows (GlossRelationList *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_LIST (self), 0);

  return n_rows (self);
}
