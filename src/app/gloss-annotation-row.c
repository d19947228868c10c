/* gloss-annotation-row.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-annotation-row"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation-row.h"
#include "gloss-application.h"
#include "gloss-attribute-editor.h"
#include "gloss-sidebar.h"

/* A row shows the start of a long quote only: laying out thousands of
 * characters to show two lines of them would make scrolling slow. */
#define SHOWN_QUOTE_CHARS 240

/* The swatch of a tag the row cannot find. */
#define UNKNOWN_TAG_COLOR "#9a9996"

#define RESOURCE_PATH "/io/github/glossannotator/Gloss/"

struct _GlossAnnotationRow
{
  GtkWidget parent_instance;

  GlossAnnotation *item;
  gulong notify_handler;
  char *annotator;
  char *tag_label_text;
  GdkRGBA color;

  /* Template children */
  GtkDrawingArea *swatch;
  GtkLabel *tag_label;
  GtkLabel *status_label;
  GtkLabel *annotator_label;
  GtkLabel *annotator_dot;
  GtkImage *note_icon;
  GtkLabel *quote_label;
  GtkLabel *location_label;
  GtkLabel *context_label;
  GtkLabel *attributes_label;
};

G_DEFINE_FINAL_TYPE (GlossAnnotationRow, gloss_annotation_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_ANNOTATOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* @quote on one line, its runs of white space made single spaces, cut
 * after SHOWN_QUOTE_CHARS characters. */
static char *
dup_shown_quote (const char *quote)
{
  GString *shown = g_string_new (NULL);
  gboolean in_space = FALSE;
  guint n_chars = 0;

  for (const char *p = quote; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          in_space = shown->len > 0;
          continue;
        }

      if (n_chars == SHOWN_QUOTE_CHARS)
        {
          g_string_append (shown, "…");
          break;
        }

      if (in_space)
        {
          g_string_append_c (shown, ' ');
          n_chars++;
          in_space = FALSE;
        }
      g_string_append_unichar (shown, c);
      n_chars++;
    }

  return g_string_free (shown, FALSE);
}

/* How many words of the text around a quote its row shows. */
#define CONTEXT_WORDS 4

/* The first (@from_end FALSE) or last @n_words words of @text, on one
 * line. */
