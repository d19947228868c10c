/* test-window-french.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Runs a real Gloss window in French, with the catalogue of the build, and
 * checks the words a person sees: the header, the main menu, the sidebar,
 * the tags, the welcome page and the keyboard shortcuts. */

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "article-test-util.h"
#include "gloss-codebook.h"

#define ARTICLE \
  "Acme Corp won the contract.\n" \
  "\n" \
  "Rivals said Acme Corp paid too little, and Zenith Ltd appealed.\n" \
  "The council claims savings of 4 million.\n"

/* U+00A0 NO-BREAK SPACE, which French puts before “:” and inside « ». */
#define NBSP "\xc2\xa0"

static gboolean french;

typedef struct
{
  char *dir;
  char *article;
  GlossWindow *window;
} Fixture;

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* Every test starts with this: without the French locale there is
 * nothing to check. */
static gboolean
skip_without_french (void)
{
  if (french)
    return FALSE;

  g_test_skip ("the fr_FR.UTF-8 locale is missing: build-aux/test generates it");
  return TRUE;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  if (!french)
    return;

  f->dir = g_dir_make_tmp ("gloss-window-french-XXXXXX", &error);
  g_assert_no_error (error);
  f->article = g_build_filename (f->dir, "a.txt", NULL);
  write_file (f->article, ARTICLE);

  file = g_file_new_for_path (f->article);
  f->window = gloss_window_new (test_application ());
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (open_in_window (f->window, file));
  settle ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    close_window (f->window);
  if (f->dir != NULL)
    delete_tree (f->dir);
  g_free (f->dir);
  g_free (f->article);
}

/* Widgets */

typedef gboolean (*WidgetMatch) (GtkWidget  *widget,
                                 const char *data);

/* The first widget under @root (itself included), depth first, that
 * @match accepts. */
static GtkWidget *
find_widget (GtkWidget   *root,
             WidgetMatch  match,
             const char  *data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_label_with_text (GtkWidget  *widget,
                    const char *text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_label_with_class (GtkWidget  *widget,
                     const char *css_class)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class);
}

static gboolean
is_named (GtkWidget  *widget,
          const char *name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
is_primary_menu_button (GtkWidget  *widget,
                        const char *unused)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

static gboolean
is_menu_button_with_label (GtkWidget  *widget,
                           const char *label)
{
  return GTK_IS_MENU_BUTTON (widget) &&
         g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), label) == 0;
}

static gboolean
is_button_with_label (GtkWidget  *widget,
                      const char *label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_popover (GtkWidget  *widget,
            const char *unused)
{
  return GTK_IS_POPOVER (widget);
}

static gboolean
is_shortcuts_group_titled (GtkWidget  *widget,
                           const char *title)
{
  g_autofree char *value = NULL;

  if (!GTK_IS_SHORTCUTS_GROUP (widget))
    return FALSE;
  g_object_get (widget, "title", &value, NULL);
  return g_strcmp0 (value, title) == 0;
}

static gboolean
is_shortcut_titled (GtkWidget  *widget,
                    const char *title)
{
  g_autofree char *value = NULL;

  if (!GTK_IS_SHORTCUTS_SHORTCUT (widget))
    return FALSE;
  g_object_get (widget, "title", &value, NULL);
  return g_strcmp0 (value, title) == 0;
}

/* Every text the labels under @root show, one per line. */
static void
collect_label_texts (GtkWidget *root,
                     GString   *texts)
{
  if (GTK_IS_LABEL (root))
    g_string_append_printf (texts, "%s\n", gtk_label_get_text (GTK_LABEL (root)));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_label_texts (child, texts);
}

/* Every label of @model, its sections and submenus, one per line. */
static void
collect_menu_labels (GMenuModel *model,
                     GString    *labels)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuModel) section = NULL;
      g_autoptr(GMenuModel) submenu = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        g_string_append_printf (labels, "%s\n", label);

      section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      if (section != NULL)
        collect_menu_labels (section, labels);
      submenu = g_menu_model_get_item_link (model, i, G_MENU_LINK_SUBMENU);
      if (submenu != NULL)
        collect_menu_labels (submenu, labels);
    }
}

static gboolean
has_line (GString    *lines,
          const char *line)
{
  g_autofree char *needle = g_strdup_printf ("\n%s\n", line);
  g_autofree char *haystack = g_strdup_printf ("\n%s", lines->str);

  return strstr (haystack, needle) != NULL;
}

