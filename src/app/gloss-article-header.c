/* gloss-article-header.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-article-header"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-application.h"
#include "gloss-article-header.h"

#define RESOURCE_PATH "/io/github/glossannotator/Gloss/"

/* The rows of the details grid, in their order in the template. */
enum {
  ROW_AUTHOR,
  ROW_DATE,
  ROW_SITE,
  ROW_PUBLISHER,
  ROW_LANGUAGE,
  ROW_URL,
  N_ROWS
};

/* The metadata key each row shows. */
static const char * const row_keys[N_ROWS] = {
  "author", "date", "site_name", "publisher", "language", "url",
};

struct _GlossArticleHeader
{
  GtkWidget parent_instance;

  GtkLabel *title_label;
  GtkLabel *description_label;
  GtkWidget *details;
  GtkLabel *names[N_ROWS];
  GtkLabel *values[N_ROWS];

  GlossSource *source;
  double scale;
};

G_DEFINE_FINAL_TYPE (GlossArticleHeader, gloss_article_header, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A value worth showing: some text that is not only white space. */
static const char *
metadata_value (GlossSource *source,
                const char  *key)
{
  const char *value;

  if (source == NULL)
    return NULL;

  value = gloss_source_get_metadata (source, key);
  if (value == NULL)
    return NULL;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return value;

  return NULL;
}

/* Only web addresses become links: a page could name any URI as its
 * address, and a click must not open a local file or run a program. */
static gboolean
is_web_address (const char *url)
{
  return g_ascii_strncasecmp (url, "https://", 8) == 0 ||
         g_ascii_strncasecmp (url, "http://", 7) == 0;
}

/* A date as people write it ("4 March 2026") when the page gives it in
 * ISO 8601, as most do; anything else as it is. */
static char *
readable_date (const char *value)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 (value, utc);

  if (date == NULL && strlen (value) == 10)
    {
      g_autofree char *midnight = g_strconcat (value, "T00:00:00", NULL);

      date = g_date_time_new_from_iso8601 (midnight, utc);
    }
  if (date == NULL)
    return g_strdup (value);

  /* Translators: how a publication date is shown in the article header;
   * see g_date_time_format() for the codes */
  return g_date_time_format (date, _("%-d %B %Y"));
}

/* The languages articles are most often written in, by ISO 639-1 code. */
static const struct
{
  const char *code;
  const char *name;
} languages[] = {
  { "ar", N_("Arabic") },
  { "br", N_("Breton") },
  { "ca", N_("Catalan") },
  { "co", N_("Corsican") },
  { "da", N_("Danish") },
  { "de", N_("German") },
  { "el", N_("Greek") },
  { "en", N_("English") },
  { "es", N_("Spanish") },
  { "eu", N_("Basque") },
  { "fr", N_("French") },
  { "it", N_("Italian") },
  { "ja", N_("Japanese") },
  { "la", N_("Latin") },
  { "nl", N_("Dutch") },
  { "oc", N_("Occitan") },
  { "pl", N_("Polish") },
  { "pt", N_("Portuguese") },
  { "ru", N_("Russian") },
  { "sv", N_("Swedish") },
  { "tr", N_("Turkish") },
  { "uk", N_("Ukrainian") },
  { "zh", N_("Chinese") },
};

/* A language tag ("fr", "fr-CA", "en_GB") by the name of its language,
 * when Gloss knows it; anything else as it is. */
static char *
readable_language (const char *value)
{
  gsize length = strcspn (value, "-_");

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (length == 2 && g_ascii_strncasecmp (value, languages[i].code, 2) == 0)
      return g_strdup (_(languages[i].name));

  return g_strdup (value);
}

static gboolean
show_label (GtkLabel   *label,
            const char *text)
{
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
  gtk_label_set_label (label, text != NULL ? text : "");
  return text != NULL;
}

static void
update (GlossArticleHeader *self)
{
  gboolean any = FALSE;
  gboolean any_row = FALSE;

  any |= show_label (self->title_label, metadata_value (self->source, "title"));
  any |= show_label (self->description_label, metadata_value (self->source, "description"));

  for (guint i = 0; i < N_ROWS; i++)
    {
      const char *value = metadata_value (self->source, row_keys[i]);

      g_autofree char *readable = NULL;

      gtk_widget_set_visible (GTK_WIDGET (self->names[i]), value != NULL);
      gtk_label_set_use_markup (self->values[i], FALSE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->values[i]), NULL);
      if ((i == ROW_DATE || i == ROW_LANGUAGE) && value != NULL)
        {
          /* The page's own value stays at hand: the time and zone of a
           * date, the region of a language. */
          readable = i == ROW_DATE ? readable_date (value) : readable_language (value);
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->values[i]), value);
        }
      show_label (self->values[i], readable != NULL ? readable : value);

      if (i == ROW_URL && value != NULL && is_web_address (value))
        {
          g_autofree char *markup = g_markup_printf_escaped ("<a href=\"%s\">%s</a>", value, value);

          gtk_label_set_markup (self->values[i], markup);
        }

      any_row |= value != NULL;
    }

  gtk_widget_set_visible (self->details, any_row);
  gtk_widget_set_visible (GTK_WIDGET (self), any || any_row);
}