static char *
dup_words (const char *text,
           guint       n_words,
           gboolean    from_end)
{
  g_auto(GStrv) words = g_strsplit_set (text != NULL ? text : "", " \t\n\r\f\v", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  guint n = g_strv_length (words);

  for (guint i = 0; i < n && kept->len < n_words; i++)
    {
      const char *word = words[from_end ? n - 1 - i : i];

      if (*word == '\0')
        continue;
      if (from_end)
        g_ptr_array_insert (kept, 0, (gpointer) word);
      else
        g_ptr_array_add (kept, (gpointer) word);
    }
  g_ptr_array_add (kept, NULL);

  return g_strjoinv (" ", (char **) kept->pdata);
}

/* The quote between a few words before and after it, so that rows with
 * the same quote can be told apart: "…signed with Amazon in May…". */
static void
update_context (GlossAnnotationRow *self)
{
  g_autofree char *before = dup_words (gloss_annotation_get_prefix (self->item), CONTEXT_WORDS, TRUE);
  g_autofree char *after = dup_words (gloss_annotation_get_suffix (self->item), CONTEXT_WORDS, FALSE);
  g_autofree char *quote = dup_shown_quote (gloss_annotation_get_quote (self->item));
  g_autofree char *markup = NULL;

  if (*before == '\0' && *after == '\0')
    {
      gtk_widget_set_visible (GTK_WIDGET (self->context_label), FALSE);
      return;
    }

  markup = g_markup_printf_escaped ("…%s <b>%s</b> %s…", before, quote, after);
  gtk_label_set_markup (self->context_label, markup);
  gtk_widget_set_visible (GTK_WIDGET (self->context_label), TRUE);
}

/* Where the passage is: its paragraph, counting the article's blocks. */
static void
update_location (GlossAnnotationRow *self,
                 GlossSource        *source)
{
  g_autofree char *text = NULL;
  guint index;

  if (source == NULL || gloss_annotation_get_status (self->item) == GLOSS_ANCHOR_ORPHANED ||
      !gloss_source_find_block (source, gloss_annotation_get_start (self->item), &index))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->location_label), FALSE);
      return;
    }

  /* Translators: a paragraph number, such as “¶ 3” */
  text = g_strdup_printf (_("¶ %u"), index + 1);
  gtk_label_set_label (self->location_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->location_label), TRUE);
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  GlossAnnotationRow *self = user_data;
  double radius = MIN (width, height) / 2.0;

  gdk_cairo_set_source_rgba (cr, &self->color);
  cairo_arc (cr, width / 2.0, height / 2.0, radius, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
update_accessible_label (GlossAnnotationRow *self)
{
  g_autofree char *label = NULL;

  if (self->item == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }

  /* Translators: how a screen reader names an annotation in the
   * sidebar: the label of its tag, then its quote */
  label = g_strdup_printf (_("%s: %s"),
                           self->tag_label_text ? self->tag_label_text : "",
                           gtk_label_get_label (self->quote_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* "Verdict: False", as the sidebar's codebook names them. */
static void
update_attributes (GlossAnnotationRow *self)
{
  GtkWidget *sidebar = gtk_widget_get_ancestor (GTK_WIDGET (self), GLOSS_TYPE_SIDEBAR);
  GlossDocument *document = sidebar ? gloss_sidebar_get_document (GLOSS_SIDEBAR (sidebar)) : NULL;
  g_autofree char *text = NULL;

  if (self->item != NULL && gloss_annotation_get_attributes (self->item) != NULL)
    text = gloss_attributes_describe (document ? gloss_document_get_codebook (document) : NULL, self->item);
  gtk_label_set_label (self->attributes_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->attributes_label), text != NULL && *text != '\0');
}

/* The tag's label and colour, and the annotator, as the sidebar that
 * shows the row knows them; the row cannot know them before it is in
 * one. */
static void
update_from_sidebar (GlossAnnotationRow *self)
{
  GtkWidget *sidebar;
  GlossTag *tag = NULL;
  const char *tag_id;
  const char *color = NULL;

  if (self->item == NULL)
    return;

  tag_id = gloss_annotation_get_tag (self->item);
  sidebar = gtk_widget_get_ancestor (GTK_WIDGET (self), GLOSS_TYPE_SIDEBAR);
  if (sidebar != NULL)
    {
      const char *person = _gloss_sidebar_get_annotator_colour_for (GLOSS_SIDEBAR (sidebar), self->item);
      g_autofree char *dot = NULL;

      GlossDocument *document = gloss_sidebar_get_document (GLOSS_SIDEBAR (sidebar));

      tag = gloss_sidebar_lookup_tag (GLOSS_SIDEBAR (sidebar), tag_id);
      update_location (self, document != NULL ? gloss_document_get_source (document) : NULL);
      gloss_annotation_row_set_annotator (self,
                                          _gloss_sidebar_get_annotator_for (GLOSS_SIDEBAR (sidebar),
                                                                            self->item));
      /* A teammate's name goes with a dot in their colour. */
      if (person != NULL)
        {
          dot = g_strdup_printf ("<span foreground=\"%s\">●</span>", person);
          gtk_label_set_markup (self->annotator_dot, dot);
        }
      gtk_widget_set_visible (GTK_WIDGET (self->annotator_dot), person != NULL);
    }

  if (tag != NULL)
    color = gloss_tag_get_color (tag);
  if (color == NULL || !gdk_rgba_parse (&self->color, color))
    gdk_rgba_parse (&self->color, UNKNOWN_TAG_COLOR);

  g_free (self->tag_label_text);
  self->tag_label_text = g_strdup (tag != NULL ? gloss_tag_get_label (tag) : tag_id);
  gtk_label_set_label (self->tag_label, self->tag_label_text);
  gtk_widget_queue_draw (GTK_WIDGET (self->swatch));
  update_attributes (self);

  update_accessible_label (self);
}

static void
update_quote (GlossAnnotationRow *self)
{
  g_autofree char *shown = dup_shown_quote (gloss_annotation_get_quote (self->item));

  gtk_label_set_label (self->quote_label, shown);
  update_context (self);
  update_accessible_label (self);
}

static void
update_status (GlossAnnotationRow *self)
{
  switch (gloss_annotation_get_status (self->item))
    {
    case GLOSS_ANCHOR_MOVED:
      gtk_label_set_label (self->status_label, _("Moved"));
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
      break;

    case GLOSS_ANCHOR_ORPHANED:
      gtk_label_set_label (self->status_label, _("Orphaned"));
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
      break;

    case GLOSS_ANCHOR_ANCHORED:
    default:
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
      break;
    }
}

static void
update_note (GlossAnnotationRow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->note_icon), gloss_annotation_has_note (self->item));
}

static void
item_notify_cb (GlossAnnotationRow *self,
                GParamSpec         *pspec,
                GlossAnnotation    *item)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "tag"))
    update_from_sidebar (self);
  else if (g_str_equal (name, "quote"))
    update_quote (self);
  else if (g_str_equal (name, "has-note"))
    update_note (self);
  else if (g_str_equal (name, "attributes"))
    update_attributes (self);
  else if (g_str_equal (name, "status"))
    update_status (self);
}