static GtkWidget *
header_bar_of (GlossWindow *window)
{
  GtkWidget *titlebar = gtk_window_get_titlebar (GTK_WINDOW (window));

  g_assert_true (GTK_IS_HEADER_BAR (titlebar));
  return titlebar;
}

static const char *
subtitle_of (GlossWindow *window)
{
  GtkWidget *subtitle = find_widget (header_bar_of (window), is_label_with_class, "subtitle");

  g_assert_nonnull (subtitle);
  g_assert_true (gtk_widget_get_visible (subtitle));
  return gtk_label_get_text (GTK_LABEL (subtitle));
}

static gboolean
is_saved (gpointer data)
{
  return gloss_document_get_save_state (data) == GLOSS_SAVE_STATE_SAVED;
}

/* Tests */

static void
test_header_subtitle (Fixture       *f,
                      gconstpointer  data)
{
  GlossDocument *document;

  if (skip_without_french ())
    return;

  document = gloss_window_get_document (f->window);

  /* Nothing to save yet: the work counts as saved. */
  g_assert_cmpstr (subtitle_of (f->window), ==, "Test Person · Enregistré");
  /* The article's own title is never translated. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Acme Corp won the contract.");

  /* A new annotation waits for the autosave, then is saved. */
  gloss_document_set_autosave_delay (document, 60 * 1000);
  gloss_text_view_select_range (gloss_window_get_text_view (f->window), 0, 9);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), "win.tag-key",
                                                     g_variant_new_int32 (1)));
  settle ();
  g_assert_cmpstr (subtitle_of (f->window), ==, "Test Person · Pas encore enregistré");

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), "win.save", NULL));
  wait_until (is_saved, document);
  settle ();
  g_assert_cmpstr (subtitle_of (f->window), ==, "Test Person · Enregistré");
}

static void
test_primary_menu (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *button;
  GMenuModel *model;
  g_autoptr(GString) labels = g_string_new (NULL);

  if (skip_without_french ())
    return;

  button = find_widget (header_bar_of (f->window), is_primary_menu_button, NULL);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Menu principal");

  model = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_nonnull (model);
  collect_menu_labels (model, labels);

  g_assert_true (has_line (labels, "_Ouvrir…"));
  g_assert_true (has_line (labels, "_Nouvelle fenêtre"));
  g_assert_true (has_line (labels, "_Calques"));
  g_assert_true (has_line (labels, "_Grille de codage…"));
  g_assert_true (has_line (labels, "_Préférences"));
  g_assert_true (has_line (labels, "_Raccourcis clavier"));
  g_assert_true (has_line (labels, "À propos _de Gloss"));
  g_assert_false (has_line (labels, "_Open…"));
  g_assert_false (has_line (labels, "_Keyboard Shortcuts"));
}

static void
test_sidebar_empty_state (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *empty;

  if (skip_without_french ())
    return;

  empty = find_widget (GTK_WIDGET (f->window), is_named, "empty-label");
  g_assert_nonnull (empty);
  g_assert_true (GTK_IS_LABEL (empty));
  /* The sidebar shows it: nobody has annotated the article yet. */
  wait_until (is_mapped, empty);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (empty)), ==,
                   "Aucune annotation pour l’instant" NBSP ": "
                   "sélectionnez un passage et appuyez sur une touche de 1 à 9");
}

