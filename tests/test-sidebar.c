/* test-sidebar.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "file-test-util.h"
#include "gloss-annotation-row.h"
#include "gloss-annotator-style.h"
#include "gloss-inspector.h"
#include "gloss-sidebar.h"

#define ARTICLE "The quick brown fox jumps over the lazy dog. " \
                "Acme Corporation disputed the claim that sales rose by ten percent.\n"

/* Repeated after the article for the large layer, to make room for
 * 100,000 different spans of up to nine characters. */
#define LONG_TAIL "Lorem ipsum dolor sit amet, consectetur adipiscing elit. "
#define LONG_TAIL_REPEAT 200

/* The longest any wait may take before the test fails; valgrind needs
 * some room. */
#define WAIT_LIMIT 20000

typedef struct
{
  char *folder;
  GlossDocument *document;
  GlossLayer *layer;
  GtkWindow *window;
  GlossSidebar *sidebar;
  GlossInspector *inspector;

  /* Read from the own file: one of them has a tag the codebook lacks,
   * two cannot be placed exactly any more. */
  GlossAnnotation *acme;
  GlossAnnotation *legal;
  GlossAnnotation *moved;
  GlossAnnotation *orphaned;
  /* Added through the layer. */
  GlossAnnotation *quick;
  GlossAnnotation *brown;
  GlossAnnotation *fox;
  GlossAnnotation *dog;
} Fixture;

/* The character offset of @needle in the (ASCII) article. */
static guint
offset_of (const char *needle)
{
  const char *found = strstr (ARTICLE, needle);

  g_assert_nonnull (found);
  return found - ARTICLE;
}

/* The main loop */

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, set_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs the main loop until nothing is left to do. */
static void
settle (void)
{
  gboolean timed_out = FALSE;
  guint guard = g_timeout_add (WAIT_LIMIT, set_flag_cb, &timed_out);

  while (!timed_out && g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  if (timed_out)
    g_error ("the main loop did not become idle");
  g_source_remove (guard);
}

/* Runs the main loop until @condition holds. */
static void
wait_for (gboolean  (*condition) (gpointer data),
          gpointer    data,
          const char *what)
{
  gboolean timed_out = FALSE;
  guint guard = g_timeout_add (WAIT_LIMIT, set_flag_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("timed out waiting for %s", what);
  g_source_remove (guard);
}

/* Widgets */

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  /* A collapsed expander keeps its child out of the tree. */
  if (GTK_IS_EXPANDER (root) && gtk_expander_get_child (GTK_EXPANDER (root)) != NULL &&
      gtk_widget_get_parent (gtk_expander_get_child (GTK_EXPANDER (root))) == NULL)
    return find_named (gtk_expander_get_child (GTK_EXPANDER (root)), name);

  return NULL;
}

static GtkWidget *
get_named (gpointer    root,
           const char *name)
{
  GtkWidget *widget = find_named (GTK_WIDGET (root), name);

  if (widget == NULL)
    g_error ("no widget named “%s”", name);

  return widget;
}

static GtkSingleSelection *
list_selection (Fixture    *f,
                const char *name)
{
  GtkListView *view = GTK_LIST_VIEW (get_named (f->sidebar, name));

  return GTK_SINGLE_SELECTION (gtk_list_view_get_model (view));
}

static guint
list_length (Fixture    *f,
             const char *name)
{
  return g_list_model_get_n_items (G_LIST_MODEL (list_selection (f, name)));
}

static GtkFilterListModel *
list_filter_model (Fixture    *f,
                   const char *name)
{
  return GTK_FILTER_LIST_MODEL (gtk_single_selection_get_model (list_selection (f, name)));
}

/* The lists hold the layer's annotations, which outlive the call. */
static GlossAnnotation *
item_at (GtkSingleSelection *selection,
         guint               position)
{
  g_autoptr(GlossAnnotation) item = g_list_model_get_item (G_LIST_MODEL (selection), position);

  return item;
}

static GlossAnnotationRow *
find_row (GtkWidget       *root,
          GlossAnnotation *annotation)
{
  if (GLOSS_IS_ANNOTATION_ROW (root) &&
      gloss_annotation_row_get_item (GLOSS_ANNOTATION_ROW (root)) == annotation)
    return GLOSS_ANNOTATION_ROW (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GlossAnnotationRow *found = find_row (child, annotation);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static const char *
label_text (gpointer    root,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (get_named (root, name)));
}

/* The texts of the tag counts, in order, joined by "|". */
static char *
dup_counts (Fixture *f)
{
  GtkWidget *box = get_named (f->sidebar, "tag-counts");
  GString *texts = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (texts->len > 0)
        g_string_append_c (texts, '|');
      g_string_append (texts, gtk_label_get_text (GTK_LABEL (label)));
    }

  return g_string_free (texts, FALSE);
}

typedef struct
{
  Fixture *fixture;
  const char *list;
  guint n;
} LengthWait;

static gboolean
has_length (gpointer data)
{
  LengthWait *wait = data;

  return gtk_filter_list_model_get_pending (list_filter_model (wait->fixture, wait->list)) == 0 &&
         list_length (wait->fixture, wait->list) == wait->n;
}

static void
wait_for_length (Fixture    *f,
                 const char *list,
                 guint       n)
{
  LengthWait wait = { f, list, n };

  wait_for (has_length, &wait, list);
}

static void
set_filter_text (Fixture    *f,
                 const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (get_named (f->sidebar, "filter-entry")), text);
}