static gboolean
query_tooltip_cb (GlossAnnotationRow *self,
                  int                 x,
                  int                 y,
                  gboolean            keyboard_mode,
                  GtkTooltip         *tooltip)
{
  g_autofree char *text = NULL;

  if (self->item == NULL)
    return FALSE;

  if (gloss_annotation_has_note (self->item))
    text = g_strdup_printf ("%s\n\n%s",
                            gloss_annotation_get_quote (self->item),
                            gloss_annotation_get_note (self->item));
  else
    text = g_strdup (gloss_annotation_get_quote (self->item));

  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

static void
gloss_annotation_row_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (gloss_annotation_row_parent_class)->root (widget);

  /* A list view binds a row before it puts it in place. */
  update_from_sidebar (GLOSS_ANNOTATION_ROW (widget));
}

static void
gloss_annotation_row_dispose (GObject *object)
{
  GlossAnnotationRow *self = GLOSS_ANNOTATION_ROW (object);
  GtkWidget *child;

  if (self->item != NULL)
    g_clear_signal_handler (&self->notify_handler, self->item);
  g_clear_object (&self->item);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_ANNOTATION_ROW);
  /* It unparents the children the class binds only. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (gloss_annotation_row_parent_class)->dispose (object);
}

static void
gloss_annotation_row_finalize (GObject *object)
{
  GlossAnnotationRow *self = GLOSS_ANNOTATION_ROW (object);

  g_free (self->annotator);
  g_free (self->tag_label_text);

  G_OBJECT_CLASS (gloss_annotation_row_parent_class)->finalize (object);
}

static void
gloss_annotation_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  GlossAnnotationRow *self = GLOSS_ANNOTATION_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_ANNOTATOR:
      g_value_set_string (value, self->annotator);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_annotation_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  GlossAnnotationRow *self = GLOSS_ANNOTATION_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      gloss_annotation_row_set_item (self, g_value_get_object (value));
      break;

    case PROP_ANNOTATOR:
      gloss_annotation_row_set_annotator (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_annotation_row_class_init (GlossAnnotationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_annotation_row_dispose;
  object_class->finalize = gloss_annotation_row_finalize;
  object_class->get_property = gloss_annotation_row_get_property;
  object_class->set_property = gloss_annotation_row_set_property;

  widget_class->root = gloss_annotation_row_root;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, GLOSS_TYPE_ANNOTATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANNOTATOR] =
    g_param_spec_string ("annotator", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  _gloss_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "gloss-annotation-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, swatch);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, tag_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, annotator_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, annotator_dot);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, note_icon);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, attributes_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, quote_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, location_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, context_label);
  gtk_widget_class_bind_template_callback (widget_class, query_tooltip_cb);

  gtk_widget_class_set_css_name (widget_class, "glossannotationrow");
}

static void
gloss_annotation_row_init (GlossAnnotationRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->annotator = g_strdup ("");
  gdk_rgba_parse (&self->color, UNKNOWN_TAG_COLOR);
  gtk_drawing_area_set_draw_func (self->swatch, draw_swatch, self, NULL);
}

GtkWidget *
gloss_annotation_row_new (void)
{
  return g_object_new (GLOSS_TYPE_ANNOTATION_ROW, NULL);
}

GlossAnnotation *
gloss_annotation_row_get_item (GlossAnnotationRow *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_ROW (self), NULL);
  return self->item;
}

void
gloss_annotation_row_set_item (GlossAnnotationRow *self,
                               GlossAnnotation    *item)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_ROW (self));
  g_return_if_fail (item == NULL || GLOSS_IS_ANNOTATION (item));

  if (self->item == item)
    return;

  if (self->item != NULL)
    g_clear_signal_handler (&self->notify_handler, self->item);
  g_set_object (&self->item, item);

  if (item != NULL)
    {
      self->notify_handler = g_signal_connect_swapped (item, "notify",
                                                       G_CALLBACK (item_notify_cb), self);
      update_quote (self);
      update_status (self);
      update_note (self);
      update_from_sidebar (self);
    }
  else
    {
      gtk_label_set_label (self->quote_label, "");
      gtk_label_set_label (self->tag_label, "");
      update_accessible_label (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

const char *
gloss_annotation_row_get_annotator (GlossAnnotationRow *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_ROW (self), NULL);
  return self->annotator;
}

void
gloss_annotation_row_set_annotator (GlossAnnotationRow *self,
                                    const char         *annotator)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_ROW (self));

  if (annotator == NULL)
    annotator = "";
  if (g_strcmp0 (self->annotator, annotator) == 0)
    return;

  g_free (self->annotator);
  self->annotator = g_strdup (annotator);
  gtk_label_set_label (self->annotator_label, annotator);
  gtk_widget_set_visible (GTK_WIDGET (self->annotator_label), *annotator != '\0');

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATOR]);
}

void
gloss_annotation_row_refresh (GlossAnnotationRow *self)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_ROW (self));

  update_from_sidebar (self);
}