static void
test_tag_labels (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GlossCodebook) codebook = NULL;
  GlossCodebook *own;
  GtkWidget *tag_all;
  GtkWidget *text_view;
  GtkWidget *popover;
  g_autoptr(GString) labels = g_string_new (NULL);
  g_autoptr(GString) texts = g_string_new (NULL);

  if (skip_without_french ())
    return;

  /* The built-in tags speak the user's language; their ids do not. */
  codebook = gloss_codebook_new_default ();
  g_assert_cmpstr (gloss_tag_get_label (gloss_codebook_lookup (codebook, "company")), ==, "Entreprise");
  g_assert_cmpstr (gloss_tag_get_label (gloss_codebook_lookup (codebook, "controversy")), ==, "Controverse");
  g_assert_cmpstr (gloss_tag_get_label (gloss_codebook_lookup (codebook, "claim")), ==, "Affirmation");
  g_assert_cmpstr (gloss_tag_get_description (gloss_codebook_lookup (codebook, "company")), ==,
                   "Une entreprise, un groupe ou une société cités dans le texte");
  g_assert_cmpstr (gloss_tag_get_id (gloss_codebook_lookup (codebook, "company")), ==, "company");

  own = gloss_document_get_codebook (gloss_window_get_document (f->window));
  g_assert_cmpstr (gloss_tag_get_label (gloss_codebook_get_tag (own, 0)), ==, "Entreprise");

  /* The search bar's Tag All menu lists them. */
  tag_all = find_widget (GTK_WIDGET (f->window), is_menu_button_with_label, "_Tout étiqueter");
  g_assert_nonnull (tag_all);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (tag_all), ==,
                   "Étiqueter tous les résultats en une seule opération");
  collect_menu_labels (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (tag_all)), labels);
  g_assert_true (has_line (labels, "Entreprise"));
  g_assert_true (has_line (labels, "Controverse"));
  g_assert_true (has_line (labels, "Affirmation"));
  g_assert_false (has_line (labels, "Company"));

  /* So does the popover that tags the selection. */
  text_view = GTK_WIDGET (gloss_window_get_text_view (f->window));
  gloss_text_view_select_range (GLOSS_TEXT_VIEW (text_view), 0, 9);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), "win.tag-popover", NULL));
  settle ();
  popover = find_widget (text_view, is_popover, NULL);
  g_assert_nonnull (popover);
  collect_label_texts (popover, texts);
  g_assert_true (has_line (texts, "Entreprise"));
  g_assert_true (has_line (texts, "Controverse"));
  g_assert_true (has_line (texts, "Affirmation"));
  g_assert_false (has_line (texts, "Company"));
  gtk_popover_popdown (GTK_POPOVER (popover));
  settle ();
}

static void
test_welcome_page (Fixture       *f,
                   gconstpointer  data)
{
  GlossWindow *window;
  GtkWidget *title;
  GtkWidget *open;

  if (skip_without_french ())
    return;

  /* A window with no article shows the welcome page. */
  window = gloss_window_new (test_application ());
  gtk_window_present (GTK_WINDOW (window));
  settle ();

  title = find_widget (GTK_WIDGET (window), is_label_with_text, "Ouvrez un article à annoter");
  g_assert_nonnull (title);
  wait_until (is_mapped, title);
  g_assert_null (find_widget (GTK_WIDGET (window), is_label_with_text, "Open an article to annotate"));

  open = find_widget (GTK_WIDGET (window), is_button_with_label, "_Ouvrir…");
  g_assert_nonnull (open);
  g_assert_true (gtk_widget_get_mapped (open));
  g_assert_nonnull (find_widget (GTK_WIDGET (window), is_label_with_text,
                                 "Des articles en texte brut, des pages web ou du XML, ou les "
                                 "fichiers d’annotations placés à côté. Vous pouvez aussi déposer "
                                 "un fichier ici."));

  close_window (window);
}

static void
test_help_overlay (Fixture       *f,
                   gconstpointer  data)
{
  GtkShortcutsWindow *overlay;

  if (skip_without_french ())
    return;

  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (f->window));
  g_assert_nonnull (overlay);
  g_assert_nonnull (find_widget (GTK_WIDGET (overlay), is_shortcuts_group_titled, "Annotation"));
  g_assert_nonnull (find_widget (GTK_WIDGET (overlay), is_shortcuts_group_titled, "Recherche"));
  g_assert_nonnull (find_widget (GTK_WIDGET (overlay), is_shortcut_titled, "Raccourcis clavier"));
  g_assert_nonnull (find_widget (GTK_WIDGET (overlay), is_shortcut_titled, "Annuler"));
  g_assert_null (find_widget (GTK_WIDGET (overlay), is_shortcuts_group_titled, "Finding"));

  /* French is longer than English: it still fits a 1280 × 800 screen. */
  assert_help_overlay_fits (f->window);
}

/* U+202F NARROW NO-BREAK SPACE, French's thousands separator. */
#define NNBSP "\xe2\x80\xaf"

/* Whether @widget is drawn whole inside @ancestor, and as wide as its
 * text wants. */
static gboolean
fits_in (GtkWidget *widget,
         GtkWidget *ancestor)
{
  graphene_rect_t bounds;
  int natural;

  g_assert_true (gtk_widget_compute_bounds (widget, ancestor, &bounds));
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return bounds.origin.x >= 0 &&
         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (ancestor) &&
         bounds.size.width >= natural;
}

static gboolean
is_label_with_prefix (GtkWidget  *widget,
                      const char *prefix)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