static void
set_tag_filter (Fixture *f,
                guint    position)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (get_named (f->sidebar, "tag-filter")), position);
}

/* The position of the tag @id in the inspector's drop-down. */
static guint
tag_choice_position (Fixture    *f,
                     const char *id)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (get_named (f->inspector, "tag-choice"));
  GListModel *tags = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(GlossTag) tag = g_list_model_get_item (tags, i);

      if (g_strcmp0 (gloss_tag_get_id (tag), id) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static char *
dup_note_text (Fixture *f)
{
  GtkTextView *view = GTK_TEXT_VIEW (get_named (f->inspector, "note-editor"));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
type_note (Fixture    *f,
           const char *text)
{
  GtkTextView *view = GTK_TEXT_VIEW (get_named (f->inspector, "note-editor"));

  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (view), text, -1);
}

/* The fixture */

static void
write_in_folder (const char *folder,
                 const char *name,
                 const char *data)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);

  write_file (path, data);
}

/* The user's own annotation file, written for another version of the
 * article (its text hash differs), so that every annotation is looked
 * for again. */
static char *
own_file_json (void)
{
  guint acme = offset_of ("Acme Corporation");
  guint disputed = offset_of ("disputed");

  return g_strdup_printf (
    "{\n"
    "  \"gloss\": 1,\n"
    "  \"source\": { \"path\": \"article.txt\",\n"
    "              \"text_sha256\": \"%064d\" },\n"
    "  \"annotator\": { \"id\": \"me\", \"name\": \"Me\" },\n"
    "  \"tags\": [ { \"id\": \"legal\", \"label\": \"Legal Matter\", \"color\": \"#26a269\" } ],\n"
    "  \"annotations\": [\n"
    "    { \"id\": \"acme\", \"tag\": \"company\", \"start\": %u, \"end\": %u,\n"
    "      \"quote\": \"Acme Corporation\", \"note\": \"Check the spelling\",\n"
    "      \"created\": \"2026-01-02T03:04:05Z\", \"modified\": \"2026-01-02T03:04:05Z\" },\n"
    "    { \"id\": \"legal\", \"tag\": \"legal\", \"start\": %u, \"end\": %u,\n"
    "      \"quote\": \"disputed\" },\n"
    "    { \"id\": \"moved\", \"tag\": \"claim\", \"start\": 1, \"end\": 26,\n"
    "      \"quote\": \"sales rose by ten percent\" },\n"
    "    { \"id\": \"orphaned\", \"tag\": \"controversy\", \"start\": 0, \"end\": 15,\n"
    "      \"quote\": \"purple elephant\" }\n"
    "  ]\n"
    "}\n",
    0, acme, acme + 16, disputed, disputed + 8);
}