static void
set_label_scale (GtkLabel *label,
                 double    scale)
{
  g_autoptr(PangoAttrList) attrs = NULL;

  if (scale != 1.0)
    {
      attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
    }

  gtk_label_set_attributes (label, attrs);
}

void
gloss_article_header_set_scale (GlossArticleHeader *self,
                                double              scale)
{
  g_return_if_fail (GLOSS_IS_ARTICLE_HEADER (self));
  g_return_if_fail (scale > 0);

  if (self->scale == scale)
    return;

  self->scale = scale;
  set_label_scale (self->title_label, scale);
  set_label_scale (self->description_label, scale);
  for (guint i = 0; i < N_ROWS; i++)
    {
      set_label_scale (self->names[i], scale);
      set_label_scale (self->values[i], scale);
    }
}

void
gloss_article_header_set_source (GlossArticleHeader *self,
                                 GlossSource        *source)
{
  g_return_if_fail (GLOSS_IS_ARTICLE_HEADER (self));
  g_return_if_fail (source == NULL || GLOSS_IS_SOURCE (source));

  if (!g_set_object (&self->source, source))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

GlossSource *
gloss_article_header_get_source (GlossArticleHeader *self)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE_HEADER (self), NULL);
  return self->source;
}

static void
gloss_article_header_dispose (GObject *object)
{
  GlossArticleHeader *self = GLOSS_ARTICLE_HEADER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_ARTICLE_HEADER);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (gloss_article_header_parent_class)->dispose (object);
}

static void
gloss_article_header_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  GlossArticleHeader *self = GLOSS_ARTICLE_HEADER (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_article_header_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  GlossArticleHeader *self = GLOSS_ARTICLE_HEADER (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      gloss_article_header_set_source (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_article_header_class_init (GlossArticleHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_article_header_dispose;
  object_class->get_property = gloss_article_header_get_property;
  object_class->set_property = gloss_article_header_set_property;

  properties[PROP_SOURCE] =
    g_param_spec_object ("source", NULL, NULL, GLOSS_TYPE_SOURCE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  _gloss_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "gloss-article-header.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossArticleHeader, title_label);
  gtk_widget_class_bind_template_child (widget_class, GlossArticleHeader, description_label);
  gtk_widget_class_bind_template_child (widget_class, GlossArticleHeader, details);
  gtk_widget_class_bind_template_child_full (widget_class, "author_name", FALSE,
                                             G_STRUCT_OFFSET (GlossArticleHeader, names[ROW_AUTHOR]));
  gtk_widget_class_bind_template_child_full (widget_class, "date_name", FALSE,
                                             G_STRUCT_OFFSET (GlossArticleHeader, names[ROW_DATE]));
  gtk_widget_class_bind_template_child_full (widget_class, "site_name", FALSE,
                                             G_STRUCT_OFFSET (GlossArticleHeader, names[ROW_SITE]));
  gtk_widget_class_bind_template_child_full (widget_class, "publisher_name", FALSE,
                                             G_STRUCT_OFFSET (GlossArticleHeader, names[ROW_PUBLISHER]));
  gtk_widget_class_bind_template_child_full (widget_class, "language_name", FALSE,
                                             G_STRUCT_OFFSET (GlossArticleHeader, names[ROW_LANGUAGE]));
  gtk_widget_class_bind_template_child_full (widget_class, "url_name", FALSE,
                                             G_STRUCT_OFFSET (GlossArticleHeader, names[ROW_URL]));
  gtk_widget_class_bind_template_child_full (widget_class, "author_value", FALSE,
                                             G_STRUCT_OFFSET (GlossArticleHeader, values[ROW_AUTHOR]));
  gtk_widget_class_bind_template_child_full (widget_class, "date_value", FALSE,
                                             G_STRUCT_OFFSET (GlossArticleHeader, values[ROW_DATE]));
  gtk_widget_class_bind_template_child_full (widget_class, "site_value", FALSE,
                                             G_STRUCT_OFFSET (GlossArticleHeader, values[ROW_SITE]));
  gtk_widget_class_bind_template_child_full (widget_class, "publisher_value", FALSE,
                                             G_STRUCT_OFFSET (GlossArticleHeader, values[ROW_PUBLISHER]));
  gtk_widget_class_bind_template_child_full (widget_class, "language_value", FALSE,
                                             G_STRUCT_OFFSET (GlossArticleHeader, values[ROW_LANGUAGE]));
  gtk_widget_class_bind_template_child_full (widget_class, "url_value", FALSE,
                                             G_STRUCT_OFFSET (GlossArticleHeader, values[ROW_URL]));

  gtk_widget_class_set_css_name (widget_class, "glossarticleheader");
}

static void
gloss_article_header_init (GlossArticleHeader *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->scale = 1.0;
  update (self);
}

GtkWidget *
gloss_article_header_new (void)
{
  return g_object_new (GLOSS_TYPE_ARTICLE_HEADER, NULL);
}