/* Numbers in French take a narrow no-break space between thousands,
 * dates read "7 décembre 2026 à 14:32", and the sidebar's French words fit
 * its width. */
static void
test_readable_numbers_and_dates (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GString) article = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *year = NULL;
  GlossWindow *window;
  GtkWidget *sidebar, *widget, *entry;
  g_autoptr(GString) texts = g_string_new (NULL);

  if (skip_without_french ())
    return;

  for (guint i = 0; i < 1200; i++)
    g_string_append (article, "Acme Corp won. ");
  path = g_build_filename (f->dir, "long.txt", NULL);
  write_file (path, article->str);
  file = g_file_new_for_path (path);
  window = gloss_window_new (test_application ());
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (open_in_window (window, file));
  settle ();

  /* 1 200 matches, then 1 200 passages tagged at once. */
  gloss_text_view_select_range (gloss_window_get_text_view (window), 0, 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  settle ();
  collect_label_texts (GTK_WIDGET (window), texts);
  g_assert_true (has_line (texts, "1" NNBSP "200 résultats"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-all", "s", "company"));
  settle ();
  g_assert_cmpstr (gloss_window_get_notice_text (window), ==, "1" NNBSP "200 passages étiquetés.");

  /* The inspector's date, in French words. */
  gloss_text_view_select (gloss_window_get_text_view (window),
                          g_list_model_get_item (G_LIST_MODEL (gloss_document_get_layer (gloss_window_get_document (window))), 0),
                          FALSE);
  settle ();
  widget = find_widget (GTK_WIDGET (window), is_label_with_prefix, "Créée le ");
  g_assert_nonnull (widget);
  year = g_date_time_format (now, " %Y à ");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (widget)), year));
  g_assert_null (strchr (gtk_label_get_text (GTK_LABEL (widget)), '/'));

  /* The sidebar's chip says 1 200 and fits, as does the filter's
   * placeholder. */
  draw_frames (GTK_WIDGET (window));
  sidebar = find_widget (GTK_WIDGET (window), is_named, "tag-counts");
  g_assert_nonnull (sidebar);
  sidebar = gtk_widget_get_ancestor (sidebar, GTK_TYPE_BOX);
  widget = find_widget (GTK_WIDGET (window), is_label_with_text, "● Entreprise 1" NNBSP "200");
  g_assert_nonnull (widget);
  g_assert_true (fits_in (widget, sidebar));

  /* So do the tag bar's French labels, whole, above the text. */
  for (guint i = 0; i < 3; i++)
    {
      static const char * const labels[] = { "Entreprise", "Controverse", "Affirmation" };
      GtkWidget *bar = find_widget (GTK_WIDGET (window), is_named, "tag-bar");

      widget = find_widget (bar, is_label_with_text, labels[i]);
      g_assert_nonnull (widget);
      g_assert_true (gtk_widget_get_mapped (widget));
      g_assert_true (fits_in (widget, bar));
    }
  entry = find_widget (GTK_WIDGET (window), is_named, "filter-entry");
  g_assert_nonnull (entry);
  widget = find_widget (entry, is_label_with_text, "Filtrer les annotations");
  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_true (fits_in (widget, sidebar));

  close_window (window);
}

int
main (int    argc,
      char **argv)
{
  const char *localedir;

  /* French before GTK starts, and GTK must not set the locale from the
   * environment (the tests run with LC_ALL=C.UTF-8). */
  g_unsetenv ("LANGUAGE");
  french = setlocale (LC_ALL, "fr_FR.UTF-8") != NULL;
  localedir = g_getenv ("GLOSS_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_disable_setlocale ();

  gtk_test_init (&argc, &argv, NULL);
  /* Nothing here waits for files or threads: each wait fails after 5 s. */
  wait_limit = 5;

  if (french)
    {
      g_assert_true (g_str_has_prefix (setlocale (LC_MESSAGES, NULL), "fr_FR"));
      article_test_start_app ("Test Person");
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/window-french/header-subtitle", test_header_subtitle);
  ADD ("/window-french/primary-menu", test_primary_menu);
  ADD ("/window-french/sidebar-empty-state", test_sidebar_empty_state);
  ADD ("/window-french/tag-labels", test_tag_labels);
  ADD ("/window-french/welcome-page", test_welcome_page);
  ADD ("/window-french/help-overlay", test_help_overlay);
  ADD ("/window-french/readable-numbers-and-dates", test_readable_numbers_and_dates);

#undef ADD

  return article_test_run ();
}