static GlossAnnotation *
annotate (GlossLayer *layer,
          const char *tag,
          const char *quote,
          const char *note)
{
  guint start = offset_of (quote);
  GlossAnnotation *annotation;

  annotation = gloss_layer_annotate (layer, tag, start, start + strlen (quote), note);
  g_assert_nonnull (annotation);

  return annotation;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) article = NULL;
  g_autofree char *article_path = NULL;
  g_autofree char *json = own_file_json ();
  GtkWidget *box;

  f->folder = g_dir_make_tmp ("gloss-test-sidebar-XXXXXX", &error);
  g_assert_no_error (error);
  /* @data: text repeated after the article, for a test that needs room. */
  {
    g_autoptr(GString) text = g_string_new (ARTICLE);

    for (guint i = 0; data != NULL && i < LONG_TAIL_REPEAT; i++)
      g_string_append (text, data);
    write_in_folder (f->folder, "article.txt", text->str);
  }
  write_in_folder (f->folder, "article.txt.me.gloss.json", json);

  article_path = g_build_filename (f->folder, "article.txt", NULL);
  article = g_file_new_for_path (article_path);
  f->document = gloss_document_new_for_article (article, "me", "Me", NULL, &error);
  g_assert_no_error (error);
  /* Nothing is written while the test runs. */
  gloss_document_set_autosave_delay (f->document, 3600 * 1000);
  f->layer = gloss_document_get_layer (f->document);

  f->acme = gloss_layer_lookup (f->layer, "acme");
  f->legal = gloss_layer_lookup (f->layer, "legal");
  f->moved = gloss_layer_lookup (f->layer, "moved");
  f->orphaned = gloss_layer_lookup (f->layer, "orphaned");
  g_assert_cmpint (gloss_annotation_get_status (f->acme), ==, GLOSS_ANCHOR_ANCHORED);
  g_assert_cmpint (gloss_annotation_get_status (f->legal), ==, GLOSS_ANCHOR_ANCHORED);
  g_assert_cmpint (gloss_annotation_get_status (f->moved), ==, GLOSS_ANCHOR_MOVED);
  g_assert_cmpint (gloss_annotation_get_status (f->orphaned), ==, GLOSS_ANCHOR_ORPHANED);

  f->quick = annotate (f->layer, "company", "quick", NULL);
  f->brown = annotate (f->layer, "company", "brown", NULL);
  f->fox = annotate (f->layer, "controversy", "fox", NULL);
  f->dog = annotate (f->layer, "claim", "lazy dog", "A sleepy animal");

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 900, 1000);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_window_set_child (f->window, box);

  f->sidebar = GLOSS_SIDEBAR (gloss_sidebar_new ());
  gtk_widget_set_size_request (GTK_WIDGET (f->sidebar), 360, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->sidebar));

  f->inspector = GLOSS_INSPECTOR (gloss_inspector_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (f->inspector), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->inspector));

  gloss_sidebar_set_document (f->sidebar, f->document);
  gloss_inspector_set_file (f->inspector, gloss_document_get_own_file (f->document));

  gtk_window_present (f->window);
  wait_for_length (f, "annotation-list", 6);
  wait_for_length (f, "attention-list", 2);
  settle ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  settle ();
  g_clear_object (&f->document);
  delete_tree (f->folder);
  g_free (f->folder);
}

/* The tests */

static void
test_lists (Fixture       *f,
            gconstpointer  data)
{
  GtkSingleSelection *attention = list_selection (f, "attention-list");
  GtkSingleSelection *main_list = list_selection (f, "annotation-list");

  g_assert_true (gloss_sidebar_get_shown_layer (f->sidebar) == f->layer);

  /* Anchored annotations in the main list, in the layer's order. */
  g_assert_cmpuint (list_length (f, "annotation-list"), ==, 6);
  g_assert_true (item_at (main_list, 0) == f->quick);

  /* The others in the attention list only. */
  g_assert_cmpuint (list_length (f, "attention-list"), ==, 2);
  g_assert_true (gtk_widget_get_visible (get_named (f->sidebar, "attention")));
  g_assert_true (item_at (attention, 0) == f->orphaned);
  g_assert_true (item_at (attention, 1) == f->moved);

  /* Only the own layer is there: no switcher. */
  g_assert_false (gtk_widget_get_visible (get_named (f->sidebar, "layer-switcher")));

  /* Deleting an annotation takes its row away. */
  g_assert_true (gloss_layer_remove (f->layer, f->brown));
  wait_for_length (f, "annotation-list", 5);

  /* Attaching an orphan moves it to the main list. */
  g_assert_true (gloss_layer_set_range (f->layer, f->orphaned, offset_of ("jumps"),
                                        offset_of ("jumps") + 5));
  wait_for_length (f, "annotation-list", 6);
  wait_for_length (f, "attention-list", 1);

  /* Once nothing needs attention the list is empty and hidden; undoing an
   * attachment brings the annotation back to it. */
  g_assert_true (gloss_layer_set_range (f->layer, f->moved, offset_of ("jumps"),
                                        offset_of ("jumps") + 4));
  wait_for_length (f, "attention-list", 0);
  settle ();
  g_assert_false (gtk_widget_get_visible (get_named (f->sidebar, "attention")));
  g_assert_true (gloss_layer_undo (f->layer));
  wait_for_length (f, "attention-list", 1);
  g_assert_true (item_at (attention, 0) == f->moved);
  g_assert_true (gtk_widget_get_visible (get_named (f->sidebar, "attention")));
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *empty = get_named (f->sidebar, "empty-label");

  /* "All tags", then the codebook's: company, controversy, claim. */
  set_tag_filter (f, 1);
  wait_for_length (f, "annotation-list", 3);

  set_filter_text (f, "DOG");
  wait_for_length (f, "annotation-list", 0);
  settle ();
  g_assert_true (gtk_widget_get_mapped (empty));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (empty)), ==, "No annotations match the filter");

  set_tag_filter (f, 0);
  wait_for_length (f, "annotation-list", 1);
  settle ();
  g_assert_false (gtk_widget_get_mapped (empty));

  /* Notes count as well as quotes, in any case. */
  set_filter_text (f, "Spelling");
  wait_for_length (f, "annotation-list", 1);
  set_filter_text (f, "a sleepy");
  wait_for_length (f, "annotation-list", 1);

  set_tag_filter (f, 3);
  set_filter_text (f, "");
  wait_for_length (f, "annotation-list", 1);

  set_tag_filter (f, 0);
  wait_for_length (f, "annotation-list", 6);

  /* Orphans never show in the main list, whatever the filter. */
  set_filter_text (f, "elephant");
  wait_for_length (f, "annotation-list", 0);
  g_assert_cmpuint (list_length (f, "attention-list"), ==, 2);
}

static void
test_selection (Fixture       *f,
                gconstpointer  data)
{
  GtkSingleSelection *main_list = list_selection (f, "annotation-list");
  GtkSingleSelection *attention = list_selection (f, "attention-list");

  gloss_sidebar_set_selected (f->sidebar, f->fox);
  g_assert_cmpuint (gtk_single_selection_get_selected (main_list), ==, 2);
  g_assert_cmpuint (gtk_single_selection_get_selected (attention), ==, GTK_INVALID_LIST_POSITION);

  /* The user selects a row. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (main_list), 5, TRUE);
  g_assert_true (gloss_sidebar_get_selected (f->sidebar) == f->legal);

  gloss_sidebar_set_selected (f->sidebar, f->moved);
  g_assert_cmpuint (gtk_single_selection_get_selected (main_list), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (gtk_single_selection_get_selected (attention), ==, 1);

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (attention), 0, TRUE);
  g_assert_true (gloss_sidebar_get_selected (f->sidebar) == f->orphaned);

  gloss_sidebar_set_selected (f->sidebar, NULL);
  g_assert_cmpuint (gtk_single_selection_get_selected (attention), ==, GTK_INVALID_LIST_POSITION);

  /* A filter that hides the row keeps the annotation selected, and the
   * row is selected again when it shows. */
  gloss_sidebar_set_selected (f->sidebar, f->dog);
  g_assert_cmpuint (gtk_single_selection_get_selected (main_list), ==, 3);
  set_filter_text (f, "corporation");
  wait_for_length (f, "annotation-list", 1);
  g_assert_true (gloss_sidebar_get_selected (f->sidebar) == f->dog);
  set_filter_text (f, "");
  wait_for_length (f, "annotation-list", 6);
  g_assert_cmpuint (gtk_single_selection_get_selected (main_list), ==, 3);

  /* Re-tagging moves the annotation within the layer; its row stays
   * selected. */
  g_assert_true (gloss_layer_set_tag (f->layer, f->dog, "company"));
  settle ();
  g_assert_true (gloss_sidebar_get_selected (f->sidebar) == f->dog);
  g_assert_cmpuint (gtk_single_selection_get_selected (main_list), ==, 3);

  /* Deleting the selected annotation unselects it. */
  g_assert_true (gloss_layer_remove (f->layer, f->dog));
  settle ();
  g_assert_null (gloss_sidebar_get_selected (f->sidebar));
}

static void
test_counts (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *counts = dup_counts (f);
  g_autofree char *later = NULL;

  g_assert_cmpstr (counts, ==, "● Company 3|● Controversy 2|● Claim 2|● Legal Matter 1");

  gloss_layer_begin_group (f->layer);
  annotate (f->layer, "claim", "jumps", NULL);
  annotate (f->layer, "claim", "over", NULL);
  gloss_layer_end_group (f->layer);
  settle ();

  later = dup_counts (f);
  g_assert_cmpstr (later, ==, "● Company 3|● Controversy 2|● Claim 4|● Legal Matter 1");
}

static void
test_unknown_tag (Fixture       *f,
                  gconstpointer  data)
{
  GlossAnnotationRow *row;
  GtkDropDown *dropdown;
  GlossTag *tag;

  /* The row shows the tag as the file describes it. */
  row = find_row (get_named (f->sidebar, "annotation-list"), f->legal);
  g_assert_nonnull (row);
  g_assert_cmpstr (label_text (row, "tag-label"), ==, "Legal Matter");
  g_assert_cmpstr (label_text (row, "quote-label"), ==, "disputed");
  g_assert_cmpstr (gloss_annotation_row_get_annotator (row), ==, "");

  tag = gloss_sidebar_lookup_tag (f->sidebar, "legal");
  g_assert_nonnull (tag);
  g_assert_cmpstr (gloss_tag_get_color (tag), ==, "#26a269");

  /* So does the inspector, after the codebook's tags. */
  gloss_inspector_set_annotation (f->inspector, f->legal);
  dropdown = GTK_DROP_DOWN (get_named (f->inspector, "tag-choice"));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 4);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 3);
  tag = gtk_drop_down_get_selected_item (dropdown);
  g_assert_cmpstr (gloss_tag_get_label (tag), ==, "Legal Matter");

  /* Another annotation has no need of it. */
  gloss_inspector_set_annotation (f->inspector, f->acme);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 3);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
}

static void
test_inspector (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *position = NULL;
  g_autofree char *note = NULL;
  guint start = offset_of ("Acme Corporation");

  g_assert_true (gtk_widget_get_mapped (get_named (f->inspector, "placeholder")));

  gloss_inspector_set_annotation (f->inspector, f->acme);
  settle ();
  g_assert_false (gtk_widget_get_mapped (get_named (f->inspector, "placeholder")));
  g_assert_cmpstr (label_text (f->inspector, "quote"), ==, "Acme Corporation");
  position = g_strdup_printf ("Characters %u–%u", start, start + 16);
  g_assert_cmpstr (label_text (f->inspector, "position"), ==, position);
  g_assert_true (g_str_has_prefix (label_text (f->inspector, "created"), "Created "));
  g_assert_false (gtk_widget_get_mapped (get_named (f->inspector, "status")));
  g_assert_false (gtk_widget_get_visible (get_named (f->inspector, "attach")));
  g_assert_false (gtk_widget_get_visible (get_named (f->inspector, "annotator")));
  g_assert_true (gtk_widget_get_sensitive (get_named (f->inspector, "note-editor")));

  note = dup_note_text (f);
  g_assert_cmpstr (note, ==, "Check the spelling");

  /* A moved annotation says so and offers to attach it. */
  gloss_inspector_set_annotation (f->inspector, f->moved);
  settle ();
  g_assert_cmpstr (label_text (f->inspector, "status"), ==, "Moved");
  g_assert_true (gtk_widget_get_mapped (get_named (f->inspector, "status-explanation")));
  g_assert_true (gtk_widget_get_visible (get_named (f->inspector, "attach")));

  /* A teammate's annotation cannot be changed. */
  gloss_inspector_set_editable (f->inspector, FALSE);
  g_assert_false (gtk_widget_get_sensitive (get_named (f->inspector, "note-editor")));
  g_assert_false (gtk_widget_get_sensitive (get_named (f->inspector, "tag-choice")));
  g_assert_false (gtk_widget_is_sensitive (get_named (f->inspector, "delete")));
  g_assert_cmpstr (label_text (f->inspector, "annotator"), ==, "By Me");

  gloss_inspector_set_annotation (f->inspector, NULL);
  settle ();
  g_assert_true (gtk_widget_get_mapped (get_named (f->inspector, "placeholder")));
  g_assert_false (gtk_widget_get_mapped (get_named (f->inspector, "quote")));
}

static void
test_note (Fixture       *f,
           gconstpointer  data)
{
  GlossHistory *history = gloss_layer_get_history (f->layer);
  guint steps;
  g_autofree char *shown = NULL;

  gloss_inspector_set_annotation (f->inspector, f->quick);
  settle ();
  steps = gloss_history_get_n_steps (history);

  /* Typing with short pauses. */
  type_note (f, "Sm");
  spin (100);
  type_note (f, "all");
  spin (100);
  type_note (f, " word");
  g_assert_cmpstr (gloss_annotation_get_note (f->quick), ==, "");

  spin (1000);
  g_assert_cmpstr (gloss_annotation_get_note (f->quick), ==, "Small word");
  g_assert_cmpuint (gloss_history_get_n_steps (history), ==, steps + 1);

  /* Showing another annotation commits at once. */
  type_note (f, " Brown");
  gloss_inspector_set_annotation (f->inspector, f->brown);
  g_assert_cmpstr (gloss_annotation_get_note (f->quick), ==, "Small word Brown");
  g_assert_cmpuint (gloss_history_get_n_steps (history), ==, steps + 2);

  /* Typing back the note that is there already changes nothing. */
  gloss_inspector_set_annotation (f->inspector, f->acme);
  type_note (f, "x");
  spin (20);
  {
    GtkTextView *view = GTK_TEXT_VIEW (get_named (f->inspector, "note-editor"));
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
    GtkTextIter start, end;

    gtk_text_buffer_get_end_iter (buffer, &end);
    start = end;
    gtk_text_iter_backward_char (&start);
    gtk_text_buffer_delete (buffer, &start, &end);
  }
  spin (1000);
  g_assert_cmpstr (gloss_annotation_get_note (f->acme), ==, "Check the spelling");
  g_assert_cmpuint (gloss_history_get_n_steps (history), ==, steps + 2);

  /* Undo changes the note from outside: the editor follows. */
  gloss_inspector_set_annotation (f->inspector, f->quick);
  g_assert_true (gloss_layer_undo (f->layer));
  g_assert_cmpstr (gloss_annotation_get_note (f->quick), ==, "Small word");
  shown = dup_note_text (f);
  g_assert_cmpstr (shown, ==, "Small word");

  /* Unless the user is typing there: the typing wins. */
  type_note (f, "!");
  g_assert_true (gloss_layer_redo (f->layer));
  g_clear_pointer (&shown, g_free);
  shown = dup_note_text (f);
  g_assert_cmpstr (shown, ==, "Small word!");
  spin (1000);
  g_assert_cmpstr (gloss_annotation_get_note (f->quick), ==, "Small word!");
}

static void
test_retag (Fixture       *f,
            gconstpointer  data)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (get_named (f->inspector, "tag-choice"));
  GlossAnnotation *twin;

  gloss_inspector_set_annotation (f->inspector, f->quick);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, tag_choice_position (f, "company"));

  gtk_drop_down_set_selected (dropdown, tag_choice_position (f, "claim"));
  g_assert_cmpstr (gloss_annotation_get_tag (f->quick), ==, "claim");
  settle ();
  g_assert_cmpstr (label_text (find_row (get_named (f->sidebar, "annotation-list"), f->quick),
                               "tag-label"), ==, "Claim");

  /* The same words with the same tag twice: refused, and the drop-down
   * shows the tag the annotation kept. */
  twin = annotate (f->layer, "company", "fox", NULL);
  g_assert_nonnull (twin);
  gloss_inspector_set_annotation (f->inspector, f->fox);
  gtk_drop_down_set_selected (dropdown, tag_choice_position (f, "company"));
  g_assert_cmpstr (gloss_annotation_get_tag (f->fox), ==, "controversy");
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==,
                    tag_choice_position (f, "controversy"));

  /* Undo re-tags from outside; the drop-down follows. */
  gloss_inspector_set_annotation (f->inspector, f->quick);
  g_assert_true (gloss_layer_undo (f->layer));   /* the twin */
  g_assert_true (gloss_layer_undo (f->layer));   /* the new tag */
  g_assert_cmpstr (gloss_annotation_get_tag (f->quick), ==, "company");
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, tag_choice_position (f, "company"));
}

static void
test_teammate (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GlossAnnotationFile) teammate = NULL;
  GlossLayer *layer;
  GlossAnnotationRow *row;
  GlossAnnotation *theirs;
  g_autofree char *counts = NULL;

  teammate = gloss_annotation_file_new (gloss_document_get_source (f->document),
                                        "ann", "Ann Other");
  gloss_annotation_file_set_codebook (teammate, gloss_document_get_codebook (f->document));
  layer = gloss_annotation_file_get_layer (teammate);
  theirs = annotate (layer, "controversy", "disputed", NULL);

  gloss_sidebar_add_layer (f->sidebar, teammate, "Ann Other");
  g_assert_true (gtk_widget_get_visible (get_named (f->sidebar, "layer-switcher")));

  gtk_drop_down_set_selected (GTK_DROP_DOWN (get_named (f->sidebar, "layer-switcher")), 1);
  g_assert_true (gloss_sidebar_get_shown_layer (f->sidebar) == layer);
  g_assert_true (gloss_sidebar_get_shown_file (f->sidebar) == teammate);
  wait_for_length (f, "annotation-list", 1);
  settle ();

  row = find_row (get_named (f->sidebar, "annotation-list"), theirs);
  g_assert_nonnull (row);
  g_assert_cmpstr (gloss_annotation_row_get_annotator (row), ==, "Ann Other");
  g_assert_cmpstr (label_text (row, "annotator-label"), ==, "Ann Other");
  /* Where the passage is, and the words around it. */
  g_assert_true (gtk_widget_get_visible (get_named (row, "location-label")));
  g_assert_cmpstr (label_text (row, "location-label"), ==, "¶ 1");
  g_assert_true (gtk_widget_get_visible (get_named (row, "context-label")));
  g_assert_true (g_str_has_prefix (label_text (row, "context-label"), "…"));
  g_assert_nonnull (strstr (label_text (row, "context-label"), "Acme Corporation disputed the claim that sales…"));
  /* A dot in the teammate's colour goes with the name. */
  g_assert_true (gtk_widget_get_visible (get_named (row, "annotator-dot")));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (get_named (row, "annotator-dot"))),
                            gloss_annotator_style_colour (GTK_WIDGET (f->sidebar), NULL, "ann")));
  counts = dup_counts (f);
  g_assert_cmpstr (counts, ==, "● Controversy 1");

  /* The own layer's problems stay in view, as the user's own. */
  g_assert_cmpuint (list_length (f, "attention-list"), ==, 2);
  row = find_row (get_named (f->sidebar, "attention-list"), f->moved);
  g_assert_nonnull (row);
  g_assert_cmpstr (gloss_annotation_row_get_annotator (row), ==, "");

  gloss_sidebar_remove_layer (f->sidebar, teammate);
  g_assert_true (gloss_sidebar_get_shown_layer (f->sidebar) == f->layer);
  g_assert_false (gtk_widget_get_visible (get_named (f->sidebar, "layer-switcher")));
  wait_for_length (f, "annotation-list", 6);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *empty = get_named (f->sidebar, "empty-label");
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  gloss_layer_replace_all (f->layer, none);
  wait_for_length (f, "annotation-list", 0);
  settle ();
  g_assert_true (gtk_widget_get_mapped (empty));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (empty)), ==,
                   "No annotations yet: select a passage and press 1 to 9");
  g_assert_false (gtk_widget_get_visible (get_named (f->sidebar, "attention")));
  g_assert_false (gtk_widget_get_visible (get_named (f->sidebar, "tag-counts")));

  gloss_sidebar_set_document (f->sidebar, NULL);
  g_assert_null (gloss_sidebar_get_shown_layer (f->sidebar));
  g_assert_cmpuint (list_length (f, "annotation-list"), ==, 0);
}

/* A large layer is filtered at once: the filter costs a few tens of
 * milliseconds for 100,000 annotations, and filtering in idle steps made
 * one frame stall when the last step ended. */
static void
test_large (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_object_unref);
  GlossSource *source = gloss_document_get_source (f->document);
  guint length = gloss_source_get_length (source);
  guint starts = length - 10;

  g_assert_cmpuint (starts * 9, >=, 100000);

  for (guint i = 0; i < 100000; i++)
    {
      /* 100,000 different spans: a layer never holds two annotations
       * with the same tag and span. */
      guint start = i % starts;
      guint end = start + 1 + (i / starts) % 9;
      const char *tag = i % 3 == 0 ? "company" : i % 3 == 1 ? "claim" : "controversy";
      g_autofree char *id = g_strdup_printf ("a%u", i);
      g_autofree char *quote = gloss_source_dup_slice (source, start, end);

      g_ptr_array_add (many, gloss_annotation_new_full (id, tag, start, end,
                                                        quote, "", "", i % 7 == 0 ? "needle" : "",
                                                        "2026-01-02T03:04:05Z",
                                                        "2026-01-02T03:04:05Z"));
    }
  gloss_layer_replace_all (f->layer, many);
  wait_for_length (f, "annotation-list", 100000);

  /* A keystroke filters the whole layer before it returns. */
  set_filter_text (f, "needle");
  g_signal_emit_by_name (get_named (f->sidebar, "filter-entry"), "search-changed");
  g_assert_cmpuint (gtk_filter_list_model_get_pending (list_filter_model (f, "annotation-list")),
                    ==, 0);
  g_assert_cmpuint (list_length (f, "annotation-list"), ==, (100000 + 6) / 7);

  settle ();
  {
    g_autofree char *counts = dup_counts (f);

    g_assert_cmpstr (counts, ==, "● Company 33334|● Controversy 33333|● Claim 33333");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add ("/sidebar/lists", Fixture, NULL,
              fixture_set_up, test_lists, fixture_tear_down);
  g_test_add ("/sidebar/filters", Fixture, NULL,
              fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/sidebar/selection", Fixture, NULL,
              fixture_set_up, test_selection, fixture_tear_down);
  g_test_add ("/sidebar/counts", Fixture, NULL,
              fixture_set_up, test_counts, fixture_tear_down);
  g_test_add ("/sidebar/unknown-tag", Fixture, NULL,
              fixture_set_up, test_unknown_tag, fixture_tear_down);
  g_test_add ("/sidebar/teammate", Fixture, NULL,
              fixture_set_up, test_teammate, fixture_tear_down);
  g_test_add ("/sidebar/empty", Fixture, NULL,
              fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/sidebar/large", Fixture, LONG_TAIL,
              fixture_set_up, test_large, fixture_tear_down);
  g_test_add ("/inspector/show", Fixture, NULL,
              fixture_set_up, test_inspector, fixture_tear_down);
  g_test_add ("/inspector/note", Fixture, NULL,
              fixture_set_up, test_note, fixture_tear_down);
  g_test_add ("/inspector/retag", Fixture, NULL,
              fixture_set_up, test_retag, fixture_tear_down);

  return g_test_run ();
}
